"""A catalogue of awkward titles, read by the tools apps and browsers use: a title and subtitle
full of `&`, `<`, `"` and emoji (in Traditional Chinese, its captions full of WebVTT character
references and cue tags), a very long title, a Q&A-only title, two titles with one
title text under two slugs, all served from a base URL with a Chinese folder name and a space.

The yardsticks are feedparser, lxml and html5lib on the written files, hand-written expected
strings (the percent-encoded base URL, the captions as a listener hears them) and the files on
disk; never the site's own functions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import html5lib
import pytest
from lxml import etree

from pipeline.build import STYLES_DIR
from pipeline.config import ProjectConfig, PodcastConfig
from pipeline.errors import PublishError
from pipeline.paths import UsageError
from pipeline.site.command import plan_site
from pipeline.site.publish import publish_site, site_dir_of
from tests.conftest import TEST_TITLE
from tests.site.sitetools import built_title, config, document, parse_feed, variant_text, write_vtt

RAW_BASE = "https://example.org/播客 站"  # as an editor types it
BASE = "https://example.org/%E6%92%AD%E5%AE%A2%20%E7%AB%99/"  # as apps need it (RFC 3986), by hand

ODD_TITLE = 'A&B <i>夜讀</i> "引號" 🎧📚'
ODD_SUBTITLE = '子標題 & <b>粗</b> "x" 😀 </script>'
LONG_TITLE = "一个很长很长的标题" * 30
# Captions as WebVTT must write them (character references, cue tags) and as they are heard.
ODD_CUES = [(0.5, 3.0, "A&amp;B", "A&amp;B &lt;i&gt;夜讀&lt;/i&gt;"),
            (3.0, 6.0, "旁白", "<i>斜體</i>與&quot;引號&quot; &gt; 🎧")]
HEARD = [("A&B", "A&B <i>夜讀</i>"), ("旁白", '斜體與"引號" > 🎧')]

IDS = {"odd": "1f0e2d3c-4b5a-4968-8776-655443322110", "long": "2f0e2d3c-4b5a-4968-8776-655443322110",
       "qa": "3f0e2d3c-4b5a-4968-8776-655443322110", "twin": "4f0e2d3c-4b5a-4968-8776-655443322110"}


def front(text: str, **values: str) -> str:
    for name, value in values.items():
        text = re.sub(rf"(?m)^{name}: .*$", lambda _m: f"{name}: {value}", text)
    return text


def yaml_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def qa_only(text: str) -> str:
    """The title without its article: the body starts at the first question."""
    head, _sep, body = text.partition("\n---\n")
    return head + "\n---\n\n" + body[body.index("## "):]


def odd_titles(out: Path) -> list:
    odd = document(front(variant_text("odd-chars", ODD_TITLE, "2025-03-09", IDS["odd"]),
                         title=yaml_quoted(ODD_TITLE), subtitle=yaml_quoted(ODD_SUBTITLE), language="zh-Hant",
                         description=yaml_quoted("簡介 & <tag> \"q\" 🎧")))
    odd_built = built_title(out, odd)
    write_vtt(next(p for p in odd_built.outputs["audio"] if p.suffix == ".vtt"), ODD_CUES)
    return [
        odd_built,
        built_title(out, document(variant_text("long-title", LONG_TITLE, "2025-03-07", IDS["long"]))),
        built_title(out, document(qa_only(variant_text("qa-only", "只有问答", "2025-03-06", IDS["qa"])))),
        built_title(out, document()),  # night-library, 灯下夜读
        built_title(out, document(variant_text("night-library-twin", "灯下夜读", "2025-03-05", IDS["twin"]))),
    ]


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory, site_cache):
    out = tmp_path_factory.mktemp("odd") / "output"
    titles = odd_titles(out)
    publish_site(titles, out, config(), RAW_BASE, site_cache, STYLES_DIR, log=lambda m: None)
    return site_dir_of(out), titles


def local(site: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    return site / unquote(url[len(BASE):])


def test_every_feed_url_is_absolute_percent_encoded_and_names_a_file(odd_site) -> None:
    site, titles = odd_site
    urls = []
    for name in ("feed.xml", "opds.xml"):
        for element in etree.parse(str(site / name)).iter():
            urls += [element.get(a) for a in ("url", "href") if element.get(a)]
            if isinstance(element.tag, str) and element.tag.endswith("}link") and element.text:
                urls.append(element.text.strip())  # RSS's <link>
    assert len(urls) > 10 * len(titles)
    for url in urls:
        assert url.isascii() and " " not in url, url
        assert local(site, url).is_file(), url


def test_odd_text_reaches_feeds_and_pages_escaped_exactly_once(odd_site) -> None:
    site, titles = odd_site
    feed = parse_feed((site / "feed.xml").read_bytes())
    by_guid = {entry.id: entry for entry in feed.entries}
    odd = by_guid[f"urn:uuid:{IDS['odd']}"]
    # as the editions print them (the typography pass curls quotes beside Chinese): the markup stays
    meta = titles[0].doc.meta
    title, subtitle = meta.title, meta.subtitle
    assert "&" in title and "<i>" in title and "🎧" in title and "</script>" in subtitle
    assert odd.title == f"{title}：{subtitle}"
    atom = "{http://www.w3.org/2005/Atom}"
    opds = {e.findtext(f"{atom}id"): e for e in etree.parse(str(site / "opds.xml")).iter(f"{atom}entry")}
    assert opds[f"urn:uuid:{IDS['odd']}"].findtext(f"{atom}title") == title
    assert opds[f"urn:uuid:{IDS['long']}"].findtext(f"{atom}title") == LONG_TITLE
    page = html5lib.parse((site / "odd-chars" / "index.html").read_bytes(), namespaceHTMLElements=False)
    assert "".join(page.find(".//title").itertext()).startswith(f"{title}：{subtitle}")
    assert "".join(page.find(".//h1").itertext()) == title
    assert page.find(".//h1//i") is None and page.find(".//script[@src]") is not None
    cues = page.findall(".//li[@data-cue]")
    heard = [("".join(c.find(".//span[@class='who']").itertext()), "".join(c.find(".//span[@class='said']").itertext()))
             for c in cues]
    assert heard == HEARD


def test_transcripts_are_in_the_titles_language(odd_site) -> None:
    site, _titles = odd_site
    feed = parse_feed((site / "feed.xml").read_bytes())
    languages = {entry.id: {t.language for t in entry.podcast_transcripts} for entry in feed.entries}
    assert feed.feed.language == "zh-cn"  # the site's own (zh-Hans)
    assert languages[f"urn:uuid:{IDS['odd']}"] == {"zh-tw"}  # a zh-Hant title
    assert languages[f"urn:uuid:{IDS['long']}"] == {"zh-cn"}


def test_every_page_parses_cleanly_and_every_link_resolves(odd_site) -> None:
    site, titles = odd_site
    pages = sorted(site.rglob("index.html"))
    assert len(pages) == len(titles) + 1
    for path in pages:
        parser = html5lib.HTMLParser(namespaceHTMLElements=False)
        page = parser.parse(path.read_bytes(), transport_encoding="utf-8")
        assert parser.errors == [], (path, parser.errors[:3])
        assert page.get("lang") == "zh-Hans"
        ids = {e.get("id") for e in page.iter() if e.get("id")}
        for element in page.iter():
            for attr in ("href", "src"):
                link = element.get(attr)
                if not link or link.startswith(("https://", "http://")):
                    continue
                if link.startswith("#"):
                    assert link[1:] in ids, (path, link)
                    continue
                target = urlsplit(urljoin(path.as_uri(), link))
                assert Path(unquote(target.path)).is_file(), (path, link)


def test_two_titles_with_one_title_text_are_two_entries(odd_site) -> None:
    site, _titles = odd_site
    feed = parse_feed((site / "feed.xml").read_bytes())
    twins = [e for e in feed.entries if e.title.startswith("灯下夜读：")]
    assert len(twins) == 2 and len({e.id for e in twins}) == 2 and len({e.link for e in twins}) == 2
    assert all(local(site, e.link).is_file() for e in twins)


def item_by_guid(feed: bytes) -> dict[str, bytes]:
    items = etree.fromstring(feed).iter("item")
    return {item.findtext("guid"): etree.tostring(item, with_tail=False) for item in items}


@pytest.fixture
def unsubset(monkeypatch) -> None:
    """The pages' font subsets stood in for a test that reads only the feeds: subsetting the two
    faces for every page of every run was most of such a test's time."""
    monkeypatch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})


def test_a_changed_or_removed_title_leaves_every_other_entry_as_it_was(tmp_path: Path, site_cache, unsubset) -> None:
    out = tmp_path / "output"
    titles = odd_titles(out)
    site = site_dir_of(out)

    def publish(chosen) -> tuple[dict, dict]:
        publish_site(chosen, out, config(), RAW_BASE, site_cache, STYLES_DIR, log=lambda m: None)
        atom = "{http://www.w3.org/2005/Atom}"
        entries = etree.parse(str(site / "opds.xml")).iter(f"{atom}entry")
        opds = {e.findtext(f"{atom}id"): etree.tostring(e, with_tail=False) for e in entries}
        return item_by_guid((site / "feed.xml").read_bytes()), opds

    feed_before, opds_before = publish(titles)
    long = titles[1]
    meta = long.doc.meta.model_copy(update={"description": "改过的简介。"})
    edited = long.doc.model_copy(update={"meta": meta})
    changed = [*titles[:1], long.__class__(long.source, edited, long.outputs), *titles[2:]]
    feed_after, opds_after = publish(changed)
    changed_id = long.doc.meta.id
    assert feed_after.keys() == feed_before.keys() and opds_after.keys() == opds_before.keys()
    assert {g for g in feed_before if feed_before[g] != feed_after[g]} == {changed_id}
    assert {g for g in opds_before if opds_before[g] != opds_after[g]} == {changed_id}
    # the oldest title leaves: the others' entries stay byte for byte, its folder goes
    twin = titles[4]
    feed_left, opds_left = publish([t for t in changed if t is not twin])
    assert feed_left == {g: v for g, v in feed_after.items() if g != twin.doc.meta.id}
    assert opds_left == {g: v for g, v in opds_after.items() if g != twin.doc.meta.id}
    assert not (site / twin.doc.meta.slug).exists()
    assert twin.doc.meta.slug not in (site / "index.html").read_text(encoding="utf-8")


def test_a_serial_show_numbers_its_episodes_by_date(tmp_path: Path, site_cache) -> None:
    out = tmp_path / "output"
    titles = odd_titles(out)
    serial = ProjectConfig(site=config().site, podcast=PodcastConfig(owner_email="p@example.org", type="serial"))
    publish_site(titles, out, serial, RAW_BASE, site_cache, STYLES_DIR, log=lambda m: None)
    feed = parse_feed((site_dir_of(out) / "feed.xml").read_bytes())
    numbers = {entry.id: int(entry.itunes_episode) for entry in feed.entries}
    # by hand, oldest first: twin 03-05, qa-only 03-06, long 03-07, night-library 03-08, odd 03-09
    assert numbers == {f"urn:uuid:{IDS['twin']}": 1, f"urn:uuid:{IDS['qa']}": 2, f"urn:uuid:{IDS['long']}": 3,
                       "urn:uuid:ec0616bb-ebd1-48ce-84d1-d5eca8cd722b": 4, f"urn:uuid:{IDS['odd']}": 5}


def test_two_titles_with_one_id_are_refused(tmp_path: Path, site_cache) -> None:
    """A source copied to start another keeps its id: two episodes with one guid are one to an app."""
    out = tmp_path / "output"
    copy = built_title(out, document(front(TEST_TITLE.read_text(encoding="utf-8"), slug="copied")))
    with pytest.raises(PublishError, match="same id"):
        publish_site([built_title(out, document()), copy], out, config(), BASE, site_cache, STYLES_DIR,
                     log=lambda m: None)
    assert not (site_dir_of(out) / "feed.xml").exists()


def test_the_command_line_refuses_one_id_twice_before_building_naming_both_lines(tmp_path: Path) -> None:
    from pipeline.api import TitleSource

    text = TEST_TITLE.read_text(encoding="utf-8")
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("id: "))) + 1
    titles = [TitleSource.from_text("a/first.md", text),
              TitleSource.from_text("b/second.md", front(text, slug="second"))]
    with pytest.raises(UsageError) as caught:
        plan_site(BASE, str(tmp_path / "out"), required=True, project_dir=tmp_path, warn=lambda m: None,
                  titles=titles)
    message = str(caught.value)
    assert f"a/first.md:{line}" in message and f"b/second.md:{line}" in message and "nothing was built" in message
    assert plan_site(BASE, str(tmp_path / "out"), required=True, project_dir=tmp_path, warn=lambda m: None,
                     titles=titles[:1]) is not None


def test_a_title_dated_after_today_is_published_with_a_warning(tmp_path: Path, site_cache, unsubset) -> None:
    out = tmp_path / "output"
    title = built_title(out, document())  # dated 2025-03-08
    notes: list[str] = []
    publish_site([title], out, config(), BASE, site_cache, STYLES_DIR, log=notes.append, today=dt.date(2025, 3, 7))
    assert [n for n in notes if "after today" in n and "2025-03-08" in n and "night-library.md" in n]
    assert parse_feed((site_dir_of(out) / "feed.xml").read_bytes()).entries  # still an episode
    notes.clear()
    publish_site([title], out, config(), BASE, site_cache, STYLES_DIR, log=notes.append, today=dt.date(2025, 3, 8))
    assert not [n for n in notes if "after today" in n]


def test_an_id_that_is_not_an_iri_still_gives_valid_stable_atom_ids(tmp_path: Path, site_cache, unsubset) -> None:
    """Atom (RFC 4287 §4.2.6) wants an absolute IRI as an entry's id; a source's id may be any text."""
    atom = "{http://www.w3.org/2005/Atom}"

    def ids(folder: str, base: str) -> tuple[list[str], list[str], list[str]]:
        out = tmp_path / folder
        titles = [built_title(out, document(front(TEST_TITLE.read_text(encoding="utf-8"), id="城东周报 2025-001"))),
                  built_title(out, document(front(variant_text("b", "乙", "2025-01-01", IDS["twin"]),
                                                  id="城东周报 2025-002")))]
        publish_site(titles, out, config(), base, site_cache, STYLES_DIR, log=lambda m: None)
        site = site_dir_of(out)
        opds = [e.findtext(f"{atom}id") for e in etree.parse(str(site / "opds.xml")).iter(f"{atom}entry")]
        opds2 = [p["metadata"]["identifier"] for p in json.loads((site / "opds.json").read_text())["publications"]]
        guids = [e.id for e in parse_feed((site / "feed.xml").read_bytes()).entries]
        return opds, opds2, guids

    opds, opds2, guids = ids("one", BASE)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+", i) for i in opds), opds
    assert len(set(opds)) == 2 and opds2 == opds
    assert guids == ["城东周报 2025-001", "城东周报 2025-002"]  # RSS guids are any text: the id as written
    assert ids("two", "https://cdn.example.net/p/") == (opds, opds2, guids)  # stable: made from the id alone


def test_every_link_to_the_opds_catalogue_names_its_full_media_type(odd_site) -> None:
    """OPDS 1.2 §2.2: links to an acquisition feed MUST use this type (written out by hand here)."""
    site, _titles = odd_site
    wanted = "application/atom+xml;profile=opds-catalog;kind=acquisition"
    links = []
    for path in sorted(site.rglob("index.html")):
        page = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        links += [(path, e.get("type")) for e in page.iter() if (e.get("href") or "").endswith("opds.xml")]
    atom = "{http://www.w3.org/2005/Atom}"
    links += [("opds.xml", e.get("type")) for e in etree.parse(str(site / "opds.xml")).iter(f"{atom}link")
              if e.get("href", "").endswith("opds.xml")]
    assert len(links) > 10 and all(kind == wanted for _path, kind in links), links


def test_a_slug_naming_the_sites_own_folder_is_refused(tmp_path: Path, site_cache) -> None:
    """`assets/` holds the site's styles, script and fonts: a title there would overwrite them."""
    from pipeline.api import TitleSource

    text = TEST_TITLE.read_text(encoding="utf-8")
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("slug: "))) + 1
    by_slug = TitleSource.from_text("a/first.md", front(text, slug="assets"))
    by_name = TitleSource.from_text("b/assets.md", re.sub(r"(?m)^slug: .*\n", "", text))
    for title, where in ((by_slug, f"a/first.md:{line}"), (by_name, "b/assets.md")):
        with pytest.raises(UsageError, match="the site's own folder") as caught:
            plan_site(BASE, str(tmp_path / "out"), required=True, project_dir=tmp_path, warn=lambda m: None,
                      titles=[title])
        assert str(caught.value).startswith(where) and "nothing was built" in str(caught.value)
    out = tmp_path / "output"
    with pytest.raises(PublishError, match="the site's own folder"):
        publish_site([built_title(out, document(front(text, slug="assets")))], out, config(), BASE, site_cache,
                     STYLES_DIR, log=lambda m: None)
    assert not (site_dir_of(out) / "assets").exists()


def test_a_qa_only_title_has_no_empty_region_and_its_chapters_lead_to_text(odd_site) -> None:
    site, titles = odd_site
    qa = next(t for t in titles if t.doc.meta.slug == "qa-only")
    assert not [s for s in qa.doc.sections if s.kind == "article" and s.paragraphs]  # the fixture is what it says
    for path in sorted(site.rglob("index.html")):
        page = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        for region in (e for e in page.iter() if e.tag in ("section", "aside", "article")):
            label = region.get("aria-labelledby")
            heading = page.find(f".//*[@id='{label}']") if label else None
            shown = "".join(region.itertext()) if heading is None else \
                "".join(region.itertext()).replace("".join(heading.itertext()), "", 1)
            assert shown.strip(), (path, region.get("class"), region.get("id"))
    for name in ("qa-only", "odd-chars"):  # every chapter's text link, on the page and in chapters.json
        page = html5lib.parse((site / name / "index.html").read_bytes(), namespaceHTMLElements=False)
        ids = {e.get("id") for e in page.iter() if e.get("id")}
        chapters = json.loads((site / name / "chapters.json").read_text(encoding="utf-8"))["chapters"]
        fragments = [urlsplit(c["url"]).fragment for c in chapters]
        fragments += [a.get("href")[1:] for a in page.iter("a") if a.get("class") == "to-text"]
        assert len(fragments) == 12 and all(f in ids for f in fragments), (name, fragments)
    qa_page = html5lib.parse((site / "qa-only" / "index.html").read_bytes(), namespaceHTMLElements=False)
    first = json.loads((site / "qa-only" / "chapters.json").read_text(encoding="utf-8"))["chapters"][0]
    assert "".join(qa_page.find(f".//*[@id='{urlsplit(first['url']).fragment}']").itertext()) == "只有问答"


# HTML's valid date string and valid duration string (the forms the pages use), by hand.
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?(\d+(?:\.\d{1,3})?)S")


def test_every_time_element_says_what_it_means_in_a_machine_form(odd_site) -> None:
    """'24:30' into the audio is no time of day: each <time> carries a date or a duration."""
    site, _titles = odd_site
    durations = 0
    for path in sorted(site.rglob("index.html")):
        page = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        parents = {child: parent for parent in page.iter() for child in parent}
        for element in page.iter("time"):
            value = element.get("datetime") or ""
            if DATE.fullmatch(value):
                continue
            match = DURATION.fullmatch(value)
            assert match, (path, value, "".join(element.itertext()))
            hours, minutes, seconds = match.groups()
            seconds = int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds)
            assert seconds == pytest.approx(float(parents[element].get("data-seek")), abs=0.001)
            durations += 1
    assert durations > 20
