"""A page as PAGE-XML 2019-07-15 (what OCR-D, eScriptorium and Transkribus read), and back.

PAGE holds one page a file, so `document_page_xml` writes one: the first, or the one asked
for (a command writes a file per page). Each piece of each field (export/placed.py: the
JSON's boxes) is a `TextRegion` with its `Coords` and its text in `TextEquiv/Unicode`;
its `type` is PAGE's (heading, paragraph, caption, credit, floating, other) and its
`custom` says which field it is (`structure {type:headline;}`, with `index:k;` for the
k-th paragraph, pull quote or note, from 0). A field in several pieces (a paragraph that
turns a column) is joined piece to piece by `Relation type="join"`. The `ReadingOrder` is
an `OrderedGroup` of the page holding an `OrderedGroupIndexed` per item (id the item's
JSON id, its type in `custom`, its authors as `UserAttribute`s), which lists the item's
regions in reading order. Furniture lines are regions typed header, footer, page-number
or other; ads are regions typed other (`structure {type:advertisement;}`); neither is in
the reading order.

Coordinates are points from the top left of the page as shown, rounded to whole points:
the pixels of a 72-dpi rendering, which `imageXResolution` says. A text dump has no
places, and PAGE needs them for every region, so a dump is refused (`needs_pdf`).
`read_page_xml` reads broadsheet's own PAGE-XML back into the JSON's item dicts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from broadsheet.export.boxes import shown_size, written
from broadsheet.export.json import Where, item_id
from broadsheet.export.placed import field_pieces, furniture_kind
from broadsheet.export.xmlwrite import needs_pdf, page_of, qualified, serialised, xml_text
from broadsheet.model import LIST_FIELDS, Box, Document, Page, Traced, item_fields

PAGE = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
# PAGE wants the file's making and last change as dates; the output is a function of the
# input alone (the same PDF gives the same file), so it names no time of its own.
UNDATED = "1970-01-01T00:00:00"
POINTS_PER_INCH = "72"
REGION_TYPES = {
    "kicker": "heading",
    "headline": "heading",
    "teaser": "paragraph",
    "byline": "other",
    "dateline": "other",
    "paragraphs": "paragraph",
    "pull_quotes": "floating",
    "caption": "caption",
    "credit": "credit",
    "notes": "other",
}
CUSTOM = re.compile(r"structure \{type:([\w-]+);(?: index:(\d+);)?\}")


def custom(kind: str, index: int | None = None) -> str:
    """The `custom` attribute naming a region's field or a group's item type.

    >>> custom("paragraphs", 2), CUSTOM.fullmatch(custom("paragraphs", 2)).groups()
    ('structure {type:paragraphs; index:2;}', ('paragraphs', '2'))
    """
    at = "" if index is None else f" index:{index};"
    return f"structure {{type:{kind};{at}}}"


def points(box: Box | None) -> str:
    """A box as PAGE's corner points, whole and not below 0 (no box: a point at 0,0).

    >>> points((10.4, 20.6, 30.0, 40.0))
    '10,21 30,21 30,40 10,40'
    """
    x0, y0, x1, y1 = (max(0, round(v)) for v in written(box or (0.0, 0.0, 0.0, 0.0)))
    return f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"


class Regions:
    """The page's regions, the join relations between pieces, in the order written."""

    def __init__(self, where: Where) -> None:
        self.where = where
        self.regions: list[ET.Element] = []
        self.joins: list[tuple[str, str]] = []

    def add(self, ident: str, text: Traced, kind: str, about: str) -> list[str]:
        """A region per piece of the text; their ids, pieces after the first joined."""
        ids: list[str] = []
        for k, piece in enumerate(field_pieces(self.where, text), start=1):
            region = ET.Element("TextRegion", id=f"{ident}-{k}", type=kind, custom=about)
            ET.SubElement(region, "Coords", points=points(piece.box))
            ET.SubElement(ET.SubElement(region, "TextEquiv"), "Unicode").text = xml_text(piece.text)
            if ids:
                self.joins.append((ids[-1], region.get("id", "")))
            ids.append(region.get("id", ""))
            self.regions.append(region)
        return ids


def document_page_xml(doc: Document, page_number: int | None = None) -> str:
    """One page of the document as PAGE-XML: the first, or `page_number` (see the module's
    docstring). A `BroadsheetError` for a text dump or a page the document lacks."""
    needs_pdf(doc, "PAGE-XML")
    page = page_of(doc, page_number)
    where = Where(doc.source)
    root = ET.Element("PcGts")
    root.append(_metadata(doc))
    sheet = where.sheets.get(page.number)
    width, height = shown_size(sheet) if sheet else [0.0, 0.0]
    elem = ET.SubElement(root, "Page", imageFilename=doc.source.name)
    elem.set("imageWidth", str(round(width)))
    elem.set("imageHeight", str(round(height)))
    for axis in ("imageXResolution", "imageYResolution"):
        elem.set(axis, POINTS_PER_INCH)
    elem.set("imageResolutionUnit", "PPI")
    regions = Regions(where)
    order = _reading_order(page, regions)
    if page.items:  # PAGE allows no empty group: a page with no items has no order
        elem.append(order)
    _furniture(page, regions, height)
    if regions.joins:
        elem.append(_relations(regions.joins))
    elem.extend(regions.regions)
    return serialised(root, PAGE)


def _metadata(doc: Document) -> ET.Element:
    """Who made the file from what: broadsheet's version, the input's name and SHA-256."""
    from broadsheet import __version__

    meta = ET.Element("Metadata")
    ET.SubElement(meta, "Creator").text = f"broadsheet {__version__}"
    ET.SubElement(meta, "Created").text = UNDATED
    ET.SubElement(meta, "LastChange").text = UNDATED
    sha = f" (SHA-256 {doc.source.sha256})" if doc.source.sha256 else ""
    ET.SubElement(meta, "Comments").text = xml_text(f"From {doc.source.name}{sha}")
    return meta


def _reading_order(page: Page, regions: Regions) -> ET.Element:
    """The page's items in order, each a group of its regions in reading order (the
    regions are made here, in that order)."""
    order = ET.Element("ReadingOrder")
    outer = ET.SubElement(order, "OrderedGroup", id=f"ro-p{page.number}", caption="items")
    for k, item in enumerate(page.items, start=1):
        ident = item_id(page.number, k)
        group = ET.SubElement(outer, "OrderedGroupIndexed", id=ident, index=str(k - 1))
        group.set("type", "article" if item.type == "article" else "other")
        group.set("custom", custom(item.type))
        if item.authors:
            defined = ET.SubElement(group, "UserDefined")
            for name in item.authors:
                ET.SubElement(defined, "UserAttribute", name="author", type="xsd:string").set(
                    "value", xml_text(name)
                )
        refs: list[str] = []
        for field in item_fields(item):
            key = field.name if field.index is None else f"{field.name}{field.index + 1}"
            about = custom(field.name, field.index)
            refs += regions.add(f"{ident}-{key}", field.text, REGION_TYPES[field.name], about)
        for n, ref in enumerate(refs):
            ET.SubElement(group, "RegionRefIndexed", index=str(n), regionRef=ref)
    return order


def _furniture(page: Page, regions: Regions, height: float) -> None:
    """Furniture lines and ads as regions outside the reading order."""
    n = page.number
    for k, line in enumerate(page.furniture, start=1):
        placed = field_pieces(regions.where, line)
        kind = furniture_kind(line.text, placed[0].box, height)
        regions.add(f"p{n}-f{k}", line, kind, custom("furniture"))
    for k, ad in enumerate(page.ads, start=1):
        regions.add(f"p{n}-a{k}", ad, "other", custom("advertisement"))


def _relations(joins: list[tuple[str, str]]) -> ET.Element:
    """A `join` relation from each piece of a field to the next."""
    out = ET.Element("Relations")
    for k, (source, target) in enumerate(joins, start=1):
        relation = ET.SubElement(out, "Relation", id=f"join{k}", type="join")
        ET.SubElement(relation, "SourceRegionRef", regionRef=source)
        ET.SubElement(relation, "TargetRegionRef", regionRef=target)
    return out


def read_page_xml(text: str) -> list[dict[str, Any]]:
    """The items of broadsheet's PAGE-XML, as the JSON's item dicts: id, type, fields
    (a field's pieces joined again) and authors. Regions outside the item groups
    (furniture, ads) are left out."""
    root = ET.fromstring(text)
    found: dict[str, tuple[str, int | None, str]] = {}
    for region in root.iter(qualified(PAGE, "TextRegion")):
        match = CUSTOM.fullmatch(region.get("custom", ""))
        unicode = region.find(f"{qualified(PAGE, 'TextEquiv')}/{qualified(PAGE, 'Unicode')}")
        if match and unicode is not None:
            index = int(match.group(2)) if match.group(2) is not None else None
            found[region.get("id", "")] = (match.group(1), index, unicode.text or "")
    groups = root.iter(qualified(PAGE, "OrderedGroupIndexed"))
    return [_item(group, found) for group in sorted(groups, key=_index)]


def _index(elem: ET.Element) -> int:
    return int(elem.get("index", "0"))


def _item(group: ET.Element, found: dict[str, tuple[str, int | None, str]]) -> dict[str, Any]:
    """One item group read back: its regions' texts in order, pieces joined."""
    match = CUSTOM.fullmatch(group.get("custom", ""))
    item: dict[str, Any] = {"id": group.get("id"), "type": match.group(1) if match else None}
    for ref in sorted(group.iter(qualified(PAGE, "RegionRefIndexed")), key=_index):
        name, index, text = found[ref.get("regionRef", "")]
        if name in LIST_FIELDS and index is not None:
            texts: list[str] = item.setdefault(name, [])
            texts += [""] * (index + 1 - len(texts))
            texts[index] += text
        else:
            item[name] = item.get(name, "") + text
    authors = [a.get("value", "") for a in group.iter(qualified(PAGE, "UserAttribute"))]
    if authors:
        item["authors"] = authors
    return item
