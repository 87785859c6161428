"""The output folder: document files, the sweep of stale ones, and the tables.

Only the main process writes here, each file atomically (``pipeline.export``). After a
run, documents/ holds exactly the outputs of the current inputs that were extracted or
skipped, plus - without ``--prune`` - outputs of inputs that are no longer there (kept,
with a warning). An output whose input is still there but now has other content, or now
fails, is stale and removed: documents/ never shows a result the manifest does not.
The tables are rebuilt from the documents of the current inputs (the manifest's ok and
skipped entries), sorted by doc_id; kept orphans are not in them.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pipeline import SCHEMA_VERSION
from pipeline.batch.cache import CacheEntry
from pipeline.export import atomic_write_bytes, atomic_writers, csv_fragments, csv_header, write_table_files
from pipeline.tables import TABLE_COLUMNS, collect_rows


def documents_dir(out: Path) -> Path:
    return out / "documents"


def remove_temp_files(out: Path) -> None:
    """Temporary files of a run killed mid-write (``.name.XXXX.tmp``) are never outputs."""
    for folder in (out, out / "documents", out / "tables", out / ".cache"):
        for path in folder.glob(".*.tmp"):
            path.unlink(missing_ok=True)


def write_document(out: Path, doc_id: str, payload: bytes) -> None:
    """One document's JSON, atomically but not yet synced to disk: the run flushes them all
    at once (:func:`pipeline.export.flush_to_disk`) before the index that records them."""
    atomic_write_bytes(documents_dir(out) / f"{doc_id}.json", payload, durable=False)


def document_files(out: Path) -> dict[str, Path]:
    folder = documents_dir(out)
    return {p.stem: p for p in sorted(folder.glob("*.json")) if not p.name.startswith(".")}


@dataclass
class Sweep:
    removed_stale: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    """Outputs of inputs no longer found, kept (no --prune)."""
    kept: dict[str, CacheEntry | None] = field(default_factory=dict)
    """doc_id -> what the cache knew of each kept orphan."""


def sweep(out: Path, current: set[str], inputs: set[str], known: dict[str, CacheEntry], prune: bool) -> Sweep:
    """Remove outputs that are not current: stale ones always, orphans with ``prune``.

    ``current``: doc_ids of this run's ok and skipped documents; ``inputs``: display paths
    of every input found; ``known``: doc_id -> cache entry of outputs from earlier runs.
    """
    result = Sweep()
    for doc_id, path in document_files(out).items():
        if doc_id in current:
            continue
        entry = known.get(doc_id)
        source = entry.path if entry else _source_path(path)
        if source is None or source in inputs:
            path.unlink(missing_ok=True)
            result.removed_stale.append(doc_id)
        elif prune:
            path.unlink(missing_ok=True)
            result.pruned.append(doc_id)
        else:
            result.orphans.append(source)
            result.kept[doc_id] = entry
    return result


def _source_path(path: Path) -> str | None:
    """The input an output came from, read from the output itself (no cache entry)."""
    try:
        return str(json.loads(path.read_bytes())["source"]["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # not a document this pipeline wrote: unusable, so not kept


# --- tables -----------------------------------------------------------------------------------


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def tables_fingerprint(
    doc_hashes: dict[str, str], code_version: str, formats: Sequence[str], excel: bool
) -> str:
    """What the tables are a function of: every document's bytes, the code and the formats."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION} {code_version} {sorted(formats)} {excel}\n".encode())
    for doc_id in sorted(doc_hashes):
        digest.update(f"{doc_id} {doc_hashes[doc_id]}\n".encode())
    return digest.hexdigest()


class TableSpool:
    """The CSV lines of every document finished in this run, kept until the tables are built.

    Workers render each document's table rows (:func:`pipeline.export.csv_fragments`);
    building the tables is then a concatenation in doc_id order instead of re-reading and
    re-rendering every document at the end of the run, which took 2.2 s per 1,000 reports
    on one core while the workers sat idle (profiled). The lines wait in an anonymous
    temporary file, not in memory, so a batch of any size costs the same memory.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._file: BinaryIO | None = None
        self._end = 0
        self._where: dict[str, dict[str, tuple[int, int, int]]] = {}
        self._map: mmap.mmap | None = None

    def add(self, doc_id: str, fragments: dict[str, tuple[int, str]]) -> None:
        if self._file is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Anonymous: gone when closed, and never left behind by a killed run.
            self._file = tempfile.TemporaryFile(dir=self.folder)  # noqa: SIM115 - closed by close()
        where, chunks = {}, []
        for name, (count, text) in fragments.items():
            data = text.encode("utf-8")
            where[name] = (self._end, len(data), count)
            self._end += len(data)
            chunks.append(data)
        self._file.seek(0, os.SEEK_END)
        self._file.write(b"".join(chunks))
        self._where[doc_id] = where

    def get(self, doc_id: str) -> dict[str, tuple[int, bytes]] | None:
        where = self._where.get(doc_id)
        if where is None or self._file is None:
            return None
        view = self._view()
        return {name: (count, view[at : at + length]) for name, (at, length, count) in where.items()}

    def _view(self) -> mmap.mmap:
        """The file mapped into memory: a slice per fragment instead of a seek and a read
        (two system calls for each of a dozen tables of every document)."""
        assert self._file is not None
        if self._map is None or len(self._map) < self._end:
            if self._map is not None:
                self._map.close()
            self._file.flush()
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        return self._map

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
        if self._file is not None:
            self._file.close()
            self._file = None
        self._where.clear()


def build_tables(
    out: Path,
    doc_ids: Iterable[str],
    fingerprint: str,
    previous: dict[str, Any],
    formats: Sequence[str] = ("csv",),
    excel: bool = False,
    spool: TableSpool | None = None,
) -> tuple[dict[str, Any], bool]:
    """Write the tables of ``doc_ids`` unless the same documents made the same files before.

    CSV always; Parquet and the Excel-safe CSV when asked, from the same rows. Returns the
    record kept in the cache index (fingerprint, file hashes, row counts) and whether the
    files were rewritten. Skipping is what makes a no-change rerun of thousands of
    documents take seconds: rebuilding reads and parses every document. CSV alone is
    assembled from ``spool`` (documents of this run) and the JSON of the others.
    """
    files = previous.get("files") or {}
    if (
        previous.get("fingerprint") == fingerprint
        and files
        and all(file_sha256(out / name) == sha for name, sha in files.items())
    ):
        return previous, False
    if list(formats) == ["csv"] and not excel:
        written, counts = _assemble_csv_tables(out, sorted(set(doc_ids)), spool)
    else:
        rows = collect_rows(_load_documents(out, doc_ids))
        written = write_table_files(out, rows, formats, excel)
        counts = {name: len(rows.get(name, [])) for name in TABLE_COLUMNS}
    record = {
        "fingerprint": fingerprint,
        "files": {p.relative_to(out).as_posix(): file_sha256(p) for p in written},
        "rows": counts,
    }
    return record, True


def _assemble_csv_tables(
    out: Path, doc_ids: list[str], spool: TableSpool | None
) -> tuple[list[Path], dict[str, int]]:
    """Every CSV table as its header plus each document's lines, in doc_id order: the
    same bytes as rendering all rows at once (tests/test_batch.py compares them)."""
    paths = [out / "tables" / f"{name}.csv" for name in TABLE_COLUMNS]
    counts = dict.fromkeys(TABLE_COLUMNS, 0)
    with atomic_writers(paths) as handles:
        for name, handle in zip(TABLE_COLUMNS, handles, strict=True):
            handle.write(csv_header(name).encode("utf-8"))
        for doc_id in doc_ids:
            fragments = (spool.get(doc_id) if spool else None) or _fragments_from_json(out, doc_id)
            for name, handle in zip(TABLE_COLUMNS, handles, strict=True):
                count, data = fragments[name]
                handle.write(data)
                counts[name] += count
    return paths, counts


def _fragments_from_json(out: Path, doc_id: str) -> dict[str, tuple[int, bytes]]:
    doc = json.loads((documents_dir(out) / f"{doc_id}.json").read_bytes())
    return {name: (count, text.encode("utf-8")) for name, (count, text) in csv_fragments(doc).items()}


def _load_documents(out: Path, doc_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
    folder = documents_dir(out)
    for doc_id in sorted(set(doc_ids)):
        yield json.loads((folder / f"{doc_id}.json").read_bytes())
