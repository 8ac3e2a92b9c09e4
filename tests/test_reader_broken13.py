"""Broken and odd sources of the thirteenth robustness sweep, as more tools leave them: a review's
CriticMarkup ('{--两份--}', its deleted words printed as meant), a static-site generator's template
tags, a forum's BBCode, pandoc's citations and inline notes, Obsidian's block ids, Bear's nested tags,
a wiki's bold, emoji shortcodes, R Markdown's inline code and chunks, a Jupyter cell, AsciiDoc's
delimited blocks ('____' was W416 twice), reStructuredText's field lists (W401s); a Confluence tag
read as a link too ('<ac:image>': E227 and E223), an office tool's or a custom element's tag in a
front-matter value (silent), LaTeX's dash there and in a role= (silent), a comment typed with the
full-width '＃' (silent, printed with the value); an emoji's presentation selector left after a Han
character; a speaker's name with a space inside on a fence ("cannot read"), a label a middle dot
apart from the speaker's (no hint); a heading of a question's number or the interviewer's label alone
(silent), or with two attribute blocks (the first printed in it, silent); Word's, a WeChat editor's
and Evernote's tags named "the HTML tag"; a question heading inside an answer (its ':::' a third
error); the same fence typed twice (three errors); a note above the article's text (one E205 a
paragraph, saying to put the text inside the note); an empty '-' under speakers ("not nothing");
and `publish check` of two broken files with one slug (it stopped at the clash: neither was checked).

As in the twelfth sweep's tests, each row changes the bundled test title in one place; the line is
where the row's `needle` stands, the column where its `at` stands on that line (in characters). The
body's errors are checked together, once, each the only message of its paragraph; the warnings
together, once; the odd-but-fine rows together, once; the rows that change the file's shape one by
one. One build test shows a build refuses a fault of the sweep and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_reader_broken4 import BASE, changed, invoke
from tests.test_reader_broken6 import line_and_col
from tests.test_reader_broken7 import _found
from tests.test_reader_broken10 import _held
from tests.test_reader_broken12 import _all, _checked

ARTICLE = "2025年1月起"
SUWEN_SECOND = "::: answer suwen role=图书馆志愿者协调人\n我们正在招募夜间志愿者，每周值一次班就行，报名可以扫阅览室门口的二维码。\n:::"


def article(new: str) -> tuple[str, str]:
    """A paragraph of its own above the article's first."""
    return ARTICLE, new + "\n\n" + ARTICLE


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- E233: other tools' marks, printed as written --------------------------------------------
    ("criticmarkup-deletion", ("看完两份报纸", "看完{--两份--}报纸"), "E233", "{--两份--}", "{--",
     "CriticMarkup's tracked change"),
    ("criticmarkup-comment", article("馆方回应{>>核实数字<<}。"), "E233", "{>>核实", "{>>", "'{>>…<<}' a comment"),
    ("criticmarkup-substitution", ("有时候也借3D打印机", "有时候也借{~~3D~>三维~~}打印机"), "E233", "{~~3D", "{~~",
     "replaced"),
    ("hugo-shortcode", article('{{< figure src="room.jpg" >}}'), "E233", "{{< figure", None, "Hugo's shortcode"),
    ("liquid-tag", article("{% include ad.html %}"), "E233", "{% include", None, "a template tag"),
    ("bbcode-bold", ("饮水机最好开到闭馆。", "[b]饮水机[/b]最好开到闭馆。"), "E233", "[b]饮水机", "[b]", "BBCode"),
    ("bbcode-quote", article("[quote]核实后再发。[/quote]"), "E233", "[quote]核实", None, "'> …' for [quote]"),
    ("pandoc-citation", ("闭馆前十分钟的提示音", "闭馆前十分钟[@zhang2020]的提示音"), "E233", "[@zhang2020]", "[@",
     "a citation of pandoc's"),
    ("obsidian-block-id", ("插座在靠墙那一排。", "插座在靠墙那一排。 ^b7c2e1"), "E233", "^b7c2e1", "^b7",
     "an Obsidian block id"),
    ("wiki-bold", ("书不会跑", "'''书不会跑'''"), "E233", "'''书不会跑", "'''", "MediaWiki"),
    ("emoji-shortcode", ("开放一年来", "开放一年来:tada:"), "E233", ":tada:", ":tada:", "an emoji's shortcode"),
    ("r-markdown-inline-code", ("期刊架上的旧杂志", "期刊架上的`r n`本旧杂志"), "E233", "`r n`", "`r n`",
     "R Markdown's inline code"),
    ("bear-nested-tag", article("夜读常客 #图书馆/夜读#"), "E233", "#图书馆/夜读#", "#图书馆", "a nested tag of Bear"),
    ("rst-field-list", article(":作者: 张三\n:日期: 2025-03-08"), "E233", ":作者: 张三", None,
     "a reStructuredText field"),
    # -- E212 naming the tool whose code fence it is -------------------------------------------------
    ("r-markdown-chunk", article("```{r}\nsummary(x)\n```"), "E212", "```{r}", None, "an R Markdown or Quarto chunk"),
    ("jupyter-cell", article("```python\nprint(1)\n```"), "E212", "```python", None, "a Jupyter notebook's"),
    # -- E227 alone: a Confluence tag was also a link to 'ac:image' (E223) ------------------------------
    ("confluence-tag-no-link", ("记得带充电器，", "记得带<ac:image>充电器，"), "E227", "<ac:image>", "<ac:",
     "Confluence's storage-format tag"),
    # -- E227 naming the tool whose tag it is (it was "the HTML tag") -------------------------------------
    ("word-span", article('<span style="mso-spacerun:yes">核实。</span>'), "E227", "<span style", None, "Word's HTML tag"),
    ("wechat-editor-section", article('<section data-tools="135编辑器">核实。</section>'), "E227", "<section data",
     None, "a WeChat editor's"),
    ("evernote-media", article('<en-media hash="abc"/>'), "E227", "<en-media", None, "Evernote's tag"),
    # -- E224: two attribute blocks on a heading (the first was printed in it) --------------------------
    ("two-attribute-blocks", ("## 给夜读的人一句话 {.closing}", "## 给夜读的人一句话 {.closing} {.closing}"), "E224",
     "{.closing} {.closing}", None, "printed this one as text of the heading"),
    # -- E206 with the id: a speaker's name with a space inside, on a fence ("cannot read") ------------
    ("fence-name-with-a-full-width-space", ("::: answer suwen\n我上夜班", "::: answer 苏\u3000雯\n我上夜班"), "E206",
     "::: answer 苏\u3000雯", "苏", "it is the name of speaker 'suwen'; write '::: answer suwen'"),
    # -- E205 naming the speaker whose label a middle dot apart is typed as text ------------------------
    ("label-a-middle-dot-apart", (SUWEN_SECOND, "图书馆夜班馆员苏·雯：我们正在招募夜间志愿者。"), "E205",
     "图书馆夜班馆员苏·雯：", None, "the label (but for a middle dot or a space) of speaker 'suwen'"),
    # -- E219: an emoji's presentation selector left after a Han character -----------------------------
    ("presentation-selector-after-han", ("晚上这里安静", "晚上这里安\ufe0f静"), "E219", "安\ufe0f静", "\ufe0f", "U+FE0F"),
]

# Warnings, checked together: (id, change, code, needle, at, said)
WARNED = [
    # a heading of a question's number or the interviewer's label alone (printed as the question): a warning, since a
    # panel may name its chapters '第一问' and put the question below
    ("heading-of-a-number-alone", ("## 夜间阅览室还缺什么？", "## 2."), "W435", "## 2.", None,
     "holds only a question's number"),
    ("heading-of-the-label-alone", ("## 你为什么选在夜里来图书馆？", "## 问："), "W435", "## 问：", None,
     "holds only the interviewer's label"),
    ("latex-dash-in-subtitle", ("subtitle: 城东图书馆夜间", "subtitle: 城东图书馆---夜间"), "W432", "城东图书馆---", "---",
     "in a front-matter value"),
    ("latex-dash-in-role", ("role=图书馆志愿者协调人", "role=图书馆--志愿者协调人"), "W432", "role=图书馆--", "--",
     "in an answer's role="),
    ("full-width-comment-in-a-value", ("editor: 周一", "editor: 周一 ＃暂定"), "W434", "editor: 周一 ＃", "周一",
     "a comment typed with the full-width '＃'"),
    ("confluence-tag-in-title", ("title: 灯下夜读", "title: 灯下<ac:emoticon/>夜读"), "W420", "title: 灯下<ac", "灯下",
     "Confluence's storage-format tag"),
    ("custom-element-in-outlet", ("outlet: 城东周报", "outlet: 城东周报<mp-style-type>"), "W420", "outlet: 城东周报<mp",
     "城东", "'<mp-style-type>'"),
    # (W415 said to delete the space, which made the two one name)
    ("authors-parted-by-a-space", ("authors: [林小满]", "authors: [林小满 王五]"), "W419", "authors: [林小满 王五]", "林小满",
     "holds a space between two names"),
    ("pandoc-inline-note", ("书不会跑，慢慢看。", "书不会跑^[据馆方统计。]，慢慢看。"), "W418", "书不会跑^[", "^[",
     "pandoc's inline footnote"),
    # two section breaks between empty lines are no AsciiDoc block: W416 each, as before
    ("section-breaks-around-a-paragraph", ("插座在靠墙那一排。", "插座在靠墙那一排。\n\n----\n\n带上耳机。\n\n----\n\n别熬太晚。"),
     "W416", "----", None, "the section break '----'"),
]

# Faults that change the file's shape, checked one by one: (id, change, the codes, line of the first, said)
ALONE = [
    # a question heading typed inside an answer: the ':::' below it was an E215 too (the question has no answers: E204)
    ("question-heading-inside-an-answer", ("心里挺踏实。\n:::", "心里挺踏实。\n\n## 那白天呢？\n:::"), ["E213", "E204", "E213"], 54,
     "the ':::' on line 55 below it closes nothing"),
    # a note above the article's text: one E205 a paragraph, each saying to put the text inside the note
    ("note-above-the-article", (ARTICLE, "::: note\n编者按：数字待核实。\n:::\n\n" + ARTICLE), ["E205"], 41,
     "move the note below the article's last paragraph"),
    # the same fence typed twice: an empty answer (E203) and two E213s
    ("a-fence-typed-twice", ("::: answer hechuan", "::: answer hechuan\n::: answer hechuan"), ["E206"], 58,
     "stands twice, on line 57 and here"),
    # one person declared twice, the names a middle dot apart (W410 folded spaces and full-width forms only)
    ("a-speaker-declared-twice-a-middle-dot-apart",
     ("  - id: hechuan ", "  - id: suwen2\n    name: 苏·雯\n    role: 图书馆夜班馆员\n  - id: hechuan "), ["W402", "W410"], 28,
     "are both labelled '图书馆夜班馆员苏·雯'"),
    # a speaker's handle where the id goes (E201 listed the ids), and a handle typed with a full-width '＠'
    ("fence-id-is-the-handle", ("::: answer chengyifan\n我白天", "::: answer @一帆Games\n我白天"), ["E201"], 47,
     "that is the handle of speaker 'chengyifan': write its id, '::: answer chengyifan'"),
    ("handle-with-a-full-width-at", ('    handle: "@一帆Games"', '    handle: "＠一帆Games"'), ["E104"], 23,
     "write '@一帆Games' (a half-width '@')"),
    # a blog's front-matter fields, kept from a post brought over ("did you mean 'account'?" for 'layout')
    ("a-blogs-field", ("editor: 周一", "editor: 周一\nlayout: post"), ["E105"], 9,
     "'layout' is a field of a blog's or a static-site generator's front matter"),
    ("a-blogs-name-for-a-field", ("editor: 周一", "editor: 周一\nsummary: 四位常客谈夜读。"), ["E105"], 9,
     "did you mean 'description'?"),
    ("empty-item-under-speakers", ("speakers:\n", "speakers:\n  -\n"), ["E104"], 17, "item 1 of 'speakers' is empty"),
]

# AsciiDoc's delimited blocks, one source: (mark, what the message names) — each one E233 at its first line
ASCIIDOC = [("____", "an AsciiDoc quote block"), ("****", "an AsciiDoc sidebar"), ("----", "an AsciiDoc listing"),
            ("====", "an AsciiDoc example block")]

# (id, (old, new) change, text the model must hold, text it must not)
CLEAN = [
    ("weibo-topic", ("慢慢看。", "慢慢看。#城东图书馆#"), ["#城东图书馆#"], []),
    ("clock-time", ("我一般8点到", "我一般8:30:00到"), ["8:30:00"], []),
    ("bracketed-letter", ("记得带充电器", "记得带[i]充电器"), ["[i]充电器"], []),
    ("a-power", ("Wi-Fi也从", "Wi-Fi（2^10）也从"), ["2^10"], []),
    ("a-handle-in-brackets", ("脑子是热的", "脑子是热的（见[@一帆Games]）"), ["[@一帆Games]"], []),
    ("letters-and-colons", ("坐靠窗那张桌子", "坐靠窗那张桌子（a:b:c）"), ["a:b:c"], []),
    ("double-braces-around-chinese", ("看完两份报纸", "看完{{两份}}报纸"), ["{{两份}}"], []),
    ("atx-closing-hashes", ("## 夜间阅览室还缺什么？", "## 夜间阅览室还缺什么？ ##"), ["夜间阅览室还缺什么？"], ["？ #"]),
    ("full-width-space-after-an-id", ("::: answer chengyifan\n我白天", "::: answer chengyifan\u3000\n我白天"),
     ["我白天写代码"], []),
    ("a-bracketed-b-alone", ("饮水机最好开到闭馆。", "饮水机最好开到闭馆（选项[b]）。"), ["选项[b]"], []),
]


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    rows = BROKEN + WARNED + ALONE
    assert len(rows) + len(ASCIIDOC) >= 30 and len({row[0] for row in rows}) == len(rows)
    assert len(CLEAN) >= 10 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in rows + CLEAN:
        changed(row[1])  # (the old text stands once in the base)


@pytest.fixture(scope="module")
def all_broken(tmp_path_factory) -> tuple[str, tuple]:
    return _all(BROKEN, tmp_path_factory)


def test_each_fault_gives_one_error(all_broken) -> None:
    """One message a fault: no W401 for a field list's or a shortcode's colons, no W404 for a template's quotes,
    no E223 for a Confluence tag, no W432 for CriticMarkup's '--'."""
    _text, (document, diagnostics) = all_broken
    assert document is None
    assert sorted(d.code for d in diagnostics) == sorted(row[2] for row in BROKEN), [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), BROKEN, ids=[row[0] for row in BROKEN])
def test_the_fault_is_named_where_it_stands(all_broken, name, change, code, needle, at, said) -> None:
    text, (_document, diagnostics) = all_broken
    _found(diagnostics, code, *line_and_col(text, needle, at), said)


@pytest.fixture(scope="module")
def all_warned(tmp_path_factory) -> tuple[str, tuple]:
    return _all(WARNED, tmp_path_factory)


def test_each_warning_row_gives_its_warnings(all_warned) -> None:
    _text, (document, diagnostics) = all_warned
    assert document is not None
    expected = sorted(row[2] for row in WARNED) + ["W416"]  # (two section breaks: one W416 each)
    assert sorted(d.code for d in diagnostics) == sorted(expected), [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), WARNED[:-1], ids=[row[0] for row in WARNED[:-1]])
def test_the_warning_is_named_where_it_stands(all_warned, name, change, code, needle, at, said) -> None:
    text, (_document, diagnostics) = all_warned
    _found(diagnostics, code, *line_and_col(text, needle, at), said)


@pytest.mark.parametrize(("name", "change", "codes", "line", "said"), ALONE, ids=[row[0] for row in ALONE])
def test_a_fault_of_the_files_shape_is_said_once(tmp_path: Path, name, change, codes, line, said) -> None:
    diagnostics = _checked(tmp_path, changed(change))[1]
    assert [d.code for d in diagnostics] == codes, [str(d) for d in diagnostics]
    assert any(d.line == line for d in diagnostics) and any(said in d.message for d in diagnostics), \
        [str(d) for d in diagnostics]


def test_asciidoc_blocks_are_one_error_each_at_their_first_line(tmp_path: Path) -> None:
    """'____' over a quote and under it was two W416s ("section break"), '----' a W416 and an E232."""
    blocks = "".join(f"{mark}\n核实后再发{k}。\n{mark}\n\n" for k, (mark, _what) in enumerate(ASCIIDOC))
    text = changed((ARTICLE, blocks + ARTICLE))
    diagnostics = _checked(tmp_path, text)[1]
    assert [d.code for d in diagnostics] == ["E233"] * len(ASCIIDOC), [str(d) for d in diagnostics]
    lines = text.splitlines()
    for diagnostic, (mark, what) in zip(diagnostics, ASCIIDOC):
        opening = lines.index(mark) + 1
        assert (diagnostic.line, diagnostic.col) == (opening, 1), str(diagnostic)
        assert what in diagnostic.message and f"on line {opening + 2}" in diagnostic.message, diagnostic.message


@pytest.fixture(scope="module")
def all_clean(tmp_path_factory) -> tuple:
    return _all(CLEAN, tmp_path_factory)[1]


@pytest.mark.parametrize(("name", "change", "shown", "absent"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(all_clean, name, change, shown, absent) -> None:
    document, diagnostics = all_clean
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _held(document)
    assert all(expected in held for expected in shown), (shown, held[:600])
    assert not [unwanted for unwanted in absent if unwanted in held], (absent, held[:600])


def test_every_e233_hint_reads_after_its_rows_message() -> None:
    """The hint said "delete the marks (and any words they struck out)" after every row: after a sticker, a
    heading or a template tag it told the editor to do what the row's own message did not."""
    from pipeline.diagnostics import RULES

    assert "struck out" not in RULES["E233"][1] and "delete" not in RULES["E233"][1], RULES["E233"]


def test_check_reads_two_broken_files_with_one_slug_and_names_the_clash(tmp_path: Path) -> None:
    """`publish check` stopped at 'the same slug', and neither file's errors were said."""
    first = changed(("看完两份报纸", "看完{--两份--}报纸"))
    second = changed(("书不会跑", "'''书不会跑'''"))
    (tmp_path / "a.md").write_text(first, encoding="utf-8")
    (tmp_path / "b.md").write_text(second, encoding="utf-8")
    exit_code, output = invoke("check", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert exit_code == 2 and "Traceback" not in output, output
    assert f"{tmp_path / 'a.md'}:44:" in output and "CriticMarkup" in output, output
    assert f"{tmp_path / 'b.md'}:72:1: error E233" in output, output
    assert "have the same slug 'night-library'" in output and "nothing was built" not in output, output


def test_a_build_refuses_a_fault_of_the_sweep_and_writes_nothing(tmp_path: Path) -> None:
    """The check runs before any build: the one error, exit 1, and no edition."""
    source = tmp_path / "c.md"
    source.write_text(changed(("看完两份报纸", "看完{--两份--}报纸")), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke("epub", "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:44:33: error E233: '{{--两份--}}'" in output and output.count(" error E") == 1, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))

