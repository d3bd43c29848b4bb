"""What a block's neighbours on a PDF page say it is, whatever its own type says.

- A rubric: one short line right over display type, within its extent, is the headline's
  kicker, even set in the body's own type (where it would read as body text).
- An inset: a block between a rule right over it and one right under it, of its own
  width, is set into a story (a pull quote between its rules), not a header: papers set
  quotes nearly as large as a narrow story's headline, and a quote may repeat text the
  page does not show (a part of the story continued on another page).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from broadsheet.layout.geometry import DISPLAY_RATIO, GBlock
from broadsheet.model import Box

# A rubric (a kicker over its headline) has at most this many words and stands at most
# this many of its line heights over the headline.
RUBRIC_MAX_WORDS = 6
RUBRIC_GAP_LINES = 1.5
# An inset's rules lie within this many of its line heights over and under it, span at
# least RULE_COVER of its width and are at most RULE_WIDTH_RATIO times as wide, or
# RULE_REACH_EM body ems wider (a rule across the page under a row is no inset's); the
# two are drawn alike.
RULE_GAP_LINES = 1.5
RULE_COVER = 0.8
RULE_WIDTH_RATIO = 2.0
RULE_REACH_EM = 4.0
# An inset's two rules start and end within this many points of each other.
PAIR_PT = 2.0
# An inset holds at most this many lines (more is a story of its own under a rule).
MAX_INSET_LINES = 12
# A rule is at least this many times wider than high.
RULE_ASPECT = 3.0


def rubrics(found: Sequence[GBlock], body: float, insets: Collection[int] = ()) -> set[int]:
    """Blocks of one short line set right over display type, within its extent: a
    headline's kicker, in whatever type (in the body's own, it would read as body text).
    Display type between rules (`insets`, a pull quote) heads nothing: the line over its
    rule is the column's text."""
    out: set[int] = set()
    for k, b in enumerate(found):
        if len(b.lines) != 1 or len(b.lines[0].text.split()) > RUBRIC_MAX_WORDS:
            continue
        height = b.box[3] - b.box[1]
        for j, h in enumerate(found):
            gap = b.box[1] - h.box[3]
            if (
                h.lines
                and j not in insets
                and h.size >= DISPLAY_RATIO * body
                and -height / 2 <= gap <= RUBRIC_GAP_LINES * height
                and abs(b.box[0] - h.box[0]) <= body
                and b.box[2] <= h.box[2] + body
            ):
                out.add(k)
                break
    return out


def ruled(found: Sequence[GBlock], rules: Sequence[Box], body: float) -> set[int]:
    """Indexes of the blocks set between two rules of their own width: insets."""
    flat = [r for r in rules if r[2] - r[0] > RULE_ASPECT * max(r[3] - r[1], 0.1)]
    out: set[int] = set()
    for k, b in enumerate(found):
        if not b.lines or len(b.lines) > MAX_INSET_LINES:
            continue
        near = RULE_GAP_LINES * (b.lines[0].box[3] - b.lines[0].box[1])
        fit = [r for r in flat if _fits(r, b.box, body)]
        over = [r for r in fit if 0 <= r[1] - b.box[3] <= near]
        under = [r for r in fit if 0 <= b.box[1] - r[3] <= near]
        if any(_pair(a, c) for a in over for c in under):
            out.add(k)
    return out


def _pair(a: Box, b: Box) -> bool:
    """Two rules drawn as a pair: the same extent (a row's rule over a header and a
    rule under it differ)."""
    return abs(a[0] - b[0]) <= PAIR_PT and abs(a[2] - b[2]) <= PAIR_PT


def _fits(rule: Box, box: Box, body: float) -> bool:
    """The rule spans most of the box's width and is not much wider (a ragged quote's
    rules span its column; a row's rule spans the page)."""
    width = box[2] - box[0]
    covered = min(rule[2], box[2]) - max(rule[0], box[0])
    wider = rule[2] - rule[0] - width
    return covered >= RULE_COVER * width and wider <= max(
        RULE_REACH_EM * body, (RULE_WIDTH_RATIO - 1) * width
    )
