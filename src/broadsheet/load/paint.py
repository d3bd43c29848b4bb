"""A PDF page's objects in paint order: the shapes the layout reads, and what lies over and
under each text object, for telling the text no reader sees (load/hidden.py).

PDFium counts a page's objects in the order the content stream paints them; a form
XObject's objects are painted in its place, so the walk goes into forms and numbers every
object in one sequence. Each object costs two calls (its handle and type), paths and
images a third (their bounds); what else the hidden test needs of an object (its fill,
opacity, outline) is asked only of the few objects that could hide a run.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from broadsheet.load.pdfium_abi import (
    NULL,
    address,
    draw_mode,
    fill_rgba,
    form_count,
    form_object,
    object_bounds,
    object_matrix,
    object_type,
    page_object,
)
from broadsheet.model import Box
from broadsheet.page import Shape

# Objects looked at per page, form contents included: a map or chart drawn in thousands
# of paths adds nothing the layout needs beyond its first ones (text objects past it are
# simply not tested for being painted over).
MAX_SHAPES = 5000
# Forms nested deeper than this are not entered (their objects are neither shapes nor
# tested against); real pages nest one or two deep.
MAX_FORM_DEPTH = 4
# A path thinner than this (points) is a rule, not a frame or a tint.
RULE_MAX_PT = 2.0
WHITE = (255, 255, 255)
# A filled rectangle is a tint behind text only if it is this light (sum of R, G, B).
MIN_TINT = 450
_PATH, _IMAGE, _SHADING = (
    pdfium_c.FPDF_PAGEOBJ_PATH,
    pdfium_c.FPDF_PAGEOBJ_IMAGE,
    pdfium_c.FPDF_PAGEOBJ_SHADING,
)
_TEXT, _FORM = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM
# A form's matrix: a, b, c, d, e, f as in PDF (x' = a x + c y + e, y' = b x + d y + f).
Matrix = tuple[float, float, float, float, float, float]


class Painted(NamedTuple):
    """A path (not a rule), image or shading, at its place in the paint order."""

    order: int
    box: Box  # in page space, also inside a form
    handle: int
    kind: int  # PDFium's object type
    nested: bool  # inside a form (whose matrix its outline would need)


@dataclass(slots=True)
class Paint:
    """The page's objects in paint order: the place of each text object, the paths,
    images and shadings that may lie over or under text, and the layout's shapes (the
    page's top level, and images inside forms too: a layout program may place each photo
    as a form of its own; a form's paths stay out, as a logo's or an ad's many pieces)."""

    order: dict[int, int] = field(default_factory=dict)  # text object handle -> place
    painted: list[Painted] = field(default_factory=list)  # by place
    shapes: list[Shape] = field(default_factory=list)
    seen: int = 0


def walk(raw_page: object) -> Paint:
    """Every object of the page, forms entered, up to MAX_SHAPES in all."""
    paint = Paint()
    handle = address(raw_page)
    edges = [ctypes.c_float(0.0) for _ in range(4)]
    for i in range(min(pdfium_c.FPDFPage_CountObjects(raw_page), MAX_SHAPES)):
        obj = page_object(handle, i) or NULL
        _visit(paint, obj, edges, None, 0)
        if paint.seen >= MAX_SHAPES:
            break
    return paint


def _visit(
    paint: Paint, obj: int, edges: Sequence[ctypes.c_float], matrix: Matrix | None, depth: int
) -> None:
    """One object: a text object's place, a path's or image's box (and its shape: an
    image's anywhere, a path's at the top level), a form's objects in turn."""
    kind = object_type(obj)
    place = paint.seen
    paint.seen += 1
    if kind == _TEXT:
        paint.order[obj] = place
    elif kind == _FORM:
        if depth < MAX_FORM_DEPTH:
            _visit_form(paint, obj, edges, matrix, depth)
    elif kind in (_PATH, _IMAGE, _SHADING) and object_bounds(obj, *edges):
        box: Box = (edges[0].value, edges[1].value, edges[2].value, edges[3].value)
        if matrix is not None:
            box = _transformed(box, matrix)
        thin = min(box[2] - box[0], box[3] - box[1]) < RULE_MAX_PT
        if kind == _IMAGE or (matrix is None and kind != _SHADING):
            paint.shapes.append(_shape(obj, kind, box, thin))
        if not (thin and kind == _PATH):
            paint.painted.append(Painted(place, box, obj, kind, matrix is not None))


def _visit_form(
    paint: Paint, obj: int, edges: Sequence[ctypes.c_float], matrix: Matrix | None, depth: int
) -> None:
    """A form's objects, in its place, with their boxes taken to page space."""
    m = pdfium_c.FS_MATRIX()
    object_matrix(obj, m)
    own: Matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
    inner = own if matrix is None else _compose(own, matrix)
    for j in range(form_count(obj)):
        if paint.seen >= MAX_SHAPES:
            return
        _visit(paint, form_object(obj, j) or NULL, edges, inner, depth + 1)


def _shape(obj: int, kind: int, box: Box, thin: bool) -> Shape:
    if kind == _IMAGE:
        return Shape("image", box, None)
    if thin:
        return Shape("rule", box, None)
    paint = _paint(obj)
    tint = paint if paint is not None and sum(paint) >= MIN_TINT else None
    return Shape("rect", box, tint, paint is not None)


def _paint(obj: int) -> tuple[int, int, int] | None:
    """The colour a path is filled with; None if it is not filled, or filled invisibly
    (transparent, or white on the white page). Only a light one is a tint text is set on
    (MIN_TINT); a darker one may be a picture drawn in vectors (load/drawings.py)."""
    mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
    draw_mode(obj, mode, stroke)
    if mode.value == 0:
        return None
    red, green, blue, alpha = fill_rgba(obj)
    colour = (red, green, blue)
    return None if alpha == 0 or colour == WHITE else colour


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer` (a form's matrix inside another form)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _transformed(box: Box, m: Matrix) -> Box:
    """The box around `box`'s corners taken through the matrix."""
    xs, ys = [], []
    for x in (box[0], box[2]):
        for y in (box[1], box[3]):
            xs.append(m[0] * x + m[2] * y + m[4])
            ys.append(m[1] * x + m[3] * y + m[5])
    return (min(xs), min(ys), max(xs), max(ys))
