"""What a page's or Word file's own structure says that its text alone does not: paragraphs
trafilatura ran together (read again from the page), and a Q&A set as a two-column table or a
definition list (its left cells or terms are the labels). Used by `webpage.py`, and by `formats.py` for a
Markdown copy's table."""

from __future__ import annotations

import re

from pipeline.importers.extracted import Block

_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre"}


def uncollapsed(blocks: list[Block], tree, notes: list[str]) -> list[Block]:
    """A block of trafilatura's that runs three or more of the page's paragraphs together (it
    does so when an article is short and holds an element it drops, such as a `byline` inside an
    `<article>`) read again from the page: the element holding those paragraphs, walked as a
    WeChat body is. Before: the headline, byline, questions, labels and answers of such a page
    came in as one paragraph of the article."""
    from pipeline.importers.webpage import walk_html  # (which imports this module)

    paragraphs = [(el, re.sub(r"\s+", "", el.text_content())) for el in tree.iter()
                  if isinstance(el.tag, str) and el.tag.lower() in _PARAGRAPH_TAGS]
    leaves = [(el, own) for el, own in paragraphs if len(own) >= 2 and not any(
        isinstance(d.tag, str) and d.tag.lower() in _PARAGRAPH_TAGS for d in el.iterdescendants())]
    out: list[Block] = []
    for block in blocks:
        text = re.sub(r"\s+", "", block.text)
        parts = [el for el, own in leaves if own in text]
        if len(parts) < 3 or any(own == text for _el, own in paragraphs) or sum(
                len(re.sub(r"\s+", "", el.text_content())) for el in parts) < 0.8 * len(text):
            out.append(block)
            continue
        holder = parts[0].getparent()
        while holder is not None and not all(holder in el.iterancestors() for el in parts):
            holder = holder.getparent()
        again = [b for b in walk_html(holder, []) if re.sub(r"\s+", "", b.text) in text] if holder is not None else []
        if len(again) < 3:
            out.append(block)
            continue
        out += again
        notes.append(f"trafilatura ran {len(again)} of the page's paragraphs into one: read again from the page")
    return out


_ROW_LABEL_MAX = 20
_FIGURE = re.compile(r"^[0-9０-９〇零一二三四五六七八九十百千万两]+(?:[.．,，][0-9]+)?\s*[年月日号时点分秒元角块斤克吨米岁%％个次]|^[0-9０-９]")
_TRAILING_NUMBER = re.compile(r"\s*[0-9０-９]+$")
_NOT_IN_ROW_LABEL = re.compile(r"[。！？!?，,；;：:]")


def row_labels(root) -> set:
    """The first cells of a two-column table whose left cells name who speaks (`问` | `…`,
    `船工滕长贵` | `…`, a Word interview set as a table), and the terms of a definition list
    (`<dt>问</dt><dd>…</dd>`): each is read as a label, its colon added (a short cell without
    sentence marks, in a table or list of two such or more). Before: `问` stood
    as a paragraph of the answer before it."""
    found = set()
    for table in root.iter("table"):
        rows = [[c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for tr in table.iter("tr")]
        rows = [row for row in rows if not _header(row)]  # (`说话人` | `内容` over the turns labels nobody)
        firsts = [row[0] for row in rows if len(row) == 2 and row[1].text_content().strip() and 0 < len(
            text := row[0].text_content().strip()) <= _ROW_LABEL_MAX and not _NOT_IN_ROW_LABEL.search(text)]
        if _who_speaks([c.text_content().strip() for c in firsts]):
            found.update(firsts)
    for terms in root.iter("dl"):  # (`<dt>问</dt><dd>…</dd>`: the same, as a definition list)
        firsts = [dt for dt in terms if isinstance(dt.tag, str) and dt.tag.lower() == "dt" and 0 < len(
            text := dt.text_content().strip()) <= _ROW_LABEL_MAX and not _NOT_IN_ROW_LABEL.search(text)]
        if _who_speaks([dt.text_content().strip() for dt in firsts]):
            found.update(firsts)
    return found


def _header(row: list) -> bool:
    """A table's header row: its cells all `<th>`."""
    return bool(row) and all(c.tag.lower() == "th" for c in row)


def header_cells(root) -> set[str]:
    """The header cells (`<th>说话人</th><th>内容</th>`) of the page's Q&A tables (`row_labels`), white space aside."""
    cells = row_labels(root)
    return {re.sub(r"\s+", "", c.text_content()) for table in root.iter("table") if any(c in cells for c in table.iter())
            for tr in table.iter("tr") if _header(row := [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")])
            for c in row}


def cell_labels(blocks: list[Block], tree, notes: list[str] | None = None) -> list[Block]:
    """trafilatura's blocks with the left cells of the page's Q&A table (`row_labels`: `问` | `…`, `訾春梅` |
    `…`) read as labels, their colon added, as a WeChat body's are. Before: trafilatura gave each cell as a
    paragraph, so `问` stood in the article and in each answer, and the speaker's name was read from a
    line of its own with the answers after it but not the questions."""
    labels = {re.sub(r"\s+", "", cell.text_content()) for cell in row_labels(tree)}
    if not labels:
        return blocks
    # (and the table's header row, `说话人` | `内容`, is its furniture: before, `说话人：` and `内容` stood in the article)
    headers = header_cells(tree) - labels
    dropped = [b.text for b in blocks if re.sub(r"\s+", "", b.text) in headers]
    if dropped and notes is not None:
        notes.append("left out the header row of the Q&A's table: " + "、".join(f"“{t}”" for t in dropped))
    return [Block(b.text + "：", b.heading, b.item, b.strong, b.line)
            if re.sub(r"\s+", "", b.text) in labels and i + 1 < len(blocks) else b for i, b in enumerate(blocks)
            if re.sub(r"\s+", "", b.text) not in headers]


def table_speaks(cells: list[str]) -> bool:
    """Left cells of a table (a Markdown copy's) that name who speaks: short, no sentence marks, `_who_speaks`."""
    return all(0 < len(c) <= _ROW_LABEL_MAX and not _NOT_IN_ROW_LABEL.search(c) for c in cells) and _who_speaks(cells)


def _who_speaks(cells: list[str]) -> bool:
    """Left cells that name who speaks: two or more, one of them coming back (`问` each turn, the
    speaker each answer; `Q1`, `Q2` as `Q`), none opening with a figure. A data table's left column
    (`2023年` | `三十元。`, `价格` | `四十元。`) names each row once, or counts: no labels (before: every
    row was printed `2023年：三十元。`)."""
    if len(cells) < 2 or any(_FIGURE.match(c) for c in cells):
        return False
    keys = [_TRAILING_NUMBER.sub("", c) for c in cells]
    return len(set(keys)) < len(keys)


def markdown_qa_rows(lines: list[str]) -> list[str]:
    """A Markdown table of two columns whose left cells name who speaks (`| 问 | 七个学生在一个班吗？ |`, `| 訾春梅 |
    对，… |`: `pagestructure`'s test, as a page's `<table>` is read) written as labels, `问：…`; a header row whose
    left cell comes back nowhere (`| 说话人 | 内容 |`) left out, and its rule. The lines keep their numbers. Before:
    each row was one paragraph, `问｜…`, and the Q&A stayed in the article."""
    from pipeline.importers.formats import _TABLE_ROW, _TABLE_RULE  # (which imports this module)

    out, at = list(lines), 0
    while at < len(lines):
        end = at
        while end < len(lines) and (_TABLE_ROW.match(lines[end].strip()) or _TABLE_RULE.match(lines[end].strip())):
            end += 1
        rows = {n: [c.strip() for c in lines[n].strip().strip("|").split("|")] for n in range(at, end)
                if _TABLE_ROW.match(lines[n].strip()) and not _TABLE_RULE.match(lines[n].strip())}
        if rows and all(len(cells) == 2 for cells in rows.values()):
            header = min(rows) if any(_TABLE_RULE.match(lines[n].strip()) for n in range(at, end)) else None
            lefts = [cells[0] for cells in rows.values()]
            if header is not None and lefts.count(rows[header][0]) == 1:
                lefts = lefts[1:]  # (`| 说话人 | 内容 |`: the table's header, no turn)
            else:
                header = None
            if table_speaks(lefts):
                for n, (left, right) in rows.items():
                    out[n] = "" if n == header else f"{left}：{right}"
        at = max(end, at + 1)
    return out
