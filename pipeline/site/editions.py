"""The editions the site links to, built through the one existing build API.

This is the single place where `publish site` asks for editions: everything else in
`pipeline.site` reads the returned documents and files. When the build driver changes (a
catalogue driver, a pool, a cluster), only `build_titles` needs to follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import renderers
from pipeline.build import STYLES_DIR, Outcome, build_editions, prepare
from pipeline.cache import Cache
from pipeline.errors import PublishError
from pipeline.model import Document
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext

# The options `publish all` builds with, so the site links to the very files `all` makes (and
# shares its up-to-date stamps).
ALL_OPTIONS: dict[str, Any] = {"paper": "a5", "marks": False, "level": 4, "tone_colors": False,
                               "tone_sandhi": False, "engine": "auto"}


@dataclass(frozen=True)
class BuiltTitle:
    """One title of the catalogue: its document (after the shared passes) and its files."""

    source: Path
    doc: Document
    outputs: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)  # edition → files


def build_titles(sources: list[Path], out_dir: Path, cache: Cache, *, options: Mapping[str, Any] | None = None,
                 force: bool = False, on_done: Callable[[Outcome], None] = lambda outcome: None,
                 log: Callable[[str], None] = print) -> list[BuiltTitle]:
    """Build (or find up to date) every edition of every title, in order."""
    documents = [(path, read_source(path)) for path in sources]
    seen: dict[str, Path] = {}
    for path, doc in documents:
        if doc.meta.slug in seen:
            raise PublishError(f"{path} and {seen[doc.meta.slug]} have the same slug '{doc.meta.slug}': "
                               f"their editions would overwrite each other; give one a new 'slug:'")
        seen[doc.meta.slug] = path
    editions = renderers.available()
    titles = []
    for path, doc in documents:
        ctx = BuildContext(out_dir=out_dir, cache=cache, styles_dir=STYLES_DIR,
                           options={**ALL_OPTIONS, **(options or {})}, log=log)
        outcomes = build_editions(doc, editions, ctx, force=force, on_done=on_done)
        titles.append(BuiltTitle(source=path, doc=prepare(doc),
                                 outputs={o.edition: tuple(o.outputs) for o in outcomes}))
    return titles
