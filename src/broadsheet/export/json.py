"""Pages as plain dicts in the contract of the gold files, plus schema version and provenance.

Each field of an item is a string (or list of strings); `provenance` gives, for the same
field, the source spans `[start, end)` its text was made from.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from typing import Any

from broadsheet.model import Document, Hidden, Item, Origin, Page, Traced

SCHEMA = "broadsheet/1"
SINGLE_FIELDS = ("kicker", "headline", "teaser", "byline", "dateline", "caption", "credit")
LIST_FIELDS = ("paragraphs", "pull_quotes", "notes")


def item_dict(item: Item, origins: Sequence[Origin] = (), offset: int = 0) -> dict[str, Any]:
    """An item in the gold contract; absent fields are left out. With the origins of a
    source made from a PDF, each field's glyph boxes are added under `boxes`; spans are
    shifted by `offset` (a batch's place in a long PDF's text)."""
    out: dict[str, Any] = {"type": item.type}
    prov: dict[str, Any] = {}
    boxes: dict[str, Any] = {}
    where = Boxes(origins) if origins else None
    for name in SINGLE_FIELDS:
        value: Traced | None = getattr(item, name)
        if value is not None and value.text:
            out[name] = value.text
            prov[name] = _spans(value, offset)
            if where:
                boxes[name] = where.of(value)
    if item.authors:
        out["authors"] = list(item.authors)
    for name in LIST_FIELDS:
        values: tuple[Traced, ...] = getattr(item, name)
        if values:
            out[name] = [v.text for v in values]
            prov[name] = [_spans(v, offset) for v in values]
            if where:
                boxes[name] = [where.of(v) for v in values]
    out["provenance"] = prov
    if boxes:
        out["boxes"] = boxes
    return out


def _spans(text: Traced, offset: int) -> list[list[int]]:
    return [[start + offset, end + offset] for start, end in text.spans()]


class Boxes:
    """Looks up the glyph runs of a PDF that a traced text was read from."""

    def __init__(self, origins: Sequence[Origin]) -> None:
        self.origins = origins
        self.starts = [o.start for o in origins]

    def of(self, text: Traced) -> list[list[float]]:
        """[page, left, bottom, right, top] of each run the text's spans overlap."""
        out: list[list[float]] = []
        for start, end in text.spans():
            k = max(bisect.bisect_right(self.starts, start) - 1, 0)
            while k < len(self.origins) and self.origins[k].start < end:
                o = self.origins[k]
                if o.end > start:
                    out.append([o.page, *(round(v, 1) for v in o.box)])
                k += 1
        return out


def page_dict(
    page: Page,
    source_name: str,
    explain: bool = False,
    origins: Sequence[Origin] = (),
    offset: int = 0,
) -> dict[str, Any]:
    """One page: items, furniture, the PDF's text runs no reader sees (`hidden`, empty for
    a text dump), warnings, and with `explain` every repair; with the origins of a source
    made from a PDF, the glyph boxes of every field. Every offset is shifted by `offset`,
    where the page's source starts in the whole document's text."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "source": source_name,
        "page": page.number,
        "span": [page.start + offset, page.end + offset],
        "language": page.language,
        "items": [item_dict(item, origins, offset) for item in page.items],
        "furniture": [f.text for f in page.furniture],
        "ads": [a.text for a in page.ads],
        "hidden": [hidden_dict(h) for h in page.hidden],
    }
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


def hidden_dict(hidden: Hidden) -> dict[str, Any]:
    """A run no reader sees: its text, its box [left, bottom, right, top] and why."""
    box = [round(v, 1) for v in hidden.box]
    return {"text": hidden.text, "box": box, "reason": hidden.reason}


def document_json(doc: Document, explain: bool = False) -> str:
    """One page object, or a list of page objects when the input has several pages."""
    src = doc.source
    return pages_json([page_dict(p, src.name, explain, src.origins, src.offset) for p in doc.pages])


def pages_json(pages: list[dict[str, Any]]) -> str:
    """Page objects as `document_json` writes them: one object, or a list of several."""
    payload: Any = pages[0] if len(pages) == 1 else pages
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def document_jsonl(doc: Document, explain: bool = False) -> str:
    """One line per page."""
    src = doc.source
    return "".join(
        json.dumps(page_dict(p, src.name, explain, src.origins, src.offset), ensure_ascii=False)
        + "\n"
        for p in doc.pages
    )
