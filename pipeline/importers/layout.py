"""Structure from the copy's own layout: article, questions, answers, notes, references, credit.

The rules, in the order they are applied (each is documented in the README, "Importing copy"):

1. **House typography** on every block (full-width marks inside Chinese text), counted.
2. **Credit**: the credit line among the last twelve blocks, the credit lines beside it and the
   bylines among the first four (`文｜张三`, `记者 李四 王五`, `By Jane Doe`), made one (`credit.py`);
   picture credits and captions are dropped with the page furniture.
3. **Speaker labels**: a short block ending in a colon (or wholly bold, in a page or Word file)
   whose text splits into role + name (+ handle) (`names.py`). When the copy has no such lines, `label：answer` at the start of a
   paragraph counts instead (when two split with confidence). Turns (`问：`, `记者：`, `答：`),
   names alone on a line, and lines that are sentences ending in a colon: see docs/import.md.
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
from dataclasses import replace

from pipeline.importers.credit import merge_credits, parse_credit
from pipeline.importers.datelines import date_of, only_date, without_dates
from pipeline.importers.draft import Answer, Chapter, Credit, Draft, Para
from pipeline.importers.formats import Block, Extracted, strip_links
from pipeline.importers.introduction import (declared_short_labels, guest_list, headline, joined_role_names,
                                             named_interviewee, narration, plain_questions)
from pipeline.importers.house import find_asides, house_style, numbered_points, point_number, pull_quotes
from pipeline.importers.labels import (INTERVIEWEE, Label, bare, bracketed_labels, find_labels, interviewee,
                                       interviewer_turns, lines_of, name_lines, numbered, unread_labels)
from pipeline.importers.questioners import questioner_turns
from pipeline.importers.names import LabelParser, Split, without_decoration
from pipeline.importers.people import build_people, find_aliases, key
from pipeline.importers.rules import Rules, rules
from pipeline.sourcetext import line_join, without_invisible

EMPTY_ANSWER = "TODO: 回答（原稿此处没有回答）"  # an error (E127) until the editor writes or deletes it
_SECTION_NUMBER = re.compile(r"^[\s/|｜·•.\-—–_]*(?:PART|Part|part|NO\.?|No\.?|第)?[\s.]*[0-9０-９]{1,2}[\s/|｜·•.\-—–_部分章节]*$")
_NOT_A_QUESTION_END = tuple("。．.：:；;，,、")
_TERMINATORS = re.compile(r"[。！？!?]")
_SENTENCE_MARKS = re.compile(r"[。！？!?，,；;：:、“”「」…]")  # (a name line of a transcript has none)
_STATEMENT_ENDS = re.compile(r"[。！!]|\.(?:\s|$)")
_BRACKETED = re.compile(r"^[（(].*[）)]$")
_YAML_BREAKS = re.compile("[\u2028\u2029\n]")  # line ends to YAML (and those `without_invisible` made of them): the title is one line
_QUESTION_MARKS = ("？", "?")
_BYLINE_BLOCKS = 4  # bylines stand among the first paragraphs (after a title line, a date)
_TRAD_ONLY = set("這們個來說為會時對後國學們開關問題還應經過發現與當從進種實動點頭")
_SIMP_ONLY = set("这们个来说为会时对后国学开关问题还应经过发现与当从进种实动点头")


def infer(extracted: Extracted, parser: LabelParser | None = None) -> Draft:
    table = rules()
    parser = parser or LabelParser(table)
    title = _one_line(without_invisible(extracted.title)[0]) if extracted.title else None
    draft = Draft(kind=extracted.kind, title=title or None, title_from=extracted.title_from,
                  date=extracted.date, date_from=extracted.date_from)
    draft.stats.notes += extracted.notes
    draft.links = list(extracted.links)
    blocks, draft.credit = _take_credit(_time_codes(_house(extracted.blocks, draft), table, draft), table, draft)
    blocks, repeated = pull_quotes(_furniture(blocks, table, draft))
    draft.stats.notes += [f"left out a pull quote, a sentence the copy sets again apart ({text})" for text in repeated]
    draft.language = _language("".join(b.text for b in blocks))
    # (labels in brackets first: `【冀晓岚】…` is then the bare label an introduction's role reads, `请到了鸟类研究者冀晓岚`)
    blocks = declared_short_labels(bracketed_labels(blocks, parser, table), parser, table, draft)
    blocks, asked = interviewer_turns(blocks, table)
    aliases = find_aliases([b.text for b in blocks], table)
    labels = find_labels(blocks, parser, table, asked, aliases)
    name_lines(blocks, labels, parser, asked, draft)
    closers: set[int] = set()
    asked |= questioner_turns(blocks, labels, asked, table, closers, tuple(draft.credit.authors) if draft.credit else ())
    if not asked and not labels:  # (`1. 为什么一直开夜班？` then its answer, under `…和他聊了聊`)
        asked = plain_questions(blocks, parser, table, draft)
    interviewee(labels)
    last_label = max(labels, default=-1)
    # the last answer keeps one paragraph: the one after its label, or the label's own line
    floor = last_label + (1 if last_label >= 0 and labels[last_label].rest else 2) if last_label >= 0 else 0
    tail = _end_matter(blocks, floor, table, draft, asked, closers)
    body = blocks[:tail]
    headings = {i for i in range(len(body)) if i in asked or _is_question(body, i, labels, table, parser)}
    if headings == {0} and 0 not in asked and extracted.kind == "plain text" and not body[0].text.endswith(_QUESTION_MARKS):
        headings = set()  # (a panel's or a transcript's headline over its first turn, `社区食堂座谈记录`, asks nothing)
    starts = sorted(headings | {i for i in labels if i < tail})
    first = starts[0] if starts else len(body)
    draft.article = numbered_points([Para(b.text, b.item) for b in body[:first] if b.text])  # (a host's label line: empty)
    draft.stats.spaces_removed += joined_role_names(draft.article, parser)
    if draft.title is None and extracted.kind == "plain text":
        headline(draft, table, qa=first < len(body))
    pairs = _chapters(body, first, headings, labels, draft, asked)
    named_interviewee([p.text for p in draft.article] + draft.notes, [label for _answer, label in pairs], parser, table)
    _closing(draft)
    build_people(draft, [(answer, label.text, label.split) for answer, label in pairs], table, aliases)
    narration(draft, table)
    unread_labels(draft, table)
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


def _time_codes(blocks: list[Block], table: Rules, draft: Draft) -> list[Block]:
    """A transcript's time codes (`[00:12:34] 张三：…`, `张三 [00:12:34]：…`, `张三 00:12` on its own
    line, a code alone): the recording's, not the text's. Where two or more paragraphs carry one
    as a recording does (beside a label, in brackets, or with seconds), each code is taken out (a
    label keeps its colon) and the count listed in the summary; a time inside a sentence (`十点
    10:30 开门`) or a timeline's (`08:30 记者来到现场。`) stays. Before: `[00:01:05] 主持人林一：…` was read as text and the
    whole interview stayed in the article."""
    code = table.time_code.pattern
    day = rf"(?:(?:{table.time_code_day.pattern})\s*)?"  # (beside a sender's name: `宓晴 2024/3/8 21:02`)
    label = rf"(?P<label>[^\s：:，。！？,!?\[【(（\d][^：:，。！？,!?]{{0,{table.label_max}}}?)"
    forms = (re.compile(rf"^(?:{code})\s*(?P<rest>.*)$"),  # (a code first, or alone)
             # (a label's code before its colon; not a code's own `:05`: `发言人 1  00:00:05` on its line)
             re.compile(rf"^{label}\s*{day}(?:{code})\s*[：:](?!\d)\s*(?P<rest>.*)$"),
             re.compile(rf"^{label}\s+{day}(?:{code})\s*$"))  # (a label and its code alone on a line)
    found = [next((m for form in forms if (m := form.match(b.text))), None) for b in blocks]
    # a recording's codes: one beside a label, in brackets or with seconds; a timeline's bare
    # `08:30 记者来到现场。` paragraphs keep their times (they are the text's)
    said = re.compile(rf"^[^\s：:，。！？,!?]{{1,{table.label_max}}}[：:]")
    # … or a code before a speaker's name alone on its line, their words in the paragraph after, the name coming
    # back (`00:03 邝秀梅`, a meeting app's minutes: before, the codes stayed and the whole transcript was the
    # article's; a programme's `09:00 开幕式` over its description names each item once, and keeps its times)
    named = [m is not None and not m.groupdict().get("label") and 0 < len(rest := m.groupdict().get("rest") or "")
             <= table.label_max and not _SENTENCE_MARKS.search(rest) and k + 1 < len(found) and found[k + 1] is None
             for k, m in enumerate(found)]
    names = [m.groupdict().get("rest") for k, m in enumerate(found) if named[k]]
    named = [n and names.count(found[k].groupdict().get("rest")) >= 2 for k, n in enumerate(named)]
    recorded = [m for k, m in enumerate(found) if m is not None and (
        m.groupdict().get("label") or re.search(r"[\[【(（]|:\d\d:", m[0]) or said.match(m["rest"] or "") or named[k])]
    if len(recorded) < 2:
        return blocks
    out = []
    for block, match, name in zip(blocks, found, named):
        if match is None:
            out.append(block)
            continue
        groups = match.groupdict()
        text = f"{groups['label'].strip()}：{groups.get('rest') or ''}" if groups.get("label") else groups["rest"]
        text = f"{text.strip()}：" if name else text  # (the code said the name labels the words after it)
        if text.strip():
            out.append(replace(block, text=text.strip()))
    draft.stats.notes.append(f"{sum(m is not None for m in found)} time code(s) of a transcript taken out "
                             f"(the recording's, not the text's)")
    return out


def _furniture(blocks: list[Block], table: Rules, draft: Draft) -> list[Block]:
    """Short paragraphs calling the reader to scan, follow, share or download (not a sentence
    ending in 。: `很多老人不会下载APP。` is the article's), a list of other
    articles or comments under its heading (相关新闻、推荐阅读 …), lines of ornament alone (▼, ———)
    and section numbers alone (01, / 02 /, PART 3), left by a paste or a page extractor, are
    dropped and listed in the summary."""
    out = []
    related = {key(w) for w in table.related}
    contents = {key(w) for w in table.contents}
    comments = {key(w) for w in table.comments}
    in_list = False
    entries: set[str] | None = None  # a table of contents' entries so far (None: not in one)
    for at, block in enumerate(blocks):
        text = block.text
        if out and key(bare(text)) in comments and all(len(b.text) <= table.comment_max for b in blocks[at + 1:]):
            # (the readers' comments under the copy: the heading and every comment after it)
            shown = "、".join(f"“{strip_links(b.text)[:24]}”" for b in blocks[at:])
            draft.stats.notes.append(f"dropped the page's comments, from their heading on ({shown})")
            break
        heading = key(bare(text)) in related or key(bare(text)) in contents
        # (a bracketed line, a note or a pseudonym note after the list is the text's again: before,
        # `（文中患者均为化名）` after a 推荐阅读 list was dropped with it; and a table of contents'
        # entry standing again is the section's own heading)
        listed = in_list and len(text) <= table.related_item_max and not _TERMINATORS.search(text) and not (
            _is_note(block, table)) and (entries is None or key(text) not in entries)
        entries = set() if key(bare(text)) in contents else entries if listed else None
        if listed and entries is not None:
            entries.add(key(text))
        ornament = not without_decoration(text) or bool(_SECTION_NUMBER.match(text))
        call = len(text) <= table.furniture_max and not text.endswith("。") and any(w in text for w in table.furniture)
        if not (heading or listed or ornament or call) and _picture(text, table):
            where = f"copy line {block.line}: " if block.line else ""
            draft.stats.notes.append(f"dropped a picture's credit or caption ({where}“{strip_links(text)}”)")
            in_list = False
        elif heading or listed or ornament or call:
            where = f"copy line {block.line}: " if block.line else ""
            draft.stats.notes.append(f"dropped as page furniture ({where}“{strip_links(text)}”)")
            in_list = heading or listed
        else:
            out.append(block)
            in_list = False
    return out


def _take_credit(blocks: list[Block], table: Rules, draft: Draft):
    """The credit: the credit line searched from the end (it may stand before the references),
    the credit lines beside it (`作者：…` and `编辑：…` on lines of their own), and the bylines among
    the first paragraphs (`文｜张三`, `记者 李四 王五`, `By Jane Doe`, a page's date and time with
    `来源：某某日报`), made one credit: their authors, editor and outlet fill the front matter, and
    none of them stays in the body (before: a second byline stayed in the text, or went into the
    last answer under its speaker's name)."""
    n = len(blocks)
    credits: dict[int, Credit] = {}
    for i in range(n - 1, max(n - 13, -1), -1):
        if (credit := _credit_of(blocks[i], table)) is not None:
            credits[i] = credit
            for step in (-1, 1):  # the credit lines next to it
                j = i + step
                while 0 <= j < n and not _picture(blocks[j].text, table) and (
                        beside := _credit_of(blocks[j], table, beside=True)) is not None:
                    credits[j] = beside
                    j += step
            break
    for i in range(min(_BYLINE_BLOCKS, n)):
        if i not in credits and (credit := _credit_of(blocks[i], table)) is not None:
            credits[i] = credit
    lead = next((credit for b in blocks[:_BYLINE_BLOCKS] if (credit := _lead_credit(b.text, table))), None)
    if lead is not None:  # (its paragraph stays: the reporters are named inside the lead's sentence)
        credits[-1] = lead
    dates = _datelines(blocks, credits)
    for i in sorted(credits) + dates:  # the copy's own date, where the page's markup gives none
        if i >= 0 and draft.date is None and (found := date_of(strip_links(blocks[i].text))) is not None:
            draft.date, draft.date_from = found, f"the copy's line “{strip_links(blocks[i].text)}”"
    if dates:
        draft.stats.notes.append("dropped as the copy's dateline " + "、".join(f"“{blocks[i].text}”" for i in dates))
    if not credits:
        return [b for i, b in enumerate(blocks) if i not in dates], None
    order = sorted(credits)
    draft.stats.notes.append("credit read from " + "、".join(
        f"“{strip_links(blocks[i].text) if i >= 0 else credits[i].text}”" for i in order)
        + " (authors, editor, outlet: in the front matter)")
    credit = merge_credits([credits[i] for i in order])
    if others := [f"{word}：{name}" for word, name in credit.editors if name != credit.editor]:
        draft.stats.notes.append(f"editor: {credit.editor}, the responsible editor; the credit line also names "
                                 f"{'、'.join(others)} (kept there)")
    return [b for i, b in enumerate(blocks) if i not in credits and i not in dates], credit


def _lead_credit(text: str, table: Rules) -> Credit | None:
    """The reporters a news lead names in brackets (`本报讯（记者 荀晓）…`), as a byline's credit."""
    words = "|".join(re.escape(w) for w in table.credit_leads)
    match = re.match(rf"^[^（(，,。]{{0,30}}?(?:{words})\s*[（(](?P<inner>[^（()）]{{2,40}})[）)]", strip_links(text))
    return parse_credit(match["inner"].strip(), table) if match else None


def _datelines(blocks: list[Block], credits: dict[int, Credit]) -> list[int]:
    """Lines that are a date alone among the first paragraphs, or followed only by credit lines
    and dates at the end: the page's dateline (before: the last one became the last answer's words)."""
    n = len(blocks)
    dated = [only_date(strip_links(b.text)) for b in blocks]
    return [i for i in range(n) if dated[i] and i not in credits and (
        i < _BYLINE_BLOCKS or all(j in credits or dated[j] for j in range(i + 1, n)))]


def _credit_of(block: Block, table: Rules, beside: bool = False) -> Credit | None:
    return parse_credit(without_dates(strip_links(block.text)), table, beside)


def _picture(text: str, table: Rules) -> bool:
    """A picture's credit or caption (`图｜视觉中国`, `（图片来源：受访者供图）`, `本报记者 王五 摄`,
    `▲ 夜市入口`): the page's, not the text's (data/rules.toml, `picture_credits` …)."""
    if len(text) > table.picture_max:
        return False
    inner = without_decoration(text).strip("（）()【】[] ")
    if not inner:
        return False
    if text.lstrip().startswith(table.caption_marks):
        return not inner.endswith(_QUESTION_MARKS)
    if inner.startswith(table.picture_credits) or inner in table.picture_agencies:
        return True
    if _TERMINATORS.search(inner) or len(inner) > 30:
        return False
    # `本报记者 王五 摄`: the end after a space, a slash or 记者 (not the verb: `…记者吴思远拍摄` is a sentence)
    ends = "|".join(re.escape(e) for e in table.picture_ends)
    return inner.endswith(table.picture_agencies) or bool(
        re.search(rf"(?:\s|记者|[/／｜|])\S{{0,8}}(?<!拍)(?:{ends})$", inner))


def _end_matter(blocks: list[Block], floor: int, table: Rules, draft: Draft, asked: set[int],
                closers: set[int] = frozenset()) -> int:
    """Index where the end matter (notes, references) starts, at `floor` or after; fills
    draft.notes/references."""
    n = len(blocks)
    heading = None
    for i in range(n - 1, floor - 1, -1):
        if bare(blocks[i].text) in table.reference_headings and i + 1 < n and numbered(blocks[i + 1]):
            heading = i
            break
    start = n
    after: list[str] = []
    if heading is not None:
        j = heading + 1
        while j < n and numbered(blocks[j]):
            draft.references.append(point_number(blocks[j].text)[1] if blocks[j].item is None else blocks[j].text)
            j += 1
        draft.references_title = bare(blocks[heading].text)
        after = [b.text for b in blocks[j:]]  # whatever follows the list is kept, as notes
        start = heading
    notes = []
    heads = [i for i in range(max(floor, 1), start) if bare(blocks[i].text) in table.note_headings]
    # … and so is a numbered section heading of a copy that numbers its sections (`三、结语` after
    # `一、背景`, `二、店主们`): the writer's again, never the last speaker's words
    # … only after a Q&A's last turn: a copy with no turns at all is an article, and its numbered or
    # marked sections are the article's (before: everything after its first section heading became notes)
    after_qa = max(asked, default=floor - 1 if floor > 0 else len(blocks)) + 1
    sections = [i for i, b in enumerate(blocks) if table.section_heading.match(b.text)]
    heads = sorted(heads + [i for i in sections if max(floor, after_qa, 1) <= i < start] * (len(sections) >= 2))
    # … and so is a heading the page or Word file marks (`<h2>结语</h2>`), not an interviewer's turn
    heads = sorted(set(heads) | {i for i in range(max(floor, after_qa, 1), start) if blocks[i].heading and i not in asked})
    if heads:  # a notes heading (注释：): it and everything after it are notes
        notes = [b.text for b in blocks[heads[0]:start]]
        start = heads[0]
    while start - 1 >= floor and (_is_note(blocks[start - 1], table) or start - 1 in closers):
        start -= 1
        notes[:0] = [blocks[start].text] if blocks[start].text else []  # (a closing label's line, emptied)
    draft.notes, draft.notes_after = notes, after
    return start


def _is_question(body: list[Block], i: int, labels: dict[int, Label], table: Rules, parser: LabelParser) -> bool:
    if i in labels or i + 1 >= len(body) or i + 1 not in labels or guest_list(body[i].text, parser, table) is not None:
        return False  # (`嘉宾：民俗学者尚文渊` over the first turn introduces: before, the first question's title)
    if i - 1 in labels and labels[i - 1].rest is None:
        return False  # the only paragraph of the answer before it
    block = body[i]
    if block.heading:
        return True
    text = block.text
    if len(text) > table.question_max or text.endswith(_NOT_A_QUESTION_END) or _BRACKETED.match(text):
        return False  # (`（停顿）` alone between two turns asks nothing: before, a chapter's title)
    if _TERMINATORS.search(text[:-1]) and not (text.endswith(_QUESTION_MARKS) and not _STATEMENT_ENDS.search(text)):
        return False  # (a sentence before it; but questions only, `你为什么选择胡同？Why a hutong?`, ask)
    number, _rest = point_number(text)
    return number is None or text.endswith(_QUESTION_MARKS)


def _chapters(body: list[Block], first: int, headings: set[int], labels: dict[int, Label],
              draft: Draft, asked: set[int]) -> list[tuple[Answer, Label]]:
    pairs: list[tuple[Answer, Label]] = []
    unlabelled: list[Label] = []
    chapter: Chapter | None = None
    answer: Answer | None = None
    for i in range(first, len(body)):
        block = body[i]
        if i in headings:
            chapter = Chapter(title=without_decoration(block.text) or block.text, asked=i in asked)
            draft.chapters.append(chapter)
            answer = None
        elif i in labels:
            if chapter is None:
                chapter = Chapter(title="TODO: 问题（原稿此处没有问题）", placeholder=True)
                draft.chapters.append(chapter)
                where = f"copy line {labels[i].line}" if labels[i].line else f"the label “{labels[i].text}”"
                draft.stats.notes.append(f"{where}: answers with no question before them: write the question in "
                                         "place of the heading 'TODO: 问题' (or move the answers)")
            label = labels[i]
            answer = Answer(person=-1, role=label.split.role, label=label.text)
            if label.rest:
                answer.paragraphs.append(Para(label.rest, line=label.line))
            chapter.answers.append(answer)
            pairs.append((answer, label))
        elif answer is not None:
            answer.paragraphs.append(Para(block.text, block.item, line=block.line))
        elif chapter is not None:  # a question answered with no label: nobody is guessed
            label = Label(Split(None, INTERVIEWEE), "", block.text, block.line)  # (rest: named in the doubt)
            answer = Answer(person=-1, role=None, label="")
            answer.paragraphs.append(Para(block.text, block.item, line=block.line))
            chapter.answers.append(answer)
            pairs.append((answer, label))
            unlabelled.append(label)
        else:
            draft.article.append(Para(block.text, block.item))  # cannot happen: a heading precedes a label
    if unlabelled:
        doubt = (f"the answers at {lines_of(unlabelled)} have no speaker label: write who speaks (or "
                 "give those answers their speakers' ids)")
        for label in unlabelled:
            label.split = replace(label.split, doubt=doubt)
    _unanswered(draft)
    for answer, label in pairs:
        if not answer.paragraphs:  # a label followed by another label or a question: said, not guessed
            answer.paragraphs.append(Para(EMPTY_ANSWER, line=label.line))
            where = f"copy line {label.line}" if label.line else f"the label “{label.text}”"
            draft.stats.notes.append(f"{where}: “{label.text}” has no answer under it: write the answer in place of "
                                     f"'{EMPTY_ANSWER}', or delete that answer if the line is no speaker's label")
    for a in draft.answers:
        a.paragraphs = numbered_points(a.paragraphs)
        for p in a.paragraphs:
            p.asides = find_asides(p.text)
    return pairs


def _unanswered(draft: Draft) -> None:
    """A question with no answer under it (two questions in a row) is joined to the next one; a
    last one goes to the notes: a chapter without answers would not read as a source. A numbered
    voice's label alone on its line (`说话人1：`, the interviewer of a meeting transcript) is no
    part of the question it stands over."""
    kept: list[Chapter] = []
    carried: list[str] = []
    for chapter in draft.chapters:
        if not chapter.answers:
            if not kept and not chapter.title.endswith(_QUESTION_MARKS) and not carried and bare(chapter.title) and (
                    not rules().anonymous.match(bare(chapter.title))):
                # (a host's opening words before the first question, `各位记者朋友，下午好。…下面请记者提问。`:
                # the article's last paragraph, not a part of the first question's heading)
                draft.article.append(Para(chapter.title))
            elif bare(chapter.title) and not rules().anonymous.match(bare(chapter.title)):  # (a transcript's `说话人1：` alone asks nothing)
                carried.append(chapter.title)
            continue
        if carried:  # (a host's label alone on its line, `阎小溪：`, joins its question without a space)
            chapter.title = "".join(part + ("" if part.endswith(("：", ":")) else " ") for part in carried) + chapter.title
            carried = []
        kept.append(chapter)
    draft.chapters = kept
    draft.notes[:0] = carried


def _closing(draft: Draft) -> None:
    if len(draft.chapters) < 2:
        return
    last, others = draft.chapters[-1], draft.chapters[:-1]
    asked = sum(c.title.endswith(_QUESTION_MARKS) for c in others)
    if not last.title.endswith(_QUESTION_MARKS) and not last.placeholder and not last.asked and asked * 2 >= len(others):
        last.closing = True


def _is_note(block: Block, table: Rules) -> bool:
    text = block.text
    return bool(_BRACKETED.match(text)) or text.startswith(table.note_prefixes) or (
        without_decoration(text).strip("（）()【】[]「」 ") in table.end_marks) or (
        len(text) <= 120 and any(w in text for w in table.pseudonym_words)) or (
        len(text) <= 80 and text.lstrip("-—– ").startswith(table.trailers))


def _language(text: str) -> str:
    """zh-Hant when characters only Traditional Chinese uses outnumber their Simplified forms."""
    traditional = sum(c in _TRAD_ONLY for c in text)
    simplified = sum(c in _SIMP_ONLY for c in text)
    return "zh-Hant" if traditional > simplified else "zh-Hans"
