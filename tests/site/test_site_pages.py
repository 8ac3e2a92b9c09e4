"""The site's pages read as HTML: structure a screen reader relies on (lang, landmarks, headings,
speakers), every sentence of the title, the player's parts, and every link and resource
resolving inside the site (so the folder works from any host and from file://)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from pipeline.build import STYLES_DIR
from pipeline.model import numbered
from pipeline.site.catalogue import title_of
from pipeline.site.pages import environment, title_page
from pipeline.site.show import resolve_show
from tests.site.sitetools import CHAPTERS, CUES, Site, built_title, config, document

XHTML_SPACE = re.compile(r"\s+")


def pages(site: Site) -> list[Path]:
    return [site.root / "index.html"] + sorted(site.root.glob("*/index.html"))


def tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def shown_text(element) -> str:
    return XHTML_SPACE.sub("", element.text_content())


def test_there_is_a_page_per_title_and_a_catalogue(site: Site) -> None:
    assert {p.parent.name for p in pages(site)[1:]} == {t.doc.meta.slug for t in site.titles}


def test_every_page_has_language_landmarks_and_an_outline(site: Site) -> None:
    for path in pages(site):
        page = tree(path)
        assert page.get("lang") == "zh-Hans", path
        assert len(page.findall(".//main")) == 1 and page.find(".//body/header") is not None
        assert page.find(".//body/footer") is not None
        levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)
        ids = [e.get("id") for e in page.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), path


def test_the_title_page_carries_every_sentence_and_marks_up_the_speakers(site: Site) -> None:
    for title in site.titles:
        doc = title.doc
        page = tree(site.root / doc.meta.slug / "index.html")
        body = page.find(".//div[@class='text']")
        assert body.get("lang") == doc.meta.language  # the page's own words are in the site's language
        assert page.find(".//h1").get("lang") == doc.meta.language
        text = shown_text(body)
        for block in doc.text_blocks():
            assert XHTML_SPACE.sub("", block) in text, block
        answers = page.findall(".//section[@data-speaker]")
        assert [a.get("data-speaker") for a in answers] == [a.speaker.id for s in doc.chapters for a in s.answers]
        for section, answer in zip(answers, [a for s in doc.chapters for a in s.answers]):
            label = section.find("h3")
            assert label.find("span[@class='name']").text_content() == answer.speaker.shown_name
            assert shown_text(label).startswith(XHTML_SPACE.sub("", answer.label))
            assert [shown_text(p) for p in section.findall("p")] == \
                [XHTML_SPACE.sub("", numbered(p)) for p in answer.paragraphs]
        for question in doc.questions:
            assert question.title in [h.text_content() for h in page.iter("h2")]
        english = [e for e in page.iter() if e.get("lang") == "en"]
        assert [e.text_content() for e in english] == ["Night Owl Reading"]


def test_the_player_has_the_audio_its_captions_chapters_and_transcript(site: Site) -> None:
    title = next(t for t in site.titles if "audio" in t.outputs)
    folder = site.root / title.doc.meta.slug
    page = tree(folder / "index.html")
    audio = page.find(".//audio")
    assert audio.get("controls") is not None
    # (lxml's HTML 4 parser nests <source>/<track>: look for them anywhere inside <audio>.)
    sources = {s.get("type"): s.get("src") for s in audio.iterfind(".//source")}
    assert (folder / sources["audio/mpeg"]).read_bytes() == title.outputs["audio"][0].read_bytes()
    track = audio.find(".//track")
    assert track.get("kind") == "captions" and track.get("srclang") == "zh-Hans"
    assert (folder / track.get("src")).read_text(encoding="utf-8").startswith("WEBVTT")
    chapters = page.findall(".//li[@data-chapter]")
    assert [(float(li.get("data-start")), li.find("a").text_content().split(" ", 1)[1]) for li in chapters] == \
        [(start, name) for start, _end, name in CHAPTERS]
    for li, (start, _end, _name) in zip(chapters, CHAPTERS):
        assert li.find("a").get("href") == f"{sources['audio/mpeg']}#t={start}"  # seeks without JS too
    cues = page.findall(".//li[@data-cue]")
    assert [(float(li.get("data-start")), float(li.get("data-end")), li.find("span[@class='who']").text,
             li.find("span[@class='said']").text) for li in cues] == CUES
    box = page.find(".//ol[@class='cues']")
    assert box.get("tabindex") == "0"  # a scrolling region a keyboard can reach


def test_a_title_without_audio_has_no_player(site: Site) -> None:
    title = next(t for t in site.titles if "audio" not in t.outputs)
    page = tree(site.root / title.doc.meta.slug / "index.html")
    assert page.find(".//audio") is None and page.find(".//section[@class='downloads']") is not None


def test_the_catalogue_lists_every_title_with_its_editions(site: Site) -> None:
    page = tree(site.root / "index.html")
    cards = page.findall(".//li[@class='card']")
    assert len(cards) == len(site.titles)
    dates = [card.find(".//time").get("datetime") for card in cards]
    assert dates == sorted(dates, reverse=True)  # newest first
    for card in cards:
        link = card.find(".//h3/a")
        title = next(t for t in site.titles if link.text_content() == t.doc.meta.title)
        meta = title.doc.meta
        assert link.get("href") == f"{meta.slug}/index.html"
        assert card.find(".//p[@class='subtitle']").text_content() == meta.subtitle
        assert card.find(".//p[@class='description']").text_content() == meta.description
        assert card.find(".//img").get("src") == f"{meta.slug}/cover-thumb.png"
        files = [a.get("href").split("/")[-1] for a in card.findall(".//ul[@class='editions']/li/a")]
        expected = [f"{meta.slug}{s}" for s in (".epub", "-learner.epub", ".pdf", "-learner.pdf")]
        if "audio" in title.outputs:
            expected += [f"{meta.slug}.mp3", f"{meta.slug}.m4b"]
        assert files == expected + [f"{meta.slug}-script.html"]


def test_every_link_and_resource_resolves_inside_the_site(site: Site) -> None:
    for path in pages(site):
        page = tree(path)
        ids = {e.get("id") for e in page.iter() if e.get("id")}
        for element in page.iter():
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if target is None:
                    continue
                parts = urlsplit(target)
                if parts.scheme or target.startswith("//"):
                    # Only the page's own addresses for feeds and search engines may be absolute.
                    assert element.tag == "link" and element.get("rel") in ("canonical", "alternate"), target
                    continue
                if not parts.path:
                    assert parts.fragment in ids, (path, target)
                    continue
                resolved = (path.parent / unquote(parts.path)).resolve()
                assert resolved.is_file() and site.root.resolve() in resolved.parents, (path, target)
    css = (site.root / "assets" / "site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


def test_fonts_are_served_from_the_site(site: Site) -> None:
    for path in pages(site):
        style = tree(path).find(".//style").text
        for url in re.findall(r'url\("([^"]+)"\)', style):
            assert (path.parent / url).is_file() and (path.parent / url).read_bytes()[:4] == b"wOF2"


def test_markup_in_the_source_stays_text(tmp_path: Path, site_cache) -> None:
    doc = document()
    first = doc.sections[0]
    paragraph = first.paragraphs[0]
    hostile = paragraph.spans[0].model_copy(update={"text": "<script>alert('x')</script> & <b>粗</b>"})
    doc = doc.model_copy(update={"sections": (first.model_copy(update={"paragraphs": (
        paragraph.model_copy(update={"spans": (hostile, *paragraph.spans[1:])}), *first.paragraphs[1:])}),
        *doc.sections[1:])})
    title = title_of(built_title(tmp_path, doc))
    html = title_page(environment(STYLES_DIR), resolve_show(config(), "https://example.org/", [title]), title)
    page = lxml.html.fromstring(html)
    assert [s.get("src") for s in page.iter("script")] == ["../assets/site.js"]
    assert "<script>alert('x')</script> & <b>粗</b>" in page.find(".//section[@class='article']").text_content()
    assert page.find(".//section[@class='article']//b") is None


@pytest.mark.parametrize("name", ["site.css", "site.js"])
def test_assets_are_small(site: Site, name: str) -> None:
    assert (site.root / "assets" / name).stat().st_size < 12_000
