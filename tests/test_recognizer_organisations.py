"""Organisations: the gazetteer of known ones, generic name shapes, domains and aliases."""

from __future__ import annotations

import pytest

from pipeline.recognizers.organisations import default_gazetteer

# (text, [(as written, value, source), ...])
K, G = "gazetteer:organisation", "rule:organisation"
CASES = [
    ("Begeleiding: Mathilde van de Ven (VNG)", [("VNG", "Vereniging van Nederlandse Gemeenten", K)]),
    (
        "Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)",
        [("Erasmus Universiteit Rotterdam", "Erasmus Universiteit Rotterdam", K)],
    ),
    (
        "uitgevoerd door het ministerie van Binnenlandse Zaken en de VNG",
        [
            (
                "ministerie van Binnenlandse Zaken",
                "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
                K,
            ),
            ("VNG", "Vereniging van Nederlandse Gemeenten", K),
        ],
    ),
    (
        "Ben van Essen (o.a. Landelijke Vereniging van Kleine Kernen)",
        [("Landelijke Vereniging van Kleine Kernen", "Landelijke Vereniging van Kleine Kernen", K)],
    ),
    ("in samenwerking met Movisie", [("Movisie", "Movisie", K)]),
    ("Sonja Bollen en Engbert Breuker (Pentascope)", [("Pentascope", "Pentascope", K)]),
    ("Freek van Berkel (Common Eye)", [("Common Eye", "Common Eye", K)]),
    (
        "een onderzoek van AEF en Berenschot",
        [("AEF", "Andersson Elffers Felix", K), ("Berenschot", "Berenschot", K)],
    ),
    (
        "Hogeschool Utrecht en Universiteit Utrecht",
        [
            ("Hogeschool Utrecht", "Hogeschool Utrecht", K),
            ("Universiteit Utrecht", "Universiteit Utrecht", K),
        ],
    ),
    (
        "naar de volksuniversiteit Utrecht, met het doel",
        [("volksuniversiteit Utrecht", "volksuniversiteit Utrecht", G)],
    ),
    (
        "Stichting Present Utrecht organiseert",
        [("Stichting Present Utrecht", "Stichting Present Utrecht", G)],
    ),
    ("Ministerie van Defensie", [("Ministerie van Defensie", "Ministerie van Defensie", G)]),
    ("Jansen Advies B.V. uit Zwolle", [("Jansen Advies B.V.", "Jansen Advies B.V.", G)]),
    ("Provincie Utrecht", [("Provincie Utrecht", "Provincie Utrecht", G)]),
    ("een VNG-aanpak", [("VNG", "Vereniging van Nederlandse Gemeenten", K)]),
    # Known by name, though their shape says little ("Holland Rijnland" is no person).
    (
        "De Nationale Jeugdraad en Holland Rijnland deden mee",
        [("Nationale Jeugdraad", "Nationale Jeugdraad", K), ("Holland Rijnland", "Holland Rijnland", K)],
    ),
    # Heads and suffixes that make a name an organisation by its shape.
    ("cursussen van de Overijssel Academie", [("Overijssel Academie", "Overijssel Academie", G)]),
    ("advies van de Raad voor Cultuur", [("Raad voor Cultuur", "Raad voor Cultuur", G)]),
    (
        "de Coöperatie Dorpskracht Zeeland",
        [("Coöperatie Dorpskracht Zeeland", "Coöperatie Dorpskracht Zeeland", G)],
    ),
    ("Rekenkamer Oost-Nederland onderzocht", [("Rekenkamer Oost-Nederland", "Rekenkamer Oost-Nederland", G)]),
    ("met de GGD Hollands Midden", [("GGD Hollands Midden", "GGD Hollands Midden", G)]),
    ("Veiligheidsregio Twente", [("Veiligheidsregio Twente", "Veiligheidsregio Twente", G)]),
    (
        "Kenniscentrum Lokale Democratie",
        [("Kenniscentrum Lokale Democratie", "Kenniscentrum Lokale Democratie", G)],
    ),
    # Regional public bodies named after their region.
    (
        "de begroting van de GGD Gelderland-Zuid werd besproken",
        [("GGD Gelderland-Zuid", "GGD Gelderland-Zuid", G)],
    ),
    ("de Veiligheidsregio Zeeland en", [("Veiligheidsregio Zeeland", "Veiligheidsregio Zeeland", G)]),
    (
        "volgens de Omgevingsdienst Noordzeekanaalgebied",
        [("Omgevingsdienst Noordzeekanaalgebied", "Omgevingsdienst Noordzeekanaalgebied", G)],
    ),
    # An English name ending in its head; a region word after a suffix is part of the name.
    (
        "onderzoeker bij Zwolle University of Applied Sciences, met raadsleden",
        [("Zwolle University of Applied Sciences", "Zwolle University of Applied Sciences", G)],
    ),
    (
        "trainer van de Griffiers Academie Zuid en",
        [("Griffiers Academie Zuid", "Griffiers Academie Zuid", G)],
    ),
    # Capitalised heads: a region's body, a fund, a platform.
    ("onderzoek voor de Regio Noord-Veluwe", [("Regio Noord-Veluwe", "Regio Noord-Veluwe", G)]),
    # A metropolitan region's body, named by its place(s); in lower case a kind of region.
    ("woordvoerder Metropoolregio Utrecht,", [("Metropoolregio Utrecht", "Metropoolregio Utrecht", G)]),
    (
        "de Metropoolregio Amsterdam Almere werkt",
        [("Metropoolregio Amsterdam Almere", "Metropoolregio Amsterdam Almere", G)],
    ),
    ("in de metropoolregio Utrecht wonen", []),
    # A region's adjective before a head (then no name after it needed); "Bureau X".
    ("van het Drents Griffiersoverleg,", [("Drents Griffiersoverleg", "Drents Griffiersoverleg", G)]),
    ("de Noordelijke Rekenkamer.", [("Noordelijke Rekenkamer", "Noordelijke Rekenkamer", G)]),
    ("(Bureau Samen Verder)", [("Bureau Samen Verder", "Bureau Samen Verder", G)]),
    ("de Zeeuwse rekenkamer", []),
    ("het bureau van de griffie", []),
    ("Aanbod van Groninger Dorpen:", []),
    ("in het Zeeuws Archief", []),
    (
        "gesteund door het Fonds Leefbaarheid Oostergo",
        [("Fonds Leefbaarheid Oostergo", "Fonds Leefbaarheid Oostergo", G)],
    ),
    (
        "Platform Burgerkracht Achterhoek",
        [("Platform Burgerkracht Achterhoek", "Platform Burgerkracht Achterhoek", G)],
    ),
    # A head as the end of a compound.
    ("de Jeugdplatform Kempen organiseerde", [("Jeugdplatform Kempen", "Jeugdplatform Kempen", G)]),
    ("met Fontyshogeschool Tilburg", [("Fontyshogeschool Tilburg", "Fontyshogeschool Tilburg", G)]),
    ("het Cultuurfonds Drenthe", [("Cultuurfonds Drenthe", "Cultuurfonds Drenthe", G)]),
    # A hospital named after its region; a local bank named after its region.
    ("Het Gelre Medisch Centrum deed mee", [("Gelre Medisch Centrum", "Gelre Medisch Centrum", G)]),
    (
        "mogelijk gemaakt door Rabobank Vallei en Rijn",
        [("Rabobank Vallei en Rijn", "Rabobank Vallei en Rijn", G)],
    ),
    # The province a suffixed name serves belongs to it.
    (
        "onderzoeker bij het Economisch Planbureau Overijssel, dat",
        [("Economisch Planbureau Overijssel", "Economisch Planbureau Overijssel", G)],
    ),
    ("De Bosman Advies Zeeland schreef", [("Bosman Advies Zeeland", "Bosman Advies Zeeland", G)]),
    # A masthead or letterhead in capitals: the name in the case the shapes know.
    (
        "NETWERK GRIFFIERS ZUID-LIMBURG\nVerslag van de avond",
        [("NETWERK GRIFFIERS ZUID-LIMBURG", "Netwerk Griffiers Zuid-Limburg", G)],
    ),
    (
        "Verslag\nSTICHTING BURGERKRACHT KEMPEN",
        [("STICHTING BURGERKRACHT KEMPEN", "Stichting Burgerkracht Kempen", G)],
    ),
    ("x\nKRING VAN GRIFFIERS", [("KRING VAN GRIFFIERS", "Kring van Griffiers", G)]),
    # Negatives
    # Capitals without a head or suffix; a head in capitals inside running text.
    ("VERSLAG RAADSLEDENDAG ZEEUWS-VLAANDEREN\ntekst", []),
    ("SESSIE 3 - WERKEN MET DE RAAD", []),
    ("de STICHTING Burgerkracht", []),
    # In lower case these heads are ordinary words; a compound alone names nothing.
    ("voorzitter van de regio Noord", []),
    ("de regio Jan Smit", []),
    ("een fonds voor Zwolle", []),
    ("het platform Samen Sterk", []),
    ("het Jongerenplatform kwam bijeen", []),
    ("een medisch centrum in Ede", []),
    # A region word after a suffix only as a word of its own, not as the next sentence's start.
    ("een University.", []),
    # A venue head before "van" or "in" and a place: a building, not an organisation.
    ("in de bibliotheek van Assen", []),
    ("in de Bibliotheek in Zwolle", []),
    ("De Academie opent", []),
    ("de raad voor de ruimte", []),
    ("gemeente Ommen en Gemeente Zwolle", []),
    ("Mail Emma.Klever@VNG.nl of kijk op www.vng.nl", []),
    ("een dia over de waag in Deventer", []),
    ("Advies op maat in het eigen traject", []),
    ("Utrechtse Heuvelrug", []),
    ("Netwerk Lokale Digitale Democratie", []),
    # A programme named after its region: a deal or an agenda, not a body.
    ("met geld uit de Regio Deal Zuidoost-Drenthe", []),
    ("de Regio Agenda Twente is vastgesteld", []),
    # A region word opening the next sentence is not part of the name before it.
    ("Jansen Advies. Noord en Zuid kwamen", [("Jansen Advies", "Jansen Advies", G)]),
    # A compound's elided first part belongs to the name: "Zuid- en Oost-Drenthe".
    (
        "bij Stichting Zuid- en Oost-Drenthe",
        [("Stichting Zuid- en Oost-Drenthe", "Stichting Zuid- en Oost-Drenthe", G)],
    ),
    # Without the hyphen "en" joins two names, or ends the name before a lower-case word.
    (
        "Stichting Noord en de VNG",
        [("Stichting Noord", "Stichting Noord", G), ("VNG", "Vereniging van Nederlandse Gemeenten", K)],
    ),
    ("Stichting Noord- en zuidvleugel", [("Stichting Noord", "Stichting Noord", G)]),
    # An adjective that opens the name is part of it; without a head after it, it describes.
    (
        "namens het Ambtelijk Bureau Amstelland",
        [("Ambtelijk Bureau Amstelland", "Ambtelijk Bureau Amstelland", G)],
    ),
    (
        "de Groene Metropoolregio Arnhem-Nijmegen",
        [("Groene Metropoolregio Arnhem-Nijmegen", "Groene Metropoolregio Arnhem-Nijmegen", G)],
    ),
    ("Regionale samenwerking en Groene daken", []),
    # The office that runs a programme or project, its name also an acronym or a code.
    (
        "georganiseerd door het Programmabureau RES U16, samen met",
        [("Programmabureau RES U16", "Programmabureau RES U16", G)],
    ),
    (
        "het Projectbureau Nieuwe Hollandse Waterlinie nodigde uit",
        [("Projectbureau Nieuwe Hollandse Waterlinie", "Projectbureau Nieuwe Hollandse Waterlinie", G)],
    ),
    (
        "namens Programmabureau MRA Elektrisch",
        [("Programmabureau MRA Elektrisch", "Programmabureau MRA Elektrisch", G)],
    ),
    # Without a name after it, or in lower case, the office is no body of its own.
    ("Het programmabureau RES bundelt de opbrengst", []),
    ("Programmabureau heeft de avond voorbereid", []),
    ("Neem contact op met het programmabureau.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_organisations(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = default_gazetteer().find(text)
    assert [(f.text, f.value, f.source) for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text and f.label == "ORG"


def test_venue_flag_only_for_venue_heads() -> None:
    matches = default_gazetteer().matches("volksuniversiteit Utrecht en Hogeschool Utrecht")
    assert [(m.found.text, m.venue) for m in matches] == [
        ("volksuniversiteit Utrecht", True),
        ("Hogeschool Utrecht", False),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("VNG", "Vereniging van Nederlandse Gemeenten"),
        ("vereniging van nederlandse gemeenten", "Vereniging van Nederlandse Gemeenten"),
        ("BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("ministerie van Binnenlandse Zaken", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("Landelijke Vereniging Kleine Kernen", "Landelijke Vereniging van Kleine Kernen"),
        ("LVKK", "Landelijke Vereniging van Kleine Kernen"),
        ("Stichting Onbekend", None),
        ("gemeente Ommen", None),
    ],
)
def test_canonical(name: str, expected: str | None) -> None:
    assert default_gazetteer().canonical(name) == expected


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("vng.nl", "Vereniging van Nederlandse Gemeenten"),
        ("@VNG.nl", "Vereniging van Nederlandse Gemeenten"),
        ("mail.minbzk.nl", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
        ("movisie.nl", "Movisie"),
        ("gmail.com", None),
        ("ommen.nl", None),
    ],
)
def test_by_email_domain(domain: str, expected: str | None) -> None:
    assert default_gazetteer().by_email_domain(domain) == expected


def test_aliases_start_with_canonical_name() -> None:
    aliases = default_gazetteer().aliases("VNG")
    assert aliases[0] == "Vereniging van Nederlandse Gemeenten" and "VNG" in aliases
    assert default_gazetteer().aliases("Onbekende Club") == []


def test_trie_alternation_matches_like_the_longest_first_alternation() -> None:
    import re

    from pipeline.recognizers.organisations import _exact_case, trie_alternation

    gazetteer = default_gazetteer()
    forms = [form for forms in gazetteer._aliases.values() for form in forms]
    words = {*forms, "ab", "abc", "abd", "a"}
    probe = " ".join(
        f"{f} {f.upper()} {f.lower()} x{f} {f}x {f}.nl @{f} {f[:-1]} {f}-a {f}'s" for f in sorted(words)
    )
    for flags in (0, re.IGNORECASE):
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        trie = trie_alternation(words)
        wrap = r"(?<![\w@./-])(?:{})(?![\w]|\.\w|@)"
        expected = [(m.span(), m.group()) for m in re.finditer(wrap.format(plain), probe, flags)]
        assert [(m.span(), m.group()) for m in re.finditer(wrap.format(trie), probe, flags)] == expected
        assert len(expected) > len(words)
    assert any(_exact_case(f) for f in forms) and not all(_exact_case(f) for f in forms)
