"""Who speaks: speaker labels and interview turns found in the copy's blocks.

- label lines (`role + name：`, bold in a page or Word file) and `label：answer` paragraphs;
- interview turns: `问：` / `记者：` / `Q1：` / `【问】` are questions, `答：` / `A：` answers whose
  speaker is a placeholder; an interviewer no table names (`新京报：`) is found by its turns;
- names alone on their own line, in copy without any colon label;
- labels the tables cannot read: taken where a label must stand (flagged), or left in the answer
  they stand in while its speaker is flagged (`unread_labels`).

Which name a label gives is `names.py`'s; which person a name is, `people.py`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.importers.draft import Draft
from pipeline.importers.formats import Block
from pipeline.importers.house import point_number
from pipeline.importers.introduction import INTERVIEWEE, guest_list
from pipeline.importers.names import LabelParser, Split, ends_with_role, without_decoration
from pipeline.importers.people import key
from pipeline.importers.rules import Rules, rules
from pipeline.pinyin_syllables import is_han
from pipeline.placeholders import TODO

_TURN_NUMBER = re.compile(r"[0-9０-９.．]+$")
_TURN = re.compile(r"^(?P<label>[^：:\s]{1,6}|[A-Za-z]{7,12})\s*[：:]\s*(?P<rest>.*)$")
# `Q1. …` / `A1、…` / `Q …` / `问1．…`: a Latin turn word, or one with its number, may stand before a full stop,
# an enumeration comma or a space instead of a colon (before: such a Q&A was read as the article alone)
_LOOSE_TURN = re.compile(r"^(?P<label>[A-Za-zＡ-Ｚａ-ｚ]{1,2}[0-9０-９]{0,3}|[^\sA-Za-z0-9：:.．、]{1,3}[0-9０-９]{1,3})"
                         r"(?:\s*[.．、]|\s)\s*(?P<rest>\S.*)$")
_SENTENCE_MARK = re.compile(r"[。！？!?；;，,、：:“”「」…]")
_QUESTION_ENDS = ("？", "?")
_DASH = re.compile(r"^(?P<label>[^：:——\s，。、！？]{2,12})\s*(?:——|─{2}|—|－－|--)\s*(?P<rest>\S.*)$")  # `周明——八年了。`
# the hosts named before another on the line naming the hosts (`主持人：祝安、阎小溪`: before, only the first was a host,
# and the second's questions were answers)
_CO_HOSTS = r"(?:[^\s、，,；;。：:]{2,4}\s*[、，,和与及&＆]\s*){0,3}"
_INLINE = re.compile(r"^(?P<label>[^：:]{1,60}?)\s*[：:]\s*(?P<rest>\S.*)$")


@dataclass
class Label:
    split: Split
    text: str  # the label as the copy wrote it (without the colon)
    rest: str | None = None  # the answer's first paragraph, when written on the label's line
    line: int | None = None  # the label's line in a plain-text copy


def find_labels(blocks: list[Block], parser: LabelParser, table: Rules, asked: set[int],
                aliases: dict[str, str]) -> dict[int, Label]:
    """Label lines by block index: standalone `label：` lines; `label：answer` paragraphs when the
    copy has no standalone labels (or when they name a speaker already labelled); `答：` turns."""
    found: dict[int, Label] = {}
    for i, block in enumerate(blocks):
        if i in asked:
            continue
        # (in a copy of 问/答 turns; `嘉宾：跑团发起人蒙嘉禾、护士阚玉洁` introduces, it answers nothing)
        if asked and (rest := _turn(block.text, table.interviewee)) is not None and guest_list(block.text, parser, table) is None:
            found[i] = Label(Split(None, INTERVIEWEE), bare(block.text.removesuffix(rest)), rest or None, block.line)
            continue
        text = block.text
        # a label line ends with a colon; set in bold (web pages, Word) it may go without
        if (text.endswith(("：", ":")) or block.strong) and bare(text) not in table.reference_headings:
            split = parser.parse(text) or _alias_label(bare(text), aliases, table)
            if split is not None:
                found[i] = Label(split, text.rstrip("：:").strip(), line=block.line)
    known = {key(lab.split.name) for lab in found.values()} | set(aliases)
    inline: dict[int, Label] = {}
    candidates: dict[int, tuple[Split, re.Match[str]]] = {}
    for i, block in enumerate(blocks):
        if i in found or i in asked or block.heading or numbered(block) or not (match := _INLINE.match(block.text)):
            continue
        if len(match["label"]) > table.label_max:
            continue
        split = parser.parse(match["label"]) or _alias_label(match["label"].strip(), aliases, table)
        if split is not None:
            candidates[i] = (split, match)
    # (inside the Q&A, a name read with confidence that labels two paragraphs or more is a speaker too, beside
    # label lines of others: `葛小军：…` where the introduction made `程序员柏宇：` a line of its own; before, its
    # answers went, label and all, to the speaker before it)
    recurring = [key(sp.name) for sp, _m in candidates.values() if sp.doubt is None]
    for i, (split, match) in candidates.items():
        # beside label lines, `name：…` counts only inside the Q&A: before the first label line it
        # introduces the people (`张伟：清华大学教授，…`), and that is the article's
        inside = bool(found) and i > min(found) and (key(split.name) in known or recurring.count(key(split.name)) >= 2)
        if not found or inside or _named_host(split.name, blocks, found, table):
            inline[i] = Label(split, match["label"].strip(), match["rest"].strip(), blocks[i].line)
    # `label：answer` paragraphs count when two are read with confidence; then a label read on
    # thin evidence among them is taken too, with its '# check:' (before: its answer was added,
    # label and all, to the previous speaker's)
    # … or when one name answers two of the interviewer's turns, each right after it (`记者：…？` then
    # `贝立军：…`, a surname the tables hardly know: before, every answer went to `TODO: 受访者` with
    # its label left in the text)
    # … or a question of the copy's own (`你几点起床？` then `鱼摊主池海生：…`, a surname the tables
    # rate rare: before, the whole interview stayed in the article)
    answering: dict[str, int] = {}
    for i, lab in inline.items():
        if i - 1 in asked or (i >= 1 and blocks[i - 1].text.endswith(_QUESTION_ENDS) and i - 1 not in inline):
            answering[key(lab.split.name)] = answering.get(key(lab.split.name), 0) + 1
    # … or when two answer questions and one of them is read with confidence (`师傅梁志强：…`, later `梁师傅：…`)
    answers = sum(answering.values())
    # … or when every one of two or more interviewer's turns is answered by one, right after it
    # (`问：…` then `店主阿珍：…`, `问：…` then `食客老侯：…`: familiar names the tables read on thin
    # evidence; before, every answer went, label and all, to `TODO: 受访者`)
    turns = [q for q in asked if q + 1 < len(blocks) and q + 1 not in asked]
    if found or sum(lab.split.doubt is None for lab in inline.values()) >= 2 or max(answering.values(), default=0) >= 2 or (
            answers >= 2 and any(lab.split.doubt is None for lab in inline.values())) or (
            len(turns) >= 2 and all(q + 1 in inline for q in turns)):
        found.update(inline)
    _dash_labels(blocks, found, parser, asked)
    _surname_labels(blocks, found, parser, asked)
    _lenient_labels(blocks, found, parser, table, aliases)
    _answering_relations(blocks, found, asked, table)
    return found


def _named_host(name: str, blocks: list[Block], found: dict[int, Label], table: Rules) -> bool:
    """`龙飞：…` beside the guests' label lines, where the copy's top names the host (`主持人 龙飞`,
    `主持人：龙飞`): the host's turns, labels (questioner_turns makes them the questions and the last
    word a note). Before: the first was the question with its label, the last the last guest's words."""
    words = "|".join(re.escape(w) for w in sorted(table.interviewer, key=len, reverse=True) if len(w) >= 2)
    intro = "\n".join(b.text for b in blocks[: min(found, default=0)])
    return bool(words and len(name) >= 2 and re.search(rf"(?:{words})\s*[：:]?\s*{_CO_HOSTS}{re.escape(name)}(?![^\s，。、；])", intro))


def _dash_labels(blocks: list[Block], found: dict[int, Label], parser: LabelParser, asked: set[int]) -> None:
    """`周明——八年了。`: a name and a dash for its colon, as some outlets set a turn. A dash also
    opens an appositive (`黄河——中华民族的母亲河`), so such a label counts only for a name read with
    confidence that answers two of the copy's questions, each right after one, or one a colon label
    already names (before: the whole interview stayed in the article, every name and dash in it)."""
    candidates: dict[int, Label] = {}
    for i, block in enumerate(blocks):
        if i in found or i in asked or block.heading or numbered(block) or not (match := _DASH.match(block.text)):
            continue
        split = parser.parse(match["label"])
        if split is not None and split.doubt is None:
            candidates[i] = Label(split, match["label"].strip(), match["rest"].strip(), block.line)
    known = {key(lab.split.name) for lab in found.values()}
    answering: dict[str, int] = {}
    for i, lab in candidates.items():
        if i - 1 in asked or (i >= 1 and blocks[i - 1].text.endswith(_QUESTION_ENDS) and i - 1 not in candidates):
            answering[key(lab.split.name)] = answering.get(key(lab.split.name), 0) + 1
    for i, lab in candidates.items():
        if answering.get(key(lab.split.name), 0) >= 2 or key(lab.split.name) in known:
            found[i] = lab


def _answering_relations(blocks: list[Block], found: dict[int, Label], asked: set[int], table: Rules) -> None:
    """A label whose role is how one names a relation (`徒弟卢小东：`, `师父赵德顺：`) is flagged as
    maybe a sentence of the answer before it; one standing right after a question (the
    interviewer's turn, or a line of the copy asking) answers it: a speaker's label, no doubt
    (before: W407 on every apprentice, daughter or neighbour an outlet interviews)."""
    for i, label in found.items():
        split = label.split
        if split.role not in table.relations or "reads like someone a speaker speaks of" not in (split.doubt or ""):
            continue
        if i >= 1 and i - 1 not in found and (i - 1 in asked or blocks[i - 1].text.endswith(_QUESTION_ENDS)):
            label.split = replace(split, doubt=None)


def _surname_labels(blocks: list[Block], found: dict[int, Label], parser: LabelParser, asked: set[int]) -> None:
    """`王：…` after `司机王建国：…`: a roundtable's later turns labelled by a surname alone. A
    surname of a speaker the copy names in full is a label (its own line, or the start of a
    paragraph), marked for a look; people.py gives it to that speaker when only one has the
    surname (before: the paragraph was added, label and all, to the previous speaker's answer)."""
    named = {lab.split.name for lab in found.values()}
    known = {name[:size] for name in named for size in (2, 1)
             if 2 <= len(name) <= 4 and name[:size] in parser.surnames and all(is_han(c) for c in name)}
    if not known:
        return
    for i, block in enumerate(blocks):
        if i in found or i in asked or block.heading or numbered(block) or i < min(found):
            continue  # (inside the Q&A: after the first label)
        match = _INLINE.match(block.text)
        label = bare(block.text) if block.text.endswith(("：", ":")) else (match["label"].strip() if match else "")
        if without_decoration(label) in known:
            name = without_decoration(label)
            rest = None if block.text.endswith(("：", ":")) else match["rest"].strip()
            found[i] = Label(Split(None, name, doubt=f"the copy labels answers “{name}”, a surname alone"), label,
                             rest, block.line)


def _turn(text: str, words: tuple[str, ...]) -> str | None:
    """The text after a turn label of `words` (`问：…` → `…`, `问：` → ''), or None."""
    for pattern in (_TURN, _LOOSE_TURN):
        match = pattern.match(text)
        if match is not None and _is_turn_word(match["label"], words) and not (
                pattern is _LOOSE_TURN and _letter_word(match["label"], match["rest"])):
            return match["rest"].strip()
    return None


def _letter_word(label: str, rest: str) -> bool:
    """`A 股…`, `B 站…`: the letter and the words after it make one word of the table
    (`letter_words`), so the paragraph opens with that word, not with a turn label."""
    words = rules().letter_words
    longest = max((len(w) for w in words), default=0)
    joined = (label + rest.lstrip()).casefold().replace(" ", "")
    return any(joined[:size] in words for size in range(len(label) + 1, longest + 1))


def _is_turn_word(label: str, words: tuple[str, ...]) -> bool:
    """`问`, `Ｑ`, and numbered `Q1`, `问2.` are turns of `words`."""
    return key(_TURN_NUMBER.sub("", label)) in {key(w) for w in words}


def bracketed_labels(blocks: list[Block], parser: LabelParser, table: Rules) -> list[Block]:
    """`【问】…`, `【张伟】…`, `〔骑手苗青〕…`: a label in brackets (rules.toml's `brackets`) is written
    `问：…` / `张伟：…` when it is a turn word or reads as a speaker label; any other bracket
    (`【编者按】`, `[1]`) stays."""
    out: list[Block] = []
    mark = ""  # (a label alone on its line: its mark opens the next paragraph, the answer)
    for block in blocks:
        if mark:
            block, mark = replace(block, text=f"{mark}{block.text}"), ""
        # `施密特（翻译）：…`: the bracket says how the words came (rules.toml `delivered`), not a role: it
        # opens the answer, an aside there, and the label is the name (before: the role was “翻译”)
        if (came := table.delivered.match(block.text)) and parser.parse(came["name"]) is not None:
            mark = came["mark"].replace("(", "（").replace(")", "）")
            block = replace(block, text=f"{came['name']}{came['colon']}{mark if came['rest'] else ''}{came['rest']}")
            mark = "" if came["rest"] else mark
        match = table.label_brackets.match(block.text)
        if match:
            label = next(v for k, v in match.groupdict().items() if k.startswith("label") and v is not None).strip()
            if _is_turn_word(label, (*table.interviewer, *table.interviewee)) or parser.parse(label):
                block = replace(block, text=f"{label}：{match['rest'].strip()}")
        out.append(block)
    return out


def interviewer_turns(blocks: list[Block], table: Rules) -> tuple[list[Block], set[int]]:
    """`问：…` / `记者：…` paragraphs (two or more in the copy) are the questions: the label goes,
    the question stays (a label alone on its line asks the paragraph after it). Their indices."""
    if sum(_turn(b.text, table.interviewer) is not None for b in blocks) < 2:
        return blocks, _marked_questions(blocks, table)
    out: list[Block] = []
    asked: set[int] = set()
    pending = False
    for block in blocks:
        rest = _turn(block.text, table.interviewer)
        if rest is None:
            if pending:
                asked.add(len(out))
            pending = False
            out.append(block)
        elif rest:
            asked.add(len(out))
            out.append(replace(block, text=rest, heading=True))
        else:
            pending = True
    return out, asked


def _marked_questions(blocks: list[Block], table: Rules) -> set[int]:
    """Questions the page or Word file sets apart (in bold, or as headings) with the answers after
    them unlabelled (`<p><strong>为什么来上夜校？</strong></p>` then `<p>孩子上大学了…</p>`): two or more
    such questions, each followed by a paragraph in plain type, are the interviewer's turns; their
    answers go to the placeholder speaker, as `问：` copy's unlabelled answers do (before: the whole
    interview was the article's, its questions printed as paragraphs)."""
    def marked(b: Block) -> bool:
        return b.strong or b.heading or b.text.startswith(table.question_marks)

    found = {i for i, b in enumerate(blocks[:-1]) if marked(b) and b.text.endswith(_QUESTION_ENDS)
             and len(b.text) <= table.question_max and not marked(blocks[i + 1])}
    return found if len(found) >= 2 else set()


def interviewee(labels: dict[int, Label]) -> None:
    """`答：` answers name nobody: one speaker with a placeholder name (an error until written),
    whose doubt names the copy's lines; so does each numbered voice of a meeting transcript
    (`说话人1`), one speaker a number."""
    turns = [lab for lab in labels.values() if lab.split.name == INTERVIEWEE]
    if turns:
        where = lines_of(turns)
        doubt = (f"the copy's answers labelled “{turns[0].text}” ({where}) name nobody: write the interviewee's "
                 "name here (the article may say who it is)")
        for lab in turns:
            lab.split = replace(lab.split, doubt=doubt)
    voices: dict[str, list[Label]] = {}  # `说话人1`: a meeting transcript's numbered voice
    for lab in labels.values():
        if lab.split.name.startswith(f"{TODO}: ") and lab.split.name != INTERVIEWEE:
            voices.setdefault(lab.split.name, []).append(lab)
    for voice in voices.values():
        doubt = (f"the transcript's voice “{voice[0].text}” ({lines_of(voice)}) names nobody: write this "
                 "speaker's name here (the meeting's invitation or the article may say who it is)")
        for lab in voice:
            lab.split = replace(lab.split, doubt=doubt)


def lines_of(labels: list[Label]) -> str:
    lines = [str(lab.line) for lab in labels if lab.line is not None]
    if not lines:
        # (an unlabelled answer of a page: its first words; before, the doubt named paragraphs “”、“”)
        return "paragraphs " + "、".join(f"“{lab.text or _opening(lab.rest or '')}”" for lab in labels[:3])
    return ("copy line " if len(lines) == 1 else "copy lines ") + ", ".join(lines)


def _opening(text: str) -> str:
    """A paragraph's first words, to name it in a message: up to its first mark, at most 12 characters."""
    words = re.split(r"[。！？!?；;，,：:]", text, maxsplit=1)[0]
    return words[:12] + ("…" if len(words) > 12 or len(words) < len(text) else "")


def name_lines(blocks: list[Block], labels: dict[int, Label], parser: LabelParser, asked: set[int],
                draft: Draft) -> None:
    """Copy without any colon label may put each speaker's name alone on the line before the
    answer (`陈桂芳` / `三点。…`). Such lines count when there are at least two, at least one
    name comes back (or there are three), and each is a confident reading of a name, or a role and
    a name the copy parts with a space (`摊主 蒯大年`, a surname no table knows: the space is the evidence,
    the `# check:` stays; before, the line was taken for the previous speaker's words)."""
    if labels:
        return
    found: dict[int, Label] = {}
    for i, block in enumerate(blocks[:-1]):
        text = block.text
        if i in asked or block.heading or numbered(block) or len(text) > 16 or _SENTENCE_MARK.search(text):
            continue
        split = parser.parse(text)
        spaced = split is not None and split.role is not None and text.split() == [split.role, split.name]
        if split is None or (split.doubt is not None and not spaced) or split.handle:
            continue
        found[i] = Label(split, text, line=block.line)
    found = {i: lab for i, lab in found.items() if i + 1 not in found and i + 1 < len(blocks)}
    names = [key(lab.split.name) for lab in found.values()]
    if len(found) >= 2 and (len(set(names)) < len(names) or len(found) >= 3):
        labels.update(found)
        draft.stats.notes.append(f"speaker names read from lines holding a name alone ({lines_of(list(found.values()))})")


def _alias_label(text: str, aliases: dict[str, str], table: Rules) -> Split | None:
    """A label whose name is one the copy glossed (`萨姆·奥特曼（Sam Altman）` → `奥特曼：`)."""
    for alias in sorted(aliases, key=len, reverse=True):
        if key(text).endswith(alias):
            role = text[: len(text) - len(_tail(text, alias))].strip()
            if not role or ends_with_role(role, table):
                return Split(role or None, _tail(text, alias))
    return None


def _tail(text: str, alias_key: str) -> str:
    """The end of `text` that is `alias_key` once keyed (white space, width, case)."""
    for start in range(len(text)):
        if key(text[start:]) == alias_key:
            return text[start:]
    return text


def _lenient_labels(blocks: list[Block], found: dict[int, Label], parser: LabelParser, table: Rules,
                    aliases: dict[str, str]) -> None:
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
        if len(text) > table.label_max or bare(text) in table.reference_headings or numbered(blocks[i]):
            continue
        split = _alias_label(bare(text), aliases, table) or parser.parse(text, lenient=True)
        if split is not None:
            found[i] = Label(split, text.rstrip("：:").strip(), line=blocks[i].line)


def unread_labels(draft: Draft, table: Rules) -> None:
    """An answer's paragraph that opens like a label the importer could not read (`呼兰：…`, a
    name no table knows) may be another person's answer: it stays where it is, and the speaker it
    stands under gets a `# check:` quoting it, so the editor decides (a guess either way could
    put words under the wrong name)."""
    for answer in draft.answers:
        for k, para in enumerate(answer.paragraphs):
            match = _INLINE.match(para.text) if not para.text.endswith(("：", ":")) else None
            label = match["label"].strip() if match else para.text.rstrip("：:").strip()
            if (k == 0 and match is None) or not _name_like(label, table):
                continue
            where = f"copy line {para.line}" if para.line else "a paragraph"
            shown = para.text if len(para.text) <= 24 else para.text[:24] + "…"
            draft.people[answer.person].doubts.append(
                f"{where} in its answer, “{shown}”, may be another speaker's label: if so, give it an answer of its own")


def _name_like(label: str, table: Rules) -> bool:
    """A label-sized run that could be a name: 2–4 Han characters or Latin words, no digits,
    no sentence words or marks, no role word or ordinal alone."""
    if _SENTENCE_MARK.search(label) or any(w in label for w in table.sentence_words) or any(c.isdigit() for c in label):
        return False
    if label in table.role_words or label in table.interviewer or label in table.interviewee:
        return False
    if label.casefold() in table.not_speakers:
        return False  # (`提示：…`, `背景：…` in an answer are its signposts, not another speaker)
    if label.startswith(table.ordinals):
        return False
    han = all("\u3400" <= c <= "\u9fff" for c in label)
    return (han and 2 <= len(label) <= 4) or bool(re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", label))


def numbered(block: Block) -> bool:
    return block.item is not None or point_number(block.text)[0] is not None


def bare(text: str) -> str:
    return text.strip().rstrip("：:").strip()
