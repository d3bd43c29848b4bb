"""Text that keeps its source: `Traced`, its segments, and the edits and repairs made on it.

Text that flows through the pipeline is a `Traced`: a string plus segments (`Seg`) that map
each stretch of it back to offsets in the source text. Repairs never edit strings in place;
they produce `Edit`s, and `Traced.apply` turns those into a new `Traced` plus the `Repair`
records that `--explain` shows. (The rest of the document model, in `model.py`, is built of
these; `model` exports them too.)
"""

from __future__ import annotations

import typing
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

# A repr quotes this many characters of a text at most: a paragraph runs to hundreds, and
# a repr is read in a terminal, where the first words tell which text it is.
REPR_CHARS = 30


def shorten(text: str, limit: int = REPR_CHARS) -> str:
    """The text cut to `limit` characters, an ellipsis the last, for a repr."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The repairs' names (`Edit.rule`, `Repair.rule`): a family, a dot, the fix.
RepairRule = Literal[
    "linebreak",
    "linebreak.unspaced",
    "hyphen.join",
    "hyphen.keep",
    "hyphen.elision",
    "hyphen.soft",
    "space.normalise",
    "space.rejoin",
    "glyph.ligature",
    "glyph.map",
    "glyph.space",
    "glyph.dropped",
    "encoding.mojibake",
]
REPAIR_RULES: tuple[RepairRule, ...] = typing.get_args(RepairRule)
# Repairs made on every line (a plain line break, spaces folded): recorded, but routine,
# so listings (--explain, the HTML view) leave them out.
ROUTINE_RULES: tuple[RepairRule, ...] = ("linebreak", "space.normalise")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` of a `Traced` with `new`, for the named rule."""

    start: int
    end: int
    new: str
    rule: RepairRule


@dataclass(frozen=True, slots=True)
class Repair:
    """One recorded change, in source offsets: `before` at [start, end) became `after`."""

    rule: RepairRule
    start: int
    end: int
    before: str
    after: str

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
        }


class Seg(NamedTuple):
    """Output [out_start, out_end) comes from source [src_start, src_end).

    Equal lengths map character by character; otherwise the whole output stretch
    maps to the whole source stretch (a replacement).
    """

    out_start: int
    out_end: int
    src_start: int
    src_end: int

    @property
    def linear(self) -> bool:
        return self.out_end - self.out_start == self.src_end - self.src_start

    def sub(self, a: int, b: int, shift: int) -> Seg:
        """The part of this segment covering output [a, b), moved by `shift`."""
        a, b = max(a, self.out_start), min(b, self.out_end)
        if self.linear:
            s0 = self.src_start + (a - self.out_start)
            s1 = self.src_start + (b - self.out_start)
        else:
            s0, s1 = self.src_start, self.src_end
        return Seg(a + shift, b + shift, s0, s1)


def _out_end(seg: Seg) -> int:
    """Where a segment ends in the output (the key `Traced.slice` bisects on)."""
    return seg.out_end


def straight_from(segs: tuple[Seg, ...]) -> int | None:
    """Where in the source a text starts that is one stretch of it, character for
    character (most lines and words are); None for any other text."""
    if len(segs) == 1 and segs[0].out_start == 0 and segs[0].linear:
        return segs[0].src_start
    return None


@dataclass(frozen=True, slots=True)
class Traced:
    """A string whose every stretch knows the source span it came from."""

    text: str
    segs: tuple[Seg, ...] = ()

    @classmethod
    def of_source(cls, source_text: str, start: int, end: int) -> Traced:
        """The source substring [start, end), mapped one to one."""
        if end <= start:
            return cls("", ())
        return cls(source_text[start:end], (Seg(0, end - start, start, end),))

    @classmethod
    def inserted(cls, text: str, at: int, end: int | None = None) -> Traced:
        """Text that replaces source [at, end) (a line break, a hyphen, nothing at all)."""
        stop = at if end is None else end
        return cls(text, (Seg(0, len(text), at, stop),) if text else ())

    @property
    def start(self) -> int:
        segs = self.segs
        if len(segs) == 1:  # most texts: one stretch of the source
            return segs[0].src_start
        return min((s.src_start for s in segs), default=0)

    @property
    def end(self) -> int:
        segs = self.segs
        if len(segs) == 1:
            return segs[0].src_end
        return max((s.src_end for s in segs), default=0)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        """The text, shortened, and the source span it came from, not its segments (a
        paragraph has one a line, and offset tuples say nothing at a glance).

        >>> Traced.of_source("Die Stadt baut eine neue Brücke über den Fluss", 4, 46)
        Traced('Stadt baut eine neue Brücke ü…', 4..46)
        >>> Traced("made, not read")
        Traced('made, not read')
        """
        quoted = repr(shorten(self.text))
        return f"Traced({quoted}, {self.start}..{self.end})" if self.segs else f"Traced({quoted})"

    def slice(self, a: int, b: int) -> Traced:
        """The stretch [a, b) of the output, still traced."""
        a, b = max(0, a), min(len(self.text), b)
        if b <= a:
            return Traced("", ())
        s0 = straight_from(self.segs)
        if s0 is not None:
            return Traced(self.text[a:b], (Seg(0, b - a, s0 + a, s0 + b),))
        # The segments are in output order: the first one reaching past `a` is found by
        # bisection and the scan stops at the first one past `b` (a scan from the start made
        # a page's edits cost the square of its segments: 30,000 one-letter lines, 90 s).
        segs: list[Seg] = []
        all_segs = self.segs
        for k in range(bisect_right(all_segs, a, key=_out_end), len(all_segs)):
            s = all_segs[k]
            if s.out_start >= b:
                break
            segs.append(s.sub(a, b, -a))
        return Traced(self.text[a:b], tuple(segs))

    def __add__(self, other: Traced) -> Traced:
        n = len(self.text)
        moved = tuple(
            Seg(s.out_start + n, s.out_end + n, s.src_start, s.src_end) for s in other.segs
        )
        return Traced(self.text + other.text, self.segs + moved)

    def src_span(self, a: int, b: int) -> tuple[int, int]:
        """Source offsets covering output [a, b); an empty stretch maps to a point."""
        s0 = straight_from(self.segs)
        if s0 is not None and 0 <= a < b <= len(self.text):
            return s0 + a, s0 + b
        parts = self.slice(a, b).segs if b > a else ()
        if parts:
            return min(s.src_start for s in parts), max(s.src_end for s in parts)
        for s in self.segs:
            if s.out_start <= a <= s.out_end:
                return s.sub(a, a, 0).src_start, s.sub(a, a, 0).src_start
        return (self.end, self.end)

    def spans(self) -> list[tuple[int, int]]:
        """The source spans this text is made of, in output order, adjacent ones merged."""
        out: list[tuple[int, int]] = []
        for s in self.segs:
            if out and out[-1][1] == s.src_start:
                out[-1] = (out[-1][0], s.src_end)
            elif s.src_end > s.src_start:
                out.append((s.src_start, s.src_end))
        return out

    def strip(self) -> Traced:
        """Without leading and trailing whitespace."""
        text = self.text
        if text and not (text[0].isspace() or text[-1].isspace()):
            return self
        stripped = text.strip()
        if not stripped:
            return Traced("", ())
        a = len(self.text) - len(self.text.lstrip())
        return self.slice(a, a + len(stripped))

    def apply(self, edits: Iterable[Edit], source: str = "") -> tuple[Traced, list[Repair]]:
        """Apply non-overlapping edits; return the new text and the repairs in source terms.

        `source` is only used to quote what the source held; without it the replaced
        output text is quoted.
        """
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return self, []
        pieces: list[Traced] = []
        repairs: list[Repair] = []
        pos = 0
        for e in ordered:
            if e.start < pos:
                continue  # overlapping edit: the earlier one wins
            pieces.append(self.slice(pos, e.start))
            for k, (a, b, s0, s1) in enumerate(self._stretches(e.start, e.end)):
                new = e.new if k == 0 else ""
                pieces.append(Traced.inserted(new, s0, s1))
                repairs.append(Repair(e.rule, s0, s1, self.text[a:b], new))
            pos = e.end
        pieces.append(self.slice(pos, len(self.text)))
        return concat(pieces), repairs

    def _stretches(self, a: int, b: int) -> list[tuple[int, int, int, int]]:
        """Output [a, b) as (out_a, out_b, src_a, src_b) stretches, cut where the source
        jumps. Lines joined out of their source order (a story's column pieces) meet at
        seams; an edit across one (two spaces folded into one) is recorded for each
        stretch, the new text on the first: recorded whole, it claimed all the source
        between the two lines, other stories' text too.

        >>> t = Traced("ab ", (Seg(0, 3, 10, 13),)) + Traced(" cd", (Seg(0, 3, 50, 53),))
        >>> t._stretches(2, 4)
        [(2, 3, 12, 13), (3, 4, 50, 51)]
        >>> [(r.start, r.end, r.after) for r in t.apply([Edit(2, 4, " ", "space.normalise")])[1]]
        [(12, 13, ' '), (50, 51, '')]
        """
        groups: list[list[Seg]] = []  # runs of segments that go on in the source
        for s in self.slice(a, b).segs:
            if groups and groups[-1][-1].src_end == s.src_start:
                groups[-1].append(s)
            else:
                groups.append([s])
        if not groups:  # an insertion, or a stretch with no source
            s0, s1 = self.src_span(a, b)
            return [(a, b, s0, s1)]
        cuts = [a, *(a + g[0].out_start for g in groups[1:]), b]
        return [(cuts[k], cuts[k + 1], g[0].src_start, g[-1].src_end) for k, g in enumerate(groups)]


class Builder:
    """Traced text built piece by piece: the slices of a concat without a `Traced` made for
    each (joining a paragraph's lines makes two pieces a line)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.segs: list[Seg] = []
        self.size = 0

    def add(self, piece: Traced, end: int) -> None:
        """The piece's first `end` characters."""
        if end <= 0:
            return
        n, s0 = self.size, straight_from(piece.segs)
        if s0 is not None:
            self.segs.append(Seg(n, n + end, s0, s0 + end))
            self.texts.append(piece.text[:end])
        else:
            part = piece.slice(0, end)
            self.segs.extend([Seg(a + n, b + n, c, d) for a, b, c, d in part.segs])
            self.texts.append(part.text)
        self.size += end

    def insert(self, text: str, at: int, end: int) -> None:
        """Text standing for source [at, end) (see `Traced.inserted`)."""
        if text:
            self.segs.append(Seg(self.size, self.size + len(text), at, end))
            self.texts.append(text)
            self.size += len(text)

    def build(self) -> Traced:
        return Traced("".join(self.texts), tuple(self.segs))


def concat(parts: Sequence[Traced]) -> Traced:
    """Join traced pieces into one."""
    text = "".join(p.text for p in parts)
    segs: list[Seg] = []
    n = 0
    for p in parts:
        if n:
            segs.extend([Seg(a + n, b + n, c, d) for a, b, c, d in p.segs])
        else:
            segs.extend(p.segs)
        n += len(p.text)
    return Traced(text, tuple(segs))
