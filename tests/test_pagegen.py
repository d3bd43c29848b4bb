"""The page generator (benchmarks/pagegen): its corpus format and the promise that the gold
it writes is exactly what its PDF shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from benchmarks.pagegen.compose import gold, plan_page, shortened
from benchmarks.pagegen.corpus import CorpusError, byline_parts, load_corpus, parse_story
from benchmarks.pagegen.extract import DEGRADATIONS, degrade

STORY = """type: article
kicker: Wohnen
headline: Neue Wohnungen
byline: Aus Kassel Marta Hollenbeck und Paul Demir

Erster Absatz.

Zweiter Absatz.
"""


def test_parse_story_reads_header_and_paragraphs() -> None:
    story = parse_story(STORY, "x.txt", "de")
    assert story.headline == "Neue Wohnungen"
    assert story.paragraphs == ("Erster Absatz.", "Zweiter Absatz.")
    assert story.authors == ["Marta Hollenbeck", "Paul Demir"]
    assert story.dateline == "Kassel"


@pytest.mark.parametrize(
    "text",
    ["headline: x\n\nBody.", "type: article\nheadline: x\n\n", "type: article\nfoo: x\n\nB."],
)
def test_parse_story_rejects_bad_files(text: str) -> None:
    with pytest.raises(CorpusError):
        parse_story(text, "bad.txt", "de")


def test_byline_parts() -> None:
    assert byline_parts("By Jane Reed and Paul Dermot") == (["Jane Reed", "Paul Dermot"], None)
    assert byline_parts("From Lagos Leah Summers") == (["Leah Summers"], "Lagos")
    assert byline_parts(None) == ([], None)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_committed_corpus_loads(lang: str) -> None:
    stories = load_corpus(lang)
    assert len(stories) >= 20
    assert {s.type for s in stories} == {"article", "box", "diary"}
    for s in stories:
        if s.pull_quote:
            assert any(s.pull_quote in p for p in s.paragraphs), s.name


def test_plans_are_reproducible_and_shorten_to_nothing() -> None:
    stories = load_corpus("de")
    assert plan_page(stories, 7, "de") == plan_page(stories, 7, "de")
    plan = plan_page(stories, 7, "de")
    steps = 0
    while plan is not None:
        steps += 1
        plan = shortened(plan)
    assert steps > 1


def _squeezed(text: str) -> str:
    """Text without whitespace and typesetter hyphens: what survives any line breaking.
    (PDFium writes U+FFFE for any hyphen that ends a line, a real one included.)"""
    return re.sub(r"\s+|\u2010", "", text.replace("\ufffe", "-"))


def _visible_text(pdf: Path) -> str:
    """The text PDFium finds inside the page's box: text set beyond the page's edge (a
    layout that overflowed) is in the file but nobody sees it. (This call marks a hyphen
    that ends a line with U+0002.)"""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert len(doc) == 1
        page = doc[0]
        width, height = page.get_size()
        text = str(page.get_textpage().get_text_bounded(0, 0, width, height))
        return text.replace("\x02", "-")
    finally:
        doc.close()


@pytest.mark.parametrize(("lang", "seed"), [("de", 1), ("en", 2), ("de", 14)])
def test_gold_is_what_the_pdf_shows(lang: str, seed: int, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from benchmarks.pagegen.typeset import typeset

    pdf = tmp_path / "page.pdf"
    plan = typeset(plan_page(load_corpus(lang), seed, lang), pdf)
    shown = _squeezed(_visible_text(pdf))
    page = gold(plan)
    assert page["items"]
    for item in page["items"]:
        for key, value in item.items():
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                if key not in ("type", "authors", "dateline"):
                    assert _squeezed(text) in shown, (key, text[:60])


def test_degradations_are_seeded() -> None:
    text = "Die Wohnungsbaugesellschaft offiziell\n\nein Block mit zehn Wörtern hier und da und so"
    for name in DEGRADATIONS:
        assert degrade(text, name, 3) == degrade(text, name, 3)
    assert "\ue003" in degrade("finden", "pua-ligatures", 1)
