"""The reader contract: what every loader hands the layout for one page.

A page is its size, its text *runs* (a stretch of one line drawn in one type, with its box
and type), and its *shapes* (rules, frames, tints, pictures), with the runs no reader sees
set apart. `load/pdf.py` makes these from a PDF with PDFium; an OCR reader (ALTO, hOCR)
would make the same from its word boxes, and `layout/` reads them without knowing which
reader it was. A page that gives no text is a `Skipped`, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from broadsheet.model import Box, HiddenReason
from broadsheet.model import Skipped as Skipped  # a page that gives no text: the model's

# The kind of shape text may stand in (a tint or a frame), and the kinds that are
# pictures (a picture may be drawn as filled paths).
FRAME_KIND = "rect"
PICTURE_KINDS = ("image", "drawing")


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
    first: int  # index of the first character on the reader's page (PDFium's text page)


@dataclass(frozen=True, slots=True)
class Shape:
    """A filled or stroked path or an image: rules, frames, tints and pictures."""

    kind: str  # "rule", "rect", "image" or "drawing" (a picture drawn as a filled path)
    box: Box
    fill: tuple[int, int, int] | None  # the tint of a filled rectangle
    painted: bool = False  # filled in a visible colour (a tint, or darker)


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """One page as geometry: its size, text runs and shapes, and the runs no reader sees
    with the reason (load/hidden.py), kept apart from `runs`. The boxes of the shapes of
    each kind the layout reads are sorted out once, when the page is made: the layout's
    stages each ask for them, and a page may have hundreds of shapes."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]
    shapes: tuple[Shape, ...]
    hidden: tuple[tuple[Run, HiddenReason], ...] = ()
    # How a viewer shows the page: its crop box (user space; None: the page's size from
    # the origin, as a reader without one would take it) and its rotation in degrees.
    crop_box: Box | None = None
    rotation: int = 0
    # Tints and frames ("rect": GBlock.frame numbers these), rules, and pictures (images
    # and drawings), each in the shapes' order.
    frames: tuple[Box, ...] = field(init=False, repr=False, compare=False)
    rules: tuple[Box, ...] = field(init=False, repr=False, compare=False)
    pictures: tuple[Box, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        shapes = self.shapes
        object.__setattr__(self, "frames", tuple(s.box for s in shapes if s.kind == FRAME_KIND))
        object.__setattr__(self, "rules", tuple(s.box for s in shapes if s.kind == "rule"))
        pictures = tuple(s.box for s in shapes if s.kind in PICTURE_KINDS)
        object.__setattr__(self, "pictures", pictures)
