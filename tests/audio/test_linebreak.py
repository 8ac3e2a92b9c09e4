"""Caption breaking against the timed-text rules for Simplified Chinese, written out here (not
read from audio/linebreak.py): 2 lines of 16 characters, 7 s, punctuation first, never inside a
word, no line starting with closing punctuation; and nothing lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.audio.linebreak import pieces

LINE, LINES, LONGEST = 16, 2, 7.0
CLOSING = set("，。、；：！？）」』》”…")
# words jieba keeps whole in any company (checked by hand), Latin words, and punctuation
WORDS = ["图书馆", "阅览室", "时间", "延长", "晚上", "我们", "读者", "打印机", "台灯", "上班族", "安静",
         "报纸", "小说", "孙子", "桌子", "夜班", "馆员", "游戏", "角色", "模型", "意见", "条目"]
LATIN = ["Night", "Owl", "Reading", "OpenAI", "Sora", "TikTok", "Wi-Fi", "3D", "4.2"]
MARKS = ["，", "。", "、", "！", "？", "："]


def steady(seconds_per_char: float):  # noqa: ANN201
    return lambda offset: offset * seconds_per_char


def check(text: str, per_char: float) -> list:
    cut = pieces(text, steady(per_char))
    assert "".join("".join(p.lines) for p in cut).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert [p.start for p in cut[1:]] == [p.end for p in cut[:-1]] and cut[0].start == 0 and cut[-1].end == len(text)
    for piece in cut:
        assert 1 <= len(piece.lines) <= LINES, piece
        assert all(len(line) <= LINE for line in piece.lines), piece
        assert all(line and line[0] not in CLOSING for line in piece.lines), piece
        assert (piece.end - piece.start) * per_char <= LONGEST + 1e-9, piece
    return cut


@st.composite
def texts(draw) -> tuple[str, list[tuple[int, int]]]:  # noqa: ANN001
    """A text of known words (with their spans) and punctuation."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for _ in range(draw(st.integers(3, 40))):
        kind = draw(st.sampled_from(["word", "word", "word", "latin", "mark"]))
        if kind == "mark" and (not parts or parts[-1] in MARKS):
            kind = "word"
        token = draw(st.sampled_from({"word": WORDS, "latin": LATIN, "mark": MARKS}[kind]))
        if kind == "latin" and parts and parts[-1][-1:].isascii() and parts[-1][-1:].isalnum():
            token = " " + token
        if kind != "mark":
            start = at + (1 if token.startswith(" ") else 0)
            spans.append((start, at + len(token)))
        parts.append(token)
        at += len(token)
    return "".join(parts), spans


@settings(max_examples=150, deadline=None)
@given(texts(), st.sampled_from([0.12, 0.2, 0.3]))
def test_every_cut_keeps_the_rules_and_the_words(sample, per_char: float) -> None:
    text, words = sample
    cut = check(text, per_char)
    breaks = {p.start for p in cut[1:]}
    for piece in cut:  # line breaks inside a cue are breaks too
        if len(piece.lines) == 2:
            first = text.index(piece.lines[1], piece.start)
            breaks.add(first)
    for start, end in words:
        assert not any(start < b < end for b in breaks), (text[start:end], text)


def test_breaks_at_a_sentence_end_before_a_comma_before_a_word() -> None:
    text = "城东图书馆把三楼阅览室的开放时间延长到晚上。阅览室里新添了两台打印机，还有一排台灯。"
    cut = check(text, 0.2)
    assert "".join(cut[0].lines).endswith("。")  # 22 characters: the first sentence is a cue of its own


def test_a_short_question_joins_its_neighbour_rather_than_flash_by() -> None:
    cut = check("什么东西？Sora？五到十年内不会影响电影人。", 0.2)
    assert all((p.end - p.start) * 0.2 >= 0.8 for p in cut)


def test_a_long_sentence_is_cut_by_time_as_well_as_by_length() -> None:
    text = "开放一年来夜间到馆人数累计超过四万人次其中近三成是下班后赶来的上班族"  # no punctuation
    slow = check(text, 0.5)  # 34 characters at 0.5 s: at most 14 characters per 7 s cue
    assert len(slow) >= 3


def test_a_url_longer_than_a_line_is_the_only_thing_cut_inside() -> None:
    cut = check("详见https://www.example.com/a/very/long/path/index.html的说明。", 0.1)
    assert len(cut) >= 2
