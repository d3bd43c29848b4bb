"""Where type stands by a picture: which picture a block by one is set by as its caption or
credit (under or over it within its width, beside it flush with its foot or top, up its
side), nearest first, and the places that say it is none: right by display type (a
kicker, byline or teaser), under another picture's caption in that picture's column, at
the foot of a column of text (layout/pictures.py puts the claims together).
"""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.layout.geometry import DISPLAY_RATIO, GBlock
from broadsheet.model import Box, centre_in

# Captions and credits: at most this many lines (a one-column photo's caption runs long;
# more is a column of text), in type smaller than this share of the body's (or in another
# face at most SAME_SIZE over it, not bold: a subhead is bold), at most this many body ems
# from their picture or from a caption block already found.
MAX_CAPTION_LINES = 8
CAPTION_MAX_SIZE = 0.95
# A block under another picture within this many body ems is in that picture's column.
STACK_EM = 5.0
# A block whose column's text stands over it within this many of its line heights, over
# this share of its width at least, ends that column (`column_goes_on`).
COLUMN_GAP_LINES = 2.0
COLUMN_COVER = 0.5
# A block stands right by display type within this many of its line heights of it.
HEAD_GAP_LINES = 1.5
SAME_SIZE = 1.05
CAPTION_GAP_EM = 2.0
# A caption under or over a picture stands within its width, give or take this many ems.
WIDTH_SLACK_EM = 0.5
# Type of the body's size in another face is a caption only set this close to the picture
# (a kicker in a sans face under a short caption is not).
OTHER_FACE_GAP_EM = 1.0


def caption_type(block: GBlock, body: tuple[str, float]) -> bool:
    """A few lines in type smaller than the body's, or about its size in another face."""
    main = block.lines[0].main
    if len(block.lines) > MAX_CAPTION_LINES:
        return False
    if block.size < body[1] * CAPTION_MAX_SIZE:
        return True
    return block.size <= body[1] * SAME_SIZE and main.font != body[0] and not main.bold


def claim(
    block: GBlock,
    pictures: Sequence[GBlock],
    reach: Sequence[Box],
    body: tuple[str, float],
    headed: set[int],
) -> tuple[bool, int] | None:
    """The picture the block is set by, nearest first (on it or under or over it before
    beside it), with whether it stands beside it; None if by none."""
    near = [
        (place, k)
        for k, pic in enumerate(pictures)
        if (place := _nearness(block, reach[k], pic.box, body, id(block) in headed))
    ]
    if not near:
        return None
    (side, _gap), k = min(near)
    return side, k


def _nearness(
    block: GBlock, reach: Box, pic: Box, body: tuple[str, float], headed: bool
) -> tuple[bool, float] | None:
    """Whether the block stands beside the picture as its caption or credit would, and how
    far (on it: 0), or None when it is not set by it (`_by_picture`). A block right under
    a headline is its byline or teaser beside a picture, not its caption (`headed`)."""
    if centre_in(block.box, pic):
        return (False, 0.0)
    if not caption_type(block, body):
        return None
    gap = _by_picture(block, reach, body)
    if gap is None:
        return None
    beside = not within_width(block.box, reach, body[1])
    return None if headed and beside else (beside, gap)


def stacked(block: GBlock, k: int, reach: Sequence[Box], body: float) -> bool:
    """The block stands under another picture than `k`, within its width, a few lines
    down (a byline under a picture's caption in its own column), so it is not set beside
    picture `k` as its caption."""
    return any(
        j != k
        and within_width(block.box, box, body)
        and 0 <= box[1] - block.box[3] <= STACK_EM * body
        for j, box in enumerate(reach)
    )


def column_goes_on(block: GBlock, found: Sequence[GBlock], taken: dict[int, int]) -> bool:
    """Text no picture took stands right over the block, over most of its width: the block
    ends that column (a jump line under a story's last lines), it is no caption set beside
    a picture."""
    height = block.lines[0].box[3] - block.lines[0].box[1]
    width = block.box[2] - block.box[0]
    for t in found:
        if not t.lines or t is block or id(t) in taken:
            continue
        gap = t.box[1] - block.box[3]
        cover = min(t.box[2], block.box[2]) - max(t.box[0], block.box[0])
        if 0 <= gap <= COLUMN_GAP_LINES * height and cover >= COLUMN_COVER * width:
            return True
    return False


def by_headlines(found: Sequence[GBlock], body: float) -> set[int]:
    """The ids of upright blocks set right under or over display type, within
    HEAD_GAP_LINES of it and over its extent (a byline under a headline or teaser, a
    kicker over one)."""
    heads = [h.box for h in found if h.lines and _display(h, body)]
    out: set[int] = set()
    for b in found:
        if not b.lines or not b.lines[0].main.upright:
            continue
        height = b.lines[0].box[3] - b.lines[0].box[1]
        for h in heads:
            gap = max(h[1] - b.box[3], b.box[1] - h[3])
            near = -height / 2 <= gap <= HEAD_GAP_LINES * height
            if near and min(b.box[2], h[2]) - max(b.box[0], h[0]) > 0:
                out.add(id(b))
                break
    return out


def _display(block: GBlock, body: float) -> bool:
    """Display type: larger than the body's, or bold in its size or larger."""
    bold = block.lines[0].main.bold and block.size >= body
    return block.size >= DISPLAY_RATIO * body or bold


def _by_picture(block: GBlock, pic: Box, body: tuple[str, float]) -> float | None:
    """Caption type right under or over the picture within its width, or beside it flush
    with its foot or top (not the attribution of a pull quote set beside it), or a credit
    set up its side, which may stand just inside its edge: the gap, or None."""
    smaller = block.size < body[1] * CAPTION_MAX_SIZE
    box, near = block.box, (CAPTION_GAP_EM if smaller else OTHER_FACE_GAP_EM) * body[1]
    under, over = pic[1] - box[3], box[1] - pic[3]
    if within_width(box, pic, body[1]) and (0 <= under <= near or 0 <= over <= near):
        return min(g for g in (under, over) if g >= 0)
    level = box[1] >= pic[1] - near and box[3] <= pic[3] + near
    right, left = box[0] - pic[2], pic[0] - box[2]
    if not block.lines[0].main.upright:
        inside = near if box[3] - box[1] > box[2] - box[0] else 0.0
        if level and (-inside <= right <= near or -inside <= left <= near):
            return max(0.0, min(abs(right), abs(left)))
        # Under the picture's foot is a weaker place than up its side: it ranks after
        # every picture the credit runs along (the one it stands in the gutter beside).
        below = box[0] >= pic[0] - near and box[2] <= pic[2] + near
        return near + under if below and 0 <= under <= near else None
    # Beside the picture, a caption is set flush with its foot or its top.
    flush = abs(box[1] - pic[1]) <= near or abs(box[3] - pic[3]) <= near
    if flush and (0 <= right <= near or 0 <= left <= near):
        return min(g for g in (right, left) if g >= 0)
    return None


def within_width(box: Box, pic: Box, em: float) -> bool:
    """Within the picture's width, give or take a little (a caption set to the column's
    measure under a picture inset in it)."""
    slack = WIDTH_SLACK_EM * em
    return box[0] >= pic[0] - slack and box[2] <= pic[2] + slack
