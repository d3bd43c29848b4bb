"""Ads (layout/ads.py): a framed region set in types of its own, in short blocks, naming
a price and a phone number or address, goes into the page's `ads`, not into an item; an
info box (its text in running lines, or with one kind of evidence only) stays editorial."""

from __future__ import annotations

from tests.pdfpages import HEIGHT, WIDTH, run
from tests.test_pdf_margins import story
from tests.test_pipeline import uncovered

from broadsheet.export.json import page_dict
from broadsheet.layout.ads import evidence
from broadsheet.layout.pdftext import pdf_source
from broadsheet.model import Document, Page
from broadsheet.page import PageGeometry, Run, Shape
from broadsheet.pipeline import Options, process

FRAME = Shape("rect", (30.0, 60.0, 570.0, 300.0), None)


def ad_lines(contact: str) -> list[Run]:
    return [
        run("SOMMER-SALE", 60, 260, size=24, font="Display-Bold"),
        run("Alles muss raus", 60, 220, size=14, font="Script"),
        run("Sofas ab 499,- €", 60, 180, size=12, font="Grotesk"),
        run(contact, 60, 100, size=8, font="Grotesk"),
    ]


def page_of(runs: list[Run], shapes: tuple[Shape, ...] = (FRAME,)) -> tuple[Page, Document]:
    source, _ = pdf_source([PageGeometry(1, WIDTH, HEIGHT, tuple(runs), shapes)], "x.pdf")
    doc = process(source, Options(language="en"))
    return doc.pages[0], doc


def item_texts(page: Page) -> str:
    return " ".join(p.text for item in page.items for p in item.paragraphs)


def test_evidence_counts_kinds_not_words() -> None:
    assert evidence("Sofas ab 499,- € Tel. 0421 / 123 456") == 2
    assert evidence("Mehr unter www.example.org") == 1
    assert evidence("The council met on Monday.") == 0


def test_a_framed_region_in_types_of_its_own_with_price_and_phone_is_an_ad() -> None:
    page, doc = page_of([*story(720), *ad_lines("Tel. 0421 / 123 456 · moebel-example.de")])
    assert len(page.ads) == 1
    assert "SOMMER-SALE" in page.ads[0].text and "Tel. 0421" in page.ads[0].text
    assert "SOMMER" not in item_texts(page)
    assert all("SALE" not in (i.headline.text if i.headline else "") for i in page.items)
    assert uncovered(doc) == []
    assert page_dict(page)["ads"] == [page.ads[0].text]


def test_one_kind_of_evidence_is_not_enough() -> None:
    page, _ = page_of([*story(720), *ad_lines("Besuchen Sie uns im Laden")])
    assert page.ads == ()


def test_without_a_frame_or_tint_there_is_no_ad() -> None:
    page, _ = page_of([*story(720), *ad_lines("Tel. 0421 / 123 456")], shapes=())
    assert page.ads == ()


def test_an_info_box_with_running_text_is_editorial() -> None:
    box = [run("Info", 60, 260, size=12, font="Sans-Bold")]
    box += [
        run(f"Info line {k} about the bridge, tickets 5 €", 60, 240 - 10 * k, size=8, font="Sans")
        for k in range(6)
    ]
    box.append(run("Tel. 0421 / 123 456 · www.bridge.example.org", 60, 150, size=7, font="Mono"))
    page, _ = page_of([*story(720), *box])
    assert page.ads == ()
    assert page_dict(page)["ads"] == []
