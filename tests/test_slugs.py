"""A source whose front matter names no slug takes one from its file's name, and that one obeys
the slug's rule too ([a-z0-9-], at most 80): it names every output file and the web edition's
addresses. Found by the third robustness sweep: `灯下 夜读.md` built `灯下 夜读.epub`. Expected
slugs written out by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.reader import read_source
from tests.conftest import TEST_TITLE

NAMES = [
    ("night-library", "night-library"),  # a slug already: unchanged
    ("灯下 夜读", "deng-xia-ye-du"),
    ("My_Title 2024", "my-title-2024"),
    ("访谈：Sam Altman", "fang-tan-sam-altman"),
    ("。。。", "title"),
]


def without_slug(folder: Path, stem: str) -> Path:
    text = re.sub(r"^slug: .*\n", "", TEST_TITLE.read_text(encoding="utf-8"), count=1, flags=re.M)
    path = folder / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("stem", "slug"), NAMES, ids=[f"name{n}" for n in range(len(NAMES))])
def test_the_slug_from_a_file_name_is_a_slug(tmp_path: Path, stem: str, slug: str) -> None:
    assert read_source(without_slug(tmp_path, stem)).meta.slug == slug


def test_the_editions_are_named_by_it(tmp_path: Path) -> None:
    folder = tmp_path / "稿件 三月"
    folder.mkdir()
    source = without_slug(folder, "灯下 夜读")
    result = CliRunner().invoke(app, ["epub", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["deng-xia-ye-du.epub"]
