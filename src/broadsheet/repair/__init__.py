"""Text repairs: each fix is a small named function that returns `Edit`s, never a new string.

`run(fix, text)` applies one fix to a plain string, which is what the table-driven tests use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from broadsheet.model import Edit, Traced


def run(fix: Callable[[str], Sequence[Edit]], text: str) -> str:
    """Apply one fix to a plain string and return the repaired string."""
    traced = Traced.of_source(text, 0, len(text))
    return traced.apply(fix(text))[0].text
