"""The distribution editions of a small catalogue written by hand for them, through the real
`publish site` command (in this process; the editions' build is stood in by files made here,
reported as the build driver reports them): a Chinese Q&A with audio whose text marks English
runs (`{lang=en}`, an English chapter title), and a British English title (`en-GB`) whose audio
and script can never be built (W409). The command runs three times: once, again with nothing
changed, and after an edit of the Chinese title.

Yardsticks: the exit code, html5lib, lxml, json and feedparser on the written files, and values
typed here by hand; never the site's own tables.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from lxml import etree
from typer.testing import CliRunner

from pipeline.api import CatalogueResult, EditionResult, TitleResult
from tests.site.sitetools import BASE_URL, built_title, document, parse_feed, write_mp3, write_vtt

TEA = """---
id: urn:uuid:5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
slug: tea-stall
title: 街角茶摊
subtitle: 一位老人和他的四十把壶
language: zh-Hans
authors: [钱小雨]
outlet: 南巷周刊
date: 2024-09-15
description: 街角的茶摊开了三十年，老板和常客谈他们的下午。
rights: "© 2024 南巷周刊。"
speakers:
  - id: qian
    name: 钱伯
    role: 茶摊老板
  - id: lucy
    name: 露西
    role: 交换学生
---

茶摊只有四张凳子，[Tea first, talk later]{lang=en}是老板的规矩。

## 为什么开在这里？

::: answer qian
这条巷子风大，茶凉得慢。
:::

::: answer lucy
我第一次来只会说[Thank you very much]{lang=en}。
:::

## Why tea? {lang=en}

::: answer lucy
因为老板不收外国人的钱。
:::
"""

ROWERS = """---
id: urn:uuid:9c8b7a6d-5e4f-4321-8abc-def012345678
slug: river-rowers
title: Rowers at Dawn
subtitle: Three crews on a cold river
language: en-GB
authors: [Tom Hale, Priya Nair]
outlet: Riverside Post
date: 2024-03-02
description: Three crews explain why they row before sunrise.
rights: "© 2024 Riverside Post."
speakers:
  - id: jo
    name: Jo Marsh
    role: cox
---

The river is still dark at six.

## Why so early?

::: answer jo
The water is flat and the bridges are empty.
:::
"""

# The tea title's audio, by hand: one chapter per section, and the captions as read.
CHAPTERS = [(0.0, 6.0, "街角茶摊"), (6.0, 12.0, "为什么开在这里？"), (12.0, 18.0, "Why tea?")]
CUES = [(0.5, 5.5, "旁白", "茶摊只有四张凳子，Tea first, talk later是老板的规矩。"),
        (6.5, 8.0, "主持人", "为什么开在这里？"), (8.2, 10.0, "钱伯", "这条巷子风大，茶凉得慢。"),
        (10.0, 11.8, "露西", "我第一次来只会说Thank you very much。"), (12.2, 13.5, "主持人", "Why tea?"),
        (13.6, 17.5, "露西", "因为老板不收外国人的钱。")]
WHY_NOT = "no voice reads the title's language 'en-GB'"
EDITED = "2026-01-01T00:00:00Z"  # SOURCE_DATE_EPOCH=1767225600 of the third run
ATOM = "{http://www.w3.org/2005/Atom}"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


_BUILT: dict = {}  # slug → its stand-in files


def _report(titles, out: Path) -> CatalogueResult:
    """What the build driver reports after building both titles into `out`: every edition of
    the tea title, and the rowers' EPUBs and PDFs (their audio and script failed: W409)."""
    results = []
    for title in titles:
        text = Path(title.name).read_text(encoding="utf-8")
        english = "language: en-GB" in text
        doc = document(text)
        built = _BUILT.get(doc.meta.slug)  # files once a slug: a build finds them up to date
        if built is None:
            built = _BUILT[doc.meta.slug] = built_title(out, doc, audio=False)
            if not english:
                slug = doc.meta.slug
                write_mp3(out / f"{slug}.mp3", 18, CHAPTERS)
                write_vtt(out / f"{slug}.vtt", CUES)
                (out / f"{slug}.m4b").write_bytes(b"m4b stand-in")
                built.outputs["audio"] = (out / f"{slug}.mp3", out / f"{slug}.m4b", out / f"{slug}.vtt")
        editions = [EditionResult(edition, "built", tuple(map(str, paths)), 0.0)
                    for edition, paths in built.outputs.items() if not (english and edition == "script")]
        if english:
            editions += [EditionResult("audio", "failed", (), 0.0, WHY_NOT),
                         EditionResult("script", "failed", (), 0.0, WHY_NOT)]
        results.append(TitleResult(name=title.name, slug=built.doc.meta.slug, editions=tuple(editions)))
    return CatalogueResult(results=tuple(results), seconds=0.0, runner="by hand")


def _publish(project: Path, env: dict[str, str | None], *sources: str):
    from pipeline.cli import app

    before = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(app, ["site", *sources, "--base-url", BASE_URL], env=env, prog_name="publish")
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, site_cache):
    """`publish site` five times: (exit code, stdout, stderr, the feeds' bytes, the site's
    folders) of each: the first; again with nothing changed; after an edit of the tea title;
    naming that one source only; with every source, the tea title under a new slug."""
    project = tmp_path_factory.mktemp("dist8")
    _BUILT.clear()
    (project / "source").mkdir()
    (project / "source" / "tea-stall.md").write_text(TEA, encoding="utf-8")
    (project / "source" / "river-rowers.md").write_text(ROWERS, encoding="utf-8")
    (project / "publish.toml").write_text('[podcast]\nowner_email = "pods@example.org"\n', encoding="utf-8")
    site = project / "output" / "site"
    env = {"PUBLISH_CACHE_DIR": str(site_cache.root), "NO_COLOR": "1", "COLUMNS": None, "DASK_SCHEDULER_ADDRESS": None,
           "SOURCE_DATE_EPOCH": None}
    found = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.cli_build.build_titles", lambda titles, settings, out, **kw: _report(titles, Path(out)))
        # font subsets and covers cost seconds a text and are not what this module looks at
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
        source = project / "source" / "tea-stall.md"
        for run in range(5):
            if run == 2:
                source.write_text(TEA.replace("谈他们的下午", "谈他们的每一个下午"), encoding="utf-8")
                env["SOURCE_DATE_EPOCH"] = "1767225600"
            if run >= 3:  # a day later each: 2026-01-02, 2026-01-03
                env["SOURCE_DATE_EPOCH"] = str(1767225600 + 86400 * (run - 2))
            if run == 4:
                source.write_text(TEA.replace("slug: tea-stall", "slug: corner-tea"), encoding="utf-8")
            result = _publish(project, env, *(["source/tea-stall.md"] if run == 3 else []))
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            found.append((result.exit_code, result.stdout, result.stderr,
                          {name: (site / name).read_bytes() for name in ("feed.xml", "opds.xml", "opds.json")},
                          sorted(p.name for p in site.iterdir() if p.is_dir())))
    return site, found


def test_a_title_no_voice_reads_does_not_fail_the_site_build(runs) -> None:
    """`publish site` over a catalogue with an English title exited 1 on every run, for ever
    (its audio and script can never be built), though the README lists such a title on the site
    with a note: a CI job publishing the site was red with nothing to mend. Now the note says
    it and the build is done (0); no `error:` line for it."""
    _site, found = runs
    for code, stdout, stderr, *_rest in found[:3] + found[4:]:  # (the fourth names the tea title only)
        assert code == 0, (stdout, stderr)
        assert "error" not in stderr.lower(), stderr
        assert re.search(r"river-rowers is on the site without its audio and script edition\(s\).*'en-GB'",
                         stdout + stderr), stdout + stderr
        assert "2 of 2 titles done" in stdout, stdout


def test_an_english_title_is_offered_no_pinyin_edition(runs) -> None:
    """The learner editions set pinyin over Chinese characters; an `en-GB` title has none, and its
    page, the catalogue page and the OPDS catalogue offered its 拼音版 EPUB and PDF."""
    site, found = runs
    hrefs = [a.get("href") or "" for name in ("index.html", "river-rowers/index.html")
             for a in _page(site / name).iter("a")]
    assert [h for h in hrefs if "river-rowers.epub" in h], hrefs  # the plain EPUB is offered
    assert not [h for h in hrefs if "learner" in h and "river-rowers" in h] and "learner" not in str(
        sorted(p.name for p in (site / "river-rowers").iterdir()))
    assert [h for h in hrefs if h == "corner-tea/corner-tea-learner.epub"]  # the Chinese title's is
    opds = found[2][3]
    acquired = [link.get("href") for link in etree.fromstring(opds["opds.xml"]).iter(f"{ATOM}link")
                if link.get("rel") == "http://opds-spec.org/acquisition"]
    assert f"{BASE_URL}river-rowers/river-rowers.pdf" in acquired
    assert not [h for h in acquired if "river-rowers-learner" in h]
    links = [link["href"] for p in json.loads(opds["opds.json"])["publications"] for link in p["links"]]
    assert not [h for h in links if "river-rowers-learner" in h]


def _updated(opds: bytes) -> dict[str, str]:
    root = etree.fromstring(opds)
    return {"": root.findtext(f"{ATOM}updated"),
            **{e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")}}


def test_an_edited_title_moves_its_updated_time_and_nothing_else_does(runs) -> None:
    """The OPDS `updated` times and the feed's lastBuildDate were the titles' dates: an edited
    title kept its old `updated`, so reading apps never fetched it again. Now an edit moves its
    entry's time (and the catalogue's, and lastBuildDate) to the build's; a run with nothing
    changed writes the feeds byte for byte; the other title's time stays."""
    _site, found = runs
    first, second, edited = (files for _code, _out, _err, files, _folders in found[:3])
    assert first == second
    assert _updated(first["opds.xml"]) == {"": "2024-09-15T00:00:00Z", "街角茶摊": "2024-09-15T00:00:00Z",
                                           "Rowers at Dawn": "2024-03-02T00:00:00Z"}
    assert _updated(edited["opds.xml"]) == {"": EDITED, "街角茶摊": EDITED, "Rowers at Dawn": "2024-03-02T00:00:00Z"}
    modified = {p["metadata"]["title"]: p["metadata"]["modified"]
                for p in json.loads(edited["opds.json"])["publications"]}
    assert modified == {"街角茶摊": EDITED, "Rowers at Dawn": "2024-03-02T00:00:00Z"}
    assert json.loads(edited["opds.json"])["metadata"]["modified"] == EDITED
    before, after = parse_feed(first["feed.xml"]), parse_feed(edited["feed.xml"])
    assert before.feed.updated_parsed[:3] == (2024, 9, 15) and after.feed.updated_parsed[:3] == (2026, 1, 1)
    assert [e.published_parsed[:3] for e in after.entries] == [(2024, 9, 15)]  # the episode's date stays its own


def test_a_title_leaving_joining_or_moving_moves_the_catalogues_time(runs) -> None:
    """The catalogue's time only ever came from the titles' dates: a title taken off left it
    where it was, and one given a new slug (the same id: the same entry to every app, with new
    links) went back to its date, as if never edited. Each is a change, stamped with its build."""
    _site, found = runs
    alone, moved = found[3][3], found[4][3]
    assert _updated(alone["opds.xml"]) == {"": "2026-01-02T00:00:00Z", "街角茶摊": EDITED}
    assert parse_feed(alone["feed.xml"]).feed.updated_parsed[:3] == (2026, 1, 2)
    assert _updated(moved["opds.xml"]) == {"": "2026-01-03T00:00:00Z", "街角茶摊": "2026-01-03T00:00:00Z",
                                           "Rowers at Dawn": "2026-01-03T00:00:00Z"}


def test_the_transcripts_english_runs_are_marked_english(runs) -> None:
    """Captions are plain text: `[Tea first, talk later]{lang=en}` reached the transcript as
    Chinese (`<ol lang="zh-Hans">`), and so did the English chapter title; a screen reader read
    them with a Chinese voice."""
    site, _found = runs
    tree = _page(site / "corner-tea" / "index.html")
    english = {"".join(e.itertext()) for e in tree.iter("span") if e.get("lang") == "en"}
    assert english >= {"Tea first, talk later", "Thank you very much", "Why tea?"}
    said = ["".join(s.itertext()) for s in tree.iter("span") if s.get("class") == "said"]
    assert said == [cue[3] for cue in CUES]  # every word still there, once


def test_naming_one_source_warns_of_the_titles_it_takes_off_the_site(runs) -> None:
    """`publish site source/tea-stall.md` builds the site of the titles it names: the other
    title's page and episode left the site and the feeds with only "1 removed" in the summary.
    Now a warning names it and its source, still there, and how to put it back; the next build
    with every source does."""
    _site, found = runs
    code, _stdout, stderr, files, folders = found[3]
    assert code == 0 and folders == ["assets", "tea-stall"]
    assert re.search(r"warning: site: river-rowers was taken off the site .*source/river-rowers\.md is still "
                     r"there.*publish site", stderr), stderr
    assert [e.findtext(f"{ATOM}title") for e in etree.fromstring(files["opds.xml"]).iter(f"{ATOM}entry")] == ["街角茶摊"]
    assert found[4][4] == ["assets", "corner-tea", "river-rowers"]  # back; the old slug's folder gone
    assert not [run for run in (0, 1, 2, 4) if "taken off" in found[run][2]]


def _page(path: Path):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    tree = parser.parse(path.read_bytes(), transport_encoding="utf-8")
    assert parser.errors == [], (path, parser.errors[:3])
    return tree


def test_every_page_is_whole_and_every_link_in_the_site_resolves(runs) -> None:
    """A walk over every page of the built site: each parses without an error, says its
    title's language on <html>, has no id twice, no heading level skipped, and every href/src
    inside the site names a file that exists (and an id that exists, for a #fragment)."""
    site, _found = runs
    pages = sorted(site.rglob("index.html"))  # the site's pages (the script's .html is an edition's)
    assert {p.relative_to(site).as_posix() for p in pages} == {"index.html", "corner-tea/index.html",
                                                              "river-rowers/index.html"}
    trees = {page: _page(page) for page in pages}
    ids = {page: [e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")]
           for page, tree in trees.items()}
    wanted_lang = {"corner-tea": "zh-Hans", "river-rowers": "en-GB"}
    for page, tree in trees.items():
        assert len(ids[page]) == len(set(ids[page])), page
        folder = page.parent.name
        assert tree.get("lang") == "zh-Hans", page  # the frame: the site's own words, in its language
        if folder in wanted_lang:  # the title's own text in the title's
            assert tree.find(".//h1").get("lang") == tree.find(".//div[@class='text']").get("lang") == \
                wanted_lang[folder], page
        levels = [int(e.tag[1]) for e in tree.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]
        assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if not value or re.match(r"^(https?|mailto):", value):
                    continue
                parts = urlsplit(value)
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                assert target.is_file() and site.resolve() in target.parents, (page, value)
                if parts.fragment and target.suffix == ".html":
                    assert parts.fragment in ids[target], (page, value)


def test_a_feed_served_over_plain_http_is_written_with_a_warning(tmp_path: Path, site_cache, monkeypatch) -> None:
    """Apple Podcasts and Spotify refuse a feed whose address or audio is plain http: the site
    is written as asked (an intranet or a preview may be meant) and the editor is told; a
    preview on this machine (localhost) and https are not warned about."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import _plain_http, publish_site
    from tests.site.sitetools import config

    monkeypatch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
    monkeypatch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
    notes: list[str] = []
    base = "http://pods.example.org/"
    publish_site([built_title(tmp_path, document(ROWERS), audio=False)], tmp_path, config(), base, site_cache,
                 STYLES_DIR, log=notes.append)
    assert [n for n in notes if "https://" in n and base in n], notes
    assert etree.fromstring((tmp_path / "site" / "opds.xml").read_bytes()).findtext(f"{ATOM}id")
    assert [_plain_http(url) for url in ("http://localhost:8000/", "http://127.0.0.1/pods/", "http://[::1]:8080/",
                                         "https://pods.example.org/", "HTTP://Pods.Example.org/")] == [
        False, False, False, False, True]


def test_the_feeds_hold_their_specs_required_fields_and_the_real_sizes(runs) -> None:
    """Read as apps read them, after the last run: the podcast feed without a parse error, its
    episode's enclosure the size and type of the file the site serves; the OPDS 1.2 feed and
    each entry with Atom's required id, title, updated and author, every acquisition link's
    length the served file's; OPDS 2.0 with a title for the feed and each publication and an
    acquisition link with a type."""
    site, found = runs
    files = found[-1][3]

    def served(url: str) -> Path:
        assert url.startswith(BASE_URL), url
        return site / unquote(url[len(BASE_URL):])

    feed = parse_feed(files["feed.xml"])
    (episode,) = feed.entries
    (enclosure,) = episode.enclosures
    assert enclosure.type == "audio/mpeg" and int(enclosure.length) == served(enclosure.href).stat().st_size > 0
    root = etree.fromstring(files["opds.xml"])
    for element in (root, *root.iter(f"{ATOM}entry")):
        assert element.findtext(f"{ATOM}id") and element.findtext(f"{ATOM}title") and element.findtext(f"{ATOM}updated")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    acquisitions = [link for link in root.iter(f"{ATOM}link") if link.get("rel") == "http://opds-spec.org/acquisition"]
    assert len(acquisitions) == 4 + 2  # the tea title's four ebooks, the rowers' two
    for link in acquisitions:
        assert int(link.get("length")) == served(link.get("href")).stat().st_size and link.get("type")
    document = json.loads(files["opds.json"])
    assert document["metadata"]["title"] and [link for link in document["links"] if link["rel"] == "self"]
    for publication in document["publications"]:
        assert publication["metadata"]["title"] and publication["images"]
        assert [link for link in publication["links"] if link["rel"] == "http://opds-spec.org/acquisition"
                and link["type"] and served(link["href"]).is_file()]


@pytest.mark.parametrize("slug, wanted", [("river-rowers", ["Jo Marsh, cox"]),
                                          ("corner-tea", ["钱伯，茶摊老板", "露西，交换学生"])])
def test_a_contributors_role_is_joined_in_the_script_of_its_words(runs, slug: str, wanted: list[str]) -> None:
    """The contributors list glued every role on with a full-width comma: 'Jo Marsh，cox' on an
    English title's page. Latin to Latin takes ', ', Chinese keeps '，'."""
    site, _found = runs
    tree = _page(site / slug / "index.html")
    listed = ["".join("".join(span.itertext()) for span in li.findall("span") if span.get("class") in ("name", "role"))
              for li in tree.iter("li") if (li.get("id") or "").startswith("p-")]
    assert listed == wanted


def _lang_of(element, parents: dict) -> str:
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = parents.get(element)
    return ""


def test_an_english_titles_own_words_are_marked_english_wherever_the_page_shows_them(runs) -> None:
    """The page's frame is Chinese (`<html lang="zh-Hans">`), so every piece of an English
    title's own text (its title, subtitle, outlet, authors, description, the speaker's name)
    must stand in an element marked `en-GB`, or a screen reader reads it with a Chinese voice:
    the breadcrumb's title was not."""
    site, _found = runs
    own = ["Rowers at Dawn", "Three crews on a cold river", "Riverside Post", "Tom Hale, Priya Nair",
           "Three crews explain why they row before sunrise.", "Jo Marsh"]
    for name in ("river-rowers/index.html", "index.html"):
        tree = _page(site / name)
        body = tree.find("body")
        parents = {child: parent for parent in body.iter() for child in parent}
        # (a text that mixes in Chinese, the catalogue's name '南巷周刊、Riverside Post', cannot be one language)
        wrong = [(element.tag, piece) for element in body.iter() if isinstance(element.tag, str)
                 for piece in own if piece in (element.text or "") and not HAN.search(element.text)
                 and _lang_of(element, parents) != "en-GB"]
        wrong += [(parents[element].tag, piece) for element in body.iter() if element in parents
                  for piece in own if piece in (element.tail or "") and not HAN.search(element.tail)
                  and _lang_of(parents[element], parents) != "en-GB"]
        assert wrong == [], (name, wrong)


def test_one_english_title_built_for_the_site_prints_no_error(tmp_path: Path, site_cache) -> None:
    """`publish site rowers.md` on its own streams each edition's line: the audio and script it
    can never have printed `error: audio: no voice reads …` and then exited 0 (the site lists it
    without them). They are notes there; `publish audio` alone still says error."""
    from pipeline.api import TitleSource
    from pipeline.cli_build import _never
    from pipeline.cli_report import TitleProgress

    class Ui:
        def __init__(self) -> None:
            self.said: list[tuple[str, str]] = []
            self.say = lambda text: self.said.append(("say", str(text)))
            self.note = lambda text: self.said.append(("note", str(text)))
            self.error = lambda text: self.said.append(("error", str(text)))

    never = _never(TitleSource.from_text("source/river-rowers.md", ROWERS), ["epub", "pdf", "audio", "script"])
    assert never == {"audio", "script"}
    assert _never(TitleSource.from_text("source/tea-stall.md", TEA), ["epub", "audio"]) == frozenset()
    for forgiving, kind in ((never, "note"), (frozenset(), "error")):
        ui = Ui()
        TitleProgress(ui, forgiving).edition("source/river-rowers.md", EditionResult("audio", "failed", (), 0.0, WHY_NOT))
        assert [k for k, text in ui.said if WHY_NOT in text] == [kind]


@pytest.mark.parametrize("typed, wanted", [
    ("https://example.org//pods//", "https://example.org/pods/"),
    ("https://example.org/pods/./2024/", "https://example.org/pods/2024/"),
    ("https://example.org/a/../pods", "https://example.org/pods/"),
    ("https://example.org/", "https://example.org/"),
], ids=["double-slash", "dot", "dot-dot", "root"])
def test_a_base_url_is_the_folder_a_host_serves(typed: str, wanted: str) -> None:
    """`https://example.org//pods//` made every feed URL `…//pods//feed.xml`, which an object
    store (S3 and its kin) holds as another key than the uploaded `pods/feed.xml`: every
    enclosure a 404. Repeated slashes are one, `.` and `..` resolved, as apps resolve them."""
    from pipeline.config import normalise_base_url

    assert normalise_base_url(typed) == wanted
