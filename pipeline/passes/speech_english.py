"""Numbers inside English said in English: the voice reads a Latin word in English (eSpeak switches
to its English rules for it), so a Mandarin number in the middle of an English sentence was a
change of language mid-phrase, and a year came out as an amount ("We sold 3 million units in
2023." → We sold 三 million units in 两千零二十三). Inside a run of English words the numbers are
English words too: three million, twenty twenty-three.

A step of `speech.speak`; the words are the `[english]` table of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re

from pipeline.passes.speech_numbers import NUMBER
from pipeline.passes.speech_tables import English, SpeechRules, any_of, compiled
from pipeline.passes.speech_words import _roman

_WORD = r"[A-Za-z][A-Za-z'’\-]*"
# A number in English: with its sign of money, percent, a decade's s or an ordinal's ending ($5,
# 12%, 1980s, 3rd), or a year cut short ('69); scores and ranges join two (3-1). Never a number
# that letters run on from (70B, GPT4): the token ends where the number does.
_FIGURE = rf"(?:(?:(?:US)?[$€£]|[-−](?=\d))?(?:{NUMBER})(?:%|℃|°[CF]|/\d{{1,2}}|s|st|nd|rd|th)?|['’]\d\ds?)(?![A-Za-z0-9])"
_TOKEN = rf"(?:(?=US\$){_FIGURE}|{_WORD}|\d{{4}}-\d\d-\d\d(?![\d\-/]|\.\d)|{_FIGURE}(?:[-–]{_FIGURE})?)"  # (a date, 2024-03-05: one token)
# A run of English: words and numbers apart by spaces and light punctuation, on one line.
_RUN = re.compile(rf"(?<![A-Za-z0-9]){_TOKEN}(?:[ ,;:\"“”‘’]+{_TOKEN})+")
# A number of its own in the run (not a model's 70B, not GPT4's 4), with the multiplier its money
# sign is said after ($3.2 billion).
_NUMBER_IN_RUN = (rf"(?<![A-Za-z0-9.,])(?P<sign>[$€£])?(?P<n>{NUMBER})(?P<end>%|s|st|nd|rd|th)?(?![A-Za-z0-9]|[.,]\d)"
                  rf"(?P<scale>(?(sign)\s+(?:{{scales}})\b|(?!)))?|['’](?P<short>\d\d)(?P<decade>s?)(?![A-Za-z0-9])")
_ISO_DATE = re.compile(r"(?<![\d.\-/])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d\-/]|\.\d)")  # 2024-03-05 (a full stop may end it)
_YEARS = re.compile(r"(?<![\d.,\-/$€£])(\d{4})[-–](\d{4})(?![\d%]|[.,]\d)")  # a range of years: 2020-2024
_PAIR = re.compile(r"(?<![\d.,\-–:/])(\d{1,3})\s?([-–:：])\s?(\d{1,3})(?![\d\-–:/]|[.,]\d)")  # 3-1, 3:1, 3-5%
_ROMAN_AFTER_NAME = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z]+)\s+([IVXL]{2,7})(?![A-Za-z0-9])")
_FRACTION = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/.])")  # 3/4 inside English
_PLAIN_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")  # a word in lower case: a sentence's word, not a name's


def _below_thousand(n: int, words: English) -> str:
    out = []
    if n >= 100:
        out += [words.ones[n // 100], words.hundred]
        n %= 100
    if n >= 20:
        out.append(words.tens[n // 10] + (f"-{words.ones[n % 10]}" if n % 10 else ""))
    elif n or not out:
        out.append(words.ones[n])
    return " ".join(out)


def cardinal(n: int, words: English) -> str:
    """3 → three, 3000000 → three million, 1234 → one thousand two hundred thirty-four."""
    if n < 1000:
        return _below_thousand(n, words)
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    if len(groups) > len(words.scales):
        return " ".join(words.ones[int(d)] for d in str(n))
    said = [f"{_below_thousand(g, words)} {words.scales[i]}".strip() for i, g in enumerate(groups) if g]
    return " ".join(reversed(said))


def _ordinal(said: str, words: English) -> str:
    """three → third, twenty-one → twenty-first, twenty → twentieth, four → fourth."""
    head, last = re.match(r"(.*?)([a-z]+)$", said).groups()  # type: ignore[union-attr]
    if last in words.ordinals:
        return head + words.ordinals[last]
    return head + (last[:-1] + "ieth" if last.endswith("y") else last + "th")


def year(n: int, words: English) -> str:
    """A year in pairs: 2023 → twenty twenty-three, 1905 → nineteen oh five, 2000 → two thousand,
    2005 → two thousand five."""
    high, low = divmod(n, 100)
    if low == 0 and high % 10 == 0 or 2000 <= n <= 2009:
        return cardinal(n, words)
    if low == 0:
        return f"{cardinal(high, words)} {words.hundred}"
    second = cardinal(low, words) if low >= 10 else f"{words.oh} {words.ones[low]}"
    return f"{cardinal(high, words)} {second}"


def _clock(m: re.Match[str], words: English) -> str:
    """9:30 → 9 30, 9:05 → 9 oh 5, 9:00 → 9 o'clock, in English (before: nine：thirty, the colon a pause)."""
    if int(m[1]) > 24 or int(m[3]) > 59:
        return m[0]
    if m[3] == "00":
        return f"{m[1]} o'clock"
    return f"{m[1]} {words.oh} {m[3][1]}" if m[3][0] == "0" else f"{m[1]} {m[3]}"


def english_numbers(text: str, rules: SpeechRules, *, marked: bool = False) -> str:
    """The numbers of every run of English words (two words in lower case at least: a sentence, not
    a product's name like iPhone 15 Pro) said in English; with `marked`, the numbers of the whole
    text, a run its source marks English (`[Henry VIII]{lang=en}`), which an English voice reads."""
    words = rules.english
    if len(words.ones) < 20 or len(words.tens) < 10 or set("$€£") - set(words.money):
        return text
    before_year = compiled(rules, "english-year", lambda: re.compile(
        rf"(?i:\b(?:{'|'.join(map(re.escape, words.year_before))}))[ ,]*$" if words.year_before else "(?!)"))
    in_run = compiled(rules, "english-number", lambda: re.compile(_NUMBER_IN_RUN.replace(
        "{scales}", any_of(filter(None, words.scales)))))
    counted = re.compile(r"\s*[a-z]")  # 2000 units: a count; 2000 Olympics, in 2015. : a year

    def number(m: re.Match[str]) -> str:
        if m["short"]:  # '69, '80s
            said = cardinal(int(m["short"]), words)
            return said[:-1] + "ies" if m["decade"] and said.endswith("y") else said
        written, end = m["n"].replace(",", ""), m["end"] or ""
        whole, _, fraction = written.partition(".")
        decade = end == "s" and whole.endswith("0") and not fraction
        if not fraction and "," not in m["n"] and len(whole) == 4 and 1100 <= int(whole) <= 2099 and (
                decade or before_year.search(m.string, 0, m.start()) or not counted.match(m.string, m.end())):
            said = year(int(whole), words)
        else:
            said = cardinal(int(whole), words)
            if fraction:
                said += f" {words.point} " + " ".join(words.ones[int(d)] for d in fraction)
        if decade:  # 1980s → nineteen eighties
            said = said[:-1] + "ies" if said.endswith("y") else said + "s"
        elif end in ("st", "nd", "rd", "th"):  # 3rd → third, 21st → twenty-first
            said = _ordinal(said, words)
        if not m["sign"]:
            return said + (f" {words.percent}" if end == "%" else "")
        # $3.2 billion → three point two billion dollars (the money after its multiplier)
        return said + (m["scale"] or "") + f" {words.money[m['sign']]}"

    function = compiled(rules, "english-function", lambda: frozenset(w.lower() for w in words.function_words))

    def english(run: str) -> bool:
        """Two words in lower case, or a title's words of grammar in title case (The Top 10 Songs Of
        2023; before: Top十 … 二零二三, a Mandarin number inside an English title)."""
        plain = _PLAIN_WORD.findall(run)
        titled = [w for w in re.findall(r"(?<![A-Za-z])[A-Z][a-z]*(?![A-Za-z])", run) if w.lower() in function]
        return len(plain) + len(titled) >= 2

    def iso_date(m: re.Match[str]) -> str:
        month, day = int(m["m"]), int(m["d"])
        if len(words.months) != 12 or not (1 <= month <= 12 and 1 <= day <= 31):
            return m[0]
        return f"{words.months[month - 1]} {_ordinal(cardinal(day, words), words)}, {year(int(m['y']), words)}"

    def years(m: re.Match[str]) -> str:
        first, second = int(m[1]), int(m[2])
        if not words.to or not 1100 <= first < second <= 2099:
            return m[0]
        return f"{year(first, words)} {words.to} {year(second, words)}"

    regnal = compiled(rules, "regnal", lambda: frozenset(rules.figures.regnal_names))
    numbered = compiled(rules, "roman-numbered", lambda: regnal | frozenset(rules.figures.roman_numbered))

    def roman(m: re.Match[str]) -> str:  # (the rule of `speech_words.roman_numerals`, said in English)
        value = _roman(m[2])
        if value is None or set(m[2]) == {"X"} or "L" in m[2] and len(m[2]) < 3 and m[1] not in numbered or (
                m[1].lower() in function):
            return m[0]
        said = cardinal(value, words)
        return f"{m[1]} " + (f"{words.the} {_ordinal(said, words).capitalize()}" if m[1] in regnal else said)

    def fraction(f: re.Match[str]) -> str:
        """3/4 → three quarters, 2/3 → two thirds, 1/2 → one half; a tally otherwise, 20/25 → twenty
        out of twenty-five, 7/10 games → seven out of ten (a denominator above `named_fractions` is a
        fraction only before 'of': 1/5 of the vote)."""
        numerator, denominator = int(f[1]), int(f[2])
        named = 1 <= numerator < denominator <= 10 and bool(
            denominator <= words.named_fractions or re.match(r"\s+of\b", f.string[f.end():]))
        if not named:  # (a pair whose first number is the larger is no tally: left as it was)
            tally = words.out_of and numerator <= denominator
            return f"{cardinal(numerator, words)} {words.out_of} {cardinal(denominator, words)}" if tally else f[0]
        named = words.denominators.get(str(denominator)) or _ordinal(cardinal(denominator, words), words)
        plural = "halves" if named == "half" else named + "s"
        return f"{cardinal(numerator, words)} {named if numerator == 1 else plural}"

    def in_english(run: str) -> str:
        # a Roman numeral after a name, in English (Henry VIII had six wives → Henry the Eighth, Super
        # Bowl LVIII → fifty-eight; the twelfth sweep, before: Henry八世, a Mandarin word in English)
        said = _ROMAN_AFTER_NAME.sub(roman, run)
        if not any(c.isdigit() for c in said):
            return said
        said = re.sub(r"(?<![A-Za-z])US\$(?=\d)", "$", said)  # (US$5 → five dollars; before: U S$five)
        if words.degrees:  # -5℃ → minus 5 degrees Celsius (the number said below)
            said = re.sub(rf"(?<![\w.])([-−])?(\d+(?:\.\d+)?)\s?({'|'.join(map(re.escape, words.degrees))})",
                          lambda t: f"{words.minus + ' ' if t[1] else ''}{t[2]} {words.degrees[t[3]]}", said)
        for figure, name in words.figure_names.items():  # 24/7 → twenty-four seven, before fractions
            said = re.sub(rf"(?<![\w.]){re.escape(figure)}(?![\w.]|/\d)", name, said)
        said = _FRACTION.sub(fraction, said)
        said = _YEARS.sub(years, _ISO_DATE.sub(iso_date, said))
        if len(words.months) == 12:  # a day after its month is its ordinal (May 5 → May fifth; the thirteenth sweep, before: May five)
            # (and a year after it, March 12, 2025 → March twelfth, twenty twenty-five; before: two thousand
            # twenty five, counted; not a count after the month, in May 5 years ago)
            said = re.sub(rf"(?<![A-Za-z])({'|'.join(words.months)})\s+([1-9]|[12]\d|3[01])(?:(,\s*)(\d{{4}}))?"
                          r"(?![\d:.]|st|nd|rd|th|\s*(?:%|[AaPp]\.?[Mm]\b|(?:years?|months?|weeks?|days?|hours?|minutes?|times)\b))",
                          lambda d: f"{d[1]} {_ordinal(cardinal(int(d[2]), words), words)}"
                          + (f"{d[3]}{year(int(d[4]), words)}" if d[4] else ""), said)
        if words.to:  # a score or a range, won 3-1, 3-5 days, 3:1 → three to one (before: three one, the
            # dash unsaid); a clock's 9:30 is no ratio
            said = _PAIR.sub(lambda p: _clock(p, words) if p[2] in ":：" and len(p[3]) == 2 else f"{p[1]} {words.to} {p[3]}", said)
        return in_run.sub(number, said)

    if marked:  # the whole text is English, as its source marks it: no run to find
        return in_english(text)
    text = _RUN.sub(lambda m: in_english(m[0]) if english(m[0]) else m[0], text)
    # an ordinal before a capitalised English word is a name's, said in English (20th Century Fox →
    # Twentieth Century Fox, 1st Avenue; before: 第二十Century Fox, a Mandarin ordinal in an English name)
    return re.sub(r"(?<![A-Za-z0-9.])(\d{1,3})(st|nd|rd|th)(?= [A-Z][a-z])",
                  lambda m: _ordinal(cardinal(int(m[1]), words), words).capitalize(), text)
