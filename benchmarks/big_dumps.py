"""Time the text stages on dump pages near the size limits, the shapes that once took a
layout stage the square of their lines or blocks.

Usage::

    python -m benchmarks.big_dumps [--seed 2]

Each page is one page of a dump (no form feed), within MAX_PAGE_CHARS and MAX_PAGE_LINES,
made of words drawn from the sample dump (samples/taz-seed.txt) with a seeded generator:
thousands of short lines without a blank line, thousands of one-line blocks, lines ending
in a cut word, lines in capitals. It prints each page's size and the seconds
`broadsheet.pipeline.parse_text` took (one run, one core, after a warm-up).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from broadsheet.pipeline import parse_text

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "taz-seed.txt"


def shapes(words: list[str], rng: random.Random) -> dict[str, str]:
    """The pages, by name."""

    def w(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n))

    def lines(count: int, make: Callable[[], str], sep: str = "\n") -> str:
        return sep.join(make() for _ in range(count))

    return {
        "19,000 lines of 3 words": lines(19000, lambda: w(3)),
        "19,000 lines of 1 word": lines(19000, lambda: w(1)),
        "9,000 one-line blocks": lines(9000, lambda: w(4), "\n\n"),
        "9,000 one-line blocks, each ending in a cut word": lines(
            9000, lambda: w(3) + " Ver-", "\n\n"
        ),
        "19,000 lines in capitals": lines(19000, lambda: w(2).upper()),
        "2,000 lines of 25 words": lines(2000, lambda: w(25)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args(argv)
    words = SAMPLE.read_text("utf-8").split()
    parse_text("Warm-up: the word lists load once.")
    for name, text in shapes(words, random.Random(args.seed)).items():
        start = time.perf_counter()
        parse_text(text)
        took = time.perf_counter() - start
        print(f"{name:<50} {len(text):>8,} chars {text.count(chr(10)) + 1:>7,} lines {took:6.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
