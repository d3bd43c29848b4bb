"""Where display type between body blocks stands decides whether it is set into a story
(layout/insets.py) or heads one, and bold type a quarter over the body's without a stop
is a head (layout/roles.py); a dump's text alone tells its quotes, subheads, bylines and
header roles (layout/dump_insets.py, layout/headers.py) and its lost spaces. Units are
built with the geometry a PDF gives them, dumps as an extractor writes them; each case
fails if its decision breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.test_type_roles import CLOSED, FRESH

from broadsheet.export.json import page_dict
from broadsheet.layout.assemble import plan_page
from broadsheet.layout.dump_insets import dump_insets
from broadsheet.layout.roles import BODY, DISPLAY, Unit, typeset_role
from broadsheet.model import Traced, Type
from broadsheet.pipeline import Options, parse_text


def unit(
    text: str,
    index: float,
    role: str,
    style: tuple[str, float, bool, bool],
    extent: tuple[float, float, float, float],
    inset: bool = False,
) -> Unit:
    """A unit in type (kind, size, bold, italic) at (left, bottom, right, top)."""
    kind, size, bold, italic = style
    left, bottom, right, top = extent
    lines = tuple(Traced(t) for t in text.split("\n"))
    placed = Type(kind, size, bold, italic, left, right, bottom=bottom, top=top, inset=inset)
    return Unit(lines, index, role, placed)


BODY_TYPE = ("body", 1.0, False, False)
HEADLINE = ("display", 2.4, True, False)


def wide_story(foot: float) -> list[Unit]:
    """A story over three columns from 560 to 40 points across, its header on top; its
    right column ends at `foot`."""
    return [
        unit("Harbour plan stalls again", 0, DISPLAY, HEADLINE, (40, 700, 560, 730)),
        unit(CLOSED, 1, BODY, BODY_TYPE, (40, 560, 200, 690)),
        unit(FRESH, 2, BODY, BODY_TYPE, (210, 560, 380, 690)),
        unit(CLOSED, 3, BODY, BODY_TYPE, (390, foot, 560, 690)),
    ]


def story_header(left: float, top: float, size: float, head: tuple[float, float]) -> list[Unit]:
    """A kicker in body size, a headline in `size` (`head`: its width and height), a byline
    and the body's first block, stacked down from `top` at `left`."""
    width, height = head
    under = top - 14 - height  # the headline's foot
    return [
        unit("Web", 4, DISPLAY, ("other", 1.0, False, False), (left, top - 10, left + 20, top)),
        unit(
            "Wind farm in the village",
            5,
            DISPLAY,
            ("display", size, True, False),
            (left, under, left + width, top - 14),
        ),
        unit(
            "Jane Roe",
            6,
            DISPLAY,
            ("other", 0.95, False, True),
            (left, under - 14, left + 40, under - 5),
        ),
        unit(FRESH, 7, BODY, BODY_TYPE, (left, under - 130, left + 160, under - 20)),
    ]


def test_a_header_under_the_row_above_in_another_column_heads_a_story() -> None:
    """A story over three columns ends in its right column; under the whole row, in the
    left column, stand a kicker in body size, a headline smaller than the first story's
    and a byline: a story of the next row, not a quote set into the first."""
    units = [
        *wide_story(foot=600),
        *story_header(left=40, top=540, size=1.45, head=(150, 16)),
    ]
    plan = plan_page(units, "en")
    assert len(plan.stories) == 2
    assert all(not s.pull_quotes for s in plan.stories)


def test_a_quote_between_rules_over_its_columns_one_indented_line_stays_in_the_story() -> None:
    """A quote between rules of its column's width at the head of a column, over the
    story's one last line, indented: set into the story, however its size ranks."""
    units = [
        unit("Harbour plan stalls again", 0, DISPLAY, HEADLINE, (40, 700, 380, 730)),
        unit(CLOSED, 1, BODY, BODY_TYPE, (40, 560, 200, 690)),
        unit(
            "Nobody knows when\nthe quay will open",
            2,
            DISPLAY,
            ("display", 2.0, True, False),
            (210, 640, 370, 690),
            inset=True,
        ),
        unit("The vote is next week.", 3, BODY, BODY_TYPE, (220, 620, 330, 630)),
    ]
    (story,) = plan_page(units, "en").stories
    assert [q.text for q in story.pull_quotes] == ["Nobody knows when the quay will open"]


def test_bold_type_a_quarter_over_the_body_without_a_stop_is_a_head() -> None:
    """A headline set a quarter over the body in a narrow column, hyphenated across its
    lines, reads like body text; its type and its open end make it a head."""
    style = Type("display", 1.297, True, False, 40, 160)
    assert typeset_role(BODY, style, "tungen koppeln") == DISPLAY
    assert typeset_role(BODY, style, "und nun bekannt gemacht.") == BODY
    assert typeset_role(BODY, Type("display", 1.2, True), "tungen koppeln") == BODY


def test_a_header_level_with_the_header_above_it_heads_a_story_beside_that_one() -> None:
    """Read after a wide story's columns, a kicker, headline and byline stand in the
    column beside that story, level with its header: a story of their own, though the
    headline is set smaller than the wide story's."""
    units = [
        *wide_story(foot=560),
        *story_header(left=580, top=730, size=1.6, head=(160, 26)),
    ]
    plan = plan_page(units, "en")
    assert len(plan.stories) == 2
    assert all(not s.pull_quotes for s in plan.stories)


def test_a_dumps_short_lines_that_repeat_its_body_are_a_pull_quote_not_a_head() -> None:
    """In a dump nothing shows type: two short lines without a stop between two body
    blocks read as a head, unless their words recur in the body, as a quote's do."""
    dump = (
        "Harbour plan stalls again\n\n"
        "The council met on Monday to weigh the plan for the old harbour,\n"
        "which the mayor had put off twice before the summer because the\n"
        "money for the new quay was short. The harbour master said that\n"
        "nobody could wait another summer for the new quay to be built,\n"
        "and that the boats would leave for other ports.\n\n"
        "Nobody could wait another summer\nfor the new quay to be built\n\n"
        "Boats have waited for years for a safe berth in the old harbour,\n"
        "where the walls are crumbling and the quay has been closed to\n"
        "lorries since the storm in March. The vote on the plan is due\n"
        "next week, after a last hearing in the town hall.\n"
    )
    (story,) = parse_text(dump, options=Options(language="en")).pages[0].items
    assert [q.text for q in story.pull_quotes] == [
        "Nobody could wait another summer for the new quay to be built"
    ]
    assert len(story.paragraphs) == 2


HARBOUR = (
    "The harbour council met on Monday to weigh the plan for the\n"
    "harbour quay, which the mayor had put off twice before the\n"
    "summer because the money for the harbour quay was short and\n"
    "the council could not agree on the builders for the work.\n"
)
HARBOUR_ON = (
    "Builders say the harbour quay could open within two years if\n"
    "the council agrees this month; the mayor wants the council to\n"
    "vote before the summer, and the harbour master backs the plan\n"
    "because his boats have nowhere safe to berth in winter.\n"
)
CHOIR = (
    "The town choir sang in the cathedral on Sunday evening before\n"
    "an audience of several hundred listeners, who applauded the\n"
    "soprano soloist for minutes; the conductor thanked sponsors\n"
    "and announced a concert tour through neighbouring villages.\n"
)


def test_a_dumps_lone_short_line_between_blocks_of_one_story_is_its_subhead() -> None:
    """Between two long blocks that speak of the same things, a short line is a subhead;
    between two stories, with the second story's byline under it, it heads the second."""
    one = parse_text(f"Harbour plan stalls\n\n{HARBOUR}\nOpen questions\n\n{HARBOUR_ON}")
    (story,) = one.pages[0].items
    assert "Open questions" in [p.text for p in story.paragraphs]
    two = parse_text(f"Harbour plan stalls\n\n{HARBOUR}\nChoir on tour\n\nBy Ann Lee\n\n{CHOIR}")
    assert len(two.pages[0].items) == 2


# Two sections of one story that share no long word and no rare one.
KAIMAUER = (
    "Der Rat hat am Montag über den neuen Hafen beraten. Die Fraktionen waren sich\n"
    "nicht einig, wer die Kosten für den Bau der Kaimauer tragen soll, und vertagten\n"
    "die Entscheidung auf den Herbst. Die Fischer am Hafen sind darüber verärgert.\n"
    "Sie hatten gehofft, noch vor dem Winter sichere Liegeplätze zu bekommen.\n"
)
GUTACHTEN = (
    "Schon im Frühjahr war ein Gutachten erschienen, das die Mauer für baufällig\n"
    "erklärte. Damals sagte der Bürgermeister, das Geld liege bereit. Seither ist\n"
    "wenig geschehen, und die Opposition wirft ihm vor, die Frist verpasst zu haben.\n"
    "Er selbst spricht von einem Missverständnis zwischen Land und Gemeinde.\n"
)


@pytest.mark.parametrize(
    ("after", "stories"),
    [
        ("", 1),  # the text goes on: a subhead
        ("Eva Lindner\n\n", 2),  # a name under it: a story's header
        ("Die Stadt baut um\n\n", 2),  # a headline read as body under it
        ("Kiel: Der Rat tagt.\n\n", 2),  # the run-in head of a brief
    ],
)
def test_a_dumps_lone_line_without_a_header_after_it_is_a_subhead(after: str, stories: int) -> None:
    """Two sections that share no word tell nothing: a lone line between them heads a
    story only where a story's header goes on under it (a byline, a headline, a brief's
    run-in head). Cutting a story in two costs its reader the rest of it; keeping two
    in one costs only the seam between them."""
    doc = parse_text(f"Streit um den Hafen\n\n{KAIMAUER}\nVorgeschichte\n\n{after}{GUTACHTEN}")
    assert len(doc.pages[0].items) == stories


def text_items_of(dump: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = page_dict(parse_text(dump).pages[0])["items"]
    return items


def test_a_raw_dumps_kicker_headline_and_byline_keep_their_roles() -> None:
    # pdftotext -raw sets no blank line anywhere: kicker, a headline broken over three
    # lines, a name without "Von", then the body.
    dump = (
        "International\nFlensburg gewinnt\ndas Nordderby in\nletzter Sekunde\n"
        "Markus Brandstätter\nWashington – Chinas Präsi-\ndent Xi Jinping will seinen ers-\n"
        "ten Besuch in den USA offen-\nbar für die Ankündigung kon-\nkreter "
        "Klimaschutzmaßnahmen\nnutzen.\nEin US-Vertreter sagte, Xi wol-\nle am Freitag "
        "die Einführung ei-\nnes Systems zum Emissions-\nhandel in China bis 2017 ver-\n"
        "künden.\n"
    )
    [item] = text_items_of(dump)
    assert item["kicker"] == "International"
    assert item["headline"] == "Flensburg gewinnt das Nordderby in letzter Sekunde"
    assert item["byline"] == "Markus Brandstätter"


GOLDEN_STORY = (Path(__file__).resolve().parent / "golden" / "de-two-stories.txt").read_text(
    encoding="utf-8"
)


def test_a_dumps_one_word_kicker_over_a_headline_without_a_stop_is_the_kicker() -> None:
    """A short line over a long one that ends without a sentence's stop: kicker and
    headline, not headline and teaser (a teaser is a sentence)."""
    body = GOLDEN_STORY.split("\n\n")[1:4]  # byline and two paragraphs of the first story
    head = "Karlsruhe\n\nBundesverfassungsgericht prüft Gesichtserkennung an Bahnhöfen"
    [item] = text_items_of("\n\n".join([head, *body]))
    assert item.get("kicker") == "Karlsruhe"
    assert item["headline"] == "Bundesverfassungsgericht prüft Gesichtserkennung an Bahnhöfen"


def test_a_dumps_block_whose_spaces_are_replacement_characters_reads_as_printed() -> None:
    """Every space of one block lost to U+FFFD: each is read as a space again, also beside
    a number ("mit 40"), where only the word on one side can tell."""
    blocks = GOLDEN_STORY.split("\n\n")
    printed = " ".join(blocks[2].replace("Eu-\n", "Eu").split())
    blocks[2] = blocks[2].replace(" ", "\ufffd")
    items = text_items_of("\n\n".join(blocks))
    assert items[0]["paragraphs"][0] == printed


# Two sections of one story in words of five letters or less, but for the names.
HARBOUR_NAMES = (
    "Ilse Vandersloot met the men of Kittiwake and the Ostrander clan on a grey day to\n"
    "talk of the quay. She had put it off twice in the past year, as the cash was short\n"
    "and the board could not agree on who was to do the work or when the old wall was\n"
    "to come down at last. The men said they had lost a lot of fish in the wait.\n"
)
HARBOUR_NAMES_ON = (
    "Vandersloot now wants a vote by May. The Ostrander boats have no safe berth in the\n"
    "cold, says the old man, and the men of Kittiwake ask who will pay for each week of\n"
    "the delay and why no one at the town hall has a word for them any more. They are\n"
    "to meet her again in a week, and they say they will not wait much more.\n"
)


def test_a_dumps_short_line_between_blocks_naming_the_same_people_is_a_subhead() -> None:
    """Two sections of a story may share few long words, but they name the same people
    and places: words the language's word list holds rare."""
    doc = parse_text(
        f"Harbour plan stalls\n\n{HARBOUR_NAMES}\nOpen questions\n\n{HARBOUR_NAMES_ON}"
    )
    (story,) = doc.pages[0].items
    assert "Open questions" in [p.text for p in story.paragraphs]


def test_a_dumps_label_ending_in_a_colon_is_no_subhead() -> None:
    doc = parse_text(f"Harbour plan stalls\n\n{HARBOUR}\nFind us on:\n\n{HARBOUR_ON}")
    paragraphs = [p.text for item in doc.pages[0].items for p in item.paragraphs]
    assert "Find us on:" not in paragraphs


def test_a_dumps_short_body_block_without_a_stop_repeating_the_body_is_a_pull_quote() -> None:
    """pdftotext -raw runs a pull quote set at nearly the body's width into a block that
    reads as body: no final stop, and its words recur in another body block."""
    lines = (
        "Der Stadtrat war mit dem Angebot nicht zufrieden. Die USA würden nicht",
        "zögern, die notwendigen Schritte zu ergreifen, sagte ein Sprecher dazu.",
        "Eine Zeitung am Ort verlangte am Montag eine schnelle Entscheidung.",
        "Der Bürgermeister sagte, die Stadt warte zunächst auf das Gutachten.",
    )
    body = Unit(tuple(Traced(t) for t in lines), 0, "body")
    quote_lines = ("Die USA würden nicht zögern,", "die notwendigen Schritte", "zu ergreifen")
    quote = Unit(tuple(Traced(t) for t in quote_lines), 1, "body")
    after = Unit(tuple(Traced(t) for t in lines[2:]), 2, "body")
    assert [u.role for u in dump_insets([body, quote, after])] == ["body", "pull_quote", "body"]
    ending = Unit((*quote.lines[:-1], Traced("zu ergreifen.")), 1, "body")  # a sentence: body
    assert [u.role for u in dump_insets([body, ending, after])] == ["body"] * 3


def test_a_raw_dumps_credit_on_the_captions_last_line_makes_the_picture() -> None:
    """pdftotext -raw sets a caption's credit on the caption's last line, after its
    sentence; with a cue word or in the photographer/agency form, it is split off, and
    the caption over it is a picture's, not a story's head."""
    for credit in ("Foto: Jana Lind/imago", "Jana Lind/dpa"):
        dump = (
            "Sport\n"
            "Jubel im Hafen: Die Mannschaft feiert\n"
            f"den Sieg mit den Fans. {credit}\n"
            "Kiel gewinnt das Derby\n"
            "Die Mannschaft aus Kiel hat das Derby am Sonntag mit drei\n"
            "zu zwei gewonnen. Vor vollen Rängen drehte sie das Spiel in\n"
            "der letzten Viertelstunde, als zwei Tore binnen fünf Minuten\n"
            "fielen. Der Trainer lobte die Geduld seiner Spieler.\n"
        )
        pictures = [i for i in text_items_of(dump) if i["type"] == "picture"]
        assert [(p["caption"], p["credit"]) for p in pictures] == [
            ("Jubel im Hafen: Die Mannschaft feiert den Sieg mit den Fans.", credit)
        ]


def test_a_default_dumps_short_lines_a_sentence_runs_through_are_body() -> None:
    """pdftotext's default dump cuts a column where the page shows none and sets a few of
    its lines apart: the body before ends on "des", and the short lines go on in lowercase
    after them. They are body text of the story, not a headline."""
    dump = (
        "Stadt plant neues Kraftwerk\n\n"
        "Die Stadtwerke wollen das Kraftwerk an der Mur bauen. Für das Projekt\n"
        "ergibt sich nun durch den Ausstieg des\n\n"
        "Verbund eine völlig neue Lage\n"
        "für die ganze Region\n\n"
        "und für die Stadtwerke selbst, sagte die Sprecherin am Dienstag. Alle\n"
        "Fragen der Wirtschaftlichkeit würden nun erneut geprüft.\n"
    )
    [item] = text_items_of(dump)
    assert item["headline"] == "Stadt plant neues Kraftwerk"
    assert "Verbund eine völlig neue Lage" in " ".join(item["paragraphs"])


def test_a_default_dumps_column_with_joined_lines_stays_in_its_story() -> None:
    """pdftotext joins two or three lines of a narrow column here and there: a piece with
    such lines is still of its column's width, and of its story."""
    narrow = (
        "Der Rat der Stadt hat am Montag\n"
        "lange über den neuen Hafen be-\n"
        "raten. Die Fraktionen waren sich\n"
        "nicht einig, wer die Kosten für\n"
        "den Bau der Kaimauer tragen soll.\n"
    )
    joined = (
        "Der Bürgermeister will die Ent- scheidung noch vor dem Sommer, die Opposition\n"
        "möchte erst ein Gutachten abwarten. Die Fischer am Hafen sagen, sie könnten\n"
        "nicht mehr lange warten, denn\n"
        "ihre Boote hätten im Winter kei-\n"
        "nen sicheren Liegeplatz mehr.\n"
    )
    dump = f"Streit um den Hafen\n\n{narrow}\n{joined}\n{narrow}"
    items = text_items_of(dump)
    assert len(items) == 1


def test_a_name_under_a_picture_set_below_the_header_is_the_byline() -> None:
    """pdftotext -raw lists kicker, headline and teaser, then the picture under them
    (caption and credit), then the author's name over the body: the name closes the
    header across the picture, so it is the byline."""
    units = [
        Unit((Traced("Etat"),), 0, "display"),
        Unit((Traced("Der Spree geht das Wasser aus"),), 1, "display"),
        Unit(
            (Traced("Der Fluss führt so wenig Wasser wie"), Traced("seit Jahren nicht.")), 2, "body"
        ),
        Unit((Traced("Niedrigwasser im Spreewald."),), 3, "caption"),
        Unit((Traced("Foto: Jana Lind/imago"),), 4, "photo_credit"),
        Unit((Traced("Anna Leitner"),), 5, "display"),
        Unit(
            (Traced("Der Pegel sank am Montag weiter."), Traced("Die Kähne liegen fest.")),
            6,
            "body",
        ),
    ]
    assert dump_insets(units)[5].role == "byline"


# A pdftotext -raw header: kicker, headline, teaser, the picture under them, byline, body.
SPREE_RAW = (
    "Etat\n"
    "Der Spree geht das Wasser aus\n"
    "Der Fluss führt so wenig Wasser wie seit vielen\n"
    "Jahren nicht mehr, und Regen ist nicht in Sicht.\n"
    "Niedrigwasser im Spreewald: Die Kähne liegen fest.\n"
    "Foto: Jana Lind/imago\n"
    "Anna Leitner\n"
    "Cottbus – Der Pegel der Spree ist am Montag weiter gesunken. Die\n"
    "Kahnfahrer im Spreewald müssen Umwege nehmen, manche Fließe sind\n"
    "schon trocken. Das Land will nun Wasser aus den Talsperren ablassen.\n"
)


def test_a_raw_dumps_header_reads_on_across_the_picture_under_it() -> None:
    """pdftotext -raw lists kicker, headline and teaser, then the picture set under them
    (caption, credit), then the byline and the body: the header reads on across the
    picture, so the teaser starts no story of its own and the body after the byline is
    the story's. (Headline and teaser may still come out as the story's pull quotes: a
    known limitation of -raw header runs.)"""
    articles = [i for i in text_items_of(SPREE_RAW) if i["type"] != "picture"]
    assert [(a.get("byline"), a["paragraphs"][0][:7]) for a in articles] == [
        ("Anna Leitner", "Cottbus")
    ]


def test_a_raw_dumps_label_headline_and_teaser_over_a_picture_are_one_header() -> None:
    """Without blank lines, the headline is cut from the teaser under it as a block's
    first line: the teaser goes on with its headline, and a one-word label over them is
    the kicker, not a header of its own."""
    [article] = [i for i in text_items_of(SPREE_RAW) if i["type"] != "picture"]
    fields = ("kicker", "headline", "teaser", "byline")
    assert [article.get(f) for f in fields] == [
        "Etat",
        "Der Spree geht das Wasser aus",
        "Der Fluss führt so wenig Wasser wie seit vielen Jahren nicht mehr, und Regen ist "
        "nicht in Sicht.",
        "Anna Leitner",
    ]


def test_a_dumps_subhead_after_a_pull_quote_in_its_column_is_a_subhead() -> None:
    """A pull quote set into the column may stand between a subhead and the body before
    it: the subhead is still one, and the story goes on past both."""
    units = [
        Unit(tuple(Traced(t) for t in HARBOUR.splitlines()), 0, "body"),
        Unit((Traced("the money for the harbour quay"), Traced("was short")), 1, "display"),
        Unit((Traced("Open questions"),), 2, "display"),
        Unit(tuple(Traced(t) for t in HARBOUR_ON.splitlines()), 3, "body"),
    ]
    assert [u.role for u in dump_insets(units, "en")] == [
        "body",
        "pull_quote",
        "subhead",
        "body",
    ]


def test_a_dumps_subhead_after_a_column_cut_into_short_blocks_is_a_subhead() -> None:
    """An extractor may cut the column before a subhead into blocks of a line or two:
    the run of body text back to the header is what must be long, not the last block."""
    first, second = HARBOUR.splitlines()[:2], HARBOUR.splitlines()[2:]
    dump = "\n\n".join(
        ["Harbour plan stalls", "\n".join(first), "\n".join(second), "Open questions", HARBOUR_ON]
    )
    (story,) = parse_text(dump).pages[0].items
    assert "Open questions" in [p.text for p in story.paragraphs]


def _dump_unit(role: str, *lines: str) -> Unit:
    return Unit(tuple(Traced(t) for t in lines), 0, role)


WISSENSCHAFT = _dump_unit("display", "Wissenschaft")
HOFER = _dump_unit("display", "Julia Hofer")
BAU = _dump_unit("body", "Weil die Kosten stiegen, ruht der Bau.", "Nun wird geprüft.")


@pytest.mark.parametrize(
    "header",
    [
        # a headline, and a teaser a dump read as body under it
        [
            _dump_unit("display", "Die Hochschule stoppt drei Neubauten"),
            _dump_unit("body", "Der Rektor nennt die Kosten,", "die Stadt schweigt."),
        ],
        # pdftotext -raw ran headline and teaser into one block read as body
        [_dump_unit("body", "Die Hochschule stoppt drei Neubauten", "Der Rektor nennt sie.")],
    ],
)
def test_a_name_under_a_teaser_read_as_body_is_the_byline(header: list[Unit]) -> None:
    """A dump may read a teaser of a line or two as body text, or run the headline into
    it: a name right under it, under a label or a headline, is the header's byline."""
    units = [WISSENSCHAFT, *header, HOFER, BAU]
    assert dump_insets(units)[len(header) + 1].role == "byline"


def test_a_dumps_caption_subject_on_a_line_of_its_own_opens_the_caption() -> None:
    """A caption's subject ending in a colon may come out as a line of its own right
    over the caption: it opens the caption, it heads no story."""
    dump = (
        "Niedrigwasser im Spreewald:\n\n"
        "Kahnfahrer müssen in trockenen\nSommern Umwege nehmen.\n\n"
        "Foto: Jana Lind/imago\n\n"
        f"Harbour plan stalls\n\n{HARBOUR}"
    )
    pictures = [i for i in text_items_of(dump) if i["type"] == "picture"]
    assert [p["caption"] for p in pictures] == [
        "Niedrigwasser im Spreewald: Kahnfahrer müssen in trockenen Sommern Umwege nehmen."
    ]


def test_a_dumps_pull_quote_after_a_picture_in_its_column_is_a_pull_quote() -> None:
    """A picture set into a column (caption, credit) may stand between the body and a
    pull quote: the quote repeats the body's words, so it is the story's quote, not the
    head of a new story."""
    quote = _dump_unit("display", "the money for the harbour quay", "was short")
    units = [
        _dump_unit("body", *HARBOUR.splitlines()),
        _dump_unit("caption", "The old quay at low tide."),
        _dump_unit("photo_credit", "Photo: Jana Lind/AP"),
        quote,
        _dump_unit("body", *HARBOUR_ON.splitlines()),
    ]
    assert dump_insets(units, "en")[3].role == "pull_quote"


def test_a_default_dumps_credit_on_its_own_line_under_the_caption_is_split_off() -> None:
    """pdftotext's default dump sets a caption and its credit's own line in one block: the
    credit's form ("Name/agency") splits it off, and the caption over it is a picture's."""
    dump = (
        "Gemeinschaftsküche im Wohnheim: Ein Zimmer kostet hier 310 Euro.\n"
        "Moritz Feilke/epd\n\n"
        f"Harbour plan stalls\n\n{HARBOUR}"
    )
    pictures = [i for i in text_items_of(dump) if i["type"] == "picture"]
    assert [(p["caption"], p["credit"]) for p in pictures] == [
        ("Gemeinschaftsküche im Wohnheim: Ein Zimmer kostet hier 310 Euro.", "Moritz Feilke/epd")
    ]


WOHNHEIM = (
    "Die Wohnheime der Stadt sind seit Jahren voll belegt, und die Wartelisten werden\n"
    "länger. Wer im Herbst zu studieren beginnt, sucht oft monatelang nach einem Zimmer\n"
    "und zahlt am Ende mehr, als das Bafög für die Miete vorsieht. Das Studierendenwerk\n"
    "will nun zwei neue Häuser bauen, doch vor 2027 wird keines davon fertig sein.\n"
)


def test_a_raw_dumps_photographer_agency_credit_stands_on_its_own_line() -> None:
    """pdftotext -raw sets no blank line between a credit in the photographer/agency form
    and the kicker under it: the credit line stands alone, as one with "Foto:" does."""
    dump = (
        "Gemeinschaftsküche im Wohnheim: Ein Zimmer kostet hier 310 Euro warm.\n"
        "Moritz Feilke/epd\nPanorama\nStudierende warten monatelang auf einen Wohnheimplatz\n"
        f"Von Sabine Ortner\n{WOHNHEIM}"
    )
    picture, story = text_items_of(dump)
    assert picture["credit"] == "Moritz Feilke/epd"
    assert story["kicker"] == "Panorama"


def test_a_dumps_long_line_between_sections_without_a_header_under_it_is_set_in() -> None:
    """A line too long for a subhead, between two sections of body text, with no byline
    or headline under it: a pull quote the page does not repeat, not a new story."""
    line = "Erst im Herbst soll wieder über die alte Mauer beraten werden"
    [story] = text_items_of(f"Streit um den Hafen\n\n{KAIMAUER}\n{line}\n\n{GUTACHTEN}")
    assert story["pull_quotes"] == [line]


def test_a_drawn_order_dumps_pieces_stay_with_the_story_started_before_them() -> None:
    """A story whose lead is set wider than its columns: the columns' pieces have no
    story start of their width before them. In a dump that lists the page as drawn
    (pdftotext -raw) they stay with the story before them, not with the next story of
    their width, whose header comes after them."""
    lead = (
        "Bis 2035 soll sich die Zahl der angeschlossenen Haushalte in der Stadt verdoppeln,",
        "sagt der Vorstand am Montag in einer ersten Runde vor der Presse im Rathaus, und",
        "die Stadt will dafür einen Teil ihrer Anteile an den Stadtwerken an das Land abgeben,",
        "wie der Kämmerer am Abend bestätigte, nachdem der Rat lange gestritten hatte.",
    )
    units = [
        _dump_unit("display", "Energie"),
        _dump_unit("display", "Stadtwerke bauen das Fernwärmenetz aus"),
        _dump_unit("body", *lead),
        _dump_unit(
            "body",
            "Die Stadtwerke haben am Montag ihre",
            "Pläne für das neue Netz vorgestellt,",
            "das bis zum Jahr 2035 doppelt so groß",
            "werden soll als das heutige Netz.",
        ),
        _dump_unit("display", "Sport"),
        _dump_unit("display", "Heimsieg zum Auftakt der Saison"),
        _dump_unit(
            "body",
            "Der Verein hat am Samstag sein erstes",
            "Heimspiel der Saison klar gewonnen,",
            "vor fast viertausend Zuschauern im",
            "neuen Stadion an der Hafenstraße.",
        ),
    ]
    units = [Unit(u.lines, float(k), u.role) for k, u in enumerate(units)]
    plan = plan_page(units, "de", None, drawn=True)
    assert sorted([p.index for p in s.pieces] for s in plan.stories) == [[2.0, 3.0], [6.0]]
