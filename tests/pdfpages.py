"""Building PDF pages from hand-placed runs in tests: a run placed as a typesetter would
set it (tests/test_pdf_frames.py, test_pdf_margins.py, test_pdf_layout.py,
test_pictures.py)."""

from __future__ import annotations

from broadsheet.page import Run

BODY = 8.6
LEAD = 10.5
WIDTH, HEIGHT = 600.0, 800.0


def run(
    text: str,
    left: float,
    base: float,
    width: float | None = None,
    size: float = BODY,
    font: str = "Serif",
    bold: bool | None = None,
    italic: bool = False,
    upright: bool = True,
) -> Run:
    """A run whose loose box starts at `left` with its bottom on `base`: `width` wide, else
    half an em a character; set up the page where not `upright` (the box tall and narrow).
    Bold where told, else where the font's name says so."""
    w = width if width is not None else 0.5 * size * len(text)
    box = (left, base, left + w, base + size * 1.15)
    if not upright:
        box = (left, base, left + size * 1.15, base + w)
    bold = "Bold" in font if bold is None else bold
    return Run(text, box, size, font, bold, italic, (0, 0, 0), upright, 0)
