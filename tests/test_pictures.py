"""Pictures on PDF pages: what a picture is, the caption and credit set by it, and where
its story's header stands (layout/pictures.py, layout/captions.py, load/pdf.py drawings).

Pages are built from hand-placed runs and shapes, as in tests/test_pdf_layout.py; each case
fails if its decision breaks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.pdfpages import run as placed

from broadsheet.layout.captions import split_credit
from broadsheet.layout.pdftext import page_blocks, pdf_source
from broadsheet.load.drawings import drawings, drawn_pictures
from broadsheet.model import Item, Traced
from broadsheet.page import PageGeometry, Run, Shape
from broadsheet.pipeline import Options, parse_pdf, process

BODY = 9.0
LEAD = 11.0
WORDS = (
    "the council met on monday and agreed to a plan that will change the city "
    "for years to come while the opposition said it would fight every step of it"
).split()


def run(text: str, left: float, base: float, width: float | None = None, **style: Any) -> Run:
    """A run in this file's body size, bold only where told (see tests/pdfpages.py)."""
    return placed(text, left, base, width, **{"size": BODY, "bold": False, **style})


def body_lines(left: float, top: float, count: int, seed: int, width: float = 150.0) -> list[Run]:
    """A column of body lines, each a few words of a sentence; the last ends it."""
    out = []
    for k in range(count):
        words = [WORDS[(seed + 5 * k + j) % len(WORDS)] for j in range(5)]
        text = " ".join(words)
        if k == 0:
            text = text[0].upper() + text[1:]
        if k == count - 1:
            text += "."
        out.append(run(text, left, top - k * LEAD, width))
    return out


def page(runs: list[Run], shapes: list[Shape]) -> PageGeometry:
    return PageGeometry(1, 600.0, 800.0, tuple(runs), tuple(shapes))


def items(p: PageGeometry) -> list[Item]:
    source, _ = pdf_source([p], "x.pdf")
    doc = process(source, Options(language="en"))
    return list(doc.pages[0].items)


def roles(p: PageGeometry) -> list[tuple[str, str]]:
    return [(b.role, " / ".join(ln.text for ln in b.lines)) for b in page_blocks(p)]


def test_a_filled_path_holding_no_text_is_a_picture_drawn_in_vectors() -> None:
    text = [run("a line of text", 50, 700), run("in a dark box", 300, 100)]
    shapes = [
        Shape("rect", (50.0, 400.0, 250.0, 600.0), None, True),  # a picture: no text in it
        Shape("rect", (50.0, 300.0, 70.0, 320.0), None, True),  # a bullet: too small
        Shape("rect", (290.0, 90.0, 500.0, 200.0), None, True),  # text set on it: a frame
        Shape("rect", (0.0, 0.0, 600.0, 800.0), None, True),  # the page's background
        Shape("rect", (300.0, 400.0, 500.0, 600.0), None, False),  # a frame, stroked only
        Shape("rule", (50.0, 250.0, 500.0, 251.0), None, False),
    ]
    assert drawn_pictures(shapes, text, 600.0, 800.0) == [0]


def test_a_caption_under_a_drawing_in_another_face_ends_in_a_credit_of_its_own_type() -> None:
    """The caption is in the body's size but italic; the credit at its last line's end is
    smaller ("… in Tianjin." + "AFP"): cut off, and the caption's lines are one block."""
    drawing = Shape("drawing", (40.0, 500.0, 360.0, 700.0), None, True)
    caption = [
        run("Leaders shake hands during a meeting", 40, 485, 300, font="Sans-Italic", italic=True),
        run("in Tianjin.", 40, 485 - LEAD, 60, font="Sans-Italic", italic=True),
        run("AFP", 103, 485 - LEAD, 16, size=7.0, font="Sans-Italic", italic=True),
    ]
    story = body_lines(40, 440, 8, 0, width=320)
    found = roles(page([*caption, *story], [drawing]))
    assert found[:2] == [
        ("caption", "Leaders shake hands during a meeting / in Tianjin."),
        ("credit", "AFP"),
    ]
    pictures = [i for i in items(page([*caption, *story], [drawing])) if i.type == "picture"]
    assert [(str(p.caption), str(p.credit)) for p in pictures] == [
        ("Leaders shake hands during a meeting in Tianjin.", "AFP")
    ]


def test_a_credit_set_up_the_pictures_side_is_its_credit() -> None:
    image = Shape("image", (40.0, 500.0, 360.0, 700.0), None)
    credit = run("Photo Jane Roe", 362, 520, 80, size=6.0, font="Sans", upright=False)
    caption = run("The harbour at dawn, seen from the old lighthouse", 40, 485, 300, size=7.5)
    story = body_lines(40, 440, 8, 3, width=320)
    found = roles(page([credit, caption, *story], [image]))
    assert ("credit", "Photo Jane Roe") in found
    assert ("caption", "The harbour at dawn, seen from the old lighthouse") in found


def test_type_beside_a_picture_is_a_caption_only_flush_with_its_foot_or_top() -> None:
    """A caption beside a picture sits level with its foot; a pull quote's attribution in
    small type beside it, half way up, is no caption."""
    image = Shape("image", (40.0, 500.0, 300.0, 700.0), None)
    beside = run("The harbour at dawn", 310, 500, 100, size=7.5, font="Sans")
    attribution = run("JANE ROE", 310, 600, 50, size=7.0, font="Sans", bold=True)
    story = body_lines(40, 440, 8, 5, width=320)
    found = roles(page([beside, attribution, *story], [image]))
    assert ("caption", "The harbour at dawn") in found
    assert ("", "JANE ROE") in found


def test_the_name_under_a_small_portrait_is_no_caption() -> None:
    """Text by a picture a few ems wide (an interview's portrait, a logo) is a label."""
    portrait = Shape("image", (40.0, 600.0, 90.0, 650.0), None)
    name = run("Jane Roe", 40, 588, 40, size=7.5, font="Sans")
    story = body_lines(120, 650, 8, 7)
    assert ("", "Jane Roe") in roles(page([name, *story], [portrait]))


def test_a_credit_at_the_captions_end_is_split_off_and_keeps_its_label() -> None:
    def split(text: str) -> tuple[str, str | None]:
        caption, credit = split_credit(Traced.of_source(text, 0, len(text)))
        assert credit is None or (credit.start, credit.end) == (text.rindex(str(credit)), len(text))
        return str(caption), None if credit is None else str(credit)

    assert split("Leaders meet in Tianjin. AFP") == ("Leaders meet in Tianjin.", "AFP")
    assert split("Traffic at the junction last Saturday. EMMANUAL YOGINI") == (
        "Traffic at the junction last Saturday.",
        "EMMANUAL YOGINI",
    )
    assert split("Speaking at the Library. Credit: Leslie Johnston") == (
        "Speaking at the Library.",
        "Credit: Leslie Johnston",
    )
    assert split("Speaking at the Library. Photo: A. B. Smith") == (
        "Speaking at the Library.",
        "Photo: A. B. Smith",
    )
    assert split("The harbour at dawn. Jane Roe/AP") == ("The harbour at dawn.", "Jane Roe/AP")
    assert split("Der Hafen am Morgen. Max Muster / dpa") == (
        "Der Hafen am Morgen.",
        "Max Muster / dpa",
    )
    for whole in (
        "The new bridge over the river in the U.S. Army base",  # no credit
        "Trains run again. Berlin/Brandenburg is next in line",  # a sentence with a slash
        "The final in Leipzig. Dresden/Chemnitz",  # no name: one word before the slash
        "Das neue Rathaus in Bonn. Es wird 2026 fertig.",  # a sentence, not a name
        "THE CROWD IN THE SQUARE. AFP",  # a caption in capitals: no telling
        "The vote. ONE TWO THREE FOUR FIVE",  # more words than a name
    ):
        assert split(whole) == (whole, None)


def lead_story() -> tuple[list[Run], list[Shape]]:
    """A lead story: kicker and headline across three columns, under them a picture as wide
    with its caption and credit, then the byline and the three columns; left of it, read
    first, a story of one column with a header of its own."""
    x = 110
    runs = [
        run("Other news", 40, 760, 50, size=14.0, font="Sans-Bold", bold=True),
        *body_lines(40, 735, 30, 11, width=55),
        run("CITY HALL", x, 760, 60, size=9.0, font="Sans-Bold", bold=True),
        run("Council agrees on the new plan", x, 735, 400, size=22.0, font="Sans-Bold", bold=True),
        run("The council in session on Monday night.", x, 528, 300, size=7.5, font="Sans"),
        run("Photo: Jane Roe", x + 410, 518, 60, size=6.0, font="Sans"),
        run("By John Smith", x, 500, 80, font="Serif-Italic", italic=True),
    ]
    for c in range(3):
        runs += body_lines(x + c * 160, 480, 10, 7 * c, width=150)
    return runs, [Shape("image", (x, 545.0, x + 470, 725.0), None)]


def test_a_header_over_a_picture_heads_the_columns_under_it_and_its_picture_follows() -> None:
    runs, shapes = lead_story()
    found = items(page(runs, shapes))
    lead = next(i for i in found if i.headline and "Council" in str(i.headline))
    assert str(lead.kicker) == "CITY HALL"
    assert str(lead.byline) == "By John Smith"
    assert len(lead.paragraphs) == 3 and str(lead.paragraphs[0]).startswith("The council met")
    after = found[found.index(lead) + 1]
    assert after.type == "picture"
    assert (str(after.caption), str(after.credit)) == (
        "The council in session on Monday night.",
        "Photo: Jane Roe",
    )
    assert after.headline is None and after.kicker is None


def test_a_header_over_a_picture_with_no_story_under_it_titles_the_picture() -> None:
    """A picture story: kicker and headline over the picture, the caption its only text;
    the story under it has a header of its own."""
    runs = [
        run("PICTURE OF THE WEEK", 40, 760, 120, size=10.0, font="Sans-Bold", bold=True),
        run("Moving slowly in a fast city", 40, 740, 250, size=16.0, font="Sans"),
        run("Traffic at the junction last Saturday. JANE ROE", 40, 528, 300, size=7.5, font="Sans"),
        run("Flood relief for the valley", 40, 470, 250, size=16.0, font="Sans"),
        *body_lines(40, 445, 8, 2, width=300),
    ]
    found = items(page(runs, [Shape("image", (40.0, 545.0, 510.0, 730.0), None)]))
    picture = next(i for i in found if i.type == "picture")
    assert (str(picture.kicker), str(picture.headline)) == (
        "PICTURE OF THE WEEK",
        "Moving slowly in a fast city",
    )
    assert (str(picture.caption), str(picture.credit)) == (
        "Traffic at the junction last Saturday.",
        "JANE ROE",
    )
    story = next(i for i in found if i.type != "picture")
    assert str(story.headline) == "Flood relief for the valley"


def test_two_photos_set_edge_to_edge_share_a_caption_and_a_credit_in_two_lines_up_the_side() -> (
    None
):
    """A pair of photos, a label on each, one caption under both; the credit is set in two
    rotated lines under the pair's right edge, and comes out as one credit."""
    shapes = [
        Shape("image", (40.0, 500.0, 220.0, 680.0), None),
        Shape("image", (220.0, 500.0, 400.0, 680.0), None),
    ]
    runs = [
        run("January", 100, 510, 40, size=7.0, font="Sans"),
        run("December", 280, 510, 45, size=7.0, font="Sans"),
        run("The star has dimmed for months, as the photos show.", 40, 480, 250, size=8.0),
        run("AGENCY / J. ROE", 380, 420, 75, size=4.0, font="Sans", upright=False),
        run("CC BY 4.0", 385, 450, 45, size=4.0, font="Sans", upright=False),
        *body_lines(40, 400, 8, 1, width=320),
    ]
    pictures = [i for i in items(page(runs, shapes)) if i.type == "picture"]
    assert [(str(p.caption), str(p.credit)) for p in pictures] == [
        ("The star has dimmed for months, as the photos show.", "AGENCY / J. ROE CC BY 4.0")
    ]


REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def real_items(name: str, page_number: int) -> list[Item]:
    """A real page's items (the pages stay outside the repository: skip without them)."""
    pdf = REAL / name
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here")
    doc, _ = parse_pdf(pdf, Options(), pages=str(page_number))
    return list(doc.pages[0].items)


@pytest.mark.parametrize(
    ("name", "page_number", "expected"),
    [
        # (caption, credit, kicker and headline) present in each picture item, in page order
        ("en_thehindu_p11_opinion_2025-09-19.pdf", 1, [(1, 1, 0), (1, 1, 1)]),
        ("en_loc_digital-preservation-newsletter_2013-06.pdf", 1, [(1, 1, 0)]),
        ("de_klz_klassenzeitung_2024-08-12.pdf", 2, [(1, 0, 0)]),
    ],
)
def test_real_pages_pictures_have_their_captions_credits_and_titles(
    name: str, page_number: int, expected: list[tuple[int, int, int]]
) -> None:
    found = real_items(name, page_number)
    pictures = [i for i in found if i.type == "picture"]
    assert [
        (int(p.caption is not None), int(p.credit is not None), int(bool(p.kicker and p.headline)))
        for p in pictures
    ] == expected
    assert found[0].type != "picture"  # each picture follows its story


def test_a_lone_short_line_flush_with_the_pictures_right_edge_is_its_credit() -> None:
    """No caption, no cue word: a name set flush right under the picture is its credit; a
    line starting at the picture's left edge is its caption."""
    image = Shape("image", (40.0, 500.0, 360.0, 700.0), None)
    story = body_lines(40, 460, 8, 4, width=320)
    credit = run("JANE ROE", 310, 490, 50, size=7.0, font="Sans")
    assert ("credit", "JANE ROE") in roles(page([credit, *story], [image]))
    caption = run("Jane Roe at home", 40, 490, 80, size=7.0, font="Sans")
    assert ("caption", "Jane Roe at home") in roles(page([caption, *story], [image]))


def test_a_caption_line_after_a_bold_lead_in_keeps_its_text() -> None:
    """A lead-in set bold with a full stop ("Left."), the caption going on in the regular
    face, is no credit in another face: the line stays whole."""
    image = Shape("image", (40.0, 500.0, 360.0, 700.0), None)
    lead = run("Left.", 40, 485, 25, size=7.5, font="Sans-Bold", bold=True)
    rest = run("The old harbour in winter", 68, 485, 120, size=7.5, font="Sans")
    story = body_lines(40, 440, 8, 6, width=320)
    assert ("caption", "Left. The old harbour in winter") in roles(
        page([lead, rest, *story], [image])
    )


def test_what_one_picture_placed_makes_one_item_and_two_pictures_two() -> None:
    """A caption whose first line is set in a type of its own is two blocks, one caption;
    a credit after a gap on the caption's last line, in the caption's type, is its credit;
    the photo beside it keeps its own caption."""
    shapes = [
        Shape("image", (40.0, 500.0, 250.0, 700.0), None),
        Shape("image", (270.0, 500.0, 480.0, 700.0), None),
    ]
    runs = [
        run("Winter harbour", 40, 486, 70, size=7.5, font="Sans-Bold", bold=True),
        run("The boats lie idle since the ice came", 40, 477, 180, size=7.5, font="Sans"),
        run("in early January.", 40, 468, 80, size=7.5, font="Sans"),
        run("JANE ROE", 150, 468, 45, size=7.5, font="Sans"),
        run("The lighthouse keeper on his round.", 270, 486, 170, size=7.5, font="Sans"),
        *body_lines(40, 440, 8, 9, width=440),
    ]
    pictures = [i for i in items(page(runs, shapes)) if i.type == "picture"]
    assert [(str(p.caption), str(p.credit)) for p in pictures] == [
        (
            "Winter harbour The boats lie idle since the ice came in early January.",
            "JANE ROE",
        ),
        ("The lighthouse keeper on his round.", "None"),
    ]


def test_a_caption_under_a_picture_and_its_side_credit_is_its_caption() -> None:
    """The credit set up the picture's right edge takes room the image gives up: the
    caption under both runs wider than the image, and is still its caption."""
    image = Shape("image", (40.0, 500.0, 350.0, 700.0), None)
    credit = run("Jane Roe/Agency", 352, 540, 80, size=5.5, font="Sans", upright=False)
    caption = run("The harbour at dawn, seen from the old lighthouse", 40, 487, 318, size=7.5)
    story = body_lines(40, 440, 8, 3, width=318)
    found = roles(page([credit, caption, *story], [image]))
    assert ("credit", "Jane Roe/Agency") in found
    assert ("caption", "The harbour at dawn, seen from the old lighthouse") in found
    pictures = [i for i in items(page([credit, caption, *story], [image])) if i.type == "picture"]
    assert [(str(p.caption), str(p.credit)) for p in pictures] == [
        ("The harbour at dawn, seen from the old lighthouse", "Jane Roe/Agency")
    ]


def test_a_credit_run_on_from_the_captions_last_line_reads_in_line_order() -> None:
    """A credit in a type of its own after a gap on the caption's line, going on at the
    next line's start: its words read left to right, top down."""
    drawing = Shape("drawing", (40.0, 500.0, 360.0, 700.0), None, True)
    runs = [
        run("The harbour at dawn, seen from the lighthouse.", 40, 488, 250, size=7.5),
        run("Jane", 330, 488, 20, size=5.5, font="Mono"),
        run("Roe/Agency", 40, 480, 40, size=5.5, font="Mono"),
        *body_lines(40, 440, 8, 3, width=320),
    ]
    pictures = [i for i in items(page(runs, [drawing])) if i.type == "picture"]
    assert [(str(p.caption), str(p.credit)) for p in pictures] == [
        ("The harbour at dawn, seen from the lighthouse.", "Jane Roe/Agency")
    ]


def test_a_bare_byline_under_a_picture_between_header_and_body_is_the_byline() -> None:
    """Header, picture, then a name set bold without "By", then the body: the name is the
    story's byline, not more caption, and the header heads the body across the picture."""
    x = 40
    runs = [
        run("HARBOUR", x, 760, 50, size=9.0, font="Sans"),
        run("Ferries return to the old port", x, 735, 320, size=22.0, font="Sans-Bold", bold=True),
        run("The ferry at the quay on Monday morning.", x, 528, 200, size=7.5, font="Sans"),
        run("Jane Roe/Agency", x + 250, 519, 60, size=6.0, font="Sans"),
        run("John Smith", x, 500, 60, size=8.5, font="Sans-Bold", bold=True),
        *body_lines(x, 480, 10, 2, width=320),
    ]
    found = items(page(runs, [Shape("image", (x, 545.0, x + 320, 725.0), None)]))
    story = next(i for i in found if i.type != "picture")
    assert str(story.headline) == "Ferries return to the old port"
    assert str(story.byline) == "John Smith"
    picture = next(i for i in found if i.type == "picture")
    assert (str(picture.caption), str(picture.credit)) == (
        "The ferry at the quay on Monday morning.",
        "Jane Roe/Agency",
    )
    assert picture.headline is None


def test_a_teaser_over_a_picture_between_header_and_byline_stays_the_headers() -> None:
    """Headline and a teaser of full sentences over the picture, byline and body under it:
    the teaser is the header's (not a brief's body), and the story keeps its whole header."""
    x = 110
    deck = "Sans-Bold"
    runs = [
        run("Other news", 40, 760, 50, size=14.0, font="Sans-Bold", bold=True),
        *body_lines(40, 735, 30, 11, width=55),
        run("HARBOUR", x, 760, 60, size=9.0, font="Sans-Bold", bold=True),
        run("Ferries return to the old port", x, 735, 320, size=22.0, font="Sans-Bold", bold=True),
        run(
            "With the quays rebuilt at a cost of four million, the",
            x,
            712,
            300,
            size=10.5,
            font=deck,
            bold=True,
        ),
        run(
            "harbour reopens after two years of works, and the",
            x,
            699,
            290,
            size=10.5,
            font=deck,
            bold=True,
        ),
        run("first boats are full on the first day.", x, 686, 200, size=10.5, font=deck, bold=True),
        run("The ferry at the quay on Monday morning.", x, 518, 200, size=7.5, font="Sans"),
        run("Photo: Jane Roe", x + 250, 509, 60, size=6.0, font="Sans"),
        run("By John Smith", x, 490, 70, font="Serif-Italic", italic=True),
        *body_lines(x, 470, 12, 2, width=320),
    ]
    found = items(page(runs, [Shape("image", (x, 535.0, x + 320, 700.0), None)]))
    story = next(i for i in found if i.headline and "Ferries" in str(i.headline))
    assert str(story.teaser).startswith("With the quays rebuilt")
    assert str(story.byline) == "By John Smith"
    assert len(story.paragraphs) == 1
    assert found[found.index(story) + 1].type == "picture"


def test_an_image_placed_inside_a_form_is_a_picture() -> None:
    """A layout program may place each photo as a form XObject of its own: the image in
    it is a picture all the same, at its place on the page."""
    from tests.test_pdf_hidden import form, image, read

    placed = read(form(image((20, 40, 120, 90)), matrix=(1, 0, 0, 1, 100, 50)))
    assert [(s.kind, tuple(round(v) for v in s.box)) for s in placed.shapes] == [
        ("image", (120, 90, 220, 140))
    ]


def test_a_pull_quote_at_the_foot_of_the_column_beside_a_picture_does_not_title_it() -> None:
    """The display type read right before a picture's caption stands in the column beside
    it, not over it: it is no title of the picture (a picture story's title is set over
    the picture)."""
    runs = [
        run("Council agrees on the new plan", 40, 760, 150, size=16.0, font="Sans-Bold", bold=True),
        *body_lines(40, 735, 30, 1, width=150),
        run("“We will not wait any longer”", 40, 380, 150, size=13.0, font="Serif-BoldItalic"),
        run("The ferry at the quay on Monday morning.", 220, 528, 200, size=7.5, font="Sans"),
        run("Photo: Jane Roe", 220, 519, 60, size=6.0, font="Sans"),
        run(
            "Ferries return to the old port", 220, 490, 250, size=16.0, font="Sans-Bold", bold=True
        ),
        *body_lines(220, 465, 20, 4, width=250),
    ]
    found = items(page(runs, [Shape("image", (220.0, 545.0, 470.0, 725.0), None)]))
    picture = next(i for i in found if i.type == "picture")
    assert picture.headline is None and picture.kicker is None
    assert str(picture.caption) == "The ferry at the quay on Monday morning."


def test_small_filled_paths_touching_one_another_are_one_picture_drawn_in_pieces() -> None:
    """A picture drawn as hills, a sun and a house, none of them picture-sized alone and
    no background behind them, is one drawing; pieces with text among them (a table's
    shaded cells) and pieces apart from one another are none."""
    text = [run("a line of text", 50, 700), run("in a shaded cell", 305, 105)]
    pieces = [
        Shape("rect", (50.0, 400.0, 80.0, 430.0), None, True),  # a picture in three pieces
        Shape("rect", (79.5, 400.0, 110.0, 440.0), None, True),
        Shape("rect", (100.0, 435.0, 130.0, 460.0), None, True),
        Shape("rect", (300.0, 100.0, 330.0, 140.0), None, True),  # cells holding text
        Shape("rect", (330.0, 100.0, 360.0, 140.0), None, True),
        Shape("rect", (300.0, 300.0, 320.0, 320.0), None, True),  # apart: no picture
        Shape("rect", (400.0, 300.0, 420.0, 320.0), None, True),
    ]
    found = drawings(pieces, text, 600.0, 800.0)
    assert found[: len(pieces)] == pieces  # the pieces stay as they are
    assert [(s.kind, s.box) for s in found[len(pieces) :]] == [
        ("drawing", (50.0, 400.0, 130.0, 460.0))
    ]


def test_a_bold_credit_under_the_caption_is_its_credit_a_bold_name_as_large_is_not() -> None:
    """Under a caption, a line in smaller bold type is the picture's credit; a name in
    bold as large as the caption is the story's byline going on."""
    image = Shape("image", (40.0, 500.0, 360.0, 700.0), None)
    caption = [
        run("The harbour at dawn, seen from the old lighthouse on", 40, 487, 300, size=7.5),
        run("the hill above the town.", 40, 478, 120, size=7.5),
    ]
    story = body_lines(40, 430, 8, 3, width=320)
    credit = run("JANE ROE", 40, 469, 40, size=6.0, font="Sans-Bold", bold=True)
    assert ("credit", "JANE ROE") in roles(page([*caption, credit, *story], [image]))
    name = run("John Smith", 40, 466, 50, size=7.5, font="Sans-Bold", bold=True)
    assert ("", "John Smith") in roles(page([*caption, name, *story], [image]))


def test_an_italic_name_as_large_as_the_caption_under_it_is_no_caption() -> None:
    """Under a caption, a name in italics no smaller than the caption's type is the
    story's byline going on; an italic credit in smaller type is the picture's."""
    image = Shape("image", (40.0, 500.0, 360.0, 700.0), None)
    caption = run("The harbour at dawn, seen from the old lighthouse.", 40, 487, 300, size=7.5)
    story = body_lines(40, 440, 8, 3, width=320)
    name = run("Jane Roe", 40, 470, 40, size=7.6, font="Serif-Italic", italic=True)
    assert ("", "Jane Roe") in roles(page([caption, name, *story], [image]))
    credit = run("Photo: John Smith", 40, 472, 60, size=6.0, font="Serif-Italic", italic=True)
    assert ("credit", "Photo: John Smith") in roles(page([caption, credit, *story], [image]))


def test_a_credit_up_a_pictures_side_in_the_gutter_is_that_pictures_not_the_next_ones() -> None:
    """A credit set up the right edge of one picture, from its foot, stands in the gutter
    beside the foot of a higher picture next to it: it runs along the first."""
    low = Shape("image", (40.0, 400.0, 280.0, 560.0), None)
    high = Shape("image", (300.0, 460.0, 560.0, 700.0), None)
    credit = run("Photo Jane Roe", 283, 402, 55, size=6.0, font="Sans", upright=False)
    caption_low = run("Boats in the old harbour at dawn.", 40, 388, 200, size=7.5)
    caption_high = run("The lighthouse on the hill over the town.", 300, 448, 220, size=7.5)
    story = body_lines(300, 420, 6, 3, width=250)
    found = items(page([credit, caption_low, caption_high, *story], [low, high]))
    pictures = {
        i.caption.text: i.credit.text if i.credit else None
        for i in found
        if i.type == "picture" and i.caption
    }
    assert pictures["Boats in the old harbour at dawn."] == "Photo Jane Roe"
    assert pictures["The lighthouse on the hill over the town."] is None


def test_a_jump_line_under_its_column_right_over_a_picture_is_no_caption() -> None:
    """The last line of a column, a jump to another page, stands right over a wide
    picture of the row below: it ends its column and is its story's note."""
    story = body_lines(40, 640, 8, 3, width=320)
    jump = run("Continued on page 5", 40, 636 - 8 * LEAD, 90, size=8.0, font="Sans-Bold", bold=True)
    image = Shape("image", (40.0, 380.0, 560.0, 540.0), None)
    caption = run("The harbour at dawn, seen from the old lighthouse.", 40, 368, 300, size=7.5)
    found = items(page([*story, jump, caption], [image]))
    (picture,) = [i for i in found if i.type == "picture"]
    assert picture.caption is not None
    assert picture.caption.text == "The harbour at dawn, seen from the old lighthouse."
    assert any(n.text == "Continued on page 5" for i in found for n in i.notes)
