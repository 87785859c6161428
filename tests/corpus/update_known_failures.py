"""Rewrite tests/corpus/known_failures.yml from a real run of the pipeline on the corpus.

Run it on purpose, never from a test: after the pipeline got better (to drop what is fixed)
or after adding a report (to record what it does not get right yet)::

    .venv/bin/python tests/corpus/update_known_failures.py [--dry-run]

Facts that still fail keep the reason written for them; new ones get a reason derived from
what went wrong, to be read and, where needed, rewritten by hand. Before recording a new
failure, check the gold: a failure that is really a gold mistake is fixed in the gold file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from test_corpus import KNOWN_FAILURES, CorpusRun, Failure, load_known_failures, run_corpus  # noqa: E402

HEADER = """\
# Facts of tests/corpus/ the pipeline is known to get wrong; tests/test_corpus.py requires the
# run's misses and spurious facts to be exactly this list. A fixed failure must be removed, a
# new one is a test failure (fix the pipeline, or the gold when the gold is wrong).
#
# document: the built file; field: a field of pipeline/evaluate.py; kind: missing (in gold, not
# found) or spurious (found, not in gold); fact: the normalised fact as evaluate compares it.
# Regenerate with tests/corpus/update_known_failures.py (it keeps the reasons written here).
"""


def derive_reason(failure: Failure, run: CorpusRun) -> str:
    """A first reason from what went wrong; a person refines it when triaging."""
    if failure.document in run.failed:
        return f"document not extracted: {run.failed[failure.document]}"
    if failure.field == "sessions":
        return "session not found" if failure.kind == "missing" else "not a session in gold"
    return f"untriaged: {failure.kind} {failure.field}"


def render_yaml(entries: dict[Failure, str]) -> str:
    # JSON scalars are valid YAML and keep None, numbers and odd strings unambiguous.
    lines = [HEADER, "failures:"] if entries else [HEADER, "failures: []"]
    for failure in sorted(entries, key=Failure.sort_key):
        lines += [
            f"- document: {failure.document}",
            f"  field: {failure.field}",
            f"  kind: {failure.kind}",
            f"  fact: {json.dumps(list(failure.fact), ensure_ascii=False)}",
            f"  reason: {json.dumps(entries[failure], ensure_ascii=False)}",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="Print the changes, write nothing.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = run_corpus(Path(tmp))
    if run.not_built:
        print(
            f"tests/render.py is missing: {len(run.not_built)} reports not built; their known "
            "failures are kept as they are",
            file=sys.stderr,
        )
    old = load_known_failures()
    built = {e.built_name for e in run.built}
    actual = run.failures()
    entries = {f: old.get(f) or derive_reason(f, run) for f in actual}
    # Reports that could not be built keep their entries: there is nothing to say they changed.
    entries.update({f: reason for f, reason in old.items() if f.document not in built})
    added = actual - set(old)
    removed = {f for f in old if f.document in built} - actual
    print(f"{len(entries)} known failures: {len(added)} new, {len(removed)} fixed")
    for name, count in sorted(Counter(f.field for f in entries).items()):
        print(f"  {name}: {count}")
    if not args.dry_run:
        KNOWN_FAILURES.write_text(render_yaml(entries), encoding="utf-8")
        print(f"wrote {KNOWN_FAILURES.relative_to(TESTS.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
