"""The audio edition, built offline and read back as a player would: chapters (count, titles,
start times that match the captions and the sound), loudness (-16 ±1 LUFS) and true peak,
every answer spoken in its cast voice, tags and cover; and the cache: an edit re-synthesises
only what changed, an interrupted build resumes."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from pipeline.audio import espeak
from pipeline.audio.engine import Request, VoiceSpec
from pipeline.audio.espeak import EspeakEngine, speak
from pipeline.audio.master import NAMESPACE as CHUNKS
from pipeline.audio.programme import produce
from pipeline.cache import Cache
from pipeline.model import Document, Paragraph
from pipeline.renderers.audio import AudioRenderer
from tests.audio.acoustics import Voiceprint
from tests.renderers.audiotools import captions, context, decode, edited, id3_chapters, rms_db, vtt_cues, voice_runs


@pytest.fixture(scope="module")
def built(tmp_path_factory, test_title: Document):
    root = tmp_path_factory.mktemp("audio")
    cache = Cache(root / "cache")
    log: list[str] = []
    ctx = context(root / "out", cache, log)
    paths = AudioRenderer().build(test_title, ctx)
    programme = produce(test_title, ctx)  # everything cached now: the same timeline, instantly
    return {"paths": paths, "ctx": ctx, "cache": cache, "log": log, "programme": programme, "root": root}


def test_outputs(built, test_title: Document) -> None:
    names = [p.name for p in built["paths"]]
    assert names == ["night-library.mp3", "night-library.m4b", "night-library.vtt"]
    assert AudioRenderer().outputs(test_title, built["ctx"]) == built["paths"]
    assert all(p.stat().st_size > 1000 for p in built["paths"])
    assert built["programme"].engine.name == "espeak"


@pytest.mark.parametrize("suffix", ["mp3", "m4b"])
def test_loudness_and_true_peak(built, suffix: str) -> None:
    x, rate = decode(built["paths"][0].with_suffix(f".{suffix}"))
    assert pyloudnorm.Meter(rate).integrated_loudness(x) == pytest.approx(-16.0, abs=1.0)
    true_peak = 20 * np.log10(np.abs(signal.resample_poly(x, 4, 1)).max())
    assert true_peak <= -1.0


def test_duration_is_the_timelines_in_both_files(built) -> None:
    timeline = built["programme"].timeline
    for suffix in ("mp3", "m4b"):
        x, rate = decode(built["paths"][0].with_suffix(f".{suffix}"))
        assert rate == timeline.sample_rate
        assert len(x) == timeline.length
    assert 60 < timeline.duration < 600


def test_chapters_are_the_sections_and_start_where_the_captions_do(built, test_title: Document) -> None:
    chapters = id3_chapters(built["paths"][0])
    shown = [s.title or {"article": test_title.meta.title, "note": "编者注"}[s.kind] for s in test_title.sections]
    assert [title for title, _start, _end in chapters] == shown
    cues = captions(built["paths"][2])
    for number, (title, start, end) in enumerate(chapters):
        inside = [c for c in cues if start <= c.start < end]
        assert inside, title
        assert 0 < inside[0].start - start < 1.0  # the chapter's lead-in, then its first words
        assert inside[-1].end <= end + 0.001
        if number:
            assert chapters[number - 1][2] == pytest.approx(start, abs=0.001)  # no gaps, no overlaps


def test_m4b_chapters_match_the_mp3s(built) -> None:
    import av

    with av.open(str(built["paths"][1])) as container:
        m4b = [(c["metadata"]["title"], c["start"] * c["time_base"]) for c in container.chapters()]
    mp3 = id3_chapters(built["paths"][0])
    assert [t for t, _ in m4b] == [t for t, _s, _e in mp3]
    for (_t, a), (_u, b, _e) in zip(m4b, mp3):
        assert float(a) == pytest.approx(b, abs=0.002)


def test_captions_match_the_sound(built) -> None:
    x, rate = decode(built["paths"][0])
    cues = captions(built["paths"][2])
    assert cues == sorted(cues, key=lambda c: c.start)
    for cue in cues:
        speech = x[int(cue.start * rate) : int(cue.end * rate)]
        assert rms_db(speech) > -40, cue.text  # there is speech where a caption is shown
    for before, after in zip(cues, cues[1:]):
        gap = x[int(before.end * rate) + 600 : int(after.start * rate) - 600]
        if len(gap) > rate // 10:
            assert rms_db(gap) < -45  # and silence between cues


REFERENCE = ("夜里的图书馆很安静，我常常坐在窗边读书。", "读完一本小说，再借两本带回家。")


def voiceprints_by_voice(mp3: Path, vtt: Path) -> dict[str, Voiceprint]:
    """Each voice of the captions measured on everything it says in the built MP3."""
    x, rate = decode(mp3)
    pieces: dict[str, list[np.ndarray]] = {}
    for who, start, end in voice_runs(vtt):
        pieces.setdefault(who, []).append(x[int(start * rate) : int(end * rate)])
    return {who: Voiceprint.of(np.concatenate(parts), rate) for who, parts in pieces.items()}


def test_every_speaker_is_heard_in_their_cast_voice(built, test_title: Document) -> None:
    """Acoustics, not plans: each voice heard in the MP3 (where the captions say it speaks) is
    nearer in pitch and timbre to a reference rendered directly with its cast voice than to the
    reference of any other part of the cast."""
    cast = built["programme"].plan.cast
    parts = {"旁白": cast.narrator, "主持人": cast.host} | {s.name: cast.voice(s.id) for s in test_title.speakers}
    references = {}
    for who, voice in parts.items():
        segment = speak(Request("reference", voice, REFERENCE))
        references[who] = Voiceprint.of(segment.samples, segment.sample_rate)
    heard = voiceprints_by_voice(built["paths"][0], built["paths"][2])
    assert set(heard) == set(parts)
    for who, print_ in heard.items():
        distances = {other: print_.distance(ref) for other, ref in references.items()}
        nearest = min(distances, key=distances.get)
        assert nearest == who, (who, parts[who].describe(), sorted(distances.items(), key=lambda kv: kv[1])[:3])


def test_consecutive_speakers_differ_measurably(built, test_title: Document) -> None:
    """Answers in a row by different speakers are told apart by the ear's proxies: their
    voiceprints lie further apart than one voice's own on two different texts (≤ 2.4, measured
    on every eSpeak variant, tests/audio/acoustics.py)."""
    x, rate = decode(built["paths"][0])
    names = {s.name for s in test_title.speakers}
    answers = [(who, x[int(a * rate) : int(b * rate)]) for who, a, b in voice_runs(built["paths"][2]) if who in names]
    prints = [(who, Voiceprint.of(audio, rate)) for who, audio in answers if len(audio) > rate]
    pairs = [(a, b) for a, b in zip(prints, prints[1:]) if a[0] != b[0]]
    assert len(pairs) >= 3
    for (who_a, a), (who_b, b) in pairs:
        assert a.distance(b) > 3.0, (who_a, who_b, a.distance(b))


def test_the_engine_is_handed_each_parts_cast_voice(tmp_path, test_title: Document, monkeypatch) -> None:
    """A double around the real libespeak-ng records the voice, pitch and rate set before each
    text is synthesised; every paragraph of the title reaches it in its part's cast voice."""
    driver = espeak.driver()
    recorder = RecordingLibrary(driver.lib)
    monkeypatch.setattr(driver, "lib", recorder)
    programme = produce(test_title, context(tmp_path / "out", Cache(tmp_path / "cache")))  # in this process
    cast = programme.plan.cast
    assert recorder.spoken, "nothing reached the engine"
    expected: list[tuple[str, VoiceSpec]] = []
    for section in test_title.sections:
        voice = cast.narrator if section.kind in ("article", "note", "references") else cast.host
        expected += [(run, voice) for p in section.paragraphs for run in han_runs(p, plain=True)]
        for answer in section.answers:
            expected += [(run, cast.voice(answer.speaker.id)) for p in answer.paragraphs for run in han_runs(p)]
            expected += [(run, cast.host) for p in answer.paragraphs for run in han_runs(p, asides=True)]
    assert len(expected) > 10
    for run, voice in expected:
        heard = [(name, pitch, rate) for text, name, pitch, rate in recorder.spoken if run in text]
        assert heard, run
        assert all(h == (voice.engine_voice, voice.pitch, voice.rate) for h in heard), (run, heard, voice)


def han_runs(paragraph: Paragraph, *, plain: bool = False, asides: bool = False) -> list[str]:
    """The first run of 4+ Chinese characters of each span of the paragraph (asides or not),
    which speech rules leave alone and the engine must receive as they are."""
    runs = []
    for span in paragraph.spans:
        if (span.style == "aside") != asides or (plain and span.style == "aside"):
            continue
        found = re.search(r"[\u4e00-\u9fff]{4,}", span.text)
        if found and not any(word in found[0] for word in test_pronounced):
            runs.append(found[0][:4])
    return runs


test_pronounced = ("行长",)  # respelt for the ear (the title's pronunciation table)


class RecordingLibrary:
    """libespeak-ng as loaded, with the calls that choose the voice and speak recorded."""

    def __init__(self, lib) -> None:  # noqa: ANN001
        self._lib = lib
        self.voice = ""
        self.parameters: dict[int, int] = {}
        self.spoken: list[tuple[str, str, int, int]] = []  # (text, voice, pitch, rate)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._lib, name)

    def espeak_SetVoiceByName(self, name: bytes) -> int:  # noqa: N802 - the C name
        self.voice = name.decode()
        return self._lib.espeak_SetVoiceByName(name)

    def espeak_SetParameter(self, parameter: int, value: int, relative: int) -> int:  # noqa: N802
        self.parameters[parameter] = value
        return self._lib.espeak_SetParameter(parameter, value, relative)

    def espeak_Synth(self, data: bytes, *args) -> int:  # noqa: N802, ANN002
        self.spoken.append((data.decode("utf-8"), self.voice, self.parameters.get(3, -1), self.parameters.get(1, -1)))
        return self._lib.espeak_Synth(data, *args)


CLOSING = set("，。、；：！？）」』》”…")


def test_captions_keep_the_timed_text_rules(built) -> None:
    assert_caption_rules(built["paths"][2])


def assert_caption_rules(vtt: Path) -> None:
    """Read by webvtt-py: every cue at most 2 lines of 16 characters, 0.8–7 s on screen, no
    line starting with closing punctuation, a voice on every cue, no overlaps."""
    cues = vtt_cues(vtt)
    assert len(cues) > 30
    for start, end, voice, text in cues:
        lines = text.split("\n")
        assert 1 <= len(lines) <= 2 and all(0 < len(line) <= 16 for line in lines), text
        assert all(line[0] not in CLOSING for line in lines), text
        assert 0.8 - 0.0015 <= end - start <= 7.0 + 0.0015, (text, end - start)
        assert voice, text
    assert all(a[1] <= b[0] for a, b in zip(cues, cues[1:]))


def test_captions_start_where_the_engine_said_the_words_start(built) -> None:
    """A cue that follows its own voice's cue after a comma or full stop starts where that
    voice resumes after the pause it takes there: silence just before, speech just after.
    (Timing by share of characters instead misses most of them: measured 5 of 12.)"""
    x, rate = decode(built["paths"][0])
    cues = vtt_cues(built["paths"][2])
    checked = 0
    for before, after in zip(cues, cues[1:]):
        if before[2] != after[2] or abs(before[1] - after[0]) > 0.002 or before[3][-1] not in "，。！？；：、":
            continue
        start = after[0]
        assert rms_db(x[int((start - 0.08) * rate) : int(start * rate)]) < -40, after[3]
        assert max(rms_db(x[int((start + k) * rate) : int((start + k + 0.05) * rate)])
                   for k in (0.0, 0.05, 0.1, 0.15, 0.2)) > -30, after[3]
        checked += 1
    assert checked >= 8


def test_captions_lose_no_text_and_break_no_word(built, test_title: Document) -> None:
    """The cues, joined, are every printed sentence of the plan, and hold every paragraph of the
    title in order; each answer's words under its speaker's name; no break splits a word (jieba
    run over each voice's whole stretch, a Latin word, a number)."""
    import jieba

    cues = vtt_cues(built["paths"][2])
    stream = "".join(text.replace("\n", "") for _s, _e, _v, text in cues).replace(" ", "")
    printed = "".join(s for cue in built["programme"].plan.cues() for s in cue.shown).replace(" ", "")
    assert stream == printed
    at = 0
    for section in test_title.sections:
        for paragraph in [*section.paragraphs, *(p for a in section.answers for p in a.paragraphs)]:
            text = "".join(span.text for span in paragraph.spans).replace(" ", "")
            found = stream.find(text, at)
            assert found >= 0, text
            at = found + len(text)
        for answer in section.answers:
            said = "".join(t.replace("\n", "") for _s, _e, v, t in cues if v == answer.speaker.name).replace(" ", "")
            for paragraph in answer.paragraphs:
                for span in paragraph.spans:
                    if span.style != "aside":
                        assert span.text.replace(" ", "") in said, span.text
    for voice, start, end in voice_runs(built["paths"][2], gap=0.0):
        lines = [line for s, e, v, t in cues if start <= s < end for line in t.split("\n")]
        text, breaks = lines[0], []
        for line in lines[1:]:
            if text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum():
                text += " "  # Latin words broken at the space between them (which the line drops)
            breaks.append(len(text))
            text += line
        words, offset = set(), 0
        for token in jieba.lcut(text):
            offset += len(token)
            words.add(offset)
        for at in breaks:
            assert at in words, (voice, text[:at], text[at:])
            assert text[at - 1] == " " or not (text[at - 1].isascii() and text[at].isascii()), text


def test_asides_are_read_by_the_host(built) -> None:
    cues = captions(built["paths"][2])
    assert any(c.voice == "主持人" and c.text == "（笑）" for c in cues)


def test_tags_and_cover(built) -> None:
    from mutagen.id3 import ID3
    from mutagen.mp4 import MP4

    tags = ID3(built["paths"][0])
    assert str(tags["TIT2"]) == "灯下夜读：城东图书馆夜间阅览室的四位常客"
    assert str(tags["TPE1"]) == "林小满" and str(tags["TALB"]) == "城东周报"
    assert tags.getall("APIC")[0].data.startswith(b"\x89PNG")
    book = MP4(built["paths"][1])
    assert book["©nam"] == ["灯下夜读：城东图书馆夜间阅览室的四位常客"] and book["stik"] == [2]
    assert bytes(book["covr"][0]).startswith(b"\x89PNG")


def test_rebuild_after_one_edit_resynthesises_only_that_answer(built, test_title: Document) -> None:
    cache = built["cache"]
    chunks_before = sum(1 for _ in (cache.root / CHUNKS).rglob("*") if _.is_file() and _.suffix != ".sum")
    log: list[str] = []
    doc = edited(test_title, "q2-2", "欢迎大家来报名。")
    AudioRenderer().build(doc, context(built["root"] / "edit", cache, log))
    assert "1 segment(s) synthesised" in log[-1], log
    chunks_after = sum(1 for _ in (cache.root / CHUNKS).rglob("*") if _.is_file() and _.suffix != ".sum")
    assert chunks_after == chunks_before + 1  # one answer's chunk re-encoded, every other reused


def test_an_interrupted_build_resumes(tmp_path, test_title: Document, monkeypatch) -> None:
    cache = Cache(tmp_path / "cache")
    real = EspeakEngine.synthesise

    def interrupted(self, requests, done):  # noqa: ANN001, ANN202
        def stop_after_five(request, segment):  # noqa: ANN001, ANN202
            done(request, segment)
            if stop_after_five.count == 4:
                raise KeyboardInterrupt
            stop_after_five.count += 1

        stop_after_five.count = 0
        real(self, requests, stop_after_five)

    monkeypatch.setattr(EspeakEngine, "synthesise", interrupted)
    with pytest.raises(KeyboardInterrupt):
        produce(test_title, context(tmp_path / "out", cache))
    monkeypatch.setattr(EspeakEngine, "synthesise", real)
    programme = produce(test_title, context(tmp_path / "out", cache))
    assert programme.synthesised == len(programme.segments) - 5


# (The first title's whole audio, offline, is read back in tests/test_end_to_end.py, from the
# `publish all` build made there: synthesising it twice cost about 80 s a run.)
