"""Broken glyphs: table-driven ligatures, mojibake and stand-in characters, plus properties."""

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
from broadsheet.repair.glyphs import (
    GlyphMap,
    expand_ligatures,
    fix_glyphs,
    fix_mojibake,
    is_suspicious,
    learn_glyph_map,
)
from broadsheet.repair.lexicon import Lexicon

CASES: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "cases" / "glyphs.json").read_text(encoding="utf-8")
)
Fix = Callable[[str], Sequence[Edit]]


def learned_fix(text: str, lang: str = "de") -> Fix:
    """fix_glyphs with a lexicon and glyph map learned from the text itself."""
    lex = Lexicon.for_text([text], lang)
    gmap = learn_glyph_map([text], lex)
    return lambda t: fix_glyphs(t, gmap, lex)


@pytest.mark.parametrize("case", CASES["ligatures"], ids=lambda c: repr(c["in"]))
def test_ligatures(case: dict[str, Any]) -> None:
    assert run(expand_ligatures, case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES["mojibake"], ids=lambda c: repr(c["in"][:40]))
def test_mojibake(case: dict[str, Any]) -> None:
    assert run(fix_mojibake, case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES["glyphs"], ids=lambda c: repr(c["in"][:40]))
def test_glyphs(case: dict[str, Any]) -> None:
    assert run(learned_fix(case["in"], case["lang"]), case["in"]) == case["out"]


def test_rules() -> None:
    text = "Das Schi\ue000 ist\ufffdda."
    fix = learned_fix(text)
    assert {(text[e.start], e.new, e.rule) for e in fix(text)} == {
        ("\ue000", "ff", "glyph.map"),
        ("\ufffd", " ", "glyph.space"),
    }
    assert {e.rule for e in expand_ligatures("\ufb01")} == {"glyph.ligature"}
    assert {e.rule for e in fix_mojibake("a\nKÃ¶ln\nb")} == {"encoding.mojibake"}


def test_mojibake_edit_is_one_per_line() -> None:
    text = "x\nGrÃ¼ÃŸe aus KÃ¶ln\ny"
    (edit,) = fix_mojibake(text)
    assert (text[edit.start : edit.end], edit.new) == ("Ã¼ÃŸe aus KÃ¶", "üße aus Kö")


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("a\ufffdb", 1, True),
        ("a\ue000b", 1, True),
        ("a\U0003ffffb", 1, True),
        ("a\uffffb", 1, True),
        ("o\u01b1z", 1, True),
        ("o\u0250z", 1, True),
        ("\u01b1z", 0, False),
        ("O\u01b1z", 1, False),
        ("a\u00adb", 1, False),
        ("a\ufffeb", 1, False),
        ("Łódź", 0, False),
        ("Dvořák", 3, False),
        ("Ștefan", 0, False),
        ("a b", 1, False),
        ("a–b", 1, False),
        ("a\u00a0b", 1, False),
    ],
)
def test_is_suspicious(text: str, at: int, expected: bool) -> None:
    assert is_suspicious(text, at) is expected


def test_document_map_decides_where_words_do_not() -> None:
    page1 = "Das Schi\ue000 ist o\ue000en. Er ho\ue000t es."
    page2 = "Der Xylo\ue000ux kam."
    lex = Lexicon.for_text([page1, page2], "de")
    gmap = learn_glyph_map([page1, page2], lex)
    assert gmap.mapping == {"\ue000": "ff"}
    assert gmap.evidence["\ue000"]["ff"] == 3
    assert run(lambda t: fix_glyphs(t, gmap, lex), page2) == "Der Xyloffux kam."


def test_space_glyph_can_be_a_ligature_where_words_say_so() -> None:
    text = (
        "Die Zeitung\ufffdberichtet\ufffdheute\ufffdvon\ufffdden\ufffdPlänen. Es ist o\ufffdziell"
    )
    fix = learned_fix(text)
    assert run(fix, text) == "Die Zeitung berichtet heute von den Plänen. Es ist offiziell"


def test_no_map_no_change() -> None:
    lex = Lexicon.for_text(["xqzw\ue000vbkj"], "de")
    assert fix_glyphs("xqzw\ue000vbkj", GlyphMap(), lex) == []
    assert learn_glyph_map(["xqzw\ue000vbkj"], lex).mapping == {}


GLYPH_PIECES = [
    "Schi", "o", "ziell", "en", "nden", "Zeitung", "und", "der", "heute", "eingetro", "Łódź",
    "Ștefan", "x", " ", " ", " ", "\n", ".", ",", "„", "“", "–", "\u00a0", "\u00ad", "\ufffe",
    "\ufffd", "\ue000", "\ue001", "\U0003ffff", "\uffff", "\u01b1", "\ufb01", "\ufb03", "Ã",
    "¼", "Ã¼", "ÃŸ", "â€ž", "â€œ", "\x96", "ü",
]  # fmt: skip
glyph_texts = st.lists(st.sampled_from(GLYPH_PIECES), max_size=16).map("".join)
GLYPH_CHARS = sorted({c for piece in GLYPH_PIECES for c in piece} | set("afßA\u0250é"))
any_texts = st.text(alphabet=st.sampled_from(GLYPH_CHARS), max_size=24)


@settings(max_examples=150, deadline=None)
@given(st.one_of(glyph_texts, any_texts))
def test_ligatures_properties(text: str) -> None:
    once = accounted(expand_ligatures, text)
    assert run(expand_ligatures, once) == once


@settings(max_examples=150, deadline=None)
@given(st.one_of(glyph_texts, any_texts))
def test_mojibake_properties(text: str) -> None:
    once = accounted(fix_mojibake, text)
    assert once.count("\n") == text.count("\n")
    assert run(fix_mojibake, once) == once


@settings(max_examples=150, deadline=None)
@given(st.one_of(glyph_texts, any_texts), st.sampled_from(["de", "en"]))
def test_glyph_properties(text: str, lang: str) -> None:
    fix = learned_fix(text, lang)
    once = accounted(fix, text)
    assert run(fix, once) == once
