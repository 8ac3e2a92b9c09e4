"""Broken and odd sources of the eleventh robustness sweep, as Chinese newsroom tools and other
editors leave them when copy is exported or pasted: a no-break space or '&nbsp;' beside a full-width
mark, and Word's or WPS's '&emsp;&emsp;' indent (printed, without a word); Ulysses' '::重点::' (four
W401s), LaTeX's and Scrivener's '\\emph{…}', ``…'' and '%' comments, kramdown's '{: .tip}' from a
Yuque export (printed as written); Google Docs' '{#h.abc123}' and Word's '{#_Toc…}' anchors (a
bare "is not an id"); a task list (one E233 an item); Yuque's and VuePress's ':::tips' boxes ("write
a space"), '::: ａｎｓｗｅｒ' typed through an IME (E218 and E215); Word's '<o:p>' and
'<st1:chsdate>' (printed, or read as a link to 'st1:chsdate'); a WeChat editor's emoji bullets
(joined into one paragraph); a Setext heading over answers (E232 and an E205 for each answer);
Windows-1252's curly quotes in a UTF-8 file ("saved in another encoding, such as GBK") or read as
Latin-1 ("invisible character"); a byte-order mark where a second file was joined; and the
interviewer's label kept in a question's heading ('## 问：…', printed and read aloud); Word's field
codes copied as codes ('{ HYPERLINK "…" }'); WeChat's stickers as text ('[捂脸]') and its own
elements ('<mp-style-type …>'); a link with no text, '[](https://…)' (dropped, address and all);
YAML's '...' typed '。。。' ("runs on into the text"); an answer's paragraph indented with a tab
(E212, and E203 "empty" for an answer whose text Markdown made code).

As in the tenth sweep's tests, each row changes the bundled test title in one place; the line is
where the row's `needle` stands, the column where its `at` stands on that line, and an error row's
diagnostic is the source's only one (one fault, one message). Warning rows leave the source
readable, so they are checked together, once, each at a line of its own, and give one warning
each; odd-but-fine rows are checked together, once. One build shows a fault of the sweep refuses every edition and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.check import check
from tests.test_reader_broken4 import BASE, LIST_OPENER, changed, invoke
from tests.test_reader_broken6 import line_and_col
from tests.test_reader_broken7 import _found
from tests.test_reader_broken10 import _held

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
ARTICLE = "2025年1月起"
QUESTION = "## 你为什么选在夜里来图书馆？"
SECOND_ANSWER = "::: answer chengyifan\n我白天"  # (the first chapter's second answer)
NOTE = "::: note"
PRINTED = "is printed as written"


def answer(new: str) -> tuple[str, str]:
    return LINE, new


def article(new: str) -> tuple[str, str]:
    return ARTICLE, new + "\n\n" + ARTICLE


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- W415: a space beside a full-width mark (which carries its own), and an indent typed as references
    ("no-break-space-after-a-comma", ("孙子闹，", "孙子闹，\u00a0"), "W415", "孙子闹，\u00a0", "\u00a0",
     "beside the full-width '，', which carries its own space (a no-break space)"),
    ("nbsp-reference-after-a-full-stop", ("的。不过看着", "的。&nbsp;不过看着"), "W415", "的。&nbsp;", "&nbsp;",
     "(typed as '&nbsp;')"),
    ("space-before-a-full-width-colon", (LIST_OPENER, LIST_OPENER.replace("条目：", "条目 ：")), "W415", "条目 ：", " ：",
     "beside the full-width '："),
    ("emsp-indent-from-word", ("我们正在招募", "&emsp;&emsp;我们正在招募"), "W415", "&emsp;&emsp;我们", None,
     "an indent typed as character references"),
    ("ideographic-space-references-as-an-indent", ("书不会跑", "&#12288;&#12288;书不会跑"), "W415", "&#12288;&#12288;书", None,
     "printed this one twice"),
    # -- E233: what writing apps, LaTeX drafts and site exports leave, printed as written -----------
    ("ulysses-highlight", answer(LINE.replace("报纸", "::报纸::")), "E233", "::报纸::", "::", "a highlight of Ulysses"),
    ("latex-emph", answer(LINE.replace("孙子闹", r"\emph{孙子闹}")), "E233", r"\emph{", "\\", "a LaTeX command"),
    ("latex-footnote", answer(LINE + r"\footnote{引自馆方。}"), "E233", r"\footnote{", "\\", "a LaTeX command"),
    ("latex-section-in-the-article", article(r"\section{背景}"), "E233", r"\section{背景}", None, "'###' for a \\section"),
    ("latex-quotation-marks", answer(LINE.replace("报纸", "``报纸''")), "E233", "``报纸''", "``", "LaTeX's quotation marks"),
    ("latex-comment-line", article("% 数字待核实"), "E233", "% 数字待核实", None, "a LaTeX comment"),
    ("kramdown-attributes-under-a-paragraph", article("阅览室在三楼。\n{: .tip}"), "E233", "{: .tip}", None,
     "a kramdown attribute list"),
    ("kramdown-attributes-after-a-sentence", answer(LINE + "{: .note}"), "E233", "{: .note}", "{:", "Yuque"),
    ("task-list-named-once", article("- [ ] 联系馆方\n- [x] 核实数字\n- [ ] 拍照"), "E233", "- [ ] 联系馆方", None,
     "in every item of this list"),
    ("numbered-task-list-named-once", article("1. [x] 联系馆方\n2. [ ] 拍照"), "E233", "1. [x] 联系馆方", None,
     "delete each item's '[ ]' or '[x]'"),
    ("word-field-code", answer(LINE + '{ HYPERLINK "https://example.org/notice" }'), "E233", "{ HYPERLINK", "{",
     "a Word field code"),
    # -- E212 alone for an answer's paragraph indented with a tab (it was E212 and E203, "empty") -------
    ("tab-indented-answer", answer("\t" + LINE), "E212", "\t白天", None, "a line that starts with a tab"),
    # -- E223: a link with no text, a Yuque or Feishu export's anchor (dropped, address and all) ----------
    ("link-with-no-text", answer(LINE.replace("报纸", "报纸[](https://example.org/notice)")), "E223", "[](https://",
     "[](", "a link with no text: every edition drops it, address and all"),
    ("anchor-link-with-no-text", answer(LINE.replace("报纸", "报纸[](#u8c2f)")), "E223", "[](#u8c2f)", "[](",
     "a link with no text"),
    # -- E101 at the line: YAML's '...' typed through an input method ("runs on into the text") --------
    ("front-matter-closed-with-full-width-stops", ("háng zhǎng\n---", "háng zhǎng\n。。。"), "E101", "。。。", None,
     "the line '。。。' does not close the front matter: write exactly '---'"),
    ("front-matter-closed-with-an-ellipsis", ("háng zhǎng\n---", "háng zhǎng\n……"), "E101", "……", None,
     "does not close the front matter"),
    # -- E222: another tool's heading anchor ------------------------------------------------------------
    ("google-docs-anchor", (QUESTION, QUESTION + " {#h.abc123}"), "E222", QUESTION, None, "Google Docs' heading anchor"),
    ("word-toc-bookmark-anchor", (QUESTION, QUESTION + " {#_Toc123456}"), "E222", QUESTION, None, "a Word bookmark"),
    # -- E206: another tool's ':::' box, a block's name typed in full-width letters -----------------
    ("yuque-tips-box", article(":::tips\n核实后再发。\n:::"), "E206", ":::tips", None, "a callout box of Yuque (语雀)"),
    ("vuepress-warning-box", article("::: warning\n核实后再发。\n:::"), "E206", "::: warning", None, "a callout box"),
    ("full-width-answer", (SECOND_ANSWER, SECOND_ANSWER.replace("answer", "ａｎｓｗｅｒ")), "E206", "::: ａｎｓｗｅｒ",
     "ａ", "typed in full-width letters (an input method's): write '::: answer'"),
    ("full-width-note", (NOTE, "::: ｎｏｔｅ"), "E206", "::: ｎｏｔｅ", "ｎ", "write '::: note'"),
    # -- E227: Word's and WeChat's own tags ------------------------------------------------------------
    ("word-empty-paragraph-tag", answer(LINE + "<o:p></o:p>"), "E227", "<o:p>", "<o:p>", "Word's XML tag '<o:p>'"),
    ("word-smart-tag-around-a-date", answer(LINE.replace("8点", "<st1:chsdate>8点</st1:chsdate>")), "E227",
     "<st1:chsdate>", "<st1", "Word's XML tag '<st1:chsdate>'"),
    ("wechat-voice-embed", article('<mpvoice name="采访录音"></mpvoice>'), "E227", "<mpvoice", None, "the HTML tag"),
    ("wechat-custom-element", article('<mp-style-type data-value="3"></mp-style-type>'), "E227", "<mp-style-type", None,
     "a WeChat article's tag '<mp-style-type data-value=\"3\">'"),  # (named for its tool since the thirteenth sweep)
    # -- E233: WeChat's stickers as text ('[捂脸][捂脸]' was "a reference-style link", E223) -------------
    ("wechat-sticker", answer(LINE.replace("安静。", "安静。[微笑]")), "E233", "[微笑]", "[微笑]", "a WeChat sticker"),
    ("two-wechat-stickers", answer(LINE + "[捂脸][捂脸]"), "E233", "[捂脸][捂脸]", "[捂脸]", "a WeChat sticker"),
    # -- W417: a WeChat editor's symbols as bullets, joined into one paragraph ---------------------
    ("triangle-bullets", article("▶️ 饮水机\n▶️ 台灯\n▶️ 插座"), "W417", "▶️ 台灯", None, "the list marker '▶️'"),
    ("star-bullets", ("馆方把这个项目", "★ 饮水机\n★ 台灯\n\n馆方把这个项目"), "W417", "★ 台灯", None, "the list marker '★'"),
    # -- E232 alone for a Setext heading over answers (it was E232 and an E205 an answer) ------------
    ("setext-question-over-answers", (QUESTION, QUESTION[3:] + "\n" + "-" * 12), "E232", "-" * 12, None,
     "Markdown's underlined heading"),
    # -- E219: a Windows-1252 mark read as Latin-1, a byte-order mark where two files were joined ------
    ("windows-1252-dash-read-as-latin-1", answer(LINE.replace("8点", "8点\u009610点")), "E219", "\u0096", "\u0096",
     "Windows-1252's '–' read as Latin-1"),
    ("byte-order-mark-of-a-joined-file", article("\ufeff阅览室在三楼。"), "E219", "\ufeff阅览室", None,
     "where a second file was joined to this one"),
    # -- W429: the interviewer's label kept in a question's heading -----------------------------------
    ("interviewer-label-in-a-heading", (QUESTION, "## 问：你为什么选在夜里来图书馆？"), "W429", "## 问：", None,
     "the interviewer's label '问：'"),
    ("label-with-a-space-before-the-colon", ("## 夜间阅览室还缺什么？", "## 问 : 夜间阅览室还缺什么？"), "W429", "## 问 :",
     None, "'## 夜间阅览室还缺什么？'"),
    ("numbered-full-width-label", ("## 给夜读的人一句话", "## Ｑ１：给夜读的人一句话"), "W429", "## Ｑ１：", None,
     "'Ｑ１：'"),
]

# (id, (old, new) change, text the model must hold, text it must not)
CLEAN = [
    ("full-width-space-indent", answer("\u3000\u3000" + LINE), ["白天家里孙子闹，晚上这里安静。"], ["\u3000白天"]),
    ("no-break-space-indent", ("我上夜班", "\u00a0\u00a0我上夜班"), ["我上夜班，其实"], ["\u00a0"]),
    ("front-matter-closed-with-dots", ("行长: háng zhǎng\n---", "行长: háng zhǎng\n..."), ["灯下夜读", "2025年1月起"], []),
    ("tilde-for-a-range", ("我一般8点到", "我一般8~9点到"), ["8~9点到"], []),
    ("double-colons-in-code-names", ("小模型。", "小模型，用std::vector::size算。"), ["std::vector::size"], []),
    ("a-ratio-with-colons", ("其中近三成", "其中近三成（比例3:2:1）"), ["3:2:1"], []),
    ("escaped-kramdown-braces", ("慢慢看。", "慢慢看。\\{: 原文如此}"), ["{: 原文如此}"], []),
    ("a-mention-in-the-text", ("插座在靠墙那一排。", "插座在靠墙那一排。@城东图书馆"), ["@城东图书馆"], []),
    ("a-label-word-that-is-no-label", ("## 夜间阅览室还缺什么？", "## 问答之外：夜间阅览室还缺什么？"), ["问答之外：夜间"], []),
    ("a-tab-indenting-a-nested-item", ("2. 期刊架", "\t- 尤其是冬天。\n2. 期刊架"), ["尤其是冬天。"], []),
    ("a-space-between-a-mark-and-latin", ("英文名是[Night", "英文名是：[Night"), ["英文名是：Night"], []),
    ("an-ideographic-space-after-a-fence", ("::: answer suwen role=", ":::\u3000answer suwen role="), ["我们正在招募"], []),
    ("an-escaped-sticker", ("记得带充电器", "记得带\\[强\\]充电器"), ["记得带[强]充电器"], []),
    ("a-percent-opening-a-line", ("我们请四位常客", "我们请\n4%的常客中的四位常客"), ["4%的常客"], []),
]


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 30 and len({row[0] for row in BROKEN}) == len(BROKEN)
    assert len(CLEAN) >= 10 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in BROKEN + CLEAN:
        changed(row[1])  # (the old text stands once in the base)


ERRORS = [row for row in BROKEN if row[2].startswith("E")]
# Warnings leave the source readable, and a check of a readable source costs what casting its voices
# costs: the warning rows are checked together, once, each at a line of its own (W415 is one a line).
WARNINGS = [row for row in BROKEN if row[2].startswith("W")]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), ERRORS, ids=[row[0] for row in ERRORS])
def test_the_fault_is_named_where_it_stands_and_alone(tmp_path: Path, name, change, code, needle, at, said) -> None:
    text = changed(change)
    line, col = line_and_col(text, needle, at)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = check(path, pinyin=False)[1]
    _found(diagnostics, code, line, col, said)
    assert [d.code for d in diagnostics] == [code], [str(d) for d in diagnostics]  # one fault, one message


def _all(rows: list, tmp_path_factory) -> tuple[str, tuple]:
    """Every row's change in one source, and its check."""
    text = BASE
    for row in rows:
        old, new = row[1]
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("all") / "t.md"
    path.write_text(text, encoding="utf-8")
    return text, check(path, pinyin=False)


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


@pytest.fixture(scope="module")
def all_clean(tmp_path_factory) -> tuple:
    """Every odd-but-fine change in one source, checked once: a row whose change were a fault
    would show, named at its line."""
    return _all(CLEAN, tmp_path_factory)[1]


@pytest.mark.parametrize(("name", "change", "shown", "absent"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(all_clean, name, change, shown, absent) -> None:
    document, diagnostics = all_clean
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _held(document)
    assert all(expected in held for expected in shown), (shown, held[:600])
    assert not [unwanted for unwanted in absent if unwanted in held], (absent, held[:600])


@pytest.mark.parametrize(("marks", "said"), [
    (("“", "”"), "the byte 0x93 is Windows-1252's '“', pasted from an old Windows program into this UTF-8 file: type "
                 "'“' again here, and the 1 more after it"),
    (("—", ""), "the byte 0x97 is Windows-1252's '—'"),
], ids=["curly-quotes", "an-em-dash"])
def test_windows_1252_marks_in_a_utf8_file_are_named(tmp_path: Path, marks, said) -> None:
    """Curly quotes or a dash typed in an old Windows program and pasted, as bytes, into a UTF-8
    file: "saved in another encoding, such as GBK" sent the editor converting a UTF-8 file."""
    data = BASE.encode("utf-8").replace("报纸".encode(), marks[0].encode("cp1252") + "报纸".encode()
                                        + marks[1].encode("cp1252"))
    path = tmp_path / "t.md"
    path.write_bytes(data)
    diagnostics = check(path, pinyin=False)[1]
    assert [(d.code, d.line) for d in diagnostics] == [("E100", 44)], diagnostics
    assert said in diagnostics[0].message and "GBK" not in diagnostics[0].message, diagnostics[0].message


def test_a_build_refuses_a_full_width_fence_and_writes_nothing(tmp_path: Path) -> None:
    """'::: ａｎｓｗｅｒ' took the answer's ':::' as closing it and the next answer's words as
    text: every build command says the one error and writes no edition."""
    change = next(row[1] for row in BROKEN if row[0] == "full-width-answer")
    source = tmp_path / "c.md"
    source.write_text(changed(change), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke("epub", "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:47:5: error E206: 'ａｎｓｗｅｒ' is typed in full-width letters" in output, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))
