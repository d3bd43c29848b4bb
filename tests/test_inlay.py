"""A glyph drawn apart from its word goes back into the space PDFium left for it
(load/inlay.py)."""

from __future__ import annotations

from broadsheet.load.inlay import inlaid
from broadsheet.model import Box
from broadsheet.page import Run

SIZE = 8.0
ADVANCE = 4.0  # every character of these runs is this wide


def line_run(text: str, left: float, first: int) -> Run:
    box = (left, 100.0, left + ADVANCE * len(text), 100.0 + SIZE * 1.15)
    return Run(text, box, SIZE, "Sans", False, False, (0, 0, 0), True, first)


def boxes_of(*runs: Run) -> dict[int, Box]:
    """Each character's box by its index on the text page."""
    out = {}
    for r in runs:
        for k in range(len(r.text)):
            x = r.box[0] + k * ADVANCE
            out[r.first + k] = (x, r.box[1], x + ADVANCE, r.box[3])
    return out


def test_a_letter_drawn_later_goes_back_into_its_word() -> None:
    host = line_run("Ta e a stab", 50.0, 0)
    letter = line_run("k", 50.0 + 2 * ADVANCE, 40)
    runs, kept = inlaid([host, letter], boxes_of(host).__getitem__)
    assert [r.text for r in runs] == ["Take a stab"] and kept == [0]


def test_a_letter_away_from_any_space_stays_a_run_of_its_own() -> None:
    host = line_run("Take a stab", 50.0, 0)
    mark = line_run("*", 50.0 + 1 * ADVANCE, 40)  # over the "a", not a space
    runs, kept = inlaid([host, mark], boxes_of(host).__getitem__)
    assert [r.text for r in runs] == ["Take a stab", "*"] and kept == [0, 1]


def test_a_letter_on_another_baseline_is_left_alone() -> None:
    host = line_run("Ta e a stab", 50.0, 0)
    letter = line_run("k", 50.0 + 2 * ADVANCE, 40)._replace(
        box=(58.0, 90.0, 62.0, 90.0 + SIZE * 1.15)
    )
    runs, _ = inlaid([host, letter], boxes_of(host).__getitem__)
    assert [r.text for r in runs] == ["Ta e a stab", "k"]
