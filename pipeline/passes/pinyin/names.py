"""Person names (speakers, authors, editors): the surname read as a surname (曾 zēng, 单 shàn,
区 ōu …), the given name from the given-name table, and 肖总/单老师 forms that keep the surname's
reading before a title."""

from __future__ import annotations

from pipeline.passes.pinyin.rules import _TITLES
from pipeline.passes.pinyin.tables import _default, _is_han, _name_chars, _phrase_reading, _project, _surnames


def name_reading(name: str) -> tuple[str, ...]:
    han = "".join(c for c in name if _is_han(c))
    project = _project()
    if han in project:
        return project[han]
    chars = _name_chars()
    if han != name or len(han) < 2:  # pseudonym or foreign name with Latin, dots …: no surname logic
        return tuple(chars.get(c, _default(c)) for c in han)
    surnames = _surnames()
    if len(han) >= 3 and han[:2] in surnames:
        surname, given = han[:2], han[2:]
    else:
        surname, given = han[:1], han[1:]
    reading = surnames.get(surname) or tuple(_default(c) for c in surname)
    if given in project and len(given) >= 2:
        given_reading = project[given]
    else:
        given_reading = tuple(chars.get(c, _default(c)) for c in given)
    return tuple(reading) + tuple(given_reading)


def add_title_forms(name: str, fixed: dict[str, tuple[tuple[str, ...], str]]) -> None:
    """肖总, 单老师 …: a polyphonic surname followed by a title keeps its surname reading."""
    han = "".join(c for c in name if _is_han(c))
    if han != name or len(han) < 2:
        return
    surname = han[:2] if len(han) >= 3 and han[:2] in _surnames() else han[:1]
    reading = _surnames().get(surname)
    if not reading or reading == tuple(_default(c) for c in surname):
        return
    for title in _TITLES:
        word = surname + title
        if word not in fixed:
            title_reading = _phrase_reading(title)
            fixed[word] = (tuple(reading) + title_reading, "name")
