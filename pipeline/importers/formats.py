"""Copy in its delivery format → a list of text blocks (plus what the format itself says).

One reader per format, each leaning on a maintained library for the format and adding no
structure of its own: structure is inferred later, the same way for every format (`layout.py`).

- `.txt`: every non-empty line is a block (UTF-8, UTF-16 with BOM, or GB18030 as Chinese Windows
  saves it).
- `.html`/`.htm`: a WeChat article's body (`#js_content`, which holds exactly the article) is
  read directly; any other page goes through trafilatura, which drops the site's header,
  navigation, share bar, comments and footer. The title and publication date come only from
  explicit markup (`og:title`, `<h1>`, `article:published_time`, `<time datetime>` …), never
  from guessing.
- `.docx`: mammoth turns Word's styles into HTML (headings, Word's own numbered lists, bold),
  which is then read like a page without boilerplate; a "Title" paragraph is the title.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from pipeline.errors import PublishError
from pipeline.paths import UsageError
from pipeline.sourcetext import line_join

SUFFIXES = {".txt": "plain text", ".text": "plain text", ".html": "web page", ".htm": "web page",
            ".docx": "Word document"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
               "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "ul", "dl", "dt", "dd", "table", "tr", "td",
               "th", "figure", "figcaption", "hr", "br", "center", "address", "details", "summary"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
              "input", "form", "head", "title", "meta", "link", "img", "video", "audio", "canvas", "object"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u2000-\u200a\u202f\u205f]+")
# A zero-width space is a space only where the copy needs one, between two Latin words; between
# Chinese characters (where WeChat and Word put it to allow a line break) it is nothing (before:
# every one became a space, '中\u200b文' → '中 文').
_ZERO_WIDTH_SPACE = re.compile("\u200b+")
_LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
# A link of the copy travels through the layout pass as its text between two marks, the first
# followed by the link's number in `Extracted.links` (characters of Unicode's private-use planes,
# which no copy uses and the layout rules do not look at); the writer turns it into '[text](url)'.
LINK_OPEN, LINK_CLOSE, LINK_BASE = "\U000ffff0", "\U000ffff1", 0xF0000
LINK_SCHEMES = ("http", "https", "mailto")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CAPTION_MAX = 60
# a line ending so ends its paragraph (a sentence, a label, a question, a closing bracket or quote)
_LINE_ENDS = tuple("。！？!?…：:；;”」』）)】》.\"'")
_WRAP_MIN = 16  # a shorter line (a name alone, a heading) is never continued
_ITEM_START = re.compile(r"^(?:[（(]?\d{1,3}[)）.、．]|[①-⑳]|\[\d{1,3}\]|[-*•·] )")  # a list item starts anew
MAX_BYTES = 50_000_000  # copy larger than this is not one article
# A Word file's text (its XML parts) unpacked: an article's is well under 1 MB; mammoth reads
# 20 MB in about 20 s, so a small file that unpacks to far more (a zip bomb) would hang.
MAX_DOCX_XML_BYTES = 10_000_000


class ImportUsageError(UsageError):
    """The command cannot run as given (missing copy, unknown kind of file, existing target
    without --force, bad slug): exit code 2."""


@dataclass
class Block:
    """One paragraph-like piece of copy, as the format delivered it."""

    text: str
    heading: bool = False  # the copy marks it as a heading (<h2>, Word's "Heading 2")
    item: int | None = None  # its number in an ordered list the copy marks up (<ol>, Word numbering)
    strong: bool = False  # all of it is bold (a label or question set in bold, often without colon)
    line: int | None = None  # its line in a plain-text copy (1-based), for messages to the editor


@dataclass
class Extracted:
    blocks: list[Block]
    kind: str  # "plain text", "web page", "Word document"
    title: str | None = None
    title_from: str | None = None  # where the title was found, for the '# check:' comment
    date: dt.date | None = None
    date_from: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader had to decide, for the summary
    links: list[str] = field(default_factory=list)  # the copy's link addresses, numbered by their marks


def check_kind(path: Path) -> str:
    """The copy's suffix, if it is a kind we import (else an `ImportUsageError`)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(sorted(SUFFIXES))
        raise ImportUsageError(f"{path}: cannot import '{suffix or 'a file without extension'}' copy (known: {known})")
    return suffix


def read_copy(path: Path) -> Extracted:
    suffix = check_kind(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportUsageError(f"{path}: {size / 1e6:.0f} MB is more than an article "
                                   f"(the limit is {MAX_BYTES // 1_000_000} MB): split it or check the file")
        data = path.read_bytes()
    except OSError as exc:
        raise PublishError(f"{path}: cannot read the copy ({exc.strerror or exc})") from None
    try:
        if suffix == ".docx":
            result = read_docx(data, str(path))
        else:
            text, notes = decode(data, str(path))
            result = read_html(text) if suffix in (".html", ".htm") else Extracted(text_blocks(text), "plain text")
            result.notes[:0] = notes
    except PublishError:
        raise
    except Exception as exc:  # noqa: BLE001 - a library's failure on odd input is the copy's problem
        raise PublishError(f"{path}: cannot read the copy as a {SUFFIXES[suffix]} "
                           f"({type(exc).__name__}: {exc})") from None
    if not result.blocks:
        raise PublishError(f"{path}: no text found in the copy")
    return result


def decode(data: bytes, shown: str) -> tuple[str, list[str]]:
    """Text of the copy: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ["read as UTF-16"]
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if not text or controls > len(text) // 1000:
        raise PublishError(f"{shown}: the copy is neither UTF-8 nor GB18030 text; save it as UTF-8")
    return text, ["read as GB18030 (not UTF-8)"]


def text_blocks(text: str) -> list[Block]:
    """Plain text: one block per non-empty line (copy pastes one paragraph per line). Copy that
    parts its paragraphs with blank lines but breaks a paragraph's own lines (hard-wrapped, as a
    PDF or an e-mail gives it) has those lines joined again: a line that does not end like a
    sentence, a label or a heading continues on the next (`line_join`: nothing between Chinese
    characters, a space between Latin words)."""
    lines = [_clean(raw) for raw in text.splitlines()]
    blocks: list[Block] = []
    wrapped = _hard_wrapped(lines)
    for n, line in enumerate(lines, 1):
        if not line:
            continue
        previous = lines[n - 2] if n >= 2 else ""
        if (wrapped and blocks and previous and not previous.endswith(_LINE_ENDS) and len(previous) >= _WRAP_MIN
                and not _ITEM_START.match(line)):
            blocks[-1] = Block(blocks[-1].text + line_join(blocks[-1].text, line) + line, line=blocks[-1].line)
        else:
            blocks.append(Block(line, line=n))
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    """Paragraphs parted by blank lines (after a line that ends like a paragraph, at least three
    times and nearly always a blank line follows) and some line running on into the next: the
    lines of a paragraph broken at a width."""
    ends = [(a, b) for a, b in zip(lines, lines[1:]) if a.endswith(_LINE_ENDS)]
    blank = sum(1 for _a, b in ends if not b)
    running = any(a and b and not a.endswith(_LINE_ENDS) and len(a) >= _WRAP_MIN for a, b in zip(lines, lines[1:]))
    return running and blank >= 3 and blank >= 0.8 * len(ends)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _zero_width(text).replace("\u3000", " ")).strip()


def _zero_width(text: str) -> str:
    def space(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        return " " if _LATIN_WORD.match(before) and _LATIN_WORD.match(after) else ""

    return _ZERO_WIDTH_SPACE.sub(space, text)


def link_address(href: str | None) -> str | None:
    """The address a link of the copy may keep: a whole web or mail address, else None (its text
    stays, unlinked: a page of the site, '#top', 'javascript:' lead nowhere from a book)."""
    from urllib.parse import urlsplit

    href = (href or "").strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in LINK_SCHEMES and (scheme == "mailto" and parts.path or parts.netloc):
        return href
    return None


class _Links:
    """The copy's links, numbered as their marks are written."""

    def __init__(self, found: list[str]) -> None:
        self.found = found

    def open(self, href: str | None) -> str | None:
        address = link_address(href)
        if address is None:
            return None
        self.found.append(address)
        return LINK_OPEN + chr(LINK_BASE + len(self.found) - 1)


# -- web pages ------------------------------------------------------------------------------

def read_html(text: str) -> Extracted:
    if not text.strip():
        return Extracted([], "web page")
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PublishError(f"the page cannot be parsed as HTML ({exc})") from None
    title, title_from = _page_title(tree)
    date, date_from = _page_date(tree)
    wechat = tree.xpath('//*[@id="js_content"]')
    links: list[str] = []
    if wechat:
        blocks, notes = walk_html(wechat[0], links), ["article body: the WeChat container #js_content"]
        blocks, removed = _without_site_furniture(blocks, wechat[0])
        if removed:
            notes.append(f"left out as picture captions or the account's furniture: {_quoted(removed)}")
    else:
        blocks, notes = _trafilatura_blocks(text), ["article body: chosen by trafilatura"]
        blocks, removed = _without_site_furniture(blocks, tree)
        if removed:
            notes.append("left out as the site's comments, related links, share bars, ads or picture captions "
                         f"(by their element): {_quoted(removed)}")
        blocks = _relinked(blocks, tree, links)
        if not blocks:
            links.clear()
            body = tree.find("body")
            blocks = walk_html(body if body is not None else tree, links)
            notes = ["trafilatura found no article body: the whole page was read"]
    if title and blocks and blocks[0].heading and _same(strip_links(blocks[0].text), title):
        blocks = blocks[1:]  # the headline is the title, not a paragraph
    return Extracted(blocks, "web page", title, title_from, date, date_from, notes, links)


def _without_site_furniture(blocks: list[Block], tree) -> tuple[list[Block], list[str]]:
    """The blocks without those that stand in an element whose class or id names it as the
    site's (data/rules.toml, [page]): trafilatura keeps a comment thread, an ad or a related-links
    box that sits inside the article's container (it did, in our tests). The page itself is not
    changed before trafilatura reads it (a page with parts removed led it to merge every
    paragraph into one). An element holding the headline or more than half of the page's
    paragraph text is kept whatever its name."""
    from pipeline.importers.rules import rules

    words = rules().page_furniture
    total = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    site: set[str] = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in ("html", "body", "head"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if not (set(re.split(r"[\s_\-]+", names)) & words or _caption(element)):
            continue
        if element.xpath(".//h1") or sum(len(p.text_content()) for p in element.iter("p")) / total > 0.5:
            continue
        site |= {re.sub(r"\s+", "", strip_links(b.text)) for b in walk_html(element, [])}
    kept = [b for b in blocks if re.sub(r"\s+", "", strip_links(b.text)) not in site]
    return kept, [strip_links(b.text) for b in blocks if b not in kept]


def _quoted(texts: list[str]) -> str:
    return "、".join(f"“{t if len(t) <= 30 else t[:30] + '…'}”" for t in texts)


def _caption(element) -> bool:
    """A picture's caption: a `<figcaption>`, or a short paragraph whose words stand under a
    picture it holds (`<p><img><br>夜校的教室。</p>`): the picture's words, not the article's or a
    speaker's. An emoji drawn as a small inline picture (WeChat's) makes no caption."""
    tag = element.tag.lower()
    if tag == "figcaption":
        return True
    if tag not in ("p", "div", "section") or element.xpath(".//p|.//div|.//section"):
        return False
    pictures = [img for img in element.iter("img") if not _inline_picture(img)]
    if not pictures or len(element.text_content().strip()) > _CAPTION_MAX:
        return False
    inside = {id(node) for node in element.iter()}
    before = [t for t in pictures[0].xpath("preceding::text()") if id(t.getparent()) in inside]
    return not "".join(before).strip()


def _inline_picture(img) -> bool:
    """An emoji or icon drawn inside a line of text: a class saying so, or a size under 40 px."""
    if "emoji" in (img.get("class") or "").lower() or "emoji" in (img.get("src") or "").lower():
        return True
    for attribute in ("width", "height"):
        value = re.match(r"\s*(\d+)", img.get(attribute) or "")
        if value and int(value[1]) < 40:
            return True
    return False


def strip_links(text: str) -> str:
    """The text without its link marks (where a link cannot be: a title, a heading, a name)."""
    return re.sub(f"{LINK_OPEN}.|{LINK_CLOSE}", "", text)


def _relinked(blocks: list[Block], tree, links: list[str]) -> list[Block]:
    """trafilatura's blocks with the page's links marked again (its own `include_links` drops or
    moves them): each paragraph of the page that holds a link is read with its links marked, and
    a block with the same text (spaces aside) takes that reading. A block trafilatura cut or
    joined differently keeps its text unlinked."""
    marked: dict[str, str] = {}
    seen = set()
    for anchor in tree.iter("a"):
        if link_address(anchor.get("href")) is None:
            continue
        holder = anchor.getparent()
        while holder is not None and not (isinstance(holder.tag, str) and holder.tag.lower() in _BLOCK_TAGS):
            holder = holder.getparent()
        if holder is None or holder in seen:
            continue
        seen.add(holder)
        for block in walk_html(holder, links):
            marked.setdefault(re.sub(r"\s+", "", strip_links(block.text)), block.text)
    if not marked:
        return blocks
    out = []
    for block in blocks:
        found = marked.get(re.sub(r"\s+", "", block.text))
        out.append(Block(found, block.heading, block.item, block.strong) if found else block)
    return out


def _trafilatura_blocks(text: str) -> list[Block]:
    import trafilatura

    xml = trafilatura.extract(text, output_format="xml", include_formatting=True, include_tables=True,
                              include_comments=False, include_images=False, favor_recall=True,
                              deduplicate=False, with_metadata=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[Block] = []
    for element in (main if main is not None else root):
        _tei_block(element, blocks)
    return blocks


def _tei_block(element, blocks: list[Block]) -> None:
    """trafilatura's XML (TEI-like): head, p, list/item, quote, table/row/cell; `lb` breaks lines."""
    tag = element.tag
    if tag == "list":
        ordered = element.get("rend") == "ol"
        for number, item in enumerate(element.iterfind("item"), start=1):
            for line in _lines(item):
                blocks.append(Block(line, item=number if ordered else None))
        return
    if tag in ("table", "row"):
        for child in element:
            _tei_block(child, blocks)
        return
    strong = _all_bold_tei(element)
    for line in _lines(element):
        blocks.append(Block(line, heading=tag == "head", strong=strong))


def _all_bold_tei(element) -> bool:
    """Every character of the element inside `<hi rend="#b">`."""
    if (element.text or "").strip():
        return False
    children = list(element)
    return bool(children) and all(
        child.tag == "hi" and "#b" in (child.get("rend") or "") and not (child.tail or "").strip()
        for child in children)


def _lines(element) -> list[str]:
    """The text of an element, split at its line breaks (`lb` or `br`)."""
    parts, current = [], []
    for piece in element.iter():
        if piece is not element and piece.tag in ("lb", "br"):
            parts.append("".join(current))
            current = []
            if piece.tail:
                current.append(piece.tail)
            continue
        if piece is element:
            current.append(piece.text or "")
        else:
            current.append(piece.text or "")
            current.append(piece.tail or "")
    parts.append("".join(current))
    return [line for line in (_clean(p) for p in parts) if line]


def walk_html(root, found_links: list[str] | None = None) -> list[Block]:
    """Blocks of an HTML subtree: every block-level element or <br> ends a block; text inside
    inline elements (span, strong, a …) joins the block it stands in; a link (`<a href>` to a
    web or mail address) is marked around its text, its address added to `found_links`."""
    blocks: list[Block] = []
    links = _Links(found_links if found_links is not None else [])
    state = {"text": [], "heading": False, "item": None, "plain": 0, "bold": 0}

    def add(text: str | None, bold: bool) -> None:
        if text:
            state["text"].append(text)
            state["bold" if bold else "plain"] += len(text.strip())

    def flush() -> None:
        line = _clean("".join(state["text"]))
        if strip_links(line).strip():
            blocks.append(Block(line, heading=state["heading"], item=state["item"],
                                strong=state["bold"] > 0 and state["plain"] == 0))
        state["text"], state["plain"], state["bold"] = [], 0, 0

    def visit(node, heading: bool, item: int | None, bold: bool, tail_bold: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS or _hidden(node):
            add(node.tail, tail_bold)
            return
        block = tag in _BLOCK_TAGS
        inner_bold = bold or tag in ("strong", "b") or _bold_style(node)
        if block:
            flush()
            state["heading"], state["item"] = heading or tag in _HEADINGS, item
        mark = links.open(node.get("href")) if tag == "a" and not block and node.text_content().strip() else None
        if mark:
            state["text"].append(mark)
        add(node.text, inner_bold)
        if tag == "ol":
            start = int(node.get("start", "1")) if str(node.get("start", "1")).isdigit() else 1
            number = start
            for child in node:
                if isinstance(child.tag, str) and child.tag.lower() == "li":
                    visit(child, heading, number, inner_bold, inner_bold)
                    number += 1
                else:
                    visit(child, heading, item, inner_bold, inner_bold)
        else:
            for child in node:
                visit(child, heading or tag in _HEADINGS, item, inner_bold, inner_bold)
        if mark:
            state["text"].append(LINK_CLOSE)
        if block:
            flush()
            state["heading"], state["item"] = heading, item
        add(node.tail, tail_bold)

    visit(root, False, None, False, False)
    flush()
    return blocks


def _bold_style(node) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style


def _hidden(node) -> bool:
    """Elements a reader never sees (display:none, the hidden attribute); WeChat's body is only
    *visibility*-hidden until its script runs, so visibility is not a reason."""
    if not isinstance(node.tag, str):
        return False
    style = (node.get("style") or "").replace(" ", "").lower()
    return node.get("hidden") is not None or "display:none" in style or node.get("aria-hidden") == "true"


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def _page_title(tree) -> tuple[str | None, str | None]:
    if title := _meta(tree, "og:title", "twitter:title"):
        return _clean(title), "the page's og:title"
    for h1 in tree.xpath("//h1"):
        text = _clean(h1.text_content())
        if text:
            return text, "the page's <h1>"
    return None, None


def _page_date(tree) -> tuple[dt.date | None, str | None]:
    candidates: list[tuple[str | None, str]] = [
        (_meta(tree, "article:published_time", "datePublished", "og:published_time", "publishdate",
               "pubdate", "publish-date"), "the page's publication-date meta tag"),
    ]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                candidates.append((item["datePublished"], "the page's JSON-LD datePublished"))
    candidates += [(t, "the page's <time datetime>") for t in tree.xpath("//time/@datetime")[:1]]
    candidates += [(_clean(e.text_content()), "the page's publish_time") for e in
                   tree.xpath('//*[@id="publish_time"]')[:1]]
    for value, origin in candidates:
        if value and (match := _DATE.search(value)):
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3])), origin
            except ValueError:
                continue
    return None, None


# -- Word -----------------------------------------------------------------------------------

def read_docx(data: bytes, shown: str) -> Extracted:
    import io
    import zipfile

    import mammoth

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
        if unpacked > MAX_DOCX_XML_BYTES:
            raise ImportUsageError(f"{shown}: its text unpacks to {unpacked / 1e6:.0f} MB, more than an article "
                                   f"(the limit is {MAX_DOCX_XML_BYTES // 1_000_000} MB): split it or check the file")
        result = mammoth.convert_to_html(io.BytesIO(data), style_map="p[style-name='Title'] => h1.doc-title:fresh")
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PublishError(f"{shown}: not a readable .docx file ({exc})") from None
    fragment = lxml_html.fragment_fromstring(result.value or "<p></p>", create_parent="div")
    title = None
    heads = fragment.xpath('./h1[contains(@class, "doc-title")]')
    if heads:
        title = _clean(heads[0].text_content()) or None
        heads[0].getparent().remove(heads[0])
    links: list[str] = []
    blocks = walk_html(fragment, links)
    notes = [f"Word: {m.message}" for m in result.messages if m.type == "warning"][:3]
    return Extracted(blocks, "Word document", title, "the document's Title paragraph" if title else None,
                     notes=notes, links=links)
