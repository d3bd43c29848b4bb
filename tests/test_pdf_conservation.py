"""Nothing a PDF shows is lost: every visible character of a page's runs is written into
the source the text stages read (or set apart as hidden, with the reason), and every
character of that source ends up in an item's field, the furniture, an ad or a repair
record. Checked on generated pages, plain and with real pages' traits: a byline set by a
picture's caption was once taken by neither the picture nor a story and vanished."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from benchmarks.pagegen.bench import DEFAULT_OUT, Generated, generate
from tests.test_pipeline import uncovered

from broadsheet.load.pdf import open_pdf, read_pages
from broadsheet.page import PageGeometry
from broadsheet.pipeline import parse_pdf

# Plain pages, and trait pages among them the two whose bylines were once lost (de 2, 10).
PAGES = (
    ("weasyprint", "de", 1),
    ("weasyprint", "en", 2),
    ("traits", "de", 2),
    ("traits", "de", 10),
    ("traits", "en", 1),
)
# PDFium's hyphen at a line end, and the spaces: written as the source has them, or not at all.
NOT_COUNTED = frozenset("\ufffe\x02\u00ad-")


def _page(typesetter: str, lang: str, seed: int, scratch: Path) -> Generated:
    """The cached page, or one made in `scratch`; skips where WeasyPrint cannot typeset."""
    sub = DEFAULT_OUT / "traits" if typesetter == "traits" else DEFAULT_OUT
    cached = (sub / f"{lang}-{seed:04d}.pdf").exists()
    try:
        return generate(lang, seed, sub if cached else scratch, typesetter=typesetter)
    except (ImportError, OSError) as err:  # no WeasyPrint, or no Pango for it
        pytest.skip(f"cannot typeset a page here: {err}")


def _visible(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace() and c not in NOT_COUNTED)


@pytest.mark.parametrize(("typesetter", "lang", "seed"), PAGES)
def test_every_character_a_pdf_shows_is_in_the_output(
    typesetter: str, lang: str, seed: int, tmp_path: Path
) -> None:
    page = _page(typesetter, lang, seed, tmp_path)
    doc, skipped = parse_pdf(page.pdf)
    assert not skipped
    pdf = open_pdf(page.pdf.read_bytes(), str(page.pdf), None)
    try:
        geometry = [g for g in read_pages(pdf, [1]) if isinstance(g, PageGeometry)]
    finally:
        pdf.close()
    shown = _visible("".join(r.text for g in geometry for r in g.runs))
    hidden = _visible("".join(h.text for h in doc.source.hidden))
    assert shown - hidden - _visible(doc.source.text) == Counter()
    lost = uncovered(doc)
    assert lost == [], "".join(doc.source.text[i] for i in lost[:80])
