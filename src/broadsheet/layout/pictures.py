"""Pictures on a PDF page and the type set by them: captions and credits, told by geometry.

A picture is an image object or a filled path drawn as one (load/pdf.py `drawings`). Its
caption is a few lines of type smaller than the body's or in another face, set under, over
or beside it; its credit is set smaller still, up its side at an angle, or at the end of
the caption's last line in a type of its own ("… at the harbour." + "AFP" in smaller type).
Each is a block marked with its `role`, so the text stage reads it as what it is without
any cue word ("Foto:" stays evidence, never a prerequisite).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from broadsheet.layout.caption_place import (
    CAPTION_GAP_EM,
    CAPTION_MAX_SIZE,
    SAME_SIZE,
    by_headlines,
    caption_type,
    claim,
    column_goes_on,
    stacked,
    within_width,
)
from broadsheet.layout.credits import MAX_CREDIT_CHARS
from broadsheet.layout.geometry import GBlock, Line, frame_of
from broadsheet.layout.order import reading_order
from broadsheet.model import Box, TypeRole, centre_in, union
from broadsheet.page import PageGeometry, Run

CAPTION: TypeRole = "caption"
CREDIT: TypeRole = "credit"
MARK: TypeRole = "mark"  # a dingbat or sign set by the caption: no words of its own
# Text by a picture narrower or lower than this many body ems is a label (a portrait's
# name in an interview, a logo's or a signature's line), not a caption: such a picture
# makes no item of its own. (A photo one column wide is some 15 ems wide, 7 high.)
MIN_CAPTIONED_EM = 8.0
MIN_CAPTIONED_HEIGHT_EM = 5.0
# A credit has at least this many letters or digits (a bullet or dingbat has fewer) and at
# most credits.MAX_CREDIT_CHARS characters; set at a caption line's end, in type at most
# this share of the caption's size, or in another face after the caption's full stop.
MIN_WORD_CHARS = 2
# A line under the caption in smaller type is its credit when at most this long (a
# photographer's and an agency's name; a longer one is more caption).
MAX_SIZED_CREDIT_CHARS = 50
CREDIT_MAX_SIZE = 0.95
# Lines of two caption blocks at most this many ems apart are one caption.
MAX_LINE_GAP_EM = 0.6
# Lines whose bottoms are this many points apart stand on one baseline.
SAME_BASELINE_PT = 1.0
# A picture with text covering this share of it is a background (its text a box's).
BACKGROUND_TEXT_SHARE = 0.2
# Pictures whose edges meet within this many points, level with each other, are one.
ABUT_PT = 2.0
SENTENCE_ENDS = (".", "!", "?", "…", ".”", ".’", '."')


def picture_blocks(
    page: PageGeometry, found: Sequence[GBlock], frames: Sequence[Box]
) -> list[GBlock]:
    """The page's pictures as blocks without lines: images and drawings, pieces set edge to
    edge joined (two photos shown as a pair under one caption), none standing inside a
    larger one (a drawing's parts, the frame drawn around an image), and none that text
    covers in good part (a background behind a box)."""
    boxes = _joined([box for box in page.pictures if not _background(box, found)])
    boxes.sort(key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
    kept: list[Box] = []
    for box in boxes:
        if not any(centre_in(box, k) and box != k for k in kept):
            kept.append(box)
    return [GBlock((), box, frame_of(box, frames), "", k) for k, box in enumerate(kept)]


def _background(box: Box, found: Sequence[GBlock]) -> bool:
    """Text covers this share of the box or more: it is set on it, the box behind it.
    (A label or two on a photo or a chart leaves it a picture.)"""
    area = (box[2] - box[0]) * (box[3] - box[1])
    inside = [b.box for b in found if centre_in(b.box, box)]
    covered = sum((b[2] - b[0]) * (b[3] - b[1]) for b in inside)
    return bool(inside) and covered >= BACKGROUND_TEXT_SHARE * area


def _joined(boxes: list[Box]) -> list[Box]:
    """Boxes set edge to edge, level with each other (top and bottom, or left and right
    edges within a point or two), as one."""
    out = list(boxes)
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(out):
            j = next((j for j in range(i + 1, len(out)) if _abutting(a, out[j])), None)
            if j is not None:
                out[i] = union([a, out.pop(j)])
                merged = True
                break
    return out


def _abutting(a: Box, b: Box) -> bool:
    e = ABUT_PT
    level = abs(a[1] - b[1]) <= e and abs(a[3] - b[3]) <= e
    plumb = abs(a[0] - b[0]) <= e and abs(a[2] - b[2]) <= e
    side = -e <= b[0] - a[2] <= e or -e <= a[0] - b[2] <= e
    stacked = -e <= b[1] - a[3] <= e or -e <= a[1] - b[3] <= e
    return (level and side) or (plumb and stacked)


def with_captions(found: list[GBlock], body: tuple[str, float]) -> list[list[GBlock]]:
    """The blocks in reading order, in clusters: a picture with the type set by it (caption,
    credit) and on it (a label) is one cluster, read as one, its blocks marked with their
    role (a label is left unmarked: the text tells what it is)."""
    size = body[1]
    pictures = [b for b in found if not b.lines]
    taken: dict[int, int] = {}
    reach = [pic.box for pic in pictures]
    headed = by_headlines(found, size)
    # Type set up the side first: the picture reaches across it, so a caption under both
    # stands within the picture's width (the credit takes room the image gives up).
    for b in (b for b in found if b.lines and not b.lines[0].main.upright):
        found_by = claim(b, pictures, reach, body, headed)
        if found_by is not None:
            taken[id(b)] = found_by[1]
            reach[found_by[1]] = _across(reach[found_by[1]], b.box)
    # Type by two pictures goes with the nearer: under one and beside another's foot,
    # under. Beside a picture is the weakest place: what stands under another picture's
    # caption (a credit at its last line's end) is that caption's first (`_chain`).
    beside: list[tuple[GBlock, int]] = []
    for b in (b for b in found if b.lines and b.lines[0].main.upright):
        found_by = claim(b, pictures, reach, body, headed)
        if found_by is not None and found_by[0]:
            beside.append((b, found_by[1]))
        elif found_by is not None and not _ends_column_over(b, pictures[found_by[1]], found):
            taken[id(b)] = found_by[1]
    _chain(found, reach, taken, body)
    taken.update(
        {
            id(b): k
            for b, k in beside
            if id(b) not in taken
            and not stacked(b, k, reach, size)
            and not column_goes_on(b, found, taken)
        }
    )
    _chain(found, reach, taken, body)
    clusters = [
        [pic, *_marked(pic, [b for b in found if taken.get(id(b)) == k], body)]
        for k, pic in enumerate(pictures)
    ]
    clusters += [[b] for b in found if b.lines and id(b) not in taken]
    boxes = {id(c): union([b.box for b in c]) for c in clusters}
    return reading_order(clusters, lambda c: boxes[id(c)], size)


def _ends_column_over(block: GBlock, pic: GBlock, found: list[GBlock]) -> bool:
    """The block stands over the picture right under a column of text: that column's last
    line (a jump line), no caption set over the picture."""
    return block.box[1] >= pic.box[3] and column_goes_on(block, found, {})


def _across(pic: Box, side: Box) -> Box:
    """The picture's box widened to take in what is set up its side (not its height: a
    credit set up below the picture's foot leaves the caption's place where it was)."""
    return (min(pic[0], side[0]), pic[1], max(pic[2], side[2]), pic[3])


def _chain(
    found: list[GBlock], reach: list[Box], taken: dict[int, int], body: tuple[str, float]
) -> None:
    """Type smaller than the body's right under or over a block already taken, within its
    picture's width, goes with that picture too (a caption under a dingbat under the
    picture; not a byline in the body's size under the caption, nor one in a larger or
    bolder type than the caption's, as a byline without "By" is: `_follows`)."""
    near = CAPTION_GAP_EM * body[1]
    grown = True
    while grown:
        grown = False
        for b in found:
            if not b.lines or id(b) in taken or b.size >= body[1] * CAPTION_MAX_SIZE:
                continue
            if not caption_type(b, body):
                continue
            for t in [t for t in found if id(t) in taken]:
                pic = reach[taken[id(t)]]
                box, other = b.box, t.box
                within = within_width(box, pic, body[1])
                apart = min(abs(other[1] - box[3]), abs(box[1] - other[3]))
                if within and apart <= near and _follows(t, b):
                    taken[id(b)] = taken[id(t)]
                    grown = True
                    break


def _follows(taken: GBlock, block: GBlock) -> bool:
    """`block` may join the picture of `taken`, next to it: over it in any type (a
    lead-in), under a dingbat in any type, under words only in type no larger, and bold
    only when smaller, and in another slant only when smaller (under a caption, a line in
    larger type, or bold or italic in its size, is the story's byline or header going on;
    a credit in small bold or italic type is the picture's)."""
    above_it = block.box[3] > taken.box[1]
    if above_it or not taken.lines[-1].main.upright or not _worded(taken):
        return True
    above, this = taken.lines[-1].main, block.lines[0].main
    bolder = this.bold and not above.bold and this.size >= above.size
    slanted = this.italic != above.italic and this.size >= above.size
    return this.size <= above.size * SAME_SIZE and not bolder and not slanted


def _marked(pic: GBlock, blocks: list[GBlock], body: tuple[str, float]) -> list[GBlock]:
    """The picture's blocks marked caption, credit or mark, captions first, each read in
    order; left unmarked by a picture too small to have a caption."""
    ordered = reading_order(blocks, lambda b: b.box, body[1])
    low = pic.box[3] - pic.box[1] < MIN_CAPTIONED_HEIGHT_EM * body[1]
    if low or pic.box[2] - pic.box[0] < MIN_CAPTIONED_EM * body[1]:
        return ordered
    on = [b for b in ordered if b.lines[0].main.upright and centre_in(b.box, pic.box)]
    ordered = [b for b in ordered if b not in on]
    split = [part for b in ordered for part in _split_tail(b)]
    captions = _merged([b for b in split if not b.role and b.lines[0].main.upright])
    largest = max((b.size for b in captions if _worded(b)), default=0.0)
    out: list[GBlock] = []
    for b in [*captions, *_side(b for b in split if b.role or not b.lines[0].main.upright)]:
        out.append(b._replace(role=_role(b, pic.box, captions, largest, body[1])))
    marked = [b._replace(picture=pic.picture) for b in out]
    credits = _read_down([b for b in marked if b.role != CAPTION])
    return on + [b for b in marked if b.role == CAPTION] + credits


def _read_down(blocks: list[GBlock]) -> list[GBlock]:
    """Blocks as their lines read: from the top down, left to right along one baseline (a
    credit run on from the caption's last line to the next reads in that order, however
    the columns of the page's reading order would take its pieces)."""
    rows: list[list[GBlock]] = []
    for b in sorted(blocks, key=lambda b: -b.box[1]):
        if rows and abs(rows[-1][0].box[1] - b.box[1]) <= SAME_BASELINE_PT:
            rows[-1].append(b)
        else:
            rows.append([b])
    return [b for row in rows for b in sorted(row, key=lambda b: b.box[0])]


def _role(block: GBlock, pic: Box, captions: list[GBlock], largest: float, em: float) -> TypeRole:
    """A picture's block as its caption, its credit, or a mark without words."""
    if not _worded(block):
        return MARK
    if block.role or not block.lines[0].main.upright:
        return CREDIT  # cut from a caption line's end, or set at an angle
    if _short_line(block) and block.size < largest * CREDIT_MAX_SIZE:
        return CREDIT  # a line in type smaller than the caption
    if _short_line(block) and _flush_right(block.box, pic, em):
        return CREDIT  # a name set flush with the picture's right edge
    if _short_line(block) and any(_after_on_line(block, c) for c in captions if c is not block):
        return CREDIT  # set after a gap on the caption's last line
    return CAPTION


def _after_on_line(block: GBlock, caption: GBlock) -> bool:
    """The block stands on the caption's last baseline, right of it."""
    last = caption.lines[-1]
    return abs(block.box[1] - last.box[1]) <= SAME_BASELINE_PT and block.box[0] > last.box[2]


def _side(blocks: Iterable[GBlock]) -> list[GBlock]:
    """Credits cut from a caption line as they are; the lines set up the picture's side as
    one credit, read left to right (type set at an angle reads upwards)."""
    found = list(blocks)
    rotated = [b for b in found if not b.lines[0].main.upright]
    if len(rotated) < 2:
        return found
    lines = tuple(sorted((ln for b in rotated for ln in b.lines), key=lambda ln: ln.box[0]))
    side = GBlock(lines, union([ln.box for ln in lines]), rotated[0].frame, CREDIT)
    return [*(b for b in found if b.lines[0].main.upright), side]


def _short_line(block: GBlock) -> bool:
    """One line short enough to be a name (a caption's own short line says more)."""
    return len(block.lines) == 1 and len(block.lines[0].text) <= MAX_SIZED_CREDIT_CHARS


def _flush_right(box: Box, pic: Box, em: float) -> bool:
    """Set flush with the picture's right edge and well in from its left one, as credits
    are (a caption's line starts at the left edge)."""
    return abs(box[2] - pic[2]) <= ABUT_PT and box[0] - pic[0] >= em


def _worded(block: GBlock) -> bool:
    text = "".join(r.text for line in block.lines for r in line.runs)
    return sum(map(str.isalnum, text)) >= MIN_WORD_CHARS


def _split_tail(block: GBlock) -> list[GBlock]:
    """A credit set at the end of the block's last line in a type of its own cut off as a
    block marked credit: in smaller type, or in another face after a full stop."""
    last = block.lines[-1]
    runs = last.runs
    if not last.main.upright or len(runs) < 2:
        return [block]
    head_type = (runs[0].font, runs[0].size)
    k = len(runs)
    while k > 1 and (runs[k - 1].font, runs[k - 1].size) != head_type:
        k -= 1
    head, tail = runs[:k], runs[k:]
    if not tail:
        return [block]
    text = " ".join(r.text for r in tail)
    smaller = max(r.size for r in tail) <= CREDIT_MAX_SIZE * head_type[1]
    # In another face of the caption's size, a credit is an appendix after a full stop,
    # shorter than the sentence it ends (not the text after a lead-in set in bold).
    said = " ".join(r.text for r in head)
    after_stop = said.rstrip().endswith(SENTENCE_ENDS) and len(text) < len(said)
    if len(text) > MAX_CREDIT_CHARS or sum(map(str.isalnum, text)) < MIN_WORD_CHARS:
        return [block]
    if not (smaller or after_stop):
        return [block]
    kept = (*block.lines[:-1], _line(head))
    credit = _line(tail)
    return [
        GBlock(kept, union([ln.box for ln in kept]), block.frame),
        GBlock((credit,), credit.box, block.frame, CREDIT),
    ]


def _line(runs: Sequence[Run]) -> Line:
    """A line of runs, in the type of its last run with words in it (as geometry's)."""
    worded = [r for r in runs if sum(map(str.isalnum, r.text[:8])) >= MIN_WORD_CHARS]
    return Line(tuple(runs), union([r.box for r in runs]), (worded or list(runs))[-1])


def _merged(blocks: list[GBlock]) -> list[GBlock]:
    """Caption blocks in one type, each right under the one before, as one block (a line
    cut from its credit rejoins the caption above it)."""
    out: list[GBlock] = []
    for b in blocks:
        if out and _continues(out[-1], b):
            lines = (*out[-1].lines, *b.lines)
            out[-1] = GBlock(lines, union([ln.box for ln in lines]), b.frame)
        else:
            out.append(b)
    return out


def _continues(upper: GBlock, lower: GBlock) -> bool:
    a, b = upper.lines[-1].main, lower.lines[0].main
    gap = upper.box[1] - lower.box[3]
    overlap = min(upper.box[2], lower.box[2]) - max(upper.box[0], lower.box[0])
    return (
        (a.font, a.size) == (b.font, b.size)
        and a.upright
        and b.upright
        and -a.size <= gap <= MAX_LINE_GAP_EM * a.size
        and overlap > 0
    )
