"""The catalogue's own identity — the site's name, the podcast's author, owner and category —
resolved once from `publish.toml`, the command line and, where both are silent, the titles.

The site pages, the podcast feed and the OPDS catalogue all read this one value, so they
never disagree about a name or a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from pipeline.config import ProjectConfig, normalise_base_url
from pipeline.furniture import chinese_interface, interface, joined, joint, words_language
from pipeline.errors import PublishError
from pipeline.site.catalogue import Title
from pipeline.site.feedext import podcast_guid

# Apple Podcasts' categories and subcategories (Apple Podcasts for Creators, "Podcast categories").
APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
             "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion",
                                "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences",
                "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby",
               "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}

FEED = "feed.xml"
OPDS = "opds.xml"
OPDS2 = "opds.json"
INDEX = "index.html"
# The catalogue's description when publish.toml gives none is the "description_one/_other" words
# of data/interface-words.toml, in the site's language: an English site (`[site] language = "en"`)
# described itself in Chinese to every app that showed its feed; a language without words of its
# own gets the Chinese one, marked as Chinese.
DESCRIPTION = chinese_interface("site")["description_other"]


@dataclass(frozen=True)
class Masthead:
    """What a title's folder shows of the catalogue: its name, address, language and copyright
    line. Nothing here changes when another title comes or goes (unlike the catalogue's generated
    description, which counts the titles), so the other titles' folders stay as they are."""

    base_url: str  # absolute, ending in '/'
    title: str
    language: str
    copyright: str
    # The copyright line as runs of (text, language tag or None for the site's): the default line
    # names the titles' outlets, each in its title's language ('© 2025 港城日报, Harbour Weekly'
    # on an English site), which a page marks piece by piece.
    copyright_runs: tuple[tuple[str, str | None], ...] = ()

    def url(self, *parts: str) -> str:
        """The absolute URL of a file of the site (parts are path segments)."""
        return self.base_url + "/".join(quote(part) for part in parts)


@dataclass(frozen=True)
class Show:
    base_url: str  # absolute, ending in '/'
    title: str
    description: str
    description_language: str  # the language the description is written in (the site's, when it can be)
    language: str
    author: str
    owner_name: str
    owner_email: str | None
    category: str
    subcategory: str | None
    explicit: bool
    type: str
    guid: str
    copyright: str
    copyright_runs: tuple[tuple[str, str | None], ...] = ()  # (as `Masthead.copyright_runs`)

    def url(self, *parts: str) -> str:
        return self.masthead.url(*parts)

    @property
    def feed_url(self) -> str:
        return self.url(FEED)

    @property
    def masthead(self) -> Masthead:
        return Masthead(base_url=self.base_url, title=self.title, language=self.language, copyright=self.copyright,
                        copyright_runs=self.copyright_runs)


def resolve_show(config: ProjectConfig, base_url: str | None, titles: list[Title]) -> Show:
    """Merge the command line (base URL), the project file and what the titles say."""
    site, podcast = config.site, config.podcast
    base = base_url or site.base_url
    if not base:
        raise PublishError("the site needs the address it will be served from: pass --base-url "
                           "https://… or set base_url under [site] in publish.toml")
    try:  # as the command line does, for callers of the API: feeds carry these URLs as they are
        base = normalise_base_url(base)
    except ValueError as exc:
        raise PublishError(str(exc)) from None
    if not titles:
        raise PublishError("the catalogue is empty: name at least one source file")
    check_config(config)
    outlets: dict[str, str] = {}  # outlet → the language of the first title from it
    for t in titles:
        outlets.setdefault(t.doc.meta.outlet, t.doc.meta.language)
    author = podcast.author or joined(outlets, language=site.language)
    title = site.title or author
    newest = titles[0].doc.meta
    description, description_language = site.description, site.language
    if not description:
        description, description_language = default_description(site.language, title, len(titles), newest.title)
    year = max(t.doc.meta.date.year for t in titles)
    feed_url = base + FEED
    return Show(
        base_url=base, title=title, description=description, description_language=description_language,
        language=site.language, author=author,
        owner_name=podcast.owner_name or author, owner_email=podcast.owner_email,
        category=podcast.category, subcategory=podcast.subcategory, explicit=podcast.explicit,
        type=podcast.type, guid=podcast.guid or podcast_guid(feed_url),
        copyright=podcast.copyright or f"© {year} {author}",
        copyright_runs=_copyright_runs(podcast.copyright or f"© {year} {author}",
                                       bool(podcast.copyright or podcast.author), year, outlets, site.language),
    )


def _copyright_runs(copyright: str, given: bool, year: int, outlets: dict[str, str],
                    language: str) -> tuple[tuple[str, str | None], ...]:
    """`copyright` in runs of one language each: a line or an author the project gives is in
    the site's language; the default line names each outlet (`outlets`: outlet → its title's
    language) in its own, as `copyright` joins them."""
    if given:
        return ((copyright, None),)
    runs: list[tuple[str, str | None]] = [(f"© {year} ", None)]
    text = ""
    for outlet, its_language in outlets.items():
        if text:
            runs.append((joint(text, outlet, "list", language), None))
        runs.append((outlet, None if its_language == language else its_language))
        text += outlet
    return tuple(runs)


def default_description(language: str, title: str, count: int, newest: str) -> tuple[str, str]:
    """The catalogue's description in the site's `language` where it has words of its own (else
    in Chinese), and the tag of the language it is in."""
    words = interface("site", language)
    written = words_language(language) or language
    form = words["description_one" if count == 1 else "description_other"]
    return form.format(title=title, count=count, newest=newest), written


def check_config(config: ProjectConfig) -> None:
    """What can be judged before anything is built: the Apple category and subcategory."""
    podcast = config.podcast
    where = f"{config.path}: [podcast]" if config.path else "[podcast]"
    if podcast.category not in APPLE_CATEGORIES:
        raise PublishError(f"{where} category '{podcast.category}' is not an Apple Podcasts category; "
                           f"choose one of: {', '.join(APPLE_CATEGORIES)}")
    subcategories = APPLE_CATEGORIES[podcast.category]
    if podcast.subcategory is not None and podcast.subcategory not in subcategories:
        choices = ", ".join(subcategories) or "none (leave subcategory out)"
        raise PublishError(f"{where} subcategory '{podcast.subcategory}' is not one of {podcast.category}'s: {choices}")
