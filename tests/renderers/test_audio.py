"""The audio edition, built offline and read back as a player would: chapters (count, titles,
start times that match the captions and the sound), loudness (-16 ±1 LUFS) and true peak,
every answer spoken in its cast voice, tags and cover; and the cache: an edit re-synthesises
only what changed, an interrupted build resumes."""

from __future__ import annotations


import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from pipeline.audio import segments as segment_store
from pipeline.audio.espeak import EspeakEngine
from pipeline.audio.master import NAMESPACE as CHUNKS
from pipeline.audio.programme import produce
from pipeline.cache import Cache
from pipeline.model import Document
from pipeline.renderers.audio import AudioRenderer
from tests.renderers.audiotools import captions, context, decode, edited, id3_chapters, rms_db


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


def test_every_answer_is_spoken_in_its_cast_voice(built, test_title: Document) -> None:
    programme = built["programme"]
    cast = programme.plan.cast
    cues = captions(built["paths"][2])
    for section in test_title.chapters:
        for answer in section.answers:
            spoken = [c for c in programme.plan.cues() if c.answer_id == answer.id and c.role == "speaker"]
            assert spoken, answer.id
            for cue in spoken:
                assert cue.voice == cast.voice(answer.speaker.id)
                key = segment_store.segment_key(programme.engine, cue)
                assert built["cache"].get(segment_store.NAMESPACE, key) is not None
            first_sentence = spoken[0].shown[0]
            assert any(c.voice == answer.speaker.name and c.text == first_sentence for c in cues), answer.id
            assert any(c.voice == "主持人" and c.text == f"{answer.label}：" for c in cues)


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
    chunks_before = sum(1 for _ in (cache.root / CHUNKS).rglob("*") if _.is_file())
    log: list[str] = []
    doc = edited(test_title, "q2-2", "欢迎大家来报名。")
    AudioRenderer().build(doc, context(built["root"] / "edit", cache, log))
    assert "1 segment(s) synthesised" in log[-1], log
    chunks_after = sum(1 for _ in (cache.root / CHUNKS).rglob("*") if _.is_file())
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


@pytest.mark.slow
def test_first_title_full_length_offline(tmp_path, first_title: Document) -> None:
    """The first title's whole audio offline, read back like the test title's, and a
    one-answer edit that resynthesises one segment (speed is benchmarks/run.py's job)."""
    cache = Cache(tmp_path / "cache")
    log: list[str] = []
    mp3, m4b, vtt = AudioRenderer().build(first_title, context(tmp_path / "out", cache, log))
    x, rate = decode(mp3)
    assert len(x) / rate > 25 * 60  # full length: every paragraph and answer is in it
    assert pyloudnorm.Meter(rate).integrated_loudness(x) == pytest.approx(-16.0, abs=1.0)
    chapters = id3_chapters(mp3)
    assert len(chapters) == 14
    cues = captions(vtt)
    voices = {c.voice for c in cues}
    assert {s.name for s in first_title.speakers} <= voices
    AudioRenderer().build(edited(first_title, "q4-5", "真的。"), context(tmp_path / "out", cache, log))
    assert "1 segment(s) synthesised" in log[-1]
