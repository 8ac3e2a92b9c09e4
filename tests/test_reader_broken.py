"""Broken sources as editors break them (tests/fixtures/broken/, expectations written by hand in
EXPECTED.tsv) through the real command: a positioned error with the expected code on each
expected line, exit code 1, no traceback; a build refuses with the same error and writes nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import traceback

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
PUBLISH = Path(sys.executable).with_name("publish")


def _table() -> list[tuple[str, str, list[int], str]]:
    rows = []
    for line in (BROKEN / "EXPECTED.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, lines, what = line.split("\t")
            rows.append((name, code, [int(n) for n in lines.split(",")], what))
    return rows


TABLE = _table()


def publish(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "400"}
    return subprocess.run([str(PUBLISH), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_every_fixture_has_a_row_and_there_are_enough() -> None:
    files = {p.name for p in BROKEN.glob("*.md")}
    assert files == {row[0] for row in TABLE}
    assert len(files) >= 30


@pytest.fixture(scope="module")
def checked() -> dict[str, tuple[int, str]]:
    """`publish check FILE` on every fixture, in-process (Typer's runner: the real command, no
    process start per file); exit code and everything printed."""
    runner = CliRunner()
    results = {}
    for name in sorted({row[0] for row in TABLE}):
        result = runner.invoke(app, ["check", str(BROKEN / name)], terminal_width=400)
        escaped = result.exception if not isinstance(result.exception, SystemExit) else None
        output = result.output + "".join(traceback.format_exception(escaped) if escaped else [])
        results[name] = (result.exit_code, output)
    return results


@pytest.mark.parametrize("name,code,lines,what", TABLE, ids=[f"{r[0]}-{r[1]}" for r in TABLE])
def test_check_reports_the_fault_where_it_stands(checked, name: str, code: str, lines: list[int], what: str) -> None:
    exit_code, output = checked[name]
    assert "Traceback" not in output, output
    assert exit_code == 1, output
    path = str(BROKEN / name)
    for line in lines:
        pattern = rf"^{re.escape(path)}:{line}:\d+: error {code}: "
        assert re.search(pattern, output, re.M), f"{what}: no {code} at line {line}:\n{output}"


@pytest.mark.parametrize("name", ["fence-unclosed-before-answer.md", "enc-gbk.md", "yaml-alias-bomb.md"])
def test_the_installed_command_reports_the_same(tmp_path: Path, name: str) -> None:
    row = next(r for r in TABLE if r[0] == name)
    run = publish("check", str(BROKEN / name), cwd=tmp_path)
    output = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in output, output
    for line in row[2]:
        assert re.search(rf"^{re.escape(str(BROKEN / name))}:{line}:\d+: error {row[1]}: ", output, re.M), output


@pytest.mark.parametrize("name", [
    "fence-unclosed-before-heading.md", "fence-nested-note.md", "yaml-language.md", "pron-not-a-syllable.md",
    "enc-bom-crlf-unclosed.md", "heading-setext-in-answer.md",
])
def test_a_build_refuses_with_the_same_error_and_writes_nothing(tmp_path: Path, name: str) -> None:
    row = next(r for r in TABLE if r[0] == name)
    run = publish("epub", "--source", str(BROKEN / name), "--out", str(tmp_path / "out"), cwd=tmp_path)
    output = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in output, output
    assert re.search(rf"{re.escape(str(BROKEN / name))}:{row[2][0]}:\d+: ", output), output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not [p for p in written if p.suffix in (".epub", ".pdf", ".mp3", ".xhtml")], written
