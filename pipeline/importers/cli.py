"""The `publish import` and `publish new` commands (registered in `pipeline/cli.py`).

Exit codes: 0 written; 2 the command cannot run as given (the copy is missing or of an unknown
kind, the target exists and --force was not given, the slug is invalid); 1 the copy could not
be read (not decodable, a broken .docx).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from pipeline.errors import PublishError

_out = Console(highlight=False, markup=False)
_err = Console(stderr=True, highlight=False, markup=False)


def _fail(exc: PublishError) -> None:
    from pipeline.importers import ImportUsageError

    _err.print(f"error: {exc}", soft_wrap=True)
    raise typer.Exit(2 if isinstance(exc, ImportUsageError) else 1)


def import_command(
    copy: Annotated[Path, typer.Argument(metavar="FILE", help="The copy: .txt, .html/.htm or .docx.")],
    slug: Annotated[Optional[str], typer.Option(help="Slug of the new title (default: from the file name).")] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", help="Folder of the source files.")] = Path("source"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing source file.")] = False,
) -> None:
    """Turn copy (plain text, a saved web page, a Word file) into source/<slug>.md.

    Infers the article, questions, answers, speakers (role, name, handle, pseudonym), notes,
    references and credit line from the copy's layout, applies house typography, and leaves
    TODO placeholders (errors in `publish check`) for what the copy does not say.

    Example: publish import copy/sora.txt --slug sora-reactions
    """
    from pipeline.importers import import_file  # imported here: other commands need none of it
    from pipeline.importers.summary import summary_lines

    try:
        result = import_file(copy, out_dir, slug=slug, force=force)
    except PublishError as exc:
        _fail(exc)
        return
    for line in summary_lines(result):
        _out.print(line, soft_wrap=True)


def new_command(
    slug: Annotated[str, typer.Argument(help="Slug of the new title: lower-case letters, digits, hyphens.")],
    out_dir: Annotated[Path, typer.Option("--out-dir", help="Folder of the source files.")] = Path("source"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing source file.")] = False,
) -> None:
    """Start a new title: source/<slug>.md from a documented template.

    Every front-matter field is explained in a comment; one example question and answer show the
    body. The file checks with only its TODO placeholders as errors until you fill them in.

    Example: publish new night-library
    """
    from pipeline.importers import new_source

    try:
        target = new_source(slug, out_dir, force=force)
    except PublishError as exc:
        _fail(exc)
        return
    _out.print(f"wrote {target}: fill in every TODO, then run 'publish check {target}'", soft_wrap=True)
