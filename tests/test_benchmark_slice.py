"""The benchmark's CI slice: one generated page per language, scored as the full run scores
them, with floors pinned at what broadsheet reached (see README, "Generated pages").

The full run is `python -m benchmarks.pagegen.bench --pages 300`; this slice takes about
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
EXTRACTORS = ("pdftotext", "pypdfium2")
# Floors per language: dehyphenation accuracy, then broadsheet's pooled page figures.
# Measured on 2026-11-25: de CER 0.0017, item F1 0.857, fields 0.33; en CER 0.178 (known
# failures, see README), item F1 0.706, fields 0.42; line ends 100 % both.
FLOORS = {
    "de": {"dehyphenation_accuracy": 0.99, "cer": 0.01, "item_f1": 0.8, "field_accuracy": 0.3},
    "en": {"dehyphenation_accuracy": 0.99, "cer": 0.2, "item_f1": 0.65, "field_accuracy": 0.4},
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out: Path = tmp_path_factory.mktemp("pages")
    results = Results(scores={}, hyphens=defaultdict(list))
    for lang in LANGS:
        run_page(generate(lang, 1, out), results, EXTRACTORS, ("hyphen-minus",))
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
