"""Broken and odd sources of the twelfth robustness sweep, as other wikis, markup languages and
newsroom templates leave them: another tool's ':::' box inside an answer or a note (four messages:
E213 twice, E206, E215); a speaker id with capitals beside the same id in lower case (a bare
"must be lower-case"); a field's name in Chinese ('标题:', E105 and E103 'title is missing'; with a
full-width colon "could not find expected ':'" a line below); Yuque's '<card …>', LaTeX's '---'
and '--', Confluence's 'h2.' and '{quote}', AsciiDoc's '== ' and '[NOTE]', reStructuredText's
'.. note::' and underlines ('~~~~' made code that swallowed the chapters after it), org-mode's
'#+BEGIN_QUOTE', a Notion page's 'Created: …' properties, Typora's inline math (all printed without
a word); a run of NUL bytes (one error a byte) and a file of them ("the first line must be '---'");
E100's column counted in bytes; an empty file, a file on one line (quoted whole as "the first
line"), org-mode's and AsciiDoc's document headers; question headings numbered twice or with a gap.

As in the tenth and eleventh sweeps' tests, each row changes the bundled test title in one place; the
line is where the row's `needle` stands, the column where its `at` stands on that line (in
characters), and an error row's diagnostic is the source's only one. Warning rows are checked
together, once; odd-but-fine rows together, once. One build test shows every build command refuses
a fault of the sweep and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.check import check
from tests.test_reader_broken4 import BASE, changed, invoke
from tests.test_reader_broken6 import line_and_col
from tests.test_reader_broken7 import _found
from tests.test_reader_broken10 import _held

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
ARTICLE = "2025年1月起"
QUESTION = "## 你为什么选在夜里来图书馆？"
SECOND = "## 夜间阅览室还缺什么？"
NOTE_TEXT = "（文中何川为化名。）"
HECHUAN = "  - id: hechuan "


def answer(new: str) -> tuple[str, str]:
    return LINE, new


def article(new: str) -> tuple[str, str]:
    return ARTICLE, new + "\n\n" + ARTICLE


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- E206 alone: another tool's box inside an answer or a note (E213 twice, the E206 and an E215) --
    ("yuque-tips-box-in-an-answer", answer(LINE + "\n\n::: tips\n核实后再发。\n:::"), "E206", "::: tips", None,
     "'::: tips' opens a callout box of Yuque (语雀), VuePress or Docusaurus, which this format does not have, inside "
     "the answer: delete this line and the ':::' that closes the box"),
    ("vuepress-warning-box-in-a-note", (NOTE_TEXT, NOTE_TEXT + "\n::: warning\n核实后再发。\n:::"), "E206", "::: warning",
     None, "inside the note"),
    ("pandoc-div-in-an-answer", ("做个小模型。", "做个小模型。\n\n::: {.mark}\n核实后再发。\n:::"), "E206", "::: {.mark}", "{",
     "'{.mark}' is a pandoc div, which this format does not have, inside the answer"),
    # -- E104 naming the id meant: a speaker id typed with capitals --------------------------------
    ("id-with-capitals-of-another-speakers-id", (HECHUAN, "  - id: SuWen\n    name: 苏文\n" + HECHUAN), "E104",
     "id: SuWen", "SuWen", "an id is lower case only, so 'SuWen' would be 'suwen', which is already the id of 苏雯 "
                           "(line 24)"),
    ("id-with-capitals", (HECHUAN, "  - id: HeChuan2\n    name: 何川二\n" + HECHUAN), "E104", "id: HeChuan2",
     "HeChuan2", "an id is lower case only: write 'hechuan2'"),
    # -- a field's name in Chinese, as a newsroom's template writes it (E105 and E103 'missing') ----------
    ("field-name-in-chinese", ("title: 灯下夜读", "标题: 灯下夜读"), "E105", "标题: 灯下夜读", None,
     "did you mean 'title'? (field names are English words: '标题' is 'title')"),
    ("field-name-in-chinese-with-a-full-width-colon", ("title: 灯下夜读", "标题：灯下夜读"), "E102", "标题：灯下夜读",
     None, "a full-width colon '：' after the field's name"),
    ("speaker-field-in-chinese", ("name: 苏雯", "姓名: 苏雯"), "E105", "姓名: 苏雯", "姓", "'姓名' is 'name'"),
    # -- E223 at the link, its address as written: a link to another page of a notes app's export -----
    ("notes-export-page-link", ("报名可以扫阅览室门口的二维码。", "报名可以扫阅览室门口的二维码。[另见](另一页%20abc.md)"),
     "E223", "[另见]", "[", "link to '另一页%20abc.md' (another page of a notes app's export"),
    # -- E101 at the line: the closing '---' with the text begun on its line --------------------------
    ("closing-line-with-text", ("háng zhǎng\n---\n", "háng zhǎng\n--- 正文开始\n"), "E101", "--- 正文开始", None,
     "'---' stands alone on its line: put '正文开始' on a line below it"),
    # -- E227 named for the tool: Yuque's cards, Notion's callouts, Confluence's storage format ----------
    ("yuque-card", ("心里挺踏实。", '心里挺踏实<card type="inline" name="label"></card>。'), "E227", "<card",
     "<card", "Yuque's (语雀) card tag '<card type=\"inline\" name=\"label\">'"),
    ("notion-callout", article("<aside>\n核实后再发。\n</aside>"), "E227", "<aside>", None, "a Notion callout"),
    ("confluence-storage-tag", ("记得带充电器", '记得带<ac:structured-macro ac:name="info">充电器'), "E227", "<ac:", "<ac:",
     "Confluence's storage-format tag"),
    # -- E233: other wikis' and markup languages' marks, printed as written --------------------------
    ("confluence-heading", article("h2. 背景"), "E233", "h2. 背景", None, "a Confluence heading"),
    ("confluence-quote-macro", article("{quote}核实后再发。{quote}"), "E233", "{quote}核实", None, "a Confluence macro"),
    ("confluence-colour-macro", ("每周值一次班就行", "{color:red}每周值一次班{color}就行"), "E233", "{color:red}",
     "{color:red}", "a Confluence macro"),
    ("confluence-table-heading", article("||栏目||数量||"), "E233", "||栏目||数量||", None,
     "a Confluence table's heading row"),
    ("table-row-without-its-rule", article("|夜读|4|"), "E233", "|夜读|4|", None, "a table's row"),
    ("confluence-link", ("慢慢看。", "慢慢看。[通知|https://example.org/notice]"), "E233", "[通知|", "[",
     "a Confluence link ('[文字|address]')"),
    ("asciidoc-heading", article("== 背景"), "E233", "== 背景", None, "an AsciiDoc heading"),
    ("asciidoc-admonition", article("[NOTE]\n核实后再发。"), "E233", "[NOTE]", None, "an AsciiDoc block's attribute line"),
    ("rst-directive", article(".. note::\n\n   核实后再发。"), "E233", ".. note::", None, "a reStructuredText directive"),
    ("org-mode-block", article("#+BEGIN_QUOTE\n核实后再发。\n#+END_QUOTE"), "E233", "#+BEGIN_QUOTE", None,
     "an org-mode keyword line"),
    ("notion-properties", ("---\n\n" + ARTICLE, "---\n\nCreated: March 8, 2025 10:00 AM\nTags: 图书馆\n\n" + ARTICLE),
     "E233", "Created: March", None, "a Notion page's property"),
    ("typora-inline-math", ("插座在靠墙那一排。", "插座在靠墙那一排。公式$E=mc^2$。"), "E233", "$E=mc^2$", "$", "inline math"),
    # -- E232 alone: a reStructuredText underline ('~~~~' was code to the next block, an E205 an answer) --
    ("rst-underline-of-tildes", article("背景\n~~~~"), "E232", "~~~~", None, "reStructuredText's way"),
    ("rst-underline-of-carets", article("背景\n^^^^"), "E232", "^^^^", None, "reStructuredText's way"),
    ("rst-underline-of-stars", article("背景\n****"), "E232", "****", None, "underlines it as a heading"),
    ("rst-underline-of-backticks", article("背景\n````"), "E232", "````", None, "underlines it as a heading"),
    # -- E219 once for a run of NUL bytes (it was one error a byte) ---------------------------------
    ("nul-bytes-in-a-row", ("书不会跑", "书不会\x00\x00\x00跑"), "E219", "书不会\x00", "\x00",
     "(3 of them in a row)"),
    # -- W432: LaTeX's dashes beside Chinese, printed as hyphens ------------------------------------
    ("latex-em-dash", answer(LINE.replace("报纸", "报纸---两份")), "W432", "报纸---", "---", "LaTeX's"),
    ("latex-en-dash", ("我上夜班，", "我上夜班--"), "W432", "我上夜班--", "--", "'--' is printed as written"),
]

# Whole files: (id, bytes, code, line, col, said)
FILES = [
    ("empty-file", b"", "E101", 1, 1, "and the file is empty"),
    ("only-spaces-and-empty-lines", b" \n\n\t\n", "E101", 1, 1, "empty but for spaces and empty lines"),
    ("whole-file-on-one-line", BASE.replace("\n", " ").encode(), "E101", 1, 1, "the file's line ends were lost"),
    ("org-mode-header", ("#+TITLE: 灯下夜读\n" + BASE).encode(), "E101", 1, 1, "an org-mode header"),
    ("asciidoc-header", ("= 灯下夜读\n" + BASE).encode(), "E101", 1, 1, "an AsciiDoc document title"),
    ("all-nul-bytes", b"\x00" * 64, "E100", 1, 1, "64 of its 64 bytes are NUL"),
    ("text-then-nul-bytes", BASE.encode() + b"\x00" * 8000, "E100", BASE.count("\n") + 1, 1, "are NUL (zero) bytes"),
    # (the byte was the 107th of line 44, and the 35th character: E100 counted bytes)
    ("gbk-after-utf8-chinese", BASE.encode().replace("报纸".encode(), "报纸".encode("gbk"), 1), "E100", 44, 35,
     "another encoding"),
]

# W433: (id, the headings' new numbers (first question, second, closing; None: as it is), the W433s' lines, said)
NUMBERED = [
    ("a-number-given-twice", ("2.", "2.", None), [55], "numbered 2 again (so is the question on line 41)"),
    ("a-number-skipped", ("一、", "三、", None), [55], "numbered 三 after 1 (line 41): 2 skipped"),
    # a part numbered in Chinese numerals, then questions in digits (as an import of copy numbered
    # 一、二、 for its parts and 1. 2. inside them writes it): two counts, no skip
    ("parts-and-questions-counted-apart", ("二、", "1.", "2."), [], ""),
]

# (id, (old, new) change, text the model must hold, text it must not)
CLEAN = [
    ("first-question-numbered", (QUESTION, "## 1. 你为什么选在夜里来图书馆？"), ["1. 你为什么"], []),
    ("second-question-numbered", (SECOND, "## 2. 夜间阅览室还缺什么？"), ["2. 夜间阅览室"], []),
    ("a-command-line-option", ("心里挺踏实", "心里挺踏实（用--help查看）"), ["--help"], []),
    ("a-latin-double-hyphen", ("给游戏角色做个小模型", "给游戏角色做个A--B型的小模型"), ["A--B型"], []),
    ("an-escaped-latex-dash", ("书不会跑", "书不会\\--跑"), ["书不会--跑"], ["\\-"]),
    ("dollar-prices", ("记得带充电器", "记得带$5的充电器，别带$10的"), ["$5的充电器，别带$10的"], []),
    ("an-ellipsis-line-under-text", ("馆方把这个项目", "他想了想\n......\n\n馆方把这个项目"), ["......"], []),
    ("a-bracketed-word-alone", ("慢慢看。", "慢慢看。\n\n[注意]"), ["[注意]"], []),
    ("dots-opening-a-wrapped-line", ("插座在靠墙那一排。", "插座在靠墙那一排。\n.. 嗯，再想想。"), [".. 嗯"], []),
    ("an-escaped-confluence-macro", ("每周值一次班就行", "每周值一次班就行\\{quote}"), ["{quote}"], []),
]


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) + len(FILES) + len(NUMBERED) >= 30 and len({row[0] for row in BROKEN + FILES}) == len(BROKEN + FILES)
    assert len(CLEAN) >= 10 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in BROKEN + CLEAN:
        changed(row[1])  # (the old text stands once in the base)


ERRORS = [row for row in BROKEN if row[2].startswith("E")]
WARNINGS = [row for row in BROKEN if row[2].startswith("W")]
# A fault in the front matter stops the reading there: those rows are checked one by one; the body's
# faults leave the rest readable, so they are checked together, once, each at a line of its own.
FRONT = [row for row in ERRORS if row[2] in ("E101", "E102", "E104", "E105")]
BODY = [row for row in ERRORS if row not in FRONT]


def _checked(tmp_path: Path, data: str | bytes, name: str = "t.md") -> tuple:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return check(path, pinyin=False)


def _all(rows: list, tmp_path_factory) -> tuple[str, tuple]:
    """Every row's change in one source (the Notion row's first: its text is the article's top), and its check."""
    text = BASE
    for row in sorted(rows, key=lambda row: not row[1][0].startswith("---")):
        old, new = row[1]
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text, _checked(tmp_path_factory.mktemp("all"), text)


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), FRONT, ids=[row[0] for row in FRONT])
def test_the_front_matters_fault_is_named_where_it_stands_and_alone(tmp_path: Path, name, change, code, needle, at,
                                                                   said) -> None:
    text = changed(change)
    diagnostics = _checked(tmp_path, text)[1]
    _found(diagnostics, code, *line_and_col(text, needle, at), said)
    assert [d.code for d in diagnostics] == [code], [str(d) for d in diagnostics]  # one fault, one message


@pytest.fixture(scope="module")
def all_broken(tmp_path_factory) -> tuple[str, tuple]:
    return _all(BODY, tmp_path_factory)


def test_each_fault_of_the_body_gives_one_error(all_broken) -> None:
    _text, (document, diagnostics) = all_broken
    assert document is None
    assert sorted(d.code for d in diagnostics) == sorted(row[2] for row in BODY), [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), BODY, ids=[row[0] for row in BODY])
def test_the_bodys_fault_is_named_where_it_stands(all_broken, name, change, code, needle, at, said) -> None:
    text, (_document, diagnostics) = all_broken
    _found(diagnostics, code, *line_and_col(text, needle, at), said)


@pytest.mark.parametrize(("name", "data", "code", "line", "col", "said"), FILES, ids=[row[0] for row in FILES])
def test_a_whole_file_gone_wrong_is_one_error_that_says_what_it_is(tmp_path: Path, name, data, code, line, col,
                                                                  said) -> None:
    diagnostics = _checked(tmp_path, data)[1]
    _found(diagnostics, code, line, col, said)
    assert [d.code for d in diagnostics] == [code] and len(str(diagnostics[0])) < 600, [str(d) for d in diagnostics]


def test_a_body_on_one_line_is_named_in_short_messages(tmp_path: Path) -> None:
    """A body whose line ends were lost: E217 quoted the whole line (600 characters) as 'the fence'."""
    front, body = BASE.split("\n---\n", 1)
    diagnostics = _checked(tmp_path, front + "\n---\n" + body.replace("\n", " "))[1]
    assert "E217" in [d.code for d in diagnostics] and all(len(d.message) < 400 for d in diagnostics), diagnostics


@pytest.fixture(scope="module")
def all_warned(tmp_path_factory) -> tuple[str, tuple]:
    return _all(WARNINGS, tmp_path_factory)


def test_each_warning_row_gives_one_warning(all_warned) -> None:
    _text, (document, diagnostics) = all_warned
    assert document is not None
    assert sorted(d.code for d in diagnostics) == sorted(row[2] for row in WARNINGS), [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), WARNINGS, ids=[row[0] for row in WARNINGS])
def test_the_warning_is_named_where_it_stands(all_warned, name, change, code, needle, at, said) -> None:
    text, (_document, diagnostics) = all_warned
    _found(diagnostics, code, *line_and_col(text, needle, at), said)


@pytest.mark.parametrize(("name", "numbers", "lines", "said"), NUMBERED, ids=[row[0] for row in NUMBERED])
def test_question_numbers_given_twice_or_skipped_are_named(tmp_path: Path, name, numbers, lines, said) -> None:
    text = BASE
    for heading, number in zip((QUESTION, SECOND, "## 给夜读的人一句话"), numbers):
        if number is not None:
            text = text.replace(heading, heading[:3] + number + ("" if number.endswith("、") else " ") + heading[3:])
    diagnostics = _checked(tmp_path, text)[1]
    assert [(d.code, d.line) for d in diagnostics] == [("W433", line) for line in lines], [str(d) for d in diagnostics]
    assert not lines or said in diagnostics[0].message, diagnostics[0].message


@pytest.fixture(scope="module")
def all_clean(tmp_path_factory) -> tuple:
    """Every odd-but-fine change in one source, checked once."""
    return _all(CLEAN, tmp_path_factory)[1]


@pytest.mark.parametrize(("name", "change", "shown", "absent"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(all_clean, name, change, shown, absent) -> None:
    document, diagnostics = all_clean
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _held(document)
    assert all(expected in held for expected in shown), (shown, held[:600])
    assert not [unwanted for unwanted in absent if unwanted in held], (absent, held[:600])


@pytest.mark.parametrize("command", ["epub", "pdf"])
def test_every_build_refuses_a_box_in_an_answer_and_writes_nothing(tmp_path: Path, command: str) -> None:
    """The check runs before any build: each command says the one error, exit 1, and writes no edition."""
    source = tmp_path / "c.md"
    source.write_text(changed(answer(LINE + "\n\n::: tips\n核实后再发。\n:::")), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke(command, "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:46:1: error E206: '::: tips' opens a callout box" in output, output
    assert "inside the answer" in output and output.count(" error E") == 1, output  # (it was four errors)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))

