"""Mutation testing of the core modules with mutmut 3, one group of modules at a time, each
with the fast tests that exercise it; writes benchmarks/MUTATION.md.

    make mutate                                    # = nice -n 19 python benchmarks/mutate.py $(ARGS)
    python benchmarks/mutate.py                    # every group, from scratch (what `make mutate` runs)
    python benchmarks/mutate.py --only typography  # one group (comma-separated names)
    python benchmarks/mutate.py --resume           # keep earlier verdicts, test only what is new
    python benchmarks/mutate.py --report           # rewrite MUTATION.md from the last results
    python benchmarks/mutate.py --survivors --only casting  # test the survivors again (new tests)
    python benchmarks/mutate.py --max-minutes 25   # stop each group after 25 minutes (rest: "not run")

Why groups: mutmut maps each test to the functions it reaches and runs, per mutant, only the
tests that reach the mutated function; but a function of the reader is reached by every test
that builds a book. So each group names the fast tests written for its modules, and mutmut
narrows those further per function. Each group runs in its own scratch folder
`.mutate/<group>/` (mutmut reads its settings from the `pyproject.toml` of the folder it runs in
and keeps its mutants in `mutants/` there), so groups never share or clobber results.

What a mutant pays: every selected test that reaches its function, stopped at the first failure.
A group whose functions are all reached by slow property tests (the reader) runs with
`benchmarks/mutate_plugin.py` (fastest tests first, property tests with fewer, fixed examples, in
mutation runs only) and a shorter timeout for endless loops; see `Group`.

Every survivor must be killed by a test or explained: `benchmarks/mutation_explained.toml` holds
the explanations (a kind, a reason, and which mutants it covers, matched by module, function
and the mutated line, so renumbering after an edit does not detach them). The report lists
survivors that no explanation covers, and explanations that no longer match a survivor.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".mutate"
REPORT = ROOT / "benchmarks" / "MUTATION.md"
EXPLAINED = ROOT / "benchmarks" / "mutation_explained.toml"
MUTMUT = Path(sys.executable).with_name("mutmut")
# What the tests read from the project besides the package and the tests themselves.
ALSO_COPY = ["source", "publish.toml", "README.md", "docs", "benchmarks"]


@dataclass(frozen=True)
class Group:
    modules: tuple[str, ...]
    tests: tuple[str, ...]
    deselect: tuple[str, ...] = ()  # node ids or -k expressions that cannot see a mutant
    # benchmarks/mutate_plugin.py: fastest tests first, property tests with fewer, fixed examples
    # (for a group whose every function is reached by slow property tests)
    plugin: bool = False
    # mutmut stops a mutant after (its tests' time + 1 s) × this × 2 CPU seconds (mutmut's default
    # 15: two and a half minutes for every endless loop of a group whose tests take 4 s)
    timeout_multiplier: float = 15.0


# Tests that start `publish` in a child process run the installed (unmutated) package, so they
# cannot kill a mutant; they are left out, and so are whole-book builds where a module's own
# tests already reach the same code (each survivor would pay for them on every run).
GROUPS: dict[str, Group] = {
    "reader": Group(
        ("pipeline/reader.py", "pipeline/sourcebytes.py", "pipeline/bodyreader.py", "pipeline/bodymarkdown.py",
         "pipeline/texthygiene.py", "pipeline/frontparts.py", "pipeline/inlinetext.py", "pipeline/fences.py",
         "pipeline/frontmatter.py"),
        ("tests/test_reader.py", "tests/test_reader_fences.py", "tests/test_reader_broken.py",
         "tests/test_reader_pronunciations.py", "tests/test_reader_properties.py", "tests/test_reader_messages.py",
         "tests/test_reader_edges.py", "tests/test_reader_links.py"),
        # (and check's report of each broken source: the check group's; its setup alone takes
        # seconds, paid again by every reader mutant); the fence tests that break the first title
        # one fence line at a time (the test title's every fence line reaches the same code in a
        # fifth of the time); the 100,000-value alias bomb (6 s under mutmut: the same code and
        # message are reached by the small-budget tests beside it)
        ("installed_command", "a_build_refuses", "test_check_reports", "first-",
         "test_aliases_that_expand_too_far_are_one_error_at_the_field"),
        plugin=True, timeout_multiplier=3.0,
    ),
    "check": Group(
        ("pipeline/check.py", "pipeline/diagnostics.py"),
        ("tests/test_check.py", "tests/test_check_pinyin.py", "tests/test_check_pasted.py", "tests/test_check_warnings.py",
         "tests/test_reader_links.py", "tests/test_reader_broken4.py"),
        # the broken-source tests that then build an EPUB (their check step is the same `publish
        # check` the rows before them run), the first title's whole check with pinyin, and the
        # 230-speaker chapter cast on both engines: together four fifths of what a survivor pays
        # (over two minutes each on a loaded machine), for mutants the smaller tests beside them reach
        ("test_odd_but_fine_sources_build", "test_a_warned_source_still_builds", "test_a_file_that_is_no_source",
         "test_first_title_is_clean", "test_a_chapter_too_crowded_for_every_engine"),
    ),
    "build": Group(
        ("pipeline/fsutil.py", "pipeline/build.py"),
        ("tests/test_build.py", "tests/test_build_decisions.py", "tests/test_crash_safety.py"),
    ),
    "casting": Group(
        ("pipeline/passes/casting.py",),
        ("tests/passes/test_casting.py", "tests/audio/test_plan.py"),
    ),
    "segments": Group(
        ("pipeline/audio/segments.py",),
        ("tests/audio/test_plan.py", "tests/audio/test_segments.py"),
    ),
    "learner-layout": Group(
        ("pipeline/renderers/ruby.py", "pipeline/renderers/pinyinglyphs.py", "pipeline/renderers/pinyinlayout.py", "pipeline/renderers/wordshape.py"),
        ("tests/renderers/test_ruby.py", "tests/renderers/test_pinyin_glyphs.py", "tests/renderers/test_wordshape.py", "tests/renderers/test_tone_colours.py", "tests/renderers/test_pdf_learner.py",
         "tests/renderers/test_line_breaking.py"),
        # the tests that read a whole learner PDF made by WeasyPrint (seconds per mutant); the line
        # layout is tested directly by the others, which call break_lines without WeasyPrint
        ("test_every_paragraph", "test_each_syllable", "test_no_line_starts", "test_book_structure",
         "(test_word_shapes and not in_the_layout)"),
    ),
    "typography": Group(
        ("pipeline/passes/typography.py",),
        ("tests/passes/test_typography.py", "tests/test_reader_links.py"),
    ),
}

STATUS = {  # mutmut's exit codes → the columns of the report
    1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "not run",
    36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout",
    37: "killed",  # by the type checker (not configured here)
}


# --- running ---------------------------------------------------------------------------------

def _deselected(group: Group) -> str:
    """The pytest -k expression that leaves out the group's deselected tests."""
    return " and ".join(f"not {k}" for k in group.deselect)


def _settings(group: Group) -> str:
    tests = [t for t in group.tests if (ROOT / t).exists()]
    args = ["-m", "not slow", "-p", "no:cacheprovider"]
    if group.plugin:
        args += ["-p", "benchmarks.mutate_plugin"]
    if group.deselect:
        args += ["-k", _deselected(group)]
    return "\n".join([
        "",
        "[tool.mutmut]",
        'source_paths = ["pipeline"]',
        f"only_mutate = {json.dumps(list(group.modules))}",
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        f"pytest_add_cli_args = {json.dumps(args)}",
        f"also_copy = {json.dumps(ALSO_COPY)}",
        f"timeout_multiplier = {group.timeout_multiplier}",
        "",
    ])


def run_group(name: str, group: Group, jobs: int, resume: bool, max_minutes: float | None = None,
              only: list[str] | None = None) -> bool:
    """Run mutmut for one group in its scratch folder; False if mutmut failed. With
    `max_minutes`, mutmut is stopped after that long: the mutants it has not tested yet are
    reported as "not run" (mutmut saves its verdicts as it goes). With `only` (mutant names), just
    those mutants are tested again, keeping every other verdict."""
    work = SCRATCH / name
    if not resume and only is None and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    for entry in ["pipeline", "tests", *ALSO_COPY]:
        link = work / entry
        if not link.is_symlink() and (ROOT / entry).exists():
            link.symlink_to(ROOT / entry)
    (work / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8")
                                         + _settings(group), encoding="utf-8")
    if resume and (work / "mutants").exists():
        # the tests may have changed since: refresh mutmut's copy of them
        shutil.rmtree(work / "mutants" / "tests", ignore_errors=True)
    print(f"mutate: {name}: {', '.join(group.modules)}", flush=True)
    started = time.monotonic()
    commit = _commit()
    stopped = False
    with open(work / "run.log", "wb") as log:
        # its own session, so that a stop reaches mutmut's workers too
        process = subprocess.Popen([str(MUTMUT), "run", "--max-children", str(jobs), *(only or [])], cwd=work,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            process.wait(timeout=max_minutes * 60 if max_minutes else None)
        except subprocess.TimeoutExpired:
            stopped = True
            os.killpg(process.pid, signal.SIGTERM)  # (mutmut keeps going on SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    seconds = time.monotonic() - started
    if not stopped and process.returncode != 0:
        tail = (work / "run.log").read_bytes()[-3000:].decode("utf-8", "replace")
        print(f"mutate: mutmut failed for {name} (exit {process.returncode}); "
              f"{work / 'run.log'} ends:\n{tail}", file=sys.stderr)
        return False
    timing = work / "timing.json"
    if only is not None and timing.exists():  # the full run's record, plus this rerun
        record = json.loads(timing.read_text(encoding="utf-8"))
        record["survivors_rerun"] = {"date": date.today().isoformat(), "commit": commit, "count": len(only),
                                     "stopped": stopped}
    else:
        record = {"seconds": seconds, "date": date.today().isoformat(), "jobs": jobs, "commit": commit,
                  "stopped": stopped}
        if resume and timing.exists():  # a resumed run finishes the earlier one: count both
            earlier = json.loads(timing.read_text(encoding="utf-8"))
            record["seconds"] += earlier["seconds"]
            record["runs"] = earlier.get("runs", 1) + 1
    timing.write_text(json.dumps(record), encoding="utf-8")
    print(f"mutate: {name}: {seconds:.0f} s" + (" (stopped at the time limit)" if stopped else ""), flush=True)
    return True


# --- results ---------------------------------------------------------------------------------

@dataclass
class Mutant:
    name: str
    module: str
    function: str
    status: str
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def change(self) -> str:
        old = " / ".join(self.removed) or "∅"
        new = " / ".join(self.added) or "∅"
        return f"`{_clip(old)}` → `{_clip(new)}`"


def _clip(text: str, width: int = 110) -> str:
    text = text.replace("`", "'")
    return text if len(text) <= width else text[: width - 1] + "…"


def _function(name: str) -> str:
    """`pipeline.bodyreader.xǁBodyBuilderǁXread_body__mutmut_3` → `BodyBuilder.read_body`."""
    last = name.rsplit(".", 1)[-1]
    last = re.sub(r"__mutmut_\d+$", "", last)
    if last.startswith("xǁ"):
        cls, _, meth = last[2:].partition("ǁ")
        return f"{cls}.{meth}" if meth else cls
    return last.removeprefix("x_")


def load_results(name: str, group: Group, diffs: bool = True) -> list[Mutant]:
    work = SCRATCH / name
    if not (work / "mutants").exists():
        return []
    mutants: list[Mutant] = []
    for module in group.modules:
        meta = work / "mutants" / (module + ".meta")
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for key, code in codes.items():
            status = STATUS.get(code, "not run" if code is None else "other")
            mutants.append(Mutant(key, module, _function(key), status))
    if diffs:
        _add_diffs(work, [m for m in mutants if m.status in ("survived", "no tests")])
    return mutants


def _add_diffs(work: Path, mutants: list[Mutant]) -> None:
    """The changed lines of each mutant, from mutmut's own diff (run in the group's folder)."""
    if not mutants:
        return
    script = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "out = {}\n"
        "for name, path in json.load(sys.stdin):\n"
        "    out[name] = get_diff_for_mutant(name, path=path)\n"
        "json.dump(out, sys.stdout)\n"
    )
    pairs = [(m.name, m.module) for m in mutants]
    done = subprocess.run([sys.executable, "-c", script], cwd=work, input=json.dumps(pairs),
                          capture_output=True, text=True, check=True)
    diffs = json.loads(done.stdout)
    for m in mutants:
        lines = diffs[m.name].splitlines()
        m.removed = [ln[1:].strip() for ln in lines if ln.startswith("-") and not ln.startswith("---")]
        m.added = [ln[1:].strip() for ln in lines if ln.startswith("+") and not ln.startswith("+++")]


# --- explanations ----------------------------------------------------------------------------

@dataclass
class Rule:
    kind: str
    why: str
    module: str
    function: str = "*"
    changed: str = ""  # a regular expression searched in the mutated line(s); empty: any
    original: str = ""  # … and in the original line(s)
    matched: list[Mutant] = field(default_factory=list)

    def covers(self, m: Mutant) -> bool:
        return (m.module == self.module and fnmatch.fnmatchcase(m.function, self.function)
                and (not self.changed or re.search(self.changed, "\n".join(m.added)) is not None)
                and (not self.original or re.search(self.original, "\n".join(m.removed)) is not None))


def load_rules() -> tuple[list[str], list[Rule]]:
    if not EXPLAINED.exists():
        return [], []
    data = tomllib.loads(EXPLAINED.read_text(encoding="utf-8"))
    kinds = list(data.get("kinds", {}))
    rules = [Rule(**{k: v for k, v in r.items()}) for r in data.get("rule", [])]
    return kinds, rules


# --- report ----------------------------------------------------------------------------------

COLUMNS = ("killed", "survived", "no tests", "timeout", "not run")


def write_report(results: dict[str, list[Mutant]]) -> tuple[int, int]:
    """Write MUTATION.md; returns (survivors, survivors not explained)."""
    kinds, rules = load_rules()
    kind_text = tomllib.loads(EXPLAINED.read_text(encoding="utf-8")).get("kinds", {}) if EXPLAINED.exists() else {}
    out: list[str] = [
        "# Mutation testing",
        "",
        "Written by `make mutate` (`benchmarks/mutate.py`): [mutmut](https://mutmut.readthedocs.io) 3 "
        f"{_mutmut_version()} changes one thing at a time in the core modules (an operator, a number, a string, "
        "a condition, an argument, a returned value) and runs, for each such *mutant*, the fast tests of that "
        "module that reach the changed function. A mutant is *killed* when a test fails; a *survivor* "
        "is a change no test noticed. Every survivor is either killed by a new test or explained "
        "below (explanations: `benchmarks/mutation_explained.toml`). *No tests*: no selected test reaches "
        "the function. *Timeout*: the mutant made the tests run far longer than the clean run "
        "(an endless loop), which counts as caught.",
        "",
        "## Summary",
        "",
        f"Report written {date.today().isoformat()}; each group's run names the commit it mutated. *Score*: killed and "
        "timed-out mutants over the mutants tested (*not run*: left untested when a run was stopped at its time limit); *explained*: survivors an explanation below covers.",
        "",
        "| group | module | mutants | killed | survived | no tests | timeout | not run | score | explained |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    survivors: list[Mutant] = []
    totals: Counter[str] = Counter()
    for name, mutants in results.items():
        for module in GROUPS[name].modules:
            ms = [m for m in mutants if m.module == module]
            count = Counter(m.status for m in ms)
            left = [m for m in ms if m.status in ("survived", "no tests")]
            survivors += left
            explained = sum(1 for m in left if any(r.covers(m) for r in rules))
            totals.update(count)
            totals["all"] += len(ms)
            totals["explained"] += explained
            out.append(f"| {name} | `{module}` | {len(ms)} | "
                       + " | ".join(str(count[c]) for c in COLUMNS) + f" | {_score(count, len(ms))} | {explained} |")
    out.append(f"| **all** | | **{totals['all']}** | "
               + " | ".join(f"**{totals[c]}**" for c in COLUMNS)
               + f" | **{_score(totals, totals['all'])}** | **{totals['explained']}** |")
    out += ["", "Runs (wall clock on this 2-core machine, shared with other work; `nice -n 19`, two mutmut workers):", ""]
    total_seconds = 0.0
    for name in results:
        timing = SCRATCH / name / "timing.json"
        group = GROUPS[name]
        if timing.exists():
            t = json.loads(timing.read_text(encoding="utf-8"))
            total_seconds += t["seconds"]
            when = f"{t['seconds'] / 60:.1f} min on {t['date']}, commit `{t.get('commit', '?')}`"
            if t.get("runs", 1) > 1:
                when += f" (in {t['runs']} runs, each resuming the last: tests were added between them)"
            if t.get("stopped"):
                when += " — **stopped at the time limit** (its untested mutants are *not run*)"
            if "survivors_rerun" in t:
                rerun = t["survivors_rerun"]
                when += (f"; its {rerun['count']} survivors tested again on {rerun['date']}, commit "
                         f"`{rerun['commit']}` (after new tests"
                         + ("; stopped at the time limit, the rest keep their first verdict)" if rerun.get("stopped") else ")"))
        else:
            when = "not run"
        tests = ", ".join(f"`{t}`" for t in group.tests if (ROOT / t).exists())
        skip = f" with `-k \"{_deselected(group)}\"`" if group.deselect else ""
        out.append(f"- **{name}** — {when}; tests: {tests}{skip}")
    out += ["", f"All groups: {total_seconds / 60:.0f} min.", ""]

    for m in survivors:
        for r in rules:
            if r.covers(m):
                r.matched.append(m)
                break
    unexplained = [m for m in survivors if not any(m in r.matched for r in rules)]

    findings = tomllib.loads(EXPLAINED.read_text(encoding="utf-8")).get("findings", "") if EXPLAINED.exists() else ""
    if findings:
        out += ["## What the survivors found", "", findings.strip(), ""]
    out += ["## Survivors explained", "",
            "Grouped by kind; each entry names the mutants it covers (module, function, the change).", ""]
    for kind in kinds + sorted({r.kind for r in rules} - set(kinds)):
        kind_rules = [r for r in rules if r.kind == kind and r.matched]
        if not kind_rules:
            continue
        n = sum(len(r.matched) for r in kind_rules)
        out += [f"### {kind} ({n})", ""]
        if kind in kind_text:
            out += [kind_text[kind].strip(), ""]
        for r in kind_rules:
            out.append(f"- **{Path(r.module).stem}.{r.function if r.function != '*' else '*'}** — {r.why.strip()}")
            for m in r.matched:
                out.append(f"  - `{_short(m.name)}` {m.change}")
        out.append("")
    out += ["## Survivors not yet examined", "",
            "(neither killed by a test nor explained: the work still to do)", ""]
    if unexplained:
        # notes on what is left (`[[open]]` in the TOML file): why a batch is still open, and what
        # killing it would take; they explain nothing away, the mutants stay listed here
        notes = tomllib.loads(EXPLAINED.read_text(encoding="utf-8")).get("open", []) if EXPLAINED.exists() else []
        left = list(unexplained)
        for note in notes:
            batch = [m for m in left if m.module == note["module"] and fnmatch.fnmatchcase(m.function, note["function"])]
            if not batch:
                continue
            left = [m for m in left if m not in batch]
            out += [f"### `{Path(note['module']).stem}` {note['function']} ({len(batch)})", "", note["why"].strip(), ""]
            out += [f"- `{_short(m.name)}` ({m.status}) {m.function}: {m.change}" for m in batch]
            out.append("")
        if left and len(left) < len(unexplained):
            out += ["### Others", ""]
        for m in left:
            out.append(f"- `{_short(m.name)}` ({m.status}) in `{m.module}` {m.function}: {m.change}")
    else:
        out.append("None.")
    out.append("")
    stale = [r for r in rules if not r.matched and any(r.module in GROUPS[n].modules for n in results)]
    if stale:
        out += ["## Explanations that match no survivor", "",
                "(the code or the tests changed: delete or re-aim them)", ""]
        out += [f"- {r.kind}: `{r.module}` {r.function} /{r.changed}/ — {r.why.strip()[:80]}" for r in stale]
        out.append("")
    REPORT.write_text("\n".join(out), encoding="utf-8")
    return len(survivors), len(unexplained)


def _score(count: Counter[str], total: int) -> str:
    tested = total - count["not run"]
    return f"{100 * (count['killed'] + count['timeout']) / tested:.1f} %" if tested else "–"


def _commit() -> str:
    """The commit the mutants were made from (marked when the work tree had changes)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline", "tests"], cwd=ROOT,
                           capture_output=True, text=True)
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


def _short(name: str) -> str:
    return name.split(".", 1)[1] if name.startswith("pipeline.") else name


def _mutmut_version() -> str:
    from importlib.metadata import version
    return version("mutmut")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated groups: " + ", ".join(GROUPS))
    parser.add_argument("--jobs", type=int, default=2, help="mutmut workers (default 2)")
    parser.add_argument("--resume", action="store_true", help="keep earlier verdicts")
    parser.add_argument("--report", action="store_true", help="only rewrite MUTATION.md")
    parser.add_argument("--max-minutes", type=float, help="stop each group's mutmut after this long")
    parser.add_argument("--survivors", action="store_true",
                        help="test only the last run's survivors again (after writing tests for them)")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(GROUPS)
    unknown = [n for n in names if n not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    if not args.report:
        if not MUTMUT.exists():
            raise SystemExit("mutate: mutmut is not installed in this environment (pip install -e '.[dev]')")
        os.environ.pop("PUBLISH_TEST_KILL", None)
        failed = []
        for name in names:
            only = None
            if args.survivors:
                only = [m.name for m in load_results(name, GROUPS[name], diffs=False) if m.status in ("survived", "no tests")]
                if not only:
                    continue
            if not run_group(name, GROUPS[name], args.jobs, args.resume, args.max_minutes, only):
                failed.append(name)
    # the report always covers every group that has results, so a partial run keeps the rest
    results = {name: load_results(name, GROUPS[name]) for name in GROUPS}
    results = {name: ms for name, ms in results.items() if ms}
    survivors, unexplained = write_report(results)
    print(f"mutate: {sum(len(m) for m in results.values())} mutants, {survivors} survivors, "
          f"{unexplained} not explained → {REPORT.relative_to(ROOT)}")
    if not args.report and failed:
        raise SystemExit(f"mutate: mutmut failed for {', '.join(failed)}")


if __name__ == "__main__":
    main()
