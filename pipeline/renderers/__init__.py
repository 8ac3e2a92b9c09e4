"""The table of editions. `publish all` walks it; adding an edition is one line here.

Entries are import paths so that `publish check` never imports WeasyPrint or the TTS engines.
"""

from __future__ import annotations

import importlib
import importlib.util

from pipeline.renderers.base import Renderer

REGISTRY: dict[str, str] = {
    "epub": "pipeline.renderers.epub:EpubRenderer",
    "epub-learner": "pipeline.renderers.epub:LearnerEpubRenderer",
    "pdf": "pipeline.renderers.pdf:PdfRenderer",
    "pdf-learner": "pipeline.renderers.pdf:LearnerPdfRenderer",
    "script": "pipeline.renderers.script:ScriptRenderer",
    "audio": "pipeline.renderers.audio:AudioRenderer",
}

# The options that change each edition's output: part of its up-to-date key. Kept here, as
# data, so that deciding "nothing changed" never imports a renderer (WeasyPrint, NumPy, PyAV).
OPTIONS: dict[str, tuple[str, ...]] = {
    "epub": (),
    "epub-learner": ("tone_colors", "level", "tone_sandhi"),
    "pdf": ("paper", "marks"),
    "pdf-learner": ("paper", "marks", "level", "tone_sandhi", "layout"),
    "script": ("engine",),
    "audio": ("engine",),
}


# The files each edition writes, by slug: what the driver sweeps stale `.part` files for (per
# title, so titles sharing output/ never touch each other's) and checks for collisions between
# titles before anything is built. tests/test_build.py holds every renderer's `outputs` to this.
OUTPUT_NAMES: dict[str, tuple[str, ...]] = {
    "epub": ("{slug}.epub",),
    "epub-learner": ("{slug}-learner.epub",),
    "pdf": ("{slug}.pdf",),
    "pdf-learner": ("{slug}-learner.pdf",),
    "script": ("{slug}-script.md", "{slug}-script.html"),
    "audio": ("{slug}.mp3", "{slug}.m4b", "{slug}.vtt"),
}


def output_names(slug: str, editions: list[str] | None = None) -> list[str]:
    """The file names the editions (default: all) write for `slug`."""
    chosen = REGISTRY if editions is None else editions
    return [pattern.format(slug=slug) for name in chosen for pattern in OUTPUT_NAMES.get(name, ())]


def load(name: str) -> Renderer:
    module_name, _, class_name = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


def available() -> list[str]:
    """Editions whose renderer module exists in this checkout, in registry order."""
    names = []
    for name, target in REGISTRY.items():
        module_name = target.partition(":")[0]
        if importlib.util.find_spec(module_name) is not None:
            names.append(name)
    return names
