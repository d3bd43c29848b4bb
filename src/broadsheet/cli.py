"""The command line: `broadsheet PATH... [options]` and `broadsheet eval GOLD PRED`.

One FILE (a text dump or a born-digital PDF, told apart by its bytes, or - for stdin) is
written to stdout or to `-o OUT`. Several inputs, a folder, or a list of paths make a
batch (batch.py): one output per input under the folder `-o OUTDIR`, in worker processes,
resumable, with a progress bar on a terminal and a list of what failed. Errors in the input
or the request print one line on stderr and exit 1 (bad input) or 2 (bad usage); nothing
here lets a traceback reach the user. A PDF page without text is such an error too, but
the other pages are still written: one bad page must not cost the rest of a long file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from broadsheet import __version__
from broadsheet.batch import (
    Outcome,
    default_jobs,
    gather,
    plan,
    read_list,
    run_batch,
    write_atomically,
    write_failures,
)
from broadsheet.convert import FORMATS, Report, Request, convert, mets_name
from broadsheet.errors import BroadsheetError, RequestError, for_command_line
from broadsheet.export.boxes import BOX_LEVELS
from broadsheet.output import BROKEN_PIPE, LazyOutput
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES
from broadsheet.stop import Terminated, terminate_as_interrupt

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
# Ctrl-C: the shell's convention, 128 + SIGINT.
EXIT_INTERRUPTED = 130

USAGE = """
  broadsheet FILE|- [-f FORMAT] [-o OUT] [options]     one input
  broadsheet PATH... -o OUTDIR [-j N] [--force] [options]
                                                       a batch: files, folders
  broadsheet --files-from LIST -o OUTDIR [options]     a batch: a list of paths
  broadsheet eval GOLD PRED [--json] [--fail-under M=V]  score a result against a gold
                                                       file (broadsheet eval --help)"""

DESCRIPTION = """\
Rebuild a newspaper page from a born-digital PDF, or from the text a PDF extractor dumped
from it: articles with kicker, headline, teaser, byline, paragraphs in reading order and
pull quotes; pictures with caption and credit; info boxes; page furniture. Text is
repaired (line-end hyphens, broken ligatures, letter-spacing, replacement characters) and
every repair is recorded. In a text dump, pages are separated by form feeds; a PDF is
recognised by its content, and its pages keep their PDF page numbers.

One input is written to stdout (or -o FILE). Several inputs, a folder (searched
recursively for .pdf and .txt files) or --files-from make a batch: one output per input
in the folder -o OUTDIR, named after the input plus the format's extension (a.pdf.json),
each written whole or not at all. A batch run again skips the inputs whose output exists,
so a stopped run goes on where it stopped (--force redoes them). It runs -j worker
processes, shows a progress bar on a terminal, goes on past inputs that fail and lists
them, with the reason, in OUTDIR/broadsheet-failures.tsv.
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
  broadsheet page.pdf --boxes runs         the box of every glyph run in the JSON too
  broadsheet archive/ -o out/              a folder: out/2024/p1.pdf.json, ...
  broadsheet a.pdf b.txt -o out/ -j 4      several files, four workers
  find . -name '*.pdf' | broadsheet --files-from - -o out/
                                           a list of paths on stdin
  broadsheet eval gold.json pred.json      score a result against a gold file
                                           (see `broadsheet eval --help`)
A PDF page without text (a scanned image, an empty page) is named on stderr, one line
each (a run of pages skipped for one reason: one line); the other pages are still
written, and the exit status is 1.
exit status: 0 success, 1 bad input or a file over its time (in a batch: any input
failed; one input: also a reader that quit early), 2 bad usage, 130 interrupted (a
batch: run the same command again to finish).
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="broadsheet",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="PATH",
        help="a PDF or a text dump (- for stdin), or several, or folders of them",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="json",
        help="output format (default: json, one document object with its pages; "
        "jsonl: one page object per line)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="one input: write here instead of stdout; a batch: the output folder",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="list every repair (rule, source offset, before -> after) on stderr; "
        "with -f json/jsonl also add them to the output (a batch: to the output only)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="check that every character of the input is in the output, a repair record or "
        "the hidden runs, once; name each that is not on stderr and exit 1",
    )
    p.add_argument(
        "--boxes",
        choices=BOX_LEVELS,
        default="items",
        help="json/jsonl from a PDF: the boxes written, in points from the top left of the "
        "page's crop box (default: items, a box per item and per field; runs: also every "
        "glyph run's; none)",
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
    batch = p.add_argument_group("batch (several inputs, a folder, or --files-from)")
    batch.add_argument(
        "--files-from",
        metavar="LIST",
        help="read the inputs' paths from this file, one per line (- for stdin)",
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help=f"worker processes (default: the cores this machine lets it use, {default_jobs()})",
    )
    batch.add_argument(
        "--force",
        action="store_true",
        help="convert every input again, even those whose output is there",
    )
    p.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    return p


def _positive(text: str) -> int:
    """-j's value: a whole number of workers, at least one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers (1 or more)")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `broadsheet` command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["eval"]:
        from broadsheet.eval_cli import eval_main

        return eval_main(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        batch = _is_batch(args)
        if not args.inputs and not batch:
            parser.print_usage(sys.stderr)
            return _fail("give a PDF or a text dump, a folder, or - for stdin", EXIT_USAGE)
        with terminate_as_interrupt():
            return _run_batch(args) if batch else _run_one(args)
    except RequestError as err:
        return _fail(for_command_line(err), EXIT_USAGE)
    except BroadsheetError as err:
        return _fail(for_command_line(err))
    except KeyboardInterrupt as err:
        stopped = "terminated (SIGTERM)" if isinstance(err, Terminated) else "interrupted"
        return _fail(stopped, EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader quit early (`| head`): the output is not whole
        _silence_stdout()
        return _fail(BROKEN_PIPE)
    except OSError as err:
        return _fail(f"{err.filename or args.inputs[0]}: {err.strerror or err}")


def _silence_stdout() -> None:
    """Point stdout at devnull, so that Python's flush at exit does not fail again on the
    closed pipe (the recipe of the `signal` module's documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _is_batch(args: argparse.Namespace) -> bool:
    """Several inputs, a folder, a list of paths, or an existing folder as the output."""
    inputs: list[str] = args.inputs
    out = args.output
    return (
        len(inputs) > 1
        or args.files_from is not None
        or any(Path(i).is_dir() for i in inputs)
        or (out is not None and out != "-" and (Path(out).is_dir() or out.endswith(("/", "\\"))))
    )


def _request(args: argparse.Namespace) -> Request:
    return Request(
        args.format, args.lang, args.pages, args.password, args.explain, args.boxes, args.check
    )


def _run_one(args: argparse.Namespace) -> int:
    """One input, to stdout or a file; pages without text named on stderr."""
    data, name = _read_input(args.inputs[0])
    from broadsheet.pipeline import is_pdf

    if not is_pdf(data) and (args.pages is not None or args.password is not None):
        flag = "--pages" if args.pages is not None else "--password"
        return _fail(f"{name}: {flag} is for PDF input; this is a text dump", EXIT_USAGE)
    done = 0

    def progress(pages: int) -> None:
        nonlocal done
        done += pages
        if sys.stderr.isatty():  # a long PDF takes a while
            print(f"broadsheet: {done} pages read", file=sys.stderr, flush=True)

    with LazyOutput(args.output) as out:
        report = convert(data, name, _request(args), out, progress)
    if report.mets is not None:
        _write_mets(report.mets, args.output)
    return _tell(name, report)


def _write_mets(mets: Callable[[str], str], output: str | None) -> None:
    """ALTO's METS file beside the ALTO output (it points at the ALTO file by name); on
    stdout there is no beside, so the user is told how to get it."""
    if output is None or output == "-":
        print("broadsheet: note: the METS file is written beside an -o FILE only", file=sys.stderr)
        return
    alto = Path(output)
    write_atomically(alto.with_name(mets_name(alto.name)), mets(alto.name))


def _tell(name: str, report: Report) -> int:
    """Pages without text as errors, notes, then the repairs listing; the exit status."""
    for reason in report.skipped:
        print(f"broadsheet: error: {name}: {reason}", file=sys.stderr)
    for note in report.notes:
        print(f"broadsheet: note: {name}: {note}", file=sys.stderr)
    for finding in report.findings:
        print(f"broadsheet: check: {name}: {finding}", file=sys.stderr)
    sys.stderr.write(report.explained)
    if not report.pages and not report.skipped:  # a PDF names at least one page; a guard
        return _fail(f"{name}: no page to read")
    return EXIT_INPUT if report.skipped or report.findings else EXIT_OK


def _run_batch(args: argparse.Namespace) -> int:
    """Every input to its own output under -o OUTDIR; failures listed, the run goes on."""
    if args.output is None or args.output == "-":
        return _fail("several inputs (or a folder) need -o OUTDIR to write to", EXIT_USAGE)
    if "-" in args.inputs:
        return _fail("- (stdin) is one input; give it alone, or use --files-from -", EXIT_USAGE)
    outdir = Path(args.output)
    if outdir.exists() and not outdir.is_dir():
        return _fail(f"{outdir}: is a file; -o for several inputs must be a folder", EXIT_USAGE)
    paths = list(args.inputs) + (read_list(args.files_from) if args.files_from else [])
    found, missing = gather(paths, outdir)
    for name in missing:
        print(f"broadsheet: error: {name}: no such file or folder", file=sys.stderr)
    if not found and not missing:
        return _fail("no PDF or .txt file found in the inputs given", EXIT_INPUT)
    tasks = plan(found, outdir, args.format, args.force)
    outdir.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = [Outcome(m, error="no such file or folder") for m in missing]
    with _BatchProgress(len(tasks), skipped=len(found) - len(tasks)) as bar:

        def done(outcome: Outcome) -> None:
            outcomes.append(outcome)
            bar.advance(outcome)

        finished = run_batch(tasks, _request(args), args.jobs or default_jobs(), done)
    return _batch_summary(outdir, outcomes, len(found) - len(tasks), finished)


def _batch_summary(outdir: Path, outcomes: list[Outcome], before: int, finished: bool) -> int:
    """The failures file, one line of figures, and the exit status."""
    failures = write_failures(outdir, outcomes)
    failed = [o for o in outcomes if o.error or o.problems]
    written = sum(1 for o in outcomes if not o.error)
    pages = sum(o.pages for o in outcomes)
    print(
        f"broadsheet: {written} written ({pages} pages), {before} done before, "
        f"{len(failed)} failed" + (f": see {failures}" if failures else ""),
        file=sys.stderr,
    )
    if not finished:
        print(
            "broadsheet: interrupted; run the same command again to convert the rest",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    return EXIT_INPUT if failed else EXIT_OK


class _BatchProgress:
    """Files and pages done, pages per second and time left, on a terminal's stderr only
    (tqdm); in a pipe or a log, each failure is one line and the rest is quiet."""

    def __init__(self, total: int, skipped: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(
            total=total,
            unit="file",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            desc="broadsheet",
            dynamic_ncols=True,
        )
        self.pages = 0
        if skipped:
            self.bar.write(f"broadsheet: {skipped} inputs done before, skipped (--force redoes)")

    def advance(self, outcome: Outcome) -> None:
        self.pages += outcome.pages
        elapsed = self.bar.format_dict.get("elapsed") or 0.0
        rate = f"{self.pages / elapsed:.1f} pages/s" if elapsed else ""
        self.bar.set_postfix_str(f"{self.pages} pages {rate}", refresh=False)
        self.bar.update(1)
        for reason in ([outcome.error] if outcome.error else []) + list(outcome.problems):
            self.bar.write(f"broadsheet: error: {outcome.source}: {reason}", file=sys.stderr)

    def __enter__(self) -> _BatchProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()


def _fail(message: str, status: int = EXIT_INPUT) -> int:
    print(f"broadsheet: error: {message}", file=sys.stderr)
    return status


def _read_input(name: str) -> tuple[bytes, str]:
    if name == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    path = Path(name)
    if not path.exists():
        raise BroadsheetError(f"{name}: no such file")
    return path.read_bytes(), name


if __name__ == "__main__":
    sys.exit(main())
