"""Boxes as a viewer draws them: points from the top left of the page's crop box, as shown.

The model keeps every box in PDF user space (points, y up, from wherever the page's
coordinate system puts its origin), which is what the layout measures in. A drawing of the
page starts at the top left of the crop box, after the page's /Rotate, so the output turns
each box into that frame: `[x0, y0, x1, y1]`, x to the right and y down, in points. A box
drawn there on PDFium's (or any viewer's) rendering at 72 dpi lands on its glyphs.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal

from broadsheet.model import Box, Origin, Sheet, Traced

# What `--boxes` puts in the output: nothing, one box per item and per field, or also
# the box of every glyph run a field was read from.
BoxLevel = Literal["none", "items", "runs"]
BOX_LEVELS: tuple[BoxLevel, ...] = ("none", "items", "runs")
# Boxes are written to a tenth of a point (a glyph is some 8 points wide).
BOX_DIGITS = 1
# Runs closer than this (points) to the bottom of the piece of text above them continue
# it (line spacing leaves a gap of a point or two; a column's top is hundreds higher).
LINE_GAP_PT = 6.0
Written = list[float]  # a box as written: [x0, y0, x1, y1] in the shown frame, rounded


def shown(box: Box, sheet: Sheet) -> Box:
    """`box` (user space) in the viewer's frame of `sheet`, as (x0, y0, x1, y1), y down.
    Not rounded: boxes are joined first (`pieces`, `union`) and rounded when written.

    >>> shown((110.0, 700.0, 200.0, 712.0), Sheet(1, (100.0, 0.0, 700.0, 800.0)))
    (10.0, 88.0, 100.0, 100.0)
    >>> shown((110.0, 700.0, 200.0, 712.0), Sheet(1, (100.0, 0.0, 700.0, 800.0), 90))
    (700.0, 10.0, 712.0, 100.0)
    """
    left, bottom, right, top = sheet.crop_box
    width, height = right - left, top - bottom
    # Unrotated: from the crop box's top left, y down.
    u0, u1 = box[0] - left, box[2] - left
    v0, v1 = top - box[3], top - box[1]
    if sheet.rotation == 90:  # the left edge becomes the top
        x0, y0, x1, y1 = height - v1, u0, height - v0, u1
    elif sheet.rotation == 180:
        x0, y0, x1, y1 = width - u1, height - v1, width - u0, height - v0
    elif sheet.rotation == 270:
        x0, y0, x1, y1 = v0, width - u1, v1, width - u0
    else:
        x0, y0, x1, y1 = u0, v0, u1, v1
    return (x0, y0, x1, y1)


def written(box: Box) -> Written:
    """A box as the output writes it: a list, to a tenth of a point.

    >>> written((10.04, 88.0, 99.96, 100.0))
    [10.0, 88.0, 100.0, 100.0]
    """
    return [round(box[0], BOX_DIGITS), round(box[1], BOX_DIGITS),
            round(box[2], BOX_DIGITS), round(box[3], BOX_DIGITS)]  # fmt: skip


def shown_size(sheet: Sheet) -> list[float]:
    """[width, height] of the page as shown (a page turned a quarter swaps them).

    >>> shown_size(Sheet(1, (0.0, 0.0, 595.3, 841.9), 270))
    [841.9, 595.3]
    """
    left, bottom, right, top = sheet.crop_box
    size = [round(right - left, BOX_DIGITS), round(top - bottom, BOX_DIGITS)]
    return size[::-1] if sheet.rotation in (90, 270) else size


class Runs:
    """Finds the glyph runs (origins) a traced text was read from: origins are sorted by
    start, so each span is a bisection and a short walk, however long the page."""

    def __init__(self, origins: Sequence[Origin]) -> None:
        self.origins = origins
        self.starts = [o.start for o in origins]

    def of(self, text: Traced) -> list[Origin]:
        """The runs the text's spans overlap, in the order of its spans."""
        out: list[Origin] = []
        for start, end in text.spans():
            k = max(bisect.bisect_right(self.starts, start) - 1, 0)
            while k < len(self.origins) and self.origins[k].start < end:
                if self.origins[k].end > start:
                    out.append(self.origins[k])
                k += 1
        return out


def pieces(boxes: Sequence[Box]) -> list[Box]:
    """Runs in reading order (shown frame) as the pieces of text they make: a run continues
    the piece when it stands on the line of the run before, or under the piece and
    overlapping it from left to right; otherwise (the top of the next column, a jump) a
    piece starts. A paragraph that turns a column is two boxes, not one around both.

    >>> pieces([(0, 0, 40, 10), (40, 0, 90, 10), (0, 12, 90, 22), (100, 0, 190, 10)])
    [(0, 0, 90, 22), (100, 0, 190, 10)]
    """
    return grouped(boxes)[0]


def grouped(boxes: Sequence[Box]) -> tuple[list[Box], list[int]]:
    """The pieces (see `pieces`), and for each run the number of the piece it is in.

    >>> grouped([(0, 0, 40, 10), (40, 0, 90, 10), (0, 12, 90, 22), (100, 0, 190, 10)])[1]
    [0, 0, 0, 1]
    """
    out: list[Box] = []
    index: list[int] = []
    last: Box | None = None
    for box in boxes:
        if last is not None and (_same_line(last, box) or _below(out[-1], box)):
            x0, y0, x1, y1 = out[-1]
            out[-1] = (min(x0, box[0]), min(y0, box[1]), max(x1, box[2]), max(y1, box[3]))
        else:
            out.append(box)
        index.append(len(out) - 1)
        last = box
    return out, index


def _same_line(a: Box, b: Box) -> bool:
    """Whether two runs share a line: each one's middle lies within the other's height."""
    return a[1] <= (b[1] + b[3]) / 2 <= a[3] and b[1] <= (a[1] + a[3]) / 2 <= b[3]


def _below(piece: Box, box: Box) -> bool:
    """Whether a run goes on under a piece: overlapping it across, not far below it, and
    not above its bottom line."""
    across = box[0] < piece[2] and box[2] > piece[0]
    return across and piece[3] - LINE_GAP_PT <= box[1] <= piece[3] + LINE_GAP_PT
