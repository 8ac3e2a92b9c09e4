"""The learner PDF's text: every paragraph, heading and speaker label set with pinyin over each
character (`pinyinlayout`, `pinyinrows`), and the vocabulary chapter (words above the chosen
HSK level). Set blocks are cached by content, so a rebuild sets only what changed.

Readings come from the pinyin pass (`pipeline.passes.pinyin`): the source's pronunciation
table wins, then the speakers' and authors' names, then context. Readings and the vocabulary
go through the build cache, so a rebuild annotates only the texts that changed. Sizes come from
`styles/pdf-learner.css` and the measure from the paper stylesheet, so that the lines set here
and the rows WeasyPrint draws agree.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import fonts
from pipeline.cache import Cache, key
from pipeline.fonts import font_path
from pipeline.model import Document, Paragraph
from pipeline.renderers import pinyinfont
from pipeline.renderers.htmltext import MAX_DEPTH, linked_addresses, text
from pipeline.renderers.pagegeometry import custom_lengths, custom_ratios, measure
from pipeline.furniture import read_in_pinyin, words
from pipeline.renderers.pdfbook import Chapter, Setter, link_note
from pipeline.renderers.pinyinglyphs import PX, Face, Style, glyphs
from pipeline.renderers.pinyinlayout import break_lines
from pipeline.renderers.pinyinrows import TabStops, block_html
from pipeline.syllables import toneless_syllables

LEARNER_CSS = "pdf-learner.css"
EDITION = "拼音学习版"  # on the title page
VOCABULARY_ID = "_vocabulary"  # ("_": no chapter {#id} can take it)
WORDS = {
    "vocabulary": "生词表",
    "intro": "以下是本书中 HSK {level} 级以上的词语，按在书中首次出现的顺序排列。",
}
ROLES = {  # role → (size name in the CSS, pinyin size name, face, indent in ems, justified)
    "text": ("text", "pinyin", "serif", 2.0, True),
    "quote": ("text", "pinyin", "sans", 2.0, True),  # a block quote: set apart by its face, at the text's measure
    "subhead": ("text", "pinyin", "sans", 0.0, False),  # a subheading of the article ('### …')
    "title": ("title", "title-pinyin", "sans", 0.0, False),
    "heading": ("heading", "heading-pinyin", "sans", 0.0, False),
    "dek": ("dek", "dek-pinyin", "serif", 0.0, False),
    "label": ("label", "label-pinyin", "sans", 0.0, False),
}

Words = list[tuple[str, tuple[str, ...] | None]]
Run = tuple[str, str, bool, str | None, str | None]  # text, css class, Chinese (read in pinyin)?, link href, lang
BLOCKS = "learner-blocks"  # cache namespace of set blocks
LAYOUT_MODULES = ("pinyinhtml", "pinyinglyphs", "pinyinlayout", "pinyinrows", "pinyinfont", "wordshape", "cjktype")


@lru_cache(maxsize=1)
def _layout_digest() -> str:
    """The code that sets a block, and the fonts it measures, for cache keys."""
    here = Path(__file__).resolve().parent
    return key("learner-layout", *(here.joinpath(f"{name}.py").read_bytes() for name in LAYOUT_MODULES),
               fonts.digest("serif"), fonts.digest("sans"))


@dataclass(frozen=True)
class LearnerType:
    """The learner's sizes (px), measure (px) and word shape, read from the stylesheets.
    `condense` overrides the stylesheet's (1.0: widen the pitch only), for comparing the two."""

    sizes: dict[str, float]
    measure: float
    condense: float = 1.0

    @classmethod
    def read(cls, styles_dir: Path, paper_css: Path, condense: float | None = None) -> LearnerType:
        css = styles_dir / LEARNER_CSS
        sizes = {name: points * PX for name, points in custom_lengths(css, "learner").items()}
        ratio = custom_ratios(css, "learner").get("condense", 1.0) if condense is None else condense
        return cls(sizes, measure(paper_css) * PX, ratio)

    def style(self, role: str, depth: int = 0) -> Style:
        """The style of a role; `depth`: the lists and quotes a paragraph sits in beyond the first,
        each a step (`DEPTH_STEP` ems) further in, as print and the EPUBs set them."""
        size, pinyin, face, indent, justify = ROLES[role]
        other = "sans" if face == "serif" else "serif"
        text_face = Face(font_path(face), self.sizes[size])  # type: ignore[arg-type]
        pinyin_face = Face(font_path("sans"), self.sizes[pinyin])  # type: ignore[arg-type]
        em = self.sizes[size] / self.sizes["text"]  # word spaces scale with the type
        edge = max(0.0, (widest_syllable(pinyin_face) * self.condense - self.sizes[size]) / 2)
        return Style(text=text_face, other=Face(font_path(other), self.sizes[size]),  # type: ignore[arg-type]
                     pinyin=pinyin_face, gap=self.sizes["gap"], edge=edge,
                     measure=self.measure - 2 * edge - depth * DEPTH_STEP * self.sizes["text"],
                     indent=indent * self.sizes[size], justify=justify,
                     word_space=self.sizes["word-space"] * em, word_space_min=self.sizes["word-space-min"] * em,
                     word_space_max=self.sizes["word-space-max"] * em,
                     condense=self.condense)


DEPTH_STEP = 2.0  # ems of running text a nested list or quote is set further in (print: `.depth-N`)


@lru_cache(maxsize=16)
def widest_syllable(face: Face) -> float:
    """The px of the widest syllable Mandarin has, with any tone mark, in `face`: how far past its
    character a syllable may reach, so how much room a line keeps at its ends (`Style.edge`)."""
    return max(face.width(marked) for syllable in toneless_syllables() for marked in _tones(syllable))


def _tones(syllable: str) -> list[str]:
    """'zhuang' → zhuāng, zhuáng, zhuǎng, zhuàng: the mark on a or e, on the o of ou, else on the last vowel."""
    vowels = [i for i, c in enumerate(syllable) if c in "aeiouüê"]
    if not vowels:
        return [syllable]
    at = next((i for i in vowels if syllable[i] in "ae"), None)
    at = syllable.find("ou") if at is None and "ou" in syllable else vowels[-1] if at is None else at
    return [syllable] + [unicodedata.normalize("NFC", syllable[:at + 1] + mark + syllable[at + 1:])
                         for mark in "\u0304\u0301\u030c\u0300"]


@dataclass
class Used:
    """What set text needs besides its HTML: the condensed pinyin faces (steps) it uses and the
    tab stops of its rows."""

    faces: set[float] = field(default_factory=set)
    stops: TabStops = field(default_factory=TabStops)


def _span_css(style: str) -> str:
    return {"aside": "aside", "em": "em", "strong": "em"}.get(style, "")


class LearnerText:
    """Annotates and sets the text of one document."""

    def __init__(self, doc: Document, kind: LearnerType, tone_sandhi: bool = False, cache: Cache | None = None,
                 exact_tabs: bool = False) -> None:
        from pipeline.passes.pinyin import CachedAnnotator

        names = [s.name for s in doc.speakers] + list(doc.meta.authors)
        self.cache = cache if cache is not None else Cache(None)
        self.annotator = CachedAnnotator(self.cache, names=names, overrides=doc.pronunciation_table,
                                         tone_sandhi=tone_sandhi)
        self.tone_sandhi = tone_sandhi
        self.link_note = link_note(doc.meta.language)
        self._memo: dict[str, tuple] = {}
        self.kind = kind
        self.styles = {role: kind.style(role) for role in ROLES}
        self.overhang = kind.sizes["overhang"]
        self.exact_tabs = exact_tabs  # rows set with their own tab stops (`pinyinrows.TabStops`)
        self.used = Used()  # what the text set so far needs besides its HTML
        self.vocabulary: tuple[str, list[tuple[str, str, str, str]]] | None = None  # (`vocabulary_chapter`)

    def tokens(self, value: str) -> tuple:
        if value not in self._memo:
            self._memo[value] = self.annotator.annotate(value)
        return self._memo[value]

    def words(self, value: str) -> Words:
        return [(token.text, token.pinyin) for token in self.tokens(value)]

    def paragraph(self, paragraph: Paragraph) -> str:
        return self._block(*self.paragraph_runs(paragraph))

    def paragraph_runs(self, paragraph: Paragraph) -> tuple[list[Run], str, int]:
        """A paragraph as the runs a block is set from, its role and depth (the Typst body,
        `typstbody`, sets the same runs)."""
        runs: list[Run] = []
        if paragraph.marker:
            runs.append((paragraph.marker, "", False, None, None))
        for span in paragraph.spans:
            runs.append((span.text, _span_css(span.style), span.lang is None or read_in_pinyin(span.lang), span.href,
                         span.lang))
        if found := linked_addresses(paragraph):  # paper: the addresses follow, as in print (and link too)
            runs.append((self.link_note[0], "", True, None, None))
            for n, (written, address, href) in enumerate(found):
                runs += [(written, "", True, None, None), (f" {address}", "", False, href, None),
                         (self.link_note[1] if n + 1 < len(found) else "", "", False, None, None)]
            runs.append((self.link_note[2], "", False, None, None))
        return runs, "subhead" if paragraph.heading else "quote" if paragraph.quote else "text", min(paragraph.depth, MAX_DEPTH)

    def phrase(self, value: str, role: str) -> str:
        return self._block([(value, "", True, None, None)], role)

    def label(self, value: str, colon: str = "：") -> str:
        return self._block([(value, "", True, None, None), (colon, "", False, None, None)], "label")

    def _block(self, runs: list[Run], role: str, depth: int = 0) -> str:
        """A block of text set in lines, from the cache when the same words with the same
        readings were set before in the same style by the same code: an edit sets only the
        paragraphs it changed. A nested list's or quote's (`depth`) lines are set on a measure
        that much narrower, and start that much further in (before, every level was set at the
        measure, so an inner list's （1）（2） read as the outer one's)."""
        style = self.styles[role] if not depth else self.kind.style(role, depth)
        start = self.overhang + style.edge + depth * DEPTH_STEP * self.kind.sizes["text"]
        words = [(text, css, self.words(text) if chinese else [(text, None)], href, lang)
                 for text, css, chinese, href, lang in runs]
        digest = key("learner-block", _layout_digest(), role, depth, repr(style), words, self.exact_tabs)
        stored = self.cache.get(BLOCKS, digest)
        if stored is not None:
            found = json.loads(stored)
            self.used.faces.update(found["condensed"])
            self.used.stops.add({row: {text: tuple(stops) for text, stops in runs.items()}
                                 for row, runs in found["stops"].items()})
            return found["html"]
        lines = break_lines(glyphs(words, style), style)
        condensed = sorted({step for line in lines for step in map(pinyinfont.step, line.scales) if step})
        stops = TabStops() if self.exact_tabs else None
        html = f'<span class="set set-{role}">{block_html(lines, start, style.pinyin.size_px, stops)}</span>'
        self.used.faces.update(condensed)
        self.used.stops.add(stops or TabStops())
        self.cache.put(BLOCKS, digest, json.dumps({"html": html, "condensed": condensed,
                                                   "stops": stops.rows if stops else {}}).encode())
        return html

    @contextmanager
    def collecting(self) -> Iterator[Used]:
        """What the text set inside the context needs (condensed faces, tab stops): a part of
        the book laid out alone declares only its own."""
        before, self.used = self.used, Used()
        try:
            yield self.used
        finally:
            before.faces.update(self.used.faces)
            before.stops.add(self.used.stops)
            self.used = before

    def face_files(self, steps: set[float]) -> tuple[tuple[str, str, bytes], ...]:
        """(font family, CSS class, font file) of condensed faces."""
        faces = [pinyinfont.condensed_face(step, self.cache) for step in sorted(steps)]
        return tuple((face.family, face.css_class, face.path.read_bytes()) for face in faces)

    def settings(self) -> dict[str, object]:
        """What changes the text set here besides the document and the code: for cache keys."""
        return {"tone_sandhi": self.tone_sandhi, "condense": self.kind.condense}

    def setter(self) -> Setter:
        return Setter(paragraph=self.paragraph, phrase=self.phrase, label=self.label)

    def vocabulary_chapter(self, doc: Document, level: int) -> Chapter:
        from pipeline.passes.vocabulary import cached_vocabulary_of

        # Paragraph by paragraph, so that an edit looks up only its paragraph's words.
        groups = [[token for span in paragraph.spans if span.lang is None or read_in_pinyin(span.lang)
                   for token in self.tokens(span.text)] for paragraph in doc.paragraphs()]
        entries = []
        rows = []  # (word, pinyin, level shown, gloss): what the Typst layout sets (`typstbody`)
        for entry in cached_vocabulary_of(self.cache, groups, level):
            shown = "—" if entry.hsk_level is None else ("7–9" if entry.hsk_level >= 7 else str(entry.hsk_level))
            rows.append((entry.word, entry.pinyin, shown, entry.gloss))
            # Few elements on purpose: each span costs WeasyPrint about half a millisecond a page.
            entries.append(
                f'<p class="vocab-entry"><span class="vocab-word">{text(entry.word)}</span> '
                f'<span class="vocab-pinyin">{text(entry.pinyin)}</span> HSK {shown} · {text(entry.gloss)}</p>')
        w = words(WORDS, doc.meta.language)  # (in the title's script: pipeline/furniture.py)
        self.vocabulary = (w["intro"].format(level=level), rows)
        body = f'<p class="vocab-intro">{text(w["intro"].format(level=level))}</p>' + "\n".join(entries)
        return Chapter(VOCABULARY_ID, w["vocabulary"], body, "vocabulary")


def learner_text(doc: Document, styles_dir: Path, paper_css: Path, tone_sandhi: bool,
                 cache: Cache | None = None, condense: float | None = None, exact_tabs: bool = False) -> LearnerText:
    return LearnerText(doc, LearnerType.read(styles_dir, paper_css, condense), tone_sandhi, cache, exact_tabs)


def vocabulary_credits() -> str:
    from pipeline.passes.vocabulary import CREDITS

    return CREDITS
