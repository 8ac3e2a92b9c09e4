"""End to end through the real CLI: `publish all` builds every edition of the first title,
every EPUB passes EPUBCheck, the audio is full length and read back, a second build skips
everything, a one-answer edit resynthesises one segment, and text that looks like markup stays
text in every edition. (A build killed mid-write: tests/test_crash_safety.py.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import FIRST_TITLE, ROOT, TEST_TITLE

pytestmark = pytest.mark.slow


def publish(*args: str, cwd: Path, cache: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=600)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def first_title_build(tmp_path_factory, shared_cache) -> Path:
    """One full `publish all` of the first title (offline engine), shared by the tests here, in
    the run's shared cache (tests/conftest.py): the files that build the first title's books in
    their own process (test_pdf_learner, test_epub_learner, test_pdf, test_epub,
    test_accessibility) start after this one and find its pinyin, fonts and chapters there. Its
    up-to-date records are kept per output folder, and no other test speaks this title, so the
    cache tests below prove what they did with a cache of its own."""
    work = tmp_path_factory.mktemp("first-title")
    (work / "source").mkdir()
    shutil.copy(FIRST_TITLE, work / "source")
    publish("all", "--engine", "espeak", cwd=work, cache=shared_cache.root)
    return work


def test_all_builds_every_edition(first_title_build: Path) -> None:
    out = first_title_build / "output"
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    for expected in ["sora-reactions.epub", "sora-reactions-learner.epub", "sora-reactions.pdf",
                     "sora-reactions-learner.pdf", "sora-reactions.mp3", "sora-reactions.vtt",
                     "sora-reactions-script.md", "sora-reactions-script.html"]:
        assert expected in names, sorted(names)


def test_every_epub_passes_epubcheck(first_title_build: Path) -> None:
    from pipeline.epubcheck import run_epubchecks

    epubs = sorted((first_title_build / "output").glob("*.epub"))
    assert len(epubs) == 2
    for report in run_epubchecks(epubs):
        assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), report.messages


def test_nothing_changed_rebuilds_nothing(first_title_build: Path, shared_cache) -> None:
    result = publish("all", "--engine", "espeak", cwd=first_title_build, cache=shared_cache.root)
    assert "built " not in result.stdout.replace("up to date", ""), result.stdout
    assert result.stdout.count("up to date") >= 6


def test_the_first_titles_audio_is_full_length_and_read_back(first_title_build: Path) -> None:
    """The whole audio, offline, read back like the test title's (tests/renderers/test_audio.py)."""
    import pyloudnorm

    from pipeline.build import prepare
    from pipeline.reader import read_source
    from tests.renderers.audiotools import captions, decode, id3_chapters
    from tests.renderers.test_audio import assert_caption_rules

    out = first_title_build / "output"
    x, rate = decode(out / "sora-reactions.mp3")
    assert len(x) / rate > 25 * 60  # full length: every paragraph and answer is in it
    assert pyloudnorm.Meter(rate).integrated_loudness(x) == pytest.approx(-16.0, abs=1.0)
    assert len(id3_chapters(out / "sora-reactions.mp3")) == 14
    voices = {c.voice for c in captions(out / "sora-reactions.vtt")}
    assert {s.name for s in prepare(read_source(FIRST_TITLE)).speakers} <= voices
    assert_caption_rules(out / "sora-reactions.vtt")


def test_a_one_answer_edit_resynthesises_one_segment(first_title_build: Path, tmp_path: Path, shared_cache) -> None:
    """Against the cache the full build filled (through the renderer, in a folder of its own, so
    the build above stays as it was)."""
    from pipeline.build import prepare
    from pipeline.reader import read_source
    from pipeline.renderers.audio import AudioRenderer
    from tests.renderers.audiotools import context, edited

    log: list[str] = []
    doc = edited(prepare(read_source(FIRST_TITLE)), "q4-5", "真的。")
    AudioRenderer().build(doc, context(tmp_path / "out", shared_cache, log))
    assert "1 segment(s) synthesised" in log[-1], log


def test_markup_in_source_stays_text(tmp_path: Path, shared_cache) -> None:
    """A `<script>` and a `<b>` escaped as the format asks (`\\<script>`: written bare they are
    E227, test_reader_html and test_reader_broken9) and an `&` in a paragraph are shown as text in
    every edition, never as markup. (In the run's shared cache: the test title's other
    paragraphs, spoken and laid out by other files' builds, are not what this test reads.)"""
    work = tmp_path / "work"
    (work / "source").mkdir(parents=True)
    text = TEST_TITLE.read_text(encoding="utf-8")
    marker = "\\<script>alert('x')\\</script> & \\<b>粗\\</b>"
    body_start = text.index("\n---\n", 4) + 5
    first_paragraph_end = text.index("\n\n", body_start + 1)
    text = text[:first_paragraph_end] + marker + text[first_paragraph_end:]
    (work / "source" / "t.md").write_text(text, encoding="utf-8")
    publish("epub", cwd=work, cache=shared_cache.root)
    publish("pdf", cwd=work, cache=shared_cache.root)
    publish("script", "--engine", "espeak", cwd=work, cache=shared_cache.root)
    slug = "night-library"
    with zipfile.ZipFile(work / "output" / f"{slug}.epub") as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;" in xhtml
    assert "<script>" not in xhtml
    from pdfminer.high_level import extract_text

    assert "<script>alert('x')</script>" in extract_text(work / "output" / f"{slug}.pdf").replace("\n", "")
    html = (work / "output" / f"{slug}-script.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
