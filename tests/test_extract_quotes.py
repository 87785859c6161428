"""Quotes: who said it, in which role, for which municipality, however the report writes it."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt
from pipeline.recognizers.names import clean_person_name


def extracted(body: str) -> dict[str, Any]:
    return extract(read_txt(f"Verslag\n\nDatum: 14 februari 2020\n\n{body}\n".encode()))


def quotes_of(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (q["speaker"], (q["municipality"] or {}).get("name"), q["role"]) for q in extracted(body)["quotes"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Surname only after the full name was given, with the role given there.
        (
            "Directeur Hans Dijkstra van ProDemos is tevreden. “Dat zoveel raadsleden komen, laat zien hoe "
            "belangrijk het is”, aldus Dijkstra.",
            [("Hans Dijkstra", None, "directeur")],
        ),
        (
            "Het programma opende met dhr. P. van 't Hek, conservator van het museum.\n\n"
            "“Een raadszaal is nooit neutraal, wie in een kring zit overlegt,” aldus Van 't Hek.",
            [("P. van 't Hek", None, "conservator")],
        ),
        (
            "“Griffiers zijn geen notulisten meer, we zijn adviseurs,” zegt mw. Van den Berg-de Wit.\n\n"
            "Afsluiting door mw. A.M. van den Berg-de Wit, voorzitter afdeling Zuid-Holland.",
            [("A.M. van den Berg-de Wit", None, "voorzitter")],
        ),
        # The speaker introduces the quotation.
        (
            "Henk Postma merkte op dat het akkoord niet alleen van de griffie is: “Als de fractievoorzitters "
            "er niet op sturen, verdwijnt het in de la.”",
            [("Henk Postma", None, None)],
        ),
        (
            "Volgens griffier Jeroen ten Have van Noordwijkerhout is de winst groot: “Raadsleden lezen de "
            "voorstellen weer, ook de bijlagen.”",
            [("Jeroen ten Have", "Noordwijkerhout", "griffier")],
        ),
        # Quotation and attribution on one line.
        (
            '> "Dorpsbelangen zijn geen lastposten, ze zijn onze beste informanten." – Anneke Postma, '
            "raadslid gemeente Dantumadiel",
            [("Anneke Postma", "Dantumadiel", "raadslid")],
        ),
        # A role and the municipality it serves before the name.
        (
            "“We moeten inwoners veel eerder betrekken bij de plannen”, zegt de locoburgemeester van "
            "Heerde Wolbert Meijer.",
            [("Wolbert Meijer", "Heerde", "locoburgemeester")],
        ),
        # A municipality in brackets after the name is the speaker's, not an organisation.
        (
            "“Het raadsakkoord gaf ons rust in de raad”, zegt Rijk van Walsem (Leiderdorp).",
            [("Rijk van Walsem", "Leiderdorp", None)],
        ),
        (
            "“Het raadsakkoord gaf ons rust, dat raad ik iedereen aan.”\n– Wolbert Meijer (Leiderdorp)",
            [("Wolbert Meijer", "Leiderdorp", None)],
        ),
        # A role before the name in the attribution.
        (
            "“We merken dat inwoners graag meedenken over geld”, zegt wethouder Sabine Dekker van Ede.",
            [("Sabine Dekker", "Ede", "wethouder")],
        ),
    ],
)
def test_quotes(body: str, expected: list[tuple[str | None, str | None, str | None]]) -> None:
    assert quotes_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # Reported speech is not a quote.
        "Volgens Kok is loting geen garantie voor een representatief beraad.",
        # A colon before a short title in single quotes is no quotation.
        "Henk Postma gaf de middag een motto: ‘klein beginnen, groot denken’.",
        # A colon and a quotation without a person in the sentence.
        "De conclusie van de middag was helder: “een raadsakkoord werkt alleen als het kort is.”",
    ],
)
def test_no_quotes(body: str) -> None:
    assert quotes_of(body) == []


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    people = extracted(
        "Directeur Hans Dijkstra van ProDemos is tevreden. “Dat zoveel raadsleden komen, laat zien hoe "
        "belangrijk het is”, aldus Dijkstra."
    )["people"]
    assert [p["name"] for p in people] == ["Hans Dijkstra"]


def test_a_surname_shared_by_two_people_is_not_merged_into_a_different_given_name() -> None:
    people = extracted("Jan Bos en Piet Bos spraken over de begroting.")["people"]
    assert [p["name"] for p in people] == ["Jan Bos", "Piet Bos"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Fatima el Idrissi", "Fatima el Idrissi"),
        ("Fatima El Khatib", "Fatima El Khatib"),
        ("Mohamed ben Ali", "Mohamed ben Ali"),
        ("Noor el Amrani, raadslid", "Noor el Amrani"),
        # A lower-case word that is no surname prefix, or a prefix before a lower-case word, is no name.
        ("Fatima en Idrissi", None),
        ("Jan al gauw", None),
    ],
)
def test_a_lower_case_surname_prefix_after_a_first_name(written: str, name: str | None) -> None:
    assert clean_person_name(written) == name


def test_a_block_quote_by_a_speaker_with_a_lower_case_prefix() -> None:
    body = (
        "“Je merkt dat studenten heel anders naar de gemeenteraad kijken dan wij zelf.”\n"
        "- Fatima el Idrissi, raadslid gemeente Rijswijk ZH"
    )
    assert quotes_of(body) == [("Fatima el Idrissi", "Rijswijk (ZH.)", "raadslid")]
