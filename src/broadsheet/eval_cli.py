"""`broadsheet eval GOLD PRED`: the command-line face of the metrics in `broadsheet.evaluate`.

Kept apart from the metrics so that scoring code stays importable without argparse and
file handling; everything here reads files, formats reports or decides exit codes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from broadsheet.evaluate import (
    CEILINGS,
    METRICS,
    Count,
    EvalError,
    Page,
    PageScore,
    aggregate,
    evaluate_document,
    labelled,
    pages_of,
)
from broadsheet.output import STDOUT_CLOSED

EXIT_OK, EXIT_INPUT, EXIT_MISSED = 0, 1, 3


def format_report(score: PageScore) -> str:
    """A compact table of every metric with the counts behind it."""
    items = f"{score.matched} matched of {score.gold_items} gold, {score.pred_items} predicted"
    rows = [
        ("item F1", score.item_f1, f"{items} (P {score.precision:.4f}, R {score.recall:.4f})"),
        ("text CER", score.cer, f"{score.distance} edits in {score.gold_chars} chars"),
        ("field accuracy", score.field_accuracy, _of(score.field_count)),
        *((f"  {name}", c.ratio, _of(c)) for name, c in score.fields.items() if c.total),
        (
            "paragraph breaks",
            score.break_f1,
            f"TP {score.break_tp} FP {score.break_fp} FN {score.break_fn}",
        ),
        ("order tau", score.order_tau, f"C {score.concordant} D {score.discordant} T {score.tied}"),
        ("checks", score.checks.ratio, _of(score.checks)),
    ]
    lines = [f"{score.pages} page(s)", f"{'metric':<18}{'value':>8}  counts"]
    lines += [f"{name:<18}{value:>8.4f}  {detail}" for name, value, detail in rows]
    lines += [f"  failed {check}" for check in score.failed_checks]
    return "\n".join(lines)


def _of(count: Count) -> str:
    return f"{count.hit} of {count.total}"


def format_table(named: Sequence[tuple[str, PageScore]]) -> str:
    """One line of headline metrics per document."""
    width = max([len("document"), *(len(name) for name, _ in named)])
    lines = [f"{'document':<{width}}" + "".join(f"{m:>16}" for m in METRICS)]
    for name, score in named:
        lines.append(f"{name:<{width}}" + "".join(f"{score.metric(m):>16.4f}" for m in METRICS))
    return "\n".join(lines)


def _load(path: Path) -> list[Page]:
    """The pages of a JSON file, or an EvalError that says in one line what is wrong."""
    try:
        return pages_of(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise EvalError(f"{path}: no such file") from None
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        raise EvalError(f"{path}: invalid JSON ({where}): {e.msg}") from None
    except UnicodeDecodeError:
        raise EvalError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise EvalError(f"{path}: cannot read: {e.strerror}") from None
    except EvalError as e:
        raise EvalError(f"{path}: {e}") from None


def _stem(gold_file: Path) -> str:
    return gold_file.name.removesuffix(".json").removesuffix(".gold")


def _folder_pairs(gold: Path, pred: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, prediction file) by stem: NAME.json or NAME.gold.json ↔ NAME.json."""
    by_stem: dict[str, Path] = {}
    for gold_file in sorted(gold.glob("*.json")):
        if _stem(gold_file) in by_stem:
            raise EvalError(f"{gold}: two gold files for {_stem(gold_file)}")
        by_stem[_stem(gold_file)] = gold_file
    if not by_stem:
        raise EvalError(f"{gold}: no gold .json files")
    return [(stem, g, pred / f"{stem}.json") for stem, g in by_stem.items()]


def _pairs(parser: argparse.ArgumentParser, gold: Path, pred: Path) -> list[tuple[str, Path, Path]]:
    """What to compare: one pair of files, or the pairs of two folders."""
    if not gold.is_dir() and not pred.is_dir():
        return [(_stem(gold), gold, pred)]
    file, folder = (pred, gold) if gold.is_dir() else (gold, pred)
    if not file.exists():
        raise EvalError(f"{file}: no such file or folder")
    if not file.is_dir():
        parser.error(f"{folder} is a folder but {file} is not: give two files or two folders")
    return _folder_pairs(gold, pred)


def _threshold(text: str) -> tuple[str, float]:
    """METRIC=VALUE for --fail-under."""
    name, _, value = text.partition("=")
    if name not in METRICS:
        raise argparse.ArgumentTypeError(f"{text!r}: METRIC is one of {', '.join(METRICS)}")
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: VALUE is not a number") from None


def _missed(score: PageScore, thresholds: Iterable[tuple[str, float]]) -> list[str]:
    """One message per threshold the score misses (cer is a ceiling, the rest floors)."""
    missed = []
    for name, limit in thresholds:
        value = score.metric(name)
        if (value > limit) if name in CEILINGS else (value < limit):
            bound = "above the maximum" if name in CEILINGS else "below the minimum"
            missed.append(f"{name} {value:.4f} is {bound} {limit:g}")
    return missed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="broadsheet eval",
        description="Score predicted pages against gold pages (files, or folders of NAME.json).",
    )
    parser.add_argument("gold", type=Path, metavar="GOLD", help="gold file or folder")
    parser.add_argument("pred", type=Path, metavar="PRED", help="prediction file or folder")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--html",
        action="store_true",
        help="write a report with gold and prediction side by side, item by item, the "
        "differences marked and the figures on top (to -o FILE, else stdout)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="where --html writes")
    parser.add_argument(
        "--fail-under",
        type=_threshold,
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help=f"exit 3 when a metric misses VALUE (cer: maximum; others: minimum); "
        f"METRIC is one of {', '.join(METRICS)}",
    )
    return parser


def eval_main(argv: Sequence[str] | None = None) -> int:
    """`broadsheet eval GOLD PRED [--json|--html [-o FILE]] [--fail-under METRIC=VALUE]`;
    returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.output is not None and not args.html:
        parser.error("-o goes with --html")
    if sys.stdout is None and args.output is None:  # started with stdout closed (`>&-`)
        print(f"broadsheet eval: {STDOUT_CLOSED}", file=sys.stderr)
        return EXIT_INPUT
    try:
        loaded = [(name, _load(g), _load(p)) for name, g, p in _pairs(parser, args.gold, args.pred)]
    except EvalError as e:
        print(f"broadsheet eval: {e}", file=sys.stderr)
        return EXIT_INPUT
    named = [(name, evaluate_document(g, p)) for name, g, p in loaded]
    total = aggregate(labelled(name, s) if len(named) > 1 else s for name, s in named)
    if args.html:
        _write_html(args.output, loaded, named, total)
    elif args.json:
        docs = {name: score.to_dict() for name, score in named}
        _write(json.dumps({"total": total.to_dict(), "documents": docs}, indent=2))
    else:
        table = format_table(named) + "\n\n" if len(named) > 1 else ""
        _write(table + format_report(total))
    missed = _missed(total, args.fail_under)
    for message in missed:
        print(f"broadsheet eval: {message}", file=sys.stderr)
    return EXIT_MISSED if missed else EXIT_OK


def _write_html(
    output: Path | None,
    loaded: list[tuple[str, list[Page], list[Page]]],
    named: list[tuple[str, PageScore]],
    total: PageScore,
) -> None:
    """The side-by-side report: the total first when there are several documents."""
    from broadsheet.eval_html import report_html

    rows = [(name, g, p, score) for (name, g, p), (_, score) in zip(loaded, named, strict=True)]
    if len(rows) > 1:
        rows.insert(0, ("all documents", [], [], total))
    report = report_html(rows)
    if output is None:
        _write(report)
    else:
        output.write_text(report, encoding="utf-8")


def _write(report: str) -> None:
    """Print the report. A reader that stops early (`| head`) closes the pipe: that is no
    error of ours, so the rest goes nowhere, quietly, and the exit status still tells the
    scores. stdout is pointed at devnull (the recipe of Python's `signal` docs, "Note on
    SIGPIPE") so that the interpreter's own flush at exit does not fail again."""
    try:
        print(report)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
