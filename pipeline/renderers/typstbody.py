"""The learner PDF's body chapters (the article, the questions, the closing, the editor's notes)
as Typst markup, for `publish pdf --learner --layout typst` (`typstpdf` compiles a part).

Why: WeasyPrint's layout and drawing of the body's pages was most of the learner PDF's time
(benchmarks/RESULTS.md, "Typst spike"); Typst draws the same pages in about a fifth of it. The
lines are OURS: `pinyinlayout.break_lines` breaks and places them as for WeasyPrint (same
lines, same word shapes), from the same runs and readings (`LearnerText`); Typst only draws each
line's glyphs where the layout put them (`typstlines`) (characters first, then syllables, so that a text
extractor reads whole lines) and stacks the lines into pages: the first two and the last two
lines of a paragraph kept together, a speaker's label and a chapter's opener kept with what
follows, as the stylesheets ask of WeasyPrint.

Sizes come from where WeasyPrint's come from: the rows of each role (`.set-ROLE .ln/.hz` in
pdf-learner.css), the spaces between blocks (`SPACES`, read from the book's stylesheets where
they declare them), the trim, margins and bleed from the paper's `@page` rules (a project's own
styles/ included), the faces from `pipeline.fonts`. The front matter, contents, vocabulary,
name index, references and page furniture stay WeasyPrint documents (`pdfparts`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import tinycss2

from pipeline.cache import key
from pipeline.fonts import font_path
from pipeline.furniture import interface
from pipeline.model import Document, Paragraph, Section
from pipeline.renderers.cjktype import spaced
from pipeline.renderers.epubpages import label_text
from pipeline.renderers.pagegeometry import MM, _margins, _page_size
from pipeline.renderers.pdfbook import BookPart, title_size
from pipeline.renderers.pinyinglyphs import PX, glyphs
from pipeline.renderers.pinyinlayout import break_lines
from pipeline.renderers.typstlines import INK, LAST_RESORT, SANS, SERIF, _edges, as_heading, block_markup, n, quoted
from pipeline.renderers.typstpdf import ANCHOR

BLOCKS = "learner-typst-blocks"  # cache namespace of set blocks (as `pinyinhtml.BLOCKS`)
# name → (selector, property, value in ems when no stylesheet declares it, the element's size in
# ems of the book's root size): the spaces WeasyPrint puts between the body's blocks.
SPACES: dict[str, tuple[str, str, float, float]] = {
    "opener_below": (".opener", "margin-bottom", 2.2, 1.0),
    "flows_opener_below": (".flows .opener", "margin-bottom", 1.6, 1.0),
    "flows_above": (".chapter.flows", "margin-top", 2.8, 1.0),
    "number_size": (".question .opener::before", "font-size", 2.0, 1.0),
    "number_below": (".question .opener::before", "margin-bottom", 0.4, 2.0),
    "rule_width": (".closing .opener::before", "width", 2.0, 1.0),
    "rule_below": (".closing .opener::before", "margin-bottom", 1.2, 1.0),
    "answer_above": (".learner .answer", "margin-top", 1.4, 1.0),
    "speaker_below": (".learner .speaker", "margin-bottom", 0.2, 0.92),
    "dek_above": (".learner .dek", "margin-top", 0.3, 1.1),
    "byline_above": (".byline", "margin-top", 1.4, 0.85),
    "byline_size": (".byline", "font-size", 0.85, 1.0),
    "note_above": (".note", "margin-top", 2.5, 1.0),  # (.learner .note sets the note at 1em)
    "note_pad": (".note", "padding-top", 0.7, 1.0),
    "note_title_below": (".note-title", "margin-bottom", 0.3, 1.0),
    "subhead_above": (".learner p.subhead", "margin-top", 0.4, 1.0),
}
# the rules' thickness (pt): `.closing .opener::before` and `.note`'s `border-top`
RULES = {"closing": 1.5, "note": 0.5}
OPENER_TOP = (".opener", "padding-top", 0.14)  # a fraction of the measure (`padding-top: 14%`)
LINE_HEIGHT = 1.7  # html's line-height (pdf.css): the byline's and the note title's line
NOTE_KEPT_LINES = 12  # a note of up to so many lines is kept on one page (`.note { break-inside: avoid }`)
ROWS_DEFAULT = (0.0, 1.25, 1.3)  # (pt above a line, pinyin row, Han row in line-heights) if the sheet has none


@dataclass(frozen=True)
class Geometry:
    """The page a body part is laid out on (points): a right-hand page, as `pdfparts` lays out
    every part; `bleed` around the trim with --marks."""

    width: float
    height: float
    top: float
    bottom: float
    inside: float
    outside: float
    bleed: float
    root: float  # the book's root type size (pt), which the ems of `SPACES` count in
    measure: float

    def preamble(self, doc: Document) -> str:
        meta = doc.meta
        b = self.bleed
        lang = meta.language.split("-")[0].lower() or "zh"
        authors = ", ".join(quoted(a) for a in meta.authors)
        return (
            f"#set document(title: {quoted(meta.title)}, author: ({authors}{',' if len(meta.authors) == 1 else ''}), "
            f"date: datetime(year: {meta.date.year}, month: {meta.date.month}, day: {meta.date.day}))\n"
            f"#set page(width: {n(self.width + 2 * b)}pt, height: {n(self.height + 2 * b)}pt, binding: left, "
            f"margin: (top: {n(self.top + b)}pt, bottom: {n(self.bottom + b)}pt, inside: {n(self.inside + b)}pt, "
            f"outside: {n(self.outside + b)}pt))\n"
            f"#set text(font: ({quoted(SERIF)}, {quoted(LAST_RESORT)}), lang: {quoted(lang)}, kerning: false, "
            f"ligatures: false, top-edge: \"ascender\", bottom-edge: \"descender\", fill: rgb({quoted(INK['han'])}))\n"
            "#set block(spacing: 0pt)\n#set par(spacing: 0pt, leading: 0pt, justify: false, first-line-indent: 0pt)\n"
            "#show heading: it => block(it.body)\n#show heading: set text(size: 1em, weight: \"regular\")\n"
            "#let c(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, s)\n"
            "#let k(x, y, s) = place(dx: x * 1pt, dy: y * 1pt, text(features: (\"halt\",), s))\n"
            f"#let p(x, y, z, s) = place(dx: x * 1pt, dy: y * 1pt, text(font: ({quoted(SANS)}, {quoted(LAST_RESORT)}), "
            f"size: z * 1pt, {_edges(font_path('sans'))}, fill: rgb({quoted(INK['pinyin'])}), s))\n"
            "#let q(x, y, z, f, s) = place(dx: x * 1pt, dy: y * 1pt, scale(x: f * 100%, origin: left + top, "
            f"reflow: false, text(font: ({quoted(SANS)}, {quoted(LAST_RESORT)}), size: z * 1pt, "
            f"{_edges(font_path('sans'))}, fill: rgb({quoted(INK['pinyin'])}), s)))\n"
            "#let a(t) = place(hide(heading(level: 1, outlined: false, bookmarked: true, t)))\n"
        )


def _rule(length: str, thickness: float) -> str:
    """A rule as WeasyPrint draws a top border: filled from the block's top down, as thick as it
    is (a Typst `line` is centred on its place and takes no height, so what follows it stood
    that much higher)."""
    return f"#block(width: {length}, height: {n(thickness)}pt, fill: rgb({quoted(INK['mark'])}))\n"


# -- the stylesheets ---------------------------------------------------------------------------

def _declarations(sheets: tuple[str, ...]) -> dict[str, dict[str, list[Any]]]:
    """selector → property → tokens, the later sheet's declaration winning (exact selectors)."""
    found: dict[str, dict[str, list[Any]]] = {}
    for text in sheets:
        for rule in tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True):
            if rule.type == "at-rule" and rule.lower_at_keyword == "page" and rule.content is not None:
                selector = "@page " + tinycss2.serialize(rule.prelude).strip()
            elif rule.type == "qualified-rule":
                selector = tinycss2.serialize(rule.prelude).strip()
            else:
                continue
            for part in selector.split(",") if not selector.startswith("@page") else [selector]:
                own = found.setdefault(part.strip(), {})
                for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True):
                    if item.type == "declaration":
                        tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
                        if tokens:
                            own[item.lower_name] = tokens
    return found


def _length(tokens: list[Any] | None, em: float, fallback: float) -> float:
    """The first token as points (em: `em` pt), else `fallback`."""
    token = tokens[0] if tokens else None
    if token is None:
        return fallback
    if token.type == "dimension" and token.lower_unit == "em":
        return float(token.value) * em
    if token.type == "dimension" and token.lower_unit in MM:
        return float(token.value) * MM[token.lower_unit] * 72 / 25.4
    if token.type == "number" and token.value == 0:
        return 0.0
    return fallback


def geometry(sheets: tuple[str, ...]) -> Geometry:
    """The right-hand page of the book's stylesheets (`@page` and `@page :right`), its bleed and
    the root type size."""
    rules = _declarations(sheets)
    base, right = rules.get("@page", {}), rules.get("@page :right", {})
    size = _page_size(base["size"]) if "size" in base else (148.0, 210.0)
    width_mm, height_mm = size if isinstance(size, tuple) else (148.0, 210.0)
    sides = dict.fromkeys(("top", "right", "bottom", "left"), 0.0)
    for rule in (base, right):
        if "margin" in rule:
            sides.update({s: v for s, v in zip(sides, _margins(rule["margin"])) if v is not None})
        for side in sides:
            value = _margins(rule[f"margin-{side}"])[0] if f"margin-{side}" in rule else None
            if value is not None:
                sides[side] = value
    pt = 72 / 25.4
    root = _length(rules.get("html", {}).get("font-size"), 16 * 0.75, 12.0)
    bleed = _length(base.get("bleed"), root, 0.0)
    left_page = rules.get("@page :left", {})
    measure = width_mm * pt - (_length(left_page.get("margin-left"), root, sides["right"] * pt)
                               + _length(left_page.get("margin-right"), root, sides["left"] * pt))
    return Geometry(width_mm * pt, height_mm * pt, sides["top"] * pt, sides["bottom"] * pt, sides["left"] * pt,
                    sides["right"] * pt, bleed, root, measure)


def spaces(sheets: tuple[str, ...], root: float) -> dict[str, float]:
    """`SPACES` in points."""
    rules = _declarations(sheets)
    out = {}
    for name, (selector, prop, fallback, size) in SPACES.items():
        em = root * size
        out[name] = _length(rules.get(selector, {}).get(prop), em, fallback * em)
    return out


def rows(sheets: tuple[str, ...], roles: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    """role → (pt above each line, pinyin row, Han row as line-heights): `.set-ROLE .ln/.hz`."""
    rules = _declarations(sheets)
    out = {}
    for role in roles:
        line, han = rules.get(f".set-{role} .ln", {}), rules.get(f".set-{role} .hz", {})
        pad = _length(line.get("padding-top"), 10.0, ROWS_DEFAULT[0])
        out[role] = (pad, _ratio(line.get("line-height"), ROWS_DEFAULT[1]), _ratio(han.get("line-height"), ROWS_DEFAULT[2]))
    return out


def _ratio(tokens: list[Any] | None, fallback: float) -> float:
    return float(tokens[0].value) if tokens and tokens[0].type == "number" else fallback


# -- the text ----------------------------------------------------------------------------------

class TypstText:
    """Sets blocks as Typst, from the learner edition's own runs, readings and line layout
    (`learner`: a `pinyinhtml.LearnerText`), each block cached by content."""

    def __init__(self, learner: Any, sheets: tuple[str, ...]) -> None:
        from pipeline.renderers.pinyinhtml import ROLES

        self.learner = learner
        self.rows = rows(sheets, tuple(ROLES))

    def paragraph(self, paragraph: Paragraph) -> str:
        return self.block(*self.learner.paragraph_runs(paragraph))

    def phrase(self, value: str, role: str) -> str:
        return self.block([(value, "", True, None, None)], role)

    def label(self, value: str, colon: str = "：") -> str:
        return self.block([(value, "", True, None, None), (colon, "", False, None, None)], "label")

    def block(self, runs: list[Any], role: str, depth: int = 0) -> str:
        from pipeline.renderers.pinyinhtml import DEPTH_STEP, _layout_digest

        learner = self.learner
        style = learner.styles[role] if not depth else learner.kind.style(role, depth)
        words = [(text, css, learner.words(text) if chinese else [(text, None)], href, lang)
                 for text, css, chinese, href, lang in runs]
        digest = key("learner-typst-block", _layout_digest(), _code(), role, depth, repr(style), words, self.rows[role])
        stored = learner.cache.get(BLOCKS, digest)
        if stored is not None:
            return json.loads(stored)
        lines = break_lines(glyphs(words, style), style)
        inset = (style.edge + depth * DEPTH_STEP * learner.kind.sizes["text"]) / PX
        markup = block_markup(lines, style, self.rows[role], inset)
        learner.cache.put(BLOCKS, digest, json.dumps(markup).encode())
        return markup


@lru_cache(maxsize=1)
def _code() -> str:
    here = Path(__file__).resolve().parent
    return key("typst-body", *(here.joinpath(name).read_bytes() for name in ("typstbody.py", "typstlines.py", "typstpdf.py")))


# -- a part ------------------------------------------------------------------------------------

def sets(part: BookPart) -> bool:
    """Whether this is a chapter of the source's body (not a generated chapter, the name index or
    the references)."""
    return part.chapter is None and not part.index and bool(part.sections) and all(
        section.kind in ("article", "question", "closing", "note") for section in part.sections)


def anchor(target: str) -> str:
    return f"#a({quoted(ANCHOR + target.encode('utf-8').hex())})\n"


def bookmark(title: str) -> str:
    return f"#a({quoted(title)})\n"


class PartWriter:
    """A body part as one Typst document."""

    def __init__(self, doc: Document, text: TypstText, sheets: tuple[str, ...]) -> None:
        self.doc = doc
        self.text = text
        self.sheets = sheets
        self.page = geometry(sheets)
        self.space = spaces(sheets, self.page.root)
        self.language = doc.meta.language
        self.first_note = next((s.id for s in doc.sections if s.kind == "note"), None)

    def sets(self, part: BookPart) -> bool:
        """Whether Typst sets this part: a body chapter, or the vocabulary (`typstchapters`)."""
        from pipeline.renderers.pinyinhtml import VOCABULARY_ID

        return sets(part) or (part.chapter is not None and part.chapter.id == VOCABULARY_ID
                              and self.text.learner.vocabulary is not None)

    def opener_top(self) -> float:
        """The space above a chapter's opener (`.opener { padding-top: 14% }`, of the measure)."""
        return OPENER_TOP[2] * self.page.measure

    def markup(self, part: BookPart) -> str:
        if part.chapter is not None:
            from pipeline.renderers.typstchapters import vocabulary_markup

            return vocabulary_markup(self, part, *self.text.learner.vocabulary)
        marks = {target: (bookmark(title if kind == "note" else spaced(title)), kind) for target, title, kind in part.toc}
        out = [self.page.preamble(self.doc)]
        questions = part.questions_before
        for index, section in enumerate(part.sections):
            here = anchor(section.id) + (anchor(part.id) if index == 0 and part.id != section.id else "")
            here += marks[section.id][0] if section.id in marks else ""
            if section.kind == "article":
                out.append(self._article(section, here))
            elif section.kind in ("question", "closing"):
                questions += section.kind == "question"
                out.append(self._chapter(section, here, questions, flows=index > 0))
            elif section.kind == "note":
                out.append(self._note(section, here))
        return "".join(out)

    def _v(self, name: str, weak: bool = False) -> str:
        return f"#v({n(self.space[name])}pt{', weak: true' if weak else ''})\n"

    def _sticky(self, body: str) -> str:
        return f"#block(sticky: true, breakable: false)[{body}]\n"

    def _paragraphs(self, paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> str:
        out = []
        for paragraph in paragraphs:
            if paragraph.heading:
                out.append(self._v("subhead_above", weak=True) + self._sticky(self.text.paragraph(paragraph)))
            else:
                out.append(self.text.paragraph(paragraph))
        return "".join(out)

    def _article(self, section: Section, here: str) -> str:
        meta = self.doc.meta
        opener = as_heading(self.text.phrase(meta.title, title_size(meta.title)[1]), 1)
        if meta.subtitle:
            opener += self._v("dek_above") + self.text.phrase(meta.subtitle, "dek")
        size = self.space["byline_size"]
        byline = "　".join(meta.authors)
        opener += (self._v("byline_above") + f"#block(height: {n(size * LINE_HEIGHT)}pt)[#set align(horizon);#par[#text("
                   f"font: ({quoted(SANS)}, {quoted(LAST_RESORT)}), size: {n(size)}pt, {_edges(font_path('sans'))}, "
                   f"fill: rgb({quoted(INK['byline'])}), {quoted(byline)})]]\n")
        # (the anchor above the opener's space: WeasyPrint's destination is the chapter's top)
        return (here + f"#v({n(OPENER_TOP[2] * self.page.measure)}pt)\n" + self._sticky(opener) + self._v("opener_below")
                + self._paragraphs(section.paragraphs))

    def _chapter(self, section: Section, here: str, number: int, flows: bool) -> str:
        s = self.space
        opener = ""
        if section.kind == "question":
            # (generated text, as WeasyPrint's ::before: an artifact, not the reader's text)
            # (`line-height: 1`: the face's frame centred in a line as high as the number's size)
            opener += (f"#block(height: {n(s['number_size'])}pt)[#set align(horizon);#pdf.artifact[#text(font: ({quoted(SANS)}, "
                       f"{quoted(LAST_RESORT)}), size: {n(s['number_size'])}pt, {_edges(font_path('sans'))}, "
                       f"fill: rgb({quoted(INK['mark'])}), {quoted(f'{number:02d}')})]]\n" + self._v("number_below"))
        else:
            opener += (_rule(f"{n(s['rule_width'])}pt", RULES["closing"])
                       + self._v("rule_below"))
        opener += as_heading(self.text.phrase(section.title or "", "heading"), 2)
        # (a chapter opening a page: its anchor above the opener's space, at the chapter's top)
        top = self._v("flows_above", weak=True) if flows else here + f"#v({n(OPENER_TOP[2] * self.page.measure)}pt)\n"
        out = [top + self._sticky((here if flows else "") + opener) + self._v("flows_opener_below" if flows else "opener_below")]
        colon = interface("label", self.language)["colon"]
        for index, answer in enumerate(section.answers):
            label = self.text.label(label_text(answer, self.language), colon) + self._v("speaker_below")
            # (the answer's top margin inside its kept block: it goes with the answer to the page the
            # answer opens, where WeasyPrint keeps it, rather than ending the page before)
            out.append(self._sticky((self._v("answer_above") if index else "") + anchor(answer.id) + label)
                       + self._paragraphs(answer.paragraphs))
        return "".join(out)

    def _note(self, section: Section, here: str) -> str:
        s = self.space
        head = ""
        if section.id == self.first_note:
            size = self.page.root
            head = (f"#block(height: {n(size * LINE_HEIGHT)}pt)[#set align(horizon);#heading(level: 3, outlined: false, "
                    f"bookmarked: false)[#text(font: ({quoted(SANS)}, {quoted(LAST_RESORT)}), size: {n(size)}pt, "
                    f"{_edges(font_path('sans'))}, fill: rgb({quoted(INK['note'])}), {quoted(interface('pdf', self.language)['note'])})]]\n"
                    + self._v("note_title_below"))
        body = (_rule("100%", RULES["note"]) + self._v("note_pad") + head
                + self._paragraphs(section.paragraphs))
        lines = sum(-(-len(p.text) // 20) for p in section.paragraphs)
        kept = lines <= NOTE_KEPT_LINES
        body = here + body
        return self._v("note_above", weak=True) + (f"#block(breakable: false)[{body}]\n" if kept else body)
