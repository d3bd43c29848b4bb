"""The real pages with hand-made gold (`../shared/real/`), shared by the tests that score them.

The pages are copyrighted and stay outside the repository: CI has none, and every test
that needs them skips. `BROADSHEET_REAL` names another folder. What the tests pin is data,
`tests/real_floors.json`, written by `python benchmarks/real_pages.py --floors`.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.real_pages import FLOORS_FILE, gold_files, name_of, scores

from broadsheet.evaluate import PageScore

ROOT = Path(__file__).resolve().parents[1]
REAL = Path(os.environ.get("BROADSHEET_REAL") or ROOT.parent / "shared" / "real")
DATA: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
# Page names as the floors file has them: test ids stay the same with or without the pages.
PAGES: list[str] = sorted(DATA["floors"])


def available() -> bool:
    """Whether the folder holds any gold page to score."""
    return REAL.is_dir() and bool(gold_files(REAL))


def gold_pages() -> set[str]:
    return {name_of(g) for g in gold_files(REAL)}


@cache
def figures() -> dict[str, PageScore]:
    """Every page scored once per test run (a few seconds), whichever module asks first."""
    return scores(REAL)
