"""What the site and the feed need from the built audio files, read back from the files.

The chapters come from the MP3's own ID3 table of contents (CTOC/CHAP), so the site's chapter
list, the feed's JSON chapters and what any podcast app shows from the MP3 are one timeline;
the duration is the MP3's; the transcript is the WebVTT's cues. Reading the files (mutagen,
webvtt-py) rather than re-running the audio programme keeps the site independent of how the
audio edition is made.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import PublishError
from pipeline.sourcetext import line_join


@dataclass(frozen=True)
class ChapterMark:
    start: float  # seconds
    end: float
    title: str


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    who: str  # the cue's voice: the speaker's name, 主持人 or 旁白
    text: str


@dataclass(frozen=True)
class AudioInfo:
    duration: float  # seconds, as the MP3 decodes
    chapters: tuple[ChapterMark, ...]


def read_mp3(path: Path) -> AudioInfo:
    """Duration and chapters of a built MP3 (chapters in table-of-contents order)."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        audio = MP3(path)
    except MutagenError as exc:
        raise PublishError(f"{path}: not a readable MP3 ({exc}); rebuild it with 'publish audio --force'") from None
    tags = audio.tags or {}
    chapters = {frame.element_id: frame for frame in tags.values() if frame.FrameID == "CHAP"}
    order: list[str] = []
    for frame in tags.values():
        if frame.FrameID == "CTOC" and frame.flags & 1:  # the top-level table of contents
            order = [child for child in frame.child_element_ids if child in chapters]
    if not order:
        order = sorted(chapters, key=lambda element: chapters[element].start_time)
    marks = []
    for element in order:
        frame = chapters[element]
        title = frame.sub_frames.get("TIT2")
        marks.append(ChapterMark(start=frame.start_time / 1000, end=frame.end_time / 1000,
                                 title=str(title.text[0]) if title else element))
    return AudioInfo(duration=audio.info.length, chapters=tuple(marks))


def read_vtt(path: Path) -> tuple[Cue, ...]:
    """The captions of a built WebVTT file, with each cue's voice."""
    import webvtt

    try:
        captions = webvtt.read(str(path))
    except (webvtt.errors.MalformedFileError, UnicodeDecodeError) as exc:
        raise PublishError(f"{path}: not a readable WebVTT file ({exc}); rebuild it with 'publish audio --force'") from None
    return tuple(Cue(start=c.start_time.in_milliseconds() / 1000, end=c.end_time.in_milliseconds() / 1000,
                     who=cue_text(c.voice or ""), text=cue_text(c.text)) for c in captions)


_CUE_TAG = re.compile(r"<[^>]*>")  # <i>, <c.loud>, <lang en>, <00:00:01.000>, </v> …


def cue_text(raw: str) -> str:
    """A cue's words as plain text: WebVTT writes '&', '<' and '>' as character references and
    may wrap words in cue tags, which webvtt-py hands back as they are; a page or a feed escapes
    the plain text once more itself. The caption's lines (wrapped to fit a player's width) are
    joined as an editor's lines are (`line_join`): kept as they were, the page's transcript showed
    a space in the middle of a Chinese sentence ('这里的招牌 叫…') wherever a caption wrapped."""
    lines = [line.strip() for line in html.unescape(_CUE_TAG.sub("", raw)).split("\n")]
    text = ""
    for line in filter(None, lines):
        text += line_join(text, line) + line
    return text
