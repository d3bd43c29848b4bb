"""Shuffle the drawing order of a PDF's text blocks while the page looks exactly the same.

Text extractors give text largely in content-stream order: pdftotext -raw and PDFium's text
page follow it, pdfminer's layout analysis in part (pdftotext's default mode re-sorts).
WeasyPrint draws a page in reading order, but real e-paper PDFs often do not: their layout
programs write boxes, columns and article pieces in whatever order they were placed or
edited. `shuffle_stream` makes such PDFs from the generated pages: every glyph stays where it
was, only the order in which the text blocks are drawn changes.

A block is a run of text objects, consecutive in stream order, that are set together (see
`_continues`): pieces of one line, or lines one below the other at the block's leading, in
the same type size and sharing horizontal extent. In practice a block is a column piece of
body text (paragraphs set on without extra space stay together), a headline, a byline or a
pull quote. Lines keep their order inside a block; text is assumed upright, and text inside
a form XObject stays in its form (WeasyPrint draws none there).

Blocks and non-text objects (rules, box backgrounds, pictures) are then drawn in a random
order that keeps every pair whose boxes overlap (or nearly touch) in its original order, so
a background stays behind its text and a picture over a caption's edge stays over it: the
page renders to the same pixels. Drawing all non-text objects first would not: where a
picture drawn after a caption shares an antialiased pixel row with it, the order changes
that pixel's value.

Usage::

    python -m benchmarks.pagegen.reorder SRC DST [SEED]
"""

from __future__ import annotations

import ctypes
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A line continues the block when its baseline lies at most this many ems below the last
# line's (body text is set at 1.22; headlines at 1.1; a gap of a blank line is >= 2).
MAX_LEADING_EM = 1.6
# Two lines belong to one run of type only if their sizes differ by at most this fraction.
SIZE_TOLERANCE = 0.05
# Pieces of one line: baselines within this many ems, and a gap of at most this many ems
# between the end of one piece and the start of the next.
SAME_LINE_EM = 0.1
MAX_WORD_GAP_EM = 1.0
# Boxes closer than this (points) may share a pixel when rendered at 72 dpi (scale 1) or
# finer: their drawing order is kept.
OVERLAP_MARGIN_PT = 1.0

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


@dataclass(frozen=True)
class _Line:
    """A text object with what the block rule needs: its extent, baseline and em size."""

    obj: pdfium.PdfObject
    left: float
    right: float
    baseline: float
    em: float


@dataclass
class _Unit:
    """Objects drawn together, in order: a text block (`lines`) or one non-text object."""

    objects: list[pdfium.PdfObject]
    lines: list[_Line]
    box: Box


def _line(obj: pdfium.PdfObject) -> _Line:
    left, _bottom, right, _top = obj.get_bounds()
    matrix = obj.get_matrix()
    size = ctypes.c_float(0.0)
    if not pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
        raise pdfium.PdfiumError("Failed to get the font size of a text object.")
    em = size.value * math.hypot(matrix.c, matrix.d)
    return _Line(obj, left, right, matrix.f, em)


def _continues(block: list[_Line], line: _Line) -> bool:
    """Whether `line`, drawn right after the block's last line, is set together with it."""
    last = block[-1]
    em = max(last.em, line.em)
    drop = last.baseline - line.baseline
    if abs(drop) <= SAME_LINE_EM * em:
        return -SAME_LINE_EM * em <= line.left - last.right <= MAX_WORD_GAP_EM * em
    if abs(last.em - line.em) > SIZE_TOLERANCE * em:
        return False
    if not 0 < drop <= MAX_LEADING_EM * em:
        return False
    left, right = min(b.left for b in block), max(b.right for b in block)
    return line.left < right and line.right > left


def _units(objects: list[pdfium.PdfObject]) -> list[_Unit]:
    """The page's objects in stream order, text objects gathered into blocks."""
    units: list[_Unit] = []
    for obj in objects:
        box: Box = obj.get_bounds()
        if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
            units.append(_Unit([obj], [], box))
            continue
        line = _line(obj)
        last = units[-1] if units else None
        if last is not None and last.lines and _continues(last.lines, line):
            last.objects.append(obj)
            last.lines.append(line)
            last.box = (
                min(last.box[0], box[0]),
                min(last.box[1], box[1]),
                max(last.box[2], box[2]),
                max(last.box[3], box[3]),
            )
        else:
            units.append(_Unit([obj], [line], box))
    return units


def _near(a: Box, b: Box) -> bool:
    m = OVERLAP_MARGIN_PT
    return a[0] - m < b[2] and b[0] - m < a[2] and a[1] - m < b[3] and b[1] - m < a[3]


def _shuffled_order(units: list[_Unit], rng: random.Random) -> list[int]:
    """A random drawing order of the units in which every pair of overlapping units keeps
    its original order (a topological sort that picks at random among the units ready)."""
    count = len(units)
    later = [
        [j for j in range(i + 1, count) if _near(units[i].box, units[j].box)] for i in range(count)
    ]
    waiting = [0] * count
    for followers in later:
        for j in followers:
            waiting[j] += 1
    ready = [i for i in range(count) if not waiting[i]]
    order: list[int] = []
    while ready:
        i = ready.pop(rng.randrange(len(ready)))
        order.append(i)
        for j in later[i]:
            waiting[j] -= 1
            if not waiting[j]:
                ready.append(j)
    return order


def _shuffle_page(page: pdfium.PdfPage, rng: random.Random) -> int:
    """Redraw the page's units in a shuffled order; returns the number of text blocks that
    are drawn at another position among the text blocks."""
    objects = list(page.get_objects(max_depth=0))
    units = _units(objects)
    order = _shuffled_order(units, rng)
    # Removed objects are owned by us until re-inserted; every one of them is re-inserted.
    for obj in reversed(objects):
        page.remove_obj(obj)
    for index in order:
        for obj in units[index].objects:
            page.insert_obj(obj)
    page.gen_content()
    before = [i for i, unit in enumerate(units) if unit.lines]
    after = [i for i in order if units[i].lines]
    return sum(1 for old, new in zip(before, after, strict=True) if old != new)


def shuffle_stream(src: Path, dst: Path, seed: int) -> int:
    """Write to `dst` a copy of `src` whose pages draw their text blocks in a shuffled order
    (seeded), every glyph where it was. Returns the number of blocks moved: text blocks drawn
    at another position among their page's text blocks, summed over the pages."""
    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(str(src))
    try:
        moved = 0
        for page in pdf:
            moved += _shuffle_page(page, rng)
            page.close()
        pdf.save(str(dst))
        return moved
    finally:
        pdf.close()


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python -m benchmarks.pagegen.reorder SRC DST [SEED]", file=sys.stderr)
        return 2
    seed = int(argv[2]) if len(argv) == 3 else 0
    moved = shuffle_stream(Path(argv[0]), Path(argv[1]), seed)
    print(f"{moved} blocks moved")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
