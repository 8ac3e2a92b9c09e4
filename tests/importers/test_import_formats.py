"""The same copy delivered as a news page (site header, navigation, share bar, ad, sidebar,
comments, footer), as a saved WeChat article and as a Word file imports to the same document
as the plain text. The fixtures are made from the plain text by
`tests/fixtures/import/make_fixtures.py` (lxml and python-docx), not by the importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.importers.formats import read_html
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


# (page body, paragraphs the importer must keep, paragraphs it must leave out), by hand
PAGE_FURNITURE = [
    ('<p><img src="a.jpg"><br>夜校的教室。（资料图）</p>', [], ["夜校的教室。（资料图）"]),  # a caption under a picture
    ('<figure><img src="a.jpg"><figcaption>罗振华在店里。</figcaption></figure>', [], ["罗振华在店里。"]),
    ('<p>刚交完班。<img class="emoji" src="e.png"></p>', ["刚交完班。"], []),  # an emoji is no picture
    ('<p>刚交完班<img src="e.png" width="20">。</p>', ["刚交完班。"], []),
    ('<p>前面的话<img src="a.jpg">后面的话。</p>', ["前面的话后面的话。"], []),  # words around a picture
    ('<div class="post-comment"><p>网友：好人一生平安！</p></div>', [], ["网友：好人一生平安！"]),
    ('<div class="ad inline-ad"><p>夏季大促，全场五折起。</p></div>', [], ["夏季大促，全场五折起。"]),
]


@pytest.mark.parametrize(("html", "kept", "left_out"), PAGE_FURNITURE)
@pytest.mark.parametrize("wechat", [False, True], ids=["page", "wechat"])
def test_captions_comments_and_ads_of_a_page_are_left_out_and_listed(html: str, kept: list[str],
                                                                     left_out: list[str], wechat: bool) -> None:
    article = "".join(f"<p>城东新开了一家旧书店，第{n}位常客说，老板要开到深夜，每天都有人来看书。</p>" for n in range(1, 7))
    body = f'<div id="js_content">{article}{html}</div>' if wechat else f"<article>{article}{html}</article>"
    extracted = read_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    texts = [b.text for b in extracted.blocks]
    assert all(text in texts for text in kept), texts
    assert not [text for text in left_out if text in texts]
    if wechat or "<figcaption>" not in html:  # (trafilatura drops a figure's caption on its own, unlisted)
        assert all(text in " ".join(extracted.notes) for text in left_out)
