"""The catalogue's own identity — the site's name, the podcast's author, owner and category —
resolved once from `publish.toml`, the command line and, where both are silent, the titles.

The site pages, the podcast feed and the OPDS catalogue all read this one value, so they
never disagree about a name or a URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from pipeline.config import ProjectConfig, normalise_base_url
from pipeline.furniture import joined, primary_language, word, words_language
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
# The catalogue's description when publish.toml gives none (in the site's script: `furniture`).
DESCRIPTION = "{title}：{count} 篇特稿的文字、电子书与有声版。最新一篇：{newest}。"
# The same in the languages a site may be in, by the site language's primary subtag: (one, other)
# plural forms. An English site (`[site] language = "en"`) described itself in Chinese to every
# app that showed its feed; a language not here gets the Chinese one, marked as Chinese.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "zh": (DESCRIPTION, DESCRIPTION),
    # (without the newest title's name: a Chinese title inside an English sentence is read out in
    # one voice, and the page cannot mark a piece of the description as another language)
    "en": ("{title}: {count} feature story in text, ebook and audio.",
           "{title}: {count} feature stories in text, ebooks and audio."),
}


@dataclass(frozen=True)
class Masthead:
    """What a title's folder shows of the catalogue: its name, address, language and copyright
    line. Nothing here changes when another title comes or goes (unlike the catalogue's generated
    description, which counts the titles), so the other titles' folders stay as they are."""

    base_url: str  # absolute, ending in '/'
    title: str
    language: str
    copyright: str

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

    def url(self, *parts: str) -> str:
        return self.masthead.url(*parts)

    @property
    def feed_url(self) -> str:
        return self.url(FEED)

    @property
    def masthead(self) -> Masthead:
        return Masthead(base_url=self.base_url, title=self.title, language=self.language, copyright=self.copyright)


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
    outlets = list(dict.fromkeys(t.doc.meta.outlet for t in titles))
    author = podcast.author or joined(outlets)
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
    )


def default_description(language: str, title: str, count: int, newest: str) -> tuple[str, str]:
    """The catalogue's description in the site's `language` where `DESCRIPTIONS` has it (else
    in Chinese, the language of the site's own words), and the tag of the language it is in."""
    forms = DESCRIPTIONS.get(primary_language(language))
    written = language if forms else (words_language(language) or language)
    one, other = forms or DESCRIPTIONS["zh"]
    return word(one if count == 1 else other, written).format(title=title, count=count, newest=newest), written


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
