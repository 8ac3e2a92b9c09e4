"""Model text as HTML, shared by every HTML-based edition (EPUB XHTML, WeasyPrint HTML).

Everything from the source is escaped here, so a `<script>` or `&` in a paragraph is shown
as text in every edition.
"""

from __future__ import annotations

from html import escape

from pipeline.model import Paragraph, Span

STYLE_TAGS = {"em": "em", "strong": "strong"}


def span_html(span: Span, xhtml: bool = True) -> str:
    text = escape(span.text, quote=False)
    if span.style in STYLE_TAGS:
        text = f"<{STYLE_TAGS[span.style]}>{text}</{STYLE_TAGS[span.style]}>"
    attrs = []
    if span.style == "aside":
        attrs.append('class="aside"')
    if span.lang:
        lang = escape(span.lang)
        attrs.append(f'lang="{lang}" xml:lang="{lang}"' if xhtml else f'lang="{lang}"')
    return f"<span {' '.join(attrs)}>{text}</span>" if attrs else text


def inline_html(paragraph: Paragraph, xhtml: bool = True) -> str:
    """The paragraph's content (no <p>), numbered points prefixed （n）."""
    body = "".join(span_html(span, xhtml) for span in paragraph.spans)
    if paragraph.number is not None:
        body = f'<span class="point-number">（{paragraph.number}）</span>{body}'
    return body


def text(value: str | None) -> str:
    return escape(value or "", quote=False)


def attr(value: str) -> str:
    return escape(value, quote=True)
