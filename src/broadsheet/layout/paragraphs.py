"""Lines into paragraphs, and lines into clean text with every join recorded.

A paragraph ends where a piece of the story ends a sentence and the next begins one,
or inside a piece where a short line ends a sentence. Lines are joined by the hyphen
decision at each line end; spacing repairs run on the joined text, because letter-spaced
words may straddle a line break (`Un-` / `ter stüt ze r:in nen`).
"""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.layout.roles import SUBHEAD, Unit, ends_sentence, measure, opens
from broadsheet.model import Builder, Repair, Traced
from broadsheet.repair.hyphens import decide_junction
from broadsheet.repair.lexicon import Lexicon
from broadsheet.repair.spacing import normalise_spaces, rejoin_letterspaced

# A line shorter than this share of the column that ends a sentence closes its paragraph.
SHORT_LINE_RATIO = 0.8


def paragraphs(pieces: Sequence[Unit]) -> list[list[Traced]]:
    """The lines of a story's pieces, in reading order, grouped into paragraphs. A subhead
    is a paragraph of its own (it ends no sentence, yet the text after it is new)."""
    if not pieces:
        return []
    width = max(measure(p.lines) for p in pieces)
    out: list[list[Traced]] = []
    closed = False
    for piece in pieces:
        lines = list(piece.lines)
        subhead = piece.role == SUBHEAD
        # A PDF's geometry has cut its pieces at every paragraph start it shows
        # (layout/leading.py); a dump's pieces may hold several paragraphs.
        typeset = piece.style is not None
        marked = typeset and piece.style is not None and piece.style.opens
        if (
            not out
            or subhead
            or closed
            or marked
            or (ends_sentence(out[-1][-1].text) and opens(lines[0].text))
        ):
            out.append([])
        closed = subhead
        for i, line in enumerate(lines):
            out[-1].append(line)
            if i + 1 < len(lines) and not typeset and _closes_inside(line, lines[i + 1], width):
                out.append([])
    return [p for p in out if p]


def _closes_inside(line: Traced, nxt: Traced, width: float) -> bool:
    return ends_sentence(line.text) and len(line) < SHORT_LINE_RATIO * width and opens(nxt.text)


def join_lines(lines: Sequence[Traced], lex: Lexicon) -> tuple[Traced, list[Repair]]:
    """One string from lines in reading order: hyphens decided, spacing repaired."""
    if not lines:
        return Traced("", ()), []
    out = Builder()
    repairs: list[Repair] = []
    current = lines[0]
    for nxt in lines[1:]:
        j = decide_junction(current.text, nxt.text, lex)
        keep = len(current) - j.cut
        if j.cut:
            at, cut_end = current.src_span(keep, len(current))
        else:
            at = cut_end = current.end
        out.add(current, keep)
        out.insert(j.text, at, cut_end)
        repairs.append(Repair(j.rule, at, cut_end, current.text[keep:] + "\n", j.text))
        current = nxt
    out.add(current, len(current))
    text, more = clean(out.build(), lex)
    return text, repairs + more


def clean(text: Traced, lex: Lexicon) -> tuple[Traced, list[Repair]]:
    """Normalise spaces, then rejoin letter-spaced words; strip the ends."""
    repairs: list[Repair] = []
    text, rs = text.apply(normalise_spaces(text.text))
    repairs += rs
    text, rs = text.apply(rejoin_letterspaced(text.text, lex))
    repairs += rs
    return text.strip(), repairs
