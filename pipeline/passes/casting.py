"""Voice casting: who speaks with which voice, for one engine.

The Q&A is a chorus of dozens of voices, so casting must make every speaker a different
person and never let two answers in a row sound alike. Rules, in order of precedence:

1. The narrator (article, notes, references) and the host (questions, the label before each
   answer, asides) have the table's role voices; no speaker gets a voice of their families.
2. A speaker's fixed voice hint (`voice.espeak` / `voice.edge` in the source) is obeyed.
3. A gender hint limits the speaker to voices of that gender; an age hint shifts pitch/rate.
4. A speaker's voice is not `similar` (same family, or same gender at nearly the same pitch)
   to the host's, who introduces every answer, nor to the voices of the speakers answering just
   before and after them anywhere in the title.
5. A voice made for an age (an old man's) goes to speakers of that age, and to others only
   when nothing else is left; families are used evenly (the fewest-used first, regional
   accents last); each speaker gets a (voice, pitch, rate) no one else has; neutral pitch and
   rate come first.

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

from pipeline.audio.engine import EngineName, VoiceSpec
from pipeline.audio.voices import VoiceEntry, VoiceTable, load_table
from pipeline.errors import SourceError
from pipeline.model import Document, Speaker

ESPEAK_PITCH_RANGE = (0, 100)


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


def cast_voices(doc: Document, table: VoiceTable) -> Cast:
    narrator, host = table.role("narrator"), table.role("host")
    reserved = {narrator.family, host.family}
    first_answer = {sid: i for i, sid in reversed(list(enumerate(answer_order(doc))))}
    speakers = sorted(doc.speakers, key=lambda s: first_answer.get(s.id, len(first_answer)))
    speakers.sort(key=lambda s: _fixed(s, table.engine) is None)  # stable: fixed hints first
    near = neighbours(doc)
    chosen: dict[str, VoiceSpec] = {}
    taken = {(v.voice, v.pitch, v.rate) for v in (narrator, host)}
    family_use: Counter[str] = Counter()
    notes: list[str] = []
    for speaker in speakers:
        # the host introduces every answer, so the host is every speaker's neighbour too
        avoid = [host] + [chosen[other] for other in near.get(speaker.id, ()) if other in chosen]
        spec = None
        for relax in ((), ("adjacent",), ("adjacent", "unique")):
            options = list(_options(speaker, table, reserved, avoid, taken, family_use, relax))
            if options:
                spec = min(options)[1]
                if relax:
                    notes.append(f"{speaker.name}: could not keep {' and '.join(relax)} voices apart")
                break
        if spec is None:
            gender = speaker.voice.gender or "any"
            raise SourceError(speaker.loc.path, speaker.loc.line, speaker.loc.col,
                              f"no {table.engine} voice can be cast for '{speaker.name}' ({gender}): "
                              f"the voice table has none left; add voices to pipeline/data/{_file(table)}")
        chosen[speaker.id] = spec
        taken.add((spec.voice, spec.pitch, spec.rate))
        family_use[spec.family] += 1
    return Cast(engine=table.engine, narrator=narrator, host=host,
                speakers={s.id: chosen[s.id] for s in doc.speakers}, notes=tuple(notes))


def cast(doc: Document, engine: EngineName) -> Cast:
    """The cast for `engine` from its voice table in pipeline/data/."""
    return cast_voices(doc, load_table(engine))


def _file(table: VoiceTable) -> str:
    from pipeline.audio.voices import TABLE_FILES

    return TABLE_FILES[table.engine]


def _fixed(speaker: Speaker, engine: EngineName) -> str | None:
    return speaker.voice.edge if engine == "edge" else speaker.voice.espeak


def _options(speaker: Speaker, table: VoiceTable, reserved: set[str], avoid: list[VoiceSpec],
             taken: set[tuple[str, int, int]], family_use: Counter[str],
             relax: tuple[str, ...]) -> Iterator[tuple[tuple, VoiceSpec]]:
    """Every allowed (score, voice) for `speaker`; the lowest score wins."""
    hint = speaker.voice
    fixed = _fixed(speaker, table.engine)
    if fixed is not None:
        entry = table.entry(fixed)
        if entry is None:
            raise SourceError(speaker.loc.path, speaker.loc.line, speaker.loc.col,
                              f"speaker '{speaker.name}': no {table.engine} voice '{fixed}'; "
                              f"'publish voices' lists them")
        entries: list[VoiceEntry] = [entry]
    else:
        entries = [e for e in table.voices
                   if e.cast and e.family not in reserved and (hint.gender is None or e.gender == hint.gender)]
    pitch_shift, rate_shift = table.age_shift.get(hint.age or "", (0, 0))
    for entry in entries:
        for p_rank, pitch in enumerate(table.pitches):
            pitch = _pitch(pitch + pitch_shift, table.engine)
            spec = table.spec(entry, pitch, 0)
            if fixed is None and "adjacent" not in relax and any(similar(spec, other, table.apart_semitones)
                                                                 for other in avoid):
                continue
            for r_rank, rate in enumerate(table.rates):
                rate += rate_shift
                if "unique" not in relax and (entry.name, pitch, rate) in taken:
                    continue
                age_mismatch = int(entry.age is not None and entry.age != hint.age)
                score = (age_mismatch, family_use[entry.family] + int(entry.accent), p_rank + r_rank,
                         _tiebreak(speaker.id, entry.name, pitch, rate))
                yield score, table.spec(entry, pitch, rate)


def _pitch(value: int, engine: EngineName) -> int:
    if engine == "espeak":
        low, high = ESPEAK_PITCH_RANGE
        return max(low, min(high, value))
    return value


def _tiebreak(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()
