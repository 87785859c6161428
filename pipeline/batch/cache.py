"""The incremental cache: which document output belongs to which input, and under what key.

``DIR/.cache/index.json`` maps each input path to the sha256 of its content, the cache key
(pipeline, schema, code, rules and extraction options) and the doc_id and JSON hash of its
output. A rerun skips an input whose path, content and key match and whose output is still
there. While a run goes, each finished document is appended to ``journal.jsonl`` right
after its output is written (a line torn by SIGKILL is ignored), so a killed run resumes
where it stopped; at the end the journal is folded into the index (atomically) and
removed. Failed documents get no entry: they are tried again next time.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import SCHEMA_VERSION, __version__
from pipeline.export import atomic_write_bytes, dumps_json

CACHE_FORMAT = 1


@dataclass(frozen=True)
class CacheEntry:
    path: str
    sha256: str
    key: str
    doc_id: str
    json_sha256: str
    json_bytes: int
    format: str | None = None
    bytes: int | None = None
    pages: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict`` for these plain fields, without its deep copy of each value
        (the run's main process journals every document: asdict was most of that)."""
        return {name: getattr(self, name) for name in _CACHE_ENTRY_FIELDS}


_CACHE_ENTRY_FIELDS = tuple(f.name for f in fields(CacheEntry))


# Modules that cannot change a document or a table: editing them keeps the cache.
_NOT_OUTPUT_CODE = ("review/", "evaluate.py", "cli.py", "__main__.py")


@cache
def code_version() -> str:
    """A hash of the pipeline's Python source: extraction code changes often without a
    version bump, and a cache that outlived its code would serve stale outputs."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).as_posix().startswith(_NOT_OUTPUT_CODE):
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(rules_version: str, pdf_engine: str, spacy_model: str | None) -> tuple[str, dict[str, Any]]:
    """The key every cached output must match, and its parts (recorded for people)."""
    parts: dict[str, Any] = {
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "code_version": code_version(),
        "rules_version": rules_version,
        "pdf_engine": pdf_engine,
        "spacy_model": spacy_model,
        "spacy_model_version": _package_version(spacy_model) if spacy_model else None,
    }
    key = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return key, parts


class CacheIndex:
    def __init__(self, out: Path) -> None:
        self.folder = out / ".cache"
        self.index_path = self.folder / "index.json"
        self.journal_path = self.folder / "journal.jsonl"
        self.entries: dict[str, CacheEntry] = {}
        self.tables: dict[str, Any] = {}
        self._journal: Any = None

    @classmethod
    def load(cls, out: Path) -> CacheIndex:
        index = cls(out)
        data = _read_json(index.index_path)
        if isinstance(data, dict) and data.get("cache_format") == CACHE_FORMAT:
            index.entries = {e["path"]: CacheEntry(**e) for e in data.get("entries", [])}
            index.tables = data.get("tables") or {}
        for entry in _read_journal(index.journal_path):
            index.entries[entry.path] = entry
        return index

    def lookup(self, path: str, sha256: str, key: str) -> CacheEntry | None:
        entry = self.entries.get(path)
        if entry and entry.sha256 == sha256 and entry.key == key:
            return entry
        return None

    def record(self, entry: CacheEntry) -> None:
        """Note a document whose output has just been written (survives SIGKILL)."""
        if self._journal is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._journal = self.journal_path.open("a", encoding="utf-8")
        self._journal.write(json.dumps(entry.as_dict(), ensure_ascii=False) + "\n")
        self._journal.flush()
        self.entries[entry.path] = entry

    def save(self, entries: list[CacheEntry], tables: dict[str, Any], key_parts: dict[str, Any]) -> None:
        """Replace the index by ``entries`` (atomically), then drop the journal it absorbed."""
        self.close()
        data = {
            "cache_format": CACHE_FORMAT,
            "key": key_parts,
            "entries": [e.as_dict() for e in sorted(entries, key=lambda e: e.path)],
            "tables": tables,
        }
        atomic_write_bytes(self.index_path, dumps_json(data))
        self.journal_path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _read_journal(path: Path) -> list[CacheEntry]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    entries = []
    for line in lines:
        try:
            entries.append(CacheEntry(**json.loads(line)))
        except (ValueError, TypeError):
            continue  # the last line of a killed run may be torn
    return entries


def _package_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except (PackageNotFoundError, ValueError):
        return os.path.basename(name) or None
