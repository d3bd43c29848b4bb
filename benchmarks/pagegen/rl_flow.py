"""ReportLab pieces for rl_page.py: fonts, paragraph styles, the picture and pull-quote
flowables, and text flowed into balanced columns.

Platypus's frames fill one column after another; a newspaper story's columns end level.
`balance` finds the lowest column height at which a story's body (paragraphs, subheads, a
picture or pull quote that must not split) fits its columns, by flowing it at trial
heights; `Flowed` is the result, drawn where the page puts it.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

# ReportLab fonts (regular, bold, italic) of each family rl_plan draws: the standard Type1
# fonts by name, DejaVu by its TrueType file's stem (found with fc-list).
FAMILIES = {
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "DejaVu Serif": ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"),
    "DejaVu Serif Condensed": (
        "DejaVuSerifCondensed",
        "DejaVuSerifCondensed-Bold",
        "DejaVuSerifCondensed-Italic",
    ),
    "DejaVu Sans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
    "DejaVu Sans Condensed": (
        "DejaVuSansCondensed",
        "DejaVuSansCondensed-Bold",
        "DejaVuSansCondensed-Oblique",
    ),
}
HYPHENATION = {"de": "de_DE", "en": "en_US"}
# A column this narrow (points) hyphenates even display type, as Typst's pages do.
NARROW_PT = 60 * mm
# Trial heights of a balanced body differ by this much (points).
BALANCE_STEP_PT = 1.0


@cache
def _font_files() -> dict[str, Path]:
    listed = subprocess.run(
        ["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=False
    ).stdout
    return {Path(f).stem: Path(f) for f in listed.splitlines() if f.endswith(".ttf")}


def faces(family: str) -> tuple[str, str, str]:
    """The family's regular, bold and italic font names, registered with ReportLab once."""
    names = FAMILIES[family]
    for name in names:
        if name in pdfmetrics.getRegisteredFontNames() or name in pdfmetrics.standardFonts:
            continue
        path = _font_files().get(name)
        if path is None:
            raise FileNotFoundError(f"fc-list finds no {name}.ttf for the ReportLab pages")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return names


def style(
    font: str,
    size: float,
    leading: float,
    *,
    align: int = TA_LEFT,
    lang: str | None = None,
    indent: float = 0.0,
    before: float = 0.0,
    keep: bool = False,
) -> ParagraphStyle:
    """A paragraph style; `lang` hyphenates with pyphen (ReportLab's own hookup)."""
    return ParagraphStyle(
        f"{font}-{size}",
        fontName=font,
        fontSize=size,
        leading=size * leading,
        alignment=align,
        firstLineIndent=indent,
        spaceBefore=before,
        keepWithNext=int(keep),
        hyphenationLang=HYPHENATION.get(lang or "", ""),
        embeddedHyphenation=1 if lang else 0,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph: escaped, so nothing in it is read as markup."""
    return Paragraph(escape(text), st)


JUSTIFY, RIGHT = TA_JUSTIFY, TA_RIGHT


@cache
def picture_image() -> object:
    """A radial grey gradient: the raster kind of picture (an image XObject)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.radial_gradient("L").resize((120, 80)).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return ImageReader(io.BytesIO(buf.getvalue()))


class Picture(Flowable):  # type: ignore[misc]
    """A picture with its caption, and its credit under it (right-aligned), on the
    caption's line, or set upright along the picture's right edge."""

    def __init__(self, width: float, height: float, caption: Paragraph, credit: object) -> None:
        super().__init__()
        self.width, self.pic_h, self.caption = width, height, caption
        self.credit = credit  # a Paragraph under the caption, a (text, font, size), or None
        self.vector = False

    def getSpaceBefore(self) -> float:
        return 2 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.cap_h = self.caption.wrap(self.width, avail_h)[1]
        self.credit_h = self.credit.wrap(self.width, avail_h)[1] if self._under() else 0.0
        self.height = self.pic_h + 1.5 * mm + self.cap_h + self.credit_h + 2 * mm
        return self.width, self.height

    def _under(self) -> bool:
        return isinstance(self.credit, Paragraph)

    def draw(self) -> None:
        c: Canvas = self.canv
        side = 3 * mm if isinstance(self.credit, tuple) else 0.0
        y = self.height - self.pic_h
        w = self.width - side
        if self.vector:
            c.setFillGray(0.78)
            c.rect(0, y, w, self.pic_h, stroke=0, fill=1)
            c.setFillGray(0.45)
            path = c.beginPath()
            path.moveTo(0, y)
            for fx, fy in ((0.3, 0.6), (0.55, 0.2), (0.75, 0.7), (1.0, 0.0)):
                path.lineTo(w * fx, y + self.pic_h * fy)
            c.drawPath(path, stroke=0, fill=1)
            c.setFillGray(0.95)
            c.circle(w * 0.72, y + self.pic_h * 0.82, self.pic_h / 9, stroke=0, fill=1)
        else:
            c.drawImage(picture_image(), 0, y, w, self.pic_h)
        c.setFillGray(0)
        if side:
            text, font, size = self.credit
            c.saveState()
            c.translate(self.width - 0.6 * mm, y)
            c.rotate(90)
            c.setFont(font, size)
            c.drawString(0, 0, text)
            c.restoreState()
        self.caption.drawOn(c, 0, self.credit_h + 2 * mm)
        if self._under():
            self.credit.drawOn(c, 0, 1.5 * mm)


class PullQuote(Flowable):  # type: ignore[misc]
    """A quote from the story set large between two rules; never split over columns."""

    def __init__(self, quote: Paragraph) -> None:
        super().__init__()
        self.quote = quote

    def getSpaceBefore(self) -> float:
        return 2 * mm

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        self.quote_h = self.quote.wrap(avail_w, avail_h)[1]
        self.height = self.quote_h + 6 * mm
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        c.setLineWidth(0.8)
        for y in (1 * mm, self.height - 1 * mm):
            c.line(0, y, self.width, y)
        self.quote.drawOn(c, 0, 3 * mm)


@dataclass
class Flowed:
    """A body flowed into columns: per column, its flowables with their tops (points down
    from the column's top) and heights, as last wrapped."""

    columns: list[list[tuple[Flowable, float, float]]]
    height: float
    width: float


def flow(body: list[Flowable], n: int, width: float, height: float) -> Flowed | None:
    """The body flowed into `n` columns `height` high, or None if it does not fit."""
    todo = list(body)
    columns: list[list[tuple[Flowable, float, float]]] = []
    while todo and len(columns) < n:
        column: list[tuple[Flowable, float, float]] = []
        y = 0.0
        while todo:
            f = todo[0]
            gap = f.getSpaceBefore() if column else 0.0
            h = f.wrap(width, height)[1]
            if y + gap + h <= height and not _orphaned(f, todo, width, height - y - gap - h):
                column.append((f, y + gap, h))
                y += gap + h
                todo.pop(0)
                continue
            parts = f.split(width, height - y - gap) if isinstance(f, Paragraph) else []
            if len(parts) == 2:
                column.append((parts[0], y + gap, parts[0].wrap(width, height)[1]))
                todo[0] = parts[1]
            break
        columns.append(column)
    return None if todo else Flowed(columns, height, width)


def _orphaned(f: Flowable, todo: list[Flowable], width: float, left: float) -> bool:
    """A subhead with no line of its text under it in the same column."""
    if not f.getKeepWithNext() or len(todo) < 2:
        return False
    nxt = todo[1]
    line = nxt.style.leading if isinstance(nxt, Paragraph) else nxt.wrap(width, 1e6)[1]
    return left < nxt.getSpaceBefore() + line


def balance(body: list[Flowable], n: int, width: float, limit: float) -> Flowed | None:
    """The body in `n` columns of about the lowest height (up to `limit`) that holds it:
    a bisection, since a taller column holds at least as much (but for a subhead or a
    picture pushed on, so only a height that was tried and fitted is returned)."""
    total = sum(f.wrap(width, limit)[1] + f.getSpaceBefore() for f in body)
    low = max(total / n, max((f.wrap(width, limit)[1] for f in body), default=0.0)) - 1
    best = flow(body, n, width, limit)
    if best is None:
        return None
    high = limit
    while high - low > BALANCE_STEP_PT:
        mid = (low + high) / 2
        flowed = flow(body, n, width, mid)
        if flowed is None:
            low = mid
        else:
            best, high = flowed, mid
    return best


def draw_flowed(c: Canvas, flowed: Flowed, x: float, top: float, pitch: float) -> None:
    """Draw the columns from `x` (left of the first) and `top` (page y), `pitch` apart.
    Each flowable is wrapped again first: a later trial height may have split it."""
    for k, column in enumerate(flowed.columns):
        for f, y, h in column:
            f.wrap(flowed.width, flowed.height)
            f.drawOn(c, x + k * pitch, top - y - h)


# A text operator in ReportLab's page code: word spacing, font and size, or a string shown.
_TEXT_OP = re.compile(r"(-?[\d.]+) Tw|/(\S+) ([\d.]+) Tf|\(((?:\\.|[^\\()])*)\) Tj")


def flat_word_spacing(code: str) -> str:
    """The page code with ReportLab's word spacing (`Tw`, how it justifies a line) written
    as TJ shifts after each space instead. PDFium drops `Tw` when it writes a page's stream
    again, so the stream-shuffled copy (reorder.py) of a justified page showed its lines
    ragged and overprinted; with TJ both copies draw every glyph where ReportLab put it."""
    state = {"tw": 0.0, "size": 0.0}

    def swap(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            state["tw"] = float(m.group(1))
            return ""
        if m.group(2) is not None:
            state["size"] = float(m.group(3))
            return m.group(0)
        if not state["tw"] or not state["size"]:
            return m.group(0)
        shift = f" {-state['tw'] * 1000 / state['size']:.3f} "
        words = m.group(4).split(" ")
        return "[" + shift.join(f"({w} )" for w in words[:-1]) + f"{shift}({words[-1]})] TJ"

    return _TEXT_OP.sub(swap, code)
