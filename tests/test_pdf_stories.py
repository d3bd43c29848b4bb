"""Stories on hand-placed PDF pages: what keeps a story whole and its header's parts in
their roles (layout/insets.py, layout/pdftext.py's rubrics). Each case fails if the story
splits or a header part is lost."""

from __future__ import annotations

import textwrap
from typing import Any

from tests.pdfpages import run as placed

from broadsheet.layout.pdftext import pdf_source
from broadsheet.model import Item
from broadsheet.page import PageGeometry, Run, Shape
from broadsheet.pipeline import Options, process

BODY = 9.0
LEAD = 11.0
SENTENCES = [
    "The council met on Monday and agreed to a plan for the old harbour.",
    "Work on the first quay is to start in spring and end within two years.",
    "The mayor said the plan would bring new homes and jobs to the district.",
    "Critics said the cost had been set far too low for a project of this size.",
    "A vote on the second phase is expected before the summer recess begins.",
    "Residents will be asked for their views at three meetings in the autumn.",
]


def run(text: str, left: float, base: float, width: float | None = None, **style: Any) -> Run:
    return placed(text, left, base, width, **{"size": BODY, "bold": False, **style})


def lines_of(text: str, width: int = 34) -> list[str]:
    """The text wrapped to lines of about `width` characters, as a column sets it."""
    return textwrap.wrap(text, width)


def paragraph(text: str, left: float, top: float) -> tuple[list[Run], float]:
    """The text as lines of a 180-point column from `top` down; the next paragraph's top."""
    out = [run(t, left, top - k * LEAD, 180.0) for k, t in enumerate(lines_of(text))]
    return out, top - len(out) * LEAD - LEAD / 2


def items(runs: list[Run], shapes: tuple[Shape, ...] = ()) -> list[Item]:
    source, _ = pdf_source([PageGeometry(1, 600.0, 800.0, tuple(runs), shapes)], "x.pdf")
    return list(process(source, Options(language="en")).pages[0].items)


QUOTE = "Nobody here has ever seen the harbour so empty"


def ruled_quote(left: float, first: float) -> tuple[list[Run], float, tuple[Shape, Shape]]:
    """QUOTE in display type from the baseline `first` down, 180 points wide between a rule
    over it and one under it; its runs, its last baseline and the rules."""
    lines = lines_of(QUOTE, 22)
    runs = [
        run(t, left, first - k * 14, 170.0, size=13.5, font="Sans-Bold")
        for k, t in enumerate(lines)
    ]
    low = first - (len(lines) - 1) * 14
    top = first + 13.5 * 1.15
    rules = (
        Shape("rule", (left, top + 3, left + 180, top + 4), None),
        Shape("rule", (left, low - 4, left + 180, low - 3), None),
    )
    return runs, low, rules


def story_with_quote(quote_size: float) -> list[Run]:
    """A headline in 16 points over one column; in the column, between two paragraphs, a
    quote in display type that repeats the column's third sentence."""
    runs = [run("Harbour plan agreed", 40, 700, 200.0, size=16.0, font="Sans-Bold")]
    top = 680.0
    for text in (" ".join(SENTENCES[:3]), " ".join(SENTENCES[3:4])):
        para, top = paragraph(text, 40, top)
        runs += para
    quote = lines_of(SENTENCES[2], 22)
    for k, t in enumerate(quote):
        runs.append(run(t, 40, top - 4 - k * 14, 170.0, size=quote_size, font="Sans-Bold"))
    top -= 4 + len(quote) * 14 + LEAD
    para, _ = paragraph(" ".join(SENTENCES[4:]), 40, top)
    return runs + para


def test_display_type_that_repeats_its_story_is_a_pull_quote_whatever_its_size() -> None:
    # Set nearly as large as the headline (16 / 13.5 < 1.25): its size alone says head.
    found = items(story_with_quote(13.5))
    articles = [i for i in found if i.type in ("article", "brief")]
    assert len(articles) == 1
    assert [q.text.rstrip(".") for q in articles[0].pull_quotes] == [SENTENCES[2].rstrip(".")]


def test_a_short_line_in_body_type_right_over_a_headline_is_its_kicker() -> None:
    kicker = run("Harbour", 40, 712, 35.0)  # the body's own type, right over the headline
    runs = [
        kicker,
        run("Plan for the old harbour agreed", 40, 694, 300.0, size=16.0, font="Sans-Bold"),
    ]
    top = 676.0
    for text in (" ".join(SENTENCES[:3]), " ".join(SENTENCES[3:])):
        para, top = paragraph(text, 40, top)
        runs += para
    (story,) = [i for i in items(runs) if i.type in ("article", "brief")]
    assert story.kicker is not None and story.kicker.text == "Harbour"


def test_display_type_between_rules_of_its_width_is_a_pull_quote_though_not_repeated() -> None:
    # The quote's words stand nowhere in the body (its source is continued elsewhere) and
    # it is set nearly as large as the headline; only its rules say it is set in.
    runs = [run("Harbour plan agreed", 40, 700, 200.0, size=16.0, font="Sans-Bold")]
    para, top = paragraph(" ".join(SENTENCES[:3]), 40, 680.0)
    quote, low, rules = ruled_quote(40, top - 6)
    para2, _ = paragraph(" ".join(SENTENCES[3:]), 40, low - 12)
    runs += [*para, *quote, *para2]
    found = [i for i in items(runs, rules) if i.type in ("article", "brief")]
    assert len(found) == 1
    assert [q.text for q in found[0].pull_quotes] == [QUOTE]


def test_a_short_line_over_a_quote_between_rules_is_the_columns_text_not_its_kicker() -> None:
    # Column two opens with the last words of a sentence from column one, then a quote
    # between rules: no headline stands under that line, so it is no kicker.
    runs = [run("Harbour plan agreed", 40, 700, 400.0, size=16.0, font="Sans-Bold")]
    para, _ = paragraph(" ".join(SENTENCES[:4]) + " They will repair the", 40, 680.0)
    quote, low, rules = ruled_quote(240, 680.0 - LEAD - 10)
    para2, _ = paragraph(" ".join(SENTENCES[4:]), 240, low - 12)
    runs += [*para, run("Harbour Walls too.", 240, 680.0, 80.0), *quote, *para2]
    found = [i for i in items(runs, rules) if i.type in ("article", "brief")]
    assert len(found) == 1
    assert found[0].kicker is None
    assert any("Harbour Walls too." in p.text for p in found[0].paragraphs)
