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
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff"
# Format characters a paste from Word or a web page carries in, just as unseen: a soft hyphen
# (U+00AD), the combining grapheme joiner, the Arabic letter mark and the left-to-right and
# right-to-left marks (U+061C, U+200E, U+200F), the Mongolian vowel separator, a zero-width
# space (U+200B), the word joiner and the invisible operators (U+2060–U+2064), the deprecated
# format characters (U+206A–U+206F), the Hangul fillers that make a name look empty, and the
# interlinear annotation marks. Each splits a word or a name in two where no one sees it: a
# speaker's name no longer matches itself, a search finds nothing, the audio pauses.
_FORMAT = "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2060-\u2064\u206a-\u206f\u3164\uffa0\ufff9-\ufffb"
# The zero-width joiner and non-joiner belong inside an emoji sequence (👨\u200d👩) or between
# letters of a script that joins (Arabic, Indic); beside a Han character, a Latin letter, a digit,
# a space or punctuation, or at a line's edge, they are a paste's leftovers like the above.
_PLAIN = "[\x00-\x7f\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2000-\u206f\\s]"
_LOOSE_JOINER = f"(?:^|(?<={_PLAIN}))[\u200c\u200d]|[\u200c\u200d](?={_PLAIN}|$)"
# (the thirteenth sweep) An emoji's presentation selector (U+FE0E, U+FE0F) left after a Han character, a letter
# or a mark, where a paste dropped the emoji it followed: as unseen, and it split the word it stands in
# (not after the digit of a keycap, '1' U+FE0F U+20E3, nor the marks that are emoji: U+3030, U+303D, U+3297,
# U+3299, U+203C, U+2049)
_LOOSE_SELECTOR = f"(?:^|(?<={_PLAIN}))(?<![\u3030\u303d\u3297\u3299\u203c\u2049])[\ufe0e\ufe0f](?!\u20e3)"
_INVISIBLE = INVISIBLE = re.compile(f"[{_CONTROLS}{_FORMAT}]|{_LOOSE_JOINER}|{_LOOSE_SELECTOR}")
# Line and paragraph separators: YAML counts them as line ends, so front-matter positions after
# them would be wrong; in the body an editor sees no line end there, but every edition breaks the
# line (or joins the words) at them.
_YAML_BREAKS = re.compile("[\u2028\u2029]")
# U+FFFD, the replacement character: what a conversion writes where it could not read a
# character. The character is lost; only the original copy has it back (E228).
_LOST = re.compile("\ufffd")


def line_join(before: str, after: str) -> str:
    """What a line break between `before` and `after` (the text on each side) becomes when an
    editor's lines are joined into one: nothing beside a Chinese character or a full-width mark,
    where a space would show in every edition; a space between others, as in the segment-break
    rule of CSS Text: between Latin words ('Open' / 'AI') and after Latin punctuation too, where
    an English line wrapped after a comma or a full stop ran on as 'red,violets', 'late.We'."""
    last, first = before[-1:], after[:1]
    if not last or not first or last.isspace() or first.isspace():
        return ""
    return "" if is_wide(last) or is_wide(first) else " "


def is_wide(char: str) -> bool:
    """A character set full width (a Chinese one, a full-width mark): what Chinese punctuation
    and spacing go beside, where Latin ones go between the others."""
    return unicodedata.east_asian_width(char) in "WF"


def without_invisible(text: str) -> tuple[str, int]:
    """The text without the characters `invisible_characters` reports, and how many there were:
    for copy brought in by `publish import`, which carries them from a paste or a conversion.
    A line or paragraph separator becomes the line end it stands for."""
    text, breaks = _YAML_BREAKS.subn("\n", text)
    text, removed = _INVISIBLE.subn("", text)
    return text, removed + breaks


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def invisible_characters(lines: list[str], front_end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) of every character an editor cannot see and no edition can carry,
    the line separators U+2028 and U+2029 among them (`front_end`, the index of the closing
    '---', is kept for the callers that name the front matter's lines)."""
    for index, line in enumerate(lines):
        hits = sorted(list(_INVISIBLE.finditer(line)) + list(_YAML_BREAKS.finditer(line)), key=lambda m: m.start())
        for k, match in enumerate(hits):
            char = match[0]
            if k and hits[k - 1][0] == char and hits[k - 1].end() == match.start():
                continue  # (the twelfth sweep: a run of one character, NULs a failed copy left, is one message)
            run = next((n for n, later in enumerate(hits[k + 1:], 1) if later.start() != match.start() + n
                        or later[0] != char), len(hits) - k)
            name = unicodedata.name(char, "control character")
            where = ("in the text" if front_end is None or not 0 < index < front_end
                     else front_matter_place(lines, index, match.start()) + ": delete it")
            if (meant := WINDOWS_1252_MARKS.get(char)) is not None:  # (a curly quote a Latin-1 reading made a control)
                where = (where.removesuffix(": delete it") + f": Windows-1252's '{meant}' read as Latin-1 (a paste from an "
                         f"old Windows program); type '{meant}' in its place")
            if char == "\ufeff" and match.start() == 0 and index > 0 and where == "in the text":  # (a file's first character, mid-file)
                where += (": a byte-order mark opening a line is where a second file was joined to this one (two "
                          "files concatenated, or a file pasted in whole); delete it, and whatever of the other file "
                          "does not belong here")
            times = f" ({run} of them in a row)" if run > 1 else ""
            yield index + 1, match.start() + 1, f"invisible character U+{ord(char):04X} ({name}){times} {where}"


# (the eleventh sweep) The punctuation Windows-1252 keeps in bytes 0x80–0x9F: read as Latin-1 they are
# C1 controls (E219's "invisible character U+0093" for a curly quote), and left as bytes in a UTF-8
# file they are no UTF-8 (E100). Either way the editor is told the mark meant.
WINDOWS_1252_MARKS = {chr(b): bytes([b]).decode("cp1252") for b in (0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97)}


# A front-matter line's key, as an editor types it: '  - id: x', '    name: 苏雯', 'editor: 周一'.
_FRONT_KEY = re.compile(r"^(?P<indent>[ \t]*)(?:-[ \t]+)?(?P<key>[^\s:#'\"-][^:#]*?)[ \t]*:(?:[ \t]|$)")
_FRONT_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")


def front_matter_place(lines: list[str], index: int, col: int) -> str:
    """Where in the front matter column `col` of line `index` stands, in the editor's words: "in
    the front matter's 'editor' value (line 8)", "in the field name 'editor'", "in an item of
    'authors'", "in the 'name' of the speaker on line 17": a message that said "in the text" sent
    the editor looking through the article for a character that sat in a field."""
    line = lines[index]
    own = _FRONT_KEY.match(line)
    if own and col < own.end("key"):
        return f"in the front matter, in the field name '{INVISIBLE.sub('', own['key'])}' (line {index + 1})"
    if _COMMENT_AFTER.search(line[own.end() - 1 if own else 0:col]):
        return f"in the front matter, in a comment (line {index + 1})"
    keys: list[str] = []  # the key of this line's value, then each enclosing one
    depth = len(line) - len(line.lstrip(" \t")) + (1 if own is None else 0)
    if own:
        keys.append(own["key"])
        depth = len(own["indent"])
    item = own is None and _FRONT_ITEM.match(line) is not None
    for above in range(index - 1, 0, -1):
        key = _FRONT_KEY.match(lines[above])
        if key and len(key["indent"]) < depth:
            keys.append(key["key"])
            depth = len(key["indent"])
            if depth == 0:
                break
    keys = [INVISIBLE.sub("", key) for key in keys]
    if not keys:
        return f"in the front matter (line {index + 1})"
    field = f"an item of '{keys[0]}'" if item else f"the value of '{keys[0]}'"
    under = f" under '{keys[-1]}'" if len(keys) > 1 else ""
    return f"in the front matter, in {field}{under} (line {index + 1})"


_COMMENT_AFTER = re.compile(r"(?:^|[ \t])#")


def lost_characters(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) of every U+FFFD: a character a conversion could not read, printed
    '\ufffd' by every edition and read as nothing by the audio."""
    for index, line in enumerate(lines):
        for match in _LOST.finditer(line):
            yield index + 1, match.start() + 1, ("the replacement character '\ufffd' (U+FFFD) stands where a conversion "
                                                 "lost a character")


def written_out(text: str) -> str:
    """An id as a message shows it, an invisible character in it written out: 'a<U+200B>' (a
    zero-width space pasted after an id read "unknown speaker id 'a' (did you mean 'a'?)")."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)


# Mojibake: UTF-8 text that a program read as Windows-1252 (or Latin-1) and saved again, so each
# byte became a Latin character: '你好' → 'ä½ å¥½', '“' → 'â€œ'. Every edition printed the
# garble; the characters are visible, so no other check saw them (or, where a byte fell on a C1
# control, E219 called them "invisible"). Each such character maps back to its byte; a run of
# them whose bytes read as UTF-8 is the text that was meant.
_BYTE_OF = {bytes([b]).decode("cp1252", "ignore") or chr(b): b for b in range(0x80, 0x100)}
_BYTE_OF.update({chr(b): b for b in range(0x80, 0xA0)})  # (read as Latin-1, or a byte cp1252 has no letter for: C1)
_WESTERN_RUN = re.compile("[" + re.escape("".join(_BYTE_OF)) + "]{2,}")
# Well-formed UTF-8 only (RFC 3629's table): no overlong form, no surrogate, nothing past U+10FFFF,
# which a looser shape let through to a decode that raised (hypothesis found 'ô\x90€€' = F4 90 80 80).
_UTF8_SEQUENCES = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                             rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                             rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})+")


def garbled_text(lines: list[str]) -> Iterator[tuple[int, int, int, str, str]]:
    """(line, column, length, as written, as meant) of every run of mojibake."""
    for index, line in enumerate(lines):
        for run in _WESTERN_RUN.finditer(line):
            data = bytes(_BYTE_OF[char] for char in run[0])
            found = _UTF8_SEQUENCES.search(data)
            if found is None:
                continue
            written = run[0][found.start():found.end()]
            yield index + 1, run.start() + found.start() + 1, len(written), written, found[0].decode("utf-8")
