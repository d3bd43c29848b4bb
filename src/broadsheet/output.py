"""Where one input's output goes: a file written whole, or stdout written to the last byte.

- `-o FILE` is written to a hidden temporary file beside it and renamed into place when
  the run ends (batch.write_atomically does the same for a batch's outputs): two runs
  writing one file never interleave, and a reader never sees half of one. What a stream
  (jsonl) wrote before an error is kept, as it was when written in place. A path that is
  not a plain file (/dev/null, a FIFO) is written to directly; a link is followed.
- stdout is written as bytes until the last one is taken. A text stream over an
  unbuffered stdout (PYTHONUNBUFFERED) drops what a pipe did not take once its reader had
  gone (`| head`), and the run ended with status 0 on output cut at 64 KB; the next
  write now fails with BrokenPipeError, which the command turns into one error line
  (BROKEN_PIPE) and status 1. A reader that takes all the output and then leaves cannot be
  told from one that read it: what the pipe took is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from pathlib import Path
from typing import TextIO

from broadsheet.errors import InputError

BROKEN_PIPE = (
    "the output's reader closed it before the end (broken pipe): the output is not whole; "
    "write it to a file with -o FILE to keep all of it"
)
STDOUT_CLOSED = "standard output is closed: give -o FILE to write the output to a file"
# How long to wait for a non-blocking stdout that took nothing before offering again.
STDOUT_RETRY_SECONDS = 0.01


class LazyOutput:
    """The output, opened at the first write: a PDF with no text page leaves no empty file
    behind. Each write is flushed, so a streamed batch is out before the next is read."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.stream: TextIO | None = None
        self.target: Path | None = None  # where the temporary file goes when done
        self.temp: Path | None = None

    def write(self, text: str) -> None:
        if not text:
            return
        if self.output is None or self.output == "-":
            write_stdout(text)
            return
        stream = self.stream = self.stream or self._open(self.output)
        stream.write(text)
        stream.flush()

    def _open(self, output: str) -> TextIO:
        """The temporary file beside the output (or the output itself, where it is not a
        plain file); an error names the output as the user gave it."""
        target = Path(os.path.realpath(output))
        try:
            if target.exists() and not target.is_file():
                return open(target, "w", encoding="utf-8")
            self.target = target
            self.temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            return open(self.temp, "w", encoding="utf-8")
        except OSError as err:
            raise OSError(err.errno, err.strerror, output) from None

    def __enter__(self) -> LazyOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.stream is None:
            return
        self.stream.close()
        if self.temp is None or self.target is None:
            return
        try:
            _keep_mode(self.target, self.temp)
            os.replace(self.temp, self.target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                self.temp.unlink()


def _keep_mode(target: Path, temp: Path) -> None:
    """An output written again keeps its permissions (a new one gets the umask's)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(temp, stat.S_IMODE(target.stat().st_mode))


def write_stdout(text: str) -> None:
    """Write `text` to stdout in full, or raise (BrokenPipeError when the reader left;
    InputError when the command was started with stdout closed, `>&-`, where Python has no
    stdout at all)."""
    stream = sys.stdout
    if stream is None:
        raise InputError(STDOUT_CLOSED)
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a stream of text only (a caller's StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # what went through the text layer first
    if os.linesep != "\n":  # what the text layer does on Windows
        text = text.replace("\n", os.linesep)
    data = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
    while data:
        taken = buffer.write(data)
        if taken is None:
            time.sleep(STDOUT_RETRY_SECONDS)
            continue
        data = data[taken:]
    buffer.flush()
