"""A page plan as HTML/CSS, typeset into a one-page PDF by WeasyPrint.

WeasyPrint (BSD) lays the text out with Pango: `hyphens: auto` hyphenates by the
language's rules (pyphen's dictionaries) and the fonts' ligatures are set, as in a real
newspaper PDF. Text that does not fit is taken out of the plan, never clipped, so the gold
written from the plan is exactly what the PDF shows.
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

from benchmarks.pagegen.compose import PagePlan, Placement, shortened

PAGE_CSS = """
@page { size: 315mm 470mm; margin: 12mm; }
body { font-family: 'DejaVu Serif'; font-size: 8.6pt; line-height: 1.22; margin: 0; }
.page { display: grid; grid-template-columns: repeat(%(columns)d, minmax(0, 1fr)); column-gap: 4mm;
        row-gap: 6mm; align-items: start; }
.story { border-top: 0.6pt solid #000; padding-top: 2mm; min-width: 0; }
.text { column-gap: 4mm; }
p { margin: 0; text-align: justify; hyphens: auto; text-indent: 1em; }
p.first, .box p { text-indent: 0; }
.kicker { font-family: 'DejaVu Sans'; font-size: 9pt; margin-bottom: 1mm; }
h2 { font-family: 'DejaVu Sans'; font-weight: bold; margin: 0 0 2mm; line-height: 1.1; }
.teaser { font-family: 'DejaVu Sans'; font-weight: bold; font-size: 10pt; text-indent: 0;
          margin-bottom: 2mm; text-align: left; hyphens: manual; }
.byline { font-family: 'DejaVu Sans'; font-style: italic; text-indent: 0; margin-bottom: 2mm;
          text-align: left; }
figure { margin: 0 0 2mm; break-inside: avoid; }
figure img { width: 100%%; display: block; }
.credit { font-family: 'DejaVu Sans'; font-size: 6pt; text-align: right; text-indent: 0; }
.caption { font-family: 'DejaVu Sans'; font-size: 7.5pt; text-indent: 0; text-align: left;
           hyphens: manual; }
blockquote { font-family: 'DejaVu Sans'; font-size: 12pt; font-weight: bold; margin: 2mm 0;
             break-inside: avoid; }
blockquote p { text-indent: 0; text-align: left; hyphens: manual; }
.box { background: #e8e8e0; padding: 2mm; border-top: none; }
.agency { text-align: right; text-indent: 0; }
.note { font-style: italic; text-indent: 0; margin-top: 2mm; }
"""
# Headline size in points: a base plus a step per column the story spans.
HEADLINE_BASE_PT = 13
HEADLINE_STEP_PT = 4
PICTURE_MM_PER_COLUMN = 22
INSIDE_PICTURE_MM = 32
MAX_FIT_TRIES = 60


def picture_png() -> str:
    """A small grey gradient as a PNG data URI: a real image object in the PDF."""
    from PIL import Image

    img = Image.linear_gradient("L").resize((96, 64)).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def html_of(plan: PagePlan) -> str:
    png = picture_png()
    body = "".join(_story(p, png) for p in plan.placements)
    css = PAGE_CSS % {"columns": plan.columns}
    return (
        f'<!DOCTYPE html><html lang="{plan.lang}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body><div class=page>{body}</div></body></html>"
    )


def _figure(p: Placement, png: str, height_mm: int) -> str:
    s = p.story
    return (
        f'<figure><img src="{png}" style="height:{height_mm}mm">'
        f"<p class=caption>{escape(s.caption or '')}</p>"
        f"<p class=credit>{escape(s.credit or '')}</p></figure>"
    )


def _story(p: Placement, png: str) -> str:
    s = p.story
    size = HEADLINE_BASE_PT + HEADLINE_STEP_PT * min(p.span, 4)
    parts = [f'<section class="story {s.type}" style="grid-column: span {p.span}">']
    if p.picture == "top":
        parts.append(_figure(p, png, PICTURE_MM_PER_COLUMN * p.span))
    if s.kicker:
        parts.append(f"<div class=kicker>{escape(s.kicker)}</div>")
    parts.append(f'<h2 style="font-size:{size}pt">{escape(s.headline)}</h2>')
    if s.teaser:
        parts.append(f"<p class=teaser>{escape(s.teaser)}</p>")
    if s.byline:
        parts.append(f"<p class=byline>{escape(s.byline)}</p>")
    parts.append(f'<div class=text style="columns: {p.span}">')
    for k, para in enumerate(s.paragraphs):
        parts.append(_paragraph(para, k, s.type == "box"))
        if k == 0 and p.picture == "inside":
            parts.append(_figure(p, png, INSIDE_PICTURE_MM))
        if k == p.quote_after and s.pull_quote:
            parts.append(f"<blockquote><p>{escape(s.pull_quote)}</p></blockquote>")
    if s.type == "box" and s.agency:
        parts.append(f"<p class=agency>{escape(s.agency)}</p>")
    if s.note:
        parts.append(f"<p class=note>{escape(s.note)}</p>")
    parts.append("</div></section>")
    return "".join(parts)


def _paragraph(text: str, k: int, box: bool) -> str:
    cls = " class=first" if k == 0 else ""
    head, sep, rest = text.partition(": ")
    if box and sep and len(head.split()) <= 4:
        return f"<p{cls}><b>{escape(head)}:</b> {escape(rest)}</p>"
    return f"<p{cls}>{escape(text)}</p>"


def typeset(plan: PagePlan, pdf_path: Path) -> PagePlan:
    """Write the plan as a one-page PDF, shortening it until it fits; the plan that fitted."""
    from weasyprint import HTML

    current: PagePlan | None = plan
    for _ in range(MAX_FIT_TRIES):
        if current is None:
            break
        document = HTML(string=html_of(current)).render()
        if len(document.pages) == 1:
            document.write_pdf(pdf_path)
            return current
        current = shortened(current)
    raise RuntimeError(f"page with seed {plan.seed} cannot be made to fit one page")
