"""Git's merge-conflict markers left in a source (the tenth robustness sweep): two editors changed
the same lines, `git merge` (or a sync tool built on it) wrote both versions between
'<<<<<<< HEAD', '=======' and '>>>>>>> branch', and the file was saved and built as it was.

In the body Markdown read the markers as a heading's underline ('=======', E232) and a quote seven
deep ('>>>>>>>', E212), and a '<<<<<<<' alone as text: every edition printed both versions; in the
front matter YAML said "could not find expected ':'". One error (E238) a conflict, at its first
marker, naming the lines of both versions, is what the editor can act on; the reader reads nothing
else of such a file (every other message would follow from the markers).
"""

from __future__ import annotations

import re

# (marker line pattern, its part of a conflict): git writes exactly seven characters, then, for the
# first and last, a space and the name of a side ('HEAD', 'theirs', a branch or a commit).
_OPEN = re.compile(r"^<{7}(?:[ \t].*)?$")
_BASE = re.compile(r"^\|{7}(?:[ \t].*)?$")  # (diff3 style: the common ancestor's version follows)
_MIDDLE = re.compile(r"^={7}[ \t]*$")
_CLOSE = re.compile(r"^>{7}(?:[ \t].*)?$")
_MARKERS = ("<" * 7, "|" * 7, "=" * 7, ">" * 7)


def conflict_markers(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, column, message) of each merge conflict in `lines` (numbered from 1): at its
    '<<<<<<<', or at a '>>>>>>>' or '|||||||' whose opening marker is gone. A '=======' outside a
    conflict is no marker (it is Markdown's heading underline, E232's)."""
    found: list[tuple[int, int, str]] = []
    opened: int | None = None
    middle: int | None = None
    for number, line in enumerate(lines, 1):
        if not line.startswith(_MARKERS):
            continue
        if _OPEN.match(line):
            if opened is not None:  # (one left unclosed above)
                found.append(_unclosed(opened, lines))
            opened, middle = number, None
        elif opened is not None and _MIDDLE.match(line):
            middle = number
        elif _CLOSE.match(line):
            if opened is None:
                found.append((number, 1, f"a git merge-conflict marker '{line.strip()[:40]}' is left in the file, its "
                                         "'<<<<<<<' and '=======' lines gone: delete it and check the lines above it "
                                         "hold one version of the text"))
            else:
                sides = (f"{_lines(opened + 1, middle - 1)} and {_lines(middle + 1, number - 1)}" if middle
                         else _lines(opened + 1, number - 1))
                found.append((opened, 1, f"a git merge conflict is left in the file, lines {opened}–{number} "
                                         f"('{lines[opened - 1].strip()[:30]}' … '{line.strip()[:30]}'): {sides} are two "
                                         "versions of the same text, which a merge could not join; keep the version "
                                         "meant and delete the other and the marker lines"))
            opened = middle = None
        elif opened is None and _BASE.match(line):
            found.append((number, 1, f"a git merge-conflict marker '{line.strip()[:40]}' is left in the file: delete "
                                     "it, and keep one version of the text around it"))
    if opened is not None:
        found.append(_unclosed(opened, lines))
    return found


def _unclosed(opened: int, lines: list[str]) -> tuple[int, int, str]:
    return (opened, 1, f"a git merge-conflict marker '{lines[opened - 1].strip()[:40]}' is left in the file, with no "
                       "'>>>>>>>' line after it: delete it, and of the two versions of the text below it (before and "
                       "after a '=======' line) keep the one meant")


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first >= last else f"lines {first}–{last}"
