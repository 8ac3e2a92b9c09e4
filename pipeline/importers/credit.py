"""The credit line: `本文来自微信公众号：凤凰网（ID：ifeng-news），作者：燕青、王之言，编辑：GGY`.

A line is a credit line when it *starts* with a credit keyword (from `data/rules.toml`) and is
made of `keyword：value` clauses; it then gives the authors, the editor, the account (where the
piece first ran) and the outlet (the account's name without platform and ID).
"""

from __future__ import annotations

import re

from pipeline.importers.draft import Credit
from pipeline.importers.rules import Rules

_TRIM = "，,；;。 \t|｜丨/"
_PEOPLE_SPLIT = re.compile(r"\s*(?:[、，,/／]|和|与|及)\s*|\s+")
_ACCOUNT_NAME = re.compile(r"(?:微信)?公众号\s*[：:]?\s*(?P<name>[^（(，,]+)")
_BEFORE_ID = re.compile(r"^(?P<name>[^（(]+)[（(]")
MAX_LENGTH = 200
_ASKED = re.compile(r"[？?！!]")


def parse_credit(text: str, table: Rules) -> Credit | None:
    if len(text) > MAX_LENGTH or _ASKED.search(text):
        return None  # (`记者：食堂亏不亏？` is a question of the interview, not a byline)
    fields = {"source": table.credit_source, "authors": table.credit_authors, "editor": table.credit_editor,
              "other": table.credit_other}
    keys = sorted(((k, f) for f, ks in fields.items() for k in ks), key=lambda kf: len(kf[0]), reverse=True)
    alternation = "|".join(re.escape(k) for k, _ in keys)
    field_of = dict(keys)
    pattern = re.compile(rf"(?:^|(?<=[{re.escape(_TRIM)}]))(?P<key>{alternation})\s*(?P<sep>[：:｜|丨]?)\s*")
    matches = [m for m in pattern.finditer(text)
               if m["sep"] or m["key"][-1] in "：:|｜" or field_of[m["key"]] == "source"]
    if not matches or matches[0].start() != 0:
        return None
    credit = Credit(text=text)
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(_TRIM)
        if not value:
            continue
        field = field_of[match["key"]]
        if field == "source" and credit.account is None:
            credit.account = value
            credit.outlet = _outlet(value)
        elif field == "authors" and not credit.authors:
            credit.authors = [p for p in _PEOPLE_SPLIT.split(value) if p]
        elif field == "editor" and credit.editor is None:
            credit.editor = value
    if not (credit.authors or credit.account or credit.editor):
        return None
    if "。" in text.rstrip("。"):
        return None  # a sentence, not a credit line
    return credit


def _outlet(account: str) -> str:
    if match := _ACCOUNT_NAME.search(account):
        return match["name"].strip()
    if match := _BEFORE_ID.match(account):
        return match["name"].strip()
    return account
