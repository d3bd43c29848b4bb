"""A trait page plan (traits.py) as HTML/CSS, typeset into a one-page PDF by WeasyPrint.

typeset.py's page and CSS, with what the traits add: furniture in the page's margin boxes
and a section label over the grid, pictures drawn as vector graphics (a CSS box with a
background colour holding an inline SVG), caption and credit on one line or the credit
rotated along the picture's right edge, subheads, jump lines, pull quotes between rules,
bylines in a type of their own, paragraphs started by extra leading. As in typeset.py a
plan that does not fit loses text; one whose gold text is not all inside the page's box
loses text too, so the gold never claims text the PDF lacks.
"""

from __future__ import annotations

import json
import math
from html import escape
from pathlib import Path
from typing import Any

from benchmarks.pagegen.corpus import CORPUS_ROOT, load_corpus
from benchmarks.pagegen.traitgold import bare, gold_strings, quote_text, shown
from benchmarks.pagegen.traits import (
    TraitPlan,
    TStory,
    gold_traits,
    plan_traits,
    shortened_traits,
)
from benchmarks.pagegen.typeset import (
    HEADLINE_BASE_PT,
    HEADLINE_STEP_PT,
    INSIDE_PICTURE_MM,
    MAX_FIT_TRIES,
    PAGE_CSS,
    PICTURE_MM_PER_COLUMN,
    picture_png,
)

TRAITS_CSS = """
@page { @top-left { content: "%(folio)s"; font: bold 8pt 'DejaVu Sans'; }
        @top-right { content: "%(head)s"; font: 7pt 'DejaVu Sans'; }
        @bottom-center { content: "%(slug)s"; font: 5.5pt 'DejaVu Sans Mono'; } }
.section { font-family: 'DejaVu Sans'; font-weight: bold; font-size: 20pt; line-height: 1;
           border-bottom: 2pt solid #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.vector { background: #9aa8b4; }
.vector svg { display: block; }
.pic { position: relative; padding-right: 3.2mm; }
.rcredit { position: absolute; left: 100%%; margin-left: -2.6mm; transform-origin: 0 0;
           transform: rotate(-90deg); white-space: nowrap; font-family: 'DejaVu Sans';
           font-size: 5.5pt; line-height: 1; }
.credit1 { font-family: 'DejaVu Sans Mono'; font-size: 5.5pt; margin-left: 1.5em; }
.bare-byline .byline { font-style: normal; font-weight: bold; font-size: 8pt; }
.subhead { font-family: 'DejaVu Sans'; font-weight: bold; text-indent: 0; text-align: left;
           margin-top: 1.5mm; hyphens: manual; break-after: avoid; }
p.after-subhead { text-indent: 0; }
.spaced .text p { text-indent: 0; }
.spaced .text p.para + p.para { margin-top: 1.8mm; }
blockquote.ruled { font-family: 'DejaVu Serif'; font-style: italic; font-size: 13pt;
                   font-weight: bold; border-top: 1pt solid #000; border-bottom: 1pt solid #000;
                   padding: 1.5mm 0; margin: 3mm 0; line-height: 1.15; }
.jump { font-family: 'DejaVu Sans'; font-style: italic; font-size: 7.5pt; text-indent: 0;
        text-align: right; margin-top: 1.5mm; }
"""
# A picture with a rotated credit is at least as tall as the credit is long (5.5pt type,
# about this much per character) plus a margin at the picture's top.
ROTATED_CHAR_MM = 1.2
ROTATED_END_MM = 2
# Height of a picture between the header and the body: per column spanned, and at most.
BETWEEN_MM_PER_COLUMN = 18
MAX_BETWEEN_MM = 70
# The vector picture's drawing: a ridge of hills and a sun, in a 100 x 60 box stretched.
VECTOR_SVG = (
    '<svg width="100%%" height="%smm" viewBox="0 0 100 60" preserveAspectRatio="none">'
    '<path d="M0 60 L30 24 L55 48 L75 18 L100 60 Z" fill="#4a5560"/>'
    '<circle cx="78" cy="12" r="7" fill="#f0f0e8"/></svg>'
)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def html_traits(plan: TraitPlan) -> str:
    png = picture_png()
    look = plan.look
    _section, head, folio, slug = (_css_string(t) for t in look.furniture)
    css = PAGE_CSS % {"columns": plan.columns} + TRAITS_CSS % {
        "folio": folio,
        "head": head,
        "slug": slug,
    }
    classes = " ".join(
        c for c, on in (("spaced", look.spaced), ("bare-byline", look.bare_bylines)) if on
    )
    body = "".join(_story(p, plan, png) for p in plan.placements)
    return (
        f'<!DOCTYPE html><html lang="{plan.lang}"><head><meta charset="utf-8">'
        f'<style>{css}</style></head><body class="{classes}">'
        f"<div class=section>{escape(look.furniture[0])}</div>"
        f"<div class=page>{body}</div></body></html>"
    )


def _drawing(p: TStory, png: str, height_mm: int) -> str:
    if p.vector:
        return f'<div class=vector style="height:{height_mm}mm">{VECTOR_SVG % height_mm}</div>'
    return f'<img src="{png}" style="height:{height_mm}mm">'


def _figure(p: TStory, plan: TraitPlan, png: str, height_mm: int) -> str:
    s = p.story
    caption, credit = escape(s.caption or ""), escape(shown(s.credit, plan.look.bare_credits) or "")
    if p.rotated and credit:
        height_mm = max(height_mm, math.ceil(len(credit) * ROTATED_CHAR_MM) + ROTATED_END_MM)
        rotated = f'<span class=rcredit style="top:{height_mm}mm">{credit}</span>'
        drawing = _drawing(p, png, height_mm)
        return (
            f"<figure><div class=pic>{drawing}{rotated}</div>"
            f"<p class=caption>{caption}</p></figure>"
        )
    drawing = _drawing(p, png, height_mm)
    if p.one_line and credit:
        return (
            f"<figure>{drawing}<p class=caption>{caption}"
            f"<span class=credit1>{credit}</span></p></figure>"
        )
    return f"<figure>{drawing}<p class=caption>{caption}</p><p class=credit>{credit}</p></figure>"


def _header(p: TStory) -> list[str]:
    s = p.story
    size = HEADLINE_BASE_PT + HEADLINE_STEP_PT * min(p.span, 4)
    parts = [f"<div class=kicker>{escape(s.kicker)}</div>"] if s.kicker else []
    parts.append(f'<h2 style="font-size:{size}pt">{escape(s.headline)}</h2>')
    if s.teaser:
        parts.append(f"<p class=teaser>{escape(s.teaser)}</p>")
    return parts


def _story(p: TStory, plan: TraitPlan, png: str) -> str:
    s = p.story
    parts = [f'<section class="story {s.type}" style="grid-column: span {p.span}">']
    if p.picture == "top":
        parts.append(_figure(p, plan, png, PICTURE_MM_PER_COLUMN * p.span))
    parts += _header(p)
    if p.picture == "between":
        height = min(BETWEEN_MM_PER_COLUMN * p.span, MAX_BETWEEN_MM)
        parts.append(_figure(p, plan, png, height))
    byline = shown(s.byline, plan.look.bare_bylines)
    if byline:
        parts.append(f"<p class=byline>{escape(byline)}</p>")
    parts.append(f'<div class=text style="columns: {p.span}">')
    parts += _body(p, plan, png)
    parts.append("</div></section>")
    return "".join(parts)


def _body(p: TStory, plan: TraitPlan, png: str) -> list[str]:
    s = p.story
    parts = []
    quote = quote_text(p)
    for k, text in enumerate(p.paragraphs):
        parts.append(_paragraph(text, k, p, s.type == "box"))
        if k == 0 and p.picture == "inside":
            parts.append(_figure(p, plan, png, INSIDE_PICTURE_MM))
        if k == p.quote_after and quote:
            parts.append(f"<blockquote class=ruled><p>{escape(quote)}</p></blockquote>")
    if s.type == "box" and s.agency:
        parts.append(f"<p class=agency>{escape(s.agency)}</p>")
    parts += [f"<p class=note>{escape(n)}</p>" for n in (s.note,) if n]
    if p.jump:
        parts.append(f"<p class=jump>{escape(p.jump)}</p>")
    return parts


def _paragraph(text: str, k: int, p: TStory, box: bool) -> str:
    if k in p.subheads:
        return f"<p class=subhead>{escape(text)}</p>"
    cls = "para first" if k == 0 else "para after-subhead" if k - 1 in p.subheads else "para"
    head, sep, rest = text.partition(": ")
    if box and sep and len(head.split()) <= 4:
        return f'<p class="{cls}"><b>{escape(head)}:</b> {escape(rest)}</p>'
    return f'<p class="{cls}">{escape(text)}</p>'


def shows_gold(pdf: bytes, plan: TraitPlan) -> bool:
    """Whether the text PDFium finds inside the one page's box holds all the gold claims."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        width, height = doc[0].get_size()
        text = bare(str(doc[0].get_textpage().get_text_bounded(0, 0, width, height)))
    finally:
        doc.close()
    return all(bare(t) in text for t in gold_strings(gold_traits(plan)))


def typeset_traits(plan: TraitPlan, pdf_path: Path) -> TraitPlan:
    """Write the plan as a one-page PDF, shortening it until it fits and shows all its
    gold; the plan that did."""
    from weasyprint import HTML

    current: TraitPlan | None = plan
    for _ in range(MAX_FIT_TRIES):
        if current is None:
            break
        document = HTML(string=html_traits(current)).render()
        if len(document.pages) == 1:
            pdf = document.write_pdf()
            if shows_gold(pdf, current):
                pdf_path.write_bytes(pdf)
                return current
        current = shortened_traits(current)
    raise RuntimeError(f"trait page with seed {plan.seed} cannot be made to fit one page")


def generate_traits(
    lang: str, seed: int, out: Path, corpus: Path = CORPUS_ROOT
) -> tuple[Path, dict[str, Any]]:
    """One trait page's PDF and gold, typeset once and then read from `out`."""
    pdf, gold_path = out / f"{lang}-{seed:04d}.pdf", out / f"{lang}-{seed:04d}.gold.json"
    if not (pdf.exists() and gold_path.exists()):
        out.mkdir(parents=True, exist_ok=True)
        plan = typeset_traits(plan_traits(load_corpus(lang, corpus), seed, lang), pdf)
        gold = gold_traits(plan)
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    return pdf, json.loads(gold_path.read_text("utf-8"))
