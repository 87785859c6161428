"""Batch runner: many documents, in parallel, incrementally, and safe against bad input.

Modules, one job each: ``discovery`` (inputs -> files), ``plan`` (hash, cache decisions),
``worker`` (one document in a worker), ``local`` / ``dask_executor`` (where workers run and
how failures are contained), ``cache`` (incremental index and journal), ``outputs``
(documents, stale sweep, tables), ``manifest``, ``report`` (progress and summary), and
``runner`` (``run_batch``, the order of it all). ``faults`` is test-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.batch.runner import run_batch

__all__ = ["run_batch"]


def __getattr__(name: str) -> Any:
    # Imported on first use, not with the package: a worker (and the forkserver that forks
    # workers) imports pipeline.batch.worker only, and the runner would bring the progress
    # bar, psutil and the cache with it: ~0.1 s more before the first worker is ready.
    if name == "run_batch":
        from pipeline.batch.runner import run_batch

        return run_batch
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
