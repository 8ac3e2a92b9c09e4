"""A sixth sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `one-on-one`: a host and one guest; the guest answers twice in a row, the host interjects
  mid-answer, an answer that is only an aside, a role changed by `role=`, a closing chapter;
- `namesakes`: 34 speakers, seven of them named zhāng wěi (张伟 twice, 张玮, 章伟, 张炜 …) and
  their near-namesakes (陈静/陈晶/陈婧/程静, 杨帆/杨凡/阳帆 …), and an organisation as a speaker;
- `latin-dense`: an article and answers thick with Latin: English quotes, product names, a web
  and a mail address typed as text, code, prices, units, percentages, Roman numerals, a name
  with an accent (Seán O'Brien);
- `annotated`: a feature with `###` sections, quotes inside quotes, a block quote nested in a
  block quote, lists, two notes, fifteen references and a closing chapter as its only chapter.

Found by the sweep: the learner editions printed a web or mail address typed in the text as
words with spaces between them (`https : / / www.`, `press @example.com`: copied, the address is
wrong); the audio read a Latin word with an accented letter as letters (`读作zhāng wěi` →
`Z H ā N G wěi`: cut at 'ā', the consonants left were read as an acronym); the name index
ordered names letter by letter (`chengjing` before `chenjing`, so a 程 could stand among the 陈).

Cheap on purpose (the suite is over its time): one in-process build of the four titles' EPUBs
and of the Latin title's learner EPUB; the index, the audio's text and `publish check` at the level of the
model and the passes. The SOURCE is the yardstick (tests/sentences.py reads it without the pipeline).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import sentences
from tests.conftest import ROOT
from tests.renderers.epubtools import NS, Book, shown_text

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("one-on-one", "namesakes", "latin-dense", "annotated")
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from pipeline.api import BuildSettings, build_titles, find_titles

    work = tmp_path_factory.mktemp("newsroom6")
    # (the learner EPUB of the Latin title only: the pinyin pass is most of a learner build's time)
    for shapes, editions in ((SHAPES, ("epub",)), (("latin-dense",), ("epub-learner",))):
        report = build_titles(find_titles([SOURCES[shape] for shape in shapes]), BuildSettings(editions=editions),
                              out=work / "out", jobs=1, cache_dir=work / "cache", log=lambda _line: None)
        assert report.ok, report.failed
    return work / "out"


def _book_text(path: Path) -> str:
    book = Book.open(path)
    return "".join(shown_text(book.tree(href)) for href in book.spine())


def test_the_sources_check_clean() -> None:
    """No error; the warnings are the ones these texts earn (the straight
    quotes of a line of code quoted in Chinese text; `More transistors, less heat.` inside a
    Chinese paragraph, English the language model is not sure of: W430)."""
    from pipeline.check import check

    for shape, path in SOURCES.items():
        doc, diagnostics = check(path, pinyin=False)  # (W405, the guessed readings, cost seconds)
        codes = {d.code for d in diagnostics}
        assert doc is not None and codes <= {"W401", "W404", "W430"}, (shape, [(d.line, d.code, d.message) for d in diagnostics])


def lost_from_the_epubs(out: Path, sources: dict[str, Path], slugs: dict[str, str],
                        least: dict[str, int]) -> dict[str, list[str]]:
    """Each title's sentences its EPUB (text) and learner EPUB (Han characters) do not show; a
    title must hold at least `least` sentences, so a source the harness misreads cannot pass."""
    lost = {}
    for shape, path in sources.items():
        source = sentences.read_source(path)
        assert len(source.sentences()) >= least[shape], shape
        for suffix, key in ((".epub", "text"), ("-learner.epub", "han")):
            if (out / f"{slugs[shape]}{suffix}").exists() and (
                    found := sentences.missing(source, _book_text(out / f"{slugs[shape]}{suffix}"), key)):
                lost[shape + suffix] = found
    return lost


def test_every_sentence_reaches_the_epubs(out) -> None:
    least = {"one-on-one": 35, "namesakes": 70, "latin-dense": 28, "annotated": 45}
    assert lost_from_the_epubs(out, SOURCES, SLUGS, least) == {}


def answers_by_fence(path: Path) -> list[tuple[int, str, str]]:
    """The source's answers as the harness reads them, (fence line, label, text) in order: an
    answer of several paragraphs is several blocks of one speaker, so one answer per fence."""
    source = sentences.read_source(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    fences = [n for n, line in enumerate(lines, 1) if line.startswith("::: answer")]
    expected: list[tuple[int, str, str]] = []
    for block in source.blocks:
        if block.speaker is None:
            continue
        fence = max(n for n in fences if n < block.line)
        if expected and expected[-1][0] == fence:
            expected[-1] = (fence, expected[-1][1], expected[-1][2] + block.text)
        else:
            expected.append((fence, source.label(block), block.text))
    return expected


def _answers_shown(path: Path) -> list[tuple[str, str]]:
    """(label as printed: role + name, the answer's text) of every answer, in reading order."""
    book = Book.open(path)
    found = []
    for href in book.spine():
        for section in book.tree(href).iter(f"{XHTML}section"):
            if "answer" in (section.get("class") or "").split():
                label = section.find("x:*[@class='label']", NS)
                paragraphs = [p for p in section.iterfind("x:p", NS)]
                found.append((shown_text(label), "".join(shown_text(p) for p in paragraphs)))
    return found


def test_each_answer_under_its_own_label_in_order(out) -> None:
    """Every answer of the source, in the source's order, under its speaker's label (with the
    role `role=` gives that answer): two answers in a row by one speaker stay two, the host's
    interjection stays between them, namesakes keep their own roles, an organisation its name."""
    wrong = {}
    for shape, path in SOURCES.items():
        expected = answers_by_fence(path)
        shown = [(sentences.normalise(label), sentences.normalise(text)) for label, text in _answers_shown(out / f"{SLUGS[shape]}.epub")]
        want = [(sentences.normalise(label), sentences.normalise(text)) for _fence, label, text in expected]
        if shown != want:
            wrong[shape] = [(k, s, w) for k, (s, w) in enumerate(zip(shown, want)) if s != w][:3] or (len(shown), len(want))
    assert wrong == {}


# --- addresses typed as text stay whole in the learner editions ----------------------------------

# (the test's own reading of an address: a web address to white space or a Chinese mark, a
# half-width mark ending it before Chinese; a mail address)
_WEB = re.compile(r"(?:https?://|www\.)[^\s，。；：？！、“”（）]+?(?=[,.;:!?]?(?:[^\x00-\x7f]|\s|$))")
_MAIL = re.compile(r"[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def test_an_address_typed_as_text_is_one_word_of_the_learner_epub(out) -> None:
    """The learner editions space words apart: an address split into words was printed
    'https : / / www.' and 'press @example.com'. Each address of the source is one word there."""
    text = SOURCES["latin-dense"].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    addresses = _WEB.findall(text) + _MAIL.findall(text)
    assert len(addresses) == 2, addresses  # (the yardstick finds them)
    book = Book.open(out / f"{SLUGS['latin-dense']}-learner.epub")
    # (a word's span takes the closing marks after it, '…/specs/，', which may not start a line)
    words = [shown_text(w).rstrip("，。、；：？！）”’") for href in book.spine()
             for w in book.tree(href).iter(f"{XHTML}span") if "w" in (w.get("class") or "").split()]
    assert [a for a in addresses if a not in words] == []


def test_an_address_is_one_segment_of_the_pinyin_pass() -> None:
    from pipeline.passes.pinyin.segmentation import _other_segs

    for piece, address in (("https://www.example.com/a-1/b/，", "https://www.example.com/a-1/b/"),
                           ("见www.example.org/x?q=(1)。", "www.example.org/x?q=(1)"),
                           ("press.team@mail.example.com。", "press.team@mail.example.com"),
                           ("https://example.org/a. ", "https://example.org/a")):
        segs: list = []
        _other_segs(piece, 0, segs)
        assert address in [s.text for s in segs], (piece, [s.text for s in segs])
        assert "".join(s.text for s in segs) == piece  # (nothing lost, nothing doubled)


# --- accented Latin words are read as words -----------------------------------------------------

_ACCENTED_WORD = re.compile(r"[A-Za-z]*[À-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]*")


def test_a_latin_word_with_an_accent_is_read_as_a_word() -> None:
    """Pinyin typed with its tones (读作zhāng wěi) and names such as Seán: each such word of the
    sources reaches the text for the ear whole, not cut at its accent and spelt out."""
    from pipeline.passes.speech import load_rules, speak

    rules = load_rules()
    checked = 0
    for path in SOURCES.values():
        for _block, sentence in sentences.read_source(path).sentences():
            for word in _ACCENTED_WORD.findall(sentence):
                checked += 1
                assert re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", speak(sentence, rules)), (word, speak(sentence, rules))
    assert checked >= 2
    for text, word in (("他来自Zürich。", "Zürich"), ("拼音写作Běijīng。", "Běijīng"), ("Nguyễn说", "Nguyễn")):
        assert word in speak(text, rules)
    assert "É C O L E" in speak("ÉCOLE", rules)  # (an acronym is still read letter by letter)


# --- two speakers of one name are told apart by ear -----------------------------------------

def test_a_name_two_speakers_share_is_said_with_its_role_every_time() -> None:
    """The host says a speaker's role only at their first answer in a chapter; the father and the
    son both named 张伟 answer twice in one chapter, and '张伟' alone is either of them."""
    from pipeline.audio.plan import make_plan
    from pipeline.passes.casting import cast
    from pipeline.reader import read_source

    doc = read_source(SOURCES["namesakes"])
    shared = [s for s in doc.speakers if sum(o.name == s.name for o in doc.speakers) > 1]
    assert len(shared) == 2
    intros = [cue for cue in make_plan(doc, cast(doc, "espeak")).cues() if cue.role == "host" and cue.answer_id]
    said = [(cue.speaker_id, "".join(cue.spoken)) for cue in intros if cue.speaker_id in {s.id for s in shared}]
    assert len(said) >= 4  # (each of them twice in the first chapter)
    roles = {s.id: s.role for s in shared}
    assert [who for who, spoken in said if roles[who] not in spoken] == []
    # (a name no one else has keeps the short form at a second answer in a chapter)
    duet = read_source(SOURCES["one-on-one"])
    ge = [("".join(cue.spoken)) for cue in make_plan(duet, cast(duet, "espeak")).cues()
          if cue.role == "host" and cue.speaker_id == "ge"]
    assert "葛长河" in ge and "渡轮船长葛长河" in ge


# --- the name index: character by character, as a Chinese index is ordered ---------------------

# The test's own readings of the fixture's surnames (spelling, tone), from a dictionary by hand.
SURNAMES = {"陈": ("chen", 2), "程": ("cheng", 2), "东": ("dong", 1), "李": ("li", 3), "黎": ("li", 2),
            "刘": ("liu", 2), "柳": ("liu", 3), "汪": ("wang", 1), "王": ("wang", 2), "杨": ("yang", 2),
            "阳": ("yang", 2), "张": ("zhang", 1), "章": ("zhang", 1), "赵": ("zhao", 4), "周": ("zhou", 1),
            "邹": ("zou", 1)}


def test_the_name_index_keeps_each_surname_together_in_pinyin_order() -> None:
    from pipeline.reader import read_source
    from pipeline.renderers.pdfbook import _index

    doc = read_source(SOURCES["namesakes"])
    names = re.findall(r'class="index-name">([^<]+)<', _index(doc))
    assert sorted(names) == sorted(s.name for s in doc.speakers if doc.answers_by(s.id))
    keys = [(*SURNAMES[name[0]], name[0]) for name in names]
    assert keys == sorted(keys), names  # 陈 before 程, 杨 before 阳, each surname's names together
    letters = re.findall(r'class="index-letter">([^<]+)<', _index(doc))
    assert letters == sorted(set(letters)) == ["C", "D", "L", "W", "Y", "Z"]
