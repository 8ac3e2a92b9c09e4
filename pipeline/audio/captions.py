"""WebVTT captions a player can show: each voice's text cut into cues of at most 2 × 16
characters and 7 s (audio/linebreak.py), the speaker as the cue's voice (`<v 余飞>`), timed from
the same timeline as the audio's chapters.

Times: captions show the printed text, the engine spoke the text for the ear (二零二五年 for
2025年), so each printed character is mapped onto the spoken text (difflib's alignment of the two,
sentence by sentence), and each spoken character onto the audio by the engine's word boundaries
(eSpeak's word events, edge-tts's WordBoundary), by share of characters between them where the
engine gave none. A cue shorter than 0.8 s stays on screen into the silence after it (or
before it), never over another cue.
"""

from __future__ import annotations

import bisect
import difflib
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from pipeline.audio.engine import time_at
from pipeline.audio.linebreak import MIN_SECONDS, pieces
from pipeline.audio.timeline import Placement, Timeline
from pipeline.foreignruns import wrapped


@dataclass(frozen=True)
class Caption:
    start: float
    end: float
    who: str
    lines: tuple[str, ...]
    chapter: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _mapping(shown: str, spoken: str) -> Callable[[float], float]:
    """Offset in `shown` → offset in `spoken`: exact inside the characters the two share, by
    share of characters across what differs (2025 ↔ 二零二五)."""
    blocks = difflib.SequenceMatcher(None, shown, spoken, autojunk=False).get_matching_blocks()
    points = [(0.0, 0.0)]
    for a, b, size in blocks:
        if size:
            points += [(float(a), float(b)), (float(a + size), float(b + size))]
    points.append((float(len(shown)), float(len(spoken))))
    at = [a for a, _b in points]  # in order: found by bisection (the caption breaker asks for every offset)

    def spoken_at(offset: float) -> float:
        low, high = bisect.bisect_left(at, offset), bisect.bisect_right(at, offset)
        if high > low:  # what is only spoken (a full stop, 一、 for 1.) goes with what comes before it
            return max(b for _a, b in points[low:high])
        if 0 < low < len(points):
            (a0, b0), (a1, b1) = points[low - 1], points[low]
            return b0 + (b1 - b0) * (offset - a0) / (a1 - a0)
        return float(len(spoken))

    return spoken_at


def _groups(placed: Placement) -> list[tuple[str, int, str]]:
    """(printed text, offset of its spoken text in the segment, spoken text), one per printed
    sentence; a sentence printed as nothing (a label standing for several) joins the one before."""
    cue = placed.cue
    groups: list[list] = []
    at = 0
    for shown, spoken in zip(cue.shown, cue.spoken, strict=True):
        if shown or not groups:
            groups.append([shown, at, spoken])
        else:
            groups[-1][2] += spoken
        at += len(spoken)
    return [(shown, offset, spoken) for shown, offset, spoken in groups if shown]


def placement_captions(placed: Placement, sample_rate: int, chapter: int) -> list[Caption]:
    """The cues of one placed segment (one voice), in order, with their speech times."""
    start = placed.start / sample_rate
    duration = placed.length / sample_rate
    length = sum(len(s) for s in placed.cue.spoken)
    anchors = _anchors(placed)
    groups = _groups(placed)
    text = "".join(shown for shown, _offset, _spoken in groups)
    spans = []  # (first printed offset, printed length, spoken offset, printed → spoken)
    at = 0
    for shown, offset, spoken in groups:
        spans.append((at, len(shown), offset, _mapping(shown, spoken)))
        at += len(shown)

    ends = [first + size for first, size, _offset, _at in spans]

    @functools.cache  # the caption breaker asks for each offset many times (every cue it tries)
    def clock(position: float) -> float:
        if not length:  # nothing spoken (an answer of emoji only): the caption spans the silence
            return start + duration * position / max(len(text), 1)
        first, size, offset, spoken_at = spans[min(bisect.bisect_left(ends, position), len(spans) - 1)]
        return start + time_at(anchors, length, duration, offset + spoken_at(position - first))

    return [Caption(start=clock(piece.start), end=clock(piece.end), who=placed.cue.who, lines=piece.lines,
                    chapter=chapter) for piece in pieces(text, clock)]


def _anchors(placed: Placement) -> list[tuple[int, float]]:
    """The engine's word anchors, or else its sentence marks (the least it always gives)."""
    if placed.anchors:
        return list(placed.anchors)
    starts, at = [], 0
    for spoken in placed.cue.spoken:
        starts.append(at)
        at += len(spoken)
    return list(zip(starts, placed.marks, strict=True))


def captions(timeline: Timeline) -> list[Caption]:
    """Every cue of the programme, timed, each on screen at least MIN_SECONDS where the
    silence around it allows and never overlapping the next."""
    cues = [caption for number, span in enumerate(timeline.chapters) for placed in span.placements
            for caption in placement_captions(placed, timeline.sample_rate, number)]
    timed: list[Caption] = []
    for index, cue in enumerate(cues):
        before = timed[-1].end if timed else 0.0
        after = cues[index + 1].start if index + 1 < len(cues) else timeline.duration
        start, end = cue.start, cue.end
        if end - start < MIN_SECONDS:
            end = min(after, start + MIN_SECONDS)
        if end - start < MIN_SECONDS:
            start = max(before, end - MIN_SECONDS)
        if end <= start and timed and (timed[-1].who, timed[-1].chapter) == (cue.who, cue.chapter):
            # printed text the voice does not say (a web address's query string) had no time left:
            # a cue of no length (start = end); it shares the same voice's cue before it, at most half
            share = min(MIN_SECONDS, (timed[-1].end - timed[-1].start) / 2)
            timed[-1] = replace(timed[-1], end=round(timed[-1].end - share, 3))
            start = timed[-1].end
        timed.append(Caption(start=round(start, 3), end=round(end, 3), who=cue.who, lines=cue.lines,
                             chapter=cue.chapter))
    return timed


def vtt_time(seconds: float) -> str:
    total_ms = int(round(seconds * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cue_markup(caption: Caption, runs: Mapping[str, str] | None = None) -> str:
    """A cue's lines, escaped, each run the source marks as another language (`foreign_runs`)
    in a `<lang …>` cue span, as WebVTT marks one: a caption reader or screen reader read
    '<v 沈德海>…对着moon phase来调' as Chinese, the English words in the Chinese voice."""
    return _markups([caption], runs)[0]


def _markups(captions: list[Caption], runs: Mapping[str, str] | None) -> list[str]:
    """Each caption's markup, its runs found in the text of the captions of one voice read on
    end to end: a run cut across two captions ('Night Owl' | 'Reading Club') is marked in both,
    each part a `<lang …>` span of its own (before: neither caption held the whole run, so its
    words went unmarked, read in the Chinese voice)."""
    out: list[str] = []
    start = 0
    while start < len(captions):
        end = start + 1
        while end < len(captions) and (captions[end].who, captions[end].chapter) == (
                captions[start].who, captions[start].chapter):
            end += 1
        texts = [caption.text for caption in captions[start:end]]
        joined = "\n".join(texts)  # (a run may cross a caption's edge as it crosses a line's)
        found, at = [], 0
        for piece, language in wrapped(joined, runs or {}):
            found.append((at, at + len(piece), language))
            at += len(piece)
        first = 0
        for text in texts:
            last = first + len(text)
            parts = [(joined[max(a, first):min(b, last)], language) for a, b, language in found
                     if min(b, last) > max(a, first)]
            out.append("".join(f"<lang {language}>{_escape(piece)}</lang>" if language and piece.strip()
                               else _escape(piece) for piece, language in parts))
            first = last + 1
        start = end
    return out


def webvtt(timeline: Timeline, title: str, language: str | None = None,
           runs: Mapping[str, str] | None = None) -> str:
    """The captions file. With `language` (the title's BCP 47 tag), its header says so as
    `Kind: captions` / `Language: …`, the lines players and caption editors read a file's
    language from (YouTube's and ffmpeg's header lines; parsers that know none skip them): the
    file alone, downloaded from a feed's `podcast:transcript`, said nothing of its language.
    `runs`: the text marked as another language → that language (`foreignruns.foreign_runs`)."""
    header = ["WEBVTT", "Kind: captions", f"Language: {language}"] if language else ["WEBVTT"]
    lines = [*header, "", f"NOTE {_escape(title)}", ""]
    chapter = -1
    timed = captions(timeline)
    for number, (caption, text) in enumerate(zip(timed, _markups(timed, runs), strict=True), start=1):
        if caption.chapter != chapter:
            chapter = caption.chapter
            lines += [f"NOTE chapter {chapter + 1}: {_escape(timeline.chapters[chapter].chapter.title)}", ""]
        lines += [
            str(number),
            f"{vtt_time(caption.start)} --> {vtt_time(caption.end)}",
            f"<v {_escape(caption.who)}>{text}",
            "",
        ]
    return "\n".join(lines)
