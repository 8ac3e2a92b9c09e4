"""Which segments a plan asks the engine for, and how they go through the cache.

The plan and the engine are test doubles written here: a plan is only its list of cues, and the
engine records every request it is handed (the voice and the sentences) and answers with samples
that say which request they were made for. The expected requests are a table written by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.audio import segments
from pipeline.audio.engine import Request, Segment, VoiceSpec
from pipeline.audio.plan import Cue
from pipeline.cache import Cache

HOST = VoiceSpec("espeak", "m1", 50, 170)
WANG = VoiceSpec("espeak", "f2", 60, 170)
LI = VoiceSpec("espeak", "m3", 40, 160)


def cue(voice: VoiceSpec, *spoken: str) -> Cue:
    return Cue(role="answer", who="x", voice=voice, shown=spoken, spoken=spoken, pause=0.5)


class Plan:
    def __init__(self, cues: list[Cue]) -> None:
        self._cues = cues

    def cues(self) -> list[Cue]:
        return self._cues


class RecordingEngine:
    """Answers request number n with n + 1 samples of value n + 1, and records what it was asked."""

    name = "espeak"
    sample_rate = 16000

    def __init__(self, version: str = "1") -> None:
        self.version = version
        self.asked: list[Request] = []

    def identity(self) -> dict[str, object]:
        return {"engine": "recording", "version": self.version}

    def synthesise(self, requests: Sequence[Request], done) -> None:
        for request in requests:
            self.asked.append(request)
            n = len(self.asked)
            done(request, Segment(np.full(n, n, dtype=np.int16), self.sample_rate, (0.0,)))


PROGRAMME = Plan([
    cue(HOST, "你好。"),
    cue(WANG, "回答一。", "第二句。"),
    cue(LI, "回答二。"),
    cue(HOST, "你好。"),          # said again in the same voice: the same segment
    cue(LI, "你好。"),            # the same words in another voice: a segment of its own
    cue(WANG, "回答二。"),        # another voice's words: a segment of its own
    cue(WANG, "回答一。"),        # part of an earlier cue's text only: a segment of its own
])

# (voice, sentences) of each distinct segment, in programme order, by hand.
EXPECTED = [
    (HOST, ("你好。",)),
    (WANG, ("回答一。", "第二句。")),
    (LI, ("回答二。",)),
    (LI, ("你好。",)),
    (WANG, ("回答二。",)),
    (WANG, ("回答一。",)),
]


def test_each_distinct_segment_is_asked_for_once_in_its_own_voice() -> None:
    asked = segments.requests(PROGRAMME, RecordingEngine())
    assert [(r.voice, r.sentences) for r in asked] == EXPECTED
    assert len({r.key for r in asked}) == len(EXPECTED)


def test_keys_change_with_the_engine_and_nothing_else() -> None:
    first = [r.key for r in segments.requests(PROGRAMME, RecordingEngine("1"))]
    again = [r.key for r in segments.requests(Plan(list(PROGRAMME.cues())), RecordingEngine("1"))]
    upgraded = [r.key for r in segments.requests(PROGRAMME, RecordingEngine("2"))]
    assert first == again
    assert not set(first) & set(upgraded)
    assert all(len(k) == 64 and int(k, 16) >= 0 for k in first)  # sha256 hex: a file name


def test_a_plan_goes_through_the_cache_once(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    engine = RecordingEngine()
    have, missing = segments.cached(PROGRAMME, engine, cache)
    assert have == {} and [(r.voice, r.sentences) for r in missing] == EXPECTED

    ticks: list[int] = []
    made = segments.synthesise(engine, missing, have, cache, advance=lambda: ticks.append(1))
    assert made is have and len(ticks) == len(EXPECTED)
    assert [r.sentences for r in engine.asked] == [s for _, s in EXPECTED]
    for n, request in enumerate(missing, start=1):
        assert made[request.key].samples.tolist() == [n] * n

    # a second run finds every segment in the cache, as the engine made it, and asks for nothing
    again = RecordingEngine()
    have2, missing2 = segments.cached(PROGRAMME, again, cache)
    assert missing2 == [] and again.asked == []
    assert {k: s.samples.tolist() for k, s in have2.items()} == {k: s.samples.tolist() for k, s in made.items()}


def test_a_damaged_entry_is_made_again_and_the_rest_kept(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    engine = RecordingEngine()
    have, missing = segments.cached(PROGRAMME, engine, cache)
    segments.synthesise(engine, missing, have, cache)
    damaged = missing[2].key
    cache.put(segments.NAMESPACE, damaged, b"not a segment")
    have, missing = segments.cached(PROGRAMME, engine, cache)
    assert [r.key for r in missing] == [damaged]
    assert set(have) == {r.key for r in segments.requests(PROGRAMME, engine)} - {damaged}

    previous = dict(have)
    segments.synthesise(engine, missing, have, cache)
    assert set(have) == set(previous) | {damaged}  # completed, nothing dropped
    assert segments.cached(PROGRAMME, engine, cache)[1] == []


def test_without_a_cache_everything_is_missing() -> None:
    have, missing = segments.cached(PROGRAMME, RecordingEngine(), Cache(None))
    assert have == {} and len(missing) == len(EXPECTED)


def test_a_new_segment_format_makes_every_segment_again(tmp_path: Path, monkeypatch) -> None:
    """Bumping SEGMENT_VERSION (the trimming or the stored format changed) must not reuse any
    segment stored under the old one."""
    cache = Cache(tmp_path)
    engine = RecordingEngine()
    have, missing = segments.cached(PROGRAMME, engine, cache)
    segments.synthesise(engine, missing, have, cache)
    monkeypatch.setattr(segments, "SEGMENT_VERSION", segments.SEGMENT_VERSION + "-next")
    have, missing = segments.cached(PROGRAMME, engine, cache)
    assert have == {} and [(r.voice, r.sentences) for r in missing] == EXPECTED


def test_an_anchor_at_the_time_of_the_one_before_is_kept() -> None:
    """Anchors are kept rounded to 0.1 ms; one whose time rounds to its predecessor's was compared
    unrounded and dropped (6.258997 'before' 6.259): a foreign run's join put the first character
    after the run at the same time as the mark before it, lost that anchor, and the next caption
    started 0.12 s into the speech."""
    from pipeline.audio.engine import ordered_anchors, time_at

    elapsed = 6.25899961  # pieces and a pause summed in floating point; kept as 6.259
    timed = ordered_anchors([(37, elapsed), (38, elapsed + 0.0), (39, elapsed + 0.2473)])
    assert [offset for offset, _time in timed] == [37, 38, 39]
    assert time_at(timed, 60, 12.0, 38) == round(elapsed, 4)
