"""Where every cue and sentence falls in the finished files, in samples.

Each unit of the plan (an answer, an article paragraph) is one chunk, encoded on its own (so an
edit re-encodes one answer), and every chunk lasts a multiple of BLOCK samples: the pause after
its last cue is rounded to the nearest length that makes it so (±0.2 s; at a chapter's end it
is only lengthened). BLOCK is a whole number of both MP3 frames (576 samples at 22.05/24 kHz)
and AAC frames (1024), so every chunk lasts exactly as long in the MP3 as in the M4B and the
times below hold for both: captions (captions.py), ID3 chapters, M4B chapters and the script's start times
are all read from this one timeline.

A chunk starts and ends in silence (at least `Pauses.unit_lead` and MIN_TAIL), where the MP3
encoder's delay and padding are cut (see master.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.audio.engine import Segment
from pipeline.audio.plan import Chapter, Cue, Plan

BLOCK = 9216  # lcm(576, 1024)
MIN_TAIL = 0.05  # seconds of silence kept at a chunk's end, whatever the rounding


@dataclass(frozen=True)
class Placement:
    cue: Cue
    segment_key: str
    start: int  # samples from the programme's start
    length: int
    marks: tuple[float, ...]  # each sentence's start, seconds from the segment's start
    anchors: tuple[tuple[int, float], ...] = ()  # the engine's word starts: (offset in the spoken text, seconds)


@dataclass(frozen=True)
class Chunk:
    start: int
    length: int  # a multiple of BLOCK
    placements: tuple[Placement, ...]


@dataclass(frozen=True)
class ChapterSpan:
    chapter: Chapter
    start: int
    length: int
    chunks: tuple[Chunk, ...]

    @property
    def placements(self) -> tuple[Placement, ...]:
        return tuple(p for chunk in self.chunks for p in chunk.placements)


@dataclass(frozen=True)
class Timeline:
    sample_rate: int
    chapters: tuple[ChapterSpan, ...]

    @property
    def length(self) -> int:
        return sum(c.length for c in self.chapters)

    @property
    def chunks(self) -> tuple[Chunk, ...]:
        return tuple(chunk for chapter in self.chapters for chunk in chapter.chunks)

    @property
    def duration(self) -> float:
        return self.length / self.sample_rate

    def seconds(self, samples: int) -> float:
        return samples / self.sample_rate


def lay_out(plan: Plan, keys: list[str], segments: Mapping[str, Segment], sample_rate: int) -> Timeline:
    """The timeline of `plan` whose cues (in order) have segments `keys`."""
    pauses = plan.pauses
    rate = sample_rate
    spans: list[ChapterSpan] = []
    at = 0
    position = 0
    for chapter in plan.chapters:
        chapter_start = position
        chunks = []
        for index, unit in enumerate(chapter.units):
            last_unit = index == len(chapter.units) - 1
            cursor = int(round((pauses.lead_in if index == 0 else pauses.unit_lead) * rate))
            placements = []
            for number, cue in enumerate(unit):
                digest = keys[at]
                at += 1
                segment = segments[digest]
                placements.append(Placement(cue=cue, segment_key=digest, start=position + cursor,
                                            length=len(segment.samples), marks=segment.marks,
                                            anchors=segment.anchors))
                cursor += len(segment.samples)
                if number < len(unit) - 1:
                    cursor += int(round(cue.pause * rate))
            pause = unit[-1].pause if last_unit else unit[-1].pause - pauses.unit_lead
            length = _rounded(cursor, cursor + int(round(pause * rate)), int(MIN_TAIL * rate), up=last_unit)
            chunks.append(Chunk(start=position, length=length, placements=tuple(placements)))
            position += length
        spans.append(ChapterSpan(chapter=chapter, start=chapter_start, length=position - chapter_start,
                                 chunks=tuple(chunks)))
    return Timeline(sample_rate=sample_rate, chapters=tuple(spans))


def _rounded(speech_end: int, wanted: int, min_tail: int, *, up: bool) -> int:
    """A multiple of BLOCK near `wanted` (at or above it if `up`) leaving `min_tail` after speech."""
    low = -(-(speech_end + min_tail) // BLOCK) * BLOCK
    if up:
        return max(low, -(-wanted // BLOCK) * BLOCK)
    return max(low, int(round(wanted / BLOCK)) * BLOCK)


def clock(seconds: float, *, millis: bool = True) -> str:
    """`1:02:03.456` style (hours only when needed) for captions and scripts."""
    total_ms = int(round(seconds * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"{text}.{ms:03d}" if millis else text
