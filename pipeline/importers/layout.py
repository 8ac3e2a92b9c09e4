"""Structure from the copy's own layout: article, questions, answers, notes, references, credit.

The rules, in the order they are applied (each is documented in the README, "Importing copy"):

1. **House typography** on every block (full-width marks inside Chinese text), counted.
2. **Credit line**: among the last twelve and the first three blocks, one that starts with a credit
   keyword and is made of `keyword：value` clauses (`credit.py`).
3. **Speaker labels**: a short block ending in a colon (or wholly bold, in a page or Word file)
   whose text splits into role + name (+ handle) (`names.py`). When the copy has no such lines, `label：answer` at the start of a
   paragraph counts instead (at least two, all confidently split).
4. **End matter**, after the last answer: a references heading (参考资料 …) with the numbered
   items after it; bracketed paragraphs, `注：…` paragraphs and pseudonym notes become notes.
5. **Questions**: a block directly followed by a label, not itself the sole paragraph of an
   answer (so not right after a label), short and not ending like a sentence (。：，…), or marked
   as a heading by the format. The last chapter is the closing one when its heading has no
   question mark while most others have one.
6. **Article**: every block before the first question (or first label).
7. **Numbered points**: runs of paragraphs numbered (1)(2)… / 1. 2. … / ①② become list items;
   **asides**: a （…） opening an answer's sentence, followed by more text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.importers.credit import parse_credit
from pipeline.importers.draft import Answer, Chapter, Draft, Para
from pipeline.importers.formats import Block, Extracted
from pipeline.importers.house import find_asides, house_style, numbered_points, point_number
from pipeline.importers.names import LabelParser, Split
from pipeline.importers.people import build_people, key
from pipeline.importers.rules import Rules, rules
from pipeline.sourcetext import line_join, without_invisible

_INLINE = re.compile(r"^(?P<label>[^：:]{1,60}?)\s*[：:]\s*(?P<rest>\S.*)$")
_NOT_A_QUESTION_END = tuple("。．.：:；;，,、")
_TERMINATORS = re.compile(r"[。！？!?]")
_BRACKETED = re.compile(r"^[（(].*[）)]$")
_YAML_BREAKS = re.compile("[\u2028\u2029\n]")  # line ends to YAML (and those `without_invisible` made of them): the title is one line
_QUESTION_MARKS = ("？", "?")
_TRAD_ONLY = set("這們個來說為會時對後國學們開關問題還應經過發現與當從進種實動點頭")
_SIMP_ONLY = set("这们个来说为会时对后国学开关问题还应经过发现与当从进种实动点头")


@dataclass
class _Label:
    split: Split
    text: str  # the label as the copy wrote it (without the colon)
    rest: str | None = None  # the answer's first paragraph, when written on the label's line


def infer(extracted: Extracted, parser: LabelParser | None = None) -> Draft:
    table = rules()
    parser = parser or LabelParser(table)
    title = _one_line(without_invisible(extracted.title)[0]) if extracted.title else None
    draft = Draft(kind=extracted.kind, title=title or None, title_from=extracted.title_from,
                  date=extracted.date, date_from=extracted.date_from)
    draft.stats.notes += extracted.notes
    draft.links = list(extracted.links)
    blocks = _house(extracted.blocks, draft)
    blocks, draft.credit = _take_credit(blocks, table)
    draft.language = _language("".join(b.text for b in blocks))
    labels = _labels(blocks, parser, table)
    last_label = max(labels, default=-1)
    tail = _end_matter(blocks, last_label, table, draft)
    body = blocks[:tail]
    headings = {i for i in range(len(body)) if _is_question(body, i, labels, table)}
    starts = sorted(headings | {i for i in labels if i < tail})
    first = starts[0] if starts else len(body)
    draft.article = numbered_points([Para(b.text, b.item) for b in body[:first]])
    pairs = _chapters(body, first, headings, labels, draft)
    _closing(draft)
    build_people(draft, [(answer, label.text, label.split) for answer, label in pairs], table)
    return draft


def _one_line(text: str) -> str:
    """A title broken by U+2028/U+2029 (line ends to YAML) joined as the reader joins lines."""
    parts = [part.strip() for part in _YAML_BREAKS.split(text) if part.strip()]
    return "".join(part if not k else line_join(parts[k - 1], part) + part for k, part in enumerate(parts))


def _house(blocks: list[Block], draft: Draft) -> list[Block]:
    out, hidden = [], 0
    for block in blocks:
        visible, removed = without_invisible(block.text)  # (the reader refuses them: E219)
        hidden += removed
        text, marks, spaces = house_style(visible)
        draft.stats.punctuation_fixed += marks
        draft.stats.spaces_removed += spaces
        if text.strip():
            out.append(replace(block, text=text.strip()))
    if hidden:
        draft.stats.notes.append(f"{hidden} invisible character(s) removed (control characters, byte-order marks, "
                                 "bidirectional overrides: left by a paste or a conversion)")
    return out


def _take_credit(blocks: list[Block], table: Rules):
    """The credit line: searched from the end (it may stand before the references or a picture
    credit) and among the first paragraphs (a byline)."""
    n = len(blocks)
    for i in [*range(n - 1, max(n - 13, -1), -1), *range(min(3, n))]:
        credit = parse_credit(blocks[i].text, table)
        if credit is not None:
            return blocks[:i] + blocks[i + 1 :], credit
    return blocks, None


def _labels(blocks: list[Block], parser: LabelParser, table: Rules) -> dict[int, _Label]:
    """Label lines by block index: standalone `label：` lines; `label：answer` paragraphs when the
    copy has no standalone labels (or when they name a speaker already labelled)."""
    found: dict[int, _Label] = {}
    for i, block in enumerate(blocks):
        text = block.text
        # a label line ends with a colon; set in bold (web pages, Word) it may go without
        if (text.endswith(("：", ":")) or block.strong) and _bare(text) not in table.reference_headings:
            split = parser.parse(text)
            if split is not None:
                found[i] = _Label(split, text.rstrip("：:").strip())
    known = {key(lab.split.name) for lab in found.values()}
    inline: dict[int, _Label] = {}
    for i, block in enumerate(blocks):
        if i in found or block.heading or _numbered(block) or not (match := _INLINE.match(block.text)):
            continue
        if len(match["label"]) > table.label_max:
            continue
        split = parser.parse(match["label"])
        if split is None:
            continue
        if (not found and split.doubt is None) or key(split.name) in known:
            inline[i] = _Label(split, match["label"].strip(), match["rest"].strip())
    if found or len(inline) >= 2:
        found.update(inline)
    _lenient_labels(blocks, found, parser, table)
    return found


def _lenient_labels(blocks: list[Block], found: dict[int, _Label], parser: LabelParser, table: Rules) -> None:
    """Inside the Q&A, a short line ending in a colon between answers is a label even when its
    name is hard to split (a surname no table knows): a guess, marked for a look, rather than
    the answer that follows being given to the previous speaker."""
    if len(found) < 2:
        return
    first, last = min(found), max(found)
    for i in range(first + 1, last):
        text = blocks[i].text
        if i in found or i - 1 in found or i + 1 in found or not text.endswith(("：", ":")):
            continue
        if len(text) > table.label_max or _bare(text) in table.reference_headings or _numbered(blocks[i]):
            continue
        split = parser.parse(text, lenient=True)
        if split is not None:
            found[i] = _Label(split, text.rstrip("：:").strip())


def _end_matter(blocks: list[Block], last_label: int, table: Rules, draft: Draft) -> int:
    """Index where the end matter (notes, references) starts; fills draft.notes/references."""
    n = len(blocks)
    floor = last_label + 2 if last_label >= 0 else 0  # the last answer keeps one paragraph
    heading = None
    for i in range(n - 1, floor - 1, -1):
        if _bare(blocks[i].text) in table.reference_headings and i + 1 < n and _numbered(blocks[i + 1]):
            heading = i
            break
    start = n
    after: list[str] = []
    if heading is not None:
        j = heading + 1
        while j < n and _numbered(blocks[j]):
            draft.references.append(point_number(blocks[j].text)[1] if blocks[j].item is None else blocks[j].text)
            j += 1
        draft.references_title = _bare(blocks[heading].text)
        after = [b.text for b in blocks[j:]]  # whatever follows the list is kept, as notes
        start = heading
    notes = []
    while start - 1 >= floor and _is_note(blocks[start - 1], table):
        start -= 1
        notes.insert(0, blocks[start].text)
    draft.notes, draft.notes_after = notes, after
    return start


def _is_question(body: list[Block], i: int, labels: dict[int, _Label], table: Rules) -> bool:
    if i in labels or i + 1 >= len(body) or i + 1 not in labels:
        return False
    if i - 1 in labels and labels[i - 1].rest is None:
        return False  # the only paragraph of the answer before it
    block = body[i]
    if block.heading:
        return True
    text = block.text
    if len(text) > table.question_max or text.endswith(_NOT_A_QUESTION_END):
        return False
    if _TERMINATORS.search(text[:-1]):
        return False
    number, _rest = point_number(text)
    return number is None or text.endswith(_QUESTION_MARKS)


def _chapters(body: list[Block], first: int, headings: set[int], labels: dict[int, _Label],
              draft: Draft) -> list[tuple[Answer, _Label]]:
    pairs: list[tuple[Answer, _Label]] = []
    chapter: Chapter | None = None
    answer: Answer | None = None
    for i in range(first, len(body)):
        block = body[i]
        if i in headings:
            chapter = Chapter(title=block.text)
            draft.chapters.append(chapter)
            answer = None
        elif i in labels:
            if chapter is None:
                chapter = Chapter(title="TODO: 问题（原稿此处没有问题）", placeholder=True)
                draft.chapters.append(chapter)
            label = labels[i]
            answer = Answer(person=-1, role=label.split.role, label=label.text)
            if label.rest:
                answer.paragraphs.append(Para(label.rest))
            chapter.answers.append(answer)
            pairs.append((answer, label))
        elif answer is not None:
            answer.paragraphs.append(Para(block.text, block.item))
        else:
            draft.article.append(Para(block.text, block.item))  # cannot happen: a heading precedes a label
    for a in draft.answers:
        a.paragraphs = numbered_points(a.paragraphs)
        for p in a.paragraphs:
            p.asides = find_asides(p.text)
    return pairs


def _closing(draft: Draft) -> None:
    if len(draft.chapters) < 2:
        return
    last, others = draft.chapters[-1], draft.chapters[:-1]
    asked = sum(c.title.endswith(_QUESTION_MARKS) for c in others)
    if not last.title.endswith(_QUESTION_MARKS) and not last.placeholder and asked * 2 >= len(others):
        last.closing = True


def _numbered(block: Block) -> bool:
    return block.item is not None or point_number(block.text)[0] is not None


def _is_note(block: Block, table: Rules) -> bool:
    text = block.text
    return bool(_BRACKETED.match(text)) or text.startswith(table.note_prefixes) or (
        len(text) <= 120 and any(w in text for w in table.pseudonym_words)) or (
        len(text) <= 80 and text.lstrip("-—– ").startswith(table.trailers))


def _bare(text: str) -> str:
    return text.strip().rstrip("：:").strip()




def _language(text: str) -> str:
    """zh-Hant when characters only Traditional Chinese uses outnumber their Simplified forms."""
    traditional = sum(c in _TRAD_ONLY for c in text)
    simplified = sum(c in _SIMP_ONLY for c in text)
    return "zh-Hant" if traditional > simplified else "zh-Hans"
