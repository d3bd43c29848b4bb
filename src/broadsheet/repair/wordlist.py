"""wordfreq's word lists in a compact form, made once per machine and mapped in a millisecond.

Importing wordfreq (about 0.1 s) and unpacking its German list into a dict (634,502 words,
about 0.2 s) used to cost more than reading a whole page. The lexicon only ever asks one
thing of the list: a word's frequency. So on first use per language the list is written to
a cache file (`cache_dir()`): the words sorted as UTF-8 bytes in one blob, an array of
where each word starts, each word's frequency as wordfreq stores it, and a hash table of
word indices. wordfreq files words in buckets of whole centibels: bucket i holds the words
of frequency `10 ** (-i / 100)`; the file keeps i, and the lookup turns it into the float
by wordfreq's own expression, so the frequency, and every zipf derived from it, is exactly
what wordfreq's dict gave. Later runs map the file (nothing is read or copied but the pages
a lookup touches) and find a word by its CRC-32 in the table.

The cache holds wordfreq's data (CC-BY-SA), never the package: it is made on the user's
machine from the wordfreq they installed. Its name carries the format and a fingerprint of
that wordfreq, so a new wordfreq or format makes a new file (the old one is left where it
is); a file that does not read back whole (cut short, another format) is built again. It is
written to a temporary file and renamed into place, so workers racing on first use never
read half a file; where the cache directory is not writable, the list is built in memory
and nothing is said.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
import zlib
from array import array
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Final

# Bumped whenever the file's layout changes: older files are then not read.
FORMAT_VERSION = 2
MAGIC = b"BSWL"
# Written in the machine's own byte order, which the arrays are in too: a file from a
# machine of the other order reads this back wrong and is built again.
BYTE_ORDER_MARK = 0x01020304
# magic, byte-order mark, format version, words, hash slots, bytes of the word blob.
HEADER = struct.Struct("=4sIIIII")
# Arrays in file order (4-byte ones first, so each starts aligned in the mapped file).
OFFSET_TYPE: Final = "I"  # where each word starts in the file (files stay well under 4 GB)
SLOT_TYPE: Final = "I"  # a word's index, in the slot its hash leads to
BUCKET_TYPE: Final = "H"  # wordfreq's buckets run to 800 cB and more than 256 are used
ITEM_SIZE = {t: array(t).itemsize for t in (OFFSET_TYPE, SLOT_TYPE, BUCKET_TYPE)}
EMPTY_SLOT = 0xFFFFFFFF
# The hash table is at most this full; its size is a power of two, so it is 0.35 to 0.7 full
# (linear probing: at 0.6 about 1.8 probes find a word, 3.6 tell one is not listed).
MAX_LOAD = 0.7
# The word list wordfreq is asked for (its largest list for the language).
WORDLIST = "best"
# The cache file's mode: readable by all, like the data it holds (mkstemp makes it private),
# so a cache directory shared between users serves them all.
CACHE_MODE = 0o644
# Lone surrogates in a word are kept as bytes that no word of the list holds.
ENCODING_ERRORS = "surrogatepass"

Data = bytes | mmap.mmap


class WordList:
    """Word -> frequency for one language, read like wordfreq's dict (`in`, `get`, `items`).

    Words are the list's own keys (wordfreq casefolds them), looked up as given. Lookups
    read the mapped file in place: offsets, slots and buckets are memoryviews into it."""

    def __init__(
        self, data: Data, offsets: memoryview[int], slots: memoryview[int], buckets: memoryview[int]
    ) -> None:
        self._data = data
        self._offsets = offsets  # len(words) + 1 entries: word i is data[o[i]:o[i + 1]]
        self._slots = slots
        self._mask = len(slots) - 1
        self._buckets = buckets

    def __len__(self) -> int:
        return len(self._buckets)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __iter__(self) -> Iterator[str]:
        """The words in the order of their UTF-8 bytes."""
        data, offsets = self._data, self._offsets
        for i in range(len(self)):
            yield data[offsets[i] : offsets[i + 1]].decode("utf-8", ENCODING_ERRORS)

    def items(self) -> Iterator[tuple[str, float]]:
        """Each word with its frequency, in the order of `__iter__`."""
        return zip(self, map(frequency_of, self._buckets), strict=True)

    def get(self, word: str, default: float = 0.0) -> float:
        """The word's frequency (a share of all words), or `default` where it is not listed."""
        i = self._find(word)
        return frequency_of(self._buckets[i]) if i >= 0 else default

    def _find(self, word: str) -> int:
        """The word's index, -1 if it is not listed: the slots from its hash on, up to the
        first empty one (at most all of them, and indices checked, should the file be
        garbled: a wrong answer then, never an error or an endless loop)."""
        key = word.encode("utf-8", ENCODING_ERRORS)
        data, offsets, slots, mask = self._data, self._offsets, self._slots, self._mask
        count = len(self._buckets)
        at = zlib.crc32(key) & mask
        for _ in range(len(slots)):
            i = slots[at]
            if i == EMPTY_SLOT:
                return -1
            if i < count and data[offsets[i] : offsets[i + 1]] == key:
                return i
            at = (at + 1) & mask
        return -1


def frequency_of(bucket: int) -> float:
    """The frequency wordfreq gives a word of bucket `bucket`: its `cB_to_freq(-bucket)`,
    the same expression, so the same float."""
    return float(10 ** (-bucket / 100))


def load(lang: str) -> WordList:
    """The language's word list: from the cache file, built (and cached) where there is none
    that reads back whole."""
    path = cache_path(lang)
    mapped = _mapped(path)
    if mapped is not None:
        cached = parse(mapped)
        if cached is not None:
            return cached
        with contextlib.suppress(BufferError):  # no view of it is left; were one, GC closes it
            mapped.close()  # let go before the file is replaced (Windows will not replace it)
    return _built(lang, path)


def _mapped(path: Path) -> mmap.mmap | None:
    """The file mapped read-only; None where it is missing, unreadable or empty."""
    try:
        with open(path, "rb") as f:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # mmap refuses an empty file with ValueError
        return None


def _built(lang: str, path: Path) -> WordList:
    """Build the list from wordfreq and try to cache it; in memory only where that fails."""
    data = encode(build(lang))
    write_atomically(path, data)
    parsed = parse(data)
    if parsed is None:  # cannot happen: `encode` writes what `parse` reads
        raise AssertionError("a freshly encoded word list does not read back")
    return parsed


def build(lang: str) -> dict[str, int]:
    """wordfreq's list as word -> bucket index (centibels, negated). A word filed in two
    buckets keeps the later, as in wordfreq's own `get_frequency_dict`."""
    from wordfreq import get_frequency_list  # imported only here: it costs about 0.1 s

    buckets: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list(lang, wordlist=WORDLIST)):
        for word in bucket:
            buckets[word] = index
    return buckets


def encode(buckets: dict[str, int]) -> bytes:
    """The file: header, where each word starts (in the file; and where the last ends), the
    hash table, each word's bucket, then the words sorted as UTF-8 bytes, one after another."""
    pairs = sorted((w.encode("utf-8", ENCODING_ERRORS), b) for w, b in buckets.items())
    words = [w for w, _ in pairs]
    slots = hash_table(words)
    sizes = _sizes(len(words), len(slots))
    offsets = array(OFFSET_TYPE, accumulate(map(len, words), initial=sizes[-1]))
    blob = b"".join(words)
    header = HEADER.pack(MAGIC, BYTE_ORDER_MARK, FORMAT_VERSION, len(words), len(slots), len(blob))
    bucket_ids = array(BUCKET_TYPE, (b for _, b in pairs))
    return b"".join((header, offsets.tobytes(), slots.tobytes(), bucket_ids.tobytes(), blob))


def hash_table(words: list[bytes]) -> array[int]:
    """Each word's index in the first free slot from its CRC-32 on (linear probing), in a
    table of a power of two slots at most MAX_LOAD full (at least one slot stays empty)."""
    size = 1 << max(int(len(words) / MAX_LOAD), 1).bit_length()
    mask = size - 1
    slots = array(SLOT_TYPE, [EMPTY_SLOT]) * size
    for i, word in enumerate(words):
        at = zlib.crc32(word) & mask
        while slots[at] != EMPTY_SLOT:
            at = (at + 1) & mask
        slots[at] = i
    return slots


def _sizes(count: int, slots: int) -> tuple[int, int, int, int]:
    """Where the offsets, slots, buckets and words start in a file of `count` words."""
    offsets = HEADER.size
    table = offsets + (count + 1) * ITEM_SIZE[OFFSET_TYPE]
    buckets = table + slots * ITEM_SIZE[SLOT_TYPE]
    return offsets, table, buckets, buckets + count * ITEM_SIZE[BUCKET_TYPE]


def parse(data: Data) -> WordList | None:
    """The word list a file holds, or None where it is not one whole list of this format
    (empty, cut short, padded, another format or byte order): the caller builds it again."""
    if len(data) < HEADER.size:
        return None
    magic, mark, version, count, slots, blob_size = HEADER.unpack_from(data)
    if (magic, mark, version) != (MAGIC, BYTE_ORDER_MARK, FORMAT_VERSION):
        return None
    offsets_at, table_at, buckets_at, words_at = _sizes(count, slots)
    if len(data) != words_at + blob_size or slots <= count or slots & (slots - 1):
        return None  # the size the header promises, and a table with empty slots
    view = memoryview(data)
    offsets = view[offsets_at:table_at].cast(OFFSET_TYPE)
    if offsets[0] != words_at or offsets[-1] != len(data):
        return None
    table = view[table_at:buckets_at].cast(SLOT_TYPE)
    return WordList(data, offsets, table, view[buckets_at:words_at].cast(BUCKET_TYPE))


def write_atomically(path: Path, data: bytes) -> bool:
    """Write the file under a temporary name and rename it into place (readers see the old
    file or the whole new one, never part); False where that fails. The temporary file goes
    whatever happens, Ctrl-C included."""
    import tempfile  # only the first run on a machine writes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, CACHE_MODE)
        os.replace(temp, path)
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            Path(temp).unlink(missing_ok=True)  # gone already once renamed
    return True


def cache_dir() -> Path:
    """$BROADSHEET_CACHE, else $XDG_CACHE_HOME/broadsheet, else ~/.cache/broadsheet."""
    own = os.environ.get("BROADSHEET_CACHE")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "broadsheet" if xdg else Path.home() / ".cache" / "broadsheet"


def cache_path(lang: str) -> Path:
    """The cache file of a language's list, for the wordfreq installed and this format."""
    return cache_dir() / f"wordfreq-{lang}-v{FORMAT_VERSION}-{wordfreq_fingerprint()}.bin"


def wordfreq_fingerprint() -> str:
    """A checksum of the installed wordfreq: the names and sizes of its code and data
    files, found without importing it (importlib.metadata would take 30 ms to tell its
    version). Another release or other data changes it; reinstalling the same does not, and
    two environments with the same wordfreq share one file."""
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "none"  # building will fail with wordfreq's ImportError, as before
    package = Path(origin).parent
    facts: list[str] = []
    for folder in (package, package / "data"):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        facts += (f"{e.name}:{e.stat().st_size}" for e in entries if e.is_file())
    checksum = zlib.crc32("\n".join(facts).encode())  # hashlib would take 3 ms to import
    return f"{checksum:08x}"
