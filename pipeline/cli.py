"""The `publish` command: parses options, calls `pipeline.api`, prints results.

All work lives in the library; this module only translates between the shell and it. Errors
become one line and an exit code at this boundary (see `pipeline.cli_common`): 0 done, 1 a
title or check failed, 2 a usage error (nothing built), 130 interrupted. What the build
commands share (finding the titles, building, reporting, the exit code) is in
`pipeline.cli_build`; commands kept in other modules register at the end of this file with one
line each.
"""

from __future__ import annotations

import contextlib
import enum
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.markup import MarkupError
from rich.text import Text

from pipeline import renderers
from pipeline.cli_build import (
    PAPER_HELP,
    Site,
    cast_builds_nothing,
    learner_options_need_learner,
    named_titles,
    paper_option,
    run_build,
)
from pipeline.cli_common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    ForceOption,
    OutOption,
    Output,
    PublishGroup,
    ROOT_QUIET,
    QuietOption,
    SourceOption,
    console,
    example,
    leave,
    plain_output,
    printed_by_the_parser,
    reported_errors,
    stream_failure,
    visible,
)
from pipeline.driver.settings import DEFAULT_LAYOUT
from pipeline.driver.sources import check_collisions
from pipeline.paths import UsageError
from pipeline.cli_import import IMPORT_EXAMPLES, NEW_EXAMPLES, import_command, new_command
from pipeline.cli_watch import CLEAN_CACHE_EXAMPLES, WATCH_EXAMPLES, clean_cache, watch
from pipeline.streams import prepare_standard_streams

app = typer.Typer(
    cls=PublishGroup,
    help="Build every edition of Chinese long-form titles from their source files.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None if plain_output() else "rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

SourcesArgument = Annotated[
    Optional[list[str]],
    typer.Argument(metavar="SOURCES", show_default=False,
                   help="Source files, folders or globs (default: every *.md in source/)."),
]
JobsOption = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=1, show_default=False,
                 help="Titles built at once on this machine (default: one per core)."),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", show_default=False,
                 help="Dask scheduler address (tcp://host:8786), or 'local' for a local Dask cluster."),
]
LevelOption = Annotated[int, typer.Option(min=0, max=7, help="Learner edition: list words above this HSK level "
                                                             "(7 = the 7-9 band).")]
SandhiOption = Annotated[bool, typer.Option(help="Learner edition: show 一/不 as spoken.")]
LearnerOption = Annotated[bool, typer.Option(help="Learner edition: pinyin above every character.")]
BaseUrlHelp = "Where OUT/site/ will be served from (default: base_url in publish.toml)."


class Engine(str, enum.Enum):
    auto = "auto"
    espeak = "espeak"
    edge = "edge"


class Layout(str, enum.Enum):
    """What lays out the learner PDF's body chapters (`BuildSettings.layout`)."""

    weasyprint = "weasyprint"
    typst = "typst"


def _versions() -> str:
    import importlib.metadata

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    espeak = "not installed"
    try:
        import ctypes

        import espeakng_loader

        library = ctypes.CDLL(espeakng_loader.get_library_path())
        library.espeak_Info.restype = ctypes.c_char_p
        espeak = (library.espeak_Info(None) or b"?").decode()
    except (ImportError, OSError, RuntimeError):
        pass
    parts = [f"WeasyPrint {version('weasyprint')}", f"ebooklib {version('ebooklib')}",
             f"pypinyin {version('pypinyin')}", f"edge-tts {version('edge-tts')}", f"eSpeak NG {espeak}",
             f"Python {sys.version.split()[0]}"]
    return f"publish {version('pipeline')}\n" + "\n".join(f"  {part}" for part in parts)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(_versions())
        raise typer.Exit()


@app.callback()
def publish(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_show_version, is_eager=True,
                                                    help="Show the versions of publish and its engines.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Build every edition of Chinese long-form titles from their source files.

    Exit codes: 0 done, 1 a title or check failed, 2 a usage error (nothing built), 130 interrupted.
    """
    ROOT_QUIET.set(quiet)


# -- building: the shared steps are in pipeline/cli_build.py ------------------------------------
@app.command(epilog=example("publish check", "publish check source/sora-reactions.md",
                            "publish check drafts/  (every *.md in the folder)"))
def check(
    sources: SourcesArgument = None,
    source: SourceOption = None,
    quiet: QuietOption = False,
) -> None:
    """Validate sources: errors and warnings as file:line:col; exit 1 on errors."""
    from pipeline.check import check as run_check
    from pipeline.diagnostics import errors

    ui = console(quiet)
    failed = False
    with reported_errors(ui):
        titles = named_titles(sources, source, ui, apart=True)
        for title in titles:
            _doc, diagnostics = run_check(Path(title.name))
            for diagnostic in diagnostics:
                is_error = diagnostic.severity == "error"
                ui.result(Text(visible(str(diagnostic)), style="red" if is_error else "yellow"), always=is_error)
            problems = errors(diagnostics)
            failed = failed or bool(problems)
            ui.say(f"{title.name}: {len(problems)} error(s), {len(diagnostics) - len(problems)} warning(s)")
        try:  # (after each file's own problems, the thirteenth sweep: it stopped there, and neither was checked)
            check_collisions(titles)
        except UsageError as clash:  # (exit 2, as for a build; 'nothing was built' is no news to a check)
            raise UsageError(str(clash).removesuffix(" (nothing was built)")) from None
    if failed:
        raise typer.Exit(EXIT_FAILED)


@app.command(epilog=example("publish epub", "publish epub --learner --level 4 --tone-colors",
                            "publish epub source/*.md --jobs 2"))
def epub(
    ctx: typer.Context,
    sources: SourcesArgument = None,
    source: SourceOption = None,
    out_dir: OutOption = "output",
    learner: LearnerOption = False,
    tone_colors: Annotated[bool, typer.Option(help="Learner edition: colour syllables by tone.")] = False,
    level: LevelOption = 4,
    tone_sandhi: SandhiOption = False,
    force: ForceOption = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The EPUB 3 ebook: output/<slug>.epub (or <slug>-learner.epub)."""
    learner_options_need_learner(ctx, learner)
    run_build(["epub-learner" if learner else "epub"], sources, source, out_dir, force, jobs, scheduler, quiet,
              tone_colors=tone_colors, level=level, tone_sandhi=tone_sandhi)


@app.command(epilog=example("publish pdf", "publish pdf --paper b5 --marks", "publish pdf --learner --tone-sandhi"))
def pdf(
    ctx: typer.Context,
    sources: SourcesArgument = None,
    source: SourceOption = None,
    out_dir: OutOption = "output",
    paper: Annotated[str, typer.Option(callback=paper_option, metavar="NAME", help=PAPER_HELP)] = "a5",
    marks: Annotated[bool, typer.Option(help="Crop marks and 3 mm bleed for the printer.")] = False,
    learner: LearnerOption = False,
    level: LevelOption = 4,
    tone_sandhi: SandhiOption = False,
    layout: Annotated[Layout, typer.Option(case_sensitive=False, help=(
        "Learner edition: what lays out the body chapters (typst: faster; see README)."))] = Layout(
        DEFAULT_LAYOUT),
    force: ForceOption = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The typeset print PDF: output/<slug>.pdf (or <slug>-learner.pdf)."""
    learner_options_need_learner(ctx, learner)
    run_build(["pdf-learner" if learner else "pdf"], sources, source, out_dir, force, jobs, scheduler, quiet,
              paper=paper, marks=marks, level=level, tone_sandhi=tone_sandhi,
              **({"layout": layout.value} if learner else {}))


@app.command(epilog=example("publish audio", "publish audio --engine espeak", "publish audio --cast"))
def audio(
    ctx: typer.Context,
    sources: SourcesArgument = None,
    source: SourceOption = None,
    out_dir: OutOption = "output",
    engine: Annotated[Engine, typer.Option(case_sensitive=False,
                                           help="TTS engine; auto uses edge when online, else espeak.")] = Engine.auto,
    cast: Annotated[bool, typer.Option("--cast", help="Print the cast sheet and stop.")] = False,
    force: ForceOption = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The audio edition: output/<slug>.mp3 (+ .m4b, .vtt captions)."""
    if cast:
        cast_builds_nothing(ctx)
        _cast_sheets(sources, source, quiet)
        return
    run_build(["audio"], sources, source, out_dir, force, jobs, scheduler, quiet, engine=engine.value)


def _cast_sheets(sources: list[str] | None, source: list[Path] | None, quiet: bool) -> None:
    from pipeline.audio.castsheet import cast_sheet
    from pipeline.driver.title import read_title

    ui = console(quiet)
    failed = False
    with reported_errors(ui):
        for title in named_titles(sources, source, ui):
            doc, problems = read_title(title)
            for problem in problems:
                ui.error(problem)
            failed = failed or doc is None
            if doc is not None:
                for line in cast_sheet(doc):
                    _say_markup(ui, line)
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _say_markup(ui: Output, line: str) -> None:
    """A line that its module wrote as rich markup (with its data escaped)."""
    try:
        ui.say(Text.from_markup(line))
    except MarkupError:
        ui.say(line)


@app.command(epilog=example("publish script", "publish script --engine espeak"))
def script(
    sources: SourcesArgument = None,
    source: SourceOption = None,
    out_dir: OutOption = "output",
    engine: Annotated[Engine, typer.Option(case_sensitive=False,
                                           help="Engine whose voices and timings the script shows.")] = Engine.auto,
    force: ForceOption = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The podcast script: output/<slug>-script.md and .html."""
    run_build(["script"], sources, source, out_dir, force, jobs, scheduler, quiet, engine=engine.value)


@app.command(name="all", epilog=example("publish all", "publish all --engine espeak --jobs 2",
                                        "publish all archive/2024/ --scheduler tcp://dask:8786 --out s3://bucket/ed"))
def build_all(
    sources: SourcesArgument = None,
    source: SourceOption = None,
    out_dir: OutOption = "output",
    engine: Annotated[Engine, typer.Option(case_sensitive=False, help="TTS engine for the audio edition.")] = (
        Engine.auto),
    force: ForceOption = False,
    base_url: Annotated[Optional[str], typer.Option("--base-url", show_default=False,
                                                    help="Also write OUT/site/ and the feeds, served from this "
                                                         "address (default: base_url in publish.toml, if set).")] = None,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Every edition of every title (editions already up to date are skipped), then the site
    and the feeds when a base URL is set."""
    run_build(renderers.available(), sources, source, out_dir, force, jobs, scheduler, quiet,
              site=Site.if_configured, base_url=base_url, engine=engine.value)


@app.command(epilog=example("publish site --base-url https://example.org/pods/",
                            "publish site source/ drafts/night-library.md --jobs 2",
                            "publish site  (base_url from publish.toml)"))
def site(
    sources: SourcesArgument = None,
    source: SourceOption = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", show_default=False, help=BaseUrlHelp)] = None,
    out_dir: Annotated[str, typer.Option("--out", "-o", help="Output folder (the site goes to OUT/site/); a "
                                                             "local folder, not a URL.")] = "output",
    engine: Annotated[Engine, typer.Option(case_sensitive=False, help="TTS engine for the audio edition.")] = (
        Engine.auto),
    force: ForceOption = False,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The web edition and the feeds: every edition of every title (as 'publish all' builds
    them), then OUT/site/ with a page per title, feed.xml (podcast) and opds.xml/opds.json."""
    run_build(renderers.available(), sources, source, out_dir, force, jobs, scheduler, quiet,
              site=Site.yes, base_url=base_url, engine=engine.value)


@app.command(epilog=example("publish voices", "publish voices --refresh"))
def voices(
    refresh: Annotated[bool, typer.Option(help="Fetch edge-tts's current voice list (needs the internet).")] = False,
    quiet: QuietOption = False,
) -> None:
    """List the voices of both engines."""
    from pipeline.audio.voicelist import voice_lines

    ui = console(quiet)
    with reported_errors(ui):
        for line in voice_lines(refresh=refresh):
            _say_markup(ui, line)


# -- commands kept in other modules: one line each --------------------------------------------
app.command(epilog=WATCH_EXAMPLES)(watch)
app.command(name="clean-cache", epilog=CLEAN_CACHE_EXAMPLES)(clean_cache)
app.command(name="import", epilog=IMPORT_EXAMPLES)(import_command)
app.command(name="new", epilog=NEW_EXAMPLES)(new_command)


class Terminated(KeyboardInterrupt):
    """SIGTERM (or SIGHUP), raised where the build stands, so that it unwinds as from Ctrl-C:
    every `finally` removes the temporary file it was writing (the default action left
    '.x.pdf.….part' files in the output folder) and the build's worker processes are stopped."""


# The signals that stop a command as Ctrl-C does, each with its line and exit code (128 + the
# signal, as a shell reports it). SIGHUP (the terminal closed, an ssh session dropped) ended the
# process at once, leaving its temporary files in the output folder; under `nohup` (SIGHUP
# ignored) it stays ignored.
STOP_SIGNALS = {signal.SIGTERM: ("terminated", EXIT_TERMINATED)}
if hasattr(signal, "SIGHUP"):
    STOP_SIGNALS[signal.SIGHUP] = ("hung up: the terminal closed (run it under nohup to keep it going)",
                                   128 + signal.SIGHUP)

# Set by the handler: which signal stopped the command. Why a record besides the exception:
# where the signal lands in a library's native code (watchfiles' wait for a change), the
# library raises its own plain KeyboardInterrupt in place of ours, and "terminated" would be
# reported as "interrupted".
_STOPPED_BY: list[int] = []
_TERMINATED = threading.Event()


def _terminated(signum: int, frame: object) -> None:
    _STOPPED_BY.append(signum)
    _TERMINATED.set()
    raise Terminated()


def install_stop_signals() -> None:
    """Handle `STOP_SIGNALS`, but for one the caller ignores (`nohup` ignores SIGHUP)."""
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _terminated)


def main() -> None:
    """The console script. Ctrl-C exits 130 and SIGTERM 143, each with one line; nothing else may
    print a traceback: an error no command expected is one line too (exit 1; `PUBLISH_DEBUG=1`
    adds the traceback)."""
    from pipeline.build import describe_failure

    prepare_standard_streams()
    install_stop_signals()
    try:
        app(prog_name="publish")
    except KeyboardInterrupt as interrupt:
        _interrupted(interrupt)
    except SystemExit as done:  # how Typer ends every command (Ctrl-C too: Exit(130), no word)
        cause = done.__context__.__cause__ if done.__context__ is not None else None
        if isinstance(cause, KeyboardInterrupt):
            _interrupted(cause)
        leave(done.code)
    except Exception as exc:  # noqa: BLE001 — the last boundary: a bug, or a stream that broke
        with contextlib.suppress(Exception):
            Output().error(stream_failure(exc) if printed_by_the_parser(exc) else describe_failure(exc))
        leave(EXIT_FAILED)
    leave(0)


def _interrupted(interrupt: KeyboardInterrupt) -> NoReturn:
    terminated = isinstance(interrupt, Terminated) or _TERMINATED.is_set()
    line, code = STOP_SIGNALS.get(_STOPPED_BY[0] if _STOPPED_BY else signal.SIGTERM, STOP_SIGNALS[signal.SIGTERM])
    with contextlib.suppress(Exception):  # (a terminal that hung up cannot show it)
        Output().error(line if terminated else "interrupted")
    leave(code if terminated else EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
