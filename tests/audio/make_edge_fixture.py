"""Writes tests/audio/fixtures/edge-response.json: one answer of the edge-tts speech service in
its wire format (text frames with headers, binary audio frames, SentenceBoundary metadata),
for the tests to replay at aiohttp's boundary.

The service cannot be reached from the build machines, so the answer is made here the way the
service makes it: 24 kHz mono MP3 at 48 kbit/s (edge-tts's `audio-24khz-48kbitrate-mono-mp3`),
here spoken by eSpeak NG, framed exactly as edge-tts 7 parses it. Run it again only to change
the fixture:  python tests/audio/make_edge_fixture.py
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import lameenc
import numpy as np
from scipy import signal

from pipeline.audio.engine import Request, VoiceSpec
from pipeline.audio.espeak import SAMPLE_RATE, speak

OUT = Path(__file__).resolve().parent / "fixtures" / "edge-response.json"
SENTENCES = ("今天的节目从一条新闻说起。", "我们请三位嘉宾聊一聊！")
TICKS = 10_000_000


def text_frame(path: str, body: str) -> dict:
    head = f"X-RequestId:0123456789abcdef\r\nContent-Type:application/json; charset=utf-8\r\nPath:{path}\r\n\r\n"
    return {"type": "text", "data": head + body}


def audio_frame(data: bytes, content_type: bool = True) -> dict:
    head = "X-RequestId:0123456789abcdef\r\n" + ("Content-Type:audio/mpeg\r\n" if content_type else "")
    head += "X-StreamId:fedcba9876543210\r\nPath:audio\r\n"
    raw = len(head).to_bytes(2, "big") + head.encode() + data
    return {"type": "binary", "data": base64.b64encode(raw).decode()}


def main() -> None:
    starts = []
    pieces = []
    at = 0
    for sentence in SENTENCES:
        segment = speak(Request("fixture", VoiceSpec("espeak", "f2", 50, 175), (sentence,)))
        samples = signal.resample_poly(segment.samples.astype(np.float64), 160, 147)  # 22050 → 24000 Hz
        starts.append((at / 24000, len(samples) / 24000))
        pieces.append(samples)
        pieces.append(np.zeros(int(0.3 * 24000)))
        at += len(samples) + int(0.3 * 24000)
    pcm = np.clip(np.concatenate(pieces), -32768, 32767).astype(np.int16)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(24000)
    encoder.set_channels(1)
    encoder.set_quality(5)
    mp3 = bytes(encoder.encode(pcm.tobytes()) + encoder.flush())
    frames = [text_frame("turn.start", '{"context":{"serviceTag":"fixture"}}'),
              text_frame("response", '{"context":{"serviceTag":"fixture"},"audio":{"type":"inline"}}')]
    for sentence, (start, duration) in zip(SENTENCES, starts):
        meta = {"Metadata": [{"Type": "SentenceBoundary", "Data": {
            "Offset": int(start * TICKS) + 1_000_000, "Duration": int(duration * TICKS),
            "text": {"Text": sentence, "Length": len(sentence), "BoundaryType": "SentenceBoundary"}}}]}
        frames.append(text_frame("audio.metadata", json.dumps(meta, ensure_ascii=False)))
    for offset in range(0, len(mp3), 4096):
        frames.append(audio_frame(mp3[offset : offset + 4096]))
    frames.append(audio_frame(b"", content_type=False))
    frames.append(text_frame("turn.end", '{"context":{"serviceTag":"fixture"}}'))
    fixture = {
        "about": "An edge-tts service answer in its wire format, made offline by make_edge_fixture.py",
        "sentences": list(SENTENCES),
        "sentence_starts": [round(start + 0.1, 4) for start, _ in starts],
        "audio_seconds": round(len(pcm) / 24000, 4),
        "frames": frames,
    }
    OUT.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(frames)} frames, {SAMPLE_RATE} Hz source)")


if __name__ == "__main__":
    main()
