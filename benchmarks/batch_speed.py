"""How a batch scales with workers, next to a shell loop of single calls (issue 14).

Usage::

    python benchmarks/batch_speed.py [--files 1000] [--loop 40] [--jobs 1,2] [--rounds 3]

Makes a folder of `--files` one-page PDFs: the generated pages cached under
`benchmarks/out` (WeasyPrint, Typst, ReportLab; `python -m benchmarks.pagegen.bench
--pdf-only` makes them), each copied under a new name as often as it takes, in a fixed
order; the repo's sample PDF alone when the cache is empty. Then, each in a fresh output
folder, it times the whole process of `broadsheet FOLDER -o OUT -j N` for every N of
`--jobs`, in turn, `--rounds` times (default 3; medians reported, and each round's -j 1
against the -j 2 run right after it: this machine's pace drifts by half within minutes, so
figures taken far apart compare badly), and a shell loop that calls
`broadsheet FILE -o OUT` once per file over the first `--loop` files (its per-file time is
scaled to the folder). Load average at the start and the core count go into the figures:
on a shared machine, timings move with it.
Prints a table, and last one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / "out"
SAMPLE = ROOT / "samples" / "generated-de-0001.pdf"


def source_pages() -> list[Path]:
    """The cached generated one-page PDFs (not their shuffled copies), in a stable order."""
    found = sorted(p for p in CACHE.rglob("*.pdf") if not p.name.endswith(".stream.pdf"))
    return found or [SAMPLE]


def make_folder(folder: Path, count: int) -> None:
    """`count` PDFs, the cached pages taken round-robin, each under its own name."""
    pages = source_pages()
    folder.mkdir(parents=True)
    for k in range(count):
        shutil.copy(pages[k % len(pages)], folder / f"page-{k:05d}.pdf")


def broadsheet_command() -> list[str]:
    """The installed console script, as a user runs it (else the module)."""
    script = shutil.which("broadsheet")
    return [script] if script else [sys.executable, "-m", "broadsheet.cli"]


def time_batch(folder: Path, out: Path, jobs: int) -> float:
    """Seconds for one whole batch process."""
    start = time.perf_counter()
    run = subprocess.run(
        [*broadsheet_command(), str(folder), "-o", str(out), "-j", str(jobs)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"batch -j {jobs} failed: {run.stderr.strip().splitlines()[-1:]}")
    return seconds


def time_loop(files: list[Path], out: Path) -> float:
    """Seconds for a shell loop of one process per file."""
    out.mkdir(parents=True)
    script = " ".join(broadsheet_command())
    loop = f'for f in "$@"; do {script} "$f" -o "{out}/$(basename "$f").json" || exit 1; done'
    start = time.perf_counter()
    subprocess.run(["sh", "-c", loop, "sh", *map(str, files)], check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--files", type=int, default=1000, help="PDFs in the folder")
    parser.add_argument("--loop", type=int, default=40, help="files the shell loop times")
    parser.add_argument("--jobs", default="1,2", help="worker counts to time (default 1,2)")
    parser.add_argument("--rounds", type=int, default=3, help="times each count (default 3)")
    args = parser.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    figures: dict[str, object] = {
        "files": args.files,
        "cores": os.cpu_count(),
        "load_at_start": round(os.getloadavg()[0], 2),
        "distinct_pages": len(source_pages()),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        make_folder(folder, args.files)
        times: dict[int, list[float]] = {n: [] for n in jobs}
        for r in range(args.rounds):  # in turn, so that a change of the machine's pace
            for n in jobs:  # falls on every count alike
                times[n].append(time_batch(folder, Path(tmp) / f"out-j{n}-{r}", n))
        for n in jobs:
            seconds = statistics.median(times[n])
            figures[f"j{n}_s"] = round(seconds, 2)
            figures[f"j{n}_runs_s"] = [round(t, 2) for t in times[n]]
            figures[f"j{n}_pages_per_s"] = round(args.files / seconds, 1)
        if 1 in times and 2 in times:  # each round's -j 1 against the -j 2 run right after it
            pairs = zip(times[1], times[2], strict=True)
            figures["j2_speedup_per_round"] = [round(a / b, 2) for a, b in pairs]
        files = sorted(folder.iterdir())[: args.loop]
        per_file = time_loop(files, Path(tmp) / "out-loop") / len(files)
        figures["loop_s_per_file"] = round(per_file, 3)
        figures["loop_s_scaled"] = round(per_file * args.files, 1)
    report(figures, jobs)
    return 0


def report(figures: dict[str, object], jobs: list[int]) -> None:
    """The table, then the JSON line."""
    print(
        f"{figures['files']} one-page PDFs ({figures['distinct_pages']} distinct), "
        f"{figures['cores']} cores, load {figures['load_at_start']}"
    )
    base = figures.get("j1_s")
    for n in jobs:
        seconds = figures[f"j{n}_s"]
        ratio = ""
        if isinstance(base, float) and isinstance(seconds, float):
            ratio = f"  {base / seconds:.2f}x the throughput of -j 1"
        print(f"  -j {n}: {seconds:8.2f} s  {figures[f'j{n}_pages_per_s']} pages/s{ratio}")
    if "j2_speedup_per_round" in figures:
        rounds = figures["j2_speedup_per_round"]
        print(f"  -j 2 against the -j 1 run before it, round by round: {rounds}")
    print(
        f"  shell loop: {figures['loop_s_per_file']} s a file, "
        f"{figures['loop_s_scaled']} s for the folder"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
