"""Real German news text as page stories, read at run time from the shared corpus.

The 10kGNAD texts (DER STANDARD, CC BY-NC-SA 4.0: see ../shared/corpus/README.md) are one
paragraph each, without headline, caption or byline. Set on a page they give real sentence
lengths, names, numbers and compounds, which the project's hand-written corpus cannot. Each
text becomes a headline-less story cut into paragraphs of a few sentences; its category
label ("Inland", "Sport") is a real department name and serves as kicker. Headline, caption
and credit are borrowed from the project's German corpus (cycled), not composed from the
text's first words: a headline repeating the body's opening would hand the parser a cue real
pages do not give. Nothing of the corpus is copied into the repository.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import replace
from pathlib import Path

from benchmarks.pagegen.corpus import Story, load_corpus

NEWS_CSV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "de-news-10kGNAD-500.csv"
# Sentence ends: a full stop, question or exclamation mark before a capital or a quote.
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
# Texts shorter than this many sentences make no story of several paragraphs.
MIN_SENTENCES = 5
# Sentences per paragraph, drawn per paragraph; at most this many paragraphs per story.
SENTENCES_PER_PARAGRAPH = (1, 4)
MAX_PARAGRAPHS = 10
# The first sentence becomes the teaser when it is at most this long (10kGNAD texts open
# with the article's standfirst more often than not).
MAX_TEASER_CHARS = 170
# Pull quotes: a sentence of this length from a paragraph after the first.
QUOTE_CHARS = (40, 150)
# Bylines without "Von": names made up for the page (not in the corpus).
NAMES = (
    "Anna Leitner",
    "Markus Brandstätter",
    "Julia Hofer",
    "Stefan Kainz",
    "Eva Lindner und Tobias Wurm",
    "Sabine Ortner",
    "Karl Pichler",
)


def news_available(path: Path = NEWS_CSV) -> bool:
    return path.is_file()


def load_news(path: Path = NEWS_CSV, seed: int = 0) -> list[Story]:
    """Every usable text of the CSV as a German story (seeded paragraph cuts)."""
    borrowed = [s for s in load_corpus("de") if s.type == "article" and s.caption]
    rng = random.Random(seed)
    stories = []
    with path.open(encoding="utf-8", newline="") as f:
        for k, (label, text) in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            sentences = [s.strip() for s in _SENTENCE_RE.split(text) if s.strip()]
            if len(sentences) >= MIN_SENTENCES:
                stories.append(_story(k, label, sentences, borrowed[k % len(borrowed)], rng))
    return stories


def _story(k: int, label: str, sentences: list[str], donor: Story, rng: random.Random) -> Story:
    teaser = None
    if len(sentences[0]) <= MAX_TEASER_CHARS and rng.random() < 0.6:
        teaser, sentences = sentences[0], sentences[1:]
    paragraphs: list[str] = []
    while sentences and len(paragraphs) < MAX_PARAGRAPHS:
        n = rng.randint(*SENTENCES_PER_PARAGRAPH)
        paragraphs.append(" ".join(sentences[:n]))
        sentences = sentences[n:]
    quotes = [
        s
        for p in paragraphs[1:-1]
        for s in _SENTENCE_RE.split(p)
        if QUOTE_CHARS[0] <= len(s) <= QUOTE_CHARS[1]
    ]
    return replace(
        donor,
        name=f"10kGNAD-{k:03d}",
        kicker=label,
        teaser=teaser,
        byline=rng.choice(NAMES),
        paragraphs=tuple(paragraphs),
        pull_quote=rng.choice(quotes) if quotes else None,
        note=None,
        agency=None,
    )
