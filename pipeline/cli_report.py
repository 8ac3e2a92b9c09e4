"""What a build shows while it runs and when it ends.

One title: a line per edition as it finishes (built / up to date / failed, time, files) and the
build's remarks. A catalogue: one progress display for the whole build on stderr (titles done of
total, the title each worker is on, time left) when stderr is a terminal, then one summary row
per title and every failure with its file:line:col; plain lines when not a terminal. When the
build writes the site (`publish site`, `publish all` with a base URL), its step gets a line of
the same shape as an edition's, then the addresses of the feeds.
"""

from __future__ import annotations

import dataclasses

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich import box
from rich.table import Table
from rich.text import Text

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.api import CatalogueResult, EditionResult, TitleResult
from pipeline.cli_common import Output
from pipeline.streams import visible

if TYPE_CHECKING:
    from pipeline.site.command import SiteStep

STATUS_STYLE = {"built": "green", "up to date": "cyan", "failed": "bold red"}


def edition_line(result: EditionResult) -> Text:
    files = visible(", ".join(result.outputs))  # an --out holding a newline stays on its line
    line = Text(f"{result.edition:<13} ")
    line.append(f"{result.status:<10}", style=STATUS_STYLE.get(result.status, ""))
    line.append(f" {result.seconds:6.2f}s  {files}")
    return line


class TitleProgress:
    """Listener for a build of one title: streams each edition's line and each remark."""

    def __init__(self, ui: Output, never: frozenset[str] | Callable[[], frozenset[str]] = frozenset()) -> None:
        self.ui = ui
        # editions the title can never have (W409), which the site lists it without: a note.
        # Given as a function, it is found when an edition fails, the only time it is asked:
        # finding it reads the title, which the build reads anyway (twice for every site build).
        self._never = never

    @property
    def never(self) -> frozenset[str]:
        if callable(self._never):
            self._never = self._never()
        return self._never

    def started(self, name: str, worker: str) -> None:
        pass

    def edition(self, name: str, result: EditionResult) -> None:
        # an edition the title can never have is not one that failed: the line said 'failed' over
        # a build that exited 0, as the catalogue's table did (the note below says why)
        never = result.edition in self.never and result.status == "failed"
        self.ui.say(edition_line(dataclasses.replace(result, status="not built") if never else result))
        if result.error:
            (self.ui.note if result.edition in self.never else self.ui.error)(f"{result.edition}: {result.error}")

    def log(self, name: str, message: str) -> None:
        self.ui.say(message)

    def finished(self, result: TitleResult) -> None:
        for problem in result.errors:
            self.ui.error(problem)

    def close(self) -> None:
        pass


class CatalogueProgress:
    """Listener for a build of several titles: a live display on a terminal, else nothing
    until the summary (a script reading stdout gets the table, not a stream of redraws)."""

    def __init__(self, ui: Output, total: int) -> None:
        self.ui = ui
        self.progress: Progress | None = None
        self.workers: dict[str, int] = {}
        if ui.fancy:
            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                                     console=ui.err, transient=True)
            self.task = self.progress.add_task("titles", total=total)
            self.progress.start()

    def started(self, name: str, worker: str) -> None:
        if self.progress is None:
            return
        if worker not in self.workers:
            self.workers[worker] = self.progress.add_task("", total=None, start=False)
        self.progress.update(self.workers[worker], description=f"  {worker}: {name}")

    def edition(self, name: str, result: EditionResult) -> None:
        pass

    def log(self, name: str, message: str) -> None:
        pass

    def finished(self, result: TitleResult) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)
            if result.worker in self.workers:
                self.progress.update(self.workers[result.worker], description=f"  {result.worker}: (idle)")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def step_line(name: str, status: str, seconds: float, what: str) -> Text:
    line = Text(f"{name:<13} ")
    line.append(f"{status:<10}", style=STATUS_STYLE.get(status, ""))
    line.append(f" {seconds:6.2f}s  {visible(what)}")
    return line


def print_site(ui: Output, step: SiteStep) -> None:
    """The site step: one line like an edition's, what it left out or removed, the feeds."""
    for note in step.notes:
        ui.note(note)
    site = f"{step.site_dir}/"
    if step.error:
        ui.say(step_line("site", "failed", step.seconds, site))
        ui.error(step.error)
        return
    if step.outcome is None:
        ui.say(step_line("site", "skipped", step.seconds, f"{site} ({step.skipped})"))
        return
    outcome = step.outcome
    for slug in step.left_out:
        kept = ("its page from an earlier build is kept, but it is left out of the catalogue and the feeds"
                if slug in outcome.kept else "it is not on the site")
        ui.warn(f"site: {slug} failed to build: {kept} until it builds")
    for warning in outcome.warnings:
        ui.warn(warning)
    for slug, source in outcome.unnamed:
        ui.warn(f"site: {slug} was taken off the site and out of the feeds, though {source} is still there: this "
                f"build named only some sources, and the site lists exactly the titles a build names; run "
                f"'publish site' with every source (or none, for every title in source/) to put it back")
    changed = bool(outcome.built or outcome.removed or outcome.catalogue_built)
    parts = [f"{len(outcome.built)} title page(s) built, {len(outcome.up_to_date)} up to date"]
    if outcome.removed:
        parts.append(f"{len(outcome.removed)} removed ({', '.join(outcome.removed)}: no longer in the catalogue)")
    parts.append(f"index.html and feeds {'built' if outcome.catalogue_built else 'up to date'}")
    ui.say(step_line("site", "built" if changed else "up to date", step.seconds, f"{site} ({'; '.join(parts)})"))
    show = outcome.show
    if show is not None:
        ui.say(f"podcast feed: {show.feed_url}")
        ui.say(f"OPDS catalogue: {show.url('opds.xml')}")
        ui.say(f"open {step.site_dir / 'index.html'} in a browser, or upload {site} to {show.base_url}")


def print_catalogue(ui: Output, report: CatalogueResult, out: str, site: SiteStep | None = None) -> None:
    """The summary table (stdout), each title's remarks, the site step, then every failure (stderr)."""
    if not ui.quiet:
        table = Table(box=box.SIMPLE_HEAD if ui.fancy else None, show_edge=False, pad_edge=False,
                      header_style="bold" if ui.fancy else "")
        for column, justify in (("title", "left"), ("built", "right"), ("up to date", "right"),
                                ("failed", "right"), ("time", "right")):
            # fold, never '…': a slug cut short on a narrow terminal names no title
            table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
        # a title the site lists without the editions it can never have (W409) failed nothing the
        # user can mend: its row says 0, as the summary's count of failed titles does, and the
        # site's note says which editions it is without and why
        forgiven = set(site.forgiven) if site is not None else set()
        for result in report.results:
            failed = 0 if result.name in forgiven else result.count("failed") + (1 if result.errors else 0)
            table.add_row(Text(result.slug), str(result.count("built")), str(result.count("up to date")),
                          Text(str(failed), style="bold red" if failed and ui.fancy else ""), f"{result.seconds:.1f}s")
        ui.out.print(table)
        for result in report.results:
            for message in result.log:
                ui.say(f"{result.slug}: {message}")
    if site is not None:
        print_site(ui, site)
    # a title the site lists without the editions it can never have (W409) is done: its note says why
    failed = [r for r in report.failed if site is None or r.name not in site.forgiven]
    for result in failed:
        for problem in result.errors:
            ui.error(problem)
        for edition in result.editions:
            if edition.error:
                ui.error(f"{result.name}: {edition.edition}: {edition.error}")
    done = len(report.results) - len(failed)
    summary = (f"{done} of {len(report.results)} titles done into {out} in {report.seconds:.1f}s "
               f"({report.runner})")
    if failed:
        ui.error(f"{summary}; {len(failed)} failed: {', '.join(r.name for r in failed)}")
    else:
        ui.say(summary)
