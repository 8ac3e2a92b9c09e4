"""Model text as HTML, shared by every HTML-based edition (EPUB XHTML, WeasyPrint HTML).

Everything from the source is escaped here, so a `<script>` or `&` in a paragraph is shown
as text in every edition.

An edition that sets type (the print PDF spaces Latin from Han, the learner PDF puts pinyin
over every word) passes a `Typeset` function; it sees each run's raw text plus the characters
on either side across span boundaries, and must return escaped HTML. The default only escapes.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from pipeline.model import Paragraph, Span

STYLE_TAGS = {"em": "em", "strong": "strong"}

# (text, character before the run or "", character after the run or "") -> escaped HTML
Typeset = Callable[[str, str, str], str]


def plain(text: str, before: str = "", after: str = "") -> str:
    """The default `Typeset`: the text, escaped."""
    return escape(text, quote=False)


def span_html(span: Span, xhtml: bool = True, typeset: Typeset = plain, before: str = "", after: str = "") -> str:
    text = typeset(span.text, before, after)
    if span.style in STYLE_TAGS:
        text = f"<{STYLE_TAGS[span.style]}>{text}</{STYLE_TAGS[span.style]}>"
    attrs = []
    if span.style == "aside":
        attrs.append('class="aside"')
    if span.lang:
        lang = escape(span.lang)
        attrs.append(f'lang="{lang}" xml:lang="{lang}"' if xhtml else f'lang="{lang}"')
    return f"<span {' '.join(attrs)}>{text}</span>" if attrs else text


def inline_html(paragraph: Paragraph, xhtml: bool = True, typeset: Typeset = plain) -> str:
    """The paragraph's content (no <p>), numbered points prefixed （n）."""
    spans = paragraph.spans
    parts = []
    for index, span in enumerate(spans):
        before = spans[index - 1].text[-1:] if index else ""
        after = spans[index + 1].text[:1] if index + 1 < len(spans) else ""
        parts.append(span_html(span, xhtml, typeset, before, after))
    body = "".join(parts)
    if paragraph.number is not None:
        body = f'<span class="point-number">{typeset(f"（{paragraph.number}）", "", spans[0].text[:1] if spans else "")}</span>{body}'
    return body


def text(value: str | None) -> str:
    return escape(value or "", quote=False)


def attr(value: str) -> str:
    return escape(value, quote=True)
