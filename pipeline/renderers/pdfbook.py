"""The printed book as one HTML document for WeasyPrint: front matter, contents, chapters,
name index and references, in the order a reader meets them.

The structure is the same for every PDF edition; what differs (how running text is set, the
learner's vocabulary) comes in as a `Setter` and as extra chapters. Layout, faces, running heads
and page numbers are all in the stylesheets (`styles/pdf*.css`), which key on the classes and
data attributes written here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from pipeline.model import Answer, Document, Paragraph, Section, Speaker
from pipeline.renderers.cjktype import print_typeset, spaced
from pipeline.renderers.htmltext import attr, inline_html, text

# Text the edition adds around the author's: headings of generated chapters and field names.
WORDS = {
    "contents": "目录",
    "note": "编者注",
    "index": "人名索引",
    "authors": "作者",
    "editor": "编辑",
    "outlet": "首发",
    "date": "首发日期",
    "fonts": "字体",
    "by": "著",
    "pseudonym": "化名",
    "question": "问题",
}
INDEX_ID = "name-index"
FONT_CREDIT = "正文 Noto Serif SC，标题 Noto Sans SC（SIL Open Font License 1.1）"


@dataclass(frozen=True)
class Setter:
    """How an edition sets the author's text, as escaped HTML for inside a block: a paragraph's
    content, a phrase in a given role ("title", "dek", "heading") and a speaker's label with
    its colon."""

    paragraph: Callable[[Paragraph], str]
    phrase: Callable[[str, str], str]
    label: Callable[[str], str]


PRINT = Setter(
    paragraph=lambda p: inline_html(p, xhtml=False, typeset=print_typeset),
    phrase=lambda text, role: print_typeset(text),
    label=lambda text: f'{print_typeset(text)}<span class="colon">：</span>',
)


@dataclass(frozen=True)
class Chapter:
    """A generated chapter (the learner's vocabulary): id, title and body HTML."""

    id: str
    title: str
    body: str
    css_class: str = ""


def chinese_date(doc: Document) -> str:
    date = doc.meta.date
    return f"{date.year}年{date.month}月{date.day}日"


def book_html(doc: Document, template: Path, setter: Setter = PRINT, fonts_css: str = "",
              extra_chapters: Iterable[Chapter] = (), body_class: str = "print", colophon: str = "",
              edition: str = "") -> str:
    """The whole book as HTML, from the skeleton in `template`; `edition` names a variant on
    the title page, `colophon` adds a credit to the copyright page."""
    meta = doc.meta
    extras = list(extra_chapters)
    main, toc = [], []
    index_done = note_seen = False

    def add(section_html: str, section_id: str, title: str, kind: str) -> None:
        main.append(section_html)
        toc.append(_toc_entry(section_id, title, kind))

    for section in doc.sections:
        if section.kind == "references" and not index_done:
            for chapter in extras:
                add(_generated(chapter), chapter.id, chapter.title, "generated")
            add(_index(doc), INDEX_ID, WORDS["index"], "generated")
            index_done = True
        if section.kind == "article":
            title = meta.title
            add(_article(doc, section, setter), section.id, title, "article")
        elif section.kind in ("question", "closing"):
            add(_chapter(section, setter), section.id, section.title or "", section.kind)
        elif section.kind == "note":
            main.append(_note(section, setter, first=not note_seen))
            if not note_seen:
                toc.append(_toc_entry(section.id, WORDS["note"], "note"))
            note_seen = True
        elif section.kind == "references":
            add(_references(section, setter), section.id, section.title or "", "references")
    if not index_done:
        for chapter in extras:
            add(_generated(chapter), chapter.id, chapter.title, "generated")
        add(_index(doc), INDEX_ID, WORDS["index"], "generated")

    values = {
        "lang": attr(meta.language),
        "title": text(meta.title),
        "head_meta": _head_meta(doc),
        "fonts_css": fonts_css,
        "body_class": attr(body_class),
        "book_attr": attr(spaced(meta.title)),
        "title_html": print_typeset(meta.title),
        "subtitle_html": f'<p class="book-subtitle">{print_typeset(meta.subtitle)}</p>' if meta.subtitle else "",
        "edition_html": f'<p class="book-edition">{text(edition)}</p>' if edition else "",
        "authors_html": "　".join(print_typeset(a) for a in meta.authors),
        "by": WORDS["by"],
        "outlet_html": print_typeset(meta.outlet),
        "copyright_html": _copyright(doc) + (f'\n<p class="colophon">{text(colophon)}</p>' if colophon else ""),
        "contents": WORDS["contents"],
        "toc_html": "\n".join(toc),
        "main_html": "\n".join(main),
    }
    return Template(template.read_text(encoding="utf-8")).substitute(values)


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
    meta = doc.meta
    rows = [(WORDS["authors"], "、".join(meta.authors))]
    if meta.editor:
        rows.append((WORDS["editor"], meta.editor))
    rows.append((WORDS["outlet"], meta.outlet + (f"　{meta.account}" if meta.account else "")))
    rows.append((WORDS["date"], chinese_date(doc)))
    rows.append((WORDS["fonts"], FONT_CREDIT))
    table = "\n".join(f'<tr><th>{text(k)}</th><td>{print_typeset(v)}</td></tr>' for k, v in rows)
    parts = [f'<table class="imprint">{table}</table>']
    if meta.credit:
        parts.append(f'<p class="credit">{print_typeset(meta.credit)}</p>')
    parts.append(f'<p class="rights">{print_typeset(meta.rights)}</p>')
    return "\n".join(parts)


def _toc_entry(section_id: str, title: str, kind: str) -> str:
    return (f'<li class="toc-{kind}"><a href="#{attr(section_id)}">'
            f'<span class="toc-text">{print_typeset(title)}</span></a></li>')


def _paragraphs(paragraphs: Iterable[Paragraph], setter: Setter) -> str:
    out = []
    for paragraph in paragraphs:
        cls = ' class="point"' if paragraph.number is not None else ""
        out.append(f"<p{cls}>{setter.paragraph(paragraph)}</p>")
    return "\n".join(out)


def _opening(section_id: str, title: str, running: str, kind: str) -> str:
    return (f'<section class="chapter {kind}" id="{attr(section_id)}" '
            f'data-toc="{attr(spaced(title))}" data-running="{attr(spaced(running))}">')


def _article(doc: Document, section: Section, setter: Setter) -> str:
    meta = doc.meta
    dek = f'<p class="dek">{setter.phrase(meta.subtitle, "dek")}</p>' if meta.subtitle else ""
    byline = "　".join(print_typeset(a) for a in meta.authors)
    return (
        _opening(section.id, meta.title, meta.subtitle or meta.title, "article")
        + f'<header class="opener"><h1 class="chapter-title">{setter.phrase(meta.title, "title")}</h1>{dek}'
        + f'<p class="byline">{byline}</p></header>\n'
        + _paragraphs(section.paragraphs, setter)
        + "\n</section>"
    )


def _answer(answer: Answer, setter: Setter) -> str:
    return (
        f'<div class="answer" id="{attr(answer.id)}">'
        f'<p class="speaker">{setter.label(answer.label)}</p>\n'
        + _paragraphs(answer.paragraphs, setter)
        + "</div>"
    )


def _chapter(section: Section, setter: Setter) -> str:
    title = section.title or ""
    return (
        _opening(section.id, title, title, section.kind)
        + f'<header class="opener"><h2 class="chapter-title">{setter.phrase(title, "heading")}</h2></header>\n'
        + "\n".join(_answer(answer, setter) for answer in section.answers)
        + "\n</section>"
    )


def _note(section: Section, setter: Setter, first: bool) -> str:
    heading = f'<h3 class="note-title">{text(WORDS["note"])}</h3>' if first else ""
    toc = f' data-toc="{attr(WORDS["note"])}"' if first else ""
    return (f'<aside class="note" id="{attr(section.id)}"{toc}>{heading}'
            + _paragraphs(section.paragraphs, setter) + "</aside>")


def _references(section: Section, setter: Setter) -> str:
    title = section.title or ""
    items = "\n".join(
        f'<p class="reference"><span class="reference-number">{r.number}.</span> {print_typeset(r.text)}</p>'
        for r in section.references
    )
    return (_opening(section.id, title, title, "references")
            + f'<header class="opener"><h2 class="chapter-title">{setter.phrase(title, "heading")}</h2></header>\n'
            + items + "\n</section>")


def _generated(chapter: Chapter) -> str:
    return (_opening(chapter.id, chapter.title, chapter.title, f"generated {chapter.css_class}".strip())
            + f'<header class="opener"><h2 class="chapter-title">{print_typeset(chapter.title)}</h2></header>\n'
            + chapter.body + "\n</section>")


def name_sort_key(speaker: Speaker, table: dict[str, str]) -> tuple[str, str]:
    """Pinyin without tones (the source's pronunciations first), then the name itself."""
    if speaker.name in table:
        reading = table[speaker.name]
    else:
        from pypinyin import lazy_pinyin  # lazy: ~0.15 s to import

        reading = " ".join(lazy_pinyin(speaker.name))
    bare = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
    return bare.replace(" ", "").lower(), speaker.name


def _index(doc: Document) -> str:
    """Every speaker with their roles and the pages of their answers, grouped by initial."""
    table = doc.pronunciation_table
    entries = []
    for speaker in doc.speakers:
        answers = doc.answers_by(speaker.id)
        if answers:
            entries.append((name_sort_key(speaker, table), speaker, answers))
    entries.sort(key=lambda entry: entry[0])
    out, initial = [], ""
    for (key, _name), speaker, answers in entries:
        letter = key[:1].upper()
        if letter != initial:
            if initial:
                out.append("</ul>")
            out.append(f'<h3 class="index-letter">{text(letter)}</h3><ul class="index-list">')
            initial = letter
        roles = list(dict.fromkeys(a.shown_role for a in answers if a.shown_role))
        handle = speaker.handle if speaker.handle and speaker.handle.lstrip("@") != speaker.name else ""
        notes = "".join([
            f'<span class="index-handle">{print_typeset(handle)}</span>' if handle else "",
            f'<span class="index-pseudonym">（{WORDS["pseudonym"]}）</span>' if speaker.pseudonym else "",
        ])
        pages = '<span class="index-sep">, </span>'.join(
            f'<a class="page-ref" href="#{attr(a.id)}"></a>' for a in answers)
        out.append(
            f'<li><span class="index-name">{print_typeset(speaker.name)}</span>{notes}'
            f'<span class="index-role">{"；".join(print_typeset(r) for r in roles)}</span>'
            f'<span class="index-pages">{pages}</span></li>'
        )
    if initial:
        out.append("</ul>")
    return (_opening(INDEX_ID, WORDS["index"], WORDS["index"], "generated names")
            + f'<header class="opener"><h2 class="chapter-title">{text(WORDS["index"])}</h2></header>\n'
            + "\n".join(out) + "\n</section>")
