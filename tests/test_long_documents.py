"""Very long documents (a 300-page annual report) go through the whole pipeline.

spaCy's default ``max_length`` of 1,000,000 characters made such documents fail; the blank
pipeline has no parser or NER model and raises it (see ``pipeline.nlp.MAX_TEXT_LENGTH``).
"""

from __future__ import annotations

import pytest

from pipeline.nlp import MAX_TEXT_LENGTH, TextTooLong, find_entities
from pipeline.process import process_bytes

FILLER = "De deelnemers wisselden ervaringen uit over de rol van de raad bij participatie.\n"
ENDING = "Voor vragen: neem contact op met Emma Klever (emma.klever@vng.nl) in Utrecht.\n"


def long_report(characters: int) -> str:
    body = FILLER * (characters // len(FILLER) + 1)
    return "Jaarverslag Democratie in Actie\nUtrecht, 14 februari 2023\n" + body + ENDING


def test_a_report_longer_than_spacys_default_limit_is_extracted_to_its_end() -> None:
    text = long_report(1_100_000)
    assert len(text) > 1_000_000  # spaCy's default nlp.max_length

    document = process_bytes(text.encode("utf-8"), "jaarverslag.txt")

    assert "Emma Klever" in [p["name"] for p in document["people"]]
    assert document["emails"] == ["emma.klever@vng.nl"]
    person = next(m for m in document["mentions"] if m["text"] == "Emma Klever")
    assert person["start"] > 1_000_000


def test_text_beyond_the_memory_budget_fails_with_a_clear_reason() -> None:
    with pytest.raises(TextTooLong, match="longer than the 3,000,000"):
        find_entities("x" * (MAX_TEXT_LENGTH + 1))
