"""Text from PDFium as valid Unicode, its offsets still PDFium's (shared by the PDF reader,
which makes runs' texts whole, and the layout, which maps offsets back to glyphs).

PDFium numbers a text page's characters in UTF-16 code units: a glyph whose ToUnicode map
gives a character outside the Basic Multilingual Plane (an emoji, a mathematical letter)
is two characters there, a high and a low surrogate, and a map may give half a pair
alone. A run's text joins each pair into the one character it encodes, so its length in
UTF-16 units is still the count of PDFium characters it covers (`Run.first` and the
offsets into it lead to the right glyph: see `units`), and writes a lone half, which
encodes no character and which no output format can write, as U+FFFD, the replacement
character; `replaced_note` says on which page and how many, so nothing is changed unsaid.

>>> whole("Wort \\ud83d\\ude00 Wort")
'Wort 😀 Wort'
>>> whole("Wort \\ud800 Wort") == "Wort \\ufffd Wort"
True
>>> units(whole("a\\ud83d\\ude00b")), units(whole("a\\ud800b"))
(4, 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# One surrogate pair, else a lone half.
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# Characters past this one take two UTF-16 units.
LAST_BMP = "\uffff"


def whole(text: str) -> str:
    """`text` with each surrogate pair joined into its character and each lone surrogate
    written as U+FFFD: the same length in UTF-16 units."""
    return _SURROGATES.sub(_one, text)


def _one(found: re.Match[str]) -> str:
    pair = found.group()
    if len(pair) == 1:
        return REPLACEMENT
    return pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def units(text: str) -> int:
    """The text's length in UTF-16 code units: PDFium's count of its characters."""
    return len(text) + sum(ch > LAST_BMP for ch in text) if not text.isascii() else len(text)


def replaced_note(page: int, texts: Iterable[str]) -> str | None:
    """What a page's runs (`texts`) hold that PDFium gave no character for, in words;
    None where there is none (nearly every page)."""
    count = sum(t.count(REPLACEMENT) for t in texts)
    if not count:
        return None
    what = "character" if count == 1 else "characters"
    return (
        f"page {page}: {count} {what} with no Unicode value (half a surrogate pair, or "
        "U+FFFD, in a font's ToUnicode map) written as U+FFFD"
    )
