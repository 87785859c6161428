"""Dask executor: the same per-document work on a Dask distributed cluster.

Each task ships the file's bytes with it (:func:`pipeline.batch.worker.run_bytes_task`), so
workers need the package installed but no access to the input or output folders; only
this process writes the output. At most one task per worker thread is in flight, which
bounds the bytes held in memory and makes a task's start time its submit time.

Isolation here is Dask's: a worker that crashes or passes its ``--memory-limit`` is
restarted by its nanny and the task ends as KilledWorker; the time limit is enforced from
this side (the task is cancelled and the worker that runs it restarted, since a running
Python thread cannot be stopped). Run workers with ``--nthreads 1``: PDFium is not
thread-safe (the task also holds a per-process lock).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.batch.worker import Result, Task, WorkerConfig, run_bytes_task

POLL_SECONDS = 0.05


class DaskExecutor:
    def __init__(
        self,
        config: WorkerConfig,
        *,
        scheduler: str | None,
        workers: int,
        timeout: float,
        memory_mb: int | None,
    ) -> None:
        self.config = config
        self.scheduler = scheduler
        self.workers = workers
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.expected_versions: tuple[str, str] | None = None
        """(code, rules) versions of this process: a worker with others fails its documents."""

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if self.scheduler:
            client = Client(self.scheduler, timeout="30s")
        else:  # no scheduler given: a throw-away cluster on this machine
            memory = f"{self.memory_mb}MB" if self.memory_mb else "auto"
            cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, memory_limit=memory,
                dashboard_address=None,
            )  # fmt: skip
            client = Client(cluster)
        try:
            yield from self._run(client, as_completed(), sorted(tasks, key=lambda t: (-t.size, t.index)))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run(self, client: Any, done: Any, queue: list[Task]) -> Iterator[Result]:
        window = max(1, sum(client.nthreads().values()))
        running: dict[Any, tuple[Task, float]] = {}
        pending = list(reversed(queue))
        while pending or running:
            while pending and len(running) < window:
                task = pending.pop()
                future, failed = self._submit(client, task)
                if failed is not None:
                    yield failed
                else:
                    running[future] = (task, time.monotonic())
                    done.add(future)
            if done.has_ready():
                for future in done.next_batch(block=False):
                    if future in running:
                        task, started = running.pop(future)
                        yield self._check(_result(future, task, started))
            else:
                time.sleep(POLL_SECONDS)
            yield from self._expire(client, running)

    def _check(self, result: Result) -> Result:
        if self.expected_versions and result.versions and result.versions != self.expected_versions:
            (code, rules), (my_code, my_rules) = result.versions, self.expected_versions
            reason = (
                f"the Dask worker runs other pipeline code or rules (code {code}, rules {rules}; "
                f"here: code {my_code}, rules {my_rules}): install the same version on the workers"
            )
            return Result(result.index, "failed", result.seconds, stage="worker", reason=reason)
        return result

    def _submit(self, client: Any, task: Task) -> tuple[Any, Result | None]:
        try:
            data = Path(task.path).read_bytes()
        except OSError as exc:
            return None, Result(
                task.index, "failed", 0.0, stage="read", reason=f"cannot read file: {exc.strerror}"
            )
        key = f"pipeline-doc-{task.index}-{uuid.uuid4().hex[:8]}"
        future = client.submit(
            run_bytes_task, task.index, data, task.display, self.config, key=key, pure=False
        )
        return future, None

    def _expire(self, client: Any, running: dict[Any, tuple[Task, float]]) -> Iterator[Result]:
        now = time.monotonic()
        for future, (task, started) in list(running.items()):
            if now - started <= self.timeout:
                continue
            running.pop(future)
            address = None
            with contextlib.suppress(Exception):
                address = client.run_on_scheduler(_processing_on, future.key)
            future.cancel()
            if address:  # stop the stuck thread the only way there is: restart its worker
                with contextlib.suppress(Exception):
                    client.restart_workers([address], raise_for_error=False)
            yield Result(task.index, "failed", round(now - started, 3), stage="worker",
                         reason=f"timed out after {self.timeout:g} s")  # fmt: skip


def _result(future: Any, task: Task, started: float) -> Result:
    seconds = round(time.monotonic() - started, 3)
    if future.status == "finished":
        return future.result()
    try:
        exc = future.exception()
    except Exception as error:  # cancelled or lost
        exc = error
    name = type(exc).__name__
    if name == "KilledWorker":
        reason = "worker crashed (the Dask worker died or passed its memory limit: KilledWorker)"
    else:
        reason = f"{name}: {exc}"
    return Result(task.index, "failed", seconds, stage="worker", reason=reason)


def _processing_on(key: str, dask_scheduler: Any = None) -> str | None:
    """Runs on the scheduler: the address of the worker running ``key``."""
    state = dask_scheduler.tasks.get(key) if dask_scheduler is not None else None
    worker = getattr(state, "processing_on", None)
    return getattr(worker, "address", None)
