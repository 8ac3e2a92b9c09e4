"""What the voice cannot read as printed, end to end on a cold `publish all`: signed numbers and
ranges reach the script (and so the voice) as a newsreader says them; an answer of emoji only
keeps its caption under the speaker's name over a short silence; the audio edition's message
says that the script of the same build made its segments (before: '0 segment(s) synthesised')."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.conftest import TEST_TITLE
from tests.renderers.audiotools import decode, vtt_cues
from tests.test_cli import publish

BODY = """
本周气温-5℃，夜里最低−12°C，降幅在3～5度之间。2020-2024年的记录发布于2024-03-01。

## 你怎么过冬？

::: answer laozhou
🥶🧣🧤
:::

::: answer chengyifan
😂。我同意，多穿点。
:::

::: answer suwen
利润－5亿元，增长10%-20%。
:::
"""


def title() -> str:
    text = TEST_TITLE.read_text(encoding="utf-8")
    head = text[: text.index("\n---\n", 4) + 5]
    head = re.sub(r"^slug: \S+$", "slug: cold-snap", head, flags=re.M)
    head = re.sub(r"^title: .+$", "title: 寒潮来了", head, flags=re.M)
    return head + BODY


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("unsaid")
    (root / "cold-snap.md").write_text(title(), encoding="utf-8")
    result = publish("all", "cold-snap.md", "--engine", "espeak", "-j", "1", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "output", result.stdout + result.stderr


@pytest.mark.slow
def test_signed_numbers_and_ranges_reach_the_script_as_spoken(built) -> None:
    out, _log = built
    script = (out / "cold-snap-script.md").read_text(encoding="utf-8")
    for spoken in ("气温零下五摄氏度", "最低零下十二摄氏度", "降幅在三到五度之间", "二零二零到二零二四年的记录",
                   "发布于二零二四年三月一日", "利润负五亿元", "增长百分之十到百分之二十"):
        assert spoken in script
    assert "-五" not in script and "−" not in script.split("*printed:*")[0]


@pytest.mark.slow
def test_an_answer_of_emoji_only_keeps_its_caption_over_silence(built) -> None:
    out, _log = built
    cues = vtt_cues(out / "cold-snap.vtt")
    emoji = [c for c in cues if "🥶" in c[3]]
    assert len(emoji) == 1
    start, end, voice, text = emoji[0]
    assert voice == "老周" and text == "🥶🧣🧤"
    assert end - start >= 0.8
    before = [c for c in cues if c[1] <= start]
    assert before[-1][2] == "主持人" and before[-1][3] == "老周："  # the host says whose answer it is
    samples, rate = decode(out / "cold-snap.mp3")
    quiet = samples[int((start + 0.1) * rate): int((end - 0.1) * rate)]
    assert np.sqrt(np.mean(quiet**2)) < 1e-3  # a short pause, not noise read from the marks
    # an emoji before a sentence that is said stays in that sentence's caption
    assert any(c[2] == "程一帆" and c[3].startswith("😂。我同意") for c in cues)
    script = (out / "cold-snap-script.md").read_text(encoding="utf-8")
    assert "*printed:* 🥶🧣🧤" in script and "(silence" in script


@pytest.mark.slow
def test_the_audio_says_the_script_of_this_build_made_its_segments(built) -> None:
    _out, log = built
    script = re.search(r"script: espeak, \d+ cues timed, (\d+) segment\(s\) synthesised", log)
    audio = re.search(r"audio: espeak, .*?(\d+) segment\(s\) synthesised, (\d+) reused from this build's script, "
                      r"(\d+) cached from earlier builds", log)
    assert script and audio, log
    made = int(script[1])
    assert made > 5
    assert (int(audio[1]), int(audio[2]), int(audio[3])) == (0, made, 0)
