"""The benchmark: generated pages, real extractors, broadsheet and the baselines side by side.

Usage::

    python -m benchmarks.pagegen.bench [--pages N] [--langs de,en] [--out DIR] [--json FILE]
                                       [--pdf-only] [--typesetter weasyprint|typst|reportlab]
                                       [--traits]

For each language it draws N pages (seeds 1..N), typesets them (cached in --out), extracts
each with every extractor this machine has, degrades the dumps (extract.DEGRADATIONS), and
scores three systems on every dump against the page's gold:

    broadsheet   the full pipeline
    raw          the extractor's text alone: one item, a paragraph per blank-line block
    ftfy+join    the same after ftfy.fix_text, with every line-end hyphen joined

broadsheet's PDF path (`parse_pdf`, geometry from PDFium) is scored too, as extractor "pdf"
of system "broadsheet": on the page's PDF (degradation "none") and on its copy with the
text blocks drawn in a shuffled order (degradation "stream-shuffled"; no text damage, the
PDF path reads no dump). The pools of dumps ("all dumps", "PDFs drawn in reading order",
the layout families, the JSON's "systems") leave it out.

It prints, per language: dehyphenation (confusion matrix and accuracy, with "always join"
and "never join"), then CER, item F1, field accuracy, paragraph-break F1 and order tau per
layout family, extractor and degradation; then the PDF path's table (below); and
broadsheet's pages per second on dumps and on PDFs.

The PDF path's table, per language and on the same pages: the PDF path on in-order PDFs,
on stream-shuffled PDFs and both pooled, then `raw` and broadsheet's text path on the dumps
of pdftotext, pypdfium2 and pdfminer, degradations "none" and "stream-shuffled" (whose
dumps also get U+002D line-end hyphens, see extract.DEGRADATIONS); and, per page, how far
the PDF path's CER on the shuffled PDF is from that on the in-order one.

--pdf-only runs just what that table needs: the PDF path, and `raw` and the text path (a
few ms a dump) on those three extractors with those two degradations; no ftfy+join, no
dehyphenation figures, and only that table is printed.

--typesetter typst / reportlab sets the pages with Typst (typst_page.py) or ReportLab
(rl_page.py), cached in out/typst / out/reportlab: typesetters the parser is measured on,
never tuned to (German from the shared real news corpus).

--traits sets WeasyPrint pages with the traits of real pages (traits.py), cached in
out/traits: pages to tune on; the plain pages are unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ftfy

from benchmarks.pagegen import linends
from benchmarks.pagegen.compose import gold as gold_of
from benchmarks.pagegen.compose import plan_page
from benchmarks.pagegen.corpus import CORPUS_ROOT, load_corpus
from benchmarks.pagegen.extract import DEGRADATIONS, PDF_DEGRADATIONS, degrade, extractors
from benchmarks.pagegen.furniture_score import Tally, tally
from benchmarks.pagegen.reorder import shuffle_stream
from benchmarks.pagegen.typeset import typeset
from broadsheet.evaluate import PageScore, aggregate, evaluate
from broadsheet.export.json import page_dict
from broadsheet.load.text import decode
from broadsheet.pipeline import Options, learn, parse_pdf, parse_text

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "out"
METRICS = ("cer", "item_f1", "field_accuracy", "break_f1", "order_tau")
SYSTEMS = ("broadsheet", "raw", "ftfy+join")
# Dumps the dehyphenation figure is taken from: hyphens as U+002D, as on real pages. Take
# it from pdfminer (`--extractors pdfminer`): pdftotext joins lines that end in "-" itself,
# real hyphens included ("CoronaPandemie"), and PDFium marks them with U+FFFE, so their
# dumps hold hardly any real hyphen at a line end.
DEHYPHENATION_DUMPS = ("hyphen-minus",)
# The PDF path's extractor label, and what it reads for each degradation label.
PDF_EXTRACTOR = "pdf"
PDF_RUNS = ("none", "stream-shuffled")
# The PDF path's table: the dumps it is set against, and its columns.
VERSUS_EXTRACTORS = ("pdftotext", "pypdfium2", "pdfminer")
VERSUS_DEGRADATIONS = ("none", "stream-shuffled")
VERSUS_SYSTEMS = {"raw": "raw", "broadsheet": "broadsheet text path"}
VERSUS_METRICS = ("cer", "item_f1", "field_accuracy", "order_tau", "break_f1")
KEY_FIELDS = ("lang", "system", "family", "extractor", "degradation")


@dataclass(frozen=True)
class Generated:
    seed: int
    lang: str
    pdf: Path
    gold: dict[str, Any]


def generate(
    lang: str, seed: int, out: Path, corpus: Path = CORPUS_ROOT, typesetter: str = "weasyprint"
) -> Generated:
    """One page's PDF and gold, typeset once and then read from `out` (Typst pages: German
    from the shared real news corpus, see typst_page.py; `corpus` is not read). Typesetter
    "traits": WeasyPrint pages with the traits of real pages (traits.py); "reportlab": the
    third typesetter (rl_page.py), German from the real news corpus too."""
    if typesetter == "reportlab":
        from benchmarks.pagegen.rl_page import generate_rl

        return Generated(seed, lang, *generate_rl(lang, seed, out))
    if typesetter == "typst":
        from benchmarks.pagegen.typst_page import generate_typst

        return Generated(seed, lang, *generate_typst(lang, seed, out))
    if typesetter == "traits":
        from benchmarks.pagegen.traits_page import generate_traits

        return Generated(seed, lang, *generate_traits(lang, seed, out, corpus))
    pdf, gold_path = out / f"{lang}-{seed:04d}.pdf", out / f"{lang}-{seed:04d}.gold.json"
    if not (pdf.exists() and gold_path.exists()):
        out.mkdir(parents=True, exist_ok=True)
        plan = typeset(plan_page(load_corpus(lang, corpus), seed, lang), pdf)
        gold_path.write_text(json.dumps(gold_of(plan), ensure_ascii=False, indent=1), "utf-8")
    return Generated(seed, lang, pdf, json.loads(gold_path.read_text("utf-8")))


def dumps(
    page: Generated, only: Sequence[str] = (), damage: Sequence[str] = ()
) -> Iterator[tuple[str, str, str]]:
    """(extractor, degradation, text) for every extractor and degradation (or those named)."""
    for name, extract in extractors().items():
        if only and name not in only:
            continue
        raw = extract(page.pdf)
        for degradation in damage or DEGRADATIONS:
            text = extract(stream_shuffled(page)) if degradation in PDF_DEGRADATIONS else raw
            yield name, degradation, degrade(text, degradation, page.seed)


def stream_shuffled(page: Generated) -> Path:
    """The page's PDF with its text blocks drawn in a seeded random order (made once)."""
    path = page.pdf.with_suffix(".stream.pdf")
    if not path.exists():
        shuffle_stream(page.pdf, path, page.seed)
    return path


def raw_page(text: str) -> dict[str, Any]:
    """The extractor's text as one item, a paragraph per blank-line block."""
    blocks = [" ".join(b.split()) for b in text.replace("\f", "\n\n").split("\n\n")]
    return {"items": [{"type": "article", "paragraphs": [b for b in blocks if b]}]}


def ftfy_join_page(text: str) -> dict[str, Any]:
    """ftfy's repairs, then every line-end hyphen joined and every other break a space."""
    fixed = ftfy.fix_text(text).replace("\u2010\n", "-\n")
    paragraphs = []
    for block in fixed.replace("\f", "\n\n").split("\n\n"):
        joined = ""
        for line in (ln.strip() for ln in block.split("\n")):
            if not line:
                continue
            if joined.endswith("-"):
                joined = joined[:-1] + line
            else:
                joined = f"{joined} {line}" if joined else line
        if joined:
            paragraphs.append(joined)
    return {"items": [{"type": "article", "paragraphs": paragraphs}]}


def pdf_page(path: Path, lang: str) -> tuple[dict[str, Any], float]:
    """broadsheet's PDF path on one PDF: its items, and the seconds `parse_pdf` took."""
    start = time.perf_counter()
    doc, _skipped = parse_pdf(path, Options(language=lang))
    seconds = time.perf_counter() - start
    pages = [page_dict(p) for p in doc.pages]
    items = [item for p in pages for item in p["items"]]
    return {"items": items, "furniture": [f for p in pages for f in p["furniture"]]}, seconds


def broadsheet_page(text: str, lang: str) -> tuple[dict[str, Any], float]:
    start = time.perf_counter()
    doc = parse_text(text, name="dump", options=Options(language=lang))
    seconds = time.perf_counter() - start
    pages = [page_dict(p) for p in doc.pages]
    items = [item for p in pages for item in p["items"]]
    return {"items": items}, seconds


@dataclass
class Results:
    scores: dict[tuple[str, ...], list[PageScore]]
    hyphens: dict[str, list[tuple[str, str]]]
    seconds: float = 0.0
    parses: int = 0
    pdf_seconds: float = 0.0
    pdf_parses: int = 0
    # Per language, |CER(shuffled PDF) - CER(in-order PDF)| of each page (PDF path).
    pdf_gaps: dict[str, list[float]] = field(default_factory=dict)
    # Per language, the gold furniture of the in-order PDFs found (furniture_score.py).
    furniture: dict[str, Tally] = field(default_factory=dict)


def run_page(
    page: Generated,
    results: Results,
    only: Sequence[str] = (),
    damage: Sequence[str] = (),
    systems: Sequence[str] = SYSTEMS,
) -> None:
    """Score every system (or those named) on every dump of one page; collect its line ends."""
    family = page.gold.get("layout", "?")
    for extractor, degradation, text in dumps(page, only, damage):
        preds = {"raw": raw_page(text)}
        if "ftfy+join" in systems:
            preds["ftfy+join"] = ftfy_join_page(text)
        if "broadsheet" in systems:
            preds["broadsheet"], seconds = broadsheet_page(text, page.lang)
            results.seconds += seconds
            results.parses += 1
        for system, p in preds.items():
            key = (page.lang, system, family, extractor, degradation)
            results.scores.setdefault(key, []).append(evaluate(page.gold, p))
        if degradation in DEHYPHENATION_DUMPS:
            lex = learn(decode(text.encode("utf-8"), "dump"), Options(language=page.lang)).lex
            for case in linends.line_ends(text, page.gold):
                pair = (case.truth, linends.decision(case, lex))
                results.hyphens.setdefault(page.lang, []).append(pair)
                if linends.unlisted(case, page.lang):
                    results.hyphens.setdefault(f"{page.lang} unlisted", []).append(pair)


def run_pdf(page: Generated, results: Results, damage: Sequence[str] = ()) -> None:
    """Score broadsheet's PDF path on the page's PDF and on its stream-shuffled copy (or
    on those of the two that `damage` names)."""
    family = page.gold.get("layout", "?")
    cers = []
    for degradation in (d for d in PDF_RUNS if not damage or d in damage):
        path = stream_shuffled(page) if degradation in PDF_DEGRADATIONS else page.pdf
        pred, seconds = pdf_page(path, page.lang)
        results.pdf_seconds += seconds
        results.pdf_parses += 1
        score = evaluate(page.gold, pred)
        if degradation == "none":
            results.furniture.setdefault(page.lang, Tally()).add(tally(page.gold, pred))
        key = (page.lang, "broadsheet", family, PDF_EXTRACTOR, degradation)
        results.scores.setdefault(key, []).append(score)
        cers.append(score.cer)
    if len(cers) == len(PDF_RUNS):
        results.pdf_gaps.setdefault(page.lang, []).append(abs(cers[1] - cers[0]))


def pooled(results: Results, **match: str) -> PageScore:
    """The pooled score of every key matching the given fields. The PDF path's scores
    count only where `extractor` names it: every other pool is one of text dumps."""
    chosen = []
    for key, scores in results.scores.items():
        fields = dict(zip(KEY_FIELDS, key, strict=True))
        if fields["extractor"] == PDF_EXTRACTOR and "extractor" not in match:
            continue
        if all(fields[k] == v for k, v in match.items()):
            chosen += scores
    return aggregate(chosen)


def in_stream_order(results: Results, lang: str, system: str) -> PageScore:
    """The pooled score of the dumps of unshuffled PDFs (every degradation but those
    made to the PDF itself): what text alone can be expected to recover."""
    return aggregate(
        pooled(results, lang=lang, system=system, degradation=degradation)
        for degradation in DEGRADATIONS
        if degradation not in PDF_DEGRADATIONS
    )


def row(label: str, score: PageScore, metrics: Sequence[str] = METRICS) -> str:
    values = " | ".join(
        f"{score.metric(m):.4f}" if m == "cer" else f"{score.metric(m):.3f}" for m in metrics
    )
    return f"| {label} | {score.pages} | {values} |"


def hyphen_report(lang: str, pairs: list[tuple[str, str]]) -> list[str]:
    counts = linends.confusion(pairs)
    total = len(pairs)
    right = sum(n for (t, d), n in counts.items() if t == d)
    always = sum(n for (t, _), n in counts.items() if t == "join")
    never = total - always - sum(n for (t, _), n in counts.items() if t == "elision")
    lines = [
        f"dehyphenation ({lang}): {total} line ends, broadsheet {right / max(total, 1):.2%}, "
        f"always join {always / max(total, 1):.2%}, never join {never / max(total, 1):.2%}",
        "| truth \\ decided | " + " | ".join(linends.CLASSES) + " |",
        "|---|" + "---|" * len(linends.CLASSES),
    ]
    for t in linends.CLASSES:
        cells = " | ".join(str(counts[(t, d)]) for d in linends.CLASSES)
        lines.append(f"| {t} | {cells} |")
    return lines


def table_head(metrics: Sequence[str]) -> list[str]:
    return [
        "| " + " | ".join(["what", "pages", *metrics]) + " |",
        "|---" * (len(metrics) + 2) + "|",
    ]


def dump_report(results: Results, lang: str) -> list[str]:
    """Dehyphenation, then every system per extractor, degradation and layout family."""
    out = hyphen_report(lang, results.hyphens.get(lang, []))
    unseen = results.hyphens.get(f"{lang} unlisted", [])
    right = sum(t == d for t, d in unseen)
    out.append(
        f"of these, {len(unseen)} whose word wordfreq does not list: "
        f"{right / max(len(unseen), 1):.2%} right"
    )
    out += ["", *table_head(METRICS)]
    for system in SYSTEMS:
        out.append(row(f"{system}, all dumps", pooled(results, lang=lang, system=system)))
    for system in SYSTEMS:
        in_order = in_stream_order(results, lang, system)
        if in_order.pages:
            out.append(row(f"{system}, PDFs drawn in reading order", in_order))
    keys = results.scores.keys()
    for extractor in sorted({k[3] for k in keys if k[0] == lang}):
        for degradation in DEGRADATIONS:
            for system in SYSTEMS:
                match = {"system": system, "extractor": extractor, "degradation": degradation}
                score = pooled(results, lang=lang, **match)
                if score.pages:
                    out.append(row(f"{system}, {extractor}, {degradation}", score))
    for family in sorted({k[2] for k in keys if k[0] == lang}):
        score = pooled(results, lang=lang, system="broadsheet", family=family)
        out.append(row(f"broadsheet, {family}", score))
    return out


def pdf_scores(results: Results, lang: str) -> dict[str, PageScore]:
    """The PDF path's pooled scores: in-order PDFs, stream-shuffled PDFs, both."""
    match = {"lang": lang, "system": "broadsheet", "extractor": PDF_EXTRACTOR}
    return {
        "in-order PDFs": pooled(results, **match, degradation="none"),
        "stream-shuffled PDFs": pooled(results, **match, degradation="stream-shuffled"),
        "both pooled": pooled(results, **match),
    }


def pdf_report(results: Results, lang: str) -> list[str]:
    """The PDF path against raw dumps and the text path, on the same pages."""
    out = [f"PDF path ({lang}): broadsheet on the PDF against the text dumps", ""]
    out += table_head(VERSUS_METRICS)
    for label, score in pdf_scores(results, lang).items():
        out.append(row(f"broadsheet PDF path, {label}", score, VERSUS_METRICS))
    for system, name in VERSUS_SYSTEMS.items():
        for extractor in VERSUS_EXTRACTORS:
            for degradation in VERSUS_DEGRADATIONS:
                match = {"system": system, "extractor": extractor, "degradation": degradation}
                score = pooled(results, lang=lang, **match)
                if score.pages:
                    out.append(row(f"{name}, {extractor}, {degradation}", score, VERSUS_METRICS))
    if lang in results.furniture and results.furniture[lang].gold:
        out.append(results.furniture[lang].line("in-order PDFs"))
    gaps = results.pdf_gaps.get(lang, [])
    if gaps:
        same = sum(g < 1e-9 for g in gaps)
        out.append(
            f"PDF path, shuffled against in-order, per page: |CER gap| max {max(gaps):.4f}, "
            f"mean {sum(gaps) / len(gaps):.4f}; {same} of {len(gaps)} pages the same CER"
        )
    return out


def rates(results: Results) -> list[str]:
    out = []
    if results.parses:
        rate = results.parses / results.seconds if results.seconds else 0.0
        out.append(f"broadsheet: {results.parses} dumps parsed, {rate:.1f} pages/s")
    if results.pdf_parses:
        rate = results.pdf_parses / results.pdf_seconds if results.pdf_seconds else 0.0
        out.append(
            f"broadsheet PDF path: {results.pdf_parses} PDFs parsed, {rate:.1f} pages/s "
            "(parse_pdf: file read, PDFium, layout)"
        )
    return out


def report(results: Results, langs: list[str], pdf_only: bool = False) -> str:
    out: list[str] = []
    for lang in langs:
        out += [f"## {lang}", ""]
        if not pdf_only:
            out += [*dump_report(results, lang), ""]
        if results.pdf_parses:
            out += [*pdf_report(results, lang), ""]
    return "\n".join(out + rates(results))


def summary(results: Results, langs: list[str]) -> dict[str, Any]:
    """The headline figures as JSON, for tests and the README."""
    figures: dict[str, Any] = {"pages_per_s": results.parses / max(results.seconds, 1e-9)}
    for lang in langs:
        pairs = results.hyphens.get(lang, [])
        by_system = {
            s: {m: pooled(results, lang=lang, system=s).metric(m) for m in METRICS} for s in SYSTEMS
        }
        unseen = results.hyphens.get(f"{lang} unlisted", [])
        figures[lang] = {
            "line_ends": len(pairs),
            "dehyphenation_accuracy": sum(t == d for t, d in pairs) / max(len(pairs), 1),
            "unlisted_line_ends": len(unseen),
            "unlisted_accuracy": sum(t == d for t, d in unseen) / max(len(unseen), 1),
            "confusion": {f"{t}->{d}": n for (t, d), n in linends.confusion(pairs).items()},
            "systems": by_system,
        }
        if results.pdf_parses:
            figures[lang]["pdf_path"] = pdf_summary(results, lang)
    if results.pdf_parses:
        figures["pdf_pages_per_s"] = results.pdf_parses / max(results.pdf_seconds, 1e-9)
    return figures


def pdf_summary(results: Results, lang: str) -> dict[str, Any]:
    """The PDF path's pooled figures, and its largest per-page CER gap from shuffling."""
    figures: dict[str, Any] = {
        label: {m: score.metric(m) for m in METRICS}
        for label, score in pdf_scores(results, lang).items()
    }
    figures["max_shuffle_cer_gap"] = max(results.pdf_gaps.get(lang, [0.0]))
    return figures


def _names(text: str) -> list[str]:
    return [name for name in text.split(",") if name]


def run_one(page: Generated, results: Results, args: argparse.Namespace) -> None:
    """One page as the command line asks: everything, or just the PDF path's table."""
    only, damage = _names(args.extractors), _names(args.degradations)
    if args.pdf_only:
        extractors = [e for e in VERSUS_EXTRACTORS if not only or e in only]
        run_page(page, results, extractors, VERSUS_DEGRADATIONS, tuple(VERSUS_SYSTEMS))
        run_pdf(page, results)
        return
    run_page(page, results, only, damage)
    if not only or PDF_EXTRACTOR in only:
        run_pdf(page, results, damage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--pages", type=int, default=4, metavar="N", help="pages per language")
    parser.add_argument(
        "--first-seed",
        type=int,
        default=1,
        metavar="S",
        help="seed of the first page (default 1). Typst seeds 1-12 are the held-out report "
        "set; tune on others (101 and up)",
    )
    parser.add_argument("--langs", default="de,en", help="languages (default de,en)")
    parser.add_argument("--out", type=Path, help="PDF and gold cache (default benchmarks/out)")
    parser.add_argument(
        "--typesetter",
        choices=("weasyprint", "typst", "reportlab"),
        default="weasyprint",
        help="typst: the held-out second typesetter (typst_page.py), cached in out/typst; "
        "reportlab: the third, never tuned on (rl_page.py), cached in out/reportlab",
    )
    parser.add_argument(
        "--traits",
        action="store_true",
        help="WeasyPrint pages with real pages' traits (traits.py), cached in out/traits",
    )
    parser.add_argument("--json", type=Path, help="also write the summary figures here")
    parser.add_argument("--extractors", default="", help="comma-separated (default: all)")
    parser.add_argument("--degradations", default="", help="comma-separated (default: all)")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS_ROOT, help="folder with one subfolder per language"
    )
    parser.add_argument(
        "--pdf-only",
        action="store_true",
        help="just the PDF path's table: the PDF path, raw and the text path on "
        f"{','.join(VERSUS_EXTRACTORS)} dumps, degradations {','.join(VERSUS_DEGRADATIONS)}",
    )
    args = parser.parse_args(argv)
    langs = [lang for lang in args.langs.split(",") if lang]
    typesetter = "traits" if args.traits else args.typesetter
    subfolder = {"typst": "typst", "traits": "traits", "reportlab": "reportlab"}
    out = args.out or DEFAULT_OUT / subfolder.get(typesetter, "")
    results = Results(scores={}, hyphens=defaultdict(list))
    for lang in langs:
        for seed in range(args.first_seed, args.first_seed + args.pages):
            page = generate(lang, seed, out, args.corpus, typesetter)
            run_one(page, results, args)
            print(f"{lang} page {seed}", file=sys.stderr)
    print(report(results, langs, args.pdf_only))
    if args.json:
        args.json.write_text(json.dumps(summary(results, langs), indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
