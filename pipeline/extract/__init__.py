"""Extraction: from a Document to the contract's fields (work in progress)."""

from __future__ import annotations

from typing import Any

from pipeline.model import Document


def extract(document: Document, *, spacy_model: str | None = None) -> dict[str, Any]:
    first = document.blocks[0].text if document.blocks else None
    return {
        "title": first,
        "published": None,
        "event_date": None,
        "location": None,
        "sessions": [],
        "quotes": [],
        "people": [],
        "organisations": [],
        "municipalities": [],
        "emails": [],
        "phones": [],
        "programmes": [],
        "mentions": [],
        "warnings": list(document.warnings),
    }
