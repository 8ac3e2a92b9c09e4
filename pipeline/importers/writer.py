"""A draft → the text of a source file in the project's format (docs/source-format.md).

What the copy does not say is written as a `TODO` placeholder (`pipeline/placeholders.py`), which
`publish check` reports until an editor fills it in; every guess the importer was unsure of gets
a `# check: …` comment on its line. Paragraph text is escaped so that the reader gets back
exactly the copy's characters (`*`, `[`, `<`, `&` … stay text).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence

import yaml

from pipeline.fences import scan
from pipeline.importers.draft import Chapter, Draft, Para, Person
from pipeline.importers.extracted import BULLET
from pipeline.importers.formats import LINK_BASE, LINK_CLOSE, LINK_OPEN, strip_links
from pipeline.placeholders import TODO
from pipeline.textslips import escape_by_chance, only_marks

_ESCAPE = re.compile(r"([\\`*\[\]<>&{}]|(?<![^\W_])_|_(?![^\W_]))")  # `_` inside a word is text
_FULL_WIDTH_MARK = re.compile("[：＃]")
_LINE_START = re.compile(r"^(#|>|\+|-|=|~|\||:|%|\d+[.)])")  # (% : a LaTeX comment to the reader, E233)
COMMENT_COLUMN = 34


def write_source(draft: Draft, slug: str, origin: str, identifier: str | None = None) -> str:
    identifier = identifier or f"urn:uuid:{uuid.uuid4()}"
    return "\n".join([*_front_matter(draft, slug, origin, identifier), "", *_body(draft)]).rstrip("\n") + "\n"


# -- front matter ---------------------------------------------------------------------------

def _front_matter(draft: Draft, slug: str, origin: str, identifier: str) -> list[str]:
    credit = draft.credit
    lines = [
        "---",
        f"# Imported by `publish import` from {origin} ({draft.kind}).",
        f"# {TODO} marks what the copy does not say: `publish check` reports each as an error (voice",
        "# hints: a warning) until you fill it in. A comment starting with 'check:' marks a guess to",
        "# confirm: fix the line if it is wrong, then delete the comment (a warning until then).",
        _field("id", identifier, "stable identifier: never change it"),
        _field("slug", slug, "output file names: output/<slug>.epub …"),
    ]
    if draft.title:
        lines.append(_field("title", draft.title, f"check: from {draft.title_from}"))
    else:
        lines.append(_field("title", f"{TODO}: 标题", "the copy gives no title"))
    if draft.subtitle:
        lines.append(_field("subtitle", draft.subtitle, "check: from the line under the headline, opened by a dash"))
    lines.append(_field("language", draft.language, "BCP 47, from the characters of the copy"))
    if credit and credit.authors:
        lines.append(_field("authors", credit.authors, "from the credit line"))
    else:
        lines.append(_field("authors", [f"{TODO}: 作者"], "the copy names no author"))
    if credit and credit.editor:
        others = "、".join(f"{word}：{name}" for word, name in credit.editors if name != credit.editor)
        lines.append(_field("editor", credit.editor, "from the credit line" + (
            f" (its responsible editor; it also names {others}, kept there)" if others else "")))
    if credit and credit.outlet:
        lines.append(_field("outlet", credit.outlet, "from the credit line"))
    else:
        lines.append(_field("outlet", f"{TODO}: 首发媒体", "the copy names no outlet"))
    if credit and credit.account:
        lines.append(_field("account", credit.account, "from the credit line"))
    if draft.date:
        lines.append(_field("date", draft.date.isoformat(), f"check: from {draft.date_from}"))
    else:
        lines.append(_field("date", TODO, "YYYY-MM-DD of first publication: the copy gives none"))
    lines.append(_field("description", f"{TODO}: 一句话简介", "one sentence for catalogues and feeds"))
    lines.append(_field("rights", f"{TODO}: 版权声明", "e.g. © 2024 出版方。转载请注明出处。"))
    if credit:
        lines.append(_field("credit", credit.text, "the copy's credit line, printed at the end"))
    lines.append("")
    if draft.people:
        lines.append(_comment("speakers:", "in order of first appearance in the Q&A"))
        for sentence in draft.pseudonym_doubts:
            lines.append(f"  # check: the copy says “{sentence}”: set 'pseudonym: true' on the speakers it means")
        for person in draft.people:
            lines += _speaker(person)
    else:
        lines.append(_comment("speakers: []", "the copy has no labelled answers"))
    lines += ["", _comment("pronunciations: {}", "word: pīn yīn, where `publish check` warns (W405)"), "---"]
    return lines


def _speaker(person: Person) -> list[str]:
    check = f"check: {'; '.join(person.doubts)}" if person.doubts else None
    lines = [f"  - id: {person.id}", _field("name", person.name, check, indent=4)]
    if person.role:
        lines.append(_field("role", person.role, indent=4))
    if person.handle:
        lines.append(_field("handle", person.handle, indent=4))
    if person.pseudonym:
        lines.append(_field("pseudonym", True, "the copy says so", indent=4))
    lines.append(_comment(f"    voice: {{gender: {TODO}}}", "male | female: the copy does not say (or delete this line)"))
    return lines


def _field(name: str, value, comment: str | None = None, indent: int = 0) -> str:
    if isinstance(value, list):
        text = f"[{', '.join(_scalar(v) for v in value)}]"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = _scalar(str(value))
    line = f"{' ' * indent}{name}: {text}"
    return _comment(line, comment) if comment else line


def _comment(line: str, comment: str) -> str:
    """`line` with a YAML comment, aligned at COMMENT_COLUMN (in display columns: a Chinese
    character is two) and at least two spaces after the value."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    return line + " " * max(COMMENT_COLUMN - width, 2) + f"# {comment}"


def _scalar(value: str) -> str:
    """The value plain when YAML reads it back as the same string, else double-quoted."""
    value = strip_links(value)
    if value and value == value.strip() and "#" not in value and "\n" not in value:
        try:
            if yaml.load(f"k: {value}", Loader=_TextLoader) == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _TextLoader(yaml.SafeLoader):
    """Like the reader's loader: dates stay text (so `date: 2024-02-22` is written plain)."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# -- body -----------------------------------------------------------------------------------

def _body(draft: Draft) -> list[str]:
    lines: list[str] = []
    lines += _paragraphs(draft.article, links=draft.links)
    for chapter in draft.chapters:
        lines += _chapter(draft, chapter)
    if draft.notes:
        lines += ["::: note", *_paragraphs([Para(n) for n in draft.notes], blank_end=False, links=draft.links), ":::", ""]
    if draft.references:
        lines += [f"## {heading_text(draft.references_title or '参考资料')} {{.references}}", ""]
        lines += [f"{n}. {linked(escape(text), draft.links)}" for n, text in enumerate(draft.references, start=1)] + [""]
    if draft.notes_after:
        lines += ["::: note", *_paragraphs([Para(n) for n in draft.notes_after], blank_end=False, links=draft.links),
                  ":::", ""]
    return lines


def _chapter(draft: Draft, chapter: Chapter) -> list[str]:
    lines = [f"## {heading_text(_question_words(chapter.title))}{' {.closing}' if chapter.closing else ''}", ""]
    for answer in chapter.answers:
        person = draft.people[answer.person]
        role = strip_links(answer.role_override) if answer.role_override else None
        head = f"::: answer {person.id}" + (f" role={role}" if role else "")
        lines += [head, *_paragraphs(answer.paragraphs, blank_end=False, links=draft.links), ":::", ""]
    return lines


def _paragraphs(paras: list[Para], blank_end: bool = True, links: Sequence[str] = ()) -> list[str]:
    """Paragraphs separated by blank lines; consecutive numbered points as one tight list."""
    lines: list[str] = []
    for index, para in enumerate(paras):
        text = markdown_text(para, links)
        if para.number is not None:
            lines.append(f"- {text}" if para.number == BULLET else f"{para.number}. {text}")
            following = paras[index + 1] if index + 1 < len(paras) else None
            if following is None or following.number is None or (following.number == BULLET) != (para.number == BULLET):
                lines.append("")
        else:
            lines += [text, ""]
    if lines and lines[-1] == "" and not blank_end:
        lines.pop()
    return lines


def markdown_text(para: Para, links: Sequence[str] = ()) -> str:
    """A paragraph as Markdown: its text escaped, asides as `[（…）]{.aside}`, the copy's links
    as `[text](address)`."""
    out, at = [], 0
    for start, end in para.asides:
        out.append(escape(para.text[at:start], line_start=at == 0))
        out.append(f"[{escape(para.text[start:end])}]{{.aside}}")
        at = end
    out.append(escape(para.text[at:], line_start=at == 0))
    return linked("".join(out), links)


_LINKED = re.compile(f"{LINK_OPEN}(.)([^{LINK_OPEN}{LINK_CLOSE}]*){LINK_CLOSE}", re.S)


def linked(escaped: str, links: Sequence[str]) -> str:
    """Escaped text with the copy's link marks written as Markdown links ('[text](https://…)',
    the address in '<…>' where it holds a space or a bracket); a mark left alone (a link cut by a
    line break or an aside) leaves its text unlinked."""

    def link(m: re.Match[str]) -> str:
        number, text = ord(m[1]) - LINK_BASE, m[2]
        if not text.strip() or not 0 <= number < len(links):
            return text
        address = links[number].replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
        if re.search(r"[()\s\\]", address):
            address = f"<{address}>"
        return f"[{text}]({address})"

    return strip_links(_LINKED.sub(link, escaped))


def escape(text: str, line_start: bool = True) -> str:
    """Text that markdown-it reads back as exactly `text`."""
    escaped = _ESCAPE.sub(r"\\\1", text)
    escaped = re.sub(r"(?<!\\):(?=:)", r"\\:", escaped)  # ':::' anywhere is a fence, '::x::' Ulysses' highlight (E233)
    escaped = re.sub(r"(?<!\\)%(?=%)", r"\\%", escaped)  # '%%x%%': an Obsidian comment to the reader (E233)
    escaped = re.sub(r"([~=])(?=\1)", r"\\\1", escaped)  # ('~~x~~', '==x==' are text of the copy: not E233)
    if line_start and (match := _LINE_START.match(escaped)):
        token = match[0]
        escaped = (token[:-1] + "\\" + token[-1] if token[0].isdigit() else "\\" + token) + escaped[len(token):]
    escaped = re.sub("：(?=：：)", "&#xFF1A;", escaped)  # (three anywhere: the reader takes them for a fence, E217)
    escaped = escape_by_chance(escaped, line_start)  # ('h1. ', '.. x::', 'Tags: ', '$a^2$': E233 otherwise)
    return _not_a_fence(escaped) if line_start else escaped


def _not_a_fence(line: str) -> str:
    """The line, written so that the fence scanner reads it as text: a line opening with
    full-width '：：' or '＃＃' (which a backslash cannot escape: it is not ASCII punctuation)
    gets its first such mark as a character reference, which Markdown prints as the mark
    (before: copy with a line '：：：' stopped the import as 'an importer bug', E216)."""
    while scan([line]).problems and (mark := _FULL_WIDTH_MARK.search(line)):
        line = line[: mark.start()] + f"&#x{ord(mark[0]):X};" + line[mark.end():]
    return line


def _question_words(title: str) -> str:
    """A question of marks alone ('问：……', an interviewer's pause) as a placeholder the editor
    is told about (E127), with the marks the copy had: the reader refuses a heading of marks
    alone (E208), and the import stopped as 'an importer bug'."""
    return f"{TODO}: 问题（原稿只有“{title.strip()}”）" if only_marks(title.strip()) else title


def heading_text(text: str) -> str:
    """A question as a '## ' heading's text: escaped like a paragraph's text, and every '#'
    too (a closing ' #' would be taken for the heading's closing sequence)."""
    return re.sub(r"(?<!&)#", r"\\#", escape(strip_links(text), line_start=False))  # (not the '#' of a reference '&#xFF1A;')
