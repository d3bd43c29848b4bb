"""The ReportLab typesetter (benchmarks/pagegen/rl_page.py): the gold it writes is exactly
what its PDF shows, its page parses, and its stream-shuffled copy looks the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from benchmarks.pagegen.realnews import news_available
from tests.test_pagegen import _squeezed, _visible_text

pytest.importorskip("reportlab")


def _bare(text: str) -> str:
    """Squeezed text without any hyphen: PDFium marks a line-end hyphen, real or inserted
    by pyphen, alike."""
    return _squeezed(text).replace("-", "")


def _pixels(path: Path) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return bytes(pdf[0].render(scale=1).buffer)
    finally:
        pdf.close()


@pytest.mark.parametrize(("lang", "seed"), [("de", 4), ("en", 7)])
def test_reportlab_gold_is_what_the_pdf_shows(lang: str, seed: int, tmp_path: Path) -> None:
    if lang == "de" and not news_available():
        pytest.skip("the real German news corpus (../shared/corpus) is not here")
    if shutil.which("fc-list") is None:
        pytest.skip("fc-list is needed to find the DejaVu fonts")
    from benchmarks.pagegen.rl_page import generate_rl

    from broadsheet.pipeline import Options, parse_pdf

    pdf, page = generate_rl(lang, seed, tmp_path)
    shown = _bare(_visible_text(pdf))
    assert page["items"] and page["furniture"]
    for text in page["furniture"]:
        assert _bare(text) in shown, text
    for item in page["items"]:
        for key, value in item.items():
            if key in ("type", "authors", "dateline"):
                continue
            for text in value if isinstance(value, list) else [value]:
                assert _bare(text) in shown, (key, text[:60])
    doc, _skipped = parse_pdf(pdf, Options(language=lang))
    assert doc.pages and any(p.items for p in doc.pages)
    shuffled = pdf.with_suffix(".stream.pdf")
    assert _pixels(shuffled) == _pixels(pdf)


def test_reportlab_plans_are_reproducible_and_mix_the_traits() -> None:
    from benchmarks.pagegen.corpus import load_corpus
    from benchmarks.pagegen.rl_plan import plan_rl, shortened_rl

    stories = load_corpus("en")
    plans = [plan_rl(stories, seed, "en") for seed in range(1, 25)]
    assert plans[0] == plan_rl(stories, 1, "en")
    assert {plan.style.dense for plan in plans} == {True, False}
    assert {plan.style.justify for plan in plans} == {True, False}
    assert {p.picture for plan in plans for p in plan.placements} >= {"top", "inside", "between"}
    current, steps = plans[0], 0
    while current is not None:
        steps, current = steps + 1, shortened_rl(current)
    assert steps > 1
