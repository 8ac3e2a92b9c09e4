"""Podcasting 2.0 JSON chapters (version 1.2.0) for one episode, from the MP3's own chapters.

Each chapter links to its section of the title's web page, so a podcast app's chapter list
opens the text being read.
"""

from __future__ import annotations

import json

from pipeline.site import layout
from pipeline.site.catalogue import Title
from pipeline.site.show import Masthead, Show

VERSION = "1.2.0"


def chapters_document(show: Masthead | Show, title: Title) -> dict:
    assert title.audio is not None
    mp3 = title.file("mp3")
    sections = layout.chapter_sections(title.doc, len(title.audio.chapters))
    page = show.url(title.slug, layout.PAGE)
    chapters = []
    for mark, section in zip(title.audio.chapters, sections):
        chapter = {"startTime": round(mark.start, 3), "endTime": round(mark.end, 3), "title": mark.title}
        chapter["url"] = f"{page}#{layout.chapter_anchor(section)}" if section else page
        chapters.append(chapter)
    document = {"version": VERSION, "title": title.full_title, "author": title.authors,
                "podcastName": show.title, "description": title.doc.meta.description}
    if mp3:
        document["fileName"] = mp3.name
    document["chapters"] = chapters
    return document


def chapters_json(show: Masthead | Show, title: Title) -> str:
    return json.dumps(chapters_document(show, title), ensure_ascii=False, indent=2) + "\n"
