"""`publish import` and `publish new` as a user meets them: the file written, the summary, the
refusal to overwrite, exit codes (2: the command cannot run as given; 1: the copy is unreadable),
no half-written file, and the `publish new` template checking with only its placeholders."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from pipeline.reader import read_source
from tests.importers.importhelp import NIGHT_MARKET, fill_placeholders

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [*map(str, args)])


def test_import_writes_the_source_and_prints_a_summary(tmp_path: Path) -> None:
    result = invoke("import", NIGHT_MARKET, "--out-dir", tmp_path)
    assert result.exit_code == 0, result.output
    target = tmp_path / "night-market.md"
    assert target.is_file()
    out = result.output
    assert f"wrote {target}" in out
    summary = dict(re.findall(r"^  (\w[\w ]*?)\s{2,}(\d+)", out, flags=re.M))
    # counted by hand from the copy
    assert summary["questions"] == "2" and "closing chapter “给夜市的一句话”" in out
    assert summary["answers"] == "8"
    assert summary["speakers"] == "5"
    assert summary["merges"] == "1" and "摊主@阿福炒粉 = 摊主 @阿福炒粉" in out
    assert summary["uncertain splits"] == "0"
    assert summary["paragraphs"] == "15"
    # 51 half-width marks in Chinese text (counted with grep on the copy: see the test below)
    assert summary["punctuation fixed"] == "59"  # 51 marks, and 4 pairs of straight quotes ("扫码点单"…)
    assert "E120" in out and "E124" in out  # the placeholders left, with their codes
    assert [p.name for p in tmp_path.iterdir()] == ["night-market.md"]  # nothing half-written beside it


def test_punctuation_count_is_what_an_independent_count_gives() -> None:
    """The summary's count, re-derived without the typography pass: every ,:;?!() that has a
    Han character or a full-width mark next to it (the pair (…) as a whole)."""
    text = NIGHT_MARKET.read_text(encoding="utf-8")
    han = r"[\u4e00-\u9fff，。、；：？！（）“”]"
    singles = len(re.findall(rf"(?<={han})[,:;?!]|[,:;?!](?={han})", text))
    pairs = len(re.findall(r"\([^()\n]*\)", text))  # every pair in this copy touches Chinese
    assert singles + 2 * pairs == 51


def test_default_slug_and_out_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "城西 夜市.txt"
    copy.write_text(NIGHT_MARKET.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("import", copy)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "source" / "cheng-xi-ye-shi.md").is_file()


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.md"
    target.write_text("an editor's work\n", encoding="utf-8")
    result = invoke("import", NIGHT_MARKET, "--out-dir", tmp_path, "--slug", "mine")
    assert result.exit_code == 2
    assert str(target) in result.output and "--force" in result.output
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "an editor's work\n"
    forced = invoke("import", NIGHT_MARKET, "--out-dir", tmp_path, "--slug", "mine", "--force")
    assert forced.exit_code == 0, forced.output
    assert read_source(fill_placeholders(target)).speakers[0].name == "葛秀兰"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = invoke("import", tmp_path / "nope.txt", "--out-dir", tmp_path)
    assert missing.exit_code == 2 and "nope.txt: no such file" in missing.output
    odd = tmp_path / "copy.pdf"
    odd.write_bytes(b"%PDF-1.4")
    kind = invoke("import", odd, "--out-dir", tmp_path)
    assert kind.exit_code == 2 and "cannot import '.pdf'" in kind.output
    slug = invoke("import", NIGHT_MARKET, "--out-dir", tmp_path, "--slug", "Bad Slug")
    assert slug.exit_code == 2 and "not a valid slug" in slug.output
    folder = invoke("import", tmp_path, "--out-dir", tmp_path)
    assert folder.exit_code == 2 and "is a folder, not a file" in folder.output
    assert not list(tmp_path.glob("*.md"))


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "copy.txt")
    return folder / "copy.txt"


def _huge(folder: Path) -> Path:
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(60_000_000)  # sparse: costs no disk
    return folder / "huge.txt"


@pytest.mark.parametrize("make, message", [
    (_fifo, "is not a regular file"),  # and it does not hang waiting for a writer
    (_huge, "at most 50 MB"),
    (lambda folder: Path("/proc/self/mem"), "cannot be read"),  # a regular file whose read fails
    (lambda folder: Path("/dev/null"), "is not a regular file"),
])
def test_copy_that_is_no_readable_file_is_one_line_and_exit_2(tmp_path: Path, make, message) -> None:
    copy = make(tmp_path)
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(tmp_path / "source")])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [result.stderr.strip()] and str(copy) in result.stderr
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert not (tmp_path / "source").exists()  # checked before anything was made


@pytest.mark.parametrize("command", [["import", str(NIGHT_MARKET)], ["new", "night-owl"]])
@pytest.mark.parametrize("out_dir, message", [
    ("afile", "afile is a file, not a folder: pass --out-dir a folder"),
    ("/proc/forbidden", "cannot create the source folder /proc/forbidden"),
    ("afile/deeper", "cannot create the source folder afile/deeper"),
])
def test_out_dir_that_cannot_hold_the_source_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, command,
                                                                     out_dir, message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("not a folder")
    result = runner.invoke(app, [*command, "--out-dir", out_dir])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [result.stderr.strip()] and message in result.stderr, result.stderr
    assert (tmp_path / "afile").read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_quiet_prints_nothing_but_writes(tmp_path: Path) -> None:
    for args in (["import", str(NIGHT_MARKET), "-q"], ["-q", "new", "night-owl"]):
        result = runner.invoke(app, [*args, "--out-dir", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert result.output == "", result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["night-market.md", "night-owl.md"]
    again = runner.invoke(app, ["new", "night-owl", "-q", "--out-dir", str(tmp_path)])
    assert again.exit_code == 2 and again.stderr.startswith("error: ")  # errors still show


def test_messages_are_printed_as_text(tmp_path: Path) -> None:
    """A slug with brackets is quoted back as typed: no markup is read into it."""
    result = runner.invoke(app, ["new", "[bold]x[/bold]", "--out-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "'[bold]x[/bold]' is not a valid slug" in result.stderr


def test_unreadable_copy_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = invoke("import", broken, "--out-dir", tmp_path)
    assert result.exit_code == 1 and "broken.docx" in result.output and "Traceback" not in result.output
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = invoke("import", binary, "--out-dir", tmp_path)
    assert result.exit_code == 1 and "binary.txt" in result.output
    assert not list(tmp_path.glob("*.md"))


def test_gb18030_copy(tmp_path: Path) -> None:
    copy = tmp_path / "gbk.txt"
    copy.write_bytes(NIGHT_MARKET.read_text(encoding="utf-8").encode("gb18030"))
    result = invoke("import", copy, "--out-dir", tmp_path)
    assert result.exit_code == 0, result.output
    assert "GB18030" in result.output
    assert "欧阳明远" in (tmp_path / "gbk.md").read_text(encoding="utf-8")


def test_new_writes_a_template_that_checks_with_only_placeholders(tmp_path: Path) -> None:
    result = invoke("new", "night-library", "--out-dir", tmp_path)
    assert result.exit_code == 0, result.output
    target = tmp_path / "night-library.md"
    text = target.read_text(encoding="utf-8")
    assert re.search(r"^id: urn:uuid:[0-9a-f-]{36}\b", text, flags=re.M)
    assert re.search(r"^slug: night-library\b", text, flags=re.M)
    _doc, diagnostics = check(target, pinyin=False)
    errors = Counter(d.code for d in diagnostics if d.severity == "error")
    assert set(errors) == {"E120", "E121", "E122", "E123", "E124", "E125", "E126", "E127"}
    assert {d.code for d in diagnostics if d.severity == "warning"} == {"W406"}
    # every front-matter field is explained by a comment
    front = text.split("\n---\n", 1)[0]
    for field in ("id", "slug", "title", "subtitle", "language", "authors", "editor", "outlet", "account",
                  "date", "description", "rights", "credit", "speakers", "name", "role", "handle",
                  "pseudonym", "voice", "pronunciations"):
        line = next(line for line in front.splitlines() if re.match(rf"^\s*#?\s*-?\s*{field}:", line))
        assert "#" in line.split(f"{field}:", 1)[1], line


def test_new_template_filled_in_checks_clean(tmp_path: Path) -> None:
    assert invoke("new", "filled", "--out-dir", tmp_path).exit_code == 0
    target = tmp_path / "filled.md"
    text = target.read_text(encoding="utf-8")
    replacements = {
        r'title: "TODO: 标题"': "title: 夜读", r'authors: \["TODO: 作者"\]': "authors: [林小满]",
        r'outlet: "TODO: 首发媒体"': "outlet: 城东周报", r"date: TODO": "date: 2025-03-08",
        r'description: "TODO: 一句话简介"': "description: 一句话。", r'rights: "TODO: 版权声明"': "rights: © 2025",
        r'name: "TODO: 受访者姓名"': "name: 苏雯", r'role: "TODO: 头衔"': "role: 馆员",
        r"voice: \{gender: TODO\}": "voice: {gender: female}",
        r"TODO: 导语。": "导语。", r"## TODO: 第一个问题？": "## 第一个问题？", r"TODO: 回答的第一段。": "回答。",
    }
    for pattern, value in replacements.items():
        text, count = re.subn(pattern, value, text)
        assert count == 1, pattern
    target.write_text(text, encoding="utf-8")
    _doc, diagnostics = check(target, pinyin=False)
    assert [str(d) for d in diagnostics] == []


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    assert invoke("new", "x", "--out-dir", tmp_path).exit_code == 0
    again = invoke("new", "x", "--out-dir", tmp_path)
    assert again.exit_code == 2 and str(tmp_path / "x.md") in again.output
    assert invoke("new", "x", "--out-dir", tmp_path, "--force").exit_code == 0
    assert invoke("new", "Not_A_Slug", "--out-dir", tmp_path).exit_code == 2


def test_copy_that_is_no_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = invoke("import", empty, "--out-dir", tmp_path)
    assert result.exit_code == 1 and "no text found" in result.output
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x81\x30\x81\x30" * 50 + b"\x00\x01\x02\x03" * 50)  # decodes as GB18030, is not text
    result = invoke("import", binary, "--out-dir", tmp_path)
    assert result.exit_code == 1 and "neither UTF-8 nor GB18030" in result.output
    page = tmp_path / "odd.html"
    page.write_bytes(b"<html><body>" + b"<div>" * 5000 + "正文".encode() + b"</div>" * 5000 + b"</body></html>")
    result = invoke("import", page, "--out-dir", tmp_path)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert not list(tmp_path.glob("*.md")) or result.exit_code == 0


def test_a_word_file_that_unpacks_to_more_than_an_article_is_refused_at_once(tmp_path: Path) -> None:
    """A 50 kB .docx can hold 50 MB of text (a zip bomb): mammoth would read it for minutes.
    Refused from the archive's own table of sizes, before anything is unpacked."""
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body>" + "字" * 12_000_000 + "</w:body></w:document>")
    assert bomb.stat().st_size < 500_000
    result = invoke("import", bomb, "--out-dir", tmp_path / "src")
    assert result.exit_code == 2, result.output
    assert "bomb.docx: its text unpacks to 36 MB" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "src" / "bomb.md").exists()


def test_a_long_chinese_file_name_gives_a_slug_the_source_accepts(tmp_path: Path) -> None:
    """The slug comes from the file name's pinyin: 40 characters are 150 letters, and the
    reader takes slugs of 80 at most (E104): the import must not write a source it refuses."""
    long_name = tmp_path / ("城南夜市开了二十年今年春天摊主们商量着换一批新灯笼而且还要重新装修整个市场" + ".txt")
    long_name.write_bytes(Path(NIGHT_MARKET).read_bytes())
    result = invoke("import", long_name, "--out-dir", tmp_path / "src")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "src").glob("*.md")
    assert len(written.stem) <= 80 and written.stem.startswith("cheng-nan-ye-shi-")
    assert not written.stem.endswith("-") and "--" not in written.stem
    codes = {d.code for d in check(written)[1] if d.severity == "error"}
    assert codes <= {f"E12{n}" for n in range(8)}, codes  # only the placeholders left to fill


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_slug_longer_than_the_source_takes_is_refused(tmp_path: Path, command: str) -> None:
    args = [NIGHT_MARKET, "--slug"] if command == "import" else []
    result = invoke(command, *args, "a" * 81, "--out-dir", tmp_path)
    assert result.exit_code == 2 and "at most 80" in result.output, result.output
    assert not list(tmp_path.glob("*.md"))


@pytest.mark.parametrize("command", ["import", "new"])
@pytest.mark.parametrize(("slug", "existing"), [
    ("night-market", "slug: night-market"),  # another file's front matter builds under the slug
    ("night-market-learner", "slug: night-market"),  # its learner edition has this one's name
    ("night-market", "slug: night-market-learner"),  # … and the other way round
])
def test_a_slug_another_source_of_the_folder_builds_under_is_refused(tmp_path: Path, command: str, slug: str,
                                                                      existing: str) -> None:
    """Before: the source was written, and every later build of the folder stopped with 'the
    same slug' (nothing built) until someone found which file to rename."""
    out = tmp_path / "source"
    out.mkdir()
    (out / "kept.md").write_text(f"---\n{existing}\ntitle: 已有\n---\n", encoding="utf-8")
    args = ["import", str(NIGHT_MARKET), "--slug", slug] if command == "import" else ["new", slug]
    result = runner.invoke(app, [*args, "--out-dir", str(out), "--force"])
    assert result.exit_code == 2, result.output
    assert "kept.md" in result.output and "nothing was written" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["kept.md"]


def test_copy_of_nothing_but_page_furniture_is_one_line_and_exit_1(tmp_path: Path) -> None:
    copy = tmp_path / "furniture.txt"
    copy.write_text("▼\n\n01\n\n点击「在看」，让更多人看到 👇\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(copy), "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "no text of an article" in result.output and "“▼”" in result.output
    assert "Traceback" not in result.output and "importer bug" not in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
