"""The distribution editions, eleventh sweep: the words our editions write themselves, in the
title's or the site's language, from one table (data/interface-words.toml); Japanese names
parted the Japanese way; what link previews, search engines and reading apps read (Open Graph,
sitemap.xml, the OPDS entries' language).

Three titles written here by hand (English, Japanese, Chinese; their slugs sort against their
dates) on an English site: one site step over them, the editions stood in by files made here,
the covers and fonts not drawn. Yardsticks: lxml, html5lib and feedparser on the written files,
and words typed here by hand; never the pipeline's own tables.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import feedparser
import html5lib
import lxml.html
import pytest
from lxml import etree

from tests.site.sitetools import built_title, config, document, write_mp3

KEEPERS = """---
id: urn:uuid:3c2d1e0f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
slug: zz-keepers
title: Lighthouse Keepers
subtitle: Three nights on the rock
language: en
authors: [Mara Quill, 周静]
editor: Sam Ortiz
outlet: Coastline Review
date: 2025-09-20
description: Three keepers on why a lighthouse still needs people.
rights: "© 2025 Coastline Review."
speakers:
  - id: ines
    name: Ines Barros
    role: keeper
  - id: tom
    name: Tom Reyes
    role: relief keeper
    pseudonym: true
---

The lamp turns every ten seconds.

## What do you do at night?

::: answer ines
I watch the weather and log the ships.
:::

::: answer tom
Mostly I keep the kettle warm.
:::
"""

POST_OFFICE = """---
id: yamazato-2025-001
slug: aa-post-office
title: 山の郵便局
language: ja
authors: [山田太郎, 佐藤花子]
outlet: 山里新聞
date: 2025-01-05
description: 山奥の郵便局で働く人の話。
rights: "© 2025 山里新聞"
speakers:
  - id: kato
    name: 加藤一郎
    role: 局長
---

この郵便局は百年前から村にある。

## 冬はどうですか？

::: answer kato
雪が深いので、配達は大変です。
:::
"""

FERRY = """---
id: urn:uuid:7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098
slug: mm-night-ferry
title: 夜航船
language: zh-Hans
authors: [陈舟]
outlet: 江城晚报
date: 2025-07-01
description: 江上夜航船的最后一班。
rights: "© 2025 江城晚报"
speakers:
  - id: laoli
    name: 李大江
    role: 船长
---

夜航船每晚十点开出码头。

## 最后一班船上都是谁？

::: answer laoli
多半是下夜班的工人。
:::
"""

BASE = "https://example.org/coast/"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # Han, hiragana, katakana
# newest first, as typed: the slugs sort the other way round
ORDER = [("zz-keepers", "en", "2025-09-20"), ("mm-night-ferry", "zh-Hans", "2025-07-01"),
         ("aa-post-office", "ja", "2025-01-05")]


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_cache) -> Path:
    """The site written once over the three titles, on an English site (the Chinese title with
    audio, sitetools' stand-in; the English and Japanese titles can have none)."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import publish_site

    root = tmp_path_factory.mktemp("dist11")
    built = [built_title(root, document(text), audio=text is FERRY) for text in (POST_OFFICE, FERRY, KEEPERS)]
    write_mp3(root / "mm-night-ferry.mp3", seconds=20, chapters=[(0.0, 8.0, "夜航船"), (8.0, 20.0, "最后一班船上都是谁？")])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
        publish_site(built, root, config(language="en", title="Coast Radio"), BASE, site_cache, STYLES_DIR,
                     log=lambda note: None)
    return root / "site"


def _page(path: Path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def _languages(tree) -> dict:
    """Each element's language, as a screen reader takes it (its own `lang`, or its parent's)."""
    found, stack = {}, [(tree, tree.get("lang") or "")]
    while stack:
        element, language = stack.pop()
        language = element.get("lang") or language
        found[element] = language
        stack.extend((child, language) for child in element)
    return found


def test_every_language_has_every_word_of_the_interface() -> None:
    """The words the editions write themselves were tables in five modules, each with its own
    languages (the EPUB's Chinese only). One table now: a language that has one has every word
    Chinese has, filling in no name Chinese does not, so no page is half in one language; and every
    Chinese word has its traditional form (a zh-Hant title gets it)."""
    from pipeline import furniture

    tables = tomllib.loads(furniture.INTERFACE_FILE.read_text(encoding="utf-8"))
    hant = tomllib.loads(furniture.TABLE_FILE.read_text(encoding="utf-8"))["hant"]
    assert {"zh", "en"} <= set(tables)
    fields = re.compile(r"\{(\w*)")  # (the names filled in; a format may differ: {d:%B} {d.day})
    for language, groups in tables.items():
        assert set(groups) == set(tables["zh"]), language
        for group, words in groups.items():
            assert set(words) == set(tables["zh"][group]), (language, group)
            for key, value in words.items():
                chinese = tables["zh"][group][key]
                assert set(fields.findall(str(value))) <= set(fields.findall(str(chinese))), (language, group, key)
    chinese_words = [part for group in tables["zh"].values() for value in group.values()
                     for part in (value if isinstance(value, list) else [value])]
    assert [w for w in chinese_words if HAN.search(w) and w not in hant] == []


def test_an_english_books_own_pages_speak_english() -> None:
    """An English title's EPUB was in English but for the pages the pipeline writes: its cover
    page was `<title>封面</title>`, its title page said 文／Mara Quill, its colophon 版权信息,
    出版, 字体 and a Chinese accessibility summary. Read from the pages as the EPUB writes them."""
    from pipeline.build import STYLES_DIR
    from pipeline.renderers.epub import EpubRenderer
    from pipeline.renderers.epubpages import Edition, pages

    doc = document(KEEPERS)
    written = {page.name: page for page in pages(doc, Edition(stylesheets=()),
                                                 (STYLES_DIR / "epub-page.xhtml").read_text(encoding="utf-8"))}
    titles = {name: etree.fromstring(page.xhtml.encode()).findtext(".//{http://www.w3.org/1999/xhtml}title")
              for name, page in written.items()}
    assert titles["cover.xhtml"] == "Cover" and titles["titlepage.xhtml"] == "Title page"
    assert titles["contributors.xhtml"] == "Contributors" and titles["colophon.xhtml"] == "Colophon"
    for name in ("cover.xhtml", "titlepage.xhtml", "contributors.xhtml", "colophon.xhtml"):
        shown = "".join(etree.fromstring(written[name].xhtml.encode()).itertext())
        assert HAN.sub("", shown.replace("周静", "")) == shown.replace("周静", ""), (name, shown)
    title_page = "".join(etree.fromstring(written["titlepage.xhtml"].xhtml.encode()).itertext())
    assert "By Mara Quill, 周静" in title_page and "Edited by Sam Ortiz" in title_page
    assert "September 20, 2025" in title_page
    contributors = "".join(etree.fromstring(written["contributors.xhtml"].xhtml.encode()).itertext())
    assert "Tom Reyes (pseudonym)" in contributors
    summary = EpubRenderer().accessibility(None, "en").summary
    assert not HAN.search(summary) and "ebook" in summary


def test_japanese_names_are_parted_the_japanese_way(site: Path) -> None:
    """A Japanese title's contributors were listed 加藤一郎，局長 and its authors 山田太郎、佐藤花子
    by the characters' width alone: ， is Chinese, never Japanese, which writes 、 there."""
    tree = _page(site / "aa-post-office" / "index.html")
    (person,) = [li for li in tree.iter("li") if li.get("id") == "p-kato"]
    assert "".join(person.itertext()).startswith("加藤一郎、局長")
    (byline,) = [p for p in tree.iter("p") if p.get("class") == "byline"]
    assert "山田太郎、佐藤花子" in "".join(byline.itertext())
    assert "，" not in "".join(tree.find("body").itertext())


def test_an_english_sites_frame_is_english_and_the_rest_is_marked(site: Path) -> None:
    """`[site] language = "en"`: the site's own words (跳到正文, 全部作品, 订阅, 下载 …) were
    Chinese, marked as such inside an English page. They are English now; what stays Chinese or
    Japanese on the page (a title, a date, an outlet in the copyright line, a cover's text
    alternative, a Japanese title's words the table has no Japanese for) is marked."""
    for path in (site / "index.html", *(site / slug / "index.html" for slug, _lang, _date in ORDER)):
        tree = _page(path)
        assert tree.get("lang") == "en", path
        languages = _languages(tree)
        parents = {child: parent for parent in tree.iter() for child in parent}
        for element, language in languages.items():
            if element.tag == "title":  # ('夜航船 · Coast Radio': one string, which no markup can part)
                continue
            said = [(element.text, language), (element.get("alt"), language), (element.get("aria-label"), language),
                    (element.tail, languages.get(parents.get(element), ""))]
            for text, its_language in said:  # (周静: a name the English source writes so)
                if text and HAN.search(text.replace("周静", "")):
                    assert its_language.split("-")[0] in ("zh", "ja"), (path.parent.name, element.tag, text)
    ferry = _page(site / "mm-night-ferry" / "index.html")
    languages = _languages(ferry)
    reads = [a for a in ferry.iter("a") if a.get("class") == "to-text"]
    assert reads and all((a.text, languages[a]) == ("Read", "en") for a in reads)  # (in the title's chapter list)
    catalogue = _page(site / "index.html")
    (skip,) = [a for a in catalogue.iter("a") if a.get("class") == "skip"]
    assert skip.text == "Skip to the text"
    (footer,) = list(catalogue.iter("footer"))
    assert "".join(footer.find("p").itertext()) == "© 2025 Coastline Review, 江城晚报, 山里新聞"
    assert [(s.text, s.get("lang")) for s in footer.find("p")] == [("江城晚报", "zh-Hans"), ("山里新聞", "ja")]


def test_opds_entries_say_their_language(site: Path) -> None:
    """The OPDS catalogue said no language: a reading app read a Japanese title's entry, and a
    Chinese one's, with the voice of the app's own language. The catalogue says the site's, each
    entry its title's, and a file's label (the catalogue's word) the site's. Newest first."""
    root = etree.parse(str(site / "opds.xml")).getroot()
    assert root.get(XML_LANG) == "en"
    entries = list(root.iter(f"{ATOM}entry"))
    assert [(e.findtext(f"{ATOM}title"), e.get(XML_LANG)) for e in entries] == [
        ("Lighthouse Keepers", "en"), ("夜航船", "zh-Hans"), ("山の郵便局", "ja")]
    for entry in entries:
        acquisitions = [link for link in entry.iter(f"{ATOM}link") if link.get("rel") == "http://opds-spec.org/acquisition"]
        assert acquisitions and all(link.get("title").isascii() for link in acquisitions)
        assert all((link.get(XML_LANG) or entry.get(XML_LANG)) == "en" for link in acquisitions)
    parsed = feedparser.parse((site / "opds.xml").read_bytes())
    assert parsed.bozo == 0
    assert [e.title_detail.language for e in parsed.entries] == ["en", "zh-Hans", "ja"]


def test_the_sitemap_lists_every_page_newest_first(site: Path) -> None:
    """A site with a base URL had no sitemap.xml: a search engine found a new title only by
    following links. It lists the catalogue page and each title's, with the day each changed
    (here, each title's date: a first build), in the catalogue's order, not the slugs'."""
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    rows = [(url.findtext("{*}loc"), url.findtext("{*}lastmod")) for url in root]
    assert rows == [(BASE + "index.html", "2025-09-20"),
                    *((f"{BASE}{slug}/index.html", day) for slug, _lang, day in ORDER)]
    for loc, _day in rows:
        assert (site / loc.removeprefix(BASE)).is_file()


def test_each_page_tells_link_previews_what_it_is(site: Path) -> None:
    """A title's page pasted into a chat app or a social site showed a bare link: no Open Graph
    tags. Each page gives its title, description, canonical address and a picture by absolute
    URL (a file the site holds, at the size it says)."""
    for path, kind in ((site / "index.html", "website"), *((site / slug / "index.html", "article")
                                                           for slug, _lang, _day in ORDER)):
        head = lxml.html.parse(str(path)).getroot().find("head")
        og = {m.get("property"): m.get("content") for m in head.iter("meta") if m.get("property")}
        named = {m.get("name"): m.get("content") for m in head.iter("meta") if m.get("name")}
        canonical = next(link.get("href") for link in head.iter("link") if link.get("rel") == "canonical")
        assert og["og:type"] == kind and og["og:url"] == canonical
        assert og["og:title"] == head.findtext("title") and og["og:description"] == named["description"]
        assert og["og:image"].startswith(BASE) and (site / og["og:image"].removeprefix(BASE)).is_file()
        assert int(og["og:image:width"]) > 0 and og["og:image:alt"]
    keepers = lxml.html.parse(str(site / "zz-keepers" / "index.html")).getroot()
    assert keepers.find('head/meta[@property="og:description"]').get("content") == \
        "Three keepers on why a lighthouse still needs people."
