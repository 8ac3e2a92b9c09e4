"""A Latin title's pieces are joined with Latin punctuation in every edition's furniture, a
Chinese title's with Chinese: the MP3's and M4B's tags ("Night Owls: A Library After Dark",
"Jane Doe, Zoë Brontë"), the EPUB's title page and colophon, and the PDF's copyright page.
Before, each wrote "Night Owls：A Library After Dark" and "Jane Doe、Zoë Brontë" (the site and
feeds already chose the mark per joint: `furniture.joined`, tests/site/test_distribution6.py)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from pipeline.audio.tags import Tags
from pipeline.build import prepare
from pipeline.cli import app
from pipeline.reader import read_source
from tests.conftest import TEST_TITLE

runner = CliRunner()

# (front-matter lines put in, joined title, joined authors)
TITLES = {
    "latin": ({"slug": "night-owls", "title": "Night Owls", "subtitle": "A Library After Dark",
               "authors": "[Jane Doe, Zoë Brontë]"},
              "Night Owls: A Library After Dark", "Jane Doe, Zoë Brontë"),
    "chinese": ({"slug": "night-library", "authors": "[林小满, 王五]"},
                "灯下夜读：城东图书馆夜间阅览室的四位常客", "林小满、王五"),
}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("joiners")
    found = {}
    for kind, (fields, _title, _authors) in TITLES.items():
        text = TEST_TITLE.read_text(encoding="utf-8")
        for key, value in fields.items():
            text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
            assert count == 1, key
        found[kind] = folder / f"{kind}.md"
        found[kind].write_text(text, encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def built(sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    for command in ("epub", "pdf"):
        result = runner.invoke(app, [command, *(str(p) for p in sources.values()), "--out", str(out), "--jobs", "1", "-q"])
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("kind", TITLES)
def test_the_audio_tags_join_title_and_authors_in_the_titles_script(kind: str, sources: dict[str, Path]) -> None:
    tags = Tags.of(prepare(read_source(sources[kind])))
    assert (tags.title, tags.artist) == TITLES[kind][1:]


@pytest.mark.parametrize("kind", TITLES)
def test_the_epub_names_the_authors_in_the_titles_script(kind: str, built: Path) -> None:
    slug = TITLES[kind][0]["slug"]
    with zipfile.ZipFile(built / f"{slug}.epub") as book:
        pages = [lxml_html.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")]
    texts = [re.sub(r"\s+", " ", p.text_content()) for page in pages for p in page.iter("p", "td", "dd")]
    authors = TITLES[kind][2]
    assert any(t.endswith(authors) for t in texts if "／" in t), texts  # the title page's byline
    assert sum(authors in t for t in texts) >= 2, texts  # and the colophon


@pytest.mark.parametrize("kind", TITLES)
def test_the_pdf_copyright_page_names_the_authors_in_the_titles_script(kind: str, built: Path) -> None:
    from pdfminer.high_level import extract_text

    slug = TITLES[kind][0]["slug"]
    assert TITLES[kind][2] in extract_text(built / f"{slug}.pdf").replace("\n", "")
