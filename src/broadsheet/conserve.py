"""Conservation: every character of the source is accounted for, once.

broadsheet's promise is that nothing is lost quietly. Every offset of the source text (the
decoded dump, or the text broadsheet wrote from a PDF's runs) is one of:

- in an item's fields (an item may show its own text twice: a dateline is read out of the
  byline; one item is one owner);
- in the page's furniture or ads;
- in a repair record, which says what became of it (a hyphen joined away, a glyph mapped,
  a line break folded);
- white space between lines and blocks, which is layout, not text;
- a character no reader can see (a control or format character, a line or paragraph
  separator: Unicode categories Cc, Cf, Zl, Zp), counted apart as `invisible`.

A PDF's runs no reader sees never enter the source text: they are listed whole under the
page's `hidden`, with the reason, and `check` counts them apart. What is in none of these
is *unaccounted*; what two owners claim is *doubled*. `check` names both by page and
offset, with the text around them, so that a failure says where to look.

For a PDF, `check_pdf` also holds the source text against PDFium's own text of each page:
every letter and digit PDFium finds must be in the page's source text or its hidden runs
(compared as multisets, after NFKC and case folding, so a ligature glyph counts as its
letters); what is not was lost while reading the page (*not read*).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from broadsheet.model import Document, Page, Traced, item_fields

# Characters that are layout between lines and blocks, not text (what a dump's blank lines
# and a PDF writer's separators are made of).
LAYOUT_WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u2002\u2003\u2009\u200a\u202f\u3000")
# Unicode categories no reader sees: controls, format characters (zero-width space, BOM),
# line and paragraph separators. The layout may drop them; they are counted apart.
INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp"))
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
    """What `check` found on a document: characters accounted for, the findings, and what
    is counted apart: invisible characters in the source, and the hidden runs (outside
    the source text)."""

    accounted: int
    findings: tuple[Finding, ...]
    hidden_chars: int
    invisible: int = 0

    @property
    def ok(self) -> bool:
        return not self.findings


def check(doc: Document) -> Tally:
    """Every page's source span, offset by offset, against its owners and repairs."""
    findings: list[Finding] = []
    accounted = invisible = 0
    for page in doc.pages:
        count, unseen, found = _check_page(doc.source.text, page)
        accounted += count
        invisible += unseen
        findings.extend(found)
    hidden = sum(len(h.text) for h in doc.source.hidden)
    return Tally(accounted, tuple(findings), hidden, invisible)


def _check_page(text: str, page: Page) -> tuple[int, int, list[Finding]]:
    """Characters accounted for, invisible ones, and the findings of one page."""
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
    accounted = invisible = 0
    unaccounted: list[int] = []
    doubled: list[int] = []
    for k, n in enumerate(owners):
        char = text[start + k]
        if n > 1:
            doubled.append(start + k)
        elif n == 1 or repaired[k] or char in LAYOUT_WHITESPACE:
            accounted += 1
        elif unicodedata.category(char) in INVISIBLE_CATEGORIES:
            invisible += 1
        else:
            unaccounted.append(start + k)
    found = [*_stretches(text, page.number, unaccounted, "unaccounted")]
    found += _stretches(text, page.number, doubled, "doubled")
    return accounted, invisible, found


def _owned(page: Page) -> Iterator[set[tuple[int, int]]]:
    """Each owner's source spans: an item (all its fields, each span once), each furniture
    line, each ad."""
    for item in page.items:
        yield {span for field in item_fields(item) for span in _spans(field.text)}
    for text in (*page.furniture, *page.ads):
        yield set(_spans(text))


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


def check_pdf(data: bytes, doc: Document, password: str | None = None) -> list[Finding]:
    """PDFium's letters and digits of each page read, against the page's source text and
    hidden runs: a finding per page that lost any, naming them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data, password=password)
    try:
        return [f for page in doc.pages if (f := _page_read(pdf, doc, page)) is not None]
    finally:
        pdf.close()


def _page_read(pdf: object, doc: Document, page: Page) -> Finding | None:
    import pypdfium2 as pdfium

    assert isinstance(pdf, pdfium.PdfDocument)
    handle = pdf[page.number - 1]
    textpage = handle.get_textpage()
    try:
        shown = _letters(textpage.get_text_range())
    finally:
        textpage.close()
        handle.close()
    hidden = "".join(h.text for h in doc.source.hidden if h.page == page.number)
    missing = shown - _letters(doc.source.text[page.start : page.end] + hidden)
    if not missing:
        return None
    lost = "".join(sorted(missing.elements()))
    return Finding(page.number, page.start, page.end, "not read", lost[:200])


def _letters(text: str) -> Counter[str]:
    """The letters and digits of a text, folded (NFKC, case), as a multiset."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return Counter(c for c in folded if c.isalnum())
