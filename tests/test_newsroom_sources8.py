"""An eighth sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `minimal`: the smallest valid title: one question, one answer of one word, no article, no
  subtitle;
- `inline-dense`: copy thick with inline markup: emphasis inside quotations, a question heading
  in bold inside quotes, note marks in the middle and at the end of a sentence (①, [1]), links,
  an address alone `<mailto:…>`, a web address typed as text, English with apostrophes and
  hyphens (don't, rock'n'roll, e-mail, AI-generated), figures with signs, units and ranges
  (−18℃, 2~8℃, 12%～15%, ¥2.8～¥3.5, ±2%, 2020—2024 年);
- `dialect`: Cantonese (佢哋、唔係、嘅, also as `{lang=yue}` spans) and Hokkien (`{lang=nan}`) in
  a Mandarin title's answers, and 文言 quotations with a pinned reading (不亦说乎 yuè);
- `crowd`: eighteen speakers, most answering once: three named 王, names of one, two, three and
  four characters (李, 王一, 司马南, 欧阳娜娜, 上官婉儿, 诸葛青云), two whose title changes between
  answers by `role=`.

Found by the sweep: the learner PDF broke a line between a figure and its sign or unit ('到−' ⏎
'5℃', '2~8' ⏎ '℃'); an address alone `<mailto:data@example.org>` was printed 'mailto:data@…' in
every edition, and twice on paper (the text, then the address it was not), the learner PDF broke
it at the colon, the audio said 'mailto'; the audio read note marks as numbers of the sentence
(受访者① → 受访者一, 两点② → 两点二 'two points two', a note's '① 两位' → 一两位 'one or two'); a
W405 inside a span (`[汝食饱未？]{lang=nan}`) or across a line end was placed at column 1.

Cheap on purpose (the suite is at its time): one in-process build of the four titles' EPUBs; the
learner editions' segments, the audio's text and `publish check` at the level of the passes. The
SOURCE is the yardstick (tests/sentences.py reads it without the pipeline).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import sentences
from tests.conftest import ROOT
from tests.test_newsroom_sources6 import _answers_shown, _book_text, answers_by_fence, lost_from_the_epubs

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("minimal", "inline-dense", "dialect", "crowd")
BUILT = ("minimal", "inline-dense", "crowd")  # (the dialect title: at the level of the passes; an EPUB costs 2 s)
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from pipeline.api import BuildSettings, build_titles, find_titles

    work = tmp_path_factory.mktemp("newsroom8")
    report = build_titles(find_titles([SOURCES[shape] for shape in BUILT]), BuildSettings(editions=("epub",)),
                          out=work / "out", jobs=1, cache_dir=work / "cache", log=lambda _line: None)
    assert report.ok, report.failed
    return work / "out"


def test_every_sentence_reaches_the_epubs_under_its_own_label(out) -> None:
    least = {"minimal": 3, "inline-dense": 30, "crowd": 40}
    assert lost_from_the_epubs(out, {shape: SOURCES[shape] for shape in BUILT}, SLUGS, least) == {}
    wrong = {}
    for shape, path in ((shape, SOURCES[shape]) for shape in BUILT):
        # (an ordered list's items are printed （1）（2）…: README, the source format)
        shown = [(sentences.normalise(label), re.sub(r"\(\d+\)", "", sentences.normalise(text)))
                 for label, text in _answers_shown(out / f"{SLUGS[shape]}.epub")]
        want = [(sentences.normalise(label), sentences.normalise(text)) for _fence, label, text in answers_by_fence(path)]
        if shown != want:
            wrong[shape] = [(k, s, w) for k, (s, w) in enumerate(zip(shown, want)) if s != w][:3] or (len(shown), len(want))
    assert wrong == {}
    assert len(answers_by_fence(SOURCES["crowd"])) == 22


# --- a mail address alone is printed as a reader types it ----------------------------------------

def test_an_address_alone_prints_the_mail_address_without_its_scheme(out) -> None:
    """`<mailto:data@example.org>` is the address data@example.org in every edition (as
    `<data@example.org>` is): the EPUB shows and links it, paper prints no second copy of it."""
    from pipeline.reader import read_source
    from pipeline.renderers.htmltext import addresses

    assert "mailto:" not in _book_text(out / f"{SLUGS['inline-dense']}.epub")
    assert "data@example.org" in _book_text(out / f"{SLUGS['inline-dense']}.epub")
    doc = read_source(SOURCES["inline-dense"])
    mailed = [(p, s) for p in doc.paragraphs() for s in p.spans if (s.href or "").startswith("mailto:")]
    assert [s.text for _p, s in mailed] == ["data@example.org"]
    # (the links note after the paragraph: the report's page, not the address a second time)
    assert [shown for shown_text, shown in addresses(mailed[0][0])] == ["https://example.org/data/cold-chain?year=2024&city=east"]


# --- the learner editions keep a figure whole ------------------------------------------------------

def _segments(text: str) -> list[str]:
    """The segments the pinyin pass makes of the text between Han characters (`_other_segs`:
    Latin words, figures, marks, addresses)."""
    from pipeline.passes.pinyin.segmentation import _other_segs

    found: list = []
    for run in re.split(r"[\u3400-\u9fff]+", text):
        _other_segs(run, 0, found)
    return [seg.text for seg in found]


def test_a_figure_with_its_sign_and_unit_is_one_word_of_the_learner_editions() -> None:
    """The learner editions put a word space, where a line may break, between segments: each
    figure of the fixture with its sign, currency, unit or range is one segment (before: '−',
    '18', '℃' were three, and the learner PDF ended a line with '到−', began one with '℃')."""
    figures = re.compile(r"[−\-+±¥]?\d+(?:[.,]\d+)*[%℃]?(?:[~～—][−\-+±¥]?\d+(?:[.,]\d+)*[%℃]?)*")
    checked = set()
    for _block, sentence in sentences.read_source(SOURCES["inline-dense"]).sentences():
        segments = _segments(sentence)
        for figure in figures.findall(sentence):
            if re.search(r"[−\-±¥%℃~～—]", figure) and "://" not in sentence:
                assert figure in segments, (figure, segments)
                checked.add(figure)
    assert {"−18℃", "−5℃", "2~8℃", "12%～15%", "¥2.8～¥3.5", "±2%", "2020—2024", "-20℃"} <= checked
    # (a word of letters and digits stays one word, as before; so does a mail address)
    assert _segments("3D打印机和GPT-4，3.5版") == ["3D", "GPT-4", "，", "3.5"]
    assert _segments("写信到 mailto:data@example.org 索取") == [" ", "mailto:data@example.org", " "]
    assert _segments("23:30—05:30，比分 3:2。") == ["23:30—05:30", "，", " ", "3:2", "。"]


# --- the ear gets no note mark ----------------------------------------------------------------

def test_a_note_mark_is_not_read_as_a_number_of_the_sentence() -> None:
    from pipeline.passes.speech import load_rules, speak

    rules = load_rules()
    said = {sentence: speak(sentence, rules) for _block, sentence in sentences.read_source(SOURCES["inline-dense"]).sentences()}
    marked = {s: spoken for s, spoken in said.items() if re.search(r"[①②]|\[1\]", s)}
    assert len(marked) == 4
    for sentence, spoken in marked.items():
        if re.match(r"\s*[①②]", sentence):  # (a note's own label: the number, then a pause)
            assert re.match(r"[一二]，", spoken), spoken
        else:  # (a mark at a word's end: nothing; before: 受访者一，数字，一。 我补充两点二)
            assert re.sub(r"[①②]|\[1\]", "", sentence)[:5] in spoken
            assert not re.search(r"受访者一|两点二|，一。", spoken), spoken
    assert speak("①苹果②香蕉。", rules) == "一、苹果，二、香蕉。"  # (items counted in a line are numbers)
    # (a number the sentence points to is its content: 见注① is 'see note one')
    assert speak("见注①。", rules) == "见注一。" and speak("参见图②，", rules).startswith("参见图二")
    assert speak("数据来自统计表①。", rules) == "数据来自统计表。"
    assert "受访者" in speak("两位受访者㉑。", rules) and "二十一" not in speak("两位受访者㉑。", rules)
    # (a superscript mark, where no power takes it: before, 受访者一， and 一百米二)
    assert speak("两位受访者¹，一位管机器。", rules) == "两位受访者，一位管机器。"
    assert speak("面积100米²。", rules) == "面积一百平方米。" and speak("x²", rules) == "x的平方"
    assert speak("¹ 车场位于城东路。", rules) == "一，车场位于城东路。"  # (a note's label: before, 一车场)


# --- a warning points at its character ----------------------------------------------------------

def test_a_guess_inside_a_span_or_across_a_line_end_is_placed_at_its_character(tmp_path) -> None:
    from pipeline.check import check

    _doc, diagnostics = check(SOURCES["dialect"])
    lines = SOURCES["dialect"].read_text(encoding="utf-8").split("\n")
    guesses = [d for d in diagnostics if d.code == "W405"]
    # (7: a guess inside a span marked Hokkien or Cantonese is no Mandarin reading and is not reported;
    # `locate` below still places one found behind a span's markup)
    assert len(guesses) >= 7 and len({(d.line, d.col) for d in guesses}) == len(guesses)
    for d in guesses:
        char = re.match(r"'(.)'", d.message)[1]
        assert lines[d.line - 1][d.col - 1] == char, (d.line, d.col, d.message)
    # (a guess whose context runs over a line end, and one behind a link's opening bracket: where
    # `locate` finds the model's text, '人讲“食', in the source)
    from pipeline.checkpinyin import locate

    lines = ["阮厦门人", "讲[“食茶”](https://example.org/tea)，毋是“喝茶”。"]
    assert locate(lines, 1, "人讲“食") == (2, 4)
    assert locate(["甲：[汝食饱未？]{lang=nan}，[汝食饱未？]{lang=nan}"], 1, "汝食", 1) == (1, 23)
