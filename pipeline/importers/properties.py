"""A Notion or Feishu page exported to Markdown opens with the page's properties, under its title: a
two-column table (`| 作者 | 桂思远 |`, `| 日期 | 2024年3月8日 |`, `| 标签 | 访谈 |`) or `Key: value` lines
(Notion's `Created: March 8, 2024 10:00 AM`, `Tags: 访谈`). They are the app's fields, not copy, as a CMS's
front matter is: the date fills `date:`, the author and editor rows become the credit lines the credit
reader takes, and the others (tags, status, the table's `属性 | 值` head) are left out and said. Before, every
row stayed in the article as a paragraph (`标签｜访谈，港口`), and the date was TODO.
"""

from __future__ import annotations

import datetime as dt
import re

# The properties such an export gives, by the names Notion, Feishu, Yuque and Obsidian use (casefolded).
_DATES = ("日期", "发布日期", "发布时间", "发表时间", "创建时间", "创建日期", "date", "created", "created time",
          "published", "publish date", "date created")
_CREDITS = {"作者": "作者", "author": "作者", "authors": "作者", "created by": "作者", "创建人": "作者", "创建者": "作者",
            "撰稿": "作者", "记者": "作者", "编辑": "编辑", "责任编辑": "责任编辑", "editor": "编辑", "来源": "来源",
            "source": "来源"}
_OTHERS = ("属性", "值", "字段", "property", "properties", "value", "name", "标签", "tags", "tag", "状态", "status",
           "分类", "category", "类型", "type", "最后编辑时间", "更新时间", "修改时间", "last edited time", "last edited by",
           "更新人", "url", "链接", "链接地址", "所有者", "owner", "负责人", "assign", "assignee", "优先级", "priority",
           "进度", "阅读时间", "字数", "备注", "comments", "版本")
_ROW = re.compile(r"^\|\s*(?P<key>[^|]+?)\s*\|\s*(?P<value>[^|]*?)\s*\|$")
_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|){2}$")
_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,20}|[\u4e00-\u9fff]{2,6})\s*[：:]\s*(?P<value>.*)$")


def page_properties(text: str) -> tuple[str, dt.date | None, list[str]]:
    """The text with the properties under its title taken out (credit rows left as credit lines), the
    date they give, and what the summary says of them (nothing: the copy has none)."""
    lines = text.split("\n")
    at = 0
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at < len(lines) and re.match(r"^#\s", lines[at]):
        at += 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    rows: list[tuple[str, str]] = []
    end = at
    while end < len(lines) and lines[end].strip():
        line = lines[end].strip()
        found = _ROW.match(line) or (None if line.startswith("|") else _LINE.match(line))
        if not _RULE.match(line):
            if found is None:
                break
            rows.append((found["key"].strip(), found["value"].strip()))
        end += 1
    keys = [key.casefold() for key, _value in rows]
    if len(rows) < 2 or (end < len(lines) and lines[end].strip()) or not all(
            k in _DATES or k in _CREDITS or k in _OTHERS for k in keys) or not any(k in _DATES or k in _CREDITS for k in keys):
        return text, None, []
    from pipeline.datesmeant import day_in

    date, credits, left = None, [], []
    for key, value in rows:
        folded = key.casefold()
        if folded in _DATES and date is None:
            date = day_in(value)  # (`2024年3月8日`, Notion's `March 8, 2024 10:00 AM`: one reader of dates)
        if folded in _CREDITS and value:
            credits.append(f"{_CREDITS[folded]}：{value}")
        elif value and folded not in _DATES:
            left.append(f"{key}｜{value}")
    notes = [f"read the page's properties under its title (an app's export: {len(rows)} row(s)) as its "
             f"{'date and ' if date else ''}credit{'; left out ' + '、'.join(f'“{r}”' for r in left) if left else ''}"]
    spaced = [part for credit in credits for part in (credit, "")][: end - at]  # (each credit line its own paragraph)
    kept = lines[:at] + spaced + [""] * (end - at - len(spaced)) + lines[end:]  # (the copy's line numbers kept)
    return "\n".join(kept), date, notes
