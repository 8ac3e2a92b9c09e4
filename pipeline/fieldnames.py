"""What an editor calls a front-matter field or a speaker's id other than the format does (the
twelfth sweep): a field's name written in Chinese, as a newsroom's own template or a CMS export
names it ('标题:', '作者：'), and a speaker id typed with capitals ('SuWen') beside the 'suwen' of
another speaker. Tables, so a newsroom's word is a row; `pipeline.frontmatter` asks them only for
words its own messages could not place (an unknown field, an id not in lower case)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# A field's name as Chinese newsroom templates and CMS exports write it → the format's field
CHINESE_FIELDS = {
    **dict.fromkeys(("标题", "题目", "主标题", "文章标题", "篇名"), "title"),
    **dict.fromkeys(("副标题", "副题", "小标题"), "subtitle"),
    **dict.fromkeys(("作者", "记者", "撰稿", "撰文", "文", "采写", "作者们"), "authors"),
    **dict.fromkeys(("编辑", "责任编辑", "责编", "编者"), "editor"),
    **dict.fromkeys(("日期", "发布日期", "发表日期", "发布时间", "时间", "出版日期"), "date"),
    **dict.fromkeys(("摘要", "简介", "导语", "描述", "内容简介"), "description"),
    **dict.fromkeys(("来源", "媒体", "出处", "刊物", "报社"), "outlet"),
    **dict.fromkeys(("版权", "版权声明", "版权信息"), "rights"),
    **dict.fromkeys(("语言", "语种"), "language"),
    **dict.fromkeys(("受访者", "嘉宾", "发言人", "说话人", "人物"), "speakers"),
    **dict.fromkeys(("读音", "注音", "发音", "拼音"), "pronunciations"),
    **dict.fromkeys(("署名", "文末署名", "来源说明"), "credit"),
    **dict.fromkeys(("公众号", "账号", "微信公众号"), "account"),
    **dict.fromkeys(("别名", "网址名", "短名"), "slug"),
    **dict.fromkeys(("姓名", "名字"), "name"),
    **dict.fromkeys(("身份", "职务", "头衔", "角色"), "role"),
    **dict.fromkeys(("声音", "音色"), "voice"),
    **dict.fromkeys(("化名",), "pseudonym"),
    **dict.fromkeys(("性别",), "gender"),
    **dict.fromkeys(("年龄",), "age"),
}


def chinese_field(name: str, fields: Any) -> str | None:
    """The field (of `fields`, the table's own) a name written in Chinese stands for, or None."""
    meant = CHINESE_FIELDS.get(name.strip().rstrip("：:"))
    return meant if meant is not None and meant in fields else None


# (the thirteenth sweep) The fields a blog's or a static-site generator's front matter carries (Jekyll's, Hugo's,
# Hexo's, Hugo's 'draft', Jekyll's 'layout'), which a post brought over keeps: "did you mean 'account'?" for
# 'layout' and "'date'?" for 'draft' sent the editor to the wrong field. The field meant, or None: no field here.
OTHER_TOOLS_FIELDS: dict[str, str | None] = {
    **dict.fromkeys(("layout", "permalink", "slug_url", "draft", "published", "weight", "aliases", "menu", "type",
                     "toc", "comments", "sidebar", "lastmod", "expirydate", "categories", "category", "tags",
                     "keywords", "series", "cover", "image", "thumbnail", "featured_image", "banner", "excerpt_separator"),
                    None),
    **dict.fromkeys(("summary", "excerpt", "abstract"), "description"),
    **dict.fromkeys(("publishdate", "pubdate", "created"), "date"),
    "lang": "language", "author": "authors", "copyright": "rights", "source": "outlet",
}


def field_named_elsewhere(name: str, fields: Any) -> str | None:
    """E105's further words for a field's name another template writes, or None: a name in Chinese
    ('标题': 'title'), another tool's name for a field ('summary': 'description'), or a field of a
    blog's front matter this format has not ('layout', 'tags', 'draft': delete it)."""
    if (meant := chinese_field(name, fields)) is not None:
        return f": did you mean '{meant}'? (field names are English words: '{name}' is '{meant}')"
    if name.lower() not in OTHER_TOOLS_FIELDS or "title" not in fields:  # (a blog's fields are the top level's)
        return None
    meant = OTHER_TOOLS_FIELDS[name.lower()]
    if meant is not None and meant in fields:
        return f": did you mean '{meant}'? ('{name}' is a blog's or another tool's name for it)"
    cover = " (the cover is made from the title and the metadata)" if name.lower() in ("cover", "image", "thumbnail",
                                                                                       "featured_image", "banner") else ""
    return (f": '{name}' is a field of a blog's or a static-site generator's front matter (Jekyll's, Hugo's, Hexo's), "
            f"which this format does not have{cover}; delete it") if meant is None else None


def named_in_chinese(line: str) -> str:
    """E102's further words for a field's name written in Chinese, '标题：灯下夜读': the field meant."""
    name = line.strip(" -").split("：", 1)[0].strip()
    meant = CHINESE_FIELDS.get(name)
    return "" if meant is None else f", and field names are English words: '{name}' is '{meant}' ('{meant}: …')"


_LOWER_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def id_case_clash(written: str, index: int, speakers: Any, line_of: Callable[[int], int]) -> str:
    """E104's further words for a speaker id typed with capitals ('SuWen'): ids are lower case
    only, so its lower-case form is the id meant, and when another speaker already has it ('suwen',
    苏雯's), that one is named with its line (the two would be one id); '' when neither helps."""
    lower = written.lower()
    if not _LOWER_ID.match(lower):
        return ""
    for other, item in enumerate(speakers if isinstance(speakers, list) else []):
        if other != index and isinstance(item, dict) and item.get("id") == lower:
            name = item.get("name")
            return (f": an id is lower case only, so '{written}' would be '{lower}', which is already the id of "
                    f"{f'{name} ' if isinstance(name, str) else ''}(line {line_of(other)}); give this speaker "
                    f"another id, such as '{lower}-2' (or, the same person declared twice, delete one)")
    return f": an id is lower case only: write '{lower}' (and '::: answer {lower}' in its answers)"
