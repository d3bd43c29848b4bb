"""Golden files: small pages whose whole output was checked by hand once and must not drift.

Regenerate after an intended change with `BROADSHEET_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from broadsheet.export.json import page_dict
from broadsheet.pipeline import parse

GOLDEN = Path(__file__).parent / "golden"
PAGES = sorted(GOLDEN.glob("*.txt"))


def items_of(path: Path) -> list[dict[str, Any]]:
    page = page_dict(parse(path).pages[0])
    for item in page["items"]:
        item.pop("provenance")
    return [*page["items"], {"furniture": page["furniture"]}]


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_golden(path: Path) -> None:
    expected = path.with_suffix(".json")
    got = items_of(path)
    if os.environ.get("BROADSHEET_UPDATE_GOLDEN"):
        expected.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert got == json.loads(expected.read_text(encoding="utf-8"))
