"""Review decisions: template -> accept/reject -> apply gives a published folder exactly as decided.

The runs: OLD has the sample and an older report; NEW has the sample with one phone edited
and a newer report instead of the older one (see ``test_diff.build_folder_runs``).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from test_diff import PHONE_NEW, build_folder_runs, pipeline_cli

from pipeline.export import table_csv_bytes, write_document
from pipeline.review import decisions as review_decisions
from pipeline.review.decisions import LOG_NAME
from pipeline.review.diff import diff_dirs
from pipeline.tables import TABLE_COLUMNS, collect_rows


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_folder_runs(tmp_path_factory.mktemp("decisions"))


@pytest.fixture
def review(runs: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path, Path]:
    """A published folder (a copy of OLD), NEW, and the decisions template of their diff."""
    published = shutil.copytree(runs[0], tmp_path / "published")
    decisions = tmp_path / "decisions.yml"
    assert pipeline_cli("diff", published, runs[1], "--decisions", decisions).returncode == 1
    return published, runs[1], decisions


def snapshot(folder: Path, parts: tuple[str, ...] = ("documents", "tables")) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for part in parts
        for p in sorted((folder / part).rglob("*"))
        if p.is_file()
    }


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def decide(path: Path, rule: dict[tuple[str, str | None, str], str]) -> dict[str, str]:
    """Set decisions by (table, field, change); returns id -> decision."""
    data = load(path)
    for entry in data["changes"]:
        entry["decision"] = rule[(entry["table"], entry["field"], entry["change"])]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {entry["id"]: entry["decision"] for entry in data["changes"]}


def change_ids(old: Path, new: Path) -> set[str]:
    return {change.id for change in diff_dirs(old, new).changes}


def test_template_lists_every_change_pending(review: tuple[Path, Path, Path], tmp_path: Path) -> None:
    published, new, decisions = review
    data = load(decisions)
    report = json.loads(pipeline_cli("diff", published, new, "--json").stdout)
    ids = [c["id"] for doc in report["documents"] for c in doc["changes"]]
    assert [e["id"] for e in data["changes"]] == ids and len(ids) == 6
    assert {e["decision"] for e in data["changes"]} == {"pending"}
    assert data["diff_hash"] == report["diff_hash"]
    # Ids are stable: a second template of the same diff has the same ids and hash.
    again = tmp_path / "again.yml"
    pipeline_cli("diff", published, new, "--decisions", again)
    assert [e["id"] for e in load(again)["changes"]] == ids and load(again)["diff_hash"] == data["diff_hash"]


MIXED = {
    ("documents", "content", "changed"): "accept",
    ("contacts", "phone_e164", "changed"): "accept",
    ("phones", None, "removed"): "reject",
    ("phones", None, "added"): "reject",
    ("documents", None, "added"): "accept",
    ("documents", None, "removed"): "reject",
}


def test_apply_publishes_exactly_what_was_decided(review: tuple[Path, Path, Path], schema: dict) -> None:
    published, new, decisions = review
    before = shutil.copytree(published, published.parent / "before")
    decided = decide(decisions, MIXED)
    result = pipeline_cli("apply", "--decisions", decisions, "--published", published)
    assert result.returncode == 0, result.stderr
    assert "3 accepted, 3 rejected, 0 pending" in result.stdout
    # OLD -> published is exactly the accepted changes; published -> NEW exactly the rejected.
    assert change_ids(before, published) == {i for i, d in decided.items() if d == "accept"}
    assert change_ids(published, new) == {i for i, d in decided.items() if d == "reject"}

    docs = {Path(d["source"]["path"]).name: d for d in _documents(published)}
    assert set(docs) == {"verslag.txt", "ouder-verslag.txt", "nieuw-verslag.txt"}
    sample = docs["verslag.txt"]
    assert sample["sessions"][0]["contacts"][0]["phone"]["e164"] == "+31657593277"
    assert [p["e164"] for p in sample["phones"]] == ["+31657593276", "+31611794403", "+31645478963"]
    assert PHONE_NEW in sample["text"]  # the accepted content brings NEW's text
    assert sample["doc_id"] == next(
        d["doc_id"] for d in _documents(new) if d["source"]["path"].endswith("/verslag.txt")
    )
    _assert_valid_output_folder(published, schema)
    assert not (published / ".cache").exists()  # a run's cache would not describe these documents

    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    assert {e["id"]: e["decision"] for e in manifest["review"]["decisions"]} == decided
    assert sorted(e["doc_id"] for e in manifest["documents"]) == sorted(d["doc_id"] for d in docs.values())
    [log] = (published / LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert json.loads(log)["counts"] == {"accept": 3, "reject": 3, "pending": 0}


def _documents(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "documents").glob("*.json"))]


def _assert_valid_output_folder(folder: Path, schema: dict) -> None:
    docs = _documents(folder)
    for doc in docs:
        jsonschema.validate(doc, schema)
    rows = collect_rows(sorted(docs, key=lambda d: d["doc_id"]))
    for name in TABLE_COLUMNS:
        written = (folder / "tables" / f"{name}.csv").read_bytes()
        assert written == table_csv_bytes(name, rows[name]), f"{name}.csv is not rebuilt from the documents"
        assert next(csv.reader(io.StringIO(written.decode()))) == TABLE_COLUMNS[name]


@pytest.mark.parametrize("how", ["reject", "pending"])
def test_nothing_changes_without_a_decision(review: tuple[Path, Path, Path], how: str) -> None:
    published, _, decisions = review
    before = snapshot(published)
    if how == "reject":
        assert pipeline_cli("accept", "--decisions", decisions, "--all", "--reject").returncode == 0
    args = ["apply", "--decisions", decisions, "--published", published]
    result = pipeline_cli(*args, *(["--allow-pending"] if how == "pending" else []))
    assert result.returncode == 0, result.stderr
    assert snapshot(published) == before
    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    assert {e["decision"] for e in manifest["review"]["decisions"]} == {
        "reject" if how == "reject" else "pending"
    }


def test_pending_decisions_refuse_and_touch_nothing(review: tuple[Path, Path, Path]) -> None:
    published, _, decisions = review
    before = snapshot(published, ("documents", "tables", "manifest.json"))
    result = pipeline_cli("apply", "--decisions", decisions, "--published", published)
    assert result.returncode == 2
    assert "6 change(s) still pending" in result.stderr
    assert snapshot(published, ("documents", "tables", "manifest.json")) == before


def test_a_stale_decisions_file_is_refused(review: tuple[Path, Path, Path]) -> None:
    published, _, decisions = review
    pipeline_cli("accept", "--decisions", decisions, "--all")
    assert pipeline_cli("apply", "--decisions", decisions, "--published", published).returncode == 0
    # Applied in place: OLD is now the published state, so the same decisions no longer match.
    result = pipeline_cli("apply", "--decisions", decisions, "--published", published)
    assert result.returncode == 2
    assert "does not match the current OLD/NEW" in result.stderr


def test_a_changed_new_run_is_refused(runs: tuple[Path, Path], tmp_path: Path) -> None:
    new = shutil.copytree(runs[1], tmp_path / "new")
    decisions = tmp_path / "d.yml"
    pipeline_cli("diff", runs[0], new, "--decisions", decisions)
    pipeline_cli("accept", "--decisions", decisions, "--all")
    path = next((new / "documents").glob("verslag-*.json"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["title"] = "Een nieuwe titel"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = pipeline_cli("apply", "--decisions", decisions, "--published", tmp_path / "pub")
    assert result.returncode == 2 and "does not match" in result.stderr
    assert not (tmp_path / "pub").exists()


def test_accept_marks_chosen_changes(review: tuple[Path, Path, Path]) -> None:
    _, _, decisions = review
    first, second, *_ = [e["id"] for e in load(decisions)["changes"]]
    assert pipeline_cli("accept", "--decisions", decisions, first).returncode == 0
    assert pipeline_cli("accept", "--decisions", decisions, second, "--reject").returncode == 0
    choices = {e["id"]: e["decision"] for e in load(decisions)["changes"]}
    assert (choices.pop(first), choices.pop(second)) == ("accept", "reject")
    assert set(choices.values()) == {"pending"}
    result = pipeline_cli("accept", "--decisions", decisions, "c00000000000")
    assert result.returncode == 2 and "unknown change id" in result.stderr


def test_accepting_everything_publishes_new(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """A JSON decisions file, a fresh published folder: all accepted gives NEW's data exactly."""
    old, new = runs
    decisions = tmp_path / "decisions.json"
    assert pipeline_cli("diff", old, new, "--decisions", decisions).returncode == 1
    data = json.loads(decisions.read_text(encoding="utf-8"))
    for entry in data["changes"]:
        entry["decision"] = "accept"
    decisions.write_text(json.dumps(data), encoding="utf-8")
    published = tmp_path / "published"
    assert pipeline_cli("apply", "--decisions", decisions, "--published", published).returncode == 0
    assert snapshot(published) == snapshot(new)


def test_a_published_folder_that_is_not_old_is_refused(
    review: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, new, decisions = review
    pipeline_cli("accept", "--decisions", decisions, "--all")
    other = shutil.copytree(new, tmp_path / "other")
    result = pipeline_cli("apply", "--decisions", decisions, "--published", other)
    assert result.returncode == 2 and "is not the OLD side" in result.stderr


def test_a_failed_apply_leaves_the_published_folder_as_it_was(
    review: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    published, _, decisions = review
    pipeline_cli("accept", "--decisions", decisions, "--all")
    before = snapshot(published, ("documents", "tables", "manifest.json"))

    def write_half(folder: Path, docs: list, *args: object) -> None:
        write_document(folder, docs[0])
        raise OSError("disk full")

    monkeypatch.setattr(review_decisions, "write_output_folder", write_half)
    with pytest.raises(OSError, match="disk full"):
        review_decisions.apply_decisions(decisions, published)
    assert snapshot(published, ("documents", "tables", "manifest.json")) == before
    assert sorted(p.name for p in published.parent.iterdir() if p.name.startswith(".")) == []
