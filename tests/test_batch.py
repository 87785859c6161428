"""The batch runner: parallel = serial, reruns byte-identical, incremental, the command line.

Most tests call ``run_batch`` in this process (its workers come from one warm forkserver,
so a run costs well under a second); a few run ``python -m pipeline run`` as a user would.
Helpers here are shared with the other ``test_batch_*`` files.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from pipeline.batch import run_batch
from pipeline.export import table_csv_bytes
from pipeline.tables import TABLE_COLUMNS, collect_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    [ROOT / "raw" / "verslag-opstartsessie-utrecht-2019.txt", *(ROOT / "tests" / "corpus").glob("*.txt")]
)
QUIET: dict[str, Any] = {"quiet": True}


def make_inputs(folder: Path, count: int = 6) -> Path:
    """``count`` distinct txt reports in ``folder`` (two in a subfolder, one as .TXT)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = SAMPLES[i % len(SAMPLES)]
        sub = folder / "sub" if i % 3 == 2 else folder
        sub.mkdir(exist_ok=True)
        suffix = ".TXT" if i == 1 else ".txt"
        (sub / f"{source.stem}-{i}{suffix}").write_bytes(source.read_bytes() + f"\nVolgnummer {i}\n".encode())
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of documents/ and tables/ with its bytes (what must be identical)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for sub in ("documents", "tables")
        for p in sorted((out / sub).rglob("*"))
        if p.is_file()
    }


def manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def entries(out: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries by file name."""
    return {Path(e["path"]).name: e for e in manifest(out)["documents"]}


def cli(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_inputs(tmp_path_factory.mktemp("batch") / "in")


@pytest.fixture(scope="module")
def clean_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One uninterrupted two-worker run of ``corpus``: the reference output."""
    out = tmp_path_factory.mktemp("clean") / "out"
    assert run_batch([corpus], out, workers=2, **QUIET) == 0
    return out


def test_layout_and_manifest(corpus: Path, clean_run: Path) -> None:
    data = manifest(clean_run)
    assert {
        "pipeline_version",
        "schema_version",
        "rules_version",
        "started",
        "finished",
        "options",
        "summary",
    } <= set(data)
    paths = [e["path"] for e in data["documents"]]
    assert paths == sorted(paths) and len(paths) == 6
    assert any(p.endswith(".TXT") for p in paths) and any(p.startswith("sub/") for p in paths)
    for entry in data["documents"]:
        assert entry["status"] == "ok" and entry["reason"] is None
        assert (clean_run / "documents" / f"{entry['doc_id']}.json").is_file()
        assert set(entry) >= {
            "path",
            "status",
            "reason",
            "doc_id",
            "stage",
            "seconds",
            "sha256",
            "format",
            "bytes",
        }
        assert entry["doc_id"].endswith(entry["sha256"][:12])
    assert data["summary"]["ok"] == 6 and data["summary"]["rows"]["documents"] == 6
    docs_csv = (clean_run / "tables" / "documents.csv").read_text(encoding="utf-8").splitlines()
    ids = [line.split(",")[0] for line in docs_csv[1:]]
    assert ids == sorted(e["doc_id"] for e in data["documents"])


def test_tables_hold_exactly_the_rows_of_the_documents(clean_run: Path) -> None:
    """Workers render their documents' CSV lines and the run concatenates them: the files
    must be what rendering every document's rows at once gives."""
    docs = [json.loads(p.read_bytes()) for p in sorted((clean_run / "documents").glob("*.json"))]
    rows = collect_rows(docs)
    for name in TABLE_COLUMNS:
        assert (clean_run / "tables" / f"{name}.csv").read_bytes() == table_csv_bytes(name, rows[name]), name
    assert manifest(clean_run)["summary"]["rows"] == {name: len(rows[name]) for name in TABLE_COLUMNS}


def test_one_worker_equals_two(corpus: Path, clean_run: Path, tmp_path: Path) -> None:
    assert run_batch([corpus], tmp_path / "one", workers=1, **QUIET) == 0
    assert snapshot(tmp_path / "one") == snapshot(clean_run)


def test_in_process_equals_isolated(corpus: Path, clean_run: Path, tmp_path: Path) -> None:
    assert run_batch([corpus], tmp_path / "dbg", isolation=False, **QUIET) == 0
    assert snapshot(tmp_path / "dbg") == snapshot(clean_run)


def test_recycled_workers_give_the_same_bytes(
    corpus: Path, clean_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "pids.log"
    monkeypatch.setenv("PIPELINE_BATCH_TEST_FAULTS", f"record:*:{log}")
    assert run_batch([corpus], tmp_path / "out", workers=2, max_tasks_per_worker=1, **QUIET) == 0
    assert snapshot(tmp_path / "out") == snapshot(clean_run)
    pids = [line.split()[0] for line in log.read_text().splitlines()]
    assert len(pids) == 6 and len(set(pids)) == 6  # a fresh worker for every document


def test_rerun_skips_everything_and_is_byte_identical(corpus: Path, clean_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(clean_run, out)
    before = snapshot(out)
    assert run_batch([corpus], out, **QUIET) == 0
    assert snapshot(out) == before
    summary = manifest(out)["summary"]
    assert summary["skipped"] == summary["unchanged"] == 6 and not summary["tables_rebuilt"]
    assert {e["reason"] for e in manifest(out)["documents"]} == {"unchanged"}


def test_a_rerun_with_nothing_to_do_starts_no_workers(
    corpus: Path, clean_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm forkserver holds the caller's stdout and stderr while it imports spaCy: a
    no-change rerun piped into another program would end a second late if it started one."""
    started: list[bool] = []
    monkeypatch.setattr("pipeline.batch.runner.prestart", lambda: started.append(True))
    out = tmp_path / "out"
    shutil.copytree(clean_run, out)
    assert run_batch([corpus], out, **QUIET) == 0
    assert started == []
    sorted((out / "documents").iterdir())[0].unlink()  # a lost output is extracted again
    assert run_batch([corpus], out, **QUIET) == 0
    assert started == [True]


def test_fresh_reruns_are_byte_identical(corpus: Path, clean_run: Path, tmp_path: Path) -> None:
    assert run_batch([corpus], tmp_path / "again", workers=2, **QUIET) == 0
    assert snapshot(tmp_path / "again") == snapshot(clean_run)


def test_changed_input_is_reextracted_and_its_old_output_removed(corpus: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    assert run_batch([inputs], out, **QUIET) == 0
    changed = sorted(inputs.glob("*.txt"))[0]
    old_id = entries(out)[changed.name]["doc_id"]
    changed.write_bytes(changed.read_bytes() + b"\nNog een regel.\n")
    assert run_batch([inputs], out, **QUIET) == 0
    now = entries(out)
    assert now[changed.name]["status"] == "ok" and now[changed.name]["doc_id"] != old_id
    assert not (out / "documents" / f"{old_id}.json").exists()
    assert sum(e["reason"] == "unchanged" for e in now.values()) == 5
    assert manifest(out)["summary"]["removed_stale"] == [old_id]
    assert run_batch([inputs], tmp_path / "clean", **QUIET) == 0
    assert snapshot(out) == snapshot(tmp_path / "clean")


def test_input_that_now_fails_loses_its_old_output(corpus: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    assert run_batch([inputs], out, **QUIET) == 0
    broken = sorted(inputs.glob("*.txt"))[0]
    old_id = entries(out)[broken.name]["doc_id"]
    broken.write_bytes(b"")
    assert run_batch([inputs], out, **QUIET) == 1
    assert entries(out)[broken.name]["status"] == "failed"
    assert not (out / "documents" / f"{old_id}.json").exists()
    assert old_id not in (out / "tables" / "documents.csv").read_text(encoding="utf-8")


def test_vanished_input_is_kept_with_a_warning_then_pruned(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    assert run_batch([inputs], out, **QUIET) == 0
    gone = sorted(inputs.glob("*.txt"))[0]
    gone_id = entries(out)[gone.name]["doc_id"]
    gone.unlink()
    capsys.readouterr()
    assert run_batch([inputs], out, **QUIET) == 0
    assert "--prune" in capsys.readouterr().err
    assert (out / "documents" / f"{gone_id}.json").exists()
    assert manifest(out)["summary"]["kept_orphans"] == [gone.name]  # recorded relative to the input folder
    assert gone_id not in (out / "tables" / "documents.csv").read_text(encoding="utf-8")
    assert run_batch([inputs], out, prune=True, **QUIET) == 0
    assert not (out / "documents" / f"{gone_id}.json").exists()
    assert manifest(out)["summary"]["pruned"] == [gone_id]
    assert run_batch([inputs], tmp_path / "clean", **QUIET) == 0
    assert snapshot(out) == snapshot(tmp_path / "clean")


def test_options_that_change_extraction_invalidate_the_cache(
    corpus: Path, clean_run: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(clean_run, out)
    assert run_batch([corpus], out, pdf_engine="pdfplumber", **QUIET) == 0
    assert manifest(out)["summary"]["ok"] == 6  # txt gives the same bytes, but the key changed


def test_deleted_output_is_rewritten(corpus: Path, clean_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(clean_run, out)
    victim = sorted((out / "documents").glob("*.json"))[0]
    victim.unlink()
    assert run_batch([corpus], out, **QUIET) == 0
    assert manifest(out)["summary"]["ok"] == 1
    assert snapshot(out) == snapshot(clean_run)


def test_same_name_and_content_twice_is_one_document(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        shutil.copy(SAMPLES[0], tmp_path / "in" / sub / "report.txt")
    assert run_batch([tmp_path / "in"], tmp_path / "out", **QUIET) == 0
    first, second = manifest(tmp_path / "out")["documents"]
    assert first["status"] == "ok" and second["status"] == "skipped"
    assert second["doc_id"] == first["doc_id"] and first["path"] in second["reason"]
    assert len(list((tmp_path / "out" / "documents").glob("*.json"))) == 1


def test_output_folder_inside_the_input_is_not_read(corpus: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    (inputs / "out" / "documents").mkdir(parents=True)
    (inputs / "out" / "documents" / "x.txt").write_text("geen invoer")
    assert run_batch([inputs], inputs / "out", **QUIET) == 0
    assert len(manifest(inputs / "out")["documents"]) == 6


def test_progress_bar_and_summary_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=True, width=120)
    assert run_batch([corpus], tmp_path / "out", console=console) == 0
    text = buffer.getvalue()
    assert "extracting" in text and "6 documents" in text and "6 ok" in text and "mentions" in text


def test_cli_exit_codes_and_messages(tmp_path: Path) -> None:
    missing = cli("run", tmp_path / "nope", "--out", tmp_path / "out")
    assert missing.returncode == 2 and "input not found" in missing.stderr
    bad = cli("run", SAMPLES[0], "--out", tmp_path / "out", "--workers", "0")
    assert bad.returncode == 2 and "--workers" in bad.stderr
    (tmp_path / "file").write_text("x")
    not_dir = cli("run", SAMPLES[0], "--out", tmp_path / "file")
    assert not_dir.returncode == 2 and "not a folder" in not_dir.stderr
    model = cli("run", SAMPLES[0], "--out", tmp_path / "out", "--spacy-model", "nl_core_news_nonexistent")
    assert model.returncode == 2 and "not installed" in model.stderr


def test_cli_defaults_to_raw_and_extracted(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(SAMPLES[0], tmp_path / "raw")
    (tmp_path / "raw" / "empty.txt").write_bytes(b"")
    result = cli("run", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "1 ok" in result.stdout and "empty.txt: empty file" in result.stdout
    assert [e["path"] for e in manifest(tmp_path / "extracted")["documents"]] == [
        "raw/empty.txt",
        f"raw/{SAMPLES[0].name}",
    ]
    quiet = cli("run", "--quiet", cwd=tmp_path)
    assert quiet.returncode == 1 and quiet.stdout == ""


def test_cli_leaves_no_worker_server_behind(tmp_path: Path) -> None:
    """When ``pipeline run`` exits, its worker server is gone too: left to shut itself down it
    held the run's stdout and stderr ~0.4 s longer, and a caller reading them through a pipe
    waited for it."""
    import psutil

    command = [sys.executable, "-m", "pipeline", "run", SAMPLES[0], "--out", tmp_path / "out"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    process = subprocess.Popen(list(map(str, command)), cwd=ROOT, **pipes)  # type: ignore[call-overload]
    servers: set[psutil.Process] = set()
    while process.poll() is None:
        for child in psutil.Process(process.pid).children(recursive=True):
            with contextlib.suppress(psutil.Error):
                if "forkserver" in " ".join(child.cmdline()):
                    servers.add(child)
        time.sleep(0.01)
    # The command has ended; its output is not read yet (reading waits for every holder).
    alive = [s for s in servers if s.is_running() and s.status() != psutil.STATUS_ZOMBIE]
    process.communicate(timeout=60)
    assert process.returncode == 0
    assert servers, "the run started no worker server"
    assert not alive


def test_recorded_paths_are_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch.discovery import discover

    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "x.txt").write_text(sub)
    monkeypatch.chdir(tmp_path)
    # Relative inputs are kept as given; absolute ones are relative to the folder holding them all.
    assert [f.display for f in discover([Path("in")])] == ["in/a/x.txt", "in/b/x.txt"]
    assert [f.display for f in discover([tmp_path / "in"])] == ["a/x.txt", "b/x.txt"]
    assert [f.display for f in discover([tmp_path / "in" / "a", tmp_path / "in" / "b"])] == [
        "a/x.txt",
        "b/x.txt",
    ]
    assert [f.display for f in discover([tmp_path / "in" / "a" / "x.txt"])] == ["x.txt"]
    # The same file reached twice is one input; two files with one name keep apart.
    assert [f.display for f in discover([Path("in"), Path("in/a/x.txt")])] == ["in/a/x.txt", "in/b/x.txt"]
    (tmp_path / "x.txt").write_text("c")
    clash = [f.display for f in discover([tmp_path / "in" / "b" / "x.txt", Path("x.txt")])]
    assert sorted(clash) == sorted(["x.txt", (tmp_path / "x.txt").as_posix()])


def test_a_copy_of_the_inputs_elsewhere_gives_the_same_bytes(
    corpus: Path, clean_run: Path, tmp_path: Path
) -> None:
    moved = shutil.copytree(corpus, tmp_path / "elders" / "anders")
    assert run_batch([moved], tmp_path / "out", **QUIET) == 0
    assert snapshot(tmp_path / "out") == snapshot(clean_run)
