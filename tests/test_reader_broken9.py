"""Broken and odd sources of the ninth robustness sweep, as WPS, Pages, Word, a CMS and careless
tools save them: a reference-style definition's quoted title (W401s and a W404 for the quotes of
a line that is one E223), an HTML page's own tags ('<script>', '<style>', '<iframe src="…">':
printed, code and all, without a word, and the attribute's quotes were W401s), an HTML comment
left open after the references (called "not a numbered item"), a byte-order mark or a joiner
before a fence or inside its id (three errors for one character), a second BOM on the first line
or one on the closing '---' (named as no front matter at all, or as a '---' to add), dates as
other tools write them (2025/3/8, 2025年3月8日, 二〇二五年三月八日, March 8, 2025: "write
YYYY-MM-DD" and nothing of the day meant), a language named as editors say it ('中文', 'Cantonese',
'ｚｈ-Ｈａｎｔ': "write e.g. zh-Hans"), a hashtag in a printed value (`subtitle: #MeToo 之后`:
YAML's comment, the subtitle dropped without a word), a value opening with '@', '`', '*' (PyYAML's
"cannot start any token"), an interviewer's question pasted inside an answer (printed as the
speaker's words, read in that voice), a stray ':::' under a question (E205 and E215 at one line),
'## 问题 ## {.closing}' (the closing hashes printed as the question's), a joint answer
('::: answer suwen hechuan': "cannot read"), and an HTML tag in an answer's 'role='.

As in the eighth sweep's tests, each row changes the bundled test title in one place; the line
is where the row's `needle` stands, the column where its `at` stands on that line. An error row
is the source's only diagnostic (one fault, one message: no warning rides on it); a warning row
leaves the source buildable. Odd-but-fine rows read clean, hold their text and not what the
editor did not mean. Three cheap counts guard the speed of 'publish check' on a source of
megabytes. (No build here: a source error refuses every build the same way, whatever its code,
which the earlier sweeps' build tests show; this file stays a few seconds.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.token import Token

import pipeline.check as checking
from pipeline.check import check
from pipeline.reader import read_with_diagnostics
from pipeline.sourcetext import split_lines
from tests.test_reader_broken4 import BASE, changed
from tests.test_reader_broken6 import _model_text, line_and_col
from tests.test_reader_broken7 import _found

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
ARTICLE = "2025年1月起"
QUESTION = "## 夜间阅览室还缺什么？"
CLOSING = "## 给夜读的人一句话 {.closing}"
FENCE = "::: answer suwen\n我上夜班"
END = "  行长: háng zhǎng\n---"
SUBTITLE = "subtitle: 城东图书馆夜间阅览室的四位常客"
CREDIT = 'credit: "本文为测试稿，作者：林小满，编辑：周一"'
DATE = "date: 2025-03-08"
NOT_ISO = "is not written YYYY-MM-DD: write 2025-03-08"
ASKED = "is a question inside 老周's answer: every edition prints it as 老周's words"


def answer(new: str) -> tuple[str, str]:
    return LINE, new


def defined(definition: str) -> tuple[str, str]:
    """A reference-style link in the first answer, with its definition as a paragraph below it."""
    return LINE, LINE.replace("孙子", "[孙子][1]") + "\n\n" + definition


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- E223 alone: a definition's title is the definition's, no W401 / W404 for its quotes -------
    ("definition-with-a-chinese-title", defined('[1]: https://example.org "馆方公告"'), "E223", "[1]: https", None,
     "a reference-style link's definition"),
    ("definition-with-an-english-title", defined('[1]: https://example.org "Notice, here"'), "E223", "[1]: https",
     None, "a reference-style link's definition"),
    ("definition-with-a-single-quoted-title", defined("[公告]: https://example.org '馆方：公告'"), "E223", "[公告]:",
     None, "definition"),
    # -- E227: a web page's own tags, printed code and all (and no W401s for an attribute's quotes) --
    ("script-tag", answer(LINE + "\n\n<script>alert(1)</script>"), "E227", "<script>", "<script>", "'<script>'"),
    ("style-tag", answer(LINE + "\n\n<style>p{color:red}</style>"), "E227", "<style>", "<style>", "'<style>'"),
    ("iframe-with-quoted-attributes", answer(LINE + '\n\n<iframe src="https://v.qq.com/x"></iframe>'), "E227",
     "<iframe", "<iframe", "'<iframe src=\"https://v.qq.com/x\">'"),
    ("video-tag-in-the-article", (ARTICLE, '<video controls src="a.mp4"></video>\n\n' + ARTICLE), "E227", "<video",
     "<video", "'<video controls"),
    ("html-tag-in-a-role", ("::: answer suwen role=图书馆志愿者协调人", "::: answer suwen role=<b>志愿者</b>"), "E227",
     "role=<b>", "<b>", "the HTML tag '<b>' in 'role=' is printed as written"),
    # -- E225 for a comment, with its quotes and colon no W401s; and after the references ---------
    ("comment-with-quotes", answer(LINE + '\n\n<!-- 编辑: "周一" 待核实 -->'), "E225", "<!--", "<!--",
     "an HTML comment '<!-- 编辑"),
    ("comment-left-open-after-the-references", ("2. 微博：@城东图书馆", "2. 微博：@城东图书馆\n\n<!-- 待补充"), "E225",
     "<!-- 待补充", None, "an HTML comment '<!-- 待补充'"),
    # -- E219 alone for an invisible character before a fence or inside its id ---------------------
    ("bom-before-an-answer-fence", (FENCE, "\ufeff" + FENCE), "E219", "\ufeff::: answer suwen", None, "U+FEFF"),
    ("joiner-inside-the-fence-id", (FENCE, FENCE.replace("suwen", "su\u200dwen")), "E219", "su\u200dwen", "\u200d",
     "U+200D"),
    ("soft-hyphen-inside-the-fence-id", (FENCE, FENCE.replace("suwen", "su\u00adwen")), "E219", "su\u00adwen",
     "\u00ad", "U+00AD"),
    # -- E206 / E201: a joint answer, two speakers' ids on one fence ----------------------------------
    ("joint-answer-of-two-ids", (FENCE, "::: answer suwen hechuan\n我上夜班"), "E206", "answer suwen hechuan",
     "hechuan", "names 2 speakers: an answer is one speaker's; write each one's words in a fence of their own"),
    ("joint-answer-ids-joined-by-a-comma", (FENCE, "::: answer suwen、hechuan\n我上夜班"), "E201", "suwen、hechuan",
     "suwen", "'suwen、hechuan' names 2 speakers"),
    # -- E101 naming the invisible character on a front matter's fence line -----------------------
    ("second-bom-on-the-first-line", ("---\nid:", "\ufeff\ufeff---\nid:"), "E101", "\ufeff---", None,
     "the first line holds the invisible U+FEFF beside its '---'"),
    ("zero-width-space-on-the-first-line", ("---\nid:", "\u200b---\nid:"), "E101", "\u200b---", None, "U+200B"),
    ("bom-on-the-closing-line", (END, END.replace("\n---", "\n\ufeff---")), "E101", "\ufeff---", None,
     "does not close the front matter: it holds the invisible U+FEFF"),
    # -- E104: a date as other tools write it, with the day meant -----------------------------------
    ("date-with-slashes", (DATE, "date: 2025/3/8"), "E104", "date:", "2025", NOT_ISO),
    ("date-in-chinese", (DATE, "date: 2025年3月8日"), "E104", "date:", "2025", NOT_ISO),
    ("date-in-chinese-numerals", (DATE, "date: 二〇二五年三月八日"), "E104", "date:", "二", NOT_ISO),
    ("date-compact", (DATE, "date: 20250308"), "E104", "date:", "2025", NOT_ISO),
    ("date-with-dots", (DATE, "date: '2025.03.08'"), "E104", "date:", "'", NOT_ISO),
    ("date-with-a-month-name", (DATE, "date: March 8, 2025"), "E104", "date:", "March", NOT_ISO),
    ("date-with-a-time", (DATE, "date: 2025-03-08 10:00"), "E104", "date:", "2025", NOT_ISO),
    ("date-read-two-ways", (DATE, "date: 08/03/2025"), "E104", "date:", "08", "write 2025-03-08 or 2025-08-03"),
    ("date-with-a-two-digit-year", (DATE, "date: 25-03-08"), "E104", "date:", "25",
     "write the year in full: 2008-03-25 or 2025-03-08?"),
    # -- E237: a hashtag in a printed value, which YAML read as a comment ---------------------------
    ("hashtag-opening-the-subtitle", (SUBTITLE, "subtitle: #MeToo 之后"), "E237", "subtitle:", "#",
     "the value of 'subtitle' opens with '#', so YAML read all of it, '#MeToo 之后', as a comment"),
    ("weibo-topic-as-the-title", ("title: 灯下夜读", "title: #灯下夜读# 城东图书馆"), "E237", "title: #", "#",
     "the value of 'title' opens with '#'"),
    ("tag-after-the-credit", (CREDIT, "credit: 本文为测试稿 #城东周报"), "E237", "credit:", "#",
     "every edition prints '本文为测试稿' alone"),
    ("hashtag-opening-a-role", ("    role: 图书馆夜班馆员", "    role: #夜班 馆员"), "E237", "role: #", "#",
     "the value of 'role' opens with '#'"),
    ("tag-after-an-author-item", ("authors: [林小满]", "authors:\n  - 林小满 #城东周报"), "E237", "- 林小满", "#",
     "put the whole value in quotes, - \"林小满 #城东周报\""),
    # -- E102 in the editor's words for a value YAML keeps the first character of ---------------------
    ("editor-opening-with-an-at-sign", ("editor: 周一", "editor: @周一"), "E102", "editor: @", "@",
     "a value cannot start with '@', '`' or '%'"),
    ("editor-in-backticks", ("editor: 周一", "editor: `周一`"), "E102", "editor: `", "`", "cannot start with"),
    ("editor-opening-with-a-star", ("editor: 周一", "editor: *周一*"), "E102", "editor: *", "周",
     "a value starting with '*' or '&' reads as a YAML alias or anchor"),
    # -- E215 alone for a stray ':::' under a question (it was E205 too) ----------------------------
    ("closing-fence-typed-twice", ("小说回去。\n:::", "小说回去。\n:::\n:::  "), "E215", ":::  ", None,
     "':::' closes nothing"),
    # -- E104: a language named as editors say it, with the tag meant ---------------------------------
    ("language-named-in-chinese", ("language: zh-Hans", "language: 中文"), "E104", "language:", "中文",
     "'中文' is not a BCP 47 language tag: write zh-Hans (zh-Hant for a text in traditional characters)"),
    ("language-named-in-english", ("language: zh-Hans", "language: Cantonese"), "E104", "language:", "Cantonese",
     "write yue"),
    ("language-in-full-width-letters", ("language: zh-Hans", "language: ｚｈ-Ｈａｎｔ"), "E104", "language:", "ｚ",
     "write zh-Hant"),
    ("language-with-a-space", ("language: zh-Hans", "language: zh CN"), "E104", "language:", "zh", "write zh-CN"),
]

# (id, (old, new) change, text the model must hold, text it must not)
CLEAN = [
    ("closing-hashes-before-the-kind", (CLOSING, "## 给夜读的人一句话 ## {.closing}"), ["给夜读的人一句话"], ["##"]),
    ("closing-hashes-of-a-question", (QUESTION, QUESTION + " ##"), ["夜间阅览室还缺什么？"], ["##"]),
    ("paragraph-indented-with-ideographic-spaces", (ARTICLE, "\u3000\u3000" + ARTICLE), ["2025年1月起"],
     ["\u3000\u30002025"]),
    ("a-comment-meant-after-the-title", ("title: 灯下夜读", "title: 灯下夜读  # 暂定"), ["灯下夜读"], ["暂定"]),
    ("hashtag-in-quotes", (SUBTITLE, 'subtitle: "#MeToo 之后"'), ["#MeToo 之后"], []),
    ("hash-inside-a-word", ("editor: 周一", "editor: 周一（C#组）"), ["周一（C#组）"], []),
    ("hash-in-a-block-value", (CREDIT, "credit: |\n  本文为测试稿 #城东周报"), ["本文为测试稿 #城东周报"], []),
    ("question-the-speaker-retells", answer(LINE + "\n\n他问：你怎么天天来？我说图书馆安静。"), ["他问：你怎么天天来？"], []),
    ("rhetorical-question-in-an-answer", answer(LINE + "\n\n你问我为什么？因为安静。"), ["你问我为什么？"], []),
    ("fence-with-a-tab-after-the-colons", (FENCE, FENCE.replace("::: ", ":::\t")), ["我上夜班"], []),
    ("closing-fence-with-trailing-spaces", ("慢慢看。\n:::", "慢慢看。\n:::   "), ["书不会跑，慢慢看。"], []),
    ("speaker-id-declared-with-trailing-spaces", ("  - id: suwen ", "  - id: 'suwen   ' "), ["我上夜班"], []),
    ("note-before-the-questions", ("## 你为什么", "::: note\n（本文采访于2025年2月。）\n:::\n\n## 你为什么"),
     ["（本文采访于2025年2月。）"], []),
    ("authors-as-one-string", ("authors: [林小满]", "authors: 林小满"), ["林小满"], []),
    ("escaped-html-tag", (ARTICLE, "\\<script> 是网页的标签。" + ARTICLE), ["<script> 是网页的标签。"], []),
]


def _held(document) -> str:
    meta = document.meta
    return "\n".join([_model_text(document), meta.title, meta.subtitle or "", meta.editor or "", meta.credit or "",
                      *meta.authors])


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 30 and len({row[0] for row in BROKEN}) == len(BROKEN)
    assert len(CLEAN) >= 10 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in BROKEN + CLEAN:
        changed(row[1])  # (the old text stands once in the base)


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), BROKEN, ids=[row[0] for row in BROKEN])
def test_the_fault_is_named_where_it_stands_and_alone(tmp_path: Path, name, change, code, needle, at, said) -> None:
    text = changed(change)
    line, col = line_and_col(text, needle, at)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    diagnostics = check(path, pinyin=False)[1]
    _found(diagnostics, code, line, col, said)
    assert [d.code for d in diagnostics] == [code], [str(d) for d in diagnostics]  # one fault, one message


@pytest.fixture(scope="module")
def all_clean(tmp_path_factory) -> tuple:
    """Every odd-but-fine change in one source, checked once (a check of a source that reads is
    0.1–0.4 s, most of it casting both engines' voices): a row whose change were a fault would
    show in the diagnostics, named at its line."""
    text = BASE
    for _name, (old, new), _shown, _absent in CLEAN:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("clean") / "t.md"
    path.write_text(text, encoding="utf-8")
    return check(path, pinyin=False)


@pytest.mark.parametrize(("name", "change", "shown", "absent"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(all_clean, name, change, shown, absent) -> None:
    document, diagnostics = all_clean
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _held(document)
    assert all(expected in held for expected in shown), (shown, held[:600])
    assert not [unwanted for unwanted in absent if unwanted in held], (absent, held[:600])


# (change, the line holding this text gets the W426, what it says)
ASKED_IN_ANSWERS = [
    (answer(LINE + "\n\n问：那白天呢？\n\n白天在家。"), "问：那白天呢？", f"'问：那白天呢？' {ASKED}"),
    (("记得带充电器，插座在靠墙那一排。", "记得带充电器。\n\n**记者：为什么是晚上？**"), "**记者：", "it is the chapter '## 为什么是晚上？'"),
    (("书不会跑，慢慢看。", "书不会跑。\n\nＱ２：那白天呢？"), "Ｑ２", "'Ｑ２：那白天呢？' is a question inside 老周's answer"),
]


def test_an_interviewers_question_inside_an_answer_is_w426(tmp_path: Path) -> None:
    """A labelled question pasted inside an answer ('问：…', '**记者：…**', 'Ｑ２：…') was printed as
    the speaker's words and read in that voice, without a word. (Three in one source: a check of a
    source that reads costs what casting the voices costs.)"""
    text = BASE
    for (old, new), _needle, _said in ASKED_IN_ANSWERS:
        text = text.replace(old, new)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    document, diagnostics = check(path, pinyin=False)
    assert document is not None and [d.code for d in diagnostics] == ["W426"] * 3, [str(d) for d in diagnostics]
    for _change, needle, said in ASKED_IN_ANSWERS:
        _found(diagnostics, "W426", line_and_col(text, needle, None)[0], 1, said)


# -- the speed of 'publish check' on a source of megabytes (5 MB took 17 s): counted, never timed --

def test_the_line_rules_read_each_line_once_and_only_the_lines_they_need(monkeypatch) -> None:
    """W401 and W404 both read each line's half-width marks: found twice, a tenth of the check;
    W423 read every line a character at a time for a combining mark the text does not hold."""
    calls: list[str] = []
    searched: list[str] = []
    found, marks = checking.half_width_marks, checking.stray_combining_marks
    monkeypatch.setattr(checking, "half_width_marks", lambda text: calls.append(text) or found(text))
    monkeypatch.setattr(checking, "stray_combining_marks", lambda text: searched.append(text) or marks(text))
    source = checking._SourceText.of(split_lines(changed(answer(LINE.replace("孙子", "孙\u0301子")))))
    for rule in checking.LINE_RULES:
        rule(source, "t.md")
    assert calls and len(calls) == len(source.prose), (len(calls), len(source.prose))
    assert [text for text in searched if "\u0301" not in text] == [] and len(searched) == 1, searched


def test_each_character_is_judged_once_for_a_reading(tmp_path: Path, monkeypatch) -> None:
    """W414's search judged every character of every line in turn (a Python loop over 5 MB)."""
    import pipeline.syllables as syllables

    judged: list[str] = []
    has_reading = syllables.has_reading
    monkeypatch.setattr(syllables, "has_reading", lambda char: judged.append(char) or has_reading(char))
    path = tmp_path / "t.md"
    path.write_text(BASE, encoding="utf-8")
    document = read_with_diagnostics(path).document
    assert checking._unread_ideographs(document, checking._SourceText.of(split_lines(BASE))) == []
    assert judged and len(judged) == len(set(judged)), (len(judged), len(set(judged)))


def test_a_paragraph_without_a_verse_line_is_read_without_a_copy(tmp_path: Path, monkeypatch) -> None:
    """Each paragraph's inline token was copied before its spans were read, verse or not."""
    copies: list[Token] = []
    copy = Token.copy
    monkeypatch.setattr(Token, "copy", lambda self, **changes: copies.append(self) or copy(self, **changes))
    path = tmp_path / "t.md"
    path.write_text(changed(answer(LINE.replace("。我", "。\\\n我"))), encoding="utf-8")  # (one verse paragraph)
    document = read_with_diagnostics(path).document
    assert document is not None and len(copies) == 2, copies  # (its two lines; the others are read as they stand)
