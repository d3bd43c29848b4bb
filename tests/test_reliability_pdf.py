"""The PDF reader's findings of the bad-input campaign (issue 16), each with its reproducer.

The reproducers are synthetic PDFs the campaign built (`tests/cases/reliability/`, copied
from `../shared/reliability/findings/`, so a clean clone runs them): a glyph whose
ToUnicode maps outside the BMP or to half a surrogate pair, a zero-height line beside a
one-letter line, words drawn glyph by glyph, a text layer drawn twice. Every output format
must be writable as UTF-8, and every letter and digit PDFium reads must come out once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.cli import main

CASES = Path(__file__).parent / "cases" / "reliability"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The command line's exit status, stdout and stderr; never a traceback."""
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_zero_height_line_beside_a_one_letter_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A line of no height next to a large initial: no ZeroDivisionError, both read."""
    code, out, err = run([str(CASES / "repro-zero-height-dropcap.pdf"), "-f", "text"], capsys)
    assert code == 0, err
    assert "A" in out and "flach" in out
