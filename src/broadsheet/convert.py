"""One input, bytes in, one output written: the worker that the CLI, a batch and Ray share.

`convert` reads a PDF or a text dump (told apart by its bytes), runs the pipeline and writes
the result in one of FORMATS to a text stream. PDFs are read in batches of pages
(pipeline.iter_pdf), so memory stays flat on a long file: jsonl writes each batch as it is
made; the other formats need every page before they can write (a JSON list, Markdown page
headers). Nothing here prints: what a caller should tell the user (pages without text,
notes, the repairs asked for) comes back in the `Report`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from broadsheet.errors import BroadsheetError
from broadsheet.export.boxes import BOX_LEVELS, BoxLevel
from broadsheet.export.json import (
    document_dict,
    document_json,
    document_jsonl,
    json_text,
    page_dicts,
)
from broadsheet.export.markdown import (
    document_markdown,
    document_text,
    hidden_note,
    left_out_note,
)
from broadsheet.limits import Clock, OverTime, timed_dump_pages
from broadsheet.model import ROUTINE_RULES, Document, Page, Skipped, Source
from broadsheet.pipeline import Options, decode, is_pdf, iter_pages, iter_pdf
from broadsheet.skips import collapsed, page_range

FORMATS = ("json", "jsonl", "markdown", "text", "html", "tei", "page", "alto")
# Formats made from the whole document with its source (a PDF's batches joined into one):
# the review view draws its pages, the archive formats place every field.
WHOLE_FORMATS = ("html", "tei", "page", "alto")
# What a batch appends to an input's name for each format's output.
EXTENSIONS = {
    "json": ".json",
    "jsonl": ".jsonl",
    "markdown": ".md",
    "text": ".txt",
    "html": ".html",
    "tei": ".tei.xml",
    "page": ".page.xml",
    "alto": ".alto.xml",
}
# ALTO's METS file, written beside it: the ALTO output's name with this ending instead.
METS_ENDING = ".mets.xml"


Progress = Callable[[int], None]  # told how many more pages are done


class Writer(Protocol):
    """Where an output goes: a file, stdout, or a buffer (only `write` is needed)."""

    def write(self, text: str, /) -> Any: ...


@dataclass(frozen=True)
class Request:
    """What to make of an input. `pages` and `password` apply to PDFs only."""

    format: str = "json"
    language: str | None = None
    pages: str | None = None
    password: str | None = None
    explain: bool = False  # repairs in the JSON output, and listed in the report
    boxes: BoxLevel = "items"  # JSON only: see export/boxes.py
    check: bool = False  # hold the result against its source (broadsheet.conserve)


@dataclass
class Report:
    """What a conversion found that the user should hear of (one line each)."""

    pages: int = 0
    skipped: list[str] = field(default_factory=list)  # pages without text, why (runs as one)
    notes: list[str] = field(default_factory=list)  # the source's notes, hidden text left out
    explained: str = ""  # the --explain listing
    # For -f alto: the METS file that goes beside the ALTO one, given the ALTO file's
    # name (the METS points at it); None for the other formats.
    mets: Callable[[str], str] | None = None
    # With Request.check: each character the conservation check finds unaccounted for,
    # claimed twice or not read from the PDF, as one line per stretch.
    findings: list[str] = field(default_factory=list)


def convert(
    data: bytes, name: str, request: Request, out: Writer, on_pages: Progress | None = None
) -> Report:
    """Write the document made of `data` (a PDF or a text dump) to `out` in `request.format`;
    `on_pages` hears of each batch of pages done (a long PDF takes a while).

    Raises BroadsheetError with a one-line message for an input that cannot be read at all
    (a PDF PDFium cannot open, a dump of no text); a PDF some of whose pages have no text
    is written without them, and the report names them.
    """
    if request.format not in FORMATS:
        raise BroadsheetError(f"unknown format {request.format!r}; use one of {FORMATS}")
    if request.boxes not in BOX_LEVELS:
        raise BroadsheetError(f"unknown boxes {request.boxes!r}; use one of {BOX_LEVELS}")
    tell = on_pages or _silent
    if is_pdf(data):
        return _convert_pdf(data, name, request, out, tell)
    report = _convert_text(data, name, request, out)
    tell(report.pages)
    return report


def _silent(pages: int) -> None:
    """No one to tell."""


def _convert_text(data: bytes, name: str, request: Request, out: Writer) -> Report:
    """A text dump: decoded whole, then written page by page (jsonl) or at once, within
    the time a file may take (limits.timed_dump_pages)."""
    report = Report()
    try:
        return _dump_pages(data, name, request, out, report)
    except OverTime as err:
        raise _stopped(err, report.pages if request.format == "jsonl" else 0) from None


def _dump_pages(data: bytes, name: str, request: Request, out: Writer, report: Report) -> Report:
    clock = Clock(name)
    source = decode(data, name)
    clock.allow(source.text.count("\f") + 1)
    options = Options(language=request.language)
    explained: list[str] = []
    if request.format == "jsonl":
        for page in timed_dump_pages(iter_pages(source, options), clock):
            one = Document(source=source, pages=(page,))
            out.write(document_jsonl(one, request.explain, request.boxes))
            _check(report, one, request)
            report.pages += 1
            _add_notes(report, page)
            if request.explain:
                explained.append(explain(one))
    else:
        pages = tuple(timed_dump_pages(iter_pages(source, options), clock))
        doc = Document(source=source, pages=pages)
        _check(report, doc, request)
        if request.format in WHOLE_FORMATS:
            out.write(_whole(doc, request, report))
        else:
            out.write(render(doc, request.format, request.explain, request.boxes))
        report.pages = len(doc.pages)
        for page in doc.pages:
            _add_notes(report, page)
        if request.format == "text":
            report.notes.extend(_left_out_notes(list(doc.pages)))
        explained.append(explain(doc) if request.explain else "")
    report.explained = "".join(explained)
    return report


def _convert_pdf(data: bytes, name: str, request: Request, out: Writer, tell: Progress) -> Report:
    """A PDF, batch by batch; pages without text go to the report, not the output."""
    options = Options(language=request.language)
    report = Report()
    pages: list[Page] = []
    batches: list[Document] = []  # for the whole formats: each batch with its source
    dicts: list[dict[str, Any]] = []  # for json: each batch's pages with its glyph boxes
    skipped: list[Skipped] = []
    first: Source | None = None  # what the document is: every batch's source tells it
    explained: list[str] = []
    try:
        for doc, missing in iter_pdf(data, name, options, request.pages, request.password):
            first = first or doc.source
            _check(report, doc, request, data)
            skipped += missing
            report.pages += len(doc.pages)
            tell(len(doc.pages) + sum(b - a + 1 for a, b in map(page_range, missing)))
            for page in doc.pages:
                _add_notes(report, page)
            if request.explain:
                explained.append(explain(doc))
            if request.format == "jsonl":
                out.write(document_jsonl(doc, request.explain, request.boxes))
            elif request.format == "json":
                dicts.extend(page_dicts(doc, request.explain, request.boxes))
            elif request.format in WHOLE_FORMATS:
                batches.append(doc)
            else:
                pages.extend(doc.pages)
    except OverTime as err:
        raise _stopped(err, report.pages if request.format == "jsonl" else 0) from None
    report.skipped = [page.reason for page in collapsed(skipped)]
    if dicts and first is not None:
        out.write(json_text(document_dict(first, dicts, skipped)))
    if any(batch.pages for batch in batches):
        out.write(_whole(_joined(batches), request, report, data))
    if pages:
        whole = Document(source=Source("", name, encoding="pdf"), pages=tuple(pages))
        out.write(render(whole, request.format, request.explain))
        if request.format == "text":
            report.notes.extend(_left_out_notes(pages))
    report.explained = "".join(explained)
    return report


def _check(report: Report, doc: Document, request: Request, pdf: bytes | None = None) -> None:
    """With --check, the conservation check's findings on the document (and for a PDF,
    the letters PDFium reads that its source lacks) go into the report."""
    if not request.check:
        return
    from broadsheet.conserve import check, check_pdf

    found = list(check(doc).findings)
    if pdf is not None and doc.pages:
        found += check_pdf(pdf, doc, request.password)
    report.findings.extend(str(f) for f in found)


def _stopped(err: OverTime, written: int) -> OverTime:
    """A file stopped for its time, saying what of it is written (jsonl writes as it goes)."""
    if not written:
        return err
    pages = "page read before it is" if written == 1 else f"{written} pages read before it are"
    return OverTime(f"{err}; the {pages} written", err.page)


def mets_name(alto_name: str) -> str:
    """The METS file's name for an ALTO file's.

    >>> mets_name("p1.pdf.alto.xml"), mets_name("page.xml")
    ('p1.pdf.mets.xml', 'page.xml.mets.xml')
    """
    return alto_name.removesuffix(EXTENSIONS["alto"]) + METS_ENDING


def _joined(batches: list[Document]) -> Document:
    from broadsheet.api import joined

    return joined(batches)


def _whole(doc: Document, request: Request, report: Report, pdf: bytes | None = None) -> str:
    """The document in one of WHOLE_FORMATS (their modules imported here: only they need
    them). A PDF's pages are drawn for the review view; PAGE-XML holds one page."""
    fmt = request.format
    if fmt == "html":
        from broadsheet.export.html import document_html
        from broadsheet.load.render import page_pictures

        numbers = doc.source.page_numbers
        name = doc.source.name
        pictures = page_pictures(pdf, name, numbers, request.password) if pdf else None
        return document_html(doc, pictures)
    if fmt == "tei":
        from broadsheet.export.tei import document_tei

        return document_tei(doc)
    from broadsheet.export.alto import document_alto, document_mets
    from broadsheet.export.pagexml import document_page_xml

    if fmt == "page":
        if len(doc.pages) > 1:
            raise BroadsheetError(
                f"{doc.source.name}: PAGE-XML holds one page and this has {len(doc.pages)}; "
                "choose one, or use -f alto, which holds them all",
                option="pages",
            )
        return document_page_xml(doc)
    text = document_alto(doc)
    report.mets = functools.partial(document_mets, doc)
    return text


def _add_notes(report: Report, page: Page) -> None:
    """The page's warnings that the report does not have yet: most are the document's
    (how it was decoded, its language), and every page carries them."""
    report.notes.extend(w for w in page.warnings if w not in report.notes)


def _left_out_notes(pages: list[Page]) -> list[str]:
    """Plain text holds the items' words only (it feeds corpora), so how many hidden runs
    each page left out is said as a note, and the furniture and ads of all pages as one;
    Markdown says it in the page itself."""
    notes = [f"page {p.number}: {note}" for p in pages if (note := hidden_note(p))]
    shown = [p for p in pages if p.furniture or p.ads]
    furniture, ads = sum(len(p.furniture) for p in shown), sum(len(p.ads) for p in shown)
    note = left_out_note(furniture, ads, len(shown))
    return notes + ([note] if note else [])


def render(
    doc: Document, fmt: str, explain_repairs: bool = False, boxes: BoxLevel = "items"
) -> str:
    """The document in one of FORMATS."""
    if fmt == "json":
        return document_json(doc, explain_repairs, boxes)
    if fmt == "jsonl":
        return document_jsonl(doc, explain_repairs, boxes)
    if fmt == "markdown":
        return document_markdown(doc)
    if fmt == "html":  # a dump's view: its text with the fields marked (no picture)
        from broadsheet.export.html import document_html

        return document_html(doc)
    return document_text(doc)


def explain(doc: Document) -> str:
    """Every non-routine repair, one per line, with where it was (see `_where`)."""
    lines = []
    for page in doc.pages:
        for r in page.repairs:
            if r.rule in ROUTINE_RULES:
                continue
            lines.append(f"{_where(doc.source, r.start)}\t{r.rule}\t{r.before!r} -> {r.after!r}")
    return "\n".join(lines) + ("\n" if lines else "")


def _where(source: Source, offset: int) -> str:
    """line:column in a text dump; for a PDF, pPAGE@X,Y: the PDF page and the top left of
    the text run in points, since the text the offsets point into was made, not read."""
    if source.origins:
        k = bisect.bisect_right(source.origins, offset, key=lambda o: o.start) - 1
        origin = source.origins[max(k, 0)]
        return f"p{origin.page}@{origin.box[0]:.0f},{origin.box[3]:.0f}"
    text = source.text
    row = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{row}:{col}"
