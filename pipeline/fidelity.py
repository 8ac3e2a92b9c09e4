"""Comparing text across editions and against the raw copy, modulo house typography.

`normalise` is the one documented equivalence: Unicode NFKC (full-width ，：？ equal their
half-width forms), curly quotation marks equal straight ones (the house style curls a straight
pair in Chinese text), all white space removed, and one trailing colon dropped (labels and
headings get their colon from each edition's design, not from the text).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_SPACE = re.compile(r"\s+")
_STRAIGHT_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_STRAIGHT_QUOTES)
    return text[:-1] if text.endswith(":") else text


def raw_paragraphs(path: Path) -> list[str]:
    """The paragraphs of raw copy: blocks separated by blank (or white-space-only) lines."""
    blocks = re.split(r"\n[ \t\u3000\xa0]*\n", path.read_text(encoding="utf-8").strip())
    return [block.strip() for block in blocks if block.strip()]


def find_in_order(blocks: list[str], haystack: str) -> list[str]:
    """The blocks not found in `haystack` in order (each after the previous one), normalised."""
    flat = normalise(haystack)
    missing, position = [], 0
    for block in blocks:
        needle = normalise(block)
        found = flat.find(needle, position)
        if found < 0:
            missing.append(block)
        else:
            position = found + len(needle)
    return missing
