"""The PDFs' own words (contents, imprint, byline, index) in the title's language, from the
`pdf` group of data/interface-words.toml: an English title's print book said 目录, 作者 and
'Mara Quill　著'. Read from the book's HTML, before any layout (the layout sets what it is given)."""

from __future__ import annotations

import re

import lxml.html
import pytest

from pipeline.renderers.pdfbook import book_html, book_plan, part_html, PRINT
from tests.conftest import ROOT
from tests.site.sitetools import document

TEMPLATE = ROOT / "pipeline" / "styles" / "pdf-book.html"
HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")

ENGLISH = """---
id: urn:uuid:6a1f0e2d-3c4b-4d5e-9f60-718293a4b5c6
slug: harbour-pilots
title: Harbour Pilots
language: en
authors: [Ann Whitby, Joe Marr]
editor: Kit Lane
outlet: Tideline
date: 2025-03-04
description: Two pilots on bringing ships in at night.
rights: "© 2025 Tideline."
speakers:
  - id: rosa
    name: Rosa Vale
    role: pilot
    pseudonym: true
---

The pilot boat leaves at dusk.

## What is the hardest part?

::: answer rosa
Fog, every time.
:::
"""


def css(tree, selector: str) -> list:  # type: ignore[no-untyped-def]
    """Elements by class (`.name`, `.name th`): XPath, as lxml's CSS selectors need cssselect."""
    classes = selector.split()
    xpath = "".join(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {c[1:]} ')]" if c.startswith(".")
                    else f"//{c}" for c in classes)
    return tree.xpath(xpath)


def front_and_index(text: str):  # type: ignore[no-untyped-def]
    doc = document(text)
    front = lxml.html.fromstring(book_html(doc, TEMPLATE))
    index = next(part for part in book_plan(doc).parts if part.index)
    return doc, front, lxml.html.fromstring(part_html(index, doc, PRINT))


def test_an_english_title_gets_english_words_in_its_pdfs() -> None:
    _doc, front, index = front_and_index(ENGLISH)
    byline = css(front, ".book-authors")[0].text_content()
    assert byline == "By Ann Whitby, Joe Marr"
    imprint = {th.text_content(): td.text_content() for th, td in
               zip(css(front, ".imprint th"), css(front, ".imprint td"))}
    assert imprint["Authors"] == "Ann Whitby, Joe Marr"
    assert imprint["First published"] == "March 4, 2025"
    assert css(front, ".toc-title")[0].text_content() == "Contents"
    for element in [*css(front, ".title-page"), *css(front, ".copyright"), *css(front, ".toc")]:
        assert not HAN.search(element.text_content()), element.text_content()
    assert not HAN.search(index.text_content()), index.text_content()
    assert "(pseudonym)" in index.text_content()


@pytest.mark.parametrize(("language", "contents", "by", "day"), [
    ("zh-Hans", "目录", "燕青　王之言　著", "2024年2月22日"), ("zh-Hant", "目錄", "燕青　王之言　著", "2024年2月22日"),
])
def test_a_chinese_title_keeps_its_words(language: str, contents: str, by: str, day: str) -> None:
    text = ENGLISH.replace("language: en", f"language: {language}").replace(
        "authors: [Ann Whitby, Joe Marr]", "authors: [燕青, 王之言]").replace("date: 2025-03-04", "date: 2024-02-22")
    _doc, front, index = front_and_index(text)
    assert css(front, ".toc-title")[0].text_content() == contents
    assert css(front, ".book-authors")[0].text_content() == by
    imprint = [td.text_content().replace(" ", "") for td in css(front, ".imprint td")]
    assert day in imprint
    assert "（化名）" in index.text_content()
