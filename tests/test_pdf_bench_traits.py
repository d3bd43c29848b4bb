"""The benchmark's PDF path on trait pages (`bench --traits`, benchmarks/pagegen/traits.py):
WeasyPrint pages with the traits of real pages, the set the engine is tuned on. Its figures
are pinned on a slice, as tests/test_pdf_bench.py pins them on the plain pages.

Three pages per language, chosen so that together they draw the most traits (German: all
but the rotated credit; English: all twelve, see tests/test_pagegen_traits.py), read from
benchmarks/out/traits where the benchmark typeset them before (a shared cache: only read
here), else typeset in a temporary folder (seconds a page; WeasyPrint must be able to run).
Each is scored in order and stream-shuffled, with the bench's own functions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.pagegen.bench import DEFAULT_OUT, PDF_RUNS, Generated, Results
from tests.pdfbench import (
    assert_floors,
    assert_shuffle_gaps,
    lang_results_fixture,
    pdf_score,
    slice_page,
)

CACHE = DEFAULT_OUT / "traits"
SEEDS = {"de": (1, 3, 7), "en": (1, 4, 7)}
MAX_SHUFFLE_CER_GAP = 0.01
# Reached on this slice (2026-12-03), in order and shuffled alike: de and en both CER 0.000,
# item F1 1.000, field accuracy 1.000, order tau 1.000, break F1 1.000. (The whole set, 10
# pages a language: de and en both CER 0.000 / item F1 1.000 / fields 1.000.) Floors
# slightly under; CER is a ceiling.
FLOORS = {
    "de": {"cer": 0.005, "item_f1": 0.97, "field_accuracy": 0.97, "order_tau": 0.98},
    "en": {"cer": 0.005, "item_f1": 0.97, "field_accuracy": 0.97, "order_tau": 0.98},
}
MIN_BREAK_F1 = 0.97


def _page(lang: str, seed: int, scratch: Path) -> Generated:
    return slice_page(lang, seed, CACHE, scratch, "traits", "a trait page")


lang_results = lang_results_fixture(SEEDS, "traits", _page)


@pytest.mark.parametrize("degradation", PDF_RUNS)
def test_trait_pages_keep_the_pdf_paths_floors(
    lang_results: tuple[str, Results], degradation: str
) -> None:
    lang, results = lang_results
    got = pdf_score(results, lang, degradation, len(SEEDS[lang]))
    assert_floors(got, FLOORS[lang], MIN_BREAK_F1)


def test_stream_shuffled_trait_pages_read_as_the_in_order_ones(
    lang_results: tuple[str, Results],
) -> None:
    lang, results = lang_results
    assert_shuffle_gaps(results, lang, len(SEEDS[lang]), MAX_SHUFFLE_CER_GAP)
