"""The programme: the document as an ordered list of cues, each a run of sentences that one
voice speaks, with the silence after each cue; cues are grouped into units (an answer with its
introduction, an article paragraph) and units into chapters (one per section).

Units are what the audio edition encodes and caches one by one, so editing one answer
re-encodes that answer alone.

Both the audio edition and the podcast script are written from this one plan, so the script
shows exactly what will be spoken, by whom, and (with segment durations) when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Literal

from pipeline.audio.engine import EngineName, VoiceSpec
from pipeline.audio.foreign import apart, located, said_apart, spoken_runs, spoken_sentence
from pipeline.furniture import word
from pipeline.model import Answer, Document, Paragraph, Section, Span
from pipeline.passes.casting import Cast
from pipeline.passes.languages import heading_spans
from pipeline.passes.speech import EAR_ONLY, SpeechRules, cardinal, load_rules, sentences, speak
from pipeline.sourcetext import is_wide, line_join

Role = Literal["narrator", "host", "speaker"]
ROLE_NAMES: dict[Role, str] = {"narrator": "旁白", "host": "主持人", "speaker": "嘉宾"}
SECTION_TITLES = {"article": None, "note": "编者注", "references": "参考资料"}


@dataclass(frozen=True)
class Pauses:
    """Silence (seconds) that the structure puts between cues; sentences pause by themselves."""

    aside: float = 0.5  # around the host's aside inside a paragraph (its caption needs 0.8 s)
    paragraph: float = 0.6
    intro: float = 0.35  # after the host's "编剧余飞："
    title: float = 0.9  # after a chapter's title
    answer: float = 1.1  # after an answer, before the next introduction
    lead_in: float = 0.6  # at a chapter's start
    unit_lead: float = 0.1  # the part of the pause before a unit that starts the unit's own chunk
    tail: float = 1.2  # at a chapter's end
    unspoken: float = 1.2  # an answer with nothing to say (only emoji): silence under its caption


@dataclass(frozen=True)
class Cue:
    role: Role
    who: str  # the voice's name in captions: the speaker's name, 主持人 or 旁白
    voice: VoiceSpec
    shown: tuple[str, ...]  # the sentences as printed
    spoken: tuple[str, ...]  # the same sentences as they are spoken
    pause: float  # silence after the cue
    speaker_id: str | None = None
    answer_id: str | None = None
    label: str | None = None  # the speaker's label (role and name) as printed
    runs: tuple[tuple[int, int, str], ...] = ()  # runs in another language in "".join(spoken): `audio.foreign`


@dataclass(frozen=True)
class Chapter:
    section_id: str
    kind: str
    title: str
    units: tuple[tuple[Cue, ...], ...]

    @property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(cue for unit in self.units for cue in unit)


@dataclass(frozen=True)
class Plan:
    engine: EngineName
    title: str
    chapters: tuple[Chapter, ...]
    cast: Cast
    pauses: Pauses

    def cues(self) -> list[Cue]:
        return [cue for chapter in self.chapters for cue in chapter.cues]


def make_plan(doc: Document, cast: Cast, pauses: Pauses = Pauses(), rules: SpeechRules | None = None) -> Plan:
    rules = rules or load_rules(doc.pronunciation_table)
    writer = _Writer(doc, cast, pauses, rules)
    chapters = [writer.chapter(section, first=index == 0) for index, section in enumerate(doc.sections)]
    chapters = [c for c in chapters if c.units]
    if doc.meta.credit and chapters:
        last = chapters[-1]
        credit = tuple(writer.cues("narrator", [Span(text=doc.meta.credit)], pauses.paragraph))
        chapters[-1] = Chapter(last.section_id, last.kind, last.title, (*last.units[:-1], last.units[-1] + credit))
    return Plan(engine=cast.engine, title=doc.meta.title, chapters=tuple(_ended(c, pauses) for c in chapters),
                cast=cast, pauses=pauses)


def _ended(chapter: Chapter, pauses: Pauses) -> Chapter:
    """The last cue of a chapter is followed by the chapter's tail, not its own pause."""
    *units, last_unit = chapter.units
    last = last_unit[-1]
    ended = (*last_unit[:-1], replace(last, pause=pauses.tail))
    return Chapter(chapter.section_id, chapter.kind, chapter.title, (*units, ended))


class _Writer:
    def __init__(self, doc: Document, cast: Cast, pauses: Pauses, rules: SpeechRules) -> None:
        self.doc, self.cast, self.pauses, self.rules = doc, cast, pauses, rules
        self.introduced: dict[str, str] = {}  # in this chapter: speaker id → the role they were introduced with
        # names two speakers of the title share (a father and son both 张伟): their role is said
        # before every answer, the name alone being either of them
        names = [speaker.name for speaker in doc.speakers]
        self.namesakes = frozenset(name for name in names if names.count(name) > 1)

    def chapter(self, section: Section, first: bool) -> Chapter:
        title = section.title or word(SECTION_TITLES.get(section.kind) or "", self.doc.meta.language) or self.doc.meta.title
        self.introduced = {}
        units: list[list[Cue]] = []
        heading: list[Cue] = []  # joins the chapter's first unit
        if section.kind == "article":
            heading = self.opening() if first else []
            voice: Role = "narrator"
        elif section.kind in ("question", "closing"):
            spans = [Span(text=heading_pauses(title), lang=section.lang)] if section.lang else [
                span.model_copy(update={"text": heading_pauses(span.text)}) for span in
                heading_spans(title, self.doc.meta.language, section.loc)]  # (its English for the English voice)
            heading = self.cues("host", spans, self.pauses.title)
            voice = "host"
        else:
            heading = self.cues("narrator", [Span(text=heading_pauses(title) + "。", lang=section.lang)], self.pauses.title)
            voice = "narrator"
        units += [self.paragraph(paragraph, voice) for paragraph in read_as_one(section.paragraphs)]
        units += [self.answer(answer) for answer in section.answers]
        if section.references:
            units.append([cue for reference in section.references for cue in self.cues(
                "narrator", [Span(text=f"{cardinal(reference.number)}、{reference.text}。")], self.pauses.paragraph,
                shown=f"{reference.number}. {reference.text}")])
        units = [unit for unit in units if unit]
        if heading:
            units = [heading + units[0], *units[1:]] if units else [heading]
        return Chapter(section.id, section.kind, title, tuple(tuple(unit) for unit in units))

    def opening(self) -> list[Cue]:
        meta = self.doc.meta
        lines = [meta.title + "。"]
        if meta.subtitle:
            lines.append(meta.subtitle + "。")
        lines.append(f"{meta.outlet}，作者：{'、'.join(meta.authors)}。")
        return self.cues("narrator", [Span(text="".join(lines))], self.pauses.title)

    def answer(self, answer: Answer) -> list[Cue]:
        """The host's introduction, then the answer in the speaker's voice. A speaker's role is
        said the first time they answer in a chapter (and again if it changed): in an interview's
        back-and-forth, "本刊记者何田田" before every turn is heavy, and the voice tells who it is.
        Each chapter says it once more, for a listener who jumps to it; a name two speakers share
        is said with its role every time."""
        speaker = answer.speaker
        role = answer.shown_role or ""
        if self.introduced.get(speaker.id) == role and speaker.name not in self.namesakes:
            role = ""
        else:
            self.introduced[speaker.id] = role
        gap = " " if role and role[-1:].isascii() and role[-1:].isalnum() and speaker.name[:1].isascii() else ""
        intro = self.cues("host", [Span(text=f"{role}{gap}{speaker.name}")], self.pauses.intro,
                          shown=f"{answer.label}：", answer=answer)
        body: list[Cue] = []
        for paragraph in read_as_one(answer.paragraphs):
            body += self.paragraph(paragraph, "speaker", answer)
        if body:
            body[-1] = replace(body[-1], pause=self.pauses.answer)
        return intro + body

    def paragraph(self, paragraph: Paragraph, role: Role, answer: Answer | None = None) -> list[Cue]:
        """A paragraph in its voice, with asides split off to the host."""
        runs: list[tuple[Role, list[Span]]] = []
        spans = paragraph.spans
        if paragraph.heading:
            spans = tuple(span.model_copy(update={"text": heading_pauses(span.text)}) for span in spans)
        for span in spans:
            run_role: Role = "host" if span.style == "aside" else role
            if runs and runs[-1][0] == run_role:
                runs[-1][1].append(span)
            else:
                runs.append((run_role, [span]))
        cues: list[Cue] = []
        for index, (run_role, spans) in enumerate(runs):
            numbered = index == 0 and paragraph.number is not None
            last = index == len(runs) - 1
            cues += self.cues(run_role, spans, self.pauses.paragraph if last else self.pauses.aside, answer=answer,
                              shown_prefix=paragraph.marker if index == 0 else "",
                              spoken_prefix=f"第{cardinal(paragraph.number or 0)}，" if numbered else "")
        return cues

    def cues(self, role: Role, spans: list[Span], pause: float, *, shown: str | None = None,
             answer: Answer | None = None, shown_prefix: str = "", spoken_prefix: str = "") -> list[Cue]:
        """One cue (or none, if nothing is left to say) for a run of spans in one voice.

        `shown` replaces the printed text where the ear hears something else (the label before
        an answer, a reference's number); the prefixes number a point: （1） / 第一，.
        """
        if role == "speaker" and answer is not None:
            voice, who = self.cast.voice(answer.speaker.id), answer.speaker.name
        else:
            voice, who = (self.cast.host if role == "host" else self.cast.narrator), word(ROLE_NAMES[role], self.doc.meta.language)
        # runs another language's voice reads as printed (`foreign.apart`): not by the title's rules
        # (each sentence of a run apart: a run of two sentences is cut where the cue's sentences are)
        runs = _by_language(spans)  # (a run with emphasis inside, `I *really* like it`, is one run)
        handed = {piece: lang for text, lang in runs if lang and lang.lower() != self.doc.meta.language.lower()
                  and apart(voice, lang, text) for piece in sentences(text) if len(piece) >= 2}
        shown_sentences: list[str] = []
        spoken_sentences: list[str] = []
        unsaid = ""  # printed sentences with nothing to say (emoji) before the first said one
        text, at = "".join(s.text for s in spans), 0
        for sentence in sentences(text):
            spoken = spoken_sentence(sentence, handed, self.rules)
            start = text.find(sentence, at)
            if shown_sentences and start > at and not text[at:start].strip() and not (is_wide(sentence[0]) and is_wide(
                    shown_sentences[-1][-1])):  # a Latin sentence keeps the space the page prints after or before it
                # (Hi! Bye.: before, 'Hi!Bye.'; 说了一句 What a river! 旁边的人…: before, 'What a river!旁边', printed too)
                sentence, spoken = " " + sentence, (" " + spoken if spoken else spoken)
            at = start + len(sentence.lstrip()) if start >= 0 else at
            if spoken:
                shown_sentences.append(unsaid + sentence)
                spoken_sentences.append(spoken)
                unsaid = ""
            elif shown_sentences:  # nothing to say (a stray mark): it stays with the one before
                shown_sentences[-1] += sentence
            else:
                unsaid += sentence
        if not spoken_sentences and role == "speaker" and unsaid.strip() and shown is None:
            # An answer the voice cannot say (only emoji): its caption still shows it, under the
            # speaker's name, over a short silence (the host has just said whose answer it is).
            shown_sentences, spoken_sentences = [unsaid.strip()], [""]
        if not spoken_sentences:
            return []
        shown_sentences = [_as_printed(sentence) for sentence in shown_sentences]
        if shown is not None:
            shown_sentences = [shown] + [""] * (len(shown_sentences) - 1)
        shown_sentences[0] = shown_prefix + shown_sentences[0]
        spoken_sentences[0] = spoken_prefix + spoken_sentences[0]
        # runs in another language, where the spoken text holds them, for a voice of that language
        foreign = spoken_runs(runs, self.doc.meta.language,
                              lambda sentence, lang: said_apart(sentence, lang, self.rules)
                              if apart(voice, lang, sentence) else speak(sentence, self.rules))
        return [Cue(role=role, who=who, voice=voice, shown=tuple(shown_sentences), spoken=tuple(spoken_sentences),
                    pause=pause, speaker_id=answer.speaker.id if answer else None,
                    answer_id=answer.id if answer else None, label=answer.label if answer else None,
                    runs=located("".join(spoken_sentences), foreign))]


def _by_language(spans: list[Span]) -> list[tuple[str, str | None]]:
    """The spans' text joined where neighbours share a language: (text, lang) runs. Emphasis cut an
    English sentence into three spans, and `I` alone, too short for a run, went to the Chinese voice."""
    return [(("".join(span.text for span in group)), lang) for lang, group in groupby(spans, key=lambda span: span.lang)]


# Marks a line of verse may end in that pause the voice; a line ending in a word (lyrics are often
# written without punctuation: 铁皮车推走了月亮 / 塑料凳叠成了山) gets a comma for the ear, or the
# voice ran the lines together ('月亮塑料凳', '山地上' read as the word 山地). Closing quotes and
# brackets are looked through (…“谢谢光临” / …).
_LINE_PAUSES = frozenset("，。！？；：、…—,.;:!?")
_LOOKED_THROUGH = "”’」』）》〉】〕\"')]"


def line_pause(before: str, after: str) -> str:
    """What joins a verse's line to the next for the ear: the editor's line join
    (`sourcetext.line_join`) after a mark that pauses, else a comma (full width after a wide
    character, ', ' after a Latin word)."""
    last = before.rstrip().rstrip(_LOOKED_THROUGH)[-1:]
    if not last or not after.strip() or last in _LINE_PAUSES:
        return line_join(before[-1:], after[:1])
    return "，" if is_wide(before.rstrip()[-1]) or is_wide(after.lstrip()[:1]) else ", "


# A space between two Chinese words of a heading parts its number from its name (第2节 住在…, 第一章
# 夜市): a pause for the ear (before: 第二节住在…, one run), the space as printed in the captions.
_HEADING_SPACE = re.compile(r"(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff\d])")


def heading_pauses(text: str) -> str:
    """A heading's or a chapter title's spaces between Chinese words, each a pause the voice makes."""
    return _HEADING_SPACE.sub(lambda m: m[0] + EAR_ONLY + "，", text)


def _as_printed(text: str) -> str:
    """A verse's lines as the page prints them: the comma `line_pause` added for the ear is no
    caption's and no script's (before: 铁皮车推走了月亮，塑料凳… showed a comma the page has not)."""
    return text.replace(EAR_ONLY + "，", "").replace(EAR_ONLY + ", ", " ")


def read_as_one(paragraphs: tuple[Paragraph, ...]) -> list[Paragraph]:
    """The paragraphs as the ear gets them: a verse's lines (`continued`, after a hard line
    break) are read on with the line before, as one cue, where the page sets each on its own
    line; the punctuation between them pauses the voice (a comma where a line ends in a word:
    `line_pause`), and the caption shows the stanza."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        if paragraph.continued and out:
            before = out[-1]
            gap = line_pause(before.text, paragraph.text)
            if gap.strip() in ("，", ","):  # (a pause for the ear alone: `_as_printed`)
                gap = EAR_ONLY + gap
            spans = (*before.spans, *((Span(text=gap),) if gap else ()), *paragraph.spans)
            out[-1] = before.model_copy(update={"spans": spans})
        else:
            out.append(paragraph)
    return out
