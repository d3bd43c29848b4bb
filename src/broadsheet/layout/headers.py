"""Kicker, headline, teaser and byline among the header units of one story.

Display units are told apart by length and cues: a kicker is short or lowercase or ends
in a colon; a teaser is much longer than the shortest display unit (beside a short
kicker, it must also be set about as wide as the body, not in large type); the headline
is the display unit nearest the body. From a PDF, type sizes tell instead (`_by_size`).
Display units a story has no place for are EXTRA (section labels, mastheads).
"""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.layout import roles
from broadsheet.layout.roles import Unit, measure

# A display unit this much longer than the one before it is a teaser, not a headline.
TEASER_RATIO = 1.6
TEASER_MIN_CHARS = 60
# Headline type holds fewer characters to the line than this share of the body's.
HEADLINE_WIDTH_SHARE = 0.6
# A kicker is short: at most this many words when it has no other kicker cue.
KICKER_MAX_WORDS = 4
# A headline has at least this many letters among its first characters.
MIN_HEADLINE_LETTERS = 3
WORDED_PREFIX = 24
# A headline is set at least this large over the body's (a caption's or credit's lines,
# smaller, head nothing).
MIN_HEAD_SIZE = 0.97
# A kicker or teaser set as several blocks in one type holds at most this many.
SAME_TYPE_MAX_UNITS = 3
# A byline closing a header is set no larger than this over the body, in at most this many
# words (a longer line in small type is a note or a caption).
BYLINE_MAX_SIZE = 1.02
# Type smaller than this over the body's is a photo credit's, not a byline's.
BYLINE_MIN_SIZE = 0.7
BYLINE_MAX_WORDS = 6
# A rubric stands right over its headline: its foot at most this many of its own line
# heights above the headline's top (farther, it labels a section or a box, not the head);
# one set in capitals may stand under it, at most this many line heights down (a tab at
# the top of the story's first column; a byline in capitals is read with its header).
RUBRIC_GAP_LINES = 2.0
RUBRIC_UNDER_LINES = 4.0
# Header role of display lines a story has no place for; they become page furniture.
EXTRA = "extra"


def is_kicker(u: Unit) -> bool:
    """Cues of a kicker: ends in a colon, starts in lowercase, or is set in capitals."""
    text = u.text.strip()
    core = text.lstrip("„“\"'‚»«(")
    return len(u.lines) <= 2 and (
        text.endswith(":")
        or ": " in text
        or (core[:1].islower())
        or (text.isupper() and len(text) > 3)
    )


def header_roles(heads: Sequence[Unit], pieces: Sequence[Unit] = ()) -> dict[float, str]:
    """Kicker, headline, teaser and byline among a story's header units.

    The headline is the last candidate, the one nearest the body; earlier candidates are
    EXTRA: display lines the story does not need (section labels, mastheads). The body
    `pieces` tell whether a teaser is set large; their measure is taken only then (a
    PDF's header is read by its type sizes and never needs it).
    """
    out: dict[float, str] = {u.index: "byline" for u in heads if u.role == roles.BYLINE}
    displays = [u for u in heads if u.role == roles.DISPLAY]
    if not displays:
        return out
    if all(u.style is not None for u in displays):
        out.update(_by_size(displays))
        return out
    shortest = min(u.chars for u in displays)
    teasers = [u for u in displays if len(displays) > 1 and _is_teaser(u, shortest)]
    rest = [u for u in displays if u not in teasers]
    kicker_first = len(rest) == 1 and teasers and _short_kicker(rest[0], teasers[0])
    # A short line over a long one: kicker and headline where more lines follow, where
    # the long one is set large, or where it ends without a sentence's stop (a teaser is
    # a sentence; a headline seldom ends in a stop).
    open_end = kicker_first and not roles.ends_sentence(teasers[0].lines[-1].text.rstrip())
    if kicker_first and (
        len(teasers) >= 2 or open_end or _set_large(teasers[0], body_measure(pieces))
    ):
        rest, teasers = [*rest, teasers[0]], teasers[1:]  # a short kicker, not a headline
    if len(rest) >= 2 and (is_kicker(rest[0]) or _short_kicker(rest[0], rest[1])):
        out[rest[0].index] = "kicker"
        rest = rest[1:]
    out.update({u.index: EXTRA for u in rest[:-1]})
    out.update({u.index: "headline" for u in rest[-1:]})
    out.update({u.index: "teaser" for u in teasers[:1]})
    out.update({u.index: EXTRA for u in teasers[1:]})
    return out


def _by_size(displays: Sequence[Unit]) -> dict[float, str]:
    """Header roles from a PDF's type sizes, in the order a header is set, block next to
    block: the largest type is the headline (the last of equals, nearest the body); the
    lines right above it in one smaller type are the kicker (or a short label in the
    headline's own type); the lines right below it in one type are the teaser; a short
    line in body size or smaller that closes the header is the byline, with or without a
    "By". Other units are EXTRA; with none set at least in body size, all are, but for a
    byline standing alone."""
    displays = sorted(displays, key=lambda u: u.index)
    # Only words make a headline: an icon or a drop cap set large does not.
    sizes = [u.style.size if u.style and worded(u) else 0.0 for u in displays]
    if max(sizes) < MIN_HEAD_SIZE:  # no headline: a byline alone, or a caption floated here
        alone = len(displays) == 1 and byline_type(displays[0], MIN_HEAD_SIZE)
        return {u.index: "byline" if alone else EXTRA for u in displays}
    top = _under_label(displays, sizes, max(range(len(displays)), key=lambda k: (sizes[k], k)))
    out = {u.index: EXTRA for u in displays}
    out[displays[top].index] = "headline"
    above = top > 0 and _next_to(displays[top - 1], displays[top])
    if above and (sizes[top - 1] < sizes[top] or _label(displays[top - 1], displays[top])):
        for u in _same_type(displays, sizes, top - 1, -1):
            out[u.index] = "kicker"
    last = top  # the header ends where other text comes between (a run joined from afar)
    while last + 1 < len(displays) and _next_to(displays[last], displays[last + 1]):
        last += 1
    if last > top and byline_type(displays[last], sizes[top]):
        out[displays[last].index] = "byline"
        last -= 1
    if top < last and sizes[top + 1] > 0:
        for u in _same_type(displays[: last + 1], sizes, top + 1, 1):
            out[u.index] = "teaser"
    return out


def _adjacent(a: Unit, b: Unit) -> bool:
    """Blocks next to each other in reading order, with no other block between."""
    return int(b.index) - int(a.index) <= 1


def _next_to(a: Unit, b: Unit) -> bool:
    """Blocks adjacent in reading order, one over the other (a header's blocks are
    stacked: a rubric at the foot of the sidebar beside a headline is not its kicker)."""
    if not _adjacent(a, b):
        return False
    sa, sb = a.style, b.style
    if sa is None or sb is None or sa.right <= sa.left or sb.right <= sb.left:
        return True  # no extent known
    return min(sa.right, sb.right) > max(sa.left, sb.left)


def _same_type(displays: Sequence[Unit], sizes: Sequence[float], k: int, step: int) -> list[Unit]:
    """The unit at k and its neighbours in the direction of `step` set in the same type
    (a deck or a rubric set as more than one block, maybe side by side), up to
    SAME_TYPE_MAX_UNITS of them."""
    out = [displays[k]]
    j = k + step
    while 0 <= j < len(displays) and len(out) < SAME_TYPE_MAX_UNITS and sizes[j] == sizes[k]:
        if not _adjacent(*sorted((displays[j], out[-1]), key=lambda u: u.index)):
            break
        out.append(displays[j])
        j += step
    return out


def _under_label(displays: Sequence[Unit], sizes: Sequence[float], top: int) -> int:
    """The headline when the largest type is a label over a kicker and headline set in one
    smaller type ("Pupil of the week" over "Jan Muster" / "A bad fall"): a teaser
    is never a short label over a longer line in one type, so that pair is kicker and
    headline, and the larger type above them the section's name."""
    pair = top + 2
    if pair >= len(displays) or not 0 < sizes[top + 1] == sizes[pair] < sizes[top]:
        return top
    if pair + 1 < len(displays) and sizes[pair + 1] == sizes[pair]:
        return top  # three blocks in one type: a deck
    return pair if _label(displays[top + 1], displays[pair]) else top


def byline_type(u: Unit, headline: float) -> bool:
    """A byline's shape and type: a line or two of a few words in body size or smaller
    (but not a photo credit's tiny type), below a larger headline, not a sentence."""
    style = u.style
    return (
        style is not None
        and BYLINE_MIN_SIZE <= style.size <= BYLINE_MAX_SIZE
        and style.size < headline
        and len(u.lines) <= 2
        and len(u.text.split()) <= BYLINE_MAX_WORDS
        and not roles.ends_sentence(u.text)
        and worded(u)
    )


def _label(u: Unit, headline: Unit) -> bool:
    """A rubric over a headline set in the same type: a few words, fewer than the headline's."""
    words = len(u.text.split())
    return words <= KICKER_MAX_WORDS and words < len(headline.text.split())


def rubric_over(u: Unit, headline: Unit) -> bool:
    """A short label in smaller type set right over a headline, or in capitals right
    under it, within its extent (the word on a tab over a story, wherever the reading
    order put it): that headline's kicker. Only a PDF's geometry tells (both boxes
    known)."""
    s, h = u.style, headline.style
    if s is None or h is None or s.top <= s.bottom or h.top <= h.bottom:
        return False
    height = s.top - s.bottom
    over = -height / 2 <= s.bottom - h.top <= RUBRIC_GAP_LINES * height
    under = u.text.isupper() and 0 <= h.bottom - s.top <= RUBRIC_UNDER_LINES * height
    return (
        len(u.lines) == 1
        and len(u.text.split()) <= KICKER_MAX_WORDS
        and s.size < h.size
        and (over or under)
        and s.left >= h.left - height
        and s.right <= h.right + height
        and worded(u)
    )


def worded(u: Unit) -> bool:
    """Enough letters to be a headline: no icon or drop cap set large."""
    return sum(map(str.isalpha, u.text[:WORDED_PREFIX])) >= MIN_HEADLINE_LETTERS


def _set_large(u: Unit, body: float) -> bool:
    """Fewer characters to the line than the story's body columns hold: headline type
    (a teaser is set about as wide as the body)."""
    return body > 0 and u.chars / len(u.lines) < HEADLINE_WIDTH_SHARE * body


def body_measure(pieces: Sequence[Unit]) -> float:
    """The width of a story's body columns in characters (0 without body pieces)."""
    widths = sorted(measure(p.lines) for p in pieces if len(p.lines) >= 3)
    return widths[len(widths) // 2] if widths else 0.0


def _short_kicker(u: Unit, nxt: Unit) -> bool:
    return u.chars < nxt.chars and len(u.text.split()) <= KICKER_MAX_WORDS


def _is_teaser(u: Unit, shortest: int) -> bool:
    return u.chars >= TEASER_MIN_CHARS and u.chars >= TEASER_RATIO * shortest
