"""Whether display type repeats the page's body text: a pull quote quotes its story.

A quote's word trigrams are looked up, as strings, in the body's words joined by single
spaces (a search in one string costs less than a set of the body's trigrams); a word
broken at a line end is joined again first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from broadsheet.layout.roles import Unit
from broadsheet.repair.lexicon import words_in

# A display run is a pull quote when at least this share of its word trigrams recur in the
# page's body text (a story quotes itself anywhere in it), and it has RECUR_MIN_WORDS words
# at least (a short head may echo a phrase of its story).
RECUR_SHARE = 0.7
RECUR_MIN_WORDS = 5
_WORD_RE = re.compile(r"\w+")


def recurs(u: Unit, known: Callable[[], str]) -> bool:
    """The unit's words recur in the body text (a pull quote quoting its story): most of
    its word trigrams stand in `known`, the body's words."""
    found = words([u])
    if len(found) < RECUR_MIN_WORDS:
        return False
    body, grams = known(), _trigrams(found)
    return sum(g in body for g in grams) >= RECUR_SHARE * len(grams)


def recurs_elsewhere(u: Unit, known: Callable[[], str]) -> bool:
    """`recurs` for a unit whose own words are part of `known`: a trigram counts where it
    stands in `known` more often than in the unit itself (the page's body text is then
    built once, not once for each block without that block).

    >>> from broadsheet.model import Traced
    >>> def unit(*lines):
    ...     return Unit(tuple(Traced(t) for t in lines), 0, "body")
    >>> quote, story = unit("Wir erwarten Taten zu sehen"), unit("Er sagte: Wir erwarten Taten.")
    >>> recurs_elsewhere(quote, lambda: spaced([story, quote]))
    False
    >>> again = unit("Wir erwarten Taten zu sehen, gut")
    >>> recurs_elsewhere(quote, lambda: spaced([story, quote, again]))
    True
    """
    found = words([u])
    if len(found) < RECUR_MIN_WORDS:
        return False
    body, own, grams = known(), " " + " ".join(found) + " ", _trigrams(found)
    return sum(body.count(g) > own.count(g) for g in grams) >= RECUR_SHARE * len(grams)


def _trigrams(found: list[str]) -> list[str]:
    """Each three words in a row between spaces, as they stand in `spaced` text."""
    return [f" {a} {b} {c} " for a, b, c in zip(found, found[1:], found[2:], strict=False)]


def spaced(units: Sequence[Unit]) -> str:
    """The units' words between single spaces, one at each end too: a quote's trigram
    recurs where it stands in this as a string (the page's body text, read only where a
    run between body blocks could be a quote; a search in one string costs less than a
    set of the body's trigrams)."""
    return " " + " ".join(words(units)) + " "


def words(units: Sequence[Unit]) -> list[str]:
    """The units' words, lowercased, a word broken at a line end joined again."""
    text = "\n".join(line.text for u in units for line in u.lines)
    text = re.sub(r"[-\u00ad\u2010]\n(?=[a-zäöüß])", "", text)
    return words_in(text.lower(), _WORD_RE, str.isalnum)  # an alphanumeric token: one word
