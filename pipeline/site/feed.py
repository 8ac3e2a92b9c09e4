"""The podcast feed `feed.xml`: RSS 2.0 with Apple's `itunes:` tags and the Podcasting 2.0
namespace, one episode per title that has an audio edition, written by feedgen.

Apple's required channel tags (title, description, itunes:image, language, itunes:category,
itunes:explicit) and recommended ones (itunes:author, link, itunes:owner) are all set; each
episode has its enclosure (exact byte length and type), guid (the title's own id, which never
changes), pubDate, itunes:duration, image, the WebVTT and the script as transcripts, the JSON
chapters and every voice of the episode as a person.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from pipeline.site import layout
from pipeline.site.catalogue import Title
from pipeline.site.feedext import (AppleEntryExtension, AppleExtension, Person, PodcastIndexEntryExtension,
                                   PodcastIndexExtension, Transcript)
from pipeline.site.show import Show

GENERATOR = "publish, with python-feedgen"
# RSS and Apple want an ISO 639-1 code with a region ('zh-cn'), not BCP 47 script subtags nor
# the ISO 639-3 codes of the languages of Chinese, which no podcast app reads: every one of
# these is written `zh` with its region, the tag's own or the one CLDR's likely subtags give
# (zh-Hant → TW, yue → HK, cmn → CN).
CHINESE_LANGUAGES = frozenset({"zh", "cmn", "yue", "wuu", "nan", "hak", "gan", "hsn", "cdo", "cjy", "cpx", "czh",
                               "czo", "mnp", "lzh"})


def rss_language(language: str) -> str:
    """`zh-Hans` → `zh-cn`, `zh-Hant-HK` → `zh-hk`, `yue` → `zh-hk`, `cmn` → `zh-cn`,
    `en-GB` → `en-gb`, `en` → `en`."""
    import langcodes

    try:
        tag = langcodes.Language.get(language)
    except (ValueError, langcodes.tag_parser.LanguageTagError):
        return language.lower()
    region = tag.territory
    if tag.language in CHINESE_LANGUAGES:
        return f"zh-{region or tag.maximize().territory or 'CN'}".lower()
    return f"{tag.language}-{region}".lower() if region else (tag.language or language).lower()


def published(date: dt.date) -> dt.datetime:
    """A title's date as a feed timestamp: midnight UTC keeps the same calendar day from Europe
    to East Asia, and the same input always gives the same feed."""
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def persons(title: Title) -> list[Person]:
    """The people credited in the episode: each interviewee who answers, and the authors of the
    text. The voices that read the rest (旁白, 主持人: the narrator and the host, synthetic voices
    named by their part, in the captions) are no one: as `podcast:person` they were listed in
    every app as a host called "Narrator"."""
    doc = title.doc
    people = [Person(speaker.name, role="guest") for speaker in doc.speakers if doc.answers_by(speaker.id)]
    people += [Person(author, role="author", group="writing") for author in doc.meta.authors]
    return people


def podcast_feed(show: Show, titles: list[Title], changed: dt.datetime | None = None) -> bytes:
    """The feed's bytes; `titles` newest first. Titles without an MP3 are not episodes."""
    episodes = [t for t in titles if t.file("mp3") and t.audio]
    language = rss_language(show.language)
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)
    fg.register_extension("apple", AppleExtension, AppleEntryExtension)

    fg.title(show.title)
    fg.link(href=show.feed_url, rel="self")
    fg.link(href=show.url(layout.PAGE), rel="alternate")  # the last link is RSS's <link>
    fg.description(show.description)
    fg.language(language)
    fg.copyright(show.copyright)
    fg.generator(GENERATOR)
    if titles:
        # moves when a title is edited, added or removed (`changed`), never otherwise
        fg.lastBuildDate(max([t.changed for t in titles] + ([changed] if changed else [])))
    fg.image(url=show.url(layout.SHOW.name), title=show.title, link=show.url(layout.PAGE))
    fg.podcast.itunes_image(show.url(layout.SHOW.name))
    fg.podcast.itunes_category(show.category, show.subcategory)
    fg.podcast.itunes_author(show.author)
    if show.owner_email:
        fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_type(show.type)
    fg.apple.explicit(show.explicit)
    fg.podcastindex.guid(show.guid)
    fg.podcastindex.medium("podcast")

    # Episode numbers only for a serial show, where Apple orders by them: they follow the dates,
    # so a title added or removed renumbers the ones after it, which an episodic feed is spared.
    numbers = ({t.slug: n for n, t in enumerate(sorted(episodes, key=lambda t: (t.doc.meta.date, t.slug)), 1)}
               if show.type == "serial" else {})
    for title in reversed(episodes):  # feedgen lists the last entry added first
        _episode(fg, show, title, numbers.get(title.slug))
    return fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def _episode(fg: FeedGenerator, show: Show, title: Title, number: int | None) -> None:
    meta, slug = title.doc.meta, title.slug
    language = rss_language(meta.language)  # the transcripts are in the title's language, not the site's
    mp3, vtt, script = title.file("mp3"), title.file("vtt"), title.file("script-html")
    assert mp3 is not None and title.audio is not None
    entry = fg.add_entry()
    entry.title(title.full_title)
    entry.link(href=show.url(slug, layout.PAGE))
    entry.guid(meta.id, permalink=False)
    entry.pubDate(published(meta.date))
    entry.description(meta.description)
    entry.enclosure(show.url(slug, mp3.name), str(mp3.size), mp3.kind.media_type)
    entry.podcast.itunes_title(meta.title)
    entry.podcast.itunes_author(title.authors)
    entry.podcast.itunes_duration(round(title.audio.duration))
    entry.podcast.itunes_image(show.url(slug, layout.SQUARE.name))
    if number is not None:
        entry.podcast.itunes_episode(number)
    entry.podcast.itunes_episode_type("full")
    entry.apple.explicit(show.explicit)
    if vtt:
        entry.podcastindex.transcript(Transcript(show.url(slug, vtt.name), vtt.kind.media_type, language, "captions"))
    if script:
        entry.podcastindex.transcript(Transcript(show.url(slug, script.name), script.kind.media_type, language))
    if title.audio.chapters:
        entry.podcastindex.chapters(show.url(slug, layout.CHAPTERS))
    for person in persons(title):
        entry.podcastindex.person(person)
