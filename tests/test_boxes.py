"""Drawn boxes land on their text: every glyph run's box, in the output's frame (points from
the top left of the crop box, as shown), is checked against the page as PDFium renders it.

Two checks. PDFium's own display matrix (FPDF_PageToDevice: what its renderer and viewers
use) must put each run where broadsheet's box says, on a page cropped off the origin and
turned each way; the frame broadsheet/1 wrote is shown to be far off. And on the rendered
page, each run's box holds ink along most of its length and across some of its height (a
dense page has ink almost everywhere, so this check alone would not catch a frame off by
a line: the first one does).
"""

from __future__ import annotations

import ctypes
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from tests.real_data import REAL

import broadsheet
from broadsheet.export.boxes import shown, shown_size

SAMPLE = Path(__file__).parents[1] / "samples" / "generated-de-0001.pdf"
# Pixels a point: boxes are checked to half a point.
SCALE = 2.0
# A pixel differing this much (of 255) from its box's median grey is ink: dark on light and
# light on a dark tint alike.
INK_STEP = 60
# Slack around a box (points) in which ink still counts as the run's (loose glyph boxes).
SLACK_PT = 1.5
# A run's ink spans this share of its length, and this share of its height at least.
MIN_ALONG, MIN_ACROSS = 0.7, 0.3
# Of all runs of a page, this share must land (a run of rules or of one thin glyph may not).
MIN_LANDED = 0.95
# PDFium maps points to whole device pixels: this many a point, so a tenth of a point.
DEVICE_SCALE = 10
# Broadsheet's box and PDFium's may differ by this (the rounding of both to 0.1 pt).
MAX_DEVICE_GAP_PT = 0.25


def variant(data: bytes, crop: tuple[float, float, float, float] | None, turn: int) -> bytes:
    """The PDF with its first page's crop box set (insets from each edge) and turned."""
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    if crop is not None:
        left, bottom, right, top = page.get_mediabox()
        page.set_cropbox(left + crop[0], bottom + crop[1], right - crop[2], top - crop[3])
    page.set_rotation(turn)
    out = io.BytesIO()
    pdf.save(out)
    page.close()
    pdf.close()
    return out.getvalue()


def rendered(data: bytes, number: int) -> np.ndarray[Any, Any]:
    """Page `number` as PDFium shows it: grey, SCALE pixels a point, the crop box only."""
    pdf = pdfium.PdfDocument(data)
    page = pdf[number - 1]
    pixels = page.render(scale=SCALE, grayscale=True).to_numpy()
    page.close()
    pdf.close()
    return np.asarray(pixels).reshape(pixels.shape[0], pixels.shape[1]).astype(np.int16)


def run_boxes(page: dict[str, Any]) -> Iterator[list[float]]:
    """Every glyph run box of every field of the page's items."""
    for item in page["items"]:
        for found in item.get("runs", {}).values():
            for entry in found:
                yield from (entry if entry and isinstance(entry[0], list) else [entry])


def lands(pixels: np.ndarray[Any, Any], box: list[float]) -> bool:
    """Whether the box holds ink along most of one side and across some of the other
    (a run of one glyph may be taller than wide: either side may be the text's way)."""
    x0, y0, x1, y1 = (round(v * SCALE) for v in box)
    pad = round(SLACK_PT * SCALE)
    region = pixels[max(y0 - pad, 0) : y1 + pad, max(x0 - pad, 0) : x1 + pad]
    if region.size == 0:
        return False
    ink = np.abs(region - np.median(region)) > INK_STEP
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return False
    wide = (cols[-1] - cols[0] + 1) / max(x1 - x0, 1)
    high = (rows[-1] - rows[0] + 1) / max(y1 - y0, 1)
    return max(wide, high) >= MIN_ALONG and min(wide, high) >= MIN_ACROSS


def landed_share(data: bytes, shift: tuple[float, float] = (0.0, 0.0)) -> float:
    """The share of the runs of every page of the PDF whose box lands on its glyphs."""
    doc = broadsheet.parse(data)
    pages = json.loads(doc.to_json(boxes="runs"))["pages"]
    good = total = 0
    for page in pages:
        pixels = rendered(data, page["page"])
        for box in run_boxes(page):
            moved = [box[0] + shift[0], box[1] + shift[1], box[2] + shift[0], box[3] + shift[1]]
            good += lands(pixels, moved)
            total += 1
    assert total, "no runs to check"
    return good / total


@pytest.mark.parametrize(
    "crop, turn",
    [
        (None, 0),
        ((21.0, 33.0, 14.0, 9.0), 0),
        ((21.0, 33.0, 14.0, 9.0), 90),
        (None, 180),
        (None, 270),
    ],
)
def test_run_boxes_land_on_the_rendered_glyphs(
    crop: tuple[float, float, float, float] | None, turn: int
) -> None:
    data = variant(SAMPLE.read_bytes(), crop, turn)
    assert landed_share(data) >= MIN_LANDED


def device_box(page: pdfium.PdfPage, box: tuple[float, float, float, float]) -> list[float]:
    """A user-space box as PDFium's own display matrix puts it on the page shown (the
    crop box's offset and the page's /Rotate applied by PDFium, not by broadsheet), in
    points: PDFium gives whole device pixels, so the page is mapped DEVICE_SCALE times."""
    # PDFium's page size is the page as shown, turned by its /Rotate.
    width, height = (round(v * DEVICE_SCALE) for v in page.get_size())
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[3])):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        ok = pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, width, height, 0, x, y, ctypes.byref(dx), ctypes.byref(dy)
        )
        assert ok
        xs.append(dx.value / DEVICE_SCALE)
        ys.append(dy.value / DEVICE_SCALE)
    return [min(xs), min(ys), max(xs), max(ys)]


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_boxes_are_where_pdfium_shows_the_glyphs(turn: int) -> None:
    """Every run's box as written equals the box PDFium's display matrix gives for the
    run's box in user space, on a page whose crop box is off the origin; the frame of
    broadsheet/1 (user space, or the crop offset ignored) is far from it."""
    data = variant(SAMPLE.read_bytes(), (21.0, 33.0, 14.0, 9.0), turn)
    doc = broadsheet.parse(data)
    sheet = doc.source.sheets[0]
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    try:
        worst = max(
            max(
                abs(a - b)
                for a, b in zip(shown(o.box, sheet), device_box(page, o.box), strict=True)
            )
            for o in doc.source.origins
        )
        assert worst <= MAX_DEVICE_GAP_PT
        assert shown_size(sheet) == [round(v, 1) for v in page.get_size()]
        uncropped = replace(sheet, crop_box=(0.0, 0.0, *page.get_mediabox()[2:]))
        off = [shown(o.box, uncropped) for o in doc.source.origins[:20]]
        want = [device_box(page, o.box) for o in doc.source.origins[:20]]
        assert all(
            max(abs(a - b) for a, b in zip(x, y, strict=True)) > 8
            for x, y in zip(off, want, strict=True)
        )
    finally:
        page.close()
        pdf.close()


def test_item_box_holds_its_fields_and_sizes_follow_the_turn() -> None:
    data = variant(SAMPLE.read_bytes(), (21.0, 33.0, 14.0, 9.0), 90)
    page = json.loads(broadsheet.parse(data).to_json())["pages"][0]
    width, height = page["size"]
    left, bottom, right, top = page["crop_box"]
    assert (width, height) == (round(top - bottom, 1), round(right - left, 1))  # turned
    assert page["rotation"] == 90 and page["items"]
    for item in page["items"]:
        x0, y0, x1, y1 = item["box"]
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        for found in item["boxes"].values():
            for box in (
                b for entry in found for b in (entry if isinstance(entry[0], list) else [entry])
            ):
                assert x0 <= box[0] <= box[2] <= x1 and y0 <= box[1] <= box[3] <= y1


REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.exists() else []


@pytest.mark.skipif(not REAL_PDFS, reason=f"no real PDFs in {REAL}")
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_run_boxes_land_on_real_pages(path: Path) -> None:
    assert landed_share(path.read_bytes()) >= MIN_LANDED
