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

from collections.abc import Sequence

from broadsheet.layout.roles import FUNCTION_WORDS, ends_hyphen, ends_sentence, starts_lower
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


def rejoin(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each run of line fragments joined into the line it was cut from."""
    return [_rejoined(block) for block in blocks]


def _rejoined(block: Block) -> Block:
    lines = block.lines
    if len(lines) < MIN_LINES:
        return block
    lengths = sorted(len(line) for line in lines)
    measure = lengths[int(MEASURE_QUANTILE * (len(lengths) - 1))]
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
    out = run[0]
    for line in run[1:]:
        out = out + Traced.inserted(" ", out.end, line.start) + line
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
