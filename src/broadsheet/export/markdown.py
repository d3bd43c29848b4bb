"""Pages as Markdown for reading, and as plain text for corpora."""

from __future__ import annotations

from collections import Counter

from broadsheet.model import Document, Item, Page


def item_markdown(item: Item) -> str:
    """An item as a Markdown section: kicker, headline, teaser, byline, body, extras."""
    out: list[str] = []
    if item.kicker:
        out.append(f"*{item.kicker.text}*")
    if item.headline:
        out.append(f"## {item.headline.text}")
    elif item.type == "picture":
        out.append("## [Picture]")
    if item.teaser:
        out.append(f"**{item.teaser.text}**")
    if item.byline:
        out.append(f"*{item.byline.text}*")
    out.extend(p.text for p in item.paragraphs)
    out.extend(f"> {q.text}" for q in item.pull_quotes)
    if item.caption:
        out.append(item.caption.text)
    if item.credit:
        out.append(f"*{item.credit.text}*")
    out.extend(f"*{n.text}*" for n in item.notes)
    return "\n\n".join(out)


def page_markdown(page: Page) -> str:
    """The page's items, then how many hidden runs and how many lines of furniture and ads
    were left out (they must not vanish without a word: the JSON lists them)."""
    parts = [item_markdown(item) for item in page.items]
    notes = [note for note in (hidden_note(page), furniture_note(page)) if note]
    return "\n\n---\n\n".join(parts) + "".join(f"\n\n*({note})*" for note in notes) + "\n"


def hidden_note(page: Page) -> str:
    """How many runs of hidden text the page left out, and why, in words; "" for none."""
    if not page.hidden:
        return ""
    count = Counter(h.reason for h in page.hidden)
    whys = ", ".join(f"{n} {reason}" for reason, n in sorted(count.items()))
    runs = "run" if len(page.hidden) == 1 else "runs"
    return f"{len(page.hidden)} {runs} of hidden text left out: {whys}; -f json lists them"


def furniture_note(page: Page) -> str:
    """How many lines of page furniture (running heads, folios) and ads the page left out,
    in words; "" for none. Markdown and plain text hold the items only."""
    return left_out_note(len(page.furniture), len(page.ads))


def left_out_note(furniture: int, ads: int, pages: int = 1) -> str:
    """`furniture` lines of furniture and `ads` ads left out, in words ("" for none); on
    `pages` pages where more than one.

    >>> left_out_note(3, 1)
    '3 lines of furniture (running heads, folios) and 1 ad left out; -f json lists them'
    >>> left_out_note(1, 0, pages=2)
    '1 line of furniture (running heads, folios) on 2 pages left out; -f json lists them'
    """
    parts = []
    if furniture:
        lines = "line" if furniture == 1 else "lines"
        parts.append(f"{furniture} {lines} of furniture (running heads, folios)")
    if ads:
        parts.append(f"{ads} ad" if ads == 1 else f"{ads} ads")
    if not parts:
        return ""
    where = f" on {pages} pages" if pages > 1 else ""
    return f"{' and '.join(parts)}{where} left out; -f json lists them"


def document_markdown(doc: Document) -> str:
    if len(doc.pages) == 1:
        return page_markdown(doc.pages[0])
    return "\n".join(f"# Page {p.number}\n\n{page_markdown(p)}" for p in doc.pages)


def item_text(item: Item) -> str:
    """An item as plain text: its fields in reading order, one paragraph per line."""
    singles = [item.kicker, item.headline, item.teaser, item.byline]
    lines = [f.text for f in singles if f is not None]
    lines += [p.text for p in item.paragraphs]
    lines += [q.text for q in item.pull_quotes]
    lines += [f.text for f in (item.caption, item.credit) if f is not None]
    lines += [n.text for n in item.notes]
    return "\n".join(lines)


def document_text(doc: Document) -> str:
    """Every item of every page, separated by blank lines; pages by form feeds."""
    pages = ["\n\n".join(item_text(i) for i in p.items) + "\n" for p in doc.pages]
    return "\f".join(pages)
