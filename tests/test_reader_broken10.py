"""Broken and odd sources of the tenth robustness sweep, as other tools write them before an editor
builds them: git's merge-conflict markers left in the body or the front matter (E232 and a quote
seven deep, a YAML error, or a '<<<<<<<' printed without a word), pandoc's conversion of a Word
file (tracked changes and comments as '[…]{.insertion author="…"}' spans, "did you mean '.aside'?"
for an underline, '::: {.note}' and '::: {custom-style="…"}' divs as three errors, line blocks and
grid tables printed bars and all, a title block for a front matter), Obsidian and Typora notes
('[[links]]', '![[embeds]]', '> [!note]' callouts, '%%comments%%', '[toc]': printed without a
word), a Hugo post's '+++' TOML, Word's en dash or a bullet opening a front-matter list item
(valid YAML: one author named '– 林小满'), single '*' / '_' emphasis Markdown left as text beside
Chinese, a reference-style link's use without its definition, and an invisible character in the
front matter, which E102 said was "in the text".

As in the ninth sweep's tests, each row changes the bundled test title in one place; the line is
where the row's `needle` stands, the column where its `at` stands on that line. An error row is
the source's only diagnostic (one fault, one message). Odd-but-fine rows read clean with their
text. Error rows stop at the reader (no casting), so the table costs little; one build shows a
conflict refuses every edition and writes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.model import Span
from pipeline.reader import read_with_diagnostics
from tests.test_reader_broken4 import BASE, changed, invoke
from tests.test_reader_broken6 import _model_text, line_and_col
from tests.test_reader_broken7 import _found

LINE = next(line for line in BASE.splitlines() if line.startswith("白天家里孙子闹"))  # the first answer's line
ARTICLE = "2025年1月起"
NOTE = "::: note\n（文中何川为化名。）\n:::"
TOP = "---\nid:"
EDITOR = "editor: 周一"
CONFLICT = "a git merge conflict is left in the file"
PRINTED = "is printed as written"


def answer(new: str) -> tuple[str, str]:
    return LINE, new


def article(new: str) -> tuple[str, str]:
    return ARTICLE, new + "\n\n" + ARTICLE


# (id, (old, new) change, code, needle: the line must hold it, at: the column's text or None, said)
BROKEN = [
    # -- E238: git's merge-conflict markers, one error a conflict at its first marker ---------------
    ("conflict-in-an-answer", answer(f"<<<<<<< HEAD\n{LINE}\n=======\n白天家里孙子吵。\n>>>>>>> feature"), "E238",
     "<<<<<<< HEAD", None, f"{CONFLICT}, lines 44–48 ('<<<<<<< HEAD' … '>>>>>>> feature'): line 45 and line 47"),
    ("conflict-in-the-front-matter", (EDITOR, f"<<<<<<< HEAD\n{EDITOR}\n=======\neditor: 周二\n>>>>>>> theirs"), "E238",
     "<<<<<<< HEAD", None, f"{CONFLICT}, lines 8–12"),
    ("conflict-with-the-base-version", answer(f"<<<<<<< ours\n{LINE}\n||||||| base\n旧的。\n=======\n新的。\n>>>>>>> x"),
     "E238", "<<<<<<< ours", None, "lines 45–47 and line 49"),
    ("conflict-opening-marker-alone", article("<<<<<<< HEAD"), "E238", "<<<<<<< HEAD", None,
     "with no '>>>>>>>' line after it"),
    ("conflict-closing-marker-alone", article(">>>>>>> 3f2a1bc"), "E238", ">>>>>>> 3f2a1bc", None,
     "its '<<<<<<<' and '=======' lines gone"),
    # -- E233: Obsidian's and Typora's markup, and pandoc's line block, printed as written ------------
    ("obsidian-wikilink", answer(LINE.replace("报纸", "[[报纸]]")), "E233", "[[报纸]]", "[[", "an Obsidian or wiki link"),
    ("obsidian-wikilink-with-an-alias", answer(LINE.replace("报纸", "[[报纸|两份报]]")), "E233", "[[报纸|", "[[",
     "the text after a '|'"),
    ("obsidian-embed", article("![[阅览室.png]]"), "E233", "![[阅览室.png]]", None, "an Obsidian embed"),
    ("obsidian-callout", article("> [!note]\n> 这是编者的话。"), "E233", "> [!note]", None, "callout's type"),
    ("obsidian-comment-in-a-line", answer(LINE + "%%待核实%%"), "E233", "%%待核实%%", "%%", "an Obsidian comment"),
    ("obsidian-comment-block", article("%%\n待核实\n%% "), "E233", "%%", None, "an Obsidian comment"),
    ("typora-table-of-contents", article("[toc]"), "E233", "[toc]", None, "table of contents"),
    ("pandoc-line-block", article("| 第一行诗\n| 第二行诗"), "E233", "| 第一行诗", None, "pandoc's line block"),
    ("math-block", article("$$\nE=mc^2\n$$ "), "E233", "$$", None, "a math block"),
    ("task-list-checkbox", article("- [ ] 联系馆方"), "E233", "- [ ] 联系馆方", None, "a task list's checkbox"),
    ("definition-list", article("夜读\n: 夜间开放的阅览室"), "E233", ": 夜间开放的阅览室", None, "a definition list's"),
    # -- E212: a pandoc grid table (a Word table), printed border and all ---------------------------
    ("pandoc-grid-table", article("+------+-------+\n| 年份 | 人数  |\n+======+=======+\n| 2025 | 4.2万 |\n"
                                  "+-------+------+"), "E212", "+------+-------+", None, "a grid table's border"),
    # -- E230: pandoc's classes for Word's underline, highlight, tracked changes, comments, bookmarks ---
    ("pandoc-underline", answer(LINE.replace("孙子闹", "[孙子闹]{.underline}")), "E230", ".underline", ".underline",
     "Word's underline"),
    ("pandoc-highlight", answer(LINE.replace("孙子闹", "[孙子闹]{.mark}")), "E230", ".mark", ".mark", "a highlight"),
    ("tracked-insertion-with-its-author", answer(LINE.replace("孙子闹", '[孙子闹]{.insertion author="周一" '
                                                             'date="2025-03-01T10:00:00Z"}')), "E230", ".insertion",
     ".insertion", "a tracked change Word had not accepted (words inserted)"),
    ("tracked-deletion", answer(LINE.replace("孙子闹", '[孙子吵]{.deletion author="周一"}孙子闹')), "E230", ".deletion",
     ".deletion", "words DELETED"),
    ("word-comment", answer(LINE.replace("孙子闹", '[核实]{.comment-start id="0" author="周一"}孙子闹'
                                         '[]{.comment-end id="0"}')), "E230", ".comment-start", ".comment-start",
     "a Word comment"),
    ("word-bookmark", answer(LINE.replace("孙子闹", "[]{#_Toc12345 .anchor}孙子闹")), "E230", ".anchor", ".anchor",
     "a Word bookmark"),
    # -- E206 alone for a pandoc div's fence (it was E218, E226 and E215) ----------------------------
    ("pandoc-div-for-a-note", (NOTE, NOTE.replace("::: note", "::: {.note}")), "E206", "::: {.note}", "{",
     "this format writes it '::: note'"),
    ("pandoc-div-for-a-word-style", article('::: {custom-style="Body Text"}\n夜读。\n:::'), "E206", "custom-style",
     "{", "Word's paragraph style 'Body Text'"),
    # -- E229: one '*' or '_' a side that Markdown left as text beside Chinese -----------------------
    ("underscores-inside-chinese", answer(LINE.replace("孙子闹", "孙子_闹_")), "E229", "孙子_闹_", "_",
     "'_' is printed as written"),
    ("stars-around-quotation-marks", answer(LINE.replace("孙子闹", "*“孙子”*闹")), "E229", "*“孙子”*", "*",
     "'*' is printed as written"),
    # -- E101: another tool's header where the front matter goes -------------------------------------
    ("hugo-toml-front-matter", (TOP, "+++\nid:"), "E101", "+++", None, "a TOML front matter (Hugo's)"),
    ("pandoc-title-block", (TOP, "% 灯下夜读\n% 林小满\n---\nid:"), "E101", "% 灯下夜读", None, "a pandoc title block"),
    ("fields-without-their-dashes", (TOP, "id:"), "E101", "id: urn:uuid", None, "fields but no '---' above them"),
    # -- E102: where in the front matter, and what YAML read as text ---------------------------------
    ("invisible-in-a-value", (EDITOR, "editor: 周\u200b一"), "E102", "editor:", "\u200b",
     "in the front matter, in the value of 'editor' (line 8): delete it"),
    ("invisible-in-a-speakers-name", ("    name: 苏雯", "    name: 苏\u00ad雯"), "E102", "name: 苏\u00ad", "\u00ad",
     "in the value of 'name' under 'speakers' (line 25)"),
    ("invisible-in-a-field-name", (EDITOR, "edi\u200btor: 周一"), "E102", "edi\u200btor", "\u200b",
     "in the field name 'editor'"),
    ("invisible-in-a-comment", ("# female;", "# fe\u200bmale;"), "E102", "# fe", "\u200b", "in a comment"),
    ("author-item-opened-by-an-en-dash", ("authors: [林小满]", "authors:\n  – 林小满"), "E102", "– 林小满", "–",
     "opens a list item with '–' (U+2013"),
    ("author-items-opened-by-bullets", ("authors: [林小满]", "authors:\n  • 林小满\n  • 王五"), "E102", "• 林小满", "•",
     "so YAML read the item as the field's text"),
    ("duplicate-field", (EDITOR, EDITOR + "\neditor: 周二"), "E102", "editor: 周二", None,
     "duplicate key 'editor' (first on line 8)"),
    # -- E223: a reference-style link's use without its definition -----------------------------------
    ("reference-link-without-its-definition", answer(LINE.replace("报纸", "[报纸][1]")), "E223", "[报纸][1]", "[",
     "a reference-style link"),
]

# (id, (old, new) change, text the model must hold, text it must not)
CLEAN = [
    ("escaped-star", answer(LINE.replace("孙子闹", "孙子\\*闹")), ["孙子*闹"], ["\\*"]),
    ("emphasis-read-beside-chinese", ("记得带充电器", "记得带*充电器*"), ["记得带充电器"], ["*充电器*"]),
    ("decimal-reference-for-a-comma", ("台灯，Wi-Fi", "台灯&#65292;Wi-Fi"), ["台灯，Wi-Fi"], ["&#"]),
    ("percent-signs", ("其中近三成", "其中近30%（去年20%）"), ["近30%（去年20%）"], []),
    ("a-citation-number-after-a-word", ("降温。", "降温[1]。"), ["降温[1]。"], []),
    ("sums-with-a-plus", ("3D打印机，给", "3D打印机（1+1=2），给"), ["（1+1=2）"], []),
    ("an-escaped-wikilink", ("两份报纸", "两份\\[\\[报纸\\]\\]"), ["两份[[报纸]]"], []),
    ("a-chinese-dash-continuing-a-value", ("description: 城东图书馆夜间阅览室开放一年，四位常客谈他们在灯下读书的夜晚。",
                                           "description:\n  城东图书馆夜间阅览室开放一年\n  ——四位常客谈他们在灯下读书的夜晚。"),
     ["一年 ——四位常客"], []),
    ("a-bar-inside-a-line", ("Wi-Fi也从", "Wi-Fi（2.4G | 5G）也从"), ["（2.4G | 5G）"], []),
    ("an-identifier-with-underscores", ("小模型。", "小模型 model_v2_final。"), ["model_v2_final"], []),
    ("a-quote-opening-with-a-bracket", ("::: note\n（文中", "::: note\n> [注] 引自馆方。\n\n（文中"), ["[注] 引自馆方。"], []),
    ("a-dollar-price", ("坐靠窗那张桌子", "坐靠窗那张$5的桌子"), ["那张$5的桌子"], []),
    ("a-bullet-opening-with-a-bracket", ("我们正在招募", "- [注] 见馆方公告\n\n我们正在招募"), ["[注] 见馆方公告"], []),
    ("seven-equals-signs-in-a-line", ("慢慢看。", "慢慢看。=======好"), ["慢慢看。=======好"], []),
]


def _held(document) -> str:
    meta = document.meta
    return "\n".join([_model_text(document), meta.title, meta.description, meta.editor or "", *meta.authors])


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
    """Every odd-but-fine change in one source, checked once (a check of a source that reads costs
    what casting the voices costs): a row whose change were a fault would show, named at its line."""
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


@pytest.mark.parametrize("ends", ["\r", "mixed"])
def test_old_mac_line_ends_read_as_the_same_document(tmp_path: Path, ends: str) -> None:
    """Lone CRs (a classic Mac OS or an old Word 'text only' save), alone or mixed with CR LF
    further up: the same chapters, paragraphs and lines as the LF file."""
    lf = tmp_path / "lf.md"
    lf.write_text(BASE, encoding="utf-8")
    half = len(BASE) // 2
    other = BASE.replace("\n", "\r") if ends == "\r" else BASE[:half].replace("\n", "\r\n") + BASE[half:].replace("\n", "\r")
    odd = tmp_path / "odd.md"
    odd.write_bytes(other.encode("utf-8"))
    want, got = read_with_diagnostics(lf), read_with_diagnostics(odd)
    assert got.document is not None and got.diagnostics == [] == want.diagnostics, got.diagnostics
    assert _model_text(got.document) == _model_text(want.document)
    assert [p.loc.line for p in got.document.paragraphs()] == [p.loc.line for p in want.document.paragraphs()]


def test_a_paragraphs_spans_are_made_once_not_copied_at_each_text_token(tmp_path: Path, monkeypatch) -> None:
    """Each text token (a line of a hard-wrapped paste is one, and its line end another) remade
    the span before it with its text appended: quadratic in a long paragraph, a third of reading a
    source of megabytes."""
    copies: list[Span] = []
    copy = Span.model_copy
    monkeypatch.setattr(Span, "model_copy", lambda self, **kw: copies.append(self) or copy(self, **kw))
    path = tmp_path / "t.md"
    path.write_text(changed(article("\n".join(["阅览室里新添了两台打印机，"] * 50) + "*台灯*")), encoding="utf-8")
    document = read_with_diagnostics(path).document
    assert document is not None and copies == [], len(copies)
    first = next(document.paragraphs())
    assert [s.style for s in first.spans] == ["plain", "em"] and first.spans[0].text == "阅览室里新添了两台打印机，" * 50


def test_a_build_refuses_a_merge_conflict_and_writes_nothing(tmp_path: Path) -> None:
    change = next(row[1] for row in BROKEN if row[0] == "conflict-in-an-answer")
    source = tmp_path / "c.md"
    source.write_text(changed(change), encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exit_code, output = invoke("epub", "--source", str(source), "--out", str(tmp_path / "out"))
    finally:
        os.chdir(here)
    assert exit_code == 1 and "Traceback" not in output, output
    assert f"{source}:44:1: error E238: {CONFLICT}" in output, output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))


def _cut_at_the_end(data: bytes) -> bytes:
    return data.rstrip(b"\n")[:-1]  # (the last character's last byte: a copy that stopped)


def _byte_lost_inside(data: bytes) -> bytes:
    at = data.index(LINE.encode()) + 1  # (the second byte of 白)
    return data[:at] + data[at + 1:]


@pytest.mark.parametrize(("cut", "line", "said"), [
    (_cut_at_the_end, 86, "the file ends in the middle of a character: it was cut short"),
    (_byte_lost_inside, 44, "one character here lost part of its bytes, and the rest of the file is UTF-8"),
], ids=["cut-at-the-end", "a-byte-lost-inside"])
def test_a_character_cut_short_is_named_not_another_encoding(tmp_path: Path, cut, line: int, said: str) -> None:
    """A UTF-8 file with one character's bytes cut was told "this part was pasted or saved in
    another encoding, such as GBK": the editor converted a file that was UTF-8 throughout."""
    path = tmp_path / "t.md"
    path.write_bytes(cut(BASE.encode("utf-8")))
    diagnostics = read_with_diagnostics(path).diagnostics
    assert [(d.code, d.line) for d in diagnostics] == [("E100", line)] and said in diagnostics[0].message, diagnostics
    assert "GBK" not in diagnostics[0].message


class _CountedList(list):
    """A list that counts the times it is walked whole."""

    walks = 0

    def __iter__(self):
        _CountedList.walks += 1
        return super().__iter__()


def test_the_diagnostics_are_not_searched_at_every_block(tmp_path: Path, monkeypatch) -> None:
    """Each top-level block searched every diagnostic so far for a mistyped fence or heading on
    its line: quadratic in a paste that gives one warning a paragraph (8,000 footnote markers,
    600 KB, took 6 s to read; 5 MB, minutes)."""
    import pipeline.bodyreader as bodyreader

    init = bodyreader.BodyBuilder.__init__

    def counted(self, *args, **kwargs) -> None:
        init(self, *args, **kwargs)
        self.diagnostics = _CountedList(self.diagnostics)

    monkeypatch.setattr(bodyreader.BodyBuilder, "__init__", counted)
    _CountedList.walks = 0
    path = tmp_path / "t.md"
    path.write_text(changed(article("\n\n".join(f"阅览室新添了台灯[^{n}]" for n in range(40)))), encoding="utf-8")
    result = read_with_diagnostics(path)
    assert [d.code for d in result.diagnostics] == ["W418"] * 40
    assert _CountedList.walks < 10, _CountedList.walks
