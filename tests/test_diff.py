"""``pipeline diff`` on real runs: exact changes, noise ignored, exit codes, the HTML page.

The runs are real ``python -m pipeline run`` runs on the sample report in ``raw/`` and on
edited copies of it, one with a rules folder edited through ``PIPELINE_RULES``.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from pipeline.review.diff import diff_documents
from pipeline.review.render import html_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "verslag-opstartsessie-utrecht-2019.txt"


def run_pipeline(out: Path, *inputs: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Path:
    """A fresh run of the pipeline on ``inputs`` into ``out``, as a user would start it."""
    cmd = [sys.executable, "-m", "pipeline", "run", *map(str, inputs), "--out", str(out), "--quiet"]
    env = {**os.environ, **(env or {})}
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pipeline_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pipeline", *map(str, args)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def diff_json(old: Path, new: Path) -> tuple[int, dict[str, Any]]:
    result = pipeline_cli("diff", old, new, "--json")
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def flat_changes(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(document, table, record label, change, field, old, new) of every change, sorted."""
    return sorted(
        (doc["document"], c["table"], c["label"], c["change"], c["field"], c["old"], c["new"])
        for doc in report["documents"]
        for c in doc["changes"]
    )


# --- a rules edit between two runs of the sample -----------------------------------------


@pytest.fixture(scope="module")
def rules_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample run twice: with the project's rules, and with one alias added to them."""
    tmp = tmp_path_factory.mktemp("rules")
    rules = shutil.copytree(ROOT / "rules", tmp / "rules")
    orgs = rules / "organisations.yml"
    text = orgs.read_text(encoding="utf-8")
    edited = text.replace(
        "  - name: Pentascope\n    aliases: []", "  - name: Pentascope\n    aliases: [Pentascope B.V.]"
    )
    assert edited != text, "the rules edit no longer applies: update this test's edit"
    orgs.write_text(edited, encoding="utf-8")
    old = run_pipeline(tmp / "old", SAMPLE.relative_to(ROOT))
    new = run_pipeline(tmp / "new", SAMPLE.relative_to(ROOT), env={"PIPELINE_RULES": str(rules)})
    return old, new


def test_a_rules_edit_is_exactly_one_change(rules_runs: tuple[Path, Path]) -> None:
    code, report = diff_json(*rules_runs)
    assert code == 1
    doc = _only_doc(rules_runs[0])["source"]["path"]
    assert flat_changes(report) == [
        (doc, "organisations", "Pentascope", "changed", "aliases", [], ["Pentascope B.V."]),
    ]
    assert report["summary"]["documents"] == {"added": 0, "removed": 0, "changed": 1, "unchanged": 0}
    assert report["summary"]["records"] == {"added": 0, "removed": 0, "changed": 1}


def test_text_report_shows_the_change_and_a_summary(rules_runs: tuple[Path, Path]) -> None:
    result = pipeline_cli("diff", *rules_runs)
    assert result.returncode == 1
    assert "organisations" in result.stdout
    assert "Pentascope · aliases" in result.stdout
    assert "new: Pentascope B.V." in result.stdout
    assert "1 changes" in result.stdout


def test_a_run_against_itself_is_equal(rules_runs: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = rules_runs
    again = run_pipeline(tmp_path / "again", SAMPLE.relative_to(ROOT))
    code, report = diff_json(old, again)
    assert (code, report["equal"], report["documents"]) == (0, True, [])
    assert pipeline_cli("diff", old, again).stdout.rstrip().endswith("equal: 1 documents, no changes")


def test_formatting_and_provenance_are_not_changes(rules_runs: tuple[Path, Path], tmp_path: Path) -> None:
    """Re-wrapped text, another way of writing a phone, moved mentions, list order: no change."""
    old, _ = rules_runs
    new = shutil.copytree(old, tmp_path / "new")
    path = next((new / "documents").glob("*.json"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["title"] = doc["title"].replace(" ", "\n  ", 2)
    doc["sessions"][0]["contacts"][0]["phone"]["as_written"] = "+31 6 5759 3276"
    doc["phones"][0]["as_written"] = "06 57 59 32 76"
    doc["sessions"][1]["municipalities"].reverse()
    doc["sessions"][1]["municipalities"][0]["as_written"].append("ALPHEN A/D RIJN")
    doc["people"][0]["name"] = doc["people"][0]["name"].replace(" ", "  ")
    for mention in doc["mentions"]:
        mention["start"] += 7
        mention["end"] += 7
        mention["confidence"] = 0.5
    doc["text"] = "\n" * 7 + doc["text"]
    doc["warnings"].append("a diagnostic that is not data")
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    code, report = diff_json(old, new)
    assert (code, flat_changes(report)) == (0, [])


# --- documents added, removed and changed --------------------------------------------------

PHONE_OLD, PHONE_NEW = "06-57593276", "06-57593277"


@pytest.fixture(scope="module")
def folder_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_folder_runs(tmp_path_factory.mktemp("folders"))


def build_folder_runs(tmp: Path) -> tuple[Path, Path]:
    """OLD: the sample and an older report; NEW: the sample with one phone digit edited
    (content changed, same path) and a newer report (added); the older one is gone."""
    sample = SAMPLE.read_text(encoding="utf-8")
    assert sample.count(PHONE_OLD) == 1
    for side, files in {
        "old": {"verslag.txt": sample, "ouder-verslag.txt": sample + "\nEen oudere aanvulling.\n"},
        "new": {
            "verslag.txt": sample.replace(PHONE_OLD, PHONE_NEW),
            "nieuw-verslag.txt": sample + "\nNieuw.\n",
        },
    }.items():
        inputs = tmp / side / "reports"
        inputs.mkdir(parents=True)
        for name, content in files.items():
            (inputs / name).write_text(content, encoding="utf-8")
        run_pipeline(tmp / side / "out", Path("reports"), cwd=tmp / side)
    return tmp / "old" / "out", tmp / "new" / "out"


def test_added_removed_and_changed_documents(folder_runs: tuple[Path, Path]) -> None:
    code, report = diff_json(*folder_runs)
    assert code == 1
    old_doc, new_doc = (_only_doc(folder, "verslag-") for folder in folder_runs)
    key = old_doc["source"]["path"]
    contact = "session 1: Faciliteren van lokaal maatschappelijk initiatief · Mathilde van de Ven"
    assert [c for c in flat_changes(report) if c[0] == key] == [
        (key, "contacts", contact, "changed", "phone_e164", "+31657593276", "+31657593277"),
        (key, "documents", "document", "changed", "content", _content(old_doc), _content(new_doc)),
        (key, "phones", "+31657593276", "removed", None, "+31657593276", None),
        (key, "phones", "+31657593277", "added", None, None, "+31657593277"),
    ]
    statuses = {Path(doc["document"]).name: doc["status"] for doc in report["documents"]}
    assert statuses == {
        "ouder-verslag.txt": "removed",
        "nieuw-verslag.txt": "added",
        "verslag.txt": "changed",
    }
    summary = report["summary"]
    assert summary["documents"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 0}
    assert summary["changes"] == 6
    assert summary["tables"]["phones"] == {"added": 1, "removed": 1, "changed": 0}


def _only_doc(folder: Path, prefix: str = "") -> dict[str, Any]:
    [path] = (folder / "documents").glob(f"{prefix}*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _content(doc: dict[str, Any]) -> str:
    src = doc["source"]
    return f"sha256 {src['sha256'][:12]}…, {src['bytes']} bytes, {src['pages']} pages, txt"


def test_a_moved_file_is_one_path_change() -> None:
    doc = _doc("a/report.txt", "1" * 64)
    moved = {**copy.deepcopy(doc), "source": {**doc["source"], "path": "b/report.txt"}}
    report = diff_documents([doc], [moved], Path("old"), Path("new"))
    [change] = report.changes
    assert (change.table, change.field, change.old, change.new) == (
        "documents",
        "source_path",
        "a/report.txt",
        "b/report.txt",
    )


# --- errors -------------------------------------------------------------------------------


def test_missing_folder_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    result = pipeline_cli("diff", tmp_path, tmp_path / "nope")
    assert result.returncode == 2
    assert "not a folder" in result.stderr and "nope" in result.stderr


def test_unreadable_json_is_exit_2(tmp_path: Path) -> None:
    for side in ("old", "new"):
        (tmp_path / side / "documents").mkdir(parents=True)
    (tmp_path / "new" / "documents" / "broken.json").write_text("{not json", encoding="utf-8")
    result = pipeline_cli("diff", tmp_path / "old", tmp_path / "new")
    assert result.returncode == 2
    assert "broken.json" in result.stderr


def test_a_folder_without_documents_is_exit_2(tmp_path: Path) -> None:
    result = pipeline_cli("diff", tmp_path, tmp_path)
    assert result.returncode == 2 and "no documents/" in result.stderr


# --- the HTML page ------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects each change block's text and the marked (highlighted) context inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, str] = {}
        self.marks: dict[str, list[str]] = {}
        self.tags: set[str] = set()
        self._current: str | None = None
        self._depth = 0
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        attributes = dict(attrs)
        if tag == "div" and "change" in (attributes.get("class") or "").split():
            self._current, self._depth = attributes["id"], 0
            self.blocks[self._current], self.marks[self._current] = "", []
        if tag == "div" and self._current:
            self._depth += 1
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._current:
            self._depth -= 1
            if self._depth == 0:
                self._current = None
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._current:
            self.blocks[self._current] += data
            if self._in_mark:
                self.marks[self._current].append(data)


def _parse_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_html_page_shows_every_change_in_its_context(folder_runs: tuple[Path, Path], tmp_path: Path) -> None:
    page_path = tmp_path / "review.html"
    result = pipeline_cli("diff", *folder_runs, "--html", page_path)
    assert result.returncode == 1
    text = page_path.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text  # self-contained
    page = _parse_page(page_path)
    report = json.loads(pipeline_cli("diff", *folder_runs, "--json").stdout)
    ids = {c["id"]: c for doc in report["documents"] for c in doc["changes"]}
    assert set(page.blocks) == set(ids)
    phone = next(i for i, c in ids.items() if c["field"] == "phone_e164")
    assert "+31657593276" in page.blocks[phone] and "+31657593277" in page.blocks[phone]
    # The source text around each side of the change: as written in OLD and in NEW.
    assert page.marks[phone] == [PHONE_OLD, PHONE_NEW]
    assert "Mathilde.vandeVen@VNG.nl of " + PHONE_NEW in page.blocks[phone]
    added = next(i for i, c in ids.items() if c["table"] == "phones" and c["change"] == "added")
    assert page.marks[added] == [PHONE_NEW]
    # A changed source file: the page shows where its text differs (here one digit).
    content = next(i for i, c in ids.items() if c["field"] == "content")
    assert page.marks[content] == [PHONE_OLD[-1], PHONE_NEW[-1]]
    assert "Mathilde.vandeVen@VNG.nl of " + PHONE_NEW[:-1] in page.blocks[content]
    removed = next(i for i, c in ids.items() if c["table"] == "documents" and c["change"] == "removed")
    assert page.marks[removed] == ["Verslag opstartsessie ontwikkeltrajecten in Utrecht"]


def test_html_without_source_text_degrades(tmp_path: Path) -> None:
    old, new = _doc("r.txt", "1" * 64), _doc("r.txt", "1" * 64)
    new["title"] = "Een andere titel"
    page_path = tmp_path / "page.html"
    page_path.write_text(html_page(diff_documents([old], [new], Path("o"), Path("n"))), encoding="utf-8")
    page = _parse_page(page_path)
    [block] = page.blocks.values()
    assert "Een andere titel" in block and "no source text found" in block


def test_html_context_for_a_rules_edit(rules_runs: tuple[Path, Path], tmp_path: Path) -> None:
    page_path = tmp_path / "page.html"
    assert pipeline_cli("diff", *rules_runs, "--html", page_path).returncode == 1
    [block] = _parse_page(page_path).blocks.values()
    assert "Pentascope B.V." in block
    assert "Engbert Breuker (Pentascope)" in block


def _doc(path: str, sha: str) -> dict[str, Any]:
    """A minimal hand-made document (no text, no mentions)."""
    return {
        "schema_version": "1.0",
        "doc_id": "report-" + sha[:12],
        "source": {"path": path, "format": "txt", "sha256": sha, "bytes": 10, "pages": 1},
        "title": "Verslag",
        "published": None,
        "event_date": None,
        "sessions": [],
        "quotes": [],
        "people": [],
        "organisations": [],
        "municipalities": [],
        "emails": [],
        "phones": [],
        "mentions": [],
        "warnings": [],
    }
