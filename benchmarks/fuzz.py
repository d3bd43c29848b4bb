"""A seeded mutation fuzzer: broken PDFs and dumps through the command, each in a child.

Usage::

    python -m benchmarks.fuzz [--count 2000] [--seed 1] [--jobs 2] [--timeout 60]
                              [--keep DIR] [BASE ...]

Each mutant is made from a base input (default: the repo's sample PDF and dump, and the
golden dumps) by one of the mutators below, with `random.Random(seed, i)`: a run is
reproducible, and mutant i of seed s is the same on every machine. Each runs in a child
process (`python -m benchmarks.fuzz --child FILE`) that calls the command's `main` as the
console script does, under a time limit, and reports:

- `traceback`: an exception escaped `main` (a bug: every bad input must be a one-line error);
- `signal`: the child died by a signal (a crash in native code);
- `hang`: past the time limit;
- `stderr`: an error that is not one line starting `broadsheet:`;
- `bad-exit`: an exit status the README does not document for this (not 0 or 1);
- `bad-json`: exit 0 with output that is not JSON of the published schema;
- `lost`: exit 0 but the conservation check (`broadsheet.conserve`) finds source text in
  no item, furniture, ad or repair, or claimed twice;
- otherwise `ok` (exit 0, all checks held) or `error` (exit 1, one clean line).

`tests/test_fuzz.py` runs a few hundred mutants in CI; run thousands before a release. The
last line printed is one JSON object with the counts; `--keep DIR` saves every bad mutant.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASES = [
    ROOT / "samples" / "generated-de-0001.pdf",
    ROOT / "samples" / "taz-seed.txt",
    *sorted((ROOT / "tests" / "golden").glob("*.txt")),
]
TIMEOUT_S = 60
BAD_OUTCOMES = ("traceback", "signal", "hang", "stderr", "bad-exit", "bad-json", "lost")
Mutator = Callable[[bytes, bytes, random.Random], bytes]


def _span(rng: random.Random, size: int, most: int) -> tuple[int, int]:
    start = rng.randrange(max(size, 1))
    return start, min(size, start + rng.randint(1, most))


def truncate(data: bytes, other: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(len(data), 1))]


def flip(data: bytes, other: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def delete(data: bytes, other: bytes, rng: random.Random) -> bytes:
    a, b = _span(rng, len(data), 4000)
    return data[:a] + data[b:]


def duplicate(data: bytes, other: bytes, rng: random.Random) -> bytes:
    a, b = _span(rng, len(data), 4000)
    return data[:b] + data[a:b] * rng.randint(1, 3) + data[b:]


def numbers(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """Digits changed in one stretch: offsets, lengths, counts, coordinates."""
    a, b = _span(rng, len(data), 2000)
    digits = bytes(rng.choice(b"0123456789") if 48 <= c <= 57 else c for c in data[a:b])
    return data[:a] + digits + data[b:]


def keywords(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """A PDF keyword or operator swapped for another (BT for ET, /Count 1 for a million)."""
    swaps = [(b"BT", b"ET"), (b"Tj", b"TJ"), (b"/Count 1", b"/Count 1000000"),
             (b"endobj", b"endob"), (b"stream", b"strea"), (b"xref", b"xraf"),
             (b"/Length", b"/Lenght"), (b"\n", b"\r"), (b" ", b"\x00")]  # fmt: skip
    old, new = rng.choice(swaps)
    spots = [k for k in range(len(data)) if data.startswith(old, k)][:500]
    if not spots:
        return flip(data, other, rng)
    k = rng.choice(spots)
    return data[:k] + new + data[k + len(old) :]


def splice(data: bytes, other: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(len(data), 1))] + other[rng.randrange(max(len(other), 1)) :]


def recode(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """A dump's text in another encoding, with a BOM or without, or with odd bytes."""
    text = data.decode("utf-8", "replace")
    choice = rng.randrange(5)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("utf-16")[:-1]  # an odd byte count
    if choice == 2:
        return text.encode("cp1252", "replace")
    if choice == 3:
        return b"\xef\xbb\xbf" + data
    return data.replace(b"\n", b"\r\n")


def scribble(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """Random characters (controls, astral, spaces of every kind, form feeds) put in."""
    pool = "\x00\x07\x0b\x0c\x1b\u00a0\u2028\u200b\ufeff\ufffd\U0001f600\u0301ﬁ-\u00ad"
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 50)):
        k = rng.randrange(len(text) + 1)
        text = text[:k] + rng.choice(pool) * rng.randint(1, 3) + text[k:]
    return text.encode("utf-8", "surrogatepass")


MUTATORS: dict[str, Mutator] = {
    "truncate": truncate, "flip": flip, "delete": delete, "duplicate": duplicate,
    "numbers": numbers, "keywords": keywords, "splice": splice, "recode": recode,
    "scribble": scribble,
}  # fmt: skip
PDF_ONLY = ("keywords",)
DUMP_ONLY = ("recode", "scribble")


def mutants(bases: list[Path], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of mutant i for i < count: base and mutator taken in turn."""
    datas = [p.read_bytes() for p in bases]
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        k = i % len(bases)
        pdf = datas[k].startswith(b"%PDF")
        kinds = [m for m in MUTATORS if m not in (DUMP_ONLY if pdf else PDF_ONLY)]
        kind = kinds[(i // len(bases)) % len(kinds)]
        other = datas[rng.randrange(len(datas))]
        suffix = ".pdf" if pdf else ".txt"
        yield f"{i:05d}-{bases[k].stem}-{kind}{suffix}", MUTATORS[kind](datas[k], other, rng)


def child(path: str) -> dict[str, object]:
    """Run the command on one input in this process, as the console script does, and check
    what it wrote: the child's report, one JSON object."""
    from broadsheet.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main([path, "-f", "json"])
    except BaseException:
        return {"outcome": "traceback", "detail": traceback.format_exc(limit=3)[-400:]}
    return _judge(path, code, out.getvalue(), err.getvalue())


def _judge(path: str, code: int, out: str, err: str) -> dict[str, object]:
    lines = err.splitlines()
    if any(not line.startswith("broadsheet: ") for line in lines):
        return {"outcome": "stderr", "detail": err[-400:]}
    if code not in (0, 1):
        return {"outcome": "bad-exit", "detail": f"exit {code}"}
    if code == 1 or not out:
        return {"outcome": "error" if lines else "bad-exit", "detail": err[-200:]}
    try:
        json.loads(out)
    except ValueError as e:
        return {"outcome": "bad-json", "detail": str(e)}
    return _conserved(path)


def _conserved(path: str) -> dict[str, object]:
    from broadsheet import parse
    from broadsheet.conserve import check

    tally = check(parse(path))
    if not tally.ok:
        return {"outcome": "lost", "detail": "; ".join(map(str, tally.findings[:3]))}
    return {"outcome": "ok", "detail": ""}


def run_one(name: str, data: bytes, folder: Path, timeout: float) -> dict[str, object]:
    """One mutant in a child process under the time limit."""
    path = folder / name
    path.write_bytes(data)
    argv = [sys.executable, "-m", "benchmarks.fuzz", "--child", str(path)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"name": name, "outcome": "hang", "detail": f"past {timeout} s"}
    if done.returncode < 0:
        return {"name": name, "outcome": "signal", "detail": f"signal {-done.returncode}"}
    try:
        report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"name": name, "outcome": "traceback", "detail": done.stderr[-400:]}
    return {"name": name, **report}


def campaign(
    bases: list[Path], count: int, seed: int, jobs: int, timeout: float
) -> list[dict[str, object]]:
    """Every mutant's report, in mutant order."""
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(jobs) as pool:
        folder = Path(tmp)
        futures = [
            pool.submit(run_one, name, data, folder, timeout)
            for name, data in mutants(bases, count, seed)
        ]
        return [f.result() for f in futures]


def keep(bases: list[Path], count: int, seed: int, names: set[str], folder: Path) -> None:
    """Save the named mutants (made again: they are the same for the same seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in mutants(bases, count, seed):
        if name in names:
            (folder / name).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("bases", nargs="*", type=Path, help="inputs to mutate")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S)
    parser.add_argument("--keep", type=Path, help="save each bad mutant here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    reports = campaign(args.bases or BASES, args.count, args.seed, args.jobs, args.timeout)
    bad = [r for r in reports if r["outcome"] in BAD_OUTCOMES]
    for r in bad:
        print(f"{r['name']}: {r['outcome']}: {r['detail']}")
    if args.keep and bad:
        keep(args.bases or BASES, args.count, args.seed, {str(r["name"]) for r in bad}, args.keep)
    counts = Counter(str(r["outcome"]) for r in reports)
    print(json.dumps({"mutants": len(reports), "seed": args.seed, **counts}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
