"""The PDF path's geometry on hand-placed runs: lines, blocks, reading order, type, source.

Each case places runs the way a typesetter would and checks one decision of
layout/geometry.py, layout/order.py or layout/pdftext.py; each fails if that decision breaks.
"""

from __future__ import annotations

from tests.pdfpages import BODY, LEAD, run

from broadsheet.layout.geometry import blocks, lines
from broadsheet.layout.order import reading_order
from broadsheet.layout.pdftext import glyph_at, page_blocks, pdf_source
from broadsheet.model import Box
from broadsheet.page import PageGeometry, Run, Shape, Skipped


def column(left: float, top: float, texts: list[str], width: float = 120.0) -> list[Run]:
    return [run(t, left, top - k * LEAD, width) for k, t in enumerate(texts)]


def texts(found: list) -> list[str]:
    return [" | ".join(ln.text for ln in b.lines) for b in found]


def test_a_column_gap_separates_lines_of_one_baseline() -> None:
    page = column(0, 500, ["left one", "left two"]) + column(131, 500, ["right one", "right two"])
    assert sorted(ln.text for ln in lines(page)) == sorted(
        ["left one", "left two", "right one", "right two"]
    )


def test_pieces_that_fill_a_column_measure_join_across_a_wide_justified_gap() -> None:
    col = column(0, 500, ["aaa", "bbb", "ccc", "ddd"])
    lead_in = run("Saarland:", 0, 500 - 4 * LEAD, 40, bold=True, font="Serif-Bold")
    rest = run("Nach einem", 56, 500 - 4 * LEAD, 64)  # a 16 pt gap: two ems
    found = [ln.text for ln in lines([*col, lead_in, rest])]
    assert "Saarland: Nach einem" in found


def test_a_headline_next_to_another_is_cut_at_the_other_columns_edge() -> None:
    right = column(150, 400, [f"body {k}" for k in range(6)])
    left_head = run("Der Spree geht", 0, 520, 138, size=21, font="Sans-Bold", bold=True)
    right_head = run("Pendler zwischen", 150, 520, 200, size=25, font="Sans-Bold", bold=True)
    found = [ln.text for ln in lines([*right, left_head, right_head])]
    assert "Der Spree geht" in found and "Pendler zwischen" in found


def test_a_word_run_over_its_columns_edge_is_not_joined_to_the_next_column() -> None:
    over = run("Krankenhausreform", 0, 500, 190, size=17, font="Sans-Bold", bold=True)
    other = run("Minute", 167, 500, 66, size=17, font="Sans-Bold", bold=True)
    assert sorted(ln.text for ln in lines([over, other])) == ["Krankenhausreform", "Minute"]


def test_blocks_break_at_a_change_of_type_and_keep_a_bold_lead_in() -> None:
    head = run("Headline here", 0, 540, 120, size=17, font="Sans-Bold", bold=True)
    body = column(0, 515, ["first line of text", "second line", "third line"])
    lead = run("Bonn:", 0, 515 - 3 * LEAD, 25, font="Serif-Bold", bold=True)
    tail = run("a box paragraph", 28, 515 - 3 * LEAD, 92)
    found = blocks(lines([head, *body, lead, tail]), [])
    assert texts(found) == [
        "Headline here",
        "first line of text | second line | third line | Bonn: a box paragraph",
    ]


def test_text_in_a_tint_is_a_block_of_its_own() -> None:
    outside = column(0, 500, ["one", "two"])
    inside = column(0, 500 - 2 * LEAD, ["three", "four"])
    tint = Shape("rect", (-5.0, 400.0, 130.0, 500 - 1.5 * LEAD), (232, 232, 224))
    found = blocks(lines(outside + inside), [tint])
    assert texts(found) == ["one | two", "three | four"]
    assert [b.frame for b in found] == [-1, 0]


def order_of(boxes: dict[str, Box]) -> list[str]:
    return reading_order(list(boxes), lambda name: boxes[name], BODY)


def test_a_header_is_read_before_the_columns_under_it_then_column_by_column() -> None:
    boxes = {
        "kicker": (0, 590, 60, 600),
        "headline": (0, 560, 380, 588),
        "col1": (0, 300, 120, 550),
        "col2": (130, 320, 250, 550),
        "col3": (260, 400, 380, 550),
    }
    assert order_of(boxes) == ["kicker", "headline", "col1", "col2", "col3"]


def test_rows_are_read_before_the_stories_in_them() -> None:
    boxes = {
        "a": (0, 500, 180, 600),
        "b": (200, 450, 380, 600),
        "c": (0, 100, 380, 400),  # a wide band of white between the rows
    }
    assert order_of(boxes) == ["a", "b", "c"]


def test_a_column_goes_on_under_a_picture_before_the_next_column() -> None:
    boxes = {  # a story of two columns; a picture with caption and credit in the first
        "headline": (313, 1254, 751, 1279),
        "byline": (312, 1239, 442, 1249),
        "col1 top": (313, 1150, 580, 1233),
        "caption": (313, 1041, 539, 1058),
        "credit": (509, 1033, 580, 1040),
        "col1 under": (313, 902, 580, 1027),
        "col2 top": (591, 1139, 859, 1233),
        "quote": (591, 1075, 853, 1133),
        "col2 rest": (591, 901, 859, 1069),
    }
    assert order_of(boxes) == [
        "headline",
        "byline",
        "col1 top",
        "caption",
        "credit",
        "col1 under",
        "col2 top",
        "quote",
        "col2 rest",
    ]


def test_a_pull_quote_reaching_into_the_next_column_is_read_in_its_own() -> None:
    boxes = {
        "col2 top": (173, 1113, 301, 1144),
        "quote": (173, 1034, 322, 1106),
        "col2 rest": (173, 808, 301, 1028),
        "col3": (313, 829, 441, 1144),
    }
    assert order_of(boxes) == ["col2 top", "quote", "col2 rest", "col3"]


def page_of(runs: list[Run], number: int = 1) -> PageGeometry:
    return PageGeometry(number, 600.0, 800.0, tuple(runs), ())


def test_the_source_is_written_in_reading_order_whatever_the_drawing_order() -> None:
    head = run("Headline", 0, 600, 100, size=20, font="Sans-Bold", bold=True)
    right = column(130, 560, ["right column", "goes on"])
    left = column(0, 560, ["left column", "comes first"])
    drawn = [*right, head, *left]
    source, skipped = pdf_source([page_of(drawn)], "x.pdf")
    assert source.text == "Headline\n\nleft column\ncomes first\n\nright column\ngoes on"
    assert not skipped
    assert [b.style.kind for b in source.blocks[0] if b.style] == ["display", "body", "body"]


def test_runs_of_a_kerned_word_are_written_without_a_space() -> None:
    parts = [run("Hinter", 0, 500, 30), run("g", 30.2, 500, 4), run("ründen", 34.3, 500, 30)]
    source, _ = pdf_source([page_of(parts)], "x.pdf")
    assert source.text == "Hintergründen"


def test_pdfium_line_end_hyphen_marks_are_hyphens_and_control_characters_spaces() -> None:
    source, _ = pdf_source([page_of(column(0, 500, ["Handels\ufffe", "und\fAgrar"]))], "x.pdf")
    assert source.text == "Handels-\nund Agrar"


def test_every_character_leads_back_to_its_glyph_and_pages_without_text_are_listed() -> None:
    first = Run("Wort", (0.0, 0.0, 20.0, 10.0), BODY, "Serif", False, False, (0, 0, 0), True, 7)
    empty = PageGeometry(2, 600.0, 800.0, (), (Shape("image", (0.0, 0.0, 600.0, 800.0), None),))
    unreadable = Skipped(3, "PDFium cannot read page 3")
    source, skipped = pdf_source([page_of([first]), empty, unreadable], "x.pdf")
    assert glyph_at(source, 2) == (1, 9)
    assert [s.page for s in skipped] == [2, 3]
    assert "no text layer on page 2" in skipped[0].reason


def test_page_blocks_read_a_frame_as_one() -> None:
    story = column(0, 560, ["story text", "more story"])
    box = column(130, 560, ["box text", "more box"])
    frame = Shape("rect", (125.0, 400.0, 260.0, 580.0), (232, 232, 224))
    head = run("Box head", 130, 575, 80, size=12, font="Sans-Bold", bold=True)
    page = PageGeometry(1, 600.0, 800.0, (*story, *box, head), (frame,))
    assert texts(page_blocks(page)) == [
        "story text | more story",
        "Box head",
        "box text | more box",
    ]


def test_german_guillemets_pointing_inwards_are_balanced_quotes() -> None:
    from broadsheet.layout.flow import quote_depths

    assert quote_depths("die linke »Schulter« des Sternbilds", "de") == (0, 0)
    assert quote_depths("die linke «Schulter» des Sternbilds", "de") == (0, 0)
    assert quote_depths("er sagte: »Wir gehen", "de") == (0, 1)


def test_an_icon_set_large_is_not_the_headline() -> None:
    from broadsheet.layout.headers import header_roles
    from broadsheet.layout.roles import DISPLAY, Unit
    from broadsheet.model import Traced, Type

    def unit(text: str, index: float, size: float) -> Unit:
        return Unit((Traced(text),), index, DISPLAY, Type("display", size))

    heads = [
        unit("ASTRONOMIE", 0, 1.6),
        unit("Launischer roter Riese", 1, 2.0),
        unit("\uf034", 2, 3),
    ]
    assert header_roles(heads) == {0: "kicker", 1: "headline", 2: "extra"}


def test_a_picture_is_read_with_its_caption_and_credit_before_the_story_under_it() -> None:
    picture = Shape("image", (34.0, 1167.0, 859.0, 1292.0), None)
    caption = run("Rollkoffer statt Nachbarn", 34, 1158, 234, size=7.5, font="Sans")
    credit = run("Foto: Ana Ribeiro", 782, 1151, 77, size=6, font="Sans")
    head = run("Lissabon verliert seine Bewohner", 34, 1108, 395, size=25, font="Sans-Bold")
    left = column(34, 1080, [f"left {k}" for k in range(6)], width=407)
    right = column(452, 1080, [f"right {k}" for k in range(6)], width=407)
    page = PageGeometry(1, 900.0, 1300.0, (*right, credit, *left, head, caption), (picture,))
    assert [b.lines[0].text for b in page_blocks(page)] == [
        "Rollkoffer statt Nachbarn",
        "Foto: Ana Ribeiro",
        "Lissabon verliert seine Bewohner",
        "left 0",
        "right 0",
    ]


def test_an_indented_line_after_a_short_one_opens_a_paragraph() -> None:
    lines_ = [
        run("the first paragraph runs", 0, 500, 120),
        run("to its end.", 0, 500 - LEAD, 50),
        run("The second one", 8, 500 - 2 * LEAD, 112),
        run("goes on.", 0, 500 - 3 * LEAD, 120),
    ]
    source, _ = pdf_source([page_of(lines_)], "x.pdf")
    assert source.text == "the first paragraph runs\nto its end.\n\nThe second one\ngoes on."


def test_a_drop_cap_opens_the_line_beside_its_top() -> None:
    cap = run("W", 514.1, 744.5, 26.1, size=27.08, font="Sans-Black", bold=True)
    body = column(540.1, 758.8, ["er etwas ist oder sein", "bei Daimler-Benz, der"], 132.6)
    rest = column(514.0, 758.8 - 2 * LEAD, ["auf die Kleiderordnung;", "man trägt Blau"], 158.7)
    source, _ = pdf_source([page_of([cap, *body, *rest])], "x.pdf")
    assert source.text.startswith("Wer etwas ist oder sein\nbei Daimler-Benz, der\nauf die")


def test_a_footnote_mark_joins_the_line_of_its_word_not_another_columns() -> None:
    left = [run("operator. Reports", 45.0, 632.7, 71.0), run("from the accident", 123.8, 632.7)]
    mark = run("1", 117.5, 635.9, 3.9, size=5.85)
    other = run("a line of the next column", 222.0, 635.0, 168.0)  # level with the mark
    found = sorted(ln.text for ln in lines([*left, mark, other]))
    assert found == ["a line of the next column", "operator. Reports 1 from the accident"]


def test_each_font_learns_its_own_glyph_map() -> None:
    """One private-use code stands for "fi" in one font and for "ff" in another; where no
    word decides (a name), each font's own majority does, not the document's."""
    from broadsheet.pipeline import _glyph_plans
    from broadsheet.repair.lexicon import Lexicon, count_words

    serif = [
        "Wir \ue000nden die Lösung und de\ue000nieren den Pro\ue000t neu.",
        "Die Gra\ue000k zeigt es, wir \ue000nden es gut, de\ue000nitiv.",
        "Am Ende \ue000nden alle den Pro\ue000t gut, auch Herr Brq\ue000ztkl.",
    ]
    sans = [
        "Das Schi\ue000 liegt o\ue000en im Hafen, wir tre\ue000en uns.",
        "Herr Vrq\ue000ztkl trinkt Ka\ue000ee.",
    ]
    lex = Lexicon("de", count_words(serif + sans))
    plans = _glyph_plans({"Serif": serif, "Sans": sans}, lex, dropped=False)
    assert plans[serif[2]][0].endswith("Herr Brqfiztkl.")
    assert plans[sans[1]][0] == "Herr Vrqffztkl trinkt Kaffee."


def test_words_drawn_one_by_one_and_spread_wide_stay_one_line() -> None:
    """A narrow justified column drawn word by word: gaps of two ems are word gaps, unless
    a column's edge lies in the gap."""
    words = [
        run(w, x, 612.0, 25.0) for w, x in (("2020", 90.0), ("Nagorno-", 133.0), ("war,", 176.0))
    ]
    other = [run("next", 212.0, 612.0 - k * LEAD, 25.0) for k in range(6)]  # a column at 212
    found = sorted(ln.text for ln in lines([*words, *other]))
    assert found == ["2020 Nagorno- war,", *["next"] * 6]


def test_a_line_in_body_type_that_repeats_other_text_is_no_pull_quote() -> None:
    """A pull quote is set apart in its own type; a body-type piece whose words recur
    elsewhere on the page (a gazette's "on the internet at https://") stays in its story."""
    from broadsheet.layout.assemble import Story
    from broadsheet.layout.quotes import repeated_quotes
    from broadsheet.layout.roles import BODY, Unit
    from broadsheet.model import Traced, Type

    sentence = "Die Stadt will bis zum Jahr 2030 rund viertausend neue Wohnungen bauen lassen."
    story = Story(pieces=[Unit((Traced(f"Am Montag hieß es: {sentence} Mehr nicht."),), 0, BODY)])
    for kind, moved in (("body", False), ("display", True)):
        piece = Unit((Traced(sentence),), 1, BODY, Type(kind, 1.0 if kind == "body" else 1.5))
        other = Story(pieces=[piece])
        kept = repeated_quotes([Story(pieces=list(story.pieces)), other])
        assert any(piece in s.pull_quotes for s in kept) is moved, kind


def test_a_block_is_in_the_type_most_of_its_characters_are_set_in() -> None:
    """A body line ending in a URL set in its own font ("internet at https://") keeps its
    block in body type; a headline is in display type."""
    from broadsheet.layout.pdftext import block_style

    body = ("Serif", BODY)
    url_line = [run("found on the internet at", 40, 500), run("https://", 146, 500, font="Mono")]
    more = column(40, 500 - LEAD, ["www.example.org by searching for the docket number."])
    found = blocks(lines([*url_line, *more]), [])
    assert [block_style(b, body).kind for b in found] == ["body"]
    head = blocks(lines([run("Neue Wohnungen", 40, 700, size=20, font="Sans", bold=True)]), [])
    assert block_style(head[0], body).kind == "display"


def test_a_bold_run_in_head_keeps_the_colon_set_in_the_body_type() -> None:
    """A bold "AGENCY" touching ":" in the body's type is one line with its text, not a
    word run over its column's edge (a touching change of type that cuts a line)."""
    head = run("AGENCY", 40, 500, width=40.0, bold=True, font="Serif-Bold")
    rest = run(": Federal Aviation Administration (FAA), DOT.", 80, 500)
    assert texts(blocks(lines([head, rest]), [])) == [
        "AGENCY : Federal Aviation Administration (FAA), DOT."
    ]


def test_a_section_masthead_over_a_story_header_is_furniture() -> None:
    """A section's name set above a story's header in larger type than its headline
    (Spektrum's "SPEKTROGRAMM") is page furniture, and the story keeps its headline."""
    from broadsheet.layout.assemble import plan_page
    from broadsheet.layout.headers import header_roles
    from broadsheet.layout.roles import BODY, DISPLAY, Unit
    from broadsheet.model import Traced, Type

    def unit(text: str, index: float, role: str, kind: str, size: float) -> Unit:
        lines = tuple(Traced(t) for t in text.split("\n"))
        return Unit(lines, index, role, Type(kind, size))

    body = (
        "Beteigeuze bildet die linke Schulter des Sternbilds Orion, das von\n"
        "Mitteleuropa aus in den Wintermonaten gut sichtbar ist. Seit Monaten\n"
        "aber ist der Stern deutlich dunkler geworden als je zuvor gemessen."
    )
    units = [
        unit("SPEKTROGRAMM", 0, DISPLAY, "display", 2.7),
        unit("ASTRONOMIE", 1, DISPLAY, "display", 1.6),
        unit("LAUNISCHER ROTER RIESE", 2, DISPLAY, "display", 1.6),
        unit(body, 3, BODY, "body", 1.0),
    ]
    plan = plan_page(units, "de")
    assert [u.text for u in plan.furniture] == ["SPEKTROGRAMM"]
    (story,) = plan.stories
    roles_of = header_roles(story.heads)
    assert [u.text for u in story.heads if roles_of[u.index] == "headline"] == [
        "LAUNISCHER ROTER RIESE"
    ]


def test_a_framed_pull_quote_inside_a_framed_story_is_read_in_its_place() -> None:
    """The rules round a pull quote make a frame inside the story's own box: its text is
    read where it stands in the column, not after the whole story."""
    top = column(0, 700, ["first para one", "first para two"])
    quote = [run("A quoted line", 0, 660, 120, size=14, font="Serif-Bold", bold=True)]
    rest = column(0, 630, ["rest para one", "rest para two"])
    shapes = (
        Shape("rect", (-2.0, 600.0, 122.0, 720.0), None),  # the story's box
        Shape("rect", (-1.0, 655.0, 121.0, 680.0), None),  # the quote's rules
    )
    page = PageGeometry(1, 600.0, 800.0, tuple([*top, *quote, *rest]), shapes)
    assert texts(page_blocks(page)) == [
        "first para one | first para two",
        "A quoted line",
        "rest para one | rest para two",
    ]
