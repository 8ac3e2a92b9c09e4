"""A title's slug from its file's name, for a source whose front matter names none.

The slug names every output file and the web edition's addresses, so it must be what the front
matter's `slug:` must be (`[a-z0-9-]`, at most 80): a file named `灯下 夜读.md` builds
`deng-xia-ye-du.epub`, not `灯下 夜读.epub` (the name went into file names, feed and OPDS
addresses as it was). `publish import` names its sources the same way.
"""

from __future__ import annotations

import re

from pipeline.frontmatter import ID_PATTERN, MAX_ID_LENGTH


def slug_from_name(stem: str) -> str:
    """`stem` unchanged when it is a slug already; else pinyin for Chinese, lower case, hyphens."""
    if re.fullmatch(ID_PATTERN, stem) and len(stem) <= MAX_ID_LENGTH:  # (`$` alone let `x\n` through)
        return stem
    from pipeline.importers.romanize import syllables

    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(syllables(stem)).lower()).strip("-")
    if len(slug) > MAX_ID_LENGTH:  # a long Chinese file name: its first syllables, whole
        slug = slug[: MAX_ID_LENGTH + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_ID_LENGTH + 1] else slug[:MAX_ID_LENGTH]
    return slug or "title"
