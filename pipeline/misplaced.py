"""Text that stands in the wrong block, found on the model (`publish check`, W426).

The ninth robustness sweep found an interviewer's follow-up pasted inside the answer it
interrupts, as copy prints it (`问：那白天呢？`, `**记者：为什么？**`): the reader takes it as the
speaker's own words, so every edition printed it under that speaker's label and the audio read
it in that speaker's voice. A question of its own is a `##` chapter. A warning, not an error: an
answer may quote a question put to the speaker.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.diagnostics import Diagnostic
from pipeline.model import Document, Section

# The labels copy gives an interviewer's turn (as `publish import` reads them, rules.toml), then a
# sentence that asks. Matched on the model's text (bold already read), folded (`Ｑ：`, `Ｑ１：`), and
# read through its simplified forms (`_folded`): a title in traditional characters writes `追問：`,
# `記者：` (the thirteenth sweep: neither W426 nor W429 saw them).
INTERVIEWER_LABELS = ("问", "提问", "追问", "记者", "主持人", "Q", "Question", "Interviewer")
# A label is followed by its colon, or set in brackets (`【追问】`, `[问]`, as the importer reads
# `【问】`), or the whole turn is in brackets (`（追问：那后来呢？）`; NFKC made `（` `(`).
_LABEL = r"(?:" + "|".join(INTERVIEWER_LABELS) + r")\s*\d{0,2}"
_OPEN, _CLOSE = r"[(\[【〔]", r"[)\]】〕]"
_TURN = (rf"(?P<label>{_OPEN}\s*{_LABEL}\s*{_CLOSE}\s*[:：]?|{_LABEL}\s*[:：])\s*(?P<question>.+?[?？])"
         rf"|{_OPEN}\s*(?P<bracketed>{_LABEL}\s*[:：])\s*(?P<inside>.+?[?？])\s*{_CLOSE}")
_ASKED = re.compile(rf"\s*(?:{_TURN})\s*", re.IGNORECASE)


def _folded(text: str) -> str:
    """The text as the tables above are written: half-width (NFKC), simplified characters."""
    from pipeline.passes.pinyin.hant import hant_to_hans

    return unicodedata.normalize("NFKC", text).translate(hant_to_hans())


def _as_written(text: str, match: re.Match[str], group: str) -> str:
    """A group of a match on the folded text, as the source writes it ('？' not folded): folding
    keeps each character's place but for the rare compatibility character that NFKC spells out."""
    folded = match.string
    if len(folded) != len(text):
        return match[group].strip()
    return text[match.start(group):match.end(group)].strip()


def questions_in_answers(doc: Document) -> list[Diagnostic]:
    """W426 for each paragraph of an answer that is a labelled question."""
    found = []
    for section in doc.sections:
        for answer in section.answers:
            for paragraph in answer.paragraphs:
                asked = _ASKED.fullmatch(_folded(paragraph.text))
                if asked is None:
                    continue
                question = _as_written(paragraph.text, asked, asked["question"] and "question" or "inside")
                found.append(Diagnostic(
                    "W426", paragraph.loc.path, paragraph.loc.line, paragraph.loc.col,
                    f"'{paragraph.text.strip()[:40]}' is a question inside {answer.speaker.name}'s answer: every edition "
                    f"prints it as {answer.speaker.name}'s words, and the audio reads it in that voice: it is the "
                    f"chapter '## {question}'"))
    return found


# (the eleventh sweep) The interviewer's label kept in a question's heading, as copy prints the turn:
# '## 问：你为什么…', '## Q1：…', '## 问 : …' (a space before the colon, or a full-width one). Every
# edition printed the label as the question's first word, the contents listed it, and the audio read
# "问" aloud before the question. A warning: a heading may quote a label on purpose.
_LABELLED_HEADING = re.compile(rf"\s*(?P<label>{_OPEN}\s*{_LABEL}\s*{_CLOSE}\s*[:：]?|{_LABEL}\s*[:：])\s*(?P<question>\S.*)",
                               re.IGNORECASE)


def labels_in_headings(doc: Document) -> list[Diagnostic]:
    """W429 for each question chapter whose heading opens with an interviewer's label."""
    found = []
    for section in doc.sections:
        labelled = _LABELLED_HEADING.fullmatch(_folded(section.title or ""))
        if section.kind in ("question", "closing") and labelled is not None:
            question = _as_written(section.title or "", labelled, "question")
            found.append(Diagnostic(
                "W429", section.loc.path, section.loc.line, 1,
                f"the heading opens with the interviewer's label '{(section.title or '')[:len(section.title or '') - len(question)].strip()}': "
                f"every edition prints it as the question's first word (and the contents list it), and the audio reads "
                f"it aloud; the heading is the question alone: '## {question[:30]}'"))
    return found


# (the twelfth sweep) Questions numbered in their headings, as copy numbers them ('## 1. …', '## 二、…',
# '## （3）…', '## 第4问：…'), with a number given twice or skipped: every edition prints the numbers as
# written (it numbers nothing itself), so the reader saw '2.' twice, or '4.' after '2.', and the
# contents listed them so. Usually a question cut or pasted twice; a warning, since a number may be meant.
_NUMBERED_HEADING = re.compile(r"\s*(?:第\s*)?[（(]?\s*(?P<number>\d{1,3}|[一二三四五六七八九十]{1,3})\s*"
                               r"(?:[.、:)）]|问|题|\s)")
_DIGITS = {character: value for value, character in enumerate("一二三四五六七八九", 1)}


def _number(written: str) -> int | None:
    """'12' → 12, '十二' → 12, '二十' → 20 (a Chinese numeral up to 九十九); None for another run."""
    if written.isdigit():
        return int(written)
    tens, _, units = written.rpartition("十")
    if "十" not in written:
        return _DIGITS.get(written) if len(written) == 1 else None
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


# (the thirteenth sweep) A heading that is a question's number alone ('## 2.', '## （3）', '## Q4', '## 第5问') or the
# interviewer's label alone ('## 问：'): the question's words may be lost (cut, or left on the line below), and every
# edition prints '2.' or '问：' as the question. A warning (W435), not an error: a panel may name its chapters so
# ('## 第一问') and put the question in the text below
_NUMBER_ALONE = re.compile(r"\s*(?:(?:第|问题|Q|q)\s*)?[（(]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*"
                           r"(?:[.、:)）]|问|题)?\s*")
_LABEL_ALONE = re.compile(r"\s*(?:问|提问|记者|主持人|Q|Question|Interviewer)\s*[:：]?\s*", re.I)


def without_words(title: str) -> str | None:
    """What a chapter's heading holds instead of a question ("a question's number", "the interviewer's
    label"), or None when it holds words (W435: a warning, since a panel may name its chapters '第一问')."""
    title = unicodedata.normalize("NFKC", title)
    return ("a question's number" if _NUMBER_ALONE.fullmatch(title) else
            "the interviewer's label" if _LABEL_ALONE.fullmatch(title) else None)


def numbered_questions(doc: Document) -> list[Diagnostic]:
    """W433 for each question heading whose number repeats or skips the one before it in the same
    numerals (when two or more of the questions are numbered). Digits and Chinese numerals are two
    counts: copy numbers its parts 一、二、 and the questions inside them 1. 2. (an imported
    '## 二、店主们' then '## 1. …' is no skip)."""
    numbered = []
    for section in doc.sections:
        found = _NUMBERED_HEADING.match(unicodedata.normalize("NFKC", section.title or ""))
        if section.kind in ("question", "closing") and found is not None and (n := _number(found["number"])) is not None:
            numbered.append((section, n, found["number"]))
    found_problems = []
    last_of_style: dict[bool, tuple[Section, int]] = {}  # digits or Chinese numerals: one count each
    for section, n, written in numbered:
        previous, last_of_style[written.isdigit()] = last_of_style.get(written.isdigit()), (section, n)
        if previous is None or n == previous[1] + 1:
            continue
        before, n_before = previous
        what = (f"numbered {written} again (so is the question on line {before.loc.line})" if n == n_before else
                f"numbered {written} after {n_before} (line {before.loc.line})"
                + (f": {', '.join(str(k) for k in range(n_before + 1, min(n, n_before + 4)))}"
                   f"{' …' if n - n_before > 4 else ''} skipped" if n > n_before else ""))
        found_problems.append(Diagnostic(
            "W433", section.loc.path, section.loc.line, 1,
            f"the question '{(section.title or '')[:30]}' is {what}: every edition prints the numbers as written"))
    return found_problems
