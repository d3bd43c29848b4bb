"""Line-end hyphens: join syllable breaks, keep real hyphens, leave elisions and dashes alone.

A junction is where one line of a column ends and the next begins. `decide_junction` says
what replaces the end of the left line plus the break; `dehyphenate` applies it to every
break of a multi-line string. A wrongly deleted hyphen cannot be recovered, so when the
evidence is thin the hyphen stays.

Convention: `Junction(cut, text, rule)` replaces the last `cut` characters of the left
line, plus the line break, with `text`. Joining removes the hyphen (cut 1, text ""); keeping
it leaves the hyphen untouched in place and only removes the break (cut 0, text ""), so the
kept hyphen still traces one to one to its source character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from broadsheet.model import Edit, RepairRule
from broadsheet.repair.lexicon import Lexicon

# Hyphens a typesetter or extractor leaves at a line end that may be a real hyphen.
HARD_HYPHENS = frozenset("-\u2010")
# Hyphens that only ever mark a syllable break: soft hyphen and the old "¬".
SOFT_HYPHENS = frozenset("\u00ad¬")
# PDFium's marker of a hyphen at a line end. It marks any hyphen there, a real one too
# ("post\ufffewar" for post-war, seen on generated pages), so it is decided like "-"; a kept
# one is written as "-".
PDFIUM_HYPHEN = "\ufffe"
# Soft-hyphen markers an extractor may leave inside a line after joining the lines itself.
INLINE_SOFT_HYPHENS = frozenset({"\u00ad", PDFIUM_HYPHEN})
# Every mark that may end a line in a word cut there.
LINE_END_HYPHENS = HARD_HYPHENS | SOFT_HYPHENS | {PDFIUM_HYPHEN}

# Words after a dangling hyphen that make it an elision ("Ein- und Ausreise").
CONJUNCTIONS = {
    "de": frozenset({"und", "oder", "bzw", "sowie", "bis", "noch", "als", "u"}),
    "en": frozenset({"and", "or", "nor", "to"}),
}
# fmt: off
# Left parts that only begin words: bound prefixes, and German verb particles, which are
# written closed ("aus-" + "fliegen"); a hyphen after them at a line end is a syllable break.
PREFIXES = {
    "de": frozenset(
        {
            "be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "un", "ur", "ab", "an", "auf",
            "aus", "bei", "da", "dar", "durch", "ein", "fort", "gegen", "her", "hin", "hinter",
            "los", "mit", "nach", "nieder", "um", "unter", "über", "vor", "weg", "weiter", "wieder",
            "zu", "zurück", "zusammen", "hier", "drauf", "dran", "drüber",
        }
    ),
    "en": frozenset(
        {
            "un", "re", "dis", "de", "sub", "non", "mis", "im", "ir", "il", "en", "em", "out",
            "over", "under", "inter", "trans",
        }
    ),
}
# Right parts that only end words: endings and suffixes ("bereit-" + "schaft", "want-" + "ed").
SUFFIXES = {
    "de": frozenset(
        {
            "e", "em", "en", "er", "ern", "es", "et", "te", "tem", "ten", "ter", "tes", "tet", "de",
            "dem", "den", "der", "des", "chen", "lein", "heit", "keit", "ung", "ungen", "schaft",
            "schaften", "lich", "liche", "lichen", "licher", "isch", "ische", "ischen", "ig", "ige",
            "igen", "iger", "bar", "sam", "haft", "nis", "nisse", "rei", "reien", "ler", "ner",
            "nen", "in", "innen", "ling", "linge", "tum",
        }
    ),
    "en": frozenset(
        {
            "ed", "ing", "ings", "ly", "ness", "er", "ers", "est", "es", "ist", "ists", "ism",
            "ish", "able", "ible", "ment", "ments", "ity", "ful", "al", "ic", "ive", "ous", "ion",
            "ions", "tion", "tions", "sion", "ure", "ance", "ence", "ant", "ent", "ate", "ated",
            "ize", "ized", "ise", "ised", "ship", "ships", "hood", "dom",
        }
    ),
}
# fmt: on
# Closing marks allowed between a word and its hyphen („Ja“-Stimmen, (Vor-)Urteil).
CLOSING_MARKS = frozenset("“”‘’\"'»«›‹)]}")
# Opening marks a hyphenated compound may continue with on the next line (Anti-„Terror“).
OPENING_MARKS = frozenset("„“‚‘\"'»«›‹([{")

# A joined form is a word when its zipf reaches this ("rotgrün" 1.9, "einund" 1.3 are noise)...
JOIN_ZIPF = 2.0
# ...and, in English, is not far rarer than its rarer part: "longterm" at 2.8 beside "term"
# at 5.2 is a run-together spelling. German writes compounds closed, so any listed joined
# form ("dunkelblau" 3.1) is the usual spelling there.
JOIN_MARGIN = {"de": 9.0, "en": 2.0}
# An elision's joined form must be clearly a word: wordfreq lists "einund" at 1.3.
ELISION_JOIN_ZIPF = 2.0
# A line fragment counts as a word of its own at this zipf ("zung" 2.1, "operation" 4.5)...
PART_ZIPF = 3.0
# ...or when the document uses it this often (the fragment itself is one of the uses).
DOC_PART_MIN = 2
# A word this common is a function word ("in", "an", "zu"): one that links a hyphen chain.
CHAIN_WORD_ZIPF = 6.0

_WORD_START = re.compile(r"[^\W\d_]+")
_LEAD_PUNCT = re.compile(r"^[\W_]+")
_COMPONENT_SPLIT = re.compile(r"[-\u2010/]")
# An address may break after one of these signs, and an en dash joins a range ("737–9"):
# no space belongs at such a line end.
EN_DASH = "\u2013"
TOKEN_ENDS = frozenset("/.-_?=&#:%~@" + EN_DASH)
# A token that is a web address or a DOI (one with "@" or "://" in it is anyway).
_ADDRESS_RE = re.compile(r"(?:www\.|doi:|10\.\d{4,}/)", re.IGNORECASE)
# An e-mail's domain at the start of a line ("@faa.gov"): a handle ("@dpa_news") has no dot.
_DOMAIN_RE = re.compile(r"@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# A whitespace run holding at least one line break: the whole run is one junction.
_BREAK_RUN = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class Junction:
    """Replace the last `cut` characters of the left line plus the line break with `text`."""

    cut: int
    text: str
    rule: RepairRule


LINEBREAK = Junction(0, " ", "linebreak")
UNSPACED = Junction(0, "", "linebreak.unspaced")
JOIN = Junction(1, "", "hyphen.join")
KEEP = Junction(0, "", "hyphen.keep")
ELISION = Junction(0, " ", "hyphen.elision")
SOFT = Junction(1, "", "hyphen.soft")


class _Parts(NamedTuple):
    """The two halves of a hyphenated word: `head` the whole left token, `stem` its last part."""

    head: str
    stem: str
    tail: str
    after_tail: str

    @property
    def joined(self) -> str:
        return self.stem + self.tail


def decide_junction(left: str, right: str, lex: Lexicon) -> Junction:
    """What the break between two lines becomes: a space, nothing, or a kept hyphen."""
    mark = left[-1:]
    if (mark in TOKEN_ENDS or right[:1] == "@") and unbroken(left, right):
        return UNSPACED
    if mark == PDFIUM_HYPHEN:
        decided = decide_junction(left[:-1] + "-", right, lex)
        if decided.cut or decided.rule == LINEBREAK.rule:
            return Junction(1, decided.text, decided.rule)  # a stray marker just goes
        return Junction(1, "-" + decided.text, decided.rule)
    if mark in SOFT_HYPHENS:
        return SOFT
    if mark not in HARD_HYPHENS or not right or len(left) < 2:
        return LINEBREAK
    before = left[-2]
    if before.isspace() or not (before.isalnum() or before in CLOSING_MARKS):
        return LINEBREAK  # a dash set off by a space, or punctuation run
    first = right[0]
    if first.isdigit() or first in OPENING_MARKS or before in CLOSING_MARKS:
        return KEEP
    if not first.isalpha():
        return ELISION  # "Ein-" + "& Ausreise": the hyphen dangles before a sign
    parts = split_parts(left[:-1], right)
    if parts.stem[-1:].isdigit():
        return KEEP  # "32-" + "Jährige"
    if is_elision(parts, lex):
        return ELISION
    if first.isupper():
        return JOIN if is_caps_word(parts, lex) else KEEP
    return decide_lowercase(parts, lex)


def unbroken(left: str, right: str) -> bool:
    """The line break falls inside a token that holds no space: a range set with an en
    dash ("737–" + "9"), a web or e-mail address or a DOI broken after one of its signs.
    A stop after an address ends a sentence unless the next line goes on in lowercase.

    >>> unbroken("Flug 737–", "9 Max"), unbroken("Siehe https://", "www.faa.gov")
    (True, True)
    >>> unbroken("Inquiry@", "faa.gov"), unbroken("Mehr auf www.faa.gov.", "Die Behörde")
    (True, False)
    >>> unbroken("Berlin –", "Hamburg"), unbroken("ein Satz.", "zwei")
    (False, False)
    >>> unbroken("schrieb @dpa", "@AFP dazu"), unbroken("Pseudonym", "@eveleaks")
    (False, False)
    """
    first = right[:1]
    if not (first and left) or first.isspace():
        return False
    token = left[left.rfind(" ") + 1 :]
    if left[-1] == EN_DASH:
        return len(token) > 1 and token[-2].isalnum() and first.isalnum()
    mail = "@" in token[1:] or _DOMAIN_RE.match(right)  # a handle ("@dpa") is no address
    address = mail or "://" in token or _ADDRESS_RE.match(token)
    if not address:
        return False
    return left[-1] != "." or first.islower() or first.isdigit()


def split_parts(left: str, right: str) -> _Parts:
    """The word before the hyphen and the letters that continue it on the next line."""
    last = left.rsplit(maxsplit=1)  # the line's last token (no need to cut up the rest)
    head = _LEAD_PUNCT.sub("", last[-1]) if last else ""
    stem = _COMPONENT_SPLIT.split(head)[-1]
    first = right.split(maxsplit=1)
    token = first[0] if first else ""
    match = _WORD_START.match(token)
    tail = match.group(0) if match else ""
    return _Parts(head, stem, tail, token[len(tail) :])


def is_elision(parts: _Parts, lex: Lexicon) -> bool:
    """A conjunction after the hyphen ("Ein- und Aus-") unless the joined form is a word."""
    conjunctions = CONJUNCTIONS.get(lex.lang, CONJUNCTIONS["en"])
    if parts.tail.lower() not in conjunctions:
        return False
    if parts.after_tail[:1] in HARD_HYPHENS:
        return False  # "up-" + "to-date": the conjunction starts a compound of its own
    return lex.count(parts.joined) == 0 and zipf(lex, parts.joined) < ELISION_JOIN_ZIPF


def is_caps_word(parts: _Parts, lex: Lexicon) -> bool:
    """An all-caps headline word broken at a syllable ("BUNDESREGIE-" + "RUNG")."""
    both_caps = all(len(p) > 1 and p.isupper() for p in (parts.stem, parts.tail))
    return both_caps and (lex.count(parts.joined) > 0 or joined_is_word(parts, lex))


def decide_lowercase(parts: _Parts, lex: Lexicon) -> Junction:
    """A lowercase continuation: the document's usage first, then the word lists."""
    if len(parts.stem) < 2 or (parts.stem.isupper() and parts.stem.isalpha()):
        return JOIN if lex.count(parts.joined) > 0 else KEEP  # "E-" "mail", "SPD-" "ler"
    evidence = doc_evidence(parts, lex)
    if evidence is not None:
        return evidence
    if chain_link(parts, lex):
        return KEEP
    if lex.lang == "de" and parts.stem[0].isupper():
        return JOIN  # German compounds continue with a capital; lowercase means a syllable
    if joined_is_word(parts, lex):
        return JOIN
    return KEEP if both_parts_words(parts, lex) else JOIN


def chain_link(parts: _Parts, lex: Lexicon) -> bool:
    """A little word linked into a hyphen chain that goes on after it ("All-" + "in-Verträge",
    "Kopf-" + "an-Kopf-Rennen"): a function word (CHAIN_WORD_ZIPF) that joins into no word,
    where a syllable that a chain goes on after joins into one ("Lan-" + "des-ÖVP",
    "Drei-Zim-" + "mer-Wohnung").

    >>> from broadsheet.repair.lexicon import Lexicon
    >>> lex = Lexicon("de")
    >>> chain_link(split_parts("die All", "in-Verträge"), lex)
    True
    >>> chain_link(split_parts("die Lan", "des-ÖVP"), lex)
    False
    """
    if parts.after_tail[:1] not in HARD_HYPHENS or zipf(lex, parts.tail) < CHAIN_WORD_ZIPF:
        return False
    return lex.count(parts.joined) == 0 and zipf(lex, parts.joined) < JOIN_ZIPF


def doc_evidence(parts: _Parts, lex: Lexicon) -> Junction | None:
    """Join or keep as the document itself spells the word elsewhere; None if it never does."""
    joined = lex.count(parts.joined)
    hyphenated = lex.count(f"{parts.stem}-{parts.tail}")
    if parts.head != parts.stem:
        joined += lex.count(parts.head + parts.tail)
        hyphenated += lex.count(f"{parts.head}-{parts.tail}")
    if joined > hyphenated:
        return JOIN
    if hyphenated > joined:
        return KEEP
    return None


def joined_is_word(parts: _Parts, lex: Lexicon) -> bool:
    """wordfreq lists the joined form, and not as rare noise beside its parts."""
    joined = zipf(lex, parts.joined)
    rarer_part = min(zipf(lex, parts.stem), zipf(lex, parts.tail))
    return joined >= JOIN_ZIPF and joined + JOIN_MARGIN.get(lex.lang, 2.0) >= rarer_part


def both_parts_words(parts: _Parts, lex: Lexicon) -> bool:
    """Both halves stand as words ("long" + "term"), so the hyphen is probably real.

    A prefix or suffix half is no word, unless the right part goes on in a hyphenated chain
    ("out-" + "of-date")."""
    bound = parts.stem.lower() in PREFIXES.get(lex.lang, frozenset()) or (
        parts.tail.lower() in SUFFIXES.get(lex.lang, frozenset())
    )
    if bound and parts.after_tail[:1] not in HARD_HYPHENS:
        return False
    return all(
        lex.count(p) >= DOC_PART_MIN or zipf(lex, p) >= PART_ZIPF for p in (parts.stem, parts.tail)
    )


def zipf(lex: Lexicon, word: str) -> float:
    """The word's zipf; wordfreq keys are casefolded, so "weiß" is listed as "weiss"."""
    return lex.zipf(word.casefold())


def dehyphenate(text: str, lex: Lexicon) -> list[Edit]:
    """Turn every inner line break of `text` into a space, a join or a kept hyphen."""
    edits: list[Edit] = []
    for run in _BREAK_RUN.finditer(text):
        if run.start() == 0 or run.end() == len(text):
            continue  # leading or trailing whitespace: no junction, nothing to join
        left = text[text.rfind("\n", 0, run.start()) + 1 : run.start()]
        stop = text.find("\n", run.end())
        right = text[run.end() : len(text) if stop < 0 else stop]
        junction = decide_junction(left, right, lex)
        edits.append(Edit(run.start() - junction.cut, run.end(), junction.text, junction.rule))
    return edits


def remove_inline_soft_hyphens(text: str) -> list[Edit]:
    """Delete soft-hyphen markers inside a line ("Heimat\\ufffeland"); line ends are joined."""
    edits: list[Edit] = []
    for i, char in enumerate(text):
        if char in INLINE_SOFT_HYPHENS and not at_line_end(text, i + 1):
            edits.append(Edit(i, i + 1, "", "hyphen.soft"))
    return edits


def at_line_end(text: str, pos: int) -> bool:
    """Only spaces or tabs lie between `pos` and the next line break or the end of the text."""
    stop = text.find("\n", pos)
    return not text[pos : len(text) if stop < 0 else stop].strip(" \t\r")
