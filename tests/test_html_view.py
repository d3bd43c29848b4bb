"""The HTML review view, opened in a real headless Chromium (Debian's `chromium`, driven by
Playwright; nothing is downloaded: Playwright is pointed at the system's browser).

For a PDF page and for a text dump it checks that the page picture loads, that there is an
outline for every item and every field piece the JSON has, that clicking an item shows its
text, that the keys step to the next item and that the page logs no error. The PDF's view
is also saved as a screenshot (docs/html-view.png, shown in the README) when
BROADSHEET_SCREENSHOT names where to write it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.real_data import REAL

from broadsheet.cli import main

ROOT = Path(__file__).parents[1]
PDF = ROOT / "samples" / "generated-de-0001.pdf"
DUMP = ROOT / "samples" / "taz-seed.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The sample page, and the real pages where ../shared/real is at hand.
PDFS = [PDF, *(sorted(REAL.glob("*.pdf")) if REAL.exists() else [])]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium (Debian: apt install chromium)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def written(tmp_path: Path, source: Path, fmt: str) -> Path:
    out = tmp_path / f"{source.name}.{fmt}"
    assert main([str(source), "-f", fmt, "-o", str(out)]) == 0
    return out


def opened(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """The page loaded from disk, and the errors it logs (console errors, page errors)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, errors


def expected_counts(doc: dict[str, Any]) -> tuple[int, int]:
    """Items, and the field pieces their boxes hold, as the JSON has them."""
    items = [item for page in doc["pages"] for item in page["items"]]
    pieces = 0
    for item in items:
        for found in item.get("boxes", {}).values():
            pieces += (
                sum(len(g) for g in found)
                if found and isinstance(found[0][0], list)
                else len(found)
            )
    return len(items), pieces


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_pdf_view_in_chromium(browser: Any, tmp_path: Path, pdf: Path) -> None:
    view = written(tmp_path, pdf, "html")
    doc = json.loads(written(tmp_path, pdf, "json").read_text(encoding="utf-8"))
    page, errors = opened(browser, view)
    assert page.evaluate("() => document.querySelector('.page.on img').naturalWidth") > 0
    items, pieces = expected_counts(doc)
    assert page.locator(".box[data-kind=item]").count() == items
    assert page.locator(".box[data-kind=field]").count() == pieces
    first = doc["pages"][0]["items"][0]
    page.locator(f'.box[data-kind=item][data-item="{first["id"]}"]').click(
        position={"x": 5, "y": 5}
    )
    detail = page.locator(f'.detail.on[data-item="{first["id"]}"]')
    assert first["headline"] in detail.inner_text()
    page.keyboard.press("j")
    second = doc["pages"][0]["items"][1]["id"]
    assert page.locator(".detail.on").get_attribute("data-item") == second
    shot = os.environ.get("BROADSHEET_SCREENSHOT")
    if shot and pdf == PDF:  # the generated page: real pages are not ours to publish
        page.screenshot(path=shot)
    assert errors == []


def test_dump_view_in_chromium(browser: Any, tmp_path: Path) -> None:
    view = written(tmp_path, DUMP, "html")
    doc = json.loads(written(tmp_path, DUMP, "json").read_text(encoding="utf-8"))
    page, errors = opened(browser, view)
    assert page.locator("img").count() == 0  # a dump has no picture: its text is shown
    items = [item for p in doc["pages"] for item in p["items"]]
    assert page.locator(".card").count() == len(items)
    marked = {page.locator(".dump mark").nth(k).get_attribute("data-item") for k in range(5)}
    assert marked <= {item["id"] for item in items}
    target = [item for item in items if item.get("paragraphs")][-1]
    page.locator(f'.card[data-item="{target["id"]}"]').click()
    assert target["paragraphs"][0][:40] in page.locator(".detail.on").inner_text()
    assert page.locator(f'.dump mark.sel[data-item="{target["id"]}"]').count() > 0
    assert errors == []


def test_eval_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    """`broadsheet eval --html`: the figures on top, a pair for every gold item, and a
    difference marked where the prediction's field differs from the gold's."""
    gold = json.loads((ROOT / "samples" / "taz-seed.gold.json").read_text(encoding="utf-8"))
    pred = json.loads(written(tmp_path, DUMP, "json").read_text(encoding="utf-8"))
    first = pred["pages"][0]["items"][0]
    first["headline"] = "Ein ganz anderer Titel"  # a difference the report must mark
    changed = tmp_path / "pred.json"
    changed.write_text(json.dumps(pred), encoding="utf-8")
    report = tmp_path / "report.html"
    argv = ["eval", "--html", str(ROOT / "samples" / "taz-seed.gold.json"), str(changed)]
    assert main([*argv, "-o", str(report)]) == 0
    page, errors = opened(browser, report)
    assert page.locator("#figures tr").count() == 2  # the header and the one document
    assert page.locator(".pair").count() >= len(gold["items"])
    marked = page.locator('.diff[data-field="headline"]')
    assert marked.count() >= 1 and "anderer" in page.locator(".diff ins").first.inner_text()
    assert errors == []
