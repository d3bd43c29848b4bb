"""Documents as ALTO 4 with a METS beside it, as digitised newspapers are delivered.

ALTO holds the layout: a `Page` per page (its size), one `PrintSpace` as large as the page,
and a `TextBlock` per piece of each field (export/placed.py: the JSON's boxes), tagged with
the field's name (`Tags/StructureTag`, `TAGREFS`), holding its `TextLine`s and a `String`
per word (`CONTENT` the word, `SP` between words). Furniture and ads are blocks tagged so.
Measurements are in `inch1200` (ALTO has no points: 1 pt = 1200/72 units), from the top
left of the page as shown. A word's box is the share of its glyph run its characters take
(placed.py); a line's is the box round its words. A block's words joined by single spaces
are the field's text with its whitespace so written (fields hold single spaces).

METS holds the articles: a `fileSec` naming the ALTO file, a logical `structMap` with a
`div` per item (TYPE ARTICLE, BOX, PICTURE or BRIEF, ID its JSON id) and in it a `div` per
field (TYPE HEADLINE, PARAGRAPH, …) whose `fptr/area` (in a `seq` for several pieces)
points at the ALTO `TextBlock` IDs (`BETYPE="IDREF"`), and a physical `structMap` with a
`div` per page pointing at the ALTO `Page`. Both need places, so a text dump is refused.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from broadsheet.export.boxes import shown_size
from broadsheet.export.json import Where, item_id
from broadsheet.export.placed import Piece, field_pieces, furniture_kind
from broadsheet.export.xmlwrite import XLINK, needs_pdf, serialised, xml_text
from broadsheet.model import Box, Document, Field, Item, Page, Traced, item_fields, union

ALTO = "http://www.loc.gov/standards/alto/ns-v4#"
METS = "http://www.loc.gov/METS/"
ALTO_VERSION = "4.4"
UNIT = "inch1200"
UNITS_PER_POINT = 1200 / 72
ALTO_FILE_ID = "alto"
HREF = f"{{{XLINK}}}href"


@dataclass(frozen=True, slots=True)
class Block:
    """An ALTO text block: its ID, the tag naming what it is, and its piece of text."""

    ident: str
    tag: str
    piece: Piece


@dataclass(frozen=True, slots=True)
class Placed:
    """An item with its fields' blocks, field by field in reading order."""

    ident: str
    item: Item
    fields: list[tuple[Field, list[Block]]]


def _blocks(where: Where, ident: str, text: Traced, tag: str) -> list[Block]:
    return [
        Block(f"{ident}-{k}", tag, piece)
        for k, piece in enumerate(field_pieces(where, text), start=1)
    ]


def placed_items(where: Where, page: Page) -> list[Placed]:
    """The page's items with their blocks: what ALTO writes and METS points at."""
    out = []
    for k, item in enumerate(page.items, start=1):
        ident = item_id(page.number, k)
        fields = []
        for field in item_fields(item):
            key = field.name if field.index is None else f"{field.name}{field.index + 1}"
            fields.append((field, _blocks(where, f"{ident}-{key}", field.text, field.name)))
        out.append(Placed(ident, item, fields))
    return out


def other_blocks(where: Where, page: Page, height: float) -> Iterator[Block]:
    """The page's furniture (tagged header, footer, page-number or other) and ads."""
    for k, line in enumerate(page.furniture, start=1):
        pieces = field_pieces(where, line)
        kind = furniture_kind(line.text, pieces[0].box, height)
        yield from _blocks(where, f"p{page.number}-f{k}", line, kind)
    for k, ad in enumerate(page.ads, start=1):
        yield from _blocks(where, f"p{page.number}-a{k}", ad, "advertisement")


def _place(elem: ET.Element, box: Box | None) -> None:
    """HPOS, VPOS, WIDTH and HEIGHT of a box (shown frame, points) in ALTO's units."""
    if box is None:
        return
    x0, y0, x1, y1 = (v * UNITS_PER_POINT for v in box)
    for name, value in (("HPOS", x0), ("VPOS", y0), ("WIDTH", x1 - x0), ("HEIGHT", y1 - y0)):
        elem.set(name, str(round(value)))


def document_alto(doc: Document) -> str:
    """The document as one ALTO 4 file, a `Page` per page (see the module's docstring)."""
    needs_pdf(doc, "ALTO")
    where = Where(doc.source)
    root = ET.Element("alto", SCHEMAVERSION=ALTO_VERSION)
    root.append(_description(doc))
    tags = ET.SubElement(root, "Tags")
    layout = ET.SubElement(root, "Layout")
    used: set[str] = set()
    for n, page in enumerate(doc.pages, start=1):
        sheet = where.sheets.get(page.number)
        width, height = shown_size(sheet) if sheet else [0.0, 0.0]
        elem = ET.SubElement(layout, "Page", ID=f"p{page.number}", PHYSICAL_IMG_NR=str(n))
        elem.set("PRINTED_IMG_NR", str(page.number))
        elem.set("WIDTH", str(round(width * UNITS_PER_POINT)))
        elem.set("HEIGHT", str(round(height * UNITS_PER_POINT)))
        space = ET.SubElement(elem, "PrintSpace")
        _place(space, (0.0, 0.0, width, height))
        blocks = [b for p in placed_items(where, page) for _, bs in p.fields for b in bs]
        for block in [*blocks, *other_blocks(where, page, height)]:
            space.append(_text_block(block, page.language))
            used.add(block.tag)
    for tag in sorted(used):
        ET.SubElement(tags, "StructureTag", ID=f"tag-{tag}", TYPE="field", LABEL=tag)
    if not len(tags):
        root.remove(tags)
    return serialised(root, ALTO)


def _description(doc: Document) -> ET.Element:
    """The unit, the input's name, and what made the file from it (with its SHA-256)."""
    from broadsheet import __version__

    description = ET.Element("Description")
    ET.SubElement(description, "MeasurementUnit").text = UNIT
    info = ET.SubElement(description, "sourceImageInformation")
    ET.SubElement(info, "fileName").text = xml_text(doc.source.name)
    step = ET.SubElement(description, "Processing", ID="broadsheet")
    if doc.source.sha256:
        ET.SubElement(step, "processingStepSettings").text = f"input SHA-256 {doc.source.sha256}"
    software = ET.SubElement(step, "processingSoftware")
    ET.SubElement(software, "softwareName").text = "broadsheet"
    ET.SubElement(software, "softwareVersion").text = __version__
    return description


def _text_block(block: Block, language: str) -> ET.Element:
    """A block: its place, its tag, a `TextLine` per line with a `String` per word."""
    elem = ET.Element("TextBlock", ID=block.ident, TAGREFS=f"tag-{block.tag}", LANG=language)
    _place(elem, block.piece.box)
    for k, line in enumerate(block.piece.lines, start=1):
        row = ET.SubElement(elem, "TextLine", ID=f"{block.ident}-l{k}")
        boxes = [w.box for w in line if w.box is not None]
        _place(row, union(boxes) if boxes else None)
        for n, word in enumerate(line):
            if n:
                ET.SubElement(row, "SP")
            string = ET.SubElement(row, "String", CONTENT=xml_text(word.text))
            _place(string, word.box)
    return elem


def document_mets(doc: Document, alto_href: str) -> str:
    """The METS file for `document_alto`'s file at `alto_href`: the items and their fields
    as a logical structMap over the ALTO blocks, the pages as a physical one."""
    needs_pdf(doc, "METS/ALTO")
    from broadsheet import __version__

    where = Where(doc.source)
    root = ET.Element("mets", LABEL=xml_text(doc.source.name))
    header = ET.SubElement(root, "metsHdr")
    agent = ET.SubElement(header, "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    ET.SubElement(agent, "name").text = f"broadsheet {__version__}"
    group = ET.SubElement(ET.SubElement(root, "fileSec"), "fileGrp", USE="FULLTEXT")
    file = ET.SubElement(group, "file", ID=ALTO_FILE_ID, MIMETYPE="text/xml")
    ET.SubElement(file, "FLocat", {"LOCTYPE": "URL", HREF: xml_text(alto_href)})
    logical = ET.SubElement(root, "structMap", TYPE="LOGICAL")
    whole = ET.SubElement(logical, "div", TYPE="DOCUMENT", LABEL=xml_text(doc.source.name))
    physical = ET.SubElement(root, "structMap", TYPE="PHYSICAL")
    pages = ET.SubElement(physical, "div", TYPE="PAGES")
    order = 0
    for n, page in enumerate(doc.pages, start=1):
        page_div = ET.SubElement(pages, "div", TYPE="PAGE", ORDER=str(n), ID=f"page-p{page.number}")
        page_div.set("ORDERLABEL", str(page.number))
        _area(ET.SubElement(page_div, "fptr"), f"p{page.number}")
        for placed in placed_items(where, page):
            order += 1
            whole.append(_item_div(placed, order))
    return serialised(root, METS)


def _item_div(placed: Placed, order: int) -> ET.Element:
    """An item's div (TYPE its type, upper case) with a div per field over its blocks."""
    div = ET.Element("div", ID=placed.ident, TYPE=placed.item.type.upper(), ORDER=str(order))
    if placed.item.headline is not None:
        div.set("LABEL", xml_text(placed.item.headline.text))
    for field, blocks in placed.fields:
        name = field.name.removesuffix("s") if field.index is not None else field.name
        part = ET.SubElement(div, "div", TYPE=name.upper())
        fptr = ET.SubElement(part, "fptr")
        if len(blocks) == 1:
            _area(fptr, blocks[0].ident)
        else:
            seq = ET.SubElement(fptr, "seq")
            for block in blocks:
                _area(seq, block.ident)
    return div


def _area(parent: ET.Element, ident: str) -> None:
    """An area of the ALTO file: the element with that ID."""
    ET.SubElement(parent, "area", FILEID=ALTO_FILE_ID, BEGIN=ident, BETYPE="IDREF")
