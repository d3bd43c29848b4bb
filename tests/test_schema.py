"""The published JSON schema matches what the exporter writes, and provenance points home."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import typing
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from tests.real_data import REAL

import broadsheet
from broadsheet.export.boxes import BOX_LEVELS, BoxLevel
from broadsheet.export.json import (
    LIST_FIELDS,
    SINGLE_FIELDS,
    document_json,
    document_jsonl,
    page_dict,
)
from broadsheet.model import HIDDEN_REASONS, ITEM_TYPES, Document, Hidden, HiddenReason
from broadsheet.pipeline import parse, parse_text
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES

SEED = Path(__file__).parents[1] / "samples" / "taz-seed.txt"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.exists() else []
# Share of a field's non-space characters that must appear, in order, in its source spans.
MIN_SHARED = 0.9


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (files("broadsheet") / "export/schema.json").read_text(encoding="utf-8")
    )
    return loaded


def validator(ref: str = "#") -> Draft202012Validator:
    """A validator for the whole document form, or for one of the schema's $defs."""
    whole = schema()
    return Draft202012Validator(whole if ref == "#" else {"$ref": ref, "$defs": whole["$defs"]})


@cache
def seed() -> Document:
    return parse(SEED)


def emitted(doc: Document, explain: bool = False) -> dict[str, Any]:
    """The first page as it is written: page_dict through JSON (its spans are tuples)."""
    page: dict[str, Any] = json.loads(json.dumps(page_dict(doc.pages[0], doc.source, explain)))
    return page


def test_schema_is_package_data_and_valid_2020_12() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_enums_and_fields_follow_the_code() -> None:
    defs = schema()["$defs"]
    assert tuple(defs["item"]["properties"]["type"]["enum"]) == ITEM_TYPES
    assert tuple(defs["page"]["properties"]["language"]["enum"]) == SUPPORTED_LANGUAGES
    assert tuple(defs["hidden"]["properties"]["reason"]["enum"]) == HIDDEN_REASONS
    assert typing.get_args(HiddenReason) == HIDDEN_REASONS
    fields = {*SINGLE_FIELDS, *LIST_FIELDS}
    assert set(defs["provenance"]["properties"]) == fields
    assert set(defs["item"]["properties"]["boxes"]["properties"]) == fields
    assert set(defs["item"]["properties"]["runs"]["properties"]) == fields
    assert set(defs["item"]["properties"]) == {
        *fields,
        "id",
        "type",
        "authors",
        "provenance",
        "box",
        "boxes",
        "runs",
    }
    assert typing.get_args(BoxLevel) == BOX_LEVELS


@pytest.mark.parametrize("explain", [False, True])
def test_seed_page_validates(explain: bool) -> None:
    doc = seed()
    page = emitted(doc, explain)
    assert ("repairs" in page) == explain
    validator().validate(json.loads(document_json(doc, explain)))
    validator("#/$defs/page").validate(page)
    for line in document_jsonl(doc, explain).splitlines():
        validator().validate(json.loads(line))
        validator("#/$defs/pageLine").validate(json.loads(line))


@pytest.mark.parametrize("explain", [False, True])
def test_two_pages_make_one_document(explain: bool) -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text + "\f" + text, name="two.txt")
    payload = json.loads(document_json(doc, explain))
    assert [p["page"] for p in payload["pages"]] == [1, 2]
    about = payload["document"]
    assert about["page_count"] == 2 and about["kind"] == "text" and about["language"] == "de"
    assert about["sha256"] == hashlib.sha256((text + "\f" + text).encode()).hexdigest()
    validator().validate(payload)


def test_hidden_runs_validate_and_a_wrong_reason_does_not() -> None:
    doc = seed()
    assert emitted(doc)["hidden"] == []  # a text dump hides nothing
    page = dataclasses.replace(
        doc.pages[0], hidden=(Hidden("e2145468", 1, (7.5, 1025.9, 17.5, 1065.4), "same-colour"),)
    )
    written = json.loads(json.dumps(page_dict(page, doc.source)))
    assert written["hidden"] == [  # no sheet: the box as it is, in user space
        {"text": "e2145468", "box": [7.5, 1025.9, 17.5, 1065.4], "reason": "same-colour"}
    ]
    check = validator("#/$defs/page")
    assert check.is_valid(written)
    wrong = {**written["hidden"][0], "reason": "small"}
    assert not check.is_valid({**written, "hidden": [wrong]})
    assert not check.is_valid({k: v for k, v in written.items() if k != "hidden"})


def test_drift_is_caught() -> None:
    doc = seed()
    page = emitted(doc)
    check = validator("#/$defs/page")
    assert check.is_valid(page)
    assert not check.is_valid({**page, "extra": 1})
    item = {**page["items"][0], "subtitle": "x"}
    assert not check.is_valid({**page, "items": [item]})
    assert not check.is_valid({**page, "span": [0, 1, 2]})


def _shared(field: str, spans: list[list[int]], source: str) -> float:
    """Share of the field's non-space characters found in order in its source spans."""
    want = "".join(field.split())
    have = "".join("".join(source[a:b] for a, b in spans).split())
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    found = sum(block.size for block in matcher.get_matching_blocks())
    return found / max(1, len(want))


def _fields(item: dict[str, Any]) -> list[tuple[str, str, list[list[int]]]]:
    """(name, text, spans) for every string of the item that has provenance."""
    prov = item["provenance"]
    out = [(name, item[name], prov[name]) for name in SINGLE_FIELDS if name in item]
    for name in LIST_FIELDS:
        for text, spans in zip(item.get(name, []), prov.get(name, []), strict=True):
            out.append((name, text, spans))
    return out


def test_provenance_points_into_the_source() -> None:
    doc = seed()
    source = doc.source.text
    page = emitted(doc)
    start, end = page["span"]
    checked = 0
    for item in page["items"]:
        assert set(item["provenance"]) <= set(item)
        for name, text, spans in _fields(item):
            assert all(start <= a <= b <= end for a, b in spans), (name, spans)
            share = _shared(text, spans, source)
            assert share >= MIN_SHARED, (name, text[:60], share)
            checked += 1
    assert checked >= len(page["items"])


PDFS = [Path(__file__).parents[1] / "samples" / "generated-de-0001.pdf", *REAL_PDFS]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
@pytest.mark.parametrize("boxes", BOX_LEVELS)
def test_pdf_outputs_validate(path: Path, boxes: BoxLevel) -> None:
    """Every PDF output validates, with each kind of boxes: the samples' and the real pages'
    (skipped where ../shared/real is absent)."""
    doc = broadsheet.parse(path)
    payload = json.loads(doc.to_json(repairs=True, boxes=boxes))
    validator().validate(payload)
    assert payload["document"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert all(
        ("box" in item) == (boxes != "none") for p in payload["pages"] for item in p["items"]
    )
    assert all(
        ("runs" in item) == (boxes == "runs") for p in payload["pages"] for item in p["items"]
    )
    for line in document_jsonl(doc, level=boxes).splitlines():
        validator().validate(json.loads(line))
