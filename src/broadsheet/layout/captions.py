"""Pictures in the page plan: which captions and credits make one picture, where a header
stands over a picture, and a credit printed at the caption's end.

On a PDF page the geometry has placed each caption and credit by its picture
(layout/pictures.py, `Type.role` and `Type.picture`): what one picture placed makes one
item, a header over a picture reads on across it to the byline and columns under it
(`across_pictures`), and a header over a picture with no story under it titles the
picture (`picture_heads`, a picture story). A text dump has none of this: there the text
tells (`assemble`).

Where the page sets the credit in a type of its own, the PDF path has cut it off already
(layout/pictures.py); what is left is a credit in the caption's own type, or any credit in
a text dump. After the caption's last full stops, a credit reads as one: a label ("Credit:
Jane Roe", the cues of `credits.PHOTO_CREDIT_RE`), a name in capitals, which is how
agencies and photographers are credited ("AFP", "JOHN DOE"), or a name, a slash and
its agency ("Jane Roe/AP"). The credit keeps its label; both parts stay traced to the
source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from broadsheet.layout import roles
from broadsheet.layout.credits import MAX_CREDIT_CHARS, SENTENCE_GAP_RE, is_photo_credit
from broadsheet.layout.headers import (
    BYLINE_MAX_SIZE,
    BYLINE_MAX_WORDS,
    BYLINE_MIN_SIZE,
    header_roles,
    worded,
)
from broadsheet.layout.roles import Unit
from broadsheet.model import Traced

# A name in capitals at a caption's end has at most this many words (more is a sentence
# set in capitals, not a name).
MAX_NAME_WORDS = 4
# Units a header is made of, and a picture's.
HEADER_ROLES = (roles.DISPLAY, roles.BYLINE)
# Display type under a picture no larger than this share of the body's, with body after
# it, is the story above going on (a byline set bold without "By", a lead-in); a header of
# its own has a headline, larger than that (a kicker about the body's size may open it).
GOES_ON_MAX_SIZE = 1.1


@dataclass
class Picture:
    """A picture's text, as units: a picture is an item only when it has a caption or a
    credit (the picture itself has no text)."""

    caption: Unit | None = None
    credit: Unit | None = None
    title: Unit | None = None
    heads: list[Unit] = field(default_factory=list)  # a picture story's kicker and headline


def split_credit(caption: Traced) -> tuple[Traced, Traced | None]:
    """The caption without the credit at its end, and that credit (None if it has none).
    The longest credit-like tail after a full stop wins, so a name with initials ("Photo:
    A. Smith") stays whole."""
    text = caption.text
    for m in SENTENCE_GAP_RE.finditer(text, max(0, len(text) - MAX_CREDIT_CHARS - 2)):
        tail = text[m.end() :]
        if tail and _credit(tail, text[: m.start()]):
            head = caption.slice(0, m.end()).strip()
            return head, caption.slice(m.end(), len(text)).strip()
    return caption, None


def _credit(tail: str, before: str) -> bool:
    if len(tail) > MAX_CREDIT_CHARS:
        return False
    if is_photo_credit(tail):
        return True
    words = tail.split()
    return (
        len(words) <= MAX_NAME_WORDS
        and all(w.isupper() for w in words)
        and sum(map(str.isalpha, tail)) >= 2
        and not before.isupper()  # a caption set in capitals throughout names nobody
    )


def placed(u: Unit) -> bool:
    """Set by a picture as its caption, credit or a mark, as a PDF page's geometry told."""
    return u.style is not None and bool(u.style.role)


def around_pictures(units: Sequence[Unit], mark: Callable[[list[Unit]], list[Unit]]) -> list[Unit]:
    """`mark` (a step that gives each unit a role from its neighbours, one unit out for
    each in) applied as if no caption or credit a picture placed stood among the units:
    a teaser over a picture set between a header and its byline is still the header's.
    The placed units keep their places."""
    marked = iter(mark([u for u in units if not placed(u)]))
    return [u if placed(u) else next(marked) for u in units]


def bylines_across(units: Sequence[Unit]) -> list[Unit]:
    """The units, a byline set without "By" under a picture that stands between a header
    and its body marked as the byline: a short line in display type (bold) of the body's
    size or smaller, right after the picture's caption and credit, the body after it.
    (Next to its headline, the header's type sizes tell a byline; the picture between
    them hides that.)"""
    out = list(units)
    for k in range(1, len(out) - 1):
        u = out[k]
        if not (placed(out[k - 1]) and u.role == roles.DISPLAY and _byline_type(u)):
            continue
        if out[k + 1].role != roles.BODY:
            continue
        start = k - 1
        while start > 0 and placed(out[start - 1]):
            start -= 1
        if start > 0 and _heads(out[start - 1]):
            out[k] = Unit(u.lines, u.index, roles.BYLINE, u.style)
    return out


def _heads(u: Unit) -> bool:
    """Part of a header: display type, a byline, or a sentence set in display type (a
    teaser, which its byline has not told one yet)."""
    return u.role in HEADER_ROLES or (u.role == roles.BODY and roles.set_as(u, "display"))


def _byline_type(u: Unit) -> bool:
    """A line or two of a few words in body size or smaller, not a credit's tiny type."""
    style = u.style
    return (
        style is not None
        and BYLINE_MIN_SIZE <= style.size <= BYLINE_MAX_SIZE
        and len(u.lines) <= 2
        and len(u.text.split()) <= BYLINE_MAX_WORDS
        and not roles.ends_sentence(u.text)
        and worded(u)
    )


def across_pictures(units: Sequence[Unit]) -> list[Unit]:
    """The units as a header reads them: without a picture's caption and credit set between
    a header and its byline or body (a lead story's header runs across its columns, its
    picture under the header, and only then the byline and the columns; a dump lists them
    in that order too). A byline its text shows stays, even where it stands among the
    picture's type."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        end = k
        while end < len(units) and (_pictured(units[end]) or dump_picture(units[end])):
            end += 1
        if end == k:
            out.append(units[k])
            k += 1
            continue
        before = out[-1] if out else None
        inside = before is not None and before.role in HEADER_ROLES and _goes_on(units, end)
        if not inside:
            out.extend(units[k:end])
        k = end
    return out


def _pictured(u: Unit) -> bool:
    """Placed by a picture and read as its caption or credit (what `pictures_of` takes): a
    unit the picture placed that reads as something else (a byline set by the picture's
    caption) stays in the flow, or no stage would take its text."""
    return placed(u) and u.role in roles.PICTURE_ROLES


def dump_picture(u: Unit) -> bool:
    """A dump's caption or credit: its text told it (a dump places nothing)."""
    return u.style is None and u.role in roles.PICTURE_ROLES


def picture_heads(runs: list[list[Unit]], units: Sequence[Unit]) -> dict[int, Unit]:
    """Header runs that title a picture, by the run's position in `runs`: a run of display
    type right before a picture's caption or credit that no byline or body follows (a
    picture story: kicker and headline over the picture, the caption its only text), with
    the placed unit it goes with. Only a PDF page places captions; in a dump the text tells
    (`assemble._resolve_headlines`)."""
    at = {u.index: k for k, u in enumerate(units)}
    out: dict[int, Unit] = {}
    for r, run in enumerate(runs):
        k = at[run[-1].index] + 1
        if k >= len(units) or not placed(units[k]):
            continue
        end = k
        while end < len(units) and _pictured(units[end]):
            end += 1
        part = next((u for u in units[k:end] if u.role in roles.PICTURE_ROLES), None)
        display = all(u.role == roles.DISPLAY for u in run)
        over = _over(run, units[k:end])
        if part is not None and display and over and not _goes_on(units, end):
            out[r] = part
    return out


def _over(run: Sequence[Unit], placed_units: Sequence[Unit]) -> bool:
    """The run's last unit (nearest the picture) stands over the picture's type, across
    some of its width: a header set over the picture, not a pull quote or a jump line at
    the foot of the column beside it, which come before the picture in reading order too."""
    parts = [u.style for u in placed_units if u.style is not None and u.style.right > 0]
    last = run[-1].style
    if not parts or last is None or last.right <= 0:
        return True  # no extent known (a dump)
    left, right = min(s.left for s in parts), max(s.right for s in parts)
    return last.right > left and last.left < right


def _goes_on(units: Sequence[Unit], at: int) -> bool:
    """What stands at `at`, under a picture, carries on the story whose header is over the
    picture: its byline or body, or display type no larger than the body's with body after
    it (a byline without "By" set bold). A header of its own has a headline."""
    k = at
    while k < len(units) and units[k].role == roles.DISPLAY:
        style = units[k].style
        if style is None or style.size > GOES_ON_MAX_SIZE:
            return False
        k += 1
    return k < len(units) and units[k].role in (roles.BODY, roles.BYLINE)


def credit_heads(credit: Unit, caption: Unit) -> bool:
    """A credit on the first line of the block whose other lines are its caption."""
    return (
        credit.role == roles.PHOTO_CREDIT
        and caption.role == roles.CAPTION
        and credit.index == int(caption.index)
    )


def _right_under(units: Sequence[Unit], credit: Unit, caption: Unit) -> bool:
    """A dump's caption listed right after a credit, with no credit of its own after it."""
    if caption.style is not None:
        return False
    k = next((i for i, v in enumerate(units) if v is caption), -1)
    after = units[k + 1] if 0 <= k < len(units) - 1 else None
    return k > 0 and units[k - 1] is credit and (after is None or after.role != roles.PHOTO_CREDIT)


def pictures_of(units: Sequence[Unit]) -> list[Picture]:
    """The page's pictures from its captions and credits, in dump order: a credit goes with
    the caption before it, or heads the caption of its own block; on a PDF page, what one
    picture placed goes with it (`_same_picture`)."""
    pictures: list[Picture] = []
    for u in units:
        if pictures and _same_picture(pictures[-1], u):
            continue
        if u.role == roles.CAPTION:
            last = pictures[-1] if pictures else None
            if (
                last is not None
                and last.credit is not None
                and last.caption is None  # a caption already there must not be lost
                and (credit_heads(last.credit, u) or _right_under(units, last.credit, u))
            ):
                last.caption = u
                continue
            pictures.append(Picture(caption=u))
        elif u.role == roles.PHOTO_CREDIT:
            if pictures and pictures[-1].credit is None and pictures[-1].caption is not None:
                pictures[-1].credit = u
            else:
                pictures.append(Picture(credit=u))
    return pictures


def title_pictures(
    runs: list[list[Unit]], units: Sequence[Unit], pictures: list[Picture]
) -> list[list[Unit]]:
    """The header runs, those that title a picture story given to their picture: its
    kicker, headline and teaser (what else the run holds stays a run, so nothing is lost)."""
    if not any(u is not None and placed(u) for p in pictures for u in (p.caption, p.credit)):
        return runs  # no picture placed by a PDF page's geometry (and so none on a dump)
    titles = picture_heads(runs, units)
    out: list[list[Unit]] = []
    for r, run in enumerate(runs):
        part = titles.get(r)
        pic = next(
            (p for p in pictures if part is not None and part in (p.caption, p.credit)), None
        )
        if pic is None:
            out.append(run)
            continue
        roles_of = header_roles(run)
        pic.heads = [u for u in run if roles_of.get(u.index) in ("kicker", "headline", "teaser")]
        rest = [u for u in run if u not in pic.heads]
        out += [rest] if rest else []
    return out


def _same_picture(pic: Picture, u: Unit) -> bool:
    """A caption or credit that the PDF page placed by the same picture as the last
    picture's goes with it: a second caption block (a lead-in line in its own type) joins
    its caption, a second credit block (lines set up the side) its credit. True if taken."""
    if u.style is None or not u.style.role or u.role not in roles.PICTURE_ROLES:
        return False
    number = u.style.picture
    parts = [p.style for p in (pic.caption, pic.credit) if p is not None]
    if not any(s is not None and s.role and s.picture == number for s in parts):
        return False
    if u.role == roles.CAPTION:
        pic.caption = u if pic.caption is None else _joined(pic.caption, u)
    else:
        pic.credit = u if pic.credit is None else _joined(pic.credit, u)
    return True


def _joined(first: Unit, then: Unit) -> Unit:
    return Unit(first.lines + then.lines, first.index, first.role, first.style)
