"""The podcast script: every cue with speaker, role, voice and start time, the text as spoken,
chapter breaks — and start times equal to the audio's, whichever is built first."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.audio.timeline import clock
from pipeline.cache import Cache
from pipeline.model import Document
from pipeline.renderers.audio import AudioRenderer
from pipeline.renderers.script import ScriptRenderer
from tests.renderers.audiotools import captions, context, id3_chapters


@pytest.fixture(scope="module")
def scripted(tmp_path_factory, test_title: Document):
    """The script built first on a cold cache, then the audio from the same cache."""
    root = tmp_path_factory.mktemp("script")
    cache = Cache(root / "cache")
    markdown, html = ScriptRenderer().build(test_title, context(root / "out", cache))
    log: list[str] = []
    mp3, _m4b, vtt = AudioRenderer().build(test_title, context(root / "out", cache, log))
    return {"md": markdown.read_text(encoding="utf-8"), "html": html.read_text(encoding="utf-8"), "mp3": mp3,
            "vtt": vtt, "audio_log": log}


def test_outputs_are_named_for_the_slug(scripted, test_title: Document, tmp_path) -> None:
    paths = ScriptRenderer().outputs(test_title, context(tmp_path, Cache(None)))
    assert [p.name for p in paths] == ["night-library-script.md", "night-library-script.html"]


def test_audio_after_the_script_synthesises_nothing(scripted) -> None:
    assert "0 segment(s) synthesised" in scripted["audio_log"][-1]


def test_chapter_breaks_carry_the_audio_chapter_times(scripted) -> None:
    headings = re.findall(r"^## (\d+)\. (.+) `\[([\d:.]+)\]`$", scripted["md"], re.M)
    chapters = id3_chapters(scripted["mp3"])
    assert [(title, start) for _n, title, start in headings] == [(t, clock(s)) for t, s, _e in chapters]


def test_cue_start_times_are_the_captions(scripted) -> None:
    starts = re.findall(r"^\*\*`([\d:.]+)` (.+?)\*\*", scripted["md"], re.M)
    cue_times = {(clock(c.start), c.voice) for c in captions(scripted["vtt"])}
    assert len(starts) > 20
    for start, who in starts:
        assert (start, who.replace("\\", "")) in cue_times


def test_script_shows_spoken_text_voices_and_roles(scripted) -> None:
    md = scripted["md"]
    assert "二零二五年一月起，城东图书馆把三楼阅览室的开放时间延长到晚上十一点。" in md  # as spoken
    assert "*printed:* 2025年1月起" in md  # and as printed, where they differ
    assert "**`" in md and "· 独立游戏开发者 · `cmn+" in md  # speaker, role, voice
    assert "退休银行行长（化名）" in md  # a pseudonym is marked for the producer
    assert "| 行长 | háng zhǎng | 航长 |" in md  # the pronunciation table, with what is spoken
    assert "## Cast" in md and "| 旁白 narrator |" in md


def test_html_is_well_formed_and_complete(scripted) -> None:
    class Checker(HTMLParser):
        void = {"meta", "br", "img", "link"}

        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.cells = 0

        def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN202
            if tag not in self.void:
                self.stack.append(tag)
            self.cells += tag == "td"

        def handle_endtag(self, tag):  # noqa: ANN001, ANN202
            assert self.stack and self.stack.pop() == tag, tag

    checker = Checker()
    checker.feed(scripted["html"])
    assert checker.stack == []
    html = scripted["html"]
    assert html.count('<section id="ch') == 6
    assert "&lt;" not in html.split("<body>")[0]
    assert "我白天写代码" in html and "printed:" in html


def test_symbols_the_voice_does_not_read_reach_the_script(tmp_path) -> None:
    """Before: the printed line was left out where spoken and printed text had the same letters
    and digits, so a symbol the voice skips (an emoji, '㈱', a Kangxi radical '⼀') was in no line
    of the script. Each is looked for in the Markdown as written here."""
    from pipeline.reader import read_text
    from pipeline.build import prepare
    from tests.test_reader import VALID

    symbols = ["😀", "㈱", "⼀", "™"]
    doc = prepare(read_text(VALID.replace("回答一。", "回答一😀，㈱公司⼀字™。"), "t.md").document)
    markdown, _html = ScriptRenderer().build(doc, context(tmp_path / "out", Cache(tmp_path / "cache")))
    text = markdown.read_text(encoding="utf-8")
    assert [s for s in symbols if s not in text] == []
