"""Placeholders an editor must fill, and guesses an editor must confirm.

`publish import` and `publish new` never invent what the copy does not say; they write `TODO`
instead (`title: "TODO: 标题"`, `date: TODO`, `voice: {gender: TODO}`, `## TODO: 问题`) and mark each
guess with a `# check: …` comment. The reader reports them, so a source cannot be built while a
placeholder is left and `publish check` lists every one:

- E120 title, E121 date, E122 description, E123 rights, E124 authors, E125 outlet: the field is
  still a placeholder; E126 any other front-matter value; E127 a placeholder in the body;
- W406 a voice hint left as a placeholder (casting works without it);
- W407 a `# check:` comment left in the front matter (a guess nobody has confirmed yet).

A value is a placeholder when it is `TODO` or starts with `TODO` followed by `:`, `：` or a space.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.diagnostics import Diagnostic
from pipeline.frontmatter import Positions

TODO = "TODO"
_VALUE = re.compile(r"^TODO(?:$|[\s:：])")
_BODY = re.compile(r"^\s*(?:#{1,6}\s+|\d+\.\s+|[-*+]\s+|>\s*)?(?P<todo>TODO(?:$|[\s:：]))")
_CHECK = re.compile(r"#\s*check:\s*(?P<what>.*)$")
_FIELD_CODES = {"title": "E120", "date": "E121", "description": "E122", "rights": "E123", "authors": "E124",
                "outlet": "E125"}
_STAND_INS = {"date": "1970-01-01"}  # so that validation reports nothing more about the field


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and bool(_VALUE.match(value.strip()))


def find_placeholders(data: dict[str, Any], positions: Positions, path: str, lines: list[str],
                      front_end: int) -> list[Diagnostic]:
    """Every placeholder and `# check:` comment of a source file, as diagnostics.

    `data` is the parsed front matter: placeholders in it are replaced by neutral stand-ins (a
    voice hint by nothing, a date by a valid one) so that validation reports only the
    placeholder itself. `lines` is the whole file and `front_end` the index of the line that
    closes the front matter."""
    found: list[Diagnostic] = []

    def visit(value: Any, where: tuple[str | int, ...], parent: Any, slot: Any) -> None:
        if isinstance(value, dict):
            for k, v in list(value.items()):
                visit(v, (*where, str(k)), value, k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                visit(v, (*where, i), value, i)
        elif is_placeholder(value):
            line, col = positions.of(where)
            found.append(_diagnostic(where, path, line, col))
            if where[0] == "speakers" and "voice" in where:
                parent[slot] = None
            elif where[0] in _STAND_INS:
                parent[slot] = _STAND_INS[str(where[0])]

    visit(data, (), None, None)
    for index in range(1, min(front_end, len(lines))):
        if match := _CHECK.search(_comment_of(lines[index])):
            found.append(Diagnostic("W407", path, index + 1, _comment_col(lines[index]) + 1,
                                    f"unconfirmed import guess: {match['what'].strip()}"))
    for index in range(front_end + 1, len(lines)):
        if match := _BODY.match(lines[index]):
            found.append(Diagnostic("E127", path, index + 1, match.start("todo") + 1,
                                    f"placeholder in the text: '{lines[index].strip()[:60]}'"))
    return found


def _diagnostic(where: tuple[str | int, ...], path: str, line: int, col: int) -> Diagnostic:
    field = str(where[0])
    dotted = ".".join(str(part) for part in where)
    if field == "speakers" and "voice" in where:
        return Diagnostic("W406", path, line, col, f"voice hint '{dotted}' is still a placeholder (TODO)")
    code = _FIELD_CODES.get(field, "E126")
    return Diagnostic(code, path, line, col, f"'{dotted}' is still a placeholder (TODO)")


def _comment_col(line: str) -> int:
    return _comment_start(line) if _comment_start(line) >= 0 else 0


def _comment_of(line: str) -> str:
    start = _comment_start(line)
    return line[start:] if start >= 0 else ""


def _comment_start(line: str) -> int:
    """Where a YAML comment starts on a line: a '#' outside quotes, at the start or after a space."""
    quote, i = None, 0
    while i < len(line):
        char = line[i]
        if quote:
            if char == "\\" and quote == '"':
                i += 1  # an escaped character inside a double-quoted value
            elif char == quote:
                quote = None
        elif char in "\"'" and (i == 0 or line[i - 1] in " :[{,-"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return -1
