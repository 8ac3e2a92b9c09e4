"""What an editor did wrong in `publish.toml`, in the editor's words, at its line.

tomllib names a mistake in a parser's terms and was passed on as it was: a setting given twice
was 'publish.toml: not valid TOML: Cannot overwrite a value (at line 3, column 30)', a title
typed without quotes 'Invalid value', `explicit = False` the same, a section declared twice
'Cannot declare ('site',) twice' — none naming the setting, the first line, or what to write,
and none in the `publish.toml:LINE: [section] key: …` form of every other mistake in the file.
Here each of tomllib's messages (`SLIPS`) and each kind of value it refuses (`VALUES`) has the
words to say; one it does not know keeps tomllib's own, still at its line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_WHERE = re.compile(r"^(?P<what>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S)
_HEADER = re.compile(r"^\s*\[\s*([^\]\[]*?)\s*\]")
_KEY = re.compile(r"^\s*([\"']?)([^=\"':：＝\s]+)\1\s*[=:：＝]")

# A value tomllib refuses ('Invalid value', or text after one): what it is → what to write.
VALUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^$"), "no value after '=': give one, or delete the line"),
    (re.compile(r"^(?i:true|false|yes|no|on|off)$"), "write true or false, in lower case"),
    (re.compile(r"^[“”„‘’「」『』＂].*"), "put the text in straight quotes, \"…\", not “…”"),
    (re.compile(r"^\d[\d.,]*\s*[A-Za-z]+$"), 'a size goes in quotes: {key} = "{value}"'),
    (re.compile(r"^[\"'].*"), "text after the closing quote: put the whole value in one pair of quotes (a comment "
                              "starts with '#')"),
    (re.compile(r".*"), 'text goes in quotes: {key} = "{value}"'),
]
# tomllib's message → what to say ({key}, {table}, {first}: the line that set it before).
SLIPS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Cannot overwrite a value"), "given twice (first on line {first}): keep one of them"),
    (re.compile(r"^Cannot declare .* twice"), "the section [{table}] is declared twice (first on line {first}): "
                                              "put its settings under one [{table}]"),
    (re.compile(r"^Expected '=' after a key"), "write a setting as key = value, with a half-width '='"),
    (re.compile(r"^Expected ']' at the end of a table"), "a section's name is closed by ']': [{table}]"),
    (re.compile(r"^(Illegal character '\\n'|Unterminated string|Expected \"'\")"),
     "a quoted value is not closed: end it with the quote it opens with, on the same line"),
    (re.compile(r"^Unescaped '\\'"), "a backslash in \"…\" starts an escape: write it twice (\\\\), or quote the "
                                       "value with '…'"),
    (re.compile(r"^(Invalid value|Expected newline or end of document after a statement)"), "{value_advice}"),
    (re.compile(r"^Invalid statement"), "not a setting: write key = value, or [section]"),
]


def toml_problem(message: str, raw: str, path: Path) -> str:
    """'publish.toml:LINE: [section] key: what is wrong (what to do)' for tomllib's `message`."""
    found = _WHERE.match(message)
    what = found["what"] if found else message
    lines = raw.splitlines()
    number = int(found["line"]) if found and found["line"] else _last_line(lines)
    text = lines[number - 1] if 0 < number <= len(lines) else ""
    table, key, value = _section_of(lines, number), _key_of(text), _value_of(text)
    invisible = next((c for c in text if unicodedata.category(c) == "Cf"), None)
    if invisible is not None:
        said = (f"an invisible character (U+{ord(invisible):04X}, {unicodedata.name(invisible, 'unnamed')}) in the "
                f"line: delete it")
    else:
        advice = next((words for pattern, words in SLIPS if pattern.search(what)), None)
        value_advice = next(words for pattern, words in VALUES if pattern.match(value)).format(key=key, value=value)
        first = _first_line(lines, number, table, key, header=bool(_HEADER.match(text)))
        if advice == "{value_advice}" and _HEADER.match(text):
            advice = "a section's line holds its name alone: [{table}]"
        said = (advice.format(key=key, table=table, first=first, value_advice=value_advice) if advice
                else f"{what[:1].lower()}{what[1:]}: fix it")
    place = f"[{table or 'top'}] {key}: " if key and not _HEADER.match(text) else ""
    return f"{path}:{number}: {place}{said}"


def _last_line(lines: list[str]) -> int:
    return next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), max(len(lines), 1))


def _section_of(lines: list[str], number: int) -> str:
    """The section line `number` is in (its own name for a header line)."""
    for index in range(min(number, len(lines)), 0, -1):
        header = _HEADER.match(lines[index - 1]) or (re.match(r"^\s*\[\s*([^\]\s]*)", lines[index - 1])
                                                    if index == number else None)
        if header:
            return header.group(1).strip().strip("\"'")
    return ""


def _key_of(text: str) -> str:
    found = _KEY.match(text)
    return found.group(2) if found and not _HEADER.match(text) else ""


def _value_of(text: str) -> str:
    """What follows the '=' (without a trailing comment)."""
    _key, equals, value = text.partition("=")
    return re.sub(r"\s+#.*$", "", value).strip() if equals else ""


def _first_line(lines: list[str], number: int, table: str, key: str, *, header: bool) -> int | str:
    """The earlier line that set this key in this section, or declared this section."""
    section = ""
    for index, text in enumerate(lines[:number - 1], 1):
        found = _HEADER.match(text)
        if found:
            section = found.group(1).strip().strip("\"'")
            if header and section == table:
                return index
        elif header and _key_of(text).split(".")[0] == table and section == "":
            return index  # `site.base_url = …` above a `[site]`
        elif not header and section == table and _key_of(text) == key:
            return index
    return "?"
