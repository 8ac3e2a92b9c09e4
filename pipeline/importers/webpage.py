"""A web page's copy → blocks: a WeChat article's body (`#js_content`) read directly, any other
page's article chosen by trafilatura; the site's furniture (comments, related links, share bars,
ads, picture captions) left out by its elements' names; the page's links marked again where
trafilatura dropped them; the title and publication date only from explicit markup.

Kept apart from `formats.py` because a page takes more reading than every other format together;
`walk_html` is also how a Word file's HTML (from mammoth) becomes blocks.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from lxml import etree
from lxml import html as lxml_html

from pipeline.errors import PublishError
from pipeline.importers.extracted import BULLET, LINK_CLOSE, Block, Extracted, _clean, _Links, link_address, strip_links
from pipeline.importers.pagestructure import cell_labels, row_labels, uncollapsed
from pipeline.importers.pagetitle import headline_in_title, meta, page_title, same

_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
               "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "ul", "dl", "dt", "dd", "table", "tr", "td",
               "th", "figure", "figcaption", "hr", "br", "center", "address", "details", "summary"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
              "input", "form", "head", "title", "meta", "link", "img", "video", "audio", "canvas", "object",
              "rt", "rp"}  # (a <ruby>'s reading and its fallback brackets: the page's gloss, not the text)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CAPTION_MAX = 60
_BYLINES_MAX = 3  # (a page has one byline; a list of every author's page is no byline)
_TEI_BLOCKS = {"p", "head", "list", "quote", "table", "row", "cell"}  # trafilatura's block elements


def read_html(text: str) -> Extracted:
    if not text.strip():
        return Extracted([], "web page")
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PublishError(f"the page cannot be parsed as HTML ({exc})") from None
    title, title_from = page_title(tree)
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
        blocks = cell_labels(uncollapsed(blocks, tree, notes), tree, notes)
        blocks, removed = _without_site_furniture(blocks, tree)
        if removed:
            notes.append("left out as the site's comments, related links, share bars, ads or picture captions "
                         f"(by their element): {_quoted(removed)}")
        blocks = _relinked(blocks, tree, links)
        bylines = _bylines(tree, blocks)
        if bylines:
            blocks = bylines + blocks
            notes.append(f"byline read from the page's byline element (trafilatura leaves it out): {_quoted([b.text for b in bylines])}")
        if not blocks:
            links.clear()
            body = tree.find("body")
            blocks = walk_html(body if body is not None else tree, links)
            notes = ["trafilatura found no article body: the whole page was read"]
    notes += _left_out_marks(tree, wechat[0] if wechat else None, blocks)
    if title and blocks and blocks[0].heading and same(strip_links(blocks[0].text), title):
        blocks = blocks[1:]  # the headline is the title, not a paragraph
    if title is None:
        title, blocks, title_from = headline_in_title(tree, blocks)
    return Extracted(blocks, "web page", title, title_from, date, date_from, notes, links)


def _left_out_marks(tree, body, blocks: list[Block]) -> list[str]:
    """What the article's markup had that no edition prints, said in the summary as a text's
    `* * *` is: its section breaks (`<hr>`) and its ruby readings (`<rt>`). An `<hr>` counts where
    it stands beside the article's text (a site's footer rule is not the article's)."""
    texts = [strip_links(b.text)[:12] for b in blocks[:200] if len(strip_links(b.text)) >= 4]

    def in_article(element) -> bool:
        parent = element.getparent()
        if body is not None or parent is None:
            return parent is not None
        around = _clean(parent.text_content())
        return any(t in around for t in texts)

    root = body if body is not None else tree
    rules_ = [hr for hr in root.iter("hr") if in_article(hr)]
    readings = [rt for rt in root.iter("rt") if in_article(rt)]
    notes = []
    if rules_:
        notes.append(f"left out {len(rules_)} section break(s) of the page (`<hr>`): no edition prints one")
    if readings:
        notes.append(f"left out {len(readings)} reading(s) of the page's <ruby> (`<rt>`): the learner editions "
                     "give every character its pinyin")
    return notes


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
        if not (_class_names(element) & words or _caption(element)):
            continue
        if element.xpath(".//h1") or sum(len(p.text_content()) for p in element.iter("p")) / total > 0.5:
            continue
        site |= {re.sub(r"\s+", "", strip_links(b.text)) for b in walk_html(element, [])}
    kept = [b for b in blocks if re.sub(r"\s+", "", strip_links(b.text)) not in site]
    return kept, [strip_links(b.text) for b in blocks if b not in kept]


def _bylines(tree, blocks: list[Block]) -> list[Block]:
    """The credit lines of the page's byline element (class or id `byline`, `author`, `source` …:
    data/rules.toml, [page] bylines), which trafilatura leaves out of the article (before: the
    authors were lost without a word): put first, where the credit pass reads bylines."""
    from pipeline.importers.credit import parse_credit
    from pipeline.importers.datelines import without_dates
    from pipeline.importers.rules import rules

    table = rules()
    have = {re.sub(r"\s+", "", strip_links(b.text)) for b in blocks}
    found: list[Block] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in ("html", "body", "head", "meta"):
            continue
        if not _class_names(element) & table.page_bylines or any(
                _class_names(parent) & table.page_bylines for parent in element.iterancestors()):
            continue
        for block in walk_html(element, []):
            text = strip_links(block.text)
            flat = re.sub(r"\s+", "", text)
            if flat not in have and parse_credit(without_dates(text), table) is not None:
                have.add(flat)
                found.append(Block(text))
    return found[:_BYLINES_MAX]


def _class_names(element) -> set[str]:
    """The words of an element's class and id ('article-byline', 'post_author'), which the
    tables of page furniture and bylines (data/rules.toml) name."""
    return set(re.split(r"[\s_\-]+", f"{element.get('class', '')} {element.get('id', '')}".lower()))


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
    if not pictures:
        return _centred_under_picture(element)
    if len(element.text_content().strip()) > _CAPTION_MAX:
        return False
    inside = {id(node) for node in element.iter()}
    before = [t for t in pictures[0].xpath("preceding::text()") if id(t.getparent()) in inside]
    return not "".join(before).strip()


def _centred_under_picture(element) -> bool:
    """A short centred line right under a paragraph that is a picture alone (`<p><img></p>` then
    `<p style="text-align:center">店里的第一笼包子</p>`, as WeChat's editors lay a caption out):
    the picture's words (before: kept as the article's). A question or a bold line never is."""
    text = element.text_content().strip()
    before = element.getprevious()
    if not text or len(text) > _CAPTION_MAX or text.endswith(("？", "?", "：", ":")) or element.xpath(".//strong|.//b"):
        return False
    if before is None or before.text_content().strip() or not [
            img for img in before.iter("img") if not _inline_picture(img)]:
        return False
    styles = [node.get("style") or "" for node in (element, *element.iterdescendants())]
    return any(re.search(r"text-align\s*:\s*center", style, re.I) for style in styles) or (
        (element.get("align") or "").lower() == "center")


def _inline_picture(img) -> bool:
    """An emoji or icon drawn inside a line of text: a class saying so, or a size under 40 px."""
    if "emoji" in (img.get("class") or "").lower() or "emoji" in (img.get("src") or "").lower():
        return True
    for attribute in ("width", "height"):
        value = re.match(r"\s*(\d+)", img.get(attribute) or "")
        if value and int(value[1]) < 40:
            return True
    return False


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


# Elements a browser never shows with its scripts on (what a page says when they are off, a
# template its scripts fill): taken out of the page's text before trafilatura reads it. Before: a
# `<noscript>` inside the article made trafilatura return the whole article as one paragraph, the
# headline, its questions, labels and the noscript's own words run together.
_NEVER_SHOWN = re.compile(r"<(noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# A <ruby>'s reading (`<ruby>饕<rt>tāo</rt></ruby>`) and the brackets shown without ruby support: the
# page's gloss, never the text (the learner editions give every character its pinyin). Before:
# `饕tāo餮tiè` ran into the sentence, and the audio spelled the letters out.
_RUBY_READING = re.compile(r"<(rt|rp)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def _trafilatura_blocks(text: str) -> list[Block]:
    import trafilatura

    text = _RUBY_READING.sub("", _NEVER_SHOWN.sub("", text))
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
        terms = element.get("rend") == "dl"  # (a definition list's terms and definitions are paragraphs, no
        for number, item in enumerate(element.iterfind("item"), start=1):  # bullets: before, `- ` before each answer)
            for line in _lines(item):
                blocks.append(Block(line, item=None if terms else number if ordered else BULLET))
        return
    if tag in ("table", "row"):
        for child in element:
            _tei_block(child, blocks)
        return
    if tag == "cell" and any(child.tag in _TEI_BLOCKS for child in element):
        _layout_cell(element, blocks)
        return
    strong = _all_bold_tei(element)
    for line in _lines(element):
        blocks.append(Block(line, heading=tag == "head", strong=strong))


def _layout_cell(cell, blocks: list[Block]) -> None:
    """A table used for layout (an older site's page: the article's paragraphs inside one cell):
    each paragraph of the cell is a block, as outside a table (before: the whole cell was one
    block, its paragraphs joined by line ends, so no question or label of it was found)."""
    loose: list[str] = [cell.text or ""]

    def flush() -> None:
        line = _clean("".join(loose))
        if line:
            blocks.append(Block(line))
        loose.clear()

    for child in cell:
        if child.tag in _TEI_BLOCKS:
            flush()
            _tei_block(child, blocks)
        else:
            loose.append("".join(child.itertext()))
        loose.append(child.tail or "")
    flush()


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
    # `after`: a Q&A table (its left cells labels) just ended: the next paragraph is marked as a
    # heading, so that after the last answer it and what follows are notes (the writer's), never
    # the last speaker's words (before: a Word file's closing paragraph went into the last answer)
    state = {"text": [], "heading": False, "item": None, "plain": 0, "bold": 0, "after": False}

    def add(text: str | None, bold: bool) -> None:
        if text:
            state["text"].append(text)
            state["bold" if bold else "plain"] += len(text.strip())

    def flush() -> None:
        line = _clean("".join(state["text"]))
        if strip_links(line).strip():
            blocks.append(Block(line, heading=state["heading"] or state["after"], item=state["item"],
                                strong=state["bold"] > 0 and state["plain"] == 0))
            state["after"] = False
        state["text"], state["plain"], state["bold"] = [], 0, 0

    def visit(node, heading: bool, item: int | None, bold: bool, tail_bold: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS or _hidden(node):
            add(node.tail, tail_bold)
            return
        block = tag in _BLOCK_TAGS
        made = len(blocks)
        inner_bold = bold or tag in ("strong", "b") or _bold_style(node)
        if block:
            flush()
            state["heading"], state["item"] = heading or tag in _HEADINGS, item
        mark = links.open(node.get("href")) if tag == "a" and not block and node.text_content().strip() else None
        if mark:
            state["text"].append(mark)
        add(node.text, inner_bold)
        if tag == "ul":
            for child in node:
                li = isinstance(child.tag, str) and child.tag.lower() == "li"
                visit(child, heading, BULLET if li else item, inner_bold, inner_bold)
        elif tag == "ol":
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
        if node in cells and len(blocks) > made:  # (the cell's last paragraph, its label, gets the colon)
            blocks[-1] = Block(blocks[-1].text + "：", blocks[-1].heading, blocks[-1].item, blocks[-1].strong)
        if tag in ("table", "dl") and any(cell in cells for cell in node.iter()):
            state["after"] = True
            state["heading"], state["item"] = heading, item
        add(node.tail, tail_bold)

    cells = row_labels(root)
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


def _page_date(tree) -> tuple[dt.date | None, str | None]:
    candidates: list[tuple[str | None, str]] = [
        (meta(tree, "article:published_time", "datePublished", "og:published_time", "publishdate",
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
