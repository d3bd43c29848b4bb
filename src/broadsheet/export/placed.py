"""Fields placed on the page for the XML formats: pieces, lines and words with their boxes.

Items are walked field by field with the model's `item_fields`. The JSON gives each field
the boxes of its pieces (export/boxes.py `pieces`: a paragraph that turns a column is two).
PAGE-XML and ALTO need more: the text of each piece (a region or a text block holds its
own text), its lines, and each word's box. The pieces are the JSON's, found with the same
`pieces` over the same runs; the text is cut between words where the piece changes, so
the pieces' texts joined give the field's text exactly.

A glyph run's box is known, a word's is not: a word's box is the part of each run it lies
in, cut in proportion to its characters' places in the run (a run is set in one font, so
this is close for a line of text; it is off for letter-spaced or vertical text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from broadsheet.export.boxes import grouped, shown
from broadsheet.export.json import Where
from broadsheet.model import Box, Origin, Traced, union

WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a field and its box in the shown frame (None: made, not read from a run)."""

    text: str
    box: Box | None


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a field: its text (whitespace before the next piece included), its box
    as the JSON writes it (None for text no run gave), and its words line by line."""

    text: str
    box: Box | None
    lines: tuple[tuple[Word, ...], ...]


def field_pieces(where: Where, field: Traced) -> list[Piece]:
    """The field cut into the pieces the JSON boxes, each with its text, box and lines.

    A field with no glyph run (a dump's, or text the repairs made) is one piece, no box.
    """
    runs = [o for o in where.runs.of(field) if o.page in where.sheets]
    boxes = where.boxes(field)
    if not runs or len(runs) != len(boxes):
        return [Piece(field.text, None, _lines([Word(w, None) for w in field.text.split()]))]
    shapes, run_piece = grouped(boxes)
    first: dict[Origin, int] = {}
    for k, run in enumerate(runs):
        first.setdefault(run, k)
    return _cut(where, field, first, run_piece, shapes)


def _cut(
    where: Where, field: Traced, first: dict[Origin, int], run_piece: list[int], shapes: list[Box]
) -> list[Piece]:
    """The field's text cut where the piece of its words' first runs changes."""
    groups: list[tuple[int, int, list[Word]]] = []  # piece, where its text starts, words
    for match in WORD.finditer(field.text):
        part = field.slice(match.start(), match.end())
        runs = [o for o in where.runs.of(part) if o in first]
        piece = run_piece[first[runs[0]]] if runs else (groups[-1][0] if groups else 0)
        word = Word(match.group(), _word_box(where, part, runs))
        if groups and groups[-1][0] == piece:
            groups[-1][2].append(word)
        else:
            groups.append((piece, match.start() if groups else 0, [word]))
    if not groups:
        return [Piece(field.text, shapes[0], ())]
    ends = [start for _, start, _ in groups[1:]] + [len(field.text)]
    return [
        Piece(field.text[start:end], shapes[piece], _lines(words))
        for (piece, start, words), end in zip(groups, ends, strict=True)
    ]


def _word_box(where: Where, word: Traced, runs: list[Origin]) -> Box | None:
    """The word's box: in each run it lies in, the share of the run's width its characters
    take there (user space, then shown), all joined."""
    parts: list[Box] = []
    lo, hi = word.start, word.end
    for run in runs:
        start, end = max(lo, run.start), min(hi, run.end)
        size = run.end - run.start
        if end <= start or size <= 0:
            continue
        x0, y0, x1, y1 = run.box
        width = x1 - x0
        cut = (
            x0 + width * (start - run.start) / size,
            y0,
            x0 + width * (end - run.start) / size,
            y1,
        )
        parts.append(shown(cut, where.sheets[run.page]))
    return union(parts) if parts else None


def _lines(words: list[Word]) -> tuple[tuple[Word, ...], ...]:
    """Words grouped into lines: a word starts a line when its middle lies off the height of
    the word before or it stands left of that word's start (the text wrapped). A word with
    no box stays on the line it follows."""
    lines: list[list[Word]] = []
    last: Box | None = None
    for word in words:
        box = word.box
        if not lines or (box is not None and last is not None and _wraps(last, box)):
            lines.append([])
        lines[-1].append(word)
        last = box or last
    return tuple(tuple(line) for line in lines)


def _wraps(last: Box, box: Box) -> bool:
    """Whether `box` (shown frame, y down) is on another line than `last`.

    >>> _wraps((0, 0, 30, 10), (35, 1, 60, 11)), _wraps((0, 0, 30, 10), (0, 12, 20, 22))
    (False, True)
    """
    middle = (box[1] + box[3]) / 2
    return not last[1] <= middle <= last[3] or box[0] < last[0]


def box_of(placed: list[Piece]) -> Box | None:
    """The box around every piece that has one."""
    found = [p.box for p in placed if p.box is not None]
    return union(found) if found else None


# Furniture in the top or bottom this share of the page is a running head or a footer.
EDGE_SHARE = 0.2
FOLIO = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*")
FurnitureKind = Literal["page-number", "header", "footer", "other"]


def furniture_kind(text: str, box: Box | None, height: float) -> FurnitureKind:
    """What a furniture line is, as far as its text and place tell: a bare number is the
    folio, a line near the top the running head, near the bottom the footer; the rest (or
    a line with no box) "other".

    >>> furniture_kind("– 11 –", None, 800.0), furniture_kind("Die Zeitung", (0, 20, 90, 30), 800.0)
    ('page-number', 'header')
    """
    if FOLIO.fullmatch(text):
        return "page-number"
    if box is None or height <= 0:
        return "other"
    middle = (box[1] + box[3]) / 2 / height
    if middle < EDGE_SHARE:
        return "header"
    return "footer" if middle > 1 - EDGE_SHARE else "other"
