"""Loudness and true peak: our fast meter agrees with pyloudnorm (the BS.1770 reference), the
fast true peak with full oversampling, and mastering meets -16 LUFS under the ceiling."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from pipeline.audio import loudness
from pipeline.audio.engine import Request, VoiceSpec
from pipeline.audio.espeak import SAMPLE_RATE, speak

TEXT = ("我们必须警惕一种情况，由人工智能生成的视频产品，是对人类的一种洗脑。慢慢地，人类就习惯这种审美了。"
        "当大多数人认同人工智能的宣传，有独特审美的人类成了少数派。")


def reference_true_peak(x: np.ndarray) -> float:
    return float(np.abs(signal.resample_poly(x, 4, 1)).max())


@pytest.fixture(scope="module")
def voices() -> dict[str, np.ndarray]:
    return {v: speak(Request("k", VoiceSpec("espeak", v, 50, 180), (TEXT,))).samples / 32768
            for v in ("", "m1", "f2", "iven", "Andy")}


@pytest.mark.parametrize("rate", [22050, 24000])
def test_meter_matches_pyloudnorm(rate: int) -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(0, 0.1, rate * 12) * np.repeat(rng.random(120) > 0.3, rate // 10)
    reference = pyloudnorm.Meter(rate).integrated_loudness(x)
    assert loudness.integrated_loudness(x, rate) == pytest.approx(reference, abs=1e-6)


def test_fast_true_peak_is_exact_where_it_matters(voices) -> None:
    for x in voices.values():
        exact = loudness.sample_peaks(x)
        assert exact.max() == pytest.approx(reference_true_peak(x), rel=1e-9)
        fast = loudness.sample_peaks(x, floor=exact.max() * 0.7)
        assert fast.max() == pytest.approx(exact.max(), rel=1e-9)


@pytest.mark.parametrize("voice", ["", "m1", "f2", "iven", "Andy"])
def test_master_reaches_target_under_ceiling(voices, voice: str) -> None:
    x = voices[voice]
    y, level, powers = loudness.master(x, SAMPLE_RATE)
    measured = pyloudnorm.Meter(SAMPLE_RATE).integrated_loudness(y)
    assert measured == pytest.approx(loudness.TARGET_LUFS, abs=0.1)
    assert level == pytest.approx(measured, abs=0.05)
    assert loudness.to_db(reference_true_peak(y)) <= loudness.CEILING_DBTP + 0.05
    assert loudness.gated_loudness(powers) == pytest.approx(level, abs=1e-9)


def test_limiter_leaves_quiet_signals_alone() -> None:
    x = 0.1 * np.sin(np.arange(22050) * 0.05)
    gain = loudness.limiter_gain(loudness.sample_peaks(x), 22050, 10 ** (-1 / 20))
    assert np.allclose(gain, 1.0)


def test_silence_and_short_sounds_are_measured_without_error() -> None:
    assert loudness.gain_to(np.zeros(10000), 22050) == 0.0
    short = 0.3 * np.sin(np.arange(3000) * 0.2)  # 0.14 s: shorter than one gating block
    assert np.isfinite(loudness.integrated_loudness(short, 22050))
