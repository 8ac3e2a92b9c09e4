"""Driving renderers: deciding what is out of date (in one place), locking the output
directory, and recording what each build wrote.

An edition is up to date when its inputs hash the same as at its last build — the document
model, the renderer's options, the styles and the pipeline's own code — and its output files
are still the ones that build wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline import renderers
from pipeline.cache import Cache, key
from pipeline.errors import PublishError
from pipeline.model import Document
from pipeline.passes.typography import normalise_document
from pipeline.renderers.base import BuildContext

PACKAGE_DIR = Path(__file__).resolve().parent
# The shipped stylesheets and templates are package data, so an installed wheel has them too.
STYLES_DIR = PACKAGE_DIR / "styles"


@dataclass(frozen=True)
class Outcome:
    edition: str
    outputs: list[Path]
    seconds: float
    rebuilt: bool


def tree_digest(*roots: Path, suffixes: tuple[str, ...] = ()) -> str:
    """A digest of every file under `roots` (names and bytes), for up-to-date keys."""
    digest = hashlib.sha256()
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if suffixes and path.suffix not in suffixes or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _fingerprint(paths: list[Path]) -> list[list]:
    return [[str(p), p.stat().st_size, p.stat().st_mtime_ns] if p.exists() else [str(p), None, None] for p in paths]


def prepare(doc: Document) -> Document:
    """The format-independent passes every edition starts from."""
    return normalise_document(doc)


def build_editions(
    doc: Document,
    editions: list[str],
    ctx: BuildContext,
    *,
    force: bool = False,
    on_done: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Build `editions` in order, skipping those already up to date; one lock per output dir."""
    ctx.out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(ctx.out_dir / ".publish.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise PublishError(
            f"another 'publish' is building into {ctx.out_dir}/ right now; wait for it to finish, "
            f"or use --out to build somewhere else"
        ) from None
    try:
        for stale in ctx.out_dir.glob(".*.part"):  # left by a build that was killed
            stale.unlink(missing_ok=True)
        prepared = prepare(doc)
        code = tree_digest(PACKAGE_DIR, suffixes=(".py", ".txt", ".json", ".toml", ".tsv"))
        styles = tree_digest(ctx.styles_dir)
        model = prepared.model_dump_json()
        outcomes = []
        for name in editions:
            outcome = _build_one(name, prepared, ctx, code, styles, model, force)
            on_done(outcome)
            outcomes.append(outcome)
        return outcomes
    finally:
        lock.release()


def _build_one(name: str, doc: Document, ctx: BuildContext, code: str, styles: str, model: str,
               force: bool) -> Outcome:
    started = time.perf_counter()
    options = {option: ctx.options.get(option) for option in renderers.OPTIONS.get(name, ())}
    stamp_key = key("stamp", name, options, code, styles, model, str(ctx.out_dir.resolve()),
                    os.environ.get("SOURCE_DATE_EPOCH"))
    stamp = ctx.cache.get("stamps", stamp_key)
    if not force and stamp is not None:
        recorded = json.loads(stamp)
        written = [Path(entry[0]) for entry in recorded]
        if recorded == _fingerprint(written):
            return Outcome(name, written, time.perf_counter() - started, rebuilt=False)
    written = renderers.load(name).build(doc, ctx)
    ctx.cache.put("stamps", stamp_key, json.dumps(_fingerprint(written)).encode())
    return Outcome(name, written, time.perf_counter() - started, rebuilt=True)


def default_cache(project_dir: Path) -> Cache:
    return Cache(project_dir / ".cache" / "publish")
