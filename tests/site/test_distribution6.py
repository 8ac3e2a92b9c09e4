"""The distribution editions of a small catalogue written by hand for them: a title in traditional
characters (Hong Kong) with an untitled note and a pseudonymous speaker, a brief whose article
has a subheading, and a title whose title, subtitle and authors are Latin letters only.

Yardsticks: html5lib, lxml and feedparser on the written files, and expected words typed here
by hand (編者注, 受訪者 …); never the site's own tables.
"""

from __future__ import annotations

import html5lib
import pytest
from lxml import etree

from pipeline.build import STYLES_DIR
from pipeline.config import ProjectConfig, SiteConfig
from pipeline.site.catalogue import catalogue_order, title_of
from pipeline.site.opds import opds_feed
from pipeline.site.pages import catalogue_page, environment
from pipeline.site.publish import publish_site, site_dir_of
from pipeline.site.show import resolve_show
from tests.site.sitetools import BASE_URL, built_title, config, document, parse_feed

HEAD = """---
id: {id}
slug: {slug}
title: {title}
{extra}language: {language}
authors: {authors}
outlet: {outlet}
date: {date}
description: {description}
rights: "© {year} {outlet}。"
"""

TRADITIONAL = HEAD.format(
    id="urn:uuid:22222222-3333-4444-8555-666666666666", slug="dim-sum", title="點心師傅的最後一籠",
    extra="subtitle: 茶樓關門前的三個早晨\n", language="zh-Hant-HK", authors="[陳嘉欣]", outlet="港島週刊",
    date="2023-07-01", description="一間老茶樓結業前，點心師傅談他的四十年。", year=2023) + """speakers:
  - id: kwan
    name: 關師傅
    role: 點心師傅
    pseudonym: true
---

茶樓在清晨五點開門，蒸籠的水汽先於客人到來。

## 您做了多少年點心？

::: answer kwan
四十年了。蝦餃要摺十三摺。
:::

::: note
（文中關師傅為化名。）
:::
"""

BRIEF = HEAD.format(
    id="urn:uuid:33333333-4444-4555-8666-777777777777", slug="brief-2024", title="简讯：夜读", extra="",
    language="zh-Hans", authors="[林小满]", outlet="城东周报", date="2024-03-01", description="一则只有正文的简讯。",
    year=2024) + """---

第一句在这里。第二句也在这里！

### 阅览室的新规矩

1. 第一条要点。
2. 第二条要点。

### 志愿者

> 引用的一段话。

最后一段。
"""

LATIN = HEAD.format(
    id="https://example.org/ids/night-owls", slug="night-owls", title='"Night Owls: A Library After Dark"',
    extra='subtitle: "Four regulars on reading by lamplight"\n', language="zh-Hans",
    authors="[Jane O'Neil, \"Zoë Brontë\"]", outlet="The East City Weekly", date="0999-12-31",
    description='"A year of the night reading room."', year=1999) + """speakers:
  - id: zhou
    name: 老周
---

城东图书馆的夜间阅览室开放了一年。Night owls read here.

## 你为什么来？

::: answer zhou
晚上这里安静。
:::
"""


class Titles(list):
    """The catalogue's titles, with what the site step said about them."""

    def __init__(self, titles) -> None:
        super().__init__(titles)
        self.notes: list[str] = []


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory, site_cache):
    out = tmp_path_factory.mktemp("dist6") / "output"
    titles = Titles(built_title(out, document(text)) for text in (TRADITIONAL, BRIEF, LATIN))
    publish_site(titles, out, config(), BASE_URL, site_cache, STYLES_DIR, log=titles.notes.append)
    return site_dir_of(out), titles


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def page(site, slug: str):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse((site / slug / "index.html").read_bytes(), transport_encoding="utf-8")
    assert parser.errors == []
    return tree


def text_of(element) -> str:
    return "".join(element.itertext())


def test_the_words_set_inside_a_traditional_titles_text_are_traditional(catalogue) -> None:
    """The note's heading, the contributors' heading, 化名 and the answer links' labels sit inside
    the title's `lang="zh-Hant-HK"` text: in simplified characters (编者注, 受访者, 第1个回答)
    they were wrong there, where the title's EPUB prints 編者注 and 受訪者."""
    site, _titles = catalogue
    text = page(site, "dim-sum").find(".//div[@class='text']")
    assert text.get("lang") == "zh-Hant-HK"
    headings = [text_of(h) for h in text.iter("h2")]
    assert "編者注" in headings and "受訪者" in headings, headings
    labels = [a.get("aria-label") for a in text.iter("a") if a.get("aria-label")]
    assert labels == ["關師傅的第1個回答"]
    shown = text_of(text)
    for simplified in ("编者注", "受访者", "个回答"):
        assert simplified not in shown and all(simplified not in label for label in labels)


def test_a_simplified_titles_text_keeps_simplified_words(catalogue) -> None:
    site, _titles = catalogue
    text = page(site, "night-owls").find(".//div[@class='text']")
    assert [text_of(h) for h in text.iter("h2")][-1] == "受访者"


def test_a_traditional_site_speaks_traditional(catalogue) -> None:
    """`[site] language = "zh-Hant"`: the catalogue page's own words, the files' labels, the
    feeds' description and the OPDS acquisition links' titles follow it."""
    _site, titles = catalogue
    project = ProjectConfig(site=SiteConfig(language="zh-Hant"), podcast=config().podcast)
    listed = catalogue_order([title_of(t) for t in titles])
    show = resolve_show(project, BASE_URL, listed)
    assert "電子書與有聲版" in show.description and "电子书" not in show.description
    html = catalogue_page(environment(STYLES_DIR), show, listed)
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    shown = text_of(tree.find(".//body"))
    for words in ("播客訂閱（RSS）", "電子書目錄（OPDS）", "EPUB 電子書", "MP3 音頻", "分鐘", "訂閱"):
        assert words in shown, words
    for words in ("播客订阅", "电子书", "音频", "分钟", "订阅"):
        assert words not in shown, words
    atom = "{http://www.w3.org/2005/Atom}"
    titles_of_links = {link.get("title") for link in etree.fromstring(opds_feed(show, listed)).iter(f"{atom}link")
                       if link.get("rel") == "http://opds-spec.org/acquisition"}
    assert titles_of_links == {"EPUB 電子書", "拼音版 EPUB", "印刷版 PDF", "拼音版 PDF"}


def test_the_articles_subheadings_are_headings_of_the_page(catalogue) -> None:
    """`### …` divides a feature's article: the EPUB makes each a heading, and the page set them
    as bold paragraphs, which a screen reader's list of headings skips."""
    site, _titles = catalogue
    tree = page(site, "brief-2024")
    article = tree.find(".//section[@class='article']")
    outline = [(h.tag, text_of(h)) for h in article.iter() if h.tag in HEADINGS]
    assert outline == [("h2", "正文"), ("h3", "阅览室的新规矩"), ("h3", "志愿者")]
    assert all("subhead" not in (p.get("class") or "") for p in article.iter("p"))
    levels = [int(h.tag[1]) for h in tree.iter() if h.tag in HEADINGS]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_a_rebuild_writes_the_same_feeds_and_pages_byte_for_byte(catalogue, site_cache) -> None:
    """Same titles, same bytes: a forced rebuild (a new machine, a cleared manifest) changes no
    guid, date or file, so podcast apps see no new episode and uploads stay incremental."""
    site, titles = catalogue
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    publish_site(list(reversed(titles)), site.parent, config(), BASE_URL, site_cache, STYLES_DIR, force=True,
                 log=lambda m: None)
    after = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert after.keys() == before.keys()
    assert [p.name for p in before if before[p] != after[p]] == []
    feed = parse_feed(before[site / "feed.xml"])
    assert [e.id for e in feed.entries] == ["urn:uuid:33333333-4444-4555-8666-777777777777",
                                            "urn:uuid:22222222-3333-4444-8555-666666666666",
                                            "https://example.org/ids/night-owls"]  # newest first, by hand


def test_every_word_of_the_site_has_its_traditional_form() -> None:
    """A word added to the site's tables without its line in data/furniture-hant.toml would be
    shown in simplified characters on a traditional page."""
    from pipeline import furniture
    from pipeline.site import catalogue, pages, show

    table = furniture._table()
    words = [*pages.WORDS.values(), *(kind.label for kind in catalogue.FILES), show.DESCRIPTION]
    assert [w for w in words if w not in table] == []


def test_a_latin_titles_pieces_are_joined_with_latin_punctuation(catalogue) -> None:
    """'Night Owls: A Library After Dark：Four regulars …' (a full-width colon glued between two
    English phrases) and 'Jane O'Neil、Zoë Brontë' in every podcast app; a Chinese title keeps
    its own marks (灯下夜读：…, checked by test_site_odd_titles)."""
    import json

    site, _titles = catalogue
    wanted = "Night Owls: A Library After Dark: Four regulars on reading by lamplight"
    authors = "Jane O'Neil, Zoë Brontë"
    feed = parse_feed((site / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.id == "https://example.org/ids/night-owls")
    assert entry.title == wanted and entry.author == authors
    chapters = json.loads((site / "night-owls" / "chapters.json").read_text(encoding="utf-8"))
    assert chapters["title"] == wanted and chapters["author"] == authors
    tree = page(site, "night-owls")
    assert text_of(tree.find(".//title")).startswith(wanted + " · ")
    assert text_of(tree.find(".//p[@class='byline']")).endswith(authors)
    traditional = next(e for e in feed.entries if e.id.endswith("666666666666"))
    assert traditional.title == "點心師傅的最後一籠：茶樓關門前的三個早晨"


def test_an_emoji_the_fonts_lack_is_left_off_the_cover_not_drawn_as_a_box() -> None:
    """The cover (EPUB cover, OPDS image, episode art) drew '🎧' as an empty box; the same title
    without the emoji is the yardstick, pixel for pixel. A rare ideograph of a name stays (the
    PDFs show it boxed too): leaving it out would change the name."""
    import datetime as dt

    from pipeline.cache import Cache
    from pipeline.cover import cover_png
    from pipeline.model import Metadata

    def cover(title: str, authors: tuple[str, ...] = ("林小满",)) -> bytes:
        meta = Metadata(id="urn:x:1", slug="x", title=title, subtitle="四位常客", authors=authors, outlet="城东周报",
                        date=dt.date(2025, 1, 2), description="测试。", rights="© 2025")
        return cover_png(meta, Cache(None), (320, 512))

    assert cover("灯下夜读 🎧") == cover("灯下夜读")
    assert cover("灯下夜读", ("林小满 👨\u200d👩\u200d👧",)) == cover("灯下夜读")
    assert cover("𠮷野家的夜") != cover("野家的夜")


def test_the_covers_text_alternative_joins_a_latin_title_the_latin_way(catalogue) -> None:
    site, _titles = catalogue
    alt = page(site, "night-owls").find(".//img[@class='cover']").get("alt")
    assert "Night Owls: A Library After Dark: Four regulars on reading by lamplight" in alt
    assert "Jane O'Neil, Zoë Brontë" in alt


@pytest.mark.parametrize("toml, message", [
    ('[podcast]\nowner_email = "podcasts at example.org"\n', r"publish.toml:2: \[podcast\] owner_email: .*not an e-mail"),
    ('[podcast]\nowner_email = "podcasts@"\n', r"owner_email: .*not an e-mail"),
    ('[podcast]\nguid = "my show"\n', r"publish.toml:2: \[podcast\] guid: .*not a UUID"),
], ids=["email-words", "email-cut", "guid-text"])
def test_a_setting_the_directories_cannot_read_is_refused_naming_its_line(tmp_path, toml: str, message: str) -> None:
    """Written into the feed as they stood, Apple's ownership mail never arrived and apps keyed
    the show on a guid that is no UUID; now a usage error before anything is built."""
    from pipeline.config import load_config
    from pipeline.errors import PublishError

    (tmp_path / "publish.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(PublishError, match=message):
        load_config(tmp_path)


def test_a_text_setting_left_blank_means_its_default(tmp_path, catalogue) -> None:
    """`description = "  "` wrote an empty channel <description>, which Apple refuses."""
    from pipeline.config import load_config

    (tmp_path / "publish.toml").write_text('[site]\ndescription = "  "\n[podcast]\nauthor = ""\n'
                                           'owner_email = "podcasts@example.org"\n', encoding="utf-8")
    _site, titles = catalogue
    show = resolve_show(load_config(tmp_path), BASE_URL, catalogue_order([title_of(t) for t in titles]))
    assert show.description.strip() and show.author.strip() and show.owner_email == "podcasts@example.org"



def test_a_date_before_1900_is_published_with_a_warning(catalogue) -> None:
    """'date: 0999-12-31' (a year typed short) passed every check, and the feed said
    'Tue, 31 Dec 999': the editor hears of it now; the title is still an episode."""
    site, titles = catalogue
    notes = titles.notes
    assert [n for n in notes if "0999-12-31" in n and "before 1900" in n and "date:" in n], notes
    assert len([n for n in notes if "before 1900" in n]) == 1
    feed = parse_feed((site / "feed.xml").read_bytes())
    assert "https://example.org/ids/night-owls" in [e.id for e in feed.entries]
