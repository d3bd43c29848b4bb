"""Jump lines (layout/jumps.py): a short line with a page reference right under a column's
last body line (or over its first), set apart from the body, is its story's note, never
a paragraph, a pull quote or furniture; a headline or a footer ending in a number is none."""

from __future__ import annotations

import pytest
from tests.pdfpages import BODY, HEIGHT, LEAD, WIDTH, run
from tests.test_pdf_margins import column, story

from broadsheet.layout.jumps import cued, dumped_jump, reads_as_jump
from broadsheet.layout.pdftext import pdf_source
from broadsheet.layout.roles import NOTE_RE
from broadsheet.model import Page
from broadsheet.page import PageGeometry, Run
from broadsheet.pipeline import Options, parse_text, process

# The left column of `story(720)`: its last line's baseline and its right edge.
LAST_BASE = 720 - 30 - 11 * LEAD
COLUMN_RIGHT = 40 + 0.5 * BODY * len("left line 0 of the column goes on")


def styled(text: str, left: float, base: float, size: float, italic: bool = False) -> Run:
    box = (left, base, left + 0.5 * size * len(text), base + size * 1.15)
    return Run(text, box, size, "Sans", False, italic, (0, 0, 0), True, 0)


def page_of(runs: list[Run]) -> Page:
    source, _ = pdf_source([PageGeometry(1, WIDTH, HEIGHT, tuple(runs), ())], "x.pdf")
    (page,) = process(source, Options(language="en")).pages
    return page


def placed_as(page: Page, text: str) -> list[str]:
    """Where the text went: the fields of the items that hold it, or furniture."""
    out = ["furniture" for f in page.furniture if text in f.text]
    for item in page.items:
        for name in ("notes", "paragraphs", "pull_quotes"):
            out += [name for f in getattr(item, name) if text in f.text]
        out += ["headline" for f in (item.headline,) if f is not None and text in f.text]
    return out


@pytest.mark.parametrize(
    ("text", "jump"),
    [
        ("Continued on Page A13", True),
        ("Fortsetzung auf Seite 5", True),
        ("→ Seite 24", True),
        ("Weiter S. 3", True),
        ("7", False),  # a folio: no words
        ("Spektrum 4. 20", False),  # an issue number: a number before the last
        ("The council met on Monday and voted to close the old bridge by 12", False),
    ],
)
def test_the_form_of_a_jump_line(text: str, jump: bool) -> None:
    assert reads_as_jump(text) is jump


def test_cue_words_and_signs_are_evidence() -> None:
    assert cued("Continued on Page 7") and cued("→ 7") and not cued("Bridge 7")


def test_an_italic_jump_line_under_a_column_is_its_storys_note() -> None:
    jump = styled("Continued on Page A7", 40, LAST_BASE - LEAD - 2, 7, italic=True)
    assert placed_as(page_of([*story(720), jump]), "Continued on Page A7") == ["notes"]


def test_a_jump_line_at_the_foot_of_the_page_is_a_note_not_furniture() -> None:
    # the story set low: its column ends right over the page's foot
    jump = styled("Fortsetzung auf Seite 20", 40, 20, 7, italic=True)
    runs = [*story(20 + 30 + 12 * LEAD + 2), jump]
    assert placed_as(page_of(runs), "Fortsetzung auf Seite 20") == ["notes"]


def test_a_flush_right_line_without_cue_words_in_body_type_is_a_jump() -> None:
    text = "Mehr dazu 7"
    jump = run(text, COLUMN_RIGHT - 0.5 * BODY * len(text), LAST_BASE - 2 * LEAD)
    assert placed_as(page_of([*story(720), jump]), text) == ["notes"]


def test_a_display_line_ending_in_a_number_is_no_jump() -> None:
    head = run("Council at 10", 40, 720, size=22, font="Sans-Bold")
    body = [*column(40, 690, 12, "left"), *column(320, 690, 12, "right")]
    assert placed_as(page_of([head, *body]), "Council at 10") == ["headline"]


def test_a_line_in_the_middle_of_a_column_is_no_jump() -> None:
    line = styled("Continued on Page 7", 40, 690 - 5 * LEAD - 2, 7, italic=True)
    upper = column(40, 690, 5, "upper")
    lower = column(40, 690 - 6 * LEAD - 4, 5, "lower")
    head = run("Council votes on the new bridge", 40, 720, size=22, font="Sans-Bold")
    assert "notes" not in placed_as(page_of([head, *upper, line, *lower]), "Continued on Page 7")


def test_a_jump_line_over_a_continued_storys_first_line_is_that_storys_note() -> None:
    second = [run("Harbour plans stall", 40, 520, size=22, font="Sans-Bold")]
    second.append(styled("Fortsetzung von Seite 1", 40, 494, 7, italic=True))
    second += [*column(40, 490 - LEAD, 12, "Harbour"), *column(320, 490 - LEAD, 12, "More")]
    first = [run("Council votes on the new bridge", 40, 720, size=22, font="Sans-Bold")]
    first += [*column(40, 690, 12, "Left"), *column(320, 690, 11, "Right")]
    first.append(run("Right line 11 of the column ends.", 320, 690 - 11 * LEAD))
    page = page_of([*first, *second])
    owner = [i for i in page.items if any("Seite 1" in n.text for n in i.notes)]
    assert len(owner) == 1 and owner[0].headline is not None
    assert owner[0].headline.text == "Harbour plans stall"


@pytest.mark.parametrize(
    ("text", "jump"),
    [
        ("Continued on Page A7", True),
        ("Fortsetzung auf Seite 5", True),
        ("→ Seite 3", True),
        ("Politik Seite 3", False),  # a running head: no pointer
        ("Die Zahl stieg von 5 auf 12", False),  # no page word before the number
    ],
)
def test_a_dumps_jump_line_needs_a_page_word_and_a_pointer(text: str, jump: bool) -> None:
    assert dumped_jump(text) is jump


def test_a_jump_line_in_a_dump_is_its_storys_note() -> None:
    dump = (
        "Council votes on the new bridge\n\n"
        "The council voted on Monday to build a new bridge over the river. The\n"
        "plan costs twelve million pounds and will take three years to finish.\n\n"
        "Continued on Page A7\n"
    )
    [item] = parse_text(dump).items()
    assert [n.text for n in item.notes] == ["Continued on Page A7"]
    assert item.pull_quotes == ()


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Aus dem Polnischen von Ulrike Sandmann.", True),
        ("Aus dem Englischen übersetzt von Jane Roe.", True),
        ("Aus dem allgemeinen Ärger der Anwohner wurde im Herbst eine Initiative.", False),
        ("Aus dem Weißen Haus hieß es am Abend, man prüfe den Brief.", False),
    ],
)
def test_a_translators_note_names_a_language_a_sentence_opening_alike_is_none(
    text: str, note: bool
) -> None:
    assert bool(NOTE_RE.match(text)) is note
