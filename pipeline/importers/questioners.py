"""The interviewer found by its turns (`新京报：…`, `主持人刘洋：`, a host the top names, the byline's reporter in a
chat): its paragraphs are the questions, its opening words the article's and its last words a note. Split out
of `labels.py` (which finds the labels these read) to keep each module to one concern.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.importers.formats import Block
from pipeline.importers.labels import _CO_HOSTS, _INLINE, _QUESTION_ENDS, Label
from pipeline.importers.names import tidy_role
from pipeline.importers.people import key
from pipeline.importers.rules import Rules


def questioner_turns(blocks: list[Block], labels: dict[int, Label], asked: set[int], table: Rules,
                     closers: set[int] | None = None, reporters: tuple[str, ...] = ()) -> set[int]:
    """The interviewer, found by its turns: those paragraphs are questions however long (never
    words added to the previous answer, never answers of a speaker). Two kinds, each coming back
    at least twice and each time answered by a labelled speaker:

    - `新京报：…`, `《人物》：…`: a label no speaker table reads;
    - `南方周末：…？`, `记者周明：` + `…？`: a label read as a speaker whose every turn is one paragraph
      asking a question (it leaves the labels; a label on its own line joins its question)."""
    closers = set() if closers is None else closers  # (filled: the host's closing turn, kept as a note)
    asking: dict[int, Label] = {}
    turns: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        if i in labels or i in asked or block.heading or not (match := _INLINE.match(block.text)):
            continue
        if len(match["label"]) <= 12:
            turns.setdefault(key(match["label"]), []).append(i)
    found = {i for group in turns.values() if len(group) >= 2 and all(i + 1 in labels for i in group) for i in group}
    by_speaker: dict[str, list[int]] = {}
    for i, label in labels.items():
        by_speaker.setdefault(key(label.split.name), []).append(i)
    hosts = {key(w) for w in table.interviewer}
    intro = "".join(b.text for b in blocks[: min(labels, default=0)])
    words = "|".join(re.escape(w) for w in sorted(table.interviewer, key=len, reverse=True) if len(w) >= 2)
    first = min(labels, default=-1)
    openers: dict[int, Label] = {}
    for group in by_speaker.values():
        # a speaker labelled with an interviewer's role (`主持人刘洋：`, then `刘洋：`) asks: each turn
        # of one paragraph that another speaker answers is a question, whatever its end
        # (`好。那夜里乘客多吗？`); a turn nobody answers (`感谢两位。`) stays the host's words
        # … and so does one the intro names as the host (`由主持人刘洋主持`, `本期主持人：刘洋`), labelled by name
        name = labels[group[0]].split.name
        # … and so does the copy's own reporter, the byline's author labelled by name (`宓晴 21:02` over each message of
        # a chat app's paste, `记者 宓晴` at the top: before, a greeting that asked nothing, `在吗？想问你几个问题。`, made
        # the reporter a speaker, every turn an answer under a `TODO: 问题`)
        host = any(labels[i].split.role and key(labels[i].split.role) in hosts for i in group) or bool(
            words and name and re.search(rf"(?:{words})\s*[：:]?\s*{_CO_HOSTS}{re.escape(name)}", intro)) or (
            key(name) in {key(r) for r in reporters})
        questions = [_asks(blocks, labels, i, any_end=host) for i in group]
        if host and group[0] == first and questions[0] is None and (q := _opening_turn(blocks, labels, first)) is not None:
            # the host's opening turn of several paragraphs, the copy's first (`祝安：` over a welcome and `今天的嘉宾是…`,
            # the guest answering): its words before the last are the article's, the last the first question (before:
            # the host's answer under a `TODO: 问题`)
            openers[first] = labels.pop(first)
            found.add(q)
        if host or len(group) >= 2 and all(q is not None for q in questions):
            for i, q in zip(group, questions):
                if q is not None:
                    asking[i] = labels.pop(i)
                    found |= {i, q}
            last = group[-1]
            if host and questions[-1] is None and last == max(labels, default=-1) and _closing_turn(blocks, labels, last):
                # the host's last turn nobody answers (`主持人林一：谢谢！`): the host's words closing the
                # talk, kept with its label after the Q&A, never an answer (before: an answer of the host)
                # (… its label alone on its line over them too, `阎小溪：` / `谢谢尚老师…`: before, the host's answer)
                alone = labels[last].rest is None
                closing = blocks[last + 1].text if alone else labels[last].rest
                blocks[last] = replace(blocks[last], text=f"{tidy_role(labels[last].text)}：{closing}")
                if alone:
                    blocks[last + 1] = replace(blocks[last + 1], text="")
                    closers.add(last + 1)
                del labels[last]
                closers.add(last)
    # one interviewer asks every question: its label is the interviewer's mark, as `问：` is, and
    # goes (before: `主持人李四：` was printed in every question's heading); two who ask keep theirs
    askers = {key(label.split.name) for label in [*asking.values(), *openers.values()]}
    for i, label in asking.items():
        blocks[i] = _asking(blocks[i], label, table, keep=len(askers) > 1)
    for i, label in openers.items():  # (its label, where two ask, on its first paragraph; a line alone left empty)
        mark = f"{tidy_role(label.text)}：" if len(askers) > 1 else ""
        if label.rest is None:
            blocks[i], blocks[i + 1] = replace(blocks[i], text=""), replace(blocks[i + 1], text=mark + blocks[i + 1].text)
        else:
            blocks[i] = replace(blocks[i], text=mark + label.rest)
    return found


def _opening_turn(blocks: list[Block], labels: dict[int, Label], i: int) -> int | None:
    """The last paragraph of label i's turn when it has two paragraphs or more and another's label follows it."""
    end = next((j for j in sorted(labels) if j > i), None)
    start = i if labels[i].rest is not None else i + 1
    return end - 1 if end is not None and end - 1 > start and all(k not in labels for k in range(i + 1, end)) else None


def _closing_turn(blocks: list[Block], labels: dict[int, Label], i: int) -> bool:
    """A label's turn of one paragraph, the copy's last: `主持人林一：谢谢！`, or the label alone over it."""
    label = labels[i]
    return blocks[-1].text.endswith(label.rest) if label.rest is not None else i + 1 == len(blocks) - 1


def _asking(block: Block, label: Label, table: Rules, keep: bool = True) -> Block:
    """The interviewer's turn as its question reads: a numbered voice's label (`说话人1：`, which
    names nobody) or, `keep` false, the one interviewer's label left out; else a host's label kept
    without the spaces the copy put between its Chinese characters (`记者 张三：` → `记者张三：`;
    before: every edition printed the space, W415)."""
    if table.anonymous.match(label.text):
        return replace(block, text=label.rest) if label.rest else block
    if not keep:  # (a label alone on its line asks nothing: an empty heading, joined to none)
        return replace(block, text=label.rest or "")
    return replace(block, text=f"{tidy_role(label.text)}：{label.rest or ''}")


def _asks(blocks: list[Block], labels: dict[int, Label], i: int, any_end: bool = False) -> int | None:
    """The index of the one paragraph of label i's turn when it asks a question (or, `any_end`,
    says anything) and the next block is another label; else None."""
    label = labels[i]
    q = i if label.rest is not None else i + 1
    text = label.rest if label.rest is not None else (blocks[q].text if q < len(blocks) else "")
    if q == i + 1 and (q in labels or q >= len(blocks)):
        return None
    if not (any_end or text.endswith(_QUESTION_ENDS)) or q + 1 not in labels:
        return None
    return q
