"""The text-for-the-ear pass grows with the text, not with its square.

Every score, ratio, duration and year looked for its context by splitting all the text before
it, so a long sentence dense with figures cost time in proportion to its length squared (a
one-line 200 KB paragraph: minutes). This compares the pass's CPU time on one sentence and on
the same sentence four times as long, so it asserts a scaling, not a wall time (the machine's
load changes both runs alike); `benchmarks/speech_scaling.py` times the whole script edition.
"""

from __future__ import annotations

import time

from pipeline.passes.speech import load_rules, speak

# News copy without a full stop: the whole text is one sentence.
PIECE = "2024巴黎奥运会上，中国队以3-1击败对手，比赛于19:30开始，气温-5℃，比例为1:10，用时3:45，满300-50，"


def _cpu_seconds(text: str, rules) -> float:
    best = float("inf")
    for _ in range(3):  # the least of three: a run slowed by something else does not count
        start = time.process_time()
        speak(text, rules)
        best = min(best, time.process_time() - start)
    return best


def test_four_times_the_text_takes_about_four_times_as_long() -> None:
    rules = load_rules({})
    speak(PIECE, rules)  # the tables' patterns compiled once
    short, long = PIECE * 60, PIECE * 240  # about 5,000 and 20,000 characters
    ratio = _cpu_seconds(long, rules) / max(_cpu_seconds(short, rules), 1e-3)
    # linear is about 4; the quadratic pass took 10 to 16 times as long
    assert ratio < 7, f"4x the text took {ratio:.1f}x the time"
