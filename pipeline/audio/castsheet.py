"""The cast sheet (`publish audio --cast`): every part and speaker with their voice and prosody
(pitch and rate: speakers who share a voice are told apart by them) on both engines, as data
(`cast_rows`) and as lines for the CLI to print."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape

from pipeline.audio.engine import ENGINES, VoiceSpec
from pipeline.model import Document
from pipeline.passes.casting import Cast, CastingLimit, cast


@dataclass(frozen=True)
class CastRow:
    part: str  # narrator, host or speaker
    name: str  # the label as printed
    hint: str  # the source's voice hint, if any
    answers: int
    voices: dict[str, VoiceSpec]  # engine → voice


def cast_rows(doc: Document) -> tuple[list[CastRow], dict[str, Cast]]:
    """The rows for the engines that can cast the title: one whose voices a crowded chapter
    exhausts (`CastingLimit`) is left out (the sheet says why), unless no engine can."""
    casts, limits = _casts(doc)
    if not casts:
        raise limits[ENGINES[0]].for_every_engine()
    rows = [CastRow("narrator", "旁白", "", 0, {e: c.narrator for e, c in casts.items()}),
            CastRow("host", "主持人", "", 0, {e: c.host for e, c in casts.items()})]
    for speaker in doc.speakers:
        hint = speaker.voice
        wishes = [w for w in (hint.gender, hint.age, hint.espeak and f"espeak {hint.espeak}",
                              hint.edge and f"edge {hint.edge}") if w]
        rows.append(CastRow("speaker", speaker.label(), ", ".join(wishes), len(doc.answers_by(speaker.id)),
                            {e: c.voice(speaker.id) for e, c in casts.items()}))
    return rows, casts


def _casts(doc: Document) -> tuple[dict[str, Cast], dict[str, CastingLimit]]:
    """engine → its cast, and engine → why it cannot cast the title."""
    casts, limits = {}, {}
    for engine in ENGINES:
        try:
            casts[engine] = cast(doc, engine)
        except CastingLimit as exc:
            limits[engine] = exc
    return casts, limits


def _voice(spec: VoiceSpec) -> str:
    if spec.engine == "edge":
        return f"{spec.voice:<30} pitch {spec.pitch:+3d} Hz  rate {spec.rate:+3d} %  reads {spec.language}"
    return f"{spec.engine_voice:<14} pitch {spec.pitch:>3}  rate {spec.rate} wpm"


def cast_sheet(doc: Document) -> list[str]:
    """Lines for the terminal (rich markup; names escaped)."""
    rows, casts = cast_rows(doc)
    limits = _casts(doc)[1]
    spoken = next(iter(casts.values())).narrator.language
    lines = [f"[bold]Cast sheet: {escape(doc.meta.title)}[/] — {len(doc.speakers)} speakers, "
             f"{sum(len(s.answers) for s in doc.chapters)} answers, language {escape(doc.meta.language)} "
             f"read as {spoken}; speakers who share a voice differ in pitch and rate"]
    for engine in ENGINES:
        lines += ["", f"[bold]{engine}[/]"]
        if engine in limits:
            lines.append(f"  [red]cannot cast:[/] {escape(limits[engine].message)}")
            continue
        for row in rows:
            count = f"{row.answers} ans." if row.part == "speaker" else row.part
            hint = f"  [dim]({escape(row.hint)})[/]" if row.hint else ""
            lines.append(f"  {_voice(row.voices[engine])}   {count:<9} {escape(row.name)}{hint}")
        lines += [f"  [yellow]note:[/] {escape(note)}" for note in casts[engine].notes]
    return lines
