"""The sample report, end to end, in all three formats: every gold field at F1 = 1.0,
every document valid against the contract's schema, reruns byte-identical."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, ROOT, SAMPLE_STEM, SHARED, run_cli
from render import render

from pipeline.evaluate import evaluate_dirs

SAMPLE_TXT = DATA / "sample" / f"{SAMPLE_STEM}.txt"
SAMPLE_MD = DATA / "sample" / f"{SAMPLE_STEM}.md"
GOLD_DIR = DATA / "sample"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run over the sample as .txt, as a rendered PDF and as a rendered .docx."""
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copy(SAMPLE_TXT, inputs / SAMPLE_TXT.name)
    markup = SAMPLE_MD.read_text(encoding="utf-8")
    header, footer = "Democratie in Actie – verslag", "VNG en BZK"
    render(markup, "pdf", inputs / f"{SAMPLE_STEM}.pdf", header=header, footer=footer, hyphenate=True)
    render(markup, "docx", inputs / f"{SAMPLE_STEM}.docx", header=header, footer=footer)
    out = tmp_path_factory.mktemp("out")
    run_cli("run", str(inputs), "--out", str(out), "--workers", "1", "--quiet", check=True)
    return out


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
def test_every_field_is_perfect(sample_run: Path, fmt: str) -> None:
    report = evaluate_dirs(GOLD_DIR, sample_run)
    results = report.documents[next(p for p in report.documents if p.endswith(f".{fmt}"))]
    failures = {
        name: {"missing": r.missing, "spurious": r.spurious}
        for name, r in results.items()
        if r.missing or r.spurious
    }
    assert failures == {}


def test_documents_validate_against_the_contract(sample_run: Path, schema: dict) -> None:
    documents = sorted((sample_run / "documents").glob("*.json"))
    assert len(documents) == 3
    for path in documents:
        import json

        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_rerun_is_byte_identical(sample_run: Path, tmp_path: Path) -> None:
    inputs = sample_run.parent / "inputs_again"
    # The same inputs again, into a fresh folder: documents/ and tables/ must not differ.
    source = next(p for p in sample_run.parent.iterdir() if p.name.startswith("inputs"))
    shutil.copytree(source, inputs, dirs_exist_ok=True)
    again = tmp_path / "out"
    run_cli("run", str(inputs), "--out", str(again), "--workers", "1", "--quiet", check=True)
    for sub in ("documents", "tables"):
        assert _digests(sample_run / sub) == _digests(again / sub)


def test_evaluate_command_prints_f1(sample_run: Path) -> None:
    result = run_cli("evaluate", "--gold", str(GOLD_DIR), "--pred", str(sample_run), check=True)
    assert "session_municipalities" in result.stdout
    assert "1.000" in result.stdout


def test_shipped_copies_match_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a user's machine)")
    pairs = [
        (SHARED / "corpus" / f"{SAMPLE_STEM}.txt", ROOT / "raw" / f"{SAMPLE_STEM}.txt"),
        (SHARED / "corpus" / f"{SAMPLE_STEM}.txt", SAMPLE_TXT),
        (SHARED / "gold" / f"{SAMPLE_STEM}.gold.json", GOLD_DIR / f"{SAMPLE_STEM}.gold.json"),
        (SHARED / "contract" / "document.schema.json", DATA / "document.schema.json"),
    ]
    for original, copy in pairs:
        assert original.read_bytes() == copy.read_bytes(), f"{copy} differs from {original}"


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }
