"""Lines and blocks from where the runs of a PDF page stand and how they are set.

A line is runs on one baseline with word gaps between them (a column gap is wider); a block
is lines one below the other at their leading, in the same type, sharing a column and the
same frame or tint. Blocks are what the text path gets from a dump's blank lines, but cut by
geometry, so the order the content stream drew them in does not matter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from broadsheet.layout.strays import (
    MARK_SIZE_RATIO,
    MAX_MARK_CHARS,
    Places,
    with_marks,
    with_slivers,
)
from broadsheet.model import Box, TypeRole, union
from broadsheet.page import FRAME_KIND, Run, Shape
from broadsheet.rounding import tenth

# Runs on one line: baselines within this many ems, and at most this many ems apart (word
# gaps are a third of an em, even in justified text; column gaps are wider).
SAME_BASELINE_EM = 0.3
# A rule within this share of the type size of a line's foot, within its extent, underlines it.
UNDERLINE_EM = 0.2
MAX_WORD_GAP_EM = 0.6
# Where the type changes within one size, a justified line's space may stretch to this.
MAX_EMPHASIS_GAP_EM = 1.0
# Runs of one line differ in size by at most this factor (a headline beside a column is
# not part of the column's line).
MAX_SIZE_RATIO = 1.3
MIN_TYPE_GAP_EM = 0.1
# Runs overlapping by more than this are not neighbours on a line (a word run over its
# column's edge into the next column's line).
MAX_OVERLAP_EM = 0.3
# A column's left edge is where at least this many runs start; a run starting there
# after a gap of this many ems opens another column's line.
MIN_EDGE_LINES = 5
GUTTER_MIN_EM = 0.4
# Runs of one type this many ems apart are still one line unless the later one starts on a
# column's edge (the wide word gaps of a narrow justified line drawn word by word).
MAX_SPREAD_EM = 3.0
# A run this many ems after the one before it on its baseline starts a column's line.
EDGE_GAP_EM = 1.0
# A column's measure is the left and right edge shared by at least this many lines; pieces
# of a baseline that fill one exactly join across gaps of up to this many ems.
MIN_MEASURE_LINES = 3
MAX_JUSTIFIED_GAP_EM = 4.0
# A line continues a block when its top is at most this many ems below the block's bottom
# (loose glyph boxes of lines set at 1.2 leading touch; a blank line is a full em).
MAX_LINE_GAP_EM = 0.6
# A run with fewer letters or digits than this (a bullet, a footnote mark) sets no type.
MIN_WORD_CHARS = 2
DEFAULT_BODY_SIZE = 10.0
# Type this much larger than the body's is display type (headlines, pull quotes, decks):
# the one bound every stage that tells display type from the body's shares.
DISPLAY_RATIO = 1.12
# A drop cap is at least this many times the size of the text beside it, and stands at most
# this many ems left of the line it opens, its top level with that line's.
DROP_CAP_RATIO = 1.8
DROP_CAP_GAP_EM = 1.5
# The lines tried beside an initial lie within its size over DROP_CAP_RATIO, and a hair
# more, so that rounding never leaves out a line `_beside` would take.
REACH_SLACK = 1.001
# Characters that close what comes before them: never the first of a column's line
# (quotation marks are left out: »« and “” open a line in one language, close it in another).
AFTER_WORD_MARKS = frozenset(":;,.!?)]")
# Type sizes within this fraction are one size.
SIZE_TOLERANCE = 0.06
# A line belongs to a block's column when this share of the narrower of the two overlaps.
MIN_OVERLAP = 0.5
# ... or, shorter, starts left of it by at most this many ems (under an indented line).
MAX_INDENT_EM = 2.0


class Line(NamedTuple):
    """Runs on one baseline, left to right."""

    runs: tuple[Run, ...]
    box: Box
    main: Run  # the run whose type is the line's type (see `_line`)

    @property
    def text(self) -> str:
        return " ".join(r.text for r in self.runs)


class GBlock(NamedTuple):
    """Lines set together; `frame` is the index of the tint or frame they stand in, or -1.
    A block without lines stands for a picture while the page is put in order; `role` is
    "caption" or "credit" for a block set by a picture as one (layout/pictures.py), and
    `picture` numbers that picture on the page."""

    lines: tuple[Line, ...]
    box: Box
    frame: int
    role: TypeRole = ""
    picture: int = -1

    @property
    def size(self) -> float:
        return self.lines[0].main.size


def lines(runs: Sequence[Run]) -> list[Line]:
    """Runs grouped into lines, top to bottom; text set at an angle stays one run a line.

    Runs join at word gaps first; then pieces of one baseline whose union is exactly a
    column's measure join too, across the wide gaps of narrow justified columns.
    """
    upright = sorted((r for r in runs if r.upright), key=lambda r: (-r.box[1], r.box[0]))
    rows: list[list[Run]] = []
    for run in upright:
        if rows and abs(rows[-1][0].box[1] - run.box[1]) <= SAME_BASELINE_EM * run.size:
            rows[-1].append(run)
        else:
            rows.append([run])
    rows = with_slivers(with_marks(upright, rows))
    rows = [sorted(row, key=lambda r: r.box[0]) for row in rows]
    edges = _column_edges(rows)
    pieces = [_pieces(row, edges) for row in rows]
    measures = Counter(_measure(p[0], p[-1]) for row in pieces for p in row)
    # Each column's measure, give or take a point at either edge (the test is a lookup).
    columns = {
        (a + da, b + db, size)
        for (a, b, size), n in measures.items()
        if n >= MIN_MEASURE_LINES
        for da in (-1, 0, 1)
        for db in (-1, 0, 1)
    }
    out = [_line(p) for row in pieces for p in _justified(row, columns)]
    return _drop_caps(out) + [_line([r]) for r in runs if not r.upright]


def _column_edges(rows: list[list[Run]]) -> set[int]:
    """Where columns' lines start: x positions (whole points) where at least MIN_EDGE_LINES
    runs start a line, first on their baseline or after a gutter. Runs that start words
    inside a line do not count: a page drawn glyph by glyph has glyphs at every x."""
    starts: Counter[int] = Counter()
    for row in rows:
        for k, run in enumerate(row):
            if k == 0 or run.box[0] - row[k - 1].box[2] >= EDGE_GAP_EM * run.size:
                starts[round(run.box[0])] += 1
    return {x for x, n in starts.items() if n >= MIN_EDGE_LINES}


def _mark(run: Run, size: float) -> bool:
    """A footnote mark: a few characters in type well smaller than the line's."""
    return len(run.text) <= MAX_MARK_CHARS and run.size <= MARK_SIZE_RATIO * size


def _drop_caps(found: list[Line]) -> list[Line]:
    """A large initial letter joins the line beside its top: it opens that paragraph
    ("W" + "er etwas ist" is "Wer etwas ist"). The line keeps its own height.

    Only lines within the largest reach of the initial (its size over DROP_CAP_RATIO,
    the largest type that may stand beside it) are tried (`Places`), in page order; the
    highest of those beside it takes it."""
    caps = [k for k, ln in enumerate(found) if is_drop_cap(ln.runs[0]) and len(ln.runs) == 1]
    if not caps:
        return list(found)
    out: list[Line | None] = list(found)
    places = Places([(ln.box[3], ln.box[0], k) for k, ln in enumerate(found) if ln.main.size > 0])
    for k in caps:
        cap = found[k]
        if out[k] is not cap:  # joined a larger initial's line already
            continue
        c, reach = cap.box, cap.runs[0].size / DROP_CAP_RATIO * REACH_SLACK
        near = places.within(
            (c[3] - reach, c[3] + reach),
            (c[2] - MAX_OVERLAP_EM * reach, c[2] + DROP_CAP_GAP_EM * reach),
        )
        # The highest line beside it; of lines level, the first in page order.
        tops = [(ln.box[3], -j) for j in near if (ln := out[j]) and j != k and _beside(cap, ln)]
        if tops:
            j = -max(tops)[1]
            line = out[j]
            assert line is not None
            out[j] = Line((cap.runs[0], *line.runs), (c[0], *line.box[1:]), line.main)
            out[k] = None
            places.move(line.box[3], line.box[0], j, c[0])
            places.move(c[3], c[0], k, None)
    return [ln for ln in out if ln is not None]


def _beside(cap: Line, ln: Line) -> bool:
    """The line stands right of the initial, its top level with the initial's, in type
    small enough beside it (a line of no height, or a mirrored one, has no side)."""
    if ln.main.size <= 0:
        return False
    c = cap.box
    return (
        -MAX_OVERLAP_EM <= (ln.box[0] - c[2]) / ln.main.size <= DROP_CAP_GAP_EM
        and abs(ln.box[3] - c[3]) <= ln.main.size
        and ln.main.size * DROP_CAP_RATIO <= cap.runs[0].size
    )


def is_drop_cap(run: Run) -> bool:
    """One letter, set large: an initial (whether it opens a paragraph `_drop_caps` says)."""
    return len(run.text) == 1 and run.text.isalpha() and run.upright


def _pieces(row: list[Run], edges: set[int]) -> list[list[Run]]:
    """A baseline's runs cut into the lines of its columns (see `_same_line`)."""
    out = [[row[0]]]
    for run in row[1:]:
        if _same_line(out[-1][-1], run, edges):
            out[-1].append(run)
        else:
            out.append([run])
    return out


def _same_line(last: Run, run: Run, edges: set[int]) -> bool:
    """Whether `run` goes on the line `last` ends: a word gap away, in a size not far off,
    after a space where the type changes (touching runs of two types are two columns: a
    long word run over its column's edge), and not starting a column's line (`edges`).
    The tests that settle most pairs come first: a plain word gap needs no more."""
    gap = run.box[0] - last.box[2]
    small, big = (last.size, run.size) if last.size < run.size else (run.size, last.size)
    if len(last.text) == 1 and last.size >= DROP_CAP_RATIO * run.size and is_drop_cap(last):
        return False  # a drop cap on the baseline of its last line: `_drop_caps` places it
    mark = _mark(run, big) or _mark(last, big)  # a footnote mark set against its word
    if not (mark or big <= MAX_SIZE_RATIO * small):
        return False
    same = (run.font, run.size) == (last.font, last.size)
    # Punctuation never opens a column's line: it goes on with the word it touches
    # (a bold run-in head and its colon in the body's type, "AGENCY" + ":").
    if not (same or mark or gap >= MIN_TYPE_GAP_EM * small or run.text[0] in AFTER_WORD_MARKS):
        return False
    if gap >= GUTTER_MIN_EM * small and _on_edge(run, edges):
        return False
    if -MAX_OVERLAP_EM * small <= gap <= MAX_WORD_GAP_EM * small:
        return True
    # Words spread wide in one type (a narrow justified or flush-right line, drawn word by
    # word) stay one line unless a column's edge lies in the gap (the next one starts a
    # column's line, or its indented first line). Only a page drawn word by word (or glyph
    # by glyph) is read so: a run of several words is a line's whole stretch.
    words = " " not in run.text and " " not in last.text
    spread = same and words and 0 <= gap <= MAX_SPREAD_EM * small
    # A change of type in one size mid-line (a bold name, an italic title) is emphasis: a
    # justified line's space before it may stretch past a word gap.
    emphasis = not same and run.size == last.size and 0 <= gap <= MAX_EMPHASIS_GAP_EM * small
    return (spread or emphasis) and not _edge_between(last.box[2], run.box[0], edges)


def _edge_between(left: float, right: float, edges: set[int]) -> bool:
    return any(left - 1 < e <= right + 1 for e in edges)


def _on_edge(run: Run, edges: set[int]) -> bool:
    x = round(run.box[0])
    return x in edges or x - 1 in edges or x + 1 in edges


def _measure(first: Run, last: Run) -> tuple[int, int, float]:
    """Left and right edge (whole points) and size of the runs from `first` to `last`:
    lines of one column share it."""
    return (round(first.box[0]), round(last.box[2]), tenth(first.size))


def _justified(row: list[list[Run]], columns: set[tuple[int, int, float]]) -> list[list[Run]]:
    """Neighbouring pieces joined where together they fill a column's measure exactly."""
    out = [row[0]]
    for piece in row[1:]:
        measure = _measure(out[-1][0], piece[-1])  # of the two joined
        gap = piece[0].box[0] - out[-1][-1].box[2]
        if measure in columns and gap <= MAX_JUSTIFIED_GAP_EM * measure[2]:
            out[-1] = out[-1] + piece
        else:
            out.append(piece)
    return out


def _line(runs: list[Run]) -> Line:
    """A line of runs; its type is that of the last run with words in it, since a bold
    lead-in opens a line of body type and the type that flows on ends it."""
    if len(runs) == 1:
        return Line((runs[0],), runs[0].box, runs[0])
    # Looked for from the end: most lines end in words, so one run is looked at.
    worded = (r for r in reversed(runs) if sum(map(str.isalnum, r.text[:8])) >= MIN_WORD_CHARS)
    return Line(tuple(runs), union([r.box for r in runs]), next(worded, runs[-1]))


def blocks(page_lines: Sequence[Line], shapes: Sequence[Shape]) -> list[GBlock]:
    """Lines grouped into blocks: each line joins the nearest open block above it that it
    continues, else starts one."""
    frames = frame_boxes(shapes)
    # The rules by their foot: a pair of lines looks only at those between them.
    rules = sorted((s.box for s in shapes if s.kind == "rule"), key=lambda r: r[1])
    feet = [r[1] for r in rules]
    open_: list[list[Line]] = []
    frame_ix: list[int] = []
    active: list[int] = []  # blocks a later line may still continue
    for line in sorted(page_lines, key=lambda ln: -ln.box[3]):
        frame = frame_of(line.box, frames)
        top = line.box[3]
        # Lines come top down: a block ending too far above this line ends for good.
        active = [k for k in active if _within_reach(open_[k][-1], top)]
        best = None
        for k in active:
            block = open_[k]
            nearer = best is None or block[-1].box[1] < open_[best][-1].box[1]
            if nearer and frame_ix[k] == frame and _continues(block, line, rules, feet):
                best = k
        if best is None:
            open_.append([line])
            frame_ix.append(frame)
            active.append(len(open_) - 1)
        else:
            open_[best].append(line)
    return [
        GBlock(tuple(b), union([ln.box for ln in b]), f)
        for b, f in zip(open_, frame_ix, strict=True)
    ]


def _within_reach(last: Line, top: float) -> bool:
    return last.box[1] - top <= MAX_LINE_GAP_EM * last.main.size


def frame_boxes(shapes: Sequence[Shape]) -> list[Box]:
    """The rectangles text may stand in (tints, frames); GBlock.frame indexes this list."""
    return [s.box for s in shapes if s.kind == FRAME_KIND]


def _continues(block: list[Line], line: Line, rules: Sequence[Box], feet: Sequence[float]) -> bool:
    """The line goes on the block: under its last line, overlapping it, in its type, with
    no rule between. (The overlap is tested first: most blocks tried are other columns.)
    `rules` are sorted by their foot, `feet`: only those whose foot lies between the two
    lines (see `_between`) are looked at."""
    last = block[-1]
    up, down = last.box, line.box
    left, right = max(up[0], down[0]), min(up[2], down[2])
    # Overlapping too little, unless it starts left of the line above by at most an indent
    # and reaches under it: a paragraph's short last line under its indented first line.
    if right - left < MIN_OVERLAP * min(up[2] - up[0], down[2] - down[0]) and not (
        down[0] <= up[0] < down[2] and up[0] - down[0] <= MAX_INDENT_EM * last.main.size
    ):
        return False
    a, b = last.main, line.main
    if not (a.upright and b.upright):
        return False
    if abs(a.size - b.size) > SIZE_TOLERANCE * max(a.size, b.size):
        return False
    if a.bold != b.bold or a.italic != b.italic:
        return False
    gap = up[1] - down[3]
    if gap > MAX_LINE_GAP_EM * a.size or gap < -a.size:
        return False
    near = rules[bisect_left(feet, down[3] - 1) : bisect_right(feet, up[1] + 1)]
    return not any(_between(rule, up, down) and not _underline(rule, up, a.size) for rule in near)


def _underline(rule: Box, line: Box, size: float) -> bool:
    """The rule underlines words of the line: it hugs the line's foot, within its extent
    (a link's underline, which leaves the line's paragraph whole)."""
    near = UNDERLINE_EM * size
    return (
        line[1] - near <= rule[1]
        and rule[3] <= line[1] + near
        and rule[0] >= line[0] - 1
        and rule[2] <= line[2] + 1
    )


def _between(rule: Box, upper: Box, lower: Box) -> bool:
    """True if a horizontal rule runs between two lines, across their common extent."""
    return (
        lower[3] - 1 <= rule[1] <= upper[1] + 1
        and rule[0] <= max(upper[0], lower[0]) + 1
        and rule[2] >= min(upper[2], lower[2]) - 1
    )


def frame_of(box: Box, frames: Sequence[Box]) -> int:
    """The smallest frame or tint holding the centre of a box, or -1."""
    best, smallest = -1, float("inf")
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2  # `centre_in`, once for all frames
    for k, f in enumerate(frames):
        if f[0] <= x <= f[2] and f[1] <= y <= f[3] and (f[2] - f[0]) * (f[3] - f[1]) < smallest:
            best, smallest = k, (f[2] - f[0]) * (f[3] - f[1])
    return best


def body_size(page_lines: Sequence[Line]) -> float:
    """The type size most characters on the page are set in."""
    sizes: Counter[float] = Counter()
    for ln in page_lines:
        for r in ln.runs:
            sizes[round(r.size * 2) / 2] += len(r.text)
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_BODY_SIZE
