"""Notation of the sciences read as a Mandarin newsreader says it: ions by their names (Fe³⁺ →
铁离子, SO₄²⁻ → 硫酸根离子, an ion no table names by its charge, Cr³⁺ → 三价Cr阳离子), an
influenza subtype's numbers counted (H1N1 → H一N一, H10N8 → H十N八), and a number in
e-notation as its power of ten (1.5e-6 → 1.5×10⁻⁶, read 一点五乘十的负六次方).

Before this (the twelfth sweep): Fe³⁺ was read Fe的立方 and its charge dropped, Na⁺ and Cl⁻ lost
theirs, SO₄²⁻ was S O四十二; H1N1 was H幺N幺, a flight's code; 1.5e-6 was 一点五E六.

A step of `speech.speak`, before the signs and powers (`_signs`) would read a charge's digit as a
power. The table is `[ions]` of `pipeline/data/speech.toml`.
"""

from __future__ import annotations

import re

from pipeline.passes.speech_numbers import cardinal
from pipeline.passes.speech_tables import SpeechRules, compiled

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_SUBSCRIPT = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # (made once, not per match)
# a formula (element symbols, each with its count as a subscript or a digit), then its charge: the
# count of charges as superscript digits (none: one) and the sign, ⁺ or ⁻
_ION = re.compile(r"(?<![A-Za-z0-9])((?:[A-Z][a-z]?[₀-₉]*)+)([¹²³⁴⁵⁶⁷⁸⁹]?)([⁺⁻])(?![A-Za-z0-9⁺⁻])")
# an influenza A subtype: hemagglutinin and neuraminidase numbered 1-18 and 1-11
_FLU = re.compile(r"(?<![A-Za-z0-9])H(1[0-8]|[1-9])N(1[01]|[1-9])(?![A-Za-z0-9])")
_E_NOTATION = re.compile(r"(?<![A-Za-z0-9#.\-_/])(\d+(?:\.\d+)?)[eE]([+\-−]?)(\d{1,3})(?![A-Za-z0-9.])")


def _key(formula: str, count: str, sign: str) -> str:
    """An ion as the table writes it, in plain characters: SO₄²⁻ → SO42-, Na⁺ → Na+."""
    return formula.translate(_SUBSCRIPT) + (count + sign).translate(_SUPERSCRIPT)


def ions(text: str, rules: SpeechRules) -> str:
    """Ions by their names, a charge no table names as its valence (its count of charges) and
    its sign; 离子 written after one is said once."""
    table = compiled(rules, "ions", lambda: _ion_table(rules))
    words = compiled(rules, "ion-words", lambda: _ion_words(rules))

    def ion(m: re.Match[str]) -> str:
        name = table.get(_key(m[1], m[2], m[3]))
        if name is None:
            charges = int(m[2].translate(_SUPERSCRIPT) or 1)
            valence = f"{cardinal(charges, leading_two=False)}{words['valence']}" if charges > 1 else ""
            name = f"{valence}{m[1].translate(_SUBSCRIPT)}{words['cation' if m[3] == '⁺' else 'anion']}"
        return name.removesuffix(words["ion"]) if m.string.startswith(words["ion"], m.end()) else name

    return _ION.sub(ion, text) if table or words else text


def _ion_table(rules: SpeechRules) -> dict[str, str]:
    return {k: v for k, v in rules.ions.items() if not k.startswith("_")}


def _ion_words(rules: SpeechRules) -> dict[str, str]:
    words = {"ion": "离子", "cation": "阳离子", "anion": "阴离子", "valence": "价"}
    return {key: rules.ions.get(f"_{key}", word) for key, word in words.items()}


def flu_subtypes(text: str) -> str:
    """H1N1, H7N9, H10N8: the subtype's two numbers counted, with 一 (a name, not a code of digits
    read with 幺: the hemagglutinin and the neuraminidase numbered, said as CCTV says 甲型H一N一)."""
    return _FLU.sub(lambda m: f"H{cardinal(int(m[1]), leading_two=False)}N{cardinal(int(m[2]), leading_two=False)}",
                    text)


def e_notation(text: str) -> str:
    """1.5e-6, 6.02E23 → 1.5×10⁻⁶, 6.02×10²³ (the powers step reads them), a number with an exponent
    of one to three digits, standing alone (not in a code or an address: 0x1e3, #3e3, v1e5)."""
    def power(m: re.Match[str]) -> str:
        sign = "⁻" if m[2] and m[2] in "-−" else ""
        return f"{m[1]}×10{sign}{m[3].translate(_TO_SUPERSCRIPT)}"

    return _E_NOTATION.sub(power, text)
