"""The speaker registry from the answers' labels: one person per name or handle.

- **Merging**: labels whose names are equal after NFKC and without white space (half-/full-width
  marks, spacing) or that share a handle are one person; a handle seen once is kept for all.
- **Role**: the registry takes the role used most often; on a tie the one contained in all the
  others (the general one: `AIGC艺术家` over `实验电影人、AIGC艺术家`), else the first. Answers whose
  label gives another role carry `role=`.
- **Pseudonyms**: a sentence saying 化名 (`（文中刘彬、黄力明为化名。）`) marks the speakers it names;
  `张三（化名）` marks the name right before it; a sentence that also says 除 / 真名 … only gets a
  `# check:` comment on the names it mentions.
- **ids**: the name in toneless pinyin (Latin letters kept), made unique with -2, -3 ….
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pipeline.importers.draft import Answer, Draft, Person
from pipeline.importers.names import Split
from pipeline.importers.romanize import syllables
from pipeline.importers.rules import Rules, rules
from pipeline.importers.surnames import surnames
from pipeline.placeholders import is_placeholder

_SENTENCES = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_HAN = "\u3400-\u9fff"
_DOT_CLASS = "·•・‧"
# `萨姆·奥特曼（Sam Altman）`, `Sam Altman（萨姆·奥特曼）`: one person glossed in the other script
_GLOSS_HAN_FIRST = re.compile(rf"(?P<han>[{_HAN}]{{1,8}}(?:[{_DOT_CLASS}][{_HAN}]{{1,8}})+)\s*[（(]\s*"
                              r"(?P<latin>[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*){0,3})\s*[）)]")
_GLOSS_LATIN_FIRST = re.compile(r"(?P<latin>[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){1,3})\s*[（(]\s*"
                                rf"(?P<han>[{_HAN}]{{2,8}}(?:[{_DOT_CLASS}][{_HAN}]{{1,8}})*)\s*[）)]")


def key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def find_aliases(texts: list[str], table: Rules) -> dict[str, str]:
    """Names the copy glosses in another script (`萨姆·奥特曼（Sam Altman）`): every way of writing
    such a person (both names, the Chinese name's last part, the Latin first and last words) → one
    group key."""
    aliases: dict[str, str] = {}
    for text in texts:
        for match in [*_GLOSS_HAN_FIRST.finditer(text), *_GLOSS_LATIN_FIRST.finditer(text)]:
            han, latin = match["han"], match["latin"].strip()
            group = key(latin)
            forms = {han, latin}
            parts = re.split(f"[{_DOT_CLASS}]", han)
            if len(parts) > 1 and len(parts[-1]) >= 2:
                forms.add(parts[-1])
            forms |= {word for word in (latin.split()[0], latin.split()[-1]) if " " in latin and len(word) >= 3}
            for form in forms:
                aliases.setdefault(key(form), group)
    return aliases


def build_people(draft: Draft, pairs: list[tuple[Answer, str, Split]], table: Rules,
                 aliases: dict[str, str] | None = None) -> None:
    """Fill draft.people from (answer, label text, split) in reading order; set each answer's
    person and role override."""
    parent: dict[str, str] = {}
    aliases = aliases or {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _answer, _label, split in pairs:
        name = "n:" + key(split.name)
        find(name)
        if split.handle:
            parent[find("h:" + key(split.handle))] = find(name)
        if key(split.name) in aliases:
            parent[find("a:" + aliases[key(split.name)])] = find(name)
    short_doubts: dict[str, list[str]] = {}
    for root, notes in _short_forms(pairs, find, parent, table).items():
        short_doubts.setdefault(find(root), []).extend(notes)
    groups: dict[str, list[tuple[Answer, str, Split]]] = {}
    for pair in pairs:
        groups.setdefault(find("n:" + key(pair[2].name)), []).append(pair)
    used_ids: set[str] = set()
    for members in groups.values():
        person = _person(members, used_ids, table)
        index = len(draft.people)
        draft.people.append(person)
        for answer, _label, split in members:
            answer.person = index
            if not _same_role(split.role, person.role):
                answer.role_override = split.role
                doubt = f"one answer's label “{_label}” gives no role; it will show “{person.role}”"
                if split.role is None and doubt not in person.doubts:  # (once for a label used twice)
                    person.doubts.append(doubt)
        person.doubts += short_doubts.get(find("n:" + key(members[0][2].name)), [])
        variants = {label for _a, label, _s in members if label}  # ('' : an answer with no label)
        roles = {key(s.role or "") for _a, _l, s in members}
        if len(variants) > 1 and (len(variants) > len(roles) or len({key(s.name) for _a, _l, s in members}) > 1):
            draft.stats.merges.append(" = ".join(dict.fromkeys(label for _a, label, _s in members if label)))
    _pseudonyms(draft, table)


def _short_forms(pairs: list[tuple[Answer, str, Split]], find, parent: dict[str, str],
                 table: Rules) -> dict[str, list[str]]:
    """A label that is a surname and a form of address (`张教授`, `林老师`, `王女士`, `老张`) is the
    one speaker named in full with that surname; with two such speakers it stays apart and gets a
    `# check:` naming both (a quote is never given to one of them on a guess). Doubts by group."""
    table_of = surnames()
    full = {}
    for _a, _l, split in pairs:
        if split.role is None and _surname_address(split.name, table_of, table) is not None:
            continue
        if not is_placeholder(split.name) and "、" not in split.name:  # (not a joint answer's name)
            full.setdefault(find("n:" + key(split.name)), split.name)
    doubts: dict[str, list[str]] = {}
    for _a, label, split in pairs:
        own = find("n:" + key(split.name))
        surname = _surname_address(split.name, table_of, table) if split.role is None else None
        if surname is not None:
            same = {root: name for root, name in full.items() if name.startswith(surname) and root != own}
        else:  # 马斯克 for 埃隆·马斯克, Altman for Sam Altman
            same = {root: name for root, name in full.items()
                    if root != own and key(split.name) in _short_names(name)}
            if not same:
                continue
        if len(same) == 1:
            root = next(iter(same))
            parent[own] = root
            note = f"the label “{label}” is taken as {same[root]}, the only speaker it can be"
            if note not in doubts.setdefault(root, []):
                doubts[root].append(note)
        elif len(same) > 1 and own not in doubts:
            doubts[own] = [f"“{split.name}” may be any of {'、'.join(dict.fromkeys(same.values()))}: merge it by hand into the "
                           "right speaker (its answers are kept apart until then)"]
    return doubts


def _short_names(name: str) -> set[str]:
    """What a foreign name is shortened to: the last part of `埃隆·马斯克`, the first or last word
    of `Sam Altman` (keyed)."""
    parts = re.split(f"[{_DOT_CLASS}]", name)
    out = {key(parts[-1])} if len(parts) > 1 and len(parts[-1]) >= 2 else set()
    words = name.split()
    while len(words) > 2 and words[0].casefold().rstrip(".") in rules().latin_titles:
        words = words[1:]  # (`Emily` for Dr. Emily Chen, not `Dr.`)
    if len(words) > 1 and name.isascii():  # `Altman`, and `Kevin` for Kevin Zhou (and `Ma` for Ma Xiaoming)
        out |= {key(word) for word in (words[0], words[-1]) if len(word) >= 3 or word.casefold() in rules().pinyin_short}
    return out


def _surname_address(name: str, table_of, table: Rules) -> str | None:
    """The surname of `张教授` / `欧阳老师` / `老张` / `小王` / `王` (a surname alone), or None for any
    other name."""
    for size in (2, 1):
        surname, rest = name[:size], name[size:]
        if surname in table_of and (rest in table.address or not rest):
            return surname
    if len(name) in (2, 3) and name[0] in table.familiar and name[1:] in table_of:
        return name[1:]
    return None


def _person(members: list[tuple[Answer, str, Split]], used_ids: set[str], table: Rules) -> Person:
    splits = [s for _a, _l, s in members]
    names = Counter(s.name for s in splits)
    table_of = surnames()

    def short(name: str) -> bool:  # 赵总 beside 赵建军, Altman beside Sam Altman: the full name is shown
        return _surname_address(name, table_of, table) is not None or any(
            key(name) in _short_names(other) for other in names if other != name)

    name = max(names, key=lambda n: (not short(n), names[n], -[s.name for s in splits].index(n)))
    handle = next((s.handle for s in splits if s.handle), None)
    role = _registry_role([s.role for s in splits])
    confident = any(s.doubt is None for s in splits)
    doubts = [] if confident else list(dict.fromkeys(s.doubt for s in splits if s.doubt))
    return Person(id=_unique(_id_for(name), used_ids), name=name, role=role, handle=handle,
                  pseudonym=any(s.pseudonym for s in splits), doubts=doubts,
                  labels=list(dict.fromkeys(label for _a, label, _s in members)))


def _registry_role(roles: list[str | None]) -> str | None:
    counts = Counter(key(r) for r in roles if r)
    if not counts:
        return None
    top = max(counts.values())
    tied = [r for r in dict.fromkeys(r for r in roles if r) if counts[key(r)] == top]
    if len(tied) > 1:
        general = [r for r in tied if all(key(r) in key(other) for other in tied)]
        if general:
            return general[0]
    return tied[0]


def _same_role(a: str | None, b: str | None) -> bool:
    return key(a or "") == key(b or "")


def _id_for(name: str) -> str:
    if is_placeholder(name):
        name = name.partition(":")[2] or name
    ident = re.sub(r"[^a-z0-9]+", "", "".join(syllables(name)).lower())
    return ident or "speaker"


def _unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate, n = f"{ident}-{n}", n + 1
    used.add(candidate)
    return candidate


def _pseudonyms(draft: Draft, table: Rules) -> None:
    texts = [*draft.notes, *draft.notes_after] + [p.text for p in draft.article]
    texts += [p.text for a in draft.answers for p in a.paragraphs]
    for text in texts:
        for sentence in _SENTENCES.findall(text):
            words = [w for w in table.pseudonym_words if w in sentence]
            if not words:
                continue
            doubtful = any(d in sentence for d in table.pseudonym_doubts)
            named = _named(sentence, words, draft)
            quoted = (text if len(text) <= 80 else sentence).strip()
            for person in named:
                if doubtful:
                    person.doubts.append(f"the copy says “{quoted}”: is {person.name} a pseudonym?")
                else:
                    person.pseudonym = True
            if not named and not doubtful and any(w in sentence for w in table.pseudonym_all) and any(
                    w in sentence for w in table.pseudonym_people):
                for person in draft.people:  # (`文中人物均为化名`: every speaker the copy names)
                    person.pseudonym = person.pseudonym or not is_placeholder(person.name)
                continue
            if not named and quoted not in draft.pseudonym_doubts:
                draft.pseudonym_doubts.append(quoted)


def _named(sentence: str, words: list[str], draft: Draft) -> list[Person]:
    """Speakers a pseudonym sentence is about: for `名字（化名）` the name right before the
    bracket; otherwise every speaker the sentence names."""
    bracketed = [m.start() for w in words for m in re.finditer(rf"[（(]{w}[）)]", sentence)]
    found = []
    for person in draft.people:
        if len(person.name) < 2:
            continue
        if bracketed:
            if any(sentence[:at].rstrip().endswith(person.name) for at in bracketed):
                found.append(person)
        elif person.name in sentence:
            found.append(person)
    return found
