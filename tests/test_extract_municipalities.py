"""Municipalities a session's running text names take part in it; villages and plans do not."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt

HEAD = (
    "Verslag regiodag\n\nDatum: 10 oktober 2018\n\n"
    "Sessie 1: Wijkbudgetten\nDeelnemende gemeenten: Enschede, Almelo\n"
)


def extracted(body: str) -> dict[str, Any]:
    return extract(read_txt((HEAD + body).encode("utf-8")))


def session_names(body: str) -> list[str]:
    return [m["name"] for m in extracted(body)["sessions"][0]["municipalities"]]


@pytest.mark.parametrize(
    ("body", "added"),
    [
        ("Ook de gemeenten Zwolle en Deventer schoven aan bij het gesprek.", ["Zwolle", "Deventer"]),
        ("Een raadslid uit Wijchen stelde voor om een rapporteur aan te wijzen.", ["Wijchen"]),
        ("Raadsleden uit Ede, Barneveld en Nijkerk bespraken de woondeal.", ["Ede", "Barneveld", "Nijkerk"]),
        ("De griffier van Dalfsen vertelde over de participatieparagraaf.", ["Dalfsen"]),
        # Next to a municipality (not a province) Groningen is the city.
        ("Raadsleden uit Groningen en Assen vergeleken hun raadsakkoorden.", ["Groningen", "Assen"]),
        ("Raadsleden uit Utrecht en Groningen vergeleken hun aanpak.", ["Utrecht", "Groningen"]),
        # The library of a town is a venue: the town counts, the library is no organisation.
        ("Het gesprek vond plaats in de bibliotheek van Assen.", ["Assen"]),
    ],
)
def test_running_text_adds_municipalities(body: str, added: list[str]) -> None:
    assert session_names(body) == ["Enschede", "Almelo", *added]


@pytest.mark.parametrize(
    "body",
    [
        # A village in Gelderland named with its province is not the municipality Hengelo (O.).
        "Een raadslid uit Hengelo (Gld.), een dorp in Bronckhorst, vertelde over de regio.",
        "Een raadslid uit Hengelo Gld vertelde over de regio.",
        # A place inside an organisation's name is part of that name.
        "Onderzoekers van de Hogeschool Utrecht en de Erasmus Universiteit Rotterdam keken mee.",
        "Een onderzoeker van Rotterdam University of Applied Sciences keek mee.",
        "Een onderzoeker bij het Economisch Planbureau Utrecht keek mee.",
        # A municipality that only exists after the report's date is a plan.
        "Leerdam en Zederik vormen straks samen de gemeente Vijfheerenlanden.",
        # Twente is a region, Scheveningen a part of a town.
        "In Twente en Scheveningen werken ze al jaren met wijkbudgetten.",
        # A name shared with a province, listed with provinces, is the province.
        "Raadsleden uit Groningen, Friesland en Drenthe deelden ervaringen.",
        "Griffiers uit Drenthe en Groningen kwamen ook.",
        "Net als in Noord-Brabant, Utrecht en Gelderland is dat een trend.",
    ],
)
def test_running_text_adds_no_other_places(body: str) -> None:
    names = session_names(body)
    assert names[:2] == ["Enschede", "Almelo"]
    assert set(names[2:]) <= {"Leerdam", "Zederik", "Bronckhorst"}
    assert not {"Hengelo (O.)", "Utrecht", "Rotterdam", "Vijfheerenlanden"} & set(names)


def test_a_village_with_its_province_is_no_municipality_of_the_report() -> None:
    doc = extracted("Een raadslid uit Hengelo (Gld.), een dorp in Bronckhorst, vertelde over de regio.")
    assert "Hengelo (O.)" not in [m["name"] for m in doc["municipalities"]]
    assert "Bronckhorst" in [m["name"] for m in doc["municipalities"]]


@pytest.mark.parametrize(
    ("sentence", "added"),
    [
        # A bare namesake next to a municipality of another province is the village there.
        ("Bronckhorst vertelde over een woonproject in Vorden en Hengelo.", ["Bronckhorst"]),
        (
            "Berkelland en Bronckhorst lieten zien hoe Hengelo en Borculo samenwerken.",
            ["Berkelland", "Bronckhorst"],
        ),
        # Next to municipalities of its own province it is the municipality.
        ("Borne en Hengelo willen het samen proberen.", ["Borne", "Hengelo (O.)"]),
        # Alone in its sentence it stays the municipality.
        ("Ook Hengelo deed mee aan het gesprek.", ["Hengelo (O.)"]),
        # In a list across several provinces it stays the municipality too.
        (
            "Er kwamen raadsleden uit Dordrecht, Meppel, Hengelo en Tilburg.",
            ["Dordrecht", "Meppel", "Hengelo (O.)", "Tilburg"],
        ),
        # A name two municipalities share is the one in the province of its neighbours.
        (
            "Raadsleden uit Venray, Bergen en Horst aan de Maas vergeleken hun aanpak.",
            ["Venray", "Bergen (L.)", "Horst aan de Maas"],
        ),
        ("Uit Heiloo, Bergen en Castricum kwamen griffiers.", ["Heiloo", "Bergen (NH.)", "Castricum"]),
        # ... and none when the neighbours do not point at one of them.
        ("Ook Bergen en Utrecht lieten van zich horen.", ["Utrecht"]),
        # An article before a municipality's name makes another place of it.
        ("Raadsleden uit Den Hoorn en Den Ham kwamen ook.", []),
        ("Raadsleden uit Den Helder en De Bilt kwamen ook.", ["Den Helder", "De Bilt"]),
        ("Bergen deed mee.", []),
    ],
)
def test_a_bare_namesake_is_read_by_the_provinces_around_it(sentence: str, added: list[str]) -> None:
    assert session_names(sentence) == ["Enschede", "Almelo", *added]


def test_a_municipality_with_its_own_province_still_counts() -> None:
    assert session_names("Ook Hengelo (O.) schoof aan.") == ["Enschede", "Almelo", "Hengelo (O.)"]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # Merged before the report's date: history; the successor counts where it is written.
        ("Dijk en Waard bestaat sinds de fusie van Heerhugowaard en Langedijk.", ["Dijk en Waard"]),
        ("Voormalig Haarlemmerliede en Spaarnwoude hoort nu bij Haarlemmermeer.", ["Haarlemmermeer"]),
        ("Sinds Bussum, Naarden en Muiden samengingen, is er een nieuwe gemeente.", []),
        # Split among several before the date: history too.
        ("Het dorp Esch hoorde bij Haaren.", []),
        ("Na de opheffing van Littenseradiel zocht de raad nieuwe wegen.", []),
        # In force on the date: as written.
        ("Ede en Epe deden mee.", ["Ede", "Epe"]),
        ("Gooise Meren en Leeuwarden deden mee.", ["Gooise Meren", "Leeuwarden"]),
    ],
)
def test_running_text_names_municipalities_as_in_force_on_the_report_date(
    sentence: str, named: list[str]
) -> None:
    doc = extract(read_txt(f"Nieuws\n\nDatum: 1 maart 2024\n\n{sentence}\n".encode()))
    assert [m["name"] for m in doc["municipalities"]] == named


@pytest.mark.parametrize(
    ("items", "named"),
    [
        # Attendees with their municipality in brackets.
        ("- Wim Moonen (gemeente Nuth)\n- Loes Crijns (gemeente Brunssum)\n", ["Nuth", "Brunssum"]),
        # A remark in brackets is no municipality; a count collapses the duplicate.
        ("- Haarlem (2x)\n- Ede (onder voorbehoud)\n", ["Haarlem", "Ede"]),
    ],
)
def test_a_list_of_attendees_names_their_municipalities(items: str, named: list[str]) -> None:
    text = f"Verslag\n\nDatum: 19 september 2018\n\nSessie 1: Herindeling\nDeelnemers:\n{items}"
    doc = extract(read_txt(text.encode("utf-8")))
    assert [m["name"] for m in doc["sessions"][0]["municipalities"]] == named


@pytest.mark.parametrize(
    ("body", "added"),
    [
        # A person's surname that is also a municipality's name is that person.
        ("Begeleiding: Kees Wierden (VNG)\n\nWierden liet de cijfers van de jeugdzorg zien.", []),
        ("Gespreksleider was Sanne Wierden van de VNG. Wierden vroeg de raden om een reactie.", []),
        # With a word of place before it, or in a list of municipalities, it is the place.
        ("Begeleiding: Ria Hoorn (VNG)\n\nOok de gemeente Hoorn schoof aan.", ["Hoorn"]),
        (
            "Begeleiding: Ria Hoorn (VNG)\n\nDe raden (Hoorn, Medemblik) waren tevreden.",
            ["Hoorn", "Medemblik"],
        ),
    ],
)
def test_a_persons_surname_is_no_municipality(body: str, added: list[str]) -> None:
    found = extracted(body)
    assert session_names(body) == ["Enschede", "Almelo", *added]
    assert {m["name"] for m in found["municipalities"]} == {"Enschede", "Almelo", *added}


def test_a_municipality_shortened_to_initials_is_that_municipality_and_nobody() -> None:
    doc = extracted(
        "| nr | raden aan tafel |\n|---|---|\n| 1 | Zwijndrecht, H.I. Ambacht |\n\n"
        "Gespreksleider was Bas Ooms."
    )
    assert "Hendrik-Ido-Ambacht" in [m["name"] for m in doc["municipalities"]]
    assert [p["name"] for p in doc["people"]] == ["Bas Ooms"]


# A place name that starts the name of an airport, a venue or a company is no mention of it.
@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Op de kaart staat ook Maastricht Aachen Airport bij Beek.", ["Beek (L.)"]),
        ("Wie met het vliegtuig kwam, landde op Eindhoven Airport.", []),
        ("Ede en Epe deden mee en spraken over de beurs van Rotterdam Ahoy.", ["Ede", "Epe"]),
        ("Het bedrijf op Leiden Bio Science Park vertelde over banen.", []),
        # The place itself, also before other capitalised words or a lower-case noun.
        ("Raadsleden uit Maastricht en Eindhoven deden mee.", ["Maastricht", "Eindhoven"]),
        ("Raadsleden uit Maastricht Zuid-Oost en Eindhoven Centrum deden mee.", ["Maastricht", "Eindhoven"]),
        ("De luchthaven van Eindhoven groeit; Rotterdam airport ook.", ["Eindhoven", "Rotterdam"]),
    ],
)
def test_a_place_inside_a_facility_name_is_no_mention(sentence: str, named: list[str]) -> None:
    doc = extract(read_txt(f"Nieuws\n\nDatum: 1 maart 2024\n\n{sentence}\n".encode()))
    assert [m["name"] for m in doc["municipalities"]] == named


# The meeting's place is a municipality only if it is one on the report's date: a venue in a
# former municipality merged before it is in a village.
@pytest.mark.parametrize(
    ("when", "place", "named"),
    [
        ("12 november 2019", "Werkendam", []),
        ("3 mei 2022", "Weesp", []),
        ("10 oktober 2023", "Zaltbommel", ["Zaltbommel"]),
        ("5 juni 2018", "Werkendam", ["Werkendam"]),
    ],
)
def test_a_venue_in_a_former_municipality_is_a_village(when: str, place: str, named: list[str]) -> None:
    text = f"Raadsledenavond\n\nDatum: {when}\nLocatie: {place}\n\nEen mooie avond.\n"
    doc = extract(read_txt(text.encode("utf-8")))
    assert doc["location"] == place
    assert [m["name"] for m in doc["municipalities"]] == named
