"""Lines and blocks from hand-placed runs (layout/geometry.py): what keeps a line whole and
a paragraph one block. Each case fails if the line or block is cut where the page shows
none, or joined across a column's edge."""

from __future__ import annotations

from tests.pdfpages import BODY, LEAD, run

from broadsheet.layout.geometry import blocks, lines
from broadsheet.model import Box
from broadsheet.page import Run, Shape


def texts(runs: list[Run]) -> list[list[str]]:
    """Each line's runs' texts, top down."""
    return [[r.text for r in line.runs] for line in lines(runs)]


def test_a_bold_name_after_a_stretched_space_stays_on_its_line() -> None:
    # A justified line: the space before the roman words is stretched to 0.9 em.
    name = run("Jane Roe", 40, 500, width=40, font="Serif-Bold")
    rest = run("(53), the chief,", 40 + 40 + 0.9 * BODY, 500, width=70)
    assert texts([name, rest]) == [["Jane Roe", "(53), the chief,"]]


def test_a_column_gap_in_another_type_still_parts_two_lines() -> None:
    left = run("end of the left column", 40, 500, width=120, font="Serif-Bold")
    right = run("start of the right one", 40 + 120 + 3 * BODY, 500, width=120)
    assert texts([left, right]) == [["end of the left column"], ["start of the right one"]]


def test_a_dash_drawn_on_its_own_joins_its_line() -> None:
    before = run("moved", 40, 500, width=30)
    dash = run("-", 40 + 30 + 2, 500, width=3)._replace(box=(72.0, 503.0, 75.0, 504.0))
    after = run("and shared", 77, 500, width=50)
    assert texts([before, dash, after]) == [["moved", "-", "and shared"]]


def test_a_links_underline_does_not_cut_its_paragraph() -> None:
    first = run("Read the report on the", 40, 500, width=140)
    second = run("archive's new website", 40, 500 - LEAD, width=130)
    underline = (40.0, 499.5, 180.0, 500.0)  # under the first line's words
    found = blocks(lines([first, second]), [_rule(underline)])
    assert [len(b.lines) for b in found] == [2]


def test_a_rule_between_two_lines_still_cuts_them() -> None:
    # Lines a little further apart than the leading, the rule halfway between.
    first = run("The last line of one story", 40, 500, width=140)
    second = run("The first of the next", 40, 500 - LEAD - 4, width=140)
    middle = (500 + 500 - LEAD - 4 + BODY * 1.15) / 2
    between = (40.0, middle - 0.25, 180.0, middle + 0.25)
    found = blocks(lines([first, second]), [_rule(between)])
    assert [len(b.lines) for b in found] == [1, 1]


def _rule(box: Box) -> Shape:
    return Shape("rule", box, None)


def test_a_short_last_line_under_an_indented_first_line_is_one_paragraph() -> None:
    # A two-line paragraph: its first line indented by an em and a half, its last a word.
    first = run("The blast came at seven in the", 40 + 1.5 * BODY, 500, width=140)
    last = run("evening.", 40, 500 - LEAD, width=2.2 * BODY)
    assert [len(b.lines) for b in blocks(lines([first, last]), [])] == [2]
    # A word that far left of the line above is another column's.
    beside = run("Index", 40 - 3 * BODY - 10, 500 - LEAD, width=BODY + 12)
    assert [len(b.lines) for b in blocks(lines([first, beside]), [])] == [1, 1]
