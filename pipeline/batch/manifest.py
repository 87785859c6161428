"""The run's manifest: one entry per input found, versions, options, summary, timings.

Timestamps and timings live here only, never in documents/ or tables/, so those stay
byte-identical across reruns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pipeline import SCHEMA_VERSION, __version__
from pipeline.export import atomic_write_bytes, dumps_json


@dataclass
class Entry:
    """One input's line in the manifest; filled in as the input moves through the run."""

    path: str
    status: str = "failed"  # "ok" | "failed" | "skipped"
    reason: str | None = None
    doc_id: str | None = None
    stage: str | None = None
    seconds: float | None = None
    sha256: str | None = None
    format: str | None = None
    bytes: int | None = None
    pages: int | None = None

    def fail(self, stage: str, reason: str) -> None:
        self.status, self.stage, self.reason = "failed", stage, reason

    def as_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict`` for these plain fields, without its deep copy of each value."""
        return {name: getattr(self, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def build_manifest(
    entries: list[Entry],
    *,
    rules_version: str,
    code_version: str,
    started: str,
    options: dict[str, Any],
    summary: dict[str, Any],
) -> dict[str, Any]:
    return {
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "rules_version": rules_version,
        "code_version": code_version,
        "started": started,
        "finished": now_iso(),
        "options": options,
        "summary": summary,
        "documents": [e.as_dict() for e in sorted(entries, key=lambda e: e.path)],
    }


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    atomic_write_bytes(out / "manifest.json", dumps_json(manifest))
