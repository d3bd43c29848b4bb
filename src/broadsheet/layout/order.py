"""Reading order of a page's blocks by recursive cuts along the white space between them.

A newspaper page is read row by row, and within a row story by story, each story header
first and then column by column. So a region is cut across first where a wide band of white
space runs through it (between rows), else down along a gutter no block crosses (between
stories, then between columns), else across at every gap down to the one below which the
region parts into the most columns (a header above its columns), else across at every gap.
Pieces are read top to bottom and left to right; a region no cut divides is read column by
column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from broadsheet.model import Box

T = TypeVar("T")
# A white band across a region at least this many body-type ems high separates rows.
ROW_GAP_EM = 2.0
# Blocks overlapping by less than this (points) still leave a gap between them.
SLACK_PT = 0.5


def reading_order(items: Sequence[T], box: Callable[[T], Box], body: float) -> list[T]:
    """The items (blocks) in reading order; `box` gives each one's box, `body` the body size."""
    out: list[T] = []
    todo: list[list[T]] = [list(items)]
    while todo:
        region = todo.pop()
        if not region:
            continue
        parts = _cut(region, box, body)
        if parts is None:
            out.extend(_by_columns(region, box, body))
        else:
            todo.extend(reversed(parts))
    return out


def _by_columns(region: list[T], box: Callable[[T], Box], body: float) -> list[T]:
    """A region no cut divides (a pull quote or picture reaching into the next column) read
    column by column: blocks whose left edges lie within an em of each other are one
    column, read top down; columns left to right."""
    ordered = sorted(region, key=lambda it: box(it)[0])
    column, last = 0, box(ordered[0])[0]
    keys: dict[int, tuple[int, float]] = {}
    for it in ordered:
        left = box(it)[0]
        if left - last > body:
            column += 1
        last = left
        keys[id(it)] = (column, -box(it)[3])
    return sorted(region, key=lambda it: keys[id(it)])


def _cut(region: list[T], box: Callable[[T], Box], body: float) -> list[list[T]] | None:
    if len(region) < 2:
        return None

    def across(it: T) -> tuple[float, float]:
        return (-box(it)[3], -box(it)[1])

    def down(it: T) -> tuple[float, float]:
        return (box(it)[0], box(it)[2])

    found = _split(region, across, ROW_GAP_EM * body) or _split(region, down, 0.0)
    if found:
        return found
    bands = _split(region, across, 0.0)
    if bands is None:
        return None
    # A header over its columns: cut off the bands above the cut that parts the rest into
    # the most columns (the fewest bands among equals, so a byline stays on its column).
    best, most = 0, 1
    for k in range(1, len(bands)):
        columns = _split([it for band in bands[k:] for it in band], down, 0.0)
        if columns and len(columns) > most:
            best, most = k, len(columns)
    if best:
        return [*bands[:best], [it for band in bands[best:] for it in band]]
    return bands


def _split(
    region: list[T], span: Callable[[T], tuple[float, float]], min_gap: float
) -> list[list[T]] | None:
    """The region cut at every gap of at least `min_gap` in its projection onto one axis
    (spans run low to high); None if no such gap sets anything apart."""
    ordered = sorted(region, key=lambda it: span(it)[0])
    parts: list[list[T]] = [[ordered[0]]]
    reach = span(ordered[0])[1]
    for it in ordered[1:]:
        lo, hi = span(it)
        if lo - reach >= max(min_gap, -SLACK_PT):
            parts.append([])
        parts[-1].append(it)
        reach = max(reach, hi)
    return parts if len(parts) > 1 else None
