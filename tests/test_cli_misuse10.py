"""The tenth CLI sweep, judged on what an editor sees (the exit code, one `error: …` line and never
a traceback, the files on disk), on a title written for this file. Run in this process: every
case is refused (or read) before anything is built, and no edition is built here.

- an option given twice in its attached short form (`--jobs 1 -j2`, `-j1 -j2`, `-qj1 -j2`,
  `-oa --out b`): the check of a repeated option read `-j2` as no option, so the parser kept
  the last value and dropped the other without a word. One reading of the command line
  (`cli_values.given_options`) now serves every check;
- `publish watch --source ''` was told to 'leave it out to build every title in source/', which
  watch does not do (it follows one title): an option's advice may be its command's own;
- `publish import --help` showed `Usage: publish import [OPTIONS] {FILE}` (Typer's braces);
- `--jobs 64` was capped by the cores for a title's pieces only: the pool of titles and
  `--scheduler local` started 64 processes on a 2-core machine. One rule (`api.usable_jobs`);
- a rival title (same slug, another id) could add the editions not yet built beside another
  title's EPUB in that folder (`publish epub a.md`, then `publish pdf b.md`): one slug, two
  titles' files, which the site lists as one. Refused like a replacement;
- `python -m pipeline` was 'No module named pipeline.__main__';
- a short option written with '=' (`-o=editions`) built into a folder named '=editions';
- an option after `--` (`publish check -- -x.md -q`) was read as a file ('-q: no such file');
- run in one of the project's folders (`cd source; publish epub`): 'no source file: put
  <slug>.md files in source/', naming no project;
- tab completion: a shell named after the option (`--show-completion zsh`) was dropped for the
  detected one; a shell without completion was 'Shell sh is not supported.' on stdout, exit 1.
"""

from __future__ import annotations

import contextlib
import dataclasses
import runpy
from pathlib import Path

import pytest

from pipeline import owners
from pipeline.cache import Cache
from pipeline.errors import PublishError
from tests.test_build import context, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import files_in, invoke
from tests.test_cli_misuse7 import one_error

WELL = """---
id: urn:uuid:3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f
slug: village-well
title: 老井
language: zh-Hans
authors: [林夏]
editor: 赵宁
outlet: 山村周刊
date: 2025-03-08
description: 村口的老井干了又满，一位挑水人说起他的清晨。
rights: "© 2025 山村周刊。"
speakers:
  - id: laoli
    name: 李守田
    role: 挑水人
---

老井在村口，一百年来没有干过。

## 您每天几点挑水？

::: answer laoli
天一亮就去，井水最凉。
:::
"""
WELL_ID = "urn:uuid:3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
# another title under the same slug: its own id, its own words
RIVAL = WELL.replace("1a2b3c4d5e6f", "1a2b3c4d5e70").replace("井水最凉", "井早就封了")


def _project(tmp_path: Path, *names: str) -> Path:
    (tmp_path / "source").mkdir()
    for index, name in enumerate(names or ("well.md",)):
        text = WELL if index == 0 else WELL.replace("village-well", f"village-well-{index}").replace(
            "1a2b3c4d5e6f", f"1a2b3c4d5e{index:02x}")
        (tmp_path / "source" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _command(name: str):  # noqa: ANN202 - a click command
    import typer.main

    from pipeline.cli import app

    return typer.main.get_command(app).commands[name]


# -- an option given twice, in any of the parser's spellings ---------------------------------------------
def test_an_option_given_twice_in_its_short_form_is_refused(tmp_path: Path) -> None:
    """Before: `--jobs 1 -j2` (and each spelling below) built with the last value without a word."""
    from pipeline.cli_values import repeated_options

    project = _project(tmp_path)
    said = one_error(invoke(project, "epub", "--jobs", "1", "-j2"))
    assert said == "error: --jobs given 2 times, with different values ('1', '2'): give it once (nothing was done)"
    assert files_in(project) == ["source", "source/well.md"]
    for command, args, option in [("epub", ["-j1", "-j2"], "--jobs"), ("pdf", ["-qj1", "-j", "2"], "--jobs"),
                                  ("all", ["-j1", "--jobs=2"], "--jobs"), ("script", ["-o", "a", "-ob"], "--out"),
                                  ("epub", ["-oa", "--", "-ob"], None), ("epub", ["-qj2", "--jobs", "2", "-q"], None)]:
        found = repeated_options(_command(command), args)
        assert (found or "").startswith(f"{option} given 2 times") if option else found is None, (args, found)


# -- a short option written with '=' ------------------------------------------------------------------------
def test_a_short_option_written_with_equals_is_refused(tmp_path: Path) -> None:
    """Before: `-o=editions` built into a folder named '=editions' (`-o=`: '='), `-j=2` was '=2'."""
    from pipeline.cli_values import short_option_with_equals

    project = _project(tmp_path)
    said = one_error(invoke(project, "epub", "-o=editions"))
    assert said == ("error: -o=editions: a short option takes its value after a space (-o editions), and '=' goes "
                    "with the long one (--out=editions) (nothing was done)"), said
    assert files_in(project) == ["source", "source/well.md"]
    for args, shown in [(["-qo="], "-qo=: a short option takes its value after a space (-o …)"),
                        (["-j=2"], "-j=2: a short option takes its value after a space (-j 2)"),
                        (["-o", "=x"], None), (["--out==x"], None)]:
        found = short_option_with_equals(_command("pdf"), args)
        assert (found or "").startswith(shown) if shown else found is None, (args, found)


# -- an option after `--`, which ends the options -----------------------------------------------------------
def test_an_option_after_the_marker_is_named(tmp_path: Path, monkeypatch) -> None:
    """Before: 'got unexpected extra argument(s) (--slug y)', and `check -- -x.md -q`: '-q: no such file'."""
    from pipeline.cli_values import options_after_the_marker

    project = _project(tmp_path)
    (project / "-x.md").write_text(WELL, encoding="utf-8")
    said = one_error(invoke(project, "import", "--", "-x.md", "--slug", "y"))
    assert said == ("error: --slug y came after '--', which ends the options (every word after it is a file): write "
                    "the options before '--': publish import --slug y -- -x.md (nothing was done)"), said
    assert files_in(project) == ["-x.md", "source", "source/well.md"]
    monkeypatch.chdir(project)
    check = _command("check")
    assert (options_after_the_marker(check, ["--", "-x.md", "-q"], "check") or "").startswith(
        "-q came after '--', which ends the options (every word after it is a file): write the options before "
        "'--': publish check -q -- -x.md")
    (project / "-q").write_text(WELL, encoding="utf-8")  # a file of that name is a file
    assert options_after_the_marker(check, ["--", "-x.md", "-q"], "check") is None
    assert options_after_the_marker(check, ["--", "-q.md"], "check") is None  # no option: 'no such file' follows


# -- run in one of the project's folders ----------------------------------------------------------------
def test_run_in_a_folder_of_the_project_names_the_project(tmp_path: Path) -> None:
    """Before: 'no source file: put <slug>.md files in source/', in the project's output/site/."""
    project = _project(tmp_path)
    (project / "output" / "site").mkdir(parents=True)
    said = one_error(invoke(project / "output" / "site", "epub"))
    assert said.endswith(f"there is no source/ folder here, and {project} holds one: run publish there "
                         f"(cd {project})"), said
    assert files_in(project) == ["output", "output/site", "source", "source/well.md"]


# -- an option's advice is its command's ----------------------------------------------------------------
def test_watch_says_what_its_source_takes(tmp_path: Path) -> None:
    """Before: 'leave it out to build every title in source/', which watch refuses with two titles."""
    from pipeline.cli_values import value_advice

    said = one_error(invoke(_project(tmp_path), "watch", "-s"))
    assert said.startswith("error: -s needs a value: name the one source file to follow"), said
    assert "every title" not in said and "every title" not in (value_advice(_command("watch"), "--source") or "")
    assert "every title" in (value_advice(_command("epub"), "--source") or "")


def test_a_required_argument_is_shown_as_its_name(tmp_path: Path) -> None:
    """Before: `Usage: publish import [OPTIONS] {FILE}`, read as a literal '{FILE}'."""
    usage = {command: invoke(tmp_path, command, "--help").stdout.splitlines()[0] for command in ("import", "epub")}
    assert usage == {"import": "Usage: publish import [OPTIONS] FILE",
                     "epub": "Usage: publish epub [OPTIONS] [SOURCES]..."}, usage


# -- --jobs: at most one per core, for every runner on this machine -------------------------------------
def test_jobs_is_at_most_one_per_core_for_every_local_runner(tmp_path: Path, monkeypatch) -> None:
    """Before: `--jobs 64` started 64 title workers (or a LocalCluster of 64) on a 2-core machine."""
    from pipeline import api
    from pipeline.driver import cluster

    project = _project(tmp_path, "a.md", "b.md", "c.md")
    monkeypatch.chdir(project)
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(project / ".cache-test"))
    monkeypatch.setattr(api, "default_jobs", lambda: 2)
    started: dict[str, int] = {}

    def runner(kind: str):
        def run(titles, settings, out, cache_dir, jobs, listener):  # noqa: ANN001, ANN202 - run_pool's
            started[kind] = jobs
            return iter(())
        return run

    @contextlib.contextmanager
    def connect(scheduler: str, workers: int, log):  # noqa: ANN001, ANN202 - cluster.connect's
        started["local cluster"] = workers
        yield None

    monkeypatch.setattr(api, "run_pool", runner("pool"))
    monkeypatch.setattr(api, "run_in_process", runner("in process"))
    monkeypatch.setattr(cluster, "connect", connect)
    monkeypatch.setattr(cluster, "run_dask", lambda *args: iter(()))
    said: list[str] = []
    titles = api.find_titles()
    settings = api.settings_for_project(editions=("epub",))
    api.build_titles(titles, settings, "output", jobs=64, log=said.append)
    api.build_titles(titles[:1], settings, "output", jobs=64, log=said.append)
    api.build_titles(titles, settings, "output", jobs=64, scheduler="local", log=said.append)
    assert started == {"pool": 2, "in process": 2, "local cluster": 2}, started
    assert "--jobs 64: this machine has 2 core(s), so 2 build at once" in said, said
    api.build_titles(titles, settings, "output", jobs=1, log=said.append)  # fewer than the cores: as given
    assert started["in process"] == 1


# -- a rival title's editions beside another title's ----------------------------------------------------
def _built_by_well(project: Path, out: str = "output") -> Path:
    """`out/village-well.epub`, recorded in the build cache as the well's (as a build records it)."""
    from pipeline.build import LocalTarget

    folder = project / out
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "village-well.epub").write_bytes(b"the well's EPUB")
    owners.record(Cache(project / ".cache-test"), LocalTarget(folder).identity, ["village-well.epub"], WELL_ID,
                  "source/well.md", "village-well")
    return folder


@pytest.mark.parametrize("command", [["pdf"], ["epub", "--learner"]])
def test_a_rival_title_cannot_add_editions_beside_another_titles(tmp_path: Path, command: list[str]) -> None:
    """Before: refused only where it would replace a file, so `publish pdf rival.md` wrote
    output/village-well.pdf beside the well's EPUB: one slug, two titles' files."""
    project = _project(tmp_path)
    (project / "drafts").mkdir()
    (project / "drafts" / "rival.md").write_text(RIVAL, encoding="utf-8")
    folder = _built_by_well(project)
    said = one_error(invoke(project, *command, "drafts/rival.md"))
    assert said.startswith("error: output/village-well.epub was built from source/well.md (slug 'village-well', id "
                           f"{WELL_ID}), and drafts/rival.md has the same slug 'village-well' but another id"), said
    assert sorted(p.name for p in folder.iterdir()) == ["village-well.epub"]


def test_the_build_itself_refuses_editions_beside_another_titles(tmp_path: Path, registry) -> None:  # noqa: F811
    """The same check under the title's lock (two commands at once cannot race past it)."""
    from pipeline.build import build_editions
    from pipeline.build import LocalTarget
    from pipeline.reader import read_text

    ctx = context(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "village-well.epub").write_bytes(b"the well's EPUB")
    owners.record(ctx.cache, LocalTarget(ctx.out_dir).identity, ["village-well.epub"], WELL_ID, "source/well.md",
                  "village-well")
    rival = read_text(RIVAL, "drafts/rival.md", default_slug="village-well").document
    with pytest.raises(PublishError, match="has the same slug 'village-well' but another id"):
        build_editions(rival, ["text"], ctx, keep_going=True)
    assert not (tmp_path / "out" / "village-well.txt").exists()
    own = read_text(WELL, "source/well.md", default_slug="village-well").document
    assert build_editions(own, ["text"], ctx)[0].rebuilt


def test_another_slugs_file_of_a_longer_name_is_not_a_rival(tmp_path: Path, registry) -> None:  # noqa: F811
    """`village-well-learner`'s EPUB is named as the well's learner EPUB: beside it, the well's
    other editions are still its own to build (only writing that file would clash), whether the
    cache records who built it or (records gone) the EPUB names an id of its own."""
    from pipeline.build import LocalTarget, build_editions
    from pipeline.reader import read_text
    from tests.test_cli_misuse9 import _epub

    other = "urn:uuid:00000000-0000-4000-8000-000000000001"
    _epub(tmp_path / "out" / "village-well-learner.epub", other)
    own = read_text(WELL, "source/well.md", default_slug="village-well").document
    fresh = dataclasses.replace(context(tmp_path), cache=Cache(tmp_path / "fresh-cache"))
    assert build_editions(own, ["text"], fresh)[0].rebuilt  # no record: the EPUB may be either slug's
    owners.record(fresh.cache, LocalTarget(fresh.out_dir).identity, ["village-well-learner.epub"], other,
                  "source/other.md", "village-well-learner")
    assert build_editions(own, ["text"], fresh, force=True)[0].rebuilt


# -- python -m pipeline ------------------------------------------------------------------------------------
def test_python_dash_m_pipeline_is_publish(monkeypatch) -> None:
    """Before: 'No module named pipeline.__main__'. A spawned worker (`__mp_main__`) runs no command."""
    import pipeline.entry

    ran: list[str] = []
    monkeypatch.setattr(pipeline.entry, "main", lambda: ran.append("publish"))
    runpy.run_module("pipeline", run_name="__mp_main__")
    assert ran == []
    runpy.run_module("pipeline", run_name="__main__")
    assert ran == ["publish"]


# -- tab completion: the shell named, a shell without one, a home that cannot be written -----------------
@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A home folder of the test's own: installing completion writes the shell's startup file."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("SHELL", "/bin/bash")
    return folder


def test_the_shell_named_is_the_one_completed(home: Path) -> None:
    """Before: the word was dropped, and the detected shell's script was shown or installed."""
    shown = invoke(home, "--show-completion", "zsh")
    assert shown.exit_code == 0 and shown.stdout.startswith("#compdef publish"), shown.stdout[:80]
    installed = invoke(home, "--install-completion", "fish")
    assert installed.exit_code == 0, installed.stderr
    assert (home / ".config" / "fish" / "completions" / "publish.fish").is_file()
    assert not (home / ".bashrc").exists()
    assert installed.stdout.startswith("fish completion installed in "), installed.stdout


@pytest.mark.parametrize(("args", "detected", "line"), [
    (["--show-completion", "tcsh"], "bash", "error: 'tcsh' is no shell publish completes for: tab completion is for "
                                            "bash, zsh, fish and PowerShell; name yours, e.g. publish "
                                            "--show-completion bash (nothing was shown)"),
    (["--install-completion"], "sh", "error: this shell (sh) has no tab completion: tab completion is for bash"),
], ids=["named", "detected"])
def test_a_shell_without_completion_is_one_line(home: Path, monkeypatch, args: list[str], detected: str,
                                                line: str) -> None:
    """Before: 'Shell sh is not supported.' on standard output, exit 1."""
    import shellingham

    monkeypatch.setattr(shellingham, "detect_shell", lambda *a, **k: (detected, f"/bin/{detected}"))
    said = one_error(invoke(home, *args))
    assert said.startswith(line), said
    assert list(home.iterdir()) == []


def test_a_home_that_cannot_be_written_is_named(tmp_path: Path, monkeypatch) -> None:
    """Before: the build's advice ('the previous outputs are intact; free disk space')."""
    (tmp_path / "home").write_text("a file where the home folder should be", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    result = invoke(tmp_path, "--install-completion", "bash")
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert result.stderr.startswith("error: cannot install tab completion: "), result.stderr
    assert "publish --show-completion bash" in result.stderr and "outputs" not in result.stderr, result.stderr
