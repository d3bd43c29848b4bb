"""Broken glyphs: typographic ligatures, mojibake and the stand-in characters of broken fonts.

A PDF whose font lacks a usable ToUnicode map yields private-use characters, U+FFFD or stray
letters where ligatures (ff, fi, ffi, ...) or even spaces were. Such a font is broken the same
way throughout a document, so `learn_glyph_map` learns what each stand-in means from all of
its occurrences, and `fix_glyphs` applies that per occurrence, checking words as it goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from broadsheet.model import Edit
from broadsheet.repair.lexicon import WORD_RE, Lexicon

if TYPE_CHECKING:
    import ftfy

# Unicode's Latin ligature presentation forms, spelled out.
LIGATURES: dict[str, str] = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}  # fmt: skip
_LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")

# What a broken glyph may stand for: a space, a ligature or letter pair, or nothing at all.
CANDIDATES: tuple[str, ...] = (
    " ", "ff", "fi", "fl", "ffi", "ffl", "ft", "tt", "fb", "fh", "fk", "fj", "st", "ck", "ch", "",
)  # fmt: skip

# Soft hyphens in their two guises belong to the hyphen repairs, not to this module.
NOT_SUSPICIOUS = frozenset("\u00ad\ufffe")
REPLACEMENT_CHAR = "\ufffd"
# Letters outside Latin-1 and Latin Extended-A that ordinary Romanian text still uses.
ROMANIAN_LETTERS = frozenset("ȘșȚț")
# Everything below U+0180 is Basic Latin, Latin-1 Supplement or Latin Extended-A.
ORDINARY_LETTER_LIMIT = 0x180
# Only characters from there on can be stand-ins (U+00AD, below, is a soft hyphen), and not
# the dashes, quotes, bullets and ellipsis of General Punctuation, which every page sets
# ("„", "–", "‐"): no fix here takes or gives them, and a line of them is still plain.
_BEYOND_ORDINARY = re.compile("[^\x00-\u017f\u2010-\u2027\u2030-\u205e]")

# A restored word must be this common in wordfreq (or used cleanly elsewhere in the document):
# below about 2, wordfreq's lists are full of fragments like "nished" or "ziell".
KNOWN_ZIPF = 2.0
# The zipf a word gets when the document itself uses it cleanly (names, rare compounds).
DOC_ZIPF = 3.0
# Words are scored as log-probabilities: zipf 9 would be a word making up every token.
ZIPF_CEILING = 9.0
# Log-odds in favour of the document-wide reading of a glyph: a broken font is consistent,
# so another reading must beat it clearly (here by three orders of magnitude).
DEFAULT_BONUS = 3.0
# Most rounds of re-reading each glyph with its neighbours' readings filled in (adjacent
# stand-ins need a second round; readings settle after that).
CONTEXT_ROUNDS = 4
# Most passes of `fix_glyphs` over its own output (each pass only ever reads more sites).
FIX_PASSES = 4

# A mojibake sequence starts with a UTF-8 lead byte read as Latin-1 (Â..ô) followed by a
# continuation byte read as Latin-1 or Windows-1252; a C1 control is a lone cp1252 byte.
# The pattern opens on one set of both, which the regex engine scans for fast, then looks
# back at which it was (as two alternatives it would try at every character).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_HINT = re.compile(
    f"[\u0080-\u009f\u00c2-\u00f4]"
    f"(?:(?<=[\u0080-\u009f])|(?<=[\u00c2-\u00f4])[\u0080-\u00bf{_CP1252_HIGH}])"
)
# Most rounds of ftfy per line: rejecting one word's repair changes what ftfy makes of the rest.
MOJIBAKE_PASSES = 3


def plain(text: str) -> bool:
    """True when no glyph or encoding fix can change the text: nothing beyond Latin
    Extended-A and common punctuation, no soft hyphen, no mojibake pattern. Most lines of
    a page are plain."""
    return not (_BEYOND_ORDINARY.search(text) or "\u00ad" in text or _MOJIBAKE_HINT.search(text))


def expand_ligatures(text: str) -> list[Edit]:
    """Spell out ligature presentation forms, which search and word lists do not know."""
    return [
        Edit(m.start(), m.end(), LIGATURES[m.group()], "glyph.ligature")
        for m in _LIGATURE_RE.finditer(text)
    ]


def fix_mojibake(text: str) -> list[Edit]:
    """Undo UTF-8 read as Latin-1/cp1252 ("GrÃ¼ÃŸe"), line by line, where ftfy is sure."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if _MOJIBAKE_HINT.search(line):
            fixed = _safe_fix_encoding(line)
            if fixed != line:
                edits.append(_line_edit(line, fixed, pos))
        pos += len(line) + 1
    return edits


def _safe_fix_encoding(line: str) -> str:
    """ftfy's repair of one line, keeping only the words it plainly decodes.

    ftfy may also read a lone "Ã" before a space as "à"; comparing word by word and keeping
    only changes that shrink byte sequences to characters rules such guesses out.
    """
    for _ in range(MOJIBAKE_PASSES):  # a rejected word can hide what ftfy sees in the rest
        fixed = _fix_words(line)
        if fixed == line:
            break
        line = fixed
    return line


def _fix_words(line: str) -> str:
    fixed = _fix_encoding(line)
    if fixed == line:
        return line
    old_words = line.split(" ")
    new_words = fixed.split(" ")
    if len(new_words) != len(old_words):
        new_words = [_fix_encoding(w) for w in old_words]
    kept = (
        new if _plain_decoding(old, new) else old
        for old, new in zip(old_words, new_words, strict=True)
    )
    return " ".join(kept)


def _fix_encoding(text: str) -> str:
    """ftfy's `fix_encoding` as `_ftfy_config` sets it. ftfy (35 ms to import) is imported
    here, on the first line that looks like mojibake: most documents have none."""
    import ftfy

    return ftfy.fix_encoding(text, _ftfy_config())


@cache
def _ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy without its guesses: no "Ã " read as "à", no lossy sequences turned into U+FFFD."""
    import ftfy

    return ftfy.TextFixerConfig(restore_byte_a0=False, replace_lossy_sequences=False)


def _plain_decoding(old: str, new: str) -> bool:
    """A decoding shrinks byte sequences to characters and invents no control or odd chars."""
    if old == new:
        return True
    shrinks = len(new) < len(old) or all(0x80 <= ord(c) <= 0x9F for c in old)
    before = Counter(old)
    return shrinks and not any(_odd(c) and n > before[c] for c, n in Counter(new).items())


def _odd(ch: str) -> bool:
    return ch == REPLACEMENT_CHAR or unicodedata.category(ch) in ("Cc", "Cn", "Co")


def _line_edit(line: str, fixed: str, pos: int) -> Edit:
    """One edit for a changed line: what lies between the common prefix and suffix."""
    n = min(len(line), len(fixed))
    pre = 0
    while pre < n and line[pre] == fixed[pre]:
        pre += 1
    suf = 0
    while suf < n - pre and line[-1 - suf] == fixed[-1 - suf]:
        suf += 1
    return Edit(
        pos + pre, pos + len(line) - suf, fixed[pre : len(fixed) - suf], "encoding.mojibake"
    )


# --- broken fonts -------------------------------------------------------------------------


def _ordinary_letter(ch: str) -> bool:
    return ord(ch) < ORDINARY_LETTER_LIMIT or ch in ROMANIAN_LETTERS


def is_suspicious(text: str, i: int) -> bool:
    """Whether `text[i]` is a stand-in of a broken font rather than a real character."""
    ch = text[i]
    if ch in NOT_SUSPICIOUS or ch in LIGATURES:  # real ligatures are `expand_ligatures`' job
        return False
    if ch == REPLACEMENT_CHAR:
        return True
    category = unicodedata.category(ch)
    if category in ("Co", "Cn"):
        return True
    if category[0] != "L" or _ordinary_letter(ch):
        return False
    # A stray letter: an exotic letter wedged between ordinary lowercase letters.
    return 0 < i < len(text) - 1 and all(
        c.islower() and _ordinary_letter(c) for c in (text[i - 1], text[i + 1])
    )


@dataclass(frozen=True)
class GlyphMap:
    """What each stand-in character means in one document, with the evidence for it.

    `evidence[ch][candidate]` counts the occurrences that reading won; `fragments` counts,
    per casefolded word, the times the document's word list saw it next to a stand-in
    (such fragments must not count as words the document uses).
    """

    mapping: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, dict[str, int]] = field(default_factory=dict)
    fragments: dict[str, int] = field(default_factory=dict)


@dataclass
class _Words:
    """Scores candidate words: a log-probability, or None for a word nobody knows."""

    lex: Lexicon
    fragments: Mapping[str, int]
    cache: dict[str, float | None] = field(default_factory=dict)
    readings: dict[tuple[str, str, str | None], str | None] = field(default_factory=dict)

    def score(self, word: str) -> float | None:
        key = word.casefold()
        if key not in self.cache:
            zipf = self.lex.zipf(key)
            if self.lex.count(key) > self.fragments.get(key, 0):
                zipf = max(zipf, DOC_ZIPF)
            self.cache[key] = zipf - ZIPF_CEILING if zipf >= KNOWN_ZIPF else None
        return self.cache[key]


def _sites(text: str, extra: Iterable[str] = ()) -> list[int]:
    """Offsets of stand-in characters (and of characters a learned map already covers)."""
    mapped = frozenset(extra)
    return [
        m.start()
        for m in _BEYOND_ORDINARY.finditer(text)
        if is_suspicious(text, m.start()) or (m.group() in mapped and not m.group().isspace())
    ]


def _fragments(text: str, sites: Sequence[int]) -> Counter[str]:
    """The document words that touch a stand-in: pieces of broken words, not words."""
    marks = frozenset(sites)
    found: Counter[str] = Counter()
    for start, end in sorted({_spaced_run(text, i) for i in sites}):
        for m in WORD_RE.finditer(text, start, end):
            if any(i in marks for i in range(m.start() - 1, m.end() + 1)):
                found[m.group().casefold()] += 1
    return found


def _spaced_run(text: str, i: int) -> tuple[int, int]:
    """The stretch of non-space characters around offset `i`."""
    start, end = i, i + 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _side(text: str, i: int, step: int, guess: Mapping[int, str | None]) -> str:
    """The letters next to position `i` in one direction, neighbours' readings filled in."""
    parts: list[str] = []
    j = i + step
    while 0 <= j < len(text):
        if j in guess:
            reading = guess[j]
            if reading is None or (reading and not reading.isalpha()):
                break
            parts.append(reading if step > 0 else reading[::-1])
        elif text[j].isalpha():
            parts.append(text[j])
        else:
            break
        j += step
    joined = "".join(parts)
    return joined if step > 0 else joined[::-1]


def _reading_score(left: str, cand: str, right: str, words: _Words) -> float | None:
    """How likely the words are that `cand` between `left` and `right` makes; None if unknown."""
    if cand == " ":
        if not (left or right):
            return None
        # A space beside a number or a sign ("mit 40"): the word on the other side alone.
        parts: tuple[str, ...] = tuple(p for p in (left, right) if p)
    elif (left and right) or (cand and (left or right)):
        parts = (left + cand + right,)
    else:
        return None
    total = 0.0
    for word in parts:
        score = words.score(word)
        if score is None:
            return None
        total += score
    return total


def _best_reading(left: str, right: str, default: str | None, words: _Words) -> str | None:
    """The candidate that makes the likeliest known words, the learned default favoured."""
    key = (left, right, default)
    if key in words.readings:
        return words.readings[key]
    best: str | None = None
    best_score = float("-inf")
    for cand in CANDIDATES:
        score = _reading_score(left, cand, right, words)
        if score is None:
            continue
        if cand == default:
            score += DEFAULT_BONUS
        if score > best_score:
            best, best_score = cand, score
    words.readings[key] = best
    return best


def _settle(
    text: str,
    guess: dict[int, str | None],
    words: _Words,
    defaults: Mapping[str, str],
    fallback: bool = False,
) -> dict[int, str | None]:
    """Read each site in turn with its neighbours as currently read, until readings settle.

    With `fallback`, a site no reading makes words of takes its learned default.
    """
    guess = dict(guess)
    for _ in range(CONTEXT_ROUNDS):
        changed = False
        for i in guess:
            left, right = _side(text, i, -1, guess), _side(text, i, 1, guess)
            reading = _best_reading(left, right, defaults.get(text[i]), words)
            if reading is None and fallback:
                reading = _fallback(text, i, left, right, defaults.get(text[i]))
            changed |= reading != guess[i]
            guess[i] = reading
        if not changed:
            break
    return guess


def learn_glyph_map(texts: Sequence[str], lex: Lexicon) -> GlyphMap:
    """Learn what each stand-in character means from all its occurrences in a document.

    Each round reads every occurrence with the previous round's winners as neighbours and
    defaults, so the document-wide majority settles readings that words alone leave open.
    """
    found = [(text, sites) for text in texts if (sites := _sites(text))]
    fragments: Counter[str] = Counter()
    for text, sites in found:
        fragments.update(_fragments(text, sites))
    words = _Words(lex, fragments)
    readings = [dict.fromkeys(sites, None) for _, sites in found]
    tally: dict[str, Counter[str]] = {}
    settled_before: list[dict[int, str | None]] = []
    for _ in range(CONTEXT_ROUNDS):
        mapping = _winners(tally)
        guesses = [
            {i: r if r is not None else mapping.get(text[i]) for i, r in rs.items()}
            for (text, _), rs in zip(found, readings, strict=True)
        ]
        readings = [
            _settle(text, guess, words, mapping)
            for (text, _), guess in zip(found, guesses, strict=True)
        ]
        before, tally = tally, {}
        for (text, _), rs in zip(found, readings, strict=True):
            for i, reading in rs.items():
                if reading is not None:
                    tally.setdefault(text[i], Counter())[reading] += 1
        if tally == before and readings == settled_before:
            break  # a round that changed nothing: the next would repeat it
        settled_before = readings
    return GlyphMap(
        mapping=_winners(tally),
        evidence={ch: dict(counts) for ch, counts in tally.items()},
        fragments=dict(fragments),
    )


def _winners(tally: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Each character's most frequent winning reading (ties go to the earlier candidate)."""
    return {
        ch: max(counts, key=lambda c: (counts[c], -CANDIDATES.index(c)))
        for ch, counts in tally.items()
        if counts
    }


def fix_glyphs(text: str, gmap: GlyphMap, lex: Lexicon) -> list[Edit]:
    """Replace each stand-in by the reading that makes known words, else the learned default.

    Passes repeat on the repaired text, so a stand-in that only its repaired neighbours
    explain is read too, and a second application finds nothing left to do.
    """
    readings: dict[int, str] = {}
    current, origin = text, list(range(len(text)))
    for _ in range(FIX_PASSES):
        found = _fix_pass(current, gmap, lex)
        if not found:
            break
        readings.update((origin[i], reading) for i, reading in found.items())
        current, origin = _with_readings(text, readings)
    return [
        Edit(i, i + 1, reading, "glyph.space" if reading == " " else "glyph.map")
        for i, reading in sorted(readings.items())
    ]


def _fix_pass(text: str, gmap: GlyphMap, lex: Lexicon) -> dict[int, str]:
    """One pass of `fix_glyphs`: the sites of `text` that get a new reading."""
    sites = _sites(text, gmap.mapping)
    if not sites:
        return {}
    words = _Words(lex, Counter(gmap.fragments) | _fragments(text, sites))
    initial = {i: gmap.mapping.get(text[i]) for i in sites}
    settled = _settle(text, initial, words, gmap.mapping, fallback=True)
    return {i: r for i, r in settled.items() if r is not None and r != text[i]}


def _with_readings(text: str, readings: Mapping[int, str]) -> tuple[str, list[int]]:
    """`text` with single characters replaced, and each new character's source offset."""
    pieces: list[str] = []
    origin: list[int] = []
    prev = 0
    for k in sorted(readings):
        pieces += [text[prev:k], readings[k]]
        origin += [*range(prev, k), *[k] * len(readings[k])]
        prev = k + 1
    pieces.append(text[prev:])
    origin += range(prev, len(text))
    return "".join(pieces), origin


def _fallback(text: str, i: int, left: str, right: str, default: str | None) -> str | None:
    """The learned default, where the site sits in a word or, for a space, anywhere.

    A font that draws its spaces with a stand-in does so at line ends and beside real
    spaces too; the extra space is folded later.
    """
    if default is None:
        return None
    if default == " ":
        return default
    return default if left or right else None
