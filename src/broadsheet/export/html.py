"""A page at a glance: one self-contained HTML file with the page and what was found on it.

For a PDF each page is shown as PDFium renders it (load/render.py), under an outline for
every item (coloured by type) and a dashed one for every piece of every field, paragraphs
numbered in reading order; furniture, ads and hidden text are outlined apart and can be
switched off. For a text dump, which has no picture, the dump itself is shown with the
source spans of every field marked. Beside it, a card per item; clicking an outline, a
mark or a card shows the item's fields, paragraphs and repairs (before and after); j and k
(or the arrow keys) step through the items. Everything is inline (style, script, pictures
as data URIs), so the file opens from disk with no network.

The view is made from the JSON's page objects (`page_dicts`), so it shows what the JSON
says, boxes and all.
"""

from __future__ import annotations

import base64
import bisect
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from typing import Any

from broadsheet.export.boxes import pieces, written
from broadsheet.export.html_assets import SCRIPT, STYLE
from broadsheet.export.json import LIST_FIELDS, SINGLE_FIELDS, Where, page_dicts
from broadsheet.model import FIELD_ORDER, ROUTINE_RULES, Document, Page, Traced

# The details list an item's fields in reading order, the authors after the dateline.
DETAIL_ORDER = (*FIELD_ORDER[:5], "authors", *FIELD_ORDER[5:])
# The switches beside the page: what each hides, by the class its outlines carry.
SWITCHES = (("no-furniture", "furniture"), ("no-ads", "ads"), ("no-hidden", "hidden text"))


def document_html(doc: Document, pictures: Mapping[int, bytes] | None = None) -> str:
    """The whole review view; `pictures` holds a PNG of each PDF page (by page number)."""
    pages = page_dicts(doc, explain=True)
    where = Where(doc.source) if doc.source.origins else None
    shown = [
        _page_section(d, p, doc.source.text, (pictures or {}).get(p.number), where)
        for d, p in zip(pages, doc.pages, strict=True)
    ]
    nav = "".join(f'<button data-page="{d["page"]}">page {d["page"]}</button>' for d in pages)
    title = escape(doc.source.name)
    return (
        f'<!DOCTYPE html><html lang="{_language(pages)}"><head><meta charset="utf-8">'
        f"<title>broadsheet: {title}</title><style>{STYLE}</style></head><body>"
        f'<div id="view"><nav>{nav}</nav>{"".join(shown)}</div>'
        f'<div id="side"><h2>{title}</h2>{_switches()}{_cards(pages)}'
        f"{''.join(_details(d) for d in pages)}</div>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def _language(pages: Sequence[dict[str, Any]]) -> str:
    return str(pages[0]["language"]) if pages else "de"


def _page_section(
    data: dict[str, Any], page: Page, text: str, picture: bytes | None, where: Where | None
) -> str:
    """One page: the picture with outlines, or the dump with marks."""
    inner = (
        _sheet(data, page, picture, where)
        if picture is not None and "size" in data
        else _dump(data, text)
    )
    return f'<section class="page" data-page="{data["page"]}">{inner}</section>'


def _sheet(data: dict[str, Any], page: Page, picture: bytes, where: Where | None) -> str:
    """The rendered page under its outlines (positions in per cent of the page, so they
    follow the picture however wide the window makes it)."""
    size = data["size"]
    src = "data:image/png;base64," + base64.b64encode(picture).decode("ascii")
    parts = [f'<div class="sheet"><img src="{src}" alt="page {data["page"]}">']
    for item in data["items"]:
        parts += _item_outlines(item, size)
    for kind, texts in (("furniture", page.furniture), ("ad", page.ads)):
        parts += _text_outlines(kind, texts, size, where)
    for k, hidden in enumerate(data["hidden"]):
        title = f"hidden ({hidden['reason']}): {hidden['text'][:80]}"
        parts.append(_outline(hidden["box"], size, "hidden", "t-hidden", f"h{k + 1}", title))
    parts.append("</div>")
    return "".join(parts)


def _item_outlines(item: dict[str, Any], size: Sequence[float]) -> list[str]:
    """The item's outline, then one for each piece of each field, paragraphs numbered."""
    if "box" not in item:
        return []
    cls, ident = f"t-{item['type']}", item["id"]
    out = [_outline(item["box"], size, "item", cls, ident, _label(item))]
    for name, found in item["boxes"].items():
        groups = found if name in LIST_FIELDS else [found]
        for k, boxes in enumerate(groups, start=1):
            for j, box in enumerate(boxes):
                number = str(k) if name == "paragraphs" and j == 0 else ""
                out.append(_outline(box, size, "field", cls, ident, name, number))
    return out


def _text_outlines(
    kind: str, texts: Sequence[Traced], size: Sequence[float], where: Where | None
) -> Iterator[str]:
    """Outlines of the furniture or the ads: the pieces their glyph runs make."""
    if where is None:
        return
    for text in texts:
        for box in pieces(where.boxes(text)):
            yield _outline(written(box), size, kind, f"t-{kind}", "", text.text[:80])


def _outline(
    box: Sequence[float],
    size: Sequence[float],
    kind: str,
    cls: str,
    item: str,
    title: str,
    number: str = "",
) -> str:
    """An absolutely placed outline over the picture."""
    width, height = size
    left, top = 100 * box[0] / width, 100 * box[1] / height
    w, h = 100 * (box[2] - box[0]) / width, 100 * (box[3] - box[1]) / height
    style = f"left:{left:.3f}%;top:{top:.3f}%;width:{w:.3f}%;height:{h:.3f}%"
    label = f'<span class="n">{number}</span>' if number else ""
    return (
        f'<div class="box {cls}" data-kind="{kind}" data-item="{item}" '
        f'title="{escape(title)}" style="{style}">{label}</div>'
    )


def _label(item: dict[str, Any]) -> str:
    """An item's name in a list: its id, type and the first of its heads or text."""
    first = next((item[f] for f in ("headline", "kicker", "caption") if f in item), "")
    if not first and item.get("paragraphs"):
        first = item["paragraphs"][0]
    return f"{item['id']} {item['type']}: {str(first)[:60]}"


def _dump(data: dict[str, Any], text: str) -> str:
    """The page's dump text with each field's source spans marked and coloured by the
    field's role (headline, paragraph, caption ...); the rest of the text is shown as it
    is."""
    start, end = data["span"]
    marks = sorted(_marks(data["items"]))
    out: list[str] = []
    at = start
    for a, b, item, field in marks:
        a, b = max(a, at), min(b, end)
        if a >= b:
            continue  # overlapping a mark already made: its text is shown there
        out.append(escape(text[at:a]))
        out.append(
            f'<mark class="box f-{field}" data-kind="field" data-item="{item}" '
            f'title="{item} {field}">{escape(text[a:b])}</mark>'
        )
        at = b
    out.append(escape(text[at:end]))
    return f'<div class="dump">{"".join(out)}</div>'


def _marks(items: Sequence[dict[str, Any]]) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, item id, field) of every source span of every field."""
    for item in items:
        for name, spans in item["provenance"].items():
            flat = [s for group in spans for s in group] if name in LIST_FIELDS else spans
            for a, b in flat:
                yield a, b, item["id"], name


def _switches() -> str:
    boxes = "".join(
        f'<label><input type="checkbox" checked data-hide="{cls}"> {what}</label> '
        for cls, what in SWITCHES
    )
    return (
        f"<p>{boxes}<br><small>click an outline; j/k or the arrow keys: next, previous</small></p>"
    )


def _cards(pages: Sequence[dict[str, Any]]) -> str:
    """A card per item, page after page, in output order."""
    cards = [
        f'<div class="card t-{item["type"]}" data-item="{item["id"]}" '
        f'data-page="{page["page"]}">{escape(_label(item))}</div>'
        for page in pages
        for item in page["items"]
    ]
    return "".join(cards)


def _details(page: dict[str, Any]) -> str:
    """Each item's fields, numbered paragraphs and repairs, shown when it is chosen; then
    the page's furniture, ads and hidden runs."""
    repairs = _repairs_by_item(page)
    parts = [_detail(item, repairs.get(item["id"], [])) for item in page["items"]]
    extras = [("furniture", page["furniture"]), ("ads", page["ads"])]
    extras.append(("hidden", [f"{h['text']} ({h['reason']})" for h in page["hidden"]]))
    for name, texts in extras:
        if texts:
            rows = "".join(f"<li>{escape(t)}</li>" for t in texts)
            parts.append(f"<h4>page {page['page']}: {name}</h4><ul>{rows}</ul>")
    return "".join(parts)


def _detail(item: dict[str, Any], repairs: list[dict[str, Any]]) -> str:
    rows = [f"<h3>{escape(item['id'])} {item['type']}</h3>"]
    for name in DETAIL_ORDER:
        value = item.get(name)
        if value is None:
            continue
        if name in (*LIST_FIELDS, "authors"):
            listed = "".join(f"<li>{escape(v)}</li>" for v in value)
            rows.append(f'<div class="field"><b>{name}</b><ol>{listed}</ol></div>')
        elif name in SINGLE_FIELDS:
            rows.append(f'<div class="field"><b>{name}</b>: {escape(value)}</div>')
    for r in repairs:
        before, after = escape(repr(r["before"])), escape(repr(r["after"]))
        rows.append(
            f'<div class="repair">{r["rule"]}: <del>{before}</del> → <ins>{after}</ins></div>'
        )
    return f'<div class="detail" data-item="{item["id"]}">{"".join(rows)}</div>'


def _repairs_by_item(page: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The page's repairs that are not routine, filed with the item whose field's source
    span holds the repair's start or ends right at it (a joined hyphen was cut from the
    span it ended)."""
    spans = sorted((a, b, item) for a, b, item, _ in _marks(page["items"]))
    starts = [s[0] for s in spans]
    out: dict[str, list[dict[str, Any]]] = {}
    for repair in page.get("repairs", []):
        if repair["rule"] in ROUTINE_RULES:
            continue
        k = bisect.bisect_right(starts, repair["start"]) - 1
        if k >= 0 and spans[k][0] <= repair["start"] <= spans[k][1]:
            out.setdefault(spans[k][2], []).append(repair)
    return out
