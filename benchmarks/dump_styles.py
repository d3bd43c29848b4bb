"""The seed page as other extractors would dump it, scored against its gold.

Usage::

    python benchmarks/dump_styles.py [--shuffles N]

Extractors mark line-end hyphens differently (U+00AD, PDFium's U+FFFE, pypdfium2 joining the
lines itself), end lines with CRLF, or set no blank line between blocks. The last rows shuffle
the dump's blocks (seeded), as a PDF whose content stream is not in reading order would:
text alone then carries little evidence of which block follows which.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from broadsheet.evaluate import PageScore, evaluate
from broadsheet.export.json import page_dict
from broadsheet.pipeline import parse_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BLANK_RE = re.compile(r"\n[ \t]*\n")

STYLES: dict[str, Callable[[str], str]] = {
    "as dumped": lambda t: t,
    "soft hyphen U+00AD": lambda t: t.replace("-\n", "\u00ad\n"),
    "PDFium U+FFFE at line end": lambda t: t.replace("-\n", "\ufffe\n"),
    "PDFium joined lines": lambda t: re.sub(
        r"(\w)-\n(\w)", lambda m: m.group(1) + "\ufffe" + m.group(2), t
    ),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "no blank lines": lambda t: BLANK_RE.sub("\n", t),
}


def shuffled(text: str, seed: int) -> str:
    """The dump's blocks in a seeded random order."""
    blocks = BLANK_RE.split(text.strip("\n"))
    random.Random(seed).shuffle(blocks)
    return "\n\n".join(blocks)


def score(text: str) -> PageScore:
    gold = json.loads((SAMPLES / "taz-seed.gold.json").read_text(encoding="utf-8"))
    return evaluate(gold, page_dict(parse_text(text).pages[0]))


def row(name: str, s: PageScore) -> str:
    return (
        f"| {name} | {s.item_f1:.3f} | {s.cer:.4f} | {s.field_accuracy:.3f} | "
        f"{s.break_f1:.3f} | {s.order_tau:.3f} | {s.checks.hit}/{s.checks.total} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shuffles", type=int, default=5, help="shuffled dumps (default 5)")
    args = parser.parse_args()
    seed = (SAMPLES / "taz-seed.txt").read_text(encoding="utf-8")
    print("| dump style | item F1 | CER | fields | breaks | tau | checks |")
    print("|---|---|---|---|---|---|---|")
    for name, transform in STYLES.items():
        print(row(name, score(transform(seed))))
    for k in range(args.shuffles):
        print(row(f"blocks shuffled (seed {k})", score(shuffled(seed, k))))


if __name__ == "__main__":
    main()
