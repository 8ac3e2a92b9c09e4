"""The steps the audio edition and the podcast script share: choose the engine, cast, plan,
synthesise (or take from the cache) every segment, and lay out the timeline. The script's
start times are therefore the audio's, to the millisecond, for the same engine."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from pipeline.audio import segments as segment_store
from pipeline.audio.engine import Engine, Segment
from pipeline.audio.plan import Plan, make_plan
from pipeline.audio.progress import progress
from pipeline.audio.select import choose, make_engine
from pipeline.audio.timeline import Timeline, lay_out
from pipeline.errors import PublishError
from pipeline.model import Document
from pipeline.passes.casting import cast
from pipeline.renderers.base import BuildContext

WORKERS = 2


@dataclass(frozen=True)
class Programme:
    engine: Engine
    plan: Plan
    segments: dict[str, Segment]
    timeline: Timeline
    synthesised: int  # segments made in this build (the rest came from the cache)


@contextlib.contextmanager
def worker_pool(workers: int = WORKERS) -> Iterator[Executor]:
    """Processes for the CPU-bound steps (eSpeak, levelling, encoding); started only when a
    step has enough work to need them. Spawned, not forked (the progress bar runs a thread), so
    a script that builds audio needs the usual `if __name__ == "__main__":` guard. The build
    driver creates it (renderers take `ctx.executor`), never a renderer inside a worker."""
    count = max(1, min(workers, os.cpu_count() or 1))
    executor = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield executor
    except BrokenProcessPool:
        raise PublishError("a worker process of the audio build stopped unexpectedly; run the build again "
                           "(everything finished so far is cached)") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


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
