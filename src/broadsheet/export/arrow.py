"""Pages as Arrow tables for corpus builders: one row per item, one row per page, in Parquet.

A corpus builder wants columns, not nested JSON: the items of a whole archive as one table it
can filter by type, join on a document, or feed to a tokenizer. The tables are made from the
page objects of `export/json.py` (`page_dict`), never from the model, so that every value is
the JSON's own (the same string for a field, the same list for a list field) and the two
outputs cannot drift apart.

Each table's schema is named and versioned in its Arrow metadata (`SCHEMA_KEY`), like the
JSON's `"schema": "broadsheet/2"`: a reader can check what it holds before it reads a row,
and a change of columns comes with a new version. pyarrow is an optional dependency
(`pip install 'broadsheet[arrow]'`), imported only when a table is made.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from broadsheet.errors import BroadsheetError
from broadsheet.export.json import LIST_FIELDS, SCHEMA, SINGLE_FIELDS
from broadsheet.matching import item_text

if TYPE_CHECKING:
    import pyarrow as pa

# The Arrow schema metadata key naming a table's schema, and the names and versions.
SCHEMA_KEY = b"broadsheet.schema"
# The version of the JSON page objects the rows were made from.
JSON_SCHEMA_KEY = b"broadsheet.json_schema"
ITEMS_SCHEMA = "broadsheet-items/2"
PAGES_SCHEMA = "broadsheet-pages/2"
# The list columns of an item: the list fields of the JSON, authors first as in the JSON.
ITEM_LIST_FIELDS = ("authors", *LIST_FIELDS)
# What the folder write_parquet writes holds: one Parquet dataset a table, read back with
# pyarrow.parquet.read_table(OUT / ITEMS_DIR); the Ray path (broadsheet.ray) writes the same.
ITEMS_DIR = "items"
PAGES_DIR = "pages"
PART_NAME = "part-0.parquet"
INSTALL_HINT = "pip install 'broadsheet[arrow]'"

PageRecord = tuple[str, Mapping[str, Any]]  # (document id, page object from page_dict)


def pyarrow() -> ModuleType:
    """pyarrow, or a one-line BroadsheetError saying how to get it: it is an optional
    dependency, so only the Parquet output needs it."""
    try:
        import pyarrow as pa
    except ImportError:
        raise BroadsheetError(f"Arrow and Parquet output need pyarrow: {INSTALL_HINT}") from None
    module: ModuleType = pa
    return module


def items_schema() -> pa.Schema:
    """One row per item: where it is (document, page, item id), its type, each single field
    as a string (null when absent), each list field as a list of strings (empty when
    absent), `text`, the item's whole text as the scorer reads it, and `box`, where the
    item stands on its page (export/boxes.py; null for a text dump's)."""
    pa = pyarrow()
    strings = pa.list_(pa.string())
    return pa.schema(
        [
            pa.field("document_id", pa.string(), nullable=False),
            pa.field("page", pa.int32(), nullable=False),
            pa.field("item_id", pa.string(), nullable=False),
            pa.field("type", pa.string(), nullable=False),
            *(pa.field(name, pa.string()) for name in SINGLE_FIELDS),
            *(pa.field(name, strings, nullable=False) for name in ITEM_LIST_FIELDS),
            pa.field("text", pa.string(), nullable=False),
            pa.field("box", pa.list_(pa.float64(), 4)),
        ],
        metadata={SCHEMA_KEY: ITEMS_SCHEMA.encode(), JSON_SCHEMA_KEY: SCHEMA.encode()},
    )


def pages_schema() -> pa.Schema:
    """One row per page: where it is, its language and item count, the texts kept out of
    the items (furniture, ads, hidden runs), its span in the source text, warnings, and a
    PDF page's size as shown (null for a text dump's)."""
    pa = pyarrow()
    strings = pa.list_(pa.string())
    return pa.schema(
        [
            pa.field("document_id", pa.string(), nullable=False),
            pa.field("page", pa.int32(), nullable=False),
            pa.field("language", pa.string()),
            pa.field("item_count", pa.int32(), nullable=False),
            pa.field("furniture", strings, nullable=False),
            pa.field("ads", strings, nullable=False),
            pa.field("hidden", strings, nullable=False),
            pa.field("warnings", strings, nullable=False),
            pa.field("span_start", pa.int64(), nullable=False),
            pa.field("span_end", pa.int64(), nullable=False),
            pa.field("size", pa.list_(pa.float64(), 2)),
        ],
        metadata={SCHEMA_KEY: PAGES_SCHEMA.encode(), JSON_SCHEMA_KEY: SCHEMA.encode()},
    )


def item_rows(doc_id: str, page: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    """A page object's items as rows of `items_schema`."""
    number = int(page["page"])
    for item in page["items"]:
        row: dict[str, Any] = {
            "document_id": doc_id,
            "page": number,
            "item_id": item["id"],
            "type": item["type"],
        }
        row.update({name: item.get(name) for name in SINGLE_FIELDS})
        row.update({name: list(item.get(name, ())) for name in ITEM_LIST_FIELDS})
        row["text"] = item_text(item)
        row["box"] = item.get("box")
        yield row


def page_row(doc_id: str, page: Mapping[str, Any]) -> dict[str, Any]:
    """A page object as a row of `pages_schema`."""
    start, end = page["span"]
    return {
        "document_id": doc_id,
        "page": int(page["page"]),
        "language": page.get("language"),
        "item_count": len(page["items"]),
        "furniture": list(page.get("furniture", ())),
        "ads": list(page.get("ads", ())),
        "hidden": [h["text"] for h in page.get("hidden", ())],
        "warnings": list(page.get("warnings", ())),
        "span_start": start,
        "span_end": end,
        "size": page.get("size"),
    }


def items_table(pages: Iterable[PageRecord]) -> pa.Table:
    """Every item of the pages, a row each, in page and output order."""
    rows = [row for doc_id, page in pages for row in item_rows(doc_id, page)]
    return pyarrow().Table.from_pylist(rows, schema=items_schema())


def pages_table(pages: Iterable[PageRecord]) -> pa.Table:
    """Every page, a row each, in the order given."""
    rows = [page_row(doc_id, page) for doc_id, page in pages]
    return pyarrow().Table.from_pylist(rows, schema=pages_schema())


def write_parquet(pages: Iterable[PageRecord], out: str | os.PathLike[str]) -> Path:
    """Write the items and the pages under the folder `out` as `items/` and `pages/`, one
    Parquet dataset each (the layout `broadsheet.ray` writes too), and return the folder."""
    pyarrow()  # the hint before any folder is made
    import pyarrow.parquet as pq

    records = list(pages)  # read twice: once per table
    folder = Path(out)
    for name, table in ((ITEMS_DIR, items_table(records)), (PAGES_DIR, pages_table(records))):
        (folder / name).mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / name / PART_NAME)
    return folder
