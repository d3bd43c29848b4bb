"""The stages in one explicit sequence: decode, cut, repair glyphs, lay out, assemble.

    bytes -> Source -> pages of Blocks -> glyph-repaired Blocks -> Units -> Plan -> Items

Every stage is a pure function of what the stage before it returned; repairs are
collected as they are made and filed with the page they belong to.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from broadsheet.layout.assemble import plan_page
from broadsheet.layout.items import build_items
from broadsheet.layout.roles import ends_hyphen, units
from broadsheet.load.text import blocks, decode, page_spans
from broadsheet.model import Block, Document, Edit, Page, Repair, Source, Traced
from broadsheet.repair.glyphs import expand_ligatures, fix_glyphs, fix_mojibake, learn_glyph_map
from broadsheet.repair.hyphens import remove_inline_soft_hyphens
from broadsheet.repair.lexicon import SUPPORTED_LANGUAGES, Lexicon, guess_language


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one run; the defaults suit German and English newspaper dumps."""

    language: str | None = None  # None: guess from the text


def parse(path: str | os.PathLike[str], options: Options | None = None) -> Document:
    """Read a text dump from a file and rebuild its pages."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), name=str(p), options=options)


def parse_text(text: str, name: str = "<string>", options: Options | None = None) -> Document:
    """Rebuild the pages of a text dump given as a string."""
    return parse_bytes(text.encode("utf-8"), name=name, options=options)


def parse_bytes(data: bytes, name: str = "<bytes>", options: Options | None = None) -> Document:
    """Rebuild the pages of a text dump given as bytes (UTF-8, or a legacy encoding)."""
    return process(decode(data, name), options or Options())


def process(source: Source, options: Options) -> Document:
    """Run every stage on a decoded source."""
    lang = options.language or guess_language(source.text)
    if lang not in SUPPORTED_LANGUAGES:
        lang = "de"
    spans = page_spans(source.text)
    pages = [blocks(source.text, s, e, page=n) for n, (s, e) in enumerate(spans, 1)]
    base = Lexicon.for_text(vocabulary(pages), lang)
    gmap = learn_glyph_map([line.text for bs in pages for b in bs for line in b.lines], base)
    repaired, glyph_repairs = _repair_glyphs(pages, lambda t: fix_glyphs(t, gmap, base))
    lex = Lexicon.for_text(vocabulary(repaired), lang)
    out = []
    for n, ((start, end), page_blocks) in enumerate(zip(spans, repaired, strict=True), 1):
        page_units = [u for b in page_blocks for u in units(b)]
        items, furniture, repairs = build_items(plan_page(page_units, lang), lex)
        mine = [r for r in glyph_repairs if start <= r.start <= end]
        out.append(
            Page(
                number=n,
                start=start,
                end=end,
                items=tuple(items),
                furniture=tuple(furniture),
                repairs=tuple(sorted(mine + repairs, key=lambda r: (r.start, r.end))),
                language=lang,
                warnings=source.notes,
            )
        )
    return Document(source=source, pages=tuple(out))


def vocabulary(pages: list[list[Block]]) -> list[str]:
    """The document's own words, without the fragments of words hyphenated at line ends."""
    texts: list[str] = []
    for page in pages:
        for block in page:
            cut_next = False
            for line in block.lines:
                words = line.text.split()
                if cut_next and words:
                    words = words[1:]
                cut_next = ends_hyphen(line.text)
                if cut_next and words:
                    words = words[:-1]
                texts.append(" ".join(words))
    return texts


def _repair_glyphs(
    pages: list[list[Block]], glyph_fix: Callable[[str], Sequence[Edit]]
) -> tuple[list[list[Block]], list[Repair]]:
    """Apply the per-line fixes (encoding, ligatures, broken glyphs, soft hyphens)."""
    fixes: tuple[Callable[[str], Sequence[Edit]], ...] = (
        fix_mojibake, expand_ligatures,
        glyph_fix,
        remove_inline_soft_hyphens,
    )
    repairs: list[Repair] = []
    out: list[list[Block]] = []
    for page in pages:
        new_page = []
        for block in page:
            lines: list[Traced] = []
            for line in block.lines:
                for fix in fixes:
                    line, rs = line.apply(fix(line.text))
                    repairs += rs
                lines.append(line)
            new_page.append(Block(tuple(lines), block.index, block.page))
        out.append(new_page)
    return out, repairs
