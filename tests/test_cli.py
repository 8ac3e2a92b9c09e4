"""The command line as a new user and a script meet it: every path option checked before work
starts (one line, exit 2, never a traceback), failures mid-build as one line (exit 1) with the
previous outputs intact, --version, completion, examples in every --help, plain output off a
terminal or with NO_COLOR, -q, and messages printed as text (brackets survive)."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli_common import Output
from tests.conftest import ROOT, TEST_TITLE
from tests.titles import broken, variant, write

ANSI = re.compile(r"\x1b\[")
BOXES = re.compile("[─│╭╮╰╯┃━]")


def publish(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin=subprocess.DEVNULL,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """The real command in a child process, as a shell runs it."""
    environment = {**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout, stdin=stdin)


def one_clear_line(result: subprocess.CompletedProcess | object, code: int) -> str:
    stderr = result.stderr
    assert "Traceback" not in stderr + result.stdout, stderr
    assert result.returncode == code, (result.returncode, result.stdout, stderr)
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding one title in source/, as an editor's project would."""
    (tmp_path / "source").mkdir()
    shutil.copy(TEST_TITLE, tmp_path / "source" / "night-library.md")
    return tmp_path


# -- issue 15's examples --------------------------------------------------------------------------
def test_out_naming_an_existing_file(project: Path) -> None:
    (project / "afile").write_text("not a folder")
    line = one_clear_line(publish("epub", "--out", "afile", cwd=project), 2)
    assert "afile is a file, not a folder" in line
    assert (project / "afile").read_text() == "not a folder"


@pytest.mark.parametrize("edition,taken", [("epub", "night-library.epub"), ("audio", "night-library.vtt"),
                                           ("script", "night-library-script.html")])
def test_an_output_name_taken_by_a_folder_is_refused_before_building(project: Path, edition: str, taken: str) -> None:
    (project / "output" / taken).mkdir(parents=True)
    (project / "output" / taken / "keep.txt").write_text("an editor's notes")
    line = one_clear_line(publish(edition, "--engine", "espeak", cwd=project) if edition == "audio"
                          else publish(edition, cwd=project), 2)
    assert f"output/{taken} is a folder" in line and "nothing was built" in line
    assert sorted(p.name for p in (project / "output").rglob("*")) == sorted([taken, "keep.txt"])


def test_source_naming_a_folder(project: Path) -> None:
    line = one_clear_line(publish("epub", "--source", "source", cwd=project), 2)
    assert "source is a folder, not a source file" in line
    assert not (project / "output").exists()


def test_out_whose_parent_cannot_be_created(project: Path) -> None:
    line = one_clear_line(publish("epub", "--out", "/proc/forbidden", cwd=project), 2)
    assert "cannot create the output folder /proc/forbidden" in line


@pytest.mark.parametrize("kind", ["missing", "fifo", "device", "huge", "folder-file"])
def test_sources_that_are_not_readable_files(project: Path, kind: str) -> None:
    path = {"missing": "nope.md", "fifo": "pipe.md", "device": "/dev/null", "huge": "huge.md",
            "folder-file": "source/night-library.md/x.md"}[kind]
    if kind == "fifo":
        os.mkfifo(project / path)
    if kind == "huge":
        with open(project / path, "wb") as handle:
            handle.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    line = one_clear_line(publish("check", "--source", path, cwd=project), 2)
    assert path in line
    expected = {"missing": "no such file", "fifo": "not a regular file", "device": "not a regular file",
                "huge": "at most 16 MB", "folder-file": "cannot be read"}[kind]
    assert expected in line


@pytest.mark.slow
def test_out_on_a_read_only_file_system(project: Path) -> None:
    """A real read-only mount, in a private mount namespace (nothing outside the test sees it)."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user/mount namespaces here to mount a read-only file system in")
    (project / "ro").mkdir()
    script = (f"mount -t tmpfs -o ro,size=64k tmpfs {project / 'ro'} && "
              f"exec {sys.executable} -m pipeline.cli epub --out {project / 'ro' / 'out'}")
    result = subprocess.run([unshare, "-rm", "sh", "-c", script], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    line = one_clear_line(result, 2)
    assert "Read-only file system" in line and "/ro/out" in line


@pytest.mark.slow
def test_disk_full_mid_build_is_one_line_and_keeps_the_previous_output(project: Path) -> None:
    """The output folder is a file system with room for yesterday's EPUB and half of another:
    today's cannot fit. One line, exit 1, and yesterday's EPUB byte for byte."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user/mount namespaces here to mount a small file system in")
    assert publish("epub", cwd=project).returncode == 0
    before = (project / "output" / "night-library.epub").read_bytes()
    source = project / "source" / "night-library.md"
    source.write_text(source.read_text(encoding="utf-8").replace("灯下夜读", "灯下读书", 1), encoding="utf-8")
    full = project / "full"
    full.mkdir()
    script = (f"mount -t tmpfs -o size={len(before) * 3 // 2} tmpfs {full} && "
              f"cp {project / 'output' / 'night-library.epub'} {full}/ && "
              f"{sys.executable} -m pipeline.cli epub --out {full}; code=$?; "
              f"cmp -s {full}/night-library.epub {project / 'output' / 'night-library.epub'} && echo INTACT; "
              f"ls -a {full}; exit $code")
    result = subprocess.run([unshare, "-rm", "sh", "-c", script], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "No space left on device" in errors[0] and str(full) in errors[0], result.stderr
    assert "INTACT" in result.stdout
    assert ".part" not in result.stdout  # no half-written file left behind either


# -- conventions ----------------------------------------------------------------------------------
def test_version_names_the_package_and_its_engines(project: Path) -> None:
    import ctypes
    import importlib.metadata

    import espeakng_loader

    result = publish("--version", cwd=project)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"publish {importlib.metadata.version('pipeline')}\n")
    for package, shown in (("weasyprint", "WeasyPrint"), ("ebooklib", "ebooklib"), ("pypinyin", "pypinyin"),
                           ("edge-tts", "edge-tts")):
        assert f"{shown} {importlib.metadata.version(package)}" in result.stdout
    library = ctypes.CDLL(espeakng_loader.get_library_path())
    library.espeak_Info.restype = ctypes.c_char_p
    assert f"eSpeak NG {library.espeak_Info(None).decode()}" in result.stdout


def test_shell_completion_is_available(tmp_path: Path) -> None:
    # Typer finds the shell from the process tree (shellingham), and a test run may have none
    # (pytest started by a service, not a shell): its own switch names the shell instead.
    env = {"HOME": str(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    shown = publish("--show-completion", "bash", cwd=tmp_path, env=env)
    assert shown.returncode == 0 and "_PUBLISH_COMPLETE" in shown.stdout
    installed = publish("--install-completion", "bash", cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr
    script = (tmp_path / ".bash_completions" / "publish.sh").read_text()
    assert "_PUBLISH_COMPLETE=complete_bash" in script
    assert "publish.sh" in (tmp_path / ".bashrc").read_text()
    # the completion really completes: commands after "publish a"
    completed = subprocess.run([sys.executable, "-m", "pipeline.cli"], capture_output=True, text=True, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "_PUBLISH_COMPLETE": "complete_bash",
                                    "COMP_WORDS": "publish a", "COMP_CWORD": "1"})
    assert set(completed.stdout.split()) >= {"all", "audio"}


def test_every_command_has_an_example_in_its_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert set(group.commands) >= {"check", "epub", "pdf", "audio", "script", "all", "watch", "voices", "clean-cache",
                                   "site", "import", "new"}
    for name in group.commands:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        examples = result.output[result.output.index("Examples:"):]
        assert f"publish {name}" in examples, (name, result.output)


def test_plain_output_when_not_a_terminal(project: Path) -> None:
    for args in (["--help"], ["epub", "--help"], ["epub", "--out", "/proc/x"], ["nosuchcommand"], ["site", "--help"],
                 ["site"], ["import", "--help"], ["import", "nope.txt"], ["new", "--help"], ["new", "[bad]"]):
        result = publish(*args, cwd=project)
        assert not ANSI.search(result.stdout + result.stderr), args
        assert not BOXES.search(result.stdout + result.stderr), (args, result.stdout + result.stderr)


def on_a_terminal(args: list[str], cwd: Path, env: dict[str, str], term: str = "xterm") -> str:
    """What `publish args` shows on a terminal (a pseudo-terminal for stdout and stderr)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=follower, stderr=follower, env={**env, "PYTHONPATH": str(ROOT), "TERM": term})
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(60)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


def test_colour_on_a_terminal_and_none_with_no_color(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert ANSI.search(on_a_terminal(["epub", "--out", "/proc/x"], project, env))
    plain = on_a_terminal(["epub", "--out", "/proc/x"], project, {**env, "NO_COLOR": "1"})
    assert "error: cannot create the output folder /proc/x" in plain and not ANSI.search(plain)
    help_plain = on_a_terminal(["--help"], project, {**env, "NO_COLOR": "1"})
    assert not ANSI.search(help_plain) and not BOXES.search(help_plain)
    for args, message in ((["site"], "error: the site needs the address"),
                          (["import", "nope.txt"], "error: nope.txt: no such file"),
                          (["new", "[bad]"], "error: '[bad]' is not a valid slug")):
        assert ANSI.search(on_a_terminal(args, project, env)), args
        plain = on_a_terminal(args, project, {**env, "NO_COLOR": "1"})
        assert message in plain and not ANSI.search(plain), plain


def test_quiet_prints_nothing_on_success(project: Path) -> None:
    for args in (["epub", "-q"], ["-q", "epub"], ["check", "--quiet"]):
        result = publish(*args, cwd=project)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "" and result.stderr == "", (args, result.stdout, result.stderr)
    assert (project / "output" / "night-library.epub").exists()
    noisy = publish("epub", "--force", cwd=project)
    assert "built" in noisy.stdout  # the same command without -q says what it did


def test_messages_are_text_not_markup(capsys) -> None:
    ui = Output()
    message = "String should match pattern '^[a-z0-9-]+$' near [（笑）]{.aside} [bold]x[/] :smile:"
    ui.error(message)
    ui.say(message)
    captured = capsys.readouterr()
    assert captured.err.strip() == f"error: {message}"
    assert captured.out.strip() == message


def test_bracketed_source_text_survives_in_check(project: Path) -> None:
    write(project / "drafts", "bad-slug.md", variant(1).replace("slug: night-library-1", 'slug: "[bold]x[/]"'))
    write(project / "drafts", "bad-id.md", variant(2).replace("::: answer chengyifan", "::: answer [（笑）]{.aside}", 1))
    result = publish("check", "drafts", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not '[bold]x[/]'" in result.stdout  # the slug as written, whole (no console markup)
    assert "[（笑）]{.aside}" in result.stdout


# -- catalogues from the command line ---------------------------------------------------------------
@pytest.mark.slow
def test_three_titles_and_a_broken_one(tmp_path: Path, shared_cache) -> None:
    """`publish all` builds the three, reports the broken one with file:line:col, exits 1, and
    the three titles' outputs are whole; later, a title that breaks keeps its previous outputs.
    One process (`--jobs 1`), so the second and third titles reuse the first one's speech, as
    a newsroom's titles would; the pool of processes has its tests in tests/test_driver.py,
    tests/test_interrupts.py and tests/site/test_site_command.py. The run's shared cache
    (tests/conftest.py: the test title's speech, pinyin and fonts, made once a run; the up-to-date
    records are kept per output folder, so these outputs are built here all the same)."""
    for n in (1, 2, 3):
        write(tmp_path / "source", f"t{n}.md", variant(n))
    write(tmp_path / "source", "bad.md", broken())
    shared = {"PUBLISH_CACHE_DIR": str(shared_cache.root)}
    result = publish("all", "--engine", "espeak", "--jobs", "1", cwd=tmp_path, env=shared, timeout=900)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert re.search(r"^error: source/bad\.md:\d+:\d+: error E201: unknown speaker id 'nobody'", result.stderr, re.M)
    table = result.stdout
    for n in (1, 2, 3):
        assert re.search(rf"^night-library-{n}\s+6\s+0\s+0\s", table, re.M), table
    assert re.search(r"^night-library-99\s+0\s+0\s+1\s", table, re.M), table
    out = tmp_path / "output"
    from pipeline.audio.master import decode_mp3

    for n in (1, 2, 3):
        for suffix in (".epub", "-learner.epub"):
            with zipfile.ZipFile(out / f"night-library-{n}{suffix}") as epub:
                assert epub.testzip() is None and epub.read("mimetype") == b"application/epub+zip"
        assert (out / f"night-library-{n}.pdf").read_bytes().rstrip().endswith(b"%%EOF")
        assert len(decode_mp3((out / f"night-library-{n}.mp3").read_bytes())) > 22050 * 60
    assert not [p.name for p in out.iterdir() if "night-library-99" in p.name or p.name.startswith(".")]

    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("night-library-2")}
    write(tmp_path / "source", "t2.md", broken(variant(2)))
    again = publish("all", "--engine", "espeak", cwd=tmp_path, env=shared, timeout=900)
    assert again.returncode == 1
    assert "source/t2.md:" in again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("night-library-2")} == before
    assert re.search(r"^night-library-1\s+0\s+6\s+0\s", again.stdout, re.M), again.stdout


def test_one_title_among_several_with_source(tmp_path: Path) -> None:
    for n in (1, 2):
        write(tmp_path / "source", f"t{n}.md", variant(n))
    result = publish("epub", "--source", "source/t2.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["night-library-2.epub"]
    with zipfile.ZipFile(tmp_path / "output" / "night-library-2.epub") as epub:
        assert epub.testzip() is None
