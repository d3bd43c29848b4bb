"""Word knowledge: the document's own vocabulary first, wordfreq's word lists second.

Zipf values (log10 of occurrences per billion words) make frequencies comparable:
about 7 for "und", 3 for an everyday noun, 0 for a word wordfreq has never seen. The lists
are read from a compact cache made on first use (`repair/wordlist.py`), so wordfreq itself
is imported only on a machine's first run.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from broadsheet.repair.wordlist import WordList, load

SUPPORTED_LANGUAGES = ("de", "en")
# Texts counted per regex call by `count_words`.
COUNT_CHUNK = 1000
# Words whose zipf stays cached; a few MB, and a page uses a few thousand words.
ZIPF_CACHE_SIZE = 1 << 17

# A word: letters, possibly with inner apostrophes or hyphens (E-Mails, SPD-Fraktion).
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

# Function words that tell German from English in a few lines of text.
_MARKERS = {
    "de": frozenset(
        (
            "der die das und ist nicht mit sich auf für dem den ein eine auch von zu im es "
            "sie wird wurde dass bei nach"
        ).split()
    ),
    "en": frozenset(
        (
            "the and is not with of to in a that for on was were be by it this from are "
            "have has which"
        ).split()
    ),
}


@lru_cache(maxsize=4)
def frequencies(lang: str) -> WordList:
    """wordfreq's word list for a language, word -> frequency (loaded once per process)."""
    return load(lang)


@lru_cache(maxsize=ZIPF_CACHE_SIZE)
def language_zipf(lang: str, word: str) -> float:
    """Zipf of a word, cached across pages: every repair asks about the same words."""
    return zipf_of(frequencies(lang).get(word.casefold(), 0.0))


def zipf_of(freq: float) -> float:
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def count_words(texts: Iterable[str]) -> Counter[str]:
    """How often each word (casefolded) occurs in the texts."""
    counts: Counter[str] = Counter()
    chunk: list[str] = []
    for text in texts:  # a chunk of texts at a time: memory bounded
        chunk.append(text)
        if len(chunk) == COUNT_CHUNK:
            counts.update(words_in("\n".join(chunk).casefold()))
            chunk.clear()
    counts.update(words_in("\n".join(chunk).casefold()))
    return counts


def words_in(
    text: str, word: re.Pattern[str] = WORD_RE, whole: Callable[[str], bool] = str.isalpha
) -> list[str]:
    """`word.findall(text)` for a pattern of words that never run across white space, in a
    third less time on prose: a token between spaces that `whole` takes for one word whole
    (all letters, for WORD_RE: most tokens) needs no regex; only the others are searched."""
    words: list[str] = []
    for token in text.split():
        if whole(token):
            words.append(token)
        else:
            words += word.findall(token)
    return words


# German and English prose: their function words (_MARKERS) make a fifth or more of its
# words (0.20 to 0.32 on every real page in ../shared); French or Spanish news text reaches
# 0.05 at most. Below this share, the text is in neither language.
MIN_MARKER_SHARE = 0.08
# Fewer words than this are too few to say that a text is in neither language.
MIN_WORDS_FOR_LANGUAGE = 40


def language_note(counts: Mapping[str, int], lang: str) -> str | None:
    """A note when the text reads as neither supported language, though it was read as
    `lang` (the guess falls back to one): its repairs and roles may then go wrong.

    >>> language_note({"le": 30, "conseil": 10, "a": 2}, "en") is not None
    True
    >>> language_note({"the": 20, "council": 30}, "en") is None
    True
    """
    total = sum(counts.values())
    if total < MIN_WORDS_FOR_LANGUAGE:
        return None
    share = sum(counts.get(w, 0) for w in _MARKERS[lang]) / total
    if share >= MIN_MARKER_SHARE:
        return None
    return (
        f"the text reads as neither German nor English ({share:.0%} of its words are "
        f"{lang} function words, against a fifth or more in either); it was read as {lang}: "
        "broadsheet supports de and en (set the language if the text is in one of them)"
    )


def guess_language(counts: Mapping[str, int], default: str = "de") -> str:
    """The supported language whose function words are most frequent among the word counts."""
    scores = {lang: sum(counts.get(w, 0) for w in words) for lang, words in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default


@dataclass(eq=False)
class Lexicon:
    """What counts as a word in one document: its own tokens plus a frequency list.

    Compared and hashed by identity: one document's lexicon is the key of the memos that
    repairs keep for it (see `repair/spacing.py`)."""

    lang: str = "de"
    doc: Counter[str] = field(default_factory=Counter)

    @classmethod
    def for_text(cls, texts: Iterable[str], lang: str) -> Lexicon:
        """Count the document's own words (casefolded) as first evidence."""
        return cls(lang=lang, doc=count_words(texts))

    def zipf(self, word: str) -> float:
        """Zipf frequency of a word in the language's word list (0 if unseen).

        wordfreq's keys are casefolded ("weiss" for "weiß"), so lookups casefold too.
        """
        return language_zipf(self.lang, word)

    def listed(self, word: str) -> bool:
        """Whether the word list has the word at all (no caching: for one-off candidates)."""
        return word.casefold() in frequencies(self.lang)

    def count(self, word: str) -> int:
        """How often the document itself uses the word."""
        return self.doc.get(word.casefold(), 0)

    def known(self, word: str, min_zipf: float = 1.5) -> bool:
        """A word of the language: used elsewhere in the document, or listed often enough."""
        return self.count(word) > 0 or self.zipf(word) >= min_zipf
