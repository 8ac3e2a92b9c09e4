"""The EPUB 3 editions: `output/<slug>.epub` and the learner's `output/<slug>-learner.epub`.

Pages come from `epubpages` (XHTML from the model), packaging from `epubpackage` (ebooklib and
a reproducible zip); this module decides what goes into each edition: stylesheets from
`styles/`, fonts subset to the characters the pages use, the generated cover, and for the
learner pinyin over every Han character and a vocabulary list after each chapter.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import fonts
from pipeline.cover import cover_alt, cover_png
from pipeline.furniture import chinese_interface, interface
from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write
from pipeline.model import Document
from pipeline.renderers.base import BuildContext
from pipeline.renderers.epubpackage import Accessibility, Asset, build_time, package
from pipeline.renderers.epublearner import LearnerOptions, learner_edition, ruby_style
from pipeline.renderers.epublearner import summary as learner_summary
from pipeline.renderers.epubpages import Edition, Page, pages, text_content

TEMPLATE = "epub-page.xhtml"
STYLESHEET = "epub.css"
LEARNER_STYLESHEET = "epub-learner.css"
TONES_STYLESHEET = "epub-tones.css"
PINYIN_SCRIPT = "epub-pinyin.js"  # the learner's pinyin setting (all / new words / none)

FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "alternativeText",
            "displayTransformability", "horizontalWriting")
SUMMARY = chinese_interface("epub")["summary"]  # (in the title's language: data/interface-words.toml)


def read_style(ctx: BuildContext, name: str) -> str:
    path = ctx.styles_dir / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PublishError(f"style file {path} is missing: restore it from the repository") from None


class EpubRenderer:
    """The reflowable EPUB 3 ebook."""

    name = "epub"
    suffix = ""

    def outputs(self, doc: Document, ctx: BuildContext) -> list[Path]:
        return [ctx.out_dir / f"{doc.meta.slug}{self.suffix}.epub"]

    def stylesheets(self, ctx: BuildContext) -> list[tuple[str, str]]:
        """(file in styles/, name in the EPUB), in cascade order."""
        return [(STYLESHEET, "css/book.css")]

    def scripts(self, ctx: BuildContext) -> list[tuple[str, str]]:
        """(file in styles/, name in the EPUB) of the pages' scripts."""
        return []

    def edition(self, doc: Document, ctx: BuildContext, stylesheets: tuple[str, ...]) -> Edition:
        return Edition(stylesheets=stylesheets, cover_alt=cover_alt(doc.meta))

    def accessibility(self, ctx: BuildContext, language: str = "zh-Hans") -> Accessibility:
        return Accessibility(features=FEATURES, summary=interface("epub", language)["summary"])

    def build(self, doc: Document, ctx: BuildContext) -> list[Path]:
        styles = self.stylesheets(ctx)
        edition = self.edition(doc, ctx, tuple(href for _file, href in styles))
        book_pages = pages(doc, edition, read_style(ctx, TEMPLATE))
        assets = [Asset(href, read_style(ctx, file).encode("utf-8"), "text/css") for file, href in styles]
        assets += [Asset(href, read_style(ctx, file).encode("utf-8"), "application/javascript")
                   for file, href in self.scripts(ctx)]
        assets += self.fonts(book_pages, ctx)
        cover = Asset("images/cover.png", cover_png(doc.meta, ctx.cache), "image/png")
        data = package(doc.meta, book_pages, assets, cover, self.accessibility(ctx, doc.meta.language), build_time(doc.meta))
        (target,) = self.outputs(doc, ctx)
        atomic_write(target, data)
        return [target]

    def fonts(self, book_pages: list[Page], ctx: BuildContext) -> list[Asset]:
        """Both faces, each subset to every character the pages show (cached by content).

        OpenType, not WOFF2: every EPUB 3 reading system takes OTF (WOFF2 only those of
        EPUB 3.2 and later), and the zip's deflate recovers most of the difference in size."""
        shown = {c for page in book_pages for c in text_content(page.xhtml)}
        shown |= {c for file, _href in self.scripts(ctx) for c in read_style(ctx, file)}  # labels a script adds
        characters = "".join(sorted(shown))
        subsets = fonts.subsets(("serif", "sans"), characters, ctx.cache, flavor="otf")
        return [Asset(f"fonts/{face}.otf", data, "font/otf") for face, data in subsets.items()]


class LearnerEpubRenderer(EpubRenderer):
    """The learner's EPUB: pinyin over every Han character, vocabulary after each chapter;
    `--tone-colors` adds the tone-colour stylesheet, `--level` picks the HSK level,
    `--tone-sandhi` shows 一/不 as spoken."""

    name = "epub-learner"
    suffix = "-learner"

    def options(self, ctx: BuildContext) -> LearnerOptions:
        level = ctx.option("level", 4)
        try:
            level = int(level)
        except (TypeError, ValueError):
            level = -1
        if not 0 <= level <= 9:
            raise PublishError(f"--level must be an HSK level from 0 to 9, not '{ctx.option('level')}'")
        return LearnerOptions(level=level, tone_sandhi=bool(ctx.option("tone_sandhi", False)))

    def stylesheets(self, ctx: BuildContext) -> list[tuple[str, str]]:
        sheets = super().stylesheets(ctx) + [(LEARNER_STYLESHEET, "css/learner.css")]
        if ctx.option("tone_colors", False):
            sheets.append((TONES_STYLESHEET, "css/tones.css"))
        return sheets

    def scripts(self, ctx: BuildContext) -> list[tuple[str, str]]:
        return [(PINYIN_SCRIPT, "js/pinyin.js")]

    def edition(self, doc: Document, ctx: BuildContext, stylesheets: tuple[str, ...]) -> Edition:
        return learner_edition(doc, self.options(ctx), stylesheets, cover_alt(doc.meta), ctx.cache,
                               style=ruby_style(ctx.styles_dir / LEARNER_STYLESHEET),
                               scripts=tuple(href for _file, href in self.scripts(ctx)))

    def accessibility(self, ctx: BuildContext, language: str = "zh-Hans") -> Accessibility:
        return Accessibility(features=FEATURES + ("fullRubyAnnotations",),
                             summary=interface("epub", language)["summary"] + learner_summary(self.options(ctx), language))
