"""Lines of a source's text as `Traced` lines: what a dump's reader and the PDF layout
both hand on, so a line means the same whichever path wrote it.

A line is stripped (its offsets still point at its characters in the source); where
PDFium joined two lines at a hyphen it marked with U+FFFE between letters, they are parted
again; an overlong line is cut at spaces, since no newspaper column is that wide and the
layout assumes lines of column width (a 10 MB line must not stall it).
"""

from __future__ import annotations

import re

from broadsheet.model import Seg, Traced

# Lines longer than this are cut at spaces.
MAX_LINE_CHARS = 2000
# PDFium's marker of a hyphen at a line end it removed by joining the two lines.
_SOFT_BREAK_RE = re.compile(r"(?<=\w)\ufffe(?=\w)")
# A line of these alone is blank: it parts two blocks.
BLANK_CHARS = " \t\r\u00a0"
# A character other than white space: re's \s is str.isspace's (and str.strip's) set.
_TEXT_RE = re.compile(r"\S")


def traced_lines(text: str, start: int, end: int) -> list[Traced]:
    """The non-blank lines of `text[start:end]`, each stripped and traced to the source.

    >>> [ln.text for ln in traced_lines("  Ein Satz \\n\\n zwei", 0, 18)]
    ['Ein Satz', 'zwei']
    >>> traced_lines("  Ein Satz ", 0, 11)[0].start
    2
    """
    out: list[Traced] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out += traced_line(text[pos:stop], pos)
        if nl < 0:
            break
        pos = nl + 1
    return out


def traced_line(raw: str, at: int) -> list[Traced]:
    """One line of text that starts at offset `at` of the source: stripped, parted where
    PDFium joined lines, cut where overlong; none if it is blank."""
    core = raw.strip()
    if not core:
        return []
    at += len(raw) - len(raw.lstrip())
    line = Traced(core, (Seg(0, len(core), at, at + len(core)),))
    if len(core) <= MAX_LINE_CHARS and "\ufffe" not in core:
        return [line]  # most lines
    return [piece for part in _split_soft_breaks(line) for piece in _cut_long(part)]


def has_text(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a character other than white space (Unicode's, as
    str.strip takes it): the page cutter keeps a page, and a line, only if so, so a text
    without one has no page. Wider than BLANK_CHARS, which part two blocks of a page. The
    span is searched in place: a 50 MB page is not copied to be looked at.

    >>> has_text("\\u3000\\f\\u2028\\u00a0 \\n"), has_text(" x "), has_text(" x ", 2)
    (False, True, False)
    """
    return _TEXT_RE.search(text, start, len(text) if end is None else end) is not None


def blank(raw: str) -> bool:
    """A line of blank characters only: in a dump it parts two blocks."""
    return not raw.strip(BLANK_CHARS)


def _split_soft_breaks(line: Traced) -> list[Traced]:
    """Undo PDFium's line joining: U+FFFE between letters marks where a line ended."""
    if "\ufffe" not in line.text:
        return [line] if line.text else []
    parts: list[Traced] = []
    start = 0
    for m in _SOFT_BREAK_RE.finditer(line.text):
        parts.append(line.slice(start, m.end()))
        start = m.end()
    parts.append(line.slice(start, len(line)))
    return [p for p in (p.strip() for p in parts) if p.text]


def _cut_long(line: Traced) -> list[Traced]:
    """Cut an overlong line at spaces into pieces of at most MAX_LINE_CHARS."""
    pieces: list[Traced] = []
    while len(line) > MAX_LINE_CHARS:
        cut = line.text.rfind(" ", 0, MAX_LINE_CHARS)
        cut = cut if cut > 0 else MAX_LINE_CHARS
        pieces.append(line.slice(0, cut))
        line = line.slice(cut, len(line)).strip()
    if line.text:
        pieces.append(line)
    return pieces
