"""One build's settings as data: validated once at the boundary (CLI, API), resolved (the
engine, the epoch) before any up-to-date key is computed, and shipped as they are to every
worker. Every default lives here, so `publish all`, `publish pdf` and `publish watch` stamp the
same edition the same way."""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline import renderers
from pipeline.config import DEFAULT_CACHE_SIZE

EngineOption = Literal["auto", "espeak", "edge"]
# What lays out the learner PDF's body chapters (`pipeline.renderers.typstbody`); the rest of the
# book is WeasyPrint's either way.
LayoutOption = Literal["weasyprint", "typst"]
DEFAULT_LAYOUT: LayoutOption = "weasyprint"
AUDIO_EDITIONS = ("audio", "script")
# Editions whose renderers spread one title's work over the driver's processes (`ctx.executor`):
# speech segments, and the PDFs' chapters.
FANNING_EDITIONS = (*AUDIO_EDITIONS, "pdf", "pdf-learner")
MAX_LEVEL = 7  # HSK 3.0: levels 1–6 and the 7–9 band (carried as 7)


class BuildSettings(BaseModel):
    """What to build and how; the same for every title of a build."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    editions: tuple[str, ...]
    engine: EngineOption = "auto"
    paper: str = "a5"
    marks: bool = False
    level: int = Field(4, ge=0, le=MAX_LEVEL)
    tone_colors: bool = False
    tone_sandhi: bool = False
    layout: LayoutOption = DEFAULT_LAYOUT
    force: bool = False
    # Resolved on the client: workers get the values, not the client's environment.
    source_date_epoch: str | None = None
    engine_resolved: bool = False
    style_overrides: dict[str, bytes] = Field(default_factory=dict)
    cache_limit: int | None = Field(DEFAULT_CACHE_SIZE, ge=0)  # bytes the build cache is pruned to (0/None: never)

    @field_validator("editions")
    @classmethod
    def _known(cls, editions: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [e for e in editions if e not in renderers.REGISTRY]
        if unknown:
            raise ValueError(f"unknown edition(s) {', '.join(unknown)}; choose from {', '.join(renderers.REGISTRY)}")
        return tuple(dict.fromkeys(editions))

    @field_validator("paper")
    @classmethod
    def _lower(cls, paper: str) -> str:
        return paper.lower()

    def options(self) -> dict[str, Any]:
        """The renderers' options, by the names `pipeline.renderers.OPTIONS` uses."""
        return {"engine": self.engine, "engine_resolved": self.engine_resolved, "paper": self.paper,
                "marks": self.marks, "level": self.level, "tone_colors": self.tone_colors,
                "tone_sandhi": self.tone_sandhi, "layout": self.layout}

    def needs_engine(self) -> bool:
        return any(e in AUDIO_EDITIONS for e in self.editions)

    def fans_out(self) -> bool:
        """Whether a single title's build can use more than one process."""
        return any(e in FANNING_EDITIONS for e in self.editions)

    def resolved(self, log: Any, probe: Any = None) -> BuildSettings:
        """The engine chosen once for the whole build (`auto` probes edge-tts once; `edge`
        fails at once without the service) and the environment's epoch captured."""
        update: dict[str, Any] = {}
        if self.source_date_epoch is None and os.environ.get("SOURCE_DATE_EPOCH"):
            update["source_date_epoch"] = checked_epoch(os.environ["SOURCE_DATE_EPOCH"])
        if self.needs_engine() and not self.engine_resolved:
            from pipeline.audio.select import resolve_engine

            engine = resolve_engine(self.engine, log, probe)
            update.update(engine=engine, engine_resolved=True)
        return self.model_copy(update=update) if update else self


def checked_epoch(value: str) -> str:
    """SOURCE_DATE_EPOCH as the renderers will read it, or a `UsageError` before anything is
    built. Why: `SOURCE_DATE_EPOCH=yesterday` failed the EPUB editions of every title
    one by one, each with the same line, after the build had started (exit 1)."""
    import datetime as dt

    from pipeline.paths import UsageError

    try:
        dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970 (e.g. "
                         f"SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)): set it to one, or unset it "
                         f"(nothing was built)") from None
    return value
