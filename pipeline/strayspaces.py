"""White space every edition prints where the editor did not mean it (W415), apart from
`pipeline.check` (the eleventh sweep grew it past what one module of rules holds): a space or tab
between two characters or beside a full-width mark, a tab inside a line, an indent typed as
character references.
"""

from __future__ import annotations

import re
from typing import Protocol

from pipeline.diagnostics import Diagnostic


class SourceLines(Protocol):
    """What W415 reads of `check`'s view of a file: its lines, and its prose as (line number,
    column offset, text)."""

    lines: list[str]
    prose: tuple[tuple[int, int, str], ...]


# White space every edition prints where the editor did not mean it: a space, a no-break space or a
# tab between two Han characters ('白 天 家 里', copy pasted from a PDF or a laid-out page; a
# full-width space U+3000 is typed on purpose), and a tab inside a line (a table pasted from a
# spreadsheet: its columns run together into one sentence, a space apart).
_HAN = "\u3400-\u9fff\uf900-\ufaff"
# The same spaces typed as character references ('白天&nbsp;家里', from a CMS or a web page's
# source): markdown-it turns them into the space itself, which every edition prints the same.
_SPACE_REFERENCE = (r"&(?:nbsp|ensp|emsp|thinsp|hairsp|numsp|puncsp|emsp13|emsp14|NonBreakingSpace|ThinSpace);"
                    r"|&#0*(?:32|160|819[4-9]|820[0-2]);|&#[xX]0*(?:20|[aA]0|200[2-9aA]);")
# (the eleventh sweep) A full-width mark carries its own space (，。：？ are a whole em wide), so a
# space beside one, typed or a no-break space or '&nbsp;' from a web page, prints a gap the width of
# two: as stray as one between two characters, and it was let be ('孙子闹，&nbsp;晚上').
_FULL_WIDTH_MARKS = "\u3001\u3002\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_STRAY_SPACE = re.compile(f"(?<=[{_HAN}{_FULL_WIDTH_MARKS}])(?:[ \t\u00a0]|{_SPACE_REFERENCE})+(?=[{_HAN}{_FULL_WIDTH_MARKS}])"
                          "|(?<=\\S)[ \u00a0]*\t[ \t\u00a0]*(?=\\S)"
                          # (the eleventh sweep) an indent typed as references, Word's or WPS's ('&emsp;&emsp;'
                          # opening a paragraph): markdown-it strips a typed indent, not these, so every
                          # edition printed it before its own
                          f"|^(?:{_SPACE_REFERENCE}|&#0*12288;|&#[xX]0*3000;|[ \u00a0\u3000])*(?:{_SPACE_REFERENCE}|&#0*12288;|&#[xX]0*3000;)")



def stray_spaces(source: SourceLines, path: str) -> list[Diagnostic]:
    """W415, once a line, at the first such space (`source`: `check`'s view of the file's lines)."""
    found = []
    for number, offset, text in source.prose:
        written = source.lines[number - 1]  # (a link's address is blanked in `text`: only spaces typed count)
        typed = (m for m in _STRAY_SPACE.finditer(text) if written[offset + m.start(): offset + m.end()] == m[0]
                 and (m.start() or not offset))  # (an indent opens a body line; a field's value is E231's)
        if (match := next(typed, None)) is not None:
            what = _what_space(match, text)
            found.append(Diagnostic("W415", path, number, offset + match.start() + 1, what))
    return found


def _what_space(match: re.Match[str], text: str) -> str:
    """W415's words for one stray space: a tab, an indent typed as references, or a space beside a
    full-width mark or between two characters."""
    if "\t" in match[0]:
        return "a tab inside the text (a table pasted from a spreadsheet?): every edition prints it as a space"
    if match.start() == 0:
        return (f"the paragraph opens with '{match[0]}', an indent typed as character references (Word's, WPS's): "
                "every edition indents a paragraph itself and printed this one twice; delete it")
    before, after = text[match.start() - 1], text[match.end()] if match.end() < len(text) else ""
    mark = before if re.match(f"[{_FULL_WIDTH_MARKS}]", before) else after
    where = ("between two Chinese characters" if re.match(f"[{_HAN}]", before) and re.match(f"[{_HAN}]", after)
             else f"beside the full-width '{mark}', which carries its own space")
    typed = f" (typed as '{match[0]}')" if "&" in match[0] else " (a no-break space)" if "\u00a0" in match[0] else ""
    return f"a space {where}{typed}: every edition prints it"

