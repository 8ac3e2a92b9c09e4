"""The site's HTML pages, rendered by Jinja2 from templates in `styles/site/`.

The templates walk the document model (sections, answers, speakers) themselves; this module
only hands them the model, the files each title's editions wrote and what the audio files say,
plus a few filters (model text → escaped inline HTML, times, sizes). All text from a source
is escaped: by Jinja2's autoescape, or by `htmltext` for paragraphs.
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from pipeline import furniture
from pipeline.cover import cover_alt
from pipeline.foreignruns import foreign_runs, wrapped
from pipeline.model import Paragraph
from pipeline.renderers.epubpages import date_text, label_parts
from pipeline.renderers.htmltext import block_class, inline_html
from pipeline.site import layout
from pipeline.site.catalogue import Title, file_label
from pipeline.site.opds import ACQUISITION_FEED
from pipeline.site.show import FEED, OPDS, Masthead, Show

TEMPLATES = "site"  # folder of styles/

# The site's own words: one table per language with the EPUB's, the feed's and OPDS's
# (data/interface-words.toml, `furniture.interface`): the site's frame in the site's language, and
# the words set inside a title's text (its notes' heading, 受访者 …) in the title's, as the EPUB
# does. A language without a table gets the Chinese words (in its script: a zh-Hant site gets the
# lines of data/furniture-hant.toml), marked as Chinese. These are the Chinese ones.
WORDS = furniture.chinese_interface("site")

# Files the catalogue page lists for each title (the title page lists every file).
CATALOGUE_FILES = ("epub", "epub-learner", "pdf", "pdf-learner", "mp3", "m4b", "script-html")


@functools.lru_cache(maxsize=8)
def environment(styles_dir: Path) -> Environment:
    """The templates of `styles_dir`, compiled once a process (Jinja2 reloads a template whose
    file changed, so `publish watch` and a long-lived API caller still see an edited one)."""
    env = Environment(loader=FileSystemLoader(str(styles_dir / TEMPLATES)), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(
        names=_Names, thumbnail=layout.THUMBNAIL, date_text=date_text, label_parts=label_parts,
        section_anchor=layout.section_anchor, answer_anchor=layout.answer_anchor,
        speaker_anchor=layout.speaker_anchor, has_text=layout.has_text, title_anchor=layout.TITLE_ANCHOR,
        clock=clock, duration=duration, size=size, inline=inline, joint=furniture.joint,
        block_class=lambda p: Markup(block_class(p)),
    )
    return env


class _Names:
    """File names as templates see them."""

    page = layout.PAGE
    feed = FEED
    opds = OPDS
    opds_type = ACQUISITION_FEED  # OPDS 1.2 §2.2: links to an acquisition feed carry its full type
    stylesheet = f"{layout.ASSETS}/{layout.STYLESHEET}"
    script = f"{layout.ASSETS}/{layout.SCRIPT}"
    thumbnail = layout.THUMBNAIL.name


def inline(paragraph: Paragraph) -> Markup:
    return Markup(inline_html(paragraph, xhtml=False))


def clock(seconds: float) -> str:
    """`12:05` or `1:02:03`: for chapter and cue times."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes_, secs = divmod(rest, 60)
    return f"{hours}:{minutes_:02d}:{secs:02d}" if hours else f"{minutes_:02d}:{secs:02d}"


def duration(seconds: float) -> str:
    """A time into the audio as HTML's duration string (`PT1H2M3.5S`), the `datetime` of a
    `<time>` whose text is `1:02:03`: without it, `24:30` would read as a time of day (and
    `25:00` as none at all)."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes_, rest = divmod(rest, 60_000)
    secs = f"{rest // 1000}.{rest % 1000:03d}".rstrip("0").rstrip(".")
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes_}M" if minutes_ else "") + f"{secs}S"


def minutes(seconds: float, language: str = "zh-Hans") -> str:
    return furniture.interface("site", language)["minutes"].format(n=max(1, round(seconds / 60)))


def _spoken(language: str) -> dict:
    """What a page's templates say in `language`: the site's words, a file's label, a duration."""
    frame = furniture.words_language(language)
    return {"words": furniture.interface("site", language), "label": lambda kind: file_label(kind, language),
            "minutes": lambda seconds: minutes(seconds, language),
            # A site in a language without words of its own (`[site] language = "fr"`) is marked as
            # its words are (Chinese), and only its name as the site's language.
            "lang": frame or language, "site_lang": _lang_attribute(language if frame else None)}


def size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{max(1, round(count / 1024))} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def catalogue_page(env: Environment, show: Show, titles: list[Title]) -> str:
    return env.get_template("catalogue.html").render(
        **_spoken(show.language), show=show, titles=titles, root="",
        # the description is in the site's language, or in the frame's when it is the generated one
        lead_lang=_lang_attribute(show.description_language if show.description_language !=
                                  (furniture.words_language(show.language) or show.language) else None),
        fonts=f"{layout.ASSETS}/{layout.FONTS}/", canonical=show.url(layout.PAGE), listed=CATALOGUE_FILES,
        icon=layout.SHOW.name, og=_open_graph("website", show.url(layout.SHOW.name), layout.SHOW, show.title))


def title_page(env: Environment, show: Masthead | Show, title: Title) -> str:
    doc = title.doc
    own = furniture.words_language(doc.meta.language)  # None: the title is written in Chinese
    return env.get_template("title.html").render(
        **_spoken(show.language), own=furniture.interface("site", doc.meta.language),  # inside the title's text
        own_lang=_lang_attribute(own),
        show=show, doc=doc, root="../", fonts=f"{layout.FONTS}/",
        canonical=show.url(title.slug, layout.PAGE), icon=layout.SQUARE.name,
        # the cover's text alternative is in the title's language, the page's frame in the site's
        cover_alt=cover_alt(doc.meta), cover_lang=_lang_attribute(doc.meta.language),
        og=_open_graph("article", show.url(title.slug, layout.SQUARE.name), layout.SQUARE, cover_alt(doc.meta)),
        files=title.files, audio=_audio(title), cues=title.cues, full_title=title.full_title, authors=title.authors,
        said=functools.partial(marked, runs=foreign_runs(doc)))


def _open_graph(kind: str, image_url: str, image: layout.Image, alt: str) -> dict:
    """What a page tells link previews (chat apps, social sites: the Open Graph protocol) beyond
    its title and description: what it is and its picture, by absolute URL, with its size."""
    return {"type": kind, "image": image_url, "image_type": image.media_type, "width": image.width,
            "height": image.height, "alt": alt}


def marked(text: str, runs: dict[str, str]) -> Markup:
    """`text` escaped, with each run of `runs` in it wrapped in a span of its language (as the
    WebVTT captions mark them, `foreignruns.wrapped`)."""
    return Markup("").join(Markup('<span lang="{}">{}</span>').format(language, piece) if language else escape(piece)
                           for piece, language in wrapped(text, runs))


def _lang_attribute(language: str | None) -> Markup:
    """` lang="…"` for the site's own words set inside a title's text in another language (an
    English title's 正文, 受访者), which a screen reader would otherwise read in the title's voice."""
    return Markup(' lang="{}"').format(language) if language else Markup("")


def _audio(title: Title) -> dict | None:
    mp3 = title.file("mp3")
    if title.audio is None or mp3 is None:
        return None
    m4b, vtt = title.file("m4b"), title.file("vtt")
    sections = layout.chapter_sections(title.doc, len(title.audio.chapters))
    chapters = [{"start": mark.start, "title": mark.title,
                 "anchor": layout.chapter_anchor(section) if section else None}
                for mark, section in zip(title.audio.chapters, sections)]
    return {"mp3": mp3.name, "m4b": m4b.name if m4b else None, "vtt": vtt.name if vtt else None,
            "duration": title.audio.duration, "chapters": chapters}


def page_text(html: str) -> str:
    """The characters a page shows, for its font subsets."""
    from pipeline.renderers.epubpages import text_content

    return text_content(html)
