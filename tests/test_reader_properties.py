"""Property tests: whatever an editor (or a broken paste) puts in a source, the reader gives
a model or file:line:col errors — never a traceback, never a hang."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.build import prepare
from pipeline.check import check
from pipeline.diagnostics import RULES
from pipeline.passes.pinyin import PinyinAnnotator
from pipeline.reader import read_text
from tests.test_reader import VALID

ODD = st.sampled_from([
    "\u0301", "\u200b", "\u200d", "\u202e", "\ufeff", "😀", "👩‍👩‍👧", "\ud800", "עברית", "\x00",
    "::: answer wang", ":::", "## ", "# ", "{.closing}", "{#q1}", "[x]{lang=en}", "---", "\n\n", "&amp;",
    "<script>", "```", "1. ", "- ", "*", "**", "\t", "：", "，", "(", ")", "王五", "@handle",
])
FRAGMENT = st.one_of(st.text(max_size=40), ODD)
POSITION = re.compile(r"^.+:\d+:\d+$")


def check_result(text: str) -> None:
    result = read_text(text, "p.md")
    if result.document is None:
        assert result.diagnostics, "no model and no diagnostics"
    for diagnostic in result.diagnostics:
        assert POSITION.match(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}")
        assert diagnostic.line >= 1 and diagnostic.col >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check_result(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENT, max_size=30), st.integers(min_value=0, max_value=len(VALID)))
def test_fragments_spliced_into_a_valid_source(fragments: list[str], at: int) -> None:
    check_result(VALID[:at] + "".join(fragments) + VALID[at:])


@settings(max_examples=60, deadline=None)
@given(st.lists(FRAGMENT, max_size=10), st.integers(min_value=1, max_value=30))
def test_lines_shuffled_and_dropped(fragments: list[str], step: int) -> None:
    lines = VALID.splitlines()
    kept = [line for i, line in enumerate(lines) if i % step != step - 1] + fragments
    check_result("\n".join(kept))


def test_very_long_paragraph_reads_quickly() -> None:
    text = VALID.replace("回答一。", "很长的一段，" * 20000)
    result = read_text(text, "p.md")
    assert result.document is not None
    assert len(result.document.sections[1].answers[0].paragraphs[0].text) == 120000


# -- every front-matter field, any YAML value ---------------------------------------------------
# A valid source as data; each example puts one arbitrary value at one field (top level, a
# speaker's, a voice hint's, a pronunciation), writes the YAML the way an editor's tool would,
# and runs `publish check`'s function and the format-independent passes over the result.

FRONT = {
    "id": "urn:uuid:00000000-0000-4000-8000-000000000001", "slug": "ce-shi", "title": "测试", "subtitle": "副题",
    "language": "zh-Hans", "authors": ["作者"], "editor": "编辑", "outlet": "本报", "account": "公众号",
    "date": "2025-01-02", "description": "一个测试。", "rights": "© 2025", "credit": "本文来自本报",
    "speakers": [{"id": "wang", "name": "王五", "role": "记者", "handle": "@王五", "pseudonym": False,
                  "voice": {"gender": "male", "age": "adult", "edge": "zh-CN-YunxiNeural", "espeak": "m3"}},
                 {"id": "li", "name": "李四"}],
    "pronunciations": {"王五": "wang2 wu3"},
}
BODY = "\n第一段，有Latin和2025年。\n\n## 第一个问题？\n\n::: answer wang\n回答一。\n:::\n\n::: answer li\n回答二。\n:::\n"
FIELDS: list[tuple] = (
    [(key,) for key in FRONT]
    + [("speakers", 0, key) for key in FRONT["speakers"][0]]
    + [("speakers", 0, "voice", key) for key in FRONT["speakers"][0]["voice"]]
    + [("speakers", 1), ("speakers", 0, "new-field"), ("new-field",), ("pronunciations", "王五"),
       ("pronunciations", "调一调"), ("speakers", 0, "voice", "new-field")]
)
ODD_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(["", " ", "\x07", "\x00", "\ud800", "\u2028", "\ufeff", "\u202e", "😀", "a" * 20000, "王" * 5000,
                     "chxng2 wu3", "wang2", "wáng wǔ", "ü", "lv4", "5", "@", "@ x", "zh_CN", "中文", "x-klingon",
                     "2024-02-30", "2024-1-2", "0000-00-00", "[（笑）]{.aside}", "::: answer li", "## x", "---",
                     "yes", "~", "null", ".inf", "${x}", "{{x}}", "<script>", "&amp;", "'\"", "\\", "\t", "\n"]),
)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**30), max_value=10**30),
                   st.floats(), st.dates(), ODD_TEXT)
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(ODD_TEXT, st.integers()), inner, max_size=4)),
    max_leaves=8)


def _set(data: dict, path: tuple, value: object) -> dict:
    import copy

    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def _source(data: dict) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    return f"---\n{front}---\n{BODY}"


def _positioned(diagnostics) -> None:
    for d in diagnostics:
        assert d.code in RULES and d.line >= 1 and d.col >= 1, d
        assert POSITION.match(f"{d.path}:{d.line}:{d.col}")


def _through_passes(text: str) -> None:
    """read → check → typography → pinyin: diagnostics or a document, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "title.md"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        doc, diagnostics = check(path)
        _positioned(diagnostics)
        if doc is None:
            assert [d for d in diagnostics if d.severity == "error"], "no document and no error"
            return
        doc = prepare(doc)
        annotator = PinyinAnnotator(names=[s.name for s in doc.speakers] + list(doc.meta.authors),
                                    overrides=doc.pronunciation_table)
        for text_ in [doc.meta.title, doc.meta.subtitle or "", doc.meta.description, *doc.meta.authors,
                      *(s.name for s in doc.speakers), *(s.role or "" for s in doc.speakers),
                      *(p.text for p in doc.paragraphs())]:
            annotator.annotate(text_)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS), VALUE)
def test_any_value_in_any_front_matter_field(field: tuple, value: object) -> None:
    try:
        text = _source(_set(FRONT, field, value))
    except (yaml.YAMLError, UnicodeEncodeError):  # PyYAML cannot even write it
        assume(False)
    _through_passes(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.one_of(ODD_TEXT, st.sampled_from(["王五", "调一调", "〇", "𠀀", "王 五", "Sora"])),
                       st.one_of(ODD_TEXT, SCALAR), max_size=4))
def test_any_pronunciation_table(table: dict) -> None:
    try:
        text = _source({**FRONT, "pronunciations": table})
    except (yaml.YAMLError, UnicodeEncodeError):
        assume(False)
    _through_passes(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([(k,) for k in FRONT if k not in ("speakers", "pronunciations")]), ODD_TEXT)
def test_raw_text_pasted_as_a_field_value(field: tuple, raw: str) -> None:
    """The value typed straight into the file, unquoted, as an editor would."""
    lines = _source(FRONT).split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field[0]}:"))
    lines[index] = f"{field[0]}: {raw}"
    _through_passes("\n".join(lines))


def test_the_valid_data_is_valid() -> None:
    """The yardstick of the tests above: unchanged, the data gives a document and no error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "title.md"
        path.write_text(_source(FRONT), encoding="utf-8")
        doc, diagnostics = check(path)
    assert doc is not None and [d for d in diagnostics if d.severity == "error"] == []
    assert doc.meta.date == dt.date(2025, 1, 2)
