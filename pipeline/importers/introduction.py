"""What a copy says of itself at its top: its headline (the title of a plain copy), the short labels
and roles its introduction declares for the turns after it; and the writer's narration standing
inside an answer. Each reads the copy's own words against rules.toml's tables (`headline_max`,
`short_labels`, `first_person`) and says what it did in the summary."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.importers.draft import Draft, Para
from pipeline.importers.extracted import Block
from pipeline.importers.names import LabelParser, Split, ends_with_role
from pipeline.importers.rules import Rules
from pipeline.placeholders import TODO

_SUBTITLE = re.compile(r"^\s*(?:——|—|－－|--|──)\s*(?P<text>[^—－\-─].*?)\s*$")
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \t]+(?=[\u3400-\u9fff])")
_BYLINE_BLOCKS = 4  # (layout's: the introduction stands among the first paragraphs)
# a name the introduction gives its role after, in brackets, in a list (`房志远（译者）、柴小鸥（教授）`)
_INTRODUCED = re.compile(r"(?:^|[：:、，,；;和与及])\s*(?P<name>[^\s：:、，,；;（()）“”]{2,4})[（(](?P<role>[^（()）]{2,16})[）)](?=\s*(?:[、，,；;。和与及]|$))")


def headline(draft: Draft, table: Rules, qa: bool = False) -> None:
    """Plain copy from a newsroom opens with its headline (a page has its <h1>, a Word file its
    Title): a short first line that is no sentence, over more of the article, is the title, taken
    out of the text (with a `# check:`). An editor's note opening the copy (`编者按：…`, a signpost
    of rules.toml) may stand above it. Before: the title was TODO and the headline the article's
    first paragraph, printed under the title the editor then typed."""
    from pipeline.importers.layout import _BRACKETED, _NOT_A_QUESTION_END, _TERMINATORS, _is_note  # (layout calls this)

    at = 0
    while at < len(draft.article) and _signpost(draft.article[at].text, table):
        at += 1
    # (the headline over nothing: the copy is one paragraph; but a short line alone over a Q&A, `夜班公交司机`
    # then the bylines and `问：…`, is its headline, unless it leads in, `以下为对话实录`: before, it stayed
    # the article's one paragraph under a title TODO)
    alone = qa and at == len(draft.article) - 1 and not any(w in draft.article[at].text for w in table.sentence_words)
    if (at >= len(draft.article) - 1 and not alone) or at > 1:
        return
    para = draft.article[at]
    text = para.text
    if (para.number is not None or len(text) > table.headline_max or text.endswith(_NOT_A_QUESTION_END + ("…", "—"))
            or _TERMINATORS.search(text[:-1]) or _BRACKETED.match(text) or _is_note(Block(text), table)
            or table.section_heading.match(text)):  # (`一、背景` opens a section, not the copy)
        return
    # (a space parting a headline's Chinese words, `夜航电台 第42期：…`, set full-width as Chinese type sets it, as a
    # credit's is: before, `publish check` warned of it, W415, on a line the editor had not written)
    draft.title, draft.title_from = _HAN_GAP.sub("\u3000", text), "the copy's first line (its headline)"
    del draft.article[at]
    # the line under it opened by a dash, as a feature's subtitle is set (`——记一位公交司机的清晨`): the subtitle, taken
    # out of the text (before: the article's first paragraph, dash and all)
    under = draft.article[at].text if at < len(draft.article) - 1 else ""
    found = _SUBTITLE.match(under)
    if found and len(found["text"]) <= table.headline_max and not _TERMINATORS.search(found["text"][:-1]):
        draft.subtitle = found["text"]
        del draft.article[at]


def _signpost(text: str, table: Rules) -> bool:
    """A paragraph opened by an outlet's signpost (`编者按：…`, or in brackets, `【编者按】…`, `〔编者按〕…`:
    rules.toml `not_speakers`, `brackets`). Before: only the colon's form was, and an editor's note in
    brackets above the headline left the title TODO and the headline in the article."""
    found = re.match(r"^([^：:]{1,8})[：:]", text)
    bracketed = table.label_brackets.match(text)
    words = [found[1]] if found else []
    if bracketed:
        words += [v for k, v in bracketed.groupdict().items() if k.startswith("label") and v is not None]
    return any(w.strip().casefold() in table.not_speakers for w in words)


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
    for name, full in _introduced_roles(blocks, parser, table).items():
        short.setdefault(name, full)
    for role, full in _role_labels(blocks, parser, table).items():
        short.setdefault(role, full)
    # … and a guest list's (`嘉宾：跑团发起人蒙嘉禾、护士阚玉洁`): `蒙嘉禾：` after it is 跑团发起人蒙嘉禾
    for block in blocks[:_BYLINE_BLOCKS + 4]:
        for split in guest_list(block.text, parser, table) or []:
            if parser.parse(split.name) is None or not parser.parse(split.name).role:
                short.setdefault(split.name, split.role + split.name)
    if not short:
        return blocks
    label = re.compile(rf"^(?P<short>{'|'.join(map(re.escape, sorted(short, key=len, reverse=True)))})\s*[：:]")
    out, read = [], 0
    # (a name alone on its line over the turns, `尚文渊`, twice or more: the name line of the full label)
    alone = {b.text.strip() for b in blocks if b.text.strip() in short and len(b.text.strip()) >= 2}
    alone = {name for name in alone if sum(b.text.strip() == name for b in blocks) >= 2}
    for block in blocks:
        if block.text.strip() in alone:
            block = replace(block, text=short[block.text.strip()])
            read += 1
        elif found := label.match(block.text):  # (the full label on a line of its own, as a copy sets one)
            out.append(replace(block, text=short[found["short"]] + "："))
            block = replace(block, text=block.text[found.end():].lstrip())
            read += 1
        if block.text:
            out.append(block)
    if read:
        draft.stats.notes.append("read " + "、".join(f"“{s}：” as “{f}：”" for s, f in short.items())
                                 + f" ({read} label(s)), as the copy's introduction says")
    return out


def _introduced_roles(blocks: list[Block], parser: LabelParser, table: Rules) -> dict[str, str]:
    """Bare names that label two or more turns (`庹志刚：…`, `王志刚：…`) whose role the introduction gives before
    them (`今天我们请到市交通局新闻发言人庹志刚`, after one of rules.toml's `invites` or a mark): name →
    role + name. The full label then reads even where the surname is in no table (with its `# check:`)."""
    counted: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, block in enumerate(blocks):
        if found := re.match(r"^(?P<name>[\u3400-\u9fff]{2,4})\s*[：:]", block.text):
            counted[found["name"]] = counted.get(found["name"], 0) + 1
            first.setdefault(found["name"], i)
    invites = "|".join(map(re.escape, table.invites))
    roles: dict[str, str] = {}
    for name, count in counted.items():
        # (a name read alone with a role of its own keeps it; a name the tables read bare, `王志刚：`, takes
        # the role an introduction invites it with, `请到…发言人王志刚`: before, a spokesperson with a common
        # surname had none)
        alone = parser.parse(name)
        if count < 2 or (alone is not None and (alone.role or alone.name != name)) or name in table.not_speakers:
            continue
        intro = "。".join(b.text for b in blocks[:first[name]])
        for match in re.finditer(rf"(?P<clause>[^，。；！？,;!?：:、“”]{{2,40}}?){re.escape(name)}", intro):
            opening = max(intro.rfind(mark, 0, match.start()) for mark in "。！？!?") + 1
            if alone is not None and not (invites and re.search(invites, intro[opening : match.end()])):
                continue  # (`七十岁的钟表匠殷国华守着…`: a name the tables read takes a role only where it is invited)
            role = re.split(invites, match["clause"])[-1].strip() if invites else match["clause"]
            role = _JOINED.split(role)[-1].strip()  # (`护士阎冬梅和外卖骑手葛小军`: the last person's role)
            split = parser.parse(role + name) if 2 <= len(role) <= 16 and ends_with_role(role, table) else None
            if split is not None and split.name == name and split.role == role and not any(
                    w in role for w in table.sentence_words) and not role.endswith(table.interviewer):
                roles[name] = role + name
                break
    return roles


def _role_labels(blocks: list[Block], parser: LabelParser, table: Rules) -> dict[str, str]:
    """A role alone labelling two turns or more (`发言人：…`, a press conference's spokesperson) where the
    introduction before them names one person with that role (`外交部发言人申小川主持例行记者会`): role → role +
    name, so each turn reads as that person's. Before: `发言人：` was no label, and the whole conference stayed
    in the article, its reporters' questions and the answers alike."""
    counted: dict[str, int] = {}
    first: dict[str, int] = {}
    turn_words = {*table.interviewer, *table.interviewee}
    for i, block in enumerate(blocks):
        found = re.match(r"^(?P<role>[\u3400-\u9fff]{2,8})\s*[：:]", block.text)
        if found and found["role"] not in turn_words and found["role"].casefold() not in table.not_speakers and (
                ends_with_role(found["role"], table) and found["role"].casefold() not in table.interpreters and (
                    (alone := parser.parse(found["role"])) is None or alone.name == found["role"])):
            counted[found["role"]] = counted.get(found["role"], 0) + 1
            first.setdefault(found["role"], i)
    roles: dict[str, str] = {}
    for role, count in counted.items():
        intro = "。".join(b.text for b in blocks[: first[role]])
        people: set[str] = set()
        for match in re.finditer(re.escape(role), intro):
            start = max(intro.rfind(mark, 0, match.start()) for mark in "，。；：,;:！？!?") + 1
            words = intro[start : match.end() + 4]
            for k in range(len(words), match.end() - start + 1, -1):
                split = parser.parse(words[:k])
                if split is not None and split.doubt is None and (split.role or "").endswith(role) and not any(
                        w in split.role for w in table.sentence_words):
                    people.add(bare_role(split.role, table) + split.name)
                    break
        if count >= 2 and len(people) == 1:
            roles[role] = people.pop()
    return roles


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


INTERVIEWEE = f"{TODO}: 受访者"  # the name of the speaker of `答：` answers, until the editor writes it
_LIST_PARTS = re.compile(r"[、，,；;／/]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_JOINED = re.compile(r"以及|[和与及、]")  # (`茶农韦春生和他的儿子韦小川`: two people)


def listed_people(text: str, parser: LabelParser) -> list[Split] | None:
    """`跑团发起人蒙嘉禾、护士阚玉洁` (or `蒙嘉禾（跑团发起人）、…`): each part a role and a name read with
    confidence, nothing else: the people a list introduces. None when any part is not one."""
    parts = [part.strip() for part in _LIST_PARTS.split(text)]
    if not text or _SENTENCE_END.search(text) or not all(parts):
        return None
    people = []
    for part in parts:
        glossed = re.fullmatch(r"(?P<name>[^（()）]{2,4})[（(](?P<role>[^（()）]{2,16})[）)]", part)
        split = parser.parse(glossed["role"] + glossed["name"] if glossed else part)
        if split is None or split.doubt is not None or not split.role or (glossed and split.name != glossed["name"]):
            return None
        people.append(split)
    return people


def guest_list(text: str, parser: LabelParser, table: Rules) -> list[Split] | None:
    """An introduction's `嘉宾：…` line (rules.toml `guest_lists`, or an interviewee's turn word):
    the people it lists, or None when the line is something else (an answer: `嘉宾：我觉得…`)."""
    text = re.sub(r"^[（(](?P<inner>[^（()）]+)[）)]。?$", r"\g<inner>", text.strip())  # (`（本文受訪者：攤主吳志明）`)
    found = re.match(r"^(?P<word>[^：:]{1,6})\s*[：:]\s*(?P<rest>.+)$", text)
    words = {w.casefold() for w in (*table.guest_lists, *table.interviewee)}
    if found is None or found["word"].strip().casefold() not in words:
        return None
    return listed_people(found["rest"].strip(), parser)


def _introduced(text: str, parser: LabelParser, table: Rules) -> list[Split]:
    """The people a paragraph of the introduction says are interviewed: a guest list, or the one
    an interview verb names (`记者专访了…所长柏松年`, `…所长柏松年日前接受了本报专访`)."""
    if (listed := guest_list(text, parser, table)) is not None:
        return listed
    people: list[Split] = []
    verbs = "|".join(map(re.escape, table.introduces))
    for match in re.finditer(rf"(?:{verbs})(?P<who>[^，。；！？,;!?：:“”]{{2,40}})", text):
        people += _named(match["who"], parser, table, prefix=False)
    accepts, asked = "|".join(map(re.escape, table.accepts)), "|".join(map(re.escape, table.interview_words))
    for match in re.finditer(rf"(?:^|[，。；！？,;!?：:])\s*(?P<who>[^，。；！？,;!?：:“”]{{2,40}}?)\s*(?:日前|近日|此前)?"
                             rf"(?:{accepts})[^，。；！？,;!?]{{0,16}}?(?:{asked})", text):
        people += _named(match["who"], parser, table, prefix=True)
    talks = "|".join(map(re.escape, table.talks_with))  # (`记者和夜班公交司机廖国庆聊了聊`: the one talked with)
    for match in re.finditer(rf"[和与跟同](?P<who>[^，。；！？,;!?：:“”和与跟同]{{2,30}}?)(?:{talks})", text):
        people += _named(match["who"], parser, table, prefix=False)
    return people or _described(text, parser, table)


def _described(text: str, parser: LabelParser, table: Rules) -> list[Split]:
    """The person a sentence of the introduction opens with and describes (`符海龙是城北冷链物流园的
    搬运班长，…`, rules.toml `describes`): the whole name read alone, the role a role's words."""
    copulas = "|".join(map(re.escape, table.describes))
    people = []
    for match in re.finditer(rf"(?:^|[。！？；;!?])\s*(?P<name>[^\s，。；！？,;!?：:“”、（）()]{{2,6}}?)(?:{copulas})"
                             rf"(?P<role>[^，。；！？,;!?：:“”（）()]{{2,30}})", text):
        alone = parser.parse(match["name"])
        role = bare_role(match["role"].strip(), table)
        if alone is None or alone.role or alone.doubt or alone.name != match["name"] or not ends_with_role(role, table) or any(
                w in role for w in table.sentence_words):
            continue
        people.append(Split(role, alone.name))
    return people


def _named(words: str, parser: LabelParser, table: Rules, prefix: bool) -> list[Split]:
    """The people `words` name: a list (`所长柏松年、副所长何平`, `茶农韦春生和他的儿子韦小川`) each; else
    the longest start (`prefix`: `所长柏松年日前`) or end (`江湾湿地研究所所长柏松年`, after the verb)
    read as role + name, a role with no word of a sentence (`他的儿子`)."""
    parts = [part for part in _JOINED.split(words) if part]
    if len(parts) > 1:
        return [person for part in parts for person in _named(part, parser, table, prefix=False)
                or [Split(None, part)]]  # (each part one person, read or not: several either way)
    if (listed := listed_people(words, parser)) is not None:
        return [replace(person, role=bare_role(person.role or "", table) or None) for person in listed]
    spans = [words[:k] for k in range(len(words), 1, -1)] if prefix else [words[k:] for k in range(len(words) - 1)]
    for span in spans:
        split = parser.parse(span)
        if split is not None and split.doubt is None and split.role and not _SENTENCE_END.search(split.role) and not any(
                w in split.role for w in table.sentence_words):
            # (the role is all the words before the name: `东礁灯塔守塔人` though `东` reads as a surname too)
            whole = words[: words.find(split.name)].strip() if not prefix else ""
            if whole and whole != split.role and ends_with_role(whole, table) and not any(w in whole for w in table.sentence_words):
                split = replace(split, role=whole)
            return [replace(split, role=bare_role(split.role, table))]
    return []


def bare_role(role: str, table: Rules) -> str:
    """The role without the count or demonstrative an introduction puts before it (`一名退休教师`, `这位钟表匠`:
    rules.toml `role_counts`): every edition prints the role in the answer's label."""
    return role[len(next((c for c in table.role_counts if role.startswith(c) and len(role) > len(c) + 1), "")):]


def _pronoun_named(intro: str, parser: LabelParser, table: Rules) -> list[Split]:
    """The person an introduction names as role + name opening a sentence or a clause (`快递员仉小满在这个片区…`),
    when it then talks to, or interviews, someone by a pronoun (`我们和他聊了聊`, `记者日前专访了他`: rules.toml
    `pronouns`, `talks_with`, `introduces`): everyone so named before the pronoun (one: the interviewee)."""
    pronouns = "|".join(map(re.escape, table.pronouns))
    talks, verbs = "|".join(map(re.escape, table.talks_with)), "|".join(map(re.escape, table.introduces))
    found = re.search(rf"(?:{verbs})(?:{pronouns})(?![们們的])|[和与跟同](?:{pronouns})(?![们們的])"
                      rf"[^。；！？;!?]{{0,16}}?(?:{talks})", intro)  # (`我们跟他走了一天，也聊了聊`)
    if found is None:
        return []
    people: dict[str, Split] = {}
    for clause in re.split(r"[，。；！？,;!?：:]", intro[: found.start()]):
        if (split := _opening_person(clause.strip(), parser, table)) is not None:
            people.setdefault(split.name, split)
    return list(people.values())


def _opening_person(words: str, parser: LabelParser, table: Rules) -> Split | None:
    """Role + name opening `words` (`快递员仉小满在这个片区送了六年快递` → 快递员 + 仉小满): the longest start read
    with confidence, with a role of no sentence's word that is not the interviewer's (`记者在…`)."""
    for k in range(min(len(words), 24), 2, -1):
        split = parser.parse(words[:k])
        if split is not None and split.doubt is None and split.role and not _SENTENCE_END.search(split.role) and not any(
                w in split.role for w in table.sentence_words) and not split.role.endswith(table.interviewer):
            return replace(split, role=bare_role(split.role, table))
    return None


def introduced_people(intro: list[str], parser: LabelParser, table: Rules) -> tuple[dict[str, Split], str]:
    """The people the introduction's paragraphs say are interviewed (name → split), and the paragraph
    that names the first of them."""
    people: dict[str, Split] = {}
    where = ""
    for text in intro:
        for split in _introduced(text, parser, table):
            where = where or text
            people.setdefault(split.name, split)
    if not people:  # (`快递员仉小满…我们和他聊了聊`: the one named, then spoken to as 他)
        for split in _pronoun_named("。".join(intro), parser, table):
            where = where or next((text for text in intro if (split.role or "") + split.name in text), "")
            people.setdefault(split.name, split)
    return people, where


_ASKS = re.compile(r"[？?]$")
_ENDED = re.compile(r"[。！!]")


def plain_questions(blocks: list[Block], parser: LabelParser, table: Rules, draft: Draft) -> set[int]:
    """Copy with no labels at all that alternates short questions (numbered or not: `1. 为什么一直开夜班？`) and
    the prose answering each, under an introduction naming the one person interviewed (`出租车司机訾国栋…记者…
    和他聊了一个多小时`): the questions are the interviewer's turns, and their answers that person's (the caller
    names them, with a `# check:`). Without such an introduction (an explainer, `五问城市夜间公交`) the copy
    stays the article's. Before: every sentence was kept, but the Q&A was lost in the article."""
    asks = [i for i, b in enumerate(blocks) if _ASKS.search(b.text) and len(b.text) <= table.question_max
            and not _ENDED.search(b.text) and not b.text.startswith(("“", "「", "\"", "（", "("))]
    if len(asks) < 2 or asks[0] == 0 or any(b - a < 2 for a, b in zip(asks, asks[1:])) or asks[-1] == len(blocks) - 1:
        return set()  # (two questions in a row, or one last with nothing after it: no alternation)
    people, _where = introduced_people([b.text for b in blocks[: asks[0]]], parser, table)
    if len(people) != 1 or any(next(iter(people)) in b.text for b in blocks[asks[0]:]):
        return set()  # (`王晓燕认为，…` under each question: the writer's report of what they said, an article)
    draft.stats.notes.append(f"read {len(asks)} short questions, each followed by unlabelled prose, as the interview's "
                             f"questions (the introduction names {next(iter(people))})")
    return set(asks)


def named_interviewee(intro: list[str], labels: list, parser: LabelParser, table: Rules) -> None:
    """`答：` answers name nobody, but the introduction often does (`记者专访了江湾湿地研究所所长柏松年`,
    `嘉宾：跑团发起人蒙嘉禾`): when it names exactly one person so, those answers are that person's,
    name and role, with a `# check:` quoting where; several keep `TODO: 受访者`, and the check says
    whom the introduction names. (Before: the name the introduction gave stayed TODO.)"""
    turns = [label for label in labels if label.split.name == INTERVIEWEE]
    if not turns:
        return
    people, where = introduced_people(intro, parser, table)
    shown = where if len(where) <= 30 else where[:30] + "…"
    if len(people) == 1:
        (person,) = people.values()
        for label in turns:
            label.split = replace(label.split, name=person.name, role=label.split.role or person.role,
                                  doubt=f"{f'the answers labelled “{turns[0].text}”' if turns[0].text else 'the answers with no label'} name nobody; the copy "
                                        f"names {person.role}{person.name} (“{shown}”): confirm it is who answers")
    elif people:
        names = "、".join(people)
        for label in turns:
            label.split = replace(label.split, doubt=f"{label.split.doubt}; the copy names {len(people)} people "
                                                     f"({names}): write which one answers, or give each answer its speaker")


def joined_role_names(paras: list[Para], parser: LabelParser) -> int:
    """A line of the introduction naming the host or a guest as a column label sets it (`主持人 龙飞`,
    `主持人 龙飞 嘉宾 蒯大年`): each role and its name joined (`主持人龙飞`), two people a full-width space apart,
    as Chinese type sets them. Before: the space between two Chinese characters stayed, and
    `publish check` warned of it (W415) in a line the editor had not written. The number joined."""
    joined = 0
    for para in paras:
        words = para.text.split()
        if len(words) < 2 or len(words) % 2 or _SENTENCE_END.search(para.text) or len(para.text) > 40:
            continue
        people = [parser.parse(f"{words[k]} {words[k + 1]}") for k in range(0, len(words), 2)]
        # (each role a role's words, `主持人`; never a name, `张三 李四`, or a greeting, `老师 你好`)
        if all(p is not None and p.role == words[k * 2] and p.name == words[k * 2 + 1] and ends_with_role(p.role, parser.rules)
               and parser.parse(p.role) is None and not any(w in p.name for w in parser.rules.sentence_words)
               for k, p in enumerate(people)):
            para.text = "\u3000".join(words[k] + words[k + 1] for k in range(0, len(words), 2))
            joined += 1
    return joined
