"""Which titles a build takes: files, folders and globs named on the command line (or every
`*.md` in `source/`), read once on the client into `TitleSource`s — the text travels to the
workers, never a path on the client's disk.

Two titles that would write the same output file (the same slug, or `x` beside `x-learner`)
are an error before anything is built.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from pipeline import renderers
from pipeline.paths import UsageError, address_named, is_url, not_a_local_file, read_source_file, utf8_name
from pipeline.slugs import slug_from_name
from pipeline.sourcetext import split_lines

SOURCE_DIR = "source"
SUFFIX = ".md"
_GLOB = set("*?[")


@dataclass(frozen=True)
class TitleSource:
    """One title's source as a worker receives it: the name messages show, and the bytes."""

    name: str  # the path as the user named it, for file:line:col messages
    data: bytes

    @property
    def stem(self) -> str:
        return Path(self.name).stem

    @cached_property
    def slug(self) -> str:
        """The slug the title will build under: front matter `slug:`, else the file's stem.
        Read without the full reader (cheap for thousands of titles); a front matter too broken
        to say is the reader's to report, on the worker. Read once: the collision check asks
        for it once per output name."""
        return peek_slug(self.data, slug_from_name(self.stem))

    @classmethod
    def from_path(cls, path: Path) -> TitleSource:
        return cls(name=str(path), data=read_source_file(path))

    @classmethod
    def from_text(cls, name: str, text: str) -> TitleSource:
        return cls(name=name, data=text.encode("utf-8"))


def peek_slug(data: bytes, default: str) -> str:
    found = peek_scalar(data, "slug")
    return found[0] if found else default


def peek_scalar(data: bytes, name: str) -> tuple[str, int] | None:
    """A front matter's plain value for `name` and its line (1-based in the file), read without
    the full reader; None when there is none or the front matter is too broken to say."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    lines = split_lines(text)
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None
    try:  # nodes only: no value is constructed, so a bad date or an alias bomb costs nothing here
        root = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except Exception:  # noqa: BLE001 - any YAML the reader will reject: nothing to say here
        return None
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if (isinstance(key_node, yaml.ScalarNode) and key_node.value == name
                    and isinstance(value_node, yaml.ScalarNode) and value_node.value):
                return value_node.value, value_node.start_mark.line + 2  # after the opening '---'
    return None


def _is_glob(text: str) -> bool:
    return any(c in _GLOB for c in text)


def _folder_titles(folder: Path) -> list[Path]:
    """Every `*.md` under `folder` (recursively), hidden files and folders skipped, and the
    podcast scripts this tool writes (before: after 'publish all drafts/ --out drafts/', or in
    'publish all .' with output/ inside, the next build read 'x-script.md' as a title, E101)."""
    found = []
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative) or not path.is_file() or _a_script(path):
            continue
        found.append(path)
    return found


def _a_script(path: Path) -> bool:
    """`<slug>-script.md` with the `<slug>-script.html` the script edition writes beside it."""
    markdown, html = renderers.OUTPUT_NAMES["script"]
    ending = markdown.removeprefix("{slug}")
    if not path.name.endswith(ending):
        return False
    return (path.parent / html.format(slug=path.name[: -len(ending)])).is_file()


# Names an editor gives a source that the folder's `*.md` does not read (a Windows or macOS tool's
# capitals, another Markdown suffix): with no source found, they are named, not passed over.
NEAR_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".md.txt")


def _near_misses(folder: Path, *, recursive: bool) -> str:
    """'; … holds POND.MD, x.markdown: …' when `folder` has files that look meant as sources."""
    if not folder.is_dir():
        return ""
    files = folder.rglob("*") if recursive else folder.iterdir()
    near = sorted(str(p.relative_to(folder)) for p in files
                  if p.is_file() and not p.name.startswith(".") and p.name.casefold().endswith(NEAR_SUFFIXES)
                  and not p.name.endswith(SUFFIX))
    if not near:
        return ""
    shown = ", ".join(near[:5]) + (f" and {len(near) - 5} more" if len(near) > 5 else "")
    example = Path(near[0])
    stem = example.name[: -len(next(x for x in NEAR_SUFFIXES if example.name.casefold().endswith(x)))]
    return (f"; {folder}/ holds {shown}, not read as sources (a source's name ends in '{SUFFIX}', in lower "
            f"case): rename them, e.g. {folder / example.parent / (stem.lower() + SUFFIX)}")


def _project_above(project_dir: Path, folder: Path) -> str:
    """Where the project is when publish runs in one of its folders (`cd source; publish epub`,
    `cd output; publish all`): 'no source file' alone sent the editor to make a source/ there."""
    if folder.is_dir():
        return ""
    for above in list(project_dir.resolve().parents)[:3]:
        if (above / SOURCE_DIR).is_dir():
            import shlex

            return (f"; there is no {SOURCE_DIR}/ folder here, and {above} holds one: run publish there "
                    f"(cd {shlex.quote(str(above))})")
    return ""


# How tools name a copy they make beside a file (matched on the name without '.md'; `stem` is the
# original's): a copy beside its source was read as a second title, with the first one's id.
COPY_NAMES = (
    (re.compile(r"^(?P<stem>.+?) ?[(（]\d+[)）]$"), "a file manager's or browser's duplicate"),  # x (1), x（2）
    (re.compile(r"^(?P<stem>.+?)(?: - | )copy(?: \(?\d+\)?)?$", re.IGNORECASE),
     "a file manager's duplicate"),  # x - Copy (Windows), x copy, x copy 2 (macOS)
    (re.compile(r"^copy of (?P<stem>.+)$", re.IGNORECASE), "a duplicate made by Google Drive"),
    (re.compile(r"^(?P<stem>.+?)(?: - | ?)(?:的)?副本(?: ?[(（]?\d+[)）]?)?$"), "a file manager's duplicate"),  # x - 副本
    (re.compile(r"^(?P<stem>.+?) \([^)]*conflicted copy[^)]*\)$", re.IGNORECASE),
     "a sync client's conflicted copy"),  # Dropbox, Nextcloud
    (re.compile(r"^(?P<stem>.+?)\.sync-conflict-[\w-]+$"), "a sync client's conflicted copy"),  # Syncthing
)


def _copies(paths: list[Path]) -> None:
    """A `UsageError` for a file in a folder read for titles that is named as a tool names a copy
    of another source there (`x (1).md` beside `x.md`). Why: it was built as a title of its own,
    under the copy's name and with the original's `id`, or refused as 'the same slug' with no word
    of where the second file came from. A file named on the command line is built as named."""
    present = {path.parent / path.name for path in paths}
    for path in paths:
        for pattern, what in COPY_NAMES:
            found = pattern.match(path.name[: -len(SUFFIX)])
            original = path.parent / f"{found['stem'].rstrip()}{SUFFIX}" if found else None
            if original is not None and original in present:
                raise UsageError(f"{path} is named like a copy of {original} ({what}): delete it, or move it out "
                                 f"of {path.parent}/; a title of its own needs a name of its own (nothing was built)")


def find_source_paths(arguments: Iterable[str | Path], project_dir: Path) -> list[Path]:
    """The files `arguments` name (files, folders, globs), in order, each once; with no
    arguments, every `*.md` in `<project>/source/`. A name that matches nothing is a
    `UsageError` (a typo must not silently build nothing)."""
    arguments = [str(a) for a in arguments]
    paths: list[Path] = []
    if not arguments:
        folder = project_dir / SOURCE_DIR
        # what a folder argument holds (no hidden files, no podcast script written there), one level
        paths = [p for p in _folder_titles(folder) if p.parent == folder] if folder.is_dir() else []
        _copies(paths)
        if not paths:
            raise UsageError(f"no source file: put '<slug>{SUFFIX}' files in {SOURCE_DIR}/, or name the files "
                             f"(e.g. 'publish all drafts/*.md'){_near_misses(folder, recursive=False)}"
                             f"{_project_above(project_dir, folder)}")
        return paths
    for argument in arguments:
        if not argument.strip():  # ('publish all "$FILE"' with FILE unset: Path('') is '.', every title below it)
            raise UsageError("an empty source name: name a file, a folder or a glob (for every title in "
                             "this folder, name it: '.')")
        path = Path(argument)
        if not path.exists() and is_url(argument):  # before the glob: 'https://x/*.md' is no pattern here
            raise UsageError(not_a_local_file(address_named(argument) or argument))
        if path.is_dir():
            found = _folder_titles(path)
            if not found:
                raise UsageError(f"{argument}: no '*{SUFFIX}' source files in this folder"
                                 f"{_near_misses(path, recursive=True)}")
            _copies(found)
            paths += found
        elif path.exists() or path.is_symlink() or not _is_glob(argument):
            paths.append(path)  # checked (missing, FIFO, too big …) when read
        else:
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise UsageError(f"{argument}: no file matches this pattern")
            paths += files
    unique: dict[str, Path] = {}
    for path in paths:
        utf8_name(path)
        unique.setdefault(str(path.resolve()) if path.exists() else str(path), path)
    return list(unique.values())



def read_titles(paths: Iterable[Path]) -> list[TitleSource]:
    """Each file read once (`UsageError` for one that cannot be), then checked for collisions."""
    titles = [TitleSource.from_path(path) for path in paths]
    check_collisions(titles)
    return titles


def check_collisions(titles: list[TitleSource], editions: list[str] | None = None) -> None:
    """A `UsageError` if two titles would write one output file (same slug, or one slug's
    output names the other's: `x-learner.epub` is both `x`'s learner EPUB and `x-learner`'s
    EPUB)."""
    owners: dict[str, TitleSource] = {}
    for title in titles:
        for name in renderers.output_names(title.slug, editions):
            other = owners.get(name)
            if other is not None and other is not title:
                if other.slug == title.slug:
                    raise UsageError(f"{other.name} and {title.name} have the same slug '{title.slug}': give one "
                                     f"of them another 'slug:' in its front matter (nothing was built)")
                raise UsageError(f"{other.name} (slug '{other.slug}') and {title.name} (slug '{title.slug}') would "
                                 f"both write {name}: change one slug (nothing was built)")
            owners[name] = title
