"""Page furniture found by place on one page: the margin bands and the marks outside the text.

`layout/furniture.py` needs a line to recur on several pages; a one-page PDF has no second
page to compare with, yet its paper's name, date line, section label and folio stand where
no story does: in a band above the page's stories or below them, cut off by a rule or a
gap, in a few short lines. Plate marks (colour-separation letters, edition codes) are tiny
type outside the text area. This module finds both from the page's geometry alone; the
text path then treats the blocks as furniture whatever their words say.

The page is read as horizontal strips (blocks whose heights overlap are one strip, so a
strip never cuts a column). Walking in from the top edge (then the bottom edge), strips
of short lines are candidates until one holds a caption, a story's text (lines of the
body's type), a long block or a headline, or lies past the band's share of the page; the
band ends at the strongest cut among the candidates' gaps (a rule across the page beats
any gap; a gap must be wider than a blank line, and at the top it must not stand over a
story's text, or a kicker and a short headline would pass for a band). No cut splits a
frame. A band is dropped where the block across its cut simply goes on from the same
left edge in the same type (a column's last line standing apart).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from broadsheet.layout.geometry import DISPLAY_RATIO, GBlock, Line
from broadsheet.model import Box, centre_in
from broadsheet.page import PageGeometry
from broadsheet.rounding import tenth

# A band lies within this share of the page's height from its top or bottom edge (a
# tabloid's masthead with its date line takes some 18 % of an A4 page; more would take in
# the first story's kicker).
MAX_BAND_SHARE = 0.2
# Shapes that are pictures: images, and filled paths drawn as pictures (load/drawings.py).
# A gap of this many body ems cuts a band off (a blank line is one em; smaller gaps are a
# story's own spacing between its kicker, headline and text).
MIN_CUT_EM = 0.9
# The page's lowest line stands this many body ems clear of the text over it, to be
# furniture where no band runs across the page (`_foot_line`).
FOOT_GAP_EM = 2.0
# A horizontal rule at least this share of the page wide cuts a band off at any gap.
MIN_RULE_SHARE = 0.4
# A band's blocks are short: at most this many lines, each at most this many characters.
MAX_BAND_LINES = 3
MAX_BAND_CHARS = 120
# A page sets at least this many lines of story text (in its body type, in blocks of two
# lines or more), or its body type tells nothing.
MIN_STORY_LINES = 6
# Display type (geometry.DISPLAY_RATIO) with more words than this on a line is a headline:
# no band holds one (a masthead or section label is a few words).
MAX_BAND_HEAD_WORDS = 6
# Blocks within this many body ems under or over a picture are its caption or credit.
PICTURE_NEAR_EM = 2.0
# Marks: at most this many characters a line, type no larger than the body's, entirely
# outside the text area.
MAX_MARK_CHARS = 8
# A frame or tint behind this share of the page or more is its background, not a box.
MAX_FRAME_SHARE = 0.5
# A rule across at least this share of its frame's width parts the frame into sections (a
# sidebar's contact block ruled off under its lists): what stands between two such rules
# is read apart from the rest of the frame. It stands clear of the text by this many body
# ems above and below: a long link's underline in a narrow sidebar is as wide, but it
# touches its line.
MIN_SECTION_RULE_SHARE = 0.8
MIN_SECTION_RULE_CLEAR_EM = 0.5
# Two left edges within this many points are one (a column's flush left); type sizes
# within this share are one size.
FLUSH_PT = 1.0
SAME_SIZE = 0.05


class _Strip(NamedTuple):
    """Blocks whose heights overlap; `blocks` index the page's blocks."""

    top: float
    bottom: float
    blocks: list[int]


def margin_furniture(
    found: Sequence[GBlock], page: PageGeometry, body: tuple[str, float]
) -> set[int]:
    """Indexes of the blocks that are page furniture by their place: the top and bottom
    bands and the marks outside the text area. `body` is the page's body font and size."""
    pictures = [p for p in page.pictures if not any(centre_in(b.box, p) for b in found)]
    rules = page.rules
    out: set[int] = set()
    # On a page of a few lines only (a cover) the most common type may be a staff line's,
    # which the top band may then hold. (Its foot may still hold a story's last lines,
    # under a figure.)
    sparse = sum(len(b.lines) for b in found if _story_text(b, body)) < MIN_STORY_LINES
    out |= _band(found, pictures, rules, page, body, sparse)
    out |= _band(found, pictures, rules, page, body, None) or _foot_line(found, pictures, body)
    out |= _marks(found, pictures, body[1])
    # What layout/pictures.py placed by a picture as its caption or credit stays one.
    return {k for k in out if not found[k].role}


def _frame_edges(page: PageGeometry) -> list[Box]:
    """The top and bottom edges of the frames and tints: a section label set in a bar (or
    over a border drawn as the bar's outline) is cut off by the bar's edge even where a
    story's text follows (see `_band`). Weaker than a rule: a page's frames may be many."""
    whole = MAX_FRAME_SHARE * page.width * page.height
    out: list[Box] = []
    for x0, y0, x1, y1 in page.frames:
        if (x1 - x0) * (y1 - y0) < whole:
            out += [(x0, y0, x1, y0), (x0, y1, x1, y1)]
    return out


def _strips(found: Sequence[GBlock], top: bool) -> list[_Strip]:
    """The page's strips from its top edge down (or from its bottom edge up). Text set at
    an angle takes no part (a slug up the margin would join every strip it passes), nor do
    pictures: one beside the band (a portrait by the page's title) would join the
    band to the story under it; a caption by one is kept out by `_bandlike`."""
    level = [k for k, b in enumerate(found) if b.lines[0].main.upright]
    order = sorted(level, key=lambda k: -found[k].box[3] if top else found[k].box[1])
    out: list[_Strip] = []
    for k in order:
        box = found[k].box
        last = out[-1] if out else None
        if last is not None and (box[3] > last.bottom if top else box[1] < last.top):
            last.blocks.append(k)
            out[-1] = _Strip(max(last.top, box[3]), min(last.bottom, box[1]), last.blocks)
        else:
            out.append(_Strip(box[3], box[1], [k]))
    return out


def _band(
    found: Sequence[GBlock],
    pictures: Sequence[Box],
    rules: Sequence[Box],
    page: PageGeometry,
    body: tuple[str, float],
    sparse: bool | None,
) -> set[int]:
    """The blocks of the band at the page's top edge (its bottom edge for `sparse` None),
    if one is cut off. On a `sparse` page the band may hold lines in the body's type, but
    no gap over them cuts it off."""
    top = sparse is not None
    walk = ("", body[1]) if sparse else body
    strips = _strips(found, top)
    edge = page.height * (1 - MAX_BAND_SHARE) if top else page.height * MAX_BAND_SHARE
    boxed = boxed_frames(found, page)
    edges = _frame_edges(page)
    n = 0
    while n < len(strips) and _bandlike(strips[n], found, pictures, walk):
        if (strips[n].bottom < edge) if top else (strips[n].top > edge):
            break
        if not top and _in_a_box(strips[n], boxed):
            break
        n += 1
    best, strength = 0, (False, 0.0)
    for k in range(min(n, len(strips) - 1)):
        upper, lower = (strips[k], strips[k + 1]) if top else (strips[k + 1], strips[k])
        gap = upper.bottom - lower.top
        ruled = any(_rule_between(r, upper, lower, page.width) for r in rules)
        # Without a rule or a frame's edge, a gap over a story's text is its header's own (a
        # kicker and a short headline standing at the top of the page).
        edged = any(_rule_between(e, upper, lower, page.width) for e in edges)
        over_text = top and _text(strips[k + 1], found, body) and not edged
        gapped = gap >= MIN_CUT_EM * body[1] and not over_text
        cuts = (ruled or gapped) and (ruled, gap) > strength
        if cuts and not _splits_a_frame(strips, k + 1, boxed):
            best, strength = k + 1, (ruled, gap)
    if not best or _goes_on(found, strips[best - 1], strips[best], top, body):
        return set()
    return {i for s in strips[:best] for i in s.blocks}


def _foot_line(
    found: Sequence[GBlock], pictures: Sequence[Box], body: tuple[str, float]
) -> set[int]:
    """The page's lowest block, where no band runs across the page: one short line outside
    any frame that stands at least FOOT_GAP_EM clear of the text above it in its own width,
    level with nothing, and not under a column of story text (a web address under a
    sidebar, beside the columns' last lines; not a writer's note under the column)."""
    level = [k for k, b in enumerate(found) if b.lines[0].main.upright]
    if not level:
        return set()
    k = min(level, key=lambda i: found[i].box[1])
    low = found[k]
    if len(low.lines) != 1 or not _bandlike(
        _Strip(low.box[3], low.box[1], [k]), found, pictures, body
    ):
        return set()
    if low.frame >= 0:
        return set()  # a box's last line
    above = [b for i, b in enumerate(found) if i != k and _overlap(b.box, low.box)]
    beside = [b for i, b in enumerate(found) if i != k and b.box[1] <= low.box[3]]
    clear = all(b.box[1] - low.box[3] >= FOOT_GAP_EM * body[1] for b in above)
    under = min(above, key=lambda b: b.box[1], default=None)
    story = under is not None and _story_text(under, body)  # a note under its column
    return {k} if above and clear and not beside and not story else set()


def boxed_frames(found: Sequence[GBlock], page: PageGeometry) -> list[int]:
    """Each block's frame or tint, -1 for none or for one behind most of the page (a
    background, not a box)."""
    frames = page.frames
    whole = MAX_FRAME_SHARE * page.width * page.height
    big = {k for k, f in enumerate(frames) if (f[2] - f[0]) * (f[3] - f[1]) >= whole}
    return [-1 if b.frame in big else b.frame for b in found]


def _in_a_box(strip: _Strip, boxed: Sequence[int]) -> bool:
    """A block of the strip shares its frame with another: a box at the page's foot (a
    cover's teaser, its rubric over its headline), not a footer. (A masthead's bar at the
    top may hold the paper's name and date alike.)"""
    frames = [boxed[i] for i in strip.blocks if boxed[i] >= 0]
    return any(boxed.count(f) > 1 for f in frames)


def _splits_a_frame(strips: Sequence[_Strip], cut: int, boxed: Sequence[int]) -> bool:
    """Whether blocks of one frame stand on both sides of the cut (a box's rubric and its
    headline are not a band)."""
    inside = {boxed[i] for s in strips[:cut] for i in s.blocks} - {-1}
    return any(boxed[i] in inside for s in strips[cut:] for i in s.blocks)


def _bandlike(
    strip: _Strip, found: Sequence[GBlock], pictures: Sequence[Box], body: tuple[str, float]
) -> bool:
    """A strip of a few short lines, no caption or headline."""
    size = body[1]
    for k in strip.blocks:
        block = found[k]
        if len(block.lines) > MAX_BAND_LINES or _near_picture(block, pictures, size):
            return False
        if _story_text(block, body):
            return False  # a column's end, or a story standing at the page's foot
        for line in block.lines:
            text = line.text
            if len(text) > MAX_BAND_CHARS:
                return False
            headline = line.main.size >= DISPLAY_RATIO * size
            if headline and len(text.split()) > MAX_BAND_HEAD_WORDS:
                return False
    return True


def _story_text(block: GBlock, body: tuple[str, float]) -> bool:
    """Lines of the body's type: a story's text."""
    return len(block.lines) > 1 and (block.lines[0].main.font, tenth(block.size)) == body


def _text(strip: _Strip, found: Sequence[GBlock], body: tuple[str, float]) -> bool:
    return any(_story_text(found[k], body) for k in strip.blocks)


def _near_picture(block: GBlock, pictures: Sequence[Box], body: float) -> bool:
    """Under or over a picture and overlapping its width, or set up its side: its caption
    or credit."""
    near = PICTURE_NEAR_EM * body
    box = block.box
    for p in pictures:
        if _overlap(box, p) and (-near <= p[1] - box[3] <= near or -near <= box[1] - p[3] <= near):
            return True
        beside = -near <= p[0] - box[2] <= near or -near <= box[0] - p[2] <= near
        if beside and not block.lines[0].main.upright and box[1] < p[3] and box[3] > p[1]:
            return True
    return False


def _rule_between(rule: Box, upper: _Strip, lower: _Strip, width: float) -> bool:
    level = lower.top - 1 <= rule[1] <= upper.bottom + 1
    return level and rule[2] - rule[0] >= MIN_RULE_SHARE * width


def _goes_on(
    found: Sequence[GBlock], band: _Strip, rest: _Strip, top: bool, body: tuple[str, float]
) -> bool:
    """A block of the band's last strip and the nearest block across the cut under (over)
    it share a left edge and their font or size: a column going on after a gap (its last
    lines set apart), not a band."""
    for i in band.blocks:
        a = found[i]
        under = [found[j] for j in rest.blocks if _overlap(a.box, found[j].box)]
        if not under:
            continue
        b = max(under, key=lambda g: g.box[3]) if top else min(under, key=lambda g: g.box[1])
        if abs(a.box[0] - b.box[0]) > FLUSH_PT:
            continue
        same_font = a.lines[0].main.font == b.lines[0].main.font
        same_size = abs(a.size - b.size) <= SAME_SIZE * b.size
        # in the type of the block across, or (an author's note in italics at its column's
        # end) in the size of the story's text
        if (same_font and same_size) or (same_size and _story_text(b, body)):
            return True
    return False


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and a[2] > b[0]


def _letters(line: Line) -> int:
    """The line's characters but spaces."""
    return sum(len(r.text) - r.text.count(" ") for r in line.runs)


def _marks(found: Sequence[GBlock], pictures: Sequence[Box], body: float) -> set[int]:
    """Tiny type outside the text area: plate marks, colour bars' letters, edition codes,
    and small type set at an angle there (a production slug up the margin). The text area
    is what every upright block of longer lines covers (a sidebar of short entries is in
    it)."""
    marks = [
        not b.lines[0].main.upright or all(_letters(ln) <= MAX_MARK_CHARS for ln in b.lines)
        for b in found
    ]
    areas = [b.box for b, mark in zip(found, marks, strict=True) if not mark]
    if not areas:
        return set()
    left, bottom = min(a[0] for a in areas), min(a[1] for a in areas)
    right, top = max(a[2] for a in areas), max(a[3] for a in areas)
    out = set()
    for k, b in enumerate(found):
        x0, y0, x1, y1 = b.box
        outside = y1 < bottom or y0 > top or x1 < left or x0 > right
        small = b.size <= body
        if marks[k] and outside and small and not _near_picture(b, pictures, body):
            out.add(k)
    return {k for k in out if not _over_headline(found[k], found, body)}


def _over_headline(block: GBlock, found: Sequence[GBlock], body: float) -> bool:
    """Set right over display type, within a line of it and over its extent: the kicker
    of the page's top headline, not a mark outside the text."""
    height = block.lines[0].box[3] - block.lines[0].box[1]
    return any(
        h.lines
        and h.size >= DISPLAY_RATIO * body
        and -height / 2 <= block.box[1] - h.box[3] <= height
        and h.box[0] - height <= block.box[0]
        and block.box[2] <= h.box[2] + height
        for h in found
    )


def regions(found: Sequence[GBlock], page: PageGeometry, size: float) -> list[int]:
    """Each block's frame, told apart further by the rules drawn across the frame: one
    number per section of a frame between two such rules, -1 outside any frame (or in the
    page's background). No item reads across a region's edge (Type.frame). `size` is the
    body's type size."""
    boxed = boxed_frames(found, page)
    frames, rules = page.frames, page.rules
    members: dict[int, list[GBlock]] = {}
    for block, f in zip(found, boxed, strict=True):
        members.setdefault(f, []).append(block)
    cuts = {
        f: _section_rules(frames[f], rules, inside, size) if len(inside) > 1 else []
        for f, inside in members.items()
        if f >= 0
    }
    keys: dict[tuple[int, int], int] = {}
    out: list[int] = []
    for block, f in zip(found, boxed, strict=True):
        if f < 0:
            out.append(-1)
            continue
        above = sum(1 for r in cuts[f] if r[1] >= block.box[3])
        out.append(keys.setdefault((f, above), len(keys)))
    return out


def _section_rules(
    frame: Box, rules: Sequence[Box], found: Sequence[GBlock], size: float
) -> list[Box]:
    """The rules across the frame standing clear of the text of every block in it."""
    x0, y0, x1, y1 = frame
    clear = MIN_SECTION_RULE_CLEAR_EM * size
    return [
        r
        for r in rules
        if y0 <= r[1] <= y1
        and min(r[2], x1) - max(r[0], x0) >= MIN_SECTION_RULE_SHARE * (x1 - x0)
        and not any(
            _overlap(b.box, r) and b.box[1] - clear < r[1] < b.box[3] + clear for b in found
        )
    ]


def run_in_labels(found: Sequence[GBlock], region: Sequence[int], size: float) -> dict[int, bool]:
    """Labels in a frame: one line in the body's size ending in a colon ("Contact:"), set
    over its entry as in a fact box or a sidebar's contact block. They are text, not heads
    (each label opens its entry's paragraph); True where the block right under it, flush
    left in the same region, is the entry it opens (the two are written as one block)."""
    out: dict[int, bool] = {}
    for k, block in enumerate(found):
        if region[k] < 0 or len(block.lines) != 1 or abs(block.size - size) > SAME_SIZE * size:
            continue
        if not block.lines[0].text.rstrip().endswith(":"):
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        out[k] = (
            nxt is not None
            and region[k + 1] == region[k]
            and abs(nxt.box[0] - block.box[0]) <= FLUSH_PT
            and abs(nxt.size - size) <= SAME_SIZE * size
            and 0 <= block.box[1] - nxt.box[3] <= nxt.size
        )
    return out
