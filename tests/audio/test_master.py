"""Joining separately encoded chunks: every MP3 and AAC chunk decodes to exactly its length,
aligned, so the joined files keep the timeline's times; lameenc's own scaling is undone."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest

from pipeline.audio import master
from pipeline.audio.timeline import BLOCK


def chunk(rate: int, blocks: int, seed: int) -> np.ndarray:
    """A tone burst in silence, as a chunk is: quiet at both ends."""
    x = np.zeros(blocks * BLOCK)
    t = np.arange(len(x) - 8000) / rate
    x[4000:-4000] = 0.4 * np.sin(2 * np.pi * (220 + 40 * seed) * t)
    return np.round(x * 32767).astype(np.int16)


@pytest.mark.parametrize("rate", [22050, 24000])
@pytest.mark.parametrize("blocks", [2, 3, 7])
def test_mp3_chunk_decodes_to_exactly_its_length_and_aligned(rate: int, blocks: int) -> None:
    pcm = chunk(rate, blocks, 0)
    data = master.encode_mp3(pcm, rate)
    assert master.count_mp3_frames(data) * master.MP3_FRAME == len(pcm)
    decoded = master.decode_mp3(data)
    assert len(decoded) == len(pcm)
    reference = pcm / 32768
    assert np.corrcoef(decoded[5000:-5000], reference[5000:-5000])[0, 1] > 0.99
    level = 20 * np.log10(np.sqrt(np.mean(decoded[5000:-5000] ** 2)) / np.sqrt(np.mean(reference[5000:-5000] ** 2)))
    assert abs(level) < 0.1  # lameenc's 0.95 scaling is compensated


def test_joined_mp3_chunks_keep_every_chunk_in_place() -> None:
    rate = 22050
    pcms = [chunk(rate, n, n) for n in (2, 5, 3)]
    joined = master.decode_mp3(b"".join(master.encode_mp3(p, rate) for p in pcms))
    assert len(joined) == sum(len(p) for p in pcms)
    at = 0
    for pcm in pcms:
        part = joined[at : at + len(pcm)]
        assert np.corrcoef(part[5000:-5000], pcm[5000:-5000] / 32768)[0, 1] > 0.99
        at += len(pcm)


def test_aac_chunks_remux_into_one_audiobook(tmp_path) -> None:
    from pipeline.audio.master import EncodedChunk
    from pipeline.audio.plan import Chapter
    from pipeline.audio.timeline import ChapterSpan, Chunk, Timeline

    rate = 22050
    pcms = [chunk(rate, n, n) for n in (2, 4)]
    chunks = [EncodedChunk(mp3=b"", aac=master.encode_aac(p, rate), powers=np.zeros(0), peak=0.0, loudness=-16.0)
              for p in pcms]
    spans, at = [], 0
    for number, pcm in enumerate(pcms):
        spans.append(ChapterSpan(Chapter(f"c{number}", "question", f"第{number}章", ()), at, len(pcm),
                                 (Chunk(at, len(pcm), ()),)))
        at += len(pcm)
    timeline = Timeline(sample_rate=rate, chapters=tuple(spans))
    path = tmp_path / "t.m4b"
    master.write_m4b(path, chunks, timeline, lambda p: None)
    with av.open(str(path)) as container:
        decoded = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
        chapters = container.chapters()
    assert len(decoded) == at
    assert [c["metadata"]["title"] for c in chapters] == ["第0章", "第1章"]
    second = decoded[len(pcms[0]) :]
    assert np.corrcoef(second[5000:-5000], pcms[1][5000:-5000] / 32768)[0, 1] > 0.99


def test_mp3_frame_counter_rejects_other_streams() -> None:
    with pytest.raises(ValueError):
        master.count_mp3_frames(b"ID3\x04\x00" + bytes(100))


def test_encoded_chunk_round_trips() -> None:
    item = master.EncodedChunk(mp3=b"abc", aac=b"defg", powers=np.array([0.1, 0.2]), peak=0.5, loudness=-16.0)
    again = master.EncodedChunk.from_bytes(item.to_bytes())
    assert (again.mp3, again.aac, again.peak, again.loudness) == (b"abc", b"defg", 0.5, -16.0)
    assert np.array_equal(again.powers, item.powers)


def test_decoders_agree_on_our_mp3() -> None:
    """PyAV's decoder is what players use (FFmpeg); the frame count is format-level."""
    pcm = chunk(22050, 2, 1)
    data = master.encode_mp3(pcm, 22050)
    with av.open(io.BytesIO(data)) as container:
        assert container.streams.audio[0].sample_rate == 22050


def test_a_long_chapter_title_is_cut_at_a_character(tmp_path) -> None:
    """Before: a chapter title over 255 bytes (86 Chinese characters) was cut by the muxer inside a
    character, and mutagen refused the file when it tagged it: the audio edition failed. Read back
    with mutagen (as `tag_m4b` reads it) and PyAV; the cut written by hand."""
    from mutagen.mp4 import MP4

    from pipeline.audio.master import EncodedChunk
    from pipeline.audio.plan import Chapter
    from pipeline.audio.timeline import ChapterSpan, Chunk, Timeline

    rate = 22050
    pcm = chunk(rate, 2, 1)
    long_title = "问" * 86 + "？"  # 261 bytes
    chunks = [EncodedChunk(mp3=b"", aac=master.encode_aac(pcm, rate), powers=np.zeros(0), peak=0.0, loudness=-16.0)]
    spans = (ChapterSpan(Chapter("q1", "question", long_title, ()), 0, len(pcm), (Chunk(0, len(pcm), ()),)),)
    path = tmp_path / "t.m4b"
    master.write_m4b(path, chunks, Timeline(sample_rate=rate, chapters=spans), lambda p: MP4(p).save())
    expected = "问" * 84 + "…"  # 252 bytes of whole characters, then the ellipsis: 255
    assert [c.title for c in MP4(path).chapters] == [expected]
    with av.open(str(path)) as container:
        assert [c["metadata"]["title"] for c in container.chapters()] == [expected]


@pytest.mark.parametrize(("title", "cut"), [("短", "短"), ("a" * 255, "a" * 255), ("a" * 256, "a" * 252 + "…"),
                                            ("ab" + "问" * 90, "ab" + "问" * 83 + "…")], ids=["short", "255", "256", "mixed"])
def test_chapter_title_keeps_whole_characters(title: str, cut: str) -> None:
    assert master.chapter_title(title) == cut
