"""Line-end hyphens: table-driven junctions and texts, plus properties of `dehyphenate`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.model import Traced
from broadsheet.repair import run
from broadsheet.repair.hyphens import (
    HARD_HYPHENS,
    PDFIUM_HYPHEN,
    SOFT_HYPHENS,
    decide_junction,
    dehyphenate,
    remove_inline_soft_hyphens,
)
from broadsheet.repair.lexicon import Lexicon

CASES: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "cases" / "hyphens.json").read_text(encoding="utf-8")
)
OUTCOME = {
    "join": (1, "", "hyphen.join"),
    "keep": (0, "", "hyphen.keep"),
    "elision": (0, " ", "hyphen.elision"),
    "linebreak": (0, " ", "linebreak"),
    "unspaced": (0, "", "linebreak.unspaced"),
    "soft": (1, "", "hyphen.soft"),
    "pdfium-keep": (1, "-", "hyphen.keep"),
    "pdfium-elision": (1, "- ", "hyphen.elision"),
}


def _id(case: dict[str, Any]) -> str:
    return f"{case['left']}|{case['right']}" + ("+doc" if "doc" in case else "")


@pytest.mark.parametrize("case", CASES["junctions"], ids=_id)
def test_junction(case: dict[str, Any]) -> None:
    lex = Lexicon.for_text([case["left"], case["right"], *case.get("doc", [])], case["lang"])
    junction = decide_junction(case["left"], case["right"], lex)
    assert (junction.cut, junction.text, junction.rule) == OUTCOME[case["out"]]


@pytest.mark.parametrize("case", CASES["texts"], ids=lambda c: repr(c["in"][:40]))
def test_text(case: dict[str, Any]) -> None:
    lex = Lexicon.for_text([case["in"]], case["lang"])
    assert run(lambda t: dehyphenate(t, lex), case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES["inline_soft"], ids=lambda c: repr(c["in"]))
def test_inline_soft_hyphens(case: dict[str, Any]) -> None:
    assert run(remove_inline_soft_hyphens, case["in"]) == case["out"]


def test_inline_then_dehyphenate() -> None:
    text = "Heimat\ufffeland und Heimat\ufffe\nland"
    lex = Lexicon.for_text([text], "de")
    once = run(remove_inline_soft_hyphens, text)
    assert run(lambda t: dehyphenate(t, lex), once) == "Heimatland und Heimatland"


# Text made of words, hyphens of every kind, dashes, quotes, digits and ragged line breaks.
_PIECES = st.sampled_from(
    [
        "Heimat", "land", "SPD", "Fraktion", "und", "oder", "Ein", "rot", "grün", "long",
        "term", "and", "32", "Jährige", "zung", "e", "„", "“", "(", ")", ",", ".", "–",
        "-", "\u2010", "\u00ad", "\ufffe", "¬", " ", "  ", "\n", " \n", "\n ", "\r\n", "\n\n",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)
_LANGS = st.sampled_from(["de", "en"])


def _lexicon(text: str, lang: str) -> Lexicon:
    return Lexicon.for_text([text], lang)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _LANGS)
def test_dehyphenate_is_idempotent(text: str, lang: str) -> None:
    lex = _lexicon(text, lang)
    once = run(lambda t: dehyphenate(t, lex), text)
    assert "\n" not in once.strip()
    assert run(lambda t: dehyphenate(t, lex), once) == once


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _LANGS)
def test_every_removed_character_is_recorded(text: str, lang: str) -> None:
    edits = dehyphenate(text, _lexicon(text, lang))
    new, repairs = Traced.of_source(text, 0, len(text)).apply(edits)
    rebuilt: list[str] = []
    pos = 0
    for r in sorted(repairs, key=lambda r: r.start):
        assert text[r.start : r.end] == r.before
        rebuilt.append(text[pos : r.start] + r.after)
        pos = r.end
    assert "".join(rebuilt) + text[pos:] == new.text
    for r in repairs:
        dropped = r.before.strip()
        if PDFIUM_HYPHEN in r.before:  # dropped, or written as the hyphen it stands for
            assert dropped == PDFIUM_HYPHEN and r.after in ("", " ", "-", "- ")
            continue
        assert r.after in ("", " ")
        assert dropped == "" or (len(dropped) == 1 and r.rule in ("hyphen.join", "hyphen.soft"))
        assert dropped == "" or dropped in HARD_HYPHENS | SOFT_HYPHENS


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_inline_soft_hyphens_only_drop_markers(text: str) -> None:
    new, repairs = Traced.of_source(text, 0, len(text)).apply(remove_inline_soft_hyphens(text))
    assert all(r.before in ("\u00ad", "\ufffe") and r.after == "" for r in repairs)
    assert len(new.text) == len(text) - len(repairs)
    assert run(remove_inline_soft_hyphens, new.text) == new.text
