"""Pooled figures of the PDF path over generated pages already in a cache folder.

    python -m benchmarks.score_cached benchmarks/out/reportlab de 1 12

Scores `LANG-NNNN.pdf` against its `.gold.json` for the seeds FIRST..LAST the cache holds
(a seed not made is passed over; the page count is printed) with whatever
`broadsheet` Python imports, and prints CER / item F1 / field accuracy / break F1 / order
tau pooled as the bench pools them. With `PYTHONPATH` pointing at an older checkout's
`src`, it scores that commit's parser on the very same pages (the README's "before"
columns of the held-out sets were made so).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.pagegen.bench import pdf_page
from broadsheet.evaluate import PageScore, aggregate, evaluate


def pooled(folder: Path, lang: str, first: int, last: int) -> PageScore:
    """The pages' scores summed into one."""
    scores = []
    for seed in range(first, last + 1):
        pdf = folder / f"{lang}-{seed:04d}.pdf"
        if not pdf.exists():
            continue  # a seed not made (the cache holds batches of seeds)
        gold = json.loads(pdf.with_suffix(".gold.json").read_text("utf-8"))
        scores.append(evaluate(gold, pdf_page(pdf, lang)[0]))
    return aggregate(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("folder", type=Path, help="a bench cache, e.g. benchmarks/out/typst")
    parser.add_argument("lang", help="de or en")
    parser.add_argument("first", type=int, help="first seed")
    parser.add_argument("last", type=int, help="last seed")
    args = parser.parse_args(argv)
    a = pooled(args.folder, args.lang, args.first, args.last)
    print(
        f"{args.folder.name} {args.lang} {args.first}-{args.last} ({a.pages} pages): {a.cer:.4f} / "
        f"{a.item_f1:.3f} / {a.field_accuracy:.3f} / {a.break_f1:.3f} / {a.order_tau:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
