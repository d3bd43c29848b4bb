"""Pull quotes and subheads set inside a story's columns, found before story starts are
decided.

Display type between two body blocks of one column is read as a new story's header unless
something says it is set inside the story. This module looks for that evidence first, from
a PDF's type and geometry (a dump's blocks have no `style`: layout/dump_insets.py reads
them from the text alone):

- the body before it breaks off mid-sentence and the body after it goes on in lowercase:
  whatever stands between is set into the story (a pull quote, with its attribution, when
  set larger or in italics and within the column); words in another type that go on
  with the broken-off sentence in lowercase are the sentence's own (INLINE);
- or each of its blocks is set between rules of its own width (`Type.inset`), whatever
  its size;
- or each of its blocks (a pull quote over a subhead, say) is one short block within the
  measure of the column it stands in, ranking below the header above it (set smaller
  than its headline, or alone under a stacked header; a byline in small type under the
  header is looked past): a story's subheads and pull quotes rank below its headline,
  while the next story of a column of briefs has a head in the same type as the last
  one. Small type right under a pull quote is its attribution.

- or its words recur in the page's body text: a pull quote repeats a sentence of its
  story, in whatever type and rank the paper sets its quotes (RECUR_*).

A pull quote between rules drawn as one frame inside a story's box is read in its place
in the column (`pdftext`), so it stands between the column's body blocks here too.

Subheads stay in their story as paragraphs of their own; pull quotes go to the story's
`pull_quotes`. Cue words and a final stop play no part: type, place and the text's own
repetition decide.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from functools import cache

from broadsheet.layout import roles
from broadsheet.layout.dump_insets import dump_insets
from broadsheet.layout.plan import Story
from broadsheet.layout.recurrence import recurs, spaced
from broadsheet.layout.roles import Unit, ends_hyphen, ends_sentence, starts_lower
from broadsheet.model import Type

# Units between two body blocks that may be one inset (a quote and its attribution, say).
MAX_INSET_UNITS = 3
# An inset holds at most this many lines in all (more is a box or a story of its own; a
# pull quote set in a narrow column takes ten).
MAX_INSET_LINES = 12
# A subhead or pull quote ranks below its story's headline: set at least this many times
# smaller. Lower finds more insets, but reads a smaller story's headline as one.
RANK_RATIO = 1.25
# A header stacked of at least this many display blocks outranks a lone line in its own
# type (fewer: a label over a brief's head, and the next brief's head is no subhead).
STACKED_HEADER_UNITS = 3
# Type larger than this over the body's is never set inside a column (a headline); type
# smaller than this is a caption's or an attribution's, neither subhead nor pull quote.
MIN_INSET_SIZE = 0.97
MAX_INSET_SIZE = 1.6
# Larger than this over the body's (or italic) is a pull quote; up to it, a subhead.
SUBHEAD_MAX_SIZE = 1.3
# A pull quote's type is italic or at least this much larger than the body's (body text
# in another font between two blocks of a column is no quote).
QUOTE_MIN_SIZE = 1.08
SUBHEAD_MAX_LINES = 2
# A block stands within a column's measure when it sticks out of it by at most this many
# points (rules and indents of a pull quote stay inside; a headline spans columns).
MEASURE_SLACK_PT = 3.0
# Opening quotation marks: a subhead never opens with one, a pull quote often does.
QUOTE_OPENERS = ("„", "“", '"', "»", "«", "‚", "'", "‘")


def mark_insets(units: Sequence[Unit], lang: str = "de") -> list[Unit]:
    """The units with each pull quote or subhead set inside a story's columns given its
    role (PULL_QUOTE, SUBHEAD, INLINE). Page furniture the reading order put among a
    column's blocks (a footer under it) is looked past, and stays where it was."""
    furniture = [u for u in units if u.role == roles.FURNITURE]
    if not furniture:
        return _marked(units, lang)
    text = _marked([u for u in units if u.role != roles.FURNITURE], lang)
    return list(heapq.merge(text, furniture, key=lambda u: u.index))  # units go by index


def _marked(units: Sequence[Unit], lang: str) -> list[Unit]:
    """`mark_insets` on units without furniture."""
    if units and all(u.style is None for u in units):
        return dump_insets(units, lang)
    out: list[Unit] = []
    # The body's words, spaced, made when a quote is first looked up in them (if ever).
    known = cache(lambda: spaced([u for u in units if _body(u)]))
    k = 0
    while k < len(units):
        u = units[k]
        out.append(u)
        k += 1
        if not _body(u) and u.role not in roles.PICTURE_ROLES:
            continue  # a quote follows body text, or a picture's text set in the column
        end = _inset_end(units, k)
        if end is None:
            continue
        run = units[k:end]
        insets = _insets(units[k - 1], run, units[end], out) if _body(u) else _ruled(run)
        if insets is None:  # after a body block, or a picture's text set in the column
            insets = _quoted(units, k, end, known)
        if insets is not None:
            out.extend(insets)
            k = end
    return out


def _quoted(units: Sequence[Unit], k: int, end: int, known: Callable[[], str]) -> list[Unit] | None:
    """The run units[k:end] between two body blocks when a unit of it repeats the page's
    body text (`known` gives its words): that one a pull quote, a short line beside it
    in display type no larger a subhead, small type an attribution; None if no unit recurs
    or another fits no role (a headline over a teaser that repeats its story's lead)."""
    before, after = units[k - 1], units[end]
    out: list[Unit] = []
    for u in units[k:end]:
        if u.role in (roles.BODY, roles.DISPLAY) and not _body(u) and recurs(u, known):
            out.append(Unit(u.lines, u.index, roles.PULL_QUOTE, u.style))
        elif out and out[-1].role == roles.PULL_QUOTE and _attribution(u, before, after):
            last = out[-1]
            out[-1] = Unit((*last.lines, *u.lines), last.index, last.role, last.style)
        elif u.role == roles.DISPLAY and len(u.lines) <= SUBHEAD_MAX_LINES:
            out.append(Unit(u.lines, u.index, roles.SUBHEAD, u.style))
        else:
            return None
    quotes = [_size(u) for u in out if u.role == roles.PULL_QUOTE]
    if not quotes or any(_size(u) > max(quotes) for u in out if u.role == roles.SUBHEAD):
        return None
    # A quote its story repeats may take a column of its own; a subhead stands in one, the
    # body's or the quote's (the column's foot under a quote set at its head).
    columns = [before, after, *(u for u in out if u.role == roles.PULL_QUOTE)]
    placed = (u.role == roles.PULL_QUOTE or any(_in_measure(u, c) for c in columns) for u in out)
    return out if all(placed) else None


def _size(u: Unit) -> float:
    return u.style.size if u.style is not None else 1.0


def _body(u: Unit) -> bool:
    """Body text set in the body's type."""
    return u.role == roles.BODY and roles.set_as(u, "body")


def _inset_end(units: Sequence[Unit], k: int) -> int | None:
    """The position of the body block after a short run of other type from k, if any."""
    for end in range(k, min(k + MAX_INSET_UNITS, len(units) - 1) + 1):
        u = units[end]
        if _body(u):
            return end if end > k else None
        if u.role not in (roles.BODY, roles.DISPLAY) or u.style is None:
            return None
    return None


def _insets(
    before: Unit, run: Sequence[Unit], after: Unit, done: Sequence[Unit]
) -> list[Unit] | None:
    """The run as pull quotes and subheads, or None when it may head a story. A broken-off
    sentence makes the whole run one inset; else each unit must be one on its own (a pull
    quote over a subhead), the small type right under a pull quote its attribution."""
    if sum(len(u.lines) for u in run) > MAX_INSET_LINES:
        return None
    lines = tuple(line for u in run for line in u.lines)
    if _open(before) and starts_lower(run[0].lines[0].text):
        return [Unit(lines, run[0].index, roles.INLINE, run[0].style)]  # the sentence goes on
    if _open(before) and starts_lower(after.lines[0].text):
        if _quote_type(run[0]) and (_in_measure(run[0], after) or _in_measure(run[0], before)):
            return [Unit(lines, run[0].index, roles.PULL_QUOTE, run[0].style)]
        return None
    if _new_row(before, run):
        return None
    out: list[Unit] = []
    header = _header_above(done)
    if _beside_header(run[0], header):
        return None
    sizes = [h.size for h in header]
    for u in run:
        if out and out[-1].role == roles.PULL_QUOTE and _attribution(u, before, after):
            last = out[-1]
            out[-1] = Unit((*last.lines, *u.lines), last.index, last.role, last.style)
            continue
        # Between rules of its own width (Type.inset) it is set in, whatever its rank.
        ruled = _between_rules(u)
        if not (u.role == roles.DISPLAY or ruled):
            return None
        if not (_in_column(u, before, after) or (ruled and _flush(u, before, after))):
            return None
        size = _size(u)
        if not ruled and not (
            MIN_INSET_SIZE <= size <= MAX_INSET_SIZE and _ranks_below(size, sizes)
        ):
            return None
        out.append(Unit(u.lines, u.index, _kind(u), u.style))
    return out


def _new_row(before: Unit, run: Sequence[Unit]) -> bool:
    """The run stands wholly under the body block before it, in another column (clear of
    its extent): the head of a row below, not an inset (a quote at a column's head stands
    level with the foot of the column before it, never under it). False where the
    geometry is unknown."""
    b, first = before.style, run[0].style
    if b is None or first is None or b.top == b.bottom or first.top == first.bottom:
        return False
    return first.top <= b.bottom and (first.right <= b.left or b.right <= first.left)


def _attribution(u: Unit, before: Unit, after: Unit) -> bool:
    """Small type within the column right under a pull quote: who said it."""
    return (
        u.style is not None
        and u.style.size < MIN_INSET_SIZE
        and len(u.lines) <= SUBHEAD_MAX_LINES
        and _in_column(u, before, after)
    )


def _open(before: Unit) -> bool:
    """The body block breaks off mid-sentence."""
    last = before.lines[-1].text
    return ends_hyphen(last) or not ends_sentence(last)


def _in_column(u: Unit, before: Unit, after: Unit) -> bool:
    """Within the measure of the body block after it, or of the one before (the block
    after may open with an indented line)."""
    return _in_measure(u, after) or _in_measure(u, before)


def _ruled(run: Sequence[Unit]) -> list[Unit] | None:
    """The run after a picture's text set into the column when each of its units stands
    between rules of its own width (Type.inset); else None."""
    if all(_between_rules(u) for u in run):
        return [Unit(u.lines, u.index, _kind(u), u.style) for u in run]
    return None


def _between_rules(u: Unit) -> bool:
    """Set between rules of its own width (Type.inset), in a type not the body's."""
    return u.style is not None and u.style.inset and not _body(u)


def _flush(u: Unit, before: Unit, after: Unit) -> bool:
    """Set flush left with the column before or after it, or over the block after it
    within its extent (an inset's rules span the column, its lines may reach past a
    ragged column's, the column's one line under it may be indented)."""
    s = u.style
    columns = (c.style for c in (before, after) if c.style is not None)
    flush = s is not None and any(abs(s.left - c.left) <= MEASURE_SLACK_PT for c in columns)
    return flush or _in_measure(after, u)


def _quote_type(u: Unit) -> bool:
    """Set as a pull quote is: larger than the body or italic."""
    style = u.style
    return style is not None and (style.size >= QUOTE_MIN_SIZE or style.italic)


def _in_measure(u: Unit, column: Unit) -> bool:
    """Set within the horizontal extent of the column it stands in."""
    s, c = u.style, column.style
    if s is None or c is None or s.right <= s.left:
        return False
    return s.left >= c.left - MEASURE_SLACK_PT and s.right <= c.right + MEASURE_SLACK_PT


def _header_above(done: Sequence[Unit]) -> list[Type]:
    """The type of the nearest run of display units above, past small type under it (a
    byline without a cue word): the head of the story the candidate stands in (empty if
    there is none)."""
    types: list[Type] = []
    for u in reversed(done):
        if not types and u.style is not None and u.style.size < MIN_INSET_SIZE:
            continue  # a byline in small type under the header, not yet told one
        if u.role == roles.DISPLAY and u.style is not None:
            types.append(u.style)
        elif types and u.role != roles.BYLINE:
            break
    return types


def _beside_header(u: Unit, header: Sequence[Type]) -> bool:
    """The unit stands level with the header above it in the reading order (its top over
    the header's foot): the head of a story beside that one, not set into its columns.
    False where the geometry is unknown."""
    s = u.style
    placed = [h.bottom for h in header if h.top > h.bottom]
    return s is not None and s.top > s.bottom and bool(placed) and s.top > min(placed)


def _ranks_below(size: float, header: Sequence[float]) -> bool:
    """A lone line ranks below the header above it: that header's headline is set larger,
    or the header is a stack of several blocks no smaller than the line (a notice's
    agency, docket and title over sections headed in the title's type). A head like the
    one before it, alone, starts the next brief of a column."""
    if not header:
        return False
    if max(header) >= RANK_RATIO * size:
        return True
    return len(header) >= STACKED_HEADER_UNITS and max(header) >= size


def _kind(u: Unit) -> str:
    """A pull quote is larger or italic or opens with a quotation mark; else a subhead."""
    style = u.style
    quoted = u.text.lstrip().startswith(QUOTE_OPENERS)
    if style is not None and (style.size > SUBHEAD_MAX_SIZE or style.italic or quoted):
        return roles.PULL_QUOTE
    return roles.SUBHEAD if len(u.lines) <= SUBHEAD_MAX_LINES else roles.PULL_QUOTE


def attach_insets(units: Sequence[Unit], owner: dict[float, Story]) -> None:
    """Each inset goes to the story of the body block after it: a subhead (or inline
    words) among its pieces, right before that block; a pull quote to its pull quotes.
    With no story's block after it, it goes to the story of the block before it, at its
    end, so that no inset's text is lost."""
    for k, u in enumerate(units):
        if u.role not in (roles.PULL_QUOTE, roles.SUBHEAD, roles.INLINE):
            continue
        nxt = next((v for v in units[k + 1 :] if v.index in owner), None)
        anchor = nxt or next((v for v in reversed(units[:k]) if v.index in owner), None)
        if anchor is None:
            continue  # mark_insets sets each inset next to a body block: never here
        story = owner[anchor.index]
        if u.role == roles.PULL_QUOTE:
            story.pull_quotes.append(u)
            continue
        at = next((i for i, p in enumerate(story.pieces) if p is nxt), len(story.pieces))
        story.pieces.insert(at, u)
