"""The printed book as one HTML document for WeasyPrint: front matter, contents, chapters,
name index and references, in the order a reader meets them.

The structure is the same for every PDF edition; what differs (how running text is set, the
learner's vocabulary) comes in as a `Setter` and as extra chapters. Layout, faces, running heads
and page numbers are all in the stylesheets (`styles/pdf*.css`), which key on the classes and
data attributes written here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Template

from pipeline.furniture import chinese_interface, interface, joined
from pipeline.model import Answer, Document, Paragraph, Reference, Section, Speaker
from pipeline.renderers.cjktype import print_typeset, spaced
from pipeline.renderers.epubpages import label_text
from pipeline.renderers.htmltext import attr, block_class, inline_html, is_its_address, lang_attrs, linked, shown_address, text

# Text the edition adds around the author's (headings of generated chapters, the imprint's rows,
# the title page's byline): the `pdf` group of data/interface-words.toml, in the title's language.
WORDS = chinese_interface("pdf")
# A title set as large as its page holds it: (most ems of title, class on the half-title, the
# title page and the article's opener, which pdf.css sizes; the learner PDF's style for the
# opener's pinyin lines, pdf-learner.css). An em is a Han character's width, a Latin letter or
# a digit about half of one. A title past about 600 characters spills over (check warns past 400: W413).
TITLE_SIZES: tuple[tuple[float, str, str], ...] = (
    (22, "title-short", "title"), (48, "title-long", "title"), (110, "title-longer", "heading"),
    (240, "title-longest", "dek"), (float("inf"), "title-huge", "dek"),
)
INDEX_ID = "_name-index"  # ("_": no chapter {#id} can take it)
FONT_CREDIT = WORDS["font_credit"]


@dataclass(frozen=True)
class Setter:
    """How an edition sets the author's text, as escaped HTML for inside a block: a paragraph's
    content, a phrase in a given role ("title", "dek", "heading") and a speaker's label with
    its colon."""

    paragraph: Callable[[Paragraph], str]
    phrase: Callable[[str, str], str]
    label: Callable[[str, str], str]  # (the label in the title's order, the colon of its language)


def link_note(language: str) -> tuple[str, str, str]:
    """The words around a paragraph's link addresses on paper, in the title's language and script
    (`link_open`, `link_between`, `link_close`): both PDFs print them."""
    w = interface("pdf", language)
    return w["link_open"], w["link_between"], w["link_close"]


def print_setter(language: str) -> Setter:
    """The print book's Setter for a title in `language` (the words it adds, the links' note, in it)."""
    note = link_note(language)
    return Setter(
        paragraph=lambda p: inline_html(p, xhtml=False, typeset=print_typeset, show_addresses=True, link_note=note),
        phrase=lambda text, role: print_typeset(text),
        label=lambda value, colon: f'{print_typeset(value)}<span class="colon">{text(colon)}</span>',
    )


PRINT = print_setter("zh-Hans")


@dataclass(frozen=True)
class Chapter:
    """A generated chapter (the learner's vocabulary): id, title and body HTML."""

    id: str
    title: str
    body: str
    css_class: str = ""


def chinese_date(doc: Document) -> str:
    """The first-run date as the imprint prints it, in the title's language."""
    return interface("pdf", doc.meta.language)["day"].format(d=doc.meta.date)


@dataclass(frozen=True)
class BookPart:
    """A top-level piece of the book after the front matter, opening a page: the article, a
    question (with the short ones that flow on after it, `flows_on`), the closing chapter, a
    generated chapter (the learner's vocabulary), the name index or the references, with the
    editor's notes that follow it. The learner PDF lays out
    each as a document of its own (`pdfparts`); the print PDF joins them into one."""

    id: str
    running: str  # the running head of its pages
    sections: tuple[Section, ...] = ()  # the source's sections it sets (notes included)
    chapter: Chapter | None = None  # a generated chapter
    index: bool = False  # the name index
    toc: tuple[tuple[str, str, str], ...] = ()  # (id, title, kind) entries it adds to the contents
    questions_before: int = 0  # question chapters before it (their numbers continue)

    def anchors(self, doc: Document) -> tuple[str, ...]:
        """The ids a link may point to inside it."""
        ids = [self.id] + [section.id for section in self.sections]
        ids += [answer.id for section in self.sections for answer in section.answers]
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class BookPlan:
    """The book after its front matter, as parts; notes standing before the first part are
    set with the front matter, where the one-document book has them (after the contents)."""

    leading_notes: tuple[Section, ...]
    parts: tuple[BookPart, ...]

    @property
    def toc(self) -> list[tuple[str, str, str]]:
        return [entry for part in self.parts for entry in part.toc]


def book_plan(doc: Document, extra_chapters: Iterable[Chapter] = ()) -> BookPlan:
    """The parts of the book in reading order (the generated chapters and the index come
    before the references)."""
    w = interface("pdf", doc.meta.language)
    meta = doc.meta
    extras = list(extra_chapters)
    leading: list[Section] = []
    parts: list[BookPart] = []
    questions = 0
    index_done = note_seen = False

    def generated() -> None:
        for chapter in extras:
            parts.append(BookPart(chapter.id, chapter.title, chapter=chapter,
                                  toc=((chapter.id, chapter.title, "generated"),), questions_before=questions))
        if doc.has_answers:  # (no name index in a book where nobody speaks)
            parts.append(BookPart(INDEX_ID, w["index"], index=True,
                                  toc=((INDEX_ID, w["index"], "generated"),), questions_before=questions))

    for section in doc.sections:
        if section.kind == "references" and not index_done:
            generated()
            index_done = True
        if section.kind == "note":
            entry = () if note_seen else ((section.id, w["note"], "note"),)
            note_seen = True
            if not parts:
                leading.append(section)
                continue
            last = parts[-1]
            parts[-1] = BookPart(last.id, last.running, last.sections + (section,), last.chapter, last.index,
                                 last.toc + entry, last.questions_before)
            continue
        if section.kind == "article":
            title, running = meta.title, meta.subtitle or meta.title
        else:
            title = running = section.title or ""
        if parts and flows_on(parts[-1], section):
            last = parts[-1]
            parts[-1] = BookPart(last.id, last.running, last.sections + (section,), toc=last.toc + (
                (section.id, title, section.kind),), questions_before=last.questions_before)
        else:
            parts.append(BookPart(section.id, running, (section,), toc=((section.id, title, section.kind),),
                                  questions_before=questions))
        questions += section.kind == "question"
    if not index_done:
        generated()
    return BookPlan(tuple(leading), tuple(parts))


# A question (or the closing chapter) flows on under the question before it, its heading kept
# with its first answer, unless both it and the questions it would join fill about half an A5
# page or more (FLOW_LINES, counted at LINE_CHARACTERS a line, a label a line, a heading three):
# a title of one-line answers was a near-empty page a question. A question of some length still
# opens a page, and is laid out as a part of its own (`pdfparts`: in parallel, cached alone).
FLOW_LINES = 12
LINE_CHARACTERS = 28


def _lines(section: Section) -> int:
    paragraphs = [*section.paragraphs, *(p for a in section.answers for p in a.paragraphs)]
    return 3 + len(section.answers) + sum(-(-len(p.text) // LINE_CHARACTERS) for p in paragraphs)


def flows_on(part: BookPart, section: Section) -> bool:
    """Whether `section` is set on under `part` rather than opening a page (FLOW_LINES)."""
    questions = ("question", "closing")
    if section.kind not in questions or part.chapter is not None or part.index or not part.sections \
            or any(s.kind not in (*questions, "note") for s in part.sections):
        return False
    return _lines(section) < FLOW_LINES or sum(map(_lines, part.sections)) < FLOW_LINES


def part_html(part: BookPart, doc: Document, setter: Setter, pages: Mapping[str, int] | None = None,
              same_page: frozenset[str] = frozenset()) -> str:
    """The HTML of one part; `pages` (id → folio) writes the name index's page numbers out
    instead of leaving them to the layout (a part laid out alone cannot see the others);
    `same_page`: answers the index leaves out (`repeated_pages`)."""
    if part.index:
        return _index(doc, pages, same_page)
    if part.chapter is not None:
        return _generated(part.chapter)
    out = []
    for section in part.sections:
        if section.kind == "article":
            out.append(_article(doc, section, setter))
        elif section.kind in ("question", "closing"):
            out.append(_chapter(section, setter, doc.meta.language, flows=section is not part.sections[0]))
        elif section.kind == "note":
            out.append(_note(section, setter, first=section.id == _first_note_id(doc), language=doc.meta.language))
        elif section.kind == "references":
            out.append(_references(section, setter))
    return "\n".join(out)


def _first_note_id(doc: Document) -> str | None:
    return next((s.id for s in doc.sections if s.kind == "note"), None)


def leading_notes_html(plan: BookPlan, doc: Document, setter: Setter) -> str:
    first = _first_note_id(doc)
    return "\n".join(_note(section, setter, first=section.id == first, language=doc.meta.language)
                     for section in plan.leading_notes)


def toc_html(plan: BookPlan, pages: Mapping[str, int] | None = None) -> str:
    """The contents; with `pages`, each entry carries its folio (`data-page`)."""
    return "\n".join(_toc_entry(section_id, title, kind, pages) for section_id, title, kind in plan.toc)


def book_html(doc: Document, template: Path, setter: Setter = PRINT, fonts_css: str = "",
              extra_chapters: Iterable[Chapter] = (), body_class: str = "print", colophon: str = "",
              edition: str = "", same_page: frozenset[str] = frozenset()) -> str:
    """The whole book as HTML, from the skeleton in `template`; `edition` names a variant on
    the title page, `colophon` adds a credit to the copyright page; the name index leaves out
    the answers in `same_page` (`repeated_pages`)."""
    plan = book_plan(doc, extra_chapters)
    main = [leading_notes_html(plan, doc, setter)] if plan.leading_notes else []
    main += [part_html(part, doc, setter, same_page=same_page) for part in plan.parts]
    return front_html(doc, template.read_text(encoding="utf-8"), plan, "\n".join(main), fonts_css=fonts_css,
                      body_class=body_class, colophon=colophon, edition=edition)


def front_html(doc: Document, template: str, plan: BookPlan, main_html: str, *, fonts_css: str = "",
               body_class: str = "print", colophon: str = "", edition: str = "",
               pages: Mapping[str, int] | None = None) -> str:
    """The skeleton (`template`, its text) filled: front matter and contents (with `pages`,
    folios written out), then `main_html`."""
    w = interface("pdf", doc.meta.language)
    meta = doc.meta
    values = {
        **head_values(doc, fonts_css, body_class),
        "book_attr": attr(spaced(meta.title)),
        "title_size": title_size(meta.title)[0],
        "title_html": print_typeset(meta.title),
        "subtitle_html": f'<p class="book-subtitle">{print_typeset(meta.subtitle)}</p>' if meta.subtitle else "",
        "edition_html": f'<p class="book-edition">{text(edition)}</p>' if edition else "",
        "byline_html": text(w["byline"]).replace("{names}", w["names_joint"].join(print_typeset(a) for a in meta.authors)),
        "outlet_html": print_typeset(meta.outlet),
        "copyright_html": _copyright(doc) + (f'\n<p class="colophon">{text(colophon)}</p>' if colophon else ""),
        "contents": w["contents"],
        "toc_html": toc_html(plan, pages),
        # a one-chapter book (a brief) has no contents page: it listed that one entry, on a
        # page of its own with a blank verso (the PDF's outline still leads to the chapter)
        "toc_hidden": "" if doc.has_contents else " hidden",
        "main_html": main_html,
    }
    return Template(template).substitute(values)


def title_size(title: str) -> tuple[str, str]:
    """The class and the learner style of TITLE_SIZES for a title this long (in ems)."""
    ems = sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55 for char in title)
    return next((name, style) for most, name, style in TITLE_SIZES if ems <= most)


def head_values(doc: Document, fonts_css: str, body_class: str) -> dict[str, str]:
    """What every document of a book shares: language, title, metadata, faces, body class."""
    return {
        "lang": attr(doc.meta.language),
        "title": text(doc.meta.title),
        "head_meta": _head_meta(doc),
        "fonts_css": fonts_css,
        "body_class": attr(body_class),
    }


def _head_meta(doc: Document) -> str:
    meta = doc.meta
    date = meta.date.isoformat()
    lines = [f'<meta name="author" content="{attr(a)}">' for a in meta.authors]
    lines += [
        f'<meta name="description" content="{attr(meta.description)}">',
        f'<meta name="dcterms.created" content="{date}">',
        f'<meta name="dcterms.modified" content="{date}">',
        '<meta name="generator" content="pipeline publish">',
    ]
    return "\n".join(lines)


def _copyright(doc: Document) -> str:
    w = interface("pdf", doc.meta.language)
    meta = doc.meta
    rows = [(w["authors"], joined(meta.authors, language=meta.language))]
    if meta.editor:
        rows.append((w["editor"], meta.editor))
    rows.append((w["outlet"], meta.outlet + (f"　{meta.account}" if meta.account else "")))
    rows.append((w["date"], chinese_date(doc)))
    rows.append((w["fonts"], w["font_credit"]))
    table = "\n".join(f'<tr><th>{text(k)}</th><td>{print_typeset(v)}</td></tr>' for k, v in rows)
    parts = [f'<table class="imprint">{table}</table>']
    if meta.credit:
        parts.append(f'<p class="credit">{print_typeset(meta.credit)}</p>')
    parts.append(f'<p class="rights">{print_typeset(meta.rights)}</p>')
    return "\n".join(parts)


def _folio(pages: Mapping[str, int] | None, target: str) -> str:
    """A link's folio written out, for a part laid out alone."""
    return "" if pages is None else f' data-page="{pages[target]}"'


def _toc_entry(section_id: str, title: str, kind: str, pages: Mapping[str, int] | None = None) -> str:
    return (f'<li class="toc-{kind}"><a href="#{attr(section_id)}"{_folio(pages, section_id)}>'
            f'<span class="toc-text">{print_typeset(title)}</span></a></li>')


def _paragraphs(paragraphs: Iterable[Paragraph], setter: Setter) -> str:
    out = []
    for paragraph in paragraphs:
        out.append(f"<p{block_class(paragraph)}>{setter.paragraph(paragraph)}</p>")
    return "\n".join(out)


def _opening(section_id: str, title: str, running: str, kind: str) -> str:
    return (f'<section class="chapter {kind}" id="{attr(section_id)}" '
            f'data-toc="{attr(spaced(title))}" data-running="{attr(spaced(running))}">')


def _article(doc: Document, section: Section, setter: Setter) -> str:
    meta = doc.meta
    dek = f'<p class="dek">{setter.phrase(meta.subtitle, "dek")}</p>' if meta.subtitle else ""
    size, style = title_size(meta.title)
    byline = "　".join(print_typeset(a) for a in meta.authors)
    return (
        _opening(section.id, meta.title, meta.subtitle or meta.title, f"article {size}")
        + f'<header class="opener"><h1 class="chapter-title">{setter.phrase(meta.title, style)}</h1>{dek}'
        + f'<p class="byline">{byline}</p></header>\n'
        + _paragraphs(section.paragraphs, setter)
        + "\n</section>"
    )


def _answer(answer: Answer, setter: Setter, language: str) -> str:
    return (
        f'<div class="answer" id="{attr(answer.id)}">'
        f'<p class="speaker">{setter.label(label_text(answer, language), interface("label", language)["colon"])}</p>\n'
        + _paragraphs(answer.paragraphs, setter)
        + "</div>"
    )


def _chapter(section: Section, setter: Setter, language: str, flows: bool = False) -> str:
    title = section.title or ""
    return (
        _opening(section.id, title, title, section.kind + (" flows" if flows else ""))
        + f'<header class="opener" data-running="{attr(spaced(title))}">'
        + f'<h2 class="chapter-title"{lang_attrs(section.lang, xhtml=False)}>'
        + f'{setter.phrase(title, "heading")}</h2></header>\n'
        + "\n".join(_answer(answer, setter, language) for answer in section.answers)
        + "\n</section>"
    )


def _note(section: Section, setter: Setter, first: bool, language: str = "zh-Hans") -> str:
    w = interface("pdf", language)
    heading = f'<h3 class="note-title">{text(w["note"])}</h3>' if first else ""
    toc = f' data-toc="{attr(w["note"])}"' if first else ""
    return (f'<aside class="note" id="{attr(section.id)}"{toc}>{heading}'
            + _paragraphs(section.paragraphs, setter) + "</aside>")


def _references(section: Section, setter: Setter) -> str:
    title = section.title or ""
    items = "\n".join(
        f'<p class="reference"><span class="reference-number">{r.number}.</span> '
        f'{linked(r.url, r.text, print_typeset(r.text))}{_reference_address(r)}</p>'
        for r in section.references
    )
    return (_opening(section.id, title, title, "references")
            + f'<header class="opener"><h2 class="chapter-title"{lang_attrs(section.lang, xhtml=False)}>'
            + f'{setter.phrase(title, "heading")}</h2></header>\n'
            + items + "\n</section>")


def _reference_address(reference: Reference) -> str:
    """On paper a reference's address follows its text (unless the text is the address)."""
    if reference.url is None or is_its_address(reference.text, reference.url):
        return ""
    return f' <span class="url">{text(shown_address(reference.url))}</span>'


def _generated(chapter: Chapter) -> str:
    return (_opening(chapter.id, chapter.title, chapter.title, f"generated {chapter.css_class}".strip())
            + f'<header class="opener"><h2 class="chapter-title">{print_typeset(chapter.title)}</h2></header>\n'
            + chapter.body + "\n</section>")


# Tone marks of pinyin (after NFD), for ordering names of one spelling by tone as dictionaries do.
_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
NEUTRAL_TONE = 5  # (after the four tones, as in dictionaries)


def _syllable_key(syllable: str) -> tuple[str, int]:
    """('zhang', 1) for 'zhāng' or 'zhang1': the spelling without tone, then the tone."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = next((t for mark, t in _TONE_MARKS.items() if mark in decomposed), NEUTRAL_TONE)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    if re.fullmatch(r"[a-z]+[1-5]", bare):  # (a tone digit; 'r2d2' is a name's own digits)
        tone, bare = int(bare[-1]), bare[:-1]
    return bare, tone


def name_sort_key(speaker: Speaker, table: dict[str, str]) -> tuple[tuple[tuple[str, int, str], ...], str]:
    """Character by character, as a Chinese index orders names (the source's pronunciations
    first): each by its spelling without tone, then its tone, then the character itself. So
    陈(chén)静 comes before 程(chéng)静 and one surname's people stand together (letter by letter,
    'chengjing' came before 'chenjing', and a 程 could stand between two 陈); 杨帆 (fān) before
    杨凡 (fán), both before 阳帆. Then the name itself."""
    if speaker.name in table:
        reading = table[speaker.name]
    else:
        from pypinyin import Style, lazy_pinyin  # lazy: ~0.15 s to import

        from pipeline.charvariants import AS_USUAL

        # (𠮷田 filed under J, as 吉田: before, under a letter '𠮷' the fonts cannot draw)
        reading = " ".join(lazy_pinyin(speaker.name.translate(AS_USUAL), style=Style.TONE3))
    syllables = [_syllable_key(s) for s in re.split(r"[\s'’·・-]+", reading) if s]
    # (the character each syllable reads, when the name is one character a syllable)
    characters = [c for c in speaker.name if not c.isspace() and c not in "·・-"]
    if len(characters) != len(syllables):
        characters = [""] * len(syllables)
    return tuple((spelling, tone, c) for (spelling, tone), c in zip(syllables, characters)), speaker.name


def repeated_pages(doc: Document, page_of: Mapping[str, int]) -> frozenset[str]:
    """The answers whose page the name index already gives for the same speaker (an index
    lists a page once: "7, 7" reads as a mistake). `page_of`: answer id → page, for the
    answers laid out."""
    repeated = set()
    for speaker in doc.speakers:
        seen: set[int] = set()
        for answer in doc.answers_by(speaker.id):
            page = page_of.get(answer.id)
            if page is None:
                continue
            if page in seen:
                repeated.add(answer.id)
            seen.add(page)
    return frozenset(repeated)


def _index(doc: Document, pages: Mapping[str, int] | None = None, same_page: frozenset[str] = frozenset()) -> str:
    """Every speaker with their roles and the pages of their answers, grouped by initial, each
    page once; with `pages` (answer id → folio) the numbers are written out (`data-page`),
    without them the layout counts them and `same_page` names the answers to leave out."""
    w = interface("pdf", doc.meta.language)
    joint = interface("epub", doc.meta.language)["roles_joint"]  # (a speaker's roles: `；`, in English `; `)
    if pages is not None:
        same_page = same_page | repeated_pages(doc, pages)
    table = doc.pronunciation_table
    entries = []
    for speaker in doc.speakers:
        answers = doc.answers_by(speaker.id)
        if answers:
            entries.append((name_sort_key(speaker, table), speaker, answers))
    entries.sort(key=lambda entry: entry[0])
    out, initial = [], ""
    for (syllables, _name), speaker, answers in entries:
        letter = "".join(spelling for spelling, _tone, _c in syllables)[:1].upper()
        if not letter.isalpha() or unicodedata.name(letter, "").startswith("CJK"):
            letter = "#"  # (a first character no table reads: never a heading the fonts cannot draw)
        if letter != initial:
            if initial:
                out.append("</ul>")
            out.append(f'<h3 class="index-letter">{text(letter)}</h3><ul class="index-list">')
            initial = letter
        roles = list(dict.fromkeys(a.shown_role for a in answers if a.shown_role))
        handle = speaker.handle if speaker.handle and speaker.handle.lstrip("@") != speaker.name else ""
        notes = "".join([
            f'<span class="index-handle">{print_typeset(handle)}</span>' if handle else "",
            f'<span class="index-pseudonym">{text(w["pseudonym"])}</span>' if speaker.pseudonym else "",
        ])
        refs = '<span class="index-sep">, </span>'.join(
            f'<a class="page-ref" href="#{attr(a.id)}"{_folio(pages, a.id)}></a>' for a in answers
            if a.id not in same_page)
        out.append(
            f'<li><span class="index-name">{print_typeset(speaker.name)}</span>{notes}'
            f'<span class="index-role">{joint.join(print_typeset(r) for r in roles)}</span>'
            f'<span class="index-pages">{refs}</span></li>'
        )
    if initial:
        out.append("</ul>")
    return (_opening(INDEX_ID, w["index"], w["index"], "generated names")
            + f'<header class="opener"><h2 class="chapter-title">{text(w["index"])}</h2></header>\n'
            + "\n".join(out) + "\n</section>")
