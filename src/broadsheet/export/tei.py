"""Documents as TEI P5, for digital-humanities corpora.

Each item is a `div` (type article, box, picture or brief, `xml:id` its JSON id) holding
its fields in reading order: `head type="kicker"` and `head type="main"` (the headline),
the teaser as `argument/p`, `byline` (with each author the byline names in `docAuthor`),
`dateline`, `p` for each paragraph, `quote type="pull"` for pull quotes, the caption and
credit as `figure/figDesc` and `figure/note type="credit"`, and `note` for notes. Every
page starts with a `pb n="…"`; its furniture is `fw` (type header, footer, pageNum or
other), its ads a `div type="advertisement"`.

From a PDF, `facsimile` holds a `surface` per page (its size in points, as shown) whose
`zone`s (ulx, uly, lrx, lry in points from the top left of the crop box) are the items' and
their fields' pieces; `pb` and each element point at theirs with `facs`. A text dump has no
places, so no `facsimile` and no `facs`: the text is whole either way.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from broadsheet.export.boxes import shown_size, written
from broadsheet.export.json import Where, item_id
from broadsheet.export.placed import box_of, field_pieces, furniture_kind
from broadsheet.export.xmlwrite import serialised, xml_text
from broadsheet.model import Box, Document, Item, Page, Traced, union

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Elements whose content is mixed (text and markup): never indented.
MIXED = ("byline",)
# TEI's pattern for a version number (teidata.versionNumber).
VERSION = re.compile(r"\d+(\.\d+){0,3}")
FW_TYPES = {"page-number": "pageNum", "header": "header", "footer": "footer", "other": "other"}


def t(name: str) -> str:
    """A TEI element's name as the tree is built: plain, the root declaring TEI's
    namespace as the default (`xmlwrite.serialised`)."""
    return name


def sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A new TEI child of `parent`, with its text (made safe for XML) and attributes."""
    elem = ET.SubElement(parent, t(name), attrs)
    if text is not None:
        elem.text = xml_text(text)
    return elem


class Zones:
    """The facsimile: a `surface` per page and a `zone` per box, each with an id that the
    text's `facs` points at. Without places (a dump) it makes nothing and points nowhere."""

    def __init__(self, doc: Document) -> None:
        self.where = Where(doc.source) if doc.source.origins else None
        self.root = ET.Element(t("facsimile"))
        self.surface: ET.Element | None = None

    def page(self, page: Page) -> str | None:
        """Starts the page's surface; the pointer to it for the page's `pb`."""
        sheet = self.where.sheets.get(page.number) if self.where else None
        if sheet is None:
            self.surface = None
            return None
        width, height = shown_size(sheet)
        ident = f"surface-p{page.number}"
        self.surface = sub(self.root, "surface", **{XML_ID: ident}, ulx="0", uly="0")
        self.surface.set("lrx", str(width))
        self.surface.set("lry", str(height))
        return f"#{ident}"

    def zone(self, ident: str, box: Box | None) -> str | None:
        """A zone for the box on the current surface; the pointer to it (None: no box)."""
        if self.surface is None or box is None:
            return None
        ulx, uly, lrx, lry = (str(v) for v in written(box))
        sub(self.surface, "zone", **{XML_ID: ident}, ulx=ulx, uly=uly, lrx=lrx, lry=lry)
        return f"#{ident}"

    def field(self, ident: str, text: Traced) -> tuple[str | None, Box | None]:
        """Zones for each piece of a field; the pointers to them and the box round them."""
        if self.where is None or self.surface is None:
            return None, None
        placed = field_pieces(self.where, text)
        pointers = [self.zone(f"{ident}-{k}", p.box) for k, p in enumerate(placed, start=1)]
        found = [p for p in pointers if p is not None]
        return (" ".join(found) or None), box_of(placed)


def document_tei(doc: Document) -> str:
    """The document as a TEI P5 file (see the module's docstring for what goes where)."""
    root = ET.Element(t("TEI"))
    languages = Counter(p.language for p in doc.pages).most_common(1)
    if languages:
        root.set(XML_LANG, languages[0][0])
    root.append(_header(doc))
    zones = Zones(doc)
    text = ET.Element(t("text"))
    body = sub(text, "body")
    for page in doc.pages:
        _page(body, page, zones)
    if len(zones.root):
        root.append(zones.root)
    root.append(text)
    return serialised(root, TEI, MIXED)


def _header(doc: Document) -> ET.Element:
    """The teiHeader: the input's name as title, what made the file, and the input (its
    name, SHA-256 and page count) as the source."""
    from broadsheet import __version__

    source = doc.source
    header = ET.Element(t("teiHeader"))
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", source.name)
    made = f"Made by broadsheet {__version__} from {source.name}; not published."
    sub(sub(file_desc, "publicationStmt"), "p", made)
    bibl = sub(sub(file_desc, "sourceDesc"), "bibl")
    sub(bibl, "title", source.name)
    if source.sha256:
        sub(bibl, "idno", source.sha256, type="SHA-256")
    pages = source.page_count or len(doc.pages)
    sub(bibl, "extent", f"{pages} page" + ("" if pages == 1 else "s"))
    app_info = sub(sub(header, "encodingDesc"), "appInfo")
    app = sub(app_info, "application", ident="broadsheet", version=__version__)
    if not VERSION.fullmatch(__version__):  # a development build: the label says it
        app.set("version", "0")
    sub(app, "label", f"broadsheet {__version__}")
    return header


def _page(body: ET.Element, page: Page, zones: Zones) -> None:
    """A page: its `pb`, its furniture as `fw`, its items, its ads."""
    pb = sub(body, "pb", n=str(page.number))
    surface = zones.page(page)
    if surface:
        pb.set("facs", surface)
    height = float(zones.surface.get("lry", "0")) if zones.surface is not None else 0.0
    for k, line in enumerate(page.furniture, start=1):
        pointer, box = zones.field(f"z-p{page.number}-f{k}", line)
        fw = sub(body, "fw", line.text, type=FW_TYPES[furniture_kind(line.text, box, height)])
        _point(fw, pointer)
    for k, item in enumerate(page.items, start=1):
        body.append(_item(item, item_id(page.number, k), page.language, zones))
    for k, ad in enumerate(page.ads, start=1):
        div = sub(body, "div", type="advertisement", **{XML_ID: f"p{page.number}-a{k}"})
        _point(sub(div, "p", ad.text), zones.field(f"z-p{page.number}-a{k}", ad)[0])


def _point(elem: ET.Element, pointer: str | None) -> None:
    if pointer:
        elem.set("facs", pointer)


def _item(item: Item, ident: str, language: str, zones: Zones) -> ET.Element:
    """An item's `div`, its fields in reading order, each pointing at its zones; the div
    at a zone round them all."""
    div = ET.Element(t("div"), {"type": item.type, XML_ID: ident, XML_LANG: language})
    boxes: list[Box] = []

    def add(parent: ET.Element, name: str, field: Traced, key: str, **attrs: str) -> ET.Element:
        elem = sub(parent, name, field.text, **attrs)
        pointer, box = zones.field(f"z-{ident}-{key}", field)
        _point(elem, pointer)
        if box is not None:
            boxes.append(box)
        return elem

    if item.kicker:
        add(div, "head", item.kicker, "kicker", type="kicker")
    if item.headline:
        add(div, "head", item.headline, "headline", type="main")
    if item.teaser:
        add(sub(div, "argument"), "p", item.teaser, "teaser")
    if item.byline:
        _authors(add(div, "byline", item.byline, "byline"), item.authors)
    if item.dateline:
        add(div, "dateline", item.dateline, "dateline")
    for k, para in enumerate(item.paragraphs, start=1):
        add(div, "p", para, f"p{k}")
    for k, quote in enumerate(item.pull_quotes, start=1):
        add(div, "quote", quote, f"q{k}", type="pull")
    if item.caption or item.credit:
        figure = sub(div, "figure")
        if item.caption:
            add(figure, "figDesc", item.caption, "caption")
        if item.credit:
            add(figure, "note", item.credit, "credit", type="credit")
    for k, note in enumerate(item.notes, start=1):
        add(div, "note", note, f"n{k}")
    if boxes:
        _point(div, zones.zone(f"z-{ident}", union(boxes)))
    return div


def _authors(byline: ET.Element, authors: tuple[str, ...]) -> None:
    """Marks each author the byline's text names, in order, as a `docAuthor` inside it;
    the byline's text stays the same characters. An author it does not name is left out.

    >>> b = ET.Element("byline"); b.text = "Von Ada Muster und Ben Beispiel"
    >>> _authors(b, ("Ada Muster", "Ben Beispiel"))
    >>> ET.tostring(b, encoding="unicode")
    '<byline>Von <docAuthor>Ada Muster</docAuthor> und <docAuthor>Ben Beispiel</docAuthor></byline>'
    """
    text = byline.text or ""
    last: ET.Element | None = None
    rest = text
    for name in authors:
        found = rest.find(name)
        if not name or found < 0:
            continue
        before, rest = rest[:found], rest[found + len(name) :]
        if last is None:
            byline.text = before
        else:
            last.tail = before
        last = sub(byline, "docAuthor", name)
    if last is not None:
        last.tail = rest or None
