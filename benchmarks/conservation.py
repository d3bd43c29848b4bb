"""Conservation over the generated benchmark: every page of every typesetter, and its dumps.

Usage::

    python -m benchmarks.conservation [--pages 4] [--first-seed 1] [--langs de,en]
                                      [--typesetters weasyprint,traits,typst,reportlab]
                                      [--no-dumps] [--export DIR] [--show]

For each generated page (benchmarks/pagegen, cached in benchmarks/out as the benchmark caches
it) it parses the PDF and runs both checks of `broadsheet.conserve`:

- `check`: every character of the source text is in an item, furniture, an ad or a repair
  record, or is layout white space or an invisible character (counted apart), and no two
  owners claim it;
- `check_pdf`: every letter and digit PDFium reads on the page is in the source text or in
  a hidden run, which is listed with its reason.

Then, unless --no-dumps, it parses every extractor's dump of the page (pdftotext where
poppler is installed, pdfminer, pypdfium2) under every degradation of the benchmark
(benchmarks/pagegen/extract.DEGRADATIONS) and runs `check` on each.

It prints one line per typesetter with the pooled counts: pages, dumps, characters
accounted, invisible, hidden, and the findings (unaccounted, doubled, not read); the exit
status is 1 when any check found something. Typst and ReportLab pages are the held-out
typesetters (seeds 1-12 are their report set): only pooled counts are printed unless --show,
which lists each finding with its text, for pages one may look at.

--export DIR writes each page as DIR/<typesetter>-<lang>-<seed>/page.pdf with its dumps as
dump-<extractor>-<degradation>.txt beside it: the layout the reliability campaign's
EXTRA_PAGES reads (../shared/reliability).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.pagegen.bench import DEFAULT_OUT, Generated, dumps, generate
from broadsheet.conserve import Finding, check, check_pdf
from broadsheet.pipeline import parse_pdf, parse_text

TYPESETTERS = ("weasyprint", "traits", "typst", "reportlab")
CACHE = {"weasyprint": DEFAULT_OUT, "traits": DEFAULT_OUT / "traits",
         "typst": DEFAULT_OUT / "typst", "reportlab": DEFAULT_OUT / "reportlab"}  # fmt: skip


@dataclass
class Pool:
    """The counts of one typesetter's pages and dumps, and what was found."""

    pages: int = 0
    dumps: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    findings: list[tuple[str, Finding]] = field(default_factory=list)

    def line(self, name: str) -> str:
        c = self.counts
        kinds = Counter(f.kind for _, f in self.findings)
        return (
            f"{name:<11} pages {self.pages:>3}  dumps {self.dumps:>4}  accounted "
            f"{c['accounted']:>9}  invisible {c['invisible']:>5}  hidden {c['hidden']:>5}  "
            f"unaccounted {kinds['unaccounted']}  doubled {kinds['doubled']}  "
            f"not read {kinds['not read']}"
        )


def check_page(page: Generated, pool: Pool, with_dumps: bool, label: str) -> None:
    """Both checks on the page's PDF, and `check` on each of its dumps."""
    doc, _ = parse_pdf(page.pdf)
    tally = check(doc)
    pool.pages += 1
    pool.counts.update(accounted=tally.accounted, invisible=tally.invisible)
    pool.counts.update(hidden=tally.hidden_chars)
    found = [*tally.findings, *check_pdf(page.pdf.read_bytes(), doc)]
    pool.findings += [(f"{label} pdf", f) for f in found]
    if not with_dumps:
        return
    for extractor, degradation, text in dumps(page):
        tally = check(parse_text(text, f"{label}-{extractor}-{degradation}"))
        pool.dumps += 1
        pool.counts.update(accounted=tally.accounted, invisible=tally.invisible)
        pool.findings += [(f"{label} {extractor}/{degradation}", f) for f in tally.findings]


def export(page: Generated, folder: Path) -> None:
    """The page's PDF and dumps in the campaign's EXTRA_PAGES layout."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page.pdf, folder / "page.pdf")
    for extractor, degradation, text in dumps(page):
        (folder / f"dump-{extractor}-{degradation}.txt").write_text(text, "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--pages", type=int, default=4, metavar="N", help="pages per language")
    parser.add_argument("--first-seed", type=int, default=1, metavar="S")
    parser.add_argument("--langs", default="de,en", help="languages (default de,en)")
    parser.add_argument("--typesetters", default=",".join(TYPESETTERS))
    parser.add_argument("--no-dumps", action="store_true", help="the PDFs only")
    parser.add_argument("--export", type=Path, metavar="DIR", help="also write pages and dumps")
    parser.add_argument("--show", action="store_true", help="list each finding with its text")
    args = parser.parse_args(argv)
    found = 0
    for typesetter in [t for t in args.typesetters.split(",") if t]:
        pool = Pool()
        for lang in [lang for lang in args.langs.split(",") if lang]:
            for seed in range(args.first_seed, args.first_seed + args.pages):
                page = generate(lang, seed, CACHE[typesetter], typesetter=typesetter)
                label = f"{typesetter}-{lang}-{seed}"
                check_page(page, pool, not args.no_dumps, label)
                if args.export:
                    export(page, args.export / label)
                print(f"{label}: {len(pool.findings)} findings so far", file=sys.stderr)
        print(pool.line(typesetter), flush=True)
        if args.show:
            for where, finding in pool.findings:
                print(f"  {where}: {finding}")
        found += len(pool.findings)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
