"""Reading order of a page's blocks by recursive cuts along the white space between them.

A newspaper page is read row by row, and within a row story by story, each story header
first and then column by column. So a region is cut across first where a horizontal rule
runs across it with no block crossing its height (a row's rule: a story of the row above
may reach further down in another column than the rule's neighbours), then where a wide
band of white space runs through it (between rows), else down along a gutter no block
crosses (between stories, then between columns), else across at every gap down to the one
below which the region parts into the most columns (a header above its columns), else
across at every gap.
Pieces are read top to bottom and left to right; a region no cut divides is read column by
column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from broadsheet.model import Box

T = TypeVar("T")
# A height rules are drawn at, and the (left, right) spans drawn there.
RuleHeight = tuple[float, list[tuple[float, float]]]
# A white band across a region at least this many body-type ems high separates rows, unless
# what lies under it spans less than this share of the region's width, to a column's measure.
ROW_GAP_EM = 2.0
ROW_MIN_SPAN = 0.5
# Blocks overlapping by less than this (points) still leave a gap between them.
SLACK_PT = 0.5
# A rule cuts a region across when it spans at least this share of the region's width.
RULE_SPAN = 0.9
# Rules whose middles lie within this many points of each other are drawn at one height.
RULE_LEVEL_PT = 1.0
# A foot under a row's columns (a footer line, a jump line across the gutter) is at most
# this many bands high.
MAX_FOOT_BANDS = 2
# A rule is horizontal when at least this many times wider than high.
RULE_ASPECT = 8.0


def reading_order(
    items: Sequence[T], box: Callable[[T], Box], body: float, rules: Sequence[Box] = ()
) -> list[T]:
    """The items (blocks) in reading order; `box` gives each one's box, `body` the body
    size, `rules` the boxes of the page's rules."""
    across = [r for r in rules if r[2] - r[0] >= RULE_ASPECT * max(r[3] - r[1], 0.1)]
    heights = _rule_heights(across)  # once a page: every region looks at the same rules
    out: list[T] = []
    todo: list[list[T]] = [list(items)]
    while todo:
        region = todo.pop()
        if not region:
            continue
        parts = _rule_cut(region, box, heights) or _cut(region, box, body)
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


def _rule_cut(
    region: list[T], box: Callable[[T], Box], heights: Sequence[RuleHeight]
) -> list[list[T]] | None:
    """The region cut across at the highest rule that spans it with blocks above and below
    and none reaching across its height; None if no rule does. Rules drawn at one height
    (each story of a row ruled off on its own, gutters between) count as one."""
    if len(region) < 2 or not heights:
        return None
    boxes = [box(it) for it in region]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    need = RULE_SPAN * (right - left)
    for y, spans in heights:
        if sum(max(0.0, min(b, right) - max(a, left)) for a, b in spans) < need:
            continue
        above = [it for it, b in zip(region, boxes, strict=True) if b[1] >= y - SLACK_PT]
        below = [it for it, b in zip(region, boxes, strict=True) if b[3] <= y + SLACK_PT]
        if above and below and len(above) + len(below) == len(region):
            return [above, below]
    return None


def _rule_heights(rules: Sequence[Box]) -> list[RuleHeight]:
    """The rules' heights from the top down, each with the spans drawn at it."""
    out: list[RuleHeight] = []
    for rule in sorted(rules, key=lambda r: -r[3]):
        y = (rule[1] + rule[3]) / 2
        if out and abs(out[-1][0] - y) <= RULE_LEVEL_PT:
            out[-1][1].append((rule[0], rule[2]))
        else:
            out.append((y, [(rule[0], rule[2])]))
    return out


def _cut(region: list[T], box: Callable[[T], Box], body: float) -> list[list[T]] | None:
    if len(region) < 2:
        return None

    def across(it: T) -> tuple[float, float]:
        return _across(box(it))

    def down(it: T) -> tuple[float, float]:
        b = box(it)
        return (b[0], b[2])

    rows = _rows(region, box, body)
    found = rows or _split(region, down, 0.0)
    if found:
        return found
    bands = _split(region, across, 0.0)
    if bands is None:
        return None
    # A header over its columns: cut off the bands above the cut that parts the rest into
    # the most columns (the fewest bands among equals, so a byline stays on its column).
    head = _most_columns(range(1, len(bands)), lambda k: _joined(bands[k:]), down)
    if head:
        return [*bands[:head], _joined(bands[head:])]
    # A foot under its columns (a footer line across a gutter, under the last row's
    # stories): the bands over it as one part, the fewest bands cut off among equals.
    last = len(bands) - 1
    foot = _most_columns(
        range(last, max(0, last - MAX_FOOT_BANDS), -1), lambda k: _joined(bands[:k]), down
    )
    if foot:
        return [_joined(bands[:foot]), *bands[foot:]]
    return bands


def _most_columns(
    cuts: Iterable[int],
    part: Callable[[int], list[T]],
    down: Callable[[T], tuple[float, float]],
) -> int:
    """Of the cuts, in order of preference, the first whose `part` of the region parts
    into the most columns; 0 if none parts it at all."""
    best, most = 0, 1
    for k in cuts:
        columns = _split(part(k), down, 0.0)
        if columns and len(columns) > most:
            best, most = k, len(columns)
    return best


def _joined(bands: Sequence[list[T]]) -> list[T]:
    return [it for band in bands for it in band]


def _rows(region: list[T], box: Callable[[T], Box], body: float) -> list[list[T]] | None:
    """The region cut at each wide white band across it, except where what lies under the
    band is one column going on: narrower than ROW_MIN_SPAN of the region and set flush
    left within the measure of a block above it (white beside a column that ends early,
    under a pull quote's rule, over a ragged quote, is no row's end). None if no band is
    left."""
    rows = _split(region, lambda it: _across(box(it)), ROW_GAP_EM * body)
    if rows is None:
        return None
    width = _width([box(it) for it in region])
    kept = [rows[0]]
    for part in rows[1:]:
        boxes = [box(it) for it in part]
        lo, hi = min(b[0] for b in boxes), max(b[2] for b in boxes)
        narrow = hi - lo < ROW_MIN_SPAN * width
        if narrow and any(abs(b[0] - lo) <= body and hi <= b[2] + body for b in map(box, kept[-1])):
            kept[-1] = [*kept[-1], *part]
        else:
            kept.append(part)
    return kept if len(kept) > 1 else None


def _across(b: Box) -> tuple[float, float]:
    """A box's span down the page, as `_split` takes spans: top first, both negated."""
    return (-b[3], -b[1])


def _width(boxes: Sequence[Box]) -> float:
    return max(b[2] for b in boxes) - min(b[0] for b in boxes)


def _split(
    region: list[T], span: Callable[[T], tuple[float, float]], min_gap: float
) -> list[list[T]] | None:
    """The region cut at every gap of at least `min_gap` in its projection onto one axis
    (spans run low to high); None if no such gap sets anything apart. Each item's span is
    asked for once."""
    spans = [span(it) for it in region]
    ordered = sorted(range(len(region)), key=lambda k: spans[k][0])
    parts: list[list[T]] = [[region[ordered[0]]]]
    reach = spans[ordered[0]][1]
    for k in ordered[1:]:
        lo, hi = spans[k]
        if lo - reach >= max(min_gap, -SLACK_PT):
            parts.append([])
        parts[-1].append(region[k])
        reach = max(reach, hi)
    return parts if len(parts) > 1 else None
