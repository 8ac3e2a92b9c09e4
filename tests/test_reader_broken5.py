"""Broken and odd sources of the fifth robustness sweep, as editors mistype them: character
references misspelt, left unfinished or typed through an IME ('&nbps;', '&nbsp', '＆nbsp；'), or
typed where nothing reads them (a front-matter value, an answer's role=); a '---' or '===' right
under a paragraph (Markdown's underlined heading: a chapter named after the paragraph, or a second
front matter pasted into the body); lists Markdown does not read as lists (①②③, （1）, 1、, •
on consecutive lines: joined into one paragraph) or numbers it does not print as written ('5.'
third is printed （3）); Markdown footnotes ('[^1]'), which the format has not; two authors in
one item ('林小满，王五'); and no-break spaces typed as references between Chinese characters.

Each row changes the bundled test title in one place, as an editor would. The yardstick is the
changed text itself: the line is where the row's `needle` stands, the column where its `at`
stands on that line (str.index, never the reader). Errors make `publish check` exit 1 and every
build refuse without writing a file; warnings leave the title buildable with every sentence; the
message is followed by what to do. Rows that are odd but fine must build clean with every sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.diagnostics import RULES
from tests.readback import han
from tests.test_reader_broken4 import ANSWER, BASE, _body_lines, _epub_lines, changed, invoke, line_and_col

LIST = "1. 饮水机最好开到闭馆。\n2. 期刊架上的旧杂志该换了。\n3. 闭馆前十分钟的提示音可以再轻一点。"
ITEMS = ("饮水机最好开到闭馆。", "期刊架上的旧杂志该换了。", "闭馆前十分钟的提示音可以再轻一点。")
LAST = "我们请四位常客聊了聊他们的夜晚。"
CLOSING = "  行长: háng zhǎng\n---\n"  # the front matter's last line and its closing '---'
ROLE = "role=图书馆志愿者协调人"
ASIDE, LANG = "[（笑）]{.aside}", "[Night Owl Reading]{lang=en}"
SUWEN = "::: answer suwen\n我上夜班，其实是“被迫”夜读的。不过看着读者一个个进来，心里挺踏实。\n:::"  # her first answer
ARTICLE = next(line for line in BASE.splitlines() if line.startswith("馆方把这个项目"))


def listed(*markers: str) -> tuple[str, str]:
    """The answer's numbered list, its items written after these markers, one a line."""
    return LIST, "\n".join(marker + item for marker, item in zip(markers, ITEMS))


def answer_with(new: str) -> tuple[str, str]:
    return ANSWER, new


# (id, (old, new) change to the test title, code, needle: the line must hold it, at: the column's
# text on that line, or None for column 1)
BROKEN = [
    # -- E231: a character reference that is none, or stands where nothing reads it ---------------
    ("reference-name-misspelt", answer_with("白天&nbps;家里孙子闹，晚上这里安静。"), "E231", "白天&nbps;", "&nbps;"),
    ("reference-without-semicolon", answer_with("白天&nbsp家里孙子闹，晚上这里安静。"), "E231", "白天&nbsp家里", "&nbsp"),
    ("reference-in-capitals", answer_with("白天&NBSP;家里孙子闹，晚上这里安静。"), "E231", "白天&NBSP;", "&NBSP;"),
    ("reference-typed-full-width", answer_with("白天＆nbsp；家里孙子闹，晚上这里安静。"), "E231", "＆nbsp；", "＆"),
    ("numeric-reference-without-semicolon", answer_with("白天&#12288家里孙子闹，晚上这里安静。"), "E231", "&#12288家", "&#"),
    ("hex-reference-without-semicolon", answer_with("白天&#x3000家里孙子闹，晚上这里安静。"), "E231", "&#x3000家", "&#"),
    ("reference-misspelt-in-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览室&nbps;还缺什么？"), "E231", "&nbps;", "&"),
    ("reference-misspelt-in-article", ("馆方把这个项目", "馆方把&ldqou;这个项目"), "E231", "&ldqou;", "&"),
    ("reference-misspelt-in-note", ("（文中何川为化名。）", "（文中何川&mdsh;为化名。）"), "E231", "&mdsh;", "&"),
    ("reference-in-the-title", ("title: 灯下夜读", "title: 灯下&middot;夜读"), "E231", "title: 灯下&middot;", "灯下"),
    ("reference-in-a-speakers-name", ("name: 苏雯", "name: 苏&middot;雯"), "E231", "name: 苏&middot;雯", "苏"),
    ("reference-in-a-role-on-the-fence", ("role=图书馆志愿者协调人", "role=志愿者&amp;协调人"), "E231", "role=志愿者&amp;", "&"),
    ("html-comment-in-a-field", ("editor: 周一", "editor: 周一 <!-- 待定 -->"), "E225", "editor: 周一 <!--", "周一"),
    ("html-tag-in-a-field", ("outlet: 城东周报", "outlet: <b>城东周报</b>"), "W420", "outlet: <b>", "<b>"),
    # -- E232: a paragraph underlined, Markdown's other heading ------------------------------------
    ("dashes-under-an-article-paragraph", (LAST, LAST + "\n----"), "E232", "----", None),
    ("equals-under-an-article-paragraph", (LAST, LAST + "\n==="), "E232", "===", None),
    ("dashes-under-a-two-line-paragraph", (ARTICLE, ARTICLE.replace("。开放", "。\n开放") + "\n-----"), "E232", "-----", None),
    ("second-front-matter-in-the-body", ("---\n\n2025年1月起", "---\n\n------\ntitle: 灯下夜读（修订）\nslug: night-2\n-------\n\n"
                                         "2025年1月起"), "E232", "-------", None),
    ("dashes-under-text-between-chapters", ("::: note\n", "附记\n--------\n\n::: note\n"), "E232", "--------", None),
    # -- E101: the front matter's '---' mistyped; E201: a speaker's name misspelt where the id belongs
    ("front-matter-closed-by-four-hyphens", (CLOSING, CLOSING.replace("---", "----")), "E101", "----", None),
    ("front-matter-closed-by-em-dashes", (CLOSING, CLOSING.replace("---", "———")), "E101", "———", None),
    ("front-matter-closed-by-full-width-hyphens", (CLOSING, CLOSING.replace("---", "－－－")), "E101", "－－－", None),
    ("front-matter-closed-by-horizontal-bars", (CLOSING, CLOSING.replace("---", "―――")), "E101", "―――", None),
    ("front-matter-opened-by-em-dashes", ("---\nid:", "———\nid:"), "E101", "———", None),
    ("speakers-name-misspelt-for-the-id", ("::: answer suwen\n我上", "::: answer 苏文\n我上"), "E201", "::: answer 苏文", "苏文"),
    ("answer-typed-as-label-and-colon", (SUWEN, "苏雯：我上夜班，其实是“被迫”夜读的。"), "E205", "苏雯：我上", None),
    ("answer-typed-with-a-misspelt-label", (SUWEN, "苏文：我上夜班，其实是“被迫”夜读的。"), "E205", "苏文：我上", None),
    ("role-typed-with-spaces-around-equals", (ROLE, "role = 图书馆志愿者协调人"), "E206", "role = 图书馆", "role ="),
    ("role-typed-with-a-full-width-colon", (ROLE, "role：图书馆志愿者协调人"), "E206", "role：图书馆", "role："),
    ("role-typed-without-its-key", (ROLE, "图书馆志愿者协调人"), "E206", "::: answer suwen 图书馆", "图书馆"),
    ("answer-on-its-fence-line", ("::: answer laozhou\n书不会跑，慢慢看。\n:::", "::: answer laozhou 书不会跑，慢慢看。:::\n:::"),
     "E206", "::: answer laozhou 书不会跑", "书不会跑"),
    # -- E226: an attribute block Markdown did not attach, printed braces and all ---------------------
    ("aside-after-a-space", (ASIDE, "[（笑）] {.aside}"), "E226", "[（笑）] {.aside}", "{.aside}"),
    ("aside-without-brackets", (ASIDE, "（笑）{.aside}"), "E226", "（笑）{.aside}", "{.aside}"),
    ("aside-in-lenticular-brackets", (ASIDE, "【（笑）】{.aside}"), "E226", "【（笑）】{.aside}", "{.aside}"),
    ("language-after-a-space", (LANG, "[Night Owl Reading] {lang=en}"), "E226", "Reading] {lang", "{lang"),
    ("language-in-curly-single-quotes", (LANG, "[Night Owl Reading]{lang=‘en’}"), "E226", "{lang=‘en’}", "{lang"),
    # -- W417: a list not printed as written ----------------------------------------------------
    ("reference-numbers-skip", ("2. 微博：@城东图书馆", "5. 微博：@城东图书馆"), "W417", "5. 微博", None),
    ("list-numbers-repeat", ("3. 闭馆", "2. 闭馆"), "W417", "2. 闭馆", None),
    ("circled-numbers-one-a-line", listed("①", "②", "③"), "W417", "②期刊", "②"),
    ("parenthesised-numbers-one-a-line", listed("（1）", "（2）", "（3）"), "W417", "（2）期刊", "（2）"),
    ("half-width-parenthesised-numbers", listed("(1)", "(2)", "(3)"), "W417", "(2)期刊", "(2)"),
    ("numbers-with-enumeration-comma", listed("1、", "2、", "3、"), "W417", "2、期刊", "2、"),
    ("numbers-with-full-width-stop", listed("1．", "2．", "3．"), "W417", "2．期刊", "2．"),
    ("numbers-without-a-space", listed("1.", "2.", "3."), "W417", "2.期刊", "2."),
    ("bullets-typed-as-dots", listed("• ", "• ", "• "), "W417", "• 期刊", "•"),
    ("bullets-typed-as-katakana-dots", listed("・", "・", "・"), "W417", "・期刊", "・"),
    ("dingbat-numbers-in-the-article", ("馆方把这个项目", "❶城东图书馆\n❷馆方把这个项目"), "W417", "❷馆方", "❷"),
    # -- W418: a Markdown footnote ----------------------------------------------------------------
    ("footnote-marker-in-an-answer", answer_with("白天家里孙子闹[^1]，晚上这里安静。"), "W418", "孙子闹[^1]", "[^1]"),
    ("footnote-marker-in-a-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览室还缺什么？[^2]"), "W418", "缺什么？[^2]", "[^2]"),
    ("footnote-text-in-the-note", ("（文中何川为化名。）", "[^1]: 文中何川为化名。"), "W418", "[^1]: 文中", "[^1]"),
    ("footnote-text-after-the-article", (LAST, LAST + "\n\n[^注]: 数据来自馆方。"), "W418", "[^注]: 数据", "[^注]"),
    # -- W419: two authors in one item ------------------------------------------------------------
    ("authors-joined-by-a-comma", ("authors: [林小满]", "authors: [林小满，王五]"), "W419", "authors: [林小满，", "林小满"),
    ("authors-joined-by-an-enumeration-comma", ("authors: [林小满]", "authors: 林小满、王五"), "W419", "authors: 林小满、",
     "林小满"),
    ("authors-joined-by-a-semicolon", ("authors: [林小满]", "authors: [周一, 林小满；王五]"), "W419", "authors: [周一,", "林小满"),
    ("authors-joined-by-a-half-width-comma", ("authors: [林小满]", "authors: ['林小满,王五']"), "W419", "authors: ['林", "'林"),
    # -- W415: a no-break space typed as a reference between Chinese characters --------------------
    ("no-break-space-reference", answer_with("白天&nbsp;家里孙子闹，晚上这里安静。"), "W415", "白天&nbsp;", "&nbsp;"),
    ("no-break-space-decimal-reference", answer_with("白天&#160;家里孙子闹，晚上这里安静。"), "W415", "白天&#160;", "&#160;"),
    ("no-break-space-hex-reference", answer_with("白天&#xA0;家里孙子闹，晚上这里安静。"), "W415", "白天&#xA0;", "&#xA0;"),
    ("em-space-reference", answer_with("白天&emsp;家里孙子闹，晚上这里安静。"), "W415", "白天&emsp;", "&emsp;"),
    ("no-break-space-reference-in-a-heading", ("## 夜间阅览室还缺什么？", "## 夜间阅览室&nbsp;还缺什么？"), "W415",
     "阅览室&nbsp;", "&nbsp;"),
]

# (id, (old, new) change, texts the EPUB shows in this order)
CLEAN = [
    ("ampersand-in-r-and-d", answer_with("白天家里R&D孙子闹，晚上这里安静。"), ["家里R&D孙子闹"]),
    ("ampersand-between-words", answer_with("白天家里Q & A孙子闹，晚上这里安静。"), ["家里Q & A孙子闹"]),
    ("full-width-ampersand-in-r-and-d", answer_with("白天家里R＆D孙子闹，晚上这里安静。"), ["家里R＆D孙子闹"]),
    ("quotation-mark-references", answer_with("白天&ldquo;家里&rdquo;孙子闹，晚上这里安静。"), ["白天“家里”孙子闹"]),
    ("ampersand-reference", answer_with("白天家里&amp;孙子闹，晚上这里安静。"), ["家里&孙子闹"]),
    ("ideographic-space-reference", answer_with("白天&#12288;家里孙子闹，晚上这里安静。"), ["白天\u3000家里"]),
    ("numbers-all-ones", listed("1. ", "1. ", "1. "), ITEMS),
    ("numbers-from-three-in-order", listed("3. ", "4. ", "5. "), ITEMS),
    ("bracketed-number-is-no-footnote", answer_with("白天家里孙子闹[1]，晚上这里安静。"), ["孙子闹[1]，"]),
    ("escaped-footnote-marker", answer_with("白天家里孙子闹\\[^1]，晚上这里安静。"), ["孙子闹[^1]，"]),
    ("decimal-opening-a-line", answer_with("白天家里孙子闹，\n1.5倍的安静。"), ["孙子闹，1.5倍的安静"]),
    ("circled-numbers-a-paragraph-each", listed("①", "\n②", "\n③"), ["①饮水机", "②期刊", "③闭馆"]),
    ("enumeration-inside-a-line", answer_with("白天家里孙子闹，第1、2两条\n都好。"), ["第1、2两条都好"]),
    ("two-authors-as-two-items", ("authors: [林小满]", "authors: [林小满, 王五]"), ["王五"]),
    ("a-latin-author-with-a-comma", ("authors: [林小满]", "authors: ['Lin, Xiaoman']"), ["Lin, Xiaoman"]),
    ("escaped-attribute-block", (ASIDE, "[（笑）]\\{.aside}"), ["[（笑）]{.aside}"]),
    ("aside-with-spaces-inside-its-braces", (ASIDE, "[（笑）]{ .aside }"), ["降温。（笑）有时候"]),
    ("heading-with-closing-hashes", ("## 夜间阅览室还缺什么？", "## 夜间阅览室还缺什么？ ##"), ["夜间阅览室还缺什么？"]),
    ("address-with-ampersands", answer_with("白天家里[孙子闹](https://example.org/?a=1&lang=zh&copy=2)，晚上这里安静。"),
     ["孙子闹"]),
    ("list-right-under-its-opening-line", ("条目：\n\n1. 饮水机", "条目：\n1. 饮水机"), ITEMS),
]


def _problem_line(output: str, path: Path, line: int, col: int, code: str) -> str:
    severity = "error" if code.startswith("E") else "warning"
    found = re.search(rf"^{re.escape(str(path))}:{line}:{col}: {severity} {code}: .*$", output, re.M)
    assert found, (line, col, output)
    return found[0]


def test_the_tables_are_big_enough_and_every_change_lands() -> None:
    assert len(BROKEN) >= 40 and len({row[0] for row in BROKEN}) == len(BROKEN)
    assert len(CLEAN) >= 15 and len({row[0] for row in CLEAN}) == len(CLEAN)
    for row in BROKEN + CLEAN:
        assert changed(row[1]) != BASE, row[0]


@pytest.mark.parametrize(("name", "change", "code", "needle", "at"), BROKEN, ids=[row[0] for row in BROKEN])
def test_check_names_the_fault_where_it_stands_and_what_to_do(tmp_path: Path, name, change, code, needle, at) -> None:
    text = changed(change)
    path = tmp_path / f"{name}.md"
    path.write_bytes(text.encode("utf-8"))
    line, col = line_and_col(text, needle, at)
    exit_code, output = invoke("check", str(path))
    assert "Traceback" not in output, output
    said = _problem_line(output, path, line, col, code)
    assert said.endswith(f"({RULES[code][1]})"), said  # what to do
    if code.startswith("E"):
        assert exit_code == 1, output
        assert not re.search(rf"^{re.escape(str(path))}:\d+:\d+: error (?!{code})", output, re.M), output  # one fault, one code
    else:
        assert exit_code == 0 and " error " not in output, output


@pytest.mark.parametrize(("name", "change", "shown"), CLEAN, ids=[row[0] for row in CLEAN])
def test_odd_but_fine_sources_build_with_every_sentence(tmp_path: Path, monkeypatch, name, change, shown) -> None:
    text = changed(change)
    path = tmp_path / "title.md"
    path.write_bytes(text.encode("utf-8"))
    exit_code, output = invoke("check", str(path))
    assert exit_code == 0 and not re.search(r": (?:error|warning) [EW]\d+: ", output), output  # not even a warning
    book = _epub_lines(tmp_path, text, monkeypatch)
    flat = han(book)
    assert [line for line in _body_lines(text) if line not in flat] == []
    position = 0
    for expected in shown:  # in order, as written
        found = book.find(expected, position)
        assert found >= 0, (expected, book[position:position + 400])
        position = found + len(expected)


@pytest.mark.parametrize("name", ["circled-numbers-one-a-line", "footnote-marker-in-an-answer",
                                  "authors-joined-by-a-comma", "no-break-space-reference"])
def test_a_warned_source_still_builds_with_every_sentence(tmp_path: Path, monkeypatch, name: str) -> None:
    row = next(row for row in BROKEN if row[0] == name)
    text = changed(row[1])
    flat = han(_epub_lines(tmp_path, text, monkeypatch))
    assert [line for line in _body_lines(text) if line not in flat] == []


@pytest.mark.parametrize("name", ["reference-name-misspelt", "reference-in-the-title", "second-front-matter-in-the-body",
                                  "equals-under-an-article-paragraph"])
@pytest.mark.parametrize("command", ["epub", "pdf"])
def test_a_build_refuses_at_the_fault_and_writes_nothing(tmp_path: Path, monkeypatch, name: str, command: str) -> None:
    row = next(row for row in BROKEN if row[0] == name)
    text = changed(row[1])
    source = tmp_path / "title.md"
    source.write_bytes(text.encode("utf-8"))
    line, col = line_and_col(text, row[3], row[4])
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    exit_code, output = invoke(command, "--source", str(source), "--out", str(out))
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:{line}:{col}: error {row[2]}: " in output, output
    assert not out.exists() or not any(out.rglob("*")), list(out.rglob("*"))


def test_e231_suggests_the_name_meant() -> None:
    from pipeline.reader import read_text

    for written, meant in (("&nbps;", "&nbsp;"), ("&NBSP;", "&nbsp;"), ("&ldqou;", "&ldquo;")):
        result = read_text(changed(answer_with(f"白天{written}家里孙子闹，晚上这里安静。")), "t.md")
        (problem,) = [d for d in result.diagnostics if d.code == "E231"]
        assert f"did you mean '{meant}'?" in problem.message, problem.message


def test_e232_names_a_second_front_matter_as_one() -> None:
    from pipeline.reader import read_text

    row = next(row for row in BROKEN if row[0] == "second-front-matter-in-the-body")
    (problem,) = [d for d in read_text(changed(row[1]), "t.md").diagnostics if d.code == "E232"]
    assert "second front matter" in problem.message
    row = next(row for row in BROKEN if row[0] == "dashes-under-an-article-paragraph")
    (problem,) = [d for d in read_text(changed(row[1]), "t.md").diagnostics if d.code == "E232"]
    assert "second front matter" not in problem.message and "heading" in problem.message


def test_e101_says_which_line_was_meant_to_open_or_close_the_front_matter() -> None:
    from pipeline.reader import read_text

    (problem,) = read_text(changed(("---\nid:", "－－－\nid:")), "t.md").diagnostics
    assert (problem.line, problem.col) == (1, 1) and "'－－－' must be exactly '---'" in problem.message
    text = changed((CLOSING, CLOSING.replace("---\n", "")))
    (problem,) = read_text(text, "t.md").diagnostics
    body = line_and_col(text, "2025年1月起", None)[0]
    assert problem.code == "E101" and f"runs on into the text at line {body} " in problem.message, problem.message


def test_e201_suggests_the_speaker_whose_name_is_nearest() -> None:
    from pipeline.reader import read_text

    text = changed(("::: answer chengyifan\n我白天", "::: answer 程一凡\n我白天"))
    (problem,) = read_text(text, "t.md").diagnostics
    assert problem.code == "E201" and "did you mean 'chengyifan' (程一帆)?" in problem.message, problem.message


@pytest.mark.parametrize("written", ["苏雯：我上夜班。", "图书馆夜班馆员苏雯: 我上夜班。", "**苏雯：**我上夜班。", "suwen：我上夜班。",
                                     "苏文：我上夜班。"], ids=["name", "label", "bold", "id", "misspelt"])
def test_e205_says_how_to_write_an_answer_typed_with_its_label(written: str) -> None:
    from pipeline.reader import read_text

    text = changed((SUWEN, written))
    (problem,) = [d for d in read_text(text, "t.md").diagnostics if d.code == "E205"]
    assert problem.line == line_and_col(text, written.split("我")[0] + "我上", None)[0]
    assert "speaker 'suwen'" in problem.message and "'::: answer suwen'" in problem.message, problem.message


def test_e205_does_not_take_a_sentence_for_a_label() -> None:
    from pipeline.reader import read_text

    (problem,) = [d for d in read_text(changed((SUWEN, "记者了解到：我上夜班。")), "t.md").diagnostics if d.code == "E205"]
    assert "::: answer" not in problem.message, problem.message


@pytest.mark.parametrize("written", ["**问：你呢？**", "问：你呢？", "Q：你呢？", "**你呢？**"], ids=["bold-ask", "ask", "q", "bold"])
def test_e205_says_a_question_typed_as_text_is_a_heading(written: str) -> None:
    from pipeline.reader import read_text

    (problem,) = [d for d in read_text(changed((SUWEN, written)), "t.md").diagnostics if d.code == "E205"]
    assert "write it as a chapter heading, '## 你呢？'" in problem.message, problem.message


@pytest.mark.parametrize("title", ["参考资料", "参考文献", "References"])
def test_e204_says_a_references_chapter_is_marked(title: str) -> None:
    from pipeline.reader import read_text

    text = changed(("## 参考资料 {.references}", f"## {title}"))
    (problem,) = [d for d in read_text(text, "t.md").diagnostics if d.code == "E204"]
    assert problem.line == line_and_col(text, f"## {title}", None)[0]
    assert f"'## {title} {{.references}}'" in problem.message, problem.message


@pytest.mark.parametrize(("after", "said"), [
    ("role = 协调人", "write the role as 'role=…'"), ("role＝协调人", "write the role as 'role=…'"),
    ("协调人", "write a role as 'role=协调人'"), ("书不会跑。:::", "the answer's text goes on the lines below it"),
], ids=["spaces", "full-width-equals", "no-key", "text"])
def test_e206_says_what_the_words_after_the_id_should_be(after: str, said: str) -> None:
    from pipeline.reader import read_text

    text = changed(("::: answer laozhou\n书不会跑", f"::: answer laozhou {after}\n书不会跑"))
    (problem,) = [d for d in read_text(text, "t.md").diagnostics if d.code == "E206"]
    assert said in problem.message, problem.message
