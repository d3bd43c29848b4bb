"""pdftotext's default mode (issue 13): it cuts a column's text at the column's foot with a
blank line and joins each line that ended in a hyphen to the next, dropping the hyphen, so
a third of the lines are two columns wide. The text path puts the typeset lines back
before it reads roles."""

from __future__ import annotations

from tests.test_known_failures import STORY, first_paragraph, text_items

from broadsheet.layout.fragments import rewrap
from broadsheet.layout.segment import own_line
from broadsheet.model import Block, Item, Traced
from broadsheet.pipeline import Options, parse_text

HEADER = "Stadtwerke wollen das Fernwärmenetz verdoppeln\nVon Sabine Ortner\n\n"
# Two columns as typeset: about 32 characters to the line, hyphenated.
COLUMN_A = """Die Stadtwerke wollen ihr Fern-
wärmenetz bis zum Jahr 2035 ver-
doppeln. Das kündigte der Ge-
schäftsführer am Montag in der
Ratssitzung an. Rund 40.000 Haus-
halte sollen dann ihre Wärme aus
dem Netz beziehen, heute sind es
knapp halb so viele. Die Kosten
für den Ausbau schätzt das Unter-
nehmen auf rund 300 Millionen
Euro, die zum größeren Teil über
Kredite finanziert werden sollen.
Bund und Land fördern das Vor-
haben mit zusammen"""
COLUMN_B = """etwa 90 Millionen Euro. Die ers-
ten Leitungen sollen im Herbst
am Holländischen Platz verlegt
werden, der Rest folgt bis 2030.
Kritik kommt von der Opposition
im Rat. Sie hält den Zeitplan für
zu knapp und fürchtet steigende
Preise für die Kundinnen und
Kunden. Der Geschäftsführer wies
das am Montag zurück."""


SECOND = "Kleine Kliniken fürchten die Reform\nVon Tilman Roggenbuck\n\n"
COLUMN_C = """Die Krankenhausreform des Bundes
sorgt in Mecklenburg-Vorpommern
für wachsende Unruhe. Nach einer
Analyse könnten bis zu fünf Kli-
niken Leistungsgruppen verlieren,
die für ihre wirtschaftliche Exis-
tenz entscheidend sind, sagte ein
Sprecher des Ministeriums. Die
Häuser in Wolgast und Crivitz
gelten als besonders gefährdet,
weil dort zu wenige Fälle behan-
delt werden. Der Landkreis will
sich dagegen wehren."""


def _as_pdftotext_default(column: str) -> str:
    """Each line that ends in a hyphen joined to the next, the hyphen dropped."""
    return column.replace("-\n", "")


def _items() -> tuple[Item, ...]:
    dump = "\n\n".join(
        [
            HEADER + _as_pdftotext_default(COLUMN_A),
            _as_pdftotext_default(COLUMN_B),
            SECOND + _as_pdftotext_default(COLUMN_C) + "\n",
        ]
    )
    return parse_text(dump, options=Options(language="de")).pages[0].items


def test_a_paragraph_cut_at_a_columns_foot_reads_on_in_the_next_block() -> None:
    article = _items()[0]
    assert article.headline is not None and article.headline.text.startswith("Stadtwerke")
    text = " ".join(p.text for p in article.paragraphs)
    assert "fördern das Vorhaben mit zusammen etwa 90 Millionen Euro." in text
    assert text.endswith("Der Geschäftsführer wies das am Montag zurück.")


def test_lines_joined_at_hyphens_are_no_headline() -> None:
    """Three typeset lines joined ("Analyse könnten ... sagte ein") read as a brief's
    headline, had the dump's lines been taken for the page's."""
    items = _items()
    assert [i.type for i in items] == ["article", "article"]
    clinics = items[1]
    assert clinics.headline is not None and clinics.headline.text.startswith("Kleine Kliniken")
    assert clinics.teaser is None
    text = " ".join(p.text for p in clinics.paragraphs)
    assert text.startswith("Die Krankenhausreform") and text.endswith("dagegen wehren.")


# A box of briefs whose column feet fall mid-sentence: each foot's text opens the next
# block in lowercase, as pdftotext's default mode sets it.
BRIEFS = """Aus den Ländern

Kiel: Der Landtag hat ein Gesetz beschlossen, das den Einbau neuer
Ölheizungen in Neubauten ab
2027 verbietet. Es wurde mit 41
zu 28 Stimmen angenommen. Die
Opposition nannte es übereilt und bürokratisch, Umweltverbände dagegen
zu zaghaft, weil es bestehende Anlagen nicht

erfasst.
Erfurt: Die Polizei hat einen
Mann festgenommen, der seit 2019 mehr als 200 seltene
Bücher aus Bibliotheken gestohlen
haben soll. Viele davon habe er
über Auktionen im Ausland verkauft, sagte ein Sprecher. Der Mann bestreitet

die Vorwürfe.
Mainz: Das Land investiert 90
Millionen Euro in seine Regionalbahnen. Die Fahrzeiten
sollen bis 2030 um ein Fünftel
sinken, die ersten Züge fahren

ab dem kommenden
Frühjahr.
(dpa)
"""


def test_briefs_cut_at_column_feet_stay_whole() -> None:
    items = parse_text(BRIEFS, options=Options(language="de")).pages[0].items
    assert len(items) == 1
    paragraphs = [p.text for p in items[0].paragraphs]
    assert [p.split(":")[0] for p in paragraphs] == ["Kiel", "Erfurt", "Mainz"]
    assert paragraphs[0].endswith("nicht erfasst.")
    assert paragraphs[1].endswith("bestreitet die Vorwürfe.")
    assert paragraphs[2].endswith("ab dem kommenden Frühjahr.")


def test_lines_cut_back_leave_no_byline_standing_alone() -> None:
    """A joined line that opens "von Rathaus und Bauamt" is cut elsewhere than after
    those words: alone on a line they read as a byline and cut the story in two."""
    column = [
        "Die Stadt plant dazu zwei weitere",
        "Schritte: den Umzug",
        "von Rathaus und Bauamt in das alte Postgebäude am Markt sowie",
        "eine Studie darüber, ob",
        "sich ein Neubau am Ha-",
        "fen noch lohnen würde.",
        "Beides soll bis zum",
        "Herbst geklärt sein, sagt",
        "ein Sprecher der Stadt.",
    ]
    block = Block(tuple(Traced(t) for t in column), 0)
    lines = [t.text for t in rewrap([block])[0].lines]
    assert len(lines) > len(column)
    assert not any(own_line(t) for t in lines)


def test_a_word_cut_at_a_columns_foot_finds_its_other_half() -> None:
    """pdftotext lists a story's second column before its first; the word cut at the first
    column's foot ("Flücht-" / "linge") names the piece that goes on with it, and the
    story after keeps its own text."""
    second = (
        "linge aus der Ukraine wohnen, soll ein\nneuer Spielplatz entstehen. Die Arbei-\n"
        "ten beginnen im Frühjahr, sagte der\nBürgermeister am Dienstag im Rat.\n"
    )
    first = (
        "Die Stadt will die alte Kaimauer am\nHafen bis zum Jahr 2029 in drei Ab-\n"
        "schnitten ersetzen lassen. Die Kosten\nvon rund 40 Millionen Euro teilen sich\n"
        "Bund und Land. Auf dem Gelände hinter\nder Mauer, wo seit dem Frühjahr Flücht-\n"
    )
    clinics = (
        "Die Krankenhausreform des Bundes sorgt\nin Mecklenburg-Vorpommern für wach-\n"
        "sende Unruhe. Nach einer Analyse könn-\nten bis zu fünf Kliniken Leistungsgrup-\n"
        "pen verlieren, sagte ein Sprecher. Die\nHäuser in Wolgast und Crivitz gelten\n"
        "als besonders gefährdet.\n"
    )
    dump = "\n".join(
        [
            "Hafen bekommt neue Kaimauer\nVon Sabine Ortner\n",
            second,
            first,
            "Kleine Kliniken fürchten die Reform\nVon Tilman Roggenbuck\n",
            clinics,
        ]
    )
    items = parse_text(dump, options=Options(language="de")).pages[0].items
    texts = [" ".join(p.text for p in i.paragraphs) for i in items]
    assert len(texts) == 2
    assert texts[0].startswith("Die Stadt will die alte Kaimauer")
    assert "wo seit dem Frühjahr Flüchtlinge aus der Ukraine wohnen" in texts[0]
    assert texts[1].startswith("Die Krankenhausreform")


def test_a_story_piece_dumped_after_its_continuation_is_read_first() -> None:
    """pdfminer's block order (a known failure until follow_hyphens): the first piece,
    cut after "Eu-", listed after the piece that goes on with "ro"."""
    lines = STORY[2].split("\n")
    start, rest = "\n".join(lines[:5]), "\n".join(lines[5:])  # cut after "Eu-"
    [item] = text_items("\n\n".join([STORY[0], STORY[1], rest, start, STORY[3]]))
    assert item["paragraphs"][0] == first_paragraph()


def test_a_line_cut_into_words_at_a_columns_head_joins_the_text_before() -> None:
    """A justified line with wide gaps comes out a word to a line ("Kapitän" / "Jens" /
    "Brandt,") at the head of a column's block; the block before stops on "mit dem"."""
    dump = (
        "Segler aus Kiel gewinnen die Regatta\nVon Sabine Ortner\n\n"
        "Die Crew aus Kiel hat am Sonntag die\n"
        "Regatta rund um Fehmarn gewonnen und\n"
        "dabei den Streckenrekord um mehr als\n"
        "eine Stunde verbessert. Zweiter wurde\n"
        "das Boot aus Flensburg mit dem\n\n"
        "Kapitän\nJens\nBrandt,\nder\n"
        "schon im Vorjahr knapp gescheitert war.\n"
        "Die Veranstalter zählten in diesem Jahr\n"
        "mehr als 120 Boote am Start, so viele\n"
        "wie nie zuvor in der Geschichte.\n"
    )
    [item] = parse_text(dump, options=Options(language="de")).pages[0].items
    assert item.headline is not None and item.headline.text.startswith("Segler")
    text = " ".join(p.text for p in item.paragraphs)
    assert "aus Flensburg mit dem Kapitän Jens Brandt, der schon im Vorjahr" in text
