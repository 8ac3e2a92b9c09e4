"""The EPUB's content documents, as XHTML written from the document model.

One page per part of the book, in reading order: cover, title page, contents (the EPUB nav),
the article, one chapter per question (each answer a <section> under its speaker's label),
the closing chapter, editor's notes, contributors, references, colophon. What differs between
the plain and the learner books is data in `Edition`; the pages themselves do not branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from string import Formatter, Template
from typing import Literal

from pipeline.furniture import chinese_interface, interface, joined, word
from pipeline.model import Answer, Document, Section, Speaker
from pipeline.renderers.htmltext import Typeset, attr, block_class, inline_html, lang_attrs, linked, plain, text

# The book's own words, for the pages the source does not write: one table per language
# (data/interface-words.toml, `furniture.interface`); these are the Chinese ones, the fallback.
WORDS = chinese_interface("epub")

# Credits every edition prints on its colophon, after the title's own: (term, text), in Chinese.
COLOPHON: tuple[tuple[str, str], ...] = tuple(tuple(row) for row in chinese_interface("colophon").values())

Appendix = Callable[[Section], str]
CONTRIBUTORS = "contributors.xhtml"


@dataclass(frozen=True)
class Edition:
    """What makes the plain and the learner book different, as data for the pages."""

    stylesheets: tuple[str, ...]  # hrefs, relative to the pages
    typeset: Typeset = plain  # model text → inline XHTML (escaped, or with ruby)
    appendix: Appendix = lambda section: ""  # XHTML after a chapter (the learner's vocabulary)
    colophon: tuple[tuple[str, str], ...] = ()  # extra (term, text) rows for the credits page
    cover_alt: str = ""
    scripts: tuple[str, ...] = ()  # hrefs of scripts for the pages with ruby (the learner's pinyin setting)


@dataclass(frozen=True)
class Page:
    name: str  # file name in the EPUB, beside nav.xhtml
    title: str  # <title>, NCX and nav label
    xhtml: str
    matter: str = "bodymatter"  # frontmatter | bodymatter | backmatter
    properties: tuple[str, ...] = ()
    toc: Literal["top", "nested", ""] = "top"  # in the contents: an entry, one under the last entry, or not
    lang: str | None = None  # the title's language, where the source marks another ({lang=en} on the heading)
    in_spine: bool = True  # in the reading order (the nav of a one-chapter book is not: no contents page)


@dataclass(frozen=True)
class Layout:
    """Where every part of the book lives: file per section, anchor per answer."""

    files: dict[str, str]  # section id → file name
    anchors: dict[str, str] = field(default_factory=dict)  # answer id → "file#anchor"

    @classmethod
    def of(cls, doc: Document) -> Layout:
        files, anchors, counts = {}, {}, {"chapter": 0, "note": 0, "references": 0, "article": 0}
        for section in doc.sections:
            group = "chapter" if section.kind in ("question", "closing") else section.kind
            counts[group] += 1
            n = counts[group]
            if group == "chapter":
                files[section.id] = f"chapter-{n:02d}.xhtml"
            else:
                files[section.id] = f"{group}.xhtml" if n == 1 else f"{group}-{n}.xhtml"
            for index, answer in enumerate(section.answers, 1):
                anchors[answer.id] = f"{files[section.id]}#answer-{index}"
        return cls(files, anchors)


def pages(doc: Document, edition: Edition, template: str) -> list[Page]:
    """Every content document in reading order: cover, title page, contents, then the body."""
    layout = Layout.of(doc)
    writer = _PageWriter(doc, edition, Template(template))
    body: list[Page] = []
    for section in doc.sections:
        if section.kind == "references" and doc.has_answers:
            body.append(writer.contributors(layout))  # after the notes, before the references
        body.append(writer.section(section, layout))
    if doc.has_answers and not any(page.name == CONTRIBUTORS for page in body):
        body.append(writer.contributors(layout))  # (none where nobody speaks: it was an empty list)
    body.append(writer.colophon())
    return [writer.cover(), writer.title_page(), writer.nav(body)] + body


def section_title(doc: Document, section: Section) -> str:
    """A section's name in the contents."""
    if section.kind == "article":
        return doc.meta.title
    if section.kind == "note":
        return section.title or interface("epub", doc.meta.language)["note"]
    return section.title or ""


def label_parts(answer: Answer, language: str = "zh-Hans") -> tuple[tuple[str, str], ...]:
    """The label's pieces in the order the title's language writes them (`label.order` in
    interface-words.toml: `role + name` in Chinese, `name, role` in English), each (kind, text),
    kind "role", "name" or "" (what stands between them). Why a table: an English title's
    labels read `Rosa Vale, pilot`, not the Chinese order `pilot Rosa Vale`."""
    label, name, role = answer.label, answer.speaker.shown_name, answer.shown_role or ""
    if not role:
        return (("name", name),)
    gap = label[len(role): len(label) - len(name)]
    assert role + gap + name == label, (role, name, label)
    fields = {"role": ("role", role), "name": ("name", name), "gap": ("", gap)}
    pieces: list[tuple[str, str]] = []
    for literal, field_name, _spec, _conversion in Formatter().parse(interface("label", language)["order"]):
        pieces += [("", literal)] if literal else []
        pieces += [fields[field_name]] if field_name else []
    return tuple(piece for piece in pieces if piece[1])


def label_text(answer: Answer, language: str = "zh-Hans") -> str:
    """The label as one string, in the title's language's order (print, the learner PDF)."""
    return "".join(piece for _kind, piece in label_parts(answer, language))


def date_text(doc: Document) -> str:
    return interface("epub", doc.meta.language)["date"].format(d=doc.meta.date)


class _PageWriter:
    def __init__(self, doc: Document, edition: Edition, template: Template) -> None:
        self.doc, self.ed, self.template = doc, edition, template
        self.words = interface("epub", doc.meta.language)  # (in the title's language, or Chinese in its script)
        self.t = lambda value: edition.typeset(value, "", "")  # a whole string → XHTML

    def _page(self, name: str, title: str, matter: str, body: str, body_class: str = "",
              properties: tuple[str, ...] = (), toc: Literal["top", "nested", ""] = "top",
              lang: str | None = None) -> Page:
        links = "\n".join(f'<link rel="stylesheet" type="text/css" href="{attr(href)}"/>' for href in self.ed.stylesheets)
        if self.ed.scripts and "<ruby" in body:
            links += "".join(f'\n<script src="{attr(href)}" defer="defer"></script>' for href in self.ed.scripts)
            properties = (*properties, "scripted")
        xhtml = self.template.substitute(lang=attr(self.doc.meta.language), title=text(title), stylesheets=links,
                                         matter=matter, body_class=body_class, body=body)
        return Page(name, title, xhtml, matter, properties, toc, lang)

    def _paragraphs(self, paragraphs) -> str:
        # (a subheading of the article is a heading under the page's <h1>, as an answer's label is)
        return "\n".join(f"<{tag}{block_class(p)}>{inline_html(p, typeset=self.ed.typeset)}</{tag}>"
                         for p in paragraphs for tag in ("h2" if p.heading else "p",))

    # --- front matter ---------------------------------------------------------------------------

    def cover(self) -> Page:
        body = (f'<section epub:type="cover" class="cover">\n'
                f'<img src="images/cover.png" alt="{attr(self.ed.cover_alt)}" role="doc-cover"/>\n</section>')
        return self._page("cover.xhtml", self.words["cover"], "frontmatter", body, "cover", toc="")

    def title_page(self) -> Page:
        meta, t = self.doc.meta, self.t
        lines = [f'<p class="outlet">{t(meta.outlet)}</p>',
                 f'<h1 id="book-title" class="title">{t(meta.title)}</h1>']
        if meta.subtitle:
            lines.append(f'<p class="subtitle">{t(meta.subtitle)}</p>')
        lines.append(f'<p class="byline">{t(self.words["by"].format(names=joined(meta.authors, language=meta.language)))}</p>')
        if meta.editor:
            lines.append(f'<p class="byline">{t(self.words["editor"].format(name=meta.editor))}</p>')
        lines.append(f'<p class="published">{t(self.words["published"].format(outlet=meta.outlet, date=date_text(self.doc)))}</p>')
        if meta.account:
            lines.append(f'<p class="account">{t(meta.account)}</p>')
        body = ('<section epub:type="titlepage" class="titlepage" aria-labelledby="book-title">\n'
                + "\n".join(lines) + "\n</section>")
        return self._page("titlepage.xhtml", self.words["titlepage"], "frontmatter", body, "titlepage", toc="")

    def nav(self, body: list[Page]) -> Page:
        """The EPUB navigation document, also the contents page: plain text (reading systems
        show link text in their own menus), the questions nested under the article."""
        entries: list[tuple[Page, list[Page]]] = []
        for page in body:
            if page.toc == "nested" and entries:
                entries[-1][1].append(page)
            elif page.toc:
                entries.append((page, []))

        def link(page: Page) -> str:
            return f'<a href="{attr(page.name)}"{lang_attrs(page.lang)}>{text(page.title)}</a>'

        items = []
        for page, children in entries:
            inner = "".join(f"\n<li>{link(child)}</li>" for child in children)
            items.append(f"<li>{link(page)}\n<ol>{inner}\n</ol>\n</li>" if children else f"<li>{link(page)}</li>")
        start = next((p.name for p in body if p.matter == "bodymatter"), body[0].name)
        shown = self.doc.has_contents  # (a brief's one-entry contents page is no page a reader turns)
        landmarks = [("cover", "cover.xhtml", self.words["cover"]),
                     *((("toc", "nav.xhtml#toc", self.words["toc"]),) if shown else ()),
                     ("bodymatter", start, self.words["bodymatter"])]
        body_xhtml = (
            '<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n'
            f'<h1 id="toc-title">{text(self.words["toc"])}</h1>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</nav>\n"
            '<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-labelledby="landmarks-title">\n'
            f'<h2 id="landmarks-title">{text(self.words["landmarks"])}</h2>\n<ol>\n'
            + "\n".join(f'<li><a epub:type="{kind}" href="{attr(href)}">{text(label)}</a></li>'
                        for kind, href, label in landmarks)
            + "\n</ol>\n</nav>")
        page = self._page("nav.xhtml", self.words["toc"], "frontmatter", body_xhtml, "contents", ("nav",), toc="")
        return page if shown else replace(page, in_spine=False)

    # --- body -----------------------------------------------------------------------------------

    def section(self, section: Section, layout: Layout) -> Page:
        name = layout.files[section.id]
        if section.kind == "note":
            return self.note(name, section)
        if section.kind == "references":
            return self.references(name, section)
        return self.chapter(name, section, section_title(self.doc, section), layout)

    def chapter(self, name: str, section: Section, title: str, layout: Layout) -> Page:
        parts = [f'<h1 id="title"{lang_attrs(section.lang)}>{self.t(title)}</h1>', self._paragraphs(section.paragraphs)]
        for index, answer in enumerate(section.answers, 1):
            who = "".join(f'<span class="{kind}">{self.t(piece)}</span>' if kind else text(piece)
                          for kind, piece in label_parts(answer, self.doc.meta.language))
            parts.append(
                f'<section class="answer" id="answer-{index}">\n'
                f'<h2 class="label"><a href="{CONTRIBUTORS}#p-{answer.speaker.id}">{who}</a></h2>\n'
                f"{self._paragraphs(answer.paragraphs)}\n</section>")
        parts.append(self.ed.appendix(section))
        kind = "article" if section.kind == "article" else "chapter"
        body = (f'<section epub:type="chapter" role="doc-chapter" class="{kind}" aria-labelledby="title">\n'
                + "\n".join(p for p in parts if p) + "\n</section>")
        nested = section.kind != "article" and self.doc.article is not None
        return self._page(name, title, "bodymatter", body, kind, toc="nested" if nested else "top", lang=section.lang)

    # --- back matter ----------------------------------------------------------------------------

    def note(self, name: str, section: Section) -> Page:
        title = section.title or self.words["note"]
        body = (f'<section class="note" role="note" aria-labelledby="title">\n<h1 id="title">{self.t(title)}</h1>\n'
                f"{self._paragraphs(section.paragraphs)}\n</section>")
        return self._page(name, title, "backmatter", body, "note")

    def contributors(self, layout: Layout) -> Page:
        t = self.t
        entries = [self._contributor(speaker, layout) for speaker in self.doc.speakers]
        title = self.words["contributors"]
        body = (f'<section epub:type="contributors" class="contributors" aria-labelledby="title">\n'
                f'<h1 id="title">{t(title)}</h1>\n<ol class="people">\n' + "\n".join(entries) + "\n</ol>\n</section>")
        return self._page(CONTRIBUTORS, title, "backmatter", body, "contributors")

    def _contributor(self, speaker: Speaker, layout: Layout) -> str:
        doc, t = self.doc, self.t
        who = f'<span class="name">{t(speaker.name)}</span>'
        if speaker.handle:
            who += f' <span class="handle">{t(speaker.handle)}</span>'
        if speaker.pseudonym:
            who += f' <span class="pseudonym">{t(self.words["pseudonym"])}</span>'
        lines = [f'<p class="who">{who}</p>']
        answers = doc.answers_by(speaker.id)
        other_roles = list(dict.fromkeys(a.role for a in answers if a.role and a.role != speaker.role))
        if speaker.role or other_roles:
            role = t(speaker.role or "")
            if other_roles:
                also = t(self.words["also_as"].format(roles=self.words["roles_joint"].join(other_roles)))
                role = f"{role}{also}" if role else also
            lines.append(f'<p class="role">{role}</p>')
        if answers:
            sections = {a.id: s for s in doc.chapters for a in s.answers}
            seen: dict[str, int] = {}
            links = []
            for answer in answers:
                section = sections[answer.id]
                seen[section.id] = seen.get(section.id, 0) + 1
                count = sum(1 for a in section.answers if a.speaker.id == speaker.id)
                label = t(section_title(doc, section))
                if count > 1:
                    label += t(self.words["nth_answer"].format(n=seen[section.id]))
                links.append(f'<li><a href="{attr(layout.anchors[answer.id])}">{label}</a></li>')
            aria = attr(self.words["answers_of"].format(name=speaker.name))
            lines.append(f'<ul class="answer-links" aria-label="{aria}">\n' + "\n".join(links) + "\n</ul>")
        return f'<li class="person" id="p-{speaker.id}">\n' + "\n".join(lines) + "\n</li>"

    def references(self, name: str, section: Section) -> Page:
        title = section.title or ""
        items = "\n".join(f'<li><span class="number">{r.number}.</span> {linked(r.url, r.text, self.t(r.text))}</li>'
                          for r in section.references)
        parts = [f'<h1 id="title"{lang_attrs(section.lang)}>{self.t(title)}</h1>', self._paragraphs(section.paragraphs),
                 f'<ol class="references">\n{items}\n</ol>']
        body = ('<section epub:type="bibliography" role="doc-bibliography" class="references" aria-labelledby="title">\n'
                + "\n".join(p for p in parts if p) + "\n</section>")
        return self._page(name, title, "backmatter", body, "references", lang=section.lang)

    def colophon(self) -> Page:
        meta, t = self.doc.meta, self.t
        rows: list[tuple[str, str]] = []  # (term, XHTML)
        if meta.account:
            rows.append((self.words["first_run"], t(meta.account)))
        rows += [(self.words["publisher"], t(meta.outlet)), (self.words["on"], t(date_text(self.doc))),
                 (self.words["authors"], t(joined(meta.authors, language=meta.language)))]
        if meta.editor:
            rows.append((self.words["editor_row"], t(meta.editor)))
        rows += [(self.words["rights"], t(meta.rights)), (self.words["identifier"], text(meta.id))]
        lang = self.doc.meta.language
        rows += [(term, t(value)) for term, value in interface("colophon", lang).values()]
        rows += [(word(term, lang), t(word(value, lang))) for term, value in self.ed.colophon]
        lines = []
        if meta.credit:
            lines.append(f'<p class="credit">{t(meta.credit)}</p>')
        lines.append("<dl>\n" + "\n".join(f"<dt>{t(term)}</dt>\n<dd>{value}</dd>" for term, value in rows) + "\n</dl>")
        title = self.words["colophon"]
        body = (f'<section epub:type="colophon" role="doc-colophon" class="colophon" aria-labelledby="title">\n'
                f'<h1 id="title">{t(title)}</h1>\n' + "\n".join(lines) + "\n</section>")
        return self._page("colophon.xhtml", title, "backmatter", body, "colophon")



def text_content(xhtml: str) -> str:
    """The characters a page shows (for font subsetting): its body without markup."""
    from html import unescape

    body = xhtml[xhtml.find("<body"):]
    return unescape(re.sub(r"<[^>]+>", "", body))
