"""The fourth CLI sweep: the command run the way a hurried editor or a careless script runs it.

Each test is a class of misuse found by the sweep, run through the real console script in a
child process and judged on what a shell sees: the exit code, the lines on stderr (one
`error: …` line, never a traceback), and the files on disk.

- standard streams: closed (`>&-`), unable to hold Chinese (`PYTHONIOENCODING=ascii`,
  Latin-1), read by a command that stops early (`| head -1`), or unwritable (`> /dev/full`);
- an error no command expected: one line, exit 1 (the traceback only with PUBLISH_DEBUG=1);
- `publish watch` stopped by Ctrl-C or SIGTERM: 130 / 143 like every other command.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_TITLE, as_from_a_terminal
from tests.titles import broken, write

PUBLISH = [sys.executable, "-m", "pipeline.cli"]


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PUBLISH_DEBUG", "PYTHONIOENCODING")}
    return {**env, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(tmp_path / "cache"), **extra}


def run(tmp_path: Path, *args: str, cwd: Path | None = None, **popen: object) -> subprocess.CompletedProcess:
    env = popen.pop("env", None) or environment(tmp_path)
    popen.setdefault("capture_output", "stdout" not in popen and "stderr" not in popen)
    return subprocess.run([*PUBLISH, *args], cwd=cwd or tmp_path, env=env, timeout=120, **popen)


def local(project: Path, *args: str, env: dict[str, str] | None = None, **_: object) -> subprocess.CompletedProcess:
    """The command run in this process, in `project`, as a shell runs it there: for misuse that
    needs no process of its own (a parser or settings mistake, a refused option, a build's
    files), judged by the same exit code and streams. Starting a process costs about 1.5 s of
    imports each; the streams, signals and encodings below still get a real one."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    before = os.getcwd()
    os.chdir(project)
    try:
        overrides = {"PUBLISH_CACHE_DIR": str(project / "cache"), "NO_COLOR": None, "PUBLISH_DEBUG": None,
                     "PYTHONIOENCODING": None, "COLUMNS": None, "DASK_SCHEDULER_ADDRESS": None}
        overrides.update(env or {})
        result = CliRunner().invoke(app, list(args), env=overrides, prog_name="publish")
    finally:
        os.chdir(before)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def error_lines(stderr: str | bytes) -> list[str]:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text, text
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose title has a Chinese file name (as editors name files)."""
    (tmp_path / "source").mkdir()
    shutil.copy(TEST_TITLE, tmp_path / "source" / "灯下夜读.md")
    return tmp_path


# -- standard streams ----------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", [["check"], ["check", "nope-夜.md"], ["audio", "--cast"], ["voices"]],
                         ids=["check", "missing", "cast", "voices"])
def test_chinese_output_to_a_stream_that_cannot_hold_it(project: Path, encoding: str, args: list[str]) -> None:
    """Every message holds Chinese (file names, titles, speakers): a stdout in ASCII or Latin-1
    (a pipe here) gets them in UTF-8, as the names are on disk, never a UnicodeEncodeError nor
    `\\u706f` escapes no editor reads (`pipeline.streams`; the terminal's case: test_cli_misuse13)."""
    result = run(project, *args, env=environment(project, PYTHONIOENCODING=encoding), capture_output=True)
    stdout = result.stdout.decode("utf-8")  # what was written is UTF-8
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr and "UnicodeEncodeError" not in stderr, stderr
    assert "\\u" not in stdout + stderr, stdout + stderr
    if args[-1] == "nope-夜.md":
        assert result.returncode == 2 and error_lines(stderr) == [
            "error: nope-夜.md: no such file; check the name, or run 'publish check' in the folder that "
            "holds source/"]
    else:
        assert result.returncode == 0, stderr
        assert stdout.strip(), "nothing printed"
    if args == ["check"]:
        assert "source/灯下夜读.md: 0 error(s)" in stdout


def test_closed_standard_streams(project: Path) -> None:
    """`publish epub -q >&- 2>&- <&-` (a daemon): the build runs, the EPUB is whole, and no file
    the build opens takes the place of the closed descriptors. A command whose results go to the
    closed standard output (`publish check >&-`) is not taken for a clean one: exit 1, one line."""
    def close_all() -> None:
        for fd in (0, 1, 2):
            os.close(fd)

    result = subprocess.run([*PUBLISH, "epub", "-q"], cwd=project, env=environment(project), preexec_fn=close_all,
                            timeout=300)
    assert result.returncode == 0
    with zipfile.ZipFile(project / "output" / "night-library.epub") as epub:
        assert epub.testzip() is None and epub.read("mimetype") == b"application/epub+zip"
    closed_out = subprocess.run([*PUBLISH, "check"], cwd=project, env=environment(project), stderr=subprocess.PIPE,
                                preexec_fn=lambda: os.close(1), timeout=300)
    assert closed_out.returncode == 1
    assert error_lines(closed_out.stderr) == [
        "error: cannot write to standard output (it is closed): the command prints its results there: send them "
        "somewhere (> report.txt, or > /dev/null to drop them), or pass -q to print only errors"]


@pytest.mark.parametrize(("args", "code"), [(["check"], 0), (["check", "source", "bad.md"], 1), (["epub"], 0)],
                         ids=["check-clean", "check-errors", "epub"])
def test_output_read_by_a_command_that_stops_early(project: Path, args: list[str], code: int) -> None:
    """`publish … | head -1`: the reader is gone before the first line (the pipe's read end is
    closed before the command starts, so every write fails). The command still does its work and
    exits with its own code; no BrokenPipeError, nothing on stderr."""
    write(project, "bad.md", broken(TEST_TITLE.read_text(encoding="utf-8").replace("night-library", "bad")))
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = run(project, *args, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    assert result.returncode == code, result.stderr
    assert error_lines(result.stderr) == []
    if args == ["epub"]:
        with zipfile.ZipFile(project / "output" / "night-library.epub") as epub:
            assert epub.testzip() is None


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_standard_output_that_cannot_be_written(project: Path) -> None:
    """`publish check > /dev/full` (a full disk behind a redirection): one line naming standard
    output, exit 1 — not the build's 'the previous outputs are intact' advice."""
    with open("/dev/full", "w") as full:
        result = run(project, "check", stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert error_lines(result.stderr) == ["error: cannot write to standard output (No space left on device): "
                                          "check where the output is sent (a full disk?)"]


# -- an error no command expected ---------------------------------------------------------------
BUG = """
import sys
import pipeline.check
def broken_check(path):
    raise RuntimeError("a bug in the checker")
pipeline.check.check = broken_check
from pipeline.cli import main
sys.argv = ["publish", "check"]
main()
"""


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_error_is_one_line(project: Path, debug: bool) -> None:
    env = environment(project, **({"PUBLISH_DEBUG": "1"} if debug else {}))
    result = subprocess.run([sys.executable, "-c", BUG], cwd=project, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1
    if debug:
        assert "Traceback" in result.stderr and 'in broken_check' in result.stderr
        return
    assert error_lines(result.stderr) == ["error: internal error: RuntimeError: a bug in the checker (a bug in "
                                          "publish: please report it with the source; PUBLISH_DEBUG=1 shows the "
                                          "details)"]


# -- watch stopped ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("sig", "code", "line"), [(signal.SIGINT, 130, "error: interrupted"),
                                                   (signal.SIGTERM, 143, "error: terminated")],
                         ids=["ctrl-c", "sigterm"])
def test_watch_stopped_like_any_command(project: Path, sig: int, code: int, line: str) -> None:
    """Waiting for a save, `publish watch` stopped from the terminal or by a service manager ends
    as every command does (it printed a library's log line and exited 0, even for SIGTERM)."""
    watch = subprocess.Popen([*PUBLISH, "watch", "epub"], cwd=project, env=environment(project),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                             preexec_fn=as_from_a_terminal)
    try:
        assert watch.stdout is not None
        for _ in range(2):  # "watching …", then "rebuilt epub in …"
            assert watch.stdout.readline()
        time.sleep(0.5)  # waiting for a change now
        os.killpg(watch.pid, sig)
        stdout, stderr = watch.communicate(timeout=60)
    finally:
        if watch.poll() is None:
            watch.kill()
            watch.wait()
    assert watch.returncode == code, stderr
    assert error_lines(stderr) == [line]
    assert sorted(p.name for p in (project / "output").iterdir()) == ["night-library.epub"]


# -- the build cache's folder ---------------------------------------------------------------------
@pytest.mark.parametrize("args", [["epub"], ["check"], ["watch", "epub"], ["clean-cache"]],
                         ids=["epub", "check", "watch", "clean-cache"])
@pytest.mark.parametrize("where", ["a-file", "under-a-file"])
def test_a_cache_folder_that_cannot_be_used(project: Path, args: list[str], where: str) -> None:
    """PUBLISH_CACHE_DIR naming a file (or a folder under one): every edition failed half-way
    with the advice for a full output disk (exit 1); now one line naming the cache and the
    variable, exit 2, before anything is built. `check` builds nothing and needs no cache."""
    (project / "cachefile").write_text("not a folder")
    cache = project / "cachefile" if where == "a-file" else project / "cachefile" / "sub"
    how = run if args[0] == "watch" else local  # (a watch that did not stop would hold this process)
    result = how(project, *args, env=environment(project, PUBLISH_CACHE_DIR=str(cache)), text=True)
    if args == ["check"]:
        assert result.returncode == 0, result.stderr
        return
    if args == ["clean-cache"] and where == "under-a-file":
        assert result.returncode == 0 and "removed 0 cached file(s)" in result.stdout  # nothing there to remove
        return
    advice = "set PUBLISH_CACHE_DIR to a folder you can write (e.g. PUBLISH_CACHE_DIR=/tmp/publish-cache)"
    expected = (f"error: the build cache folder {cache} is a file, not a folder: {advice}" if where == "a-file" else
                f"error: cannot create the build cache folder {cache} (Not a directory): {advice}")
    assert result.returncode == 2 and error_lines(result.stderr) == [expected]
    assert not (project / "output").exists()
    assert (project / "cachefile").read_text() == "not a folder"


def test_a_read_only_cache_folder(project: Path) -> None:
    """The cache on a read-only file system (a real read-only mount, in a private mount
    namespace): exit 2 before anything is built."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user/mount namespaces here to mount a read-only file system in")
    (project / "ro").mkdir()
    script = (f"mount -t tmpfs -o ro,size=64k tmpfs {project / 'ro'} && "
              f"exec {sys.executable} -m pipeline.cli epub")
    result = subprocess.run([unshare, "-rm", "sh", "-c", script], cwd=project, capture_output=True, text=True,
                            env=environment(project, PUBLISH_CACHE_DIR=str(project / "ro" / "cache")), timeout=120)
    assert result.returncode == 2, result.stderr
    [line] = error_lines(result.stderr)
    assert line.startswith(f"error: cannot create the build cache folder {project / 'ro' / 'cache'} (Read-only file "
                           f"system): set PUBLISH_CACHE_DIR"), line
    assert not (project / "output").exists()


# -- the parser's own errors ---------------------------------------------------------------------
# A hand-written table: what a hurried editor types, and the one line they must get back.
PARSER_MISTAKES = [
    (["epub", "--ot", "x"], "error: no such option: --ot (did you mean --out?); see 'publish epub --help'"),
    (["pdf", "--learnr"], "error: no such option: --learnr (did you mean --learner?); see 'publish pdf --help'"),
    (["import", "copy.txt", "--slgu", "x"],
     "error: no such option: --slgu (did you mean --slug?); see 'publish import --help'"),
    (["chek"], "error: no such command 'chek' (did you mean 'check'?); see 'publish --help'"),
    (["pdf", "--paper", "a0"], "error: invalid value for '--paper': 'a0' is not one of a5, b5, a4, letter; "
                               "see 'publish pdf --help'"),
    (["audio", "--engine", "espek"], "error: invalid value for '--engine': 'espek' is not one of auto, espeak, "
                                     "edge (did you mean espeak?); see 'publish audio --help'"),
    (["-q", "epub", "--source"], "error: --source needs a value: name a source file, e.g. --source source/<slug>.md "
                                 "(or leave it out to build every title in source/); see 'publish epub --help'"),
    (["import"], "error: missing argument 'FILE'; see 'publish import --help'"),
    (["new", "a", "b"], "error: got unexpected extra argument(s) (b); see 'publish new --help'"),
    (["check", "-weird.md"], "error: no such option: -w ('-weird.md' is a file: to name it, write ./-weird.md or "
                             "put -- before it); see 'publish check --help'"),
    (["watch", "epubb"], "error: unknown edition(s) epubb; choose from epub, epub-learner, pdf, pdf-learner, "
                         "script, audio (did you mean epub?)"),
    (["watch", "source/灯下夜读.md"],
     "error: source/灯下夜读.md is a file, not an edition: name the source with --source source/灯下夜读.md"),
]


MISTAKE_IDS = ["option", "flag", "import-option", "command", "paper", "engine", "no-value", "no-argument",
               "extra-argument", "dash-file", "edition", "file-as-edition"]


@pytest.mark.parametrize(("args", "line"), PARSER_MISTAKES, ids=MISTAKE_IDS)
def test_a_command_line_mistake_is_one_line_with_the_nearest_spelling(project: Path, args: list[str],
                                                                      line: str) -> None:
    """Click printed three lines (usage, a hint, 'Error: …'; a box on a terminal), unlike every
    other message; a choice misspelt got no suggestion, and a file named '-x.md' was 'no such
    option: -w'."""
    (project / "-weird.md").write_bytes((project / "source" / "灯下夜读.md").read_bytes())
    result = local(project, *args, text=True)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [line]
    assert result.stdout == ""
    assert not (project / "output").exists()


@pytest.mark.parametrize(("args", "file"), [(["pdf", "--paper", "A4"], "output/night-library.pdf"),
                                            (["audio", "--engine", "ESPEAK", "--cast"], None)], ids=["paper", "engine"])
def test_choices_in_capitals_are_understood(project: Path, args: list[str], file: str | None) -> None:
    result = local(project, *args, text=True)
    assert result.returncode == 0 and error_lines(result.stderr) == []
    if file:
        assert (project / file).read_bytes().rstrip().endswith(b"%%EOF")
    else:
        assert "espeak" in result.stdout


def test_a_file_named_with_a_leading_dash_after_the_marker_is_a_source(project: Path) -> None:
    (project / "-weird.md").write_bytes((project / "source" / "灯下夜读.md").read_bytes())
    for args in (["check", "--", "-weird.md"], ["check", "./-weird.md"]):
        result = local(project, *args, text=True)
        assert result.returncode == 0, result.stderr
        assert "-weird.md: 0 error(s), 0 warning(s)" in result.stdout


# -- names that are not UTF-8 ---------------------------------------------------------------------
LATIN1 = os.fsdecode(b"caf\xe9")  # a name made on a Latin-1 disk, as Python sees it
SHOWN = "caf\\udce9"
UTF8_ADVICE = "this name is not UTF-8 (made in another encoding?): use a UTF-8 name (rename the file or folder, " \
              "or choose another)"


@pytest.mark.parametrize("case", ["source-in-folder", "source-named", "out", "cache", "import-copy", "import-out"])
def test_a_name_that_is_not_utf8(project: Path, case: str) -> None:
    """A build with such a name failed after it had started, with an 'internal error' (the name
    could not go into the build's records); import wrote a source its own check rejected."""
    (project / "lat").mkdir()
    (project / "lat" / f"{LATIN1}.md").write_bytes(TEST_TITLE.read_bytes())
    for name in (f"{LATIN1}.txt", "copy.txt"):
        (project / name).write_bytes((ROOT / "tests/fixtures/import/night-market.txt").read_bytes())
    env = environment(project)
    args, shown = {
        "source-in-folder": (["epub", "lat"], f"lat/{SHOWN}.md"),
        "source-named": (["check", f"lat/{LATIN1}.md"], f"lat/{SHOWN}.md"),
        "out": (["epub", "--out", LATIN1], SHOWN),
        "cache": (["epub"], f"{project}/{SHOWN}"),
        "import-copy": (["import", f"{LATIN1}.txt"], f"{SHOWN}.txt"),
        "import-out": (["import", "copy.txt", "--out-dir", LATIN1], SHOWN),
    }[case]
    if case == "cache":
        env["PUBLISH_CACHE_DIR"] = f"{project}/{LATIN1}"
    result = subprocess.run([*PUBLISH, *args], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert error_lines(result.stderr) == [f"error: {shown}: {UTF8_ADVICE}"]
    assert not (project / "output").exists() and not (project / LATIN1).exists()
    assert sorted(p.name for p in (project / "source").iterdir()) == ["灯下夜读.md"]


# -- publish.toml -------------------------------------------------------------------------------------
TOML_MISTAKES = [
    ('[cache]\nmax_sise = "1 GB"\n', "publish.toml:2: [cache] max_sise: unknown setting (did you mean max_size?)"),
    ('# settings\n\n[cach]\nmax_size = "1 GB"\n',
     "publish.toml:3: [top] cach: unknown section (did you mean [cache]?)"),
    ('[site]\ntitle = "书架"\nowner_email = "a@example.org"\n',
     "publish.toml:3: [site] owner_email: unknown setting in this section: it belongs in [podcast]"),
    ('base_url = "https://example.org/"\n',
     "publish.toml:1: [top] base_url: unknown setting in this section: it belongs in [site]"),
    ('[site]\n\n\nbase_url = 1\n', 'publish.toml:4: [site] base_url: text goes in quotes: base_url = "…"'),
    ('[podcast]\nzzz = 1\n', "publish.toml:2: [podcast] zzz: unknown setting (check its spelling and its [section])"),
]


@pytest.mark.parametrize(("toml", "line"), TOML_MISTAKES, ids=["key", "section", "wrong-section", "top-level",
                                                               "type", "unknown"])
def test_a_settings_mistake_names_its_line_and_the_nearest_setting(project: Path, toml: str, line: str) -> None:
    """The message named the setting but not its line, and offered no spelling for a typo."""
    (project / "publish.toml").write_text(toml, encoding="utf-8")
    result = local(project, "epub", text=True)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [f"error: {line}"]
    assert not (project / "output").exists()


# -- output written inside source/ ----------------------------------------------------------------
def test_a_script_written_into_source_is_not_read_as_a_title(project: Path) -> None:
    """A podcast script copied beside the sources (`<slug>-script.md` and its `.html`; `--out
    source` itself is refused, tests/test_cli_misuse12.py): with no arguments the next command
    read it as a title (E101, exit 1), though a folder argument (`publish check source`) already
    skipped it, as it skips hidden files."""
    built = local(project, "script", "--engine", "espeak", "--out", "output", text=True)
    assert built.returncode == 0, built.stderr
    for name in ("night-library-script.md", "night-library-script.html"):
        (project / "source" / name).write_bytes((project / "output" / name).read_bytes())
    (project / "source" / ".灯下夜读.md").write_bytes(TEST_TITLE.read_bytes())  # an editor's hidden copy
    for args in (["check"], ["check", "source"]):
        result = local(project, *args, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.splitlines() == ["source/灯下夜读.md: 0 error(s), 0 warning(s)"]


@pytest.mark.parametrize("case", ["own-source", "other-source", "watch"])
def test_an_edition_is_never_written_over_a_source(project: Path, case: str) -> None:
    """A source named `<slug>-script.md` built into its own folder, or another source of that
    name there: the podcast script replaced the editor's source and the build said 'built'."""
    drafts = project / "drafts"
    drafts.mkdir()
    title = TEST_TITLE.read_text(encoding="utf-8")
    if case == "other-source":  # another title's source, whose name the script edition would take
        victim = write(drafts, "night-library-script.md", title.replace("slug: night-library", "slug: other", 1))
        args = ["script", "source/灯下夜读.md", "--engine", "espeak", "--out", "drafts"]
    else:
        victim = write(drafts, "night-library-script.md", title)
        args = (["watch", "script", "--source", "drafts/night-library-script.md", "--out", "drafts"]
                if case == "watch" else ["script", "drafts/night-library-script.md", "--engine", "espeak", "--out",
                                         "drafts"])
    before = victim.read_bytes()
    result = run(project, *args, text=True)
    assert result.returncode == 2, result.stdout + result.stderr
    assert error_lines(result.stderr) == [
        "error: drafts/night-library-script.md is a source file, and building 'night-library' into drafts would "
        "write over it: pass --out another folder, or rename the source (nothing was built)"]
    assert victim.read_bytes() == before
    assert sorted(p.name for p in drafts.iterdir()) == ["night-library-script.md"]


def test_a_script_written_over_by_the_next_build_is_still_fine(project: Path) -> None:
    """The check above must not refuse the script edition's own earlier output."""
    for _ in range(2):
        result = local(project, "script", "--engine", "espeak", "--out", "drafts", "--force", text=True)
        assert result.returncode == 0, result.stderr
    assert (project / "drafts" / "night-library-script.md").read_text(encoding="utf-8").startswith("# 灯下夜读")


def test_out_naming_a_dangling_symbolic_link(project: Path) -> None:
    """It said 'a part of this path is a file, not a folder'."""
    (project / "editions").symlink_to(project / "mounted" / "editions")
    result = local(project, "epub", "--out", "editions", text=True)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [f"error: editions is a symbolic link to {project}/mounted/editions, which "
                                          f"does not exist: create that folder, or choose another output folder"]


# -- a terminal that cannot show colour ---------------------------------------------------------------
@pytest.mark.parametrize("args", [["epub", "--out", "/proc/x"], ["--help"], ["epub", "--ot"]],
                         ids=["error", "help", "parser"])
def test_term_dumb_on_a_terminal_is_plain(project: Path, args: list[str]) -> None:
    """TERM=dumb (Emacs' shell, some CI terminals): no escape codes and no boxes, as NO_COLOR."""
    import re

    from tests.test_cli import on_a_terminal

    env = {k: v for k, v in environment(project).items() if k != "NO_COLOR"}
    shown = on_a_terminal(args, project, env, term="dumb")
    assert shown.strip(), "nothing shown"
    assert not re.search(r"\x1b\[", shown) and not re.search("[─│╭╮╰╯┃━]", shown), shown


# -- options that do nothing without another ------------------------------------------------------------
@pytest.mark.parametrize(("args", "line"), [
    (["epub", "--tone-colors"], "error: --tone-colors is an option of the learner edition only: add --learner "
                                "(publish epub --learner …), or leave it out"),
    (["pdf", "--level", "5", "--tone-sandhi"], "error: --level, --tone-sandhi are options of the learner edition "
                                               "only: add --learner (publish pdf --learner …), or leave them out"),
    (["epub", "--level", "4"], "error: --level is an option of the learner edition only: add --learner "
                               "(publish epub --learner …), or leave it out"),
], ids=["tone-colors", "level-sandhi", "level-default"])
def test_a_learner_option_without_learner(project: Path, args: list[str], line: str) -> None:
    """The plain edition was built and the option dropped without a word."""
    result = local(project, *args, text=True)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [line]
    assert not (project / "output").exists()


def test_learner_options_with_learner_and_a_no_flag_without(project: Path) -> None:
    assert local(project, "epub", "--no-tone-colors", text=True).returncode == 0
    result = local(project, "epub", "--learner", "--tone-colors", "--level", "5", text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "output").iterdir()) == ["night-library-learner.epub",
                                                                     "night-library.epub"]


@pytest.mark.parametrize("command", ["epub", "check"])
def test_a_pattern_given_to_source(project: Path, command: str) -> None:
    """`--source 'source/*.md'` said 'no such file'; the pattern works as SOURCES."""
    result = local(project, command, "--source", "source/*.md", text=True)
    assert result.returncode == 2
    assert error_lines(result.stderr) == [f"error: --source names one file, not a pattern (source/*.md): give the "
                                          f"pattern as SOURCES, e.g. 'publish {command} source/*.md'"]
    assert local(project, "check", "source/*.md", text=True).returncode == 0


# -- two builds at once ------------------------------------------------------------------------------
def test_two_builds_of_one_title_at_once(project: Path) -> None:
    """`publish pdf` started twice into one folder (two terminals, a watch and a make): both end
    well, one after the other; the PDF is whole and no temporary file is left."""
    from pypdf import PdfReader

    env = environment(project)
    builds = [subprocess.Popen([*PUBLISH, "pdf", "--force"], cwd=project, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(build.wait(300), *build.communicate()) for build in builds]
    for code, stdout, stderr in results:
        assert code == 0 and "Traceback" not in stderr, stderr
        assert "pdf           built" in stdout
    out = project / "output"
    assert sorted(p.name for p in out.iterdir()) == ["night-library.pdf"]
    text = "".join(page.extract_text() for page in PdfReader(out / "night-library.pdf").pages)
    assert "灯下夜读" in text
