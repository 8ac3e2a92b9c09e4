"""Model text as HTML, shared by every HTML-based edition (EPUB XHTML, WeasyPrint HTML).

Everything from the source is escaped here, so a `<script>` or `&` in a paragraph is shown
as text in every edition.

An edition that sets type (the print PDF spaces Latin from Han, the learner PDF puts pinyin
over every word) passes a `Typeset` function; it sees each run's raw text plus the characters
on either side across span boundaries, and must return escaped HTML. The default only escapes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from urllib.parse import unquote

from pipeline.model import Paragraph, Span

STYLE_TAGS = {"em": "em", "strong": "strong"}

# (text, character before the run or "", character after the run or "") -> escaped HTML
Typeset = Callable[[str, str, str], str]


def plain(text: str, before: str = "", after: str = "") -> str:
    """The default `Typeset`: the text, escaped."""
    return escape(text, quote=False)


def shown_address(href: str) -> str:
    """A link's address as a reader types it: as written (not percent-encoded), no `mailto:`."""
    shown = unquote(href)
    return shown[len("mailto:"):] if shown.lower().startswith("mailto:") else shown


def is_its_address(written: str, href: str) -> bool:
    """Is the link's text its address itself ('<https://…>')? Then paper prints nothing more. The
    text as typed may keep the address's %-escapes (`<https://…?q=is%3Aopen>`): read as a reader
    types it, it is the same address (before, paper printed it twice, escaped and not)."""
    return shown_address(written.strip()) == shown_address(href)


def linked(href: str | None, written: str, html: str) -> str:
    """`html` (the escaped form of `written`) as a link to `href` when there is one; a text that
    is the address itself is styled as an address (it may break anywhere)."""
    if href is None:
        return html
    css = ' class="url"' if is_its_address(written, href) else ""
    return f'<a{css} href="{attr(href)}">{html}</a>'


def addresses(paragraph: Paragraph) -> list[tuple[str, str]]:
    """(text, address as shown) of each link of the paragraph whose text is not its address, in
    order, once each: what paper, which cannot be clicked, prints after the paragraph."""
    return [(written, shown) for written, shown, _href in linked_addresses(paragraph)]


def linked_addresses(paragraph: Paragraph) -> list[tuple[str, str, str]]:
    """`addresses` with each one's href: a PDF links the printed address as well."""
    found: dict[tuple[str, str], str] = {}
    for href, group in _links(paragraph.spans):
        written = "".join(span.text for span in group)
        if href is not None and not is_its_address(written, href):
            found.setdefault((written.strip(), shown_address(href)), href)
    return [(written, shown, href) for (written, shown), href in found.items()]


# The words around a paragraph's link addresses on paper (opening, between two, closing): Chinese
# unless the title's language has its own (`link_note` in pdfbook.py, from interface-words.toml).
LINK_NOTE = ("（链接：", "；", "）")


def addresses_html(found: list[tuple[str, str]], typeset: Typeset = plain, note: Sequence[str] = LINK_NOTE) -> str:
    """The addresses after a paragraph on paper: （链接：馆方公告 https://…；…）; `note`: its
    opening, parting and closing words in the title's language (`link_open`… in interface-words.toml)."""
    items = note[1].join(f'{typeset(written)} <span class="url">{escape(address, quote=False)}</span>'
                         for written, address in found)
    return f'<span class="link-note">{typeset(note[0])}{items}{typeset(note[2])}</span>'


def _links(spans: tuple[Span, ...]) -> list[tuple[str | None, tuple[Span, ...]]]:
    """The spans in runs of one link (or of none): a link may hold several styled spans."""
    runs: list[tuple[str | None, tuple[Span, ...]]] = []
    for span in spans:
        if runs and span.href is not None and runs[-1][0] == span.href:
            runs[-1] = (span.href, runs[-1][1] + (span,))
        else:
            runs.append((span.href, (span,)))
    return runs


def lang_attrs(lang: str | None, xhtml: bool = True) -> str:
    """' lang="en" xml:lang="en"' (XHTML) or ' lang="en"' (HTML) for text in another language, else ''."""
    if not lang:
        return ""
    value = escape(lang)
    return f' lang="{value}" xml:lang="{value}"' if xhtml else f' lang="{value}"'


def span_html(span: Span, xhtml: bool = True, typeset: Typeset = plain, before: str = "", after: str = "") -> str:
    """One span, styled (a link's `<a>` is the paragraph's to write: a link may hold several spans)."""
    return _styled(span, xhtml, typeset(span.text, before, after))


def _styled(span: Span, xhtml: bool, text: str) -> str:
    if span.style in STYLE_TAGS:
        text = f"<{STYLE_TAGS[span.style]}>{text}</{STYLE_TAGS[span.style]}>"
    attrs = []
    if span.style == "aside":
        attrs.append('class="aside"')
    if span.lang:
        attrs.append(lang_attrs(span.lang, xhtml).strip())
    return f"<span {' '.join(attrs)}>{text}</span>" if attrs else text


def inline_html(paragraph: Paragraph, xhtml: bool = True, typeset: Typeset = plain, show_addresses: bool = False,
                link_note: Sequence[str] = LINK_NOTE) -> str:
    """The paragraph's content (no <p>), numbered points prefixed （n）, the spans of one link in
    one `<a>`; with `show_addresses` (paper) the links' addresses follow the paragraph's text,
    which stays whole."""
    spans = paragraph.spans
    parts = []
    index = 0
    for href, group in _links(spans):
        html = "".join(span_html(spans[k], xhtml, typeset, spans[k - 1].text[-1:] if k else "",
                                 spans[k + 1].text[:1] if k + 1 < len(spans) else "")
                       for k in range(index, index + len(group)))
        parts.append(linked(href, "".join(span.text for span in group), html))
        index += len(group)
    body = "".join(parts)
    if paragraph.marker:
        body = f'<span class="point-number">{typeset(paragraph.marker, "", spans[0].text[:1] if spans else "")}</span>{body}'
    if show_addresses and (found := addresses(paragraph)):
        body += addresses_html(found, typeset, link_note)
    return body


# a paragraph inside a list or quote inside another is indented one step a level ('depth-1' …,
# the stylesheets' rules; the reader refuses lists and quotes nested deeper, E212)
MAX_DEPTH = 5
# the classes of a paragraph's <p>, by what it is (every HTML edition's stylesheet styles them)
_BLOCK_CLASSES = (("point", lambda p: p.number is not None or p.bullet), ("quote", lambda p: p.quote),
                  ("subhead", lambda p: p.heading), ("line", lambda p: p.continued))


def block_class(paragraph: Paragraph) -> str:
    """` class="…"` for a paragraph's <p> (a point of a list, a block quote), or ""."""
    names = " ".join([name for name, applies in _BLOCK_CLASSES if applies(paragraph)]
                     + ([f"depth-{min(paragraph.depth, MAX_DEPTH)}"] if paragraph.depth else []))
    return f' class="{names}"' if names else ""


def text(value: str | None) -> str:
    return escape(value or "", quote=False)


def attr(value: str) -> str:
    return escape(value, quote=True)
