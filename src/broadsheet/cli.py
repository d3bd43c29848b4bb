"""The command line: `broadsheet FILE|- [options]` and `broadsheet eval GOLD PRED`.

FILE is a text dump or a born-digital PDF, told apart by its bytes. Errors in the input or
the request print one line on stderr and exit 1 (bad input) or 2 (bad usage); nothing here
lets a traceback reach the user. A PDF page without text is such an error too, but the
other pages are still written: one bad page must not cost the rest of a long file.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import pypdfium2 as pdfium

from broadsheet import __version__
from broadsheet.errors import BroadsheetError
from broadsheet.export.json import document_json, document_jsonl, page_dict, pages_json
from broadsheet.export.markdown import document_markdown, document_text, hidden_note
from broadsheet.model import Document, Page, Source
from broadsheet.page import Skipped
from broadsheet.pipeline import Options, decode, is_pdf, iter_pages, iter_pdf, process
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES

FORMATS = ("json", "jsonl", "markdown", "text")
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
# Rules shown by --explain; plain line breaks and space folding are recorded but routine.
ROUTINE_RULES = ("linebreak", "space.normalise")

DESCRIPTION = """\
Rebuild a newspaper page from a born-digital PDF, or from the text a PDF extractor dumped
from it: articles with kicker, headline, teaser, byline, paragraphs in reading order and
pull quotes; pictures with caption and credit; info boxes; page furniture. Text is
repaired (line-end hyphens, broken ligatures, letter-spacing, replacement characters) and
every repair is recorded. In a text dump, pages are separated by form feeds; a PDF is
recognised by its content, and its pages keep their PDF page numbers.
"""

EPILOG = """\
examples:
  broadsheet page.txt                      JSON of the page on stdout
  broadsheet page.txt -f markdown -o page.md
  pdftotext page.pdf - | broadsheet -      read the dump from stdin
  broadsheet paper.pdf --pages 1-3,7       read pages 1, 2, 3 and 7 of a PDF
  broadsheet paper.pdf --password PW -f jsonl
                                           an encrypted PDF, one line per page
  broadsheet page.txt --explain            also list every repair on stderr
  broadsheet eval gold.json pred.json      score a result against a gold file
                                           (see `broadsheet eval --help`)
A PDF page without text (a scanned image, an empty page) is named on stderr, one line
each; the other pages are still written, and the exit status is 1.
exit status: 0 success, 1 bad input, 2 bad usage.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="broadsheet",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "input", metavar="FILE", help="a PDF, or a text dump of one or more pages; - for stdin"
    )
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="json",
        help="output format (default: json; a list of page objects for several pages; "
        "jsonl: one line per page)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    p.add_argument(
        "--explain",
        action="store_true",
        help="list every repair (rule, source offset, before -> after) on stderr; "
        "with -f json/jsonl also add them to the output",
    )
    p.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="language of the page (default: guessed from the text)",
    )
    p.add_argument(
        "--pages",
        metavar="SPEC",
        help="PDF only: the pages to read, like 1-3,7 (default: all)",
    )
    p.add_argument("--password", metavar="PW", help="PDF only: the password of an encrypted PDF")
    p.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `broadsheet` command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["eval"]:
        from broadsheet.eval_cli import eval_main

        return eval_main(args_list[1:])
    args = build_parser().parse_args(args_list)
    try:
        data, name = _read_input(args.input)
        if is_pdf(data):
            return _run_pdf(data, name, args)
        if args.pages is not None or args.password is not None:
            flag = "--pages" if args.pages is not None else "--password"
            print(
                f"broadsheet: error: {name}: {flag} is for PDF input; this is a text dump",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return _run_text(data, name, args)
    except BroadsheetError as err:
        return _fail(str(err))
    except pdfium.PdfiumError as err:  # one the PDF loader did not foresee
        return _fail(f"{args.input}: PDFium failed on this PDF ({err}); the file may be damaged")
    except OSError as err:
        return _fail(f"{err.filename or args.input}: {err.strerror or err}")


def _run_text(data: bytes, name: str, args: argparse.Namespace) -> int:
    """A text dump: decoded whole, then written page by page (jsonl) or at once."""
    source = decode(data, name)
    options = Options(language=args.lang)
    if args.format == "jsonl":
        explained = _stream_jsonl(source, options, args.output, args.explain)
    else:
        doc = process(source, options)
        _write_output(render(doc, args.format, args.explain), args.output)
        explained = explain(doc) if args.explain else ""
    for warning in source.notes:
        print(f"broadsheet: note: {warning}", file=sys.stderr)
    sys.stderr.write(explained)
    return EXIT_OK


def _run_pdf(data: bytes, name: str, args: argparse.Namespace) -> int:
    """A PDF, read in batches of pages (pipeline.iter_pdf) so memory stays flat.

    jsonl writes each batch as soon as it is made; the other formats need every page before
    they can write (a JSON list, Markdown page headers), so they collect the pages. Pages
    without text are named on stderr as their batch comes, and make the exit status 1;
    when no page had text nothing is written at all, not an empty document.
    """
    options = Options(language=args.lang)
    batches = iter_pdf(data, name, options, args.pages, args.password)
    out = _LazyOutput(args.output)
    pages: list[Page] = []
    dicts: list[dict[str, Any]] = []  # for json: each batch's pages with its glyph boxes
    explained: list[str] = []
    found = skipped = 0
    with out:
        for doc, missing in batches:
            skipped += _report_skipped(name, missing)
            found += len(doc.pages)
            _progress(found + skipped)
            if args.explain:
                explained.append(explain(doc))
            if args.format == "jsonl":
                out.write(document_jsonl(doc, args.explain))
            elif args.format == "json":
                src = doc.source
                dicts.extend(
                    page_dict(p, name, args.explain, src.origins, src.offset) for p in doc.pages
                )
            else:
                pages.extend(doc.pages)
                _report_hidden(name, doc.pages, args.format)
        if dicts:
            out.write(pages_json(dicts))
        if pages:
            whole = Document(source=Source("", name, encoding="pdf"), pages=tuple(pages))
            out.write(render(whole, args.format, args.explain))
    sys.stderr.write("".join(explained))
    if not found and not skipped:  # page_numbers names at least one page; kept as a guard
        return _fail(f"{name}: no page to read")
    return EXIT_INPUT if skipped else EXIT_OK


def _progress(done: int) -> None:
    """Pages read so far, on a terminal's stderr only (a long PDF takes a while)."""
    if sys.stderr.isatty():
        print(f"broadsheet: {done} pages read", file=sys.stderr, flush=True)


def _report_skipped(name: str, skipped: Iterable[Skipped]) -> int:
    """Name each page without text on stderr, one error line each; returns how many."""
    count = 0
    for page in skipped:
        print(f"broadsheet: error: {name}: {page.reason}", file=sys.stderr)
        count += 1
    return count


def _report_hidden(name: str, pages: Iterable[Page], fmt: str) -> None:
    """Plain text holds the page's words only (it feeds corpora), so how many hidden runs
    each page left out is said on stderr; Markdown says it in the page itself."""
    if fmt != "text":
        return
    for page in pages:
        if note := hidden_note(page):
            print(f"broadsheet: note: {name}: page {page.number}: {note}", file=sys.stderr)


class _LazyOutput:
    """The output, opened at the first write: a PDF with no text page leaves no empty file
    behind. Each write is flushed, so a streamed batch is out before the next is read."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.stream: TextIO | None = None

    def write(self, text: str) -> None:
        if not text:
            return
        stream = self.stream = self.stream or self._open()
        stream.write(text)
        stream.flush()

    def _open(self) -> TextIO:
        if self.output is None or self.output == "-":
            return sys.stdout
        return open(self.output, "w", encoding="utf-8")

    def __enter__(self) -> _LazyOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None and self.stream is not sys.stdout:
            self.stream.close()


def _stream_jsonl(source: Source, options: Options, output: str | None, repairs: bool) -> str:
    """Write each page's line as soon as it is made, so memory stays that of one page.

    Returns the --explain listing, which goes to stderr after the notes, as for other formats.
    """
    explained: list[str] = []
    with _open_output(output) as out:
        for page in iter_pages(source, options):
            one = Document(source=source, pages=(page,))
            out.write(document_jsonl(one, repairs))
            out.flush()
            if repairs:
                explained.append(explain(one))
    return "".join(explained)


def _open_output(output: str | None) -> contextlib.AbstractContextManager[TextIO]:
    """The output file opened for writing, or stdout left open: the caller's `with` closes."""
    if output is None or output == "-":
        return contextlib.nullcontext(sys.stdout)
    return open(output, "w", encoding="utf-8")


def _fail(message: str) -> int:
    print(f"broadsheet: error: {message}", file=sys.stderr)
    return EXIT_INPUT


def _read_input(name: str) -> tuple[bytes, str]:
    if name == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    path = Path(name)
    if path.is_dir():
        raise BroadsheetError(f"{name}: is a folder; give one text file (or - for stdin)")
    if not path.exists():
        raise BroadsheetError(f"{name}: no such file")
    return path.read_bytes(), name


def _write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(output).write_text(text, encoding="utf-8")


def render(doc: Document, fmt: str, explain_repairs: bool = False) -> str:
    """The document in one of FORMATS."""
    if fmt == "json":
        return document_json(doc, explain_repairs)
    if fmt == "jsonl":
        return document_jsonl(doc, explain_repairs)
    if fmt == "markdown":
        return document_markdown(doc)
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


if __name__ == "__main__":
    sys.exit(main())
