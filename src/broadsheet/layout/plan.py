"""What a page's plan holds: its stories as they are put together, its pictures and its
furniture (`assemble.plan_page` makes it, `items.build_items` reads it).

Kept apart from `assemble.py` so that the modules `assemble` calls on (insets, quotes) can
name a story without importing the module that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.layout.captions import Picture
from broadsheet.layout.roles import Unit


@dataclass
class Story:
    """A story being put together: pieces in reading order and what heads it."""

    pieces: list[Unit]
    heads: list[Unit] = field(default_factory=list)
    pull_quotes: list[Unit] = field(default_factory=list)
    notes: list[Unit] = field(default_factory=list)
    credits: list[Unit] = field(default_factory=list)


@dataclass
class Plan:
    """Where every unit of a page went."""

    stories: list[Story]
    pictures: list[Picture]
    furniture: list[Unit]
    lang: str
    ads: list[Unit] = field(default_factory=list)
