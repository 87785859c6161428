"""Date recognizer: numeric and Dutch written dates to ISO; partial and impossible dates skipped."""

from __future__ import annotations

import pytest

from pipeline.recognizers.dates import find_dates, parse_date

# (text, [(as written, ISO), ...])
CASES = [
    ("Datum 21-02-2019", [("21-02-2019", "2019-02-21")]),
    ("op 21/02/2019", [("21/02/2019", "2019-02-21")]),
    ("21.02.2019", [("21.02.2019", "2019-02-21")]),
    ("Op 14 februari 2019 organiseerde", [("14 februari 2019", "2019-02-14")]),
    ("donderdag 3 oktober 2019 in Zwolle", [("donderdag 3 oktober 2019", "2019-10-03")]),
    ("Donderdag, 3 Oktober 2019", [("Donderdag, 3 Oktober 2019", "2019-10-03")]),
    ("14 feb. 2020", [("14 feb. 2020", "2020-02-14")]),
    ("3 okt 2019", [("3 okt 2019", "2019-10-03")]),
    ("1 maart '19", [("1 maart '19", "2019-03-01")]),
    ("1 mrt. 2021", [("1 mrt. 2021", "2021-03-01")]),
    ("gepubliceerd 2019-02-21", [("2019-02-21", "2019-02-21")]),
    ("21-02-19", [("21-02-19", "2019-02-21")]),
    ("29 februari 2020", [("29 februari 2020", "2020-02-29")]),
    ("van 1 mei 2019 tot 1 juni 2019", [("1 mei 2019", "2019-05-01"), ("1 juni 2019", "2019-06-01")]),
    # The last day of a range is a full date; the extract stage reads the first day from it.
    ("op 3-4 oktober 2022", [("4 oktober 2022", "2022-10-04")]),
    ("van 12–14 maart 2024", [("14 maart 2024", "2024-03-14")]),
    ("dd. 03.10.2022 | verslag", [("03.10.2022", "2022-10-03")]),
    # An ordinal day, also "of" the month.
    ("op de 12e van november 2022", [("12e van november 2022", "2022-11-12")]),
    ("op 1ste april 2021", [("1ste april 2021", "2021-04-01")]),
    ("de 3de van maart '20", [("3de van maart '20", "2020-03-03")]),
    # An abbreviated month with a dot before a year with an apostrophe, and the numeric kin.
    ("vastgesteld op 4 okt. '21 door", [("4 okt. '21", "2021-10-04")]),
    ("wo 9 sept ’20.", [("wo 9 sept ’20", "2020-09-09")]),
    ("akkoord 4-10-'21 (concept)", [("4-10-'21", "2021-10-04")]),
    ("op 09/06/’22.", [("09/06/’22", "2022-06-09")]),
    # Negatives and partial dates
    ("code A-4 oktober 2022", []),
    ("de 12e van de maand", []),
    ("februari 2019", []),
    ("14 februari", []),
    ("31-02-2019", []),
    ("29 februari 2019", []),
    ("versie 1.2.19", []),
    # A month and a year without a day, with or without an apostrophe, name no single day.
    ("in okt. '21 vastgesteld", []),
    ("sinds sept ’20", []),
    ("versie 1.2.'19", []),
    ("4-10-'2021", []),
    ("bel 06-12345678", []),
    ("€ 1.250.000", []),
    ("21-02-2019-3", []),
    ("In 2019 was het 14 mei.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text)
    assert [(f.text, f.value) for f in found] == expected
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.label == "DATE" and f.source == "rule:date"


def test_parse_date() -> None:
    assert parse_date("14 februari 2019") == "2019-02-14"
    assert parse_date("februari 2019") is None


def test_matching_at_digit_runs_finds_what_finditer_finds() -> None:
    import random

    from pipeline.recognizers import dates

    rng = random.Random(7)
    pieces = [*"0123456789-/., a\n", "2019", "21-02-", "2019-02-21", "٣", "x1"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for pattern in (dates._NUMERIC, dates._ISO):
        matched = 0
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [
                m.span() for m in dates._matches_at(pattern, text, dates._digit_runs(text))
            ] == expected, text
            matched += len(expected)
        assert matched > 0  # matches compared, not only misses


def test_textual_dates_tried_at_their_possible_starts_match_like_finditer() -> None:
    import random

    from pipeline.recognizers import dates

    _, textual, _ = dates._date_rules()
    assert dates._weekdays_are_words()  # the rules fit what _textual_starts assumes
    rng = random.Random(7)
    gaps = [" ", "  ", "\t", "", ",", ".", ", ", ". ", "\n", "-", "("]
    parts = [
        ["donderdag", "Do", "zo", "ma.", "xma", "(vr", "_di", ""],
        ["3", "14", "14e", "1234", "x", "٣"],
        ["februari", "feb.", "Okt", "x"],
        ["2019", "'19", "20190", "2019-1"],
    ]

    def fragment() -> str:
        return "".join(rng.choice(choices) + rng.choice(gaps) for choices in parts)

    texts = ["".join(fragment() for _ in range(rng.randint(1, 3))) for _ in range(3000)]
    matched = 0
    for text in texts:
        expected = [m.span() for m in textual.finditer(text)]
        found = dates._matches_at(textual, text, dates._textual_starts(text, dates._digit_runs(text)))
        assert [m.span() for m in found] == expected, text
        matched += len(expected)
    assert matched > 0  # matches compared, not only misses
