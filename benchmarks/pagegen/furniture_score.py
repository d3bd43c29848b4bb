"""Page furniture on generated pages: how many of the gold's furniture strings (running
head, folio, section label, slug line) the PDF path files as furniture, and how many end
up inside items instead (as a headline, a kicker, a pull quote, a paragraph).

The item scores do not see furniture at all: a section label taken for a headline costs
a wrong headline there, but a label lost to nowhere costs nothing. These two counts
show both. Strings are compared with spacing and case folded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from broadsheet.export.json import LIST_FIELDS, SINGLE_FIELDS

_SPACE = re.compile(r"\s+")

# The item fields that hold the page's text (authors repeat the byline's names).
TEXT_FIELDS = (*SINGLE_FIELDS, *LIST_FIELDS)


@dataclass
class Tally:
    """Gold furniture strings, those found in the predicted furniture, those inside items."""

    gold: int = 0
    found: int = 0
    inside: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.inside += other.inside

    def line(self, label: str) -> str:
        recall = self.found / self.gold if self.gold else 1.0
        return (
            f"furniture ({label}): {self.found} of {self.gold} gold strings found "
            f"(recall {recall:.3f}); {self.inside} inside items"
        )


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def tally(gold: dict[str, Any], pred: dict[str, Any]) -> Tally:
    """A gold string is found when it stands in one of the predicted furniture strings; it
    is inside an item when an item's text field or list entry is that string (a label
    taken for a kicker, a slug line for a pull quote). A headline merely opening with the
    label's word ("World news in brief" under "World") is no sign of one."""
    furniture = [_fold(f) for f in pred.get("furniture", [])]
    fields = [
        _fold(s)
        for item in pred.get("items", [])
        for key, value in item.items()
        if key in TEXT_FIELDS
        for s in _strings(value)
    ]
    out = Tally()
    for g in (_fold(s) for s in gold.get("furniture", [])):
        out.gold += 1
        out.found += any(g in f for f in furniture)
        out.inside += g in fields
    return out
