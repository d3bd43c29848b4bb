"""Items from a page plan: each story and picture becomes an `Item` with traced fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.layout.captions import Picture, split_credit
from broadsheet.layout.headers import EXTRA, header_roles
from broadsheet.layout.paragraphs import join_lines, paragraphs
from broadsheet.layout.plan import Plan, Story
from broadsheet.layout.roles import FUNCTION_WORDS, Unit, parse_byline
from broadsheet.model import Item, ItemType, Repair, Traced
from broadsheet.repair.lexicon import Lexicon

# A story without byline whose body is one paragraph shorter than this is a brief.
BRIEF_MAX_CHARS = 600
# Paragraphs opening with a run-in head ("Label in bold: text") mark a box of briefs.
RUN_IN_RE = re.compile(r"^[^\s:.!?]+(?: [^\s:.!?]+){0,5}: \S")
MIN_RUN_INS = 2
# Surplus display lines of at most this many words are labels (page furniture).
LABEL_MAX_WORDS = 5
# A picture title holding kicker and headline on one line has at least this many words.
TITLE_SPLIT_MIN_WORDS = 5


class _Texts:
    """Joins unit lines into traced text and keeps the repairs made on the way."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.repairs: list[Repair] = []

    def of(self, units: Sequence[Unit]) -> Traced | None:
        return self.joined([line for u in units for line in u.lines])

    def joined(self, lines: Sequence[Traced]) -> Traced | None:
        """The lines as one text; None when nothing is left."""
        if not lines:
            return None
        text, repairs = join_lines(lines, self.lex)
        self.repairs += repairs
        return text if text.text else None

    def each(self, units: Sequence[Unit]) -> tuple[Traced, ...]:
        return tuple(t for u in units if (t := self.of([u])) is not None)


def build_items(
    plan: Plan, lex: Lexicon
) -> tuple[list[Item], list[Traced], list[Traced], list[Repair]]:
    """Items in dump order, the page furniture, the page's ads (each ad's text as one), and
    every repair made on their text."""
    texts = _Texts(lex)
    placed: list[tuple[float, Item]] = []
    # Each story's header roles, found once: its item and its extras both read them.
    roles = [header_roles(story.heads, story.pieces) for story in plan.stories]
    for story, roles_of in zip(plan.stories, roles, strict=True):
        item = _story_item(story, roles_of, texts)
        if item is not None:
            placed.append((_first_index(story), item))
    for pic in plan.pictures:
        item = _picture_item(pic, texts, plan.lang)
        if item is not None:
            parts = (pic.caption, pic.credit, pic.title, *pic.heads)
            first = min(u.index for u in parts if u is not None)
            placed.append((first, item))
    extras = [u for s, r in zip(plan.stories, roles, strict=True) for u in _extras(s, r)[0]]
    furniture = list(texts.each(sorted([*plan.furniture, *extras], key=lambda u: u.index)))
    items = [item for _, item in sorted(placed, key=lambda p: p[0])]
    ads = [t for t in (texts.of(group) for group in _by_region(plan.ads)) if t is not None]
    return items, furniture, ads, texts.repairs


def _by_region(units: list[Unit]) -> list[list[Unit]]:
    """The ad units, one group per ad: a frame's blocks are read together, so the units of
    one ad are neighbours in reading order (block numbers at most one apart)."""
    groups: list[list[Unit]] = []
    for u in units:
        if groups and int(u.index) - int(groups[-1][-1].index) <= 1:
            groups[-1].append(u)
        else:
            groups.append([u])
    return groups


def _extras(story: Story, roles_of: dict[float, str]) -> tuple[list[Unit], list[Unit]]:
    """Display text a story has no header place for (by its header roles): short labels
    (page furniture), and longer text set apart in the story, kept with it as pull quotes."""
    labels: list[Unit] = []
    longer: list[Unit] = []
    for u in story.heads:
        if roles_of.get(u.index) == EXTRA:
            (labels if len(u.text.split()) <= LABEL_MAX_WORDS else longer).append(u)
    return labels, longer


def _first_index(story: Story) -> float:
    units = [*story.pieces, *story.heads, *story.pull_quotes]
    return min((u.index for u in units), default=0.0)


def _story_item(story: Story, header: dict[float, str], texts: _Texts) -> Item | None:
    roles_of = _bodiless_box_roles(story, header)

    def field(role: str) -> Traced | None:
        return texts.of([u for u in story.heads if roles_of.get(u.index) == role])

    paras = tuple(t for lines in paragraphs(story.pieces) if (t := texts.joined(lines)) is not None)
    byline = field("byline")
    authors, place = parse_byline(byline.text) if byline else ([], None)
    item = Item(
        type=_story_type(byline, paras, story),
        kicker=field("kicker"),
        headline=field("headline"),
        teaser=field("teaser"),
        byline=byline,
        authors=tuple(authors),
        dateline=_dateline(byline, place),
        paragraphs=paras,
        pull_quotes=texts.each([*story.pull_quotes, *_extras(story, header)[1]]),
        credit=texts.of(story.credits),
        notes=texts.each(story.notes),
    )
    kept = (paras, item.kicker, item.headline, item.teaser, item.byline, item.credit, item.notes)
    return item if any(kept) else None  # a header with no text is still kept: nothing lost


def _framed(story: Story) -> bool:
    """All the story's text stands in one frame or tint (Type.frame)."""
    frames = {u.style.frame if u.style is not None else -1 for u in [*story.heads, *story.pieces]}
    return len(frames) == 1 and min(frames) >= 0


def _bodiless_box_roles(story: Story, roles_of: dict[float, str]) -> dict[float, str]:
    """A frame of display lines with no text under them (a cover's box pointing to a story
    inside) has no teaser, as a teaser leads into a text: its last line is the headline and
    the line over it the rubric, whatever their sizes."""
    if story.pieces or not _framed(story) or "kicker" in roles_of.values():
        return roles_of
    if sorted(set(roles_of.values())) != ["headline", "teaser"]:
        return roles_of
    shift = {"headline": "kicker", "teaser": "headline"}
    return {k: shift[r] for k, r in roles_of.items()}


def _dateline(byline: Traced | None, place: str | None) -> Traced | None:
    if byline is None or place is None:
        return None
    at = byline.text.find(place)
    return byline.slice(at, at + len(place)) if at >= 0 else None


def _story_type(byline: Traced | None, paras: tuple[Traced, ...], story: Story) -> ItemType:
    if not story.pieces and _framed(story):
        return "box"  # a framed header with no text: a cover's teaser, a notice
    if byline is not None:
        return "article"
    run_ins = sum(1 for p in paras if RUN_IN_RE.match(p.text))
    if story.credits or run_ins >= MIN_RUN_INS:
        return "box"
    if len(paras) == 1 and len(paras[0]) < BRIEF_MAX_CHARS and story.heads:
        return "brief"
    return "article"


def _picture_item(pic: Picture, texts: _Texts, lang: str) -> Item | None:
    caption = texts.of([pic.caption]) if pic.caption else None
    credit = texts.of([pic.credit]) if pic.credit else None
    if caption is not None and credit is None:
        caption, credit = split_credit(caption)
    if caption is None and credit is None:
        return None
    kicker = headline = teaser = None
    if pic.heads:
        roles_of = header_roles(pic.heads)
        kicker, headline, teaser = (
            texts.of([u for u in pic.heads if roles_of.get(u.index) == role])
            for role in ("kicker", "headline", "teaser")
        )
    elif pic.title is not None:
        title = texts.of([pic.title])
        if title is not None:
            kicker, headline = split_title(title, lang)
    return Item(
        type="picture",
        kicker=kicker,
        headline=headline,
        teaser=teaser,
        caption=caption,
        credit=credit,
    )


def split_title(title: Traced, lang: str) -> tuple[Traced | None, Traced]:
    """Kicker and headline set on one line: cut between two capitalised content words."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", title.text)]
    n = len(words)
    if n < TITLE_SPLIT_MIN_WORDS or (lang == "en" and all(w[0].isupper() for _, w in words)):
        return None, title
    for i in range(2, n - 1):
        left, right = words[i - 1][1], words[i][1]
        if _content_cap(left) and _content_cap(right):
            cut = words[i][0]
            return title.slice(0, cut).strip(), title.slice(cut, len(title)).strip()
    return None, title


def _content_cap(word: str) -> bool:
    core = word.strip("„“\"'‚‘»«()")
    return bool(core) and core[0].isupper() and core.lower() not in FUNCTION_WORDS
