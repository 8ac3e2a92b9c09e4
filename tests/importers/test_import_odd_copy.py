"""Copy with characters the source format cannot hold as they are, found by a robustness sweep:
the import writes a source that reads back with every visible character of the copy, or says
what it removed. Expectations are written by hand."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from tests.importers.importhelp import fill_placeholders
from pipeline.reader import read_source

runner = CliRunner()


def _import(tmp_path: Path, copy: str) -> tuple[Path, str]:
    path = tmp_path / "copy.txt"
    path.write_text(copy, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--out-dir", str(tmp_path / "out"), "--slug", "odd"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "odd.md", result.output


def _paragraphs(source: Path) -> list[str]:
    doc = read_source(fill_placeholders(source))
    return [p.text for p in doc.sections[0].paragraphs] + [
        p.text for s in doc.sections[1:] for a in s.answers for p in a.paragraphs]


def test_invisible_characters_of_the_copy_are_removed_and_counted(tmp_path: Path) -> None:
    """Before: a BEL, a NUL or an escape sequence in the copy stopped the import as 'an importer
    bug' (the reader's E219); a right-to-left override went into the source unseen."""
    source, output = _import(tmp_path, "文章\x07第一段\x00。\n\n第二段\ufeff，\u202e反向\x1b[31m。\n\n"
                                       "你怎么看？\n\n编剧余飞：\n回答\x7f内容。\n")
    assert _paragraphs(source) == ["文章第一段。", "第二段，反向[31m。", "回答内容。"]
    assert "6 invisible character(s) removed" in output


def test_a_title_with_invisible_characters_or_line_separators(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>灯下\u2028夜读\x07</title></head><body><h1>灯下\u2028夜读\x07</h1>"
                    "<p>文章第一段。</p><p>文章第二段。</p></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["import", str(page), "--out-dir", str(tmp_path / "out"), "--slug", "page"])
    assert result.exit_code == 0, result.output
    doc = read_source(fill_placeholders(tmp_path / "out" / "page.md"))
    assert doc.meta.title == "灯下夜读"  # (before: E102 at the title, 'an importer bug')


def test_full_width_colons_and_hashes_stay_text(tmp_path: Path) -> None:
    """Before: a line '：：：' (E216), '：：…' (E218) or '＃＃ …' (E220) of copy, or '：：：' inside
    a sentence (E217), stopped the import as 'an importer bug'; a backslash cannot escape them."""
    source, _output = _import(tmp_path, "文章。\n\n：：：\n\n＃＃ 话题标签\n\n你怎么看？\n\n编剧余飞：\n"
                                        "回答：：：：内容。\n\n导演张三：\n：：那是什么\n")
    assert _paragraphs(source) == ["文章。", "：：：", "＃＃ 话题标签", "回答：：：：内容。", "：：那是什么"]
    # and 'publish check' takes the references it writes for no half-width ';'
    _doc, found = check(fill_placeholders(source))
    assert not [d for d in found if d.code == "W401"], found
