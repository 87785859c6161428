"""``run_batch``: discover, plan, extract in parallel, write, sweep, tables, manifest.

Order of writes, so that a run killed at any moment (SIGKILL included) and started again
ends with exactly the outputs of an uninterrupted run: each document is written
atomically as soon as it is done and then noted in the cache journal (both on a writer
thread, in the order the documents finished, while the workers go on); stale outputs are
removed, then the tables and the cache index are written, and the manifest last. A rerun
skips what the journal says is done, and redoes everything after it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console

from pipeline.batch import faults
from pipeline.batch.cache import CacheEntry, CacheIndex, cache_key, code_version
from pipeline.batch.discovery import discover
from pipeline.batch.local import LocalExecutor, WorkerStartError, pipeline_env, prestart, run_in_process
from pipeline.batch.manifest import Entry, build_manifest, now_iso, write_manifest
from pipeline.batch.options import BatchOptions, UsageError, default_workers, validate
from pipeline.batch.outputs import (
    Sweep,
    TableSpool,
    build_tables,
    documents_dir,
    remove_temp_files,
    sweep,
    tables_fingerprint,
    write_document,
)
from pipeline.batch.plan import make_plan
from pipeline.batch.report import Reporter
from pipeline.batch.worker import Result, Task, WorkerConfig
from pipeline.export import flush_to_disk
from pipeline.rules import rules_dir, rules_version

DEFAULT_INPUT = Path("raw")


class Executor(Protocol):
    def run(self, tasks: Iterable[Task]) -> Iterator[Result]: ...


def run_batch(
    inputs: Sequence[Path],
    out: Path,
    *,
    pdf_engine: str = "pdfium",
    spacy_model: str | None = None,
    workers: int | None = None,
    timeout: float = 60.0,
    memory_mb: int = 1500,
    max_tasks_per_worker: int = 200,
    executor: str = "local",
    scheduler: str | None = None,
    prune: bool = False,
    quiet: bool = False,
    isolation: bool = True,
    table_formats: Sequence[str] = ("csv",),
    excel_safe: bool = False,
    console: Console | None = None,
) -> int:
    """Extract every document under ``inputs`` into ``out``; the exit code (0, 1 or 2)."""
    options = BatchOptions(
        pdf_engine, spacy_model, default_workers() if workers is None else workers, timeout, memory_mb,
        max_tasks_per_worker, executor, scheduler, prune, quiet, isolation, tuple(table_formats), excel_safe,
    )  # fmt: skip
    reporter = Reporter(quiet, console)
    paths = [Path(p) for p in inputs] or [DEFAULT_INPUT]
    try:
        validate(options, paths, Path(out))
        return _run(paths, Path(out), options, reporter)
    except UsageError as exc:
        reporter.errors.print(f"error: {exc}", highlight=False, markup=False)
        return 2
    except WorkerStartError as exc:
        reporter.errors.print(f"error: cannot run: {exc}", highlight=False, markup=False)
        return 2
    except KeyboardInterrupt:
        reporter.errors.print("interrupted: finished documents are kept; run again to resume")
        return 130


def _run(inputs: list[Path], out: Path, options: BatchOptions, reporter: Reporter) -> int:
    started, clock = now_iso(), time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    remove_temp_files(out)
    rules = rules_version(rules_dir())  # keyed by folder: PIPELINE_RULES may change between runs
    key, key_parts = cache_key(rules, options.pdf_engine, options.spacy_model)
    found = discover(inputs, exclude=out)
    if not found:
        reporter.warn(f"no .txt, .pdf or .docx files found in {', '.join(map(str, inputs))}")
    cache = CacheIndex.load(out)
    known = {e.doc_id: e for e in cache.entries.values()}
    local = options.executor == "local" and options.isolation
    plan = make_plan(found, cache, key, documents_dir(out), on_first_task=prestart if local else None)
    done = {e.doc_id: e for e in plan.reused}
    spool = TableSpool(out / ".cache")
    writer = DocumentWriter(out, cache, spool)
    try:
        with reporter.progress(len(plan.tasks)):
            for result in _executor(options, rules).run(plan.tasks):
                entry = plan.entries[result.index]
                _apply(entry, result)
                if result.status == "ok":
                    done[entry.doc_id] = writer.submit(entry, result, key)  # type: ignore[index]
                reporter.advance(result.status != "ok")
    except BaseException:
        writer.close(check=False)
        spool.close()
        raise
    writer.close()
    swept = _sweep(out, plan.entries, known, options.prune, reporter)
    doc_hashes = {doc_id: e.json_sha256 for doc_id, e in done.items()}
    fingerprint = tables_fingerprint(doc_hashes, code_version(), options.table_formats, options.excel_safe)
    try:
        tables, rebuilt = build_tables(
            out, doc_hashes, fingerprint, cache.tables, options.table_formats, options.excel_safe, spool
        )
    finally:
        spool.close()
    kept = [e for e in swept.kept.values() if e is not None]
    cache.save(list(done.values()) + kept, tables, key_parts)
    summary = _summary(plan.entries, swept, tables, rebuilt, time.perf_counter() - clock)
    manifest = build_manifest(
        plan.entries, rules_version=rules, code_version=code_version(), started=started,
        options={"inputs": [str(p) for p in inputs], "out": str(out), **options.as_dict()}, summary=summary,
    )  # fmt: skip
    write_manifest(out, manifest)
    failures = [(e.path, e.reason or "") for e in plan.entries if e.status == "failed"]
    reporter.summary(summary, failures)
    return 1 if failures else 0


def _executor(options: BatchOptions, rules: str) -> Executor:
    config = WorkerConfig(
        options.pdf_engine, options.spacy_model, options.memory_mb or None, pipeline_env(), faults.from_env()
    )
    if options.executor == "dask":
        from pipeline.batch.dask_executor import DaskExecutor

        dask = DaskExecutor(
            config, scheduler=options.scheduler, workers=options.workers, timeout=options.timeout,
            memory_mb=options.memory_mb or None,
        )  # fmt: skip
        dask.expected_versions = (code_version(), rules)
        return dask
    if not options.isolation:
        return _InProcess(config)
    local = LocalExecutor(
        config, workers=options.workers, timeout=options.timeout, memory_mb=options.memory_mb or None,
        max_tasks=options.max_tasks_per_worker,
    )  # fmt: skip
    local.expected_rules_version = rules
    return local


class _InProcess:
    def __init__(self, config: WorkerConfig) -> None:
        self.config = config

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        return run_in_process(tasks, self.config)


def _apply(entry: Entry, result: Result) -> None:
    entry.status, entry.seconds, entry.stage, entry.reason = (
        result.status,
        result.seconds,
        result.stage,
        result.reason,
    )
    if result.status == "ok":
        entry.doc_id, entry.sha256 = result.doc_id, result.sha256
        entry.format, entry.bytes, entry.pages = result.format, result.bytes, result.pages


class DocumentWriter:
    """Writes finished documents and notes them in the cache journal, on a thread.

    Each document is written (atomically: a temporary file renamed) and then noted, in the
    order they finished. Writing on a thread keeps the main loop reading the workers' results.
    The queue is short, so a slow disk slows the run down instead of filling memory with
    payloads.

    The documents are synced to disk together when the writer closes, not one by one: an
    fsync per document took 0.5-4.5 ms on the shared disk and could hold up the whole run.
    What a killed run needs holds without it (a document is renamed into place whole, and a
    rerun redoes one whose recorded size its file does not have); the journal is flushed, not
    synced, so per-file syncs never made a power cut lose less.
    """

    def __init__(
        self, out: Path, cache: CacheIndex, spool: TableSpool | None = None, backlog: int = 16
    ) -> None:
        self.out, self.cache, self.spool = out, cache, spool
        self._queue: queue.Queue[tuple[CacheEntry, Result] | None] = queue.Queue(maxsize=backlog)
        self._error: BaseException | None = None
        self.written = 0
        self._thread = threading.Thread(target=self._work, name="document-writer", daemon=True)
        self._thread.start()

    def submit(self, entry: Entry, result: Result, key: str) -> CacheEntry:
        """Queue one finished document; returns the cache record it will be noted with."""
        self._check()
        assert result.payload is not None and result.doc_id and result.sha256 and result.payload_sha256
        record = CacheEntry(
            entry.path, result.sha256, key, result.doc_id, result.payload_sha256, len(result.payload),
            result.format, result.bytes, result.pages,
        )  # fmt: skip
        self._queue.put((record, result))
        return record

    def close(self, check: bool = True) -> None:
        """Write what is queued, sync it to disk and stop; ``check`` raises the first write error."""
        self._queue.put(None)
        self._thread.join()
        if self.written:
            flush_to_disk(self.out)
        if check:
            self._check()

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue  # after a failed write nothing more is noted: a rerun redoes the rest
            record, result = item
            try:
                write_document(self.out, record.doc_id, result.payload)  # type: ignore[arg-type]
                self.written += 1
                self.cache.record(record)
                if self.spool is not None and result.tables is not None:
                    self.spool.add(record.doc_id, result.tables)
            except BaseException as exc:
                self._error = exc


def _sweep(
    out: Path, entries: list[Entry], known: dict[str, CacheEntry], prune: bool, reporter: Reporter
) -> Sweep:
    current = {e.doc_id for e in entries if e.status in ("ok", "skipped") and e.doc_id}
    swept = sweep(out, current, {e.path for e in entries}, known, prune)
    if swept.orphans:
        listed = ", ".join(sorted(swept.orphans)[:5]) + (" ..." if len(swept.orphans) > 5 else "")
        reporter.warn(
            f"{len(swept.orphans)} output(s) of inputs no longer found are kept ({listed}); "
            "run with --prune to remove them"
        )
    return swept


def _summary(
    entries: list[Entry], swept: Sweep, tables: dict[str, Any], rebuilt: bool, seconds: float
) -> dict[str, Any]:
    def count(status: str, reason: str | None = None) -> int:
        return sum(1 for e in entries if e.status == status and (reason is None or e.reason == reason))

    return {
        "documents": len(entries),
        "ok": count("ok"),
        "failed": count("failed"),
        "skipped": count("skipped"),
        "unchanged": count("skipped", "unchanged"),
        "duplicates": count("skipped") - count("skipped", "unchanged"),
        "removed_stale": sorted(swept.removed_stale),
        "pruned": sorted(swept.pruned),
        "kept_orphans": sorted(swept.orphans),
        "tables_rebuilt": rebuilt,
        "rows": tables.get("rows", {}),
        "seconds": round(seconds, 3),
    }
