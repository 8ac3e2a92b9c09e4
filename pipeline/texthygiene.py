"""Checks of what an editor typed into a paragraph or a heading that Markdown leaves as text, so
that every edition would print it as written: HTML comments and tags, character references to
invisible characters, '**' that did not become strong, links and attribute blocks typed with
full-width brackets, attribute blocks left open or not attached, ':::' away from the left margin,
character references misspelt or unfinished, Markdown footnotes, list markers Markdown does not
read (and numbers it does not print as written), and Markdown's '**', HTML and character
references in front-matter values; among what markdown-it did read as markup, an image, a span
attribute the format does not know and a link no edition can follow; and the hints that tell
an answer typed with its label, a question typed as text and a references chapter left unmarked.

Each is a pure function of the lines (as markdown-it read them and as the editor wrote them) that
returns the problems it finds, so the reader's token walk only decides where to look. The
columns are counted in the line as written: that is where the editor's cursor must go.
"""

from __future__ import annotations

import difflib
import html.entities
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it.token import Token

from pipeline.charrefs import REFERENCE_NAME
from pipeline.frontmatter import FrontMatterInput, Positions
from pipeline.htmltags import OFFICE_TAG, is_tag, what_tag
from pipeline.inlinetext import attribute_block_problem, link_problem, what_comment, written_address
from pipeline.model import Span
from pipeline.othertools import OTHER_TOOLS_CLASSES
from pipeline.sourcetext import without_invisible, written_out

_CHARACTER_REFERENCE = re.compile(r"(?<!\\)&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,9}));")
# An HTML tag as a web page or a CMS writes it: '<br>', '<b>', '</p>', '<span class="x">', '<br/>';
# and a comment, '<!-- … -->'. One definition for both readers of them: the reader's E225 / E227
# (not after a backslash, `\\<b>`, which prints the tag on purpose) and the check's punctuation
# rules, which skip every tag and comment, escaped or not (an attribute's quotes, `title="a"`, are
# the tag's, not a half-width mark to make full-width).
_TAG = r"</?(?P<name>[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][\w.-]*|(?:-[A-Za-z0-9]+)+)?)(?:\s[^<>]*)?/?>"
_COMMENT = r"<!--"
HTML_MARKUP = re.compile(rf"(?P<comment>{_COMMENT}.*?(?:-->|$))|{_TAG}")
_HTML_COMMENT = re.compile(rf"(?<!\\){_COMMENT}")
_HTML_TAG = re.compile(rf"(?<!\\){_TAG}")
_CODE_SPAN = re.compile(r"(`+).+?\1")
# Two or more '*' or '_' that Markdown did not read as emphasis: CommonMark does not open or close
# '**' between a Chinese quotation mark or bracket and a Han character ('**“好”**然后'), nor '__'
# inside a word, so every edition printed the marks (E229). ('\\**' is escaped: text on purpose.)
EMPHASIS_RUN = re.compile(r"(?<![\\*_])(?:\*\*+|__+)(?![*_])")
# Front-matter values every edition prints as they stand (E229 when they hold Markdown's '**').
PRINTED_FIELDS = ("title", "subtitle", "authors", "editor", "outlet", "account", "description", "rights", "credit")
PRINTED_SPEAKER_FIELDS = ("name", "role", "handle")
# A link or a span typed through an IME: '[文字]（https://…）', '［文字］(https://…)', '[（笑）]｛.aside｝'.
# Markdown reads none of them: every edition printed the brackets and the address, the link lost.
_FULL_WIDTH_MARKUP = (
    (re.compile(r"(?<!\\)\]\s*（\s*(?:https?://|mailto:)"), "E223",
     "a link's address in full-width parentheses '（…）' is printed as written, the link lost: write '[文字](https://…)'"),
    (re.compile(r"［[^］\n]*］\s*[(（]\s*(?:https?://|mailto:)"), "E223",
     "a link's text in full-width brackets '［…］' is printed as written, the link lost: write '[文字](https://…)'"),
    (re.compile(r"(?<!\\)[\]］]｛\s*(?:[.#．]|[A-Za-z]+\s*[=＝])"), "E226",
     "an attribute block in full-width braces '｛…｝' is printed as written, its attribute lost: write '{.aside}' or '{lang=en}'"),
)
_UNESCAPED_FENCE = re.compile(r"(?<!\\):::")  # '\\:::' is Markdown's escaped colon: text, printed ':::'


@dataclass(frozen=True)
class Problem:
    """A fault in what the editor typed, at a file line and a column of the line as written (1-based)."""

    code: str
    line: int
    col: int
    message: str


@dataclass(frozen=True)
class TextLines:
    """The lines of one paragraph or heading: as markdown-it read them (`read`: list markers,
    quote marks and indentation cut) and as the editor wrote them (`raw`), the first at file line
    `first`. Patterns are looked for in the one, columns counted in the other."""

    first: int
    read: list[str]
    raw: list[str]


def stray_fence(lines: TextLines, reported: set[int]) -> Problem | None:
    """E217 for a ':::' line the fence scanner could not take as a fence (behind a list marker,
    say), unless the scanner already reported that line."""
    for k, text in enumerate(lines.read):
        line = lines.first + k
        if (_UNESCAPED_FENCE.search(text) or "：：：" in text) and line not in reported:
            raw = lines.raw[k]  # (the line as written, indentation and all)
            col = max(raw.find(":::"), raw.find("：：：")) + 1
            shown = raw.strip() if len(raw.strip()) <= 40 else "…" + raw[max(0, col - 21):col + 2].lstrip() + "…"
            return Problem("E217", line, col, f"a fence must stand alone at the left margin: '{shown}'")
    return None


def hidden_references(lines: TextLines) -> list[Problem]:
    """E219 for a character reference ('&#x202E;', '&#7;') to a character E219 refuses when
    typed, or to none (markdown-it prints '�' for it): typed as a reference, it went past the
    check of the source's characters into every edition."""
    from markdown_it.common.utils import isValidEntityCode  # (markdown-it's own test: '\ufffd' where it fails)

    problems = []
    for k, text in enumerate(lines.read):
        for reference in _CHARACTER_REFERENCE.finditer(text):
            code = int(reference["hex"], 16) if reference["hex"] else int(reference["dec"])
            char = chr(code) if isValidEntityCode(code) else None
            if char is not None and not without_invisible(char)[1] and char not in "\u2028\u2029":
                continue
            what = (f"the invisible character U+{code:04X} ({unicodedata.name(char, 'control character')})"
                    if char else "no character a book can hold: every edition would print '\ufffd'")
            problems.append(Problem("E219", lines.first + k, lines.raw[k].find(reference[0]) + 1,
                                    f"the character reference '{reference[0]}' is {what}"))
    return problems


def open_attribute_block(lines: TextLines) -> Problem | None:
    """E226 for an attribute block that is not closed: a quoted value without its closing quote
    ('{lang="en}', '{role="x}') or '[text]{…' without its '}' (each was printed as written,
    braces and all, and its attribute lost)."""
    for k, text in enumerate(lines.read):
        if (problem := attribute_block_problem(text)) is None:
            continue
        written, what = problem
        return Problem("E226", lines.first + k, lines.raw[k].find(written) + 1, f"the attribute block '{written}' {what}")
    return None


def html_markup(lines: TextLines) -> Problem | None:
    """E225 for an HTML comment: Markdown users hide notes to themselves in '<!-- … -->', and
    with HTML read as text (as this format reads it) every edition printed the note. E227 for
    an HTML tag ('<br>', '<b>…</b>' pasted from a web page or a CMS): printed as written."""
    for k, text in enumerate(lines.read):
        line = lines.first + k
        if (found := _HTML_COMMENT.search(text)) is not None:
            return Problem("E225", line, lines.raw[k].find("<!--") + 1,
                           f"an HTML comment '{what_comment(text[found.start():])}' would be printed in every edition")
        unquoted = _CODE_SPAN.sub(lambda m: " " * len(m[0]), text)  # ('`<b>`' shows the tag on purpose)
        tags = (t for t in _HTML_TAG.finditer(unquoted) if is_tag(t["name"]))
        if (tag := next(tags, None)) is not None:
            what = what_tag(tag["name"], tag[0])  # ('<o:p>': a Word or WPS page's; '<card …>': Yuque's)
            return Problem("E227", line, lines.raw[k].find(tag[0]) + 1,
                           f"{what} would be printed in every edition (this format reads HTML as text)")
    return None


def full_width_markup(lines: TextLines) -> Problem | None:
    """E223 / E226 for a link or an attribute block typed with full-width brackets or braces."""
    for k, raw in enumerate(lines.raw):
        for pattern, code, message in _FULL_WIDTH_MARKUP:
            if (found := pattern.search(raw)) is not None:
                return Problem(code, lines.first + k, found.start() + 1, message)
    return None


# (the tenth sweep) One '*' or '_' a side around Chinese text that Markdown left as text, so every
# edition printed both: '孙子_闹_' (CommonMark reads no '_' inside a word), '*“好”*然后' (no '*'
# between a quotation mark and a character), as Word's italics come over from a converter.
_SINGLE_EMPHASIS = re.compile(r"(?<![\\*_])(?P<mark>[*_])(?=[\u3000-\u9fff\uff00-\uffef“‘「『])[^*_\n]*?"
                              r"(?<=[\u3000-\u9fff\uff00-\uffef”’」』])(?P=mark)(?![*_])")


def stray_emphasis(lines: TextLines, texts: Iterable[str]) -> Problem | None:
    """E229 for '**' or '__' that Markdown left as text (`texts`: the text pieces markdown-it did
    not read as markup): every edition printed the marks; and for a pair of single '*' or '_'
    around Chinese text left so."""
    texts = list(texts)
    for pattern, what in ((EMPHASIS_RUN, "strong"), (_SINGLE_EMPHASIS, "emphasis")):
        if not any(pattern.search(text) for text in texts):
            continue
        for k, raw in enumerate(lines.raw):
            if (run := pattern.search(raw)) is not None:
                mark = run[0] if what == "strong" else run["mark"]
                return Problem("E229", lines.first + k, run.start() + 1,
                               f"'{mark}' is printed as written: Markdown reads '{mark}' as {what} only where it does "
                               "not stand between a Chinese quotation mark or bracket and a character, nor inside a word")
    return None


def markup_in_fields(front: FrontMatterInput, positions: Positions) -> list[Problem]:
    """E229 for '**' or '__' in a front-matter value the editions print (a value is plain text:
    every edition printed '**程一帆**' in the label, asterisks and all)."""
    values_of = front.model_dump()
    values = [((key,), values_of.get(key)) for key in PRINTED_FIELDS]
    values += [(("speakers", index, key), speaker.get(key))
               for index, speaker in enumerate(values_of.get("speakers") or []) for key in PRINTED_SPEAKER_FIELDS]
    problems = []
    for path, value in values:
        items = [(path + (k,), v) for k, v in enumerate(value)] if isinstance(value, list) else [(path, value)]
        for where, text in items:
            if not isinstance(text, str) or where not in positions.marks:
                continue
            line, col = positions.of(where)
            field = ".".join(map(str, where))
            if run := EMPHASIS_RUN.search(text):
                problems.append(Problem("E229", line, col, f"'{run[0]}' in '{field}' is printed "
                                                           "as written: front-matter values are plain text, without Markdown"))
            problems += [Problem(code, line, col, f"{what(found)} in '{field}' is printed as written: front-matter values "
                                                  f"are plain text; {fix}")
                         for pattern, code, what, fix in _FIELD_MARKUP if (found := _field_markup(pattern, text))]
    return problems



# -- what markdown-it read as markup, but no edition can use ---------------------------------

# What a span '[…]{…}' (or a link's '{…}') may carry: the aside class and a language; an id is let
# be (no edition needs it). Anything else was dropped without a word: '{.asdie}' printed the aside
# as the speaker's words, read in the speaker's voice; '{lang=english}' went into the EPUB's xml:lang.
SPAN_CLASSES = ("aside",)
SPAN_KEYS = ("class", "lang", "id", "href")


def line_of_text(lines: TextLines, written: str) -> int:
    """The file line of a paragraph where `written` stands (its first line when none holds it)."""
    return lines.first + next((k for k, raw in enumerate(lines.raw) if written in raw), 0)


def _place_of_link(lines: TextLines, href: str) -> tuple[int, int]:
    """The file line and column of a paragraph's link to `href`, at its '[' (or its '<'); the paragraph's first
    line and column 1 when none holds it. The address as written: whole, decoded, or its Chinese alone decoded
    (markdown-it percent-encodes what the editor typed; since the twelfth sweep the column is the link's)."""
    for address in dict.fromkeys((href, unquote(href), written_address(href))):
        for k, raw in enumerate(lines.raw):
            if (at := raw.find(f"]({address}")) >= 0:
                return lines.first + k, raw.rfind("[", 0, at) + 1 or 1
            if (at := raw.find(f"<{address}>")) >= 0:
                return lines.first + k, at + 1
    return lines.first, 1


def images(children: Iterable[Token], lines: TextLines) -> Problem | None:
    """E212 for an image '![描述](photo.jpg)': the format has no pictures, and every edition
    printed its description as text in the sentence, the picture lost without a word."""
    for child in children:
        if child.type == "image":
            written = f"![{child.content}]"
            line = line_of_text(lines, written)
            return Problem("E212", line, lines.raw[line - lines.first].find(written) + 1,
                           f"an image '{written_out(written)}({child.attrs.get('src', '')})': the format has no images, and "
                           "the editions would print only its description; delete it, or say in words what it shows")
    return None


def links(spans: Iterable[Span], lines: TextLines) -> list[Problem]:
    """E223 for a link every edition could not follow (a file name, `javascript:`, nothing)."""
    return [Problem("E223", *_place_of_link(lines, span.href), message)
            for span in spans if span.href is not None and not OFFICE_TAG.match(span.href)  # (E227's: '<st1:chsdate>')
            and (message := link_problem(span.href)) is not None]


def span_attributes(children: Iterable[Token], lines: TextLines) -> Problem | None:
    """E230 for an attribute of a span the format does not know (a misspelt class or key) or a
    language that is not a BCP 47 tag: the first one of the paragraph, at its line."""
    import langcodes  # (lazy, as the front matter's language check)

    for child in children:
        if child.type not in ("span_open", "link_open"):
            continue
        problem = None  # (as written, what it is, the suggestion)
        # (the class first: pandoc writes '{.insertion author="…" date="…"}', and its class says what the span is)
        for key, value in sorted(child.attrs.items(), key=lambda item: item[0] != "class"):
            if key == "class":
                unknown = [c for c in str(value).split() if c not in SPAN_CLASSES]
                if unknown and (tool := OTHER_TOOLS_CLASSES.get(unknown[0].lower())):
                    problem = (f".{unknown[0]}", f"'.{unknown[0]}' is {tool.split(':')[0]}", tool.split(":", 1)[1].strip()
                               if ":" in tool else tool)
                elif unknown:
                    near = difflib.get_close_matches(unknown[0].lower(), SPAN_CLASSES, n=1, cutoff=0.5)
                    problem = (f".{unknown[0]}", f"'.{unknown[0]}' is not a class of the format, and every edition would drop it",
                               f"did you mean '.{near[0]}'?" if near else "the one there is '.aside'")
            elif key == "lang" and not langcodes.tag_is_valid(str(value)):
                problem = (f"lang={value}", f"'{value}' in 'lang={value}' is not a BCP 47 language tag: no reader or voice can use it",
                           "write e.g. en, ja, yue or zh-Hant")
            elif key == "title" and child.type == "link_open":  # ('[文字](https://… "标题")': no edition shows it)
                problem = (str(value), f"the link's title '{value}' is shown by no edition", "delete it, with its quotes")
            elif key not in SPAN_KEYS:
                near = difflib.get_close_matches(key.lower(), ("lang",), n=1, cutoff=0.5)
                problem = (key, f"'{key}' is not an attribute of the format, and every edition would drop it",
                           "did you mean 'lang'?" if near else "it knows '.aside' and 'lang='")
            if problem:
                break
        if problem is not None:
            written, what, suggestion = problem
            line = line_of_text(lines, written)
            col = max(lines.raw[line - lines.first].find(written), 0) + 1
            return Problem("E230", line, col, f"{what}: {suggestion}")
    return None


# -- the fifth sweep: what an editor types that Markdown prints as written, or prints otherwise --

# A named character reference whose name is no HTML name ('&nbps;'), one without its ';' ('&nbsp',
# '&#12288': CommonMark reads a reference only with it), or one typed through an IME ('＆nbsp；'):
# every edition printed the letters, '&' and all (E231). Names come from HTML's own table.
_NAMED = frozenset(name.rstrip(";") for name in html.entities.html5 if name.endswith(";"))
_ADDRESS = re.compile(r"(?:https?|mailto):[^\s<>()\[\]]*")
_AMPERSAND_WORD = re.compile(rf"(?<!\\)(?P<amp>[&＆])(?P<name>{REFERENCE_NAME})"
                             r"(?P<end>[;；]?)")


def misspelt_references(lines: TextLines) -> Problem | None:
    """E231 for a character reference that is none, so that every edition prints it as written:
    an unknown name, a missing ';', a full-width '＆' or '；'. 'R&D', 'Q＆A' stay text ('&D' is
    no reference and ends in no ';'), and so do addresses ('?a=1&lang=zh')."""
    for k, text in enumerate(lines.read):
        text = _ADDRESS.sub(lambda m: " " * len(m[0]), text)  # ('?a=1&lang=zh' is an address's, not a reference)
        for found in _AMPERSAND_WORD.finditer(text):
            amp, name, end = found["amp"], found["name"], found["end"]
            known = name.startswith("#") or name in _NAMED
            if amp == "&" and end == ";" and known:
                continue  # (a real reference: markdown-it read it; this is where W415/E219 look)
            if not end and not known:
                continue  # 'R&D', 'Q＆A', '&c': an ampersand in prose
            col = lines.raw[k].find(found[0]) + 1
            if amp == "＆" or end == "；":
                how = "it is typed with a full-width '＆' or '；'"
            elif not end:
                how = "its closing ';' is missing"
            else:
                near = ([name.lower()] if name.lower() in _NAMED else
                        difflib.get_close_matches(name, sorted(_NAMED), n=1, cutoff=0.6))
                how = "HTML knows no such name" + (f"; did you mean '&{near[0]};'?" if near else "")
            return Problem("E231", lines.first + k, max(col, 1),
                           f"'{found[0]}' is no character reference ({how}): every edition prints it as written")
    return None


# A Markdown footnote, '[^1]' in the text and '[^1]: …' as its text: this format has no footnotes
# (markdown-it without its plugin prints both as written; W418). A note is a '::: note' block.
_FOOTNOTE = re.compile(r"(?<![\\!])\[\^[^\]\s]{1,40}\](?P<definition>:)?")


def footnotes(lines: TextLines) -> Problem | None:
    """W418 for a Markdown footnote's marker or text: printed as written, '[^1]' and all."""
    for k, text in enumerate(lines.read):
        if (found := _FOOTNOTE.search(text)) is None:
            continue
        what = "the text of a Markdown footnote" if found["definition"] and found.start() == 0 else "a Markdown footnote's marker"
        return Problem("W418", lines.first + k, lines.raw[k].find(found[0].rstrip(":")) + 1,
                       f"'{found[0].rstrip(':')}' is {what}, which this format does not have: every edition prints "
                       "it as written")
    return None


# Markers that start a list item in Word, on a web page or in an IME, but not in Markdown: circled
# and parenthesised numbers, '1、', '1．', '1.' without a space, bullets. On consecutive lines
# (no blank line between) Markdown joins the items into one paragraph (W417).
_FOREIGN_ITEM = re.compile(r"^\s*(?P<marker>[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u2776-\u277f]|[（(][0-9]{1,2}[)）]"
                           r"|[0-9]{1,2}[、．]|[0-9]{1,2}\.(?=[^\d\s.])|[•·・●▪■◆◦‣⁃]"
                           # (the eleventh sweep) a WeChat editor's or a notes app's symbols and emoji as bullets
                           r"|[▶►▸▹➤➢➜→✅✔☑✓★☆◎○◇□◼◻⭐🔹🔸🔷🔶📌👉✨💡🟢🔴❶-❿]\ufe0f?)")


def joined_items(lines: TextLines) -> Problem | None:
    """W417 for a paragraph's line after the first that opens with a list marker Markdown does
    not read: its item ran into the line above, the list printed as one paragraph."""
    for k in range(1, len(lines.read)):
        if (found := _FOREIGN_ITEM.match(lines.read[k])) is None:
            continue
        marker = found["marker"]
        return Problem("W417", lines.first + k, lines.raw[k].find(marker) + 1,
                       f"this line opens with the list marker '{marker}', which Markdown does not read: every edition "
                       "joins it to the line above into one paragraph")
    return None


def renumbered_items(tokens: Iterable[Token], first_line: int) -> list[Problem]:
    """W417 for an ordered list whose numbers, as written, the editions do not print: every
    edition numbers a list on from its first item, so a '5.' written third is printed （3）.
    Items all written with one number ('1.' '1.' '1.': Markdown's way to number as you go)
    are fine. `first_line`: the file line of the tokens' line 0."""
    problems, stack = [], []
    for token in tokens:
        if token.type == "ordered_list_open":
            stack.append([])
        elif token.type == "list_item_open" and stack and token.info.isdigit() and token.map:
            stack[-1].append((int(token.info), token.map[0] + first_line))
        elif token.type == "ordered_list_close" and stack:
            items = stack.pop()
            if len({n for n, _ in items}) == 1:
                continue
            start = items[0][0]
            wrong = next(((n, line, start + i) for i, (n, line) in enumerate(items) if n != start + i), None)
            if wrong is not None:
                written, line, printed = wrong
                problems.append(Problem("W417", line, 1, f"this item is numbered {written} but every edition prints it "
                                                         f"as number {printed} (a list is numbered on from its first "
                                                         "item): renumber the list"))
    return problems


# Separators that join two names into one author: '林小满，王五', '林小满、王五' (a half-width comma
# only between Chinese characters: 'Smith, John' is one name).
_JOINED_NAMES = re.compile("[，、；;／]|(?<=[\u3400-\u9fff])\\s*[,/]\\s*(?=[\u3400-\u9fff])"
                           # (the thirteenth sweep) or a space, '林小满 王五' (W415 said to delete it: one name)
                           "|(?<=[\u3400-\u9fff]{2})[ \u3000]+(?=[\u3400-\u9fff]{2})")  # ('林 小满' is one)


def joined_authors(front: FrontMatterInput, positions: Positions) -> list[Problem]:
    """W419 for an 'authors' item that holds two names: the EPUB, the PDF's title page and the
    feed list it as one person."""
    problems = []
    for index, name in enumerate(front.authors or []):
        if isinstance(name, str) and (found := _JOINED_NAMES.search(name)):
            line, col = positions.of(("authors", index))
            names = ", ".join(part.strip() for part in _JOINED_NAMES.split(name) if part.strip())
            between = f"'{found[0].strip()}'" if found[0].strip() else "a space"
            problems.append(Problem("W419", line, col, f"the author '{name}' holds {between} between two names: "
                                                       f"every edition lists it as one person; write each name as its "
                                                       f"own item, authors: [{names}]"))
    return problems


# (the thirteenth sweep) A comment typed through an input method, 'editor: 周一 ＃暂定': YAML reads a comment only
# after a half-width '#', so every edition printed '＃暂定' as part of the editor's name (a warning: W434)
IME_COMMENT = re.compile(r"[ \t\u3000]+＃.*$")

# What Markdown would read in the body but a front-matter value prints as written, '&nbsp;' and all
# (values are plain text): a character reference, an HTML comment or tag (a CMS's or a web page's).
_FIELD_MARKUP = (
    (_AMPERSAND_WORD, "E231", lambda m: f"the character reference '{m[0]}'", "type the character itself"),
    (_HTML_COMMENT, "E225", lambda m: "an HTML comment '<!--'", "delete the comment"),
    # (a warning: a title may name a tag on purpose, and every edition prints it exactly as written)
    (_HTML_TAG, "W420", lambda m: what_tag(m["name"], m[0]), "delete the tag unless the title means it"),
    (IME_COMMENT, "W434", lambda m: f"'{m[0].strip()}', a comment typed with the full-width '＃' (an input method's),",
     "YAML reads a comment only after a half-width '#' and a space: write '# …', or delete it"),
    # (the eighth sweep) a value saved by Word, whose 'smart quotes' made YAML's "…" curly: printed with them
    (re.compile(r"^“[^“”]*”$|^‘[^‘’]*’$"), "W425",
     lambda m: f"the value '{m[0][:12]}…' wrapped whole in quotation marks '{m[0][0]}…{m[0][-1]}'",
     "delete them (a word processor's smart quotes turn YAML's straight quotes curly); keep them if the value "
     "is a quotation"),
)


def _field_markup(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first markup of `pattern` in a field's value: only references that are one (or were
    meant as one) and only the tags `is_tag` knows ('R&D', '<T>' stay text; an office tool's '<o:p>' or a
    WeChat editor's '<mp-style-type>' is one, since the thirteenth sweep, as in the text)."""
    for found in pattern.finditer(text):
        groups = found.groupdict()
        if "end" in groups and not groups["end"] and not groups["name"].startswith("#") and groups["name"] not in _NAMED:
            continue
        if "name" in groups and "end" not in groups and not is_tag(groups["name"]):
            continue
        return found
    return None


def tag_in(text: str) -> re.Match[str] | None:
    """The first HTML tag (`is_tag`'s) in plain text such as an answer's 'role=' (E227 there:
    '<b>志愿者</b>' was printed in the label, tags and all)."""
    return _field_markup(_HTML_TAG, text)


def reference_in(text: str) -> re.Match[str] | None:
    """The first character reference (or one meant as one) in plain text such as an answer's
    'role=', where nothing reads it and every edition prints it as written (E231)."""
    return _field_markup(_AMPERSAND_WORD, text)


# An attribute block Markdown did not attach, so that every edition printed it, braces and all,
# and its aside or language was lost (E226): a space between ']' and '{', no '[…]' before it
# ('（笑）{.aside}', '【（笑）】{.aside}'), or a value in curly single quotes ('{lang=‘en’}').
_DETACHED_ATTRIBUTES = re.compile(r"(?<!\\)\{\s*(?:\.[^\s{}]|#[^\s{}]|lang\s*=)[^{}\n]*\}")


def detached_attributes(lines: TextLines, texts: Iterable[str]) -> Problem | None:
    """E226 for an attribute block printed as text (`texts`: what markdown-it left as text)."""
    printed = "".join(texts)
    for k, raw in enumerate(lines.raw):
        if attribute_block_problem(lines.read[k]) is not None:
            continue  # (a block left open is E226 already, said so by open_attribute_block)
        for found in _DETACHED_ATTRIBUTES.finditer(raw):
            if found[0] not in printed:
                continue
            before = raw[: found.start()]
            if re.search("[‘’“”]", found[0]):
                how = "its value stands in curly quotes: write it without them"
            elif "'" in found[0]:  # (markdown-it's attributes take "…" or nothing, never '…')
                how = "its value stands in single quotes, which the format does not read: write it without them"
            elif before != before.rstrip() and before.rstrip().endswith("]"):
                how = "a space stands between the text's ']' and its '{': write them together"
            else:
                how = "no '[…]' stands right before it: put the text it marks in half-width brackets"
            example = "[Night Owl]{lang=en}" if "lang" in found[0] else "[（笑）]{.aside}"
            return Problem("E226", lines.first + k, found.start() + 1,
                           f"the attribute block '{found[0]}' is printed as written, its attribute lost: {how}, "
                           f"'{example}'")
    return None
