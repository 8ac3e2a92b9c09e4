"""Web and e-mail addresses read out part by part (https://www.openai.com/sora → W W W点openai点com
斜杠sora, editor@example.com → editor艾特example点com), a step of `speech.speak`; the table is `[web]`
of `pipeline/data/speech.toml`. Kept apart from `speech.py` (which was at its size limit).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from pipeline.passes.speech_numbers import digits
from pipeline.passes.speech_tables import SpeechRules, alternatives


def web_addresses(text: str, rules: SpeechRules) -> str:
    """Web and e-mail addresses read out part by part: https://www.openai.com/sora → W W W点openai点
    com斜杠sora, editor@example.com → editor艾特example点com (before: the @ was dropped, the dots
    and slashes read as decimals and pauses, m/s inside the address as 米每秒)."""
    marks = rules.web.marks
    if not marks:
        return text
    name = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    domains = alternatives(rules.web.domains)
    address = [
        rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@{name}(?:\.{name})+",  # e-mail
        r"(?i:https?|ftp)://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+",  # with a scheme (in capitals too, HTTP://WWW.GOV.CN)
        r"(?i:www)\.[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+",
    ]
    if domains:
        address.append(rf"(?<![A-Za-z0-9.@/\-]){name}(?:\.{name})*\.(?:{domains})(?![A-Za-z0-9\-])(?:/[A-Za-z0-9\-._~/?#=&%]*)?")

    domains_said = frozenset(rules.web.domains)
    one = rules.figures.code_one  # the digits of an address are a code's: 163.com → 幺六三点com

    def say(m: re.Match[str]) -> str:
        written = m[0].rstrip(".,;:!?")
        rest = m[0][len(written):]
        written = re.sub(r"^(?i:https?|ftp)://", "", written)
        host, slash, path = written.partition("/")
        if not re.search("[a-z]", host):  # WWW.EXAMPLE.COM: a name is a name in capitals too (before: spelt)
            written = host.lower() + slash + path
        # the query and the fragment are for the machine (?station=0001234567&format=geojson,
        # read out as a string of codes, ?q=%E5%85%AC read as letters and digits): the ear
        # gets the site and the path, the page prints the rest; a path's %-escapes are
        # the characters they stand for (/%E5%85%AC%E4%BA%A4 → 公交)
        if "@" not in written.split("/")[0]:  # (not a mail address)
            written = re.split(r"[?#]", written, maxsplit=1)[0]
            written = unquote(written) if _decodes(written) else written
        written = written.rstrip("/")
        parts = []
        for piece in re.split(r"([^A-Za-z0-9])", written):
            if piece in marks:
                parts.append(marks[piece])
            elif piece.isdigit():
                parts.append(digits(piece, one))
            elif piece.isalnum():
                if piece.isupper() and piece.lower() in domains_said:  # Example.COM's ending as example.com's
                    piece = piece.lower()  # (the thirteenth sweep; before: C O M, spelt as capitals are)
                parts.append(" " + re.sub(r"\d+", lambda d: " " + digits(d[0], one) + " ", piece) + " ")
            elif piece:
                parts.append(" ")
        return "".join(parts) + rest

    return re.sub("|".join(address), say, text)


def _decodes(address: str) -> bool:
    """Whether the address's %-escapes are UTF-8 (a Latin-1 one, %E9, is read as written)."""
    try:
        unquote(address, errors="strict")
    except UnicodeDecodeError:
        return False
    return True
