"""The gold helpers both trait generators share: traits.py (set with WeasyPrint) and
typst_plan.py (set with Typst) draw their traits differently but write them to the gold,
in the contract of samples/README.md, the same way."""

from __future__ import annotations

import re
from typing import Any, Protocol

from benchmarks.pagegen.corpus import Story, byline_parts

SUBHEADS = {
    "de": ("Hintergrund", "Wie es weitergeht", "Offene Fragen", "Die Kosten", "Kritik"),
    "en": ("Background", "What comes next", "Open questions", "The cost", "Criticism"),
}
JUMPS = {"de": "Fortsetzung auf Seite {n}", "en": "Continued on Page A{n}"}
PREFIXES = ("Von ", "By ", "Foto: ", "Photo: ")


class TraitStory(Protocol):
    """What the gold reads of a placed story with traits (traits.TStory, typst_plan.Story2)."""

    @property
    def story(self) -> Story: ...

    @property
    def paragraphs(self) -> tuple[str, ...]: ...

    @property
    def picture(self) -> str | None: ...

    @property
    def quote_after(self) -> int | None: ...

    @property
    def jump(self) -> str | None: ...


def shown(text: str | None, bare: bool) -> str | None:
    """A byline or credit as the page sets it: without its "Von"/"Foto:" on bare pages."""
    if text and bare:
        for prefix in PREFIXES:
            if text.startswith(prefix):
                return text[len(prefix) :]
    return text


def quote_text(p: TraitStory) -> str | None:
    """The pull quote as displayed: without its final full stop."""
    if p.quote_after is None or not p.story.pull_quote:
        return None
    return p.story.pull_quote.rstrip().removesuffix(".")


def gold_page(
    source: str, lang: str, layout: str, items: list[dict[str, Any]], furniture: tuple[str, ...]
) -> dict[str, Any]:
    """A page's gold: its items in reading order, and its furniture."""
    return {
        "schema": "broadsheet-gold/1",
        "source": source,
        "language": lang,
        "layout": layout,
        "items": items,
        "furniture": list(furniture),
    }


def story_items(
    p: TraitStory, bare_bylines: bool, bare_credits: bool, bare_authors: bool = False
) -> list[dict[str, Any]]:
    """A story's gold items: its picture (if shown) and the story. With `bare_authors`, a
    bare byline names its authors just the same."""
    s = p.story
    out: list[dict[str, Any]] = []
    if p.picture:
        credit = shown(s.credit, bare_credits)
        out.append({"type": "picture", "caption": s.caption, "credit": credit})
    byline = shown(s.byline, bare_bylines)
    authors, dateline = byline_parts(s.byline)
    if bare_authors and byline and not authors:
        authors, dateline = byline_parts(f"Von {byline}")
    quote = quote_text(p)
    notes = [n for n in (s.note, p.jump) if n]
    item: dict[str, Any] = {
        "type": "box" if s.type == "box" else "article",
        "kicker": s.kicker,
        "headline": s.headline,
        "teaser": s.teaser,
        "byline": byline,
        "authors": authors or None,
        "dateline": dateline,
        "paragraphs": list(p.paragraphs),
        "pull_quotes": [quote] if quote else None,
        "credit": s.agency if s.type == "box" else None,
        "notes": notes or None,
    }
    out.append({k: v for k, v in item.items() if v is not None})
    return out


def bare(text: str) -> str:
    """Text without whitespace and hyphens: what survives line breaking and PDFium's marks
    (U+0002 or U+FFFE for a line-end hyphen, U+2010 for one WeasyPrint inserts)."""
    return re.sub(r"[\s\-\u2010\ufffe\x02]+", "", text)


def gold_strings(page: dict[str, Any]) -> list[str]:
    """Every string the gold claims the page shows (authors and dateline repeat the byline)."""
    texts = [str(f) for f in page.get("furniture", [])]
    for item in page["items"]:
        for key, value in item.items():
            if key not in ("type", "authors", "dateline"):
                texts += value if isinstance(value, list) else [value]
    return texts
