"""The eighth CLI sweep: what an editor's command leaves for the next one, and commands given in
ways earlier sweeps did not try, judged on what an editor sees (the exit code, one `error: …`
line and never a traceback, the files on disk). On a title written for this file.

- `publish new --force` over an existing source drew a new `id`, so the title's next build was
  refused for owning its own editions ('has another id than when it built …'), and readers and
  podcast apps took it for another title. Now it keeps the id, as `import --force` does;
- `publish clean-cache` (and the cache's pruning) forgot which title built each output, so
  another source with the same slug then silently took that title's editions. The records are
  kept now: they are not a cache, nothing could rebuild them;
- `FORCE_COLOR=1` (set by many CI systems) made Rich take a pipe for a terminal: the audio
  build's progress bar redrew itself into the log; `FORCE_COLOR=0` forced colour on; an empty
  `NO_COLOR` turned colour off. Now one precedence (`pipeline.streams`): NO_COLOR (not empty)
  over FORCE_COLOR (0/false: off) over TERM=dumb and the terminal test; live displays and
  boxes only on a real terminal;
- `--paper` was a fixed list, so the README's 'a new styles/pdf-paper-<name>.css adds a trim for
  --paper <name>' was refused; and an override setting `@page { size: 0mm 0mm }` (or a poster, or
  margins wider than the page) built for a minute into a PDF of 706 empty 0 × 0 pages, 'built'.
  Now `--paper` takes the project's trims, and such a page is a usage error naming the file and
  line before anything is built;
- `publish clean-cache` while a build ran emptied the cache under it (the project's styles folder,
  the font subsets). Builds now hold the cache shared, and clean-cache refuses (exit 1) while
  they do, removing nothing;
- a path or an address given empty (`--out-dir ''`, `--source=`, `import ''`, `--scheduler ''`):
  `Path('')` is '.', so `publish new x --out-dir ''` wrote into the current folder, the others
  said '. is a folder', and an empty scheduler built here without a word. Now each is named;
- SIGHUP (the terminal closed, an ssh session dropped) ended a build at once, leaving its
  temporary '.x.epub.….part' files in the output folder; now it unwinds as SIGTERM does (exit
  129, one line), in the build and its workers, unless ignored (`nohup`);
- a file name holding a control character: a newline split each message in two, a carriage
  return hid part of the name ('badname.md', a file that is not there), an escape sequence drove
  the terminal. Every line the command prints shows them escaped (`a\\nb.md`).
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest

from pipeline.build import build_editions
from pipeline.cache import Cache
from pipeline.driver.sources import peek_scalar
from pipeline.errors import PublishError
from pipeline.reader import read_text
from tests.test_build import context, doc_of, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import invoke
from tests.test_cli_misuse7 import one_error

LANTERN = """---
id: "tag:harbour-news.example,2025:灯塔 #7"
slug: last-lantern
title: 最后的守灯人
language: zh-Hans
authors: [林晚]
editor: 顾舟
outlet: 海港晚报
date: 2025-11-02
description: 岛上最后一位守灯人讲灯塔熄灭前的那一夜。
rights: "© 2025 海港晚报。"
speakers:
  - id: laochen
    name: 陈守礼
    role: 守灯人
---

灯塔在岛的最北端，四十年来每晚都亮。

## 最后一夜您做了什么？

::: answer laochen
我把灯擦了一遍，像第一天那样。
:::
"""
# another title under the same slug: its own id, its own words
RIVAL = LANTERN.replace("灯塔 #7", "灯塔 #8").replace("像第一天那样", "然后下了山")


def test_new_force_over_a_source_keeps_its_id(tmp_path: Path) -> None:
    """The id is kept as written (here one YAML must quote), and only `--force` over an
    existing file keeps one: a new title still gets a fresh id."""
    (tmp_path / "source").mkdir()
    source = tmp_path / "source" / "last-lantern.md"
    source.write_text(LANTERN, encoding="utf-8")
    assert invoke(tmp_path, "new", "last-lantern", "--force", "-q").exit_code == 0
    assert "TODO" in source.read_text(encoding="utf-8")  # the template, written over the source
    kept = peek_scalar(source.read_bytes(), "id")
    assert kept is not None and kept[0] == "tag:harbour-news.example,2025:灯塔 #7"
    assert invoke(tmp_path, "new", "first-light", "-q").exit_code == 0
    fresh = peek_scalar((tmp_path / "source" / "first-light.md").read_bytes(), "id")
    assert fresh is not None and fresh[0].startswith("urn:uuid:")


def test_clearing_or_pruning_the_cache_keeps_who_built_each_output(tmp_path: Path, registry) -> None:
    ctx = dataclasses.replace(context(tmp_path), cache=Cache(tmp_path / ".cache-test"))  # `invoke`'s cache
    build_editions(doc_of(LANTERN, "last-lantern"), ["text"], ctx)
    written = (tmp_path / "out" / "last-lantern.txt").read_bytes()
    result = invoke(tmp_path, "clean-cache")  # the command, on this cache
    assert result.exit_code == 0 and "kept the record" in result.stdout, result.stdout
    assert ctx.cache.prune(0, now=4e9).removed == 0
    rival = read_text(RIVAL, "drafts/rival.md", default_slug="last-lantern").document
    with pytest.raises(PublishError, match="drafts/rival.md has the same slug"):
        build_editions(rival, ["text"], ctx, keep_going=True)
    assert (tmp_path / "out" / "last-lantern.txt").read_bytes() == written
    assert build_editions(doc_of(LANTERN, "last-lantern"), ["text"], ctx)[0].rebuilt  # the cache is empty


# -- colour: NO_COLOR, FORCE_COLOR and TERM=dumb, one precedence ------------------------------------
ANSI = re.compile(r"\x1b\[")


@pytest.mark.parametrize(("env", "coloured"), [
    ({"FORCE_COLOR": "1"}, True),  # a CI log that renders colour: off a terminal, still coloured
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, True),  # asked for by name: it beats TERM=dumb
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # an empty NO_COLOR is unset (no-color.org)
    ({"FORCE_COLOR": "0"}, False),  # 0 turns colour off; Rich took any FORCE_COLOR as 'force'
    ({"FORCE_COLOR": "false", "TERM": "xterm"}, False),
    ({}, False),  # off a terminal: plain
], ids=["force", "force-dumb", "no-color-wins", "empty-no-color", "force-0", "force-false", "plain"])
def test_colour_precedence(monkeypatch, capsys, env: dict[str, str], coloured: bool) -> None:
    from pipeline.cli_common import Output

    for name in ("FORCE_COLOR", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ui = Output()
    ui.error("灯塔 [lantern] 熄了")
    ui.say("x" * 300)
    shown = capsys.readouterr()
    assert bool(ANSI.search(shown.err)) is coloured, shown.err
    assert "灯塔 [lantern] 熄了" in shown.err and "x" * 300 in shown.out  # never cut to a width off a terminal
    assert not ui.fancy  # boxes and live displays: never off a terminal, whatever is forced


def test_forced_colour_draws_no_progress_bar_into_a_pipe(monkeypatch) -> None:
    """`FORCE_COLOR=1 publish audio | tee log`: the audio build's progress bar redrew itself into
    the log, hundreds of lines of cursor moves; now it is shown on a real terminal only."""
    from rich.console import Console

    from pipeline.audio.progress import progress

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    log = io.StringIO()
    with progress("espeak: synthesising", 3, console=Console(file=log)) as advance:
        for _ in range(3):
            advance()
    assert log.getvalue() == ""


# -- the project's own trims: `--paper NAME`, and pages no book is printed on ---------------------
def _project(tmp_path: Path, **styles: str) -> Path:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "last-lantern.md").write_text(LANTERN, encoding="utf-8")
    (tmp_path / "styles").mkdir()
    for name, css in styles.items():
        (tmp_path / "styles" / name).write_text(css, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("styles", "args", "said"), [
    ({"pdf-paper-pocket.css": "/* pocket */\n@page { size: 0mm 0mm; margin: 0 }\n"}, ["pdf", "--paper", "Pocket"],
     "styles/pdf-paper-pocket.css:2: the page size 0mm 0mm is 0 × 0 mm"),
    ({"pdf-paper-a5.css": "@page { size: 60in 40in }"}, ["all"], "styles/pdf-paper-a5.css:1: the page size 60in 40in"),
    ({"pdf-paper-b5.css": "@page { size: B5 }\n@page :left { margin-left: 80mm; margin-right: 80mm }"},
     ["pdf", "--paper", "b5"], "styles/pdf-paper-b5.css:2: the margins of @page :left leave a text block 16 mm wide"),
    ({"pdf-paper-poster.css": "@page { size: A5 }"}, ["pdf", "--paper", "postr"],
     "'postr' is not one of a5, b5, a4, letter, poster (did you mean poster?)"),
], ids=["zero-own-trim", "huge-a5", "margins", "typo"])
def test_a_page_no_book_is_printed_on_is_refused_before_building(tmp_path: Path, styles: dict[str, str],
                                                                args: list[str], said: str) -> None:
    """Before: `--paper pocket` was refused ('not one of a5, b5, a4, letter') though the README
    says a styles/pdf-paper-<name>.css adds a trim, and an override's 0 × 0 mm page built for a
    minute into a PDF of hundreds of empty pages, 'built'."""
    line = one_error(invoke(_project(tmp_path, **styles), *args))
    assert said in line, line
    assert not (tmp_path / "output").exists()


def test_the_project_trim_is_found_in_any_case(tmp_path: Path) -> None:
    from pipeline.renderers.pdf import paper_stylesheet

    folder = tmp_path / "styles"
    folder.mkdir()
    (folder / "pdf-paper-Pocket.css").write_text("@page { size: 105mm 148mm }", encoding="utf-8")
    ctx = dataclasses.replace(context(tmp_path, paper="pocket"), styles_dir=folder)
    assert paper_stylesheet(ctx) == folder / "pdf-paper-Pocket.css"


@pytest.mark.parametrize(("css", "problem"), [
    ("@page { size: A5 landscape; margin: 20mm }", None),
    ("@page { size: 105mm 148mm }\n@page :first { margin: 30mm 10mm }", None),
    ("@page { size: 148mm 210mm; margin: 2em }", None),  # relative margins: not judged here
    ("@page { size: a10 }", "26 × 37 mm"),
    ("@page { size: 5cm 2000mm }", "50 × 2000 mm"),
    ("@page { size: 148mm; margin: 70mm 10mm }", "8 mm high"),
    ("@page { size: 148mm 210mm; margin: 10mm 65mm 10mm 65mm }", "18 mm wide"),
], ids=["landscape", "first", "em", "a10", "tall", "square-high", "wide"])
def test_trim_problems(css: str, problem: str | None) -> None:
    from pipeline.renderers.pagegeometry import trim_problem

    found = trim_problem([("x.css", css)])
    assert (found is None) if problem is None else (problem in (found or "")), found


def test_the_shipped_trims_pass() -> None:
    from pipeline.build import STYLES_DIR
    from pipeline.renderers.pagegeometry import trim_problem

    for paper in ("a5", "b5", "a4", "letter"):
        sheets = [(name, (STYLES_DIR / name).read_text(encoding="utf-8"))
                  for name in ("pdf.css", f"pdf-paper-{paper}.css", "pdf-learner.css", "pdf-marks.css")]
        assert trim_problem(sheets) is None, paper


# -- `publish clean-cache` while a build uses the cache -------------------------------------------
def test_clean_cache_refuses_while_a_build_uses_the_cache(tmp_path: Path, monkeypatch) -> None:
    """Before, it emptied the cache under a running build: the folder of the project's styles and
    the font subsets the build was about to read were gone. Now builds hold the cache (shared),
    and clean-cache says to run it again once they are done, removing nothing."""
    from pipeline import api
    from pipeline.cache import CacheInUse, key

    cache = Cache(tmp_path / ".cache-test")  # `invoke`'s PUBLISH_CACHE_DIR
    cache.put("fonts", key("fonts"), b"a font subset")
    with cache.in_use():
        result = invoke(tmp_path, "clean-cache")
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith("error: a build (or 'publish watch') is using the build cache "), result.stderr
    assert "nothing was removed" in result.stderr and cache.get("fonts", key("fonts")) == b"a font subset"

    refused = []

    def build_while_someone_cleans(*args, **kwargs):  # noqa: ANN002, ANN003 - run_in_process's
        try:
            cache.clear()
        except CacheInUse:
            refused.append(True)
        return []

    monkeypatch.setattr(api, "run_in_process", build_while_someone_cleans)
    api.build_titles([api.TitleSource(name="last-lantern.md", data=LANTERN.encode())], api.BuildSettings(editions=("epub",)), tmp_path / "out", jobs=1,
                     cache_dir=cache.root, log=lambda message: None)
    assert refused == [True]
    assert invoke(tmp_path, "clean-cache").exit_code == 0 and cache.get("fonts", key("fonts")) is None


# -- a path or an address given empty ---------------------------------------------------------------
@pytest.mark.parametrize(("args", "line"), [
    (["new", "night-owl", "--out-dir", ""], "error: --out-dir is empty: name the folder of the source files"),
    (["new", "night-owl", "--out-dir="], "error: --out-dir is empty: name the folder of the source files"),
    (["import", ""], "error: the copy's name is empty: name the file to import"),
    (["import", "--", ""], "error: the copy's name is empty: name the file to import"),
    (["epub", "-s", ""], "error: --source is empty: name a source file"),
    (["check", "--source="], "error: --source is empty: name a source file"),
    (["epub", "--scheduler", ""], "error: --scheduler is empty: name a Dask scheduler's address"),
    (["all", "-o", " "], "error: --out is empty: name an output folder"),
], ids=["out-dir", "out-dir-equals", "import", "import-after-marker", "source-short", "check-source", "scheduler",
        "out-blank"])
def test_an_empty_path_or_address_is_named(tmp_path: Path, args: list[str], line: str) -> None:
    """Before: `Path('')` is '.', so `publish new x --out-dir ''` wrote x.md into the current
    folder, `import ''` and `--source ''` said '. is a folder', and `--scheduler ''` built here."""
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "last-lantern.md").write_text(LANTERN, encoding="utf-8")
    assert one_error(invoke(tmp_path, *args)).startswith(line)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source"]  # nothing written, nothing built


# -- SIGHUP: the terminal closed mid-build ----------------------------------------------------------
def test_a_hangup_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGHUP in the middle of writing a file (the crash tests' hook signals there; here the
    source `publish new` writes, the lightest command, through the same atomic writer as every
    edition): before, the process ended at once and left '.night-owl.md.….part' beside it. Now
    it unwinds as SIGTERM does: exit 129, one line, no temporary file."""
    import os
    import subprocess
    import sys

    from pipeline.fsutil import KILL_ENV, KILL_SIGNAL_ENV

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent), "NO_COLOR": "1",
           KILL_ENV: "night-owl.md", KILL_SIGNAL_ENV: "HUP"}
    from tests.conftest import as_from_a_terminal

    # (as a terminal starts it: a suite run under nohup hands its children SIGHUP ignored, and an
    # ignored hangup rightly lets the command finish)
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "new", "night-owl"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300, env=env, preexec_fn=as_from_a_terminal)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 129, (run.returncode, run.stderr)
    assert run.stderr.strip().splitlines() == ["error: hung up: the terminal closed (run it under nohup to keep it "
                                               "going)"], run.stderr
    assert list((tmp_path / "source").iterdir()) == []


def test_a_hangup_stays_ignored_under_nohup() -> None:
    import signal

    from pipeline.cli import _terminated, install_stop_signals

    before = {signum: signal.getsignal(signum) for signum in (signal.SIGHUP, signal.SIGTERM)}
    try:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as `nohup publish all &` starts it
        install_stop_signals()
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN and signal.getsignal(signal.SIGTERM) is _terminated
        signal.signal(signal.SIGHUP, signal.SIG_DFL)  # from a terminal
        install_stop_signals()
        assert signal.getsignal(signal.SIGHUP) is _terminated
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


# -- control characters in a name a message quotes ----------------------------------------------------
@pytest.mark.parametrize("name", ["a\nb.md", "bad\rname.md", "x\x1b[31mred.md", "line\u2028sep.md"],
                         ids=["newline", "carriage-return", "escape", "line-separator"])
def test_a_file_name_with_control_characters_stays_on_one_line(tmp_path: Path, name: str) -> None:
    """Before: `a\\nb.md` split each message naming it in two, `bad\\rname.md` was shown as
    'badname.md' (no such file), and an escape sequence in a name coloured the terminal."""
    (tmp_path / name).write_text("---\nid: x\n", encoding="utf-8")  # front matter never closed: E101
    result = invoke(tmp_path, "check", name)
    shown = repr(name)[1:-1]
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines and all(line.startswith(f"{shown}:") for line in lines), result.stdout
    assert "E101" in lines[0] and not re.search("[\x00-\x08\x0a-\x1f\x7f\u2028]", result.stdout.replace("\n", ""))
    missing = invoke(tmp_path, "epub", f"gone-{name}")
    assert missing.stderr.count("\n") == 1 and f"gone-{shown}" in missing.stderr, missing.stderr
