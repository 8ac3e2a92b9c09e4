"""From segments to finished files: each chunk (one unit of the plan: an answer, a paragraph)
levelled, limited and encoded on its own, cached and in parallel, then the chunks joined into
the MP3 and the M4B without re-encoding.

Levels: every segment is first brought to the target loudness on its own, so that quiet and
loud voices (eSpeak's variants differ by 20 dB) sound equally near; then each chunk is brought
to -16 LUFS with true peaks under the ceiling (loudness.master), and its MP3 is decoded to check
the true peak a player will meet (≤ -1 dBTP). Every chunk at -16 LUFS makes the programme
-16 LUFS.

Joining: MP3 frames carry no state across chunks (each chunk is its own LAME stream) and are
simply concatenated. LAME delays its output by 1105 samples (576 encoder + 529 decoder) and
pads the end, so a chunk is encoded from its 1105th sample and stopped 576 samples short: it
then decodes to exactly its own length, aligned (the cuts lie in the chunk's leading and
trailing silence). AAC chunks are remuxed packet by packet; each chunk's priming packet is
dropped after the first, so it too decodes to exactly its length.
"""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import numpy as np

from pipeline.audio import loudness
from pipeline.audio.engine import Segment
from pipeline.audio.timeline import BLOCK, Timeline
from pipeline.cache import Cache, key
from pipeline.errors import PublishError
from pipeline.fsutil import Together, atomic_path

MASTER_VERSION = "1"
NAMESPACE = "audio-chunks"
MP3_KBPS = 64
LAME_QUALITY = 7  # 2 best … 7 fast: 3× quicker than 5, and speech at 64 kbit/s does not need more
AAC_KBPS = 64
MP3_FRAME = 576  # samples per MPEG-2 Layer III frame (22.05 and 24 kHz)
MP3_LEAD = 576 + 529  # LAME's encoder delay + the decoder's delay
LAMEENC_SCALE = 0.95  # lameenc scales its input by this (−0.45 dB); the input is scaled back up
TRUE_PEAK_LIMIT_DB = -1.0  # what the files must meet, checked on the decoded MP3
SAMPLE_RATES = (22050, 24000)


@dataclass(frozen=True)
class ChunkJob:
    key: str
    sample_rate: int
    length: int
    pieces: tuple[tuple[int, str], ...]  # (offset in the chunk, segment key)
    segments: tuple[bytes, ...] = ()  # the segments' bytes, filled in only for jobs to run


@dataclass(frozen=True)
class EncodedChunk:
    mp3: bytes
    aac: bytes  # an MP4 (ipod) file holding the chunk's AAC packets
    powers: np.ndarray  # BS.1770 block powers, for the programme's loudness
    peak: float  # true peak (linear) of the decoded MP3: what a player meets
    loudness: float

    def to_bytes(self) -> bytes:
        header = json.dumps({"mp3": len(self.mp3), "aac": len(self.aac), "powers": len(self.powers),
                             "peak": self.peak, "loudness": self.loudness}).encode()
        return b"CHP1" + struct.pack("<I", len(header)) + header + self.mp3 + self.aac + \
            self.powers.astype("<f8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> EncodedChunk:
        if data[:4] != b"CHP1":
            raise ValueError("not an encoded chunk")
        (size,) = struct.unpack("<I", data[4:8])
        head = json.loads(data[8 : 8 + size])
        at = 8 + size
        mp3 = data[at : at + head["mp3"]]
        at += head["mp3"]
        aac = data[at : at + head["aac"]]
        at += head["aac"]
        powers = np.frombuffer(data[at : at + 8 * head["powers"]], dtype="<f8").copy()
        return cls(mp3=mp3, aac=aac, powers=powers, peak=head["peak"], loudness=head["loudness"])


def chunk_jobs(timeline: Timeline, segments: dict[str, Segment]) -> list[ChunkJob]:
    """One job per chunk, keyed by its recipe (segments and where they sit), not its bytes."""
    jobs = []
    for chunk in timeline.chunks:
        pieces = tuple((p.start - chunk.start, p.segment_key) for p in chunk.placements)
        recipe = [timeline.sample_rate, chunk.length, [list(piece) for piece in pieces]]
        digest = key("chunk", MASTER_VERSION, recipe, loudness.TARGET_LUFS, loudness.CEILING_DBTP, MP3_KBPS,
                     LAME_QUALITY, AAC_KBPS)
        jobs.append(ChunkJob(key=digest, sample_rate=timeline.sample_rate, length=chunk.length, pieces=pieces))
    return jobs


def render(job: ChunkJob) -> tuple[np.ndarray, np.ndarray]:
    """The chunk as float samples, each segment levelled to the target with silence between,
    and the same K-weighted (segments are filtered one by one: the filter is linear and its
    tail dies out in the silence between them)."""
    out = np.zeros(job.length, dtype=np.float64)
    weighted = np.zeros(job.length, dtype=np.float64)
    rate = job.sample_rate
    for (offset, _key), data in zip(job.pieces, job.segments, strict=True):
        x = Segment.from_bytes(data).samples.astype(np.float64) / 32768
        kx = loudness.k_weighted(x, rate)
        gain = 10 ** (loudness.gain_for(loudness.weighted_loudness(kx, rate)) / 20)
        out[offset : offset + len(x)] = x * gain
        weighted[offset : offset + len(x)] = kx * gain
    return out, weighted


def encode_chunk(job: ChunkJob) -> bytes:
    """Level, limit and encode one chunk (runs in a worker process)."""
    if job.sample_rate not in SAMPLE_RATES or job.length % BLOCK:
        raise PublishError(f"cannot encode a chunk of {job.length} samples at {job.sample_rate} Hz")
    rendered, weighted = render(job)
    signal, level, powers = loudness.master(rendered, job.sample_rate, weighted=weighted)
    pcm = np.clip(np.round(signal * 32767), -32768, 32767).astype(np.int16)
    mp3 = encode_mp3(pcm, job.sample_rate)
    limit = 10 ** ((TRUE_PEAK_LIMIT_DB - 0.1) / 20)
    peak = loudness.true_peak(decode_mp3(mp3), limit)
    if peak > limit:  # the codec's overshoot went past the limit: a little quieter, once more
        signal = signal * (limit / peak)
        level -= loudness.to_db(peak / limit)
        powers = powers * (limit / peak) ** 2
        pcm = np.clip(np.round(signal * 32767), -32768, 32767).astype(np.int16)
        mp3 = encode_mp3(pcm, job.sample_rate)
        peak = loudness.true_peak(decode_mp3(mp3), limit)
    aac = encode_aac(pcm, job.sample_rate)
    return EncodedChunk(mp3=mp3, aac=aac, powers=powers, peak=peak, loudness=level).to_bytes()


def encode_mp3(pcm: np.ndarray, sample_rate: int) -> bytes:
    """The chunk as LAME frames that decode to exactly len(pcm) samples, aligned."""
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_KBPS)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(LAME_QUALITY)
    body = np.clip(np.round(pcm[MP3_LEAD : len(pcm) - MP3_FRAME] / LAMEENC_SCALE), -32768, 32767).astype(np.int16)
    data = bytes(encoder.encode(body.tobytes()) + encoder.flush())
    frames = count_mp3_frames(data)
    if frames * MP3_FRAME != len(pcm):
        raise PublishError(f"lameenc wrote {frames} frames where {len(pcm) // MP3_FRAME} were expected; "
                           f"this lameenc version pads differently: pin lameenc 1.x")
    return data


def _av():  # noqa: ANN202 - the module
    """PyAV (FFmpeg in a wheel), or a message saying how to get it."""
    try:
        import av
    except ImportError:
        raise PublishError("the audio edition needs PyAV for the M4B and for checking the MP3: "
                           "run 'pip install av'") from None
    return av


def decode_mp3(data: bytes) -> np.ndarray:
    """An MP3 decoded to float samples (PyAV), to check what a player will hear."""
    av = _av()

    with av.open(io.BytesIO(data), format="mp3") as container:  # mono float planes, one per frame
        frames = [np.frombuffer(frame.planes[0], dtype=np.float32)[: frame.samples]
                  for frame in container.decode(audio=0)]
    return np.concatenate(frames).astype(np.float64) if frames else np.zeros(0)


_MPEG2_KBPS = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_MPEG2_RATES = (22050, 24000, 16000)


def count_mp3_frames(data: bytes) -> int:
    """Frames in an MPEG-2 Layer III stream (ValueError if it is not one)."""
    at = count = 0
    while at + 4 <= len(data):
        header = int.from_bytes(data[at : at + 4], "big")
        if header >> 21 != 0x7FF or (header >> 19) & 3 != 2 or (header >> 17) & 3 != 1:
            raise ValueError(f"no MPEG-2 Layer III frame at byte {at}")
        bitrate = _MPEG2_KBPS[(header >> 12) & 15] * 1000
        rate = _MPEG2_RATES[(header >> 10) & 3]
        at += 72 * bitrate // rate + ((header >> 9) & 1)
        count += 1
    if at != len(data):
        raise ValueError("truncated MP3 frame")
    return count


def encode_aac(pcm: np.ndarray, sample_rate: int) -> bytes:
    av = _av()

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="ipod") as container:
        stream = container.add_stream("aac", rate=sample_rate, layout="mono", options={"aac_coder": "fast"})
        stream.bit_rate = AAC_KBPS * 1000
        step = 1024 * 16
        for at in range(0, len(pcm), step):
            frame = av.AudioFrame.from_ndarray(pcm[None, at : at + step], format="s16", layout="mono")
            frame.sample_rate = sample_rate
            frame.pts = at
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buffer.getvalue()


def encode_all(jobs: Sequence[ChunkJob], segments: dict[str, Segment], cache: Cache, executor: Executor | None,
               advance: Callable[[], None] = lambda: None) -> list[EncodedChunk]:
    """Every chunk encoded: from the cache, or now (in the pool when more than one is new)."""
    done: dict[str, EncodedChunk] = {}
    todo: list[ChunkJob] = []
    for job in jobs:
        data = cache.get(NAMESPACE, job.key)
        if data is not None:
            try:
                done[job.key] = EncodedChunk.from_bytes(data)
                advance()
                continue
            except ValueError:
                pass
        if job.key not in {j.key for j in todo}:
            todo.append(replace(job, segments=tuple(segments[k].to_bytes() for _o, k in job.pieces)))

    def keep(job: ChunkJob, data: bytes) -> None:
        cache.put(NAMESPACE, job.key, data)
        done[job.key] = EncodedChunk.from_bytes(data)
        advance()

    if executor is None or len(todo) < 2:
        for job in todo:
            keep(job, encode_chunk(job))
    else:
        futures = {executor.submit(encode_chunk, job): job for job in sorted(todo, key=lambda j: -j.length)}
        try:
            for future in as_completed(futures):
                keep(futures[future], future.result())
        finally:
            for future in futures:
                future.cancel()
    return [done[job.key] for job in jobs]


def programme_loudness(chunks: Sequence[EncodedChunk]) -> float:
    """Integrated loudness of the whole programme, from the chunks' blocks (the few blocks
    that would straddle two chunks lie in silence, which the gate drops anyway)."""
    return loudness.gated_loudness(np.concatenate([c.powers for c in chunks]))


def write_mp3(path: Path, chunks: Sequence[EncodedChunk], tag: Callable[[Path], None],
              together: Together | None = None) -> None:
    with atomic_path(path, together) as tmp:
        with open(tmp, "wb") as out:
            for chunk in chunks:
                out.write(chunk.mp3)
        tag(tmp)


# The MP4 muxer writes a chapter's title into the Nero 'chpl' list with a one-byte length: it cuts a
# longer title at byte 255, in the middle of a character (a question of 86 Chinese characters or a
# long book title), and mutagen, which then tags the file, refused it ("chapter 1 title: 'utf-8'
# codec can't decode …"): the audio edition failed as an internal error.
CHAPTER_TITLE_BYTES = 255


def chapter_title(title: str, limit: int = CHAPTER_TITLE_BYTES) -> str:
    """The title as an M4B chapter can hold it: whole, or cut at a character and ended with '…'."""
    if len(title.encode("utf-8")) <= limit:
        return title
    return title.encode("utf-8")[: limit - len("…".encode("utf-8"))].decode("utf-8", "ignore") + "…"


def write_m4b(path: Path, chunks: Sequence[EncodedChunk], timeline: Timeline,
              tag: Callable[[Path], None], together: Together | None = None) -> None:
    """The chunks' AAC packets in one MP4 audiobook with a chapter list."""
    av = _av()

    rate = timeline.sample_rate
    with atomic_path(path, together) as tmp:
        with av.open(str(tmp), "w", format="ipod", options={"brand": "M4B "}) as out:
            stream = None
            offset = 0
            for index, (chunk, span) in enumerate(zip(chunks, timeline.chunks, strict=True)):
                with av.open(io.BytesIO(chunk.aac)) as source:
                    audio = source.streams.audio[0]
                    if stream is None:
                        stream = out.add_stream_from_template(audio)
                        stream.time_base = Fraction(1, rate)
                    for packet in source.demux(audio):
                        if packet.size == 0 or packet.pts is None or (index and packet.pts < 0):
                            continue
                        packet.pts += offset
                        packet.dts += offset
                        packet.stream = stream
                        out.mux(packet)
                offset += span.length
            out.set_chapters([
                {"id": number + 1, "start": span.start, "end": span.start + span.length,
                 "time_base": Fraction(1, rate), "metadata": {"title": chapter_title(span.chapter.title)}}
                for number, span in enumerate(timeline.chapters)
            ])
        tag(tmp)
