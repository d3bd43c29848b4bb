"""Conservation (`broadsheet.conserve`): every source character is in an item, furniture, an
ad or a repair record, or is layout white space, and no two owners claim one; checked on
the samples, the golden dumps, generated pages and the real pages, and shown to fail on a
document that lost a paragraph or doubled an item."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.real_data import REAL

from broadsheet import parse
from broadsheet.conserve import check, check_pdf
from broadsheet.errors import InputError
from broadsheet.model import Document, Seg, Traced
from broadsheet.pipeline import parse_text

ROOT = Path(__file__).parents[1]
INPUTS = [
    ROOT / "samples" / "taz-seed.txt",
    ROOT / "samples" / "generated-de-0001.pdf",
    *sorted((ROOT / "tests" / "golden").glob("*.txt")),
    *(sorted(REAL.glob("*.pdf")) if REAL.exists() else []),
]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_source_character_is_accounted_for_once(path: Path) -> None:
    tally = check(parse(path))
    assert tally.ok, "\n".join(map(str, tally.findings[:5]))
    assert tally.accounted > 500


@pytest.mark.parametrize("lang, seed", [("de", 1), ("de", 2), ("en", 3)])
def test_generated_pages_conserve(lang: str, seed: int, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from benchmarks.pagegen.bench import generate

    tally = check(parse(generate(lang, seed, tmp_path).pdf))
    assert tally.ok, "\n".join(map(str, tally.findings[:5]))


def _first_page_with(doc: Document, **change: object) -> Document:
    page = dataclasses.replace(doc.pages[0], **change)
    return dataclasses.replace(doc, pages=(page, *doc.pages[1:]))


def test_a_lost_paragraph_is_named() -> None:
    doc = parse(ROOT / "samples" / "taz-seed.txt")
    item = doc.pages[0].items[0]
    lost = item.paragraphs[1]
    shorter = dataclasses.replace(item, paragraphs=item.paragraphs[:1] + item.paragraphs[2:])
    tally = check(_first_page_with(doc, items=(shorter, *doc.pages[0].items[1:])))
    assert not tally.ok
    found = {k for f in tally.findings if f.kind == "unaccounted" for k in range(f.start, f.end)}
    spans = {k for a, b in lost.spans() for k in range(a, b)}
    assert found and found <= spans  # what is named is the lost paragraph's text


def test_an_item_twice_is_doubled() -> None:
    doc = parse(ROOT / "samples" / "generated-de-0001.pdf")
    items = doc.pages[0].items
    tally = check(_first_page_with(doc, items=(*items, items[0])))
    assert {f.kind for f in tally.findings} == {"doubled"}


PAGES = REAL.parent / "pages"
PDFS = [
    ROOT / "samples" / "generated-de-0001.pdf",
    *(sorted(REAL.glob("*.pdf")) if REAL.exists() else []),
    *(sorted(PAGES.glob("*.pdf")) if PAGES.exists() else []),
]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_letter_pdfium_reads_is_in_the_source_and_every_page_conserves(path: Path) -> None:
    doc = parse(path)
    assert check_pdf(path.read_bytes(), doc) == []
    tally = check(doc)
    assert tally.ok, "\n".join(map(str, tally.findings[:5]))


def test_a_word_lost_while_reading_is_named() -> None:
    path = ROOT / "samples" / "generated-de-0001.pdf"
    doc = parse(path)
    text = doc.source.text.replace("Mercosur", " " * len("Mercosur"), 1)
    (finding,) = check_pdf(
        path.read_bytes(),
        dataclasses.replace(doc, source=dataclasses.replace(doc.source, text=text)),
    )
    assert finding.kind == "not read" and sorted(finding.text) == sorted("mercosur")


def test_characters_no_reader_sees_are_counted_apart() -> None:
    text = (ROOT / "samples" / "taz-seed.txt").read_text(encoding="utf-8")
    marked = text.replace("\n\n", "\x07\x07\u2028 \n", 3)  # a bell and a separator in gaps
    tally = check(parse_text(marked))
    assert tally.ok and tally.invisible >= 2


def test_cli_check_passes_on_the_samples_and_names_a_finding(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from broadsheet import conserve
    from broadsheet.cli import main

    for sample in ("taz-seed.txt", "generated-de-0001.pdf"):
        assert main([str(ROOT / "samples" / sample), "--check", "-f", "text"]) == 0
        assert "check:" not in capsys.readouterr().err
    lost = conserve.Finding(1, 10, 14, "unaccounted", "lost")
    monkeypatch.setattr(conserve, "check", lambda doc: conserve.Tally(1, (lost,), 0))
    assert main([str(ROOT / "samples" / "taz-seed.txt"), "--check", "-f", "text"]) == 1
    err = capsys.readouterr().err
    assert "broadsheet: check: " in err and "unaccounted source [10, 14)" in err


def test_every_typesetter_of_the_generated_benchmark_conserves(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """benchmarks/conservation.py on a page of each typesetter (tuning seeds, 101 up), and
    every extractor's dump of the ReportLab page under every degradation."""
    from benchmarks import conservation
    from benchmarks.pagegen.realnews import NEWS_CSV

    lang = "de" if NEWS_CSV.is_file() else "en"  # German Typst pages need ../shared/corpus
    pdfs = ["--first-seed", "101", "--pages", "1", "--langs", lang, "--no-dumps"]
    assert conservation.main([*pdfs, "--typesetters", "weasyprint,traits,typst"]) == 0
    dumps = ["--first-seed", "102", "--pages", "1", "--langs", "en"]
    assert conservation.main([*dumps, "--typesetters", "reportlab"]) == 0
    out = capsys.readouterr().out
    assert out.count("unaccounted 0  doubled 0  not read 0") == 4
    assert "dumps    0" not in out.splitlines()[-1]


# Newspaper words with hyphens, ligatures, quotes and cue words, and lines and blocks of
# them; and any text at all (controls, astral characters, separators, no surrogates).
_WORDS = st.sampled_from(
    "Die Stadt hat am Montag den Haushalt beschlossen Bürger Verkehrs- minister SPD- "
    "Ein- und „Zitat“ (dpa) Foto: Von Anna Heimat- land eﬃzient o\ufffdziell 12 % "
    "taz.de Seite".split()
)
_DUMPS = st.lists(
    st.lists(st.lists(_WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=8).map(
        "\n".join
    ),
    min_size=1,
    max_size=10,
).map("\n\n".join)
_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)


@settings(max_examples=80, deadline=None)
# Fragments of a cut line joined over a block moved between them claimed its text too.
@example(dump="Die\n\nland Die Die Die\n" + "Die Die Die Die\n" * 2 + "Die\n\nHeimat-\n\nminister")
@given(st.one_of(_DUMPS, _ANY_TEXT, st.lists(_DUMPS, min_size=2, max_size=3).map("\f".join)))
def test_any_dump_conserves(dump: str) -> None:
    """The property over generated dumps: whatever the layout makes of them, every source
    character is accounted for once. A refusal (no text at all, binary-looking data) is one
    line, never a page that lost its text."""
    try:
        doc = parse_text(dump)
    except InputError as err:
        assert "\n" not in str(err)
        return
    tally = check(doc)
    assert tally.ok, "\n".join(map(str, tally.findings[:5]))


def test_spaces_folded_across_a_seam_claim_no_text_between() -> None:
    """A story's lines joined out of their source order meet at a seam; a space at the end
    of one and at the start of the next were folded into one, and the record (and the
    paragraph's trace) claimed all the source between the two lines: another story's text
    was then owned twice (found by benchmarks/conservation.py on a pdfminer dump)."""
    from broadsheet.layout.paragraphs import join_lines
    from broadsheet.repair.lexicon import Lexicon

    source = "Erste Zeile \nANDERE GESCHICHTE\n zweite Zeile"
    first = Traced(source[:12], (Seg(0, 12, 0, 12),))
    second = Traced(source[31:], (Seg(0, 13, 31, 44),))
    text, repairs = join_lines([first, second], Lexicon("de"))
    assert text.text == "Erste Zeile zweite Zeile"
    claimed = {k for a, b in text.spans() for k in range(a, b)}
    claimed |= {k for r in repairs for k in range(r.start, r.end)}
    assert not claimed & set(range(13, 30))  # "ANDERE GESCHICHTE" is not this text's
