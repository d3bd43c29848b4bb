"""Item texts and item matching for the scorer: the definitions are those of the docstring of
`broadsheet.evaluate` (fold, words, item_text, shingles, item matching), kept apart so that
the metrics module stays short.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

Item = Mapping[str, Any]

FIELDS = ("kicker", "headline", "teaser", "byline", "caption", "credit")
# item_text's order: the body between the head fields and the picture fields.
TEXT_ORDER = (*FIELDS[:4], "paragraphs", "pull_quotes", *FIELDS[4:], "notes")
LIST_FIELDS = frozenset({"paragraphs", "pull_quotes", "notes"})
WORD_RE = re.compile(r"\w+")
# The least overlap of a matched pair: the outside scorer's threshold.
MIN_OVERLAP = 0.5
# Word n-gram length of item matching: the outside scorer's 5-grams (evaluate's docstring).
SHINGLE = 5


def fold(text: str) -> str:
    """One space for every whitespace run: layout whitespace is not an error."""
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """Casefolded word tokens, the unit of overlap and alignment."""
    return WORD_RE.findall(text.casefold())


def present(value: object) -> str:
    """The folded string, or "" for a missing, empty or non-string value."""
    return fold(value) if isinstance(value, str) else ""


def strings(item: Item, name: str) -> list[str]:
    """A field's strings: the list elements of a list field, else the value itself."""
    value = item.get(name)
    values: list[object] = value if name in LIST_FIELDS and isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str) and present(v)]


def item_text(item: Item) -> str:
    """The item's text fields in reading order, one per line."""
    return "\n".join(s for name in TEXT_ORDER for s in strings(item, name))


def _dice(a: Counter[Any], b: Counter[Any]) -> float:
    size = a.total() + b.total()
    return 2 * (a & b).total() / size if size else 0.0


def shingles(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The multiset of word n-grams: order counts, so scrambled text shares few of them."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


class _Shingled:
    """One item's words and its n-gram multisets, each made once however many pairs ask."""

    def __init__(self, item: Item) -> None:
        self.words = words(item_text(item))
        self._bags: dict[int, Counter[tuple[str, ...]]] = {}

    def bag(self, n: int) -> Counter[tuple[str, ...]]:
        if n not in self._bags:
            self._bags[n] = shingles(self.words, n)
        return self._bags[n]


def _overlap(a: _Shingled, b: _Shingled) -> float:
    """Dice over word n-grams, n = min(SHINGLE, the shorter item's length), at least 1."""
    n = max(1, min(SHINGLE, len(a.words), len(b.words)))
    return _dice(a.bag(n), b.bag(n))


def item_overlap(gold: Item, pred: Item) -> float:
    """The overlap match_items ranks pairs by (see evaluate's docstring)."""
    return _overlap(_Shingled(gold), _Shingled(pred))


def match_items(gold: Sequence[Item], pred: Sequence[Item]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, best n-gram overlap first."""
    gitems = [_Shingled(g) for g in gold]
    pitems = [_Shingled(p) for p in pred]
    candidates = sorted(
        (-_overlap(g, p), gi, pi) for gi, g in enumerate(gitems) for pi, p in enumerate(pitems)
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for neg, gi, pi in candidates:
        if -neg < MIN_OVERLAP:
            break
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs
