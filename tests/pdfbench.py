"""What the PDF bench-slice tests share (test_pdf_bench.py, test_pdf_bench_traits.py,
test_pdf_bench_typst.py): a slice page read from the benchmark's cache folder where it was
made before (a shared cache: only read here), else typeset in a scratch folder; the slice
scored with the bench's own functions; the floors checked."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.pagegen.bench import (
    METRICS,
    PDF_EXTRACTOR,
    Generated,
    Results,
    generate,
    pooled,
    run_pdf,
    stream_shuffled,
)


def cached(folder: Path, lang: str, seed: int) -> bool:
    """Whether the page, its gold and its stream-shuffled copy are all in `folder`."""
    stem = folder / f"{lang}-{seed:04d}"
    return all(stem.with_suffix(s).exists() for s in (".pdf", ".gold.json", ".stream.pdf"))


def slice_page(
    lang: str, seed: int, cache: Path, scratch: Path, typesetter: str, what: str
) -> Generated:
    """The page and its stream-shuffled copy; skips where `typesetter` cannot set it."""
    out = cache if cached(cache, lang, seed) else scratch
    try:
        page = generate(lang, seed, out, typesetter=typesetter)
    except (ImportError, OSError) as err:  # no typesetter, or no Pango / font for it
        pytest.skip(f"cannot typeset {what} here: {err}")
    stream_shuffled(page)
    return page


def run_slice(pages: Iterable[Generated]) -> Results:
    """The PDF path's results on the pages."""
    found = Results(scores={}, hyphens=defaultdict(list))
    for page in pages:
        run_pdf(page, found)
    return found


def lang_results_fixture(
    seeds: dict[str, tuple[int, ...]], name: str, page: Callable[[str, int, Path], Generated]
) -> Any:
    """A module fixture, one language a param: the language and the PDF path's results on
    its slice pages, `page(lang, seed, scratch)` each."""

    @pytest.fixture(scope="module", params=sorted(seeds))
    def lang_results(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> tuple[str, Results]:
        lang = request.param
        scratch = tmp_path_factory.mktemp(f"{name}-{lang}")
        return lang, run_slice(page(lang, seed, scratch) for seed in seeds[lang])

    return lang_results


def pdf_score(results: Results, lang: str, degradation: str, pages: int) -> dict[str, float]:
    """The PDF path's pooled metrics on the language's `pages` pages, in that degradation."""
    score = pooled(
        results, lang=lang, system="broadsheet", extractor=PDF_EXTRACTOR, degradation=degradation
    )
    assert score.pages == pages
    return {m: score.metric(m) for m in METRICS}


def assert_floors(got: dict[str, float], floors: dict[str, float], min_break_f1: float) -> None:
    """Every metric a finite number; CER a ceiling, the rest floors."""
    for metric, value in got.items():
        assert isinstance(value, float) and math.isfinite(value), metric
    assert got["cer"] <= floors["cer"], got
    for metric in ("item_f1", "field_accuracy", "order_tau"):
        assert got[metric] >= floors[metric], (metric, got)
    assert got["break_f1"] >= min_break_f1, got


def assert_shuffle_gaps(results: Results, lang: str, pages: int, max_gap: float) -> None:
    """The stream-shuffled pages read as the in-order ones: a CER gap on each, all small."""
    gaps = results.pdf_gaps[lang]
    assert len(gaps) == pages
    assert max(gaps) <= max_gap
