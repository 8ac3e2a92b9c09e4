"""Text-level rules applied while importing: house typography, numbered points, asides.

Typography is the project's own pass (`pipeline.passes.typography`), applied to the copy once so
that the editor's file is clean (and counted, so the summary can say what changed). On top of it
the importer removes the spaces copy often carries next to full-width marks (`凤凰网 （ID`), which
the house style never sets.
"""

from __future__ import annotations

import re

from pipeline.importers.draft import Para
from pipeline.importers.extracted import Block
from pipeline.passes.typography import fix_text, half_width_marks

_FULL_WIDTH_MARKS = "，。、；：？！（）“”‘’《》「」『』【】"
_SPACE_NEAR_MARK = re.compile(rf"[ \t]+(?=[{_FULL_WIDTH_MARKS}])|(?<=[{_FULL_WIDTH_MARKS}])[ \t]+")
# Characters spaced out one by one (`刚 交 完 班`, three or more: a paste from a PDF or a phone) are
# set close; a space between words (`张三 李四`, a byline's names) is the copy's.
_SPACED_OUT = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff](?:[ \u00a0\u3000][\u3400-\u9fff](?![\u3400-\u9fff])){2,}")
_NUMBER = re.compile(r"^(?:[（(](\d{1,2})[）)]|(\d{1,2})[.、．](?!\d)|([①-⑳]))\s*")
_SENTENCE_END = "。！？!?…；;"
_ASIDE = re.compile(r"（[^（）]{1,40}）")
_STAGE_BRACKETS = re.compile(r"[\[【［〔]\s*([^\[\]【】［］〔〕\s]{1,6})\s*[\]】］〕]")


def house_style(text: str) -> tuple[str, int, int]:
    """The text in house typography, with the number of marks made full-width and of spaces
    removed beside full-width marks or between Chinese characters spaced out one by one."""
    marks = 0
    text, directions = _STAGE_BRACKETS.subn(_stage_direction, text)
    marks += directions
    spaces = sum(len(m[0]) // 2 for m in _SPACED_OUT.finditer(text))
    text = _SPACED_OUT.sub(lambda m: re.sub(r"[ \u00a0\u3000]", "", m[0]), text)
    for _ in range(4):  # a fix can make its neighbour Chinese: 网 (ID)， → 网（ID）
        found = sum(1 for _ in half_width_marks(text))
        gaps = len(_SPACE_NEAR_MARK.findall(text))
        if not found and not gaps:
            break
        marks, spaces = marks + found, spaces + gaps
        text = _SPACE_NEAR_MARK.sub("", fix_text(text))
    return text, marks, spaces


def _stage_direction(match: re.Match[str]) -> str:
    """A transcript's stage direction in square brackets (`[掌声]`, `【笑】`, `［停顿］`) in the round ones the
    house sets it in, so that it is read as an aside like `（掌声）` (before: `[掌声]` stayed the speaker's words,
    escaped, and the audio read it in their voice); any other bracket as the copy wrote it."""
    from pipeline.importers.rules import rules

    return f"（{match[1]}）" if match[1] in rules().stage_directions else match[0]


def point_number(text: str) -> tuple[int | None, str]:
    """The number of a numbered point (`(1)…`, `（1）…`, `1.…`, `1、…`, `①…`) and the text after it."""
    number, rest, _style = _point(text)
    return number, rest


def _point(text: str) -> tuple[int | None, str, str]:
    match = _NUMBER.match(text)
    if not match or not text[match.end() :].strip():
        return None, text, ""
    if match[3]:
        return ord(match[3]) - ord("①") + 1, text[match.end() :], "circled"
    if match[1]:
        return int(match[1]), text[match.end() :], "bracket"
    return int(match[2]), text[match.end() :], text[len(match[2])]


def numbered_points(paras: list[Para]) -> list[Para]:
    """Runs of two or more paragraphs numbered 1, 2, 3 … (or n, n+1 …) in one style become list
    items; a lone number, numbers out of order or styles mixed stay text as the copy wrote them."""
    parsed = [_point(p.text) if p.number is None else (p.number, p.text, "list") for p in paras]
    out = list(paras)
    i = 0
    while i < len(paras):
        number = parsed[i][0]
        if number is None:
            i += 1
            continue
        j = i + 1
        while j < len(paras) and parsed[j][0] == parsed[j - 1][0] + 1 and parsed[j][2] == parsed[i][2]:
            j += 1
        if j - i >= 2 or paras[i].number is not None:
            for k in range(i, j):
                out[k] = Para(parsed[k][1], parsed[k][0], paras[k].asides, paras[k].line)
        i = j
    return out


def find_asides(text: str) -> list[tuple[int, int]]:
    """Bracketed editorial asides in an answer: a （…） that opens the paragraph or a sentence
    and is followed by more of it — “（2月14日）AI还是…”, “。（笑）…” — or a stage direction of
    rules.toml after a sentence (“…一下午。（掌声）”). A bracket inside a sentence (a gloss:
    “AGI（通用人工智能）”) or another closing the paragraph is the speaker's own text."""
    from pipeline.importers.rules import rules

    directions = rules().stage_directions
    found = []
    for match in _ASIDE.finditer(text):
        start, end = match.span()
        before = text[:start].rstrip()
        # (a transcript's stage direction, `（掌声）`, `（众笑）`, after a sentence is an aside even where it
        # closes the paragraph: before, it was printed as the speaker's words and read in their voice;
        # inside a sentence, `又仔细看了下（笑）。`, it stays the speaker's text, as any bracket there)
        opens = not before or before[-1] in _SENTENCE_END
        if opens and (text[end:].strip() or match[0][1:-1].strip() in directions):
            found.append((start, end))
    return found


_PULL_QUOTE = re.compile(r"^[“「『\"‘]?(?P<inner>.+?)[”」』\"’]?\s*(?:(?:——|—|－－|--)\s*[^，。！？“”]{1,12})?$")
_PULL_QUOTE_MIN = 10  # characters: a shorter line (`谢谢。`, `是的。`) may well be said twice


def pull_quotes(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """A page's or a WeChat post's pull quote, a sentence of the copy set again apart in large type
    (`“信送到了，我心里就踏实了。”`, perhaps `——荀小平` after it), is the copy's once: a paragraph that is
    only words another, longer paragraph holds is left out (before: every edition printed it twice,
    the first time as the article's, out of its place). The kept blocks and the texts left out."""
    plain = [re.sub(r"\s+", "", b.text) for b in blocks]
    kept, dropped = [], []
    for i, block in enumerate(blocks):
        match = _PULL_QUOTE.match(plain[i])
        inner = match["inner"].strip("“”「」『』\"‘’") if match else ""
        marked = inner != plain[i]  # (in quotes, or signed: an unmarked line must be long, and no question)
        if (marked or len(inner) >= 2 * _PULL_QUOTE_MIN and not inner.endswith(("？", "?"))) and len(
                inner) >= _PULL_QUOTE_MIN and not block.heading and any(
                k != i and len(other) > len(plain[i]) and inner in other for k, other in enumerate(plain)):
            dropped.append(block.text)
            continue
        kept.append(block)
    return kept, dropped
