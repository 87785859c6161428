"""PDFs made by real office software: the Word reports of the corpus exported by LibreOffice.

The corpus's own PDFs are drawn by ``tests/render.py`` (fpdf2). Real reports are exported from
Word or LibreOffice, which draw tables as ruling lines, set paragraphs apart by space, break long
words in narrow cells without a hyphen and break lines after the hyphen of an email address.
``tests/data/libreoffice/`` holds the Word reports of ``tests/corpus/`` and the sample as
LibreOffice exported them, and again in ``hyphenated/`` with automatic hyphenation on (which also
breaks email addresses), made by ``make_fixtures.py`` there (see ``tests/corpus/README.md``).

Each is extracted with both PDF engines and scored against its report's gold file. A ratchet:

1. the facts the run gets wrong are exactly those in ``tests/data/libreoffice/known_failures.yml``,
   each with its reason (a fixed one must be taken off the list, a new one fails the test), so
   every field at F1 1.0 stays there;
2. each document's F1 over all its facts is at least the one in :data:`F1_REACHED`;
3. both engines give the same extraction.

``python tests/test_ingest_pdf_libreoffice.py --update`` rewrites the list from a run, keeping
the reasons written there (run on purpose only, and read every new entry).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from conftest import DATA, SAMPLE_STEM  # noqa: E402

from pipeline.evaluate import Counts, evaluate_pair  # noqa: E402
from pipeline.process import Options, process_file  # noqa: E402

FIXTURES = DATA / "libreoffice"
KNOWN_FAILURES = FIXTURES / "known_failures.yml"
CORPUS = TESTS / "corpus"
# The exports as they come, and again with automatic hyphenation on (the reports in Dutch).
PDFS = sorted(FIXTURES.glob("*.pdf")) + sorted(FIXTURES.glob("hyphenated/*.pdf"))
ENGINES = ("pdfium", "pdfplumber")
# Each document's F1 over all of its facts (every field micro-averaged), as reached; raise a
# value when a document improves, never lower one to make a change pass.
F1_REACHED: dict[str, float] = {
    "agenda-en-verslag-raadsledenoverleg-zuid-holland-zuid-2019": 0.45,
    "draaiboek-raadsledenmiddag-noordoost-fryslan-2024": 0.95,
    "eindverantwoording-raadsledenconferentie-oost-groningen-2023": 0.64,
    "evaluatie-leerlabs-jongerenparticipatie-gelderland-2022": 0.92,
    "evaluatie-raadsledendag-kop-van-noord-holland-2021": 0.57,
    "excursiedag-wijkdemocratie-den-haag-2017": 1.0,
    "fotoverslag-heuvellanddag-raadsleden-2022": 0.64,
    "leerkringen-raadsleden-noord-holland-2024": 1.0,
    "masterclasses-raad-als-opdrachtgever-2020": 1.0,
    "memo-raadsledenbijeenkomst-gooi-en-vechtstreek-2022": 0.92,
    "nieuwsbrief-lokale-democratie-bzk-2022": 1.0,
    "opbrengst-tafelformulieren-res-u16-2019": 1.0,
    "overzicht-leernetwerken-najaar-2024": 1.0,
    "overzicht-ontwikkeltrajecten-voorjaar-2021": 1.0,
    "raadsavond-regio-rivierenland-2023": 0.97,
    "raadsinformatiebrief-drenthe-aan-tafel-assen-2023": 0.93,
    "raadsledenavond-grensoverschrijdend-kerkrade-2022": 0.97,
    "recap-democracy-sprint-mrdh-2024": 0.95,
    "terugblik-dag-lokale-democratie-2023": 0.93,
    "verslag-griffiersdag-bollenstreek-2016": 1.0,
    "verslag-kennissessie-limburg-2023": 1.0,
    "verslag-kringbijeenkomst-rekenkamers-nhn-2025": 1.0,
    "verslag-netwerk-lokale-digitale-democratie-2022": 0.96,
    "verslag-online-kennisdag-rekenkamers-2021": 0.97,
    "verslag-opstartsessie-utrecht-2019": 1.0,
    "verslag-raadsledenateliers-zuid-holland-2023": 1.0,
    "verslag-regiotafel-drenthe-2019": 1.0,
    "verslag-startbijeenkomst-democratische-vakman-2020": 1.0,
    "verslag-werkatelier-weerbaar-bestuur-2022": 1.0,
    "verslag-werkconferentie-amstelland-meerlanden-2022": 0.91,
    "verslagformulier-raadsledenavond-liemers-2019": 1.0,
    "hyphenated/agenda-en-verslag-raadsledenoverleg-zuid-holland-zuid-2019": 0.45,
    "hyphenated/draaiboek-raadsledenmiddag-noordoost-fryslan-2024": 0.94,
    "hyphenated/eindverantwoording-raadsledenconferentie-oost-groningen-2023": 0.64,
    "hyphenated/evaluatie-leerlabs-jongerenparticipatie-gelderland-2022": 0.92,
    "hyphenated/evaluatie-raadsledendag-kop-van-noord-holland-2021": 0.57,
    "hyphenated/excursiedag-wijkdemocratie-den-haag-2017": 1.0,
    "hyphenated/fotoverslag-heuvellanddag-raadsleden-2022": 0.64,
    "hyphenated/leerkringen-raadsleden-noord-holland-2024": 1.0,
    "hyphenated/masterclasses-raad-als-opdrachtgever-2020": 1.0,
    "hyphenated/memo-raadsledenbijeenkomst-gooi-en-vechtstreek-2022": 0.9,
    "hyphenated/nieuwsbrief-lokale-democratie-bzk-2022": 1.0,
    "hyphenated/opbrengst-tafelformulieren-res-u16-2019": 1.0,
    "hyphenated/overzicht-leernetwerken-najaar-2024": 1.0,
    "hyphenated/overzicht-ontwikkeltrajecten-voorjaar-2021": 0.98,
    "hyphenated/raadsavond-regio-rivierenland-2023": 0.97,
    "hyphenated/raadsinformatiebrief-drenthe-aan-tafel-assen-2023": 0.93,
    "hyphenated/raadsledenavond-grensoverschrijdend-kerkrade-2022": 0.97,
    "hyphenated/recap-democracy-sprint-mrdh-2024": 0.95,
    "hyphenated/terugblik-dag-lokale-democratie-2023": 0.93,
    "hyphenated/verslag-griffiersdag-bollenstreek-2016": 1.0,
    "hyphenated/verslag-kennissessie-limburg-2023": 1.0,
    "hyphenated/verslag-kringbijeenkomst-rekenkamers-nhn-2025": 1.0,
    "hyphenated/verslag-netwerk-lokale-digitale-democratie-2022": 0.96,
    "hyphenated/verslag-online-kennisdag-rekenkamers-2021": 0.97,
    "hyphenated/verslag-opstartsessie-utrecht-2019": 1.0,
    "hyphenated/verslag-raadsledenateliers-zuid-holland-2023": 1.0,
    "hyphenated/verslag-regiotafel-drenthe-2019": 1.0,
    "hyphenated/verslag-startbijeenkomst-democratische-vakman-2020": 1.0,
    "hyphenated/verslag-werkatelier-weerbaar-bestuur-2022": 1.0,
    "hyphenated/verslag-werkconferentie-amstelland-meerlanden-2022": 0.91,
    "hyphenated/verslagformulier-raadsledenavond-liemers-2019": 1.0,
}

Failure = tuple[str, str, str, tuple[Any, ...]]
"""(document stem, field, "missing" | "spurious", fact)."""


def key(pdf: Path) -> str:
    """A fixture's name in F1_REACHED and known_failures.yml: its path below FIXTURES, no suffix."""
    return pdf.relative_to(FIXTURES).with_suffix("").as_posix()


def gold_path(stem: str) -> Path:
    return DATA / "sample" / f"{stem}.gold.json" if stem == SAMPLE_STEM else CORPUS / f"{stem}.gold.json"


@cache
def extract(pdf: Path, engine: str) -> dict[str, Any]:
    return process_file(pdf, Options(pdf_engine=engine), display_path=pdf.name)


def score(pdf: Path, engine: str) -> tuple[set[Failure], Counts]:
    gold = json.loads(gold_path(pdf.stem).read_text(encoding="utf-8"))
    failures: set[Failure] = set()
    total = Counts()
    for field, result in evaluate_pair(gold, extract(pdf, engine)).items():
        total.add(result.counts)
        failures.update((key(pdf), field, "missing", tuple(f)) for f in result.missing)
        failures.update((key(pdf), field, "spurious", tuple(f)) for f in result.spurious)
    return failures, total


def load_known() -> dict[Failure, str]:
    data = yaml.safe_load(KNOWN_FAILURES.read_text(encoding="utf-8")) or {}
    return {
        (item["document"], item["field"], item["kind"], tuple(item["fact"])): str(item.get("reason") or "")
        for item in data.get("failures") or []
    }


def test_the_fixtures_are_there() -> None:
    assert {key(p) for p in PDFS} == set(F1_REACHED)
    assert all(gold_path(p.stem).exists() for p in PDFS)
    # Small enough to keep in the repository.
    assert sum(p.stat().st_size for p in PDFS) < 3_000_000  # 62 PDFs, ~41 KB each
    # Written by LibreOffice (its /Producer, as a UTF-16 hex string).
    producer = "LibreOffice".encode("utf-16-be").hex().upper().encode()
    assert all(p.read_bytes()[:5] == b"%PDF-" and producer in p.read_bytes() for p in PDFS)


def test_every_known_failure_has_a_reason() -> None:
    assert all(reason.strip() for reason in load_known().values())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pdf", PDFS, ids=key)
def test_failures_are_exactly_the_known_ones(pdf: Path, engine: str) -> None:
    actual, _ = score(pdf, engine)
    known = {f for f in load_known() if f[0] == key(pdf)}
    new, fixed = sorted(actual - known, key=repr), sorted(known - actual, key=repr)
    assert not new, f"{pdf.name} ({engine}): facts wrong that are not in known_failures.yml: {new}"
    assert not fixed, f"{pdf.name} ({engine}): known failures fixed, take them off the list: {fixed}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pdf", PDFS, ids=key)
def test_document_f1_reaches_its_ratchet(pdf: Path, engine: str) -> None:
    _, total = score(pdf, engine)
    assert round(total.f1, 2) >= F1_REACHED[key(pdf)], f"{key(pdf)} ({engine}): F1 {total.f1:.3f}"


@pytest.mark.parametrize("pdf", PDFS, ids=key)
def test_both_engines_extract_the_same(pdf: Path) -> None:
    pdfium, plumber = extract(pdf, "pdfium"), extract(pdf, "pdfplumber")
    differing = sorted(key for key in pdfium.keys() | plumber.keys() if pdfium.get(key) != plumber.get(key))
    assert not differing, f"{pdf.name}: the engines differ in {differing}"


def update_known_failures() -> None:
    """Rewrite known_failures.yml from a run (pdfium), keeping the reasons already written."""
    known = load_known() if KNOWN_FAILURES.exists() else {}
    failures = sorted({f for pdf in PDFS for f in score(pdf, "pdfium")[0]}, key=repr)
    header = (
        KNOWN_FAILURES.read_text(encoding="utf-8").split("failures:")[0] if KNOWN_FAILURES.exists() else ""
    )
    lines = [header + "failures:"]
    for d, f, k, fact in failures:
        reason = known.get((d, f, k, fact), "TODO")
        lines += [f"- document: {d}", f"  field: {f}", f"  kind: {k}"]
        lines += [f"  fact: {json.dumps(list(fact), ensure_ascii=False)}"]
        lines += [f"  reason: {json.dumps(reason, ensure_ascii=False)}"]
    KNOWN_FAILURES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for pdf in PDFS:
        print(f"{key(pdf)}: F1 {score(pdf, 'pdfium')[1].f1:.3f}")


if __name__ == "__main__" and "--update" in sys.argv:
    update_known_failures()


# Word tables as users format them, exported by LibreOffice (tables/, made by make_fixtures.py):
# a shaded header row (its fill is drawn as cell rectangles inside the ruling grid) and a header
# row repeated on the next page. Each must read as one table with the header row once.
TABLE_PDFS = {"shaded-header": 3, "repeated-header": 80}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "sessions"), TABLE_PDFS.items())
def test_word_tables_read_as_one_table(name: str, sessions: int, engine: str) -> None:
    from pipeline.ingest import read_document

    doc = read_document(FIXTURES / "tables" / f"{name}.pdf", pdf_engine=engine)  # type: ignore[arg-type]
    cells = [(b.table, b.text) for b in doc.blocks if b.kind == "table_cell"]
    expected = [((0, 0, 0), "Sessie"), ((0, 0, 1), "Gemeenten"), ((0, 0, 2), "Begeleiding")]
    for n in range(1, sessions + 1):
        expected += [((0, n, 0), f"{n}. Thema {n}"), ((0, n, 1), "Utrecht, Zeist, Houten")]
        expected += [((0, n, 2), "Jan de Vries (VNG)")]
    assert cells == expected
    assert [b.text for b in doc.blocks if b.kind != "table_cell"] == [
        "Hieronder staan de sessies met de deelnemende gemeenten en de begeleiders.",
        "Einde van het overzicht.",
    ]
