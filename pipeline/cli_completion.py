"""`publish --install-completion [SHELL]` and `publish --show-completion [SHELL]`, read where the
command line is read (`cli_common.PublishGroup`), with the messages every command gives.

Typer's own handling of these two options let an editor down three ways:

- a shell named after the option (`publish --show-completion zsh`, `--install-completion fish`)
  was dropped without a word: the script of the shell it detected was printed (bash's, to be
  pasted into a .zshrc) or installed into the detected shell's startup file;
- a shell with no completion (sh, dash, tcsh, nushell) or none it could detect (cron, a CI step):
  'Shell sh is not supported.' on standard output, exit 1, naming none that is;
- a home folder that cannot be written: the build's advice ('the previous outputs are intact;
  free disk space … then build again') for a file that is no output.

Completion works offline (the script calls `publish` itself); nothing here reads the network.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import PublishError
from pipeline.paths import UsageError

OPTIONS = {"--install-completion": "installed", "--show-completion": "shown"}
# The shells Typer writes a completion script for, by the name shellingham gives (`pwsh` is PowerShell 7).
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
PROG_NAME = "publish"
COMPLETE_VAR = "_PUBLISH_COMPLETE"


def asked(argv: list[str]) -> tuple[str, str | None] | None:
    """(option, the shell named after it or None) when the command line asks for completion
    before any command (`publish --show-completion zsh`); None otherwise."""
    found: list[tuple[str, str | None]] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        index += 1
        if token == "--" or not token.startswith("-"):
            break  # a command's own words from here
        name, equals, value = token.partition("=")
        if name not in OPTIONS:
            continue
        shell = value if equals else None
        if not equals and index < len(argv) and not argv[index].startswith("-"):
            shell = argv[index]
            index += 1
        found.append((name, shell))
    if len({name for name, _shell in found}) > 1:
        raise UsageError("--install-completion and --show-completion do different things: give one of them "
                         "(nothing was done)")
    return found[0] if found else None


def _detected() -> str:
    """The shell this command runs in, by its process tree, else `$SHELL`; '' when neither says."""
    try:
        import shellingham

        return str(shellingham.detect_shell()[0])
    except Exception:  # noqa: BLE001 - ShellDetectionFailure, or no shellingham: ask $SHELL
        return Path(os.environ.get("SHELL", "")).name


def completion(option: str, named: str | None) -> str:
    """The completion script of the shell `named` (or detected), or, installing it, what was
    done. A `UsageError` for a shell without one, a `PublishError` for a startup file that
    cannot be written."""
    from typer._completion_shared import get_completion_script, install

    shell = (named if named is not None else _detected()).strip().casefold()
    done = OPTIONS[option]
    if shell not in SHELLS:
        what = (f"{named!r} is no shell publish completes for" if named is not None else
                f"this shell ({shell}) has no tab completion" if shell else "the shell could not be told")
        raise UsageError(f"{what}: tab completion is for bash, zsh, fish and PowerShell; name yours, e.g. "
                         f"publish {option} bash (nothing was {done})")
    if option == "--show-completion":
        return get_completion_script(prog_name=PROG_NAME, complete_var=COMPLETE_VAR, shell=shell)
    try:
        shell, path = install(shell=shell, prog_name=PROG_NAME, complete_var=COMPLETE_VAR)
    except OSError as exc:
        where = exc.filename or "your home folder"
        raise PublishError(f"cannot install tab completion: {where}: {exc.strerror or exc}: make your home folder "
                           f"writable, or add the output of 'publish --show-completion {shell}' to your shell's "
                           f"startup file yourself") from None
    return f"{shell} completion installed in {path}; it takes effect in a new terminal"
