"""`broadsheet.parse(anything)`: one call for a PDF or a text dump, as a path, bytes or text.

The pipeline has a reader per kind of input (`pipeline.parse`, `parse_bytes`, `iter_pdf`),
each with the command line's habits: a PDF comes in batches with a list of skipped pages
beside it. Here the input is told apart by what it is, a PDF's batches are joined into one
`Document` (the skipped pages in `Document.skipped`), and mistakes are `BroadsheetError`s
worded for a caller of Python, not of the command.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from broadsheet.errors import BroadsheetError, InputError
from broadsheet.load.text import text_bytes
from broadsheet.model import (
    Block,
    Document,
    Item,
    Origin,
    Page,
    Repair,
    Seg,
    Source,
    Traced,
)
from broadsheet.pipeline import Options, decode, is_pdf, iter_pdf, process
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES

# A str ending so is meant as a file: naming none, it is an error, not a one-line dump.
PATH_SUFFIXES = (".pdf", ".txt")
# A str longer than this is text whatever it ends with (a path is seldom a tenth as long).
MAX_PATH_CHARS = 1024
# A str holding any of these is text: no file name has a line break.
LINE_BREAKS = ("\n", "\r", "\f")
TEXT_NAME, BYTES_NAME = "<string>", "<bytes>"

Input = str | os.PathLike[str] | bytes


def parse(
    source: Input,
    language: str | None = None,
    pages: str | None = None,
    password: str | None = None,
) -> Document:
    """The pages of a born-digital PDF or of a text dump, rebuilt as one `Document`.

    `source` is a path (a `str` or `os.PathLike`) to a PDF or a dump file, the `bytes` of
    either (a PDF is told by its content), or a dump's text as a `str`. A `str` is read as
    a path when it names an existing file and holds no line break; otherwise it is text,
    except that a short one-line `str` ending in ".pdf" or ".txt" that names no file raises
    an `InputError` (a mistyped path is not parsed as a one-line page). To parse such a
    string as text, pass it as bytes (`text.encode()`).

    `language` is "de" or "en" (None: guessed from the text). A PDF is read whole, or the
    pages `pages` names ("1-3,7"), with `password` if it is encrypted; the pages that give
    no text (a scan, an empty page) are in `Document.skipped` with the reason. `pages` and
    `password` for a dump raise a `BroadsheetError`, as do an unknown language and an input
    that cannot be read.
    """
    _check_language(language)
    data, name = _read(source)
    options = Options(language=language)
    if is_pdf(data):
        return _parse_pdf(data, name, options, pages, password)
    if pages is not None or password is not None:
        given = "pages=" if pages is not None else "password="
        raise BroadsheetError(f"{name}: {given} is for PDFs; this is a text dump")
    return process(decode(data, name), options)


def _check_language(language: str | None) -> None:
    """An unknown language is refused rather than quietly read as German (the pipeline's
    fallback for a guess it cannot place)."""
    if language is not None and language not in SUPPORTED_LANGUAGES:
        known = " or ".join(repr(lang) for lang in SUPPORTED_LANGUAGES)
        raise BroadsheetError(f"language={language!r}: give {known}, or None to guess it")


def _read(source: Input) -> tuple[bytes, str]:
    """The input's bytes and the name its output carries (a path as given)."""
    if isinstance(source, bytes | bytearray):
        return bytes(source), BYTES_NAME
    if isinstance(source, str):
        if _names_a_file(source):
            return _read_file(source), source
        if _looks_like_path(source):
            raise InputError(
                f"{source}: no such file (to parse this string as text, pass it as bytes)"
            )
        return text_bytes(source), TEXT_NAME  # lone surrogates: U+FFFD and a note
    if isinstance(source, os.PathLike):
        name = os.fspath(source)
        return _read_file(name), name
    raise TypeError(f"parse() takes a path, bytes or text, not {type(source).__name__}")


def _names_a_file(text: str) -> bool:
    """A str of one line naming an existing file is its path."""
    return not any(c in text for c in LINE_BREAKS) and os.path.isfile(text)


def _looks_like_path(text: str) -> bool:
    """One short line ending in a file suffix of ours: a path, even if it names no file."""
    one_line = not any(c in text for c in LINE_BREAKS)
    short = len(text) <= MAX_PATH_CHARS
    return one_line and short and text.strip().lower().endswith(PATH_SUFFIXES)


def _read_file(name: str) -> bytes:
    """The file's bytes; a file that cannot be read is an `InputError` naming it."""
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a folder; give one PDF or text file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read it ({err.strerror or err})") from None


def _parse_pdf(
    data: bytes, name: str, options: Options, pages: str | None, password: str | None
) -> Document:
    """Every batch `iter_pdf` reads, as one document: the batches the command reads, so
    that `Document.to_json` writes what `broadsheet FILE` writes."""
    batches = list(iter_pdf(data, name, options, pages, password))
    skipped = tuple(page for _, missing in batches for page in missing)
    if not batches:
        return Document(Source("", name, encoding="pdf"), skipped=skipped)
    return replace(joined([doc for doc, _ in batches]), skipped=skipped)


def joined(batches: list[Document]) -> Document:
    """The documents of one PDF's batches (`iter_pdf`) as one: the batches' texts as one
    text, a form feed between two (where each batch's `Source.offset` says it starts), and
    every offset of the later batches moved there. The pages' JSON is then what the
    command writes batch by batch, and `source.text` holds what every offset points into.
    """
    if len(batches) == 1 and not batches[0].source.offset:
        return batches[0]
    read = [doc.source for doc in batches if doc.source.page_numbers]  # scans only: none
    first = batches[0].source
    source = Source(
        text="\f".join(s.text for s in read),
        name=first.name,
        encoding=first.encoding,
        notes=tuple(dict.fromkeys(n for doc in batches for n in doc.source.notes)),
        origins=tuple(_origin(o, s.offset) for s in read for o in s.origins),
        page_numbers=tuple(n for s in read for n in s.page_numbers),
        blocks=tuple(_blocks(page, s.offset) for s in read for page in s.blocks),
        hidden=tuple(h for doc in batches for h in doc.source.hidden),
        sheets=tuple(sheet for s in read for sheet in s.sheets),
        info=first.info,
        sha256=first.sha256,
        page_count=first.page_count,
    )
    pages = tuple(_page(p, doc.source.offset) for doc in batches for p in doc.pages)
    return Document(source=source, pages=pages)


def _origin(origin: Origin, by: int) -> Origin:
    return origin._replace(start=origin.start + by, end=origin.end + by) if by else origin


def _blocks(blocks: Iterable[Block], by: int) -> tuple[Block, ...]:
    if not by:
        return tuple(blocks)
    return tuple(replace(b, lines=tuple(_traced(line, by) for line in b.lines)) for b in blocks)


def _page(page: Page, by: int) -> Page:
    """The page with every offset it holds moved `by` characters on."""
    if not by:
        return page
    return replace(
        page,
        start=page.start + by,
        end=page.end + by,
        items=tuple(_item(item, by) for item in page.items),
        furniture=tuple(_traced(t, by) for t in page.furniture),
        ads=tuple(_traced(t, by) for t in page.ads),
        repairs=tuple(_repair(r, by) for r in page.repairs),
    )


def _item(item: Item, by: int) -> Item:
    def one(text: Traced | None) -> Traced | None:
        return None if text is None else _traced(text, by)

    def each(texts: tuple[Traced, ...]) -> tuple[Traced, ...]:
        return tuple(_traced(t, by) for t in texts)

    return replace(
        item,
        kicker=one(item.kicker),
        headline=one(item.headline),
        teaser=one(item.teaser),
        byline=one(item.byline),
        dateline=one(item.dateline),
        paragraphs=each(item.paragraphs),
        pull_quotes=each(item.pull_quotes),
        caption=one(item.caption),
        credit=one(item.credit),
        notes=each(item.notes),
    )


def _traced(text: Traced, by: int) -> Traced:
    segs = tuple(Seg(a, b, s + by, e + by) for a, b, s, e in text.segs)
    return Traced(text.text, segs)


def _repair(repair: Repair, by: int) -> Repair:
    return replace(repair, start=repair.start + by, end=repair.end + by)
