"""Times the podcast script of a title whose article is one long line, and the text-for-the-ear
pass on its own, at two sizes, to show the cost grows with the text and not with its square.

    python benchmarks/speech_scaling.py [--kb 200]

The paragraph is news copy dense with figures (years, scores, clock times, temperatures, codes)
repeated without a line break; half of it has no full stop, so the speech pass sees long
sentences. Before the fix, every score, ratio and year looked for its context by splitting all
the text before it, and a one-line 200 KB paragraph took about 150 s to script; a bounded window
(`speech_figures._WINDOW`) makes it linear. Nearly all of the script's time is then eSpeak NG
synthesising the text (the script's timings come from the audio), about 0.3 ms of CPU per spoken
character, which is linear too. Prints CPU times (the load of a shared machine inflates only the
wall clock); writes nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURE = ROOT / "tests" / "fixtures" / "test-title.md"
PIECE = ("2024巴黎奥运会上，中国队以3-1击败对手，比赛于19:30开始，气温-5℃，拨打110或13912345678，"
         "比例为1:10，用时3:45，RTX 4090售价$1,599，Python 3.12，满300-50，")


def paragraph(size_kb: int) -> str:
    """About `size_kb` KB of one line; a full stop after every tenth piece only in the first half."""
    pieces, total, n = [], 0, 0
    while total < size_kb * 1024:
        piece = PIECE + ("。" if n % 10 == 9 and total < size_kb * 512 else "")
        pieces.append(piece)
        total += len(piece.encode("utf-8"))
        n += 1
    return "".join(pieces)


def source(size_kb: int) -> str:
    """The test title with its first article paragraph replaced by the long line."""
    text = FIXTURE.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("2025年1月起"))
    return text.replace(first, paragraph(size_kb))


def time_script(size_kb: int) -> float:
    """CPU seconds (user + system, the command and its worker processes) of `publish script`:
    the machine's load inflates the wall clock, not this."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "night-library.md"
        path.write_text(source(size_kb), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "pipeline.cli", "script", str(path), "--out", str(Path(tmp) / "out"),
                        "-q"], check=True, cwd=ROOT, env={**os.environ, "PUBLISH_CACHE_DIR": str(Path(tmp) / "cache")})
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def time_speak(size_kb: int) -> float:
    from pipeline.passes.speech import load_rules, speak

    text, rules = paragraph(size_kb), load_rules({})
    start = time.process_time()
    speak(text, rules)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=200, help="size of the long paragraph (KB)")
    args = parser.parse_args()
    half = args.kb // 2
    for label, measure in (("speak() on the whole line, CPU s", time_speak), ("publish script, CPU s", time_script)):
        small, large = measure(half), measure(args.kb)
        print(f"{label}: {half} KB {small:.2f}, {args.kb} KB {large:.2f} (x{large / max(small, 1e-9):.1f} for x2 text)")


if __name__ == "__main__":
    main()
