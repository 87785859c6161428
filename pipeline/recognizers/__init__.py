"""Recognizers: one small module per entity type (the Presidio layout).

Each recognizer takes plain text and returns :class:`Found` spans with the value already
in its normal form, the stage that found it (``source``) and how sure it is
(``confidence``). Recognizers know nothing of documents or sessions; the extract stage
decides what a span means in its context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Found:
    label: str
    """EMAIL, PHONE, DATE, PERSON, ORG or MUNICIPALITY."""
    start: int
    end: int
    text: str
    """The span as written."""
    value: Any
    """The normal form: lower-case email, E.164 phone, ISO date, clean name, CBS code..."""
    source: str
    """Which stage found it: 'rule:email', 'gazetteer:municipality', 'ner:person', ..."""
    confidence: float = 1.0
