"""Review decisions: a template per diff, a reviewer's accept/reject, and promotion.

``diff OLD NEW --decisions FILE`` lists every change with its stable id and
``decision: pending``. The reviewer sets ``accept`` (publish NEW's value) or ``reject``
(keep OLD's) by hand or with ``accept``; ``apply`` then writes the published folder:
each record and field takes NEW only where its change was accepted, so nothing changes
without a decision. The file is bound to the diff it was made from by ``diff_hash``:
when OLD or NEW changed since (another run, or a published folder already promoted), the
decisions no longer describe what would happen and ``apply`` refuses.

The file is YAML (JSON when its name ends in ``.json``); YAML reads both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline import SCHEMA_VERSION, __version__
from pipeline.export import atomic_write_bytes, dumps_json
from pipeline.review.diff import DiffReport, DocumentDiff, diff_dirs
from pipeline.review.folder import load_manifest, table_formats, write_output_folder
from pipeline.review.records import change_id, merge_document

FORMAT = "dia-pipeline-review/1"
CHOICES = ("accept", "reject", "pending")
LOG_NAME = "review-log.jsonl"

_HEADER = """\
# Review decisions for: python -m pipeline apply --decisions THIS_FILE --published DIR
# Set each `decision` to `accept` (publish the NEW value) or `reject` (keep the OLD one).
# `pending` keeps OLD as well, and apply refuses while any remain unless --allow-pending.
# `note` is yours: it is kept in the published folder's review log. Leave ids, values and
# diff_hash as they are: apply checks them against a fresh diff of OLD and NEW.
"""


class DecisionError(Exception):
    """The decisions cannot be applied; the message says why and what to do."""


@dataclass
class Decisions:
    """A parsed decisions file; ``data`` is its whole content, ``entries`` its changes."""

    path: Path
    data: dict[str, Any]

    @property
    def old(self) -> Path:
        return Path(self.data["old"])

    @property
    def new(self) -> Path:
        return Path(self.data["new"])

    @property
    def diff_hash(self) -> str:
        return str(self.data.get("diff_hash"))

    @property
    def entries(self) -> list[dict[str, Any]]:
        return self.data["changes"]

    def choice(self, change: str) -> str:
        """The decision on a change id; a change missing from the file is pending."""
        return self.by_id.get(change, {}).get("decision", "pending")

    @property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {entry["id"]: entry for entry in self.entries}


def template(report: DiffReport) -> dict[str, Any]:
    """The decisions document for a diff: every change, pending."""
    entries = []
    for doc in report.documents:
        for change in doc.changes:
            shown = change.to_dict()
            entries.append(
                {
                    "id": change.id,
                    "document": doc.key,
                    "table": change.table,
                    "record": change.label,
                    "change": change.change,
                    "field": change.field,
                    "old": shown["old"],
                    "new": shown["new"],
                    "decision": "pending",
                    "note": None,
                }
            )
    return {
        "format": FORMAT,
        "old": str(report.old_dir.resolve()),
        "new": str(report.new_dir.resolve()),
        "diff_hash": report.diff_hash,
        "summary": report.summary(),
        "changes": entries,
    }


def write_decisions(data: dict[str, Any], path: Path) -> None:
    """YAML with a how-to header; JSON when the file name ends in ``.json``."""
    if path.suffix.lower() == ".json":
        atomic_write_bytes(path, dumps_json(data))
        return
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    atomic_write_bytes(path, (_HEADER + body).encode("utf-8"))


def read_decisions(path: Path) -> Decisions:
    """Parse and check a decisions file; every problem is a DecisionError naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DecisionError(f"cannot read decisions file {path}: {exc}") from exc
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not data.get("old")
        or not data.get("new")
    ):
        raise DecisionError(f"not a decisions file (format {FORMAT!r} with old and new expected): {path}")
    data["changes"] = data.get("changes") or []
    for entry in data["changes"]:
        if not isinstance(entry, dict) or "id" not in entry:
            raise DecisionError(f"{path}: every change needs an id, got {entry!r}")
        entry["decision"] = str(entry.get("decision") or "pending").strip().lower()
        if entry["decision"] not in CHOICES:
            raise DecisionError(f"{path}: change {entry['id']}: decision must be one of {', '.join(CHOICES)}")
    return Decisions(path, data)


def mark(path: Path, ids: Iterable[str], decision: str, every_pending: bool = False) -> int:
    """Set ``decision`` on the changes ``ids`` (or on every pending one); returns how many."""
    if decision not in CHOICES:
        raise DecisionError(f"decision must be one of {', '.join(CHOICES)}")
    decisions = read_decisions(path)  # the same checks as apply, before anything is written
    wanted = set(ids)
    unknown = wanted - set(decisions.by_id)
    if unknown:
        raise DecisionError(f"unknown change id(s) in {path}: {', '.join(sorted(unknown))}")
    count = 0
    for entry in decisions.entries:
        if entry["id"] in wanted or (every_pending and entry["decision"] == "pending"):
            entry["decision"] = decision
            count += 1
    write_decisions(decisions.data, path)
    return count


@dataclass
class Applied:
    published: Path
    counts: dict[str, int]
    documents: int


def apply_decisions(path: Path, published: Path, allow_pending: bool = False) -> Applied:
    """Promote the accepted changes of a decisions file into ``published``."""
    decisions = read_decisions(path)
    report = diff_dirs(decisions.old, decisions.new)
    _check_matches(decisions, report)
    counts = {choice: 0 for choice in CHOICES}
    for change in report.changes:
        counts[decisions.choice(change.id)] += 1
    if counts["pending"] and not allow_pending:
        raise DecisionError(
            f"{counts['pending']} change(s) still pending in {path}: decide them, "
            "or pass --allow-pending to keep their OLD values"
        )
    _check_published(published, decisions.old)
    accepted = {e["id"] for e in decisions.entries if e["decision"] == "accept"}
    docs = publish_documents(report, accepted)
    review = _review_log(decisions, report, counts)
    with _staged(published, decisions.old) as staging:
        write_output_folder(staging, docs, _manifest(decisions, docs, review), table_formats(staging))
        with (staging / LOG_NAME).open("a", encoding="utf-8") as log:
            log.write(json.dumps(review, ensure_ascii=False) + "\n")
    return Applied(published, counts, len(docs))


@contextmanager
def _staged(published: Path, old: Path) -> Iterator[Path]:
    """A full copy of the published folder (of OLD for a new one) that replaces it at the end.

    Promotion is all or nothing: a failure leaves the published folder as it was, never
    some documents promoted and the tables not. Between the two renames at the end the
    folder is briefly absent; a crash there leaves it complete under ``.<name>.previous``.
    """
    base = published if published.is_dir() and any(published.iterdir()) else old
    staging = published.with_name(f".{published.name}.staging")
    previous = published.with_name(f".{published.name}.previous")
    for leftover in (staging, previous):
        if leftover.exists():
            raise DecisionError(
                f"{leftover} exists (an earlier apply was interrupted): check it and remove it"
            )
    shutil.copytree(base, staging, symlinks=True)
    # The run's incremental cache (pipeline.batch.cache) describes OLD's run outputs, not the
    # published documents: a later run into this folder must extract afresh, not skip.
    shutil.rmtree(staging / ".cache", ignore_errors=True)
    try:
        yield staging
        if published.exists():
            os.replace(published, previous)
        os.replace(staging, published)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(previous, ignore_errors=True)


def _check_matches(decisions: Decisions, report: DiffReport) -> None:
    if report.diff_hash != decisions.diff_hash:
        raise DecisionError(
            f"{decisions.path} does not match the current OLD/NEW ({decisions.old} → {decisions.new}): "
            "the diff changed since the file was written (a new run, or already applied). "
            "Run `diff --decisions` again."
        )
    unknown = {e["id"] for e in decisions.entries} - {c.id for c in report.changes}
    if unknown:
        raise DecisionError(f"{decisions.path}: unknown change id(s): {', '.join(sorted(unknown))}")


def _check_published(published: Path, old: Path) -> None:
    """The published folder must be OLD itself, OLD's copy, or new (absent or empty)."""
    if not published.exists() or published.resolve() == old.resolve():
        return
    if not published.is_dir():
        raise DecisionError(f"published path is not a folder: {published}")
    if not any(published.iterdir()):
        return
    mine = {p.name: p.read_bytes() for p in (published / "documents").glob("*.json")}
    theirs = {p.name: p.read_bytes() for p in (old / "documents").glob("*.json")}
    if mine != theirs:
        raise DecisionError(
            f"{published} is not the OLD side of this review ({old}): its documents differ. "
            "Diff against the published folder itself."
        )


def publish_documents(report: DiffReport, accepted: set[str]) -> list[dict[str, Any]]:
    """Every document as published: OLD unless one of its changes was accepted."""
    out = []
    for doc in report.documents:
        decided = bool({c.id for c in doc.changes} & accepted)
        if doc.new is None or doc.old is None:  # removed or added: the one change decides
            kept = doc.new if decided else doc.old
            if kept is not None:
                out.append(kept)
        else:
            out.append(_merge(doc, accepted) if decided else doc.old)
    return out


def _merge(doc: DocumentDiff, accepted: set[str]) -> dict[str, Any]:
    assert doc.old is not None and doc.new is not None
    # Provenance (text, mentions, warnings, spellings, order) comes from NEW only when NEW's
    # text is the published one: same content, or the content change was accepted.
    same_text = doc.old["source"]["sha256"] == doc.new["source"]["sha256"]
    content = change_id(doc.key, "documents", "document", "content") in accepted
    return merge_document(doc.key, doc.old, doc.new, accepted, provenance_new=same_text or content)


def _review_log(decisions: Decisions, report: DiffReport, counts: dict[str, int]) -> dict[str, Any]:
    by_id = decisions.by_id
    return {
        "applied_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "decisions_file": str(decisions.path.resolve()),
        "old": str(decisions.old),
        "new": str(decisions.new),
        "diff_hash": report.diff_hash,
        "counts": counts,
        "decisions": [
            {
                "id": c.id,
                "document": c.doc,
                "table": c.table,
                "record": c.label,
                "change": c.change,
                "field": c.field,
                "decision": by_id.get(c.id, {}).get("decision", "pending"),
                "note": by_id.get(c.id, {}).get("note"),
            }
            for c in report.changes
        ],
    }


def _manifest(decisions: Decisions, docs: list[dict[str, Any]], review: dict[str, Any]) -> dict[str, Any]:
    def versions(folder: Path) -> dict[str, Any]:
        return {k: v for k, v in load_manifest(folder).items() if "version" in k}

    return {
        "published": True,
        "pipeline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "versions": {"old": versions(decisions.old), "new": versions(decisions.new)},
        "documents": [
            {"path": d["source"]["path"], "status": "ok", "reason": None, "doc_id": d["doc_id"]}
            for d in sorted(docs, key=lambda d: d["doc_id"])
        ],
        "review": review,
    }
