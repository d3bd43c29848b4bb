"""PDF pages that gave no text, told in runs: a damaged page tree can fail thousands of
pages in a row, and a line (or a JSON entry) for each would bury the pages that matter.

A run of consecutive pages skipped for the same reason (the same words but for the page's
number) is told once, as a `SkippedRange` from its first page to its last; a page skipped
for a reason of its own is told as it is. The command's error lines, a batch's failures
file and the JSON's `skipped` list all read the pages through `collapsed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from broadsheet.model import Skipped

# What stands for the page's number in a reason, to compare two pages' reasons.
PAGE_MARK = "page {}"


@dataclass(frozen=True, slots=True)
class SkippedRange(Skipped):
    """Pages `page` to `last_page` (both in), skipped for the one reason `reason` tells."""

    last_page: int = 0


def collapsed(skipped: Iterable[Skipped]) -> list[Skipped]:
    """The skipped pages in order, each run of two or more consecutive pages skipped for
    the same reason as one `SkippedRange`; a range given is kept as it is.

    >>> pages = [Skipped(n, f"PDFium cannot read page {n} (x)") for n in (2, 3, 4, 7)]
    >>> for s in collapsed(pages):
    ...     print(page_range(s), s.reason)
    (2, 4) pages 2–4: PDFium cannot read each page (x)
    (7, 7) PDFium cannot read page 7 (x)
    """
    out: list[Skipped] = []
    run: list[Skipped] = []
    for page in sorted(skipped, key=lambda s: s.page):
        if run and not isinstance(page, SkippedRange) and _continues(run[-1], page):
            run.append(page)
            continue
        out += _told(run)
        run = [page]
    return out + _told(run)


def page_range(skipped: Skipped) -> tuple[int, int]:
    """The first and the last page a skipped entry stands for."""
    if isinstance(skipped, SkippedRange):
        return skipped.page, skipped.last_page
    return skipped.page, skipped.page


def _continues(last: Skipped, page: Skipped) -> bool:
    """Whether `page` follows `last` on the next page number for the same reason."""
    if isinstance(last, SkippedRange) or page.page != last.page + 1:
        return False
    return _shape(last) == _shape(page)


def _shape(skipped: Skipped) -> str:
    """The reason with the page's number taken out (for one page, "page N")."""
    return re.sub(rf"\bpage {skipped.page}\b", PAGE_MARK, skipped.reason)


def _told(run: list[Skipped]) -> list[Skipped]:
    """A run as one entry: itself for one page, a range for more."""
    if len(run) < 2:
        return run
    first, last = run[0].page, run[-1].page
    reason = _shape(run[0]).replace(PAGE_MARK, "each page")
    return [SkippedRange(first, f"pages {first}–{last}: {reason}", last)]
