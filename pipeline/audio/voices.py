"""The voice tables of both engines, read from `pipeline/data/` (data, not code: an editor can
add, retire or regroup voices without touching casting), and which spoken language a title is
read in (`voices-languages.toml`): a Mandarin title goes only to voices that read Mandarin."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.audio.engine import EngineName, VoiceSpec
from pipeline.errors import PublishError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TABLE_FILES: dict[EngineName, str] = {"espeak": "voices-espeak.toml", "edge": "voices-edge.json"}
LANGUAGES_FILE = "voices-languages.toml"


@dataclass(frozen=True)
class VoiceEntry:
    name: str
    gender: str | None
    family: str
    locale: str = ""
    age: str | None = None
    cast: bool = True  # offered to speakers (False: a role's voice, or kept for fixed hints)
    reads: tuple[str, ...] = ()  # spoken languages it reads aloud ("cmn" Mandarin, "yue" Cantonese…)
    f0: float | None = None  # median pitch (Hz) at the neutral pitch setting, where measured
    note: str = ""


@dataclass(frozen=True)
class VoiceTable:
    engine: EngineName
    voices: tuple[VoiceEntry, ...]
    pitches: tuple[int, ...]
    rates: tuple[int, ...]
    roles: dict[str, dict[str, dict[str, Any]]]  # spoken language → role → voice, pitch, rate
    languages: dict[str, str]  # spoken language → the engine's name for it (eSpeak's language voice)
    age_shift: dict[str, tuple[int, int]]  # age → (pitch shift, rate shift)
    refreshed: str | None = None
    apart_semitones: float = 0.0  # same-gender voices closer in pitch than this count as alike
    semitones_per_pitch_step: float = 0.0  # espeak: pitch units → semitones (edge pitch is in Hz)
    prosody_apart: int = 0  # two speakers of one chapter on one voice differ by at least this pitch

    def reading(self, language: str) -> list[VoiceEntry]:
        """The voices that read `language` aloud."""
        return [v for v in self.voices if language in v.reads]

    def entry(self, name: str) -> VoiceEntry | None:
        return next((v for v in self.voices if v.name == name), None)

    def spec(self, entry: VoiceEntry, pitch: int, rate: int, language: str) -> VoiceSpec:
        return VoiceSpec(engine=self.engine, voice=entry.name, pitch=pitch, rate=rate, gender=entry.gender,
                         family=entry.family, f0=self.f0(entry, pitch), language=self.languages[language])

    def f0(self, entry: VoiceEntry, pitch: int) -> float | None:
        """The voice's expected median pitch (Hz) at this pitch setting."""
        if entry.f0 is None:
            return None
        if self.engine == "edge":
            return entry.f0 + pitch
        return round(entry.f0 * 2 ** ((pitch - 50) * self.semitones_per_pitch_step / 12), 1)

    def role(self, role: str, language: str) -> VoiceSpec:
        """The narrator's or the host's voice for a title in `language`."""
        if language not in self.roles or language not in self.languages:
            raise PublishError(f"{TABLE_FILES[self.engine]} has no {self.engine} voices for the spoken language "
                               f"'{language}'; it has {', '.join(sorted(self.roles))}")
        settings = self.roles[language][role]
        entry = self.entry(settings["voice"])
        if entry is None:
            raise PublishError(f"{TABLE_FILES[self.engine]}: the {role}'s voice '{settings['voice']}' "
                               f"is not in the table")
        if language not in entry.reads:
            raise PublishError(f"{TABLE_FILES[self.engine]}: the {role}'s voice '{settings['voice']}' "
                               f"does not read '{language}'")
        return self.spec(entry, settings["pitch"], settings["rate"], language)


def load_table(engine: EngineName, data_dir: Path = DATA_DIR) -> VoiceTable:
    path = data_dir / TABLE_FILES[engine]
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except FileNotFoundError:
        raise PublishError(f"the voice table {path} is missing") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise PublishError(f"{path}: {exc}") from None
    fields = set(VoiceEntry.__dataclass_fields__)
    languages = data.get("languages", {})
    default_reads = tuple(data.get("reads", ()))  # espeak: every variant reads every language voice
    voices = tuple(VoiceEntry(**{k: v for k, v in voice.items() if k in fields} |
                              {"reads": tuple(voice.get("reads", default_reads))}) for voice in data["voices"])
    return VoiceTable(
        engine=engine,
        voices=voices,
        pitches=tuple(data["pitches"]),
        rates=tuple(data["rates"]),
        roles=data["roles"],
        languages=languages,
        age_shift={age: (shift["pitch"], shift["rate"]) for age, shift in data.get("age", {}).items()},
        refreshed=data.get("refreshed"),
        apart_semitones=data.get("apart_semitones", 0.0),
        semitones_per_pitch_step=data.get("semitones_per_pitch_step", 0.0),
        prosody_apart=data.get("prosody_apart", 0),
    )


def spoken_language(tag: str, data_dir: Path = DATA_DIR) -> str | None:
    """The spoken language ("cmn", "yue") a title in written language `tag` (BCP 47) is read in:
    the longest entry of voices-languages.toml that the tag starts with, whole subtags, any case;
    None when no entry matches (no voice reads that language)."""
    path = data_dir / LANGUAGES_FILE
    try:
        table = {k.lower(): v for k, v in tomllib.loads(path.read_text(encoding="utf-8"))["spoken"].items()}
    except (FileNotFoundError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise PublishError(f"the language table {path} is missing or broken ({exc})") from None
    subtags = tag.strip().replace("_", "-").lower().split("-")
    for size in range(len(subtags), 0, -1):
        spoken = table.get("-".join(subtags[:size]))
        if spoken:
            return spoken
    return None
