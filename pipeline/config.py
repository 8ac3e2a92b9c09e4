"""The project's own settings: `publish.toml` in the project folder, all of it optional.

Only what belongs to the project rather than to one title lives here: where the site will be
hosted and how the podcast presents itself to the directories. A title's own metadata stays in
its source file. Command-line options override these values; nothing here is global state —
`load_config` returns a value that callers pass on.

    [site]
    base_url = "https://example.org/pods/"   # where output/site/ will be served from
    title = "凤凰网 · 有声特稿"                # the catalogue's and the podcast's name

    [podcast]
    owner_email = "podcasts@example.org"     # Apple and Spotify send verification mail here
    category = "News"
    subcategory = "Tech News"

    [cache]
    max_size = "5 GiB"   # the build cache is pruned to this, oldest use first ("0": never)
"""

from __future__ import annotations

import difflib
import posixpath
import re
import tomllib
import uuid
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit, urlunsplit

from pydantic import BaseModel, ByteSize, ConfigDict, ValidationError, field_validator

from pipeline.errors import PublishError

CONFIG_NAME = "publish.toml"
DEFAULT_CACHE_SIZE = 5 * 1024**3  # bytes: about a hundred titles' editions with their audio


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# Text settings the feeds print (title, description, author, owner_name, copyright): one left
# blank ('description = "  "') means the default, as one left out does (it wrote an empty
# <description>, which Apple refuses). The owner's e-mail and the show's guid have a form.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _blank_is_default(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _email(value: str | None) -> str | None:
    """Apple and Spotify send the ownership check here: 'podcasts at example.org' was written
    into the feed as it stood, and the check never arrived."""
    if value is not None and not _EMAIL.match(value.strip()):
        raise ValueError(f"'{value}' is not an e-mail address: write it as podcasts@example.org")
    return value.strip() if value else value


def _uuid(value: str | None) -> str | None:
    """podcast:guid is a UUID (Podcasting 2.0); apps that key a show on it cannot read other text."""
    if value is None:
        return value
    try:
        uuid.UUID(value.strip())
    except ValueError:
        raise ValueError(f"'{value}' is not a UUID: leave guid out (publish derives the show's from the feed's "
                         f"address, as Podcasting 2.0 prescribes) or copy the guid of the feed you are moving "
                         f"(e.g. 'f95d7b89-e1ee-554c-be7f-f126f0b92dae')") from None
    return value.strip()


class SiteConfig(_Section):
    base_url: str | None = None
    title: str | None = None  # default: the titles' outlets
    description: str | None = None
    language: str = "zh-Hans"  # of the catalogue page and the feeds' own words

    _blank = field_validator("title", "description", mode="before")(_blank_is_default)

    @field_validator("base_url")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        return None if value is None else normalise_base_url(value)

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        """The pages' `lang` and the feed's `<language>` are made from it: a BCP 47 tag."""
        import langcodes

        if not langcodes.tag_is_valid(value):
            raise ValueError(f"'{value}' is not a BCP 47 language tag: write e.g. zh-Hans, zh-CN or zh-Hant")
        return value


class PodcastConfig(_Section):
    author: str | None = None  # default: the titles' outlets
    owner_name: str | None = None  # default: author
    owner_email: str | None = None
    category: str = "News"
    subcategory: str | None = None
    explicit: bool = False
    type: Literal["episodic", "serial"] = "episodic"
    guid: str | None = None  # default: derived from the feed URL, as Podcasting 2.0 prescribes
    copyright: str | None = None

    _blank = field_validator("author", "owner_name", "copyright", mode="before")(_blank_is_default)
    _owner_email = field_validator("owner_email")(_email)
    _guid = field_validator("guid")(_uuid)


class CacheConfig(_Section):
    max_size: ByteSize = ByteSize(DEFAULT_CACHE_SIZE)  # "500 MB", "5 GiB", a number of bytes; 0: no limit

    @field_validator("max_size", mode="before")
    @classmethod
    def _not_a_switch(cls, value: object) -> object:
        """`max_size = true` was read as 1 byte (a bool is an int to Python): a build then
        emptied the cache of all but the last hour's entries."""
        if isinstance(value, bool):
            raise ValueError(f"{str(value).lower()} is not a size: write it as \"500 MB\", \"5 GiB\" or a number of "
                             f"bytes (0: no limit)")
        return value


class ProjectConfig(_Section):
    site: SiteConfig = SiteConfig()
    podcast: PodcastConfig = PodcastConfig()
    cache: CacheConfig = CacheConfig()
    path: Path | None = None  # the file it was read from, for messages


# What the last part of an address names when it is a file, not a folder: a page or a feed
# (the site's own index.html, feed.xml, opds.xml …, or a page of the host), an image, a medium.
FILE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".xml", ".rss", ".atom",
                           ".json", ".png", ".jpg", ".jpeg", ".mp3", ".m4b", ".epub", ".pdf", ".txt"})


def _plain_path(path: str) -> str:
    """The folder as a host serves it: `//` typed twice is one (an object store such as S3 takes
    `pods//feed.xml` for another key than `pods/feed.xml`, so every feed URL was a 404) and
    `./`, `../` are resolved (RFC 3986 §5.2.4), as apps would."""
    if not path:
        return path
    folded = posixpath.normpath(re.sub(r"/{2,}", "/", path))
    return "/" if folded in (".", "/") else folded + ("/" if path.endswith("/") else "")


def normalise_base_url(value: str) -> str:
    """An absolute http(s) URL ending in '/', so that relative names join under it."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the base URL must be an absolute http:// or https:// address, not '{value}' "
                         f"(for example https://example.org/pods/)")
    if parts.query or parts.fragment:
        raise ValueError(f"the base URL '{value}' must not have a ?query or #fragment")
    if "@" in parts.netloc:  # a user name or password, which every feed and page would publish
        public = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))
        raise ValueError(f"the base URL '{value}' holds a user name or password, which every feed and page would "
                         f"publish: give the address readers use, {public}")
    folder, _, last = parts.path.rpartition("/")
    if Path(last).suffix.lower() in FILE_SUFFIXES:  # the page's or the feed's own address, pasted
        given = urlunsplit((parts.scheme, parts.netloc, folder + "/", "", ""))
        raise ValueError(f"the base URL '{value}' names a file ({last}), not the folder the site is served from: "
                         f"give the folder, {given}")
    try:
        host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
        port = parts.port
    except (UnicodeError, ValueError) as exc:
        raise ValueError(f"the base URL '{value}' is not a valid address ({exc}) "
                         f"(for example https://example.org/pods/)") from None
    if ":" in host:  # an IPv6 address, bracketed in a URL
        host = f"[{host}]"
    elif not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", host):
        raise ValueError(f"the base URL '{value}' has no valid host name (for example https://example.org/pods/)")
    # Feeds hand these URLs to podcast and reading apps as they are: a space or a Chinese folder
    # name is written percent-encoded (escapes already there are kept), a Chinese host as IDNA.
    netloc = host.lower()
    netloc += f":{port}" if port is not None else ""
    path = quote(_plain_path(parts.path), safe="/%!$&'()*+,;=:@-._~")
    url = urlunsplit((parts.scheme, netloc, path, "", ""))
    return url if url.endswith("/") else url + "/"


def load_config(project_dir: Path) -> ProjectConfig:
    """The project's settings, or the defaults when there is no `publish.toml`."""
    path = project_dir / CONFIG_NAME
    try:
        data = path.read_bytes()
        # A byte-order mark (Windows Notepad saves one) is no TOML: tomllib said 'Invalid statement
        # (at line 1, column 1)' of a file that is right. Another encoding is named, with its line.
        raw = data.decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        return ProjectConfig()
    except IsADirectoryError:
        raise PublishError(f"{path} is a folder, not the project's settings file: rename or remove it "
                           f"(publish.toml is optional)") from None
    except UnicodeDecodeError as exc:
        from pipeline.sourcebytes import decode_source

        why = decode_source(data, str(path))  # the source's words: the line, and GBK, Big5 or UTF-16 with iconv's line
        said = f"{why.path}:{why.line}: {why.message}" if not isinstance(why, str) else f"{path}: not UTF-8 text"
        advice = "" if "save it again as UTF-8" in said else f" (at byte {exc.start + 1}): save it as UTF-8"
        raise PublishError(said + advice) from None
    except OSError as exc:
        raise PublishError(f"{path}: cannot read the project settings ({exc.strerror or exc}): check its "
                           f"permissions, or remove it (publish.toml is optional)") from None
    try:
        settings = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        from pipeline.tomlslips import toml_problem

        raise PublishError(toml_problem(str(exc), raw, path)) from None
    try:
        return ProjectConfig.model_validate({**settings, "path": path})
    except ValidationError as exc:
        problems = "; ".join(_problem(error, raw, path) for error in exc.errors())
        raise PublishError(problems) from None


def _problem(error: dict, raw: str, path: Path) -> str:
    """'publish.toml:LINE: [section] key: what is wrong (what to do)'."""
    *section, key = (str(part) for part in error["loc"])
    line = _line_of(raw, section, key)
    return f"{path}{f':{line}' if line else ''}: [{'.'.join(section) or 'top'}] {key}: {_message(error, section, key)}"


def _fields(section: list[str]) -> list[str]:
    """The settings a section of the file may hold (the top level: the sections' names)."""
    model: type[BaseModel] = ProjectConfig
    for part in section:
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return [name for name in model.model_fields if name != "path"]


SECTIONS = ("site", "podcast", "cache")


def _message(error: dict, section: list[str], key: str) -> str:
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, _fields(section), n=1, cutoff=0.6)
        if close:
            meant = close[0] if section else f"[{close[0]}]"
            return f"unknown {'setting' if section else 'section'} (did you mean {meant}?)"
        home = next((name for name in SECTIONS if name not in section and key in _fields([name])), None)
        if home:
            return f"unknown setting in this section: it belongs in [{home}]"
        return "unknown setting (check its spelling and its [section])"
    if error["type"].startswith("byte_size"):
        return 'not a size: write it as "500 MB", "5 GiB" or a number of bytes (0: no limit)'
    words = VALUE_WORDS.get(error["type"])
    if words:
        return words.format(key=key, expected=(error.get("ctx") or {}).get("expected", ""))
    return str(error["msg"]).removeprefix("Value error, ")


# pydantic's words for a value of the wrong kind ('Input should be a valid string', 'Input should
# be a valid dictionary or instance of SiteConfig') → what to write.
VALUE_WORDS = {
    "string_type": 'text goes in quotes: {key} = "…"',
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "literal_error": "write one of {expected}, in lower case",
    "model_type": "a section, not a setting: write [{key}] on a line of its own and its settings under it",
    "dict_type": "a section, not a setting: write [{key}] on a line of its own and its settings under it",
}


_TABLE = re.compile(r"^\s*\[\[?\s*([^\]\[]+?)\s*\]")  # `[site]`, and `[[site]]` (an array of them)


def _line_of(raw: str, section: list[str], key: str) -> int | None:
    """The line that sets `key` in `section` (for a misspelt section: its header), if found."""
    table: list[str] = []
    assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, text in enumerate(raw.splitlines(), 1):
        header = _TABLE.match(text)
        if header:
            table = [part.strip().strip("\"'") for part in header.group(1).split(".")]
            if (not section and table and table[0] == key) or table == [*section, key]:
                return number  # a section misspelt, or a setting written as one (`[site.base_url]`)
        elif table == section and assignment.match(text):
            return number
    return None
