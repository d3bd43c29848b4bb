"""Pages as plain dicts in the contract of the gold files, plus schema version and provenance.

Each field of an item is a string (or list of strings); `provenance` gives, for the same
field, the source spans `[start, end)` its text was made from.
"""

from __future__ import annotations

import json
from typing import Any

from broadsheet.model import Document, Item, Page, Traced

SCHEMA = "broadsheet/1"
SINGLE_FIELDS = ("kicker", "headline", "teaser", "byline", "dateline", "caption", "credit")
LIST_FIELDS = ("paragraphs", "pull_quotes", "notes")


def item_dict(item: Item) -> dict[str, Any]:
    """An item in the gold contract; absent fields are left out."""
    out: dict[str, Any] = {"type": item.type}
    prov: dict[str, Any] = {}
    for name in SINGLE_FIELDS:
        value: Traced | None = getattr(item, name)
        if value is not None and value.text:
            out[name] = value.text
            prov[name] = [list(s) for s in value.spans()]
    if item.authors:
        out["authors"] = list(item.authors)
    for name in LIST_FIELDS:
        values: tuple[Traced, ...] = getattr(item, name)
        if values:
            out[name] = [v.text for v in values]
            prov[name] = [[list(s) for s in v.spans()] for v in values]
    out["provenance"] = prov
    return out


def page_dict(page: Page, source_name: str, explain: bool = False) -> dict[str, Any]:
    """One page: items, furniture, warnings, and with `explain` every repair."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "source": source_name,
        "page": page.number,
        "span": [page.start, page.end],
        "language": page.language,
        "items": [item_dict(item) for item in page.items],
        "furniture": [f.text for f in page.furniture],
    }
    if page.warnings:
        out["warnings"] = list(page.warnings)
    if explain:
        out["repairs"] = [r.to_dict() for r in page.repairs]
    return out


def document_json(doc: Document, explain: bool = False) -> str:
    """One page object, or a list of page objects when the input has several pages."""
    pages = [page_dict(p, doc.source.name, explain) for p in doc.pages]
    payload: Any = pages[0] if len(pages) == 1 else pages
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def document_jsonl(doc: Document, explain: bool = False) -> str:
    """One line per page."""
    return "".join(
        json.dumps(page_dict(p, doc.source.name, explain), ensure_ascii=False) + "\n"
        for p in doc.pages
    )
