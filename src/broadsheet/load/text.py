"""Read a text dump: decode the bytes, cut pages at form feeds, blocks at blank lines.

Offsets everywhere point into the decoded text, so decoding happens once, here.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from broadsheet.errors import InputError
from broadsheet.model import Block, Source
from broadsheet.textlines import BLANK_CHARS, traced_lines

# Share of control characters (other than whitespace) above which bytes are not text.
MAX_CONTROL_SHARE = 0.02
FALLBACK_ENCODING = "cp1252"

_BLANK_RE = re.compile(rf"\n[{BLANK_CHARS}]*\n")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, name: str = "<bytes>") -> Source:
    """Decode a dump: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/Latin-1."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty; give a text dump of a newspaper page")
    notes: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
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
    digest = hashlib.sha256(data).hexdigest()
    return Source(text=text, name=name, encoding=encoding, notes=tuple(notes), sha256=digest)


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
    """Source spans of the pages: form feeds separate them; empty pages are dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for part in text.split("\f"):
        end = start + len(part)
        if part.strip():
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
