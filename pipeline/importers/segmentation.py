"""jieba's evidence for where a speaker label's name starts (`names.py` asks it only where the
surname and role tables leave the split open): its part-of-speech HMM, which tags unseen names
`nr`, and its dictionary's word tags. Apart from `names.py` because it is the one part that loads
a library (a good part of a second), and `names.py` had grown to the size limit.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from pipeline.pinyin_syllables import is_han

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech module: its HMM (which tags unseen names `nr`) and its dictionary's
    word tags. Only these two are used — not jieba's dictionary segmenter, whose 9 MB prefix
    dictionary takes longer to load than the rest of an import; a label is short and its role
    words are known from our own table, so the HMM's word boundaries are enough."""
    with _LOCK:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        return jieba.posseg


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of the label: each run of Han characters segmented and tagged by
    jieba's HMM, a word of its dictionary keeping the dictionary's tag; other runs as one token."""
    posseg = _tagger()
    out: list[tuple[int, int, str, str]] = []
    for match in re.finditer(r"[\u3400-\u9fff\U00020000-\U0003134f]+|[^\u3400-\u9fff\U00020000-\U0003134f]+", text):
        run, at = match[0], match.start()
        if not is_han(run[0]):
            out.append((at, at + len(run), run, "x"))
            continue
        _probability, states = posseg.viterbi(run, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P,
                                              posseg.emit_P)
        word_start = 0
        for i, (position, tag) in enumerate(states):
            if position in ("E", "S") or i == len(run) - 1:
                word = run[word_start : i + 1]
                tag = posseg.dt.word_tag_tab.get(word, tag)
                out.append((at + word_start, at + i + 1, word, tag))
                word_start = i + 1
    return out


def jieba_name_start(tokens, end: int) -> int | None:
    """Where jieba's person name at the end of the text starts: the run of `nr*` tokens (a lone
    trailing character jieba could not place counts as part of the name)."""
    start = None
    for t_start, _t_end, word, tag in reversed(tokens):
        if tag.startswith("nr"):
            start = t_start
        elif start is None and len(word) == 1 and tag in ("zg", "x", "ng") and is_han(word):
            continue
        else:
            break
    return start
