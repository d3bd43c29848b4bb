"""The benchmark's CI slice: three generated pages per language, scored as the full run
scores them, with floors pinned at what broadsheet reached (see README, "Generated pages").

The full run is `python -m benchmarks.pagegen.bench --pages 20`; this slice takes about
half a minute. A floor that fails means a change made broadsheet worse on real extractor
output; raise a floor when a change makes it better.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

pytest.importorskip("weasyprint")

from benchmarks.pagegen.bench import Results, generate, run_page, summary

LANGS = ("de", "en")
SEEDS = (1, 2, 3)
EXTRACTORS = ("pdftotext", "pypdfium2")
# Floors per language: dehyphenation accuracy, then broadsheet's pooled page figures.
# Measured on 2026-11-25 (pages 1-3, hyphen-minus dumps): de CER 0.0109, item F1 0.954,
# fields 0.826; en CER 0.166 (pdftotext reads across side-by-side stories, see README),
# item F1 0.897, fields 0.631; line ends 100 % both.
FLOORS = {
    "de": {"dehyphenation_accuracy": 0.99, "cer": 0.015, "item_f1": 0.94, "field_accuracy": 0.8},
    "en": {"dehyphenation_accuracy": 0.99, "cer": 0.18, "item_f1": 0.88, "field_accuracy": 0.6},
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out: Path = tmp_path_factory.mktemp("pages")
    results = Results(scores={}, hyphens=defaultdict(list))
    for lang in LANGS:
        for seed in SEEDS:
            run_page(generate(lang, seed, out), results, EXTRACTORS, ("hyphen-minus",))
    return summary(results, list(LANGS))


@pytest.mark.parametrize("lang", LANGS)
def test_dehyphenation_floor(figures: dict[str, object], lang: str) -> None:
    got = figures[lang]
    assert isinstance(got, dict)
    assert got["line_ends"] >= 20
    assert got["dehyphenation_accuracy"] >= FLOORS[lang]["dehyphenation_accuracy"]


@pytest.mark.parametrize("lang", LANGS)
def test_page_floors(figures: dict[str, object], lang: str) -> None:
    got = figures[lang]
    assert isinstance(got, dict)
    mine, raw = got["systems"]["broadsheet"], got["systems"]["raw"]
    assert mine["cer"] <= FLOORS[lang]["cer"]
    assert mine["item_f1"] >= FLOORS[lang]["item_f1"]
    assert mine["field_accuracy"] >= FLOORS[lang]["field_accuracy"]
    assert mine["item_f1"] > raw["item_f1"]
