"""Text drawn twice in one place: the second copy is set apart, so it is read once.

A PDF may draw the same words twice over each other: a text layer laid on a text layer, or
a headline made bold by drawing it again a fraction of a point to the side. PDFium reads
both copies, and the layout, which joins runs by where they stand, glued them into one
line twice as long ("tion mitgrundlos sparen"). A run is a copy when an earlier run that
a reader sees has its text and size and each edge of its box lies within a tenth of an em
of that run's; it is hidden with the reason "duplicate", so each of its characters is
still accounted for, once. Runs are looked up in a grid of that tolerance, so a page of
tens of thousands of runs costs a few lookups each.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from broadsheet.model import Box, HiddenReason
from broadsheet.page import Run

# Each edge of a copy's box lies within this share of its size of the first's: a fake bold
# is drawn a few hundredths of an em over; two real words of one text never overlap so.
DUPLICATE_EM = 0.1
# The tolerance of type of no size (a line of no height), in points.
MIN_TOLERANCE_PT = 0.01
# The grid cells around a run's own where a copy within the tolerance may stand.
_AROUND = tuple((dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def with_duplicates(
    runs: Sequence[Run], whys: Sequence[HiddenReason | None]
) -> list[HiddenReason | None]:
    """`whys` with "duplicate" for each run a reader sees that repeats one seen before it
    (runs hidden already stay so, and are no first copy: the seen copy is kept)."""
    out = list(whys)
    cells: dict[tuple[str, float, int, int], list[Box]] = {}
    for k, run in enumerate(runs):
        if out[k] is not None:
            continue
        tolerance = max(DUPLICATE_EM * run.size, MIN_TOLERANCE_PT)
        x, y = math.floor(run.box[0] / tolerance), math.floor(run.box[1] / tolerance)
        near = (cells.get((run.text, run.size, x + dx, y + dy), ()) for dx, dy in _AROUND)
        if any(_same_place(box, run.box, tolerance) for boxes in near for box in boxes):
            out[k] = "duplicate"
        cells.setdefault((run.text, run.size, x, y), []).append(run.box)
    return out


def _same_place(a: Box, b: Box, tolerance: float) -> bool:
    """Each edge of one box within `tolerance` of the other's."""
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))
