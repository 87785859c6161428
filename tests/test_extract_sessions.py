"""Sessions' parts read from their text: offerings written as lists in a sentence, contacts."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.extract.sessions import enumeration
from pipeline.ingest.txt import read_txt


def sessions_of(body: str) -> list[dict[str, Any]]:
    text = f"Verslag van de regiodag\n\nSessie 1: Wijkraden\nGemeenten: Oss, Vught\n\n{body}\n"
    return extract(read_txt(text.encode("utf-8")))["sessions"]


@pytest.mark.parametrize(
    ("sentence", "offerings"),
    [
        (
            "De provincie biedt de raden: a) een cursus voorzitten, b) een spel en c) een podcast.",
            ["een cursus voorzitten", "een spel", "een podcast"],
        ),
        (
            "Het was nuttig. Het kenniscentrum kan gemeenten ondersteunen met: (1) een quickscan, en (2) "
            "twee dagdelen advies. Daarna was er koffie.",
            ["een quickscan", "twee dagdelen advies"],
        ),
        (
            "Voor deze sessie stelt de VNG beschikbaar: 1) een handreiking; 2) een training voor griffies",
            ["een handreiking", "een training voor griffies"],
        ),
        (
            "Er is een vervolgaanbod: a) een excursie naar Assen en b) een terugkomdag.",
            ["een excursie naar Assen", "een terugkomdag"],
        ),
    ],
)
def test_a_list_in_a_sentence_about_offering_holds_offerings(sentence: str, offerings: list[str]) -> None:
    assert sessions_of(sentence)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "sentence",
    [
        # A list in a sentence that is not about offering: questions, findings, a plan.
        "De deelnemers bespraken: a) de rol van de raad, b) de planning en c) het budget.",
        "Twee vragen bleven over: (1) wie betaalt, en (2) wie beslist.",
        # One item is no list; letters out of order are no markers.
        "De provincie biedt: a) een cursus.",
        "De provincie biedt de raden b) een cursus en a) een spel.",
    ],
)
def test_other_lists_in_sentences_are_no_offerings(sentence: str) -> None:
    assert sessions_of(sentence)[0]["offerings"] == []


@pytest.mark.parametrize(
    ("label", "offerings"),
    [
        ("Beschikbaar via de regio:\n- Een cursus\n- Een spel", ["Een cursus", "Een spel"]),
        ("Mee te nemen naar de eigen raad:\n- Een spel", ["Een spel"]),
        ("Voor wie meer wil:\n- Een cursus", ["Een cursus"]),
        (
            "Het netwerk stelt hiervoor beschikbaar: a) een cursus, en b) een spel.",
            ["een cursus", "een spel"],
        ),
        ("Vervolgaanbod: een cursus; een spel", ["een cursus", "een spel"]),
    ],
)
def test_labels_of_what_participants_can_take_up(label: str, offerings: list[str]) -> None:
    assert sessions_of(label)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "line",
    [
        "Mee te nemen: een laptop",
        "De zaal was niet beschikbaar, dus we weken uit.",
        "Voor wie het wil weten.",
    ],
)
def test_other_lines_with_those_words_hold_no_offerings(line: str) -> None:
    assert sessions_of(line)[0]["offerings"] == []


def test_enumeration_spans() -> None:
    text = "Aanbod: a) een spel, b) een cursus en c) een gesprek. Verder niets."
    found = enumeration(text)
    assert found is not None
    assert [text[lo:hi] for lo, hi in found[1]] == ["een spel", "een cursus", "een gesprek"]


def test_a_contact_line_about_this_session_stays_in_it() -> None:
    body = (
        "Aanbod:\n- Een spel\n\nVragen over deze werkgroep: Nina Kok, n.kok@raadwerk.nl\n\n"
        "Meer over het programma: info@raadwerk.nl\n"
    )
    contacts = sessions_of(body)[0]["contacts"]
    assert [c["email"] for c in contacts] == ["n.kok@raadwerk.nl"]
