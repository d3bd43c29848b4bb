"""The whole pipeline: the seed page's accuracy floors and what must hold for any dump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from broadsheet.evaluate import PageScore, evaluate
from broadsheet.export.json import page_dict
from broadsheet.layout.roles import is_furniture
from broadsheet.model import Document, Item, Traced
from broadsheet.pipeline import Options, parse, parse_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = SAMPLES / "taz-seed.txt"
SEED_GOLD = SAMPLES / "taz-seed.gold.json"

# The floors were CER <= 0.01, item F1 1, field accuracy >= 0.9, break F1 >= 0.8,
# tau 1; these are the figures reached since, pinned so that a drop is a regression.
FLOORS = {"cer": 0.001, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0}


def seed_score() -> PageScore:
    doc = parse(SEED)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return evaluate(gold, page_dict(doc.pages[0]))


def test_seed_page_meets_its_floors() -> None:
    score = seed_score()
    assert score.cer <= FLOORS["cer"]
    assert score.item_f1 >= FLOORS["item_f1"]
    assert score.field_accuracy >= FLOORS["field_accuracy"]
    assert score.break_f1 >= FLOORS["break_f1"]
    assert score.order_tau >= FLOORS["order_tau"]


def test_seed_page_passes_every_check() -> None:
    score = seed_score()
    assert score.failed_checks == ()


def uncovered(doc: Document) -> list[int]:
    """Source positions of visible characters that no output span and no repair accounts for."""
    covered = bytearray(len(doc.source.text))
    for page in doc.pages:
        fields = [f for item in page.items for f in _fields(item)]
        fields += [*page.furniture, *page.ads]
        spans = [s for f in fields for s in f.spans()]
        spans += [(r.start, r.end) for r in page.repairs]
        for a, b in spans:
            covered[a:b] = b"\x01" * (b - a)
    return [i for i, ch in enumerate(doc.source.text) if not ch.isspace() and not covered[i]]


def _fields(item: Item) -> list[Traced]:
    single = ("kicker", "headline", "teaser", "byline", "caption", "credit")
    out = [getattr(item, n) for n in single if getattr(item, n) is not None]
    for n in ("paragraphs", "pull_quotes", "notes"):
        out.extend(getattr(item, n))
    return out


def test_no_seed_character_is_lost_without_a_record() -> None:
    assert uncovered(parse(SEED)) == []


WORDS = st.sampled_from(
    (
        "Die Stadt hat am Montag den neuen Haushalt beschlossen und will mehr Geld für "
        "Schulen ausgeben Bürger Verkehrs- minister SPD- Fraktion Ein- und Ausreise "
        "„Zitat“ (dpa) Foto: Agentur Von Anna Beispiel Heimat- land eﬃzient o�ziell"
    ).split()
)
LINES = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
DUMPS = st.lists(
    st.lists(LINES, min_size=1, max_size=8).map("\n".join), min_size=1, max_size=8
).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(DUMPS)
# A caption before a credit, then a credit-led caption: the first caption once went missing.
@example(dump="Heimat-\n\nFoto: Die\nDie\n\nDie\nDie\nDie\nDie\nDie\nDie\nDie")
# A byline with no story to head was dropped.
@example(dump="Von Die")
# A story whose one piece another repeats (a pull quote) lost its agency credit with it.
@example(
    dump="Die\nhat Die Die Die Die Die Die Die\nDie und\n(dpa)\nDie Die Die\n"
    "hat Die Die Die Die Die Die Die\nDie und"
)
# A block read as a quote of the body, with no body block after it, was left out.
@example(
    dump="Stadt Haushalt Die Die Die\n\nminister\neﬃzient Stadt Haushalt Die Die Die Die Die\n\nDie"
)
def test_any_dump_loses_nothing_silently(dump: str) -> None:
    doc = parse_text(dump)
    assert uncovered(doc) == []


@settings(max_examples=30, deadline=None)
@given(DUMPS)
def test_output_text_has_no_line_breaks_or_double_spaces(dump: str) -> None:
    doc = parse_text(dump)
    for item in doc.items():
        for f in _fields(item):
            assert "\n" not in f.text and "  " not in f.text
            assert f.text == f.text.strip()


def test_lines_recurring_on_every_page_are_furniture() -> None:
    body = (
        "Die Stadt hat am Montag den neuen Haushalt beschlossen. Er sieht mehr Geld\n"
        "für Schulen und weniger für Straßen vor, sagte die Bürgermeisterin am\n"
        "Abend im Rathaus, wo der Rat bis spät in die Nacht beraten hatte.\n"
    )
    pages = [f"Stadtanzeiger | Seite {n}\n\n{body}\n\nS. {n}\n" for n in (3, 4, 5)]
    doc = parse_text("\f".join(pages))
    for n, page in zip((3, 4, 5), doc.pages, strict=True):
        assert [f.text for f in page.furniture] == [f"Stadtanzeiger | Seite {n}", f"S. {n}"]
        assert all(
            "Stadtanzeiger" not in item.headline.text for item in page.items if item.headline
        )


def test_a_long_production_slug_on_every_page_is_furniture() -> None:
    """A gazette prints a slug of over 100 characters on each page, only its numbers
    changing; it is no line of an article."""
    body = (
        "Die Stadt hat am Montag den neuen Haushalt beschlossen. Er sieht mehr Geld\n"
        "für Schulen und weniger für Straßen vor, sagte die Bürgermeisterin am\n"
        "Abend im Rathaus, wo der Rat bis spät in die Nacht beraten hatte.\n"
    )
    slug = (
        "VerDate 2014 16:21 Aug 05, 2020 Jkt 250001 PO 00000 Frm {n:05d} Fmt 4702 Sfmt 4702 "
        "E:FR06AUP1.SGM"
    )
    pages = [f"{body}\n\n{slug.format(n=n)}\n" for n in (3, 4, 5)]
    for page in parse_text("\f".join(pages)).pages:
        assert [f.text[:7] for f in page.furniture] == ["VerDate"]


def test_sentence_lifted_from_the_text_is_a_pull_quote() -> None:
    quote = "Der Bürgermeister sagte, man habe lange genug gewartet und nun sei die Zeit gekommen."
    dump = (
        "Neue Wohnungen für die Stadt\n\n"
        "Die Stadt will bis zum Jahr 2030 rund viertausend neue Wohnungen bauen lassen.\n"
        "Der Bürgermeister sagte, man habe lange genug gewartet und nun sei die\n"
        "Zeit gekommen, mit dem Bau endlich zu beginnen, auch wenn es teuer wird.\n"
        "Die Opposition kritisierte die Pläne als zu spät und zu klein für eine\n"
        "wachsende Stadt mit vielen Familien.\n\n"
        f"{quote}\n"
    )
    items = parse_text(dump, options=Options(language="de")).pages[0].items
    assert len(items) == 1
    assert [q.text for q in items[0].pull_quotes] == [quote]


def test_headers_notes_and_box_titles_without_blank_lines() -> None:
    """A dump with no blank lines (pypdfium2's plain text): a lowercase kicker, a headline
    whose teaser runs on a longer line, an end note and a box title after body text each
    start where their own lines start."""
    body = (
        "Am Sonntag ist der Hafen still. Ich gehe trotzdem hin, jede\n"
        "Woche, seit meine Mutter gestorben ist. Sie hat dort dreißig\n"
        "Jahre lang in der Buchhaltung gearbeitet, in einem kleinen\n"
        "Büro mit Blick auf die Kräne, die heute frisch gestrichen für\n"
        "Touristenfotos posieren. Die Kräne sind jetzt alle rot.\n"
    )
    dump = (
        "Ein langer Bericht endet hier mit einem ganz kurzen Satz, und dann\n"
        "folgt nach dieser Zeile das Ende des Textes der Nachbarspalte.\n"
        "zwischen den welten: ein tagebuch\n"
        "Die Kräne sind jetzt rot\n"
        "Eine Woche im Hafen, in dem die Werft still steht und die Kräne bleiben\n"
        "Aus Danzig Agnieszka Wróbel\n"
        f"{body}"
        "Aus dem Polnischen von Ulrike Sandmann.\n"
        "Wirtschaft kompakt\n"
        "Frankfurt: Die Zentralbank hat den Leitzins unverändert\n"
        "gelassen. Die Notenbanker verwiesen auf eine Inflation, die\n"
        "sich dem Ziel von zwei Prozent angenähert habe, sagte sie.\n"
    )
    items = parse_text(dump, options=Options(language="de")).pages[0].items
    diary = next(i for i in items if i.byline is not None)
    assert diary.kicker is not None and diary.kicker.text == "zwischen den welten: ein tagebuch"
    assert diary.headline is not None and diary.headline.text == "Die Kräne sind jetzt rot"
    assert diary.teaser is not None and diary.teaser.text.startswith("Eine Woche im Hafen")
    assert [n.text for n in diary.notes] == ["Aus dem Polnischen von Ulrike Sandmann."]
    assert not any("Frankfurt" in p.text for p in diary.paragraphs)
    box = next(i for i in items if any("Frankfurt" in p.text for p in i.paragraphs))
    assert box is not diary


def test_caption_above_its_credit_and_a_teaser_with_its_stop() -> None:
    """No blank lines (pypdfium2): a caption set on after a column's last paragraph is cut
    off at its sentence start above the credit; a sentence between headline and byline is
    the teaser."""
    dump = (
        "Insurers welcomed the assessment, saying\n"
        "it would help decision-makers target invest-\n"
        "ment, and called for tighter planning rules to\n"
        "stop new homes being built on high-risk\n"
        "flood plains. Last year roughly one in ten\n"
        "new homes in England was built in areas\n"
        "classed as being at some risk of flooding.\n"
        "An irrigation channel runs dry near an olive grove\n"
        "outside Jaén, in Andalusia.\n"
        "Photo: Carlos Mendez/Reuters\n"
        "Drought-hit farmers turn to recycled water\n"
        "With reservoirs at 22% of capacity, the region is testing treated wastewater.\n"
        "From Seville Isabel Navarro\n"
        "In the hills outside the city, Antonio Ruiz walks between rows of\n"
        "olive trees that his grandfather planted, and the soil is dry and\n"
        "cracked because the reservoirs that feed the valley are nearly empty.\n"
    )
    items = parse_text(dump, options=Options(language="en")).pages[0].items
    picture = next(i for i in items if i.type == "picture")
    assert picture.caption is not None
    assert (
        picture.caption.text
        == "An irrigation channel runs dry near an olive grove outside Jaén, in Andalusia."
    )
    story = next(i for i in items if i.byline is not None)
    assert story.headline is not None and story.headline.text.startswith("Drought-hit")
    assert story.teaser is not None and story.teaser.text.startswith("With reservoirs")


def test_lines_cut_at_wide_justified_gaps_are_joined() -> None:
    """pdftotext cuts narrow justified lines at their wide gaps; the pieces go back onto
    one line, so they are not taken for headlines or paragraph ends."""
    from broadsheet.layout.fragments import rejoin
    from broadsheet.load.text import blocks

    dump = (
        "Mehrere Bürgerrechtsorga-\n"
        "nisationen sowie drei Einzel-\n"
        "personen\n"
        "hatten\n"
        "Verfas-\n"
        "sungsbeschwerde gegen\n"
        "eine im vergangenen Jahr\n"
        "beschlossene Änderung des\n"
        "Gesetzes eingelegt.\n"
    )
    (block,) = rejoin(blocks(dump, 0, len(dump)))
    texts = [line.text for line in block.lines]
    assert texts[2] == "personen hatten Verfas-"
    assert len(texts) == 7
    joined = block.lines[2]
    assert joined.src_span(0, len(joined)) == (dump.index("personen"), dump.index("Verfas-") + 7)
    start = (
        "sungsbeschwerde eingelegt, sagte sie.\nDie\nStudierendenvertretungen fordern\n"
        "grundlegende Reform und eine Anpassung\nder Bedarfssätze an die Inflation.\n"
    )
    (block,) = rejoin(blocks(start, 0, len(start)))
    assert block.lines[1].text == "Die Studierendenvertretungen fordern"
    headers = "Wirtschaft\nBank holds rates as living costs\nease\nBy Jane Reed\n"
    assert (
        rejoin(blocks(headers, 0, len(headers)))[0].lines
        == blocks(headers, 0, len(headers))[0].lines
    )


def test_short_block_with_its_byline_and_a_one_word_kicker() -> None:
    """pdfminer boxes a header with its byline; a one-word kicker over a long headline
    and a teaser is the kicker, not the headline."""
    dump = (
        "Education\n\n"
        "Welsh secondary schools to get extra tutors in catch-up drive\n\n"
        "First- and second-year pupils who are behind in reading and maths will receive help.\n\n"
        "By Gareth Pritchard\n\n"
        "Every state secondary school in Wales will receive funding for additional tutors\n"
        "from January, the Welsh government announced on Monday, as figures showed that\n"
        "pupils who fell behind during the pandemic have still not caught up with others.\n\n"
        "letters from the coast: a diary\n"
        "The wind that empties the market\n"
        "From Essaouira Yasmin Haddad\n\n"
        "The wind arrived on Tuesday, as it always does in late summer, without warning\n"
        "and without mercy, and by noon the stalls of the market were shut and empty again\n"
        "while the fishermen sat in the shade and waited for the weather to turn at last.\n"
    )
    items = parse_text(dump, options=Options(language="en")).pages[0].items
    school, diary = items
    assert school.kicker is not None and school.kicker.text == "Education"
    assert school.headline is not None and school.headline.text.startswith("Welsh secondary")
    assert school.teaser is not None and school.teaser.text.startswith("First- and second")
    assert diary.byline is not None and diary.byline.text == "From Essaouira Yasmin Haddad"
    assert diary.headline is not None and diary.headline.text == "The wind that empties the market"


def test_full_header_without_body_heads_the_story_below_a_box() -> None:
    """pdftotext reads a column's header before the picture beside it; the story's text
    comes after the box set above it. The header goes to that text, not to a neighbour."""
    body_a = (
        "Die Krankenhausreform des Bundes sorgt in Mecklenburg-Vorpommern für wachsende\n"
        "Unruhe. Nach einer Analyse könnten bis zu fünf Kliniken Leistungsgruppen verlieren,\n"
        "die für ihre wirtschaftliche Existenz entscheidend sind, sagte ein Sprecher.\n"
    )
    box = (
        "Weimar: Nach dreijähriger Sanierung ist das Archiv wieder für die Öffentlichkeit\n"
        "zugänglich. Der Umbau kostete rund 19 Millionen Euro, die sich Bund und Land teilen.\n"
        "(epd, dpa)\n"
    )
    body_b = (
        "Jeden zweiten Samstag fahre ich mit dem Minibus in das Dorf meiner Großmutter, zwei\n"
        "Stunden nach Norden, über Straßen, die an manchen Stellen mehr Loch als Asphalt sind.\n"
        "Der Fahrer hört laut Musik, eine Frau neben mir hält einen Karton mit Küken im Arm.\n"
    )
    dump = (
        "zwischen den welten: ein tagebuch\n\nDas Dorf meiner Großmutter\n"
        "Aus Chișinău Elena Ciobanu\n"
        "Ein Rettungswagen vor der Notaufnahme eines Krankenhauses.\nFoto: Bernd Kallweit/imago\n\n"
        "Gesundheit\n\nKleine Kliniken fürchten die Reform\nAus Schwerin Tilman Roggenbuck\n"
        f"{body_a}\nKultur in Kürze\n{box}\n{body_b}"
    )
    items = parse_text(dump, options=Options(language="de")).pages[0].items
    diary = next(i for i in items if i.headline and i.headline.text == "Das Dorf meiner Großmutter")
    assert diary.paragraphs and diary.paragraphs[0].text.startswith("Jeden zweiten Samstag")
    clinics = next(i for i in items if i.headline and i.headline.text.startswith("Kleine Kliniken"))
    assert clinics.byline is not None and clinics.byline.text == "Aus Schwerin Tilman Roggenbuck"


def test_kicker_over_a_headline_set_large() -> None:
    """A one-word kicker over a long headline in large type (few characters to the line):
    kicker and headline, not headline and teaser."""
    dump = (
        "Bildung\n\nQuereinsteiger:innen sollen\ndie Lücken an den\nGrundschulen füllen\n\n"
        "Von Jana Reuter\n\n"
        "Zum neuen Schuljahr fehlen an den Grundschulen in Nordrhein-\n"
        "Westfalen nach Angaben der Bildungsgewerkschaft mehr als drei-\n"
        "tausend Lehrkräfte, und das Land will nun verstärkt auf Quer-\n"
        "einsteigerinnen und Quereinsteiger setzen, sagte die Ministerin.\n"
    )
    (item,) = parse_text(dump, options=Options(language="de")).pages[0].items
    assert item.kicker is not None and item.kicker.text == "Bildung"
    assert item.headline is not None and item.headline.text.startswith("Quereinsteiger:innen")
    assert item.teaser is None


def test_a_folio_heading_a_dumps_page_is_furniture_a_number_line_inside_is_not() -> None:
    body = (
        "Die Stadt hat am Montag beschlossen, den alten Hafen bis zum Sommer\n"
        "zu sanieren. Die Kosten liegen bei vierzig Millionen Euro.\n"
    )
    page = parse_text(f"9 Meinung\n\nHafen wird saniert\n\n{body}").pages[0]
    assert [f.text for f in page.furniture] == ["9 Meinung"]
    inside = parse_text(f"Hafen wird saniert\n\n{body}\n3 Verletzte\n\n{body}").pages[0]
    assert inside.furniture == ()


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Rheinische Rundschau · Freitag, 14. Mai 2027 · Seite 9", True),
        ("THE MORNING LEDGER · Friday, May 14, 2027 · Page 31", True),
        ("On Friday the council met again", False),
    ],
)
def test_a_date_line_with_its_weekday_is_furniture_in_either_order(
    line: str, furniture: bool
) -> None:
    assert is_furniture(line) is furniture


def _column(n: int) -> str:
    """n pairs of a wide column's lines, as pdftotext -raw lists body text."""
    return "".join(
        f"Im Abschnitt {k} der Planung geht es um neue Leitungen und um die\n"
        f"Kosten, die dafür bis zum Jahr {2026 + k} anfallen werden, sagte er.\n"
        for k in range(n)
    )


def test_a_jump_line_stands_alone_over_the_next_storys_kicker() -> None:
    """pdftotext -raw runs a story's jump line and the next story's kicker together in one
    block; the jump line stands alone, so the kicker heads its story."""
    first = (
        "The council voted on Tuesday to close two branch libraries on\n"
        "Mondays and to cut the hours of the swimming pools in summer.\n"
        "Members said the budget left them few other choices this year.\n"
    )
    second = (
        "Patients waiting for hip and knee replacements will be offered\n"
        "operations on Saturdays and Sundays under a new scheme that the\n"
        "hospital hopes will cut its waiting list by a third within a year.\n"
        "The hub opened on Monday with four operating theatres and 28 beds.\n"
    )
    dump = (
        "City Hall\nCouncil approves budget with cuts to libraries\nBy Rachel Kim\n"
        f"{first}Continued on Page A8\nHealth\n"
        "Hospital trust opens weekend surgery hub\nBy Sunita Rao\n"
        f"{second}"
    )
    items = parse_text(dump, options=Options(language="en")).pages[0].items
    hospital = next(i for i in items if i.headline and i.headline.text.startswith("Hospital"))
    assert hospital.kicker is not None and hospital.kicker.text == "Health"


def _story_with_side_credit(header: str, lead: str, credit: str, caption: str) -> list[Item]:
    """The items of a -raw dump of a story whose picture pdftotext lists after the lead:
    the credit set up the picture's side (a word to a line), then the caption under it,
    then the rest of the column."""
    dump = f"{header}{lead}{credit}{caption}{_column(8)}"
    return list(parse_text(dump, options=Options(language="de")).pages[0].items)


def test_a_credit_set_up_the_pictures_side_heads_the_caption_under_it() -> None:
    """pdftotext -raw reads a credit set vertically beside a picture a word to a line, and
    before the caption under the picture: the words are one credit, the caption the short
    sentence after them, and the story's first paragraph before them stays body."""
    lead = (
        "Die Stadtwerke wollen ihr Fernwärmenetz\n"
        "bis zum Jahr 2035 verdoppeln. Das kündigte\n"
        "der Geschäftsführer am Montag in der Sitzung\n"
        "des Rates an. Rund 40.000 Haushalte sollen\n"
        "dann ihre Wärme aus dem Netz beziehen.\n"
    )
    header = "Wirtschaft\nStadtwerke wollen das Netz verdoppeln\nVon Sabine Ortner\n"
    caption = "Baustelle am Hafen: Hier sollen im\nHerbst die ersten Leitungen liegen.\n"
    items = _story_with_side_credit(header, lead, "Foto:\nJoseph\nWanyama/afp\n", caption)
    picture = next(i for i in items if i.type == "picture")
    assert picture.credit is not None and picture.credit.text == "Foto: Joseph Wanyama/afp"
    assert picture.caption is not None and picture.caption.text.startswith("Baustelle am Hafen")
    story = next(i for i in items if i.type != "picture")
    assert story.paragraphs[0].text.startswith("Die Stadtwerke wollen")


def test_a_bare_name_between_headline_and_body_is_the_byline() -> None:
    """pdftotext -raw sets a byline without "Von" on a line of its own between the
    headline's last line and the body's first: it is the byline, not part of the headline."""
    body = "".join(
        f"Im Abschnitt {k} geht es um neue\nLeitungen und um die Kos-\n"
        f"ten, die dafür bis zum Jahr\n{2026 + k} anfallen, sagte er.\n"
        for k in range(6)
    )
    dump = f"Wirtschaft\nDie Stadt plant ein neues Wärmenetz\nSabine Ortner\n{body}"
    [item] = parse_text(dump, options=Options(language="de")).pages[0].items
    assert item.headline is not None and item.headline.text == "Die Stadt plant ein neues Wärmenetz"
    assert item.byline is not None and item.byline.text == "Sabine Ortner"


def test_a_teaser_run_on_from_its_headline_over_the_byline_is_cut_off() -> None:
    """pdftotext -raw lists a header's lines together; the sentence between the headline's
    line and the byline, longer than the headline's line, is the teaser (not a headline
    with the headline for its kicker)."""
    body = "".join(
        f"Part {k} of the plan covers new pipes and the costs that the city\n"
        f"expects to pay for them until the year {2026 + k}, a spokesman said.\n"
        for k in range(10)
    )
    dump = (
        "Education\nSchools in Wales to get extra tutors in catch-up drive\n"
        "Pupils who are behind in reading and maths will receive small-group lessons.\n"
        f"By Gareth Pritchard\n{body}"
    )
    [item] = parse_text(dump, options=Options(language="en")).pages[0].items
    assert item.kicker is not None and item.kicker.text == "Education"
    assert item.headline is not None and item.headline.text.startswith("Schools in Wales")
    assert item.teaser is not None and item.teaser.text.startswith("Pupils who are behind")


def test_a_folio_run_into_the_first_kicker_is_furniture() -> None:
    """pdftotext -raw runs the page's folio ("Kultur 13") into the kicker under it."""
    body = _column(10)
    dump = f"Kultur 13\nInternational\nDie Stadt plant ein neues Wärmenetz\nVon Eva Muster\n{body}"
    page = parse_text(dump, options=Options(language="de")).pages[0]
    [item] = page.items
    assert item.kicker is not None and item.kicker.text == "International"
    assert [f.text for f in page.furniture] == ["Kultur 13"]


def test_a_teaser_over_a_bare_name_byline_is_cut_off() -> None:
    """The byline under a teaser may be a name without "Von": the teaser is still cut off
    from the headline's line over it."""
    body = _column(10)
    dump = (
        "Panorama\nStudierende warten lange auf einen Platz\n"
        "Die Wohnheime der Stadt sind voll, und neue werden erst in zwei Jahren fertig.\n"
        f"Markus Brandstätter\n{body}"
    )
    [item] = parse_text(dump, options=Options(language="de")).pages[0].items
    assert item.headline is not None
    assert item.headline.text == "Studierende warten lange auf einen Platz"
    assert item.teaser is not None and item.teaser.text.startswith("Die Wohnheime")
    assert item.byline is not None and item.byline.text == "Markus Brandstätter"


def test_a_teaser_over_a_picture_listed_before_the_byline_is_cut_off() -> None:
    """pdftotext -raw may list the picture under a header (caption, credit) between the
    teaser and the byline: the headline, teaser and caption are still told apart."""
    body = _column(10)
    dump = (
        "Web\nStadtwerke wollen das Netz bis 2035 verdoppeln\n"
        "Der Ausbau soll rund 300 Millionen Euro kosten und zum Teil gefördert werden.\n"
        "Baustelle am Hafen: Hier sollen im Herbst die ersten neuen Leitungen verlegt werden.\n"
        f"Uwe Zeitler/dpa\nJulia Hofer\n{body}"
    )
    items = parse_text(dump, options=Options(language="de")).pages[0].items
    story = next(i for i in items if i.type != "picture")
    assert story.headline is not None
    assert story.headline.text == "Stadtwerke wollen das Netz bis 2035 verdoppeln"
    assert story.teaser is not None and story.teaser.text.startswith("Der Ausbau")
    picture = next(i for i in items if i.type == "picture")
    assert picture.caption is not None and picture.caption.text.startswith("Baustelle am Hafen")


def test_the_caption_under_a_credit_set_up_the_side_runs_to_its_sentence_end() -> None:
    """The caption under a credit set a word to a line reads on to its first sentence end,
    also where its first line is short and the next opens with a capital ("... in Bad" /
    "Hersfeld, wo ...")."""
    lead = (
        "Die Hochschule will allen Studierenden der ersten\n"
        "beiden Jahre einen Platz im Wohnheim sichern. Das\n"
        "kündigte die Präsidentin am Montag in der Sitzung an.\n"
    )
    header = "Bildung\nDie Hochschule baut neue Wohnheime\nVon Sabine Ortner\n"
    caption = (
        "Studierende auf dem Campus in Bad\nHersfeld, wo die Mieten seit 2019 gestiegen sind.\n"
    )
    items = _story_with_side_credit(header, lead, "Eric\nSandoval/AP\n", caption)
    picture = next(i for i in items if i.type == "picture")
    assert picture.credit is not None and picture.credit.text == "Eric Sandoval/AP"
    assert picture.caption is not None
    assert picture.caption.text == (
        "Studierende auf dem Campus in Bad Hersfeld, wo die Mieten seit 2019 gestiegen sind."
    )


def test_a_line_of_von_and_a_noun_ending_a_sentence_is_no_byline() -> None:
    """ "von Nordseefischern." on a line of its own goes on the sentence above it: a byline's
    names end without a full stop."""
    body = _column(8)
    dump = (
        f"Panorama\nÄrzte sterben in Kambodscha\nVon Eva Muster\n{body}"
        "Seit dem Frühjahr kommen immer mehr gute Nachrichten\nvon Nordseefischern.\n"
        f"{body}"
    )
    [item] = parse_text(dump, options=Options(language="de")).pages[0].items
    assert item.byline is not None and item.byline.text == "Von Eva Muster"
    text = " ".join(p.text for p in item.paragraphs)
    assert "immer mehr gute Nachrichten von Nordseefischern." in text
