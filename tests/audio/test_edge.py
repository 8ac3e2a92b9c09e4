"""The edge engine through its real code path (edge-tts's Communicate, our retries, decoding and
word timing), with only aiohttp's ClientSession replaced by a service answer replayed from
tests/audio/fixtures/edge-response.json; and the offline failure, which must be a message within
seconds, never a traceback or a hang.

The replayed answer is SYNTHETIC (make_edge_fixture.py): the service has never been reachable
from here, so its audio is eSpeak NG's, framed as the service frames its own, with WordBoundary
events where eSpeak said each word starts. It tests our handling of the protocol, not the
service's voices."""

from __future__ import annotations

import re
import time

import aiohttp
import numpy as np
import pytest

from pipeline.audio import select
from pipeline.audio.edge import SAMPLE_RATE, EdgeEngine
from pipeline.audio.engine import Request, VoiceSpec
from pipeline.errors import PublishError
from tests.audio.edge_fake import Service, recorded

VOICE = VoiceSpec("edge", "zh-CN-YunxiNeural", pitch=8, rate=-8, gender="male", family="yunxi")


@pytest.fixture
def service(monkeypatch) -> Service:
    fake = Service()
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)
    return fake


def request(n: int = 0) -> Request:
    sentences = tuple(recorded()["sentences"])
    return Request(key=f"k{n}", voice=VOICE, sentences=sentences)


def run(engine: EdgeEngine, requests: list[Request]) -> dict[str, object]:
    done = {}
    engine.synthesise(requests, lambda req, seg: done.__setitem__(req.key, seg))
    return done


TOLERANCE = 0.02  # seconds: boundary-driven times are exact but for the ms rounding of the fixture


def test_edge_segment_is_decoded_and_timed_from_the_service_answer(service: Service) -> None:
    answer = recorded()
    (segment,) = run(EdgeEngine(), [request()]).values()
    assert segment.sample_rate == SAMPLE_RATE
    # the engine trims the silence at the edges (0.1 s before the speech, 0.8 s after it)
    assert abs(segment.duration - (answer["audio_seconds"] - 0.9)) < 0.2
    assert np.abs(segment.samples).max() > 3000  # speech, not silence
    assert len(segment.marks) == 2 and segment.marks[0] == 0.0
    # every word the service timed is an anchor at its time, less one constant (the trim)
    text = "".join(answer["sentences"])
    expected, at = [], 0
    for word, start in answer["words"]:
        at = text.index(word, at)
        expected.append((at, start))
        at += len(word)
    anchors = dict(segment.anchors)
    shift = float(np.median([start - anchors[offset] for offset, start in expected]))
    for offset, start in expected:
        if start - shift > 0:  # (the first word's time is clipped at the segment's start)
                assert anchors[offset] == pytest.approx(start - shift, abs=TOLERANCE), text[offset:]
    # the second sentence starts where the service said, which is far from where a share of
    # characters would put it (the fixture's sentences are slow and fast, with a long pause)
    second = len(answer["sentences"][0])
    by_boundary = answer["sentence_starts"][1] - shift
    by_characters = segment.duration * second / len(text)
    assert abs(by_boundary - by_characters) > 20 * TOLERANCE
    assert segment.marks[1] == pytest.approx(by_boundary, abs=TOLERANCE)
    # and that is where the sound of the second sentence starts, after the pause
    x = np.abs(segment.samples.astype(float))
    rate = segment.sample_rate
    window = int(0.01 * rate)
    level = np.convolve(x, np.ones(window) / window, mode="same")
    pause = int((answer["sentence_starts"][1] - shift - 0.4) * rate)
    onset = (pause + np.flatnonzero(level[pause:] > 0.05 * level.max())[0]) / rate
    assert onset == pytest.approx(segment.marks[1], abs=0.06)


def test_edge_sends_the_cast_voice_pitch_and_rate(service: Service) -> None:
    run(EdgeEngine(), [request()])
    ssml = next(message for message in service.sent if "<speak" in message)
    assert "(zh-CN, YunxiNeural)" in ssml and "pitch='+8Hz'" in ssml and "rate='-8%'" in ssml
    assert "今天的节目从一条新闻说起。" in ssml
    config = next(message for message in service.sent if "speech.config" in message)
    assert '"wordBoundaryEnabled":"true"' in config  # word timings, for the captions


def test_edge_runs_requests_concurrently_but_bounded(service: Service) -> None:
    done = run(EdgeEngine(concurrency=3), [request(n) for n in range(8)])
    assert len(done) == 8
    assert service.most_open == 3


def test_edge_retries_with_backoff(monkeypatch) -> None:
    fake = Service(fail_first=2)
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    done = run(EdgeEngine(backoff=0.5, sleep=sleep), [request()])
    assert len(done) == 1
    assert waits == [0.5, 1.0]
    assert fake.connections == 3


def test_edge_gives_up_with_a_message(monkeypatch) -> None:
    fake = Service(fail_first=99)
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)

    async def sleep(seconds: float) -> None:
        return None

    with pytest.raises(PublishError, match=r"edge-tts failed 4 times .*--engine espeak"):
        run(EdgeEngine(sleep=sleep), [request()])


def test_engine_edge_offline_fails_in_seconds_with_a_message(monkeypatch) -> None:
    fake = Service(fail_first=99, failure=aiohttp.ClientConnectionError("Cannot connect to host"))
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)
    started = time.monotonic()
    with pytest.raises(PublishError) as error:
        select.choose("edge", log=lambda line: None)
    assert time.monotonic() - started < 50  # no retries with back-off: not minutes
    message = str(error.value)
    assert message.startswith("--engine edge: the edge-tts speech service cannot be reached")
    assert "--engine espeak" in message and "Traceback" not in message


def test_engine_edge_does_not_hang_when_the_service_never_answers(monkeypatch) -> None:
    fake = Service(hang=True)
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)
    started = time.monotonic()
    with pytest.raises(PublishError, match="no answer within 0.5 s"):
        select.choose("edge", log=lambda line: None, probe=lambda: select.edge_problem(timeout=0.5))
    assert time.monotonic() - started < 30  # the fake hangs for an hour


def test_auto_falls_back_to_espeak_saying_so_in_one_line(monkeypatch) -> None:
    fake = Service(fail_first=99)
    monkeypatch.setattr(aiohttp, "ClientSession", fake.session)
    lines: list[str] = []
    assert select.choose("auto", log=lines.append) == "espeak"
    assert len(lines) == 1 and "eSpeak NG" in lines[0] and "\n" not in lines[0]


def test_auto_uses_edge_when_the_service_answers(service: Service) -> None:
    assert select.choose("auto", log=lambda line: None) == "edge"


def test_the_real_offline_machine_gets_the_message_too() -> None:
    """On this machine the service is unreachable: the real probe must say so quickly."""
    started = time.monotonic()
    problem = select.edge_problem(timeout=4)
    if problem is None:
        pytest.skip("the edge-tts service is reachable from here")
    assert time.monotonic() - started < 60  # not the minutes of a hung connect
    assert "0x" not in problem  # no object addresses in what the user reads


def test_audio_edition_with_the_edge_engine(service: Service, tmp_path, test_title) -> None:
    """The whole edition through the edge path (24 kHz, decoded MP3 segments) with the replayed
    service: every request gets the recorded answer, so only the machinery is under test."""
    import pyloudnorm

    from pipeline.cache import Cache
    from pipeline.renderers.audio import AudioRenderer
    from tests.renderers.audiotools import context, decode, id3_chapters

    log: list[str] = []
    mp3, _m4b, vtt = AudioRenderer().build(test_title, context(tmp_path / "out", Cache(tmp_path / "cache"), log,
                                                                engine="edge"))
    assert log[-1].startswith("audio: edge,")
    x, rate = decode(mp3)
    assert rate == SAMPLE_RATE
    assert pyloudnorm.Meter(rate).integrated_loudness(x) == pytest.approx(-16.0, abs=1.0)
    assert len(id3_chapters(mp3)) == len(test_title.sections)
    assert "<v 老周>" in vtt.read_text(encoding="utf-8")
    assert any("(zh-CN, YunyangNeural)" in m for m in service.sent)  # the narrator's voice was asked for
    # at the service's boundary: each answer's words went out in its speaker's cast voice and prosody
    from pipeline.passes.casting import cast

    voices = cast(test_title, "edge")
    ssml = [m for m in service.sent if "<speak" in m]
    checked = 0
    for section in test_title.chapters:
        for answer in section.answers:
            voice = voices.voice(answer.speaker.id)
            locale, name = voice.voice.rsplit("-", 1)
            for paragraph in answer.paragraphs:
                run = re.search(r"[\u4e00-\u9fff]{4,}", "".join(s.text for s in paragraph.spans if s.style != "aside"))
                if run is None or "行长" in run[0]:  # (respelt for the ear)
                    continue
                sent = [m for m in ssml if run[0] in m]
                assert sent and all(f"({locale}, {name})" in m and f"pitch='{voice.pitch:+d}Hz'" in m
                                    and f"rate='{voice.rate:+d}%'" in m for m in sent), (run[0], voice)
                checked += 1
    assert checked >= 5
