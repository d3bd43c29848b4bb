"""The Python face: `broadsheet.parse(anything)`, a Document's exports and reprs, and a cheap
`import broadsheet`.

Each input form (path as str or Path, bytes, a dump's text) must give the same items; a
PDF's JSON must be the command's, byte for byte, so a script and the CLI never disagree.
PDFs other than the sample are made inside the test; the real pages are read from
../shared/real only where present.
"""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

import broadsheet
from broadsheet.api import joined, parse
from broadsheet.cli import main
from broadsheet.errors import BroadsheetError, InputError
from broadsheet.export.json import document_dict, json_text, page_dicts
from broadsheet.model import Document, Skipped, Traced
from broadsheet.pipeline import Options, iter_pdf
from real_data import REAL

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT / "samples" / "taz-seed.txt"
PDF = ROOT / "samples" / "generated-de-0001.pdf"
NEWSLETTER = REAL / "en_loc_digital-preservation-newsletter_2013-06.pdf"
HEADLINE = "Council approves new bridge"
BODY = (
    "The city council voted on Monday to build a new bridge over the river.",
    "The mayor said the project would be finished within three years.",
    "Residents welcomed the decision at the meeting in the town hall.",
)


def cli_output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What `broadsheet ARGV` writes on stdout (run in this process)."""
    capsys.readouterr()
    code = main(argv)
    out, _ = capsys.readouterr()
    assert code == 0
    return out


def story_pdf(path: Path, empty_pages: tuple[int, ...] = ()) -> Path:
    """A PDF of two story pages, with empty pages (no text: a scan, as far as text goes)
    where `empty_pages` says (numbered from 1 in the finished file)."""
    pdf = pdfium.PdfDocument.new()
    stories = [(HEADLINE, BODY), ("Library opens on Sundays", BODY[::-1])]
    for number in range(1, len(stories) + len(empty_pages) + 1):
        page = pdf.new_page(595, 842)
        if number not in empty_pages:
            headline, body = stories.pop(0)
            _text(pdf, page, headline, 742, 24, b"Helvetica-Bold")
            for i, line in enumerate(body):
                _text(pdf, page, line, 702 - 13 * i, 10, b"Helvetica")
            pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(path)
    pdf.close()
    return path


def _text(
    pdf: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, y: float, size: float, font: bytes
) -> None:
    """One text object in a standard-14 font, its baseline at (50, y)."""
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, font, size)
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 50, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


# --- every form of input ------------------------------------------------------------------


@pytest.mark.parametrize("path", [DUMP, PDF], ids=["dump", "pdf"])
def test_a_path_as_str_or_path_and_its_bytes_give_the_same_items(path: Path) -> None:
    by_str = parse(str(path))
    assert by_str.source.name == str(path) and by_str.items()
    assert parse(path).items() == by_str.items()
    from_bytes = parse(path.read_bytes())
    assert from_bytes.items() == by_str.items() and from_bytes.source.name == "<bytes>"


def test_a_dump_given_as_text() -> None:
    text = DUMP.read_text(encoding="utf-8")
    doc = parse(text)
    assert doc.source.name == "<string>"
    assert doc.items() == parse(DUMP).items()


def test_a_one_line_text_naming_no_file_is_text() -> None:
    doc = parse("Die Stadt baut eine neue Brücke über den Fluss.")
    assert [p.text for i in doc.items() for p in i.paragraphs] == [
        "Die Stadt baut eine neue Brücke über den Fluss."
    ]


@pytest.mark.parametrize("missing", ["no/such/page.pdf", "missing.TXT"])
def test_a_path_naming_no_file_is_an_error(missing: str, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        parse(missing)
    with pytest.raises(InputError, match="no such file"):
        parse(tmp_path / missing)


def test_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        parse(tmp_path)


@pytest.mark.parametrize("keyword", ["pages", "password"])
def test_pdf_arguments_for_a_dump_are_refused_in_library_words(keyword: str) -> None:
    with pytest.raises(BroadsheetError, match=f"{keyword}= is for PDFs; this is a text dump"):
        parse(DUMP, **{keyword: "1"})


def test_a_bad_page_spec_is_worded_for_the_caller() -> None:
    with pytest.raises(InputError) as err:
        parse(PDF, pages="3")
    assert "pages='3': the PDF has page 1" in str(err.value) and "--" not in str(err.value)


def test_language_is_checked_and_used() -> None:
    with pytest.raises(BroadsheetError, match="language='fr'"):
        parse(DUMP, language="fr")
    assert {p.language for p in parse(DUMP, language="en").pages} == {"en"}


def test_a_pdf_page_without_text_is_listed_as_skipped(tmp_path: Path) -> None:
    doc = parse(story_pdf(tmp_path / "scan.pdf", empty_pages=(2,)))
    assert [p.number for p in doc.pages] == [1, 3]
    assert [s.page for s in doc.skipped] == [2] and isinstance(doc.skipped[0], Skipped)
    assert doc.skipped[0].reason
    assert doc.items()[0].headline is not None and doc.items()[0].headline.text == HEADLINE


def test_pages_picks_pdf_pages(tmp_path: Path) -> None:
    doc = parse(story_pdf(tmp_path / "two.pdf"), pages="2")
    assert [p.number for p in doc.pages] == [2] and doc.skipped == ()


# --- the command's output, from Python ----------------------------------------------------


def test_to_json_markdown_and_text_are_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for path in (PDF, DUMP):
        doc = parse(str(path))
        assert doc.to_json() == cli_output([str(path)], capsys)
        assert doc.to_json(repairs=True) == cli_output([str(path), "--explain"], capsys)
        assert doc.to_markdown() == cli_output([str(path), "-f", "markdown"], capsys)
        assert doc.to_text() == cli_output([str(path), "-f", "text"], capsys)


@pytest.mark.skipif(not NEWSLETTER.exists(), reason=f"no {NEWSLETTER.name} in {REAL}")
def test_to_json_of_a_real_two_page_pdf_is_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = parse(str(NEWSLETTER))
    assert len(doc.pages) == 2
    assert doc.to_json() == cli_output([str(NEWSLETTER)], capsys)


def test_batches_joined_give_the_json_the_command_writes_batch_by_batch(tmp_path: Path) -> None:
    """A long PDF is read in batches (iter_pdf), each with its own offset and glyph boxes;
    one page a batch here, as a file of hundreds would have fifty."""
    path = story_pdf(tmp_path / "three.pdf", empty_pages=(2,))
    batches = [doc for doc, _ in iter_pdf(path.read_bytes(), str(path), Options(), batch=1)]
    assert len(batches) == 3 and batches[2].source.offset > 0
    dicts = [page for doc in batches for page in page_dicts(doc, explain=True)]
    whole = joined(batches)
    assert whole.to_json(repairs=True) == json_text(document_dict(batches[0].source, dicts))
    last, moved = batches[2].items()[0], whole.items()[-1]
    assert moved.headline is not None and last.headline is not None
    assert (
        whole.source.text[moved.headline.start : moved.headline.end]
        == (batches[2].source.text[last.headline.start : last.headline.end])
    )


# --- reprs ----------------------------------------------------------------------------------


def test_reprs_show_text_not_offset_tuples() -> None:
    doc = parse(DUMP)
    item = doc.items()[0]
    shown = repr(item)
    assert shown.startswith(f"Item({item.type!r}, ") and "Seg(" not in shown
    assert item.headline is not None and repr(item.headline.text[:20]).strip("'") in shown
    assert repr(item.headline) == (
        f"Traced({item.headline.text[:29] + '…'!r}, {item.headline.start}..{item.headline.end})"
    )
    assert str(item.headline) == item.headline.text
    assert repr(doc) == "<Document '" + str(DUMP) + "': 1 page, 4 items, 0 skipped>"
    assert repr(doc.pages[0]).startswith("<Page 1 (de): 4 items")


def test_equality_and_hashing_still_by_value() -> None:
    a = Traced.of_source("eine Brücke", 0, 11)
    assert a == Traced.of_source("eine Brücke", 0, 11) and hash(a) == hash(Traced(a.text, a.segs))
    assert a != Traced.of_source("xeine Brücke", 1, 12)


# --- the package ------------------------------------------------------------------------------


def test_import_broadsheet_loads_no_pipeline() -> None:
    code = (
        "import sys, broadsheet; "
        "print(sorted(m for m in sys.modules if m.startswith(('broadsheet', 'pypdfium2'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['broadsheet']"


def test_parsing_a_dump_loads_no_pdfium() -> None:
    code = (
        "import sys, broadsheet; broadsheet.parse(sys.argv[1]); print('pypdfium2' in sys.modules)"
    )
    command = [sys.executable, "-c", code, str(DUMP)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_public_name_resolves() -> None:
    names = {name: getattr(broadsheet, name) for name in broadsheet.__all__}
    assert names["parse"] is parse and names["Document"] is Document
    assert names["__version__"] == broadsheet.__version__
    assert set(broadsheet.__all__) <= set(dir(broadsheet))
    with pytest.raises(AttributeError, match="no attribute 'pipeline_x'"):
        _ = broadsheet.pipeline_x  # type: ignore[attr-defined]  # the error is the point


def test_parse_through_the_package_gives_json() -> None:
    doc = json.loads(broadsheet.parse(PDF).to_json())
    assert doc["document"]["source"] == str(PDF) and doc["pages"][0]["items"]
