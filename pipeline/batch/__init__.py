"""Batch runner: many documents, in parallel, incrementally, and safe against bad input.

Modules, one job each: ``discovery`` (inputs -> files), ``plan`` (hash, cache decisions),
``worker`` (one document in a worker), ``local`` / ``dask_executor`` (where workers run and
how failures are contained), ``cache`` (incremental index and journal), ``outputs``
(documents, stale sweep, tables), ``manifest``, ``report`` (progress and summary), and
``runner`` (``run_batch``, the order of it all). ``faults`` is test-only.
"""

from pipeline.batch.runner import run_batch

__all__ = ["run_batch"]
