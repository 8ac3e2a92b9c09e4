"""Which process lays out which of the learner book's chapters, and when.

Why: each chapter's job (its HTML, with the readings and our line layout of the pinyin rows)
takes this process a tenth of a second or more to make. When every job was made before any
was handed over, the worker process (started while the text was set) waited about a second
for its first chapter, and this process started laying out last. Handed out one at a time
instead, as they are made: the worker takes the heaviest chapter left whenever it is free, this
process makes and lays out the lightest meanwhile, so both start as soon as they can and end
together (the balance is kept by who is free, not by an estimate of each chapter's cost).

One task on the worker at a time: a task handed to a pool whose processes are all busy starts
another process, about a second of CPU on a machine whose cores are already both at work.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

from pipeline.renderers.pdfbook import BookPart

Job = Any  # `pdfparts.Job`
Result = TypeVar("Result")
Make = tuple[str, Callable[[], "Job | None"]]  # (name, make its job; None when nothing is left to lay out)


def weight(part: BookPart) -> int:
    """How much a part has to lay out, roughly, in characters of running text (a vocabulary
    entry costs WeasyPrint about as much as 20 characters with their pinyin)."""
    if part.chapter is not None:
        return len(part.chapter.body) // 8
    return sum(len(p.text) for s in part.sections for p in s.paragraphs) + sum(
        len(p.text) for s in part.sections for a in s.answers for p in a.paragraphs)


def heaviest_first(parts: Sequence[BookPart]) -> list[BookPart]:
    return sorted(parts, key=weight, reverse=True)


def shared(makes: Sequence[Make], executor: Executor, busy: Future | None,
           here: Callable[[Job], Result], there: Callable[[Job], Result]) -> dict[str, Result]:
    """Every job of `makes` (heaviest first) laid out: `there` on one process of `executor`
    whenever it is free (`busy`: what it is doing now, e.g. warming up), `here` meanwhile."""
    results: dict[str, Result] = {}
    left = deque(makes)
    working: tuple[str | None, Future | None] = (None, busy)
    while left:
        name, future = working
        if future is None or future.done():
            if name is not None and future is not None:
                results[name] = future.result()
            name, make = left.popleft()
            job = make()
            working = (name, executor.submit(there, job)) if job is not None else (None, None)
        else:
            mine, make = left.pop()
            job = make()
            if job is not None:
                results[mine] = here(job)
    name, future = working
    if name is not None and future is not None:
        results[name] = future.result()
    return results
