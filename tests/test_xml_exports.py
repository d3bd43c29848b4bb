"""The archive formats validate against their schemas and keep every field's text.

TEI (checked with Debian's `jing` against `tei_all.rng`), PAGE-XML, ALTO and METS (checked
with lxml against the XSDs) are written for the sample PDF, the seed dump where the format
takes a dump, and every page of the real PDFs (`../shared/real`, skipped where absent).
Each validator is also shown a broken file, so a validator that passes everything fails
here. PAGE-XML read back gives the JSON's items; the pieces the formats place are the
JSON's boxes, and their texts join to the field's text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from tests.real_data import REAL

import broadsheet
from broadsheet.errors import BroadsheetError
from broadsheet.export.alto import ALTO, METS, document_alto, document_mets
from broadsheet.export.boxes import written
from broadsheet.export.json import Where, document_json
from broadsheet.export.pagexml import document_page_xml, read_page_xml
from broadsheet.export.placed import field_pieces
from broadsheet.export.tei import TEI, XML_ID, document_tei
from broadsheet.model import Document, item_fields

etree = pytest.importorskip("lxml.etree", reason="lxml validates the XSDs (pip install lxml)")

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__file__).resolve().parent / "schemas"
SAMPLE_PDF = ROOT / "samples" / "generated-de-0001.pdf"
SEED_DUMP = ROOT / "samples" / "taz-seed.txt"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
NO_REAL = pytest.param(None, id="real", marks=pytest.mark.skip(reason=f"no real PDFs in {REAL}"))
PDFS = [pytest.param(SAMPLE_PDF, id=SAMPLE_PDF.name)] + (
    [pytest.param(p, id=p.name) for p in REAL_PDFS] if REAL_PDFS else [NO_REAL]
)
INPUTS = [pytest.param(SEED_DUMP, id=SEED_DUMP.name), *PDFS]
# JSON keys that are places or provenance, not an item's fields.
NOT_FIELDS = ("provenance", "box", "boxes", "runs")
JING = shutil.which("jing")


@cache
def parsed(path: Path) -> Document:
    return broadsheet.parse(str(path))


@cache
def schema(name: str) -> Any:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def xsd_errors(name: str, text: str) -> list[str]:
    """What the XSD finds wrong with the file ([] when it is valid)."""
    check = schema(name)
    if check.validate(etree.fromstring(text.encode("utf-8"))):
        return []
    return [str(e) for e in check.error_log][:5]


def json_items(doc: Document) -> list[list[dict[str, Any]]]:
    """Each page's items as the JSON has them, fields only (no places, no provenance)."""
    pages = json.loads(document_json(doc))["pages"]
    return [
        [{k: v for k, v in i.items() if k not in NOT_FIELDS} for i in p["items"]] for p in pages
    ]


@pytest.mark.parametrize("path", PDFS)
def test_page_xml_validates_and_reads_back_as_the_json(path: Path) -> None:
    doc = parsed(path)
    for page, items in zip(doc.pages, json_items(doc), strict=True):
        text = document_page_xml(doc, page.number)
        assert xsd_errors("pagecontent-2019-07-15.xsd", text) == [], page.number
        assert read_page_xml(text) == items, page.number


def test_page_xml_writes_the_first_page_or_the_asked_one() -> None:
    doc = parsed(SAMPLE_PDF)
    assert document_page_xml(doc) == document_page_xml(doc, doc.pages[0].number)
    with pytest.raises(BroadsheetError, match="page_number=99"):
        document_page_xml(doc, 99)


@pytest.mark.parametrize("path", PDFS)
def test_alto_and_mets_validate_and_point_at_each_other(path: Path) -> None:
    doc = parsed(path)
    alto, mets = document_alto(doc), document_mets(doc, "page.alto.xml")
    assert xsd_errors("alto-4-4.xsd", alto) == []
    assert xsd_errors("mets-1-12-1.xsd", mets) == []
    ids = {e.get("ID") for e in ET.fromstring(alto).iter()} - {None}
    areas = [a.get("BEGIN") for a in ET.fromstring(mets).iter(f"{{{METS}}}area")]
    assert areas and set(areas) <= ids
    items = ET.fromstring(mets).iter(f"{{{METS}}}div")
    assert len([d for d in items if d.get("ID", "").count("-i")]) == len(doc.items())


@pytest.mark.parametrize("path", PDFS)
def test_alto_words_are_the_fields_words(path: Path) -> None:
    """Each field's blocks hold its words, in order (ALTO keeps words, not whitespace)."""
    doc = parsed(path)
    blocks = {
        b.get("ID"): b for b in ET.fromstring(document_alto(doc)).iter(f"{{{ALTO}}}TextBlock")
    }
    for page in doc.pages:
        for k, item in enumerate(page.items, start=1):
            for field in item_fields(item):
                key = field.name if field.index is None else f"{field.name}{field.index + 1}"
                ident = f"p{page.number}-i{k}-{key}-"
                mine = [b for i, b in blocks.items() if i and i.startswith(ident)]
                words = [s.get("CONTENT") for b in mine for s in b.iter(f"{{{ALTO}}}String")]
                assert words == field.text.text.split(), ident


@pytest.mark.parametrize("path", PDFS)
def test_pieces_are_the_json_boxes_and_keep_the_text(path: Path) -> None:
    doc = parsed(path)
    where = Where(doc.source)
    pages = json.loads(document_json(doc))["pages"]
    for page, shown in zip(doc.pages, pages, strict=True):
        for item, as_json in zip(page.items, shown["items"], strict=True):
            for field in item_fields(item):
                placed = field_pieces(where, field.text)
                assert "".join(p.text for p in placed) == field.text.text
                boxes = as_json.get("boxes", {}).get(field.name)
                if boxes is None or any(p.box is None for p in placed):
                    continue
                want = boxes if field.index is None else boxes[field.index]
                assert {tuple(written(p.box)) for p in placed if p.box} <= set(map(tuple, want))


@pytest.mark.parametrize("path", INPUTS)
def test_tei_keeps_every_items_text(path: Path) -> None:
    doc = parsed(path)
    root = ET.fromstring(document_tei(doc))
    divs = {d.get(XML_ID): d for d in root.iter(f"{{{TEI}}}div")}
    for items in json_items(doc):
        for item in items:
            div = divs[item["id"]]
            assert div.get("type") == item["type"]
            paragraphs = ["".join(p.itertext()) for p in div.findall(f"{{{TEI}}}p")]
            assert paragraphs == item.get("paragraphs", [])
            heads = {h.get("type"): "".join(h.itertext()) for h in div.iter(f"{{{TEI}}}head")}
            assert heads.get("main") == item.get("headline")
            assert heads.get("kicker") == item.get("kicker")
            bylines = ["".join(b.itertext()) for b in div.iter(f"{{{TEI}}}byline")]
            assert bylines == ([item["byline"]] if "byline" in item else [])


def jing(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    file = tmp_path / "doc.tei.xml"
    file.write_text(text, encoding="utf-8")
    command = [str(JING), str(SCHEMAS / "tei_all.rng"), str(file)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(JING is None, reason="jing is not on PATH (Debian: apt-get install jing)")
@pytest.mark.parametrize("path", INPUTS)
def test_tei_validates_with_jing(path: Path, tmp_path: Path) -> None:
    text = document_tei(parsed(path))
    result = jing(tmp_path, text)
    assert result.returncode == 0, result.stdout[-2000:]
    broken = text.replace("<pb ", "<pagebreak ", 1)
    assert jing(tmp_path, broken).returncode != 0


@pytest.mark.parametrize(
    "schema_name, write, old, new",
    [
        ("pagecontent-2019-07-15.xsd", document_page_xml, 'type="heading"', 'type="kicker"'),
        ("alto-4-4.xsd", document_alto, "<String ", "<Word "),
        ("mets-1-12-1.xsd", lambda d: document_mets(d, "a.xml"), 'BETYPE="IDREF"', 'BETYPE="X"'),
    ],
    ids=["page", "alto", "mets"],
)
def test_the_xsds_reject_a_broken_file(schema_name: str, write: Any, old: str, new: str) -> None:
    text = write(parsed(SAMPLE_PDF))
    assert old in text
    assert xsd_errors(schema_name, text.replace(old, new, 1)) != []


@pytest.mark.parametrize(
    "write", [document_page_xml, document_alto, lambda d: document_mets(d, "a.xml")]
)
def test_formats_that_need_places_refuse_a_dump_in_one_line(write: Any) -> None:
    with pytest.raises(BroadsheetError) as caught:
        write(parsed(SEED_DUMP))
    message = str(caught.value)
    assert "needs a PDF" in message and "\n" not in message


# --- through the command line ---------------------------------------------------------------


def test_cli_alto_writes_its_mets_beside_it(tmp_path: Path) -> None:
    from broadsheet.cli import main

    alto = tmp_path / "page.alto.xml"
    assert main([str(SAMPLE_PDF), "-f", "alto", "-o", str(alto)]) == 0
    mets = tmp_path / "page.mets.xml"
    assert xsd_errors("alto-4-4.xsd", alto.read_text(encoding="utf-8")) == []
    assert xsd_errors("mets-1-12-1.xsd", mets.read_text(encoding="utf-8")) == []
    assert 'href="page.alto.xml"' in mets.read_text(encoding="utf-8")


def test_batch_alto_writes_a_mets_per_input(tmp_path: Path) -> None:
    from broadsheet.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in (1, 2):
        shutil.copy(SAMPLE_PDF, inputs / f"p{k}.pdf")
    out = tmp_path / "out"
    assert main([str(inputs), "-o", str(out), "-f", "alto", "-j", "1"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["p1.pdf.alto.xml", "p1.pdf.mets.xml", "p2.pdf.alto.xml", "p2.pdf.mets.xml"]


def test_cli_page_of_several_pages_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from broadsheet.cli import main

    two = tmp_path / "two.pdf"
    joined = broadsheet_pdf_twice(two)
    assert main([str(joined), "-f", "page"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PAGE-XML holds one page" in err and "--pages" in err
    assert main([str(joined), "-f", "page", "--pages", "2"]) == 0
    assert xsd_errors("pagecontent-2019-07-15.xsd", capsys.readouterr().out) == []


def broadsheet_pdf_twice(target: Path) -> Path:
    """The sample PDF's page twice, as one PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        source = pdfium.PdfDocument(str(SAMPLE_PDF))
        pdf.import_pages(source)
        source.close()
    pdf.save(str(target))
    pdf.close()
    return target
