"""The reader's longer messages, worded from what the walk knows (where an id was first used, which
speakers are declared): kept out of `pipeline.bodyreader` so the walk reads as the format's rules.
E205's and E204's hints (a speaker's label typed as text, a references chapter without its mark)
moved here from `pipeline.texthygiene` when it reached 500 lines."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from pipeline.diagnostics import Diagnostic
from pipeline.model import SectionKind, Speaker
from pipeline.textslips import folded


def id_used_twice(section_id: str, first: int | None, kind: SectionKind, given: bool) -> str:
    """E207's words: where the id was first used, and, for an id the editor did not write (a
    question's 'q2' by its place, 'closing', 'references'), where it came from."""
    if first is None:
        return f"chapter id '{section_id}' is used twice: it is the article's own id"
    if given:
        return f"chapter id '{section_id}' is used twice (first by the chapter on line {first})"
    if kind == "question":
        return (f"this question's id is '{section_id}' by default (its place among the questions), and the chapter "
                f"on line {first} already has it")
    return f"chapter id '{section_id}' is used twice: a second {kind} chapter (the first is on line {first})"


def known_speakers(ids: list[str], shown: int = 8) -> str:
    """The declared speaker ids an unknown one could have meant: the first few, '…' when there are more."""
    if not ids:
        return "no speakers are declared under 'speakers:' in the front matter"
    return f"known: {', '.join(ids[:shown])}" + ("…" if len(ids) > shown else "")


# An answer typed as the copy has it, 'label：text' ('苏雯：…', '**图书馆夜班馆员苏雯：**…', 'suwen: …'),
# under a question without its fence: E205 says whose label it is and how the answer is written.
_LABEL_OPENING = re.compile(r"^\s*(?:\*\*)?(?P<label>[^\s:：*][^:：\n]{0,39}?)\s*(?:\*\*)?\s*[:：]")


# A question typed as a bold line or after a 'Q'/'问' label, as copy has it ('**问：你呢？**').
_QUESTION_LINE = re.compile(r"^\s*(?:\*\*)?\s*(?:(?:问|提问|记者|Q\d*)\s*[:：]\s*)?(?P<question>[^\n]*?[？?])\s*(?:\*\*)?\s*$")


def label_opening(raw: str, speakers: Iterable[Speaker]) -> str:
    """The end of E205's message for text outside any answer that opens with a speaker's label
    (its name, role + name, handle or id, and a colon): which fence it needs; for a line that
    is one question ('**问：你呢？**'), that a question is a heading; '' otherwise."""
    found = _LABEL_OPENING.match(raw)
    question = _QUESTION_LINE.match(raw)
    if question is not None and raw.strip().startswith(("**", "问", "提问", "记者", "Q")) and not _speaker_of(found, speakers):
        return f": it reads as a question; write it as a chapter heading, '## {question['question'].strip('* ')}'"
    return _speaker_of(found, speakers)


# (the thirteenth sweep) What two spellings of one name may differ by: the middle dot of a transcribed
# name in its several forms (·, the katakana ・, a bullet, a hyphenation point), and a space, half- or
# full-width, that a paste or an input method put inside it ('苏　雯'). Folded away, they are one name.
_NAME_SEPARATORS = re.compile("[\\s\u00b7\u2027\u2022\u2219\u22c5\u30fb\uff65\u0387\u16eb\u318d]+")


def name_key(written: str) -> str:
    """A name or a label as it is compared: full-width letters folded, middle dots and spaces dropped."""
    return _NAME_SEPARATORS.sub("", unicodedata.normalize("NFKC", written))


def _speaker_of(found: re.Match[str] | None, speakers: Iterable[Speaker]) -> str:
    """E205's words for a label that is a speaker's (or near a speaker's name), or ''."""
    if found is None:
        return ""
    label = found["label"].replace("**", "").strip()
    speakers = list(speakers)
    labels = {written: speaker for speaker in speakers
              for written in (speaker.name, speaker.label(), speaker.id, speaker.handle, f"{speaker.label()}{speaker.handle or ''}")
              if written}
    keys = {name_key(written): speaker for written, speaker in labels.items()}
    near = difflib.get_close_matches(label, [speaker.name for speaker in speakers], n=1, cutoff=0.5)
    speaker = (labels.get(label) or keys.get(name_key(label))
               or next((s for s in speakers if near and s.name == near[0]), None))
    if speaker is None:
        return ""
    whose = ("the label" if label in labels else "the label (but for a middle dot or a space)"
             if name_key(label) in keys else f"near the name {speaker.name}")
    return (f": it opens with '{label}', {whose} of speaker '{speaker.id}'; write the answer as "
            f"'::: answer {speaker.id}' on a line of its own, the text without the label, then ':::'")


# Headings of a references chapter, as copy and editors title it: without '{.references}' the
# chapter was a question with no answers (E204) and its list text outside any answer (E205).
REFERENCES_HEADINGS = ("参考资料", "参考文献", "资料来源", "参考链接", "引用资料", "引用文献", "延伸阅读", "references",
                       "sources", "bibliography", "further reading")


def references_hint(title: str | None) -> str:
    """The end of E204's message for a chapter titled like a references chapter: its mark."""
    if title and title.strip(" ：:").lower() in REFERENCES_HEADINGS:
        return f": a references chapter is marked so, '## {title} {{.references}}'"
    return ""


def unknown_id_hint(written: str, speakers: dict[str, Speaker]) -> str:
    """E201's hint for an answer's id no speaker has: the id nearest it, the id of the speaker
    whose name (or label) stands there ('::: answer 老周') or is near it ('苏文' for 苏雯), the
    speakers of a joint answer ('suwen、hechuan': one fence each; the ninth sweep), or the ids there are."""
    joint = [word for word in re.split(r"[,，、/／&＆+]+", written) if word in speakers]
    if len(joint) > 1:
        return (f"'{written}' names {len(joint)} speakers: an answer is one speaker's; write each one's words in a "
                f"fence of their own, '::: answer {joint[0]}' and '::: answer {joint[1]}'")
    near = difflib.get_close_matches(folded(written), list(speakers), n=1, cutoff=0.6)
    # the speaker's name (or label) where the id belongs: '::: answer 老周'
    named = [s.id for s in speakers.values() if name_key(written) in (name_key(s.name), name_key(s.label()))]
    handled = [s.id for s in speakers.values() if s.handle and name_key(written) == name_key(s.handle)]  # ('@一帆Games')
    # a name misspelt where the id belongs: '::: answer 苏文' for 苏雯 (no id is near a Chinese one)
    by_name = {s.name: s.id for s in speakers.values()}
    near_name = difflib.get_close_matches(written, list(by_name), n=1, cutoff=0.5)
    return (f"that is the name of speaker '{named[0]}': write its id, '::: answer {named[0]}'" if named
            else f"that is the handle of speaker '{handled[0]}': write its id, '::: answer {handled[0]}'" if handled
            else f"did you mean '{near[0]}'?" if near
            else f"did you mean '{by_name[near_name[0]]}' ({near_name[0]})? write the id, "
                 f"'::: answer {by_name[near_name[0]]}'" if near_name else known_speakers(sorted(speakers)))


def spaced_name(words: str, speakers: dict[str, Speaker]) -> str:
    """E206's words for an answer's fence whose id is a speaker's name or id written with a space inside
    ('::: answer 苏　雯', an input method's full-width space; '::: answer 苏 雯'), or ''. (It was
    "cannot read '::: answer 苏　雯'", the one fault the did-you-mean of E201 never saw.)"""
    key = name_key(words)
    speaker = speakers.get(key.lower()) or next(
        (s for s in speakers.values() if key in (name_key(s.name), name_key(s.label()))), None)
    if speaker is None or not any(char.isspace() for char in words):
        return ""
    return (f"'{words}' holds a space, so it reads as two words, not an id: it is the "
            f"{'id' if speaker.id == key.lower() else 'name'} of speaker '{speaker.id}'; write '::: answer {speaker.id}'")


def ids_shared_with_notes_and_answers(sections: list[dict]) -> list[tuple[int, str]]:
    """E207's lines and words for a chapter whose id a note or an answer also has. Every chapter, note
    and answer is an anchor by its id: a chapter written {#note} or {#q1-1} would share one with a
    note or an answer (contents and index entries pointed at the wrong one, and the EPUB's NCX held
    one id twice). Reported at the chapter heading. (Out of the reader since the twelfth sweep.)"""
    others: dict[str, str] = {}
    for section in sections:
        if section["kind"] == "note":
            others.setdefault(section["id"], f"the note on line {section['loc'].line}")
        for number, answer in enumerate(section["answers"], 1):
            others.setdefault(answer.id, f"answer {number} of chapter '{section['title']}'")
    return [(section["loc"].line, f"chapter id '{section['id']}' is also the id of {others[section['id']]}")
            for section in sections if section["kind"] != "note" and section["id"] in others]


def text_after_note(note: dict, sections: list[dict], said: Iterable[Diagnostic]) -> str:
    """E205's words for text after a note, '' when they are said already: in the article (a note above
    the article's text, the thirteenth sweep) once a note, with where the note goes; elsewhere each
    paragraph, which was printed as part of the note above it."""
    line = note["loc"].line
    if not all(section["kind"] in ("article", "note") for section in sections[:-1]):
        return f"text after the note of line {line} is outside it: put it inside the note, before its ':::', or move it"
    if any(d.code == "E205" and f"the note of line {line}:" in d.message for d in said):
        return ""
    return (f"the article's text goes on after the note of line {line}: a note is printed after its chapter's text, "
            "so move the note below the article's last paragraph")
