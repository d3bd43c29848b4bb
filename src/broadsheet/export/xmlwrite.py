"""What the XML exporters (TEI, PAGE-XML, ALTO, METS) share: names, safe text, and writing.

The trees are built with the standard library's ElementTree, so the formats need no extra
package (lxml only validates them, in the tests). Writing indents the structure for a
reader but never the elements that hold text: whitespace added there would change the
text, and every field's text must come back as the JSON has it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection

from broadsheet.errors import BroadsheetError
from broadsheet.model import Document, Page

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
INDENT = "  "
# Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF): written as U+FFFD, or the file would not parse.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
XLINK = "http://www.w3.org/1999/xlink"


def xml_text(text: str) -> str:
    """`text` as XML 1.0 can carry it: characters no XML file may hold become U+FFFD (a
    PDF's text layer seldom has any; the JSON keeps them).

    >>> xml_text("Brücke\\x0cBau")
    'Brücke�Bau'
    """
    return NOT_XML.sub(REPLACEMENT, text)


def qualified(namespace: str, name: str) -> str:
    """ElementTree's name for `name` in `namespace` (what a parsed file's elements are
    called).

    >>> qualified("http://www.loc.gov/METS/", "div")
    '{http://www.loc.gov/METS/}div'
    """
    return f"{{{namespace}}}{name}"


def indent(elem: ET.Element, keep: Collection[str], level: int = 0) -> None:
    """Indents the structure under `elem` in place, one `INDENT` a level, leaving the text
    and the children of every element named in `keep` (mixed content, such as a byline
    with an author in it) and of every element with text of its own as they are."""
    if elem.tag in keep or (elem.text and elem.text.strip()) or len(elem) == 0:
        return
    inner = "\n" + INDENT * (level + 1)
    elem.text = inner
    for child in elem:
        indent(child, keep, level + 1)
        child.tail = inner
    elem[-1].tail = "\n" + INDENT * level


def serialised(root: ET.Element, namespace: str, keep: Collection[str] = ()) -> str:
    """The tree as a file: the declaration, `namespace` as the default one, indented (see
    `indent`), ending in a line break. The tree's elements are built with plain names and
    the root declares the namespace (ElementTree's `default_namespace` refuses attributes
    without one); attributes in other namespaces (XLink) get their usual prefix."""
    ET.register_namespace("xlink", XLINK)
    root.set("xmlns", namespace)
    indent(root, keep)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def page_of(doc: Document, page_number: int | None) -> Page:
    """The asked page of the document, or its first; a `BroadsheetError` when there is none
    (a format that holds one page a file writes one of them)."""
    if not doc.pages:
        raise BroadsheetError(f"{doc.source.name}: the document has no page to write")
    if page_number is None:
        return doc.pages[0]
    for page in doc.pages:
        if page.number == page_number:
            return page
    have = ", ".join(str(p.number) for p in doc.pages)
    raise BroadsheetError(f"page_number={page_number}: the document has page {have}")


def needs_pdf(doc: Document, what: str) -> None:
    """Refuses a text dump for a format whose every region needs coordinates: made-up
    zero-size boxes would be read as real places by the viewers and OCR tools that read
    the format, so the caller is told to give the PDF instead."""
    if not doc.source.origins:
        raise BroadsheetError(
            f"{doc.source.name}: {what} needs a PDF (a text dump has no coordinates); "
            "use -f tei, json or markdown for a dump"
        )
