"""The titles the site is made of: what the build driver reports for each title, with the title's
document after the shared passes.

This is the one place where `pipeline.site` meets the build: the editions themselves are built
by `pipeline.api.build_titles` (in parallel, one title's failure never stopping the others, with
`BuildSettings`' defaults, so the site links to the very files `publish all` writes); here the
driver's results become `BuiltTitle`s. The document is read with the driver's own reader
(`read_title`) and given the passes every edition starts from (`prepare`), so the site shows
exactly what the editions show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.build import prepare
from pipeline.driver.sources import TitleSource
from pipeline.driver.title import TitleResult, read_title
from pipeline.model import Document


@dataclass(frozen=True)
class BuiltTitle:
    """One title of the catalogue: its document (after the shared passes) and its files."""

    source: Path
    doc: Document
    outputs: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)  # edition → files


def built_titles(titles: Sequence[TitleSource], results: Sequence[TitleResult]) -> list[BuiltTitle]:
    """The titles whose every edition is built or up to date, in the order of `results`.

    A title that failed (a source error, an edition's error) is left out: the caller decides
    what the site does about it. `results` hold local paths (the site is written to a local
    folder)."""
    by_name = {title.name: title for title in titles}
    built = []
    for result in results:
        source = by_name.get(result.name)
        if source is None or not result.ok:
            continue
        doc, _problems = read_title(source)
        if doc is None:  # it built a moment ago from these very bytes: cannot happen
            continue
        outputs = {edition.edition: tuple(Path(path) for path in edition.outputs) for edition in result.editions}
        built.append(BuiltTitle(source=Path(source.name), doc=prepare(doc), outputs=outputs))
    return built
