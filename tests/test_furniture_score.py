"""The bench's furniture figure (benchmarks/pagegen/furniture_score.py)."""

from __future__ import annotations

from benchmarks.pagegen.furniture_score import tally


def test_furniture_found_and_furniture_inside_items_are_counted_apart() -> None:
    gold = {"furniture": ["World", "A6", "ECO_WOR_A06  12/03"]}
    pred = {
        "furniture": ["A6 ", "eco_wor_a06 12/03 9:47PM"],
        "items": [{"type": "box", "kicker": "World", "headline": "World news in brief"}],
    }
    t = tally(gold, pred)
    assert (t.gold, t.found, t.inside) == (3, 2, 1)
    assert "2 of 3" in t.line("x")
