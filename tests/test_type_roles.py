"""Header roles, pull quotes and subheads decided by a PDF's type and place.

Each case hands `plan_page` the units a PDF page makes (text, role, `Type`) and checks
one decision of layout/insets.py, layout/headers.py or layout/assemble.py; cue words are
left out on purpose ("Von", "By", a final stop), so only type and place can decide.
"""

from __future__ import annotations

from dataclasses import replace

from broadsheet.layout.assemble import Plan, plan_page
from broadsheet.layout.geometry import blocks, lines
from broadsheet.layout.headers import header_roles
from broadsheet.layout.paragraphs import paragraphs
from broadsheet.layout.pdftext import block_style
from broadsheet.layout.roles import BODY, BYLINE, CAPTION, DISPLAY, PHOTO_CREDIT, Unit
from broadsheet.model import Traced, Type
from broadsheet.page import Run

COLUMN = (40.0, 160.0)  # the column's left and right edge, in points


def unit(
    text: str,
    index: float,
    role: str,
    kind: str = "body",
    size: float = 1.0,
    *,
    bold: bool = False,
    italic: bool = False,
    extent: tuple[float, float] = COLUMN,
) -> Unit:
    lines_ = tuple(Traced(t) for t in text.split("\n"))
    return Unit(lines_, index, role, Type(kind, size, bold, italic, *extent))


OPEN = (
    "The council met on Monday to weigh the plan for the\n"
    "harbour, which the mayor had put off twice before the\n"
    "summer because the money for the new quay was"
)
GOES_ON = (
    "still missing from the budget, and the harbour master\n"
    "said the boats could wait no longer for a safe berth.\n"
    "The vote is due next week after a last hearing."
)
CLOSED = (
    "The council met on Monday to weigh the plan for the\n"
    "harbour, which the mayor had put off twice before the\n"
    "summer because the money for the new quay was short."
)
FRESH = (
    "Boats have waited for years for a safe berth in the\n"
    "old harbour, where the walls are crumbling and the\n"
    "quay is closed to lorries since the storm in March."
)


def headed(*rest: Unit, headline: float = 2.5) -> list[Unit]:
    """A story's header (a headline across the columns) before the given units."""
    head = unit("Harbour plan stalls again", 0, DISPLAY, "display", headline, bold=True)
    return [head, *rest]


def texts(units: list[Unit]) -> list[str]:
    return [u.text for u in units]


def test_a_pull_quote_without_a_stop_inside_a_broken_sentence_does_not_split_the_story() -> None:
    units = headed(
        unit(OPEN, 1, BODY),
        unit("We cannot wait another\nsummer for the quay", 2, DISPLAY, "display", 1.4),
        unit(GOES_ON, 3, BODY),
    )
    plan = plan_page(units, "en")
    (story,) = plan.stories
    assert texts(story.pull_quotes) == ["We cannot wait another summer for the quay"]
    assert len(story.pieces) == 2 and texts(story.heads) == ["Harbour plan stalls again"]


def test_a_pull_quote_and_its_attribution_in_other_type_are_one_quote() -> None:
    units = headed(
        unit(OPEN, 1, BODY),
        unit("We cannot wait another summer for\nthe quay to be built.", 2, BODY, "other", 1.2),
        unit("HARBOUR MASTER", 3, DISPLAY, "other", 0.8),
        unit(GOES_ON, 4, BODY),
    )
    (story,) = plan_page(units, "en").stories
    assert texts(story.pull_quotes) == [
        "We cannot wait another summer for the quay to be built. HARBOUR MASTER"
    ]


def test_a_subhead_in_the_column_stays_in_its_story_as_a_paragraph_of_its_own() -> None:
    units = headed(
        unit(CLOSED, 1, BODY),
        unit("A quay for lorries", 2, DISPLAY, "display", 1.0, bold=True, extent=(40, 120)),
        unit(FRESH, 3, BODY),
    )
    (story,) = plan_page(units, "en").stories
    assert texts(story.heads) == ["Harbour plan stalls again"]
    paras = [" ".join(line.text for line in p) for p in paragraphs(story.pieces)]
    assert paras[1] == "A quay for lorries"
    assert len(paras) == 3


def test_heads_in_one_type_down_a_column_start_a_story_each() -> None:
    """A column of briefs: each head is set like the one before it, so none ranks below a
    headline and each starts its own story."""
    brief = "Bold brief head"
    units = [
        unit(brief, 0, DISPLAY, "display", 1.0, bold=True),
        unit(CLOSED, 1, BODY),
        unit(brief + " two", 2, DISPLAY, "display", 1.0, bold=True),
        unit(FRESH, 3, BODY),
    ]
    assert len(plan_page(units, "en").stories) == 2


def test_a_head_wider_than_the_column_starts_a_new_story() -> None:
    units = headed(
        unit(CLOSED, 1, BODY),
        unit("Quay opens in May", 2, DISPLAY, "display", 1.2, bold=True, extent=(40, 400)),
        unit(FRESH, 3, BODY),
    )
    assert len(plan_page(units, "en").stories) == 2


def test_words_in_another_type_that_go_on_with_the_sentence_stay_in_it() -> None:
    units = headed(
        unit(OPEN, 1, BODY),
        unit("set out in the HARBOUR", 2, DISPLAY, "other", 0.85, bold=True),
        unit("PLAN. The vote is due next week after a last hearing\nof the council.", 3, BODY),
    )
    plan = plan_page(units, "en")
    (story,) = plan.stories
    assert "set out in the HARBOUR" in texts(story.pieces)
    assert not story.pull_quotes


def test_a_caption_set_smaller_than_the_body_heads_no_story() -> None:
    units = headed(
        unit(CLOSED, 1, BODY),
        unit(
            "The old quay in March, a week after the storm\nthat closed it",
            2,
            DISPLAY,
            "other",
            0.85,
        ),
        unit(FRESH, 3, BODY),
    )
    plan = plan_page(units, "en")
    assert len([s for s in plan.stories if s.pieces]) == 1


def roles_of(plan: Plan) -> dict[str, str]:
    (story,) = [s for s in plan.stories if s.heads]
    found = header_roles(story.heads)
    return {u.text: found[u.index] for u in story.heads}


def test_header_roles_follow_type_and_place_without_cue_words() -> None:
    """Kicker (two blocks in one smaller type above the headline), headline (largest),
    teaser (two blocks in one type between headline and body) and byline (a short line in
    body size closing the header, no "By")."""
    units = [
        unit("FIFTY YEARS AGO", 0, DISPLAY, "other", 1.0),
        unit("SEPTEMBER 19", 1, DISPLAY, "other", 1.0),
        unit("Harbour plan stalls again", 2, DISPLAY, "display", 2.5),
        unit("The mayor has put off the quay for the third time and", 3, BODY, "display", 1.3),
        unit("the boats wait", 4, DISPLAY, "display", 1.3),
        unit("Jane Doe", 5, DISPLAY, "other", 0.95, bold=True),
        unit(FRESH, 6, BODY),
    ]
    assert roles_of(plan_page(units, "en")) == {
        "FIFTY YEARS AGO": "kicker",
        "SEPTEMBER 19": "kicker",
        "Harbour plan stalls again": "headline",
        "The mayor has put off the quay for the third time and": "teaser",
        "the boats wait": "teaser",
        "Jane Doe": "byline",
    }


def test_a_label_over_a_kicker_and_headline_in_one_smaller_type_is_no_headline() -> None:
    units = [
        unit("Pupil of the week", 0, DISPLAY, "display", 2.0),
        unit("Jane Doe", 1, DISPLAY, "display", 1.5),
        unit("The broken hip", 2, DISPLAY, "display", 1.5),
        unit(FRESH, 3, BODY),
    ]
    assert roles_of(plan_page(units, "en")) == {
        "Pupil of the week": "extra",
        "Jane Doe": "kicker",
        "The broken hip": "headline",
    }


def test_block_style_tells_weight_slant_and_extent() -> None:
    quote = Run(
        "A quote", (50.0, 500.0, 150.0, 512.0), 12.0, "Sans", False, True, (0, 0, 0), True, 0
    )
    found = blocks(lines([quote]), [])
    style = block_style(found[0], ("Serif", 8.6))
    assert (style.kind, style.italic, style.bold) == ("display", True, False)
    assert (style.left, style.right) == (50.0, 150.0)


def test_a_rubric_beside_the_headline_is_not_its_kicker() -> None:
    """Smaller type right before the headline in reading order but in another column (the
    foot of a sidebar) does not stand over the headline: no kicker."""
    units = [
        unit("Find us here", 0, DISPLAY, "other", 1.0, extent=(20, 100)),
        unit("Harbour plan stalls again", 1, DISPLAY, "display", 2.5, extent=(150, 500)),
        unit(FRESH, 2, BODY, extent=(150, 300)),
    ]
    assert roles_of(plan_page(units, "en"))["Find us here"] == "extra"


def test_a_name_in_small_type_over_each_entry_of_a_list_heads_it_as_a_byline() -> None:
    """Small type heads no story when it holds a caption's words, but a short name over
    each entry of a list still parts the entries, as their bylines."""
    units = [
        unit("/u/first_poster", 0, DISPLAY, "other", 0.9),
        unit(CLOSED, 1, BODY),
        unit("/u/second_poster", 2, DISPLAY, "other", 0.9),
        unit(FRESH, 3, BODY),
    ]
    plan = plan_page(units, "en")
    assert len(plan.stories) == 2
    for story in plan.stories:
        assert set(header_roles(story.heads).values()) == {"byline"}


def test_a_byline_without_by_names_its_authors() -> None:
    from broadsheet.layout.roles import parse_byline

    assert parse_byline("Jane Doe and John Roe") == (["Jane Doe", "John Roe"], None)
    assert parse_byline("Staff of the harbour office") == ([], None)


def test_a_photo_credit_in_tiny_type_is_no_byline() -> None:
    units = [unit("JANE DOE/AGENCY", 0, DISPLAY, "other", 0.5), unit(FRESH, 1, BODY)]
    (story,) = plan_page(units, "en").stories
    assert set(header_roles(story.heads).values()) == {"extra"}


def test_a_section_head_under_a_stacked_notice_header_in_its_type_is_a_subhead() -> None:
    """A notice heads itself with a stack (agency, part, title) in bold body type; its
    sections are headed in that same type, alone: they stay in the notice."""
    units = [
        unit("DEPARTMENT OF HARBOURS", 0, DISPLAY, "display", 1.0, bold=True),
        unit("Port Authority", 1, DISPLAY, "display", 1.0, bold=True),
        unit("Quay Directives; The Old Harbour", 2, DISPLAY, "display", 1.0, bold=True),
        unit(CLOSED, 3, BODY),
        unit("Background", 4, DISPLAY, "display", 1.0, bold=True, extent=(40, 90)),
        unit(FRESH, 5, BODY),
    ]
    (story,) = plan_page(units, "en").stories
    assert "Background" in texts(story.pieces)


def test_a_pull_quote_over_a_subhead_between_closed_paragraphs_stays_in_the_story() -> None:
    units = headed(
        unit(CLOSED, 1, BODY),
        unit(
            "We cannot wait another\nsummer for the quay", 2, DISPLAY, "display", 1.5, italic=True
        ),
        unit("A quay for lorries", 3, DISPLAY, "display", 1.0, bold=True, extent=(40, 120)),
        unit(FRESH, 4, BODY),
    )
    (story,) = plan_page(units, "en").stories
    assert texts(story.pull_quotes) == ["We cannot wait another summer for the quay"]
    paras = [" ".join(line.text for line in p) for p in paragraphs(story.pieces)]
    assert paras == [CLOSED.replace("\n", " "), "A quay for lorries", FRESH.replace("\n", " ")]


def test_a_bare_byline_in_small_type_under_a_bold_teaser_closes_the_header() -> None:
    """Headline, a teaser in bold body-sized type, a name in smaller bold type, the body:
    the name is the byline (no "By"), the teaser the teaser; a subhead at the top of the
    next column still ranks below the headline past that byline."""
    units = headed(
        unit(
            "A new survey says the harbour walls will not\nlast another winter",
            1,
            BODY,
            "display",
            1.16,
            bold=True,
        ),
        unit("Jane Doe", 2, DISPLAY, "display", 0.93, bold=True, extent=(40, 90)),
        unit(CLOSED, 3, BODY),
        unit("Open questions", 4, DISPLAY, "display", 1.0, bold=True, extent=(170, 240)),
        unit(FRESH, 5, BODY, extent=(170, 290)),
        headline=2.0,
    )
    (story,) = plan_page(units, "en").stories
    roles_ = header_roles(story.heads)
    named = {u.text: roles_[u.index] for u in story.heads}
    assert named["Jane Doe"] == "byline"
    assert named["A new survey says the harbour walls will not last another winter"] == "teaser"
    assert "Open questions" in texts(story.pieces)


def placed(u: Unit, bottom: float, top: float) -> Unit:
    assert u.style is not None
    return Unit(u.lines, u.index, u.role, replace(u.style, bottom=bottom, top=top))


def test_a_rubric_read_last_but_set_right_over_a_headline_is_its_kicker() -> None:
    """A word on a tab over a story may be drawn (and read) after everything else: set
    right over the headline, within its extent and smaller, it is the kicker; the same
    word far above the headline is not."""
    for gap, kicker in ((6.0, True), (40.0, False)):
        units = [
            placed(
                unit(
                    "Harbour plan stalls again",
                    0,
                    DISPLAY,
                    "display",
                    2.5,
                    bold=True,
                    extent=(40, 300),
                ),
                700,
                730,
            ),
            unit(CLOSED, 1, BODY),
            unit(FRESH, 2, BODY),
            placed(
                unit("NOTEBOOK", 3, DISPLAY, "display", 1.0, bold=True, extent=(60, 120)),
                730 + gap,
                740 + gap,
            ),
        ]
        plan = plan_page(units, "en")
        roles_ = {u.text: r for s in plan.stories for u, r in _roles(s.heads)}
        assert (roles_.get("NOTEBOOK") == "kicker") is kicker, gap
        assert roles_["Harbour plan stalls again"] == "headline"


def _roles(heads: list[Unit]) -> list[tuple[Unit, str]]:
    found = header_roles(heads)
    return [(u, found[u.index]) for u in heads]


def test_a_header_reads_on_across_a_picture_to_its_teaser_and_byline() -> None:
    """Headline, teaser in bold body-sized type, the picture's caption, the byline (placed
    among the picture's type), the credit, the body: the teaser and the byline stay the
    story's, the caption and credit go to the picture."""

    def by_picture(u: Unit, role: str) -> Unit:
        assert u.style is not None
        return Unit(u.lines, u.index, u.role, replace(u.style, role=role, picture=0))

    teaser = "A survey says the harbour walls will not last\nanother winter"
    units = headed(
        unit(teaser, 1, BODY, "display", 1.16, bold=True),
        by_picture(unit("Boats in the old harbour", 2, CAPTION, "other", 0.87), "caption"),
        by_picture(unit("From Dover Jane Doe", 3, BYLINE, "display", 0.93, bold=True), "caption"),
        by_picture(unit("Photo: John Roe", 4, PHOTO_CREDIT, "other", 0.64), "credit"),
        unit(FRESH, 5, BODY),
        headline=2.0,
    )
    plan = plan_page(units, "en")
    (story,) = plan.stories
    named = {u.text: r for u, r in _roles(story.heads)}
    assert named[teaser.replace("\n", " ")] == "teaser"
    assert named["From Dover Jane Doe"] == "byline"
    assert [p.caption.text for p in plan.pictures if p.caption] == ["Boats in the old harbour"]


def test_a_name_in_italic_body_size_under_the_headline_is_the_byline() -> None:
    units = headed(
        unit("Jane Doe", 1, BODY, "other", 1.0, italic=True, extent=(40, 90)),
        unit(FRESH, 2, BODY),
    )
    (story,) = plan_page(units, "en").stories
    named = {u.text: r for u, r in _roles(story.heads)}
    assert named == {"Harbour plan stalls again": "headline", "Jane Doe": "byline"}


WIDE = (40.0, 360.0)  # a wide column, as an editorial is set beside a sidebar


def test_a_name_and_address_in_body_type_under_the_headline_are_its_byline() -> None:
    # Set in the body's own type: only its measure, far short of the body's, tells it; the
    # ornament before the first paragraph has no words and parts the header from nothing,
    # so the header goes to the body under it, not to a box read before it.
    box = unit("Notes from the harbour office\nfor the weeks ahead.", 0, BODY, extent=(400, 510))
    units = [
        replace(box, style=replace(box.style, frame=0)) if box.style else box,
        *headed(
            unit("Jane Doe, Editor\njane@example.org", 2, BODY, extent=(40, 150)),
            unit("\uf034", 3, DISPLAY, "display", 3.0, extent=(40, 52)),
            unit(FRESH, 4, BODY, extent=WIDE),
            unit(GOES_ON, 5, BODY, extent=WIDE),
        ),
    ]
    units[1] = replace(units[1], index=1)
    stories = plan_page(units, "en").stories
    (editorial,) = [s for s in stories if s.pieces and s.pieces[0].index == 4]
    named = {u.text: r for u, r in _roles(editorial.heads)}
    assert named["Harbour plan stalls again"] == "headline"
    assert named["Jane Doe, Editor jane@example.org"] == "byline"
    assert texts(editorial.pieces) == [t.replace("\n", " ") for t in (FRESH, GOES_ON)]


def test_a_first_paragraph_filling_its_column_is_no_byline() -> None:
    opening = "The council met on Monday\nto weigh the plan for the harbour"
    units = headed(unit(opening, 1, BODY, extent=WIDE), unit(GOES_ON, 2, BODY, extent=WIDE))
    (story,) = plan_page(units, "en").stories
    assert texts(story.heads) == ["Harbour plan stalls again"]
    assert texts(story.pieces)[0] == opening.replace("\n", " ")


def test_a_notes_cue_is_a_whole_word() -> None:
    from broadsheet.layout.roles import NOTE_RE

    assert NOTE_RE.match("Mitarbeit: Jane Roe")
    assert not NOTE_RE.match("Mitarbeiter des Vereins kümmerten sich um den Verletzten")
