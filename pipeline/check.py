"""`publish check`: every problem in a source file, errors and warnings, with positions.

Reading errors come from the reader; the warnings here look at the raw lines (so columns
are exact) and at the model (so they understand structure).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.audio.foreign import voiceless_runs
from pipeline.bodymessages import name_key
from pipeline.charrefs import UNESCAPED_REFERENCE
from pipeline.diagnostics import Diagnostic
from pipeline.misplaced import labels_in_headings, numbered_questions, questions_in_answers
from pipeline.model import Document, Reference, Speaker
from pipeline.passes.languages import unmarked_language
from pipeline.passes.typography import half_width_marks
from pipeline.reader import read_with_diagnostics
from pipeline.sourcetext import split_lines
from pipeline.strayspaces import stray_spaces
from pipeline.checkpinyin import LONG_PARAGRAPH, pinyin_fallbacks
from pipeline.htmltags import is_tag
from pipeline.texthygiene import HTML_MARKUP, IME_COMMENT
from pipeline.textslips import LATEX_DASH, PRINTED_AS_MARKUP, REFERENCE_DEFINITION, stray_combining_marks

# Errors that leave the file's shape unknown (E101): the line rules took the YAML for text, a W401
# for each of its quotes, a cascade the editor could not act on; they run once the front matter is there.
_ROOT_CAUSES = frozenset({"E101", "E238"})  # (E238: a merge conflict's two versions hold no text to check yet)

_QUOTE_STYLES = {"curly": "“”‘’", "corner": "「」『』", "straight": "\""}
# One pattern for all three styles, compiled once (a pattern a style, built for every line, was a
# twentieth of checking a source of megabytes); a match's style is its mark's.
_QUOTE_MARKS = re.compile("[" + re.escape("".join(_QUOTE_STYLES.values())) + "]")
_STYLE_OF = {mark: style for style, marks in _QUOTE_STYLES.items() for mark in marks}


def check(path: Path, pinyin: bool = True) -> tuple[Document | None, list[Diagnostic]]:
    result = read_with_diagnostics(path)
    diagnostics = list(result.diagnostics)
    if result.diagnostics and result.document is None and not path.exists():
        return None, diagnostics
    try:
        lines = split_lines(path.read_bytes().decode("utf-8").removeprefix("\ufeff"))
    except (OSError, UnicodeDecodeError):
        return result.document, diagnostics
    shown = str(path)
    if any(d.code in _ROOT_CAUSES for d in diagnostics):  # one error the editor can act on, not a cascade
        diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
        return result.document, diagnostics
    source = _SourceText.of(lines)
    joined = {d.line for d in diagnostics if d.code == "W419"}  # (two authors parted by a space: W419, not W415 too)
    for line_rule in LINE_RULES:
        diagnostics += [d for d in line_rule(source, shown) if d.code != "W415" or d.line not in joined]
    if result.document is not None:
        for rule in MODEL_RULES:
            diagnostics += rule(result.document)
        diagnostics += _unspoken_language(result.document, source)
        diagnostics += _long_title(result.document, source)
        diagnostics += _long_paragraphs(result.document)
        if pinyin:
            diagnostics += _guarded(pinyin_fallbacks, result.document, source)
            diagnostics += _guarded(_unread_ideographs, result.document, source)
    diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
    return result.document, diagnostics


@dataclass(frozen=True)
class _SourceText:
    """The file as the line rules see it, worked out once: its lines, its prose (line number,
    column offset, text) and the line of each top-level front-matter key. The front matter's
    YAML is composed here once; each rule composing its own made `check` compose it six times."""

    lines: list[str]
    prose: tuple[tuple[int, int, str], ...]
    key_lines: dict[str, int]
    front_end: int = 0  # the line of the '---' closing the front matter (0: none read)

    @classmethod
    def of(cls, lines: list[str]) -> _SourceText:
        end, root = _front_matter(lines) if lines and lines[0].strip() == "---" else (None, None)
        key_lines: dict[str, int] = {}
        for name, _value in root.value if isinstance(root, yaml.MappingNode) else []:
            key_lines.setdefault(str(name.value), name.start_mark.line + 2)
        return cls(lines, tuple(_prose_lines(lines, end, root)), key_lines, (end or 0) + 1 if end else 0)

    @functools.cached_property
    def half_width(self) -> tuple[tuple[tuple[int, str], ...], ...]:
        """Each prose line's half-width marks in Chinese text (`half_width_marks`, character
        references blanked), found once: W401 and W404 both read them, and finding them twice
        was a tenth of the check of a source of megabytes."""
        return tuple(tuple(sorted(half_width_marks(UNESCAPED_REFERENCE.sub(lambda m: " " * len(m[0]), text))))
                     for _number, _offset, text in self.prose)

    @functools.cached_property
    def characters(self) -> frozenset[str]:
        """Every character of the prose, gathered once (at C speed): the rules that look for rare
        characters (a combining mark, one the fonts lack, one with no reading) ask it first and
        read only the lines that hold one, not 5 MB a character at a time."""
        return frozenset().union(*(text for _number, _offset, text in self.prose))

    def key_line(self, key: str) -> int:
        """The line of the front matter's top-level `key` as YAML reads it (`title:`, `title :`,
        `"title":`), where a warning about that field's value belongs (else: line 1)."""
        return self.key_lines.get(key, 1)


def _prose_lines(lines: list[str], end: int | None, root: yaml.Node | None) -> Iterator[tuple[int, int, str]]:
    """(line number, column offset, text) of everything an editor writes as prose: the
    string values of the front matter (from YAML's nodes, so quoting is not mistaken for
    text), the body lines, and an answer's `role=` on its `:::` line. A file without front
    matter (an E101) is all body; one whose front matter is never closed has no known body.
    `end` and `root`: the front matter's closing line and YAML tree (`_front_matter`)."""
    if not lines:
        return
    if lines[0].strip() != "---":
        yield from _body_lines(lines, 0)
        return
    if end is None:
        return
    stack = [root] if root is not None else []
    seen: set[int] = set()  # (an alias is the node it names: its text was written once, and
    while stack:            # walking every repeat of '*a' took seconds for an alias bomb)
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.start_mark.line == node.end_mark.line:
                quoted = 1 if node.style in ("'", '"') else 0
                column = _past_properties(lines[node.start_mark.line + 1], node.start_mark.column)
                yield node.start_mark.line + 2, column + quoted, IME_COMMENT.sub(_blank, node.value)  # (W434's)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    yield from _body_lines(lines, end + 1)


def _blank(found: re.Match[str]) -> str:
    return " " * len(found[0])


def _past_properties(line: str, column: int) -> int:
    """Where a value's text starts: YAML's node begins at its anchor or tag ('&d 文字', '!!str 文字'),
    which would shift every column a warning gives by their width."""
    while line[column:column + 1] in ("&", "!"):
        rest = line[column:].split(None, 1)
        if len(rest) < 2:
            break
        column = len(line) - len(rest[1])
    return column


def _front_matter(lines: list[str]) -> tuple[int | None, yaml.Node | None]:
    """(index of the line closing the front matter, its YAML node tree), for a file whose first
    line is '---'. Read as the reader reads it, white space at each line's end dropped: a tab
    there stops PyYAML but not the reader, and every warning about the front matter's values was
    lost with it. (None, None): never closed; a None tree: no valid YAML (the reader says so)."""
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None, None
    try:
        return end, yaml.compose("\n".join(line.rstrip(" \t") for line in lines[1:end]), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):  # the reader reports it
        return end, None


# The role an answer's fence line gives (`::: answer id role=…`), without its quotes.
_FENCE_ROLE = re.compile(r'\srole=(?:"(?P<straight>.*)"|“(?P<curly>.*)”|\'(?P<single>.*)\'|‘(?P<csingle>.*)’|(?P<bare>.*?))\s*$')


# A link's address (and a span's attribute block) is markup, not text: '[公告](https://x.org/a?b=1)' and '<https://x.org>' (CommonMark's
# inline link destination, with an optional title, and its autolinks).
_LINK_ADDRESS = re.compile(r'\]\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|\'[^\']*\'))?\s*\)'
                           r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+>"
                           # (the tenth sweep) a span's attribute block, '{.insertion author="周一"}': its quotes
                           # are markup (E230 or E226 names the block), not the text's half-width marks
                           r'|(?<=\])\{[^{}\n]*\}')


def _without_link_addresses(line: str) -> str:
    """The line with its links' addresses blanked (same length, so columns stay true), and the
    HTML tags and comments the reader names (E227, E225): '<iframe src="…">' is one error, not
    also a W401 and a W404 for its attribute's quotes."""
    line = _LINK_ADDRESS.sub(lambda m: " " * len(m[0]), line)
    for markup in PRINTED_AS_MARKUP:  # (the reader's E233 names them: their colons and quotes are no W401)
        line = markup.sub(lambda m: " " * len(m[0]), line)
    if "<" in line:
        line = HTML_MARKUP.sub(lambda m: " " * len(m[0]) if m["comment"] or is_tag(m["name"]) else m[0], line)
    return line


def _body_lines(lines: list[str], start: int) -> Iterator[tuple[int, int, str]]:
    for index in range(start, len(lines)):
        if REFERENCE_DEFINITION.match(lines[index]):
            continue  # (markup the reader's E223 names whole: its title's quotes are no text to fix)
        if not lines[index].lstrip().startswith(":::"):
            yield index + 1, 0, _without_link_addresses(lines[index])
        elif role := _FENCE_ROLE.search(lines[index]):
            group = next(g for g in ("straight", "curly", "single", "csingle", "bare") if role[g] is not None)
            yield index + 1, role.start(group), role[group]


# A character reference ('&#xFF1A;', '&amp;', `charrefs`) is markup for one character, not
# punctuation: its ';' beside Chinese text is no half-width mark ('publish import' writes
# '&#xFF1A;：：' for copy's '：：：', which a fence would otherwise be).


def _half_width(source: _SourceText, path: str) -> list[Diagnostic]:
    return [Diagnostic("W401", path, number, offset + col + 1, f"half-width '{mark}' in Chinese text")
            for (number, offset, _text), marks in zip(source.prose, source.half_width) for col, mark in marks]


def _dashes_in_values(source: _SourceText, path: str) -> list[Diagnostic]:
    """W432 for LaTeX's dash in a front-matter value, 'subtitle: 城东---城西', or an answer's 'role=' (the
    thirteenth sweep: the reader's rule reads the body's paragraphs only, and the title page and the
    label printed the hyphens)."""
    found = []
    for number, offset, text in source.prose:
        if "--" not in text or (number > source.front_end and not source.lines[number - 1].lstrip().startswith(":::")):
            continue
        where = "a front-matter value" if number < source.front_end else "an answer's role="
        found += [Diagnostic("W432", path, number, offset + dash.start() + 1,
                             f"'{dash[0]}' in {where} is printed as written, hyphens and all: LaTeX's (or a "
                             "typewriter's) dash, which the format does not turn into a dash")
                  for dash in LATEX_DASH.finditer(text)]
    return found


def _combining_marks(source: _SourceText, path: str) -> list[Diagnostic]:
    """W423 for a combining mark on a Han character or a space (`textslips.stray_combining_marks`)."""
    marks = {char for char in source.characters if unicodedata.combining(char)}
    return [] if not marks else [Diagnostic("W423", path, number, offset + col + 1,
                       f"a combining mark U+{ord(mark):04X} ({unicodedata.name(mark, 'combining mark')}) stands on "
                       + (f"'{text[col - 1]}'" if col else "nothing (it opens the line)")
                       + ": every edition prints it as a stray accent")
            for number, offset, text in source.prose if not marks.isdisjoint(text)
            for col, mark in stray_combining_marks(text)]


def _quote_styles(source: _SourceText, path: str) -> list[Diagnostic]:
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    for (number, offset, text), half in zip(source.prose, source.half_width):
        curled = {col for col, mark in half if mark == '"'}  # W401's, curled in every edition
        for match in _QUOTE_MARKS.finditer(text):
            if match.start() in curled:
                continue
            style = _STYLE_OF[match[0]]
            counts[style] = counts.get(style, 0) + 1
            first.setdefault(style, (number, offset + match.start() + 1))
    if len(counts) < 2:
        return []
    main = max(counts, key=lambda s: counts[s])
    return [
        Diagnostic("W404", path, *first[style], f"{style} quotation marks here, {main} ones elsewhere")
        for style in counts if style != main
    ]


def _not_in_fonts(source: _SourceText, path: str) -> list[Diagnostic]:
    """Characters the book's fonts have no glyph for (a rare character of CJK Extension B such
    as 𠮷, an emoji, a rare symbol), once per character where it first appears, saying what the
    PDFs show instead (`fonts.fallback`: a font installed here, or a box with the code point);
    the EPUB leaves them to the reader's fonts."""
    from pipeline.fonts import FAMILY, fallback, missing

    lacking = missing("".join(sorted(source.characters - {"\ufffd"})))  # (U+FFFD is E228, an error)
    if not lacking:
        return []
    first: dict[str, tuple[int, int]] = {}  # (where each first stands: only the lines holding one are read)
    for number, offset, text in source.prose:
        for char in (c for c in lacking if c not in first and c in text):
            first[char] = (number, offset + text.index(char) + 1)
        if len(first) == len(lacking):
            break
    shown_as = fallback(lacking)
    return [Diagnostic("W408", path, *first[char],
                       f"'{char}' (U+{ord(char):04X}) is missing from the book's fonts ({' / '.join(FAMILY.values())}): "
                       f"{shown_as.seen_as(char)}; EPUB readers draw it with their own fonts")
            for char in lacking]


# Ideographs of every CJK block (URO, Extension A–I, the compatibility blocks): what a learner
# edition sets with a reading, if the pinyin pass has one.
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af]")


def _unread_ideographs(doc: Document, source: _SourceText) -> list[Diagnostic]:
    """Ideographs the pinyin pass has no reading for (a rare character of Extension B such as
    𠮷, and none in `pronunciations:` either): the learner editions set them without pinyin,
    the row kept in line. Once per character, where it first appears without a reading."""
    from pipeline.passes.pinyin import PinyinAnnotator
    from pipeline.syllables import has_reading

    annotator: PinyinAnnotator | None = None
    found, seen = [], set()
    # The characters with no reading of their own, judged once each (a check of 5 MB judged every
    # character of every line in turn); only lines holding one are annotated.
    unread = {char for char in source.characters if _IDEOGRAPH.match(char) and not has_reading(char)}
    for number, offset, text in source.prose if unread else ():
        if unread.isdisjoint(text) or all(char in seen for char in unread.intersection(text)):
            continue
        if annotator is None:
            annotator = PinyinAnnotator(names=[s.name for s in doc.speakers] + list(doc.meta.authors),
                                        overrides=doc.pronunciation_table)
        col = 0
        for token in annotator.annotate(text):
            if token.pinyin is None:
                for index, char in enumerate(token.text):
                    if _IDEOGRAPH.match(char) and char not in seen:
                        seen.add(char)
                        found.append(Diagnostic("W414", doc.source, number, offset + col + index + 1,
                                                f"'{char}' (U+{ord(char):04X}) has no pinyin reading: the learner "
                                                "editions show it without one"))
            col += len(token.text)
    return found


def _unused_speakers(doc: Document) -> list[Diagnostic]:
    return [
        Diagnostic("W402", s.loc.path, s.loc.line, s.loc.col, f"speaker '{s.id}' ({s.name}) never answers")
        for s in doc.speakers if not doc.answers_by(s.id)
    ]


def _same_labels(doc: Document) -> list[Diagnostic]:
    """Two speakers whose labels read the same (`role + name`, white space and full-width forms
    aside): one person declared twice under two ids gets two voices in the audio edition and
    two entries in the name index, and two people so declared cannot be told apart by anyone."""
    first: dict[str, Speaker] = {}
    found = []
    for speaker in doc.speakers:
        key = name_key(speaker.label())  # (full-width forms, spaces and, since the thirteenth sweep, middle dots aside)
        if key in first:
            other = first[key]
            found.append(Diagnostic("W410", speaker.loc.path, speaker.loc.line, speaker.loc.col,
                                    f"speakers '{other.id}' (line {other.loc.line}) and '{speaker.id}' are both "
                                    f"labelled '{speaker.label()}'"))
        else:
            first[key] = speaker
    return found


LONGEST_TITLE = 400  # characters the PDFs' title pages and contents hold on one page each (tests/renderers/test_long_titles.py)


def _long_title(doc: Document, source: _SourceText) -> list[Diagnostic]:
    """A title past LONGEST_TITLE characters (text pasted into the title, say): the PDFs set it
    in ever smaller type and, past about 600, run it over their title pages and contents."""
    title = doc.meta.title
    if len(title) <= LONGEST_TITLE:
        return []
    return [Diagnostic("W413", doc.source, source.key_line("title"), 1, f"the title is {len(title)} characters long: the PDF editions "
                                                     f"hold {LONGEST_TITLE} on a page in small type")]


REPEAT_MIN_CHARACTERS = 12  # shorter paragraphs repeat by nature ("同意。", "谢谢。")


def _repeated_text(doc: Document) -> list[Diagnostic]:
    """A question asked twice, or a paragraph standing twice (at least REPEAT_MIN_CHARACTERS long,
    white space and full-width forms aside): a paste done twice, or one speaker's words pasted
    under another's name, which every edition would print as that person's."""
    def key(text: str) -> str:
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))

    found: list[Diagnostic] = []
    asked: dict[str, int] = {}
    for section in doc.chapters:
        at = asked.setdefault(key(section.title or ""), section.loc.line)
        if at != section.loc.line:
            found.append(Diagnostic("W412", section.loc.path, section.loc.line, section.loc.col,
                                    f"the question “{section.title}” is asked on line {at} already"))
    said: dict[str, tuple[int, str]] = {}
    for section in doc.sections:
        # where each paragraph stands, for the message ("there in the article, here by 李四"); only the
        # article and notes hold paragraphs outside the answers (elsewhere they are an E205: no document)
        places = [(p, "in the article" if section.kind == "article" else "in a note") for p in section.paragraphs]
        places += [(p, f"by {a.speaker.name}") for a in section.answers for p in a.paragraphs]
        for paragraph, who in places:
            text = key(paragraph.text)
            if len(text) < REPEAT_MIN_CHARACTERS:
                continue
            first = said.setdefault(text, (paragraph.loc.line, who))
            if first[0] != paragraph.loc.line:
                by = f" (there {first[1]}, here {who})" if first[1] != who else ""
                found.append(Diagnostic("W412", paragraph.loc.path, paragraph.loc.line, paragraph.loc.col,
                                        f"this paragraph stands on line {first[0]} already{by}"))
    listed: dict[str, Reference] = {}  # (a reference of any length: '微博：@城东图书馆' twice is a paste twice)
    for reference in (r for section in doc.sections for r in section.references):
        first_ref = listed.setdefault(key(reference.text) + (reference.url or ""), reference)
        if first_ref is not reference:
            found.append(Diagnostic("W412", reference.loc.path, reference.loc.line, reference.loc.col,
                                    f"reference {reference.number} is reference {first_ref.number} again (line {first_ref.loc.line})"))
    return found


def _unused_pronunciations(doc: Document) -> list[Diagnostic]:
    text = "\n".join([*doc.text_blocks(), *(s.name for s in doc.speakers), *doc.meta.authors, doc.meta.title])
    return [
        Diagnostic("W403", p.loc.path, p.loc.line, p.loc.col, f"pronunciation of '{p.word}' is never used")
        for p in doc.pronunciations if p.word not in text
    ]




def _long_paragraphs(doc: Document) -> list[Diagnostic]:
    """W422 for each paragraph over LONG_PARAGRAPH characters."""
    return [Diagnostic("W422", p.loc.path, p.loc.line, p.loc.col,
                       f"this paragraph holds {len(p.text):,} characters, more than any article's: its line breaks "
                       f"were lost? Every edition prints it as one paragraph, and W405 was looked for in its first "
                       f"{LONG_PARAGRAPH:,} characters only")
            for p in doc.paragraphs() if len(p.text) > LONG_PARAGRAPH]


def _guarded(rule: Callable[[Document, _SourceText], list[Diagnostic]], doc: Document,
             source: _SourceText) -> list[Diagnostic]:
    """A pass's rule that rejects a pronunciation the reader let through (the two disagree on
    a rare character, say) becomes an E301 at the pronunciations table, not a traceback."""
    try:
        return rule(doc, source)
    except ValueError as exc:
        named = [p.loc for p in doc.pronunciations if f"'{p.word}'" in str(exc)]
        at = (named or [p.loc for p in doc.pronunciations] or [s.loc for s in doc.speakers] or [None])[0]
        line, col = (at.line, at.col) if at else (1, 1)
        return [Diagnostic("E301", doc.source, line, col, f"the pinyin pass cannot use this table: {exc}")]


def _voice_hints(doc: Document) -> list[Diagnostic]:
    """What casting refuses (a fixed voice no engine has, or one that does not read the title's
    language: `espeak: m9`, `edge: zh-CN-Nobody`) is an error here too, where the editor looks,
    not first at the end of an audio build. Casting itself decides, for both engines.

    A chapter with more speakers than one engine's voices keep apart is no fault of a hint: a
    warning (W411) while the other engine reads the title, an error (E303) when neither does."""
    from pipeline.errors import PublishError, SourceError
    from pipeline.passes.casting import CastingLimit, cast

    found, crowded = [], []
    for engine in ("espeak", "edge"):
        try:
            cast(doc, engine)
        except CastingLimit as exc:
            crowded.append(exc)
        except SourceError as exc:
            found.append(Diagnostic("E302", doc.source, exc.line, exc.col, f"audio ({engine}): {exc.message}"))
        except PublishError:
            return found  # no voice reads the title's language: W409 says so
    if len(crowded) == 2:
        return found + [Diagnostic("E303", doc.source, exc.line, exc.col, f"audio ({exc.engine}): {exc.fact}")
                        for exc in crowded]
    return found + [Diagnostic("W411", doc.source, exc.line, exc.col,
                               f"audio ({exc.engine}): {exc.fact}; 'publish audio --engine {exc.engine}' fails for "
                               f"this title, --engine {exc.other} builds it") for exc in crowded]


def _unspoken_language(doc: Document, source: _SourceText) -> list[Diagnostic]:
    """A title in a language no voice reads (`language: en`) passed check, and `publish all` then
    failed at its audio and script editions: said here, at the `language:` line. A warning: the
    EPUB and PDF editions build."""
    from pipeline.audio.voices import spoken_language

    if spoken_language(doc.meta.language) is not None:
        return []
    return [Diagnostic("W409", doc.source, source.key_line("language"), 1,
                       f"no voice reads the title's language '{doc.meta.language}': 'publish audio' and "
                       "'publish script' (and so 'publish all') fail for this title; the EPUB and PDF editions build")]


MODEL_RULES: tuple[Callable[[Document], list[Diagnostic]], ...] = (_unused_speakers, _same_labels, _unused_pronunciations,
                                                                   _voice_hints, _repeated_text, questions_in_answers,
                                                                   labels_in_headings, numbered_questions, unmarked_language,
                                                                   voiceless_runs)

# The rules that read the file's lines (exact columns), in the order their warnings were added.
LINE_RULES: tuple[Callable[[_SourceText, str], list[Diagnostic]], ...] = (_half_width, _quote_styles, _not_in_fonts,
                                                                          stray_spaces, _combining_marks, _dashes_in_values)
