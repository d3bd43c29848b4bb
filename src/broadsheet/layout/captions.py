"""Captions in the page plan: a credit printed at the caption's end, and where a header
stands over a picture.

Where the page sets the credit in a type of its own, the PDF path has cut it off already
(layout/pictures.py); what is left is a credit in the caption's own type, or any credit in
a text dump. After the caption's last full stops, a credit reads as one: a label ("Credit:
Leslie Johnston", the cues of `roles.PHOTO_CREDIT_RE`), or a name in capitals, which is how
agencies and photographers are credited ("AFP", "EMMANUAL YOGINI"). The credit keeps its
label; both parts stay traced to the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from broadsheet.layout import roles
from broadsheet.layout.roles import PHOTO_CREDIT_RE, Unit
from broadsheet.model import Traced

# A credit at a caption's end has at most this many characters, and a name in capitals at
# most this many words (more is a sentence set in capitals, not a name).
MAX_CREDIT_CHARS = 80
MAX_NAME_WORDS = 4
# A sentence's end: its stop (and closing quotes or brackets), then white space.
SENTENCE_GAP_RE = re.compile(r"[.!?…][”’\"')]*\s+")
# Units a header is made of.
HEADER_ROLES = (roles.DISPLAY, roles.BYLINE)


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
    if PHOTO_CREDIT_RE.match(tail):
        return True
    words = tail.split()
    return (
        len(words) <= MAX_NAME_WORDS
        and all(w.isupper() for w in words)
        and sum(c.isalpha() for c in tail) >= 2
        and not before.isupper()  # a caption set in capitals throughout names nobody
    )


def placed(u: Unit) -> bool:
    """Set by a picture as its caption, credit or a mark, as a PDF page's geometry told."""
    return u.style is not None and bool(u.style.role)


def across_pictures(units: Sequence[Unit]) -> list[Unit]:
    """The units as a header reads them: without a picture's caption and credit set between
    a header and its byline or body (a lead story's header runs across its columns, its
    picture under the header, and only then the byline and the columns)."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        end = k
        while end < len(units) and placed(units[end]):
            end += 1
        if end == k:
            out.append(units[k])
            k += 1
            continue
        before = out[-1] if out else None
        after = units[end] if end < len(units) else None
        inside = (
            before is not None
            and before.role in HEADER_ROLES
            and after is not None
            and after.role in (roles.BODY, roles.BYLINE)
        )
        if not inside:
            out.extend(units[k:end])
        k = end
    return out


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
        while end < len(units) and placed(units[end]):
            end += 1
        follows = units[end].role if end < len(units) else None
        if all(u.role == roles.DISPLAY for u in run) and follows not in (roles.BODY, roles.BYLINE):
            out[r] = units[k]
    return out
