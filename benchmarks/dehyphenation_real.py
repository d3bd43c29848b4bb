"""Line-end hyphen decisions on real German news text, set in columns (issue 13).

    python -m benchmarks.dehyphenation_real            # report half: articles 250-499
    python -m benchmarks.dehyphenation_real --tune     # tuned-on half: articles 0-249

The 500 real articles of `../shared/corpus/` (DER STANDARD, 10kGNAD) are set one by one in a
column of a width drawn per article (COLUMN_CHARS), filled greedily as a typesetter does:
a word that does not fit is broken at the last point that fits, a syllable break pyphen
allows (a hyphen is added; truth: join) or the word's own hyphen ("Drei-" + "Zimmer";
truth: keep). A word that ends in a hyphen itself ("Ein-" before "und") ending a line is an
elision (truth: the hyphen stays, then a space). broadsheet decides every line end of the
column with the vocabulary the pipeline learns from that text alone (one article is a
short document: the least evidence a page gives), and the figure is the share of
hyphenated line ends decided right, with the confusion table; a line end without a hyphen
that is not read as a plain break counts among the "other" errors.

The corpus is non-commercial: it is read from `../shared/corpus/` and never copied. Needs
pyphen (the test and bench extras).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyphen  # type: ignore[import-untyped]

from broadsheet.pipeline import vocabulary
from broadsheet.repair.hyphens import dehyphenate
from broadsheet.repair.lexicon import Lexicon, count_words

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "de-news-10kGNAD-500.csv"
# The first half is tuned on, the second half reported.
TUNE, REPORT = range(0, 250), range(250, 500)
# Column widths in characters, drawn per article: narrow newspaper columns to wide ones.
COLUMN_CHARS = (26, 42)
SEED = 13
OUTCOMES = ("hyphen.join", "hyphen.keep", "hyphen.elision")
# The table's columns: the outcomes, a plain break, and "other" (an unspaced join).
COLUMNS = (*OUTCOMES, "linebreak")
_CORE_RE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
# Breaks in a word part leave at least this many letters on each side (pyphen's default).
MIN_PART = 2

Line = tuple[str, str]  # (text, truth at its end: an outcome, or "" for no hyphen)


def articles(indices: range, path: Path = CORPUS) -> Iterator[str]:
    """The corpus texts with the given indices."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        for k, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if k in indices and len(row) >= 2:
                yield row[1]


def breaks(token: str, dic: pyphen.Pyphen) -> list[tuple[str, str, str]]:
    """Every (left with its hyphen, right, truth) a line may end inside the token."""
    lead, core, _trail = _CORE_RE.match(token).groups()  # type: ignore[union-attr]
    out: list[tuple[str, str, str]] = []
    at = len(lead)
    parts = core.split("-")
    for k, part in enumerate(parts):
        if part.isalpha() and len(part) >= 2 * MIN_PART:
            for a, b in dic.iterate(part):
                if a + b == part and min(len(a), len(b)) >= MIN_PART:
                    cut = at + len(a)
                    out.append((token[:cut] + "-", token[cut:], "hyphen.join"))
        at += len(part)
        if k < len(parts) - 1:
            at += 1  # the word's own hyphen
            if part and parts[k + 1][:1].isalpha():
                out.append((token[:at], token[at:], "hyphen.keep"))
    return sorted(out, key=lambda b: len(b[0]))


def set_column(text: str, width: int, dic: pyphen.Pyphen) -> list[Line]:
    """The text filled greedily into lines of at most `width` characters."""
    lines: list[Line] = []
    line = ""
    tokens = text.split()
    k = 0
    while k < len(tokens):
        token = tokens[k]
        room = width - len(line) - (1 if line else 0)
        if len(token) <= room:
            line = f"{line} {token}" if line else token
            k += 1
            continue
        fitting = [b for b in breaks(token, dic) if len(b[0]) <= room]
        if fitting:
            left, right, truth = fitting[-1]
            lines.append((f"{line} {left}" if line else left, truth))
            tokens[k] = right
        elif line:
            lines.append((line, _own_end(line)))
        else:  # a token longer than the column: it stands alone
            lines.append((token, _own_end(token)))
            k += 1
        line = ""
    if line:
        lines.append((line, ""))
    return lines


def _own_end(line: str) -> str:
    """The truth where a line ends at a whole word: an elision if the word ends in a
    hyphen ("Ein-" before "und"), else no hyphen to decide."""
    return "hyphen.elision" if line.endswith("-") and line[-2:-1].isalpha() else ""


def decide(lines: list[Line], lang: str) -> list[str]:
    """broadsheet's rule at each line end but the last, with the text's own vocabulary."""
    texts = [t for t, _ in lines]
    lex = Lexicon(lang, count_words(vocabulary([[texts]])))
    text = "\n".join(texts)
    ends, at = [], 0
    for t in texts[:-1]:
        at += len(t)
        ends.append(at)
        at += 1
    rules = {}
    for edit in dehyphenate(text, lex):
        end = text.find("\n", edit.start)
        rules[end] = edit.rule
    return [rules.get(e, "linebreak") for e in ends]


def run(indices: range, seed: int = SEED) -> tuple[Counter[tuple[str, str]], list[str]]:
    """(truth, decided) counts over every line end, and examples of the misses."""
    rng = random.Random(seed)
    dic = pyphen.Pyphen(lang="de_DE")
    counts: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for text in articles(indices):
        lines = set_column(text, rng.randint(*COLUMN_CHARS), dic)
        decided = decide(lines, "de")
        for (left, truth), (right, _), got in zip(lines, lines[1:], decided, strict=False):
            want = truth or "linebreak"
            counts[(want, got if got in COLUMNS else "other")] += 1
            if want != got:
                misses.append(f"{left.split()[-1]} | {right.split()[0]}: {want} -> {got}")
    return counts, misses


def report(counts: Counter[tuple[str, str]]) -> str:
    """The share right and the confusion table, as the README gives them."""
    hyphenated = sum(n for (want, _), n in counts.items() if want in OUTCOMES)
    right = sum(n for (want, got), n in counts.items() if want in OUTCOMES and want == got)
    plain = sum(n for (want, _), n in counts.items() if want == "linebreak")
    plain_wrong = sum(n for (want, got), n in counts.items() if want == "linebreak" != got)
    cols = (*COLUMNS, "other")
    rows = [
        f"hyphenated line ends: {hyphenated}, right {right / max(hyphenated, 1):.2%}; "
        f"plain line ends: {plain}, changed {plain_wrong}",
        "",
        "| truth \\ decided | " + " | ".join(c.split(".")[-1] for c in cols) + " |",
        "|---" * (len(cols) + 1) + "|",
    ]
    for want in OUTCOMES:
        cells = " | ".join(f"{counts[(want, got)]:,}" for got in cols)
        rows.append(f"| {want.split('.')[-1]} | {cells} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--tune", action="store_true", help="the tuned-on half")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"dehyphenation_real: {CORPUS} is missing (../shared/corpus)", file=sys.stderr)
        return 1
    counts, misses = run(TUNE if args.tune else REPORT)
    print(report(counts))
    for m in misses[: args.misses]:
        print(" ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
