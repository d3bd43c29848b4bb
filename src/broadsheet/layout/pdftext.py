"""PDF pages as the blocks the text stages read: cut, ordered and typed by geometry.

Each page's blocks (layout/geometry.py) are handed on in reading order (layout/order.py)
as `Block`s, each in the `Type` the page set it in and each line with its font: the text
stages take them as they are, nothing is cut again from text. Their lines' offsets point
into the source text written beside them (a blank line between blocks, a form feed between
pages, so it reads as a clean dump), and every run written is filed as an `Origin`: the
page, its box and its first glyph on PDFium's text page, so any offset leads back to the PDF.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from broadsheet.layout.ads import AD_KIND, ad_blocks
from broadsheet.layout.geometry import (
    DISPLAY_RATIO,
    DROP_CAP_RATIO,
    GBlock,
    Line,
    blocks,
    body_size,
    is_drop_cap,
    lines,
)
from broadsheet.layout.jumps import NOTE_KIND, jump_blocks
from broadsheet.layout.leading import opening_blocks, paragraph_starts, usual_pitches
from broadsheet.layout.margins import margin_furniture, regions, run_in_labels
from broadsheet.layout.neighbours import rubrics, ruled
from broadsheet.layout.order import reading_order
from broadsheet.layout.pictures import picture_blocks, with_captions
from broadsheet.model import (
    Block,
    Box,
    Hidden,
    Origin,
    Sheet,
    Source,
    Traced,
    Type,
    TypeKind,
    TypeRole,
    union,
    within,
)
from broadsheet.page import PageGeometry, Run, Skipped
from broadsheet.rounding import tenth, thousandth
from broadsheet.textlines import blank, traced_line
from broadsheet.utf16 import replaced_note, units

# PDFium writes a hyphen-minus it finds at a line end as U+FFFE (U+0002 in some builds):
# on real pages that is the typesetter's hyphen, which the hyphen stage then decides on.
PDFIUM_LINE_END_HYPHENS = ("\ufffe", "\x02")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")
# The kind of type (`Type.kind`) of a block the page's geometry shows to be furniture.
FURNITURE: TypeKind = "furniture"
SIZE_TOLERANCE = 0.05
# A frame holding text and other frames nests them (reads them in its own order) when it
# covers less than this share of the page: a story's box does, a page-wide frame does not
# (its frames are read with the page's blocks, as if it were none).
MAX_NESTING_SHARE = 0.5
# A frame lies in another when within it give or take this many points (rules drawn on
# the same edge).
INSIDE_PT = 1.0
# Two runs of a line are two words when at least this many ems apart.
MIN_SPACE_EM = 0.12


def page_blocks(page: PageGeometry) -> list[GBlock]:
    """The page's blocks in reading order: what stands in one frame or tint is read
    together, the frame taking the place of its blocks in the page's order. Pictures take
    part in the order as blocks without lines (a picture across a story's columns keeps a
    cut from running beside it), then drop out; the type set by them comes marked as
    caption or credit (layout/pictures.py)."""
    page_lines = lines(page.runs)
    found = blocks(page_lines, page.shapes)
    body = body_size(page_lines)
    frames = page.frames
    pictures = picture_blocks(page, found, frames)
    # The body's font (asked only where there are pictures), and its size as `body_size` has it.
    kind = (body_type(found)[0] if pictures else "", body)
    groups: dict[int, list[GBlock]] = {}
    for b in [*found, *pictures]:
        groups.setdefault(b.frame, []).append(b)
    loose = with_captions(groups.pop(-1, []), kind)
    clustered = {f: with_captions(g, kind) for f, g in groups.items()}
    framed = _nested(clustered, frames, body, page.width * page.height)
    parts = loose + framed
    boxes = {
        id(g): frames[g[0].frame] if g[0].frame >= 0 else union([b.box for b in g]) for g in parts
    }
    # A frame's or tint's top and foot cut a row off as a rule does.
    edges = [(f[0], y, f[2], y) for f in frames for y in (f[1], f[3])]
    rules = [*page.rules, *edges]
    ordered = reading_order(parts, lambda g: boxes[id(g)], body, rules)
    return [b for group in ordered for b in group if b.lines]


def _nested(
    framed: dict[int, list[list[GBlock]]], frames: Sequence[Box], body: float, page: float
) -> list[list[GBlock]]:
    """Each frame's blocks as one group in reading order; a frame standing inside another
    that holds text (the rules round a pull quote inside a story's box) is read in its
    place among that frame's blocks, not after them all. Inner frames go first, so a frame
    takes its own inner frames along. A frame about the page's size holds no story: what
    stands in it is read with the page."""
    area = {f: (frames[f][2] - frames[f][0]) * (frames[f][3] - frames[f][1]) for f in framed}
    out: dict[int, list[GBlock]] = {}
    for f in sorted(framed, key=lambda f: area[f]):
        clusters = framed[f]
        inner = [
            g
            for k, g in out.items()
            if within(frames[k], frames[f], INSIDE_PT) and area[k] < area[f]
        ]
        if inner and area[f] < MAX_NESTING_SHARE * page:
            for g in inner:
                del out[g[0].frame]
            clusters = _read_with(clusters, inner, frames, body)
        out[f] = [b for c in clusters for b in c]
    return list(out.values())


def _read_with(
    clusters: list[list[GBlock]], inner: list[list[GBlock]], frames: Sequence[Box], body: float
) -> list[list[GBlock]]:
    """A frame's clusters and its inner frames' groups (each one, in its frame's box) in
    reading order."""
    boxes = {id(c): union([b.box for b in c]) for c in clusters}
    boxes.update({id(g): frames[g[0].frame] for g in inner})
    return reading_order([*clusters, *inner], lambda c: boxes[id(c)], body)


def pdf_source(pages: Iterable[PageGeometry | Skipped], name: str) -> tuple[Source, list[Skipped]]:
    """One source for the pages that have text; the others are listed with the reason.

    The runs no reader sees (load/hidden.py) are not written: they go into the source's
    `hidden`, whole, so the text the layout reads is what the page shows and every
    character PDFium gave is still accounted for."""
    out = _Writer()
    numbers: list[int] = []
    skipped: list[Skipped] = []
    hidden: list[Hidden] = []
    sheets: list[Sheet] = []
    notes: list[str] = []
    for page in pages:
        if isinstance(page, Skipped):
            skipped.append(page)
            continue
        if not page.runs:
            skipped.append(Skipped(page.number, _why_empty(page)))
            continue
        if numbers:
            out.write("\f")
        numbers.append(page.number)
        crop = page.crop_box or (0.0, 0.0, page.width, page.height)
        sheets.append(Sheet(page.number, crop, page.rotation))
        hidden += [Hidden(_hyphens(r.text), page.number, r.box, why) for r, why in page.hidden]
        texts = [r.text for r in page.runs] + [r.text for r, _ in page.hidden]
        notes += filter(None, [replaced_note(page.number, texts)])
        _write_page(out, page)
    source = Source(
        text="".join(out.parts),
        name=name,
        encoding="pdf",
        notes=tuple(notes),
        origins=tuple(out.origins),
        page_numbers=tuple(numbers),
        blocks=tuple(out.pages),
        hidden=tuple(hidden),
        sheets=tuple(sheets),
    )
    return source, skipped


def _write_page(out: _Writer, page: PageGeometry) -> None:
    """The page's blocks in reading order, each with its type: a blank line before each
    block and each paragraph start, and as many `Block`s."""
    found = page_blocks(page)
    body = body_type(found)
    ads = ad_blocks(found, body)
    jumps = jump_blocks(found, body) - ads
    margin = margin_furniture(found, page, body) - jumps
    pitches = usual_pitches(found)
    opening = opening_blocks(found, page.rules, page.pictures, pitches)
    frames = regions(found, page, body[1])
    labels = run_in_labels(found, frames, body[1])
    # Kinds the page's place decides, whatever the block reads like; later ones win: a
    # label opening its entry is text, not a head; an ad stays apart from the items
    # (layout/ads.py); a jump line is its story's note (layout/jumps.py); furniture.
    insets = ruled(found, page.rules, body[1])
    kinds: dict[int, TypeKind] = dict.fromkeys(rubrics(found, body[1], insets), "other")
    kinds |= dict.fromkeys(labels, "body")
    kinds |= dict.fromkeys(ads, AD_KIND)
    kinds |= dict.fromkeys(jumps, NOTE_KIND) | dict.fromkeys(margin, FURNITURE)
    out.pages.append(())
    for k, block in enumerate(found):
        style = block_style(block, body, kinds.get(k), frames[k], k in insets)
        starts = paragraph_starts(block, pitches)
        for j, line in enumerate(block.lines):
            if (j and not starts[j]) or (not j and labels.get(k - 1)):
                out.write("\n")
            else:  # a block (or a paragraph in it) opens, after a blank line
                out.write("\n\n" if j or k else "")
                opens = bool(j) or k in opening
                out.open(replace(style, opens=opens) if opens else style)
            out.line(line, page.number)
    out.close()


class _Writer:
    """The source text as it is written, with the origin of every run in it and the
    blocks its lines make (as a dump's reader would cut them: a blank line parts two)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origins: list[Origin] = []
        self.pages: list[tuple[Block, ...]] = []
        self.at = 0
        self._style: Type | None = None
        self._lines: list[Traced] = []
        self._fonts: list[str] = []
        self._page = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.at += len(text)

    def open(self, style: Type) -> None:
        """A block opens here, in this type."""
        self.close()
        self._style = style

    def close(self) -> None:
        """The open block, if it has lines, goes on its page."""
        if self._lines:
            page = self.pages[-1]
            block = Block(
                tuple(self._lines), len(page), self._page, self._style, tuple(self._fonts)
            )
            self.pages[-1] = (*page, block)
        self._lines, self._fonts = [], []

    def line(self, line: Line, page: int) -> None:
        """A line's runs, a space between two only where the page shows one (a kerned
        word may be drawn in pieces)."""
        start, first, self._page = self.at, len(self.parts), page
        self.run(line.runs[0], page)
        for before, run in itertools.pairwise(line.runs):
            cap = before.size >= DROP_CAP_RATIO * run.size and is_drop_cap(before)
            if not cap and run.box[0] - before.box[2] >= MIN_SPACE_EM * run.size:
                self.write(" ")
            self.run(run, page)
        raw = "".join(self.parts[first:])
        if blank(raw):  # as in a dump: a blank line ends the block, the next one goes on
            self.close()
            return
        traced = traced_line(raw, start)
        self._lines += traced
        self._fonts += [line.main.font] * len(traced)

    def run(self, run: Run, page: int) -> None:
        """A run's text, filed with its origin (`write` inlined: a page has thousands)."""
        text = _hyphens(run.text)
        at = self.at
        self.at = end = at + len(text)
        self.origins.append(Origin(at, end, page, run.box, run.first))
        self.parts.append(text)


def body_type(found: Sequence[GBlock]) -> tuple[str, float]:
    """The font and size most characters of the page are set in."""
    count = _chars_by_type(line for block in found for line in block.lines)
    return count.most_common(1)[0][0] if count else ("", 10.0)


def _chars_by_type(lines: Iterable[Line]) -> Counter[tuple[str, float]]:
    """How many characters the lines set in each font and size (to a tenth of a point).
    The sizes are rounded once each, not once a run: the types come in the order of their
    first run all the same, so `most_common` breaks a tie as before."""
    exact: Counter[tuple[str, float]] = Counter()
    for line in lines:
        for run in line.runs:
            exact[run.font, run.size] += len(run.text)
    count: Counter[tuple[str, float]] = Counter()
    for (font, size), n in exact.items():
        count[font, tenth(size)] += n
    return count


def block_style(
    block: GBlock,
    body: tuple[str, float],
    place: TypeKind | None = None,
    frame: int = -1,
    inset: bool = False,
) -> Type:
    """The block's kind of type, "body" (the body's font and size), "display" (larger or
    bold) or "other", its size over the body's, its weight and slant, and its extent; with
    what its place on the page tells: the kind where the `place` decides it, its `frame`
    (region), and the role a picture gave it (layout/pictures.py). Made in one step: a
    page has a Type for every block."""
    run = _prevailing_run(block)
    font, size = body
    ratio = thousandth(run.size / size) if size else 1.0
    if place:
        kind = place
    elif run.font == font and abs(ratio - 1) <= SIZE_TOLERANCE:
        kind = "body"
    elif ratio >= DISPLAY_RATIO or (run.bold and ratio >= 1):
        kind = "display"
    else:
        kind = "other"
    role: TypeRole
    role, picture = (block.role, block.picture) if block.role else ("", -1)
    box = block.box
    return Type(
        kind,
        ratio,
        run.bold,
        run.italic,
        box[0],
        box[2],
        role=role,
        picture=picture,
        frame=frame,
        bottom=box[1],
        top=box[3],
        inset=inset,
    )


def _prevailing_run(block: GBlock) -> Run:
    """A run in the type most of the block's characters are set in (a URL set in its own
    font at the end of a body line does not make its block's type)."""
    first = block.lines[0]
    if len(block.lines) == 1 and len(first.runs) == 1:
        return first.main
    font, size = _chars_by_type(block.lines).most_common(1)[0][0]
    runs = (r for line in block.lines for r in line.runs)
    return next(r for r in runs if (r.font, tenth(r.size)) == (font, size))


def _hyphens(text: str) -> str:
    """PDFium's marks of a hyphen at a line end as the hyphen-minus the page shows; other
    control characters (a form feed would cut the page) as spaces, one for one."""
    if text.endswith(PDFIUM_LINE_END_HYPHENS):
        text = text[:-1] + "-"
    # Control characters are never printable: most runs have none to look for.
    return text if text.isprintable() else _CONTROL_RE.sub(" ", text)


def _why_empty(page: PageGeometry) -> str:
    if page.hidden:
        whys = sorted({why for _, why in page.hidden})
        return (
            f"page {page.number} shows no text: its {len(page.hidden)} runs of text are "
            f"hidden ({', '.join(whys)})"
        )
    if any(s.kind == "image" for s in page.shapes):
        return f"no text layer on page {page.number} (an image only: run OCR on it first)"
    return f"page {page.number} is empty (no text and no image)"


def glyph_at(source: Source, offset: int) -> tuple[int, int] | None:
    """The PDF page and the index on PDFium's text page of the glyph a source offset was
    read from (pass it to FPDFText_GetCharBox and the like); None between runs."""
    starts = [o.start for o in source.origins]
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0 or offset >= source.origins[k].end:
        return None
    origin = source.origins[k]
    # PDFium counts in UTF-16 units: a character outside the BMP is two of its characters.
    return origin.page, origin.char + units(source.text[origin.start : offset])
