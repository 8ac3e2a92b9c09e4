"""`publish.toml` and the command line: defaults, overrides, and a clear message (naming the
file and the setting) for every mistake — never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import load_config, normalise_base_url
from pipeline.errors import PublishError
from pipeline.site.catalogue import title_of
from pipeline.site.show import resolve_show
from tests.conftest import TEST_TITLE
from tests.site.sitetools import built_title, document

runner = CliRunner()


def project(tmp_path: Path, toml: str | None) -> Path:
    (tmp_path / "source").mkdir()
    shutil.copy(TEST_TITLE, tmp_path / "source" / "night-library.md")
    if toml is not None:
        (tmp_path / "publish.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.site.base_url is None and config.podcast.category == "News" and config.path is None


def test_settings_are_read_and_the_base_url_normalised(tmp_path: Path) -> None:
    (tmp_path / "publish.toml").write_text('[site]\nbase_url = "https://example.org/pods"\ntitle = "书架"\n'
                                           '[podcast]\nowner_email = "a@example.org"\nexplicit = true\n',
                                           encoding="utf-8")
    config = load_config(tmp_path)
    assert config.site.base_url == "https://example.org/pods/"
    assert config.site.title == "书架" and config.podcast.explicit is True


# By hand (RFC 3986 percent-encoding of UTF-8, IDNA for the host): what feeds must carry.
@pytest.mark.parametrize("typed, wanted", [
    ("https://example.org/播客/", "https://example.org/%E6%92%AD%E5%AE%A2/"),
    ("https://example.org/my pods", "https://example.org/my%20pods/"),
    ("https://example.org/a%20b/", "https://example.org/a%20b/"),  # escapes already there are kept
    ("https://例子.中国/p", "https://xn--fsqu00a.xn--fiqs8s/p/"),
    ("HTTPS://Example.ORG:8443/Pods/", "https://example.org:8443/Pods/"),
])
def test_the_base_url_is_written_as_feeds_need_it(typed: str, wanted: str) -> None:
    assert normalise_base_url(typed) == wanted


@pytest.mark.parametrize("typed", ["https://exa mple.org/", "https://a..b/", "https://example.org:99999/",
                                   "https:///pods/"])
def test_a_base_url_without_a_valid_host_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="base URL"):
        normalise_base_url(typed)


@pytest.mark.parametrize("toml, message", [
    ('[site]\nbase_url = "example.org/pods"\n', "absolute http"),
    ('[site]\nbase_ulr = "https://example.org/"\n', "base_ulr: unknown setting"),
    ('[podcast]\nexplicit = "sometimes"\n', "explicit"),
    ('[site]\nlanguage = "Chinese (simplified)"\n', "language: .*not a BCP 47 language tag"),
    ('[site\nbase_url = 1\n', "publish.toml:1: a section's name is closed by"),
])
def test_mistakes_name_the_file_and_the_setting(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "publish.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(PublishError, match=message) as caught:
        load_config(tmp_path)
    assert "publish.toml" in str(caught.value)


def test_an_unknown_apple_category_is_refused(tmp_path: Path) -> None:
    (tmp_path / "publish.toml").write_text('[podcast]\ncategory = "News"\nsubcategory = "Gossip"\n', encoding="utf-8")
    title = title_of(built_title(tmp_path / "out", document()))
    with pytest.raises(PublishError, match="Daily News"):
        resolve_show(load_config(tmp_path), "https://example.org/", [title])


def test_the_command_line_base_url_wins_over_the_file(tmp_path: Path) -> None:
    (tmp_path / "publish.toml").write_text('[site]\nbase_url = "https://old.example.org/"\n', encoding="utf-8")
    title = title_of(built_title(tmp_path / "out", document()))
    show = resolve_show(load_config(tmp_path), "https://new.example.org/x/", [title])
    assert show.feed_url == "https://new.example.org/x/feed.xml"
    assert resolve_show(load_config(tmp_path), None, [title]).feed_url == "https://old.example.org/feed.xml"


@pytest.mark.parametrize("args, toml, message", [
    (["site"], None, "--base-url"),
    (["site", "--base-url", "ftp://example.org/"], None, "absolute http"),
    (["site", "--base-url", "https://example.org/", "nowhere.md"], None, "nowhere.md: no such file"),
    (["site", "--base-url", "https://example.org/", "drafts/*.md"], None, "no file matches"),
    (["site", "--base-url", "https://example.org/", "--out", "s3://bucket/editions"], None, "local folder"),
    (["all", "--base-url", "https://example.org/", "--out", "memory://bucket/editions"], None, "local folder"),
    (["all"], '[site]\nbase_ulr = "https://example.org/"\n', "base_ulr: unknown setting"),
    (["site"], "[site]\nbase_url = 3\n", "publish.toml"),
    (["site", "--base-url", "https://example.org/"], '[podcast]\ncategory = "Newz"\n', "not an Apple Podcasts category"),
])
def test_cli_mistakes_are_one_clear_line(tmp_path: Path, monkeypatch, args, toml, message) -> None:
    """Usage errors (exit 2), found before anything is built: the base URL, publish.toml, the
    sources, and a remote --out for the site (the site is written to a local folder)."""
    monkeypatch.chdir(project(tmp_path, toml))
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "output").exists()  # nothing built before the mistake was found


def test_two_titles_with_one_slug_are_refused_before_building(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(project(tmp_path, None))
    shutil.copy(TEST_TITLE, tmp_path / "source" / "copy.md")
    result = runner.invoke(app, ["site", "--base-url", "https://example.org/"])
    assert result.exit_code == 2 and "same slug 'night-library'" in result.output
    assert not (tmp_path / "output").exists()
