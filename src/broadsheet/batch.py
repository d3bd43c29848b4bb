"""Many inputs, one output each: folders of pages in worker processes, resumable.

A batch turns files, folders (searched recursively for PDFs and `.txt` dumps) and lists of
paths into one output per input under an output folder. An archive runs unattended for
hours, so a batch
- writes each output atomically (a hidden temporary file in the same folder, then a
  rename): an output that exists is complete, whatever stopped the run;
- skips the inputs whose output exists, so a run stopped halfway goes on where it stopped
  when it is started again (`force` redoes everything);
- goes on past an input that fails, and lists each failure with its one-line reason in
  `broadsheet-failures.tsv` beside the outputs;
- runs `jobs` worker processes, each of which loads the word lists once and keeps them;
- on Ctrl-C, lets the inputs being worked on finish (a page takes well under a second),
  starts no more, and leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from broadsheet.convert import EXTENSIONS, Request, convert, mets_name
from broadsheet.errors import BroadsheetError, RequestError, for_command_line

if TYPE_CHECKING:
    from concurrent.futures import Future

# What a folder is searched for (any file named directly is read, whatever its name).
INPUT_SUFFIXES = (".pdf", ".txt")
# The list of failed inputs, written beside the outputs (and removed when none failed).
FAILURES_NAME = "broadsheet-failures.tsv"
# Inputs handed to the workers ahead of those being worked on, per worker: enough to keep
# every worker busy, few enough that a list of millions of paths is not all in flight.
QUEUE_PER_WORKER = 4
# The most inputs handed to a worker at once: on a long run, a few per hand-off save round
# trips; few enough that the progress bar moves and Ctrl-C waits for little.
CHUNK_MOST = 8
WORKER_DIED = "the worker converting it stopped abruptly (a crash in a native library?)"


@dataclass(frozen=True)
class Task:
    """One input and the output it makes."""

    source: Path
    target: Path


@dataclass(frozen=True)
class Outcome:
    """What became of one input: pages written, or why it failed (nothing written)."""

    source: str
    pages: int = 0
    error: str | None = None
    problems: tuple[str, ...] = ()  # pages without text: the output lacks them
    skipped: bool = False  # its output was there from an earlier run


def gather(paths: Iterable[str], outdir: Path) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Each input file with its name under the output folder, and the paths naming nothing.

    A file named directly keeps its own name; a folder's files (PDFs and `.txt` dumps, not
    hidden ones, not those under the output folder) keep their path below that folder.
    """
    found: list[tuple[Path, Path]] = []
    missing: list[str] = []
    out = outdir.resolve()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [(f, f.relative_to(path)) for f in _folder_inputs(path, out)]
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            missing.append(name)
    return found, missing


def _folder_inputs(folder: Path, out: Path) -> Iterator[Path]:
    """The folder's PDFs and dumps, recursively, in a stable order."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != out)
        for f in sorted(files):
            if not f.startswith(".") and f.lower().endswith(INPUT_SUFFIXES):
                yield here / f


def plan(found: list[tuple[Path, Path]], outdir: Path, fmt: str, force: bool) -> list[Task]:
    """A task per input, its output named after the whole input name plus the format's
    extension (`a.pdf.json`, `a.txt.md`), so that no two inputs and no input and output
    share a name. Raises RequestError when two inputs would still write one output."""
    tasks: list[Task] = []
    seen: dict[Path, Path] = {}
    for source, rel in found:
        target = outdir / rel.parent / (rel.name + EXTENSIONS[fmt])
        if target in seen:
            raise RequestError(
                f"{seen[target]} and {source} would both be written to {target}; "
                "give them in separate runs or rename one"
            )
        seen[target] = source
        tasks.append(Task(source, target))
    return tasks if force else [t for t in tasks if not t.target.exists()]


def run_task(task: Task, request: Request) -> Outcome:
    """Convert one input and write its output atomically; never raises for a bad input."""
    try:
        buffer = io.StringIO()
        report = convert(task.source.read_bytes(), str(task.source), request, buffer)
        if report.pages:
            write_atomically(task.target, buffer.getvalue())
        if report.pages and report.mets is not None:  # ALTO's METS, beside it
            mets = task.target.with_name(mets_name(task.target.name))
            write_atomically(mets, report.mets(task.target.name))
    except BroadsheetError as err:
        return Outcome(str(task.source), error=_reason(for_command_line(err), str(task.source)))
    except OSError as err:
        return Outcome(str(task.source), error=f"{err.filename or task.source}: {err.strerror}")
    if not report.pages:
        return Outcome(str(task.source), error="no page to read", problems=tuple(report.skipped))
    problems = (*report.skipped, *(f"check: {f}" for f in report.findings))
    return Outcome(str(task.source), report.pages, problems=problems)


def _reason(message: str, source: str) -> str:
    """The error's message on one line, without the input's name it starts with (the
    failures list and stderr name the input once, before the reason)."""
    line = " ".join(message.split())
    return line.removeprefix(f"{source}: ")


def write_atomically(target: Path, text: str) -> None:
    """Write through a hidden temporary file in the same folder and rename it: readers and
    later runs see the whole output or none."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


Done = Callable[[Outcome], None]  # told of each input as it is finished


def run_batch(tasks: list[Task], request: Request, jobs: int, done: Done) -> bool:
    """Run every task, in `jobs` worker processes (1: in this one); `done` hears of each.
    Returns False when Ctrl-C stopped the run early (the finished outputs stay)."""
    if jobs <= 1 or len(tasks) <= 1:
        try:
            for task in tasks:
                done(run_task(task, request))
        except KeyboardInterrupt:
            return False
        return True
    return _run_pool(tasks, request, jobs, done)


def _run_pool(tasks: list[Task], request: Request, jobs: int, done: Done) -> bool:
    """Run the tasks in a pool, a few inputs to a hand-off (fewer round trips between
    processes). A worker that dies (a crash in a native library on a hostile PDF) breaks
    the pool: the tasks it held are then run one at a time, each in a pool of its own, so
    that the one that crashes is named and the rest are written."""
    size = max(1, min(CHUNK_MOST, len(tasks) // (jobs * QUEUE_PER_WORKER * 2)))
    pending = iter([tasks[k : k + size] for k in range(0, len(tasks), size)])
    while True:
        suspects, finished = _pool_pass(pending, request, jobs, done)
        if not finished:
            return False
        if not suspects:
            return True
        for task in suspects:
            if not _pool_pass(iter([[task]]), request, 1, done, alone=True)[1]:
                return False


def run_chunk(tasks: list[Task], request: Request) -> list[Outcome]:
    """A worker's hand-off: several tasks, one after the other."""
    return [run_task(task, request) for task in tasks]


def _pool_pass(
    pending: Iterator[list[Task]], request: Request, jobs: int, done: Done, alone: bool = False
) -> tuple[list[Task], bool]:
    """Feed the workers a few chunks ahead until the chunks run out or the pool breaks.
    Returns the tasks in flight when it broke, and False when Ctrl-C stopped the run (the
    running tasks finish first: workers ignore the signal, so none dies mid-write)."""
    # The process pool's modules cost a one-input run about 10 ms: loaded when needed.
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    running: dict[Future[list[Outcome]], list[Task]] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        try:
            while True:
                while len(running) < jobs * QUEUE_PER_WORKER and (chunk := next(pending, None)):
                    running[pool.submit(run_chunk, chunk, request)] = chunk
                if not running:
                    return [], True
                ready, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in ready:
                    chunk = running.pop(future)
                    try:
                        outcomes = future.result()
                    except BrokenProcessPool:
                        if alone:
                            done(Outcome(str(chunk[0].source), error=WORKER_DIED))
                            return [], True
                        return [*chunk, *(t for c in running.values() for t in c)], True
                    for outcome in outcomes:
                        done(outcome)
        except KeyboardInterrupt:
            for future in running:
                future.cancel()
            for future in running:
                if not future.cancelled():
                    with contextlib.suppress(Exception):
                        for outcome in future.result():
                            done(outcome)
            return [], False


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to the parent, which lets it finish what it is writing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def write_failures(outdir: Path, outcomes: Iterable[Outcome]) -> Path | None:
    """List each failed input (and each page without text) with its reason, a line each,
    in the output folder; remove an old list when nothing failed this time."""
    path = outdir / FAILURES_NAME
    rows = [
        f"{o.source}\t{reason}"
        for o in outcomes
        for reason in ([o.error] if o.error else []) + list(o.problems)
    ]
    if not rows:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return None
    write_atomically(path, "input\treason\n" + "\n".join(rows) + "\n")
    return path


def read_list(name: str) -> list[str]:
    """Paths one per line from a file or stdin (`-`); blank lines are ignored."""
    text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]
