"""Spaces: odd space characters made plain, and spaces that split words taken out again.

PDF extractors guess spaces from glyph gaps. Wide tracking (Sperrsatz), kerning around gender
markers ("Adres sa t:in nen") and justified lines make them guess spaces inside words.
`rejoin_letterspaced` weighs each possible rejoining with word frequencies against the prior
that the extractor's spaces are real.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from broadsheet.model import Edit
from broadsheet.repair.lexicon import ZIPF_CACHE_SIZE, Lexicon, language_zipf

# Horizontal spaces of every width (NBSP, narrow NBSP, thin, ideographic, ...) and tabs.
_ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = f"[ {_ODD_SPACES}]"
# A run of them that is not one plain space already (those are most of a text: skip them;
# each alternative opens with a character class, which the regex engine scans for fast).
_ODD_SPACE_RUN = re.compile(f"[{_ODD_SPACES}]{_SPACES}*| {_SPACES}+")
# One odd space: a text without any, and without two plain spaces in a row, has no such run
# (most texts; the check is cheaper than the search for runs).
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")

# A token: leading punctuation, letters with at most one gender marker inside, trailing
# punctuation. Tokens with digits or other inner punctuation (E-Mail, d.h.) never merge.
_TOKEN_RE = re.compile(r"([^\w\s]*)([^\W\d_]+(?:[:*_][^\W\d_]+)?)([^\w\s]*)")
_TOKEN_SPAN = re.compile(r"\S+")
# An inner capital I, a split-off suffix piece, two single letters in a row: signals
# `_promising_cores` looks for. Each pattern opens on a rare character, so that a search
# skips through ordinary prose fast.
_QUICK_SIGNS = (
    re.compile(r"I(?<=[^\W\dA-ZÄÖÜ_]I)"),
    re.compile(r"\s(?:n|en|nen|nnen|N|EN|NEN|NNEN)(?!\w)"),
    re.compile(r" (?<=(?<!\S)[^\W\d_] )[^\W\d_](?!\S)"),
)
# A gender marker with letters round it (not "2:1"); a signal only where the form is broken.
_GENDER_MARK_RE = re.compile(r"[:*_](?<=[^\W\d_][:*_])(?=[^\W\d_])")
# What `str.strip` takes off a word for the quick look (the full tokeniser is _TOKEN_RE).
_PUNCT = ".,;!?()[]{}\"'„“”‚‘’»«›‹–—-/…"
GENDER_MARKERS = ":*_"
_MARKER_RE = re.compile("[" + re.escape(GENDER_MARKERS) + "]")
GENDER_TAILS = frozenset({"in", "innen", "IN", "INNEN"})
# The gender suffix with an inner capital (LehrerIn, LehrerInnen), longest first.
INNER_I_SUFFIXES = ("Innen", "In")

# Log-probability of removing one space the extractor put there: the prior that its spaces
# are real. "a cross"/"across" and "some one"/"someone" need more than 2; the broken words
# of letter-spaced gender forms need less than about 4.
SPACE_PENALTY = 3.0
# Spaces between single letters in a row of at least LETTER_RUN_MIN of them are Sperrsatz
# and nearly free to remove ("d i e s e s" must beat "dies es").
LETTER_GAP_PENALTY = 0.5
LETTER_RUN_MIN = 3
# Longest group of tokens that may become one word; Sperrsatz letters may form longer ones.
MAX_GROUP_TOKENS = 6
MAX_LETTER_GROUP = 24
# Words score zipf - ZIPF_CEILING (a unigram log-probability); unknown words score below any
# listed word, the more so the longer they are.
ZIPF_CEILING = 9.0
UNKNOWN_PER_CHAR = 0.5
# A word the document uses at least DOC_MIN_COUNT times scores at least DOC_ZIPF.
DOC_MIN_COUNT = 2
DOC_ZIPF = 3.0
# A rejoined word must be at least this common (or used in the document).
MERGED_MIN_ZIPF = 1.5
# Only a group holding a "weak" token may merge: one rarer than WEAK_ZIPF, or a single letter
# rarer than STRONG_LETTER_ZIPF (German letters are ~5.5; English "a" and "I" are above 7).
WEAK_ZIPF = 4.0
# A run is worth the dynamic programme only with a token rarer than this (a fragment).
FRAGMENT_ZIPF = 3.0
# ...next to a piece at most this long that is no common short word ("und", "in")...
SHORT_PIECE = 3
COMMON_SHORT_ZIPF = 5.5
# ...or a lowercase piece this rare ("sammen" 2.1) next to any short piece.
UNSEEN_FRAGMENT_ZIPF = 2.5
UNSEEN_MAX_LEN = 7
STRONG_LETTER_ZIPF = 6.5


def normalise_spaces(text: str) -> list[Edit]:
    """Make every run of horizontal spaces one ASCII space; line breaks stay as they are."""
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return []
    return [Edit(m.start(), m.end(), " ", "space.normalise") for m in _ODD_SPACE_RUN.finditer(text)]


class _Token(NamedTuple):
    start: int
    end: int
    lead: str
    core: str
    trail: str


def _tokens(line: str, pos: int) -> list[_Token | None]:
    """The line's space-separated tokens; None for one that can never be part of a word."""
    out: list[_Token | None] = []
    for m in _TOKEN_SPAN.finditer(line):
        word = m.group()
        if word.isalpha():  # most tokens: all letters, which the full match takes as the core
            out.append(_Token(pos + m.start(), pos + m.end(), "", word, ""))
            continue
        t = _TOKEN_RE.fullmatch(word)
        out.append(
            _Token(pos + m.start(), pos + m.end(), t.group(1), t.group(2), t.group(3))
            if t
            else None
        )
    return out


def _runs(tokens: Sequence[_Token | None]) -> list[list[_Token]]:
    """Maximal stretches of word tokens with no punctuation between them."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for tok in tokens:
        if tok is not None and current and not current[-1].trail and not tok.lead:
            current.append(tok)
            continue
        if len(current) > 1:
            runs.append(current)
        current = [tok] if tok is not None else []
    if len(current) > 1:
        runs.append(current)
    return runs


@lru_cache(maxsize=1 << 16)
def gender_split(word: str) -> tuple[str | None, int | None]:
    """The base of a gender form and where its suffix starts; (None, None) for a bad marker."""
    marks = [found.start() for found in _MARKER_RE.finditer(word)]
    if len(marks) > 1:
        return None, None
    if marks:
        m = marks[0]
        return (word[:m], m) if m > 0 and word[m + 1 :] in GENDER_TAILS else (None, None)
    for suffix in INNER_I_SUFFIXES:
        at = len(word) - len(suffix)
        if at > 0 and word.endswith(suffix) and word[at - 1].islower():
            return word[:at], at
    return word, None


# What may follow a split inside a gender suffix: the rest of "innen".
_TAIL_PIECES = frozenset({"n", "en", "nen", "nnen", "N", "EN", "NEN", "NNEN"})


# The scorer of the document being read, so each word is looked up once per document.
# One only: a scorer holds its lexicon, so a cache keyed on lexicons never let one go.
_LAST_SCORER: list[_Scorer] = []


def _scorer(lex: Lexicon) -> _Scorer:
    if not _LAST_SCORER or _LAST_SCORER[0].lex is not lex:
        _LAST_SCORER[:] = [_Scorer(lex)]
    return _LAST_SCORER[0]


def _tailish(core: str) -> bool:
    """A token that may hold or continue a gender suffix."""
    return core in _TAIL_PIECES or _has_marker(core) or "I" in core


def _has_marker(core: str) -> bool:
    """A gender marker in a token's core (where `_TOKEN_RE` has it only between letters)."""
    return ":" in core or "*" in core or "_" in core


# What a token as written may tell the quick look (`_language_sign`).
_LONE, _FRAGMENT = 1, 2


# Each language's `_language_sign` of every token seen, across documents (most tokens are
# common words); emptied when it outgrows ZIPF_CACHE_SIZE.
_SIGNS: dict[str, dict[str, int]] = {}


def _language_signs(lang: str, tokens: list[str]) -> list[int | None]:
    """`_language_sign` of each token, from the cache where it is known."""
    cache = _SIGNS.get(lang)
    if cache is None or len(cache) > ZIPF_CACHE_SIZE:
        cache = _SIGNS[lang] = {}
    signs = list(map(cache.get, tokens))
    if None in signs:
        for k, token in enumerate(tokens):
            if signs[k] is None:
                signs[k] = cache[token] = _language_sign(lang, token)
    return signs


def _language_sign(lang: str, token: str) -> int:
    """What a token may tell of letter-spacing as far as the language's word list knows
    (`_language_signs` keeps it): _LONE for a letter standing
    alone ("Rechts an w ältin"), _FRAGMENT for letters that are rarer than a fragment once
    the punctuation is off, else 0. The document's own words decide the rest."""
    if len(token) == 1 and _is_letter(token):
        return _LONE
    word = token.strip(_PUNCT)
    return _FRAGMENT if word.isalpha() and language_zipf(lang, word) < FRAGMENT_ZIPF else 0


@dataclass
class _Scorer:
    """Word scores for one document (see `_scorer`), each word looked up once."""

    lex: Lexicon
    zipfs: dict[str, float] = field(default_factory=dict)

    def zipf(self, word: str) -> float:
        key = word.casefold()
        z = self.zipfs.get(key)
        if z is None:
            z = self.lex.zipf(key)
            if self.lex.count(key) >= DOC_MIN_COUNT:
                z = max(z, DOC_ZIPF)
            self.zipfs[key] = z
        return z

    def score(self, word: str) -> float:
        z = self.zipf(word)
        return z - ZIPF_CEILING if z > 0 else -ZIPF_CEILING - UNKNOWN_PER_CHAR * len(word)

    def token_score(self, core: str) -> float:
        base, _ = gender_split(core)
        return self.score(core if base is None else base)

    def weak(self, core: str) -> bool:
        base, _ = gender_split(core)
        if base is None:
            return True
        z = self.zipf(base)
        return z < WEAK_ZIPF or (len(base) == 1 and z < STRONG_LETTER_ZIPF)


@dataclass
class _Run:
    """A run of tokens with what the dynamic programme needs to know about each."""

    tokens: list[_Token]
    scorer: _Scorer
    cores: list[str] = field(init=False)
    weak: list[bool] = field(init=False)
    single: list[bool] = field(init=False)
    letter_gap: list[bool] = field(init=False)
    # Prefix counts of weak tokens and of tokens that may continue a gender suffix.
    n_weak: list[int] = field(init=False)
    n_tail: list[int] = field(init=False)
    n_single: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.cores = [t.core for t in self.tokens]
        self.weak = [self.scorer.weak(core) for core in self.cores]
        self.single = [len(core) == 1 for core in self.cores]
        self.n_weak = list(accumulate(self.weak, initial=0))
        self.n_single = list(accumulate(self.single, initial=0))
        self.n_tail = list(accumulate(map(_tailish, self.cores), initial=0))
        self.letter_gap = [False] * (len(self.tokens) - 1)
        k = 0
        while k < len(self.tokens):
            end = k
            while end < len(self.tokens) and self.single[end]:
                end += 1
            if end - k >= LETTER_RUN_MIN:
                self.letter_gap[k : end - 1] = [True] * (end - 1 - k)
            k = max(end, k + 1)

    def may_merge(self, j: int, i: int) -> bool:
        """Whether tokens[j:i] hold a weak token or a piece of a gender suffix (a quick test)."""
        return self.n_weak[i] > self.n_weak[j] or self.n_tail[i] > self.n_tail[j]

    def group_score(self, j: int, i: int) -> float | None:
        """Score of tokens[j:i] rejoined as one word; None where that is not allowed."""
        if not self.may_merge(j, i):
            return None
        cores = self.cores[j:i]
        merged = "".join(cores)
        base, suffix_at = gender_split(merged)
        if base is None or not _cased_ok(merged, suffix_at):
            return None
        penalty, free = 0.0, False
        q = 0
        for k, core in enumerate(cores[:-1]):
            q += len(core)
            if suffix_at is not None and q > suffix_at:
                free = True  # the space splits the gender suffix itself: "t:in nen"
            else:
                penalty += LETTER_GAP_PENALTY if self.letter_gap[j + k] else SPACE_PENALTY
        if not (free or self.n_weak[i] > self.n_weak[j]):
            return None
        if penalty and not self.scorer.lex.known(base, MERGED_MIN_ZIPF):
            return None
        if not free and _rarer_than_parts(base, cores, self.scorer):
            return None
        return self.scorer.score(base) - penalty

    def best_groups(self) -> list[tuple[int, int]]:
        """The highest-scoring partition into groups, as (start, end) token indexes."""
        n = len(self.tokens)
        best = [0.0] + [float("-inf")] * n
        back = [0] * (n + 1)
        n_single, n_weak, n_tail = self.n_single, self.n_weak, self.n_tail
        for i in range(1, n + 1):
            best[i] = best[i - 1] + self.scorer.token_score(self.tokens[i - 1].core)
            back[i] = i - 1
            for j in range(i - 2, -1, -1):
                size = i - j
                letters = n_single[i] - n_single[j] == size
                if size > (MAX_LETTER_GROUP if letters else MAX_GROUP_TOKENS):
                    break
                if not (n_weak[i] > n_weak[j] or n_tail[i] > n_tail[j]):
                    continue  # `may_merge`, asked here: no group to score
                score = self.group_score(j, i)
                if score is not None and best[j] + score > best[i]:
                    best[i], back[i] = best[j] + score, j
        groups: list[tuple[int, int]] = []
        i = n
        while i > 0:
            groups.append((back[i], i))
            i = back[i]
        return groups[::-1]


def _rarer_than_parts(word: str, cores: Sequence[str], scorer: _Scorer) -> bool:
    """The rejoined word is rarer than the rarest piece it would be made of: words that
    stand apart ("et cetera", "ipso facto"), not a word spaced apart, whose pieces are
    fragments rarer than the word ("zu sammen", "Adres sa"). A lone letter among the pieces
    is letter-spacing's own sign ("Ha us h alt"): no test then.

    >>> from broadsheet.repair.lexicon import Lexicon
    >>> scorer = _Scorer(Lexicon("de"))
    >>> _rarer_than_parts("etcetera", ["et", "cetera"], scorer)
    True
    >>> _rarer_than_parts("zusammen", ["zu", "sammen"], scorer)
    False
    """
    if any(len(c) == 1 for c in cores):
        return False
    return scorer.zipf(word) < min(scorer.zipf(c) for c in cores)


def _cased_ok(merged: str, suffix_at: int | None) -> bool:
    """A rejoined word is all capitals, or has capitals only first and in an inner-I suffix."""
    if merged.isupper():
        return True
    body = merged[1:]
    if suffix_at is not None and merged[suffix_at] == "I":
        body = merged[1:suffix_at] + merged[suffix_at + 1 :]
    # `islower` (cased letters all lowercase) rules out a capital at once: most bodies.
    return body.islower() or not any(map(str.isupper, body))


def _promising_cores(cores: list[str], scorer: _Scorer) -> bool:
    """A quick look before the dynamic programme. Letter-spacing leaves a piece of a gender
    suffix, a single letter that is no word (or two in a row), or a fragment that is no word
    beside a short piece; ordinary prose, names included, rarely has these."""
    for k, core in enumerate(cores):
        # (A token's core holds a gender marker only between letters: `_TOKEN_RE`.)
        if _has_marker(core) or (k > 0 and core in _TAIL_PIECES) or core.find("I", 1) >= 0:
            return True
        nxt = cores[k + 1] if k + 1 < len(cores) else ""
        if len(core) == 1 and (len(nxt) == 1 or scorer.weak(core)):
            return True
        # (`_split_pair` needs a short piece: most pairs of words are told without a call.)
        short = 2 <= len(nxt) <= SHORT_PIECE or 2 <= len(core) <= SHORT_PIECE
        if nxt and short and _split_pair(core, nxt, scorer):
            return True
    return False


def _promising_text(text: str, scorer: _Scorer) -> bool:
    """`_promising_cores` for a whole line, cheaper: regexes for the suffix and letter
    signals, a word check at each gender marker and lone letter, then a look beside the
    pieces that are no word only."""
    if any(sign.search(text) for sign in _QUICK_SIGNS) or _broken_gender(text, scorer):
        return True
    tokens, lang = text.split(), scorer.lex.lang
    last = len(tokens) - 1
    signs = _language_signs(lang, tokens)
    for k in [k for k, sign in enumerate(signs) if sign]:
        sign = signs[k]
        token = tokens[k]
        if sign == _LONE:
            if scorer.weak(token):
                return True
            continue
        word = token.strip(_PUNCT)
        if scorer.lex.count(word) >= DOC_MIN_COUNT:
            continue  # the document's own word (`_Scorer.zipf`)
        # Every pair that may be split holds such a fragment (`_fragment_pair`).
        before = tokens[k - 1].strip(_PUNCT) if k else ""
        after = tokens[k + 1].strip(_PUNCT) if k < last else ""
        if (before and _split_pair(before, word, scorer)) or (
            after and _split_pair(word, after, scorer)
        ):
            return True
    return False


def _is_letter(char: str) -> bool:
    """A letter as regexes' [^\\W\\d_] take it. One standing alone ("Rechts an w ältin")
    is a sign of letter-spacing unless it is a word ("a", "I")."""
    return char.isalnum() and not char.isdecimal()


def _broken_gender(text: str, scorer: _Scorer) -> bool:
    """A gender form letter-spacing may have broken: a bad suffix ("Lehrer:inne") or a weak
    base ("t:in", "ter:innen"). An intact form of a common word ("Lehrer:innen", frequent
    in German news) is no sign: it merges with no neighbour unless one is a fragment."""
    for m in _GENDER_MARK_RE.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        if scorer.weak(text[start:end]):
            return True
    return False


def _split_pair(left: str, right: str, scorer: _Scorer) -> bool:
    """Neighbours that may be one word spaced apart: a fragment beside a short piece, either
    way round (`_fragment_pair`), whose join is cased as a word may be ("Adres sa"; not
    "Sommerfeld Lea" or "InfraGO DB", whose joins have a capital inside)."""
    found = (2 <= len(right) <= SHORT_PIECE and _fragment_pair(left, right, scorer)) or (
        2 <= len(left) <= SHORT_PIECE and _fragment_pair(right, left, scorer)
    )
    if not found:
        return False
    merged = left + right
    base, suffix_at = gender_split(merged)
    return base is None or _cased_ok(merged, suffix_at)


def _fragment_pair(fragment: str, short: str, scorer: _Scorer) -> bool:
    """A piece that is no word beside a short piece that is no common word ("Adres sa"),
    or a short lowercase piece hardly ever seen beside any short word ("zu sammen").
    `_split_pair` has checked the short piece's length; the cheap tests come first."""
    if not (fragment.isalpha() and short.isalpha()):
        return False  # letter-spacing cuts words into letters, not numbers ("60", "2,1")
    rarity = scorer.zipf(fragment)
    if rarity >= FRAGMENT_ZIPF:
        return False
    if fragment.islower() and len(fragment) <= UNSEEN_MAX_LEN and rarity < UNSEEN_FRAGMENT_ZIPF:
        return True
    return scorer.zipf(short) < COMMON_SHORT_ZIPF


def rejoin_letterspaced(text: str, lex: Lexicon) -> list[Edit]:
    """Take out spaces inside words (Sperrsatz, split gender forms) where words say so."""
    edits: list[Edit] = []
    scorer = _scorer(lex)
    pos = 0
    for line in text.split("\n"):
        if not _promising_text(line, scorer):
            pos += len(line) + 1
            continue
        for tokens in _runs(_tokens(line, pos)):
            if not _promising_cores([t.core for t in tokens], scorer):
                continue
            run = _Run(tokens, scorer)
            if not run.may_merge(0, len(tokens)):
                continue
            for j, i in run.best_groups():
                edits.extend(
                    Edit(a.end, b.start, "", "space.rejoin")
                    for a, b in zip(tokens[j : i - 1], tokens[j + 1 : i], strict=True)
                )
        pos += len(line) + 1
    return edits
