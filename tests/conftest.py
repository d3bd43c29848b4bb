"""Every JSON document and JSON line the test suite makes is checked against the published
schema (export/schema.json), whichever test made it and through whichever door (the CLI in
this process, `convert`, `Document.to_json`, a batch run in this process).

The exporter's two makers of whole outputs, `document_dict` and `document_jsonl`, are
wrapped for the session wherever a module holds them; a test that runs broadsheet in a
subprocess checks its own output where it matters (tests/test_schema.py).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import broadsheet.api
import broadsheet.cli
import broadsheet.convert
import broadsheet.export.json as exporter


def _validator() -> Draft202012Validator:
    schema = json.loads((files("broadsheet") / "export/schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _checked_dict(make: Callable[..., dict[str, Any]], check: Draft202012Validator) -> Any:
    @wraps(make)
    def wrapper(*args: Any, **kwargs: Any) -> dict[str, Any]:
        out = make(*args, **kwargs)
        check.validate(json.loads(json.dumps(out)))
        return out

    return wrapper


def _checked_lines(make: Callable[..., str], check: Draft202012Validator) -> Any:
    @wraps(make)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        out = make(*args, **kwargs)
        for line in out.splitlines():
            check.validate(json.loads(line))
        return out

    return wrapper


@pytest.fixture(autouse=True, scope="session")
def every_output_follows_the_schema() -> Iterator[None]:
    check = _validator()
    originals = {"document_dict": exporter.document_dict, "document_jsonl": exporter.document_jsonl}
    wrapped = {
        "document_dict": _checked_dict(exporter.document_dict, check),
        "document_jsonl": _checked_lines(exporter.document_jsonl, check),
    }
    patched: list[tuple[Any, str, Any]] = []
    for module in [m for name, m in sys.modules.items() if name.startswith("broadsheet")]:
        for name, original in originals.items():
            if getattr(module, name, None) is original:
                setattr(module, name, wrapped[name])
                patched.append((module, name, original))
    assert broadsheet.convert.document_dict is wrapped["document_dict"]
    assert broadsheet.api is not None and broadsheet.cli is not None  # imported to be patched
    yield
    for module, name, original in patched:
        setattr(module, name, original)
