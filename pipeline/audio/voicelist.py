"""`publish voices [--refresh]`: the voices both engines offer, from the tables in
pipeline/data/. `--refresh` asks edge-tts for its current list (online) and rewrites the
Chinese voices in voices-edge.json, keeping our casting notes for voices already known."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from rich.markup import escape

from pipeline.audio.edge import describe
from pipeline.audio.voices import DATA_DIR, TABLE_FILES, VoiceTable, load_table
from pipeline.errors import PublishError
from pipeline.fsutil import atomic_write

LOCALES = ("zh-",)  # the service's Chinese voices: zh-CN (and regional), zh-HK, zh-TW
REFRESH_SECONDS = 15.0


def _fetch() -> Coroutine[Any, Any, list[dict[str, Any]]]:
    import edge_tts

    return edge_tts.list_voices()


def refresh_edge(path: Path | None = None, fetch: Callable[[], Coroutine[Any, Any, list[dict[str, Any]]]] = _fetch,
                 today: dt.date | None = None) -> int:
    """Rewrite the edge table's voices from the service; returns how many there are."""
    path = path or DATA_DIR / TABLE_FILES["edge"]

    async def get() -> list[dict[str, Any]]:
        return await asyncio.wait_for(fetch(), REFRESH_SECONDS)

    try:
        listed = asyncio.run(get())
    except Exception as exc:  # noqa: BLE001 - any failure: the table is left as it was
        raise PublishError(f"could not fetch edge-tts's voice list ({describe(exc)}); the table is unchanged") from None
    data = json.loads(path.read_text(encoding="utf-8"))
    known = {voice["name"]: voice for voice in data["voices"]}
    locale_reads = data.get("locale_reads", {})
    voices = []
    for item in sorted(listed, key=lambda v: v["ShortName"]):
        if not item.get("Locale", "").startswith(LOCALES):
            continue
        name = item["ShortName"]
        locale = item.get("Locale", "")
        ours = known.get(name, {})
        voices.append({
            "name": name,
            "gender": item.get("Gender", "").lower() or None,
            "locale": locale,
            "family": ours.get("family", name.split("-")[-1].removesuffix("Neural").lower()),
            "cast": ours.get("cast", True),
            "reads": ours.get("reads", _reads(locale, locale_reads)),
            **({"age": ours["age"]} if "age" in ours else {}),
            "personalities": item.get("VoiceTag", {}).get("VoicePersonalities", []),
            **({"note": ours["note"]} if "note" in ours else {}),
        })
    if not voices:
        raise PublishError("edge-tts listed no Chinese voices; the table is unchanged")
    data["voices"] = voices
    data["refreshed"] = (today or dt.date.today()).isoformat()
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(voices)


def _reads(locale: str, locale_reads: dict[str, list[str]]) -> list[str]:
    """What a new voice reads, from its locale: zh-CN → cmn, zh-HK → yue; a regional locale
    (zh-CN-liaoning) reads its dialect, which no Standard Mandarin title asks for."""
    if locale in locale_reads:
        return list(locale_reads[locale])
    base, _, region = locale.partition("-")
    country, _, dialect = region.partition("-")
    spoken = locale_reads.get(f"{base}-{country}", [])
    return [f"{language}-{dialect}" for language in spoken] if dialect else []


def _lines(table: VoiceTable) -> list[str]:
    roles: dict[str, str] = {}
    for language, parts in table.roles.items():
        for role, settings in parts.items():
            roles.setdefault(settings["voice"], f"{role} ({language})")
    lines = []
    for voice in table.voices:
        uses = roles.get(voice.name) or ("cast" if voice.cast else "hint only")
        reads = "reads " + "/".join(voice.reads) if voice.reads else "reads nothing we cast"
        extra = ", ".join(x for x in (voice.locale, reads, voice.age or "") if x)
        name = voice.name or "(no variant)"
        gender = voice.gender or "?"
        lines.append(f"  {escape(name):<30} {gender:<7} family {voice.family:<10} {uses:<14} {escape(extra)}")
    return lines


def voice_lines(refresh: bool = False) -> list[str]:
    lines = []
    if refresh:
        count = refresh_edge()
        lines.append(f"[green]refreshed[/] {count} edge-tts voices into pipeline/data/{TABLE_FILES['edge']}")
    espeak, edge = load_table("espeak"), load_table("edge")
    lines.append(f"[bold]espeak[/] (offline, eSpeak NG language voice cmn or yue + variant; pitch 0–100, rate in wpm): "
                 f"{len(espeak.voices)} voices")
    lines += _lines(espeak)
    when = f"list of {edge.refreshed}" if edge.refreshed else "list shipped with the pipeline"
    lines.append("")
    lines.append(f"[bold]edge[/] (online neural voices; {when}; 'publish voices --refresh' updates it): "
                 f"{len(edge.voices)} voices")
    lines += _lines(edge)
    return lines
