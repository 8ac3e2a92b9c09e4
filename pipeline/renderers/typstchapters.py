"""The learner PDF's vocabulary chapter as Typst markup (`--layout typst`), beside the body
chapters of `typstbody`.

Why: once Typst set the body, the vocabulary chapter was the largest WeasyPrint document left
(1.9 s of CPU of a cold build of the first title: three hundred entries, each a few runs of
text). It is plain text, no pinyin layout: the entry's word and reading in the Hei face, its
level and gloss, turnover lines indented (`.vocab-entry` in pdf-learner.css), after the chapter's
opener and the intro line, in the sizes of the stylesheets (`VOCABULARY`, read where declared).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline.renderers.cjktype import spaced
from pipeline.renderers.pdfbook import BookPart
from pipeline.fonts import font_path
from pipeline.renderers.typstbody import _declarations, _length, anchor, bookmark
from pipeline.renderers.typstlines import LAST_RESORT, SANS, SERIF, extents, n, quoted

# name → (selector, property, value in ems when no stylesheet declares it, the element's size in
# ems of the book's root size): the vocabulary chapter's sizes and spaces (pdf.css, pdf-learner.css)
VOCABULARY: dict[str, tuple[str, str, float, float]] = {
    "title_size": (".chapter-title", "font-size", 1.55, 1.0),
    "intro_size": (".vocab-intro", "font-size", 0.9, 1.0),
    "intro_below": (".vocab-intro", "margin-bottom", 1.0, 0.9),
    "entry_size": (".learner .vocab-entry", "font-size", 0.85, 1.0),
    "entry_below": (".learner .vocab-entry", "margin-bottom", 0.35, 0.85),
    "entry_indent": (".learner .vocab-entry", "padding-left", 2.0, 0.85),
    "word_size": (".vocab-word", "font-size", 1.2, 0.85),
}
ENTRY_LINE = 1.45  # `.learner .vocab-entry { line-height }`
INTRO_LINE = 1.7  # `.vocab-intro`: html's line-height (pdf.css)
TITLE_LINE = 1.45  # `.chapter-title { line-height }`
INK = {"intro": "#444444", "pinyin": "#333333"}


def css_line(face: str, size: float, ratio: float) -> str:
    """A text's frame as a CSS inline box of `line-height: ratio` has it: `ratio` × its size
    high, the face's hhea frame centred in it. Typst makes a line as high as its highest frame
    (leading 0), which is how CSS makes a line box of the inline boxes on it: a line holding the
    entry's larger word is deeper than a turnover line, as in WeasyPrint."""
    up, down = extents(font_path(face))
    return f"top-edge: {n((ratio + up - down) * size / 2)}pt, bottom-edge: {n(-(ratio - up + down) * size / 2)}pt"


@lru_cache(maxsize=2)
def space_width(face: str) -> float:
    """A space's advance in ems in `face`."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_path(face), lazy=True, fontNumber=0)
    return font["hmtx"][font.getBestCmap()[32]][0] / font["head"].unitsPerEm


def sizes(sheets: tuple[str, ...], root: float) -> dict[str, float]:
    """`VOCABULARY` in points."""
    rules = _declarations(sheets)
    return {name: _length(rules.get(selector, {}).get(prop), root * size, fallback * root * size)
            for name, (selector, prop, fallback, size) in VOCABULARY.items()}


def vocabulary_markup(writer: Any, part: BookPart, intro: str, rows: list[tuple[str, str, str, str]]) -> str:
    """The vocabulary chapter (`part`, a generated chapter) as one Typst document: `writer` is
    the `typstbody.PartWriter` (the page, the opener's spaces)."""
    s = sizes(writer.sheets, writer.page.root)
    title = part.chapter.title if part.chapter is not None else part.running
    sans = f"({quoted(SANS)}, {quoted(LAST_RESORT)})"
    serif = f"({quoted(SERIF)}, {quoted(LAST_RESORT)})"
    heading = (f"#heading(level: 2, outlined: false, bookmarked: false)[#text(font: {sans}, size: {n(s['title_size'])}pt, "
               f"{css_line('sans', s['title_size'], TITLE_LINE)}, {quoted(title)})]\n")
    out = [writer.page.preamble(writer.doc),
           f"{anchor(part.id)}#v({n(writer.opener_top())}pt)\n",  # (the anchor at the chapter's top, as WeasyPrint's)
           f"#block(sticky: true, breakable: false)[{bookmark(spaced(title))}{heading}]\n",
           f"#v({n(writer.space['opener_below'])}pt)\n",
           "#set text(kerning: true, ligatures: true)\n"]  # (plain text, set by the engine: kerned and ligated, as Pango sets it)
    size = s["intro_size"]
    out.append(f"#par[#text(font: {serif}, size: {n(size)}pt, {css_line('serif', size, INTRO_LINE)}, "
               f"fill: rgb({quoted(INK['intro'])}), {quoted(intro)})]\n#v({n(s['intro_below'])}pt)\n")
    size, indent = s["entry_size"], s["entry_indent"]
    gap = space_width("serif") * size  # (the space between the word and its reading: no glyph, as in WeasyPrint)
    out.append(f"#set par(leading: 0pt, hanging-indent: {n(indent)}pt, justify: false)\n"
               f"#set text(font: {serif}, size: {n(size)}pt, {css_line('serif', size, ENTRY_LINE)})\n")
    word_line, pinyin_line = css_line("sans", s["word_size"], ENTRY_LINE), css_line("sans", size, ENTRY_LINE)
    for word, pinyin, level, gloss in rows:
        out.append(f"#block(breakable: false, below: {n(s['entry_below'])}pt)[#par[#text(font: {sans}, size: {n(s['word_size'])}pt, {word_line}, {quoted(word)})"
                   f"#h({n(gap)}pt)#text(font: {sans}, {pinyin_line}, fill: rgb({quoted(INK['pinyin'])}), {quoted(pinyin)}) "
                   f"#{quoted(f'HSK {level} · {gloss}')}]]\n")
    return "".join(out)
