"""The same copy delivered as a news page (site header, navigation, share bar, ad, sidebar,
comments, footer), as a saved WeChat article and as a Word file imports to the same document
as the plain text. The fixtures are made from the plain text by
`tests/fixtures/import/make_fixtures.py` (lxml and python-docx), not by the importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.model import Document
from tests.conftest import SEED
from tests.importers.importhelp import FIXTURES, NIGHT_MARKET, comparable, imported_document

PAGE_TITLE, PAGE_DATE = "Sora来了", dt.date(2024, 2, 22)  # what the seed's page and Word file say

# (copy, plain-text twin, title the format gives, date the format gives)
CASES = [
    (FIXTURES / "seed.html", SEED, PAGE_TITLE, PAGE_DATE),
    (FIXTURES / "seed-wechat.html", SEED, PAGE_TITLE, PAGE_DATE),
    (FIXTURES / "seed.docx", SEED, PAGE_TITLE, None),
    (FIXTURES / "night-market.html", NIGHT_MARKET, None, None),
    (FIXTURES / "night-market-wechat.html", NIGHT_MARKET, None, None),
    (FIXTURES / "night-market.docx", NIGHT_MARKET, None, None),
]


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Document]:
    out = tmp_path_factory.mktemp("plain")
    return {copy: imported_document(copy, out) for copy in (SEED, NIGHT_MARKET)}


@pytest.mark.parametrize("copy,twin,title,date", CASES, ids=[c[0].name for c in CASES])
def test_same_document_as_the_plain_text(tmp_path: Path, plain, copy: Path, twin: Path, title, date) -> None:
    doc = imported_document(copy, tmp_path)
    expected = comparable(plain[twin])
    got = comparable(doc)
    # the page or document gives a title (and the page a date); the plain text gives neither,
    # so its imported file keeps placeholders there, which the test filled
    if title:
        assert got["meta"].pop("title") == title
        expected["meta"].pop("title")
    if date:
        assert got["meta"].pop("date") == date
        expected["meta"].pop("date")
    assert got == expected


def test_site_furniture_is_left_out(tmp_path: Path) -> None:
    doc = imported_document(FIXTURES / "seed.html", tmp_path)
    text = "\n".join(doc.text_blocks())
    for furniture in ("示例新闻网", "分享到", "下载客户端", "相关阅读", "618年中大促", "登录后参与评论", "京ICP备"):
        assert furniture not in text, furniture


def test_wechat_page_chrome_is_left_out(tmp_path: Path) -> None:
    doc = imported_document(FIXTURES / "seed-wechat.html", tmp_path)
    text = "\n".join(doc.text_blocks())
    for furniture in ("微信扫一扫", "关注该公众号", "阅读 10万+", "写留言", "示例公众号"):
        assert furniture not in text, furniture
