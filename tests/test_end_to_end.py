"""End to end through the real CLI: `publish all` builds every edition of the first title,
every EPUB passes EPUBCheck, a second build skips everything, and text that looks like markup
stays text in every edition. (A build killed mid-write: tests/test_crash_safety.py.)"""

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


def publish(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=600)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def first_title_build(tmp_path_factory) -> Path:
    """One full `publish all` of the first title (offline engine), shared by the tests here."""
    work = tmp_path_factory.mktemp("first-title")
    (work / "source").mkdir()
    shutil.copy(FIRST_TITLE, work / "source")
    publish("all", "--engine", "espeak", cwd=work)
    return work


def test_all_builds_every_edition(first_title_build: Path) -> None:
    out = first_title_build / "output"
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    for expected in ["sora-reactions.epub", "sora-reactions-learner.epub", "sora-reactions.pdf",
                     "sora-reactions-learner.pdf", "sora-reactions.mp3", "sora-reactions.vtt",
                     "sora-reactions-script.md", "sora-reactions-script.html"]:
        assert expected in names, sorted(names)


def test_every_epub_passes_epubcheck(first_title_build: Path) -> None:
    from pipeline.epubcheck import run_epubcheck

    epubs = sorted((first_title_build / "output").glob("*.epub"))
    assert len(epubs) == 2
    for epub in epubs:
        report = run_epubcheck(epub)
        assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), report.messages


def test_nothing_changed_rebuilds_nothing(first_title_build: Path) -> None:
    result = publish("all", "--engine", "espeak", cwd=first_title_build)
    assert "built " not in result.stdout.replace("up to date", ""), result.stdout
    assert result.stdout.count("up to date") >= 6


def test_markup_in_source_stays_text(tmp_path: Path) -> None:
    """A `<script>` and an `&` in a paragraph are shown as text in every edition (and a `<b>`
    escaped as the format asks, `\\<b>`: written bare it is E227, test_reader_html)."""
    work = tmp_path / "work"
    (work / "source").mkdir(parents=True)
    text = TEST_TITLE.read_text(encoding="utf-8")
    marker = "<script>alert('x')</script> & \\<b>粗\\</b>"
    body_start = text.index("\n---\n", 4) + 5
    first_paragraph_end = text.index("\n\n", body_start + 1)
    text = text[:first_paragraph_end] + marker + text[first_paragraph_end:]
    (work / "source" / "t.md").write_text(text, encoding="utf-8")
    publish("epub", cwd=work)
    publish("pdf", cwd=work)
    publish("script", "--engine", "espeak", cwd=work)
    slug = "night-library"
    with zipfile.ZipFile(work / "output" / f"{slug}.epub") as epub:
        xhtml = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;" in xhtml
    assert "<script>" not in xhtml
    from pdfminer.high_level import extract_text

    assert "<script>alert('x')</script>" in extract_text(work / "output" / f"{slug}.pdf").replace("\n", "")
    html = (work / "output" / f"{slug}-script.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
