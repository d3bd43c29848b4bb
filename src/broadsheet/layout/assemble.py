"""Stories from units: which body pieces, headers, quotes, credits and notes belong together.

The plan works on dump positions only. A run of display units followed by body text heads
the story that starts there; the story's other pieces are those of the same column width
(`flow.measure_classes`). Runs followed by no body attach to the nearest story; a lone
display unit in a story that already has a headline is a pull quote; a headline next to
a caption that its story does not need titles the picture.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from broadsheet.layout import roles
from broadsheet.layout.caption_marks import mark_captions
from broadsheet.layout.captions import (
    Picture,
    across_pictures,
    around_pictures,
    bylines_across,
    pictures_of,
    placed,
    title_pictures,
)
from broadsheet.layout.flow import lead_back, measure_classes, order_pieces, seam, split_class
from broadsheet.layout.headers import EXTRA, header_roles, rubric_over, worded
from broadsheet.layout.insets import attach_insets, mark_insets
from broadsheet.layout.jumps import NOTE_KIND, dumped_jump
from broadsheet.layout.plan import Plan, Story
from broadsheet.layout.quotes import repeated_quotes
from broadsheet.layout.roles import Unit
from broadsheet.layout.runs import (
    can_head,
    full_header,
    header_runs,
    mark_bylines,
    mark_teasers,
)
from broadsheet.repair.lexicon import Lexicon

# Units that close a story: body text right after one starts another story. (Not agency
# credits: a box set inside a column ends in one, and the column text goes on after it.)
TAIL_ROLES = (roles.NOTE,)
# A rubric moved to its headline is read this little before it (between the unit before the
# headline and the headline itself, whatever block numbers they have).
RUBRIC_STEP = 0.01
# Opening quotation marks (a run opening with one quotes someone: it is no masthead).
QUOTE_OPENERS = ("„", "“", '"', "»", "«", "‚", "'")


def plan_page(
    units: Sequence[Unit], lang: str, lex: Lexicon | None = None, drawn: bool = False
) -> Plan:
    """Sort the units of one page into stories, pictures and furniture (`lex`, the
    document's words, helps to order a story's pieces; `drawn`: a dump that lists the
    page in the order it was drawn, `segment.drawn_order`)."""
    ads = [u for u in units if u.role == roles.AD]  # no stage below reads an ad's text
    units = [u for u in units if u.role != roles.AD]
    marked = around_pictures(mark_captions(list(units), drawn), mark_teasers)
    # Insets first: a subhead under a pull quote is no byline; a byline tells a teaser.
    units = around_pictures(mark_bylines(mark_insets(bylines_across(marked), lang)), mark_teasers)
    pictures = pictures_of(units)
    flow = across_pictures(units)  # a header reads on across a picture under it
    runs = title_pictures(header_runs(flow), units, pictures)
    nxt = {a.index: b.index for a, b in itertools.pairwise(flow)}
    starts = {id(run[-1]): _unit_after(flow, run[-1]) for run in runs}
    start_units = _story_starts(flow, runs, starts, nxt, lang)
    stories: list[Story] = []
    owner: dict[float, Story] = {}
    groups: list[tuple[list[Unit], Unit | None]] = []
    for cls in measure_classes([u for u in units if u.role == roles.BODY]):
        groups += split_class(cls, [u for u in cls if u.index in start_units])
    for group, start in lead_back(groups) if drawn else groups:
        story = Story(pieces=order_pieces(group, start, lang, nxt, lex))
        stories.append(story)
        owner.update({p.index: story for p in group})
    attach_insets(units, owner)
    runs = _with_rubrics(runs, starts, owner)
    starts.update({id(run[-1]): _unit_after(flow, run[-1]) for run in runs})
    mastheads = _attach_runs(runs, starts, units, owner, stories)
    _attach_tails(units, owner, stories)
    _resolve_headlines(stories, pictures, units)
    stories = repeated_quotes(stories)
    furniture = sorted(
        [*(u for u in units if u.role == roles.FURNITURE), *mastheads], key=lambda u: u.index
    )
    return Plan(stories, pictures, furniture, lang, ads)


def _story_starts(
    units: Sequence[Unit],
    runs: list[list[Unit]],
    starts: dict[int, Unit | None],
    nxt: dict[float, float],
    lang: str,
) -> set[float]:
    """Body units that start a story: after a header run or after an end note. After an
    agency credit too, as many as there are full headers (with a byline) with no story
    after them: their story is the one set below a box (otherwise the text after a box
    set into a column goes on with the column's story)."""
    found = {
        u.index
        for run in runs
        if (u := starts[id(run[-1])]) is not None and _can_start(u, lang) and can_head(run)
    }
    after_tail: list[float] = []
    after_credit: list[float] = []
    for a, b in itertools.pairwise(units):
        if a.role in TAIL_ROLES and _can_start(b, lang) and not _dumped_jump(a):
            after_tail.append(b.index)
        elif a.role == roles.AGENCY_CREDIT and _can_start(b, lang):
            after_credit.append(b.index)
    found.update(after_tail)
    found.update(_frame_starts(units, lang))
    orphans = [run for run in runs if full_header(run) and nxt.get(run[-1].index) not in found]
    return found | set(after_credit[: len(orphans)])


def _frame_starts(units: Sequence[Unit], lang: str) -> set[float]:
    """The first body text in each frame or tint: what stands in a frame is an item of its
    own, so no story reads on into one from outside (even where the header over it was
    taken for something else). Only a frame's first: text going on after a box nested in a
    story's frame is still that story's."""
    seen: set[int] = set()
    out: set[float] = set()
    for u in units:
        frame = u.style.frame if u.style is not None else -1
        if u.role != roles.BODY or frame < 0 or frame in seen:
            continue
        seen.add(frame)
        if _can_start(u, lang):
            out.add(u.index)
    return out


def _can_start(u: Unit, lang: str) -> bool:
    """A story starts with body text that starts a sentence outside any quotation."""
    sm = seam(u, lang)
    return u.role == roles.BODY and not sm.lower_start and not sm.quote_in


def _unit_after(units: Sequence[Unit], u: Unit) -> Unit | None:
    """The unit after `u`, a jump line passed over (it stands between a header and the
    body of a story continued from another page), and so is an ornament (display type with
    no words: a dingbat or an initial set large before the first paragraph), which parts
    a header from nothing."""
    later = (v for v in units if v.index > u.index and not _is_jump(v) and not _ornament(v))
    return next(later, None)  # the first only: the units after it are never looked at


def _ornament(u: Unit) -> bool:
    return u.role == roles.DISPLAY and u.style is not None and not worded(u)


def _dumped_jump(u: Unit) -> bool:
    """A dump's jump line: where the extractor put it is not where the page set it (a
    pdfminer dump sets it between two stories' pieces), so it starts no story."""
    return u.style is None and dumped_jump(u.text)


def _is_jump(u: Unit) -> bool:
    return u.style is not None and u.style.kind == NOTE_KIND


def _attach_runs(
    runs: list[list[Unit]],
    starts: dict[int, Unit | None],
    units: Sequence[Unit],
    owner: dict[float, Story],
    stories: list[Story],
) -> list[Unit]:
    """Runs heading a story go to it; the others to the nearest story in the dump, but for
    a section's masthead, which comes back as page furniture."""
    floating: list[list[Unit]] = []
    mastheads: list[Unit] = []
    for run in runs:
        story = _headed(run, starts, owner)
        if story is not None:
            story.heads.extend(run)
        else:
            floating.append(run)
    body = [u for u in units if u.index in owner]  # owner does not change below
    rank = {u.index: k for k, u in enumerate(units)}
    for run in floating:
        story = _headless_story(run, stories) or _nearest_story(run, body, rank, owner)
        if story is None:
            stories.append(Story(pieces=[], heads=list(run)))
        elif _masthead(run, story):
            mastheads.extend(run)
        elif len(run) == 1 and run[0].role == roles.DISPLAY and _has_headline(story):
            story.pull_quotes.append(run[0])
        else:
            story.heads.extend(run)
    return mastheads


def _headed(
    run: list[Unit], starts: dict[int, Unit | None], owner: dict[float, Story]
) -> Story | None:
    """The story the run heads: the one whose first piece comes right after it."""
    start = starts[id(run[-1])]
    story = owner.get(start.index) if start is not None else None
    return story if story is not None and story.pieces and story.pieces[0] is start else None


def _with_rubrics(
    runs: list[list[Unit]], starts: dict[int, Unit | None], owner: dict[float, Story]
) -> list[list[Unit]]:
    """A rubric the reading order put away from its header (a word on a tab, drawn last)
    joins the header it stands right over (`headers.rubric_over`), placed just before its
    headline, where a header is read; its header roles then make it the kicker."""
    headlines = [
        (run, max(ds, key=lambda u: u.style.size if u.style else 0.0))
        for run in runs
        if _headed(run, starts, owner) is not None
        and (ds := [u for u in run if u.role == roles.DISPLAY and worded(u)])
    ]
    if not headlines:
        return runs
    out: list[list[Unit]] = []
    for run in runs:
        if _headed(run, starts, owner) is not None:
            out.append(run)
            continue
        kept = []
        for u in run:
            over = next(
                (h for _, h in headlines if u.role == roles.DISPLAY and rubric_over(u, h)), None
            )
            if over is None:
                kept.append(u)
                continue
            head = next(r for r, h in headlines if h is over)
            head.append(Unit(u.lines, over.index - RUBRIC_STEP, u.role, u.style))
            head.sort(key=lambda v: v.index)
        if kept:
            out.append(kept)
    return out


def _masthead(run: list[Unit], story: Story) -> bool:
    """A run set above a story's own header in larger type than any words of it: the
    section's name over the page (a rubric such as "NEWS IN BRIEF"), not the story's headline.
    Only a PDF tells type sizes."""
    sizes = [u.style.size for u in story.heads if u.style is not None and worded(u)]
    run_sizes = [u.style.size for u in run if u.style is not None and worded(u)]
    return (
        _has_headline(story)
        and bool(sizes and run_sizes)
        and run[-1].index < story.heads[0].index
        and min(run_sizes) > max(sizes)
        and not run[0].text.lstrip().startswith(QUOTE_OPENERS)  # a quotation is no name
    )


def _headless_story(run: list[Unit], stories: list[Story]) -> Story | None:
    """A full header (it has a byline) goes to the first story that has no header yet."""
    if not full_header(run):
        return None
    return next((s for s in stories if s.pieces and not s.heads), None)


def _nearest_story(
    run: list[Unit], body: Sequence[Unit], rank: dict[float, int], owner: dict[float, Story]
) -> Story | None:
    """The story of the body piece nearest the run in the dump's order (`rank`: each
    unit's place; `body`: the units a story owns, found once a page, not once a run)."""
    if not body:
        return None
    first, last = run[0].index, run[-1].index
    before = [u for u in body if u.index < first]
    after = [u for u in body if u.index > last]
    options = []
    if before:
        options.append((rank[first] - rank[before[-1].index], 0, before[-1]))
    if after:
        options.append((rank[after[0].index] - rank[last], 1, after[0]))
    return owner[min(options, key=lambda o: (o[0], o[1]))[2].index]


def _has_headline(story: Story) -> bool:
    return any(u.role == roles.DISPLAY for u in story.heads)


def _attach_tails(units: Sequence[Unit], owner: dict[float, Story], stories: list[Story]) -> None:
    """Notes and agency credits belong to the story of the body piece before them.

    Tails before any body piece go to the first story; with no story at all they make one,
    so that nothing of the page is dropped.
    """
    tails = [u for u in units if u.role in (roles.NOTE, roles.AGENCY_CREDIT)]
    if tails and not owner:
        stories.append(Story(pieces=tails))
        return
    last: Story | None = None
    for k, u in enumerate(units):
        if u.index in owner:
            last = owner[u.index]
        elif u.role in (roles.NOTE, roles.AGENCY_CREDIT):
            story = _opened_by(units, k, owner) or last or owner[min(owner)]
            (story.notes if u.role == roles.NOTE else story.credits).append(u)


def _opened_by(units: Sequence[Unit], k: int, owner: dict[float, Story]) -> Story | None:
    """The story a jump line opens ("from page 1", layout/jumps.py): the one whose body
    follows it, where no body piece of a story stands right before it."""
    if not _is_jump(units[k]) or k + 1 >= len(units):
        return None
    if k > 0 and units[k - 1].index in owner:
        return None
    return owner.get(units[k + 1].index)


def _resolve_headlines(
    stories: list[Story], pictures: list[Picture], units: Sequence[Unit]
) -> None:
    """A story with two headlines gives the one beside a caption to that picture."""
    rank = {u.index: k for k, u in enumerate(units)}
    for story in stories:
        displays = [u for u in story.heads if u.role == roles.DISPLAY]
        heads = header_roles(story.heads, story.pieces)
        if sum(1 for role in heads.values() if role in ("headline", EXTRA)) < 2:
            continue
        for u in displays:
            pic = _adjacent_picture(u, pictures, rank)
            if pic is not None:
                pic.title = u
                story.heads.remove(u)
                break


def _adjacent_picture(u: Unit, pictures: list[Picture], rank: dict[float, int]) -> Picture | None:
    for pic in pictures:
        parts = [p for p in (pic.caption, pic.credit) if p is not None]
        if pic.title is not None or pic.heads or any(placed(p) for p in parts):
            continue  # titled already, or placed by a PDF page's geometry (`captions`)
        if any(abs(rank[p.index] - rank[u.index]) == 1 for p in parts):
            return pic
    return None
