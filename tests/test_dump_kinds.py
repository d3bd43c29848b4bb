"""The dump benchmark's naive system (benchmarks/dump_kinds.py): what a user has without
broadsheet, against which the text path must do no harm."""

from __future__ import annotations

from benchmarks.dump_kinds import bag_f1, naive_page


def test_naive_is_one_item_a_paragraph_per_blank_line_block_hyphens_joined_before_lowercase() -> (
    None
):
    page = naive_page("Ein Ver-\nsuch mit Ost-\nWest\n\nzweiter  Block\fdritter")
    assert page == {
        "items": [
            {
                "type": "article",
                "paragraphs": ["Ein Versuch mit Ost- West", "zweiter Block", "dritter"],
            }
        ]
    }


def test_words_f1_counts_shared_words_in_any_order() -> None:
    gold = {"items": [{"type": "article", "paragraphs": ["Der Hafen wartet"]}]}
    pred = {"items": [{"type": "article", "paragraphs": ["wartet der Hafen noch"]}]}
    assert bag_f1(gold, pred) == (3, 3, 4)
