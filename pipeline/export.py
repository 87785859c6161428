"""Export: write documents, tables and the manifest, each file complete or absent.

Every write goes to a temporary file in the same folder, is flushed to disk and then
renamed over the target (``os.replace`` is atomic on POSIX), so a run killed at any
moment never leaves a half-written file. Serialisation is canonical (fixed key order,
fixed number format, ``\\n`` line ends) so a rerun on the same input is byte-identical.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from pipeline.tables import TABLE_COLUMNS, TABLE_TYPES, Row, document_rows


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    ``durable`` syncs the file to disk before it takes the name; a caller that writes many files
    may leave that out and flush them all at once with :func:`flush_to_disk`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def flush_to_disk(folder: Path) -> None:
    """Write everything cached for the file system that holds ``folder`` to disk: one call
    (Linux ``syncfs``) instead of an fsync per file; ``os.sync`` where there is no syncfs."""
    import ctypes  # here: the workers import this module and never need it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError, TypeError):  # no libc (Windows), no syncfs (macOS)
        if hasattr(os, "sync"):
            os.sync()
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        syncfs(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writers(paths: Sequence[Path]) -> Iterator[list[BinaryIO]]:
    """Open several files to be written in one go; each appears complete on success, and
    none changes if the block fails (each is a temporary file until then)."""
    handles: list[tuple[Path, str, BinaryIO]] = []
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            handles.append((path, tmp_name, os.fdopen(fd, "wb")))
        yield [handle for _, _, handle in handles]
        for _, _, handle in handles:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for path, tmp_name, _ in handles:
            os.replace(tmp_name, path)
    finally:
        for _, tmp_name, handle in handles:
            handle.close()
            Path(tmp_name).unlink(missing_ok=True)


def dumps_json(value: Any) -> bytes:
    """Canonical JSON: UTF-8, two-space indent, insertion-ordered keys, trailing newline.

    orjson writes the same bytes as ``json.dumps(value, ensure_ascii=False, indent=2)``
    (checked on 1,270 documents; tests/test_export_formats.py) 30 times faster: the
    standard library's indenting encoder is pure Python, 0.7 ms of every report. What
    orjson refuses (integers beyond 64 bits, non-string keys) goes the slow way.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson.JSONEncodeError
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_document(out_dir: Path, doc: Mapping[str, Any]) -> Path:
    path = out_dir / "documents" / f"{doc['doc_id']}.json"
    atomic_write_bytes(path, dumps_json(doc))
    return path


def table_csv_bytes(name: str, rows: Sequence[Row]) -> bytes:
    """One table as CSV: header row, fixed column order, empty cell for null."""
    return _csv_text(name, rows, "\n").encode("utf-8")


def csv_header(name: str, line_end: str = "\n") -> str:
    return _csv_lines([TABLE_COLUMNS[name]], line_end)


def csv_body(name: str, rows: Sequence[Row], line_end: str = "\n") -> str:
    """The data lines of one table (no header). A table file is its header followed by
    the bodies of its documents in doc_id order, so workers can render their own."""
    if not rows:
        return ""
    columns = TABLE_COLUMNS[name]
    # csv.writer writes None as an empty cell itself: no per-cell conversion needed, and
    # rows that hold every column are read by itemgetter in C (~80 mentions per report).
    if len(columns) > 1:  # itemgetter of one key gives the value, not a row
        with contextlib.suppress(KeyError):
            return _csv_lines(map(itemgetter(*columns), rows), line_end)
    return _csv_lines(([row.get(c) for c in columns] for row in rows), line_end)


def _csv_lines(rows: Iterable[Sequence[Any]], line_end: str) -> str:
    # csv.writer on lists: DictWriter's per-row dict juggling cost 3x as much (1.3 s of
    # CSV for 1,000 reports, profiled), with the same bytes out.
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerows(rows)
    return buffer.getvalue()


def _csv_text(name: str, rows: Sequence[Row], line_end: str) -> str:
    return csv_header(name, line_end) + csv_body(name, rows, line_end)


def csv_fragments(doc: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """Every table's rows of one document as (row count, CSV data lines)."""
    return {name: (len(rows), csv_body(name, rows)) for name, rows in document_rows(doc).items()}


def write_tables(out_dir: Path, tables: Mapping[str, Sequence[Row]]) -> list[Path]:
    """Write ``tables/<name>.csv`` for every table (an empty table still gets its header)."""
    written = []
    for name in TABLE_COLUMNS:
        path = out_dir / "tables" / f"{name}.csv"
        atomic_write_bytes(path, table_csv_bytes(name, tables.get(name, [])))
        written.append(path)
    return written


# --- Parquet: typed tables --------------------------------------------------------------
# CSV loses types (an empty cell, "1" and "2019-02-21" are all text); Parquet keeps the
# declared type of every column (pipeline.tables.TABLE_TYPES), so pandas reads nullable
# integers as Int64 and dates as dates without a dtype argument.

_ARROW_TYPES = {"string": "string", "integer": "int64", "float": "float64", "date": "date32"}
_PANDAS_DTYPES = {"string": "string", "integer": "Int64", "float": "Float64", "date": "object"}


def table_frame(name: str, rows: Sequence[Row]) -> Any:
    """One table as a pandas DataFrame with the declared dtype of every column."""
    import datetime as dt

    import pandas as pd

    types = TABLE_TYPES[name]
    columns = {}
    for column, kind in types.items():
        values = [row.get(column) for row in rows]
        if kind == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        elif kind == "string":
            values = [None if v is None else str(v) for v in values]
        columns[column] = pd.Series(values, dtype=_PANDAS_DTYPES[kind])
    return pd.DataFrame(columns, columns=list(types))


def table_parquet_bytes(name: str, rows: Sequence[Row]) -> bytes:
    """One table as Parquet with an explicit schema, so an empty table still has its types."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = TABLE_TYPES[name].items()
    schema = pa.schema([(col, pa.type_for_alias(_ARROW_TYPES[kind])) for col, kind in types])
    table = pa.Table.from_pandas(table_frame(name, rows), schema=schema, preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def write_tables_parquet(out_dir: Path, tables: Mapping[str, Sequence[Row]]) -> list[Path]:
    """Write ``tables/<name>.parquet`` for every table, typed as declared in TABLE_TYPES."""
    written = []
    for name in TABLE_COLUMNS:
        path = out_dir / "tables" / f"{name}.parquet"
        atomic_write_bytes(path, table_parquet_bytes(name, tables.get(name, [])))
        written.append(path)
    return written


# --- Excel-safe CSV ---------------------------------------------------------------------
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection,
# OWASP); a phone in E.164 ("+31657593276") is one of them. The Excel variant prefixes such
# text with an apostrophe, which Excel and LibreOffice show as text and do not display; the
# default CSV keeps exact values for pandas. A BOM makes Excel read the file as UTF-8.

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: Any) -> Any:
    """Text a spreadsheet would execute, prefixed with ``'``; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def table_excel_csv_bytes(name: str, rows: Sequence[Row]) -> bytes:
    """One table as a spreadsheet-safe CSV: UTF-8 with BOM, CRLF, formulas neutralised."""
    safe_rows = [{key: excel_safe(value) for key, value in row.items()} for row in rows]
    return _csv_text(name, safe_rows, "\r\n").encode("utf-8-sig")


def write_tables_excel(out_dir: Path, tables: Mapping[str, Sequence[Row]]) -> list[Path]:
    """Write ``tables/excel/<name>.csv`` for every table (the ``--excel-safe`` variant)."""
    written = []
    for name in TABLE_COLUMNS:
        path = out_dir / "tables" / "excel" / f"{name}.csv"
        atomic_write_bytes(path, table_excel_csv_bytes(name, tables.get(name, [])))
        written.append(path)
    return written


# --- the table formats a run can write -------------------------------------------------------

TABLE_FORMATS = ("csv", "parquet")


def parse_table_formats(value: str) -> list[str]:
    """``"csv,parquet"`` as a list; ValueError names an unknown format."""
    formats = [part.strip() for part in value.split(",") if part.strip()]
    unknown = sorted(set(formats) - set(TABLE_FORMATS))
    if unknown:
        raise ValueError(
            f"unknown table format(s) {', '.join(unknown)}; choose from {', '.join(TABLE_FORMATS)}"
        )
    return formats


def write_table_files(
    out_dir: Path, tables: Mapping[str, Sequence[Row]], formats: Sequence[str] = ("csv",), excel: bool = False
) -> list[Path]:
    """Every table file of a folder from one set of rows: CSV always, Parquet and the
    Excel-safe CSV when asked, so all variants hold the same facts."""
    written = write_tables(out_dir, tables)
    if "parquet" in formats:
        written += write_tables_parquet(out_dir, tables)
    if excel:
        written += write_tables_excel(out_dir, tables)
    return written
