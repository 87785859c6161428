"""The run's options, and the checks that make a bad command line exit 2 before any work."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.batch.discovery import missing_inputs

PDF_ENGINES = ("pdfium", "pdfplumber")
EXECUTORS = ("local", "dask")


class UsageError(Exception):
    """A command line that cannot run: exit 2 with this message."""


@dataclass(frozen=True)
class BatchOptions:
    pdf_engine: str = "pdfium"
    spacy_model: str | None = None
    workers: int = 1
    timeout: float = 60.0
    memory_mb: int = 1500
    max_tasks_per_worker: int = 200
    executor: str = "local"
    scheduler: str | None = None
    prune: bool = False
    quiet: bool = False
    isolation: bool = True
    table_formats: tuple[str, ...] = ("csv",)
    excel_safe: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_workers() -> int:
    """One worker per CPU this process may run on (``taskset`` and the like respected)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def validate(options: BatchOptions, inputs: list[Path], out: Path) -> None:
    """Raise :class:`UsageError` for anything that makes the run impossible."""
    missing = missing_inputs(inputs)
    if missing:
        raise UsageError("input not found: " + ", ".join(str(p) for p in missing))
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out is not a folder: {out}")
    if options.pdf_engine not in PDF_ENGINES:
        raise UsageError(f"--pdf-engine must be one of {', '.join(PDF_ENGINES)}, not {options.pdf_engine!r}")
    if options.executor not in EXECUTORS:
        raise UsageError(f"--executor must be one of {', '.join(EXECUTORS)}, not {options.executor!r}")
    if options.workers < 1:
        raise UsageError("--workers must be at least 1")
    if options.timeout <= 0:
        raise UsageError("--timeout must be more than 0 seconds")
    if options.memory_mb < 0:
        raise UsageError("--memory-mb must be 0 (no limit) or more")
    if options.max_tasks_per_worker < 1:
        raise UsageError("--max-tasks-per-worker must be at least 1")
    if options.scheduler and options.executor != "dask":
        raise UsageError("--scheduler needs --executor dask")
    if options.executor == "dask" and importlib.util.find_spec("distributed") is None:
        raise UsageError("--executor dask needs Dask: pip install 'dia-pipeline[dask]'")
    _check_spacy_model(options.spacy_model)


def _check_spacy_model(name: str | None) -> None:
    # Checked here, cheaply, so that a typo is one clear message instead of every
    # document failing in its worker.
    if not name or Path(name).exists():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(f"spaCy model '{name}' is not installed (pip install it; nothing is downloaded)")
