"""What the eighth robustness sweep found in sources as editors and their tools save them: a
source far bigger than any article, whose W405 search (the pinyin pass reads each paragraph
through its segmenter, some 10–30 ms a paragraph) made `publish check` take minutes.

Kept apart from `pipeline.check` (near its 500 lines), as plain functions over the model's texts.
"""

from __future__ import annotations

from collections.abc import Iterable

# The characters W405's search reads in one source: a long feature is 30,000, a book of interviews
# 100,000; past this, a source of megabytes (a catalogue pasted into one file, a paste done many
# times) made 'publish check' spend minutes in the pinyin pass. W424 names where the search stopped.
SEARCH_BUDGET = 100_000


def within_budget(texts: Iterable[tuple[str, int]],
                  budget: int = SEARCH_BUDGET) -> tuple[list[tuple[str, int]], tuple[int, int] | None]:
    """The (text, line) pairs W405 searches, in order, up to `budget` characters in all (the text
    that crosses the budget is cut there), and (line of the first text left out or cut, characters
    in all) when the budget ran out, else None."""
    kept: list[tuple[str, int]] = []
    left = budget
    stopped: int | None = None
    total = 0
    for text, line in texts:
        total += len(text)
        if stopped is None and len(text) > left:
            stopped = line
            if left:
                kept.append((text[:left], line))
        elif stopped is None:
            kept.append((text, line))
            left -= len(text)
    return kept, (None if stopped is None else (stopped, total))


def budget_message(total: int, budget: int = SEARCH_BUDGET) -> str:
    """W424's words: where the W405 search stopped, and why."""
    return (f"the text holds {total:,} characters, more than any title's: W405 (a reading nothing decides) was "
            f"looked for in the first {budget:,} only, up to this paragraph, so that 'publish check' takes seconds")
