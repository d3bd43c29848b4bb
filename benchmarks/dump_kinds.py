"""broadsheet's text path on the kinds of dump people hold, next to naive (issue 13).

    python -m benchmarks.dump_kinds                 # report sets: real pages, held-out seeds
    python -m benchmarks.dump_kinds --tune          # tuned-on sets only (seeds 101-112)

Kinds: pdftotext's default output, pdftotext `-raw`, and pypdfium2's text of the PDF whose
content stream was shuffled (generated pages only; `bench` made those PDFs). Sets: the real
pages of `../shared/real` (each page dumped alone with `-f N -l N`) and the Typst and
ReportLab pages cached by `bench` (seeds 1-12 are the held-out report set, 101-112 the
tuned-on one). `naive` is what a user gets without broadsheet: one item, one paragraph per
blank-line block, a line-end hyphen joined before a lowercase letter.

Figures: CER, item F1 and field accuracy as `broadsheet eval` scores them, and the
bag-of-words F1 of all item text against the gold's (are the words there at all, in any
order). The issue's first rule: on every kind, broadsheet's CER at most naive's and its
bag-of-words F1 at least naive's. Needs poppler's `pdftotext` (Debian: poppler-utils).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.pagegen.extract import pdfium_text, pdftotext
from broadsheet.evaluate import PageScore, aggregate, evaluate_document
from broadsheet.export.json import page_dict
from broadsheet.matching import item_text
from broadsheet.pipeline import Options, parse_text

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
CACHE = ROOT / "benchmarks" / "out"
REPORT_SEEDS = range(1, 13)
TUNE_SEEDS = range(101, 113)
# Real pages nobody tunes on (as in benchmarks/real_pages.py).
HELD_ASIDE = frozenset({"de_klz_klassenzeitung_2024-08-12.p3"})
_WORD_RE = re.compile(r"\w+")
# A line-end hyphen naive joins: after a letter, before a lowercase letter.
_NAIVE_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zäöüß])")

Dump = Callable[[Path, int], str]  # (PDF, page number) -> the dump of that page


def dump_kinds() -> dict[str, Dump]:
    """The kinds of dump this benchmark makes, by name."""
    return {
        "pdftotext": lambda pdf, n: pdftotext(pdf, "-f", str(n), "-l", str(n)),
        "pdftotext -raw": lambda pdf, n: pdftotext(pdf, "-raw", "-f", str(n), "-l", str(n)),
        "shuffled stream": lambda pdf, n: pdfium_text(pdf.with_suffix(".stream.pdf")),
    }


def naive_page(text: str) -> dict[str, Any]:
    """One item, a paragraph per blank-line block, a hyphen joined before lowercase."""
    text = _NAIVE_HYPHEN_RE.sub("", text.replace("\f", "\n\n"))
    blocks = (" ".join(b.split()) for b in re.split(r"\n\s*\n", text))
    return {"items": [{"type": "article", "paragraphs": [b for b in blocks if b]}]}


def broadsheet_page(text: str, lang: str) -> dict[str, Any]:
    doc = parse_text(text, name="dump", options=Options(language=lang))
    pages = [page_dict(p) for p in doc.pages]
    return {"items": [item for p in pages for item in p["items"]]}


def bag_f1(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, int, int]:
    """(shared words, gold words, predicted words) of all item text, casefolded."""
    g = Counter(w.casefold() for i in gold["items"] for w in _WORD_RE.findall(item_text(i)))
    p = Counter(w.casefold() for i in pred["items"] for w in _WORD_RE.findall(item_text(i)))
    return (g & p).total(), g.total(), p.total()


def pages(tune: bool) -> Iterator[tuple[str, Path, int, dict[str, Any], bool]]:
    """(set, PDF, page number, gold, generated) for every page of the chosen sets."""
    if REAL.is_dir():
        for gold_file in sorted(REAL.glob("*.gold.json")):
            name = gold_file.name.removesuffix(".gold.json")
            if (name in HELD_ASIDE) == tune:
                continue
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            label = "real, held aside" if name in HELD_ASIDE else "real, tuned on"
            yield label, REAL / gold["source"], int(gold["page"]), gold, False
    seeds = TUNE_SEEDS if tune else REPORT_SEEDS
    for typesetter in ("typst", "reportlab"):
        for lang in ("de", "en"):
            for seed in seeds:
                pdf = CACHE / typesetter / f"{lang}-{seed:04d}.pdf"
                if pdf.exists():
                    gold = json.loads(pdf.with_suffix(".gold.json").read_text("utf-8"))
                    gold.setdefault("language", lang)
                    yield f"{typesetter} {seeds.start}-{seeds.stop - 1}", pdf, 1, gold, True


def run(tune: bool) -> dict[tuple[str, str, str], tuple[list[PageScore], list[int]]]:
    """Scores and bag-of-words counts by (set, kind, system)."""
    out: dict[tuple[str, str, str], tuple[list[PageScore], list[int]]] = {}
    for label, pdf, number, gold, generated in pages(tune):
        lang = str(gold.get("language") or "de")
        for kind, dump in dump_kinds().items():
            if kind == "shuffled stream" and not generated:
                continue
            text = dump(pdf, number)
            for system, pred in (
                ("broadsheet", broadsheet_page(text, lang)),
                ("naive", naive_page(text)),
            ):
                scores, bag = out.setdefault((label, kind, system), ([], [0, 0, 0]))
                scores.append(evaluate_document(gold, pred))
                for k, v in enumerate(bag_f1(gold, pred)):
                    bag[k] += v
    return out


def table(results: dict[tuple[str, str, str], tuple[list[PageScore], list[int]]]) -> str:
    lines = [
        "| set, dump kind, system | pages | CER | item F1 | field accuracy | words F1 |",
        "|---|---|---|---|---|---|",
    ]
    for (label, kind, system), (scores, (shared, gold, pred)) in results.items():
        a = aggregate(scores)
        words = 2 * shared / (gold + pred) if gold + pred else 1.0
        name = f"**{system}**" if system == "broadsheet" else system
        lines.append(
            f"| {label}, {kind}, {name} | {len(scores)} | {a.cer:.3f} | {a.item_f1:.3f} | "
            f"{a.field_accuracy:.3f} | {words:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--tune", action="store_true", help="the tuned-on sets only")
    args = parser.parse_args(argv)
    if not shutil.which("pdftotext"):
        print("dump_kinds: pdftotext is not installed (Debian: poppler-utils)", file=sys.stderr)
        return 1
    print(table(run(args.tune)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
