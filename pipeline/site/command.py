"""`publish site`: build what the site links to, then write the site and both feeds.

Kept out of `pipeline/cli.py` (which only registers it) so the command and the library it
drives change together; `publish all` calls `publish_site_for` when a base URL is known.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from pipeline.build import STYLES_DIR, Outcome, default_cache
from pipeline.config import load_config, normalise_base_url
from pipeline.errors import PublishError

if TYPE_CHECKING:
    from pipeline.site.publish import SiteOutcome

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class Engine(str, enum.Enum):
    auto = "auto"
    espeak = "espeak"
    edge = "edge"


def publish_site_for(sources: list[Path], out_dir: Path, base_url: str | None, *, engine: str = "auto",
                     force: bool = False, force_site: bool | None = None, project_dir: Path | None = None,
                     say: Callable[[str], None] = lambda message: out.print(message, markup=False),
                     on_done: Callable[[Outcome], None] = lambda outcome: None) -> SiteOutcome:
    """Build every title's editions (skipping those up to date), then the site over all of them.
    `force` rebuilds both; `force_site` (default: `force`) the site alone."""
    from pipeline.site.catalogue import expand_sources
    from pipeline.site.editions import build_titles
    from pipeline.site.publish import publish_site
    from pipeline.site.show import check_config

    project = project_dir or Path.cwd()
    config = load_config(project)
    check_config(config)
    if base_url is not None:
        try:
            base_url = normalise_base_url(base_url)
        except ValueError as exc:
            raise PublishError(f"--base-url: {exc}") from None
    if not (base_url or config.site.base_url):
        raise PublishError("the site needs the address it will be served from: pass --base-url https://… "
                           "or set base_url under [site] in publish.toml")
    paths = expand_sources(sources, project)
    cache = default_cache(project)
    built = build_titles(paths, out_dir, cache, options={"engine": engine}, force=force, on_done=on_done, log=say)
    return publish_site(built, out_dir, config, base_url, cache, STYLES_DIR,
                        force=force if force_site is None else force_site, log=say)


def after_all(sources: list[Path], out_dir: Path, base_url: str | None, engine: str, force: bool) -> None:
    """`publish all`'s last step: the site and feeds, when a base URL is given or configured
    (in publish.toml); otherwise nothing."""
    try:
        if not (base_url or load_config(Path.cwd()).site.base_url):
            return
        # `all` has just built the editions (with --force if asked): here they are up to date.
        outcome = publish_site_for(sources, out_dir, base_url, engine=engine, force=False, force_site=force)
    except PublishError as exc:
        err.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(1) from None
    report(outcome)


def report(outcome: SiteOutcome) -> None:
    show = outcome.show
    for slug in outcome.built:
        out.print(f"[green]{'site':<13}[/] {'built':<10} {outcome.site_dir}/{slug}/")
    for slug in outcome.up_to_date:
        out.print(f"[green]{'site':<13}[/] {'up to date':<10} {outcome.site_dir}/{slug}/")
    for slug in outcome.removed:
        out.print(f"[yellow]{'site':<13}[/] {'removed':<10} {outcome.site_dir}/{slug}/ (no longer in the catalogue)")
    verb = "built" if outcome.catalogue_built else "up to date"
    out.print(f"[green]{'catalogue':<13}[/] {verb:<10} {outcome.site_dir}/index.html, feed.xml, opds.xml, opds.json")
    if show:
        out.print(f"podcast feed: {show.feed_url}\nOPDS catalogue: {show.url('opds.xml')}\n"
                  f"open {outcome.site_dir / 'index.html'} in a browser, or upload {outcome.site_dir}/ to "
                  f"{show.base_url}", soft_wrap=True)


def _edition_line(outcome: Outcome) -> None:
    verb = "built" if outcome.rebuilt else "up to date"
    out.print(f"[green]{outcome.edition:<13}[/] {verb:<10} {outcome.seconds:6.2f}s  "
              f"{', '.join(str(p) for p in outcome.outputs)}")


def site(
    sources: Annotated[Optional[list[Path]], typer.Argument(
        metavar="SOURCES", help="Source files, folders or globs (default: every *.md in source/).")] = None,
    base_url: Annotated[Optional[str], typer.Option(
        "--base-url", help="Where output/site/ will be served from (default: base_url in publish.toml).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output directory; the site goes to OUT/site/.")] = Path("output"),
    engine: Annotated[Engine, typer.Option(help="TTS engine for the audio edition.")] = Engine.auto,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if nothing changed.")] = False,
) -> None:
    """The web edition and the feeds: OUT/site/ with a page per title, feed.xml (podcast) and opds.xml."""
    try:
        outcome = publish_site_for(list(sources or []), out_dir, base_url, engine=engine.value, force=force,
                                   on_done=_edition_line)
    except PublishError as exc:
        err.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(1) from None
    report(outcome)
