"""Titles built on a Dask cluster: `--scheduler tcp://host:8786` (or `DASK_SCHEDULER_ADDRESS`)
connects to a running scheduler; `--scheduler local` starts a `LocalCluster` of worker processes
on this machine.

Each title is one task; its arguments are the source's bytes, the settings and the output
location, never a path on the client's disk. Workers build with their own installed pipeline
and their own cache (`$PUBLISH_CACHE_DIR`, else the user's cache folder) and write to `--out`,
which all of them must reach (an `s3://…` bucket, or a shared folder). A build of one title
sends its audio segments to the cluster too, through the worker's client.

Threads: a Dask worker may run several tasks at once in threads, but eSpeak NG and WeasyPrint
keep per-process state. A title task therefore holds this process's title lock for its whole
build, and the segment tasks of a one-title build hold a separate per-process lock around each
call into the native libraries: several threads never drive them at once, and no task waits
for a future while holding a lock another task needs. Run workers with `--nthreads 1` and as
many `--nworkers` as cores to use every core.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from typing import Any

from pipeline.build import describe_failure
from pipeline.driver.local import Listener, failed, longest_first
from pipeline.driver.settings import BuildSettings
from pipeline.driver.sources import TitleSource
from pipeline.driver.title import TitleResult, build_title
from pipeline.errors import PublishError

CONNECT_SECONDS = 10
_TITLE_LOCK = threading.Lock()  # one title at a time per worker process
_NATIVE_LOCK = threading.Lock()  # one call into eSpeak / the encoders at a time per process


# A local cluster's workers run one long CPU-bound title at a time; Dask's housekeeping is tuned
# for many short tasks. Its statistical profiler samples every task's stack every 10 ms
# (WeasyPrint's deep stacks made that about a tenth of the build's CPU), and the event-loop
# health check (every 20 ms), system monitor (500 ms) and memory monitor (100 ms) each wake the
# worker's event loop, which takes the GIL from the building thread. Measured on 6 titles:
# these settings take the title time from 8.5 % to 4.5 % over the local pool's. The dashboard
# keeps working (coarser graphs); memory limits are checked once a second.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@contextlib.contextmanager
def connect(scheduler: str, workers: int, log: Callable[[str], None]) -> Iterator[Any]:
    """A `distributed.Client` for `scheduler` ("local": a new LocalCluster of `workers`
    single-threaded processes, closed on exit)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise PublishError("--scheduler needs Dask's distributed scheduler: run 'pip install \"dask[distributed]\"'") from None
    if scheduler == "local":
        import dask

        started = time.perf_counter()
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(cluster)
        log(f"started a local Dask cluster of {max(1, workers)} worker(s) in {time.perf_counter() - started:.1f}s; "
            f"dashboard {client.dashboard_link}")
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    check_address(scheduler)
    _answers(scheduler, CONNECT_SECONDS)
    client = _client_within(Client, scheduler, CONNECT_SECONDS)
    try:
        threads = client.nthreads()
        if not threads:
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            threads = client.nthreads()
        log(f"Dask scheduler {scheduler}: {len(threads)} worker(s); dashboard {client.dashboard_link}")
        if any(count > 1 for count in threads.values()):
            log("note: some Dask workers run several threads; each builds one title at a time, so start them "
                "with 'dask worker --nthreads 1 --nworkers N' to use every core")
        yield client
    except TimeoutError:
        raise PublishError(f"the Dask scheduler at {scheduler} has no workers: start some with "
                           f"'dask worker {scheduler} --nthreads 1'") from None
    finally:
        client.close()


SCHEMES = ("tcp", "tls", "ws", "wss", "ucx", "inproc")  # what distributed connects to


def check_address(scheduler: str, named: str = "--scheduler ") -> None:
    """A `UsageError` for what cannot be a scheduler's address, before any connection. Why:
    the dashboard's link the summary prints (`http://host:8787/status`) and a typo were
    reported as 'cannot reach the Dask scheduler', exit 1, after a wait. `named`: how the
    message names where the address was given (`DASK_SCHEDULER_ADDRESS=` when the shell set it)."""
    from pipeline.paths import UsageError

    scheme, sep, rest = scheduler.strip().partition("://")
    if not sep:
        scheme, rest = "tcp", scheduler.strip()
    example = "write tcp://HOST:8786, as 'dask scheduler' prints it, or 'local' for a cluster on this machine"
    if scheme.lower() in ("http", "https"):
        raise UsageError(f"{named}{scheduler} is a web address (the dashboard's?), not the scheduler's: {example}")
    if scheme.lower() not in SCHEMES:
        raise UsageError(f"{named}{scheduler}: unknown kind of address '{scheme}://': {example}")
    host, _sep, port = rest.rstrip("/").rpartition(":")
    if scheme.lower() != "inproc" and (not host.strip("[]") or not port.isdigit() or " " in rest):
        raise UsageError(f"{named}{scheduler} is not an address with a host and a port: {example}")


def _unreachable(scheduler: str, why: str) -> PublishError:
    return PublishError(f"cannot reach the Dask scheduler at {scheduler} ({why}): start one with 'dask scheduler' "
                        f"and workers with 'dask worker {scheduler} --nthreads 1', or leave out --scheduler to "
                        f"build on this machine")


def _answers(scheduler: str, seconds: float) -> None:
    """A `PublishError` at once when nothing listens at a tcp:// address (refused, no such host).
    Why: distributed retries a refused connection until its timeout, so a scheduler that was not
    started, or a typo in the host, kept the build waiting 10 s for 'Timed out trying to connect'."""
    import socket

    scheme, sep, rest = scheduler.strip().partition("://")
    if sep and scheme.lower() != "tcp":
        return  # (tls, ws, ucx …: left to distributed)
    host, _sep, port = (rest if sep else scheme).rstrip("/").rpartition(":")
    host = host.strip("[]")
    try:
        socket.create_connection((host, int(port)), timeout=seconds).close()
    except ConnectionRefusedError:
        raise _unreachable(scheduler, f"nothing listens on port {port} of {host}: connection refused") from None
    except socket.gaierror:
        raise _unreachable(scheduler, f"no host named {host} is known here: check its spelling") from None
    except (OSError, ValueError):
        return  # (a timeout, a network error: distributed's attempt says it, in its own time)


def _client_within(client_class: Any, scheduler: str, seconds: float) -> Any:
    """A client connected to `scheduler`, or a `PublishError` within about twice `seconds`.
    Why: distributed's own timeout covers the connection, not the handshake after it, so an
    address where something else listens (a web server, the dashboard's port, a proxy) kept the
    build waiting for as long as that server kept the connection open, and one that answered
    with other bytes ended in a MemoryError (it read them as a message's length)."""
    outcome: dict[str, Any] = {}

    def attempt() -> None:
        try:
            outcome["client"] = client_class(scheduler, timeout=f"{seconds}s")
        except BaseException as exc:  # noqa: BLE001 - reported below, in the calling thread
            outcome["error"] = exc

    thread = threading.Thread(target=attempt, name="publish-dask-connect", daemon=True)
    thread.start()
    thread.join(seconds * 2 + 1)
    if thread.is_alive():
        raise _unreachable(scheduler, f"something answers there, but not as a Dask scheduler: no reply in "
                                      f"{seconds * 2 + 1:.0f} s; is it the scheduler's port (8786), not the "
                                      f"dashboard's (8787)?")
    error = outcome.get("error")
    if isinstance(error, (OSError, TimeoutError)):
        raise _unreachable(scheduler, str(error)) from None
    if error is not None:
        raise _unreachable(scheduler, f"something answers there, but not as a Dask scheduler "
                                      f"({type(error).__name__}): is it the scheduler's port (8786)?") from None
    return outcome["client"]


class _NativeCalls(Executor):
    """A Dask client's executor whose tasks take the worker process's native-library lock."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        return self.inner.submit(_locked_call, fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait=wait)


def _locked_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with _NATIVE_LOCK:
        return fn(*args, **kwargs)


def title_task(title: TitleSource, settings: BuildSettings, out: str, cache_dir: str | None,
               fan_out: bool) -> TitleResult:
    """One title on a Dask worker (a top-level function, so workers import it by name)."""
    with _TITLE_LOCK:
        if not fan_out:
            return build_title(title, settings, out, cache_dir=cache_dir)
        from distributed import worker_client

        with worker_client() as client:  # secedes: this thread waits without holding a slot
            return build_title(title, settings, out, cache_dir=cache_dir,
                               executor=_NativeCalls(client.get_executor(pure=False)))


def run_dask(client: Any, titles: Sequence[TitleSource], settings: BuildSettings, out: str,
             cache_dir: str | None, listener: Listener) -> Iterator[TitleResult]:
    """Every title as a task, yielded as each finishes."""
    from distributed import as_completed

    fan_out = len(titles) == 1 and settings.fans_out()
    keys: dict[str, TitleSource] = {}
    futures = {}
    for title in longest_first(titles):
        key = f"publish-{title.slug}-{uuid.uuid4().hex[:8]}"
        keys[key] = title
        futures[client.submit(title_task, title, settings, out, cache_dir, fan_out, key=key, pure=False)] = title
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_processing, args=(client, keys, listener, stop), daemon=True,
                               name="publish-dask-progress")
    watcher.start()
    try:
        for future in as_completed(futures):
            title = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # KilledWorker, a lost connection, a pickling problem
                yield failed(title, f"the Dask task failed: {describe_failure(exc)}")
    finally:
        stop.set()
        watcher.join(timeout=5)
        for future in futures:
            future.cancel()


def _watch_processing(client: Any, keys: dict[str, TitleSource], listener: Listener, stop: threading.Event) -> None:
    """Tell the listener which title each worker is on (from the scheduler, twice a second)."""
    seen: set[str] = set()
    while not stop.wait(0.5):
        try:
            processing = client.processing()
        except Exception:  # noqa: BLE001 - progress is best effort; the results still arrive
            continue
        for worker, running in processing.items():
            for key in running:
                name = str(key)
                if name in keys and name not in seen:
                    seen.add(name)
                    listener.started(keys[name].name, str(worker))
