"""`publish import` and `publish new`: copy as delivered → a source file an editor finishes.

Importers write *source text* only: the file they write is then read by the normal reader like
any hand-written source (before it is written, the text is read once to make sure nothing but
placeholders stands in its way). They never build editions and never construct the document
model. Pipeline: `formats` (the delivery format → blocks; web pages in `webpage`, the blocks'
form in `extracted`) → `layout` (structure, with `names`, `people`, `credit`, `house`) → `writer`
(the source text).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from string import Template

from pipeline.diagnostics import errors
from pipeline.errors import PublishError
from pipeline.frontmatter import ID_PATTERN, MAX_ID_LENGTH
from pipeline.fsutil import atomic_write
from pipeline.importers.draft import Draft
from pipeline.importers.formats import ImportUsageError, read_copy, refuse_source_copy

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "new-source.md"
_SLUG = re.compile(ID_PATTERN)
PLACEHOLDER_CODES = {f"E12{n}" for n in range(10)}


@dataclass
class Imported:
    target: Path
    text: str
    draft: Draft
    placeholders: list[str]  # the placeholder diagnostics of the written file, as text


def _suggested_slug(given: str) -> str:
    """The slug an editor most likely meant: a title typed in Chinese or with capitals and
    spaces ('老茶馆', 'Old Tea House') or a file's path ('source/tea.md') gives the slug the
    reader would make of it; else the usual example."""
    stem = Path(given).stem if given.endswith(".md") or "/" in given else given
    suggested = slug_for(Path(f"{stem}.md")) if any(char.isalnum() for char in stem) else ""  # ('!!!': no word)
    if suggested and _SLUG.fullmatch(suggested) and len(suggested) <= MAX_ID_LENGTH:
        return f"did you mean '{suggested}'?"
    return "e.g. sora-reactions"


def slug_for(path: Path) -> str:
    """A slug from a file name: pinyin for Chinese, lower case, hyphens (as the reader's)."""
    from pipeline.slugs import slug_from_name

    return slug_from_name(path.stem)


def check_slug(slug: str) -> str:
    if not _SLUG.fullmatch(slug):  # (match: `$` also matches before a final newline, `new $'x\n'`)
        raise ImportUsageError(f"'{slug}' is not a valid slug: use lower-case letters, digits and hyphens "
                               f"({_suggested_slug(slug)})")
    if len(slug) > MAX_ID_LENGTH:
        raise ImportUsageError(f"'{slug[:20]}…' is {len(slug)} characters long: a slug is at most {MAX_ID_LENGTH} "
                               f"(it names every output file)")
    return slug


def target_for(out_dir: Path, slug: str, force: bool, other: str = "another --slug") -> Path:
    target = out_dir / f"{slug}.md"
    if target.is_dir():
        raise ImportUsageError(f"{target} is a folder: choose {other} or --out-dir")
    if target.exists() and not force:
        raise ImportUsageError(f"{target} already exists: pass --force to overwrite it, or choose {other}")
    if out_dir.exists() and not out_dir.is_dir():
        raise ImportUsageError(f"{out_dir} is not a folder: choose another --out-dir")
    _check_slug_free(out_dir, target, slug, other)
    return target


def _check_slug_free(out_dir: Path, target: Path, slug: str, other: str) -> None:
    """Another source of the folder that builds under the same slug (its front matter's `slug:`,
    whatever its file name) or whose output names would meet the new one's (`x` beside
    `x-learner`) would make every later build of the folder stop: refused here, before writing."""
    from pipeline import renderers
    from pipeline.driver.sources import TitleSource
    from pipeline.paths import UsageError

    if not out_dir.is_dir():
        return
    mine = set(renderers.output_names(slug))
    for path in sorted(out_dir.glob("*.md")):
        if path == target or not path.is_file():
            continue
        try:
            title = TitleSource.from_path(path)
        except (OSError, UsageError):
            continue  # unreadable: the build will say so
        clash = sorted(mine & set(renderers.output_names(title.slug)))
        if title.slug == slug:
            raise ImportUsageError(f"{path} already builds under the slug '{slug}' (its front matter says so): "
                                   f"choose {other} (nothing was written)")
        if clash:
            raise ImportUsageError(f"{path} (slug '{title.slug}') would also write {clash[0]}: choose {other} "
                                   f"(nothing was written)")


def import_copy(copy: Path, slug: str, identifier: str | None = None) -> tuple[str, Draft]:
    """The source text for a piece of copy (nothing is written); `identifier` is the title's
    `id` (default: a new one)."""
    from pipeline.importers.layout import infer  # here: `publish pdf` imports this package for its CLI only
    from pipeline.importers.writer import write_source

    draft = infer(read_copy(copy))
    if not draft.article and not draft.chapters:
        dropped = "; ".join(draft.stats.notes[-3:])
        raise PublishError(f"{copy}: no text of an article found in the copy (only what the importer leaves out: "
                           f"{dropped})")
    return write_source(draft, slug, copy.name, identifier), draft


def import_file(copy: Path, out_dir: Path, slug: str | None = None, force: bool = False) -> Imported:
    if not copy.is_file():
        raise ImportUsageError(f"{copy}: no such file" if not copy.exists() else f"{copy} is not a file")
    refuse_source_copy(copy)
    slug = check_slug(slug) if slug else slug_for(copy)
    target = target_for(out_dir, slug, force)
    text, draft = import_copy(copy, slug, _kept_id(target))
    placeholders = _verify(text, target)
    _write(target, text)
    return Imported(target, text, draft, placeholders)


def _kept_id(target: Path) -> str | None:
    """The `id` of the source a re-import (`--force`) replaces: the same title, so the same id.
    Before, each re-import drew a new one, and readers, podcast apps and the output folder (which
    knows each edition's title by it) took the corrected copy for another title."""
    from pipeline.driver.sources import peek_scalar
    from pipeline.placeholders import TODO

    try:
        found = peek_scalar(target.read_bytes(), "id") if target.is_file() else None
    except OSError:
        return None
    return found[0] if found and TODO not in found[0] else None


def new_source(slug: str, out_dir: Path, force: bool = False) -> Path:
    """A fresh, documented source file from the template; over an existing one (`--force`) it
    keeps that title's `id`, as a re-import does (`_kept_id`): before, it drew a new one, and the
    title's next build was refused for owning its own editions under another id."""
    target = target_for(out_dir, check_slug(slug), force, other="another slug")
    from pipeline.importers.writer import _scalar

    identifier = _scalar(_kept_id(target) or f"urn:uuid:{uuid.uuid4()}")  # quoted if YAML needs it
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(id=identifier, slug=slug)
    _verify(text, target)
    _write(target, text)
    return target


def _verify(text: str, target: Path) -> list[str]:
    """Read the text as the reader will: anything but placeholder errors is a bug of ours."""
    from pipeline.reader import read_text

    result = read_text(text, str(target), default_slug=target.stem)
    problems = [d for d in errors(result.diagnostics) if d.code not in PLACEHOLDER_CODES]
    if problems:
        raise PublishError("the imported text does not read as a source (an importer bug; please report it "
                           f"with the copy): {problems[0]}")
    return [str(d) for d in result.diagnostics if d.code in PLACEHOLDER_CODES]


def _write(target: Path, text: str) -> None:
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise PublishError(f"{target}: cannot write ({exc.strerror or exc})") from None
