"""End to end, as editors, readers and podcast apps meet it: the real `publish` command builds a
two-title catalogue (the site comes with `publish all` once publish.toml names a base URL; the
command line's --base-url wins), feedparser reads the feed against the real MP3s, and headless
Chromium (Playwright, Debian's /usr/bin/chromium) uses the pages over HTTP — the player plays,
the captions load, chapters seek, the transcript follows — with axe-core (the copy bundled in
the `axe-playwright-python` wheel, never fetched) finding no violations."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import av
import pytest
from axe_playwright_python.base import AXE_FILE_PATH

from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.audiotools import captions, id3_chapters
from tests.site.serve import serve
from tests.site.sitetools import parse_feed, variant_text

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CONFIGURED = "https://example.org/pods/"
OVERRIDE = "https://cdn.example.net/p/"
SLUGS = ["night-library", "night-library-two"]


def publish(*args: str, cwd: Path, cache: Path) -> str:
    """The real command in a child process, building with the build cache `cache`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory, shared_cache) -> dict:
    """(In the run's shared cache, tests/conftest.py: the test title's speech, pinyin and fonts
    made once a run; the up-to-date records are kept per output folder, so these are built.)"""
    cache = shared_cache.root
    work = tmp_path_factory.mktemp("site-project")
    (work / "source").mkdir()
    (work / "source" / "night-library.md").write_text(TEST_TITLE.read_text(encoding="utf-8"), encoding="utf-8")
    (work / "extra").mkdir()
    (work / "extra" / "night-library-two.md").write_text(
        variant_text(SLUGS[1], "灯下夜读续篇", "2024-11-02", "0b6f3d52-8f8a-4c1e-9d5e-1f7a2b3c4d5e"), encoding="utf-8")
    (work / "publish.toml").write_text(f'[site]\nbase_url = "{CONFIGURED}"\n[podcast]\n'
                                       f'owner_email = "podcasts@example.org"\n', encoding="utf-8")
    publish("all", "--engine", "espeak", cwd=work, cache=cache)
    after_all = (work / "output" / "site" / "feed.xml").read_bytes()
    log = publish("site", "source", "extra/night-library-two.md", "--base-url", OVERRIDE, "--engine", "espeak",
                  cwd=work, cache=cache)
    return {"work": work, "site": work / "output" / "site", "after_all": after_all, "log": log, "cache": cache}


def test_publish_all_writes_the_site_when_the_project_names_a_base_url(project) -> None:
    feed = parse_feed(project["after_all"])
    assert [e.link for e in feed.entries] == [f"{CONFIGURED}night-library/index.html"]


def test_every_episode_is_read_with_its_real_files(project) -> None:
    site, work = project["site"], project["work"]
    feed = parse_feed((site / "feed.xml").read_bytes())
    assert feed.feed.link == OVERRIDE + "index.html"  # the command line's base URL won
    assert sorted(e.link.split("/")[-2] for e in feed.entries) == SLUGS
    for entry in feed.entries:
        slug = entry.link.split("/")[-2]
        mp3 = site / slug / f"{slug}.mp3"
        (enclosure,) = entry.enclosures
        assert enclosure.href == f"{OVERRIDE}{slug}/{slug}.mp3" and enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == mp3.stat().st_size == (work / "output" / mp3.name).stat().st_size
        with av.open(str(mp3)) as container:  # the duration a player decodes
            stream = container.streams.audio[0]
            decoded = sum(frame.samples for frame in container.decode(stream)) / stream.sample_rate
        assert abs(int(entry.itunes_duration) - decoded) <= 1
        chapters = json.loads((site / slug / "chapters.json").read_text(encoding="utf-8"))["chapters"]
        assert [(c["title"], c["startTime"], c["endTime"]) for c in chapters] == id3_chapters(mp3)
        assert {t.type for t in entry.podcast_transcripts} == {"text/vtt", "text/html"}
        assert {p.role for p in entry.podcast_persons} == {"guest", "author"}


def test_nothing_changed_rebuilds_nothing(project) -> None:
    log = publish("site", "source", "extra/night-library-two.md", "--base-url", OVERRIDE, "--engine", "espeak",
                  cwd=project["work"], cache=project["cache"])
    for slug in SLUGS:  # the summary's row: 0 built, 6 up to date, 0 failed
        assert re.search(rf"^{slug}\s+0\s+6\s+0\s", log, re.M), log
    assert re.search(r"^site\s+up to date\s.*\(0 title page\(s\) built, 2 up to date; index.html and feeds up to "
                     r"date\)", log, re.M), log


# --- in the browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(project):
    with serve(project["site"]) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make browser' (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    yield page
    context.close()
    assert errors == []


def test_a_reader_follows_a_title_and_the_player_works(page, server, project) -> None:
    slug = SLUGS[0]
    mp3 = project["site"] / slug / f"{slug}.mp3"
    page.goto(server + "index.html")
    with page.expect_navigation():
        page.click("h3 a:text-is('灯下夜读')")
    assert page.url == f"{server}{slug}/index.html"
    page.evaluate("""() => { const audio = document.querySelector('audio');
        window.seeks = []; audio.addEventListener('seeked', () => window.seeks.push(audio.currentTime)); }""")

    # Muted playback advances.
    page.evaluate("async () => { const a = document.querySelector('audio'); a.muted = true; await a.play(); }")
    page.wait_for_function("document.querySelector('audio').currentTime > 0.5", timeout=20_000)

    # The caption track loads every cue of the WebVTT file.
    page.wait_for_function("(document.querySelector('audio').textTracks[0].cues || []).length > 0", timeout=20_000)
    vtt = captions(project["site"] / slug / f"{slug}.vtt")
    loaded = page.evaluate("""() => Array.from(document.querySelector('audio').textTracks[0].cues,
                                 c => [c.startTime, c.endTime])""")
    assert loaded == [[pytest.approx(c.start, abs=1e-3), pytest.approx(c.end, abs=1e-3)] for c in vtt]

    # A chapter link seeks the player to the MP3's own chapter start, and its chapter is marked.
    chapters = id3_chapters(mp3)
    title, start, _end = chapters[2]
    page.click(f"[data-chapter]:nth-child(3) a[data-seek]")
    page.wait_for_function("window.seeks.length > 0", timeout=10_000)
    assert page.evaluate("window.seeks[0]") == pytest.approx(start, abs=0.05)
    page.wait_for_function("document.querySelector('[data-chapter].current') !== null")
    assert title in page.text_content("[data-chapter].current")

    # The transcript highlights the cue being read, and a cue's time seeks there.
    page.wait_for_function("document.querySelector('[data-cue].current') !== null")
    now = page.evaluate("document.querySelector('audio').currentTime")
    current = float(page.get_attribute("[data-cue].current", "data-start"))
    starts = [c.start for c in vtt]
    assert current == pytest.approx(max(s for s in starts if s <= now + 0.05), abs=1e-3)
    target = vtt[-3]
    page.evaluate("window.seeks = []")
    page.click(f"[data-cue]:nth-child({len(vtt) - 2}) a[data-seek]", force=True)
    page.wait_for_function("window.seeks.length > 0", timeout=10_000)
    assert page.evaluate("window.seeks[0]") == pytest.approx(target.start, abs=0.05)
    page.wait_for_function(f"document.querySelector('[data-cue].current').dataset.start == '{target.start}'")
    assert page.text_content("[data-now]").strip().endswith(target.text)


@pytest.mark.parametrize("path", ["index.html", f"{SLUGS[0]}/index.html"])
def test_axe_finds_no_accessibility_violations(page, server, path) -> None:
    page.goto(server + path)
    page.add_script_tag(path=str(AXE_FILE_PATH))
    violations = page.evaluate("""() => axe.run().then(result => result.violations.map(v =>
        `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`))""")
    assert violations == []


def test_reading_and_downloading_need_no_javascript_nor_server(browser, project) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((project["site"] / "index.html").as_uri())
    with page.expect_navigation():
        page.click("h3 a:text-is('灯下夜读')")
    text = page.text_content(".text")
    assert "英文名是Night Owl Reading" in text and "书不会跑，慢慢看。" in text
    for link in page.query_selector_all(".downloads a"):
        target = Path(page.evaluate("href => new URL(href, location.href).pathname", link.get_attribute("href")))
        assert target.is_file() and target.stat().st_size > 0
    assert page.get_attribute("[data-chapter] a", "href").endswith(".mp3#t=0.0")  # opens the audio there
    context.close()


def test_long_unbroken_words_do_not_widen_a_phone_page(browser, tmp_path: Path) -> None:
    """A title that is one long Latin word and a bare URL in the text break inside a phone's width
    rather than making every page scroll sideways."""
    from pipeline.build import STYLES_DIR
    from pipeline.cache import Cache
    from pipeline.site.publish import publish_site, site_dir_of
    from tests.site.sitetools import built_title, config, document

    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    url = "https://example.org/" + "/".join(["a-folder-name-with-no-spaces"] * 6) + "/index.html"
    text = variant_text("wide-title", word, "2025-03-08", "9d2c8a1e-7b3f-4e6a-9c0d-2e4f6a8b0c1d")
    text = text.replace("2025年1月起，", f"见{url}。2025年1月起，", 1)
    out = tmp_path / "output"
    publish_site([built_title(out, document(text))], out, config(), CONFIGURED, Cache(tmp_path / "cache"),
                 STYLES_DIR, log=lambda m: None)
    site = site_dir_of(out)
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    for path in (site / "index.html", site / "wide-title" / "index.html"):
        page.goto(path.as_uri())
        assert word in page.inner_text("h1") + page.inner_text("main")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    assert url in page.inner_text("main")
    context.close()
