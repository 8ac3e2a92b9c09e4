"""The document model: the only contract between the source reader and the renderers.

Typed, immutable and format-free. Nothing here knows about XHTML, PDF or audio; every
edition is written from these objects alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(Frozen):
    """Where something came from in the source, for messages an editor can act on."""

    path: str
    line: int  # 1-based
    col: int = 1


SpanStyle = Literal["plain", "em", "strong", "aside"]


class Span(Frozen):
    """A run of text with one style; `lang` is set only where the source marks another language,
    `href` only where the run is a link (a web or mail address, as the editor wrote it)."""

    text: str
    style: SpanStyle = "plain"
    lang: str | None = None
    href: str | None = None


BULLET = "•"  # the mark editions print before an item of an unnumbered list


class Paragraph(Frozen):
    """One paragraph or one point of a list (`number` set: editions print （n）; `bullet`, the
    first paragraph of an unnumbered list's item: they print •). `quote`: a paragraph of a block
    quote (`> …`), which editions set apart from the author's own text; `heading`: a subheading
    of the article (`### …`); `continued`: a line after a hard line break in the same paragraph."""

    spans: tuple[Span, ...]
    number: int | None = None
    bullet: bool = False
    quote: bool = False
    heading: bool = False  # a subheading of the article ('### …'): a feature's sections
    # the next line of one paragraph after a hard line break (a line ending in a backslash or two
    # spaces: a verse's lines, an address): editions set it on a line of its own, where the
    # lines of a poem ran together into one line of prose
    continued: bool = False
    # the lists and block quotes it sits in beyond the first (a list inside a list's item, a
    # quote inside a quote): editions indent it that many steps, where every level was printed
    # at one, so an inner list's （1）（2） read as the outer list's and its （3） as theirs
    depth: int = 0
    loc: Location

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def marker(self) -> str:
        """What every edition prints before the text: （n）, •, or nothing."""
        return f"（{self.number}）" if self.number is not None else BULLET if self.bullet else ""


class VoiceHint(Frozen):
    gender: Literal["male", "female"] | None = None
    age: Literal["young", "adult", "senior"] | None = None
    edge: str | None = None
    espeak: str | None = None


class Speaker(Frozen):
    id: str
    name: str
    role: str | None = None
    handle: str | None = None
    pseudonym: bool = False
    voice: VoiceHint = VoiceHint()
    loc: Location

    @property
    def shown_name(self) -> str:
        """The name as labels print it: the handle alone when it is just '@' + name."""
        if self.handle and self.handle.lstrip("@") == self.name:
            return self.handle
        return self.name + (self.handle or "")

    def label(self, role: str | None = None) -> str:
        """`role + name`, with a space only between two Latin sides (`CMO EdIsOn`)."""
        role = self.role if role is None else role
        name = self.shown_name
        if not role:
            return name
        gap = " " if _LATIN_END.search(role) and _LATIN_START.search(name) else ""
        return f"{role}{gap}{name}"


class Answer(Frozen):
    id: str
    speaker: Speaker
    role: str | None = None  # this answer's role, when it differs from the registry's
    paragraphs: tuple[Paragraph, ...]
    loc: Location

    @property
    def label(self) -> str:
        return self.speaker.label(self.role)

    @property
    def shown_role(self) -> str | None:
        return self.role if self.role is not None else self.speaker.role


class Reference(Frozen):
    """A numbered source; `url` is the address its text links to, when the editor linked it."""

    number: int
    text: str
    url: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    loc: Location


SectionKind = Literal["article", "question", "closing", "note", "references"]


class Section(Frozen):
    """A chapter of the book: the article, a question with its answers, the closing
    chapter, an editor's note or the references."""

    id: str
    kind: SectionKind
    title: str | None = None
    lang: str | None = None  # the heading's language, where the source marks another (## Why? {lang=en})
    paragraphs: tuple[Paragraph, ...] = ()
    answers: tuple[Answer, ...] = ()
    references: tuple[Reference, ...] = ()
    loc: Location


class Metadata(Frozen):
    id: str
    slug: str
    title: str
    subtitle: str | None = None
    language: str = "zh-Hans"
    authors: tuple[str, ...]
    editor: str | None = None
    outlet: str
    account: str | None = None
    date: dt.date
    description: str
    rights: str
    credit: str | None = None


class Pronunciation(Frozen):
    word: str
    pinyin: str  # space-separated syllables, tone marks
    loc: Location


class Document(Frozen):
    source: str  # path of the source file, for messages
    meta: Metadata
    speakers: tuple[Speaker, ...]
    sections: tuple[Section, ...]
    pronunciations: tuple[Pronunciation, ...] = ()

    def speaker(self, speaker_id: str) -> Speaker:
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    @property
    def article(self) -> Section | None:
        return next((s for s in self.sections if s.kind == "article"), None)

    @property
    def questions(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "question")

    @property
    def chapters(self) -> tuple[Section, ...]:
        """Sections that hold answers: every question and the closing chapter."""
        return tuple(s for s in self.sections if s.kind in ("question", "closing"))

    def answers_by(self, speaker_id: str) -> tuple[Answer, ...]:
        return tuple(a for s in self.chapters for a in s.answers if a.speaker.id == speaker_id)

    @property
    def has_answers(self) -> bool:
        """Whether anyone speaks: a feature or a brief without Q&A has no people to list (its
        editions printed an empty name index and an empty contributors page)."""
        return any(section.answers for section in self.chapters)

    @property
    def has_contents(self) -> bool:
        """Whether the book gets a contents page: not when its text is one chapter (a brief:
        the article alone, no question, note or references), whose contents page listed that
        one entry and cost the PDFs two pages. The EPUB keeps its navigation document (the
        reading system's own contents menu) out of the reading order instead."""
        return not (len(self.sections) == 1 and self.sections[0].kind == "article")

    @property
    def pronunciation_table(self) -> dict[str, str]:
        return {p.word: p.pinyin for p in self.pronunciations}

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of prose in reading order (answers included)."""
        for section in self.sections:
            yield from section.paragraphs
            for answer in section.answers:
                yield from answer.paragraphs

    def text_blocks(self) -> Iterator[str]:
        """The book's text in reading order, one string per block, as the seed had it:
        paragraphs, chapter titles, answer labels, references and the credit line.
        Editions must carry every one of these."""
        for section in self.sections:
            if section.title and section.kind != "article":
                yield section.title
            for paragraph in section.paragraphs:
                yield numbered(paragraph)
            for answer in section.answers:
                yield answer.label
                for paragraph in answer.paragraphs:
                    yield numbered(paragraph)
            for reference in section.references:
                yield f"{reference.number}. {reference.text}"
        if self.meta.credit:
            yield self.meta.credit


def numbered(paragraph: Paragraph) -> str:
    """A paragraph's text with its point number or bullet, as every edition prints it."""
    return paragraph.marker + paragraph.text
