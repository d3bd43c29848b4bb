"""A ReportLab page plan (rl_plan.py) typeset into a one-page PDF with ReportLab.

The third typesetter, kept away from tuning: the parser is measured on its pages, never
adjusted to them. Each row of stories is laid out on the canvas: a story's header (picture,
kicker, headline, teaser, byline) across its columns, its body flowed into balanced columns
(rl_flow.balance), boxes on a tint, a rule over each story and, on some pages, vertical
rules between stories. Rows that do not fit the page are cut from the plan (rl_plan.
shortened_rl) and the page is set again, so the gold written from the plan is exactly what
the PDF shows; a last check reads the PDF's text back and cuts again if a claim is missing.
Justified lines are written with TJ shifts rather than ReportLab's `Tw` word spacing
(rl_flow.flat_word_spacing; same pixels), so that typst_page.shuffled_copy can reorder the
stream: PDFium drops `Tw` when it writes a stream again.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from benchmarks.pagegen.rl_flow import (
    JUSTIFY,
    NARROW_PT,
    RIGHT,
    Flowed,
    Picture,
    PullQuote,
    balance,
    draw_flowed,
    faces,
    flat_word_spacing,
    flow,
    para,
    style,
)
from benchmarks.pagegen.rl_plan import RLPlan, gold_rl, plan_rl, shortened_rl
from benchmarks.pagegen.traitgold import bare, gold_strings, quote_text, shown
from benchmarks.pagegen.typst_page import shuffled_copy, stories_for
from benchmarks.pagegen.typst_plan import Story2

MARGIN_X_MM = 12.0
TOP_MM = 20.0  # running head and its rule above the text area
BOTTOM_MM = 14.0  # slug line under it
ROW_GAP_MM = 4.5
BOX_INSET_MM = 2.5
MAX_FIT_TRIES = 80
UNBOUNDED = 1e6


@dataclass
class Laid:
    """A story laid out: its width and height, header and body, and what frames it."""

    width: float
    height: float
    header: Flowed
    body: Flowed
    inset: float
    pitch: float  # column width plus gutter
    box: bool


class Setter:
    """Builds a plan's flowables and lays out its rows (each laid row is cached: the fit
    loop cuts only the last rows)."""

    def __init__(self, plan: RLPlan) -> None:
        st = self.st = plan.style
        self.lang = plan.lang
        self.body, self.body_bold, self.body_italic = faces(st.body_font)
        self.head, self.head_bold, _ = faces(st.head_font)
        self.page_w, self.page_h = st.page_mm[0] * mm, st.page_mm[1] * mm
        text_w = self.page_w - 2 * MARGIN_X_MM * mm
        self.gutter = st.gutter_mm * mm
        self.col_w = (text_w - self.gutter * (st.columns - 1)) / st.columns
        self.rows: dict[tuple[Story2, ...], tuple[float, list[Laid]]] = {}

    def text_style(self, font: str, size: float, **kw: Any) -> Any:
        return style(font, size, self.st.leading, **kw)

    def body_flowables(self, p: Story2, col_w: float) -> list[Flowable]:
        """Paragraphs, subheads, an inside picture and a pull quote, in reading order."""
        st, lang = self.st, self.lang if self.st.hyphenate else None
        align = JUSTIFY if st.justify else 0
        spaced = st.body_pt * 0.6 if st.spaced else 0.0
        first = self.text_style(self.body, st.body_pt, align=align, lang=lang)
        indent = 0.0 if st.spaced else st.body_pt
        rest = self.text_style(self.body, st.body_pt, align=align, lang=lang, indent=indent)
        rest.spaceBefore = spaced
        sub = self.text_style(self.head_bold, st.body_pt * 1.05, before=st.body_pt, keep=True)
        out: list[Flowable] = []
        for k, text in enumerate(p.paragraphs):
            if k in p.subheads:
                out.append(para(text, sub))
            else:
                out.append(para(text, first if k == 0 or k - 1 in p.subheads else rest))
            if k == 0 and p.picture == "inside":
                out.append(self.picture(p, col_w, min(col_w * 0.65, 45 * mm)))
            if k == p.quote_after:
                out.append(self.pull_quote(p, col_w))
        out += self.story_end(p)
        return out

    def story_end(self, p: Story2) -> list[Flowable]:
        s, size = p.story, self.st.body_pt
        out = []
        if s.type == "box" and s.agency:
            out.append(para(s.agency, self.text_style(self.body, size, align=RIGHT)))
        if s.note:
            out.append(para(s.note, self.text_style(self.body_italic, size, before=1.5 * mm)))
        if p.jump:
            out.append(para(p.jump, self.text_style(self.head_bold, 7.5, before=1.5 * mm)))
        return out

    def pull_quote(self, p: Story2, col_w: float) -> PullQuote:
        lang = self.lang if col_w < NARROW_PT else None
        size = self.st.body_pt * 1.4
        qs = style(self.head_bold, size, 1.15, lang=lang)
        return PullQuote(para(quote_text(p) or "", qs))

    def picture(self, p: Story2, width: float, height: float) -> Picture:
        """The story's picture; a credit too long for the edge goes under the caption."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        s = p.story
        credit = shown(s.credit, self.st.bare_credits)
        caption_style = style(self.head, 7.0, 1.2)
        mark: object = None
        fits_edge = credit and stringWidth(credit, self.head, 5.5) < height - 2 * mm
        if credit and p.rotated_credit and fits_edge:
            mark = (credit, self.head, 5.5)
        elif credit and p.one_line_caption:
            tail = f'&nbsp;&nbsp;<font name="{self.head}" size="5.5">{_esc(credit)}</font>'
            caption = Paragraph(_esc(s.caption or "") + tail, caption_style)
            pic = Picture(width, height, caption, None)
            pic.vector = p.vector
            return pic
        elif credit:
            mark = para(credit, style(self.head, 5.5, 1.2, align=RIGHT))
        pic = Picture(width, height, para(s.caption or "", caption_style), mark)
        pic.vector = p.vector
        return pic

    def header_flowables(self, p: Story2, width: float) -> list[Flowable]:
        s, st = p.story, self.st
        narrow = self.lang if width < NARROW_PT else None
        pic_h = min(width * 0.55, 65 * mm)
        out: list[Flowable] = []
        if p.picture == "top":
            out.append(self.picture(p, width, pic_h))
        if s.kicker:
            out.append(para(s.kicker, style(self.head, 8.5, 1.2, before=1 * mm)))
        size = (11.0 + 3.5 * min(p.span, 4)) * (0.85 if st.dense else 1.0)
        out.append(para(s.headline, style(self.head_bold, size, 1.1, lang=narrow, before=1 * mm)))
        if s.teaser:
            ts = self.text_style(self.body_bold, st.body_pt * 1.12, lang=narrow, before=2 * mm)
            out.append(para(s.teaser, ts))
        if p.picture == "between":
            out.append(self.picture(p, width, pic_h))
        byline = shown(s.byline, st.bare_bylines)
        if byline:
            bs = self.text_style(self.body_italic, st.body_pt * 0.95, before=1.5 * mm)
            out.append(para(byline, bs))
        return out

    def lay_story(self, p: Story2, limit: float) -> Laid | None:
        """The story at its width, or None if its body does not fit `limit` high."""
        box = p.story.type == "box"
        inset = BOX_INSET_MM * mm if box else 0.0
        width = p.span * self.col_w + (p.span - 1) * self.gutter - 2 * inset
        col_w = (width - (p.span - 1) * self.gutter) / p.span
        header = flow(self.header_flowables(p, width), 1, width, UNBOUNDED)
        body = balance(self.body_flowables(p, col_w), p.span, col_w, limit)
        if header is None or body is None:
            return None
        header.height = max((y + h for y, h in _tops(header)), default=0.0) + 2 * mm
        height = 2 * mm + header.height + body.height + 2 * inset
        return Laid(width, height, header, body, inset, col_w + self.gutter, box)

    def lay_row(self, row: tuple[Story2, ...], limit: float) -> tuple[float, list[Laid]] | None:
        if row not in self.rows:
            laid = [self.lay_story(p, limit) for p in row]
            if any(x is None for x in laid):
                return None
            self.rows[row] = (max(x.height for x in laid if x), [x for x in laid if x])
        return self.rows[row]


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def _tops(flowed: Flowed) -> list[tuple[float, float]]:
    return [(y, h) for column in flowed.columns for _f, y, h in column]


def draw_story(c: Canvas, laid: Laid, x: float, top: float) -> None:
    """A story from its top left corner: a tint behind a box, a rule over any other."""
    outer = laid.width + 2 * laid.inset
    if laid.box:
        c.setFillGray(0.9)
        c.rect(x, top - laid.height, outer, laid.height, stroke=0, fill=1)
        c.setFillGray(0)
    else:
        c.setLineWidth(0.6)
        c.line(x, top, x + outer, top)
    inner_top = top - 2 * mm - laid.inset
    draw_flowed(c, laid.header, x + laid.inset, inner_top, laid.pitch)
    draw_flowed(c, laid.body, x + laid.inset, inner_top - laid.header.height, laid.pitch)


def draw_furniture(c: Canvas, setter: Setter, furniture: tuple[str, str, str]) -> None:
    """Running head and folio over a rule at the top, the slug line at the foot."""
    head, folio, slug = furniture
    left, right = MARGIN_X_MM * mm, setter.page_w - MARGIN_X_MM * mm
    y = setter.page_h - 12 * mm
    c.setFont(setter.head_bold, 9)
    first, second = (folio, head) if setter.st.folio_left else (head, folio)
    c.drawString(left, y, first)
    c.drawRightString(right, y, second)
    c.setLineWidth(0.8)
    c.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
    c.setFont(setter.head, 6.5)
    c.drawCentredString(setter.page_w / 2, 7 * mm, slug)


def draw_page(setter: Setter, plan: RLPlan, rows: list[tuple[float, list[Laid]]]) -> bytes:
    """The page as PDF bytes: furniture, then the rows top down, stories left to right."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(setter.page_w, setter.page_h), invariant=1)
    draw_furniture(c, setter, plan.furniture)
    top = setter.page_h - TOP_MM * mm
    for height, laid in rows:
        x = MARGIN_X_MM * mm
        for k, story in enumerate(laid):
            if k and setter.st.column_rules:
                c.setLineWidth(0.4)
                c.line(x - setter.gutter / 2, top, x - setter.gutter / 2, top - height)
            draw_story(c, story, x, top)
            x += story.width + 2 * story.inset + setter.gutter
        top -= height + ROW_GAP_MM * mm
    c._code = [flat_word_spacing(code) for code in c._code]  # the page's operators so far
    c.showPage()
    c.save()
    return buf.getvalue()


def fitted_rows(setter: Setter, plan: RLPlan) -> list[tuple[float, list[Laid]]] | None:
    """Every row laid out, or None if they do not fit the text area together."""
    area = setter.page_h - (TOP_MM + BOTTOM_MM) * mm
    used, out = -ROW_GAP_MM * mm, []
    for row in plan.rows:
        laid = setter.lay_row(row, area)
        if laid is None:
            return None
        used += laid[0] + ROW_GAP_MM * mm
        if used > area:
            return None
        out.append(laid)
    return out


def shows(pdf: bytes, plan: RLPlan) -> bool:
    """Whether the PDF is one page whose text inside the page box holds every gold claim."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        if len(doc) != 1:
            return False
        width, height = doc[0].get_size()
        text = bare(str(doc[0].get_textpage().get_text_bounded(0, 0, width, height)))
    finally:
        doc.close()
    return all(bare(t) in text for t in gold_strings(gold_rl(plan)))


def typeset_rl(plan: RLPlan, pdf_path: Path) -> RLPlan:
    """Write the plan as a one-page PDF, shortening it until it fits; the plan that fitted."""
    setter = Setter(plan)
    current: RLPlan | None = plan
    for _ in range(MAX_FIT_TRIES):
        if current is None:
            break
        rows = fitted_rows(setter, current)
        if rows is not None:
            pdf = draw_page(setter, current, rows)
            if shows(pdf, current):
                pdf_path.write_bytes(pdf)
                return current
        current = shortened_rl(current)
    raise RuntimeError(f"ReportLab page with seed {plan.seed} cannot be made to fit one page")


def generate_rl(lang: str, seed: int, out: Path) -> tuple[Path, dict[str, Any]]:
    """One ReportLab page's PDF, its shuffled copy and its gold, made once, then read
    (German from the shared real news corpus, as on Typst pages: typst_page.stories_for)."""
    pdf, gold_path = out / f"{lang}-{seed:04d}.pdf", out / f"{lang}-{seed:04d}.gold.json"
    if not (pdf.exists() and gold_path.exists()):
        out.mkdir(parents=True, exist_ok=True)
        plan = typeset_rl(plan_rl(stories_for(lang), seed, lang), pdf)
        gold_path.write_text(json.dumps(gold_rl(plan), ensure_ascii=False, indent=1), "utf-8")
        shuffled_copy(pdf, seed)
    return pdf, json.loads(gold_path.read_text("utf-8"))
