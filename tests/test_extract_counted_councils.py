"""A session's councils given as a count ("raadsleden uit alle vijf de gemeenten") take the
councils the report listed before its sessions, or that its sessions named together, when
that list holds exactly the count."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt


def councils_per_session(text: str) -> list[list[str]]:
    doc: dict[str, Any] = extract(read_txt(text.encode("utf-8")))
    return [sorted(m["name"] for m in s["municipalities"]) for s in doc["sessions"]]


INTRO = (
    "Verslag van de regionale raadsledenavond\n\n"
    "Uitgenodigd waren de raden van Bunnik, Houten, Wijk bij Duurstede en Utrechtse Heuvelrug.\n\n"
)
FOUR = ["Bunnik", "Houten", "Utrechtse Heuvelrug", "Wijk bij Duurstede"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Aan deze tafel zaten raadsleden uit alle vier de gemeenten.",
        "Raadsleden van alle vier de uitgenodigde gemeenten schoven aan.",
        "Deelnemers: raadsleden uit alle 4 gemeenten",
        "Alle vier de raden waren vertegenwoordigd.",
        "Hier waren alle vier deelnemende gemeenten aanwezig, ook de griffiers.",
    ],
)
def test_a_count_takes_the_councils_listed_before_the_sessions(sentence: str) -> None:
    text = (
        INTRO + "Sessie 1: Wonen\nGemeenten: Bunnik, Houten\n\n"
        f"Sessie 2: Energie\n{sentence}\n\nSessie 3: Jeugd\nGemeenten: Houten\n"
    )
    assert councils_per_session(text) == [["Bunnik", "Houten"], FOUR, ["Houten"]]


def test_without_a_list_before_them_the_count_takes_what_the_other_sessions_named() -> None:
    text = (
        "Verslag van de raadsledenavond\n\n"
        "Sessie 1: Wonen\nGemeenten: Zeist, De Bilt\n\n"
        "Sessie 2: Energie\nGemeenten: Soest\n\n"
        "Sessie 3: Jeugd\nRaadsleden uit alle drie de gemeenten praatten mee.\n"
    )
    assert councils_per_session(text)[2] == ["De Bilt", "Soest", "Zeist"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A count that matches no list: no guess which of them were meant.
        "Aan deze tafel zaten raadsleden uit alle drie de gemeenten.",
        "Raadsleden uit alle zes gemeenten schoven aan.",
        # No count of councils.
        "Alle vier de wethouders waren er.",
        "Alle raadsleden van Houten kwamen.",
        "Van alle gemeenten in de provincie kwam er één.",
        "We bespraken alle vier de scenario's.",
    ],
)
def test_other_counts_add_no_councils(sentence: str) -> None:
    text = INTRO + f"Sessie 1: Wonen\nGemeenten: Bunnik\n\nSessie 2: Energie\n{sentence}\n"
    sessions = councils_per_session(text)
    assert sessions[0] == ["Bunnik"]
    assert set(sessions[1]) <= {"Houten"}


def test_a_count_followed_by_its_councils_keeps_them() -> None:
    text = INTRO + (
        "Sessie 1: Wonen\nRaadsleden uit alle vijf gemeenten (Zeist, De Bilt, Soest, Baarn en Bunnik).\n"
    )
    assert councils_per_session(text) == [["Baarn", "Bunnik", "De Bilt", "Soest", "Zeist"]]


def test_the_councils_a_count_gave_are_traceable_to_it() -> None:
    text = INTRO + "Sessie 1: Energie\nRaadsleden uit alle vier de gemeenten.\n"
    doc = extract(read_txt(text.encode("utf-8")))
    mentions = [m for m in doc["mentions"] if m["source"] == "rule:counted-councils"]
    assert {m["text"] for m in mentions} == {"alle vier de gemeenten"}
    assert len(mentions) == 4
