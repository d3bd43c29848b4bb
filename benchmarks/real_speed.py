"""Whole-process time on the real pages against bare pypdfium2 text extraction (issue 14).

Usage::

    python benchmarks/real_speed.py [--rounds N] [--shared DIR] [--stages]

Issue 14 asks that the whole process on real pages take at most 3x what pypdfium2 alone
needs to pull their text. The PDFs of `../shared/real` and `../shared/pages` (next to the
repository; missing ones are skipped) are joined into one temporary PDF, outside the
repository because the pages are copyrighted. Two commands then run as processes of their
own, in turn, N times each (default 7), after one warm-up run each:

    broadsheet JOINED -f jsonl -o /dev/null   the whole conversion
    python bare.py JOINED                     open, then per page get_textpage + get_text_range

Bytecode is written and read in a folder of the system's temporary one
(PYTHONPYCACHEPREFIX), as an installed package would have it, even where
PYTHONDONTWRITEBYTECODE is set; the warm-up runs write it. The table gives the median wall
and CPU time (user + system; less moved than wall time by
other work on a shared machine) of each and their ratio; the last line is one JSON object
with the page count, both medians and the ratios, for scripts. `--stages` also times
each step of the conversion in this process (reading, page text, text stages, JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

try:  # the same timer as the start-up benchmark
    from benchmarks.startup import timed
except ImportError:  # run as a script: its own folder is on the path
    from startup import timed  # type: ignore[no-redef]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FOLDERS = ("real", "pages")
ROUNDS = 7
# The goal of issue 14: whole process at most this many times bare extraction.
GOAL_RATIO = 3.0
PYCACHE = "broadsheet-real-speed-pycache"
BARE_SCRIPT = """\
import sys
import pypdfium2 as pdfium

pdf = pdfium.PdfDocument(sys.argv[1])
for index in range(len(pdf)):
    page = pdf[index]
    text = page.get_textpage()
    text.get_text_range()
    text.close()
    page.close()
"""


def join_pdfs(shared: Path, target: Path) -> int:
    """Join the shared PDFs (sorted, per folder) into `target`; the number of pages."""
    joined = pdfium.PdfDocument.new()
    for folder in FOLDERS:
        for path in sorted((shared / folder).glob("*.pdf")):
            source = pdfium.PdfDocument(str(path))
            joined.import_pages(source)
            source.close()
    pages = len(joined)
    joined.save(str(target))
    joined.close()
    return pages


def environment() -> dict[str, str]:
    """The children's environment: bytecode cached outside the tree (else each run would
    compile broadsheet's sources again where PYTHONDONTWRITEBYTECODE is set)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / PYCACHE))
    return env


def commands(joined: Path, bare: Path) -> dict[str, list[str]]:
    """The two commands measured, by label: the installed console script where there is
    one next to this interpreter, else `python -m broadsheet.cli`."""
    script = shutil.which("broadsheet", path=str(Path(sys.executable).parent))
    whole = [script] if script else [sys.executable, "-m", "broadsheet.cli"]
    return {
        "broadsheet": [*whole, str(joined), "-f", "jsonl", "-o", "/dev/null"],
        "bare pypdfium2": [sys.executable, str(bare), str(joined)],
    }


def measure(table: dict[str, list[str]], rounds: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) per command; the runs alternate so that load hits both alike."""
    env = environment()
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in table}
    for argv in table.values():
        timed(argv, env)
    for _ in range(rounds):
        for label, argv in table.items():
            samples[label].append(timed(argv, env))
    return {
        label: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for label, got in samples.items()
    }


def stage_times(joined: Path, rounds: int) -> dict[str, float]:
    """Median CPU seconds of each step of the conversion, run in this process after one
    warm-up: where the whole process's time goes, imports apart."""
    from broadsheet.export.json import document_jsonl
    from broadsheet.layout.pdftext import pdf_source
    from broadsheet.load.pdf import open_pdf, read_pages
    from broadsheet.model import Document
    from broadsheet.pipeline import Options, iter_pages

    data = joined.read_bytes()
    times: dict[str, list[float]] = {}
    for _ in range(rounds + 1):
        marks = [time.process_time()]
        pdf = open_pdf(data, str(joined))
        read = list(read_pages(pdf, range(1, len(pdf) + 1)))
        pdf.close()
        marks.append(time.process_time())
        source, _ = pdf_source(iter(read), str(joined))
        marks.append(time.process_time())
        pages = tuple(iter_pages(source, Options()))
        marks.append(time.process_time())
        document_jsonl(Document(source, pages))
        marks.append(time.process_time())
        steps = ("read (PDFium, runs)", "page text (layout)", "text stages", "JSON")
        for step, a, b in zip(steps, marks, marks[1:], strict=False):
            times.setdefault(step, []).append(b - a)
    return {step: statistics.median(t[1:]) for step, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"runs each ({ROUNDS})")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"folder ({SHARED})")
    parser.add_argument(
        "--stages", action="store_true", help="also time each step of the conversion in-process"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        joined, bare = Path(folder) / "joined.pdf", Path(folder) / "bare.py"
        pages = join_pdfs(args.shared, joined)
        if not pages:
            sys.exit(f"no PDFs under {args.shared}/{{{','.join(FOLDERS)}}}")
        bare.write_text(BARE_SCRIPT, encoding="utf-8")
        medians = measure(commands(joined, bare), args.rounds)
        steps = stage_times(joined, args.rounds) if args.stages else {}
    (wall, cpu), (bare_wall, bare_cpu) = medians["broadsheet"], medians["bare pypdfium2"]
    print(f"{pages} pages, median of {args.rounds} runs each")
    print()
    print("| command | wall s | CPU s |")
    print("|---|---|---|")
    for label, (w, c) in medians.items():
        print(f"| {label} | {w:.3f} | {c:.3f} |")
    print(f"| ratio (goal <= {GOAL_RATIO:g}) | {wall / bare_wall:.2f} | {cpu / bare_cpu:.2f} |")
    result: dict[str, object] = {
        "pages": pages,
        "broadsheet_wall_s": round(wall, 3),
        "broadsheet_cpu_s": round(cpu, 3),
        "bare_wall_s": round(bare_wall, 3),
        "bare_cpu_s": round(bare_cpu, 3),
        "ratio_wall": round(wall / bare_wall, 2),
        "ratio_cpu": round(cpu / bare_cpu, 2),
    }
    if steps:
        print()
        print("| step, in process | CPU s |")
        print("|---|---|")
        for step, seconds in steps.items():
            print(f"| {step} | {seconds:.3f} |")
        result["steps_cpu_s"] = {step: round(seconds, 3) for step, seconds in steps.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
