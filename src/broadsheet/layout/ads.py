"""Advertisements: a framed or tinted region of the page that is no editorial item.

An ad is set by its advertiser, not by the paper: its region (a frame or tint) holds text
in several faces and sizes that are none of the page's body or header types, in short
blocks with no story structure (no run of body paragraphs), and it names a way to buy or
call: a price, a phone number, a web or e-mail address. The words are evidence, the type
and the structure decide; and since a region taken for an ad loses its text from the
editorial items, every condition must hold, and two kinds of evidence are asked for (an
info box ends with a web address; it does not also carry a price or a phone number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from broadsheet.model import TypeKind

if TYPE_CHECKING:  # types only: a dump's roles read AD_KIND, and need no PDF geometry
    from broadsheet.layout.geometry import GBlock, Line

# The kind of type (`Type.kind`) of a block the page's geometry shows to be part of an ad.
AD_KIND: TypeKind = "ad"
# An ad region sets its text in at least this many types (font and size, to a point) that
# the page uses nowhere outside frames and tints (not its body, header or caption types):
# an info box has a head and a text type, often the page's own; an ad a set of its own.
AD_MIN_TYPES = 3
# None of its blocks has more lines than this: a box's running text has more.
AD_MAX_BLOCK_LINES = 4
# It holds at least this many blocks (a logo line, a claim, an offer, a contact line).
AD_MIN_BLOCKS = 3
# Kinds of evidence needed, of price, phone, web address, e-mail.
AD_MIN_EVIDENCE = 2
# A body block (the body's font and size) of at least this many lines is story structure.
BODY_PARAGRAPH_LINES = 2

_EVIDENCE = (
    re.compile(r"\d+[.,](?:\d{2}|-{1,2}|–)\s?(?:€|EUR|Euro)|[€$£]\s?\d|\d\s?(?:€|EUR)\b"),
    re.compile(r"(?:\bTel\.?|\bPhone|\bFon|\bCall|\bHotline|\+\d{2})\s*:?\s*[\d(][\d ()/-]{5,}"),
    re.compile(r"\bwww\.\S+|https?://\S+|\b\w[\w-]*\.(?:de|com|net|org|eu|at|ch)\b"),
    re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+"),
)


def evidence(text: str) -> int:
    """How many kinds of evidence of an ad the text holds (price, phone, web, e-mail)."""
    return sum(1 for pattern in _EVIDENCE if pattern.search(text))


def ad_blocks(found: Sequence[GBlock], body: tuple[str, float]) -> set[int]:
    """Indexes of the blocks that stand in an ad's frame or tint (see the module's doc);
    `body` is the page's body font and size."""
    regions: dict[int, list[int]] = {}
    for k, block in enumerate(found):
        if block.frame >= 0 and block.lines:
            regions.setdefault(block.frame, []).append(k)
    if not regions:
        return set()
    own = {_type(ln) for b in found if b.frame < 0 for ln in b.lines}
    own.add((body[0], round(body[1])))
    out: set[int] = set()
    for members in regions.values():
        if _is_ad([found[k] for k in members], body, own):
            out.update(members)
    return out


def _type(line: Line) -> tuple[str, int]:
    return line.main.font, round(line.main.size)


def _is_ad(region: Sequence[GBlock], body: tuple[str, float], own: set[tuple[str, int]]) -> bool:
    """Every condition of the module's doc; `own` are the types the page sets outside
    frames and tints (its body, headers, captions), which an ad does not use."""
    if len(region) < AD_MIN_BLOCKS or any(b.role for b in region):
        return False  # a picture's caption or credit: an editorial picture
    if any(len(b.lines) > AD_MAX_BLOCK_LINES or _body_paragraph(b, body) for b in region):
        return False
    if len({_type(ln) for b in region for ln in b.lines} - own) < AD_MIN_TYPES:
        return False
    text = " ".join(ln.text for b in region for ln in b.lines)
    return evidence(text) >= AD_MIN_EVIDENCE


def _body_paragraph(block: GBlock, body: tuple[str, float]) -> bool:
    main = block.lines[0].main
    return (
        len(block.lines) >= BODY_PARAGRAPH_LINES
        and main.font == body[0]
        and abs(main.size - body[1]) < 0.1
    )
