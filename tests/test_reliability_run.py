"""Issue 16's whole-run findings, each pinned: a page tree's false page count, runs of
unreadable pages told once, the time a page and a file may take, and the output's safety
(an `-o` file written whole, a reader that quits early, furniture left out of text).

The reproducer `cases/reliability/repro-page-count-1e6.pdf` is the campaign's (one real
page, a page tree claiming /Count 1000000); the other PDFs are made in the tests.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tests.test_pdf_input import BODY, HEADLINE, SECOND_BODY, SECOND_HEADLINE, text_pdf

import broadsheet.limits
import broadsheet.load.pdf
import broadsheet.pipeline
from broadsheet.cli import main
from broadsheet.model import Skipped
from broadsheet.skips import SkippedRange, collapsed

ROOT = Path(__file__).resolve().parents[1]
MILLION = ROOT / "tests" / "cases" / "reliability" / "repro-page-count-1e6.pdf"
# The campaign's run took 15 s and printed 999,999 lines; a bound far below that.
MILLION_SECONDS = 10.0


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("broadsheet: error: ")]


def pages_pdf(path: Path, count: int | None = None) -> Path:
    """Two text pages; with `count`, a page tree that claims that many."""
    text_pdf(path, (HEADLINE, BODY), (SECOND_HEADLINE, SECOND_BODY))
    if count is not None:
        data = path.read_bytes()
        assert data.count(b"/Count 2") == 1
        path.write_bytes(data.replace(b"/Count 2", b"/Count %d" % count))
    return path


# --- the page count and runs of unreadable pages ---------------------------------------------


def test_a_million_claimed_pages_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.monotonic()
    code, out, err = run([str(MILLION)], capsys)
    assert time.monotonic() - start < MILLION_SECONDS
    assert code == 1
    (line,) = error_lines(err)
    assert "pages 2–1000000 cannot be read" in line and "1000 in a row" in line
    doc = json.loads(out)
    assert doc["document"]["page_count"] == 1  # the pages that load, not the tree's claim
    assert [p["page"] for p in doc["pages"]] == [1] and doc["pages"][0]["items"]
    assert [(s["page"], s.get("last_page")) for s in doc["skipped"]] == [(2, 1_000_000)]


def test_a_million_claimed_pages_stream_the_page_that_loads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run([str(MILLION), "-f", "jsonl"], capsys)
    assert code == 1 and len(error_lines(err)) == 1
    assert [json.loads(line)["page"] for line in out.splitlines()] == [1]


def test_a_page_asked_for_past_the_pages_that_load(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(MILLION), "--pages", "5000"], capsys)
    assert code == 1 and out == ""
    (line,) = error_lines(err)
    assert "page 5000 cannot be read" in line and "tried none after them" in line


def test_a_short_run_is_tried_and_told_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tree claiming 6 pages of 2: every page is tried, and pages 3 to 6 are one line."""
    f = pages_pdf(tmp_path / "six.pdf", 6)
    code, out, err = run([str(f)], capsys)
    assert code == 1
    (line,) = error_lines(err)
    assert "pages 3–6: PDFium cannot read each page" in line and "damaged" in line
    doc = json.loads(out)
    assert doc["document"]["page_count"] == 2
    assert [p["page"] for p in doc["pages"]] == [1, 2]
    assert [(s["page"], s["last_page"]) for s in doc["skipped"]] == [(3, 6)]


def test_the_run_limit_is_a_named_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broadsheet.limits, "MAX_UNLOADABLE_RUN", 3)
    f = pages_pdf(tmp_path / "six.pdf", 6)
    code, out, err = run([str(f), "-f", "jsonl"], capsys)
    assert code == 1 and len(out.splitlines()) == 2
    (line,) = error_lines(err)
    assert "pages 3–6 cannot be read" in line and "pages 3–5 (3 in a row)" in line


def test_a_run_across_batches_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broadsheet.pipeline, "PDF_BATCH_PAGES", 2)
    f = pages_pdf(tmp_path / "nine.pdf", 9)
    code, out, err = run([str(f), "-f", "jsonl"], capsys)
    assert code == 1 and len(out.splitlines()) == 2
    assert len(error_lines(err)) == 1 and "pages 3–9" in err


def test_collapsed_keeps_reasons_of_their_own() -> None:
    found = collapsed(
        [
            Skipped(1, "page 1 is empty (no text and no image)"),
            Skipped(2, "no text layer on page 2 (an image only: run OCR on it first)"),
            Skipped(3, "no text layer on page 3 (an image only: run OCR on it first)"),
            Skipped(5, "no text layer on page 5 (an image only: run OCR on it first)"),
        ]
    )
    assert [(s.page, isinstance(s, SkippedRange)) for s in found] == [
        (1, False),
        (2, True),
        (5, False),
    ]
    assert found[1].reason.startswith("pages 2–3: no text layer on each page")
