"""Reading back what the audio edition wrote: decoded samples, chapters, captions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from pipeline.cache import Cache
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from tests.conftest import ROOT


def context(out: Path, cache: Cache, log: list[str] | None = None, engine: str = "espeak") -> BuildContext:
    sink = log if log is not None else []
    return BuildContext(out_dir=out, cache=cache, styles_dir=ROOT / "pipeline" / "styles", options={"engine": engine},
                        log=sink.append)


def decode(path: Path) -> tuple[np.ndarray, int]:
    """Mono float samples and the sample rate, as FFmpeg (PyAV) plays the file."""
    with av.open(str(path)) as container:
        rate = container.streams.audio[0].sample_rate
        frames = [frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)]
    return np.concatenate(frames).astype(np.float64), rate


@dataclass(frozen=True)
class Caption:
    start: float
    end: float
    voice: str
    text: str


_CUE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})\n<v ([^>]+)>(.*)$", re.M)


def captions(path: Path) -> list[Caption]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    out = []
    for m in _CUE.finditer(text):
        h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(g) for g in m.groups()[:8])
        out.append(Caption(h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000,
                           m[9], m[10]))
    return out


def id3_chapters(path: Path) -> list[tuple[str, float, float]]:
    from mutagen.id3 import ID3

    tags = ID3(path)
    toc = tags.getall("CTOC")[0]
    chapters = {frame.element_id: frame for frame in tags.getall("CHAP")}
    return [(str(chapters[i].sub_frames["TIT2"]), chapters[i].start_time / 1000, chapters[i].end_time / 1000)
            for i in toc.child_element_ids]


def rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(max(1e-9, np.sqrt(np.mean(x**2))))) if len(x) else -200.0


def edited(doc: Document, answer_id: str, suffix: str) -> Document:
    """The document with one answer's last paragraph lengthened."""
    sections = []
    for section in doc.sections:
        answers = []
        for answer in section.answers:
            if answer.id == answer_id:
                last = answer.paragraphs[-1]
                spans = (*last.spans[:-1], last.spans[-1].model_copy(update={"text": last.spans[-1].text + suffix}))
                answer = answer.model_copy(update={"paragraphs": (*answer.paragraphs[:-1],
                                                                  last.model_copy(update={"spans": spans}))})
            answers.append(answer)
        sections.append(section.model_copy(update={"answers": tuple(answers)}))
    return doc.model_copy(update={"sections": tuple(sections)})


def vtt_cues(path: Path) -> list[tuple[float, float, str, str]]:
    """(start, end, voice, text) of every cue, read by an independent parser (webvtt-py)."""
    import webvtt

    def seconds(t) -> float:  # noqa: ANN001
        return t.hours * 3600 + t.minutes * 60 + t.seconds + t.milliseconds / 1000

    return [(seconds(c.start_time), seconds(c.end_time), c.voice, c.text) for c in webvtt.read(str(path)).captions]


def voice_runs(path: Path, gap: float = 0.5) -> list[tuple[str, float, float]]:
    """(voice, start, end) of each stretch in which one voice speaks, from the captions."""
    runs: list[list] = []
    for start, end, voice, _text in vtt_cues(path):
        if runs and runs[-1][0] == voice and start - runs[-1][2] < gap:
            runs[-1][2] = end
        else:
            runs.append([voice, start, end])
    return [(voice, start, end) for voice, start, end in runs]
