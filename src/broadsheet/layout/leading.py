"""Where a PDF page's paragraphs start, read from the page's own convention.

Typesetters mark a paragraph by a first-line indent, by extra leading (a gap between two
lines of a column wider than the column's usual line pitch), or, in justified text, by the
short last line before it. A short line in ragged-right text is no mark: every line there
ends short. Each mark is measured against the page: the usual pitch is the one most lines
of that type size are set at, so a block of two lines is judged as well as a long one.

Paragraphs that start at a block's first line (the block above in the same column ended
at a gap) are found too, so the text path need not guess them from sentence ends.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from broadsheet.layout.geometry import DROP_CAP_RATIO, GBlock, Line, is_drop_cap
from broadsheet.layout.roles import ends_sentence, opens
from broadsheet.model import Box
from broadsheet.rounding import tenth

# A line pitch this many times the usual one (for the type size) is extra leading: a
# paragraph break. Line boxes of one size sit at exactly one pitch; 1.2 still passes a
# paragraph spaced by a fifth of a line, and no line set solid reaches it.
PARA_LEADING_RATIO = 1.2
# A first-line indent is this many ems at least and at most (more is a centred line or
# the wrap around a drop cap or a picture).
MIN_INDENT_EM = 0.5
MAX_INDENT_EM = 4.0
# A list item's first line opens with one of these: the lines under it hang, set in.
LIST_MARK_RE = re.compile(r"[•◦▪‣·–—\-*]\s|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s")
# A line set in alone (the lines around it flush left) opens a paragraph in a block of
# at least this many lines, unless it stands this close to centred.
MIN_ALONE_LINES = 3
CENTRED_PT = 1.0
# Justified text: at least this share of a block's lines (its last aside) end within
# this many points of its right edge. Only there does a short line end a paragraph,
# when it ends this share of the block's width short of the edge or more.
JUSTIFIED_SHARE = 0.6
FLUSH_PT = 1.0
SHORT_LINE_SHARE = 0.2
# A block opens a paragraph when it stands under a block of its column at most this many
# of its ems below (farther is another story, or text under a picture).
MAX_PARAGRAPH_GAP_EM = 2.5
# A block above this many times as wide as the one under it spans several columns (a
# headline or deck over the column's top, where the gap is no paragraph break); a short
# last paragraph under a full one is left to the text path's sentence ends.
MAX_WIDTH_RATIO = 1.8


def usual_pitches(found: Sequence[GBlock]) -> dict[float, float]:
    """The page's usual line pitch for each type size (to a tenth of a point): the pitch
    between consecutive lines of a block that most lines of that size are set at."""
    counts: dict[tuple[float, float], int] = {}
    for block in found:
        lines = block.lines
        if len(lines) < 2:
            continue
        size = tenth(block.size)
        prev = lines[0].box[1]
        for k in range(1, len(lines)):
            bottom = lines[k].box[1]
            key = (size, tenth(prev - bottom))
            counts[key] = counts.get(key, 0) + 1
            prev = bottom
    best: dict[float, tuple[int, float]] = {}
    for (size, pitch), n in counts.items():
        if n > best.get(size, (0, 0.0))[0]:
            best[size] = (n, pitch)
    return {size: pitch for size, (_, pitch) in best.items()}


def paragraph_starts(block: GBlock, pitches: dict[float, float]) -> list[bool]:
    """For each line of the block, whether it opens a paragraph (the first line: False,
    see `opening_blocks`). Each test runs only where the cheaper ones leave it open: every
    line of every block is asked."""
    lines = block.lines
    out = [False] * len(lines)
    if len(lines) < 2:
        return out
    usual = pitches.get(tenth(block.size), 0.0)
    left = block.box[0]
    short_pt = SHORT_LINE_SHARE * (block.box[2] - left)
    justified: bool | None = None
    for j in range(1, len(lines)):
        line, above = lines[j], lines[j - 1]
        if usual > 0 and above.box[1] - line.box[1] > PARA_LEADING_RATIO * usual:
            out[j] = True
            continue
        set_in = line.box[0] - left >= MIN_INDENT_EM * line.main.size  # most lines: not
        if set_in and _indented(block, line) and not _centred(block, line) and not _capped(above):
            # under a line set in too, it is the wrap around a drop cap or a picture; under
            # a list item's first line, the item's hanging indent
            wrap = _set_in(block, above) or _hanging(above, line)
            out[j] = not wrap and (_short(block, above) or _alone(block, j))
        elif block.box[2] - above.box[2] >= short_pt:
            justified = _justified(block) if justified is None else justified
            out[j] = justified and ends_sentence(above.text) and opens(line.text)
    return out


def _hanging(above: Line, line: Line) -> bool:
    """The line above opens a list item (a bullet, a dash, a number) and this one goes on
    under its text: a hanging indent."""
    if LIST_MARK_RE.match(above.runs[0].text):
        return True
    return len(above.runs) > 1 and abs(above.runs[1].box[0] - line.box[0]) <= FLUSH_PT


def _alone(block: GBlock, j: int) -> bool:
    """The line under line j is flush left again (several set in in a row are the wrap
    around a drop cap or a picture), in a block long enough to tell."""
    lines = block.lines
    if len(lines) < MIN_ALONE_LINES:
        return False
    return j + 1 == len(lines) or not _set_in(block, lines[j + 1])


def _set_in(block: GBlock, line: Line) -> bool:
    return _indent(block, line) >= MIN_INDENT_EM * line.main.size


def _indent(block: GBlock, line: Line) -> float:
    return line.box[0] - block.box[0]


def _indented(block: GBlock, line: Line) -> bool:
    em = line.main.size
    return MIN_INDENT_EM * em <= _indent(block, line) <= MAX_INDENT_EM * em


def _capped(line: Line) -> bool:
    """The line opens with a drop cap: the line under it is set in around the cap."""
    cap = line.runs[0]
    return is_drop_cap(cap) and cap.size >= DROP_CAP_RATIO * line.main.size


def _centred(block: GBlock, line: Line) -> bool:
    """Set in from both edges alike: a centred line (a headline's), not an indent."""
    return abs(_indent(block, line) - (block.box[2] - line.box[2])) <= CENTRED_PT


def _short(block: GBlock, line: Line) -> bool:
    """The line ends at least half an em short of the block's right edge."""
    return block.box[2] - line.box[2] >= MIN_INDENT_EM * line.main.size


def _justified(block: GBlock) -> bool:
    """Most lines but the last end on the block's right edge."""
    body = block.lines[:-1]
    if len(body) < 2:
        return False
    full = sum(block.box[2] - ln.box[2] <= FLUSH_PT for ln in body)
    return full >= JUSTIFIED_SHARE * len(body)


def opening_blocks(
    found: Sequence[GBlock],
    rules: Sequence[Box],
    pictures: Sequence[Box],
    pitches: dict[float, float],
) -> set[int]:
    """Indexes of the blocks whose first line opens a paragraph by a vertical gap: each
    stands under the nearest block of its column and frame, no rule between, at more than
    the usual pitch and at most MAX_PARAGRAPH_GAP_EM below it."""
    order = sorted(range(len(found)), key=lambda k: found[k].box[1])
    bottoms = [found[k].box[1] for k in order]
    out: set[int] = set()
    for k, block in enumerate(found):
        top, em = block.box[3], block.size
        lo = bisect.bisect_left(bottoms, top - MIN_INDENT_EM * em)
        hi = bisect.bisect_right(bottoms, top + MAX_PARAGRAPH_GAP_EM * em)
        above = [found[i] for i in order[lo:hi] if i != k and _column(found[i], block)]
        if not above:
            continue
        up = min(above, key=lambda b: b.box[1])
        if _under_picture(up.box, pictures, em):
            continue  # a caption: the column goes on under it, mid-paragraph or not
        pitch = up.lines[-1].box[1] - block.lines[0].box[1]
        first = block.lines[0].box
        usual = pitches.get(tenth(em)) or first[3] - first[1]
        ruled = any(_between(r, up.box, block.box) for r in rules)
        if not ruled and pitch > PARA_LEADING_RATIO * usual:
            out.add(k)
    return out


def _under_picture(box: Box, pictures: Sequence[Box], em: float) -> bool:
    """Right under a picture, within its width: its caption or credit."""
    return any(
        0 <= p[1] - box[3] <= MAX_PARAGRAPH_GAP_EM * em and box[0] < p[2] and box[2] > p[0]
        for p in pictures
    )


def _column(up: GBlock, block: GBlock) -> bool:
    """Same frame, above, from the same left edge (give or take an indent), and not
    spanning several columns."""
    a, b = up.box, block.box
    em = block.size
    edge = -MAX_INDENT_EM * em <= b[0] - a[0] <= MAX_INDENT_EM * em
    narrow = a[2] - a[0] <= MAX_WIDTH_RATIO * (b[2] - b[0])
    return up.frame == block.frame and a[3] > b[3] and edge and narrow


def _between(rule: Box, upper: Box, lower: Box) -> bool:
    """A rule inside the gap between two blocks, across part of both (a link's underline
    runs inside its line's box, not in the gap)."""
    level = lower[3] < rule[1] < upper[1]
    return level and rule[0] < min(upper[2], lower[2]) and rule[2] > max(upper[0], lower[0])
