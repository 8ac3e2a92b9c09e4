"""The distribution editions of a small catalogue written by hand for them, through the real
`publish site` command (in this process; the editions' build is stood in by files made here,
reported as the build driver reports them): two Chinese titles with audio that share a speaker
and one Australian English title (`en-AU`) whose audio and script can never be built (W409), on a
site whose language is English. The command runs three times: once; with the site moved to
another base URL; with one title's source deleted.

Yardsticks: the exit code and the printed summary, lxml, json and feedparser on the written
files, and values typed here by hand; never the site's own tables.
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
from tests.site.sitetools import built_title, document, parse_feed

FERRY = """---
id: urn:uuid:0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a
slug: night-ferry
title: 夜航的渡轮
language: zh-Hans
authors: [罗青]
outlet: 江城晚报
date: 2024-05-20
description: 最后一班渡轮上的三个人。
rights: "© 2024 江城晚报。"
speakers:
  - id: boatman
    name: 贺老大
    role: 船长
---

晚上十点，最后一班渡轮离岸。

## 您开了多少年船？

::: answer boatman
二十六年，没误过一班。
:::
"""

PIER = """---
id: urn:uuid:4c3b2a19-0f8e-4d7c-9b6a-5e4d3c2b1a09
slug: pier-morning
title: 码头的早晨
language: zh-Hans
authors: [罗青]
outlet: 江城晚报
date: 2024-06-02
description: 渡轮靠岸以后，码头才醒过来。
rights: "© 2024 江城晚报。"
speakers:
  - id: boatman
    name: 贺老大
    role: 船长
---

天刚亮，渡轮靠岸。

## 早上第一班累吗？

::: answer boatman
不累，江上风凉。
:::
"""

SURF = """---
id: urn:uuid:7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910
slug: surf-club
title: The Surf Club at Six
language: en-AU
authors: [Mia Clarke]
outlet: Coastal Weekly
date: 2024-04-11
description: Lifesavers talk about the first patrol of the day.
rights: "© 2024 Coastal Weekly."
speakers:
  - id: sam
    name: Sam Roe
    role: patrol captain
---

The flags go up at six.

## Why so early?

::: answer sam
The rips are worst at low tide.
:::
"""

SOURCES = {"night-ferry": FERRY, "pier-morning": PIER, "surf-club": SURF}
FIRST, MOVED = "https://example.org/pods/", "https://media.example.net/radio/"
WHY_NOT = "no voice reads the title's language 'en-AU'"
ATOM = "{http://www.w3.org/2005/Atom}"
_BUILT: dict = {}


def _report(titles, out: Path) -> CatalogueResult:
    """What the build driver reports: every edition of the Chinese titles; the English title's
    EPUB and PDF, its audio and script failed (W409)."""
    results = []
    for title in titles:
        text = Path(title.name).read_text(encoding="utf-8")
        doc = document(text)
        english = doc.meta.language == "en-AU"
        built = _BUILT.get(doc.meta.slug) or _BUILT.setdefault(doc.meta.slug, built_title(out, doc, audio=not english))
        editions = [EditionResult(edition, "built", tuple(map(str, paths)), 0.0)
                    for edition, paths in built.outputs.items()
                    if not (english and edition in ("script", "epub-learner", "pdf-learner"))]
        if english:
            editions += [EditionResult(e, "failed", (), 0.0, WHY_NOT) for e in ("script", "audio")]
        results.append(TitleResult(name=title.name, slug=doc.meta.slug, editions=tuple(editions)))
    return CatalogueResult(results=tuple(results), seconds=0.0, runner="by hand")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, site_cache):
    """`publish site` three times: (exit code, stdout, stderr, the feeds' bytes) of each."""
    from pipeline.cli import app

    project = tmp_path_factory.mktemp("dist9")
    _BUILT.clear()
    (project / "source").mkdir()
    for slug, text in SOURCES.items():
        (project / "source" / f"{slug}.md").write_text(text, encoding="utf-8")
    (project / "publish.toml").write_text('[site]\nlanguage = "en"\ntitle = "River Radio"\n[podcast]\n'
                                          'owner_email = "pods@example.org"\n', encoding="utf-8")
    site = project / "output" / "site"
    env = {"PUBLISH_CACHE_DIR": str(site_cache.root), "NO_COLOR": "1", "COLUMNS": None, "DASK_SCHEDULER_ADDRESS": None,
           "SOURCE_DATE_EPOCH": None}
    found = []
    before = os.getcwd()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.cli_build.build_titles", lambda titles, settings, out, **kw: _report(titles, Path(out)))
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
        os.chdir(project)
        try:
            for run, base in enumerate((FIRST, MOVED, MOVED)):
                if run == 1:
                    env["SOURCE_DATE_EPOCH"] = "1767225600"  # 2026-01-01
                if run == 2:
                    (project / "source" / "pier-morning.md").unlink()
                    env["SOURCE_DATE_EPOCH"] = "1767312000"  # 2026-01-02
                result = CliRunner().invoke(app, ["site", "--base-url", base], env=env, prog_name="publish")
                assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
                found.append((result.exit_code, result.stdout, result.stderr,
                              {name: (site / name).read_bytes() for name in ("feed.xml", "opds.xml", "opds.json")}))
        finally:
            os.chdir(before)
    return site, found


def test_the_summary_counts_no_failure_for_a_title_the_site_lists_as_it_can_be(runs) -> None:
    """The English title's row said `failed 2` (its audio and script, which no voice can read)
    while the last line said every title was done and the exit code was 0: the table and the
    verdict disagreed. Its row now says 0, and the site's note says what it is without."""
    _site, found = runs
    code, stdout, stderr, _files = found[0]
    assert code == 0, (stdout, stderr)
    rows = {line.split()[0]: line.split()[1:4] for line in stdout.splitlines()
            if line.split() and line.split()[0] in SOURCES}
    assert rows == {"night-ferry": ["6", "0", "0"], "pier-morning": ["6", "0", "0"], "surf-club": ["2", "0", "0"]}
    assert "3 of 3 titles done" in stdout and "error" not in stderr
    assert re.search(r"surf-club is on the site without its .*audio.*no voice reads", stdout + stderr)


def _channel_description(feed: bytes) -> str:
    return parse_feed(feed).feed.description


def test_an_english_site_describes_itself_in_english(runs) -> None:
    """`[site] language = "en"` with no description of its own: the feed's channel, the OPDS
    subtitle and the catalogue page described the site in Chinese (…篇特稿的文字、电子书与有声版),
    under `<language>en</language>`. The default now speaks the site's language, and the page
    is in English (its own frame now speaks English too: data/interface-words.toml)."""
    site, found = runs
    files = found[0][3]
    described = _channel_description(files["feed.xml"])
    assert parse_feed(files["feed.xml"]).feed.language == "en"
    assert not re.search(r"[篇特稿电子书有声版最新一]", described), described
    assert "River Radio" in described and "3 feature stories" in described
    assert etree.fromstring(files["opds.xml"]).findtext(f"{ATOM}subtitle") == described
    assert json.loads(files["opds.json"])["metadata"]["description"] == described
    tree = html5lib.parse((site / "index.html").read_bytes(), namespaceHTMLElements=False)
    (lead,) = [p for p in tree.iter("p") if p.get("class") == "lead"]
    assert "".join(lead.itertext()) == _channel_description(found[-1][3]["feed.xml"])
    assert (lead.get("lang") or tree.get("lang")) == "en"


def _updated(opds: bytes) -> dict[str, str]:
    root = etree.fromstring(opds)
    return {"": root.findtext(f"{ATOM}updated"),
            **{e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")}}


def test_a_new_base_url_moves_every_entrys_updated_time(runs) -> None:
    """Moving the site to another address rewrote every acquisition link and enclosure but kept
    every OPDS `updated` (and the feed's lastBuildDate) as it was: a reading app that fetches an
    entry again only when its time moves kept the old links, dead once the old host is gone.
    A new base URL is a change of every entry, stamped with its build; the guids stay."""
    _site, found = runs
    first, moved = found[0][3], found[1][3]
    assert _updated(first["opds.xml"]) == {"": "2024-06-02T00:00:00Z", "码头的早晨": "2024-06-02T00:00:00Z",
                                           "夜航的渡轮": "2024-05-20T00:00:00Z",
                                           "The Surf Club at Six": "2024-04-11T00:00:00Z"}
    stamp = "2026-01-01T00:00:00Z"
    assert _updated(moved["opds.xml"]) == {"": stamp, "码头的早晨": stamp, "夜航的渡轮": stamp,
                                           "The Surf Club at Six": stamp}
    assert {p["metadata"]["modified"] for p in json.loads(moved["opds.json"])["publications"]} == {stamp}
    before, after = parse_feed(first["feed.xml"]), parse_feed(moved["feed.xml"])
    assert after.feed.updated_parsed[:3] == (2026, 1, 1)
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert all(e.enclosures[0].href.startswith(MOVED) for e in after.entries)


def test_a_title_whose_source_is_deleted_leaves_the_site_whole(runs) -> None:
    """Deleting a source takes its page, episode and OPDS entry off the site, and nothing else:
    no link anywhere leads to the folder that went, the other episodes keep their guids, and the
    catalogue's time moves (a title left)."""
    site, found = runs
    code, stdout, stderr, files = found[2]
    assert code == 0, (stdout, stderr)
    assert not (site / "pier-morning").exists()
    feed, before = parse_feed(files["feed.xml"]), parse_feed(found[1][3]["feed.xml"])
    assert [e.id for e in feed.entries] == [e.id for e in before.entries if "4c3b2a19" not in e.id]
    assert [e.findtext(f"{ATOM}title") for e in etree.fromstring(files["opds.xml"]).iter(f"{ATOM}entry")] == \
        ["夜航的渡轮", "The Surf Club at Six"]
    assert _updated(files["opds.xml"])[""] == "2026-01-02T00:00:00Z"
    for page in site.rglob("index.html"):
        tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for element in tree.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute) if isinstance(element.tag, str) else None
                if not value or re.match(r"^(https?|mailto):", value):
                    continue
                path = unquote(urlsplit(value).path)
                assert not path or (page.parent / path).resolve().is_file(), (page, value)
    for url in re.findall(rb'(?:href|url)="([^"]+)"', files["feed.xml"] + files["opds.xml"]):
        assert b"pier-morning" not in url


def test_a_title_not_written_in_chinese_is_not_built_in_the_learner_editions(tmp_path: Path, monkeypatch) -> None:
    """`publish all` built an English title's learner EPUB and PDF (pinyin over no Chinese), which
    no page or catalogue offers: time spent, files left in output/. The driver now builds the
    title without them and says so once; a Chinese title of any script keeps them."""
    from pipeline.driver.settings import BuildSettings
    from pipeline.driver.sources import TitleSource
    from pipeline.driver.title import build_title

    asked: list[list[str]] = []
    monkeypatch.setattr("pipeline.driver.title.build_editions",
                        lambda doc, editions, ctx, **kw: asked.append(list(editions)))
    every = ("epub", "epub-learner", "pdf", "pdf-learner")
    traditional = FERRY.replace("language: zh-Hans", "language: zh-Hant-HK")
    cantonese = FERRY.replace("language: zh-Hans", "language: yue")
    results = [build_title(TitleSource.from_text(f"source/{name}.md", text), BuildSettings(editions=every),
                           str(tmp_path), cache_dir=str(tmp_path / "cache"))
               for name, text in (("surf-club", SURF), ("night-ferry", FERRY), ("hk", traditional),
                                  ("yue", cantonese))]
    assert asked == [["epub", "pdf"], list(every), list(every), ["epub", "pdf"]]
    assert [line for line in results[0].log if "learner" in line and "en-AU" in line] and not results[1].log
    assert [line for line in results[3].log if "learner" in line and "'yue'" in line and "Mandarin" in line]


def test_a_cantonese_title_is_not_set_in_pinyin_nor_asked_for_readings(tmp_path: Path) -> None:
    """A Cantonese title's learner editions set Mandarin pinyin over its characters (唔, 係 read as
    Mandarin), though a span marked `{lang=yue}` in a Mandarin title is set without pinyin; and
    `publish check` asked its editor to confirm Mandarin readings (W405). One rule now decides
    both (`furniture.read_in_pinyin`): the site offers no 拼音版 and check asks no reading, while
    the same text as a Mandarin title is still asked (so the test can fail)."""
    from pipeline.check import check
    from pipeline.furniture import read_in_pinyin

    assert [read_in_pinyin(t) for t in ("zh-Hans", "zh-Hant-HK", "cmn", "yue", "zh-yue", "nan", "en")] == \
        [True, True, True, False, False, False, False]
    unsure = FERRY.replace("\n\n## ", "\n\n把桌子抹一下。\n\n## ", 1)  # (抹 alone: mǒ or mā)
    for language, expected in (("zh-Hans", True), ("yue", False)):
        (path := tmp_path / f"{language}.md").write_text(unsure.replace("language: zh-Hans", f"language: {language}"),
                                                         encoding="utf-8")
        _doc, diagnostics = check(path)
        assert any(d.code == "W405" for d in diagnostics) is expected, (language, [str(d) for d in diagnostics])


@pytest.mark.parametrize("language", ["zh-Hans", "yue"])
def test_the_captions_file_says_its_language(language: str, monkeypatch) -> None:
    """The WebVTT file a feed offers as the episode's transcript (`podcast:transcript`) said
    nothing of its language: a player or caption editor given the file alone guessed. Its header
    now says `Language:` with the title's tag (webvtt-py still reads every cue). The captions are
    typed here: the timing is not what this looks at."""
    import io
    from types import SimpleNamespace

    import webvtt as webvtt_py

    from pipeline.audio import captions as module

    typed = [module.Caption(start=0.5, end=2.0, who="旁白", lines=("夜航的渡轮。",), chapter=0),
             module.Caption(start=2.5, end=4.0, who="贺老大", lines=("二十六年，", "没误过一班。"), chapter=1)]
    monkeypatch.setattr(module, "captions", lambda timeline: typed)
    timeline = SimpleNamespace(chapters=[SimpleNamespace(chapter=SimpleNamespace(title=t)) for t in ("夜航", "您开")])
    text = module.webvtt(timeline, "夜航的渡轮", language)
    header = text.split("\n\n", 1)[0].splitlines()
    assert header[0] == "WEBVTT" and f"Language: {language}" in header[1:]
    read = webvtt_py.from_buffer(io.StringIO(text)).captions
    assert [(c.voice, c.text) for c in read] == [("旁白", "夜航的渡轮。"), ("贺老大", "二十六年，\n没误过一班。")]


def test_one_build_stamps_every_entry_it_changed_with_one_time(tmp_path: Path, site_cache, monkeypatch) -> None:
    """A build that changed every entry (here: a new base URL) stamped each with the clock as it
    reached it, a second apart on a slow machine, and the catalogue with yet another: one change,
    several times. A clock that ticks on every reading stands for the slow machine."""
    import datetime as dt
    import itertools

    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import publish_site
    from tests.site.sitetools import config

    monkeypatch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
    monkeypatch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
    ticks = itertools.count()
    monkeypatch.setattr("pipeline.site.publish._now",
                        lambda: dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=next(ticks)))
    built = [built_title(tmp_path, document(text), audio=False) for text in (FERRY, SURF)]
    for base in (FIRST, MOVED):
        publish_site(built, tmp_path, config(), base, site_cache, STYLES_DIR, log=lambda note: None)
    times = set(_updated((tmp_path / "site" / "opds.xml").read_bytes()).values())
    assert len(times) == 1 and times.pop().startswith("2026-03-01T00:00:0"), times


def test_moving_the_site_says_how_to_keep_the_podcasts_subscribers(runs) -> None:
    """The podcast's GUID is made from the feed's address unless publish.toml pins it: a new
    base URL gave the podcast a new GUID, which apps take for another podcast, and nothing said
    so. The move now names the old GUID to pin and the redirect to set; a build that did not
    move says nothing of it."""
    _site, found = runs
    guids = [re.search(rb"<podcast:guid>([^<]+)</podcast:guid>", files["feed.xml"])[1].decode()
             for *_rest, files in found]
    assert guids[0] != guids[1] == guids[2]
    said = found[1][2]  # stderr: a warning, as subscribers are lost if nothing is done
    assert re.search(rf'warning: site: .*guid = "{guids[0]}" under \[podcast\] in publish\.toml', said), said
    assert f"{FIRST}feed.xml" in said and f"{MOVED}feed.xml" in said
    assert not [run for run in (0, 2) if "GUID" in found[run][1] + found[run][2]]


@pytest.fixture(scope="module")
def noted(tmp_path_factory, site_cache) -> list[str]:
    """The notes of one site step over titles written for them: two under one title (and a third
    told apart by its subtitle), an episode whose description is 1,400 Chinese characters, one of
    1,300, and a long description of a title without an episode."""
    from pipeline.build import STYLES_DIR
    from pipeline.site.publish import publish_site
    from tests.site.sitetools import config

    long_ = FERRY.replace("description: 最后一班渡轮上的三个人。", "description: " + "渡" * 1400)
    second = FERRY.replace("slug: night-ferry", "slug: night-ferry-2").replace("0d9e8f7a", "1d9e8f7a")
    third = FERRY.replace("slug: night-ferry", "slug: night-ferry-3").replace("0d9e8f7a", "3d9e8f7a")
    third = third.replace("title: 夜航的渡轮", "title: 夜航的渡轮\nsubtitle: 第二天")
    fits = PIER.replace("description: 渡轮靠岸以后，码头才醒过来。", "description: " + "岸" * 1300)
    quiet = SURF.replace("description: Lifesavers", "description: " + "surf " * 900 + "Lifesavers")
    root = tmp_path_factory.mktemp("noted")
    built = [built_title(root, document(long_)), built_title(root, document(second), audio=False),
             built_title(root, document(third), audio=False), built_title(root, document(fits)),
             built_title(root, document(quiet), audio=False)]
    notes: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.fonts.subsets", lambda faces, text, cache, flavor: {f: b"woff2" for f in faces})
        patch.setattr("pipeline.site.publish.cover_png", lambda meta, cache, size: b"png")
        publish_site(built, root, config(), FIRST, site_cache, STYLES_DIR, log=notes.append)
    return notes


def test_two_titles_under_one_name_are_published_with_a_note(noted: list[str]) -> None:
    """Two sources with one title text (a series' second part, a title copied to start
    another) are two episodes and two OPDS entries that every app lists under one name, and
    nothing said so. A note names both slugs and the title; titles told apart by their subtitle
    are not named."""
    named = [n for n in noted if "same title" in n]
    assert len(named) == 1 and "night-ferry and night-ferry-2 have" in named[0] and "夜航的渡轮" in named[0], noted


def test_a_description_longer_than_the_directories_keep_is_published_with_a_note(noted: list[str]) -> None:
    """Apple Podcasts and Spotify keep 4,000 bytes of an episode's description: 1,400 Chinese
    characters are 4,200 bytes in UTF-8, and the last lines vanished in every app with nothing
    said. A note names the source and the size; 1,300 characters (3,900 bytes) pass, and so does
    a long description of a title without an episode."""
    cut = [n for n in noted if "4,000" in n]
    assert len(cut) == 1 and "night-ferry.md" in cut[0] and "4,200 bytes" in cut[0], noted


def test_one_title_streams_an_edition_it_can_never_have_as_not_built() -> None:
    """`publish site rowers.md` exited 0 (the site lists the English title without audio), but
    its lines said `audio  failed`. They say `not built` (the note says why); without a site,
    where the build does fail, `failed` stays."""
    from pipeline.cli_report import TitleProgress

    class Ui:
        def __init__(self) -> None:
            self.said: list[str] = []
            self.say = self.note = self.error = lambda text: self.said.append(str(text))

    for never, wanted in ((frozenset({"audio"}), "not built"), (frozenset(), "failed")):
        ui = Ui()
        TitleProgress(ui, never).edition("source/surf-club.md", EditionResult("audio", "failed", (), 0.0, WHY_NOT))
        assert ui.said[0].split()[:2] == ["audio", *wanted.split()[:1]] and wanted in ui.said[0], ui.said
