"""What kind of input some bytes are, told without importing a reader.

The CLI asks this of every input; answering it from `load/pdf.py` would import PDFium's
bindings (about 40 ms) for text dumps too.
"""

from __future__ import annotations

# A PDF's header must be within this many bytes of the start (some files carry junk first).
PDF_HEADER_WINDOW = 1024


def is_pdf(data: bytes) -> bool:
    """True for bytes that start like a PDF (the header may follow some junk)."""
    return b"%PDF-" in data[:PDF_HEADER_WINDOW]
