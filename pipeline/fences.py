"""The block structure of a source body, found by a line scanner before any Markdown parsing.

Why a scanner of our own and not markdown-it's container plugin: the plugin is lenient in the
ways that hurt here. An answer whose closing `:::` is missing runs on to the end of the file
(swallowing the next question heading, so the next speaker's words land under the previous
speaker); `::::` opens a block, `:::answer` opens one, a closing fence with text after it is
read as text, and a block inside a block nests silently. The fence grammar of this format is
tiny and line-based, so the scanner owns it outright: it splits the body into top-level runs
and `:::` blocks with exact line numbers, reports every malformed or misplaced fence, and
markdown-it then reads the Markdown *inside* each piece separately, so a fault in one answer
(an unclosed code fence, a stray list) can never spill into the next one.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

from pipeline.othertools import other_tools_block, other_tools_box
from pipeline.sourcetext import INVISIBLE

# A fence line: optional indentation (or a quote or list marker, which would hide it inside a
# quote or a list), two or more colons (half- or full-width: an IME types '：'), the rest.
_FENCE = re.compile(
    r"^(?P<indent>(?:[ \t>\u3000]|[-*+][ \t]|\d{1,9}[.)][ \t])*)(?P<marker>[:：]{2,})(?P<rest>.*)$")
_MARKER = re.compile(r"[-*+>]|\d[.)]")
_ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]|$)")
# '##' glued to its text, followed by a space an IME types (U+3000, a no-break space), or typed
# as full-width '＃＃': each is text to Markdown, and the question would silently join the text
# before it.
_NO_SPACE_HEADING = re.compile(r"^ {0,3}(?P<marks>[#＃]{2,6})(?![#＃])(?P<after>.?)")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*")
_TRAILING_FENCE = re.compile(r"\S\s*(?<!\\):::\s*$")  # ('\\:::' is an escaped colon: text)
BLOCK_NAMES = ("answer", "note")
_LEADING_INVISIBLE = re.compile(f"^(?:{INVISIBLE.pattern})+")


@dataclass(frozen=True)
class Problem:
    """A fault found by the scanner, at a file line (1-based)."""

    code: str
    line: int
    col: int  # 1-based
    message: str


@dataclass(frozen=True)
class Run:
    """Top-level lines [start, end) outside any block."""

    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A `::: name info` block. Its content is lines [start + 1, end); `closed` tells
    whether a `:::` line ended it (else it was cut short by an intruder or the end of file)."""

    name: str  # "answer", "note", or the unreadable name as written
    info: str  # the fence's words after the colons, stripped ("answer wang role=…")
    start: int
    end: int
    closed: bool
    readable: bool  # False when the opening fence itself was reported


@dataclass
class Layout:
    pieces: list[Run | Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # lines a problem names that are no text of the piece they stand in (the reader reads them as empty):
    # another tool's box inside a block, its fence and its ':::'; a reStructuredText underline
    blank: list[int] = field(default_factory=list)


def _what(line: str) -> str:
    shown = line.strip()
    return f"'{shown[:40]}…'" if len(shown) > 40 else f"'{shown}'"


def _kind(name: str) -> str:
    return name if name in BLOCK_NAMES else "block"


def scan(lines: list[str], first_line: int = 1) -> Layout:
    """Split body lines into top-level runs and `:::` blocks, reporting every fence fault.

    Pieces hold indexes into `lines`; problems hold file lines (`lines[0]` is `first_line`)."""
    layout = Layout()
    run_start = 0
    open_block: tuple[str, str, int, bool] | None = None  # name, info, opening index, readable
    # (the twelfth sweep) another tool's box opened inside an open answer or note, '::: tips': its ':::'
    # closes the box, not the block (it was four messages: E213 twice, the E206, and an E215 for the ':::')
    box_inside: int | None = None

    def report(code: str, index: int, col: int, message: str) -> None:
        layout.problems.append(Problem(code, index + first_line, col, message))

    def close(at: int, closed: bool) -> None:
        nonlocal open_block, run_start
        assert open_block is not None
        name, info, start, readable = open_block
        layout.pieces.append(Block(name, info, start, at, closed, readable))
        open_block = None
        run_start = at + 1 if closed else at

    def intruder(at: int, what: str) -> None:
        """Something that cannot stand inside the open block: report both places, end the block."""
        assert open_block is not None
        kind, start = _kind(open_block[0]), open_block[2]
        report("E213", start, 1, f"the {kind} opened here is still open at line {at + first_line}, where {what} "
                                 f"stands; the {kind} needs its closing ':::' before that line")
        report("E213", at, 1, f"{what} stands inside the {kind} opened on line {start + first_line}, "
                              "which is not closed")
        close(at, closed=False)

    def open_(at: int, name: str, info: str, readable: bool) -> None:
        nonlocal open_block, cut_by_heading
        cut_by_heading = None
        if at > run_start:
            layout.pieces.append(Run(run_start, at))
        open_block = (name, info, at, readable)

    asciidoc_ends: set[int] = set()  # (the closing lines of AsciiDoc's blocks, named at their opening)
    cut_by_heading: int | None = None  # (the E213 of a block a '##' heading cut short, until a fence opens)
    for index, line in enumerate(lines):
        # (an invisible character a word processor left at the line's start, a BOM before ':::', is
        # E219's alone: the fence is still a fence; it was text, an E217, and its closing ':::' an E215)
        line = _LEADING_INVISIBLE.sub("", line)
        fence = _FENCE.match(line)
        if index in asciidoc_ends or (fence is None and (end := asciidoc_block(lines, index)) is not None):
            if index not in asciidoc_ends:
                report("E233", index, 1, _asciidoc_message(line.strip(), end + first_line))
                asciidoc_ends.add(end)
            layout.blank.append(index)
            continue
        if fence is None and _rst_underline(lines, index):
            report("E232", index, 1, f"the line {_what(line)} right under {_what(lines[index - 1])} underlines it as a "
                                     "heading, reStructuredText's way, which Markdown does not read (it printed the "
                                     "marks, or took them for the start of code that ran on to the next block)")
            layout.blank.append(index)
            continue
        if fence is None:
            if open_block is not None and (atx := _ATX_HEADING.match(line)) and len(atx["marks"]) == 2:
                # (only a chapter's '##' ends a block left open; a '###' or '#' inside one is E211 there)
                intruder(index, f"the heading {_what(line)}")
                cut_by_heading = len(layout.problems) - 1  # (its E213 at the heading)
            heading = _NO_SPACE_HEADING.match(line)
            if heading and ("＃" in heading["marks"] or heading["after"] not in ("", " ", "\t")):
                marks, after = heading["marks"], heading["after"]
                why = ("with full-width '＃' is not a heading" if "＃" in marks else "without a space is not a heading"
                       if not after.isspace() else f"followed by U+{ord(after):04X}, not a plain space, is not a heading")
                report("E220", index, line.index(marks) + 1, f"'{marks}' {why}: {_what(line)}")
            if _TRAILING_FENCE.search(line):
                report("E218", index, line.rstrip().rfind(":::") + 1, "':::' at the end of a line of text is not a fence")
                if open_block is not None:
                    close(index, closed=True)
            continue

        indent, marker, rest = fence["indent"], fence["marker"], fence["rest"]
        col = len(indent) + 1
        readable = True
        if indent.strip(" ") or len(indent) > 3:
            shown = "a quote marker" if ">" in indent else "a list marker" if _MARKER.search(indent) else "indentation"
            report("E217", index, 1, f"{shown} before the fence {_what(line)} makes it text or code")
            readable = False
        if marker != ":::":
            width = " full-width" if "：" in marker else ""
            report("E216", index, col, f"the fence {_what(line)} has {len(marker)}{width} colons; a fence is exactly ':::'")
            readable = False

        words = rest.strip()
        if not words:  # a closing fence
            if box_inside is not None:
                box_inside = None  # (the box's own ':::', inside the block: its E206 said to delete it)
                layout.blank.append(index)
            elif open_block is None and cut_by_heading is not None and readable:
                # (the thirteenth sweep) the ':::' of the block a '##' heading cut short, below that heading (a
                # question typed inside an answer): said at the heading's E213, not as a third error
                said = layout.problems[cut_by_heading]
                layout.problems[cut_by_heading] = Problem(said.code, said.line, said.col, said.message + (
                    f"; the ':::' on line {index + first_line} below it closes nothing and looks like that block's own: "
                    "move it above the heading (or, if the heading is a question asked inside the answer, make it an "
                    "answer's words without the '##')"))
                cut_by_heading = None
                layout.blank.append(index)
            elif open_block is None:
                report("E215", index, col, "':::' closes nothing: no answer or note is open here")
            else:
                close(index, closed=True)
            continue

        if (div := _PANDOC_DIV.match(words)) is not None:  # (one error, and its ':::' closes it: no E215 too)
            if open_block is not None and box_inside is None:
                report("E206", index, col + len(marker) + len(rest) - len(rest.lstrip()),
                       _inside(f"'{div[0].strip()}' is a pandoc div", open_block[0]))
                box_inside = index
                layout.blank.append(index)
                continue
            if open_block is not None:
                intruder(index, f"the fence {_what(line)}")
            report("E206", index, col + len(marker) + len(rest) - len(rest.lstrip()), _pandoc_div(div))
            open_(index, "div", words, readable=False)
            continue

        name_match = _NAME.match(words) or _NAME.match(unicodedata.normalize("NFKC", words))
        if name_match is not None and not _NAME.match(words):  # (an IME's full-width letters: '::: ａｎｓｗｅｒ')
            if open_block is not None:
                intruder(index, f"the fence {_what(line)}")
            report("E206", index, col + len(marker) + len(rest) - len(rest.lstrip()),
                   f"'{words.split()[0]}' is typed in full-width letters (an input method's): write "
                   f"'::: {unicodedata.normalize('NFKC', words.split()[0]).lower()}' in half-width letters")
            open_(index, name_match[0], words, readable=False)
            continue
        if name_match is None:  # colons, then text that names no block: a closing fence with text
            report("E218", index, col + len(marker), f"text after a closing fence: {_what(line)}")
            if open_block is not None:
                close(index, closed=True)
            continue

        name = name_match[0]
        if name not in BLOCK_NAMES and (other := other_tools_block(name)) is not None:
            if open_block is not None and box_inside is None:
                report("E206", index, col, _inside(f"'::: {name}' opens {other_tools_box(name)}", open_block[0]))
                box_inside = index
                layout.blank.append(index)
                continue
            report("E206", index, col, other)
            readable = False
        elif not rest[:1].isspace():
            report("E206", index, col, f"write a space between ':::' and '{name}'")
            readable = False
        elif name not in BLOCK_NAMES:
            near = difflib.get_close_matches(name.lower(), BLOCK_NAMES, n=1, cutoff=0.5)
            hint = f": did you mean '::: {near[0]}'?" if near else ""
            report("E206", index, col, f"unknown block '::: {name}'{hint}")
            readable = False
        if open_block is not None and open_block[1] == words and not any(lines[k].strip()
                                                                          for k in range(open_block[2] + 1, index)):
            # (the thirteenth sweep) the same fence twice, nothing between: one error, not an empty answer and two E213s
            report("E206", index, col, f"the fence {_what(line)} stands twice, on line {open_block[2] + first_line} "
                                       "and here, with nothing between: delete this one")
            layout.blank.append(index)
            continue
        if open_block is not None:
            intruder(index, f"the fence {_what(line)}")
        open_(index, name, words, readable)

    if open_block is not None:
        report("E214", open_block[2], 1,
               f"the {_kind(open_block[0])} opened here is never closed before the end of the file")
        close(len(lines), closed=False)
    elif run_start < len(lines):
        layout.pieces.append(Run(run_start, len(lines)))
    return layout


# (the twelfth sweep) A reStructuredText heading's underline, a run of one adornment under a short line of text
# ('背景' over '~~~~', '^^^^', '""""'; '****' at least as wide as it, '***' is a section break): Markdown printed it, took '****' for a section break, or '~~~~' for code
# that swallowed the chapters after it (an E212 and an E205 for each answer). ('=' and '-' are Markdown's own
# underlines, E232 there; ':' a fence's, '#' a heading's.)
_ADORNMENT = re.compile(r"^([~^\"'+*_`])\1{2,}[ \t]*$")  # (not '.': '......' is an ellipsis)
_PLAIN_TEXT = re.compile(r"^[^\s\-*+>#:|<\[!`~]")


def _rst_underline(lines: list[str], index: int) -> bool:
    """Whether `lines[index]` underlines the short line of text above it, reStructuredText's way."""
    found = _ADORNMENT.match(lines[index])
    if found is None or index == 0 or not _PLAIN_TEXT.match(above := lines[index - 1]) or len(above.strip()) > 40:
        return False
    if index > 1 and lines[index - 2].strip():
        return False  # (a paragraph's last line: a section break or a code fence right under it)
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in above.strip())
    marks = found[0].strip()
    fence = found[1] in "`~"  # (a code fence closed further on is code, E212's)
    wide = max(4, width) if found[1] in "*_" else max(3, width - 2)  # (rst's underline is as wide as the title)
    return len(marks) >= wide and not (fence and any(later.strip() == marks for later in lines[index + 1:]))


# (the thirteenth sweep) AsciiDoc's delimited blocks: a line of four or more of one mark over the block's
# text and the same line under it. Markdown read '____', '****' and '----' as section breaks (W416 twice,
# "left out"), or the closing '----' or '====' as the underline of a heading (E232), and printed the
# block's text as ordinary paragraphs: (what the block is, what to write instead), by its mark.
ASCIIDOC_BLOCKS = {
    "_": ("quote block", "write its lines as a quote, '> …'"),
    "*": ("sidebar", "write its text as a '::: note' (printed after the chapter) or as a quote, '> …'"),
    "-": ("listing (code) block", "write its text as a paragraph (the format has no code)"),
    "=": ("example block", "write its text as a paragraph, or as a quote, '> …'"),
}
_ASCIIDOC_DELIMITER = re.compile("^([" + re.escape("".join(ASCIIDOC_BLOCKS)) + r"])\1{3,}[ \t]*$")


def asciidoc_block(lines: list[str], index: int) -> int | None:
    """The index of the line that closes the AsciiDoc block `lines[index]` opens, or None: the opening
    line stands after an empty line with text right under it, the closing one (the same marks) right
    under text and over an empty line (or the ':::' closing an answer), before any heading or fence (two section breaks, each between
    empty lines, are no block)."""
    if (_ASCIIDOC_DELIMITER.match(lines[index]) is None or (index and lines[index - 1].strip())
            or index + 1 >= len(lines) or not lines[index + 1].strip()):
        return None
    mark = lines[index].strip()
    for later in range(index + 1, len(lines)):
        line = lines[later]
        if line.strip() == mark:
            closes = lines[later - 1].strip() and (later + 1 == len(lines) or not lines[later + 1].strip()
                                                    or _FENCE.match(lines[later + 1]))
            return later if closes and later > index + 1 else None
        if _FENCE.match(line) or _ATX_HEADING.match(line):
            return None
    return None


def _asciidoc_message(mark: str, closing: int) -> str:
    what, instead = ASCIIDOC_BLOCKS[mark[0]]
    return (f"'{mark}' here and on line {closing} mark an AsciiDoc {what}, which Markdown does not read: every "
            f"edition printed its text as ordinary paragraphs; {instead}, and delete the two '{mark}' lines")


def _inside(what: str, block: str) -> str:
    """E206's words for another tool's box opened inside an answer or a note: the box's text is the
    block's, so the way out is to delete its two fence lines (a note cannot stand inside an answer)."""
    return (f"{what}, which this format does not have, inside the {_kind(block)}: delete this line and the ':::' "
            f"that closes the box, and its text stays the {_kind(block)}'s (or make it a quote, '> …')")


# (the tenth sweep) Pandoc's fenced div, '::: {.note}', or one it writes for a Word paragraph style,
# '::: {custom-style="Body Text"}': read as a closing fence with text (E218), the brace as an
# attribute block with nothing to attach to (E226), and its closing ':::' as one that closes nothing
# (E215): three errors, none saying what the line is.
_PANDOC_DIV = re.compile(r"^\{(?:[^{}]*?\.(?P<name>[A-Za-z][\w-]*))?(?:[^{}]*?custom-style=[\"'“]?(?P<style>[^\"'”}]*))?[^{}]*\}\s*$")


def _pandoc_div(div: re.Match[str]) -> str:
    """E206's words for a pandoc div's fence: the block meant, or what the div was in Word."""
    if div["name"] in BLOCK_NAMES:
        return (f"'{{.{div['name']}}}' is pandoc's way to write a block: this format writes it '::: {div['name']}'"
                + (" ID" if div["name"] == "answer" else ""))
    what = f"Word's paragraph style '{div['style']}'" if div["style"] else "a pandoc div"
    return (f"'{div[0].strip()}' is {what}, which pandoc wrote as a block; this format's blocks are '::: answer ID' "
            "and '::: note': delete this line and the ':::' that closes it")


ANSWER_WITH_TEXT = re.compile(r"^answer\s+(?P<id>\S+)\s+(?!role=)(?P<text>\S.*)$")  # '::: answer wang 白天…'


def after_the_id(speaker_id: str, text: str, known: Collection[str] = ()) -> str:
    """E206's words for what follows a known id on an answer's fence: a role typed another way
    ('role = …', 'role：…', the role alone), the answer's text, fence and all, or a second
    speaker's id (`known`: a joint answer, '::: answer suwen hechuan'); '' for anything else (a
    stray word: 'cannot read' says it)."""
    others = [word for word in re.split(r"[\s,，、]+", text) if word in known]
    if others:
        return (f"'::: answer {speaker_id} {text}' names {len(others) + 1} speakers: an answer is one speaker's; write "
                f"each one's words in a fence of their own, '::: answer {speaker_id}' and '::: answer {others[0]}'")
    if re.match(r"role\s*[=＝:：]", text):
        return f"'{text}': write the role as 'role=…', a half-width '=' with no space around it"
    if re.search(r"[。，！？；]|:::", text):
        return (f"text on the '::: answer {speaker_id}' line: the answer's text goes on the lines below it, and ':::' "
                "alone on the line after the text")
    if re.search("[\u3400-\u9fff]", text):  # (a Chinese word after the id: a role without its key)
        return f"'{text}' after the id: write a role as 'role={text}' (the answer's text goes on the lines below)"
    return ""
