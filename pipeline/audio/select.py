"""Which engine a build uses: `--engine auto` takes edge-tts when its service answers within a
few seconds and eSpeak NG otherwise (saying so in one line); `--engine edge` without the
service fails within those seconds with a message, never a hang or a traceback."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor

from pipeline.audio.edge import EdgeEngine, describe
from pipeline.audio.engine import ENGINES, Engine, EngineName
from pipeline.audio.espeak import EspeakEngine
from pipeline.errors import PublishError

PROBE_SECONDS = 4.0


def edge_problem(timeout: float = PROBE_SECONDS) -> str | None:
    """None when the edge-tts service answers (its voice list) within `timeout`, else why not."""

    async def probe() -> None:
        import edge_tts

        await asyncio.wait_for(edge_tts.list_voices(), timeout)

    try:
        asyncio.run(probe())
    except TimeoutError:
        return f"no answer within {timeout:g} s"
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"; the message says which
        return describe(exc)
    return None


def choose(option: str, log: Callable[[str], None], probe: Callable[[], str | None] = edge_problem,
           *, resolved: bool = False) -> EngineName:
    """The engine to use for `option`. `resolved` says the build driver has already probed
    (see `resolve_engine`): a concrete name is then taken as it is, without asking again."""
    if option == "espeak":
        return "espeak"
    if option not in ("auto", *ENGINES):
        raise PublishError(f"unknown engine '{option}': choose auto, edge or espeak")
    if resolved and option == "edge":
        return "edge"
    problem = probe()
    if problem is None:
        return "edge"
    if option == "edge":
        raise PublishError(
            f"--engine edge: the edge-tts speech service cannot be reached ({problem}). It needs the "
            f"internet: check the connection, or build offline with --engine espeak"
        )
    log(f"audio: edge-tts is not reachable ({problem}); using the offline eSpeak NG voices")
    return "espeak"


def resolve_engine(option: str, log: Callable[[str], None], probe: Callable[[], str | None] | None = None) -> EngineName:
    """`choose`, once per build, before any key is computed: the concrete engine is what
    up-to-date keys and workers see, so audio built offline with eSpeak is rebuilt once the
    edge service answers, and a catalogue of titles probes the service once, not per title."""
    return choose(option, log, probe or edge_problem)


def make_engine(name: EngineName, executor: Executor | None = None) -> Engine:
    return EdgeEngine() if name == "edge" else EspeakEngine(executor)
