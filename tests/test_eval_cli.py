"""`broadsheet eval ... | head`: a reader that stops early ends the output quietly.

Run in a subprocess whose stdout pipe the test closes before the command writes: every
write then fails with a broken pipe, as it does for `| head` once head has its lines.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "samples" / "taz-seed.gold.json"


@pytest.mark.parametrize(
    "options, status",
    [([], 0), (["--json"], 0), (["--fail-under", "item_f1=1.5"], 3)],
    ids=["table", "json", "missed"],
)
def test_a_reader_closing_early_leaves_no_traceback(options: list[str], status: int) -> None:
    command = [sys.executable, "-m", "broadsheet.cli", "eval", str(GOLD), str(GOLD), *options]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the report is written
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == status, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    if status == 3:
        assert err.startswith("broadsheet eval: item_f1 ")
