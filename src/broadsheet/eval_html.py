"""`broadsheet eval --html`: gold and prediction side by side, item by item, in one file.

The figures come first (the whole and each document), then each page's items: gold on the
left, the prediction it was matched with on the right (`matching.match_items`, the pairing
the scores use), each field in reading order, a field that differs marked and its words
diffed (deleted words struck out, inserted ones underlined); gold items with no match and
predicted items matched to none follow, and the checks that failed. It is the tool the
layout is tuned with: a number says that something is off, this says what.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from html import escape

from broadsheet.evaluate import METRICS, Page, PageScore
from broadsheet.matching import Item, match_items, strings
from broadsheet.model import FIELD_ORDER

STYLE = """
body { font:14px/1.4 system-ui, sans-serif; margin:16px; }
table { border-collapse:collapse; } td, th { border:1px solid #bbb; padding:2px 6px; }
.pair { display:grid; grid-template-columns:1fr 1fr; gap:8px; margin:10px 0;
  border-top:2px solid #444; padding-top:6px; }
.field { margin:2px 0; } .field b { color:#555; } .diff { background:#fff3cd; }
del { color:#a00; } ins { color:#070; } .none { color:#999; font-style:italic; }
h2 { margin-top:28px; } .failed { color:#a00; }
"""


def report_html(named: Sequence[tuple[str, list[Page], list[Page], PageScore]]) -> str:
    """The report for (name, gold pages, predicted pages, score) of each document."""
    figures = _figures([(name, score) for name, _, _, score in named])
    body = "".join(_document(name, gold, pred, score) for name, gold, pred, score in named)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>broadsheet eval</title>'
        f"<style>{STYLE}</style></head><body><h1>broadsheet eval</h1>{figures}{body}"
        "</body></html>\n"
    )


def _figures(named: Sequence[tuple[str, PageScore]]) -> str:
    head = "".join(f"<th>{m}</th>" for m in METRICS)
    rows = "".join(
        f"<tr><td>{escape(name)}</td>"
        + "".join(f"<td>{score.metric(m):.4f}</td>" for m in METRICS)
        + "</tr>"
        for name, score in named
    )
    return f'<table id="figures"><tr><th>document</th>{head}</tr>{rows}</table>'


def _document(name: str, gold: list[Page], pred: list[Page], score: PageScore) -> str:
    parts = [f"<h2>{escape(name)}</h2>"]
    for k in range(max(len(gold), len(pred))):
        g = gold[k]["items"] if k < len(gold) else []
        p = pred[k]["items"] if k < len(pred) else []
        parts.append(f"<h3>page {k + 1}</h3>{_page(g, p)}")
    if score.failed_checks:
        rows = "".join(f"<li>{escape(c)}</li>" for c in score.failed_checks)
        parts.append(f'<ul class="failed">{rows}</ul>')
    return "".join(parts)


def _page(gold: Sequence[Item], pred: Sequence[Item]) -> str:
    """Matched pairs in gold order, then gold items missed, then predicted ones extra."""
    pairs = match_items(gold, pred)
    out = [_pair(g, pred[pairs[k]] if k in pairs else None) for k, g in enumerate(gold)]
    used = set(pairs.values())
    out += [_pair(None, p) for k, p in enumerate(pred) if k not in used]
    return "".join(out)


def _pair(gold: Item | None, pred: Item | None) -> str:
    """One gold item beside its predicted match (either may be missing)."""
    kind = "matched" if gold and pred else ("missed" if gold else "extra")
    left = _item(gold, pred, words=False) if gold else '<div class="none">no gold item</div>'
    right = _item(pred, gold, words=True) if pred else '<div class="none">not found</div>'
    return f'<div class="pair {kind}"><div>{left}</div><div>{right}</div></div>'


def _item(item: Item, other: Item | None, words: bool) -> str:
    """An item's fields; those that differ from the other side's are marked, and with
    `words` (the prediction's side) diffed against the gold's words."""
    rows = [f"<b>{escape(str(item.get('type', '?')))}</b>"]
    for name in FIELD_ORDER:
        mine = " ¶ ".join(strings(item, name))
        theirs = " ¶ ".join(strings(other, name)) if other is not None else mine
        if not mine:
            continue
        same = other is None or mine == theirs
        text = escape(mine) if same or not words else _diffed(theirs, mine)
        cls = "field" if same else "field diff"
        rows.append(f'<div class="{cls}" data-field="{name}"><b>{name}</b>: {text}</div>')
    return "".join(rows)


def _diffed(before: str, after: str) -> str:
    """`after` with the words `before` lacks underlined and those it dropped struck out.

    >>> _diffed("the old house", "the new house")
    'the <del>old</del> <ins>new</ins> house'
    """
    a, b = before.split(), after.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape(" ".join(b[j1:j2])))
    return " ".join(out)
