"""Shared helpers of the importer tests: import a copy with the real command, fill the
placeholders as an editor would, and compare documents without their positions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.model import Document
from pipeline.reader import read_source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"
NIGHT_MARKET = FIXTURES / "night-market.txt"
runner = CliRunner()

# what an editor types in place of each placeholder (front-matter key → value)
FILLED = {
    "title": "测试用标题",
    "date": "2025-05-01",
    "description": "测试用的一句话简介。",
    "rights": "© 2025 测试",
    "authors": "[测试作者]",
    "outlet": "测试媒体",
}


def run_import(copy: Path, out_dir: Path, *args: str) -> Path:
    """`publish import COPY --out-dir OUT --slug SLUG` through the real command; the written file."""
    slug = re.sub(r"[^a-z0-9]+", "-", copy.name.lower()).strip("-")
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(out_dir), "--slug", slug, *args])
    assert result.exit_code == 0, result.output
    return out_dir / f"{slug}.md"


def fill_placeholders(path: Path) -> Path:
    """Replace every front-matter placeholder line as an editor would (voice hints stay)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.split(":", 1)[0]
        if key in FILLED and "TODO" in line:
            line = f"{key}: {FILLED[key]}"
        lines.append(line)
    filled = path.with_name(path.stem + "-filled.md")
    filled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return filled


def imported_document(copy: Path, out_dir: Path) -> Document:
    return read_source(fill_placeholders(run_import(copy, out_dir)))


def comparable(doc: Document) -> dict[str, Any]:
    """The document as plain data without source positions, path, id and slug."""
    data = _strip(doc.model_dump())
    data["meta"].pop("id")
    data["meta"].pop("slug")
    data.pop("source")
    return data


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "loc"}
    if isinstance(value, (list, tuple)):
        return [_strip(v) for v in value]
    return value
