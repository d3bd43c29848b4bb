"""Text runs a reader cannot see: painted over, the colour of their ground, drawn in an
invisible render mode, or outside the crop box.

A PDF may hold text no renderer shows: a template's placeholder lines covered by a white
page-sized fill before the real page is drawn on top, white marks on white paper, words
set in render mode 3. PDFium's text page lists them all the same. They are told from
geometry and paint order (load/paint.py), never from their words: a run is hidden when
  - its render mode paints nothing (3, 7), unless it lies on an image drawn before it: that
    is a scan's text layer, whose words the reader sees in the picture;
  - most of its box lies outside the crop box;
  - an opaque filled rectangle or an opaque image drawn LATER covers most of its box (what
    was drawn before it is a background, and changes nothing);
  - blended by its alpha over what lies under it (the latest path, image or shading
    drawn before it there, else the paper), it differs from that in no channel by more
    than a few steps. Only text that would vanish on white paper is tested so: others
    show on a white page, and looking under every run would cost more than the test.
Every call here is per text object (cached) or per object that could hide a run; none is
per glyph.
"""

from __future__ import annotations

import bisect
import ctypes
from collections.abc import Sequence

import pypdfium2.raw as pdfium_c

from broadsheet.load.paint import Paint, Painted
from broadsheet.load.pdfium_abi import draw_mode, fill_rgba, has_transparency, render_mode
from broadsheet.model import Box, HiddenReason

# Share of a run's box that a later opaque fill or image must cover to hide it: lower, and
# a picture laid over a line's last letters would take the whole line with it.
COVERED = 0.9
# Share of a run's box that must lie outside the crop box for it to be off the page: a
# headline bleeding a little over the trim stays.
OUTSIDE = 0.5
# Largest difference in R, G or B between text (blended over its ground by its alpha) and
# the ground that still reads as one colour: higher, and pale grey print on white would go.
SAME_COLOUR = 24
# Points by which a path's corners may miss its box and still make a rectangle.
CORNER_TOLERANCE = 0.5
_INVISIBLE_MODES = (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP)
_FILL_MODES = (pdfium_c.FPDF_TEXTRENDERMODE_FILL, pdfium_c.FPDF_TEXTRENDERMODE_FILL_CLIP)
_IMAGE, _PATH = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH
_LINE, _MOVE = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
Colour = tuple[int, int, int]
PAPER: Colour = (255, 255, 255)
PALE = 255 - SAME_COLOUR  # opaque text this light in every channel could vanish on paper
# A run as the test sees it: its box, its text object, its fill colour and alpha.
Mark = tuple[Box, int, Colour, int]


class HiddenTest:
    """Tells each run of one page whether a reader sees it, and if not why. Made once a
    page; what it learns of an object (render mode, opacity) it keeps."""

    def __init__(self, paint: Paint, crop: Box, document: object, page: object) -> None:
        self.order = paint.order
        self.painted = paint.painted
        self.places = [p.order for p in paint.painted]
        self.last = self.places[-1] if self.places else -1  # no run after it is covered
        self.crop = crop
        self.document, self.page = document, page
        self.modes: dict[int, int] = {}
        self.covers: dict[int, bool] = {}  # path handle -> an opaque filled rectangle

    def reasons(self, marks: Sequence[Mark]) -> list[HiddenReason | None]:
        """Why each run (its box, text object, fill colour and alpha) is not seen; None
        where it is (most runs: each test starts with what is cheapest and rules most
        runs out)."""
        places = [self.order.get(obj) for _, obj, _, _ in marks]  # None: past the walk
        out = [
            self._own(box, obj, place)
            for (box, obj, _, _), place in zip(marks, places, strict=True)
        ]
        self._painted_over([m[0] for m in marks], places, out)
        for k, ((box, obj, colour, alpha), place) in enumerate(zip(marks, places, strict=True)):
            if out[k] is not None or place is None:
                continue
            # Opaque text is pale when each channel is; other text once blended over paper.
            if alpha == 255:
                pale = min(colour) >= PALE
            else:
                pale = _same(_over(colour, alpha, PAPER), PAPER)
            filled = pale and self.modes[obj] in _FILL_MODES  # most runs are not pale
            if filled and self._on_own_colour(box, place, colour, alpha):
                out[k] = "same-colour"
        return out

    def _own(self, box: Box, obj: int, place: int | None) -> HiddenReason | None:
        """What the run itself tells: its render mode, its place against the crop box."""
        mode = self.modes.get(obj)
        if mode is None:
            mode = self.modes[obj] = render_mode(obj)
        if mode in _INVISIBLE_MODES and not self._on_image(box, place):
            return "invisible-mode"
        crop = self.crop
        inside = crop[0] <= box[0] and crop[1] <= box[1] and box[2] <= crop[2] and box[3] <= crop[3]
        if not inside and _share_in(box, crop) < 1 - OUTSIDE:
            return "outside-crop"
        return None

    def _on_image(self, box: Box, place: int | None) -> bool:
        """Whether the run's centre lies on an image drawn before it (anywhere in the
        order when its own place is unknown)."""
        end = len(self.painted) if place is None else bisect.bisect_left(self.places, place)
        return any(p.kind == _IMAGE and _centre_in(box, p.box) for p in self.painted[:end])

    def _painted_over(
        self, boxes: Sequence[Box], places: Sequence[int | None], out: list[HiddenReason | None]
    ) -> None:
        """Mark the runs an opaque fill or image drawn after them covers most of. Each
        object drawn after some run looks only at the runs whose centres lie within its
        width (the runs sorted by centre once), so a chart of a thousand small paths drawn
        after the text costs a bisection each, not a pass over every run."""
        todo = [
            k
            for k, (why, place) in enumerate(zip(out, places, strict=True))
            if why is None and place is not None and place < self.last
        ]
        if not todo:
            return  # most pages: nothing drawn after any text but text
        centres = sorted(((boxes[k][0] + boxes[k][2]) / 2, k) for k in todo)
        xs = [x for x, _ in centres]
        first = min(places[k] or 0 for k in todo)
        for p in self.painted[bisect.bisect_right(self.places, first) :]:
            left, right = bisect.bisect_left(xs, p.box[0]), bisect.bisect_right(xs, p.box[2])
            low, high = p.box[1], p.box[3]
            for _, k in centres[left:right]:
                box = boxes[k]
                if not low <= (box[1] + box[3]) / 2 <= high:
                    continue  # a box covered 90 % has its centre in the cover
                if out[k] is None and (places[k] or 0) < p.order and self._hides(p, box):
                    out[k] = "painted-over"

    def _hides(self, p: Painted, box: Box) -> bool:
        """Whether the object covers most of the run's box and paints all it covers."""
        if _share_in(box, p.box) < COVERED:
            return False
        if p.kind == _IMAGE:
            return _opaque_image(p, box, self.document, self.page)
        return p.kind == _PATH and self._covers(p)

    def _covers(self, p: Painted) -> bool:
        """Whether the path is an opaque filled rectangle (its box is what it paints)."""
        known = self.covers.get(p.handle)
        if known is None:
            known = self.covers[p.handle] = _opaque_rectangle(p)
        return known

    def _on_own_colour(self, box: Box, place: int, colour: Colour, alpha: int) -> bool:
        """Whether the run, blended over what lies under its centre, keeps that colour."""
        for p in reversed(self.painted[: bisect.bisect_left(self.places, place)]):
            if _centre_in(box, p.box):
                ground = _path_colour(p) if p.kind == _PATH else None
                return ground is not None and _same(_over(colour, alpha, ground), ground)
        return True  # on the paper, as white as the text


def _share_in(box: Box, outer: Box) -> float:
    """The share of `box`'s area inside `outer` (of its centre, for a box without area)."""
    width, height = box[2] - box[0], box[3] - box[1]
    if width <= 0 or height <= 0:
        return 1.0 if _centre_in(box, outer) else 0.0
    w = min(box[2], outer[2]) - max(box[0], outer[0])
    h = min(box[3], outer[3]) - max(box[1], outer[1])
    return max(w, 0.0) * max(h, 0.0) / (width * height)


def _centre_in(box: Box, outer: Box) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3]


def _over(colour: Colour, alpha: int, ground: Colour) -> Colour:
    """The colour seen where `colour` at `alpha` (0-255) is painted over `ground`."""
    a = alpha / 255
    return (
        round(colour[0] * a + ground[0] * (1 - a)),
        round(colour[1] * a + ground[1] * (1 - a)),
        round(colour[2] * a + ground[2] * (1 - a)),
    )


def _same(one: Colour, other: Colour) -> bool:
    return max(abs(one[0] - other[0]), abs(one[1] - other[1]), abs(one[2] - other[2])) <= (
        SAME_COLOUR
    )


def _path_colour(p: Painted) -> Colour | None:
    """What a path paints: its fill, else its stroke (a bar drawn as a thick line)."""
    mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
    draw_mode(p.handle, mode, stroke)
    if mode.value:
        red, green, blue, _alpha = fill_rgba(p.handle)
        return (red, green, blue)
    rgba = [ctypes.c_uint(0) for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetStrokeColor(_pointer(p.handle), *rgba):
        return None
    return (rgba[0].value, rgba[1].value, rgba[2].value)


def _opaque_rectangle(p: Painted) -> bool:
    """A filled path, fully opaque, whose outline is its box's four corners (a circle or
    a rounded frame paints less than its box) in an upright matrix."""
    mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
    draw_mode(p.handle, mode, stroke)
    if not mode.value or fill_rgba(p.handle)[3] < 255 or has_transparency(p.handle):
        return False
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(_pointer(p.handle), m)
    if abs(m.b) > 1e-6 or abs(m.c) > 1e-6:
        return False
    points = _outline(p.handle)
    if points is None or len(points) < 4:
        return False
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
    if not all(_near(x, left, right) and _near(y, bottom, top) for x, y in points):
        return False
    corners = {
        (abs(x - left) <= CORNER_TOLERANCE, abs(y - bottom) <= CORNER_TOLERANCE) for x, y in points
    }
    return len(corners) == 4  # all four: a triangle on three of them paints half its box


def _outline(handle: int) -> list[tuple[float, float]] | None:
    """The path's points, or None if any segment is a curve."""
    out = []
    x, y = ctypes.c_float(0.0), ctypes.c_float(0.0)
    path = _pointer(handle)
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, k)
        if pdfium_c.FPDFPathSegment_GetType(segment) not in (_LINE, _MOVE):
            return None
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        out.append((x.value, y.value))
    return out


def _pointer(handle: int) -> object:
    """A plain int handle as the pointer pypdfium2's own functions take (for the few
    calls made on objects that could hide a run, not on every object)."""
    return ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT)


def _near(v: float, low: float, high: float) -> bool:
    return abs(v - low) <= CORNER_TOLERANCE or abs(v - high) <= CORNER_TOLERANCE


def _opaque_image(p: Painted, box: Box, document: object, page: object) -> bool:
    """Whether the image paints every pixel under the run's box: it is rendered (with its
    soft mask, if any) and the alpha of that part read. Only an image drawn over earlier
    text is ever rendered."""
    if has_transparency(p.handle):
        return False
    bitmap = pdfium_c.FPDFImageObj_GetRenderedBitmap(document, page, _pointer(p.handle))
    if not bitmap:
        return False
    try:
        return _alpha_full(bitmap, p.box, box)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)


def _alpha_full(bitmap: object, image: Box, box: Box) -> bool:
    """Whether every pixel of the BGRA bitmap (covering `image`) under `box` is opaque."""
    if pdfium_c.FPDFBitmap_GetFormat(bitmap) != pdfium_c.FPDFBitmap_BGRA:
        return True  # no alpha channel: all of it paints
    width, height = pdfium_c.FPDFBitmap_GetWidth(bitmap), pdfium_c.FPDFBitmap_GetHeight(bitmap)
    stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
    span_x, span_y = max(image[2] - image[0], 1e-6), max(image[3] - image[1], 1e-6)
    x0, x1 = _pixels(box[0], box[2], image[0], span_x, width)
    y0, y1 = _pixels(image[3] - box[3], image[3] - box[1], 0.0, span_y, height)
    buffer = pdfium_c.FPDFBitmap_GetBuffer(bitmap)
    data = ctypes.string_at(buffer, stride * height)
    rows: Sequence[bytes] = [
        data[y * stride + 4 * x0 + 3 : y * stride + 4 * x1 : 4] for y in range(y0, y1)
    ]
    return all(min(row, default=255) == 255 for row in rows)


def _pixels(low: float, high: float, origin: float, span: float, count: int) -> tuple[int, int]:
    """The pixel range [a, b) of a bitmap `count` pixels over `span` points from `origin`
    that the stretch [low, high] covers (at least one pixel, within the bitmap)."""
    a = int((low - origin) / span * count)
    b = int((high - origin) / span * count + 0.999)
    a = min(max(a, 0), count - 1)
    return a, min(max(b, a + 1), count)
