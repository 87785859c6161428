"""A labelled list of who led a session: each person with the body the text gives them."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt


def leaders(line: str) -> list[tuple[str, str | None]]:
    text = f"Verslag\n\nSessie 1: Wonen\nGemeenten: Ede\n{line}\n\nSessie 2: Zorg\nGemeenten: Epe\n"
    session = extract(read_txt(text.encode("utf-8")))["sessions"][0]
    return [(p["name"], p["organisation"]) for p in session["facilitators"]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A known body after the person's role, set apart by a comma, is theirs: not a second person.
        (
            "Gespreksleider: dr. Bart Hendrikx, universitair docent bestuurskunde, Tilburg University",
            [("Bart Hendrikx", "Tilburg University")],
        ),
        (
            "Begeleiding: Mira Smit, senior onderzoeker, Universiteit Utrecht",
            [("Mira Smit", "Universiteit Utrecht")],
        ),
        # The body's abbreviation in brackets after its full name: the full name.
        (
            "Begeleiding: Ellen Kramer, adviseur bij het Nederlands Jeugdinstituut (NJi)",
            [("Ellen Kramer", "Nederlands Jeugdinstituut")],
        ),
        # Two people, each with a body in brackets or after a comma.
        (
            "Begeleiding: Anna de Vries (NJi) en Piet Bos (VNG)",
            [("Anna de Vries", "NJi"), ("Piet Bos", "VNG")],
        ),
        (
            "Begeleiding: Anna de Vries, Berenschot, en Piet Bos, VNG",
            [("Anna de Vries", "Berenschot"), ("Piet Bos", "VNG")],
        ),
    ],
)
def test_leaders_with_their_bodies(line: str, expected: list[tuple[str, str | None]]) -> None:
    assert leaders(line) == expected
