"""`publish check` warnings, and the command's output and exit codes."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from tests.conftest import FIRST_TITLE
from tests.test_reader import VALID, line_of

runner = CliRunner()

def slug(name: str) -> str:
    """A test id of plain letters, digits and hyphens (mutmut passes ids back to pytest, and an
    id with punctuation or non-ASCII letters may not survive the trip)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")



def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "title.md"
    path.write_text(text, encoding="utf-8")
    return path


def codes(path: Path) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.col) for d in check(path)[1]]


def test_first_title_is_clean() -> None:
    doc, diagnostics = check(FIRST_TITLE)
    assert doc is not None
    assert [str(d) for d in diagnostics if d.severity == "error"] == []
    assert [d.code for d in diagnostics if d.code in ("W401", "W402", "W403", "W404")] == []


def test_half_width_punctuation_in_chinese(tmp_path: Path) -> None:
    text = VALID.replace("第一段，有Latin和2025年。", "第一段,有Latin(拉丁)和2025年?gg, ok")
    line = line_of(text, "第一段,")
    assert [c for c in codes(write(tmp_path, text)) if c[0] == "W401"] == [
        ("W401", line, 4), ("W401", line, 11), ("W401", line, 14), ("W401", line, 21)]


def test_straight_quotation_marks_in_chinese(tmp_path: Path) -> None:
    text = VALID.replace("第一段，有Latin和2025年。", '第一段"有"Latin和"2025"年。')
    line = line_of(text, "第一段")
    assert [c for c in codes(write(tmp_path, text)) if c[0] == "W401"] == [
        ("W401", line, 4), ("W401", line, 6), ("W401", line, 13), ("W401", line, 18)]


def test_half_width_in_front_matter_value(tmp_path: Path) -> None:
    text = VALID.replace("description: 一个测试。", "description: 一个测试,真的")
    assert ("W401", line_of(text, "description"), 18) in codes(write(tmp_path, text))


def test_unused_speaker_and_pronunciation(tmp_path: Path) -> None:
    text = VALID.replace("pronunciations:\n", "  - id: zhao\n    name: 赵六\npronunciations:\n  银行: yin2 hang2\n")
    found = codes(write(tmp_path, text))
    assert ("W402", line_of(text, "  - id: zhao"), 9) in found
    assert ("W403", line_of(text, "  银行"), 3) in found


def test_mixed_quote_styles(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", "他说“好”，又说「不好」，还有“对”。")
    line = line_of(text, "「不好」")
    assert ("W404", line, 9) in codes(write(tmp_path, text))


def test_cli_check_exit_codes(tmp_path: Path) -> None:
    good = runner.invoke(app, ["check", str(write(tmp_path, VALID))])
    assert good.exit_code == 0, good.output
    assert "0 error(s)" in good.output
    bad_path = tmp_path / "bad.md"
    bad_path.write_text(VALID.replace("::: answer li", "::: answer zhao"), encoding="utf-8")
    bad = runner.invoke(app, ["check", str(bad_path)])
    assert bad.exit_code == 1
    assert f"{bad_path}:{line_of(VALID, '::: answer li')}:12: error E201" in bad.output
    assert "Traceback" not in bad.output


def test_cli_missing_file_is_a_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.md")])
    assert result.exit_code == 2  # a usage error: the command line names a file that is not there
    assert "no such file" in result.output and result.exception.__class__.__name__ == "SystemExit"


def test_pinyin_fallback_is_reported_where_it_stands(tmp_path: Path) -> None:
    text = VALID.replace("回答一。", "这件事我们还要再调一调。")
    found = [d for d in check(write(tmp_path, text))[1] if d.code == "W405"]
    line = line_of(text, "这件事")
    assert any(d.line == line and "'调'" in d.message for d in found), [str(d) for d in found]
    assert all(d.line == line for d in found)
    pinned = text.replace("pronunciations:\n", "pronunciations:\n  调一调: tiáo yi tiáo\n")
    assert not [d for d in check(write(tmp_path, pinned))[1] if d.code == "W405" and "'调'" in d.message]


def test_half_width_full_stop_after_chinese(tmp_path: Path) -> None:
    """A '.' ending a Chinese sentence warns; decimals, domains, abbreviations, ellipses and
    list numbers do not (yardstick: the columns written here by hand)."""
    body = "他走了.然后3.5亿，ifeng.com，凤凰网.com，Inc.公司，好...，好..，“好”.\n\n1. 第一"
    text = VALID.replace("第一段，有Latin和2025年。", body)
    line = line_of(text, "他走了.")
    assert [c for c in codes(write(tmp_path, text)) if c[0] == "W401"] == [("W401", line, 4), ("W401", line, 49)]


def test_unknown_field_suggests_the_nearest(tmp_path: Path) -> None:
    text = VALID.replace("outlet: 本报", "outlett: 本报").replace("    name: 李四", "    nmae: 李四")
    found = {(d.code, d.line): d.message for d in check(write(tmp_path, text))[1]}
    assert "did you mean 'outlet'?" in found[("E105", line_of(text, "outlett"))]
    assert "did you mean 'name'?" in found[("E105", line_of(text, "    nmae"))]


def test_byte_order_mark_and_crlf_keep_warnings_in_place(tmp_path: Path) -> None:
    text = VALID.replace("第一段，", "第一段,")
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert [c for c in codes(path) if c[0] == "W401"] == [("W401", line_of(text, "第一段,"), 4)]


def test_bracketed_text_survives_in_messages(tmp_path: Path) -> None:
    """An id that breaks the pattern keeps '[a-z0-9-]' in the message check prints."""
    text = VALID.replace("  - id: li", "  - id: Li Si")
    result = runner.invoke(app, ["check", str(write(tmp_path, text))], terminal_width=300)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f":{line_of(text, '  - id: Li Si')}:" in result.output and "E104" in result.output


def test_each_warning_is_printed_as_written_here(tmp_path: Path) -> None:
    """The whole report of a source with one of each warning, every line written out by hand
    (path, line, column, severity, code, message and the fix hint)."""
    text = (VALID.replace("description: 一个测试。", 'description: "一个测试,真的"')
            .replace("pronunciations:\n", "  - id: zhao\n    name: 赵六\npronunciations:\n  银行: yin2 hang2\n")
            .replace("回答一。", "他说“好”，又说「不好」，还有“对”。"))
    path = write(tmp_path, text)
    p = str(path)
    assert [str(d) for d in check(path, pinyin=False)[1]] == [
        f"{p}:{line_of(text, 'description')}:19: warning W401: half-width ',' in Chinese text "
        "(use full-width ，：；？！（） and curly “” ‘’ inside Chinese text)",
        f"{p}:{line_of(text, '  - id: zhao')}:9: warning W402: speaker 'zhao' (赵六) never answers "
        "(remove the speaker from the registry or give them an answer)",
        f"{p}:{line_of(text, '  银行')}:3: warning W403: pronunciation of '银行' is never used "
        "(remove the entry or check the word's spelling in the text)",
        f"{p}:{line_of(text, '「不好」')}:9: warning W404: corner quotation marks here, curly ones elsewhere "
        "(use one quotation style throughout (“…” and ‘…’))",
    ]


def test_a_reading_error_does_not_hide_the_warnings(tmp_path: Path) -> None:
    text = VALID.replace("::: answer li", "::: answer zhao").replace("第一段，", "第一段,")
    assert codes(write(tmp_path, text)) == [
        ("W401", line_of(text, "第一段,"), 4), ("E201", line_of(text, "::: answer zhao"), 12)]


def test_pinyin_warnings_stand_where_their_sentence_stands(tmp_path: Path) -> None:
    """The same ambiguous words three times: each warning points at its own line (not the first
    place the words occur) and quotes up to four characters either side."""
    text = (VALID.replace("第一段，有Latin和2025年。", "把桌子抹一下。").replace("回答一。", "把桌子抹一下。")
            .replace("回答二。", "他们昨天把桌子抹一下再走。"))
    path = write(tmp_path, text)
    found = [(d.path, d.line, d.col, d.message.split(" by ")[0]) for d in check(path)[1] if d.code == "W405"]
    first, second, third = (line_of(text, needle) for needle in ("把桌子抹一下。\n\n##", "把桌子抹一下。\n:::", "他们昨天"))
    assert [(p, line, col, m.split(" read ")[0] + " in " + m.split(" in ")[1]) for p, line, col, m in found] == [
        (str(path), first, 4, "'抹' in “把桌子抹一下。”"),
        (str(path), second, 4, "'抹' in “把桌子抹一下。”"),
        (str(path), third, 8, "'抹' in “天把桌子抹一下再”"),
    ]


TWO_PINS = VALID.replace("  王五: wang2 wu3\n", "  王五: wang2 wu3\n  李四: li3 si4\n")
NO_PINS = VALID.replace("pronunciations:\n  王五: wang2 wu3\n", "")
ARTICLE_ONLY = VALID.split("speakers:")[0] + "---\n\n第一段。\n"


@pytest.mark.parametrize(("text", "error", "needle", "col"), [
    (TWO_PINS, "no reading for '李四'", "  李四:", 3),     # the entry the error names
    (TWO_PINS, "no reading at all", "  王五:", 3),          # else the table's first entry
    (NO_PINS, "no reading for '李四'", "  - id: wang", 9),  # else the first speaker
    (ARTICLE_ONLY, "no reading for '李四'", None, 1),       # else the file's start
])
def test_a_pinyin_pass_that_rejects_the_table_is_an_error_at_the_table(tmp_path, monkeypatch, text, error,
                                                                        needle, col) -> None:
    """Where the reader accepted a pronunciation that the pinyin pass then refuses (a seam: the
    pass is made to refuse), check reports an E301 at the entry, never a traceback."""
    from pipeline.passes.pinyin import PinyinAnnotator

    def refuse(self, text):
        raise ValueError(error)

    monkeypatch.setattr(PinyinAnnotator, "unsure", refuse)
    path = write(tmp_path, text)
    line = line_of(text, needle) if needle else 1
    assert [str(d) for d in check(path)[1] if d.severity == "error"] == [
        f"{path}:{line}:{col}: error E301: the pinyin pass cannot use this table: {error} "
        "(write one pinyin syllable per Han character, e.g. 周鸿祎: zhōu hóng yī)"]


# Where prose stands in a file, for W401: (what the file is, the file, the W401 positions written
# out by hand). Each row is a shape the front matter or the body can take.
PROSE_PLACES = [
    ("front matter closed by '...'", VALID.replace("---\n\n第一段，", "...\n\n第一段,"), [(20, 4)]),
    ("empty front matter, body on the very next line", "---\n---\n中文,好\n", [(3, 3)]),
    # (the eighth sweep: without its front matter the file's shape is unknown, and the lines may be the
    # YAML below a stray line; E101 alone, as for one never closed)
    ("no front matter: one E101, nothing read as body", "中文,好\n\n---\n\n其他,好\n", []),
    ("front matter never closed: no known body", VALID.replace("---\n\n第一段，", "\n第一段,"), []),
    ("a single-quoted value", VALID.replace("description: 一个测试。", "description: '一个测试,真的'"), [(8, 19)]),
    ("an answer's role on its fence line", VALID.replace("::: answer li", "::: answer li role=前银行行长,作家"),
     [(28, 25)]),
    ("… quoted", VALID.replace("::: answer li", '::: answer li role="前银行行长,作家"'), [(28, 26)]),
    ("… in curly quotes", VALID.replace("::: answer li", "::: answer li role=“前银行行长(退休)”"),
     [(28, 26), (28, 29)]),
]


@pytest.mark.parametrize(("text", "expected"), [row[1:] for row in PROSE_PLACES], ids=[slug(row[0]) for row in PROSE_PLACES])
def test_half_width_marks_are_found_wherever_prose_stands(tmp_path: Path, text: str, expected) -> None:
    assert [(line, col) for code, line, col in codes(write(tmp_path, text)) if code == "W401"] == expected


def test_a_front_matter_never_closed_is_one_error(tmp_path: Path) -> None:
    text = VALID.replace("---\n\n第一段", "\n第一段")
    assert codes(write(tmp_path, text)) == [("E101", 1, 1)]


def test_straight_quotes_the_house_style_curls_are_not_a_second_style(tmp_path: Path) -> None:
    """A straight pair in Chinese text is W401 (every edition curls it), not also W404; a straight
    pair the editions keep (around Latin between spaces) is another style beside the curly ones."""
    curled = VALID.replace("回答一。", '他说“好”，又说"不好"。')
    line = line_of(curled, "他说")
    assert [c for c in codes(write(tmp_path, curled)) if c[0] in ("W401", "W404")] == [
        ("W401", line, 9), ("W401", line, 12)]
    kept = VALID.replace("回答一。", '他说“好”，又说 "OK" 吧。')
    assert [c for c in codes(write(tmp_path, kept)) if c[0] in ("W401", "W404")] == [
        ("W404", line_of(kept, "他说"), 10)]
    both = VALID.replace("回答一。", '他说“好”，又说"不好"，还有 "OK" 吧。')  # a curled pair first, a kept one after
    line = line_of(both, "他说")
    assert [c for c in codes(write(tmp_path, both)) if c[0] in ("W401", "W404")] == [
        ("W401", line, 9), ("W401", line, 12), ("W404", line, 17)]


def test_the_quotation_style_used_most_is_the_house_style(tmp_path: Path) -> None:
    """Curly quotes come first but corner quotes are the majority (and sort first by name):
    the warning stands at the curly ones."""
    text = VALID.replace("回答一。", "他说“好”，又说「不好」「对」「是」。")
    assert [(d.code, d.line, d.col, d.message) for d in check(write(tmp_path, text), pinyin=False)[1]] == [
        ("W404", line_of(text, "他说"), 3, "curly quotation marks here, corner ones elsewhere")]


# W405 positions written out by hand (抹 alone is ambiguous: mǒ / mā): the line and column of
# the character itself, wherever in its paragraph or title it stands.
PINYIN_PLACES = [
    ("in a question heading", VALID.replace("## 第一个问题？", "## 把桌子抹一下？"), "## 把桌子", 7),
    ("first in its paragraph", VALID.replace("回答一。", "抹一下。"), "抹一下", 1),
    ("on the second line of a paragraph", VALID.replace("回答一。", "他们昨天\n把桌子抹一下。"), "把桌子", 4),
    # markup between the character and its context: still the character (it was column 1)
    ("after emphasis, in the last answer", VALID.replace("回答二。", "**桌子**抹一下。"), "**桌子**", 7),
]


@pytest.mark.parametrize(("text", "needle", "col"), [row[1:] for row in PINYIN_PLACES],
                         ids=[slug(row[0]) for row in PINYIN_PLACES])
def test_pinyin_warnings_point_at_the_character(tmp_path: Path, text: str, needle: str, col: int) -> None:
    found = [(d.line, d.col, d.message.split(" read ")[0]) for d in check(write(tmp_path, text))[1] if d.code == "W405"]
    assert found == [(line_of(text, needle), col, "'抹'")]


def test_a_quoted_role_is_not_a_quotation_style(tmp_path: Path) -> None:
    """`role="…"` on a fence line quotes the value for the format, not for the reader: it must not
    count as straight quotation marks against the curly ones of the text."""
    text = VALID.replace("::: answer li", '::: answer li role="前银行行长"').replace("回答一。", "他说“好”。")
    assert [c for c in codes(write(tmp_path, text)) if c[0] == "W404"] == []


def test_characters_the_fonts_cannot_draw_are_w408_once_each(tmp_path: Path) -> None:
    """𠮷 (CJK Extension B) and an emoji are not in Noto Serif SC or Sans SC: W408 at the
    first use of each, nothing for 吉 (in the fonts), for a repeat, or in a YAML comment."""
    text = VALID.replace("\n---\n", "\n# 注：😀 只在注释里\n---\n", 1)
    marker = "# 注：😀 只在注释里\n---\n"
    at = text.index(marker) + len(marker)
    body = "吉祥的𠮷字，笑😀，又一个𠮷。\n\n"
    text = text[:at] + "\n" + body + text[at:]
    path = write(tmp_path, text)
    lines = text.splitlines()
    number = lines.index(body.strip()) + 1
    found = [(d.code, d.line, d.col) for d in check(path)[1] if d.code == "W408"]
    assert found == [("W408", number, 4), ("W408", number, 8)]


def test_w408_names_the_character_its_code_point_and_what_the_pdfs_show(tmp_path: Path, monkeypatch) -> None:
    """The whole diagnostic as the editor reads it: the character, its code point, and what a
    reader of the PDFs sees — the glyph of a font installed on the machine where fontconfig
    knows one (faked here: machines differ), else a box with the code point. A variation
    selector after an emoji (a mark, not a character to draw) is not reported."""
    from pipeline import fonts

    monkeypatch.setattr(fonts, "installed_family", lambda char: "Some Emoji" if char == "😀" else None)
    marker = "\n---\n"
    at = VALID.index(marker) + len(marker)
    path = write(tmp_path, VALID[:at] + "\n笑😀\ufe0f，姓𠮷。\n\n" + VALID[at:])
    number = VALID[:at].count("\n") + 2
    found = [str(d) for d in check(path)[1] if d.code == "W408"]
    assert found == [
        f"{path}:{number}:2: warning W408: '😀' (U+1F600) is missing from the book's fonts (Noto Serif SC / "
        "Noto Sans SC): the PDF editions draw it in Some Emoji, a font installed on this machine; EPUB readers "
        "draw it with their own fonts (write a common form of the character if there is one, or look at the "
        "PDF's page)",
        f"{path}:{number}:6: warning W408: '𠮷' (U+20BB7) is missing from the book's fonts (Noto Serif SC / "
        "Noto Sans SC): the PDF editions show a box with its code point (U+20BB7) in it; EPUB readers draw it "
        "with their own fonts (write a common form of the character if there is one, or look at the PDF's "
        "page)"]


def test_w414_an_ideograph_the_pinyin_pass_cannot_read(tmp_path: Path) -> None:
    """𠮷 (U+20BB7) has no reading in pypinyin's tables: W414 at its first use, once, where the
    learner editions set it without pinyin. 𪚥 (Extension B too, read zhé), 吉, an emoji, a
    Latin word and the front matter's YAML comment get none."""
    marker = "\n---\n"
    at = VALID.index(marker) + len(marker)
    body = "吉祥的𠮷字，𪚥字，笑😀，Word，又一个𠮷。\n\n"
    text = VALID[:at] + "\n" + body + VALID[at:]
    path = write(tmp_path, text.replace("\n---\n", "\n# 𠮷 只在注释里\n---\n", 1))
    number = path.read_text(encoding="utf-8").splitlines().index(body.strip()) + 1
    found = [str(d) for d in check(path)[1] if d.code == "W414"]
    assert found == [f"{path}:{number}:4: warning W414: '𠮷' (U+20BB7) has no pinyin reading: the learner editions "
                     "show it without one (write a common form of the character if there is one (the pinyin pass "
                     "has no reading for this one, and 'pronunciations:' cannot give it one), or leave it without "
                     "pinyin)"]


def test_e302_is_the_whole_diagnostic_at_the_voice_hint(tmp_path: Path) -> None:
    """A fixed voice the offline engine does not have: E302 at the speaker's id (line 11, column 9
    of this text: `  - id: wang`), naming the engine, the speaker and the voice."""
    text = VALID.replace("    role: 记者\n", "    role: 记者\n    voice: {espeak: nosuch}\n")
    assert text.splitlines()[10] == "  - id: wang"
    path = write(tmp_path, text)
    found = [str(d) for d in check(path, pinyin=False)[1] if d.code == "E302"]
    assert found == [f"{path}:11:9: error E302: audio (espeak): speaker '王五': no espeak voice 'nosuch'; "
                     "'publish voices' lists them (name a voice 'publish voices' lists for that engine and the "
                     "title's language, or delete the hint)"]


def test_a_language_no_voice_reads_is_a_warning_at_the_language(tmp_path: Path) -> None:
    """Casting refuses the whole title (no voice reads 'tlh'): no E302 for each voice hint, but one
    W409 at the 'language:' line (before: check said nothing and 'publish all' then failed at the
    audio and script editions); the rest is still reported."""
    text = VALID.replace("language: zh-Hans", "language: tlh").replace("回答一。", "回答一,好。")
    path = write(tmp_path, text)
    found = check(path, pinyin=False)[1]
    assert "E302" not in [d.code for d in found] and "W401" in [d.code for d in found]
    assert [str(d) for d in found if d.code == "W409"] == [
        f"{path}:{line_of(text, 'language: tlh')}:1: warning W409: no voice reads the title's language 'tlh': "
        "'publish audio' and 'publish script' (and so 'publish all') fail for this title; the EPUB and PDF "
        "editions build (write a language the audio edition reads (zh-Hans, zh-CN, zh-TW, yue …: "
        "pipeline/data/voices-languages.toml), or build only the EPUB and PDF editions)"]


@pytest.mark.parametrize("language", ["zh-Hans", "zh-TW", "yue", "zh-Hant-HK", "cmn"])
def test_a_language_voices_read_is_no_w409(tmp_path: Path, language: str) -> None:
    path = write(tmp_path, VALID.replace("language: zh-Hans", f"language: {language}"))
    assert "W409" not in [d.code for d in check(path, pinyin=False)[1]]


# Two speakers whose labels read the same: (li's name and role as changed here, W410 expected?)
SAME_LABELS = [("王五", "记者", True), ("王 五", "记者", True), ("王五", "编辑", False), ("李四", "记者", False)]


@pytest.mark.parametrize(("name", "role", "warned"), SAME_LABELS, ids=["same", "spaced", "other-role", "other-name"])
def test_two_speakers_labelled_alike_are_w410(tmp_path: Path, name: str, role: str, warned: bool) -> None:
    """Before: one person declared twice got two voices and two index entries, silently."""
    text = VALID.replace("  - id: li\n    name: 李四\n", f"  - id: li\n    name: {name}\n    role: {role}\n")
    assert f"  - id: li\n    name: {name}\n    role: {role}\n" in text
    path = write(tmp_path, text)
    found = [str(d) for d in check(path, pinyin=False)[1] if d.code == "W410"]
    line = line_of(text, "  - id: li")
    expected = [f"{path}:{line}:9: warning W410: speakers 'wang' (line {line_of(text, '  - id: wang')}) and 'li' are "
                f"both labelled '记者{name}' (one person: declare them once and use that id in every answer; two "
                "people: give them roles (or names) that tell them apart)"]
    assert found == (expected if warned else [])


def test_the_bundled_titles_have_no_speakers_labelled_alike() -> None:
    assert [d for d in check(FIRST_TITLE, pinyin=False)[1] if d.code == "W410"] == []


@pytest.mark.parametrize("where", ["first", "last"])
def test_w409_stands_at_the_language_line_wherever_it_is_in_the_front_matter(tmp_path: Path, where: str) -> None:
    body = VALID.replace("language: zh-Hans\n", "")
    end = body.index("\n---\n", 4)
    text = ("---\nlanguage: tlh\n" + body[4:] if where == "first"
            else body[:end] + "\nlanguage: tlh" + body[end:])
    path = write(tmp_path, text)
    [found] = [d for d in check(path, pinyin=False)[1] if d.code == "W409"]
    assert found.line == line_of(text, "language: tlh") == (2 if where == "first" else text[:text.index("\n---\n", 4)].count("\n") + 1)


def test_a_character_reference_is_blanked_where_it_stands_before_w401(tmp_path: Path) -> None:
    """'&#12354;' is markup for one character: its ';' is not half-width punctuation, and the
    columns after it stay those of the line as written."""
    text = VALID.replace("第一段，有Latin和2025年。", "第一段&#12354;,有Latin和2025年。")
    line = line_of(text, "第一段")
    assert [c for c in codes(write(tmp_path, text)) if c[0] == "W401"] == [("W401", line, 12)]


def crowded_chapter(speakers: int, hint: str = "") -> str:
    """A title whose one question is answered by `speakers` people (ids s0, s1 …)."""
    head, body = VALID.split("speakers:\n", 1)
    table = "".join(f"  - id: s{i}\n    name: 人{chr(0x4E00 + 7 * i)}{chr(0x4E00 + 11 * i)}\n{hint}"
                    for i in range(speakers))
    answers = "".join(f"::: answer s{i}\n回答{i}。\n:::\n\n" for i in range(speakers))
    return f"{head}speakers:\n{table}---\n\n第一段。\n\n## 大家怎么看？\n\n{answers}"


def test_a_chapter_too_crowded_for_one_engine_is_a_warning(tmp_path: Path) -> None:
    """50 speakers in one chapter: more than the edge voices keep apart, not more than eSpeak's.
    It was E302 ('name a voice … or delete the hint', with no hint written) and exit 1, though
    the offline build reads it: now W411 at the chapter's heading, naming the engine that builds
    it, and check passes."""
    text = crowded_chapter(50)
    path = write(tmp_path, text)
    found = check(path, pinyin=False)[1]
    assert [(d.code, d.line) for d in found if d.code[1:] in ("302", "303", "411")] == [
        ("W411", line_of(text, "## 大家怎么看"))]
    message = next(d.message for d in found if d.code == "W411")
    assert "50 speakers" in message and "--engine espeak builds it" in message
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_the_cast_sheet_shows_the_engine_that_casts_a_crowded_chapter(tmp_path: Path) -> None:
    path = write(tmp_path, crowded_chapter(50))
    result = runner.invoke(app, ["audio", "--cast", str(path)])
    assert result.exit_code == 0, result.output
    edge = result.output[result.output.index("\nedge"):]
    assert "cannot cast" in edge and "50 speakers" in edge
    espeak = result.output[result.output.index("\nespeak"):result.output.index("\nedge")]
    assert len(re.findall(r"1 ans\.", espeak)) == 50  # every speaker has an eSpeak voice


def test_a_gender_hint_that_crowds_a_chapter_names_the_hint(tmp_path: Path) -> None:
    path = write(tmp_path, crowded_chapter(50, "    voice: {gender: female}\n"))
    message = next(d.message for d in check(path, pinyin=False)[1] if d.code == "W411")
    assert "female edge voices are used up" in message and "'gender: female'" in message


def test_a_chapter_too_crowded_for_every_engine_is_an_error(tmp_path: Path) -> None:
    text = crowded_chapter(300)
    path = write(tmp_path, text)
    found = [d for d in check(path, pinyin=False)[1] if d.code[1:] in ("302", "303", "411")]
    assert sorted((d.code, d.line, d.message.split(")")[0]) for d in found) == [
        ("E303", line_of(text, "## 大家怎么看"), "audio (edge"), ("E303", line_of(text, "## 大家怎么看"), "audio (espeak")]
    assert all("--engine" not in str(d) for d in found)  # no engine to send the editor to
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1
