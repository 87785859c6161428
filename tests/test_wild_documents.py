"""Held-out documents "from the wild": layouts and producers the corpus does not have.

The corpus's PDFs are drawn by fpdf2 and its Word files by python-docx from one markup, and
``tests/data/libreoffice/`` exports those same Word files with LibreOffice. ``tests/data/wild/``
holds six reports written for it, each in a new layout and made by real office software
(LibreOffice Writer and Writer/Web, python-docx with Word features): a two-column newsletter with
a text box, an HTML news page, a landscape programme booklet with merged cells and footnotes, an
evaluation with numbered headings, a table of contents and layout tables, minutes behind a cover
page, and a draft with tracked changes and comments. ``make_fixtures.py`` there makes them from
the sources kept beside them (see ``docs/wild-heldout.md``); the tests read the committed files.

Each fixture is extracted (PDFs with both engines) and scored against its report's gold file
(one gold for the .docx and the .pdf of one source). A ratchet, as in
``tests/test_ingest_pdf_libreoffice.py``:

1. the facts the run gets wrong are exactly those in ``tests/data/wild/known_failures.yml``, each
   with its reason (a fixed one must be taken off the list, a new one fails the test); an entry
   with an ``engine`` applies to that PDF engine only;
2. each fixture's F1 over all its facts is at least the one in :data:`F1_REACHED`.

``python tests/test_wild_documents.py --update`` rewrites the list from a run, keeping the reasons
written there (run on purpose only, and read every new entry).
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from conftest import DATA  # noqa: E402

from pipeline.evaluate import Counts, evaluate_pair  # noqa: E402
from pipeline.process import Options, process_file  # noqa: E402

FIXTURES = DATA / "wild"
KNOWN_FAILURES = FIXTURES / "known_failures.yml"
DOCUMENTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".docx", ".pdf"})
PDF_ENGINES = ("pdfium", "pdfplumber")
# A programme booklet comes out before its event: its gold is checked with the corpus's gold
# checks except the one that a report is published after its event.
PUBLISHED_BEFORE_EVENT = {"programmaboekje-raadsledendag-zeeland-2022"}
# Each fixture's F1 over all of its facts (every field micro-averaged), as reached; raise a value
# when a document improves, never lower one to make a change pass.
F1_REACHED: dict[str, float] = {
    "concept-verslag-raadsledenavond-west-friesland-2025.docx": 0.99,
    "evaluatie-werkplaatsen-ondermijning-haaglanden-2021.docx": 0.96,
    "evaluatie-werkplaatsen-ondermijning-haaglanden-2021.pdf": 0.95,
    "nieuwsbrief-raadsledennetwerk-twente-2023.docx": 0.92,
    "nieuwsbrief-raadsledennetwerk-twente-2023.pdf": 0.91,
    "programmaboekje-raadsledendag-zeeland-2022.docx": 0.96,
    "programmaboekje-raadsledendag-zeeland-2022.pdf": 0.90,
    "verslag-raadsledenavond-oost-groningen-2020.pdf": 0.92,
    "webbericht-raadsledenavond-midden-holland-2024.docx": 0.95,
    "webbericht-raadsledenavond-midden-holland-2024.pdf": 0.93,
}

Failure = tuple[str, str, str, tuple[Any, ...]]
"""(fixture file name, field, "missing" | "spurious", fact)."""


def engines(path: Path) -> tuple[str, ...]:
    return PDF_ENGINES if path.suffix == ".pdf" else ("pdfium",)


def gold_path(path: Path) -> Path:
    return FIXTURES / f"{path.stem}.gold.json"


@cache
def extract(path: Path, engine: str) -> dict[str, Any]:
    return process_file(path, Options(pdf_engine=engine), display_path=path.name)


def score(path: Path, engine: str) -> tuple[set[Failure], Counts]:
    gold = json.loads(gold_path(path).read_text(encoding="utf-8"))
    failures: set[Failure] = set()
    total = Counts()
    for field, result in evaluate_pair(gold, extract(path, engine)).items():
        total.add(result.counts)
        failures.update((path.name, field, "missing", tuple(f)) for f in result.missing)
        failures.update((path.name, field, "spurious", tuple(f)) for f in result.spurious)
    return failures, total


def load_known(engine: str | None = None) -> dict[Failure, str]:
    """The listed failures (for ``engine``: those without an engine and those of that engine)."""
    data = yaml.safe_load(KNOWN_FAILURES.read_text(encoding="utf-8")) or {}
    return {
        (item["document"], item["field"], item["kind"], tuple(item["fact"])): str(item.get("reason") or "")
        for item in data.get("failures") or []
        if engine is None or item.get("engine") in (None, engine)
    }


def test_the_fixtures_are_there() -> None:
    assert {p.name for p in DOCUMENTS} == set(F1_REACHED)
    assert all(gold_path(p).exists() for p in DOCUMENTS)
    # Small enough to keep in the repository.
    assert all(p.stat().st_size < 200_000 for p in DOCUMENTS)
    # Every PDF written by LibreOffice (its /Producer, as a UTF-16 hex string).
    producer = "LibreOffice".encode("utf-16-be").hex().upper().encode()
    assert all(producer in p.read_bytes() for p in DOCUMENTS if p.suffix == ".pdf")


@pytest.mark.parametrize("gold", sorted(FIXTURES.glob("*.gold.json")), ids=lambda p: p.name)
def test_gold_passes_the_corpus_gold_checks(gold: Path) -> None:
    from test_corpus import test_gold_file_is_valid, test_gold_municipalities_are_cbs_names_of_the_report_date

    stem = gold.name.removesuffix(".gold.json")
    if stem in PUBLISHED_BEFORE_EVENT:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert data["published"] < data["event_date"]
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / gold.name
            copy.write_text(json.dumps({**data, "published": None}, ensure_ascii=False), encoding="utf-8")
            test_gold_file_is_valid(copy)
    else:
        test_gold_file_is_valid(gold)
    test_gold_municipalities_are_cbs_names_of_the_report_date(gold)


def test_every_known_failure_has_a_reason() -> None:
    assert all(reason.strip() and reason != "TODO" for reason in load_known().values())


CASES = [(p, e) for p in DOCUMENTS for e in engines(p)]


def case_id(case: tuple[Path, str]) -> str:
    path, engine = case
    return f"{path.name}-{engine}" if path.suffix == ".pdf" else path.name


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_failures_are_exactly_the_known_ones(case: tuple[Path, str]) -> None:
    path, engine = case
    actual, _ = score(path, engine)
    known = {f for f in load_known(engine) if f[0] == path.name}
    new, fixed = sorted(actual - known, key=repr), sorted(known - actual, key=repr)
    assert not new, f"{path.name} ({engine}): facts wrong that are not in known_failures.yml: {new}"
    assert not fixed, f"{path.name} ({engine}): known failures fixed, take them off the list: {fixed}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_document_f1_reaches_its_ratchet(case: tuple[Path, str]) -> None:
    path, engine = case
    _, total = score(path, engine)
    assert round(total.f1, 2) >= F1_REACHED[path.name], f"{path.name} ({engine}): F1 {total.f1:.3f}"


def update_known_failures() -> None:
    """Rewrite known_failures.yml from a run, keeping the reasons already written. A failure of a
    PDF with one engine only is written with that ``engine``."""
    known = load_known() if KNOWN_FAILURES.exists() else {}
    rows: list[tuple[Failure, str | None]] = []
    for path in DOCUMENTS:
        per_engine = {engine: score(path, engine)[0] for engine in engines(path)}
        common = set.intersection(*per_engine.values())
        rows += [(f, None) for f in common]
        for engine, failures in per_engine.items():
            rows += [(f, engine) for f in failures - common]
    header = (
        KNOWN_FAILURES.read_text(encoding="utf-8").split("failures:")[0] if KNOWN_FAILURES.exists() else ""
    )
    lines = [header + "failures:"]
    for (d, f, k, fact), engine in sorted(rows, key=repr):
        reason = known.get((d, f, k, fact), "TODO")
        lines += [f"- document: {d}", f"  field: {f}", f"  kind: {k}"]
        lines += [f"  fact: {json.dumps(list(fact), ensure_ascii=False)}"]
        if engine:
            lines += [f"  engine: {engine}"]
        lines += [f"  reason: {json.dumps(reason, ensure_ascii=False)}"]
    KNOWN_FAILURES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in DOCUMENTS:
        for engine in engines(path):
            print(f"{path.name} ({engine}): F1 {score(path, engine)[1].f1:.3f}")


if __name__ == "__main__" and "--update" in sys.argv:
    update_known_failures()
