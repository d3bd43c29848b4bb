"""Ray Data: an archive's pages converted across a cluster, a record per page, failures too.

An archive of millions of pages outgrows one machine's batch (`broadsheet.batch`). Here the
files (a list, folders or globs; local, or on any pyarrow filesystem such as S3) are read
with `ray.data.read_binary_files` and converted by the worker the CLI and the batch use
(`broadsheet.convert.convert`, JSON lines), in Ray tasks spread over the cluster. Each page
becomes a record (`record_schema`): the input's path, the page number and the page's JSON
object as a string, exactly the line `broadsheet FILE -f jsonl` writes. An input that
fails, or a PDF page without text, is a record too, with its one-line reason under `error`:
a job of hours must not die of one damaged file, and what failed must be listed.

`convert_to` writes the records as JSON lines, or as the Parquet tables of
`broadsheet.export.arrow` (items and pages, one schema whether made here or on one machine).

This module is named like the `ray` package it drives: it imports `ray` lazily, inside
functions, and absolutely (`from __future__ import annotations` keeps the type hints
unevaluated), so `import ray` here is always the real package.
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from broadsheet.batch import INPUT_SUFFIXES
from broadsheet.convert import Request, convert
from broadsheet.errors import BroadsheetError
from broadsheet.export import arrow

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.fs as pafs
    import ray.data

# The output formats of convert_to: Parquet tables (items, pages) or the records as JSONL.
OUT_FORMATS = ("parquet", "jsonl")
# The name and version of the record schema, in its Arrow metadata like arrow's tables.
RECORDS_SCHEMA = "broadsheet-records/1"
FAILURES_SCHEMA = "broadsheet-failures/1"
# Where convert_to's Parquet output puts the inputs that failed (written only when any did).
FAILURES_DIR = "failures"
# Inputs converted per Ray task: one, since an input takes from a fraction of a second (a
# page) to minutes (a long PDF), and finer tasks share that work out more evenly.
FILES_PER_TASK = 1
# Characters that make an input a glob pattern rather than a path.
GLOB_CHARS = "*?["
INSTALL_HINT = "pip install 'broadsheet[ray]'"
EXIT_OK, EXIT_INPUT = 0, 1


def ray_module() -> ModuleType:
    """The real `ray` package (this module's namesake), or a one-line BroadsheetError
    saying how to get it: Ray is an optional dependency."""
    try:
        import ray
        import ray.data  # the submodule the datasets come from
    except ImportError:
        raise BroadsheetError(f"the Ray integration needs Ray Data: {INSTALL_HINT}") from None
    return ray


def record_schema() -> pa.Schema:
    """A page record: its input's path, its page number and its JSON object as a string;
    or, for an input or a page that failed, the path and the reason (`page` is null for a
    whole input that failed and for a PDF page without text)."""
    pa = arrow.pyarrow()
    return pa.schema(
        [
            pa.field("path", pa.string(), nullable=False),
            pa.field("page", pa.int32()),
            pa.field("json", pa.string()),
            pa.field("error", pa.string()),
        ],
        metadata={arrow.SCHEMA_KEY: RECORDS_SCHEMA.encode()},
    )


def failures_schema() -> pa.Schema:
    """An input (or a page) that failed: its document id and the one-line reason."""
    pa = arrow.pyarrow()
    return pa.schema(
        [
            pa.field("document_id", pa.string(), nullable=False),
            pa.field("error", pa.string(), nullable=False),
        ],
        metadata={arrow.SCHEMA_KEY: FAILURES_SCHEMA.encode()},
    )


def file_records(data: bytes, path: str, language: str | None = None) -> list[dict[str, Any]]:
    """One input's records: a record per page written, one per page without text, or a
    single failure when the input cannot be read. Never raises: an unforeseen exception is
    recorded as an internal error (so it can be reported) instead of failing the job."""
    buffer = io.StringIO()
    try:
        report = convert(data, path, Request(format="jsonl", language=language), buffer)
    except BroadsheetError as err:
        return [_failure(path, str(err))]
    except Exception as err:  # a bug, or a page nobody foresaw: one record, not a dead job
        return [_failure(path, f"internal error: {type(err).__name__}: {err}")]
    rows = [_page_record(path, line) for line in buffer.getvalue().splitlines() if line]
    rows += [_failure(path, reason) for reason in report.skipped]
    return rows or [_failure(path, "no page to read")]


def _page_record(path: str, line: str) -> dict[str, Any]:
    page = json.loads(line)["page"]
    return {"path": path, "page": page, "json": line, "error": None}


def _failure(path: str, reason: str) -> dict[str, Any]:
    return {"path": path, "page": None, "json": None, "error": " ".join(reason.split())}


def convert_batch(batch: pa.Table, language: str | None = None) -> pa.Table:
    """The map_batches function: read_binary_files' rows (`bytes`, `path`) in, records out."""
    paths = batch.column("path").to_pylist()
    datas = batch.column("bytes").to_pylist()
    rows = [
        row
        for path, data in zip(paths, datas, strict=True)
        for row in file_records(data, path, language)
    ]
    return arrow.pyarrow().Table.from_pylist(rows, schema=record_schema())


def _page_objects(records: pa.Table) -> Iterator[arrow.PageRecord]:
    """(document id, page object) of each record that holds a page."""
    paths = records.column("path").to_pylist()
    for path, text in zip(paths, records.column("json").to_pylist(), strict=True):
        if text is not None:
            yield path, json.loads(text)


def items_batch(records: pa.Table) -> pa.Table:
    """Records in, the rows of `arrow.items_schema` out."""
    return arrow.items_table(_page_objects(records))


def pages_batch(records: pa.Table) -> pa.Table:
    """Records in, the rows of `arrow.pages_schema` out."""
    return arrow.pages_table(_page_objects(records))


def failures_batch(records: pa.Table) -> pa.Table:
    """Records in, the failed ones out as rows of `failures_schema`."""
    pa = arrow.pyarrow()
    failed = records.filter(records.column("error").is_valid())
    columns = [failed.column("path"), failed.column("error")]
    return pa.Table.from_arrays(columns, schema=failures_schema())


@dataclass(frozen=True)
class Inputs:
    """The files to read and the one filesystem they are on (None: the local one)."""

    files: list[str]
    filesystem: pafs.FileSystem | None = None


Paths = Sequence[str] | str | Inputs


def find_inputs(paths: Sequence[str] | str, filesystem: pafs.FileSystem | None = None) -> Inputs:
    """The files the inputs name, as the batch finds them: a file named directly whatever its
    name, a folder's PDFs and `.txt` dumps (recursively, hidden ones left out), a glob's
    matches; local paths made absolute (a cluster's workers do not share the driver's
    working folder), URIs resolved to their pyarrow filesystem. Raises BroadsheetError for
    an input that names nothing and for inputs on two filesystems."""
    files: list[str] = []
    systems: list[pafs.FileSystem | None] = []
    for path in [paths] if isinstance(paths, str) else paths:
        base, pattern = _split_glob(path)
        fs, root, remote = _locate(base, filesystem)
        found = _matching(fs, root, pattern) if pattern else _inputs_at(fs, root, path)
        if not found:
            raise BroadsheetError(f"{path}: no PDF or .txt file found there")
        files += found
        systems.append(fs if remote else None)
    if not files:
        raise BroadsheetError("no input given")
    return Inputs(files, _one_filesystem(systems))


def _split_glob(path: str) -> tuple[str, str | None]:
    """A glob's fixed folder and the pattern below it; a plain path and None."""
    first = next((k for k, c in enumerate(path) if c in GLOB_CHARS), None)
    if first is None:
        return path, None
    cut = path.rfind("/", 0, first)
    return path[: max(cut, 0)], path[cut + 1 :]


def _locate(base: str, filesystem: pafs.FileSystem | None) -> tuple[Any, str, bool]:
    """The filesystem a path is on, the path on it, and whether Ray must be told of it."""
    from pyarrow.fs import FileSystem, LocalFileSystem

    if filesystem is not None:
        return filesystem, base, True
    if "://" in base:
        fs, root = FileSystem.from_uri(base)
        return fs, root, True
    return LocalFileSystem(), os.path.abspath(base or "."), False


def _inputs_at(fs: Any, root: str, path: str) -> list[str]:
    """A file itself, or a folder's inputs."""
    from pyarrow.fs import FileSelector, FileType

    info = fs.get_file_info(root)
    if info.type == FileType.NotFound:
        raise BroadsheetError(f"{path}: no such file or folder")
    if info.type == FileType.File:
        return [root]
    listing = fs.get_file_info(FileSelector(root, recursive=True))
    return sorted(
        f.path
        for f in listing
        if f.type == FileType.File
        and f.path.lower().endswith(INPUT_SUFFIXES)
        and not any(part.startswith(".") for part in _below(f.path, root))
    )


def _matching(fs: Any, root: str, pattern: str) -> list[str]:
    """The files under `root` that `pattern` matches, component by component (`*`, `?`,
    `[...]` within a name, `**` for any depth of folders)."""
    from pyarrow.fs import FileSelector, FileType

    parts = pattern.split("/")
    selector = FileSelector(root, recursive=len(parts) > 1, allow_not_found=True)
    return sorted(
        f.path
        for f in fs.get_file_info(selector)
        if f.type == FileType.File and _matches(_below(f.path, root), parts)
    )


def _below(path: str, root: str) -> list[str]:
    return path[len(root) :].strip("/").split("/")


def _matches(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    """Whether a path's components match a glob's, `**` matching any number of them."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(parts[k:], pattern[1:]) for k in range(len(parts) + 1))
    return (
        bool(parts)
        and fnmatch.fnmatchcase(parts[0], pattern[0])
        and _matches(parts[1:], pattern[1:])
    )


def _one_filesystem(systems: list[pafs.FileSystem | None]) -> pafs.FileSystem | None:
    """The filesystem every input is on: one Ray read takes one."""
    first = systems[0]
    for other in systems[1:]:
        if (other is None) != (first is None) or (first is not None and not first.equals(other)):
            raise BroadsheetError("the inputs are on different filesystems; give them in two runs")
    return first


def pages_dataset(
    paths: Paths,
    *,
    language: str | None = None,
    filesystem: pafs.FileSystem | None = None,
) -> ray.data.Dataset:
    """The page records (`record_schema`) of the inputs: files, folders or globs, local or
    on `filesystem` (or named by URIs such as `s3://bucket/pages/*.pdf`), or the Inputs
    found before. Lazy, like any Dataset: nothing is converted until it is consumed or
    written; Ray is started (locally) if no one has started it."""
    inputs = paths if isinstance(paths, Inputs) else find_inputs(paths, filesystem)
    files = ray_module().data.read_binary_files(
        inputs.files, include_paths=True, filesystem=inputs.filesystem
    )
    records: ray.data.Dataset = files.map_batches(
        convert_batch,
        batch_format="pyarrow",
        batch_size=FILES_PER_TASK,
        fn_kwargs={"language": language},
    )
    return records


@dataclass(frozen=True)
class Summary:
    """What convert_to wrote: pages, and failures (inputs and pages without text)."""

    out: str
    pages: int
    failures: int


def convert_to(
    paths: Paths,
    out: str,
    format: str = "parquet",
    *,
    language: str | None = None,
    filesystem: pafs.FileSystem | None = None,
    out_filesystem: pafs.FileSystem | None = None,
) -> Summary:
    """Convert the inputs and write them under the folder (or URI) `out`: `parquet` writes
    `OUT/items/` and `OUT/pages/` (the tables of broadsheet.export.arrow) and, when any
    input failed, `OUT/failures/`; `jsonl` writes the records themselves. The records are
    materialised once (Ray's object store, spilling to disk) so that no page is converted
    twice for the several outputs."""
    if format not in OUT_FORMATS:
        raise BroadsheetError(f"unknown format {format!r}; use one of {OUT_FORMATS}")
    if out_filesystem is None and "://" not in out:
        out = os.path.abspath(out)  # Ray's writers do not run in this working folder
    records = pages_dataset(paths, language=language, filesystem=filesystem).materialize()
    failures = records.map_batches(failures_batch, batch_format="pyarrow").materialize()
    if format == "jsonl":
        records.write_json(out, filesystem=out_filesystem)
    else:
        for name, table_of in ((arrow.ITEMS_DIR, items_batch), (arrow.PAGES_DIR, pages_batch)):
            rows = records.map_batches(table_of, batch_format="pyarrow")
            rows.write_parquet(_joined(out, name), filesystem=out_filesystem)
        if failures.count():
            failures.write_parquet(_joined(out, FAILURES_DIR), filesystem=out_filesystem)
    failed = failures.count()
    return Summary(out, records.count() - failed, failed)


def _joined(folder: str, name: str) -> str:
    """A folder's child, for local paths and URIs alike."""
    return f"{folder.rstrip('/')}/{name}"


def build_parser() -> argparse.ArgumentParser:
    """`python -m broadsheet.ray INPUT... -o OUT [--format parquet|jsonl] [--address ADDR]`."""
    parser = argparse.ArgumentParser(
        prog="python -m broadsheet.ray",
        description="Convert many newspaper pages (PDFs or text dumps) on a Ray cluster "
        "into Parquet tables of items and pages, or JSON lines of page records.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders or quoted globs, local or URIs (s3://bucket/pages/*.pdf)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="folder or URI")
    parser.add_argument("-f", "--format", choices=OUT_FORMATS, default="parquet")
    parser.add_argument("--lang", choices=("de", "en"), help="default: guessed per page")
    parser.add_argument(
        "--address",
        help="the Ray cluster to join, e.g. HEAD:6379 or auto "
        "(default: RAY_ADDRESS, set by `ray job submit`, else a new local Ray)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command: 0 when every input converted, 1 when any failed (the failures are
    in the output) or the run could not start (one line on stderr)."""
    args = build_parser().parse_args(argv)
    try:
        inputs = find_inputs(args.inputs)  # a mistyped path fails before Ray starts
        start_ray(args.address)
        summary = convert_to(inputs, args.output, args.format, language=args.lang)
    except BroadsheetError as err:
        print(f"broadsheet: error: {' '.join(str(err).split())}", file=sys.stderr)
        return EXIT_INPUT
    print(closing_line(summary, args.format), file=sys.stderr)
    return EXIT_INPUT if summary.failures else EXIT_OK


def start_ray(address: str | None) -> None:
    """Join the cluster at `address` (None: RAY_ADDRESS, which `ray job submit` sets, else a
    new local Ray), unless this process is in one already (a test, a notebook); a cluster
    that cannot be reached is a one-line error, not a traceback."""
    ray = ray_module()
    if ray.is_initialized():
        return
    try:
        ray.init(address=address)
    except (ConnectionError, RuntimeError) as err:
        where = f" at {address}" if address else ""
        raise BroadsheetError(f"cannot start or join Ray{where}: {err}") from None


def closing_line(summary: Summary, format: str) -> str:
    """What was written, and where the failures are listed."""
    line = f"broadsheet: {summary.pages} pages written to {summary.out}; "
    if not summary.failures:
        return line + "none failed"
    where = _joined(summary.out, FAILURES_DIR) if format == "parquet" else "its records"
    return line + f"{summary.failures} failed (listed in {where}, with the reasons)"


if __name__ == "__main__":  # the functions Ray ships must be this module's, not __main__'s
    from broadsheet.ray import main as module_main

    sys.exit(module_main())
