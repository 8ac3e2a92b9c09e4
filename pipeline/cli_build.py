"""How a `publish` command that builds runs: from what the command line names to an exit code.

Kept apart from `pipeline/cli.py`, which holds the commands' signatures and help, because every
build command (and `check`, `audio --cast`, `watch`) shares these steps and their messages: the
titles that SOURCES and `--source` name, the settings, the site's plan, the progress shown, the
report and the exit code 0/1/2, and the refusal of a learner edition's option without `--learner`.
Everything the command line names is checked here before anything is built.
"""

from __future__ import annotations

import enum
from pathlib import Path

import typer
from pydantic import ValidationError

try:  # newer Typer carries its own copy of click
    from typer._click.core import ParameterSource
except ImportError:  # pragma: no cover - Typer on click itself
    from click.core import ParameterSource  # type: ignore[assignment]

from pipeline.api import build_titles, find_titles, settings_for_project
from pipeline.build import default_cache
from pipeline.driver.outputs import check_out_apart
from pipeline.driver.sources import TitleSource, find_source_paths
from pipeline.driver.styles import check_pages
from pipeline.cli_common import (EXIT_FAILED, EXIT_USAGE, Output, commands_of, console, did_you_mean, options_of,
                                 reported_errors, source_file)
from pipeline.paths import UsageError, expand_home, standard_stream


def named_titles(sources: list[str] | None, source: list[Path] | None, ui: Output, *, apart: bool = False) -> list:
    """The titles that SOURCES and `--source` name (every *.md in source/ when neither does).
    `--source` may be given once per file: given twice, it kept only the last, and the first
    title was not built, without a word. `apart`: read without the check for two titles with one
    slug, which `publish check` makes after checking each file (it stopped at the clash, and
    neither file was checked)."""
    arguments = [expand_home(argument) for argument in sources or []]
    for argument in arguments:
        misplaced_word(argument)
    for named in source or []:
        named = Path(expand_home(str(named)))
        standard_stream(str(named), "--source")
        if not named.exists() and any(mark in str(named) for mark in "*?["):
            raise UsageError(f"--source names one file, not a pattern ({named}): give the pattern as SOURCES, "
                             f"e.g. 'publish {_command_name()} {named}'")
        source_file(named, ui)  # --source is one file: a folder or a FIFO there is a usage error
        arguments.append(str(named))
    if apart:
        return [TitleSource.from_path(path) for path in find_source_paths(arguments, Path("."))]
    return find_titles(arguments)


def _command_name() -> str:
    ctx = _current_context()
    return typer.main.get_command_name(ctx.info_name) if ctx is not None and ctx.info_name else "check"


# An edition's name as the command line spells it (`publish epub epub-learner`): the command that builds
# it. Every other command's name (`publish epub check`) stands for itself.
EDITION_COMMANDS = {"epub": "publish epub", "epub-learner": "publish epub --learner", "pdf": "publish pdf",
                    "pdf-learner": "publish pdf --learner", "audio": "publish audio", "script": "publish script"}


def misplaced_word(argument: str) -> None:
    """A `UsageError` for a SOURCES word that is no file but a word of the command line: a
    command or edition (`publish epub pdf`, read as a file named 'pdf': 'no such file'), an
    option written without its dashes (`publish epub learner`), or '-' for standard input."""
    standard_stream(argument, "SOURCES")
    if Path(argument).exists() or Path(argument).is_symlink():
        return
    word = argument.strip().lower()
    ctx = _current_context()
    commands = {**{name: f"publish {name}" for name in commands_of(ctx)}, **EDITION_COMMANDS}
    if word in commands:
        raise UsageError(f"{argument} is {'an edition' if word in EDITION_COMMANDS else 'a command'}, not a source "
                         f"file: run '{commands[word]}' as a command of its own ('publish all' builds every "
                         f"edition); nothing was built")
    options = options_of(ctx.command if ctx is not None else None)
    dashed = f"--{word}"
    if dashed in options:
        raise UsageError(f"{argument} is not a source file: did you mean the option {dashed}? (nothing was built)")


def _current_context() -> typer.Context | None:
    try:
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - Typer on click itself
        from click.globals import get_current_context  # type: ignore[assignment]
    return get_current_context(silent=True)


class Site(enum.Enum):
    """Whether a build writes the site: never, when a base URL is known, or always."""

    no = "no"
    if_configured = "if configured"
    yes = "yes"


def run_build(editions: list[str], sources: list[str] | None, source: list[Path] | None, out: str, force: bool,
              jobs: int | None, scheduler: str | None, quiet: bool, *, site: Site = Site.no,
              base_url: str | None = None, **options: object) -> None:
    """What every build command does: find the titles, build them (then the site, if asked),
    report, exit 0/1/2. Everything the command line names is checked before anything is built."""
    from pipeline.cli_report import CatalogueProgress, TitleProgress, print_catalogue, print_site
    from pipeline.site.command import plan_site, run_site

    ui = console(quiet)
    out = expand_home(out)
    # blank here is DASK_SCHEDULER_ADDRESS's (`--scheduler ' '` is refused by the parser): unset, as
    # when empty; before, 'error: --scheduler   is not an address' named an option nobody gave
    scheduler = scheduler if scheduler is None or scheduler.strip() else None
    with reported_errors(ui):
        standard_stream(out, "--out", output=True)
        _scheduler_from_environment(scheduler)
        titles = named_titles(sources, source, ui)
        check_out_apart(out, default_cache(Path.cwd()).root)
        try:
            settings = settings_for_project(Path("."), editions=tuple(editions), force=force, **options)
        except ValidationError as exc:
            raise UsageError("; ".join(error["msg"] for error in exc.errors())) from None
        check_pages(settings.style_overrides, settings.editions, settings.paper, settings.marks)
        plan = None
        if site is not Site.no:
            plan = plan_site(base_url, out, required=site is Site.yes, project_dir=Path("."), warn=ui.warn,
                             titles=titles)
        single = len(titles) == 1
        never = (lambda: _never(titles[0], editions)) if plan is not None else frozenset()  # read if asked
        listener = TitleProgress(ui, never) if single else CatalogueProgress(ui, len(titles))
        try:
            report = build_titles(titles, settings, out, jobs=jobs, scheduler=scheduler, listener=listener,
                                  log=ui.note)
        finally:
            listener.close()
        step = run_site(plan, titles, report, out, force=force) if plan is not None else None
    if not single:
        print_catalogue(ui, report, out, site=step)
    elif step is not None:
        print_site(ui, step)
    forgiven = set(step.forgiven) if step is not None else set()
    if [r for r in report.failed if r.name not in forgiven] or (step is not None and not step.ok):
        raise typer.Exit(EXIT_FAILED)


def _scheduler_from_environment(scheduler: str | None) -> None:
    """A `UsageError` naming DASK_SCHEDULER_ADDRESS when the address it sets is none: before, the
    message named '--scheduler', which the editor never typed (the shell set it for every command)."""
    ctx = _current_context()
    if not scheduler or scheduler == "local" or ctx is None:
        return
    if ctx.get_parameter_source("scheduler") is not ParameterSource.ENVIRONMENT:
        return
    from pipeline.driver.cluster import check_address

    try:
        check_address(scheduler, named="DASK_SCHEDULER_ADDRESS=")
    except UsageError as exc:
        raise UsageError(f"{exc} (it is set in the environment: correct it, or unset it to build on this "
                         f"machine)") from None


def _never(title, editions: list[str]) -> frozenset[str]:
    """The editions of `editions` the title can never have (W409: no voice reads its language),
    which the site step lists it without: not a failure of a build that writes the site."""
    from pipeline.driver.title import read_title
    from pipeline.site.editions import impossible

    doc, _problems = read_title(title)
    return frozenset(e for e in editions if impossible(doc, e)) if doc is not None else frozenset()


PAPER_HELP = "Trim size: a5, b5, a4, letter, or NAME for a styles/pdf-paper-NAME.css of your own."


def paper_option(value: str) -> str:
    """`--paper`, matched (in any case) against the trims there are stylesheets for here
    (`driver.styles.paper_choices`), with the nearest spelling when it is none of them."""
    from pipeline.driver.styles import paper_choices

    choices = paper_choices(Path("."))
    found = next((choice for choice in choices if choice.casefold() == value.strip().casefold()), None)
    if found is None:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(choices)}{did_you_mean(value, choices)}")
    return found


LEARNER_ONLY = {"tone_colors": "--tone-colors", "level": "--level", "tone_sandhi": "--tone-sandhi",
                "layout": "--layout"}
# What `publish audio --cast` (print the cast sheet, build nothing) has no use for. (`--engine` is
# harmless there: the sheet shows both engines' voices.)
NOT_WITH_CAST = {"out_dir": "--out", "force": "--force", "jobs": "--jobs", "scheduler": "--scheduler"}


def _given(ctx: typer.Context, options: dict[str, str]) -> list[str]:
    """Which of `options` (parameter name → option) the command line set (not a default, not
    the environment: DASK_SCHEDULER_ADDRESS is set for every command of a shell)."""
    return [option for name, option in options.items()
            if ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE,)
            and ctx.params.get(name) is not False]  # --no-tone-colors asks for nothing


def learner_options_need_learner(ctx: typer.Context, learner: bool) -> None:
    """A learner edition's option given without --learner built the plain edition and dropped it
    without a word (`publish epub --tone-colors`): a usage error naming the fix."""
    if learner:
        return
    given = _given(ctx, LEARNER_ONLY)
    if given:
        one = len(given) == 1
        console().fail(f"{', '.join(given)} {'is an option' if one else 'are options'} of the learner edition "
                       f"only: add --learner (publish {ctx.info_name} --learner …), or leave "
                       f"{'it' if one else 'them'} out", EXIT_USAGE)


def cast_builds_nothing(ctx: typer.Context) -> None:
    """`publish audio --cast --out x --force` printed the cast sheet and dropped the build's
    options without a word, as if the audio had been built there: a usage error."""
    given = _given(ctx, NOT_WITH_CAST)
    if given:
        one = len(given) == 1
        console().fail(f"--cast prints the cast sheet and builds nothing, so {', '.join(given)} "
                       f"{'does' if one else 'do'} nothing with it: leave {'it' if one else 'them'} out, or leave "
                       f"out --cast to build the audio", EXIT_USAGE)
