"""A long title fits its pages: the half-title, the title page and the article's opener each
hold it whole on one page, in the print and the learner PDF, and a running head stays one line.

Found by the third robustness sweep: a 200-character title ran over two title pages (and over
two pages of the article's opener), and the verso running head wrapped into four lines of small
type above the text. Judged on the real PDFs by pdfminer's text, page by page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.build import prepare
from pipeline.cache import Cache
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext
from pipeline.renderers.pdf import LearnerPdfRenderer, PdfRenderer
from tests.conftest import FIRST_TITLE, ROOT, TEST_TITLE
from tests.renderers.pdftools import pages

HAN = re.compile(r"[\u4e00-\u9fff]")
# Titles cut from the first title's article (prose that does not repeat itself, unlike the test
# title's body they are set over): Han with its punctuation, and with Latin words and numbers.
PROSE = "".join(HAN.findall(FIRST_TITLE.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
TITLES = {
    "han-60": PROSE[:60],
    "mixed-150": ("GPT-4o与Sora 2发布之后，" + PROSE[60:])[:150],
    "han-200": PROSE[200:400],
    "han-400": PROSE[400:800],
}


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def source(tmp_path: Path, title: str) -> Path:
    text = TEST_TITLE.read_text(encoding="utf-8").replace("title: 灯下夜读", f"title: {title}", 1)
    assert title in text
    path = tmp_path / "long.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Cache:
    return Cache(tmp_path_factory.mktemp("cache"))


def build(renderer, title: str, tmp_path: Path, cache: Cache) -> Path:
    doc = prepare(read_source(source(tmp_path, title)))
    ctx = BuildContext(out_dir=tmp_path / "out", cache=cache, styles_dir=ROOT / "pipeline" / "styles",
                       log=lambda message: None)
    return renderer.build(doc, ctx)[0]


def assert_title_never_spills(pdf: Path, title: str) -> None:
    """Every page that shows the end of the title shows the whole of it (a title run over to the
    next page shows its end alone there), and at least three pages do: the half-title, the title
    page and the article's opener."""
    whole, tail = han(title), han(title)[-10:]
    texts = [han(" ".join(line.text for line in page.lines)) for page in pages(pdf)]
    spilled = [number for number, text in enumerate(texts) if tail in text and whole not in text]
    assert spilled == [], f"the title runs over onto page(s) {spilled}"
    assert sum(whole in text for text in texts) >= 3


def assert_running_heads_one_line(pdf: Path) -> None:
    """Above the text block (the top 10 % of the page) stands one line at most."""
    for page in pages(pdf):
        top = [line for line in page.lines if line.y0 > page.height * 0.9]
        assert len({round(line.y0) for line in top}) <= 1, (page.number, [line.text for line in top])


@pytest.mark.parametrize("name", TITLES)
def test_print_pdf_holds_a_long_title_on_its_pages(name: str, tmp_path: Path, cache: Cache) -> None:
    pdf = build(PdfRenderer(), TITLES[name], tmp_path, cache)
    assert_title_never_spills(pdf, TITLES[name])
    assert_running_heads_one_line(pdf)


@pytest.mark.parametrize("name", ["mixed-150", "han-200"])
def test_learner_pdf_holds_a_long_title_on_its_pages(name: str, tmp_path: Path, cache: Cache) -> None:
    pdf = build(LearnerPdfRenderer(), TITLES[name], tmp_path, cache)
    assert_title_never_spills(pdf, TITLES[name])
    assert_running_heads_one_line(pdf)


# The rest of the title page: (field as written in the test title, a long value for it)
TITLE_PAGE_FIELDS = {
    "subtitle-200": ("subtitle: 城东图书馆夜间阅览室的四位常客", f"subtitle: {PROSE[800:1000]}"),
    "authors-30": ("authors: [林小满]", "authors: [" + ", ".join(PROSE[n:n + 3] for n in range(1000, 1090, 3)) + "]"),
    "outlet-60": ("outlet: 城东周报", f"outlet: {PROSE[1100:1160]}"),
}


@pytest.mark.parametrize("name", TITLE_PAGE_FIELDS)
def test_the_title_page_holds_a_long_subtitle_author_list_or_outlet(name: str, tmp_path: Path, cache: Cache) -> None:
    """The outlet stood 45 % of the page's width below the authors: a long subtitle or author
    list pushed it onto a page of its own. Now it stands at the foot of the title page."""
    old, new = TITLE_PAGE_FIELDS[name]
    text = TEST_TITLE.read_text(encoding="utf-8").replace(old, new, 1)
    assert new in text
    path = tmp_path / "fields.md"
    path.write_text(text, encoding="utf-8")
    doc = prepare(read_source(path))
    ctx = BuildContext(out_dir=tmp_path / "out", cache=cache, styles_dir=ROOT / "pipeline" / "styles",
                       log=lambda message: None)
    pdf = PdfRenderer().build(doc, ctx)[0]
    texts = [han(" ".join(line.text for line in page.lines)) for page in pages(pdf)]
    meta = doc.meta
    title_page = next(n for n, t in enumerate(texts) if n > 0 and han(meta.title) in t)
    for value in (meta.subtitle, "".join(meta.authors), meta.outlet):
        assert han(value) in texts[title_page], (value, texts[title_page + 1])
