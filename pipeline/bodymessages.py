"""The reader's longer messages, worded from what the walk knows (where an id was first used, which
speakers are declared): kept out of `pipeline.bodyreader` so the walk reads as the format's rules."""

from __future__ import annotations

from pipeline.model import SectionKind


def id_used_twice(section_id: str, first: int | None, kind: SectionKind, given: bool) -> str:
    """E207's words: where the id was first used, and, for an id the editor did not write (a
    question's 'q2' by its place, 'closing', 'references'), where it came from."""
    if first is None:
        return f"chapter id '{section_id}' is used twice: it is the article's own id"
    if given:
        return f"chapter id '{section_id}' is used twice (first by the chapter on line {first})"
    if kind == "question":
        return (f"this question's id is '{section_id}' by default (its place among the questions), and the chapter "
                f"on line {first} already has it")
    return f"chapter id '{section_id}' is used twice: a second {kind} chapter (the first is on line {first})"


def known_speakers(ids: list[str], shown: int = 8) -> str:
    """The declared speaker ids an unknown one could have meant: the first few, '…' when there are more."""
    if not ids:
        return "no speakers are declared under 'speakers:' in the front matter"
    return f"known: {', '.join(ids[:shown])}" + ("…" if len(ids) > shown else "")
