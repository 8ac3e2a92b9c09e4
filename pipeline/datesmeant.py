"""The day an editor meant by a `date:` not written YYYY-MM-DD, for E104's message; and the day a
date written so says (`day_in`), for the importer's app properties and CMS front matter.

The ninth robustness sweep found dates as copy, word processors and other CMSs write them
(`2024/3/5`, `2024年3月5日`, `二〇二四年三月五日`, `20240305`, `March 5, 2024`, `2024-03-05 10:00`)
refused with "write the date as YYYY-MM-DD", leaving the editor to work the form out. Each form
is a row of `_FORMS` (a pattern and the order of its year, month and day); the message then gives
the date to write. A form that reads two ways (`05/03/2024`: 5 March or May 3; `24-03-05`: which is
the year?) is named with both, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_MONTHS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}
_MONTH = "(?P<mname>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_CHINESE_DIGITS = dict(zip("〇零一二三四五六七八九", "00123456789"))
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"

# (pattern on the value, NFKC-folded and with Chinese numerals as digits; the order it gives the date in)
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?P<y>\d{{4}})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*(?P<d>\d{{1,2}})\s*[日号]?{_TIME}"), "ymd"),
    (re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"), "ymd"),
    (re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I), "mdy"),
    (re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})", re.I), "dmy"),
    (re.compile(r"(?P<a>\d{1,2})\s*[-/.]\s*(?P<b>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"), "two ways"),
    (re.compile(r"(?P<a>\d{2})\s*[-/.]\s*(?P<b>\d{1,2})\s*[-/.]\s*(?P<c>\d{1,2})"), "short year"),
)


def _folded(value: str) -> str:
    """Full-width digits as ASCII; Chinese numerals as digits ('二〇二四年十二月三十一日' → '2024年12月31日')."""
    text = unicodedata.normalize("NFKC", value).strip()
    text = re.sub("[一二三]?十[一二三四五六七八九]?", lambda m: str(
        (("一二三".index(m[0][0]) + 1) if m[0][0] != "十" else 1) * 10
        + ("一二三四五六七八九".index(m[0][-1]) + 1 if m[0][-1] != "十" else 0)), text)
    return "".join(_CHINESE_DIGITS.get(c, c) for c in text)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def meant_date(value: object) -> str | None:
    """E104's words for a date written another way: 'write 2024-03-05', or the two days it may
    mean; None when the value reads as no date at all."""
    if isinstance(value, dt.datetime):  # (YAML read '2024-03-05T10:00:00' as a time of day)
        return f"a date is the day alone: write {value.date().isoformat()}"
    text = _folded(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    for pattern, order in _FORMS:
        if (found := pattern.fullmatch(text)) is None:
            continue
        if order in ("ymd", "mdy", "dmy"):
            month = _MONTHS[found["mname"].lower()] if found.groupdict().get("mname") else int(found["m"])
            day = _day(int(found["y"]), month, int(found["d"]))
            return f"write {day}" if day else None
        if order == "two ways":
            year, a, b = int(found["y"]), int(found["a"]), int(found["b"])
        else:  # two digits for the year: 24-03-05 is 2024-03-05, or 5 March 2024 written day first
            a, b, year = int(found["b"]), int(found["c"]), 2000 + int(found["a"])
            days = {d for d in (_day(year, a, b), _day(2000 + int(found["c"]), a, int(found["a"]))) if d}
            return ("write the year in full: " + " or ".join(sorted(days)) + "?") if days else None
        days = {d for d in (_day(year, b, a), _day(year, a, b)) if d}
        return ("which day is it? write " + " or ".join(sorted(days))) if len(days) > 1 else \
            (f"write {days.pop()}" if days else None)
    return None


def day_in(value: str) -> dt.date | None:
    """The first date in `value` written in a form that reads one way (`2024-03-08`, `2024年3月8日`,
    `二〇二四年三月八日`, `March 8, 2024 10:00 AM`, `8 Mar 2024`), or None; a form that reads two ways
    (`05/03/2024`) gives none. The importer's one reader of such dates (a Notion export's `Created:`, a
    CMS's `date:`): before, it parsed English dates by hand apart from this table, and missed `Mar 8, 2024`
    and `8 March 2024`."""
    text = _folded(value)
    for pattern, order in _FORMS:
        if order not in ("ymd", "mdy", "dmy"):
            continue
        for found in pattern.finditer(text):
            end = found.start() + len(found[0].rstrip())
            if text[found.start() - 1 : found.start()].isdigit() or text[end : end + 1].isdigit():
                continue  # (inside a longer number)
            month = _MONTHS[found["mname"].lower()] if found.groupdict().get("mname") else int(found["m"])
            if (day := _day(int(found["y"]), month, int(found["d"]))) is not None:
                return dt.date.fromisoformat(day)
    return None
