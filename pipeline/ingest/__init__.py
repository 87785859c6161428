"""Ingest: one reader per file type, each returning the same :class:`Document`.

The format is detected from the file's content, not its name: a PDF named ``.docx`` is
read as a PDF. Every reader failure is an :class:`IngestError` with a specific,
human-readable reason; nothing else escapes a reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pipeline.model import Document, SourceFormat

PdfEngine = Literal["pdfium", "pdfplumber"]
SUPPORTED_SUFFIXES = (".txt", ".pdf", ".docx")


class IngestError(Exception):
    """A document could not be read; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def detect_format(data: bytes, suffix: str) -> SourceFormat:
    """Decide the reader from the bytes; the suffix only breaks ties for text."""
    if not data:
        raise IngestError("empty file (0 bytes)")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix == ".pdf":
        raise IngestError("not a PDF: the file does not start with '%PDF-' (corrupt or wrong extension)")
    if suffix == ".docx":
        raise IngestError("not a .docx: the file is not a zip package (corrupt or wrong extension)")
    return "txt"


def read_document(path: Path, data: bytes | None = None, pdf_engine: PdfEngine = "pdfium") -> Document:
    """Read ``path`` (or the already loaded ``data``) into a :class:`Document`."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    fmt = detect_format(data, path.suffix.lower())
    if fmt == "txt":
        from pipeline.ingest.txt import read_txt

        return read_txt(data)
    if fmt == "docx":
        from pipeline.ingest.docx import read_docx

        return read_docx(data)
    if pdf_engine == "pdfplumber":
        from pipeline.ingest.pdf_plumber import read_pdf_plumber

        return read_pdf_plumber(data)
    from pipeline.ingest.pdf_pdfium import read_pdf_pdfium

    return read_pdf_pdfium(data)
