"""Trait pages: compose.py's plans with the traits real pages have, for tuning on.

compose.py's pages are what the layout engine is tuned on, and it is perfect on them
because they lack what real pages have. A trait page starts from the same plan (columns,
rows, stories; compose.plan_page is called as is, so the plain pages do not change) and
draws, from a second seeded stream, per page: paragraph starts by extra leading instead of
indent, bylines without "Von"/"By", credits without "Foto:"/"Photo:", furniture (section
label, running head, folio, slug line); and per story: a picture between the header and
the body, pictures drawn as vector graphics, caption and credit on one line, a credit
rotated along the picture, subheads, jump lines, pull quotes without a final full stop.
The gold is written from the same plan in the contract of samples/README.md: a subhead is
a paragraph of its own (the contract has no subhead field), a jump line a note, the
furniture the page's `furniture`. traits_page.py sets it with WeasyPrint.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.pagegen.compose import PagePlan, Placement, plan_page
from benchmarks.pagegen.corpus import Story
from benchmarks.pagegen.traitgold import (
    JUMPS,
    SUBHEADS,
    gold_page,
    story_items,
)

# The traits' random stream is seeded with this string (and the language and seed), so
# that it never shares draws with compose's stream, seeded with the bare number.
TRAIT_SALT = "traits"
# Shares of pages that get each page-wide trait.
SPACED_SHARE = 0.5  # paragraph starts by extra leading, not a first-line indent
BARE_BYLINE_SHARE = 0.5
BARE_CREDIT_SHARE = 0.5
# Shares of stories (of those that can have it) that get each story trait.
BETWEEN_SHARE = 0.5  # of pictured stories: the picture between header and body
VECTOR_SHARE = 0.4
ONE_LINE_SHARE = 0.5
ROTATED_SHARE = 0.35
SUBHEAD_SHARE = 0.5
JUMP_SHARE = 0.3
# Fewest paragraphs a story needs for a subhead (which goes after its second paragraph at
# the earliest and before its last), and fewest a shortened story keeps.
SUBHEAD_MIN_PARAGRAPHS = 4
MIN_PARAGRAPHS = 2
# Jump targets and folios: pages of a thin daily.
PAGE_RANGE = (2, 24)
SECTIONS = {
    "de": ("Politik", "Wirtschaft", "Lokales", "Kultur", "Sport"),
    "en": ("Nation", "World", "Business", "Metro", "Arts"),
}


@dataclass(frozen=True)
class Look:
    """Page-wide traits."""

    spaced: bool
    bare_bylines: bool
    bare_credits: bool
    furniture: tuple[str, str, str, str]  # section label, running head, folio, slug line


@dataclass(frozen=True)
class TStory:
    """One placed story with its traits; `paragraphs` holds the subheads as paragraphs of
    their own, their indexes in `subheads`; `quote_after` indexes `paragraphs`."""

    placement: Placement
    paragraphs: tuple[str, ...]
    subheads: frozenset[int]
    picture: str | None  # None, "top", "inside" or "between"
    vector: bool
    one_line: bool
    rotated: bool
    quote_after: int | None
    jump: str | None

    @property
    def story(self) -> Story:
        return self.placement.story

    @property
    def span(self) -> int:
        return self.placement.span


@dataclass(frozen=True)
class TraitPlan:
    seed: int
    lang: str
    columns: int
    look: Look
    rows: tuple[tuple[TStory, ...], ...]

    @property
    def placements(self) -> list[TStory]:
        return [p for row in self.rows for p in row]


def plan_traits(stories: list[Story], seed: int, lang: str) -> TraitPlan:
    """compose's page for this seed, with traits drawn from a stream of their own."""
    base: PagePlan = plan_page(stories, seed, lang)
    rng = random.Random(f"{TRAIT_SALT}-{lang}-{seed}")
    look = Look(
        spaced=rng.random() < SPACED_SHARE,
        bare_bylines=rng.random() < BARE_BYLINE_SHARE,
        bare_credits=rng.random() < BARE_CREDIT_SHARE,
        furniture=_furniture(lang, rng),
    )
    rows = tuple(tuple(_traits(p, lang, rng) for p in row) for row in base.rows)
    return TraitPlan(seed, lang, base.columns, look, rows)


def _furniture(lang: str, rng: random.Random) -> tuple[str, str, str, str]:
    page = rng.randint(*PAGE_RANGE)
    section = rng.choice(SECTIONS[lang])
    if lang == "de":
        head = "Der Abendbote · Donnerstag, 3. Dezember 2026"
        return section, head, str(page), f"DAB-{section[:3].upper()}-{page:02d} · 03.12. 21:47"
    head = "THE EVENING COURIER · Thursday, December 3, 2026"
    return section, head, f"A{page}", f"ECO_{section[:3].upper()}_A{page:02d} 12/03 9:47PM"


def _traits(p: Placement, lang: str, rng: random.Random) -> TStory:
    paragraphs = list(p.story.paragraphs)
    quote_after = p.quote_after
    subheads: set[int] = set()
    if (
        p.story.type == "article"
        and len(paragraphs) >= SUBHEAD_MIN_PARAGRAPHS
        and rng.random() < SUBHEAD_SHARE
    ):
        at = rng.randrange(2, len(paragraphs))
        paragraphs.insert(at, rng.choice(SUBHEADS[lang]))
        subheads.add(at)
        if quote_after is not None and quote_after >= at:
            quote_after += 1
    picture = p.picture
    if picture and rng.random() < BETWEEN_SHARE:
        picture = "between"
    jump = None
    if p.story.type == "article" and rng.random() < JUMP_SHARE:
        jump = JUMPS[lang].format(n=rng.randint(*PAGE_RANGE))
    return TStory(
        placement=p,
        paragraphs=tuple(paragraphs),
        subheads=frozenset(subheads),
        picture=picture,
        vector=rng.random() < VECTOR_SHARE,
        one_line=rng.random() < ONE_LINE_SHARE,
        rotated=rng.random() < ROTATED_SHARE,
        quote_after=quote_after if p.story.pull_quote else None,
        jump=jump,
    )


def shortened_traits(plan: TraitPlan) -> TraitPlan | None:
    """Less text: the last row off while there are several, else a paragraph (and a subhead
    left last) off the longest story; None when nothing is left to take away."""
    if len(plan.rows) > 1:
        return replace(plan, rows=plan.rows[:-1])
    longest = max(plan.placements, key=lambda p: len(p.paragraphs), default=None)
    if longest is None or len(longest.paragraphs) <= MIN_PARAGRAPHS:
        return None
    keep = len(longest.paragraphs) - 1
    while keep - 1 in longest.subheads:
        keep -= 1
    paragraphs = longest.paragraphs[:keep]
    quote = longest.quote_after
    pulled = longest.story.pull_quote
    source_kept = pulled is not None and any(pulled in t for t in paragraphs)
    new = replace(
        longest,
        paragraphs=paragraphs,
        subheads=frozenset(k for k in longest.subheads if k < keep),
        quote_after=quote if quote is not None and quote < keep - 1 and source_kept else None,
    )
    rows = tuple(tuple(new if p is longest else p for p in row) for row in plan.rows)
    return replace(plan, rows=rows)


def gold_traits(plan: TraitPlan) -> dict[str, Any]:
    """The page's items in reading order (row by row, left to right), and its furniture."""
    look = plan.look
    items: list[dict[str, Any]] = []
    for p in plan.placements:
        items.extend(story_items(p, look.bare_bylines, look.bare_credits))
    source, layout = f"generated trait page, seed {plan.seed}", f"traits {plan.columns} columns"
    return gold_page(source, plan.lang, layout, items, look.furniture)
