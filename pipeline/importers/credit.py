"""The credit line: `本文来自微信公众号：凤凰网（ID：ifeng-news），作者：燕青、王之言，编辑：GGY`.

A line is a credit line when it *starts* with a credit keyword (from `data/rules.toml`) and is
made of `keyword：value` clauses; it then gives the authors, the editor, the account (where the
piece first ran) and the outlet (the account's name without platform and ID). A byline without
colons (`记者 李四 王五`, `本报记者 张三 通讯员 李四`) and an English one (`By Jane Doe`) give the
authors. A copy may spread its credits over several lines (`文｜张三` at the top, `责任编辑：王五`
at the end): `merge_credits` makes one credit of them.
"""

from __future__ import annotations

import re

from pipeline.importers.draft import Credit
from pipeline.importers.rules import Rules
from pipeline.pinyin_syllables import is_han

_TRIM = "，,；;。 \t|｜丨/"
_PEOPLE_SPLIT = re.compile(r"\s*(?:[、，,/／]|和|与|及)\s*|(?<![A-Za-z.])\s+|\s+(?![\sA-Za-z])")  # (`Jane Doe` is one)
_ACCOUNT_NAME = re.compile(r"(?:微信)?公众号\s*[：:]?\s*(?P<name>[^（(，,]+)")
_BEFORE_ID = re.compile(r"^(?P<name>[^（(]+)[（(]")
MAX_LENGTH = 200
_ASKED = re.compile(r"[？?！!]")
# a space between Chinese characters in a credit (`文字｜屈小凡 编辑｜范蕾`, `记者 巫宏 实习生 骆晴`) is
# written full-width, as Chinese credits set it (before: the credit the importer wrote was W415)
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \t]+(?=[\u3400-\u9fff])")
_SENTENCE_ENDS = ("。", "…", "！", "？", ".", "!", "?")
_MARKS = "：:｜|丨/／"
_BRACKETED_PART = re.compile(r"[（(][^（()）]*[）)]")
_BYLINE_CLOSERS = ("报道", "综合报道", "摄影报道", "联合报道")  # `记者 张三 李四 报道`
_BRACKETS = re.compile(r"^[（(](?P<inner>[^（()）]+)[）)]$")
_SENTENCE = re.compile(r"[。！？!?；;：:“”\"]")
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}[·•・][\u3400-\u9fff]{1,8}")
_ENGLISH_SPLIT = re.compile(r"\s*(?:,|，|&|＆|\band\b)\s*")
_ENGLISH_NAME = re.compile(r"[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,3}")


def parse_credit(text: str, table: Rules, beside: bool = False) -> Credit | None:
    """The credit a line gives, or None. `beside` (a line next to a credit line): a line of
    credits that fill no field (`统筹：王五`, `校对：李四`) counts too, so it leaves the text."""
    if len(text) > MAX_LENGTH or _ASKED.search(text) or _interviewer_says(text, table):
        return None  # (`记者：食堂亏不亏？` is a question of the interview, not a byline)
    if bracketed := _BRACKETS.match(text):
        text = bracketed["inner"].strip()  # `（责任编辑：邹静）`
    credit = _keyed_credit(text, table, beside) or _bare_byline(text, table) or _english_byline(text, table)
    if credit is not None and not all(_name_sized(a) for a in credit.authors):
        return None  # (`记者：这家店开了多久了。` is the interviewer's turn)
    return credit


def _interviewer_says(text: str, table: Rules) -> bool:
    """`记者：明白。`, `主持人：好的。`: an interviewer's word with a colon, then a sentence (ended
    like one): the interviewer's turn, never a byline (before: `记者：明白。` made 明白 the author
    and the interjection left the text)."""
    label, colon, rest = text.partition("：") if "：" in text else text.partition(":")
    return bool(colon) and label.strip() in table.interviewer and rest.rstrip().endswith(_SENTENCE_ENDS)


def merge_credits(credits: list[Credit]) -> Credit:
    """One credit of several credit lines, in the copy's order: every author once, the first
    editor, account and outlet; the credit text is the lines joined."""
    merged = Credit(text=_HAN_GAP.sub("\u3000", "，".join(c.text.strip(_TRIM) for c in credits)))
    for credit in credits:
        merged.authors += [a for a in credit.authors if a not in merged.authors]
        merged.editor = merged.editor or credit.editor
        merged.editors += [e for e in credit.editors if e not in merged.editors]
        if merged.account is None and credit.account:
            merged.account, merged.outlet = credit.account, credit.outlet
    return _responsible(merged)


def _responsible(credit: Credit) -> Credit:
    """`编辑：祁蔓` beside `责编：庞越`: the front matter's one `editor:` is the responsible editor, the one a
    newsroom answers for the piece by (rules.toml `[credit] responsible`), wherever the copy names them;
    the others stay in the credit line. Before: the first editor clause won, `编辑：` over `责编：`."""
    from pipeline.importers.rules import rules

    responsible = [name for word, name in credit.editors if word in rules().credit_responsible]
    if responsible:
        credit.editor = responsible[0]
    return credit


def _name_sized(author: str) -> bool:
    """An author is a name: a few Han characters (a compound surname, a `·`), or Latin words."""
    han = sum(is_han(c) for c in author)
    return (han <= 6 if han else len(author) <= 40) and not _SENTENCE.search(author)


def _bare_byline(text: str, table: Rules) -> Credit | None:
    """`记者 李四 王五`, `本报记者 张三 通讯员 李四`, `新京报记者 张三 编辑 李四`: credit keywords (or a
    word ending in an author keyword: an outlet's 记者) each followed by names, separated by spaces."""
    words = text.split()
    if len(words) < 2 or not _author_word(words[0], table):
        return None
    credit, field, key = Credit(text=text), "authors", ""
    for word in words[1:]:
        if word in _BYLINE_CLOSERS:
            continue
        if _author_word(word, table):
            field = "authors"
        elif word in table.credit_editor or word in table.credit_other:
            field = "editor" if word in table.credit_editor else "other"
            key = word
        elif not _HAN_NAME.fullmatch(word):
            return None
        elif field == "authors":
            credit.authors.append(word)
        elif field == "editor":
            credit.editor = credit.editor or word
            credit.editors.append((key, word))
    return _responsible(credit) if credit.authors else None


def _author_word(word: str, table: Rules) -> bool:
    return word in table.credit_authors or (
        len(word) <= 10 and any(word.endswith(k) for k in table.credit_authors if len(k) >= 2))


def _english_byline(text: str, table: Rules) -> Credit | None:
    """`By Jane Doe`, `By Jane Doe and John Roe`, `Written by J. R. Smith`."""
    for word in table.credit_english_by:
        if text.startswith(word + " "):
            people = [p.strip() for p in _ENGLISH_SPLIT.split(text[len(word):].strip()) if p.strip()]
            if people and all(_ENGLISH_NAME.fullmatch(p) for p in people):
                return Credit(text=text, authors=people)
    return None


def _keyed_credit(text: str, table: Rules, beside: bool = False) -> Credit | None:
    fields = {"source": table.credit_source, "authors": table.credit_authors, "editor": table.credit_editor,
              "other": table.credit_other}
    # a source keyword written with its mark (`来源：`, `来源|`) takes any mark, spaced or not
    # (`来源 | 三联生活周刊`); one without (`本文来自`) needs none
    marked = {k[:-1] for k in table.credit_source if k[-1] in _MARKS}
    keys = sorted({(k[:-1] if f == "source" and k[-1] in _MARKS else k, f) for f, ks in fields.items() for k in ks},
                  key=lambda kf: len(kf[0]), reverse=True)
    alternation = "|".join(re.escape(k) for k, _ in keys)
    field_of = dict(keys)
    pattern = re.compile(rf"(?:^|(?<=[{re.escape(_TRIM)}]))(?P<key>{alternation})\s*(?P<sep>[{_MARKS}]?)\s*")
    matches = [m for m in pattern.finditer(text)
               if m["sep"] or (field_of[m["key"]] == "source" and m["key"] not in marked)]
    if not matches or matches[0].start() != 0:
        return None
    credit = Credit(text=text)
    names_only = True  # (a line of credits that fill no field counts only when it lists names)
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(_TRIM)
        if not value:
            continue
        names_only = names_only and all(_name_sized(p) for p in _PEOPLE_SPLIT.split(value) if p)
        field = field_of[match["key"]]
        if field == "source" and credit.account is None:
            credit.account = value
            credit.outlet = _outlet(value)
        elif field == "authors" and not credit.authors:  # (`作者：张三（北京大学教授）`: the name)
            credit.authors = [p for p in _PEOPLE_SPLIT.split(_BRACKETED_PART.sub("", value)) if p]
        elif field == "editor":
            credit.editor = credit.editor or value
            credit.editors.append((match["key"], value))
    if not (credit.authors or credit.account or credit.editor) and not (beside and names_only):
        return None  # (`视频：我们拍了三天` ending an answer is its words)
    if "。" in text.rstrip("。"):
        return None  # a sentence, not a credit line
    return _responsible(credit)


def _outlet(account: str) -> str:
    if match := _ACCOUNT_NAME.search(account):
        return match["name"].strip()
    if match := _BEFORE_ID.match(account):
        return match["name"].strip()
    return account
