"""Instructions per seed-page parse, counted by valgrind: a speed figure that noise cannot move.

Usage::

    python benchmarks/instructions.py [--pages N] [--pdf]

Wall-clock timings on a shared machine swing by up to 2x from minute to minute, which hides
a 10 % change. The number of machine instructions a parse executes hardly moves, so it is
what to compare before and after a change (it is no substitute for `speed.py`: caches and
the interpreter's own speed still decide the seconds). Needs valgrind (Debian: `apt-get
install valgrind`); each run takes about a minute, as valgrind slows Python some 50-fold.

It runs this script's `--child` mode twice under callgrind: once parsing the seed page
only as a warm-up (imports, word-list load), once parsing it N more times; the difference
divided by N is the cost of one parse.

With --pdf it counts the PDF path instead, on the generated sample page
(samples/generated-de-0001.pdf, read from memory with `iter_pdf`), and beside it bare
pypdfium2 text extraction of the same page (`pdf[0]`, `get_textpage()`,
`get_text_range()`), PDFium's own instructions included in both: the ratio of the two is
the speed goal of the PDF path (at most 3x) in a figure noise cannot move.
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


SAMPLES = Path(__file__).resolve().parents[1] / "samples"
READERS = ("seed", "pdf", "pdfium")


def child(pages: int, reader: str = "seed") -> None:
    """Read the page once to warm up, then `pages` more times, with the named reader."""
    if reader == "seed":
        from broadsheet.pipeline import parse_text

        text = (SAMPLES / "taz-seed.txt").read_text("utf-8")
        for _ in range(pages + 1):
            parse_text(text, name="seed")
        return
    data = (SAMPLES / "generated-de-0001.pdf").read_bytes()
    for _ in range(pages + 1):
        if reader == "pdf":
            from broadsheet.pipeline import Options, iter_pdf

            for _doc in iter_pdf(data, "sample", Options(language="de")):
                pass
        else:
            _bare_pdfium(data)


def _bare_pdfium(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
    pdf.close()


def instructions(pages: int, reader: str = "seed") -> int:
    """Instructions callgrind counts for a child that reads its page `pages` + 1 times."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            str(pages),
            "--reader",
            reader,
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
    parser.add_argument("--pdf", action="store_true", help="count the PDF path (see above)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--reader", choices=READERS, default="seed", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.reader)
        return 0
    if shutil.which("valgrind") is None:
        print(
            "instructions.py: valgrind is not installed (apt-get install valgrind)", file=sys.stderr
        )
        return 1
    if not args.pdf:
        per_page = (instructions(args.pages) - instructions(0)) / args.pages
        print(f"{per_page / 1e6:.1f} M instructions per seed-page parse ({args.pages} parses)")
        return 0
    cost = {
        reader: (instructions(args.pages, reader) - instructions(0, reader)) / args.pages
        for reader in ("pdf", "pdfium")
    }
    for reader, label in (("pdfium", "bare pypdfium2"), ("pdf", "broadsheet PDF path")):
        print(f"{cost[reader] / 1e6:.1f} M instructions per sample-PDF read, {label}")
    print(f"PDF path / bare pypdfium2: {cost['pdf'] / cost['pdfium']:.2f}x ({args.pages} reads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
