"""jieba, kept private to the pass: the tokenizer, its dictionary's part-of-speech tags, and its
statistical model's unknown words (where names are found).

The tags come from jieba's own dictionary file. Loading all 350,000 of them into a dict would cost
half a second per process, so, like jieba does for its dictionary, they are kept in the temp dir
(an SQLite file per jieba version, written atomically) and looked up only for the few words the
rules ask about. ``jieba.posseg`` is not imported at all: its HMM tables cost another import.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

from pipeline.fsutil import atomic_path

_LOCK = threading.Lock()
_TOKENIZER = None


def tokenizer():
    """A private jieba tokenizer (so other passes' jieba state is untouched). Its word
    frequencies are read from an SQLite file in the temp dir as the text asks for them
    (`_FreqStore`), so only the first run on a machine pays for building it and no run pays for
    loading all of them."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                store = _freq_store()
                if store is None:
                    tk.initialize()
                else:
                    tk.FREQ, tk.total, tk.initialized = store, store.total, True
                _TOKENIZER = tk
    return _TOKENIZER


class _FreqStore:
    """jieba's dictionary as its tokenizer holds it (every word's frequency, and every prefix of
    a word at 0: `Tokenizer.gen_pfdict`), in SQLite, looked up word by word. jieba reads all
    580,000 entries from its own cache (marshal) in about a second of CPU; a paragraph asks for
    a few hundred."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.total = int(self._db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0])
        self._memo: dict[str, int | None] = {}

    def get(self, word: str, default: int | None = None) -> int | None:
        if word not in self._memo:
            row = self._db.execute("SELECT freq FROM freq WHERE word = ?", (word,)).fetchone()
            self._memo[word] = row[0] if row else None
        found = self._memo[word]
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def _build_freq(target: Path) -> None:
    import jieba

    with open(_dict_file(), "rb") as source:
        freq, total = jieba.Tokenizer.gen_pfdict(source)
    with atomic_path(target) as tmp, contextlib.closing(sqlite3.connect(tmp)) as db:
        db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.commit()


def _freq_store() -> _FreqStore | None:
    """The frequency store of the installed jieba's dictionary, built on first use (None if no
    temp dir is writable: then jieba loads its dictionary itself)."""
    from importlib.metadata import version

    source = _dict_file()
    stat = source.stat()
    path = Path(tempfile.gettempdir()) / f"pipeline-jieba-freq-{version('jieba')}-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
    try:
        if not path.exists():
            _build_freq(path)
        return _FreqStore(path)
    except (OSError, sqlite3.Error):
        return None


def _dict_file() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


class _TagStore:
    """jieba's dictionary tags in an SQLite file in the temp dir: built once per jieba version (about
    a second), then each lookup is a few microseconds and opening it costs nothing."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._memo: dict[str, str] = {}

    def get(self, word: str, default: str = "") -> str:
        tag = self._memo.get(word)
        if tag is None:
            row = self._db.execute("SELECT tag FROM tags WHERE word = ?", (word,)).fetchone()
            tag = self._memo[word] = row[0] if row else ""
        return tag or default


def _build(source: Path, target: Path) -> None:
    with atomic_path(target) as tmp, contextlib.closing(sqlite3.connect(tmp)) as db:
        db.execute("CREATE TABLE tags (word TEXT PRIMARY KEY, tag TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO tags VALUES (?, ?)", _read_tags(source).items())
        db.commit()


@lru_cache(maxsize=None)
def word_tags() -> _TagStore:
    """jieba's part-of-speech tag of every word of its dictionary (kept in the temp dir)."""
    from importlib.metadata import version

    source = _dict_file()
    stat = source.stat()
    path = Path(tempfile.gettempdir()) / f"pipeline-jieba-tags-{version('jieba')}-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
    try:
        with _LOCK:
            if not path.exists():
                _build(source, path)
        return _TagStore(path)
    except (OSError, sqlite3.Error):  # no writable temp dir: read the tags into memory instead
        return _MemoryTags(_read_tags(source))


class _MemoryTags(dict):
    def get(self, word: str, default: str = "") -> str:  # type: ignore[override]
        return super().get(word, "") or default


def _read_tags(source: Path) -> dict[str, str]:
    rows = {}
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                rows[parts[0]] = parts[2]
    return rows


def word_tag(word: str) -> str:
    """jieba's dictionary tag for a word ('' if it has none)."""
    return word_tags().get(word)


def tagged(run: str) -> list[tuple[str, str]]:
    """(word, tag) for a run of Han text in jieba's dictionary mode: the tokenizer's words (no HMM),
    each with its dictionary tag ('x' when it has none), as ``jieba.posseg`` would give them."""
    tags = word_tags()
    return [(w, tags.get(w, "x")) for w in tokenizer().cut(run, HMM=False)]


def hmm_words(run: str) -> list[str]:
    """jieba's words with its statistical model (HMM) on, which joins characters the dictionary
    leaves single into unknown words, such as names (单晓峰)."""
    return list(tokenizer().cut(run, HMM=True))


def known(word: str) -> bool:
    """A word of jieba's dictionary."""
    return tokenizer().FREQ.get(word, 0) > 0


@lru_cache(maxsize=1)
def _posseg_model():
    """jieba.posseg's statistical model (HMM over characters with part-of-speech states), loaded
    from its files on first use. Importing ``jieba.posseg`` itself would also read every tag of
    jieba's dictionary file (a third of a second); the tables alone cost about 0.05 s, and only a
    text with an undecided surname asks for them."""
    import importlib.util

    import jieba

    folder = Path(jieba.__file__).resolve().parent / "posseg"
    modules = {}
    for name in ("char_state_tab", "prob_start", "prob_trans", "prob_emit", "viterbi"):
        spec = importlib.util.spec_from_file_location(f"_pipeline_posseg_{name}", folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[name] = module
    return (modules["viterbi"].viterbi, modules["char_state_tab"].P, modules["prob_start"].P,
            modules["prob_trans"].P, modules["prob_emit"].P)


def posseg_words(run: str) -> list[tuple[int, str, str]]:
    """(offset, word, tag) for a run of Han text as ``jieba.posseg.cut(run, HMM=True)`` gives them:
    the dictionary's words with their tags, and every stretch of single characters the dictionary
    leaves (and does not list as a word) tagged by posseg's HMM, which tags person names ``nr``."""
    tk, tags = tokenizer(), word_tags()
    dag = tk.get_DAG(run)
    route: dict = {}
    tk.calc(run, dag, route)
    out: list[tuple[int, str, str]] = []
    x, n, buf_start = 0, len(run), 0
    buf = ""

    def flush() -> None:
        if len(buf) == 1 or (buf and known(buf)):
            out.extend((buf_start + i, c, tags.get(c, "x")) for i, c in enumerate(buf))
        elif buf:
            viterbi, states, start, trans, emit = _posseg_model()
            _prob, pos_list = viterbi(buf, states, start, trans, emit)
            begin = 0
            for i, (pos, tag) in enumerate(pos_list):
                if pos == "B":
                    begin = i
                elif pos == "E":
                    out.append((buf_start + begin, buf[begin:i + 1], tag))
                    begin = i + 1
                elif pos == "S":
                    out.append((buf_start + i, buf[i], tag))
                    begin = i + 1
            if begin < len(buf):
                out.append((buf_start + begin, buf[begin:], pos_list[begin][1]))

    while x < n:
        y = route[x][1] + 1
        if y - x == 1:
            if not buf:
                buf_start = x
            buf += run[x]
        else:
            flush()
            buf = ""
            out.append((x, run[x:y], tags.get(run[x:y], "x")))
        x = y
    flush()
    return out
