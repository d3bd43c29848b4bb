"""Pictures drawn in vectors: a filled path standing where a photo would, with no text in it.

Kept apart from `load/pdf.py` (which reads the shapes through PDFium) as plain geometry on
the shapes and runs it read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from broadsheet.model import Box

if TYPE_CHECKING:  # load/pdf.py imports this module: its types are for the checker only
    from broadsheet.page import Run, Shape

# A filled path with no text in it is a picture drawn in vectors when it is at least this
# many body ems on both sides (smaller ones are bullets, bars and icons), unless it spans
# this share of both the page's width and its height (the page's background).
DRAWING_MIN_EM = 4.0
BACKGROUND_SHARE = 0.9


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
