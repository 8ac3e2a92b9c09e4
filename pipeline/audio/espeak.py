"""eSpeak NG, the offline engine: the Mandarin voice (`cmn`; `yue` for a Cantonese title) of the
libespeak-ng that the `espeakng-loader` wheel bundles with its data, driven through ctypes. No system package, no
download, ~900× real time on one core.

The C library holds one voice and one output callback per process, so each process owns one
`Driver`; long titles run in a pool of worker processes, each with its own.
"""

from __future__ import annotations

import bisect
import ctypes
import importlib.metadata
from collections.abc import Sequence
from pathlib import Path
from concurrent.futures import Executor, as_completed
from typing import ClassVar

import numpy as np

from pipeline.audio.engine import Done, EngineName, Request, Segment, VoiceSpec, fill_marks, trimmed
from pipeline.errors import PublishError

SAMPLE_RATE = 22050  # the library's native rate; nothing is resampled
VOLUME = 30  # of 200: quiet enough that no variant clips inside the synthesiser; levelled later
PARALLEL_FROM = 24  # fewer requests than this are quicker in this process than in a pool

_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE, _VOLUME, _PITCH = 1, 2, 3
_EVENT_LIST_END, _EVENT_WORD, _EVENT_SENTENCE = 0, 1, 2


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class Driver:
    """libespeak-ng loaded and initialised in this process."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError:
            raise PublishError("eSpeak NG is not installed: run 'pip install espeakng-loader'") from None
        try:
            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_path = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as exc:
            raise PublishError(f"eSpeak NG could not be loaded ({exc}): reinstall 'espeakng-loader'") from None
        rate = self.lib.espeak_Initialize(_SYNCHRONOUS, 0, data_path.encode(), 0)
        if rate != SAMPLE_RATE:
            raise PublishError(f"eSpeak NG did not start (it answered {rate}): reinstall 'espeakng-loader'")
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.version = (self.lib.espeak_Info(None) or b"?").decode()
        self.variants = {p.name for p in (Path(data_path) / "voices" / "!v").iterdir()}
        self._chunks: list[np.ndarray] = []
        self._events: list[tuple[int, int, int]] = []
        self._callback = _CALLBACK(self._collect)  # kept: the library calls it later
        self.lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav: ctypes.POINTER(ctypes.c_short), count: int, events: ctypes.POINTER(_Event)) -> int:
        if count > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        index = 0
        while events[index].type != _EVENT_LIST_END:
            event = events[index]
            if event.type in (_EVENT_WORD, _EVENT_SENTENCE):
                self._events.append((event.type, event.text_position, event.audio_position))
            index += 1
        return 0

    def speak(self, text: str, voice: VoiceSpec) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
        """Samples and the (kind, 1-based character position, milliseconds) of each word and
        sentence start that the library reported (for Mandarin: every character it reads)."""
        name = voice.engine_voice
        if voice.voice and voice.voice not in self.variants or self.lib.espeak_SetVoiceByName(name.encode()) != 0:
            raise PublishError(f"eSpeak NG has no voice '{name}': see 'publish voices' for the variants")
        self.lib.espeak_SetParameter(_RATE, voice.rate, 0)
        self.lib.espeak_SetParameter(_PITCH, voice.pitch, 0)
        self.lib.espeak_SetParameter(_VOLUME, VOLUME, 0)
        self._chunks, self._events = [], []
        data = text.encode("utf-8")
        status = self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        if status != 0:
            raise PublishError(f"eSpeak NG failed ({status}) on: {text[:40]}")
        samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)
        return samples, list(self._events)


_drivers: dict[str, Driver] = {}  # the one Driver of this process (the C library is per process)


def driver() -> Driver:
    if "driver" not in _drivers:
        _drivers["driver"] = Driver()
    return _drivers["driver"]


def speak(request: Request) -> Segment:
    """One request made in this process: the segment with each sentence's start (a request with
    runs in another language: each piece in its language's voice, joined, `audio.foreign`)."""
    if request.runs:
        from pipeline.audio.foreign import joined, pieces

        return joined(request, [(offset, speak(part)) for offset, part in pieces(request)])
    samples, events = driver().speak(request.text, request.voice)
    starts = request.sentence_starts()
    known: list[float | None] = [None] * len(starts)
    anchors = []
    for kind, position, millis in events:
        offset = position - 1
        if kind == _EVENT_WORD:
            anchors.append((offset, millis / 1000))
            continue
        index = max(0, bisect.bisect_right(starts, offset) - 1)  # the sentence holding it
        if known[index] is None:
            known[index] = millis / 1000
    known[0] = 0.0
    marks = fill_marks(known, starts, len(request.text), len(samples) / SAMPLE_RATE)
    return trimmed(samples, SAMPLE_RATE, marks, anchors)


def speak_bytes(request: Request) -> bytes:
    """`speak` for a worker process: bytes pickle faster than arrays in a dataclass."""
    return speak(request).to_bytes()


class EspeakEngine:
    name: ClassVar[EngineName] = "espeak"
    sample_rate: ClassVar[int] = SAMPLE_RATE

    def __init__(self, executor: Executor | None = None) -> None:
        self.executor = executor

    def identity(self) -> dict[str, object]:
        return {"engine": self.name, "espeakng-loader": _package_version("espeakng-loader"), "volume": VOLUME}

    def synthesise(self, requests: Sequence[Request], done: Done) -> None:
        if self.executor is None or len(requests) < PARALLEL_FROM:
            for request in requests:
                done(request, speak(request))
            return
        futures = {self.executor.submit(speak_bytes, request): request for request in requests}
        try:
            for future in as_completed(futures):
                done(futures[future], Segment.from_bytes(future.result()))
        finally:
            for future in futures:
                future.cancel()


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"
