"""The stages in one explicit sequence: decode, cut, repair glyphs, lay out, assemble.

    bytes -> Source -> pages of Blocks -> glyph-repaired Blocks -> Units -> Plan -> Items

Every stage is a pure function of what the stage before it returned; repairs are
collected as they are made and filed with the page they belong to. `learn` first reads what
only the whole document tells (language, glyph map, vocabulary); `iter_pages` then makes
the pages one at a time, so memory for a long dump does not grow with its page count.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from operator import attrgetter
from pathlib import Path

from broadsheet.errors import InputError
from broadsheet.layout.assemble import plan_page
from broadsheet.layout.fragments import (
    follow_hyphens,
    join_column_feet,
    joins_hyphens,
    rejoin,
    rewrap,
)
from broadsheet.layout.furniture import mark_running, running_lines
from broadsheet.layout.items import build_items
from broadsheet.layout.roles import ends_hyphen, units
from broadsheet.layout.segment import drawn_order, segment
from broadsheet.load.sniff import is_pdf as is_pdf  # re-exported: the CLI reads through here
from broadsheet.load.text import blocks, page_spans, text_bytes
from broadsheet.load.text import decode as decode  # re-exported: the CLI reads through here
from broadsheet.model import Block, Document, Edit, Page, Repair, Source, Traced
from broadsheet.page import Skipped
from broadsheet.repair.dropped import drops_ligatures, restore_dropped_ligatures
from broadsheet.repair.glyphs import (
    expand_ligatures,
    fix_glyphs,
    fix_mojibake,
    learn_glyph_map,
    plain,
)
from broadsheet.repair.hyphens import remove_inline_soft_hyphens
from broadsheet.repair.lexicon import (
    SUPPORTED_LANGUAGES,
    Lexicon,
    count_words,
    guess_language,
    language_note,
)

# Repairs in source order (a key made in C: a page has a repair for every line end).
BY_SPAN = attrgetter("start", "end")
# One per-line repair: the edits it would make to a line's text.
LineFix = Callable[[str], Sequence[Edit]]
# What the fixes did to one line: the edits of each fix that changed it, in order.
GlyphPlan = tuple[tuple[Edit, ...], ...]
# Documents up to this many characters (a few pages) keep the blocks cut while learning,
# so their pages need not cut them again; longer ones cut per page to keep memory flat.
KEEP_BLOCKS_CHARS = 200_000
# A PDF is read this many pages at a time, each batch learnt on its own, so memory stays
# that of one batch however long the file is (50 pages teach a vocabulary well enough).
PDF_BATCH_PAGES = 50


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one run; the defaults suit German and English newspaper dumps."""

    language: str | None = None  # None: guess from the text


def parse(path: str | os.PathLike[str], options: Options | None = None) -> Document:
    """Read a text dump from a file and rebuild its pages."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), name=str(p), options=options)


def parse_text(text: str, name: str = "<string>", options: Options | None = None) -> Document:
    """Rebuild the pages of a text dump given as a string (lone surrogates in it, which no
    output can encode, come out as U+FFFD with a note)."""
    return parse_bytes(text_bytes(text), name=name, options=options)


def parse_bytes(data: bytes, name: str = "<bytes>", options: Options | None = None) -> Document:
    """Rebuild the pages of a text dump given as bytes (UTF-8, or a legacy encoding)."""
    return process(decode(data, name), options or Options())


def parse_pdf(
    path: str | os.PathLike[str],
    options: Options | None = None,
    pages: str | None = None,
    password: str | None = None,
) -> tuple[Document, list[Skipped]]:
    """Rebuild the pages of a PDF (all, or those `pages` names, as "1-3,7") as one document
    (iter_pdf streams long files); the pages that give no text (image only, empty, unreadable)
    come back in the list with the reason."""
    p = Path(path)
    whole = iter_pdf(p.read_bytes(), str(p), options or Options(), pages, password, batch=0)
    return next(whole, (Document(Source("", str(p), encoding="pdf")), []))


def iter_pdf(
    data: bytes,
    name: str,
    options: Options,
    pages: str | None = None,
    password: str | None = None,
    batch: int = PDF_BATCH_PAGES,
) -> Iterator[tuple[Document, list[Skipped]]]:
    """The PDF in batches of `batch` pages (0: all in one), each one document of its own
    with the pages of the batch that gave no text. A PDFium error the loader did not
    foresee is an InputError here, once for every caller (the CLI, a batch, `parse`)."""
    # Imported here, not above: PDFium's bindings and the PDF's layout modules would cost
    # every text dump 40 ms and more that it never uses.
    import pypdfium2 as pdfium

    try:
        yield from _pdf_batches(data, name, options, pages, password, batch)
    except pdfium.PdfiumError as err:
        message = f"{name}: PDFium failed on this PDF ({err}); the file may be damaged"
        raise InputError(message) from None


def _pdf_batches(
    data: bytes, name: str, options: Options, pages: str | None, password: str | None, batch: int
) -> Iterator[tuple[Document, list[Skipped]]]:
    """iter_pdf's batches, PDFium's errors unchanged. The page count is that of the pages
    that load, the time of each page and of the file is kept to (limits.py), and the
    pages after a long run that fails to load come with the last batch as one entry."""
    from broadsheet.layout.pdftext import pdf_source
    from broadsheet.limits import Clock, loadable, pages_that_load, timed_layout, timed_pages
    from broadsheet.load.pdf import open_pdf, page_numbers, pdf_info, read_pages

    clock = Clock(name)
    first = open_pdf(data, name, password)
    try:
        claimed = len(first)
        count, untried = pages_that_load(
            first, claimed, clock, partial(open_pdf, data, name, password)
        )
        numbers = page_numbers(pages, claimed)
        info = pdf_info(first)
    except Exception:
        first.close()
        raise
    numbers, lost = loadable(numbers, count, untried, claimed)
    clock.allow(len(numbers))
    size = batch or max(len(numbers), 1)
    digest = hashlib.sha256(data).hexdigest()
    offset = 0  # the batches' texts as one, a form feed between two
    for at in range(0, max(len(numbers), 1), size):  # one, to tell `lost`, if none loads
        # Opened afresh per batch: PDFium keeps what it parsed until the document closes.
        pdf = first if at == 0 else open_pdf(data, name, password)
        try:
            read = timed_pages(read_pages(pdf, numbers[at : at + size]), clock)
            source, skipped = pdf_source(read, name)
        finally:
            pdf.close()
        source = replace(source, offset=offset, info=info, sha256=digest, page_count=count)
        offset += len(source.text) + 1 if source.page_numbers else 0
        found: tuple[Page, ...] = ()
        if source.page_numbers:
            found = timed_layout(iter_pages(source, options), clock, skipped)
        if at + size >= len(numbers):
            skipped += lost
        yield Document(source=source, pages=found), sorted(skipped, key=attrgetter("page"))


def process(source: Source, options: Options) -> Document:
    """Run every stage on a decoded source."""
    return Document(source=source, pages=tuple(iter_pages(source, options)))


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What only the whole document can teach: its language, glyph map and vocabulary."""

    lang: str
    spans: tuple[tuple[int, int], ...]
    # For each line text some glyph fix edits, the edits of each fix in turn: the fixes are
    # pure, so a page replays them (and every other line skips them).
    glyph_plans: Mapping[str, GlyphPlan]
    lex: Lexicon
    # Lines recurring on several pages: running heads and folios (layout/furniture.py).
    running: frozenset[str]
    # Each page's blocks: a PDF's as its geometry cut them, a dump's kept from the learning
    # pass for short dumps only (see KEEP_BLOCKS_CHARS); None means every page cuts its
    # blocks again.
    blocks: tuple[Sequence[Block], ...] | None = None
    # What the user should hear of the whole document (a language neither supported).
    notes: tuple[str, ...] = ()


def learn(source: Source, options: Options) -> Knowledge:
    """Walk the whole document for what every page needs, keeping only its line texts.

    The raw lines give the glyph map; the lines it repairs give the layout's vocabulary.
    """
    spans = page_spans(source.text)
    cut: Iterable[Sequence[Block]]
    keep: tuple[Sequence[Block], ...] | None
    if source.blocks:  # a PDF's, cut by its geometry: kept, whatever the length
        cut = keep = source.blocks
    else:
        cut = (blocks(source.text, s, e, page=n) for n, (s, e) in enumerate(spans, 1))
        keep = tuple(cut) if len(source.text) <= KEEP_BLOCKS_CHARS else None
    by_font: dict[str, list[str]] = {}
    texts: list[list[list[str]]] = []
    for page in keep or cut:
        texts.append([[ln.text for ln in b.lines] for b in page])
        for b in page:
            fonts = b.fonts or ("",) * len(b.lines)  # a dump has no fonts: one glyph map
            for ln, font in zip(b.lines, fonts, strict=True):
                by_font.setdefault(font, []).append(ln.text)
    words = count_words(vocabulary(texts))
    lang = options.language or guess_language(words)
    if lang not in SUPPORTED_LANGUAGES:
        lang = "de"
    base = Lexicon(lang, words)
    plans = _glyph_plans(by_font, base, drops_ligatures(words))
    fixed = {line: text for line, (text, _) in plans.items()}
    lex = _recounted(base, texts, fixed)
    steps = {line: plan for line, (_, plan) in plans.items()}
    note = None if options.language else language_note(words, lang)
    notes = (note,) if note else ()
    return Knowledge(lang, tuple(spans), steps, lex, running_lines(texts), keep, notes)


def _glyph_plans(
    by_font: Mapping[str, list[str]], base: Lexicon, dropped: bool
) -> dict[str, tuple[str, GlyphPlan]]:
    """Each line's text once repaired and the edits on the way, for the lines a fix edits.
    A glyph map is learnt per font: a broken font breaks its own way (from a text dump,
    all lines are of one font, "")."""
    plans: dict[str, tuple[str, GlyphPlan]] = {}
    for lines in by_font.values():
        if not dropped and plain("\n".join(lines)):
            continue  # most fonts: no line of theirs any fix could change
        gmap = learn_glyph_map(lines, base)
        glyph_fix = partial(fix_glyphs, gmap=gmap, lex=base)
        fixes = _glyph_fixes(
            glyph_fix, partial(restore_dropped_ligatures, lex=base) if dropped else _none
        )
        piece = ""  # the piece of a word the line before cut at its hyphen
        for line in lines:
            continues, piece = piece, _cut_piece(line)
            if line in plans or not (dropped or not plain(line)):
                continue
            line_fixes = fixes
            if dropped and continues:  # its first word goes on from the line before
                dropped_fix = partial(restore_dropped_ligatures, lex=base, continues=continues)
                line_fixes = _glyph_fixes(glyph_fix, dropped_fix)
            if (plan := _plan(line, line_fixes)) is not None:
                plans[line] = plan
    return plans


def _cut_piece(line: str) -> str:
    """The letters of the word a line-end hyphen cuts ("" where none is cut)."""
    if not ends_hyphen(line):
        return ""
    last = line.rstrip()[:-1].rsplit(maxsplit=1)
    return "".join(c for c in last[-1] if c.isalpha()) if last else ""


def _none(text: str) -> list[Edit]:
    """The fix that never edits (dropped ligatures, where the document has none)."""
    return []


def _recounted(base: Lexicon, texts: list[list[list[str]]], fixed: dict[str, str]) -> Lexicon:
    """The vocabulary once glyphs are repaired: the blocks holding a repaired line are
    counted again (words are counted per block, so the others stay as they are)."""
    if not fixed:
        return base
    doc = base.doc.copy()
    for page in texts:
        for b in page:
            if any(line in fixed for line in b):
                doc.subtract(count_words(vocabulary([[b]])))
                doc.update(count_words(vocabulary([[[fixed.get(line, line) for line in b]]])))
    return Lexicon(base.lang, +doc)


def iter_pages(source: Source, options: Options) -> Iterator[Page]:
    """The pages one at a time, so that a long dump never holds every page's objects."""
    know = learn(source, options)
    numbers = source.page_numbers or range(1, len(know.spans) + 1)
    for k, (n, span) in enumerate(zip(numbers, know.spans, strict=True)):
        yield _page(source, k, n, span, know)


def _page(source: Source, k: int, number: int, span: tuple[int, int], know: Knowledge) -> Page:
    """Page `number`, the k-th (from 0), from its own text and the document's knowledge."""
    start, end = span
    if know.blocks is not None:
        page_blocks = list(know.blocks[k])
    else:
        page_blocks = blocks(source.text, start, end, page=number)
    repaired, glyph_repairs = _repair_glyphs(page_blocks, know.glyph_plans)
    # A PDF's blocks are cut by geometry and type already; a dump's are cut by its text.
    drawn = not source.origins and drawn_order(page_blocks)
    cut = repaired if source.origins else segment(_typeset_lines(repaired, drawn, know.lex), drawn)
    page_units = mark_running([u for b in cut for u in units(b)], know.running)
    plan = plan_page(page_units, know.lang, know.lex, drawn)
    items, furniture, ads, repairs = build_items(plan, know.lex)
    return Page(
        number=number,
        start=start,
        end=end,
        items=tuple(items),
        furniture=tuple(furniture),
        ads=tuple(ads),
        repairs=tuple(sorted(glyph_repairs + repairs, key=BY_SPAN)),
        language=know.lang,
        warnings=source.notes + know.notes,
        hidden=tuple(h for h in source.hidden if h.page == number),
    )


# A word this common (or used elsewhere in the document) tells where a column's last word
# goes on: "sit-" / "ting", not "mid-" / "morning" (zipf 1.9) where "September" goes on.
COMMON_ZIPF = 2.5


def _typeset_lines(dump_blocks: list[Block], drawn: bool, lex: Lexicon) -> list[Block]:
    """A dump sorted into a layout (pdftotext's default) cuts a column's text at its foot,
    breaks justified lines at wide gaps and joins hyphenated lines: each is undone here. One
    that lists the page as drawn keeps the PDF's lines, and its wide lines are headlines."""
    if drawn:
        return dump_blocks
    typeset = rejoin(
        join_column_feet(follow_hyphens(dump_blocks, partial(lex.known, min_zipf=COMMON_ZIPF)))
    )
    return rewrap(typeset) if joins_hyphens(dump_blocks) else typeset


def vocabulary(pages: Iterable[Iterable[Sequence[str]]]) -> Iterator[str]:
    """The document's own words, without the fragments of words hyphenated at line ends.

    `pages` holds, per page, each block's line texts; one string of words per line comes out.
    """
    for page in pages:
        for lines in page:
            cut_next = False
            for line in lines:
                cut_before, cut_next = cut_next, ends_hyphen(line)
                if not (cut_before or cut_next):
                    yield line  # most lines: whole (words are counted between spaces)
                    continue
                words = line.split()
                if cut_before and words:
                    words = words[1:]
                if cut_next and words:
                    words = words[:-1]
                yield " ".join(words)


def _glyph_fixes(glyph_fix: LineFix, dropped_fix: LineFix) -> tuple[LineFix, ...]:
    """The per-line fixes in the order they run: encoding, ligatures, broken glyphs,
    dropped ligatures, soft hyphens."""
    return (fix_mojibake, expand_ligatures, glyph_fix, dropped_fix, remove_inline_soft_hyphens)


def _plan(line: str, fixes: Sequence[LineFix]) -> tuple[str, GlyphPlan] | None:
    """A line's text after every fix, and the edits each fix made on the way (the steps
    `_repair_glyphs` replays); None if no fix edits the line."""
    traced, steps = Traced(line), []
    for fix in fixes:
        edits = tuple(fix(traced.text))
        if edits:
            steps.append(edits)
            traced = traced.apply(edits)[0]
    return (traced.text, tuple(steps)) if steps else None


def _repair_glyphs(
    page: list[Block], plans: Mapping[str, GlyphPlan]
) -> tuple[list[Block], list[Repair]]:
    """Replay the glyph fixes' edits on the lines they edit, collecting their repairs."""
    if not plans:
        return page, []  # no line of the document needs a glyph fix (most born-digital PDFs)
    repairs: list[Repair] = []
    out: list[Block] = []
    for block in page:
        lines: list[Traced] = []
        for line in block.lines:
            for edits in plans.get(line.text, ()):
                line, rs = line.apply(edits)
                repairs += rs
            lines.append(line)
        out.append(Block(tuple(lines), block.index, block.page, block.style, block.fonts))
    return out, repairs
