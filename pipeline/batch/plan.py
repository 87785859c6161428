"""Planning: hash every input and decide what to extract, skip or report as failed.

The content hash decides, not the modification time: a file touched but unchanged is
skipped, a file changed within the same second is not. Reading every input once costs
far less than extracting one (hundreds of MB/s).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.cache import CacheEntry, CacheIndex
from pipeline.batch.discovery import Found
from pipeline.batch.manifest import Entry
from pipeline.batch.worker import Task
from pipeline.ingest import IngestError, detect_format
from pipeline.process import make_doc_id

CHUNK = 1024 * 1024


@dataclass
class Plan:
    entries: list[Entry] = field(default_factory=list)
    """One per input found, in display-path order."""
    tasks: list[Task] = field(default_factory=list)
    reused: list[CacheEntry] = field(default_factory=list)
    """Cache entries of the inputs skipped as unchanged."""


def hash_file(path: Path) -> tuple[str, int, bytes]:
    """sha256, size and first bytes of a file, read in chunks (a huge file costs no memory)."""
    digest, size, head = hashlib.sha256(), 0, b""
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            if not size:
                head = chunk[:8]
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size, head


def sniff_format(head: bytes, name: str) -> str | None:
    """The reader the content asks for (for the manifest of a file that fails later)."""
    try:
        return detect_format(head, Path(name).suffix.lower())
    except IngestError:
        return None


def make_plan(
    found: list[Found],
    cache: CacheIndex,
    key: str,
    documents: Path,
    on_first_task: Callable[[], None] | None = None,
) -> Plan:
    """Hash every input and sort it into reused, failed and to-do; ``on_first_task`` is
    called once, as soon as there is something to extract (the runner starts its workers
    then, so their start-up overlaps the hashing of the remaining inputs)."""
    plan = Plan()
    first_of: dict[str, str] = {}
    for index, item in enumerate(found):
        entry = Entry(item.display)
        plan.entries.append(entry)
        if item.error:
            entry.fail("discover", item.error)
            continue
        try:
            sha256, size, head = hash_file(item.path)
        except FileNotFoundError:
            entry.fail("read", "file vanished before it could be read")
            continue
        except OSError as exc:
            entry.fail("read", f"cannot read file: {exc.strerror or exc}")
            continue
        entry.sha256, entry.bytes, entry.format = sha256, size, sniff_format(head, item.display)
        doc_id = make_doc_id(item.display, sha256)
        if doc_id in first_of:
            # Same name and content twice (a copy, or one file reached by two routes): one
            # output, and no race over whose path it records.
            entry.status, entry.doc_id = "skipped", doc_id
            entry.reason = f"duplicate of {first_of[doc_id]} (same file name and content)"
            continue
        first_of[doc_id] = item.display
        hit = cache.lookup(item.display, sha256, key)
        if hit and hit.doc_id == doc_id and _output_intact(documents / f"{doc_id}.json", hit.json_bytes):
            entry.status, entry.reason, entry.doc_id, entry.seconds = "skipped", "unchanged", doc_id, 0.0
            entry.format, entry.pages = hit.format, hit.pages
            plan.reused.append(hit)
            continue
        if on_first_task and not plan.tasks:
            on_first_task()
        plan.tasks.append(Task(index, os.path.abspath(item.path), item.display, size))
    return plan


def _output_intact(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False
