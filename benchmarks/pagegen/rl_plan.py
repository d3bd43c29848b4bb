"""Page plans for the ReportLab typesetter (rl_page.py): a third, never-tuned typesetter.

The parser was developed on WeasyPrint pages and checked on Typst pages; ReportLab breaks
lines with its own greedy algorithm, hyphenates with pyphen, draws standard Type1 fonts
(Times, Helvetica: not embedded, the viewer substitutes them) or DejaVu TrueType faces, and
writes its content streams its own way. Each page draws a style (paper size, 2 to 6
columns, gutter, faces, size, leading, justified or ragged, hyphenated or not, paragraph
starts by indent or by space, vertical rules between stories, bare bylines and credits) and
is either a regular page or a dense front page of many short stories. Stories reuse
typst_plan.Story2 (pictures on top, between header and body or inside the text, vector or
raster, credit under, on the caption line or along the edge; subheads, pull quotes, jump
lines), so the gold is written by the same traitgold helpers in the contract of
samples/README.md.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.pagegen.corpus import Story
from benchmarks.pagegen.traitgold import gold_page, story_items
from benchmarks.pagegen.typst_plan import (
    Plan2,
    Shares,
    Story2,
    one_paragraph_less,
    place_story,
)

# Berliner, Rheinisch and a tall tabloid sheet (mm).
PAGE_SIZES_MM = ((315.0, 470.0), (350.0, 510.0), (280.0, 430.0))
COLUMN_CHOICES = (2, 3, 4, 5, 6)
GUTTER_MM = (2.5, 7.0)
# Faces by family name; rl_page.py maps each to ReportLab fonts. Times and Helvetica are
# the standard Type1 fonts (WinAnsi only: their pages take only stories they can show).
BODY_FONTS = ("Times", "DejaVu Serif", "DejaVu Serif Condensed", "Helvetica")
HEAD_FONTS = ("Helvetica", "DejaVu Sans", "DejaVu Sans Condensed", "Times")
TYPE1_FONTS = frozenset({"Times", "Helvetica"})
BODY_PT = (7.5, 9.5)
LEADING = (1.12, 1.3)  # line pitch over type size
# Shares of pages / stories that get each trait.
DENSE_SHARE = 0.4
JUSTIFIED_SHARE = 0.65
HYPHENATED_SHARE = 0.8
SPACED_PARAGRAPHS_SHARE = 0.35
COLUMN_RULES_SHARE = 0.35
BARE_BYLINE_SHARE = 0.5
BARE_CREDIT_SHARE = 0.5
PICTURE_SHARE = 0.75
VECTOR_SHARE = 0.5
ONE_LINE_CAPTION_SHARE = 0.4
ROTATED_CREDIT_SHARE = 0.25
SUBHEAD_SHARE = 0.5
JUMP_SHARE = 0.25
SHARES = Shares(
    SUBHEAD_SHARE,
    PICTURE_SHARE,
    JUMP_SHARE,
    VECTOR_SHARE,
    ONE_LINE_CAPTION_SHARE,
    ROTATED_CREDIT_SHARE,
)
# Text a story gets per column it spans, the fewest paragraphs it keeps, and the most
# stories side by side: regular pages, then dense ones.
CHARS_PER_SPAN = {False: 1800, True: 800}
MIN_PARAGRAPHS = {False: 3, True: 2}
# The fewest the fit loop cuts a story of the last row down to before it drops the row: a
# short story at the foot fills the page better than white space.
MIN_CUT_PARAGRAPHS = {False: 1, True: 1}
MAX_PER_ROW = {False: 3, True: 4}
# Rough room for body text, in characters per page column at 8.5 pt on 470 mm, and what a
# story's header and picture cost in characters per column spanned; rl_page cuts the rest.
CHARS_PER_COLUMN = 7000
HEADER_CHARS = 700


@dataclass(frozen=True)
class RLStyle:
    """How the whole page is set."""

    page_mm: tuple[float, float]
    columns: int
    gutter_mm: float
    body_font: str
    head_font: str
    body_pt: float
    leading: float
    justify: bool
    hyphenate: bool
    spaced: bool  # paragraph starts by extra space, not indent
    column_rules: bool  # vertical rules between stories side by side
    bare_bylines: bool
    bare_credits: bool
    dense: bool
    folio_left: bool


# A ReportLab page's plan: the Typst plan's shape in ReportLab's style.
RLPlan = Plan2[RLStyle]


def _style(rng: random.Random) -> RLStyle:
    return RLStyle(
        page_mm=rng.choice(PAGE_SIZES_MM),
        columns=rng.choice(COLUMN_CHOICES),
        gutter_mm=round(rng.uniform(*GUTTER_MM), 1),
        body_font=rng.choice(BODY_FONTS),
        head_font=rng.choice(HEAD_FONTS),
        body_pt=round(rng.uniform(*BODY_PT), 1),
        leading=round(rng.uniform(*LEADING), 2),
        justify=rng.random() < JUSTIFIED_SHARE,
        hyphenate=rng.random() < HYPHENATED_SHARE,
        spaced=rng.random() < SPACED_PARAGRAPHS_SHARE,
        column_rules=rng.random() < COLUMN_RULES_SHARE,
        bare_bylines=rng.random() < BARE_BYLINE_SHARE,
        bare_credits=rng.random() < BARE_CREDIT_SHARE,
        dense=rng.random() < DENSE_SHARE,
        folio_left=rng.random() < 0.5,
    )


def _winansi(story: Story) -> bool:
    """Whether a standard Type1 font can show every text of the story."""
    texts = [story.headline, *story.paragraphs]
    texts += [t for t in (story.kicker, story.teaser, story.byline, story.caption) if t]
    texts += [t for t in (story.credit, story.pull_quote, story.note, story.agency) if t]
    try:
        "".join(texts).encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def plan_rl(stories: list[Story], seed: int, lang: str) -> RLPlan:
    """A seeded page: style, furniture, then rows of stories until the text budget is spent."""
    rng = random.Random(seed)
    style = _style(rng)
    pool = stories[:]
    if TYPE1_FONTS & {style.body_font, style.head_font}:
        pool = [s for s in pool if _winansi(s)]
    rng.shuffle(pool)
    room = style.page_mm[1] / 470.0 * (8.5 / style.body_pt) ** 2 * (1.2 / style.leading)
    budget = CHARS_PER_COLUMN * room * style.columns
    rows: list[tuple[Story2, ...]] = []
    while pool and budget > 0:
        parts = rng.randint(1, min(MAX_PER_ROW[style.dense], style.columns))
        cuts = sorted(rng.sample(range(1, style.columns), parts - 1))
        spans = [b - a for a, b in zip([0, *cuts], [*cuts, style.columns], strict=True)]
        row = tuple(_place(pool.pop(), span, style, lang, rng) for span in spans if pool)
        budget -= sum(sum(map(len, p.paragraphs)) + HEADER_CHARS * p.span for p in row)
        rows.append(row)
    return RLPlan(seed, lang, style, tuple(rows), _furniture(lang, rng))


def _furniture(lang: str, rng: random.Random) -> tuple[str, str, str]:
    page = rng.randint(1, 32)
    if lang == "de":
        head = rng.choice(("Meinung", "Region", "Politik", "Wirtschaft", "Welt", "Sport"))
        return head, str(page), f"Rheinische Rundschau · Freitag, 14. Mai 2027 · Seite {page}"
    head = rng.choice(("Opinion", "Metro", "Politics", "Business", "World", "Sport"))
    return head, str(page), f"THE MORNING LEDGER · Friday, May 14, 2027 · Page {page}"


def _place(story: Story, span: int, style: RLStyle, lang: str, rng: random.Random) -> Story2:
    fit = (CHARS_PER_SPAN[style.dense] * span, MIN_PARAGRAPHS[style.dense])
    return place_story(story, span, lang, rng, fit, SHARES)


def shortened_rl(plan: RLPlan) -> RLPlan | None:
    """Less text: a paragraph off the last row's longest story (most text per column; a
    subhead left last goes too) while it has more than the page's fewest, else the last
    row off while there are several, else a paragraph off the longest story; None when
    nothing is left to cut."""
    least = MIN_CUT_PARAGRAPHS[plan.style.dense]
    cuttable = [p for p in plan.rows[-1] if len(p.paragraphs) > least]
    longest = max(cuttable, key=lambda p: sum(map(len, p.paragraphs)) / p.span, default=None)
    if longest is None:
        if len(plan.rows) > 1:
            return replace(plan, rows=plan.rows[:-1])
        longest = max(plan.placements, key=lambda p: len(p.paragraphs), default=None)
    if longest is None or len(longest.paragraphs) <= 1:
        return None
    new = one_paragraph_less(longest)
    rows = tuple(tuple(new if p is longest else p for p in row) for row in plan.rows)
    return replace(plan, rows=rows)


def gold_rl(plan: RLPlan) -> dict[str, Any]:
    """The page's items in reading order (row by row, left to right), and its furniture."""
    style = plan.style
    items: list[dict[str, Any]] = []
    for p in plan.placements:
        items.extend(story_items(p, style.bare_bylines, style.bare_credits, bare_authors=True))
    layout = f"reportlab {'dense ' if style.dense else ''}{style.columns} columns"
    source = f"generated page (ReportLab), seed {plan.seed}"
    return gold_page(source, plan.lang, layout, items, plan.furniture)
