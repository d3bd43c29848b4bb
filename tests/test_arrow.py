"""The Arrow tables for corpus builders: a named, versioned schema, a row per item with ids
that name it, and every value the JSON's own."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from broadsheet.convert import Request, convert
from broadsheet.errors import BroadsheetError
from broadsheet.export import arrow
from broadsheet.export.json import SINGLE_FIELDS
from broadsheet.matching import item_text

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (broadsheet[arrow])")
pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")

ROOT = Path(__file__).resolve().parents[1]
INPUTS = (ROOT / "samples" / "taz-seed.txt", ROOT / "samples" / "generated-de-0001.pdf")
# A dump of two pages, so that item ids start again on the second.
TWO_PAGES = (
    "Neue Brücke eröffnet\n\nVon Anna Beispiel\n\n"
    "Die neue Brücke über den Fluss ist seit gestern für den Verkehr freigegeben. Der "
    "Bürgermeister sprach von einem großen Tag für die Stadt.\n"
    "\f"
    "Markt wächst\n\nDie Händler am Platz melden mehr Besucher als im Vorjahr. Viele kommen "
    "schon am frühen Morgen.\n\nRegen erwartet\n\nDer Wetterdienst sagt für das Wochenende "
    "Regen voraus. Die Temperaturen sinken.\n"
)

Pages = list[tuple[str, dict[str, Any]]]


def page_objects(data: bytes, name: str) -> Pages:
    """What `broadsheet NAME -f jsonl` writes, as (document id, page object) pairs."""
    out = io.StringIO()
    convert(data, name, Request(format="jsonl"), out)
    return [(name, json.loads(line)) for line in out.getvalue().splitlines()]


@pytest.fixture(scope="module")
def pages() -> Pages:
    found = [p for path in INPUTS for p in page_objects(path.read_bytes(), str(path))]
    return found + page_objects(TWO_PAGES.encode(), "two-pages.txt")


def test_schemas_are_named_and_versioned() -> None:
    items, pages = arrow.items_schema(), arrow.pages_schema()
    assert items.metadata[arrow.SCHEMA_KEY] == b"broadsheet-items/2"
    assert pages.metadata[arrow.SCHEMA_KEY] == b"broadsheet-pages/2"
    assert items.metadata[arrow.JSON_SCHEMA_KEY] == b"broadsheet/2"
    strings = pa.list_(pa.string())
    assert items.names == [
        "document_id", "page", "item_id", "type",
        "kicker", "headline", "teaser", "byline", "dateline", "caption", "credit",
        "authors", "paragraphs", "pull_quotes", "notes", "text", "box",
    ]  # fmt: skip
    assert [items.field(n).type for n in ("page", "kicker", "notes", "text")] == [
        pa.int32(), pa.string(), strings, pa.string()
    ]  # fmt: skip
    assert pages.names == [
        "document_id", "page", "language", "item_count", "furniture", "ads", "hidden",
        "warnings", "span_start", "span_end", "size",
    ]  # fmt: skip
    assert pages.field("furniture").type == strings


def test_one_row_per_item_with_ids_counting_each_page(pages: Pages) -> None:
    table = arrow.items_table(pages)
    assert table.schema == arrow.items_schema()
    assert table.num_rows == sum(len(p["items"]) for _, p in pages)
    second = [r["item_id"] for r in table.to_pylist() if r["document_id"] == "two-pages.txt"]
    assert second[0] == "p1-i1" and "p2-i1" in second
    keys = [(r["document_id"], r["item_id"]) for r in table.to_pylist()]
    assert len(set(keys)) == len(keys)


def test_item_values_equal_the_json(pages: Pages) -> None:
    rows = iter(arrow.items_table(pages).to_pylist())
    for doc_id, page in pages:
        for k, item in enumerate(page["items"], start=1):
            row = next(rows)
            assert (row["document_id"], row["page"]) == (doc_id, page["page"])
            assert row["item_id"] == f"p{page['page']}-i{k}"
            assert row["type"] == item["type"]
            for name in SINGLE_FIELDS:
                assert row[name] == item.get(name)
            for name in ("authors", "paragraphs", "pull_quotes", "notes"):
                assert row[name] == item.get(name, [])
            assert row["text"] == item_text(item)
    assert next(rows, None) is None


def test_the_seed_pages_fields_are_filled(pages: Pages) -> None:
    """Not vacuous: the seed page has headlines, paragraphs and an absent dateline."""
    rows = [r for r in arrow.items_table(pages[:1]).to_pylist()]
    assert all(r["headline"] for r in rows if r["type"] == "article")
    assert any(r["paragraphs"] for r in rows) and any(r["kicker"] is None for r in rows)


def test_page_rows_equal_the_json(pages: Pages) -> None:
    table = arrow.pages_table(pages)
    assert table.schema == arrow.pages_schema()
    for (doc_id, page), row in zip(pages, table.to_pylist(), strict=True):
        assert (row["document_id"], row["page"]) == (doc_id, page["page"])
        assert row["language"] == page["language"]
        assert row["item_count"] == len(page["items"])
        assert row["furniture"] == page["furniture"] and row["ads"] == page["ads"]
        assert row["hidden"] == [h["text"] for h in page["hidden"]]
        assert [row["span_start"], row["span_end"]] == page["span"]


def test_parquet_keeps_rows_and_schema(pages: Pages, tmp_path: Path) -> None:
    out = arrow.write_parquet(pages, tmp_path / "corpus")
    items = pq.read_table(out / arrow.ITEMS_DIR)
    assert items.equals(arrow.items_table(pages))
    assert items.schema.metadata[arrow.SCHEMA_KEY] == b"broadsheet-items/2"
    assert pq.read_table(out / arrow.PAGES_DIR).equals(arrow.pages_table(pages))


def test_without_pyarrow_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    with pytest.raises(BroadsheetError, match=r"pip install 'broadsheet\[arrow\]'"):
        arrow.items_table([])
