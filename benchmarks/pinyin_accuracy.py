"""Accuracy of the pinyin pass, per class, on a development set and on held-out test sets.

Sets (see each file's header):

- ``dev``: ``pinyin_dev.tsv`` (the first evaluation set, written together with the phrase
  dictionary: it may inform the dictionary and the rules) and ``pinyin_dev_classes.txt`` (new text
  stressing the classes below, written for tuning);
- ``test``: ``pinyin_test.txt`` and ``final``: ``pinyin_final.txt``, the first round's held-out
  sets. Scored there, then used as DEVELOPMENT data in the second round (their misses informed
  general rules, never the phrase dictionary): no longer held out;
- ``holdout2``: ``pinyin_holdout2.txt``, the held-out set of the second round, written before that
  round changed any rule and never used for tuning;
- ``holdout3``: ``pinyin_holdout3.txt``, the held-out set of the third round, written (on new
  topics) before that round changed anything, and never used for tuning;
- ``holdout4``: ``pinyin_holdout4.txt``, the held-out set of the fourth round, written on new topics
  by an author independent of the rules (a helper who wrote none of the rules or earlier sets and
  never looked at the pass, its data or the earlier sets beyond their headers), and never used for
  tuning.
- ``holdout5``: ``pinyin_holdout5.txt``, written in the seventh round before that round changed
  anything and scored once, unchanged pass, as its held-out figure (in the log); then, as that round's
  brief asked, development data (its misses guided general rules, never a dictionary entry).
- ``holdout6``: ``pinyin_holdout6.txt``, written in the eighth round (a third of it names) before that
  round changed anything and scored with the unchanged pass as its held-out figure (in the log: its
  first part, then the whole); development data since, like holdout5.
- ``holdout7``: ``pinyin_holdout7.txt``, written in the ninth round (sports, courts, village life,
  business; a fifth of it names) before that round changed anything and scored once with the unchanged
  pass as its held-out figure (in the log); development data since, like holdout5 and holdout6.
- ``holdout8``: ``pinyin_holdout8.txt``, written in the tenth round (hospitals, exams, veterans,
  museums, disasters, online shopping) before that round changed anything and scored once with the
  unchanged pass as its held-out figure (in the log); development data since, like holdout5-7.
- ``holdout9``: ``pinyin_holdout9.txt``, written in the eleventh round (railways, space, restaurants; over a
  quarter of it names) before that round changed anything and scored once with the unchanged pass as its
  held-out figure (in the log); development data since, like holdout5-8.
- ``holdout10``: ``pinyin_holdout10.txt``, written in the twelfth round (religion and festivals, fashion, pets,
  real estate; near a quarter of it names) before that round changed anything and scored once with the
  unchanged pass as its held-out figure (in the log); development data since, like holdout5-9.
- ``holdout11``: ``pinyin_holdout11.txt``, written in the thirteenth round (agriculture, courts and police,
  music and film, banking and insurance, tourism, elder care, factories, local government; near a
  quarter of it names) before that round changed anything and scored once with the unchanged pass as
  its held-out figure (in the log); development data since, like holdout5-10.
- ``dev3`` … ``dev9``: development text of the third (dev3-dev6), fourth (dev7), fifth (dev8) and sixth (dev9) rounds, each
  scored once before any rule was written from it, then tuned on (general rules only).

A ``.tsv`` holds one row per scored occurrence (sentence, offset, char, reading). A ``.txt`` holds
sentences with a hand-written reading of every Han character; an occurrence is scored when the
character has more than one reading in pypinyin's character table (not 一/不: their citation tone
never varies), or stands in a name or a reduplication. "a|b" accepts either reading.

Every scored occurrence falls in one class, by its place in the sentence (not by the pass):
names (characters of a name listed with the sentence) > reduplication (AA, AABB, A一A, A了A) >
numbers (numerals, and measure words after a numeral or demonstrative) > particles (的 地 得 着 了 过)
> polyphones (为 谁 还 行 长 重 都 只 便) > other.

    python benchmarks/pinyin_accuracy.py [dev|test|final|holdout2|holdout3|holdout4|FILE ...] [--misses] [--results]

Prints, per set, the pass's accuracy overall and per class, pypinyin's alone for comparison, and
(``--misses``, the default for all but the held-out set) every miss. Scoring a held-out set appends a line to
``pinyin_scores.log`` so that how often it was looked at stays on record. ``--results`` rewrites the
pinyin section of ``benchmarks/RESULTS.md``. Exit code 1 if a set is under its target.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HERE = ROOT / "benchmarks"
SETS = {
    "dev": (HERE / "pinyin_dev.tsv", HERE / "pinyin_dev_classes.txt"),
    "test": (HERE / "pinyin_test.txt",),
    "final": (HERE / "pinyin_final.txt",),
    "holdout2": (HERE / "pinyin_holdout2.txt",),
    "dev3": (HERE / "pinyin_dev3.txt",),
    "dev4": (HERE / "pinyin_dev4.txt",),
    "dev5": (HERE / "pinyin_dev5.txt",),
    "dev6": (HERE / "pinyin_dev6.txt",),
    "dev7": (HERE / "pinyin_dev7.txt",),
    "dev8": (HERE / "pinyin_dev8.txt",),
    "dev9": (HERE / "pinyin_dev9.txt",),
    "holdout3": (HERE / "pinyin_holdout3.txt",),
    "holdout4": (HERE / "pinyin_holdout4.txt",),
    "holdout5": (HERE / "pinyin_holdout5.txt",),
    "holdout6": (HERE / "pinyin_holdout6.txt",),
    "holdout7": (HERE / "pinyin_holdout7.txt",),
    "holdout8": (HERE / "pinyin_holdout8.txt",),
    "holdout9": (HERE / "pinyin_holdout9.txt",),
    "holdout10": (HERE / "pinyin_holdout10.txt",),
    "holdout11": (HERE / "pinyin_holdout11.txt",),
}
HELD_OUT = ("holdout2", "holdout3", "holdout4")
# Held out for their first (logged) scoring only, development data since: their first score is the
# honest held-out figure (before/after table), later ones are not
FORMERLY_HELD_OUT = ("holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11")  # test and final were held out in the first round, development data since
LOG = HERE / "pinyin_scores.log"
RESULTS = HERE / "RESULTS.md"
TARGETS = {"dev": 0.995, "test": 0.995, "final": 0.995}  # overall, and no class under CLASS_TARGET
CLASS_TARGET = 0.98
TEST_THRESHOLD = 0.985  # the floor the test suite applies to the held-out sets: holdout2 99.07 %, holdout3 98.76 % last
# Measurements that are not re-run by this script, kept with the table (see RESULTS.md).
NOTES = [
    "First round (commit 1d9c08d): the rules were tuned on dev only; test and final were held out and "
    "scored 98.63 % and 98.39 % (before that round: 96.22 % and 96.21 %).",
    "Second round: test and final became development data (their misses informed general "
    "rules, never the phrase dictionary), so their scores here no longer show generalisation. holdout2 "
    "was written first, scored once for its baseline with the unchanged pass, and once more after the "
    "last rule change; its misses were never printed. Both scorings are in the log below and in the "
    "before/after table. The same helper wrote holdout2 and the rules (see docs/pinyin.md).",
    "Cold annotation of the first title (`benchmarks/pinyin_speed.py`: a fresh process builds the "
    "annotator and annotates all 166 text blocks; median of 7 runs interleaved with the previous pass): "
    "before the second round 1.262 s (load 1.062 s, annotate 0.222 s), after it 1.297 s (load 1.094 s, "
    "annotate 0.226 s).",
    "Third round (this table): holdout3 (3312 scored occurrences, new topics, every class >= 200) was "
    "written by hand and committed before any change, scored once for its baseline with the unchanged "
    "pass (068d06d) and once after the last change; its misses were never printed. holdout2 was scored "
    "once, at the end. The rules were tuned only on new development text written in this round, each "
    "set scored first before any rule was written from it (a fresh-text estimate at that stage), then "
    "tuned on: dev3 97.07 % (unchanged pass; names 83.82 %), dev4 98.08 % (after dev3's rules; names "
    "88.46 %), dev5 98.51 % (after dev4's), dev6 98.97 % (after dev5's; names 90.32 %). The same helper "
    "wrote holdout3, dev3-dev6 and the rules, so the held-out text shares its author's habits with the "
    "development text.",
    "g2pM (PyPI g2pm 0.1.2.5, a BiLSTM polyphone classifier) was measured as a second opinion where the "
    "pass only guesses (W405 places) by `benchmarks/pinyin_g2pm.py`, on development sets only: right at "
    "20 of 50 such places in dev (the pass's guess: 50), 10 of 20 in test (18), 7 of 12 in final (12), "
    "11 of 17 in dev3 (16); at g2pM probability >= 0.9 still 17/39, 10/17, 7/11, 8/12. Its training text "
    "(Wikipedia) reads 为 wéi, 得 dé and 地 dì where everyday prose has wèi, de, de. Not adopted, so no "
    "new dependency and no load cost.",
    "Cost of the third round's rules (a second name scan after role words, a few context rules): cold "
    "annotation of the first title, median of 7 runs interleaved with the pass before the round, on a "
    "shared machine (load average about 5): 0.887 s before, 0.917 s after. `publish pdf --learner` cold, "
    "4 runs interleaved, same load: wall 15.2 s before, 15.7 s after (each ± several seconds under "
    "that load); CPU time 10.8 s before, 10.5 s after: no measurable difference.",
    "Fourth round: dev7 (2052 scored occurrences, 287 in names) was written by hand before any change and "
    "scored once with the unchanged pass (d56fe73): 97.47 % (names 91.29 %, reduplications 94.76 %, "
    "为谁还行长重都只便 96.86 %); two of its gold readings were corrected afterwards from the norm (一场大病 "
    "cháng, 力量 light: see its header). Rules written from its misses and those of dev-dev6 (general "
    "only; no dictionary entry), each kept only where no development set lost: misses dev 1→1, test 4→4, "
    "final 0→0, dev3 11→8, dev4 7→4, dev5 4→3, dev6 3→2, dev7 50→13 (with the corrected gold). Among "
    "them, names jieba.posseg's statistical model tags (loaded lazily from its files, about 0.05 s, only "
    "where a surname is left undecided: twice on the bundled title). holdout2 and holdout3 scored once "
    "each at the end: 99.07 % and 98.76 % (98.81 % and 98.58 % before). Cost on the bundled title, "
    "median CPU of 7 fresh processes interleaved with the pass before the round: load 0.346 s before, "
    "0.337 s after; annotation 0.330 s before, 0.342 s after.",
    "Fifth round (2026-12-01, 02:23-02:48 UTC): dev8 (2034 scored occurrences, 282 in names; news, an "
    "interview and spoken replies: polyphonic surnames before titles, in lists and before verbs of saying; "
    "AABB of words with a light syllable; 重重; 干; 单 outside names; 车 and 累) was written by hand before any "
    "change and scored once with the unchanged pass (0ddb338): 96.56 % (names 89.72 %, reduplications "
    "91.67 %); three of its gold readings were corrected afterwards from the norm (拧毛巾 níng, 有多少人 "
    "shao, 这场雨 cháng; 96.71 % with them). Rules written from its misses (general only; no phrase-"
    "dictionary entry): two tables derived from CC-CEDICT (AABB forms in full tones: 马马虎虎 mǎmǎhūhū; "
    "jieba's words pypinyin lacks, proper nouns too: 干透 gān tòu, 华为 Huáwéi), 重重 zhòngzhòng for one "
    "heavy action, 干 gān after verbs of drying and degree adverbs, 车/累/答/俩/汤 sure alone (车 jū in "
    "chess), and names (no name where none can stand: 决定了单飞; more titles; 曾 before a noun title; a verb "
    "of saying, an enumeration with 、 or 和 beside a name as evidence; a verb or preposition the model "
    "glued to a name). Each kept only where no development set lost: misses dev 1→1, test 4→3, final "
    "0→0, dev3 8→7, dev4 4→4, dev5 3→1, dev6 2→2, dev7 13→11, dev8 67→23 (corrected gold). W405 places on "
    "the development sets 152→106 (the guess right at 92.8 % → 93.4 %). holdout2, holdout3 and holdout4 "
    "scored once each at the end (1f2fc63; the --results run that wrote this table scored them again, "
    "unchanged): 99.18 %, 98.85 %, 98.42 % (98.42 %: names 94.46 %, 为谁还行长重都只便 96.55 %), against "
    "99.07 %, 98.76 %, 98.32 % at the fourth round's end. Cold annotation of the bundled title, median of 7 "
    "fresh processes interleaved with the pass before the round: 0.597 s before, 0.595 s after (load "
    "0.288 s, 0.289 s).",
    "Sixth round (2026-12-01, 10:38-11:20 UTC): dev9 (2809 scored occurrences in 248 sentences; news, "
    "two interviews and spoken replies: 为 wéi after a noun or a verb of change, 干 gān, 数 shù/shǔ, 子 "
    "light as a suffix, 种种, 重重, names with little evidence) was written by hand before any change and "
    "scored once with the unchanged pass (bdbc1b1 = the pass of 48ad748): 97.94 % (names 92.06 %, "
    "为谁还行长重都只便 93.85 %, reduplications 95.16 %); one gold reading was corrected afterwards from the "
    "norm (味道 wèi·dào; 97.97 % with it). Rules written from its misses (general only; no "
    "phrase-dictionary entry): 干 gān with a thing that dries as its subject or 湿 beside it (纸干了, "
    "湿了又干); 为 wéi after a verb of change before an amount, after a noun before a quotation, after a "
    "verbal noun before an amount, 为人 + a word of character; 数 shù after a noun with no object, 数数 "
    "shǔ shu before its object; 种种 zhòng zhong before what is planted; 重重的 + a heavy thing "
    "zhòngzhòng; 大都 dàdōu before a verb; 子 light after a noun (a guess); a doubled adverb in full "
    "tones (刚刚, in the derived light-syllable table); 划为, 请了假, 睡不着觉, 有的人家, 要过 + a count, 转来; names (a "
    "role suffix jieba leaves apart: 快递 + 员 + 朴明; 老/小 + surname after a role noun; a doubled given "
    "name; 的 + surname + a word jieba lists as a given name). Each kept only where no development set "
    "lost: misses dev 1→1, test 3→3, final 0→0, dev3 7→7, dev4 4→4, dev5 1→1, dev6 2→2, dev7 11→9, "
    "dev8 23→21, dev9 57→13 (corrected gold). W405 places on the development sets dev-dev9 185→170 "
    "(the guess right at 86.5 % → 94.7 %; the pass's confident misses 85→52). holdout2, holdout3 and "
    "holdout4 scored once each at the end (3cac358; the --results run that wrote this table scored "
    "them again, unchanged): 99.18 %, 98.91 %, 98.55 % (98.55 %: names 94.46 %, 为谁还行长重都只便 96.93 %), "
    "against 99.18 %, 98.85 %, 98.42 % at the fifth round's end. Cold annotation of the bundled "
    "title, median CPU time of 7 fresh processes interleaved with the pass before the round, on a "
    "machine at load average about 16 (so well above the fifth round's figures): 1.526 s before, "
    "1.553 s after (load 0.753 s, 0.746 s; annotation 0.745 s, 0.804 s); wall clock 6.09 s before, "
    "6.02 s after.",
    "Seventh round (2026-12-01, 16:40-17:10 UTC): holdout5 (1165 scored occurrences in 114 sentences, 71 in "
    "names; news, interview replies and spoken Chinese: 为 wéi after verbs of writing down and nouns of "
    "amount, 背 bēi, 载 zǎi, the particles, 为谁还行长重都只便, reduplications, names such as 单 曾 解 查 仇 区 朴 "
    "盖 尉迟 万俟 with polyphonic given names) was written by hand and committed before any change, and "
    "scored once with the unchanged pass (b0bf604): 98.88 % (names 94.37 %, 为谁还行长重都只便 94.29 %, "
    "particles 99.42 %, reduplications and numbers 100 %, other 99.45 %), the honest held-out figure of "
    "this round; one gold reading was corrected afterwards from the norm (还是 hái·shi). Then, as the "
    "round's brief asked, its misses and the development sets' guided general rules (no dictionary "
    "entry): 为 wéi after a verb of writing a thing down in another form (转写为拼音, 改写为, 理解为) and "
    "between a noun and a time (时间为下周三上午); 载 zǎi \"record\" (据…所载, 史书所载，, 载于, 刊载) against "
    "zài (所载的货物 stays a guess); 背 bēi before a load (背盐, 背柴, 背夫, 背孩子, 背不动); a character spelt "
    "out by a word that holds it, read as in that word (重是重新的重); 一X一X地 de where jieba joins X地 "
    "into a word (一本一本 + 本地); names: 我叫/他叫 + a name ending the clause (我叫曾重光，), a surname + "
    "given name before 的 + a kin word (仇大海的女儿), an enumerated name the model cut (单重 + 远、), and "
    "和 + a surname glued after a name (仇晓光 + 和解 + 明远). Each kept only where no development set "
    "lost: misses dev 1→1, test 3→3, final 0→0, dev3 7→7, dev4 4→4, dev5 1→1, dev6 2→2, dev7 9→9, dev8 "
    "21→21, dev9 13→11, holdout5 12→2 (corrected gold; left: 单重远's 重 zhòng in a given name, 盖亚 "
    "Gài as a transliteration). holdout2, holdout3 and holdout4 scored at the end (7e3ef05; the --results run that wrote this table): 99.22 %, 98.94 %, 98.55 % (holdout3 为谁还行长重都只便 97.01 % → 97.51 %, holdout2 names 96.79 % → 97.14 %; holdout4 unchanged in every class), against "
    "99.18 %, 98.91 %, 98.55 % at the sixth round's end; their misses were never printed.",
    "Eighth round (2026-12-01, 19:40-20:20 UTC): holdout6 (1808 scored occurrences in 167 sentences, 586 "
    "(32 %) in names; news, interview replies and spoken Chinese: polyphonic surnames 单 曾 解 查 仇 区 朴 盖 尉迟 "
    "万俟 乐 缪 翟 覃 召 种 繁 员 句 长孙 alone before a title, in full names, in lists and as vocatives, given names "
    "with 行 重 乐 长 朝 传 和 觉 大, transliterations, and the same characters as words) was written by hand and "
    "committed before any change, and scored with the unchanged pass (279ddd8): 96.52 % (names 92.66 %, "
    "为谁还行长重都只便 91.43 %, particles 98.84 %, other 98.61 %, reduplications and numbers 100 %), the honest "
    "held-out figure of this round. It was written in three parts: the first part's per-class totals (97.36 %, "
    "names 19 % of the set) and the second's (96.77 %, names 27 %) showed too few names, so name-dense lines "
    "were added, still blind (no miss was printed before the full scoring); all three scorings are in the log. "
    "Three gold readings were corrected afterwards from the norm and the earlier sets' conventions (宁 "
    "nìng|níng, 本片 piàn, 还是 shì|shi). The names' misses by kind: a name in a list or beside 和 the scans "
    "missed (17: 区觉民, 仇行远, 盖重九和缪大年), a name before a title (5: 曾朝晖教授, 解重楼医生), an adverb-like "
    "surname before a title after a preposition or 了 (3: 据曾处长), 老/小 + surname in a list, a compound "
    "surname before a title (长孙先生), transliterations (缪斯, 盖亚), given-name polyphones (曾重远 zhòng) and "
    "vocatives. Rules written from them (general only; no dictionary entry): the items of one enumeration "
    "are alike (`nameparallel`: beside a found name, a name with an unmistakable surname, or another item "
    "of the same shape, a surname + given name is a name), a surname + two-character given name before a "
    "title, 曾 before a title after a preposition or 了, 老/小 + surname as a list item, a compound surname "
    "before a title, a CC-CEDICT word the model glued to 是 (缪斯是), 叫 + name ending the clause after any "
    "subject; 都 after its subject or a time never the surname Dū (的人都爱来); 为 wéi after a verb of "
    "election and before a colon; 背 in a potential form read from its complement (背不动 bēi); a "
    "traditional 乾 read as 干 where only 干杯 is a word of simplified text (乾杯 gān). Each kept only where "
    "no development set lost: misses dev 1→1, test 3→3, final 0→0, dev3 7→5, dev4 4→4, dev5 1→1, dev6 "
    "2→1, dev7 9→9, dev8 21→20, dev9 11→11, holdout5 2→2, holdout6 60→24 (corrected gold; names 43→13; "
    "left: 盖亚 Gài and 缪斯-like transliterations the model joins as a name, 区长河 at a clause start, 单重远's "
    "重 zhòng, vocatives 小解/单长河，曾觉新，, 都市 dū). holdout2, holdout3 and holdout4 scored once at the "
    "end (642fddc; the --results run that wrote this table scored them again, unchanged): 99.29 %, 99.00 %, "
    "98.60 % (names 97.50 %, 97.61 %, 95.11 %), against 99.22 %, 98.94 %, 98.55 % (names 97.14 %, 96.65 %, "
    "94.46 %) at the seventh round's end; no class of any set lower. The target (≥ 99.5 %, no class under "
    "98 %) is still not met on held-out text: names stay the weakest class (95.11 % on holdout4).",
    "Ninth round (2026-12-01, 22:45-23:20 UTC): holdout7 (2090 scored occurrences in 172 sentences, 456 (22 %) "
    "in names, 254 (12 %) 为谁还行长重都只便; sports, courts, village life and business in news copy, interview "
    "replies and spoken Chinese: polyphonic surnames 单 曾 解 查 仇 区 朴 盖 乐 缪 翟 覃 召 种 员 句 华 任 燕 宁 纪 谌 冼 "
    "and 尉迟 万俟 长孙 令狐 澹台 in running text, before titles, in lists, in bylines and as vocatives, given names "
    "with 行 重 乐 长 朝 传 和 觉 为, and 为/谁/还/行/长/重/都/只/便 dense in spoken replies) was written by hand and "
    "committed before any change, and scored once with the unchanged pass (b300b14 = the pass of 3d88630): "
    "97.61 % (names 92.98 %, 为谁还行长重都只便 98.03 %, particles 98.11 %, numbers 98.29 %, other 99.30 %, "
    "reduplications 100 %), the honest held-out figure of this round. The brief asked a third of names and a "
    "third of 为谁还行长重都只便: with every polyphonic character of ordinary prose scored as \"other\", the set "
    "reached 22 % and 12 %. Two gold readings were corrected afterwards from the norm (困难 kùn·nan, 一场官司 "
    "cháng). Rules written from its misses and the brief's list (general only; no dictionary entry): a jieba "
    "word of surname + title reads the title alone (孙先生 xiānsheng); an address alone before a comma (小解，"
    "老区，单长乐，); a name opening its clause where the model joined the surname and the given name's first "
    "character (区长 + 河是, 单行 + 远 + 在) or left a lone surname before a given name and 是/还 (查 + 重阳 + 是); "
    "a role before a name lifts the 区长 bar before a title (代理人区长明律师); kin are roles before a name "
    "(父亲仇长生); 曾 before a title after a verb of calling (叫她曾主任, 叫他曾经理); a transliterated name "
    "(jieba nrt: 盖亚, 盖茨) read as sounds; 着 zháo in V + 不 + 着; 长 cháng before 着呢; 得 děi after a "
    "conjunction; 都 dū after a preposition of place before 市/城 (在都市里); 种/行/重 inside an unknown word "
    "read by their rules (种粮 zhòng, 几行字 háng); 为 wéi after 同 and 不足. Besides, `publish check` no longer "
    "reports W405 inside a span marked another language ({lang=yue}, {lang=nan}). Each kept only where no "
    "development set lost: misses dev 1→1, test 3→3, final 0→0, dev3 5→5, dev4 4→4, dev5 1→1, dev6 1→1, dev7 "
    "9→8, dev8 20→20, dev9 11→10, holdout5 2→1, holdout6 24→18, holdout7 50→30 (corrected gold; names 32→22). "
    "Left: a given name's 重 zhòng (任重远) and 为 wéi (查为先), 仇家明说 (仇家 \"enemy\" + 明说), a name after "
    "要不是 or 的 at a clause's end (的盖长春。), pypinyin phrase readings CC-CEDICT contradicts (冠亚军 guān, "
    "没商量 liáng). holdout2, holdout3 and holdout4 scored once at the end (757a475; the --results run that wrote "
    "this table scored them again, unchanged): 99.29 %, 99.03 %, 98.62 % (names 97.50 %, 97.61 %, 95.44 %), "
    "against 99.29 %, 99.00 %, 98.60 % (names 97.50 %, 97.61 %, 95.11 %) at the eighth round's end; no class of "
    "any set lower. The target (≥ 99.5 %, no class under 98 %) is still not met on held-out text: names stay "
    "the weakest class (95.44 % on holdout4, 95.18 % on holdout7 after tuning).",
    "Tenth round (2026-12-02, 01:40-02:00 UTC): holdout8 (1968 scored occurrences in 166 sentences, 278 (14 %) "
    "in names, 208 (11 %) 为谁还行长重都只便; hospitals, exams, veterans, museums, disasters and online shopping "
    "in news copy, interview replies and spoken Chinese: polyphonic surnames 单 解 查 仇 区 朴 覃 曾 乐 缪 盖 翟 "
    "种 隗 and 尉迟 万俟 after roles, after 要不是, after 的 or 是 at a clause's end, in rolls, bylines and "
    "vocatives, beside the same characters as words (查房, 和解, 解放军, 曾经, 单单, 家长); given names with 重 为 "
    "行 长 乐 朝 还 和) was written by hand and committed before any change, and scored once with the unchanged "
    "pass (c21bb05 = the pass of 68026d9): 97.92 % (names 89.57 %, 为谁还行长重都只便 99.04 %, particles 99.26 %, "
    "numbers 99.24 %, other 99.32 %, reduplications 100 %), the honest held-out figure of this round. A second "
    "part (name rolls, spoken replies dense with 为谁还…) was added before that scoring to raise the share of "
    "names and 为谁还…; with every polyphonic character of prose scored as \"other\", a third of each was not "
    "reached. Two gold readings were corrected afterwards from the set's conventions and the norm (那个 gè|ge, "
    "要是 yào·shi). Rules written from its misses and the brief's list (general only): a lone surname and a "
    "word the dictionary knows as something else (长江, 长生, 重阳, 为民) are a name where the clause's shape "
    "says a person stands (after a role, 要不是, at a clause's start before a verb, time or 的, at its end after "
    "的, 是 or a day: 要不是曾长江…, 读过书的曾乐平，); 兵 ends a role (老兵), 家属 and 战友 are roles; 为 may begin "
    "a given name (为民, 为国); 还 huán in a given name; 为先 wéi xiān and 重远 zhòng yuǎn (查为先, 任重远); 员/师 "
    "after a role's stem is no surname (快递员仇家…); a speaker cut into a rare word and 说 (仇家 + 明说) is a "
    "name; a conjunction glued to a surname before a title is unglued (和解 + 主任); 能 + a verb is no name "
    "(能 Nài); 为主 + 队 reads 为 wèi; 铺 pù before 的 after a noun that is no person (糖水铺的灯, no W405); 背 "
    "bēi after 把 + a person and before a counted load; a lone 长 before a name after a head's unit (考古队 + "
    "长) zhǎng. Each kept only where no development set lost: misses dev 1→1, test 3→3, final 0→0, dev3 5→4, "
    "dev4 4→3, dev5 1→1, dev6 1→1, dev7 8→6, dev8 20→18, dev9 10→10, holdout5 1→0, holdout6 17→14, holdout7 "
    "30→21 (names 22→14), holdout8 41→12 (corrected gold; names 29→7). Left: X长 + a given name at a clause's "
    "start before a title (区长 + 生大夫), 单行 + a given name after a role (馆长单行之), 家长 + 顺, a nickname "
    "乐哥 (lè), 得 děi between a noun subject and a verb (这病得住院), 眯 + 着眼. holdout2, holdout3 and holdout4 "
    "scored once at the end (e802764; the --results run that wrote this table scored them again): 99.33 %, "
    "99.12 %, 98.72 % (names 97.86 %, 98.56 %, 96.74 %), against 99.29 %, 99.03 %, 98.62 % (names 97.50 %, "
    "97.61 %, 95.44 %) at the ninth round's end; no class of any set lower. The target (≥ 99.5 %, no class "
    "under 98 %) is still not met on held-out text: names stay the weakest class (96.74 % on holdout4).",
    "Eleventh round (2026-12-02, 04:38-05:15 UTC): holdout9 (2345 scored occurrences in 180 sentences, 642 (27 %) in names, 226 (10 %) 为谁还行长重都只便; railways and transport, space and science, food and restaurants in news copy, interview replies, spoken Chinese and rolls of names: polyphonic surnames 单 解 查 仇 区 朴 覃 曾 乐 缪 盖 翟 种 隗 召 员 那 华 任 折 燕 and 尉迟, 万俟 after roles, in lists, bylines and vocatives; given names with 重 为 行 长 乐 朝 还 和 便 藏) was written by hand and committed before any change, and scored once with the unchanged pass (f7e1895 = the pass of 74ee711): 97.95 % (names 95.79 %, 为谁还行长重都只便 97.79 %, particles 98.44 %, other 98.86 %, reduplications and numbers 100 %), the honest held-out figure of this round. The brief asked a third of names and a third of 为谁还…: a last part of rolls of names, still blind, raised names from 19 % to 27 %; 为谁还… stayed at 10 %. Two gold readings were corrected afterwards (蒙古族 měng, 还是你行 shì|shi). Its misses by kind: 那 Nā unknown as a surname (8), the erhua 儿 read ér (7), other names (员 Yùn in rolls, a lone surname before a word-like given name after a role, 要不是 or 说到, 折 Shé), 得 děi/de (3), 长/多长 cháng (2), 还 huán before a debt, 调来 diào, 眯着眼 zhuó, 重三吨 read as a name. Rules written from them and the brief's list (general only; no phrase-dictionary entry): the erhua 儿 is the light er (the generated light-syllable table now takes CC-CEDICT\"s r5: 有点儿, 这儿, 一点儿; so do longer words ending in one, 早点儿, 这点儿, and 儿 cut off one, X点 + 儿); 那 Nā is a surname, never before a measure word or a demonstrative's word (那道题, 那家, 那天, 那晚); 得 děi after a noun counted by 这/那 + a measure word and before verbs jieba tags as nouns (住院, 小心), de after a verb said again (数钱倒是数得很快); 着眼/着手 zhe after a one-character verb (眯着眼); 长了一点 cháng; 多长 cháng unless it grows; 还 huán before a debt after a modal (不够还房贷); 调来 diào; a numeral + a unit is no given name (重三吨 zhòng); a nickname from a given name's character (曾长乐 … 乐哥 lè); names after more roles (副驾驶, 老板, 书记), after 要不是 before 把, after 说到/提起 at a clause's end, and the opening-name scan after a role and before a title (馆长 + 单行之, 区长 + 生大夫). Each kept only where no development set lost: misses dev 1→1, test 3→3, final 0→0, dev3 4→3, dev4 3→3, dev5 1→1, dev6 1→1, dev7 6→6, dev8 18→18, dev9 10→10, holdout5 0→0, holdout6 14→14, holdout7 21→21, holdout8 12→4, holdout9 46→18 (corrected gold; names 27→15). Left: 员 Yùn in rolls (人员有员长风), 折 Shé opening a clause (折行远的), given names jieba splits (杨还珠, 种乐和), 船只能 (船只 + 能), 人背肩扛 bēi, 曾 before a verb-like given name (老板曾还乡). holdout2, holdout3 and holdout4 scored once at the end (1538608; the --results run that wrote this table scored them again): 99.33 %, 99.21 %, 98.75 % (names 97.86 %, 99.04 %, 96.74 %), against 99.33 %, 99.12 %, 98.72 % at the tenth round's end; no class of any set lower (their miss counts alone, 18, 27 and 50, were also looked at once mid-round with the script's scorer, unlogged; their misses were never printed). The target (≥ 99.5 %, no class under 98 %) is still not met on held-out text: names stay the weakest class (96.74 % on holdout4).",
    "Twelfth round (2026-12-02, 07:48-08:40 UTC): holdout10 (2925 scored occurrences in 228 sentences, 661 (23 %) in names, 273 (9 %) 为谁还行长重都只便; religion and festivals, fashion, pets and real estate in news copy, interview replies, spoken Chinese, rolls, a byline and vocatives: polyphonic surnames 单 解 查 仇 区 朴 覃 曾 乐 缪 盖 翟 种 隗 召 员 那 华 任 折 燕 宁 纪 冼 谌 句 卜 and 尉迟, 万俟, 令狐, 澹台, 长孙 after roles, in lists, rolls, a byline, as vocatives, opening a sentence and before a verb; given names with 长 重 为 行 乐 朝 还 和 传 觉 便) was written by hand and committed before any change, and scored once with the unchanged pass (d6d19e2 = the pass of c387753): 97.95 % (names 96.67 %, 为谁还行长重都只便 94.87 %, reduplications 96.55 %, numbers 98.21 %, particles 98.78 %, other 98.96 %), the honest held-out figure of this round. The brief asked a third of names and a third of 为谁还…: two later parts (rolls and vocatives; short replies dense with 为谁还…), still blind, raised them from 14 % and 6 % to 23 % and 9 %; every polyphonic character of prose is scored as 'other' (49 %). Three gold readings were corrected afterwards from the norm (这场火 cháng, 神父 shénfu, 佣金 yòngjīn). Its misses by kind (57 with the corrected gold): names 22 (given names jieba cut into single characters: 杨还珠, 冼还春, 任行之, 折还春; a surname + a word-like given name opening a clause before 把/从/及时 or an idiom, or after 听说: 解朝阳把, 查重阳好不容易; vocatives before 你: 曾还乡，你; 区长 + 乐 + 就; 那 after 交给), 为谁还行长重都只便 14 (还 huán before a sum or after 为了/怎么; 为人 wéi after 的 and before 父母; 比例为; 只长个子不长肉 and 楼 + 长 zhǎng; 重装 and 重说一遍 chóng; 都市 opening a clause; 都怪我 read as a name), other 13 (遛 liù, 老和尚's light shang, 背 beside 肩扛 and in 背上的, 看 kān …), particles 4 (得 děi after 了 or an amount), reduplications 2 (狗狗, CC-CEDICT gǒu gōu), numbers 2. Rules written from them and the brief's list (general only; no phrase-dictionary entry): a scan for given names jieba's model cut into single characters (`namesplit.py`: a surname alone or glued to the given name's first character, a character names read their own way, a character that ends given names, where a name can begin and end, or before a list's count); a surname + a word-like given name opening a clause before a preposition, a conjunction or an idiom, after 听说/看见, or after a verb whose object is a person (交给那重阳，); 区长 + 乐 + an adverb opens a clause; an address whose given name is a rare verb before 你/您 (曾还乡，你…), never 都 + a verb + a pronoun (都怪我，); after a role, a surname + a rare verb before a verb of saying or a time (老板曾还乡说); 有 + a surname glued before a given name in a roll (人员有员长风), and a role's last character (人员) begins no name; 那 before the name of a place is the demonstrative (那和平饭店); 船只 + 能/好 is 船 + 只能/只好; 还 huán before a sum after a modal, before a debt after 为了, after 怎么 before 就; 为人 wéi after 的 and before a role; 为 wéi after 比例; 长 zhǎng before what a body grows and after a unit as its head (楼 + 长); 得 děi after a clause's 了 or an amount before a verb; 背 bēi beside other ways of carrying (人背肩扛) and in 背着 + a person + where to, bèi in 背上的; 重装 chóng unless heavy arms follow (重装上阵), 重 chóng before a verb done over (重说一遍); 都 dū opening a clause as 都市里; 遛 liù sure; a doubled noun CC-CEDICT reads in two tones (狗狗) repeats or lightens its syllable; the light syllable of a head after 老/小/大 (老和尚). Each kept only where no development set lost: misses dev 1→1, test 3→3, final 0→0, dev3 3→2, dev4 3→3, dev5 1→1, dev6 1→1, dev7 6→6, dev8 18→18, dev9 10→9, holdout5 0→0, holdout6 14→13, holdout7 21→20, holdout8 4→4, holdout9 18→7 (names 15→7), holdout10 57→18 (corrected gold; names 22→5, 为谁还… 14→1); no class of any of them lower. Left: 单为珍 (为 wéi in a given name, wèi in 为民), 区还乡 in a roll of addresses, 长孙 before a name jieba knows (孙传芳), 单行 + a given name after a colon, 解 + 觉民 (a verb to jieba), 看 kān (看店, 看一下猫), 点着 zhe, 卖给过 guo, 两只花的 zhī, 为人和气, 街坊 (two readings in CC-CEDICT). Cost: CPU time to annotate 1662 evaluation sentences in one warm process, 3 runs interleaved with the pass before the round on a loaded machine: median 3.29 s before, 2.82 s after (the noise is larger than any difference); the new scan asks jieba's dictionary only where a surname stands before a given-name character. holdout2, holdout3 and holdout4 scored once at the end (06f0272; the --results run that wrote this table scored them again): 99.37 %, 99.21 %, 98.87 % (holdout2 reduplications 98.86 % → 99.43 %; holdout3 unchanged in every class; holdout4 names 96.74 % → 97.39 %, 为谁还行长重都只便 97.32 % → 98.47 %), against 99.33 %, 99.21 %, 98.75 % (names 97.86 %, 99.04 %, 96.74 %) at the eleventh round's end; no class of any set lower (their misses were never printed). The target (≥ 99.5 %, no class under 98 %) is still not met on held-out text: names stay the weakest class (97.39 % on holdout4).",
    "Thirteenth round (2026-12-02, 10:28-11:05 UTC): holdout11 (2928 scored occurrences in 228 sentences, 685 (23 %) in names, 355 (12 %) 为谁还行长重都只便; agriculture and villages, courts and police reports, music and film, banking and insurance, tourism, elder care, factories and labour, local government meetings; news copy, police and court wording, interview replies, spoken Chinese, rolls (attendance, a duty roster, signatures, a cast list, prize winners, care-home birthdays, the injured), bylines and vocatives; polyphonic surnames 单 曾 解 查 仇 区 朴 盖 乐 缪 翟 覃 召 种 员 句 华 任 燕 宁 纪 冼 谌 卜 那 隗 盛 曲 牟 占 褚 and 尉迟, 万俟, 令狐, 澹台, 长孙; given names with 长 重 行 还 为 朝 乐 传 觉 和 少 发) was written by hand and committed before any change, and scored once with the unchanged pass (ca9cae9 = the pass of ea3ed3f): 98.39 % (names 96.50 %, 为谁还行长重都只便 97.46 %, particles 97.96 %, reduplications 93.33 %, numbers 100 %, other 99.71 %), the honest held-out figure of this round. The brief asked a third of names and a quarter of 为谁还…: rolls and short replies, still blind, raised them to 23 % and 12 %; every polyphonic character of prose is scored as 'other' (47 %). No gold reading was changed after the scoring. Its 47 misses by kind: names 24 (bylines and credits with the name set apart by a space or a slash: 通讯员 区长青, 文/记者 解还真, 编辑 查还乡; 占 Zhān, no surname in the table; 长发 fà and 朝宗/朝东 zhāo in given names; 为善 wèi; 查某某; rolls after 周一, 和, in brackets; 问单行长; 华乐，你; 查长江一进门), 为谁还行长重都只便 9 (你们行里, 行里的规矩 háng; 问单行长's 行 and 长; 每期还多少 and 到期不还就 huán; 重不重 twice, read as a name; 为人要实在 wéi), particles 6 (得 děi after 说话/开车 and before 等; 肿得发亮 de; 红过脸 guo twice), reduplications 4 (行行, 一行一行, 唠唠嗑), other 4 (看两台机器 kān, 这些数 shù, 降两个调 diào, 就当是 dàng). Rules written from them and the brief's list (general only; one dictionary entry, 街坊 jiē·fang): a given name's 为 wèi before whom one serves (为民, 为国), wéi before anything else (为善, 为珍); a name's 发 fā; 朝 cháo before a direction or 宗; 占 Zhān in the surname table; a credit's or a byline's name after its role and a space, a slash or a colon (`nameparallel`: 文/记者 解还真, 书记员：区朝阳, 值班：单行远, 主讲：单行远); a roll of addresses a comma parts, beside a name found (区还乡，单长乐，曾明，你们…) and 老/小 + a surname beside a name in a list (老区、区还乡、小解); a surname before 某/某某; 长 + a name jieba knows is 长孙 + the given name (长孙传芳; not 队长孙传芳); a verb rare as a word between a surname read its own way and a verb of saying is a given name (解觉民说); a surname glued to a head's title by the model (单行 + 长) is the surname and the title where a person stands; X不X and a head's title are no given name (重不重, 单行长); 为人 + a word of character or a modal (为人和气, 为人要实在); 重不重 zhòng; 行行 before 都/出, 一行一行, 行里 after a pronoun or a named trade háng; 还 huán between 不 and 就, and before 多少 at a pause; 两只 liǎng zhī; 点着 zhe before what is lit; V给过 and a denied adjective + 过 guo (卖给过, 从没红过脸); 得 děi after a verb-object word (说话得, 开车得); 发亮/发紫 … complements of 得 de; A + AB doubled reads A as the word's syllable (唠唠嗑 lào); and, in `verbnoun.py` (laid over `charrules`, which is at its size limit): 看 kān before what one keeps or tends (看店, 在家看孩子, 一人看两台机器; not 回去看孩子, 看孩子写作业), 当 dàng in 就当是 / 就当我没说, 数 shù after a demonstrative, 调 diào counted by 个. Each kept only where no development set lost (no sentence of any set newly missed): misses dev 1→1, test 3→3, final 0→0, dev3 2→2, dev4 3→3, dev5 1→1, dev6 1→1, dev7 6→6, dev8 18→18, dev9 9→9, holdout5 0→0, holdout6 13→12, holdout7 20→19, holdout8 4→4, holdout9 7→7, holdout10 18→9, holdout11 47→6; no class of any of them lower. Left: 得 děi in 要买得等 (V + 得 + a verb), a name after a weekday in a duty roster (周一单长喜), after a name no scan found and 和 (谌为公和仇长征: 谌's surname reading is its default), in brackets (曾行（会计）), before 一 + a verb (查长江一进门), a vocative of two characters (华乐，你), jieba's 单位好 read as a name after a comma (before this round too). Cost: CPU time to annotate 1890 evaluation sentences in one warm process, 3 runs interleaved with the pass before the round on a loaded machine: median 3.42 s before, 3.58 s after (the noise is larger than the difference). holdout2, holdout3 and holdout4 scored once at the end, by the --results run that wrote this table (cb3eef6): 99.37 %, 99.31 %, 98.87 % (holdout3 names 99.04 % → 99.52 %, particles 98.46 % → 98.85 %; holdout2 and holdout4 unchanged in every class), against 99.37 %, 99.21 %, 98.87 % at the twelfth round's end; no class of any set lower (their misses were never printed). The target (≥ 99.5 %, no class under 98 %) is still not met on held-out text: names stay the weakest class (97.39 % on holdout4).",
]

CLASSES = ("names", "reduplication", "numbers", "particles", "polyphones", "other")
CLASS_TITLES = {
    "names": "names and surnames",
    "reduplication": "reduplications (慢慢地, 看看, 妈妈)",
    "numbers": "numbers and measure words",
    "particles": "particles 的 地 得 着 了 过",
    "polyphones": "为 谁 还 行 长 重 都 只 便",
    "other": "other polyphonic characters",
}
PARTICLES = set("的地得着了过")
POLYPHONES = set("为谁还行长重都只便")
NUMERALS = set("零〇一二三四五六七八九十百千万亿两几半")
DIGITS = set("0123456789０１２３４５６７８９")
DEMONSTRATIVES = set("这那哪每各某几")
MEASURES = set(
    "个只条张本把头匹件位名家台辆架座栋棵株朵片块根支枝首篇部场次回遍趟顿阵行种类层排列批群套双对副份"
    "间所门节段句章页封颗粒滴杯碗瓶盒包袋斤里米岁年天周届期项款笔起宗桩道声口眼脚拳步番轮局盘集季幅扇面"
    "堆串束捆卷册艘班站刀尾缕丝点些下股样招撮打摞沓级度元角毛分倍成折号楼盏吨亩"
)
NEVER = set("一不")


@dataclass(frozen=True)
class Row:
    sentence: str
    offset: int
    char: str
    expected: tuple[str, ...]  # accepted readings
    cls: str = "other"


@dataclass
class Score:
    total: int = 0
    correct: int = 0
    misses: list[tuple[Row, str]] = field(default_factory=list)
    by_class: dict[str, list[int]] = field(default_factory=dict)  # class -> [correct, total]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, row: Row, got: str | None) -> None:
        ok = got in row.expected
        self.total += 1
        self.correct += ok
        per = self.by_class.setdefault(row.cls, [0, 0])
        per[0] += ok
        per[1] += 1
        if not ok:
            self.misses.append((row, got or "—"))

    def class_accuracy(self, cls: str) -> float | None:
        correct, total = self.by_class.get(cls, (0, 0))
        return correct / total if total else None


# ---- which occurrences, in which class ----------------------------------------------------------


def _is_han(char: str) -> bool:
    from pipeline.pinyin_syllables import is_han

    return is_han(char)


def polyphonic(char: str) -> bool:
    """More than one reading in pypinyin's character table: the independent yardstick for "scored"."""
    from pypinyin.constants import PINYIN_DICT

    readings = PINYIN_DICT.get(ord(char), "")
    return len(set(readings.split(","))) > 1


def classify(sentence: str, i: int, names: tuple[str, ...] = ()) -> str:
    char = sentence[i]
    for name in names:
        start = sentence.find(name)
        while start >= 0:
            if start <= i < start + len(name):
                return "names"
            start = sentence.find(name, start + 1)
    at = lambda k: sentence[k] if 0 <= k < len(sentence) else ""  # noqa: E731
    if char not in NEVER and (
        at(i - 1) == char or at(i + 1) == char
        or (at(i + 1) in "一了" and at(i + 2) == char) or (at(i - 1) in "一了" and at(i - 2) == char)
    ):
        return "reduplication"
    if char in NUMERALS or (char in MEASURES and (at(i - 1) in NUMERALS | DIGITS | DEMONSTRATIVES)):
        return "numbers"
    if char in PARTICLES:
        return "particles"
    if char in POLYPHONES:
        return "polyphones"
    return "other"


# ---- loading -----------------------------------------------------------------------------------


def _accepted(field_: str) -> tuple[str, ...]:
    from pipeline.pinyin_syllables import normalise_syllables

    return tuple(normalise_syllables(alt)[0] for alt in field_.split("|"))


def load_tsv(path: Path) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            sentence, offset = rec["sentence"], int(rec["offset"])
            if sentence[offset] != rec["char"]:
                raise ValueError(f"{path}: offset {offset} of {sentence!r} is not {rec['char']!r}")
            rows.append(Row(sentence, offset, rec["char"], _accepted(rec["reading"]), classify(sentence, offset)))
    return rows


def load_blocks(path: Path) -> list[tuple[str, list[tuple[str, ...]], tuple[str, ...]]]:
    """(sentence, accepted readings per Han character, names) for every block of an authored set."""
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    blocks, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    out = []
    for block in blocks:
        if len(block) < 2 or len(block) > 3 or (len(block) == 3 and not block[2].startswith("names:")):
            raise ValueError(f"{path}: a block is a sentence, its reading and an optional 'names:' line: {block}")
        sentence, reading = block[0], block[1].split()
        names = tuple(block[2][len("names:"):].split()) if len(block) == 3 else ()
        han = [c for c in sentence if _is_han(c)]
        if len(han) != len(reading):
            raise ValueError(f"{path}: {sentence!r} has {len(han)} Han characters but {len(reading)} syllables")
        out.append((sentence, [_accepted(s) for s in reading], names))
    return out


def load_txt(path: Path, *, every_char: bool = False) -> list[Row]:
    rows = []
    for sentence, readings, names in load_blocks(path):
        syllables = iter(readings)
        for i, char in enumerate(sentence):
            if not _is_han(char):
                continue
            accepted = next(syllables)
            cls = classify(sentence, i, names)
            if every_char or (char not in NEVER and (polyphonic(char) or cls in ("names", "reduplication"))):
                rows.append(Row(sentence, i, char, accepted, cls))
    return rows


def lint(path: Path) -> list[str]:
    """Readings an authored set gives that the character never has (a typo in the set, not a verdict
    on the pass): the toneless syllable must be one of the character's readings in pypinyin's table."""
    from pypinyin.constants import PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_normal

    problems = []
    for sentence, readings, _names in load_blocks(path):
        han = [c for c in sentence if _is_han(c)]
        for char, accepted in zip(han, readings):
            known = {to_normal(r, v_to_u=True) for r in PINYIN_DICT.get(ord(char), "").split(",")}
            for reading in accepted:
                if to_normal(reading, v_to_u=True) not in known:
                    problems.append(f"{char} {reading} (known: {'/'.join(sorted(known))}) in {sentence}")
    return problems


def load(path: Path | None = None, *, every_char: bool = False) -> list[Row]:
    if path is None:
        return load_set("dev")
    return load_tsv(path) if path.suffix == ".tsv" else load_txt(path, every_char=every_char)


def load_set(name: str, *, every_char: bool = False) -> list[Row]:
    rows: list[Row] = []
    for path in SETS[name]:
        if (path.suffix == ".tsv" and every_char) or (name == "dev" and not path.exists()):
            continue
        rows += load(path, every_char=every_char)
    return rows


# ---- scoring -----------------------------------------------------------------------------------


def readings_by_char(tokens) -> list[str | None]:
    """One reading per character of the text (None for non-Han)."""
    from pipeline.passes.pinyin import _is_han as pass_han

    out: list[str | None] = []
    for token in tokens:
        if token.pinyin is None:
            out.extend([None] * len(token.text))
            continue
        syllables = iter(token.pinyin)
        out.extend(next(syllables) if pass_han(c) else None for c in token.text)
    return out


def score(rows: list[Row] | None = None, annotator=None) -> Score:
    """Score the pinyin pass (a default PinyinAnnotator unless one is given)."""
    from pipeline.passes.pinyin import PinyinAnnotator

    rows = load() if rows is None else rows
    annotator = annotator or PinyinAnnotator()
    cache: dict[str, list[str | None]] = {}
    result = Score()
    for row in rows:
        if row.sentence not in cache:
            cache[row.sentence] = readings_by_char(annotator.annotate(row.sentence))
        result.add(row, cache[row.sentence][row.offset])
    return result


def score_baseline(rows: list[Row] | None = None) -> Score:
    """pypinyin alone: pinyin(sentence, Style.TONE) with its own phrase segmentation."""
    from pypinyin import Style, pinyin

    rows = load() if rows is None else rows
    cache: dict[str, list[str]] = {}
    result = Score()
    for row in rows:
        if row.sentence not in cache:
            cache[row.sentence] = [p[0] for p in pinyin(row.sentence, style=Style.TONE, errors=lambda x: [[c] for c in x])]
        result.add(row, cache[row.sentence][row.offset])
    return result


# ---- reporting ---------------------------------------------------------------------------------


def _mark(row: Row) -> str:
    return row.sentence[: row.offset] + "【" + row.char + "】" + row.sentence[row.offset + 1 :]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2%}"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "pipeline/"], capture_output=True, text=True)
        return out.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except OSError:
        return "?"


def _log(name: str, result: Score) -> None:
    per = " ".join(f"{c}={_pct(result.class_accuracy(c))}" for c in CLASSES if c in result.by_class)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{stamp}\t{_commit()}\t{name}\t{result.correct}/{result.total}\t{_pct(result.accuracy)}\t{per}\n")


def evaluate(name: str) -> tuple[Score, Score, Score, int]:
    """(pass, pypinyin, pass on every Han character, sentences) for a set name or a file path."""
    if name in SETS:
        rows, every = load_set(name), load_set(name, every_char=True)
    else:
        rows, every = load(Path(name)), load(Path(name), every_char=True)
    return score(rows), score_baseline(rows), score(every), len({r.sentence for r in rows})


def markdown(results: dict[str, tuple[Score, Score, Score, int]]) -> str:
    names = list(results)
    head = "| class | " + " | ".join(f"{n}: pass | {n}: pypinyin" for n in names) + " |"
    rule = "|---|" + "---|---|" * len(names)
    lines = [head, rule]
    for cls in CLASSES:
        cells = []
        for n in names:
            ours, base = results[n][0], results[n][1]
            count = ours.by_class.get(cls, (0, 0))[1]
            cells += [f"{_pct(ours.class_accuracy(cls))} (n={count})", _pct(base.class_accuracy(cls))]
        lines.append(f"| {CLASS_TITLES[cls]} | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        ours, base = results[n][0], results[n][1]
        cells += [f"**{_pct(ours.accuracy)}** ({ours.correct}/{ours.total})", _pct(base.accuracy)]
    lines.append("| **all scored occurrences** | " + " | ".join(cells) + " |")
    cells = []
    for n in names:
        every = results[n][2]
        cells += [f"{_pct(every.accuracy)} ({every.total})" if every.total else "–", ""]
    lines.append("| every Han character (authored sets only) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _log_rows() -> list[tuple[str, str, str, str, dict[str, str]]]:
    """(time, commit, set, overall, {class: accuracy}) for every line of the scores log."""
    rows = []
    for line in (LOG.read_text(encoding="utf-8").strip().splitlines() if LOG.exists() else []):
        parts = line.split("\t")
        if len(parts) >= 6:
            per = dict(item.split("=", 1) for item in parts[5].split() if "=" in item)
            rows.append((parts[0], parts[1], parts[2], parts[4], per))
    return rows


def before_after(results: dict[str, tuple[Score, Score, Score, int]]) -> str:
    head = "| set | scoring | all | " + " | ".join(CLASS_TITLES[c] for c in CLASSES) + " |"
    lines = [head, "|---|---|---|" + "---|" * len(CLASSES)]
    log = _log_rows()
    for name in ("test", "final", *HELD_OUT, *FORMERLY_HELD_OUT):
        mine = [r for r in log if r[2] == name]
        picks: list[tuple[str, str, dict[str, str]]] = []
        if mine:
            first, last = mine[0], mine[-1]
            picks.append((f"first, {first[0]} ({first[1]})", first[3], first[4]))
            if last is not first and (last[1], last[3]) != (first[1], first[3]):
                picks.append((f"last, {last[0]} ({last[1]})", last[3], last[4]))
        if name in results and name not in HELD_OUT:
            ours = results[name][0]
            picks.append(("now (development data)", _pct(ours.accuracy),
                          {c: _pct(ours.class_accuracy(c)) for c in CLASSES}))
        for label, overall, per in picks:
            lines.append(f"| {name} | {label} | {overall} | " + " | ".join(per.get(c, "–") for c in CLASSES) + " |")
    return "\n".join(lines)


def write_results(results: dict[str, tuple[Score, Score, Score, int]]) -> None:
    start, end = "<!-- pinyin-accuracy:start -->", "<!-- pinyin-accuracy:end -->"
    log = LOG.read_text(encoding="utf-8").strip().splitlines() if LOG.exists() else []
    body = [
        start,
        "## Pinyin accuracy",
        "",
        f"Produced by `python benchmarks/pinyin_accuracy.py {' '.join(results)} --results` on "
        f"{datetime.date.today().isoformat()} (commit {_commit()}). Scored: every occurrence of a character "
        "with more than one reading in pypinyin's table (not 一/不), and every character of a name or a "
        "reduplication; classes and sets are described in the script and in docs/pinyin.md. Targets "
        "(issue 14): ≥ 99.5 % overall and no class under 98 % on text the pass was not tuned on. dev, "
        "test and final are development data (the rules were tuned on them; the test suite holds them to "
        "the target), and so are dev3-dev9 (written in the third to sixth rounds, tuned on after their "
        "first scoring; the test suite holds them to a floor of 98.5 %); holdout2, holdout3 and holdout4 "
        "are the held-out sets, and the test suite keeps holdout2 and holdout3 above a floor they meet "
        "(`TEST_THRESHOLD` in the script, set from its last scoring). holdout4 was written by an author "
        "independent of the rules (who never looked at the pass, its data or the earlier sets beyond their "
        "headers), to remove the caveat that the earlier held-out sets share their author with the rules; "
        "it is not held to that floor (its baseline scoring, 98.30 %, was under it, and the floor was not "
        "lowered). holdout5 (seventh round), holdout6 (eighth round), holdout7 (ninth round), holdout8 (tenth round), holdout9 (eleventh round), holdout10 (twelfth round) and holdout11 (thirteenth round) were held out for their first scoring only (98.88 %, 96.52 %, 97.61 %, 97.92 %, 97.95 %, 97.95 % and 98.39 %, the honest "
        "figures, in the before/after table; holdout6's \"first\" row is its first part, its \"last\" the whole set, both with the unchanged pass) and are development data since.",
        "",
        markdown(results),
        "",
        *[f"- {note}" for note in NOTES],
        "",
        "Before and after, per class: the last scoring of each set while it was held out, its first "
        "(baseline) scoring, and now (from the log, and this run for the sets that are development data "
        "now):",
        "",
        before_after(results),
        "",
        "Every scoring of a held-out set, from `benchmarks/pinyin_scores.log` (time, commit, set, score):",
        "",
        "```",
        *log,
        "```",
        end,
    ]
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + "\n".join(body) + after
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(body) + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=["dev"], help="dev, test, final, holdout2, holdout3, holdout4 or a file (default: dev)")
    parser.add_argument("--misses", action=argparse.BooleanOptionalAction, default=None,
                        help="list every miss (default: on for dev, off for held-out sets)")
    parser.add_argument("--lint", action="store_true", help="only check the authored sets' readings for typos")
    parser.add_argument("--results", action="store_true", help="rewrite the pinyin section of benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    if args.lint:
        paths = [p for n in args.sets for p in (SETS[n] if n in SETS else (Path(n),)) if p.suffix == ".txt" and p.exists()]
        problems = [f"{p.name}: {line}" for p in paths for line in lint(p)]
        print("\n".join(problems) or f"{len(paths)} file(s): every reading is one the character has")
        return 1 if problems else 0
    ok = True
    results = {}
    for name in args.sets:
        ours, base, every, sentences = results[name] = evaluate(name)
        if name in HELD_OUT:
            _log(name, ours)
        print(f"{name}: {ours.total} scored occurrences in {sentences} sentences")
        print(f"  pinyin pass:    {ours.correct}/{ours.total} = {ours.accuracy:.2%}")
        print(f"  pypinyin alone: {base.correct}/{base.total} = {base.accuracy:.2%}")
        if every.total:
            print(f"  every Han character: {every.correct}/{every.total} = {every.accuracy:.2%}")
        for cls in CLASSES:
            if cls in ours.by_class:
                c, t = ours.by_class[cls]
                print(f"    {CLASS_TITLES[cls]:<40} {c:>4}/{t:<4} {_pct(c / t):>8}   pypinyin {_pct(base.class_accuracy(cls))}")
        show = args.misses if args.misses is not None else name not in HELD_OUT
        if show:
            print(f"  misses ({len(ours.misses)}):")
            for row, got in ours.misses:
                print(f"    {row.char}  got {got:<7} expected {'|'.join(row.expected):<12} [{row.cls}] {_mark(row)}")
            worst = Counter(row.char for row, _ in base.misses).most_common(12)
            print("  pypinyin's most-missed characters: " + "  ".join(f"{c}×{n}" for c, n in worst))
        if name in HELD_OUT:
            low = [c for c in CLASSES if (ours.class_accuracy(c) or 1.0) < CLASS_TARGET]
            met = ours.accuracy >= 0.995 and not low
            print(f"  issue 14's target (≥ 99.5 % overall, no class under {CLASS_TARGET:.0%}): "
                  + ("met" if met else "not met" + (f" (under: {', '.join(low)})" if low else "")))
        target = TARGETS.get(name)
        if target is not None:
            low = [c for c in CLASSES if (ours.class_accuracy(c) or 1.0) < CLASS_TARGET]
            passed = ours.accuracy >= target and not low
            ok &= passed
            print(f"  {'PASS' if passed else 'FAIL'}: target {target:.1%} overall, no class under {CLASS_TARGET:.0%}"
                  + (f" (under: {', '.join(low)})" if low else ""))
        print()
    if args.results:
        write_results(results)
        print(f"wrote the pinyin section of {RESULTS.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
