"""Dutch person names: cleaning, scoring, running text and name/role/organisation splits."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.recognizers import names
from pipeline.recognizers.names import clean_person_name, find_people, looks_like_person, split_person_details
from pipeline.rules import load_list

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
RAW = ROOT / "raw"

# (text, the names find_people returns as values)
RUNNING_TEXT = [
    (
        "Begeleiding: Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam) "
        "en Mathilde van de Ven (VNG)",
        ["Jitske van Popering-Verkerk", "Mathilde van de Ven"],
    ),
    ("- Anneke le Duc, gemeente Alphen aan de Rijn", ["Anneke le Duc"]),
    ("- Ko Scheele, wethouder gemeente Ommen", ["Ko Scheele"]),
    (
        "Begeleiding: Freek van Berkel (Common Eye), "
        "Ben van Essen (o.a. Landelijke Vereniging van Kleine Kernen)",
        ["Freek van Berkel", "Ben van Essen"],
    ),
    ("Neem dan contact op met Sarah Erraja via Sarah.Erraja@VNG.nl.", ["Sarah Erraja"]),
    ("Het debat werd geopend door minister Jansen.", ["Jansen"]),
    ("Daarna sprak wethouder Petra de Groot over participatie.", ["Petra de Groot"]),
    ("“Dit werkt”, aldus Petra de Groot, wethouder in Zwolle.", ["Petra de Groot"]),
    ("Welkom door Hylkje Terpstra, dagvoorzitter.", ["Hylkje Terpstra"]),
    ("Begeleiding: Wubbo Ockels (Pentascope) en Sonja Bollen", ["Wubbo Ockels", "Sonja Bollen"]),
    ("De presentatie van drs. K. Jansen was helder.", ["K. Jansen"]),
    ("Piet in ’t Veld en J.P. de Vries waren er.", ["Piet in 't Veld", "J.P. de Vries"]),
    ("burgemeester Van Zanen opende de sessie", ["Van Zanen"]),
    ("Mevr. Fatima El Khatib en dhr. Mohamed Ouali", ["Fatima El Khatib", "Mohamed Ouali"]),
    ("Tamara van Dongen en Els Jansen-de Vries", ["Tamara van Dongen", "Els Jansen-de Vries"]),
    # A role and the body it serves before the name; a first name not in the list counts
    # after a place, an acronym or an organisation word.
    ("Het woord was aan de locoburgemeester van Heerde Wolbert Meijer.", ["Wolbert Meijer"]),
    ("Ook directeur van GGD Gelderland-Zuid Moniek Pieters schoof aan.", ["Moniek Pieters"]),
    ("Toen sprak de burgemeester van Den Haag Jan van Zanen.", ["Jan van Zanen"]),
    ("Het slot was aan projectleider bij Stichting Lokaal Wobbe ter Haar.", ["Wobbe ter Haar"]),
    (
        "Ook gedeputeerde Anouk Verbeek en kwartiermaker Joost ter Horst waren er.",
        ["Anouk Verbeek", "Joost ter Horst"],
    ),
    # A first name not in the list, before a particle and a surname.
    ("Rijk van Walsem vertelde over het burgerberaad.", ["Rijk van Walsem"]),
    ("Na de pauze nam Wolbert ter Haar het over.", ["Wolbert ter Haar"]),
    # A second surname without a hyphen.
    ("Eddy Habben Jansen van ProDemos hield een inleiding.", ["Eddy Habben Jansen"]),
    ("Daarna sprak J. Habben Jansen over de kieswijzer.", ["J. Habben Jansen"]),
    # Twents/Achterhoeks surnames opened by "Oude"/"Olde", also after a hyphen.
    ("Gespreksleider was Gerrit Olde Monnikhof uit Tubbergen.", ["Gerrit Olde Monnikhof"]),
    ("Namens de regio sprak Wouter Hilbrink-Oude Luttikhuis.", ["Wouter Hilbrink-Oude Luttikhuis"]),
    (
        "Met Sanne Ten Brinke-Olde Kalter en Joris Oude Elferink",
        ["Sanne ten Brinke-Olde Kalter", "Joris Oude Elferink"],
    ),
    ("In de Oude Kerk en bij de Olde Vechte", []),
    # Initials with the first name they stand for in brackets: the first name, as written.
    ("Aanwezig: mw. B. (Bregje) Sanders en dhr. K. (Koen) de Wit", ["Bregje Sanders", "Koen de Wit"]),
    ("Inleider was J.P. (Jan-Pieter) van Velzen.", ["Jan-Pieter van Velzen"]),
    ("Zie A. (Inleiding) en B. (Doel) hieronder.", []),
    # ... but no place, organisation, role or next name after a name.
    ("Met Emma Klever Zwolle en Sanne Bos Movisie", ["Emma Klever", "Sanne Bos"]),
    ("Zij werkt bij Anna Schuurman Advies in Ede.", ["Anna Schuurman"]),
    ("Foto: Pieter Smit Wethouder", ["Pieter Smit"]),
    # Negatives
    ("Het advies van de Raad van State kwam in het Huis van de Democratie ter sprake.", []),
    ("In Land van Cuijk en Hof van Twente loopt een burgerberaad.", []),
    ("Tijdens de Week van de Democratie", []),
    ("Kamer van Koophandel en Week van de Democratie", []),
    ("Leerlingen van het Stedelijk Lyceum schreven mee.", []),
    ("Bewoners van Dorpsbelang Ee praatten mee.", []),
    ("van Ameide en Meerkerk tot Hagestein", []),
    ("De directeur van Stichting Present Utrecht vertelde.", []),
    ("De directeur van Rabobank Noord Veluwe vertelde.", []),
    ("De minister van Binnenlandse Zaken stuurde een brief.", []),
    ("Het ministerie van Binnenlandse Zaken en de VNG werken samen.", []),
    ("Ben je ook geïnteresseerd? Neem contact op.", []),
    ("A. Inleiding\nB. Doel", []),
    ("Door Democratie in Actie georganiseerd.", []),
    ("wethouder Financiën sprak", []),
    ("• Harmke Zijlstra, projectleider Movisie", ["Harmke Zijlstra"]),
    ("Aanwezige gemeenten: Haarlem, Halderberge, Loon op Zand", []),
    ("Emma\nKlever", []),
    # A venue, a letter of a list before a sentence that opens with a determiner.
    ("- Gemeentehuis Zeist, Zeist\n- Provinciehuis Lelystad", []),
    ("We kozen uit de opties A, B en D. Elke optie kost geld.", []),
    ("De rondes heetten 1, 2 en E. Iedere ronde duurde een uur.", []),
    ("Jan          Jansen", []),
    # A place, a body or a label with a particle is no unknown first name: after a word of
    # place or a "van", after an acronym, with an adjective of a place or another capitalised
    # word after it, a compound of "-land" or "-reis".
    ("De veerpont bij Hoek van Holland vaart weer.", []),
    ("Leerlingen uit Bergen op Zoom en inwoners van Hoek van Holland", []),
    ("Bart Smit (VRT Vlaanderen van Nu) sprak.", ["Bart Smit"]),
    ("Een bezoek aan Waasland van Vlaanderen trok velen.", []),
    ("Werkbezoek van Brabantse raadsleden aan Gent", []),
    ("Aanbod van Drentse Dorpen:\n- een schouw", []),
    ("Overleg van Friese Gemeenten: de rondgang", []),
    ("Uitwisseling van Twentse Raden in Hengelo", []),
    ("Rijk van Walsem opende de avond bij Gemeente Epe.", ["Rijk van Walsem"]),
    # The head of an organisation's name (or "Gemeente") before a place after a role: a body.
    ("Vragen aan Anne Bos, woordvoerder Metropoolregio Utrecht, 06 12345678", ["Anne Bos"]),
    ("Joost Kok, beleidsadviseur Regio Achterhoek, opende.", ["Joost Kok"]),
    ("Inge Pol, woordvoerder Gemeente Epe", ["Inge Pol"]),
    ("woordvoerder Karel Appel", ["Karel Appel"]),
    # A street named after a title or role is no person; a surname after the title is.
    ("Bezoekadres: Burgemeester Visserplein 2, 3011 AB Rotterdam", []),
    ("Wethouder Van Dijkstraat 12", []),
    ("burgemeester Verlaan en burgemeester Versteeg openden de dag.", ["Verlaan", "Versteeg"]),
    # A first name the list does not know next to a person ("en") or after a contact verb.
    ("geleid door Pieter Bos en Nesrin Kaya (beiden Movisie)", ["Pieter Bos", "Nesrin Kaya"]),
    ("Vragen? Mail Nesrin Kaya: n.kaya@movisie.nl", ["Nesrin Kaya"]),
    ("Bel Nesrin Kaya op 06 12345678", ["Nesrin Kaya"]),
    ("Mail de griffie: griffie@epe.nl", []),
    ("Met Pieter Bos en Natuur en Milieu Gelderland", ["Pieter Bos"]),
    ("Met Pieter Bos en Gemeente Epe", ["Pieter Bos"]),
    ("Met Pieter Bos en Dorpsbelang Epe Zuid", ["Pieter Bos"]),
]


@pytest.mark.parametrize(("text", "expected"), RUNNING_TEXT)
def test_find_people(text: str, expected: list[str]) -> None:
    found = find_people(text)
    assert [f.value for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.label == "PERSON" and f.source == "ner:person"


CLEAN = [
    ("Jitske van Popering-Verkerk", "Jitske van Popering-Verkerk"),
    ("Anneke le Duc", "Anneke le Duc"),
    ("mw. M. (Marloes) Brink", "Marloes Brink"),
    ("Joost Verhage RA", "Joost Verhage"),
    ("drs. Ilse Kramer MSc", "Ilse Kramer"),
    ("Ben van Essen (o.a. Landelijke Vereniging van Kleine Kernen)", "Ben van Essen"),
    ("Piet in ’t Veld", "Piet in 't Veld"),
    ("J. P. de Vries", "J.P. de Vries"),
    ("drs. K. Jansen", "K. Jansen"),
    ("Prof.dr.ir. A.B. van der Berg MSc", "A.B. van der Berg"),
    ("mevr. Petra de Groot (VNG)", "Petra de Groot"),
    ("dhr. Jansen", "Jansen"),
    ("Jan Van Dijk", "Jan van Dijk"),
    ("wethouder Van der Laan", "Van der Laan"),
    ("  Mathilde   van de Ven.", "Mathilde van de Ven"),
    ("Ko Scheele, wethouder gemeente Ommen", "Ko Scheele"),
    ("Eddy Habben Jansen", "Eddy Habben Jansen"),
    ("Democratie in Actie", None),
    ("Erasmus Universiteit Rotterdam", None),
    ("gemeente Ommen", None),
    ("Alphen aan den Rijn", None),
    ("06-57593276", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CLEAN)
def test_clean_person_name(text: str, expected: str | None) -> None:
    assert clean_person_name(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Jitske van Popering-Verkerk", 0.9, 1.0),
        ("Emma Klever", 0.85, 1.0),
        ("J.P. de Vries", 0.8, 0.9),
        ("Wubbo Ockels", 0.5, 0.6),
        ("Van der Laan", 0.4, 0.5),
        ("Emma", 0.25, 0.35),
        ("Democratie in Actie", 0.0, 0.0),
        ("gemeente Ommen", 0.0, 0.0),
    ],
)
def test_looks_like_person(text: str, low: float, high: float) -> None:
    assert low <= looks_like_person(text) <= high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ko Scheele, wethouder gemeente Ommen", ("Ko Scheele", "wethouder", "gemeente Ommen")),
        ("Petra de Groot (wethouder, Zwolle)", ("Petra de Groot", "wethouder", "Zwolle")),
        ("drs. K. Jansen, programmamanager VNG", ("K. Jansen", "programmamanager", "VNG")),
        (
            "Anneke le Duc, gemeente Alphen aan de Rijn",
            ("Anneke le Duc", None, "gemeente Alphen aan de Rijn"),
        ),
        (
            "Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)",
            ("Jitske van Popering-Verkerk", None, "Erasmus Universiteit Rotterdam"),
        ),
        (
            "Ben van Essen (o.a. Landelijke Vereniging van Kleine Kernen)",
            ("Ben van Essen", None, "Landelijke Vereniging van Kleine Kernen"),
        ),
        ("wethouder Petra de Groot (Zwolle)", ("Petra de Groot", "wethouder", "Zwolle")),
        ("Petra de Groot, wethouder in Zwolle", ("Petra de Groot", "wethouder", "Zwolle")),
        ("Jan Jansen, senior adviseur bij Berenschot", ("Jan Jansen", "senior adviseur", "Berenschot")),
        ("Klaas de Boer - oud-wethouder van Ommen", ("Klaas de Boer", "oud-wethouder", "Ommen")),
        ("X adviseur bij Pentascope", ("X", "adviseur", "Pentascope")),
        ("minister van Binnenlandse Zaken", (None, "minister", "Binnenlandse Zaken")),
        (
            "de locoburgemeester van Heerde Wolbert Meijer",
            ("Wolbert Meijer", "locoburgemeester", "Heerde"),
        ),
        (
            "directeur van GGD Gelderland-Zuid Moniek Pieters",
            ("Moniek Pieters", "directeur", "GGD Gelderland-Zuid"),
        ),
        ("Eddy Habben Jansen, directeur ProDemos", ("Eddy Habben Jansen", "directeur", "ProDemos")),
        ("Mathilde van de Ven", ("Mathilde van de Ven", None, None)),
        ("dr. R. (Ruud) Hagen (Universiteit Twente)", ("Ruud Hagen", None, "Universiteit Twente")),
        ("Joost Verhage RC (Verhage Control)", ("Joost Verhage", None, "Verhage Control")),
        # An age in brackets is neither role nor organisation; a bracketed body still is one.
        ("Daan Brink (17), jongerenraadslid in Kampen", ("Daan Brink", "jongerenraadslid", "Kampen")),
        ("Lisa Oort (Jongerenraad Epe)", ("Lisa Oort", None, "Jongerenraad Epe")),
        ("raadslid, 19 jaar, Nunspeet", (None, "raadslid", "Nunspeet")),
        ("", (None, None, None)),
    ],
)
def test_split_person_details(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert split_person_details(text) == expected


def test_lexicons_are_sorted_data_without_duplicates() -> None:
    names = load_list("first_names.txt")
    assert len(names) >= 2000
    assert len(set(names)) == len(names)
    assert list(names) == sorted(names, key=lambda s: (s.casefold(), s))
    for required in [
        "Jitske",
        "Mathilde",
        "Jornt",
        "Anneke",
        "Sarah",
        "Sonja",
        "Engbert",
        "Emma",
        "Freek",
        "Ben",
        "Ko",
        "Fatima",
        "Mohamed",
    ]:
        assert required in names
    particles = load_list("tussenvoegsels.txt")
    assert {"van", "van der", "van den", "de", "ter", "in 't", "le", "d'"} <= set(particles)


# ----------------------------------------------------------------------------- line filter
# find_people reads only the lines a cheap filter lets through; reading the whole text at
# once must give exactly the same names.

_FUZZ_WORDS = [
    # names, initials, particles
    "Jan", "Piet", "Marieke", "Fatima", "Anne-Marie", "J.P.", "Chr.", "IJ.", "K.", "A.", "van", "de",
    "der", "den", "'t", "d'", "'s", "ter", "la", "le", "el", "El", "Ben", "Van", "De", "Vries", "Jansen",
    "Jansen-de",
    "Popering-Verkerk", "d'Ancona", "l'Ami", "O'Brien", "Khatib", "Rijk", "Eddy", "Habben", "Smit", "Abu",
    "Moniek", "Pieters", "Wolbert", "Meijer", "de heer", "van der", "in 't", "van het",
    # capitalised words that are no names, places, organisations
    "Huis", "Raad", "Land", "Cuijk", "Utrecht", "Heerde", "GGD", "Gelderland-Zuid", "Stichting", "Week",
    "Tijdens", "Ook", "Leerlingen", "Nationale", "İstanbul",
    # roles, titles, lead-ins, labels
    "wethouder", "burgemeester", "oud-wethouder", "senior", "adviseur", "minister", "locoburgemeester",
    "directeur", "dr.", "prof.", "mevr.", "dhr.", "aldus", "zegt", "volgens", "o.l.v.", "Begeleiding:",
    "Contact:", "Door:", "in gesprek met", "contact op met", "samen met", "bij", "namens", "het", "een", "en",
    # punctuation, markers, numbers, addresses, odd joins
    ":", ",", "(", ")", ".", ";", '"', "“", "”", "'", "-", "–", "•", "*", "3.", "12", "&", "/", "x@y.nl",
    "https://x.nl/a", "www.vng.nl", "a@b.nl'Jan", "x-Jan", "'Huis", "Jan'", "worden.", "ß", "²",
]  # fmt: skip
_PROSE_WORDS = [
    "de", "rol", "van", "het", "gesprek", "met", "raad", "was", "er", "over", "een", "in", "kleine",
    "groepen", "werd", "en", "zij", "na", "ook", "bij",
]  # fmt: skip
_GAPS = [" ", " ", " ", "  ", "   ", "\t", "", "\xa0", " \r"]


def _generated_texts(count: int, prose: float, seed: int) -> list[str]:
    rng = random.Random(seed)

    def line() -> str:
        words = (
            rng.choice(_PROSE_WORDS if rng.random() < prose else _FUZZ_WORDS)
            for _ in range(rng.randint(1, 16))
        )
        return "".join(word + rng.choice(_GAPS) for word in words)

    return ["\n".join(line() for _ in range(rng.randint(1, 4))) for _ in range(count)]


def _as_whole_text(text: str) -> list:
    prepared, openers = names._blank_initials_before_given(names._prepare(text))
    return names._find_in_spans(text, prepared, [(0, len(prepared))], openers)


@pytest.mark.parametrize(
    "path", sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.md"), *RAW.glob("*.txt")]), ids=str
)
def test_line_filter_keeps_every_name_of_the_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert find_people(text) == _as_whole_text(text)


@pytest.mark.parametrize("prose", [0.0, 0.8])
def test_line_filter_keeps_every_name_of_generated_lines(prose: float) -> None:
    for text in _generated_texts(3000, prose, seed=7):
        assert find_people(text) == _as_whole_text(text), text


# A street named after a person, with an article before it, is no person; the person is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het verkeer gaat via de Hannie Schaftweg en de Onderduikersweg.", []),
        ("De school aan de Anne Frankstraat krijgt een nieuw dak.", []),
        ("Wij verhuizen naar het Pim Fortuynplein in Rotterdam.", []),
        ("De fietsers nemen de Wim Kokkade naar het station.", []),
        # A person whose surname ends in a street word, without an article before the name.
        ("Het onderzoek van Anna Hogeweg liet dat zien.", ["Anna Hogeweg"]),
        ("Volgens Petra Verlaan is de raad tevreden.", ["Petra Verlaan"]),
        ("Hannie Schaft verzette zich; Marieke de Wit vertelde erover.", ["Hannie Schaft", "Marieke de Wit"]),
    ],
)
def test_a_street_named_after_a_person_is_no_person(text: str, expected: list[str]) -> None:
    assert [f.value for f in find_people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role's kind or field before and after it is part of the role, not a body.
        (
            "dr. Bart Hendrikx, universitair docent bestuurskunde, Tilburg University",
            ("Bart Hendrikx", "universitair docent bestuurskunde", "Tilburg University"),
        ),
        (
            "Femke Oosting, educatief medewerker ProDemos",
            ("Femke Oosting", "educatief medewerker", "ProDemos"),
        ),
        (
            "Piet Jansen, adviseur ruimtelijke ordening",
            ("Piet Jansen", "adviseur ruimtelijke ordening", None),
        ),
        ("Wim Hoekstra, zelfstandig adviseur", ("Wim Hoekstra", "zelfstandig adviseur", None)),
        # After a connector the body follows, also in lower case.
        ("Piet Jansen, adviseur bij de provincie", ("Piet Jansen", "adviseur", "provincie")),
        # A body's own abbreviation in brackets is no second body.
        (
            "Anna de Vries, adviseur bij het Nederlands Jeugdinstituut (NJi)",
            ("Anna de Vries", "adviseur", "Nederlands Jeugdinstituut"),
        ),
        (
            "Anna de Vries, adviseur bij Rijksdienst voor Ondernemend Nederland (RVO)",
            ("Anna de Vries", "adviseur", "Rijksdienst voor Ondernemend Nederland"),
        ),
        # Two bodies, or a bracket that abbreviates something else: both kept.
        ("Anna de Vries, adviseur bij Berenschot (VNG)", ("Anna de Vries", "adviseur", "Berenschot, VNG")),
        ("Anna de Vries (Berenschot, BDO)", ("Anna de Vries", None, "Berenschot, BDO")),
    ],
)
def test_split_person_details_roles_with_their_kind_and_abbreviations(
    text: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    assert split_person_details(text) == expected


@pytest.mark.parametrize(
    ("short", "name", "abbreviates"),
    [
        ("NJi", "Nederlands Jeugdinstituut", True),
        ("VNG", "Vereniging van Nederlandse Gemeenten", True),
        ("RVO", "Rijksdienst voor Ondernemend Nederland", True),
        ("GGD", "Gemeentelijke Gezondheidsdienst", False),  # one word: no initials to follow
        ("VNG", "Berenschot", False),
        ("NJi", "Jeugdinstituut Nederland", False),
        ("Ede", "Economisch Domein Ede", False),  # one capital: a word, not an abbreviation
    ],
)
def test_abbreviates(short: str, name: str, abbreviates: bool) -> None:
    from pipeline.recognizers.names import abbreviates as abbreviates_

    assert abbreviates_(short, name) is abbreviates
