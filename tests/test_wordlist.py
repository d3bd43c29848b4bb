"""The cached word list (repair/wordlist.py) answers as wordfreq's dict did, and its cache
file is made, read back, rebuilt and done without as the module says.

Every test points BROADSHEET_CACHE at its own folder, so none touches the user's cache.
English, the smaller list, is built where a test needs a real one.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict

from broadsheet.repair import wordlist
from broadsheet.repair.lexicon import frequencies, zipf_of

# Words whose zipf must come out as before: common, rare, unknown, casefolded "ß" (wordfreq
# lists "weiss"), apostrophes (straight and typographic), hyphens, capitals, odd strings.
WORDS = (
    "und", "der", "the", "and", "Haus", "haus", "weiß", "weiss", "Straße", "strasse",
    "don't", "don’t", "l'amour", "o'clock", "e-mail", "E-Mail", "zzqxv", "nished", "",
    " ", "ﬁnden", "finden", "İstanbul", "\ud800", "a\x00b", "x" * 300,
)  # fmt: skip
SAMPLE = 2000


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BROADSHEET_CACHE", str(folder))
    return folder


# A stand-in for wordfreq's list where a test is about the cache file, not the words.
SMALL = {"the": 127, "weiss": 325, "don't": 400, "zebra": 520}


def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages `wordlist.build` is asked for from now on, in order (it answers
    `SMALL`, for speed: the real lists have tests of their own)."""
    asked: list[str] = []

    def counted(lang: str) -> dict[str, int]:
        asked.append(lang)
        return dict(SMALL)

    monkeypatch.setattr(wordlist, "build", counted)
    return asked


def same_as_wordfreq(words: wordlist.WordList, lang: str) -> None:
    """Lookups and zipf values as the lexicon made them from wordfreq's dict."""
    ref = get_frequency_dict(lang, wordlist="best")
    rng = random.Random(14)
    sample = rng.sample(sorted(ref), SAMPLE)
    for word in (*WORDS, *sample, *(w.upper() for w in sample), *(w + "x" for w in sample)):
        key = word.casefold()
        assert words.get(key, 0.0) == ref.get(key, 0.0), word
        assert zipf_of(words.get(key, 0.0)) == zipf_of(ref.get(key, 0.0)), word
        assert (key in words) == (key in ref), word


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_cache_answers_as_wordfreq(cache: Path, lang: str) -> None:
    built = wordlist.load(lang)
    same_as_wordfreq(built, lang)
    same_as_wordfreq(wordlist.load(lang), lang)  # read back from the file
    assert len(built) == len(get_frequency_dict(lang, wordlist="best"))


def test_every_word_keeps_its_exact_frequency(cache: Path) -> None:
    assert dict(wordlist.load("en").items()) == get_frequency_dict("en", wordlist="best")


def test_the_lexicon_reads_the_cached_list() -> None:
    words = frequencies("en")
    assert isinstance(words, wordlist.WordList)
    assert "the" in words and "zzqxv" not in words


def test_a_second_load_reads_the_file_not_wordfreq(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = builds(monkeypatch)
    first = wordlist.load("en")
    assert [p.name for p in cache.iterdir()] == [wordlist.cache_path("en").name]
    again = wordlist.load("en")
    assert asked == ["en"]
    assert (
        list(again.items())
        == list(first.items())
        == sorted((w, 10 ** (-b / 100)) for w, b in SMALL.items())
    )


def _older_format(data: bytes) -> bytes:
    """The same list with the header of an older format version."""
    magic, mark, _, count, slots, size = wordlist.HEADER.unpack_from(data)
    older = wordlist.HEADER.pack(magic, mark, wordlist.FORMAT_VERSION - 1, count, slots, size)
    return older + data[wordlist.HEADER.size :]


def _header(data: bytes, **fields: int) -> bytes:
    """The file with some of its header's numbers changed."""
    magic, mark, version, count, slots, size = wordlist.HEADER.unpack_from(data)
    numbers = {"count": count, "slots": slots, "size": size} | fields
    header = wordlist.HEADER.pack(magic, mark, version, *numbers.values())
    return header + data[wordlist.HEADER.size :]


def _other_byte_order(data: bytes) -> bytes:
    """The header as a machine of the other byte order would read it."""
    magic, mark, version, count, slots, size = wordlist.HEADER.unpack_from(data)
    swapped = int.from_bytes(mark.to_bytes(4, "little"), "big")
    other = wordlist.HEADER.pack(magic, swapped, version, count, slots, size)
    return other + data[wordlist.HEADER.size :]


# How the cache files of `test_a_spoilt_cache_file_is_built_again` are spoilt, in order.
SPOILT = (
    "empty", "junk", "cut", "padded", "header", "older", "magic", "order", "count",
    "full table", "odd table",
)  # fmt: skip


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: b"",
        lambda data: b"not a word list at all",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data + b"\0",  # padded
        lambda data: data[: wordlist.HEADER.size],
        _older_format,
        lambda data: b"XXXX" + data[4:],  # another magic
        _other_byte_order,
        lambda data: _header(data, count=2**31),  # more words than the file holds
        lambda data: _header(data, slots=2),  # fewer slots than words: no empty slot
        lambda data: _header(data, slots=7),  # not a power of two
    ],
    ids=SPOILT,
)
def test_a_spoilt_cache_file_is_built_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch, spoil: Callable[[bytes], bytes]
) -> None:
    asked = builds(monkeypatch)
    wordlist.load("en")
    path = wordlist.cache_path("en")
    good = path.read_bytes()
    path.write_bytes(spoil(good))
    words = wordlist.load("en")
    assert asked == ["en", "en"]
    assert words.get("weiss") == 10 ** (-325 / 100) and "weiß" not in words
    assert path.read_bytes() == good  # and the file is whole again


@pytest.mark.parametrize("part", ["offsets", "slots", "slots all taken"])
def test_a_garbled_file_never_crashes_or_hangs_a_lookup(
    cache: Path, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    """A file whole in form but garbled inside (a bad disk) gives wrong answers, not errors."""
    builds(monkeypatch)
    wordlist.load("en")
    path = wordlist.cache_path("en")
    data = bytearray(path.read_bytes())
    _, _, _, count, slots, _ = wordlist.HEADER.unpack_from(data)
    offsets_at, table_at, buckets_at, _ = wordlist._sizes(count, slots)
    if part == "offsets":  # the first and last kept, as parse checks them
        inner = slice(offsets_at + 4, table_at - 4)
        data[inner] = random.Random(1).randbytes(inner.stop - inner.start)
    else:
        table = slice(table_at, buckets_at)
        noise = random.Random(2).randbytes(table.stop - table.start)
        data[table] = bytes(table.stop - table.start) if part == "slots all taken" else noise
    path.write_bytes(bytes(data))
    words = wordlist.load("en")
    for word in (*SMALL, "", "zzz", "\ud800"):
        assert isinstance(words.get(word), float) and isinstance(word in words, bool)


def test_an_unwritable_cache_folder_builds_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BROADSHEET_CACHE", str(blocker / "cache"))
    asked = builds(monkeypatch)
    assert wordlist.load("en").get("the") == 10 ** (-127 / 100)
    assert wordlist.load("en").get("the") == 10 ** (-127 / 100)
    assert asked == ["en", "en"]  # nothing cached: built each time, and nothing said
    assert blocker.read_text() == "not a folder"


def test_a_failed_write_leaves_no_temporary_file(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(src: object, dst: object) -> None:
        raise PermissionError("read-only")

    builds(monkeypatch)
    monkeypatch.setattr(os, "replace", refused)
    assert wordlist.load("en").get("the") == 10 ** (-127 / 100)
    assert list(cache.iterdir()) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    builds(monkeypatch)
    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        wordlist.load("en")
    assert list(cache.iterdir()) == []


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BROADSHEET_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert wordlist.cache_dir() == tmp_path / "home" / ".cache" / "broadsheet"
    monkeypatch.setenv("XDG_CACHE_HOME", "")  # empty counts as unset
    assert wordlist.cache_dir() == tmp_path / "home" / ".cache" / "broadsheet"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert wordlist.cache_dir() == tmp_path / "xdg" / "broadsheet"
    monkeypatch.setenv("BROADSHEET_CACHE", str(tmp_path / "own"))
    assert wordlist.cache_dir() == tmp_path / "own"


def test_the_file_is_named_for_the_language_format_and_wordfreq(cache: Path) -> None:
    name = wordlist.cache_path("de").name
    assert name.startswith(f"wordfreq-de-v{wordlist.FORMAT_VERSION}-")
    assert wordlist.wordfreq_fingerprint() in name
    assert wordlist.cache_path("en") != wordlist.cache_path("de")
