"""Read and write a run's output folder (documents/, tables/, manifest.json) for review."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.export import atomic_write_bytes, dumps_json, write_document, write_table_files
from pipeline.tables import collect_rows


class FolderError(Exception):
    """An output folder that cannot be read: the message says which file and why."""


def load_documents(folder: Path) -> list[dict[str, Any]]:
    """Every ``documents/*.json`` of an output folder, in file-name order."""
    if not folder.is_dir():
        raise FolderError(f"not a folder: {folder}")
    docs_dir = folder / "documents"
    if not docs_dir.is_dir():
        raise FolderError(f"not an output folder (no documents/): {folder}")
    docs = []
    for path in sorted(docs_dir.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FolderError(f"cannot read {path}: {exc}") from exc
        if not isinstance(doc, dict) or "doc_id" not in doc or "sha256" not in doc.get("source", {}):
            raise FolderError(f"not an extracted document (no doc_id or source.sha256): {path}")
        docs.append(doc)
    return docs


def load_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest, or an empty one when it has none or it is unreadable."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def write_output_folder(
    folder: Path, docs: Iterable[dict[str, Any]], manifest: dict[str, Any], formats: Iterable[str] = ("csv",)
) -> None:
    """Write a complete output folder: documents (stale ones removed), tables, manifest.

    Documents whose bytes are unchanged are not rewritten, and tables only when a document
    changed, so a published folder is touched only where a decision changed it.
    """
    docs = sorted(docs, key=lambda d: d["doc_id"])
    wanted = {f"{doc['doc_id']}.json" for doc in docs}
    changed = False
    for doc in docs:
        path = folder / "documents" / f"{doc['doc_id']}.json"
        if not path.is_file() or path.read_bytes() != dumps_json(doc):
            write_document(folder, doc)
            changed = True
    for stale in (folder / "documents").glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
            changed = True
    if changed or not (folder / "tables").is_dir():
        formats = list(formats)
        write_table_files(folder, collect_rows(docs), formats, excel="excel" in formats)
    atomic_write_bytes(folder / "manifest.json", dumps_json(manifest))


def table_formats(folder: Path) -> list[str]:
    """The table formats a folder already has, so a rebuild keeps every variant current."""
    formats = ["csv"]
    if any((folder / "tables").glob("*.parquet")):
        formats.append("parquet")
    if (folder / "tables" / "excel").is_dir():
        formats.append("excel")
    return formats
