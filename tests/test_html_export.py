"""The HTML view's content without a browser: outlines per item and field piece, the page
picture inline, nothing fetched from the network, a dump's spans marked."""

from __future__ import annotations

import json
import re
from pathlib import Path

from broadsheet import parse
from broadsheet.convert import Request, convert
from broadsheet.export.html import document_html

ROOT = Path(__file__).parents[1]
PDF = ROOT / "samples" / "generated-de-0001.pdf"
DUMP = ROOT / "samples" / "taz-seed.txt"
LISTS = ("paragraphs", "pull_quotes", "notes")


def html_of(path: Path) -> str:
    out: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            out.append(text)

    convert(path.read_bytes(), str(path), Request(format="html"), Sink())
    return "".join(out)


def test_pdf_view_outlines_every_item_and_field_piece() -> None:
    view = html_of(PDF)
    doc = json.loads(parse(PDF).to_json())
    items = doc["pages"][0]["items"]
    assert view.count('data-kind="item"') == len(items)
    pieces = sum(
        sum(len(g) for g in found) if isinstance(found[0][0], list) else len(found)
        for item in items
        for found in item["boxes"].values()
    )
    assert view.count('data-kind="field"') == pieces
    assert view.count("data:image/png;base64,") == 1
    assert not re.search(r"""(src|href)=["']https?:""", view)  # opens with no network


def test_dump_view_marks_every_source_span() -> None:
    doc = parse(DUMP)
    view = document_html(doc)
    spans = [
        s
        for item in json.loads(doc.to_json())["pages"][0]["items"]
        for name, prov in item["provenance"].items()
        for s in (prov if name not in LISTS else [span for group in prov for span in group])
    ]
    assert 0 < view.count("<mark ") <= len(spans)
    assert "<img" not in view
    assert view.count('class="card') == len(doc.items())


def test_repairs_are_shown_with_their_item() -> None:
    view = document_html(parse(DUMP))
    assert 'class="repair">hyphen.join' in view
