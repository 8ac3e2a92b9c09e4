"""Where everything lives in `output/site/`, in one place, so pages, feeds and the publisher
agree on every file name:

    index.html  feed.xml  opds.xml  opds.json  sitemap.xml  podcast.png  assets/ (css, js, fonts)
    <slug>/index.html  <slug>/<the editions' files>  <slug>/chapters.json
    <slug>/cover.png  <slug>/cover-thumb.png  <slug>/cover-square.png  <slug>/fonts/

Every link inside the site is relative, so the folder works from any host and from file://;
the feeds use absolute URLs under the base URL, as podcast and reading apps require.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Document, Section

ASSETS = "assets"
STYLESHEET = "site.css"
SCRIPT = "site.js"
PAGE = "index.html"
CHAPTERS = "chapters.json"
SHOW_COVER = "podcast.png"
FONTS = "fonts"
# Folders of the site's root that are not a title's: a title with one of these slugs would write
# its folder over them (the file names there all have a dot, which no slug has).
RESERVED_SLUGS = frozenset({ASSETS})


@dataclass(frozen=True)
class Image:
    name: str
    width: int
    height: int
    media_type: str = "image/png"


COVER = Image("cover.png", 1600, 2560)  # the EPUB's own cover: OPDS's full-size image
THUMBNAIL = Image("cover-thumb.png", 320, 512)  # catalogue page, title page, OPDS thumbnail
SQUARE = Image("cover-square.png", 1400, 1400)  # episode art (the MP3's own), Apple's minimum size
SHOW = Image(SHOW_COVER, 1400, 1400)


def section_anchor(section: Section) -> str:
    return f"s-{section.id}"


TITLE_ANCHOR = "title"  # the title page's h1


def has_text(section: Section) -> bool:
    """Whether the page shows the section at all: a Q&A-only title's article has no paragraphs,
    and an empty landmark would only make a screen reader announce nothing."""
    return section.kind != "article" or bool(section.paragraphs)


def chapter_anchor(section: Section) -> str:
    """Where an audio chapter's text is on the title page: its section, or the title for a
    chapter that reads only the title (the article of a Q&A-only title)."""
    return section_anchor(section) if has_text(section) else TITLE_ANCHOR


def answer_anchor(answer_id: str) -> str:
    return f"a-{answer_id}"


def speaker_anchor(speaker_id: str) -> str:
    return f"p-{speaker_id}"


def chapter_sections(doc: Document, chapter_count: int) -> list[Section | None]:
    """The section each audio chapter reads. The audio edition makes one chapter per section,
    in order; if a build ever differs, chapters are left unlinked rather than linked wrongly."""
    if chapter_count == len(doc.sections):
        return list(doc.sections)
    return [None] * chapter_count
