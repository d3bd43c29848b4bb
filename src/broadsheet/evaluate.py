"""Score predicted pages against gold pages, so that every change to the pipeline shows as numbers.

Pages are dicts in the gold contract (samples/README.md); keys other than "items", "furniture" and
"checks" are ignored. A document is a page, a list of pages, or a dict with a "pages" list; pages
are paired by position, a missing page counts as a page without items. Definitions:

fold(s)
    s with every whitespace run replaced by one space and the ends stripped. A field is *present*
    when it is a string that is non-empty after folding.
words(s)
    The casefolded runs of word characters (regex ``\\w+``) of s; a multiset where counted.
item_text(item)
    The item's present text fields in the order kicker, headline, teaser, byline, paragraphs...,
    pull_quotes..., caption, credit, notes..., joined with "\\n". authors and dateline are not
    text: they repeat the byline.
shingles(s, n)
    The multiset of the word n-grams of s: every run of n consecutive words() of s.
item matching
    With n = min(5, the shorter item's word count), at least 1, overlap(g, p) = Dice
    coefficient of shingles(item_text(g), n) and shingles(item_text(p), n),
    2|G ∩ P| / (|G| + |P|); symmetric in g and p, 0.0 when both are empty. Pairs with
    overlap >= 0.5 are matched one to one, greedily, best overlap first (ties: lower gold
    index, then lower predicted index). Word 5-grams are what the outside scorer counts: an
    item whose words are scrambled shares few 5-grams with anything and is not found (a word
    multiset would match it whole); an item that swallows its neighbours is found only when
    the gold item is about a third of it or more, and the n-grams across each seam count
    against it (three equal items run together miss each of them, where word multisets give
    exactly 0.5). Items shorter than five words are compared on n-grams as long as the
    shorter one, so a one-word item still matches itself.
item F1
    P = matched / predicted items, R = matched / gold items, F1 = 2PR / (P + R), which equals
    2 matched / (gold + predicted); P (R) is 1.0 without predicted (gold) items, F1 is 1.0
    when neither page has items.
text CER
    Gold text: the gold items' texts in gold order joined with "\\n\\n". Predicted text: the
    matched predicted items in the order of their gold items, then the unmatched ones in predicted
    order, joined the same way. Both folded; CER = Levenshtein distance / len(gold text), the
    denominator at least 1.
field accuracy
    Over kicker, headline, teaser, byline, caption, credit: for every gold item, a field counts
    once when it is present in the item or in its matched predicted item; it is right when present
    in both and equal after folding. Fields of unmatched gold items are wrong; unmatched predicted
    items do not count. Accuracy = right / counted, overall and per field (1.0 when none count).
paragraph-break F1
    For each matched pair where either side has paragraphs: each side's paragraphs are tokenised
    with words() and concatenated; a *start* is the word index where a paragraph other than the
    first begins (0 and the end excluded, duplicates merged). The word lists are aligned with
    difflib.SequenceMatcher(autojunk=False): a predicted index j maps to i1 + (j - j1) inside an
    "equal" opcode and to i1 when it is the first word of a "replace" or "insert" opcode.
    TP = gold starts mapped to by a predicted start, FP = predicted starts - TP,
    FN = gold starts - TP, pooled over all pairs; F1 = 2TP / (2TP + FP + FN), 1.0 when all are 0.
order tau
    For each matched pair, each predicted paragraph maps to the gold paragraph it shares the most
    words with (multiset intersection; ties: lower gold index; a paragraph sharing none is
    dropped). Over all pairs (a before b in predicted order) of mapped paragraphs of an item:
    concordant C when gold(a) < gold(b), discordant D when >, tied T when equal. Pooled over
    items, Kendall tau-b = (C - D) / sqrt((C + D + T)(C + D)) (predicted positions never tie);
    1.0 when C + D = 0.
checks
    Page text: all predicted item texts and the furniture strings (an object's string values)
    joined with "\\n", not folded (a "never" string may be a whitespace error). A "must" string
    passes when it is a substring of the page text, a "never" string when it is not.
    Score = passed / total (1.0 when none).
pooling
    aggregate() sums the counts of many pages (items, edit distance and gold length, fields,
    TP/FP/FN, C/D/T, checks) and recomputes every metric from the sums: CER = total distance /
    total gold length, not a mean of page CERs.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from broadsheet.matching import FIELDS, Item, fold, item_text, match_items, present, strings, words

Page = Mapping[str, Any]

ITEM_SEP = "\n\n"
EMPTY_PAGE: Page = {"items": []}
# --fail-under: "cer" is a ceiling, every other metric a floor.
METRICS = ("item_f1", "cer", "field_accuracy", "break_f1", "order_tau", "checks")
CEILINGS = frozenset({"cer"})


class EvalError(ValueError):
    """A document that cannot be read as pages; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Count:
    """hit out of total: a ratio that pools by adding."""

    hit: int = 0
    total: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.hit + other.hit, self.total + other.total)

    @property
    def ratio(self) -> float:
        return self.hit / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True)
class PageScore:
    """The counts behind every metric of one page (or many, pooled); metrics are properties."""

    gold_items: int = 0
    pred_items: int = 0
    matched: int = 0
    distance: int = 0
    gold_chars: int = 0
    fields: Mapping[str, Count] = field(default_factory=dict)
    break_tp: int = 0
    break_fp: int = 0
    break_fn: int = 0
    concordant: int = 0
    discordant: int = 0
    tied: int = 0
    checks: Count = Count()
    failed_checks: tuple[str, ...] = ()
    pages: int = 1

    @property
    def precision(self) -> float:
        return self.matched / self.pred_items if self.pred_items else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_items if self.gold_items else 1.0

    @property
    def item_f1(self) -> float:
        both = self.gold_items + self.pred_items
        return 2 * self.matched / both if both else 1.0

    @property
    def cer(self) -> float:
        return self.distance / max(1, self.gold_chars)

    @property
    def field_count(self) -> Count:
        return sum(self.fields.values(), Count())

    @property
    def field_accuracy(self) -> float:
        return self.field_count.ratio

    @property
    def break_f1(self) -> float:
        tp2 = 2 * self.break_tp
        denominator = tp2 + self.break_fp + self.break_fn
        return tp2 / denominator if denominator else 1.0

    @property
    def order_tau(self) -> float:
        untied = self.concordant + self.discordant
        if not untied:
            return 1.0
        return (self.concordant - self.discordant) / math.sqrt((untied + self.tied) * untied)

    def metric(self, name: str) -> float:
        """A headline metric by its METRICS name."""
        return self.checks.ratio if name == "checks" else float(getattr(self, name))

    def to_dict(self) -> dict[str, Any]:
        """Metrics and the counts behind them, for JSON."""
        counts = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        del counts["fields"], counts["checks"], counts["failed_checks"], counts["pages"]
        fields = {n: {"right": c.hit, "total": c.total} for n, c in self.fields.items()}
        return {
            "pages": self.pages,
            **{name: self.metric(name) for name in METRICS},
            "precision": self.precision,
            "recall": self.recall,
            "field_accuracy_by": {n: c.ratio for n, c in self.fields.items()},
            "failed_checks": list(self.failed_checks),
            "counts": {
                **counts,
                "fields": fields,
                "checks": {"passed": self.checks.hit, "total": self.checks.total},
            },
        }


def _items(page: Page) -> list[Item]:
    return [i for i in page.get("items") or [] if isinstance(i, Mapping)]


def _text_distance(
    gold: Sequence[Item], pred: Sequence[Item], pairs: Mapping[int, int]
) -> tuple[int, int]:
    """(edit distance, gold length) of the folded page texts laid out in gold order."""
    order = [pairs[gi] for gi in range(len(gold)) if gi in pairs]
    order += [pi for pi in range(len(pred)) if pi not in set(order)]
    gold_text = fold(ITEM_SEP.join(item_text(g) for g in gold))
    pred_text = fold(ITEM_SEP.join(item_text(pred[pi]) for pi in order))
    return Levenshtein.distance(gold_text, pred_text), len(gold_text)


def _field_counts(
    gold: Sequence[Item], pred: Sequence[Item], pairs: Mapping[int, int]
) -> dict[str, Count]:
    """Right and counted fields per field name (see the module docstring)."""
    counts = dict.fromkeys(FIELDS, Count())
    for gi, g in enumerate(gold):
        p: Item = pred[pairs[gi]] if gi in pairs else {}
        for name in FIELDS:
            a, b = present(g.get(name)), present(p.get(name))
            if a or b:
                counts[name] += Count(int(a == b), 1)
    return counts


def _paragraph_words(item: Item) -> list[list[str]]:
    return [words(p) for p in strings(item, "paragraphs")]


def _starts(paragraphs: Sequence[Sequence[str]]) -> set[int]:
    """Word indices where a paragraph after the first begins (0 and the end excluded)."""
    ends, at = set(), 0
    for para in paragraphs:
        ends.add(at)
        at += len(para)
    return {s for s in ends if 0 < s < at}


def _align(gold: list[str], pred: list[str]) -> dict[int, int]:
    """Predicted word index -> gold word index, for the indices the alignment places."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, gold, pred, autojunk=False)
    for tag, i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            mapping.update({j: i1 + j - j1 for j in range(j1, j2)})
        elif tag in ("replace", "insert"):
            mapping.setdefault(j1, i1)
    return mapping


def break_counts(gold: Item, pred: Item) -> tuple[int, int, int]:
    """(TP, FP, FN) of predicted paragraph starts against the gold ones of one item pair."""
    gparas, pparas = _paragraph_words(gold), _paragraph_words(pred)
    if not gparas and not pparas:
        return 0, 0, 0
    gstarts, pstarts = _starts(gparas), _starts(pparas)
    mapping = _align([w for p in gparas for w in p], [w for p in pparas for w in p])
    tp = len({mapping[j] for j in pstarts if j in mapping} & gstarts)
    return tp, len(pstarts) - tp, len(gstarts) - tp


def order_counts(gold: Item, pred: Item) -> tuple[int, int, int]:
    """(concordant, discordant, tied) pairs of gold paragraph indices in predicted order."""
    gbags = [Counter(p) for p in _paragraph_words(gold)]
    ranks: list[int] = []
    for para in _paragraph_words(pred):
        bag = Counter(para)
        shared = [(bag & g).total() for g in gbags]
        if shared and max(shared) > 0:
            ranks.append(shared.index(max(shared)))
    c = d = t = 0
    for a, ra in enumerate(ranks):
        for rb in ranks[a + 1 :]:
            c, d, t = c + (ra < rb), d + (ra > rb), t + (ra == rb)
    return c, d, t


def page_text(page: Page) -> str:
    """Everything a reader sees on the page: item texts and furniture, one per line."""
    furniture = page.get("furniture") or []
    parts = [item_text(i) for i in _items(page)]
    for f in furniture if isinstance(furniture, list) else []:
        values = f.values() if isinstance(f, Mapping) else [f]
        parts += [v for v in values if isinstance(v, str)]
    return "\n".join(parts)


def run_checks(gold: Page, pred: Page) -> tuple[Count, tuple[str, ...]]:
    """Passed checks out of all, and the failed ones as "must: …" / "never: …"."""
    checks = gold.get("checks")
    checks = checks if isinstance(checks, Mapping) else {}
    text = page_text(pred)
    failed: list[str] = []
    total = 0
    for kind, want in (("must", True), ("never", False)):
        for s in checks.get(kind) or []:
            total += 1
            if (str(s) in text) != want:
                failed.append(f"{kind}: {s}")
    return Count(total - len(failed), total), tuple(failed)


def _sum3(triples: Iterable[tuple[int, int, int]]) -> tuple[int, int, int]:
    a = b = c = 0
    for x, y, z in triples:
        a, b, c = a + x, b + y, c + z
    return a, b, c


def evaluate(gold: Page, pred: Page) -> PageScore:
    """All metrics of one predicted page against its gold page."""
    gitems, pitems = _items(gold), _items(pred)
    pairs = match_items(gitems, pitems)
    distance, gold_chars = _text_distance(gitems, pitems, pairs)
    matched = [(gitems[gi], pitems[pi]) for gi, pi in pairs.items()]
    tp, fp, fn = _sum3(break_counts(g, p) for g, p in matched)
    c, d, t = _sum3(order_counts(g, p) for g, p in matched)
    checks, failed = run_checks(gold, pred)
    return PageScore(
        gold_items=len(gitems),
        pred_items=len(pitems),
        matched=len(pairs),
        distance=distance,
        gold_chars=gold_chars,
        fields=_field_counts(gitems, pitems, pairs),
        break_tp=tp,
        break_fp=fp,
        break_fn=fn,
        concordant=c,
        discordant=d,
        tied=t,
        checks=checks,
        failed_checks=failed,
    )


def _add(a: PageScore, b: PageScore) -> PageScore:
    """Two scores pooled: every count added."""
    summed: dict[str, Any] = {}
    for f in dataclasses.fields(PageScore):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name == "fields":
            summed[f.name] = {n: x.get(n, Count()) + y.get(n, Count()) for n in {**x, **y}}
        else:
            summed[f.name] = x + y
    return PageScore(**summed)


def aggregate(scores: Iterable[PageScore]) -> PageScore:
    """Many pages as one: counts summed, every metric recomputed from the sums."""
    total = PageScore(fields=dict.fromkeys(FIELDS, Count()), pages=0)
    for score in scores:
        total = _add(total, score)
    return total


def pages_of(doc: object) -> list[Page]:
    """A document's pages: a page, a list of pages, or a dict with a "pages" list."""
    if isinstance(doc, Mapping) and isinstance(doc.get("pages"), list):
        doc = doc["pages"]
    pages: list[Page] = []
    for page in doc if isinstance(doc, list) else [doc]:
        if not isinstance(page, Mapping) or not isinstance(page.get("items", []), list):
            raise EvalError('not a page: expected an object with an "items" list')
        pages.append(page)
    return pages


def evaluate_document(gold: object, pred: object) -> PageScore:
    """Pages paired by position (a missing page has no items), pooled into one score."""
    gpages, ppages = pages_of(gold), pages_of(pred)
    count = max(len(gpages), len(ppages))
    gpages += [EMPTY_PAGE] * (count - len(gpages))
    ppages += [EMPTY_PAGE] * (count - len(ppages))
    scores = [evaluate(g, p) for g, p in zip(gpages, ppages, strict=True)]
    return aggregate(labelled(f"page {k}", s) if count > 1 else s for k, s in enumerate(scores, 1))


def labelled(label: str, score: PageScore) -> PageScore:
    """The score with its failed checks prefixed by where they failed."""
    failed = tuple(f"{label}: {check}" for check in score.failed_checks)
    return dataclasses.replace(score, failed_checks=failed)
