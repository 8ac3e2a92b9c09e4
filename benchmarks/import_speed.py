"""Times `publish import` on a 10,000-character article in each delivery format.

    python benchmarks/import_speed.py [--runs 5]

The article is the first title's raw copy, lengthened to 10,000 characters with more article
paragraphs of the same copy; the page, WeChat and Word versions are made from it by the fixture
generator (`tests/fixtures/import/make_fixtures.py`). Each run is the real command in a fresh
process (`python -m pipeline.cli import …`), so start-up and library loading are counted. Target:
under 2 s per import. Replaces the "Import speed" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_8a3c4b0792094f43.txt"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
TARGET_CHARS, TARGET_SECONDS = 10_000, 2.0
BEGIN, END = "<!-- import-speed: begin -->", "<!-- import-speed: end -->"


def article() -> str:
    """The seed copy with article paragraphs repeated after the first ones until it has at least
    10,000 characters (the Q&A and end matter stay as they are)."""
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    intro = paragraphs[:15]  # the article, before the Q&A
    extra, i = [], 0
    while sum(map(len, paragraphs + extra)) < TARGET_CHARS:
        extra.append(intro[i % len(intro)])
        i += 1
    return "\n\n\n".join(paragraphs[:15] + extra + paragraphs[15:]) + "\n"


def copies(folder: Path) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "import" / "make_fixtures.py")
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    text = folder / "article.txt"
    text.write_text(article(), encoding="utf-8")
    paras = fixtures.paragraphs(text)
    (folder / "article.html").write_bytes(fixtures.make_html(paras, "Sora来了", "2024-02-22"))
    (folder / "article-wechat.html").write_bytes(fixtures.make_wechat(paras, "Sora来了", "2024-02-22"))
    fixtures.make_docx(paras, folder / "article.docx", "Sora来了")
    # one label the surname and role tables cannot settle alone, so jieba's tagger is loaded
    jieba = folder / "article-jieba.txt"
    jieba.write_text(article().replace("编剧余飞:", "老余:", 1), encoding="utf-8")
    return {"plain text (.txt)": text, "news page (.html)": folder / "article.html",
            "WeChat page (.html)": folder / "article-wechat.html", "Word (.docx)": folder / "article.docx",
            "plain text, one label needing jieba": jieba}


def run_once(copy: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one `publish import` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "pipeline.cli", "import", str(copy), "--out-dir", str(out), "--force"]
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed: {' '.join(args)}\n{process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def report(rows: list[tuple[str, int, list[float], list[float]]], runs: int) -> str:
    def spread(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s ± {(max(values) - min(values)) / 2:.2f}"

    lines = [
        BEGIN,
        "## Import speed",
        "",
        f"Produced by `python benchmarks/import_speed.py` on {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}; "
        f"{runs} run(s) each of `publish import` in a fresh process (start-up included), median ± half the "
        "range. CPU = user + system time of the process (what the machine's load does not inflate). "
        "The last row is the slow path: a label (`老余：`) that the surname and role tables cannot settle "
        "alone, so jieba's part-of-speech model is loaded (about half a second of CPU).",
        "",
        "| copy | characters | wall | CPU |",
        "|---|---|---|---|",
    ]
    for name, chars, walls, cpus in rows:
        ok = "✓" if statistics.median(walls) < TARGET_SECONDS else "✗"
        lines.append(f"| {name} | {chars:,} | {spread(walls)} ({ok} < {TARGET_SECONDS:.0f} s) | {spread(cpus)} |")
    lines += ["", END]
    return "\n".join(lines)


def write_section(section: str, path: Path = RESULTS) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        chars = len(article().replace("\n", ""))  # characters of the text, line breaks not counted
        rows = []
        for name, copy in copies(folder).items():
            run_once(copy, folder / "warm")  # the first run on a machine builds caches (.pyc)
            samples = [run_once(copy, folder / "out") for _ in range(options.runs)]
            walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
            rows.append((name, chars, walls, cpus))
            print(f"{name}: wall {statistics.median(walls):.2f} s, CPU {statistics.median(cpus):.2f} s", flush=True)
    section = report(rows, options.runs)
    write_section(section, options.output)
    print(section)


if __name__ == "__main__":
    main()
