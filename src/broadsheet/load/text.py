"""Read a text dump: decode the bytes, cut pages at form feeds, blocks at blank lines.

Offsets everywhere point into the decoded text, so decoding happens once, here.

Limits, per page (a dump of hundreds of pages is normal): a page of more than
MAX_PAGE_CHARS characters or MAX_PAGE_LINES lines is refused with a one-line error before
any work, since the layout's time grows faster than a page's lines (a million one-word
lines took 1 GB and more than a minute). A newspaper page has some 10,000 to 60,000
characters and a few thousand lines.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from broadsheet.errors import InputError
from broadsheet.model import Block, Source
from broadsheet.textlines import BLANK_CHARS, has_text, traced_lines

# Share of control characters (other than whitespace) above which bytes are not text.
MAX_CONTROL_SHARE = 0.02
FALLBACK_ENCODING = "cp1252"
# What a UTF-16 code unit that is no character (an unpaired surrogate, a last odd byte)
# becomes: the Unicode replacement character, with a note that says how many and where.
REPLACEMENT = "\ufffd"
# A page of a dump with more characters is refused: the PDF reader's limit of a page
# (load/pdf.py MAX_CHARS), some seven times the largest newspaper page.
MAX_PAGE_CHARS = 400_000
# A page of a dump with more lines (blank ones counted too) is refused: some five
# times a dense page; 20,000 one-word lines take 2 to 8 s to lay out, 50,000 over 20 s.
MAX_PAGE_LINES = 20_000

_BLANK_RE = re.compile(rf"\n[{BLANK_CHARS}]*\n")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")  # escapes: mypyc takes no surrogate literal


def decode(data: bytes, name: str = "<bytes>") -> Source:
    """Decode a dump: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/Latin-1.

    What cannot be decoded as it claims to be is decoded all the same and said in a note
    (it reaches stderr and each page's warnings): one bad byte should not cost a page.
    A dump without a character other than white space has no page and is refused.
    """
    if not data.strip():
        raise InputError(f"{name}: the input is empty; give a text dump of a newspaper page")
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_utf16(data, notes), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as err:
            if b"\x00" in data:
                raise _binary(name) from err
            text, encoding = _decode_legacy(data)
            notes.append(f"input is not UTF-8; decoded as {encoding}")
    if len(_CONTROL_RE.findall(text[:100_000])) > MAX_CONTROL_SHARE * min(len(text), 100_000):
        raise _binary(name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding == "utf-16":
        text = _replace_surrogates(text, notes)
    if not has_text(text):
        raise InputError(
            f"{name}: the input has no text, only white space or a byte order mark; "
            "give a text dump of a newspaper page"
        )
    _check_pages(text, name)
    digest = hashlib.sha256(data).hexdigest()
    return Source(text=text, name=name, encoding=encoding, notes=tuple(notes), sha256=digest)


def _check_pages(text: str, name: str) -> None:
    """Refuse the dump if a page is past MAX_PAGE_CHARS or MAX_PAGE_LINES, naming the page
    and the limit: laying out such a page would take minutes and gigabytes, and the likely
    cause, a dump without form feeds between its pages, is the user's to fix."""
    for number, (start, end) in enumerate(page_spans(text), 1):
        if end - start > MAX_PAGE_CHARS:
            raise _too_big(name, number, f"{end - start:,} characters", MAX_PAGE_CHARS, "CHARS")
        lines = text.count("\n", start, end) + (text[end - 1] != "\n")  # a last line unended
        if lines > MAX_PAGE_LINES:
            raise _too_big(name, number, f"{lines:,} lines", MAX_PAGE_LINES, "LINES")


def _too_big(name: str, number: int, size: str, limit: int, unit: str) -> InputError:
    """The one line that refuses a page past a limit: what it has, the limit by value and
    by name (MAX_PAGE_<unit>), and what to do."""
    return InputError(
        f"{name}: page {number} has {size}; broadsheet reads at most {limit:,} a page "
        f"(MAX_PAGE_{unit}; a newspaper page has far fewer): put form feeds between the "
        "dump's pages"
    )


def _decode_utf16(data: bytes, notes: list[str]) -> str:
    """UTF-16 after its BOM, unpaired surrogates left in (`_replace_surrogates` counts
    them once lines are known); a last odd byte, as a file cut short leaves, becomes
    REPLACEMENT and a note rather than a decoding error."""
    whole = len(data) - len(data) % 2
    text = data[:whole].decode("utf-16", "surrogatepass")
    if whole == len(data):
        return text
    notes.append(
        f"the UTF-16 input has an odd number of bytes ({len(data)}), so it may be cut short; "
        f"its last byte is decoded as U+FFFD"
    )
    return text + REPLACEMENT


def _replace_surrogates(text: str, notes: list[str]) -> str:
    """Each unpaired surrogate (an extractor that cut a character outside the BMP in two
    writes them) as REPLACEMENT, with a note naming how many and the first one's line: no
    output format can encode a lone surrogate, and the page around it is good text."""
    first = _SURROGATE_RE.search(text)
    if first is None:
        return text
    line = text.count("\n", 0, first.start()) + 1
    text, count = _SURROGATE_RE.subn(REPLACEMENT, text)
    notes.append(
        f"{count} unpaired UTF-16 surrogate{'s' if count > 1 else ''} (the first on line "
        f"{line}) decoded as U+FFFD; the extractor may have cut a character in two"
    )
    return text


def text_bytes(text: str) -> bytes:
    """A dump given as a str, as the bytes `decode` reads: UTF-8, or, where the str holds
    lone surrogates (no UTF-8 holds them; a str read with errors="surrogateescape" does),
    UTF-16 with them passed through, which `decode` replaces and names in a note.

    >>> text_bytes("Satz"), decode(text_bytes("Satz \\udc80")).text
    (b'Satz', 'Satz \\ufffd')
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass")


def _binary(name: str) -> InputError:
    """A PDF never gets here (the CLI reads those by their header), so binary is neither."""
    return InputError(
        f"{name}: this looks like binary data, neither a text dump nor a PDF; "
        "give the text an extractor wrote, or the PDF itself"
    )


def _decode_legacy(data: bytes) -> tuple[str, str]:
    try:
        return data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def page_spans(text: str) -> list[tuple[int, int]]:
    """Source spans of the pages: form feeds separate them; empty pages are dropped.

    >>> page_spans("eins\\f \\f\\fzwei\\n")
    [(0, 4), (8, 13)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while start <= len(text):
        feed = text.find("\f", start)
        end = len(text) if feed < 0 else feed
        if has_text(text, start, end):
            spans.append((start, end))
        start = end + 1
    return spans


def blocks(text: str, start: int, end: int, page: int = 1) -> list[Block]:
    """The blocks of one page: runs of non-blank lines, each line stripped and traced."""
    out: list[Block] = []
    pos = start
    chunk = text[start:end]
    for m in [*_BLANK_RE.finditer(chunk), None]:
        stop = start + (m.start() if m else len(chunk))
        lines = tuple(traced_lines(text, pos, stop))
        if lines:
            out.append(Block(lines=lines, index=len(out), page=page))
        if m:
            pos = start + m.end()
    return out
