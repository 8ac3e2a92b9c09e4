"""Every `publish …` example in README.md runs as written.

The examples are read from the README itself (each `sh` block's lines that start with
`publish`), so an example added, renamed or left behind by a change of the CLI is tested
without anyone listing it here. Two yardsticks:

- every example must parse: its command, options and values are the CLI's (read from the real
  command line parser, without running the command);
- the cheap ones run for real, each in a fresh copy of the project (`check`, `script`, `import`,
  `new`, `voices`, `audio --cast`, `--version`, `--install-completion`, any `--help`): exit 0, no
  traceback, and where the README's comment promises a file (`→ source/x.md`), that file.

The copies the import examples name (`copy/sora.txt`, `saved-page.html`, `interview.docx`) are
made from the test fixtures; examples with a placeholder (`…`, `<host>`) are only parsed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from pipeline.cli import app
from tests.conftest import ROOT, SEED, TEST_TITLE

README = ROOT / "README.md"
FENCE = re.compile(r"^```sh\n(.*?)^```", re.S | re.M)
PLACEHOLDER = re.compile(r"…|<[^>]*>")
PROMISED = re.compile(r"→\s*(\S+\.md)")
CHEAP = {"check", "script", "import", "new", "voices"}
# the copies the README's import examples name, made from the fixtures
COPIES = {"copy/sora.txt": SEED, "saved-page.html": ROOT / "tests/fixtures/import/night-market.html",
          "interview.docx": ROOT / "tests/fixtures/import/night-market.docx"}


def readme_examples() -> list[tuple[list[str], str]]:
    """(arguments after `publish`, the line's comment) for every example, in README order."""
    examples = []
    for block in FENCE.findall(README.read_text(encoding="utf-8")):
        for line in block.replace("\\\n", " ").splitlines():  # continued lines joined
            code, _hash, comment = line.partition("  #")
            for command in code.split("&&"):
                if command.strip().startswith("publish "):
                    examples.append((shlex.split(command, comments=True)[1:], comment))
    return examples


EXAMPLES = readme_examples()
IDS = [f"line{n}" for n in range(len(EXAMPLES))]


def test_the_readme_has_examples_of_every_command() -> None:
    """The extraction itself: it finds the README's examples (a broken pattern would find none
    and every test below would pass vacuously)."""
    commands = {args[0] for args, _ in EXAMPLES if args and not args[0].startswith("-")}
    assert commands >= {"check", "epub", "pdf", "audio", "script", "voices", "all", "site", "import", "new", "watch",
                        "clean-cache"}, commands
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize(("args", "comment"), EXAMPLES, ids=IDS)
def test_every_readme_example_parses(args: list[str], comment: str) -> None:
    group = typer.main.get_command(app)
    if not args or args[0].startswith("-"):  # options of `publish` itself (--version acts while parsed)
        try:
            group.make_context("publish", list(args), resilient_parsing=args == ["--install-completion"])
        except typer.Exit as done:
            assert done.exit_code == 0
        return
    command = group.commands.get(args[0])
    assert command is not None, f"README: 'publish {' '.join(args)}': no command {args[0]!r}"
    rest = [a for a in args[1:] if a not in ("--help", "-h")]
    command.make_context(args[0], rest)  # raises on an unknown option or a value not among the choices


def _cheap(args: list[str]) -> bool:
    if any(PLACEHOLDER.search(a) for a in args):
        return False
    return (not args or args[0].startswith("-") or args[0] in CHEAP or "--help" in args
            or (args[0] == "audio" and "--cast" in args) or args[0] == "clean-cache")


RUNNABLE = list({tuple(args): (args, comment) for args, comment in reversed(EXAMPLES) if _cheap(args)}.values())[::-1]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """What a project holds when the README's examples run: its sources and settings, the test
    title, and the copies the import examples name."""
    root = tmp_path_factory.mktemp("readme-project")
    shutil.copytree(ROOT / "source", root / "source")
    shutil.copy(ROOT / "publish.toml", root / "publish.toml")
    (root / "tests" / "fixtures").mkdir(parents=True)
    shutil.copy(TEST_TITLE, root / "tests" / "fixtures" / TEST_TITLE.name)
    for name, origin in COPIES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(origin, root / name)
    return root


@pytest.mark.slow
@pytest.mark.parametrize(("args", "comment"), RUNNABLE, ids=[f"run{n}" for n in range(len(RUNNABLE))])
def test_every_cheap_readme_example_runs(args: list[str], comment: str, template: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(template, project)
    promised = PROMISED.search(comment)
    if args[0] in ("import", "new"):  # a new title: its target must not exist yet
        shutil.rmtree(project / "source")
    env = {k: v for k, v in os.environ.items() if k != "PUBLISH_CACHE_DIR"}
    env.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path / "home"), NO_COLOR="1")
    (tmp_path / "home").mkdir()
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, f"README: publish {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    if promised:
        assert (project / promised.group(1)).is_file(), f"README promises {promised.group(1)}: {result.stdout}"
    if args[0] == "script":
        assert sorted(p.name for p in (project / "output").iterdir()) == ["sora-reactions-script.html",
                                                                          "sora-reactions-script.md"]
