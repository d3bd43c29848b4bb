"""PDFium functions called on plain int handles, for the readers in load/pdf.py and
load/paint.py.

pypdfium2's own wrappers return pointer objects that cost a cast to compare; these take
and return handles as ints, which is what a page's thousands of calls can afford.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as pdfium_c

NULL = 0


def address(pointer: Any) -> int:
    """A ctypes pointer (a PDFium handle, or a function) as a plain int."""
    return ctypes.cast(pointer, ctypes.c_void_p).value or NULL


def by_address(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """PDFium function `fn` called with and returning handles as plain ints: pypdfium2's
    own returns a pointer object that costs a cast to compare, on every character looked
    up (the bisection calls it hundreds of times a page)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(fn))


HANDLE = ctypes.c_void_p
_FLOATS4 = [ctypes.POINTER(ctypes.c_float)] * 4
text_object = by_address(pdfium_c.FPDFText_GetTextObject, HANDLE, HANDLE, ctypes.c_int)
object_font = by_address(pdfium_c.FPDFTextObj_GetFont, HANDLE, HANDLE)
object_matrix = by_address(
    pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, HANDLE, ctypes.POINTER(pdfium_c.FS_MATRIX)
)
font_size = by_address(
    pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, HANDLE, ctypes.POINTER(ctypes.c_float)
)
fill_colour = by_address(
    pdfium_c.FPDFPageObj_GetFillColor, ctypes.c_int, HANDLE, *[ctypes.POINTER(ctypes.c_uint)] * 4
)
loose_char_box = by_address(
    pdfium_c.FPDFText_GetLooseCharBox,
    ctypes.c_int,
    HANDLE,
    ctypes.c_int,
    ctypes.POINTER(pdfium_c.FS_RECTF),
)
page_object = by_address(pdfium_c.FPDFPage_GetObject, HANDLE, HANDLE, ctypes.c_int)
form_object = by_address(pdfium_c.FPDFFormObj_GetObject, HANDLE, HANDLE, ctypes.c_ulong)
form_count = by_address(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int, HANDLE)
object_type = by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, HANDLE)
object_bounds = by_address(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, HANDLE, *_FLOATS4)
draw_mode = by_address(
    pdfium_c.FPDFPath_GetDrawMode,
    ctypes.c_int,
    HANDLE,
    ctypes.POINTER(ctypes.c_int),
    ctypes.POINTER(ctypes.c_int),
)
render_mode = by_address(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int, HANDLE)
has_transparency = by_address(pdfium_c.FPDFPageObj_HasTransparency, ctypes.c_int, HANDLE)


def fill_rgba(obj: int, rgba: Sequence[ctypes.c_uint] = ()) -> tuple[int, int, int, int]:
    """A page object's fill colour and alpha, 0-255 each (into `rgba` where given)."""
    rgba = rgba or [ctypes.c_uint(0) for _ in range(4)]
    fill_colour(obj, *rgba)
    return (rgba[0].value, rgba[1].value, rgba[2].value, rgba[3].value)
