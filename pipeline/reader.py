"""Reads one source file (Markdown + YAML front matter) into the document model.

Every problem becomes a `Diagnostic` with the file, line and column; `read_source` raises the
first error for builds, `read_with_diagnostics` returns them all for `publish check`. This module
is the entry: the file's bytes are decoded by `pipeline.sourcebytes`, its front matter read by
`pipeline.frontmatter` (and `pipeline.placeholders`), and its body walked by `pipeline.bodyreader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.bodyreader import BodyBuilder
from pipeline.diagnostics import Diagnostic, errors
from pipeline.errors import SourceError
from pipeline.frontmatter import FrontMatterError, parse_yaml, validate
from pipeline.frontslips import dash_items_read_as_text, values_lost_to_comments
from pipeline.model import Document
from pipeline.othertools import OTHER_HEADERS
from pipeline.placeholders import find_placeholders
from pipeline.slugs import slug_from_name
from pipeline.sourcebytes import decode_source
from pipeline.conflicts import conflict_markers
from pipeline.sourcetext import INVISIBLE, garbled_text, invisible_characters, lost_characters, split_lines
from pipeline.texthygiene import joined_authors, markup_in_fields


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


# A line an editor meant as the front matter's '---': more or fewer hyphens, or dashes an input
# method types (em dashes, full-width hyphens, box lines). YAML has no such line, so it is never a value.
# (the eleventh sweep) And YAML's document end '...' as an input method types it, '。。。', '…', '．．．'.
_DASH_LINE = re.compile(r"^ {0,3}(?:[-－—–―─ー]{2,}|[。．·・]{3}|…{1,2})\s*$")
# Where a front matter that is never closed runs into the body (named in the message; the error
# stays at its opening line): a heading or a fence, or a line at
# the margin that is no YAML (no 'key:', no list item, no comment): the article's first paragraph.
_FENCE_WITH_TEXT = re.compile(r"^---[ \t]+(\S.*)$")  # (the twelfth sweep: '--- 正文', the text begun on its line)
_BODY_LINE = re.compile(r"^(?:#{2,}|:::)|^(?![\s#-])(?![^:\n]*:(?:\s|$))\S")


# What stands in a front matter: empty lines, comments, 'field:' lines, indented lines and list items.
_YAML_LINE = re.compile(r"^\s*$|^\s*#|^\s|^- |^[^\s:#][^:\n]*:(?:\s|$)")


def _document_end_above_the_fence(lines: list[str], end: int) -> str | None:
    """E101's words for a front matter closed by YAML's document end '...' (which closes it, as in
    Pandoc), or an empty one ('---' typed twice at the top), above the '---' the editor meant as its
    end, with only YAML between: the fields there were read as the text (eight E103s) and the '---'
    as a section break (the eighth sweep)."""
    empty = not any(line.strip() for line in lines[1:end])  # ('---' twice at the top: the first pair is empty)
    if lines[end].strip() != "..." and not empty:
        return None
    fence = next((i for i in range(end + 1, len(lines)) if lines[i].strip() == "---"), None)
    if fence is None or not all(_YAML_LINE.match(line) for line in lines[end + 1 : fence]):
        return None
    between = any(line.strip() for line in lines[end + 1 : fence])
    closing = (f"the line '{lines[end].strip()}' closes an empty front matter" if empty
               else "the line '...' (YAML's document end) closes the front matter here")
    return (f"{closing}, so "
            + ("the fields below it would be read as text, and " if between else "")
            + f"the '---' on line {fence + 1} as a section break: delete the line '{lines[end].strip()}'")


def _garbled_message(written: str, meant: str) -> str:
    shown, said = (written, meant) if len(written) <= 24 else (written[:23] + "…", meant[:8] + "…")
    return (f"'{shown}' is UTF-8 text that a program read as Windows-1252 (Latin-1) and saved again, so every "
            f"edition would print it garbled: it stands for '{said}'")


def _read_lines(lines: list[str], path: str, default_slug: str) -> ReadResult:
    if conflicts := conflict_markers(lines):  # (E238: every other message would follow from the markers)
        return ReadResult(None, [Diagnostic("E238", path, line, col, message) for line, col, message in conflicts])
    if not lines or lines[0].strip() != "---":
        first = lines[0].strip() if lines else ""
        shown = first if len(first) <= 40 else first[:39] + "…"
        what = (f"the first line '{shown}' must be exactly '---' (three half-width hyphens)"
                if lines and (_DASH_LINE.match(lines[0]) or lines[0].startswith("---")) else "the first line must be '---'")
        if lines and (hidden := INVISIBLE.findall(lines[0])) and INVISIBLE.sub("", lines[0]).strip() == "---":
            what = (f"the first line holds the invisible {', '.join(f'U+{ord(c):04X}' for c in hidden)} beside its '---' "
                    "(a second byte-order mark, or a paste's leftover): delete it, or save the file again as UTF-8")
        if lines and (separator := re.search("[\u2028\u2029\x85]", lines[0])) and lines[0].startswith("---"):
            what = (f"the file's lines end in U+{ord(separator[0]):04X} (a Unicode line separator a program wrote), "
                    "which no Markdown reader takes for a line end: save the file again with plain line ends")
        if lines and (other := next((why for pattern, why in OTHER_HEADERS if pattern.match(lines[0])), None)):
            what = other
        if not any(line.strip() for line in lines):  # (the twelfth sweep: "the first line must be '---'" of nothing)
            what += (", and the file is empty" + (" but for spaces and empty lines" if "".join(lines) else "")
                     + ": write the front matter and the text ('publish new SLUG' writes a documented template)")
        # empty lines or a YAML directive ('%YAML 1.2', a tool's) above the '---': the front matter was there
        above = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("%")), None)
        if above and lines[above].strip() == "---":
            below = ("a YAML directive" if any(line.startswith("%") for line in lines[:above])
                     else "empty lines" if above > 1 else "an empty line")
            what += f": it stands on line {above + 1}, below {below}; delete the line{'s' if above > 1 else ''} above it"
        return ReadResult(None, [Diagnostic("E101", path, 1, 1, f"no front matter: {what}")])
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    meant = next((i for i in range(1, end or len(lines)) if _DASH_LINE.match(lines[i]) or _FENCE_WITH_TEXT.match(lines[i])
                  or INVISIBLE.sub("", lines[i]).strip() == "---" != lines[i].strip()), None)
    if meant is not None:  # (before the first '---': the body's section breaks come after it)
        hidden = ", ".join(f"U+{ord(c):04X}" for c in INVISIBLE.findall(lines[meant]))
        after = _FENCE_WITH_TEXT.match(lines[meant])
        how = (f"it holds the invisible {hidden} (a paste's or a program's leftover): delete it" if hidden
               else f"'---' stands alone on its line: put '{after[1][:20]}' on a line below it" if after
               else "write exactly '---' (three half-width hyphens)")
        return ReadResult(None, [Diagnostic("E101", path, meant + 1, 1, f"the line '{INVISIBLE.sub('', lines[meant]).strip()}'"
                                            f" does not close the front matter: {how}")])
    if end is None:
        body = next((i for i in range(1, len(lines)) if _BODY_LINE.match(lines[i])), None)
        if body is None:
            return ReadResult(None, [Diagnostic("E101", path, 1, 1, "front matter is not closed by a '---' line")])
        return ReadResult(None, [Diagnostic("E101", path, 1, 1, "front matter is not closed by a '---' line: it runs on "
                                            f"into the text at line {body + 1} ('{lines[body].strip()[:20]}'); put a "
                                            "'---' line above that one")])
    if (dots := _document_end_above_the_fence(lines, end)) is not None:
        return ReadResult(None, [Diagnostic("E101", path, end + 1, 1, dots)])
    garbled = [(number, col, length, Diagnostic("E234", path, number, col, _garbled_message(written, meant)))
               for number, col, length, written, meant in garbled_text(lines)]
    garbled_at = {(g[0], col) for g in garbled for col in range(g[1], g[1] + g[2])}
    hidden = [Diagnostic("E102" if number <= end else "E219", path, number, col, message)
              for number, col, message in invisible_characters(lines, front_end=end)
              if (number, col) not in garbled_at]  # (a C1 control in mojibake is one of its bytes, not a stray one)
    hidden += [Diagnostic("E228", path, number, col, message) for number, col, message in lost_characters(lines)]
    hidden += list({g[0]: g[3] for g in reversed(garbled)}.values())  # (the first run of a line: one error a line)
    front_hidden = [d for d in hidden if d.code == "E102" or (d.code == "E234" and d.line <= end)]
    if front_hidden:  # YAML would misplace lines after U+2028 or U+0085, so stop here
        return ReadResult(None, front_hidden)
    placeholders: list[Diagnostic] = []
    lost = values_lost_to_comments(lines[1:end], 2, path)  # (E237: its field's "missing" or "nothing" is no second error)
    if dashed := dash_items_read_as_text(lines[1:end], 2, path):  # (its field's "bad value" would follow from it)
        return ReadResult(None, dashed)
    try:
        data, positions = parse_yaml("\n".join(lines[1:end]), path, line_offset=1)
        placeholders = find_placeholders(data, positions, path, lines, end)  # E120–E127, W406–W407
        front = validate(data, positions, path)
    except FrontMatterError as exc:
        return ReadResult(None, placeholders + lost + [d for d in exc.diagnostics if d.line not in {c.line for c in lost}]
                          + hidden)
    builder = BodyBuilder(path, front, positions, body_offset=end + 1, body_lines=lines[end + 1 :])
    builder.diagnostics += placeholders + hidden + lost
    builder.report(markup_in_fields(front, positions) + joined_authors(front, positions))
    builder.read_body()
    document = builder.finish(default_slug)
    return ReadResult(document if not errors(builder.diagnostics) else None, builder.diagnostics)
