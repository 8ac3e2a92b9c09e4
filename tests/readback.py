"""Reading any output back whole with a parser of its own format, for the crash-safety tests.

`read_back(path)` raises when the file does not parse to its end, or when it holds less than it
declares (an audio file shorter than its own chapter table, a script missing chapters its table
lists, captions that stop long before the audio beside them ends); otherwise it returns what a
reader gets from the file, so that two readings can be compared.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tests.renderers.epubtools import NS, Book, shown_text

# Tolerance between the decoded length of an audio file and the end its chapter table declares:
# a couple of codec frames (an MP3 frame is 26 ms at 44.1 kHz, an AAC frame 46 ms at 22.05 kHz).
CHAPTER_END_TOLERANCE = 0.1
# Captions end before the programme does by its closing silence, never by a tenth of it.
CAPTION_COVERAGE = 0.9
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Reading:
    kind: str
    text: str  # the text a reader or listener is shown ("" for audio)
    detail: tuple  # what else identifies the content: pages, spine, duration, cues


class Incomplete(AssertionError):
    """The file parses, but holds less than it declares."""


def han(text: str) -> str:
    """Only the Han characters, in order: comparable across line breaks, ruby and pinyin."""
    return "".join(HAN.findall(text))


def read_back(path: Path) -> Reading:
    reader = {".epub": _epub, ".pdf": _pdf, ".mp3": _audio, ".m4b": _audio, ".vtt": _vtt,
              ".md": _markdown, ".html": _html}[path.suffix]
    return reader(path)


def _epub(path: Path) -> Reading:
    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None:
            raise zipfile.BadZipFile(f"{path.name}: a damaged entry")
        if archive.namelist()[0] != "mimetype" or archive.read("mimetype") != b"application/epub+zip":
            raise zipfile.BadZipFile(f"{path.name}: mimetype is not the first entry")
    book = Book.open(path)
    for item in book.opf.iterfind("opf:manifest/opf:item", NS):
        data = book.zip.read(book.path(item.get("href")))  # KeyError when an item is missing
        if item.get("media-type") == "application/xhtml+xml":
            etree.fromstring(data)
    spine = tuple(book.spine())
    text = "".join(shown_text(book.tree(href)) for href in spine)
    return Reading("epub", text, spine)


def _pdf(path: Path) -> Reading:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()), strict=True)
    texts = tuple(page.extract_text() for page in reader.pages)  # every page, to the last
    if not texts:
        raise Incomplete(f"{path.name}: no pages")
    return Reading("pdf", "\n".join(texts), (len(texts),))


def _audio(path: Path) -> Reading:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
        seconds = samples / stream.sample_rate
        chapters = [float(c["end"] * c["time_base"]) for c in container.chapters()] if path.suffix == ".m4b" else []
    if path.suffix == ".mp3":
        from mutagen.id3 import ID3

        chapters = [frame.end_time / 1000 for frame in ID3(path).getall("CHAP")]
    if not chapters:
        raise Incomplete(f"{path.name}: no chapter table")
    if abs(max(chapters) - seconds) > CHAPTER_END_TOLERANCE:
        raise Incomplete(f"{path.name}: decodes to {seconds:.3f} s, its chapters end at {max(chapters):.3f} s")
    return Reading("audio", "", (round(seconds, 3),))


def _whole_lines(path: Path) -> str:
    """A text file's content: strict UTF-8 (a cut inside a character fails) ending in a line end."""
    text = path.read_bytes().decode("utf-8")
    if not text.endswith("\n"):
        raise Incomplete(f"{path.name}: the last line is cut off")
    return text


CUE_SPAN = re.compile(r"</?(?:lang|c|i|b|u|ruby|rt)(?:[ .][^>]*)?>")


def _vtt(path: Path) -> Reading:
    import webvtt

    _whole_lines(path)
    captions = webvtt.read(str(path)).captions
    if not captions:
        raise Incomplete(f"{path.name}: no cues")
    # (a cue's spans other than its voice — `<lang en>…</lang>`, `<i>` — mark its text, and are not it)
    cues = tuple((c.start_time.in_milliseconds() / 1000, c.end_time.in_milliseconds() / 1000,
                  CUE_SPAN.sub("", c.raw_text)) for c in captions)
    for start, end, text in cues:
        if not start < end or not text.strip():
            raise Incomplete(f"{path.name}: a cue without time or text at {start:.3f} s")
    if [cue[0] for cue in cues] != sorted(cue[0] for cue in cues):
        raise Incomplete(f"{path.name}: cues out of order")
    audio = path.with_suffix(".mp3")
    if audio.exists():
        seconds = _audio(audio).detail[0]
        last = max(cue[1] for cue in cues)
        if not seconds * CAPTION_COVERAGE <= last <= seconds + CHAPTER_END_TOLERANCE:
            raise Incomplete(f"{path.name}: captions end at {last:.3f} s, the audio at {seconds:.3f} s")
    return Reading("vtt", "\n".join(cue[2] for cue in cues), cues)


def _markdown(path: Path) -> Reading:
    """The script: every chapter its own table lists has its section, in order."""
    from markdown_it import MarkdownIt

    text = _whole_lines(path)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    listed = _chapter_table(tokens)
    sections = [re.sub(r"\s*`\[[\d:.]+\]`$", "", h) for h in headings if re.match(r"\d+\. ", h)]
    if not listed or sections != [f"{number}. {title}" for number, title in listed]:
        raise Incomplete(f"{path.name}: chapters listed {listed}, sections found {sections}")
    return Reading("md", text, tuple(headings))


def _chapter_table(tokens) -> list[tuple[str, str]]:
    """(number, title) rows of the table under the "Chapters" heading."""
    rows, cells, inside, heading = [], [], False, ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content
        elif token.type == "tbody_open" and heading == "Chapters":
            inside = True
        elif token.type == "tbody_close":
            inside = False
        elif inside and token.type == "inline":
            cells.append(token.content)
        elif inside and token.type == "tr_close":
            rows.append((cells[0], cells[-1]))
            cells = []
    return rows


def _html(path: Path) -> Reading:
    """A strict HTML5 parse (an element left open at the end raises), every link inside the
    page finds its target, and the page closes its <html> as the script writer always does."""
    import html5lib

    data = path.read_bytes()
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)
    ids = {element.get("id") for element in document.iter() if element.get("id")}
    missing = [a.get("href") for a in document.iter("a") if (a.get("href") or "").startswith("#")
               and a.get("href")[1:] not in ids]
    if missing or not data.rstrip().endswith(b"</html>"):
        raise Incomplete(f"{path.name}: stops early (links without a target: {missing})")
    body = document.find("body")
    return Reading("html", "".join(body.itertext()), (len(list(body.iter())),))
