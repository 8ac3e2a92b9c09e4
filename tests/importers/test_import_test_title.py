"""A title written for these tests (not derived from the seed): other surnames (a compound one,
a rare one), a handle that is the whole name, speakers who answer twice (one with two roles,
one with two spellings of the label), a Latin name, numbered points, an aside, a pseudonym note,
no credit line. Everything expected below is written out by hand from reading the copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.fidelity import find_in_order, raw_paragraphs
from pipeline.model import Document
from pipeline.reader import read_source
from tests.importers.importhelp import NIGHT_MARKET, fill_placeholders, run_import

# (name, role, handle, pseudonym), in order of first appearance
REGISTRY = [
    ("葛秀兰", "退休教师", None, False),
    ("阿福炒粉", "摊主", "@阿福炒粉", False),
    ("邝振东", "外卖骑手", None, True),
    ("欧阳明远", "夜市管理办公室主任", None, False),
    ("Lucy Wang", "游客", None, False),
]
# (chapter title, kind, [(speaker name, label shown)])
CHAPTERS = [
    ("你为什么每天晚上来夜市？", "question",
     [("葛秀兰", "退休教师葛秀兰"), ("阿福炒粉", "摊主@阿福炒粉"), ("邝振东", "外卖骑手邝振东")]),
    ("夜市有什么需要改进的？", "question",
     [("欧阳明远", "夜市管理办公室主任欧阳明远"), ("Lucy Wang", "游客Lucy Wang"),
      ("葛秀兰", "社区志愿者葛秀兰"), ("阿福炒粉", "摊主@阿福炒粉")]),
    ("给夜市的一句话", "closing", [("邝振东", "外卖骑手邝振东")]),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_import(NIGHT_MARKET, tmp_path_factory.mktemp("night-market"))


@pytest.fixture(scope="module")
def doc(written: Path) -> Document:
    return read_source(fill_placeholders(written))


def test_no_credit_line_leaves_authors_and_outlet_open(written: Path) -> None:
    _doc, diagnostics = check(written, pinyin=False)
    errors = Counter(d.code for d in diagnostics if d.severity == "error")
    assert errors == Counter({"E120": 1, "E121": 1, "E122": 1, "E123": 1, "E124": 1, "E125": 1})
    text = written.read_text(encoding="utf-8")
    assert "credit:" not in text and "editor:" not in text and "account:" not in text


def test_filled_file_checks_clean(doc: Document, written: Path) -> None:
    _doc, diagnostics = check(written.with_name(written.stem + "-filled.md"), pinyin=False)
    assert [str(d) for d in diagnostics if d.severity == "error"] == []
    assert not [d for d in diagnostics if d.code in ("W401", "W402", "W403", "W407")]


def test_registry(doc: Document) -> None:
    assert [(s.name, s.role, s.handle, s.pseudonym) for s in doc.speakers] == REGISTRY


def test_chapters_answers_and_labels(doc: Document) -> None:
    got = [(s.title, s.kind, [(a.speaker.name, a.label) for a in s.answers]) for s in doc.chapters]
    assert got == CHAPTERS


def test_paragraphs_points_asides_notes_references(doc: Document) -> None:
    assert len(doc.article.paragraphs) == 4
    assert doc.article.paragraphs[1].text.startswith("夜市管理办公室主任欧阳明远每天傍晚")
    assert "“扫码点单”" in doc.article.paragraphs[1].text  # the copy's straight quotes, curled by the house style
    improve = doc.chapters[1].answers[0].paragraphs
    assert [(p.number, p.text) for p in improve] == [
        (None, "我们自己也列了几条："),
        (1, "公共座位不够，周末至少还要加80个。"),
        (2, "垃圾分类的桶要再往摊位那边挪一挪。"),
        (3, "收摊以后的清洗时间太晚，附近居民有意见。"),
    ]
    first = doc.chapters[0].answers[1].paragraphs[0]
    assert [(s.text, s.style) for s in first.spans][0] == ("（笑）", "aside")
    assert doc.chapters[1].answers[1].paragraphs[0].text == "The food is great. 就是排队太久了，一份炒粉等了二十分钟。"
    notes = [s for s in doc.sections if s.kind == "note"]
    assert [p.text for p in notes[0].paragraphs] == ["（文中邝振东为化名。）"]
    references = doc.sections[-1].references
    assert [(r.text, r.outlet, str(r.date)) for r in references] == [
        ("城西夜市完成消防整改恢复营业，城西日报，2025年4月12日", "城西日报", "2025-04-12"),
        ("抖音：@阿福炒粉", "抖音", "None"),
    ]


def test_every_paragraph_in_order(doc: Document) -> None:
    assert find_in_order(raw_paragraphs(NIGHT_MARKET), "\n".join(doc.text_blocks())) == []


def test_role_override_is_on_the_differing_answer_only(written: Path) -> None:
    lines = [line for line in written.read_text(encoding="utf-8").splitlines() if line.startswith("::: answer")]
    assert lines.count("::: answer gexiulan role=社区志愿者") == 1
    assert lines.count("::: answer gexiulan") == 1
