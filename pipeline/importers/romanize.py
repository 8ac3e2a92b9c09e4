"""Toneless pinyin for ids and slugs (`刘行喆` → `liuxingzhe`).

Read straight from pypinyin's character table (`pinyin_dict.json`, each character's readings,
the usual one first) rather than through `import pypinyin`, which loads its phrase dictionary
(a second or more) that an id does not need: an id only has to be stable and readable.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "pinyin_dict.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {int(code): readings.split(",")[0] for code, readings in table.items()}


def syllables(text: str) -> list[str]:
    """Each Han character as a toneless syllable; runs of other letters and digits as they are."""
    out: list[str] = []
    run = ""
    for char in text:
        reading = _readings().get(ord(char))
        if reading:
            if run:
                out.append(run)
                run = ""
            out.append(_toneless(reading))
        elif char.isascii() and char.isalnum():
            run += char
        elif run:
            out.append(run)
            run = ""
    if run:
        out.append(run)
    return out


def _toneless(reading: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", reading) if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", plain.lower())
