"""A seeded page plan and its gold: which stories go where, in what shape.

A page is a grid of `columns` text columns. It is filled row by row; each row holds one to
three placements side by side, and a placement spans some columns and holds one story.
A story may carry a picture (on top of its columns, or inside its text so that the text
continues under it), a pull quote, a teaser; boxes are set in a tinted frame. The gold is
written from the same plan, in the contract of the seed's gold.json, so it cannot differ
from what is typeset, except where the typesetter drops text (see typeset.fit).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.pagegen.corpus import Story

COLUMN_CHOICES = (2, 3, 4, 5, 6)
# A row splits the page's columns into the spans of its placements.
MAX_PER_ROW = 3
# Share of stories with a caption that show their picture; of those, the share set inside
# the text (the story continues under the picture) rather than on top of it.
PICTURE_SHARE = 0.8
PICTURE_INSIDE_SHARE = 0.5
# Page geometry for estimating heights (typeset.py sets the page): text area, column gap,
# mean character width and line height of the body type, header and picture heights.
PAGE_WIDTH_MM = 291.0
PAGE_TEXT_MM = 446.0
GAP_MM = 4.0
CHAR_MM = 1.55
LINE_MM = 3.7
HEADER_MM = 30.0
PICTURE_MM = 30.0
MIN_PARAGRAPHS = 2


@dataclass(frozen=True)
class Placement:
    """One story on the page: its columns and how its parts are arranged."""

    story: Story
    span: int
    picture: str | None  # None, "top" or "inside"
    quote_after: int | None  # paragraph index the pull quote follows


@dataclass(frozen=True)
class PagePlan:
    """Everything the typesetter and the gold need, reproducible from `seed`."""

    seed: int
    lang: str
    columns: int
    rows: tuple[tuple[Placement, ...], ...]

    @property
    def family(self) -> str:
        return f"{self.columns} columns"

    @property
    def placements(self) -> list[Placement]:
        return [p for row in self.rows for p in row]


def plan_page(stories: list[Story], seed: int, lang: str) -> PagePlan:
    """Draw a page: a column count, then rows of stories until the page is about full."""
    rng = random.Random(seed)
    columns = rng.choice(COLUMN_CHOICES)
    pool = stories[:]
    rng.shuffle(pool)
    room = PAGE_TEXT_MM
    rows: list[tuple[Placement, ...]] = []
    while pool:
        spans = _split(columns, rng)
        row = tuple(_place(pool.pop(), span, rng) for span in spans if pool)
        height = max(_height_mm(p, columns) for p in row)
        if rows and height > room:
            break
        rows.append(row)
        room -= height
    return PagePlan(seed=seed, lang=lang, columns=columns, rows=tuple(rows))


def _split(columns: int, rng: random.Random) -> list[int]:
    """The spans of one row: the page's columns cut into one to three parts."""
    parts = rng.randint(1, min(MAX_PER_ROW, columns))
    cuts = sorted(rng.sample(range(1, columns), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, columns], strict=True)]


def _place(story: Story, span: int, rng: random.Random) -> Placement:
    picture = None
    if story.caption and rng.random() < PICTURE_SHARE:
        picture = "inside" if rng.random() < PICTURE_INSIDE_SHARE and span > 1 else "top"
    quote_after = None
    if story.pull_quote and len(story.paragraphs) > 2:
        quote_after = rng.randrange(1, len(story.paragraphs) - 1)
    return Placement(story, span, picture, quote_after)


def _height_mm(p: Placement, columns: int) -> float:
    """About how tall a placement is set: its text over its columns, plus headline and
    picture (typeset.py's sizes); the fitting loop corrects what this misjudges."""
    column_mm = (PAGE_WIDTH_MM - GAP_MM * (columns - 1)) / columns
    chars_per_line = column_mm / CHAR_MM
    chars = sum(len(text) for text in p.story.paragraphs)
    lines = chars / (chars_per_line * p.span) + len(p.story.paragraphs) / 2
    extra = HEADER_MM + (PICTURE_MM * (p.span if p.picture == "top" else 1) if p.picture else 0)
    return lines * LINE_MM + extra


def shortened(plan: PagePlan) -> PagePlan | None:
    """The plan with less text: without its last row while it has more than one, else
    with a paragraph off its longest story; None when nothing is left to take away."""
    if len(plan.rows) > 1:
        return replace(plan, rows=plan.rows[:-1])
    longest = max(plan.placements, key=lambda p: len(p.story.paragraphs), default=None)
    if longest is not None and len(longest.story.paragraphs) > MIN_PARAGRAPHS:
        return _without_last_paragraph(plan, longest)
    return None


def _without_last_paragraph(plan: PagePlan, placement: Placement) -> PagePlan:
    story = placement.story
    paragraphs = story.paragraphs[:-1]
    kept = story.pull_quote and any(story.pull_quote in p for p in paragraphs)
    quote = story.pull_quote if kept else None
    new = replace(placement, story=replace(story, paragraphs=paragraphs, pull_quote=quote))
    if new.quote_after is not None and (quote is None or new.quote_after >= len(paragraphs) - 1):
        new = replace(new, quote_after=None)
    rows = tuple(tuple(new if p is placement else p for p in row) for row in plan.rows)
    return replace(plan, rows=rows)


def gold(plan: PagePlan) -> dict[str, Any]:
    """The page's items in reading order (row by row, left to right), as in gold.json."""
    items: list[dict[str, Any]] = []
    for placement in plan.placements:
        items.extend(_items(placement))
    return {
        "schema": "broadsheet-gold/1",
        "source": f"generated page, seed {plan.seed}",
        "language": plan.lang,
        "layout": plan.family,
        "items": items,
    }


def _items(p: Placement) -> list[dict[str, Any]]:
    s = p.story
    out: list[dict[str, Any]] = []
    if p.picture:
        out.append({"type": "picture", "caption": s.caption, "credit": s.credit})
    item: dict[str, Any] = {
        "type": "box" if s.type == "box" else "article",
        "kicker": s.kicker,
        "headline": s.headline,
        "teaser": s.teaser,
        "byline": s.byline,
        "authors": s.authors or None,
        "dateline": s.dateline,
        "paragraphs": list(s.paragraphs),
        "pull_quotes": [s.pull_quote] if s.pull_quote and p.quote_after is not None else None,
        "credit": s.agency if s.type == "box" else None,
        "notes": [s.note] if s.note else None,
    }
    out.append({k: v for k, v in item.items() if v is not None})
    return out
