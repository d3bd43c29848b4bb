"""How long one page takes as a whole process: interpreter start, imports, word list, page.

Usage::

    python benchmarks/startup.py [--runs N] [--as-is] [--cold]

A user who runs `broadsheet page.txt` once waits for all of it, and for one page the
imports and the word list used to cost more than the page itself (issue 14). Each command
runs once to warm up (that run makes the word-list cache, `repair/wordlist.py`, and the
bytecode where they are missing; its time is shown as "first"; --cold starts from an empty
word-list cache, so the first text run shows what building it costs), then N times (default
15, going round the commands in turn), output to /dev/null; the table gives the median and
lowest wall time and the median CPU time (user + system; less moved than wall time by other
work on a shared machine):

    python -c pass                           the interpreter alone, for reference
    python -c "import broadsheet.cli"        the imports alone
    python -m broadsheet.cli <page>          the seed dump and the one-page sample PDF
    broadsheet <page>                        the same through the installed console script

Bytecode: pip compiles an installed package's modules, and an editable install writes them
on first import, unless PYTHONDONTWRITEBYTECODE is set (as in some sandboxes and CI
images); then every run compiles broadsheet's sources again, about 0.1 s. So by default
the runs write and read bytecode in a folder of their own (PYTHONPYCACHEPREFIX, under the
system's temporary folder), as an installed package would; --as-is runs them in the
environment as given. To measure another checkout the same way, put its src first:
`PYTHONPATH=OTHER/src python benchmarks/startup.py`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_PAGE = ROOT / "samples" / "taz-seed.txt"
PDF_PAGE = ROOT / "samples" / "generated-de-0001.pdf"
RUNS = 15
# The goals of issue 14, whole process, one page (seconds).
GOALS = {"text": 0.15, "pdf": 0.2}


def commands() -> list[tuple[str, list[str], str]]:
    """(label, argv, goal key) for each command measured."""
    python = sys.executable
    script = shutil.which("broadsheet", path=str(Path(python).parent)) or shutil.which("broadsheet")
    rows = [
        ("python -c pass", [python, "-c", "pass"], ""),
        ("import broadsheet.cli", [python, "-c", "import broadsheet.cli"], ""),
    ]
    for kind, page in (("text", TEXT_PAGE), ("pdf", PDF_PAGE)):
        name = page.relative_to(ROOT)
        rows.append(
            (f"python -m broadsheet.cli {name}", [python, "-m", "broadsheet.cli", str(page)], kind)
        )
        if script:
            rows.append((f"broadsheet {name}", [script, str(page)], kind))
    return rows


def environment(as_is: bool) -> dict[str, str]:
    """The children's environment: bytecode cached outside the tree unless `as_is`."""
    env = dict(os.environ)
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("PYTHONPYCACHEPREFIX", str(pycache_dir()))
    return env


def pycache_dir() -> Path:
    """Where the runs keep their bytecode (a folder of the system's temporary one, so that
    an older checkout, without the word-list cache, can be measured the same way)."""
    return Path(tempfile.gettempdir()) / "broadsheet-startup-pycache"


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(runs: int, env: dict[str, str]) -> list[tuple[str, float, float, float, float, str]]:
    """Per command: label, first run's wall time, median and lowest wall, median CPU, goal.
    The runs go round the commands in turn, so that a change in the machine's load hits
    them all alike."""
    table = commands()
    firsts = [timed(argv, env)[0] for _, argv, _ in table]
    samples: list[list[tuple[float, float]]] = [[] for _ in table]
    for _ in range(runs):
        for (_, argv, _), got in zip(table, samples, strict=True):
            got.append(timed(argv, env))
    rows = []
    for (label, _, goal), first, got in zip(table, firsts, samples, strict=True):
        walls, cpus = [w for w, _ in got], [c for _, c in got]
        rows.append(
            (label, first, statistics.median(walls), min(walls), statistics.median(cpus), goal)
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per command ({RUNS})")
    parser.add_argument(
        "--as-is", action="store_true", help="keep the environment's bytecode settings"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="start from an empty word-list cache (the first text run then builds it)",
    )
    args = parser.parse_args()
    env = environment(args.as_is)
    with tempfile.TemporaryDirectory() as empty:
        if args.cold:
            env["BROADSHEET_CACHE"] = empty
        load = os.getloadavg()[0]
        rows = measure(args.runs, env)
    mode = "as given" if args.as_is else "bytecode cached (PYTHONPYCACHEPREFIX)"
    cache = "empty word-list cache at the start" if args.cold else "word-list cache as found"
    print(f"{args.runs} runs per command; {mode}; {cache}")
    print(f"load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    print()
    print("| command | first s | median s | lowest s | median CPU s | goal s |")
    print("|---|---|---|---|---|---|")
    for label, first, median, lowest, cpu, goal in rows:
        target = f"{GOALS[goal]:.2f}" if goal else ""
        print(f"| `{label}` | {first:.3f} | {median:.3f} | {lowest:.3f} | {cpu:.3f} | {target} |")


if __name__ == "__main__":
    main()
