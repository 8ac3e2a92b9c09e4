"""Writes tests/audio/fixtures/edge-response.json: a SYNTHETIC answer of the edge-tts speech
service in its wire format (text frames with headers, binary audio frames, WordBoundary
metadata), for the tests to replay at aiohttp's boundary.

The service cannot be reached from the build machines, so no real answer was ever recorded.
This one is made the way the service makes its answers: 24 kHz mono MP3 at 48 kbit/s (edge-tts's
`audio-24khz-48kbitrate-mono-mp3`), framed exactly as edge-tts 7 parses it, with one WordBoundary
per word (jieba's words; punctuation as PunctuationBoundary, as the service sends it) at the
offset where eSpeak NG, which speaks the audio here, said that word starts. The two sentences are
spoken at very different rates with a long pause between, so that timing by the boundaries and
timing by share of characters disagree by far more than the tests' tolerance.
Run it again only to change the fixture:  python tests/audio/make_edge_fixture.py
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import jieba
import lameenc
import numpy as np
from scipy import signal

from pipeline.audio.engine import Request, VoiceSpec
from pipeline.audio.espeak import SAMPLE_RATE, speak

OUT = Path(__file__).resolve().parent / "fixtures" / "edge-response.json"
SENTENCES = ("今天的节目从一条新闻说起。", "我们请三位嘉宾聊一聊！")
RATES = (120, 260)  # words per minute: slow, then fast
LEAD, PAUSE = 0.1, 0.8  # seconds of silence before the speech and between the sentences
TICKS = 10_000_000
PUNCTUATION = set("，。！？、；：")


def text_frame(path: str, body: str) -> dict:
    head = f"X-RequestId:0123456789abcdef\r\nContent-Type:application/json; charset=utf-8\r\nPath:{path}\r\n\r\n"
    return {"type": "text", "data": head + body}


def audio_frame(data: bytes, content_type: bool = True) -> dict:
    head = "X-RequestId:0123456789abcdef\r\n" + ("Content-Type:audio/mpeg\r\n" if content_type else "")
    head += "X-StreamId:fedcba9876543210\r\nPath:audio\r\n"
    raw = len(head).to_bytes(2, "big") + head.encode() + data
    return {"type": "binary", "data": base64.b64encode(raw).decode()}


def boundary(word: str, start: float, duration: float) -> dict:
    kind = "PunctuationBoundary" if word in PUNCTUATION else "WordBoundary"
    meta = {"Metadata": [{"Type": "WordBoundary", "Data": {
        "Offset": int(round(start * TICKS)), "Duration": int(round(duration * TICKS)),
        "text": {"Text": word, "Length": len(word), "BoundaryType": kind}}}]}
    return text_frame("audio.metadata", json.dumps(meta, ensure_ascii=False))


def main() -> None:
    words: list[tuple[str, float]] = []  # (word, start in seconds)
    sentence_starts = []
    pieces = [np.zeros(int(LEAD * 24000))]
    at = LEAD
    for sentence, rate in zip(SENTENCES, RATES):
        segment = speak(Request("fixture", VoiceSpec("espeak", "f2", 50, rate), (sentence,)))
        samples = signal.resample_poly(segment.samples.astype(np.float64), 160, 147)  # 22050 → 24000 Hz
        anchors = dict(segment.anchors)
        offset = 0
        for word in jieba.lcut(sentence):
            known = [anchors[o] for o in range(offset, offset + len(word)) if o in anchors]
            if word in PUNCTUATION or not known:
                when = min((t for o, t in anchors.items() if o > offset), default=segment.duration)
            else:
                when = known[0]
            words.append((word, round(at + when, 4)))
            offset += len(word)
        sentence_starts.append(round(at + dict(segment.anchors)[0], 4))
        pieces += [samples, np.zeros(int(PAUSE * 24000))]
        at += len(samples) / 24000 + PAUSE
    pcm = np.clip(np.concatenate(pieces), -32768, 32767).astype(np.int16)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(24000)
    encoder.set_channels(1)
    encoder.set_quality(5)
    mp3 = bytes(encoder.encode(pcm.tobytes()) + encoder.flush())
    frames = [text_frame("turn.start", '{"context":{"serviceTag":"fixture"}}'),
              text_frame("response", '{"context":{"serviceTag":"fixture"},"audio":{"type":"inline"}}')]
    for (word, start), following in zip(words, [*words[1:], ("", at)]):
        frames.append(boundary(word, start, max(0.0, following[1] - start)))
    for offset in range(0, len(mp3), 4096):
        frames.append(audio_frame(mp3[offset : offset + 4096]))
    frames.append(audio_frame(b"", content_type=False))
    frames.append(text_frame("turn.end", '{"context":{"serviceTag":"fixture"}}'))
    fixture = {
        "about": "A SYNTHETIC edge-tts service answer in its wire format (eSpeak NG audio framed as the "
                 "service frames its own), made offline by make_edge_fixture.py: no real answer was recorded",
        "sentences": list(SENTENCES),
        "sentence_starts": sentence_starts,
        "words": [[word, start] for word, start in words],
        "audio_seconds": round(len(pcm) / 24000, 4),
        "frames": frames,
    }
    OUT.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(frames)} frames, {SAMPLE_RATE} Hz source)")


if __name__ == "__main__":
    main()
