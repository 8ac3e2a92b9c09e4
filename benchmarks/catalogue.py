"""The catalogue benchmark: N titles made from the two bundled titles (each with its own slug and
id, and every paragraph lightly varied so no title's pinyin, vocabulary or speech comes from
another's cache), built with every edition except audio, three ways in one run:

- serially (`--jobs 1`, in one process),
- on this machine's pool of two worker processes (`--jobs 2`),
- on a local Dask cluster of two single-threaded worker processes (`--scheduler local`).

Each configuration runs in a fresh process with an empty cache and output folder, through
`pipeline.api.build_titles` — what `publish all` calls — so the times include starting workers
and loading every library in them.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLES = (ROOT / "source" / "sora-reactions.md", ROOT / "tests" / "fixtures" / "test-title.md")
EDITIONS = ("epub", "epub-learner", "pdf", "pdf-learner", "script")  # every edition but audio
NUMERALS = "零一二三四五六七八九"
CONFIGURATIONS = {"serial": {"jobs": 1}, "jobs2": {"jobs": 2}, "dask2": {"jobs": 2, "scheduler": "local"}}
LABELS = {"serial": "serial (`--jobs 1`)", "jobs2": "local pool (`--jobs 2`)",
          "dask2": "Dask LocalCluster, 2 workers"}


def variant(text: str, n: int) -> str:
    """Title number `n`: its own slug and id, and a short phrase of its own before the last
    full stop of every paragraph (so every paragraph's text, and every cache key made from
    it, is its own)."""
    slug = re.search(r"^slug: (\S+)$", text, re.M).group(1)
    text = re.sub(r"^slug: \S+$", f"slug: {slug}-{n:02d}", text, count=1, flags=re.M)
    text = re.sub(r"^(id: urn:uuid:[0-9a-f-]{24})[0-9a-f]{12}$", lambda m: f"{m.group(1)}{n:012x}", text,
                  count=1, flags=re.M)
    numeral = "".join(NUMERALS[int(d)] for d in str(n))
    end = text.index("\n---\n", 4) + 5
    body = re.sub(r"。$", f"，第{numeral}稿。", text[end:], flags=re.M)
    return text[:end] + body


def make_catalogue(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(1, count + 1):
        source = TITLES[(n - 1) % len(TITLES)]
        (folder / f"{source.stem}-{n:02d}.md").write_text(variant(source.read_text(encoding="utf-8"), n),
                                                          encoding="utf-8")


def run_configuration(name: str, work: Path) -> None:
    """In a fresh process: build the catalogue in `work` one way, print the numbers as JSON."""
    started = time.perf_counter()
    from pipeline import api

    imported = time.perf_counter() - started
    lines: list[str] = []
    titles = api.find_titles([work / "source"])
    settings = api.BuildSettings(editions=EDITIONS, engine="espeak")
    report = api.build_titles(titles, settings, work / "output", cache_dir=work / "cache", log=lines.append,
                              **CONFIGURATIONS[name])
    failed = [r.name for r in report.results if not r.ok]
    cluster = next((float(m.group(1)) for line in lines
                    if (m := re.search(r"local Dask cluster of \d+ worker\(s\) in ([\d.]+)s", line))), 0.0)
    print(json.dumps({"seconds": report.seconds, "import": imported, "cluster_start": cluster,
                      "titles": len(report.results), "failed": failed, "runner": report.runner,
                      "title_seconds": [r.seconds for r in report.results],
                      "workers": sorted({r.worker for r in report.results}),
                      "outputs": len(list((work / "output").iterdir()))}))


def _run(name: str, count: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"publish-catalogue-{name}-"))
    try:
        make_catalogue(work / "source", count)
        print(f"catalogue: {name} …", flush=True)
        started = time.perf_counter()
        with open(work / "stdout", "wb") as stdout, open(work / "stderr", "wb") as stderr:
            process = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--catalogue-run", name,
                                        "--work", str(work)], cwd=work, stdout=stdout, stderr=stderr,
                                       env={**os.environ, "PYTHONPATH": str(ROOT)})
            _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"catalogue run {name} failed:\n{(work / 'stderr').read_text()[-3000:]}")
        numbers = json.loads((work / "stdout").read_text().strip().splitlines()[-1])
        numbers["wall"] = wall
        # core-seconds used by the run and every process it waited for (its workers): unlike wall
        # time, this does not grow when other programs share the machine
        numbers["cpu"] = usage.ru_utime + usage.ru_stime
        if numbers["failed"]:
            raise SystemExit(f"catalogue run {name}: titles failed: {numbers['failed']}")
        print(f"  {numbers['seconds']:.1f} s build, {wall:.1f} s with start-up, {numbers['cpu']:.1f} core-s",
              flush=True)
        return numbers
    finally:
        shutil.rmtree(work, ignore_errors=True)


NUMBERS = ROOT / "benchmarks" / "catalogue-numbers.json"


def measure_catalogue(count: int, note: str = "") -> str:
    """Run every configuration, keep the raw numbers beside RESULTS.md, and report them."""
    results = {name: _run(name, count) for name in CONFIGURATIONS}
    NUMBERS.write_text(json.dumps({"titles": count, "note": note, "date": time.strftime("%Y-%m-%d"),
                                   "results": results}, indent=1) + "\n", encoding="utf-8")
    return report_catalogue(count, results, note)


def report_catalogue(count: int, results: dict[str, dict], note: str = "", date: str | None = None) -> str:
    """The RESULTS.md section for measured numbers (`--render` redoes it from the kept file)."""
    serial, pool, dask = results["serial"], results["jobs2"], results["dask2"]
    speedup = serial["seconds"] / pool["seconds"]
    dask_build = dask["seconds"] - dask["cluster_start"]
    per_title = serial["seconds"] / count
    lines = [
        "## Catalogue",
        "",
        f"Produced by `python benchmarks/run.py --catalogue` on {date or time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}. {count} titles made from the two bundled "
        f"titles (alternately; each with its own slug and a phrase of its own in every paragraph), every edition "
        f"except audio ({', '.join(EDITIONS)}; the script synthesises its speech with eSpeak NG), cold cache and "
        f"empty output each time, through `pipeline.api.build_titles` in a fresh process.",
    ]
    if note:
        lines += ["", note]
    lines += [
        "",
        "| run | build time (wall) | core-seconds | titles / minute | speed-up vs serial | per-title overhead |",
        "|---|---|---|---|---|---|",
    ]
    for name, numbers in results.items():
        build = numbers["seconds"] - numbers["cluster_start"]
        overhead = (numbers["cpu"] - serial["cpu"]) / count
        extra = f" (+ {numbers['cluster_start']:.1f} s cluster start)" if numbers["cluster_start"] else ""
        lines.append(f"| {LABELS[name]} | {build:.1f} s{extra} | {numbers['cpu']:.0f} | {60 * count / build:.1f} | "
                     f"{serial['seconds'] / build:.2f}× | {'–' if name == 'serial' else f'{overhead:+.2f} core-s'} |")
    verdict_pool = "✓" if speedup >= 1.7 else "✗"
    ratio = dask_build / pool["seconds"]
    verdict_dask = "✓" if ratio <= 1.15 else "✗"
    cpu_speedup = 2 * serial["cpu"] / pool["cpu"]
    lines += [
        "",
        f"- Speed-up at `--jobs 2`, wall clock: **{speedup:.2f}×** ({verdict_pool} goal ≥ 1.7×). From core-seconds "
        f"(what two idle cores would give if the titles balance perfectly): {cpu_speedup:.2f}×.",
        f"- Dask (2 workers) against the local pool, wall clock: **{ratio:.2f}×** the pool's time, cluster start "
        f"excluded ({verdict_dask} goal within 15 %); in core-seconds {dask['cpu'] / pool['cpu']:.2f}×. The "
        f"LocalCluster took {dask['cluster_start']:.1f} s to start.",
        f"- Per-title overhead = (core-seconds of the run − core-seconds of the serial run) / titles: what each "
        f"title costs beyond the serial build (worker start-up and library loading spread over the titles, "
        f"scheduling, shipping sources and results). Serial cost: {per_title:.1f} s per title "
        f"({serial['cpu'] / count:.1f} core-s).",
        "",
        "### What 10,000 titles would cost on a 16-node cluster (on paper)",
        "",
    ]
    # Parallel efficiency on Dask, from core-seconds: the serial run's work over what the Dask run
    # spent (its workers' start-up, scheduling and transfers included). Sharing does not skew it.
    efficiency = min(1.0, serial["cpu"] / dask["cpu"])
    per_title = serial["cpu"] / count  # core-seconds: what a title costs a dedicated core
    core_hours = 10_000 * per_title / 3600
    for cores in (2, 16):
        workers = 16 * cores
        hours = 10_000 * per_title / (workers * efficiency) / 3600
        lines.append(f"- Nodes of {cores} cores ({workers} single-threaded Dask workers), at the Dask run's "
                     f"efficiency of {efficiency:.0%} (serial core-seconds / Dask core-seconds): 10,000 × "
                     f"{per_title:.1f} core-s / ({workers} × {efficiency:.2f}) ≈ **{hours:.1f} h** "
                     f"({hours * 60:.0f} min), plus about a minute to start the cluster.")
    lines += [
        f"- That is {core_hours:.0f} core-hours of work for these editions; audio, left out here, costs more "
        f"than all of them together on the bundled article (single-title table above: `publish audio` cold "
        f"against `publish all` cold), so a full archive with audio is roughly 2.5 times this.",
        "- Assumptions: titles like these (a mix of a 30 kB feature and a 3 kB one); outputs written to an "
        "object store in the same region (upload time not measured here); each worker's cache starts cold; "
        "the scheduler keeps up (10,000 tasks of tens of seconds each are far below what one Dask scheduler "
        "handles); no stragglers. A busier scheduler, slower storage or a shared node would lower the efficiency.",
        "",
    ]
    return "\n".join(lines)
