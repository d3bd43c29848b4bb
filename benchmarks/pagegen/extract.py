"""Text dumps of a PDF as real extractors make them, and the damage seen in the wild.

Extractors: pdftotext (poppler; default and `-raw`), pdfminer.six and pypdfium2. Each
returns the page's text as that tool writes it. Degradations then imitate what broken PDFs
and other tools do to such text; each is a function `(text, rng) -> text`, seeded.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

Extractor = Callable[[Path], str]
Degradation = Callable[[str, random.Random], str]

# Private-use stand-ins for ligatures, as a font without a ToUnicode map yields them.
PUA_LIGATURES = {"ffi": "\ue001", "ffl": "\ue002", "ff": "\ue000", "fi": "\ue003", "fl": "\ue004"}
_LIGATURE_RE = re.compile("ffi|ffl|ff|fi|fl")
# Share of long words whose letters an extractor spaced out (wide tracking).
LETTERSPACED_SHARE = 0.01
LETTERSPACED_MIN_LEN = 8
_LONG_WORD_RE = re.compile(rf"(?<!\S)[^\W\d_]{{{LETTERSPACED_MIN_LEN},}}(?:[:*_][^\W\d_]+)?(?!\S)")
_BLOCK_SEP_RE = re.compile(r"\n[ \t]*\n")


def pdftotext(path: Path, *args: str) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
        check=True,
        capture_output=True,
    )
    return done.stdout.decode("utf-8")


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def pdfium_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return "\f".join(pages)
    finally:
        pdf.close()


def extractors() -> dict[str, Extractor]:
    """The extractors this machine has: pdftotext only where poppler is installed."""
    found: dict[str, Extractor] = {}
    if shutil.which("pdftotext"):
        found["pdftotext"] = pdftotext
        found["pdftotext-raw"] = lambda p: pdftotext(p, "-raw")
    found["pdfminer"] = pdfminer_text
    found["pypdfium2"] = pdfium_text
    return found


def hyphen_minus(text: str, rng: random.Random) -> str:
    """Line-end hyphens as U+002D, as most real newspaper PDFs have them: the typesetter's
    U+2010 would tell a syllable break from a real hyphen, which real pages do not."""
    return text.replace("\u2010", "-")


def pua_ligatures(text: str, rng: random.Random) -> str:
    """Ligatures as private-use characters, one per ligature throughout (a broken font)."""
    return _LIGATURE_RE.sub(lambda m: PUA_LIGATURES[m.group()], text)


def fffd_spaces(text: str, rng: random.Random) -> str:
    """Every space of one block turned into U+FFFD (a box set in a font without a space)."""
    blocks = _BLOCK_SEP_RE.split(text)
    candidates = [k for k, b in enumerate(blocks) if b.count(" ") >= 10]
    if not candidates:
        return text
    k = rng.choice(candidates)
    blocks[k] = blocks[k].replace(" ", "\ufffd")
    return "\n\n".join(blocks)


def letterspaced(text: str, rng: random.Random) -> str:
    """A few long words with spaces inside them, as wide tracking makes extractors write."""

    def spread(m: re.Match[str]) -> str:
        word = m.group()
        if rng.random() >= LETTERSPACED_SHARE:
            return word
        cuts = sorted(rng.sample(range(2, len(word) - 1), k=min(3, len(word) - 3)))
        pieces = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
        return " ".join(pieces)

    return _LONG_WORD_RE.sub(spread, text)


DEGRADATIONS: dict[str, tuple[Degradation, ...]] = {
    "none": (),
    "hyphen-minus": (hyphen_minus,),
    "pua-ligatures": (hyphen_minus, pua_ligatures),
    "fffd-spaces": (hyphen_minus, fffd_spaces),
    "letterspaced": (hyphen_minus, letterspaced),
    "stream-shuffled": (hyphen_minus,),
}
# Degradations of the PDF itself, made before extraction (see reorder.shuffle_stream): the
# text blocks drawn in a random order, every glyph where it was. (This replaced shuffling
# the blocks of the dump: an extractor that sorts by position, as pdftotext does, is not
# fooled by the drawing order, and the test should not pretend that it is.)
PDF_DEGRADATIONS = frozenset({"stream-shuffled"})


def degrade(text: str, name: str, seed: int) -> str:
    """Apply the named degradation with its own seeded generator."""
    rng = random.Random(f"{name}:{seed}")
    for step in DEGRADATIONS[name]:
        text = step(text, rng)
    return text
