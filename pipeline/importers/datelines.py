"""Dates the copy itself gives: a dateline at the top (`2024年11月8日 10:32　来源：晨光日报`), a
date inside a credit line (`作者：聂青　2024年8月2日`), a date alone on a line before the credit
lines at the end. They are the page's, not the text's: the date fills the front matter's `date:`
(with a `# check:`) when the page's markup gives none, and never stays in the text, in the last
answer (before: `2024年6月18日` became the last speaker's words) or among the authors (before:
`authors: [聂青, 2024年8月2日]`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# a calendar date, with a time of day after it (`10:32`, `10：32:05`) and the day of the week
_DATE = (r"(?P<year>(?:19|20)\d{2})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
         r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*(?:上午|下午|晚上|早上|中午|凌晨|傍晚))?"
         r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")  # (`2024年9月21日下午`: a transcript's header, before: kept)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A date with the word a page may put before it (`发布时间：`, data/rules.toml `date_labels`),
    and a line that is nothing else."""
    from pipeline.importers.rules import rules

    words = "|".join(re.escape(w) for w in rules().date_labels)
    labelled = rf"(?:(?:{words})\s*[：:]?\s*)?(?<!\d){_DATE}(?!\d)"
    return re.compile(labelled), re.compile(rf"^[\s（(【\[]*{labelled}[\s）)】\]。]*$")


def date_of(text: str) -> dt.date | None:
    """The first real calendar date in the text, or None."""
    for match in _patterns()[0].finditer(text):
        try:
            return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
    return None


def without_dates(text: str) -> str:
    """The text with its dates (and their times) taken out."""
    return _patterns()[0].sub(" ", text).strip()


def only_date(text: str) -> bool:
    """A line that is a date and nothing else (a time, brackets aside)."""
    return bool(_patterns()[1].match(text)) and date_of(text) is not None
