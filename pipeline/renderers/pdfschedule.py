"""One document of the learner book to lay out (`Job`), laying it out (`lay_out`, here or in a
worker process), and which process lays out which of the book's chapters, and when.

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

import hashlib
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pipeline.cache import Cache
from pipeline.renderers.pdfbook import BookPart

FONT_SCHEME = "font:"  # @font-face URLs answered from a job's own fonts


@dataclass(frozen=True)
class Job:
    """One document to lay out, self-contained so that another process can: its HTML (fonts
    as `font:<name>` URLs), its stylesheets' text, and its fonts — packaged faces to subset to
    `characters` there, and font files given whole."""

    html: str
    stylesheets: tuple[str, ...]
    faces: tuple[tuple[str, str], ...] = ()  # (name, packaged face: "serif" or "sans")
    characters: str = ""
    files: tuple[tuple[str, bytes], ...] = ()  # (name, font file)
    tab_stops: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)  # `pinyinrows.TabStops`
    tagged: bool = True
    cache_root: str | None = None  # the build cache, where subsets are kept (if it is there)
    engine: str = "weasyprint"  # "typst": `html` is a body part's Typst markup (`typstbody`)
    page: tuple[float, ...] = ()  # (typst) the trim's width and height and the bleed, pt: the page boxes

    @property
    def size(self) -> int:
        return len(self.html)


Result = tuple[bytes, tuple[str, ...]]  # a PDF and WeasyPrint's warnings
LaidOut = TypeVar("LaidOut")
Make = tuple[str, Callable[[], "Job | None"]]  # (name, make its job; None when nothing is left to lay out)


def warm_up(stylesheets: Sequence[str] = ()) -> None:
    """Load WeasyPrint and parse the book's stylesheets in a worker process, while the build
    sets the text it will be handed."""
    from pipeline.renderers.weasy import stylesheet, weasyprint

    weasyprint()
    for text in stylesheets:
        stylesheet(text)


def warm(executor: Executor | None, stylesheets: Sequence[str]) -> Future | None:
    """Start a worker warming up, if there are workers (one: others start only when needed)."""
    return executor.submit(warm_up, tuple(stylesheets)) if executor is not None else None


def lay_out_all(jobs: Sequence[Job]) -> list[Result]:
    """Several jobs, in one task on a worker process."""
    return [lay_out(job) for job in jobs]


def lay_out(job: Job) -> Result:
    """The PDF of one job and WeasyPrint's (or Typst's) warnings. Runs in a worker process as well as here."""
    if job.engine == "typst":
        from pipeline.renderers.typstpdf import compile_markup

        return compile_markup(job.html, job.files, job.page)
    from pipeline.fonts import subset
    from pipeline.renderers.cjkjustify import inter_character_justification
    from pipeline.renderers.pdf import PDF_VARIANT, collected_warnings
    from pipeline.renderers.weasy import compression, stylesheet, tab_stops, weasyprint

    HTML = weasyprint().HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = Path(job.cache_root) if job.cache_root else None
    cache = Cache(root if root is not None and root.is_dir() else None)
    fonts = {name: subset(face, job.characters, cache) for name, face in job.faces}  # type: ignore[arg-type]
    fonts.update(job.files)

    class Fetcher(URLFetcher):
        """WeasyPrint's fetcher, answering `font:<name>` from the job's fonts."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(FONT_SCHEME):
                return URLFetcherResponse(url, fonts[url[len(FONT_SCHEME):]], {"Content-Type": "font/otf"})
            return super().fetch(url, headers)

    fetch = Fetcher()

    identifier = hashlib.sha256(job.html.encode()).hexdigest()[:32].encode()
    with collected_warnings() as warnings, inter_character_justification(), tab_stops(job.tab_stops), compression():
        document = HTML(string=job.html, url_fetcher=fetch).render(
            stylesheets=[stylesheet(text) for text in job.stylesheets])
        data = document.write_pdf(pdf_variant=PDF_VARIANT if job.tagged else None, pdf_identifier=identifier,
                                  uncompressed_pdf=False)
    return data, tuple(dict.fromkeys(warnings))


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
           here: Callable[[Job], LaidOut], there: Callable[[Job], LaidOut]) -> dict[str, LaidOut]:
    """Every job of `makes` (heaviest first) laid out: `there` on one process of `executor`
    whenever it is free (`busy`: what it is doing now, e.g. warming up), `here` meanwhile."""
    results: dict[str, LaidOut] = {}
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
