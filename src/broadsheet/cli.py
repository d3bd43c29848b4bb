"""The command line: `broadsheet FILE|- [options]` and `broadsheet eval GOLD PRED`.

Errors in the input or the request print one line on stderr and exit 1 (bad input) or
2 (bad usage); nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from broadsheet import __version__
from broadsheet.errors import BroadsheetError
from broadsheet.export.json import document_json, document_jsonl
from broadsheet.export.markdown import document_markdown, document_text
from broadsheet.load.text import decode
from broadsheet.model import Document, Source
from broadsheet.pipeline import Options, iter_pages, process
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES

FORMATS = ("json", "jsonl", "markdown", "text")
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
# Rules shown by --explain; plain line breaks and space folding are recorded but routine.
ROUTINE_RULES = ("linebreak", "space.normalise")

DESCRIPTION = """\
Rebuild a newspaper page from the text a PDF extractor dumped from it: articles with
kicker, headline, teaser, byline, paragraphs in reading order and pull quotes; pictures
with caption and credit; info boxes; page furniture. Text is repaired (line-end hyphens,
broken ligatures, letter-spacing, replacement characters) and every repair is recorded.
Pages are separated by form feeds.
"""

EPILOG = """\
examples:
  broadsheet page.txt                      JSON of the page on stdout
  broadsheet page.txt -f markdown -o page.md
  pdftotext page.pdf - | broadsheet -      read the dump from stdin
  broadsheet page.txt --explain            also list every repair on stderr
  broadsheet eval gold.json pred.json      score a result against a gold file
                                           (see `broadsheet eval --help`)
exit status: 0 success, 1 bad input, 2 bad usage.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="broadsheet",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="FILE", help="text dump of one or more pages; - for stdin")
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
    p.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `broadsheet` command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["eval"]:
        from broadsheet.eval_cli import eval_main

        return eval_main(args_list[1:])
    args = build_parser().parse_args(args_list)
    options = Options(language=args.lang)
    try:
        data, name = _read_input(args.input)
        source = decode(data, name)
        if args.format == "jsonl":
            explained = _stream_jsonl(source, options, args.output, args.explain)
        else:
            doc = process(source, options)
            _write_output(render(doc, args.format, args.explain), args.output)
            explained = explain(doc) if args.explain else ""
    except BroadsheetError as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"{err.filename or args.input}: {err.strerror or err}")
    for warning in source.notes:
        print(f"broadsheet: note: {warning}", file=sys.stderr)
    sys.stderr.write(explained)
    return EXIT_OK


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
    """Every non-routine repair, one per line, with its line:column in the source."""
    text = doc.source.text
    lines = []
    for page in doc.pages:
        for r in page.repairs:
            if r.rule in ROUTINE_RULES:
                continue
            row = text.count("\n", 0, r.start) + 1
            col = r.start - (text.rfind("\n", 0, r.start) + 1) + 1
            lines.append(f"{row}:{col}\t{r.rule}\t{r.before!r} -> {r.after!r}")
    return "\n".join(lines) + ("\n" if lines else "")


if __name__ == "__main__":
    sys.exit(main())
