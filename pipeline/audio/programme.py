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
    synthesised: int  # segments made in this build (the rest came from the cache)


def produce(doc: Document, ctx: BuildContext, executor: Executor | None = None) -> Programme:
    # The build driver resolves `auto` once per build (one probe, one message) and says so.
    engine = make_engine(choose(ctx.option("engine", "auto"), ctx.log, resolved=bool(ctx.option("engine_resolved"))),
                         executor)
    plan = make_plan(doc, cast(doc, engine.name))
    have, missing = segment_store.cached(plan, engine, ctx.cache)
    with progress(f"{engine.name}: synthesising", len(missing)) as advance:
        made = segment_store.synthesise(engine, missing, have, ctx.cache, advance)
    keys = [segment_store.segment_key(engine, cue) for cue in plan.cues()]
    timeline = lay_out(plan, keys, made, engine.sample_rate)
    return Programme(engine=engine, plan=plan, segments=made, timeline=timeline, synthesised=len(missing))
