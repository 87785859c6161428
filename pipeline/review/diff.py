"""Compare two output folders document by document and record by record.

Documents are paired by identity, not by file name or position: first the same content
(sha256) at the same path, then the same content elsewhere (a moved file: its path is a
changed field), then the same path with new content (a changed document, compared field by
field, never reported as removed + added). What is left is added or removed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.review.folder import load_documents
from pipeline.review.records import Change, change_id, diff_document

Doc = dict[str, Any]


@dataclass
class DocumentDiff:
    """One document's changes; ``old``/``new`` are None when it was added/removed."""

    key: str
    status: str  # "added" | "removed" | "changed" | "unchanged"
    old: Doc | None
    new: Doc | None
    changes: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.key,
            "status": self.status,
            "old_doc_id": self.old["doc_id"] if self.old else None,
            "new_doc_id": self.new["doc_id"] if self.new else None,
            "changes": [change.to_dict() for change in self.changes],
        }


@dataclass
class DiffReport:
    """Everything that differs between OLD and NEW, with counts and a hash of the changes."""

    old_dir: Path
    new_dir: Path
    documents: list[DocumentDiff]

    @property
    def changes(self) -> list[Change]:
        return [change for doc in self.documents for change in doc.changes]

    @property
    def equal(self) -> bool:
        return not self.changes

    @property
    def diff_hash(self) -> str:
        """Identifies this exact set of changes, values included (decisions are bound to it)."""
        payload = sorted((c.id, c.change, _plain(c.old), _plain(c.new)) for c in self.changes)
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, default=str).encode()).hexdigest()

    def summary(self) -> dict[str, Any]:
        docs = {status: 0 for status in ("added", "removed", "changed", "unchanged")}
        for doc in self.documents:
            docs[doc.status] += 1
        tables: dict[str, dict[str, int]] = {}
        records: dict[str, set[tuple[str, str]]] = {"added": set(), "removed": set(), "changed": set()}
        for change in self.changes:
            per_table = tables.setdefault(change.table, {"added": 0, "removed": 0, "changed": 0})
            if (change.doc, change.record) not in records[change.change]:
                per_table[change.change] += 1
            records[change.change].add((change.doc, change.record))
        return {
            "documents": docs,
            "records": {what: len(keys) for what, keys in records.items()},
            "fields_changed": sum(1 for c in self.changes if c.change == "changed"),
            "changes": len(self.changes),
            "tables": dict(sorted(tables.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": str(self.old_dir),
            "new": str(self.new_dir),
            "equal": self.equal,
            "diff_hash": self.diff_hash,
            "summary": self.summary(),
            "documents": [doc.to_dict() for doc in self.documents if doc.status != "unchanged"],
        }


def _plain(value: Any) -> Any:
    """JSON's view of a value (tuples become lists), so hashes and files agree."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def diff_dirs(old_dir: Path, new_dir: Path) -> DiffReport:
    """Compare two output folders; raises FolderError when one cannot be read."""
    return diff_documents(load_documents(old_dir), load_documents(new_dir), old_dir, new_dir)


def diff_documents(olds: list[Doc], news: list[Doc], old_dir: Path, new_dir: Path) -> DiffReport:
    documents = [_diff_pair(old, new) for old, new in pair_documents(olds, news)]
    documents.sort(key=lambda d: (d.key, d.status))
    return DiffReport(old_dir, new_dir, documents)


def pair_documents(olds: list[Doc], news: list[Doc]) -> list[tuple[Doc | None, Doc | None]]:
    """Pairs (old, new) by content and path; unpaired documents come with None."""
    left, right = list(olds), list(news)
    pairs: list[tuple[Doc | None, Doc | None]] = []
    for same in (lambda a, b: _sha(a) == _sha(b) and _path(a) == _path(b), _same_sha, _same_path):
        for old in list(left):
            match = next((new for new in right if same(old, new)), None)
            if match is not None:
                pairs.append((old, match))
                left.remove(old)
                right.remove(match)
    pairs += [(old, None) for old in left] + [(None, new) for new in right]
    return pairs


def _sha(doc: Doc) -> str:
    return doc["source"]["sha256"]


def _path(doc: Doc) -> str:
    return str(doc["source"].get("path", ""))


def _same_sha(a: Doc, b: Doc) -> bool:
    return _sha(a) == _sha(b)


def _same_path(a: Doc, b: Doc) -> bool:
    return _path(a) == _path(b)


def _diff_pair(old: Doc | None, new: Doc | None) -> DocumentDiff:
    if old is not None and new is not None:
        key = _path(old)
        changes = diff_document(key, old, new)
        return DocumentDiff(key, "changed" if changes else "unchanged", old, new, changes)
    doc = old if old is not None else new
    assert doc is not None
    what = "removed" if new is None else "added"
    key = _path(doc)
    shown = {"doc_id": doc["doc_id"], "title": doc.get("title"), "sessions": len(doc.get("sessions", []))}
    change = Change(
        id=change_id(key, "documents", "document", what),
        doc=key,
        table="documents",
        record="document",
        label=key,
        change=what,
        field=None,
        old=shown if what == "removed" else None,
        new=shown if what == "added" else None,
        anchors_old=(doc["title"],) if what == "removed" and doc.get("title") else (),
        anchors_new=(doc["title"],) if what == "added" and doc.get("title") else (),
    )
    return DocumentDiff(key, what, old, new, [change])
