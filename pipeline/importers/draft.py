"""What the importer understood of a piece of copy, before it is written as a source file.

Deliberately not the document model: an importer's output is *source text* that the normal
reader then reads (so the editor's file, not this object, is the truth); these plain objects only
carry the inference from the layout pass to the writer and the summary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Para:
    text: str
    number: int | None = None  # a numbered point: written as an ordered-list item (BULLET: a bulleted one)
    asides: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of bracketed asides
    line: int | None = None  # its line in a plain-text copy


@dataclass
class Answer:
    person: int  # index into Draft.people
    role: str | None  # the role this answer's label gives
    label: str  # the label as the copy wrote it
    paragraphs: list[Para] = field(default_factory=list)
    role_override: str | None = None  # set when the role differs from the registry's


@dataclass
class Chapter:
    title: str
    closing: bool = False
    answers: list[Answer] = field(default_factory=list)
    placeholder: bool = False  # the copy gives answers but no question: the title is a TODO
    asked: bool = False  # the interviewer's turn (问：, 主持人：): a question, never the closing chapter


@dataclass
class Person:
    id: str
    name: str
    role: str | None
    handle: str | None
    pseudonym: bool = False
    doubts: list[str] = field(default_factory=list)  # become '# check:' comments
    labels: list[str] = field(default_factory=list)  # every distinct way the copy wrote the label


@dataclass
class Credit:
    text: str
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    outlet: str | None = None
    account: str | None = None
    # every editor clause, as written (`编辑：祁蔓`, `责编：庞越`): `editor` is the responsible editor's (rules.toml
    # `responsible`), the others stay in the credit line and are named in `editor:`'s comment
    editors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Stats:
    punctuation_fixed: int = 0
    spaces_removed: int = 0
    merges: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Draft:
    kind: str
    article: list[Para] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # editor's notes after the last answer
    notes_after: list[str] = field(default_factory=list)  # whatever follows the references list
    references_title: str | None = None
    references: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # the copy's link addresses (formats.LINK_OPEN marks their text)
    credit: Credit | None = None
    title: str | None = None
    title_from: str | None = None
    subtitle: str | None = None  # the line under a plain copy's headline opened by a dash (`——记一位公交司机的清晨`)
    date: dt.date | None = None
    date_from: str | None = None
    language: str = "zh-Hans"
    stats: Stats = field(default_factory=Stats)
    pseudonym_doubts: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[Chapter]:
        return [c for c in self.chapters if not c.closing]

    @property
    def answers(self) -> list[Answer]:
        return [a for c in self.chapters for a in c.answers]
