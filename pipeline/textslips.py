"""What the sixth robustness sweep found editors type that every edition printed as written, or
dropped without a word: Markdown of other dialects (GitHub's '~~struck~~', Typora's and Obsidian's
'==marked=='), a link whose address holds a space (Markdown then reads no link at all), an empty
list item (a reference or a numbered point with nothing in it: every edition numbered on past
it), a backslash that ends a paragraph (verse's line-end mark with no line after it), more
than the one 'role=…' an answer's fence line takes; and the words of two more the reader reports
itself: a '###' heading inside an answer (E211) and a speaker id typed in full-width letters
(E201's did-you-mean).

Kept apart from `pipeline.texthygiene` (the earlier sweeps' checks), in the same shape: each check
takes the lines of one paragraph or heading (`TextLines`) or the tokens of one block, and gives
`Problem`s at the line and the column as the editor wrote them. The patterns are one table, so a
new slip is a row, not a branch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from markdown_it.token import Token

from pipeline.othertools import BY_CHANCE, OTHER_TOOLS_BLANKED, OTHER_TOOLS_MARKUP, WECHAT_STICKERS
from pipeline.texthygiene import Problem, TextLines

# A reference-style link's definition, '[1]: https://…' on its own line, with a title ('"公告"', '(公告)')
# or not: the format reads inline links only, so every edition printed it (E223). Its title's quotes
# are the definition's, not the text's: `check` leaves the line to the E223 (no W401 for them).
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:<[^<>\s]*>|<?(?:https?://|mailto:)\S*"
                                  r"|[!-~]*[/.@:][!-~]*)(?=[ \t]*$|[ \t]+[\"'(])")

# (the eleventh sweep) Marks whose half-width ':' and "'" are the markup's, not the text's: the reader names
# them (E233) and `check` blanks them for its punctuation rules (Ulysses' '::重点::' was four W401s).
ULYSSES_MARK = re.compile(r"(?<![:\\A-Za-z0-9])::(?=[^\s:])[^:\n]*?(?<=[^\s:\\])::(?![:A-Za-z0-9])")
LATEX_QUOTES = re.compile(r"(?<![`\\])``(?=[^\s`])[^`'\n]*?''(?!')")
KRAMDOWN_ATTRIBUTES = re.compile(r"(?<!\\)\{:[ \t]*(?:[.#][\w-]+|[\w-]+=)[^{}\n]*\}")
# A Word field code, copied while Word showed codes (Alt+F9): '{ HYPERLINK "https://…" }', '{ PAGE }'
WORD_FIELD = re.compile(r"(?<!\\)\{[ \t]*(?:HYPERLINK|PAGEREF|PAGE|TOC|REF|NOTEREF|SEQ|MERGEFIELD|DATE|TIME|"
                        r"INCLUDEPICTURE|FORMTEXT|FORMCHECKBOX|XE|TC|STYLEREF|EQ)\b[^{}\n]*\}")
STICKERS = re.compile(r"(?<!\\)\[(?:" + "|".join(sorted(WECHAT_STICKERS, key=len, reverse=True)) + r")\](?!\()")
# LaTeX's dashes, '---' (an em dash) or '--', beside a Han character or a full-width mark (a Latin
# '--out' or 'A--B' is left alone, and so is '\\--', escaped): a run of exactly two or three hyphens
LATEX_DASH = re.compile(r"(?:(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])-{2,3}(?![-A-Za-z])"
                        r"|(?<![-\\])-{2,3}(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]))")
# (the twelfth sweep) other tools' marks copy may hold by chance, which the importer's writer escapes
CONFLUENCE_HEADING = re.compile(r"^h[1-6]\.[ \t]+\S.*")
RST_DIRECTIVE = re.compile(r"^\.\.[ \t]+(?:[A-Za-z][\w-]*::|_[^:\n]+:).*")
NOTION_PROPERTY = re.compile(r"^(?:Created|Created by|Created time|Last edited time|Last edited by|Tags|Status|"
                             r"Date Created|Property):[ \t]+\S.*")
# (the thirteenth sweep) a reStructuredText field list, ':作者: 张三' (a docinfo block above an rst draft's text):
# printed, colons and all, and its two colons beside Chinese were two W401s a line
RST_FIELD = re.compile(r"^:(?=[A-Za-z\u3400-\u9fff])[^:\n`]{1,30}(?<!\s):(?=[ \t]|$)")
INLINE_MATH = re.compile(r"(?<![\\$A-Za-z0-9])\$(?=[^\s$])[^$\n]*?[\\^_{}][^$\n]*?(?<=[^\s$\\])\$(?![A-Za-z0-9$])")


def escape_by_chance(text: str, line_start: bool = True) -> str:
    """Markdown text (already escaped otherwise) with a backslash before the first mark of each of
    another tool's marks it holds by chance ('h1. ', '.. x::', 'Tags: ', '$a^2$'), so that the reader
    reads it back as text, not as E233 (the writer's promise: copy reads back as written)."""
    for pattern in (CONFLUENCE_HEADING, RST_DIRECTIVE, RST_FIELD, NOTION_PROPERTY, INLINE_MATH, *BY_CHANCE):
        if pattern.pattern.startswith("^") and not line_start:
            continue
        for _ in range(len(text)):
            if (found := pattern.search(text)) is None:
                break
            at = found.start() + next(k for k, char in enumerate(found[0]) if char in "$.:'#^")
            text = text[:at] + "\\" + text[at:]
    return text


PRINTED_AS_MARKUP = (ULYSSES_MARK, LATEX_QUOTES, KRAMDOWN_ATTRIBUTES, WORD_FIELD, RST_FIELD, *OTHER_TOOLS_BLANKED)

# (pattern on the line as written, where it is looked for, code, what is wrong). 'text': in the
# text markdown-it left as text (so a code span or an escaped mark is never taken for one);
# 'raw': in the raw line (what Markdown did not read as a link is text, so the line is the place).
_PRINTED_MARKUP = (
    *OTHER_TOOLS_MARKUP,  # (the thirteenth sweep's, first: '{==…==}' is CriticMarkup's, not a highlight)
    (re.compile(r"(?<![~\\A-Za-z0-9])~~(?=[^\s~])[^~\n]*?(?<=[^\s~\\])~~(?![~A-Za-z0-9])"), "text", "E233",
     "'{0}' is printed as written, tildes and all: the format has no strikethrough (its Markdown is CommonMark); "
     "delete the words that were struck out, or the '~~' (a wave of tildes meant as text: write '\\~~')"),
    (re.compile(r"(?<![=\\A-Za-z0-9])==(?=[^\s=])[^=\n]*?(?<=[^\s=\\])==(?![=A-Za-z0-9])"), "text", "E233",
     "'{0}' is printed as written, equals signs and all: the format has no highlighting (its Markdown is "
     "CommonMark); write **…** for strong, or delete the '==' (meant as text: write '\\==')"),
    (re.compile(r"(?<!\\)\[[^\]\n]*\]\((?:https?://|mailto:)[^\s)]*\s+[^\s)\"'(][^)\n]*\)"), "raw", "E223",
     "the link '{0}' holds a space in its address, so Markdown read no link: every edition printed the brackets "
     "and the address; delete the space (or write it %20)"),
    (re.compile(r"(?<![\\(])<(?:https?://|mailto:)[^>\s]*\s[^>\n]*>"), "raw", "E223",
     "the address '{0}' holds a space, so Markdown read no link: every edition printed it, '<' and '>' and all; "
     "delete the space (or write it %20)"),
    # (the seventh sweep) a link inside a link's text, '[[甲](https://a)](https://b)': CommonMark reads the
    # inner one and leaves the outer's '](https://b)' as text (in the raw line: right after the inner's ')')
    (re.compile(r"(?:(?<=\))|^)\]\((?:https?://|mailto:)[^\s)]*\)", re.M), "text", "E223",
     "'{0}' is printed as written: a link inside another link's text, which Markdown does not read, so every edition "
     "printed the outer link's bracket and address; keep one of the two links"),
    # a reference-style link's definition, '[1]: https://…' on its own line: the format reads inline links only.
    # In the raw line (the eighth sweep): the text gate missed '[1]: <https://…>', whose address Markdown read
    # as an autolink, so the definition was printed without a word; any address, with a title or not
    (REFERENCE_DEFINITION, "raw", "E223",
     "'{0}' is printed as written: a reference-style link's definition, which this format does not read (nor the "
     "'[文字][1]' that uses it); write the link where it stands: [文字](https://…)"),
    # (the tenth sweep) what notes apps and converters write that CommonMark reads as text, so every
    # edition printed it, brackets, bars and all: Obsidian's links, embeds, callouts and comments,
    # Typora's table of contents, pandoc's line blocks (its verse, from a .docx) and grid tables
    (re.compile(r"(?<![\\])!\[\[[^\[\]\n]+\]\]"), "text", "E233",
     "'{0}' is printed as written: an Obsidian embed (a picture or a note pulled in), which the format does not "
     "read; delete it, or say in words what it shows"),
    (re.compile(r"(?<![\\!\[])\[\[[^\[\]\n]+\]\](?![(\[])"), "text", "E233",
     "'{0}' is printed as written, brackets and all: an Obsidian or wiki link between notes, which the format "
     "does not read; keep the words without the '[[' ']]' (the text after a '|' if there is one), or link a web "
     "address: [文字](https://…)"),
    (re.compile(r"^(?:[ \t]*>[ \t]?)+\[![A-Za-z][A-Za-z-]*\][+-]?", re.M), "raw", "E233",
     "'{0}' is printed as written: an Obsidian or GitHub callout's type, which the format does not read; delete "
     "the '[!…]' (the lines below it are an ordinary quote)"),
    (re.compile(r"(?<![%\\])%%(?!%)(?:[^%\n]|%(?!%))*%%|^[ \t]*%%[ \t]*$", re.M), "text", "E233",
     "'{0}' is printed as written: an Obsidian comment, which the format does not hide; delete it (a note to "
     "yourself goes in the copy, not the source)"),
    (re.compile(r"^[ \t]*\[(?:toc|TOC|Toc)\][ \t]*$"), "text", "E233",
     "'{0}' is printed as written: a Typora or Markdown editor's table of contents, which the format does not "
     "read (every edition makes its own); delete the line"),
    (re.compile(r"^[ \t]*\$\$.*$"), "raw", "E233",
     "'{0}' is printed as written, dollar signs and all: a math block (Typora's, Obsidian's, pandoc's), which "
     "the format does not typeset; write the formula in words or as plain text"),
    # (named once a list, at its first checkbox, since the eleventh sweep: it was one error an item)
    (re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\](?=[ \t])"), "item", "E233",
     "'{0}' is printed as written, brackets and all: a task list's checkboxes (GitHub's, Obsidian's, Notion's), "
     "which the format does not read, in every item of this list; delete each item's '[ ]' or '[x]' (the items "
     "stay a list)"),
    (re.compile(r"^:[ \t]+\S.*"), "raw", "E233",
     "'{0}' is printed as written, colon and all: a definition list's definition (pandoc's, Markdown Extra's), "
     "which the format does not read; join it to the term as a sentence, or write a list"),
    (re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$"), "raw", "E212",
     "'{0}' is printed as written: a grid table's border (pandoc's, from a Word table), and the format has no "
     "tables; write its rows as sentences or as a list"),
    # (the eleventh sweep) what writing apps, LaTeX drafts and static-site exports leave: Ulysses'
    # highlight, Scrivener's or LaTeX's commands, quotes and comments, kramdown's attribute lists
    # (Yuque's and Jekyll's '{: .tip}'), each printed as written, and Ulysses' colons gave four W401s
    (ULYSSES_MARK, "text", "E233",
     "'{0}' is printed as written, colons and all: a highlight of Ulysses ('::…::'), which the format does not "
     "have; delete the '::' (or write **…** for strong)"),
    (re.compile(r"(?<![\\A-Za-z0-9])\\(?:[A-Za-z]+\*?\{[^{}\n]*\}|(?:noindent|newpage|clearpage|par|ldots|dots|"
                r"quad|qquad|newline|LaTeX|TeX)(?![A-Za-z]))"), "text", "E233",
     "'{0}' is printed as written, backslash, braces and all: a LaTeX command (a LaTeX or Scrivener draft's), which "
     "the format does not read; keep the words without it (**…** for \\textbf, a '::: note' for a \\footnote, "
     "'###' for a \\section)"),
    (LATEX_QUOTES, "text", "E233",
     "'{0}' is printed as written: LaTeX's quotation marks (``…''), which the format does not read; write “…”"),
    (re.compile(r"^[ \t]*%(?:[ \t]+[^\s%]|[A-Za-z]).*"), "raw", "E233",  # (%的人 on a wrapped line is text)
     "'{0}' is printed as written, '%' and all: a LaTeX comment (a note in a LaTeX or Scrivener draft), which the "
     "format does not hide; delete the line (a note meant for readers goes in a '::: note')"),
    (WORD_FIELD, "text", "E233",
     "'{0}' is printed as written, braces and all: a Word field code, copied while Word showed the codes "
     "(Alt+F9) rather than what they make; press Alt+F9 in Word and copy again, or write the words the field shows"),
    (STICKERS, "text", "E233",
     "'{0}' is printed as written, brackets and all: a WeChat sticker as its text form (copied out of WeChat), "
     "which no edition draws; delete it, or say the feeling in words"),
    (KRAMDOWN_ATTRIBUTES, "text", "E233",
     "'{0}' is printed as written, braces and all: a kramdown attribute list (a Yuque, Jekyll or GitBook "
     "export's), which the format does not read; delete it (this format's attributes: [文字]{{lang=en}}, "
     "[（笑）]{{.aside}})"),
    # (the twelfth sweep) other wikis' and markup languages' own marks, each printed as written without a
    # word: Confluence's wiki markup, AsciiDoc's headings and block attributes, reStructuredText's
    # directives, org-mode's keywords, a Notion page's properties, Typora's inline math
    (CONFLUENCE_HEADING, "raw", "E233",
     "'{0}' is printed as written: a Confluence heading ('h1. …'), which the format does not read; write '###' for "
     "a subheading of the article, '##' for a question"),
    (re.compile(r"(?<![\\A-Za-z0-9-])\{(?:quote|code|noformat|panel|info|note|tip|warning|expand|toc|color|excerpt|"
                r"status|anchor)(?::[^{};\n]*)?\}"), "raw", "E233",  # (not CSS's 'p{color:red}')
     "'{0}' is printed as written, braces and all: a Confluence macro, which the format does not read; write a "
     "quote as '> …' lines, and delete the macro's other marks"),
    (re.compile(r"^\|\|[^|\n]+\|\|.*$"), "raw", "E233",
     "'{0}' is printed as written, bars and all: a Confluence table's heading row ('||…||'), and the format has no "
     "tables; write its rows as sentences or as a list"),
    (re.compile(r"^\|[^|\s][^|\n]*(?:\|[^|\n]*)*\|[ \t]*$"), "raw", "E233",
     "'{0}' is printed as written, bars and all: a table's row (Confluence's, or a Markdown table without its "
     "'|---|' line), and the format has no tables; write its rows as sentences or as a list"),
    (re.compile(r"(?<!\\)\[[^\]|\n]+\|(?:https?://|mailto:)[^\]\s]+\]"), "raw", "E233",
     "'{0}' is printed as written, brackets and all: a Confluence link ('[文字|address]'), which Markdown does "
     "not read; write [文字](https://…)"),
    (re.compile(r"^={1,6}[ \t]+\S.*"), "raw", "E233",
     "'{0}' is printed as written, equals signs and all: an AsciiDoc heading ('== …'), which the format does not "
     "read; write '###' for a subheading of the article, '##' for a question"),
    (re.compile(r"^\[(?:quote|verse|source|listing|literal|example|sidebar|abstract|NOTE|TIP|WARNING|IMPORTANT|"
                r"CAUTION)(?:[,#.][^\]\n]*)?\][ \t]*$"), "raw", "E233",
     "'{0}' is printed as written, brackets and all: an AsciiDoc block's attribute line, which the format does "
     "not read; delete it (a quote is written '> …', a note to readers goes in a '::: note')"),
    (RST_DIRECTIVE, "raw", "E233",
     "'{0}' is printed as written, dots and all: a reStructuredText directive, which the format does not read; "
     "delete the line (a note to readers goes in a '::: note', a quote is written '> …')"),
    (RST_FIELD, "raw", "E233",
     "'{0}' is printed as written, colons and all: a reStructuredText field ('{0} …', a docinfo line of an rst "
     "draft), which the format does not read; write it as a front-matter field ('authors:', 'date:' …), or delete the "
     "line"),
    (re.compile(r"^#\+[A-Za-z_]+:?.*"), "raw", "E233",
     "'{0}' is printed as written: an org-mode keyword line (Emacs's), which the format does not read; delete it "
     "(a quote is written '> …', a title goes in the front matter's 'title:')"),
    (NOTION_PROPERTY, "raw", "E233",
     "'{0}' is printed as written: a Notion page's property, as its Markdown export writes them above the text; "
     "delete the line (a date goes in the front matter's 'date:')"),
    (INLINE_MATH, "raw", "E233",
     "'{0}' is printed as written, dollar signs and all: inline math (Typora's, Obsidian's, pandoc's), which the "
     "format does not typeset; write the formula in words or as plain text"),
    # (the twelfth sweep) LaTeX's dashes beside Chinese text: printed as hyphens, where the editor meant the
    # Chinese dash; a warning, since '--' may be meant (a command-line option in a technical article)
    (LATEX_DASH, "raw", "W432",
     "'{0}' is printed as written, hyphens and all: LaTeX's (or a typewriter's) dash, '---' or '--', which the "
     "format does not turn into a dash"),
    (re.compile(r"^\|[ \t]+\S.*"), "raw", "E233",
     "'{0}' is printed as written, bar and all: a line opened by '|' (pandoc's line block, how it brings a "
     "Word file's verse or address over, or a table without its '|---|' row); delete the '| ', and end each "
     "line of verse with a backslash '\\'"),
)


# (the tenth sweep) A reference-style link's use, '[文字][1]', whose definition a paste left behind (or
# never had: pandoc's and Google Docs' exports put them at the end of the document): printed brackets
# and all. Where the source holds a definition, its E223 names the use too (one fault, one message).
_REFERENCE_USE = re.compile(r"(?<![\\\]!])\[[^\[\]\n]+\]\[[^\[\]\n]+\](?![(\[:])")


def _blank(found: re.Match[str]) -> str:
    return " " * len(found[0])


def reference_use(lines: TextLines, texts: Iterable[str]) -> Problem | None:
    """E223 for the first '[文字][1]' markdown-it left as text in a paragraph or a heading."""
    texts = [STICKERS.sub(_blank, text) for text in texts]  # (two stickers, '[捂脸][捂脸]', are the row's above)
    if not any(_REFERENCE_USE.search(text) for text in texts):
        return None
    for k, raw in enumerate(lines.raw):
        if (found := _REFERENCE_USE.search(STICKERS.sub(_blank, raw))) is not None:
            return Problem("E223", lines.first + k, found.start() + 1,
                           f"'{found[0][:40]}' is printed as written, brackets and all: a reference-style link, which "
                           "this format does not read; write the link where it stands, [文字](https://…), or keep the "
                           "words alone")
    return None


# Each raw row's pattern over a paragraph's lines joined (its '^' and '$' at each line's ends), to
# search the paragraph once before its lines one by one: most paragraphs hold none of them.
_WHOLE = {pattern: re.compile(pattern.pattern, pattern.flags | re.M) for pattern, where, *_ in _PRINTED_MARKUP
          if where in ("raw", "item")}


def printed_markup(lines: TextLines, texts: Iterable[str], open_list: list | None = None) -> Problem | None:
    """E233 / E223 for the first mark of `_PRINTED_MARKUP` in a paragraph or a heading (`texts`:
    the text pieces markdown-it did not read as markup). `open_list`: the reader's record of the
    list the paragraph is an item of, where a mark named once a list ('item') is noted as named."""
    left_as_text = "\n".join(texts)
    written = "\n".join(lines.raw)
    for pattern, where, code, message in _PRINTED_MARKUP:
        if where == "text" and not pattern.search(left_as_text):
            continue
        if where in ("raw", "item") and not _WHOLE[pattern].search(written):  # (one search a paragraph, not one a line)
            continue
        if where == "item" and open_list is not None:
            if pattern in open_list:
                continue  # (named at the list's first item)
            open_list.append(pattern)
        for k, raw in enumerate(lines.raw):
            if (found := pattern.search(raw)) is not None:
                shown = found[0] if len(found[0]) <= 40 else found[0][:39] + "…"
                return Problem(code, lines.first + k, found.start() + 1, message.format(shown))
    return None


# (the eleventh sweep) A link with no text, '[](https://…)' (a Yuque or Feishu export's anchor, a link
# whose words were cut): markdown-it reads it, and every edition dropped it, address and all, without a word.
_EMPTY_LINK = re.compile(r"(?<![\\!])\[[ \t]*\]\([^)\n]*\)")


def empty_link(children: Iterable[Token], lines: TextLines) -> Problem | None:
    """E223 for the first link of a paragraph that has no text (a paragraph of nothing else is an
    empty answer or reference, E203 / E210, which say so)."""
    children = list(children)
    if not "".join(child.content for child in children if child.type == "text").strip():
        return None
    inside: list[Token] | None = None  # (the tokens of the link being read)
    for child in children:
        if child.type == "link_open":
            inside = []
        elif child.type == "link_close" and inside is not None:
            if not "".join(token.content for token in inside).strip() and not any(t.type == "image" for t in inside):
                break
            inside = None
        elif inside is not None:
            inside.append(child)
    else:
        return None
    for k, raw in enumerate(lines.raw):
        if (found := _EMPTY_LINK.search(raw)) is not None:
            return Problem("E223", lines.first + k, found.start() + 1,
                           f"'{found[0][:60]}' is a link with no text: every edition drops it, address and all; write "
                           "the words to link between the brackets, or delete it")
    return None


# A backslash at the end of a paragraph's last line: verse marks each line's end with one, and the
# last line's has no line after it to break to, so Markdown prints it ('安静。\'). Only after a
# character past ASCII: a Windows path ('C:\Users\') ends so on purpose.
_LAST_BACKSLASH = re.compile(r"(?<=[^\x00-\x7f])(?:\\\\)*\\\s*$")


def trailing_backslash(lines: TextLines) -> Problem | None:
    """W421 for a paragraph whose last line ends in a backslash that every edition prints."""
    if not lines.read or not lines.raw or not _LAST_BACKSLASH.search(lines.read[-1]):
        return None
    col = lines.raw[-1].rstrip().rfind("\\") + 1
    return Problem("W421", lines.first + len(lines.raw) - 1, max(col, 1),
                   "the '\\' at the end of the paragraph is printed: a backslash keeps a line end only before another "
                   "line of the same paragraph (verse); delete it")


def empty_items(tokens: Iterable[Token], first_line: int, code: str) -> list[Problem]:
    """`code` (E210 in the references, W417 elsewhere) for a list item with no text ('2.' alone,
    or '- ' before the next item): every edition dropped it and numbered on past it, so the
    list printed （1）（3）, and a reference's number was lost. `first_line`: the file line of the
    tokens' line 0."""
    problems, open_items = [], []  # [line, has text, numbered] per item still open
    for token in tokens:
        if token.type == "list_item_open" and token.map:
            open_items.append([token.map[0] + first_line, False, token.info.isdigit()])
        elif token.type == "inline" and open_items:
            if any(child.type in ("text", "code_inline") and child.content.strip() for child in token.children or []):
                for item in open_items:
                    item[1] = True
        elif token.type == "list_item_close" and open_items:
            line, has_text, numbered = open_items.pop()
            if not has_text:
                what = "a reference" if code == "E210" else "a list item"
                past = " and numbers on past it" if numbered else ""
                problems.append(Problem(code, line, 1, f"{what} with no text: every edition leaves it out{past}; "
                                                       "write its text, or delete the line"))
    return problems


# After the role, what an editor adds thinking the fence line takes more: a second 'role=', a
# span's 'lang=', an attribute block. The fence line takes one 'role=…', to the line's end, so
# all of it was printed in the label ('甲 role=乙苏雯').
_AFTER_THE_ROLE = re.compile(r"\s(?P<extra>[A-Za-z][\w-]*\s*=|\{\s*[.#A-Za-z])")


def extra_after_role(role: str) -> tuple[int, str] | None:
    """(offset in `role` as written, message) when the role as written runs on into another
    attribute; None for a role alone (quoted whole, it may hold anything)."""
    found = _AFTER_THE_ROLE.search(role)
    if found is None or re.fullmatch(r'"[^"]*"|“[^”]*”|\'[^\']*\'|‘[^’]*’', role):
        return None
    extra = role[found.start("extra"):].split()[0]
    return found.start("extra"), (f"'{extra}' after the role is read as part of it and printed in the label: an "
                                  "answer's line takes one 'role=…' and nothing after it; delete it")


# E211 for a '###' (or '#') heading inside an answer or a note: the fence scanner ends a block
# left open only at a chapter's '##', so such a heading is one error where it stands (before, it
# ended the block there: five errors, "still open" for an answer closed three lines later).
HEADING_IN_BLOCK = ("'{}' heading inside the {} opened on line {}: write it as a paragraph (**…** for strong); "
                    "'###' stands in the article only")


def folded(speaker_id: str) -> str:
    """An answer's id as an id is written: an IME's full-width letters ('ｓｕｗｅｎ') and capitals
    folded, so the did-you-mean of E201 finds 'suwen' (it found nothing near the full-width form)."""
    return unicodedata.normalize("NFKC", speaker_id).lower()


def after_the_closing(sections: Iterable[dict], kind: str, title: str) -> str | None:
    """E235's words for a question chapter after the closing chapter, or None. The closing is the
    last question the interview asks (the editions set it apart as the book's last word, and
    the audio's host announces it as the last question); a question after it was read as one more
    numbered question after the last, without a word (the seventh sweep found it)."""
    closing = next((s for s in sections if s["kind"] == "closing"), None)
    if closing is None or kind != "question":
        return None
    return (f"the question '{title[:30]}' comes after the closing chapter '{(closing['title'] or '')[:30]}' "
            f"(line {closing['loc'].line})")


# What a chapter's '{…}' takes; anything else ('{.intro}', '{data-x=1}', '{style=…}') was dropped by
# every edition without a word, as a span's unknown attribute was before E230 named it (E236).
_CHAPTER_CLASSES = (".closing", ".references")


def unknown_heading_attribute(attrs: Iterable[str]) -> tuple[str, str] | None:
    """(the attribute as written, E236's words) for the first attribute of a chapter's heading the
    format does not know, or a 'lang=' that is no BCP 47 tag (the EPUB's xml:lang would carry it)."""
    import langcodes  # (lazy, as the span's check)

    for word in attrs:
        if word.startswith("#") or word in _CHAPTER_CLASSES or word.count('"') % 2 or word.count("'") % 2:
            continue  # (a value whose quote is left open is E226's)
        if word.startswith("lang="):
            tag = word.split("=", 1)[1].strip("\"'")
            if tag and langcodes.tag_is_valid(tag):
                continue
            return word, f"'{tag}' in '{word}' is not a BCP 47 language tag: no reader or voice can use it"
        return word, f"'{word}' is not an attribute of a chapter, and every edition dropped it"
    return None


def stray_combining_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of each combining mark (an accent, a dot, U+0300–U+036F and the like, any
    character of a non-zero combining class) that stands on a Han character, a full-width mark or
    a space, or opens the text: a slip of a pinyin input method or a conversion ('孙́'), which every
    edition prints as a stray accent on the character (and a box in the PDFs). On a Latin letter it
    is a letter's accent ('é' typed in two), and a variation selector (class 0) is let be."""
    found = []
    for i, char in enumerate(text):
        if unicodedata.combining(char) and (i == 0 or _BARE_BASE.match(text[i - 1])):
            found.append((i, char))
    return found


_BARE_BASE = re.compile(r"[\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


def only_marks(title: str) -> bool:
    """Whether a heading's text is punctuation and spaces alone ('？？？', '……', '——'): the question's
    words were lost in a paste or never typed, and every edition printed the marks as the question."""
    return bool(title) and all(unicodedata.category(char)[0] in "PZ" for char in title)


# The codes of a line the fence scanner named as mistyped markup (a fence or a heading typed wrong):
# what Markdown made of that line (text under a question: E205) is that fault, not a second one.
# (E215, a ':::' that closes nothing, since the ninth sweep: it was E205 too, one line, two errors.)
# (the eleventh sweep) What stands after an underlined heading when it was meant as a chapter (Setext's
# '问题' / '-----', where this format writes '## 问题'): an answer's fence.
SETEXT_CHAPTER = re.compile(r"^:::\s*answer\b")

MISTYPED_MARKUP = frozenset({"E215", "E216", "E217", "E218", "E220"})
