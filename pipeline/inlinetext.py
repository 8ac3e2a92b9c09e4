"""What the text of a paragraph or a heading holds, as the reader reads it from markdown-it's
inline tokens: styled spans with their language and link (`read_spans`), a heading's closing
attribute block, and the checks of what an editor typed inside the text that no edition could
use: a link no edition can follow, an attribute block left open, a misspelt chapter kind.
"""

from __future__ import annotations

import difflib
import re
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from pipeline.model import Span
from pipeline.sourcetext import line_join

_HEADING_ATTRS = re.compile(r"\s*(?<!\\)\{([^{}]*)\}\s*$")  # ('\\{' is an escaped brace: text)
# What a heading's closing '{…}' may hold to be read as attributes: '#id', '.class', 'key=value'.
# Braces holding anything else are the heading's text ('## 你怎么看{笑}' lost '{笑}' in every
# edition); the ones the format knows are checked by `heading_attribute_problem` (E224).
_ATTRIBUTE = re.compile(r"^(?:[#.]\S*|[A-Za-z][\w-]*=\S*)$")
_HEADING_BRACES = re.compile(r"(?<!\\)[{｛](?P<inner>[^{}｛｝]*)[}｝]\s*$")
HEADING_CLASSES = ("closing", "references")
LINK_SCHEMES = ("http", "https", "mailto")  # what a link may point at: nothing else exists outside the book
_TEXT = ("text", "code_inline", "image")  # inline tokens whose content is text of the paragraph (an image: its alt text)
_ATTRIBUTE_BLOCK = re.compile(r"(?<!\\)\{(?=\s*(?:[.#][^\s{}]|[A-Za-z][\w-]*\s*=))")
_QUOTED_VALUE = re.compile(r"=\s*([\"'])")


def what_comment(text: str) -> str:
    end = text.find("-->")
    shown = text[: end + 3] if end >= 0 else text
    return shown if len(shown) <= 40 else shown[:39] + "…"


def split_heading_attrs(content: str) -> tuple[str, list[str]]:
    match = _HEADING_ATTRS.search(content)
    if not match or not all(_ATTRIBUTE.match(word) for word in match[1].split()):
        return content.strip(), []
    # (a closing sequence of '#'s before the braces, '## 问题 ## {.closing}': Markdown drops it at the
    # line's end only, so every edition printed it as the question's; the ninth sweep)
    return _CLOSING_HASHES.sub("", content[: match.start()].strip()), match[1].split()


_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")


def heading_attribute_problem(content: str) -> str | None:
    """What is wrong with a heading's closing '{…}', if anything: a chapter kind misspelt
    ('{.closin}', '{.reference}': the chapter silently stayed a numbered question), or written as
    text ('{closing}', full-width '｛.closing｝', printed as part of the question)."""
    match = _HEADING_BRACES.search(content)
    if match is None:
        return None
    written, words = match[0].strip(), match["inner"].split()
    _title, attrs = split_heading_attrs(content)
    kinds = sorted({word for word in attrs if word[1:] in HEADING_CLASSES and word.startswith(".")})
    ids = [word for word in attrs if word.startswith("#")]
    if attrs and (left := re.search(r"\{[ \t]*[.#][^{}]*\}[ \t]*$", _title)) is not None:
        # (the thirteenth sweep) two blocks, '{.closing} {.closing}': the first was printed in the heading
        return (f"'{left[0].strip()}' stands before the heading's attribute block, and every edition took the last "
                "alone and printed this one as text of the heading: write one block, '{.closing #id}'")
    if len(kinds) > 1 or len(ids) > 1:  # (every edition took one of them without a word)
        what, taken = ("kind", f"'.{HEADING_CLASSES[0]}'") if len(kinds) > 1 else ("id", f"'{ids[0]}'")
        return (f"'{written}' gives the chapter two {what}s, and every edition took {taken} alone: a chapter has one "
                f"{what}; delete the other")
    if attrs or (written == "{}" and not words):
        for word in attrs:  # (other attributes, '{.x}', '{lang=en}', change nothing and are let be)
            near = difflib.get_close_matches(word.lstrip(".").lower(), HEADING_CLASSES, n=1, cutoff=0.6)
            if not word.startswith("#") and word[1:] not in HEADING_CLASSES and near:
                return f"'{word}' in '{written}' is not an attribute of a chapter: did you mean '.{near[0]}'?"
        return None
    named = next((kind for word in words for kind in HEADING_CLASSES if word.lstrip(".．。").lower() == kind), None)
    if named is None:
        return None  # braces of the heading's text: '{笑}'
    return f"'{written}' is read as text of the heading, and the chapter as a question: write '{{.{named}}}'"


def attribute_block_problem(text: str) -> tuple[str, str] | None:
    """(the block as written, what is wrong) for the first attribute block '{…}' in one line of
    text that is not closed, or None: a value opened with a quote and never closed, or a
    '[text]{' with no '}' after it. Braces of text ('{笑}') and escaped ones ('\\{') are let be."""
    for start in _ATTRIBUTE_BLOCK.finditer(text):
        end = text.find("}", start.end())
        if end < 0:
            if text[: start.start()].endswith("]"):
                return text[start.start():].strip(), "has no closing '}'"
            continue
        block = text[start.start(): end + 1]
        inner = block[1:-1]
        for quote in _QUOTED_VALUE.finditer(inner):
            if inner.find(quote[1], quote.end()) < 0:
                return block, f"opens a value with {quote[1]} and never closes it"
    return None


def _in_mail_autolink(children: list[Token], k: int) -> bool:
    """Is child `k` the text of an address alone, `<mailto:name@example.org>`?"""
    opener = children[k - 1] if k else None
    return (opener is not None and opener.type == "link_open" and opener.markup == "autolink"
            and str(opener.attrs.get("href", "")).lower().startswith("mailto:"))


def _without_scheme(text: str) -> str:
    """A mail address as a reader types it (and as `<name@example.org>` prints it): every edition
    printed `mailto:name@example.org`, paper twice (the text, then the address it is not), the
    learner PDF broke the line at its colon, the audio said 'mailto'."""
    return text[len("mailto:"):] if text.lower().startswith("mailto:") else text


def read_spans(inline: Token) -> tuple[Span, ...]:
    """Inline tokens → styled spans; line breaks inside a paragraph vanish between Han
    characters and become a space between Latin words. A link's text keeps its address
    (`href`, as markdown-it normalises it: percent-encoded, the form an EPUB needs)."""
    # (style, lang, href) and the texts of each run, joined into a span once at the end: a span
    # remade (pydantic's copy) and its text concatenated at every text token was quadratic in a
    # long paragraph's tokens, and a third of reading a source of megabytes
    runs: list[tuple[tuple[str, str | None, str | None], list[str]]] = []
    styles: list[tuple[str, str | None, str | None]] = []  # (style, lang, href) stack

    def current() -> tuple[str, str | None, str | None]:
        if not styles:  # (most text: no markup open)
            return "plain", None, None
        style = next((s for s, _, _ in reversed(styles) if s != "plain"), "plain")
        lang = next((lang for _, lang, _ in reversed(styles) if lang), None)
        href = next((href for _, _, href in reversed(styles) if href is not None), None)
        return style, lang, href

    def add(text: str) -> None:
        key = current()
        if runs and runs[-1][0] == key:
            runs[-1][1].append(text)
        elif text:
            runs.append((key, [text]))

    def last_char() -> str:
        return next((text[-1] for text in reversed(runs[-1][1]) if text), "") if runs else ""

    children = inline.children or []
    for k, child in enumerate(children):
        kind = child.type
        if kind in _TEXT:
            add(_without_scheme(child.content) if child.type == "text" and _in_mail_autolink(children, k) else child.content)
        elif kind in ("softbreak", "hardbreak"):
            before = last_char()
            # the next character of text, past any markup between ('*a*\n*b*' is 'a b')
            after = next((c.content[:1] for c in children[k + 1:] if c.type in _TEXT and c.content), "")
            add(line_join(before, after))
        elif kind == "em_open":
            styles.append(("em", None, None))
        elif kind == "strong_open":
            styles.append(("strong", None, None))
        elif kind == "span_open":
            classes = str(child.attrs.get("class", "")).split()
            lang = child.attrs.get("lang")
            styles.append(("aside" if "aside" in classes else "plain", str(lang) if lang else None, None))
        elif kind == "link_open":
            styles.append(("plain", None, str(child.attrs.get("href", ""))))
        elif kind in ("em_close", "strong_close", "span_close", "link_close"):
            if styles:
                styles.pop()

    return tuple(Span(text="".join(texts), style=style, lang=lang, href=href)  # type: ignore[arg-type]
                 for (style, lang, href), texts in runs)


def read_lines(inline: Token) -> list[tuple[tuple[Span, ...], int]]:
    """A paragraph's spans cut at its hard line breaks (a line ending in a backslash or two
    spaces: the lines of a verse), each with how many source lines after the paragraph's first
    it starts; a paragraph without one is one piece. Markup open across a break (`*a\\` ⏎ `b*`)
    ends with its line."""
    children = inline.children or []
    if not any(child.type == "hardbreak" for child in children):
        return [(read_spans(inline), 0)]  # (the usual paragraph: no copy of its token, a tenth of a 5 MB check)
    pieces: list[tuple[tuple[Span, ...], int]] = []
    start, offset, lines = 0, 0, 0
    for k, child in enumerate([*children, None]):
        if child is None or child.type == "hardbreak":
            part = inline.copy(children=children[start:k])
            pieces.append((read_spans(part), offset))
            start, offset = k + 1, lines + 1
        if child is not None and child.type in ("softbreak", "hardbreak"):
            lines += 1
    return pieces


def link_problem(href: str) -> str | None:
    """Why a link's address cannot be linked from every edition, or None."""
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in LINK_SCHEMES and (parts.netloc if scheme != "mailto" else "@" in parts.path):  # ('mailto:' alone: no one)
        return None
    # (the twelfth sweep) as the editor wrote it: markdown-it percent-encodes the Chinese of an address
    written = written_address(href)
    shown = written if len(written) <= 60 else written[:57] + "…"
    page = (" (another page of a notes app's export, Notion's or Obsidian's: its link does not reach the reader)"
            if not scheme and re.search(r"\.(?:md|html?)(?:#.*)?$", parts.path, re.I) else "")
    return (f"link to '{shown}'{page}: only whole web addresses (https://…, http://…) and mail addresses "
            f"(mailto:…) can be linked; write the whole address, or drop the link and keep its text")


_UTF8_ESCAPES = re.compile(r"(?:%[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f])+)+")


def written_address(href: str) -> str:
    """A link's address with the Chinese markdown-it percent-encoded decoded again ('另一页%20a.md')."""
    return _UTF8_ESCAPES.sub(lambda m: unquote(m[0]), href)
