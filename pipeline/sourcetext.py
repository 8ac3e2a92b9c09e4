"""A source file's raw text as an editor's text editor shows it: lines and visible characters.

Every position the reader and `publish check` report counts lines this one way, so that
`file:line:col` lands on the same spot in any editor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Only CR LF, CR and LF end a line: str.splitlines() would also split at U+2028, U+0085,
# form feeds …, which editors do not count, and every later line number would be off.
_LINE_END = re.compile(r"\r\n|\r|\n")
# Characters no edition can carry (XML forbids C0 controls and U+FFFE/U+FFFF) or that only a
# broken paste or conversion leaves behind (DEL, C1 controls, a byte-order mark inside the text),
# and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): unseen
# in an editor, they reverse or reorder the text after them in every reader and in the PDF.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
# Line separators YAML counts as line ends, so front-matter positions after them would be wrong.
_YAML_BREAKS = re.compile("[\u2028\u2029]")


_LATIN = re.compile(r"[A-Za-z0-9]")


def line_join(before: str, after: str) -> str:
    """What a line break between `before` and `after` (the text on each side) becomes when an
    editor's lines are joined into one: a space between Latin letters or digits ('Open' / 'AI'),
    nothing beside a Chinese character, where a space would show in every edition."""
    return " " if _LATIN.match(before[-1:]) and _LATIN.match(after[:1]) else ""


def without_invisible(text: str) -> tuple[str, int]:
    """The text without the characters `invisible_characters` reports, and how many there were:
    for copy brought in by `publish import`, which carries them from a paste or a conversion."""
    return _INVISIBLE.subn("", text)


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def invisible_characters(lines: list[str], front_end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) of every character an editor cannot see and no edition can carry.

    Lines up to `front_end` (the index of the closing '---') are front matter, where the
    line separators U+2028 and U+2029 also count."""
    for index, line in enumerate(lines):
        pattern = _INVISIBLE
        hits = list(pattern.finditer(line))
        if front_end is not None and index <= front_end:
            hits += list(_YAML_BREAKS.finditer(line))
        for match in sorted(hits, key=lambda m: m.start()):
            char = match[0]
            name = unicodedata.name(char, "control character")
            yield index + 1, match.start() + 1, f"invisible character U+{ord(char):04X} ({name}) in the text"
