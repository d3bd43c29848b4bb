"""SIGTERM stops a run as Ctrl-C does.

A service manager, `timeout` or `kill` ends a process with SIGTERM, whose default action
kills it on the spot: the hidden temporary file an `-o` output is written to stayed behind
(`.out.jsonl.1234.tmp`), and a stream lost the pages it had written. While the command
runs, SIGTERM raises `Terminated` (a KeyboardInterrupt) instead, so the same code that
handles Ctrl-C runs: a file is renamed into place or removed, a stream keeps what it
wrote, a batch lets the inputs being converted finish, and the exit status is 130.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class Terminated(KeyboardInterrupt):
    """The process was sent SIGTERM."""


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises Terminated inside the block (only the main thread may set a
    handler; elsewhere nothing changes), and its old handler is back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
