"""Paragraph starts on a PDF page (layout/leading.py), on hand-placed runs: extra leading,
indents in ragged and justified text, short lines, and gaps between blocks of a column.
Each case fails if a break the page shows is missed or one it does not show is made."""

from __future__ import annotations

from broadsheet.layout.geometry import GBlock, Line
from broadsheet.layout.leading import opening_blocks, paragraph_starts, usual_pitches
from broadsheet.layout.pdftext import pdf_source
from broadsheet.model import union
from broadsheet.page import PageGeometry, Run
from broadsheet.pipeline import Options, process

BODY = 9.0
LEAD = 11.0


def run(text: str, left: float, base: float, right: float, size: float = BODY) -> Run:
    """A run from `left` to `right` with its bottom on `base`."""
    font = "Sans-Bold" if size > BODY else "Serif"
    return Run(
        text, (left, base, right, base + size * 1.15), size, font, False, False, (0,) * 3, True, 0
    )


def block(rows: list[tuple[str, float, float, float]], size: float = BODY) -> GBlock:
    """A block of lines given as (text, left, base, right)."""
    lines = tuple(Line((r,), r.box, r) for r in (run(*row, size=size) for row in rows))
    return GBlock(lines, union([ln.box for ln in lines]), -1)


def starts(rows: list[tuple[str, float, float, float]], size: float = BODY) -> list[bool]:
    b = block(rows, size)
    return paragraph_starts(b, usual_pitches([b]))


def test_extra_leading_inside_a_block_opens_a_paragraph() -> None:
    rows = [("one", 0, 500, 150), ("two", 0, 489, 150), ("three", 0, 478, 60)]
    rows += [("four", 0, 464, 150), ("five", 0, 453, 150)]  # three points more
    assert starts(rows) == [False, False, False, True, False]


def test_an_indent_opens_a_paragraph_in_ragged_text_after_a_line_that_is_not_short() -> None:
    rows = [("a ragged line", 0, 500, 140), ("a full line", 0, 489, 150)]
    rows += [("Indented", 9, 478, 120), ("goes on", 0, 467, 131)]
    assert starts(rows) == [False, False, True, False]


def test_lines_set_in_around_a_drop_cap_open_no_paragraph() -> None:
    rows = [("Eone", 0, 500, 150), ("two", 20, 489, 150), ("three", 20, 478, 150)]
    rows += [("four", 0, 467, 150), ("five", 0, 456, 150)]
    assert starts(rows) == [False] * 5
    # a cap the text layer has no letter for: the lines beside it are set in, ragged
    rows = [("Wer eine", 11, 500, 120), ("schaffen will", 11, 489, 130)]
    rows += [("Wasser und", 0, 478, 140), ("sen das", 0, 467, 135)]
    assert starts(rows) == [False] * 4


def test_a_centred_headline_line_is_no_indent() -> None:
    rows = [("Landing in the midst of a", 0, 500, 240), ("revolution", 70, 472, 170)]
    rows += [("and more", 0, 444, 240)]
    assert starts(rows, size=24) == [False, False, False]


def test_a_short_line_ends_a_paragraph_in_justified_text_only() -> None:
    justified = [("full one", 0, 500, 150), ("full two", 0, 489, 150)]
    justified += [("ends here.", 0, 478, 80), ("Next one", 0, 467, 150), ("full", 0, 456, 150)]
    assert starts(justified) == [False, False, False, True, False]
    ragged = [("a line", 0, 500, 150), ("a shorter line", 0, 489, 120)]
    ragged += [("ends here.", 0, 478, 80), ("Next one", 0, 467, 140), ("more", 0, 456, 100)]
    assert starts(ragged) == [False] * 5


def test_a_block_under_a_gap_in_its_column_opens_a_paragraph_but_not_under_a_headline() -> None:
    head = block([("A headline over two columns", 0, 520, 310)], size=18)
    upper = block([("first", 0, 495, 150), ("paragraph", 0, 484, 150)])
    lower = block([("Second", 0, 466, 150), ("paragraph", 0, 455, 150)])  # a line's gap
    right = block([("the other column", 160, 495, 310), ("goes on", 160, 484, 310)])
    found = [head, upper, lower, right]
    pitches = usual_pitches(found)
    assert opening_blocks(found, (), (), pitches) == {2}
    underline = (0.0, 485.0, 150.0, 485.4)  # a link's, inside its line
    assert opening_blocks(found, (underline,), (), pitches) == {2}
    rule = (0.0, 478.0, 150.0, 478.4)
    assert opening_blocks(found, (rule,), (), pitches) == set()
    picture = (0.0, 507.0, 150.0, 518.0)  # the upper block is a caption under it
    assert opening_blocks(found, (), (picture,), pitches) == set()


def test_the_text_path_keeps_the_pdfs_paragraphs() -> None:
    """A ragged column: its short line ending a sentence is no break, its indent is one."""
    rows = [
        ("The council met on Monday", 0, 150),
        ("to vote on the bridge. It", 0, 140),
        ("was late.", 0, 60),
        ("Nobody came to the vote", 0, 148),
        ("at all and so it ended and", 0, 150),
        ("then everyone went home", 0, 146),
        ("Today the vote is", 9, 130),
        ("held again.", 0, 70),
    ]
    runs = [run(t, left, 500 - k * LEAD, right) for k, (t, left, right) in enumerate(rows)]
    head = run("Bridge vote", 0, 520, 120, size=18)
    source, _ = pdf_source([PageGeometry(1, 600.0, 800.0, (head, *runs), ())], "x.pdf")
    (page,) = process(source, Options(language="en")).pages
    (item,) = page.items
    assert [p.text for p in item.paragraphs] == [
        "The council met on Monday to vote on the bridge. It was late. Nobody came to the "
        "vote at all and so it ended and then everyone went home",
        "Today the vote is held again.",
    ]


def test_a_drop_cap_on_its_last_lines_baseline_opens_its_first_line() -> None:
    """A cap three lines tall sits on the third line's baseline, where a line's first
    letter drawn apart ("c" + "ompletely") must not pass for a footnote mark beside it."""
    from broadsheet.layout.geometry import lines

    cap = Run("W", (28.3, 496.6, 70.3, 532.6), 37.0, "Banner", True, False, (0,) * 3, True, 0)
    rows = [
        run("hat are the chances of", 72.8, 522.8, 187.5),
        run("in the lap of a revolution,", 72.9, 512.4, 187.5),
        run("c", 72.9, 501.9, 77.2),
        run("ompletely unintentionally?", 77.2, 501.9, 187.5),
    ]
    found = sorted((ln.text for ln in lines([cap, *rows])), key=len)
    assert "W hat are the chances of" in found
    assert "c ompletely unintentionally?" in found


def test_a_list_items_hanging_indent_opens_no_paragraph() -> None:
    rows = [("• Fax: 202-493-2251 for all", 0, 500, 150), ("comments sent", 9, 489, 90)]
    rows += [("• Mail: the address above", 0, 478, 140), ("by hand", 9, 467, 60)]
    assert starts(rows) == [False] * 4
    numbered = [("(1) Is not a significant", 0, 500, 150), ("regulatory action", 14, 489, 110)]
    numbered += [("(2) Will not affect", 0, 478, 120)]
    assert starts(numbered) == [False] * 3
