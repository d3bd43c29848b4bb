"""The seed page as other extractors would dump it: each style keeps its measured floors.

Extractors mark line-end hyphens differently (U+00AD, PDFium's U+FFFE, pypdfium2 joining
the lines itself), end lines with CRLF, or set no blank line between blocks at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from broadsheet.evaluate import evaluate
from broadsheet.export.json import page_dict
from broadsheet.pipeline import parse_text

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "broadsheet" / "samples"
SEED = (SAMPLES / "taz-seed.txt").read_text(encoding="utf-8")
GOLD = json.loads((SAMPLES / "taz-seed.gold.json").read_text(encoding="utf-8"))

STYLES: dict[str, tuple[Callable[[str], str], dict[str, float]]] = {
    "soft hyphen U+00AD": (
        lambda t: t.replace("-\n", "\u00ad\n"),
        {"cer": 0.0, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0},
    ),
    "PDFium U+FFFE at line end": (
        lambda t: t.replace("-\n", "\ufffe\n"),
        {"cer": 0.0, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0},
    ),
    "PDFium joined lines": (
        lambda t: re.sub(r"(\w)-\n(\w)", lambda m: m.group(1) + "\ufffe" + m.group(2), t),
        {"cer": 0.0, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0},
    ),
    "CRLF": (
        lambda t: t.replace("\n", "\r\n"),
        {"cer": 0.0, "item_f1": 1.0, "field_accuracy": 1.0, "break_f1": 1.0, "order_tau": 1.0},
    ),
    "no blank lines": (
        lambda t: re.sub(r"\n[ \t]*\n", "\n", t),
        {"cer": 0.01, "item_f1": 1.0, "field_accuracy": 0.8, "break_f1": 0.6, "order_tau": 1.0},
    ),
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_style_keeps_its_floors(style: str) -> None:
    transform, floors = STYLES[style]
    score = evaluate(GOLD, page_dict(parse_text(transform(SEED)).pages[0], style))
    assert score.cer <= floors["cer"]
    for metric in ("item_f1", "field_accuracy", "break_f1", "order_tau"):
        assert getattr(score, metric) >= floors[metric], metric
    assert score.failed_checks == ()
