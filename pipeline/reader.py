"""Reads one source file (Markdown + YAML front matter) into the document model.

Every problem becomes a `Diagnostic` with the file, line and column; `read_source` raises the
first error for builds, `read_with_diagnostics` returns them all for `publish check`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin

from pipeline.diagnostics import Diagnostic, errors
from pipeline.errors import SourceError
from pipeline.fences import Block, Run, scan
from pipeline.frontmatter import FrontMatterError, FrontMatterInput, Positions, parse_yaml, validate
from pipeline.inlinetext import (
    attribute_block_problem,
    heading_attribute_problem,
    link_problem,
    read_spans,
    split_heading_attrs,
    what_comment,
)
from pipeline.sourcebytes import decode_source
from pipeline.sourcetext import invisible_characters, lost_characters, split_lines, without_invisible
from pipeline.model import (
    Answer,
    Document,
    Location,
    Metadata,
    Paragraph,
    Pronunciation,
    Reference,
    Section,
    SectionKind,
    Span,
    Speaker,
    VoiceHint,
)
from pipeline.pinyin_syllables import count_han, is_han, normalise_syllables
from pipeline.placeholders import find_placeholders
from pipeline.slugs import slug_from_name
from pipeline.syllables import has_reading, is_syllable

_ANSWER_INFO = re.compile(r"^answer\s+(?P<id>\S+)(?:\s+role=(?P<role>.*\S))?\s*$")
_ROLE_QUOTES = re.compile(r'^"(.*)"$|^“(.*)”$|^\'(.*)\'$|^‘(.*)’$')
_CLOSING_QUOTE = {'"': '"', "“": "”", "'": "'", "‘": "’"}  # (a role opened with one and never closed: E226)
_DATED_REFERENCE = re.compile(r"，(?P<outlet>[^，]+)，(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*$")
_PLATFORM_REFERENCE = re.compile(r"^(?P<outlet>[^：，]+)：\s*@")
_CHARACTER_REFERENCE = re.compile(r"(?<!\\)&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,9}));")
_HTML_COMMENT = re.compile(r"(?<!\\)<!--")
# An HTML tag as a web page or a CMS writes it: '<br>', '<b>', '</p>', '<span class="x">', '<br/>'.
_HTML_TAG = re.compile(r"(?<!\\)</?(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_CODE_SPAN = re.compile(r"(`+).+?\1")
# Names of the elements copy carries in (a '<T>' or '<name>' in prose is left alone).
HTML_TAGS = frozenset("""a abbr b big blockquote br center cite code del div em font h1 h2 h3 h4 h5 h6 hr i img
    ins kbd li mark ol p pre q s section small span strike strong sub sup table td th tr u ul""".split())
# Two or more '*' or '_' that Markdown did not read as emphasis: CommonMark does not open or close
# '**' between a Chinese quotation mark or bracket and a Han character ('**“好”**然后'), nor '__'
# inside a word, so every edition printed the marks (E229). ('\\**' is escaped: text on purpose.)
_EMPHASIS_RUN = re.compile(r"(?<![\\*_])(?:\*\*+|__+)(?![*_])")
# What a span '[…]{…}' (or a link's '{…}') may carry: the aside class and a language; an id is let
# be (no edition needs it). Anything else was dropped without a word: '{.asdie}' printed the aside
# as the speaker's words, read in the speaker's voice; '{lang=english}' went into the EPUB's xml:lang.
SPAN_CLASSES = ("aside",)
# Front-matter values every edition prints as they stand (E229 when they hold Markdown's '**').
PRINTED_FIELDS = ("title", "subtitle", "authors", "editor", "outlet", "account", "description", "rights", "credit")
PRINTED_SPEAKER_FIELDS = ("name", "role", "handle")
SPAN_KEYS = ("class", "lang", "id", "href")
# A link or a span typed through an IME: '[文字]（https://…）', '［文字］(https://…)', '[（笑）]｛.aside｝'.
# Markdown reads none of them: every edition printed the brackets and the address, the link lost.
_FULL_WIDTH_MARKUP = (
    (re.compile(r"(?<!\\)\]\s*（\s*(?:https?://|mailto:)"), "E223",
     "a link's address in full-width parentheses '（…）' is printed as written, the link lost: write '[文字](https://…)'"),
    (re.compile(r"［[^］\n]*］\s*[(（]\s*(?:https?://|mailto:)"), "E223",
     "a link's text in full-width brackets '［…］' is printed as written, the link lost: write '[文字](https://…)'"),
    (re.compile(r"(?<!\\)[\]］]｛\s*(?:[.#．]|[A-Za-z]+\s*[=＝])"), "E226",
     "an attribute block in full-width braces '｛…｝' is printed as written, its attribute lost: write '{.aside}' or '{lang=en}'"),
)
_UNESCAPED_FENCE = re.compile(r"(?<!\\):::")  # '\\:::' is Markdown's escaped colon: text, printed ':::'
# A chapter's {#id} is an anchor in every edition (XHTML id, PDF destination, URL fragment): a
# letter first, then letters, digits, hyphens or underscores ('{#}' or '{#a"b}' lost the PDF's
# contents and index links).
_CHAPTER_ID = re.compile(r"^[^\W\d_][\w-]*$")
# Markdown blocks the editions have no place for: each is an error, never text (markdown-it is
# told to see '|' tables, whose rows it would otherwise run together into one paragraph). HTML
# is not among them: with `html` off it is text, shown as written (`test_html_in_source_stays_text`).
_UNSUPPORTED = {
    "fence": "fenced code", "code_block": "indented code: a line that starts with a tab or four spaces; delete the indentation",
    "table_open": "table",
}
# '***', '---' or '___' alone between paragraphs: a section break, left out of every edition (the
# format has none), which `publish check` says (W416) rather than leaving it out without a word.
_RULE = "hr"
# Lists and quotes inside one another, at most this deep: the editions print every item flat, and
# markdown-it stops reading at its nesting limit (20 token levels), dropping the rest of the answer
# without a word (an answer of 20 '>' read as empty, E203; a list 10 deep lost the text after it).
MAX_NESTING = 6
_CONTAINERS = ("bullet_list_open", "ordered_list_open", "blockquote_open")


def _markdown() -> MarkdownIt:
    """Markdown inside one piece of the body; the `:::` blocks are found by `pipeline.fences`."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")  # (tables: to report them)
    # A line like '[^1]: 脚注。' or '[1]: http://…' is a link reference definition to CommonMark,
    # which prints nothing: the format has no links, so it stays text, as written.
    md.disable("reference")
    # Every link is read as one, so that the reader, not markdown-it, refuses an address (E223):
    # markdown-it's own check left '[公告](javascript:…)' as text, brackets and all.
    md.validateLink = lambda url: True
    md.use(attrs_plugin, spans=True)
    return md


@dataclass
class ReadResult:
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_source(path: Path) -> Document:
    """The document of a source file; raises `SourceError` at the first error."""
    result = read_with_diagnostics(path)
    problems = errors(result.diagnostics)
    if problems or result.document is None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more: run 'publish check')" if len(problems) > 1 else ""
        raise SourceError(first.path, first.line, first.col, f"{first.message}{more}")
    return result.document


def read_with_diagnostics(path: Path) -> ReadResult:
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ReadResult(None, [Diagnostic("E100", shown, 1, 1, "file not found")])
    except IsADirectoryError:
        return ReadResult(None, [Diagnostic("E100", shown, 1, 1, "this is a folder, not a source file")])
    except OSError as exc:
        return ReadResult(None, [Diagnostic("E100", shown, 1, 1, f"cannot read the file: {exc.strerror or exc}")])
    return read_data(data, shown, default_slug=slug_from_name(path.stem))


def read_data(data: bytes, shown: str, default_slug: str = "title") -> ReadResult:
    """A source's bytes as read from a file named `shown` (the build driver's workers get the
    bytes, not the path)."""
    text = decode_source(data, shown)
    if isinstance(text, Diagnostic):
        return ReadResult(None, [text])
    return read_text(text.removeprefix("\ufeff"), shown, default_slug=default_slug)


def read_text(text: str, path: str, default_slug: str = "title") -> ReadResult:
    """The document of a source text and every problem found in it, sorted by position."""
    result = _read_lines(split_lines(text), path, default_slug)
    result.diagnostics.sort(key=lambda d: (d.line, d.col))
    return result


def _read_lines(lines: list[str], path: str, default_slug: str) -> ReadResult:
    if not lines or lines[0].strip() != "---":
        return ReadResult(None, [Diagnostic("E101", path, 1, 1, "no front matter: the first line must be '---'")])
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return ReadResult(None, [Diagnostic("E101", path, 1, 1, "front matter is not closed by a '---' line")])
    hidden = [Diagnostic("E102" if number <= end else "E219", path, number, col, message)
              for number, col, message in invisible_characters(lines, front_end=end)]
    hidden += [Diagnostic("E228", path, number, col, message) for number, col, message in lost_characters(lines)]
    front_hidden = [d for d in hidden if d.code == "E102"]
    if front_hidden:  # YAML would misplace lines after U+2028 or U+0085, so stop here
        return ReadResult(None, front_hidden)
    placeholders: list[Diagnostic] = []
    try:
        data, positions = parse_yaml("\n".join(lines[1:end]), path, line_offset=1)
        placeholders = find_placeholders(data, positions, path, lines, end)  # E120–E127, W406–W407
        front = validate(data, positions, path)
    except FrontMatterError as exc:
        return ReadResult(None, placeholders + exc.diagnostics + hidden)
    builder = _Builder(path, front, positions, body_offset=end + 1, body_lines=lines[end + 1 :])
    builder.diagnostics += placeholders + hidden
    builder.markup_in_fields()
    builder.read_body()
    document = builder.finish(default_slug)
    return ReadResult(document if not errors(builder.diagnostics) else None, builder.diagnostics)


class _Builder:
    """Walks markdown-it's token stream once, building sections and collecting problems."""

    def __init__(self, path: str, front: FrontMatterInput, positions: Positions, body_offset: int,
                 body_lines: list[str]) -> None:
        self.path = path
        self.body_lines = body_lines
        self.front = front
        self.positions = positions
        self.body_offset = body_offset
        self.diagnostics: list[Diagnostic] = []
        self.speakers = self._speakers()
        self.sections: list[dict] = [self._section("article", "article", None, 1)]
        self.section_ids: dict[str, int | None] = {"article": None}  # id → the line of its chapter heading
        self.question_count = 0
        self.note_count = 0
        self.fence_lines: set[int] = set()  # lines whose fence fault the scanner reported
        self.cut_short = False  # the last piece parsed lost text past the nesting limit (E212)

    # -- helpers ---------------------------------------------------------------------------
    def problem(self, code: str, line: int, col: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(code, self.path, max(line, 1), max(col, 1), message))

    def loc(self, token: Token) -> Location:
        """Where a block-level token starts (markdown-it maps every one; inline ones have none)."""
        return Location(path=self.path, line=token.map[0] + 1 + self.body_offset)

    def _section(self, section_id: str, kind: SectionKind, title: str | None, line: int) -> dict:
        return {"id": section_id, "kind": kind, "title": title, "paragraphs": [], "answers": [],
                "references": [], "loc": Location(path=self.path, line=line)}

    def _speakers(self) -> dict[str, Speaker]:
        speakers: dict[str, Speaker] = {}
        for index, item in enumerate(self.front.speakers):
            line, col = self.positions.of(("speakers", index, "id"))
            if item.id in speakers:
                first = speakers[item.id].loc.line
                self.problem("E202", line, col, f"speaker id '{item.id}' is declared twice (first on line {first})")
                continue
            speakers[item.id] = Speaker(
                id=item.id, name=item.name, role=item.role, handle=item.handle, pseudonym=item.pseudonym,
                voice=VoiceHint(**item.voice.model_dump()), loc=Location(path=self.path, line=line, col=col),
            )
        return speakers

    # -- the walk --------------------------------------------------------------------------
    def markup_in_fields(self) -> None:
        """E229 for '**' or '__' in a front-matter value the editions print (a value is plain text:
        every edition printed '**程一帆**' in the label, asterisks and all)."""
        front = self.front.model_dump()
        values = [((key,), front.get(key)) for key in PRINTED_FIELDS]
        values += [(("speakers", index, key), speaker.get(key))
                   for index, speaker in enumerate(front.get("speakers") or []) for key in PRINTED_SPEAKER_FIELDS]
        for path, value in values:
            items = [(path + (k,), v) for k, v in enumerate(value)] if isinstance(value, list) else [(path, value)]
            for where, text in items:
                if isinstance(text, str) and where in self.positions.marks and (run := _EMPHASIS_RUN.search(text)):
                    line, col = self.positions.of(where)
                    self.problem("E229", line, col, f"'{run[0]}' in '{'.'.join(map(str, where))}' is printed as written: "
                                                    "front-matter values are plain text, without Markdown")

    def read_body(self) -> None:
        """Top-level runs and `:::` blocks in order, each piece parsed on its own."""
        layout = scan(self.body_lines, first_line=self.body_offset + 1)
        for problem in layout.problems:
            self.problem(problem.code, problem.line, problem.col, problem.message)
            self.fence_lines.add(problem.line)
        for piece in layout.pieces:
            if isinstance(piece, Run):
                self.walk(self._parse(piece.start, piece.end))
            elif isinstance(piece, Block) and piece.readable:
                tokens = self._parse(piece.start + 1, piece.end)
                if piece.name == "answer":
                    self._answer(piece, tokens)
                else:
                    self._note(piece, tokens)
        if not any(line.strip() for line in self.body_lines):
            last = self.body_offset + len(self.body_lines)
            self.problem("E209", min(self.body_offset + 1, last), 1, "the source has a front matter but no text")

    def _parse(self, start: int, end: int) -> list[Token]:
        """Tokens of body lines [start, end), their maps in body-line coordinates."""
        tokens = _markdown().parse("\n".join(self.body_lines[start:end]))
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + start, token.map[1] + start]
        self.cut_short = self._nesting(tokens)  # (an answer cut short is not "empty": E212 says why)
        return tokens

    def _nesting(self, tokens: list[Token]) -> bool:
        """E212 at the first list or quote nested past MAX_NESTING (its text, or what follows it,
        may be lost)."""
        depth = 0
        for token in tokens:
            if token.type in _CONTAINERS:
                depth += 1
                if depth > MAX_NESTING:
                    self.problem("E212", self.loc(token).line, 1,
                                 f"lists or quotes nested more than {MAX_NESTING} deep: the editions print them flat, "
                                 "and past about ten levels the text is lost; write them as paragraphs or one list")
                    return True
            elif token.type.replace("_close", "_open") in _CONTAINERS:
                depth -= 1
        return False

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                i = self._heading(tokens, i)
            elif kind in ("paragraph_open", "ordered_list_open", "bullet_list_open", "blockquote_open"):
                i = self._top_level_blocks(tokens, i)
            elif kind in _UNSUPPORTED:
                self.problem("E212", self.loc(token).line, 1, f"unsupported block ({_UNSUPPORTED[kind]})")
                i = _skip(tokens, i)
            elif kind == _RULE:
                self._rule(token)
                i += 1
            else:
                i += 1

    def _heading(self, tokens: list[Token], i: int) -> int:
        token, inline = tokens[i], tokens[i + 1]
        line = self.loc(token).line
        if token.tag == "h3" and self.sections[-1]["kind"] == "article":
            return self._subheading(tokens, i)
        if token.tag != "h2":
            self.problem("E211", line, 1, f"'{token.markup}' heading: only '##' chapter headings are allowed"
                                          + (" ('###' marks a subheading inside the article only)" if token.tag == "h3" else ""))
            return i + 3
        _raw_title, attrs = split_heading_attrs(inline.content)
        # the question as the reader sees it: '**粗体**' and '[AI]{lang=en}' are markup, not text
        # (every edition printed the asterisks and braces, and the audio read them)
        self._stray_emphasis(inline)
        heading_spans = read_spans(inline)
        shown = "".join(span.text for span in heading_spans)
        # only braces the editor wrote as attributes are cut ('\\{.closing}' is text: it lost its
        # characters when the unescaped text was searched for attributes again)
        title = split_heading_attrs(shown)[0] if attrs else shown.strip()
        if any(span.href is not None for span in heading_spans):
            self.problem("E223", line, 1, "a chapter heading cannot be a link (the contents and the index link "
                                          "to it): put the link in the chapter's text")
        classes = {a[1:] for a in attrs if a.startswith(".")}
        ids = [a[1:] for a in attrs if a.startswith("#")]
        kind: SectionKind = "closing" if "closing" in classes else "references" if "references" in classes else "question"
        if kind == "question":
            self.question_count += 1
        default_id = {"closing": "closing", "references": "references"}.get(kind, f"q{self.question_count}")
        section_id = ids[0] if ids else default_id
        if ids and not _CHAPTER_ID.match(section_id):
            self.problem("E222", line, 1, f"chapter id '{_shown(section_id)}' is not an id: editions link to the chapter by it")
        if not title:
            self.problem("E208", line, 1, "chapter heading has no text")
        if (attribute_problem := heading_attribute_problem(inline.content)) is not None:
            self.problem("E224", line, 1, attribute_problem)
        self._attribute_blocks(inline)
        self._hidden_references(inline)
        self._html_comments(inline)
        if section_id in self.section_ids:
            self.problem("E207", line, 1, _id_used_twice(section_id, self.section_ids[section_id], kind, given=bool(ids)))
        self.section_ids.setdefault(section_id, line)
        references = next((s for s in self.sections if s["kind"] == "references"), None)
        if references and kind != "references":  # (a second references chapter is E207 above)
            self.problem("E221", line, 1, f"chapter '{title}' comes after the references chapter "
                                          f"(line {references['loc'].line}): references are the book's last chapter")
        section = self._section(section_id, kind, title, line)
        # '{lang=en}' marks the heading's language, as '[…]{lang=en}' marks a span's (it was dropped)
        section["lang"] = next((a.split("=", 1)[1].strip("\"'") or None for a in attrs if a.startswith("lang=")), None)
        self.sections.append(section)
        return i + 3

    def _subheading(self, tokens: list[Token], i: int) -> int:
        """'### 小标题' in the article: a feature's sections, a subheading among its paragraphs
        (before, a feature could only fake them with bold paragraphs: '##' is a question)."""
        inline = tokens[i + 1]
        self._attribute_blocks(inline)
        self._hidden_references(inline)
        self._html_comments(inline)
        spans = read_spans(inline)
        if not "".join(span.text for span in spans).strip():
            self.problem("E208", self.loc(tokens[i]).line, 1, "subheading has no text")
        elif any(span.href is not None for span in spans):
            self.problem("E223", self.loc(tokens[i]).line, 1, "a subheading cannot be a link: put the link in the text")
        else:
            self.sections[-1]["paragraphs"].append(Paragraph(spans=spans, heading=True, loc=self.loc(tokens[i])))
        return i + 3

    def _answer(self, block: Block, tokens: list[Token]) -> None:
        line = self.body_offset + block.start + 1
        loc = Location(path=self.path, line=line)
        section = self.sections[-1]
        raw = self.body_lines[block.start]
        match = _ANSWER_INFO.match(block.info)
        if not match:
            if re.search(r"\brole=\s*$", block.info):  # (the last 'role=' on the line: the empty one)
                self.problem("E206", line, raw.rfind("role=") + 1, "'role=' has no value: write the role after it")
            elif block.info.strip() == "answer":
                self.problem("E206", line, 1, "'::: answer' needs the speaker's id: '::: answer ID'")
            else:
                self.problem("E206", line, 1, f"cannot read '::: {block.info}'")
            return
        role = match["role"]
        if role is not None and role[0] in _CLOSING_QUOTE and _CLOSING_QUOTE[role[0]] not in role[1:]:
            # (every edition printed the quotation mark as part of the label)
            self.problem("E226", line, raw.find(block.info) + match.start("role") + 1,
                         f"the role '{role}' opens a value with {role[0]} and never closes it")
            return
        if role is not None and (quoted := _ROLE_QUOTES.match(role)):
            role = next(part for part in quoted.groups() if part is not None)
            if not role.strip():  # (at the 'role=' that the match read, whatever else the line holds)
                self.problem("E206", line, raw.find(block.info) + match.start("role") - len("role=") + 1,
                             "'role=' has no value: write the role after it")
                return
        if role is not None and (run := _EMPHASIS_RUN.search(match["role"])):  # (as written: columns stay true)
            self.problem("E229", line, raw.find(block.info) + match.start("role") + run.start() + 1,
                         f"'{run[0]}' in 'role=' is printed as written: a role is plain text, without Markdown")
        if section["kind"] == "note":
            self.problem("E205", line, 1, f"an answer cannot follow the note of line {section['loc'].line}: move the "
                                          "note after the chapter's answers (notes stand after the chapters)")
            return
        if section["kind"] not in ("question", "closing"):
            self.problem("E205", line, 1, "an answer must stand under a '##' question heading")
            return
        speaker = self.speakers.get(match["id"])
        if speaker is None:
            near = difflib.get_close_matches(match["id"], list(self.speakers), n=1, cutoff=0.6)
            # the speaker's name (or label) where the id belongs: '::: answer 老周'
            named = [s.id for s in self.speakers.values() if match["id"] in (s.name, s.label())]
            hint = (f"that is the name of speaker '{named[0]}': write its id, '::: answer {named[0]}'" if named
                    else f"did you mean '{near[0]}'?" if near else _known(sorted(self.speakers)))
            self.problem("E201", line, raw.find(block.info) + match.start("id") + 1,
                         f"unknown speaker id '{_shown(match['id'])}' ({hint})")
            return
        self._headings_inside(block, tokens)
        paragraphs = self._blocks(tokens)
        if not paragraphs and not self.cut_short:
            self.problem("E203", line, 1, f"answer by '{speaker.id}' is empty")
        if not paragraphs:
            return
        answer_id = f"{section['id']}-{len(section['answers']) + 1}"
        section["answers"].append(
            Answer(id=answer_id, speaker=speaker, role=role, paragraphs=tuple(paragraphs), loc=loc)
        )

    def _note(self, block: Block, tokens: list[Token]) -> None:
        line = self.body_offset + block.start + 1
        if block.info.strip() != "note":
            self.problem("E206", line, 1, f"cannot read '::: {block.info}': a note is opened by '::: note' alone")
            return
        self._headings_inside(block, tokens)
        self.note_count += 1
        note_id = "note" if self.note_count == 1 else f"note-{self.note_count}"
        section = self._section(note_id, "note", None, line)
        section["paragraphs"] = self._blocks(tokens)
        if not section["paragraphs"] and not self.cut_short:
            self.problem("E203", line, 1, "the note is empty")
        self.sections.append(section)

    def _headings_inside(self, block: Block, tokens: list[Token]) -> None:
        """A heading the scanner could not see (a setext '---' underline) inside a block."""
        opened = self.body_offset + block.start + 1
        for token in tokens:
            if token.type == "heading_open":
                at = self.loc(token).line
                self.problem("E213", opened, 1, f"the {block.name} opened here holds a heading at line {at}")
                self.problem("E213", at, 1, f"a heading stands inside the {block.name} opened on line {opened}")

    def _top_level_blocks(self, tokens: list[Token], i: int) -> int:
        end = _skip(tokens, i)
        section = self.sections[-1]
        line = self.loc(tokens[i]).line
        if section["kind"] == "references":
            if tokens[i].type != "ordered_list_open":
                self.problem("E210", line, 1, "text in the references chapter is not a numbered item")
            else:
                section["references"].extend(self._references(tokens[i:end]))
            return end
        blocks = self._blocks(tokens[i:end])
        if section["kind"] in ("question", "closing"):
            self.problem("E205", line, 1, "text under a question heading is outside any answer")
        elif section["kind"] == "note":  # (it was printed as part of the note above it)
            self.problem("E205", line, 1, f"text after the note of line {section['loc'].line} is outside it: put it "
                                          "inside the note, before its ':::', or move it")
        section["paragraphs"].extend(blocks)
        return end

    def _blocks(self, tokens: list[Token]) -> list[Paragraph]:
        """Paragraphs and list items; an ordered item's first paragraph carries its number."""
        paragraphs: list[Paragraph] = []
        lists: list[list] = []  # [ordered, item counter, number not yet used] per open list
        quoted = 0  # block quotes open (`> …`: its paragraphs were printed as the author's own)
        for j, token in enumerate(tokens):
            kind = token.type
            if kind in ("blockquote_open", "blockquote_close"):
                quoted += 1 if kind == "blockquote_open" else -1
            elif kind in ("ordered_list_open", "bullet_list_open"):
                start = int(token.attrs.get("start", 1))  # (a bullet list has none; its count is never read)
                lists.append([kind == "ordered_list_open", start - 1, False])
            elif kind in ("ordered_list_close", "bullet_list_close"):
                lists.pop()
            elif kind == "list_item_open" and lists:
                lists[-1][1] += 1
                lists[-1][2] = True
            elif kind == "inline" and tokens[j - 1].type == "paragraph_open":
                self._stray_fence(token)  # (an error; the paragraph is still read, so its answer is not "empty")
                self._hidden_references(token)
                self._html_comments(token)
                self._attribute_blocks(token)
                self._images(token)
                self._stray_emphasis(token)
                self._span_attributes(token)
                self._full_width_markup(token)
                spans = read_spans(token)
                if not "".join(s.text for s in spans).strip():
                    continue
                self._links(spans, token)
                number, bullet = None, False
                if lists and lists[-1][2]:  # (an item's first paragraph carries its number or bullet)
                    number = lists[-1][1] if lists[-1][0] else None
                    bullet, lists[-1][2] = not lists[-1][0], False
                paragraphs.append(Paragraph(spans=spans, number=number, bullet=bullet, quote=quoted > 0,
                                            loc=self.loc(token)))
            elif kind in _UNSUPPORTED:
                self.problem("E212", self.loc(token).line, 1, f"unsupported block inside text ({_UNSUPPORTED[kind]})")
            elif kind == _RULE:
                self._rule(token)
        return paragraphs

    def _rule(self, token: Token) -> None:
        line = self.loc(token).line
        self.problem("W416", line, self._raw(line).find(token.markup[:1]) + 1,
                     f"the section break '{self._raw(line).strip()}' is left out of every edition (the format has no "
                     "section breaks)")

    def _span_attributes(self, inline: Token) -> None:
        """E230 for an attribute of a span the format does not know (a misspelt class or key) or a
        language that is not a BCP 47 tag: the first one of the paragraph, at its line."""
        import langcodes  # (lazy, as the front matter's language check)

        for child in inline.children or []:
            if child.type not in ("span_open", "link_open"):
                continue
            problem = None  # (as written, what it is, the suggestion)
            for key, value in child.attrs.items():
                if key == "class":
                    unknown = [c for c in str(value).split() if c not in SPAN_CLASSES]
                    if unknown:
                        near = difflib.get_close_matches(unknown[0].lower(), SPAN_CLASSES, n=1, cutoff=0.5)
                        problem = (f".{unknown[0]}", f"'.{unknown[0]}' is not a class of the format, and every edition would drop it",
                                   f"did you mean '.{near[0]}'?" if near else "the one there is '.aside'")
                elif key == "lang" and not langcodes.tag_is_valid(str(value)):
                    problem = (f"lang={value}", f"'{value}' in 'lang={value}' is not a BCP 47 language tag: no reader or voice can use it",
                               "write e.g. en, ja, yue or zh-Hant")
                elif key not in SPAN_KEYS:
                    near = difflib.get_close_matches(key.lower(), ("lang",), n=1, cutoff=0.5)
                    problem = (key, f"'{key}' is not an attribute of the format, and every edition would drop it",
                               "did you mean 'lang'?" if near else "it knows '.aside' and 'lang='")
                if problem:
                    break
            if problem is not None:
                written, what, suggestion = problem
                line = self._line_of_text(inline, written)
                col = max(self._raw(line).find(written), 0) + 1
                self.problem("E230", line, col, f"{what}: {suggestion}")
                return

    def _full_width_markup(self, inline: Token) -> None:
        """E223 / E226 for a link or an attribute block typed with full-width brackets or braces."""
        first = self.loc(inline).line
        for k in range(inline.content.count("\n") + 1):
            raw = self._raw(first + k)
            for pattern, code, message in _FULL_WIDTH_MARKUP:
                if (found := pattern.search(raw)) is not None:
                    self.problem(code, first + k, found.start() + 1, message)
                    return

    def _stray_emphasis(self, inline: Token) -> None:
        """E229 for '**' or '__' that Markdown left as text: every edition printed the marks."""
        if not any(child.type == "text" and _EMPHASIS_RUN.search(child.content) for child in inline.children or []):
            return
        first = self.loc(inline).line
        for k in range(inline.content.count("\n") + 1):
            raw = self._raw(first + k)
            if (run := _EMPHASIS_RUN.search(raw)) is not None:
                self.problem("E229", first + k, run.start() + 1,
                             f"'{run[0]}' is printed as written: Markdown reads '{run[0]}' as strong only where it does "
                             "not stand between a Chinese quotation mark or bracket and a character, nor inside a word")
                return

    def _images(self, inline: Token) -> None:
        """E212 for an image '![描述](photo.jpg)': the format has no pictures, and every edition
        printed its description as text in the sentence, the picture lost without a word."""
        for child in inline.children or []:
            if child.type == "image":
                written = f"![{child.content}]"
                line = self._line_of_text(inline, written)
                self.problem("E212", line, self._raw(line).find(written) + 1,
                             f"an image '{_shown(written)}({child.attrs.get('src', '')})': the format has no images, and "
                             "the editions would print only its description; delete it, or say in words what it shows")
                return

    def _line_of_text(self, inline: Token, written: str) -> int:
        """The line of a paragraph where `written` stands (its first line when none holds it)."""
        first = self.loc(inline).line
        lines = [self._raw(first + k) for k in range(inline.content.count("\n") + 1)]
        return first + next((k for k, raw in enumerate(lines) if written in raw), 0)

    def _raw(self, line: int) -> str:
        """The body's line `line` (numbered in the file) as the editor wrote it."""
        return self.body_lines[line - self.body_offset - 1]

    def _links(self, spans: tuple[Span, ...], inline: Token) -> None:
        """E223 for a link every edition could not follow (a file name, `javascript:`, nothing)."""
        for span in spans:
            if span.href is not None and (message := link_problem(span.href)) is not None:
                self.problem("E223", self._line_of(inline, unquote(span.href)), 1, message)

    def _line_of(self, inline: Token, written: str) -> int:
        """The line of a paragraph where `written` stands (its first line when none holds it)."""
        first = self.loc(inline).line
        lines = [self._raw(first + k) for k in range(inline.content.count("\n") + 1)]
        return first + next((k for k, raw in enumerate(lines) if f"]({written}" in raw or f"<{written}>" in raw), 0)

    def _stray_fence(self, inline: Token) -> None:
        """A ':::' line the scanner could not take as a fence (behind a list marker, say)."""
        for k, text in enumerate(inline.content.split("\n")):
            line = self.loc(inline).line + k
            if (_UNESCAPED_FENCE.search(text) or "：：：" in text) and line not in self.fence_lines:
                raw = self._raw(line)  # (the line as written, indentation and all)
                col = max(raw.find(":::"), raw.find("：：：")) + 1
                self.problem("E217", line, col, f"a fence must stand alone at the left margin: '{raw.strip()}'")
                return

    def _hidden_references(self, inline: Token) -> None:
        """E219 for a character reference ('&#x202E;', '&#7;') to a character E219 refuses when
        typed, or to none (markdown-it prints '�' for it): typed as a reference, it went past the
        check of the source's characters into every edition."""
        from markdown_it.common.utils import isValidEntityCode  # (markdown-it's own test: '\ufffd' where it fails)

        for k, text in enumerate(inline.content.split("\n")):
            for reference in _CHARACTER_REFERENCE.finditer(text):
                code = int(reference["hex"], 16) if reference["hex"] else int(reference["dec"])
                char = chr(code) if isValidEntityCode(code) else None
                if char is not None and not without_invisible(char)[1] and char not in "\u2028\u2029":
                    continue
                line = self.loc(inline).line + k
                raw = self._raw(line)
                what = (f"the invisible character U+{code:04X} ({unicodedata.name(char, 'control character')})"
                         if char else "no character a book can hold: every edition would print '\ufffd'")
                self.problem("E219", line, raw.find(reference[0]) + 1, f"the character reference '{reference[0]}' is {what}")

    def _attribute_blocks(self, inline: Token) -> None:
        """E226 for an attribute block that is not closed: a quoted value without its closing quote
        ('{lang="en}', '{role="x}') or '[text]{…' without its '}' (each was printed as written,
        braces and all, and its attribute lost)."""
        for k, text in enumerate(inline.content.split("\n")):
            if (problem := attribute_block_problem(text)) is None:
                continue
            written, what = problem
            line = self.loc(inline).line
            line += k
            self.problem("E226", line, self._raw(line).find(written) + 1, f"the attribute block '{written}' {what}")
            return

    def _html_comments(self, inline: Token) -> None:
        """E225 for an HTML comment: Markdown users hide notes to themselves in '<!-- … -->', and
        with HTML read as text (as this format reads it) every edition printed the note. E227 for
        an HTML tag ('<br>', '<b>…</b>' pasted from a web page or a CMS): printed as written."""
        for k, text in enumerate(inline.content.split("\n")):
            if (found := _HTML_COMMENT.search(text)) is not None:
                line = self.loc(inline).line + k
                raw = self._raw(line)
                self.problem("E225", line, raw.find("<!--") + 1,
                             f"an HTML comment '{what_comment(text[found.start():])}' would be printed in every edition")
                return
            unquoted = _CODE_SPAN.sub(lambda m: " " * len(m[0]), text)  # ('`<b>`' shows the tag on purpose)
            tags = (t for t in _HTML_TAG.finditer(unquoted) if t["name"].lower() in HTML_TAGS)
            if (tag := next(tags, None)) is not None:
                line = self.loc(inline).line + k
                self.problem("E227", line, self._raw(line).find(tag[0]) + 1,
                             f"the HTML tag '{tag[0]}' would be printed in every edition (this format reads HTML as text)")
                return

    def _references(self, tokens: list[Token]) -> list[Reference]:
        references = []
        for paragraph in self._blocks(tokens):
            text = paragraph.text.strip()
            if paragraph.number is None:  # a second paragraph or a nested list inside an item
                self.problem("E210", paragraph.loc.line, 1,
                             "a reference is one paragraph: this text continues the numbered item above "
                             "(join it to that item's line, or number it)")
                continue
            outlet, date = None, None
            if dated := _DATED_REFERENCE.search(text):
                outlet = dated["outlet"].strip()
                try:
                    date = dt.date(int(dated["y"]), int(dated["m"]), int(dated["d"]))
                except ValueError:
                    self.problem("E104", paragraph.loc.line, 1, f"reference date is not a real date: '{text}'")
            elif platform := _PLATFORM_REFERENCE.match(text):
                outlet = platform["outlet"].strip()
            urls = list(dict.fromkeys(span.href for span in paragraph.spans if span.href is not None))
            if len(urls) > 1:
                self.problem("E223", paragraph.loc.line, 1, f"reference {paragraph.number} links {len(urls)} addresses: "
                                                            "a reference links one (make each a reference of its own)")
            references.append(Reference(number=paragraph.number, text=text, url=urls[0] if urls else None,
                                        outlet=outlet, date=date, loc=paragraph.loc))
        return references

    # -- the end ---------------------------------------------------------------------------
    def finish(self, default_slug: str) -> Document | None:
        for section in self.sections:
            if section["kind"] in ("question", "closing") and not section["answers"]:
                self.problem("E204", section["loc"].line, 1, f"chapter '{section['title']}' has no answers")
            elif (section["kind"] == "references" and not section["references"]  # (every edition printed an empty chapter)
                  and not any(d.code == "E210" and d.line > section["loc"].line for d in self.diagnostics)):
                self.problem("E210", section["loc"].line, 1, f"the references chapter '{section['title']}' has no items: "
                                                             "write them as '1. …' lines, or delete the heading")
        self._ids_shared_with_notes_and_answers()
        # (a body of blank lines only is reported by read_body; a rule or a code block alone is text
        # that makes no paragraph, and was a document with no text before this). An interview
        # that is all questions and answers needs no article: its opener carries the title, the
        # subtitle and the byline in every edition.
        interview = any(s["kind"] in ("question", "closing") for s in self.sections)
        if not self.sections[0]["paragraphs"] and not interview and any(line.strip() for line in self.body_lines):
            self.problem("E209", self.body_offset + 1, 1, "the article has no paragraphs, and no question follows")
        pronunciations = self._pronunciations()
        if errors(self.diagnostics):
            return None
        front = self.front
        meta = Metadata(
            id=front.id, slug=front.slug or default_slug, title=front.title, subtitle=front.subtitle,
            language=front.language, authors=tuple(front.authors), editor=front.editor, outlet=front.outlet,
            account=front.account, date=front.date, description=front.description, rights=front.rights,
            credit=front.credit,
        )
        sections = tuple(
            Section(id=s["id"], kind=s["kind"], title=s["title"], lang=s.get("lang"), paragraphs=tuple(s["paragraphs"]),
                    answers=tuple(s["answers"]), references=tuple(s["references"]), loc=s["loc"])
            for s in self.sections  # (the article has paragraphs: without, E209 above)
        )
        return Document(source=self.path, meta=meta, speakers=tuple(self.speakers.values()),
                        sections=sections, pronunciations=pronunciations)

    def _ids_shared_with_notes_and_answers(self) -> None:
        """Every chapter, note and answer is an anchor by its id: a chapter written {#note} or
        {#q1-1} would share one with a note or an answer (contents and index entries pointed at
        the wrong one, and the EPUB's NCX held one id twice). Reported at the chapter heading."""
        others: dict[str, str] = {}
        for section in self.sections:
            if section["kind"] == "note":
                others.setdefault(section["id"], f"the note on line {section['loc'].line}")
            for number, answer in enumerate(section["answers"], 1):
                others.setdefault(answer.id, f"answer {number} of chapter '{section['title']}'")
        for section in self.sections:
            if section["kind"] != "note" and section["id"] in others:
                self.problem("E207", section["loc"].line, 1,
                             f"chapter id '{section['id']}' is also the id of {others[section['id']]}")

    def _pronunciations(self) -> tuple[Pronunciation, ...]:
        result = []
        for word, reading in self.front.pronunciations.items():
            line, col = self.positions.key_of(("pronunciations", word))
            try:
                syllables = normalise_syllables(reading)
            except ValueError as exc:
                self.problem("E301", line, col, f"pronunciation of '{word}': {exc}")
                continue
            written = reading.replace("'", " ").split()  # as the editor wrote them, digits and all
            wrong = [shown for shown, syllable in zip(written, syllables) if not is_syllable(syllable)]
            if wrong:
                self.problem("E301", line, col, f"pronunciation of '{word}': '{wrong[0]}' is not a Mandarin syllable")
                continue
            try:  # the passes read the table in its tone-mark form: it must read back
                normalise_syllables(" ".join(syllables))
            except ValueError:
                self.problem("E301", line, col, f"pronunciation of '{word}': '{reading}' has no tone-mark spelling "
                                                "the passes can read; write it with tone marks")
                continue
            unknown = [c for c in word if is_han(c) and not has_reading(c)]  # ('〇' is not Han here and has a reading)
            if unknown:
                self.problem("E301", line, col, f"pronunciation of '{word}': the pinyin pass has no reading for "
                                                f"'{unknown[0]}' and cannot take one for it")
                continue
            if len(syllables) != count_han(word) + word.count("〇"):
                self.problem("E301", line, col,
                             f"'{word}' has {count_han(word) + word.count('〇')} Han characters but "
                             f"{len(syllables)} syllables")
                continue
            result.append(Pronunciation(word=word, pinyin=" ".join(syllables),
                                        loc=Location(path=self.path, line=line, col=col)))
        return tuple(result)


def _id_used_twice(section_id: str, first: int | None, kind: SectionKind, given: bool) -> str:
    """E207's words: where the id was first used, and, for an id the editor did not write (a
    question's 'q2' by its place, 'closing', 'references'), where it came from."""
    if first is None:
        return f"chapter id '{section_id}' is used twice: it is the article's own id"
    if given:
        return f"chapter id '{section_id}' is used twice (first by the chapter on line {first})"
    if kind == "question":
        return (f"this question's id is '{section_id}' by default (its place among the questions), and the chapter "
                f"on line {first} already has it")
    return f"chapter id '{section_id}' is used twice: a second {kind} chapter (the first is on line {first})"


def _shown(text: str) -> str:
    """An id as a message shows it, an invisible character in it written out: 'a<U+200B>' (a
    zero-width space pasted after an id read "unknown speaker id 'a' (did you mean 'a'?)")."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)


def _known(ids: list[str], shown: int = 8) -> str:
    """The declared speaker ids an unknown one could have meant: the first few, '…' when there are more."""
    if not ids:
        return "no speakers are declared under 'speakers:' in the front matter"
    return f"known: {', '.join(ids[:shown])}" + ("…" if len(ids) > shown else "")


def _skip(tokens: list[Token], i: int) -> int:
    """Index after the block that opens at `i` (nesting-aware)."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth <= 0:
            return j + 1
    return len(tokens)


