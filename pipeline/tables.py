"""Tidy tables derived from the per-document JSON: one fact per row.

The JSON document is the source of truth; every table is a pure function of it, so the
tables of a run are always consistent with its documents. Column order is fixed here
(and documented in ``docs/data-dictionary.md``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Row = dict[str, Any]

TABLE_COLUMNS: dict[str, list[str]] = {
    "documents": [
        "doc_id", "source_path", "format", "sha256", "bytes", "pages", "title",
        "published", "event_date", "location", "n_sessions", "schema_version",
    ],
    "sessions": ["doc_id", "session_number", "title", "description", "n_municipalities"],
    "session_municipalities": [
        "doc_id", "session_number", "municipality_code", "municipality_name", "as_written",
    ],
    "facilitators": ["doc_id", "session_number", "name", "organisation", "role"],
    "contacts": ["doc_id", "session_number", "name", "email", "phone_e164", "phone_as_written"],
    "offerings": ["doc_id", "session_number", "position", "text"],
    "quotes": [
        "doc_id", "position", "speaker", "role", "organisation",
        "municipality_code", "municipality_name", "text",
    ],
    "people": ["doc_id", "name", "organisation", "role"],
    "organisations": ["doc_id", "name", "aliases"],
    "municipalities": ["doc_id", "municipality_code", "municipality_name", "as_written"],
    "emails": ["doc_id", "email"],
    "phones": ["doc_id", "e164", "as_written"],
    "programmes": ["doc_id", "position", "name"],
    "mentions": ["doc_id", "label", "text", "start", "end", "page", "source", "confidence"],
    "warnings": ["doc_id", "warning"],
}  # fmt: skip

# Several spellings of one municipality share a cell, joined by this separator.
LIST_SEPARATOR = " | "

# The declared type of every column, kept here beside TABLE_COLUMNS so Parquet export, the
# data dictionary (docs/data-dictionary.md) and its test read one source. A column is
# "string" unless named below; a name means the same type in every table that has it.
# "integer" is nullable (pandas Int64), "float" nullable (Float64), "date" is an ISO
# YYYY-MM-DD string in CSV and a date in Parquet.
COLUMN_TYPES: dict[str, str] = {
    "bytes": "integer",
    "pages": "integer",
    "n_sessions": "integer",
    "session_number": "integer",
    "n_municipalities": "integer",
    "position": "integer",
    "start": "integer",
    "end": "integer",
    "page": "integer",
    "confidence": "float",
    "published": "date",
    "event_date": "date",
}
TABLE_TYPES: dict[str, dict[str, str]] = {
    name: {column: COLUMN_TYPES.get(column, "string") for column in columns}
    for name, columns in TABLE_COLUMNS.items()
}


def document_rows(doc: dict[str, Any]) -> dict[str, list[Row]]:
    """All table rows of one extracted document, keyed by table name."""
    doc_id = doc["doc_id"]
    rows: dict[str, list[Row]] = {name: [] for name in TABLE_COLUMNS}
    source = doc["source"]
    rows["documents"].append(
        {
            "doc_id": doc_id,
            "source_path": source["path"],
            "format": source["format"],
            "sha256": source["sha256"],
            "bytes": source["bytes"],
            "pages": source.get("pages"),
            "title": doc.get("title"),
            "published": doc.get("published"),
            "event_date": doc.get("event_date"),
            "location": doc.get("location"),
            "n_sessions": len(doc["sessions"]),
            "schema_version": doc["schema_version"],
        }
    )
    for session in doc["sessions"]:
        key = {"doc_id": doc_id, "session_number": session["number"]}
        rows["sessions"].append(
            {
                **key,
                "title": session["title"],
                "description": session.get("description"),
                "n_municipalities": len(session["municipalities"]),
            }
        )
        for muni in session["municipalities"]:
            rows["session_municipalities"].append({**key, **_municipality_cells(muni)})
        for person in session["facilitators"]:
            rows["facilitators"].append({**key, **_person_cells(person)})
        for contact in session["contacts"]:
            phone = contact.get("phone") or {}
            rows["contacts"].append(
                {
                    **key,
                    "name": contact.get("name"),
                    "email": contact.get("email"),
                    "phone_e164": phone.get("e164"),
                    "phone_as_written": phone.get("as_written"),
                }
            )
        for position, text in enumerate(session["offerings"], start=1):
            rows["offerings"].append({**key, "position": position, "text": text})
    for position, quote in enumerate(doc["quotes"], start=1):
        muni = quote.get("municipality") or {}
        rows["quotes"].append(
            {
                "doc_id": doc_id,
                "position": position,
                "speaker": quote.get("speaker"),
                "role": quote.get("role"),
                "organisation": quote.get("organisation"),
                "municipality_code": muni.get("code"),
                "municipality_name": muni.get("name"),
                "text": quote["text"],
            }
        )
    rows["people"] = [{"doc_id": doc_id, **_person_cells(p)} for p in doc["people"]]
    rows["organisations"] = [
        {"doc_id": doc_id, "name": org["name"], "aliases": LIST_SEPARATOR.join(org.get("aliases", []))}
        for org in doc["organisations"]
    ]
    rows["municipalities"] = [{"doc_id": doc_id, **_municipality_cells(m)} for m in doc["municipalities"]]
    rows["emails"] = [{"doc_id": doc_id, "email": email} for email in doc["emails"]]
    rows["phones"] = [{"doc_id": doc_id, **phone} for phone in doc["phones"]]
    rows["programmes"] = [
        {"doc_id": doc_id, "position": i, "name": name} for i, name in enumerate(doc.get("programmes", []), 1)
    ]
    rows["mentions"] = [
        {"doc_id": doc_id, **{col: m.get(col) for col in TABLE_COLUMNS["mentions"][1:]}}
        for m in doc["mentions"]
    ]
    rows["warnings"] = [{"doc_id": doc_id, "warning": w} for w in doc["warnings"]]
    return rows


def collect_rows(docs: Iterable[dict[str, Any]]) -> dict[str, list[Row]]:
    """Rows of many documents, in the order given (callers sort by doc_id)."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLE_COLUMNS}
    for doc in docs:
        for name, rows in document_rows(doc).items():
            tables[name].extend(rows)
    return tables


def _municipality_cells(muni: dict[str, Any]) -> Row:
    return {
        "municipality_code": muni.get("code"),
        "municipality_name": muni["name"],
        "as_written": LIST_SEPARATOR.join(muni["as_written"]),
    }


def _person_cells(person: dict[str, Any]) -> Row:
    return {"name": person["name"], "organisation": person.get("organisation"), "role": person.get("role")}
