"""The book's own words in the title's script: the contents page, the notes' heading, the
colophon's rows, the learner's vocabulary list … are written by the pipeline, not the source,
in simplified characters; a title in traditional characters (`language: zh-Hant`, `zh-TW`,
`zh-HK`, `yue` …) printed them so in the middle of its own traditional text ("编者注" under
"點心師傅的最後一籠"). Their traditional forms are a data table of whole phrases
(data/furniture-hant.toml), never a character-by-character conversion (发 is 發 or 髮)."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import langcodes

from pipeline.sourcetext import is_wide

TABLE_FILE = Path(__file__).resolve().parent / "data" / "furniture-hant.toml"
INTERFACE_FILE = Path(__file__).resolve().parent / "data" / "interface-words.toml"
FALLBACK = "zh"  # the language of the interface words a language without a table gets


@functools.cache
def traditional(language: str) -> bool:
    """Whether a title in `language` is written in traditional characters: its BCP 47 tag's
    script, or the one its language and region imply (zh-TW, zh-HK, yue → Hant; zh → Hans)."""
    try:
        return langcodes.Language.get(language).maximize().script == "Hant"
    except (ValueError, LookupError):
        return False


@functools.cache
def _table() -> dict[str, str]:
    return tomllib.loads(TABLE_FILE.read_text(encoding="utf-8"))["hant"]


def word(text: str, language: str) -> str:
    """`text` (one of the pipeline's own words, as the code writes it) in the title's script."""
    return _table().get(text, text) if traditional(language) else text


# The tags the pipeline's own words are written in: simplified characters, or traditional ones
# for a title in traditional characters (`word`).
WORDS_LANGUAGES = {False: "zh-Hans", True: "zh-Hant"}
CHINESE_SCRIPTS = frozenset({"Hans", "Hant"})


@functools.cache
def _interface_tables() -> dict[str, dict[str, dict]]:
    return tomllib.loads(INTERFACE_FILE.read_text(encoding="utf-8"))


@functools.cache
def interface_table(language: str) -> str:
    """The key of `interface-words.toml` whose words a title or site in `language` gets: "zh"
    for any tag written in Chinese characters (zh-Hant-HK, yue, cmn), its primary subtag where
    the file has a table for it (en, en-AU), else the fallback, Chinese."""
    if written_in_chinese(language):
        return FALLBACK
    primary = primary_language(language)
    return primary if primary in _interface_tables() else FALLBACK


def interface(group: str, language: str) -> dict:
    """The words of `group` (epub, colophon, site, files) a title or site in `language` is given:
    its language's own, else Chinese, in the language's script (`word`). Where they are not in
    `language` itself, `words_language` says which tag they are in."""
    table = _interface_tables()[interface_table(language)][group]
    if interface_table(language) != FALLBACK:
        return dict(table)
    return {key: [word(part, language) for part in value] if isinstance(value, list) else word(value, language)
            for key, value in table.items()}


def own_interface(group: str, language: str) -> dict | None:
    """`interface(group, language)` where `language` has words of its own (any written in Chinese
    characters, en …), else None: for text that says nothing rather than speak another language
    (a French cover's byline is the names alone)."""
    if interface_table(language) == FALLBACK and not written_in_chinese(language):
        return None
    return interface(group, language)


def chinese_interface(group: str) -> dict:
    """The Chinese words of `group`, as the code's tables once held them (simplified)."""
    return dict(_interface_tables()[FALLBACK][group])


@functools.cache
def words_language(language: str) -> str | None:
    """None when the pipeline's words (`interface`) are written in a title's `language` itself
    (any Chinese tag: zh, zh-Hant-HK, yue, cmn; a language with its own table: en); else the
    tag they are written in (`zh-Hans` for a `ja` or `fr` title), which a page marks them with."""
    if interface_table(language) != FALLBACK or written_in_chinese(language):
        return None
    return WORDS_LANGUAGES[traditional(language)]


@functools.cache
def written_in_chinese(language: str) -> bool:
    """Whether a title in `language` is written in Chinese characters (zh, zh-Hant-HK, yue, cmn)."""
    try:
        script = langcodes.Language.get(language).maximize().script
    except (ValueError, LookupError):
        script = None
    return script in CHINESE_SCRIPTS


# The languages pinyin spells: Mandarin, as `zh` (with any script or region) or `cmn`.
PINYIN_LANGUAGES = frozenset({"zh", "cmn"})


@functools.cache
def read_in_pinyin(language: str) -> bool:
    """Whether a title in `language` has learner editions: pinyin, Mandarin's spelling, over its
    characters. Not an English or Japanese title (no Chinese characters), and not a Cantonese
    (yue), Hokkien (nan) or Wu (wuu) one, whose characters pinyin would give Mandarin readings
    they do not have there — as a span marked `{lang=yue}` in a Mandarin title is set without
    pinyin. The build leaves the others' learner editions out (`driver.title.NOT_OFFERED`), the
    site offers none for them, and `publish check` asks no reading of them (W405)."""
    return primary_language(language) in PINYIN_LANGUAGES and written_in_chinese(language)


@functools.cache
def primary_language(language: str) -> str:
    """A BCP 47 tag's language subtag as langcodes normalises it (zh-Hant-HK → zh, zh-yue → yue,
    en-AU → en); "" for a tag it cannot read. The key of every table of words by language."""
    try:
        return langcodes.Language.get(language).language or ""
    except (ValueError, LookupError):
        return ""


def words(table: Mapping[str, str], language: str) -> dict[str, str]:
    """A module's table of words (key → text) in the title's script."""
    return {key: word(text, language) for key, text in table.items()}


# How the pipeline joins two pieces of a title's text (the web edition, the feeds, the cover's
# text alternative), by the characters on either side: Chinese punctuation between Chinese
# (灯下夜读：城东…, 张三、李四), Latin punctuation between Latin words ('Night Owls: Four regulars',
# 'Jane Doe, Zoë Brontë'), where a full-width mark glued without a space ('After Dark：Four') made
# a Latin title look broken in every podcast app.
# "clause": a person's name and what they do (the web edition's contributors: 'Jo Marsh, cox',
# 程一帆，独立游戏开发者).
JOINERS = {"title": ("：", ": "), "list": ("、", ", "), "clause": ("，", ", ")}
# The marks a language writes between pieces in wide characters, by primary subtag, where they
# are not Chinese: Japanese parts a name from what the person does with 、 (山田太郎、写真家), never
# the Chinese ，; Korean writes Latin punctuation between Hangul. A language written in neither
# Chinese characters nor a language here (en, fr) writes its own, Latin, marks between names in
# any script ('By 沈一舟, 顾澜'); a language not given keeps the rule by the characters alone.
WIDE_JOINERS: dict[str, dict[str, str]] = {
    "zh": {kind: wide for kind, (wide, _narrow) in JOINERS.items()},
    "ja": {"title": "：", "list": "、", "clause": "、"},
    "ko": {kind: narrow for kind, (_wide, narrow) in JOINERS.items()},
}


def joint(before: str, after: str, kind: str = "list", language: str | None = None) -> str:
    """The `JOINERS[kind]` mark between a piece ending `before` and one starting `after`: the
    narrow one between Latin text, else the one `language` writes there (`WIDE_JOINERS`)."""
    wide, narrow = JOINERS[kind]
    if before and after and not is_wide(before[-1]) and not is_wide(after[0]):
        return narrow
    if language is None:
        return wide
    own = WIDE_JOINERS.get("zh" if written_in_chinese(language) else primary_language(language))
    return own[kind] if own else narrow


def joined(parts: Iterable[str], kind: str = "list", language: str | None = None) -> str:
    """`parts` joined by the `JOINERS[kind]` mark each joint calls for (in `language`)."""
    text = ""
    for part in parts:
        if text:
            text += joint(text, part, kind, language)
        text += part
    return text
