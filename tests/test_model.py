"""Traced text: building a text piece by piece maps every character as slicing would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.model import Builder, Edit, Traced, concat

_WORDS = st.text(alphabet="ab -\u00ad", min_size=1, max_size=12)


@st.composite
def _traced(draw: st.DrawFn) -> Traced:
    """A line as the pipeline sees it: straight from the source, or already repaired."""
    text = draw(_WORDS)
    start = draw(st.integers(0, 500))
    line = Traced.of_source("x" * start + text, start, start + len(text))
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):  # a repair made it two or three segments
        line = line.apply(
            [Edit(at, min(at + 1, len(text)), draw(st.sampled_from(["", "ss"])), "t")]
        )[0]
    return line


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_traced(), st.integers(0, 14), st.text("- ", max_size=2)), min_size=1))
def test_builder_maps_like_concat_of_slices(pieces: list[tuple[Traced, int, str]]) -> None:
    built, parts = Builder(), []
    for k, (line, keep, joint) in enumerate(pieces):
        keep = min(keep, len(line))
        built.add(line, keep)
        built.insert(joint, k, k + 1)
        parts += [line.slice(0, keep), Traced.inserted(joint, k, k + 1)]
    expected = concat(parts)
    got = built.build()
    assert got.text == expected.text
    assert [got.src_span(i, i + 1) for i in range(len(got))] == [
        expected.src_span(i, i + 1) for i in range(len(expected))
    ]
