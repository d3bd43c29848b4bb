"""Page plans for the Typst typesetter: other grids, and traits the WeasyPrint pages lack.

compose.py's plans are what the parser was developed on. These draw, per page, a style
(3 to 7 columns, gutter, fonts, size, leading, justified or ragged, paragraph starts by
indent or by extra space, bylines without "Von"/"By", credits without "Foto:") and, per
story, traits real pages have: a picture between the header and the body, vector-drawn
pictures, caption and credit on one line, a credit rotated along the picture's edge,
subheads, jump lines, pull quotes without a final full stop; and page furniture (running
head, folio, slug line). The gold is written from the same plan in the contract of
samples/README.md; typst_page.py cuts the plan until it fits, as typeset.py does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any, Generic, NamedTuple, TypeVar

from benchmarks.pagegen.compose import MAX_PER_ROW
from benchmarks.pagegen.corpus import Story
from benchmarks.pagegen.traitgold import (
    JUMPS,
    SUBHEADS,
    gold_page,
    story_items,
)

COLUMN_CHOICES = (3, 4, 5, 6, 7)
GUTTER_MM = (3.0, 6.0)
# Body faces: bundled with Typst (Libertinus Serif, New Computer Modern) or found by
# fc-list (DejaVu Serif Condensed); heads add DejaVu Sans Condensed. WeasyPrint's pages use
# DejaVu Serif and DejaVu Sans.
BODY_FONTS = ("Libertinus Serif", "New Computer Modern", "DejaVu Serif Condensed")
HEAD_FONTS = ("Libertinus Serif", "New Computer Modern", "DejaVu Sans Condensed")
BODY_PT = (8.0, 9.5)
LEADING_EM = (0.4, 0.65)  # Typst's leading: the gap between lines, in ems
# Shares of pages / stories that get each trait.
JUSTIFIED_SHARE = 0.7
SPACED_PARAGRAPHS_SHARE = 0.4
BARE_BYLINE_SHARE = 0.5
BARE_CREDIT_SHARE = 0.5
PICTURE_SHARE = 0.8
PICTURE_MODES = ("top", "inside", "between")
VECTOR_SHARE = 0.4
ONE_LINE_CAPTION_SHARE = 0.4
ROTATED_CREDIT_SHARE = 0.3
SUBHEAD_SHARE = 0.5
JUMP_SHARE = 0.25
# Rough height budget (characters of body text per page column) for drawing rows, and the
# most text a story gets per column it spans; the fit loop cuts what does not fit.
CHARS_PER_COLUMN = 5000
CHARS_PER_SPAN = 2400
MIN_PARAGRAPHS = 3


@dataclass(frozen=True)
class Style:
    """How the whole page is set."""

    columns: int
    gutter_mm: float
    body_font: str
    head_font: str
    body_pt: float
    leading_em: float
    justify: bool
    spaced: bool  # paragraph starts by extra space, not indent
    bare_bylines: bool
    bare_credits: bool


@dataclass(frozen=True)
class Story2:
    """One story with its traits; `paragraphs` holds the subheads as paragraphs of their own
    (the contract has no subhead field), their indexes in `subheads`."""

    story: Story
    span: int
    paragraphs: tuple[str, ...]
    subheads: frozenset[int]
    picture: str | None  # None, "top", "inside" or "between"
    vector: bool
    one_line_caption: bool
    rotated_credit: bool
    quote_after: int | None
    jump: str | None


S = TypeVar("S")  # a typesetter's style


@dataclass(frozen=True)
class Plan2(Generic[S]):
    """A page's plan: its rows of stories in the typesetter's `style` (Typst's `Style`,
    ReportLab's `RLStyle`) and its furniture."""

    seed: int
    lang: str
    style: S
    rows: tuple[tuple[Story2, ...], ...]
    furniture: tuple[str, str, str]  # running head, folio, slug line

    @property
    def placements(self) -> list[Story2]:
        return [p for row in self.rows for p in row]


def _style(rng: random.Random) -> Style:
    return Style(
        columns=rng.choice(COLUMN_CHOICES),
        gutter_mm=round(rng.uniform(*GUTTER_MM), 1),
        body_font=rng.choice(BODY_FONTS),
        head_font=rng.choice(HEAD_FONTS),
        body_pt=round(rng.uniform(*BODY_PT), 1),
        leading_em=round(rng.uniform(*LEADING_EM), 2),
        justify=rng.random() < JUSTIFIED_SHARE,
        spaced=rng.random() < SPACED_PARAGRAPHS_SHARE,
        bare_bylines=rng.random() < BARE_BYLINE_SHARE,
        bare_credits=rng.random() < BARE_CREDIT_SHARE,
    )


def plan_page2(stories: list[Story], seed: int, lang: str) -> Plan2:
    """A seeded page: style, furniture, then rows of stories until the text budget is spent."""
    rng = random.Random(seed)
    style = _style(rng)
    pool = stories[:]
    rng.shuffle(pool)
    budget = CHARS_PER_COLUMN * style.columns
    rows: list[tuple[Story2, ...]] = []
    while pool and budget > 0:
        parts = rng.randint(1, min(MAX_PER_ROW, style.columns))
        cuts = sorted(rng.sample(range(1, style.columns), parts - 1))
        spans = [b - a for a, b in zip([0, *cuts], [*cuts, style.columns], strict=True)]
        row = tuple(_place(pool.pop(), span, style, lang, rng) for span in spans if pool)
        budget -= sum(sum(len(t) for t in p.paragraphs) + 600 * p.span for p in row)
        rows.append(row)
    return Plan2(seed, lang, style, tuple(rows), _furniture(lang, rng))


def _furniture(lang: str, rng: random.Random) -> tuple[str, str, str]:
    page = rng.randint(2, 29)
    if lang == "de":
        head = rng.choice(("Politik", "Wirtschaft", "Inland", "Kultur", "Sport"))
        return head, str(page), f"Der Abendbote · Donnerstag, 3. Dezember 2026 · Seite {page}"
    head = rng.choice(("National", "World", "Business", "Culture", "Sport"))
    return head, f"A{page}", f"THE EVENING COURIER · Thursday, December 3, 2026 · Page A{page}"


class Shares(NamedTuple):
    """How often a story gets each trait (a generator's own mix)."""

    subhead: float
    picture: float
    jump: float
    vector: float
    one_line_caption: float
    rotated_credit: float


SHARES = Shares(
    SUBHEAD_SHARE,
    PICTURE_SHARE,
    JUMP_SHARE,
    VECTOR_SHARE,
    ONE_LINE_CAPTION_SHARE,
    ROTATED_CREDIT_SHARE,
)


def _place(story: Story, span: int, style: Style, lang: str, rng: random.Random) -> Story2:
    return place_story(story, span, lang, rng, (CHARS_PER_SPAN * span, MIN_PARAGRAPHS), SHARES)


def place_story(
    story: Story,
    span: int,
    lang: str,
    rng: random.Random,
    fit: tuple[int, int],
    shares: Shares,
) -> Story2:
    """The story over `span` columns with its traits drawn: paragraphs cut to `fit`'s
    characters (keeping its count of paragraphs), a subhead, picture mode, pull quote's
    place, jump line (the ReportLab plans draw theirs alike with their own `shares`)."""
    paragraphs = list(story.paragraphs)
    cap, least = fit
    while len(paragraphs) > least and sum(map(len, paragraphs)) > cap:
        paragraphs.pop()
    subheads: set[int] = set()
    if story.type == "article" and len(paragraphs) >= 5 and rng.random() < shares.subhead:
        at = rng.randrange(2, len(paragraphs) - 1)
        paragraphs.insert(at, rng.choice(SUBHEADS[lang]))
        subheads.add(at)
    picture = None
    if story.caption and rng.random() < shares.picture:
        picture = rng.choice(PICTURE_MODES if span > 1 else ("top", "between"))
    quote_after = None
    if story.pull_quote and len(paragraphs) > 2:
        quote_after = rng.choice([k for k in range(len(paragraphs) - 1) if k not in subheads])
    jump = None
    if story.type == "article" and rng.random() < shares.jump:
        jump = JUMPS[lang].format(n=rng.randint(3, 19))
    return Story2(
        story=story,
        span=span,
        paragraphs=tuple(paragraphs),
        subheads=frozenset(subheads),
        picture=picture,
        vector=rng.random() < shares.vector,
        one_line_caption=rng.random() < shares.one_line_caption,
        rotated_credit=rng.random() < shares.rotated_credit,
        quote_after=quote_after,
        jump=jump,
    )


def shortened2(plan: Plan2) -> Plan2 | None:
    """Less text: a paragraph off the last row's longest story (and a subhead left last)
    while it has more than MIN_PARAGRAPHS, else the last row off while there are several,
    else a paragraph off the longest story; None when nothing is left to take away."""
    longest = max(plan.rows[-1], key=lambda p: len(p.paragraphs), default=None)
    if longest is None or len(longest.paragraphs) <= MIN_PARAGRAPHS:
        if len(plan.rows) > 1:
            return replace(plan, rows=plan.rows[:-1])
        longest = max(plan.placements, key=lambda p: len(p.paragraphs), default=None)
    if longest is None or len(longest.paragraphs) <= 2:
        return None
    new = one_paragraph_less(longest)
    rows = tuple(tuple(new if p is longest else p for p in row) for row in plan.rows)
    return replace(plan, rows=rows)


def one_paragraph_less(story: Story2) -> Story2:
    """The story with its last paragraph cut (and a subhead that would be left last), its
    pull quote gone if it stood after the cut (the ReportLab plans cut alike)."""
    keep = len(story.paragraphs) - 1
    while keep - 1 in story.subheads:
        keep -= 1
    quote = story.quote_after
    return replace(
        story,
        paragraphs=story.paragraphs[:keep],
        subheads=frozenset(k for k in story.subheads if k < keep),
        quote_after=quote if quote is not None and quote < keep - 1 else None,
    )


def gold2(plan: Plan2) -> dict[str, Any]:
    """The page's items in reading order (row by row, left to right), and its furniture."""
    style = plan.style
    items: list[dict[str, Any]] = []
    for p in plan.placements:
        # a bare byline names its authors just the same
        items.extend(story_items(p, style.bare_bylines, style.bare_credits, bare_authors=True))
    source, layout = f"generated page (Typst), seed {plan.seed}", f"typst {style.columns} columns"
    return gold_page(source, plan.lang, layout, items, plan.furniture)
