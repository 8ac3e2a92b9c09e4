"""The voice tables of both engines, read from `pipeline/data/` (data, not code: an editor can
add, retire or regroup voices without touching casting)."""

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


@dataclass(frozen=True)
class VoiceEntry:
    name: str
    gender: str | None
    family: str
    locale: str = ""
    age: str | None = None
    cast: bool = True  # offered to speakers (False: a role's voice, or kept for fixed hints)
    accent: bool = False  # regional speech: cast after the standard voices
    f0: float | None = None  # median pitch (Hz) at the neutral pitch setting, where measured
    note: str = ""


@dataclass(frozen=True)
class VoiceTable:
    engine: EngineName
    voices: tuple[VoiceEntry, ...]
    pitches: tuple[int, ...]
    rates: tuple[int, ...]
    roles: dict[str, dict[str, Any]]
    age_shift: dict[str, tuple[int, int]]  # age → (pitch shift, rate shift)
    refreshed: str | None = None
    apart_semitones: float = 0.0  # same-gender voices closer in pitch than this count as alike
    semitones_per_pitch_step: float = 0.0  # espeak: pitch units → semitones (edge pitch is in Hz)

    def entry(self, name: str) -> VoiceEntry | None:
        return next((v for v in self.voices if v.name == name), None)

    def spec(self, entry: VoiceEntry, pitch: int, rate: int) -> VoiceSpec:
        return VoiceSpec(engine=self.engine, voice=entry.name, pitch=pitch, rate=rate, gender=entry.gender,
                         family=entry.family, f0=self.f0(entry, pitch))

    def f0(self, entry: VoiceEntry, pitch: int) -> float | None:
        """The voice's expected median pitch (Hz) at this pitch setting."""
        if entry.f0 is None:
            return None
        if self.engine == "edge":
            return entry.f0 + pitch
        return round(entry.f0 * 2 ** ((pitch - 50) * self.semitones_per_pitch_step / 12), 1)

    def role(self, role: str) -> VoiceSpec:
        """The narrator's or the host's voice."""
        settings = self.roles[role]
        entry = self.entry(settings["voice"])
        if entry is None:
            raise PublishError(f"{TABLE_FILES[self.engine]}: the {role}'s voice '{settings['voice']}' "
                               f"is not in the table")
        return self.spec(entry, settings["pitch"], settings["rate"])


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
    voices = tuple(VoiceEntry(**{k: v for k, v in voice.items() if k in fields}) for voice in data["voices"])
    return VoiceTable(
        engine=engine,
        voices=voices,
        pitches=tuple(data["pitches"]),
        rates=tuple(data["rates"]),
        roles=data["roles"],
        age_shift={age: (shift["pitch"], shift["rate"]) for age, shift in data.get("age", {}).items()},
        refreshed=data.get("refreshed"),
        apart_semitones=data.get("apart_semitones", 0.0),
        semitones_per_pitch_step=data.get("semitones_per_pitch_step", 0.0),
    )
