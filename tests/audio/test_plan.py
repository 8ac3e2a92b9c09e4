"""The plan (who says what, with which pauses), the timeline laid out from it, the WebVTT
captions, and the voice list and cast sheet the CLI prints."""

from __future__ import annotations

import json
import re
import shutil

import numpy as np
import pytest

from pipeline.audio import voicelist
from pipeline.audio.captions import captions, vtt_time, webvtt
from pipeline.audio.castsheet import cast_rows, cast_sheet
from pipeline.audio.engine import Segment
from pipeline.audio.plan import make_plan
from pipeline.audio.timeline import BLOCK, MIN_TAIL, lay_out
from pipeline.errors import PublishError
from pipeline.model import Document
from pipeline.passes.casting import cast

RATE = 22050


@pytest.fixture(scope="module")
def plan(test_title: Document):
    return make_plan(test_title, cast(test_title, "espeak"))


def fake_segments(plan) -> tuple[list[str], dict[str, Segment]]:
    """One second of noise per sentence stands in for speech."""
    keys, segments = [], {}
    for number, cue in enumerate(plan.cues()):
        key = f"s{number}"
        samples = np.full(RATE * len(cue.spoken), 1000, dtype=np.int16)
        segments[key] = Segment(samples, RATE, tuple(float(i) for i in range(len(cue.spoken))))
        keys.append(key)
    return keys, segments


def test_plan_has_one_chapter_per_section_and_units_per_answer(plan, test_title: Document) -> None:
    assert [c.section_id for c in plan.chapters] == [s.id for s in test_title.sections]
    question = plan.chapters[1]
    assert len(question.units) == len(test_title.sections[1].answers)
    title, intro, *_ = question.units[0]
    assert (title.role, title.who, title.spoken) == ("host", "主持人", ("你为什么选在夜里来图书馆？",))
    assert (intro.role, intro.shown, intro.spoken) == ("host", ("老周：",), ("老周",))


def test_plan_pauses_by_structure(plan) -> None:
    pauses = plan.pauses
    for chapter in plan.chapters:
        assert chapter.cues[-1].pause == pauses.tail
    answer = plan.chapters[2].units[0]  # 何川: title, intro, four paragraphs
    assert [c.pause for c in answer] == [pauses.title, pauses.intro, pauses.paragraph, pauses.paragraph,
                                         pauses.paragraph, pauses.answer]
    assert answer[3].shown[0].startswith("（1）") and answer[3].spoken[0].startswith("第一，")


def test_plan_ends_with_the_credit_line(plan, test_title: Document) -> None:
    last = plan.cues()[-1]
    assert last.shown == (test_title.meta.credit,) and last.role == "narrator"


def test_timeline_chunks_are_whole_blocks_and_keep_pauses(plan) -> None:
    keys, segments = fake_segments(plan)
    timeline = lay_out(plan, keys, segments, RATE)
    assert len(timeline.chunks) == sum(len(c.units) for c in plan.chapters)
    at = 0
    for chunk in timeline.chunks:
        assert chunk.start == at and chunk.length % BLOCK == 0
        assert chunk.placements[0].start - chunk.start >= 0.1 * RATE - 1  # the MP3 lead fits in silence
        end = chunk.placements[-1].start + chunk.placements[-1].length
        assert chunk.start + chunk.length - end >= MIN_TAIL * RATE
        at += chunk.length
    assert at == timeline.length
    # between answers the pause is kept to within a fifth of a second of the plan's
    chunks = timeline.chapters[1].chunks
    gap = (chunks[1].placements[0].start - (chunks[0].placements[-1].start + chunks[0].placements[-1].length)) / RATE
    assert gap == pytest.approx(plan.pauses.answer, abs=BLOCK / RATE / 2 + 0.01)


def test_captions_follow_the_sentences(plan) -> None:
    """Without word timings (fake segments: one second per sentence) the captions still cover
    every printed sentence, in order, each inside its own sentence's second."""
    keys, segments = fake_segments(plan)
    timeline = lay_out(plan, keys, segments, RATE)
    cues = captions(timeline)
    printed = "".join(s for cue in plan.cues() for s in cue.shown)
    assert "".join("".join(c.lines) for c in cues).replace(" ", "") == printed.replace(" ", "")
    assert all(a.end <= b.start + 1e-9 for a, b in zip(cues, cues[1:]))
    placements = [p for span in timeline.chapters for p in span.placements]
    for placed in placements:
        start, end = placed.start / RATE, (placed.start + placed.length) / RATE
        inside = [c for c in cues if start - 0.8 <= c.start < end]
        assert inside and all(c.who == placed.cue.who for c in inside if c.start >= start)
    vtt = webvtt(timeline, "灯下夜读")
    assert vtt.startswith("WEBVTT\n") and "<v 老周>白天家里孙子闹，晚上这里安静。" in vtt
    assert "NOTE chapter 2: 你为什么选在夜里来图书馆？" in vtt


def test_vtt_time_format() -> None:
    assert vtt_time(3723.4567) == "01:02:03.457"


def test_cast_sheet_lists_both_engines(test_title: Document) -> None:
    rows, _casts = cast_rows(test_title)
    assert [r.part for r in rows[:2]] == ["narrator", "host"] and len(rows) == 2 + len(test_title.speakers)
    assert all(set(r.voices) == {"espeak", "edge"} for r in rows)
    lines = cast_sheet(test_title)
    text = "\n".join(lines)
    assert "espeak" in text and "edge" in text and "老周" in text and "(male, senior)" in text
    # prosody on the sheet: every speaker's pitch and rate, on both engines
    assert re.search(r"zh-\S+Neural +pitch +-?\+?\d+ Hz +rate +[-+]\d+ % +reads cmn .*老周", text)
    assert re.search(r"cmn\+\S+ +pitch +\d+ +rate \d+ wpm .*老周", text)


def test_voice_list_shows_both_tables() -> None:
    lines = voicelist.voice_lines()
    text = "\n".join(lines)
    assert "espeak" in text and "zh-CN-XiaoxiaoNeural" in text and "zh-HK-WanLungNeural" in text
    assert re.search(r"zh-HK-HiuMaanNeural .* reads yue", text) and re.search(r"liaoning-XiaobeiNeural .* reads cmn-liaoning", text)


def test_refresh_rewrites_the_edge_table_keeping_our_notes(tmp_path) -> None:
    table = tmp_path / "voices-edge.json"
    shutil.copy(voicelist.DATA_DIR / "voices-edge.json", table)
    listed = [
        {"ShortName": "zh-CN-XiaoxiaoNeural", "Locale": "zh-CN", "Gender": "Female",
         "VoiceTag": {"VoicePersonalities": ["Warm"]}},
        {"ShortName": "zh-CN-NewVoiceNeural", "Locale": "zh-CN", "Gender": "Male", "VoiceTag": {}},
        {"ShortName": "zh-CN-sichuan-YunxiNeural", "Locale": "zh-CN-sichuan", "Gender": "Male", "VoiceTag": {}},
        {"ShortName": "zh-HK-NewNeural", "Locale": "zh-HK", "Gender": "Female", "VoiceTag": {}},
        {"ShortName": "en-US-AriaNeural", "Locale": "en-US", "Gender": "Female", "VoiceTag": {}},
    ]

    async def fetch():  # noqa: ANN202
        return listed

    import datetime as dt

    assert voicelist.refresh_edge(table, fetch, dt.date(2026, 1, 2)) == 4
    data = json.loads(table.read_text(encoding="utf-8"))
    assert data["refreshed"] == "2026-01-02"
    by_name = {v["name"]: v for v in data["voices"]}
    assert by_name["zh-CN-XiaoxiaoNeural"]["cast"] is False  # our note kept: the host's voice
    assert by_name["zh-CN-NewVoiceNeural"]["family"] == "newvoice" and by_name["zh-CN-NewVoiceNeural"]["cast"]
    # what a new voice reads follows its locale: a dialect voice never reads Standard Mandarin
    assert [by_name[n]["reads"] for n in ("zh-CN-NewVoiceNeural", "zh-CN-sichuan-YunxiNeural", "zh-HK-NewNeural")] \
        == [["cmn"], ["cmn-sichuan"], ["yue"]]
    assert "en-US-AriaNeural" not in by_name


def test_refresh_offline_leaves_the_table_alone(tmp_path) -> None:
    table = tmp_path / "voices-edge.json"
    shutil.copy(voicelist.DATA_DIR / "voices-edge.json", table)
    before = table.read_bytes()

    async def fetch():  # noqa: ANN202
        raise OSError("Name or service not known")

    with pytest.raises(PublishError, match="table is unchanged"):
        voicelist.refresh_edge(table, fetch)
    assert table.read_bytes() == before


def test_a_role_is_said_once_a_chapter_unless_it_changes() -> None:
    """An interview's back-and-forth: the host says who answers each time, the role only at the
    speaker's first answer in a chapter or when it changed; each chapter introduces in full again."""
    from pipeline.reader import read_text

    source = """---
id: urn:uuid:00000000-0000-4000-8000-000000000002
title: 两代人
language: zh-Hans
authors: [记者甲]
outlet: 本报
date: 2025-01-02
description: 一个测试。
rights: © 2025
speakers:
  - id: he
    name: 何田田
    role: 本刊记者
  - id: shan
    name: 单晓梅
    role: 修复部主任
---

## 第一问

::: answer he
您修过最难的书是哪一本？
:::

::: answer shan
一部明代的残本。
:::

::: answer he
修了多久？
:::

::: answer shan role="退休修复师"
两年零三个月。
:::

## 第二问

::: answer he
还会再修吗？
:::
"""
    result = read_text(source, "t.md")
    assert result.document is not None, result.diagnostics
    doc = result.document
    plan = make_plan(doc, cast(doc, "espeak"))
    intros = [[cue for cue in chapter.cues if cue.role == "host" and cue.shown[0].endswith("：")]
              for chapter in plan.chapters if chapter.kind == "question"]
    assert [[cue.spoken for cue in chapter] for chapter in intros] == [
        [("本刊记者何田田",), ("修复部主任单晓梅",), ("何田田",), ("退休修复师单晓梅",)],
        [("本刊记者何田田",)]]
    # the printed label (captions, the script's "printed" column) keeps the role every time
    assert intros[0][2].shown == ("本刊记者何田田：",)
