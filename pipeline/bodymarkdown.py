"""The Markdown of the body as the format reads it: markdown-it set up for it, the blocks the
editions have no place for, and how deep lists and quotes may nest.

Apart from the walk in `pipeline.bodyreader` because this is what CommonMark (and markdown-it's
limits) decide, not what the format decides: one place to look when markdown-it changes.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from pipeline.othertools import code_fence

# Markdown blocks the editions have no place for: each is an error, never text (markdown-it is
# told to see '|' tables, whose rows it would otherwise run together into one paragraph). HTML
# is not among them: with `html` off it is text, shown as written (`test_html_in_source_stays_text`).
UNSUPPORTED = {
    "fence": "fenced code", "code_block": "indented code: a line that starts with a tab or four spaces; delete the indentation",
    "table_open": "table",
}


def unsupported(token: Token) -> str:
    """E212's words for a block no edition prints: a code fence named for the tool it came from."""
    return (token.type == "fence" and code_fence(token.info)) or UNSUPPORTED[token.type]


# '***', '---' or '___' alone between paragraphs: a section break, left out of every edition (the
# format has none), which `publish check` says (W416) rather than leaving it out without a word.
RULE = "hr"
# Lists and quotes inside one another, at most this deep: the editions print every item flat, and
# markdown-it stops reading at its nesting limit (20 token levels), dropping the rest of the answer
# without a word (an answer of 20 '>' read as empty, E203; a list 10 deep lost the text after it).
MAX_NESTING = 6
TOO_DEEP = (f"lists or quotes nested more than {MAX_NESTING} deep: the editions print them flat, "
            "and past about ten levels the text is lost; write them as paragraphs or one list")
_CONTAINERS = ("bullet_list_open", "ordered_list_open", "blockquote_open")


@functools.cache
def _markdown() -> MarkdownIt:
    """Markdown inside one piece of the body; the `:::` blocks are found by `pipeline.fences`.
    Made once (the eleventh sweep): a parser was built for every piece, an answer or a run of the
    article, a third of reading a source; `parse` keeps its state per call, not in the parser."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")  # (tables: to report them)
    # A line like '[^1]: 脚注。' or '[1]: http://…' is a link reference definition to CommonMark,
    # which prints nothing: the format has no links, so it stays text, as written.
    md.disable("reference")
    # Every link is read as one, so that the reader, not markdown-it, refuses an address (E223):
    # markdown-it's own check left '[公告](javascript:…)' as text, brackets and all.
    md.validateLink = lambda url: True
    md.use(attrs_plugin, spans=True)
    return md


def parse_lines(lines: list[str], start: int, end: int) -> list[Token]:
    """Tokens of `lines[start:end]`, their maps counted in `lines` (not in the slice)."""
    tokens = _markdown().parse("\n".join(lines[start:end]))
    for token in tokens:
        if token.map:
            token.map = [token.map[0] + start, token.map[1] + start]
    return tokens


def nested_too_deep(tokens: list[Token]) -> Token | None:
    """The first list or quote nested past MAX_NESTING (its text, or what follows it, may be
    lost: E212), or None."""
    depth = 0
    for token in tokens:
        if token.type in _CONTAINERS:
            depth += 1
            if depth > MAX_NESTING:
                return token
        elif token.type.replace("_close", "_open") in _CONTAINERS:
            depth -= 1
    return None


def skip_block(tokens: list[Token], i: int) -> int:
    """Index after the block that opens at `i` (nesting-aware)."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth <= 0:
            return j + 1
    return len(tokens)
