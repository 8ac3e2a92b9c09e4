"""`publish --install-completion [SHELL]` and `publish --show-completion [SHELL]`, read where the
command line is read (`cli_common.PublishGroup`), with the messages every command gives.

Typer's own handling of these two options let an editor down three ways:

- a shell named after the option (`publish --show-completion zsh`, `--install-completion fish`)
  was dropped without a word: the script of the shell it detected was printed (bash's, to be
  pasted into a .zshrc) or installed into the detected shell's startup file;
- a shell with no completion (sh, dash, tcsh, nushell) or none it could detect (cron, a CI step):
  'Shell sh is not supported.' on standard output, exit 1, naming none that is;
- a home folder that cannot be written: the build's advice ('the previous outputs are intact;
  free disk space … then build again') for a file that is no output;
- bash and zsh: the startup file was written first (in place, not atomically) and the script
  after it, so a script that could not be written (`~/.bash_completions` a file, a full disk) left
  a `source '…/publish.sh'` line naming a missing file: every new terminal then began with an
  error. Here the script is written first, by rename, and the startup file only gets its lines
  appended once the script is there (`STARTUP_LINES`).

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
    others: list[str] = []  # words that are neither these options, their shell, nor -q
    index = 0
    while index < len(argv):
        token = argv[index]
        index += 1
        if token == "--" or not token.startswith("-"):
            others.extend(argv[index - 1:])  # a command's own words from here
            break
        name, equals, value = token.partition("=")
        if name not in OPTIONS:
            others += [] if token in ("-q", "--quiet") else [token]
            continue
        shell = value if equals else None
        if not equals and index < len(argv) and not argv[index].startswith("-"):
            shell = argv[index]
            index += 1
        found.append((name, shell))
    if len({name for name, _shell in found}) > 1:
        raise UsageError("--install-completion and --show-completion do different things: give one of them "
                         "(nothing was done)")
    if found and others:  # `--install-completion bash extra`: installed, the extra word unread
        option, shell = found[0]
        raise UsageError(f"{option} takes the name of a shell and nothing else (given: {' '.join(others)}): run "
                         f"'publish {option} {shell or 'SHELL'}' alone; see 'publish --help' (nothing was done)")
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
    from typer._completion_shared import get_completion_script

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
        path = _install(shell)
    except OSError as exc:
        from pipeline.build import MISPLACED

        where = exc.filename or "your home folder"
        fix = MISPLACED.get(exc.errno or 0, "make your home folder writable")
        fix = fix.replace(": move it away", f": move {where} away")
        raise PublishError(f"cannot install tab completion: {where}: {exc.strerror or exc}: {fix}, or add the output "
                           f"of 'publish --show-completion {shell}' to your shell's startup file yourself") from None
    return f"{shell} completion installed in {path}; it takes effect in a new terminal"


# Where each shell's script goes (under the home folder) and the lines its startup file needs to
# load it, as Typer writes them; a line already there is not added again. PowerShell's profile
# is asked of PowerShell itself (Typer's own installer).
SCRIPT_PATHS = {"bash": ".bash_completions/publish.sh", "zsh": ".zfunc/_publish",
                "fish": ".config/fish/completions/publish.fish"}
_COMPINIT = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
STARTUP_LINES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    # shell: (startup file, ((line, what already there stands for it), …))
    "bash": (".bashrc", (("source '{script}'", "source '{script}'"),)),
    "zsh": (".zshrc", ((_COMPINIT, _COMPINIT), ("zstyle ':completion:*' menu select", "zstyle"))),
}


def _install(shell: str) -> Path:
    """Install `shell`'s completion: the script first (by rename, never half a file), then the
    startup file's lines appended (in place: a startup file that is a link into a dotfiles
    repository stays one). A failure between the two leaves a script no startup file names,
    never a startup file naming a missing script."""
    from typer._completion_shared import get_completion_script, install

    if shell not in SCRIPT_PATHS:
        return install(shell=shell, prog_name=PROG_NAME, complete_var=COMPLETE_VAR)[1]
    from pipeline.fsutil import atomic_write

    home = Path.home()
    script = home / SCRIPT_PATHS[shell]
    text = get_completion_script(prog_name=PROG_NAME, complete_var=COMPLETE_VAR, shell=shell)
    atomic_write(script, text if text.endswith("\n") else text + "\n")
    if shell in STARTUP_LINES:
        name, lines = STARTUP_LINES[shell]
        startup = home / name
        present = startup.read_bytes().decode("utf-8", "replace") if startup.is_file() else ""
        missing = [line.format(script=script) for line, mark in lines if mark.format(script=script) not in present]
        if missing:
            lead = "\n" if present and not present.endswith("\n") else ""
            with open(startup, "a", encoding="utf-8") as handle:
                handle.write(lead + "".join(f"{line}\n" for line in missing))
    return script
