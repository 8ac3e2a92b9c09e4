"""edge-tts, the online engine: Microsoft Edge's neural voices (zh-CN, regional zh-CN, zh-HK,
zh-TW) through the `edge-tts` package. Needs the internet.

Requests run concurrently but bounded (the service throttles bursts), each retried with
exponential backoff; a request that still fails stops the build with a message, and every
segment finished before it stays cached. The service's WordBoundary events (each word's offset)
time the sentences and the captions. The service sends 24 kHz mono MP3, decoded here with PyAV.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
from collections.abc import Awaitable, Callable, Sequence
from typing import ClassVar

import numpy as np

from pipeline.audio.engine import Anchor, Done, EngineName, Request, Segment, ordered_anchors, time_at, trimmed
from pipeline.errors import PublishError

SAMPLE_RATE = 24000
TICKS_PER_SECOND = 10_000_000  # the service's offsets are in 100 ns ticks


class EdgeEngine:
    name: ClassVar[EngineName] = "edge"
    sample_rate: ClassVar[int] = SAMPLE_RATE

    def __init__(self, *, concurrency: int = 4, attempts: int = 4, backoff: float = 1.0, connect_timeout: int = 10,
                 receive_timeout: int = 60, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.concurrency = concurrency
        self.attempts = attempts
        self.backoff = backoff
        self.connect_timeout = connect_timeout
        self.receive_timeout = receive_timeout
        self.sleep = sleep

    def identity(self) -> dict[str, object]:
        try:
            version = importlib.metadata.version("edge-tts")
        except importlib.metadata.PackageNotFoundError:
            version = "?"
        return {"engine": self.name, "edge-tts": version.split(".")[0]}

    def synthesise(self, requests: Sequence[Request], done: Done) -> None:
        if requests:
            asyncio.run(self._all(requests, done))

    async def _all(self, requests: Sequence[Request], done: Done) -> None:
        gate = asyncio.Semaphore(self.concurrency)

        async def one(request: Request) -> None:
            async with gate:
                segment = await self._with_retries(request)
            done(request, segment)

        tasks = [asyncio.create_task(one(request)) for request in requests]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()

    async def _with_retries(self, request: Request) -> Segment:
        import aiohttp
        from edge_tts.exceptions import EdgeTTSException

        problem: BaseException | None = None
        for attempt in range(self.attempts):
            try:
                return await self.speak(request)
            except (TimeoutError, aiohttp.ClientError, OSError, EdgeTTSException) as exc:
                problem = exc
                if attempt + 1 < self.attempts:
                    await self.sleep(self.backoff * 2**attempt)
        raise PublishError(
            f"edge-tts failed {self.attempts} times on “{request.text[:24]}…” ({describe(problem)}); "
            f"the segments made so far are cached: run again later, or use --engine espeak"
        )

    async def speak(self, request: Request) -> Segment:
        """One request through edge-tts: its MP3 decoded, its word boundaries as anchors and marks
        (a request with runs in another language: each piece by a voice of its language, joined)."""
        if request.runs:
            from pipeline.audio.foreign import joined, pieces

            return joined(request, [(offset, await self.speak(part)) for offset, part in pieces(request)])
        import edge_tts

        voice = request.voice
        communicate = edge_tts.Communicate(
            request.text, voice.voice, rate=f"{voice.rate:+d}%", pitch=f"{voice.pitch:+d}Hz",
            boundary="WordBoundary", connect_timeout=self.connect_timeout, receive_timeout=self.receive_timeout,
        )
        audio = bytearray()
        boundaries: list[tuple[float, str]] = []
        async for chunk in communicate.stream():
            if chunk["type"] == "audio":
                audio += chunk["data"]
            elif chunk["type"] in ("SentenceBoundary", "WordBoundary"):
                boundaries.append((chunk["offset"] / TICKS_PER_SECOND, chunk["text"]))
        samples = decode_mp3(bytes(audio), SAMPLE_RATE)
        anchors = boundary_anchors(request.text, boundaries)
        marks = sentence_marks(request, anchors, len(samples) / SAMPLE_RATE)
        return trimmed(samples, SAMPLE_RATE, marks, anchors)


def boundary_anchors(text: str, boundaries: list[tuple[float, str]]) -> list[Anchor]:
    """Where each boundary's text (a word, or a sentence) starts in ours, with its time, in order;
    a boundary whose text is not found next (the service may normalise it) is skipped."""
    anchors: list[Anchor] = []
    cursor = 0
    for offset, said in boundaries:
        said = said.strip()
        found = text.find(said, cursor) if said else -1
        if found < 0:
            continue
        cursor = found + len(said)
        anchors.append((found, offset))
    return anchors


def sentence_marks(request: Request, anchors: list[Anchor], duration: float) -> tuple[float, ...]:
    """Each of our sentences' start: at the service's boundary there, else between the nearest
    boundaries by share of characters (all by characters if it sent none)."""
    timed = ordered_anchors([(0, 0.0), *anchors])
    return tuple(0.0 if not index else round(time_at(timed, len(request.text), duration, start), 4)
                 for index, start in enumerate(request.sentence_starts()))


def decode_mp3(data: bytes, sample_rate: int) -> np.ndarray:
    """MP3 bytes → mono int16 at `sample_rate` (PyAV's bundled FFmpeg; no system ffmpeg)."""
    import io

    if not data:  # (before PyAV is loaded: nothing to decode)
        return np.zeros(0, np.int16)
    try:
        import av
    except ImportError:
        raise PublishError("decoding edge-tts audio needs PyAV: run 'pip install av'") from None
    resampler = av.AudioResampler(format="s16", layout="mono", rate=sample_rate)
    pieces = []
    with av.open(io.BytesIO(data), format="mp3") as container:
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                pieces.append(out.to_ndarray().reshape(-1))
        for out in resampler.resample(None):
            pieces.append(out.to_ndarray().reshape(-1))
    return np.concatenate(pieces).astype(np.int16) if pieces else np.zeros(0, np.int16)


def describe(problem: BaseException | None) -> str:
    """A network failure in one short line (aiohttp's own messages print object addresses)."""
    if problem is None:
        return "no answer"
    import aiohttp

    if isinstance(problem, aiohttp.ClientConnectorError):
        reason = problem.os_error.strerror or str(problem.os_error) if problem.os_error else "refused"
        return f"cannot connect to {problem.host}: {reason}"
    if isinstance(problem, asyncio.TimeoutError):
        return "timed out"
    text = str(problem).strip().splitlines()[0] if str(problem).strip() else ""
    return f"{type(problem).__name__}: {text}" if text else type(problem).__name__
