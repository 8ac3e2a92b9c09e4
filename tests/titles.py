"""Titles for driver tests: copies of the bundled test title under other slugs, lightly varied,
and broken ones written in the project's own format."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import TEST_TITLE

NUMERALS = "零一二三四五六七八九"


def variant(n: int, text: str | None = None, *, vary: bool = True) -> str:
    """The test title as title number `n`: its own slug and id, and (with `vary`) one sentence
    of its own, so it is not byte-for-byte another title."""
    text = text if text is not None else TEST_TITLE.read_text(encoding="utf-8")
    slug = re.search(r"^slug: (\S+)$", text, re.M).group(1)
    text = re.sub(r"^slug: \S+$", f"slug: {slug}-{n}", text, count=1, flags=re.M)
    text = re.sub(r"^(id: urn:uuid:[0-9a-f-]{24})[0-9a-f]{12}$", lambda m: f"{m.group(1)}{n:012x}", text,
                  count=1, flags=re.M)
    if vary:
        body = text.index("\n---\n", 4) + 5
        first = text.index("\n\n", body + 1)
        numeral = "".join(NUMERALS[int(d)] for d in str(n))
        text = text[:first] + f"这是第{numeral}份样稿。" + text[first:]
    return text


def broken(text: str | None = None) -> str:
    """The test title with an answer by a speaker nobody declared (an E201 at file:line:col)."""
    text = text if text is not None else variant(99)
    return text.replace("::: answer chengyifan", "::: answer nobody", 1)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
