"""Where the test suite's time goes, file by file, and how `make test` shares it out between its
two workers: reads the `--durations=0` list of a full run and replays xdist's `--dist loadfile
--no-loadscope-reorder` hand-out (files in collection order, `LONGEST_FIRST` first, each to the
worker that is free first) to show which worker finishes last, and when.

    .venv/bin/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder --durations=0 > run.log
    .venv/bin/python benchmarks/suite_balance.py run.log [--top 40]

The replay counts only the durations pytest reports (setup, call, teardown): collection and the
workers' start are left out, so its makespan is a little under the run's wall time; and xdist
hands a worker its next file when two tests of its current one are left, not when it ends (the
list gives no test order to replay that). A file's time is the sum of its tests' (one worker
runs a whole file, and its module fixtures once)."""

from __future__ import annotations

import argparse
import heapq
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LINE = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s+(setup|call|teardown)\s+(\S+?)::")


def per_file(log: str) -> dict[str, float]:
    """Seconds per test file, from the durations block of a pytest log."""
    files: dict[str, float] = defaultdict(float)
    for line in log.splitlines():
        if match := LINE.match(line):
            files[match[3]] += float(match[1])
    return dict(files)


def replay(files: dict[str, float], order: list[str], workers: int = 2) -> tuple[float, list[list[str]]]:
    """Each file, in `order`, to the worker free first: (the last worker's finish, each worker's files)."""
    free = [(0.0, n) for n in range(workers)]
    given: list[list[str]] = [[] for _ in range(workers)]
    for name in order:
        at, n = heapq.heappop(free)
        given[n].append(name)
        heapq.heappush(free, (at + files.get(name, 0.0), n))
    return max(at for at, _n in free), given


def collection_order(files: dict[str, float]) -> list[str]:
    """`LONGEST_FIRST` (tests/conftest.py), then the rest in path order, as pytest collects them."""
    from tests.conftest import LONGEST_FIRST

    first = [name for name in LONGEST_FIRST if name in files]
    return first + sorted(name for name in files if name not in first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("log", type=Path, help="the output of a run with --durations=0")
    parser.add_argument("--top", type=int, default=30, help="how many of the slowest files to list")
    args = parser.parse_args()
    files = per_file(args.log.read_text(encoding="utf-8", errors="replace"))
    if not files:
        sys.exit(f"{args.log}: no durations in it (run pytest with --durations=0)")
    total = sum(files.values())
    print(f"{len(files)} files, {total:.0f} s of test time ({total / 2:.0f} s a worker if shared evenly)\n")
    for name, seconds in sorted(files.items(), key=lambda item: -item[1])[: args.top]:
        print(f"{seconds:8.1f} s  {name}")
    makespan, given = replay(files, collection_order(files))
    print(f"\nreplayed as `make test` hands files out: the last worker ends at {makespan:.0f} s")
    for n, names in enumerate(given):
        print(f"  worker {n}: {sum(files[name] for name in names):.0f} s, {len(names)} files")
    ideal, _ = replay(files, sorted(files, key=lambda name: -files[name]))
    print(f"every file longest first would end at {ideal:.0f} s")


if __name__ == "__main__":
    main()
