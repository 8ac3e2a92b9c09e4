"""The typeset print PDF (`publish pdf`) and the learner PDF (`publish pdf --learner`).

Both are one HTML book (`pdfbook`) laid out by WeasyPrint with CSS Paged Media from `styles/`:
`pdf.css` for the book, `pdf-paper-<size>.css` for the trim, `pdf-marks.css` for the printer
and `pdf-learner.css` for the learner's pinyin. The fonts are subsets of the packaged Noto faces,
cached by character set: WeasyPrint takes about 5 s with the whole 11 MB Noto Serif SC and
about 1 s with a subset.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from pipeline.errors import PublishError
from pipeline.fonts import fallback, last_resort_file, subset_file
from pipeline.fsutil import atomic_write
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from pipeline.renderers.cjkjustify import inter_character_justification
from pipeline.renderers.pdfbook import print_setter

TEMPLATE = "pdf-book.html"
BOOK_CSS = "pdf.css"
MARKS_CSS = "pdf-marks.css"
FACES = ("serif", "sans")
PDF_VARIANT = "pdf/ua-1"  # tagged, with the PDF/UA-1 identification in the XMP metadata


def paper_sizes(styles_dir: Path) -> list[str]:
    """The trims there is a stylesheet for (`pdf-paper-<name>.css`)."""
    return sorted(p.stem.removeprefix("pdf-paper-") for p in styles_dir.glob("pdf-paper-*.css"))


def paper_stylesheet(ctx: BuildContext) -> Path:
    paper = str(ctx.option("paper", "a5"))
    spelt = {name.casefold(): name for name in paper_sizes(ctx.styles_dir)}  # a project's `pdf-paper-Pocket.css`
    paper_css = ctx.styles_dir / f"pdf-paper-{spelt.get(paper.casefold(), paper)}.css"
    if not paper_css.exists():
        choices = ", ".join(paper_sizes(ctx.styles_dir)) or "none found"
        raise PublishError(f"unknown paper size '{paper}': choose one of {choices}")
    return paper_css


def stylesheets(ctx: BuildContext, extra: tuple[str, ...] = ()) -> list[Path]:
    sheets = [ctx.styles_dir / BOOK_CSS, paper_stylesheet(ctx), *(ctx.styles_dir / name for name in extra)]
    if ctx.option("marks", False):
        sheets.append(ctx.styles_dir / MARKS_CSS)
    return sheets


def font_faces(characters: str, ctx: BuildContext) -> str:
    """@font-face rules for the two faces, subset to `characters` (cached by character set), and
    for the characters neither they nor an installed font has, the last-resort boxes."""
    rules = []
    for face in FACES:
        font = subset_file(face, characters, ctx.cache)
        rules.append(f'@font-face {{ font-family: "{font.family}"; '
                     f'src: url("{font.path.resolve().as_uri()}") format("opentype"); }}')
    boxes = fallback(characters)  # characters no font on the machine has: a box with the code point
    if boxes.boxed:
        rules.append(boxes.font_faces(last_resort_file(boxes.boxed, ctx.cache).resolve().as_uri()))
    return "\n".join(rules)


# WeasyPrint messages that say nothing about the book (how WeasyPrint itself subsets fonts when
# the system lacks HarfBuzz-Subset): an editor cannot act on them, so they are not shown.
QUIET_WEASYPRINT = ("Using fontTools instead of HarfBuzz-Subset",)


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings (an unsupported property, a missing glyph) during one render.

    Only this thread's records: two titles rendered by two threads never swap their warnings."""
    messages: list[str] = []
    thread = threading.get_ident()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread != thread:
                return
            message = record.getMessage()
            if not message.startswith(QUIET_WEASYPRINT):
                messages.append(message)

    logger = logging.getLogger("weasyprint")
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def render_pdf(html: str, sheets: list[Path], doc: Document, ctx: BuildContext) -> bytes:
    """Lay out and write the PDF. Same inputs give the same bytes: the dates come from the
    document, and the file identifier from the inputs."""
    css_text = _css_text(sheets)
    return _write(_lay_out(html, sheets, css_text, ctx), html, css_text, doc, ctx)


def _css_text(sheets: list[Path]) -> str:
    return "".join(sheet.read_text(encoding="utf-8") for sheet in sheets)


def _lay_out(html: str, sheets: list[Path], css_text: str, ctx: BuildContext) -> Any:
    """The laid-out WeasyPrint document (its warnings logged); `css_text`: the sheets' text."""
    from pipeline.renderers.weasy import weasyprint

    CSS, HTML = weasyprint().CSS, weasyprint().HTML
    html = html.replace("/*FONTS*/", font_faces(html + css_text, ctx), 1)  # in <head>, before any text
    with collected_warnings() as warnings, inter_character_justification():
        document = HTML(string=html, base_url=str(ctx.styles_dir)).render(
            stylesheets=[CSS(filename=str(sheet)) for sheet in sheets])
    for message in dict.fromkeys(warnings):
        ctx.log(f"pdf: weasyprint: {message}")
    return document


def _write(document: Any, html: str, css_text: str, doc: Document, ctx: BuildContext) -> bytes:
    identifier = hashlib.sha256((doc.meta.id + html + css_text).encode()).hexdigest()[:32].encode()
    with collected_warnings() as warnings, inter_character_justification():
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier, uncompressed_pdf=False)
    for message in dict.fromkeys(warnings):
        ctx.log(f"pdf: weasyprint: {message}")
    return data


class PdfRenderer:
    """The print edition: output/<slug>.pdf.

    Laid out chapter by chapter (`pdfparts`), as the learner edition is: each chapter cached by
    content, so an edit to one answer lays out its chapter (and the index, contents and
    furniture) again, not the book; two chapters at a time when the build driver offers
    processes (`ctx.executor`); then joined."""

    name = "pdf"
    suffix = ""

    def outputs(self, doc: Document, ctx: BuildContext) -> list[Path]:
        return [ctx.out_dir / f"{doc.meta.slug}{self.suffix}.pdf"]

    def build(self, doc: Document, ctx: BuildContext) -> list[Path]:
        from pipeline.renderers import pdfparts

        assembly = self.assembly(doc, ctx)
        data = assembly.build() if pdfparts.splittable(doc, assembly.plan) else assembly.whole()
        (target,) = self.outputs(doc, ctx)
        atomic_write(target, data)
        return [target]

    def assembly(self, doc: Document, ctx: BuildContext):  # type: ignore[no-untyped-def]
        """The print book's parts planned (`pdfparts.Assembly`), ready to lay out."""
        from pipeline.renderers import pdfparts
        from pipeline.renderers.pdfbook import book_plan

        _paper, styles = self.styles(ctx)
        settings = {"edition": "print"}
        warming = self.warming(doc, ctx, settings, styles)
        edition = pdfparts.Edition(setter=print_setter(doc.meta.language), collecting=nullcontext, face_files=lambda steps: (),
                                   body_class="print", edition="", colophon="", settings=settings)
        return pdfparts.Assembly(doc, book_plan(doc), edition, styles, ctx.cache, ctx.executor, ctx.log, warming)

    @staticmethod
    def styles(ctx: BuildContext, extra: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
        """The paper's stylesheet and the text of the book's stylesheets (`stylesheets`, read once)."""
        from pipeline.renderers import pdfparts

        paper = paper_stylesheet(ctx)
        marks = ctx.styles_dir / MARKS_CSS if ctx.option("marks", False) else None
        return paper, pdfparts.read_styles(ctx.styles_dir, stylesheets(ctx, extra), marks, paper)

    @staticmethod
    def warming(doc: Document, ctx: BuildContext, settings: Any, styles: Any):  # type: ignore[no-untyped-def]
        """A worker process started while the text is set, where more than one chapter is to be
        laid out (starting one costs a second of CPU); None otherwise."""
        from pipeline.renderers import pdfparts

        many = ctx.executor is not None and pdfparts.chapters_to_lay_out(doc, settings, styles, ctx.cache) > 1
        return pdfparts.warm(ctx.executor, [*styles.book, styles.parts, styles.body]) if many else None


class LearnerPdfRenderer(PdfRenderer):
    """The learner edition: pinyin over every word, larger type, a vocabulary chapter.

    Laid out chapter by chapter (`pdfparts`): each chapter cached by content and, when the
    build driver offers processes (`ctx.executor`), laid out two at a time; then joined."""

    name = "pdf-learner"
    suffix = "-learner"

    def assembly(self, doc: Document, ctx: BuildContext):  # type: ignore[no-untyped-def]
        """The book's text set and its parts planned (`pdfparts.Assembly`), ready to lay out."""
        from pipeline.driver.settings import DEFAULT_LAYOUT
        from pipeline.furniture import word
        from pipeline.renderers import pdfparts
        from pipeline.renderers.pdfbook import book_plan
        from pipeline.renderers.pinyinhtml import EDITION, LEARNER_CSS, learner_text, vocabulary_credits
        from pipeline.renderers.weasy import exact_tabs

        paper, styles = self.styles(ctx, (LEARNER_CSS,))
        # "condense" is not a command-line option: benchmarks/word_shapes.py sets it to compare word shapes.
        learner = learner_text(doc, ctx.styles_dir, paper, bool(ctx.option("tone_sandhi", False)), ctx.cache,
                               condense=ctx.option("condense"), exact_tabs=exact_tabs())
        settings, writer = learner.settings(), None
        if ctx.option("layout", DEFAULT_LAYOUT) == "typst":  # the body chapters laid out by Typst (`typstbody`)
            from importlib.metadata import version

            from pipeline.renderers.typstbody import PartWriter, TypstText

            settings = {**settings, "layout": "typst", "typst": version("typst")}
            writer = PartWriter(doc, TypstText(learner, styles.book), styles.book)
        # (Typst sets the body here, in a few tenths of a second: no second process to warm)
        warming = self.warming(doc, ctx, settings, styles) if writer is None else None
        vocabulary = learner.vocabulary_chapter(doc, level=int(ctx.option("level", 4)))
        plan = book_plan(doc, [vocabulary])
        edition = pdfparts.Edition(
            setter=learner.setter(), collecting=learner.collecting, face_files=learner.face_files,
            body_class="learner", edition=word(EDITION, doc.meta.language), colophon=vocabulary_credits(), settings=settings,
            body_writer=writer)
        return pdfparts.Assembly(doc, plan, edition, styles, ctx.cache, ctx.executor, ctx.log, warming)
