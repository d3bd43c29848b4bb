"""Issue 16's whole-run findings, each pinned: a page tree's false page count, runs of
unreadable pages told once, the time a page and a file may take, and the output's safety
(an `-o` file written whole, a reader that quits early, furniture left out of text).

The reproducer `cases/reliability/repro-page-count-1e6.pdf` is the campaign's (one real
page, a page tree claiming /Count 1000000); the other PDFs are made in the tests.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.test_pdf_input import BODY, HEADLINE, SECOND_BODY, SECOND_HEADLINE, text_pdf

import broadsheet.convert
import broadsheet.limits
import broadsheet.load.pdf
import broadsheet.pipeline
from broadsheet.cli import main
from broadsheet.model import Skipped
from broadsheet.output import BROKEN_PIPE, STDOUT_CLOSED
from broadsheet.page import PageGeometry
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


def in_batches_of(pages: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the command read PDFs `pages` at a time (PDF_BATCH_PAGES is a default)."""
    batches = functools.partial(broadsheet.pipeline.iter_pdf, batch=pages)
    monkeypatch.setattr(broadsheet.convert, "iter_pdf", batches)


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
    in_batches_of(2, monkeypatch)
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


# --- the time a page and a file may take ---------------------------------------------------


class FakeClock:
    """The limits' clock, moved on by hand: reading page `slow` takes `seconds`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, slow: int, seconds: float) -> None:
        self.now = 0.0
        read_page = broadsheet.load.pdf.read_page

        def slow_read(page: object, number: int) -> PageGeometry:
            if number == slow:
                self.now += seconds
            return read_page(page, number)  # type: ignore[arg-type]

        monkeypatch.setattr(broadsheet.limits, "monotonic", lambda: self.now)
        monkeypatch.setattr(broadsheet.load.pdf, "read_page", slow_read)


def test_a_page_over_its_time_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeClock(monkeypatch, slow=2, seconds=broadsheet.limits.PAGE_SECONDS + 10)
    code, out, err = run([str(pages_pdf(tmp_path / "two.pdf"))], capsys)
    assert code == 1
    (line,) = error_lines(err)
    assert "page 2 was left out: it took 40 s, more than the 30 s a page may take" in line
    doc = json.loads(out)
    assert [p["page"] for p in doc["pages"]] == [1] and doc["skipped"][0]["page"] == 2


def test_every_page_over_a_tiny_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broadsheet.limits, "PAGE_SECONDS", 0.0)
    code, out, err = run([str(pages_pdf(tmp_path / "two.pdf"))], capsys)
    assert code == 1 and out == ""
    (line,) = error_lines(err)  # the two pages' reasons read alike: one line
    assert "pages 1–2: each page was left out" in line and "a page may take" in line


def test_a_file_over_its_time_stops_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS", 0.0)
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS_PER_PAGE", 0.0)
    out_file = tmp_path / "out.json"
    code, out, err = run([str(pages_pdf(tmp_path / "two.pdf")), "-o", str(out_file)], capsys)
    assert code == 1 and out == "" and not out_file.exists()
    (line,) = err.splitlines()
    assert line.startswith("broadsheet: error: ") and "stopped at page 1 after" in line


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_dump_over_its_time_stops_in_one_line(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text dump has a file's time too: the clock moves 100 s as the second page is laid
    out, past the 50 s this dump may take; the stream keeps the page before it."""
    now = [0.0]
    layout = broadsheet.pipeline._page

    def slow_page(source, k, number, span, know):  # type: ignore[no-untyped-def]
        now[0] += 100.0 if number == 2 else 0.0
        return layout(source, k, number, span, know)

    monkeypatch.setattr(broadsheet.limits, "monotonic", lambda: now[0])
    monkeypatch.setattr(broadsheet.pipeline, "_page", slow_page)
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS", 40.0)
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS_PER_PAGE", 5.0)
    seed = (ROOT / "samples" / "taz-seed.txt").read_text(encoding="utf-8")
    dump = tmp_path / "two.txt"
    dump.write_text(f"{seed}\f{seed}", encoding="utf-8")
    code, out, err = run([str(dump), "-f", fmt], capsys)
    (line,) = err.splitlines()
    assert code == 1 and line.startswith("broadsheet: error: ")
    assert "stopped at page 2 after 100 s, more than the 50 s this file may take" in line
    if fmt == "json":
        assert out == ""
    else:
        assert [json.loads(x)["page"] for x in out.splitlines()] == [1]
        assert line.endswith("the page read before it is written")


def test_a_stopped_stream_keeps_what_was_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeClock(monkeypatch, slow=2, seconds=100)
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS", 50.0)
    monkeypatch.setattr(broadsheet.limits, "FILE_SECONDS_PER_PAGE", 0.0)
    monkeypatch.setattr(broadsheet.limits, "PAGE_SECONDS", 1000.0)
    in_batches_of(1, monkeypatch)
    code, out, err = run([str(pages_pdf(tmp_path / "two.pdf")), "-f", "jsonl"], capsys)
    assert code == 1 and [json.loads(line)["page"] for line in out.splitlines()] == [1]
    (line,) = err.splitlines()
    assert "stopped at page 2 after 100 s, more than the 50 s this file may take" in line
    assert line.endswith("the page read before it is written")


def test_a_page_is_charged_for_every_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    monkeypatch.setattr(broadsheet.limits, "monotonic", lambda: now[0])
    clock = broadsheet.limits.Clock("x.pdf")
    clock.allow(1)
    now[0] = 20.0
    assert clock.lap(1) is None  # read in 20 s
    now[0] = 35.0
    assert "it took 35 s" in (clock.lap(1) or "")  # laid out in 15 more


# --- the output: an -o file whole, a reader that quits early, what text leaves out ---------


def test_an_output_file_is_never_seen_half_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a stream is written batch by batch, the -o file is the earlier run's, whole;
    the new one replaces it at the end, and no temporary file is left."""
    in_batches_of(1, monkeypatch)
    out_file = tmp_path / "out.jsonl"
    out_file.write_text("earlier run\n", encoding="utf-8")
    seen: list[str] = []
    lines = broadsheet.convert.document_jsonl

    def watched(*args: object, **kwargs: object) -> str:
        seen.append(out_file.read_text(encoding="utf-8"))
        return lines(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(broadsheet.convert, "document_jsonl", watched)
    f = pages_pdf(tmp_path / "two.pdf")
    code, out, err = run([str(f), "-f", "jsonl", "-o", str(out_file)], capsys)
    assert code == 0 and out == "" and err == ""
    assert seen == ["earlier run\n", "earlier run\n"]
    written = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["page"] for line in written] == [1, 2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "two.pdf"]


def test_an_output_through_a_link_or_to_a_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    link.symlink_to(target)
    f = pages_pdf(tmp_path / "two.pdf")
    assert run([str(f), "-o", str(link)], capsys)[0] == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["pages"]
    assert run([str(f), "-o", os.devnull], capsys)[0] == 0
    assert not Path(os.devnull).is_file()


def test_a_reader_that_quits_early_is_not_success(tmp_path: Path) -> None:
    """With an unbuffered stdout, the text layer dropped what the pipe did not take once
    its reader had gone: exit 0 on JSON cut at 64 KB. Now the run ends in status 1."""
    seed = (ROOT / "samples" / "taz-seed.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("\f".join([seed] * 20), encoding="utf-8")  # its JSON: some 700 KB
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "broadsheet.cli", str(big)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 1 and "Traceback" not in err
    assert err == "broadsheet: error: " + BROKEN_PIPE + "\n"


@pytest.mark.parametrize("command", [[], ["eval"]], ids=["convert", "eval"])
def test_a_closed_stdout_is_one_error_line(command: list[str], tmp_path: Path) -> None:
    """Started with stdout closed (`>&-`), Python has no sys.stdout: writing to it was an
    AttributeError traceback (the campaign's closed-stdout case)."""
    seed = ROOT / "samples" / "taz-seed.txt"
    gold = ROOT / "samples" / "taz-seed.gold.json"
    inputs = [str(gold), str(gold)] if command else [str(seed)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-m", "broadsheet.cli", *command, *inputs]
    proc = subprocess.run(argv, capture_output=True, env=env,
                          preexec_fn=lambda: os.close(1), timeout=120)  # fmt: skip
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1 and "Traceback" not in err
    assert err.count("\n") == 1 and STDOUT_CLOSED in err


def test_text_and_markdown_say_what_furniture_they_leave_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (ROOT / "samples" / "taz-seed.txt").read_text(encoding="utf-8")
    other = "Neue Brücke eröffnet\n\nDie neue Brücke ist seit gestern für den Verkehr frei.\n"
    f = tmp_path / "two.txt"
    f.write_text(f"Stadtanzeiger · Lokales\n\n{page}\n1\n\fStadtanzeiger · Lokales\n\n{other}\n2\n")
    code, out, err = run([str(f), "-f", "text"], capsys)
    assert code == 0 and "Stadtanzeiger" not in out
    assert "lines of furniture (running heads, folios) on 2 pages left out" in err
    code, out, err = run([str(f), "-f", "markdown"], capsys)
    assert code == 0 and err == "" and "Stadtanzeiger" not in out
    assert out.count("of furniture (running heads, folios) left out; -f json lists them") == 2


def test_sigterm_stops_a_run_as_ctrl_c_does(tmp_path: Path) -> None:
    """SIGTERM (`timeout`, `kill`, a service manager) killed the run on the spot and left
    the hidden temporary file of `-o` behind; now it ends as Ctrl-C does: one error line,
    status 130, the pages streamed so far in place, no temporary file."""
    import signal

    import pypdfium2 as pdfium

    long_pdf = pdfium.PdfDocument.new()
    sample = pdfium.PdfDocument(ROOT / "samples" / "generated-de-0001.pdf")
    for _ in range(300):
        long_pdf.import_pages(sample)
    source = tmp_path / "long.pdf"
    long_pdf.save(source)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "broadsheet.cli", str(source), "-f", "jsonl", "-o", str(out)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while not any(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.tmp")):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode() == "broadsheet: error: terminated (SIGTERM)\n"
    assert not list(tmp_path.glob(".*.tmp"))
    pages = [json.loads(line)["page"] for line in out.read_text("utf-8").splitlines()]
    assert pages and pages == list(range(1, len(pages) + 1)) and len(pages) < 300
