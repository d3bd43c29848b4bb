"""Text a reader cannot see is not page content: each way of hiding it, on small PDFs made
here with pypdfium2 (objects are painted in the order they are inserted), and on the two
real pages that show it (skipped where /work/shared/real is absent).
"""

from __future__ import annotations

import ctypes
import io
import json
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from broadsheet.cli import main
from broadsheet.load.pdf import read_page
from broadsheet.page import PageGeometry
from broadsheet.pipeline import Options, iter_pdf

W, H = 300.0, 200.0
WHITE = (255, 255, 255, 255)
BLACK = (0, 0, 0, 255)
GREY_TINT = (220, 220, 220, 255)
SHOWN = "Visible words on the page"
SECRET = "Nobody sees these words"
# One step draws objects on the page (in order) of the document.
Step = Callable[[pdfium.PdfDocument, pdfium.PdfPage], None]


def text(
    words: str,
    at: tuple[float, float] = (40, 100),
    colour: tuple[int, int, int, int] = BLACK,
    mode: int | None = None,
    size: float = 12,
) -> Step:
    def draw(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", size)
        buf = ctypes.create_string_buffer((words + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_SetFillColor(obj, *colour)
        if mode is not None:
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj, mode)
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, at[0], at[1])
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    return draw


def rect(
    box: tuple[float, float, float, float] = (0, 0, W, H),
    colour: tuple[int, int, int, int] = WHITE,
) -> Step:
    """A filled rectangle [left, bottom, right, top]."""

    def draw(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
        left, bottom, right, top = box
        obj = pdfium_c.FPDFPageObj_CreateNewRect(left, bottom, right - left, top - bottom)
        pdfium_c.FPDFPageObj_SetFillColor(obj, *colour)
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_WINDING, 0)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    return draw


def triangle(points: list[tuple[float, float]]) -> Step:
    """A filled white path through the points (its box covers more than it paints)."""

    def draw(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
        obj = pdfium_c.FPDFPageObj_CreateNewPath(*points[0])
        for x, y in points[1:]:
            pdfium_c.FPDFPath_LineTo(obj, x, y)
        pdfium_c.FPDFPath_Close(obj)
        pdfium_c.FPDFPageObj_SetFillColor(obj, *WHITE)
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_WINDING, 0)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    return draw


def image(box: tuple[float, float, float, float] = (0, 0, W, H), alpha: int | None = None) -> Step:
    """A 4x4 grey picture over the box; with `alpha`, a BGRA one that transparent."""

    def draw(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
        if alpha is None:
            fmt, pixel = pdfium_c.FPDFBitmap_BGR, bytes((90, 90, 90))
        else:
            fmt, pixel = pdfium_c.FPDFBitmap_BGRA, bytes((90, 90, 90, alpha))
        data = pixel * 16
        buffer = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
        bitmap = pdfium.PdfBitmap.new_native(4, 4, fmt, buffer=buffer)
        obj = pdfium.PdfImage.new(pdf)
        obj.set_bitmap(bitmap)
        left, bottom, right, top = box
        obj.set_matrix(pdfium.PdfMatrix(right - left, 0, 0, top - bottom, left, bottom))
        page.insert_obj(obj)

    return draw


def form(*steps: Step, matrix: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> Step:
    """The steps drawn on a page of their own, placed here as one form XObject."""

    def draw(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
        inner = pdfium.PdfDocument.new()
        inner_page = inner.new_page(W, H)
        for step in steps:
            step(inner, inner_page)
        inner_page.gen_content()
        xobject = pdfium_c.FPDF_NewXObjectFromPage(pdf.raw, inner.raw, 0)
        obj = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
        pdfium_c.FPDFPageObj_Transform(obj, *matrix)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDF_CloseXObject(xobject)

    return draw


def pdf_bytes(*steps: Step, crop: tuple[float, float, float, float] | None = None) -> bytes:
    """A one-page PDF of the steps, saved and so read back as any file would be."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(W, H)
    for step in steps:
        step(pdf, page)
    if crop is not None:
        pdfium_c.FPDFPage_SetCropBox(page.raw, *crop)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def read(*steps: Step, crop: tuple[float, float, float, float] | None = None) -> PageGeometry:
    doc = pdfium.PdfDocument(pdf_bytes(*steps, crop=crop))
    try:
        return read_page(doc[0], 1)
    finally:
        doc.close()


def seen(page: PageGeometry) -> list[str]:
    return [r.text for r in page.runs]


def hidden(page: PageGeometry) -> list[tuple[str, str]]:
    return [(r.text, why) for r, why in page.hidden]


# (a) painted over


def test_text_under_a_later_opaque_fill_is_painted_over_and_what_follows_is_seen() -> None:
    page = read(text(SECRET), rect(), text(SHOWN, at=(40, 60)))
    assert seen(page) == [SHOWN]
    assert hidden(page) == [(SECRET, "painted-over")]


def test_a_later_opaque_fill_of_any_colour_hides_and_a_later_picture_too() -> None:
    dark = read(text(SECRET), rect((30, 90, 260, 120), (20, 40, 160, 255)))
    assert hidden(dark) == [(SECRET, "painted-over")]
    covered = read(text(SECRET), image((30, 90, 260, 120)))
    assert hidden(covered) == [(SECRET, "painted-over")]


def test_what_covers_little_of_the_run_or_lets_it_through_hides_nothing() -> None:
    half = read(text(SECRET), rect((0, 0, 110, H)))
    see_through = read(text(SECRET), rect(colour=(255, 255, 255, 128)))
    clear_picture = read(text(SECRET), image(alpha=0))
    not_a_rectangle = read(text(SECRET), triangle([(0, 0), (W, 0), (0, H)]))
    for page in (half, see_through, clear_picture, not_a_rectangle):
        assert seen(page) == [SECRET] and page.hidden == ()


def test_a_tint_or_a_picture_drawn_before_the_text_is_its_background() -> None:
    for ground in (rect(), rect(colour=GREY_TINT), rect(colour=(30, 30, 30, 255)), image()):
        page = read(ground, text(SHOWN))
        assert seen(page) == [SHOWN] and page.hidden == ()


def test_objects_inside_a_form_are_painted_in_its_place() -> None:
    # Text inside a form, covered by a fill drawn after the form.
    inside = read(form(text(SECRET)), rect(), text(SHOWN, at=(40, 60)))
    assert hidden(inside) == [(SECRET, "painted-over")] and seen(inside) == [SHOWN]
    # A fill inside a form moved over the text: its box is taken through the form's matrix.
    moved = read(text(SECRET), form(rect((0, 0, 150, 100)), matrix=(2, 0, 0, 2, 0, 0)))
    assert hidden(moved) == [(SECRET, "painted-over")]
    elsewhere = read(text(SECRET), form(rect((0, 0, 150, 100)), matrix=(1, 0, 0, 1, 150, 100)))
    assert seen(elsewhere) == [SECRET]


# (b) the colour of its ground


def test_white_text_on_the_white_page_is_the_same_colour_and_on_a_dark_tint_is_seen() -> None:
    page = read(text(SECRET, colour=WHITE), text(SHOWN, at=(40, 60)))
    assert hidden(page) == [(SECRET, "same-colour")] and seen(page) == [SHOWN]
    on_tint = read(rect((30, 90, 260, 120), (30, 30, 120, 255)), text(SHOWN, colour=WHITE))
    on_picture = read(image(), text(SHOWN, colour=WHITE))
    for ok in (on_tint, on_picture):
        assert seen(ok) == [SHOWN] and ok.hidden == ()


def test_text_is_blended_by_its_alpha_and_pale_print_stays() -> None:
    faint = read(text(SECRET, colour=(0, 0, 0, 13)))
    assert hidden(faint) == [(SECRET, "same-colour")]
    on_own_tint = read(rect(colour=GREY_TINT), text(SECRET, colour=(240, 240, 240, 255)))
    assert hidden(on_own_tint) == [(SECRET, "same-colour")]
    pale = read(text(SHOWN, colour=(190, 190, 190, 255)))
    assert seen(pale) == [SHOWN]


# (c) invisible render mode


def test_text_in_an_invisible_render_mode_is_hidden_but_a_scans_text_layer_stays() -> None:
    for mode in (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP):
        page = read(text(SECRET, mode=mode), text(SHOWN, at=(40, 60)))
        assert hidden(page) == [(SECRET, "invisible-mode")] and seen(page) == [SHOWN]
    scan = read(image(), text(SHOWN, mode=pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE))
    assert seen(scan) == [SHOWN] and scan.hidden == ()


# (d) outside the crop box


def test_text_mostly_outside_the_crop_box_is_left_out() -> None:
    page = read(text(SHOWN), text(SECRET, at=(40, 20)), crop=(0, 50, W, H))
    assert hidden(page) == [(SECRET, "outside-crop")] and seen(page) == [SHOWN]


# Through the pipeline and the command line


def test_hidden_runs_are_listed_in_the_json_and_counted_in_markdown_and_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hidden.pdf"
    path.write_bytes(pdf_bytes(text(SECRET, at=(40, 150)), rect(), text(SHOWN, at=(40, 60))))
    assert main([str(path)]) == 0
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert page["hidden"][0]["text"] == SECRET
    assert page["hidden"][0]["reason"] == "painted-over"
    assert len(page["hidden"][0]["box"]) == 4
    assert SECRET not in json.dumps(page["items"])
    assert main([str(path), "-f", "jsonl"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["hidden"] == page["hidden"]
    assert main([str(path), "-f", "markdown"]) == 0
    out, _ = capsys.readouterr()
    assert SECRET not in out and "1 run of hidden text left out: 1 painted-over" in out
    assert main([str(path), "-f", "text"]) == 0
    out, err = capsys.readouterr()
    assert SECRET not in out and "page 1: 1 run of hidden text left out" in err


def test_hidden_text_is_kept_out_of_the_source_but_accounted_for_on_its_page() -> None:
    data = pdf_bytes(text(SECRET, at=(40, 150)), rect(), text(SHOWN, at=(40, 60)))
    doc = next(iter_pdf(data, "hidden.pdf", Options()))[0]
    assert SHOWN in doc.source.text and SECRET not in doc.source.text
    assert [(h.text, h.page, h.reason) for h in doc.source.hidden] == [(SECRET, 1, "painted-over")]
    assert doc.pages[0].hidden == doc.source.hidden
    assert SECRET not in json.dumps([p.text for i in doc.items() for p in i.paragraphs])


def test_a_page_whose_text_is_all_hidden_is_named_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "all-hidden.pdf"
    path.write_bytes(pdf_bytes(text(SECRET), rect()))
    assert main([str(path)]) == 1
    _, err = capsys.readouterr()
    assert "shows no text" in err and "painted-over" in err and "Traceback" not in err


# The real pages (not in CI)

REAL = Path("/work/shared/real")
KLZ = REAL / "de_klz_klassenzeitung_2024-08-12.pdf"
HINDU = REAL / "en_thehindu_p11_opinion_2025-09-19.pdf"


@pytest.mark.skipif(not (KLZ.exists() and HINDU.exists()), reason="real pages not here")
def test_the_klz_covers_placeholders_and_the_hindus_white_marks_are_hidden() -> None:
    doc = pdfium.PdfDocument(KLZ)
    try:
        cover, inner = read_page(doc[0], 1), read_page(doc[1], 2)
    finally:
        doc.close()
    reasons = {why for _, why in cover.hidden}
    assert reasons == {"painted-over"}
    lines = {round(r.box[3]) for r, _ in cover.hidden}
    assert len(lines) == 24  # 24 placeholder lines, some drawn in several runs
    hidden_text = " ".join(r.text for r, _ in cover.hidden)
    assert "Platzhalter" in hidden_text and "Täglicher Rundbrief" in hidden_text
    assert not any("Platzhalter" in r.text for r in cover.runs)
    assert inner.hidden == ()
    doc = pdfium.PdfDocument(HINDU)
    try:
        page = read_page(doc[0], 1)
    finally:
        doc.close()
    assert hidden(page) == [("e2145468", "same-colour")] * 2
    assert not any("e2145468" in r.text for r in page.runs)
