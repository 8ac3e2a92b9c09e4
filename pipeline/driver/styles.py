"""The stylesheets and templates a build uses: the ones shipped in the package
(`pipeline/styles/`), with a project's own `styles/` folder (next to `source/`) laid over them.

A file in the project's `styles/` replaces the shipped file of the same name (copy
`pipeline/styles/pdf.css` there and edit it); a new name adds a file (a
`pdf-paper-<size>.css` adds a trim for `--paper <size>`). The override travels to workers as
bytes, and each worker lays it over its own installed copy in its cache, so a Dask worker
never needs the client's folders.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from pipeline.build import STYLES_DIR, tree_digest
from pipeline.cache import Cache, key

PROJECT_STYLES = "styles"
_SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".part", ".bak", ".orig")


def is_scratch(name: str) -> bool:
    """Editors' temporary and backup files (`.#x`, `x~`, `.x.swp`, `4913`, hidden files)."""
    return name.startswith((".", "#")) or name.endswith(_SCRATCH_SUFFIXES) or name.isdigit()


def project_styles(project_dir: Path) -> Path:
    return project_dir / PROJECT_STYLES


# The trims shipped in `pipeline/styles/pdf-paper-<name>.css`, in the order `--help` lists them.
SHIPPED_PAPERS = ("a5", "b5", "a4", "letter")
PAPER_PREFIX, PAPER_SUFFIX = "pdf-paper-", ".css"


def paper_choices(project_dir: Path) -> list[str]:
    """What `--paper` takes: the shipped trims, then the project's own `styles/pdf-paper-<name>.css`.
    Before, the option was a fixed list, and the README's 'a new styles/pdf-paper-<name>.css adds
    a trim' was refused as 'not one of a5, b5, a4, letter'."""
    folder = project_styles(project_dir)
    own = sorted(p.name[len(PAPER_PREFIX):-len(PAPER_SUFFIX)] for p in folder.glob(f"{PAPER_PREFIX}*{PAPER_SUFFIX}")
                 if p.is_file() and not is_scratch(p.name)) if folder.is_dir() else []
    return [*SHIPPED_PAPERS, *(name for name in own if name and name.casefold() not in SHIPPED_PAPERS)]


def check_pages(overrides: Mapping[str, bytes], editions: tuple[str, ...], paper: str, marks: bool) -> None:
    """A `UsageError` before anything is built when the project's own PDF stylesheets set a page
    no book is printed on (`pagegeometry.trim_problem`); the shipped ones alone never do."""
    from pipeline.paths import UsageError
    from pipeline.renderers.pagegeometry import trim_problem

    if not any(e.startswith("pdf") for e in editions) or not any(n.startswith("pdf") for n in overrides):
        return
    papers = {name.casefold(): name for name in paper_choices(Path("."))}
    names = ["pdf.css", f"{PAPER_PREFIX}{papers.get(paper.casefold(), paper)}{PAPER_SUFFIX}",
             *(["pdf-learner.css"] if "pdf-learner" in editions else []), *(["pdf-marks.css"] if marks else [])]
    sheets = []
    for name in names:
        data = overrides.get(name)
        if data is None:
            shipped = STYLES_DIR / name
            data = shipped.read_bytes() if shipped.is_file() else b""
        sheets.append((f"{PROJECT_STYLES}/{name}" if name in overrides else name, data.decode("utf-8", "replace")))
    problem = trim_problem(sheets)
    if problem:
        raise UsageError(f"{problem} (nothing was built)")


def style_overrides(project_dir: Path) -> dict[str, bytes]:
    """The project's own style files by name (empty when it has no `styles/` folder)."""
    folder = project_styles(project_dir)
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not is_scratch(p.name)}


def styles_dir(overrides: Mapping[str, bytes], cache: Cache) -> Path:
    """A folder holding the shipped styles with `overrides` laid over them: the package's own
    folder when there are none, else a content-addressed folder in the cache."""
    if not overrides:
        return STYLES_DIR
    digest = key("styles", tree_digest(STYLES_DIR), {name: data for name, data in sorted(overrides.items())})
    root = (cache.root if cache.root is not None else Path(tempfile.gettempdir()) / "publish-styles") / "styles"
    target = root / digest
    if target.is_dir():
        return target
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".styles-", dir=root))
    try:
        for path in STYLES_DIR.iterdir():
            if path.is_file():
                shutil.copyfile(path, staging / path.name)
        for name, data in overrides.items():
            (staging / Path(name).name).write_bytes(data)
        try:
            os.rename(staging, target)
        except OSError:  # another process made the same folder first: theirs is identical
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
