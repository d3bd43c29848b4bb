"""benchmarks/pagegen/reorder.py: a generated page with its text blocks drawn out of reading
order looks exactly the same and holds the same text, in another order."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("weasyprint")
pytest.importorskip("pypdfium2")

import pypdfium2 as pdfium
from benchmarks.pagegen.bench import generate
from benchmarks.pagegen.extract import pdfium_text
from benchmarks.pagegen.reorder import shuffle_stream

SEED = 5
MIN_BLOCKS_MOVED = 10


@dataclass(frozen=True)
class Shuffled:
    original: Path
    shuffled: Path
    moved: int


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Shuffled:
    """One generated page (typesetting takes seconds: done once) and its shuffled copy."""
    out = tmp_path_factory.mktemp("reorder")
    original = generate("de", 1, out).pdf
    shuffled = out / "shuffled.pdf"
    return Shuffled(original, shuffled, shuffle_stream(original, shuffled, SEED))


def _pixels(path: Path) -> tuple[int, int, bytes]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[0].render(scale=1)
        return bitmap.width, bitmap.height, bytes(bitmap.buffer)
    finally:
        pdf.close()


def test_shuffled_page_renders_to_the_same_pixels(page: Shuffled) -> None:
    assert _pixels(page.shuffled) == _pixels(page.original)


def test_shuffled_page_keeps_every_character(page: Shuffled) -> None:
    def chars(path: Path) -> Counter[str]:
        return Counter(re.sub(r"\s+", "", pdfium_text(path)))

    assert chars(page.shuffled) == chars(page.original)


def test_shuffled_page_is_drawn_in_another_order(page: Shuffled) -> None:
    assert page.moved >= MIN_BLOCKS_MOVED
    assert pdfium_text(page.shuffled) != pdfium_text(page.original)


def test_shuffle_is_reproducible(page: Shuffled, tmp_path: Path) -> None:
    again, other = tmp_path / "again.pdf", tmp_path / "other.pdf"
    assert shuffle_stream(page.original, again, SEED) == page.moved
    assert pdfium_text(again) == pdfium_text(page.shuffled)
    shuffle_stream(page.original, other, SEED + 1)
    assert pdfium_text(other) != pdfium_text(page.shuffled)
