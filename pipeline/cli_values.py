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
- an option whose value is the next option (`--out --learner`, `-o --force`, `--out-dir --force`):
  the parser took the option for the value, and built into a folder named '--learner', without
  the learner edition asked for;
- an option left without its value (`--out` last on the line): "option '--out' requires an
  argument". And `--help` showed each option's Python type (`<list[Path]>`), not what to give
  (`METAVARS`).

`test_every_option_says_what_it_takes` keeps the table whole: a new option with a value needs
its line here.
"""

from __future__ import annotations

import os
import re
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
    "--layout": "name what lays out the learner PDF's body: weasyprint or typst (or leave it out: weasyprint)",
    "--base-url": "give the address the site will be served from, e.g. --base-url https://example.org/pods/",
    "--slug": "give the title's slug in lower-case letters, digits and hyphens, e.g. --slug night-library (or leave "
              "it out to take it from the file's name)",
}
# Where one command's option takes something else than the table says: `publish watch` follows one
# title, and its `--source ''` was told to leave it out 'to build every title in source/'; `publish
# check` builds nothing, and was told the same.
COMMAND_OPTION_VALUES = {
    ("watch", "--source"): "name the one source file to follow, e.g. --source source/<slug>.md (or leave it out "
                           "when source/ holds a single title)",
    ("check", "--source"): "name a source file to check, e.g. --source source/<slug>.md (or leave it out to check "
                           "every title in source/)",
}
# What `--help` shows after an option: the kind of value to give. Typer showed the Python type
# ('-s, --source <list[Path]>', '--out <str>', '--jobs <int range>'), which tells an editor nothing.
METAVARS = {"--source": "FILE", "--out": "DIR", "--out-dir": "DIR", "--jobs": "N", "--level": "0-7",
            "--scheduler": "ADDRESS", "--base-url": "URL", "--slug": "SLUG", "--paper": "NAME"}
# Commands whose argument is a path the same way (their other empty arguments get their own message).
EMPTY_ARGUMENT_ADVICE = {"import": "the copy's name is empty: name the file to import (.txt, .html/.htm or .docx)"}


def with_value_names(command: object) -> object:
    """`command` with `METAVARS` shown in its help, and its arguments by their own names alone
    ('SOURCES', not 'SOURCES <list[str]>')."""
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "option" and not param.is_flag:
            param.metavar = METAVARS.get(long_name(param), param.metavar)
        elif getattr(param, "param_type_name", "") == "argument" and param.metavar:
            param.display_type_rich = lambda ctx: None  # the name says it (FILE, SLUG, SOURCES)
            param._usage_display_name = lambda p=param: usage_name(p)
    return command


def usage_name(param: object) -> str:
    """An argument as the usage line shows it, as every Unix manual does: `FILE` when required,
    `[SOURCES]...` when not. Typer wrote a required one in braces, `publish import [OPTIONS]
    {FILE}`, which reads as a literal '{FILE}' (or a shell's brace expansion)."""
    name = param.metavar or param.name.upper()
    shown = name if param.required else f"[{name}]"
    return shown + ("..." if param.nargs != 1 else "")


def value_advice(command: object, name: str) -> str | None:
    """What option `name` of `command` takes (`COMMAND_OPTION_VALUES`, else `OPTION_VALUES`)."""
    return COMMAND_OPTION_VALUES.get((getattr(command, "name", None) or "", name), OPTION_VALUES.get(name))


def long_name(param: object) -> str:
    opts = getattr(param, "opts", [])
    return next((opt for opt in opts if opt.startswith("--")), opts[0] if opts else "?")


def _is_number(param: object) -> bool:
    return getattr(getattr(param, "type_descriptor", None), "annotation", None) is int


def _options(command: object) -> dict[str, object]:
    """Every spelling of every option of `command` ('--out', '-o', '--no-learner') → its parameter."""
    return {opt: param for param in getattr(command, "params", [])
            if getattr(param, "param_type_name", "") == "option"
            for opt in (*param.opts, *getattr(param, "secondary_opts", []))}


def given_options(command: object, args: list[str]) -> Iterator[tuple[int, object, str, str]]:
    """(index of the value in `args`, parameter, spelling, value) for each option given, in order,
    up to `--`, read as the parser reads them: `--jobs 2`, `--jobs=2`, `-j 2`, `-j2`, and short
    flags run together (`-qj2`: -q, then -j 2). A flag's value is 'on', or 'off' for its
    `--no-` spelling. The one reading every check of the command line uses: before, the check
    of an option given twice read `-j2` as no option, so `--jobs 1 -j2` built with 2."""
    options = _options(command)
    index = 0
    while index < len(args):
        token = args[index]
        index += 1
        if token == "--":
            return
        if token.startswith("--"):
            name, equals, value = token.partition("=")
            spellings: list[tuple[str, str | None]] = [(name, value if equals else None)]
        elif token.startswith("-") and len(token) > 1:
            spellings = []
            for at in range(1, len(token)):  # `-qj2`: each letter an option until one takes a value
                param = options.get("-" + token[at])
                if param is None:
                    break  # (the parser names it)
                if not param.is_flag:
                    spellings.append(("-" + token[at], token[at + 1:] or None))
                    break
                spellings.append(("-" + token[at], ""))
        else:
            continue
        for name, value in spellings:
            param = options.get(name)
            if param is None:
                continue
            if param.is_flag:
                yield index - 1, param, name, "off" if name in param.secondary_opts else "on"
            elif value is not None:
                yield index - 1, param, name, value
            elif index < len(args):  # (else the parser says the value is missing)
                yield index, param, name, args[index]
                index += 1


def _values(command: object, args: list[str]) -> Iterator[tuple[int, object, str]]:
    """(index of the value in `args`, parameter, value) for each option given a value, in order.
    The value ends its token."""
    for index, param, _name, value in given_options(command, args):
        if not param.is_flag:
            yield index, param, value


def repeated_options(command: object, args: list[str]) -> str | None:
    """What to say when an option that takes one value is given twice with two values
    (`--out a --out b`, `--jobs 1 -j2`, `--learner --no-learner`): the parser kept the last and
    dropped the other without a word (editions built where the editor did not look). `--source`,
    which may be given once per file, is not one of them; the same value twice is harmless."""
    given: dict[str, list[tuple[str, str]]] = {}
    for _index, param, name, value in given_options(command, args):
        if not param.multiple and not getattr(param, "count", False):
            given.setdefault(param.name, []).append((name if param.is_flag else long_name(param), value))
    for uses in given.values():
        values = list(dict.fromkeys(value for _name, value in uses))
        if len(values) > 1:
            names = list(dict.fromkeys(name for name, _value in uses))
            if all(value in ("on", "off") for value in values) and len(names) > 1:
                return f"{' and '.join(names)} contradict each other: give one of them (nothing was done)"
            shown = ", ".join(repr(value) for value in values)
            return (f"{names[0]} given {len(uses)} times, with different values ({shown}): give it once (nothing "
                    f"was done)")
    return None


# Options whose value names a file or folder: one whose name starts with '-' is written `./-x`.
PATH_OPTIONS = frozenset({"--out", "--out-dir", "--source"})
_OPTION_LIKE = re.compile(r"^--?[^\W\d_]")  # `-q`, `--learner`, `--ot`; not `-1` (a number), not `-`


def option_as_value(command: object, args: list[str]) -> str | None:
    """What to say when an option's value, given as the next word, is an option (`--out
    --learner`, `-o --force`, `--slug --force`): the parser took it as the value, so the build
    went into a folder named '--learner' and the learner edition asked for was never built. A
    value attached to its option (`--out=--x`, `-o-x`) is taken as written."""
    options = _options(command)
    for index, param, spelling, value in given_options(command, args):
        if param.is_flag or args[index] != value or not _OPTION_LIKE.match(value):
            continue
        name = long_name(param)
        what = "an option of this command" if value.partition("=")[0] in options else "written as an option"
        advice = value_advice(command, name) or "give it its value"
        named = f"; a file or folder whose name starts with '-' is written ./{value}" if name in PATH_OPTIONS else ""
        return (f"{spelling} has no value: the word after it, '{value}', is {what}; {advice}{named} (nothing was "
                f"done)")
    return None


# A path's stray characters at either end, by what to call them: pasted with a name copied from a
# document or a terminal (`--out "$(cat dir.txt)"`), they made a folder `out\n` or `editions `
# that `ls` shows as the one meant.
STRAY_ENDS = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab", " ": "a space",
              "\u3000": "a full-width space", "\xa0": "a no-break space"}
# Options whose value is a name or an address a stray end changes (`--scheduler 'tcp://h:8786\n'` was
# 'cannot reach the Dask scheduler at tcp://h:8786\n').
PASTED_OPTIONS = PATH_OPTIONS | {"--scheduler"}


def stray_ends(command: object, args: list[str]) -> str | None:
    """What to say when a `PASTED_OPTIONS` value begins or ends with a `STRAY_ENDS` character
    and no file or folder is named so (one that is keeps its name)."""
    import shlex

    for _index, param, value in _values(command, args):
        name = long_name(param)
        if name not in PASTED_OPTIONS or not value.strip() or os.path.lexists(value):
            continue
        for char, where in ((value[-1], "ends"), (value[0], "begins")):
            if char in STRAY_ENDS:
                meant = value.strip("".join(STRAY_ENDS))
                return (f"{name} {value!r} {where} with {STRAY_ENDS[char]} (pasted with the name?): write {name} "
                        f"{shlex.quote(meant)} (nothing was done)")
    return None


def short_option_with_equals(command: object, args: list[str]) -> str | None:
    """What to say for a short option written with '=' (`-o=editions`, `-j=2`, `-s=x.md`), as the
    long ones are: the parser took '=editions' as the value, and built into a folder named
    '=editions' (`-o=`: into '='), or said '=2' is no number."""
    for index, param, spelling, value in given_options(command, args):
        token = args[index]
        attached = token != value and token.endswith(value)  # `-o=x`, `-qo=x`; not `-o '=x'`
        if not param.is_flag and not token.startswith("--") and attached and value.startswith("="):
            meant = value[1:]
            return (f"{token}: a short option takes its value after a space ({spelling} {meant or '…'}), and '=' "
                    f"goes with the long one ({long_name(param)}={meant or '…'}) (nothing was done)")
    return None


def options_after_the_marker(command: object, args: list[str], name: str) -> str | None:
    """What to say when an option of the command comes after `--`, which ends the options
    (`publish check -- -x.md -q`, `publish import -- -x.md --slug y`): it was read as a file
    ('-q: no such file') or an extra argument, and the option was dropped. A file of that name
    is left to be named as a file."""
    if "--" not in args:
        return None
    marker = args.index("--")
    after = args[marker + 1:]
    moved: set[int] = set()
    for index, param, spelling, value in given_options(command, after):
        attached = param.is_flag or after[index] != value  # (`--slug=y`, `-q`; `--slug y` is 2 words)
        start = index if attached else index - 1
        whole = after[start] == spelling or after[start].startswith(f"{spelling}=") and spelling.startswith("--")
        if whole and not os.path.lexists(after[start]):  # (`-q.md` is no option, but a file not there)
            moved.update(range(start, index + 1))
    if not moved:
        return None
    import shlex

    options = [after[i] for i in sorted(moved)]
    rest = [word for i, word in enumerate(after) if i not in moved]
    line = shlex.join(["publish", name, *args[:marker], *options, "--", *rest])
    return (f"{' '.join(options)} came after '--', which ends the options (every word after it is a file): write "
            f"the options before '--': {line} (nothing was done)")


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
            return f"{name} is empty: {value_advice(command, name) or 'give it a value, or leave it out'}"
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
WORD_OPTIONS = frozenset({"--jobs", "--level", "--paper", "--engine", "--layout"})


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
    advice = value_advice(command, name)
    if advice is None:
        return None
    given = [value for _index, p, value in _values(command, argv) if p is param]
    shown = repr(given[-1]) if given else "the value given"
    return f"invalid value for {name}: {shown}: {advice}"
