"""`publish watch` and `publish clean-cache`: the two commands that live beside the build cache
rather than run a build (`watch` holds the cache while it follows one title, `clean-cache`
refuses while any build or watch does). Kept apart from `pipeline.cli` (the command line and
the build commands) by concern; registered there with one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline import renderers
from pipeline.api import settings_for_project
from pipeline.cli_build import named_titles
from pipeline.cli_common import QuietOption, console, did_you_mean, example, reported_errors
from pipeline.driver.styles import check_pages
from pipeline.paths import CACHE_ADVICE, UsageError, expand_home, writable_cache_dir

WATCH_EXAMPLES = example("publish watch", "publish watch epub pdf --source source/sora-reactions.md")
CLEAN_CACHE_EXAMPLES = example("publish clean-cache")


def watch(
    editions: Annotated[Optional[list[str]], typer.Argument(metavar="EDITIONS", show_default=False,
                                                            help="Editions to rebuild (default: epub pdf).")] = None,
    source: Annotated[Optional[list[Path]], typer.Option(
        "--source", "-s", show_default=False,
        help="The source file to follow (needed when source/ holds several).")] = None,
    out_dir: Annotated[str, typer.Option("--out", "-o", help="Output folder (a folder on this machine).")] = "output",
    quiet: QuietOption = False,
) -> None:
    """Rebuild editions whenever the source or the styles change; Ctrl-C stops."""
    from pipeline.build import STYLES_DIR, default_cache, usable_lock_dir
    from pipeline.driver.outputs import check_out_apart, check_owners, check_sources_kept, validate_out
    from pipeline.driver.styles import project_styles, style_overrides, styles_dir
    from pipeline.driver.title import prune_cache
    from pipeline.renderers.base import BuildContext
    from pipeline.watch import watch_and_build

    ui = console(quiet)
    with reported_errors(ui):
        chosen = editions or ["epub", "pdf"]
        unknown = [e for e in chosen if e not in renderers.REGISTRY]
        if unknown:
            first = unknown[0]
            if Path(first).suffix == ".md" or Path(first).is_file():
                raise UsageError(f"{first} is a file, not an edition: name the source with --source {first}")
            raise UsageError(f"unknown edition(s) {', '.join(unknown)}; choose from {', '.join(renderers.REGISTRY)}"
                             f"{did_you_mean(first, list(renderers.REGISTRY))}")
        titles = named_titles(None, source, ui)
        if len(titles) != 1:
            where = "--source names" if source else "there are"
            raise UsageError(f"watch follows one title, and {where} {len(titles)}{'' if source else ' in source/'}: "
                             f"choose one with --source FILE (run one 'publish watch' per title)")
        path = Path(titles[0].name)
        out_dir = expand_home(out_dir)
        if out_dir.partition("://")[1] and not out_dir.startswith("file://"):
            raise UsageError("watch builds into a local folder: pass --out a folder")
        cache = default_cache(Path.cwd())
        check_out_apart(out_dir, cache.root)
        writable_cache_dir(cache.root)
        usable_lock_dir()
        out_path = Path(validate_out(out_dir))
        check_sources_kept(str(out_path), [(titles[0].name, titles[0].slug)], chosen)
        check_owners(str(out_path), [(titles[0].name, titles[0].data, titles[0].slug)], chosen, str(cache.root))
        settings = settings_for_project(Path("."), editions=tuple(chosen), engine="espeak")
        check_pages(settings.style_overrides, settings.editions, settings.paper, settings.marks)
        settings = settings.resolved(ui.note)
        ctx = BuildContext(out_dir=out_path, cache=cache, styles_dir=styles_dir(settings.style_overrides, cache),
                           options=settings.options(), log=ui.say)

        def restyle() -> Path:  # a saved style is checked as at the start (a page no book has: refused)
            overrides = style_overrides(Path("."))
            check_pages(overrides, settings.editions, settings.paper, settings.marks)
            return styles_dir(overrides, cache)

        with cache.in_use():  # `publish clean-cache` refuses while it is watched
            watch_and_build(path, chosen, ctx, out=ui.say, style_dirs=[STYLES_DIR, project_styles(Path("."))],
                            restyle=restyle,
                            after_build=lambda: prune_cache(cache, settings.cache_limit, ui.say))


def clean_cache(quiet: QuietOption = False) -> None:
    """Delete the build cache (.cache/publish); the next build starts cold."""
    from pipeline.build import default_cache

    ui = console(quiet)
    with reported_errors(ui):
        cache = default_cache(Path.cwd())
        if cache.root.exists() and not cache.root.is_dir():
            raise UsageError(f"the build cache folder {cache.root} is a file, not a folder: {CACHE_ADVICE}")
        cleared = cache.clear()
    ui.say(f"removed {cleared.removed} cached file(s)" + (
        f"; kept the record of which title built each of {cleared.records} output(s), so that another title "
        f"with the same slug still cannot replace them" if cleared.records else ""))
    if cleared.kept:
        ui.warn(f"left {cleared.kept} file(s) in {cache.root} that the build cache did not write (such as "
                f"{cleared.example}): give the cache a folder of its own (PUBLISH_CACHE_DIR)")
