"""Voice casting: who speaks with which voice, for one engine.

The Q&A is a chorus of dozens of voices, so casting must make every speaker a different
person and never let two answers in a row sound alike. Rules, in order of precedence:

0. Only voices that read the title's spoken language are cast (a Mandarin title is never read
   by a Cantonese or a dialect voice): `language` in the front matter → spoken language
   (voices-languages.toml) → the voices whose `reads` has it (voices-edge.json, -espeak.toml).
1. The narrator (article, notes, references) and the host (questions, the label before each
   answer, asides) have the table's role voices for that language; no speaker gets a voice of
   their families (unless the language has too few voices: then with a note on the cast sheet).
2. A speaker's fixed voice hint (`voice.espeak` / `voice.edge` in the source) is obeyed, if
   that voice reads the title's language.
3. A gender hint limits the speaker to voices of that gender; an age hint shifts pitch/rate.
4. A speaker's voice is not `similar` (same family, or same gender at nearly the same pitch)
   to the host's, who introduces every answer, nor the narrator's, nor to the voices of the
   speakers answering just before and after them anywhere in the title.
5. Never relaxed: two speakers of one chapter (and the narrator and host, who speak in every
   chapter) never share a voice unless their pitch differs by the table's `prosody_apart` — a
   few voices and pitch/rate steps make 40+ distinct speakers.
6. A voice made for an age (an old man's) goes to speakers of that age, and to others only
   when nothing else is left; families are used evenly (the fewest-used first); each speaker
   gets a (voice, pitch, rate) no one else in the title has; neutral pitch and rate come first.

Where a rule cannot be kept it gives way in this order, each time with a note: 4 (neighbours),
then 1 (role voices), then the title-wide part of 6 (uniqueness across chapters). Rule 5 never
gives way: an error names the speaker instead.

Deterministic: speakers are cast in order of first answer (fixed hints first), ties are broken
by a hash of the speaker id, never by dictionary or set order. Editing an answer's text does
not change the cast.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.audio.engine import ENGINES, EngineName, VoiceSpec
from pipeline.audio.voices import LANGUAGES_FILE, VoiceEntry, VoiceTable, load_table, spoken_language
from pipeline.errors import PublishError, SourceError
from pipeline.model import Document, Speaker

ESPEAK_PITCH_RANGE = (0, 100)
RELAXATIONS: tuple[tuple[str, ...], ...] = ((), ("adjacent",), ("adjacent", "roles"), ("adjacent", "roles", "title"))
RELAXED = {"adjacent": "keep neighbours' voices apart", "roles": "avoid the narrator's and host's voices",
           "title": "give a voice no one else in the title has"}


@dataclass(frozen=True)
class Cast:
    engine: EngineName
    narrator: VoiceSpec
    host: VoiceSpec
    speakers: dict[str, VoiceSpec]
    notes: tuple[str, ...] = field(default=())  # where a rule had to give way, for the cast sheet

    def voice(self, speaker_id: str) -> VoiceSpec:
        return self.speakers[speaker_id]


def similar(a: VoiceSpec, b: VoiceSpec, apart_semitones: float = 1.5) -> bool:
    """Two voices a listener could mistake for one another: the same family, or the same
    gender at nearly the same pitch (where the table measured pitch)."""
    if a.family == b.family:
        return True
    if a.gender != b.gender or a.f0 is None or b.f0 is None or apart_semitones <= 0:
        return False
    return abs(12 * math.log2(a.f0 / b.f0)) < apart_semitones


def answer_order(doc: Document) -> list[str]:
    """Speaker ids of every answer, in reading order."""
    return [answer.speaker.id for section in doc.chapters for answer in section.answers]


def neighbours(doc: Document) -> dict[str, set[str]]:
    """Speakers whose answers come right before or after each speaker's."""
    order = answer_order(doc)
    found: dict[str, set[str]] = defaultdict(set)
    for a, b in zip(order, order[1:]):
        if a != b:
            found[a].add(b)
            found[b].add(a)
    return found


def chapter_company(doc: Document) -> dict[str, set[str]]:
    """Speakers who answer in the same chapter as each speaker."""
    found: dict[str, set[str]] = defaultdict(set)
    for section in doc.chapters:
        ids = {answer.speaker.id for answer in section.answers}
        for sid in ids:
            found[sid] |= ids - {sid}
    return found


def cast_voices(doc: Document, table: VoiceTable, language: str = "cmn") -> Cast:
    narrator, host = table.role("narrator", language), table.role("host", language)
    roles = (narrator, host)
    order = answer_order(doc)
    first_answer = {sid: i for i, sid in reversed(list(enumerate(order)))}
    # a speaker who never answers comes after every answer (not after as many answers as there
    # are speakers who answer: that put them before the late first-timers and changed their voices)
    speakers = sorted(doc.speakers, key=lambda s: first_answer.get(s.id, len(order)))
    speakers.sort(key=lambda s: _fixed(s, table.engine) is None)  # stable: fixed hints first
    near = neighbours(doc)
    company = chapter_company(doc)
    chosen: dict[str, VoiceSpec] = {}
    taken = {(v.voice, v.pitch, v.rate) for v in roles}
    family_use: Counter[str] = Counter()
    notes: list[str] = []
    for speaker in speakers:
        # the host introduces every answer, so the host is every speaker's neighbour too; and no
        # one should be taken for the narrator
        avoid = [host, narrator] + [chosen[other] for other in near.get(speaker.id, ()) if other in chosen]
        # the narrator and the host speak in every chapter
        rivals = [*roles, *(chosen[other] for other in company.get(speaker.id, ()) if other in chosen)]
        choice = _Choice(speaker, table, language, roles, avoid, rivals, taken, family_use)
        spec = None
        for relax in RELAXATIONS:
            options = list(choice.options(relax))
            if options:
                spec = min(options)[1]
                if relax:
                    notes.append(f"{speaker.name}: could not {' or '.join(RELAXED[r] for r in relax)}")
                break
        if spec is None:
            raise _crowded(doc, speaker, table, sum(other in chosen for other in company.get(speaker.id, ())))
        chosen[speaker.id] = spec
        taken.add((spec.voice, spec.pitch, spec.rate))
        family_use[spec.family] += 1
    return Cast(engine=table.engine, narrator=narrator, host=host,
                speakers={s.id: chosen[s.id] for s in doc.speakers}, notes=tuple(notes))


def cast(doc: Document, engine: EngineName) -> Cast:
    """The cast for `engine` from its voice table in pipeline/data/, in the title's spoken language."""
    language = spoken_language(doc.meta.language)
    if language is None:
        raise PublishError(f"{doc.source}: no voice reads the title's language '{doc.meta.language}'; the audio "
                           f"edition knows the languages in pipeline/data/{LANGUAGES_FILE}")
    return cast_voices(doc, load_table(engine), language)


class CastingLimit(SourceError):
    """A chapter has more speakers than one engine's voices keep apart (rule 5). Not a fault in
    the source: the other engine may read the title, or the chapter can be split. `check` and the
    cast sheet tell it apart from a voice hint the engine refuses."""

    def __init__(self, path: str, line: int, col: int, fact: str, engine: EngineName) -> None:
        self.fact, self.engine = fact, engine  # what is so, without the advice
        self.other = next(e for e in ENGINES if e != engine)
        super().__init__(path, line, col, f"{fact}: split the chapter into two questions, or read the audio "
                                          f"edition with --engine {self.other}")

    def for_every_engine(self) -> SourceError:
        """The error when the other engine cannot cast the title either: only the split helps."""
        return SourceError(self.path, self.line, self.col, f"{self.fact}: split the chapter into two questions "
                                                           f"(neither engine has voices for so many)")


def _crowded(doc: Document, speaker: Speaker, table: VoiceTable, kept: int) -> CastingLimit:
    """The error for a speaker no voice is left for, at the most crowded chapter they answer in:
    what the editor can change is the chapter (or the engine), not the speaker."""
    chapters = [s for s in doc.chapters if any(a.speaker.id == speaker.id for a in s.answers)]
    crowded = max(chapters, key=lambda s: len({a.speaker.id for a in s.answers}))
    count = len({a.speaker.id for a in crowded.answers})
    gender = speaker.voice.gender
    limit = (f"the {gender} {table.engine} voices are used up in it (delete some 'gender: {gender}' hints)"
             if gender else f"the {table.engine} voices keep only {kept} of them apart in one chapter")
    return CastingLimit(crowded.loc.path, crowded.loc.line, crowded.loc.col,
                        f"chapter “{crowded.title or crowded.id}” has {count} speakers and {limit}, so no "
                        f"{table.engine} voice is left for '{speaker.name}'", table.engine)


def _file(table: VoiceTable) -> str:
    from pipeline.audio.voices import TABLE_FILES

    return TABLE_FILES[table.engine]


def _fixed(speaker: Speaker, engine: EngineName) -> str | None:
    return speaker.voice.edge if engine == "edge" else speaker.voice.espeak


@dataclass(frozen=True)
class _Choice:
    """What is known when one speaker is cast: the voices to stay apart from."""

    speaker: Speaker
    table: VoiceTable
    language: str
    roles: tuple[VoiceSpec, ...]
    avoid: list[VoiceSpec]  # neighbours (and the host): not `similar`
    rivals: list[VoiceSpec]  # the same chapter: never the same voice at nearly the same pitch
    taken: set[tuple[str, int, int]]
    family_use: Counter[str]

    def entries(self, relax: tuple[str, ...]) -> list[VoiceEntry]:
        speaker, table = self.speaker, self.table
        fixed = _fixed(speaker, table.engine)
        if fixed is not None:
            entry = table.entry(fixed)
            if entry is None:
                raise SourceError(speaker.loc.path, speaker.loc.line, speaker.loc.col,
                                  f"speaker '{speaker.name}': no {table.engine} voice '{fixed}'; "
                                  f"'publish voices' lists them")
            if self.language not in entry.reads:
                raise SourceError(speaker.loc.path, speaker.loc.line, speaker.loc.col,
                                  f"speaker '{speaker.name}': the {table.engine} voice '{fixed}' does not read "
                                  f"'{self.language}', the language of this title; 'publish voices' lists them")
            return [entry]
        reserved = {role.family for role in self.roles}
        role_voices = {role.voice for role in self.roles}
        gender = speaker.voice.gender
        return [e for e in table.reading(self.language)
                if (gender is None or e.gender == gender)
                and ((e.cast and e.family not in reserved) or ("roles" in relax and e.name in role_voices))]

    def options(self, relax: tuple[str, ...]) -> Iterator[tuple[tuple, VoiceSpec]]:
        """Every allowed (score, voice); the lowest score wins."""
        table, hint = self.table, self.speaker.voice
        fixed = _fixed(self.speaker, table.engine) is not None
        pitch_shift, rate_shift = table.age_shift.get(hint.age or "", (0, 0))
        for entry in self.entries(relax):
            for p_rank, step in enumerate(table.pitches):
                pitch = _pitch(step + pitch_shift, table.engine)
                if any(r.voice == entry.name and abs(r.pitch - pitch) < max(1, table.prosody_apart)
                       for r in self.rivals):
                    continue
                spec = table.spec(entry, pitch, 0, self.language)
                if not fixed and "adjacent" not in relax and any(similar(spec, other, table.apart_semitones)
                                                                 for other in self.avoid):
                    continue
                for r_rank, rate in enumerate(table.rates):
                    rate += rate_shift
                    if "title" not in relax and (entry.name, pitch, rate) in self.taken:
                        continue
                    age_mismatch = int(entry.age is not None and entry.age != hint.age)
                    score = (age_mismatch, self.family_use[entry.family], p_rank + r_rank,
                             _tiebreak(self.speaker.id, entry.name, pitch, rate))
                    yield score, table.spec(entry, pitch, rate, self.language)


def _pitch(value: int, engine: EngineName) -> int:
    if engine == "espeak":
        low, high = ESPEAK_PITCH_RANGE
        return max(low, min(high, value))
    return value


def _tiebreak(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()
