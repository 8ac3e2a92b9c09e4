"""The catalogue on Dask, for real: a LocalCluster of two worker processes; a separate
`dask scheduler` and `dask worker` started here on localhost; outputs written to an `s3://`
bucket served on localhost by moto's S3 server, then read back and validated; one long title
whose audio segments go to the cluster's workers.

Everything listens on 127.0.0.1 only and is stopped at the end of the module.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import api
from pipeline.driver.sources import TitleSource
from tests.conftest import ROOT
from tests.titles import broken, variant, write

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A server in its own process group, stopped (the whole group) on exit."""
    with open(log, "wb") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def wait_until(check, what: str, log: Path) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.3)
    raise AssertionError(f"{what} did not start:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def s3(tmp_path_factory) -> Iterator[dict[str, str]]:
    """moto's S3 server on localhost, with a bucket; the environment that points s3fs at it."""
    import urllib.request

    folder = tmp_path_factory.mktemp("moto")
    port = free_port()
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
           "FSSPEC_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}", "NO_PROXY": "127.0.0.1,localhost"}
    with running([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], env, folder / "moto.log"):
        wait_until(lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).status == 200,
                   "moto's S3 server", folder / "moto.log")
        import boto3

        boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], region_name="us-east-1",
                     aws_access_key_id="testing", aws_secret_access_key="testing").create_bucket(Bucket="editions")
        yield env


def s3fs_for(env: dict[str, str]):  # type: ignore[no-untyped-def]
    import s3fs

    return s3fs.S3FileSystem(key=env["AWS_ACCESS_KEY_ID"], secret=env["AWS_SECRET_ACCESS_KEY"],
                             client_kwargs={"endpoint_url": env["AWS_ENDPOINT_URL"], "region_name": "us-east-1"},
                             skip_instance_cache=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, s3) -> Iterator[str]:
    """`dask scheduler` and `dask worker` (two single-threaded processes), started here."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    env = {**s3, "PYTHONPATH": str(ROOT), "PUBLISH_CACHE_DIR": str(folder / "worker-cache")}
    scheduler = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(free_port()),
                 "--no-dashboard", "--scheduler-file", str(scheduler_file)]
    with running(scheduler, env, folder / "scheduler.log"):
        wait_until(scheduler_file.exists, "dask scheduler", folder / "scheduler.log")
        address = json.loads(scheduler_file.read_text())["address"]
        worker = [str(BIN / "dask"), "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                  "--host", "127.0.0.1", "--local-directory", str(folder / "space")]
        with running(worker, env, folder / "worker.log"):
            from distributed import Client

            with Client(address, timeout="20s") as client:
                client.wait_for_workers(2, timeout=START_SECONDS)
            yield address


def test_local_cluster_of_two_worker_processes(tmp_path: Path) -> None:
    titles = [TitleSource.from_text(f"t{n}.md", variant(n)) for n in (1, 2, 3)]
    lines: list[str] = []
    report = api.build_titles(titles, api.BuildSettings(editions=("epub",)), tmp_path / "out", jobs=2,
                              scheduler="local", cache_dir=tmp_path / "cache", log=lines.append)
    assert report.ok, report.failed
    started = next(line for line in lines if line.startswith("started a local Dask cluster"))
    assert re.search(r"of 2 worker\(s\) in [\d.]+s; dashboard http://127\.0\.0\.1:\d+/status", started), started
    assert len({r.worker for r in report.results}) == 2, [r.worker for r in report.results]
    for n in (1, 2, 3):
        with zipfile.ZipFile(tmp_path / "out" / f"night-library-{n}.epub") as epub:
            assert epub.read("mimetype") == b"application/epub+zip"
            assert any(f"第{'一二三'[n - 1]}份样稿" in epub.read(x).decode() for x in epub.namelist() if x.endswith(".xhtml"))


def test_scheduler_and_worker_write_to_s3(tmp_path: Path, s3, cluster: str) -> None:
    """The real command, against `dask scheduler` + `dask worker`, into s3://editions/daily:
    the workers get the sources' text (the client's folder is deleted before they could look),
    the broken title is reported, the others are in the bucket, whole, and a second build finds
    them up to date."""
    project = tmp_path / "project"
    for n in (1, 2):
        write(project / "source", f"t{n}.md", variant(n))
    write(project / "source", "bad.md", broken())
    env = {**s3, "PYTHONPATH": str(ROOT), "DASK_SCHEDULER_ADDRESS": cluster}
    command = [sys.executable, "-m", "pipeline.cli", "epub", "--out", "s3://editions/daily"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Dask scheduler {cluster}: 2 worker(s)" in result.stderr
    assert re.search(r"^error: source/bad\.md:\d+:\d+: error E201", result.stderr, re.M), result.stderr
    fs = s3fs_for(s3)
    names = sorted(Path(p).name for p in fs.ls("editions/daily"))
    assert names == ["night-library-1.epub", "night-library-2.epub"], names  # no .part objects either
    for n in (1, 2):
        with zipfile.ZipFile(io.BytesIO(fs.cat(f"editions/daily/night-library-{n}.epub"))) as epub:
            assert epub.testzip() is None
            assert any(f"第{'一二'[n - 1]}份样稿" in epub.read(x).decode() for x in epub.namelist() if x.endswith(".xhtml"))
    (project / "source" / "bad.md").unlink()
    again = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert re.search(r"^night-library-1\s+0\s+1\s+0\s", again.stdout, re.M), again.stdout

    pdf = subprocess.run([sys.executable, "-m", "pipeline.cli", "pdf", "source/t1.md", "--out",
                          "s3://editions/daily"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert pdf.returncode == 0, pdf.stderr
    from pdfminer.high_level import extract_text

    fs.invalidate_cache()
    text = re.sub(r"\s+", "", extract_text(io.BytesIO(fs.cat("editions/daily/night-library-1.pdf"))))
    assert "这是第一份样稿" in text


def test_one_title_sends_its_audio_segments_to_the_workers(tmp_path: Path, cluster: str) -> None:
    from distributed import Client, get_task_stream

    from pipeline.audio.master import decode_mp3

    title = TitleSource.from_text("t1.md", variant(1))
    with Client(cluster) as client, get_task_stream(client) as stream:
        report = api.build_titles([title], api.BuildSettings(editions=("audio",), engine="espeak"),
                                  tmp_path / "out", scheduler=cluster, log=lambda m: None)
        time.sleep(1)  # the scheduler's task stream reaches this client a moment later
    assert report.ok, report.results
    functions = [task["key"] for task in stream.data]
    segment_tasks = [k for k in functions if str(k).startswith("_locked_call")]
    assert len(segment_tasks) >= 24, functions[:20]  # every segment a task of its own
    workers = {task["worker"] for task in stream.data}
    assert len(workers) == 2
    samples = decode_mp3((tmp_path / "out" / "night-library-1.mp3").read_bytes())
    assert len(samples) > 22050 * 60


def test_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    write(tmp_path / "source", "t.md", variant(1))
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "epub", "--scheduler",
                             f"tcp://127.0.0.1:{free_port()}"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "cannot reach the Dask scheduler" in errors[0] and "dask scheduler" in errors[0]
