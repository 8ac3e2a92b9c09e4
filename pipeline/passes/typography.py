"""House typography as a pass over the model: half-width punctuation inside Chinese text
becomes full-width, so every edition is clean even where the source is not yet fixed.

`publish check` reports the same places (W401) so that editors fix the source itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.model import Answer, Document, Metadata, Paragraph, Section, Speaker
from pipeline.pinyin_syllables import is_han

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_CJK_PUNCT = set("，。、；：？！（）“”‘’《》「」『』…—")
_SINGLE = re.compile(r"[,:;?!]")
# Marks that come in pairs, each with its full-width opening and closing: brackets, and straight
# quotation marks, which become curly ones: "看不见" → “看不见”, '好' → ‘好’ (a lone quotation mark
# cannot be told opening from closing and is left alone; a single quote next to a Latin letter
# is an apostrophe: OpenAI's).
_PAIRS = (
    (re.compile(r"\(([^()\n]*)\)"), FULL_WIDTH["("], FULL_WIDTH[")"]),
    (re.compile(r'"([^"\n]*)"'), "“", "”"),
    (re.compile(r"(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])"), "‘", "’"),
)
# A full stop after Chinese text: one '.' (not an ellipsis '...'), not followed by a letter or a
# digit (a domain 'ifeng.com' or a decimal '3.5' has Latin on both sides, '凤凰网.com' a Latin
# right side), and not standing right after a digit ('1.' numbers a list).
_CLOSING_CJK = set("）”’》」』】")


def _chinese(char: str) -> bool:
    return bool(char) and (is_han(char) or char in _CJK_PUNCT)


def half_width_marks(text: str) -> Iterator[tuple[int, str]]:
    """Offsets of half-width marks that sit in Chinese text.

    A mark counts when a neighbour is Chinese; a bracket pair counts as a whole when its
    content or either outside neighbour is Chinese ("AGI(通用人工智能)", "(Sora)可能"); a pair
    of straight quotation marks likewise ('"Sora"来了').
    """
    for offset, mark, _full in _marks(text):
        yield offset, mark


# A web address is copied, not typeset: 'https://example.org/路径?q=1' keeps its '?' even beside
# Chinese. It runs to white space or a Chinese mark; a half-width mark followed by Chinese text
# (or the end) ends it too ('见https://openai.com,谢谢' ends at the comma, which is fixed).
_URL = re.compile(r"(?<![A-Za-z0-9+.-])(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s，。；：？！、“”‘’（）《》「」『』【】<>\"]+")
_URL_END = re.compile(r"[,;:!?.)\]'](?=[^\x00-\x7f]|$)")


def _urls(text: str) -> list[range]:
    spans = []
    for match in _URL.finditer(text):
        url = match[0]
        # a ')' that closes a '(' of the address is the address's own ('…/a?b=(1)吧')
        end = next((m.start() for m in _URL_END.finditer(url)
                    if m[0] != ")" or url[: m.start()].count("(") <= url[: m.start()].count(")")), len(url))
        spans.append(range(match.start(), match.start() + end))
    return spans


def _marks(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, half-width mark, its full-width replacement) of every mark in Chinese text,
    except inside a web address."""
    urls = _urls(text) if "/" in text or "www." in text else []
    for offset, mark, full in _chinese_marks(text):
        if not any(offset in url for url in urls):
            yield offset, mark, full


def _chinese_marks(text: str) -> Iterator[tuple[int, str, str]]:
    for pattern, opening, closing in _PAIRS:
        for match in pattern.finditer(text):
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
            if any(is_han(c) for c in match[1]) or _chinese(before) or _chinese(after):
                yield match.start(), match[0][0], opening
                yield match.end() - 1, match[0][-1], closing
    for match in _SINGLE.finditer(text):
        start = match.start()
        before, after = text[start - 1 : start], text[start + 1 : start + 2]
        if _chinese(before) or _chinese(after):
            yield start, match[0], FULL_WIDTH[match[0]]
    for start in _full_stops(text):
        yield start, ".", FULL_WIDTH["."]


def _full_stops(text: str) -> Iterator[int]:
    """Offsets of '.' used as a full stop after Chinese: '他走了.' but not '3.5', 'ifeng.com',
    'Inc.', '1. ', '好...' or '好…..'."""
    for match in re.finditer(r"\.+", text):
        if len(match[0]) != 1:
            continue  # an ellipsis written with dots
        start = match.start()
        before, after = text[start - 1 : start], text[start + 1 : start + 2]
        if not (is_han(before) or before in _CLOSING_CJK):
            continue
        if after and (after.isascii() and after.isalnum() or after in "/_-@"):
            continue  # '凤凰网.com', a path or a handle
        yield start


def fix_text(text: str) -> str:
    chars = list(text)
    for offset, _mark, full in _marks(text):
        chars[offset] = full
    return "".join(chars)


def _paragraph(p: Paragraph) -> Paragraph:
    spans = tuple(s if s.lang else s.model_copy(update={"text": fix_text(s.text)}) for s in p.spans)
    return p.model_copy(update={"spans": spans})


def _optional(text: str | None) -> str | None:
    return None if text is None else fix_text(text)


def _speaker(s: Speaker) -> Speaker:
    return s.model_copy(update={"role": _optional(s.role)})


def normalise_document(doc: Document) -> Document:
    speakers = {s.id: _speaker(s) for s in doc.speakers}

    def answer(a: Answer) -> Answer:
        return a.model_copy(update={
            "speaker": speakers[a.speaker.id], "role": _optional(a.role),
            "paragraphs": tuple(map(_paragraph, a.paragraphs)),
        })

    def section(s: Section) -> Section:
        return s.model_copy(update={
            "title": _optional(s.title), "paragraphs": tuple(map(_paragraph, s.paragraphs)),
            "answers": tuple(map(answer, s.answers)),
            "references": tuple(r.model_copy(update={"text": fix_text(r.text)}) for r in s.references),
        })

    meta: Metadata = doc.meta.model_copy(update={
        key: _optional(getattr(doc.meta, key)) for key in ("title", "subtitle", "description", "rights", "credit", "account")
    })
    return doc.model_copy(update={
        "meta": meta, "speakers": tuple(speakers.values()), "sections": tuple(map(section, doc.sections)),
    })
