"""How fast broadsheet parses, and how much memory a big multi-page dump costs.

Usage::

    python benchmarks/speed.py [--pages N] [--big | --no-big]

Everything runs on one core: one single-threaded process at a time, no multiprocessing (the
two big-dump modes run in child processes, one after the other). The load average at the
start goes into the figures: on a shared machine, timings move with it. It measures:

seed
    The seed page shipped in the repo (samples/taz-seed.txt) parsed N times (default 200) with
    `parse_text`, after one warm-up parse; the wordfreq list loads once per process, so its
    load time and the warm-up parse are reported separately. The parses run in 5 batches;
    the mean over all and the best batch are both printed.
big (default on; --no-big skips it)
    A ~5 MB dump of ~500 pages made of copies of the seed page joined with form feeds, each
    copy's blocks shuffled and digits redrawn (fixed seed) so no cache sees a page twice.
    `whole` parses it with `parse_bytes` (a `Document` holding every page); `stream` decodes
    it and walks `iter_pages`, dropping each page once seen, as `broadsheet -f jsonl` does.
    Each mode runs in a fresh child process (one after the other) so that ru_maxrss, the
    process's peak resident memory, belongs to that mode alone (the word list and the
    interpreter are already in it: see "rss before"); the timed run is made without
    tracemalloc, then a second run under tracemalloc gives the Python heap's peak. For
    `stream` that peak is split into the learning pass (whole-document, before the first
    page) and the page phase (what all pages together add after it: bounded if flat).

It prints a table and, last, one JSON line with every figure (seconds, pages/s, MiB).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from broadsheet.load.text import decode
from broadsheet.pipeline import Options, iter_pages, parse_bytes, parse_text
from broadsheet.repair.lexicon import frequencies

DEFAULT_PAGES = 200
SEED_BATCHES = 5
BIG_BYTES = 5_000_000
SHUFFLE_SEED = 20240501
MIB = 1024 * 1024
# ru_maxrss is in KiB on Linux (bytes on macOS).
MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024
BIG_MODES = ("whole", "stream")
DIGIT_RE = re.compile(r"\d")
BIG_HEADER = (
    f"{'big dump':<8}{'MB':>6}{'pages':>7}{'s':>9}{'pages/s':>9}{'heap MiB':>11}"
    f"{'rss before':>12}{'rss peak':>10}"
)


def seed_text() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "taz-seed.txt").read_text(
        encoding="utf-8"
    )


def big_dump(seed: str, target_bytes: int = BIG_BYTES) -> bytes:
    """Copies of the seed page joined with form feeds, each a little different.

    Every copy gets its own block order and its own digits, with a fixed seed, so that the
    dump is the same on every run but no two pages are alike.
    """
    blocks = [b for b in seed.split("\n\n") if b.strip()]
    rng = random.Random(SHUFFLE_SEED)
    count = -(-target_bytes // len(seed.encode("utf-8")))
    pages = []
    for _ in range(count):
        order = blocks[:]
        rng.shuffle(order)
        page = "\n\n".join(order) + "\n"
        pages.append(DIGIT_RE.sub(lambda _m: str(rng.randrange(10)), page))
    return "\f".join(pages).encode("utf-8")


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bench_seed(pages: int) -> dict[str, Any]:
    """Word-list load, warm-up parse, then pages per second on the seed page.

    The parses run in SEED_BATCHES batches: the mean over all of them, and the best batch,
    which (as `timeit` advises) is the one least disturbed by other work on the machine.
    """
    text = seed_text()
    load_s = timed(lambda: frequencies("de"))
    warmup_s = timed(lambda: parse_text(text, name="seed"))
    per_batch = max(1, pages // SEED_BATCHES)
    batches = [
        timed(lambda: [parse_text(text, name="seed") for _ in range(per_batch)])
        for _ in range(SEED_BATCHES)
    ]
    seconds, done = sum(batches), per_batch * SEED_BATCHES
    return {
        "wordlist_load_s": load_s,
        "warmup_parse_s": warmup_s,
        "pages": done,
        "seconds": seconds,
        "pages_per_s": done / seconds,
        "ms_per_page": 1000 * seconds / done,
        "best_batch_pages_per_s": per_batch / min(batches),
        "best_batch_ms_per_page": 1000 * min(batches) / per_batch,
    }


def _stream(data: bytes) -> int:
    """Walk the pages one by one, keeping none; the page count."""
    count = 0
    for _page in iter_pages(decode(data, "big"), Options()):
        count += 1
    return count


def _whole(data: bytes) -> int:
    return len(parse_bytes(data, name="big").pages)


def _heap_whole(data: bytes) -> dict[str, float]:
    """Python heap peak of `parse_bytes`, and what the finished Document keeps."""
    tracemalloc.start()
    doc = parse_bytes(data, name="big")
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del doc
    return {"tracemalloc_peak_mib": peak / MIB, "document_kept_mib": kept / MIB}


def _heap_stream(data: bytes) -> dict[str, float]:
    """Python heap peak of `iter_pages`, split into the learning pass and the page phase.

    The learning pass runs before the first page comes out; after it, the rise above the
    level at the first page is what the pages themselves cost.
    """
    tracemalloc.start()
    pages = iter_pages(decode(data, "big"), Options())
    next(pages)
    level, learn_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for _page in pages:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "tracemalloc_peak_mib": max(learn_peak, peak) / MIB,
        "learn_peak_mib": learn_peak / MIB,
        "page_phase_mib": (peak - level) / MIB,
    }


def _maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * MAXRSS_UNIT


def bench_big(mode: str) -> dict[str, Any]:
    """One mode on the big dump: time, pages per second, peak memory (run in a child)."""
    parse_text(seed_text(), name="warm-up")  # loads the word list; not timed
    data = big_dump(seed_text())
    gc.collect()
    base = _maxrss()
    start = time.perf_counter()
    pages = (_stream if mode == "stream" else _whole)(data)
    seconds = time.perf_counter() - start
    maxrss = _maxrss()
    gc.collect()
    heap = (_heap_stream if mode == "stream" else _heap_whole)(data)
    return {
        "mode": mode,
        "input_mb": len(data) / 1e6,
        "pages": pages,
        "seconds": seconds,
        "pages_per_s": pages / seconds,
        **heap,
        "maxrss_mib": maxrss / MIB,
        "maxrss_before_mib": base / MIB,
    }


def in_child(mode: str) -> dict[str, Any]:
    """Run one big mode in a fresh interpreter, so its ru_maxrss is its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(figures: dict[str, Any]) -> str:
    """The figures for people; the JSON line after it is for scripts and the README."""
    s = figures["seed"]
    lines = [
        f"word list load      {s['wordlist_load_s']:8.3f} s",
        f"warm-up parse       {s['warmup_parse_s']:8.3f} s",
        f"seed page x{s['pages']:<6}  {s['seconds']:8.3f} s  {s['pages_per_s']:8.1f} pages/s"
        f"  {s['ms_per_page']:7.2f} ms/page",
        f"  best of {SEED_BATCHES} batches              {s['best_batch_pages_per_s']:8.1f} pages/s"
        f"  {s['best_batch_ms_per_page']:7.2f} ms/page",
    ]
    if figures["big"]:
        lines += ["", BIG_HEADER]
        lines += [
            f"{b['mode']:<8}{b['input_mb']:>6.2f}{b['pages']:>7}{b['seconds']:>9.2f}"
            f"{b['pages_per_s']:>9.1f}{b['tracemalloc_peak_mib']:>11.1f}"
            f"{b['maxrss_before_mib']:>12.1f}{b['maxrss_mib']:>10.1f}"
            for b in figures["big"]
        ]
        lines += ["(MiB: heap = tracemalloc peak; rss = ru_maxrss before the dump and at its end)"]
        lines += [_memory_note(b) for b in figures["big"]]
    return "\n".join(lines)


def _memory_note(b: dict[str, Any]) -> str:
    if b["mode"] == "stream":
        return (
            f"stream: learning pass peak {b['learn_peak_mib']:.1f} MiB; then all "
            f"{b['pages']} pages add at most {b['page_phase_mib']:.1f} MiB"
        )
    return f"whole: the finished Document keeps {b['document_kept_mib']:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument(
        "--pages",
        type=int,
        default=DEFAULT_PAGES,
        metavar="N",
        help=f"parses of the seed page (default {DEFAULT_PAGES})",
    )
    parser.add_argument(
        "--big",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also parse a ~5 MB multi-page dump (default: on)",
    )
    parser.add_argument("--child", choices=BIG_MODES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(bench_big(args.child)))
        return 0
    figures: dict[str, Any] = {
        "python": sys.version.split()[0],
        "load_avg_1min": os.getloadavg()[0],
        "seed": bench_seed(args.pages),
    }
    figures["big"] = [in_child(mode) for mode in BIG_MODES] if args.big else []
    print(table(figures))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
