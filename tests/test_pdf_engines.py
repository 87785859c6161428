"""Both PDF engines give the same extraction on every PDF of the test corpus.

PDFium is the default for speed and pdfplumber stays available (``--pdf-engine pdfplumber``);
a user switching engines must not get different data. The documents are compared whole:
every field of the contract, the text and the provenance of every mention.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_corpus import build_corpus, load_corpus, load_renderer

from pipeline.process import Options, process_file

PDF_ENTRIES = [entry for entry in load_corpus() if entry.format == "pdf"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if load_renderer() is None:
        pytest.skip("tests/render.py is not there")
    folder = tmp_path_factory.mktemp("pdfs")
    build_corpus(PDF_ENTRIES, folder)
    return folder


def _extract(path: Path, engine: str) -> dict[str, Any]:
    return process_file(path, Options(pdf_engine=engine), display_path=path.name)


def test_the_corpus_has_pdfs() -> None:
    assert len(PDF_ENTRIES) >= 4


@pytest.mark.parametrize("entry", PDF_ENTRIES, ids=lambda e: e.stem)
def test_pdfium_and_pdfplumber_extract_the_same(built: Path, entry: Any) -> None:
    path = built / entry.built_name
    pdfium, plumber = _extract(path, "pdfium"), _extract(path, "pdfplumber")
    differing = sorted(key for key in pdfium.keys() | plumber.keys() if pdfium.get(key) != plumber.get(key))
    assert not differing, f"{entry.built_name}: the engines differ in {differing}"
