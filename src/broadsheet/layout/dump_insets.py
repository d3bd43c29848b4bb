"""Pull quotes, subheads and bare bylines a dump's text shows, found before story starts
are decided.

A dump shows no type, so what the PDF path reads from it (layout/insets.py) must come from
the text alone: a run of short lines between two body blocks whose words recur in the
page's body is a pull quote (a short block read as body too, if it ends without a stop);
a lone short line between two long body blocks of one story is a subhead; a name closing
a header right over the body is its byline. Without this, each heads a story of its own
and splits the one it stands in.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from broadsheet.layout import roles
from broadsheet.layout.recurrence import recurs, recurs_elsewhere, spaced, words
from broadsheet.layout.roles import Unit
from broadsheet.repair.lexicon import language_zipf

# What a column's text reads on past: quotes and pictures set into it.
SET_IN = (roles.PULL_QUOTE, *roles.PICTURE_ROLES)
# A body block stands within this many units after a quote (a subhead may come between).
DUMP_QUOTE_REACH = 2
# A block read as body of at most this many lines, without a final stop, may be a pull
# quote: one whose words recur in the page's other body blocks.
QUOTE_BODY_LINES = 6
# A subhead: one line of at most this many words between two runs of body text of at
# least SUBHEAD_BODY_LINES lines each (a column of briefs sets a head over a few lines each, and
# a story's header stacks kicker, headline, teaser and byline).
SUBHEAD_MAX_WORDS = 5
SUBHEAD_BODY_LINES = 4
# ...and the body blocks round it, up to COHESION_BLOCKS each side, share at least this
# many words of CONTENT_WORD_CHARS letters and more: one story's blocks speak of the same
# things, two stories' seldom do.
SHARED_WORDS = 4
CONTENT_WORD_CHARS = 6
COHESION_BLOCKS = 2
# ...or the story's body before and after shares at least SHARED_RARE words rarer than
# RARE_ZIPF in the language (names, places; about one in a hundred thousand words).
SHARED_RARE = 3
RARE_ZIPF = 4.0
# ...or, where the body round it shares too little to tell, a subhead unless a story's
# header goes on after it: within STORY_HEADER_REACH units a byline, or a headline read as
# body (HEADLINE_BODY_LINES lines at most, no final stop), or a brief's run-in head.
STORY_HEADER_REACH = 3
HEADLINE_BODY_LINES = 3
RUN_IN_RE = re.compile(r"[A-ZÄÖÜ][\w .'-]{1,25}: ")
# Longer lines there, SET_IN_LINES at most, without a story's header under them, are set
# into the column: a pull quote whose words the page does not repeat.
SET_IN_LINES = 2
# A bare byline: at most this many words, names and the particles between them, under a
# header unit of at least BYLINE_UNDER_WORDS words or under two header units.
BYLINE_MAX_WORDS = 6
BYLINE_UNDER_WORDS = 4
# ...or under a teaser of this many lines at most, a picture set below the header or not.
TEASER_LINES = 3
NAME_PARTICLES = frozenset({"und", "and", "von", "van", "de", "der", "den", "zu", "da", "di"})


def dump_insets(units: Sequence[Unit], lang: str = "de") -> list[Unit]:
    """A dump's units with each pull quote and subhead marked: a pull quote is a display
    unit after a body block, a body block within DUMP_QUOTE_REACH units after it, whose
    words recur in the page's body text (a dump shows no type, so the repetition is the
    evidence); a subhead is a lone short line between two long body blocks (a pull quote
    set into the column may stand between it and the block before); a longer line or two
    there, with no story's header under it, is set into the column too."""
    units = [_as_body(u) if _runs_on(units, k) else u for k, u in enumerate(units)]
    known = cache(lambda: spaced([u for u in units if u.role == roles.BODY]))
    out = list(units)
    for k in range(1, len(units) - 1):
        u = units[k]
        if _quoted_in_body(units, k, known):
            out[k] = Unit(u.lines, u.index, roles.PULL_QUOTE, u.style)
            continue
        j = k - 1  # the unit before, past the pull quotes and pictures set in the column
        while j > 0 and out[j].role in SET_IN:
            j -= 1
        if u.role != roles.DISPLAY or units[j].role != roles.BODY:
            continue
        after = units[k + 1 : k + 1 + DUMP_QUOTE_REACH]
        if any(v.role == roles.BODY for v in after) and recurs(u, known):
            out[k] = Unit(u.lines, u.index, roles.PULL_QUOTE, u.style)
            continue
        before, rest = _section(reversed(out[:k])), _section(units[k + 1 :])
        if _subhead(before, u, rest) and (_one_story(out, k, lang) or not _heads_story(units, k)):
            out[k] = Unit(u.lines, u.index, roles.SUBHEAD, u.style)
        elif _set_in(before, u, rest) and not _heads_story(units, k):
            out[k] = Unit(u.lines, u.index, roles.PULL_QUOTE, u.style)
    for k in range(1, len(units) - 1):
        if _bare_byline(units, k):
            u = units[k]
            out[k] = Unit(u.lines, u.index, roles.BYLINE, u.style)
    return out


def _runs_on(units: Sequence[Unit], k: int) -> bool:
    """Short lines that read as display type but that a sentence runs through: the body
    before ends where no sentence ends (on "des", on a comma, on a syllable's hyphen) and
    they go on in lowercase, or they end without a sentence's stop and the body after goes
    on in lowercase. pdftotext's default dump cuts body text at such places, and joins
    some of its lines, so that a few of them look set apart; a headline is followed by
    its story's first sentence, which opens with a capital.

    >>> from broadsheet.model import Traced
    >>> def unit(role, *lines):
    ...     return Unit(tuple(Traced(t) for t in lines), 0, role)
    >>> before = unit("body", "Der Ausstieg bringt für das Projekt", "einen Wechsel des")
    >>> flow = unit("display", "Verbund eine neue Lage. Man", "prüfe nun alles")
    >>> head = unit("display", "Stadtwerke bauen aus")
    >>> after = unit("body", "genau, sagte die Sprecherin am Dienstag.")
    >>> story = unit("body", "Die Stadtwerke wollen ihr Netz bis 2035 verdoppeln.")
    >>> _runs_on([before, flow, after], 1), _runs_on([before, head, story], 1)
    (True, False)
    """
    u = units[k]
    if u.role != roles.DISPLAY or u.style is not None:
        return False
    before = units[k - 1] if k > 0 else None
    runs_in = before is not None and before.role == roles.BODY and _open(before.lines[-1].text)
    if runs_in and roles.starts_lower(u.lines[0].text):
        return True
    nxt = units[k + 1] if k + 1 < len(units) else None
    return (
        nxt is not None
        and nxt.role == roles.BODY
        and not roles.ends_sentence(u.lines[-1].text)
        and roles.starts_lower(nxt.lines[0].text)
    )


def _open(line: str) -> bool:
    """A line ends where no sentence or heading ends: on a word that needs the next, on a
    comma, or on a syllable's hyphen."""
    return roles.ends_mid_sentence(line.rstrip()) or roles.ends_hyphen(line)


def _as_body(u: Unit) -> Unit:
    return Unit(u.lines, u.index, roles.BODY, u.style)


def _quoted_in_body(units: Sequence[Unit], k: int, known: Callable[[], str]) -> bool:
    """A short block read as body that stands between body blocks and repeats words of
    another: a pull quote set at body width, or one a dump with no blank lines ran into a
    block of its own without a final stop (QUOTE_BODY_LINES at most). `known` is the words
    of all body blocks, this one among them (built once a page: built for each block
    without it, a page of 20,000 short lines took a minute).

    >>> from broadsheet.model import Traced
    >>> said = ("Der Minister kam.", "Wir erwarten Taten zu sehen, sagte er.", "Dann ging er.")
    >>> body = Unit(tuple(Traced(t) for t in said), 0, "body")
    >>> quote = Unit((Traced("Wir erwarten Taten"), Traced("zu sehen, sagte er")), 1, "body")
    >>> def page(*units):
    ...     return _quoted_in_body(units, 1, lambda: spaced(units))
    >>> page(body, quote, body), page(body, body, body)
    (True, False)
    """
    u = units[k]
    if u.role != roles.BODY or len(u.lines) > QUOTE_BODY_LINES:
        return False
    if roles.ends_sentence(u.lines[-1].text) or units[k - 1].role != roles.BODY:
        return False
    if units[k + 1].role != roles.BODY:
        return False  # a quote stands between body blocks: the one after takes it
    return recurs_elsewhere(u, known)


def _bare_byline(units: Sequence[Unit], k: int) -> bool:
    """A name without "Von"/"By" closing a header, right over the body: one line of a few
    capitalised words (and the particles names take), under a headline (two header units,
    one long enough to be no kicker, or one over a teaser), over body text.

    >>> from broadsheet.model import Traced
    >>> head = Unit((Traced("Flensburg gewinnt das Nordderby"),), 0, "display")
    >>> name = Unit((Traced("Eva Lindner und Tobias Wurm"),), 1, "display")
    >>> body = Unit((Traced("Der Verein"), Traced("siegte.")), 2, "body")
    >>> _bare_byline([head, name, body], 1), _bare_byline([head, head, body], 1)
    (True, False)
    """
    u = units[k]
    if u.role != roles.DISPLAY or len(u.lines) != 1 or units[k + 1].role != roles.BODY:
        return False
    j = _header_before(units, k)
    if j is None:
        return False
    headed = (
        len(units[j].text.split()) >= BYLINE_UNDER_WORDS
        or (j >= 1 and units[j - 1].role == roles.DISPLAY)
        or units[j + 1].role == roles.BODY  # a teaser between: the header's second unit
    )
    return headed and _names(u)


def _header_before(units: Sequence[Unit], k: int) -> int | None:
    """The index of the display unit that a byline at units[k] closes: the one right
    before it, or before the picture (caption, credit) and the teaser (a short block of
    TEASER_LINES at most, which a dump may read as body) set between a header and its
    byline; None if there is none."""
    j = k - 1
    while j >= 0 and units[j].role in roles.PICTURE_ROLES:
        j -= 1
    if j >= 1 and units[j].role == roles.BODY:
        j -= len(units[j].lines) <= TEASER_LINES  # a teaser
    return j if j >= 0 and units[j].role == roles.DISPLAY else None


def _one_story(units: Sequence[Unit], k: int, lang: str) -> bool:
    """The body round units[k] speaks of the same things: the blocks next to it (up to
    COHESION_BLOCKS on each side) share at least SHARED_WORDS long words, or the body back
    to the header before it and on to the next shares SHARED_RARE rare words (names,
    places: a story's sections name the same people, two stories seldom do). One story's
    blocks do, two stories' seldom do."""
    before = _content_words(_bodies(reversed(units[:k])))
    if len(before & _content_words(_bodies(units[k + 1 :]))) >= SHARED_WORDS:
        return True
    back = _rare_words(_section(reversed(units[:k])), lang)
    return len(back & _rare_words(_section(units[k + 1 :]), lang)) >= SHARED_RARE


def _section(units: Iterable[Unit]) -> list[Unit]:
    """The body blocks from the head of `units` up to the next display type."""
    return list(itertools.takewhile(lambda u: u.role != roles.DISPLAY, units))


def _rare_words(units: Sequence[Unit], lang: str) -> set[str]:
    """The units' words that the language's word list holds rarer than RARE_ZIPF."""
    found = {w for w in words([u for u in units if u.role == roles.BODY]) if len(w) >= 3}
    return {w for w in found if w.isalpha() and language_zipf(lang, w) < RARE_ZIPF}


def _bodies(units: Iterable[Unit]) -> list[Unit]:
    """The body blocks at the head of `units`, up to COHESION_BLOCKS."""
    out: list[Unit] = []
    for u in units:
        if u.role == roles.PULL_QUOTE:
            continue  # a quote set into the column: the column goes on past it
        if u.role != roles.BODY or len(out) == COHESION_BLOCKS:
            break
        out.append(u)
    return out


def _subhead(before: Sequence[Unit], u: Unit, after: Sequence[Unit]) -> bool:
    """A lone short line between two long runs of body text (`before` and `after`, the
    units back to the display type before it and on to the next: an extractor may cut a
    column into short blocks): a subhead if they are one story (`_one_story`). A line
    ending in a colon labels what follows ("Find us on:").

    >>> from broadsheet.model import Traced
    >>> lines = tuple(Traced(t) for t in "Hafenmeister Kaimauer Sturmflut d".split())
    >>> body = [Unit(lines[:2], 0, "body"), Unit(lines[2:], 0, "body")]
    >>> head = Unit((Traced("Offene Fragen"),), 1, "display")
    >>> label = Unit((Traced("Termine:"),), 1, "display")
    >>> _subhead(body, head, body), _subhead(body[:1], head, body), _subhead(body, label, body)
    (True, False, False)
    """
    text = u.lines[0].text.strip()
    return (
        len(u.lines) == 1
        and len(text.split()) <= SUBHEAD_MAX_WORDS
        and not text.endswith(":")
        and _between_bodies(before, after)
    )


def _heads_story(units: Sequence[Unit], k: int) -> bool:
    """A story's header goes on after the line at units[k]: within STORY_HEADER_REACH
    units a byline (or a bare name), or right after it a headline that the dump read as
    body (HEADLINE_BODY_LINES lines at most, no final stop, not cut mid-sentence), or
    the run-in head of a brief ("Nairobi: ..."). A section's head is followed by its text
    and nothing else."""
    after = units[k + 1 : k + 1 + STORY_HEADER_REACH]
    if any(v.role == roles.BYLINE or (v.role == roles.DISPLAY and _names(v)) for v in after):
        return True
    first = units[k + 1]
    last = first.lines[-1].text
    headline = len(first.lines) <= HEADLINE_BODY_LINES and not (
        roles.ends_sentence(last) or _open(last)
    )
    return headline or bool(RUN_IN_RE.match(first.lines[0].text))


def _names(u: Unit) -> bool:
    """One line of a few capitalised words and the particles names take."""
    found = u.text.split()
    names = [w for w in found if w not in NAME_PARTICLES]
    return (
        len(u.lines) == 1
        and 2 <= len(found) <= BYLINE_MAX_WORDS
        and len(names) >= 2
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in names)
    )


def _set_in(before: Sequence[Unit], u: Unit, after: Sequence[Unit]) -> bool:
    """One or two lines, longer than a subhead, between two long runs of body text: set
    into the column (a pull quote whose words the page does not repeat) if no story's
    header goes on under it (`_heads_story`, asked by the caller)."""
    return (
        len(u.lines) <= SET_IN_LINES
        and len(u.text.split()) > SUBHEAD_MAX_WORDS
        and _between_bodies(before, after)
    )


def _between_bodies(before: Sequence[Unit], after: Sequence[Unit]) -> bool:
    """Long runs of body text on both sides of a unit (SUBHEAD_BODY_LINES lines each at
    least), the one after it right under it: where a subhead or a line set in stands."""
    return (
        bool(after)
        and after[0].role == roles.BODY
        and min(_body_lines(before), _body_lines(after)) >= SUBHEAD_BODY_LINES
    )


def _body_lines(units: Sequence[Unit]) -> int:
    return sum(len(u.lines) for u in units if u.role == roles.BODY)


def _content_words(units: Sequence[Unit]) -> set[str]:
    """The units' long words, casefolded: what two blocks of one story share."""
    return {w for w in words(units) if len(w) >= CONTENT_WORD_CHARS}
