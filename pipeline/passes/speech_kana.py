"""Japanese kana and Korean hangul in a Chinese title, said in Latin letters a Chinese voice can read.

A Mandarin (or Cantonese) voice has no reading for kana or hangul: eSpeak NG names the script of
each one in English and says a vowel for it, so `说了一句[いただきます]{lang=ja}` was heard as
"Japanese-e Japanese-e Japanese-e …" six times, `[감사합니다]{lang=ko}` as "Korean-e" five
times: noise where the page has a word. The text for the ear gives the voice each run of them
romanised instead (Hepburn for kana, Revised Romanisation for hangul, letter by letter, without
the sound changes between syllables): `itadakimasu`, `gamsahamnida`, which it reads as a word.
The page and the captions keep the script as written. Kanji among kana are Han characters and
are read as such (金継ぎ → 金継 gi).
"""

from __future__ import annotations

import re

# Hepburn, hiragana (katakana are mapped onto these); digraphs first.
KANA = {
    "きゃ": "kya", "きゅ": "kyu", "きょ": "kyo", "しゃ": "sha", "しゅ": "shu", "しょ": "sho", "ちゃ": "cha", "ちゅ": "chu",
    "ちょ": "cho", "にゃ": "nya", "にゅ": "nyu", "にょ": "nyo", "ひゃ": "hya", "ひゅ": "hyu", "ひょ": "hyo", "みゃ": "mya",
    "みゅ": "myu", "みょ": "myo", "りゃ": "rya", "りゅ": "ryu", "りょ": "ryo", "ぎゃ": "gya", "ぎゅ": "gyu", "ぎょ": "gyo",
    "じゃ": "ja", "じゅ": "ju", "じょ": "jo", "びゃ": "bya", "びゅ": "byu", "びょ": "byo", "ぴゃ": "pya", "ぴゅ": "pyu",
    "ぴょ": "pyo", "ふぁ": "fa", "ふぃ": "fi", "ふぇ": "fe", "ふぉ": "fo", "てぃ": "ti", "でぃ": "di", "うぃ": "wi",
    "うぇ": "we", "うぉ": "wo", "しぇ": "she", "じぇ": "je", "ちぇ": "che", "ゔぁ": "va", "ゔぃ": "vi", "ゔぇ": "ve", "ゔぉ": "vo",
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o", "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so", "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no", "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo", "や": "ya", "ゆ": "yu", "よ": "yo", "ら": "ra", "り": "ri",
    "る": "ru", "れ": "re", "ろ": "ro", "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n", "が": "ga", "ぎ": "gi",
    "ぐ": "gu", "げ": "ge", "ご": "go", "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo", "だ": "da", "ぢ": "ji",
    "づ": "zu", "で": "de", "ど": "do", "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo", "ぱ": "pa", "ぴ": "pi",
    "ぷ": "pu", "ぺ": "pe", "ぽ": "po", "ゔ": "vu", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o", "ゃ": "ya",
    "ゅ": "yu", "ょ": "yo", "ゎ": "wa",
}
SOKUON = "っ"  # doubles the next consonant (ちょっと → chotto)
CHOON = "ー"  # lengthens the vowel before it (コーヒー → koohii)

# Revised Romanisation of Korean, by the jamo of a syllable block (U+AC00 + (initial × 21 + medial) × 28 + final).
INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
           "eu", "ui", "i"]
FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
          "t", "t", "k", "t", "p", "t"]

_KANA_RUN = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]+")
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")


def romanised(text: str) -> str:
    """`text` with each run of kana or hangul in Latin letters, apart from the words around it."""
    if not any("\u3041" <= c <= "\u30fc" or "\uac00" <= c <= "\ud7a3" for c in text):
        return text
    text = _KANA_RUN.sub(lambda m: f" {_kana(m[0])} ", text)
    text = _HANGUL_RUN.sub(lambda m: f" {_hangul(m[0])} ", text)
    return re.sub(r" {2,}", " ", text).strip()


def _kana(run: str) -> str:
    run = "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in run)  # katakana → hiragana
    out: list[str] = []
    double = False
    i = 0
    while i < len(run):
        char = run[i]
        if char == SOKUON:
            double, i = True, i + 1
            continue
        if char == CHOON or char not in KANA and run[i:i + 2] not in KANA:
            if char == CHOON and out and out[-1][-1:] in "aeiou":
                out.append(out[-1][-1])
            i += 1
            continue
        pair = run[i:i + 2]
        syllable = KANA[pair] if pair in KANA else KANA[char]
        i += 2 if pair in KANA else 1
        if double and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)


def _hangul(run: str) -> str:
    out = []
    for char in run:
        index = ord(char) - 0xAC00
        initial, rest = divmod(index, 21 * 28)
        medial, final = divmod(rest, 28)
        out.append(INITIALS[initial] + MEDIALS[medial] + FINALS[final])
    return "".join(out)
