"""Which of a page's body units are captions: text right by a photo credit, and short text
far wider than every body column. A PDF's pictures place their captions by geometry
(layout/pictures.py); a dump's are told by these neighbours alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from broadsheet.layout import roles
from broadsheet.layout.captions import credit_heads
from broadsheet.layout.roles import Unit, measure
from broadsheet.layout.runs import HEAD_ROLES, WIDE_MAX_LINES

# A caption runs to at most this many lines: a longer block over a credit is body text.
CAPTION_MAX_LINES = 8
# A caption under its credit in a dump has at most this many lines.
CAPTION_UNDER_CREDIT_LINES = 4


def mark_captions(units: list[Unit], drawn: bool = False) -> list[Unit]:
    """Body text followed by a photo credit is a caption (unless it is longer than any
    caption: body text a dump ran into the caption's lines), with a line ending in a colon
    right over it; very wide short text too. In a dump listing the page as drawn
    (`drawn`), a credit may head the caption under it instead (`_caption_under`)."""
    widths = [measure(u.lines) for u in units if u.role == roles.BODY and len(u.lines) >= 3]
    widest = max(widths, default=0.0)
    out: list[Unit] = []
    for k, u in enumerate(units):
        after = units[k + 1] if k + 1 < len(units) else None
        own = k + 2 < len(units) and credit_heads(after, units[k + 2]) if after else False
        credited = after is not None and after.role == roles.PHOTO_CREDIT and not own
        credited = credited and not (drawn and _caption_under(units, k + 1))
        if u.role == roles.BODY and credited and len(u.lines) <= CAPTION_MAX_LINES:
            if out and _caption_lead(out[-1]):  # "Niedrigwasser im Spreewald:" over the rest
                u = Unit(out.pop().lines + u.lines, u.index, roles.CAPTION, u.style)
            else:
                u = Unit(u.lines, u.index, roles.CAPTION, u.style)
        elif drawn and _under_credit(units, k, out):
            u = Unit(u.lines, u.index, roles.CAPTION, u.style)
        elif u.role == roles.BODY and not roles.set_as(u, "body") and _wide(u, widest):
            near_head = any(
                0 < abs(v.index - u.index) < 1.5 and v.role in HEAD_ROLES for v in units
            )
            u = Unit(u.lines, u.index, roles.DISPLAY if near_head else roles.CAPTION, u.style)
        out.append(u)
    return out


def _under_credit(units: Sequence[Unit], k: int, out: Sequence[Unit]) -> bool:
    """Unit k is the caption right under the credit before it (`_caption_under`), and no
    caption came before that credit."""
    before = out[-2] if len(out) > 1 else None
    return (
        k > 0 and _caption_under(units, k - 1) and (before is None or before.role != roles.CAPTION)
    )


def _caption_under(units: Sequence[Unit], c: int) -> bool:
    """The credit at c heads its caption, in a dump: pdftotext -raw reads a credit set up
    a picture's side (a word to a line) before the caption under the picture. So where
    the short text after the credit reads as a caption (a sentence or two, no credit of
    its own after it) and the text before it opens a story (right under its byline or
    header) or is longer."""
    credit = units[c]
    if credit.role != roles.PHOTO_CREDIT or credit.style is not None or c + 1 >= len(units):
        return False
    if len(credit.lines) < 2 or any(" " in line.text.strip() for line in credit.lines):
        return False  # not set up the side: a word to a line
    cap = units[c + 1]
    after = units[c + 2] if c + 2 < len(units) else None
    if not (
        cap.role == roles.BODY
        and len(cap.lines) <= CAPTION_UNDER_CREDIT_LINES
        and roles.ends_sentence(cap.lines[-1].text)
        and (after is None or after.role != roles.PHOTO_CREDIT)
    ):
        return False
    body = units[c - 1] if c > 0 else None
    if body is None or body.role != roles.BODY:
        return True
    opens = c > 1 and units[c - 2].role in (roles.BYLINE, roles.DISPLAY)
    return opens or len(body.lines) > len(cap.lines)


def _caption_lead(u: Unit) -> bool:
    """A dump's line ending in a colon right over a caption opens it: the caption's subject
    ("Niedrigwasser im Spreewald:"), cut off as a line of its own.

    >>> from broadsheet.model import Traced
    >>> _caption_lead(Unit((Traced("Im Spreewald:"),), 0, "display"))
    True
    >>> _caption_lead(Unit((Traced("Im Spreewald"),), 0, "display"))
    False
    """
    text = u.lines[-1].text.rstrip()
    return u.style is None and u.role == roles.DISPLAY and len(u.lines) == 1 and text.endswith(":")


def _wide(u: Unit, widest: float) -> bool:
    """A few lines wider than every body column: a caption or a teaser, not body text."""
    return (
        widest > 0
        and len(u.lines) <= WIDE_MAX_LINES
        and measure(u.lines) > roles.WIDE_RATIO * widest
    )
