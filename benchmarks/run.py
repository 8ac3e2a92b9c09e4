"""Times every `publish` command on the first title — cold, warm, after a one-answer edit —
and the anchors (pandoc → EPUB, Typst → PDF) on the same text in the same run; and, with
`--catalogue`, a catalogue of titles built serially, on two local processes and on a two-worker
local Dask cluster.

    python benchmarks/run.py [--runs 3] [--only epub,pdf] [--no-anchors]
    python benchmarks/run.py --only "pdf --learner" --runs 3     (those rows only; the rest of the file stays)
    python benchmarks/run.py --catalogue [--titles 24]

Writes Markdown tables to benchmarks/RESULTS.md (each mode rewrites its own section). Each
measurement runs in a scratch folder with its own cache, so nothing here touches output/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source" / "sora-reactions.md"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PUBLISH = [sys.executable, "-m", "pipeline.cli"]

# command name → (arguments, target seconds cold, target seconds warm, target after an edit)
COMMANDS: dict[str, tuple[list[str], float | None, float | None, float | None]] = {
    "check": (["check"], None, None, None),
    "epub": (["epub"], 2.0, 1.0, None),
    "pdf": (["pdf"], 3.0, 0.5, None),
    "epub --learner": (["epub", "--learner"], None, None, None),
    "pdf --learner": (["pdf", "--learner"], 4.0, None, 2.0),
    "pdf --learner --layout typst": (["pdf", "--learner", "--layout", "typst"], 4.0, None, 2.0),
    "script": (["script", "--engine", "espeak"], None, None, None),
    "audio": (["audio", "--engine", "espeak"], 60.0, None, 5.0),
    "all": (["all", "--engine", "espeak"], None, 2.0, None),
}


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds of the command and the worker processes it waited for


def run(args: list[str], cwd: Path) -> Sample:
    """Run one command; wall time, CPU time and the child's peak resident memory (from wait4:
    the child's own usage and that of the processes it waited for, its build workers)."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark command failed: {' '.join(args)}\n{error}")
    return Sample(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def scratch() -> Path:
    work = Path(tempfile.mkdtemp(prefix="publish-bench-"))
    (work / "source").mkdir()
    shutil.copy(SOURCE, work / "source" / SOURCE.name)
    return work


def edit_one_answer(work: Path, n: int) -> None:
    """Change one answer's text (a different change each time, so every run is an edit)."""
    path = work / "source" / SOURCE.name
    text = path.read_text(encoding="utf-8")
    marker = "首选还是付费购买素材"
    text = text.replace(marker, f"{marker}{'真的' * (n % 3 + 1)}", 1) if n else text
    path.write_text(text, encoding="utf-8")


def measure(name: str, runs: int) -> dict[str, list[Sample]]:
    args = COMMANDS[name][0]
    results: dict[str, list[Sample]] = {"cold": [], "warm": [], "edit": []}
    for n in range(runs):
        work = scratch()
        try:
            results["cold"].append(run(PUBLISH + args, work))
            results["warm"].append(run(PUBLISH + args, work))
            if name != "check":
                edit_one_answer(work, n + 1)
                results["edit"].append(run(PUBLISH + args, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return results


# -- anchors ------------------------------------------------------------------------------
def ensure_anchors() -> tuple[str | None, str | None]:
    """Install pandoc (Debian) and typst (PyPI) if missing; return their versions or None."""
    if shutil.which("pandoc") is None and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "pandoc"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    try:
        import typst  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "typst"], check=False)
    pandoc = shutil.which("pandoc")
    pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0] if pandoc else None
    try:
        import importlib.metadata

        typst_version = "typst (PyPI) " + importlib.metadata.version("typst")
    except importlib.metadata.PackageNotFoundError:
        typst_version = None
    return pandoc_version, typst_version


def anchor_inputs(work: Path) -> tuple[Path, Path]:
    """The same text as Markdown for pandoc and as Typst markup, from the document model."""
    sys.path.insert(0, str(ROOT))
    from pipeline.build import prepare
    from pipeline.fonts import font_path
    from pipeline.reader import read_source

    doc = prepare(read_source(SOURCE))
    markdown = [f"---\ntitle: {doc.meta.title}\nlang: zh-Hans\n---\n"]
    typ = [
        '#set text(font: "Noto Serif SC", lang: "zh", size: 10.5pt)\n'
        '#set page(paper: "a5", numbering: "1")\n#set par(justify: true, first-line-indent: 2em)\n'
        f"= {doc.meta.title}\n"
    ]

    def typst_escape(text: str) -> str:
        return "".join("\\" + c if c in "\\#*_`$<>@[]=-+/~" else c for c in text)

    for block in doc.text_blocks():
        markdown.append(block + "\n")
        typ.append(typst_escape(block) + "\n")
    md_path, typ_path = work / "anchor.md", work / "anchor.typ"
    md_path.write_text("\n".join(markdown), encoding="utf-8")
    typ_path.write_text("\n".join(typ), encoding="utf-8")
    (work / "fonts").mkdir(exist_ok=True)
    shutil.copy(font_path("serif"), work / "fonts")
    return md_path, typ_path


def measure_anchors(runs: int) -> dict[str, list[Sample]]:
    work = scratch()
    md_path, typ_path = anchor_inputs(work)
    results: dict[str, list[Sample]] = {}
    if shutil.which("pandoc"):
        results["pandoc → EPUB"] = [run(["pandoc", str(md_path), "-o", str(work / "a.epub")], work) for _ in range(runs)]
    script = (
        "import typst,sys; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])"
    )
    try:
        import typst  # noqa: F401

        results["Typst → PDF"] = [
            run([sys.executable, "-c", script, str(typ_path), str(work / "a.pdf"), str(work / "fonts")], work)
            for _ in range(runs)
        ]
    except ImportError:
        pass
    shutil.rmtree(work, ignore_errors=True)
    return results


# -- report -------------------------------------------------------------------------------
def summary(samples: list[Sample]) -> str:
    if not samples:
        return "–"
    times = [s.seconds for s in samples]
    spread = (max(times) - min(times)) / 2
    return f"{statistics.median(times):.2f} s ± {spread:.2f}"


def cpu(samples: list[Sample]) -> str:
    return f"{statistics.median(s.cpu for s in samples):.2f} s" if samples else "–"


def load() -> str:
    """The machine's load average (1, 5, 15 minutes): others' work slows the wall clock."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def peak(samples: list[Sample]) -> float:
    return max((s.peak_mb for s in samples), default=0.0)


def verdict(samples: list[Sample], target: float | None) -> str:
    if target is None or not samples:
        return ""
    ok = statistics.median(s.seconds for s in samples) < target
    return f" ({'✓' if ok else '✗'} < {target:g} s)"


def row(name: str, samples: dict[str, list[Sample]]) -> str:
    _args, cold_t, warm_t, edit_t = COMMANDS[name]
    return (
        f"| `publish {name}` | {summary(samples['cold'])}{verdict(samples['cold'], cold_t)} "
        f"| {summary(samples['warm'])}{verdict(samples['warm'], warm_t)} "
        f"| {summary(samples['edit'])}{verdict(samples['edit'], edit_t)} "
        f"| {peak(samples['cold'] + samples['warm'] + samples['edit']):.0f} MB |"
    )


def cpu_table(results: dict[str, dict[str, list[Sample]]]) -> list[str]:
    lines = ["| command | CPU cold | CPU warm | CPU after one-answer edit |", "|---|---|---|---|"]
    for name, samples in results.items():
        lines.append(f"| `publish {name}` | {cpu(samples['cold'])} | {cpu(samples['warm'])} | {cpu(samples['edit'])} |")
    return lines


def update_rows(path: Path, results: dict[str, dict[str, list[Sample]]], runs: int, loads: tuple[str, str]) -> str:
    """RESULTS.md with the rows of `results` measured again and everything else kept: the rows
    replaced in the table, and in "Rows measured again" one line per command with when, under
    what load, and its CPU times. Rows measured again earlier keep their own lines: a run of
    one command must not drop what another run recorded."""
    text = path.read_text(encoding="utf-8")
    for name, samples in results.items():
        pattern = re.compile(rf"^\| `publish {re.escape(name)}` \|.*$", re.M)
        text = pattern.sub(lambda _match: row(name, samples), text, count=1)
    heading = "## Rows measured again"
    old = section_of(path, heading)
    when = time.strftime("%Y-%m-%d %H:%M")
    fresh = {name: (f"| `publish {name}` | {when} | {loads[0]} → {loads[1]} | {cpu(samples['cold'])} "
                    f"| {cpu(samples['warm'])} | {cpu(samples['edit'])} |") for name, samples in results.items()}
    kept = {name: line for name, line in _remeasured_rows(old).items() if name not in fresh}
    section = "\n".join([
        heading, "",
        f"Rows of the table above measured again by `python benchmarks/run.py --only ... --runs N` "
        f"({os.cpu_count()} cores, Python {platform.python_version()}), each with when and the load "
        "average (1 / 5 / 15 min) before → after: the machine is shared, and the wall clock counts "
        "others' work; the CPU time (user + system, of the command and of the worker processes it "
        f"waited for) does not, medians (the last run: {runs} run(s) each):", "",
        "| command | measured | load average | CPU cold | CPU warm | CPU after one-answer edit |",
        "|---|---|---|---|---|---|",
        *[line for _name, line in sorted({**kept, **fresh}.items(), key=_table_order)], "", "",
    ])
    if old:
        return text.replace(old, section)
    marker = "\n## Anchors on the same text"
    at = text.find(marker)
    return text[:at] + "\n" + section + text[at:] if at >= 0 else text.rstrip("\n") + "\n\n" + section


def _table_order(item: tuple[str, str]) -> int:
    """Lines in the order of the main table (`COMMANDS`); unknown commands last."""
    order = list(COMMANDS)
    return order.index(item[0]) if item[0] in order else len(order)


def _remeasured_rows(section: str) -> dict[str, str]:
    """The per-command lines of an earlier "Rows measured again" section, by command. Lines
    written before the table had its date and load columns get the section's date and "–"."""
    dated = re.search(r"on (\d{4}-\d\d-\d\d \d\d:\d\d)", section)
    rows: dict[str, str] = {}
    for match in re.finditer(r"^\| `publish ([^`]+)` \|(.*)$", section, re.M):
        name, cells = match.group(1), [c.strip() for c in match.group(2).strip().strip("|").split("|")]
        if len(cells) == 3:  # command | cold | warm | edit: the old layout
            cells = [dated.group(1) if dated else "–", "–", *cells]
        rows[name] = f"| `publish {name}` | " + " | ".join(cells) + " |"
    return rows


def report(results: dict[str, dict[str, list[Sample]]], anchors: dict[str, list[Sample]],
           versions: tuple[str | None, str | None], runs: int, loads: tuple[str, str] = ("?", "?")) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{runs} run(s) each, median ± half the range. Cold = empty cache and output; warm = the "
        "same command again with nothing changed; edit = after changing one answer.",
        "",
        "| command | cold | warm | after one-answer edit | peak memory |",
        "|---|---|---|---|---|",
    ]
    lines += [row(name, samples) for name, samples in results.items()]
    lines += ["", f"Load average (1 / 5 / 15 min) {loads[0]} before and {loads[1]} after. CPU time (user + "
              "system, of the command and of the worker processes it waited for), medians:", "",
              *cpu_table(results)]
    if anchors:
        lines += ["", "## Anchors on the same text", "", "| tool | time | peak memory | ratio |", "|---|---|---|---|"]
        pairs = {"pandoc → EPUB": "epub", "Typst → PDF": "pdf"}
        for name, samples in anchors.items():
            ours = results.get(pairs[name], {}).get("cold", [])
            ratio = ""
            if ours:
                ratio = (f"`publish {pairs[name]}` cold is "
                         f"{statistics.median(s.seconds for s in ours) / statistics.median(s.seconds for s in samples):.1f}× this")
            lines.append(f"| {name} | {summary(samples)} | {peak(samples):.0f} MB | {ratio} |")
        lines += ["", "Anchor versions: " + "; ".join(v for v in versions if v) + "."]
        lines += ["", "The anchors get plain paragraphs (no cover, no subset fonts, no contributors index, "
                  "no accessibility metadata); they show the cost floor of the format, not equal work."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(COMMANDS), help="comma-separated command names")
    parser.add_argument("--no-anchors", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--catalogue", action="store_true", help="time the catalogue runs instead")
    parser.add_argument("--titles", type=int, default=24, help="catalogue size")
    parser.add_argument("--note", default="", help="a remark printed with the catalogue results")
    parser.add_argument("--render", action="store_true",
                        help="rewrite the catalogue section from benchmarks/catalogue-numbers.json")
    parser.add_argument("--catalogue-run", help=argparse.SUPPRESS)  # internal: one configuration
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.catalogue_run:
        sys.path.insert(0, str(ROOT))
        from catalogue import run_configuration

        run_configuration(options.catalogue_run, options.work)
        return
    if options.catalogue or options.render:
        sys.path.insert(0, str(ROOT))
        from catalogue import NUMBERS, measure_catalogue, report_catalogue

        if options.render:
            kept = json.loads(NUMBERS.read_text(encoding="utf-8"))
            section = report_catalogue(kept["titles"], kept["results"], options.note or kept["note"], kept["date"])
        else:
            section = measure_catalogue(options.titles, options.note)
        write_section(options.output, CATALOGUE_HEADING, section)
        print(section)
        return
    names = [name.strip() for name in options.only.split(",") if name.strip()]
    partial = set(names) != set(COMMANDS)
    results = {}
    before = load()
    for name in names:
        print(f"timing publish {name} …", flush=True)
        results[name] = measure(name, options.runs)
        print(f"  cold {summary(results[name]['cold'])}, warm {summary(results[name]['warm'])}, "
              f"edit {summary(results[name]['edit'])}", flush=True)
    loads = (before, load())
    if partial and options.output.exists():  # only these rows: the rest of the file stays
        text = update_rows(options.output, results, options.runs, loads)
        options.output.write_text(text, encoding="utf-8")
        print(text)
        return
    anchors, versions = {}, (None, None)
    if not options.no_anchors:
        versions = ensure_anchors()
        anchors = measure_anchors(options.runs)
    text = report(results, anchors, versions, options.runs, loads)
    options.output.write_text(text + kept_sections(options.output), encoding="utf-8")
    print(text)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "import_speed.py"), "--output", str(options.output)], check=True)


def kept_sections(path: Path) -> str:
    """What other scripts wrote into RESULTS.md after the command table and the anchors
    (pinyin accuracy, import speed, the catalogue): kept when the table is written again."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    starts = [at for at in (text.find("\n<!--"), text.find(f"\n{CATALOGUE_HEADING}")) if at >= 0]
    return "\n" + text[min(starts) + 1:] if starts else ""


CATALOGUE_HEADING = "## Catalogue"


def section_of(path: Path, heading: str) -> str:
    """The section of RESULTS.md that starts at `heading` (to the next '## ' or the end)."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    start = text.find(f"\n{heading}")
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(heading) + 1)
    return text[start + 1: end + 1 if end >= 0 else len(text)]


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace (or append) one section of RESULTS.md, leaving the rest as it was."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    old = section_of(path, heading)
    text = text.replace(old, section) if old else text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
