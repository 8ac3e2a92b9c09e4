"""`publish all` and `publish site` end to end, as an editor runs them: the site is the build's
last step when a base URL is set, written over the titles that built (a broken title reported,
exit 1), its line in the same summary; with no base URL, not a word about a site; the editions
`publish all` built are the ones the site links to (up to date for `publish site`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site.sitetools import parse_feed
from tests.test_cli import publish
from tests.titles import broken, variant, write

pytestmark = pytest.mark.slow

BASE = "https://example.org/pods/"


def test_the_site_is_the_last_step_of_a_build(tmp_path: Path, shared_cache) -> None:
    """Every build in the run's shared cache (tests/conftest.py: the test title's speech, pinyin
    and fonts, made once a run; the up-to-date records are kept per output folder)."""
    shared = {"PUBLISH_CACHE_DIR": str(shared_cache.root)}
    write(tmp_path / "source", "t1.md", variant(1))
    write(tmp_path / "source", "bad.md", broken())
    (tmp_path / "publish.toml").write_text(f'[site]\nbase_url = "{BASE}"\n[podcast]\nowner_email = "p@example.org"\n',
                                           encoding="utf-8")

    result = publish("all", "--engine", "espeak", "--jobs", "2", cwd=tmp_path, timeout=900, env=shared)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    out, err = result.stdout, result.stderr
    assert re.search(r"^night-library-1\s+6\s+0\s+0\s", out, re.M), out
    assert re.search(r"^night-library-99\s+0\s+0\s+1\s", out, re.M), out
    assert re.search(r"^site\s+built\s.*output/site/ \(1 title page\(s\) built, 0 up to date", out, re.M), out
    assert f"podcast feed: {BASE}feed.xml" in out
    assert re.search(r"^error: source/bad\.md:\d+:\d+: error E201", err, re.M), err
    assert "warning: site: night-library-99 failed to build: it is not on the site until it builds" in err

    site = tmp_path / "output" / "site"
    feed = parse_feed((site / "feed.xml").read_bytes())
    assert [e.link for e in feed.entries] == [f"{BASE}night-library-1/index.html"]
    assert not (site / "night-library-99").exists()
    for name in ("night-library-1.epub", "night-library-1-learner.pdf", "night-library-1.mp3"):
        assert (site / "night-library-1" / name).read_bytes() == (tmp_path / "output" / name).read_bytes()

    # `publish site` links to the very files `publish all` wrote: every edition is up to date
    (tmp_path / "source" / "bad.md").unlink()
    again = publish("site", "--engine", "espeak", cwd=tmp_path, env=shared)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("up to date") >= 6 and not re.search(r"^\S+\s+built\s", again.stdout.replace(
        "site          built", ""), re.M), again.stdout
    quiet = publish("site", "--engine", "espeak", "-q", cwd=tmp_path, env=shared)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""

    # no base URL anywhere: not a word about a site
    (tmp_path / "publish.toml").unlink()
    plain = publish("all", "--engine", "espeak", cwd=tmp_path, env=shared)
    assert plain.returncode == 0, plain.stderr
    assert not re.search(r"site|feed|OPDS", plain.stdout + plain.stderr, re.I), plain.stdout + plain.stderr
