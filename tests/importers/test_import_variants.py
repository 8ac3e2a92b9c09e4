"""The seed's copy laid out the other ways copy arrives — labels on the answer's line, one line
per paragraph without blank lines, Windows line ends, full-width colons, indented paragraphs, a
page of bare `<p>`s, a WeChat page whose labels are bold without a colon — imports to the same
document as the copy as delivered. The variants are made here from the raw text by plain string
and lxml operations, so no variant can share a bug with the importer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import builder as E

from tests.conftest import SEED
from tests.importers.importhelp import comparable, imported_document

RAW = SEED.read_text(encoding="utf-8")
PARAS = [p.strip() for p in re.split(r"\n[ \t\u3000\xa0]*\n", RAW.strip()) if p.strip()]


def _is_label(p: str) -> bool:
    return p.endswith((":", "：")) and len(p) < 40 and not re.search(r"[。，,]", p) and p != "参考资料:"


def _inline() -> str:
    out, i = [], 0
    while i < len(PARAS):
        if _is_label(PARAS[i]):
            out.append(PARAS[i] + PARAS[i + 1])
            i += 2
        else:
            out.append(PARAS[i])
            i += 1
    return "\n\n".join(out)


def _page(bold_labels: bool) -> str:
    body = []
    for p in PARAS:
        if bold_labels and _is_label(p):
            body.append(E.SECTION(E.SPAN(E.STRONG(p.rstrip(":：")))))
        else:
            body.append(E.SECTION(E.SPAN(p)) if bold_labels else E.P(p))
    root = {"id": "js_content"} if bold_labels else {"class": "content"}
    page = E.HTML(E.HEAD(E.TITLE("页面")), E.BODY(E.DIV(E.A("首页", href="/")), E.DIV(root, *body)))
    return etree.tostring(page, encoding="unicode", method="html")


VARIANTS = {
    "labels-on-the-answer-line.txt": _inline,
    "no-blank-lines.txt": lambda: "\n".join(PARAS),
    "crlf.txt": lambda: RAW.replace("\n", "\r\n"),
    "full-width-colons.txt": lambda: "\n\n".join(p[:-1] + "：" if _is_label(p) else p for p in PARAS),
    "indented.txt": lambda: "\n\n".join("\u3000\u3000" + p for p in PARAS),
    "bare-paragraphs.html": lambda: _page(bold_labels=False),
    "bold-labels-without-colon.html": lambda: _page(bold_labels=True),
}


@pytest.fixture(scope="module")
def delivered(tmp_path_factory: pytest.TempPathFactory):
    return comparable(imported_document(SEED, tmp_path_factory.mktemp("delivered")))


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_imports_to_the_same_document(tmp_path: Path, delivered, name: str) -> None:
    copy = tmp_path / name
    copy.write_text(VARIANTS[name](), encoding="utf-8", newline="")
    assert comparable(imported_document(copy, tmp_path / "out")) == delivered
