"""Organisations as facilitator lines and running text name them, cut to their own name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from render import render_docx

from pipeline.extract import extract
from pipeline.extract.people import clean_organisation
from pipeline.ingest import read_document
from pipeline.ingest.txt import read_txt


@pytest.mark.parametrize(
    ("written", "organisation"),
    [
        ("beiden Universiteit Maastricht", "Universiteit Maastricht"),
        ("beiden LVKK", "LVKK"),
        ("o.a. Raadslid.Nu", "Raadslid.Nu"),
        ("allebei ProDemos", "ProDemos"),
        ("namens de VNG", "VNG"),
        # A role or team in lower case before a known organisation is not part of it.
        ("digitale participatie VNG", "VNG"),
        ("netwerkcoördinator VNG", "VNG"),
        ("team lokale democratie ProDemos", "team lokale democratie ProDemos"),
        # A role the roles list does not know, linked to its body by "aan de", "bij het".
        ("onderzoeker aan de Kunstacademie Minerva", "Kunstacademie Minerva"),
        ("docent bij het Grafisch Lyceum", "Grafisch Lyceum"),
        # The sentence's article before the name, left when the role was cut elsewhere.
        ("de Omgevingsdienst Brabant Noord", "Omgevingsdienst Brabant Noord"),
        ("het Rode Kruis", "Rode Kruis"),
        # The body's own acronym after a comma: the initials of its capitalised words.
        ("Stichting Lezen en Schrijven, SLS", "Stichting Lezen en Schrijven"),
        ("Raad voor Cultuur, RvC", "Raad voor Cultuur, RvC"),
        ("Kennisnetwerk Bestuur, VNG", "Kennisnetwerk Bestuur, VNG"),
    ],
)
def test_qualifiers_and_roles_are_cut(written: str, organisation: str) -> None:
    assert clean_organisation(written) == organisation


@pytest.mark.parametrize(
    "written",
    [
        "provincie Gelderland",
        "ministerie van BZK",
        "VNG Academie",
        "Brabants Kenniscentrum Participatie",
        "gemeente Ommen",
        "Platform31",
        "De Haagse Hogeschool",
    ],
)
def test_names_stay_whole(written: str) -> None:
    assert clean_organisation(written) == written


# Words without a capital or digit are a remark or the rest of a role, not a body's name.
@pytest.mark.parametrize(
    "written",
    ["zelfstandig", "freelance", "jeugd en onderwijs, zelfstandig", "adviesbureau voor participatie"],
)
def test_words_without_a_name_are_no_organisation(written: str) -> None:
    assert clean_organisation(written) is None


def organisations_of(text: str) -> list[str]:
    return [o["name"] for o in extract(read_txt(text.encode("utf-8")))["organisations"]]


def test_a_name_does_not_run_into_the_next_line() -> None:
    text = "Terugblik\n\nDatum: 20 juni 2022\nProvincie Noord-Brabant\n\nOp donderdag kwamen zij bijeen.\n"
    assert organisations_of(text) == ["Provincie Noord-Brabant"]


def test_a_shape_inside_a_facilitators_organisation_is_that_organisation() -> None:
    text = (
        "Verslag\n\nSessie 1: Participatie\nGemeenten: Oss, Vught\n"
        "Begeleiding: Bas van Gerwen (Brabants Kenniscentrum Participatie)\n"
    )
    assert organisations_of(text) == ["Brabants Kenniscentrum Participatie"]


def extract_docx(tmp_path: Path, markup: str) -> dict[str, Any]:
    path = render_docx(markup, tmp_path / "report.docx")
    return extract(read_document(path))


def test_a_mailto_link_named_after_a_person_is_that_persons_contact(tmp_path: Path) -> None:
    doc = extract_docx(
        tmp_path,
        "# Verslag\n\n## Deelsessie 1: Meebegroten\n\nDeelnemende gemeenten: Ede, Epe\n\n"
        "Contact: [Joris Verhoef](mailto:joris.verhoef@vng.nl)\n",
    )
    assert doc["sessions"][0]["contacts"] == [
        {"name": "Joris Verhoef", "email": "joris.verhoef@vng.nl", "phone": None}
    ]


def test_an_organisation_in_a_links_text_counts(tmp_path: Path) -> None:
    doc = extract_docx(
        tmp_path,
        "# Verslag\n\nVragen? Mail [het Democratie in Actie-team](mailto:dia@vng.nl).\n",
    )
    assert "Democratie in Actie" in [o["name"] for o in doc["organisations"]]


def test_a_mailto_link_with_an_address_as_text_has_no_name(tmp_path: Path) -> None:
    doc = extract_docx(
        tmp_path,
        "# Verslag\n\n## Deelsessie 1: Meebegroten\n\nDeelnemende gemeenten: Ede, Epe\n\n"
        "Contact: [sanne.bos@vng.nl](mailto:sanne.bos@vng.nl)\n",
    )
    assert doc["sessions"][0]["contacts"] == [{"name": None, "email": "sanne.bos@vng.nl", "phone": None}]


def facilitators_of(line: str) -> list[tuple[str, str | None]]:
    text = f"Verslag\n\nSessie 1: Participatie\nGemeenten: Oss, Vught\nBegeleiding: {line}\n"
    doc = extract(read_txt(text.encode("utf-8")))
    return [(p["name"], p["organisation"]) for p in doc["sessions"][0]["facilitators"]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pieter Smit, VNG", [("Pieter Smit", "VNG")]),
        # A municipality in brackets is where someone comes from, not an organisation.
        (
            "Sanne Bos (Leiderdorp) en Rijk van Walsem (VNG)",
            [("Sanne Bos", None), ("Rijk van Walsem", "VNG")],
        ),
        ("Jildou de Vries (Gelderland Academie)", [("Jildou de Vries", "Gelderland Academie")]),
        ("Mirjam Dols, procesbegeleider (Dols & Partners)", [("Mirjam Dols", "Dols & Partners")]),
        ("Jan Jansen, adviseur bij Pentascope", [("Jan Jansen", "Pentascope")]),
        # Initials with the first name in brackets: that bracket is no organisation.
        ("prof. W. (Wieke) Dam (Hogeschool Windesheim)", [("Wieke Dam", "Hogeschool Windesheim")]),
        ("mr. G. (Gert) Mulder en Els Bos (Movisie)", [("Gert Mulder", "Movisie"), ("Els Bos", "Movisie")]),
        # After "role bij" a head word and capitalised words are one organisation, no person.
        (
            "Sem Lammers, jongerenwerker bij Stichting Jongerenpunt Achterhoek",
            [("Sem Lammers", "Stichting Jongerenpunt Achterhoek")],
        ),
        ("Iris Kok, coördinator bij Coöperatie Dorpskracht", [("Iris Kok", "Coöperatie Dorpskracht")]),
        ("Sanne Bos, netwerkcoördinator VNG", [("Sanne Bos", "VNG")]),
        (
            "Bram Janssen en dr. Ellen Schreurs (beiden Universiteit Maastricht)",
            [
                ("Bram Janssen", "Universiteit Maastricht"),
                ("Ellen Schreurs", "Universiteit Maastricht"),
            ],
        ),
        # A second name is a second facilitator, not the first one's organisation.
        ("Pieter Smit, Anna de Wit (BZK)", [("Pieter Smit", "BZK"), ("Anna de Wit", "BZK")]),
        # A role and a body after the name are that person's, not a second facilitator.
        ("Lies Brand, directeur Rekenkamer West-Veluwe", [("Lies Brand", "Rekenkamer West-Veluwe")]),
        ("Lies Brand, secretaris Stichting Dorpswerk", [("Lies Brand", "Stichting Dorpswerk")]),
        # A second person after a role stays a person.
        ("Lies Brand (VNG), wethouder Jan de Groot", [("Lies Brand", "VNG"), ("Jan de Groot", None)]),
        # "allebei van X" after two names gives both their organisation.
        ("Tom Kok en Eva Lind, allebei van Raadwerk.", [("Tom Kok", "Raadwerk"), ("Eva Lind", "Raadwerk")]),
        ("Tom Kok, Eva Lind, beiden namens de VNG", [("Tom Kok", "VNG"), ("Eva Lind", "VNG")]),
        # A capitalised article opens the body's name; a lower-case one is grammar.
        ("Rik Maas, docent bij De Nieuwe Academie", [("Rik Maas", "De Nieuwe Academie")]),
        ("Rik Maas, docent bij Het Raadshuis", [("Rik Maas", "Het Raadshuis")]),
        ("Rik Maas, adviseur bij de VNG", [("Rik Maas", "VNG")]),
        # The rest of a role before "bij" is not part of the body.
        ("Lies Brand, projectleider energie bij Regio Twente", [("Lies Brand", "Regio Twente")]),
        # A remark or the rest of a role is no organisation; an unknown role links by "aan de".
        ("Koos Boer, adviseur wonen (zelfstandig)", [("Koos Boer", None)]),
        ("Koos Boer, trainer sociaal domein", [("Koos Boer", None)]),
        ("Mila Reed, docent aan de Kunstacademie Minerva", [("Mila Reed", "Kunstacademie Minerva")]),
        ("Anouk Vos (Stichting Lezen en Schrijven, SLS)", [("Anouk Vos", "Stichting Lezen en Schrijven")]),
        # An ampersand inside the body's name joins it; between two people it separates them.
        ("Joep Kerk, adviseur bij Stichting Buurt & Bestuur", [("Joep Kerk", "Stichting Buurt & Bestuur")]),
        (
            "Sonja Bollen & Engbert Breuker (Pentascope)",
            [("Sonja Bollen", "Pentascope"), ("Engbert Breuker", "Pentascope")],
        ),
    ],
)
def test_facilitator_details_after_a_comma(line: str, expected: list[tuple[str, str | None]]) -> None:
    assert facilitators_of(line) == expected


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        (
            "Aanleiding is een motie van de Tweede Kamer over burgerberaden.",
            "Tweede Kamer der Staten-Generaal",
        ),
        ("De gemeenten werken samen in de Achterhoek Board, met ondernemers.", "Achterhoek Board"),
        ("Paul van 't Hek is conservator van het Gemeentemuseum Den Haag.", "Gemeentemuseum Den Haag"),
        (
            "Ook het Samenwerkingsverband Westelijke Mijnstreek schoof aan.",
            "Samenwerkingsverband Westelijke Mijnstreek",
        ),
        ("Gastheer was de Bibliotheek Rivierenland.", "Bibliotheek Rivierenland"),
        ("Ook de Gelderland Academie en de Nationale Jeugdraad waren er.", "Gelderland Academie"),
        ("Ook de Gelderland Academie en de Nationale Jeugdraad waren er.", "Nationale Jeugdraad"),
        # A joint body with a name of its own stays one.
        (
            "Het onderzoek van de Rekenkamercommissie Kop van Drenthe was helder.",
            "Rekenkamercommissie Kop van Drenthe",
        ),
        # Networks and circles named after their members and region; a planning bureau.
        ("Het Griffiersnetwerk Zuid-Limburg kwam bijeen in Sittard.", "Griffiersnetwerk Zuid-Limburg"),
        ("De Kring van Griffiers Rivierenland nodigde de raden uit.", "Kring van Griffiers Rivierenland"),
        ("Voorzitter Kring Griffiers West-Brabant opende.", "Kring Griffiers West-Brabant"),
        ("Het Netwerk Raadsleden Achterhoek schoof aan.", "Netwerk Raadsleden Achterhoek"),
        ("Een spreker van Brainport Eindhoven vertelde over de arbeidsmarkt.", "Brainport Eindhoven"),
        ("Cijfers kwamen van het Gelders Planbureau, dat de regio volgt.", "Gelders Planbureau"),
        # An adjective of a region before a head, with or without a name after it; a consultancy
        # "Bureau X"; a body named "-overleg" or "-koepel" outside the title.
        ("Namens het Drents Griffiersoverleg sprak de voorzitter.", "Drents Griffiersoverleg"),
        ("Harm Dijkstra van de Zuidelijke Rekenkamer kwam later.", "Zuidelijke Rekenkamer"),
        ("Het Brabants Jongerenplatform schoof aan.", "Brabants Jongerenplatform"),
        ("Uitgevoerd door de Friese Woningkoepel, met de provincie.", "Friese Woningkoepel"),
        ("Leiding: Ans Bol (Bureau Samen Verder)", "Bureau Samen Verder"),
        # A cross-border region's body; a region's service desk.
        ("Namens de Euregio Rijn-Waal sprak de secretaris.", "Euregio Rijn-Waal"),
        ("Met Ans Bol (Jongerenloket Twente) en de griffie.", "Jongerenloket Twente"),
        (
            "Aangevraagd door het Griffiersoverleg Noord-Drenthe, namens de raden.",
            "Griffiersoverleg Noord-Drenthe",
        ),
        (
            "Het NVRR (Nederlandse Vereniging van Rekenkamers en Rekenkamercommissies) organiseerde.",
            "Nederlandse Vereniging van Rekenkamers en Rekenkamercommissies",
        ),
    ],
)
def test_organisations_in_running_text(sentence: str, organisation: str) -> None:
    doc = extract(read_txt(f"Verslag\n\n{sentence}\n".encode()))
    assert organisation in [o["name"] for o in doc["organisations"]]
    # The place inside the name is no municipality mention.
    assert "'s-Gravenhage" not in [m["name"] for m in doc["municipalities"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "De raad van Ede en het college van Epe spraken over de begroting.",
        "Het museum in Den Haag was gesloten op maandag.",
        "Een board van directeuren besliste daarover.",
        # A library in a town is where the meeting was, not an organisation.
        "De avond was in de bibliotheek van Assen.",
        "De Academie van de raad begint in het najaar.",
        # A municipality's own body in lower case is that municipality's.
        "De rekenkamercommissie van Oldambt onderzocht de jeugdzorg.",
        "Het rapport kwam van de rekenkamer Zwolle en werd besproken.",
        # A network named as a programme, lower case: no organisation.
        "De verslagen gaan rond via het netwerk Weerbaar Bestuur.",
        "In de kring van griffiers is dat bekend.",
        # A region's adjective before no head or a head in lower case; an office.
        "Het Aanbod van Groninger Dorpen kwam ter sprake.",
        "De Zeeuwse rekenkamer en het bureau van de griffie werkten mee.",
        "Vragen gaan naar het loket Wonen of het Omgevingsloket.",
    ],
)
def test_no_organisation_in_ordinary_words(sentence: str) -> None:
    assert extract(read_txt(f"Verslag\n\n{sentence}\n".encode()))["organisations"] == []


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        ("Het idee komt van leerlingen van het Dr. Nassau College in Assen.", "Dr. Nassau College"),
        ("Leerlingen van het Willem de Zwijger College schreven mee.", "Willem de Zwijger College"),
        ("Zij werkt bij het Anna Schuurman Fonds in Ede.", "Anna Schuurman Fonds"),
    ],
)
def test_an_institution_named_after_a_person_is_no_person(sentence: str, organisation: str) -> None:
    doc = extract(read_txt(f"Verslag\n\n{sentence}\n".encode()))
    assert organisation in [o["name"] for o in doc["organisations"]]
    assert doc["people"] == []


@pytest.mark.parametrize(
    "sentence",
    ["Dr. Annemarie Kok gaf college aan de deelnemers.", "Jan de Vries ging naar school in Ede."],
)
def test_a_person_before_a_lower_case_word_stays_a_person(sentence: str) -> None:
    doc = extract(read_txt(f"Verslag\n\n{sentence}\n".encode()))
    assert len(doc["people"]) == 1 and doc["organisations"] == []


def test_a_labelled_line_broken_inside_a_bracket_goes_on_in_the_next_paragraph() -> None:
    text = (
        "Verslag\n\nSessie 3: Energie\nGemeenten: Ede, Veenendaal\n"
        "Sessieleiders: Erwin Bakker (Regio Foodvalley) en Noor el Amrani (Energiecoöperatie\n"
        "Vallei Energie)\n\nIn deze sessie bespraken raadsleden de energiestrategie.\n"
    )
    doc = extract(read_txt(text.encode("utf-8")))
    assert [(p["name"], p["organisation"]) for p in doc["sessions"][0]["facilitators"]] == [
        ("Erwin Bakker", "Regio Foodvalley"),
        ("Noor el Amrani", "Energiecoöperatie Vallei Energie"),
    ]


def people_of(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = extract(read_txt(f"Verslag\n\n{text}\n".encode()))
    return [(p["name"], p["role"], p["organisation"]) for p in doc["people"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ook directeur van GGD Gelderland-Zuid Moniek Pieters schoof aan.",
            [("Moniek Pieters", "directeur", "GGD Gelderland-Zuid")],
        ),
        # A municipality is no organisation of the person.
        (
            "Het woord was aan de locoburgemeester van Heerde Wolbert Meijer.",
            [("Wolbert Meijer", "locoburgemeester", None)],
        ),
        ("Daarna sprak wethouder Petra de Groot.", [("Petra de Groot", "wethouder", None)]),
    ],
)
def test_a_role_and_body_before_a_name_are_the_persons(
    sentence: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert people_of(sentence) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thema\nRaadsonderzoek zonder rekenkamer\nHet burgerberaad in de praktijk\n",
        "Onderwerp: de rol van de stichting\nWelke vragen leven er?\n",
        "Zij werkt bij een hogeschool\nDe Haagse aanpak werd toegelicht.\n",
    ],
)
def test_a_head_word_cut_off_at_a_line_break_is_no_organisation(text: str) -> None:
    content = extract(read_txt(text.encode()))
    assert content["organisations"] == []


def test_a_region_named_in_an_economic_cluster_is_no_municipality() -> None:
    doc = extract(read_txt(b"Verslag\n\nDe tuinders van Greenport Venlo vertelden over hun plannen.\n"))
    assert "Greenport Venlo" in [o["name"] for o in doc["organisations"]]
    assert doc["municipalities"] == []


def contacts_of(line: str) -> tuple[list[str | None], list[str], list[str]]:
    text = f"Verslag\n\nSessie 1: Wonen\nGemeenten: Oss, Uden\n{line}\n"
    doc = extract(read_txt(text.encode("utf-8")))
    names = [c["name"] for c in doc["sessions"][0]["contacts"]]
    return names, [p["name"] for p in doc["people"]], [o["name"] for o in doc["organisations"]]


@pytest.mark.parametrize(
    ("line", "names", "people", "organisations"),
    [
        # A name spelled out in the address's domain is the body that owns the domain.
        (
            "Contact: Zuiderlicht Kempen, info@zuiderlichtkempen.nl, 040 - 123 45 67",
            [None],
            [],
            ["Zuiderlicht Kempen"],
        ),
        (
            "Contactpersoon: Lindeboom Salland – post@lindeboom-salland.nl",
            [None],
            [],
            ["Lindeboom Salland"],
        ),
        # A person's name in the local part, or another body's domain: a person.
        ("Contact: Sanne Kolk, sanne.kolk@zuiderlicht.nl", ["Sanne Kolk"], ["Sanne Kolk"], []),
        ("Contact: Joris Brink, info@brinkadvies.nl", ["Joris Brink"], ["Joris Brink"], []),
    ],
)
def test_a_contact_named_as_its_addresss_domain_is_an_organisation(
    line: str, names: list[str | None], people: list[str], organisations: list[str]
) -> None:
    assert contacts_of(line) == (names, people, organisations)


def test_a_meeting_named_in_the_title_is_no_organisation() -> None:
    text = "Terugkoppeling Griffiersoverleg Utrecht - 8/10 in Zeist\n\nWe spraken over de begroting.\n"
    assert extract(read_txt(text.encode()))["organisations"] == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "De ronde werd geleid door Wiebe Hoekstra van de Vereniging Kleine Kernen Drenthe en "
            "Jan Albert Mulder.",
            "Vereniging Kleine Kernen Drenthe",
        ),
        ("Namens de Stichting Groene Hart en Anna de Vries kwam een brief.", "Stichting Groene Hart"),
        ("Aanwezig waren mensen van Bureau Meierijwerk & Petra Bressers.", "Bureau Meierijwerk"),
    ],
)
def test_an_organisation_cut_before_a_person_loses_the_word_that_joined_them(
    text: str, organisation: str
) -> None:
    found = organisations_of(f"Verslag\n\n{text}\n")
    assert organisation in found
    assert not any(name.endswith((" en", " &", " of")) for name in found)


@pytest.mark.parametrize(
    "text",
    [
        # "en" inside the name, before its last word, stays.
        "Aanwezig was de Vereniging Sport en Cultuur uit het dorp.",
        "Het Fonds Wonen en Zorg betaalde de avond.",
        "Dank aan de Stichting Kunst en Cultuur Drenthe voor de zaal.",
    ],
)
def test_a_joining_word_inside_an_organisations_name_stays(text: str) -> None:
    found = organisations_of(f"Verslag\n\n{text}\n")
    assert any(" en " in name for name in found)
