"""What every format's reader hands on to the layout pass: the copy as `Block`s of clean text
(`Extracted`, with the title, date and notes the format itself gives), and the copy's links,
marked inside the text.

Kept apart from the readers (`formats.py`: plain text and Word; `webpage.py`: HTML) because the
layout pass, the labels and the writer read these, and every reader writes them the same way:
spaces made plain (`_clean`), link marks placed and numbered (`_Links`) and taken out where a
link cannot stand (`strip_links`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_SPACES = re.compile(r"[ \t\r\f\v\xa0\u2000-\u200a\u202f\u205f]+")
# A zero-width space is a space only where the copy needs one, between two Latin words; between
# Chinese characters (where WeChat and Word put it to allow a line break) it is nothing (before:
# every one became a space, '中\u200b文' → '中 文').
_ZERO_WIDTH_SPACE = re.compile("\u200b+")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
# A link of the copy travels through the layout pass as its text between two marks, the first
# followed by the link's number in `Extracted.links` (characters of Unicode's private-use planes,
# which no copy uses and the layout rules do not look at); the writer turns it into '[text](url)'.
LINK_OPEN, LINK_CLOSE, LINK_BASE = "\U000ffff0", "\U000ffff1", 0xF0000
LINK_SCHEMES = ("http", "https", "mailto")


# The `item` of a bulleted list's item (<ul>, Word's bullets): written `- …` (before: Word's and a
# page's bullets were lost, each item a paragraph of its own)
BULLET = 0


@dataclass
class Block:
    """One paragraph-like piece of copy, as the format delivered it."""

    text: str
    heading: bool = False  # the copy marks it as a heading (<h2>, Word's "Heading 2")
    item: int | None = None  # its number in an ordered list the copy marks up (<ol>, Word numbering); BULLET
    strong: bool = False  # all of it is bold (a label or question set in bold, often without colon)
    line: int | None = None  # its line in a plain-text copy (1-based), for messages to the editor


@dataclass
class Extracted:
    blocks: list[Block]
    kind: str  # "plain text", "web page", "Word document"
    title: str | None = None
    title_from: str | None = None  # where the title was found, for the '# check:' comment
    date: dt.date | None = None
    date_from: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader had to decide, for the summary
    links: list[str] = field(default_factory=list)  # the copy's link addresses, numbered by their marks


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _zero_width(text).replace("\u3000", " ")).strip()


def _zero_width(text: str) -> str:
    def space(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        return " " if _LATIN_WORD.match(before) and _LATIN_WORD.match(after) else ""

    return _ZERO_WIDTH_SPACE.sub(space, text)


def link_address(href: str | None) -> str | None:
    """The address a link of the copy may keep: a whole web or mail address, else None (its text
    stays, unlinked: a page of the site, '#top', 'javascript:' lead nowhere from a book)."""
    from urllib.parse import urlsplit

    href = (href or "").strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in LINK_SCHEMES and (scheme == "mailto" and parts.path or parts.netloc):
        return href
    return None


class _Links:
    """The copy's links, numbered as their marks are written."""

    def __init__(self, found: list[str]) -> None:
        self.found = found

    def open(self, href: str | None) -> str | None:
        address = link_address(href)
        if address is None:
            return None
        self.found.append(address)
        return LINK_OPEN + chr(LINK_BASE + len(self.found) - 1)


def strip_links(text: str) -> str:
    """The text without its link marks (where a link cannot be: a title, a heading, a name)."""
    return re.sub(f"{LINK_OPEN}.|{LINK_CLOSE}", "", text)
