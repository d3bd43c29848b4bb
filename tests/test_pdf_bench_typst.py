"""The benchmark's PDF path on Typst pages (`bench --typesetter typst`, typst_page.py): the
held-out typesetter, which nobody tunes the parser on. Its figures are pinned on a small
slice all the same, so that a regression shows (tests/test_pdf_bench.py does this for the
plain pages).

English pages (the project's corpus, in the repository): seeds 3 (justified; pictures on
top and inside a story, rotated credit) and 5 (paragraphs started by extra space, ragged;
pictures between header and body and inside). A German page (seed 3) needs the real news
corpus in ../shared/corpus (realnews.py) and skips without it. Pages are read from
benchmarks/out/typst where the benchmark made them (a shared cache: only read here), else
typeset in a temporary folder (a second or a few a page; the `typst` wheel must be there).
Each is scored in order and stream-shuffled, with the bench's own functions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.pagegen.bench import DEFAULT_OUT, PDF_RUNS, Generated, Results
from benchmarks.pagegen.realnews import news_available
from tests.pdfbench import (
    assert_floors,
    assert_shuffle_gaps,
    lang_results_fixture,
    pdf_score,
    slice_page,
)

CACHE = DEFAULT_OUT / "typst"
SEEDS = {"de": (3,), "en": (3, 5)}
MAX_SHUFFLE_CER_GAP = 0.01
# Reached on this slice (2026-12-03), in order and shuffled alike (no CER gap on any page):
#   de (seed 3):     CER 0.168, item F1 0.824, field accuracy 1.000, order tau 0.996, break F1 0.918
#   en (seeds 3, 5): CER 0.029, item F1 0.963, field accuracy 0.784, order tau 0.995, break F1 0.964
# Floors slightly under; CER is a ceiling. (Over the set's 12 pages a language, a page's CER
# runs from 0.002 to 0.43 in German, 0.000 to 0.066 in English.)
FLOORS = {
    "de": {
        "cer": 0.18,
        "item_f1": 0.80,
        "field_accuracy": 0.97,
        "order_tau": 0.98,
        "break_f1": 0.90,
    },
    "en": {
        "cer": 0.04,
        "item_f1": 0.94,
        "field_accuracy": 0.76,
        "order_tau": 0.98,
        "break_f1": 0.94,
    },
}


def _page(lang: str, seed: int, scratch: Path) -> Generated:
    """The Typst page and its stream-shuffled copy; skips where Typst cannot set it."""
    if lang == "de" and not news_available():
        pytest.skip("the real German news corpus (../shared/corpus) is not here")
    return slice_page(lang, seed, CACHE, scratch, "typst", "a Typst page")


lang_results = lang_results_fixture(SEEDS, "typst", _page)


@pytest.mark.parametrize("degradation", PDF_RUNS)
def test_typst_pages_keep_the_pdf_paths_floors(
    lang_results: tuple[str, Results], degradation: str
) -> None:
    lang, results = lang_results
    got = pdf_score(results, lang, degradation, len(SEEDS[lang]))
    assert_floors(got, FLOORS[lang], FLOORS[lang]["break_f1"])


def test_stream_shuffled_typst_pages_read_as_the_in_order_ones(
    lang_results: tuple[str, Results],
) -> None:
    lang, results = lang_results
    assert_shuffle_gaps(results, lang, len(SEEDS[lang]), MAX_SHUFFLE_CER_GAP)
