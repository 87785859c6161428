"""The CBS municipality register: its data, checked from several angles, and name resolution."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta

import pytest

from pipeline import rules
from pipeline.register import (
    REGISTER_START,
    SINCE_BEFORE_REGISTER,
    Municipality,
    MunicipalityRegister,
    default_register,
    name_key,
)

D19 = date(2019, 6, 1)
D23 = date(2023, 5, 1)


@pytest.fixture(scope="module")
def register() -> MunicipalityRegister:
    return MunicipalityRegister.load(rules.DEFAULT_RULES_DIR)


# ----------------------------------------------------------------------------- the data


@pytest.mark.parametrize(
    ("on", "count"),
    [
        (date(2015, 1, 1), 393),
        (date(2016, 1, 1), 390),
        (date(2017, 1, 1), 388),
        (date(2018, 1, 1), 380),
        (date(2019, 1, 1), 355),
        (date(2020, 1, 1), 355),
        (date(2021, 1, 1), 352),
        (date(2022, 1, 1), 345),
        (date(2023, 1, 1), 342),
        (date(2024, 1, 1), 342),
        (date(2025, 1, 1), 342),
    ],
)
def test_count_in_force_on_new_year(register: MunicipalityRegister, on: date, count: int) -> None:
    assert len(register.in_force(on)) == count


def test_weesp_joined_amsterdam_on_24_march_2022(register: MunicipalityRegister) -> None:
    assert len(register.in_force(date(2022, 3, 23))) == 345
    assert len(register.in_force(date(2022, 3, 24))) == 344


def test_the_register_changes_only_on_the_days_of_known_reorganisations(
    register: MunicipalityRegister,
) -> None:
    days = {m.valid_from for m in register if m.valid_from > REGISTER_START}
    days |= {m.valid_to + timedelta(days=1) for m in register if m.valid_to}
    assert sorted(days) == [
        date(2016, 1, 1),
        date(2017, 1, 1),
        date(2018, 1, 1),
        date(2019, 1, 1),
        date(2021, 1, 1),
        date(2022, 1, 1),
        date(2022, 3, 24),
        date(2023, 1, 1),
    ]


def test_municipalities_per_province_in_2023(register: MunicipalityRegister) -> None:
    assert Counter(m.province for m in register.in_force(date(2023, 1, 1))) == {
        "Groningen": 10,
        "Fryslân": 18,
        "Drenthe": 12,
        "Overijssel": 25,
        "Flevoland": 6,
        "Gelderland": 51,
        "Utrecht": 26,
        "Noord-Holland": 44,
        "Zuid-Holland": 50,
        "Zeeland": 13,
        "Noord-Brabant": 56,
        "Limburg": 31,
    }


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [
        ("GM0363", "Amsterdam", "Noord-Holland"),
        ("GM0344", "Utrecht", "Utrecht"),
        ("GM0518", "'s-Gravenhage", "Zuid-Holland"),
        ("GM0599", "Rotterdam", "Zuid-Holland"),
        ("GM0796", "'s-Hertogenbosch", "Noord-Brabant"),
        ("GM0484", "Alphen aan den Rijn", "Zuid-Holland"),
        ("GM0373", "Bergen (NH.)", "Noord-Holland"),
        ("GM0893", "Bergen (L.)", "Limburg"),
        ("GM0888", "Beek (L.)", "Limburg"),
        ("GM0164", "Hengelo (O.)", "Overijssel"),
        ("GM0417", "Laren (NH.)", "Noord-Holland"),
        ("GM0687", "Middelburg (Z.)", "Zeeland"),
        ("GM0603", "Rijswijk (ZH.)", "Zuid-Holland"),
        ("GM0971", "Stein (L.)", "Limburg"),
        ("GM1948", "Meierijstad", "Noord-Brabant"),
        ("GM1940", "De Fryske Marren", "Fryslân"),
        ("GM1921", "De Friese Meren", "Fryslân"),
        ("GM1900", "Súdwest-Fryslân", "Fryslân"),
        ("GM0820", "Nuenen, Gerwen en Nederwetten", "Noord-Brabant"),
        ("GM0392", "Haarlem", "Noord-Holland"),
        ("GM0416", "Langedijk", "Noord-Holland"),
        ("GM0398", "Heerhugowaard", "Noord-Holland"),
        ("GM1980", "Dijk en Waard", "Noord-Holland"),
        ("GM1992", "Voorne aan Zee", "Zuid-Holland"),
        ("GM1961", "Vijfheerenlanden", "Utrecht"),
        ("GM0545", "Leerdam", "Zuid-Holland"),
    ],
)
def test_known_codes(register: MunicipalityRegister, code: str, name: str, province: str) -> None:
    m = register.by_code(code)
    assert (m.name, m.province) == (name, province)


def test_cbs_adds_a_province_to_exactly_these_names(register: MunicipalityRegister) -> None:
    assert sorted(m.name for m in register if "(" in m.name) == [
        "Beek (L.)",
        "Bergen (L.)",
        "Bergen (NH.)",
        "Hengelo (O.)",
        "Laren (NH.)",
        "Middelburg (Z.)",
        "Rijswijk (ZH.)",
        "Stein (L.)",
    ]


@pytest.mark.parametrize(
    ("code", "valid_from", "valid_to", "successor"),
    [
        ("GM0381", None, date(2015, 12, 31), "GM1942"),  # Bussum -> Gooise Meren
        ("GM0478", None, date(2015, 12, 31), "GM0385"),  # Zeevang -> Edam-Volendam
        ("GM0241", None, date(2015, 12, 31), "GM1945"),  # Groesbeek renamed Berg en Dal
        ("GM1948", date(2017, 1, 1), None, None),  # Meierijstad
        ("GM0860", None, date(2016, 12, 31), "GM1948"),  # Veghel
        ("GM0081", None, date(2017, 12, 31), "GM0080"),  # Leeuwarderadeel -> Leeuwarden
        ("GM1970", date(2019, 1, 1), None, None),  # Noardeast-Fryslân
        ("GM0017", None, date(2018, 12, 31), "GM0014"),  # Haren -> Groningen
        ("GM1978", date(2019, 1, 1), None, None),  # Molenlanden
        ("GM1963", date(2019, 1, 1), None, None),  # Hoeksche Waard
        ("GM1979", date(2021, 1, 1), None, None),  # Eemsdelta
        ("GM0416", None, date(2021, 12, 31), "GM1980"),  # Langedijk
        ("GM0398", None, date(2021, 12, 31), "GM1980"),  # Heerhugowaard
        ("GM1980", date(2022, 1, 1), None, None),  # Dijk en Waard
        ("GM1982", date(2022, 1, 1), None, None),  # Land van Cuijk
        ("GM1991", date(2022, 1, 1), None, None),  # Maashorst
        ("GM0457", None, date(2022, 3, 23), "GM0363"),  # Weesp -> Amsterdam
        ("GM0501", None, date(2022, 12, 31), "GM1992"),  # Brielle
        ("GM0530", None, date(2022, 12, 31), "GM1992"),  # Hellevoetsluis
        ("GM0614", None, date(2022, 12, 31), "GM1992"),  # Westvoorne
        ("GM1992", date(2023, 1, 1), None, None),  # Voorne aan Zee
        ("GM0363", None, None, None),  # Amsterdam
    ],
)
def test_dates_of_reorganisations(
    register: MunicipalityRegister,
    code: str,
    valid_from: date | None,
    valid_to: date | None,
    successor: str | None,
) -> None:
    m = register.by_code(code)
    assert m.valid_from == (valid_from or SINCE_BEFORE_REGISTER)
    assert (m.valid_to, m.successor_code) == (valid_to, successor)


def test_haaren_was_split_among_four(register: MunicipalityRegister) -> None:
    haaren = register.by_code("GM0788")
    assert haaren.valid_to == date(2020, 12, 31)
    assert haaren.successor_code is None
    assert {register.by_code(c).name for c in haaren.split_into} == {
        "Boxtel",
        "Oisterwijk",
        "Tilburg",
        "Vught",
    }


def test_every_new_municipality_starts_the_day_after_its_parts_end(register: MunicipalityRegister) -> None:
    for m in register:
        if m.valid_from <= REGISTER_START:
            continue
        parts = register.predecessors(m.code)
        assert parts, f"{m.name} has no predecessor"
        assert {p.valid_to + timedelta(days=1) for p in parts if p.valid_to} == {m.valid_from}, m.name


def test_every_ended_municipality_hands_over_the_next_day(register: MunicipalityRegister) -> None:
    for m in register:
        if m.valid_to is None:
            continue
        successors = [c for c in (m.successor_code, *m.split_into) if c]
        assert successors, m.name
        assert all(register.by_code(c).valid_on(m.valid_to + timedelta(days=1)) for c in successors), m.name


def test_no_name_or_code_twice_at_once(register: MunicipalityRegister) -> None:
    for year in range(2015, 2027):
        in_force = register.in_force(date(year, 1, 1))
        assert len({m.code for m in in_force}) == len(in_force)
        assert len({name_key(m.name) for m in in_force}) == len(in_force)


def test_a_contradicting_row_is_refused() -> None:
    broken = Municipality("GM0001", "Nergens", "Utrecht", SINCE_BEFORE_REGISTER, date(2020, 12, 31), "GM9999")
    with pytest.raises(ValueError, match="successor not in the register"):
        MunicipalityRegister([broken], {}, {"Utrecht": ["U"]})


# ----------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("'s-Gravenhage", "s gravenhage"),
        ("’s Gravenhage", "s gravenhage"),
        ("s-gravenhage", "s gravenhage"),
        ("Alphen a/d Rijn", "alphen aan den rijn"),
        ("Alphen a.d. Rijn", "alphen aan den rijn"),
        ("Alphen aan de Rijn", "alphen aan den rijn"),
        ("Súdwest-Fryslân", "sudwest fryslan"),
        ("Bergen (NH.)", "bergen nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen gerwen en nederwetten"),
        ("St.-Michielsgestel", "sint michielsgestel"),
        ("  Den   Haag ", "den haag"),
    ],
)
def test_name_key(written: str, key: str) -> None:
    assert name_key(written) == key


# ----------------------------------------------------------------------------- resolving

POSITIVE = [
    ("Amsterdam", "GM0363", "exact"),
    ("AMSTERDAM", "GM0363", "variant"),
    ("Utrecht", "GM0344", "exact"),
    ("Utrecht (gemeente)", "GM0344", "exact"),
    ("Rotterdam", "GM0599", "exact"),
    ("'s-Gravenhage", "GM0518", "exact"),
    ("Den Haag", "GM0518", "alias"),
    ("Gemeente Den Haag", "GM0518", "alias"),
    ("The Hague", "GM0518", "alias"),
    ("Den Bosch", "GM0796", "alias"),
    ("’s-Hertogenbosch", "GM0796", "variant"),
    ("s-Hertogenbosch", "GM0796", "variant"),
    ("'s Hertogenbosch", "GM0796", "variant"),
    ("Alphen aan den Rijn", "GM0484", "exact"),
    ("Alphen a/d Rijn", "GM0484", "variant"),
    ("Alphen aan de Rijn", "GM0484", "variant"),
    ("Alphen a.d. Rijn", "GM0484", "variant"),
    ("Capelle a/d IJssel", "GM0502", "variant"),
    ("Bergen (NH.)", "GM0373", "exact"),
    ("Bergen NH", "GM0373", "variant"),
    ("Bergen (NH)", "GM0373", "variant"),
    ("Bergen N-H", "GM0373", "variant"),
    ("Bergen N.H.", "GM0373", "variant"),
    ("Bergen Noord-Holland", "GM0373", "variant"),
    ("Bergen (Noord-Holland)", "GM0373", "variant"),
    ("Bergen (NH, Noord-Holland)", "GM0373", "variant"),
    ("Bergen (L.)", "GM0893", "exact"),
    ("Bergen L.", "GM0893", "variant"),
    ("Bergen (L)", "GM0893", "variant"),
    ("Bergen Limburg", "GM0893", "variant"),
    ("Bergen Lb", "GM0893", "variant"),
    ("Hengelo", "GM0164", "variant"),
    ("Hengelo (O.)", "GM0164", "exact"),
    ("Hengelo Ov", "GM0164", "variant"),
    ("Hengelo Overijssel", "GM0164", "variant"),
    ("Rijswijk ZH", "GM0603", "variant"),
    ("Rijswijk", "GM0603", "variant"),
    ("Beek (L.)", "GM0888", "exact"),
    ("Middelburg (Z.)", "GM0687", "exact"),
    ("Middelburg", "GM0687", "variant"),
    ("Laren NH", "GM0417", "variant"),
    ("Stein L", "GM0971", "variant"),
    ("Nuenen", "GM0820", "alias"),
    ("Nuenen c.a.", "GM0820", "alias"),
    ("Nuenen, Gerwen en Nederwetten", "GM0820", "exact"),
    ("De Fryske Marren", "GM1940", "exact"),
    ("Fryske Marren", "GM1940", "alias"),
    ("De Friese Meren", "GM1940", "alias"),
    ("Sudwest Fryslan", "GM1900", "variant"),
    ("Súdwest Fryslân", "GM1900", "variant"),
    ("Noardeast Fryslan", "GM1970", "variant"),
    ("St. Michielsgestel", "GM0845", "variant"),
    ("Hendrik Ido Ambacht", "GM0531", "variant"),
    # A name of three parts shortened to initials and its last part, as tables write it.
    ("H.I. Ambacht", "GM0531", "variant"),
    ("H.I.Ambacht", "GM0531", "variant"),
    ("Hoekse Waard", "GM1963", "alias"),
    ("Bronkhorst", "GM1876", "alias"),
    ("Meierijstad", "GM1948", "exact"),
    ("Meijerijstad", "GM1948", "fuzzy"),
    ("Valkenswaerd", "GM0858", "fuzzy"),
    ("Haarlemermeer", "GM0394", "fuzzy"),
    ("Tubergen", "GM0183", "fuzzy"),
    ("Bergen op Zoom", "GM0748", "exact"),
    ("Bergen op Zoon", "GM0748", "fuzzy"),
    ("Utrechtse Heuvelrug", "GM1581", "exact"),
    ("Dijk en Waard", "GM1980", "exact"),
    ("Voorne aan Zee", "GM1992", "exact"),
    ("Ede", "GM0228", "exact"),
    ("Epe", "GM0232", "exact"),
    ("Oss", "GM0828", "exact"),
    ("Urk", "GM0184", "exact"),
]


@pytest.mark.parametrize(("written", "code", "method"), POSITIVE)
def test_resolves(register: MunicipalityRegister, written: str, code: str, method: str) -> None:
    resolution = register.resolve(written, D23)
    assert resolution is not None, written
    assert (resolution.code, resolution.method, resolution.warning) == (code, method, None)
    assert resolution.name == register.by_code(code).name
    assert 0.0 < resolution.score <= 1.0


NEGATIVE = [
    "Bergen",  # two municipalities: the name alone cannot tell
    "Hengelo (Gld.)",  # the village in Bronckhorst
    "Hengelo Gelderland",
    "Laren (Gld)",  # the village in Lochem
    "Rijswijk (NB)",  # the village in Altena
    "Bergen (Z.)",
    "Bergen aan Zee",  # a village in Bergen (NH.)
    "Zeist, Utrecht",  # a list of two, not Zeist in Utrecht
    "Hogeschool Utrecht",
    "Provincie Utrecht",
    "Amsterdam Zuidoost",
    "Driebergen",
    "Doorn",
    "Hoofddorp",
    "Scheveningen",
    "Rosmalen",
    "Volendam",
    "Nieuw-Vennep",
    "Eede",  # not Ede
    "Ossendrecht",  # not Oss
    "Velden",  # not Velsen
    "Heerle",  # not Heerde
    "Soeren",  # not Someren
    "Ubbergen",  # not Tubbergen
    "Groeningen",  # not Groningen
    "Westervelde",  # not Westerveld
    "Oosterwijk",  # not Oisterwijk
    "Zuid-Beijerland",  # not Oud-Beijerland
    "Gemeente",
    # Initials for a name of two parts are nobody's way of writing it.
    "H. Giessendam",
    "A. Ambacht",
    "",
]


@pytest.mark.parametrize("written", NEGATIVE)
def test_does_not_resolve(register: MunicipalityRegister, written: str) -> None:
    assert register.resolve(written, D23) is None


def test_typos_are_only_forgiven_when_asked(register: MunicipalityRegister) -> None:
    assert register.resolve("Meijerijstad", D23, fuzzy=False) is None
    assert register.resolve("Den Haag", D23, fuzzy=False) is not None


def test_candidates_of_an_ambiguous_name(register: MunicipalityRegister) -> None:
    assert [m.code for m in register.candidates("Bergen")] == ["GM0373", "GM0893"]
    assert [m.code for m in register.candidates("Bergen (L)")] == ["GM0893"]


# ----------------------------------------------------------------------------- the report's date


def test_a_name_in_force_on_the_date_has_no_warning(register: MunicipalityRegister) -> None:
    resolution = register.resolve("Langedijk", D19)
    assert resolution is not None
    assert (resolution.code, resolution.warning) == ("GM0416", None)


def test_a_merged_name_resolves_to_the_historical_code_with_a_warning(register: MunicipalityRegister) -> None:
    resolution = register.resolve("Langedijk", D23)
    assert resolution is not None
    assert resolution.code == "GM0416"
    assert resolution.warning == (
        "Langedijk no longer existed on 2023-05-01: merged into Dijk en Waard (GM1980) on 2022-01-01"
    )


@pytest.mark.parametrize(
    ("written", "on", "code", "warning"),
    [
        ("Heerhugowaard", D19, "GM0398", None),
        ("Dijk en Waard", D23, "GM1980", None),
        (
            "Dijk en Waard",
            D19,
            "GM1980",
            "Dijk en Waard did not yet exist on 2019-06-01: "
            "formed on 2022-01-01 from Heerhugowaard (GM0398) and Langedijk (GM0416)",
        ),
        ("Weesp", date(2022, 3, 23), "GM0457", None),
        (
            "Weesp",
            date(2022, 3, 24),
            "GM0457",
            "Weesp no longer existed on 2022-03-24: merged into Amsterdam (GM0363) on 2022-03-24",
        ),
        (
            "Brielle",
            D23,
            "GM0501",
            "Brielle no longer existed on 2023-05-01: merged into Voorne aan Zee (GM1992) on 2023-01-01",
        ),
        (
            "Haaren",
            D23,
            "GM0788",
            "Haaren no longer existed on 2023-05-01: split among Boxtel (GM0757), Oisterwijk (GM0824), "
            "Tilburg (GM0855) and Vught (GM0865) on 2021-01-01",
        ),
        (
            "Groesbeek",
            D19,
            "GM0241",
            "Groesbeek no longer existed on 2019-06-01: renamed Berg en Dal (GM1945) on 2016-01-01",
        ),
        (
            "Berg en Dal",
            date(2015, 6, 1),
            "GM1945",
            "Berg en Dal did not yet exist on 2015-06-01: "
            "Groesbeek (GM0241) was renamed Berg en Dal on 2016-01-01",
        ),
        ("Uden", D19, "GM0856", None),
        (
            "Uden",
            D23,
            "GM0856",
            "Uden no longer existed on 2023-05-01: merged into Maashorst (GM1991) on 2022-01-01",
        ),
        # One name, two codes over time: the one in force on the date, without a warning.
        ("De Friese Meren", date(2015, 6, 1), "GM1921", None),
        ("De Friese Meren", D19, "GM1940", None),
        ("Fryske Marren", date(2015, 6, 1), "GM1921", None),
    ],
)
def test_valid_on_the_report_date(
    register: MunicipalityRegister, written: str, on: date, code: str, warning: str | None
) -> None:
    resolution = register.resolve(written, on)
    assert resolution is not None
    assert (resolution.code, resolution.warning) == (code, warning)


def test_a_typo_of_a_former_municipality_is_still_dated(register: MunicipalityRegister) -> None:
    resolution = register.resolve("Heerhugowaart", D23)
    assert resolution is not None
    assert (resolution.code, resolution.method) == ("GM0398", "fuzzy")
    assert resolution.warning is not None and "Dijk en Waard (GM1980)" in resolution.warning


# ----------------------------------------------------------------------------- written forms


def test_phrases_hold_every_name_and_the_disambiguator_forms(register: MunicipalityRegister) -> None:
    phrases = set(register.phrases())
    assert {m.name for m in register} <= phrases
    expected = {"Bergen NH", "Bergen (NH)", "Bergen N-H", "Bergen N.H.", "Bergen Noord-Holland", "Bergen L."}
    expected |= {
        "Bergen (L)",
        "Bergen Limburg",
        "Bergen Lb",
        "Hengelo Ov",
        "Hengelo Overijssel",
        "Rijswijk ZH",
    }
    expected |= {"Den Haag", "Den Bosch", "Alphen a/d Rijn", "Alphen aan de Rijn", "s-Gravenhage", "Nuenen"}
    assert expected <= phrases
    assert all(p == p.strip() and p for p in phrases)


def test_surface_forms_are_keyed_by_name_key(register: MunicipalityRegister) -> None:
    forms = register.surface_forms()
    assert forms["bergen"] == {"GM0373", "GM0893"}
    assert forms["bergen nh"] == {"GM0373"}
    assert forms["den haag"] == {"GM0518"}
    assert forms["alphen aan den rijn"] == {"GM0484"}
    assert forms["de friese meren"] == {"GM1921", "GM1940"}
    assert all(key == name_key(key) for key in forms)


# ----------------------------------------------------------------------------- loading


def test_loading_is_fast() -> None:
    timings = []
    for _ in range(3):
        rules.load_yaml.cache_clear()
        start = time.perf_counter()
        MunicipalityRegister.load(rules.DEFAULT_RULES_DIR)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.1


def test_default_register_is_loaded_once() -> None:
    assert default_register() is default_register()


def test_unknown_code(register: MunicipalityRegister) -> None:
    with pytest.raises(KeyError, match="GM9999"):
        register.by_code("GM9999")


@pytest.mark.parametrize(
    ("written", "contradicted"),
    [
        ("Hengelo (Gld.)", True),
        ("Hengelo Gelderland", True),
        ("Bergen (Z.)", True),
        ("Hengelo (O.)", False),
        ("Hengelo", False),
        ("Bergen NH", False),
        ("Zwolle", False),
        ("Zwolle Deventer", False),
        ("Nergenshuizen (Gld.)", False),
    ],
)
def test_contradicted_by_its_province(
    register: MunicipalityRegister, written: str, contradicted: bool
) -> None:
    assert register.contradicted(written) is contradicted
