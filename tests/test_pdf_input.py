"""PDF input through the command line: every PDF is made inside its test.

Text PDFs are written with pypdfium2 itself (standard-14 fonts, one text object per line),
encrypted ones with pypdf, image-only pages from a rendering of a text page. Each test pins
the exit status, the message on stderr and the absence of a traceback.
"""

from __future__ import annotations

import ctypes
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfWriter

from broadsheet.cli import main
from broadsheet.load.pdf import MAX_RUNS

HEADLINE = "Council approves new bridge"
BODY = (
    "The city council voted on Monday to build a new bridge over the river.",
    "The mayor said the project would be finished within three years.",
    "Residents welcomed the decision at the meeting in the town hall.",
    "Work is expected to begin next spring once the final plans are ready.",
)
SECOND_HEADLINE = "Library opens on Sundays"
SECOND_BODY = (
    "From next month the central library will open its doors on Sundays.",
    "Volunteers will help the staff at the desk during the extra hours.",
    "The trial runs until the end of the year and will then be reviewed.",
)
# One story per page: (headline, body lines).
Story = tuple[str, tuple[str, ...]]
A4 = (595.0, 842.0)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def one_line_error(err: str, *words: str) -> None:
    """stderr is exactly one `broadsheet: error:` line holding every word given."""
    assert err.startswith("broadsheet: error: "), err
    assert err.count("\n") == 1, err
    for word in words:
        assert word in err, err


def add_text(
    pdf: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    text: str,
    at: tuple[float, float],
    size: float,
    font: bytes = b"Helvetica",
) -> None:
    """One text object in a standard-14 font, placed with its baseline at `at`."""
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, font, size)
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, at[0], at[1])
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def add_story(pdf: pdfium.PdfDocument, story: Story, size: tuple[float, float] = A4) -> None:
    """A page with a bold headline over body lines set in 10 pt."""
    page = pdf.new_page(*size)
    headline, body = story
    top = size[1] - 60
    add_text(pdf, page, headline, (50, top), 24, b"Helvetica-Bold")
    for i, line in enumerate(body):
        add_text(pdf, page, line, (50, top - 40 - 13 * i), 10)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()


def add_image_page(pdf: pdfium.PdfDocument, of: Path) -> None:
    """A page holding nothing but a picture of page 1 of `of`: a scan, as far as text goes."""
    source = pdfium.PdfDocument(of)
    bitmap = source[0].render(scale=1)
    page = pdf.new_page(*A4)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(*A4))
    page.insert_obj(image)
    page.gen_content()
    page.close()
    source.close()


def text_pdf(path: Path, *stories: Story) -> Path:
    pdf = pdfium.PdfDocument.new()
    for story in stories or ((HEADLINE, BODY),):
        add_story(pdf, story)
    pdf.save(path)
    pdf.close()
    return path


def two_pages(tmp_path: Path) -> Path:
    return text_pdf(tmp_path / "two.pdf", (HEADLINE, BODY), (SECOND_HEADLINE, SECOND_BODY))


def page_objects(out: str) -> list[dict[str, Any]]:
    """The pages of a document object as -f json writes it."""
    pages: list[dict[str, Any]] = json.loads(out)["pages"]
    return pages


def all_text(page: dict[str, object]) -> str:
    return json.dumps(page, ensure_ascii=False)


# --- a readable PDF ---------------------------------------------------------------------


def test_text_pdf_gives_its_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = text_pdf(tmp_path / "page.pdf")
    code, out, err = run([str(f)], capsys)
    assert code == 0 and err == ""
    page = page_objects(out)[0]
    assert page["page"] == 1 and json.loads(out)["document"]["source"] == str(f)
    article = page["items"][0]
    assert article["headline"] == HEADLINE
    assert article["paragraphs"] == [" ".join(BODY)]


def test_pages_selects_by_pdf_page_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = two_pages(tmp_path)
    code, out, _ = run([str(f)], capsys)
    assert code == 0 and [p["page"] for p in page_objects(out)] == [1, 2]
    code, out, err = run([str(f), "--pages", "2"], capsys)
    assert code == 0 and err == ""
    page = page_objects(out)[0]
    assert page["page"] == 2
    assert SECOND_BODY[0] in all_text(page) and BODY[0] not in all_text(page)
    code, out, _ = run([str(f), "--pages", "2,1-2", "-f", "jsonl"], capsys)
    assert code == 0
    assert [json.loads(line)["page"] for line in out.splitlines()] == [1, 2]


@pytest.mark.parametrize(
    "spec, words",
    [
        ("3", "the PDF has pages 1 to 2"),
        ("0-1", "the PDF has pages 1 to 2"),
        ("2-1", "low to high"),
        ("one", "like 1-3,7"),
    ],
)
def test_bad_pages_spec_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str, words: str
) -> None:
    code, out, err = run([str(two_pages(tmp_path)), "--pages", spec], capsys)
    assert code == 1 and out == ""
    one_line_error(err, "--pages", words)


def test_pdf_only_options_on_a_text_dump(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "page.txt"
    f.write_text(HEADLINE + "\n\n" + "\n".join(BODY) + "\n", encoding="utf-8")
    for flag in ("--pages", "--password"):
        code, out, err = run([str(f), flag, "1"], capsys)
        assert code == 2 and out == ""
        one_line_error(err, flag, "PDF input", "text dump")


def test_markdown_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = text_pdf(tmp_path / "page.pdf")
    code, out, _ = run([str(f), "-f", "markdown"], capsys)
    assert code == 0
    assert out.startswith(f"## {HEADLINE}\n\n{BODY[0]}")
    out_file = tmp_path / "page.txt"
    code, out, _ = run([str(f), "-f", "text", "-o", str(out_file)], capsys)
    assert code == 0 and out == ""
    assert BODY[-1] in out_file.read_text(encoding="utf-8")


def test_explain_places_repairs_on_the_pdf_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = ("Der Stadtrat hat am Montag über den neuen Haus-", "halt der Stadt lange beraten.")
    f = text_pdf(tmp_path / "page.pdf", ("Neuer Haushalt beschlossen", body))
    code, out, err = run([str(f), "--explain", "--pages", "1"], capsys)
    assert code == 0 and "Haushalt der Stadt" in out
    assert "p1@50," in err and "hyphen" in err


def test_pdf_from_stdin(tmp_path: Path) -> None:
    f = text_pdf(tmp_path / "page.pdf")
    done = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "-", "-f", "jsonl"],
        input=f.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)  # a jsonl line: a page with its input's name
    assert page["source"] == "<stdin>" and page["items"][0]["headline"] == HEADLINE


# --- encrypted ------------------------------------------------------------------------------


def encrypted(tmp_path: Path) -> Path:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt("secret")
    target = tmp_path / "locked.pdf"
    with target.open("wb") as f:
        writer.write(f)
    return target


def test_encrypted_pdf_asks_for_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = encrypted(tmp_path)
    code, out, err = run([str(f)], capsys)
    assert code == 1 and out == ""
    one_line_error(err, str(f), "encrypted", "--password")
    code, out, err = run([str(f), "--password", "guess"], capsys)
    assert code == 1 and out == ""
    one_line_error(err, "wrong password")
    code, out, err = run([str(f), "--password", "secret"], capsys)
    assert code == 0 and err == ""
    assert page_objects(out)[0]["items"][0]["headline"] == HEADLINE


# --- damaged --------------------------------------------------------------------------------


def test_truncated_pdf_is_repaired_or_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = two_pages(tmp_path).read_bytes()
    f = tmp_path / "cut.pdf"
    f.write_bytes(whole[: len(whole) * 6 // 10])
    code, out, err = run([str(f)], capsys)
    if code == 0:  # PDFium rebuilt what it could
        assert page_objects(out) and err == ""
    else:
        assert code == 1 and out == ""
        one_line_error(err, "not a readable PDF", "damaged")


def test_garbage_after_a_pdf_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "junk.pdf"
    f.write_bytes(b"%PDF-1.7\n" + random.Random(7).randbytes(20_000))
    code, out, err = run([str(f)], capsys)
    assert code == 1 and out == ""
    one_line_error(err, "not a readable PDF", "damaged")


def test_page_pdfium_cannot_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The page tree claims a third page that is not there: PDFium opens the file, then
    fails on the page itself."""
    data = two_pages(tmp_path).read_bytes()
    assert data.count(b"/Count 2") == 1
    f = tmp_path / "three.pdf"
    f.write_bytes(data.replace(b"/Count 2", b"/Count 3"))
    code, out, err = run([str(f), "--pages", "3"], capsys)
    assert code == 1 and out == ""
    one_line_error(err, "cannot read page 3", "damaged")
    code, out, _ = run([str(f), "--pages", "1-2"], capsys)
    assert code == 0 and len(page_objects(out)) == 2
    code, out, err = run([str(f)], capsys)  # the batch goes on past the broken page
    assert code == 1 and [p["page"] for p in page_objects(out)] == [1, 2]
    one_line_error(err, "cannot read page 3", "damaged")


def test_pdf_without_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "none.pdf"
    pdf = pdfium.PdfDocument.new()
    pdf.save(f)
    pdf.close()
    for extra in ([], ["--pages", "1"]):
        code, out, err = run([str(f), *extra], capsys)
        assert code == 1 and out == ""
        one_line_error(err, "the PDF has no pages")


# --- pages without text ---------------------------------------------------------------------


def test_image_only_page_is_named_not_passed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = pdfium.PdfDocument.new()
    add_image_page(pdf, text_pdf(tmp_path / "page.pdf"))
    f = tmp_path / "scan.pdf"
    pdf.save(f)
    pdf.close()
    out_file = tmp_path / "out.json"
    for extra in ([], ["-f", "jsonl"], ["-o", str(out_file)]):
        code, out, err = run([str(f), *extra], capsys)
        assert code == 1 and out == ""
        one_line_error(err, str(f), "no text layer on page 1", "OCR")
    assert not out_file.exists()


def test_text_page_is_written_image_page_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = pdfium.PdfDocument.new()
    add_story(pdf, (HEADLINE, BODY))
    add_image_page(pdf, text_pdf(tmp_path / "other.pdf", (SECOND_HEADLINE, SECOND_BODY)))
    f = tmp_path / "mixed.pdf"
    pdf.save(f)
    pdf.close()
    for fmt in ("json", "jsonl", "markdown"):
        code, out, err = run([str(f), "-f", fmt], capsys)
        assert code == 1
        one_line_error(err, "no text layer on page 2")
        assert HEADLINE in out and BODY[0] in out and SECOND_HEADLINE not in out
    code, out, _ = run([str(f)], capsys)
    assert page_objects(out)[0]["page"] == 1
    skipped = json.loads(out)["skipped"]  # the document says which page it lacks, and why
    assert [s["page"] for s in skipped] == [2] and "no text layer" in skipped[0]["reason"]
    code, out, err = run([str(f), "--pages", "1"], capsys)
    assert code == 0 and err == ""


def test_blank_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(*A4).close()
    f = tmp_path / "blank.pdf"
    pdf.save(f)
    pdf.close()
    code, out, err = run([str(f)], capsys)
    assert code == 1 and out == ""
    one_line_error(err, "page 1 is empty")


# --- huge pages -----------------------------------------------------------------------------


def test_enormous_page_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """14400 pt square, the largest page PDF allows, with the story at its top left."""
    pdf = pdfium.PdfDocument.new()
    add_story(pdf, (HEADLINE, BODY), size=(14400.0, 14400.0))
    f = tmp_path / "huge.pdf"
    pdf.save(f)
    pdf.close()
    code, out, err = run([str(f)], capsys)
    assert code == 0 and err == ""
    article = page_objects(out)[0]["items"][0]
    assert article["headline"] == HEADLINE and article["paragraphs"] == [" ".join(BODY)]


def words_page(path: Path, count: int, word: str) -> Path:
    """One 14400 pt page of `count` text objects, one word each, 60 to a line."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(14400, 14400)
    for i in range(count):
        add_text(pdf, page, word, (20 + (i % 60) * 40, 14300 - (i // 60) * 12), 9)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()
    pdf.save(path)
    pdf.close()
    return path


def test_many_text_objects_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = words_page(tmp_path / "words.pdf", 3000, "word")
    # --lang: a page of one word over and over reads as no language (a note otherwise).
    code, out, err = run([str(f), "-f", "text", "--lang", "en"], capsys)
    assert code == 0 and err == ""
    assert out.count("word") == 3000


def test_too_many_text_objects_fail_fast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """More separate pieces of text than MAX_RUNS: refused with the page named, before the
    layout (which would take minutes on them) starts."""
    f = words_page(tmp_path / "letters.pdf", MAX_RUNS + 1200, "w")
    code, out, err = run([str(f)], capsys)
    assert code == 1 and out == ""
    one_line_error(err, str(f), "page 1", f"more than {MAX_RUNS} separate pieces", "leave it out")


def test_progress_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    f = two_pages(tmp_path)
    code, _, err = run([str(f)], capsys)
    assert code == 0 and err == ""  # piped stderr: no progress lines
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run([str(f)], capsys)
    assert code == 0 and err == "broadsheet: 2 pages read\n"


def test_batches_of_a_long_pdf_give_distinct_offsets(tmp_path: Path) -> None:
    """A long PDF is read in batches, each a source of its own; its pages' spans and
    provenance are still offsets into one text, so no two pages share them."""
    from broadsheet.export.json import page_dict
    from broadsheet.pipeline import Options, iter_pdf

    f = two_pages(tmp_path)
    batches = list(iter_pdf(f.read_bytes(), str(f), Options(), batch=1))
    pages = [page_dict(p, d.source, explain=True) for d, _ in batches for p in d.pages]
    assert [p["page"] for p in pages] == [1, 2]
    first, second = (p["span"] for p in pages)
    assert first[0] == 0 and second[0] > first[1]
    spans = [s for item in pages[1]["items"] for s in item["provenance"]["headline"]]
    assert spans and all(second[0] <= s[0] < s[1] <= second[1] for s in spans)


def test_a_pdfium_error_the_loader_did_not_foresee_is_one_line_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """pipeline.iter_pdf turns it into an InputError once, for the CLI and for `parse`."""
    import broadsheet
    import broadsheet.load.pdf as pdf_loader

    def failing(*args: object) -> object:
        raise pdfium.PdfiumError("unforeseen")

    monkeypatch.setattr(pdf_loader, "read_pages", failing)
    sample = Path(__file__).resolve().parents[1] / "samples" / "generated-de-0001.pdf"
    code, out, err = run([str(sample)], capsys)
    assert code == 1 and out == ""
    one_line_error(err, str(sample), "PDFium failed on this PDF (unforeseen)", "may be damaged")
    with pytest.raises(broadsheet.BroadsheetError, match="PDFium failed on this PDF"):
        broadsheet.parse(sample)
