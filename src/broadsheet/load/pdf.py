"""Read a born-digital PDF with PDFium (pypdfium2): text runs with their type, shapes, images.

PDFium's text page gives the page's characters in one call and splits them into lines; a
run is the part of such a line that one text object drew, so the calls through ctypes are
a few per line, not per character (one per character would cost more than PDFium's own
extraction). Each run keeps the index of its first character on PDFium's text page, so any
character can be traced to its glyph.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.errors import InputError
from broadsheet.load.drawings import drawn_pictures
from broadsheet.model import Box

# Font names that mark bold and italic faces (the weight field is often left at 400).
BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi", "extrab")
ITALIC_MARKS = ("italic", "oblique", "kursiv")
FONT_FLAG_ITALIC = 64
BOLD_WEIGHT = 600
# Non-text objects looked at per page: a map or chart drawn in thousands of paths adds
# nothing the layout needs beyond its first ones.
MAX_SHAPES = 5000
# A page with more characters than this is not a newspaper page (or is a broken one).
MAX_CHARS = 400_000
# Nor is one drawn in more separate pieces of text than this: a dense page set glyph by
# glyph stays under it, while a page of 50,000 single letters took the layout 18 to 23 s
# and one of 100,000 48 s (the time grows faster than the count): waiting stops here.
MAX_RUNS = 50_000
# PDFium's load errors in words (FPDF_ERR_*; password and security are told apart below).
LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_UNKNOWN: "unknown error",
    pdfium_c.FPDF_ERR_FILE: "file could not be read",
    pdfium_c.FPDF_ERR_FORMAT: "data format error",
    pdfium_c.FPDF_ERR_PAGE: "page not found or content error",
}
_NULL = 0
# Hyphens PDFium reports at a line end, and the hyphen-minus itself.
LINE_END_MARKS = frozenset(("\ufffe", "\x02", "-", "\u00ad", "\u2010"))


def _address(pointer: Any) -> int:
    """A ctypes pointer (a PDFium handle, or a function) as a plain int."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or _NULL


def _by_address(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """PDFium function `fn` called with and returning handles as plain ints: pypdfium2's
    own returns a pointer object that costs a cast to compare, on every character looked
    up (the bisection calls it hundreds of times a page)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))


_HANDLE = ctypes.c_void_p
_text_object = _by_address(pdfium_c.FPDFText_GetTextObject, _HANDLE, _HANDLE, ctypes.c_int)
_object_font = _by_address(pdfium_c.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
_object_matrix = _by_address(
    pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, _HANDLE, ctypes.POINTER(pdfium_c.FS_MATRIX)
)
_font_size = _by_address(
    pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, _HANDLE, ctypes.POINTER(ctypes.c_float)
)
_fill_colour = _by_address(
    pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int, _HANDLE, *[ctypes.POINTER(ctypes.c_uint)] * 4
)
_loose_char_box = _by_address(
    pdfium_c.FPDFText_GetLooseCharBox,
    ctypes.c_int,
    _HANDLE,
    ctypes.c_int,
    ctypes.POINTER(pdfium_c.FS_RECTF),
)
_page_object = _by_address(pdfium_c.FPDFPage_GetObject, _HANDLE, _HANDLE, ctypes.c_int)
_object_type = _by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, _HANDLE)
_object_bounds = _by_address(
    pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, _HANDLE, *[ctypes.POINTER(ctypes.c_float)] * 4
)
_draw_mode = _by_address(
    pdfium_c.FPDFPath_GetDrawMode,
    ctypes.c_int,
    _HANDLE,
    ctypes.POINTER(ctypes.c_int),
    ctypes.POINTER(ctypes.c_int),
)


class Run(NamedTuple):
    """Characters of one line drawn by one text object, in one type. (A named tuple, as
    are lines and origins: a page makes hundreds, and a frozen dataclass costs some three
    times as much to make.)"""

    text: str
    box: Box
    size: float  # type size in points
    font: str
    bold: bool
    italic: bool
    colour: tuple[int, int, int]
    upright: bool  # False for text set at an angle (a credit up the side of a picture)
    first: int  # index of the first character on PDFium's text page


@dataclass(frozen=True, slots=True)
class Shape:
    """A filled or stroked path or an image: rules, frames, tints and pictures."""

    kind: str  # "rule", "rect", "image" or "drawing" (a picture drawn as a filled path)
    box: Box
    fill: tuple[int, int, int] | None  # the tint of a filled rectangle
    painted: bool = False  # filled in a visible colour (a tint, or darker)


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page as geometry: its size, text runs and shapes."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]
    shapes: tuple[Shape, ...]


def open_pdf(data: bytes, name: str, password: str | None = None) -> pdfium.PdfDocument:
    """The document, or a one-line error saying why PDFium cannot open it."""
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError:
        raise _open_error(data, name, password) from None


def _open_error(data: bytes, name: str, password: str | None) -> InputError:
    """Why PDFium would not open the file.

    pypdfium2 also refuses a document that opens but has no pages, and then reports
    whatever error code an earlier call left behind; so the bytes are loaded once more
    here, where a null document sets the code afresh and a document tells its page count.
    """
    secret = None if password is None else (password + "\0").encode("utf-8")
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), secret)
    if raw:
        pdfium_c.FPDF_CloseDocument(raw)
        return InputError(f"{name}: the PDF has no pages")
    code = pdfium_c.FPDF_GetLastError()
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        if password is None:
            return InputError(f"{name}: the PDF is encrypted; give its password with --password")
        return InputError(f"{name}: wrong password for this PDF (check --password)")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return InputError(f"{name}: the PDF uses an unsupported security handler")
    why = LOAD_ERRORS.get(code, f"error {code}")
    return InputError(f"{name}: not a readable PDF (PDFium: {why}); the file may be damaged")


def page_numbers(spec: str | None, count: int) -> list[int]:
    """Page numbers (1-based) from a spec like "1-3,7"; every page without a spec.

    The pages come back in order and each once: a page named twice would otherwise be
    read twice, and its every line would look like a running head recurring on pages.
    """
    if count < 1:
        raise InputError("the PDF has no pages")
    if not spec:
        return list(range(1, count + 1))
    pages: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError as err:
            raise InputError(f"--pages {spec!r}: give page numbers like 1-3,7") from err
        if a > b:
            raise InputError(f"--pages {spec!r}: give a range low to high, like 1-3")
        if not 1 <= a <= b <= count:
            pages_word = "page 1" if count == 1 else f"pages 1 to {count}"
            raise InputError(f"--pages {spec!r}: the PDF has {pages_word}")
        pages.update(range(a, b + 1))
    return sorted(pages)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A page that gives no text, and why (one line, without the file's name)."""

    page: int
    reason: str


def read_pages(pdf: pdfium.PdfDocument, numbers: Sequence[int]) -> Iterator[PdfPage | Skipped]:
    """Each named page as geometry, one at a time; PDFium's objects are closed after each.
    A page that cannot be read is skipped with the reason, so the other pages go on."""
    for number in numbers:
        yield _read_numbered(pdf, number)


def _read_numbered(pdf: pdfium.PdfDocument, number: int) -> PdfPage | Skipped:
    """Page `number`, or why not: PDFium fails on a damaged page only when it is loaded,
    long after the document opened."""
    try:
        page = pdf[number - 1]
    except pdfium.PdfiumError as err:
        return _page_error(number, err)
    try:
        return read_page(page, number)
    except pdfium.PdfiumError as err:
        return _page_error(number, err)
    except InputError as err:
        return Skipped(number, str(err))
    finally:
        page.close()


def _page_error(number: int, err: pdfium.PdfiumError) -> Skipped:
    why = str(err).rstrip(".")
    return Skipped(number, f"PDFium cannot read page {number} ({why}); the file may be damaged")


def read_page(page: pdfium.PdfPage, number: int) -> PdfPage:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        runs = _runs(textpage, number)
    finally:
        textpage.close()
    shapes = list(_shapes(page))
    for k in drawn_pictures(shapes, runs, width, height):
        shapes[k] = Shape("drawing", shapes[k].box, None, True)
    return PdfPage(number, width, height, tuple(runs), tuple(shapes))


def _runs(textpage: pdfium.PdfTextPage, number: int) -> list[Run]:
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count > MAX_CHARS:
        raise InputError(
            f"page {number} holds {count} characters, more than {MAX_CHARS} "
            "(no newspaper page has that many); leave it out with --pages"
        )
    text = textpage.get_text_range() if count > 0 else ""
    if len(text) != count:  # characters outside the BMP: offsets would drift
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    reader = _RunReader(textpage, text)
    out: list[Run] = []
    start = 0
    while start < count:
        end = text.find("\r\n", start)
        end = count if end < 0 else end
        out.extend(reader.line(start, end))
        if len(out) > MAX_RUNS:
            raise InputError(
                f"page {number} is drawn in more than {MAX_RUNS} separate pieces of text, "
                "too many to lay out in reasonable time; leave it out with --pages"
            )
        start = end + 2
    return out


class _RunReader:
    """Splits a text-page line where its characters' text object changes and styles runs.

    Handles are plain ints (see `_by_address`) and the out-parameters are made once: the
    reader runs a few calls per line, which on a page of thousands of lines adds up."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str) -> None:
        self.handle = _address(textpage.raw)
        self.text = text
        self.fonts: dict[int, tuple[str, bool, bool]] = {}
        self.rect = pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.size = ctypes.c_float(0.0)
        self.rgba = [ctypes.c_uint(0) for _ in range(4)]

    def _object(self, i: int) -> int:
        return _text_object(self.handle, i) or _NULL

    def line(self, start: int, end: int) -> list[Run]:
        """The line's runs; a hyphen drawn on its own goes with the word before it (its own
        box is a sliver that would stand on a line of its own)."""
        out: list[Run] = []
        for a, b, obj in self._pieces(start, end):
            piece = self.text[a:b].strip()
            if obj == _NULL or not piece:
                continue
            if out and piece in LINE_END_MARKS and out[-1].first + len(out[-1].text) == a:
                last = out[-1]
                box = (last.box[0], last.box[1], max(last.box[2], last.box[2] + 1), last.box[3])
                out[-1] = last._replace(text=last.text + piece, box=box)
            else:
                out.append(self._run(a, b, obj))
        return out

    def _pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """[a, b) stretches of one text object each, found by bisection."""
        if end <= start:
            return []
        first, last = self._object(start), self._object(end - 1)
        if first == last:  # most lines: one object
            return [(start, end, first)]
        out: list[tuple[int, int, int]] = []
        todo = [(start, end, first, last)]
        while todo:
            a, b, first, last = todo.pop()
            if first == last:
                out.append((a, b, first))
                continue
            if b - a == 2:
                out += [(a, a + 1, first), (a + 1, b, last)]
                continue
            mid = (a + b) // 2
            at = self._object(mid)
            todo += [(mid, b, at, last), (a, mid, first, self._object(mid - 1))]
        out.sort()
        merged: list[tuple[int, int, int]] = []
        for a, b, obj in out:
            if merged and merged[-1][2] == obj and merged[-1][1] == a:
                merged[-1] = (merged[-1][0], b, obj)
            else:
                merged.append((a, b, obj))
        return merged

    def _run(self, a: int, b: int, obj: int) -> Run:
        text = self.text
        while b > a + 1 and text[b - 1].isspace():
            b -= 1
        while a < b - 1 and text[a].isspace():
            a += 1
        m = self.matrix
        _object_matrix(obj, m)
        _font_size(obj, self.size)
        font, bold, italic = self._font(obj)
        red, green, blue, _alpha = _fill_rgba(obj, self.rgba)
        scale_x, skew, height = m.a, m.b, math.hypot(m.c, m.d)
        upright = abs(skew) < 1e-3 * max(abs(scale_x), 1e-6) and scale_x > 0
        size = round(self.size.value * height, 2)
        # Fields in order (text, box, size, font, bold, italic, colour, upright, first):
        # a named tuple made by position costs half as much as by keyword.
        return Run(
            text[a:b], self._box(a, b - 1), size, font, bold, italic, (red, green, blue), upright, a
        )

    def _box(self, first: int, last: int) -> Box:
        """The box around two characters of a line (its first and last)."""
        rect = self.rect
        _loose_char_box(self.handle, first, rect)
        box = (rect.left, rect.bottom, rect.right, rect.top)
        if last == first:
            return box
        _loose_char_box(self.handle, last, rect)
        return (
            min(box[0], rect.left),
            min(box[1], rect.bottom),
            max(box[2], rect.right),
            max(box[3], rect.top),
        )

    def _font(self, obj: int) -> tuple[str, bool, bool]:
        key = _object_font(obj) or _NULL
        if key not in self.fonts:
            font = ctypes.cast(key, pdfium_c.FPDF_FONT)
            buf = ctypes.create_string_buffer(256)
            pdfium_c.FPDFFont_GetBaseFontName(font, buf, 256)
            name = buf.value.decode("latin-1").split("+", 1)[-1]
            low = name.lower()
            weight = pdfium_c.FPDFFont_GetWeight(font)
            flags = pdfium_c.FPDFFont_GetFlags(font)
            bold = weight >= BOLD_WEIGHT or any(m in low for m in BOLD_MARKS)
            italic = bool(flags & FONT_FLAG_ITALIC) or any(m in low for m in ITALIC_MARKS)
            self.fonts[key] = (name, bold, italic)
        return self.fonts[key]


def _shapes(page: pdfium.PdfPage) -> Iterator[Shape]:
    """Rules, rectangles and images: the non-text objects at the page's top level (most
    objects are text: each is looked at with two calls on plain handles)."""
    raw = page.raw
    handle = _address(raw)
    edges = [ctypes.c_float(0.0) for _ in range(4)]
    for i in range(min(pdfium_c.FPDFPage_CountObjects(raw), MAX_SHAPES)):
        obj = _page_object(handle, i) or _NULL
        kind = _object_type(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            continue
        if not _object_bounds(obj, *edges):
            continue
        left, bottom, right, top = (e.value for e in edges)
        box = (left, bottom, right, top)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield Shape("image", box, None)
        elif min(right - left, top - bottom) < RULE_MAX_PT:
            yield Shape("rule", box, None)
        else:
            paint = _paint(obj)
            tint = paint if paint is not None and sum(paint) >= MIN_TINT else None
            yield Shape("rect", box, tint, paint is not None)


# A path thinner than this (points) is a rule, not a frame or a tint.
RULE_MAX_PT = 2.0
WHITE = (255, 255, 255)
# A filled rectangle is a tint behind text only if it is this light (sum of R, G, B).
MIN_TINT = 450


def _paint(obj: int) -> tuple[int, int, int] | None:
    """The colour a path is filled with; None if it is not filled, or filled invisibly
    (transparent, or white on the white page)."""
    mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
    _draw_mode(obj, mode, stroke)
    if mode.value == 0:
        return None
    red, green, blue, alpha = _fill_rgba(obj)
    colour = (red, green, blue)
    return None if alpha == 0 or colour == WHITE else colour


def _fill_rgba(obj: int, rgba: Sequence[ctypes.c_uint] = ()) -> tuple[int, int, int, int]:
    """A page object's fill colour and alpha, 0-255 each (into `rgba` where given)."""
    rgba = rgba or [ctypes.c_uint(0) for _ in range(4)]
    _fill_colour(obj, *rgba)
    return (rgba[0].value, rgba[1].value, rgba[2].value, rgba[3].value)


def is_pdf(data: bytes) -> bool:
    """True for bytes that start like a PDF (the header may follow some junk)."""
    return b"%PDF-" in data[:1024]
