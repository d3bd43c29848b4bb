"""The evaluation metrics on the shipped gold page, with expected numbers worked out by hand."""

from __future__ import annotations

import copy
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from broadsheet.eval_cli import eval_main, format_report
from broadsheet.evaluate import (
    Count,
    PageScore,
    aggregate,
    evaluate,
    evaluate_document,
    fold,
    item_text,
    order_counts,
    page_text,
    words,
)
from broadsheet.matching import item_overlap, match_items

GOLD_PATH = Path(__file__).parents[1] / "samples" / "taz-seed.gold.json"
GOLD: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
CHECKS = len(GOLD["checks"]["must"]) + len(GOLD["checks"]["never"])


def gold_copy() -> dict[str, Any]:
    return copy.deepcopy(GOLD)


def gold_chars(page: dict[str, Any]) -> int:
    """Length of the folded gold layout, computed independently of the module."""
    return len(" ".join(" ".join(item_text(i).split()) for i in page["items"]))


def hyphen_error() -> dict[str, Any]:
    """The gold page with one hyphen wrongly kept: Heimatland -> Heimat-land."""
    pred = gold_copy()
    body = pred["items"][1]["paragraphs"]
    [at] = [i for i, p in enumerate(body) if "Heimatland" in p]
    body[at] = body[at].replace("Heimatland", "Heimat-land")
    return pred


def test_item_text_field_order_leaves_out_authors_and_dateline() -> None:
    item = {
        "type": "article",
        "notes": ["N"],
        "credit": "Cr",
        "caption": "Ca",
        "pull_quotes": ["Q"],
        "paragraphs": ["P1", "  ", "P2"],
        "byline": "Von X",
        "authors": ["X"],
        "dateline": "Ort",
        "teaser": "T",
        "headline": "H",
        "kicker": "K",
    }
    assert item_text(item) == "K\nH\nT\nVon X\nP1\nP2\nQ\nCa\nCr\nN"


def test_gold_against_itself_is_perfect() -> None:
    score = evaluate(GOLD, GOLD)
    assert (score.gold_items, score.pred_items, score.matched) == (4, 4, 4)
    assert score.item_f1 == 1.0
    assert score.cer == 0.0
    assert score.gold_chars == gold_chars(GOLD)
    assert score.field_accuracy == 1.0
    assert score.field_count == Count(12, 12)
    # Gold paragraph starts after the first: 7-1 + 3-1 + 4-1.
    assert (score.break_tp, score.break_fp, score.break_fn) == (11, 0, 0)
    assert score.break_f1 == 1.0
    assert score.order_tau == 1.0
    assert score.checks == Count(CHECKS, CHECKS)
    assert score.failed_checks == ()


def test_reversed_paragraphs_give_negative_tau() -> None:
    pred = gold_copy()
    for item in pred["items"]:
        if "paragraphs" in item:
            item["paragraphs"].reverse()
    score = evaluate(GOLD, pred)
    assert score.order_tau < 0
    assert score.order_tau == -1.0
    assert score.item_f1 == 1.0


def test_tau_by_hand_on_a_small_item() -> None:
    gold = {"paragraphs": ["alpha beta", "gamma delta", "epsilon zeta"]}
    pred = {"paragraphs": ["gamma delta", "alpha beta", "epsilon zeta"]}
    assert order_counts(gold, pred) == (2, 1, 0)
    score = PageScore(concordant=2, discordant=1)
    assert score.order_tau == pytest.approx(1 / 3)
    # A split gold paragraph makes a tied pair: tau-b = (C - D) / sqrt((C + D + T)(C + D)).
    split = {"paragraphs": ["alpha", "beta", "gamma delta", "epsilon zeta"]}
    assert order_counts(gold, split) == (5, 0, 1)
    assert PageScore(concordant=5, tied=1).order_tau == pytest.approx(5 / math.sqrt(30))


def test_merged_paragraphs_lower_break_f1_but_keep_tau() -> None:
    pred = gold_copy()
    body = pred["items"][1]["paragraphs"]
    body[0:2] = [body[0] + " " + body[1]]
    score = evaluate(GOLD, pred)
    assert (score.break_tp, score.break_fp, score.break_fn) == (10, 0, 1)
    assert score.break_f1 == pytest.approx(20 / 21)
    assert score.order_tau == 1.0
    assert score.cer == 0.0  # folding makes the lost break invisible to CER


def test_missing_item_lowers_f1_fields_and_cer() -> None:
    pred = gold_copy()
    picture = pred["items"].pop(0)  # kicker, headline, caption, credit
    score = evaluate(GOLD, pred)
    # P = 3/3, R = 3/4, F1 = 2PR/(P+R) = 1.5/1.75 = 6/7.
    assert (score.precision, score.recall) == (1.0, 0.75)
    assert score.item_f1 == pytest.approx(6 / 7)
    # Gold fields: picture 4 + article 3 + box 2 + diary 3 = 12; the picture's 4 are wrong.
    assert score.field_count == Count(8, 12)
    assert score.field_accuracy == pytest.approx(2 / 3)
    expected = {
        "kicker": Count(1, 2),
        "headline": Count(3, 4),
        "teaser": Count(1, 1),
        "byline": Count(2, 2),
        "caption": Count(0, 1),
        "credit": Count(1, 2),
    }
    assert dict(score.fields) == expected
    # The folded picture text and the one space that separated it from the next item are lost.
    lost = len(fold(item_text(picture))) + 1
    assert score.distance == lost
    assert score.cer == pytest.approx(lost / gold_chars(GOLD))


def test_field_only_in_prediction_counts_as_wrong() -> None:
    pred = gold_copy()
    pred["items"][2]["kicker"] = "Kasten"
    pred["items"][3]["byline"] = "Aus  Moskau\nXenia Babich"  # whitespace is folded: still right
    score = evaluate(GOLD, pred)
    assert score.fields["kicker"] == Count(2, 3)
    assert score.fields["byline"] == Count(2, 2)


def test_hyphen_error_raises_cer_by_one_edit_and_fails_checks() -> None:
    score = evaluate(GOLD, hyphen_error())
    assert score.distance == 1
    assert score.cer == pytest.approx(1 / gold_chars(GOLD))
    assert score.item_f1 == 1.0
    assert score.checks == Count(CHECKS - 2, CHECKS)
    assert score.failed_checks == ("must: Heimatland", "never: Heimat-land")
    assert "failed must: Heimatland" in format_report(score)


def test_checks_see_furniture_and_unfolded_whitespace() -> None:
    pred = gold_copy()
    for item in pred["items"]:
        item["paragraphs"] = [
            p.replace("Sergej K.", "Sergej  K.") for p in item.get("paragraphs", [])
        ]
    pred["furniture"] = ["Sergej K.", {"text": "Seite 2"}]
    score = evaluate(GOLD, pred)
    assert score.failed_checks == ("never: Sergej  K.",)
    assert "Seite 2" in page_text(pred)


def test_unmatched_prediction_lowers_precision_and_adds_to_cer() -> None:
    pred = gold_copy()
    pred["items"].insert(0, {"type": "brief", "paragraphs": ["Wetter heute sonnig"]})
    score = evaluate(GOLD, pred)
    assert (score.matched, score.pred_items) == (4, 5)
    assert score.item_f1 == pytest.approx(8 / 9)
    assert score.distance == len(" Wetter heute sonnig")  # appended after the matched items
    assert score.field_accuracy == 1.0


def brief(text: str) -> dict[str, Any]:
    return {"type": "brief", "paragraphs": [text]}


# Three neighbouring gold items of twelve words each, no word shared between them.
NEIGHBOURS = [
    brief(" ".join(f"{stem}{k}" for k in range(12))) for stem in ("alpha", "beta", "gamma")
]


def bag_dice(a: dict[str, Any], b: dict[str, Any]) -> float:
    """The old measure, word multisets without order, worked out here for comparison."""
    x, y = Counter(words(item_text(a))), Counter(words(item_text(b)))
    return 2 * (x & y).total() / (x.total() + y.total())


def test_an_item_swallowing_two_gold_neighbours_is_not_matched() -> None:
    swallowed = brief(" ".join(p for g in NEIGHBOURS for p in g["paragraphs"]))
    # A word multiset finds the middle item inside it (Dice 2*12/48 = 0.5) ...
    assert bag_dice(NEIGHBOURS[1], swallowed) == 0.5
    # ... its 5-grams do not: 8 shared of 8 and 32, Dice 16/40.
    assert item_overlap(NEIGHBOURS[1], swallowed) == pytest.approx(0.4)
    assert match_items(NEIGHBOURS, [swallowed]) == {}
    score = evaluate({"items": NEIGHBOURS}, {"items": [swallowed]})
    assert (score.matched, score.item_f1) == (0, 0.0)
    # The same item split back into three is found whole.
    assert match_items(NEIGHBOURS, list(reversed(NEIGHBOURS))) == {0: 2, 1: 1, 2: 0}


def test_a_word_scrambled_item_is_not_matched() -> None:
    gold = NEIGHBOURS[0]
    [text] = gold["paragraphs"]
    scrambled = brief(" ".join(reversed(text.split())))
    assert bag_dice(gold, scrambled) == 1.0
    assert item_overlap(gold, scrambled) == 0.0
    assert match_items([gold], [scrambled]) == {}


@pytest.mark.parametrize("text", ["Kurz", "Zwei Worte", "Drei kurze Worte", "Nur vier kurze Worte"])
def test_short_items_of_one_to_four_words_match_themselves(text: str) -> None:
    item = {"type": "box", "headline": text}
    assert item_overlap(item, dict(item)) == 1.0
    assert match_items([item], [dict(item)]) == {0: 0}
    # Against a longer item the shorter one's length sets n, so its whole text is one n-gram:
    # three words more make 4 n-grams against 1, Dice 2/5, no longer the same item.
    other = {"type": "box", "headline": text + " und noch mehr"}
    assert item_overlap(item, other) == pytest.approx(0.4)
    assert match_items([item], [other]) == {}


def test_overlap_and_matching_are_symmetric() -> None:
    items = [*NEIGHBOURS, *GOLD["items"], brief("Kurz"), {"headline": "alpha0 alpha1 alpha2"}]
    for a in items:
        for b in items:
            assert item_overlap(a, b) == item_overlap(b, a)
    pred = [*hyphen_error()["items"], NEIGHBOURS[0]]
    forward = match_items(GOLD["items"], pred)
    backward = match_items(pred, GOLD["items"])
    assert forward == {0: 0, 1: 1, 2: 2, 3: 3}
    assert backward == {p: g for g, p in forward.items()}


def test_aggregate_pools_counts_not_ratios() -> None:
    perfect, missing = evaluate(GOLD, GOLD), evaluate(GOLD, hyphen_error())
    total = aggregate([perfect, missing])
    assert total.pages == 2
    assert total.cer == pytest.approx(1 / (2 * gold_chars(GOLD)))
    assert total.item_f1 == 1.0
    assert total.checks == Count(2 * CHECKS - 2, 2 * CHECKS)
    assert total.fields["headline"] == Count(8, 8)


def test_documents_of_several_pages_pair_by_position() -> None:
    doc = evaluate_document([GOLD, GOLD], {"pages": [GOLD]})
    assert doc.pages == 2
    assert (doc.gold_items, doc.pred_items, doc.matched) == (8, 4, 4)
    assert doc.cer == pytest.approx(0.5)
    labelled = evaluate_document([GOLD, GOLD], [GOLD, hyphen_error()])
    assert labelled.failed_checks == ("page 2: must: Heimatland", "page 2: never: Heimat-land")


def test_to_dict_is_json() -> None:
    data = json.loads(json.dumps(evaluate(GOLD, hyphen_error()).to_dict()))
    assert data["item_f1"] == 1.0
    assert data["counts"]["distance"] == 1
    assert data["failed_checks"] == ["must: Heimatland", "never: Heimat-land"]
    assert data["field_accuracy_by"]["headline"] == 1.0


def write(path: Path, page: object) -> Path:
    path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_main_on_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pred = write(tmp_path / "pred.json", {**hyphen_error(), "schema": "x", "provenance": []})
    assert eval_main([str(GOLD_PATH), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "text CER" in out and "failed must: Heimatland" in out
    assert eval_main([str(GOLD_PATH), str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["counts"]["distance"] == 1
    assert list(data["documents"]) == ["taz-seed"]


def test_eval_main_on_folders(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    write(gold_dir / "a.gold.json", GOLD)
    write(gold_dir / "b.json", GOLD)
    write(pred_dir / "a.json", GOLD)
    write(pred_dir / "b.json", hyphen_error())
    write(pred_dir / "extra.json", GOLD)
    assert eval_main([str(gold_dir), str(pred_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(data["documents"]) == ["a", "b"]
    assert data["documents"]["a"]["cer"] == 0.0
    assert data["total"]["pages"] == 2
    assert eval_main([str(gold_dir), str(pred_dir)]) == 0
    assert "document" in capsys.readouterr().out


def test_fail_under(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pred = str(write(tmp_path / "pred.json", hyphen_error()))
    gold = str(GOLD_PATH)
    assert eval_main([gold, pred, "--fail-under", "cer=0.01", "--fail-under", "item_f1=1"]) == 0
    assert eval_main([gold, pred, "--fail-under", "cer=0", "--fail-under", "checks=0.99"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("broadsheet eval: cer")
    with pytest.raises(SystemExit) as usage:
        eval_main([gold, pred, "--fail-under", "speed=1"])
    assert usage.value.code == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [("broken.json", '{"items": ['), ("missing.json", None), ("list.json", "[1, 2]")],
)
def test_bad_file_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert eval_main([str(GOLD_PATH), str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert name in captured.err and "Traceback" not in captured.err


def test_missing_prediction_in_folder_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    write(tmp_path / "gold" / "a.json", GOLD)
    assert eval_main([str(tmp_path / "gold"), str(tmp_path / "pred")]) == 1
    assert "a.json: no such file" in capsys.readouterr().err


def test_file_against_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as usage:
        eval_main([str(GOLD_PATH), str(tmp_path)])
    assert usage.value.code == 2
