"""Read a born-digital PDF with PDFium (pypdfium2): text runs with their type, shapes, images.

PDFium's text page gives the page's characters in one call and splits them into lines; a
run is the part of such a line that one text object drew, so the calls through ctypes are
a few per line, not per character (one per character would cost more than PDFium's own
extraction). Each run keeps the index of its first character on PDFium's text page, so any
character can be traced to its glyph. The runs no reader sees (load/hidden.py: painted
over, the colour of their ground, invisible, off the crop box) are set apart with the
reason; the layout reads only the others.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.errors import InputError
from broadsheet.load.drawings import drawings
from broadsheet.load.duplicates import with_duplicates
from broadsheet.load.hidden import HiddenTest
from broadsheet.load.inlay import inlaid
from broadsheet.load.paint import walk
from broadsheet.load.pdfium_abi import (
    NULL,
    address,
    fill_colour,
    font_size,
    loose_char_box,
    object_font,
    object_matrix,
    text_object,
)
from broadsheet.model import Box
from broadsheet.page import PageGeometry, Run, Skipped
from broadsheet.rounding import hundredth
from broadsheet.utf16 import whole

# Font names that mark bold and italic faces (the weight field is often left at 400).
BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi", "extrab")
ITALIC_MARKS = ("italic", "oblique", "kursiv")
FONT_FLAG_ITALIC = 64
BOLD_WEIGHT = 600
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
# Hyphens PDFium reports at a line end, and the hyphen-minus itself.
LINE_END_MARKS = frozenset(("\ufffe", "\x02", "-", "\u00ad", "\u2010"))


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
            return InputError(f"{name}: the PDF is encrypted; give its password", "password")
        return InputError(f"{name}: wrong password for this PDF", "password")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return InputError(f"{name}: the PDF uses an unsupported security handler")
    why = LOAD_ERRORS.get(code, f"error {code}")
    return InputError(f"{name}: not a readable PDF (PDFium: {why}); the file may be damaged")


def pdf_info(pdf: pdfium.PdfDocument) -> tuple[tuple[str, str], ...]:
    """The PDF's Info entries that have a value (Title, Author, Creator, Producer, the
    dates ...), in PDFium's order; a damaged entry is left out, not a reason to fail."""
    try:
        found = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return ()
    return tuple((str(k), str(v)) for k, v in found.items())


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
            raise InputError(f"pages={spec!r}: give page numbers like 1-3,7", "pages") from err
        if a > b:
            raise InputError(f"pages={spec!r}: give a range low to high, like 1-3", "pages")
        if not 1 <= a <= b <= count:
            pages_word = "page 1" if count == 1 else f"pages 1 to {count}"
            raise InputError(f"pages={spec!r}: the PDF has {pages_word}", "pages")
        pages.update(range(a, b + 1))
    return sorted(pages)


def page_loads(pdf: pdfium.PdfDocument, number: int) -> bool:
    """Whether PDFium loads page `number` (nothing more of it is read): a page tree may
    claim pages the file does not hold."""
    try:
        page = pdf[number - 1]
    except pdfium.PdfiumError:
        return False
    page.close()
    return True


def read_pages(pdf: pdfium.PdfDocument, numbers: Sequence[int]) -> Iterator[PageGeometry | Skipped]:
    """Each named page as geometry, one at a time; PDFium's objects are closed after each.
    A page that cannot be read is skipped with the reason, so the other pages go on."""
    for number in numbers:
        yield _read_numbered(pdf, number)


def _read_numbered(pdf: pdfium.PdfDocument, number: int) -> PageGeometry | Skipped:
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


def read_page(page: pdfium.PdfPage, number: int) -> PageGeometry:
    """The page's runs, those a reader sees apart from those hidden, and its shapes."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        runs, marks = _runs(textpage, number)
    finally:
        textpage.close()
    paint = walk(page.raw)
    crop = _crop_box(page, width, height)
    test = HiddenTest(paint, crop, page.pdf.raw, page.raw)
    pairs = zip(runs, marks, strict=True)
    whys = test.reasons([(r.box, obj, r.colour, alpha) for r, (obj, alpha) in pairs])
    whys = with_duplicates(runs, whys)
    seen = [run for run, why in zip(runs, whys, strict=True) if why is None]
    hidden = [(run, why) for run, why in zip(runs, whys, strict=True) if why is not None]
    shapes = drawings(paint.shapes, seen, width, height)
    rotation = pdfium_c.FPDFPage_GetRotation(page.raw) % 4 * 90
    return PageGeometry(
        number, width, height, tuple(seen), tuple(shapes), tuple(hidden), crop, rotation
    )


def _crop_box(page: pdfium.PdfPage, width: float, height: float) -> Box:
    """The page's crop box, else its media box, else its size (one call each, not through
    pypdfium2's box getters, which format a message on every page)."""
    edges = [ctypes.c_float(0.0) for _ in range(4)]
    for get in (pdfium_c.FPDFPage_GetCropBox, pdfium_c.FPDFPage_GetMediaBox):
        if get(page.raw, *edges):
            left, bottom, right, top = (e.value for e in edges)
            return (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    return (0.0, 0.0, width, height)


def _runs(textpage: pdfium.PdfTextPage, number: int) -> tuple[list[Run], list[tuple[int, int]]]:
    """The page's runs in PDFium's order, and the text object and fill alpha of each (for
    the hidden test)."""
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count > MAX_CHARS:
        raise InputError(
            f"page {number} holds {count} characters, more than {MAX_CHARS} "
            "(no newspaper page has that many); leave it out of the pages read"
        )
    text = textpage.get_text_range() if count > 0 else ""
    halves = len(text) != count
    if halves:  # characters outside the BMP, or half of one: offsets would drift
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    reader = _RunReader(textpage, text, halves)
    out: list[Run] = []
    start = 0
    while start < count:
        end = text.find("\r\n", start)
        end = count if end < 0 else end
        out.extend(reader.line(start, end))
        if len(out) > MAX_RUNS:
            raise InputError(
                f"page {number} is drawn in more than {MAX_RUNS} separate pieces of text, "
                "too many to lay out in reasonable time; leave it out of the pages read"
            )
        start = end + 2
    runs, kept = inlaid(out, reader.char_box)
    return runs, [reader.marks[k] for k in kept]


class _RunReader:
    """Splits a text-page line where its characters' text object changes and styles runs.

    Handles are plain ints (see `pdfium_abi.by_address`) and the out-parameters are made once: the
    reader runs a few calls per line, which on a page of thousands of lines adds up."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str, halves: bool = False) -> None:
        """`text`: the page's characters one per PDFium index; `halves`: whether it may
        hold surrogates (see broadsheet/utf16.py), which a run's text must not."""
        self.handle = address(textpage.raw)
        self.text = text
        self.halves = halves
        self.fonts: dict[int, tuple[str, bool, bool]] = {}
        self.rect = pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.size = ctypes.c_float(0.0)
        self.rgba = [ctypes.c_uint(0) for _ in range(4)]
        self.marks: list[tuple[int, int]] = []  # each run's text object and fill alpha

    def _object(self, i: int) -> int:
        return text_object(self.handle, i) or NULL

    def line(self, start: int, end: int) -> list[Run]:
        """The line's runs; a hyphen drawn on its own goes with the word before it (its own
        box is a sliver that would stand on a line of its own)."""
        out: list[Run] = []
        text = self.text
        reach = -1  # the index after the last run's last character on the text page
        for a, b, obj in self._pieces(start, end):
            stretch = text[a:b]
            piece = stretch.strip()
            if obj == NULL or not piece:
                continue
            at = a + len(stretch) - len(stretch.lstrip())  # the piece's first character
            if out and piece in LINE_END_MARKS and reach == a:
                out[-1] = self._hyphen_to(out[-1], at, piece)
                reach += len(piece)
            else:
                out.append(self._run(at, piece, obj))
                reach = at + len(piece)
        return out

    def _hyphen_to(self, last: Run, at: int, hyphen: str) -> Run:
        """The run with the hyphen at `at` appended, its box reaching the hyphen's right edge
        (a word after a compound's hyphen is drawn right against it: a box stopping short
        of the hyphen would read as a space), at most an em past the word."""
        right = self._box(at, at)[2]
        right = min(max(right, last.box[2] + 1), last.box[2] + max(last.size, 1.0))
        box = (last.box[0], last.box[1], right, last.box[3])
        return last._replace(text=last.text + hyphen, box=box)

    def _pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """[a, b) stretches of one text object each, found by bisection."""
        if end <= start:
            return []
        first, last = self._object(start), self._object(end - 1)
        if first == last != NULL:  # most lines: one object
            return [(start, end, first)]
        out: list[tuple[int, int, int]] = []
        todo = [(start, end, first, last)]
        while todo:
            a, b, first, last = todo.pop()
            # Spaces PDFium generates belong to no object (NULL): a stretch from one to
            # another may hold whole words drawn glyph by glyph, so it is cut further.
            if first == last and (first != NULL or b - a == 1):
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

    def _run(self, a: int, piece: str, obj: int) -> Run:
        """The run of `piece` (stripped, from index `a` on) drawn by text object `obj`: its
        type, colour and box, asked of PDFium in as few calls as a run allows."""
        m = self.matrix
        object_matrix(obj, m)
        font_size(obj, self.size)
        key = object_font(obj) or NULL
        font, bold, italic = self.fonts.get(key) or self._font(key)
        rgba = self.rgba
        fill_colour(obj, *rgba)
        alpha = rgba[3].value
        self.marks.append((obj, alpha))
        scale_x, skew, height = m.a, m.b, math.hypot(m.c, m.d)
        upright = abs(skew) < 1e-3 * max(abs(scale_x), 1e-6) and scale_x > 0
        size = hundredth(self.size.value * height)
        colour = (rgba[0].value, rgba[1].value, rgba[2].value)
        # Fields in order (text, box, size, font, bold, italic, colour, upright, first):
        # a named tuple made by position costs half as much as by keyword.
        box = self._box(a, a + len(piece) - 1)
        text = whole(piece) if self.halves else piece
        return Run(text, box, size, font, bold, italic, colour, upright, a)

    def char_box(self, index: int) -> Box:
        return self._box(index, index)

    def _box(self, first: int, last: int) -> Box:
        """The box around two characters of a line (its first and last)."""
        rect = self.rect
        loose_char_box(self.handle, first, rect)
        box = (rect.left, rect.bottom, rect.right, rect.top)
        if last == first:
            return box
        loose_char_box(self.handle, last, rect)
        return (
            min(box[0], rect.left),
            min(box[1], rect.bottom),
            max(box[2], rect.right),
            max(box[3], rect.top),
        )

    def _font(self, key: int) -> tuple[str, bool, bool]:
        """A font's name (without its subset tag), bold and italic, kept by its handle."""
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
