"""The eSpeak voice table measured again: each variant's pitch is what the table says, pitch
and rate settings really move the voice (what tells speakers sharing a variant apart), and the
voices the table calls one family sound alike while the cast's neighbours do not."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pipeline.audio.engine import Request, VoiceSpec
from pipeline.audio.espeak import speak
from pipeline.audio.voices import load_table
from tests.audio.acoustics import Voiceprint, pitch, semitones, speaking_rate

TEXT = ("白天家里孙子闹，晚上这里安静。", "我一般八点到，坐靠窗那张桌子，看完两份报纸再借一本小说回去。")


def render(name: str, pitch_setting: int = 50, rate: int = 180, text: tuple[str, ...] = TEXT) -> tuple:
    segment = speak(Request("measure", VoiceSpec("espeak", name, pitch_setting, rate), text))
    return segment.samples, segment.sample_rate


def test_every_variant_has_the_pitch_the_table_says() -> None:
    """Median of five renderings: some variants (grandpa's flutter) wander by utterance, and three
    once measured 1.5 semitones low in a full run. Three renderings within a semitone already put
    the median of five within it, whatever the other two measure: only a variant with one of its
    first three outside is rendered five times (the same assertion, two fifths of the time: the
    test took over a minute)."""
    table = load_table("espeak")
    for entry in table.voices:
        renderings: list[float] = []
        while len(renderings) < 5 and sum(abs(semitones(f, entry.f0)) < 1.0 for f in renderings) < 3:
            renderings.append(pitch(*render(entry.name, text=TEXT[1:])))
        if len(renderings) < 5:
            continue  # three of five within: so is their median
        measured = float(np.median(renderings))
        assert abs(semitones(measured, entry.f0)) < 1.0, (entry.name, measured, entry.f0)


@pytest.mark.parametrize("name", ["m1", "f2", "Gene", "steph"])
def test_pitch_steps_move_the_voice_as_the_table_says(name: str) -> None:
    table = load_table("espeak")
    low, high = min(table.pitches), max(table.pitches)
    shift = semitones(pitch(*render(name, high)), pitch(*render(name, low)))
    expected = (high - low) * table.semitones_per_pitch_step
    assert shift == pytest.approx(expected, rel=0.35)  # variants differ: 0.11 to 0.26 semitones a step
    assert shift > 2 * table.apart_semitones  # far enough apart to tell two speakers of one variant apart


def test_rate_steps_change_the_speaking_time() -> None:
    table = load_table("espeak")
    times = [speaking_rate(*render("m1", 50, rate)) for rate in sorted(table.rates)]
    assert times == sorted(times, reverse=True)
    slowest, fastest = min(table.rates), max(table.rates)
    assert times[0] / times[-1] == pytest.approx(fastest / slowest, rel=0.1)


def test_families_sound_alike_and_the_cast_apart() -> None:
    """Two variants the table puts in one family are acoustically near; neighbours of the first
    title's cast lie further apart than a voice from itself on another text."""
    near = Voiceprint.of(*render("klatt4")).distance(Voiceprint.of(*render("edward")))
    far = Voiceprint.of(*render("david")).distance(Voiceprint.of(*render("Andrea")))
    assert near < 4.0 < far
    assert math.isfinite(near)
