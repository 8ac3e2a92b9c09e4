"""Broken and odd sources of the sixth robustness sweep, as editors' tools and habits make them:
files saved as UTF-16 or UTF-32 without a byte-order mark (read as UTF-8 they gave a vague error
at a byte of line 4, or "the first line must be '---'"); mojibake, UTF-8 read as Windows-1252 and
saved again ('ä½ å¥½', printed in every edition without a word, or called "invisible characters");
Markdown of other dialects ('~~struck~~', '==marked==', printed as written, struck-out words and
all); links whose address holds a space (printed as written, no link); an empty reference or list
item (left out and numbered past); a backslash ending a paragraph (printed); more than one
'role=…' on an answer's line (printed in the label); two chapter kinds or ids in one heading (one
dropped); a '###' heading inside an answer (five errors, "still open" for a closed answer); a
reference listed twice.

Each row changes the bundled test title in one place. The yardstick is the changed text itself:
the line is where the row's `needle` stands (found with str.index, never by the reader), the
column where its `at` stands on that line; `said` is a piece of what the message must tell the
editor. Errors are the only error of the source; warnings leave it buildable. Rows that are odd
but fine read with no problem and keep their text in the model. Reader-level, so the file costs
seconds: one small build shows a broken source refused with nothing written, and an odd one built.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.reader import read_data, read_text
from tests.test_reader_broken4 import ANSWER, BASE, changed, invoke
from tests.test_reader_broken4 import line_and_col as _line_and_col

LINE = next(line for line in BASE.splitlines() if line.startswith(ANSWER))  # the first answer's line
ARTICLE = next(line for line in BASE.splitlines() if line.startswith("馆方把这个项目"))
LIST = "1. 饮水机最好开到闭馆。\n2. 期刊架上的旧杂志该换了。\n3. 闭馆前十分钟的提示音可以再轻一点。"
REFERENCE = "2. 微博：@城东图书馆"
ROLE = "::: answer suwen role=图书馆志愿者协调人"
CLOSING = "## 给夜读的人一句话 {.closing}"
NOTE = "（文中何川为化名。）"


def garble(text: str) -> str:
    """`text` as a program that reads UTF-8 as Windows-1252 saves it again (a byte cp1252 has no
    letter for stays a C1 control, as Windows' own conversion keeps it)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))


def latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def answer(new: str) -> tuple[str, str]:
    return LINE, new


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text on that line
# or None for column 1, said: what the message must say)
BROKEN = [
    # -- E234: mojibake, UTF-8 read as Windows-1252 / Latin-1 and saved again ------------------------
    ("mojibake-in-an-answer", answer(garble("白天家里孙子闹") + "，晚上这里安静。"), "E234", "安静。", garble("白天")[:1],
     "it stands for '白天家里孙子闹'"),
    ("mojibake-read-as-latin-1", answer(latin1("白天家里孙子闹") + "，晚上这里安静。"), "E234", "安静。", latin1("白")[:1],
     "it stands for '白天家里孙子闹'"),
    ("mojibake-of-curly-quotes", ("叫作“灯下夜读”", "叫作" + garble("“") + "灯下夜读" + garble("”")), "E234",
     "灯下夜读" + garble("”"), garble("“"), "it stands for '“'"),
    ("mojibake-in-a-heading", ("## 夜间阅览室还缺什么？", "## " + garble("夜间阅览室") + "还缺什么？"), "E234", "还缺什么？",
     garble("夜")[:1], "it stands for '夜间阅览室'"),
    ("mojibake-in-the-title", ("title: 灯下夜读", "title: " + garble("灯下夜读")), "E234", "title: " + garble("灯")[:1],
     garble("灯")[:1], "it stands for '灯下夜读'"),
    ("mojibake-in-a-speakers-name", ("name: 苏雯", "name: " + garble("苏雯")), "E234", "name: " + garble("苏"), garble("苏")[:1],
     "it stands for '苏雯'"),
    ("mojibake-of-a-no-break-space", answer("白天家里孙子闹，" + garble("\u00a0") + "晚上这里安静。"), "E234", "安静。",
     garble("\u00a0")[:1], "Windows-1252"),
    # -- E233: strikethrough and highlighting of other Markdown dialects, printed as written ------------
    ("strikethrough-in-an-answer", answer("白天家里~~孙子~~闹，晚上这里安静。"), "E233", "~~孙子~~", "~~", "no strikethrough"),
    ("strikethrough-in-the-article", (ARTICLE, ARTICLE.replace("开放一年来", "开放~~半年~~一年来")), "E233", "~~半年~~", "~~",
     "no strikethrough"),
    ("strikethrough-in-a-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览室~~还~~缺什么？"), "E233", "~~还~~", "~~", "'~~还~~'"),
    ("strikethrough-in-a-list-item", ("2. 期刊架上的旧杂志该换了。", "2. 期刊架上的~~旧~~杂志该换了。"), "E233", "~~旧~~", "~~",
     "no strikethrough"),
    ("strikethrough-in-a-quote", answer("> 白天家里~~孙子~~闹，晚上这里安静。"), "E233", "~~孙子~~", "~~", "no strikethrough"),
    ("highlight-in-an-answer", answer("白天家里==孙子闹==，晚上这里安静。"), "E233", "==孙子闹==", "==", "no highlighting"),
    ("highlight-in-a-note", (NOTE, "（文中==何川==为化名。）"), "E233", "==何川==", "==", "no highlighting"),
    # -- E223: a link Markdown did not read (a space in its address), a mail link to no one ---------
    ("link-with-a-space-in-its-address", answer("白天家里[孙子闹](https://example.org/a b)，晚上这里安静。"), "E223",
     "[孙子闹](https", "[孙子闹]", "holds a space"),
    ("address-in-angle-brackets-with-a-space", answer("白天家里<https://example.org/a b>，晚上这里安静。"), "E223",
     "<https://example.org/a b>", "<https", "holds a space"),
    ("reference-link-with-a-space", (REFERENCE, "2. [微博](https://weibo.com/ chengdong)"), "E223", "2. [微博]", "[微博]",
     "holds a space"),
    ("mail-link-with-a-space", answer("白天家里[来信](mailto:reader @example.org)，晚上这里安静。"), "E223", "[来信]", "[来信]",
     "holds a space"),
    ("mail-link-to-no-one", answer("白天家里[来信](mailto:)，晚上这里安静。"), "E223", "[来信](mailto:)", "[来信]", "'mailto:'"),
    ("link-with-a-title", answer('白天家里[孙子闹](https://example.org "馆方公告")，晚上这里安静。'), "E230", "馆方公告", "馆方公告",
     "the link's title '馆方公告' is shown by no edition"),
    # -- E210: a reference with no text ------------------------------------------------------------
    ("reference-with-no-text", (REFERENCE, "2."), "E210", "2.", None, "a reference with no text"),
    ("reference-that-is-an-empty-link", (REFERENCE, "2. [](https://weibo.com/chengdong)"), "E210", "2. [](", None,
     "a reference with no text"),
    ("first-reference-with-no-text", ("1. 城东图书馆延长夜间开放时间", "1.\n2. 城东图书馆延长夜间开放时间"), "E210", "1.", None,
     "a reference with no text"),
    # -- E206: more after the role than the one 'role=…' the line takes ----------------------------
    ("second-role-on-the-line", (ROLE, ROLE + " role=志愿者"), "E206", ROLE, " role=志愿者", "'role=志愿者' after the role"),
    ("language-after-the-role", (ROLE, ROLE + " lang=en"), "E206", ROLE, " lang=en", "'lang=en' after the role"),
    ("attribute-block-after-the-role", (ROLE, ROLE + " {.aside}"), "E206", ROLE, " {.aside}", "'{.aside}' after the role"),
    ("quoted-roles-twice", (ROLE, '::: answer suwen role="协调人" role="志愿者"'), "E206", "role=\"志愿者", " role=\"志愿者",
     "one 'role=…'"),
    ("class-key-after-the-role", (ROLE, ROLE + " class=x"), "E206", ROLE, " class=x", "'class=x' after the role"),
    # -- E224: two chapter kinds or two ids in one heading (one was dropped) ----------------------
    ("closing-and-references", (CLOSING, "## 给夜读的人一句话 {.closing .references}"), "E224", "给夜读的人", None, "two kinds"),
    ("references-and-closing", (CLOSING, "## 给夜读的人一句话 {.references .closing}"), "E224", "给夜读的人", None, "two kinds"),
    ("two-chapter-ids", ("## 夜间阅览室还缺什么？", "## 夜间阅览室还缺什么？ {#needs #wants}"), "E224", "{#needs", None,
     "two ids"),
    ("two-ids-around-a-kind", (CLOSING, "## 给夜读的人一句话 {#last .closing #end}"), "E224", "给夜读的人", None, "'#last' alone"),
    # -- E211: a heading of another level inside an answer or a note, one error where it stands ------
    ("subheading-inside-an-answer", answer("### 小标题\n\n" + LINE), "E211", "### 小标题", None, "inside the answer"),
    ("level-one-heading-inside-an-answer", answer("# 小标题\n\n" + LINE), "E211", "# 小标题", None, "'#' heading inside"),
    ("level-four-heading-inside-a-note", (NOTE, "#### 附注\n\n" + NOTE), "E211", "#### 附注", None, "inside the note"),
    ("level-five-heading-inside-the-closing", ("书不会跑，慢慢看。", "##### 最后\n\n书不会跑，慢慢看。"), "E211", "##### 最后",
     None, "inside the answer"),
    ("level-six-heading-ending-an-answer", ("心里挺踏实。\n:::", "心里挺踏实。\n\n###### 完\n:::"), "E211", "###### 完", None,
     "write it as a paragraph"),
    # -- E100: a file in a two- or four-byte encoding (bytes rows below) --------------------------------
    # -- E101: the first line '---' with text after it ----------------------------------------------
    ("front-matter-opened-with-a-word", ("---\nid:", "--- yaml\nid:"), "E101", "--- yaml", None,
     "'--- yaml' must be exactly '---'"),
    ("front-matter-opened-on-a-fields-line", ("---\nid:", "---id:"), "E101", "---id:", None, "must be exactly '---'"),
    # -- E201: an id typed through an IME or in capitals, named with the id it stands for ------------
    ("speaker-id-in-full-width-letters", ("::: answer suwen\n我上", "::: answer ｓｕｗｅｎ\n我上"), "E201", "answer ｓｕｗｅｎ",
     "ｓｕｗｅｎ", "did you mean 'suwen'?"),
    ("speaker-id-in-full-width-capitals", ("::: answer suwen\n我上", "::: answer Ｓｕｗｅｎ\n我上"), "E201", "answer Ｓｕｗｅｎ",
     "Ｓｕｗｅｎ", "did you mean 'suwen'?"),
    ("speaker-id-in-capitals", ("::: answer suwen\n我上", "::: answer SUWEN\n我上"), "E201", "answer SUWEN", "SUWEN",
     "did you mean 'suwen'?"),
    # -- E102: a field's name followed by an IME's full-width colon, named at its own line ------------
    ("field-with-a-full-width-colon", ("editor: 周一", "editor：周一"), "E102", "editor：", None, "'editor：周一' has a full-width"),
    ("first-field-with-a-full-width-colon", ("title: 灯下夜读", "title：灯下夜读"), "E102", "title：", None, "full-width colon"),
    ("speakers-field-with-a-full-width-colon", ("    name: 苏雯", "    name：苏雯"), "E102", "name：苏雯", "name", "full-width colon"),
    ("speaker-id-with-a-full-width-colon", ("  - id: suwen ", "  - id：suwen "), "E102", "id：suwen", "id", "'- id：suwen' has"),
    ("last-field-with-a-full-width-colon", ("  行长: háng zhǎng\n---", "  行长: háng zhǎng\ncredit2：x\n---"), "E102", "credit2：",
     None, "full-width colon"),
    ("pronunciation-with-a-full-width-colon", ("  行长: háng zhǎng", "  行长：háng zhǎng"), "E104", "行长：", "行长",
     "'行长：háng zhǎng' has a full-width '：'"),
    ("voice-with-a-full-width-colon", ("voice: {gender: female}", "voice: gender：female"), "E104", "gender：female",
     "gender", "has a full-width '：'"),
    # -- warnings: the title builds, check says what every edition does -----------------------------
    ("backslash-ending-an-answer", answer(LINE + "\\"), "W421", "借一本小说回去。\\", "\\", "is printed"),
    ("backslash-ending-a-verse", answer("床前明月光，\\\n疑是地上霜。\\"), "W421", "疑是地上霜。\\", "\\", "is printed"),
    ("backslash-ending-the-article", (ARTICLE, ARTICLE + "\\"), "W421", "夜晚。\\", "\\", "is printed"),
    ("backslash-ending-a-note", (NOTE, NOTE + "\\"), "W421", NOTE + "\\", "\\", "is printed"),
    ("backslash-and-spaces-ending-a-list-item", ("3. 闭馆前十分钟的提示音可以再轻一点。", "3. 闭馆前十分钟的提示音可以再轻一点。\\  "),
     "W421", "再轻一点。\\", "\\", "is printed"),
    ("numbered-item-with-no-text", (LIST, LIST.replace("2. 期刊架上的旧杂志该换了。", "2.")), "W417", "2.", None,
     "numbers on past it"),
    ("bullet-with-no-text", answer(LINE + "\n\n- 报纸\n-\n- 小说"), "W417", "-", None, "leaves it out;"),
    ("empty-item-in-a-note-list", (NOTE, NOTE + "\n\n1. 一\n2.\n3. 三"), "W417", "2.", None, "numbers on past it"),
    ("empty-item-in-the-article", (ARTICLE, ARTICLE + "\n\n- 台灯\n- \n- 打印机"), "W417", "- ", None, "leaves it out;"),
]
# (rows of W412 need the whole check: the repeat is a model rule of pipeline.check)
REPEATS = [
    ("reference-listed-twice", (REFERENCE, "2. 城东图书馆延长夜间开放时间，城东周报，2025年3月1日"), "W412", "2. 城东", None,
     "reference 2 is reference 1 again (line "),
    ("platform-reference-listed-twice", (REFERENCE, REFERENCE + "\n3. 微博：@城东图书馆"), "W412", "3. 微博", None,
     "reference 3 is reference 2 again"),
]

# Files in a wide encoding: (id, bytes, what the message must say). Line 1, column 1, E100.
WIDE = [
    ("utf-16-little-endian-without-a-mark", BASE.encode("utf-16-le"), "UTF-16 (little-endian) without a byte-order mark"),
    ("utf-16-big-endian-without-a-mark", BASE.encode("utf-16-be"), "UTF-16 (big-endian) without a byte-order mark"),
    ("utf-16-of-latin-text-only", "---\ntitle: Night\n---\n\nText.\n".encode("utf-16-le"), "iconv -f UTF-16LE -t UTF-8"),
    ("utf-16-with-its-mark", BASE.encode("utf-16"), "it is UTF-16 (little-endian): save it again as UTF-8"),
    ("utf-32-with-its-mark", BASE.encode("utf-32"), "it is UTF-32 (little-endian)"),
    ("utf-32-big-endian-without-a-mark", BASE.encode("utf-32-be"), "UTF-32 (big-endian) without a byte-order mark"),
]

# Odd but fine: (id, change, texts the model must hold as the reader reads them)
CLEAN = [
    ("tildes-in-ranges", answer("约100~200人，8~9点，白天~晚上。"), ["约100~200人，8~9点，白天~晚上。"]),
    ("double-tildes-between-digits", answer("约100~~200人来过。"), ["约100~~200人来过。"]),
    ("equals-in-a-formula", answer("白天1+1==2，a==b，晚上这里安静。"), ["白天1+1==2，a==b"]),
    ("strikethrough-in-a-code-span", answer("白天家里`~~孙子~~`闹。"), ["白天家里~~孙子~~闹。"]),
    ("escaped-tildes", answer("白天家里\\~~孙子~~闹。"), ["白天家里~~孙子~~闹。"]),
    ("address-with-a-space-in-angle-brackets", answer("白天家里[孙子闹](<https://example.org/a b>)。"), ["孙子闹"]),
    ("address-with-an-encoded-space", answer("白天家里[孙子闹](https://example.org/a%20b)。"), ["孙子闹"]),
    ("verse-with-backslashes", answer("床前明月光，\\\n疑是地上霜。"), ["床前明月光，", "疑是地上霜。"]),
    ("windows-path-ending-a-paragraph", answer("文件在 C:\\Users\\"), ["C:\\Users\\"]),
    ("escaped-backslash-ending-a-paragraph", answer("白天家里\\\\"), ["白天家里\\"]),
    ("quoted-role-holding-an-equals-sign", (ROLE, '::: answer suwen role="协调人 lang=en"'), []),
    ("role-with-a-space", (ROLE, "::: answer suwen role=Night Owl 协调人"), []),
    ("one-kind-and-an-id", (CLOSING, "## 给夜读的人一句话 {#last .closing}"), ["给夜读的人一句话"]),
    ("one-kind-written-twice", (CLOSING, "## 给夜读的人一句话 {.closing .closing}"), ["给夜读的人一句话"]),
    ("latin-words-with-accents", answer("白天读 Café、naïve、Zoë 和 résumé。"), ["Café、naïve、Zoë 和 résumé"]),
    ("symbols-of-latin-1-in-chinese", answer("埃隆·马斯克说10°C±2，¥100×3，“好”。"), ["埃隆·马斯克说10°C±2，¥100×3，“好”。"]),
    ("subheading-in-the-article", (ARTICLE, "### 缘起\n\n" + ARTICLE), ["缘起"]),
    ("numbered-list-complete", (LIST, LIST), ["饮水机最好开到闭馆。", "期刊架上的旧杂志该换了。"]),
]


def line_and_col(text: str, needle: str, at: str | None) -> tuple[int, int]:
    """As in the fourth sweep's tests, but a needle that is a whole line ('2.', '- ') is found
    as that line (it stands inside others too)."""
    lines = text.splitlines()
    if lines.count(needle) == 1:
        return lines.index(needle) + 1, 1 if at is None else needle.index(at) + 1
    return _line_and_col(text, needle, at)


def _model_text(document) -> str:
    pieces = [s.title or "" for s in document.sections]
    pieces += ["".join(span.text for span in p.spans) for s in document.sections for p in s.paragraphs]
    pieces += ["".join(span.text for span in p.spans) for s in document.sections for a in s.answers for p in a.paragraphs]
    pieces += [a.role or "" for s in document.sections for a in s.answers]
    return "\n".join(pieces)


def _found(diagnostics, code: str, line: int, col: int, said: str) -> None:
    hits = [d for d in diagnostics if (d.code, d.line, d.col) == (code, line, col)]
    assert hits, (code, line, col, [str(d) for d in diagnostics])
    assert said in hits[0].message, hits[0].message


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    rows = BROKEN + REPEATS
    assert len(rows) + len(WIDE) >= 50 and len({row[0] for row in rows + WIDE}) == len(rows) + len(WIDE)
    assert len(CLEAN) >= 15 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in rows + CLEAN:
        assert changed(row[1]) != BASE or row[0] == "numbered-list-complete", row[0]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), BROKEN, ids=[row[0] for row in BROKEN])
def test_the_fault_is_named_where_it_stands(name, change, code, needle, at, said) -> None:
    text = changed(change)
    line, col = line_and_col(text, needle, at)
    if at is not None and at.startswith(" "):  # (the column of what follows the space)
        col += 1
    diagnostics = read_text(text, "t.md").diagnostics
    _found(diagnostics, code, line, col, said)
    if code.startswith("E"):  # one fault, one error: no cascade ("still open", "empty", "invisible")
        assert {d.code for d in diagnostics if d.severity == "error"} == {code}, [str(d) for d in diagnostics]
    else:
        assert not [d for d in diagnostics if d.severity == "error"], [str(d) for d in diagnostics]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at", "said"), REPEATS, ids=[row[0] for row in REPEATS])
def test_a_reference_listed_twice_is_w412(tmp_path: Path, name, change, code, needle, at, said) -> None:
    text = changed(change)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    _found(check(path, pinyin=False)[1], code, *line_and_col(text, needle, at), said)


@pytest.mark.parametrize(("name", "data", "said"), WIDE, ids=[row[0] for row in WIDE])
def test_a_file_in_a_wide_encoding_is_named_for_it(name, data: bytes, said: str) -> None:
    (problem,) = read_data(data, "t.md").diagnostics
    assert (problem.code, problem.line, problem.col) == ("E100", 1, 1) and said in problem.message, problem


def test_mojibake_is_one_error_not_invisible_characters() -> None:
    """Latin-1's reading puts C1 controls among the letters: E219 named each "invisible"."""
    text = changed(answer(latin1("白天家里孙子闹，晚上这里安静。") + "我一般8点到。"))
    assert [d.code for d in read_text(text, "t.md").diagnostics] == ["E234"]


@pytest.mark.parametrize("data", [b"\xf4\x90\x80\x80", b"\xed\xa0\x80", b"\xe0\x80\x80", b"\xf0\x80\x80\x80", b"\xc0\x80"],
                         ids=["past-U+10FFFF", "surrogate", "overlong-3", "overlong-4", "overlong-2"])
def test_letters_whose_bytes_are_no_utf8_are_no_mojibake(data: bytes) -> None:
    """Western letters whose bytes only look like UTF-8 (a code point past U+10FFFF, a surrogate,
    an overlong form: 'ô\\x90€€') raised UnicodeDecodeError from the mojibake check (hypothesis
    found it); they stand for no text, so the source reads as before, without an E234."""
    letters = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)
    text = changed(answer("白天家里孙子闹，晚上这里安静。" + letters))
    assert "E234" not in [d.code for d in read_text(text, "t.md").diagnostics]


def test_a_subheading_in_an_open_answer_leaves_the_open_answer_reported() -> None:
    text = changed(("心里挺踏实。\n:::", "心里挺踏实。\n\n### 附记\n\n再说一句。"))
    codes = {(d.code, d.line) for d in read_text(text, "t.md").diagnostics}
    assert ("E211", line_and_col(text, "### 附记", None)[0]) in codes
    assert ("E213", line_and_col(text, "我上夜班", None)[0] - 1) in codes  # (the answer's opening line)


@pytest.mark.parametrize(("name", "change", "shown"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_read_clean_with_their_text(tmp_path: Path, name, change, shown) -> None:
    text = changed(change)
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    document, diagnostics = check(path, pinyin=False)
    assert document is not None and not diagnostics, [str(d) for d in diagnostics]
    held = _model_text(document)
    for expected in shown:
        assert expected in held, (expected, held[:600])
    if name.startswith(("quoted-role", "role-with")):
        (role,) = [a.role for s in document.sections for a in s.answers if a.role]
        assert role == ("协调人 lang=en" if name.startswith("quoted") else "Night Owl 协调人")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[tuple[int, str]]]:
    """One EPUB build of a broken source (it must refuse, writing nothing) and one of a source
    holding every odd-but-fine change at once (as written)."""
    import os

    root = tmp_path_factory.mktemp("b6")
    here = os.getcwd()
    os.chdir(root)
    try:
        runs = []
        for name, text in (("broken", changed(answer("白天家里~~孙子~~闹，晚上这里安静。"))), ("odd", _all_clean())):
            source = root / f"{name}.md"
            source.write_text(text, encoding="utf-8")
            runs.append(invoke("epub", "--source", str(source), "--out", str(root / name)))
    finally:
        os.chdir(here)
    return root, runs


def _all_clean() -> str:
    text = BASE
    for name in ("tildes-in-ranges", "one-kind-and-an-id", "symbols-of-latin-1-in-chinese", "quoted-role-holding-an-equals-sign"):
        old, new = next(row[1] for row in CLEAN if row[0] == name)
        if name == "symbols-of-latin-1-in-chinese":
            old, new = "记得带充电器，", "埃隆·马斯克说10°C±2，¥100×3，"
        text = text.replace(old, new)
    return text


def test_a_build_refuses_the_broken_source_and_writes_nothing(built) -> None:
    root, runs = built
    exit_code, output = runs[0]
    text = changed(answer("白天家里~~孙子~~闹，晚上这里安静。"))
    line, col = line_and_col(text, "~~孙子~~", "~~")
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{root / 'broken.md'}:{line}:{col}: error E233: " in output, output
    assert not (root / "broken").exists() or not any((root / "broken").rglob("*"))


def test_the_odd_source_builds_with_its_text(built) -> None:
    from tests.readback import read_back

    root, runs = built
    exit_code, output = runs[1]
    assert exit_code == 0, output
    book = read_back(next((root / "odd").glob("*.epub"))).text
    for expected in ("约100~200人，8~9点，白天~晚上。", "埃隆·马斯克说10°C±2，¥100×3，", "协调人 lang=en苏雯"):
        assert expected in book, expected
    assert re.search(r"给夜读的人一句话", book)
