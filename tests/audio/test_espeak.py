"""The offline engine: eSpeak NG's Mandarin voice from the espeakng-loader wheel, through ctypes."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.audio.engine import Request, Segment, VoiceSpec
from pipeline.audio.espeak import SAMPLE_RATE, EspeakEngine, speak
from pipeline.errors import PublishError

SENTENCES = ("今天的节目从一条新闻说起。", "我们请三位嘉宾聊一聊！", "第三句话比较短。")


def voice(name: str = "m1", pitch: int = 50, rate: int = 180) -> VoiceSpec:
    return VoiceSpec("espeak", name, pitch, rate, "male", name)


def test_speaks_mandarin_with_a_start_for_every_sentence() -> None:
    segment = speak(Request("k", voice(), SENTENCES))
    assert segment.sample_rate == SAMPLE_RATE == 22050
    assert 4 < segment.duration < 15
    assert len(segment.marks) == 3 and segment.marks[0] == 0.0
    assert list(segment.marks) == sorted(segment.marks) and segment.marks[2] < segment.duration
    # the engine's own leading and trailing silence is trimmed
    assert np.abs(segment.samples[:200]).max() < 3000 and np.abs(segment.samples[:2000]).max() > 300


def test_variant_pitch_and_rate_change_the_voice() -> None:
    base = speak(Request("k", voice("m1"), SENTENCES[:1]))
    faster = speak(Request("k", voice("m1", rate=230), SENTENCES[:1]))
    other = speak(Request("k", voice("f2"), SENTENCES[:1]))
    assert faster.duration < base.duration * 0.9
    assert not np.array_equal(base.samples[:5000], other.samples[:5000])


def test_same_request_same_speech() -> None:
    """eSpeak NG carries a little state from one utterance to the next (the same text can come
    out a few samples longer), so equal means equal timing, not equal bytes; the segment cache
    is what makes rebuilds byte-identical."""
    request = Request("k", voice("Annie", 60), SENTENCES)
    first, second = speak(request), speak(request)
    assert first.duration == pytest.approx(second.duration, rel=0.01)
    assert first.marks == pytest.approx(second.marks, abs=0.02)


def test_unknown_variant_is_a_message() -> None:
    with pytest.raises(PublishError, match="no voice 'cmn\\+nosuchvoice'"):
        speak(Request("k", voice("nosuchvoice"), SENTENCES[:1]))


def test_engine_reports_each_segment_as_it_is_made() -> None:
    requests = [Request(f"k{n}", voice(), (f"第{n}句。",)) for n in range(3)]
    seen: list[str] = []
    EspeakEngine().synthesise(requests, lambda request, segment: seen.append(request.key))
    assert seen == ["k0", "k1", "k2"]


def test_segment_bytes_round_trip() -> None:
    segment = speak(Request("k", voice(), SENTENCES[:2]))
    again = Segment.from_bytes(segment.to_bytes())
    assert np.array_equal(again.samples, segment.samples)
    assert again.marks == segment.marks and again.sample_rate == segment.sample_rate


def test_word_events_time_each_character() -> None:
    """eSpeak NG reports where it starts each word (for Mandarin: each character it reads); the
    segment keeps them as anchors, in order, inside the audio, a sentence start among them."""
    segment = speak(Request("k", voice(), SENTENCES))
    offsets = [o for o, _t in segment.anchors]
    times = [t for _o, t in segment.anchors]
    assert len(offsets) >= 0.8 * len("".join(SENTENCES)) - 6  # punctuation has no event
    assert offsets == sorted(set(offsets)) and times == sorted(times)
    assert 0 <= times[0] and times[-1] < segment.duration
    second = len(SENTENCES[0])
    assert dict(segment.anchors)[second] == pytest.approx(segment.marks[1], abs=0.02)
    # a slower rate moves every later word later
    slow = speak(Request("k", voice(rate=120), SENTENCES))
    assert dict(slow.anchors)[second] > 1.3 * dict(segment.anchors)[second]
