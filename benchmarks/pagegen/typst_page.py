"""A Typst page plan (typst_plan.py) typeset into a one-page PDF by Typst.

A second typesetter, so that the parser is measured on pages it was not developed on: Typst
(Apache-2.0, the `typst` package bundles the compiler and its fonts) breaks lines with its
own Knuth-Plass paragraph builder and hyphenates with its own patterns, in other fonts and
grids than WeasyPrint. The page is typst_page.typ filled from a JSON spec. Typst does not
balance columns, so each multi-column body gets a block of its text's height over its
columns plus some slack lines; a body that runs over its block (seen by query markers) gets
more slack, and a plan that does not fit one page loses text (typst_plan.shortened2), so the
gold written from the plan is exactly what the PDF shows.
"""

from __future__ import annotations

import ctypes
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.pagegen.corpus import Story, load_corpus
from benchmarks.pagegen.realnews import NEWS_CSV, load_news
from benchmarks.pagegen.traitgold import bare, gold_strings, quote_text, shown
from benchmarks.pagegen.typst_plan import (
    Plan2,
    Story2,
    gold2,
    plan_page2,
    shortened2,
)

TEMPLATE = Path(__file__).with_name("typst_page.typ")
PAGE_MM = (320.0, 470.0)
MARGIN_X_MM = 12.0  # as typst_page.typ's page margin
PICTURE_MM_PER_COLUMN = 20.0
INSIDE_PICTURE_MM = 26.0
# Slack lines a balanced body starts with, and how many more one that ran over gets.
START_SLACK = 1
SLACK_STEP = 1
MAX_BALANCE_TRIES = 6
MAX_FIT_TRIES = 60
# A body's end marker may lie this far (points) below its block's bottom: its baseline.
END_TOLERANCE_PT = 2.0


def stories_for(lang: str) -> list[Story]:
    """German: real news from the shared corpus (it must be there); else the project's."""
    if lang == "de":
        if not NEWS_CSV.is_file():
            raise FileNotFoundError(f"{NEWS_CSV}: the real German news corpus is not here")
        return load_news(NEWS_CSV)
    return load_corpus(lang)


def picture_png() -> bytes:
    """A radial grey gradient as PNG: the image-object kind of picture."""
    from PIL import Image

    img = Image.radial_gradient("L").resize((120, 80)).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def spec(plan: Plan2, slack: dict[int, int]) -> dict[str, Any]:
    """The JSON the template reads: style, furniture, and each story's parts as set."""
    style = plan.style
    text_mm = PAGE_MM[0] - 2 * MARGIN_X_MM
    column_mm = (text_mm - style.gutter_mm * (style.columns - 1)) / style.columns
    rows = []
    for r, row in enumerate(plan.rows):
        out = []
        for k, p in enumerate(row):
            ident = r * 10 + k
            width = p.span * column_mm + (p.span - 1) * style.gutter_mm
            out.append(_story_spec(p, plan, ident, width, slack.get(ident, START_SLACK)))
        rows.append(out)
    return {
        "lang": plan.lang,
        "page_mm": list(PAGE_MM),
        "style": plan.style.__dict__,
        "furniture": list(plan.furniture),
        "rows": rows,
    }


def _story_spec(p: Story2, plan: Plan2, ident: int, width: float, slack: int) -> dict[str, Any]:
    s, style = p.story, plan.style
    picture = None
    if p.picture:
        height = INSIDE_PICTURE_MM if p.picture == "inside" else PICTURE_MM_PER_COLUMN * p.span
        picture = {
            "mode": p.picture,
            "vector": p.vector,
            "oneline": p.one_line_caption,
            "rotated": p.rotated_credit,
            "caption": s.caption,
            "credit": shown(s.credit, style.bare_credits),
            "height_mm": min(height, 70.0),
        }
    return {
        "id": ident,
        "span": p.span,
        "width_mm": round(width, 3),
        "box": s.type == "box",
        "kicker": s.kicker,
        "headline": s.headline,
        "teaser": s.teaser,
        "byline": shown(s.byline, style.bare_bylines),
        "paragraphs": list(p.paragraphs),
        "subheads": sorted(p.subheads),
        "picture": picture,
        "quote": quote_text(p),
        "quote_after": p.quote_after if quote_text(p) else None,
        "agency": s.agency if s.type == "box" else None,
        "note": s.note,
        "jump": p.jump,
        "slack": slack,
    }


def _compile(plan: Plan2, slack: dict[int, int], folder: Path) -> tuple[bytes, set[int]]:
    """The PDF, and the ids of the bodies that ran over their blocks."""
    import typst

    (folder / "spec.json").write_text(json.dumps(spec(plan, slack), ensure_ascii=False), "utf-8")
    main = folder / "page.typ"
    inputs = {"spec": "spec.json"}
    pdf = typst.compile(str(main), root=str(folder), sys_inputs=inputs)
    starts = json.loads(typst.query(str(main), "<bstart>", field="value", sys_inputs=inputs))
    ends = {
        e["id"]: e
        for e in json.loads(typst.query(str(main), "<bend>", field="value", sys_inputs=inputs))
    }
    over = set()
    for start in starts:
        end = ends[start["id"]]
        bottom = start["y"] + start["h"] + END_TOLERANCE_PT
        if end["page"] != start["page"] or end["y"] > bottom:
            over.add(start["id"])
    return pdf, over


def _shows(pdf: bytes, plan: Plan2) -> bool:
    """Whether the PDF is one page whose text inside the page box holds all the gold claims:
    an overlong word in display type, say, can run under a neighbour and be lost."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        if len(doc) != 1:
            return False
        width, height = doc[0].get_size()
        text = bare(str(doc[0].get_textpage().get_text_bounded(0, 0, width, height)))
    finally:
        doc.close()
    return all(bare(t) in text for t in gold_strings(gold2(plan)))


def _fitted(plan: Plan2, folder: Path) -> bytes | None:
    """The plan's one-page PDF with every body inside its block, or None if it cannot be."""
    slack: dict[int, int] = {}
    for _ in range(MAX_BALANCE_TRIES):
        pdf, over = _compile(plan, slack, folder)
        if not over:
            return pdf if _shows(pdf, plan) else None
        for ident in over:
            slack[ident] = slack.get(ident, START_SLACK) + SLACK_STEP
    return None


def typeset2(plan: Plan2, pdf_path: Path) -> Plan2:
    """Write the plan as a one-page PDF, shortening it until it fits; the plan that fitted."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "page.typ").write_text(TEMPLATE.read_text("utf-8"), "utf-8")
        (folder / "picture.png").write_bytes(picture_png())
        current: Plan2 | None = plan
        for _ in range(MAX_FIT_TRIES):
            if current is None:
                break
            pdf = _fitted(current, folder)
            if pdf is not None:
                pdf_path.write_bytes(pdf)
                return current
            current = shortened2(current)
    raise RuntimeError(f"Typst page with seed {plan.seed} cannot be made to fit one page")


def pin_colours(src: Path, dst: Path) -> None:
    """Write `src` again with every object's fill and stroke colour set explicitly (as RGB).
    Typst paints in ICC-based colour spaces, which PDFium does not write back when it
    regenerates a page's stream: reordered by reorder.py as is, a tint drawn after black
    text turned black. Pinned, the page renders to the same pixels before and after."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    getters = (
        (pdfium_c.FPDFPageObj_GetFillColor, pdfium_c.FPDFPageObj_SetFillColor),
        (pdfium_c.FPDFPageObj_GetStrokeColor, pdfium_c.FPDFPageObj_SetStrokeColor),
    )
    pdf = pdfium.PdfDocument(str(src))
    try:
        for page in pdf:
            for obj in page.get_objects(max_depth=0):
                for get, put in getters:
                    rgba = [ctypes.c_uint() for _ in range(4)]
                    if get(obj, *(ctypes.byref(v) for v in rgba)):
                        put(obj, *(v.value for v in rgba))
            page.gen_content()
        pdf.save(str(dst))
    finally:
        pdf.close()


def shuffled_copy(pdf: Path, seed: int) -> Path:
    """The page with its text blocks drawn in a shuffled order, where bench.stream_shuffled
    looks for it: reorder.shuffle_stream on the colour-pinned page, same seed."""
    from benchmarks.pagegen.reorder import shuffle_stream

    path = pdf.with_suffix(".stream.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        pinned = Path(tmp) / "pinned.pdf"
        pin_colours(pdf, pinned)
        shuffle_stream(pinned, path, seed)
    return path


def generate_typst(lang: str, seed: int, out: Path) -> tuple[Path, dict[str, Any]]:
    """One Typst page's PDF, its shuffled copy and its gold, made once, then read from `out`."""
    pdf, gold_path = out / f"{lang}-{seed:04d}.pdf", out / f"{lang}-{seed:04d}.gold.json"
    if not (pdf.exists() and gold_path.exists()):
        out.mkdir(parents=True, exist_ok=True)
        plan = typeset2(plan_page2(stories_for(lang), seed, lang), pdf)
        gold_path.write_text(json.dumps(gold2(plan), ensure_ascii=False, indent=1), "utf-8")
        shuffled_copy(pdf, seed)
    return pdf, json.loads(gold_path.read_text("utf-8"))
