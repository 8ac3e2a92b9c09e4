"""The learner book's chapters shared between this process and one worker (`pdfschedule`):
every chapter laid out exactly once, by one side; the worker never handed a second task while
it has one (a busy pool would start another process); the heaviest chapter goes to the worker
as soon as it is free, and a job is made only when it is handed out."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from pipeline.renderers import pdfschedule


class OneAtATime(ThreadPoolExecutor):
    """A one-thread executor that records whether a task was handed over while another ran."""

    def __init__(self) -> None:
        super().__init__(max_workers=1)
        self.outstanding: list[Future] = []
        self.overlapped = False
        self.handed: list[str] = []

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if any(not f.done() for f in self.outstanding):
            self.overlapped = True
        self.handed.extend(a for a in args if isinstance(a, str))
        future = super().submit(fn, *args, **kwargs)
        self.outstanding.append(future)
        return future


def test_every_job_once_one_task_at_a_time_heaviest_to_the_worker() -> None:
    names = [f"c{i}" for i in range(9)]  # heaviest first
    made: list[str] = []
    here: list[str] = []

    def make(name: str):  # type: ignore[no-untyped-def]
        def job() -> str | None:
            made.append(name)
            return None if name == "c4" else f"job-{name}"  # c4: found in the cache meanwhile
        return job

    def lay_out_here(job: str) -> str:
        here.append(job)
        time.sleep(0.01)
        return job.upper()

    def lay_out_there(job: str) -> str:
        time.sleep(0.03)
        return job.upper()

    warming = threading.Event()
    with OneAtATime() as executor:
        busy = executor.submit(warming.wait, 0.05)
        results = pdfschedule.shared([(n, make(n)) for n in names], executor, busy, lay_out_here, lay_out_there)
        assert not executor.overlapped
    expected = {n: f"JOB-{n.upper()}" for n in names if n != "c4"}
    assert results == expected
    assert sorted(made) == sorted(names)  # each job made once
    there = [job for job in executor.handed]
    assert not set(there) & set(here)  # laid out by one side only
    assert sorted(there + here) == sorted(f"job-{n}" for n in names if n != "c4")
    assert there and there[0] == "job-c0"  # the worker's first job is the heaviest
    assert here and here[0] == "job-c8"  # this process starts with the lightest while the worker warms up


def test_without_a_busy_worker_the_worker_takes_the_first_job() -> None:
    with OneAtATime() as executor:
        results = pdfschedule.shared([("a", lambda: "a"), ("b", lambda: "b")], executor, None,
                                     lambda job: f"here:{job}", lambda job: f"there:{job}")
    assert results["a"] == "there:a"
    assert set(results) == {"a", "b"}
