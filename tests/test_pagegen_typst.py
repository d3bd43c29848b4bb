"""The Typst typesetter (benchmarks/pagegen/typst_page.py): the gold it writes is exactly
what its PDF shows, on a page per language (German from the shared real news corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.pagegen.realnews import news_available
from benchmarks.pagegen.typst_plan import gold2, plan_page2, shortened2
from tests.test_pagegen import _squeezed, _visible_text


def _bare(text: str) -> str:
    """Squeezed text without any hyphen: PDFium marks Typst's line-end hyphens, real or
    inserted, alike (U+0002, which _visible_text makes "-")."""
    return _squeezed(text).replace("-", "")


def _stories(lang: str) -> list:
    if lang == "de" and not news_available():
        pytest.skip("the real German news corpus (../shared/corpus) is not here")
    from benchmarks.pagegen.typst_page import stories_for

    return stories_for(lang)


@pytest.mark.parametrize(("lang", "seed"), [("de", 3), ("en", 5)])
def test_typst_gold_is_what_the_pdf_shows(lang: str, seed: int, tmp_path: Path) -> None:
    pytest.importorskip("typst")
    from benchmarks.pagegen.typst_page import typeset2

    pdf = tmp_path / "page.pdf"
    plan = typeset2(plan_page2(_stories(lang), seed, lang), pdf)
    shown = _bare(_visible_text(pdf))
    page = gold2(plan)
    assert page["items"] and page["furniture"]
    for text in page["furniture"]:
        assert _bare(text) in shown, text
    for item in page["items"]:
        for key, value in item.items():
            texts = value if isinstance(value, list) else [value]
            for text in texts:
                if key not in ("type", "authors", "dateline"):
                    assert _bare(text) in shown, (key, text[:60])


def test_typst_plans_are_reproducible_and_shorten_to_nothing() -> None:
    from benchmarks.pagegen.corpus import load_corpus

    stories = load_corpus("en")
    plan = plan_page2(stories, 7, "en")
    assert plan == plan_page2(stories, 7, "en")
    for p in plan.placements:
        assert all(0 < k < len(p.paragraphs) for k in p.subheads)
    steps = 0
    current = plan
    while current is not None:
        steps += 1
        current = shortened2(current)
    assert steps > 1


def test_typst_plans_mix_the_traits() -> None:
    from benchmarks.pagegen.corpus import load_corpus

    stories = load_corpus("en")
    plans = [plan_page2(stories, seed, "en") for seed in range(1, 13)]
    placed = [p for plan in plans for p in plan.placements]
    assert {p.picture for p in placed} == {None, "top", "inside", "between"}
    for trait in ("vector", "one_line_caption", "rotated_credit", "subheads", "jump"):
        assert any(getattr(p, trait) for p in placed if p.picture or trait in ("subheads", "jump"))
    assert {plan.style.spaced for plan in plans} == {True, False}
    assert {plan.style.justify for plan in plans} == {True, False}


def _pixels(path: Path) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return bytes(pdf[0].render(scale=1).buffer)
    finally:
        pdf.close()


def test_typst_page_shuffles_to_the_same_pixels(tmp_path: Path) -> None:
    pytest.importorskip("typst")
    from benchmarks.pagegen.extract import pdfium_text
    from benchmarks.pagegen.typst_page import generate_typst

    pdf, _gold = generate_typst("en", 2, tmp_path)
    shuffled = pdf.with_suffix(".stream.pdf")
    assert _pixels(shuffled) == _pixels(pdf)
    assert pdfium_text(shuffled) != pdfium_text(pdf)
