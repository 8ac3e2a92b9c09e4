"""The `publish` command: parses options, calls `pipeline` functions, prints results.

All work lives in the library; this module only translates between the shell and it, and is
the one place where `PublishError` becomes a message and an exit code.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from pipeline import renderers
from pipeline.build import STYLES_DIR, Outcome, build_editions, default_cache
from pipeline.diagnostics import errors
from pipeline.errors import PublishError
from pipeline.importers.cli import import_command, new_command
from pipeline.reader import read_source
from pipeline.renderers.base import BuildContext
from pipeline.site.command import after_all, site as site_command

app = typer.Typer(
    help="Build every edition of a Chinese long-form title from its one source file.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

SourceOption = Annotated[
    Optional[Path], typer.Option("--source", "-s", help="Source file (default: the one file in source/).")
]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output directory.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Rebuild even if nothing changed.")]


class Paper(str, enum.Enum):
    a5 = "a5"
    b5 = "b5"
    a4 = "a4"
    letter = "letter"


class Engine(str, enum.Enum):
    auto = "auto"
    espeak = "espeak"
    edge = "edge"


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def find_source(source: Path | None) -> Path:
    """The source to build: the one given, or the single `*.md` file in `source/`."""
    if source is not None:
        if not source.exists():
            _fail(f"{source}: no such file")
        return source
    candidates = sorted(Path("source").glob("*.md"))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        _fail("no source file: put one '<slug>.md' in source/ or pass --source FILE")
    names = ", ".join(str(c) for c in candidates)
    _fail(f"several source files ({names}): choose one with --source FILE")
    raise AssertionError


def _report(outcome: Outcome) -> None:
    files = ", ".join(str(p) for p in outcome.outputs)
    verb = "built" if outcome.rebuilt else "up to date"
    out.print(f"[green]{outcome.edition:<13}[/] {verb:<10} {outcome.seconds:6.2f}s  {files}")


def run_build(source: Path | None, out_dir: Path, editions: list[str], force: bool, **options: Any) -> None:
    path = find_source(source)
    try:
        doc = read_source(path)
        ctx = BuildContext(out_dir=out_dir, cache=default_cache(Path.cwd()), styles_dir=STYLES_DIR,
                           options=options, log=lambda message: out.print(message))
        build_editions(doc, editions, ctx, force=force, on_done=_report)
    except PublishError as exc:
        _fail(str(exc))


@app.command()
def check(
    source_arg: Annotated[Optional[Path], typer.Argument(metavar="[SOURCE]", help="Source file to check.")] = None,
    source: SourceOption = None,
) -> None:
    """Validate a source file: errors and warnings as file:line:col; exit 1 on errors."""
    from pipeline.check import check as run_check

    path = find_source(source_arg or source)
    _doc, diagnostics = run_check(path)
    for diagnostic in diagnostics:
        colour = "red" if diagnostic.severity == "error" else "yellow"
        out.print(f"[{colour}]{diagnostic}[/]", soft_wrap=True)
    problems = errors(diagnostics)
    warnings = len(diagnostics) - len(problems)
    out.print(f"{path}: {len(problems)} error(s), {warnings} warning(s)")
    if problems:
        raise typer.Exit(1)


@app.command()
def epub(
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
    learner: Annotated[bool, typer.Option(help="Learner edition: pinyin above every character.")] = False,
    tone_colors: Annotated[bool, typer.Option(help="Learner edition: colour syllables by tone.")] = False,
    level: Annotated[int, typer.Option(help="Learner edition: list words above this HSK level.")] = 4,
    tone_sandhi: Annotated[bool, typer.Option(help="Learner edition: show 一/不 as spoken.")] = False,
    force: ForceOption = False,
) -> None:
    """The EPUB 3 ebook: output/<slug>.epub (or <slug>-learner.epub)."""
    run_build(source, out_dir, ["epub-learner" if learner else "epub"], force,
              tone_colors=tone_colors, level=level, tone_sandhi=tone_sandhi)


@app.command()
def pdf(
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
    paper: Annotated[Paper, typer.Option(help="Trim size.")] = Paper.a5,
    marks: Annotated[bool, typer.Option(help="Crop marks and 3 mm bleed for the printer.")] = False,
    learner: Annotated[bool, typer.Option(help="Learner edition: pinyin above every character.")] = False,
    level: Annotated[int, typer.Option(help="Learner edition: list words above this HSK level.")] = 4,
    tone_sandhi: Annotated[bool, typer.Option(help="Learner edition: show 一/不 as spoken.")] = False,
    force: ForceOption = False,
) -> None:
    """The typeset print PDF: output/<slug>.pdf (or <slug>-learner.pdf)."""
    run_build(source, out_dir, ["pdf-learner" if learner else "pdf"], force,
              paper=paper.value, marks=marks, level=level, tone_sandhi=tone_sandhi)


@app.command()
def audio(
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
    engine: Annotated[Engine, typer.Option(help="TTS engine; auto uses edge when online, else espeak.")] = Engine.auto,
    cast: Annotated[bool, typer.Option("--cast", help="Print the cast sheet and stop.")] = False,
    force: ForceOption = False,
) -> None:
    """The audio edition: output/<slug>.mp3 (+ .m4b, .vtt captions)."""
    if cast:
        from pipeline.audio.castsheet import cast_sheet

        path = find_source(source)
        try:
            for line in cast_sheet(read_source(path)):
                out.print(line, soft_wrap=True)
        except PublishError as exc:
            _fail(str(exc))
        return
    run_build(source, out_dir, ["audio"], force, engine=engine.value)


@app.command()
def script(
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
    engine: Annotated[Engine, typer.Option(help="Engine whose voices and timings the script shows.")] = Engine.auto,
    force: ForceOption = False,
) -> None:
    """The podcast script: output/<slug>-script.md and .html."""
    run_build(source, out_dir, ["script"], force, engine=engine.value)


@app.command(name="all")
def build_all(
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
    engine: Annotated[Engine, typer.Option(help="TTS engine for the audio edition.")] = Engine.auto,
    force: ForceOption = False,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="Also write OUT/site/ and the feeds.")] = None,
) -> None:
    """Every edition, in order; editions already up to date are skipped."""
    run_build(source, out_dir, renderers.available(), force, engine=engine.value, paper="a5", marks=False,
              level=4, tone_colors=False, tone_sandhi=False)
    after_all([find_source(source)], out_dir, base_url, engine.value, force)  # the site, if a base URL is known


@app.command()
def voices(
    refresh: Annotated[bool, typer.Option(help="Fetch edge-tts's current voice list (needs the internet).")] = False,
) -> None:
    """List the voices of both engines."""
    from pipeline.audio.voicelist import voice_lines

    try:
        for line in voice_lines(refresh=refresh):
            out.print(line, soft_wrap=True)
    except PublishError as exc:
        _fail(str(exc))


@app.command()
def watch(
    editions: Annotated[Optional[list[str]], typer.Argument(help="Editions to rebuild (default: epub pdf).")] = None,
    source: SourceOption = None,
    out_dir: OutOption = Path("output"),
) -> None:
    """Rebuild editions whenever the source or the styles change; Ctrl-C stops."""
    from pipeline.watch import watch_and_build

    chosen = editions or ["epub", "pdf"]
    unknown = [e for e in chosen if e not in renderers.REGISTRY]
    if unknown:
        _fail(f"unknown edition(s) {', '.join(unknown)}; choose from {', '.join(renderers.REGISTRY)}")
    path = find_source(source)
    ctx = BuildContext(out_dir=out_dir, cache=default_cache(Path.cwd()), styles_dir=STYLES_DIR,
                       options={"engine": "espeak", "paper": "a5", "level": 4}, log=lambda m: out.print(m))
    watch_and_build(path, chosen, ctx, out=out.print)


app.command(name="site")(site_command)


@app.command(name="clean-cache")
def clean_cache() -> None:
    """Delete the build cache (.cache/publish); the next build starts cold."""
    removed = default_cache(Path.cwd()).clear()
    out.print(f"removed {removed} cached file(s)")


app.command(name="import")(import_command)
app.command(name="new")(new_command)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
