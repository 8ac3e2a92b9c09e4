"""Building one title where it runs (this process, a pool worker or a Dask worker): from the
source's bytes and the build's settings to a `TitleResult`, which is plain data the client can
print. Nothing here raises for a bad title: a source error, a renderer's failure or an `OSError`
(disk full, permission lost) is recorded in the result, and the outputs of any edition that did
not finish are the previous ones, untouched.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ByteSize

from pipeline.build import Outcome, build_editions, describe_failure
from pipeline.cache import Cache
from pipeline.diagnostics import errors
from pipeline.driver.outputs import open_target
from pipeline.driver.settings import BuildSettings
from pipeline.driver.sources import TitleSource
from pipeline.driver.styles import styles_dir
from pipeline.model import Document
from pipeline.paths import expand_home
from pipeline.reader import read_data
from pipeline.renderers.base import BuildContext
from pipeline.slugs import slug_from_name


@dataclass(frozen=True)
class EditionResult:
    edition: str
    status: str  # "built", "up to date" or "failed"
    outputs: tuple[str, ...]
    seconds: float
    error: str | None = None

    @classmethod
    def of(cls, outcome: Outcome) -> EditionResult:
        return cls(outcome.edition, outcome.status, tuple(str(o) for o in outcome.outputs), outcome.seconds,
                   outcome.error)


@dataclass(frozen=True)
class TitleResult:
    """What happened to one title: per edition, and the source's errors if it had any."""

    name: str
    slug: str
    editions: tuple[EditionResult, ...] = ()
    errors: tuple[str, ...] = ()  # source errors (file:line:col) or a failure of the whole title
    log: tuple[str, ...] = ()
    seconds: float = 0.0
    worker: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and all(e.status != "failed" for e in self.editions)

    def count(self, status: str) -> int:
        return sum(1 for e in self.editions if e.status == status)


def _not_in_pinyin(doc: Document) -> str | None:
    from pipeline.furniture import read_in_pinyin, written_in_chinese

    if read_in_pinyin(doc.meta.language):
        return None
    if written_in_chinese(doc.meta.language):
        return (f"the learner editions (拼音版) set Mandarin pinyin over the characters, and the title's language "
                f"is '{doc.meta.language}', which pinyin does not spell")
    return (f"the learner editions (拼音版) set pinyin over Chinese characters, and the title's language is "
            f"'{doc.meta.language}'")


# Editions a title is not offered in, whatever the command asks: edition → why not (None: it is).
# An English title's learner EPUB and PDF were built (pinyin over nothing) by every `publish all`,
# though no page, feed or catalogue offers them.
NOT_OFFERED: dict[str, Callable[[Document], str | None]] = {"epub-learner": _not_in_pinyin, "pdf-learner": _not_in_pinyin}


def offered(doc: Document, editions: list[str]) -> tuple[list[str], dict[str, str]]:
    """`editions` split into those the title is built in and those it is not offered in (→ why)."""
    left_out = {edition: why for edition in editions if (rule := NOT_OFFERED.get(edition)) and (why := rule(doc))}
    return [edition for edition in editions if edition not in left_out], left_out


def default_cache_dir() -> Path:
    """A worker's own cache: `$PUBLISH_CACHE_DIR`, else the user's cache folder."""
    configured = expand_home(os.environ.get("PUBLISH_CACHE_DIR", "").strip())  # blank: unset, as empty
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("publish", appauthor=False))


def read_title(source: TitleSource) -> tuple[Document | None, list[str]]:
    """The title's document, or its errors as `file:line:col: …` lines."""
    result = read_data(source.data, source.name, default_slug=slug_from_name(source.stem))
    problems = [str(d) for d in errors(result.diagnostics)]
    if result.document is None and not problems:
        problems = [f"{source.name}: the source could not be read (run 'publish check {source.name}')"]
    return (None, problems) if problems else (result.document, [])


@contextlib.contextmanager
def _epoch(value: str | None) -> Iterator[None]:
    """The client's SOURCE_DATE_EPOCH in this process for the title's build."""
    if value is None:
        yield
        return
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_title(
    source: TitleSource,
    settings: BuildSettings,
    out: str,
    *,
    cache_dir: str | None = None,
    executor: Executor | None = None,
    on_edition: Callable[[EditionResult], None] | None = None,
    on_log: Callable[[str], None] | None = None,
) -> TitleResult:
    """Build `settings.editions` of one title into `out` (a folder or an fsspec URL)."""
    started = time.perf_counter()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    lines: list[str] = []

    def log(message: str) -> None:
        lines.append(message)
        if on_log is not None:
            on_log(message)

    def result(editions: list[EditionResult] = (), problems: list[str] = ()) -> TitleResult:  # type: ignore[assignment]
        return TitleResult(name=source.name, slug=slug, editions=tuple(editions), errors=tuple(problems),
                           log=tuple(lines), seconds=time.perf_counter() - started, worker=worker)

    slug = source.slug
    doc, problems = read_title(source)
    if doc is None:
        return result(problems=problems)
    slug = doc.meta.slug
    done: list[EditionResult] = []
    editions, left_out = offered(doc, list(settings.editions))
    for why, names in _grouped(left_out).items():
        log(f"{' and '.join(names)} not built: {why} (no Chinese to annotate)")

    def finished(outcome: Outcome) -> None:
        edition = EditionResult.of(outcome)
        done.append(edition)
        if on_edition is not None:
            on_edition(edition)

    try:
        cache = Cache(Path(cache_dir) if cache_dir else default_cache_dir())
        with _epoch(settings.source_date_epoch), open_target(out) as target:
            ctx = BuildContext(out_dir=target.local_dir, cache=cache,
                               styles_dir=styles_dir(settings.style_overrides, cache),
                               options=settings.options(), log=log, executor=executor)
            build_editions(doc, editions, ctx, force=settings.force, on_done=finished,
                           keep_going=True, target=target)
            _left_behind(target, slug, [*left_out, *(e for e in editions if _never(doc, e))], log)
    except Exception as exc:  # the title as a whole (its lock, its target, the passes)
        return result(done, [f"{source.name}: {describe_failure(exc)}"])
    prune_cache(cache, settings.cache_limit, log)
    return result(done)


def _never(doc: Document, edition: str) -> bool:
    """Whether `doc` can never have `edition` (the audio of a title no voice reads, W409)."""
    from pipeline.site.editions import impossible  # (it imports this module)

    return impossible(doc, edition) is not None


def _left_behind(target, slug: str, editions: list[str], log: Callable[[str], None]) -> None:
    """Say which files of `editions`, those the title is not built in (not offered, or never
    possible), an earlier build left in the output (built while its language was Chinese, or by
    a version that built them for any title): no page or catalogue lists them, and nothing said
    they were stale. They are named, not deleted: the output folder is the editor's."""
    if not editions:
        return
    from pipeline import renderers

    try:
        found = {edition: [name for name, size, *_ in target.fingerprint(renderers.output_names(slug, [edition]))
                           if size is not None] for edition in editions}
    except OSError:  # a storage that cannot be asked now: the build itself is done
        return
    names = [name for edition in editions for name in found[edition]]
    if names:
        them = "it" if len(names) == 1 else "them"
        lost = ", ".join(edition for edition in editions if found[edition])
        log(f"{', '.join(str(target.location(name)) for name in names)}: left by an earlier build; the title is not "
            f"built in {lost} any more, and no page or catalogue offers {them}: delete {them}")


def _grouped(reasons: dict[str, str]) -> dict[str, list[str]]:
    """Editions by why not, so one reason is said once."""
    grouped: dict[str, list[str]] = {}
    for edition, why in reasons.items():
        grouped.setdefault(why, []).append(edition)
    return grouped


def prune_cache(cache: Cache, limit: int | None, log: Callable[[str], None]) -> None:
    """Keep the cache under its size once a title is built (by the driver, and by `publish
    watch` after each rebuild); a cache that cannot be pruned (a read-only or vanished folder)
    costs disk space, not the build."""
    try:
        pruned = cache.prune_if_due(limit)
    except OSError as exc:
        log(f"note: the build cache {cache.root} could not be pruned ({exc.strerror or exc})")
        return
    if pruned is not None and pruned.removed:
        log(f"note: removed {pruned.removed} old cache entr{'y' if pruned.removed == 1 else 'ies'} "
            f"({ByteSize(pruned.freed).human_readable(decimal=True)}) to keep the build cache under its size")
