"""A seventh sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `hant-mandarin`: a Taipei title in traditional characters throughout, read in Mandarin
  (`language: zh-Hant-TW`): a father and a daughter, the host's interjection, a closing chapter;
- `rare-characters`: names with uncommon characters (堃 玥 犇 喆 淼), characters of CJK Extension
  B (𠮷 𡈼, in a speaker's name too), 〇, the iteration mark 々, an ideographic description (⿰木土);
- `panel`: five guests answer the same questions in turn, with Latin names (Sam Altman, Yann
  LeCun), a mixed one (黄仁勋（Jensen Huang）), English sentences, and a guest who speaks only in
  the closing chapter;
- `extremes`: an answer of 3,000 characters in one paragraph, answers of one word (不。 嗯…… 是。),
  a poem's lines broken inside an answer, numbered lists inside answers.

Found by the sweep: the learner editions of a traditional title read it character by character
(the lexicons are simplified), so polyphones took their lone default: 銀行 yín xíng, and
為什麼, 鑰匙, 會計 were guesses `publish check` flagged (W405); the audio spelt a character of
Extension B, and the iteration mark 々, by its CODE POINT in Chinese digits (𡈼子 → 二一二三四子,
人々 → 人二三〇〇五, the speaker 𠮷田𡈼子 announced as digits); a W405 in a long paragraph that repeats
a phrase pointed every time at the phrase's first appearance (seven warnings at one column).

Cheap on purpose (the suite is near its time): one in-process build of the four titles' EPUBs;
the learner editions' readings, the audio's text and `publish check` at the level of the passes. The SOURCE is the yardstick (tests/sentences.py reads it without the pipeline).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import sentences
from tests.conftest import ROOT
from tests.test_newsroom_sources6 import _answers_shown, _book_text, answers_by_fence, lost_from_the_epubs

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("hant-mandarin", "rare-characters", "panel", "extremes")
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from pipeline.api import BuildSettings, build_titles, find_titles

    work = tmp_path_factory.mktemp("newsroom7")
    # (the EPUBs only: the learner editions read through the annotator, tested below on its own)
    report = build_titles(find_titles(list(SOURCES.values())), BuildSettings(editions=("epub",)),
                          out=work / "out", jobs=1, cache_dir=work / "cache", log=lambda _line: None)
    assert report.ok, report.failed
    return work / "out"


def test_every_sentence_reaches_the_epubs(out) -> None:
    least = {"hant-mandarin": 25, "rare-characters": 24, "panel": 22, "extremes": 30}
    assert lost_from_the_epubs(out, SOURCES, SLUGS, least) == {}
    # (the 3,000 characters of the one paragraph, whole and in one paragraph)
    longest = max((b.text for b in sentences.read_source(SOURCES["extremes"]).blocks), key=len)
    assert len(longest) >= 3000 and sentences.normalise(longest) in sentences.normalise(_book_text(out / f"{SLUGS['extremes']}.epub"))


def test_each_answer_under_its_own_label_in_order(out) -> None:
    """Every answer of the source, in order, under its speaker's label: the guests answering one
    question in turn, the one-word answers, the guest who speaks only in the closing chapter."""
    wrong = {}
    for shape, path in SOURCES.items():
        expected = answers_by_fence(path)
        # (an ordered list's items are printed （1）（2）…: README, the source format)
        shown = [(sentences.normalise(label), re.sub(r"\(\d+\)", "", sentences.normalise(text)))
                 for label, text in _answers_shown(out / f"{SLUGS[shape]}.epub")]
        want = [(sentences.normalise(label), sentences.normalise(text)) for _fence, label, text in expected]
        if shown != want:
            wrong[shape] = [(k, s, w) for k, (s, w) in enumerate(zip(shown, want)) if s != w][:3] or (len(shown), len(want))
    assert wrong == {}


# --- a traditional title is read through its words ---------------------------------------------

# Words of the traditional fixture and their readings, checked by hand in a dictionary (the 现代汉语
# 词典's readings of the simplified forms 银行, 为什么, 钥匙, 会计, 书店, 地方志).
HANT_WORDS = {"銀行": ("yín", "háng"), "為什麼": ("wèi", "shén", "me"), "鑰匙": ("yào", "shi"),
              "會計": ("kuài", "jì"), "書店": ("shū", "diàn"), "地方誌": ("dì", "fāng", "zhì")}


def test_a_traditional_title_leaves_nothing_to_guess_that_its_simplified_twin_does_not() -> None:
    """The learner editions' annotator reads traditional text as it reads the same text in
    simplified characters (the fixture's sentences against a simplified copy written by hand),
    each word of it as one word, read as the dictionary reads it (before: 銀行 yín xíng)."""
    from pipeline.passes.pinyin import PinyinAnnotator

    twins = {"她原本在銀行上班，做了十二年的會計。": "她原本在银行上班，做了十二年的会计。",
             "為什麼在這條街開書店？": "为什么在这条街开书店？",
             "三年前，他把鑰匙交給了女兒林語彤。": "三年前，他把钥匙交给了女儿林语彤。"}
    hant = PinyinAnnotator(names=["林語彤"])
    hans = PinyinAnnotator(names=["林语彤"])
    for written, simplified in twins.items():
        assert written in SOURCES["hant-mandarin"].read_text(encoding="utf-8")
        tokens = hant.annotate(written)
        assert "".join(t.text for t in tokens) == written  # (set as written)
        assert [t.pinyin for t in tokens] == [t.pinyin for t in hans.annotate(simplified)]
        assert hant.unsure(written) == []
    # (a character simplified text uses too, 著 乾: read as its usual simplified form where that
    # makes a word, kept where it is one as written; readings from the dictionary by hand)
    for written, reading in (("門口擺著一排一本十元的舊書。", ("mén", "kǒu", "bǎi", "zhe")),
                             ("每一本都有人等著。", ("měi", "yī", "běn", "dōu", "yǒu", "rén", "děng", "zhe")),
                             ("房間很乾淨。", ("fáng", "jiān", "hěn", "gān", "jìng")),
                             ("他睡著了。", ("tā", "shuì", "zháo", "le")),
                             ("著名的作家。", ("zhù", "míng", "de", "zuò", "jiā"))):
        tokens = hant.annotate(written)
        assert tuple(s for t in tokens if t.pinyin for s in t.pinyin)[:len(reading)] == reading, (written, tokens)
        assert "".join(t.text for t in tokens) == written and hant.unsure(written) == []
    source = SOURCES["hant-mandarin"].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    words = {t.text: t.pinyin for paragraph in source.split("\n\n") for t in hant.annotate(paragraph)}
    assert {w: words.get(w) for w in HANT_WORDS} == HANT_WORDS


# --- the ear never gets a code point -------------------------------------------------------------

def _reading(char: str) -> str | None:
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char))
    return found.split(",")[0] if found else None


def test_a_rare_character_is_said_not_spelt_by_its_code_point() -> None:
    """eSpeak spells a character past the BMP, and 々, by its code point in Chinese digits: the
    text for the ear has none of them; a character with a reading is said by a character of that
    reading, 々 repeats the one before it, a variant is said as its usual form."""
    from pipeline.audio.plan import make_plan
    from pipeline.passes.casting import cast
    from pipeline.passes.speech import load_rules, speak
    from pipeline.reader import read_source

    rules = load_rules()
    rare = re.compile("[々〻\U00020000-\U0003134f]")
    checked = 0
    for _block, sentence in sentences.read_source(SOURCES["rare-characters"]).sentences():
        spoken = speak(sentence, rules)
        assert not rare.search(spoken), (sentence, spoken)
        for char in rare.findall(sentence):
            checked += 1
            if char in "々〻":
                continue
            if _reading(char):  # (said by a character read the same way: 𡈼 tǐng)
                assert any(_reading(c) == _reading(char) for c in spoken), (char, spoken)
    assert checked >= 5
    assert "人人" in speak("人々", rules) and "时时" in speak("时々", rules)
    assert speak("𠮷田", rules) == "吉田"
    assert speak("账上记着〢〥。", rules) == "账上记着二五。"  # (Suzhou numerals: before, 三〇二二…)
    # (the host announces the speaker 𠮷田𡈼子 by name: said, not spelt)
    doc = read_source(SOURCES["rare-characters"])
    spoken = ["".join(cue.spoken) for cue in make_plan(doc, cast(doc, "espeak")).cues()]
    assert [s for s in spoken if rare.search(s)] == []
    assert any("吉田" in s for s in spoken)


# --- a warning points at the place it is about ---------------------------------------------------

def test_a_guess_in_a_paragraph_that_repeats_itself_is_placed_at_each_appearance() -> None:
    from pipeline.check import check

    _doc, diagnostics = check(SOURCES["extremes"])
    lines = SOURCES["extremes"].read_text(encoding="utf-8").split("\n")
    guesses = [d for d in diagnostics if d.code == "W405"]
    assert len(guesses) >= 7
    places = [(d.line, d.col) for d in guesses]
    assert len(set(places)) == len(places)  # (before: seven of them at one column)
    for d in guesses:
        char = re.match(r"'(.)'", d.message)[1]
        assert lines[d.line - 1][d.col - 1] == char, (d.line, d.col, d.message)


# --- the name index files a name by a letter ------------------------------------------------------

def test_a_name_beginning_with_a_variant_is_filed_under_its_usual_forms_letter(tmp_path) -> None:
    """𠮷田𡈼子 (𠮷 has no reading: the variant of 吉 jí) stood under a heading '𠮷', a letter the
    fonts cannot draw; every heading of the index is a Latin capital."""
    from pipeline.reader import read_source
    from pipeline.renderers.pdfbook import _index

    doc = read_source(SOURCES["rare-characters"])
    index = _index(doc)
    letters = re.findall(r'class="index-letter">([^<]+)<', index)
    assert all(re.fullmatch("[A-Z]", letter) for letter in letters), letters
    names = re.findall(r'class="index-name">([^<]+)<', index)
    assert names.index("𠮷田𡈼子") < names.index("李玥")  # (jí before lǐ)
    # (a first character no table reads, 㐂, is filed under '#', after the letters)
    other = tmp_path / "other.md"
    other.write_text(SOURCES["rare-characters"].read_text(encoding="utf-8").replace("name: 𠮷田𡈼子", "name: 㐂田𡈼子"), encoding="utf-8")
    assert re.findall(r'class="index-letter">([^<]+)<', _index(read_source(other))) == ["L", "M", "Z", "#"]
