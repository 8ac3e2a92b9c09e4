"""What every `publish` command shares: printing (plain text, never markup), the common options,
path checks, and the exit codes. Commands in other modules use these, then register with one
line in `pipeline/cli.py` (as `publish import` and `publish new` do):

    # pipeline/cli_import.py
    from pipeline.cli_common import QuietOption, console, reported_errors
    from pipeline.paths import writable_dir

    def new_command(slug: str, out_dir: Path = Path("source"), quiet: QuietOption = False) -> None:
        \"\"\"Start a new title.\"\"\"
        ui = console(quiet)
        with reported_errors(ui):          # PublishError → exit 1, UsageError → exit 2, one line
            target = new_source(slug, writable_dir(out_dir, "source folder", option="--out-dir"))
        ui.say(f"wrote {target}")

    # pipeline/cli.py, in the registrations at the end
    app.command(name="new", epilog=example("publish new night-library"))(new_command)

A command that builds editions goes through `run_build` in `pipeline/cli_build.py` instead
(as `publish site` does: the build, then its step).

Exit codes: 0 done; 1 a build or check failed (a title's error, a source error, a failed
write); 2 the command line names something unusable (nothing was built); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import enum
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

try:  # newer Typer carries its own copy of click
    from typer._click.exceptions import BadParameter, NoArgsIsHelpError, NoSuchOption
    from typer._click.exceptions import UsageError as ParserError
except ImportError:  # pragma: no cover - Typer on click itself
    from click.exceptions import BadParameter, NoArgsIsHelpError, NoSuchOption  # type: ignore[assignment]
    from click.exceptions import UsageError as ParserError  # type: ignore[assignment]

from pipeline.build import describe_failure
from pipeline.cli_values import (command_word, empty_value, invalid_value, long_name, option_as_value,
                                 options_after_the_marker, repeated_options, short_option_with_equals, stray_ends,
                                 value_advice, with_numbers_read, with_value_names)
from pipeline.errors import PublishError
from pipeline.paths import UsageError, name_too_long, read_source_file, writable_dir
from pipeline.streams import (STREAM_ADVICE, STREAM_ADVICE_ELSE, colour_allowed, forced_colour, live_allowed,
                              on_terminal, silence, visible)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # SIGTERM, as a shell reports it (128 + 15)

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors (for scripts).")]
OutOption = Annotated[str, typer.Option("--out", "-o", help="Output folder, or an fsspec URL such as s3://bucket/path.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Rebuild even if nothing changed.")]
SourceOption = Annotated[
    Optional[list[Path]],
    typer.Option("--source", "-s", show_default=False,
                 help="A source file (same as naming it as an argument); give it once per file."),
]


def plain_output() -> bool:
    """No colour, no boxes, no live progress (the help's): when stdout is not a terminal,
    NO_COLOR is set, or TERM=dumb (`streams.live_allowed`)."""
    return not live_allowed(sys.stdout)


def example(*lines: str) -> str:
    """A command's `--help` epilog: its examples, kept on their own lines."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


class StreamError(PublishError):
    """Standard output or error cannot be written (a full disk behind `> file`, `> /dev/full`)."""


def stream_failure(exc: OSError, where: str = "standard output") -> str:
    """What to say when a standard stream cannot be written (`> /dev/full`, `>&-`)."""
    return f"cannot write to {where} ({exc.strerror or exc}): {STREAM_ADVICE.get(exc.errno, STREAM_ADVICE_ELSE)}"


def printed_by_the_parser(exc: BaseException) -> bool:
    """Whether `exc` is an `OSError` raised while the command-line parser (click) printed: the
    help, `--version`, `--show-completion`. Why: `publish --help > /dev/full` was told 'the
    previous outputs are intact … then build again', the words for a failed build."""
    import traceback

    if not isinstance(exc, OSError) or exc.filename is not None:
        return False
    return any(frame.name == "echo" and frame.filename.replace("\\", "/").endswith("click/utils.py")
               for frame in traceback.extract_tb(exc.__traceback__))


class _Console(Console):
    """A Console that outlives its reader: when the command reading our output stops early
    (`publish check | head -1`), the rest of the output is dropped and the command finishes its
    work and exits with its own code (Rich's default exits 1 at once, mid-build)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        silence(self.file)


MIN_WIDTH = 40  # columns: below this a table has no room for its text
PLAIN_WIDTH = 10_000  # off a terminal: lines as long as their text, never cut to a width


def _sane_width(console: Console) -> Console:
    """`console` with a width its text fits in. Why: Rich takes `COLUMNS` as it stands, so
    `COLUMNS=0` (a misconfigured shell, `env -i`) printed nothing at all, errors included, and
    `COLUMNS=5` printed a table of empty rows; off a terminal (a pipe, a file, a CI log) the
    width of whatever terminal stdin or stderr was cut a long slug in the summary to 'a-very…'
    for the script reading it."""
    if not on_terminal(console.file):  # FORCE_COLOR makes Rich call a pipe a terminal
        console.width = PLAIN_WIDTH
    elif console.width < MIN_WIDTH:
        console.width = MIN_WIDTH
    return console


def _colours(stream: object) -> dict[str, object]:
    """Rich's colour settings for `stream` by the one policy (`streams.colour_allowed`): Rich's
    own reading of the environment takes FORCE_COLOR=0 as 'force' and drops a forced colour under
    TERM=dumb."""
    if not colour_allowed(stream):
        return {"color_system": None}
    return {"force_terminal": True, "color_system": "standard"} if forced_colour() else {}


class Output:
    """Messages for the person at the terminal. Text is printed as text: brackets, asterisks
    and colons in a message (a pattern like `[a-z0-9-]+`, a source fragment like
    `[（笑）]{.aside}`) are never read as markup or emoji."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        options = {"highlight": False, "markup": False, "emoji": False, "soft_wrap": True}
        self.out = _sane_width(_Console(**options, **_colours(sys.stdout)))
        self.err = _sane_width(_Console(stderr=True, **options, **_colours(sys.stderr)))

    @staticmethod
    def _styled(console: Console) -> bool:
        return colour_allowed(console.file)

    @property
    def fancy(self) -> bool:
        """Boxes and live displays allowed on stderr (a real terminal, not TERM=dumb, no
        NO_COLOR, not quiet); never forced by FORCE_COLOR (`streams`)."""
        return not self.quiet and live_allowed(self.err.file)

    def _print(self, console: Console, text: Text) -> None:
        try:
            console.print(text if self._styled(console) else Text(text.plain))
        except OSError as exc:
            console.quiet = True  # nothing more to this stream, the error included
            raise StreamError(stream_failure(exc, "standard error" if console.stderr else "standard output")) from None

    def result(self, message: str | Text, *, always: bool = False) -> None:
        """A result line on stdout (a diagnostic, a table row): shown when quiet if `always`."""
        if always or not self.quiet:
            self._print(self.out, message if isinstance(message, Text) else Text(visible(message)))

    def say(self, message: str | Text, style: str | None = None) -> None:
        """Normal output (stdout); nothing when quiet."""
        if not self.quiet:
            self._print(self.out, message if isinstance(message, Text) else Text(visible(message), style=style or ""))

    def note(self, message: str) -> None:
        """A remark about the build (stderr), e.g. which engine was chosen; nothing when quiet."""
        if not self.quiet:
            self._print(self.err, Text(visible(message), style="dim"))

    def warn(self, message: str) -> None:
        self._print(self.err, Text("warning: ", style="yellow") + Text(visible(message)))

    def error(self, message: str) -> None:
        """Always printed, quiet or not (stderr)."""
        debug = message.startswith("internal error:") and "\nTraceback" in message  # PUBLISH_DEBUG's
        self._print(self.err, Text("error: ", style="bold red") + Text(visible(message, keep_newlines=debug)))

    def fail(self, message: str, code: int = EXIT_FAILED) -> NoReturn:
        self.error(message)
        raise typer.Exit(code)


# `publish -q COMMAND`: set by the app's callback, which runs first on every invocation.
ROOT_QUIET: contextvars.ContextVar[bool] = contextvars.ContextVar("publish_quiet", default=False)


def console(quiet: bool = False) -> Output:
    """The Output for this command: quiet if `-q` was given to it or to `publish` itself."""
    return Output(quiet or ROOT_QUIET.get())


@contextlib.contextmanager
def reported_errors(ui: Output) -> Iterator[None]:
    """The CLI boundary: a `UsageError` exits 2, a `PublishError` or an `OSError` exits 1,
    each as one line (never a traceback)."""
    try:
        yield
    except UsageError as exc:
        ui.fail(str(exc), EXIT_USAGE)
    except PublishError as exc:
        ui.fail(str(exc), EXIT_FAILED)
    except OSError as exc:
        usage = name_too_long(exc)  # a name the file system cannot hold: nothing was built
        if usage is not None:
            ui.fail(str(usage), EXIT_USAGE)
        ui.fail(describe_failure(exc), EXIT_FAILED)


def source_file(path: Path, ui: Output) -> bytes:
    """The bytes of a source file the user named (exit 2 with a message if unusable)."""
    try:
        return read_source_file(path)
    except UsageError as exc:
        ui.fail(str(exc), EXIT_USAGE)


def output_folder(path: Path, ui: Output) -> Path:
    """`path` as a folder we can write (created if missing; exit 2 with a message if not)."""
    try:
        return writable_dir(path)
    except UsageError as exc:
        ui.fail(str(exc), EXIT_USAGE)


def leave(code: object) -> NoReturn:
    """End the console script with `code` (a `SystemExit` code) without tearing the interpreter
    down. Why: freeing every object one by one at exit (pypinyin's and jieba's dictionaries,
    WeasyPrint's and pikepdf's objects) took 0.2–0.4 s of every learner build after its output
    was written — a fifth of a rebuild after an edit. The exit handlers still run and the
    streams are flushed, so nothing a normal exit does is lost; while a thread that is not a
    daemon still runs (whose end a normal exit waits for), this is a normal exit."""
    import atexit
    import threading

    main = threading.main_thread()
    if any(t is not main and t.is_alive() and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # what Python does with any other code: print it, exit 1
        with contextlib.suppress(Exception):
            print(code, file=sys.stderr)
        status = 1
    getattr(atexit, "_run_exitfuncs", lambda: None)()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


# -- the parser's own errors ----------------------------------------------------------------------
def did_you_mean(word: str, choices: list[str]) -> str:
    """' (did you mean X?)' when one of `choices` is close to `word` (a typo), else ''."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        close = [c for c in choices if c.casefold() == word.casefold()]
    return f" (did you mean {close[0]}?)" if close else ""


_REJECTED_CHOICE = re.compile(r"^(?:Value error, )?'(?P<value>.*)' is not one of ")


FILE_SUFFIXES = (".md", ".txt", ".html", ".htm", ".docx")  # what publish reads: a word of these is a file
_NO_COMMAND = re.compile(r"^No such command '(?P<word>[^']*)'\.?$")
_NEEDS_VALUE = re.compile(r"^[Oo]ption '(?P<option>[^']+)' requires an argument\.?$")
_EXTRA = re.compile(r"^Got unexpected extra argument\(s\) \((?P<words>.*)\)\.?$")
# A command that writes one file, given its path as a second argument (`publish import copy.txt
# source/tea.md`): how to name that file instead.
EXTRA_FILE_HINTS = {
    "import": "import reads one copy; to name the source file it writes, use --slug SLUG (and --out-dir FOLDER)",
    "new": "new takes one slug; to choose the folder of the file it writes, use --out-dir FOLDER",
}


def _file_like(word: str) -> bool:
    return "://" not in word and (Path(word).suffix.lower() in FILE_SUFFIXES or "/" in word or Path(word).exists())


def parser_message(error: ParserError, argv: list[str], commands: dict[str, object] | None = None) -> str:
    """The parser's complaint as one line in the house style: what is wrong, the nearest right
    spelling, and where to read more. `argv` is the command line after `publish`; `commands` the
    commands by name, for an error the parser raised without its command."""
    commands = commands or {}
    message = error.format_message().removeprefix("Value error, ")
    if isinstance(error, NoSuchOption):
        name = error.option_name
        command = error.ctx.command if error.ctx is not None else None
        known = sorted(options_of(command) | {"--help"})
        message = f"no such option: {name}{_elsewhere(name, error.ctx, argv) or did_you_mean(name, known)}"
        dashed = next((t for t in argv if t.startswith(name) and t != name and Path(t).exists()), None)
        if dashed is None and name in argv and Path(name).exists():
            dashed = name
        if dashed is not None:  # a file whose name starts with '-': the shell cannot tell them apart
            message = (f"no such option: {name} ('{dashed}' is a file: to name it, write ./{dashed} or put -- "
                       f"before it)")
    elif isinstance(error, BadParameter) and error.param is not None:
        annotation = getattr(getattr(error.param, "type_descriptor", None), "annotation", None)
        rejected = _REJECTED_CHOICE.match(error.message)
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum) and rejected:
            choices = [str(member.value) for member in annotation]
            value = rejected["value"]
            message = (f"invalid value for {error.param.get_error_hint()}: {value!r} is not one of "
                       f"{', '.join(choices)}{did_you_mean(value, choices)}")
        elif annotation is int:  # the parser's 'Input should be a valid integer …' named no number to give
            message = invalid_value(error.param, argv, error.ctx.command if error.ctx else None) or message
    missing = _NEEDS_VALUE.match(message)
    if missing:  # what the option takes, from the one table (the parser names no command here)
        word = next((token for token in argv if not token.startswith("-")), None)
        command = error.ctx.command if error.ctx is not None else commands.get(word or "")
        param = next((p for p in getattr(command, "params", []) if missing["option"] in p.opts), None)
        advice = value_advice(command, long_name(param)) if param is not None else None
        message = f"{missing['option']} needs a value: {advice}" if advice else message
    extra = _EXTRA.match(message)
    command_name = error.ctx.info_name if error.ctx is not None else None
    if extra and command_name in EXTRA_FILE_HINTS and any(_file_like(w) for w in extra["words"].split()):
        message = f"{message.rstrip('.')}: {EXTRA_FILE_HINTS[command_name]}"
    message = re.sub(r"\. Did you mean (.+?)\?$", r" (did you mean \1?)", message)  # an unknown command
    unknown = _NO_COMMAND.match(message)
    if unknown:  # the parser's guess is case-sensitive: 'CHEK' was offered nothing
        read = unicodedata.normalize("NFKC", unknown["word"]).casefold()
        nearest = difflib.get_close_matches(read, list(commands_of(error.ctx)), n=1, cutoff=0.6)
        message = f"{message.rstrip('.')}" + (f" (did you mean '{nearest[0]}'?)" if nearest else "")
    message = message[:1].lower() + message[1:] if message[1:2].islower() else message
    if error.ctx is not None:
        where = error.ctx.command_path
    else:  # a few parser errors come without their command: the first word names it
        command = next((token for token in argv if not token.startswith("-")), None)
        where = f"publish {command}" if command else "publish"
    return f"{message.rstrip('.')}; see '{where} --help'"


def commands_of(ctx: typer.Context | None) -> dict[str, object]:
    """Every `publish` command by name (from any context of this command line)."""
    if ctx is None:
        return {}
    root = ctx.find_root()
    group = root.command
    if not isinstance(group, TyperGroup):
        return {}
    return {name: group.get_command(root, name) for name in group.list_commands(root)}


def options_of(command: object) -> set[str]:
    """Every spelling of every option of `command` ('--learner', '--no-learner', '-q')."""
    return {o for p in getattr(command, "params", []) for o in (*p.opts, *p.secondary_opts)}


def _elsewhere(name: str, ctx: typer.Context | None, argv: list[str]) -> str:
    """Where an option that this command lacks belongs: another command's option (`publish
    epub --paper a4` was offered '--learner', `publish check --force` '--source'), or the
    command's own, given before the command (`publish --out x epub` was offered '--quiet')."""
    commands = commands_of(ctx)
    owners = [command for command, cmd in commands.items() if name in options_of(cmd)]
    if not owners or ctx is None:
        return ""
    if ctx.parent is None:  # the group's own options: the option came before the command
        after = next((word for word in argv if word in commands), None)
        if after in owners:
            return f" before the command: {name} is an option of 'publish {after}', so write it after the command " \
                   f"(publish {after} {name} …)"
        return f" before a command: {name} is an option of publish {', '.join(owners)}, written after the command"
    here = ctx.info_name
    return f" for 'publish {here}': {name} is an option of publish {', '.join(owners)}"


def _a_file_for_a_command(word: str, commands: dict[str, object], rest: list[str]) -> str | None:
    """What to say when the command word is a file (`publish source/x.md epub`: 'no such
    command'): the command comes first."""
    if word in commands or word.startswith("-"):
        return None
    if not _file_like(word):
        return None
    import shlex

    after = next((w for w in rest if w in commands), None)
    if after is None:
        return (f"{word} is a file, not a command: name the command first, e.g. publish check {shlex.quote(word)}; "
                f"see 'publish --help'")
    others = [w for w in rest if w != after]
    return (f"{word} is a file, and the command comes first: "
            f"{shlex.join(['publish', after, word, *others])}")


class PublishGroup(TyperGroup):
    """The `publish` command group: a mistake on the command line (an unknown option, a missing
    argument, a value not among the choices) is one `error: …` line like every other message,
    with the nearest right spelling, exit 2. Click printed three lines (usage, a hint, then
    'Error: …'; on a terminal a box), unlike any other message of the command."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        argv = list(args)
        if parent is None and not extra.get("resilient_parsing"):  # (completing, or only parsing: do nothing)
            _completion(argv)  # `publish --install-completion [SHELL]`, `--show-completion [SHELL]`
            _version_alone(argv)
        try:
            context = super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError:
            raise  # `publish` alone: the help
        except ParserError as error:
            _parser_failed(error, argv, self)
        context.meta["publish.argv"] = argv
        return context

    def get_command(self, ctx, cmd_name):  # type: ignore[no-untyped-def]
        return with_value_names(super().get_command(ctx, cmd_name))

    def resolve_command(self, ctx, args):  # type: ignore[no-untyped-def]
        """The command and its arguments, after the checks the parser does not make: a file
        where the command should be, and an option given twice with two values."""
        if args:
            commands = commands_of(ctx)
            args = [command_word(args[0], commands), *args[1:]]
            misplaced = _a_file_for_a_command(args[0], commands, list(args[1:]))
            if misplaced is not None:
                console().fail(misplaced, EXIT_USAGE)
        name, command, rest = super().resolve_command(ctx, args)
        rest = with_numbers_read(command, list(rest))
        repeated = (option_as_value(command, rest) or repeated_options(command, rest)
                    or empty_value(command, rest) or stray_ends(command, rest)
                    or short_option_with_equals(command, rest) or options_after_the_marker(command, rest, name))
        if repeated is not None:
            console().fail(repeated, EXIT_USAGE)
        return name, command, rest

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        argv = ctx.meta.get("publish.argv", [])
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except ParserError as error:
            _parser_failed(error, argv, self)


def _completion(argv: list[str]) -> None:
    """Tab completion when the command line asks for it (`pipeline.cli_completion`): done, then exit."""
    from pipeline.cli_completion import asked, completion

    ui = console(quiet=bool({"-q", "--quiet"} & set(argv)))  # (the group's callback, which reads -q, has not run)
    with reported_errors(ui):
        wanted = asked(argv)
        if wanted is None:
            return
        option, shell = wanted
        said = completion(option, shell)
    if option == "--show-completion":
        typer.echo(said)  # the script as it is, never wrapped or styled: it is pasted into a startup file
    else:
        ui.say(said)
    raise typer.Exit(EXIT_OK)


# Options of `publish` itself that print and stop (eager), and the words that may go with them.
ALONE_OPTIONS = {"--version": {"-q", "--quiet"}}


def _version_alone(argv: list[str]) -> None:
    """`publish --version extra` (or `--version check`): the eager option printed the versions and
    exited 0, the other words unread, as if they had been understood."""
    first_word = next((n for n, word in enumerate(argv) if not word.startswith("-")), len(argv))
    for option, allowed in ALONE_OPTIONS.items():
        if option not in argv[:first_word]:  # (after a command, `-- --version` may name a file)
            continue
        others = [word for word in argv if word != option and word not in allowed]
        if others:
            console().fail(f"{option} takes nothing else (given: {' '.join(others)}): run 'publish {option}' "
                           f"alone; see 'publish --help'", EXIT_USAGE)


def _parser_failed(error: ParserError, argv: list[str], group: TyperGroup) -> NoReturn:
    word = next((token for token in argv if not token.startswith("-")), None)
    command = group.get_command(None, word) if word else None  # type: ignore[arg-type]
    console().fail(parser_message(error, argv, {word: command} if command else {}), error.exit_code)
