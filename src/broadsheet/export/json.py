"""Documents as plain dicts: the `broadsheet/2` shape (export/schema.json).

A document is one object: what the input is (`document`), how its boxes are measured
(`coordinates`), its `pages`, and the PDF pages that gave no text (`skipped`, a run of
pages skipped for one reason as one entry). A page holds its items in the gold files'
contract (each field a string or a list of strings; the gold files and the scorer read
page objects), with an id each (`p3-i2`), `provenance` (for each field, the source spans
`[start, end)` its text was made from) and, from a PDF, boxes in the viewer's frame
(export/boxes.py). `-f jsonl` writes one page object a line, with the
input's name and SHA-256 on each.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from broadsheet.export.boxes import BoxLevel, Runs, pieces, shown, shown_size, written

# The JSON's field names are the model's (re-exported: exporters and tests read them here).
from broadsheet.model import LIST_FIELDS as LIST_FIELDS
from broadsheet.model import (
    TEXT_FIELDS,
    Box,
    Document,
    Hidden,
    Item,
    Page,
    Sheet,
    Skipped,
    Source,
    Traced,
    union,
)
from broadsheet.skips import collapsed, page_range

SCHEMA = "broadsheet/2"
SINGLE_FIELDS = TEXT_FIELDS
COORDINATES = {
    "unit": "pt",
    "origin": "top left of the page's crop box, as shown (after its /Rotate)",
    "box": "[x0, y0, x1, y1], x to the right, y down",
}


class Where:
    """Where a source's texts stand on their pages: its glyph runs and its sheets. Made
    once per source, not per item (finding runs needs every origin's start)."""

    def __init__(self, source: Source) -> None:
        self.runs = Runs(source.origins)
        self.sheets = {sheet.number: sheet for sheet in source.sheets}

    def boxes(self, text: Traced) -> list[Box]:
        """The shown box of every glyph run the text was read from (not rounded)."""
        out = []
        for origin in self.runs.of(text):
            sheet = self.sheets.get(origin.page)
            if sheet is not None:
                out.append(shown(origin.box, sheet))
        return out


def item_id(page: int, k: int) -> str:
    """`p{page}-i{k}`: the k-th item of the page (from 1, in output order); unique within a
    document, so (source, id) names an item in a corpus."""
    return f"p{page}-i{k}"


def item_dict(
    item: Item, ident: str, where: Where | None = None, level: BoxLevel = "items", offset: int = 0
) -> dict[str, Any]:
    """An item in the gold contract plus its id; absent fields are left out. Spans are
    shifted by `offset` (a batch's place in a long PDF's text). From a PDF (`where`), with
    `level` items or runs: the item's `box` and each field's (`boxes`), and with runs the
    box of every glyph run of each field too (`runs`)."""
    out: dict[str, Any] = {"id": ident, "type": item.type}
    prov: dict[str, Any] = {}
    runs: dict[str, Any] = {}
    for name in SINGLE_FIELDS:
        value: Traced | None = getattr(item, name)
        if value is not None and value.text:
            out[name] = value.text
            prov[name] = _spans(value, offset)
            runs[name] = where.boxes(value) if where else []
    if item.authors:
        out["authors"] = list(item.authors)
    for name in LIST_FIELDS:
        values: tuple[Traced, ...] = getattr(item, name)
        if values:
            out[name] = [v.text for v in values]
            prov[name] = [_spans(v, offset) for v in values]
            runs[name] = [where.boxes(v) if where else [] for v in values]
    out["provenance"] = prov
    if where and level != "none":
        out.update(_item_boxes(runs, level))
    return out


def _item_boxes(runs: dict[str, Any], level: BoxLevel) -> dict[str, Any]:
    """`box` around the whole item; `boxes`, for each field, the boxes of the pieces of
    its text (export/boxes.py `pieces`: a paragraph that turns a column has two; a list
    field has such a list for each of its strings); with level runs, the runs themselves."""
    boxes: dict[str, Any] = {}
    every: list[Box] = []
    for name, found in runs.items():
        if name in LIST_FIELDS:
            boxes[name] = [_written(pieces(r)) for r in found]
            every += [b for r in found for b in r]
        elif found:
            boxes[name] = _written(pieces(found))
            every += found
    if not every:
        return {}
    out: dict[str, Any] = {"box": written(union(every)), "boxes": boxes}
    if level == "runs":
        out["runs"] = {
            name: [_written(r) for r in found] if name in LIST_FIELDS else _written(found)
            for name, found in runs.items()
        }
    return out


def _written(boxes: list[Box]) -> list[list[float]]:
    return [written(b) for b in boxes]


def _spans(text: Traced, offset: int) -> list[list[int]]:
    return [[start + offset, end + offset] for start, end in text.spans()]


def page_dict(
    page: Page,
    source: Source | None = None,
    explain: bool = False,
    level: BoxLevel = "items",
    where: Where | None = None,
) -> dict[str, Any]:
    """One page: its size and crop box (a PDF's), items, furniture, ads, the PDF's text
    runs no reader sees (`hidden`), warnings, and with `explain` every repair. Offsets are
    shifted to where the page's source starts in the whole document's text; `where` (made
    from `source` when not given) places a PDF's texts."""
    offset = source.offset if source else 0
    if where is None and source is not None and source.origins:
        where = Where(source)
    sheet = where.sheets.get(page.number) if where else None
    out: dict[str, Any] = {"page": page.number}
    if sheet is not None:
        out["size"] = shown_size(sheet)
        out["crop_box"] = written(sheet.crop_box)  # user space: to map a box back
        out["rotation"] = sheet.rotation
    out["span"] = [page.start + offset, page.end + offset]
    out["language"] = page.language
    out["items"] = [
        item_dict(item, item_id(page.number, k), where, level, offset)
        for k, item in enumerate(page.items, start=1)
    ]
    out["furniture"] = [f.text for f in page.furniture]
    out["ads"] = [a.text for a in page.ads]
    out["hidden"] = [hidden_dict(h, sheet) for h in page.hidden]
    if page.warnings:
        out["warnings"] = list(page.warnings)
    if explain:
        out["repairs"] = [_shifted(r.to_dict(), offset) for r in page.repairs]
    return out


def _shifted(repair: dict[str, Any], offset: int) -> dict[str, Any]:
    if offset:
        repair["start"] += offset
        repair["end"] += offset
    return repair


def hidden_dict(hidden: Hidden, sheet: Sheet | None = None) -> dict[str, Any]:
    """A run no reader sees: its text, its box (shown on its page) and why."""
    box = written(shown(hidden.box, sheet) if sheet else hidden.box)
    return {"text": hidden.text, "box": box, "reason": hidden.reason}


def page_dicts(doc: Document, explain: bool = False, level: BoxLevel = "items") -> list[Any]:
    """Every page of the document as `page_dict` makes it (one lookup for all)."""
    src = doc.source
    where = Where(src) if src.origins else None
    return [page_dict(p, src, explain, level, where) for p in doc.pages]


def document_dict(
    source: Source, pages: list[dict[str, Any]], skipped: Iterable[Skipped] = ()
) -> dict[str, Any]:
    """The whole document: what the input is, the frame of its boxes, its page objects
    (from `page_dict`, maybe made batch by batch) and the pages that gave no text."""
    return {
        "schema": SCHEMA,
        "document": about(source, pages),
        "coordinates": COORDINATES,
        "pages": pages,
        "skipped": [skipped_dict(s) for s in collapsed(skipped)],
    }


def skipped_dict(skipped: Skipped) -> dict[str, Any]:
    """A page that gave no text and why; a run of pages skipped for one reason is one
    entry, from `page` to `last_page` (skips.py: a damaged file may fail thousands)."""
    first, last = page_range(skipped)
    if first == last:
        return {"page": first, "reason": skipped.reason}
    return {"page": first, "last_page": last, "reason": skipped.reason}


def about(source: Source, pages: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The document's metadata: name, SHA-256, kind, page count (the file's, read or not),
    broadsheet's version, the pages' most common language, and a PDF's Info entries."""
    from broadsheet import __version__

    pdf = source.encoding == "pdf"
    languages = Counter(str(p["language"]) for p in pages).most_common(1)
    out: dict[str, Any] = {
        "source": source.name,
        "sha256": source.sha256,
        "kind": "pdf" if pdf else "text",
        "page_count": source.page_count or len(pages),
        "broadsheet": __version__,
        "language": languages[0][0] if languages else None,
    }
    if not pdf:
        out["encoding"] = source.encoding
    if source.info:
        out["info"] = dict(source.info)
    return out


def document_json(doc: Document, explain: bool = False, level: BoxLevel = "items") -> str:
    """The document object, indented."""
    return json_text(document_dict(doc.source, page_dicts(doc, explain, level), doc.skipped))


def json_text(whole: dict[str, Any]) -> str:
    """A document object as `-f json` writes it: indented, characters as they are."""
    return json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def document_jsonl(doc: Document, explain: bool = False, level: BoxLevel = "items") -> str:
    """One line per page, each naming its input (and its SHA-256)."""
    src = doc.source
    head = {"schema": SCHEMA, "source": src.name, "sha256": src.sha256}
    return "".join(
        json.dumps(head | page, ensure_ascii=False) + "\n"
        for page in page_dicts(doc, explain, level)
    )
