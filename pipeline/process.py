"""One document, start to finish: read -> ingest -> extract -> the contract's JSON.

``process_file`` is the unit of work the batch runner sends to its workers. It either
returns the complete document dict or raises :class:`StageError` naming the stage that
failed and why; it never writes anything itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import SCHEMA_VERSION
from pipeline.ingest import IngestError, PdfEngine, read_document


@dataclass(frozen=True)
class Options:
    """Per-run settings that change what a document's extraction gives."""

    pdf_engine: PdfEngine = "pdfium"
    spacy_model: str | None = None


class StageError(Exception):
    """A document failed in ``stage`` ("read", "ingest", "extract") for ``reason``."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


def make_doc_id(name: str, sha256: str) -> str:
    """A readable, content-derived id: the file's stem as a slug plus 12 hex of its hash."""
    slug = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")[:100] or "doc"
    if not slug[0].isalnum():
        slug = "d" + slug
    return f"{slug}-{sha256[:12]}"


def process_file(
    path: Path, options: Options | None = None, display_path: str | None = None
) -> dict[str, Any]:
    """Extract one file into the contract's document dict (see document.schema.json)."""
    options = options or Options()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StageError("read", f"cannot read file: {exc.strerror or exc}") from exc
    return process_bytes(data, display_path or str(path), options)


def process_bytes(data: bytes, source_path: str, options: Options | None = None) -> dict[str, Any]:
    options = options or Options()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = read_document(Path(source_path), data, pdf_engine=options.pdf_engine)
    except IngestError as exc:
        raise StageError("ingest", exc.reason) from exc
    except Exception as exc:  # a reader bug or a parser crash on odd input
        raise StageError("ingest", f"reader crashed: {type(exc).__name__}: {exc}") from exc

    from pipeline.extract import extract

    try:
        content = extract(document, spacy_model=options.spacy_model)
    except Exception as exc:
        raise StageError("extract", f"{type(exc).__name__}: {exc}") from exc
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": make_doc_id(source_path, sha256),
        "source": {
            "path": source_path,
            "format": document.format,
            "sha256": sha256,
            "bytes": len(data),
            "pages": document.pages,
        },
        **content,
    }
