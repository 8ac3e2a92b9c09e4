"""What a copy says of itself at its top: its headline (the title of a plain copy), the short labels
and roles its introduction declares for the turns after it; and the writer's narration standing
inside an answer. Each reads the copy's own words against rules.toml's tables (`headline_max`,
`short_labels`, `first_person`) and says what it did in the summary."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.importers.draft import Draft
from pipeline.importers.extracted import Block
from pipeline.importers.names import LabelParser, ends_with_role
from pipeline.importers.rules import Rules

_BYLINE_BLOCKS = 4  # (layout's: the introduction stands among the first paragraphs)
# a name the introduction gives its role after, in brackets, in a list (`房志远（译者）、柴小鸥（教授）`)
_INTRODUCED = re.compile(r"(?:^|[：:、，,；;和与及])\s*(?P<name>[^\s：:、，,；;（()）“”]{2,4})[（(](?P<role>[^（()）]{2,16})[）)](?=\s*(?:[、，,；;。和与及]|$))")


def headline(draft: Draft, table: Rules) -> None:
    """Plain copy from a newsroom opens with its headline (a page has its <h1>, a Word file its
    Title): a short first line that is no sentence, over more of the article, is the title, taken
    out of the text (with a `# check:`). An editor's note opening the copy (`编者按：…`, a signpost
    of rules.toml) may stand above it. Before: the title was TODO and the headline the article's
    first paragraph, printed under the title the editor then typed."""
    from pipeline.importers.layout import _BRACKETED, _NOT_A_QUESTION_END, _TERMINATORS, _is_note  # (layout calls this)

    at = 0
    while at < len(draft.article) and re.match(r"^[^：:]{1,8}[：:]", draft.article[at].text) and (
            draft.article[at].text.split("：", 1)[0].split(":", 1)[0].strip().casefold() in table.not_speakers):
        at += 1
    if at >= len(draft.article) - 1 or at > 1:
        return  # (the headline over nothing: the copy is a question and answers, or one paragraph)
    para = draft.article[at]
    text = para.text
    if (para.number is not None or len(text) > table.headline_max or text.endswith(_NOT_A_QUESTION_END + ("…", "—"))
            or _TERMINATORS.search(text[:-1]) or _BRACKETED.match(text) or _is_note(Block(text), table)
            or table.section_heading.match(text)):  # (`一、背景` opens a section, not the copy)
        return
    draft.title, draft.title_from = text, "the copy's first line (its headline)"
    del draft.article[at]


def declared_short_labels(blocks: list[Block], parser: LabelParser, table: Rules, draft: Draft) -> list[Block]:
    """A copy that names each person once and says how it will label them (`钢琴调律师蒯建华（以下简称
    “蒯”）`, `张伟（下称张）`, rules.toml `short_labels`) labels their turns so (`蒯：…`): each such
    label is read as the full one (`钢琴调律师蒯建华：…`). Before: `蒯：` and `晓宁：` were no labels,
    and both people's answers went, labels and all, to one `TODO: 受访者`."""
    words = "|".join(re.escape(w) for w in table.short_labels)
    declared = re.compile(rf"(?P<full>[^，,、：:。；;（(）)“”\s]{{2,24}})\s*[（(]\s*(?:{words})\s*[“\"「]?(?P<short>[^“”\"「」（()）\s]{{1,6}})[”\"」]?\s*[）)]")
    short: dict[str, str] = {}
    for block in blocks:
        for match in declared.finditer(block.text):
            # (the label is the longest end of the words before the bracket that reads as one:
            # `他的助手葛岚` → `助手葛岚`)
            full = next((match["full"][k:] for k in range(len(match["full"]) - 1)
                         if parser.parse(match["full"][k:]) is not None), None)
            if full and match["short"] != full:
                short.setdefault(match["short"], full)
    # … and a panel's introduction giving each name its role in brackets (`房志远（译者）、柴小鸥（语言学
    # 教授）`): the bare labels after (`房志远：`) carry that role (before: every role was lost)
    for block in blocks[:_BYLINE_BLOCKS + 4]:
        for match in _INTRODUCED.finditer(block.text):
            name, role = match["name"], match["role"].strip()
            split = parser.parse(role + name) if ends_with_role(role, table) else None
            if split is not None and split.name == name and split.role == role and not parser.parse(name).role:
                short.setdefault(name, role + name)
    if not short:
        return blocks
    label = re.compile(rf"^(?P<short>{'|'.join(map(re.escape, sorted(short, key=len, reverse=True)))})\s*[：:]")
    out, read = [], 0
    for block in blocks:
        if found := label.match(block.text):  # (the full label on a line of its own, as a copy sets one)
            out.append(replace(block, text=short[found["short"]] + "："))
            block = replace(block, text=block.text[found.end():].lstrip())
            read += 1
        if block.text:
            out.append(block)
    if read:
        draft.stats.notes.append("read " + "、".join(f"“{s}：” as “{f}：”" for s, f in short.items())
                                 + f" ({read} label(s)), as the copy's introduction says")
    return out


def narration(draft: Draft, table: Rules) -> None:
    """The writer's own paragraphs between a feature's turns (`说话间，电话又响了。祝文丽接起来…`) stand
    in the answer before them, where every edition printed them as the speaker's words and the
    audio read them in that voice: a later paragraph of an answer that names its speaker in the
    third person (the full name, and no 我/你 of a speaker's own) is made an aside, read by the host,
    and said in the summary."""
    for answer in draft.answers:
        person = draft.people[answer.person]
        name = person.name
        if len(name) < 2 or name.startswith("TODO"):
            continue
        for para in answer.paragraphs[1:]:
            text = para.text
            if name in text and not any(word in text for word in table.first_person) and not para.asides:
                para.asides = [(0, len(text))]
                where = f"copy line {para.line}" if para.line else "a paragraph"
                draft.stats.notes.append(f"{where} in {name}'s answer names {name} as the writer does "
                                         f"(“{text[:24]}…”): made an aside, read by the host; move it if it is the speaker's")
