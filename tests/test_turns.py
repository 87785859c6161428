"""A transcript's speaker turns: who speaks, in capitals or not, with or without a time stamp."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt
from pipeline.turns import proper_case, speaker_turn


@pytest.mark.parametrize(
    ("line", "name", "note"),
    [
        ("[10:02:15] GEERT BOS (voorzitter): Welkom allemaal.", "Geert Bos", "voorzitter"),
        ("[14:05] Anja de Wit (griffier Ede): Dank u.", "Anja de Wit", "griffier Ede"),
        ("19:42 – HENK VAN DER MEULEN: Ja, dat klopt.", "Henk van der Meulen", None),
        ("21.03 - Sanne Kok: Nog een vraag.", "Sanne Kok", None),
        (
            "MARIEKE JANSEN (RES Holland Rijnland): Wij hadden een volle tafel.",
            "Marieke Jansen",
            "RES Holland Rijnland",
        ),
        ("[09:15] YOUSSEF EL OUALI (wethouder Gouda): Goedemorgen.", "Youssef El Ouali", "wethouder Gouda"),
    ],
)
def test_a_speaker_label_opens_a_turn(line: str, name: str, note: str | None) -> None:
    turn = speaker_turn(line)
    assert turn is not None
    assert (turn.name, turn.note) == (name, note)
    assert line[turn.body - 2 : turn.body] == ": "


@pytest.mark.parametrize(
    "line",
    [
        "Opname: dinsdag 7 maart 2023, 19:30 uur, raadzaal Goes",
        "LET OP: de tafels zijn niet uitgezonden.",
        "Jan de Vries: ‘We moeten dit vaker doen.’",  # an interview's answer, no stamp
        "[19:38:10] [pauze in de uitzending]",
        "VRAAG TWEE: hoe houden we grip op de regio?",
        "Transcriptie vastgesteld door: Annemiek Weststrate",
        "[20:15] Tafel 1: wonen in de kernen",
    ],
)
def test_other_lines_open_no_turn(line: str) -> None:
    assert speaker_turn(line) is None


@pytest.mark.parametrize(
    ("written", "proper"),
    [
        ("MARCO VAN HOOFT", "Marco van Hooft"),
        ("ANNE-MARIE TER HORST-DE BOER", "Anne-Marie ter Horst-De Boer"),
        ("PIET IN 'T VELD", "Piet in 't Veld"),
        ("Fatima el Amrani", "Fatima el Amrani"),
    ],
)
def test_a_name_in_capitals_is_written_as_a_person_writes_it(written: str, proper: str) -> None:
    assert proper_case(written) == proper


def test_people_named_only_in_speaker_labels() -> None:
    text = (
        "Transcriptie commissieavond\n\n"
        "[19:30:02] GEERT BOS (voorzitter): Welkom. Ik geef het woord aan de griffier.\n\n"
        "[19:31:40] HENK VAN DER MEULEN (griffier): Dank u. De stukken staan online.\n\n"
        "[19:33:05] GEERT BOS (voorzitter): Dan sluit ik de vergadering.\n"
    )
    people = [p["name"] for p in extract(read_txt(text.encode()))["people"]]
    assert "Geert Bos" in people and "Henk van der Meulen" in people
    assert extract(read_txt(text.encode()))["quotes"] == []


def test_capitals_that_name_no_one_give_no_people() -> None:
    text = (
        "Verslag\n\nLET OP: de zaal is verplaatst.\n\nVRAAG TWEE: wie betaalt?\n\nNOG OPEN: de begroting.\n"
    )
    assert extract(read_txt(text.encode()))["people"] == []
