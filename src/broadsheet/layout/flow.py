"""Reading order of a story's body pieces, from the text at their seams.

A dump cuts columns into pieces and may list them out of order. A piece that ends
mid-sentence continues in a piece that starts mid-sentence: lowercase first, quotes
still open, a word hyphenated across the seam that the document's lexicon knows, the
next piece in dump order. Pieces that end a sentence are followed by the next unclaimed
piece in dump order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from broadsheet.layout.roles import (
    Unit,
    ends_hyphen,
    ends_sentence,
    measure,
    sorted_median,
    starts_lower,
    width,
)
from broadsheet.model import Traced
from broadsheet.repair.lexicon import Lexicon

# Body columns whose widths differ by more than this ratio belong to different stories.
CLASS_RATIO = 1.15
# A dump's line this much longer than a piece's shorter lines holds lines the extractor
# joined (column_measure).
JOINED_RATIO = 1.5
# Widths a PDF gives (in ems) one step apart by more than this ratio are two measures;
# only pieces of this many lines or more tell a measure (a ragged paragraph of three lines
# may stop well short of its column's edge).
GEOMETRIC_STEP = 1.08
PLACED_MIN_LINES = 5
# Two pieces whose left edges lie this close (points) stand in one column.
FLUSH_PT = 1.5
# Seam evidence, in points: the best-scoring continuation wins.
LOWER_START_SCORE = 3.0
NEXT_IN_DUMP_SCORE = 2.0
QUOTE_MATCH_SCORE = 2.0
HYPHEN_WORD_SCORE = 3.0  # a word cut at the seam that joins into a known word (or not)
DUMP_DISTANCE_COST = 0.05

OPEN_QUOTES = "„«‚"
CLOSE_QUOTES = "“»"
EN_OPEN, EN_CLOSE = "“", "”"


@dataclass(frozen=True, slots=True)
class Seam:
    """What a piece's two ends say about its neighbours in reading order."""

    open_end: bool  # ends mid-sentence: needs a continuation
    lower_start: bool  # starts mid-sentence for sure
    quote_in: bool  # starts inside a quotation
    quote_out: bool  # ends inside a quotation
    tail: str = ""  # the word part before a hyphen that ends the piece
    head: str = ""  # the piece's first word


# The word part a hyphen cuts off at a piece's (or block's) end, and its first word.
TAIL_RE = re.compile(r"(\w+)[-\u2010\u00ad\ufffe¬]\s*$")
HEAD_RE = re.compile(r"\s*(\w+)")


def quote_depths(text: str, lang: str) -> tuple[int, int]:
    """(lowest depth reached, final depth) of quotation nesting over the text. German
    guillemets point either way (»so« in Germany, «so» in Switzerland): the way that
    leaves the text least unbalanced is taken."""
    if lang == "en":
        return _depths(text, EN_OPEN + "«", EN_CLOSE + "»")
    ours = _depths(text, OPEN_QUOTES, CLOSE_QUOTES)
    if "»" not in text:
        return ours
    swapped = _depths(text, OPEN_QUOTES.replace("«", "»"), CLOSE_QUOTES.replace("»", "«"))
    return swapped if swapped[0] > ours[0] else ours


@lru_cache(maxsize=8)
def _marks_re(marks: str) -> re.Pattern[str]:
    """Any one of the marks: `_depths` walks a text's quotation marks only, not every
    character of it."""
    return re.compile(f"[{re.escape(marks)}]")


def _depths(text: str, opens: str, closes: str) -> tuple[int, int]:
    depth = low = 0
    for ch in _marks_re(opens + closes).findall(text):
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth -= 1
            low = min(low, depth)
    return low, depth


def seam(unit: Unit, lang: str) -> Seam:
    low, final = quote_depths(unit.text, lang)
    last = unit.lines[-1].text
    tail, head = TAIL_RE.search(last), HEAD_RE.match(unit.lines[0].text)
    return Seam(
        open_end=ends_hyphen(last) or not ends_sentence(last),
        lower_start=starts_lower(unit.lines[0].text),
        quote_in=low < 0,
        quote_out=final - low > 0,
        tail=tail.group(1) if tail else "",
        head=head.group(1) if head else "",
    )


def measure_classes(pieces: Sequence[Unit]) -> list[list[Unit]]:
    """Group body pieces by column width; short pieces join the closest class. The pieces
    of one frame or tint (a PDF's region, `Type.frame`) are one class of their own: a
    sidebar's ragged entries vary in width, and no story reads across a frame's edge."""
    framed: dict[int, list[Unit]] = {}
    for p in pieces:
        if p.style is not None and p.style.frame >= 0:
            framed.setdefault(p.style.frame, []).append(p)
    free = [p for p in pieces if p.style is None or p.style.frame < 0]
    return _width_classes(free) + [sorted(c, key=lambda u: u.index) for c in framed.values()]


def _width_classes(pieces: Sequence[Unit]) -> list[list[Unit]]:
    """Body pieces grouped by column width: in ems of their type where a PDF gave every
    piece its extent (justified lines stretched by wide spaces hold few characters), else
    in characters. Short pieces (fewer than three lines, from a PDF fewer than
    PLACED_MIN_LINES) join the closest class; from a PDF, among the classes with a piece
    flush with its left edge (a paragraph's one line stands in its column)."""
    placed = all(p.style is not None and p.style.right > p.style.left for p in pieces)
    width = {p.index: _extent(p) if placed else column_measure(p.lines) for p in pieces}
    least = PLACED_MIN_LINES if placed else 3
    sized = sorted((p for p in pieces if len(p.lines) >= least), key=lambda p: width[p.index])
    classes: list[list[Unit]] = []
    for p in sized:  # sorted by width: a class's middle width is its median
        if classes and _same_class(p, classes[-1], width, placed):
            classes[-1].append(p)
        else:
            classes.append([p])
    for p in pieces:
        if len(p.lines) >= least:
            continue
        if not classes:
            classes.append([p])
            continue
        longest = width[p.index] if placed else max(len(line) for line in p.lines)
        near = [c for c in classes if placed and any(_flush(p, q) for q in c)] or classes
        best = min(near, key=lambda c: abs(_median(c, width) - longest))
        best.append(p)
    return [sorted(c, key=lambda u: u.index) for c in classes]


def column_measure(lines: Sequence[Traced]) -> float:
    """A dump's column width in characters, past the lines an extractor joined: pdftotext
    sets two or three lines of a narrow column on one line here and there, so a piece's
    lines are some of its width and some two or three times it. The lines up to
    JOINED_RATIO times its shorter lines' length (its lower quartile) give the measure.

    >>> from broadsheet.model import Traced
    >>> glued = [Traced("x" * n) for n in (140, 150, 110, 32, 34, 20)]
    >>> column_measure(glued), column_measure([Traced("x" * 44)] * 6)
    (33.0, 44.0)
    """
    body = sorted(width(line.text) for line in lines[:-1]) if len(lines) > 1 else []
    if not body:
        return measure(tuple(lines))
    low = body[len(body) // 4]
    return sorted_median([w for w in body if w <= JOINED_RATIO * low])


def _same_class(p: Unit, cls: list[Unit], width: dict[float, float], placed: bool) -> bool:
    """Whether the piece (wider than the class's pieces so far) is of the class: within
    CLASS_RATIO of its median in characters; in ems, within GEOMETRIC_STEP of its widest
    piece (widths measured on the page cluster tightly, so a jump between two tells two
    measures, where a median drifts)."""
    if placed:
        return width[p.index] <= GEOMETRIC_STEP * width[cls[-1].index]
    return width[p.index] <= CLASS_RATIO * _median(cls, width)


def _extent(p: Unit) -> float:
    """The piece's width in its own type's ems (a story set in another size is another
    class, however wide its columns)."""
    style = p.style
    return (style.right - style.left) / max(style.size, 0.1) if style is not None else 0.0


def _flush(p: Unit, q: Unit) -> bool:
    """Two pieces start at one left edge (within FLUSH_PT)."""
    a, b = p.style, q.style
    return a is not None and b is not None and abs(a.left - b.left) <= FLUSH_PT


def _median(cls: Sequence[Unit], width: dict[float, float]) -> float:
    """The class's column width: the middle width of its pieces of three lines or more."""
    values = sorted(width[u.index] for u in cls if len(u.lines) >= 3) or [
        float(max(len(line) for line in cls[0].lines))
    ]
    return values[len(values) // 2]


def link_score(
    a: Unit,
    b: Unit,
    sa: Seam,
    sb: Seam,
    next_index: dict[float, float],
    lex: Lexicon | None = None,
) -> float:
    """How well piece `b` continues piece `a` in reading order."""
    score = LOWER_START_SCORE if sb.lower_start else 0.0
    if lex is not None and sa.tail and sb.lower_start and sb.head:
        known = lex.known(sa.tail + sb.head)
        score += HYPHEN_WORD_SCORE if known else -HYPHEN_WORD_SCORE
    if next_index.get(a.index) == b.index:
        score += NEXT_IN_DUMP_SCORE
    score += QUOTE_MATCH_SCORE if sa.quote_out == sb.quote_in else -QUOTE_MATCH_SCORE
    return score - DUMP_DISTANCE_COST * abs(b.index - a.index)


def order_pieces(
    pieces: Sequence[Unit],
    start: Unit | None,
    lang: str,
    next_index: dict[float, float],
    lex: Lexicon | None = None,
) -> list[Unit]:
    """The pieces of one story in reading order. Pieces a PDF set (they have a type) come
    in the reading order the page's geometry gave, so they keep it."""
    if all(p.style is not None for p in pieces):
        return sorted(pieces, key=lambda p: p.index)
    seams = {p.index: seam(p, lang) for p in pieces}
    links = _links(pieces, start, seams, next_index, lex)
    targets = set(links.values())
    by_dump = sorted(pieces, key=lambda p: p.index)
    by_index = {p.index: p for p in pieces}
    first = start or next(
        (p for p in by_dump if p.index not in targets and not seams[p.index].lower_start),
        by_dump[0],
    )
    order, used = [first], {first.index}
    while len(order) < len(by_dump):
        cur = order[-1]
        nxt_index = links.get(cur.index)
        if nxt_index is None or nxt_index in used:
            free = [p for p in by_dump if p.index not in used]
            fresh = [p for p in free if p.index not in targets] or free
            after = [p for p in fresh if p.index > cur.index]
            nxt_index = (after or fresh)[0].index
        order.append(by_index[nxt_index])
        used.add(nxt_index)
    return order


def _links(
    pieces: Sequence[Unit],
    start: Unit | None,
    seams: dict[float, Seam],
    next_index: dict[float, float],
    lex: Lexicon | None = None,
) -> dict[float, float]:
    """Greedy best-first matching of open ends to continuations, without cycles."""
    candidates = sorted(
        (
            (link_score(a, b, seams[a.index], seams[b.index], next_index, lex), a.index, b.index)
            for a, b in _pairs(pieces, start, seams, next_index)
        ),
        reverse=True,
    )
    links: dict[float, float] = {}
    targets: set[float] = set()
    chains = {p.index: p.index for p in pieces}  # union-find over linked pieces
    for _score, a, b in candidates:
        if a in links or b in targets or _root(chains, a) == _root(chains, b):
            continue  # a is a chain's end and b one's start: the same chain would loop
        links[a] = b
        targets.add(b)
        chains[_root(chains, a)] = _root(chains, b)
    return links


def _pairs(
    pieces: Sequence[Unit],
    start: Unit | None,
    seams: dict[float, Seam],
    next_index: dict[float, float],
) -> Iterator[tuple[Unit, Unit]]:
    """The pieces each piece may continue in: an open end anywhere, a closed one only in the
    next piece of the dump (so a page of closed pieces costs linear time, not quadratic)."""
    by_index = {p.index: p for p in pieces}
    for a in pieces:
        if seams[a.index].open_end:
            after: Sequence[Unit] = pieces
        else:
            b = by_index.get(next_index.get(a.index, -1.0))
            after = [b] if b is not None and not seams[b.index].lower_start else []
        yield from ((a, b) for b in after if b is not a and b is not start)


def _root(chains: dict[float, float], x: float) -> float:
    while chains[x] != x:
        chains[x] = chains[chains[x]]
        x = chains[x]
    return x


def split_class(cls: list[Unit], starts: list[Unit]) -> list[tuple[list[Unit], Unit | None]]:
    """Pieces of one column width, split at story starts (each piece to the start before it)."""
    if len(starts) <= 1:
        return [(cls, starts[0] if starts else None)]
    groups: list[tuple[list[Unit], Unit | None]] = [([], s) for s in starts]
    for p in cls:
        k = max((i for i, s in enumerate(starts) if s.index <= p.index), default=0)
        groups[k][0].append(p)
    return groups


def lead_back(
    groups: list[tuple[list[Unit], Unit | None]],
) -> list[tuple[list[Unit], Unit | None]]:
    """A drawn-order dump's pieces listed before every story start of their width class
    go to the story started last before them (its lead or teaser set at another width),
    not to the first story after them: such a dump lists a page in reading order, and
    moving text back over a header loses the reader more than leaving it."""
    starts = sorted((s.index, k) for k, (_, s) in enumerate(groups) if s is not None)
    out = [(list(g), s) for g, s in groups]
    for k, (group, start) in enumerate(groups):
        for p in group:
            if start is None or p.style is not None or p.index >= start.index:
                continue
            before = [j for index, j in starts if index < p.index]
            if before and before[-1] != k:
                out[k][0].remove(p)
                out[before[-1]][0].append(p)
    return out
