"""Article texts for generated pages: one file per story, header fields then paragraphs.

A corpus file holds `key: value` lines (type, kicker, headline, teaser, byline, pull_quote,
caption, credit, note, agency), a blank line, then one paragraph per line with blank lines
between. The committed corpus is in `benchmarks/corpus/<lang>/`; any folder of such files
can be used instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS_ROOT = Path(__file__).resolve().parents[1] / "corpus"
STORY_TYPES = ("article", "box", "diary")
HEADER_KEYS = frozenset(
    "type kicker headline teaser byline pull_quote caption credit note agency".split()
)
# "Von A und B" / "By A and B" name authors; "Aus Kairo A" / "From Lagos A" add a dateline.
_BYLINE_RE = re.compile(r"^(?:Von|By)\s+(?P<names>.+)$|^(?:Aus|From)\s+(?P<place>\S+)\s+(?P<n>.+)$")
_AND_RE = re.compile(r",\s*|\s+(?:und|and)\s+")


@dataclass(frozen=True)
class Story:
    """One corpus text with the fields a page shows."""

    name: str
    lang: str
    type: str
    headline: str
    paragraphs: tuple[str, ...]
    kicker: str | None = None
    teaser: str | None = None
    byline: str | None = None
    pull_quote: str | None = None
    caption: str | None = None
    credit: str | None = None
    note: str | None = None
    agency: str | None = None

    @property
    def authors(self) -> list[str]:
        return byline_parts(self.byline)[0]

    @property
    def dateline(self) -> str | None:
        return byline_parts(self.byline)[1]


def byline_parts(byline: str | None) -> tuple[list[str], str | None]:
    """The authors and the place a byline names."""
    if not byline:
        return [], None
    m = _BYLINE_RE.match(byline)
    if m is None:
        return [], None
    names = m.group("names") or m.group("n")
    return [n for n in _AND_RE.split(names) if n], m.group("place")


class CorpusError(ValueError):
    """A corpus file that does not follow the format."""


def parse_story(text: str, name: str, lang: str) -> Story:
    """One corpus file's text as a Story."""
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in HEADER_KEYS:
            raise CorpusError(f"{name}: bad header line {line!r}")
        fields[key.strip()] = value.strip()
    paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
    if fields.get("type") not in STORY_TYPES or "headline" not in fields or not paragraphs:
        raise CorpusError(f"{name}: needs a type of {STORY_TYPES}, a headline and paragraphs")
    return Story(
        name=name,
        lang=lang,
        type=fields.pop("type"),
        headline=fields.pop("headline"),
        paragraphs=paragraphs,
        **{k: fields.pop(k) for k in list(fields)},
    )


def load_corpus(lang: str, root: Path = CORPUS_ROOT) -> list[Story]:
    """Every story of a language, in file-name order."""
    folder = root / lang
    stories = [
        parse_story(p.read_text(encoding="utf-8"), p.name, lang)
        for p in sorted(folder.glob("*.txt"))
    ]
    if not stories:
        raise CorpusError(f"no corpus files in {folder}")
    return stories
