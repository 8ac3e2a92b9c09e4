"""WebVTT captions: one cue per sentence, the speaker as the cue's voice (`<v 余飞>`), times
taken from the same timeline as the audio's chapters."""

from __future__ import annotations

from pipeline.audio.timeline import Timeline


def vtt_time(seconds: float) -> str:
    total_ms = int(round(seconds * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(timeline: Timeline, title: str) -> str:
    lines = ["WEBVTT", f"NOTE {_escape(title)}", ""]
    chapter = -1
    for number, caption in enumerate(timeline.captions(), start=1):
        if caption.chapter != chapter:
            chapter = caption.chapter
            lines += [f"NOTE chapter {chapter + 1}: {_escape(timeline.chapters[chapter].chapter.title)}", ""]
        lines += [
            str(number),
            f"{vtt_time(caption.start)} --> {vtt_time(caption.end)}",
            f"<v {_escape(caption.who)}>{_escape(caption.text)}",
            "",
        ]
    return "\n".join(lines)
