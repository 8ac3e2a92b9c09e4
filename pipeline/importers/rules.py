"""The importer's word tables (`data/rules.toml`), loaded once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.importers.traditional import with_traditional

DATA = Path(__file__).resolve().parent / "data" / "rules.toml"


@dataclass(frozen=True)
class Rules:
    role_words: tuple[str, ...]  # longest first
    role_suffixes: frozenset[str]
    latin_roles: frozenset[str]
    familiar: frozenset[str]
    unnamed: tuple[str, ...]
    latin_titles: frozenset[str]  # casefolded, without the full stop
    dots: frozenset[str]
    pinyin_short: frozenset[str]  # casefolded
    outlet_ends: tuple[str, ...]
    label_max: int
    question_max: int
    headline_max: int  # a plain copy's first line, its headline
    first_person: tuple[str, ...]  # a speaker's words of themselves (narration has none)
    short_labels: tuple[str, ...]  # `（以下简称“蒯”）`
    stage_directions: frozenset[str]  # `（掌声）`: an aside wherever it stands
    question_marks: tuple[str, ...]
    reference_headings: tuple[str, ...]
    note_prefixes: tuple[str, ...]
    trailers: tuple[str, ...]
    end_marks: frozenset[str]
    note_headings: tuple[str, ...]
    furniture: tuple[str, ...]
    furniture_max: int
    picture_credits: tuple[str, ...]
    picture_agencies: tuple[str, ...]
    picture_ends: tuple[str, ...]
    caption_marks: tuple[str, ...]
    picture_max: int
    related: tuple[str, ...]
    related_item_max: int
    comments: tuple[str, ...]  # headings of a page's comments: they and what follows are dropped
    comment_max: int
    contents: tuple[str, ...]  # headings of the copy's table of contents
    time_code: re.Pattern[str]  # one time code of a transcript (`[00:12:34]`)
    time_code_day: re.Pattern[str]  # the day before a chat's time beside its sender (`2024/3/8`)
    letter_words: frozenset[str]
    section_heading: re.Pattern[str]  # `一、背景`, `三、结语`  # `A股`, `B站`: casefolded, without spaces
    page_furniture: frozenset[str]
    page_bylines: frozenset[str]
    untitled: frozenset[str]  # casefolded
    interviewer: tuple[str, ...]
    interviewee: tuple[str, ...]
    label_brackets: re.Pattern[str]  # `【张伟】…`, `〔骑手苗青〕…`: groups label and rest
    guest_lists: tuple[str, ...]  # longest first
    introduces: tuple[str, ...]  # longest first
    accepts: tuple[str, ...]
    invites: tuple[str, ...]
    delivered: re.Pattern[str]  # `施密特（翻译）：`: groups name, mark (with its brackets), rest
    interview_words: tuple[str, ...]
    interpreters: frozenset[str]  # casefolded
    spokespeople: frozenset[str]  # casefolded: `发言人：`, a speaker named by the office
    describes: tuple[str, ...]  # `符海龙是…班长`: longest first
    role_counts: tuple[str, ...]  # longest first
    pronouns: tuple[str, ...]  # `我们和他聊了聊`: the one the introduction names
    talks_with: tuple[str, ...]  # longest first
    anonymous: re.Pattern[str]  # a meeting transcript's numbered voice, `说话人1` / `Speaker 2`
    sentence_words: tuple[str, ...]
    saying_ends: tuple[str, ...]
    counts: re.Pattern[str]
    ordinals: tuple[str, ...]
    not_speakers: frozenset[str]  # casefolded
    relations: frozenset[str]
    address: tuple[str, ...]  # longest first
    pseudonym_words: tuple[str, ...]
    pseudonym_doubts: tuple[str, ...]
    pseudonym_all: tuple[str, ...]
    pseudonym_people: tuple[str, ...]
    credit_source: tuple[str, ...]
    credit_authors: tuple[str, ...]
    credit_editor: tuple[str, ...]
    credit_responsible: frozenset[str]  # `责编`: the editor `editor:` names, beside `编辑：`
    credit_other: tuple[str, ...]
    credit_english_by: tuple[str, ...]  # longest first
    credit_leads: tuple[str, ...]
    date_labels: tuple[str, ...]  # longest first


@lru_cache(maxsize=1)
def rules() -> Rules:
    # every word also in traditional characters (`記者`, `編輯`, `讀者`): before, a copy in traditional
    # characters had none of its labels, bylines or furniture read
    data = _with_traditional(tomllib.loads(DATA.read_text(encoding="utf-8")))
    roles, layout, credit = data["roles"], data["layout"], data["credit"]
    return Rules(
        role_words=tuple(sorted(set(roles["words"]), key=len, reverse=True)),
        role_suffixes=frozenset(roles["suffixes"]),
        latin_roles=frozenset(roles["latin"]),
        familiar=frozenset(data["names"]["familiar"]),
        unnamed=tuple(data["names"]["unnamed"]),
        latin_titles=frozenset(w.casefold().rstrip(".") for w in data["names"]["latin_titles"]),
        dots=frozenset(data["names"]["dots"]),
        pinyin_short=frozenset(w.casefold() for w in data["names"]["pinyin_short"]),
        outlet_ends=tuple(data["names"]["outlet_ends"]),
        label_max=int(layout["label_max"]),
        question_marks=tuple(data["layout"]["question_marks"]),
        question_max=int(layout["question_max"]),
        headline_max=int(layout["headline_max"]),
        stage_directions=frozenset(layout["stage_directions"]),
        first_person=tuple(layout["first_person"]),
        short_labels=tuple(sorted(layout["short_labels"], key=len, reverse=True)),
        reference_headings=tuple(layout["references"]),
        note_prefixes=tuple(layout["notes"]),
        trailers=tuple(layout["trailers"]),
        end_marks=frozenset(layout["end_marks"]),
        note_headings=tuple(layout["note_headings"]),
        furniture=tuple(layout["furniture"]),
        furniture_max=int(layout["furniture_max"]),
        picture_credits=tuple(layout["picture_credits"]),
        picture_agencies=tuple(layout["picture_agencies"]),
        picture_ends=tuple(layout["picture_ends"]),
        caption_marks=tuple(layout["caption_marks"]),
        picture_max=int(layout["picture_max"]),
        related=tuple(layout["related"]),
        related_item_max=int(layout["related_item_max"]),
        comments=tuple(layout["comments"]),
        comment_max=int(layout["comment_max"]),
        contents=tuple(layout["contents"]),
        time_code=re.compile(layout["time_code"]),
        time_code_day=re.compile(layout["time_code_day"]),
        section_heading=re.compile(layout["section_heading"]),
        letter_words=frozenset(w.casefold().replace(" ", "") for w in layout["letter_words"]),
        page_furniture=frozenset(data["page"]["furniture"]),
        page_bylines=frozenset(data["page"]["bylines"]),
        untitled=frozenset(w.casefold() for w in data["page"]["untitled"]),
        interviewer=tuple(data["labels"]["interviewer"]),
        interviewee=tuple(data["labels"]["interviewee"]),
        label_brackets=_bracketed(data["labels"]["brackets"]),
        guest_lists=tuple(sorted(data["labels"]["guest_lists"], key=len, reverse=True)),
        introduces=tuple(sorted(data["labels"]["introduces"], key=len, reverse=True)),
        accepts=tuple(sorted(data["labels"]["accepts"], key=len, reverse=True)),
        invites=tuple(sorted(data["labels"]["invites"], key=len, reverse=True)),
        delivered=re.compile(r"^(?P<name>[^：:（()）\s]{1,20}?)\s*(?P<mark>[（(]\s*(?:"
                             + "|".join(map(re.escape, sorted(data["labels"]["delivered"], key=len, reverse=True)))
                             + r")\s*[）)])\s*(?P<colon>[：:])\s*(?P<rest>.*)$", re.IGNORECASE),
        interview_words=tuple(data["labels"]["interview_words"]),
        interpreters=frozenset(w.casefold() for w in data["labels"]["interpreters"]),
        spokespeople=frozenset(w.casefold() for w in data["labels"]["spokespeople"]),
        describes=tuple(sorted(data["labels"]["describes"], key=len, reverse=True)),
        role_counts=tuple(sorted(data["labels"]["role_counts"], key=len, reverse=True)),
        pronouns=tuple(data["labels"]["pronouns"]),
        talks_with=tuple(sorted(data["labels"]["talks_with"], key=len, reverse=True)),
        anonymous=re.compile(rf"^(?:{'|'.join(map(re.escape, data['labels']['anonymous']))})\s*(?:[0-9０-９]{{1,3}}|[A-Z])$"),
        sentence_words=tuple(data["labels"]["sentence_words"]),
        saying_ends=tuple(data["labels"]["saying_ends"]),
        counts=re.compile(data["labels"]["counts"]),
        ordinals=tuple(data["labels"]["ordinals"]),
        not_speakers=frozenset(w.casefold() for w in data["labels"]["not_speakers"]),
        relations=frozenset(data["labels"]["relations"]),
        address=tuple(sorted(data["labels"]["address"], key=len, reverse=True)),
        pseudonym_words=tuple(data["pseudonyms"]["words"]),
        pseudonym_doubts=tuple(data["pseudonyms"]["doubts"]),
        pseudonym_all=tuple(data["pseudonyms"]["all"]),
        pseudonym_people=tuple(data["pseudonyms"]["people"]),
        credit_source=tuple(sorted(credit["source"], key=len, reverse=True)),
        credit_authors=tuple(sorted(credit["authors"], key=len, reverse=True)),
        credit_editor=tuple(sorted(credit["editor"], key=len, reverse=True)),
        credit_responsible=frozenset(credit["responsible"]),
        credit_other=tuple(sorted(credit["other"], key=len, reverse=True)),
        credit_english_by=tuple(sorted(credit["english_by"], key=len, reverse=True)),
        credit_leads=tuple(credit["leads"]),
        date_labels=tuple(sorted(credit["date_labels"], key=len, reverse=True)),
    )


def japanese_surnames() -> tuple[str, ...]:
    """rules.toml `[names] japanese` (each also in traditional characters): for `surnames.py`."""
    return tuple(_with_traditional(tomllib.loads(DATA.read_text(encoding="utf-8")))["names"]["japanese"])


def _bracketed(pairs: list[str]) -> re.Pattern[str]:
    """A label in one of the bracket `pairs` (opening and closing character) opening a paragraph."""
    forms = "|".join(rf"{re.escape(p[0])}(?P<label{k}>[^{re.escape(p)}]{{1,20}}){re.escape(p[1])}" for k, p in enumerate(pairs))
    return re.compile(rf"^(?:{forms})\s*[：:]?\s*(?P<rest>.*)$")


def _with_traditional(value: Any) -> Any:
    """The tables with each list of words extended by the words' traditional forms."""
    if isinstance(value, dict):
        return {k: _with_traditional(v) for k, v in value.items()}
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return with_traditional(value)
    return value
