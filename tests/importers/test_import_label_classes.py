"""One table per class of fault found by importing other outlets' copy (test_import_outlets.py):
each row is a small copy written by hand with the speakers, questions and flags an editor
expects. Before the fixes each class failed: a sentence ending in a colon became a speaker, a
name written two ways became two people, 问/答 turns stayed in the article, an interviewer's
question went under the interviewee's name, an unreadable label's answer went under the previous
speaker's, a question with no answer stopped the import as 'an importer bug'."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.importers import _verify
from pipeline.importers.draft import Draft
from pipeline.importers.formats import Extracted, text_blocks
from pipeline.importers.layout import infer
from pipeline.importers.names import LabelParser
from pipeline.importers.writer import write_source

ARTICLE = "城东新开了一家旧书店，老板说要开到深夜。我们问了几位常客。"


def draft_of(copy: str) -> Draft:
    return infer(Extracted(text_blocks(copy), "plain text"))


def answers(draft: Draft) -> list[tuple[str, str, str]]:
    """(question, speaker's registry name, the answer's text) in reading order."""
    return [(c.title, draft.people[a.person].name, "".join(p.text for p in a.paragraphs))
            for c in draft.chapters for a in c.answers]


def flagged(draft: Draft) -> list[str]:
    return [p.name for p in draft.people if p.doubts]


# label → (role, name, doubt expected) or None (not a label); `lenient`: read where a label stands
LABELS = [
    ("他的师父赵德顺", False, None),  # a pronoun before the name: a sentence
    ("我跟徒弟王小军说过一句话", True, None),  # … even where a label would stand
    ("张三说", False, None),  # a verb of saying at the end
    ("记者了解到", False, None),
    ("李明坦言", True, None),
    ("老板陈志强说", True, None),
    ("原因有三点", True, None),  # a count, even where a label would stand
    ("主要有两个方面", True, None),
    ("两个原因", True, None),
    ("张三", False, (None, "张三", False)),  # a numeral in a name is no count
    ("十点读书主理人林少", True, ("十点读书主理人", "林少", False)),  # … nor in an outlet's name
    ("一条创始人徐沪生", False, ("一条创始人", "徐沪生", False)),
    ("李问", False, (None, "李问", False)),
    ("师父赵德顺", False, ("师父", "赵德顺", True)),  # someone a speaker speaks of: taken, but flagged  # a two-character name is a name
    ("吉他手张三", False, ("吉他手", "张三", False)),  # 他 inside a role word is no pronoun
    ("张伟教授", False, ("教授", "张伟", True)),  # the name before its title
    ("王芳女士", False, (None, "王芳", True)),  # … before a form of address
    ("张伟 清华大学教授", False, ("清华大学教授", "张伟", True)),  # … before its role, after a space
    ("OpenAI CEO Sam Altman", False, ("OpenAI CEO", "Sam Altman", False)),  # the name after a Latin role
    ("CEO Tim Cook", False, ("CEO", "Tim Cook", False)),
    ("Sam Altman（萨姆·奥特曼）", False, (None, "Sam Altman", False)),  # a gloss, not a role after the name
    ("张伟（清华大学教授）", False, ("清华大学教授", "张伟", True)),  # a role after the name
    ("Sam Altman（OpenAI首席执行官）", False, ("OpenAI首席执行官", "Sam Altman", True)),
    ("张伟、李娜", False, (None, "张伟、李娜", True)),  # a joint answer: never one of the two alone
    ("张伟和李娜", False, (None, "张伟、李娜", True)),
    ("主持人、作家李娜", False, ("主持人、作家", "李娜", False)),  # a list of roles is a role
]


@pytest.mark.parametrize(("label", "lenient", "expected"), LABELS, ids=[row[0] for row in LABELS])
def test_label_reading(label: str, lenient: bool, expected) -> None:
    split = LabelParser().parse(label, lenient=lenient)
    if expected is None:
        assert split is None
    else:
        assert (split.role, split.name, split.doubt is not None) == expected


def test_interviewer_and_interviewee_turns_in_any_width() -> None:
    draft = draft_of(f"""{ARTICLE}

Ｑ：书店开了多久？

Ａ：三年。

Q:为什么开到深夜？

A:白天要上班。
""")
    assert answers(draft) == [("书店开了多久？", "TODO: 受访者", "三年。"), ("为什么开到深夜？", "TODO: 受访者", "白天要上班。")]
    assert flagged(draft) == ["TODO: 受访者"] and "copy lines 5, 9" in draft.people[0].doubts[0]


def test_a_label_alone_asks_the_next_paragraph() -> None:
    draft = draft_of(f"""{ARTICLE}

记者：

书店开了多久？

老板周明：三年。

记者：

为什么开到深夜？这个问题很多人问过。

老板周明：白天要上班。
""")
    assert answers(draft) == [("书店开了多久？", "周明", "三年。"),
                              ("为什么开到深夜？这个问题很多人问过。", "周明", "白天要上班。")]


def test_an_interviewer_no_table_knows_asks_however_long_the_question() -> None:
    """Before: a question of two sentences under `新京报：` was added to the previous answer."""
    draft = draft_of(f"""{ARTICLE}

新京报：你说过开书店像种地。为什么这么说？

周明：要等。

新京报：等什么？书店不赚钱。

周明：等读者。
""")
    assert [(q, who) for q, who, _text in answers(draft)] == [
        ("新京报：你说过开书店像种地。为什么这么说？", "周明"), ("新京报：等什么？书店不赚钱。", "周明")]
    assert draft.credit is None


@pytest.mark.parametrize("qa", [
    "南方周末：这部片子拍了多久？\n\n贾樟柯：前后五年。\n\n南方周末：为什么这么久？\n\n贾樟柯：疫情打断了两次。",
    "记者周明：\n\n这部片子拍了多久？\n\n导演贾樟柯：\n\n前后五年。\n\n记者周明：\n\n为什么这么久？\n\n导演贾樟柯：\n\n疫情打断了两次。",
], ids=["an outlet read as a name", "a named reporter"])
def test_an_interviewer_read_as_a_speaker_asks_the_questions(qa: str) -> None:
    """Before: 南方周末 (read as role 南 + name 方周末) and 记者周明 were speakers whose 'answers'
    were the questions."""
    draft = draft_of(f"{ARTICLE}\n\n{qa}\n")
    assert [(q.endswith("这部片子拍了多久？") or q.endswith("为什么这么久？"), who, text) for q, who, text in answers(draft)] \
        == [(True, "贾樟柯", "前后五年。"), (True, "贾樟柯", "疫情打断了两次。")]
    assert [p.name for p in draft.people] == ["贾樟柯"]


# each copy: the Q&A part; expected (speaker of each answer in order), speakers flagged
SHORT_FORMS = [
    ("埃隆·马斯克 and 马斯克", "特斯拉CEO埃隆·马斯克：\n\n这是最好的产品。\n\n分析师李娜：\n\n太贵了。\n\n会买吗？\n\n"
     "马斯克：\n\n当然。\n\n李娜：\n\n不会。", ["埃隆·马斯克", "李娜", "埃隆·马斯克", "李娜"]),
    ("Sam Altman and Altman", "OpenAI CEO Sam Altman：\n\n很有意思。\n\n分析师李娜：\n\n太贵了。\n\n会买吗？\n\n"
     "Altman：\n\n也许吧。\n\n李娜：\n\n不会。", ["Sam Altman", "李娜", "Sam Altman", "李娜"]),
    ("glossed in the article", "OpenAI首席执行官Sam Altman：\n\n很有意思。\n\n分析师李娜：\n\n太贵了。\n\n会买吗？\n\n"
     "奥特曼：\n\n也许吧。\n\n李娜：\n\n不会。", ["Sam Altman", "李娜", "Sam Altman", "李娜"]),
    ("glossed in the label", "萨姆·奥特曼（Sam Altman）：\n\n很有意思。\n\n分析师李娜：\n\n太贵了。\n\n会买吗？\n\n"
     "Altman：\n\n也许吧。\n\n李娜：\n\n不会。", ["萨姆·奥特曼", "李娜", "萨姆·奥特曼", "李娜"]),
    ("a Latin first name", "程序员Kevin Zhou：\n\n修到现在。\n\n护士苏敏：\n\n刚交班。\n\n会买吗？\n\n"
     "Kevin：\n\n买不起。\n\n苏敏：\n\n不会。", ["Kevin Zhou", "苏敏", "Kevin Zhou", "苏敏"]),
    ("surname and title", "语言学家张伟：\n\n会。\n\n译者林晓雯：\n\n不会。\n\n为什么？\n\n张教授：\n\n机器更便宜。\n\n"
     "林老师：\n\n机器不懂文学。\n\n老林：\n\n真的。", ["张伟", "林晓雯", "张伟", "林晓雯", "林晓雯"]),
    ("name before its title", "语言学家张伟：\n\n会。\n\n译者林晓雯：\n\n不会。\n\n为什么？\n\n张伟教授：\n\n机器更便宜。",
     ["张伟", "林晓雯", "张伟"]),
]


def qa_id(qa: str) -> str:
    return next(row[0] for row in SHORT_FORMS if row[1] == qa)


@pytest.mark.parametrize(("qa", "speakers"), [row[1:] for row in SHORT_FORMS], ids=[row[0] for row in SHORT_FORMS])
def test_one_person_written_two_ways_is_one_speaker(qa: str, speakers: list[str]) -> None:
    article = f"{ARTICLE}萨姆·奥特曼（Sam Altman）也来了。" if "奥特曼" in qa else ARTICLE
    draft = draft_of(f"{article}\n\n你怎么看？\n\n{qa}\n")
    assert [who for _q, who, _t in answers(draft)] == speakers
    assert len(draft.people) == len(set(speakers))
    short = [p for p in draft.people if any("the only speaker it can be" in d for d in p.doubts)]
    # a merge on a short form is a guess the editor confirms (a gloss in the copy, or the same
    # name, is no guess)
    if qa_id(qa) not in ("glossed in the article", "glossed in the label", "name before its title"):
        assert short, [p.doubts for p in draft.people]


def test_a_surname_two_speakers_share_is_flagged_not_guessed() -> None:
    draft = draft_of(f"""{ARTICLE}

会更热吗？

气象学家张明：

会。

地理学家张红：

海平面会上升。

怎么办？

张教授：

要早做准备。
""")
    assert [who for _q, who, _t in answers(draft)] == ["张明", "张红", "张教授"]
    assert flagged(draft) == ["张教授"] and "张明、张红" in draft.people[2].doubts[-1]


def test_an_answer_without_a_label_and_a_question_without_an_answer() -> None:
    """Before: E204 'chapter has no answers' stopped the import as 'an importer bug', and an
    unlabelled answer went into the article."""
    draft = draft_of(f"""{ARTICLE}

问：第一个问题？

问：第二个问题？

答：回答。

问：第三个问题？

没有标签的回答。

问：最后的问题？
""")
    assert answers(draft) == [("第一个问题？ 第二个问题？", "TODO: 受访者", "回答。"),
                              ("第三个问题？", "TODO: 受访者", "没有标签的回答。")]
    assert draft.notes == ["最后的问题？"]
    assert any("copy line 11" in d for d in draft.people[0].doubts)


def test_a_paragraph_opening_like_an_unread_label_flags_its_speaker() -> None:
    """`呼兰：` (a surname no table knows) cannot be read: its words stay where they stand, and
    the speaker they stand under is flagged with the copy's line."""
    draft = draft_of(f"""{ARTICLE}

为什么来？

杨德明：离家近。第一：安静。

呼兰：我是来说脱口秀的。

杨春燕：这里安静。

第一：要早睡。
""")
    assert [who for _q, who, _t in answers(draft)] == ["杨德明", "杨春燕"]
    assert flagged(draft) == ["杨德明"] and "copy line 7" in draft.people[0].doubts[0]


def test_page_furniture_in_pasted_text() -> None:
    draft = draft_of(f"""2025-03-02 10:00 来源：城东周报

{ARTICLE}

你为什么来？

退休教师葛秀兰：

家里太安静了。

欢迎关注我们的后续报道。

推荐阅读：

城西夜市重新开张

旧书店的冬天

扫码关注城东周报，看更多故事

本文来自微信公众号：城东周报（ID：chengdong），作者：林小满
""")
    assert [p.text for p in draft.article] == [ARTICLE]
    assert answers(draft) == [("你为什么来？", "葛秀兰", "家里太安静了。欢迎关注我们的后续报道。")]
    assert draft.credit.authors == ["林小满"]
    dropped = "\n".join(draft.stats.notes)
    for text in ("推荐阅读", "城西夜市重新开张", "旧书店的冬天", "扫码关注", "2025-03-02 10:00"):
        assert text in dropped


# turns written in other ways: (copy's Q&A part, expected (question, speaker, answer))
TURNS = [
    ("【】 turns", "【问】书店开了多久？\n\n【答】三年。\n\n【问】为什么开到深夜？\n\n【答】白天要上班。",
     [("书店开了多久？", "TODO: 受访者", "三年。"), ("为什么开到深夜？", "TODO: 受访者", "白天要上班。")]),
    ("numbered turns", "Q1：书店开了多久？\n\nA1：三年。\n\nQ2：为什么开到深夜？\n\nA2：白天要上班。",
     [("书店开了多久？", "TODO: 受访者", "三年。"), ("为什么开到深夜？", "TODO: 受访者", "白天要上班。")]),
    ("【】 names and an editor's note", "你怎么看？\n\n【张伟】我觉得不错。\n\n【李娜】我不同意。\n\n【编者按】张伟是店主。",
     [("你怎么看？", "张伟", "我觉得不错。"), ("你怎么看？", "李娜", "我不同意。")]),
    ("a joint answer", "你怎么看？\n\n张伟：\n\n我觉得不错。\n\n张伟、李娜：\n\n我们都同意。",
     [("你怎么看？", "张伟", "我觉得不错。"), ("你怎么看？", "张伟、李娜", "我们都同意。")]),
]


@pytest.mark.parametrize(("qa", "expected"), [row[1:] for row in TURNS], ids=[row[0] for row in TURNS])
def test_turns_written_in_other_ways(qa: str, expected: list[tuple[str, str, str]]) -> None:
    draft = draft_of(f"{ARTICLE}\n\n{qa}\n")
    assert answers(draft) == expected
    assert [p.text for p in draft.article] == [ARTICLE]
    assert [p.name for p in draft.people if p.doubts] == [p.name for p in draft.people if "TODO" in p.name or "、" in p.name]


def test_ornament_and_section_numbers_of_a_paste() -> None:
    """Emoji and bars dressing a label or a question are no part of the role or the question;
    lines of ornament alone and section numbers are dropped and listed (before: `🚕出租车司机` was
    the role, and `02` ended an answer)."""
    draft = draft_of(f"""{ARTICLE}

▼

01

▎你为什么这么晚还在外面？

🚕 出租车司机　黄海波 ：

跑夜班的，白天睡觉。

👩‍⚕️ 急诊科护士苏敏：

刚交完班。

/ 02 /

▎明天做什么？

🚕 出租车司机　黄海波 ：

睡觉。

PART 3

👩‍⚕️ 急诊科护士苏敏：

……

↓↓↓
""")
    assert answers(draft) == [("你为什么这么晚还在外面？", "黄海波", "跑夜班的，白天睡觉。"),
                              ("你为什么这么晚还在外面？", "苏敏", "刚交完班。"),
                              ("明天做什么？", "黄海波", "睡觉。"), ("明天做什么？", "苏敏", "……")]
    assert [(p.name, p.role) for p in draft.people] == [("黄海波", "出租车司机"), ("苏敏", "急诊科护士")]
    dropped = "\n".join(draft.stats.notes)
    assert all(f"“{mark}”" in dropped for mark in ("▼", "01", "/ 02 /", "PART 3", "↓↓↓"))


def test_a_cast_list_before_the_label_lines_is_the_article() -> None:
    """Before: `张伟：清华大学外文系教授，…` above the Q&A became 张伟's answer to a TODO question."""
    intro = ["本文受访者：", "张伟：清华大学外文系教授，从事机器翻译评测十五年。", "林晓雯：自由译者，翻译过二十多本小说。"]
    draft = draft_of("\n\n".join(intro) + """

机器翻译现在到什么水平了？

张伟：

技术文档基本可以直接用了。

林晓雯：

我现在接的活，一半是校对。

张伟：还有一点：文学翻译不一样。
""")
    assert [p.text for p in draft.article] == intro
    assert answers(draft) == [("机器翻译现在到什么水平了？", "张伟", "技术文档基本可以直接用了。"),
                              ("机器翻译现在到什么水平了？", "林晓雯", "我现在接的活，一半是校对。"),
                              ("机器翻译现在到什么水平了？", "张伟", "还有一点：文学翻译不一样。")]


@pytest.mark.parametrize(("pasted", "expected"), [
    ("刚 交 完 班 。急诊科 晚上比白天忙。", "刚交完班。急诊科 晚上比白天忙。"),  # spaced out one by one: set close
    ("我 们 这 行 ，越 晚 越 忙 。", "我们这行，越晚越忙。"),
    ("张三 李四 王五都来了。", "张三 李四 王五都来了。"),  # a space between words is the copy's
    ("上线出了 bug ，修到现在。", "上线出了 bug，修到现在。"),
])
def test_characters_spaced_out_by_a_paste(pasted: str, expected: str) -> None:
    draft = draft_of(f"{pasted}\n")
    assert [p.text for p in draft.article] == [expected]


def test_hard_wrapped_copy_is_joined_back_into_paragraphs() -> None:
    """Copy parted by blank lines whose paragraphs are broken at a width (a PDF, an e-mail):
    before, every piece was a paragraph of its own, and a sentence was cut in two."""
    draft = draft_of("""凌晨两点，城南的老陈面馆还亮着灯。老板陈志强说，我们这行，越晚越
忙。来吃面的有出租车司机、急诊科护士，还有刚下班的程序
员。

你为什么这么晚还在外面？

出租车司机黄海波：

跑夜班的，白天睡觉。这碗面是我的午饭，一天里最踏实的
一顿饭。

急诊科护士苏敏：

刚交完班。The night shift is long and
hard.

参考资料：

1. 城南夜宵地图，城南晚报，2025年1月3日
2. 夜班护士的一天，城南晚报，2025年2月9日
""")
    assert [p.text for p in draft.article] == [
        "凌晨两点，城南的老陈面馆还亮着灯。老板陈志强说，我们这行，越晚越忙。来吃面的有出租车司机、急诊科护士，还有刚下班的程序员。"]
    assert answers(draft) == [
        ("你为什么这么晚还在外面？", "黄海波", "跑夜班的，白天睡觉。这碗面是我的午饭，一天里最踏实的一顿饭。"),
        ("你为什么这么晚还在外面？", "苏敏", "刚交完班。The night shift is long and hard.")]
    assert len(draft.references) == 2  # list items are never joined


def test_a_label_with_no_answer_under_it_is_said_not_guessed() -> None:
    """Before: `张伟：` directly followed by another label stopped the import as 'an importer bug'
    (E203, an empty answer)."""
    draft = draft_of(f"""{ARTICLE}

你怎么看？

语言学家张伟：

译者林晓雯：

我不担心失业。
""")
    assert answers(draft) == [("你怎么看？", "张伟", "TODO: 回答（原稿此处没有回答）"),
                              ("你怎么看？", "林晓雯", "我不担心失业。")]
    assert any("copy line 5" in note and "语言学家张伟" in note for note in draft.stats.notes)


# lines of every kind the tests above use, for copies assembled at random
_LINES = [ARTICLE, "你怎么看？", "语言学家张伟：", "张伟：离家近。", "我不担心失业。", "问：书店开了多久？", "答：三年。",
          "记者：", "【问】为什么？", "张伟、李娜：", "Q1：问题？", "A1：回答。", "注释：", "[1] 数据来自某报。", "相关新闻：",
          "▼", "01", "师父赵德顺：", "呼兰：我来了。", "南方周末：为什么？", "张教授：", "马斯克：", "特斯拉CEO埃隆·马斯克：",
          "参考资料：", "1. 资料一，某报，2024年1月1日", "（文中张伟为化名。）", "陈桂芳", "刘建国", "扫码关注我们",
          "他说：", "原因有三点：", "本文来自微信公众号：城东周报（ID：chengdong），作者：林小满"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=25))
def test_any_copy_of_these_lines_imports_as_a_source_the_reader_takes(lines: list[str]) -> None:
    """The reader is the yardstick: whatever the layout rules make of the copy, the text they
    write reads back with nothing but placeholders to fill (never 'an importer bug')."""
    draft = draft_of("\n\n".join([ARTICLE, *lines]) + "\n")
    text = write_source(draft, "random", "random.txt")
    _verify(text, Path("random.md"))
