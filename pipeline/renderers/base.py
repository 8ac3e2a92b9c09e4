"""The one shape every edition's renderer has, and the context a build hands it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pipeline.cache import Cache
from pipeline.model import Document


def _print(message: str) -> None:
    print(message)


@dataclass(frozen=True)
class BuildContext:
    """Everything a renderer may use besides the document. Options are the CLI's, by name.

    `executor` is where a renderer may fan out CPU-bound pieces of one title (audio segments,
    encoding): a process pool or a Dask client's executor, chosen by the build driver. None
    means "do it in this process": a renderer never starts a pool of its own, because it may
    itself be running inside a worker process that is not allowed children.
    """

    out_dir: Path
    cache: Cache
    styles_dir: Path
    options: Mapping[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = _print
    executor: Executor | None = None
    # What this build has made so far (audio segment key → the edition that made it), so a later
    # edition of the same build can say it reused them: `publish all` synthesises the segments for
    # the script, and the audio edition then makes none itself.
    made: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def option(self, name: str, default: Any = None) -> Any:
        value = self.options.get(name)
        return default if value is None else value


class Renderer(Protocol):
    """One edition. Renderers read only the document model and write only their outputs.

    `outputs` names the files `build` will write; `build` returns the files it wrote. The
    options that change an edition's output are listed in `pipeline.renderers.OPTIONS`.
    """

    name: str

    def outputs(self, doc: Document, ctx: BuildContext) -> list[Path]: ...

    def build(self, doc: Document, ctx: BuildContext) -> list[Path]: ...
