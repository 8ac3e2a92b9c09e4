"""Output: citation tones for 一 and 不 (pypinyin's phrases carry spoken forms), their tone sandhi
when asked for (一个 yí gè, 不是 bú shì; never in names or overrides), and the syllable style."""

from __future__ import annotations

from pipeline.passes.pinyin.tables import Token, _Seg, _tone, is_polyphonic


_WEAKEST = ("fallback", "phrase", "project", "name", "override")  # a word read in pieces: its weakest


def finish(segs: list[_Seg], tone_sandhi: bool, style: str, *, words: bool = True) -> list[Token]:
    """Tokens from segments: citation tones for 一/不, then sandhi if asked for, then the style.
    With `words`, the pieces of one dictionary word (开发 + 者, read in pieces because no lexicon
    lists the whole) come out as one token, so that the learner editions keep the word together;
    its source is its weakest piece's. Without, one token per segment (what `unsure` looks at)."""
    # citation tones: 一 yī and 不 bù (pypinyin's phrases carry spoken forms), then optional sandhi
    flat: list[tuple[_Seg, int] | None] = []  # every Han syllable in order, None between runs
    for seg in segs:
        if seg.kind == "other":
            if flat and flat[-1] is not None:
                flat.append(None)
            continue
        for k, ch in enumerate(seg.text):
            if seg.source != "override":
                if ch == "一":
                    seg.pinyin[k] = "yī"
                elif ch == "不":
                    seg.pinyin[k] = "bù"
                elif ch == "谁" and seg.pinyin[k] == "shuí":
                    seg.pinyin[k] = "shéi"  # the norm's reading; pypinyin's phrases carry the variant
            flat.append((seg, k))
    if tone_sandhi:
        _sandhi(flat)
    tokens = []
    i, n = 0, len(segs)
    while i < n:
        seg = segs[i]
        if seg.kind == "other":
            tokens.append(Token(seg.text, None, "none"))
            i += 1
            continue
        j = i + 1
        if words and seg.group:
            while j < n and segs[j].group == seg.group and segs[j].kind != "other":
                j += 1
        if j == i + 1:
            tokens.append(Token(seg.text, tuple(styled(s, style) for s in seg.pinyin), seg.source))
        else:
            pieces = segs[i:j]
            source = min((_confidence(p) for p in pieces), key=_WEAKEST.index)
            tokens.append(Token("".join(p.text for p in pieces),
                                tuple(styled(s, style) for p in pieces for s in p.pinyin), source))
        i = j
    return tokens


def _confidence(seg: _Seg) -> str:
    """A piece's source, for the whole word's: a default reading of a character read only one way
    (一 in 一种) is no doubt."""
    if seg.source == "fallback" and not any(is_polyphonic(c) for c in seg.text):
        return "phrase"
    return seg.source


def _sandhi(flat: list) -> None:
    for idx, item in enumerate(flat):
        if item is None:
            continue
        seg, k = item
        ch = seg.text[k]
        if ch not in "一不" or seg.source in ("override", "name"):
            continue
        nxt = flat[idx + 1] if idx + 1 < len(flat) else None
        prv = flat[idx - 1] if idx > 0 else None
        if nxt is None:
            continue
        nseg, nk = nxt
        next_char, next_syl = nseg.text[nk], nseg.pinyin[nk]
        prev_char = prv[0].text[prv[1]] if prv is not None else ""
        if ch == "不":
            if prev_char and prev_char == next_char:
                seg.pinyin[k] = "bu"
            elif _tone(next_syl) == 4:
                seg.pinyin[k] = "bú"
            continue
        # 一
        if len(seg.text) > 1 and k == len(seg.text) - 1:
            continue  # word-final: 统一, 唯一, 第一, 万一
        if prev_char and prev_char == next_char:
            seg.pinyin[k] = "yi"  # 看一看
        elif prev_char in ("第", "十") or next_char in "零〇一二三四五六七八九十百千万亿两月号日":
            continue  # ordinals, numbers, dates
        elif _tone(next_syl) in (4, 5):
            seg.pinyin[k] = "yí"
        else:
            seg.pinyin[k] = "yì"


def styled(syllable: str, style: str) -> str:
    if style == "marks":
        return syllable
    from pypinyin.contrib.tone_convert import to_normal, to_tone3

    if style == "numbers":
        return to_tone3(syllable, v_to_u=True, neutral_tone_with_five=True)
    return to_normal(syllable, v_to_u=True)
