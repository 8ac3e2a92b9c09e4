"""The runs of text a source marks as another language than its title's (`[Fog]{lang=en}`,
`## Why? {lang=en}`), for the outputs that carry the text as plain strings and must mark those
runs again: the web edition's transcript (a `<span lang>`) and the WebVTT captions (a
`<lang en>` cue span). Unmarked, a screen reader or a caption reader read an English phrase in
the title's Chinese voice."""

from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.model import Document


def foreign_runs(doc: Document) -> dict[str, str]:
    """The text the source marks as another language → its language (runs of two characters
    or more: a single letter is found inside too many words)."""
    runs: dict[str, str] = {}
    for section in doc.sections:
        if section.lang and section.title and section.lang != doc.meta.language:
            runs.setdefault(section.title.strip(), section.lang)
    for paragraph in doc.paragraphs():
        for span in paragraph.spans:
            if span.lang and span.lang != doc.meta.language and len(span.text.strip()) >= 2:
                runs.setdefault(span.text.strip(), span.lang)
    return runs


def wrapped(text: str, runs: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """`text` cut into pieces, each with the language of the run it is (None: the title's own
    text). The text may be wrapped into lines (a caption's): a line may end at a space of a run,
    or between two of its characters. Longest runs first; a run of Latin letters only where it
    is a whole word."""
    if not runs:
        return [(text, None)] if text else []

    def one(run: str) -> str:
        body = "\n?".join(r"\s+" if char.isspace() else re.escape(char) for char in re.sub(r"\s+", " ", run))
        # a Latin run is a whole word: "AI" marked English is not the end of "OpenAI"
        before = r"(?<![A-Za-z0-9])" if run[:1].isascii() and run[:1].isalnum() else ""
        after = r"(?![A-Za-z0-9])" if run[-1:].isascii() and run[-1:].isalnum() else ""
        return before + body + after

    ordered = sorted(runs, key=len, reverse=True)
    pattern = re.compile("|".join(f"({one(run)})" for run in ordered))
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for match in pattern.finditer(text):
        if match.start() > at:
            pieces.append((text[at:match.start()], None))
        pieces.append((match.group(), runs[ordered[match.lastindex - 1]]))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces
