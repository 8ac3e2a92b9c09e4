"""What other tools write where this format has its own (the tenth robustness sweep): tables, so a
new tool's habit is a row. An editor's source often started as a pandoc conversion of a Word
file, an Obsidian or Typora note, a Hugo post; each table names what the tool wrote and what
this format writes instead, where a message that only said "unknown" or "must be '---'" left the
editor guessing. (Obsidian's and Typora's inline markup is in `textslips._PRINTED_MARKUP`,
pandoc's fenced divs in `fences`.)
"""

from __future__ import annotations

import re

# (the tenth sweep) The headers other tools write where this format has its YAML front matter: a
# file from Hugo, pandoc or MultiMarkdown was told only "the first line must be '---'".
OTHER_HEADERS = (
    (re.compile(r"^\+\+\+\s*$"), "the file opens with '+++', a TOML front matter (Hugo's): this format's is YAML "
                                  "between two '---' lines, 'title: 灯下夜读' where TOML writes 'title = \"灯下夜读\"'"),
    (re.compile(r"^%[ \t](?!YAML)"), "the file opens with a pandoc title block ('% title', '% author', '% date'): write "
                                   "them as YAML fields, 'title:', 'authors:', 'date:', between two '---' lines"),
    # (the twelfth sweep) org-mode's and AsciiDoc's document headers, and a file whose line ends were lost (a
    # conversion that made them spaces): E101 quoted the whole file as "the first line", 2,000 characters
    (re.compile(r"^#\+[A-Za-z_]+:"), "the file opens with an org-mode header ('#+TITLE: …', Emacs's): write its "
                                     "lines as YAML fields, 'title:', 'authors:', 'date:', between two '---' lines"),
    (re.compile(r"^=[ \t]+\S"), "the file opens with an AsciiDoc document title ('= 灯下夜读'): write it as a YAML "
                                "field, 'title: 灯下夜读', between two '---' lines"),
    (re.compile(r"^---[ \t]+\S.*[ \t]---(?:[ \t]|$)"), "the front matter and the text stand on one line: the file's "
                                                     "line ends were lost (a conversion or a paste made them spaces); put "
                                                     "'---', each field and the closing '---' on lines of their own"),
    (re.compile(r"^[A-Za-z][A-Za-z _-]*:[ \t]*\S"), "the file opens with fields but no '---' above them "
                                                  "(MultiMarkdown's or a notes app's metadata, or the '---' deleted): put "
                                                  "a '---' line above the first field and one below the last"),
)


# (the tenth sweep) The classes pandoc writes when it brings a Word file over, and what each was in
# Word: "did you mean '.aside'?" sent the editor to make an underline an aside. Track changes
# ('--track-changes=all') are the worst: a deletion's words were printed as if still meant.
OTHER_TOOLS_CLASSES = {
    "underline": "Word's underline, as pandoc brings it over: the format has no underline; keep the words "
                 "without the '[' and ']{.underline}'",
    "ul": "an underline: the format has none; keep the words without the '[' and ']{.ul}'",
    "mark": "a highlight (Word's, as pandoc brings it over): the format has none; keep the words without the "
            "'[' and ']{.mark}', or write **…** for strong",
    "smallcaps": "small capitals (Word's, as pandoc brings them over): keep the words without the '[' and "
                 "']{.smallcaps}'",
    "insertion": "a tracked change Word had not accepted (words inserted): accept or reject the changes in Word "
                 "and convert the file again, or keep the words without the '[' and ']{…}'",
    "paragraph-insertion": "a tracked change Word had not accepted: accept or reject the changes in Word and "
                           "convert the file again",
    "deletion": "a tracked change Word had not accepted (words DELETED), and every edition would print them as "
                "meant: delete them with their '[' and ']{…}', or accept or reject the changes in Word and "
                "convert the file again",
    "comment-start": "a Word comment (pandoc's '--track-changes=all'), and every edition would print the comment "
                     "as text: delete it with its '[' and ']{…}'",
    "anchor": "a Word bookmark (a heading's or the table of contents' target), as pandoc brings it over: "
              "delete the '[]{…}'",
    "comment-end": "the end of a Word comment (pandoc's '--track-changes=all'): delete the '[]{…}'",
}


# (the eleventh sweep) The anchors other tools give a heading, as their exports keep them: "is not an id"
# left the editor to guess where '{#h.abc123}' came from and whether to keep it. Every edition makes a
# chapter's anchor itself, so the tool's own is deleted, not rewritten.
OTHER_TOOLS_ANCHORS = (
    (re.compile(r"^h\.[0-9a-z]+$"), "Google Docs' heading anchor, as its Markdown export keeps it"),
    (re.compile(r"^_(?:Toc|Ref|Hlk|GoBack)\d*$", re.I), "a Word bookmark (its table of contents' or a cross-reference's)"),
    (re.compile(r"^\d+(?:\.\d+)*$"), "a section number kept as an anchor (a wiki's or a Word outline's)"),
)


def other_tools_anchor(written: str) -> str | None:
    """E222's words for a chapter id another tool wrote ('h.abc123', '_Toc12345'), or None."""
    what = next((what for pattern, what in OTHER_TOOLS_ANCHORS if pattern.match(written)), None)
    return None if what is None else (f"{what}: every edition makes the chapter's anchor itself; delete the "
                                      f"'{{#{written}}}', or write an id of your own, a letter first: {{#night-shift}}")


# (the eleventh sweep) The boxes other Markdown tools open with ':::' (Yuque's and VuePress's callouts,
# Docusaurus's admonitions, markdown-it-container's, a Feishu export's), by name: "write a space between
# ':::' and 'tips'" led to "unknown block '::: tips'", and neither said the box is another tool's.
OTHER_TOOLS_BLOCKS = {
    **dict.fromkeys(("tips", "tip", "info", "warning", "danger", "success", "caution", "important", "hint",
                     "attention", "error", "callout", "color1", "color2", "color3", "color4", "color5"),
                    "a callout box of Yuque (语雀), VuePress or Docusaurus"),
    "details": "a folding box of Yuque (语雀) or VuePress",
    "collapse": "a folding box of a Markdown editor",
    "col": "a column of Yuque's layout",
}


def other_tools_box(name: str) -> str | None:
    """What the ':::' box another tool opened is ('a callout box of Yuque (语雀) …'), or None."""
    return OTHER_TOOLS_BLOCKS.get(name.lower())


def other_tools_block(name: str) -> str | None:
    """E206's words for a ':::' box another tool opened ('::: tips'), or None."""
    what = other_tools_box(name)
    return None if what is None else (f"'::: {name}' opens {what}, which this format does not have: write its "
                                      "text as a '::: note' (printed after the chapter) or as a quote, '> …', where "
                                      "it stands, or delete it and the ':::' that closes it")


# (the eleventh sweep) WeChat's stickers as their text form, the way an article or a chat copied out of
# WeChat carries them: '[捂脸]', '[微笑]'. Every edition printed the bracketed word, and two together,
# '[捂脸][捂脸]', were told they were a reference-style link.
WECHAT_STICKERS = frozenset("""微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑
    愉快 白眼 傲慢 困 惊恐 憨笑 悠闲 咒骂 疑问 嘘 晕 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 坏笑 右哼哼 左哼哼 鄙视 委屈
    快哭了 亲亲 可怜 笑脸 生病 脸红 破涕为笑 恐惧 失望 无语 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜 加油 汗 天啊 社会社会
    旺柴 好的 打脸 哇 翻白眼 让我看看 叹气 苦涩 裂开 嘴唇 爱心 心碎 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 合十 啤酒
    咖啡 蛋糕 玫瑰 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 發 福 烟花 爆竹 猪头 跳跳 发抖 转圈 Smile Grin
    Facepalm Smirk Joyful Chuckle Sob""".split())


# (the thirteenth sweep) The marks of more tools an editor's copy passes through, each printed as written
# without a word: a review's CriticMarkup (its deleted words printed as meant), a static-site generator's
# template tags, a forum's BBCode (Discuz!'s, a CMS's), a reference manager's citations, pandoc's inline
# notes, Obsidian's block ids, a wiki's bold, emoji shortcodes, R Markdown's inline code. Rows of
# `textslips._PRINTED_MARKUP` (pattern, where it is looked for, code, message), read before its own, so a
# mark inside another tool's ('{==…==}', '{~~…~~}') is named for the tool that wrote it.
CRITIC_MARKUP = re.compile(r"(?<!\\)\{(?:\+\+[^{}\n]*?\+\+|--[^{}\n]*?--|~~[^{}\n]*?~>[^{}\n]*?~~|>>[^{}\n]*?<<"
                           r"|==[^{}\n]*?==)\}")
TEMPLATE_TAG = re.compile(r"(?<!\\)\{\{[<%][^\n]*?[>%]\}\}|(?<!\\)\{%-?[ \t]*[a-z_]+\b[^\n]*?%\}"
                          r"|(?<!\\)\{\{[ \t]*[A-Za-z_][\w.]*(?:[ \t]*\|[^{}\n]*)?[ \t]*\}\}")
_BBCODE_TAGS = "b|i|u|s|url|img|quote|color|size|font|align|email|hide|attach|media|backcolor|list|code|table|center"
BBCODE = re.compile(rf"(?i)(?<!\\)\[(?P<tag>{_BBCODE_TAGS})(?:=[^\]\n]*)?\](?=[^\n]*\[/(?P=tag)\])"
                    rf"|(?<!\\)\[/(?:{_BBCODE_TAGS})\]")
CITATION = re.compile(r"(?<![\\A-Za-z0-9_])\[(?:[^\[\]\n@]*\s)?-?@[A-Za-z0-9_][\w:.#$%&+?<>~/-]*(?:[,;][^\[\]\n]*)?\](?![(\[])")
INLINE_NOTE = re.compile(r"(?<![\\A-Za-z0-9_])\^\[[^\[\]\n]+\]")
BLOCK_ID = re.compile(r"(?<=[^\s#][ \t])\^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*$")
WIKI_BOLD = re.compile(r"(?<![\\'])'''(?=[^\s'])[^'\n]*?(?<=[^\s'])'''(?!')")
EMOJI_SHORTCODE = re.compile(r"(?<![A-Za-z0-9_:/\\]):[a-z0-9_+-]*[a-z][a-z0-9_+-]+:(?![A-Za-z0-9_:/])")
R_INLINE = re.compile(r"(?<![`\\])`r[ \t]+[^`\n]+`(?!`)")
BEAR_TAG = re.compile(r"(?<![A-Za-z0-9_#&\\/])#(?=[^\s#\d])[^\s#/，。！？、；：,.!?;:()（）\[\]]+(?:/[^\s#/，。！？、；：,.!?;:()（）\[\]]+)+#?")

OTHER_TOOLS_MARKUP = (
    (CRITIC_MARKUP, "raw", "E233",
     "'{0}' is printed as written, braces and all: CriticMarkup's tracked change or comment (a review's in iA Writer, "
     "Scrivener or a Markdown editor: '{{--…--}}' words deleted, '{{++…++}}' inserted, '{{~~…~>…~~}}' replaced, "
     "'{{>>…<<}}' a comment), and every edition printed the deleted words as meant; accept or reject each change, "
     "keeping the words meant without the marks"),
    (TEMPLATE_TAG, "raw", "E233",
     "'{0}' is printed as written, braces and all: a template tag (Hugo's shortcode, Jekyll's or Liquid's tag), which "
     "only a static-site generator reads; delete it (for a picture or a video, say in words what it shows)"),
    (BBCODE, "raw", "E233",
     "'{0}' is printed as written, brackets and all: BBCode (a forum's or a CMS's markup, Discuz!'s), which the "
     "format does not read; write **…** for [b], [文字](https://…) for [url], '> …' for [quote], and delete the "
     "other tags"),
    (CITATION, "text", "E233",
     "'{0}' is printed as written, brackets and all: a citation of pandoc's (from Zotero or another reference "
     "manager), which the format does not read; name the source in the text, or list it in the references chapter "
     "('## 参考资料 {{.references}}'), and delete the '[@…]'"),
    (INLINE_NOTE, "text", "W418",
     "'{0}' is pandoc's inline footnote, which this format does not have: every edition prints it as written"),
    (BLOCK_ID, "raw", "E233",
     "'{0}' is printed as written: an Obsidian block id (a target other notes link to), which the format does not "
     "read; delete it"),
    (WIKI_BOLD, "text", "E233",
     "'{0}' is printed as written, quotes and all: a wiki's bold (MediaWiki's '''…'''), which the format does not "
     "read; write **…**"),
    (EMOJI_SHORTCODE, "text", "E233",
     "'{0}' is printed as written, colons and all: an emoji's shortcode (GitHub's, Slack's, Discord's), which no "
     "edition turns into the emoji; type the emoji itself, or say the feeling in words"),
    (R_INLINE, "raw", "E233",
     "'{0}' is printed as written: R Markdown's inline code, which only knitr runs, so every edition printed the "
     "code, not its value; write the value"),
    (BEAR_TAG, "text", "E233",
     "'{0}' is printed as written: a nested tag of Bear or Obsidian ('#tag/sub'), which the format does not read; "
     "delete it (a Weibo topic, '#话题#', is text)"),
)
# (the ones copy may hold by chance, which the importer's writer escapes, a backslash before the first mark:
# the others open with a mark it escapes anyway, '[', '{', '`')
BY_CHANCE = (WIKI_BOLD, EMOJI_SHORTCODE, BEAR_TAG, BLOCK_ID)
# (their colons, quotes and apostrophes are the markup's: no W401 or W404 for them, as for
# `textslips.PRINTED_AS_MARKUP`)
OTHER_TOOLS_BLANKED = (TEMPLATE_TAG, WIKI_BOLD, EMOJI_SHORTCODE, CITATION, BBCODE)


# (the thirteenth sweep) A code fence named for the tool whose chunk, cell or diagram it is (E212 said
# "fenced code" alone, and an editor of an R Markdown or Jupyter draft was left to guess what to keep)
CODE_FENCES = (
    (re.compile(r"^\{\s*[A-Za-z]+\b"), "an R Markdown or Quarto chunk, '```{0}', code that knitr or Quarto runs and no "
                                       "edition does: write its result as text, and delete the chunk"),
    (re.compile(r"^(?:python3?|ipython3?|r|julia|jupyter)\b", re.I),
     "a code cell, '```{0}' (a Jupyter notebook's, as its Markdown export writes it): the format has no code; write "
     "its result as text, and delete the cell"),
    (re.compile(r"^(?:mermaid|plantuml|dot|graphviz|flowchart|sequence)\b", re.I),
     "a diagram's source, '```{0}' (Mermaid's, PlantUML's), which no edition draws: describe it in words"),
    (re.compile(r"^(?:math|latex|tex|katex)\b", re.I),
     "a math block, '```{0}', which the format does not typeset: write the formula in words or as plain text"),
)


def code_fence(info: str) -> str | None:
    """E212's words for a code fence another tool wrote ('```{r}', '```python'), or None."""
    info = info.strip()
    return next((what.format(info[:20]) for pattern, what in CODE_FENCES if pattern.match(info)), None)
