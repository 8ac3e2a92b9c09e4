"""A content-addressed cache: a value is stored under the hash of everything that made it.

Keys are built from the inputs (text, settings, code version), never from paths or times,
so an edit invalidates exactly the entries whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pipeline.fsutil import atomic_write

CACHE_VERSION = "1"


def key(*parts: Any) -> str:
    """A stable hex digest of JSON-able parts (str, bytes, numbers, lists, dicts)."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for part in parts:
        if isinstance(part, bytes):
            digest.update(b"b")
            digest.update(hashlib.sha256(part).digest())
        else:
            digest.update(b"j")
            digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


class Cache:
    """Bytes stored under `root/<namespace>/<key[:2]>/<key>`; `None` root disables caching."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, namespace: str, digest: str) -> Path:
        assert self.root is not None
        return self.root / namespace / digest[:2] / digest

    def get(self, namespace: str, digest: str) -> bytes | None:
        if self.root is None:
            return None
        try:
            return self._path(namespace, digest).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, namespace: str, digest: str, data: bytes) -> None:
        if self.root is not None:
            atomic_write(self._path(namespace, digest), data)

    def path_for(self, namespace: str, digest: str) -> Path | None:
        """The stored file's path, if present (for tools that want a file, not bytes)."""
        if self.root is None:
            return None
        path = self._path(namespace, digest)
        return path if path.exists() else None

    def clear(self) -> int:
        """Remove every entry; return how many files were removed."""
        if self.root is None or not self.root.exists():
            return 0
        count = 0
        for dirpath, _dirs, files in os.walk(self.root, topdown=False):
            for name in files:
                Path(dirpath, name).unlink()
                count += 1
            Path(dirpath).rmdir()
        return count
