"""Links in the source: their text and address reach the model (the address used to be dropped
silently); an address no edition can follow is an error at its line; `publish check` does not
take an address's marks for half-width punctuation; the typography pass leaves addresses alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.model import Span
from pipeline.passes.typography import normalise_document
from pipeline.reader import read_with_diagnostics
from tests.test_reader import VALID, line_of

PARAGRAPH = "第一段，有Latin和2025年。"


def read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "links.md"
    path.write_text(text, encoding="utf-8")
    return read_with_diagnostics(path)


def spans(tmp_path: Path, paragraph: str) -> tuple[Span, ...]:
    result = read(tmp_path, VALID.replace(PARAGRAPH, paragraph))
    assert result.document is not None, result.diagnostics
    assert result.diagnostics == []
    return result.document.sections[0].paragraphs[0].spans


def test_a_link_keeps_its_text_and_its_address(tmp_path: Path) -> None:
    assert spans(tmp_path, "详见[馆方公告](https://example.org/notice?id=3)。") == (
        Span(text="详见"), Span(text="馆方公告", href="https://example.org/notice?id=3"), Span(text="。"))


def test_styles_inside_a_link_keep_the_address(tmp_path: Path) -> None:
    assert spans(tmp_path, "见[*公*，**告**](mailto:ed@example.org)和[AI](https://a.example/)。") == (
        Span(text="见"), Span(text="公", style="em", href="mailto:ed@example.org"),
        Span(text="，", href="mailto:ed@example.org"), Span(text="告", style="strong", href="mailto:ed@example.org"),
        Span(text="和"), Span(text="AI", href="https://a.example/"), Span(text="。"))


def test_an_autolink_is_its_address_linked(tmp_path: Path) -> None:
    assert spans(tmp_path, "网址<https://example.org/a>。") == (
        Span(text="网址"), Span(text="https://example.org/a", href="https://example.org/a"), Span(text="。"))


def test_an_address_with_chinese_is_kept_encoded_for_the_link(tmp_path: Path) -> None:
    [_, link, _] = spans(tmp_path, "见[这里](https://example.org/路径)。")
    assert link.href == "https://example.org/%E8%B7%AF%E5%BE%84"


BAD_LINKS = [
    ("a file name", "[公告](notice.html)"),
    ("a script", "[公告](javascript:alert(1))"),
    ("nothing", "[公告]()"),
    ("a scheme without a host", "[公告](https:notice)"),
    ("a file url", "[公告](file:///etc/passwd)"),
]


@pytest.mark.parametrize("link", [link for _name, link in BAD_LINKS], ids=[name.replace(" ", "-") for name, _ in BAD_LINKS])
def test_an_address_no_edition_can_follow_is_an_error_at_its_line(tmp_path: Path, link: str) -> None:
    text = VALID.replace(PARAGRAPH, f"第一行，\n第二行见{link}。")
    result = read(tmp_path, text)
    assert result.document is None
    [problem] = result.diagnostics
    assert (problem.code, problem.line) == ("E223", line_of(text, "第二行"))
    assert "only whole web addresses (https://…, http://…) and mail addresses (mailto:…) can be linked" in problem.message


def test_a_heading_cannot_be_a_link(tmp_path: Path) -> None:
    text = VALID.replace("## 第一个问题？", "## [第一个问题](https://example.org/)？")
    result = read(tmp_path, text)
    assert [(d.code, d.line) for d in result.diagnostics] == [("E223", line_of(text, "## "))]
    assert "a chapter heading cannot be a link" in result.diagnostics[0].message


REFERENCES = "\n## 参考资料 {.references}\n\n1. [官网](https://example.org/)\n2. 微博：@本报\n"


def test_a_reference_keeps_its_address(tmp_path: Path) -> None:
    result = read(tmp_path, VALID + REFERENCES)
    assert result.document is not None, result.diagnostics
    [first, second] = result.document.sections[-1].references
    assert (first.text, first.url) == ("官网", "https://example.org/")
    assert (second.text, second.url) == ("微博：@本报", None)


def test_a_reference_with_two_addresses_is_an_error(tmp_path: Path) -> None:
    text = VALID + REFERENCES.replace("1. [官网](https://example.org/)", "1. [官网](https://example.org/)和[镜像](https://m.example.org/)")
    result = read(tmp_path, text)
    assert [(d.code, d.line) for d in result.diagnostics] == [("E223", line_of(text, "1. [官网]"))]
    assert "reference 1 links 2 addresses" in result.diagnostics[0].message


def test_check_does_not_warn_about_an_address_but_does_about_the_text(tmp_path: Path) -> None:
    text = VALID.replace(PARAGRAPH, "详见[馆方公告](https://example.org/a?b=(1)) 和<https://example.org/x?y=1>,谢谢")
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    line = line_of(text, "详见")
    assert [(d.code, d.line, d.col) for d in check(path)[1] if d.code.startswith("W4")] == [
        ("W401", line, text.splitlines()[line - 1].index(",谢谢") + 1)]


def test_typography_fixes_a_links_text_and_keeps_its_address(tmp_path: Path) -> None:
    result = read(tmp_path, VALID.replace(PARAGRAPH, "见[公告,新](https://example.org/a?b=1,c)。"))
    assert result.document is not None
    link = normalise_document(result.document).sections[0].paragraphs[0].spans[1]
    assert (link.text, link.href) == ("公告，新", "https://example.org/a?b=1,c")
