"""The distribution editions in a language other than Chinese, tenth sweep: a Chinese title with
English words marked in its text (`{lang=en}`) and an English title (`language: en`, no audio)
on a site whose language is English. One site step over them (the editions stood in by files
made here, the covers recorded rather than drawn), then what readers of each file would see:
the OPDS catalogue's link titles, the covers' bylines, the captions' marked English, and the
note on learner files an earlier build left.

Yardsticks: lxml, json, webvtt-py and feedparser's sibling parsers on the written files, the
text Pillow was asked to draw, and values typed here by hand; never the site's own tables.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from pipeline.model import Metadata
from tests.site.sitetools import built_title, config, document

TIDE = """---
id: urn:uuid:2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
slug: tide-clock
title: 潮汐钟
language: zh-Hans
authors: [沈一舟, 顾澜]
outlet: 海港日报
date: 2025-03-11
description: 海边修表铺里，父子俩修了三十年潮汐钟。
rights: "© 2025 海港日报。"
speakers:
  - id: laoshen
    name: 沈德海
    role: 修表师傅
---

铺子门口挂着一只[Tide Clock]{lang=en}，指针跟着潮水走。

## 潮汐钟难修吗？

::: answer laoshen
难。齿轮要对着[moon phase]{lang=en}来调，差一格就不准。
:::

## Any advice for apprentices? {lang=en}

::: answer laoshen
先学会等。
:::
"""

HARBOUR = """---
id: urn:uuid:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
slug: harbour-night
title: Night Shift at the Harbour
language: en
authors: [Tom Hale, Ada Venn]
outlet: Harbour Weekly
date: 2025-03-01
description: Crane drivers talk about the night shift.
rights: "© 2025 Harbour Weekly."
speakers:
  - id: rita
    name: Rita Moss
    role: crane driver
---

The cranes never stop. Some call the port [不夜城]{lang=zh-Hans}.

## What is the hardest hour?

::: answer rita
Four in the morning, when the fog comes in.
:::
"""

ATOM = "{http://www.w3.org/2005/Atom}"
ACQUISITION = "http://opds-spec.org/acquisition"
BASE = "https://example.org/harbour/"


@pytest.fixture(scope="module")
def published(tmp_path_factory, site_cache):
    """The site written once over both titles, on an English site; the metadata of every cover
    the step asked for, by the size asked."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import publish_site

    root = tmp_path_factory.mktemp("dist10")
    built = [built_title(root, document(TIDE)), built_title(root, document(HARBOUR), audio=False)]
    covers: list[Metadata] = []

    def cover(meta, cache, size):
        covers.append(meta)
        return b"png"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", cover)
        publish_site(built, root, config(language="en", title="Harbour Radio"), BASE, site_cache, STYLES_DIR,
                     log=lambda note: None)
    return root / "site", covers


def test_an_english_sites_opds_links_are_titled_in_english(published) -> None:
    """The OPDS catalogue of an English site titled every acquisition link in Chinese ("EPUB 电子书",
    "印刷版 PDF", "拼音版 EPUB"): the words a reading app lists the files by, under an English
    catalogue. They follow the site's language, in both OPDS files; each still names its file."""
    site, _covers = published
    root = etree.parse(str(site / "opds.xml")).getroot()
    links = {link.get("href").rsplit("/", 1)[1]: (link.get("title"), link.get("type"))
             for link in root.iter(f"{ATOM}link") if link.get("rel") == ACQUISITION}
    assert links == {"harbour-night.epub": ("EPUB ebook", "application/epub+zip"),
                     "harbour-night.pdf": ("Print PDF", "application/pdf"),
                     "tide-clock.epub": ("EPUB ebook", "application/epub+zip"),
                     "tide-clock-learner.epub": ("Pinyin EPUB (learner edition)", "application/epub+zip"),
                     "tide-clock.pdf": ("Print PDF", "application/pdf"),
                     "tide-clock-learner.pdf": ("Pinyin PDF (learner edition)", "application/pdf")}
    opds2 = json.loads((site / "opds.json").read_text(encoding="utf-8"))
    titled = {link["href"].rsplit("/", 1)[1]: link["title"] for publication in opds2["publications"]
              for link in publication["links"] if link["rel"] == ACQUISITION}
    assert titled == {name: title for name, (title, _type) in links.items()}
    for name in links:
        assert (site / name.split(".")[0].removesuffix("-learner") / name).is_file()


def _drawn(meta: Metadata, monkeypatch) -> list[str]:
    """The strings the cover draws (Pillow's `ImageDraw.text`), at a small size."""
    from PIL import ImageDraw

    from pipeline.cover import _draw

    said: list[str] = []
    original = ImageDraw.ImageDraw.text
    monkeypatch.setattr(ImageDraw.ImageDraw, "text",
                        lambda self, xy, text, *a, **kw: (said.append(text), original(self, xy, text, *a, **kw))[1])
    _draw(meta, (200, 320))
    return said


@pytest.mark.parametrize("language, byline", [("en", "By Tom Hale, Ada Venn"), ("en-AU", "By Tom Hale, Ada Venn"),
                                              ("fr", "Tom Hale, Ada Venn"), ("zh-Hant-HK", "Tom Hale\u3000Ada Venn\u3000文")],
                         ids=["en", "en-AU", "fr", "zh-Hant-HK"])
def test_the_covers_byline_is_in_the_titles_language(language: str, byline: str, monkeypatch) -> None:
    """An English title's cover (the EPUB's, the MP3's art, the site's and the OPDS images) said
    "Tom Hale　Ada Venn　文": the Chinese word for 'written by', under an English title. The byline
    follows the title's language: English words for English, the names alone for a language
    the table lacks, 文 for a title in Chinese characters of any script."""
    meta = document(HARBOUR).meta.model_copy(update={"language": language})
    assert byline in _drawn(meta, monkeypatch)


def test_the_podcasts_artwork_speaks_the_sites_language(published) -> None:
    """The podcast's own artwork (podcast.png) is drawn from the newest title's metadata: on an
    English site whose newest title is Chinese it said "Harbour Weekly　沈一舟…　文"; on a
    Chinese site whose newest is English, "By …". It is drawn in the site's language; each
    title's cover in its own."""
    _site, covers = published
    languages = {meta.title: meta.language for meta in covers}
    assert languages == {"Harbour Radio": "en", "潮汐钟": "zh-Hans", "Night Shift at the Harbour": "en"}
    from pipeline.cover import byline

    show = next(meta for meta in covers if meta.title == "Harbour Radio")
    assert byline(show).startswith("By ")
    assert byline(next(meta for meta in covers if meta.title == "潮汐钟")) == "沈一舟\u3000顾澜\u3000文"


def test_the_captions_mark_english_inside_a_chinese_cue(monkeypatch) -> None:
    """The WebVTT captions of a Chinese title carried the words its source marks as English
    (`[moon phase]{lang=en}`) as plain text: a caption or screen reader read them in the Chinese
    voice. Each is a `<lang en>` cue span, across the line a caption wrapped it at, and a heading
    marked English too; webvtt-py reads the same words, and the site's transcript the text whole.
    The captions are typed here: the timing is not what this looks at."""
    import webvtt as webvtt_py

    from pipeline.audio import captions as module
    from pipeline.foreignruns import foreign_runs
    from pipeline.site.media import cue_text

    typed = [module.Caption(0.5, 2.0, "旁白", ("铺子门口挂着一只Tide", "Clock，指针跟着潮水走。"), 0),
             module.Caption(2.5, 4.0, "沈德海", ("难。齿轮要对着moon phase来", "调，差一格就不准。"), 1),
             module.Caption(4.5, 6.0, "主持人", ("Any advice for apprentices?",), 2),
             module.Caption(6.5, 8.0, "沈德海", ("先学会等。Tide Clocks不是Tide Clock <3",), 2)]
    monkeypatch.setattr(module, "captions", lambda timeline: typed)
    timeline = SimpleNamespace(chapters=[SimpleNamespace(chapter=SimpleNamespace(title=t)) for t in "abc"])
    text = module.webvtt(timeline, "潮汐钟", "zh-Hans", foreign_runs(document(TIDE)))
    assert "<v 旁白>铺子门口挂着一只<lang en>Tide\nClock</lang>，指针跟着潮水走。" in text
    assert "<v 沈德海>难。齿轮要对着<lang en>moon phase</lang>来\n调，差一格就不准。" in text
    assert "<v 主持人><lang en>Any advice for apprentices?</lang>\n" in text
    assert "<v 沈德海>先学会等。Tide Clocks不是<lang en>Tide Clock</lang> &lt;3\n" in text  # whole words
    read = webvtt_py.from_buffer(io.StringIO(text)).captions
    assert [html.unescape(c.text) for c in read] == [c.text for c in typed]
    assert cue_text(read[0].raw_text) == "铺子门口挂着一只Tide Clock，指针跟着潮水走。"


def test_files_of_editions_a_title_lost_are_named(tmp_path: Path, monkeypatch) -> None:
    """A title built in the learner editions and the audio while its language was Chinese (or
    learner editions by a version that built them for any title), then set to `language: en`,
    kept its `-learner.epub` and its `.mp3` in output/: no page or catalogue lists them, and
    nothing said they were stale. The build names each one left; a folder without them, and a
    Chinese title, hear nothing of it."""
    from pipeline.driver.settings import BuildSettings
    from pipeline.driver.sources import TitleSource
    from pipeline.driver.title import build_title

    monkeypatch.setattr("pipeline.driver.title.build_editions", lambda doc, editions, ctx, **kw: None)
    every = BuildSettings(editions=("epub", "epub-learner", "pdf", "pdf-learner", "audio"))

    def said(name: str, text: str) -> list[str]:
        result = build_title(TitleSource.from_text(f"source/{name}.md", text), every, str(tmp_path),
                             cache_dir=str(tmp_path / "cache"))
        return [line for line in result.log if "earlier build" in line]

    assert said("harbour-night", HARBOUR) == []
    (tmp_path / "harbour-night-learner.epub").write_bytes(b"stale")
    (tmp_path / "harbour-night.mp3").write_bytes(b"stale")
    for name in ("tide-clock-learner.epub", "tide-clock.mp3", "harbour-night.epub"):
        (tmp_path / name).write_bytes(b"fresh")
    (lines,) = said("harbour-night", HARBOUR)
    named = {part.rsplit("/", 1)[-1] for part in lines.split(": ", 1)[0].split(", ")}
    assert named == {"harbour-night-learner.epub", "harbour-night.mp3"} and "delete them" in lines, lines
    assert "not built in epub-learner, audio any more" in lines, lines
    assert said("tide-clock", TIDE) == []


def test_the_covers_text_alternative_is_in_the_titles_language(published) -> None:
    """The cover's text alternative (the EPUB's cover image and the title page's) described an
    English title's cover in Chinese, "封面：Night Shift at the Harbour。作者：Tom Hale、Ada Venn。":
    a screen reader read it out in one voice, or the Chinese words in the English one. It is in
    the title's language, and the page marks it so (a Chinese title's too: the frame of this
    English site now speaks English, data/interface-words.toml)."""
    import html5lib

    site, _covers = published
    found = {}
    for slug in ("harbour-night", "tide-clock"):
        tree = html5lib.parse((site / slug / "index.html").read_bytes(), namespaceHTMLElements=False)
        (cover,) = [img for img in tree.iter("img") if img.get("class") == "cover"]
        found[slug] = (cover.get("alt"), cover.get("lang"))
    assert found == {"harbour-night": ("Cover: Night Shift at the Harbour. By Tom Hale, Ada Venn. Harbour Weekly.", "en"),
                     "tide-clock": ("封面：潮汐钟。作者：沈一舟、顾澜。海港日报。", "zh-Hans")}


def test_a_language_without_words_gets_the_names_closed_in_its_own_script(monkeypatch) -> None:
    """For a language neither table has (Japanese), the cover shows the names alone and its text
    alternative is the title, the names and the outlet, each closed as its script closes a
    sentence: '駅前の喫茶店. 山田花子. 東京週報.' had Latin full stops in Japanese text."""
    from pipeline.cover import cover_alt

    meta = document(HARBOUR).meta.model_copy(update={"language": "ja", "title": "駅前の喫茶店", "outlet": "東京週報",
                                                       "authors": ("山田花子", "Tom Hale")})
    assert cover_alt(meta) == "駅前の喫茶店。山田花子、Tom Hale. 東京週報。"
    assert "山田花子、Tom Hale" in _drawn(meta, monkeypatch)


DIMSUM = """---
id: urn:uuid:6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b
slug: dimsum
title: 點心師傅
language: yue
authors: [陳美玲]
outlet: 港島日報
date: 2025-01-25
description: 茶樓點心師傅的早晨。
rights: "© 2025 港島日報。"
speakers:
  - id: sifu
    name: 黃志強
    role: 點心師傅
---

凌晨四點，茶樓廚房已經開火。

## 做咗幾多年？

::: answer sifu
三十年，[dim sum]{lang=en}日日都係咁。
:::
"""


def test_the_podcast_script_page_says_which_language_each_part_is_in() -> None:
    """The podcast script's page (the feed's HTML transcript) was `<html lang="zh-Hans">` whole:
    its English frame (Engine, Cast, Start, Spoken) was read in a Chinese voice, a Cantonese
    title's lines were announced as Mandarin, and the English it quotes as Chinese. The frame is
    English; the title, chapters, speakers and what is spoken carry the title's language, and a
    marked run its own. The programme is stood in by hand: the timing is not what this looks at."""
    import html5lib

    from pipeline.renderers.script import script_html

    doc = document(DIMSUM)
    voice = SimpleNamespace(describe=lambda: "yue+f3 pitch 50")
    cue = SimpleNamespace(who="黃志強", role="speaker", speaker_id="sifu", answer_id="q1-1", voice=voice,
                          spoken=("三十年，dim sum日日都係咁。",), shown=("三十年，dim sum日日都係咁。",))
    span = SimpleNamespace(placements=[SimpleNamespace(start=0, cue=cue)], chapter=SimpleNamespace(title="做咗幾多年？"),
                           start=0)
    programme = SimpleNamespace(
        timeline=SimpleNamespace(chapters=[span], seconds=lambda samples: samples / 22050, duration=4.0),
        engine=SimpleNamespace(name="espeak"),
        plan=SimpleNamespace(cast=SimpleNamespace(narrator=voice, host=voice, voice=lambda _id: voice, notes=())))
    page = html5lib.parse(script_html(doc, programme), namespaceHTMLElements=False)

    def language(element) -> str:
        return element.get("lang") or language(parents[element])

    parents = {child: parent for parent in page.iter() for child in parent}
    assert page.get("lang") == "en"
    cells = {"".join(td.itertext()): language(td) for td in page.iter("td")}
    assert cells["黃志強"] == "yue" and cells["點心師傅"] == "yue"
    (spoken,) = [td for td in page.iter("td") if "三十年" in "".join(td.itertext())]
    marked = {"".join(e.itertext()): language(e) for e in spoken.iter() if e.text and e.text.strip()}
    assert marked == {"三十年，dim sum日日都係咁。": "yue", "dim sum": "en"}, marked
    (h1,) = page.iter("h1")
    assert [language(e) for e in h1.iter("span")] == ["yue"] and "點心師傅" in "".join(h1.itertext())
    (th,) = [th for th in page.iter("th") if th.text == "Spoken"]
    assert language(th) == "en"
