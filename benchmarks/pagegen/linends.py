"""Line-end hyphens of a dump, each with its truth from the gold, and the decisions on them.

A dump line that ends in a hyphen after a letter or digit is one case. Its truth comes from
the gold text: the two pieces joined ("Heimatland"), kept with the hyphen ("SPD-Fraktion"),
or kept apart as an elision ("Ein- und"). Pieces the gold holds in more than one of these
ways, or in none (text the layout split across items), are left out as undecidable.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from broadsheet.repair.hyphens import decide_junction
from broadsheet.repair.lexicon import Lexicon, frequencies

CLASSES = ("join", "keep", "elision")
_RULE_CLASS = {
    "hyphen.join": "join",
    "hyphen.soft": "join",
    "hyphen.keep": "keep",
    "hyphen.elision": "elision",
    "linebreak": "keep",
}
_END_RE = re.compile(r"(\S*?)([^\W_])[-\u2010]$")
_START_RE = re.compile(r"^([^\s]+)")
_EDGE_PUNCT = "„“”\"'‚‘’»«()[],.;:!?"


@dataclass(frozen=True)
class LineEnd:
    left: str  # the whole line ending in the hyphen
    right: str  # the next line
    truth: str
    word: str  # the two pieces as the gold writes them


def gold_text(gold: dict[str, Any]) -> str:
    """Every string of the gold's items, one per line."""
    parts: list[str] = []
    for item in gold["items"]:
        for value in item.values():
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list):
                parts.extend(v for v in value if isinstance(v, str))
    return "\n".join(parts)


def truth(stem: str, rest: str, text: str) -> str | None:
    """How the gold writes the two pieces: join, keep or elision; None if unclear."""
    found = []
    if re.search(rf"(?<!\w){re.escape(stem)}{re.escape(rest)}", text):
        found.append("join")
    if re.search(rf"(?<!\w){re.escape(stem)}-{re.escape(rest)}", text):
        found.append("keep")
    if re.search(rf"(?<!\w){re.escape(stem)}- ", text):
        found.append("elision")
    return found[0] if len(found) == 1 else None


def line_ends(dump: str, gold: dict[str, Any]) -> Iterator[LineEnd]:
    """The decidable hyphenated line ends of a dump."""
    text = gold_text(gold)
    lines = dump.split("\n")
    for left, right in itertools.pairwise(lines):
        left, right = left.rstrip(), right.strip()
        end = _END_RE.search(left.split(" ")[-1]) if left else None
        start = _START_RE.match(right)
        if end is None or start is None:
            continue
        stem = (end.group(1) + end.group(2)).lstrip(_EDGE_PUNCT)
        rest = start.group(1).rstrip(_EDGE_PUNCT)
        if not stem or not rest:
            continue
        found = truth(stem, rest, text)
        if found is not None:
            word = {"join": stem + rest, "keep": f"{stem}-{rest}"}.get(found, stem)
            yield LineEnd(left, right, found, word)


def unlisted(case: LineEnd, lang: str) -> bool:
    """Whether wordfreq's list, which the decision consults, lacks the gold's word: the
    cases where the figure cannot flatter itself."""
    return case.word.casefold() not in frequencies(lang)


def decision(case: LineEnd, lex: Lexicon) -> str:
    """broadsheet's decision on one line end, as one of CLASSES."""
    return _RULE_CLASS[decide_junction(case.left, case.right, lex).rule]


def confusion(pairs: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """(truth, decision) counts."""
    return Counter(pairs)
