"""Broken and odd sources of the seventh robustness sweep, as editors and their tools make them:
YAML tags in the front matter ('!!binary' and '!!set' went through unseen, '!!python/…' and an
app's own '!zh' met PyYAML's "could not determine a constructor for the tag 'tag:yaml.org,2002:…'");
a voice's gender or age that is none of its words (pydantic's "Input should be 'male' or
'female'"); a '---' or '===' underline inside an answer or a note (two E213s, "close the open
block", and an E203, where the fault is E232's); a question after the closing chapter (read as
one more numbered question after the last, without a word); a link inside a link's text and a
reference-style link's definition (both printed as written, brackets and address); an attribute a chapter's heading
does not know, '{.intro}', '{data-x=1}', '{lang=english}' (dropped without a word); a combining
accent on a Han character or opening a line (printed as a stray accent); a paragraph of megabytes
(a paste that lost its line breaks: 'publish check' spent 80 s in W405's pinyin search).

As in the sixth sweep's tests, each row changes the bundled test title in one place; the line is
where the row's `needle` stands (str.index, never the reader), the column where its `at` stands
on that line. Errors are the source's only error; warnings leave it buildable. Odd-but-fine rows
read clean and keep their text in the model. One small build shows a broken source refused with
nothing written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.check import LONG_PARAGRAPH, check
from pipeline.reader import read_text
from tests.test_reader_broken4 import BASE, changed, invoke
from tests.test_reader_broken6 import _model_text, line_and_col

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
NOTE = "（文中何川为化名。）"
CLOSING = "## 给夜读的人一句话 {.closing}"
QUESTION = "## 夜间阅览室还缺什么？"
AFTER_CLOSING = "记得带充电器，插座在靠墙那一排。\n:::"
HECHUAN = BASE.split("::: answer hechuan\n", 1)[1].split("\n:::", 1)[0]  # (the one answer of its speaker)
TAG = "is not part of the format: a value is plain text"


def answer(new: str) -> tuple[str, str]:
    return LINE, new


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text on that line
# or None for column 1, said: what the message must say)
BROKEN = [
    # -- E102: a YAML tag, which no field takes ------------------------------------------------------
    ("python-object-tag", ("editor: 周一", "editor: !!python/object/apply:os.system ['echo hi']"), "E102", "editor: !!",
     "!!", f"the YAML tag '!!python/object/apply:os.system' {TAG}"),
    ("python-name-tag", ("editor: 周一", "editor: !!python/name:os.system"), "E102", "editor: !!", "!!",
     f"'!!python/name:os.system' {TAG}"),
    ("python-tuple-tag", ("authors: [林小满]", "authors: !!python/tuple [林小满]"), "E102", "authors: !!", "!!",
     f"'!!python/tuple' {TAG}"),
    ("an-apps-own-tag", ("title: 灯下夜读", "title: !zh 灯下夜读"), "E102", "title: !zh", "!zh", f"'!zh' {TAG}"),
    ("binary-tag-on-text", ("editor: 周一", "editor: !!binary 5ZGo5LiA"), "E102", "editor: !!", "!!", f"'!!binary' {TAG}"),
    ("set-tag-on-a-list", ("authors: [林小满]", "authors: !!set {林小满: null}"), "E102", "authors: !!", "!!",
     f"'!!set' {TAG}"),
    ("tag-on-a-voice", ("voice: {gender: female}", "voice: !voice {gender: female}"), "E102", "voice: !voice", "!voice",
     f"'!voice' {TAG}"),
    ("timestamp-tag-on-the-date", ("date: 2025-03-08", "date: !!timestamp 2025-03-08"), "E102", "date: !!", "!!",
     f"'!!timestamp' {TAG}"),
    # -- E104: a voice's word that is none of its words (pydantic's "Input should be …") ----------
    ("gender-in-chinese", ("voice: {gender: female}", "voice: {gender: 女}"), "E104", "gender: 女", "女",
     "'speakers.2.voice.gender' is '女', which is none of its words: write male or female"),
    ("gender-capitalised", ("voice: {gender: female}", "voice: {gender: Female}"), "E104", "gender: Female", "Female",
     "is 'Female', which is none of its words: write male or female"),
    ("age-as-a-number", ("voice: {gender: male, age: senior}", "voice: {gender: male, age: 70}"), "E104", "age: 70", "70",
     "'speakers.0.voice.age' is '70', which is none of its words: write young, adult or senior"),
    ("age-in-chinese", ("voice: {gender: male, age: senior}", "voice: {gender: male, age: 老年}"), "E104", "age: 老年",
     "老年", "write young, adult or senior"),
    # -- E232: an underline inside an answer or a note (was E213 twice, "close the open block") ----
    ("dashes-under-an-answer", answer(LINE + "\n------"), "E232", "------", None, "right under"),
    ("equals-under-an-answer", answer(LINE + "\n======"), "E232", "======", None, "makes that text a heading"),
    ("dashes-under-a-note", (NOTE, NOTE + "\n------"), "E232", "------", None, f"right under '{NOTE}'"),
    ("dashes-under-a-closing-answer", ("书不会跑，慢慢看。", "书不会跑，慢慢看。\n----"), "E232", "----", None,
     "right under '书不会跑，慢慢看。'"),
    ("equals-under-a-list-opener", ("习惯把意见写成条目：", "习惯把意见写成条目：\n==="), "E232", "===", None, "right under"),
    # -- E235: a question after the closing chapter --------------------------------------------------
    ("question-after-the-closing", (AFTER_CLOSING, AFTER_CLOSING + "\n\n## 还有什么想说？\n\n::: answer suwen\n欢迎再来。\n:::"),
     "E235", "## 还有什么想说？", None, "'还有什么想说？' comes after the closing chapter '给夜读的人一句话' (line 69)"),
    ("question-with-an-id-after-the-closing", (AFTER_CLOSING, AFTER_CLOSING + "\n\n## 附加问题 {#extra}\n\n"
                                                               "::: answer suwen\n欢迎再来。\n:::"),
     "E235", "## 附加问题", None, "comes after the closing chapter"),
    # -- E236: an attribute a chapter's heading does not know (dropped without a word) ---------------
    ("class-on-a-question", (QUESTION, QUESTION + " {.intro}"), "E236", QUESTION, ".intro",
     "'.intro' is not an attribute of a chapter, and every edition dropped it"),
    ("aside-on-a-question", (QUESTION, QUESTION + " {.aside}"), "E236", QUESTION, ".aside", "'.aside' is not an attribute"),
    ("data-attribute-on-a-question", (QUESTION, QUESTION + " {data-x=1}"), "E236", QUESTION, "data-x",
     "'data-x=1' is not an attribute of a chapter"),
    ("style-after-an-id", (QUESTION, QUESTION + " {#needs style=bold}"), "E236", QUESTION, "style", "'style=bold'"),
    ("second-class-on-the-closing", (CLOSING, "## 给夜读的人一句话 {.closing .last}"), "E236", "给夜读的人一句话", ".last",
     "'.last' is not an attribute"),
    ("class-on-the-references", ("## 参考资料 {.references}", "## 参考资料 {.references .numbered}"), "E236", "## 参考资料",
     ".numbered", "'.numbered'"),
    ("language-that-is-no-tag", (QUESTION, QUESTION + " {lang=english}"), "E236", QUESTION, "lang=",
     "'english' in 'lang=english' is not a BCP 47 language tag"),
    # -- W423: a combining mark on a Han character, a space, or opening a line -------------------------
    ("acute-on-a-han-character", answer(LINE.replace("孙子", "孙\u0301子")), "W423", "孙\u0301子", "\u0301",
     "U+0301 (COMBINING ACUTE ACCENT) stands on '孙'"),
    ("macron-in-a-heading", (QUESTION, QUESTION.replace("阅览室", "阅览室\u0304")), "W423", "阅览室\u0304", "\u0304",
     "stands on '室'"),
    ("grave-in-the-title", ("title: 灯下夜读", "title: 灯\u0300下夜读"), "W423", "灯\u0300", "\u0300", "stands on '灯'"),
    ("mark-opening-a-line", answer("\u0301" + LINE), "W423", "\u0301" + LINE[:5], "\u0301", "it opens the line"),
    ("mark-on-a-full-width-space", answer("白天家里　\u0301" + LINE[4:]), "W423", "　\u0301", "\u0301", "stands on '　'"),
    ("mark-on-a-full-width-comma", answer(LINE.replace("闹，", "闹，\u0323")), "W423", "，\u0323", "\u0323", "stands on '，'"),
    # -- E102: PyYAML's words ("found undefined alias", "expected <block end>, but found '-'") -------
    ("alias-with-no-anchor", ("editor: 周一", "editor: *zhouyi"), "E102", "editor: *", "*", "names an '&' anchor above, "
     "and there is none"),
    ("speaker-item-outdented", ("  - id: hechuan                 # pseudonym", "- id: hechuan"), "E102", "- id: hechuan", None,
     "this '- ' item stands outside the list it belongs to"),
    ("speaker-item-indented-deeper", ("  - id: hechuan                 # pseudonym", "     - id: hechuan"), "E102",
     "     - id: hechuan", "-", "is indented deeper than the items above it"),
    ("authors-list-left-open", ("authors: [林小满]", "authors: [林小满"), "E102", "authors: [", "[",
     "a list opened with '[' is not closed with ']' on its line"),
    ("voice-mapping-left-open", ("voice: {gender: female}", "voice: {gender: female"), "E102", "voice: {gender: female", "{",
     "a mapping opened with '{' is not closed with '}' on its line"),
    ("no-space-after-the-colon", ("editor: 周一", "editor:周一"), "E102", "editor:周一", "周",
     "'editor:周一' has no plain space after the field's colon"),
    ("no-break-space-after-the-colon", ("editor: 周一", "editor:\u00a0周一"), "E102", "editor:\u00a0", "\u00a0",
     "has no plain space after the field's colon"),
    ("full-width-space-after-the-colon", ("outlet: 城东周报", "outlet:\u3000城东周报"), "E102", "outlet:\u3000", "\u3000",
     "has no plain space after the field's colon"),
    # -- E223: a link Markdown did not read, printed as written --------------------------------------
    ("link-inside-a-link", answer(LINE.replace("孙子", "[[孙子](https://a.example)](https://b.example)")), "E223",
     "](https://b.example)", "](https://b", "a link inside another link's text"),
    ("link-inside-a-links-text", answer(LINE.replace("孙子", "[孙[子](https://a.example)](https://b.example)")), "E223",
     "](https://b.example)", "](https://b", "'](https://b.example)' is printed as written"),
    ("reference-link-and-its-definition", answer(LINE.replace("孙子", "[孙子][1]") + "\n\n[1]: https://example.org"),
     "E223", "[1]: https://", None, "a reference-style link's definition"),
    ("definition-in-a-note", (NOTE, NOTE + "\n\n[公告]: https://example.org/notice"), "E223", "[公告]:", None,
     "'[公告]: https://example.org/notice' is printed as written"),
    ("mail-definition-in-the-article", ("我们请四位常客聊了聊他们的夜晚。", "我们请四位常客聊了聊他们的[夜晚][信]。\n\n"
                                        "[信]: mailto:night@example.org"), "E223", "[信]: mailto", None, "definition"),
    # -- what earlier sweeps made clear, typed here as other tools produce it -------------------------
    ("tab-indenting-a-speakers-field", ("    name: 老周", "\tname: 老周"), "E102", "\tname", None, "a tab stands here"),
    ("merge-key-in-a-speaker", ("  - id: hechuan                 # pseudonym\n    name: 何川",
                                "  - id: hechuan\n    <<: {name: 何川}"), "E102", "<<:", "<<", "a merge key '<<'"),
    ("next-line-in-an-answer", answer(LINE.replace("孙子", "孙\u0085子")), "E219", "孙\u0085子", "\u0085", "U+0085"),
    ("paragraph-separator-in-a-note", (NOTE, NOTE.replace("何川", "何\u2029川")), "E219", "何\u2029川", "\u2029", "U+2029"),
    ("bidi-override-in-a-heading", (QUESTION, QUESTION.replace("阅览室", "阅览\u202e室")), "E219", "阅览\u202e室", "\u202e",
     "U+202E"),
    ("byte-order-mark-in-a-note", (NOTE, NOTE.replace("何川", "何\ufeff川")), "E219", "何\ufeff川", "\ufeff", "U+FEFF"),
    ("html-block-around-an-answer", answer("<div>\n" + LINE + "\n</div>"), "E227", "<div>", None, "'<div>'"),
    ("emphasis-of-a-full-width-space", answer(LINE.replace("孙子", "孙**　**子")), "E229", "孙**", "**", "'**'"),
    ("answer-of-a-full-width-space", (HECHUAN, "　"), "E203", "::: answer hechuan", None, "answer by 'hechuan' is empty"),
    ("answer-of-a-character-reference", (HECHUAN, "&nbsp;"), "E203", "::: answer hechuan", None, "is empty"),
    ("answer-of-an-empty-link", (HECHUAN, "[](https://example.org)"), "E203", "::: answer hechuan", None, "is empty"),
]

# (id, (old, new) change, text the model must hold)
CLEAN = [
    ("title-that-reads-as-a-number", ("title: 灯下夜读", "title: 1984"), ["1984"]),
    ("title-tagged-as-text", ("title: 灯下夜读", "title: !!str 2025"), []),
    ("editor-tagged-as-text", ("editor: 周一", "editor: !!str 周一"), []),
    ("folded-title", ("title: 灯下夜读", "title: >-\n  灯下夜读"), []),
    ("quoted-author-in-a-flow-list", ("authors: [林小满]", "authors: [\"林小满\"]"), []),
    ("literal-single-line-subtitle", ("subtitle: 城东图书馆夜间阅览室的四位常客", "subtitle: |-\n  城东图书馆夜间阅览室的四位常客"), []),
    ("mail-address-in-angle-brackets", answer(LINE + "来信请寄<reader@example.org>。"), ["来信请寄", "reader@example.org"]),
    ("pinyin-typed-with-a-combining-caron", answer(LINE + "拼音是ma\u030c。"), ["拼音是ma\u030c。"]),
    ("accent-typed-in-two-on-a-latin-word", answer(LINE + "楼下是cafe\u0301。"), ["楼下是cafe\u0301。"]),
    ("ideographic-variation-sequence", answer(LINE.replace("孙子", "孙\U000E0100子")), ["孙\U000E0100子"]),
    ("closing-with-its-language", (CLOSING, CLOSING[:-1] + " lang=zh-Hans}"), ["给夜读的人一句话"]),
    ("question-with-an-id-and-a-language", (QUESTION, QUESTION + " {#needs lang=zh-Hans}"), ["夜间阅览室还缺什么？"]),
    ("question-closed-by-hashes", (QUESTION, QUESTION + " ##"), ["夜间阅览室还缺什么？"]),
    ("two-line-note-by-trailing-spaces", (NOTE, NOTE + "  \n（文中老周为本名。）"), ["（文中老周为本名。）"]),
    ("paragraph-of-the-longest-size", answer("安" * LONG_PARAGRAPH), ["安" * LONG_PARAGRAPH]),
    ("short-line-as-its-own-paragraph", ("我们请四位常客聊了聊他们的夜晚。", "我们请四位常客聊了聊他们的夜晚。\n\n"
                                                     "人物介绍\n\n另起一段。"), ["另起一段。"]),
]


def _found(diagnostics, code: str, line: int, col: int, said: str) -> None:
    hits = [d for d in diagnostics if (d.code, d.line, d.col) == (code, line, col)]
    assert hits, (code, line, col, [str(d) for d in diagnostics])
    assert said in hits[0].message, hits[0].message


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 40 and len({row[0] for row in BROKEN}) == len(BROKEN)
    assert len(CLEAN) >= 15 and len({row[0] for row in CLEAN}) == len(CLEAN)
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
    if code.startswith("E"):  # one fault, one error: no cascade ("still open", "empty")
        assert {d.code for d in diagnostics if d.severity == "error"} == {code}, [str(d) for d in diagnostics]
    else:
        assert not [d for d in diagnostics if d.severity == "error"], [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "shown"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(tmp_path: Path, name, change, shown) -> None:
    text = changed(change)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    document, diagnostics = check(path, pinyin=False)
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _model_text(document) + "\n" + document.meta.title
    for expected in shown:
        assert expected in held, (expected, held[:600])


@pytest.mark.parametrize(("above", "said"), [
    ("\n", "it stands on line 2, below an empty line; delete the line above it"),
    ("\n \n", "it stands on line 3, below empty lines; delete the lines above it"),
    ("%YAML 1.2\n", "it stands on line 2, below a YAML directive; delete the line above it"),
    ("%YAML 1.2\n%TAG ! tag:example.org,2025:\n", "it stands on line 3, below a YAML directive; delete the lines above"),
], ids=["empty-line", "empty-lines", "yaml-directive", "two-directives"])
def test_a_front_matter_below_empty_lines_or_a_directive_is_named_where_it_stands(above: str, said: str) -> None:
    """'the first line must be ---' said nothing of the '---' one line further down (an editor's
    empty line at the top, a YAML tool's '%YAML 1.2')."""
    (problem,) = [d for d in read_text(above + BASE, "t.md").diagnostics if d.severity == "error"]
    assert (problem.code, problem.line, problem.col) == ("E101", 1, 1) and said in problem.message, problem


def test_a_paragraph_of_megabytes_is_w422_and_checked_in_seconds(tmp_path: Path, monkeypatch) -> None:
    """A paste that lost its line breaks: one paragraph of megabytes. W405's pinyin search of all
    of it took 80 s for 5 MB; it now searches the first LONG_PARAGRAPH characters, and W422 says
    so. (The yardstick of "seconds" is the count of characters handed to the search, not a clock;
    the annotator is a stand-in that counts them.)"""
    import pipeline.passes.pinyin as pinyin

    searched: list[int] = []

    class Counting:
        def __init__(self, **_settings) -> None:
            pass

        def unsure(self, text: str) -> list:
            searched.append(len(text))
            return []

    monkeypatch.setattr(pinyin, "PinyinAnnotator", Counting)
    long_line = LINE * (LONG_PARAGRAPH // len(LINE) * 3)
    text = changed(answer(long_line))
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = check(path)[1]
    _found(diagnostics, "W422", text.splitlines().index(long_line) + 1, 1, f"this paragraph holds {len(long_line):,} characters")
    assert max(searched) == LONG_PARAGRAPH and len(long_line) > 2 * LONG_PARAGRAPH, searched
    assert [d.code for d in diagnostics] == ["W422"], [str(d) for d in diagnostics]


def test_a_build_refuses_a_question_after_the_closing_and_writes_nothing(tmp_path: Path) -> None:
    change = next(row[1] for row in BROKEN if row[0] == "question-after-the-closing")
    source = tmp_path / "q.md"
    source.write_text(changed(change), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke("epub", "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    line = changed(change).splitlines().index("## 还有什么想说？") + 1
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:{line}:1: error E235: " in output, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))
