"""Roles a block can play, read from its text alone: shape, punctuation and set phrases.

A dump block may hold more than one role (a caption with its credit on the same line,
a box headline on the first line of the box), so `units` first cuts blocks into units,
then `local_role` names each unit as far as its own text allows. Roles that depend on
neighbours (kicker, headline, teaser, pull quote) are settled in `assemble`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.layout.ads import AD_KIND
from broadsheet.layout.credits import (
    MAX_CREDIT_CHARS,
    PHOTO_CREDIT_RE,
    agency_at,
    credit_after_sentence,
    is_agency,
    is_photo_credit,
)
from broadsheet.layout.jumps import NOTE_KIND, dumped_jump
from broadsheet.model import Block, Traced, Type
from broadsheet.repair.hyphens import LINE_END_HYPHENS

BODY = "body"
DISPLAY = "display"  # short display type: kicker, headline, teaser or pull quote
BYLINE = "byline"
CAPTION = "caption"
PHOTO_CREDIT = "photo_credit"
AGENCY_CREDIT = "agency_credit"
NOTE = "note"
AD = "ad"  # an advertisement's text, kept apart from the items
FURNITURE = "furniture"
# Set inside a story's columns (layout/insets.py): a pull quote, a subhead, and words set
# in another type in the middle of a sentence (they are the sentence's).
PULL_QUOTE = "pull_quote"
SUBHEAD = "subhead"
INLINE = "inline"
# What a picture's text is made of.
PICTURE_ROLES = (CAPTION, PHOTO_CREDIT)

# Type this many times the body's size is headline type, whatever its text reads like.
HEADLINE_SIZE = 1.5
# Bold type this much larger than the body's, ending without a sentence's stop, is a head
# even where its text reads as body (a word hyphenated across its lines).
BOLD_HEAD_SIZE = 1.25
# Display type is set in few lines; more than this is body text.
MAX_DISPLAY_LINES = 6
# A display unit starting in lowercase (a kicker) has at most this many characters.
LOWER_KICKER_CHARS = 50
# A box headline on the first line of a block is at most this share of the lines below it;
# the rest of the block is numbered this far after it.
INLINE_HEAD_RATIO = 0.75
INLINE_REST = 0.05
# Lines this much wider than every body column belong to a caption or teaser.
WIDE_RATIO = 1.3
# A credit set a word to a line ("Foto:" / "Joseph" / "Wanyama/afp") has at most this many.
MAX_CREDIT_LINES = 3
# A name in a byline without a "By" has at most this many words.
MAX_NAME_WORDS = 4
# Gap of this many spaces inside a line separates two things (caption and credit).
GAP_RE = re.compile(r" {3,}|\t+")

_UPPER = "A-ZÄÖÜÀ-ÞŁŚŽČŠ"
_NAME = rf"[{_UPPER}][\w'’.\-]*"
_NAMES = rf"{_NAME}(?:[ \u00a0]+{_NAME}){{0,3}}"
_NAME_LIST = rf"{_NAMES}(?:(?:,|[ \u00a0]+(?:und|and|&))[ \u00a0]+{_NAMES})*"
BYLINE_RE = re.compile(
    rf"^(?:(?:Ein[e]?|An?)\s+\w+\s+)?(?P<lead>[Vv]on|VON|[Bb]y|BY)\s+(?P<names>{_NAME_LIST})$"
    rf"|^(?P<aus>Aus|AUS|From|FROM)\s+(?P<place>{_NAME})\s+(?P<anames>{_NAME_LIST})$"
)
NOTE_RE = re.compile(
    r"^(?:Aus dem [A-ZÄÖÜ]\w*schen\b|Übersetzung|Übersetzt|Mitarbeit|Mitarbeit:|Recherche|"
    r"Finanziert|Gefördert|Dieser (?:Text|Beitrag|Artikel)|Die Recherche|Translat(?:ed|ion)|"
    r"Additional reporting|This (?:article|story|report)|Reporting by|Edited by)\b",
)  # a whole word: "Mitarbeit:" is a note's cue, "Mitarbeiter des Vereins" is not; "Aus dem
# Englischen" names a language, "Aus dem allgemeinen Ärger" opens a sentence
# Page furniture: a line that is a page number, a web address or a date as a whole...
_FURNITURE_LINE_RE = re.compile(
    r"(?:\d{1,4}|(?:Seite|S\.|Page|p\.) ?\d+|[-–]\s*\d+\s*[-–])$"
    r"|www\.\S+$"
    r"|(?:\w+,?\s+)?(?:\d{1,2}\.?\s+)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
    r"September|Oktober|November|Dezember|January|February|March|May|June|July|October|"
    r"December)(?:\s+\d{1,2},?)?\s+\d{4}$"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}$|\d{4}-\d{2}-\d{2}$",
)
# ...or holds fields set apart by bars, or a weekday's date ("Freitag, 14. Mai 2027",
# "Friday, May 14, 2027"). All but the web address need a
# digit, so a line without one is spared the longer patterns.
_BAR_RE = re.compile(r"\|(?<=\s\|)(?=\s)")
_WEEKDAY_DATE_RE = re.compile(
    r"\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:\d{1,2}\.?\s+\w+|\w+\s+\d{1,2},?)\s+\d{4}"
)
_DIGIT_RE = re.compile(r"\d")


def is_furniture(text: str) -> bool:
    """A running head, folio, page number or date line; the patterns run cheapest first,
    because every line of a page is asked."""
    if _BAR_RE.search(text):
        return True
    if not _DIGIT_RE.search(text):
        return text.startswith("www.") and bool(_FURNITURE_LINE_RE.match(text))
    return bool(_FURNITURE_LINE_RE.match(text) or _WEEKDAY_DATE_RE.search(text))


# Characters that may open a paragraph or a headline besides capitals and digits.
OPENERS = "„“\"'‚«»(–—-[*•"
# Words no headline ends on; a line ending on one continues a sentence.
# (Not the German prepositions that double as verb particles, which end many headlines:
# "Todeszonen breiten sich weiter aus", "Der Streik geht weiter zu Ende ... an".)
FUNCTION_WORDS = frozenset(
    (
        "der die das den dem des eine einer eines einem einen keine keiner keinem keinen "
        "in im am bei "
        "von vom zum zur für und oder als wie dass ob weil wenn "
        "the a an of in on at to for with from by and or as that"
    ).split()
)
SENTENCE_END_RE = re.compile(r"[.!?…][)\"“”»«’'\u201c]*$")


@dataclass(frozen=True, slots=True)
class Unit:
    """A block, or the part of one, that plays a single role."""

    lines: tuple[Traced, ...]
    index: float  # dump position: the block index, plus a fraction for later parts
    role: str
    style: Type | None = None  # the type a PDF set the block in (Block.style)

    @property
    def text(self) -> str:
        return " ".join([line.text for line in self.lines])

    @property
    def chars(self) -> int:
        return sum(width(line.text) for line in self.lines)


def measure(lines: tuple[Traced, ...]) -> float:
    """The column width in characters: the median length of all lines but the last."""
    body = lines[:-1] if len(lines) > 1 else lines
    return sorted_median(sorted([width(line.text) for line in body]))


def sorted_median(values: Sequence[int]) -> float:
    """The median of values sorted already, as statistics.median takes it (faster here)."""
    half = len(values) // 2
    return float(values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2)


_SPACE_RUN_RE = re.compile(r"\s{2,}")


def width(text: str) -> int:
    """A line's length with each run of spaces counted once: some extractors (pdfminer)
    keep the wide gaps of justified lines, which say nothing about the column's width."""
    if "  " not in text:
        return len(text)
    return len(_SPACE_RUN_RE.sub(" ", text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END_RE.search(text.rstrip()))


def ends_hyphen(text: str) -> bool:
    t = text.rstrip()
    return len(t) > 1 and t[-1] in LINE_END_HYPHENS and t[-2].isalnum()


def starts_lower(text: str) -> bool:
    t = text.lstrip()
    return bool(t) and t[0].islower()


def is_kicker_line(text: str) -> bool:
    """A short line with a kicker's cue: a final colon, or lowercase type ("berliner notizen:
    ein tagebuch"). A colon inside is no cue: briefs and captions open with "Tokio: Ein ..."."""
    t = text.strip()
    return (
        len(t) <= LOWER_KICKER_CHARS
        and not ends_sentence(t)
        and (t.endswith(":") or starts_lower(t))
    )


def opens(text: str) -> bool:
    """Could this line start a paragraph or a headline (not a sentence continued in
    lowercase)?"""
    t = text.lstrip()
    return bool(t) and (t[0].isupper() or t[0].isdigit() or t[0] in OPENERS)


def ends_mid_sentence(text: str) -> bool:
    """Ends where no headline ends: on a comma or a word that needs a continuation."""
    words = text.split()
    return text.endswith((",", ";")) or (bool(words) and words[-1] in FUNCTION_WORDS)


def is_display(lines: tuple[Traced, ...]) -> bool:
    """Short type set apart: few lines, no hyphenation, no full stop at the end.

    Lowercase is allowed only in a short kicker ("berliner notizen:"); a longer text that
    starts in lowercase continues a sentence from another column.
    """
    if len(lines) > MAX_DISPLAY_LINES:
        return False
    if starts_lower(lines[0].text) and (
        len(lines) > 2 or sum(len(line) for line in lines) > LOWER_KICKER_CHARS
    ):
        return False
    if any(_syllable_break(a.text, b.text) for a, b in itertools.pairwise(lines)):
        return False
    last = lines[-1].text.rstrip()
    return not ends_sentence(last) and not ends_mid_sentence(last)


def _syllable_break(line: str, nxt: str) -> bool:
    """A word hyphenated across lines, as body text is set; display type breaks only at a
    real hyphen, before a capital ("Ost-" / "Derby") or inside a compound of several
    ("cost-" / "of-living").

    >>> _syllable_break("Die Stadt will bau-", "en"), _syllable_break("as cost-", "of-living")
    (True, False)
    """
    first = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    return ends_hyphen(line) and not first[:1].isupper() and "-" not in first


def units(block: Block) -> list[Unit]:
    """Cut a block into single-role units and give each its local role."""
    parts = _split_gaps(block)
    out: list[Unit] = []
    for k, lines in enumerate(parts):
        if block.style is not None and block.style.kind == FURNITURE:
            # a PDF's margin band or mark (layout/margins.py), found by its place
            out.append(Unit(lines, block.index + k / 10, FURNITURE, block.style))
        elif block.style is not None and block.style.kind == AD_KIND:
            # a PDF's ad region (layout/ads.py): kept apart from the items
            out.append(Unit(lines, block.index + k / 10, AD, block.style))
        elif block.style is not None and block.style.kind == NOTE_KIND:
            # a PDF's jump line (layout/jumps.py), found by its form and place
            out.append(Unit(lines, block.index + k / 10, NOTE, block.style))
        elif block.style is None and len(lines) == 1 and dumped_jump(lines[0].text):
            out.append(Unit(lines, block.index + k / 10, NOTE))  # a dump's jump line
        elif out and out[-1].role == PHOTO_CREDIT and k == 1:
            out.append(Unit(lines, block.index + k / 10, CAPTION))  # caption under its credit
        elif block.style is not None:
            role = typeset_role(local_role(lines), block.style, lines[-1].text)
            out.append(Unit(lines, block.index + k / 10, role, block.style))
        else:
            out.extend(_split_inline_head(lines, block.index + k / 10))
    return out


def set_as(u: Unit, kind: str) -> bool:
    """True if a PDF set the unit in this kind of type ("body", "display", "other")."""
    return u.style is not None and u.style.kind == kind


def typeset_role(role: str, style: Type, last: str = "") -> str:
    """The text's role corrected by the type a PDF set it in: body type is never display
    type, and headline type is never body text, nor is bold type well over the body's
    that ends without a sentence's stop (`last`, its last line: a headline hyphenated
    across its lines). (Smaller display type that reads as body text stays body: a pull
    quote repeating a sentence of its story is found in `insets`.) Type set by a picture
    is its caption or credit, as the page's geometry told (layout/pictures.py); a credit
    its own text shows stays one."""
    if style.role:
        return _picture_role(role, style.role)
    if style.kind == "body" and role == DISPLAY:
        return BODY
    if style.kind == "display" and role == BODY:
        head = style.bold and style.size >= BOLD_HEAD_SIZE and not ends_sentence(last.rstrip())
        return DISPLAY if style.size >= HEADLINE_SIZE or head else role
    return role


def _picture_role(role: str, placed: str) -> str:
    """The role of a unit set by a picture as `placed` ("caption", "credit", "mark")."""
    if placed == "mark":
        return FURNITURE  # a dingbat by the caption: no words of its own
    if placed == "credit" or role in (PHOTO_CREDIT, AGENCY_CREDIT):
        return PHOTO_CREDIT
    return BYLINE if role == BYLINE else CAPTION  # a byline set right under a picture


def _split_gaps(block: Block) -> list[tuple[Traced, ...]]:
    """Split off a credit: after a wide gap or as an agency credit at the end of the block
    (after a sentence: "der Weltklimarat (IPCC)" goes on), on the block's first line
    above the caption it belongs to, or ending a line after the caption's sentence."""
    first, *rest = block.lines
    if rest and PHOTO_CREDIT_RE.search(first.text) and len(first) <= MAX_CREDIT_CHARS:
        return [(first,), tuple(rest)]
    *head, last = block.lines
    gap = last_gap(last.text)
    if gap is not None and _credit_role(last.text[gap.end() :]):
        before = last.slice(0, gap.start()).strip()
        return [(*head, before), (last.slice(gap.end(), len(last)).strip(),)]
    for k, line in enumerate(block.lines if block.style is None else ()):
        # a dump (pdftotext -raw) runs a credit on from its caption's last line and on to
        # what follows; a PDF's caption is split from its credit by its place
        tail = credit_after_sentence(line.text)
        if tail is not None:
            caption = (*block.lines[:k], line.slice(0, tail).strip())
            after = block.lines[k + 1 :]
            return [caption, (line.slice(tail, len(line)),), *([after] if after else [])]
    if block.style is None and head and is_photo_credit(last.text.strip()):
        return [tuple(head), (last,)]  # a dump's credit on a line of its own under the caption
    m2 = agency_at(last.text)
    if m2 and m2.start() == 0 and head and ends_sentence(head[-1].text):
        return [tuple(head), (last,)]  # on a line of its own under the text
    if m2 and m2.start() > 0 and ends_sentence(last.text[: m2.start()].rstrip()):
        before = last.slice(0, m2.start()).strip()
        credit = (last.slice(m2.start(), len(last)),)
        return [(*head, before), credit] if before.text else [tuple(head), credit]
    return [block.lines]


def last_gap(text: str) -> re.Match[str] | None:
    """The last wide gap in a line: what follows it is set apart (a credit, say)."""
    gap = None
    if "   " not in text and "\t" not in text:
        return None
    for m in GAP_RE.finditer(text):
        gap = m
    return gap


def _split_inline_head(lines: tuple[Traced, ...], index: float) -> list[Unit]:
    """A short unpunctuated first line over body lines is a headline of its own."""
    if len(lines) >= 3:
        first, rest = lines[0], lines[1:]
        if (
            len(first) < INLINE_HEAD_RATIO * measure(rest)
            and not ends_sentence(first.text)
            and not ends_hyphen(first.text)
            and not ends_mid_sentence(first.text)
            and rest[0].text[:1].isupper()
            and not is_display(rest)
        ):
            rest_unit = Unit(rest, index + INLINE_REST, local_role(rest))
            return [Unit((first,), index, DISPLAY), rest_unit]
    return [Unit(lines, index, local_role(lines))]


def _credit_role(text: str) -> str | None:
    t = text.strip()
    if is_photo_credit(t):
        return PHOTO_CREDIT
    if is_agency(t):
        return AGENCY_CREDIT
    return None


def local_role(lines: tuple[Traced, ...]) -> str:
    """The role a unit's own text shows; neighbours refine DISPLAY and BODY later."""
    text = " ".join(line.text for line in lines)
    stacked = len(lines) <= MAX_CREDIT_LINES and all(" " not in ln.text.strip() for ln in lines)
    credit = _credit_role(text) if len(lines) <= 2 or stacked else None
    if credit:
        return credit
    if len(lines) <= 2 and BYLINE_RE.match(_fold(_unbroken(lines))):
        return BYLINE
    if len(lines) <= 2 and len(text) < 80 and is_furniture(text):  # a date set in two lines
        return FURNITURE
    if NOTE_RE.match(text) and len(lines) <= 6:
        return NOTE
    return DISPLAY if is_display(lines) else BODY


def _unbroken(lines: tuple[Traced, ...]) -> str:
    """The lines as one string, words hyphenated at a line end joined ("Hollo-" / "way")."""
    out = lines[0].text
    for line in lines[1:]:
        if ends_hyphen(out) and line.text[:1].islower():
            out = out[:-1] + line.text
        else:
            out = f"{out} {line.text}"
    return out


def _fold(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


def parse_byline(text: str) -> tuple[list[str], str | None]:
    """Authors and dateline of a byline: 'Aus Rom Eva Muster' -> (['Eva Muster'], 'Rom')."""
    m = BYLINE_RE.match(_fold(text))
    if not m:  # a byline found by its type, without a "By": the names alone, if they are
        found = _split_names(_fold(text))
        return (found, None) if all(_names_only(n) for n in found) else ([], None)
    names = m.group("names") or m.group("anames") or ""
    return _split_names(names), m.group("place")


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*|\s+(?:und|and|&)\s+", names) if n.strip()]


def _names_only(name: str) -> bool:
    """A person's name: a few words, each opening with a capital."""
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words)
