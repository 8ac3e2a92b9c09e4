"""Speaker labels → role, name and handle.

A label is `role + name`, with or without a handle (`AIGC艺术家林晨@土豆人toudou_man`), or
`role + handle` where the handle is the name (`分镜师@Qiuller`). Where the role ends and the name
begins is not marked in Chinese, so every possible name at the end of the label is scored on
independent evidence, and the best one wins:

- **surname**: a Chinese name starts with a surname (or a compound surname, or 老/小/阿 + surname);
  the table is the project's own surname list plus CC-CEDICT's (`surnames.py`). Without one a
  Han candidate is not considered at all;
- **segmentation**: where the two tables above leave the choice open, jieba's part-of-speech
  HMM (which finds unseen names) and its dictionary's word tags are asked whether a word
  boundary falls where the name would start, whether the tail is tagged a person name (`nr`),
  and whether it is an ordinary word (微博, 沈阳 as a place). Loading jieba costs a good part
  of a second, so copy whose labels the tables settle never loads it;
- **role**: the text before the name ends with a role word or role ending (导演, 主任, 摄影师,
  CEO … in `data/rules.toml`); a candidate name that is itself such a word is penalised.

The split is *uncertain* (the writer puts a `# check:` comment beside it) when the evidence is
thin, when the runner-up is close, or when jieba names a different person than the winner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.importers.rules import Rules, rules
from pipeline.importers.segmentation import jieba_name_start, tokens
from pipeline.importers.surnames import surnames
from pipeline.pinyin_syllables import is_han
from pipeline.placeholders import TODO

ACCEPT = 3.5  # a candidate name needs at least this score
CONFIDENT = 5.0  # below this (or with a close runner-up) the split gets a '# check:' comment
CLOSE = 1.5  # a runner-up within this margin makes the split uncertain
_BAD_GIVEN = set("的了是在和与及或而之于对为这那")
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9_.'\-]*(?: [A-Za-z][A-Za-z0-9_.'\-]*)*$")
_QUOTED_NAME = re.compile(r"^(?P<role>[^“”「」\"]*?)\s*(?P<name>“[^“”]+”|「[^「」]+」|\"[^\"]+\")$")
_ROLE_AFTER = re.compile(r"^(?P<name>[^（(）)]{2,12}?)\s*[（(](?P<role>[^（(）)]{2,40})[）)]$")
_PSEUDONYM_MARK = re.compile(r"\s*[（(]\s*化名\s*[）)]\s*$")
_QUOTES = re.compile(r"“[^“”]*”|「[^「」]*」")  # a name in quotes inside a role: `“北边咖啡”店主`
_NOT_IN_LABEL = re.compile(r"[。！？!?；;，,“”\"「」『』：:…]")
_SPACE = re.compile(r"\s+")
_PADDED_NAME = re.compile(r"(?<=[\u3400-\u9fff])\s(?=[\u3400-\u9fff]$)")
_DECORATION = {"So", "Sk", "Sm", "Cf", "Mn", "Me", "Pd", "Co"}
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*){0,3}")
_JOINT_MARKS = ("、", "和", "与", "及", "&", "＆")
_JOINT = re.compile(r"\s*(?:、|&|＆|(?<=[\u3400-\u9fff])(?:和|与|及)(?=[\u3400-\u9fff]))\s*")


@dataclass(frozen=True)
class Split:
    """One label, understood. `doubt` says why a person should look at it (None: confident)."""

    role: str | None
    name: str
    handle: str | None = None
    pseudonym: bool = False
    doubt: str | None = None


@dataclass(frozen=True)
class _Candidate:
    role: str
    name: str
    score: float
    why: str = ""


def is_decoration(char: str) -> bool:
    """A mark that dresses a line up (▎ ■ ● ▶ 🎤 👉, a joiner or variation selector of an emoji)
    and says nothing: symbols, dashes and bars — not letters, digits or sentence punctuation."""
    return unicodedata.category(char) in _DECORATION or char in "|｜/／\\_"


def without_decoration(text: str) -> str:
    """The text without the decoration it opens or closes with (`▎你为什么…`, `🚕 黄海波`)."""
    start, end = 0, len(text)
    while start < end and (is_decoration(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (is_decoration(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def tidy_role(role: str) -> str:
    """White space survives only between two Latin/digit characters (`CMO EdIsOn` style)."""
    role = role.strip()
    return re.sub(r"\s+", lambda m: " " if _latin_edge(role, m.start(), m.end()) else "", role)


def _latin_edge(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(re.match(r"[A-Za-z0-9]", before) and re.match(r"[A-Za-z0-9]", after))


class LabelParser:
    """Reads speaker labels with the surname and role tables (jieba's tagger is loaded lazily,
    once per process, for the labels the tables leave open)."""

    def __init__(self, table: Rules | None = None) -> None:
        self.rules = table or rules()
        self.surnames = surnames()

    # -- the public entry ------------------------------------------------------------------
    def parse(self, text: str, lenient: bool = False) -> Split | None:
        """The label's parts, or None when the text is not a speaker label. `lenient` (for a
        line that stands where a label stands) takes the best split even on thin evidence,
        always with a doubt."""
        s = _SPACE.sub(" ", without_decoration(text.strip())).rstrip(":：").strip()
        s = _PADDED_NAME.sub("", s)  # `周　明`: a two-character name padded to three, as copy sets names in a column
        pseudonym = False
        if mark := _PSEUDONYM_MARK.search(s):
            s, pseudonym = s[: mark.start()].rstrip(), True
        if not s or len(s) > self.rules.label_max or s.casefold() in self.rules.not_speakers:
            return None  # (`重点：`, `注意：`, `编者按：` are the outlet's signposts, never a speaker)
        if s.casefold() in self.rules.interpreters | self.rules.spokespeople:  # `翻译：`, `发言人：`: by the task
            return Split(None, s, None, pseudonym)
        if self.rules.anonymous.match(s):  # `说话人1`: a meeting transcript's voice, named by the editor
            return Split(None, f"{TODO}: {s}", None, pseudonym)
        quoted = _QUOTED_NAME.match(s)
        if quoted and not _NOT_IN_LABEL.search(quoted["role"]) and (
                not quoted["role"] or ends_with_role(tidy_role(quoted["role"]), self.rules)):
            # a nickname in quotes is the name: 网友“大漠孤烟”
            return Split(tidy_role(quoted["role"]) or None, quoted["name"], None, pseudonym)
        if (after := _ROLE_AFTER.match(s)) and not _NOT_IN_LABEL.search(after["name"] + _QUOTES.sub("", after["role"])):
            return self._role_after(after, pseudonym)  # (`晏小北（“北边咖啡”店主）`: a shop's name in quotes)
        if _NOT_IN_LABEL.search(s) or (len(s) > 2 and s.endswith(self.rules.saying_ends)):
            return None  # (`张三说：` is a sentence introducing a quote)
        if "@" in s:
            return self._with_handle(s, pseudonym)
        if s.endswith(self.rules.unnamed) and len(s) <= 10 and ends_with_role(
                s[: -len(next(m for m in self.rules.unnamed if s.endswith(m)))], self.rules):
            return Split(None, s, None, pseudonym)  # (`骑手甲`: a person the copy does not name, by role)
        if after := _ROLE_AFTER.match(s):
            return self._role_after(after, pseudonym)
        if titled := self._title_after(s, pseudonym):
            return titled
        if _JOINT.search(s):
            return self._joint(s, pseudonym)
        best, doubt = self.split(s, lenient)
        if best is None or self._sentence_like(best.role, best.name if lenient and doubt else ""):
            return None
        if best.role in self.rules.relations and doubt is None:
            doubt = (f"“{s}” reads like someone a speaker speaks of ({best.role}), not a speaker's label: "
                     "if so, put the line back into the answer before it")
        return Split(best.role or None, best.name, None, pseudonym, doubt)

    def _sentence_like(self, role: str, name: str) -> bool:
        """A pronoun or a verb of saying before the name (its role words taken out) makes the
        line a sentence that ends in a colon, not a label: `他的师父赵德顺：`, `我跟徒弟说过一句话：`;
        on a line taken leniently on thin evidence the name itself is looked at too (`老板陈志强说：`),
        and a count makes it a sentence (`原因有三点：`, `两个原因：`; not a confident `一条创始人张三`)."""
        text = role + name
        for word in self.rules.role_words:
            text = text.replace(word, "")
        return any(word in text for word in self.rules.sentence_words) or bool(
            name and self.rules.counts.search(role + name))

    def _with_handle(self, s: str, pseudonym: bool) -> Split | None:
        before, _, rest = s.partition("@")
        rest = rest.strip()
        if not rest or "@" in rest or " " in rest:
            return None
        handle, before = "@" + rest, before.rstrip()
        if not before:
            return Split(None, rest, handle, pseudonym)
        best, doubt = self.split(before)
        if best is not None and best.score >= ACCEPT:
            return Split(best.role or None, best.name, handle, pseudonym, doubt)
        role = tidy_role(before)
        if ends_with_role(role, self.rules) or best is None:
            return Split(role, rest, handle, pseudonym)
        return Split(role, rest, handle, pseudonym,
                     f"the handle is taken as the name; “{best.name}” before it may be the name")

    def _joint(self, s: str, pseudonym: bool) -> Split | None:
        """`张伟、李娜`: two or more people answering together. An answer has one speaker in the
        format, so the label is kept whole as one, marked for the editor; a label whose parts are
        not all names (`主持人、作家李娜`: a role list) is read as usual."""
        parts = [p.strip() for p in _JOINT.split(s) if p.strip()]
        # a list of roles (`实验电影人、AIGC艺术家海辛`, `人机交互与认知工程实验室主任刘伟`) is told by its
        # words and lengths before any part is parsed (parsing may load jieba)
        roles = len(parts) < 2 or any(len(p) > 8 or ends_with_role(tidy_role(p), self.rules) for p in parts[:-1]) or any(
            max((c.score for c in self._candidates(tidy_role(p))), default=0) < ACCEPT for p in parts)
        splits = [] if roles else [self.parse(p) for p in parts]
        if roles or any(sp is None or sp.doubt or sp.handle for sp in splits):
            best, doubt = self.split(s)
            if best is None or best.role.rstrip().endswith(tuple(_JOINT_MARKS)):
                return None  # (`张伟、` is no role)
            return Split(best.role or None, best.name, None, pseudonym, doubt)
        return Split(None, "、".join(sp.name for sp in splits), None, pseudonym,
                     f"“{s}” is a joint answer of {len(parts)} people: an answer has one speaker; split it or "
                     "keep it under this joint name")

    def _title_after(self, s: str, pseudonym: bool) -> Split | None:
        """`张伟教授`, `王芳女士`: a whole name, then a title or form of address (data/rules.toml).
        A title that is a role word becomes the role (editions print it before the name); a form
        of address (女士, 先生) is left out of the label. Both are marked for a look."""
        first, _space, rest = s.partition(" ")
        if rest and is_han(first[-1]) and ends_with_role(rest, self.rules):  # `张伟 清华大学教授`
            best, doubt = self.split(first)
            if best is not None and not best.role and doubt is None:
                return Split(tidy_role(rest), best.name, None, pseudonym,
                             f"the copy writes “{s}”, the name first: read as role “{tidy_role(rest)}” + name “{best.name}”")
        for word in self.rules.address:
            name = s[: -len(word)]
            if not s.endswith(word):
                continue
            if len(name) < 2:
                break  # `李大叔`: a surname and 大叔 (people.py's), never the name 李大 and 叔
            if len(name) > 4:
                continue
            if name.endswith(self.rules.outlet_ends) and word in self.rules.role_words:
                return None  # (`彭博社记者`: an outlet's reporter, not 彭博社 the reporter)
            if name in self.surnames:  # `欧阳教授`: a surname and a title, matched to a full name by people.py
                return Split(None, s, None, pseudonym, f"“{s}” is a surname and a title: no full name")
            best, doubt = self.split(name)
            if best is not None and not best.role and doubt is None:
                role = word if word in self.rules.role_words else None
                shown = f"role “{word}” + name “{best.name}”" if role else f"name “{best.name}”"
                return Split(role, best.name, None, pseudonym,
                             f"the copy writes “{s}”, the name first: read as {shown}")
        return None

    def _role_after(self, match: re.Match, pseudonym: bool) -> Split | None:
        """`刘捷（浙江省委副书记）`: a name, then the role in brackets. A bracket holding the same
        name in the other script (`萨姆·奥特曼（Sam Altman）`) is a gloss, not a role: the name is the
        one outside (people.py joins both forms)."""
        best, _doubt = self.split(match["name"])
        role = tidy_role(match["role"])
        if best is None and re.fullmatch(r"[\u3400-\u9fff]{2,4}", match["name"]) and ends_with_role(_QUOTES.sub("", role), self.rules):
            # (`眭佳（返乡创业者）`: the role in brackets is the evidence a surname no table knows lacks)
            return Split(role, match["name"], None, pseudonym, f"“{match[0]}” read as name “{match['name']}” and its "
                         f"role “{role}” after it: its surname is in no table")
        if best is None or best.role:
            return None
        inner = match["role"].strip()
        han_outside = any(is_han(c) for c in best.name)
        if han_outside != any(is_han(c) for c in inner) and not ends_with_role(tidy_role(inner), self.rules) and (
                _LATIN_NAME.fullmatch(inner) or not han_outside):
            return Split(None, best.name, None, pseudonym)
        return Split(tidy_role(match["role"]), best.name, None, pseudonym,
                     f"the copy writes the role after the name (“{match[0]}”); editions print role + name")

    # -- splitting ---------------------------------------------------------------------------
    def split(self, s: str, lenient: bool = False) -> tuple[_Candidate | None, str | None]:
        """The best (role, name) split of a label without handle, and a doubt or None.

        The surname and role tables decide alone when they are decisive (a margin jieba's
        evidence, at most +2, could not close); otherwise jieba's tagger is consulted, which
        costs a second or more to load, so clear copy never pays for it."""
        candidates = self._candidates(s)
        if not candidates:
            return None, None
        candidates.sort(key=lambda c: c.score, reverse=True)
        if candidates[0].score < ACCEPT - 2 and not lenient:
            return None, None  # jieba's evidence (at most +2) could not make a name of it
        transliterated = any(d in candidates[0].name for d in self.rules.dots)  # jieba knows few of these
        decisive = transliterated or candidates[0].score >= CONFIDENT and (
            len(candidates) == 1 or candidates[1].score <= candidates[0].score - CLOSE - 2)
        if not decisive:
            candidates = self._with_jieba(s, candidates)
            candidates.sort(key=lambda c: c.score, reverse=True)
        best = candidates[0]
        if best.score < ACCEPT and not lenient:
            return None, None
        if best.score < ACCEPT:
            best = _Candidate(best.role, best.name, best.score,
                              best.why or "taken as a label because the line stands where labels stand")
        role = tidy_role(best.role)
        best = _Candidate(role, best.name, best.score, best.why)
        runner = candidates[1] if len(candidates) > 1 else None
        doubt = None
        reading = f"“{s}” read as role “{role}” + name “{best.name}”" if role else f"“{s}” read as a name alone"
        if runner is not None and runner.score >= best.score - CLOSE and runner.name != best.name:
            doubt = f"{reading}; could be name “{runner.name}”"
        elif best.why:
            doubt = f"{reading}: {best.why}"
        elif best.score < CONFIDENT and not transliterated:
            doubt = f"{reading}: little evidence for the split"
        return best, doubt

    def _candidates(self, s: str) -> list[_Candidate]:
        latin = _LATIN_TAIL.search(s)
        if latin:
            return self._latin(s, latin)
        dot = max(s.rfind(d) for d in self.rules.dots)
        after = s[dot + 1 :]
        if dot > 0 and 0 < len(after) <= 6 and all(is_han(c) for c in after) and not any(
                word in after for word in self.rules.role_words):
            return self._transliterated(s)  # 埃隆·马斯克, not 凤凰网·科技主编张三
        return self._han(s) if is_han(s[-1]) else []

    def _han(self, s: str) -> list[_Candidate]:
        run = 0
        while run < len(s) and is_han(s[-1 - run]):
            run += 1
        out = []
        for k in (2, 3, 4):
            if k > run:
                break
            name, role = s[-k:], s[:-k]
            surname = self._surname_weight(name)
            if surname is None:
                # a surname neither table knows (呼兰), or a name without one (扎西平措, 次仁: Tibetan
                # names have none): only right after a role, as a guess (before: `乡邮员扎西平措：` was
                # no label, and the whole interview went to the notes)
                if self._role_evidence(role) > 0 and (k <= 3 or all(c not in self.rules.role_suffixes for c in name)) and (
                        not self._name_penalty(name)):
                    out.append(_Candidate(role, name, 1.0 + 2.5, "its surname is in no table"))
                continue
            # no role: the whole label is a name, which only the surname (and jieba) can confirm;
            # a common surname is enough on a line that stands as a label (张三：)
            score = surname + (self._role_evidence(role) if role else 1.5 if surname >= 3 else 0.5)
            score -= self._name_penalty(name) + self._boundary_penalty(role, name)
            score += 0.3 if k == 3 else 0
            out.append(_Candidate(role, name, score))
        return out

    def _with_jieba(self, s: str, candidates: list[_Candidate]) -> list[_Candidate]:
        """Each candidate plus jieba's evidence: +2 where jieba tags exactly this tail as a
        person name (`nr`), +1 where its segmentation only has a word boundary there; a winner
        that differs from jieba's own name reading is marked for a look."""
        found = tokens(s)
        starts = {t[0] for t in found} | {0}
        jieba_name = jieba_name_start(found, len(s))
        out = []
        words = {(t[0], t[2]): t[3] for t in found}
        for c in candidates:
            start = len(s) - len(c.name)
            bonus = 2 if jieba_name == start else 1 if start in starts else 0
            tag = words.get((start, c.name))
            if tag and not tag.startswith("nr") and c.name[0] not in self.rules.familiar:
                bonus -= 2  # jieba knows the candidate as an ordinary word (微博, 从业者)
            out.append(_Candidate(c.role, c.name, c.score + bonus, c.why))
        best = max(out, key=lambda c: c.score)
        other = s[jieba_name:] if jieba_name is not None else None
        if (other and other != best.name and len(other) in (2, 3, 4) and all(is_han(ch) for ch in other)
                and self._surname_weight(other) is not None and not best.why):
            out = [c if c is not best else _Candidate(c.role, c.name, c.score, f"jieba reads the name as “{other}”")
                   for c in out]
        return out

    def _latin(self, s: str, match: re.Match) -> list[_Candidate]:
        words = match[0].split(" ")
        # the name follows the last Latin role word of the run: `OpenAI CEO Sam Altman`
        last = max((j for j, w in enumerate(words) if w in self.rules.latin_roles), default=-1)
        words = words[last + 1 :]
        if not words:
            return []
        name = " ".join(words)
        role = s[: len(s) - len(name)]
        if not role.strip() and len(name) < 2:
            return []  # a lone letter (Q：, A：) is an interview mark, not a name
        out = []
        if not role.strip() or self._role_evidence(role.rstrip()) > 0:
            out.append(_Candidate(role, name, 5.0))
        elif role != role.rstrip():
            # `马克 Marc`, `李娜 Li Na`: Han text with no role word before a spaced Latin name may be
            # the same name in Chinese (a bilingual label): taken as the role, marked for a look
            out.append(_Candidate(role, name, 5.0, "" if not all(is_han(c) for c in role.strip()) or len(
                role.strip()) > 4 else f"“{role.strip()}” is no role word: it may be the name in Chinese"))
        else:
            out.append(_Candidate(role, name, ACCEPT, "a Latin name written straight after Chinese text"))
            # the Chinese just before may be the start of the name (海辛Hyacinth)
            for han in self._han(role) if role and is_han(role[-1]) else []:
                out.append(_Candidate(han.role, han.name + name, han.score, han.why))
        return out

    def _transliterated(self, s: str) -> list[_Candidate]:
        dot = max(s.rfind(d) for d in self.rules.dots)
        if dot <= 0 or not s[dot + 1 :] or not all(is_han(c) for c in s[dot + 1 :]):
            return []
        out = []
        for i in range(dot - 1, max(-1, dot - 6), -1):
            if not is_han(s[i]) and s[i] not in self.rules.dots:
                break
            role = s[:i]
            evidence = self._role_evidence(role) if role else 2.5
            score = 2.5 + evidence
            why = "" if evidence >= 2 else "where a transliterated name starts is a guess"
            out.append(_Candidate(role, s[i:], score, why))
        return out

    # -- evidence ----------------------------------------------------------------------------
    def _surname_weight(self, name: str) -> float | None:
        """How strongly the start of `name` looks like a surname (None: it is not one)."""
        table = self.surnames
        k = len(name)
        if k >= 3 and name[:2] in table:
            entry = table[name[:2]]
        elif k <= 3 and name[0] in table:
            entry = table[name[0]]
        elif k == 2 and name[0] in self.rules.familiar and name[1] in table:
            return 2.5
        else:
            return None
        given = name[len(entry.text):]
        if not given or any(c in _BAD_GIVEN for c in given):
            return None
        return (3.0 if entry.common else 1.5) + (0.5 if entry.count >= 100 else 0)

    def _role_evidence(self, role: str) -> float:
        return _role_score(role.rstrip(), self.rules)

    def _boundary_penalty(self, role: str, name: str) -> float:
        """Evidence that the boundary is one character off: the name swallowed the end of a
        role word (任|刘伟 of 主任, 师|陈雄 of 特效师), or the role kept the surname
        (制片人王|鲁娜, 艺术家岳|路平)."""
        if not role:
            return 0.0
        if name[0] in self.rules.role_suffixes or any(
                (role + name[0]).endswith(word) for word in self.rules.role_words):
            return 2.5
        if role[-1] in self.surnames and self._role_evidence(role[:-1]) > 0 and not any(
                role.endswith(word) for word in self.rules.role_words if len(word) >= 2):
            return 2.0  # (but a whole role word keeps its last character: 磨刀师傅|邝永年, not 磨刀师|傅邝永年)
        return 0.0

    def _name_penalty(self, name: str) -> float:
        if name in self.rules.role_words or any(name.endswith(w) for w in self.rules.role_words if len(w) >= 2):
            return 3.0
        return 2.0 if name[-1] in "者家师员官" else 0.0


def _role_score(role: str, table: Rules) -> float:
    if not role:
        return 0.0
    if any(role.endswith(word) for word in table.role_words):
        return 2.5
    latin = re.search(r"[A-Za-z]+$", role)
    if latin and latin[0] in table.latin_roles:
        return 2.5
    if role[-1] in table.role_suffixes:
        return 2.0
    return 0.0


def ends_with_role(role: str, table: Rules) -> bool:
    return _role_score(role, table) > 0
