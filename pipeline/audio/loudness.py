"""Loudness (ITU-R BS.1770-4) and true peak, fast enough to run on every chapter.

pyloudnorm's meter is the reference (the tests compare against it) but loops over blocks in
Python: 8 s for an hour of audio. Here the same K-weighting filters (pyloudnorm's) run through
scipy, and the 400 ms blocks are sums of 100 ms sub-blocks, so a chapter costs milliseconds and
the whole programme's loudness is pooled from the chapters' blocks without decoding anything.
"""

from __future__ import annotations

import numpy as np
from scipy import signal
from scipy.ndimage import maximum_filter1d, minimum_filter1d, uniform_filter1d

TARGET_LUFS = -16.0
CEILING_DBTP = -2.0  # the limit is -1 dBTP; 64 kbit/s MP3 adds up to ~0.6 dB of overshoot
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = -10.0
OVERSAMPLING = 4


def k_weighted(x: np.ndarray, rate: int) -> np.ndarray:
    """The signal through BS.1770's K-weighting (pyloudnorm's high shelf and high pass, as one
    fourth-order filter)."""
    from pyloudnorm.iirfilter import IIRfilter

    shelf = IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf")
    highpass = IIRfilter(0.0, 0.5, 38.0, rate, "high_pass")
    b = np.convolve(shelf.b, highpass.b)
    a = np.convolve(shelf.a, highpass.a)
    return signal.lfilter(b, a, np.asarray(x, dtype=np.float64))


def block_powers(x: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of the K-weighted signal in 400 ms blocks every 100 ms (BS.1770 gating blocks)."""
    return _powers(k_weighted(x, rate), rate)


def gated_loudness(powers: np.ndarray) -> float:
    """Integrated loudness (LUFS) from block powers: absolute then relative gate."""
    if len(powers) == 0:
        return float("-inf")
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10 * np.log10(powers)
    kept = powers[loudness > ABSOLUTE_GATE]
    if len(kept) == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(kept.mean()) + RELATIVE_GATE
    with np.errstate(divide="ignore"):
        kept = kept[-0.691 + 10 * np.log10(kept) > relative]
    return float(-0.691 + 10 * np.log10(kept.mean())) if len(kept) else float("-inf")


def integrated_loudness(x: np.ndarray, rate: int) -> float:
    """LUFS of a float signal in [-1, 1]. Shorter than one block: measured as if repeated."""
    return weighted_loudness(k_weighted(x, rate), rate)


def weighted_loudness(weighted: np.ndarray, rate: int) -> float:
    """LUFS of an already K-weighted signal (repeated to one block if shorter)."""
    block = int(0.4 * rate) + int(0.1 * rate)
    if 0 < len(weighted) < block:
        weighted = np.tile(weighted, block // len(weighted) + 1)
    return gated_loudness(_powers(weighted, rate))


# resample_poly's own interpolator for 4× (a Kaiser-windowed sinc, 81 taps), as 4 phases of
# 20-21 taps: phase p gives the signal at n + p/4.
_FILTER = signal.firwin(2 * 10 * OVERSAMPLING + 1, 1.0 / OVERSAMPLING, window=("kaiser", 5.0)) * OVERSAMPLING
_DELAY = (len(_FILTER) - 1) // 2
_REACH = _DELAY // OVERSAMPLING + 1  # input samples the filter reaches on either side
_OFFSETS = np.arange(-_REACH, _REACH + 1)
_PHASES = np.array([[_FILTER[i] if 0 <= (i := OVERSAMPLING * t + p + _DELAY) < len(_FILTER) else 0.0
                     for p in range(OVERSAMPLING)] for t in _OFFSETS])  # (taps, phases)
_HEADROOM = 0.5  # −6 dB: a peak between samples is never found this far above its neighbours in speech


def sample_peaks(x: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """For each sample, the highest absolute value of the signal between it and the next one,
    from 4× oversampling (BS.1770-4 Annex 2).

    Only where a sample near by exceeds `floor` × headroom is the signal interpolated (a few per
    cent of speech); elsewhere the sample itself stands for its peak, which is then known to be
    under `floor`. floor=0 interpolates everywhere (exact, slower).
    """
    x = np.asarray(x, dtype=np.float64)
    magnitude = np.abs(x)
    if len(x) == 0:
        return magnitude
    if floor > 0:
        near = maximum_filter1d(magnitude, size=2 * 2 + 1)
        at = np.flatnonzero(near > floor * _HEADROOM)
    else:
        at = np.arange(len(x))
    padded = np.concatenate([np.zeros(_REACH), x, np.zeros(_REACH)])
    peaks = magnitude.copy()
    for start in range(0, len(at), 1 << 16):
        index = at[start : start + (1 << 16)]
        window = padded[index[:, None] + _REACH - _OFFSETS[None, :]]
        peaks[index] = np.abs(window @ _PHASES).max(axis=1)
    return peaks


def true_peak(x: np.ndarray, floor: float = 10 ** (-6 / 20)) -> float:
    """The highest inter-sample peak, linear; exact wherever it could exceed `floor` (−6 dBTP)."""
    return float(sample_peaks(x, floor).max(initial=0.0))


def to_db(value: float) -> float:
    return float(20 * np.log10(value)) if value > 0 else float("-inf")


ENVELOPE_STEP = 16  # samples per step of the limiter's gain envelope (0.7 ms at 22.05 kHz)


def limiter_gain(peaks: np.ndarray, rate: int, ceiling: float) -> np.ndarray:
    """A gain per sample that keeps every peak under `ceiling`: a minimum over ±10 ms then a
    mean over 10 ms, so it dips smoothly (slower than a voice's pitch period: no buzz) and at
    every peak is no more than that peak allows.

    Worked out on 16-sample steps and interpolated: the minimum reaches one step further each
    way, so between two steps the gain is still no more than any peak in either allows.
    """
    step = ENVELOPE_STEP
    count = -(-len(peaks) // step)
    padded = np.zeros(count * step)
    padded[: len(peaks)] = peaks
    worst = padded.reshape(count, step).max(axis=1)
    needed = np.minimum(1.0, ceiling / np.maximum(worst, 1e-12))
    width = max(1, int(round(0.010 * rate / step)))
    coarse = uniform_filter1d(minimum_filter1d(needed, size=2 * width + 3), size=width)
    # From each step's value to the next's, across the step (a straight line, vectorised).
    following = np.append(coarse[1:], coarse[-1])
    ramp = np.arange(step) / step
    return (coarse[:, None] + (following - coarse)[:, None] * ramp[None, :]).reshape(-1)[: len(peaks)]


def master(x: np.ndarray, rate: int, target: float = TARGET_LUFS, ceiling_db: float = CEILING_DBTP,
           rounds: int = 6, weighted: np.ndarray | None = None) -> tuple[np.ndarray, float, np.ndarray]:
    """`x` at `target` LUFS with true peaks under the ceiling; returns the signal, its loudness
    and its block powers (for the programme's loudness).

    Limiting lowers the loudness, so the gain before the limiter is searched (secant steps) until
    the loudness after it is within 0.05 LU. Nothing is filtered twice: the oversampled peaks of
    x·gain are those of x times the gain (the gain is smooth), and so, within a few hundredths
    of a LU, is its K-weighting (`weighted`: x K-weighted, if the caller has it).
    """
    ceiling = 10 ** (ceiling_db / 20)
    if weighted is None:
        weighted = k_weighted(x, rate)
    gain = gain_for(weighted_loudness(weighted, rate), target)
    peaks = sample_peaks(x, ceiling / 10 ** ((gain + 3) / 20))  # exact wherever up to 3 dB more gain matters
    tried: list[tuple[float, float]] = []
    envelope, loudness, powers = np.ones(len(x)), float("-inf"), np.zeros(0)
    for _ in range(rounds):
        scale = 10 ** (gain / 20)
        envelope = scale * limiter_gain(peaks * scale, rate, ceiling)
        powers = _powers(weighted * envelope, rate)
        loudness = gated_loudness(powers)
        if not np.isfinite(loudness) or abs(loudness - target) < 0.05:
            break
        tried.append((gain, loudness))
        if len(tried) >= 2 and tried[-1][1] != tried[-2][1]:
            (g0, l0), (g1, l1) = tried[-2], tried[-1]
            gain = g1 + (target - l1) * (g1 - g0) / (l1 - l0)
        else:
            gain += target - loudness
    return x * envelope, loudness, powers


def _powers(weighted: np.ndarray, rate: int) -> np.ndarray:
    """Block powers of an already K-weighted signal."""
    step = int(round(0.1 * rate))
    count = len(weighted) // step
    if count < 4:
        return np.zeros(0)
    sub = np.square(weighted[: count * step]).reshape(count, step).mean(axis=1)
    return np.convolve(sub, np.ones(4) / 4, mode="valid")


def gain_for(loudness: float, target: float = TARGET_LUFS, most: float = 30.0) -> float:
    """The gain (dB) from `loudness` to `target`; 0 for silence, never more than `most`."""
    return 0.0 if not np.isfinite(loudness) else float(min(most, target - loudness))


def gain_to(x: np.ndarray, rate: int, target: float = TARGET_LUFS, *, most: float = 30.0) -> float:
    """The gain (dB) that brings `x` to `target` LUFS; 0 for silence, never more than `most`."""
    return gain_for(integrated_loudness(x, rate), target, most)
