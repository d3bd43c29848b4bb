"""Pictures of PDF pages for the review view: PDFium renders, the standard library encodes.

The HTML view (export/html.py) shows each page under the outlines of what was found, so a
reader sees at a glance whether a credit was taken for a headline. The page is rendered as
PDFium shows it (crop box, /Rotate), in grey: a review needs the type and the layout, and
grey pages are a third of the size. PNG is written with zlib, so no imaging library is
needed.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

import pypdfium2 as pdfium

from broadsheet.load.pdf import open_pdf

# Pixels a point: 1.5 (108 dpi) keeps body type legible in a browser at a modest size.
RENDER_SCALE = 1.5
# zlib's level for the PNG: 6 is zlib's own default (9 is slower for a few per cent).
PNG_LEVEL = 6
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GREY = 0  # PNG colour type 0: one byte a pixel


def page_pictures(
    data: bytes, name: str, numbers: Iterable[int], password: str | None = None
) -> dict[int, bytes]:
    """PNG pictures of the numbered pages (1-based), rendered as a viewer shows them."""
    pdf = open_pdf(data, name, password)
    try:
        return {n: _render(pdf, n) for n in numbers}
    finally:
        pdf.close()


def _render(pdf: pdfium.PdfDocument, number: int) -> bytes:
    page = pdf[number - 1]
    try:
        bitmap = page.render(scale=RENDER_SCALE, grayscale=True, may_draw_forms=False)
        return png_grey(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
    finally:
        page.close()


def png_grey(width: int, height: int, stride: int, pixels: bytes) -> bytes:
    """A greyscale PNG of `height` rows of `width` bytes each, `stride` bytes apart.

    >>> png = png_grey(2, 1, 4, bytes([0, 255, 9, 9]))
    >>> png[:8] == PNG_SIGNATURE, png[12:16]
    (True, b'IHDR')
    >>> zlib.decompress(png[41:-16])  # filter byte 0, then the row's two pixels
    b'\\x00\\x00\\xff'
    """
    rows = b"".join(b"\x00" + pixels[y * stride : y * stride + width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, GREY, 0, 0, 0)
    return b"".join(
        (
            PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(rows, PNG_LEVEL)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    """A PNG chunk: length, kind, body, and the CRC of kind and body."""
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
