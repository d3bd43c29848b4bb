"""The trait pages (benchmarks/pagegen/traits.py): every trait is drawn by the seeded mix,
the plain pages are untouched, and the gold is exactly what the PDF shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.pagegen.compose import plan_page
from benchmarks.pagegen.corpus import load_corpus
from benchmarks.pagegen.traitgold import PREFIXES, quote_text
from benchmarks.pagegen.traits import TraitPlan, gold_traits, plan_traits, shortened_traits

# Seeds whose plans, together, must draw every trait (per language).
MIX_SEEDS = range(1, 9)
TRAITS = (
    "between",
    "vector",
    "image",
    "one_line",
    "rotated",
    "quote",
    "subhead",
    "jump",
    "spaced",
    "indented",
    "bare_bylines",
    "bare_credits",
)


def _traits(plan: TraitPlan) -> set[str]:
    """The traits a plan draws."""
    drawn = {
        name for name in ("spaced", "bare_bylines", "bare_credits") if getattr(plan.look, name)
    }
    if not plan.look.spaced:
        drawn.add("indented")
    for p in plan.placements:
        if p.picture:
            drawn |= {"vector" if p.vector else "image"}
            drawn |= {"rotated"} if p.rotated else {"one_line"} if p.one_line else set()
        drawn |= {"between"} if p.picture == "between" else set()
        drawn |= {"quote"} if quote_text(p) else set()
        drawn |= {"subhead"} if p.subheads else set()
        drawn |= {"jump"} if p.jump else set()
    return drawn


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_seeded_mix_draws_every_trait(lang: str) -> None:
    stories = load_corpus(lang)
    drawn = [_traits(plan_traits(stories, seed, lang)) for seed in MIX_SEEDS]
    for trait in TRAITS:
        assert any(trait in d for d in drawn), trait


def test_trait_plans_are_reproducible_and_leave_compose_alone() -> None:
    stories = load_corpus("de")
    before = plan_page(stories, 5, "de")
    assert plan_traits(stories, 5, "de") == plan_traits(stories, 5, "de")
    assert plan_page(stories, 5, "de") == before
    plan: TraitPlan | None = plan_traits(stories, 5, "de")
    steps = 0
    while plan is not None:
        steps += 1
        plan = shortened_traits(plan)
    assert steps > 1


def test_trait_gold_drops_prefixes_and_final_stops() -> None:
    stories = load_corpus("en")
    for seed in MIX_SEEDS:
        plan = plan_traits(stories, seed, "en")
        page = gold_traits(plan)
        assert len(page["furniture"]) == 4
        for item in page["items"]:
            assert not any(q.endswith(".") for q in item.get("pull_quotes", []))
            key, bare = (
                ("credit", plan.look.bare_credits)
                if item["type"] == "picture"
                else ("byline", plan.look.bare_bylines)
            )
            if bare:
                assert not (item.get(key) or "").startswith(PREFIXES), item[key]


@pytest.mark.parametrize(("lang", "seed"), [("de", 2), ("en", 4)])
def test_trait_gold_is_what_the_pdf_shows(lang: str, seed: int, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from benchmarks.pagegen.traits_page import typeset_traits
    from tests.test_pagegen import _squeezed, _visible_text

    pdf = tmp_path / "page.pdf"
    plan = typeset_traits(plan_traits(load_corpus(lang), seed, lang), pdf)
    shown = _squeezed(_visible_text(pdf))
    page = gold_traits(plan)
    assert page["items"]
    assert _traits(plan) & {"between", "vector", "rotated", "one_line"}
    texts = list(page["furniture"])
    for item in page["items"]:
        for key, value in item.items():
            if key not in ("type", "authors", "dateline"):
                texts += value if isinstance(value, list) else [value]
    for text in texts:
        assert _squeezed(text) in shown, text[:60]


def test_trait_page_shuffles_to_the_same_pixels(tmp_path: Path) -> None:
    """reorder.py keeps every glyph and drawing in place on a trait page too (rotated
    credits, vector pictures)."""
    pytest.importorskip("weasyprint")
    from benchmarks.pagegen.bench import Generated, stream_shuffled
    from benchmarks.pagegen.extract import pdfium_text
    from benchmarks.pagegen.traits_page import generate_traits
    from tests.test_pagegen_typst import _pixels

    pdf, gold = generate_traits("en", 1, tmp_path)
    shuffled = stream_shuffled(Generated(1, "en", pdf, gold))
    assert _pixels(shuffled) == _pixels(pdf)
    assert pdfium_text(shuffled) != pdfium_text(pdf)
