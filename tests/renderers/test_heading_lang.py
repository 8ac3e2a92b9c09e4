"""A heading's own attributes reach every edition, and an escaped brace stays its text, end to end
on a small title of its own: `publish all --base-url …`, then the EPUB's XHTML parsed with lxml,
the PDF's text read back with pypdf, the web page parsed with lxml's HTML parser.

Before: '## Why? {lang=en}' lost its language in every edition (a screen reader read the English
heading with the Chinese voice), and '## 结语 \\{.closing}' printed '结语'."""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree, html
from pypdf import PdfReader

from pipeline.reader import read_text
from pipeline.renderers.pdfbook import book_html
from tests.conftest import ROOT, TEST_TITLE
from tests.renderers.pdftools import structure
from tests.test_cli import publish

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BODY = """
城东图书馆今年冬天延长了开放时间，活动名叫[Warm Nights]{lang=en}。

## How do you keep warm at night? {lang=en}

::: answer laozhou
多穿点。
:::

## 夜里冷吗？ {#cold}

::: answer suwen
还好。
:::

## 给夜读的人一句话 \\{.closing}

::: answer chengyifan
带上围巾。
:::

## Further reading {.references lang=en-GB}

1. 城东周报，2025年3月1日
"""


def title() -> str:
    text = TEST_TITLE.read_text(encoding="utf-8")
    head = text[: text.index("\n---\n", 4) + 5]
    head = re.sub(r"^slug: \S+$", "slug: warm-nights", head, flags=re.M)
    return head + BODY


def test_the_reader_carries_a_headings_language_into_the_model() -> None:
    doc = read_text(title(), "warm-nights.md").document
    assert doc is not None
    chapters = {s.title: (s.kind, s.lang) for s in doc.sections[1:]}
    assert chapters == {"How do you keep warm at night?": ("question", "en"), "夜里冷吗？": ("question", None),
                        "给夜读的人一句话 {.closing}": ("question", None), "Further reading": ("references", "en-GB")}


def test_the_print_html_marks_the_headings_language() -> None:
    doc = read_text(title(), "warm-nights.md").document
    page = html.fromstring(book_html(doc, ROOT / "pipeline" / "styles" / "pdf-book.html"))
    headings = {h.text_content().strip(): h.get("lang") for h in page.iterfind(".//h2[@class='chapter-title']")}
    assert headings["How do you keep warm at night?"] == "en"
    assert headings["Further reading"] == "en-GB"
    assert headings["夜里冷吗？"] is None


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("warm")
    (root / "warm-nights.md").write_text(title(), encoding="utf-8")
    result = publish("all", "warm-nights.md", "--engine", "espeak", "-j", "1", "--base-url", "https://example.org/",
                     cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "output"


@pytest.mark.slow
def test_epub_headings_carry_lang_and_xml_lang(built) -> None:
    found, contents = {}, {}
    with zipfile.ZipFile(built / "warm-nights.epub") as epub:
        for name in epub.namelist():
            if name.endswith(".xhtml"):
                root = etree.fromstring(epub.read(name))
                for h1 in root.iter("{http://www.w3.org/1999/xhtml}h1"):
                    found["".join(h1.itertext()).strip()] = (h1.get("lang"), h1.get(XML_LANG))
                if name.endswith("nav.xhtml"):
                    for a in root.iter("{http://www.w3.org/1999/xhtml}a"):
                        contents["".join(a.itertext()).strip()] = (a.get("lang"), a.get(XML_LANG))
    assert contents["How do you keep warm at night?"] == ("en", "en")  # the contents' entry too
    assert contents["夜里冷吗？"] == (None, None)
    assert found["How do you keep warm at night?"] == ("en", "en")
    assert found["Further reading"] == ("en-GB", "en-GB")
    assert found["夜里冷吗？"] == (None, None)
    assert found["给夜读的人一句话 {.closing}"] == (None, None)  # the escaped brace is printed


@pytest.mark.slow
def test_pdf_prints_the_escaped_brace(built) -> None:
    text = "".join(page.extract_text() for page in PdfReader(built / "warm-nights.pdf").pages)
    assert "给夜读的人一句话 {.closing}" in text or "给夜读的人一句话{.closing}" in text.replace(" ", "")


@pytest.mark.slow
def test_web_edition_headings_carry_lang(built) -> None:
    page = html.fromstring((built / "site" / "warm-nights" / "index.html").read_text(encoding="utf-8"))
    headings = {h.text_content().strip(): h.get("lang") for h in page.iterfind(".//h2")}
    assert headings["How do you keep warm at night?"] == "en"
    assert headings["Further reading"] == "en-GB"
    assert headings["夜里冷吗？"] is None


@pytest.mark.slow
@pytest.mark.parametrize("name", ["warm-nights.pdf", "warm-nights-learner.pdf"])
def test_pdf_heading_elements_carry_their_lang(built, name) -> None:
    """Both PDFs' structure trees (walked with pikepdf, each element's text read from its marked
    content with pdfminer) give the heading written `{lang=en}` an /Lang of its own, as a screen
    reader needs to switch voices; the Chinese headings inherit the catalogue's. (The learner's
    heading text is its pinyin row, then its characters.) A span written `{lang=en}` likewise."""
    headings = {"".join(e.text.split()): e.lang for e in structure(built / name) if e.tag == "/H2"}

    def lang_of(title: str) -> str | None:
        (found,) = [lang for text, lang in headings.items() if text.endswith("".join(title.split()))]
        return found

    assert lang_of("How do you keep warm at night?") == "en"
    assert lang_of("Further reading") == "en-GB"
    assert lang_of("夜里冷吗？") is None
    # and a span so marked in a paragraph: its own element (a Span; one a line) with its /Lang
    spans = [(e.text, e.lang) for e in structure(built / name) if e.tag == "/Span" and e.lang]
    assert "".join("".join(text.split()) for text, _lang in spans) == "WarmNights"
    assert {lang for _text, lang in spans} == {"en"}
