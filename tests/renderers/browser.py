"""Pages of a built EPUB laid out by a real browser engine (Debian's Chromium, driven by
Playwright), and the boxes of what they show: for the tests and benchmarks of the learner
EPUB's word shapes and tone colours.

The book is served from its zip by a local HTTP server, so its stylesheets and embedded fonts
load as a reading system loads them. A reader's font
size is the root font size; its screen width the viewport's.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import shutil
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

CHROMIUM = "/usr/bin/chromium"

# Every ruby of the running text (vocabulary lists left out), in order: its base character's
# box, its syllable's box (text only, without padding or margins), its tone class, the word
# (span.w) it is in, what follows it (the next character of its word, the next word with
# nothing shown between them, or anything else) and its computed colours.
MEASURE = """() => {
  const box = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    return [r.left, r.right, r.top, r.bottom];
  };
  const baseText = (ruby) => {
    for (const node of ruby.childNodes) {
      if (node.nodeType === 3 && node.textContent.trim()) return node;
      if (node.nodeType === 1 && node.localName === 'rb') return node;
    }
    return null;
  };
  const nextWord = (w) => {  // the word right after w, with nothing shown between them
    let node = w.nextSibling;
    while (node && ((node.nodeType === 3 && !node.textContent.trim()) || (node.nodeType === 1 && node.localName === 'wbr'))) {
      node = node.nextSibling;
    }
    return node && node.nodeType === 1 && node.classList.contains('w') ? node : null;
  };
  const shownBetween = (a, b) => {  // text between two sibling nodes
    let text = '';
    for (let node = a.nextSibling; node && node !== b; node = node.nextSibling) text += node.textContent;
    return text.trim() !== '';
  };
  const out = [];
  let word = 0;
  for (const w of document.querySelectorAll('span.w')) {
    if (w.closest('.vocabulary')) continue;
    word += 1;
    const rubies = [...w.querySelectorAll('ruby')];
    const follower = nextWord(w);
    const firstOfNext = follower && follower.firstChild && follower.firstChild.localName === 'ruby';
    rubies.forEach((ruby, index) => {
      const following = rubies[index + 1];
      let after = 'other';
      if (following) after = shownBetween(ruby, following) ? 'other' : 'in';
      else if (firstOfNext && !(ruby.nextSibling && ruby.nextSibling.textContent.trim())) after = 'word';
      ruby.dataset.after = after;
    });
    for (const ruby of rubies) {
      const base = baseText(ruby);
      const rt = ruby.querySelector('rt');
      if (!base || !rt) continue;
      const walker = document.createTreeWalker(rt, NodeFilter.SHOW_TEXT);
      const syllable = walker.nextNode();
      const style = getComputedStyle(rt);
      // A ruby wider than its character spreads the base box; the character is drawn at its centre.
      const spread = box(base), em = parseFloat(getComputedStyle(ruby).fontSize);
      const middle = (spread[0] + spread[1]) / 2;
      out.push({char: base.textContent.trim(), base: [middle - em / 2, middle + em / 2, spread[2], spread[3]],
                rt: box(syllable), syllable: rt.textContent,
                cls: ruby.getAttribute('class') || '', word: word, after: ruby.dataset.after,
                isNew: w.classList.contains('new'),
                color: getComputedStyle(ruby).color,
                rtColor: style.color, rtShown: style.display !== 'none' && style.visibility !== 'hidden'});
    }
  }
  return {rubies: out, fontSize: parseFloat(getComputedStyle(document.body).fontSize),
          bodyClass: document.body.className, buttons: document.querySelectorAll('.pinyin-switch button').length};
}"""


@dataclass(frozen=True)
class Ruby:
    char: str
    base: tuple[float, float, float, float]  # the character's em box: left, right, top, bottom (CSS px)
    rt: tuple[float, float, float, float]
    syllable: str
    cls: str
    word: int  # which span.w it is in, counted through the page
    after: str  # what follows: "in" (the next character of its word), "word" (the next word), "other"
    new: bool  # its word is above the book's HSK level (span.w.new)
    color: str
    rt_color: str
    rt_shown: bool


@dataclass(frozen=True)
class Rendered:
    rubies: list[Ruby]
    font_size: float  # the body's, px
    body_class: str
    buttons: int  # of the pinyin setting


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


class Reader:
    """One browser page showing a book's documents at a given width and root font size."""

    def __init__(self, page, origin: str, root: str, settings: dict) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.origin = origin  # where the book's zip is served
        self.root = root  # the folder of the package document inside the zip
        self.settings = settings  # what the served pages are given: the reader's font size

    def open(self, href: str, width: int, font_size: float, height: int = 900) -> None:
        """Show a document of the book at `width` CSS px with `font_size` px as the root size
        (a style the reading system adds to each page it serves, as reading systems do)."""
        self.settings["font_size"] = font_size
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.goto(self.origin + posixpath.join(self.root, href))
        if self.settings["javascript"]:
            self.page.evaluate("document.fonts.ready")

    def measure(self) -> Rendered:
        # Handed over as one JSON string: Playwright's own serialisation of thousands of small
        # objects took seconds a page, five times the string's.
        data = json.loads(self.page.evaluate(f"() => JSON.stringify(({MEASURE})())"))
        rubies = [Ruby(r["char"], tuple(r["base"]), tuple(r["rt"]), r["syllable"], r["cls"], r["word"], r["after"],
                       r["isNew"], r["color"], r["rtColor"], r["rtShown"]) for r in data["rubies"]]
        return Rendered(rubies, data["fontSize"], data["bodyClass"], data["buttons"])

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        self.page.screenshot(path=str(path), full_page=full_page)


def _server(book: zipfile.ZipFile, settings: dict) -> ThreadingHTTPServer:
    """A local HTTP server of the book's zip. Pages are served fresh (each gets the reader's font
    size); stylesheets, scripts and fonts may be cached, so a font is not sent again for every
    page (Playwright's request routing turns the browser's cache off)."""
    names = set(book.namelist())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            name = unquote(self.path.lstrip("/").split("#")[0].split("?")[0])
            if name not in names:
                self.send_error(404)
                return
            body = book.read(name)
            if name.endswith(".xhtml"):
                kind, cache = "application/xhtml+xml", "no-store"
                body = body.replace(b"</head>", f'<style>html {{ font-size: {settings["font_size"]}px !important; }}'
                                                f"</style></head>".encode(), 1)
            else:
                kind, cache = mimetypes.guess_type(name)[0] or "application/octet-stream", "max-age=3600"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@contextmanager
def reader(epub: Path, javascript: bool = True) -> Iterator[Reader]:
    """A headless Chromium with the EPUB's files served from its zip."""
    from lxml import etree
    from playwright.sync_api import sync_playwright

    book = zipfile.ZipFile(epub)
    container = etree.fromstring(book.read("META-INF/container.xml"))
    opf = container.find(".//{*}rootfile").get("full-path")
    root = posixpath.dirname(opf)

    settings = {"font_size": 16.0, "javascript": javascript}
    server = _server(book, settings)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
            try:
                context = browser.new_context(java_script_enabled=javascript, device_scale_factor=1)
                page = context.new_page()
                page.set_default_timeout(60_000)  # fail, never hang
                yield Reader(page, origin, root, settings)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        book.close()


@dataclass
class Shapes:
    """Word shapes on rendered pages, in em of the base text."""

    lines: int = 0
    words: int = 0
    pitches: list[float] | None = None
    in_word_gaps: list[float] | None = None
    line_spaces: list[float] | None = None
    violations: list[str] | None = None

    def __post_init__(self) -> None:
        self.pitches, self.in_word_gaps, self.line_spaces, self.violations = [], [], [], []


def word_shapes(rendered: Rendered, where: str, shapes: Shapes | None = None) -> Shapes:
    """Within each word on a line the pitch varies by at most 10 %, every gap inside a word is
    narrower than the line's least word space, and no two syllables on a line overlap."""
    shapes = shapes or Shapes()
    lines: list[list[Ruby]] = []
    for ruby in rendered.rubies:
        if lines and abs(lines[-1][-1].base[2] - ruby.base[2]) < 2:
            lines[-1].append(ruby)
        else:
            lines.append([ruby])
    for line in lines:
        em = max(r.base[1] - r.base[0] for r in line)
        shapes.lines += 1
        inner, spaces, runs = [], [], [[line[0]]]
        for a, b in zip(line, line[1:]):
            if b.rt[0] < a.rt[1] - 0.01:
                shapes.violations.append(f"{where}: syllables {a.syllable} and {b.syllable} overlap")
            if a.after == "in":
                runs[-1].append(b)
                inner.append((b.base[0] - a.base[1]) / em)
            else:
                runs.append([b])
                if a.after == "word":
                    spaces.append((b.base[0] - a.base[1]) / em)
        for run in runs:
            if len(run) < 2:
                continue
            shapes.words += 1
            steps = [(b.base[0] - a.base[0]) / em for a, b in zip(run, run[1:])]
            shapes.pitches += steps
            if max(steps) > min(steps) * 1.10:
                shapes.violations.append(f"{where}: pitch in {''.join(r.char for r in run)} varies "
                                         f"{min(steps):.3f}–{max(steps):.3f} em")
        shapes.in_word_gaps += inner
        if spaces:
            shapes.line_spaces.append(min(spaces))
            wide = [gap for gap in inner if gap >= min(spaces)]
            if wide:
                shapes.violations.append(f"{where}: in-word gap {max(wide):.3f} em ≥ word space {min(spaces):.3f} em "
                                         f"in {''.join(r.char for r in line)}")
    return shapes
