"""Copy in its delivery format → a list of text blocks (plus what the format itself says).

One reader per format, each leaning on a maintained library for the format and adding no
structure of its own: structure is inferred later, the same way for every format (`layout.py`).

- `.txt`: every non-empty line is a block (UTF-8, UTF-16 with BOM, or GB18030 as Chinese Windows
  saves it, or Big5).
- `.html`/`.htm`: a WeChat article's body (`#js_content`, which holds exactly the article) is
  read directly; any other page goes through trafilatura, which drops the site's header,
  navigation, share bar, comments and footer. The title and publication date come only from
  explicit markup (`og:title`, `<h1>`, `article:published_time`, `<time datetime>` …), never
  from guessing.
- `.docx`: mammoth turns Word's styles into HTML (headings, Word's own numbered lists, bold),
  which is then read like a page without boilerplate; a "Title" paragraph is the title.

This module holds the entry (`read_copy`: the kind, the size limit, the encoding), plain text
and Word; web pages, whose reading is most of the work, are in `webpage.py`, and what every
reader hands on (`Block`, `Extracted`, the marks of the copy's links) is in `extracted.py`. The
names other modules import from here stay importable from here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from lxml import html as lxml_html

from pipeline.charrefs import CHARACTER_REFERENCE
from pipeline.errors import PublishError
# layout, labels, the writer and the tests import these from here: Block, the LINK_ marks, read_html …
from pipeline.importers.pagestructure import markdown_qa_rows
from pipeline.importers.properties import page_properties
from pipeline.importers.extracted import (  # noqa: F401
    LINK_BASE,
    LINK_CLOSE,
    LINK_OPEN,
    Block,
    Extracted,
    _clean,
    _Links,
    strip_links,
)
from pipeline.importers.webpage import read_html, walk_html
from pipeline.paths import UsageError
from pipeline.sourcebytes import chinese_encoding
from pipeline.sourcetext import line_join

SUFFIXES = {".txt": "plain text", ".text": "plain text", ".html": "web page", ".htm": "web page",
            ".docx": "Word document", ".md": "Markdown text", ".markdown": "Markdown text"}
# (`.md`: Markdown a CMS exports or an editor pastes is copy, read as plain text is, its marks as
# a page's; before, it was refused as an unknown kind. A file that already is a publish source is
# refused with what to do instead: `_refuse_source`.)
# a line ending so ends its paragraph (a sentence, a label, a question, a closing bracket or quote)
_LINE_ENDS = tuple("。！？!?…：:；;”」』）)】》.\"'")
_WRAP_MIN = 16  # a shorter line (a name alone, a heading) is never continued
# a Markdown table's row (`| 2023年 | 三十元。 |`) and its rule under the header (`|---|:---:|`)
_TABLE_ROW = re.compile(r"^\|(?:[^|\n]*\|){2,}$")
_TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$")
_HYPHENATED = re.compile(r"[A-Za-z]{2}-$")  # a Latin word broken at a line's end by a PDF's hyphenation
_ITEM_START = re.compile(r"^(?:[（(]?\d{1,3}[)）.、．]|[①-⑳]|\[\d{1,3}\]|[-*•·] )")  # a list item starts anew
MAX_BYTES = 50_000_000  # copy larger than this is not one article
# A Word file's text (its XML parts) unpacked: an article's is well under 1 MB; mammoth reads
# 20 MB in about 20 s, so a small file that unpacks to far more (a zip bomb) would hang.
MAX_DOCX_XML_BYTES = 10_000_000


class ImportUsageError(UsageError):
    """The command cannot run as given (missing copy, unknown kind of file, existing target
    without --force, bad slug): exit code 2."""


def check_kind(path: Path) -> str:
    """The copy's suffix, if it is a kind we import (else an `ImportUsageError`)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(SUFFIXES))
        raise ImportUsageError(f"{path}: cannot import '{suffix or 'a file without extension'}' copy (known: {known})")
    return suffix


def read_copy(path: Path) -> Extracted:
    suffix = check_kind(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportUsageError(f"{path}: {size / 1e6:.0f} MB is more than an article "
                                   f"(the limit is {MAX_BYTES // 1_000_000} MB): split it or check the file")
        data = path.read_bytes()
    except OSError as exc:
        raise PublishError(f"{path}: cannot read the copy ({exc.strerror or exc})") from None
    try:
        if suffix == ".docx":
            result = read_docx(data, str(path))
        else:
            text, notes = decode(data, str(path))
            if SUFFIXES[suffix] == "Markdown text":
                _refuse_source(text, path)
            result = read_html(text) if suffix in (".html", ".htm") else read_text(text)
            result.notes[:0] = notes
    except PublishError:
        raise
    except Exception as exc:  # noqa: BLE001 - a library's failure on odd input is the copy's problem
        raise PublishError(f"{path}: cannot read the copy as a {SUFFIXES[suffix]} "
                           f"({type(exc).__name__}: {exc})") from None
    if not result.blocks:
        raise PublishError(f"{path}: no text found in the copy")
    return result


def decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """Text of the copy: UTF-8 (with or without BOM), UTF-16 with BOM, else Big5 or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ["read as UTF-16"]
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError:
        pass
    # Big5 (Taiwan's and Hong Kong's Windows) when the text's characters say so: GB18030 decodes
    # Big5 bytes too, into nonsense (before: a Big5 copy became a source of garbled characters)
    family = chinese_encoding(data)
    codec, name = ("big5hkscs", "Big5") if family is not None and family[0] == "Big5" else ("gb18030", "GB18030")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = ""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if not text or controls > len(text) // 1000:
        raise PublishError(f"{shown}: the copy is neither UTF-8 nor {name} text; save it as UTF-8")
    return text, [f"read as {name} (not UTF-8): check the characters came in right"]


# A publish source's own marks: its front matter's keys and an answer's fence.
_SOURCE_MARKS = re.compile(r"^(?:speakers:|:::\s*answer\b)", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:|\s+\S|-\s)")  # (a CMS's front matter: `key: value` lines only)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>[^\"'\n#]+?)[\"']?\s*(?:#.*)?$", re.MULTILINE)


# A CMS export's front-matter fields the copy's date and authors come from (the others are the CMS's)
_FRONT_DATES = ("date", "published", "pubdate", "publish_date", "published_at", "publishdate", "created")
_FRONT_AUTHORS = ("author", "authors", "byline", "writer", "作者")


def _front_fields(yaml_text: str):
    """The date and a byline (`作者：宓佳、龚雪`) of a CMS export's front matter, where it gives them."""
    import datetime as dt

    import yaml

    from pipeline.datesmeant import day_in

    try:
        fields = yaml.safe_load(yaml_text)
    except yaml.YAMLError:
        return None, None
    if not isinstance(fields, dict):
        return None, None
    fields = {str(k).casefold(): v for k, v in fields.items()}
    date = next((v for k in _FRONT_DATES if (v := fields.get(k)) is not None), None)
    if isinstance(date, dt.datetime):
        date = date.date()
    elif not isinstance(date, dt.date):
        date = day_in(str(date)) if date is not None else None  # (`March 8, 2024` too: datesmeant's forms)
    names = next((v for k in _FRONT_AUTHORS if (v := fields.get(k))), None)
    names = [str(n).strip() for n in (names if isinstance(names, list) else [names])] if names else []
    names = [n for n in names if n and "\n" not in n]
    return date, f"作者：{'、'.join(names)}" if names else None


def refuse_source_copy(path: Path) -> None:
    """`_refuse_source` before anything else is judged: `publish import source/x.md` was told
    'source/x.md already exists: pass --force', and with --force only then that it is a source."""
    if SUFFIXES.get(path.suffix.lower()) != "Markdown text":
        return
    try:
        with open(path, "rb") as handle:
            text, _notes = decode(handle.read(MAX_BYTES), str(path))
    except (OSError, PublishError):
        return  # read (and refused) with the rest of the copy
    _refuse_source(text, path)


def _refuse_source(text: str, path: Path) -> None:
    """A `.md` that is already a publish source (its `speakers:`, its `::: answer` fences) is no copy:
    importing it would print its front matter and fences as text."""
    if _SOURCE_MARKS.search(text):
        raise ImportUsageError(f"{path}: this is already a publish source, not copy: check it with "
                               f"`publish check {path}` (or copy it into source/)")


def read_text(text: str) -> Extracted:
    """Plain text; a first line that is a Markdown title (`# 社区食堂里的老人们`, one `#`: a paste
    from another CMS) is the title, as a page's <h1> is, and so is a CMS export's front matter
    `title:` (its other lines are the CMS's, not copy)."""
    notes: list[str] = []
    title, date = None, None
    front = _FRONT_MATTER.match(text.replace("\r\n", "\n"))  # (a Windows CMS export's line ends)
    if front:
        text = text.replace("\r\n", "\n")
    if front and all(_YAML_LINE.match(line) for line in front["yaml"].splitlines() if line.strip()):
        found = _FRONT_TITLE.search(front["yaml"])
        title = found["title"].strip() if found else None
        notes.append("left out the copy's front matter (`---` … `---`, the CMS's fields)")
        date, byline = _front_fields(front["yaml"])
        # (its author as a byline the credit reads, on the copy's first line: before, `date:` and
        # `author:` of a CMS export were left out with the CMS's other fields, and both were TODO)
        text = (byline or "") + "\n" * (front.group(0).count("\n") - bool(byline)) + text[front.end():]
    date_from = "the copy's front matter `date:`" if date else None
    text, listed, properties = page_properties(text)
    if date is None and listed is not None:
        date, date_from = listed, "the page's properties under its title"
    notes += properties
    text, anchors = _EMPTY_HTML.subn("", text)
    if anchors:
        notes.append(f"left out {anchors} empty HTML anchor(s) of an export (`<a name=\"…\"></a>`): no text")
    text, head_date = _without_running_heads(text, notes)
    if date is None and head_date is not None:
        date, date_from = head_date, "the running head of the PDF's pages"
    breaks = [n for n, line in enumerate(text.splitlines(), 1) if _RULE_LINE.match(_clean(line))]
    if breaks:
        # (no edition prints a section break: the source format leaves `* * *` out, W416)
        notes.append(f"left out {len(breaks)} section break(s) (`* * *`, copy line(s) "
                     f"{', '.join(map(str, breaks))}): no edition prints one")
    read = markdown_qa_rows(text.splitlines())  # (a Q&A table's rows are labels, below: nothing to say of them)
    rows = [n for n, line in enumerate(text.splitlines(), 1) if _TABLE_ROW.match(line.strip()) and _TABLE_ROW.match(
        read[n - 1].strip()) and not _TABLE_RULE.match(line.strip())]
    if any(a != b for a, b in zip(read, text.splitlines())):
        notes.append("read a Markdown table whose left cells name who speaks as the turns' labels (`问：…`)")
    if rows:
        notes.append(f"kept {len(rows)} row(s) of a Markdown table one paragraph each, cells parted by ｜ (copy "
                     f"line(s) {', '.join(map(str, rows[:6]))}{' …' if len(rows) > 6 else ''}): write them as sentences or a list")
    blocks, links, pictures = _markdown_inline(text_blocks(text))
    notes += pictures
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if blocks and blocks[0].heading and _MARKDOWN_TITLE.match(first):
        return Extracted(blocks[1:], "plain text", strip_links(blocks[0].text),
                         "the copy's first line, a Markdown title (`# …`)", date,
                         date_from, notes=notes, links=links)
    if title or date:
        return Extracted(blocks, "plain text", title, "the copy's front matter `title:`" if title else None, date,
                         date_from, notes=notes, links=links)
    return Extracted(blocks, "plain text", notes=notes, links=links)


# A page's number alone on a line of text a PDF gave (`— 3 —`, `- 12 -`, `第 3 页`, `3 / 12`, `Page 3`)
_PAGE_NUMBER = re.compile(r"^[\s\-—–·•|｜]*(?:第\s*)?(?:Page\s+|p\.\s*)?\d{1,4}(?:\s*(?:页|/\s*\d{1,4}|of\s+\d{1,4}))?[\s\-—–·•|｜]*$",
                          re.IGNORECASE)
_RUNNING_HEAD_MAX = 60
_HEAD_MARKS = re.compile(r"\d|[·•|｜/／—]")  # an issue's number, a date, a section's separator


def _without_running_heads(text: str, notes: list[str]) -> tuple[str, object]:
    """Text a PDF gave (`pdftotext`) repeats each page's running head (`江城晚报 · 城市版  2024年10月8日`)
    beside the page's number or its form feed: a short line that stands again at a page break is
    the page's, not the text's. Each is left out (its line kept empty, so copy lines keep their
    numbers) and said in the summary, the first page's too; a date in it is the copy's date. Before:
    the head stood in the text, once inside an answer, and the first became the title."""
    from pipeline.importers.datelines import date_of

    lines = text.split("\n")
    breaks = {n for n, line in enumerate(lines) if "\f" in line or _PAGE_NUMBER.match(line.strip())}
    if not breaks:
        return text, None

    def at_break(n: int) -> bool:
        near = [m for m in range(n - 3, n + 4) if m in breaks]
        return any(not "".join(lines[min(m, n) + 1 : max(m, n)]).strip() for m in near)

    # (without the form feeds `pdftotext` writes, a page number is no proof: `01`, `02` number a
    # paste's sections too, and a label alone on its line recurs there; a head then carries an
    # issue, a date or a separator, `城市周刊 · 第12期`, and never ends in a colon)
    fed = any("\f" in line for line in lines)
    seen: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        shown = _clean(line.replace("\f", ""))
        if shown and len(shown) <= _RUNNING_HEAD_MAX and not _PAGE_NUMBER.match(shown) and not shown.endswith(
                ("：", ":")) and (fed or _HEAD_MARKS.search(shown)):
            seen.setdefault(re.sub(r"\s+", "", shown), []).append(n)
    heads = [ns for ns in seen.values() if len(ns) >= 2 and all(at_break(n) for n in ns[1:])]
    dropped = sorted(n for ns in heads for n in ns)
    if not heads:
        return text, None
    shown = [_clean(lines[ns[0]].replace("\f", "")) for ns in heads]
    for n in dropped:
        lines[n] = "\f" if "\f" in lines[n] else ""
    notes.append(f"left out {len(dropped)} running head(s) of a PDF's pages (“{'”、“'.join(shown)}”, copy "
                 f"line(s) {', '.join(str(n + 1) for n in dropped[:6])}): the page's, not the text's")
    return "\n".join(lines), next((d for text in shown if (d := date_of(text))), None)


# A Markdown picture (`![alt](address)`) and link (`[text](address)`) inside a line of pasted copy
_MARKDOWN_PICTURE = re.compile(r"!\[[^\]\n]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_LINK = re.compile(r"(?<!\\)\[(?P<text>[^\]\n]+)\]\((?P<href>[^()\s]+)(?:\s+\"[^\"]*\")?\)")


def _markdown_inline(blocks: list[Block]) -> tuple[list[Block], list[str], list[str]]:
    """Pictures and links of a Markdown paste: a picture's mark is the page's, not the text's
    (left out, and said in the summary); a link to a web or mail address is the copy's link (its
    text stays, marked as a page's link is; any other keeps its text). Before: both were printed as
    written, `！\\[\\](https://…)`, their brackets escaped and the `!` made full-width."""
    links: list[str] = []
    marks = _Links(links)
    pictures = 0
    out: list[Block] = []

    def link(match: re.Match[str]) -> str:
        opened = marks.open(match["href"])
        return f"{opened}{match['text']}{LINK_CLOSE}" if opened else match["text"]

    for block in blocks:
        text, found = _MARKDOWN_PICTURE.subn("", block.text)
        pictures += found
        text = _MARKDOWN_LINK.sub(link, text).strip()
        if text:
            out.append(replace(block, text=text))
    notes = [f"left out {pictures} picture mark(s) of a Markdown paste (`![…](…)`)"] if pictures else []
    return out, links, notes


def text_blocks(text: str) -> list[Block]:
    """Plain text: one block per non-empty line (copy pastes one paragraph per line). Copy that
    parts its paragraphs with blank lines but breaks a paragraph's own lines (hard-wrapped, as a
    PDF or an e-mail gives it) has those lines joined again: a line that does not end like a
    sentence, a label or a heading continues on the next (`line_join`: nothing between Chinese
    characters, a space between Latin words); a line ending in a transcript's time code is a
    turn's head (`Speaker 1  00:00:15`), never wrapped (before: it ran into the turn's words)."""
    lines = markdown_qa_rows([_clean(CHARACTER_REFERENCE.sub(_unescape, raw)) for raw in text.splitlines()])
    blocks: list[Block] = []
    wrapped = _hard_wrapped(lines)
    from pipeline.importers.rules import rules

    coded = re.compile(rf"(?:{rules().time_code.pattern})\s*$")  # (`Speaker 1  00:00:15`: a turn's head, never wrapped)
    joined = False  # (the line before ran on from the one before it: a wrapped paragraph's middle line)
    for n, line in enumerate(lines, 1):
        if _TABLE_RULE.match(line):
            continue  # (its header's rule: no text)
        row = _TABLE_ROW.match(line)
        if row:  # (one paragraph a row, never run into the next: before, a table was one line)
            line = "｜".join(cell.strip() for cell in line.strip("|").split("|"))
        if not line:
            continue
        previous = lines[n - 2] if n >= 2 else ""
        if (wrapped and blocks and previous and not row and not _TABLE_ROW.match(previous)
                and not previous.endswith(_LINE_ENDS) and (len(previous) >= _WRAP_MIN or joined)
                and not _ITEM_START.match(line) and not coded.search(previous)):
            before = blocks[-1].text
            # (a Latin word a PDF hyphenated at the line's end, `beauti-` / `ful`, is one word again)
            text = before[:-1] + line if _HYPHENATED.search(before) and line[:1].islower() else (
                before + line_join(before, line) + line)
            blocks[-1] = Block(text, line=blocks[-1].line)
            joined = True
        else:
            blocks.append(Block(line, line=n))
            joined = False
    return [read for block in blocks if (read := _markdown(block)).text]


# Markdown a paste from another CMS leaves in plain text: (pattern of the whole line, what it says).
# A heading's `#` marks, a quote's `>` and a whole line in bold or italics are the CMS's layout, read
# as a page's <h2>, <blockquote>, <strong> and <em> are; a bold label (`**张三：**答…`) is a label.
# (Before: `**食堂志愿者甘丽华：**` put `**` into the speaker's role and the import stopped with an
# importer bug, E229; `## 您每天都来吗？` was a question with its `##`.)
_MARKDOWN_TITLE = re.compile(r"^#\s+\S")
# An empty HTML element a wiki's Markdown export puts before each heading (Yuque's `<a name="Xk2pQ"></a>`,
# `<a id="…"></a>`, `<span id="…"></span>`): no text, taken out (before: it was joined to the heading under it,
# and the title was `<a name="…"></a> # …`, each question's heading with it).
_EMPTY_HTML = re.compile(r"<(?P<tag>a|span|div)\s+(?:name|id)\s*=\s*[\"'][^\"'<>]*[\"']\s*(?:/>|>\s*</(?P=tag)>)", re.IGNORECASE)
_RULE_LINE = re.compile(r"^(?:[*_-]\s*){3,}$")
_MARKDOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^#{1,6}\s+(?P<text>.+?)(?:\s+#+)?$"), "heading"),
    (_RULE_LINE, "rule"),  # (`* * *`, `---`: a thematic break, no text)
    # (a Notion or Feishu callout is a quote opening with its icon, `> 💡 本文为…`: the icon is the app's, no copy;
    # before, it stayed and the PDFs printed a box for it, W408)
    (re.compile(r"^(?:>\s?)+(?:\s*[\U0001F300-\U0001FAFF\u2600-\u27BF][\uFE0F\u200D]*)*\s*(?P<text>.*)$"), "quote"),
    (re.compile(r"^(?P<mark>\*\*|__)(?P<text>[^*_]+?)(?P=mark)$"), "strong"),
    (re.compile(r"^(?P<mark>\*\*|__)(?P<label>[^*_]{1,48}?[：:])\s*(?P=mark)\s*(?P<rest>.*)$"), "label"),
    (re.compile(r"^(?P<mark>\*\*|__)(?P<label>[^*_]{1,48}?)(?P=mark)\s*(?P<rest>[：:].*)$"), "label"),
    (re.compile(r"^(?P<mark>[*_])(?P<text>[^*_]+)(?P=mark)$"), "emphasis"),
)


def _markdown(block: Block) -> Block:
    """The block without the Markdown marks of `_MARKDOWN` (each applied once, in order)."""
    for pattern, kind in _MARKDOWN:
        match = pattern.match(block.text)
        if match is None:
            continue
        if kind == "label":
            block = replace(block, text=f"{match['label'].strip()}{match['rest'].strip()}",
                            strong=block.strong or not match["rest"].strip(" ：:"))
        elif kind == "rule":
            return replace(block, text="")
        elif match["text"].strip():
            block = replace(block, text=match["text"].strip(), heading=block.heading or kind == "heading",
                            strong=block.strong or kind == "strong")
    return block


def _unescape(match: re.Match[str]) -> str:
    """A character reference of a paste from a page's source (`&ldquo;`, `&nbsp;`, `&#8203;`) as
    its character: every edition would print it as written (before: `\\&ldquo；夜班` in the source,
    its `;` even made full-width). One HTML does not know stays as written."""
    return html.unescape(match[0])


def _hard_wrapped(lines: list[str]) -> bool:
    """Paragraphs parted by blank lines (after a line that ends like a paragraph, at least three
    times and nearly always a blank line follows) and some line running on into the next: the
    lines of a paragraph broken at a width."""
    ends = [(a, b) for a, b in zip(lines, lines[1:]) if a.endswith(_LINE_ENDS)]
    blank = sum(1 for _a, b in ends if not b)
    running = any(a and b and not a.endswith(_LINE_ENDS) and len(a) >= _WRAP_MIN for a, b in zip(lines, lines[1:]))
    return running and blank >= 3 and blank >= 0.8 * len(ends)


def read_docx(data: bytes, shown: str) -> Extracted:
    import io
    import zipfile

    import mammoth

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
        if unpacked > MAX_DOCX_XML_BYTES:
            raise ImportUsageError(f"{shown}: its text unpacks to {unpacked / 1e6:.0f} MB, more than an article "
                                   f"(the limit is {MAX_DOCX_XML_BYTES // 1_000_000} MB): split it or check the file")
        result = mammoth.convert_to_html(io.BytesIO(data), style_map="p[style-name='Title'] => h1.doc-title:fresh")
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PublishError(f"{shown}: not a readable .docx file ({exc})") from None
    fragment = lxml_html.fragment_fromstring(result.value or "<p></p>", create_parent="div")
    title = None
    heads = fragment.xpath('./h1[contains(@class, "doc-title")]')
    if heads:
        title = _clean(heads[0].text_content()) or None
        heads[0].getparent().remove(heads[0])
    links: list[str] = []
    footnotes = _word_notes(fragment)
    blocks = walk_html(fragment, links) + footnotes
    notes = [f"Word: {m.message}" for m in result.messages if m.type == "warning"][:3]
    return Extracted(blocks, "Word document", title, "the document's Title paragraph" if title else None,
                     notes=notes, links=links)


def _word_notes(fragment) -> list[Block]:
    """Word's footnotes and endnotes, which mammoth lists at the end (`<li id="footnote-1">…
    <a href="#footnote-ref-1">↑</a>`): taken out of the text and handed on after a notes heading
    (the first of rules.toml's `note_headings`), each as `[n] …` with its mark in the text, so they
    become the source's notes. Before: they were a numbered list in the last speaker's answer,
    with a stray `↑`."""
    from pipeline.importers.rules import rules

    found: list[Block] = []
    kinds = ("footnote", "endnote")
    for item in fragment.xpath(" | ".join(f'.//li[starts-with(@id, "{kind}-")]' for kind in kinds)):
        for back in item.xpath(" | ".join(f'.//a[starts-with(@href, "#{kind}-ref-")]' for kind in kinds)):
            back.drop_tree()
        marks = fragment.xpath(".//a[@href=$target]", target=f"#{item.get('id')}")  # (its mark in the text: `[2]`)
        mark = _clean(marks[0].text_content()) if marks else f"[{item.get('id').rsplit('-', 1)[-1]}]"
        text = _clean(item.text_content())
        parent = item.getparent()
        item.drop_tree()
        if parent is not None and not len(parent) and not (parent.text or "").strip():
            parent.drop_tree()
        if text:
            found.append(Block(f"{mark} {text}"))
    return [Block(rules().note_headings[0]), *found] if found else []
