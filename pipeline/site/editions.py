"""The titles the site is made of: what the build driver reports for each title, with the title's
document after the shared passes.

This is the one place where `pipeline.site` meets the build: the editions themselves are built
by `pipeline.api.build_titles` (in parallel, one title's failure never stopping the others, with
`BuildSettings`' defaults, so the site links to the very files `publish all` writes); here the
driver's results become `BuiltTitle`s. The document is read with the driver's own reader
(`read_title`) and given the passes every edition starts from (`prepare`), so the site shows
exactly what the editions show.

A title whose only failed editions are ones it can never have (the audio and the script of a
title in a language no voice reads, `language: en`: W409) is on the site with the editions it
has, as a book without an episode: rebuilding would fail the same way, so leaving it out (as a
title whose failure may pass) would keep it off the site and the OPDS catalogue for good.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.audio.voices import spoken_language
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
    missing: Mapping[str, str] = field(default_factory=dict)  # edition it can never have → why not


def _unspoken(doc: Document) -> str | None:
    if spoken_language(doc.meta.language) is None:
        return f"no voice reads its language '{doc.meta.language}'"
    return None


# Editions a title can never have, whatever the build does: edition → why not (None: it can).
IMPOSSIBLE: dict[str, Callable[[Document], str | None]] = {"audio": _unspoken, "script": _unspoken}


def impossible(doc: Document, edition: str) -> str | None:
    """Why `doc` can never have `edition` (its failure is not one a rebuild may mend), or None."""
    rule = IMPOSSIBLE.get(edition)
    return rule(doc) if rule else None


def built_titles(titles: Sequence[TitleSource], results: Sequence[TitleResult]) -> list[BuiltTitle]:
    """The titles whose every edition is built, up to date or one the title can never have
    (`IMPOSSIBLE`), in the order of `results`.

    A title that failed otherwise (a source error, an edition's error) is left out: the caller
    decides what the site does about it. `results` hold local paths (the site is written to a
    local folder)."""
    by_name = {title.name: title for title in titles}
    built = []
    for result in results:
        source = by_name.get(result.name)
        if source is None or result.errors:
            continue
        doc, _problems = read_title(source)
        if doc is None:  # it built a moment ago from these very bytes: cannot happen
            continue
        failed = [edition.edition for edition in result.editions if edition.status == "failed"]
        missing = {edition: why for edition in failed if (why := impossible(doc, edition))}
        if len(missing) != len(failed):
            continue
        outputs = {edition.edition: tuple(Path(path) for path in edition.outputs) for edition in result.editions
                   if edition.status != "failed"}
        built.append(BuiltTitle(source=Path(source.name), doc=prepare(doc), outputs=outputs, missing=missing))
    return built
