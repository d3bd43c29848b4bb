"""Reading order cut by rules and white space (layout/order.py), on bare boxes: rows ruled
off, each story of a row ruled on its own, and a column that goes on under a white band."""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.layout.order import reading_order
from broadsheet.model import Box

BODY = 9.0


def order(boxes: dict[str, Box], rules: Sequence[Box] = ()) -> list[str]:
    return reading_order(list(boxes), boxes.__getitem__, BODY, rules)


def test_a_rule_across_the_page_cuts_rows_first() -> None:
    # Row one: a story over the two left columns, one in the right column; row two: a
    # story whose head stands over the left column only, under the page-wide rule. The
    # white over row two is narrower than a row's gap.
    page = {
        "A text": (40.0, 560.0, 290.0, 740.0),
        "C text": (310.0, 570.0, 560.0, 740.0),
        "B head": (40.0, 530.0, 290.0, 550.0),
        "B text left": (40.0, 400.0, 290.0, 520.0),
        "B text right": (310.0, 400.0, 560.0, 540.0),
    }
    rule = (40.0, 554.8, 560.0, 555.2)
    got = order(page, [rule])
    assert got == ["A text", "C text", "B head", "B text left", "B text right"]


def test_rules_drawn_at_one_height_story_by_story_count_as_one() -> None:
    page = {
        "row one left": (40.0, 600.0, 290.0, 760.0),
        "row one right": (310.0, 600.0, 560.0, 760.0),
        "row two left": (40.0, 400.0, 290.0, 570.0),
        "row two right": (310.0, 400.0, 560.0, 570.0),
        "row one right foot": (310.0, 580.0, 560.0, 598.0),
    }
    rules = [(40.0, 574.8, 290.0, 575.2), (300.0, 574.8, 560.0, 575.2)]
    got = order(page, rules)
    assert got[:3] == ["row one left", "row one right", "row one right foot"]


def test_a_column_going_on_under_a_white_band_is_not_a_new_row() -> None:
    page = {
        "left": (40.0, 640.0, 290.0, 760.0),
        "middle top": (300.0, 640.0, 450.0, 760.0),
        "middle after the band": (300.0, 420.0, 450.0, 610.0),
        "right": (460.0, 630.0, 560.0, 760.0),
    }
    # White from 610 to 630 runs across the page (two body ems and more), yet what lies
    # under it is the middle column going on, in its own measure.
    got = order(page)
    assert got.index("middle after the band") < got.index("right")


def test_a_footer_across_the_gutter_leaves_the_row_over_it_in_columns() -> None:
    # The last row: two stories side by side, each a kicker, a headline and a column,
    # their lines level with each other; under them, closer than a row's gap, the page's
    # foot line, centred, runs across the gutter, so no gutter parts the whole region.
    page = {
        "L kicker": (40.0, 500.0, 80.0, 510.0),
        "R kicker": (310.0, 500.0, 340.0, 510.0),
        "L head": (40.0, 480.0, 250.0, 495.0),
        "R head": (310.0, 480.0, 520.0, 495.0),
        "L text": (40.0, 300.0, 290.0, 470.0),
        "R text": (310.0, 340.0, 560.0, 470.0),
        "foot line": (220.0, 285.0, 380.0, 293.0),
    }
    got = order(page)
    assert got == ["L kicker", "L head", "L text", "R kicker", "R head", "R text", "foot line"]


def test_a_ragged_quote_under_a_white_band_goes_on_in_its_column() -> None:
    # A pull quote set ragged, narrower than its column, under the white its rule leaves;
    # the story beside it in the row ends higher up.
    page = {
        "left column": (40.0, 500.0, 290.0, 700.0),
        "quote in the left column": (40.0, 440.0, 220.0, 470.0),
        "right story": (310.0, 560.0, 560.0, 700.0),
    }
    got = order(page)
    assert got == ["left column", "quote in the left column", "right story"]
