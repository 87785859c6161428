"""The review commands behind the CLI (``diff``, ``accept``, ``apply``), with exit codes.

0: equal / done; 1: ``diff`` found differences; 2: an error, reported as one clear line
on stderr (a missing folder, an unreadable document or decisions file, a decisions file
that no longer matches OLD/NEW, pending decisions).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.review.decisions import DecisionError, apply_decisions, mark, template, write_decisions
from pipeline.review.diff import diff_dirs
from pipeline.review.folder import FolderError
from pipeline.review.render import print_text, write_html


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def diff_command(
    old: Path,
    new: Path,
    as_json: bool = False,
    html: Path | None = None,
    decisions: Path | None = None,
) -> int:
    """Print the diff of two output folders; optionally write the HTML page and a decisions file."""
    try:
        report = diff_dirs(old, new)
        if html:
            write_html(report, html)
        if decisions:
            write_decisions(template(report), decisions)
    except (FolderError, OSError) as exc:
        return _fail(str(exc))
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_text(report)
    return 0 if report.equal else 1


def accept_command(decisions: Path, ids: list[str], every_pending: bool, reject: bool) -> int:
    """Mark changes accepted (or rejected) in a decisions file."""
    if not ids and not every_pending:
        return _fail("name change ids, or pass --all for every pending change")
    try:
        count = mark(decisions, ids, "reject" if reject else "accept", every_pending)
    except (DecisionError, OSError) as exc:
        return _fail(str(exc))
    print(f"{count} change(s) marked {'reject' if reject else 'accept'} in {decisions}")
    return 0


def apply_command(decisions: Path, published: Path, allow_pending: bool) -> int:
    """Promote the accepted changes into the published folder."""
    try:
        applied = apply_decisions(decisions, published, allow_pending)
    except (DecisionError, FolderError, OSError) as exc:
        return _fail(str(exc))
    counts = applied.counts
    print(
        f"published {applied.documents} document(s) to {applied.published}: "
        f"{counts['accept']} accepted, {counts['reject']} rejected, {counts['pending']} pending (kept OLD)"
    )
    return 0
