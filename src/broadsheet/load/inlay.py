"""Glyphs drawn apart from their word, put back in its gap.

A PDF may draw a word's letter in a text object of its own, later in the content stream
than the rest of its line (a correction, a kerned pair set by hand): PDFium then reads the
line with a space where the letter stands ("Ta e a stab") and the letter as a run of its
own, which the line would place after the word or on another line ("k"). A single glyph
whose box falls on a space of a longer run on its baseline is that space's letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from broadsheet.model import Box
from broadsheet.page import Run
from broadsheet.utf16 import LAST_BMP

# The glyph's middle lies within this share of its type size of the space's middle.
MAX_OFFSET_EM = 0.5
# Runs whose feet lie within this share of their size stand on one baseline.
BASELINE_EM = 0.2


def inlaid(runs: Sequence[Run], box_of: Callable[[int], Box]) -> tuple[list[Run], list[int]]:
    """The runs with each stray glyph written into the space of the run it stands in, and
    the positions (in `runs`) of the runs kept. `box_of` gives a character's box by its
    index on PDFium's text page."""
    hosts: dict[int, list[int]] = {}
    for k, r in enumerate(runs):
        if len(r.text) > 1 and " " in r.text and r.upright:
            hosts.setdefault(round(r.box[1]), []).append(k)
    out = list(runs)
    gone: set[int] = set()
    for k, r in enumerate(runs):
        # (A glyph outside the BMP is two characters on PDFium's page, not a space's one.)
        if len(r.text) != 1 or r.text.isspace() or r.text > LAST_BMP or not r.upright or not hosts:
            continue
        for h in _near(hosts, r):
            at = _space_at(out[h], r, box_of)
            if at is not None:
                host = out[h]
                out[h] = host._replace(text=host.text[:at] + r.text + host.text[at + 1 :])
                gone.add(k)
                break
    kept = [k for k in range(len(runs)) if k not in gone]
    return [out[k] for k in kept], kept


def _near(hosts: dict[int, list[int]], r: Run) -> list[int]:
    """The runs with spaces whose feet lie near the glyph's."""
    foot = round(r.box[1])
    return [k for y in (foot - 1, foot, foot + 1) for k in hosts.get(y, ())]


def _space_at(host: Run, glyph: Run, box_of: Callable[[int], Box]) -> int | None:
    """The position in the host's text of the space the glyph stands on, if any."""
    g = glyph.box
    if abs(host.box[1] - g[1]) > BASELINE_EM * glyph.size or abs(host.size - glyph.size) > 0.5:
        return None
    if not host.box[0] < (g[0] + g[2]) / 2 < host.box[2]:
        return None
    middle = (g[0] + g[2]) / 2
    wide = 0  # characters outside the BMP so far: each is two on PDFium's page
    for at, ch in enumerate(host.text):
        if ch != " ":
            wide += ch > LAST_BMP
            continue
        b = box_of(host.first + at + wide)
        if abs((b[0] + b[2]) / 2 - middle) <= MAX_OFFSET_EM * glyph.size:
            return at
    return None
