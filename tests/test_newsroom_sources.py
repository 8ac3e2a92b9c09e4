"""Sources a newsroom writes that the bundled titles are not, end to end through the real CLI.

An interview with no article (only questions and answers), a speaker with a Latin name and
one with a mixed one, a paragraph of English only, a very long paragraph without punctuation,
a title of 200 characters, CRLF line ends with a byte-order mark, tabs and trailing spaces, in a
folder whose path has spaces and Chinese characters. Found by the third robustness sweep: the
interview was refused (E209) and the long title spilled over its pages; everything else built.
One `publish all` (offline voices); every edition is read back with a parser of its own format
and must hold every sentence: EPUBCheck for the EPUBs, pypdf for the PDFs, the captions and the
script for the audio, whose decoded length is measured against the captions.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.reader import read_source
from tests.conftest import FIRST_TITLE, ROOT
from tests.readback import read_back
from tests.renderers.pdftools import pages

pytestmark = pytest.mark.slow

# Three hand-written titles of other shapes than the bundled one (tests/fixtures/newsroom/): a
# feature with sections ('###' subheadings), a block quote, lists, links, notes and references and nobody speaking;
# an interview in alternating turns (a host and two guests with the polyphonic surnames 单 and
# 曾, an answer of seven paragraphs quoting someone, a title changed by role=); a brief of three
# paragraphs under a very long title and subtitle. Their SOURCE is the yardstick
# (tests/sentences.py reads it without the pipeline).
FRESH = {shape: ROOT / "tests" / "fixtures" / "newsroom" / f"{shape}.md" for shape in ("feature", "interview", "brief")}
SLUGS = {shape: re.search(r"^slug: (\S+)$", path.read_text(encoding="utf-8"), re.M)[1] for shape, path in FRESH.items()}

HAN = re.compile(r"[\u4e00-\u9fff]")
PROSE = "".join(HAN.findall(FIRST_TITLE.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
TITLE = PROSE[3000:3200]
LONG = PROSE[4000:6000]  # 2,000 characters, no punctuation
SOURCE = f"""---
id: urn:uuid:5b0f3c1e-6a55-4d5e-9a8e-2f4d3c1b7a77
slug: interview
title: {TITLE}\t
subtitle: 一次只有问答的访谈
language: zh-Hans
authors: [林小满, 周一]
outlet: 城东周报
date: 2025-03-08
description: 一次访谈。
rights: © 2025 城东周报
speakers:
  - id: sam
    name: Sam Altman
    role: OpenAI CEO
  - id: cook
    name: Tim库克
---

## 你怎么看这次发布？   

::: answer sam
This answer is in English only, with no Chinese at all.

我觉得这是一个重要的时刻。\t
:::

::: answer cook
{LONG}
:::

## 最后一句 {{.closing}}

::: answer cook
谢谢大家。
:::
"""


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def holds(shown: str, text: str) -> bool:
    return han(text) in han(shown)


@functools.cache
def pdf_pages(path: Path) -> list:
    return pages(path)


@functools.cache
def shown_text(path: Path) -> str:
    """What a reader reads in an edition, read back whole by a parser of its own format; for a
    PDF without its running heads (the top tenth of each page, by pdfminer's geometry) and
    folios, which stand inside a paragraph that runs over a page; for captions without the
    speakers' names between cues."""
    reading = read_back(path)
    if reading.kind == "pdf":
        return "\n".join(line.text for page in pdf_pages(path) for line in page.lines
                          if line.y0 <= page.height * 0.9 and not line.text.strip().isdigit())
    if reading.kind == "vtt":
        return "".join(re.sub(r"^<v [^>]*>", "", cue[2]) for cue in reading.detail)
    return reading.text


# each edition's file, and how its text compares with the source's (tests/sentences.py): the
# learner editions interleave pinyin (Han characters only), the script and captions are read
# aloud (letters and digits only; the script keeps the printed text where the words differ)
EDITIONS = {".epub": "text", "-learner.epub": "han", ".pdf": "text", "-learner.pdf": "han",
            "-script.md": "words", "-script.html": "words", ".vtt": "words"}


def edition_texts(out: Path, slug: str) -> dict[str, tuple[str, str]]:
    """name → (the text the edition shows, the key it is compared by)."""
    return {f"{slug}{suffix}": (shown_text(out / f"{slug}{suffix}"), key) for suffix, key in EDITIONS.items()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("newsroom")
    folder = work / "稿件 2025" / "三月 访谈"
    folder.mkdir(parents=True)
    source = folder / "访谈 稿.md"
    source.write_bytes(b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode("utf-8"))
    for fresh in FRESH.values():  # (built in the same run: one start, the workers shared)
        (folder / fresh.name).write_bytes(fresh.read_bytes())
    check_and_build_all(work, folder, work / "成品 output")
    return source, work / "成品 output"


def check_and_build_all(work: Path, folder: Path, out: Path) -> None:
    """`publish check FOLDER`, then `publish all FOLDER --out OUT` (offline voice), through the
    real CLI in `work` with a cache of its own: both succeed, with no problem but W405 (a guessed
    reading of a character the pinyin pass is unsure of, which is about the prose)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(work / "cache")}
    for command in (["check", str(folder)], ["all", str(folder), "--engine", "espeak", "--out", str(out)]):
        result = subprocess.run([sys.executable, "-m", "pipeline.cli", *command], cwd=work, env=env,
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        codes = set(re.findall(r"\b(?:error|warning) ([EW]\d{3})", result.stdout + result.stderr))
        assert codes <= {"W405"}, result.stdout + result.stderr


def test_every_sentence_reaches_every_edition(built) -> None:
    source, out = built
    doc = read_source(source)
    texts = [doc.meta.title] + [s.title for s in doc.sections if s.title] + [p.text for p in doc.paragraphs()]
    assert doc.meta.title == TITLE and LONG in texts  # (the tab, CR and BOM are gone)
    names = sorted(p.name for p in out.iterdir() if p.name.startswith("interview"))
    assert names == sorted(f"interview{suffix}" for suffix in (
        ".epub", "-learner.epub", ".pdf", "-learner.pdf", ".mp3", ".m4b", ".vtt", "-script.md", "-script.html"))
    for name in names:
        if name.endswith((".mp3", ".m4b")):
            continue
        shown = shown_text(out / name)
        missing = [t[:20] for t in texts if han(t) and not holds(shown, t)]
        assert missing == [], (name, missing)


def test_the_epubs_pass_epubcheck(built) -> None:
    from pipeline.epubcheck import run_epubchecks

    _source, out = built
    # (the fresh feature's too: block quotes, bullets, a book without people; the other fresh
    # titles' EPUBs and its learner EPUB are made of the same pages, and each run takes seconds)
    epubs = sorted([*out.glob("interview*.epub"), out / f"{SLUGS['feature']}.epub"])
    for epub, report in zip(epubs, run_epubchecks(epubs)):
        assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), (epub.name, report.messages)


def test_the_audio_lasts_as_long_as_its_captions(built) -> None:
    """(read_back measures the captions against the decoded MP3 beside them, and the MP3 and
    M4B against their own chapter tables)"""
    _source, out = built
    mp3, m4b = read_back(out / "interview.mp3"), read_back(out / "interview.m4b")
    read_back(out / "interview.vtt")
    assert mp3.detail[0] > 60  # 2,000 characters read aloud take minutes
    assert abs(mp3.detail[0] - m4b.detail[0]) < 0.2


# --- the fresh titles -------------------------------------------------------------------------

# the readings a reader of Chinese gives these surnames (a hand-written table, not the pinyin pass)
SURNAMES = {"单": "shàn", "曾": "zēng"}


def test_every_sentence_of_the_fresh_titles_in_every_edition(built) -> None:
    """Each sentence of each source, read from the source itself, in every edition's text."""
    from tests import sentences

    _source, out = built
    lost = {}
    for shape, path in FRESH.items():
        source = sentences.read_source(path)
        assert len(source.sentences()) >= {"feature": 40, "interview": 35, "brief": 8}[shape]  # (the yardstick reads them all)
        for name, (shown, key) in edition_texts(out, SLUGS[shape]).items():
            if found := sentences.missing(source, shown, key):
                lost[name] = found
    assert lost == {}


def test_each_answer_under_its_speaker_in_every_edition(built) -> None:
    """The interview's every answer follows its own speaker's label (with the role it has in that
    answer) in the EPUBs and PDFs, is read by its speaker's one voice in the script, and is
    captioned with its speaker's name."""
    from tests import sentences

    _source, out = built
    slug = SLUGS["interview"]
    source = sentences.read_source(FRESH["interview"])
    assert {b.role for b in source.blocks if b.speaker} - {None}  # (a changed title is among them)
    wrong = {}
    for name, (shown, key) in edition_texts(out, slug).items():
        if key != "words":
            wrong[name] = sentences.misattributed(source, sentences.runs_after_labels(source, shown, key), key)
    wrong["script"] = sentences.misvoiced(source, sentences.script_cues((out / f"{slug}-script.md").read_text(encoding="utf-8")))
    names = {s["id"]: s["name"] for s in source.meta["speakers"]}
    cues = [(m[1], m[2]) for cue in read_back(out / f"{slug}.vtt").detail if (m := re.match(r"<v ([^>]*)>(.*)", cue[2], re.S))]
    wrong["vtt"] = [block.text[:20] for block in source.blocks if block.speaker
                    and not any(who == names[block.speaker] and sentences.words_only(text) in sentences.words_only(block.text)
                                for who, text in cues)]
    assert {name: found for name, found in wrong.items() if found} == {}


def test_quotes_lists_people_and_surnames_as_a_reader_sees_them(built) -> None:
    from lxml import etree

    from tests.renderers.epubtools import NS, Book, shown_text as epub_text

    _source, out = built
    feature = Book.open(out / f"{SLUGS['feature']}.epub")
    paragraphs = [p for href in feature.spine() for p in feature.tree(href).iterfind(".//x:p", NS)]
    quoted = [epub_text(p) for p in paragraphs if "quote" in (p.get("class") or "").split()]
    assert quoted == ["看见的才算数。希望看见的，不算。"]  # the source's one '>' paragraph, and only it
    subheads = [epub_text(h) for href in feature.spine() for h in feature.tree(href).iterfind(".//x:h2[@class='subhead']", NS)]
    assert subheads == re.findall(r"^### (.+)$", FRESH["feature"].read_text(encoding="utf-8"), re.M)
    bullets = [epub_text(p) for p in paragraphs if epub_text(p).startswith("•")]
    assert [b[1:4] for b in bullets] == ["一台水", "两块备", "一个防"]
    # the print PDF sets the quote apart in the Hei face, the text around it in the Song face
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    chars = [c for page in extract_pages(str(out / f"{SLUGS['feature']}.pdf")) for c in _chars(page)
             if isinstance(c, LTChar)]
    flat = "".join(c.get_text() for c in chars)

    def faces(text: str) -> set[str]:
        """The fonts of the characters of `text` where it stands in the PDF."""
        at = flat.index(text)
        return {c.fontname.split("+")[-1] for c in chars[at:at + len(text)]}

    assert faces("看见的才算数") == {"Noto-Sans-SC"}
    assert faces("为了不重数") == {"Noto-Serif-SC"}
    assert {face.removesuffix("-Bold") for face in faces("二、声呐听见的")} == {"Noto-Sans-SC"}  # a subheading
    # a book in which nobody speaks has no name index and no contributors page; the interview has both
    for shape in FRESH:
        slug, people = SLUGS[shape], shape == "interview"
        nav = Book.open(out / f"{slug}.epub")
        contents = [epub_text(a) for a in nav.tree("nav.xhtml").iterfind(".//x:nav//x:a", NS)]
        assert ("受访者" in contents) == people, (slug, contents)
        for pdf in (f"{slug}.pdf", f"{slug}-learner.pdf"):
            heads = [line.text.strip() for page in pdf_pages(out / pdf) for line in page.lines]
            assert ("人名索引" in heads) == people, pdf
    # polyphonic surnames in the learner EPUB's answer labels, read as surnames
    learner = Book.open(out / f"{SLUGS['interview']}-learner.epub")
    readings = {}
    for href in learner.spine():
        for name in learner.tree(href).iterfind(".//x:span[@class='name']", NS):
            ruby = name.find(".//x:ruby", NS)
            base = (ruby.text or "").strip()
            readings.setdefault(base, set()).add(etree.tostring(ruby.find("x:rt", NS), method="text", encoding=str).strip())
    assert {base: readings.get(base) for base in SURNAMES} == {base: {reading} for base, reading in SURNAMES.items()}


def _chars(item):  # (pdfminer's layout tree, depth first: its characters in reading order)
    from pdfminer.layout import LTChar

    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from _chars(child)


def test_the_fresh_titles_are_read_aloud_at_a_plausible_pace(built) -> None:
    """Seconds of audio per Han character of the source (title, subtitle, byline and labels
    included in the audio, so the bound is loose): a reading, not silence or a stutter."""
    from tests import sentences

    _source, out = built
    for shape, path in FRESH.items():
        characters = len(sentences.han_only(path.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
        seconds = read_back(out / f"{SLUGS[shape]}.mp3").detail[0]
        assert 0.1 < seconds / characters < 0.6, (shape, seconds, characters)
