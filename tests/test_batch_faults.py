"""Bad input and misbehaving parsers cost one document each; a killed run resumes exactly.

Every bad file ends as one failed manifest entry with its reason, the run exits 1, and the
good documents of the same run are byte-identical to a run of the good documents alone.
Reader-specific reasons are whatever ``pipeline.ingest`` says (other modules own them), so
they are compared with what ``process_file`` raises for the same file in this process.
Hangs, crashes and memory blow-ups are injected with the test-only fault hook
(``PIPELINE_BATCH_TEST_FAULTS``, see ``pipeline/batch/faults.py``).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_batch import QUIET, ROOT, entries, make_inputs, manifest, snapshot

import pipeline.batch.runner as runner
from pipeline.batch import discovery, plan, run_batch
from pipeline.process import StageError, process_file

FAULTS = "PIPELINE_BATCH_TEST_FAULTS"


def good_only(snap: dict[str, bytes], good: dict[str, bytes]) -> bool:
    """Every good document is there and complete, as in a run of the good ones alone (the
    runs read different folders, so only ``source.path`` may differ, in its folder)."""

    def norm(data: bytes) -> dict[str, Any]:
        doc = json.loads(data)
        doc["source"]["path"] = Path(doc["source"]["path"]).name
        return doc

    docs = {name: data for name, data in good.items() if name.startswith("documents/")}
    return all(name in snap and norm(snap[name]) == norm(data) for name, data in docs.items())


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    folder = make_inputs(tmp_path_factory.mktemp("good") / "in", count=3)
    out = folder.parent / "out"
    assert run_batch([folder], out, **QUIET) == 0
    return folder, snapshot(out)


# --- bad files -------------------------------------------------------------------------------


def _pdf(**kwargs: Any) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if kwargs.get("password"):
        pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    if kwargs.get("scanned"):
        from PIL import Image, ImageDraw

        image = Image.new("L", (600, 200), 255)
        ImageDraw.Draw(image).text((20, 80), "Verslag sessie 1 (gescand)", fill=0)
        pdf.image(image, x=10, y=10, w=180)
    else:
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, "Verslag opstartsessie Utrecht. Sessie 1: samen beslissen.")
    return bytes(pdf.output())


def _zip_bomb(size_mb: int = 400) -> bytes:
    """A .docx whose document.xml unpacks to ``size_mb`` MB (about 400 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            chunk = b" " * (16 * 1024 * 1024)
            for _ in range(size_mb // 16):
                handle.write(chunk)
            handle.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


BAD_FILES = {
    "leeg.txt": lambda: b"",
    "binair.txt": lambda: bytes(range(256)) * 40,
    "afgebroken.pdf": lambda: _pdf()[:400],
    "kapot.pdf": lambda: b"%PDF-1.7\n" + os.urandom(2000),
    "versleuteld.pdf": lambda: _pdf(password=True),
    "gescand.pdf": lambda: _pdf(scanned=True),
    "geen-zip.docx": lambda: b"Dit is platte tekst met de verkeerde extensie.\n" * 20,
    "bom.docx": _zip_bomb,
}


@pytest.fixture(scope="module")
def bad_run(
    good: tuple[Path, dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("bad") / "in"
    shutil.copytree(good[0], folder)
    for name, make in BAD_FILES.items():
        (folder / name).write_bytes(make())
    (folder / "pdf-als-tekst.txt").write_bytes(_pdf()[:400])  # a (broken) PDF named .txt
    os.symlink(folder, folder / "lus")  # a folder link back to its own parent
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")  # a file link loop
    os.symlink(folder / "weg.txt", folder / "stuk.txt")  # a dangling link
    out = folder.parent / "out"
    assert run_batch([folder], out, memory_mb=300, timeout=20, **QUIET) == 1
    return folder, out


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_one_failed_entry_with_the_readers_reason(name: str, bad_run: tuple[Path, Path]) -> None:
    folder, out = bad_run
    entry = entries(out)[name]
    assert entry["status"] == "failed" and entry["reason"], entry
    assert entry["doc_id"] is None and not list((out / "documents").glob(f"{Path(name).stem}-*"))
    if name != "bom.docx":  # in this process a bomb could take the test runner's memory
        with pytest.raises(StageError) as raised:
            process_file(folder / name, display_path=(folder / name).as_posix())
        assert entry["reason"] == raised.value.reason and entry["stage"] == raised.value.stage


def test_wrong_extension_is_read_by_content(bad_run: tuple[Path, Path]) -> None:
    assert entries(bad_run[1])["pdf-als-tekst.txt"]["format"] == "pdf"
    assert entries(bad_run[1])["geen-zip.docx"]["reason"].startswith("not a .docx")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("lus", "symbolic link loop: the link points back into a folder above it"),
        ("a.txt", "symbolic link loop: the link cannot be resolved"),
        ("stuk.txt", "broken symbolic link: its target does not exist"),
    ],
)
def test_links_that_cannot_be_followed_are_reported(
    name: str, reason: str, bad_run: tuple[Path, Path]
) -> None:
    entry = entries(bad_run[1])[name]
    assert (entry["status"], entry["stage"], entry["reason"]) == ("failed", "discover", reason)


def test_good_documents_are_complete_beside_bad_ones(
    bad_run: tuple[Path, Path], good: tuple[Path, dict[str, bytes]]
) -> None:
    out = bad_run[1]
    assert good_only(snapshot(out), good[1])
    data = manifest(out)
    assert data["summary"]["ok"] == 3
    assert data["summary"]["failed"] == len(data["documents"]) - 3
    assert not [p for p in out.rglob("*.tmp")]


def test_unreadable_file(
    tmp_path: Path, good: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, for whom chmod 000 changes nothing: the read raises as it would.
    folder = tmp_path / "in"
    shutil.copytree(good[0], folder)
    (folder / "geheim.txt").write_text("verslag")
    real = plan.hash_file

    def hash_file(path: Path) -> tuple[str, int, bytes]:
        if path.name == "geheim.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(plan, "hash_file", hash_file)
    assert run_batch([folder], tmp_path / "out", **QUIET) == 1
    entry = entries(tmp_path / "out")["geheim.txt"]
    assert (entry["stage"], entry["reason"]) == ("read", "cannot read file: Permission denied")
    assert good_only(snapshot(tmp_path / "out"), good[1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod 000 files")
def test_unreadable_file_really(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    secret = tmp_path / "in" / "geheim.txt"
    secret.write_text("verslag")
    secret.chmod(0)
    assert run_batch([tmp_path / "in"], tmp_path / "out", **QUIET) == 1
    assert entries(tmp_path / "out")["geheim.txt"]["reason"] == "cannot read file: Permission denied"


def test_unreadable_folder(
    tmp_path: Path, good: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(good[0], folder)
    (folder / "dicht").mkdir()
    real = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path).name == "dicht":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    assert run_batch([folder], tmp_path / "out", **QUIET) == 1
    entry = entries(tmp_path / "out")["dicht"]
    assert (entry["stage"], entry["reason"]) == ("discover", "cannot read folder: Permission denied")


def test_files_vanishing_mid_run(
    tmp_path: Path, good: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(good[0], folder)
    early, late = folder / "weg-voor-lezen.txt", folder / "weg-voor-worker.txt"
    for path in (early, late):
        path.write_text("Verslag\n")
    real_discover, real_plan = runner.discover, runner.make_plan
    # Found, then gone before it is hashed; and hashed, then gone before a worker reads it.
    monkeypatch.setattr(runner, "discover", lambda *a, **k: (real_discover(*a, **k), early.unlink())[0])
    monkeypatch.setattr(runner, "make_plan", lambda *a, **k: (real_plan(*a, **k), late.unlink())[0])
    assert run_batch([folder], tmp_path / "out", **QUIET) == 1
    got = entries(tmp_path / "out")
    assert got[early.name]["reason"] == "file vanished before it could be read"
    assert (got[late.name]["stage"], got[late.name]["reason"]) == (
        "read",
        "cannot read file: No such file or directory",
    )
    assert good_only(snapshot(tmp_path / "out"), good[1])


# --- misbehaving parsers ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fault_run(good: tuple[Path, dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "in"
    shutil.copytree(good[0], folder)
    for name in ("hangt", "segfault", "exit", "geheugen"):
        (folder / f"{name}.txt").write_text(f"Verslag {name}\n")
    rules = "hang:hangt;segv:segfault;exit:exit:7;oom:geheugen"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FAULTS, rules)
        assert run_batch([folder], folder.parent / "out", workers=2, timeout=2, memory_mb=400, **QUIET) == 1
    return folder.parent / "out"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("hangt.txt", "timed out after 2 s"),
        ("segfault.txt", "worker crashed (exit -11)"),
        ("exit.txt", "worker crashed (exit 7)"),
        ("geheugen.txt", "out of memory (limit 400 MB)"),
    ],
)
def test_misbehaving_parser_costs_only_its_document(name: str, reason: str, fault_run: Path) -> None:
    entry = entries(fault_run)[name]
    assert (entry["status"], entry["stage"], entry["reason"]) == ("failed", "worker", reason)


def test_good_documents_survive_misbehaving_neighbours(
    fault_run: Path, good: tuple[Path, dict[str, bytes]]
) -> None:
    assert manifest(fault_run)["summary"]["ok"] == 3
    assert good_only(snapshot(fault_run), good[1])
    assert manifest(fault_run)["summary"]["rows"]["documents"] == 3


def test_hang_does_not_hold_up_the_batch(fault_run: Path) -> None:
    data = manifest(fault_run)
    assert entries(fault_run)["hangt.txt"]["seconds"] < 5
    assert data["summary"]["seconds"] < 15


def test_tasks_held_behind_a_dying_worker_are_run_elsewhere(tmp_path: Path) -> None:
    """While the queue is long a worker holds a second task in its pipe. The misbehaving
    documents are made the largest, so they go out first, each with a neighbour held
    behind it: every neighbour must still be extracted, once, and no fault leaks."""
    folder = make_inputs(tmp_path / "in", count=8)
    padding = "Dit verslag is lang gemaakt zodat het als eerste aan de beurt is.\n" * 200
    for name in ("hangt", "segfault", "exit", "geheugen", "allocatie"):
        (folder / f"{name}.txt").write_text(f"Verslag {name}\n{padding}", encoding="utf-8")
    log = tmp_path / "ran.log"
    rules = f"record:*:{log};hang:hangt;segv:segfault;exit:exit:7;oom:geheugen;memerror:allocatie"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FAULTS, rules)
        assert run_batch([folder], tmp_path / "out", workers=2, timeout=2, memory_mb=400, **QUIET) == 1
    data = manifest(tmp_path / "out")
    assert data["summary"]["ok"] == 8
    reasons = {Path(e["path"]).name: e["reason"] for e in data["documents"] if e["status"] == "failed"}
    assert reasons == {
        "hangt.txt": "timed out after 2 s",
        "segfault.txt": "worker crashed (exit -11)",
        "exit.txt": "worker crashed (exit 7)",
        "geheugen.txt": "out of memory (limit 400 MB)",
        "allocatie.txt": "out of memory (limit 400 MB)",
    }
    runs = Counter(line.split(" ", 1)[1] for line in log.read_text(encoding="utf-8").splitlines())
    assert len(runs) == 13
    assert set(runs.values()) == {1}


# --- killed and resumed ---------------------------------------------------------------------------


def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = make_inputs(tmp_path / "in", count=12)
    clean = tmp_path / "clean"
    assert run_batch([folder], clean, **QUIET) == 0
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(folder),
        "--out",
        str(out),
        "--workers",
        "2",
        "-q",
    ]
    env = {**os.environ, FAULTS: "sleep:*:0.4"}
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        # Five written means four noted in the journal: the writer notes each document before it
        # writes the next, so the fifth file proves the fourth's record (four left it racy).
        while len(list((out / "documents").glob("*.json"))) < 5:
            assert process.poll() is None and time.monotonic() < deadline, (
                "the run ended before it was killed"
            )
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(10)
    assert not (out / "manifest.json").exists()
    assert run_batch([folder], out, **QUIET) == 0
    assert snapshot(out) == snapshot(clean)
    assert manifest(out)["summary"]["unchanged"] >= 4  # the finished documents were not redone
    assert not [p for p in out.rglob("*.tmp")]
