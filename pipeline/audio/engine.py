"""The one small interface every TTS engine implements: text + voice → audio + timings.

An engine receives a batch of requests (so it can run them concurrently its own way: processes
for eSpeak, connections for edge-tts) and reports each finished segment through a callback, so
the caller can cache it at once: an interrupted build keeps every segment already made.
"""

from __future__ import annotations

import bisect
import json
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # numpy is loaded where samples are made: `publish check` casts voices, and needs none
    import numpy as np

EngineName = Literal["espeak", "edge"]
ENGINES: tuple[EngineName, ...] = ("espeak", "edge")


@dataclass(frozen=True)
class VoiceSpec:
    """A voice as the engine is asked for it.

    espeak: `voice` is a variant ("m3", or "" for none) of the language voice `language` ("cmn"
    Mandarin, "yue" Cantonese), `pitch` 0–100 (50 is the variant's own), `rate` in words per minute.
    edge: `voice` is a neural voice's short name, `pitch` an offset in Hz, `rate` in percent;
    `language` is the spoken language the voice reads (the voice decides it, not the request).
    `family` groups voices that sound alike; casting never puts two of one family back to back,
    nor two of one gender whose expected pitch `f0` is too close.
    """

    engine: EngineName
    voice: str
    pitch: int
    rate: int
    gender: str | None = None
    family: str = ""
    f0: float | None = None  # expected median pitch in Hz (for casting; not sent to the engine)
    language: str = "cmn"

    def settings(self) -> dict[str, object]:
        """What changes the sound: the part of a segment's cache key that is the voice."""
        return {"engine": self.engine, "voice": self.voice, "pitch": self.pitch, "rate": self.rate,
                "language": self.language}

    @property
    def engine_voice(self) -> str:
        """The name the engine is given: eSpeak's `cmn+m3`, edge's short name."""
        if self.engine == "edge":
            return self.voice
        return self.language + (f"+{self.voice}" if self.voice else "")

    def describe(self) -> str:
        if self.engine == "edge":
            return f"{self.voice} {self.pitch:+d}Hz {self.rate:+d}%"
        return f"{self.language}+{self.voice or 'default'} pitch {self.pitch} {self.rate} wpm"


@dataclass(frozen=True)
class Request:
    """One segment to synthesise: a run of sentences in one voice, under its cache key."""

    key: str
    voice: VoiceSpec
    sentences: tuple[str, ...]
    runs: tuple[tuple[int, int, str], ...] = ()  # text in another language: (start, end, BCP 47 tag), `audio.foreign`

    @property
    def text(self) -> str:
        return "".join(self.sentences)

    def sentence_starts(self) -> list[int]:
        """Character offset of each sentence in `text`."""
        offsets, at = [], 0
        for sentence in self.sentences:
            offsets.append(at)
            at += len(sentence)
        return offsets


Anchor = tuple[int, float]  # (character offset in the request's text, seconds into the segment)


@dataclass(frozen=True)
class Segment:
    """Synthesised speech: mono int16 samples, where each sentence starts (seconds), and where
    the engine said each word starts (`anchors`, in text order; empty if it said nothing)."""

    samples: np.ndarray
    sample_rate: int
    marks: tuple[float, ...]
    anchors: tuple[Anchor, ...] = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    def to_bytes(self) -> bytes:
        header = json.dumps({"sample_rate": self.sample_rate, "marks": list(self.marks),
                             "anchors": [list(a) for a in self.anchors]}).encode()
        return b"SEG2" + struct.pack("<I", len(header)) + header + self.samples.astype("<i2").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Segment:
        if data[:4] != b"SEG2":
            raise ValueError("not a cached segment")
        (size,) = struct.unpack("<I", data[4:8])
        header = json.loads(data[8 : 8 + size])
        import numpy as np

        samples = np.frombuffer(data[8 + size :], dtype="<i2").astype(np.int16)
        return cls(samples=samples, sample_rate=header["sample_rate"], marks=tuple(header["marks"]),
                   anchors=tuple((int(o), float(t)) for o, t in header.get("anchors", ())))


Done = Callable[[Request, Segment], None]


class Engine(Protocol):
    name: EngineName
    sample_rate: int

    def identity(self) -> dict[str, object]:
        """What besides the voice and text decides the audio (library versions): in cache keys."""
        ...

    def synthesise(self, requests: Sequence[Request], done: Done) -> None:
        """Make every request's segment, calling `done` for each as soon as it exists."""
        ...


def trimmed(samples: np.ndarray, sample_rate: int, marks: Sequence[float], anchors: Sequence[Anchor] = (), *,
            floor_db: float = -50.0, margin: float = 0.03) -> Segment:
    """The segment without the engine's own leading and trailing silence (pauses are the plan's)."""
    level = 32768 * 10 ** (floor_db / 20)
    import numpy as np

    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > level)
    if len(loud) == 0:
        return Segment(samples=np.zeros(0, np.int16), sample_rate=sample_rate, marks=tuple(0.0 for _ in marks))
    pad = int(margin * sample_rate)
    start = max(0, loud[0] - pad)
    end = min(len(samples), loud[-1] + 1 + pad)
    shift = start / sample_rate
    length = (end - start) / sample_rate
    shifted = tuple(round(float(min(max(0.0, m - shift), length)), 4) for m in marks)
    return Segment(samples=np.ascontiguousarray(samples[start:end], dtype=np.int16), sample_rate=sample_rate,
                   marks=shifted, anchors=ordered_anchors((o, min(max(0.0, t - shift), length)) for o, t in anchors))


def ordered_anchors(anchors: Iterable[Anchor]) -> tuple[Anchor, ...]:
    """Anchors by offset, one per offset (the first), times never going back."""
    out: list[Anchor] = []
    for offset, time in sorted(anchors, key=lambda a: a[0]):
        time = round(float(time), 4)  # (compared rounded, as kept: 6.258997 is not before 6.259)
        if out and (offset == out[-1][0] or time < out[-1][1]):
            continue
        out.append((offset, time))
    return tuple(out)


def fill_marks(known: Sequence[float | None], starts: Sequence[int], length: int, duration: float) -> tuple[float, ...]:
    """Every sentence's start time: the engine's where it gave one, else by share of characters."""
    marks: list[float] = []
    following: list[int | None] = [None] * len(known)  # the next sentence the engine timed, found once
    upcoming: int | None = None
    for index in range(len(known) - 1, -1, -1):
        following[index] = upcoming
        if known[index] is not None:
            upcoming = index
    for index, value in enumerate(known):
        if value is not None:
            marks.append(value)
            continue
        before = marks[-1] if marks else 0.0
        before_at = starts[index - 1] if index else 0
        after_index = following[index]
        after = known[after_index] if after_index is not None else duration
        after_at = starts[after_index] if after_index is not None else length
        span = max(1, after_at - before_at)
        marks.append(before + (after - before) * (starts[index] - before_at) / span if index else 0.0)
    return tuple(round(float(m), 4) for m in marks)



def time_at(anchors: Sequence[Anchor], length: int, duration: float, offset: float) -> float:
    """When the character at `offset` (fractions allowed) is spoken: exact at an anchor, else
    between the anchors around it by share of characters; the text's end is the speech's end.
    `anchors` are in offset order (as `ordered_anchors` gives them): found by bisection, since a
    cue's captions ask for every break point of its text and eSpeak gives an anchor for every
    character (a scan made a long cue's captions quadratic in its length)."""
    index = bisect.bisect_right(anchors, offset, key=lambda anchor: anchor[0])
    before = anchors[index - 1] if index else (0, 0.0)
    after = anchors[index] if index < len(anchors) else (length, duration)
    if offset >= after[0]:
        return after[1] if after[0] == length else before[1]
    span = after[0] - before[0]
    return before[1] + (after[1] - before[1]) * (offset - before[0]) / span if span else before[1]
