"""The `publish import` and `publish new` commands (registered in `pipeline/cli.py`), kept out of
the `pipeline.importers` package so that loading the CLI does not load the importers (about a
tenth of a second at every command's start); they are imported when the command runs.

Both go through the CLI's common boundary (`pipeline.cli_common`): paths are checked before any
work (the copy: missing, a folder, a pipe or device, over 50 MB, unreadable; `--out-dir`: a file,
not creatable, not writable), messages are plain text, one line each, and the exit codes are
the other commands': 0 written; 2 the command cannot run as given (a path above, an unknown kind
of copy, an invalid slug, the target exists and --force was not given); 1 the copy's content
cannot be read (not text, a broken .docx, no text in it) or the file cannot be written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline.cli_common import QuietOption, console, example, reported_errors
from pipeline.paths import UsageError, expand_home, readable_file, standard_stream, writable_dir

OutDirOption = Annotated[Path, typer.Option("--out-dir", help="Folder of the source files (created if missing).")]
OverwriteOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing source file.")]
COPY_KINDS = ".txt, .md, .html/.htm or .docx"

IMPORT_EXAMPLES = example("publish import copy/sora.txt --slug sora-reactions",
                          "publish import saved-page.html",
                          "publish import interview.docx --out-dir drafts/")
NEW_EXAMPLES = example("publish new night-library", "publish new night-library --out-dir drafts/ --force")


def _source_folder(out_dir: Path) -> Path:
    standard_stream(str(out_dir), "--out-dir", output=True)
    out_dir = Path(expand_home(str(out_dir)))  # `--out-dir=~/drafts`: the shell left the '~'
    return writable_dir(out_dir, "source folder", option="--out-dir", example="source")


def slug_with_a_folder(slug: str, command: Callable[[str], list[str]]) -> None:
    """A `UsageError` for a slug given as a path (`publish new drafts/night-walk`, `--slug
    source/x.md`), with the command line meant: the folder goes to `--out-dir`. Before, 'did you
    mean night-walk?', and the editor who took it found the file in source/, not in drafts/."""
    import shlex

    from pipeline.importers import check_slug, slug_for

    if "/" not in slug and os.sep not in slug:
        return
    path = Path(slug)
    folder = path.parent
    stem = slug_for(path if path.suffix.lower() == ".md" else Path(f"{path.name}.md"))  # ('夜' → 'ye')
    try:
        check_slug(stem)
    except UsageError:
        return  # (the slug's own message says what a slug is)
    where = [] if folder == Path("source") else ["--out-dir", str(folder)]
    meant = "" if where else f" (did you mean '{stem}'?)"  # (source/ is where a bare slug goes: the name is all)
    raise UsageError(f"'{slug}' is not a valid slug: it is a path, and a slug names the title alone{meant}; its folder "
                     f"goes to --out-dir: {shlex.join(['publish', *command(stem), *where])} (nothing was written)")


def unread_by_a_plain_build(target: Path) -> str | None:
    """What to say when the source file just written lies in a folder below the project's
    `source/` (`--out-dir source/drafts`): a plain `publish all` reads `source/*.md` and not its
    subfolders, so the title the editor just started was never built, and nothing said so."""
    import shlex

    from pipeline.driver.sources import SOURCE_DIR

    try:
        folder, sources = target.parent.resolve(), Path(SOURCE_DIR).resolve()
    except (OSError, RuntimeError):
        return None
    if sources not in folder.parents:
        return None
    return (f"{target} is in a folder inside {SOURCE_DIR}/, and a plain 'publish all' reads only the files in "
            f"{SOURCE_DIR}/ itself: build it by name ('publish all {shlex.quote(str(target))}'), or move it into "
            f"{SOURCE_DIR}/ (--out-dir {SOURCE_DIR})")


def import_command(
    copy: Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                         help=f"The copy: {COPY_KINDS}.")],
    slug: Annotated[Optional[str], typer.Option(help="Slug of the new title (default: from the file name).")] = None,
    out_dir: OutDirOption = Path("source"),
    force: OverwriteOption = False,
    quiet: QuietOption = False,
) -> None:
    """Turn copy (plain text, a saved web page, a Word file) into source/<slug>.md.

    Infers the article, questions, answers, speakers (role, name, handle, pseudonym), notes,
    references and credit line from the copy's layout, applies house typography, and leaves
    TODO placeholders (errors in `publish check`) for what the copy does not say.
    """
    from pipeline.importers import check_slug, import_file  # imported here: other commands need none of it
    from pipeline.importers.formats import MAX_BYTES, check_kind
    from pipeline.importers.summary import summary_lines

    ui = console(quiet)
    copy = Path(expand_home(str(copy)))
    with reported_errors(ui):
        standard_stream(str(copy), "FILE")
        readable_file(copy, "copy", MAX_BYTES, COPY_KINDS)
        check_kind(copy)
        if slug is not None:
            slug_with_a_folder(slug, lambda stem: ["import", str(copy), "--slug", stem])
            check_slug(slug)
        result = import_file(copy, _source_folder(out_dir), slug=slug, force=force)
    for line in summary_lines(result):
        for part in line.split("\n"):  # (a merge or a doubt on a line of its own: `say` shows a newline as `\n`)
            ui.say(part)
    unread = unread_by_a_plain_build(result.target)
    if unread:
        ui.warn(unread)


def new_command(
    slug: Annotated[str, typer.Argument(metavar="SLUG", show_default=False,
                                        help="Slug of the new title: lower-case letters, digits, hyphens.")],
    out_dir: OutDirOption = Path("source"),
    force: OverwriteOption = False,
    quiet: QuietOption = False,
) -> None:
    """Start a new title: source/<slug>.md from a documented template.

    Every front-matter field is explained in a comment; one example question and answer show the
    body. The file checks with only its TODO placeholders as errors until you fill them in.
    """
    from pipeline.importers import check_slug, new_source

    ui = console(quiet)
    with reported_errors(ui):
        slug_with_a_folder(slug, lambda stem: ["new", stem])
        check_slug(slug)
        target = new_source(slug, _source_folder(out_dir), force=force)
    ui.say(f"wrote {target}: fill in every TODO, then run 'publish check {target}'")
    unread = unread_by_a_plain_build(target)
    if unread:
        ui.warn(unread)
