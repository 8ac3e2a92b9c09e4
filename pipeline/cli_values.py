"""What each `publish` option's value must be: one table, read where the command line is read.

Kept apart from `pipeline.cli_common` (printing and the parser's errors) because it is one
concern with its own data: for every option that takes a value, what to give. It serves three
messages that were vague or missing before:

- an option given empty or blank (`--jobs ''`, `--level ' '`, `--paper=`): the parser said 'Input
  should be a valid integer, unable to parse string as an integer', naming no number to give,
  and `Path('')` is '.', so `--out-dir ''` wrote into the current folder;
- a value the option cannot take (`--jobs two`, `--level 9`): the same parser's words;
- a number typed with a Chinese input method (`--jobs ４`, full-width digits): refused as 'not an
  integer', though it is one. A number's or a word's value (`WORD_OPTIONS`) is read as NFKC text,
  and so is the command word (`publish ｃｈｅｃｋ`, `publish CHECK`);
- an option left without its value (`--out` last on the line): "option '--out' requires an
  argument". And `--help` showed each option's Python type (`<list[Path]>`), not what to give
  (`METAVARS`).

`test_every_option_says_what_it_takes` keeps the table whole: a new option with a value needs
its line here.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator

# Option → what to give it (an imperative, with an example): for an empty and an invalid value.
OPTION_VALUES = {
    "--out": "name an output folder, e.g. --out output",
    "--out-dir": "name the folder of the source files, e.g. --out-dir source",
    "--source": "name a source file, e.g. --source source/<slug>.md (or leave it out to build every title in source/)",
    "--scheduler": "name a Dask scheduler's address (tcp://host:8786) or 'local', or leave it out to build on this "
                   "machine",
    "--jobs": "give how many titles to build at once, a whole number from 1, e.g. --jobs 2 (or leave it out: one "
              "per core)",
    "--level": "give an HSK level, a whole number from 0 to 7 (7 is the 7-9 band), e.g. --level 4 (or leave it "
               "out: 4)",
    "--paper": "name a trim, e.g. --paper a5 ('publish pdf --help' lists the trims there are)",
    "--engine": "name a voice engine: auto, espeak or edge (or leave it out: auto)",
    "--base-url": "give the address the site will be served from, e.g. --base-url https://example.org/pods/",
    "--slug": "give the title's slug in lower-case letters, digits and hyphens, e.g. --slug night-library (or leave "
              "it out to take it from the file's name)",
}
# What `--help` shows after an option: the kind of value to give. Typer showed the Python type
# ('-s, --source <list[Path]>', '--out <str>', '--jobs <int range>'), which tells an editor nothing.
METAVARS = {"--source": "FILE", "--out": "DIR", "--out-dir": "DIR", "--jobs": "N", "--level": "0-7",
            "--scheduler": "ADDRESS", "--base-url": "URL", "--slug": "SLUG", "--paper": "NAME"}
# Commands whose argument is a path the same way (their other empty arguments get their own message).
EMPTY_ARGUMENT_ADVICE = {"import": "the copy's name is empty: name the file to import (.txt, .html/.htm or .docx)"}


def _value_options(command: object) -> dict[str, object]:
    """Every spelling of every option of `command` that takes a value → its parameter."""
    return {opt: param for param in getattr(command, "params", [])
            if getattr(param, "param_type_name", "") == "option" and not param.is_flag for opt in param.opts}


def with_value_names(command: object) -> object:
    """`command` with `METAVARS` shown in its help, and its arguments by their own names alone
    ('SOURCES', not 'SOURCES <list[str]>')."""
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "option" and not param.is_flag:
            param.metavar = METAVARS.get(long_name(param), param.metavar)
        elif getattr(param, "param_type_name", "") == "argument" and param.metavar:
            param.display_type_rich = lambda ctx: None  # the name says it (FILE, SLUG, SOURCES)
    return command


def long_name(param: object) -> str:
    opts = getattr(param, "opts", [])
    return next((opt for opt in opts if opt.startswith("--")), opts[0] if opts else "?")


def _is_number(param: object) -> bool:
    return getattr(getattr(param, "type_descriptor", None), "annotation", None) is int


def _values(command: object, args: list[str]) -> Iterator[tuple[int, object, str]]:
    """(index of the value in `args`, parameter, value) for each option given a value, in order
    (`--jobs 2`, `--jobs=2`, `-j 2`, `-j2`), up to `--`. The value ends its token."""
    options = _value_options(command)
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "--":
            return
        if not token.startswith("--") and len(token) > 2 and token[:2] in options:  # `-j2`, `-ooutput`
            yield index - 1, options[token[:2]], token[2:]
            continue
        name, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
        param = options.get(name)
        if param is None:
            continue
        if equals:
            yield index - 1, param, value
        elif index < len(args):  # (else the parser says the value is missing)
            yield index, param, args[index]
            index += 1


def empty_value(command: object, args: list[str]) -> str | None:
    """What to say when an option's value, or a path argument (`EMPTY_ARGUMENT_ADVICE`), is
    empty or blank: the option and what it takes."""
    argument = EMPTY_ARGUMENT_ADVICE.get(getattr(command, "name", "") or "")
    values = list(_values(command, args))
    if argument:
        taken = {index for index, _param, _value in values}
        if any(token == "" and index not in taken for index, token in enumerate(args)):
            return f"{argument} (nothing was done)"
    for _index, param, value in values:
        if not value.strip():
            name = long_name(param)
            return f"{name} is empty: {OPTION_VALUES.get(name, 'give it a value, or leave it out')}"
    return None


def command_word(word: str, commands: dict[str, object]) -> str:
    """The command `word` names in any case or width (`EPUB` with Caps Lock on, `ｅｐｕｂ` from a
    Chinese input method): before, 'no such command', with no nearer spelling offered. A file of
    that name is left to be named as a file."""
    if word in commands or word.startswith("-") or os.path.lexists(word):
        return word
    read = unicodedata.normalize("NFKC", word).casefold()
    return read if read in commands else word


# Options whose value is a word or a number, never a name on disk or an address: read as NFKC text,
# stripped, so that what a Chinese input method types (`--jobs ４`, `--paper Ａ５`, `--engine ｅｓｐｅａｋ`)
# is what was meant. (A path keeps its characters: a file may be named in full width.)
WORD_OPTIONS = frozenset({"--jobs", "--level", "--paper", "--engine"})


def with_numbers_read(command: object, args: list[str]) -> list[str]:
    """`args` with each `WORD_OPTIONS` value (and any number's) as NFKC text, stripped (`４` → `4`)."""
    read = list(args)
    for index, param, value in _values(command, args):
        if _is_number(param) or long_name(param) in WORD_OPTIONS:
            number = unicodedata.normalize("NFKC", value).strip()
            if number != value:
                read[index] = args[index][:len(args[index]) - len(value)] + number  # after `--jobs=`, `-j`
    return read


def invalid_value(param: object, argv: list[str], command: object) -> str | None:
    """The parser's complaint about a value (`--jobs two`, `--level 9`) as the value given and
    what the option takes, or None when the table has nothing to add."""
    name = long_name(param)
    advice = OPTION_VALUES.get(name)
    if advice is None:
        return None
    given = [value for _index, p, value in _values(command, argv) if p is param]
    shown = repr(given[-1]) if given else "the value given"
    return f"invalid value for {name}: {shown}: {advice}"
