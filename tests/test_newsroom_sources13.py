"""A thirteenth sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `ferry-panel`: a panel whose four speakers answer each question in a fixed order, one of them
  absent from some questions; one speaker has no role, so his label is his name alone, and it
  opens another's answer (`铁成已经答应…`); English sentences typed inside Chinese answers without
  `{lang=en}`, a marked one followed by a space and Chinese; readings pinned (`一格: yì gé`);
- `night-market-voices`: one question answered by thirty people, 32 speakers in all, most
  answering once, some with handles and pseudonyms, two with Latin names;
- `tw-bento`: a Taiwanese title in traditional characters (「」 and 『』 quotes, 捷運, 便當, 機車)
  whose follow-up questions (追問) are chapters of their own.

Found by the sweep (every edition built by hand with `publish all` and read back with `python -m
tests.sentences SOURCE OUT`, the PDFs looked at): an English sentence inside a Chinese paragraph was
read by the Mandarin voice and given no `lang`, and nothing warned; the script and the captions
lost the space after a Latin sentence before Chinese (`What a river!旁边`, printed and spoken), and
the script's spoken text the one after a run (`my day.以后`); the script showed the voice's stand-in
characters for a pinned reading (`亦格` for 一格); its page's `<title>` was Chinese under `lang="en"`;
`追問：` and `記者：` in a traditional title were no W426 / W429; and the yardstick itself reported
an answer opening with a speaker's name (a label's words) as "in no answer".

Cheap on purpose (the suite is over its time): one build, of one title's EPUB; the rest at the level
of the model, the audio plan and the script's writer. The SOURCE is the yardstick (tests/sentences.py
reads it without the pipeline).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests import sentences
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("ferry-panel", "night-market-voices", "tw-bento")
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}
# (the test's own reading of an English sentence typed inside Chinese text: Latin words apart by
# spaces, ending in . ! or ?, between Chinese characters or marks)
LATIN_SENTENCE = re.compile(r"(?<![A-Za-z\[])[A-Z][A-Za-z',]*(?: [A-Za-z',]+){2,}[.!?](?![\]A-Za-z])")


@functools.cache
def _document(shape: str):  # type: ignore[no-untyped-def]
    from pipeline.build import prepare
    from pipeline.reader import read_source

    return prepare(read_source(SOURCES[shape]))


def test_the_sources_check_clean() -> None:
    from pipeline.check import check

    for shape, path in SOURCES.items():
        doc, diagnostics = check(path, pinyin=False)
        assert doc is not None and not diagnostics, (shape, [(d.line, d.code, d.message) for d in diagnostics])
    people = sentences.read_source(SOURCES["night-market-voices"]).meta["speakers"]
    assert len(people) >= 30 and sum(bool(p.get("handle")) for p in people) >= 5 and sum(bool(p.get("pseudonym")) for p in people) >= 5


def _typed_english(path: Path) -> list[str]:
    """The English sentences the source types inside Chinese paragraphs without a mark."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return [m[0] for line in body.split("\n") if re.search(r"[\u4e00-\u9fff]", line) and "{lang=" not in line
            for m in LATIN_SENTENCE.finditer(line)]


def test_an_english_sentence_inside_chinese_is_marked_with_its_language() -> None:
    """Each English sentence typed inside a Chinese answer is a run marked `en` (the EPUBs' `lang`,
    the audio's English voice), ending where it does: the Chinese after it, and the names (Grace,
    Kevin Ma, Yumi), stay unmarked. Before, nothing was marked."""
    for shape in ("ferry-panel", "night-market-voices"):
        typed = _typed_english(SOURCES[shape])
        assert len(typed) >= 2, shape
        doc = _document(shape)
        marked = [span.text for p in doc.paragraphs() for span in p.spans if span.lang == "en"]
        assert [t for t in typed if t not in marked] == [], (shape, marked)
        assert not any(re.search(r"[\u4e00-\u9fff]", text) or text != text.strip() for text in marked), marked
        assert not {"Grace", "Kevin Ma", "Yumi"} & {span.text for p in doc.paragraphs() for span in p.spans if span.lang}


def test_a_sentence_whose_language_is_not_told_is_warned(tmp_path) -> None:
    """W430 where the model cannot tell a short sentence's language (`Goodbye, old ferry.`), or a
    clause's (`stay hungry, stay foolish`), at its paragraph's line; a command (`npm run build`) is
    not warned."""
    from pipeline.check import check

    text = SOURCES["ferry-panel"].read_text(encoding="utf-8")
    unmarked = text.replace("[Goodbye, old ferry.]{lang=en}", "Goodbye, old ferry.").replace(
        "下船的时候，慢一点。", "下船的时候，慢一点。我师父常说stay hungry, stay foolish，我一直记得。运行npm run build就好。")
    assert unmarked.count("\n") == text.count("\n")
    path = tmp_path / "ferry-panel.md"
    path.write_text(unmarked, encoding="utf-8")
    _doc, diagnostics = check(path, pinyin=False)
    lines = [unmarked[:unmarked.index(run)].count("\n") + 1 for run in ("stay hungry", "Goodbye, old ferry.")]
    assert [(d.code, d.line) for d in diagnostics] == [("W430", line) for line in lines], [(d.code, d.line, d.message) for d in diagnostics]


@functools.cache
def _cues(shape: str):  # type: ignore[no-untyped-def]
    from pipeline.audio.plan import make_plan
    from pipeline.passes.casting import cast

    doc = _document(shape)
    return doc, make_plan(doc, cast(doc, "espeak")).cues()


def test_a_latin_sentence_keeps_the_space_before_chinese_in_the_captions_and_the_script() -> None:
    """The page's `What a river! 旁边的人` is shown and spoken so (before: `river!旁边`), and so is
    `Good morning. 开头`, two words no run (before: spoken `morning.开头`); every English sentence
    lies in a run the English voice reads."""
    doc, cues = _cues("ferry-panel")
    shown = "".join("".join(cue.shown) for cue in cues)
    spoken = ["".join(cue.spoken) for cue in cues]
    for sentence in _typed_english(SOURCES["ferry-panel"]) + ["What a river!", "Goodbye, old ferry.", "Good morning."]:
        (page,) = [p.text for p in doc.paragraphs() if sentence in p.text]
        after = page[page.index(sentence) + len(sentence):][:2]
        assert sentence + after in shown and any(sentence + after in text for text in spoken), (sentence, after)
    english = {"".join(cue.spoken)[start:end] for cue in cues for start, end, lang in cue.runs if lang == "en"}
    assert "What a river" in english and "I was scared, but the crew stayed calm the whole time" in english


def test_an_english_sentence_with_emphasis_inside_is_one_run_with_its_spaces(tmp_path) -> None:
    """`I was *so* scared, but …` (three spans: emphasis inside) is one run the English voice reads,
    spaces kept (before, once marked: `I wasso scared`, and a piece too short for a run, `I`, went to
    the Chinese voice); a link whose whole text is an English sentence is marked too; two runs of two
    languages keep the space between them."""
    from pipeline.audio.plan import make_plan
    from pipeline.build import prepare
    from pipeline.passes.casting import cast
    from pipeline.reader import read_source

    text = SOURCES["ferry-panel"].read_text(encoding="utf-8")
    varied = text.replace("I was scared, but", "I was *so* scared, but").replace(
        "他们也怕。", "他们也怕。你可以读读 [This is what the papers said.](https://example.org/ferry) 再说。").replace(
        "票根别扔，", "票根别扔，[merci beaucoup]{lang=fr} [thank you]{lang=en}，")
    assert varied.count("*so*") == 1 and varied.count("example.org/ferry") == 1 and varied.count("merci") == 1
    path = tmp_path / "ferry-panel.md"
    path.write_text(varied, encoding="utf-8")
    doc = prepare(read_source(path))
    (cue,) = [cue for cue in make_plan(doc, cast(doc, "espeak")).cues() if "scared" in "".join(cue.spoken)]
    said = "".join(cue.spoken)
    assert [said[start:end] for start, end, lang in cue.runs if lang == "en"] == [
        "I was so scared, but the crew stayed calm the whole time", "This is what the papers said"], (said, cue.runs)
    (cue,) = [cue for cue in make_plan(doc, cast(doc, "espeak")).cues() if "merci" in "".join(cue.spoken)]
    assert "merci beaucoup thank you" in "".join(cue.spoken)  # (before: 'merci beaucoupthank you')


def test_an_english_sentence_in_a_question_is_read_by_the_english_voice() -> None:
    """The host's cue of `## 有人说“All good things must come to an end”，…` holds the English as a run
    of its own (a heading has one `lang` in the model: the plan finds it as a paragraph's are);
    before, the Mandarin voice read it."""
    _doc, cues = _cues("ferry-panel")
    quoted = re.findall(r"^## .*?“([A-Za-z ]+)”", SOURCES["ferry-panel"].read_text(encoding="utf-8"), re.M)
    assert quoted
    for english in quoted:
        (cue,) = [cue for cue in cues if cue.role == "host" and english in "".join(cue.shown)]
        assert [("".join(cue.spoken)[start:end], lang) for start, end, lang in cue.runs] == [(english, "en")]


def _script_page(shape: str) -> tuple[str, str, list]:
    """The script's Markdown and page of a title, its programme stood in by hand from the audio plan
    (the timing is not what this looks at), and the plan's cues."""
    from pipeline.renderers.script import script_html, script_markdown

    doc, cues = _cues(shape)
    voice = SimpleNamespace(describe=lambda: "cmn+f3 pitch 50", engine="espeak", language="cmn", voice="f3", gender="female")
    span = SimpleNamespace(placements=[SimpleNamespace(start=0, cue=cue) for cue in cues],
                           chapter=SimpleNamespace(title=doc.meta.title), start=0)
    programme = SimpleNamespace(
        timeline=SimpleNamespace(chapters=[span], seconds=lambda samples: samples / 22050, duration=4.0),
        engine=SimpleNamespace(name="espeak"),
        plan=SimpleNamespace(cast=SimpleNamespace(narrator=voice, host=voice, voice=lambda _id: voice, notes=())))
    return script_markdown(doc, programme), script_html(doc, programme), cues


def test_the_script_shows_a_pinned_word_as_written_and_the_engine_gets_its_stand_in() -> None:
    """`一格: yì gé` and `差事: chāi shi`: the script's cues show 一格 and 差事 (before: 亦格, 拆匙,
    the characters the voice is given), with no *printed* line for them; the voice still gets the
    stand-ins, which the Pronunciations table names."""
    markdown, html, cues = _script_page("ferry-panel")
    pinned = {"一格": "yì gé", "差事": "chāi shi"}
    stand_ins = dict(re.findall(r"^\| (\S+) \| [^|]+ \| (\S+) \|$", markdown, re.M))
    assert set(pinned) <= set(stand_ins) and all(stand_ins[w] != w for w in pinned), stand_ins
    engine = "".join("".join(cue.spoken) for cue in cues)
    assert all(stand_ins[w] in engine and w not in engine for w in pinned)
    cues_shown = markdown.split("## 1.", 1)[1]
    assert all(stand_ins[w] not in cues_shown for w in pinned)
    for word in pinned:
        (line,) = [line for line in cues_shown.split("\n") if word in line and not line.startswith("*printed")]
        assert line.rstrip().endswith("。"), line
    assert "*printed:* 一格一格" not in markdown and "*printed:* 去码头" not in markdown


def test_the_script_pages_title_is_in_the_titles_language() -> None:
    """The page's frame is English, and its `<title>` (which can mark no part of itself) the title's
    name and the page's word in the title's language and script: `捷運站口的便當車 — 播客腳本（網頁）`."""
    import html5lib

    _markdown, html, _cues = _script_page("tw-bento")
    page = html5lib.parse(html, namespaceHTMLElements=False)
    (title,) = page.iter("title")
    assert page.get("lang") == "en" and title.get("lang") == "zh-Hant-TW"
    assert title.text == "捷運站口的便當車 — 播客腳本（網頁）"


def test_a_traditional_titles_follow_up_inside_an_answer_is_warned(tmp_path) -> None:
    """`記者：…？` pasted inside an answer is W426, `## 追問：…` W429, in traditional characters as in
    simplified (before: neither); and so are a label in brackets, `【問】…？`, `## 【追問】…`, and a turn
    in brackets, `（追問：…？）` (before: no warning in either script)."""
    from pipeline.check import check

    text = SOURCES["tw-bento"].read_text(encoding="utf-8")
    broken = text.replace("## 下雨天客人為什麼少？", "## 追問：下雨天客人為什麼少？").replace(
        "不然不入味。\n", "不然不入味。\n\n**記者：那下雨天呢？**\n", 1).replace(
        "## 十五年來，什麼東西變了？", "## 【追問】十五年來，什麼東西變了？").replace(
        "懶得排隊的人。", "懶得排隊的人。\n\n（追問：颱風天也來嗎？）\n\n【問】為什麼是星期五？\n\n", 1)
    path = tmp_path / "tw-bento.md"
    path.write_text(broken, encoding="utf-8")
    _doc, diagnostics = check(path, pinyin=False)
    lines = broken.split("\n")
    want = sorted([("W426", lines.index(asked) + 1) for asked in ("**記者：那下雨天呢？**", "（追問：颱風天也來嗎？）", "【問】為什麼是星期五？")]
                  + [("W429", lines.index(heading) + 1) for heading in ("## 追問：下雨天客人為什麼少？", "## 【追問】十五年來，什麼東西變了？")])
    assert sorted((d.code, d.line) for d in diagnostics) == want, [(d.code, d.line, d.message) for d in diagnostics]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from pipeline.api import BuildSettings, build_titles, find_titles

    work = tmp_path_factory.mktemp("newsroom13")
    report = build_titles(find_titles([SOURCES["ferry-panel"]]), BuildSettings(editions=("epub",)),
                          out=work / "out", jobs=1, cache_dir=work / "cache", log=lambda _line: None)
    assert report.ok, report.failed
    return work / "out"


def test_every_answer_under_its_own_label_read_from_the_epubs_structure(out) -> None:
    """Every sentence in the EPUB; each answer under its own label, in order, as the EPUB's sections
    give them (`sentences.epub_runs`): 售票员阿岚's `铁成已经答应…` opens with the name that is 铁成's
    whole label, where cutting the text at the labels' words reported it in no answer."""
    from tests.test_newsroom_sources import shown_text

    source = sentences.read_source(SOURCES["ferry-panel"])
    epub = out / f"{SLUGS['ferry-panel']}.epub"
    shown = shown_text(epub)
    assert sentences.missing(source, shown) == []
    runs = sentences.labelled_runs(epub, source, shown)
    assert sentences.misattributed(source, runs) == []
    answers = [b for b in source.blocks if b.speaker]
    assert [sentences.normalise(label) for label, _text in runs] == [sentences.normalise(source.label(b)) for b in answers]
    opening = [b for b in answers if any(b.text.startswith(other["name"]) for other in source.meta["speakers"]
                                         if not other.get("role") and other["id"] != b.speaker)]
    assert opening  # (the shape this looks at is in the source)
