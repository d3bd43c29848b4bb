"""How fast broadsheet's PDF path reads a page, beside PDFium's bare text extraction and
pdfminer.six's layout analysis; and whether its memory stays flat as a PDF grows.

Usage::

    python benchmarks/pdf_speed.py [--pages N] [--lang de] [--rounds R] [--out DIR]
                                   [--memory | --no-memory]

Everything runs on one core: one single-threaded process at a time (the memory runs in
child processes, one after the other). The load average at the start goes into the
figures: on a shared machine, timings move with it. The input is N generated pages
(default 20, de-0001 on) from benchmarks/out, typeset first where missing (WeasyPrint).
It measures:

per page
    Each page's one-page PDF, held as bytes, read by three readers in turn, page after page
    (so that a change in the machine's load hits all three alike), R rounds (default 3),
    after one warm-up pass over every page (imports; broadsheet's word list loads once
    per process):
    pdfium    bare pypdfium2 text extraction: open the document, per page `pdf[i]`,
              `get_textpage()`, `get_text_range()`, close each
    pdf path  broadsheet's PDF path, `iter_pdf` on the bytes, every batch consumed: PDFium
              runs with type and boxes, then lines, blocks, reading order, the text path
    pdfminer  pdfminer.six's layout analysis, `extract_pages` consumed fully
    Mean and median ms per page over all N x R samples, and the ratios pdf path / pdfium
    and pdfminer / pdf path (of the means and of the medians); and pdf path / pdfium page
    by page (each page's median over the rounds), lowest and highest.
one document
    The N pages joined into one PDF, each reader over all of it once: ms per page. The PDF
    path learns its vocabulary per batch of 50 pages, so this is its cost on a real file.
memory (default on; --no-memory skips it)
    PDFs of 100, 250 and 500 pages, made by importing the N pages over and over with
    pypdfium2 (`PdfDocument.new()`, `import_pages`) into a temporary folder. Each is
    streamed with `iter_pdf`, every batch dropped once seen, in a fresh child process, so
    that ru_maxrss (the process's peak resident memory, PDFium's own included) belongs to
    that size alone ("rss before" is the interpreter, word list and the file's bytes), and
    the resident memory after each batch is read too (Linux); a second pass under
    tracemalloc gives the Python heap's peak and its level after each batch. Flat in the
    page count means the peaks do not grow from 100 to 500 pages.

It prints a table and, last, one JSON line with every figure (ms, pages/s, MiB).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from broadsheet.pipeline import Options, iter_pdf

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "out"
DEFAULT_PAGES = 20
DEFAULT_ROUNDS = 3
MEMORY_PAGES = (100, 250, 500)
MIB = 1024 * 1024
# ru_maxrss is in KiB on Linux (bytes on macOS).
MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024
READERS = ("pdfium", "pdf path", "pdfminer")
MEMORY_HEADER = (
    f"{'pages':>6}{'MB':>7}{'batches':>9}{'s':>8}{'pages/s':>9}{'heap MiB':>10}"
    f"{'heap/batch':>12}{'rss before':>12}{'rss/batch':>13}{'rss peak':>10}"
)


def page_files(count: int, lang: str, out: Path) -> list[Path]:
    """The first `count` generated pages of `lang`, typeset where missing."""
    paths = [out / f"{lang}-{seed:04d}.pdf" for seed in range(1, count + 1)]
    if not all(p.exists() for p in paths):
        sys.path.insert(0, str(ROOT))
        from benchmarks.pagegen.bench import generate

        paths = [generate(lang, seed, out).pdf for seed in range(1, count + 1)]
    return paths


def pdfium_text(data: bytes) -> int:
    """Bare PDFium extraction: every page's text, objects closed; the characters read."""
    pdf = pdfium.PdfDocument(data)
    try:
        chars = 0
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return chars
    finally:
        pdf.close()


def pdf_path(data: bytes, lang: str) -> int:
    """broadsheet's PDF path over every batch; the pages it made."""
    return sum(len(doc.pages) for doc, _ in iter_pdf(data, "bench", Options(language=lang)))


def pdfminer_layout(data: bytes) -> int:
    """pdfminer.six's layout analysis, consumed fully; the pages it laid out."""
    from pdfminer.high_level import extract_pages

    return sum(1 for _ in extract_pages(io.BytesIO(data)))


def readers(lang: str) -> dict[str, Callable[[bytes], int]]:
    return {
        "pdfium": pdfium_text,
        "pdf path": lambda data: pdf_path(data, lang),
        "pdfminer": pdfminer_layout,
    }


def timed(run: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    run(data)
    return time.perf_counter() - start


def bench_pages(pages: list[bytes], lang: str, rounds: int) -> dict[str, Any]:
    """ms per page of each reader, the three in turn on every page, after a warm-up pass."""
    read = readers(lang)
    warmup = {name: sum(timed(r, d) for d in pages) for name, r in read.items()}
    samples: dict[str, list[float]] = {name: [] for name in READERS}
    by_page: dict[str, list[list[float]]] = {name: [[] for _ in pages] for name in READERS}
    for _ in range(rounds):
        for k, data in enumerate(pages):
            for name in READERS:
                ms = 1000 * timed(read[name], data)
                samples[name].append(ms)
                by_page[name][k].append(ms)
    stats = {
        name: {"mean_ms": statistics.fmean(s), "median_ms": statistics.median(s), "n": len(s)}
        for name, s in samples.items()
    }
    # Each page's median over the rounds, PDF path over bare PDFium: pages differ (a page's
    # Python cost grows with its lines, PDFium's with its characters).
    page_ratios = [
        statistics.median(path) / statistics.median(bare)
        for path, bare in zip(by_page["pdf path"], by_page["pdfium"], strict=True)
    ]
    return {
        "warmup_s": warmup,
        "readers": stats,
        "ratios": ratios(stats),
        "path_over_pdfium_by_page": page_ratios,
    }


def ratios(stats: dict[str, dict[str, float]]) -> dict[str, float]:
    a, b, c = (stats[name] for name in READERS)
    return {
        "path_over_pdfium_mean": b["mean_ms"] / a["mean_ms"],
        "path_over_pdfium_median": b["median_ms"] / a["median_ms"],
        "pdfminer_over_path_mean": c["mean_ms"] / b["mean_ms"],
        "pdfminer_over_path_median": c["median_ms"] / b["median_ms"],
    }


def joined(paths: list[Path], count: int, dest: Path) -> Path:
    """A PDF of `count` pages: the given one-page PDFs imported in turn, over and over."""
    sources = [pdfium.PdfDocument(p) for p in paths]
    pdf = pdfium.PdfDocument.new()
    try:
        for k in range(count):
            pdf.import_pages(sources[k % len(sources)])
        pdf.save(dest)
    finally:
        pdf.close()
        for s in sources:
            s.close()
    return dest


def bench_document(path: Path, lang: str) -> dict[str, Any]:
    """Each reader over one multi-page PDF once: ms per page."""
    data = path.read_bytes()
    pdf = pdfium.PdfDocument(data)
    count = len(pdf)
    pdf.close()
    return {
        "pages": count,
        **{name: 1000 * timed(r, data) / count for name, r in readers(lang).items()},
    }


def _maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * MAXRSS_UNIT


def _rss_now() -> float:
    """The resident memory now, in MiB (Linux; NaN elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB
    except OSError:
        return math.nan


def _stream(data: bytes, lang: str) -> tuple[int, list[float]]:
    """Walk the batches, keeping none; the pages seen, and the RSS after each batch."""
    pages, rss = 0, []
    for doc, _skipped in iter_pdf(data, "big", Options(language=lang)):
        pages += len(doc.pages)
        rss.append(_rss_now())
    return pages, rss


def _heap_stream(data: bytes, lang: str) -> dict[str, Any]:
    """Python heap peak while streaming, and its level after each batch (batch dropped)."""
    tracemalloc.start()
    after: list[float] = []
    for batch in iter_pdf(data, "big", Options(language=lang)):
        del batch
        after.append(tracemalloc.get_traced_memory()[0] / MIB)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"tracemalloc_peak_mib": peak / MIB, "heap_after_batch_mib": after}


def bench_memory(path: Path, lang: str, warm: Path) -> dict[str, Any]:
    """One big PDF streamed with iter_pdf: time, peak RSS, heap (run in a child)."""
    pdf_path(warm.read_bytes(), lang)  # imports and the word list; not timed
    data = path.read_bytes()
    gc.collect()
    base = _maxrss()
    start = time.perf_counter()
    pages, rss = _stream(data, lang)
    seconds = time.perf_counter() - start
    maxrss = _maxrss()
    gc.collect()
    return {
        "pages": pages,
        "batches": len(rss),
        "rss_after_batch_mib": rss,
        "input_mb": len(data) / 1e6,
        "seconds": seconds,
        "pages_per_s": pages / seconds,
        **_heap_stream(data, lang),
        "maxrss_mib": maxrss / MIB,
        "maxrss_before_mib": base / MIB,
    }


def in_child(path: Path, lang: str, warm: Path) -> dict[str, Any]:
    """Stream one big PDF in a fresh interpreter, so its ru_maxrss is its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--lang", lang, "--warm", str(warm)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def memory_runs(paths: list[Path], lang: str) -> list[dict[str, Any]]:
    """100, 250 and 500 pages, each in its own child, one after the other."""
    with tempfile.TemporaryDirectory(prefix="pdf-speed-") as tmp:
        return [
            in_child(joined(paths, n, Path(tmp) / f"big-{n}.pdf"), lang, paths[0])
            for n in MEMORY_PAGES
        ]


def page_table(figures: dict[str, Any]) -> list[str]:
    p, d = figures["per_page"], figures["document"]
    lines = [f"{'reader':<10}{'mean ms':>10}{'median ms':>11}{'joined ms':>11}{'warm-up s':>11}"]
    for name in READERS:
        s = p["readers"][name]
        lines.append(
            f"{name:<10}{s['mean_ms']:>10.2f}{s['median_ms']:>11.2f}{d[name]:>11.2f}"
            f"{p['warmup_s'][name]:>11.2f}"
        )
    r = p["ratios"]
    lines += [
        f"(ms per page: mean and median of {p['readers']['pdfium']['n']} one-page reads; "
        f"joined = one {d['pages']}-page PDF read once; warm-up = first pass over the pages)",
        f"pdf path / pdfium    {r['path_over_pdfium_mean']:6.1f}x mean  "
        f"{r['path_over_pdfium_median']:6.1f}x median",
        f"pdfminer / pdf path  {r['pdfminer_over_path_mean']:6.1f}x mean  "
        f"{r['pdfminer_over_path_median']:6.1f}x median",
    ]
    by_page = p["path_over_pdfium_by_page"]
    low, high = (
        min(range(len(by_page)), key=by_page.__getitem__),
        max(range(len(by_page)), key=by_page.__getitem__),
    )
    lines.append(
        f"pdf path / pdfium by page (median of the rounds): {by_page[low]:.1f}x "
        f"(page {low + 1}) to {by_page[high]:.1f}x (page {high + 1} of the input)"
    )
    return lines


def _span(values: list[float]) -> str:
    return f"{values[0]:.1f}->{values[-1]:.1f}" if values else "-"


def memory_table(runs: list[dict[str, Any]]) -> list[str]:
    lines = ["", MEMORY_HEADER]
    for m in runs:
        after = m["heap_after_batch_mib"]
        lines.append(
            f"{m['pages']:>6}{m['input_mb']:>7.2f}{m['batches']:>9}{m['seconds']:>8.2f}"
            f"{m['pages_per_s']:>9.1f}{m['tracemalloc_peak_mib']:>10.1f}"
            f"{_span(after):>12}"
            f"{m['maxrss_before_mib']:>12.1f}{_span(m['rss_after_batch_mib']):>13}"
            f"{m['maxrss_mib']:>10.1f}"
        )
    lines.append(
        "(MiB: heap = tracemalloc peak; heap/batch, rss/batch = Python heap and resident "
        "memory after the first and the last batch, each batch dropped; rss before, rss peak "
        "= ru_maxrss before streaming and at its end, PDFium included)"
    )
    return lines


def measure(args: argparse.Namespace) -> dict[str, Any]:
    paths = page_files(args.pages, args.lang, args.out)
    figures: dict[str, Any] = {
        "python": sys.version.split()[0],
        "load_avg_1min": os.getloadavg()[0],
        "lang": args.lang,
        "pages": len(paths),
        "per_page": bench_pages([p.read_bytes() for p in paths], args.lang, args.rounds),
    }
    with tempfile.TemporaryDirectory(prefix="pdf-speed-") as tmp:
        whole = joined(paths, len(paths), Path(tmp) / "joined.pdf")
        figures["document"] = bench_document(whole, args.lang)
    figures["memory"] = memory_runs(paths, args.lang) if args.memory else []
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, metavar="N")
    parser.add_argument("--lang", default="de", help="language of the pages (default de)")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, metavar="R")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="generated pages")
    parser.add_argument(
        "--memory",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also stream PDFs of 100, 250 and 500 pages in child processes (default: on)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warm", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(bench_memory(args.child, args.lang, args.warm)))
        return 0
    figures = measure(args)
    print(f"load average (1 min) at start: {figures['load_avg_1min']:.2f}")
    print("\n".join(page_table(figures)))
    if figures["memory"]:
        print("\n".join(memory_table(figures["memory"])))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
