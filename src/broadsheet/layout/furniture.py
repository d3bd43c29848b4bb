"""Page furniture found by repetition: a short line that recurs on several pages of a dump.

Running heads, folios and the paper's name stand on every page with at most their numbers
changed ("S. 14", "S. 15"); no line of an article does. This needs two pages or more.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from broadsheet.layout.roles import FURNITURE, Unit

# Lines longer than this are text, not running heads (a gazette's production slug runs to
# some 110 characters).
MAX_RUNNING_CHARS = 160
# A line is furniture when it recurs on at least this many pages (and this share of them).
MIN_PAGES = 2
MIN_SHARE = 0.3

_DIGITS = re.compile(r"\d+")
# A folio line: a page number ("9", or a section's "A5") before or after one or two
# capitalised words.
_PAGE_NO = r"(?:[A-Z]?\d{1,3})"
_SECTION = r"[A-ZÄÖÜ][\w&-]*(?:\s+[A-ZÄÖÜ][\w&-]*)?"
_FOLIO_RE = re.compile(rf"{_PAGE_NO}\s+{_SECTION}|{_SECTION}\s+{_PAGE_NO}")
_NOISE = re.compile(r"[\s•·|–—\-_.,:;]+")


def furniture_key(text: str) -> str:
    """A line with numbers, spacing and separators folded away."""
    return _NOISE.sub(" ", _DIGITS.sub("#", text.casefold())).strip()


def running_lines(pages: Sequence[Sequence[Sequence[str]]]) -> frozenset[str]:
    """Keys of the short lines standing alone on several pages (each page: blocks of lines)."""
    if len(pages) < MIN_PAGES:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {
            furniture_key(lines[0])
            for lines in page
            if len(lines) == 1 and len(lines[0]) <= MAX_RUNNING_CHARS
        }
        seen.update(k for k in keys if k)
    need = max(MIN_PAGES, MIN_SHARE * len(pages))
    return frozenset(k for k, n in seen.items() if n >= need)


def mark_running(units: Sequence[Unit], running: frozenset[str]) -> list[Unit]:
    """Single-line units whose text recurs across pages become furniture, and so does a
    folio heading or closing a dump's page (`page_folio`)."""
    out = [
        replace(u, role=FURNITURE)
        if running and len(u.lines) == 1 and furniture_key(u.lines[0].text) in running
        else u
        for u in units
    ]
    if out and all(u.style is None for u in out):  # a PDF's folios are found by place
        for k in {0, len(out) - 1}:
            if page_folio(out[k]):
                out[k] = replace(out[k], role=FURNITURE)
    return out


def page_folio(u: Unit) -> bool:
    """A page number with a section's name, one line: "9 Meinung", "Sport 3". Only at a
    page's head or foot: inside it, "3 Tote" may be a headline.

    >>> from broadsheet.model import Traced
    >>> folios = ("9 Meinung", "Sport 3", "Culture A5", "Tor", "Vor 3")
    >>> [page_folio(Unit((Traced(t),), 0, "display")) for t in folios]
    [True, True, True, False, True]
    """
    return len(u.lines) == 1 and is_folio(u.lines[0].text)


def is_folio(text: str) -> bool:
    """A line of a folio's form: a page number and a section's name."""
    return bool(_FOLIO_RE.fullmatch(text.strip()))
