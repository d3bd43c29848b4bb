"""Pull quotes found by repetition: a piece of a story that another piece repeats word for
word is a sentence lifted from the text and set large in the columns.

A text dump does not say what was set apart, so the repetition is the evidence; a PDF's
type adds that a quote is never set in the body's type.
"""

from __future__ import annotations

import re

from broadsheet.layout import roles
from broadsheet.layout.plan import Story
from broadsheet.layout.roles import Unit

# A pull quote lifted from the text is recognised by at least this many letters repeated.
MIN_QUOTE_LETTERS = 30
# ...or this many, when a PDF set it in display type (the type tells it is set apart).
MIN_SET_QUOTE_LETTERS = 12
# Pages with more body pieces than this are not searched for such quotes.
MAX_QUOTE_PIECES = 400


def repeated_quotes(stories: list[Story]) -> list[Story]:
    """A piece whose text another piece repeats word for word is a pull quote, a sentence
    lifted from the text and set large in its columns; it goes to the story that holds the
    sentence (a story left with nothing goes too)."""
    if sum(len(s.pieces) for s in stories) > MAX_QUOTE_PIECES:
        return stories  # the search is quadratic; no real page has this many pieces
    # Pieces only leave a story here (for pull quotes), so the candidates can be listed first.
    candidates = [(s, p) for s in stories for p in s.pieces if _may_be_quote(p)]
    letters = {id(p): _letters(p.text) for s in stories for p in s.pieces} if candidates else {}
    whole: dict[int, str] = {}
    for story, piece in candidates:
        quote = letters[id(piece)]
        if len(quote) < _shortest(piece):
            continue
        home = next((s for s in stories if quote in _text_without(s, piece, letters, whole)), None)
        if home is not None:
            story.pieces.remove(piece)
            whole.pop(id(story), None)
            home.pull_quotes.append(piece)
            if not (story.pieces or story.heads):
                _hand_over(story, home)
    return [s for s in stories if s.pieces or s.heads]


def _hand_over(emptied: Story, home: Story) -> None:
    """What a story left without text or head still holds (its credits, notes and quotes)
    goes with the quote to the story that took it: nothing a page holds is dropped."""
    home.pull_quotes += emptied.pull_quotes
    home.notes += emptied.notes
    home.credits += emptied.credits
    emptied.pull_quotes, emptied.notes, emptied.credits = [], [], []


def _shortest(piece: Unit) -> int:
    return MIN_SET_QUOTE_LETTERS if roles.set_as(piece, "display") else MIN_QUOTE_LETTERS


def _may_be_quote(piece: Unit) -> bool:
    """Not set in the body's type (a line of the story, never a pull quote) and long
    enough in characters (letters are fewer) to hold a quote."""
    return (
        piece.role != roles.SUBHEAD
        and not roles.set_as(piece, "body")
        and len(piece.text) >= _shortest(piece)
    )


def _text_without(story: Story, piece: Unit, letters: dict[int, str], whole: dict[int, str]) -> str:
    """The letters of a story's pieces but one, in dump order: a quoted sentence may run
    from one column piece into the next. The letters of a story the piece is not in are
    joined once (`whole`, until the story loses a piece)."""
    if any(q is piece for q in story.pieces):
        return "".join(letters[id(q)] for q in story.pieces if q is not piece)
    key = id(story)
    if key not in whole:
        whole[key] = "".join(letters[id(q)] for q in story.pieces)
    return whole[key]


_NOT_ALNUM_RE = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    """Only the letters and digits, casefolded: the same sentence however it was broken."""
    return _NOT_ALNUM_RE.sub("", text.casefold())
