"""The command line: `broadsheet FILE|- [options]` and `broadsheet eval GOLD PRED`.

Errors in the input or the request print one line on stderr and exit 1 (bad input) or
2 (bad usage); nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from broadsheet import __version__
from broadsheet.errors import BroadsheetError
from broadsheet.export.json import document_json, document_jsonl
from broadsheet.export.markdown import document_markdown, document_text
from broadsheet.model import Document
from broadsheet.pipeline import Options, parse_bytes
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
        from broadsheet.evaluate import eval_main

        return eval_main(args_list[1:])
    args = build_parser().parse_args(args_list)
    try:
        data, name = _read_input(args.input)
        doc = parse_bytes(data, name=name, options=Options(language=args.lang))
        rendered = render(doc, args.format, args.explain)
        _write_output(rendered, args.output)
    except BroadsheetError as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"{err.filename or args.input}: {err.strerror or err}")
    for warning in doc.source.notes:
        print(f"broadsheet: note: {warning}", file=sys.stderr)
    if args.explain:
        sys.stderr.write(explain(doc))
    return EXIT_OK


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
