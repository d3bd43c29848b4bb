"""Spaces: table-driven normalisation and rejoining, plus properties of both fixes."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounting import accounted
from broadsheet.model import Edit
from broadsheet.repair import run
from broadsheet.repair.lexicon import Lexicon
from broadsheet.repair.spacing import gender_split, normalise_spaces, rejoin_letterspaced

CASES: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "cases" / "spacing.json").read_text(encoding="utf-8")
)
Fix = Callable[[str], Sequence[Edit]]


def rejoin_for(text: str, lang: str = "de") -> Fix:
    """rejoin_letterspaced with a lexicon built from the text itself."""
    lex = Lexicon.for_text([text], lang)
    return lambda t: rejoin_letterspaced(t, lex)


@pytest.mark.parametrize("case", CASES["normalise"], ids=lambda c: repr(c["in"]))
def test_normalise(case: dict[str, Any]) -> None:
    assert run(normalise_spaces, case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES["rejoin"], ids=lambda c: repr(c["in"][:40]))
def test_rejoin(case: dict[str, Any]) -> None:
    assert run(rejoin_for(case["in"], case["lang"]), case["in"]) == case["out"]


def test_rules() -> None:
    assert {e.rule for e in normalise_spaces("a\u00a0b  c")} == {"space.normalise"}
    text = "die Lehrer*in nen"
    assert [(e.start, e.end, e.new, e.rule) for e in rejoin_for(text)(text)] == [
        (13, 14, "", "space.rejoin")
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lehrer:innen", ("Lehrer", 6)),
        ("Lehrer*in", ("Lehrer", 6)),
        ("Lehrer_innen", ("Lehrer", 6)),
        ("LehrerInnen", ("Lehrer", 6)),
        ("LehrerIn", ("Lehrer", 6)),
        ("Lehrer", ("Lehrer", None)),
        ("INNEN", ("INNEN", None)),
        ("Innen", ("Innen", None)),
        ("Lehrer:nen", (None, None)),
        ("a:b:c", (None, None)),
        (":innen", (None, None)),
    ],
)
def test_gender_split(word: str, expected: tuple[str | None, int | None]) -> None:
    assert gender_split(word) == expected


def test_document_evidence_rejoins_names() -> None:
    lex = Lexicon.for_text(["Bachmut liegt im Osten. In Bachmut wird gekämpft."], "de")
    fix: Fix = lambda t: rejoin_letterspaced(t, lex)  # noqa: E731
    assert run(fix, "in B a c h m u t heute") == "in Bachmut heute"


WORDS = [
    "d", "i", "e", "s", "t", "Adres", "sa", "t:in", "r:in", "nen", "Lehrer", "Lehrer*in",
    "In", "zu", "sammen", "in", "der", "Wort", "Bachmut", "im", "a", "cross", "„d", "s“",
    "E-Mail", "3", "Mai,", "D", "I", "E", "x", ":", "innen", "Unter", "stüt", "ze",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\u202f", "\t", "\n"]
spaced_texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=14
).map(lambda pairs: "".join(w + s for w, s in pairs))
SPACING_CHARS = ["a", "b", "ß", "I", ":", "*", " ", "\n"]
any_texts = st.text(alphabet=st.sampled_from(SPACING_CHARS), max_size=20)


@settings(max_examples=150, deadline=None)
@given(st.one_of(spaced_texts, any_texts))
def test_normalise_properties(text: str) -> None:
    once = accounted(normalise_spaces, text)
    assert once.count("\n") == text.count("\n")
    assert "  " not in once and "\u00a0" not in once and "\t" not in once
    assert once.split() == text.split()
    assert run(normalise_spaces, once) == once


@settings(max_examples=150, deadline=None)
@given(st.one_of(spaced_texts, any_texts), st.sampled_from(["de", "en"]))
def test_rejoin_properties(text: str, lang: str) -> None:
    fix = rejoin_for(text, lang)
    once = accounted(fix, text)
    assert once.split("\n") and len(once.split("\n")) == len(text.split("\n"))
    assert "".join(once.split()) == "".join(text.split())
    assert run(fix, once) == once
