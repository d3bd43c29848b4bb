"""Dropped ligatures: table cases (including text that must not change) and idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.pipeline import Options, parse_text
from broadsheet.repair import run
from broadsheet.repair.dropped import restore_dropped_ligatures
from broadsheet.repair.lexicon import Lexicon

CASES = json.loads((Path(__file__).parent / "cases" / "dropped.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["in"][:30] for c in CASES])
def test_case(case: dict[str, str]) -> None:
    lex = Lexicon.for_text([case["in"]], case["lang"])
    assert run(lambda t: restore_dropped_ligatures(t, lex), case["in"]) == case["out"]


TOKENS = st.sampled_from(
    "the o ce con ict e ect rst in to a cross de ne Ein uss und der Stadt sta re".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=10).map(" ".join))
def test_restoring_twice_equals_once(text: str) -> None:
    lex = Lexicon.for_text([], "en")
    once = run(lambda t: restore_dropped_ligatures(t, lex), text)
    assert run(lambda t: restore_dropped_ligatures(t, lex), once) == once


@pytest.mark.parametrize(
    ("dump", "word"),
    [
        ("Die Stadt plant die Fi-\nnanzierung der neuen Schule.", "Finanzierung"),
        ("Sie hat es geschaf-\nfen, sagte der Sprecher.", "geschaffen"),
        ("Die Zahl der Arbeits-\nüchtlinge steigt.", "Arbeitsflüchtlinge"),
    ],
)
def test_a_word_hyphenated_across_lines_keeps_its_letters(dump: str, word: str) -> None:
    """The pieces of a word cut at a line end lost no ligature at the cut: "Fi-" +
    "nanzierung" is "Finanzierung", not "Fifinanzierung" (issue 13); the rest on the next
    line may have lost one at its start where the two make no word ("Arbeits-" + "üchtlinge")."""
    doc = parse_text(dump, options=Options(language="de"))
    text = " ".join(p.text for page in doc.pages for item in page.items for p in item.paragraphs)
    assert word in text.replace(",", " ").replace(".", " ").split()
