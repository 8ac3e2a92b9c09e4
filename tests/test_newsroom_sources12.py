"""A twelfth sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `harbour-pilots`: a title in English of one-line answers, an organisation answering (`Port
  Authority`, no role), a pseudonymous speaker and the editor's note about it;
- `night-ferry`: a company's statement, an unnamed reader (`某位读者`), an English-only speaker
  and a bilingual one (`{lang=en}` spans inside Chinese answers);
- `salt-fields`: a monologue: an article in `###` sections, then one very long answer (a block
  quote and a list inside it) beside one-line ones, and a long English word inside Chinese.

Found by the sweep (every edition of the Chinese titles built by hand with `publish all`, the
English one's EPUB and PDFs: every sentence in every edition, under its speaker, in its voice,
`python -m tests.sentences SOURCE OUT`): an English title's labels read `pilot Rosa Vale：` in
print (Chinese order and colon) and `pilot Rosa Vale` in the EPUB and on the site; every question
opened a page in print, so five one-line answers were five near-empty pages. (A long word of
letters moved whole to the next line still spreads the line before it: hyphenating it would put
U+2010 into the PDF's text, `interna‐` ⏎ `tionalization`, which no reader of the text joins.)

Cheap on purpose (the suite is over its time): no edition is built (the builds by hand showed every
sentence in every edition); the labels on the EPUB's pages and in the print book's HTML as they are
written, the print book's parts as planned. The layout of a part of several questions (its
contents, bookmarks, running heads): tests/renderers/test_pdf_parts.py on the test title.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from tests import sentences
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("harbour-pilots", "night-ferry", "salt-fields")
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}


def test_the_sources_check_clean() -> None:
    from pipeline.check import check

    for shape, path in SOURCES.items():
        doc, diagnostics = check(path, pinyin=False)
        assert doc is not None and [d.code for d in diagnostics] == (["W409"] if shape == "harbour-pilots" else []), (
            shape, [(d.line, d.code, d.message) for d in diagnostics])


@functools.cache
def _document(shape: str):  # type: ignore[no-untyped-def]
    from pipeline.build import prepare
    from pipeline.reader import read_source

    return prepare(read_source(SOURCES[shape]))


def _english_labels(path: Path) -> list[str]:
    """Each answer's label as README says an English title prints it: `name, role` (the answer's
    `role=` first), or the name alone, in the source's order (read with the test's own reader)."""
    people = {s["id"]: s for s in sentences.read_source(path).meta["speakers"]}
    labels = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if m := re.match(r"::: answer (\S+)(?: role=(\S+))?", line):
            role = m[2] or people[m[1]].get("role")
            labels.append(people[m[1]]["name"] + (f", {role}" if role else ""))
    return labels


def test_an_english_titles_labels_follow_english_in_the_epub_and_print() -> None:
    """`Rosa Vale, pilot`, not `pilot Rosa Vale`: on the EPUB's pages as it writes them (each
    answer under its label, in order) and in print, with a colon of its language (`:`, not
    `：`); before, the Chinese order and the full-width colon everywhere."""
    from lxml import etree

    from pipeline.build import STYLES_DIR
    from pipeline.renderers.epubpages import Edition, pages
    from pipeline.renderers.pdfbook import PRINT, book_plan, part_html

    want = _english_labels(SOURCES["harbour-pilots"])
    assert len(want) == 8 and "Port Authority" in want
    doc = _document("harbour-pilots")
    written = pages(doc, Edition(stylesheets=()), (STYLES_DIR / "epub-page.xhtml").read_text(encoding="utf-8"))
    shown = [" ".join("".join(label.itertext()).split()) for page in written
             for label in etree.fromstring(page.xhtml.encode()).iterfind(".//{http://www.w3.org/1999/xhtml}h2[@class='label']")]
    assert shown == want
    html = "\n".join(part_html(part, doc, PRINT) for part in book_plan(doc).parts if part.sections)
    printed = [re.sub(r"<[^>]+>", "", label) for label in re.findall(r'<p class="speaker">(.*?)</p>', html)]
    assert printed == [f"{label}:" for label in want]


def test_short_questions_flow_on_under_the_one_before() -> None:
    """The English title's five one-line questions are one part of the print book (laid out as
    one, `pdfparts`), each after the first set on (`flows`: no page break, its heading kept with
    its first answer) rather than one near-empty page each; the article opens its own page. The
    PDF's contents, bookmarks, links and running heads over such a part: tests/renderers/test_pdf_parts.py
    (the test title's second question and closing chapter flow on)."""
    from pipeline.renderers.pdfbook import PRINT, book_plan, part_html

    doc = _document("harbour-pilots")
    parts = [part for part in book_plan(doc).parts if part.sections]
    assert [[s.kind for s in part.sections] for part in parts] == [["article"], ["question"] * 4 + ["closing", "note"]]
    openings = re.findall(r'<section class="chapter ([^"]+)"', part_html(parts[1], doc, PRINT))
    assert openings == ["question"] + ["question flows"] * 3 + ["closing flows"]


def test_a_long_question_still_opens_a_page_and_a_short_one_follows_it() -> None:
    """The book's parts (each laid out on its own, `pdfparts`): a question of a page or more opens
    one; a one-line question after it flows on under it; the article opens its own."""
    from pipeline.renderers.pdfbook import book_plan

    plan = book_plan(_document("salt-fields"))
    kinds = [[section.kind for section in part.sections] for part in plan.parts if part.sections]
    assert kinds == [["article"], ["question", "question"]]
    from pipeline.build import prepare
    from pipeline.reader import read_source

    plan = book_plan(prepare(read_source(ROOT / "source" / "sora-reactions.md")))
    assert sum(1 for part in plan.parts for s in part.sections if s.kind == "question") == sum(
        1 for part in plan.parts if part.sections and part.sections[0].kind == "question")

def test_the_name_index_joins_a_speakers_roles_in_the_titles_language(tmp_path) -> None:
    """An English title's speaker with a second role (`role=` on one answer) is indexed
    `senior pilot; pilot`, as the EPUB's contributors page joins them; before, `senior pilot；pilot`
    (the Chinese mark)."""
    from pipeline.reader import read_source
    from pipeline.renderers.pdfbook import _index

    text = SOURCES["harbour-pilots"].read_text(encoding="utf-8")
    source = tmp_path / "harbour-pilots.md"
    source.write_text(text.replace("::: answer rosa\n", '::: answer rosa role="senior pilot"\n', 1), encoding="utf-8")
    roles = re.findall(r'<span class="index-role">(.*?)</span>', _index(read_source(source)))
    assert "senior pilot; pilot" in roles and not any("；" in r for r in roles)


def test_the_links_note_on_paper_is_in_the_titles_language() -> None:
    """The address printed after a paragraph with a link reads ` (link: night notices https://…)`
    in an English title's PDF, `（鏈接：…）` in a traditional one's; before, `（链接：…）` in every
    title (`link_open`… in interface-words.toml)."""
    from pipeline.renderers.pdfbook import print_setter

    doc = _document("harbour-pilots")
    (linked,) = [p for p in doc.paragraphs() if any(span.href for span in p.spans)]
    english = re.sub(r"<[^>]+>", "", print_setter(doc.meta.language).paragraph(linked))
    assert english.endswith(" (link: night notices https://example.org/harbour/notices)"), english
    assert "（鏈接：" in print_setter("zh-Hant").paragraph(linked)
    assert "（链接：" in print_setter("zh-Hans").paragraph(linked)
