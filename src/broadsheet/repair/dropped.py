"""Ligatures an extractor dropped without a trace: "con ict" for conflict, "rst" for first.

When a font's ligature glyph has no Unicode mapping, some extractors (pdftotext among
them) write nothing, or a space, in its place. What is left are fragments that are no
words; putting a ligature back is right only where it turns them into a common word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from broadsheet.model import Edit
from broadsheet.repair.hyphens import LINE_END_HYPHENS
from broadsheet.repair.lexicon import Lexicon

# Ligatures whose glyphs go missing, longest first so "ffi" wins over "ff".
DROPPED = ("ffi", "ffl", "ff", "fi", "fl", "ft")
# Words are scored as unigram log-probabilities, zipf - 9; an unseen word scores this.
UNSEEN_ZIPF = 0.5
# Prior against a ligature having vanished at one given spot (log10 odds): restoring must
# make the text that much likelier.
DROP_PENALTY = 3.0
# No restored word is commoner than this, which bounds what a fragment can turn into.
MAX_WORD_ZIPF = 7.0
# Fragments shorter than this at a word edge are too ambiguous to extend ("re" -> "fire").
MIN_EDGE_FRAGMENT = 3

# Documents whose words hold "ff", "fi", "fl" or "ft" at least this often (a share of all
# words; German and English prose run at 2-5 %) keep their ligatures: nothing to restore.
KEPT_LIGATURE_SHARE = 0.015
# Below this many words the share says too little; look everywhere.
MIN_WORDS_FOR_SHARE = 300

_TOKEN_RE = re.compile(r"[^\W\d_]+")
_LIGATURE_LETTERS_RE = re.compile(r"f[filt]", re.IGNORECASE)


def drops_ligatures(words: Mapping[str, int]) -> bool:
    """Does a document with these word counts look like one whose extractor dropped
    ligature glyphs? Its words would hardly ever hold the letter pairs ligatures stand for."""
    total = sum(words.values())
    if total < MIN_WORDS_FOR_SHARE:
        return True
    kept = sum(
        n * len(_LIGATURE_LETTERS_RE.findall(w))
        for w, n in words.items()
        if "f" in w or "F" in w  # a cheap test first: most words hold no f
    )
    return kept < KEPT_LIGATURE_SHARE * total


def restore_dropped_ligatures(text: str, lex: Lexicon, continues: str = "") -> list[Edit]:
    """Put back ligatures that left a gap inside a word or vanished at its edge. A word
    hyphenated at the line's end goes on on the next line: its piece there lost nothing at
    its end (when unsure, keep). A line that `continues` a word cut on the line before
    opens with the rest of it; that rest lost nothing at its start if the two make a word
    ("Fi-" + "nanzierung" would become "Fifinanzierung"; "Arbeits-" + "üchtlinge" did lose
    an "fl").

    >>> lex = Lexicon("de")
    >>> [e.new for e in restore_dropped_ligatures("nanzierung der Schule", lex, "Fi")]
    []
    >>> [e.new for e in restore_dropped_ligatures("die nanzierung der", lex)]
    ['fi']
    """
    edits: list[Edit] = []
    tokens = list(_TOKEN_RE.finditer(text))
    pieces = _word_pieces(text, tokens, continues, lex)
    used: set[int] = set()
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and k not in used and text[tok.end() : nxt.start()] == " ":
            lig = _gap_ligature(tok.group(), nxt.group(), lex)
            if lig is not None:
                edits.append(Edit(tok.end(), nxt.start(), lig, "glyph.dropped"))
                used.update((k, k + 1))
                continue
        if k not in used and k not in pieces:
            edit = _edge_ligature(tok, lex)
            if edit is not None:
                edits.append(edit)
                used.add(k)
    return edits


def _word_pieces(text: str, tokens: list[re.Match[str]], continues: str, lex: Lexicon) -> set[int]:
    """The tokens that are whole pieces of a word hyphenated across lines: the last, if a
    hyphen ends the line right after it; the first, if it opens the line and makes a
    listed word with the piece the line before ends with (`continues`)."""
    pieces: set[int] = set()
    end = text.rstrip()
    if tokens and end[-1:] in LINE_END_HYPHENS and tokens[-1].end() == len(end) - 1:
        pieces.add(len(tokens) - 1)
    opens = bool(tokens) and not text[: tokens[0].start()].strip()
    if opens and continues and lex.listed(continues + tokens[0].group()):
        pieces.add(0)
    return pieces


def _logp(word: str, lex: Lexicon) -> float:
    """log10 probability of a word from the word list alone.

    The document's own counts are no evidence here: a font that drops a ligature drops it
    every time, so the same fragment ("ict") recurs.
    """
    return max(lex.zipf(word), UNSEEN_ZIPF) - 9.0


def _gap_ligature(left: str, right: str, lex: Lexicon) -> str | None:
    """ "con" + "ict" -> "fl": one word with a ligature is likelier than two fragments."""
    if not right.islower():
        return None
    split = _logp(left, lex) + _logp(right, lex)
    if split >= MAX_WORD_ZIPF - 9.0 - DROP_PENALTY:
        return None  # two words this common: no restored word can be likelier
    for lig in DROPPED:
        merged = left + lig + right
        if lex.listed(merged) and _logp(merged, lex) - DROP_PENALTY > split:
            return lig
    return None


def _edge_ligature(tok: re.Match[str], lex: Lexicon) -> Edit | None:
    """ "rst" -> "first": a fragment one ligature short of a much likelier word."""
    word = tok.group()
    if len(word) < MIN_EDGE_FRAGMENT or not word[1:].islower():
        return None
    alone = _logp(word, lex)
    if alone + DROP_PENALTY >= MAX_WORD_ZIPF - 9.0:
        return None  # too common already: no word is likely enough to beat it
    for lig in DROPPED:
        before, after = lig + word, word + lig
        if word.islower() and lex.listed(before) and _logp(before, lex) - DROP_PENALTY > alone:
            return Edit(tok.start(), tok.start(), lig, "glyph.dropped")
        if lex.listed(after) and _logp(after, lex) - DROP_PENALTY > alone:
            return Edit(tok.end(), tok.end(), lig, "glyph.dropped")
    return None
