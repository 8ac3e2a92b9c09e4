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

The same rule holds for a sentence in Latin letters inside a Chinese paragraph (`我每天写一格日记。I
always start my day with a cup of tea. 然后出门。`, the thirteenth sweep: the Mandarin voice read it,
and nothing warned): a run of words written in Latin letters between the paragraph's CJK text
(`latin_runs`: `min_words` words or more, most in lower case, so not a name or a product) is
marked with its language when the model tells it, and `publish check` asks for the mark (W430,
`unmarked_sentences`) when it cannot and the run is a sentence (it ends in . ! ?, holds a
comma, or has `warn_words` words). A run cutting a link, or overlapping a span already marked, is left alone.
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
from pipeline.model import Document, Location, Paragraph, Section, Span

TABLE_FILE = Path(__file__).resolve().parent.parent / "data" / "latin-languages.toml"
# Han, kana, hangul, CJK and full-width punctuation: one of these and the paragraph is not
# written in Latin letters alone (a sentence in Latin letters inside it is a run of its own: `latin_runs`).
_CJK_CLASS = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_NOT_CJK = re.compile(f"[^{_CJK_CLASS}]+")
# A run opens at a letter and ends at its last letter, digit or Latin sentence mark: the quotes
# and dashes around it are the Chinese text's (“…”, ——), set in its face.
_RUN_EDGES = re.compile(r"[^\W\d_](?:.*[\w.!?])?", re.S)
# A run that reads as a sentence (or a clause of one), not a command or a name: it ends in a
# sentence's mark or holds a comma (`stay hungry, stay foolish`), or is long (`warn_words`).
_SENTENCE_LIKE = re.compile(r"[.!?]$|[A-Za-z], [A-Za-z]")
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


def latin_runs(p: Paragraph) -> Iterator[tuple[int, int]]:
    """(start, end) in a paragraph's text of each run of words in Latin letters between its CJK
    text: `min_words` words apart by spaces or more (an address or `GPT-4` is one), most in lower
    case (a sentence, not `OpenAI CEO Sam Altman`), over unmarked spans, a link's whole text or none."""
    text = p.text
    if not _CJK.search(text):
        return  # (a paragraph in Latin letters alone: `_marked`, W428)
    bounds, at = [], 0
    for span in p.spans:
        bounds.append((at, at + len(span.text), span))
        at += len(span.text)
    for stretch in _NOT_CJK.finditer(text):
        edges = _RUN_EDGES.search(stretch[0])
        if edges is None:
            continue
        start, end = stretch.start() + edges.start(), stretch.start() + edges.end()
        run = text[start:end]
        if sum(any(ch.isalpha() for ch in token) for token in run.split()) < table().min_words or not _prose(run):
            continue
        if all(span.lang is None and (span.href is None or start <= s0 and s1 <= end)  # (a link is never cut)
               for s0, s1, span in bounds if s0 < end and start < s1):
            yield start, end


def _told_runs(p: Paragraph, own: str) -> list[tuple[int, int, str]]:
    """The paragraph's `latin_runs` the model tells the language of, when it is not the title's."""
    found = []
    for start, end in latin_runs(p):
        lang = language_of(p.text[start:end])
        if lang is not None and lang != own:
            found.append((start, end, lang))
    return found


def _split(p: Paragraph, runs: list[tuple[int, int, str]]) -> Paragraph:
    """The paragraph with each run's text in spans of its language, the rest as it was."""
    spans, at = [], 0
    for span in p.spans:
        s0, s1 = at, at + len(span.text)
        at = s1
        cuts = sorted({s0, s1, *(x for r0, r1, _ in runs for x in (r0, r1) if s0 < x < s1)})
        for a, b in zip(cuts, cuts[1:]):
            lang = next((lang for r0, r1, lang in runs if r0 <= a and b <= r1), None)
            update = {"text": span.text[a - s0:b - s0], **({"lang": lang} if lang else {})}
            spans.append(span.model_copy(update=update) if lang or len(cuts) > 2 else span)
    return p.model_copy(update={"spans": tuple(spans)})


def heading_spans(text: str, language: str, loc: Location) -> tuple[Span, ...]:
    """A heading's text as spans, its Latin sentences marked as a paragraph's are (`你怎么看“Move
    fast and break things”这句话？`): the model gives a heading one `lang`, so the audio plan asks
    here, and the host's Mandarin voice no longer reads the English (the thirteenth sweep)."""
    p = Paragraph(spans=(Span(text=text),), loc=loc)
    runs = _told_runs(p, primary_language(language)) if _CJK.search(text) else []
    return _split(p, runs).spans if runs else p.spans


def _marked(p: Paragraph, own: str) -> Paragraph:
    if all(span.lang for span in p.spans):
        return p
    if _CJK.search(p.text):
        runs = _told_runs(p, own)
        return _split(p, runs) if runs else p
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


def unmarked_sentences(doc: Document) -> Iterator[tuple[Paragraph, str]]:
    """(paragraph, run): sentences in Latin letters inside a Chinese title's Chinese paragraphs,
    unmarked, whose language the model cannot tell: the audio reads them with the Mandarin voice."""
    if not written_in_chinese(doc.meta.language):
        return
    for p in doc.paragraphs():
        for start, end in latin_runs(p):
            run = p.text[start:end]
            if (_SENTENCE_LIKE.search(run) or len(run.split()) >= table().warn_words) and language_of(run) is None:
                yield p, run


def unmarked_language(doc: Document) -> list[Diagnostic]:
    """W428 for each paragraph `unmarked_paragraphs` finds, W430 for each sentence
    `unmarked_sentences` finds."""
    return [Diagnostic("W428", p.loc.path, p.loc.line, p.loc.col,
                       f"“{p.text[:40]}” is written in Latin letters alone and marked no language: every "
                       f"edition prints it as Chinese, and a screen reader reads it with a Chinese voice")
            for p in unmarked_paragraphs(doc)] + [
        Diagnostic("W430", p.loc.path, p.loc.line, p.loc.col,
                   f"“{run[:40]}” is a sentence in Latin letters inside Chinese text whose language the "
                   f"editions cannot tell: the audio reads it with the Chinese voice, and a screen reader too")
        for p, run in unmarked_sentences(doc)]
