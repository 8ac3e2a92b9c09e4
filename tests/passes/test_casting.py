"""Voice casting on both engines: distinct, deterministic, obeying hints, and never two answers
in a row in voices a listener could mistake for one another."""

from __future__ import annotations

import pytest

from pipeline.audio.engine import ENGINES
from pipeline.audio.voices import load_table
from pipeline.errors import SourceError
from pipeline.model import Document, VoiceHint
from pipeline.passes.casting import answer_order, cast, similar as alike


def similar(a, b) -> bool:  # noqa: ANN001
    return alike(a, b, load_table(a.engine).apart_semitones)


def with_hint(doc: Document, speaker_id: str, hint: VoiceHint) -> Document:
    speakers = tuple(s.model_copy(update={"voice": hint}) if s.id == speaker_id else s for s in doc.speakers)
    by_id = {s.id: s for s in speakers}
    sections = tuple(
        section.model_copy(update={"answers": tuple(a.model_copy(update={"speaker": by_id[a.speaker.id]})
                                                    for a in section.answers)})
        for section in doc.sections)
    return doc.model_copy(update={"speakers": speakers, "sections": sections})


@pytest.mark.parametrize("engine", ENGINES)
def test_every_speaker_has_a_voice_of_their_own(first_title: Document, engine: str) -> None:
    result = cast(first_title, engine)
    voices = [(v.voice, v.pitch, v.rate) for v in result.speakers.values()]
    assert len(result.speakers) == len(first_title.speakers) == 44
    assert len(set(voices)) == len(voices)
    assert not result.notes


@pytest.mark.parametrize("engine", ENGINES)
def test_consecutive_answers_never_sound_alike(first_title: Document, engine: str) -> None:
    result = cast(first_title, engine)
    order = answer_order(first_title)
    for before, after in zip(order, order[1:]):
        if before != after:
            assert not similar(result.voice(before), result.voice(after)), (before, after)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_speaker_sounds_like_the_host_or_shares_the_narrators_family(first_title: Document, engine: str) -> None:
    result = cast(first_title, engine)
    assert not similar(result.narrator, result.host)
    for voice in result.speakers.values():
        assert not similar(voice, result.host) and voice.family != result.narrator.family


@pytest.mark.parametrize("engine", ENGINES)
def test_gender_hints_are_obeyed(first_title: Document, engine: str) -> None:
    result = cast(first_title, engine)
    for speaker in first_title.speakers:
        if speaker.voice.gender:
            assert result.voice(speaker.id).gender == speaker.voice.gender, speaker.name


def test_casting_is_deterministic_and_ignores_text_edits(first_title: Document) -> None:
    edited_sections = tuple(
        s.model_copy(update={"answers": tuple(a.model_copy(update={"paragraphs": a.paragraphs[:1]})
                                              for a in s.answers)})
        for s in first_title.sections)
    edited = first_title.model_copy(update={"sections": edited_sections})
    for engine in ENGINES:
        assert cast(first_title, engine) == cast(first_title, engine) == cast(edited, engine)


def test_a_fixed_voice_hint_is_obeyed(test_title: Document) -> None:
    doc = with_hint(test_title, "suwen", VoiceHint(gender="female", espeak="steph", edge="zh-TW-HsiaoYuNeural"))
    assert cast(doc, "espeak").voice("suwen").voice == "steph"
    assert cast(doc, "edge").voice("suwen").voice == "zh-TW-HsiaoYuNeural"


def test_an_unknown_fixed_voice_points_at_the_speaker(test_title: Document) -> None:
    doc = with_hint(test_title, "suwen", VoiceHint(espeak="nosuchvoice"))
    with pytest.raises(SourceError, match="no espeak voice 'nosuchvoice'") as error:
        cast(doc, "espeak")
    assert error.value.line > 1 and error.value.path.endswith("test-title.md")


def test_age_hint_moves_pitch_and_rate(test_title: Document) -> None:
    table = load_table("espeak")
    senior = cast(test_title, "espeak").voice("laozhou")  # the source marks 老周 senior
    pitch_shift, rate_shift = table.age_shift["senior"]
    assert senior.rate in {r + rate_shift for r in table.rates}
    assert senior.pitch in {max(0, p + pitch_shift) for p in table.pitches}


def test_voice_tables_name_real_role_voices() -> None:
    for engine in ENGINES:
        table = load_table(engine)
        assert table.role("narrator").family != table.role("host").family
        assert len({v.name for v in table.voices}) == len(table.voices)
