"""Copy's zero-width spaces and links through the real `publish import`, then the normal reader and
`publish check` on the file it wrote. Expectations written by hand.

Before: a zero-width space (U+200B, which WeChat and Word put between Chinese characters) became a
space in the text ('中 文'); a link of a web page or a Word file kept only its text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app
from pipeline.reader import read_source
from tests.importers.importhelp import fill_placeholders

runner = CliRunner()

ZWSP = "\u200b"
# (copy, the paragraph the reader reads back): between Chinese characters a ZWSP is nothing,
# between Latin words a space, at a Latin-Chinese seam nothing.
ZERO_WIDTH = [
    (f"城东{ZWSP}图书馆{ZWSP}{ZWSP}夜读。", "城东图书馆夜读。"),
    (f"Night{ZWSP}Owl{ZWSP}Reading是英文名。", "Night Owl Reading是英文名。"),
    (f"用了AI{ZWSP}工具，版本2{ZWSP}0。", "用了AI工具，版本2 0。"),
    (f"“{ZWSP}笑{ZWSP}”", "“笑”"),
]


def _import(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    result = runner.invoke(app, ["import", str(path), "--out-dir", str(tmp_path / "out"), "--slug", "copy"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "copy.md"


def _clean_check(source: Path) -> list:
    filled = fill_placeholders(source)
    _doc, found = check(filled)
    return [d for d in found if d.severity == "error" or d.code in ("W401",)]


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_a_zero_width_space_vanishes_between_chinese_and_is_a_space_between_latin(tmp_path: Path, kind: str) -> None:
    paragraphs = ["文章第一段。", *(copy for copy, _ in ZERO_WIDTH), "你怎么看？", "编剧余飞：", "回答。"]
    if kind == "txt":
        source = _import(tmp_path, "copy.txt", "\n\n".join(paragraphs) + "\n")
    elif kind == "html":
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        source = _import(tmp_path, "copy.html", f'<html><body><div id="js_content">{body}</div></body></html>')
    else:
        document = docx.Document()
        for p in paragraphs:
            document.add_paragraph(p)
        document.save(tmp_path / "made.docx")
        source = _import(tmp_path, "copy.docx", (tmp_path / "made.docx").read_bytes())
    doc = read_source(fill_placeholders(source))
    texts = [p.text for p in doc.sections[0].paragraphs]
    assert texts[1:] == [expected for _, expected in ZERO_WIDTH]
    assert ZWSP not in source.read_text(encoding="utf-8")


LINKED = ('<p>馆方在<a href="https://example.org/night?a=1&amp;b=2">官网</a>公布了时间，'
          '来信请寄<a href="mailto:desk@example.org">编辑部</a>，'
          '详见<a href="/local/page.html">本站页面</a>和<a href="javascript:void(0)">这里</a>，'
          '也可看<a href="https://example.org/a_(b) c">维基</a>。</p>')
# (text, address) of every link the reader reads back, in order: only whole web and mail addresses
LINKS = [("官网", "https://example.org/night?a=1&b=2"), ("编辑部", "mailto:desk@example.org"),
         ("维基", "https://example.org/a_(b)%20c")]
TEXT = "馆方在官网公布了时间，来信请寄编辑部，详见本站页面和这里，也可看维基。"


def _links(doc) -> list[tuple[str, str]]:
    return [(s.text, s.href) for p in doc.sections[0].paragraphs for s in p.spans if s.href is not None]


def _html_page(paragraph: str, wechat: bool) -> str:
    if wechat:
        return f'<html><body><div id="js_content"><p>文章第一段。</p>{paragraph}<p>你怎么看？</p></div></body></html>'
    filler = "".join(f"<p>这是文章的第{n}段，写得足够长，好让正文抽取把它当作文章的正文来读。</p>" for n in "一二三四五")
    return (f"<html><head><title>页面</title></head><body><nav><a href='/'>首页</a></nav><main><div class='content'>"
            f"{filler}{paragraph}</div></main><footer>版权所有</footer></body></html>")


@pytest.mark.parametrize("wechat", [True, False], ids=["wechat", "trafilatura"])
def test_links_of_a_web_page_become_source_links(tmp_path: Path, wechat: bool) -> None:
    source = _import(tmp_path, "page.html", _html_page(LINKED, wechat))
    doc = read_source(fill_placeholders(source))
    assert TEXT in [p.text for p in doc.sections[0].paragraphs]
    assert _links(doc) == LINKS
    written = source.read_text(encoding="utf-8")
    assert "[官网](https://example.org/night?a=1&b=2)" in written
    assert "javascript" not in written and "/local/page.html" not in written
    assert _clean_check(source) == []


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def test_links_of_a_word_file_become_source_links(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("文章第一段。")
    paragraph = document.add_paragraph("馆方在")
    _add_hyperlink(paragraph, "官网", "https://example.org/night")
    paragraph.add_run("公布了时间，详见")
    _add_hyperlink(paragraph, "内部文件", "file:///C:/notes.docx")
    paragraph.add_run("。")
    document.add_paragraph("你怎么看？")
    document.save(tmp_path / "made.docx")
    source = _import(tmp_path, "copy.docx", (tmp_path / "made.docx").read_bytes())
    doc = read_source(fill_placeholders(source))
    assert "馆方在官网公布了时间，详见内部文件。" in [p.text for p in doc.sections[0].paragraphs]
    assert _links(doc) == [("官网", "https://example.org/night")]
    assert "file:" not in source.read_text(encoding="utf-8")
    assert _clean_check(source) == []
