"""A page's title: its og:title or `<h1>`, else its `<title>` (the site's name after it taken off), and
the paragraph that repeats it. Apart from `webpage.py`, which had grown to the size limit.
"""

from __future__ import annotations

import re

from pipeline.importers.extracted import Block, _clean, strip_links
from pipeline.importers.rules import rules

_SITE_NAME = re.compile(r"(?:\s[-–—|｜]\s|_|｜|\s\|\s)(?=[^-–—|｜_]+$)")  # `headline_site`, `headline - site`
_SITE_NAME_MAX = 16
_CHANNEL_ENDS = ("中心", "频道", "首页", "网站", "栏目", "客户端", ".com", ".cn", ".net")


def same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def page_title(tree) -> tuple[str | None, str | None]:
    if title := meta(tree, "og:title", "twitter:title"):
        return _clean(title), "the page's og:title"
    for h1 in tree.xpath("//h1"):
        text = _clean(h1.text_content())
        if text:
            return text, "the page's <h1>"
    return None, None


def headline_in_title(tree, blocks: list[Block]) -> tuple[str | None, list[Block], str | None]:
    """An older page (a table for layout, the headline in `<b>`) names its headline only in
    `<title>`, the site's name after it (`老钟表匠：修好的不只是表_城市晚报`): when one of the first
    paragraphs is that headline, it is the title, not a paragraph (before: `老钟表匠：…` was read as
    a speaker's label and the article as its answer). A `<title>` no paragraph repeats is the title
    all the same, the site's name taken off (before: it stayed TODO); one naming no article (`文章 |
    示例新闻网`, rules.toml `untitled`) or only a site (`城市晚报`, an outlet's ending) says nothing."""
    table = rules()
    for title in tree.xpath("//head/title"):
        whole = _clean(title.text_content())
        parts = _SITE_NAME.split(whole)
        site = len(parts) >= 2 and bool(parts[0].strip()) and len(parts[-1]) <= _SITE_NAME_MAX
        headline = "".join(parts[:-1]).strip() if site else whole.strip()
        if site:
            for k, block in enumerate(blocks[:5]):
                if same(strip_links(block.text), headline):
                    return headline, blocks[:k] + blocks[k + 1 :], "the page's <title>, the site's name after it taken off"
        # (no paragraph repeats it: the parts after it taken off only where they read as a site's or a
        # channel's name, `江南晚报`, `新闻中心`; `专访｜守灯塔的人` is a headline whole)
        headline, parts = whole.strip(), _SITE_NAME.split(whole)
        while len(parts) >= 2 and parts[-1].strip().endswith((*table.outlet_ends, *_CHANNEL_ENDS)):
            headline, parts = "".join(parts[:-1]).strip(), _SITE_NAME.split("".join(parts[:-1]))
        if (len(headline) >= 2 and headline.casefold() not in table.untitled and not headline.endswith(table.outlet_ends)
                and len(headline) <= table.headline_max * 2):
            return headline, blocks, ("the page's <title>, the site's name after it taken off" if headline != whole.strip()
                                      else "the page's <title> (no headline on the page repeats it)")
    return None, blocks, None
