"""The learner PDF laid out part by part: each chapter a WeasyPrint document of its own, cached
by content, laid out on two processes when the build driver offers them, and joined into one
tagged PDF (`pdfmerge`).

Why: WeasyPrint needs about 5 s of CPU for the 73 pages of the first title's learner book
(pinyin rows are many text runs), and one WeasyPrint document cannot be laid out in pieces or
in parallel. A chapter's layout depends only on its own content once the few things a chapter
would learn from the rest of the book are supplied from outside:

- page furniture — running heads, folios and crop marks depend on where a page lands; they
  are laid out once for the whole book, one empty page per page (`pdf-furniture.css`), and
  drawn over the chapters' pages, which draw none (`pdf-parts-body.css`);
- left and right pages — the text block of a left-hand page sits further right; every chapter
  is laid out from a right-hand page, and one that lands on a left-hand page is moved by the
  difference of the margins (`pagegeometry.binding_shift`), which changes no line;
- numbers — the contents' and the name index's page numbers are written out (`data-page`)
  once the chapters' page counts are known; their links point at stand-in anchors that the
  merge replaces by the real destinations; question numbers continue through a
  `counter-reset`;
- the front matter is laid out with the blank page that follows it when the article would
  otherwise open on a left-hand page.

A chapter's cache key is its content (the model's sections without source positions), the
title's settings that reach it (metadata, speakers, pronunciations, options), the stylesheets,
the pipeline's code and the versions of what lays it out; generated chapters, the index, the
front matter and the furniture are keyed by their HTML. An edit to one answer lays out that
chapter again (and the index, contents and furniture only if page numbers moved).

Books that do not open with the article (its folio 1 anchors the numbering) are laid out as
one document, as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from string import Template
from typing import Any

from pipeline.cache import Cache, key
from pipeline.fonts import fallback, last_resort
from pipeline.model import Document
from pipeline.renderers import pdfmerge, pdfschedule
from pipeline.renderers.pdfschedule import FONT_SCHEME, Job, Result, lay_out, lay_out_all, warm  # noqa: F401
from pipeline.renderers.cjktype import spaced
from pipeline.renderers.htmltext import attr
from pipeline.renderers.pdfbook import (
    BookPart, BookPlan, Setter, book_plan, front_html, head_values, leading_notes_html, part_html,
)

PART_TEMPLATE = "pdf-part.html"
PARTS_CSS = "pdf-parts.css"
BODY_CSS = "pdf-parts-body.css"
FURNITURE_CSS = "pdf-furniture.css"
NAMESPACE = "pdf-parts"
SUMMARIES = "pdf-parts-summary"  # a part's page count and anchors, beside its PDF
FORMAT = "1"  # what a cached part holds; raise it when that changes
LAYOUT_VERSIONS = ("weasyprint", "pydyf", "tinycss2", "uharfbuzz", "fonttools", "pikepdf")

LAST_RESORT = "last-resort"  # the job's font file of code-point boxes (`pipeline.lastresort`)


@dataclass(frozen=True)
class Styles:
    """The stylesheets' text for each kind of document, read once."""

    book: tuple[str, ...]  # pdf.css, the paper, pdf-learner.css, --marks
    parts: str
    body: str
    furniture: str
    marks: str | None
    book_template: str
    part_template: str
    shift: float  # points: a left-hand page's text block right of a right-hand page's

    def digest(self) -> str:
        return key("pdf-part-styles", list(self.book), self.parts, self.body, self.furniture, self.marks,
                   self.book_template, self.part_template)


@dataclass
class Laid:
    """A part's PDF once laid out (or found in the cache)."""

    data: bytes
    pages: int = 0
    anchors: dict[str, int] = field(default_factory=dict)  # id → page of the part

    @classmethod
    def of(cls, data: bytes) -> Laid:
        return cls(data, *pdfmerge.summary(data))


@dataclass(frozen=True)
class Edition:
    """What the learner edition adds to the book: its setter, the condensed faces a stretch of
    setting used (as font files), the title page's edition line, the colophon."""

    setter: Setter
    collecting: Callable[[], Any]  # a context manager yielding what the text set inside it uses (`Used`)
    face_files: Callable[[set[float]], tuple[tuple[str, str, bytes], ...]]  # steps → (family, class, font)
    body_class: str
    edition: str
    colophon: str
    settings: Any  # what else changes the edition's text (JSON-able): sandhi, word shapes, level
    body_writer: Any = None  # `typstbody.PartWriter` when Typst lays out the body chapters (--layout typst)


class Assembly:
    """Lays out the book's parts (from the cache where it can), then the index, the front
    matter and the furniture, and joins them."""

    def __init__(self, doc: Document, plan: BookPlan, edition: Edition, styles: Styles, cache: Cache,
                 executor: Executor | None = None, log: Callable[[str], None] = print,
                 warming: Future | None = None) -> None:
        self.doc = doc
        self.plan = plan
        self.edition = edition
        self.styles = styles
        self.cache = cache
        self.executor = executor
        self.log = log
        self.warming = warming  # a worker started while the text was set (`warm`)
        self.keys: dict[str, str] = {}
        self.warned: set[str] = set()
        self.context = context_key(doc, edition.settings, styles)

    # -- documents -------------------------------------------------------------------------
    def _fonts_css(self, steps: set[float]) -> tuple[str, tuple[tuple[str, bytes], ...]]:
        from pipeline.fonts import FAMILY

        rules = [f'@font-face {{ font-family: "{FAMILY[face]}"; src: url("{FONT_SCHEME}{face}") format("opentype"); }}'
                 for face in ("serif", "sans")]
        files = []
        for family, css_class, data in self.edition.face_files(steps):
            rules.append(f'@font-face {{ font-family: "{family}"; src: url("{FONT_SCHEME}{css_class}") '
                         f'format("truetype"); }}\n.learner .{css_class} {{ font-family: "{family}"; }}')
            files.append((css_class, data))
        return "\n".join(rules), tuple(files)

    def _job(self, html_of: Callable[[str], str], used: Any, sheets: tuple[str, ...], tagged: bool = True) -> Job:
        fonts_css, files = self._fonts_css(used.faces if used is not None else set())
        html = html_of(fonts_css + "\n/*FALLBACK*/")
        characters = "".join(sorted(set(html).union(*sheets)))
        boxes = fallback(characters)  # characters no font on the machine has: a box with the code point
        html = html.replace("/*FALLBACK*/", boxes.font_faces(f"{FONT_SCHEME}{LAST_RESORT}"), 1)
        if boxes.boxed:
            files = (*files, (LAST_RESORT, last_resort(boxes.boxed, self.cache)))
        stops = dict(used.stops.rows) if used is not None else {}
        return Job(html, sheets, faces=(("serif", "serif"), ("sans", "sans")), characters=characters, files=files,
                   tab_stops=stops, tagged=tagged, cache_root=str(self.cache.root) if self.cache.root else None)

    def _part_document(self, body: str, fonts_css: str, questions_before: int = 0) -> str:
        values = head_values(self.doc, fonts_css, self.edition.body_class)
        counter = f' style="counter-reset: question {questions_before}"' if questions_before else ""
        return Template(self.styles.part_template).substitute(values, body_attrs=counter, main_html=body)

    def _body_job(self, part: BookPart, pages: dict[str, int] | None = None) -> Job:
        if self.edition.body_writer is not None and pages is None:
            if self.edition.body_writer.sets(part):
                return self._typst_job(part)
        with self.edition.collecting() as used:
            body = part_html(part, self.doc, self.edition.setter, pages)
        if pages is not None:
            body += _stubs(t for t in pages if t not in part.anchors(self.doc))
        sheets = (*self.styles.book, self.styles.parts, self.styles.body)
        return self._job(lambda css: self._part_document(body, css, part.questions_before), used, sheets)

    def _typst_job(self, part: BookPart) -> Job:
        """A body chapter as Typst markup (`typstbody`), with the last-resort font for the
        characters the packaged faces lack (Typst takes no font of the system)."""
        from pipeline.fonts import missing

        writer = self.edition.body_writer
        markup = writer.markup(part)
        boxed = missing("".join(sorted(set(markup))))  # (each character once: the markup is long)
        files = ((LAST_RESORT, last_resort(boxed, self.cache)),) if boxed else ()
        page = writer.page
        return Job(markup, (), files=files, engine="typst", page=(page.width, page.height, page.bleed),
                   cache_root=str(self.cache.root) if self.cache.root else None)

    def _front_job(self, folios: dict[str, int]) -> Job:
        stubs = _stubs(folios) + '\n<div class="front-end"></div>'
        sheets = (*self.styles.book, self.styles.parts)
        return self._job(lambda css: _front(self, css, stubs, folios), None, sheets)

    def _furniture_job(self, pages: list[tuple[str, str]]) -> Job:
        divs = "\n".join(f'<div class="fu" data-head="{attr(head)}" data-folio="{folio}"></div>'
                         for head, folio in pages)
        sheets = (self.styles.book[0], self.styles.book[1], *((self.styles.marks,) if self.styles.marks else ()),
                  self.styles.furniture)
        return self._job(lambda css: self._part_document(divs, css), None, sheets, tagged=False)

    # -- keys and the cache -----------------------------------------------------------------
    def _part_key(self, part: BookPart) -> str | None:
        return part_key(self.context, part)

    def _job_key(self, job: Job) -> str:
        files = [[name, hashlib.sha256(data).hexdigest()] for name, data in job.files]
        return key("pdf-job", self.context, job.html, list(job.stylesheets), job.tagged, files,
                   sorted((row, sorted(runs.items())) for row, runs in job.tab_stops.items()))

    def _cached(self, digest: str) -> Laid | None:
        """A part laid out before, with its page count and anchors as stored beside it (reading
        them from its PDF again cost an edit 2 ms a part)."""
        data = self.cache.get(NAMESPACE, digest)
        if data is None:
            return None
        summary = self.cache.get(SUMMARIES, digest)
        if summary is None:
            return self._summarised(digest, data)
        pages, anchors = json.loads(summary)
        return Laid(data, pages, anchors)

    def _summarised(self, digest: str, data: bytes) -> Laid:
        laid = Laid.of(data)
        self.cache.put(SUMMARIES, digest, json.dumps([laid.pages, laid.anchors]).encode())
        return laid

    # -- laying out ---------------------------------------------------------------------------
    def _collect(self, results: dict[str, Result]) -> dict[str, Laid]:
        done = {}
        for name, (data, warnings) in results.items():
            for message in warnings:
                if message not in self.warned:
                    self.warned.add(message)
                    self.log(f"pdf: {message}" if message.startswith("typst: ") else f"pdf: weasyprint: {message}")
            self.cache.put(NAMESPACE, self.keys[name], data)
            done[name] = self._summarised(self.keys[name], data)
        return done

    def _run(self, ours: Sequence[tuple[str, Callable[[], Job | None]]],
             theirs: Sequence[tuple[str, Callable[[], Job | None]]] = ()) -> dict[str, Laid]:
        """Lay out jobs made on demand (None: found in the cache meanwhile): `theirs` in one
        task on the executor, handed over before `ours` are made and laid out here — one more
        process, started while this one works, not one per job. Typst's jobs are compiled on a
        thread of this process (Typst lets go of the GIL), one at a time, while the next job's
        text is set here."""
        results: dict[str, Result] = {}
        future: Future | None = None
        handed = [(name, job) for name, make in theirs if (job := make()) is not None]
        if handed and self.executor is not None:
            future = self.executor.submit(lay_out_all, [job for _name, job in handed])
        else:
            ours = [*((name, lambda job=job: job) for name, job in handed), *ours]
        compiling: dict[str, Future] = {}
        thread: ThreadPoolExecutor | None = None
        try:
            for name, make in ours:
                job = make()
                if job is not None and job.engine == "typst":
                    thread = thread or ThreadPoolExecutor(1, thread_name_prefix="typst")
                    compiling[name] = thread.submit(lay_out, job)
                elif job is not None:
                    results[name] = lay_out(job)
            results.update((name, done.result()) for name, done in compiling.items())
        finally:
            if thread is not None:
                thread.shutdown(cancel_futures=True)
        if future is not None:
            results.update(zip((name for name, _job in handed), future.result()))
        return self._collect(results)

    def _body(self) -> dict[str, Laid]:
        """Every part but the index, from the cache or laid out (shared with one process of
        the executor when there are several)."""
        laid: dict[str, Laid] = {}
        todo: list[BookPart] = []
        for part in self.plan.parts:
            if part.index:
                continue
            digest = self._part_key(part)
            found = self._cached(digest) if digest is not None else None
            if digest is not None:
                self.keys[part.id] = digest
            if found is not None:
                laid[part.id] = found
            else:
                todo.append(part)

        def make(part: BookPart) -> Callable[[], Job | None]:
            def job() -> Job | None:
                made = self._body_job(part)
                if part.id not in self.keys:  # a generated chapter: keyed by its HTML
                    self.keys[part.id] = self._job_key(made)
                    found = self._cached(self.keys[part.id])
                    if found is not None:
                        laid[part.id] = found
                        return None
                return made
            return job

        # A second process costs a second of CPU to start: worth it for many chapters (it was
        # started while the text was set), not for the one or two an edit lays out.
        if self.executor is not None and self.warming is not None and len(todo) > 1:
            makes = [(p.id, make(p)) for p in pdfschedule.heaviest_first(todo)]
            laid.update(self._collect(pdfschedule.shared(makes, self.executor, self.warming,
                                                         here=lambda job: lay_out(job), there=lay_out)))
        else:
            laid.update(self._run([(p.id, make(p)) for p in todo]))
        return laid

    def _keyed(self, name: str, job: Job) -> Laid | None:
        self.keys[name] = self._job_key(job)
        return self._cached(self.keys[name])

    def build(self) -> bytes:
        parts = self.plan.parts
        laid = self._body()
        index = next((part for part in parts if part.index), None)
        if index is not None:
            starts = self._starts(parts, laid, until=index.id)
            folios = {answer.id: starts[part.id] + laid[part.id].anchors.get(answer.id, 0)
                      for part in parts if part.id in starts for s in part.sections for answer in s.answers}
            job = self._body_job(index, folios)
            found = self._keyed(index.id, job)
            laid[index.id] = found or self._run([(index.id, lambda: job)])[index.id]
        starts = self._starts(parts, laid)
        toc = {target: starts[part.id] + (laid[part.id].anchors.get(target, 0) if target != part.id else 0)
               for part in parts for target, _title, _kind in part.toc}
        jobs = {"front": self._front_job(toc), "furniture": self._furniture_job(self._furniture_pages(parts, laid, starts))}
        tail = {name: found for name, job in jobs.items() if (found := self._keyed(name, job)) is not None}
        missing = [(name, lambda job=jobs[name]: job) for name in jobs if name not in tail]
        if len(missing) > 1:  # the furniture on the executor, the front matter here
            tail.update(self._run(missing[:1], missing[1:]))
        else:
            tail.update(self._run(missing))

        pieces = [pdfmerge.Piece(tail["front"].data, stubs=frozenset(toc), drop_last=True, furnished=False)]
        number = 0
        for part in parts:
            part_laid = laid[part.id]
            shifts = tuple(self._shift(page, number + page) for page in range(part_laid.pages))
            stubs = frozenset(t for t in part_laid.anchors if t not in part.anchors(self.doc))
            pieces.append(pdfmerge.Piece(part_laid.data, shifts if any(shifts) else None, stubs))
            number += part_laid.pages
        return pdfmerge.merge(pieces, tail["furniture"].data)

    def whole(self) -> bytes:
        """The book as one document (a book that cannot be laid out in parts), cached by its HTML."""
        with self.edition.collecting() as used:
            main = [leading_notes_html(self.plan, self.doc, self.edition.setter)] if self.plan.leading_notes else []
            main += [part_html(part, self.doc, self.edition.setter) for part in self.plan.parts]
        edition = self.edition
        job = self._job(lambda css: front_html(self.doc, self.styles.book_template, self.plan, "\n".join(main),
                                               fonts_css=css, body_class=edition.body_class,
                                               colophon=edition.colophon, edition=edition.edition),
                        used, self.styles.book)
        found = self._keyed("book", job)
        return (found or self._run([("book", lambda: job)])["book"]).data

    def _shift(self, local: int, body_page: int) -> float:
        """How far to move page `local` of a part (laid out from a right-hand page) that lands
        on page `body_page` counted from the article's first page (a right-hand one)."""
        laid_left, lands_left = local % 2 == 1, body_page % 2 == 1
        if laid_left == lands_left:
            return 0.0
        return self.styles.shift if lands_left else -self.styles.shift

    @staticmethod
    def _starts(parts: Sequence[BookPart], laid: dict[str, Laid], until: str | None = None) -> dict[str, int]:
        """Each part's first folio (the article opens on folio 1)."""
        starts, folio = {}, 1
        for part in parts:
            if part.id == until:
                break
            starts[part.id] = folio
            folio += laid[part.id].pages
        return starts

    def _furniture_pages(self, parts: Sequence[BookPart], laid: dict[str, Laid],
                         starts: dict[str, int]) -> list[tuple[str, str]]:
        """(running head, folio) of every page from the article on: no head on a part's first
        page, the book's title on left-hand pages, the part's running head on right-hand ones."""
        book = spaced(self.doc.meta.title)
        pages = []
        for part in parts:
            for page in range(laid[part.id].pages):
                folio = starts[part.id] + page
                head = "" if page == 0 else book if folio % 2 == 0 else spaced(_running(part, laid[part.id], page))
                pages.append((head, str(folio)))
        return pages


def context_key(doc: Document, settings: Any, styles: Styles) -> str:
    """What every part of a title depends on besides its own content: the metadata (the
    documents' heads), the speakers and pronunciations (readings), the edition's settings, the
    stylesheets, the pipeline's code, the versions of what lays it out and the fonts."""
    return key("pdf-part-context", FORMAT, _without_locations(doc.meta.model_dump(mode="json")),
               _without_locations([s.model_dump(mode="json") for s in doc.speakers]),
               sorted(doc.pronunciation_table.items()), settings, styles.digest(),
               _code_digest(), [version(name) for name in LAYOUT_VERSIONS], _font_digests())


def part_key(context: str, part: BookPart) -> str | None:
    """The key of a chapter of the source, from its content; None for a generated one (keyed
    by its HTML)."""
    if part.chapter is not None or part.index:
        return None
    sections = _without_locations([s.model_dump(mode="json") for s in part.sections])
    return key("pdf-part", context, part.id, part.running, part.questions_before, sections)


def chapters_to_lay_out(doc: Document, settings: Any, styles: Styles, cache: Cache) -> int:
    """How many of the source's chapters are not in the cache: known before any text is set,
    to decide whether a second process is worth starting."""
    context = context_key(doc, settings, styles)
    digests = (part_key(context, part) for part in book_plan(doc).parts)
    return sum(1 for digest in digests if digest is not None and cache.get(NAMESPACE, digest) is None)


def _running(part: BookPart, laid: Laid, page: int) -> str:
    """The running head of a part's page: that of the first question starting on it, else of the
    last one started before it (questions that flow on share a part, `pdfbook.flows_on`), as the
    one-document book's `string-set` gives it."""
    heads = [(0, part.running)] + [(laid.anchors.get(s.id, 0), s.title or "") for s in part.sections[1:]
                                   if s.kind in ("question", "closing")]
    return next((head for start, head in heads if start == page), None) or \
        next(head for start, head in reversed(heads) if start <= page)


def _front(assembly: Assembly, fonts_css: str, stubs: str, folios: dict[str, int]) -> str:
    edition = assembly.edition
    template = assembly.styles.book_template
    return front_html(assembly.doc, template, assembly.plan, stubs, fonts_css=fonts_css, body_class=edition.body_class,
                      colophon=edition.colophon, edition=edition.edition, pages=folios)


def _stubs(targets: Iterator[str] | dict[str, int]) -> str:
    return "".join(f'<span class="anchor-stub" id="{attr(target)}"></span>' for target in targets)


def _without_locations(value: Any) -> Any:
    """The model's JSON without source positions: moving a chapter down the file changes no page."""
    if isinstance(value, dict):
        return {k: _without_locations(v) for k, v in value.items() if k != "loc"}
    if isinstance(value, list):
        return [_without_locations(v) for v in value]
    return value


def _code_digest() -> str:
    from pipeline.build import code_digest

    return code_digest()


def _font_digests() -> list[str]:
    from pipeline.fonts import digest

    return [digest("serif"), digest("sans")]


def splittable(doc: Document, plan: BookPlan) -> bool:
    """Whether the book can be laid out in parts: it opens with the article (folio 1), with no
    note before it."""
    return not plan.leading_notes and bool(plan.parts) and bool(plan.parts[0].sections) \
        and plan.parts[0].sections[0].kind == "article"


def read_styles(styles_dir: Path, sheets: Sequence[Path], marks: Path | None, paper: Path) -> Styles:
    from pipeline.renderers.pagegeometry import binding_shift

    return Styles(
        book=tuple(sheet.read_text(encoding="utf-8") for sheet in sheets),
        parts=(styles_dir / PARTS_CSS).read_text(encoding="utf-8"),
        body=(styles_dir / BODY_CSS).read_text(encoding="utf-8"),
        furniture=(styles_dir / FURNITURE_CSS).read_text(encoding="utf-8"),
        marks=marks.read_text(encoding="utf-8") if marks is not None else None,
        book_template=(styles_dir / "pdf-book.html").read_text(encoding="utf-8"),
        part_template=(styles_dir / PART_TEMPLATE).read_text(encoding="utf-8"),
        shift=binding_shift(paper),
    )


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
