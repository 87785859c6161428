"""Export: write documents, tables and the manifest, each file complete or absent.

Every write goes to a temporary file in the same folder, is flushed to disk and then
renamed over the target (``os.replace`` is atomic on POSIX), so a run killed at any
moment never leaves a half-written file. Serialisation is canonical (fixed key order,
fixed number format, ``\\n`` line ends) so a rerun on the same input is byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pipeline.tables import TABLE_COLUMNS, Row


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def dumps_json(value: Any) -> bytes:
    """Canonical JSON: UTF-8, two-space indent, insertion-ordered keys, trailing newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_document(out_dir: Path, doc: Mapping[str, Any]) -> Path:
    path = out_dir / "documents" / f"{doc['doc_id']}.json"
    atomic_write_bytes(path, dumps_json(doc))
    return path


def table_csv_bytes(name: str, rows: Sequence[Row]) -> bytes:
    """One table as CSV: header row, fixed column order, empty cell for null."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=TABLE_COLUMNS[name], lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue().encode("utf-8")


def write_tables(out_dir: Path, tables: Mapping[str, Sequence[Row]]) -> list[Path]:
    """Write ``tables/<name>.csv`` for every table (an empty table still gets its header)."""
    written = []
    for name in TABLE_COLUMNS:
        path = out_dir / "tables" / f"{name}.csv"
        atomic_write_bytes(path, table_csv_bytes(name, tables.get(name, [])))
        written.append(path)
    return written
