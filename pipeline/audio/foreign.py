"""Runs of another language read by a voice of that language.

A run the source marks as another language (`[Night Owl Reading]{lang=en}`, a heading's
`{lang=fr}`, or a paragraph the language pass found to be German) was read by the speaker's
Mandarin voice: English by Mandarin letter rules, French and German as if they were English.
Now the plan notes where each such run lies in a cue's spoken text (`Cue.runs`), and an engine
cuts the request there (`pieces`): each foreign piece is synthesised with the voice of its
language that `data/voices-languages.toml` names (`[foreign.espeak]`: eSpeak's language voice,
keeping the speaker's variant, pitch and rate; `[foreign.edge]`: a neural voice of the speaker's
gender, keeping their pitch and rate offsets), and the pieces are joined into the cue's one
segment (`joined`), so the captions, the timeline and the script are those of the cue as before.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pipeline.audio.engine import Anchor, Request, Segment, VoiceSpec, ordered_anchors, time_at
from pipeline.audio.voices import DATA_DIR, LANGUAGES_FILE, spoken_language
from pipeline.diagnostics import Diagnostic
from pipeline.errors import PublishError
from pipeline.foreignruns import wrapped

# The pause a piece's edge keeps where the text pauses there (each piece is trimmed of the silence
# the engine put around it, so a full stop after a run was lost: the voice ran on into the next
# sentence). Seconds, about what eSpeak and edge pause at these marks inside one request.
SENTENCE_PAUSE, CLAUSE_PAUSE = 0.4, 0.2
_SENTENCE_MARKS = frozenset("。！？.!?…")
_CLAUSE_MARKS = frozenset("，、；：,;:—")
if TYPE_CHECKING:
    from pipeline.model import Document
    from pipeline.passes.speech_tables import SpeechRules

Run = tuple[int, int, str]  # (start, end) in the cue's joined spoken text, and the run's BCP 47 tag
_TRIMMED = " \t\u3000.,;:!?。，；：！？、…\"'“”‘’()（）"


@functools.cache
def _tables() -> dict[str, dict[str, object]]:
    path = DATA_DIR / LANGUAGES_FILE
    try:
        foreign = tomllib.loads(path.read_text(encoding="utf-8")).get("foreign", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PublishError(f"the language table {path} is missing or broken ({exc})") from None
    return {engine: {key.lower(): value for key, value in table.items()} for engine, table in foreign.items()}


@functools.cache
def _spoken(tag: str) -> str | None:
    """The spoken language of a tag as the title's is found (`voices.spoken_language`): cmn, yue."""
    return spoken_language(tag)


def _lookup(table: Mapping[str, object], tag: str) -> object | None:
    """The entry of the longest key the tag starts with, whole subtags, any case."""
    subtags = tag.strip().replace("_", "-").lower().split("-")
    for size in range(len(subtags), 0, -1):
        found = table.get("-".join(subtags[:size]))
        if found:
            return found
    return None


def foreign_voice(voice: VoiceSpec, tag: str) -> VoiceSpec | None:
    """The voice that reads a run in `tag` for a speaker whose own voice is `voice`; None where
    that is the speaker's own language or the tables name no voice for it (the run stays in the
    speaker's voice)."""
    if _spoken(tag) == voice.language:  # {lang=zh-TW} in a Mandarin title: the speaker reads it
        return None
    found = _lookup(_tables().get(voice.engine, {}), tag)
    if voice.engine == "espeak":
        if not isinstance(found, str) or found == voice.language:
            return None
        return dataclasses.replace(voice, language=found)
    if not isinstance(found, list) or len(found) != 2:
        return None
    name = found[1] if voice.gender == "male" else found[0]
    if name == voice.voice or name.split("-")[:2] == voice.voice.split("-")[:2]:
        return None  # a voice of the speaker's own locale reads it already
    return dataclasses.replace(voice, voice=name, language=tag)


def run_voices(voice: VoiceSpec, runs: Iterable[Run]) -> str:
    """What the script adds to a cue's voice: the voice each language of its runs is read with
    (' · en: en-US+m3'), so an editor sees what the engine is given; '' for a cue with none."""
    said = {}
    for _start, _end, lang in runs:
        other = foreign_voice(voice, lang)
        if other is not None:
            said.setdefault(lang, other.engine_voice)
    return "".join(f" · {lang}: {name}" for lang, name in said.items())


def apart(voice: VoiceSpec, lang: str | None, text: str) -> bool:
    """Whether a marked run is handed to a voice of its language as it is printed (a Latin-letter
    run a voice of its language reads: `said_apart`), rather than read by the text-for-the-ear rules
    of the title's language (a run no voice of its own reads, W431, or one in Chinese characters,
    {lang=yue}: the figures are said in Chinese words for the Cantonese voice)."""
    return bool(lang) and foreign_voice(voice, lang) is not None and not _HAN.search(text)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_QUOTE_MARKS = re.compile(r"[“”「」『』《》〈〉\"]")


def said_apart(text: str, lang: str, rules: SpeechRules) -> str:
    """A run another language's voice reads, as that voice is given it: English with its figures in
    English words (Henry VIII → Henry the Eighth, Catch-22 → Catch-twenty-two; `speech_english`), any
    other language as printed, its figures for its voice to read in its own words; quote marks
    dropped. Before (the twelfth sweep), the title's Mandarin rules read them: the English voice was
    handed Henry八世, Super Bowl五十八, Catch二十二."""
    from pipeline.passes.speech_english import english_numbers

    said = english_numbers(text, rules, marked=True) if lang.lower().split("-")[0] == "en" else text
    return re.sub(r"\s+", " ", _QUOTE_MARKS.sub("", said)).strip()


def spoken_sentence(sentence: str, runs: Mapping[str, str], rules: SpeechRules) -> str:
    """A printed sentence as it is spoken, its runs of `runs` (text → language, those read `apart`)
    as `said_apart` gives them and the text around them by the title's rules (`speech.speak`)."""
    from pipeline.passes.speech import speak

    parts = wrapped(sentence, runs) if runs else []
    if not any(lang for _piece, lang in parts):
        return speak(sentence, rules)
    said = "".join(_spaced(piece, said_apart(piece, lang, rules) if lang else speak(piece, rules, part=True))
                   for piece, lang in parts)
    said = re.sub(r"^[，、：；。\s]+", "", re.sub(r"\s+", " ", said).strip())
    return re.sub(r"[，、：；]$", "。", said)


def _spaced(printed: str, said: str) -> str:
    """A piece's spoken text with the space the page prints at its edges (`my day. 以后`, where a
    run meets the text around it): the script shows what is spoken, and showed `my day.以后`; the
    English voice was handed `I reallylike this place` for `I *really* like this place`."""
    if not said:  # (a space alone between two runs: `I *really* like it` is three of them)
        return " " if printed[:1].isspace() else said
    return (" " if printed[:1].isspace() else "") + said + (" " if printed[-1:].isspace() else "")


def spoken_runs(pieces: Iterable[tuple[str, str | None]], title_language: str, say) -> dict[str, str]:
    """The spoken form of each marked run (`say`: a printed sentence and its language → its spoken
    text) → its language, for runs marked with another tag than the title's; a run's closing mark is
    left to the text around it (a piece of punctuation is not worth a voice of its own)."""
    from pipeline.passes.speech import sentences

    runs: dict[str, str] = {}
    for text, lang in pieces:
        if not lang or lang.lower() == title_language.lower():
            continue  # (a run of another tag of the same spoken language: `foreign_voice` keeps its voice)
        for sentence in sentences(text):
            spoken = say(sentence, lang).strip(_TRIMMED)
            if len(spoken) >= 2:
                runs.setdefault(spoken, lang)
    return runs


def located(text: str, runs: Mapping[str, str]) -> tuple[Run, ...]:
    """Where each run lies in a cue's spoken text."""
    found: list[Run] = []
    at = 0
    for piece, lang in wrapped(text, runs) if runs else ():
        if lang:
            found.append((at, at + len(piece), lang))
        at += len(piece)
    return tuple(found)


def pieces(request: Request) -> list[tuple[int, Request]]:
    """The request cut at its runs: (offset in its text, a one-piece request in the voice that
    reads it). Text with no letter or digit between two runs (a space, a comma) goes with the
    piece before it."""
    text = request.text
    cuts: list[tuple[int, int, VoiceSpec]] = []
    at = 0
    for start, end, lang in request.runs:
        if start > at:
            cuts.append((at, start, request.voice))
        cuts.append((start, end, foreign_voice(request.voice, lang) or request.voice))
        at = end
    if at < len(text):
        cuts.append((at, len(text), request.voice))
    merged: list[tuple[int, int, VoiceSpec]] = []
    for start, end, voice in cuts:
        said = any(char.isalnum() for char in text[start:end])
        if merged and (not said or merged[-1][2] == voice):
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        elif merged and not any(char.isalnum() for char in text[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], end, voice)
        else:
            merged.append((start, end, voice))
    return [(start, Request(key=f"{request.key}:{start}", voice=voice, sentences=(text[start:end],)))
            for start, end, voice in merged]


def pause_at(text: str, offset: int) -> float:
    """The silence where two pieces meet at `offset`: a sentence's end or a clause's mark on
    either side of the cut (spaces looked through), else none beyond the engine's margins."""
    marks = set(text[:offset].rstrip()[-1:] + text[offset:].lstrip()[:1])
    if marks & _SENTENCE_MARKS:
        return SENTENCE_PAUSE
    return CLAUSE_PAUSE if marks & _CLAUSE_MARKS else 0.0


def joined(request: Request, parts: Sequence[tuple[int, Segment]]) -> Segment:
    """The pieces' segments as the request's one segment: samples end to end (each piece keeps
    the engine's short margin, a breath between languages), anchors moved to the request's text
    and time, each sentence's start read from them."""
    import numpy as np

    rate = parts[0][1].sample_rate
    anchors: list[Anchor] = []
    chunks = []
    elapsed = 0.0
    for offset, segment in parts:
        if offset:  # the pause the text makes where two pieces meet (a full stop after a run)
            gap = pause_at(request.text, offset)
            chunks.append(np.zeros(int(round(gap * rate)), np.int16))
            elapsed += len(chunks[-1]) / rate
        anchors.append((offset, elapsed))
        anchors += [(offset + at, elapsed + time) for at, time in segment.anchors]
        chunks.append(segment.samples)
        elapsed += segment.duration
    timed = ordered_anchors(anchors)
    marks = tuple(0.0 if not index else round(time_at(timed, len(request.text), elapsed, start), 4)
                  for index, start in enumerate(request.sentence_starts()))
    return Segment(samples=np.concatenate(chunks).astype(np.int16), sample_rate=rate, marks=marks, anchors=timed)


def voiceless_runs(doc: Document) -> list[Diagnostic]:
    """W431, once per language at its first run: a run marked a language neither engine has a voice
    for (`{lang=sw}`): the audio reads it in the speaker's own voice, as the title's language."""
    own = spoken_language(doc.meta.language)
    if own is None:
        return []  # no voice reads the title at all (W409)
    tables = _tables()
    seen: set[str] = set()
    found = []
    for paragraph in doc.paragraphs():
        for span in paragraph.spans:
            lang = span.lang
            if not lang or lang.lower() in seen or lang.lower() == doc.meta.language.lower() or _spoken(lang) == own:
                continue
            seen.add(lang.lower())
            if any(_lookup(table, lang) for table in tables.values()):
                continue
            found.append(Diagnostic("W431", paragraph.loc.path, paragraph.loc.line, paragraph.loc.col,
                                    f"“{span.text.strip()[:30]}” is marked {lang}, a language no voice of the audio "
                                    f"edition reads: it is read in the speaker's own voice, as {doc.meta.language}"))
    return found
