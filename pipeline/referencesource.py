"""Where a reference came from, read off its text: the outlet and the day of '…，城东周报，2025年1月3日'
or the platform of '微博：@城东图书馆'. Kept apart from `pipeline.bodyreader` (which walks the body) since
the twelfth sweep: it is text reading, not structure, and the reader had grown past 500 lines."""

from __future__ import annotations

import datetime as dt
import re

_DATED_REFERENCE = re.compile(r"，(?P<outlet>[^，]+)，(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*$")
_PLATFORM_REFERENCE = re.compile(r"^(?P<outlet>[^：，]+)：\s*@")


def reference_source(text: str) -> tuple[str | None, dt.date | None, str | None]:
    """The outlet and the date a reference names (None for what it does not), and E104's words when
    its date is no real day ('2025年2月30日'), else None."""
    if dated := _DATED_REFERENCE.search(text):
        try:
            return dated["outlet"].strip(), dt.date(int(dated["y"]), int(dated["m"]), int(dated["d"])), None
        except ValueError:
            return dated["outlet"].strip(), None, f"reference date is not a real date: '{text}'"
    if platform := _PLATFORM_REFERENCE.match(text):
        return platform["outlet"].strip(), None, None
    return None, None, None
