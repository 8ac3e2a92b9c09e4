"""The podcast feed and the JSON chapters, read as a podcast app reads them (feedparser), and
checked against Apple's required tags, the Podcasting 2.0 spec and the files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from pipeline.site.feedext import podcast_guid
from tests.site.sitetools import BASE_URL, CHAPTERS, CUES, SECONDS, Site, parse_feed

# The JSON chapters format, version 1.2 (Podcasting 2.0, chapters/jsonChapters.md), as a schema.
CHAPTERS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "chapters"],
    "additionalProperties": False,
    "properties": {
        "version": {"type": "string", "pattern": r"^1\.2(\.\d+)?$"},
        "author": {"type": "string"},
        "title": {"type": "string"},
        "podcastName": {"type": "string"},
        "description": {"type": "string"},
        "fileName": {"type": "string"},
        "waypoints": {"type": "boolean"},
        "chapters": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["startTime"],
                "additionalProperties": False,
                "properties": {
                    "startTime": {"type": "number", "minimum": 0},
                    "endTime": {"type": "number", "minimum": 0},
                    "title": {"type": "string"},
                    "img": {"type": "string"},
                    "url": {"type": "string"},
                    "toc": {"type": "boolean"},
                    "location": {
                        "type": "object",
                        "required": ["name", "geo"],
                        "properties": {"name": {"type": "string"}, "geo": {"type": "string", "pattern": "^geo:"},
                                       "osm": {"type": "string"}},
                    },
                },
            },
        },
    },
}

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
# Who the test title credits, by hand: interviewees who answer, the author (the narrator and the
# host are synthetic voices, no one).
EXPECTED_PERSONS = {("老周", "guest", "cast"),
                    ("程一帆", "guest", "cast"), ("苏雯", "guest", "cast"), ("何川", "guest", "cast"),
                    ("林小满", "author", "writing")}


@pytest.fixture(scope="module")
def feed(site: Site):
    return parse_feed(site.read("feed.xml"))


def test_podcast_guid_is_the_specs_uuid5() -> None:
    # The worked example published with the Podcasting 2.0 guid tag.
    assert podcast_guid("https://bigal.github.io/breakfast-wrap-feed/breakfast-wrap.xml/") == \
        "f95d7b89-e1ee-554c-be7f-f126f0b92dae"


def test_channel_has_apples_required_and_recommended_tags(feed, site: Site) -> None:
    channel = feed.feed
    assert feed.version == "rss20"
    assert channel.title and channel.subtitle  # <title>, <description>
    assert channel.language == "zh-cn"
    assert channel.link == BASE_URL + "index.html"
    assert channel.image.href == BASE_URL + "podcast.png"
    assert channel.author_detail.name and channel.publisher_detail == {"name": channel.author_detail.name,
                                                                       "email": "podcasts@example.org"}
    assert [t.term for t in channel.tags] == ["News", "Daily News"]
    assert channel.itunes_type == "episodic"
    assert channel.podcast_guid == podcast_guid(BASE_URL + "feed.xml")
    root = etree.fromstring(site.read("feed.xml"))
    assert root.findtext(f"channel/{ITUNES}explicit") == "false"
    from PIL import Image

    with Image.open(site.local(channel.image.href)) as art:  # Apple: 1400–3000 px square, RGB
        assert art.size[0] == art.size[1] and 1400 <= art.size[0] <= 3000 and art.mode == "RGB"


def test_every_title_with_audio_is_an_episode_with_its_files(feed, site: Site) -> None:
    with_audio = [t for t in site.titles if "audio" in t.outputs]
    assert len(feed.entries) == len(with_audio) == 1
    entry, title = feed.entries[0], with_audio[0]
    slug = title.doc.meta.slug
    assert entry.id == title.doc.meta.id
    assert entry.link == f"{BASE_URL}{slug}/index.html"
    assert entry.published_parsed[:3] == title.doc.meta.date.timetuple()[:3]
    (enclosure,) = entry.enclosures
    mp3 = site.local(enclosure.href)
    assert enclosure.type == "audio/mpeg" and int(enclosure.length) == mp3.stat().st_size
    assert mp3.read_bytes() == title.outputs["audio"][0].read_bytes()
    assert int(entry.itunes_duration) == SECONDS
    assert entry.itunes_episodetype == "full" and "itunes_episode" not in entry  # numbers: serial shows only
    assert site.local(entry.image.href).exists()
    transcripts = {t.type: t for t in entry.podcast_transcripts}
    assert set(transcripts) == {"text/vtt", "text/html"}
    assert transcripts["text/vtt"].rel == "captions"
    assert site.local(transcripts["text/vtt"].url).read_text(encoding="utf-8").startswith("WEBVTT")
    assert site.local(transcripts["text/html"].url).exists()
    assert entry.podcast_chapters_link.type == "application/json+chapters"
    assert site.local(entry.podcast_chapters_link.url).exists()
    persons = {(p.name, p.role, p.group) for p in entry.podcast_persons}
    assert persons == EXPECTED_PERSONS


def test_chapters_json_follows_the_spec_and_the_mp3(feed, site: Site) -> None:
    path = site.local(feed.entries[0].podcast_chapters_link.url)
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(document, CHAPTERS_SCHEMA)
    chapters = document["chapters"]
    assert [(c["startTime"], c["endTime"], c["title"]) for c in chapters] == CHAPTERS
    assert [c["startTime"] for c in chapters] == sorted(c["startTime"] for c in chapters)
    assert document["fileName"] == Path(feed.entries[0].enclosures[0].href).name
    for chapter in chapters:  # each links to its section on the title's page
        page, _, anchor = chapter["url"].partition("#")
        html = site.local(page).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html


def test_the_schema_rejects_what_the_spec_forbids() -> None:
    for bad in ({"chapters": []}, {"version": "1.2.0", "chapters": [{"title": "no start"}]},
                {"version": "1.2.0", "chapters": [{"startTime": "12"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, CHAPTERS_SCHEMA)


def test_feed_names_each_interviewee_heard_and_no_synthetic_voice(feed) -> None:
    """The guests are exactly the caption voices that are interviewees; the narrator's and the
    host's voices (旁白, 主持人) are no one's, on the episode or the channel."""
    voices = {who for _start, _end, who, _text in CUES}
    guests = {p.name for p in feed.entries[0].podcast_persons if p.role == "guest"}
    assert guests == voices - {"旁白", "主持人"}
    assert not [p for p in feed.entries[0].podcast_persons if p.role == "host"]
    assert "podcast_persons" not in feed.feed
