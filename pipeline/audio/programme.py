"""The steps the audio edition and the podcast script share: choose the engine, cast, plan,
synthesise (or take from the cache) every segment, and lay out the timeline. The script's
start times are therefore the audio's, to the millisecond, for the same engine."""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass

from pipeline.audio import segments as segment_store
from pipeline.audio.engine import Engine, Segment
from pipeline.audio.plan import Plan, make_plan
from pipeline.audio.progress import progress
from pipeline.audio.select import choose, make_engine
from pipeline.audio.timeline import Timeline, lay_out
from pipeline.model import Document
from pipeline.passes.casting import cast
from pipeline.renderers.base import BuildContext


@dataclass(frozen=True)
class Programme:
    engine: Engine
    plan: Plan
    segments: dict[str, Segment]
    timeline: Timeline
    synthesised: int  # segments this edition synthesised (the rest came from the cache)
    reused: dict[str, int]  # segments taken from the cache that an earlier edition of this build made, by edition
    cached: int  # segments taken from the cache that earlier builds made

    def counts(self) -> str:
        """What happened to the segments, in words: '3 segment(s) synthesised, 41 reused from this
        build's script, 0 cached from earlier builds'."""
        parts = [f"{self.synthesised} segment(s) synthesised"]
        parts += [f"{n} reused from this build's {edition}" for edition, n in sorted(self.reused.items()) if n]
        parts.append(f"{self.cached} cached from earlier builds")
        return ", ".join(parts)


def produce(doc: Document, ctx: BuildContext, executor: Executor | None = None, edition: str = "audio") -> Programme:
    # The build driver resolves `auto` once per build (one probe, one message) and says so.
    engine = make_engine(choose(ctx.option("engine", "auto"), ctx.log, resolved=bool(ctx.option("engine_resolved"))),
                         executor)
    plan = make_plan(doc, cast(doc, engine.name))
    have, missing = segment_store.cached(plan, engine, ctx.cache)
    spoken = {request.key for request in segment_store.requests(plan, engine)}  # not the silent ones
    reused: dict[str, int] = {}
    cached = 0
    for digest in spoken.intersection(have):
        if digest in ctx.made:
            reused[ctx.made[digest]] = reused.get(ctx.made[digest], 0) + 1
        else:
            cached += 1
    with progress(f"{engine.name}: synthesising", len(missing)) as advance:
        made = segment_store.synthesise(engine, missing, have, ctx.cache, advance)
    for request in missing:
        ctx.made.setdefault(request.key, edition)
    keys = [segment_store.segment_key(engine, cue) for cue in plan.cues()]
    timeline = lay_out(plan, keys, made, engine.sample_rate)
    return Programme(engine=engine, plan=plan, segments=made, timeline=timeline, synthesised=len(missing),
                     reused=reused, cached=cached)
