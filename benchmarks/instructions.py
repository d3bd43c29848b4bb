"""Instructions per seed-page parse, counted by valgrind: a speed figure that noise cannot move.

Usage::

    python benchmarks/instructions.py [--pages N]

Wall-clock timings on a shared machine swing by up to 2x from minute to minute, which hides
a 10 % change. The number of machine instructions a parse executes hardly moves, so it is
what to compare before and after a change (it is no substitute for `speed.py`: caches and
the interpreter's own speed still decide the seconds). Needs valgrind (Debian: `apt-get
install valgrind`); each run takes about a minute, as valgrind slows Python some 50-fold.

It runs this script's `--child` mode twice under callgrind: once parsing the seed page
only as a warm-up (imports, word-list load), once parsing it N more times; the difference
divided by N is the cost of one parse.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DEFAULT_PAGES = 10
_COLLECTED_RE = re.compile(r"Collected : (\d+)")


def child(pages: int) -> None:
    """Parse the seed page once to warm up, then `pages` more times."""
    from broadsheet.pipeline import parse_text

    text = (Path(__file__).resolve().parents[1] / "samples" / "taz-seed.txt").read_text("utf-8")
    for _ in range(pages + 1):
        parse_text(text, name="seed")


def instructions(pages: int) -> int:
    """Instructions callgrind counts for a child that parses the seed `pages` + 1 times."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            str(pages),
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same set and dict orders each run
    )
    found = _COLLECTED_RE.search(done.stderr)
    if found is None:
        raise SystemExit("instructions.py: valgrind printed no instruction count")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, metavar="N")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child)
        return 0
    if shutil.which("valgrind") is None:
        print(
            "instructions.py: valgrind is not installed (apt-get install valgrind)", file=sys.stderr
        )
        return 1
    per_page = (instructions(args.pages) - instructions(0)) / args.pages
    print(f"{per_page / 1e6:.1f} M instructions per seed-page parse ({args.pages} parses)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
