"""Cold annotation time of a title by the pinyin pass, each run in a fresh process.

    python benchmarks/pinyin_speed.py [SOURCE] [--runs N]

A run: a new Python process reads the source (not timed), then times (1) building a
`PinyinAnnotator` with the title's names and pronunciations (loading the pass's tables and jieba),
and (2) annotating every text block of the title once (no build cache). Prints each run and the
median. jieba's dictionary cache and the tag store in the temp dir are warm after the first run on a
machine, as they are in every build but the very first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from pipeline.reader import read_source
doc = read_source(Path(sys.argv[1]))
blocks = list(doc.text_blocks())
names = [s.name for s in doc.speakers] + list(doc.meta.authors)
t0 = time.perf_counter()
from pipeline.passes.pinyin import PinyinAnnotator
annotator = PinyinAnnotator(names=names, overrides=doc.pronunciation_table)
t1 = time.perf_counter()
chars = 0
for block in blocks:
    chars += len(block)
    annotator.annotate(block)
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "annotate": t2 - t1, "blocks": len(blocks), "chars": chars}))
"""


def run_once(source: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(source), str(ROOT)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(ROOT / "source" / "sora-reactions.md"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = [run_once(Path(args.source)) for _ in range(args.runs)]
    for r in runs:
        print(f"load {r['load']:.3f} s  annotate {r['annotate']:.3f} s  total {r['load'] + r['annotate']:.3f} s"
              f"  ({r['blocks']} blocks, {r['chars']} characters)")
    load = statistics.median(r["load"] for r in runs)
    annotate = statistics.median(r["annotate"] for r in runs)
    total = statistics.median(r["load"] + r["annotate"] for r in runs)
    print(f"median of {len(runs)}: load {load:.3f} s, annotate {annotate:.3f} s, total {total:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
