"""Test support for the site: a catalogue of titles whose files are made here, independently of
the renderers (an MP3 encoded with lameenc and chaptered with mutagen from a hand-written
table, a WebVTT written by hand), and feedparser taught the Podcasting 2.0 tags.

feedparser keeps only the last of repeated unknown elements and drops their text, so a podcast
app's reading of `podcast:person` / `podcast:transcript` is modelled by a namespace handler in
the style of feedparser's own (`feedparser/namespaces/psc.py`), added for the parse only.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import feedparser.api
import lameenc
from feedparser.util import FeedParserDict

from pipeline.build import prepare
from pipeline.config import ProjectConfig, PodcastConfig, SiteConfig
from pipeline.model import Document
from pipeline.reader import read_text
from pipeline.site.editions import BuiltTitle
from tests.conftest import TEST_TITLE

BASE_URL = "https://example.org/pods/"
RATE = 22050

# The test title's audio, by hand: (start, end, title) per chapter — one per section.
CHAPTERS = [(0.0, 8.0, "灯下夜读"), (8.0, 16.0, "你为什么选在夜里来图书馆？"), (16.0, 24.5, "夜间阅览室还缺什么？"),
            (24.5, 30.0, "给夜读的人一句话"), (30.0, 33.0, "编者注"), (33.0, 36.0, "参考资料")]
SECONDS = 36
# Captions by hand: (start, end, voice, text).
CUES = [(0.6, 2.0, "旁白", "灯下夜读。"), (2.0, 7.5, "旁白", "城东图书馆夜间阅览室的四位常客。"),
        (8.6, 10.0, "主持人", "你为什么选在夜里来图书馆？"), (10.2, 15.0, "老周", "白天家里孙子闹，晚上这里安静。"),
        (16.5, 20.0, "何川", "我当了二十多年银行行长。"), (20.0, 24.0, "苏雯", "我们正在招募夜间志愿者。"),
        (25.0, 29.0, "程一帆", "记得带充电器。"), (30.5, 32.5, "旁白", "文中何川为化名。"),
        (33.5, 35.5, "旁白", "参考资料。")]


def config(**site) -> ProjectConfig:
    return ProjectConfig(site=SiteConfig(**site),
                         podcast=PodcastConfig(owner_email="podcasts@example.org", category="News",
                                               subcategory="Daily News"))


def variant_text(slug: str, title: str, date: str, uuid: str) -> str:
    """The test title's source under another slug, title, date and id: a second real title."""
    text = TEST_TITLE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text)
    text = re.sub(r"(?m)^title: .*$", f"title: {title}", text)
    text = re.sub(r"(?m)^date: .*$", f"date: {date}", text)
    return re.sub(r"(?m)^id: .*$", f"id: urn:uuid:{uuid}", text)


def document(text: str | None = None) -> Document:
    result = read_text(text or TEST_TITLE.read_text(encoding="utf-8"), str(TEST_TITLE), default_slug="t")
    assert result.document is not None, result.diagnostics
    return prepare(result.document)


def write_mp3(path: Path, seconds: int = SECONDS, chapters=CHAPTERS) -> None:
    """Silence encoded by LAME, chaptered by mutagen (ID3v2.4 CTOC + CHAP), as podcast tools do."""
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(7)
    path.write_bytes(encoder.encode(bytes(2 * RATE * seconds)) + encoder.flush())
    tags = ID3()
    ids = [f"c{n}" for n in range(len(chapters))]
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                  sub_frames=[]))
    for element, (start, end, title) in zip(ids, chapters):
        tags.add(CHAP(element_id=element, start_time=int(start * 1000), end_time=int(end * 1000),
                      sub_frames=[TIT2(encoding=3, text=title)]))
    tags.save(path, v2_version=4)


def write_vtt(path: Path, cues=CUES) -> None:
    def stamp(t: float) -> str:
        return f"00:{int(t) // 60:02d}:{t % 60:06.3f}"

    lines = ["WEBVTT", ""]
    for n, (start, end, who, text) in enumerate(cues, 1):
        lines += [str(n), f"{stamp(start)} --> {stamp(end)}", f"<v {who}>{text}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def built_title(folder: Path, doc: Document, *, audio: bool = True) -> BuiltTitle:
    """The files a full build would leave for `doc` (ebooks and script as stand-in bytes; the
    audio files real), as the build API reports them."""
    folder.mkdir(parents=True, exist_ok=True)
    slug = doc.meta.slug
    outputs: dict[str, tuple[Path, ...]] = {}
    for edition, names in {"epub": [f"{slug}.epub"], "epub-learner": [f"{slug}-learner.epub"],
                           "pdf": [f"{slug}.pdf"], "pdf-learner": [f"{slug}-learner.pdf"],
                           "script": [f"{slug}-script.md", f"{slug}-script.html"]}.items():
        paths = []
        for index, name in enumerate(names):
            (folder / name).write_bytes(f"{edition} {index} of {slug}\n".encode() * (100 + index))
            paths.append(folder / name)
        outputs[edition] = tuple(paths)
    if audio:
        mp3, m4b, vtt = folder / f"{slug}.mp3", folder / f"{slug}.m4b", folder / f"{slug}.vtt"
        write_mp3(mp3)
        m4b.write_bytes(b"m4b stand-in")
        write_vtt(vtt)
        outputs["audio"] = (mp3, m4b, vtt)
    return BuiltTitle(source=Path(f"{slug}.md"), doc=doc, outputs=outputs)


# --- feedparser, taught the Podcasting 2.0 namespace ----------------------------------------

class PodcastIndexNamespace:
    """Every `podcast:transcript` and `podcast:person` (with its text), `podcast:chapters`,
    `podcast:guid`, as lists/values on the feed or entry."""

    def _start_podcast_transcript(self, attrs_d):
        self._get_context().setdefault("podcast_transcripts", []).append(FeedParserDict(attrs_d))

    def _start_podcast_chapters(self, attrs_d):
        self._get_context()["podcast_chapters_link"] = FeedParserDict(attrs_d)

    def _start_podcast_person(self, attrs_d):
        self._podcast_person = FeedParserDict(attrs_d)
        self.push("podcast_person", 1)

    def _end_podcast_person(self):
        person = self._podcast_person
        person["name"] = self.pop("podcast_person")
        self._get_context().setdefault("podcast_persons", []).append(person)

    def _start_podcast_guid(self, attrs_d):
        self.push("podcast_guid", 1)

    def _end_podcast_guid(self):
        self.pop("podcast_guid")


@contextlib.contextmanager
def _podcast_aware() -> Iterator[None]:
    saved = feedparser.api.StrictFeedParser, feedparser.api.LooseFeedParser
    feedparser.api.StrictFeedParser = type("StrictFeedParser", (PodcastIndexNamespace, saved[0]), {})
    feedparser.api.LooseFeedParser = type("LooseFeedParser", (PodcastIndexNamespace, saved[1]), {})
    try:
        yield
    finally:
        feedparser.api.StrictFeedParser, feedparser.api.LooseFeedParser = saved


def parse_feed(data: bytes) -> feedparser.FeedParserDict:
    with _podcast_aware():
        parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


@dataclass(frozen=True)
class Site:
    root: Path
    titles: list[BuiltTitle]

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()

    def local(self, url: str) -> Path:
        """The file in the site a feed URL names."""
        assert url.startswith(BASE_URL), url
        return self.root / url[len(BASE_URL):]
