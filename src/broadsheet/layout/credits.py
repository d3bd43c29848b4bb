"""Picture credits and agency credits by their form: a cue word ("Foto:", "Credit:"), a
photographer and an agency with a slash between ("Jane Roe/AP"), agencies in brackets at
a text's end ("(dpa)"). Both paths ask: the text stages of a unit's role (`roles`), and a
caption's end (`captions.split_credit`).
"""

from __future__ import annotations

import re

# A photo credit line is no longer than this.
MAX_CREDIT_CHARS = 80
PHOTO_CREDIT_RE = re.compile(
    r"^(?:Fotos?|Bilder?|Photos?|Photograph|Illustrations?|Grafik|Karikatur|Zeichnung|"
    r"Quelle|Credits?|Image|Picture|Abb\.)\s*:\s*\S|^©\s*\S"
    # or without a colon: "Photo courtesy of Jane Roe", "Photo by Jane Roe", "Courtesy of ..."
    r"|^(?:Photos?|Photograph|Image|Picture)\s+(?:courtesy\s+of|by)\s+\S|^Courtesy\s+of\s+\S",
    re.IGNORECASE,
)
# A sentence's end: its stop (and closing quotes or brackets), then white space.
SENTENCE_GAP_RE = re.compile(r"[.!?…][”’\"')]*\s+")
# A credit in the form photographers and agencies are named in: a name of two to four
# capitalised words (one word is a place: "Berlin/Brandenburg"), a slash and the agency
# ("Jane Roe/AP", "Max Muster/dpa"), nothing else.
NAME_SLASH_AGENCY_RE = re.compile(
    r"^[A-ZÀ-Ý][\w.'’-]*(?: [A-ZÀ-Ý][\w.'’-]*){1,3} ?/ ?[\w][\w.&-]*(?: [A-Z][\w.&-]*)?$"
)
AGENCY_RE = re.compile(r"\((?:[A-Za-z][A-Za-z.]{1,9}(?:\s*[,/]\s*|\s+))*[A-Za-z][A-Za-z.]{1,9}\)$")
# An agency named in lowercase is a code of at most this many letters ("dpa", "epd").
AGENCY_CODE_CHARS = 4


def is_photo_credit(text: str) -> bool:
    """A picture's credit as a whole: a cue word, or a photographer/agency form.

    >>> is_photo_credit("Foto: Jana Lind/imago"), is_photo_credit("Jana Lind/dpa")
    (True, True)
    >>> is_photo_credit("CDU/CSU"), is_photo_credit("Die Stadt baut.")
    (False, False)
    """
    return bool(PHOTO_CREDIT_RE.search(text) or NAME_SLASH_AGENCY_RE.match(text))


def credit_after_sentence(text: str) -> int | None:
    """Where a photo credit starts that follows a sentence on the same line ("... gegen
    Kiel. Foto: Henning Sörensen/imago"), or None.

    >>> line = "Sieg gegen Kiel. Foto: Henning Sörensen/imago"
    >>> line[credit_after_sentence(line):]
    'Foto: Henning Sörensen/imago'
    >>> credit_after_sentence("Der Bau ruht. Henrik Vollmer/dpa"), credit_after_sentence("Er ging.")
    (14, None)
    """
    for m in SENTENCE_GAP_RE.finditer(text):
        rest = text[m.end() :]
        if len(rest) <= MAX_CREDIT_CHARS and is_photo_credit(rest.strip()):
            return m.end()
    return None


def is_agency(text: str) -> bool:
    """The text is agencies named in brackets, and nothing else."""
    m = agency_at(text.strip())
    return m is not None and m.start() == 0


def agency_at(text: str) -> re.Match[str] | None:
    """Agencies named in brackets at the text's end ("(dpa)", "(AFP, Reuters)"), not a
    sentence in brackets ("(Read the report here.)"): an agency's name in lowercase is
    a short code.

    >>> bool(agency_at("Zehn Menschen starben. (AFP, Reuters)"))
    True
    >>> bool(agency_at("Do some planning. (Here are some insights.)"))
    False
    """
    m = AGENCY_RE.search(text)
    words = m.group(0).strip("()").replace(",", " ").replace("/", " ").split() if m else []
    if any(w.islower() and len(w.rstrip(".")) > AGENCY_CODE_CHARS for w in words):
        return None
    return m
