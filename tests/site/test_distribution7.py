"""The distribution editions of a small catalogue written by hand for them: a Chinese Q&A with
audio (a pseudonymous guest, an untitled note) and an English title (`language: en`) whose audio
and script editions can never be built, as the build driver reports them (`run_site`, the site
step of `publish site` and `publish all --base-url`).

Yardsticks: html5lib, lxml, json and feedparser on the written files, and names typed here by
hand; never the site's own tables.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest
from lxml import etree

from pipeline.api import CatalogueResult, EditionResult, TitleResult, TitleSource
from pipeline.site.command import SitePlan, run_site
from tests.site.sitetools import BASE_URL, built_title, config, document, parse_feed, write_vtt

DOCK = """---
id: urn:uuid:7d0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b
slug: dock-night
title: 码头夜班
subtitle: 港口吊车司机的十二小时
language: zh-Hans
authors: [赵一舟]
outlet: 港城日报
date: 2025-06-10
description: 港口的夜班吊车司机谈他们看到的海。
rights: "© 2025 港城日报。"
speakers:
  - id: wei
    name: 魏师傅
    role: 吊车司机
    pseudonym: true
  - id: ann
    name: 安娜
    role: 调度员
---

凌晨两点，吊车还在转。

## 夜里最难的是什么？

::: answer wei
困。还有雾。
:::

::: answer ann
雾天要停工。
:::

::: note
（文中魏师傅为化名。）
:::
"""

FERRY = """---
id: urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
slug: night-ferry
title: The Night Ferry
language: en
authors: [Ann Lee]
outlet: Harbour Weekly
date: 2025-04-01
description: A short note on the last ferry of the night.
rights: "© 2025 Harbour Weekly."
speakers:
  - id: tam
    name: Mary Tam
    role: deckhand
    pseudonym: true
---

The last ferry leaves at midnight. Few people ride it.

## Who rides the last ferry?

::: answer tam
Nurses, mostly, and a man with a cello.
:::

::: note
(Mary Tam is a pseudonym.)
:::
"""

# The dock title's captions, wrapped over two lines as a player's width asks (by hand).
WRAPPED = [(0.6, 4.0, "旁白", "凌晨两点，\n吊车还在转。"), (8.6, 10.0, "主持人", "夜里最难的\n是什么？"),
           (10.2, 12.0, "魏师傅", "困。还有\n雾。"), (12.5, 15.0, "安娜", "Fog, and the\nlast ferry at midnight.")]
HEARD = ["凌晨两点，吊车还在转。", "夜里最难的是什么？", "困。还有雾。", "Fog, and the last ferry at midnight."]

WHY_NOT = "no voice reads the title's language 'en'; the audio edition knows the languages in …"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory, site_cache):
    """One site step over both titles, as `publish site` runs it after a build in which the
    English title's audio and script failed (W409) and every other edition built."""
    root = tmp_path_factory.mktemp("dist7")
    out = root / "output"
    sources = [TitleSource.from_text("source/dock-night.md", DOCK), TitleSource.from_text("source/night-ferry.md", FERRY)]
    dock = built_title(out, document(DOCK))
    write_vtt(out / "dock-night.vtt", WRAPPED)
    ferry = built_title(out, document(FERRY), audio=False)
    results = [TitleResult(name=sources[0].name, slug="dock-night", editions=tuple(
        EditionResult(edition, "built", tuple(map(str, paths)), 0.0) for edition, paths in dock.outputs.items()))]
    editions = [EditionResult(edition, "built", tuple(map(str, paths)), 0.0)
                for edition, paths in ferry.outputs.items() if edition != "script"]
    editions += [EditionResult("script", "failed", (), 0.0, WHY_NOT), EditionResult("audio", "failed", (), 0.0, WHY_NOT)]
    results.append(TitleResult(name=sources[1].name, slug="night-ferry", editions=tuple(editions)))
    report = CatalogueResult(results=tuple(results), seconds=0.0, runner="by hand")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PUBLISH_CACHE_DIR", str(site_cache.root))
        # The pages' font subsets and the covers (test_site_pages, test_cover) cost seconds for
        # each new text and are not what this module looks at: stand-in bytes.
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
        step = run_site(SitePlan(config=config(), base_url=BASE_URL, project_dir=root), sources, report, str(out),
                        force=False)
    assert step.ok, step.error
    return out / "site", step


def page(path: Path):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(path.read_bytes(), transport_encoding="utf-8")
    assert parser.errors == []
    return tree


ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_title_no_voice_reads_is_on_the_site_and_in_the_opds_catalogue(catalogue) -> None:
    """`language: en`: its EPUBs and PDFs built, its audio and script never can (W409), and the
    site left the whole title out — catalogue page, title page and OPDS — as if it had failed
    and might build next time. Now it is a book without an episode, and the step says why."""
    site, step = catalogue
    assert step.left_out == ()
    assert [n for n in step.notes if "night-ferry" in n and "audio" in n and "script" in n and "'en'" in n]
    links = [a.get("href") for a in page(site / "index.html").iter("a")]
    assert "night-ferry/index.html" in links and "night-ferry/night-ferry.epub" in links
    assert not [href for href in links if href and href.startswith("night-ferry/") and href.endswith((".mp3", ".html"))
                and href != "night-ferry/index.html"]
    own = page(site / "night-ferry" / "index.html")
    assert "".join(own.find(".//h1").itertext()) == "The Night Ferry"
    assert own.find(".//audio") is None
    entries = etree.fromstring((site / "opds.xml").read_bytes()).findall(f"{ATOM}entry")
    ferry = [e for e in entries if e.findtext(f"{ATOM}title") == "The Night Ferry"]
    assert len(ferry) == 1 and len(entries) == 2
    acquired = {link.get("href") for link in ferry[0].iter(f"{ATOM}link")
                if link.get("rel") == "http://opds-spec.org/acquisition"}
    # no 拼音版: an English title has no Chinese for the learner editions to annotate (test_distribution8)
    assert acquired == {f"{BASE_URL}night-ferry/night-ferry.epub", f"{BASE_URL}night-ferry/night-ferry.pdf"}
    publications = json.loads((site / "opds.json").read_text(encoding="utf-8"))["publications"]
    assert sorted(p["metadata"]["title"] for p in publications) == ["The Night Ferry", "码头夜班"]
    feed = parse_feed((site / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["码头夜班：港口吊车司机的十二小时"]


def test_a_title_that_failed_otherwise_is_still_left_out() -> None:
    """Only an edition the title can never have is forgiven: a Chinese title whose PDF failed
    (a disk full, a renderer's bug) may build next time, and stays off the site till then; so
    does the English title when its EPUB failed too."""
    from pipeline.site.editions import built_titles

    sources = [TitleSource.from_text("source/dock-night.md", DOCK), TitleSource.from_text("source/night-ferry.md", FERRY)]
    broken = EditionResult("pdf", "failed", (), 0.0, "No space left on device")
    results = [TitleResult(name=sources[0].name, slug="dock-night", editions=(broken,)),
               TitleResult(name=sources[1].name, slug="night-ferry",
                           editions=(EditionResult("epub", "failed", (), 0.0, "No space left on device"),
                                     EditionResult("audio", "failed", (), 0.0, WHY_NOT)))]
    assert built_titles(sources, results) == []


def test_the_narrator_and_the_host_are_no_ones_name_in_the_feed(catalogue) -> None:
    """The captions' 旁白 and 主持人 are synthetic voices named by their part: as
    `podcast:person role="host"` every app credited two hosts called Narrator and Host."""
    site, _step = catalogue
    feed = parse_feed((site / "feed.xml").read_bytes())
    (entry,) = feed.entries
    credited = {(p.name, p.role, p.group) for p in entry.podcast_persons}
    assert credited == {("魏师傅", "guest", "cast"), ("安娜", "guest", "cast"), ("赵一舟", "author", "writing")}
    assert "podcast_persons" not in feed.feed
    people = etree.fromstring((site / "feed.xml").read_bytes()).iter("{https://podcastindex.org/namespace/1.0}person")
    assert not [p.text for p in people if p.text in ("旁白", "主持人")]


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _lang(element, parents: dict) -> str:
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = parents.get(element)
    return ""


def unmarked_chinese(tree) -> list[tuple[str, str, str]]:
    """Texts (and aria-labels, alt texts) holding a Han character in an element whose language
    is not Chinese: (tag, its language, the text)."""
    parents = {child: parent for parent in tree.iter() for child in parent}
    wrong = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "title"):
            continue
        pieces = [element.text or "", element.get("aria-label") or "", element.get("alt") or ""]
        if any(HAN.search(piece) for piece in pieces) and not _lang(element, parents).startswith("zh"):
            wrong.append((element.tag, _lang(element, parents), "".join(pieces)[:20]))
        parent = parents.get(element)
        if HAN.search(element.tail or "") and not _lang(parent, parents).startswith("zh"):
            wrong.append((parent.tag, _lang(parent, parents), element.tail[:20]))
    return wrong


@pytest.mark.parametrize("slug", ["night-ferry", "dock-night"])
def test_every_chinese_word_on_a_page_is_marked_chinese(catalogue, slug: str) -> None:
    """Inside an English title's text (`<div lang="en">`) the site's own headings and labels,
    正文, 编者注, 受访者, 化名 and the answer links' 的第1个回答, were marked English, so a screen
    reader read them with an English voice. Every text (and aria-label) holding a Han character
    must stand in an element whose language is Chinese."""
    site, _step = catalogue
    tree = page(site / slug / "index.html")
    assert unmarked_chinese(tree) == []
    if slug == "night-ferry":  # the English text stays English
        parents = {child: parent for parent in tree.iter() for child in parent}
        said = [p for p in tree.iter("p") if "a man with a cello" in "".join(p.itertext())]
        assert [_lang(p, parents) for p in said] == ["en"]


def test_a_site_in_english_marks_its_chinese_frame_chinese(tmp_path: Path) -> None:
    """`[site] language = "en"` made every page `<html lang="en">` around the site's own words,
    跳到正文, 全部作品, 下载, 播客订阅 …, which are Chinese. Its frame now speaks English
    (data/interface-words.toml), and whatever Chinese stands in it (a Chinese title's date, its
    cover's text alternative, its outlet in the copyright line) is marked; the site's name is in
    its language."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.catalogue import catalogue_order, title_of
    from pipeline.site.pages import catalogue_page, environment, title_page
    from pipeline.site.show import resolve_show

    titles = catalogue_order([title_of(built_title(tmp_path, document(DOCK))),
                              title_of(built_title(tmp_path, document(FERRY), audio=False))])
    show = resolve_show(config(language="en", title="Harbour Reads"), BASE_URL, titles)
    env = environment(STYLES_DIR)
    for html in (catalogue_page(env, show, titles), *(title_page(env, show, title) for title in titles)):
        tree = html5lib.parse(html, namespaceHTMLElements=False)
        assert unmarked_chinese(tree) == []
        parents = {child: parent for parent in tree.iter() for child in parent}
        names = [e for e in tree.iter() if "".join(e.itertext()) == "Harbour Reads"]
        assert names and all(_lang(e, parents) == "en" for e in names)


def test_a_feed_without_one_episode_is_valid_and_the_editor_is_told(tmp_path: Path, site_cache, monkeypatch) -> None:
    """A catalogue whose only title has no audio: the feed is RSS 2.0 with its channel and no
    item, never an error; and the step says so, where it printed the feed's address to submit
    as if it were a podcast."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import publish_site

    monkeypatch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
    monkeypatch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
    notes: list[str] = []
    publish_site([built_title(tmp_path, document(FERRY), audio=False)], tmp_path, config(), BASE_URL, site_cache,
                 STYLES_DIR, log=notes.append)
    feed = parse_feed((tmp_path / "site" / "feed.xml").read_bytes())
    assert feed.version == "rss20" and feed.entries == [] and feed.feed.title == "Harbour Weekly"
    assert [n for n in notes if "feed.xml lists no episode" in n]


def test_a_wrapped_caption_is_one_line_of_text_in_the_transcript(catalogue) -> None:
    """A caption wrapped over two lines (as the audio edition wraps them for a player) showed a
    space in the middle of a Chinese sentence on the page, '凌晨两点， 吊车还在转。' (Chromium,
    and the page with CSS off); Latin words keep their one space."""
    site, _step = catalogue
    tree = page(site / "dock-night" / "index.html")
    said = ["".join(span.itertext()) for span in tree.iter("span") if span.get("class") == "said"]
    assert said == HEARD


@pytest.mark.parametrize("typed, wanted", [
    ("https://editor:s3cret@example.org/pods/", r"user name or password.*https://example\.org/pods/$"),
    ("https://token@example.org/", r"user name or password.*https://example\.org/$"),
    ("https://example.org/pods/index.html", r"names a file \(index\.html\).*https://example\.org/pods/$"),
    ("https://example.org/pods/feed.xml", r"names a file \(feed\.xml\).*https://example\.org/pods/$"),
    ("https://example.org/catalog.JSON", r"names a file.*https://example\.org/$"),
], ids=["password", "token", "page", "feed", "json"])
def test_a_base_url_the_feeds_cannot_carry_is_refused_with_the_right_one(tmp_path: Path, typed: str,
                                                                         wanted: str) -> None:
    """A password in the address was written into every feed, page and OPDS link, for anyone
    to read; the page's or the feed's own address (pasted from the browser) made every URL
    '…/index.html/feed.xml', which no host serves. Refused, naming the address meant."""
    from pipeline.config import load_config, normalise_base_url
    from pipeline.errors import PublishError

    with pytest.raises(ValueError, match=wanted):
        normalise_base_url(typed)
    (tmp_path / "publish.toml").write_text(f'[site]\nbase_url = "{typed}"\n', encoding="utf-8")
    with pytest.raises(PublishError, match=r"publish.toml:2: \[site\] base_url: "):
        load_config(tmp_path)


@pytest.mark.parametrize("typed", ["https://example.org/v1.2/", "https://example.org/pods.archive"])
def test_a_folder_with_a_dot_in_its_name_is_still_a_base_url(typed: str) -> None:
    from pipeline.config import normalise_base_url

    assert normalise_base_url(typed) == typed.rstrip("/") + "/"


@pytest.mark.parametrize("site_language, title_language, channel, transcripts", [
    ("cmn", "yue", "zh-cn", "zh-hk"),
    ("zh-Hans", "cmn-Hant-TW", "zh-cn", "zh-tw"),
    ("yue-Hant", "zh-Hant-HK", "zh-hk", "zh-hk"),
], ids=["cmn-yue", "cmn-tw", "yue-hk"])
def test_the_feed_says_a_chinese_language_as_podcast_apps_read_it(tmp_path: Path, site_language: str,
                                                                   title_language: str, channel: str,
                                                                   transcripts: str) -> None:
    """`language: yue` (Cantonese, which the audio reads) and `cmn` were written as they are,
    `<language>yue</language>`, `podcast:transcript language="cmn"`: ISO 639-3 codes that RSS
    (ISO 639-1 with a region) and Apple do not know. Expected values typed by hand."""
    from pipeline.site.catalogue import title_of
    from pipeline.site.feed import podcast_feed
    from pipeline.site.show import resolve_show

    text = DOCK.replace("language: zh-Hans", f"language: {title_language}")
    title = title_of(built_title(tmp_path, document(text)))
    feed = parse_feed(podcast_feed(resolve_show(config(language=site_language), BASE_URL, [title]), [title]))
    assert feed.feed.language == channel
    assert {t.language for t in feed.entries[0].podcast_transcripts} == {transcripts}
