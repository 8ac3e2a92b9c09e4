"""What the learner EPUB adds to the pages: pinyin over every Han character, a vocabulary list
after each chapter, and the credits of the pinyin and dictionary data.

The pinyin comes from the pinyin pass (`pipeline/passes/pinyin.py`), as one `PinyinAnnotator`
per title (speakers' and authors' names read as names, the source's pronunciation table
obeyed); the vocabulary from `pipeline/passes/vocabulary.py`. Both go through the build cache,
so a rebuild annotates only the texts that changed, and loads jieba and CC-CEDICT only if it must.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.cache import Cache
from pipeline.fonts import font_path
from pipeline.furniture import read_in_pinyin, word
from pipeline.model import Document, Section
from pipeline.renderers.epubpages import Edition, section_title
from pipeline.renderers.htmltext import text
from pipeline.renderers.pagegeometry import declared_ems
from pipeline.renderers.ruby import Reading, RubyStyle, ruby_html

BAND = 7  # the vocabulary pass carries HSK 7–9 as one level, 7
# Word shapes (`ruby.RubyStyle`): the least space between two syllables and the narrowest a
# syllable is condensed, as in the learner PDF; the syllables' size and the word space are the
# stylesheet's (`rt { font-size }`, `.w { margin-right }`).
SYLLABLE_GAP = 0.1  # em of the base text
CONDENSE = 0.8
VOCABULARY_TITLE = "生词（HSK {level}级以上）"
HSK_LABEL = {None: "HSK 大纲外", 7: "HSK 7–9"}
PINYIN_CREDIT = "拼音由 pypinyin（MIT 许可）注出，jieba（MIT 许可）分词，人名、多音字按本书读音表与项目词表校订，按词分组。"
TONES = {False: "声调符号标本调（一、不不变调）。", True: "一、不按实际读音标变调。"}
SUMMARY = ("本书为汉语学习版：每个汉字上方以拼音注音（声调符号，按词分组），"
           "每章之后附 HSK {level} 级以上生词表（拼音与英文释义）。")


@dataclass(frozen=True)
class LearnerOptions:
    level: int = 4
    tone_sandhi: bool = False


def ruby_style(learner_css: Path) -> RubyStyle:
    """The learner EPUB's word-shape sizes, from its stylesheet."""
    return RubyStyle(pinyin_font=font_path("sans"), size=declared_ems(learner_css, "rt", "font-size"),
                     gap=SYLLABLE_GAP, word_space=declared_ems(learner_css, ".w", "margin-right"), condense=CONDENSE)


def above_level(level: int) -> Callable[[Reading], bool]:
    """Which words a reader at HSK `level` wants pinyin for, when only those: names, words
    above the level, and words beyond the lists unless words at or below the level make them
    up (越来越低 = 越来越 + 低)."""
    from pipeline.passes.vocabulary import hsk_level

    def new(token: Reading) -> bool:
        if getattr(token, "source", "") == "name":
            return True
        word, start = token.text, 0
        while start < len(word):
            for end in range(len(word), start, -1):
                found = hsk_level(word[start:end])
                if found is not None:
                    break
            else:
                return True  # a character no list has
            if found > level:
                return True
            start = end
        return False

    return new


class Annotations:
    """The title's annotator, and each text's tokens computed once per build."""

    def __init__(self, doc: Document, options: LearnerOptions, cache: Cache | None = None,
                 style: RubyStyle | None = None) -> None:
        from pipeline.passes.pinyin import CachedAnnotator

        names = [speaker.name for speaker in doc.speakers] + list(doc.meta.authors)
        self.cache = cache if cache is not None else Cache(None)
        self.annotator = CachedAnnotator(self.cache, names=names, overrides=doc.pronunciation_table,
                                         tone_sandhi=options.tone_sandhi)
        self._memo: dict[str, tuple] = {}
        self._words: dict[tuple[str, tuple[str, ...]], str] = {}  # each word's ruby in `style` (`ruby_html`)
        self.style = style
        self.new = above_level(options.level)
        # the texts of spans marked a language pinyin does not spell (`[火加減]{lang=ja}`, `{lang=yue}`):
        # set as written, as the learner PDF sets them, and no word of the vocabulary (before, 火加減
        # had Mandarin pinyin over it, huǒ jiā jiǎn, and 焦らないで's 焦 was a new word, jiāo)
        self.foreign = {span.text for paragraph in doc.paragraphs() for span in paragraph.spans
                        if span.lang and not read_in_pinyin(span.lang)}

    def tokens(self, value: str) -> tuple:
        if value not in self._memo:
            tokens = self.annotator.annotate(value)
            if value in self.foreign:
                tokens = tuple(replace(token, pinyin=None) for token in tokens)
            self._memo[value] = tokens
        return self._memo[value]

    def typeset(self, value: str, before: str = "", after: str = "") -> str:
        return ruby_html(self.tokens(value), self.style, self.new, self._words)


def chapter_texts(doc: Document, section: Section) -> Iterator[str]:
    """The texts of a chapter, as its page shows them (speakers' names aside)."""
    yield section_title(doc, section)
    for paragraph in section.paragraphs:
        yield from (span.text for span in paragraph.spans)
    for answer in section.answers:
        if answer.shown_role:
            yield answer.shown_role
        for paragraph in answer.paragraphs:
            yield from (span.text for span in paragraph.spans)


def chapter_vocabulary(doc: Document, notes: Annotations, level: int) -> dict[str, list]:
    """Section id → the vocabulary entries first met in that chapter, in reading order.

    The pass is given the chapter's tokens, so each word's pinyin is the one read in the text
    (and the one shown over it); a word listed after one chapter is not listed again."""
    from pipeline.passes.vocabulary import cached_vocabularies

    sections = [section for section in doc.sections if section.kind in ("article", "question", "closing")]
    tokens = [[token for value in chapter_texts(doc, section) for token in notes.tokens(value)] for section in sections]
    listed: set[str] = set()
    result: dict[str, list] = {}
    # (the chapters' lists together: CC-CEDICT read once for all the chapters not in the cache)
    for section, found in zip(sections, cached_vocabularies(notes.cache, tokens, min(level, BAND))):
        entries = [entry for entry in found if entry.word not in listed]
        listed.update(entry.word for entry in entries)
        result[section.id] = entries
    return result


def vocabulary_html(entries: Iterable, level: int, typeset, language: str = "zh-Hans") -> str:
    """A glossary section: word, pinyin, HSK level, gloss; "" when there is nothing to list."""
    rows = []
    for entry in entries:
        pinyin = entry.pinyin if isinstance(entry.pinyin, str) else " ".join(entry.pinyin)
        hsk = word(HSK_LABEL.get(entry.hsk_level, f"HSK {entry.hsk_level}"), language)
        gloss = f'<span class="gloss" lang="en" xml:lang="en">{text(entry.gloss)}</span>' if entry.gloss else ""
        rows.append(f'<dt epub:type="glossterm">{text(entry.word)}</dt>\n'
                    f'<dd epub:type="glossdef"><span class="pinyin" lang="zh-Latn-pinyin" xml:lang="zh-Latn-pinyin">'
                    f'{text(pinyin)}</span><span class="hsk">{text(hsk)}</span>{gloss}</dd>')
    if not rows:
        return ""
    title = typeset(word(VOCABULARY_TITLE, language).format(level=level), "", "")
    return ('<section class="vocabulary" epub:type="glossary" role="doc-glossary" aria-labelledby="vocabulary">\n'
            f'<h2 id="vocabulary">{title}</h2>\n<dl>\n' + "\n".join(rows) + "\n</dl>\n</section>")


def learner_edition(doc: Document, options: LearnerOptions, stylesheets: tuple[str, ...], cover_alt: str,
                    cache: Cache | None = None, style: RubyStyle | None = None,
                    scripts: tuple[str, ...] = ()) -> Edition:
    from pipeline.passes.vocabulary import CREDITS

    notes = Annotations(doc, options, cache, style)
    lists = chapter_vocabulary(doc, notes, options.level)

    lang = doc.meta.language

    def appendix(section: Section) -> str:
        return vocabulary_html(lists.get(section.id, ()), options.level, notes.typeset, lang)

    credits = (("注音", word(PINYIN_CREDIT, lang) + word(TONES[options.tone_sandhi], lang)), ("生词表", CREDITS))
    return Edition(stylesheets=stylesheets, typeset=notes.typeset, appendix=appendix, cover_alt=cover_alt,
                   colophon=credits, scripts=scripts)


def summary(options: LearnerOptions, language: str = "zh-Hans") -> str:
    return word(SUMMARY, language).format(level=options.level)

