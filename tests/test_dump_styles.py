"""The seed page as other extractors would dump it: each style keeps its measured floors.

Extractors mark line-end hyphens differently (U+00AD, PDFium's U+FFFE, pypdfium2 joining
the lines itself), end lines with CRLF, or set no blank line between blocks at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.dump_styles import STYLES

from broadsheet.evaluate import evaluate
from broadsheet.export.json import page_dict
from broadsheet.pipeline import parse_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = (SAMPLES / "taz-seed.txt").read_text(encoding="utf-8")
GOLD = json.loads((SAMPLES / "taz-seed.gold.json").read_text(encoding="utf-8"))

# Floors measured with benchmarks/dump_styles.py; each style must keep them.
PERFECT = {"cer": 0.0, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0}
FLOORS: dict[str, dict[str, float]] = {
    "as dumped": PERFECT,
    "soft hyphen U+00AD": PERFECT,
    "PDFium U+FFFE at line end": PERFECT,
    "PDFium joined lines": PERFECT,
    "CRLF": PERFECT,
    "no blank lines": {
        "cer": 0.02,
        "item_f1": 1.0,
        "field_accuracy": 0.8,
        "break_f1": 0.6,
        "order_tau": 1.0,
    },
}


def test_every_style_has_floors() -> None:
    assert set(FLOORS) == set(STYLES)


@pytest.mark.parametrize("style", sorted(FLOORS))
def test_style_keeps_its_floors(style: str) -> None:
    floors = FLOORS[style]
    score = evaluate(GOLD, page_dict(parse_text(STYLES[style](SEED)).pages[0]))
    assert score.cer <= floors["cer"]
    for metric in ("item_f1", "field_accuracy", "break_f1", "order_tau"):
        assert getattr(score, metric) >= floors[metric], metric
    assert score.failed_checks == ()
