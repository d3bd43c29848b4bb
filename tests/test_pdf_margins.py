"""Page furniture found by place on one PDF page (layout/margins.py): the bands at the top
and bottom edges and the marks outside the text, on hand-placed runs. Each case fails if
the band or mark is missed, or if a story's own lines are taken for one."""

from __future__ import annotations

from tests.pdfpages import HEIGHT, LEAD, WIDTH, run

from broadsheet.layout.pdftext import pdf_source
from broadsheet.page import PageGeometry, Run, Shape
from broadsheet.pipeline import Options, process


def column(left: float, top: float, count: int, word: str) -> list[Run]:
    return [
        run(f"{word} line {k} of the column goes on", left, top - k * LEAD) for k in range(count)
    ]


def story(top: float) -> list[Run]:
    """A headline over two columns of body text, from `top` down."""
    head = run("Council votes on the new bridge", 40, top, size=22, font="Sans-Bold")
    return [head, *column(40, top - 30, 12, "left"), *column(320, top - 30, 12, "right")]


def kinds(runs: list[Run], shapes: tuple[Shape, ...] = ()) -> dict[str, str]:
    """Each block's first line and the kind of type the source files for it."""
    source, _ = pdf_source([PageGeometry(1, WIDTH, HEIGHT, tuple(runs), shapes)], "x.pdf")
    return {b.lines[0].text: b.style.kind for b in source.blocks[0] if b.style is not None}


def furniture_of(runs: list[Run], shapes: tuple[Shape, ...] = ()) -> list[str]:
    source, _ = pdf_source([PageGeometry(1, WIDTH, HEIGHT, tuple(runs), shapes)], "x.pdf")
    (page,) = process(source, Options(language="en")).pages
    return [f.text for f in page.furniture]


def test_a_masthead_and_date_over_a_rule_are_furniture_and_the_headline_is_not() -> None:
    band = [
        run("The Daily Courier", 40, 760, size=20, font="Sans-Bold"),
        run("Friday, 3 May", 440, 764, size=8, font="Sans"),
    ]
    rule = Shape("rule", (40.0, 748.0, 560.0, 748.5), None)
    found = kinds([*band, *story(720)], (rule,))
    assert found["The Daily Courier"] == "furniture"
    assert found["Friday, 3 May"] == "furniture"
    assert found["Council votes on the new bridge"] == "display"
    assert "The Daily Courier" in furniture_of([*band, *story(720)], (rule,))


def test_a_band_is_cut_off_by_a_wide_gap_without_a_rule() -> None:
    label = run("Regional news", 40, 770, size=14, font="Sans")
    assert kinds([label, *story(720)])["Regional news"] == "furniture"


def test_a_kicker_close_over_its_headline_is_no_band() -> None:
    kicker = run("Transport", 40, 756, size=9, font="Sans")
    found = kinds([kicker, *story(730)])
    assert found["Transport"] != "furniture"


def test_a_footer_under_the_columns_is_furniture_but_a_columns_last_line_is_not() -> None:
    footer = run("www.courier.example/news", 420, 30, size=7, font="Sans")
    assert kinds([*story(720), footer])["www.courier.example/news"] == "furniture"
    # the left column's last line, set apart by a blank line, in the column's own type
    last = run("left last line of the story.", 40, 720 - 30 - 13 * LEAD - 8)
    assert kinds([*story(720), last])["left last line of the story."] == "body"


def test_a_short_story_at_the_foot_of_the_page_is_no_band() -> None:
    head = run("School council", 40, 90, size=11, font="Sans-Bold")
    text = column(40, 75, 2, "foot")
    found = kinds([*story(720), head, *text])
    assert found["School council"] != "furniture"
    assert found["foot line 0 of the column goes on"] == "body"


def test_tiny_plate_marks_outside_the_text_are_furniture() -> None:
    marks = [run("CM", 80, 4, size=6, font="Sans"), run("YK", 80, 12, size=6, font="Sans")]
    found = kinds([*story(720), *marks])
    assert found["YK"] == "furniture"  # over CM: one block


def test_an_authors_note_in_italics_under_its_column_is_no_footer() -> None:
    note = run("The writer teaches law.", 40, 720 - 30 - 13 * LEAD - 8, font="Serif-Italic")
    assert kinds([*story(720), note])["The writer teaches law."] != "furniture"


def test_a_cover_of_few_lines_keeps_its_band_and_its_boxed_teaser() -> None:
    """On a cover the staff line sets most characters (the "body" type tells nothing),
    and a framed teaser at the foot, rubric over headline, is a box, not a footer."""
    band = [
        run("KZ", 2, 771, size=48, font="Sans-Bold"),
        run("Klassenzeitung", 150, 765, size=64, font="Sans-Bold"),
        run("Reporters and writers: Ann Lee, Bo Kim, Cy Dunn", 243, 724, size=11),
        run("and Dee Fox of the class", 243, 711, size=11),
    ]
    flash = run("Breaking!!!", 2, 636, size=31, font="Sans-Bold")
    teaser = [
        run("Pupil of the week", 107, 110, size=40, font="Sans-Bold"),
        run("The broken hip", 188, 43, size=31, font="Sans-Bold"),
    ]
    frame = Shape("rect", (102.0, 40.0, 535.0, 167.0), None)
    found = kinds([*band, flash, *teaser], (frame,))
    assert found["KZ"] == found["Reporters and writers: Ann Lee, Bo Kim, Cy Dunn"] == "furniture"
    assert found["Breaking!!!"] != "furniture"
    assert found["Pupil of the week"] != "furniture" and found["The broken hip"] != "furniture"


def test_a_slug_set_up_the_margin_is_furniture_and_joins_no_strip() -> None:
    slug = Run(
        "jdoe on PROD-7 with PROPOSALS",
        (8.0, 20.0, 13.0, 600.0),
        5.0,
        "Sans",
        False,
        False,
        (0, 0, 0),
        False,
        0,
    )
    footer = run("www.courier.example/news", 420, 30, size=7, font="Sans")
    found = kinds([*story(720), footer, slug])
    assert found["jdoe on PROD-7 with PROPOSALS"] == "furniture"
    assert found["www.courier.example/news"] == "furniture"


def test_a_section_label_in_a_bar_is_cut_off_by_the_bars_edge_over_a_storys_text() -> None:
    # a box's text beside the first story's kicker: the strip under the label holds a
    # story's text, so only the bar's edge (a frame drawn round the label) cuts it off
    label = run("Regional news", 40, 770, size=18, font="Sans-Bold")
    bar = Shape("rect", (36.0, 764.0, 564.0, 792.0), None, True)
    beside = column(320, 748, 8, "beside")
    kicker = run("Transport", 40, 745, size=9, font="Sans")
    found = kinds([label, kicker, *beside, *story(720)], (bar,))
    assert found["Regional news"] == "furniture"
    assert found["Transport"] != "furniture"


def test_a_short_headline_in_a_storys_own_bar_at_the_top_is_no_band() -> None:
    # the bar is as wide as its story's column, not the page's: a header, not a label
    head = run("Bridge vote", 40, 765, size=22, font="Sans-Bold")
    bar = Shape("rect", (36.0, 760.0, 220.0, 792.0), (230, 230, 230), True)
    left = column(40, 740, 20, "left")
    other = [run("Harbour plans approved by council", 320, 765, size=22, font="Sans-Bold")]
    found = kinds([head, *left, *other, *column(320, 740, 20, "right")], (bar,))
    assert found["Bridge vote"] != "furniture"
