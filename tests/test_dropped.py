"""Dropped ligatures: table cases (including text that must not change) and idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
