"""W405: where the pinyin pass guessed, placed at its character in the source.

Apart from `check`'s other rules because it is the one that runs the pinyin pass, and the one
that must find the model's text again in the source through the markup the reader took out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline import sourceshape
from pipeline.diagnostics import Diagnostic
from pipeline.model import Document

if TYPE_CHECKING:
    from pipeline.check import _SourceText

# A paragraph longer than any an article holds (a long one is 2,000 characters): a paste or a
# conversion that lost its line breaks. The pinyin pass reads about 25,000 characters a second, so
# W405's search of a 5 MB one alone took 80 s of 'publish check'; it searches the first this many.
LONG_PARAGRAPH = 10_000


def pinyin_fallbacks(doc: Document, source: _SourceText) -> list[Diagnostic]:
    """The characters the pinyin pass is not confident about (`PinyinAnnotator.unsure`: read more
    than one way, and nothing in the context decided), at their place in the source, so the editor
    can confirm or pin them. Readings decided by a word, a name, a context rule or the source's
    own table are not reported: a W405 means "a person should look here"."""
    from pipeline.furniture import read_in_pinyin
    from pipeline.passes.pinyin import PinyinAnnotator

    if not read_in_pinyin(doc.meta.language):
        return []  # (a Cantonese or English title: no edition sets pinyin over it, so no reading to confirm)
    annotator = PinyinAnnotator(names=[s.name for s in doc.speakers] + list(doc.meta.authors),
                                overrides=doc.pronunciation_table)
    texts: list[tuple[str, int]] = [(s.title, s.loc.line) for s in doc.sections if s.title and mandarin(s.lang)]
    texts += [(p.text[:LONG_PARAGRAPH], p.loc.line) for p in doc.paragraphs()]  # (past it: W422 says so)
    # a span in another language ([汝食饱未？]{lang=nan}, {lang=yue}) gets no pinyin in the learner
    # editions, so nothing of it is a Mandarin reading to confirm: its characters are not reported
    texts += [(r.text, r.loc.line) for s in doc.sections for r in s.references]
    texts, stopped = sourceshape.within_budget(texts, sourceshape.SEARCH_BUDGET)  # (a source of megabytes: W424)
    # (only the paragraphs the budget kept: each one's spans were walked, megabytes of them, for nothing)
    searched = {line for _text, line in texts}
    other = {(p.text[:LONG_PARAGRAPH], p.loc.line): _other_language(p.spans) for p in doc.paragraphs()
             if p.loc.line in searched}
    found = [] if stopped is None else [Diagnostic("W424", doc.source, stopped[0], 1,
                                                   sourceshape.budget_message(stopped[1], sourceshape.SEARCH_BUDGET))]
    for text, line in texts:
        skip = other.get((text, line), ())
        for offset, char, reading in annotator.unsure(text):
            if any(start <= offset < end for start, end in skip):
                continue
            snippet = text[max(0, offset - 3) : offset + 1]
            # (the snippet's how-many-th appearance in the paragraph: a phrase the text repeats
            # was placed at its first appearance every time, seven warnings at one column)
            nth = _occurrences(text[: offset + 1], snippet) - 1
            at_line, col = locate(source.lines, line, snippet, nth)
            context = text[max(0, offset - 4) : offset + 4]
            found.append(Diagnostic("W405", doc.source, at_line, col,
                                    f"'{char}' read {reading} in “{context}” by a fallback guess: nothing in the context decides it"))
    return found


def mandarin(lang: str | None) -> bool:
    """Text the learner editions set pinyin over (as `renderers.pinyinhtml` decides): the title's own
    text and spans marked Chinese (zh, zh-Hant …); not English, Cantonese (yue), Hokkien (nan) …"""
    return lang is None or lang.startswith("zh")


def _other_language(spans) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets in the paragraph's text of its spans in a language other than Mandarin."""
    out, at = [], 0
    for span in spans:
        if not mandarin(span.lang):
            out.append((at, at + len(span.text)))
        at += len(span.text)
    return tuple(out)


def _occurrences(text: str, snippet: str) -> int:
    """How many times `snippet` appears in `text`, overlaps counted (哈哈 in 哈哈哈: twice)."""
    return sum(1 for k in range(len(text) - len(snippet) + 1) if text.startswith(snippet, k)) if snippet else 0


# What may stand in the source between two characters the model's text has side by side: the
# markup the reader took out ('[', ']{lang=yue}', '](https://…)', '**', an escape, '<' '>') and a
# line end with the indentation or quote marker of the next line.
_MARKUP_GAP = r"(?:\]\([^)\s]*\)|\]\{[^}\n]*\}|[\[\]*_\\<>]|\n[ \t>]*)*"


def locate(lines: list[str], start: int, snippet: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of the snippet's last character at its `nth` appearance (0: the first),
    searching from line `start`; the snippet is the model's text, so markup and line ends may
    stand between its characters in the source (before: a guess inside '[汝食饱未？]{lang=nan}',
    or across a line end, was placed at column 1 of the paragraph's first line)."""
    pattern = _MARKUP_GAP.join(r"\s+" if ch.isspace() else re.escape(ch) for ch in snippet)
    text = "\n".join(lines[start - 1 : start + 49])
    for found in re.finditer(pattern, text) if snippet else ():
        if nth == 0:
            last = found.end() - 1
            return start + text.count("\n", 0, last), last - text.rfind("\n", 0, last)
        nth -= 1
    return start, 1
