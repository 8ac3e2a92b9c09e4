"""Broken and odd sources of the fourth robustness sweep, as an editor's paste makes them: format
characters Word and web pages carry (soft hyphens, zero-width spaces, direction marks, joiners,
line separators), U+FFFD where a conversion lost a character, Markdown the format has no place
for (images, lists and quotes nested past the parser's limit, a section break), '**' that
Markdown leaves as text beside Chinese quotation marks, a role= with its quote left open, an
empty references chapter, spaces and tabs pasted between Chinese characters.

Each row changes the bundled test title in one place, as an editor would. The yardstick is the
changed text itself: the line is where the row's `needle` stands in it, the column where its
`at` stands on that line (found with str.index, never by the reader). Errors make `publish check`
exit 1 and every build refuse; warnings leave the title buildable, and its EPUB holds every line
of the source's text. Rows that are odd but fine must build clean with every sentence."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import TEST_TITLE
from tests.readback import han, read_back

BASE = TEST_TITLE.read_text(encoding="utf-8")
ANSWER = "白天家里孙子闹，晚上这里安静。"  # the first answer's first sentence (line 44)
LIST_OPENER = "我当了二十多年银行行长，习惯把意见写成条目："


def nested_list(depth: int) -> str:
    return "".join("  " * level + f"- 项{level + 1}\n" for level in range(depth)) + "\n"


# (id, (old, new) change to the test title, code, needle: the line must hold it, at: the column's
# text on that line, or None for column 1 of a block)
BROKEN = [
    # -- format characters a paste leaves: E219 in the body, E102 in the front matter -----------
    ("soft-hyphen", (ANSWER, "白天家\u00ad里孙子闹，晚上这里安静。"), "E219", "白天家\u00ad里", "\u00ad"),
    ("zero-width-space", (ANSWER, "白天家里孙子\u200b闹，晚上这里安静。"), "E219", "孙子\u200b闹", "\u200b"),
    ("left-to-right-mark", (ANSWER, "白天\u200e家里孙子闹，晚上这里安静。"), "E219", "白天\u200e", "\u200e"),
    ("right-to-left-mark-in-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览室\u200f还缺什么？"), "E219",
     "阅览室\u200f", "\u200f"),
    ("arabic-letter-mark", (ANSWER, "白天家里孙子闹，\u061c晚上这里安静。"), "E219", "闹，\u061c", "\u061c"),
    ("word-joiner", (ANSWER, "白天家里孙子闹，晚上\u2060这里安静。"), "E219", "晚上\u2060", "\u2060"),
    ("line-separator-in-answer", (ANSWER, "白天家里孙子闹，\u2028晚上这里安静。"), "E219", "闹，\u2028", "\u2028"),
    ("paragraph-separator-in-article", ("馆方把这个项目", "馆方把\u2029这个项目"), "E219", "馆方把\u2029", "\u2029"),
    ("joiner-between-han", (ANSWER, "白天家里孙\u200d子闹，晚上这里安静。"), "E219", "孙\u200d子", "\u200d"),
    ("non-joiner-between-han", (ANSWER, "白天家里孙子闹\u200c，晚上这里安静。"), "E219", "闹\u200c，", "\u200c"),
    ("hangul-filler", (ANSWER, "白天家里孙子闹，晚上这里安静。\u3164"), "E219", "安静。\u3164", "\u3164"),
    ("joiner-in-speaker-name", ("name: 苏雯", "name: 苏\u200d雯"), "E102", "name: 苏\u200d雯", "\u200d"),
    ("direction-mark-in-role", ("role: 图书馆夜班馆员", "role: 图书馆\u200e夜班馆员"), "E102", "图书馆\u200e", "\u200e"),
    ("zero-width-space-in-title", ("title: 灯下夜读", "title: 灯下夜读\u200b"), "E102", "title: 灯下夜读\u200b", "\u200b"),
    # -- U+FFFD: a character a conversion lost (was only W408, "missing from the fonts") ----------
    ("replacement-character-in-answer", (ANSWER, "白天家里孙子闹，晚上这里安\ufffd。"), "E228", "安\ufffd", "\ufffd"),
    ("replacement-character-in-title", ("title: 灯下夜读", "title: 灯下\ufffd读"), "E228", "灯下\ufffd读", "\ufffd"),
    ("replacement-characters-in-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览\ufffd\ufffd缺什么？"), "E228",
     "阅览\ufffd", "\ufffd"),
    # -- Markdown the editions have no place for: E212 (before, its text was lost or changed) ----
    ("image-in-answer", (ANSWER, ANSWER + "![阅览室](photos/room.jpg)"), "E212", "![阅览室]", "![阅览室]"),
    ("image-on-a-paragraphs-second-line", (ANSWER, "白天家里孙子闹，\n晚上![灯](lamp.png)这里安静。"), "E212",
     "晚上![灯]", "![灯]"),
    ("image-in-article", ("馆方把这个项目", "![封面](cover.png)馆方把这个项目"), "E212", "![封面]", "![封面]"),
    ("lists-nested-seven-deep", (ANSWER, nested_list(7) + ANSWER), "E212", "- 项7", None),
    ("quotes-nested-twenty-five-deep", (ANSWER, ">" * 25 + " " + ANSWER), "E212", ">" * 25, None),
    ("quotes-in-lists-nested", (ANSWER, "> - > - > - > 引\n\n" + ANSWER), "E212", "> - > - > - > 引", None),
    # -- an answer's role= with its quote never closed: E226 (the label printed the quote) -------
    ("role-straight-quote-open", ("::: answer suwen role=图书馆志愿者协调人", '::: answer suwen role="图书馆志愿者协调人'),
     "E226", 'role="图书馆', '"图书馆'),
    ("role-curly-quote-open", ("::: answer suwen role=图书馆志愿者协调人", "::: answer suwen role=“图书馆志愿者协调人"),
     "E226", "role=“图书馆", "“图书馆"),
    # -- '**' and '__' that Markdown leaves as text: E229 (every edition printed them) -----------
    ("strong-around-quotation", (ANSWER, "白天家里**“孙子”**闹，晚上这里安静。"), "E229", "**“孙子”**", "**"),
    ("strong-around-brackets", (ANSWER, "白天家里孙子闹，**（笑）**晚上这里安静。"), "E229", "**（笑）**", "**"),
    ("strong-in-heading", ("## 夜间阅览室还缺什么？", "## **“夜间”**阅览室还缺什么？"), "E229", "## **“夜间”**", "**"),
    ("underscores-inside-a-word", (ANSWER, "白天家里孙子闹，晚上__这里__安静。"), "E229", "晚上__这里", "__"),
    ("strong-in-a-speakers-name", ("name: 苏雯", 'name: "**苏雯**"'), "E229", '"**苏雯**"', '"**'),
    ("strong-in-the-authors", ("authors: [林小满]", 'authors: ["**林小满**"]'), "E229", '["**林小满**"]', '"**'),
    ("strong-in-a-role-on-the-fence", ("::: answer suwen role=图书馆志愿者协调人", "::: answer suwen role=**协调人**"),
     "E229", "role=**协调人**", "**"),
    ("triple-stars-around-quotation", (ANSWER, "白天家里孙子闹，晚上***“这里”***安静。"), "E229", "***“这里”", "***"),
    # -- a link or an attribute block typed through an IME, a span attribute the format does not
    #    know: E223 / E226 / E230 (the brackets were printed, the link or the aside lost) ----------
    ("link-address-in-full-width-parentheses", (ANSWER, "白天家里[孙子闹]（https://example.org），晚上这里安静。"), "E223",
     "[孙子闹]（https", "]（"),
    ("link-text-in-full-width-brackets", (ANSWER, "白天家里［孙子闹］(https://example.org)，晚上这里安静。"), "E223",
     "［孙子闹］", "［"),
    ("aside-in-full-width-braces", ("[（笑）]{.aside}", "[（笑）]｛.aside｝"), "E226", "｛.aside｝", "]｛"),
    ("aside-class-misspelt", ("[（笑）]{.aside}", "[（笑）]{.asdie}"), "E230", "{.asdie}", ".asdie"),
    ("span-language-not-a-tag", ("[Night Owl Reading]{lang=en}", "[Night Owl Reading]{lang=english}"), "E230",
     "lang=english", "lang=english"),
    ("span-key-misspelt", ("[Night Owl Reading]{lang=en}", "[Night Owl Reading]{lng=en}"), "E230", "{lng=en}", "lng"),
    # -- a references chapter with nothing under it: E210 (it printed an empty chapter) ---------
    ("references-empty", ("1. 城东图书馆延长夜间开放时间，城东周报，2025年3月1日\n2. 微博：@城东图书馆\n", ""), "E210",
     "## 参考资料 {.references}", None),
    # -- warnings: the title builds, and check says what every edition does to the text ----------
    ("section-break-in-article", ("馆方把这个项目", "* * *\n\n馆方把这个项目"), "W416", "* * *", "*"),
    ("section-break-in-answer", (ANSWER, ANSWER + "\n\n- - -\n\n"), "W416", "- - -", "-"),
    ("section-break-underscores", ("（文中何川为化名。）", "（文中何川为化名。）\n\n___"), "W416", "___", "___"),
    ("spaces-between-han", (ANSWER, "白 天 家 里孙子闹，晚上这里安静。"), "W415", "白 天 家 里", " "),
    ("no-break-space-between-han", (ANSWER, "白天家里孙子\u00a0闹，晚上这里安静。"), "W415", "孙子\u00a0闹", "\u00a0"),
    ("table-pasted-with-tabs", (ANSWER, "姓名\t年龄\n老周\t68"), "W415", "姓名\t年龄", "\t"),
]

# Whole files that are no source: (id, bytes, code, what the message must say). Line 1, column 1.
NOT_SOURCES = [
    ("png-renamed", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "E100", "a PNG image"),
    ("jpeg-renamed", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "E100", "a JPEG image"),
    ("docx-renamed", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "E100", "'publish import'"),
    ("old-word-doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "E100", "an old Word .doc"),
    ("rtf-saved-as-md", "{\\rtf1\\ansi\\deff0 {\\fonttbl} 灯下夜读}".encode(), "E100", "an RTF document"),
    ("pdf-renamed", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "E100", "a PDF"),
    ("only-white-space", " \n\t\n\u3000\n".encode(), "E101", "no front matter"),
    ("only-a-byte-order-mark", b"\xef\xbb\xbf", "E101", "no front matter"),
]

# Odd but fine: (id, change, lines of text the EPUB must show, in order, as written or as the label reads)
CLEAN = [
    ("no-break-space-after-colons", ("::: answer suwen\n", ":::\u00a0answer suwen\n"), ["图书馆夜班馆员苏雯", "我上夜班"]),
    ("full-width-space-after-colons", ("::: answer suwen\n", ":::\u3000answer suwen\n"), ["图书馆夜班馆员苏雯", "我上夜班"]),
    ("tab-after-colons", ("::: answer suwen\n", ":::\tanswer suwen\n"), ["图书馆夜班馆员苏雯", "我上夜班"]),
    ("full-width-space-after-closing-colons", ("心里挺踏实。\n:::\n", "心里挺踏实。\n:::\u3000\n"), ["心里挺踏实", "退休银行行长何川"]),
    ("emoji-joined-by-zwj", (ANSWER, "白天家里孙子闹👨\u200d👩\u200d👧，晚上这里安静。"), ["孙子闹👨\u200d👩\u200d👧，"]),
    ("role-in-single-quotes", ("::: answer suwen role=图书馆志愿者协调人", "::: answer suwen role='夜间 协调人'"),
     ["夜间 协调人苏雯", "我们正在招募"]),
    ("same-speaker-twice-in-a-row", ("::: answer suwen\n我上夜班", "::: answer chengyifan\n我上夜班"),
     ["独立游戏开发者程一帆@一帆Games", "我白天写代码", "独立游戏开发者程一帆@一帆Games", "我上夜班"]),
    ("name-that-begins-another", ("name: 苏雯", "name: 老周明"), ["老周", "白天家里", "图书馆夜班馆员老周明", "我上夜班"]),
    ("escaped-stars-print", (ANSWER, "白天家里\\*\\*孙子闹，晚上这里安静。"), ["白天家里**孙子闹"]),
    ("strong-inside-quotation", (ANSWER, "白天家里“**孙子**”闹，晚上这里安静。"), ["白天家里“孙子”闹"]),
    ("lists-nested-six-deep", (ANSWER, nested_list(6) + ANSWER), ["项1", "项6", "白天家里"]),
    ("crlf-in-one-part", ("## 夜间阅览室还缺什么？\n\n", "## 夜间阅览室还缺什么？\r\n\r\n"), ["夜间阅览室还缺什么？", "我当了"]),
    ("full-width-space-indent", (ANSWER, "\u3000\u3000" + ANSWER), ["老周", "白天家里孙子闹"]),
    ("full-width-parentheses-that-are-text", (ANSWER, "白天家里[注]（见下文），晚上这里安静。"), ["白天家里[注]（见下文）"]),
    ("span-language-upper-case", ("[Night Owl Reading]{lang=en}", "[Night Owl Reading]{lang=EN-gb}"), ["Night Owl Reading"]),
]


def changed(change: tuple[str, str]) -> str:
    old, new = change
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def line_and_col(text: str, needle: str, at: str | None) -> tuple[int, int]:
    lines = re.split(r"\r\n|\r|\n", text)
    holding = [n for n, line in enumerate(lines, 1) if needle in line]
    assert len(holding) == 1, (needle, holding)
    line = holding[0]
    return line, (lines[line - 1].index(at) + 1 if at is not None else 1)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), terminal_width=400)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.output + "".join(traceback.format_exception(escaped) if escaped else [])


def test_the_table_is_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 30 and len({row[0] for row in BROKEN}) == len(BROKEN)
    for row in BROKEN + CLEAN:
        assert changed(row[1]) != BASE, row[0]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at"), BROKEN, ids=[row[0] for row in BROKEN])
def test_check_names_the_fault_where_it_stands(tmp_path: Path, name, change, code, needle, at) -> None:
    text = changed(change)
    path = tmp_path / f"{name}.md"
    path.write_bytes(text.encode("utf-8"))
    line, col = line_and_col(text, needle, at)
    exit_code, output = invoke("check", str(path))
    assert "Traceback" not in output, output
    severity = "error" if code.startswith("E") else "warning"
    assert re.search(rf"^{re.escape(str(path))}:{line}:{col}: {severity} {code}: ", output, re.M), (line, col, output)
    if severity == "error":
        assert exit_code == 1, output
        assert not re.search(rf"^{re.escape(str(path))}:\d+:\d+: error (?!{code})", output, re.M), output  # one fault, one code
    else:
        assert exit_code == 0 and " error " not in output, output


@pytest.mark.parametrize(("name", "data", "code", "said"), NOT_SOURCES, ids=[row[0] for row in NOT_SOURCES])
def test_a_file_that_is_no_source_is_named_for_what_it_is(tmp_path: Path, monkeypatch, name, data, code, said) -> None:
    path = tmp_path / f"{name}.md"
    path.write_bytes(data)
    exit_code, output = invoke("check", str(path))
    assert exit_code == 1 and "Traceback" not in output, output
    assert re.search(rf"^{re.escape(str(path))}:1:1: error {code}: .*{re.escape(said)}", output, re.M), output
    monkeypatch.chdir(tmp_path)
    exit_code, output = invoke("epub", "--source", str(path), "--out", str(tmp_path / "out"))
    assert exit_code == 1 and "Traceback" not in output and f"{code}: " in output, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _epub_lines(tmp_path: Path, text: str, monkeypatch) -> str:
    """The EPUB built from `text`, read back as the text a reader is shown."""
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "title.md"
    source.write_bytes(text.encode("utf-8"))
    exit_code, output = invoke("epub", "--source", str(source), "--out", str(tmp_path / "out"))
    assert exit_code == 0 and "Traceback" not in output, output
    return read_back(next((tmp_path / "out").glob("*.epub"))).text


def _body_lines(text: str) -> list[str]:
    """Each line of the source's body that holds Han text, as the Han characters alone (the
    yardstick: the source itself; fence lines carry only ids and roles, labels are checked apart)."""
    body = re.split(r"\r?\n---\r?\n", text, maxsplit=1)[1]
    return [han(line) for line in re.split(r"\r\n|\r|\n", body) if han(line) and not line.lstrip().startswith(":::")]


@pytest.mark.parametrize(("name", "change", "shown"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_build_with_every_sentence(tmp_path: Path, monkeypatch, name, change, shown) -> None:
    text = changed(change)
    path = tmp_path / "title.md"
    path.write_bytes(text.encode("utf-8"))
    exit_code, output = invoke("check", str(path))
    assert exit_code == 0 and " error " not in output and "Traceback" not in output, output
    book = _epub_lines(tmp_path, text, monkeypatch)
    flat = han(book)
    assert [line for line in _body_lines(text) if line not in flat] == []
    position = 0
    for expected in shown:  # in order, as written
        found = book.find(expected, position)
        assert found >= 0, (expected, book[position:position + 400])
        position = found + len(expected)


@pytest.mark.parametrize("name", ["section-break-in-article", "spaces-between-han", "table-pasted-with-tabs"])
def test_a_warned_source_still_builds_with_every_sentence(tmp_path: Path, monkeypatch, name: str) -> None:
    row = next(row for row in BROKEN if row[0] == name)
    text = changed(row[1])
    flat = han(_epub_lines(tmp_path, text, monkeypatch))
    assert [line for line in _body_lines(text) if line not in flat] == []


PUBLISH = Path(sys.executable).with_name("publish")


@pytest.mark.slow
def test_every_edition_refuses_a_broken_source_and_leaves_the_old_outputs(tmp_path: Path) -> None:
    """For an error of each new kind, check, epub, pdf and script exit 1 naming file:line:col,
    print no traceback, and leave the outputs of the last good build as they were (and write
    nothing new). Every command meets every kind in-process; the installed command, as an
    editor runs it, meets each kind once, the commands taken in turn so each is run."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "400"}
    out = tmp_path / "out"
    source = tmp_path / "title.md"
    source.write_text(BASE, encoding="utf-8")
    good = subprocess.run([str(PUBLISH), "epub", "--source", str(source), "--out", str(out)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stderr
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert before
    commands = ("check", "epub", "pdf", "script")
    kinds = ("replacement-character-in-answer", "image-in-answer", "quotes-nested-twenty-five-deep",
             "strong-around-quotation", "role-straight-quote-open", "joiner-in-speaker-name")
    for turn, name in enumerate(kinds):
        row = next(row for row in BROKEN if row[0] == name)
        text = changed(row[1])
        source.write_bytes(text.encode("utf-8"))
        line, col = line_and_col(text, row[3], row[4])
        installed = commands[turn % len(commands)]
        for command in commands:
            args = [command, str(source)] if command == "check" else [command, "--source", str(source), "--out", str(out)]
            if command == installed:
                run = subprocess.run([str(PUBLISH), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                                     timeout=300)
                exit_code, output = run.returncode, run.stdout + run.stderr
            else:
                exit_code, output = invoke(*args)
            assert exit_code == 1 and "Traceback" not in output, (name, command, output)
            assert f"{source}:{line}:{col}: error {row[2]}: " in output, (name, command, output)
        after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
        assert after == before, name
