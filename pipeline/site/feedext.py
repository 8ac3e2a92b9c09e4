"""The Podcasting 2.0 namespace (https://podcastindex.org/namespace/1.0) as a feedgen extension.

feedgen's own `podcast` extension writes Apple's `itunes:` tags; this one adds the tags podcast
apps use for transcripts, chapters and credits, through feedgen's extension mechanism (so the
XML is built by feedgen and lxml, never by string templates):

- channel: `podcast:guid` (UUIDv5 of the feed URL, as the spec prescribes), `podcast:medium`,
  `podcast:person` (none today: the titles' hosts are synthetic voices);
- item: `podcast:transcript`, `podcast:chapters`, `podcast:person`.

Registered under the name `podcastindex` because feedgen's `podcast` name is the iTunes one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import lxml.etree  # noqa: F401  (feedgen.util uses lxml.etree without importing it)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

NAMESPACE = "https://podcastindex.org/namespace/1.0"
# The namespace UUID of `podcast:guid` values (Podcasting 2.0, "guid").
GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
CHAPTERS_TYPE = "application/json+chapters"


def podcast_guid(feed_url: str) -> str:
    """The podcast's GUID: UUIDv5 of its feed URL without the scheme and trailing slashes."""
    seed = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(GUID_NAMESPACE, seed))


@dataclass(frozen=True)
class Person:
    name: str
    role: str = "guest"  # lower-case role of the Podcasting 2.0 taxonomy
    group: str = "cast"
    href: str | None = None
    img: str | None = None


@dataclass(frozen=True)
class Transcript:
    url: str
    type: str
    language: str | None = None
    rel: str | None = None  # "captions" for timed captions


def _person(parent, person: Person) -> None:
    element = xml_elem(f"{{{NAMESPACE}}}person", parent)
    element.text = person.name
    element.attrib["role"] = person.role
    element.attrib["group"] = person.group
    if person.href:
        element.attrib["href"] = person.href
    if person.img:
        element.attrib["img"] = person.img


class PodcastIndexExtension(BaseExtension):
    def __init__(self) -> None:
        self._guid: str | None = None
        self._medium: str | None = None
        self._persons: list[Person] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": NAMESPACE}

    def guid(self, value: str) -> None:
        self._guid = value

    def medium(self, value: str) -> None:
        self._medium = value

    def person(self, person: Person) -> None:
        self._persons.append(person)

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        if self._guid:
            xml_elem(f"{{{NAMESPACE}}}guid", channel).text = self._guid
        if self._medium:
            xml_elem(f"{{{NAMESPACE}}}medium", channel).text = self._medium
        for person in self._persons:
            _person(channel, person)
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    def __init__(self) -> None:
        self._transcripts: list[Transcript] = []
        self._chapters: str | None = None
        self._persons: list[Person] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": NAMESPACE}

    def transcript(self, transcript: Transcript) -> None:
        self._transcripts.append(transcript)

    def chapters(self, url: str) -> None:
        self._chapters = url

    def person(self, person: Person) -> None:
        self._persons.append(person)

    def extend_rss(self, item):
        for transcript in self._transcripts:
            element = xml_elem(f"{{{NAMESPACE}}}transcript", item)
            element.attrib["url"] = transcript.url
            element.attrib["type"] = transcript.type
            if transcript.language:
                element.attrib["language"] = transcript.language
            if transcript.rel:
                element.attrib["rel"] = transcript.rel
        if self._chapters:
            element = xml_elem(f"{{{NAMESPACE}}}chapters", item)
            element.attrib["url"] = self._chapters
            element.attrib["type"] = CHAPTERS_TYPE
        for person in self._persons:
            _person(item, person)
        return item


ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


class AppleExtension(BaseExtension):
    """`itunes:explicit` as Apple spells it today (`true`/`false`); feedgen 1.0 only writes the
    older `yes`/`no`/`clean`. Everything else iTunes is feedgen's own `podcast` extension."""

    def __init__(self) -> None:
        self._explicit: bool | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES}

    def explicit(self, value: bool) -> None:
        self._explicit = value

    def extend_rss(self, rss_feed):
        self._write(rss_feed[0])
        return rss_feed

    def _write(self, parent) -> None:
        if self._explicit is not None:
            xml_elem(f"{{{ITUNES}}}explicit", parent).text = "true" if self._explicit else "false"


class AppleEntryExtension(AppleExtension, BaseEntryExtension):
    def extend_rss(self, item):
        self._write(item)
        return item
