"""Marking a paragraph written in another language without `{lang=…}`, by its words.

An answer a guest gave in English, typed as said (`Don't wait for the perfect plan.`) rather
than as `[…]{lang=en}`, reached every edition as Chinese text: the EPUBs gave it no `lang`,
so a screen reader read it with its Chinese voice, and `publish check` said nothing. A
paragraph (or a heading) with no CJK character at all is given to py3langid (langid.py's
model of 97 languages, shipped in its wheel); when it names one language with confidence
(`data/latin-languages.toml`), the paragraph's unmarked spans get that language, as if the
editor had marked them. When it cannot, the paragraph stays as written and `publish check`
asks for the mark (W428, `unmarked_paragraphs`). A paragraph in the title's own language is
never marked; a few words (`OK.`, a name) are never marked.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.diagnostics import Diagnostic
from pipeline.furniture import primary_language, written_in_chinese
from pipeline.model import Document, Paragraph, Section

TABLE_FILE = Path(__file__).resolve().parent.parent / "data" / "latin-languages.toml"
# Han, kana, hangul, CJK and full-width punctuation: one of these and the paragraph is not
# written in Latin letters alone (a Chinese sentence quoting English is left as written).
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Table:
    min_words: int
    min_confidence: float
    warn_words: int


@functools.cache
def table() -> Table:
    data = tomllib.loads(TABLE_FILE.read_text(encoding="utf-8"))
    return Table(data["min_words"], data["min_confidence"], data["warn_words"])


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    """py3langid's model, loaded once and only for a paragraph that needs it (about 0.3 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def latin_words(text: str) -> list[str] | None:
    """The words of a text written without a CJK character, lower-cased (None: it has one)."""
    if _CJK.search(text):
        return None
    return [w.lower().replace("’", "'") for w in _WORD.findall(text.replace("’", "'"))]


def language_of(text: str) -> str | None:
    """The language a text in Latin letters alone is clearly in; None when it is not such a
    text, is too short to tell, or the model is not confident."""
    words = latin_words(text)
    t = table()
    if words is None or len(words) < t.min_words:
        return None
    lang, confidence = _identifier().classify(text)
    return str(lang) if confidence >= t.min_confidence else None


def _marked(p: Paragraph, own: str) -> Paragraph:
    if all(span.lang for span in p.spans):
        return p
    lang = language_of(p.text)
    if lang is None or lang == own:
        return p
    return p.model_copy(update={"spans": tuple(s if s.lang else s.model_copy(update={"lang": lang}) for s in p.spans)})


def mark_languages(doc: Document) -> Document:
    """The document with each paragraph and heading written wholly in another language marked
    with it (its spans' `lang`, the heading's `lang`), where the source left it unmarked."""
    own = primary_language(doc.meta.language)

    def section(s: Section) -> Section:
        title_lang = s.lang
        if s.title and s.lang is None and (found := language_of(s.title)) and found != own:
            title_lang = found
        return s.model_copy(update={
            "lang": title_lang,
            "paragraphs": tuple(_marked(p, own) for p in s.paragraphs),
            "answers": tuple(a.model_copy(update={"paragraphs": tuple(_marked(p, own) for p in a.paragraphs)})
                             for a in s.answers),
        })

    return doc.model_copy(update={"sections": tuple(map(section, doc.sections))})


def unmarked_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Paragraphs of a Chinese title, of many words in Latin letters alone and unmarked, whose
    language the model cannot tell: the editions print them as Chinese."""
    if not written_in_chinese(doc.meta.language):
        return
    for p in doc.paragraphs():
        words = latin_words(p.text)
        if words is not None and len(words) >= table().warn_words and not any(span.lang for span in p.spans) \
                and _prose(p.text) and language_of(p.text) is None:
            yield p


def _prose(text: str) -> bool:
    """Most of its words in lower case: a sentence, not a list of names (Apple, Google, Meta …)."""
    words = _WORD.findall(text)
    return sum(word[0].islower() for word in words) * 2 >= len(words)


def unmarked_language(doc: Document) -> list[Diagnostic]:
    """W428 for each paragraph `unmarked_paragraphs` finds."""
    return [Diagnostic("W428", p.loc.path, p.loc.line, p.loc.col,
                       f"“{p.text[:40]}” is written in Latin letters alone and marked no language: every "
                       f"edition prints it as Chinese, and a screen reader reads it with a Chinese voice")
            for p in unmarked_paragraphs(doc)]
