"""Conservation: every character of the source is accounted for, once.

broadsheet's promise is that nothing is lost quietly. Every offset of the source text (the
decoded dump, or the text broadsheet wrote from a PDF's runs) is one of:

- in an item's fields (an item may show its own text twice: a dateline is read out of the
  byline; one item is one owner);
- in the page's furniture or ads;
- in a repair record, which says what became of it (a hyphen joined away, a glyph mapped,
  a line break folded);
- white space between lines and blocks, which is layout, not text.

A PDF's runs no reader sees never enter the source text: they are listed whole under the
page's `hidden`, with the reason, and `check` counts them apart. What is in none of these
is *unaccounted*; what two owners claim is *doubled*. `check` names both by page and
offset, with the text around them, so that a failure says where to look.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from broadsheet.model import Document, Item, Page, Traced

# Characters that are layout between lines and blocks, not text (what a dump's blank lines
# and a PDF writer's separators are made of).
LAYOUT_WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200a\u202f\u3000")
# How much text on each side a finding quotes.
CONTEXT_CHARS = 12


@dataclass(frozen=True, slots=True)
class Finding:
    """A stretch of the source that is unaccounted for, or claimed twice."""

    page: int
    start: int
    end: int
    kind: str  # "unaccounted" or "doubled"
    text: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.kind} source [{self.start}, {self.end}): {self.text!r}"


@dataclass(frozen=True, slots=True)
class Tally:
    """What `check` found on a document: characters accounted for, the findings, and the
    hidden runs (outside the source text) counted apart."""

    accounted: int
    findings: tuple[Finding, ...]
    hidden_chars: int

    @property
    def ok(self) -> bool:
        return not self.findings


def check(doc: Document) -> Tally:
    """Every page's source span, offset by offset, against its owners and repairs."""
    findings: list[Finding] = []
    accounted = 0
    for page in doc.pages:
        count, found = _check_page(doc.source.text, page)
        accounted += count
        findings.extend(found)
    hidden = sum(len(h.text) for h in doc.source.hidden)
    return Tally(accounted, tuple(findings), hidden)


def _check_page(text: str, page: Page) -> tuple[int, list[Finding]]:
    start, end = page.start, page.end
    owners = [0] * (end - start)
    for spans in _owned(page):
        mine = {k for a, b in spans for k in range(max(a, start), min(b, end))}
        for k in mine:  # an owner's own text counted once, however often it shows it
            owners[k - start] += 1
    repaired = [False] * (end - start)
    for r in page.repairs:
        for k in range(max(r.start, start), min(r.end, end)):
            repaired[k - start] = True
    accounted = 0
    unaccounted: list[int] = []
    doubled: list[int] = []
    for k, n in enumerate(owners):
        if n > 1:
            doubled.append(start + k)
        elif n == 1 or repaired[k] or text[start + k] in LAYOUT_WHITESPACE:
            accounted += 1
        else:
            unaccounted.append(start + k)
    found = [*_stretches(text, page.number, unaccounted, "unaccounted")]
    found += _stretches(text, page.number, doubled, "doubled")
    return accounted, found


def _owned(page: Page) -> Iterator[set[tuple[int, int]]]:
    """Each owner's source spans: an item (all its fields, each span once), each furniture
    line, each ad."""
    for item in page.items:
        yield {span for text in _texts(item) for span in _spans(text)}
    for text in (*page.furniture, *page.ads):
        yield set(_spans(text))


def _texts(item: Item) -> Iterator[Traced]:
    for value in (item.kicker, item.headline, item.teaser, item.byline, item.dateline):
        if value is not None:
            yield value
    yield from item.paragraphs
    yield from item.pull_quotes
    for value in (item.caption, item.credit):
        if value is not None:
            yield value
    yield from item.notes


def _spans(text: Traced) -> Iterator[tuple[int, int]]:
    """The source stretches a text was made of (a replaced stretch whole)."""
    for seg in text.segs:
        yield seg.src_start, seg.src_end


def _stretches(text: str, page: int, offsets: list[int], kind: str) -> Iterator[Finding]:
    """Runs of consecutive offsets as findings, each quoting its text."""
    k = 0
    while k < len(offsets):
        j = k
        while j + 1 < len(offsets) and offsets[j + 1] == offsets[j] + 1:
            j += 1
        a, b = offsets[k], offsets[j] + 1
        yield Finding(page, a, b, kind, text[max(a - CONTEXT_CHARS, 0) : b + CONTEXT_CHARS])
        k = j + 1
