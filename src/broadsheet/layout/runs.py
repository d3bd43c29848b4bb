"""Header runs: consecutive display and byline units that may head a story, and the
decisions about them that type settles (a teaser in body type, a kicker that opens a new
header, small type that heads nothing). `assemble` builds stories from them.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from broadsheet.layout import roles
from broadsheet.layout.captions import dump_picture, placed
from broadsheet.layout.headers import (
    BYLINE_MAX_WORDS,
    MIN_HEAD_SIZE,
    byline_type,
    is_kicker,
    worded,
)
from broadsheet.layout.roles import Unit

HEAD_ROLES = (roles.DISPLAY, roles.BYLINE)
# Paragraph-like units this much wider than every body column are captions or teasers;
# a teaser in body type holds at most this many lines.
WIDE_MAX_LINES = 4
# A lone line of at most this many words over a head is its label (rubric), not a head.
LABEL_MAX_WORDS = 2
# A byline in the body's own type stands apart by its measure: set at most this share of
# the width of the body under it (a paragraph's first lines fill its column; a name and
# an address under a headline stop short of it).
PLAIN_BYLINE_WIDTH_SHARE = 0.6


def can_head(run: list[Unit]) -> bool:
    """A run can head a story unless a PDF set all of it smaller than the body
    (headers.MIN_HEAD_SIZE) in more words than a byline holds: a headline is never set
    smaller than the text under it, a caption's lines are. (A name in small type over
    each entry of a list heads it as its byline.)"""
    if full_header(run) or any(u.style is None for u in run):
        return True
    small = max(u.style.size for u in run if u.style is not None) < MIN_HEAD_SIZE
    words = sum(len(u.text.split()) for u in run)
    return not small or (words <= BYLINE_MAX_WORDS and all(len(u.lines) <= 2 for u in run))


def full_header(run: list[Unit]) -> bool:
    """A header run with a byline: a story's whole head, not a stray display line."""
    return any(u.role == roles.BYLINE for u in run)


def mark_teasers(units: list[Unit]) -> list[Unit]:
    """A few lines of body type between a headline and a byline are the teaser, a full
    sentence with its stop (display type has none); so are a few lines in display type
    between the headline's and the body's right under the headline (`_closes_header`),
    a picture's caption and credit between them or not."""
    out = list(units)
    for k in range(1, len(units) - 1):
        u = units[k]
        if (
            u.role == roles.BODY
            and not roles.set_as(u, "body")
            and (len(u.lines) <= WIDE_MAX_LINES or roles.set_as(u, "display"))
            and units[k - 1].role == roles.DISPLAY
            and _closes_header(u, units[k - 1], _past_picture(units, k + 1))
        ):
            out[k] = Unit(u.lines, u.index, roles.DISPLAY, u.style)
    return out


def mark_bylines(units: list[Unit]) -> list[Unit]:
    """A short line in a byline's type (`headers.byline_type`) between a header and the
    body is the byline, with or without a cue word: display type larger than it right
    above (a headline or a teaser in display type, or a teaser in bold body size), body
    type right below. A line the text stages took for body text in a type of its own (an
    italic name) is one too, under display type."""
    out = list(units)
    for k in range(1, len(units) - 1):
        u, prev, nxt = units[k], units[k - 1], units[k + 1]
        own = u.role == roles.BODY and not roles.set_as(u, "body")
        if _plain_byline(u, prev, units[k + 1 :]):
            out[k] = Unit(u.lines, u.index, roles.BYLINE, u.style)
            continue
        if not (u.role == roles.DISPLAY or own) or u.style is None or prev.style is None:
            continue
        header = prev.role == roles.DISPLAY or (
            prev.role == roles.BODY and not roles.set_as(prev, "body") and not own
        )
        body = nxt.role == roles.BODY and roles.set_as(nxt, "body")
        if header and body and byline_type(u, prev.style.size):
            out[k] = Unit(u.lines, u.index, roles.BYLINE, u.style)
    return out


def _plain_byline(u: Unit, prev: Unit, after: Sequence[Unit]) -> bool:
    """A byline set in the body's own type (a name, a title, an address) right under a
    headline: a line or two, no sentence, far narrower than the body that follows it (past
    a drop cap or an ornament set large, which have no words). Without its own type only
    its measure tells it from the story's first lines, and only a PDF gives measures."""
    if not (u.role == roles.BODY and roles.set_as(u, "body") and prev.role == roles.DISPLAY):
        return False
    if u.style is None or prev.style is None or not byline_type(u, prev.style.size):
        return False
    nxt = next((v for v in after if worded(v)), None)
    if (
        nxt is None
        or nxt.style is None
        or not (nxt.role == roles.BODY and roles.set_as(nxt, "body"))
    ):
        return False
    width, body = u.style.right - u.style.left, nxt.style.right - nxt.style.left
    return 0 < width <= PLAIN_BYLINE_WIDTH_SHARE * body


def _past_picture(units: Sequence[Unit], k: int) -> Unit:
    """The unit at k, or the first after it that a picture's geometry did not place (a
    header reads on across a picture set under it: `captions.across_pictures`); in a
    dump, the first after the captions and credits there."""
    return next((v for v in units[k:] if not (placed(v) or dump_picture(v))), units[k])


def _closes_header(u: Unit, head: Unit, nxt: Unit) -> bool:
    """The units around a teaser candidate: a byline after it; or, from a PDF, display type
    between the headline's and the body's, followed by its next block in the same type (a
    deck set as two blocks) or by the body."""
    if nxt.role == roles.BYLINE:
        return True
    if u.style is None or head.style is None or nxt.style is None:
        return False
    between = roles.set_as(u, "display") and u.style.size < head.style.size
    same = nxt.role == roles.DISPLAY and u.style.size == nxt.style.size
    body = nxt.role == roles.BODY and roles.set_as(nxt, "body")
    return between and (same or body)


def header_runs(units: Sequence[Unit]) -> list[list[Unit]]:
    """Consecutive header units; a kicker, a byline's end or an inline head cut runs."""
    runs: list[list[Unit]] = []
    prev: Unit | None = None
    indexes = {v.index for v in units}
    for u in units:
        if u.role not in HEAD_ROLES:
            prev = None
            continue
        # The rest of a block whose first line is a head (`roles._split_inline_head`) read
        # as a header unit too (a dump's teaser under its headline) goes on with its head.
        rest = prev is not None and round(u.index - prev.index, 6) == roles.INLINE_REST
        head = _inline_head(u, indexes)
        inline = (u.index != int(u.index) and not rest) or (head and not _label(prev, runs))
        fresh = (
            prev is None
            or inline
            or prev.role == roles.BYLINE
            or _frame(u) != _frame(prev)  # a frame's header is its own
            or (u.role == roles.DISPLAY and is_kicker(u) and _new_kicker(u, prev, units))
        )
        if fresh:
            runs.append([u])
        else:
            runs[-1].append(u)
        prev = None if inline and not head else u
    return runs


def _label(prev: Unit | None, runs: list[list[Unit]]) -> bool:
    """The run so far is a lone label over a head (a rubric: "Etat", "Web"): one line of
    LABEL_MAX_WORDS words at most, which heads nothing on its own."""
    return (
        prev is not None
        and runs[-1] == [prev]
        and len(prev.lines) == 1
        and len(prev.text.split()) <= LABEL_MAX_WORDS
    )


def _frame(u: Unit) -> int:
    return u.style.frame if u.style is not None else -1


def _new_kicker(u: Unit, prev: Unit, units: Sequence[Unit]) -> bool:
    """A unit with a kicker's cues opens a new header: in a dump always; from a PDF only
    when set smaller than the unit above and no larger than a headline among the display
    units after it (a kicker may be set in its headline's type). Type smaller than the
    headline all the way down is the same header's."""
    if u.style is None or prev.style is None:
        return True
    if _not_smaller(u, prev):
        return False
    size = u.style.size
    for v in units[units.index(u) + 1 :]:
        if v.role not in HEAD_ROLES:
            return False
        if v.style is not None and v.style.size >= max(size, MIN_HEAD_SIZE):
            return True
    return False


def _not_smaller(u: Unit, prev: Unit) -> bool:
    """Set in type no smaller than the unit above (a PDF tells): a headline under its kicker
    (with a colon in it, or in capitals as magazines set both), not a new header's kicker."""
    return u.style is not None and prev.style is not None and u.style.size >= prev.style.size


def _inline_head(u: Unit, indexes: Set[float]) -> bool:
    """A head cut from the first line of its own block: the rest of the block follows it
    (`indexes`: those of the page's units, looked up, not searched, on a page of
    thousands of blocks)."""
    return u.index + roles.INLINE_REST in indexes
