"""Shared by the repair tests: apply a fix and prove that nothing changed unrecorded."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from broadsheet.model import Edit, Traced

Fix = Callable[[str], Sequence[Edit]]


def accounted(fix: Fix, text: str) -> str:
    """Apply `fix` and check that every changed character is covered by a recorded repair."""
    edits = sorted(fix(text), key=lambda e: (e.start, e.end))
    pos = 0
    for e in edits:
        assert pos <= e.start <= e.end <= len(text), "edits must not overlap"
        assert text[e.start : e.end] != e.new, "an edit must change something"
        pos = e.end
    traced, repairs = Traced.of_source(text, 0, len(text)).apply(edits, text)
    rebuilt: list[str] = []
    pos = 0
    covered = [False] * len(text)
    for r in repairs:
        assert r.before == text[r.start : r.end]
        rebuilt += [text[pos : r.start], r.after]
        covered[r.start : r.end] = [True] * (r.end - r.start)
        pos = r.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == traced.text
    for seg in traced.segs:
        out = traced.text[seg.out_start : seg.out_end]
        if out != text[seg.src_start : seg.src_end]:
            spot = (seg.src_start, seg.src_end, out)
            assert any((r.start, r.end, r.after) == spot for r in repairs)
        covered[seg.src_start : seg.src_end] = [True] * (seg.src_end - seg.src_start)
    assert all(covered), "a source character vanished without a repair"
    return traced.text
