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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The list is its first sentence; what follows is prose about the people.
        (
            "Gespreksleiding: Sandra Goossen (Scoop). Karin Hamelink was ziek, Sandra viel in.",
            [("Sandra Goossen", "Scoop")],
        ),
        ("Begeleiding: Sandra Goossen (Scoop). Zij deed dat goed.", [("Sandra Goossen", "Scoop")]),
        (
            "Begeleiding: J. Jansen (VNG) en prof. dr. A. de Wit (Universiteit Utrecht). Zij wisselden af.",
            [("J. Jansen", "VNG"), ("A. de Wit", "Universiteit Utrecht")],
        ),
        # Sentences of names only are one list.
        (
            "Begeleiding: Anna Bos (Berenschot). Piet Kok (VNG).",
            [("Anna Bos", "Berenschot"), ("Piet Kok", "VNG")],
        ),
        (
            "Begeleiding: Anna Bos (Berenschot). Piet Kok (VNG). Beiden deden het goed.",
            [("Anna Bos", "Berenschot"), ("Piet Kok", "VNG")],
        ),
        # A dot that ends no sentence: an abbreviation inside brackets, a title.
        ("Begeleiding: Henk Postma (o.a. Raadslid.Nu)", [("Henk Postma", "Raadslid.Nu")]),
        ("Gespreksleider: dr. Bart Hendrikx (Tilburg University)", [("Bart Hendrikx", "Tilburg University")]),
    ],
)
def test_a_list_of_leaders_ends_with_its_sentence(line: str, expected: list[tuple[str, str | None]]) -> None:
    assert leaders(line) == expected
