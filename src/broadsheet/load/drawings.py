"""Pictures drawn in vectors: a filled path standing where a photo would, with no text in it,
or several small ones touching one another that together do.

Kept apart from `load/pdf.py` (which reads the shapes through PDFium) as plain geometry on
the shapes and runs it read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from broadsheet.model import Box, union, within
from broadsheet.page import Shape

if TYPE_CHECKING:  # load/pdf.py imports this module: its types are for the checker only
    from broadsheet.page import Run

# A filled path with no text in it is a picture drawn in vectors when it is at least this
# many body ems on both sides (smaller ones are bullets, bars and icons), unless it spans
# this share of both the page's width and its height (the page's background).
DRAWING_MIN_EM = 4.0
BACKGROUND_SHARE = 0.9
# Filled paths touching or overlapping (within this many points) make one picture drawn in
# pieces when together they are picture-sized and hold no text. Pages with more filled
# paths than this are not grouped (a map's or a chart's thousands of pieces: the pairwise
# test grows with their square).
TOUCH_PT = 1.0
MAX_PIECES = 200


def drawings(
    shapes: Sequence[Shape], runs: Sequence[Run], width: float, height: float
) -> list[Shape]:
    """The page's shapes with its pictures drawn in vectors as "drawing" shapes: each
    filled path that is one (`drawn_pictures`), and after them one shape for each group
    of smaller paths that together are one (`drawn_groups`), its pieces left as they are."""
    out = list(shapes)
    singles = drawn_pictures(shapes, runs, width, height)
    for k in singles:
        out[k] = Shape("drawing", shapes[k].box, None, True)
    out += [Shape("drawing", box, None, True) for box in drawn_groups(out, runs, width, height)]
    return out


def drawn_pictures(
    shapes: Sequence[Shape], runs: Sequence[Run], width: float, height: float
) -> list[int]:
    """Which shapes (by position) are pictures drawn in vectors: filled paths that enclose
    a picture's area and hold no text (a tint or a frame is there to hold text, a picture
    is not). Sizes are in body ems (the median run's size), since a bullet or a bar in
    large type is larger than a small picture in small type."""
    if not runs or not any(s.painted for s in shapes):
        return []
    sizes = sorted(r.size for r in runs)
    least = DRAWING_MIN_EM * sizes[len(sizes) // 2]
    candidates = [
        k
        for k, s in enumerate(shapes)
        if s.kind == "rect" and s.painted and _picture_sized(s.box, least, width, height)
    ]
    if not candidates:
        return []
    centres = sorted(((r.box[0] + r.box[2]) / 2, (r.box[1] + r.box[3]) / 2) for r in runs)
    xs = [x for x, _ in centres]
    out = []
    for k in candidates:
        left, bottom, right, top = shapes[k].box
        within = centres[bisect.bisect_left(xs, left) : bisect.bisect_right(xs, right)]
        if not any(bottom <= y <= top for _, y in within):
            out.append(k)
    return out


def _picture_sized(box: Box, least: float, width: float, height: float) -> bool:
    """At least `least` points on both sides, and not the page's background."""
    w, h = box[2] - box[0], box[3] - box[1]
    return min(w, h) >= least and not (
        w >= BACKGROUND_SHARE * width and h >= BACKGROUND_SHARE * height
    )


def drawn_groups(
    shapes: Sequence[Shape], runs: Sequence[Run], width: float, height: float
) -> list[Box]:
    """Boxes of pictures drawn in several filled paths (hills, a sun, a house) none of which
    is a picture alone: paths touching one another, grouped, picture-sized together, with
    no text inside (a box's tint and its text are not a picture; a picture already found
    takes in what is drawn on it)."""
    pieces = [s.box for s in shapes if s.kind == "rect" and s.painted]
    if not runs or len(pieces) < 2 or len(pieces) > MAX_PIECES:
        return []
    sizes = sorted(r.size for r in runs)
    least = DRAWING_MIN_EM * sizes[len(sizes) // 2]
    found = [s.box for s in shapes if s.kind in ("drawing", "image")]
    centres = [((r.box[0] + r.box[2]) / 2, (r.box[1] + r.box[3]) / 2) for r in runs]
    out = []
    for group in _touching(pieces):
        box = union(group)
        if len(group) < 2 or not _picture_sized(box, least, width, height):
            continue
        if any(within(box, f, TOUCH_PT) for f in found):
            continue
        if not any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in centres):
            out.append(box)
    return out


def _touching(boxes: list[Box]) -> list[list[Box]]:
    """The boxes in groups of boxes that touch or overlap one another, directly or through
    others of the group."""
    parent = list(range(len(boxes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            across = a[0] - TOUCH_PT <= b[2] and b[0] - TOUCH_PT <= a[2]
            if across and a[1] - TOUCH_PT <= b[3] and b[1] - TOUCH_PT <= a[3]:
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = {}
    for k, box in enumerate(boxes):
        groups.setdefault(root(k), []).append(box)
    return list(groups.values())
