"""The limits an input is read within, so that no input stalls a worker or floods its log.

- The page tree is trusted as far as its pages load. A damaged tree may claim a million
  pages that are not there; when the last page it claims does not load, the pages are
  loaded one after another (one that is not there fails in microseconds) until
  MAX_UNLOADABLE_RUN fail in a row. The pages after those are not tried, and the page
  count is the last page that loaded.
- Time: a page may take PAGE_SECONDS, a file FILE_SECONDS and FILE_SECONDS_PER_PAGE more
  for each page it reads (a real page takes well under a second). PDFium cannot be
  stopped safely in the middle of a call, so the clock is read between stages (a page
  read, laid out, its text repaired): a page over its time is left out with the reason,
  and a file over its time stops with a one-line error (`OverTime`). A text dump has the
  file's time too (FILE_SECONDS and FILE_SECONDS_PER_PAGE for each page between its form
  feeds), read after each page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from time import monotonic
from typing import TYPE_CHECKING

from broadsheet.errors import InputError
from broadsheet.model import Page, Skipped
from broadsheet.page import PageGeometry
from broadsheet.skips import SkippedRange

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# Pages that fail to load in a row before the rest of what the page tree claims is taken
# to be missing too: a real file has a damaged page or a few, a broken tree a million.
MAX_UNLOADABLE_RUN = 1000
# The most time one page may take, its stages together (read, laid out, repaired).
PAGE_SECONDS = 30.0
# The time a PDF may take: this much, and as much again per page it reads.
FILE_SECONDS = 60.0
FILE_SECONDS_PER_PAGE = 5.0


class OverTime(InputError):
    """A file that took longer than it may; `page` is the page it stopped at."""

    def __init__(self, message: str, page: int) -> None:
        super().__init__(message)
        self.page = page


class Clock:
    """The time one PDF has taken, and each of its pages over the stages it went through.
    `lap` charges the time since the last reading to a page, so a stage that hands pages
    on one at a time is timed without knowing of it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.start = self.mark = monotonic()
        self.allowed = FILE_SECONDS
        self.spent: dict[int, float] = {}

    def allow(self, pages: int) -> None:
        """Set the file's time for the number of pages it is to read."""
        self.allowed = FILE_SECONDS + FILE_SECONDS_PER_PAGE * pages

    def restart(self) -> None:
        """Charge the time until now to no page (the work between two pages' stages)."""
        self.mark = monotonic()

    def lap(self, number: int) -> str | None:
        """Charge the time since the last lap to page `number`; the reason to leave the
        page out when it has now taken longer than a page may, else None. Raises
        OverTime when the file has taken longer than it may."""
        now = monotonic()
        spent = self.spent[number] = self.spent.get(number, 0.0) + now - self.mark
        self.mark = now
        self.check(number, now)
        if spent <= PAGE_SECONDS:
            return None
        return (
            f"page {number} was left out: it took {spent:.0f} s, more than the "
            f"{PAGE_SECONDS:.0f} s a page may take"
        )

    def check(self, number: int, now: float | None = None) -> None:
        """Raise OverTime when the file has taken longer than it may (at page `number`)."""
        elapsed = (monotonic() if now is None else now) - self.start
        if elapsed > self.allowed:
            raise OverTime(
                f"{self.name}: stopped at page {number} after {elapsed:.0f} s, more than the "
                f"{self.allowed:.0f} s this file may take ({FILE_SECONDS:.0f} s and "
                f"{FILE_SECONDS_PER_PAGE:.0f} s a page)",
                number,
            )


def timed_pages(
    pages: Iterable[PageGeometry | Skipped], clock: Clock
) -> Iterator[PageGeometry | Skipped]:
    """The pages as read, each charged the time it took to read and then, once handed on,
    the time the layout took over it; a page read too slowly comes as a Skipped instead."""
    clock.restart()
    for page in pages:
        if isinstance(page, Skipped):
            clock.lap(page.page)
            yield page
            continue
        late = clock.lap(page.number)
        yield Skipped(page.number, late) if late else page
        clock.lap(page.number)  # its layout, now done: the text stages see what it cost


def timed_dump_pages(pages: Iterable[Page], clock: Clock) -> Iterator[Page]:
    """A text dump's pages, the file's time read after each: a dump that has taken longer
    than it may stops with OverTime (a dump's page is not left out for its time, as a PDF
    page is: its text would be lost with it, and the text stages on one page of a dump
    within its limits take seconds at most)."""
    for page in pages:
        clock.check(page.number)
        yield page


def timed_layout(pages: Iterable[Page], clock: Clock, skipped: list[Skipped]) -> tuple[Page, ...]:
    """The pages the text stages make, without those that took too long over all their
    stages: each of those goes to `skipped` with the reason."""
    clock.restart()
    kept: list[Page] = []
    for page in pages:
        late = clock.lap(page.number)
        if late:
            skipped.append(Skipped(page.number, late))
        else:
            kept.append(page)
    clock.spent.clear()  # a batch's pages are not seen again
    return tuple(kept)


def pages_that_load(
    pdf: pdfium.PdfDocument,
    claimed: int,
    clock: Clock,
    fresh: Callable[[], pdfium.PdfDocument],
) -> tuple[int, int | None]:
    """The page count to trust and the first page not tried (None: every page was).

    The tree's claim stands when its last page loads (one page loaded, for any file).
    Otherwise the pages are loaded one by one, in a document of their own (`fresh`: what
    PDFium parses stays until the document closes), until MAX_UNLOADABLE_RUN fail in a
    row: the count is then the last page that loaded."""
    from broadsheet.load.pdf import page_loads  # PDFium: imported on the PDF path only

    if claimed < 1 or page_loads(pdf, claimed):
        return claimed, None
    last = misses = 0
    walk = fresh()
    try:
        for number in range(1, claimed + 1):
            clock.check(number)
            if page_loads(walk, number):
                last, misses = number, 0
                continue
            misses += 1
            if misses >= MAX_UNLOADABLE_RUN and number < claimed:
                return last, number + 1
    finally:
        walk.close()
    return last, None


def loadable(
    numbers: list[int], count: int, untried: int | None, claimed: int
) -> tuple[list[int], list[Skipped]]:
    """The pages to read of those asked for, and the entry for those the page tree claims
    but that are not there (known when a long run of them failed to load)."""
    if untried is None or not numbers or numbers[-1] <= count:
        return numbers, []
    keep = [n for n in numbers if n <= count]
    return keep, [unloaded(numbers[len(keep) :], count, untried, claimed)]


def unloaded(asked: list[int], count: int, untried: int, claimed: int) -> Skipped:
    """The pages asked for after the last page that loads, told in one entry: the first
    MAX_UNLOADABLE_RUN of them failed to load, the rest were not tried."""
    first, last = asked[0], asked[-1]
    pages = f"page {first}" if first == last else f"pages {first}–{last}"
    failed = f"page {count + 1}" if untried == count + 2 else f"pages {count + 1}–{untried - 1}"
    reason = (
        f"{pages} cannot be read: the page tree claims {claimed} pages, but PDFium cannot "
        f"load {failed} ({untried - count - 1} in a row) and tried none after them; the file "
        "may be damaged"
    )
    return Skipped(first, reason) if first == last else SkippedRange(first, reason, last)
