"""Listening by proxy: a voice's pitch and timbre measured from samples, written here with numpy
and scipy only (nothing from `pipeline/`), so that tests can judge the audio edition by what it
sounds like rather than by what the code meant to send.

* `pitch`: median fundamental frequency of the voiced frames (YIN, de Cheveigné & Kawahara 2002).
* `timbre`: mean mel-frequency cepstral coefficients 1-12 of the speech frames (the spectral
  envelope: formants, voice quality), independent of loudness (c0 is left out).
* `Voiceprint` holds both; `distance` weighs a semitone of pitch like one unit of cepstrum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import fft, signal

RATE = 16000  # everything is measured at one rate, whatever the engine's
FRAME = 400  # 25 ms
HOP = 160  # 10 ms
F0_RANGE = (50.0, 450.0)


def resampled(x: np.ndarray, rate: int) -> np.ndarray:
    """Float samples at RATE."""
    x = np.asarray(x, dtype=np.float64)
    if x.dtype.kind == "i" or np.abs(x).max(initial=0) > 2:
        x = x / 32768
    if rate == RATE:
        return x
    g = math.gcd(int(rate), RATE)
    return signal.resample_poly(x, RATE // g, int(rate) // g)


def _frames(x: np.ndarray, size: int, hop: int) -> np.ndarray:
    if len(x) < size:
        return np.zeros((0, size))
    count = 1 + (len(x) - size) // hop
    index = np.arange(size)[None, :] + hop * np.arange(count)[:, None]
    return x[index]


def speech_frames(x: np.ndarray, size: int = FRAME, hop: int = HOP, floor_db: float = 35.0) -> np.ndarray:
    """Frames within `floor_db` of the loudest frame (speech, not the pauses between)."""
    frames = _frames(x, size, hop)
    if not len(frames):
        return frames
    energy = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    return frames[energy > energy.max() - floor_db]


def f0_track(x: np.ndarray, rate: int, threshold: float = 0.12) -> np.ndarray:
    """F0 (Hz) of every voiced frame: YIN's cumulative mean normalised difference."""
    y = resampled(x, rate)
    size = 640  # 40 ms: two periods of the lowest pitch
    lo, hi = int(RATE / F0_RANGE[1]), int(RATE / F0_RANGE[0])
    frames = speech_frames(y, size + hi, HOP, floor_db=30.0)
    if not len(frames):
        return np.zeros(0)
    n = 1 << int(math.ceil(math.log2(2 * size + hi)))
    a = frames[:, :size]
    # d(tau) = sum a² + sum x[tau:tau+size]² - 2 r(tau), r by FFT cross-correlation
    r = np.fft.irfft(np.conj(np.fft.rfft(a, n)) * np.fft.rfft(frames, n), n)[:, : hi + 1]
    squares = np.concatenate([np.zeros((len(frames), 1)), np.cumsum(frames**2, axis=1)], axis=1)
    taus = np.arange(hi + 1)
    window = squares[:, taus + size] - squares[:, taus]
    diff = np.maximum(window[:, :1] + window - 2 * r, 0.0)
    cmnd = np.ones_like(diff)
    cumulative = np.cumsum(diff[:, 1:], axis=1)
    cmnd[:, 1:] = diff[:, 1:] * taus[1:] / np.maximum(cumulative, 1e-12)
    found = []
    for row in cmnd:
        below = np.flatnonzero(row[lo:hi] < threshold)
        if not len(below):
            continue
        tau = lo + below[0]
        while tau + 1 < hi and row[tau + 1] < row[tau]:
            tau += 1
        p, q, s = row[tau - 1], row[tau], row[tau + 1]
        shift = 0.5 * (p - s) / (p - 2 * q + s) if (p - 2 * q + s) else 0.0
        found.append(RATE / (tau + shift))
    return np.array(found)


def pitch(x: np.ndarray, rate: int) -> float:
    """Median F0 (Hz) of the voiced frames; nan if nothing is voiced."""
    track = f0_track(x, rate)
    return float(np.median(track)) if len(track) else float("nan")


def _mel(hz: np.ndarray) -> np.ndarray:
    return 2595 * np.log10(1 + hz / 700)


def _filterbank(bands: int = 26, size: int = 512, top: float = 7600.0) -> np.ndarray:
    edges_mel = np.linspace(_mel(np.array(60.0)), _mel(np.array(top)), bands + 2)
    edges = 700 * (10 ** (edges_mel / 2595) - 1)
    bins = np.fft.rfftfreq(size, 1 / RATE)
    bank = np.zeros((bands, len(bins)))
    for band in range(bands):
        left, centre, right = edges[band : band + 3]
        rising = (bins - left) / (centre - left)
        falling = (right - bins) / (right - centre)
        bank[band] = np.clip(np.minimum(rising, falling), 0, None)
    return bank


def timbre(x: np.ndarray, rate: int, coefficients: int = 12) -> np.ndarray:
    """Mean MFCC 1…`coefficients` over the speech frames."""
    y = resampled(x, rate)
    y = np.append(y[0], y[1:] - 0.97 * y[:-1])  # pre-emphasis
    frames = speech_frames(y) * np.hamming(FRAME)
    if not len(frames):
        return np.zeros(coefficients)
    power = np.abs(np.fft.rfft(frames, 512)) ** 2
    logmel = np.log(power @ _filterbank().T + 1e-10)
    cepstra = fft.dct(logmel, type=2, norm="ortho", axis=1)[:, 1 : coefficients + 1]
    return cepstra.mean(axis=0)


def speaking_rate(x: np.ndarray, rate: int) -> float:
    """Seconds of speech (frames above the floor), for comparing two renderings of one text."""
    return len(speech_frames(resampled(x, rate))) * HOP / RATE


@dataclass(frozen=True)
class Voiceprint:
    f0: float
    mfcc: np.ndarray

    @classmethod
    def of(cls, x: np.ndarray, rate: int) -> Voiceprint:
        return cls(pitch(x, rate), timbre(x, rate))

    def distance(self, other: Voiceprint) -> float:
        semitones = 12 * abs(math.log2(self.f0 / other.f0))
        return float(math.hypot(semitones, np.linalg.norm(self.mfcc - other.mfcc)))


def semitones(a: float, b: float) -> float:
    return 12 * math.log2(a / b)
