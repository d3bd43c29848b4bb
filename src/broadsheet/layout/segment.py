"""Cut long blocks where the dump set no blank line: paragraph ends, width changes, set phrases.

Some extractors (pypdfium2's plain text, for one) separate nothing by blank lines, so a
whole page arrives as one block. Justified column text has lines of nearly equal length;
a short line ending a sentence closes a paragraph, a jump in line length starts another
column or a caption, and bylines and credits stand on lines of their own.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence

from broadsheet.layout.credits import PHOTO_CREDIT_RE, is_agency, is_photo_credit
from broadsheet.layout.header_lines import (
    bare_bylines,
    caption_start,
    credit_stacks,
    first_stop,
    folios_apart,
    teasers_over_bylines,
)
from broadsheet.layout.jumps import dumped_jump
from broadsheet.layout.roles import (
    BYLINE_RE,
    FUNCTION_WORDS,
    NOTE_RE,
    ends_hyphen,
    ends_mid_sentence,
    ends_sentence,
    is_furniture,
    is_kicker_line,
    last_gap,
    opens,
    width,
)
from broadsheet.model import Block, Traced

# A dump of this many lines to a block and more sets no blank lines: it lists the page in
# the order it was drawn (pdftotext -raw 21 to 382 on the pages tried, its default and
# pdfminer 3 to 17).
DRAWN_BLOCK_LINES = 20
# Blocks shorter than this are left as the dump cut them.
SEGMENT_MIN_LINES = 8
# A sentence-final line shorter than this share of the block's typical line ends a paragraph.
SHORT_LINE = 0.75
# A display line (no final stop) shorter than this share heads what follows it.
DISPLAY_LINE = 0.6
# Median line lengths before and after a point that differ by this ratio mark a new column.
WIDTH_JUMP = 1.35
WINDOW = 3
# A kicker of one word has at least this many characters.
MIN_KICKER_WORD = 4
# Bylines, credits and furniture lines are shorter than this.
OWN_LINE_MAX = 80


def drawn_order(blocks: Sequence[Block]) -> bool:
    """The dump lists its page in the order the PDF drew it: it sets (almost) no blank
    line, DRAWN_BLOCK_LINES lines to a block and more (pdftotext -raw, PDFium's text),
    where a dump that sorts text into a layout sets one between its blocks (pdftotext's
    default, pdfminer: a few lines to a block). The drawing order is a page's reading
    order nearly everywhere, so text read before a header stays before it.

    >>> lines = tuple(Traced(f"Zeile {k}.") for k in range(30))
    >>> drawn_order([Block(lines, 0)]), drawn_order([Block(lines[:5], k) for k in range(6)])
    (True, False)
    """
    lines = sum(len(b.lines) for b in blocks)
    return bool(blocks) and lines >= DRAWN_BLOCK_LINES * len(blocks)


def segment(blocks: Sequence[Block], drawn: bool = False) -> list[Block]:
    """Blocks with long ones cut at the boundaries their lines show; renumbered in order.
    (`drawn`: the dump lists the page as drawn, `drawn_order`, and so runs a header's
    lines together, teaser and all.)"""
    out: list[Block] = []
    for block in folios_apart(blocks):
        for lines in _cut(block.lines, drawn):
            out.append(Block(lines, len(out), block.page, block.style))
    return out


def _cut(lines: tuple[Traced, ...], drawn: bool = False) -> list[tuple[Traced, ...]]:
    if len(lines) == 1:
        return [lines]
    alone = [own_line(line.text) for line in lines]
    lengths = [width(line.text) for line in lines]
    if len(lines) < SEGMENT_MIN_LINES:
        cuts = _short_block_cuts(lines, lengths, alone)
    else:
        cuts = {i for i in range(1, len(lines)) if _boundary(lines, lengths, alone, i)}
        cuts |= _caption_cuts(lines, cuts)
    cuts |= bare_bylines(lines, lengths) | (teasers_over_bylines(lines) if drawn else set())
    for start, end in credit_stacks(lines):
        cuts = {c for c in cuts if not start < c < end} | {start, end} - {0, len(lines)}
        if drawn:  # the caption under a credit set up the side: to its first sentence end
            stop = first_stop(lines, end)
            cuts = {c for c in cuts if not end < c < stop} | ({stop} - {len(lines)})
    # A rule may name the block's own start or end as a cut (a caption's first stop at its
    # last line): no block of no lines is made of it.
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(lines)), len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds)]


def _short_block_cuts(lines: Sequence[Traced], lengths: list[int], alone: list[bool]) -> set[int]:
    """Few lines: bylines, credits and kickers stand apart, and a headline's large type
    gives way to a teaser's smaller one (pdfminer boxes a whole header together). A credit
    heading its caption stays with it: `roles.units` pairs them."""
    cuts = {
        i
        for i in range(1, len(lines))
        if alone[i - 1]
        or alone[i]
        or _kicker_end(lines, alone, i)
        or _type_change(lines, lengths, alone, i)
    }
    if PHOTO_CREDIT_RE.match(lines[0].text):
        cuts.discard(1)
    return cuts


def _type_change(lines: Sequence[Traced], lengths: list[int], alone: list[bool], i: int) -> bool:
    """Two lines of one width, then two of another, a new sentence or phrase at the seam."""
    return (
        _width_jump(lengths, i, alone)
        and opens(lines[i].text)
        and not ends_hyphen(lines[i - 1].text)
    )


def _caption_cuts(lines: Sequence[Traced], cuts: set[int]) -> set[int]:
    """A caption set right above its photo credit starts after the last sentence end
    before the credit (a few lines up at most): it is not the end of the column's text."""
    out: set[int] = set()
    for i in range(1, len(lines)):
        if not PHOTO_CREDIT_RE.match(lines[i].text):
            continue
        start = caption_start(lines, i, cuts)
        if start is not None:
            out.add(start)
    return out


def _boundary(lines: Sequence[Traced], lengths: list[int], alone: list[bool], i: int) -> bool:
    """Does a new block start at line i? (`alone`: lines that stand on their own.)"""
    prev, cur = lines[i - 1].text, lines[i].text
    if ends_hyphen(prev):
        return False
    if alone[i - 1] or alone[i] or _credit_end(prev):
        return True
    before = lengths[max(0, i - 1 - WINDOW) : i - 1] or lengths[i : i + WINDOW]
    if ends_sentence(prev) and (NOTE_RE.match(cur) or _display_line(cur, before)):
        return True
    if not opens(cur):
        return _width_jump(lengths, i, alone)
    if ends_sentence(prev):
        short = lengths[i - 1] < SHORT_LINE * statistics.median(before)
        return short or _width_jump(lengths, i, alone)
    if not ends_mid_sentence(prev) and (
        lengths[i - 1] < DISPLAY_LINE * max(lengths[i], statistics.median(lengths[i : i + WINDOW]))
        or _kicker_end(lines, alone, i)
    ):
        return True
    return _width_jump(lengths, i, alone)


def _kicker_end(lines: Sequence[Traced], alone: list[bool], i: int) -> bool:
    """Line i - 1 is a kicker over what starts at line i."""
    kicker = lines[i - 1].text
    return (
        _run_start(lines, alone, i - 1)
        and (is_kicker_line(kicker) or _one_word(kicker))
        and opens(lines[i].text)
    )


def _one_word(text: str) -> bool:
    """A line of one word ("Handball-Bundesliga", "Bildung") over a capital: a kicker."""
    t = text.strip()
    return (
        len(t) >= MIN_KICKER_WORD
        and " " not in t
        and t[0].isupper()
        and t[-1].isalpha()
        and t.lower() not in FUNCTION_WORDS
    )


def _run_start(lines: Sequence[Traced], alone: list[bool], k: int) -> bool:
    """Line k opens a run: first of the block, or after a sentence end or a line alone."""
    return k == 0 or alone[k - 1] or ends_sentence(lines[k - 1].text)


def _display_line(text: str, widths: list[int]) -> bool:
    """A short line without a final stop after body text: a kicker, headline or box title."""
    return (
        not ends_sentence(text)
        and not ends_hyphen(text)
        and not ends_mid_sentence(text)
        and width(text) < DISPLAY_LINE * statistics.median(widths)
    )


def _width_jump(lengths: list[int], i: int, alone: list[bool]) -> bool:
    """Two lines of one width, then two of another: a different column or kind of text.
    (Not when a line alone follows: a byline after a teaser's short last line.)"""
    if i < 2 or i + 2 > len(lengths) or any(alone[i : i + 2]):
        return False
    a, b = lengths[i - 2 : i], lengths[i : i + 2]
    steady = max(a) <= WIDTH_JUMP * min(a) and max(b) <= WIDTH_JUMP * min(b)
    return steady and max(sum(a), sum(b)) > WIDTH_JUMP * min(sum(a), sum(b))


# A word of three letters or more and a full stop: a sentence's end, where a byline's
# names end without one ("... Nachrichten" / "von Nordseefischern." goes on a sentence).
_SENTENCE_STOP_RE = re.compile(r"\w{3,}\.$")


def own_line(text: str) -> bool:
    """Lines that always stand alone: bylines, photo credits, page furniture, jump lines
    ("Continued on Page A8" is no part of the kicker under it)."""
    return len(text) < OWN_LINE_MAX and bool(
        (BYLINE_RE.match(text) and not _SENTENCE_STOP_RE.search(text))
        or is_photo_credit(text.strip())
        or (text.endswith(")") and is_agency(text))
        or is_furniture(text)
        or dumped_jump(text)
    )


def _credit_end(text: str) -> bool:
    """A line that ends in a credit set off by a wide gap ends its block."""
    gap = last_gap(text)
    return gap is not None and bool(PHOTO_CREDIT_RE.match(text[gap.end() :]))
