"""Metadata that makes the files behave like a real podcast or audiobook in any player:
title, artist, album, date, cover art, and chapters (ID3 CHAP/CTOC in the MP3; the M4B's
chapters are written by the muxer, its tags here). The cover is pipeline/cover.py's, square,
as PNG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.audio.timeline import Timeline
from pipeline.furniture import joined
from pipeline.model import Document


@dataclass(frozen=True)
class Tags:
    title: str
    artist: str
    album: str
    date: str
    description: str
    rights: str
    language: str = "zho"
    genre: str = "Podcast"

    @classmethod
    def of(cls, doc: Document) -> Tags:
        meta = doc.meta
        return cls(
            title=joined([meta.title, meta.subtitle], "title", meta.language) if meta.subtitle else meta.title,
            artist=joined(meta.authors, language=meta.language),
            album=meta.outlet,
            date=meta.date.isoformat(),
            description=meta.description,
            rights=meta.rights,
        )


def tag_mp3(path: Path, tags: Tags, timeline: Timeline, cover: bytes | None) -> None:
    """ID3v2.4: text frames, the cover (APIC) and a table of contents (CTOC) of CHAP frames."""
    from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TCON, TCOP, TDRC, TIT2, TLAN, TPE1, CTOCFlags

    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.artist))
    id3.add(TALB(encoding=3, text=tags.album))
    id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TCON(encoding=3, text=tags.genre))
    id3.add(TCOP(encoding=3, text=tags.rights))
    id3.add(TLAN(encoding=3, text=tags.language))
    id3.add(COMM(encoding=3, lang=tags.language, desc="", text=tags.description))
    if cover:
        id3.add(APIC(encoding=3, mime="image/png", type=3, desc="cover", data=cover))
    ids = [f"chp{number}" for number in range(len(timeline.chapters))]
    id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                 sub_frames=[TIT2(encoding=3, text=tags.title)]))
    for element_id, span in zip(ids, timeline.chapters):
        start = round(timeline.seconds(span.start) * 1000)
        end = round(timeline.seconds(span.start + span.length) * 1000)
        id3.add(CHAP(element_id=element_id, start_time=start, end_time=end,
                     sub_frames=[TIT2(encoding=3, text=span.chapter.title)]))
    id3.save(path, v2_version=4)


def tag_m4b(path: Path, tags: Tags, cover: bytes | None) -> None:
    from mutagen.mp4 import MP4, MP4Cover

    mp4 = MP4(path)
    mp4["©nam"] = tags.title
    mp4["©ART"] = tags.artist
    mp4["aART"] = tags.artist
    mp4["©alb"] = tags.album
    mp4["©day"] = tags.date
    mp4["©gen"] = "Audiobook"
    mp4["desc"] = tags.description
    mp4["cprt"] = tags.rights
    mp4["stik"] = [2]  # audiobook
    if cover:
        mp4["covr"] = [MP4Cover(cover, imageformat=MP4Cover.FORMAT_PNG)]
    mp4.save()
