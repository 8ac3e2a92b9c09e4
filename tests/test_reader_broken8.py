"""Broken and odd sources of the eighth robustness sweep, as editors and their tools save them:
lines above the front matter (one E101 brought a W401 for every quote of the YAML below it, which
the line rules took for text); a reference-style link's definition with its address in '<…>' (the
earlier check looked for the address in Markdown's text, where an autolink is not: printed without
a word); YAML's document end '...' above the '---' meant to close the front matter (the fields
below it read as text, the '---' as a section break); E102 saying "not valid YAML" of a valid
YAML tag; a source of megabytes of ordinary paragraphs (W405's pinyin search took minutes); a
front matter saved by Word (values in curly quotes, printed with them; lines indented with
full-width spaces, which PyYAML named as "': ' inside a value"); a question heading of punctuation
alone ('## ？？？', printed as the question); '＃＃ 标题' named twice (E220 and E205).

As in the seventh sweep's tests, each row changes the bundled test title in one place; the line
is where the row's `needle` stands, the column where its `at` stands on that line. Errors are
the source's only error; warnings leave it buildable. Odd-but-fine rows read clean and keep their
text. One small build shows a broken source refused with nothing written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import sourceshape
from pipeline.check import check
from pipeline.sourceshape import within_budget
from tests.test_reader_broken4 import BASE, changed, invoke
from tests.test_reader_broken6 import _model_text, line_and_col
from tests.test_reader_broken7 import _found

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
NOTE = "（文中何川为化名。）"
QUESTION = "## 夜间阅览室还缺什么？"
CLOSING = "## 给夜读的人一句话 {.closing}"
FENCE = "pronunciations:\n  行长: háng zhǎng\n---"
CREDIT = 'credit: "本文为测试稿，作者：林小满，编辑：周一"'
NOT_TAKEN = "front matter holds what the format does not take"


def answer(new: str) -> tuple[str, str]:
    return LINE, new


def defined(definition: str) -> tuple[str, str]:
    """A reference-style link in the first answer, with its definition as a paragraph below it."""
    return LINE, LINE.replace("孙子", "[孙子][1]") + "\n\n" + definition


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- E223: a reference-style definition in every form Markdown reads (the '<…>' one went unseen) --
    ("definition-in-angle-brackets", defined("[1]: <https://example.org/notice>"), "E223", "[1]: <", None,
     "'[1]: <https://example.org/notice>' is printed as written: a reference-style link's definition"),
    ("definition-with-a-title", defined('[1]: https://example.org "馆方公告"'), "E223", "[1]: https", None,
     "a reference-style link's definition"),
    ("definition-with-a-parenthesised-title", defined("[1]: https://example.org (公告)"), "E223", "[1]: https", None,
     "a reference-style link's definition"),
    ("definition-of-a-mail-in-brackets", (NOTE, NOTE + "\n\n[信]: <mailto:night@example.org>"), "E223", "[信]:", None,
     "'[信]: <mailto:night@example.org>'"),
    ("definition-of-a-file", defined("[1]: notes/notice.html"), "E223", "[1]: notes", None,
     "'[1]: notes/notice.html' is printed as written"),
    ("definition-of-a-bare-domain", defined("[官网]: www.example.org"), "E223", "[官网]:", None, "definition"),
    # -- E101: YAML's document end '...' above the '---' meant as the front matter's end ----------
    ("document-end-above-the-fence", (FENCE, FENCE.replace("\n---", "\n...\n---")), "E101", "...", None,
     "the line '...' (YAML's document end) closes the front matter here, so the '---' on line 36 as a section break"),
    ("document-end-amid-the-fields", ("\npronunciations:", "\n...\npronunciations:"), "E101", "...", None,
     "so the fields below it would be read as text, and the '---' on line 36"),
    ("front-matter-opened-twice", ("---\nid:", "---\n--- \nid:"), "E101", "--- ", None,
     "the line '---' closes an empty front matter, so the fields below it would be read as text"),
    # -- E105 alone for a field's name typed wrong (it was E103 "missing" too) -----------------------
    ("field-name-in-curly-quotes", ("title: 灯下夜读", "“title”: 灯下夜读"), "E105", "“title”", None,
     "unknown field '“title”': did you mean 'title'?"),
    ("field-name-misspelt", ("date: 2025-03-08", "dtae: 2025-03-08"), "E105", "dtae:", None, "did you mean 'date'?"),
    ("speakers-field-misspelt", ("    name: 苏雯", "    nmae: 苏雯"), "E105", "nmae:", "nmae", "did you mean 'name'?"),
    # -- E102: valid YAML the format does not take is not called "not valid YAML" ------------------
    ("tag-is-valid-yaml", ("title: 灯下夜读", "title: !zh 灯下夜读"), "E102", "title: !zh", "!zh",
     f"{NOT_TAKEN}: the YAML tag '!zh'"),
    ("duplicate-key-is-valid-syntax", ("editor: 周一", "editor: 周一\neditor: 周二"), "E102", "editor: 周二", None,
     f"{NOT_TAKEN}: duplicate key 'editor'"),
    # -- E102: a front matter indented by a word processor or an input method ---------------------
    ("full-width-space-indent", ("    name: 老周", "　　name: 老周"), "E102", "　　name: 老周", None,
     "'name: 老周' is indented with a full-width space U+3000, which YAML does not read as indentation"),
    ("no-break-space-indent", ("    name: 苏雯", "\u00a0\u00a0\u00a0\u00a0name: 苏雯"), "E102", "name: 苏雯", None,
     "is indented with U+00A0"),
    ("list-item-opened-by-a-full-width-hyphen", ("  - id: hechuan                 # pseudonym", "  － id: hechuan"), "E102",
     "－ id: hechuan", "－", "opens a list item with '－' (U+FF0D)"),
    ("full-width-colon-after-the-title", ("title: 灯下夜读", "title：灯下夜读"), "E102", "title：", None,
     "has a full-width colon '：' after the field's name"),
    # -- W425: a value Word wrapped in curly quotes (printed with them) -----------------------------
    ("credit-in-curly-quotes", (CREDIT, "credit: “本文为测试稿，作者：林小满，编辑：周一”"), "W425", "credit: “", "“",
     "wrapped whole in quotation marks '“…”' in 'credit' is printed as written"),
    ("title-in-curly-quotes", ("title: 灯下夜读", "title: “灯下夜读”"), "W425", "title: “", "“", "in 'title'"),
    ("editor-in-single-curly-quotes", ("editor: 周一", "editor: ‘周一’"), "W425", "editor: ‘", "‘", "'‘…’'"),
    ("role-in-curly-quotes", ("role: 图书馆夜班馆员", "role: “图书馆夜班馆员”"), "W425", "role: “", "“",
     "in 'speakers.2.role'"),
    # -- E208: a question heading of punctuation alone (printed as the question) -------------------
    ("question-of-question-marks", (QUESTION, "## ？？？"), "E208", "## ？？？", None,
     "the heading '？？？' holds only punctuation"),
    ("question-of-an-ellipsis", (QUESTION, "## ……"), "E208", "## ……", None, "holds only punctuation"),
    ("question-of-dashes-and-spaces", (QUESTION, "## —— ——"), "E208", "## —— ——", None, "holds only punctuation"),
    ("closing-of-exclamation-marks", (CLOSING, "## ！！ {.closing}"), "E208", "## ！！", None, "'！！'"),
    # -- one fault, one error: '＃＃ 标题' is E220 alone (it was E205 too) -----------------------------
    ("full-width-hashes-after-answers", (QUESTION, "＃＃ 夜间阅览室还缺什么？"), "E220", "＃＃", None, "full-width '＃'"),
    ("hashes-and-a-full-width-space", (QUESTION, "##\u3000夜间阅览室还缺什么？"), "E220", "##\u3000", None, "'##'"),
    # -- what earlier sweeps made clear, typed here as other tools produce it -----------------------
    ("level-four-heading", (QUESTION, "#### 夜间阅览室还缺什么？"), "E211", "####", None, "'####' heading"),
    ("speaker-id-capitalised", ("::: answer suwen\n", "::: answer Suwen\n"), "E201", "answer Suwen", "Suwen",
     "did you mean 'suwen'?"),
    ("speaker-id-full-width-capitals", ("::: answer suwen\n", "::: answer ＳＵＷＥＮ\n"), "E201", "ＳＵＷＥＮ", "ＳＵＷＥＮ",
     "did you mean 'suwen'?"),
    ("speaker-declared-twice-spelt-two-ways", ("  - id: hechuan                 # pseudonym",
                                               "  - id: chengyifan\n    name: 程一凡\n  - id: hechuan"),
     "E202", "  - id: chengyifan", "chengyifan", "speaker id 'chengyifan' is declared twice"),
    ("nul-byte-in-an-answer", answer(LINE.replace("孙子", "孙\x00子")), "E219", "孙\x00子", "\x00", "U+0000"),
    ("vertical-tab-in-a-note", (NOTE, NOTE.replace("何川", "何\x0b川")), "E219", "何\x0b川", "\x0b", "U+000B"),
    ("footnote-marker-in-a-heading", (QUESTION, QUESTION + "[^1]"), "W418", QUESTION, "[^1]", "'[^1]'"),
    ("front-matter-closed-by-katakana-bars", (FENCE, FENCE.replace("\n---", "\nーーー")), "E101", "ーーー", None,
     "does not close the front matter"),
    ("fence-behind-a-tab", ("::: answer suwen\n", "\t::: answer suwen\n"), "E217", "\t::: answer suwen", None, "indentation"),
    ("date-in-full-width-digits", ("date: 2025-03-08", "date: ２０２５-03-08"), "E104", "date: ２", "２", "'date'"),
    ("slug-in-chinese", ("slug: night-library", "slug: 夜读"), "E104", "slug: 夜读", "夜读", "not '夜读'"),
]

# (id, (old, new) change, text the model must hold)
CLEAN = [
    ("front-matter-closed-by-document-end", (FENCE, FENCE.replace("\n---", "\n...")), ["白天家里孙子闹"]),
    ("document-end-then-a-section-break-far-below", (FENCE, FENCE.replace("\n---", "\n...")), ["灯下夜读"]),
    ("answer-fence-with-a-full-width-space", ("::: answer suwen\n", ":::\u3000answer suwen\n"), ["看着读者一个个进来"]),
    ("speaker-id-then-a-full-width-space", ("::: answer suwen\n", "::: answer suwen\u3000\n"), ["白天家里孙子闹"]),
    ("title-in-straight-quotes", ("title: 灯下夜读", 'title: "灯下夜读"'), ["灯下夜读"]),
    ("curly-quotes-inside-a-value", ("editor: 周一", "editor: 周一（“夜读”栏目）"), []),
    ("title-of-two-quotations", ("title: 灯下夜读", "title: “灯下”与“夜读”"), ["“灯下”与“夜读”"]),
    ("question-opening-with-marks", (QUESTION, "## ？？你们还缺什么"), ["？？你们还缺什么"]),
    ("question-of-a-year", (QUESTION, "## 2025"), ["2025"]),
    ("bracketed-word-and-colon-in-text", answer(LINE + "\n\n[注]: 见下文。"), ["[注]: 见下文。"]),
    ("bracket-colon-and-a-sentence-with-a-dot", answer(LINE + "\n\n[附]: 电话 6.30 以后打"), ["[附]: 电话 6.30 以后打"]),
]


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 30 and len({row[0] for row in BROKEN}) == len(BROKEN)
    assert len(CLEAN) >= 10 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in BROKEN + CLEAN:
        changed(row[1])  # (the old text stands once in the base)


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), BROKEN, ids=[row[0] for row in BROKEN])
def test_the_fault_is_named_where_it_stands(tmp_path: Path, name, change, code, needle, at, said) -> None:
    text = changed(change)
    line, col = line_and_col(text, needle, at)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = check(path, pinyin=False)[1]
    _found(diagnostics, code, line, col, said)
    if code.startswith("E"):  # one fault, one error: no cascade
        assert [d.code for d in diagnostics if d.severity == "error"] == [code], [str(d) for d in diagnostics]
    else:
        assert not [d for d in diagnostics if d.severity == "error"], [str(d) for d in diagnostics]
    assert "not valid YAML" not in " ".join(d.message for d in diagnostics if "does not take" in d.message)


@pytest.mark.parametrize(("name", "change", "shown"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(tmp_path: Path, name, change, shown) -> None:
    text = changed(change)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    document, diagnostics = check(path, pinyin=False)
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _model_text(document) + "\n" + document.meta.title + "\n" + document.meta.editor
    for expected in shown:
        assert expected in held, (expected, held[:600])


@pytest.mark.parametrize("above", ["草稿，勿发\n", "<!-- 编辑: \"周一\" -->\n", "标题：灯下夜读\n\n"],
                         ids=["a-note", "a-comment-with-quotes", "a-title-line"])
def test_lines_above_the_front_matter_are_one_error_not_a_cascade(tmp_path: Path, above: str) -> None:
    """The line rules read a file without its front matter as all text: every straight quote and
    colon of the YAML below got a W401 (eight for the test title), none of which the editor could
    act on before the E101."""
    path = tmp_path / "t.md"
    path.write_text(above + BASE, encoding="utf-8")
    diagnostics = check(path, pinyin=False)[1]
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("E101", 1, 1)], [str(d) for d in diagnostics]


def _mixed_line_ends(text: str) -> bytes:
    """`text` saved by two tools: Windows line ends for its first 40 lines, an old Mac's after them."""
    lines = text.split("\n")
    return ("\r\n".join(lines[:40]) + "\r\n" + "\r".join(lines[40:])).encode()


# (id, the file's bytes, code, line, what the message says)
BYTES = [
    ("utf-16-with-its-mark", BASE.encode("utf-16"), "E100", 1, "iconv -f UTF-16 -t UTF-8"),
    ("utf-16-without-a-mark", BASE.encode("utf-16-le"), "E100", 1, "without a byte-order mark"),
    ("latin-1-word-amid-utf-8", BASE.replace(LINE, "@@").encode().replace(b"@@", "café".encode("latin-1")), "E100",
     BASE.splitlines().index(LINE) + 1, "the text before this point is UTF-8"),
    ("gbk-line-amid-utf-8", BASE.encode().replace(LINE.encode(), LINE.encode("gbk")), "E100",
     BASE.splitlines().index(LINE) + 1, "the text before this point is UTF-8"),
    ("zero-bytes", b"", "E101", 1, "no front matter"),
    ("unicode-line-separators-as-line-ends", BASE.replace("\n", "\u2028").encode(), "E101", 1,
     "the file's lines end in U+2028 (a Unicode line separator a program wrote)"),
    ("next-line-controls-as-line-ends", BASE.replace("\n", "\x85").encode(), "E101", 1, "end in U+0085"),
    ("only-the-front-matter", BASE.split("\n---\n", 1)[0].encode() + b"\n---\n", "E209", 35, "no text"),
    ("crlf-and-cr-line-ends-mixed", _mixed_line_ends(changed((QUESTION, "## ？"))),
     "E208", BASE.splitlines().index(QUESTION) + 1, "only punctuation"),
]


@pytest.mark.parametrize(("name", "data", "code", "line", "said"), BYTES, ids=[row[0] for row in BYTES])
def test_a_file_as_other_tools_save_it(tmp_path: Path, name, data, code, line, said) -> None:
    path = tmp_path / "t.md"
    path.write_bytes(data)
    diagnostics = check(path, pinyin=False)[1]
    errors = [d for d in diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == [code] and said in errors[0].message, [str(d) for d in diagnostics]
    if line is not None:
        assert errors[0].line == line, [str(d) for d in diagnostics]


def test_w405s_search_of_a_source_of_megabytes_stops_at_its_budget(tmp_path: Path, monkeypatch) -> None:
    """5 MB of ordinary paragraphs (not one giant one, W422's case) took minutes in 'publish check':
    the pinyin pass segments every paragraph. W405's search now reads SEARCH_BUDGET characters in
    all, and W424 names the paragraph where it stopped. (As in the seventh sweep, the yardstick is
    the count of characters handed to the search, read by a stand-in; the budget is made small so
    that a small source crosses it.)"""
    import pipeline.passes.pinyin as pinyin

    searched: list[int] = []

    class Counting:
        def __init__(self, **_settings) -> None:
            pass

        def unsure(self, text: str) -> list:
            searched.append(len(text))
            return []

    monkeypatch.setattr(pinyin, "PinyinAnnotator", Counting)
    monkeypatch.setattr(sourceshape, "SEARCH_BUDGET", 600)
    paragraphs = [f"第{n}段：" + LINE for n in range(60)]
    text = changed(answer("\n\n".join(paragraphs)))
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = check(path)[1]
    assert sum(searched) == 600, searched
    (budget,) = [d for d in diagnostics if d.code == "W424"]
    assert "W405 (a reading nothing decides) was looked for in the first 600 only" in budget.message, budget
    stop = text.splitlines()[budget.line - 1]
    assert stop in paragraphs and paragraphs.index(stop) < 20, stop
    assert [d.code for d in diagnostics] == ["W424"], [str(d) for d in diagnostics]


def test_the_budget_keeps_the_texts_in_order_and_cuts_the_one_that_crosses_it() -> None:
    kept, stopped = within_budget([("甲" * 4, 1), ("乙" * 4, 3), ("丙" * 4, 5)], budget=6)
    assert kept == [("甲" * 4, 1), ("乙" * 2, 3)] and stopped == (3, 12)
    assert within_budget([("甲", 1)], budget=6) == ([("甲", 1)], None)


def test_a_build_refuses_a_document_end_above_the_fence_and_writes_nothing(tmp_path: Path) -> None:
    change = next(row[1] for row in BROKEN if row[0] == "document-end-above-the-fence")
    source = tmp_path / "d.md"
    source.write_text(changed(change), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke("script", "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:35:1: error E101: the line '...'" in output, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))
