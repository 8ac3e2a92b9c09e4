"""A build killed while it writes an output leaves the previous output whole, for every type.

The kill is deterministic: `PUBLISH_TEST_KILL=<file name>` makes the atomic writer cut what it
has written of that file to half and SIGKILL the process before the file is put in place (see
`pipeline.fsutil`). Written atomically, the half file is a temporary one and the target is the
previous build's; written in place, the target itself would be the half file. Each output is
then read back whole by a parser of its own format (`tests.readback`), compared with what it
read before the kill, and the next build must give the edited, whole file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.fsutil import KILL_ENV, atomic_path, atomic_write, written_together
from pipeline.reader import read_source
from tests.bounded import run_bounded
from tests.conftest import ROOT, TEST_TITLE
from tests.readback import Reading, han, read_back

SLUG = read_source(TEST_TITLE).meta.slug
# Each output, and the command that writes it (the small test title keeps this quick).
CASES = [
    (f"{SLUG}.epub", ["epub"]),
    (f"{SLUG}-learner.epub", ["epub", "--learner"]),
    (f"{SLUG}.pdf", ["pdf"]),
    (f"{SLUG}-learner.pdf", ["pdf", "--learner"]),
    (f"{SLUG}.mp3", ["audio", "--engine", "espeak"]),
    (f"{SLUG}.m4b", ["audio", "--engine", "espeak"]),
    (f"{SLUG}.vtt", ["audio", "--engine", "espeak"]),
    (f"{SLUG}-script.md", ["script", "--engine", "espeak"]),
    (f"{SLUG}-script.html", ["script", "--engine", "espeak"]),
]
# Outputs that must come from one build: an interrupted build leaves all of them as they were.
GROUPS = [{f"{SLUG}.mp3", f"{SLUG}.m4b", f"{SLUG}.vtt"}, {f"{SLUG}-script.md", f"{SLUG}-script.html"}]
# One more sentence per case (the source only grows), so every case's build has something new
# to write, and a longer programme to speak.
MARKS = "甲乙丙丁戊己庚辛壬癸"


def publish(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != KILL_ENV}
    environment.update(PYTHONPATH=str(ROOT), **(env or {}))
    return run_bounded([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=environment, timeout=600)


def with_sentence(text: str, sentence: str) -> str:
    """The source with `sentence` added to the end of the body's first paragraph."""
    body_start = text.index("\n---\n", 4) + 5
    end = text.index("\n\n", body_start + 1)
    return text[:end] + sentence + text[end:]


def outputs(work: Path) -> list[Path]:
    return sorted(p for p in (work / "output").iterdir() if p.is_file() and not p.name.startswith("."))


# --- the kill point itself (fast) ---------------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from pipeline.fsutil import atomic_write
atomic_write(Path(sys.argv[1]), "新" * 1000)
"""

IN_PLACE_WRITER = """
import contextlib, sys
from pathlib import Path
from pipeline.fsutil import _kill_point

@_kill_point
@contextlib.contextmanager
def in_place(target):
    yield target  # what atomic_path must never do

with in_place(Path(sys.argv[1])) as path:
    path.write_text("新" * 1000, encoding="utf-8")
"""


def run_writer(code: str, target: Path, pattern: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(KILL_ENV, None)
    if pattern is not None:
        env[KILL_ENV] = pattern
    return run_bounded([sys.executable, "-c", code, str(target)], env=env, timeout=120)


def test_kill_point_kills_mid_write_and_the_target_keeps_its_old_bytes(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("旧", encoding="utf-8")
    result = run_writer(WRITER, target, "*.md")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert target.read_text(encoding="utf-8") == "旧"
    (part,) = tmp_path.glob(".a.md.*.part")  # the cut temporary file, left for the next build to remove
    assert part.stat().st_size == len("新".encode()) * 1000 // 2


def test_kill_point_only_for_matching_names(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert run_writer(WRITER, target, "*.vtt").returncode == 0
    assert run_writer(WRITER, target, None).returncode == 0
    assert target.read_text(encoding="utf-8") == "新" * 1000


def test_kill_point_leaves_an_in_place_write_half_written(tmp_path: Path) -> None:
    """Why the hook cuts the file it handed out: a writer that wrote in place is caught."""
    target = tmp_path / "a.md"
    target.write_text("旧", encoding="utf-8")
    assert run_writer(IN_PLACE_WRITER, target, "a.md").returncode == -signal.SIGKILL
    assert target.stat().st_size == len("新".encode()) * 1000 // 2


def test_atomic_path_without_the_hook_writes_whole_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(KILL_ENV, raising=False)
    atomic_write(tmp_path / "x" / "a.txt", "一二三")
    with atomic_path(tmp_path / "x" / "b.bin") as tmp:
        tmp.write_bytes(b"\x00\x01")
    assert (tmp_path / "x" / "a.txt").read_text(encoding="utf-8") == "一二三"
    assert (tmp_path / "x" / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["a.txt", "b.bin"]


PARTNERS = ["a.mp3", "a.m4b", "a.vtt"]


def builds_present(folder: Path) -> set[str]:
    """Which builds the partner files standing in `folder` come from (their text says)."""
    return {(folder / name).read_text(encoding="utf-8") for name in PARTNERS if (folder / name).exists()}


def write_partners(folder: Path, fail_writing: str | None = None) -> None:
    with written_together() as together:
        for name in PARTNERS:
            with atomic_path(folder / name, together) as tmp:
                if name == fail_writing:
                    raise OSError("disk full")
                tmp.write_text("新", encoding="utf-8")


@pytest.mark.parametrize("name", PARTNERS)
def test_an_error_writing_one_partner_keeps_every_old_one(tmp_path: Path, monkeypatch, name: str) -> None:
    """An audio build that failed writing its captions left the new MP3 and M4B beside the
    previous build's captions: now nothing is put in place until every partner is written."""
    monkeypatch.delenv(KILL_ENV, raising=False)
    for partner in PARTNERS:
        (tmp_path / partner).write_text("旧", encoding="utf-8")
    with pytest.raises(OSError):
        write_partners(tmp_path, fail_writing=name)
    assert builds_present(tmp_path) == {"旧"} and sorted(p.name for p in tmp_path.iterdir()) == sorted(PARTNERS)


@pytest.mark.parametrize("renamed", range(len(PARTNERS)))
def test_partners_stopped_between_renames_never_mix_builds(tmp_path: Path, monkeypatch, renamed: int) -> None:
    """Stopped after `renamed` of the new files are in place: some files may be missing (the next
    build writes them), but never a new one beside an old one."""
    monkeypatch.delenv(KILL_ENV, raising=False)
    for partner in PARTNERS:
        (tmp_path / partner).write_text("旧", encoding="utf-8")
    real_replace, done = os.replace, []

    def replace(source, target) -> None:
        if len(done) == renamed:
            raise OSError("stopped")
        done.append(target)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        write_partners(tmp_path)
    assert len(builds_present(tmp_path)) <= 1
    assert not list(tmp_path.glob(".*.part"))
    monkeypatch.setattr(os, "replace", real_replace)
    write_partners(tmp_path)
    assert builds_present(tmp_path) == {"新"}


def test_a_kill_while_writing_the_last_partner_keeps_every_old_one(tmp_path: Path) -> None:
    """The real hook (SIGKILL while the captions are written), in a process of its own."""
    for partner in PARTNERS:
        (tmp_path / partner).write_text("旧", encoding="utf-8")
    code = ("import sys\nfrom pathlib import Path\nfrom tests.test_crash_safety import write_partners\n"
            "write_partners(Path(sys.argv[1]))\n")
    result = run_writer(code, tmp_path, "a.vtt")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert builds_present(tmp_path) == {"旧"}


# --- every output type through the real CLI (slow) ----------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Every edition of the small test title, built once; the cases below go on from here."""
    work = tmp_path_factory.mktemp("crash")
    (work / "source").mkdir()
    shutil.copy(TEST_TITLE, work / "source" / "title.md")
    result = publish("all", "--engine", "espeak", cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p.name for p in outputs(work)} == {name for name, _command in CASES}
    return work


@pytest.mark.slow
@pytest.mark.parametrize("name", [name for name, _command in CASES])
def test_every_check_rejects_a_half_written_file(built: Path, name: str, tmp_path: Path) -> None:
    """The yardsticks below can fail: each rejects the first half of a real output."""
    original = built / "output" / name
    read_back(original)
    half = tmp_path / name
    data = original.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    if half.suffix == ".vtt":  # captions are measured against the audio beside them
        shutil.copy(original.with_suffix(".mp3"), tmp_path)
    with pytest.raises(Exception):
        read_back(half)


@dataclass
class Kill:
    """One case's killed build: what its output and partners were before and after."""

    sentence: str
    killed: subprocess.CompletedProcess
    before: Reading
    before_bytes: bytes
    after_bytes: bytes
    partners_before: dict[str, bytes]
    partners_after: dict[str, bytes]


@pytest.fixture(scope="module")
def kills(built: Path) -> dict[str, Kill]:
    """Each case in turn: one more sentence in the source, then its command killed while it
    writes that case's file. Every output the killed build did replace is read back whole on
    the spot (the others are the bytes already read back)."""
    done: dict[str, Kill] = {}
    for index, (name, command) in enumerate(CASES):
        target = built / "output" / name
        partners = sorted(next((group - {name} for group in GROUPS if name in group), set()))
        standing = {path.name: path.read_bytes() for path in outputs(built)}
        before = read_back(target)
        sentence = f"修订{MARKS[index]}在此。"
        source = built / "source" / "title.md"
        source.write_text(with_sentence(source.read_text(encoding="utf-8"), sentence), encoding="utf-8")
        killed = publish(*command, cwd=built, env={KILL_ENV: name})
        for path in outputs(built):
            if standing.get(path.name) != path.read_bytes():
                read_back(path)  # this build's, whole
        done[name] = Kill(sentence, killed, before, standing[name], target.read_bytes(),
                          {p: standing[p] for p in partners},
                          {p: (built / "output" / p).read_bytes() for p in partners})
    return done


@pytest.mark.slow
@pytest.mark.parametrize("name", [name for name, _command in CASES])
def test_a_build_killed_while_writing_keeps_the_previous_file(built: Path, kills: dict[str, Kill],
                                                              name: str) -> None:
    kill = kills[name]
    assert kill.killed.returncode == -signal.SIGKILL, (f"the build was not killed writing {name}: "
                                                       f"{kill.killed.stdout}{kill.killed.stderr}")
    assert kill.after_bytes == kill.before_bytes, f"{name} changed although its build was killed"
    # its partners too: a new MP3 beside the previous build's captions would disagree with them
    assert kill.partners_after == kill.partners_before


@pytest.mark.slow
def test_the_next_build_gives_every_edited_file_whole(built: Path, kills: dict[str, Kill]) -> None:
    """After all the kills, one build of everything: no killed build left a cache entry or a
    temporary file that passes for its output, so each file has its case's sentence (the audio
    is longer by the sentences it gained)."""
    rebuilt = publish("all", "--engine", "espeak", cwd=built)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert not list((built / "output").glob(".*.part"))
    for name, kill in kills.items():
        after = read_back(built / "output" / name)
        if after.kind == "audio":
            assert after.detail[0] > kill.before.detail[0] + 0.3, (name, kill.before, after)
        else:
            assert han(kill.sentence) in han(after.text) and han(kill.sentence) not in han(kill.before.text), name
