"""The document model: frozen values that keep every character traceable to the source.

A `Document` is its `Source` (the decoded input, with a PDF's glyph origins and sheets)
and its `Page`s; a page holds `Item`s, whose fields are `Traced` texts (traced.py: a
string that maps each stretch back to source offsets, and the `Repair`s made on it), and
the lines a reader reads are `Block`s of them with their `Type`. Closed sets of names are
`Literal`s with a tuple of their values beside them.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

# Text that keeps its source, defined apart (the model's every field is built of it).
from broadsheet.traced import REPAIR_RULES as REPAIR_RULES
from broadsheet.traced import ROUTINE_RULES as ROUTINE_RULES
from broadsheet.traced import Builder as Builder
from broadsheet.traced import Edit as Edit
from broadsheet.traced import Repair as Repair
from broadsheet.traced import RepairRule as RepairRule
from broadsheet.traced import Seg as Seg
from broadsheet.traced import Traced as Traced
from broadsheet.traced import concat as concat
from broadsheet.traced import shorten as shorten
from broadsheet.traced import straight_from as straight_from

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (y up)
# A repr of a tuple of texts (paragraphs, notes) quotes this many of them, then counts.
REPR_ITEMS = 2


def union(boxes: Sequence[Box]) -> Box:
    """The smallest box holding them all (one pass: this runs for every line of a PDF)."""
    left, bottom, right, top = boxes[0]
    for b in boxes[1:]:
        left, bottom = min(left, b[0]), min(bottom, b[1])
        right, top = max(right, b[2]), max(top, b[3])
    return (left, bottom, right, top)


def centre_in(box: Box, outer: Box) -> bool:
    """Whether the centre of `box` lies in `outer` (text standing in a frame or a picture)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3]


def within(box: Box, outer: Box, slack: float) -> bool:
    """Whether `box` lies wholly in `outer`, give or take `slack` points on each side (a
    frame in a frame, a piece of a drawing in the whole)."""
    return (
        box[0] >= outer[0] - slack
        and box[1] >= outer[1] - slack
        and box[2] <= outer[2] + slack
        and box[3] <= outer[3] + slack
    )


class Origin(NamedTuple):
    """Where a stretch [start, end) of a source made from a PDF was drawn: its page, the box
    of the run of glyphs, and the index of its first character on PDFium's text page."""

    start: int
    end: int
    page: int
    box: Box
    char: int


# The closed sets of the model's names, as types and as tuples of their values. The fields
# are still `str` (each says which set it holds): the stages that set them pass plain
# strings, and a field typed by its set needs them typed so too.
# How a PDF set a block (`Type.kind`): against the body's type, or what its place decides.
TypeKind = Literal["body", "display", "other", "furniture", "ad", "note"]
TYPE_KINDS: tuple[TypeKind, ...] = typing.get_args(TypeKind)
# What a picture made a block (`Type.role`; "" for none; a mark is a sign with no words).
TypeRole = Literal["", "caption", "credit", "mark"]
TYPE_ROLES: tuple[TypeRole, ...] = typing.get_args(TypeRole)


@dataclass(frozen=True, slots=True)
class Type:
    """How a PDF set a block, against the page's body type: `kind` is "body" (the body's
    font and size), "display" (larger or bold) or "other"; `size` is over the body's.
    `bold` and `italic` are the prevailing type's; `left` and `right` the block's extent
    in points (a block within a column's measure is set inside that column: a subhead or
    a pull quote, not a headline across the story). `role` is "caption" or "credit" for a
    block set by a picture as one (layout/pictures.py), which only the page's geometry
    tells, and `picture` numbers that picture on its page. `opens` says the page's
    geometry shows a paragraph starting here (an indent or a vertical gap), which the text
    path takes over guessing from sentence ends. `frame` numbers the frame or tint the
    block stands in on its page (-1: none, or one behind most of the page): what stands in
    one frame is one item, and no item runs across a frame's edge. `bottom` and `top` are
    the block's vertical extent (a rubric the reading order put elsewhere is found over its
    headline by them; both 0 where unknown). `inset` says rules of its own width stand
    right over and under it (layout/neighbours.py): set into a story, not heading one."""

    kind: TypeKind
    size: float
    bold: bool = False
    italic: bool = False
    left: float = 0.0
    right: float = 0.0
    role: TypeRole = ""
    picture: int = -1
    opens: bool = False
    frame: int = -1
    bottom: float = 0.0
    top: float = 0.0
    inset: bool = False


# Why a PDF's text run is no page content (load/hidden.py; a copy of a run drawn over it
# again, load/duplicates.py).
HiddenReason = Literal["painted-over", "same-colour", "invisible-mode", "outside-crop", "duplicate"]
HIDDEN_REASONS: tuple[HiddenReason, ...] = typing.get_args(HiddenReason)


@dataclass(frozen=True, slots=True)
class Hidden:
    """A run of a PDF's text that no reader can see, with where it stands and why.

    Kept out of the source text rather than written and dropped later, or the layout
    would cut blocks, order columns and learn words from text the page does not show;
    listed here whole, so every character PDFium reads is in the source or in `hidden`.
    """

    text: str
    page: int
    box: Box
    reason: HiddenReason


@dataclass(frozen=True, slots=True)
class Sheet:
    """A PDF page as a viewer shows it: the crop box in PDF user space (points, y up) and
    the page's /Rotate (0, 90, 180 or 270 degrees clockwise). Every box of the model is in
    user space; `export/boxes.py` turns them into the viewer's frame."""

    number: int
    crop_box: Box
    rotation: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """The decoded input: its text is what every offset in the model points into.

    A source made from a PDF also has `origins` (sorted by start), the PDF page number of
    each form-feed page in `page_numbers`, each page's `blocks` as the page's geometry cut,
    ordered and typed them (the text stages take these as they are: the text is what
    their lines' offsets point into, not something cut again), the runs no reader sees
    (`hidden`, see `Hidden`) and, for one batch of a long PDF, where its text starts in
    the whole file's (`offset`).
    """

    text: str
    name: str = "<string>"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    origins: tuple[Origin, ...] = ()
    page_numbers: tuple[int, ...] = ()
    blocks: tuple[tuple[Block, ...], ...] = ()  # a PDF's, one tuple a page; () for a dump
    hidden: tuple[Hidden, ...] = ()  # text runs no reader sees, kept out of `text`
    # Where this text starts in the whole document's: a long PDF is read in batches, each
    # a source of its own, and its output spans are shifted by this so that no two pages
    # of one file report the same offsets.
    offset: int = 0
    # What the input is, for a document's metadata: the pages of a PDF with text (one
    # `Sheet` each), the PDF's Info entries, the input's SHA-256 (hex) and its page count
    # (a PDF's every page, read or not; a dump's form-feed pages).
    sheets: tuple[Sheet, ...] = ()
    info: tuple[tuple[str, str], ...] = ()
    sha256: str = ""
    page_count: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """Lines set apart from their neighbours: by a blank line in a dump, in dump order; by
    the page's geometry in a PDF, in reading order (layout/pdftext.py)."""

    lines: tuple[Traced, ...]
    index: int
    page: int = 1
    # How a PDF set the block (layout/pdftext.py); None for a text dump: only the text tells.
    style: Type | None = None
    # The font of each line, in a PDF (a broken font's glyph map is its own); () in a dump.
    fonts: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def start(self) -> int:
        return self.lines[0].start if self.lines else 0

    @property
    def end(self) -> int:
        return self.lines[-1].end if self.lines else 0


ItemType = Literal["article", "box", "picture", "brief"]
ITEM_TYPES: tuple[ItemType, ...] = typing.get_args(ItemType)
TEXT_FIELDS = ("kicker", "headline", "teaser", "byline", "dateline", "caption", "credit")
# The fields that hold several texts, and every text field in reading order: what every
# exporter, the conservation check and the eval report walk an item by.
LIST_FIELDS = ("paragraphs", "pull_quotes", "notes")
FIELD_ORDER = (*TEXT_FIELDS[:5], *LIST_FIELDS[:2], *TEXT_FIELDS[5:], LIST_FIELDS[2])


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a reader sees on the page: an article, box, picture or brief."""

    type: ItemType
    kicker: Traced | None = None
    headline: Traced | None = None
    teaser: Traced | None = None
    byline: Traced | None = None
    authors: tuple[str, ...] = ()
    dateline: Traced | None = None
    paragraphs: tuple[Traced, ...] = ()
    pull_quotes: tuple[Traced, ...] = ()
    caption: Traced | None = None
    credit: Traced | None = None
    notes: tuple[Traced, ...] = ()

    def __repr__(self) -> str:
        """The item's type and the texts of the fields it has, shortened, in reading order:
        what a reader needs to tell items apart (a field's source spans are its `Traced`'s).

        >>> Item("brief", headline=Traced("Bridge approved"), paragraphs=(Traced("Yes."),))
        Item('brief', headline='Bridge approved', paragraphs=['Yes.'])
        """
        fields: tuple[tuple[str, Traced | tuple[Traced, ...] | tuple[str, ...] | None], ...] = (
            ("kicker", self.kicker),
            ("headline", self.headline),
            ("teaser", self.teaser),
            ("byline", self.byline),
            ("authors", self.authors),
            ("dateline", self.dateline),
            ("paragraphs", self.paragraphs),
            ("pull_quotes", self.pull_quotes),
            ("caption", self.caption),
            ("credit", self.credit),
            ("notes", self.notes),
        )
        shown = [repr(self.type)]
        shown += [f"{name}={_quoted(value)}" for name, value in fields if value]
        return f"Item({', '.join(shown)})"


@dataclass(frozen=True, slots=True)
class Field:
    """One text of an item: its field's name, its place in a list field (None for a single
    field), and the text."""

    name: str
    index: int | None
    text: Traced


def item_fields(item: Item) -> list[Field]:
    """The item's texts in reading order (FIELD_ORDER): a single field when it has text,
    every text of a list field.

    >>> [(f.name, f.index) for f in item_fields(Item("brief", headline=Traced("Ja"),
    ...     paragraphs=(Traced("Eins."), Traced("Zwei."))))]
    [('headline', None), ('paragraphs', 0), ('paragraphs', 1)]
    """
    out: list[Field] = []
    for name in FIELD_ORDER:
        value: Traced | tuple[Traced, ...] | None = getattr(item, name)
        if isinstance(value, tuple):
            out += [Field(name, k, text) for k, text in enumerate(value)]
        elif value is not None and value.text:
            out.append(Field(name, None, value))
    return out


def _quoted(value: Traced | tuple[Traced, ...] | tuple[str, ...]) -> str:
    """A field's text for a repr: one text shortened, or the first of several and how many
    more there are."""
    if isinstance(value, Traced):
        return repr(shorten(value.text))
    texts = [repr(shorten(str(t))) for t in value[:REPR_ITEMS]]
    if len(value) > REPR_ITEMS:
        texts.append(f"+{len(value) - REPR_ITEMS} more")
    return f"[{', '.join(texts)}]"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the input: its items, its furniture, its ads, every repair made on it, and the
    text runs of a PDF page that no reader sees (`hidden`, outside the items)."""

    number: int
    start: int
    end: int
    items: tuple[Item, ...] = ()
    furniture: tuple[Traced, ...] = ()
    ads: tuple[Traced, ...] = ()  # each ad's text, kept apart from the editorial items
    repairs: tuple[Repair, ...] = ()
    language: str = "de"
    warnings: tuple[str, ...] = ()
    hidden: tuple[Hidden, ...] = ()

    def __repr__(self) -> str:
        """Counts, not contents: a page holds hundreds of repairs (`items` shows its items)."""
        counts = [
            _counted(len(self.items), "item"),
            _counted(len(self.furniture), "furniture line"),
            _counted(len(self.ads), "ad"),
            _counted(len(self.repairs), "repair"),
        ]
        return f"<Page {self.number} ({self.language}): {', '.join(counts)}>"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A PDF page that gives no text (a scan, an empty page), and why: one line, without
    the file's name."""

    page: int
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """The whole input and its pages, and the PDF pages that gave no text (`skipped`).

    `to_json`, `to_markdown` and `to_text` give what the `broadsheet` command writes in
    its formats json, markdown and text.
    """

    source: Source
    pages: tuple[Page, ...] = field(default_factory=tuple)
    skipped: tuple[Skipped, ...] = ()

    def items(self) -> tuple[Item, ...]:
        """Every page's items, page after page."""
        return tuple(item for page in self.pages for item in page.items)

    def to_json(self, repairs: bool = False, boxes: str = "items") -> str:
        """The document in the JSON contract (export/schema.json, `broadsheet/2`); with
        `repairs`, every repair of each page (the command's --explain); `boxes` is "none",
        "items" (a box per item and per field) or "runs" (every glyph run's too)."""
        return _exported(self, "json", "document_json", repairs, boxes)

    def to_markdown(self) -> str:
        """The pages as Markdown for reading."""
        return _exported(self, "markdown", "document_markdown")

    def to_text(self) -> str:
        """The pages' text: items apart by blank lines, pages by form feeds."""
        return _exported(self, "markdown", "document_text")

    def __repr__(self) -> str:
        """The input's name and counts: the source text may run to megabytes."""
        counts = f"{_counted(len(self.pages), 'page')}, {_counted(len(self.items()), 'item')}"
        return f"<Document {self.source.name!r}: {counts}, {len(self.skipped)} skipped>"


def _counted(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _exported(doc: Document, module: str, function: str, *args: bool | str) -> str:
    """The document written by `broadsheet.export.<module>.<function>`. The exporters import
    this module, so it reaches them at call time, by name: `import broadsheet` stays cheap,
    and the model stays the layer every other module builds on."""
    write: Callable[..., str] = getattr(
        importlib.import_module(f"broadsheet.export.{module}"), function
    )
    return write(doc, *args)
