"""A dump's header and picture lines that stand apart, told by their neighbours where no
type tells them: a folio at the page's head or foot, a byline without "Von" between the
headline and the body, a teaser between the headline and the byline, a credit set up a
picture's side a word to a line and the caption under it. `segment` cuts there.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import replace

from broadsheet.layout.credits import PHOTO_CREDIT_RE, is_photo_credit
from broadsheet.layout.furniture import is_folio
from broadsheet.layout.roles import (
    BYLINE_RE,
    FUNCTION_WORDS,
    ends_hyphen,
    ends_mid_sentence,
    ends_sentence,
    opens,
)
from broadsheet.model import Block, Traced

# A caption over or under its credit has at most this many lines.
MAX_CAPTION_LINES = 4
# A bare name in a byline has at most this many words a person, and the body's first line
# is this much longer than it.
BARE_NAME_WORDS = 3
BYLINE_BODY_RATIO = 1.3
# A teaser over its byline has at most this many lines.
TEASER_LINES = 3
# A credit set a word to a line has at most this many lines over its name/agency line.
CREDIT_STACK_WORDS = 2


def folios_apart(blocks: Sequence[Block]) -> list[Block]:
    """The page's first and last line each a block of its own where it is a folio ("Kultur
    13", "Culture A5"): a dump runs it into the kicker under it ("Kultur 13 International"),
    and `furniture.mark_running` knows a folio only as a unit of its own."""
    out = list(blocks)
    if out and len(out[0].lines) > 1 and is_folio(out[0].lines[0].text):
        first = out[0]
        out[:1] = [replace(first, lines=first.lines[:1]), replace(first, lines=first.lines[1:])]
    if out and len(out[-1].lines) > 1 and is_folio(out[-1].lines[-1].text):
        last = out[-1]
        out[-1:] = [replace(last, lines=last.lines[:-1]), replace(last, lines=last.lines[-1:])]
    return out


def bare_bylines(lines: Sequence[Traced], lengths: list[int]) -> set[int]:
    """Cuts around a name without "Von"/"By" on a line of its own between a header's
    line and the body's first, longer line ("Zwei Königinnen im Neonlicht" / "Sabine
    Ortner" / "Chance auf vorzeitige Wieder-"): the byline, not the headline's last line.

    >>> lines = [Traced(t) for t in ("Der Spree geht das Wasser aus", "Anna Leitner",
    ...          "Weil der Fluss seit Wochen kaum noch Wasser führt, müssen")]
    >>> sorted(bare_bylines(lines, [len(t) for t in lines]))
    [1, 2]
    """
    out: set[int] = set()
    for i in range(1, len(lines) - 1):
        prev = lines[i - 1].text
        if (
            _bare_name(lines[i].text)
            and not ends_sentence(prev)
            and not ends_mid_sentence(prev)
            and not ends_hyphen(prev)
            and lengths[i + 1] > BYLINE_BODY_RATIO * lengths[i]
            and opens(lines[i + 1].text)
        ):
            out |= {i, i + 1}
    return out


def teasers_over_bylines(lines: Sequence[Traced]) -> set[int]:
    """Cuts before a teaser right over its byline: a sentence of up to TEASER_LINES lines
    ending in a stop, under a line that ends in none (the headline's last), over a line
    that is a byline, with "By" or a bare name (`_byline_at`: "... catch-up drive" /
    "First- and second-year pupils ... lessons." / "By Gareth Pritchard"). A dump runs a
    header's lines together; its type tells them.

    >>> lines = [Traced(t) for t in ("Schulen bekommen mehr Geld",
    ...          "Die Länder zahlen ab Herbst für Nachhilfe.", "Von Eva Muster")]
    >>> sorted(teasers_over_bylines(lines))
    [1, 2, 3]
    """
    out: set[int] = set()
    for b in range(2, len(lines)):
        if not _byline_at(lines, b):
            continue
        j = _past_picture(lines, b)  # a picture listed between teaser and byline
        if j < 2 or not ends_sentence(lines[j - 1].text):
            continue
        for i in range(j - 1, max(0, j - 1 - TEASER_LINES), -1):
            prev = lines[i - 1].text
            longer = len(lines[i]) > len(lines[i - 1])  # smaller type than the headline's
            if (
                i > 0
                and longer
                and opens(lines[i].text)
                and not (ends_sentence(prev) or ends_hyphen(prev) or ends_mid_sentence(prev))
            ):
                out |= {i, j, b, b + 1}  # the byline stands alone, whatever its form
                break
            if i < j - 1 and ends_sentence(lines[i].text):
                break  # another sentence: body text, not a teaser
    return out


def _past_picture(lines: Sequence[Traced], b: int) -> int:
    """Where the caption starts whose credit stands right over line b ("... wert." /
    "Baustelle am Holländischen Platz: ..." / "Uwe Zeitler/dpa" / "Julia Hofer"); b if
    no credit does."""
    if not is_photo_credit(lines[b - 1].text.strip()):
        return b
    start = caption_start(lines, b - 1)
    return b if start is None else start


def caption_start(lines: Sequence[Traced], c: int, cuts: Set[int] = frozenset()) -> int | None:
    """Where the caption set right above the credit at line c starts: after the last
    sentence end within MAX_CAPTION_LINES lines up, not past a cut already made (`cuts`);
    None where there is none.

    >>> lines = [Traced(t) for t in ("Das Werk schließt.", "Die Halle im Winter.", "Jana Lind/dpa")]
    >>> caption_start(lines, 2), caption_start(lines, 2, {1})
    (1, None)
    """
    for k in range(c - 1, max(0, c - 1 - MAX_CAPTION_LINES), -1):
        if k in cuts:
            return None
        if ends_sentence(lines[k - 1].text) and opens(lines[k].text):
            return k
    return None


def _byline_at(lines: Sequence[Traced], j: int) -> bool:
    """Line j is a byline: with "Von"/"By", or a bare name over the body's longer line."""
    text = lines[j].text
    if BYLINE_RE.match(text):
        return True
    after = lines[j + 1].text if j + 1 < len(lines) else ""
    return _bare_name(text) and len(after) > BYLINE_BODY_RATIO * len(text) and opens(after)


def _bare_name(text: str) -> bool:
    """Two to four capitalised words of letters, names joined by "und"/"and"; no article
    or preposition ("Die Kosten" is a subhead).

    >>> [_bare_name(t) for t in ("Anna Leitner", "Eva Lindner und Tobias Wurm", "Die Kosten")]
    [True, True, False]
    """
    words = [w for w in text.split() if w not in ("und", "and", "&")]
    return 2 <= len(words) <= 2 * BARE_NAME_WORDS and all(
        w[:1].isupper() and w.replace("-", "").isalpha() and w.casefold() not in FUNCTION_WORDS
        for w in words
    )


def credit_stacks(lines: Sequence[Traced]) -> list[tuple[int, int]]:
    """(start, end) of each credit set a word to a line ("Foto:" / "Joseph" /
    "Wanyama/afp": pdftotext -raw reads a credit set up the picture's side so): one or two
    lines of one word, a cue or a capitalised name, over a photographer/agency line.

    >>> credit_stacks([Traced(t) for t in ("Der Text.", "Foto:", "Joseph", "Wanyama/afp")])
    [(1, 4)]
    """
    out: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        last = line.text.strip()
        if " " in last or "/" not in last:
            continue  # the surname and the agency: "Wanyama/afp"
        start = k
        while start > max(0, k - CREDIT_STACK_WORDS) and _credit_word(lines[start - 1].text):
            start -= 1
        stack = " ".join(ln.text.strip() for ln in lines[start : k + 1])
        if start < k and is_photo_credit(stack):
            out.append((start, k + 1))
    return out


def first_stop(lines: Sequence[Traced], k: int) -> int:
    """The line after the first sentence end from line k on, within MAX_CAPTION_LINES;
    k where there is none (the text under the credit is no caption)."""
    for j in range(k, min(len(lines), k + MAX_CAPTION_LINES)):
        if ends_sentence(lines[j].text):
            return j + 1
    return k


def _credit_word(text: str) -> bool:
    """A line of one word that opens a credit: its cue ("Foto:") or a first name."""
    t = text.strip()
    return " " not in t and (bool(PHOTO_CREDIT_RE.match(t + " x")) or (t.istitle() and t.isalpha()))
