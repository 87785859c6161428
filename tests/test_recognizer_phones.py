"""Phone recognizer: Dutch forms in, E.164 out; dates, amounts, KvK numbers and IBANs stay out."""

from __future__ import annotations

import pytest

from pipeline.recognizers.phones import find_phones, normalise_phone

# (text, [(as written, E.164), ...])
CASES = [
    ("Bel 06-12345678 voor info.", [("06-12345678", "+31612345678")]),
    ("mobiel 06 1234 5678", [("06 1234 5678", "+31612345678")]),
    (
        "contact op met Mathilde van de Ven via Mathilde.vandeVen@VNG.nl of 06-57593276.",
        [("06-57593276", "+31657593276")],
    ),
    ("T +31 6 12 34 56 78", [("+31 6 12 34 56 78", "+31612345678")]),
    ("tel. +31 (0)30 123 4567", [("+31 (0)30 123 4567", "+31301234567")]),
    ("(030) 123 45 67", [("(030) 123 45 67", "+31301234567")]),
    ("030-1234567", [("030-1234567", "+31301234567")]),
    ("0031 70 373 8393", [("0031 70 373 8393", "+31703738393")]),
    ("VNG: 070 - 373 83 93", [("070 - 373 83 93", "+31703738393")]),
    ("088-7703500", [("088-7703500", "+31887703500")]),
    ("Gratis: 0800-1234", [("0800-1234", "+318001234")]),
    ("Gemeente Utrecht, bel 14 030", [("14 030", "+3114030")]),
    ("06-11794403 en 06-45478963", [("06-11794403", "+31611794403"), ("06-45478963", "+31645478963")]),
    # A foreign number is short for a Dutch one; its country code says it is a phone.
    ("Gastspreker uit Antwerpen: +32 3 224 18 70", [("+32 3 224 18 70", "+3232241870")]),
    ("Vanuit Brussel: 0032 2 548 12 60.", [("0032 2 548 12 60", "+3225481260")]),
    # Negatives
    ("Dossier 32 2 211 55 00 is gesloten.", []),
    ("Datum 21-02-2019", []),
    ("Postcode 3511 AB Utrecht", []),
    ("In 2019 en 2020 liep het traject.", []),
    ("Het budget is € 1.250.000 voor vier jaar.", []),
    ("KvK 30123456", []),
    ("IBAN NL91 ABNA 0417 1643 00", []),
    ("NL91ABNA0417164300", []),
    ("14 030 inwoners", []),
    ("van 10.00-12.00 uur", []),
    ("06-1234567", []),
]

# A date with a clock time after it is a timestamp (chat exports, logs), never a phone; a phone
# on the same line after the stamp still counts.
TIMESTAMP_CASES = [
    ("[05-07-2022 09:16:40] Sanne Kuipers: dat is goed", []),
    ("05-07-2022 09:16 - Sanne: ik bel morgen", []),
    ("Ingezonden op 05-07-2022 09:15 uur door de griffie", []),
    ("(03.11.2021 14:05) Jan: akkoord", []),
    ("[27-09-2022 17:12:55] +31 6 2381 4470: tot straks", [("+31 6 2381 4470", "+31623814470")]),
    ("[05-07-2022 09:16:40] Kees: bel mij op 06 - 5310 2287", [("06 - 5310 2287", "+31653102287")]),
    ("Gebeld op 12-03-2023 naar 050 - 720 22 09", [("050 - 720 22 09", "+31507202209")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_phones(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_phones(text)
    assert [(f.text, f.value) for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.label == "PHONE" and f.source == "rule:phone"


@pytest.mark.parametrize(("text", "expected"), TIMESTAMP_CASES)
def test_timestamp_is_no_phone(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.value) for f in find_phones(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06-57593276", "+31657593276"),
        ("tel: +31 (0)30 123 4567", "+31301234567"),
        ("0031 70 373 8393", "+31703738393"),
        ("06-1234567", None),
        ("geen nummer", None),
    ],
)
def test_normalise_phone(text: str, expected: str | None) -> None:
    assert normalise_phone(text) == expected
