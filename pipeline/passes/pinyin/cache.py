"""The build cache's front: tokens stored by content, the annotator (and jieba) built only on a miss."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from pipeline.cache import Cache, key
from pipeline.passes.pinyin.annotator import PinyinAnnotator
from pipeline.passes.pinyin.tables import DATA_DIR, Token, check_style


@lru_cache(maxsize=None)
def data_digest() -> str:
    """What the readings depend on besides the arguments: this code, its tables, pypinyin and jieba."""
    from importlib.metadata import version

    from pipeline import pinyin_syllables

    package = sorted(Path(__file__).parent.glob("*.py"))
    files = [*package, Path(pinyin_syllables.__file__), *sorted(DATA_DIR.glob("pinyin_*.txt"))]
    return key("pinyin-data", *(path.read_bytes() for path in files), version("pypinyin"), version("jieba"))


class CachedAnnotator:
    """`PinyinAnnotator.annotate`, answered from a `pipeline.cache.Cache` when the same text was
    annotated before with the same names, overrides, sandhi and style (and the same code and data).
    The real annotator, and with it jieba, is only made on the first miss."""

    NAMESPACE = "pinyin"

    def __init__(
        self,
        cache: Cache,
        *,
        names: Iterable[str] = (),
        overrides: Mapping[str, str] = {},
        tone_sandhi: bool = False,
        style: str = "marks",
    ):
        check_style(style)
        self.cache = cache
        self._args = dict(names=list(names), overrides=dict(overrides), tone_sandhi=tone_sandhi, style=style)
        self._settings = key("pinyin-annotator", data_digest(), sorted(self._args["names"]),
                             sorted(self._args["overrides"].items()), bool(tone_sandhi), style)
        self._annotator: PinyinAnnotator | None = None

    @property
    def annotator(self) -> PinyinAnnotator:
        if self._annotator is None:
            self._annotator = PinyinAnnotator(**self._args)
        return self._annotator

    def annotate(self, text: str) -> tuple[Token, ...]:
        digest = key(self._settings, text)
        stored = self.cache.get(self.NAMESPACE, digest)
        if stored is not None:
            return tuple(Token(t, None if p is None else tuple(p), s) for t, p, s in json.loads(stored))
        tokens = self.annotator.annotate(text)
        data = [[t.text, t.pinyin, t.source] for t in tokens]
        self.cache.put(self.NAMESPACE, digest, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        return tokens
