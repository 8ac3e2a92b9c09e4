"""The eighth CLI sweep: what an editor's command leaves for the next one, and commands given in
ways earlier sweeps did not try, judged on what an editor sees (the exit code, one `error: …`
line and never a traceback, the files on disk). On a title written for this file.

- `publish new --force` over an existing source drew a new `id`, so the title's next build was
  refused for owning its own editions ('has another id than when it built …'), and readers and
  podcast apps took it for another title. Now it keeps the id, as `import --force` does;
- `publish clean-cache` (and the cache's pruning) forgot which title built each output, so
  another source with the same slug then silently took that title's editions. The records are
  kept now: they are not a cache, nothing could rebuild them;
- `FORCE_COLOR=1` (set by many CI systems) made Rich take a pipe for a terminal: the audio
  build's progress bar redrew itself into the log; `FORCE_COLOR=0` forced colour on; an empty
  `NO_COLOR` turned colour off. Now one precedence (`pipeline.streams`): NO_COLOR (not empty)
  over FORCE_COLOR (0/false: off) over TERM=dumb and the terminal test; live displays and
  boxes only on a real terminal;
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest

from pipeline.build import build_editions
from pipeline.cache import Cache
from pipeline.driver.sources import peek_scalar
from pipeline.errors import PublishError
from pipeline.reader import read_text
from tests.test_build import context, doc_of, registry  # noqa: F401  (registry is a fixture)
from tests.test_cli_misuse6 import invoke

LANTERN = """---
id: "tag:harbour-news.example,2025:灯塔 #7"
slug: last-lantern
title: 最后的守灯人
language: zh-Hans
authors: [林晚]
editor: 顾舟
outlet: 海港晚报
date: 2025-11-02
description: 岛上最后一位守灯人讲灯塔熄灭前的那一夜。
rights: "© 2025 海港晚报。"
speakers:
  - id: laochen
    name: 陈守礼
    role: 守灯人
---

灯塔在岛的最北端，四十年来每晚都亮。

## 最后一夜您做了什么？

::: answer laochen
我把灯擦了一遍，像第一天那样。
:::
"""
# another title under the same slug: its own id, its own words
RIVAL = LANTERN.replace("灯塔 #7", "灯塔 #8").replace("像第一天那样", "然后下了山")


def test_new_force_over_a_source_keeps_its_id(tmp_path: Path) -> None:
    """The id is kept as written (here one YAML must quote), and only `--force` over an
    existing file keeps one: a new title still gets a fresh id."""
    (tmp_path / "source").mkdir()
    source = tmp_path / "source" / "last-lantern.md"
    source.write_text(LANTERN, encoding="utf-8")
    assert invoke(tmp_path, "new", "last-lantern", "--force", "-q").exit_code == 0
    assert "TODO" in source.read_text(encoding="utf-8")  # the template, written over the source
    kept = peek_scalar(source.read_bytes(), "id")
    assert kept is not None and kept[0] == "tag:harbour-news.example,2025:灯塔 #7"
    assert invoke(tmp_path, "new", "first-light", "-q").exit_code == 0
    fresh = peek_scalar((tmp_path / "source" / "first-light.md").read_bytes(), "id")
    assert fresh is not None and fresh[0].startswith("urn:uuid:")


def test_clearing_or_pruning_the_cache_keeps_who_built_each_output(tmp_path: Path, registry) -> None:
    ctx = dataclasses.replace(context(tmp_path), cache=Cache(tmp_path / ".cache-test"))  # `invoke`'s cache
    build_editions(doc_of(LANTERN, "last-lantern"), ["text"], ctx)
    written = (tmp_path / "out" / "last-lantern.txt").read_bytes()
    result = invoke(tmp_path, "clean-cache")  # the command, on this cache
    assert result.exit_code == 0 and "kept the record" in result.stdout, result.stdout
    assert ctx.cache.prune(0, now=4e9).removed == 0
    rival = read_text(RIVAL, "drafts/rival.md", default_slug="last-lantern").document
    with pytest.raises(PublishError, match="drafts/rival.md has the same slug"):
        build_editions(rival, ["text"], ctx, keep_going=True)
    assert (tmp_path / "out" / "last-lantern.txt").read_bytes() == written
    assert build_editions(doc_of(LANTERN, "last-lantern"), ["text"], ctx)[0].rebuilt  # the cache is empty


# -- colour: NO_COLOR, FORCE_COLOR and TERM=dumb, one precedence ------------------------------------
ANSI = re.compile(r"\x1b\[")


@pytest.mark.parametrize(("env", "coloured"), [
    ({"FORCE_COLOR": "1"}, True),  # a CI log that renders colour: off a terminal, still coloured
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, True),  # asked for by name: it beats TERM=dumb
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # an empty NO_COLOR is unset (no-color.org)
    ({"FORCE_COLOR": "0"}, False),  # 0 turns colour off; Rich took any FORCE_COLOR as 'force'
    ({"FORCE_COLOR": "false", "TERM": "xterm"}, False),
    ({}, False),  # off a terminal: plain
], ids=["force", "force-dumb", "no-color-wins", "empty-no-color", "force-0", "force-false", "plain"])
def test_colour_precedence(monkeypatch, capsys, env: dict[str, str], coloured: bool) -> None:
    from pipeline.cli_common import Output

    for name in ("FORCE_COLOR", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ui = Output()
    ui.error("灯塔 [lantern] 熄了")
    ui.say("x" * 300)
    shown = capsys.readouterr()
    assert bool(ANSI.search(shown.err)) is coloured, shown.err
    assert "灯塔 [lantern] 熄了" in shown.err and "x" * 300 in shown.out  # never cut to a width off a terminal
    assert not ui.fancy  # boxes and live displays: never off a terminal, whatever is forced


def test_forced_colour_draws_no_progress_bar_into_a_pipe(monkeypatch) -> None:
    """`FORCE_COLOR=1 publish audio | tee log`: the audio build's progress bar redrew itself into
    the log, hundreds of lines of cursor moves; now it is shown on a real terminal only."""
    from rich.console import Console

    from pipeline.audio.progress import progress

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    log = io.StringIO()
    with progress("espeak: synthesising", 3, console=Console(file=log)) as advance:
        for _ in range(3):
            advance()
    assert log.getvalue() == ""
