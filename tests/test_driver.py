"""The catalogue driver: which titles a build takes, collisions refused before anything is
built, one title's failure never stopping the others, the cache and output folder shared by
parallel workers, outputs on an fsspec location, and the project's own styles."""

from __future__ import annotations

import re
import threading
import zipfile
from pathlib import Path

import pytest

from pipeline import api
from pipeline.audio import select
from pipeline.audio.engine import Segment
from pipeline.cache import Cache
from pipeline.driver.outputs import RemoteTarget
from pipeline.driver.sources import TitleSource, check_collisions, find_source_paths
from pipeline.driver.title import build_title
from pipeline.paths import UsageError
from tests.titles import broken, variant, write

POSITION = re.compile(r"^\S+\.md:\d+:\d+: error E\d{3}: ")


def pdf_text(path: Path) -> str:
    """The PDF's text as pdfminer reads it (a second library, not ours), whitespace removed."""
    from pdfminer.high_level import extract_text

    return re.sub(r"\s+", "", extract_text(path))


# -- which titles ---------------------------------------------------------------------------------
def test_sources_from_files_folders_and_globs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for n, name in enumerate(["a.md", "b.md", "notes.txt"], start=1):
        write(tmp_path / "source", name, variant(n))
    write(tmp_path / "drafts" / "2024", "c.md", variant(4))
    write(tmp_path / "drafts" / ".trash", "old.md", variant(5))  # hidden: skipped
    write(tmp_path / "drafts", ".#c.md", "scratch")  # an editor's lock file: skipped
    assert [str(p) for p in find_source_paths([], Path("."))] == ["source/a.md", "source/b.md"]
    assert [str(p) for p in find_source_paths(["drafts"], Path("."))] == ["drafts/2024/c.md"]
    assert [str(p) for p in find_source_paths(["source/*.md", "source/a.md"], Path("."))] == ["source/a.md",
                                                                                               "source/b.md"]
    assert [str(p) for p in find_source_paths(["source/notes.txt"], Path("."))] == ["source/notes.txt"]
    for missing in (["nothing/*.md"], ["drafts/.trash/none.md"]):
        paths = None
        try:
            paths = find_source_paths(missing, Path("."))
            api.find_titles(missing)
        except UsageError as exc:
            assert "no file matches" in str(exc) or "no such file" in str(exc)
        else:
            raise AssertionError(f"{missing} gave {paths}")


def test_no_titles_at_all_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no source file: put '<slug>.md' files in source/"):
        find_source_paths([], tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no '\\*.md' source files in this folder"):
        find_source_paths([str(tmp_path / "empty")], tmp_path)


def test_two_titles_with_one_slug_are_refused_before_anything_is_built(tmp_path: Path) -> None:
    one = TitleSource.from_text("a.md", variant(1))
    same = TitleSource.from_text("b.md", variant(1).replace("这是第一份样稿", "另一份"))
    with pytest.raises(UsageError, match="a.md and b.md have the same slug 'night-library-1'"):
        api.build_titles([one, same], api.BuildSettings(editions=("epub",)), tmp_path / "out", jobs=1)
    assert not (tmp_path / "out").exists()
    # a slug whose outputs are another title's: x-learner.epub is x's learner EPUB and x-learner's EPUB
    learner = TitleSource.from_text("c.md", variant(1).replace("slug: night-library-1", "slug: night-library-1-learner"))
    with pytest.raises(UsageError, match="would both write night-library-1-learner.epub"):
        check_collisions([one, learner])
    check_collisions([one, TitleSource.from_text("d.md", variant(2))])


def test_the_slug_peek_survives_every_broken_source() -> None:
    """The driver reads each title's slug cheaply before building (for collisions); however
    broken the front matter (impossible dates, alias bombs, tabs …), that peek never raises."""
    from tests.conftest import ROOT

    for path in sorted((ROOT / "tests" / "fixtures" / "broken").glob("*.md")):
        slug = TitleSource.from_path(path).slug
        assert isinstance(slug, str) and slug, path


def test_slug_defaults_to_the_file_name(tmp_path: Path) -> None:
    text = re.sub(r"^slug: .*\n", "", variant(1), flags=re.M)
    assert TitleSource.from_text("drafts/morning-walk.md", text).slug == "morning-walk"
    assert TitleSource.from_text("x.md", "not even front matter").slug == "x"


# -- one build settles every title --------------------------------------------------------------
def test_engine_is_resolved_once_per_build(monkeypatch) -> None:
    probes: list[int] = []
    lines: list[str] = []

    def offline() -> str:
        probes.append(1)
        return "no network here"

    monkeypatch.setattr(select, "edge_problem", offline)
    settings = api.BuildSettings(editions=("epub", "script", "audio")).resolved(lines.append)
    assert (settings.engine, settings.engine_resolved, len(probes)) == ("espeak", True, 1)
    assert lines == ["audio: edge-tts is not reachable (no network here); using the offline eSpeak NG voices"]
    assert settings.resolved(lines.append) is settings and len(probes) == 1
    # nothing to probe for editions without a voice
    assert api.BuildSettings(editions=("epub",)).resolved(lines.append).engine == "auto" and len(probes) == 1
    # the workers' side: a resolved engine is taken as it is
    assert select.choose("edge", lines.append, probe=offline, resolved=True) == "edge" and len(probes) == 1


def test_settings_are_validated_at_the_boundary() -> None:
    from pydantic import ValidationError

    for bad in ({"editions": ("epub", "poster")}, {"editions": ("pdf-learner",), "level": 8},
                {"editions": ("epub",), "colour": True}):
        with pytest.raises(ValidationError):
            api.BuildSettings(**bad)


@pytest.mark.slow
def test_a_catalogue_builds_the_good_titles_and_reports_the_broken_one(tmp_path: Path) -> None:
    titles = [TitleSource.from_text(f"source/t{n}.md", variant(n)) for n in (1, 2, 3)]
    titles.insert(1, TitleSource.from_text("source/bad.md", broken()))
    report = api.build_titles(titles, api.BuildSettings(editions=("epub", "pdf")), tmp_path / "out", jobs=2,
                              cache_dir=tmp_path / "cache", log=lambda m: None)
    assert [r.name for r in report.results] == ["source/t1.md", "source/bad.md", "source/t2.md", "source/t3.md"]
    assert [r.ok for r in report.results] == [True, False, True, True]
    bad = report.results[1]
    assert bad.errors and all(POSITION.match(e) for e in bad.errors), bad.errors
    assert "unknown speaker id 'nobody'" in bad.errors[0]
    for n in (1, 2, 3):
        with zipfile.ZipFile(tmp_path / "out" / f"night-library-{n}.epub") as epub:
            text = "".join(epub.read(name).decode() for name in epub.namelist() if name.endswith(".xhtml"))
        assert f"这是第{'一二三'[n - 1]}份样稿" in text
        assert f"这是第{'一二三'[n - 1]}份样稿" in pdf_text(tmp_path / "out" / f"night-library-{n}.pdf")
    assert not (tmp_path / "out" / "night-library-99.epub").exists()
    assert "processes" in report.runner


@pytest.mark.slow
def test_parallel_titles_share_font_subsets_and_audio_segments(tmp_path: Path, monkeypatch) -> None:
    """Two titles that differ only in slug, built at once by two processes into one empty cache
    and one folder: both write the same font subsets, audio segments and encoded chunks at the
    same moments. Both editions come out whole, and every cache entry is readable."""
    probes: list[int] = []
    monkeypatch.setattr(select, "edge_problem", lambda: probes.append(1) or "offline in tests")
    titles = [TitleSource.from_text(f"t{n}.md", variant(n, vary=False)) for n in (1, 2)]
    lines: list[str] = []
    report = api.build_titles(titles, api.BuildSettings(editions=("pdf", "audio")), tmp_path / "out", jobs=2,
                              cache_dir=tmp_path / "cache", log=lines.append)
    assert report.ok, [r.errors or [e.error for e in r.editions] for r in report.results]
    assert len(probes) == 1 and sum("not reachable" in line for line in lines) == 1
    assert len({r.worker for r in report.results}) == 2  # really two processes
    from tests.renderers.audiotools import decode

    lengths = []
    for n in (1, 2):
        assert "灯下夜读" in pdf_text(tmp_path / "out" / f"night-library-{n}.pdf")
        samples, rate = decode(tmp_path / "out" / f"night-library-{n}.mp3")
        lengths.append(len(samples) / rate)
    assert lengths[0] == pytest.approx(lengths[1], abs=0.05) and lengths[0] > 60
    cache = tmp_path / "cache"
    assert not list(cache.rglob("*.part"))
    segments = list((cache / "audio-segments").rglob("*"))
    assert segments
    for entry in (p for p in segments if p.is_file() and p.suffix != ".sum"):  # beside each: its checksum
        Segment.from_bytes(entry.read_bytes())  # raises on a torn entry
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_two_threads_lay_out_pdfs_in_one_process(tmp_path: Path, monkeypatch) -> None:
    """A Dask worker may run two titles in threads of one process: the layouts take turns (the
    WeasyPrint patch is never installed twice at once), both PDFs come out with their own
    text, and WeasyPrint's functions are its own again afterwards."""
    from weasyprint.layout import inline

    from pipeline.renderers import cjkjustify

    original = inline.count_expandable_spaces
    inside, most = [0], [0]
    patched = cjkjustify._patched

    def counted():  # type: ignore[no-untyped-def]
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        try:
            yield from patched()
        finally:
            inside[0] -= 1

    monkeypatch.setattr(cjkjustify, "_patched", counted)
    results = {}

    def one(n: int) -> None:
        results[n] = build_title(TitleSource.from_text(f"t{n}.md", variant(n)), api.BuildSettings(editions=("pdf",)),
                                 str(tmp_path / "out"), cache_dir=str(tmp_path / "cache"))

    threads = [threading.Thread(target=one, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert all(results[n].ok for n in (1, 2)), results
    assert "这是第一份样稿" in pdf_text(tmp_path / "out" / "night-library-1.pdf")
    assert "这是第二份样稿" in pdf_text(tmp_path / "out" / "night-library-2.pdf")
    assert "这是第一份样稿" not in pdf_text(tmp_path / "out" / "night-library-2.pdf")
    assert inline.count_expandable_spaces is original
    assert most[0] == 1


# -- outputs elsewhere ----------------------------------------------------------------------------
def test_remote_outputs_are_committed_whole(tmp_path: Path) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    target = RemoteTarget("memory://editions/daily")
    try:
        fs.pipe("/editions/daily/.t.epub.0123abcd.part", b"half")  # a killed upload's leftover
        fs.pipe("/editions/daily/.other.epub.0123abcd.part", b"half")  # another title's, in flight
        target.sweep(["t.epub"])
        assert sorted(Path(p).name for p in fs.ls("/editions/daily", detail=False)) == [".other.epub.0123abcd.part"]
        (target.local_dir / "t.epub").write_bytes(b"first")
        before = target.fingerprint(["t.epub"])
        assert target.commit([target.local_dir / "t.epub"]) == ["memory://editions/daily/t.epub"]
        assert fs.cat("/editions/daily/t.epub") == b"first"
        after = target.fingerprint(["t.epub"])
        assert before[0][1] is None and after[0][1] == 5
        assert not (target.local_dir / "t.epub").exists()  # staging is emptied as it goes
        assert not [p for p in fs.ls("/editions/daily", detail=False) if p.endswith(".part") and "/.t." in p]
    finally:
        target.close()
        fs.rm("/editions", recursive=True)


def test_a_title_builds_into_an_fsspec_location(tmp_path: Path) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    title = TitleSource.from_text("t1.md", variant(1))
    settings = api.BuildSettings(editions=("epub",))
    try:
        first = build_title(title, settings, "memory://bucket/out", cache_dir=str(tmp_path / "cache"))
        assert first.ok and first.editions[0].status == "built"
        assert first.editions[0].outputs == ("memory://bucket/out/night-library-1.epub",)
        data = fs.cat("/bucket/out/night-library-1.epub")
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as epub:
            assert epub.read("mimetype") == b"application/epub+zip"
        again = build_title(title, settings, "memory://bucket/out", cache_dir=str(tmp_path / "cache"))
        assert again.editions[0].status == "up to date"
        fs.rm("/bucket/out/night-library-1.epub")
        assert build_title(title, settings, "memory://bucket/out", cache_dir=str(tmp_path / "cache")).editions[0].status == "built"
    finally:
        fs.rm("/bucket", recursive=True)


# -- the project's own styles ---------------------------------------------------------------------
def test_project_styles_override_the_shipped_file_of_the_same_name(tmp_path: Path) -> None:
    from pipeline.build import STYLES_DIR

    project = tmp_path / "project"
    title = TitleSource.from_text("t1.md", variant(1))

    def built_css(settings: api.BuildSettings) -> str:
        result = build_title(title, settings, str(project / "output"), cache_dir=str(tmp_path / "cache"))
        assert result.ok, result
        with zipfile.ZipFile(project / "output" / "night-library-1.epub") as epub:
            return "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".css"))

    shipped = (STYLES_DIR / "epub.css").read_text(encoding="utf-8")
    assert "house-style-override" not in built_css(api.settings_for_project(project, editions=("epub",)))
    write(project / "styles", "epub.css", shipped + "\n/* house-style-override */\n")
    write(project / "styles", ".#epub.css", "an editor's lock file, not a style")
    settings = api.settings_for_project(project, editions=("epub",))
    assert set(settings.style_overrides) == {"epub.css"}
    assert "house-style-override" in built_css(settings)
    assert "house-style-override" not in (STYLES_DIR / "epub.css").read_text(encoding="utf-8")


def test_cache_of_a_worker_defaults_to_its_own_folder(monkeypatch, tmp_path: Path) -> None:
    from pipeline.driver.title import default_cache_dir

    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("PUBLISH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "publish"
    assert Cache(default_cache_dir()).root == tmp_path / "xdg" / "publish"


def test_weasyprint_warnings_are_this_threads_and_worth_reading() -> None:
    """The collector around one render keeps its own thread's WeasyPrint warnings, drops the
    font-subsetting notice an editor cannot act on, and never takes another thread's."""
    import logging

    from pipeline.renderers.pdf import collected_warnings

    logger = logging.getLogger("weasyprint")
    with collected_warnings() as mine:
        logger.warning('Using fontTools instead of HarfBuzz-Subset for font "Noto Serif SC". This will be …')
        logger.warning("Ignored `text-justify: inter-character` at 3:5, unknown property.")
        other = threading.Thread(target=lambda: logger.warning("another title's warning"))
        other.start()
        other.join()
    assert mine == ["Ignored `text-justify: inter-character` at 3:5, unknown property."]


KILLED_BUILD = """
import os, signal, sys
from pipeline.driver.local import _piece_pool

if __name__ == "__main__":
    with _piece_pool(2) as pool:
        print(pool.submit(os.getpid).result(), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # a build killed while its pool is up
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_builds_workers_end_and_release_its_output(tmp_path: Path) -> None:
    """A worker outlives a SIGKILLed build unless it watches its parent; while it lives it holds
    the build's stdout, and a caller reading that to the end (subprocess.run) waits forever."""
    import os
    import subprocess
    import sys
    import time

    script = tmp_path / "killed_build.py"
    script.write_text(KILLED_BUILD, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    try:
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                              cwd=tmp_path, timeout=120)
    except subprocess.TimeoutExpired as exc:
        pid = int((exc.stdout or b"0").split()[0]) if exc.stdout else 0
        if pid:
            os.kill(pid, 9)
        pytest.fail("the killed build's output stayed open: its worker process outlived it")
    worker = int(done.stdout.split()[0])
    for _ in range(100):  # the lifeline polls; give it up to 20 s on a loaded machine
        if not _alive(worker):
            break
        time.sleep(0.2)
    assert not _alive(worker), f"worker {worker} outlived the killed build"


def test_a_folder_is_read_for_its_sources_not_for_the_scripts_built_into_it(tmp_path: Path) -> None:
    """Before: after 'publish all drafts/ --out drafts/' (or 'publish all .' over a project with
    output/ inside), the next build read the podcast script 'x-script.md' as a title: E101, exit 1.
    A '-script.md' with no '-script.html' beside it is an editor's file, and stays a source."""
    from pipeline.driver.sources import find_source_paths

    drafts = tmp_path / "drafts"
    (drafts / "output").mkdir(parents=True)
    for name in ("night.md", "night-script.md", "night-script.html", "output/night-script.md",
                 "output/night-script.html", "film-script.md"):
        (drafts / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(drafts).as_posix() for p in find_source_paths([drafts], tmp_path)] == [
        "film-script.md", "night.md"]
    # a file named on the command line is always taken
    assert find_source_paths([drafts / "night-script.md"], tmp_path) == [drafts / "night-script.md"]


@pytest.mark.parametrize("empty", ["", " "], ids=["empty", "blank"])
def test_an_empty_source_name_is_a_usage_error(tmp_path: Path, empty: str) -> None:
    """Before: 'publish all "$FILE"' with FILE unset built every title under the current folder
    (Path('') is '.')."""
    from pipeline.driver.sources import find_source_paths
    from pipeline.paths import UsageError

    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="an empty source name"):
        find_source_paths([tmp_path / "a.md", empty], tmp_path)


def test_a_titles_piece_pool_spawns_its_workers() -> None:
    """Spawned, not forked: the progress display runs a thread, and a child forked while it held
    a lock (stderr's, a logger's) would wait on it for ever. The spawn context had slipped into a
    comment, so the pool forked (Python 3.11's default on Linux). No worker starts here: the pool
    starts them only when handed work."""
    from pipeline.driver.local import _piece_pool

    with _piece_pool(2) as executor:
        assert executor._mp_context.get_start_method() == "spawn"
