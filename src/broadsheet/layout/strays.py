"""Runs that belong to a row other than the one their foot stands on: footnote marks, set
small and raised beside their word, slivers, dashes whose box is the stroke's, and (the
lines beside them found through `Places`) drop caps.

`layout/geometry.py` puts a page's runs in rows by their feet, then hands the rows here
before it cuts them into lines.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right, insort

from broadsheet.page import Run

# A run less high than this share of its size is a stroke (a dash), not a line's height.
SLIVER_EM = 0.3
# Footnote marks: at most this many characters, in type this share of the line's or
# smaller, raised at most this many of the line's ems.
MAX_MARK_CHARS = 3
MARK_SIZE_RATIO = 0.8
MARK_RAISE_EM = 0.6
MARK_GAP_EM = 0.6
# Points the band of hosts a mark's foot is looked for in reaches past the largest raise,
# so that rounding never leaves out a host `_carries` would take.
MARK_BAND_SLACK_PT = 1.0


def with_marks(upright: list[Run], rows: list[list[Run]]) -> list[list[Run]]:
    """Footnote marks set small and raised join the row of the word they follow (or
    precede) instead of a row of their own, or of whatever other column's line they
    happen to be level with."""
    sizes = sorted(r.size for r in upright)
    small = MARK_SIZE_RATIO * sizes[len(sizes) // 2] if sizes else 0.0
    marks = {id(r) for r in upright if len(r.text) <= MAX_MARK_CHARS and r.size <= small}
    if not marks:
        return rows
    row_of = {id(r): k for k, row in enumerate(rows) for r in row}
    hosts = [r for r in upright if id(r) not in marks]
    # A host's foot lies at most MARK_RAISE_EM of its size below the mark's: only the
    # hosts in that band (`upright` is sorted by foot, top down) are tried, in their order,
    # so a page of many marks costs a bisection each, not a pass over every run.
    feet = [-h.box[1] for h in hosts]
    reach = MARK_RAISE_EM * max((h.size for h in hosts), default=0.0) + MARK_BAND_SLACK_PT
    out = [[r for r in row if id(r) not in marks] for row in rows]
    for mark in (r for r in upright if id(r) in marks):
        band = hosts[bisect_left(feet, -mark.box[1]) : bisect_right(feet, reach - mark.box[1])]
        host = next((h for h in band if _carries(h, mark)), None)
        out[row_of[id(host)] if host else row_of[id(mark)]].append(mark)
    return [row for row in out if row]


def with_slivers(rows: list[list[Run]]) -> list[list[Run]]:
    """A row of thin runs only (a dash drawn on its own, whose box is the stroke's, not the
    line's) joins the row next to it whose height takes it in: the dash's line."""
    out: list[list[Run]] = []
    for k, row in enumerate(rows):
        if all(r.box[3] - r.box[1] < SLIVER_EM * r.size for r in row):
            below = rows[k + 1] if k + 1 < len(rows) else []
            host = next((h for h in (below, out[-1] if out else []) if _takes_in(h, row)), None)
            if host is not None:
                host.extend(row)
                continue
        out.append(row)
    return out


def _takes_in(row: list[Run], thin: list[Run]) -> bool:
    """The row's height spans the thin runs' (an empty row spans nothing)."""
    if not row:
        return False
    bottom, top = min(r.box[1] for r in row), max(r.box[3] for r in row)
    return bottom <= min(r.box[1] for r in thin) and max(r.box[3] for r in thin) <= top


def _carries(host: Run, mark: Run) -> bool:
    """The mark is set raised right after or before the host word, in smaller type."""
    h, m, em = host.box, mark.box, host.size
    level = h[1] <= m[1] <= h[1] + MARK_RAISE_EM * em
    beside = 0 <= m[0] - h[2] <= MARK_GAP_EM * em or 0 <= h[0] - m[2] <= MARK_GAP_EM * em
    return level and beside and mark.size <= MARK_SIZE_RATIO * host.size


class Places:
    """Numbered things by their top and left edge, to find those in a window of both in a
    few bisections: asking every line of a page for each one-letter line beside it took
    time growing with the square of the count (30,000 single letters: minutes). A thing's
    left edge may move (a line an initial joined starts where the initial does)."""

    def __init__(self, places: list[tuple[float, float, int]]) -> None:
        """`places`: (top, left, number) of each thing."""
        self._at: dict[float, list[tuple[float, int]]] = {}
        for top, left, k in places:
            self._at.setdefault(top, []).append((left, k))
        for row in self._at.values():
            row.sort()
        self._tops = sorted(self._at)

    def within(self, tops: tuple[float, float], lefts: tuple[float, float]) -> list[int]:
        """The numbers of the things whose top and left edge lie in the closed ranges."""
        found: list[int] = []
        at = self._at
        for top in self._tops[bisect_left(self._tops, tops[0]) : bisect_right(self._tops, tops[1])]:
            row = at[top]
            lo = bisect_left(row, (lefts[0], -1))
            hi = bisect_right(row, (lefts[1], sys.maxsize))
            found += [k for _, k in row[lo:hi]]
        return found

    def move(self, top: float, left: float, k: int, to: float | None) -> None:
        """Thing `k` (at `top`, `left`) now starts at `to`, or is gone (None)."""
        row = self._at[top]
        del row[bisect_left(row, (left, k))]
        if to is not None:
            insort(row, (to, k))
