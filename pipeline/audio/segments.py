"""Synthesising a plan's cues, each segment cached under what made it.

A segment's key is (engine and its version, voice settings, the spoken sentences), so a rerun
after editing one answer synthesises only that answer's cues, a new voice only that speaker's,
and a run killed half-way resumes from the segments already stored.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from pipeline.audio.engine import Engine, Request, Segment
from pipeline.audio.plan import Cue, Plan
from pipeline.cache import Cache, key

NAMESPACE = "audio-segments"
SEGMENT_VERSION = "2"  # bump when trimming or the segment format changes (2: word anchors)


def segment_key(engine: Engine, cue: Cue) -> str:
    runs = [list(run) for run in cue.runs]  # (only where there are: the other segments keep their keys)
    return key("segment", SEGMENT_VERSION, engine.identity(), cue.voice.settings(), list(cue.spoken), *([runs] if runs else []))


def is_silent(cue: Cue) -> bool:
    """A cue with nothing to say (an answer of emoji only): silence, made here, not by an engine."""
    return not "".join(cue.spoken)


def silence(engine: Engine, seconds: float) -> Segment:
    return Segment(samples=np.zeros(int(round(seconds * engine.sample_rate)), dtype=np.int16),
                   sample_rate=engine.sample_rate, marks=(0.0,))


def requests(plan: Plan, engine: Engine) -> list[Request]:
    """One request per distinct segment an engine must speak, in programme order."""
    seen: dict[str, Request] = {}
    for cue in plan.cues():
        if is_silent(cue):
            continue
        digest = segment_key(engine, cue)
        if digest not in seen:
            seen[digest] = Request(key=digest, voice=cue.voice, sentences=cue.spoken, runs=cue.runs)
    return list(seen.values())


def cached(plan: Plan, engine: Engine, cache: Cache) -> tuple[dict[str, Segment], list[Request]]:
    """The segments already in the cache (and the silent ones), and the requests still to synthesise."""
    have: dict[str, Segment] = {segment_key(engine, cue): silence(engine, plan.pauses.unspoken)
                                for cue in plan.cues() if is_silent(cue)}
    missing: list[Request] = []
    for request in requests(plan, engine):
        data = cache.get(NAMESPACE, request.key)
        if data is not None:
            try:
                have[request.key] = Segment.from_bytes(data)
                continue
            except ValueError:
                pass  # a damaged entry is made again
        missing.append(request)
    return have, missing


def synthesise(engine: Engine, missing: list[Request], have: dict[str, Segment], cache: Cache,
               advance: Callable[[], None] = lambda: None) -> dict[str, Segment]:
    """`have` completed with the `missing` segments, each stored in the cache as soon as made."""

    def done(request: Request, segment: Segment) -> None:
        cache.put(NAMESPACE, request.key, segment.to_bytes())
        have[request.key] = segment
        advance()

    engine.synthesise(missing, done)
    return have
