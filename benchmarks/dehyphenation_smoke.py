"""Quick sanity figures for line-end hyphen decisions; not the full benchmark.

Syllable breaks come from pyphen (a benchmark-only dependency: `pip install pyphen`) at a
random break of words sampled from wordfreq's lists; real hyphenated compounds are built
from acronyms, adjective pairs and a few English compounds. The document vocabulary is only
the two line fragments, so no decision sees the test word as document evidence; the
"unseen" sets also hide the joined word from wordfreq, as for a novel compound.

Run: python benchmarks/dehyphenation_smoke.py [--n 1500] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyphen  # type: ignore[import-untyped]

from broadsheet.repair.hyphens import decide_junction
from broadsheet.repair.lexicon import Lexicon, frequencies

SAMPLE_ZIPF = (2.0, 5.5)  # everyday to rare words, skipping function words
MIN_LENGTH = 6
# fmt: off
ACRONYMS = ("SPD", "CDU", "CSU", "FDP", "EU", "UN", "USA", "NATO", "ARD", "ZDF", "DGB", "BND")
ADJECTIVES_DE = (
    "rot", "grün", "schwarz", "gelb", "blau", "weiß", "deutsch", "französisch", "russisch",
    "ukrainisch", "polnisch", "britisch", "amerikanisch", "christlich", "sozial", "liberal",
    "politisch", "wirtschaftlich", "militärisch", "kulturell", "technisch", "medizinisch",
)
ENDINGS_DE = ("e", "en", "er", "es")
COMPOUNDS_EN = (
    "long-term", "short-term", "well-known", "self-employed", "full-time", "part-time",
    "high-quality", "low-income", "middle-class", "state-owned", "so-called", "record-breaking",
    "left-wing", "right-wing", "two-thirds", "year-old", "follow-up", "long-standing", "front-page",
    "open-source", "co-founder", "ex-wife", "anti-war", "post-war", "pre-war", "far-right",
    "world-class", "half-hour", "large-scale", "old-fashioned", "hard-working", "fast-growing",
    "best-known", "little-known",
)
# fmt: on


@dataclass
class HeldOut(Lexicon):
    """A lexicon that has never seen the held-out words, as for a novel compound."""

    hidden: frozenset[str] = field(default_factory=frozenset)

    def zipf(self, word: str) -> float:
        return 0.0 if word.lower() in self.hidden else super().zipf(word)


Case = tuple[str, str, str]  # left line, right line, expected outcome


def sample_words(lang: str, n: int, rng: random.Random) -> list[str]:
    """Alphabetic words of middling frequency from wordfreq's list."""
    lo, hi = 10 ** (SAMPLE_ZIPF[0] - 9), 10 ** (SAMPLE_ZIPF[1] - 9)
    words = [
        w
        for w, f in frequencies(lang).items()
        if lo <= f <= hi and w.isalpha() and len(w) >= MIN_LENGTH
    ]
    return rng.sample(sorted(words), min(n, len(words)))


def syllable_breaks(words: Iterable[str], dic: pyphen.Pyphen, rng: random.Random) -> list[Case]:
    """Each word broken at one random hyphenation point pyphen allows (spelling unchanged)."""
    cases: list[Case] = []
    for word in words:
        splits = [(a, b) for a, b in dic.iterate(word) if a + b == word]
        if splits:
            a, b = rng.choice(splits)
            cases.append((f"im Text {a}-", f"{b} weiter", "hyphen.join"))
    return cases


def capitalised(cases: list[Case]) -> list[Case]:
    """The same breaks with the word capitalised, as a German noun would be."""
    out = []
    for left, right, want in cases:
        head, _, word = left.rpartition(" ")
        out.append((f"{head} {word[:1].upper()}{word[1:]}", right, want))
    return out


def german_compounds(nouns: list[str], rng: random.Random) -> list[Case]:
    """Real hyphens: acronym + noun, number + "jährige", adjective pairs ("rot-grüne")."""
    cases: list[Case] = []
    for noun in nouns:
        cases.append((f"die {rng.choice(ACRONYMS)}-", f"{noun.capitalize()} sagt", "hyphen.keep"))
        cases.append((f"die {rng.randint(2, 99)}-", "jährige Frau", "hyphen.keep"))
    for first in ADJECTIVES_DE:
        for second in rng.sample(ADJECTIVES_DE, 5):
            if second != first:
                right = f"{second}{rng.choice(ENDINGS_DE)} Politik"
                cases.append((f"die {first}-", right, "hyphen.keep"))
    return cases


def english_compounds() -> list[Case]:
    """Real English hyphens broken at the hyphen."""
    pairs = (c.split("-", 1) for c in COMPOUNDS_EN)
    return [(f"a {first}-", f"{rest} thing", "hyphen.keep") for first, rest in pairs]


def score(
    name: str, cases: list[Case], make_lex: Callable[[str, str], Lexicon], show: int = 5
) -> None:
    """Print the share of cases decided as expected, and a few misses."""
    misses = []
    for left, right, want in cases:
        got = decide_junction(left, right, make_lex(left, right)).rule
        if got != want:
            misses.append(f"{left.split()[-1]}|{right.split()[0]} -> {got}")
    right_share = 1 - len(misses) / max(1, len(cases))
    print(f"{name:44} {len(cases):5d}  {right_share:7.1%}  e.g. {'; '.join(misses[:show])}")


def lines_only(lang: str) -> Callable[[str, str], Lexicon]:
    """The document is just the two lines: the joined word is never document evidence."""
    return lambda left, right: Lexicon.for_text([left, right], lang)


def unseen(lang: str) -> Callable[[str, str], Lexicon]:
    """As `lines_only`, and wordfreq has never seen the joined word either."""

    def make(left: str, right: str) -> Lexicon:
        joined = left.split()[-1].rstrip("-") + right.split()[0]
        base = Lexicon.for_text([left, right], lang)
        return HeldOut(lang=lang, doc=base.doc, hidden=frozenset({joined.lower()}))

    return make


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1500, help="words sampled per language")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    de_words = sample_words("de", args.n, rng)
    en_words = sample_words("en", args.n, rng)
    de_breaks = syllable_breaks(de_words, pyphen.Pyphen(lang="de_DE"), rng)
    en_breaks = syllable_breaks(en_words, pyphen.Pyphen(lang="en_US"), rng)
    print(f"{'set':44} {'cases':>5}  {'correct':>7}")
    score("de syllable breaks, lowercase (join)", de_breaks, lines_only("de"))
    score("de syllable breaks, capitalised (join)", capitalised(de_breaks), lines_only("de"))
    score("de unseen by wordfreq, lowercase (join)", de_breaks, unseen("de"))
    score("de unseen by wordfreq, capitalised (join)", capitalised(de_breaks), unseen("de"))
    score("de real hyphens (keep)", german_compounds(de_words[:300], rng), lines_only("de"))
    score("en syllable breaks (join)", en_breaks, lines_only("en"))
    score("en unseen by wordfreq (join)", en_breaks, unseen("en"))
    score("en real hyphens (keep)", english_compounds(), lines_only("en"))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
