"""A credit printed at the end of its caption, split off ("… in Tianjin. AFP").

Where the page sets the credit in a type of its own, the PDF path has cut it off already
(layout/pictures.py); what is left is a credit in the caption's own type, or any credit in
a text dump. After the caption's last full stops, a credit reads as one: a label ("Credit:
Leslie Johnston", the cues of `roles.PHOTO_CREDIT_RE`), or a name in capitals, which is how
agencies and photographers are credited ("AFP", "EMMANUAL YOGINI"). The credit keeps its
label; both parts stay traced to the source.
"""

from __future__ import annotations

import re

from broadsheet.layout.roles import PHOTO_CREDIT_RE
from broadsheet.model import Traced

# A credit at a caption's end has at most this many characters, and a name in capitals at
# most this many words (more is a sentence set in capitals, not a name).
MAX_CREDIT_CHARS = 80
MAX_NAME_WORDS = 4
# A sentence's end: its stop (and closing quotes or brackets), then white space.
SENTENCE_GAP_RE = re.compile(r"[.!?…][”’\"')]*\s+")


def split_credit(caption: Traced) -> tuple[Traced, Traced | None]:
    """The caption without the credit at its end, and that credit (None if it has none).
    The longest credit-like tail after a full stop wins, so a name with initials ("Photo:
    A. Smith") stays whole."""
    text = caption.text
    for m in SENTENCE_GAP_RE.finditer(text, max(0, len(text) - MAX_CREDIT_CHARS - 2)):
        tail = text[m.end() :]
        if tail and _credit(tail, text[: m.start()]):
            head = caption.slice(0, m.end()).strip()
            return head, caption.slice(m.end(), len(text)).strip()
    return caption, None


def _credit(tail: str, before: str) -> bool:
    if len(tail) > MAX_CREDIT_CHARS:
        return False
    if PHOTO_CREDIT_RE.match(tail):
        return True
    words = tail.split()
    return (
        len(words) <= MAX_NAME_WORDS
        and all(w.isupper() for w in words)
        and sum(c.isalpha() for c in tail) >= 2
        and not before.isupper()  # a caption set in capitals throughout names nobody
    )
