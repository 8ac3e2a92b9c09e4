"""The body of a source (everything after the front matter) walked into chapters, answers,
notes, paragraphs and references, and the `Document` built from them.

The `:::` blocks are found by `pipeline.fences`, the Markdown inside each piece by markdown-it;
this module decides what each block is in the format and where it may stand (E201–E213, E221,
E222, W416), and hands what the editor typed inside the text to `pipeline.texthygiene`. Kept
apart from `pipeline.reader`, which reads the file and its front matter, so that the walk (the
part that grows with every new kind of block) stays one module of one concern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it.token import Token

from pipeline.bodymarkdown import RULE, TOO_DEEP, UNSUPPORTED, nested_too_deep, parse_lines, skip_block, unsupported
from pipeline.bodymessages import (id_used_twice, ids_shared_with_notes_and_answers, known_speakers, label_opening,
                                   references_hint, spaced_name, text_after_note,
                                   unknown_id_hint)
from pipeline.diagnostics import Diagnostic, errors
from pipeline.fences import ANSWER_WITH_TEXT, Block, Run, after_the_id, scan
from pipeline.frontmatter import FrontMatterInput, Positions
from pipeline.frontparts import metadata, read_pronunciations, read_speakers
from pipeline.inlinetext import heading_attribute_problem, read_lines, read_spans, split_heading_attrs
from pipeline.model import Answer, Document, Location, Paragraph, Reference, Section, SectionKind
from pipeline.misplaced import without_words
from pipeline.othertools import other_tools_anchor
from pipeline.referencesource import reference_source
from pipeline.sourcetext import without_invisible, written_out
from pipeline.texthygiene import (
    EMPHASIS_RUN,
    Problem,
    TextLines,
    detached_attributes,
    footnotes,
    full_width_markup,
    hidden_references,
    html_markup,
    images,
    joined_items,
    links,
    misspelt_references,
    open_attribute_block,
    reference_in,
    tag_in,
    renumbered_items,
    span_attributes,
    stray_emphasis,
    stray_fence,
)
from pipeline.textslips import (HEADING_IN_BLOCK, MISTYPED_MARKUP, SETEXT_CHAPTER, after_the_closing, empty_items,
                                empty_link, extra_after_role, only_marks, printed_markup, reference_use,
                                trailing_backslash, unknown_heading_attribute, REFERENCE_DEFINITION)

_ANSWER_INFO = re.compile(r"^answer\s+(?P<id>\S+)(?:\s+role=(?P<role>.*\S))?\s*$")
# What markup in an answer's 'role=' is called: the label prints it as written.
_ROLE_MARKUP = {"E229": "'{0}'", "E231": "the character reference '{0}'", "E227": "the HTML tag '{0}'"}
_ROLE_QUOTES = re.compile(r'^"(.*)"$|^“(.*)”$|^\'(.*)\'$|^‘(.*)’$')
_CLOSING_QUOTE = {'"': '"', "“": "”", "'": "'", "‘": "’"}  # (a role opened with one and never closed: E226)
# A chapter's {#id} is an anchor in every edition (XHTML id, PDF destination, URL fragment): a
# letter first, then letters, digits, hyphens or underscores ('{#}' or '{#a"b}' lost the PDF's
# contents and index links).
_FIELD_LINE = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")  # 'title: x', a front matter's line
_CHAPTER_ID = re.compile(r"^[^\W\d_][\w-]*$")


class BodyBuilder:
    """Walks markdown-it's token stream once, building sections and collecting problems."""

    def __init__(self, path: str, front: FrontMatterInput, positions: Positions, body_offset: int,
                 body_lines: list[str]) -> None:
        self.path = path
        self.body_lines = body_lines
        self.front = front
        self.positions = positions
        self.body_offset = body_offset
        self.diagnostics: list[Diagnostic] = []
        self.speakers, problems = read_speakers(front, positions, path)
        self.report(problems)
        self.sections: list[dict] = [self._section("article", "article", None, 1)]
        self.section_ids: dict[str, int | None] = {"article": None}  # id → the line of its chapter heading
        self.question_count = 0
        self.note_count = 0
        self.fence_lines: set[int] = set()  # lines whose fence fault the scanner reported
        # lines that hold a fence or heading typed wrong (MISTYPED_MARKUP): kept as they are reported, since
        # searching every diagnostic at every block was quadratic (a 600 KB paste of 8,000 footnote
        # markers, one W418 a paragraph, took 6 s to read, and 5 MB minutes)
        self.mistyped_lines: set[int] = set()
        self.cut_short = False  # the last piece parsed lost text past the nesting limit (E212)
        # a reference-style link's definition anywhere in the body: its E223 names the '[文字][1]' uses too
        self.defines_links = any(line.lstrip().startswith("[") and REFERENCE_DEFINITION.match(line) for line in body_lines)

    # -- helpers ---------------------------------------------------------------------------
    def problem(self, code: str, line: int, col: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(code, self.path, max(line, 1), max(col, 1), message))
        if code in MISTYPED_MARKUP:
            self.mistyped_lines.add(max(line, 1))

    def report(self, problems: Iterable[Problem | None]) -> None:
        """Each problem a check found (None: a check that found none), in the order found."""
        for found in problems:
            if found is not None:
                self.problem(found.code, found.line, found.col, found.message)

    def loc(self, token: Token) -> Location:
        """Where a block-level token starts (markdown-it maps every one; inline ones have none)."""
        return Location(path=self.path, line=token.map[0] + 1 + self.body_offset)

    def _section(self, section_id: str, kind: SectionKind, title: str | None, line: int) -> dict:
        return {"id": section_id, "kind": kind, "title": title, "paragraphs": [], "answers": [],
                "references": [], "loc": Location(path=self.path, line=line)}

    # -- the walk --------------------------------------------------------------------------
    def read_body(self) -> None:
        """Top-level runs and `:::` blocks in order, each piece parsed on its own."""
        layout = scan(self.body_lines, first_line=self.body_offset + 1)
        for problem in layout.problems:
            self.problem(problem.code, problem.line, problem.col, problem.message)
            self.fence_lines.add(problem.line)
        if layout.blank:  # (the scanner named them: a box's fences inside a block, an underline)
            self.body_lines = [("" if index in layout.blank else line) for index, line in enumerate(self.body_lines)]
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
        tokens = parse_lines(self.body_lines, start, end)
        deep = nested_too_deep(tokens)
        if deep is not None:
            self.problem("E212", self.loc(deep).line, 1, TOO_DEEP)
        # (an answer cut short, or whose text Markdown made code, a tab's indent, is not "empty": E212 says why)
        self.cut_short = deep is not None or any(token.type in UNSUPPORTED for token in tokens)
        return tokens

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                i = self._heading(tokens, i)
            elif kind in ("paragraph_open", "ordered_list_open", "bullet_list_open", "blockquote_open"):
                i = self._top_level_blocks(tokens, i)
            elif kind in UNSUPPORTED:
                self.problem("E212", self.loc(token).line, 1, f"unsupported block ({unsupported(token)})")
                i = skip_block(tokens, i)
            elif kind == RULE:
                self._rule(token)
                i += 1
            else:
                i += 1

    def _heading(self, tokens: list[Token], i: int) -> int:
        token, inline = tokens[i], tokens[i + 1]
        line = self.loc(token).line
        if token.markup in ("-", "="):  # a paragraph underlined: Markdown's other heading
            return self._underlined(tokens, i, top_level=True)
        if token.tag == "h3" and self.sections[-1]["kind"] == "article":
            return self._subheading(tokens, i)
        if token.tag != "h2":
            self.problem("E211", line, 1, f"'{token.markup}' heading: only '##' chapter headings are allowed"
                                          + (" ('###' marks a subheading inside the article only)" if token.tag == "h3" else ""))
            return i + 3
        _raw_title, attrs = split_heading_attrs(inline.content)
        # the question as the reader sees it: '**粗体**' and '[AI]{lang=en}' are markup, not text
        # (every edition printed the asterisks and braces, and the audio read them)
        self.report([stray_emphasis(self._text_lines(inline), _texts(inline))])
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
            self.problem("E222", line, 1, f"chapter id '{written_out(section_id)}' is not an id: "
                         + (other_tools_anchor(section_id) or "editions link to the chapter by it"))
        if not title:
            self.problem("E208", line, 1, "chapter heading has no text")
        elif only_marks(title):  # ('## ？？？', '## ……': the question's words were lost)
            self.problem("E208", line, 1, f"the heading '{title[:20]}' holds only punctuation: write the question's words")
        elif what := without_words(title):  # ('## 2.', '## 问：': the words may be lost, and '2.' is printed as the question)
            self.problem("W435", line, 1, f"the heading '{title[:20]}' holds only {what}: every edition prints it as the question")
        if (attribute_problem := heading_attribute_problem(inline.content)) is not None:
            self.problem("E224", line, 1, attribute_problem)
        elif (unknown := unknown_heading_attribute(attrs)) is not None:
            self.problem("E236", line, self._raw(line).rfind(unknown[0]) + 1, unknown[1])
        lines = self._text_lines(inline)
        self.report(_heading_problems(lines, inline))
        if section_id in self.section_ids:
            self.problem("E207", line, 1, id_used_twice(section_id, self.section_ids[section_id], kind, given=bool(ids)))
        self.section_ids.setdefault(section_id, line)
        references = next((s for s in self.sections if s["kind"] == "references"), None)
        if references and kind != "references":  # (a second references chapter is E207 above)
            self.problem("E221", line, 1, f"chapter '{title}' comes after the references chapter "
                                          f"(line {references['loc'].line}): references are the book's last chapter")
        if (closing := after_the_closing(self.sections, kind, title)) is not None:
            self.problem("E235", line, 1, closing)
        section = self._section(section_id, kind, title, line)
        # '{lang=en}' marks the heading's language, as '[…]{lang=en}' marks a span's (it was dropped)
        section["lang"] = next((a.split("=", 1)[1].strip("\"'") or None for a in attrs if a.startswith("lang=")), None)
        self.sections.append(section)
        return i + 3

    def _underlined(self, tokens: list[Token], i: int, top_level: bool = False) -> int:
        """E232 for a paragraph with a '---' or '===' line right under it: Markdown read it as a
        heading (a chapter named after the paragraph, E204 'has no answers', or E211), where the
        editor meant a section break or pasted a second front matter."""
        text = tokens[i + 1].content
        underline = self.loc(tokens[i]).line + text.count("\n") + 1
        second_front = all(_FIELD_LINE.match(line) for line in text.split("\n"))
        self.problem("E232", underline, 1, f"the line '{self._raw(underline).strip()}' right under '{text.splitlines()[-1][:30]}' "
                     "makes that text a heading (Markdown's underlined heading), which this format has not"
                     + (": it looks like a second front matter, whose fields belong in the one at the top of the file"
                        if second_front else ""))
        after = next((line for line in self.body_lines[underline - self.body_offset:] if line.strip()), "")
        if top_level and not second_front and "\n" not in text and SETEXT_CHAPTER.match(after):
            self.question_count += 1  # (the eleventh sweep: a Setext heading over answers is the chapter meant, so
            section_id = f"q{self.question_count}"  # its answers are not E205 as well, one a fence)
            self.section_ids.setdefault(section_id, underline - 1)
            self.sections.append(self._section(section_id, "question", text.strip(), underline - 1))
        return i + 3

    def _subheading(self, tokens: list[Token], i: int) -> int:
        """'### 小标题' in the article: a feature's sections, a subheading among its paragraphs
        (before, a feature could only fake them with bold paragraphs: '##' is a question)."""
        inline = tokens[i + 1]
        lines = self._text_lines(inline)
        self.report(_heading_problems(lines, inline))
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
            elif (text := ANSWER_WITH_TEXT.match(block.info)) and text["id"] in self.speakers and (
                    said := after_the_id(text["id"], text["text"], self.speakers)):
                self.problem("E206", line, raw.find(text["text"]) + 1, said)
            elif (words := block.info.removeprefix("answer").strip()) and block.info.startswith("answer") and (
                    said := spaced_name(words, self.speakers)):
                self.problem("E206", line, raw.find(words) + 1, said)
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
        if role is not None and (extra := extra_after_role(match["role"])):  # ('role=甲 role=乙': one role, '甲 role=乙')
            self.problem("E206", line, raw.find(block.info) + match.start("role") + extra[0] + 1, extra[1])
        for code, markup in (("E229", EMPHASIS_RUN.search), ("E231", reference_in), ("E227", tag_in)):  # (as written:
            if role is not None and (found := markup(match["role"])):                    # columns stay true)
                self.problem(code, line, raw.find(block.info) + match.start("role") + found.start() + 1,
                             f"{_ROLE_MARKUP[code].format(found[0])} in 'role=' is printed as written: a role is plain text")
        if section["kind"] == "note":
            self.problem("E205", line, 1, f"an answer cannot follow the note of line {section['loc'].line}: move the "
                                          "note after the chapter's answers (notes stand after the chapters)")
            return
        if section["kind"] not in ("question", "closing"):
            self.problem("E205", line, 1, "an answer must stand under a '##' question heading")
            return
        # (an id with an invisible character pasted in is that speaker's: E219 names the character alone)
        speaker = self.speakers.get(match["id"]) or self.speakers.get(without_invisible(match["id"])[0])
        if speaker is None:
            hint = unknown_id_hint(match["id"], self.speakers)
            self.problem("E201", line, raw.find(block.info) + match.start("id") + 1,
                         f"unknown speaker id '{written_out(match['id'])}' ({hint})")
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
        for i, token in enumerate(tokens):
            if token.type == "heading_open" and token.markup.startswith("#"):  # ('###', '#': the scanner lets them be)
                self.problem("E211", self.loc(token).line, 1, HEADING_IN_BLOCK.format(token.markup, block.name, opened))
            elif token.type == "heading_open":  # (an underline: E232 as outside a block, not "close the block")
                self._underlined(tokens, i)
                self.cut_short = True  # (the answer is not "empty": E232 says where its text went)

    def _top_level_blocks(self, tokens: list[Token], i: int) -> int:
        end = skip_block(tokens, i)
        section = self.sections[-1]
        line = self.loc(tokens[i]).line
        if section["kind"] == "references":
            if tokens[i].type != "ordered_list_open":
                found = len(self.diagnostics)
                self._blocks(tokens[i:end])  # (its own fault first: an open '<!--' is E225's, not "not numbered")
                if not errors(self.diagnostics[found:]):
                    self.problem("E210", line, 1, "text in the references chapter is not a numbered item")
            else:
                section["references"].extend(self._references(tokens[i:end]))
            return end
        blocks = self._blocks(tokens[i:end])
        if line in self.mistyped_lines:
            pass  # (the line's own fault is named: '＃＃ 标题' is E220's, not "text outside any answer" too)
        elif section["kind"] in ("question", "closing"):
            self.problem("E205", line, 1, "text under a question heading is outside any answer"
                         + label_opening(self._raw(line), self.speakers.values()))
        elif section["kind"] == "note" and (said := text_after_note(section, self.sections, self.diagnostics)):
            self.problem("E205", line, 1, said)  # (it was printed as part of the note above it)
        section["paragraphs"].extend(blocks)
        return end

    def _blocks(self, tokens: list[Token]) -> list[Paragraph]:
        """Paragraphs and list items; an ordered item's first paragraph carries its number."""
        paragraphs: list[Paragraph] = []
        lists: list[list] = []  # [ordered, item counter, number not yet used] per open list
        quoted = 0  # block quotes open (`> …`: its paragraphs were printed as the author's own)
        self.report(renumbered_items(tokens, self.body_offset + 1))
        self.report(empty_items(tokens, self.body_offset + 1, "E210" if self.sections[-1]["kind"] == "references" else "W417"))
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
                lines = self._text_lines(token)
                texts = _texts(token)  # (once: four checks read them)
                # (a stray fence is an error; the paragraph is still read, so its answer is not "empty")
                self.report([stray_fence(lines, self.fence_lines), *hidden_references(lines), html_markup(lines),
                             open_attribute_block(lines), images(token.children or [], lines),
                             stray_emphasis(lines, texts), span_attributes(token.children or [], lines),
                             full_width_markup(lines), misspelt_references(lines), footnotes(lines),
                             joined_items(lines), detached_attributes(lines, texts),
                             printed_markup(lines, texts, lists[-1] if lists else None), trailing_backslash(lines),
                             None if self.defines_links else reference_use(lines, texts),
                             empty_link(token.children or [], lines)])
                first = True
                for spans, offset in read_lines(token):  # (one piece a line of a verse)
                    if not "".join(s.text for s in spans).strip():
                        continue
                    self.report(links(spans, lines))
                    number, bullet = None, False
                    if first and lists and lists[-1][2]:  # (an item's first paragraph carries its number or bullet)
                        number = lists[-1][1] if lists[-1][0] else None
                        bullet, lists[-1][2] = not lists[-1][0], False
                    loc = self.loc(token)
                    loc = loc.model_copy(update={"line": loc.line + offset}) if offset else loc  # (immutable: shared)
                    paragraphs.append(Paragraph(spans=spans, number=number, bullet=bullet, quote=quoted > 0,
                                                continued=not first, depth=max(0, len(lists) + quoted - 1), loc=loc))
                    first = False
            elif kind in UNSUPPORTED:
                self.problem("E212", self.loc(token).line, 1, f"unsupported block inside text ({unsupported(token)})")
            elif kind == RULE:
                self._rule(token)
        return paragraphs

    def _rule(self, token: Token) -> None:
        line = self.loc(token).line
        self.problem("W416", line, self._raw(line).find(token.markup[:1]) + 1,
                     f"the section break '{self._raw(line).strip()}' is left out of every edition (the format has no "
                     "section breaks)")

    def _text_lines(self, inline: Token) -> TextLines:
        """A paragraph's or a heading's lines, as markdown-it read them and as the editor wrote them."""
        first = self.loc(inline).line
        read = inline.content.split("\n")
        return TextLines(first, read, [self._raw(first + k) for k in range(len(read))])

    def _raw(self, line: int) -> str:
        """The body's line `line` (numbered in the file) as the editor wrote it."""
        return self.body_lines[line - self.body_offset - 1]

    def _references(self, tokens: list[Token]) -> list[Reference]:
        references = []
        for paragraph in self._blocks(tokens):
            text = paragraph.text.strip()
            if paragraph.number is None:  # a second paragraph or a nested list inside an item
                self.problem("E210", paragraph.loc.line, 1,
                             "a reference is one paragraph: this text continues the numbered item above "
                             "(join it to that item's line, or number it)")
                continue
            outlet, date, wrong_date = reference_source(text)
            if wrong_date is not None:
                self.problem("E104", paragraph.loc.line, 1, wrong_date)
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
                self.problem("E204", section["loc"].line, 1, f"chapter '{section['title']}' has no answers"
                                                             + references_hint(section["title"]))
            elif (section["kind"] == "references" and not section["references"]  # (every edition printed an empty chapter)
                  and not any(d.code == "E210" and d.line > section["loc"].line for d in self.diagnostics)):
                self.problem("E210", section["loc"].line, 1, f"the references chapter '{section['title']}' has no items: "
                                                             "write them as '1. …' lines, or delete the heading")
        for line, message in ids_shared_with_notes_and_answers(self.sections):
            self.problem("E207", line, 1, message)
        # (a body of blank lines only is reported by read_body; a rule or a code block alone is text
        # that makes no paragraph, and was a document with no text before this). An interview
        # that is all questions and answers needs no article: its opener carries the title, the
        # subtitle and the byline in every edition.
        interview = any(s["kind"] in ("question", "closing") for s in self.sections)
        if not self.sections[0]["paragraphs"] and not interview and any(line.strip() for line in self.body_lines):
            self.problem("E209", self.body_offset + 1, 1, "the article has no paragraphs, and no question follows")
        pronunciations, problems = read_pronunciations(self.front, self.positions, self.path)
        self.report(problems)
        if errors(self.diagnostics):
            return None
        meta = metadata(self.front, default_slug)
        sections = tuple(
            Section(id=s["id"], kind=s["kind"], title=s["title"], lang=s.get("lang"), paragraphs=tuple(s["paragraphs"]),
                    answers=tuple(s["answers"]), references=tuple(s["references"]), loc=s["loc"])
            for s in self.sections  # (the article has paragraphs: without, E209 above)
        )
        return Document(source=self.path, meta=meta, speakers=tuple(self.speakers.values()),
                        sections=sections, pronunciations=pronunciations)

def _texts(inline: Token) -> list[str]:
    """The pieces of a paragraph markdown-it read as plain text (not as markup)."""
    return [child.content for child in inline.children or [] if child.type == "text"]


def _heading_problems(lines: TextLines, inline: Token) -> list[Problem | None]:
    """What a chapter's heading and a subheading are checked for alike: markup printed as written."""
    return [open_attribute_block(lines), *hidden_references(lines), html_markup(lines), misspelt_references(lines),
            footnotes(lines), printed_markup(lines, _texts(inline))]
