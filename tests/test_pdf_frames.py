"""What stands in one frame or tint is one item (`Type.frame`, filed by layout/pdftext.py):
no header run and no story reads across a frame's edge. Hand-placed runs; each case fails
if two frames' text ends up in one item."""

from __future__ import annotations

from tests.pdfpages import HEIGHT, LEAD, WIDTH, run

from broadsheet.layout.pdftext import pdf_source
from broadsheet.model import Item
from broadsheet.page import PageGeometry, Run, Shape
from broadsheet.pipeline import Options, process


def column(left: float, top: float, count: int, word: str) -> list[Run]:
    return [
        run(f"{word} line {k} of the column goes on here.", left, top - k * LEAD)
        for k in range(count)
    ]


def items(runs: list[Run], shapes: tuple[Shape, ...]) -> list[Item]:
    source, _ = pdf_source([PageGeometry(1, WIDTH, HEIGHT, tuple(runs), shapes)], "x.pdf")
    (page,) = process(source, Options(language="en")).pages
    return list(page.items)


def frame(box: tuple[float, float, float, float]) -> Shape:
    """A frame drawn as an outline (a stroked rectangle)."""
    return Shape("rect", box, None)


def texts(item: Item) -> list[str]:
    heads = [f.text for f in (item.kicker, item.headline, item.teaser) if f is not None]
    return heads + [p.text for p in item.paragraphs]


def test_two_framed_display_boxes_are_two_items() -> None:
    runs = [
        # a cover: a staff line in the text type over framed display lines, no story text
        run("Written and edited by the pupils of class four,", 200, 720, size=11),
        run("with thanks to all who helped this week", 200, 706, size=11),
        run("Breaking news today", 60, 600, size=30, font="Sans"),
        run("Pupil of the week", 60, 300, size=40, font="Sans"),
        run("The broken hip", 60, 250, size=30, font="Sans"),
    ]
    shapes = (frame((40, 580, 560, 650)), frame((40, 230, 560, 360)))
    found = items(runs, shapes)
    assert [texts(i) for i in found] == [
        ["Breaking news today"],
        ["Pupil of the week", "The broken hip"],
    ]
    # no text under them: boxes, the rubric a kicker over the headline (not a teaser under it)
    assert [i.type for i in found] == ["box", "box"]
    kicker, headline = found[1].kicker, found[1].headline
    assert kicker is not None and kicker.text == "Pupil of the week"
    assert headline is not None and headline.text == "The broken hip"


def test_a_story_does_not_read_on_into_the_next_frame() -> None:
    box = [
        run("News in brief", 60, 740, size=20, font="Sans-Bold"),
        *column(60, 715, 6, "Brief"),
        *column(320, 715, 6, "More"),
    ]
    # text set in a frame of its own under the box, its header lost (no headline)
    rest = [*column(60, 560, 14, "Other"), *column(320, 560, 14, "Second")]
    shapes = (frame((40, 640, 560, 770)), frame((40, 400, 560, 580)))
    found = [texts(i) for i in items([*box, *rest], shapes)]
    boxed = next(t for t in found if "News in brief" in t)
    assert not any(p.startswith(("Other", "Second")) for p in boxed)
    assert any(t and t[0].startswith("Other line 0") for t in found)


def test_a_ruled_off_contact_block_in_a_sidebar_is_one_box_of_labelled_entries() -> None:
    story = [
        run("Council votes on the new bridge", 200, 740, size=22, font="Sans-Bold"),
        *column(200, 710, 30, "Story"),
    ]
    side = [
        run("Coming up", 50, 740, font="Sans-Bold"),
        run("Town hall meeting, June 4", 50, 725),
        run("Harbour festival, June 9", 50, 710),
        run("Write to us:", 50, 640, font="Sans-Bold"),
        run("letters@courier.example", 50, 630),
        run("Call us:", 50, 610, font="Sans-Bold"),
        run("0100 555 0100", 50, 600),
    ]
    shapes = (
        Shape("rect", (44, 560, 176, 760), (240, 240, 240), True),  # the sidebar's tint
        Shape("rule", (50, 724.5, 160, 725), None),  # a link's underline, as wide
        Shape("rule", (48, 670, 172, 670.5), None),  # the rule over the contact block
    )
    found = items([*story, *side], shapes)
    contact = [i for i in found if any(p.text.startswith("Write") for p in i.paragraphs)]
    assert len(contact) == 1
    assert [p.text for p in contact[0].paragraphs] == [
        "Write to us: letters@courier.example",
        "Call us: 0100 555 0100",
    ]
    listed = next(i for i in found if i.headline is not None and i.headline.text == "Coming up")
    assert "Harbour festival" in " ".join(p.text for p in listed.paragraphs)
