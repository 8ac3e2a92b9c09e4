"""`pip install .` gives a working tool: a wheel built from this checkout, installed into a fresh
virtual environment, builds every edition of a title and the web edition in a folder that holds
only `source/<title>.md`, and starts titles (`publish new`, `publish import`) in an empty folder —
the stylesheets, templates, site assets and data come from inside the package.

The new environment sees the dependencies already installed here (a path entry to this
environment's site-packages, whose editable-install hooks are not run), so the test needs no
network; the `pipeline` package itself can only come from the wheel, which the test checks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_TITLE

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a clean copy of the checkout (the worktree is left untouched)."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    shutil.copytree(ROOT / "pipeline", tree / "pipeline", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", work / "dist", tree, cwd=work)
    (built,) = (work / "dist").glob("pipeline-*.whl")
    with zipfile.ZipFile(built) as archive:
        names = set(archive.namelist())
    # every file of the package that is not Python is read at run time: all of it must ship
    packaged = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline").rglob("*")
                if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert {"pipeline/styles/site/site.js", "pipeline/templates/new-source.md",
            "pipeline/importers/data/rules.toml"} <= packaged
    assert not packaged - names, f"not in the wheel: {sorted(packaged - names)}"
    assert not [n for n in names if n.startswith(("styles/", "tests/", "source/"))]
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The wheel installed in a new virtual environment: its bin folder, and the environment to
    run it in (no PYTHONPATH, a home and cache of its own)."""
    tmp_path = tmp_path_factory.mktemp("installed")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    site = Path(subprocess.run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # the dependencies installed here, as a plain path entry (no .pth of ours is processed there)
    (site / "installed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--no-deps", "--no-index",
        "--quiet", wheel, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PUBLISH_CACHE_DIR")}
    env["HOME"] = str(tmp_path / "home")
    env["XDG_CACHE_HOME"] = str(tmp_path / "home" / ".cache")

    where = run(venv / "bin" / "python", "-c", "import pipeline, json; print(json.dumps(pipeline.__file__))",
                cwd=tmp_path, env=env)
    assert json.loads(where).startswith(str(venv)), where
    return venv / "bin", env


def test_an_installed_wheel_builds_every_edition_in_an_empty_folder(installed, tmp_path: Path) -> None:
    bin_dir, env = installed
    venv = bin_dir.parent

    project = tmp_path / "newsroom"
    (project / "source").mkdir(parents=True)
    shutil.copy(TEST_TITLE, project / "source" / "night-library.md")
    out = run(venv / "bin" / "publish", "all", "--engine", "espeak", cwd=project, env=env)
    built = {p.name for p in (project / "output").iterdir()}
    assert built == {"night-library.epub", "night-library-learner.epub", "night-library.pdf",
                     "night-library-learner.pdf", "night-library-script.md", "night-library-script.html",
                     "night-library.mp3", "night-library.m4b", "night-library.vtt"}, (built, out)
    assert sorted(p.name for p in project.iterdir()) == [".cache", "output", "source"]  # nothing else written here

    from pdfminer.high_level import extract_text

    from pipeline.audio.master import decode_mp3

    with zipfile.ZipFile(project / "output" / "night-library.epub") as epub:
        page = next(n for n in epub.namelist() if n.endswith(".xhtml") and "灯下夜读" in epub.read(n).decode())
        assert page
    assert "灯下夜读" in re.sub(r"\s+", "", extract_text(project / "output" / "night-library.pdf"))
    assert len(decode_mp3((project / "output" / "night-library.mp3").read_bytes())) > 22050 * 60
    assert "WEBVTT" in (project / "output" / "night-library.vtt").read_text(encoding="utf-8")[:10]

    # a project's own styles/ overrides the shipped file of the same name
    shipped = run(venv / "bin" / "python", "-c",
                  "import pipeline.build as b; print((b.STYLES_DIR / 'epub.css').read_text())", cwd=tmp_path, env=env)
    (project / "styles").mkdir()
    (project / "styles" / "epub.css").write_text(shipped + "\n/* newsroom house style */\n", encoding="utf-8")
    run(venv / "bin" / "publish", "epub", cwd=project, env=env)
    with zipfile.ZipFile(project / "output" / "night-library.epub") as epub:
        css = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".css"))
    assert "newsroom house style" in css

    version = run(venv / "bin" / "publish", "--version", cwd=project, env=env)
    assert version.startswith("publish 0.") and "WeasyPrint" in version

    # the web edition and the feeds, from the templates and assets inside the package
    said = run(venv / "bin" / "publish", "site", "--base-url", "https://example.org/pods/", "--engine", "espeak",
               cwd=project, env=env)
    site = project / "output" / "site"
    assert "podcast feed: https://example.org/pods/feed.xml" in said, said
    page = (site / "night-library" / "index.html").read_text(encoding="utf-8")
    assert "灯下夜读" in page and '<track kind="captions"' in page
    for asset in ("site.css", "site.js"):
        assert (site / "assets" / asset).read_bytes() == (ROOT / "pipeline" / "styles" / "site" / asset).read_bytes()
    assert b"<rss" in (site / "feed.xml").read_bytes() and b"opds" in (site / "opds.xml").read_bytes()
    assert (site / "night-library" / "night-library.mp3").read_bytes() == \
        (project / "output" / "night-library.mp3").read_bytes()
    assert sorted(p.name for p in project.iterdir()) == [".cache", "output", "source", "styles"]


def test_an_installed_wheel_starts_titles_in_an_empty_folder(installed, tmp_path: Path) -> None:
    """`publish new` (the template inside the package) and `publish import` (the importers'
    tables, jieba, mammoth) in a folder with nothing in it; the copy comes from elsewhere."""
    bin_dir, env = installed
    copies = ROOT / "tests" / "fixtures" / "import"
    folder = tmp_path / "newsroom"
    folder.mkdir()
    said = run(bin_dir / "publish", "new", "night-owl", cwd=folder, env=env)
    assert "wrote source/night-owl.md" in said
    template = (folder / "source" / "night-owl.md").read_text(encoding="utf-8")
    assert "slug: night-owl" in template and "TODO" in template
    said = run(bin_dir / "publish", "import", copies / "night-market.txt", cwd=folder, env=env)
    assert "wrote source/night-market.md" in said and "speakers            5" in said, said
    run(bin_dir / "publish", "import", copies / "night-market.docx", "--slug", "from-word", cwd=folder, env=env)
    for name in ("night-market.md", "from-word.md"):
        assert "欧阳明远" in (folder / "source" / name).read_text(encoding="utf-8")
    # what they wrote checks with only the placeholders an editor fills in (E120-E129)
    checked = subprocess.run([bin_dir / "publish", "check"], cwd=folder, env=env, capture_output=True, text=True,
                             timeout=300)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    codes = set(re.findall(r"error (E\d+)", checked.stdout + checked.stderr))
    assert codes and all(code.startswith("E12") for code in codes), codes
    assert sorted(p.name for p in folder.iterdir()) == ["source"]


def test_voices_refresh_writes_to_the_user_cache_not_the_package(tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    from pipeline.audio import voicelist

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shipped = voicelist.DATA_DIR / "voices-edge.json"
    before = shipped.read_bytes()

    async def fetch():  # noqa: ANN202
        return [{"ShortName": "zh-CN-XiaoxiaoNeural", "Locale": "zh-CN", "Gender": "Female", "VoiceTag": {}}]

    assert voicelist.refresh_edge(fetch=fetch, today=dt.date(2026, 1, 2)) == 1
    written = tmp_path / "cache" / "publish" / "voices-edge.json"
    assert json.loads(written.read_text(encoding="utf-8"))["refreshed"] == "2026-01-02"
    assert shipped.read_bytes() == before
