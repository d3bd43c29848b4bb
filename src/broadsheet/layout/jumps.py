"""Jump lines: "continued on page 5" at the end of a story, "from page 1" at its start.

A jump line is one short line holding a page reference (a number, perhaps with a letter
for the section, at the line's end), standing right under the last body line of a column
(or right over the first) and set apart from the body: in another slant, weight, size or
font, or set flush right. Its words ("Fortsetzung", "Continued", a page word, an arrow)
are evidence that can stand in for the type, never a condition: a page set in one type
throughout still has its jump lines found by the reference and the cue.

Found by the page's geometry here, a jump line's block is typed as a note (`NOTE_KIND`),
so the text stages file it with its story's notes: never a body paragraph, a header, a
pull quote or margin furniture (a jump line at the foot of a column may stand in the
page's bottom band).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from broadsheet.model import Box, TypeKind

if TYPE_CHECKING:  # types only: a dump's roles ask `dumped_jump`, and need no PDF geometry
    from broadsheet.layout.geometry import GBlock

# The kind of type (`Type.kind`) of a block the page's geometry shows to be a jump line.
NOTE_KIND: TypeKind = "note"
# A jump line has at most this many characters and words: longer, and a line ending in a
# number is a sentence ("... rose by 12") or a list entry, not a reference.
JUMP_MAX_CHARS = 48
JUMP_MAX_WORDS = 7
# It stands at most this many body sizes from the body block it ends (or opens): further,
# and it belongs to whatever stands there (a box, a footer: a magazine's footer line stood
# 1.5 body sizes under its column's last line, the generated jump lines half of one).
JUMP_MAX_GAP_EM = 2.0
# Set flush right: its left edge at least this many body sizes inside the column's, its
# right edge within JUMP_EDGE_EM of the column's.
FLUSH_RIGHT_INDENT_EM = 3.0
JUMP_EDGE_EM = 1.0
# Type this far from the body's size (as a ratio) is set apart; a jump line is never set
# larger than that (a line in display type ending in a number is a headline: "Top 10").
SIZE_APART = 0.06
# Of a block's width, this much must lie over the body block's for the two to share a column.
MIN_COLUMN_OVERLAP = 0.6

# A page reference at the line's end: "5", "A13", "B 2", "24)" ...
_REFERENCE_RE = re.compile(r"(?:^|[\s(→►▶>»:])(?:[A-Z]{1,2}[-\s]?)?\d{1,3}[a-z]?\s*[).]?$")
# Evidence only: a page word before the number, an arrow, a word that points on or back.
_EVIDENCE_RE = re.compile(
    r"(?:\b(?:Seiten?|S\.|Page|Pages|P\.|p\.|Pg\.?)\s*(?:[A-Z]{1,2}[-\s]?)?\d)"
    r"|[→►▶»>]"
    r"|\b(?:Fortsetzung|fortgesetzt|weiter|continued|continues|see|turn|from|von)\b",
    re.IGNORECASE,
)


# In a dump: a page word right before the line's final reference, and a pointer.
_PAGE_WORD_RE = re.compile(
    r"\b(?:Seiten?|S\.|Page|P\.|p\.|Pg\.?)\s*(?:[A-Z]{1,2}[-\s]?)?\d{1,3}[a-z]?\s*[).]?$"
)
_POINTER_RE = re.compile(
    r"[→►▶»>]|\b(?:Fortsetzung|fortgesetzt|weiter|continued|continues|see|turn|from|von|auf|on)\b",
    re.IGNORECASE,
)


def reads_as_jump(text: str) -> bool:
    """The form of a jump line: short, with words, ending in a page reference."""
    t = text.strip()
    words = t.split()
    return (
        0 < len(t) <= JUMP_MAX_CHARS
        and 2 <= len(words) <= JUMP_MAX_WORDS
        and any(c.isalpha() for c in words[0] + (words[1] if len(words) > 1 else ""))
        and _REFERENCE_RE.search(t) is not None
        and not any(c.isdigit() for c in words[-2])  # "4. 20", "12 / 2024": a date, an issue
    )


def dumped_jump(text: str) -> bool:
    """A jump line in a text dump, where neither type nor place is known: the form, a page
    word right before the reference and a word or sign that points ("Continued on Page
    A7", "Fortsetzung auf Seite 5", "→ Seite 3"); a running head "Politik Seite 3" lacks
    the pointer, a sentence the form."""
    return (
        reads_as_jump(text)
        and _PAGE_WORD_RE.search(text.strip()) is not None
        and _POINTER_RE.search(text) is not None
    )


def cued(text: str) -> bool:
    """Words or signs that point to another page (evidence, not a condition)."""
    return _EVIDENCE_RE.search(text) is not None


def jump_blocks(found: Sequence[GBlock], body: tuple[str, float]) -> set[int]:
    """Indexes of the blocks that are jump lines: one line of jump form, right under the
    body block whose column it ends (or right over the one it opens), set apart from the
    body or cued by its words. `body` is the page's body font and size."""
    out: set[int] = set()
    bodies = [b for b in found if b.lines and _set_in_body(b, body)]
    for k, block in enumerate(found):
        line = block.lines[0]
        if len(block.lines) != 1 or block.role or not reads_as_jump(line.text):
            continue
        if line.main.size > (1 + SIZE_APART) * body[1]:
            continue  # display type: a headline or a title ending in a number
        column = _next_to(block, bodies, body[1])
        if column is None:
            continue
        if _set_apart(block, column.box, body) or cued(block.lines[0].text):
            out.add(k)
    return out


def _set_in_body(block: GBlock, body: tuple[str, float]) -> bool:
    main = block.lines[0].main
    return len(block.lines) >= 2 and main.font == body[0] and abs(main.size - body[1]) < 0.1


def _next_to(block: GBlock, bodies: Sequence[GBlock], size: float) -> GBlock | None:
    """The body block the line ends (it stands right under it, nothing of the body below)
    or opens (right over it, nothing of the body above), or None."""
    reach = JUMP_MAX_GAP_EM * size
    same = [b for b in bodies if _overlap(block.box, b.box) >= MIN_COLUMN_OVERLAP]
    above = [b for b in same if 0 <= b.box[1] - block.box[3] <= reach]
    below = [b for b in same if 0 <= block.box[1] - b.box[3] <= reach]
    if above and not below:
        return above[0]
    if below and not above:
        return below[0]
    return None


def _overlap(inner: Box, outer: Box) -> float:
    width = inner[2] - inner[0]
    shared = min(inner[2], outer[2]) - max(inner[0], outer[0])
    return shared / width if width > 0 else 0.0


def _set_apart(block: GBlock, column: Box, body: tuple[str, float]) -> bool:
    """Set in other type than the body (slant, weight, size, font) or flush right."""
    run = block.lines[0].main
    font, size = body
    other_type = run.italic or run.bold or run.font != font
    other_size = abs(run.size / size - 1) > SIZE_APART if size else False
    indent = block.box[0] - column[0]
    flush_right = (
        indent >= FLUSH_RIGHT_INDENT_EM * size
        and abs(column[2] - block.box[2]) <= JUMP_EDGE_EM * size
    )
    return other_type or other_size or flush_right
