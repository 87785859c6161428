"""Worker side of the batch: one document in, one :class:`Result` out.

The same :func:`run_task` runs in a local worker process, on a Dask worker, or in the main
process (``--no-isolation``). A worker never writes into the output folder: it returns the
document's canonical JSON bytes and the main process writes them. So a worker that is
killed, crashes or is orphaned can never leave a file behind, and a remote Dask worker
needs no access to the output folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from pipeline.batch import faults
from pipeline.export import csv_fragments, dumps_json
from pipeline.process import Options, StageError, process_bytes, process_file

MB = 1024 * 1024
# A tiny report that walks every extraction stage once, so a worker builds its spaCy
# pipeline, register and rules caches before its first real document, not during it.
WARM_UP_TEXT = (
    b"Verslag opstartsessie Democratie in Actie\n"
    b"Utrecht, 21 februari 2019\n"
    b"Sessie 1: Samen beslissen\n"
    b"Gemeenten: Utrecht, Alphen a/d Rijn, Den Haag\n"
    b"Facilitator: Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)\n"
    b"Contact: naam[at]vng[dot]nl, 06-57593276\n"
    b'"Het werkt," zegt wethouder Jan de Vries.\n'
)


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs to know; picklable, sent once when a worker starts."""

    pdf_engine: str = "pdfium"
    spacy_model: str | None = None
    memory_mb: int | None = None
    env: dict[str, str] = field(default_factory=dict)
    """The main process's ``PIPELINE_*`` variables (rules folder etc.)."""
    faults: str | None = None
    """Test-only fault rules (see :mod:`pipeline.batch.faults`)."""

    @property
    def options(self) -> Options:
        return Options(pdf_engine=self.pdf_engine, spacy_model=self.spacy_model)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Task:
    index: int
    path: str
    """Absolute path: a worker's working folder need not be the main process's."""
    display: str
    """The path as the user gave it: recorded in the document and the manifest."""
    size: int = 0


@dataclass
class Result:
    index: int
    status: str  # "ok" | "failed"
    seconds: float
    doc_id: str | None = None
    sha256: str | None = None
    format: str | None = None
    bytes: int | None = None
    pages: int | None = None
    payload: bytes | None = None
    """The document's canonical JSON, exactly as it is written to documents/."""
    payload_sha256: str | None = None
    tables: dict[str, tuple[int, str]] | None = None
    """Every table's (row count, CSV data lines) of the document, rendered here so the
    main process only concatenates them (see :class:`pipeline.batch.outputs.TableSpool`)."""
    stage: str | None = None
    reason: str | None = None
    out_of_memory: bool = False
    versions: tuple[str, str] | None = None
    """(code, rules) versions the document was made with; set on Dask, where workers run
    their own installation and may differ from the client's."""


def out_of_memory_reason(memory_mb: int | None) -> str:
    return f"out of memory (limit {memory_mb} MB)" if memory_mb else "out of memory"


def run_task(task: Task, config: WorkerConfig) -> Result:
    """Extract one file; every failure becomes a failed Result, never an exception."""
    return _run(
        task.index, config, task.display, lambda: process_file(Path(task.path), config.options, task.display)
    )


# PDFium is not thread-safe, even across documents; a Dask worker may run several threads.
_ONE_AT_A_TIME = threading.Lock()


def run_bytes_task(index: int, data: bytes, display: str, config: WorkerConfig) -> Result:
    """The Dask task: extract content shipped from the client (workers need no shared disk)."""
    from pipeline.batch.cache import code_version
    from pipeline.rules import rules_dir, rules_version

    with _ONE_AT_A_TIME:
        _apply_env(config.env)
        result = _run(index, config, display, lambda: process_bytes(data, display, config.options))
        result.versions = (code_version(), rules_version(rules_dir()))
        return result


def _run(index: int, config: WorkerConfig, display: str, work) -> Result:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        faults.apply(config.faults, display)
        doc = work()
        payload = dumps_json(doc)
        tables = csv_fragments(doc)
    except StageError as exc:
        if isinstance(exc.__cause__, MemoryError):
            return _oom(index, config, started)
        return Result(index, "failed", _since(started), stage=exc.stage, reason=exc.reason)
    except MemoryError:
        return _oom(index, config, started)
    except Exception as exc:  # a bug outside the stages must still cost one document only
        return Result(index, "failed", _since(started), stage="export", reason=f"{type(exc).__name__}: {exc}")
    source = doc["source"]
    return Result(
        index,
        "ok",
        _since(started),
        doc_id=doc["doc_id"],
        sha256=source["sha256"],
        format=source["format"],
        bytes=source["bytes"],
        pages=source.get("pages"),
        payload=payload,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        tables=tables,
    )


def _oom(index: int, config: WorkerConfig, started: float) -> Result:
    reason = out_of_memory_reason(config.memory_mb)
    return Result(index, "failed", _since(started), stage="worker", reason=reason, out_of_memory=True)


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)


# --- the local worker process -------------------------------------------------------------


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Entry point of a local worker process: warm up, then serve tasks until told to stop."""
    # Ctrl-C goes to the whole process group; the main process decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _apply_env(config.env)
    gc.disable()  # nothing to collect while warming up (see preload)
    warm_up(config)
    gc.enable()
    # The warm pipeline (spaCy vocab, lexicons, compiled rules) lives as long as the worker:
    # out of the collector's sight, full collections stop walking it for every report.
    gc.freeze()
    _limit_address_space(config.memory_mb)
    from pipeline.rules import rules_dir, rules_version

    conn.send(("ready", rules_version(rules_dir())))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the main process is gone
        if task is None:
            return
        result = run_task(task, config)
        try:
            conn.send(("done", result))
        except OSError:
            return
        if result.out_of_memory:
            return  # the heap may be in pieces after a MemoryError: let a fresh worker go on


def warm_up(config: WorkerConfig) -> None:
    """Pay the start-up costs (imports, spaCy pipeline, register) once per worker."""
    with contextlib.suppress(Exception):
        process_bytes(WARM_UP_TEXT, "warm-up.txt", config.options)
    for module in ("pypdfium2", "docx", "pipeline.ingest.pdf_pdfium", "pipeline.ingest.docx"):
        with contextlib.suppress(Exception):
            __import__(module)


def _apply_env(env: dict[str, str]) -> None:
    for key in [k for k in os.environ if k.startswith("PIPELINE_") and k not in env]:
        del os.environ[key]
    os.environ.update(env)


def _limit_address_space(memory_mb: int | None) -> None:
    """A kernel-enforced backstop above the watchdog's RSS ceiling (see local.py).

    Address space is not memory: spaCy, numpy and glibc reserve far more than they touch,
    so the limit is the worker's warm address space *plus* the ceiling. Real use that
    grows faster than the watchdog polls then ends in MemoryError, not a swamped machine.
    """
    if not memory_mb:
        return
    try:
        import psutil

        warm = psutil.Process().memory_info().vms
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = warm + memory_mb * MB
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (a main process killed with
    SIGKILL cannot clean up; its orphans must not keep burning CPU)."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
