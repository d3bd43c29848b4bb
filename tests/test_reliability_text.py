"""Bad text dumps from the reliability campaign (issue 16): each ends in a result with a
note, or in a one-line error, never in a traceback, an empty success or a hang.

The reproducers are copied under tests/cases/reliability/ (CI has no ../shared).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import broadsheet.load.text as text_module
from broadsheet.cli import main
from broadsheet.errors import InputError
from broadsheet.load.text import decode, page_spans
from broadsheet.pipeline import parse_bytes, parse_text

CASES = Path(__file__).resolve().parent / "cases" / "reliability"
FORMATS = ("json", "jsonl", "markdown", "text")
_SURROGATES = re.compile("[\ud800-\udfff]")
SENTENCE = "Der Rat hat am Montag die neue Brücke über den Fluss beschlossen.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The CLI in this process: exit status, stdout, stderr."""
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    """One line on stderr, the CLI's error prefix, no traceback."""
    assert err.startswith("broadsheet: error: "), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err


# --- 1. UTF-16 that is not quite UTF-16: decoded, with a note ------------------------

UTF16_BAD = [
    "repro-utf16-odd-length.txt",
    "repro-utf16-lone-surrogate.txt",
    "text-seed-utf16-odd-length.bin",
    "text-seed-utf16-lone-surrogate.bin",
]


def test_utf16_odd_length_keeps_the_text_and_says_so() -> None:
    source = decode((CASES / "repro-utf16-odd-length.txt").read_bytes())
    assert source.text == "Satz\ufffd"
    assert source.encoding == "utf-16"
    assert len(source.notes) == 1 and "odd number of bytes (11)" in source.notes[0]


def test_utf16_lone_surrogate_becomes_replacement_with_a_note() -> None:
    source = decode((CASES / "repro-utf16-lone-surrogate.txt").read_bytes())
    assert source.text == "\ufffda"
    assert source.notes == (
        "1 unpaired UTF-16 surrogate (the first on line 1) decoded as U+FFFD; "
        "the extractor may have cut a character in two",
    )


def test_utf16_surrogates_counted_and_placed() -> None:
    """Both orders of UTF-16, a high and a low surrogate alone, a good pair between; the
    line named is the first bad one's, CRLF counted as one line end."""
    text = "eins\r\nzwei \ud800 drei\n\U0001f600 \udc00 vier"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        source = decode(bom + text.encode(codec, "surrogatepass"))
        assert source.text == "eins\nzwei \ufffd drei\n\U0001f600 \ufffd vier"
        assert source.notes[0].startswith("2 unpaired UTF-16 surrogates (the first on line 2)")


def test_utf16_good_input_has_no_note() -> None:
    source = decode(("Ein Satz.\r\n\U0001f600\n" * 3).encode("utf-16"))
    assert source.notes == ()
    assert source.text == "Ein Satz.\n\U0001f600\n" * 3


@pytest.mark.parametrize("name", UTF16_BAD)
@pytest.mark.parametrize("fmt", FORMATS)
def test_utf16_reproducers_give_a_result_and_a_note(
    name: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(CASES / name), "-f", fmt], capsys)
    assert code == 0, err
    assert "Traceback" not in err
    notes = [ln for ln in err.splitlines() if ln.startswith("broadsheet: note: ")]
    assert any("U+FFFD" in ln for ln in notes), err
    assert out.strip()
    if fmt == "json":
        pages = json.loads(out)["pages"]
        assert pages and all(any("U+FFFD" in w for w in p["warnings"]) for p in pages)


def test_utf16_seed_keeps_its_words(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed dump cut one byte short loses that byte only: its last words come out."""
    data = (CASES / "text-seed-utf16-odd-length.bin").read_bytes()
    tail = data[: len(data) - 1].decode("utf-16").split()[-3:]
    code, out, _ = run([str(CASES / "text-seed-utf16-odd-length.bin"), "-f", "text"], capsys)
    assert code == 0
    assert " ".join(tail).rstrip(".") in " ".join(out.split())


# UTF-8 with what UTF-8 forbids: surrogates encoded (CESU-8, Python's surrogatepass),
# overlong forms, a sequence cut short, stray continuation bytes, bytes never in UTF-8.
BAD_UTF8 = {
    "cesu-surrogate": b"Der Text \xed\xa0\x80 geht weiter.\n",
    "cesu-pair": b"Ein Gesicht \xed\xa0\xbd\xed\xb8\x80 hier.\n",
    "overlong": b"Der Text \xc0\xaf geht \xe0\x80\xaf weiter.\n",
    "cut-short": b"Die Br\xc3",
    "stray-continuation": b"Der \x80\xbf Text geht weiter.\n",
    "never-utf8": b"Der \xfe\xff\xf8 Text geht weiter.\n",
    "above-unicode": b"Der \xf4\x90\x80\x80 Text.\n",
}


@pytest.mark.parametrize("case", sorted(BAD_UTF8))
def test_invalid_utf8_takes_the_legacy_path(case: str) -> None:
    source = decode(BAD_UTF8[case] * 20)
    assert source.encoding in ("cp1252", "latin-1")
    assert source.notes == (f"input is not UTF-8; decoded as {source.encoding}",)
    assert all(not "\ud800" <= c <= "\udfff" for c in source.text)


@pytest.mark.parametrize("case", sorted(BAD_UTF8))
@pytest.mark.parametrize("fmt", FORMATS)
def test_invalid_utf8_on_the_command_line(
    tmp_path: Path, case: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "dump.txt"
    f.write_bytes(BAD_UTF8[case] * 20)
    code, out, err = run([str(f), "-f", fmt], capsys)
    assert code == 0 and out.strip(), err
    assert "Traceback" not in err and "not UTF-8" in err


# --- 2. No text at all: an error in every format ------------------------------------

BLANK_CASES = [
    "repro-unicode-blank.txt",
    "text-only-bom.bin",
    "text-utf16-bom-only.bin",
    "text-bom-and-spaces.bin",
    "text-unicode-whitespace-only.bin",
    "text-unicode-whitespace-only-jsonl.bin",
    "text-unicode-whitespace-only-md.bin",
    "text-formfeeds-nbsp.bin",
    "text-random-unicode-utf16-122.bin",
]


@pytest.mark.parametrize("name", BLANK_CASES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_text_is_a_one_line_error(
    name: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(CASES / name), "-f", fmt], capsys)
    assert code == 1 and out == ""
    assert_one_line_error(err)
    assert "no text" in err or "empty" in err


@pytest.mark.parametrize("name", BLANK_CASES)
def test_no_text_is_an_error_in_the_library(name: str) -> None:
    with pytest.raises(InputError, match=r"no text|empty"):
        parse_bytes((CASES / name).read_bytes(), name=name)


# Every character Unicode calls white space, as the page cutter (str.strip) takes it.
WHITE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


@pytest.mark.parametrize("white", list(WHITE))
def test_refusal_agrees_with_the_page_cutter(white: str) -> None:
    """A dump is refused exactly when the page cutter finds no page in it; the control
    characters among the white space (U+001C-U+001F) are refused as binary first."""
    for data in ((white * 3).encode(), codecs.BOM_UTF8 + white.encode(), white.encode("utf-16")):
        assert not page_spans(white * 3)
        with pytest.raises(InputError, match=r"no text|empty|binary"):
            decode(data)
    text = f"{white}{SENTENCE * 3}{white}"  # a control character under 2 %: text
    assert page_spans(text) and decode(text.encode()).text


# --- 3. Huge pages: refused before any work, per page -------------------------------


def over_chars() -> bytes:
    """One line just past MAX_PAGE_CHARS, as the campaign's 50 MB line (in little)."""
    return ("Wort " * (text_module.MAX_PAGE_CHARS // 5 + 1)).encode()


def over_lines() -> bytes:
    """One-word lines just past MAX_PAGE_LINES, as the campaign's million lines."""
    return b"Wort\n" * text_module.MAX_PAGE_LINES + b"Wort"


def test_limits_are_per_page_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "MAX_PAGE_LINES", 3)
    monkeypatch.setattr(text_module, "MAX_PAGE_CHARS", 40)
    page = "Ein Satz.\nNoch einer.\nDer dritte.\n"  # 3 lines (the last one empty), 34 chars
    assert len(decode(((page + "\f") * 50).encode()).text) == 50 * (len(page) + 1)
    with pytest.raises(InputError, match=r"page 2 has 4 lines; .* at most 3 a page"):
        decode((page + "\f" + page + "Vier\f" + page).encode())
    with pytest.raises(InputError, match=r"page 3 has 41 characters; .* at most 40 a page"):
        decode((page + "\f" + page + "\f" + page + "x" * 7).encode())


def test_blank_pages_do_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit numbers the pages as the output does: empty pages are no pages."""
    monkeypatch.setattr(text_module, "MAX_PAGE_LINES", 2)
    with pytest.raises(InputError, match=r"page 2 has 3 lines"):
        decode(b"eins\f\n\n\n\f \fzwei\n\ndrei")


@pytest.mark.parametrize("make", [over_chars, over_lines])
def test_just_over_the_limit_is_refused_in_the_library(make: Callable[[], bytes]) -> None:
    with pytest.raises(InputError, match="MAX_PAGE_"):
        parse_bytes(make(), name="big.txt")


@pytest.mark.parametrize("make", [over_chars, over_lines])
@pytest.mark.parametrize("fmt", FORMATS)
def test_just_over_the_limit_is_a_one_line_error(
    tmp_path: Path, make: Callable[[], bytes], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(make())
    code, out, err = run([str(f), "-f", fmt], capsys)
    assert code == 1 and out == ""
    assert_one_line_error(err)
    assert "page 1 has" in err and "form feeds" in err


def test_the_campaigns_shapes_are_refused_at_once() -> None:
    """A million tiny lines (2 MB) and a 5 MB line: refused by decode, before the layout
    (which took 1 GB and minutes on them) ever sees them."""
    for data in (b"a\n" * 1_000_000, b"Wort " * 1_000_000):
        with pytest.raises(InputError, match="MAX_PAGE_CHARS"):
            decode(data)


def test_a_str_with_lone_surrogates_is_read_with_a_note() -> None:
    """A str read with errors="surrogateescape" (or cut from UTF-16 halves) holds lone
    surrogates, which UTF-8 cannot encode: parse_text reads it as decode reads UTF-16."""
    doc = parse_text("Der Rat tagt \udc80 heute.\n\nEin Satz \ud800 mehr.\n")
    assert "\ufffd" in doc.source.text and not _SURROGATES.search(doc.source.text)
    assert any("2 unpaired UTF-16 surrogates" in w for w in doc.pages[0].warnings)
    assert parse_text(SENTENCE).source.encoding == "utf-8"


def test_the_body_text_a_quote_is_sought_in_is_built_once_a_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dump page of thousands of short lines without blank lines has hundreds of short
    blocks that might be quotes of the body; the body's words were built again for each
    (without it), so a page of 20,000 lines (within MAX_PAGE_LINES) took a minute. The
    blocks handed to it now number no more than the page's lines."""
    import random

    import broadsheet.layout.dump_insets as dump_insets
    import broadsheet.layout.recurrence as recurrence

    gathered: list[int] = []
    real_spaced = recurrence.spaced

    def counting(units):  # type: ignore[no-untyped-def]
        gathered.append(len(units))
        return real_spaced(units)

    monkeypatch.setattr(dump_insets, "spaced", counting)
    words = [*SENTENCE.split(), "und", "die", "Stadt", "sagte", "nicht"]
    rng = random.Random(7)
    lines = [" ".join(rng.choice(words) for _ in range(3)) for _ in range(3000)]
    assert parse_text("\n".join(lines)).pages[0].items
    assert sum(gathered) <= len(lines), gathered[:5]  # a block is a line or more


def test_a_word_cut_at_a_blocks_end_asks_the_lexicon_once_a_part() -> None:
    """follow_hyphens asked the lexicon of every cut word against every block (a page of
    9,000 one-line blocks took 9 s in the layout); now once for each cut word's part and
    each distinct opening word part."""
    from broadsheet.layout.fragments import follow_hyphens
    from broadsheet.model import Block, Traced

    cut = [Block((Traced("Die Stadt will den Aus-"),), k) for k in range(300)]
    rest = [Block((Traced("bau beginnen."),), 300 + k) for k in range(300)]
    asked: list[str] = []

    def known(word: str) -> bool:
        asked.append(word)
        return word == "Ausbau"

    follow_hyphens([*cut, *rest], known)
    assert asked == ["Ausbau"]


def test_a_byline_on_a_blocks_last_line_makes_no_empty_block() -> None:
    """teasers_over_bylines cuts after the byline too; when the byline is the block's last
    line, that cut is the block's end, and segment made a block of no lines of it, which
    the roles stage could not read (a ValueError on a stream-shuffled dump of a generated
    page, found by benchmarks/conservation.py)."""
    from broadsheet.layout.segment import _cut
    from broadsheet.model import Traced

    lines = tuple(
        Traced(t)
        for t in ("Schulen bekommen mehr Geld", "Die Länder zahlen ab Herbst für Nachhilfe.",
                  "Von Eva Muster")
    )  # fmt: skip
    pieces = _cut(lines, drawn=True)
    assert all(pieces) and sum(map(len, pieces)) == 3
