"""The fifth CLI sweep: the command run the way a careless user or script runs it, judged on
what a shell sees (exit code, one `error: …` line and never a traceback, the files on disk).

- a terminal width from the environment that has no room (`COLUMNS=0` printed nothing at all,
  errors included), and a summary cut to the width of a terminal that is not there (a pipe);
- a web address where a file is expected (`publish import https://…`, `publish check https://…`);
- a `~` the shell did not expand (`--out=~/editions`, `PUBLISH_CACHE_DIR="~/cache"`);
- `publish.toml` that is a folder, not UTF-8, or gives a size as `true`;
- a symbolic link that leads back to itself as the output, cache or source;
- `publish audio --cast` with options of a build it does not run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, TEST_TITLE
from tests.titles import variant, write

PUBLISH = [sys.executable, "-m", "pipeline.cli"]
COPY = ROOT / "tests" / "fixtures" / "import" / "night-market.txt"


def environment(project: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PUBLISH_DEBUG", "PYTHONIOENCODING",
                                                             "COLUMNS", "LINES", "DASK_SCHEDULER_ADDRESS")}
    return {**env, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(project / "cache"), **extra}


def run(project: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*PUBLISH, *args], cwd=project, env=environment(project, **extra), capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


def invoke(project: Path, *args: str, **extra: str | None) -> CliRunner:
    """The command in this process (seconds cheaper than a child process), in `project`, with
    the environment changed by `extra` (None removes a variable)."""
    before = os.getcwd()
    os.chdir(project)
    try:
        env = {"PUBLISH_CACHE_DIR": str(project / "cache"), "NO_COLOR": None, "COLUMNS": None,
               "DASK_SCHEDULER_ADDRESS": None, **extra}
        result = CliRunner().invoke(app, list(args), env=env)
    finally:
        os.chdir(before)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    result.returncode = result.exit_code  # read like a finished child process
    return result


def one_error(result: subprocess.CompletedProcess, code: int = 2) -> str:
    """The single `error: …` line of a refused command (no traceback, nothing on stdout)."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def files_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    shutil.copy(TEST_TITLE, tmp_path / "source" / "灯下夜读.md")
    return tmp_path


# -- the terminal's width ------------------------------------------------------------------------
@pytest.mark.parametrize("columns", ["0", "5"])
def test_a_width_with_no_room_still_shows_every_message(project: Path, columns: str) -> None:
    """COLUMNS=0 (a broken shell profile, `env -i` scripts) made Rich print nothing: `publish
    check` said nothing, and a missing file exited 2 without a word."""
    checked = run(project, "check", COLUMNS=columns)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines() == ["source/灯下夜读.md: 0 error(s), 0 warning(s)"]
    missing = run(project, "check", "nope.md", COLUMNS=columns)
    assert one_error(missing) == ("error: nope.md: no such file; check the name, or run 'publish check' in the "
                                  "folder that holds source/")


LONG_SLUG = "a-title-whose-slug-an-editor-wrote-out-in-full-with-its-headline"  # 64 of the 80 allowed


@pytest.mark.parametrize("columns", [None, "0", "30"])
def test_the_summary_names_every_title_whole(project: Path, columns: str | None) -> None:
    """The summary table, read by a script from a pipe, cut a long slug to the width of a
    terminal that was not there ('a-title-whose-slug-an-editor-wr…'), and COLUMNS=5 made its
    rows empty: every slug must be in the output whole."""
    long = variant(1).replace("slug: night-library-1", f"slug: {LONG_SLUG}", 1)
    write(project / "shelf", "long.md", long)
    write(project / "shelf", "short.md", variant(2))
    extra = {"COLUMNS": columns} if columns is not None else {}
    result = invoke(project, "epub", "shelf", "--jobs", "1", **extra)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.strip()}
    assert rows[LONG_SLUG] == ["1", "0", "0", rows[LONG_SLUG][-1]], result.stdout
    assert rows["night-library-2"][:3] == ["1", "0", "0"], result.stdout
    assert "…" not in result.stdout
    assert sorted(p.name for p in (project / "output").iterdir()) == [f"{LONG_SLUG}.epub", "night-library-2.epub"]


# -- a web address where a file is expected --------------------------------------------------------
@pytest.mark.parametrize(("args", "url", "name"), [
    (["check", "https://example.org/pods/night.md"], "https://example.org/pods/night.md", "night.md"),
    (["epub", "--source", "https://example.org/night.md"], "https://example.org/night.md", "night.md"),
    (["check", "https://example.org/drafts/*.md"], "https://example.org/drafts/*.md", "*.md"),
    (["import", "https://news.example.org/2024/story.html?from=app"], "https://news.example.org/2024/story.html?from=app",
     "story.html"),
    (["import", "http://mp.weixin.qq.com/s/AbC", "--slug", "night-market"], "http://mp.weixin.qq.com/s/AbC", "AbC"),
], ids=["check", "source-option", "pattern", "import", "import-no-suffix"])
def test_a_web_address_for_a_file(project: Path, args: list[str], url: str, name: str) -> None:
    """It said 'https:/example.org/…: no such file; check the name' (the address mangled, no
    way forward); nothing is fetched, offline or not."""
    before = files_in(project)
    line = one_error(invoke(project, *args))
    assert line == (f"error: {url} is a web address, and publish reads files on this machine: download it first "
                    f"(save the page in the browser, or curl -L -o {name} '{url}'), then name that file")
    assert files_in(project) == before


def test_a_file_address_for_a_file(project: Path) -> None:
    shutil.copy(COPY, project / "copy.txt")
    line = one_error(invoke(project, "import", f"file://{project}/copy.txt"))
    assert line == f"error: file://{project}/copy.txt is a file address: name the file by its path, {project}/copy.txt"
    assert not (project / "source" / "copy.md").exists()
    assert invoke(project, "import", f"{project}/copy.txt", "-q").returncode == 0  # as the message says
    assert (project / "source" / "copy.md").is_file()


# -- a '~' the shell left alone ---------------------------------------------------------------------
def test_a_tilde_the_shell_did_not_expand_means_home(project: Path, tmp_path_factory) -> None:
    """`--out=~/editions` and `PUBLISH_CACHE_DIR="~/cache"` reach the command with their '~'
    (the shell expands it only at the start of a word): the build wrote a folder named '~'
    inside the project."""
    home = tmp_path_factory.mktemp("home")
    shutil.copy(TEST_TITLE, home / "夜读.md")
    built = run(project, "epub", "--out=~/editions", HOME=str(home), PUBLISH_CACHE_DIR="~/cache")
    assert built.returncode == 0, built.stderr
    assert (home / "editions" / "night-library.epub").is_file()
    assert (home / "cache").is_dir() and any((home / "cache").iterdir())
    checked = run(project, "check", "--source=~/夜读.md", HOME=str(home))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines() == [f"{home}/夜读.md: 0 error(s), 0 warning(s)"]
    started = run(project, "new", "night-owl", "--out-dir=~/drafts", HOME=str(home))
    assert started.returncode == 0, started.stderr
    assert (home / "drafts" / "night-owl.md").is_file()
    assert not (project / "~").exists()
    assert sorted(p.name for p in project.iterdir()) == ["source"]


# -- publish.toml -----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", ["folder", "utf-16", "size-true"])
def test_a_settings_file_that_cannot_be_used(project: Path, case: str) -> None:
    """A folder named publish.toml and a file saved as UTF-16 by Windows Notepad got a Python
    exception's text and no advice; `max_size = true` was read as one byte, and the next build
    emptied the cache."""
    settings = project / "publish.toml"
    if case == "folder":
        settings.mkdir()
        expected = ("error: publish.toml is a folder, not the project's settings file: rename or remove it "
                    "(publish.toml is optional)")
    elif case == "utf-16":
        settings.write_bytes('[cache]\nmax_size = "1 GB"\n'.encode("utf-16"))
        expected = ("error: publish.toml:1: file is not valid UTF-8 (it is UTF-16 (little-endian): save it again as "
                    "UTF-8, or convert it: iconv -f UTF-16 -t UTF-8)")
    else:
        settings.write_text("[cache]\n\nmax_size = true\n", encoding="utf-8")
        expected = ('error: publish.toml:3: [cache] max_size: true is not a size: write it as "500 MB", "5 GiB" or '
                    'a number of bytes (0: no limit)')
    assert one_error(invoke(project, "epub")) == expected
    assert not (project / "output").exists()


# -- a symbolic link that leads back to itself ---------------------------------------------------------
@pytest.mark.parametrize("case", ["out", "cache", "out-dir", "source"])
def test_a_symbolic_link_loop(project: Path, case: str) -> None:
    """It said 'loop is a symbolic link to loop, which does not exist', or 'cannot be read (Too
    many levels of symbolic links); check … its permissions'."""
    (project / "loop").symlink_to("loop")
    args, extra, what = {
        "out": (["epub", "--out", "loop"], {}, "point it at a folder, or choose another output folder"),
        "cache": (["epub"], {"PUBLISH_CACHE_DIR": "loop"},
                  "point it at a folder, or set PUBLISH_CACHE_DIR to a folder you can write (e.g. "
                  "PUBLISH_CACHE_DIR=/tmp/publish-cache)"),
        "out-dir": (["new", "night-owl", "--out-dir", "loop"], {},
                    "point it at a folder, or choose another source folder"),
        "source": (["check", "loop"], {}, "point it at the file, or name the file itself"),
    }[case]
    line = one_error(invoke(project, *args, **extra))
    assert line == f"error: loop is a symbolic link that leads back to itself (a loop): {what}"
    assert sorted(p.name for p in project.iterdir() if p.name != "cache") == ["loop", "source"]


# -- options a command would drop ----------------------------------------------------------------------
@pytest.mark.parametrize(("args", "given"), [
    (["--out", "elsewhere"], "--out does"),
    (["--force", "--scheduler", "tcp://127.0.0.1:9"], "--force, --scheduler do"),
    (["--jobs", "2"], "--jobs does"),
], ids=["out", "force-scheduler", "jobs"])
def test_the_cast_sheet_with_a_build_option(project: Path, args: list[str], given: str) -> None:
    """`publish audio --cast --out elsewhere` printed the cast sheet and dropped the option,
    as if the audio had been built there."""
    line = one_error(invoke(project, "audio", "--cast", *args))
    one = given.endswith("does")
    assert line == (f"error: --cast prints the cast sheet and builds nothing, so {given} nothing "
                    f"with it: leave {'it' if one else 'them'} out, or leave out --cast to build the audio")
    assert sorted(p.name for p in project.iterdir()) == ["source"]


def test_the_cast_sheet_alone_and_with_a_scheduler_in_the_environment(project: Path) -> None:
    """DASK_SCHEDULER_ADDRESS set for the whole shell is not an option given to --cast, and
    --engine is harmless (the sheet shows both engines)."""
    result = invoke(project, "audio", "--cast", "--engine", "espeak", DASK_SCHEDULER_ADDRESS="tcp://127.0.0.1:9")
    assert result.returncode == 0, result.stderr
    assert "程一帆" in result.stdout


# -- the environment ------------------------------------------------------------------------------------
@pytest.mark.parametrize("epoch", ["yesterday", "2024-01-01", "99999999999999"])
def test_a_source_date_epoch_that_is_no_time(project: Path, epoch: str) -> None:
    """`SOURCE_DATE_EPOCH=yesterday` started the build and failed the EPUB of every title one by
    one (exit 1); it is the environment's mistake, refused before anything is built."""
    write(project / "source", "second.md", variant(2))
    result = invoke(project, "epub", SOURCE_DATE_EPOCH=epoch)
    assert one_error(result) == (f"error: SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970 (e.g. "
                                 f"SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)): set it to one, or unset it "
                                 f"(nothing was built)")
    assert not any((project / "output").glob("*.epub"))
    built = invoke(project, "epub", "--jobs", "1", SOURCE_DATE_EPOCH="1700000000")
    assert built.returncode == 0, built.stderr
    with zipfile.ZipFile(project / "output" / "night-library.epub") as book:
        opf = next(book.read(n).decode() for n in book.namelist() if n.endswith(".opf"))
    assert "2023-11-14T22:13:20Z" in opf


# -- --scheduler given what is not a scheduler ------------------------------------------------------------
@pytest.mark.parametrize(("address", "why"), [
    ("http://127.0.0.1:8787/status", "is a web address (the dashboard's?), not the scheduler's"),
    ("dask host", "is not an address with a host and a port"),
    ("tcp://dask", "is not an address with a host and a port"),
    ("ftp://dask:8786", "unknown kind of address 'ftp://'"),
], ids=["dashboard", "words", "no-port", "scheme"])
def test_a_scheduler_address_that_cannot_be_one(project: Path, address: str, why: str) -> None:
    """The dashboard's link (which the summary prints) or a typo: 'cannot reach the Dask
    scheduler', exit 1, after seconds of trying; a usage error before anything is created."""
    line = one_error(invoke(project, "epub", "--scheduler", address))
    separator = ":" if why.startswith("unknown") else ""
    assert line == (f"error: --scheduler {address}{separator} {why}: write tcp://HOST:8786, as 'dask scheduler' "
                    f"prints it, or 'local' for a cluster on this machine")
    assert sorted(p.name for p in project.iterdir()) == ["source"]


@pytest.mark.parametrize("server", ["silent", "chatter"])
def test_something_else_listening_at_the_scheduler_address(project: Path, server: str, monkeypatch) -> None:
    """A web server or a proxy at the address: the build waited for as long as it kept the
    connection open (a hang), or read its bytes as a message length and ended in 'internal
    error: MemoryError'. Now one line, exit 1, within about twice the connection timeout."""
    import socket
    import threading
    import time

    import pipeline.driver.cluster as cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    held: list[socket.socket] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = listener.accept()
                held.append(connection)
                if server == "chatter":  # a web server's answer: 'HTTP/1.1' read as a message's length
                    connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=serve, daemon=True).start()
    started = time.monotonic()
    try:
        result = invoke(project, "epub", "--scheduler", f"tcp://127.0.0.1:{port}")
    finally:
        listener.close()
        for connection in held:
            connection.close()
    assert time.monotonic() - started < 60
    line = one_error(result, code=1)
    assert line.startswith(f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port} (something answers "
                           f"there, but not as a Dask scheduler"), line
    assert "the scheduler's port (8786)" in line
    assert not any((project / "output").glob("*.epub"))
