"""A tenth sweep of title shapes (tests/fixtures/newsroom/, written by hand):

- `unbreakable`: copy full of long runs no line may break: web addresses with paths and query
  strings (typed as text, linked, and as `<…>`), a mail address, `internationalization`, an ID
  and an order number in digits, a Unix and a Windows path, a checksum of 64 hex digits, π to
  36 places, hashtags (`#开放数据周#`, `#OpenDataWeek2025CityEastEdition#`);
- `nested-answers`: answers holding a list inside a numbered item, a numbered list inside a
  numbered list, a quote inside a quote, a quote inside a list item, a list three deep;
- `long-feature`: a feature of six `###` sections and a Q&A of two one-line answers, with a
  paragraph in English typed without `{lang=en}`.

Found by the sweep: the print PDF set a query string, a Windows path and a checksum past the
right edge of the page (by up to 715 pt: off the paper), and a run that did fit left the line
before it gapped across the measure; the learner EPUB kept such runs whole (`white-space:
nowrap`), wider than a phone's screen; every edition printed a list inside a list, and a quote
inside a quote, at the outer one's level (the inner （1）（2）, then the outer （3）, read as one
list); a paragraph in English without `{lang=en}` was given no language (a screen reader read
it with its Chinese voice), and `publish check` said nothing; the audio read a web address's
query string as a string of codes and its %-escapes as letters and digits
('q E五八五A C E四B A A四district chengdong…').

Cheap on purpose (the suite is over its time): one in-process build of one title's EPUB; the
print PDF's text block at the level of WeasyPrint's layout of the title's paragraphs with the
book's stylesheet; the learner EPUB's words, the language pass and the audio's text at the level
of the passes. The SOURCE is the yardstick (tests/sentences.py reads it without the pipeline), and
the whole sweep was built by hand with `publish all` (every sentence in every edition, under its
speaker, in its voice: `python -m tests.sentences SOURCE OUT`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import sentences
from tests.conftest import ROOT
from tests.renderers.epubtools import NS, Book
from tests.test_newsroom_sources6 import _answers_shown, answers_by_fence, lost_from_the_epubs

FIXTURES = ROOT / "tests" / "fixtures" / "newsroom"
SHAPES = ("unbreakable", "nested-answers", "long-feature")
BUILT = ("nested-answers",)  # (the others' faults are in print, in the model and the passes: no EPUB built)
SOURCES = {shape: FIXTURES / f"{shape}.md" for shape in SHAPES}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in SOURCES.items()}
# (the test's own reading of a run no reader would break: printable ASCII without a space, 16
# characters or more, not a word of letters alone)
LONG_RUN = re.compile(r"[!-~]{16,}")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from pipeline.api import BuildSettings, build_titles, find_titles

    work = tmp_path_factory.mktemp("newsroom10")
    report = build_titles(find_titles([SOURCES[shape] for shape in BUILT]), BuildSettings(editions=("epub",)),
                          out=work / "out", jobs=1, cache_dir=work / "cache", log=lambda _line: None)
    assert report.ok, report.failed
    return work / "out"


def test_the_sources_check_clean() -> None:
    from pipeline.check import check

    for shape, path in SOURCES.items():
        doc, diagnostics = check(path, pinyin=False)
        assert doc is not None and not diagnostics, (shape, [(d.line, d.code, d.message) for d in diagnostics])


def test_every_sentence_reaches_the_epub_under_its_own_label(out) -> None:
    least = {"nested-answers": 30}
    assert lost_from_the_epubs(out, {shape: SOURCES[shape] for shape in BUILT}, SLUGS, least) == {}
    for shape in BUILT:
        shown = [(sentences.normalise(label), re.sub(r"\(\d+\)|•", "", sentences.normalise(text)))
                 for label, text in _answers_shown(out / f"{SLUGS[shape]}.epub")]
        want = [(sentences.normalise(label), sentences.normalise(text)) for _fence, label, text in answers_by_fence(SOURCES[shape])]
        assert shown == want, shape


# --- a list inside a list, a quote inside a quote: a step further in -------------------------------

# (the fixture's nesting as written: a paragraph's text → the lists and quotes around it beyond the first)
NESTED = {"写下物品的名称和毛病。": 1, "小件先修，比如台灯和耳机。": 1, "修理，修完请主人签字。": 0,
          "修理不保证成功。": 0, "但保证认真对待。": 1, "插头先拔。": 0, "这是我师傅教我的第一句话。": 1,
          "这是我父亲留下的。他常说：": 0, "收音机响了，家里就热闹了。": 1, "我想再听一次。": 0,
          "物品：收音机": 0, "年代：六十年代": 1, "毛病：不响": 2, "结果：修好": 0}


def test_a_list_or_quote_inside_another_is_set_a_step_further_in(out) -> None:
    """Each paragraph's <p> in the EPUB names its depth (`depth-N`, which every edition's
    stylesheet indents N steps); before, every level was one, and the inner list's （1）（2）
    then the outer list's （3） read as one list."""
    book = Book.open(out / f"{SLUGS['nested-answers']}.epub")
    found = {}
    for href in book.spine():
        for p in book.tree(href).iterfind(".//x:p", NS):
            text = sentences.normalise("".join(p.itertext()))
            for want in NESTED:
                if text.endswith(sentences.normalise(want)):
                    depth = re.search(r"\bdepth-(\d)\b", p.get("class") or "")
                    found[want] = int(depth[1]) if depth else 0
    assert found == NESTED
    for css in ("epub.css", "pdf.css", "site/site.css"):
        rules = (ROOT / "pipeline" / "styles" / css).read_text(encoding="utf-8")
        assert all(re.search(rf"\.depth-{n} \{{ margin-left: {2 * n}em; \}}", rules) for n in (1, 2)), css


# --- a paragraph in another language, unmarked ---------------------------------------------------

def test_a_paragraph_in_english_without_its_mark_is_marked_english() -> None:
    """The English paragraph of the feature (no `{lang=en}`) is marked English in the model every
    edition is written from, and so in the EPUB's markup, as a marked one is; a Chinese
    paragraph around it is not."""
    from pipeline.build import prepare
    from pipeline.reader import read_source
    from pipeline.renderers.htmltext import inline_html

    english = [s for _block, s in sentences.read_source(SOURCES["long-feature"]).sentences() if not sentences.HAN.search(s)]
    assert len(english) >= 2
    marked, chinese = [], 0
    for p in prepare(read_source(SOURCES["long-feature"])).paragraphs():
        html = inline_html(p)
        if any(sentence in p.text for sentence in english):
            marked.append(html)
        else:
            chinese += 1
            assert "lang=" not in html, html
    assert len(marked) == 2 and all('lang="en" xml:lang="en"' in html for html in marked) and chinese >= 15


@pytest.mark.parametrize("text, lang", [
    ("Don't wait for the perfect plan. Start with the pump.", "en"),
    ("Le bateau est parti à six heures et nous sommes restés sur le quai.", "fr"),
    ("Der Hafen ist nicht mehr so laut wie früher, aber wir sind noch da.", "de"),
    ("El puerto no es lo que era, pero la gente sigue aquí.", "es"),
    ("Jag vet inte riktigt vad vi ska göra nu med allt detta.", "sv"),
    ("Nun ja, c'est la vie, como se dice, that is life, così è.", None),
    ("Sam Altman, Yann LeCun", None),
    ("OK, thanks.", None),
    ("他说：The ferry is the only place in this city.", None),
], ids=["en", "fr", "de", "es", "sv", "code-switched", "names", "short", "mixed"])
def test_the_language_of_a_paragraph_in_latin_letters(text, lang) -> None:
    from pipeline.passes.languages import language_of

    assert language_of(text) == lang


def test_an_unmarked_paragraph_whose_language_is_not_told_is_a_warning(tmp_path) -> None:
    """W428 names the paragraph the pass cannot mark (one switching between three languages),
    and only it: the English and Swedish ones are marked, the Chinese one is Chinese, a list of
    names is neither; an English title's own paragraphs are never marked."""
    from pipeline.build import prepare
    from pipeline.check import check
    from pipeline.reader import read_source

    front = ("---\nid: urn:uuid:0b6c2f4e-1a2b-4c3d-8e4f-5a6b7c8d9e0f\nslug: w428\ntitle: 港口\nlanguage: zh-Hans\n"
             "authors: [林澈]\noutlet: 江城晚报\ndate: 2025-08-30\ndescription: 港口。\nrights: \"© 2025 江城晚报。\"\n---\n\n")
    body = ("第一段是中文。\n\nNun ja, c'est la vie, como se dice, that is life, così è.\n\n"
            "Jag vet inte riktigt vad vi ska göra nu med allt detta.\n\n"
            "The harbour is quiet now, and nobody is in a hurry.\n\nApple, Google, Microsoft, Amazon, Meta, Nvidia, Tesla.\n")
    (path := tmp_path / "x.md").write_text(front + body, encoding="utf-8")
    _doc, diagnostics = check(path, pinyin=False)
    assert [(d.code, d.line) for d in diagnostics] == [("W428", front.count("\n") + 3)]
    assert "{lang=" in str(diagnostics[0])
    langs = [{s.lang for s in p.spans} for p in prepare(read_source(path)).paragraphs()]
    assert langs == [{None}, {None}, {"sv"}, {"en"}, {None}]  # (names: no language told, and no warning either)
    path.write_text(path.read_text(encoding="utf-8").replace("language: zh-Hans", "language: en"), encoding="utf-8")
    assert [{s.lang for s in p.spans} for p in prepare(read_source(path)).paragraphs()][3] == {None}


# --- long runs in print and in the learner EPUB ---------------------------------------------------

def _runs(path: Path) -> list[str]:
    text = "\n".join(block.text for block in sentences.read_source(path).blocks)
    return [run.strip("#").rstrip("。，.") for run in LONG_RUN.findall(text) if not run.isalpha()]


def test_no_long_run_leaves_the_print_pdf_text_block() -> None:
    """WeasyPrint's layout of the title's paragraphs as the print PDF sets them, with its
    stylesheets: every line box ends inside the page's text block (before: a query string 715 pt
    past it, a Windows path 155, a checksum 127), and each long run may break anywhere."""
    from pipeline.build import prepare
    from pipeline.reader import read_source
    from pipeline.renderers.pdfbook import PRINT
    from pipeline.renderers.weasy import weasyprint

    wp = weasyprint()
    doc = prepare(read_source(SOURCES["unbreakable"]))
    runs = _runs(SOURCES["unbreakable"])
    assert len(runs) >= 10
    body = "".join(f"<p>{PRINT.paragraph(p)}</p>" for p in doc.paragraphs())
    for run in runs:  # (its markup's text: & is escaped; a hashtag's # may open the run)
        assert re.search(r'<span class="url">#?' + re.escape(run.replace("&", "&amp;")), body), run
    styles = ROOT / "pipeline" / "styles"
    rendered = wp.HTML(string=f'<html lang="zh-Hans"><body>{body}</body></html>').render(
        stylesheets=[wp.CSS(filename=str(styles / "pdf.css")), wp.CSS(filename=str(styles / "pdf-paper-a5.css"))])

    def boxes(box):
        yield box
        for child in getattr(box, "children", None) or ():
            yield from boxes(child)

    past = []
    for page in rendered.pages:
        right = page._page_box.content_box_x() + page._page_box.width
        past += [(box.text[:20], round(box.position_x + box.width - right)) for box in boxes(page._page_box)
                 if type(box).__name__ == "TextBox" and box.position_x + box.width > right + 0.5]
    assert past == []


def test_a_long_run_may_break_in_the_learner_epub() -> None:
    """The learner EPUB keeps a word on one line (`white-space: nowrap`); a long run is a word
    that may break (`w address`, as a web address is), or it runs off a phone's screen."""
    from pipeline.passes.pinyin.annotator import PinyinAnnotator
    from pipeline.renderers.ruby import ruby_html

    annotator = PinyinAnnotator()
    runs = _runs(SOURCES["unbreakable"])
    html = "".join(ruby_html(annotator.annotate(block.text)) for block in sentences.read_source(SOURCES["unbreakable"]).blocks)
    words = re.findall(r'<span class="(w[^"]*)">([^<]+)', html.replace("&amp;", "&"))
    for run in runs:
        held = [css for css, shown in words if len(word := shown.rstrip("，。")) >= 16 and not word.isalpha()
                and (word in run or run in word)]
        assert held and all(css == "w address" for css in held), (run, held)
    assert ("w", "internationalization") in words  # (a word of letters alone stays whole)


# --- a web address for the ear --------------------------------------------------------------------

def test_a_web_address_is_read_without_its_query() -> None:
    """The audio reads a web address's site and path, %-escapes as the characters they stand for,
    and not its query or fragment (before: 'search q E五八五A C E四B A A四district chengdong…')."""
    from pipeline.passes.speech import load_rules, speak

    rules = load_rules()
    for block in sentences.read_source(SOURCES["unbreakable"]).blocks:
        for address in re.findall(r"https://[!-~]+?(?=[，。]|$|[^!-~])", block.text):
            spoken = speak(address, rules)
            site_and_path, _, query = address.partition("?")
            parts = [part for part in re.findall(r"[a-z_]{5,}", query) if part not in site_and_path]
            assert parts and not any(part in spoken for part in parts), (address, spoken)
    assert speak("访问https://example.org/%E5%85%AC%E4%BA%A4/news#top。", rules) == "访问example点org斜杠公交斜杠news。"
    assert speak("邮箱a.b@example.org。", rules) == "邮箱a点b艾特example点org。"


def test_printed_text_the_voice_skips_keeps_a_caption_of_some_length(monkeypatch) -> None:
    """The query strings are printed in the captions but not said: their cues had no length
    (start = end, 'a cue without time'); each now shares the time of the cue before it. Fake
    speech (one second a sentence) stands in for the voice, as in tests/audio/test_plan.py."""
    import numpy as np

    from pipeline.audio.captions import captions
    from pipeline.audio.engine import Segment
    from pipeline.audio.plan import make_plan
    from pipeline.audio.timeline import lay_out
    from pipeline.build import prepare
    from pipeline.passes.casting import cast
    from pipeline.reader import read_source

    # (where a caption's lines break is not asked here: any offset will do, and jieba's
    # dictionary, which decides it, takes seconds to load)
    monkeypatch.setattr("pipeline.audio.linebreak.word_ends", lambda text: set(range(len(text) + 1)))
    doc = prepare(read_source(SOURCES["unbreakable"]))
    article = doc.sections[0]  # (its first paragraph, with a query string: cutting captions costs seconds a page)
    doc = doc.model_copy(update={"sections": (article.model_copy(update={"paragraphs": article.paragraphs[:1]}),)})
    assert "?station=" in doc.sections[0].paragraphs[0].text
    plan = make_plan(doc, cast(doc, "espeak"))
    keys, segments = [], {}
    for number, cue in enumerate(plan.cues()):
        keys.append(key := f"s{number}")
        segments[key] = Segment(np.full(22050 * len(cue.spoken), 1000, dtype=np.int16), 22050,
                                tuple(float(i) for i in range(len(cue.spoken))))
    cues = captions(lay_out(plan, keys, segments, 22050))
    printed = "".join(s for cue in plan.cues() for s in cue.shown)
    assert "".join("".join(c.lines) for c in cues).replace(" ", "") == printed.replace(" ", "")
    assert [c.lines for c in cues if not c.end > c.start] == []
    assert all(a.end <= b.start + 1e-9 for a, b in zip(cues, cues[1:]))
