"""Local executor: N warm worker processes under a supervisor that contains every failure.

Why not ``concurrent.futures`` or ``multiprocessing.Pool``: a crashed worker breaks a
ProcessPoolExecutor for every pending task, a Pool hangs on it, and neither can stop one
task that runs too long. Here each worker has its own pipe and works its tasks in the
order sent, one at a time, so the supervisor always knows which document a dead worker
held: the oldest it has not answered.

* prefetch: while the queue is long, a worker holds a second task in its pipe, so it
  starts its next document the moment it sends a result instead of waiting for the
  supervisor to read the result and answer (on 2 cores the supervisor shares a core with
  the workers, and each wait cost a worker a scheduler turn). A held task that never
  started is put back in the queue when its worker dies or retires: it is not failed.

* time limit: a task not done by its deadline gets its worker SIGKILLed (a parser stuck
  in C code ignores anything milder); the document fails "timed out after 60 s".
* crash: a worker whose process ends while holding a task (segfault, ``os._exit``) costs
  that document "worker crashed (exit -11)".
* memory: the supervisor polls each busy worker's RSS every 0.1 s and kills it above
  ``--memory-mb`` ("out of memory (limit 1500 MB)"). RSS, not address space, is the limit
  because spaCy/numpy/glibc reserve address space they never touch; an RLIMIT_AS of warm
  address space + the ceiling is set in the worker only as a backstop against growth
  faster than the poll (it turns into MemoryError, reported the same way).
* recycling: a worker retires after ``--max-tasks-per-worker`` documents, or when a task
  left it above 3/4 of the ceiling, so slow leaks cannot pile up.

A killed or retired worker is replaced at once. Workers come from a forkserver that has
imported and warmed the pipeline (:mod:`pipeline.batch.preload`), so a replacement costs
milliseconds, not the ~1.3 s of importing spaCy and building the NER pipeline.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import selectors
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.context import BaseContext

import psutil

from pipeline.batch import faults
from pipeline.batch.worker import MB, Result, Task, WorkerConfig, out_of_memory_reason, run_task, worker_main

POLL_SECONDS = 0.1
START_TIMEOUT = 300.0  # a worker that cannot warm up in this time is broken
MAX_START_FAILURES = 3
RECYCLE_FRACTION = 0.75
PREFETCH = 2


class WorkerStartError(RuntimeError):
    """Workers die before they are ready: the installation, not a document, is broken."""


class _Worker:
    def __init__(self, ctx: BaseContext, config: WorkerConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, config), daemon=True)  # type: ignore[attr-defined]
        self.process.start()
        child.close()
        self.started = time.monotonic()
        self.ready = False
        self.tasks: deque[Task] = deque()
        """Sent and not answered, oldest first: the first is running, the rest wait in the pipe."""
        self.deadline = 0.0
        """When the running task times out; set when it starts."""
        self.retiring = False
        self.done = 0
        self._ps: psutil.Process | None = None
        self._rss, self._rss_read_at = 0, -POLL_SECONDS

    def assign(self, task: Task, timeout: float) -> bool:
        try:
            self.conn.send(task)
        except OSError:
            return False
        if not self.tasks:
            self.deadline = time.monotonic() + timeout
        self.tasks.append(task)
        return True

    @property
    def task(self) -> Task | None:
        """The task running now."""
        return self.tasks[0] if self.tasks else None

    def finish(self, timeout: float) -> None:
        """The running task answered: the next held one starts now."""
        self.tasks.popleft()
        self.deadline = time.monotonic() + timeout

    def rss(self) -> int:
        """The worker's resident memory, read at most every POLL_SECONDS: read on every
        message, /proc cost the supervisor 5% of its time (py-spy), time the workers lost."""
        now = time.monotonic()
        if now - self._rss_read_at < POLL_SECONDS:
            return self._rss
        try:
            if self._ps is None:
                self._ps = psutil.Process(self.process.pid)  # type: ignore[arg-type]
            self._rss = self._ps.memory_info().rss
        except (psutil.Error, ValueError):
            self._rss = 0
        self._rss_read_at = now
        return self._rss

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def exit_code(self) -> int | None:
        self.process.join(1)
        return self.process.exitcode


class LocalExecutor:
    """Run tasks in ``workers`` isolated processes; yield one Result per task."""

    def __init__(
        self, config: WorkerConfig, *, workers: int, timeout: float, memory_mb: int | None, max_tasks: int
    ) -> None:
        self.config = config
        self.workers = workers
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_tasks = max_tasks
        self.expected_rules_version: str | None = None

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        # Largest first: a 300-page PDF at the end would leave the other workers idle.
        self._queue = deque(sorted(tasks, key=lambda t: (-t.size, t.index)))
        self._ctx = mp_context()
        self._pool: list[_Worker] = []
        self._retired: list[_Worker] = []
        self._start_failures = 0
        # One selector for the whole run, each worker's pipe and process sentinel registered
        # once: multiprocessing's wait() and Connection.poll() build a new one on every call,
        # and with a poll per worker per turn that was most of the supervisor's CPU time.
        self._selector = selectors.DefaultSelector()
        try:
            while self._queue or any(w.task for w in self._pool):
                self._top_up()
                self._dispatch()
                yield from self._tick()
        finally:
            self._shutdown()
            self._selector.close()

    # --- one turn of the supervisor loop --------------------------------------------------

    def _top_up(self) -> None:
        busy = sum(len(w.tasks) for w in self._pool)
        while len(self._pool) < min(self.workers, len(self._queue) + busy):
            worker = _Worker(self._ctx, self.config)
            self._pool.append(worker)
            self._watch(worker)

    def _watch(self, worker: _Worker) -> None:
        """Wake the supervisor when ``worker`` sends a message or its process ends."""
        self._selector.register(worker.conn, selectors.EVENT_READ, worker)
        self._selector.register(worker.process.sentinel, selectors.EVENT_READ, worker)

    def _unwatch(self, worker: _Worker) -> None:
        for source in (worker.conn, worker.process.sentinel):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._selector.unregister(source)

    def _dispatch(self) -> None:
        for worker in self._pool:
            self._dispatch_to(worker)

    def _dispatch_to(self, worker: _Worker) -> None:
        while self._queue and self._has_room(worker):
            task = self._queue.popleft()
            if not worker.assign(task, self.timeout):
                self._queue.appendleft(task)  # the worker died; its sentinel says so next
                return

    def _has_room(self, worker: _Worker) -> bool:
        return worker.ready and not worker.retiring and len(worker.tasks) < self._depth(worker)

    def _depth(self, worker: _Worker) -> int:
        """How many tasks ``worker`` may hold: two while the queue is longer than the pool
        (at the tail a held task could wait behind a slow document while another worker
        idles), and never more than it has left before it retires."""
        depth = PREFETCH if len(self._queue) > self.workers else 1
        return min(depth, self.max_tasks - worker.done)

    def _tick(self) -> Iterator[Result]:
        ready = [key for key, _ in self._selector.select(self._wait_seconds())]
        sent = {key.data for key in ready if key.fileobj is key.data.conn}
        ended = {key.data for key in ready if key.fileobj is not key.data.conn}
        for worker in list(self._pool):
            if worker in ended:
                yield from self._read_messages(worker, drain=True)  # sent before it ended
                if worker in self._pool:
                    yield from self._lost(worker, None)
                continue
            if worker in sent:
                yield from self._read_messages(worker)
            if worker not in self._pool:
                continue
            if worker.task and time.monotonic() > worker.deadline:
                yield from self._lost(worker, f"timed out after {self.timeout:g} s")
            elif worker.task and self.memory_mb and worker.rss() > self.memory_mb * MB:
                yield from self._lost(worker, out_of_memory_reason(self.memory_mb))
            elif not worker.ready and time.monotonic() - worker.started > START_TIMEOUT:
                yield from self._lost(worker, f"worker did not start within {START_TIMEOUT:g} s")

    def _wait_seconds(self) -> float:
        deadlines = [w.deadline for w in self._pool if w.task]
        until = min(deadlines, default=time.monotonic() + POLL_SECONDS) - time.monotonic()
        return max(0.0, min(POLL_SECONDS, until))

    def _read_messages(self, worker: _Worker, drain: bool = False) -> Iterator[Result]:
        """Handle one message of ``worker`` (the selector reports the next on the next turn),
        or with ``drain`` every message still in the pipe of a worker whose process ended."""
        while True:
            try:
                if drain and not worker.conn.poll():
                    return
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                return  # the process is gone: its sentinel tells next
            if kind == "ready":
                self._on_ready(worker, value)
            elif kind == "done" and worker.tasks:
                if value.out_of_memory:
                    self._requeue_held(worker)  # the worker exits after a MemoryError
                worker.finish(self.timeout)
                worker.done += 1
                worker.retiring = worker.retiring or value.out_of_memory or self._worn_out(worker)
                retire = worker.retiring and not worker.tasks
                if retire:
                    self._retire(worker)
                elif not drain:  # a worker whose process ended gets nothing more
                    # The next task goes out before the caller writes this result: writing a
                    # document (with fsync) took 0.5-4.5 ms per document on the shared disk,
                    # time the worker sat idle while it waited for its next task.
                    self._dispatch_to(worker)
                yield value
                if retire:
                    return
            if not drain:
                return

    def _on_ready(self, worker: _Worker, rules_version: str) -> None:
        worker.ready = True
        self._start_failures = 0
        if self.expected_rules_version and rules_version != self.expected_rules_version:
            raise WorkerStartError(
                f"a worker sees rules version {rules_version}, this process {self.expected_rules_version}"
            )

    def _worn_out(self, worker: _Worker) -> bool:
        if worker.done >= self.max_tasks:
            return True
        return bool(self.memory_mb) and worker.rss() > RECYCLE_FRACTION * self.memory_mb * MB  # type: ignore[operator]

    def _retire(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        self._unwatch(worker)
        self._pool.remove(worker)
        self._retired.append(worker)
        self._retired = [w for w in self._retired if w.process.is_alive()]  # reaps the finished

    def _requeue_held(self, worker: _Worker) -> None:
        """Put the tasks ``worker`` holds but has not started back at the front of the queue."""
        while len(worker.tasks) > 1:
            self._queue.appendleft(worker.tasks.pop())

    def _lost(self, worker: _Worker, reason: str | None) -> Iterator[Result]:
        """Kill ``worker`` and fail its running task with ``reason`` (None: it died by itself)."""
        self._requeue_held(worker)
        task = worker.task
        if reason is None:
            code = worker.exit_code()
            reason = f"worker crashed (exit {code})"
        self._unwatch(worker)
        worker.kill()
        self._pool.remove(worker)
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise WorkerStartError(f"worker processes die while starting ({reason})")
        if task is not None:
            yield Result(
                task.index,
                "failed",
                round(time.monotonic() - worker.deadline + self.timeout, 3),
                stage="worker",
                reason=reason,
                out_of_memory=reason.startswith("out of memory"),
            )

    def _shutdown(self) -> None:
        for worker in self._pool:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        end = time.monotonic() + 5
        for worker in self._pool + self._retired:
            worker.process.join(max(0.0, end - time.monotonic()))
            if worker.process.is_alive():
                worker.kill()
        self._pool, self._retired = [], []


def run_in_process(tasks: Iterable[Task], config: WorkerConfig) -> Iterator[Result]:
    """``--no-isolation``: the same work in this process, one at a time, for a debugger or
    profiler. No time limit, memory ceiling or crash containment."""
    for task in sorted(tasks, key=lambda t: t.index):
        yield run_task(task, config)


# --- start method ---------------------------------------------------------------------------

_FORKSERVER_ENV: dict[str, str] | None = None


def pipeline_env() -> dict[str, str]:
    """``PIPELINE_*`` variables that change what a worker extracts (the rules folder).

    The test-only fault rules are left out: they travel in the worker config, and letting
    them force a fresh spawn would make the fault tests measure something else.
    """
    return {k: v for k, v in os.environ.items() if k.startswith("PIPELINE_") and k != faults.ENV_VAR}


def mp_context() -> BaseContext:
    """forkserver with the warm preload when it is safe, else spawn.

    Never plain fork: the main process may run threads (rich, Dask). A forkserver keeps the
    environment it started with, so it is only reused while ``PIPELINE_*`` (the rules
    folder) is unchanged; otherwise workers are spawned fresh with the current environment.
    """
    global _FORKSERVER_ENV
    # One thread per worker: the parallelism is the processes (2 cores, 2 workers).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    env = pipeline_env()
    if _FORKSERVER_ENV is None and not _forkserver_running():
        ctx.set_forkserver_preload(["pipeline.batch.preload"])
        _FORKSERVER_ENV = env
        return ctx
    if env == _FORKSERVER_ENV:
        return ctx
    return multiprocessing.get_context("spawn")


def prestart() -> None:
    """Start the warm forkserver now, in the background, while the main process sets up the
    writer, the progress bar and the executor: its ~1 s of imports and warm-up then overlap
    that work. Call it only when there is work: the server holds the caller's stdout and
    stderr until its imports finish, so a no-change rerun piped into another program would
    otherwise end ~1 s late (measured: 0.42 s without the server, 1.57 s with it)."""
    ctx = mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(Exception):  # the first worker starts it otherwise
            forkserver.ensure_running()


def stop_worker_server() -> None:
    """End the warm forkserver now, for a process about to exit: left to itself it notices
    its parent is gone and then shuts its interpreter down, which with the warm pipeline's
    heap took ~0.4 s, and until it is gone it holds the run's stdout and stderr, so a caller
    reading them through a pipe (``| tee``, a script, the benchmark) waited that long after
    the run had ended. SIGTERM ends it at once (it sets no handler); it holds nothing to save:
    its workers have already stopped."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if pid is None:
        return
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


def _forkserver_running() -> bool:
    from multiprocessing import forkserver

    return getattr(forkserver._forkserver, "_forkserver_pid", None) is not None
