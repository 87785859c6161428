"""Normal forms the review compares values in, so formatting is never reported as a change.

Two kinds: a *value* form (what a field is compared as and shown) only drops what carries
no meaning - Unicode composition, runs of whitespace such as a re-wrapped line, an empty
string versus null; a *key* form (what identifies a record) is looser still - case,
accents and quote style - so a person written ``Jornt van  Zuylen`` or ``jornt van zuylen``
is the same person whose other fields are then compared.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pipeline.evaluate import norm as loose


def text(value: Any) -> str | None:
    """A string with whitespace collapsed and composed Unicode; empty or missing is None."""
    if value is None:
        return None
    collapsed = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return collapsed or None


def key(value: Any) -> str:
    """The identity form of a text: evaluate's loose form (case, spacing, quote style, a
    final full stop) with accents dropped too."""
    folded = unicodedata.normalize("NFKD", loose(text(value) or ""))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def email(value: Any) -> str | None:
    """An email address is case-insensitive (the contract's normal form is lower case)."""
    found = text(value)
    return found.lower() if found else None


def phone(value: Any) -> str | None:
    """A phone is its E.164 number; how it was written is provenance, not data."""
    if isinstance(value, dict):
        value = value.get("e164")
    return text(value)


def text_list(values: Any) -> tuple[str, ...]:
    """A list of spellings or aliases compared as a set: order and duplicates are not data."""
    return tuple(sorted({t for t in (text(v) for v in values or []) if t}))


def municipality(value: Any) -> str | None:
    """A municipality reference is its CBS code (its name when it has none)."""
    if not isinstance(value, dict):
        return text(value)
    return text(value.get("code")) or text(value.get("name"))
