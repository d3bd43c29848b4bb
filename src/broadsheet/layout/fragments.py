"""Put back together lines that an extractor broke at the wide gaps of justified text.

pdftotext's default mode takes a gap between words that is much wider than a space for a
column gutter, so a narrow justified column comes out with lines cut into words:
"personen" / "hatten" / "Verfas-" where the page shows "personen hatten Verfas-". Such
short pieces look like headlines and paragraph ends to every later stage. A run of such
fragments is joined when it follows a full line of its paragraph (or is a paragraph's
first word, "Die"), fits on the line before it together, and the text goes on after it:
a hyphen, a lowercase word next, or a full line again. Headers over a story are short
lines too, but after a sentence end, and a capital follows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from broadsheet.layout.flow import HEAD_RE, TAIL_RE
from broadsheet.layout.roles import (
    FUNCTION_WORDS,
    ends_hyphen,
    ends_mid_sentence,
    ends_sentence,
    starts_lower,
)
from broadsheet.layout.segment import own_line
from broadsheet.model import Block, Traced

# Blocks with fewer lines are headers, captions or bylines: left as they are.
MIN_LINES = 4
# A block's typeset line: the median of its lines' lengths.
MEASURE_QUANTILE = 0.5
# Narrower columns give too few words per line to tell fragments from lines.
MIN_MEASURE = 15
# A fragment is shorter than this share of the measure ...
FRAGMENT_SHARE = 0.75
# ... and joined to the next line, it fits the measure with this much room.
FIT_SLACK = 1.1


def _measure(lines: Sequence[Traced]) -> int:
    """A block's typeset line: its lines' length at MEASURE_QUANTILE."""
    lengths = sorted(len(line) for line in lines)
    return lengths[int(MEASURE_QUANTILE * (len(lengths) - 1))]


def rejoin(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each run of line fragments joined into the line it was cut from."""
    return [_rejoined(block) for block in blocks]


def _rejoined(block: Block) -> Block:
    lines = block.lines
    if len(lines) < MIN_LINES:
        return block
    measure = _measure(lines)
    if measure < MIN_MEASURE or not any(_fragment(line, measure) for line in lines[:-1]):
        return block
    out: list[Traced] = []
    k = 0
    while k < len(lines):
        # The full line before a cut one is the measure of its column; a paragraph's
        # first word cut off ("Die" / "Studierendenvertretungen fordern ...") goes by
        # the block's.
        prev = out[-1] if out else None
        if prev is not None and _mid_paragraph(prev, measure):
            local = min(len(prev), measure)
        else:
            local = measure if _lone_function_word(lines[k].text) else 0
        run = _run(lines, k, local) if local else []
        cut = len(run) > 1 and _continues(run, lines, k, local)
        out.append(_joined(run) if cut else lines[k])
        k += len(run) if cut else 1
    if len(out) == len(lines):
        return block
    return Block(tuple(out), block.index, block.page, block.style)


def _run(lines: Sequence[Traced], k: int, measure: int) -> list[Traced]:
    """Line k and the lines after it that fit on one typeset line with it."""
    run, width = [lines[k]], len(lines[k])
    while (
        k + len(run) < len(lines)
        and _fragment(run[-1], measure)
        and _fits(width, lines[k + len(run)], measure)
    ):
        width += 1 + len(lines[k + len(run)])
        run.append(lines[k + len(run)])
    return run


def _mid_paragraph(prev: Traced, measure: int) -> bool:
    """The line before is a full line of the same paragraph (headers over their story
    are short lines after a sentence end or nothing)."""
    full = ends_hyphen(prev.text) or len(prev) >= FRAGMENT_SHARE * measure
    return full and not ends_sentence(prev.text)


def _lone_function_word(text: str) -> bool:
    """A line of one capitalised article or preposition ("Die", "Zur"), as a paragraph
    starts: no headline is only that (a ragged pull quote's "und" is another matter)."""
    return text[:1].isupper() and text.lower() in FUNCTION_WORDS


def _continues(run: list[Traced], lines: Sequence[Traced], k: int, measure: int) -> bool:
    """A cut line is mid-paragraph: it ends in a hyphen, the text goes on in lowercase, or
    its pieces make a full line again that the sentence runs on from. (A kicker over its
    headline fits on one line too, but a capital follows it; a ragged pull quote's last
    lines end its sentence.)"""
    after = k + len(run)
    width = sum(len(line) + 1 for line in run) - 1
    return (
        ends_hyphen(run[-1].text)
        or (after < len(lines) and starts_lower(lines[after].text))
        or (width >= FRAGMENT_SHARE * measure and not ends_sentence(run[-1].text))
    )


def _joined(run: list[Traced]) -> Traced:
    """The run's lines as one, a space at each join. The space stands at a point of the
    source (as a line break's does), not for all of it between the two lines: a line
    moved between them (a block that completes a cut word) would be claimed twice."""
    out = run[0]
    for line in run[1:]:
        out = out + Traced.inserted(" ", out.end) + line
    return out


def _fragment(line: Traced, measure: int) -> bool:
    text = line.text
    return (
        len(text) < FRAGMENT_SHARE * measure
        and not ends_sentence(text)
        and not ends_hyphen(text)
        and not text.endswith(":")
        and not own_line(text)
    )


def _fits(width: int, nxt: Traced, measure: int) -> bool:
    return width + 1 + len(nxt) <= FIT_SLACK * measure and not own_line(nxt.text)


# A block cut off at a column's foot has at least this many lines (a header's are fewer).
FOOT_MIN_LINES = 3


def join_column_feet(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each one that a dump cut at a column's foot joined to the block that
    goes on with its text: the first stops without a sentence end, the next opens in
    lowercase. pdftotext's default mode sets a blank line wherever a column ends, so a
    paragraph running on into the next column comes out as two blocks, each of which later
    stages would read as a story's piece, a caption or a teaser of its own.

    >>> a = Block((Traced("Die Stadt will"), Traced("bis zum Herbst"), Traced("neue Leitungen")), 0)
    >>> b = Block((Traced("verlegen lassen."),), 1)
    >>> [len(x.lines) for x in join_column_feet([a, b])]
    [4]
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and _runs_on(prev, block):
            out[-1] = Block(prev.lines + block.lines, prev.index, prev.page, prev.style)
        else:
            out.append(Block(block.lines, len(out), block.page, block.style))
    return out


def _runs_on(a: Block, b: Block) -> bool:
    last = a.lines[-1].text
    return (
        len(a.lines) >= FOOT_MIN_LINES
        and bool(b.lines)
        and not ends_sentence(last)
        and not own_line(last)
        and (starts_lower(b.lines[0].text) or _cut_open(a, b))
    )


def _cut_open(a: Block, b: Block) -> bool:
    """Block a stops where no sentence stops (a comma, "with the") and block b opens with
    a piece of a line cut at a wide gap ("American" / "Josh" / "Whitaker,")."""
    measure = _measure(a.lines)
    last = a.lines[-1].text
    return (
        (ends_mid_sentence(last) or ends_hyphen(last))
        and len(b.lines) > 1
        and _fragment(b.lines[0], measure)
    )


# A block with fewer lines is a header, a caption or a short note: its long line is no
# column's lines joined.
REWRAP_MIN_LINES = 8
# A line this many times its block's measure holds typeset lines the dump joined ...
JOINED = 1.55
# ... and is cut while what is left of it is longer than this many measures.
JOINED_REST = 1.3


def follow_hyphens(blocks: Sequence[Block], known: Callable[[str], bool]) -> list[Block]:
    """The blocks with each that ends in a word cut by a hyphen followed by the one block
    that completes it: opens in lowercase with a word part that, joined on, makes a word
    the language knows ("sit-" / "ting in a pack"). pdftotext's default mode lists a
    story's column pieces in an order of its own; a word cut at a column's foot is the one
    seam whose continuation the text names. Where two blocks could complete the word, or
    none, the dump's order stays.

    >>> a = Block((Traced("Die Stadt will"), Traced("im Herbst mit dem Aus-"),), 0)
    >>> b = Block((Traced("Ein anderer Text."),), 1)
    >>> c = Block((Traced("bau beginnen."),), 2)
    >>> [x.lines[0].text for x in follow_hyphens([a, b, c], lambda w: w == "Ausbau")]
    ['Die Stadt will', 'bau beginnen.', 'Ein anderer Text.']
    """
    order = list(blocks)
    opening = _lowercase_openings(blocks)
    completing: dict[str, list[Block]] = {}  # a cut word's part: the blocks completing it
    for a in blocks:
        tail = TAIL_RE.search(a.lines[-1].text) if a.lines else None
        if tail is None:
            continue
        part = tail.group(1)
        if part not in completing:
            completing[part] = [b for head, bs in opening.items() if known(part + head) for b in bs]
        heads = [b for b in completing[part] if b is not a]
        if len(heads) != 1:
            continue
        order.remove(heads[0])
        order.insert(order.index(a) + 1, heads[0])
    return [Block(b.lines, k, b.page, b.style) for k, b in enumerate(order)]


def _lowercase_openings(blocks: Sequence[Block]) -> dict[str, list[Block]]:
    """The blocks that open in lowercase with a word part, by that part: what may complete
    a word cut at another block's end (found once a page, each part then asked of the
    lexicon once for each cut word, not once for each block)."""
    opening: dict[str, list[Block]] = {}
    for block in blocks:
        first = block.lines[0].text if block.lines else ""
        head = HEAD_RE.match(first)
        if head is not None and starts_lower(first):
            opening.setdefault(head.group(1), []).append(block)
    return opening


# A dump with fewer lines than this share ending in a hyphen joined its hyphenated lines.
JOINED_HYPHEN_SHARE = 0.01


def joins_hyphens(blocks: Sequence[Block]) -> bool:
    """The dump joined each line that ended in a hyphen with the next (pdftotext's default
    mode): hardly a line of it ends in one, where a justified column hyphenates every
    tenth line or so. A block's last line does not count: the mode joins within a block
    only, so a word cut at a column's foot keeps its hyphen. A dump that keeps soft hyphens
    at line ends (pdftotext with some typesetters, PDFium) kept its lines as set.

    >>> lines = tuple(Traced(t) for t in ["Die Stadt will", "neue Leitun-", "gen verlegen."])
    >>> joins_hyphens([Block(lines, 0)]), joins_hyphens([Block(lines[:2], 0), Block(lines[2:], 1)])
    (False, True)
    """
    lines = [line.text for block in blocks for line in block.lines[:-1]]
    hyphens = sum(ends_hyphen(text) for text in lines)
    return hyphens < JOINED_HYPHEN_SHARE * len(lines)


def rewrap(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each line that holds several typeset lines cut back into lines of
    its block's measure. pdftotext's default mode joins a line that ends in a hyphen with
    the next one and drops the hyphen, so a third of a column's lines come out two or three
    times as long as the rest: every later stage would read such a line as a wider column,
    a headline or a teaser. Where the cuts fall matters little; that the lengths are the
    column's again, and that a paragraph's short last line stays short, does.

    >>> line = "Am Montag tagt der Rat der Stadt zum ersten Mal im neuen Saal"
    >>> body = ["an der Hafenstraße. Auf der", "Tagesordnung stehen vor allem die",
    ...         "Pläne für das Wärmenetz, die", "im Herbst vorgestellt wurden.",
    ...         "Der Bürgermeister will sie noch", "vor dem Sommer beschließen.",
    ...         "Die Opposition hält das für zu", "früh und will erst die Kosten"]
    >>> block = Block(tuple(Traced(t) for t in [line, *body]), 0)
    >>> [t.text for t in rewrap([block])[0].lines][:2]
    ['Am Montag tagt der Rat der', 'Stadt zum ersten Mal im neuen Saal']
    """
    return [_rewrapped(block) for block in blocks]


def _rewrapped(block: Block) -> Block:
    lines = block.lines
    if len(lines) < REWRAP_MIN_LINES:
        return block
    measure = _measure(lines)
    if measure < MIN_MEASURE or max(len(line) for line in lines) <= JOINED * measure:
        return block
    out: list[Traced] = []
    for line in lines:
        out += _cut_to(line, measure) if len(line) > JOINED * measure else [line]
    return Block(tuple(out), block.index, block.page, block.style)


def _cut_to(line: Traced, measure: int) -> list[Traced]:
    """The line cut at the spaces nearest each measure's end while it is too long; not
    where a byline or credit would stand alone ("von Rathaus und Bauamt / der Stadt" is
    one line of a sentence)."""
    out: list[Traced] = []
    while len(line) > JOINED_REST * measure:
        text = line.text
        spaces = [i for i, c in enumerate(text) if c == " " and 0 < i < len(text) - 1]
        if not spaces:
            break
        cut = min(spaces, key=lambda i: (_cue_at(text, i), abs(i - measure)))
        out.append(line.slice(0, cut))
        line = line.slice(cut + 1, len(text))
    return [*out, line]


# Words a byline or a photo credit opens with, casefolded.
_CUE_WORDS = frozenset({"von", "by", "aus", "from", "foto:", "fotos:", "photo:", "bild:"})


def _cue_at(text: str, cut: int) -> bool:
    """A cut at `cut` would leave a line that stands alone as a byline or credit, or open
    a line with such a line's first word."""
    first = text[cut + 1 :].split(" ", 1)[0]
    return own_line(text[:cut]) or first.casefold() in _CUE_WORDS
