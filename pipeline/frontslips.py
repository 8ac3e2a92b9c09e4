"""Front-matter values YAML cut short without a word (E237), found on the lines as written.

The ninth robustness sweep found printed values that hold a '#' as copy writes it: a hashtag
(`subtitle: #MeToo 之后`, Weibo's `#话题#`), or a tag after the text (`credit: 本文为测试稿
#城东周报`). YAML reads ' #' and all after it as a comment: the subtitle, the role or the editor
was dropped (a title was "not nothing", with no word of why), the credit cut short, and every
edition printed what was left. A comment after an id or a voice (`id: laozhou  # pseudonym`) is
an editor's note and stays one; so does `# …` with a space after a printed value (`title: 灯下
夜读  # 暂定`), a comment's usual form. Quoted values keep their '#' and are left alone.
"""

from __future__ import annotations

import re

from pipeline.diagnostics import Diagnostic
from pipeline.texthygiene import PRINTED_FIELDS, PRINTED_SPEAKER_FIELDS

_PRINTED = frozenset(PRINTED_FIELDS + PRINTED_SPEAKER_FIELDS)
# 'key: value' on one line, the key perhaps opening a list item ('  - name: 老周'); a plain value
# (no quote or flow bracket first, which YAML reads to its closing mark).
_FIELD = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_]+)\s*:(?P<gap>[ \t]+)(?P<value>[^'\"\[{|>].*)$")
# A plain item of a printed list ('  - 林小满 #作者'): the same cut.
_ITEM = re.compile(r"^(?P<lead>\s*-(?P<gap>[ \t]+))(?P<value>[^'\"\[{|>].*)$")
_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_]+)\s*:(?P<rest>.*)$")
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#")


def values_lost_to_comments(lines: list[str], first_line: int, path: str) -> list[Diagnostic]:
    """E237 for each printed field whose value (or part of it) YAML read as a comment that opens
    like a hashtag, '#' glued to a word ('#MeToo', '#话题#'; '# a note' is a comment meant, and a
    field left empty with one, 'subtitle:  # 待定', stays empty). `lines`: the front matter's
    lines, the first of them file line `first_line`."""
    found, printed_list, block = [], False, None  # (block: the indentation of a '|' or '>' value's key)
    for k, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if block is not None and (not line.strip() or indent > block):
            continue  # (a block scalar's lines are text, '#' and all)
        block = None
        if (key := _KEY.match(line)) is not None:
            printed_list = key["key"] == "authors"
            if key["rest"].strip()[:1] in ("|", ">"):
                block = indent
        field = _FIELD.match(line)
        item = None if field else _ITEM.match(line) if printed_list else None
        if (field is None or field["key"] not in _PRINTED) and item is None:
            continue
        written = (field or item)["value"]
        comment = _COMMENT.search(written)
        if comment is None or written[comment.end():comment.end() + 1] in ("", " ", "\t", "#"):
            continue  # ('# a note', with its space, is a comment meant; '##' a rule drawn in one)
        key = field["key"] if field else "authors"
        lost = written[comment.start():].rstrip()
        kept = written[:comment.start()].rstrip()
        col = len(line) - len(written) + comment.start() + 1
        what = (f"the value of '{key}' opens with '#', so YAML read all of it, '{lost[:30]}', as a comment: every "
                f"edition leaves it out" if not kept else
                f"YAML read '{lost[:30]}' after the value of '{key}' as a comment: every edition prints '{kept[:30]}' alone")
        quoted = f"{key}: \"{written.rstrip()}\"" if field else f"- \"{written.rstrip()}\""
        found.append(Diagnostic("E237", path, first_line + k, col, f"{what}; put the whole value in quotes, {quoted}"))
    return found


# (the tenth sweep) A list item opened by Word's en dash ('–', autocorrected from '- ') or an IME's
# '－' under a field with no value: valid YAML, the field's text ('authors' was one author named
# '– 林小满', without a word). (A dash item YAML cannot read is E102 from the parser's error.)
_DASH_ITEM = re.compile(r"^\s*(?:[－﹣–―‐‑•·・]|—(?!—))\s*\S")  # (a Chinese dash '——' opens text, not an item)
_EMPTY_FIELD = re.compile(r"^\s*(?:- )?[^\s:#][^:#]*:\s*(?:#.*)?$")


def dash_items_read_as_text(lines: list[str], first_line: int, path: str) -> list[Diagnostic]:
    """E102 at the first item under a field opened by a dash or bullet YAML does not read as one."""
    for k in range(1, len(lines)):
        if _DASH_ITEM.match(lines[k]) and (_EMPTY_FIELD.match(lines[k - 1]) or _DASH_ITEM.match(lines[k - 1])):
            mark = lines[k].strip()[0]
            return [Diagnostic("E102", path, k + first_line, lines[k].index(mark) + 1, (
                f"'{lines[k].strip()[:30]}' opens a list item with '{mark}' (U+{ord(mark):04X}, a word processor's "
                "or an input method's), so YAML read the item as the field's text; YAML's list items start with a "
                "half-width hyphen and a space, '- '"))]
    return []
