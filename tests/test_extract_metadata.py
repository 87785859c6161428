"""Report metadata: which date is the publication, which the meeting."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.context import Context
from pipeline.extract.metadata import Metadata, extract_metadata
from pipeline.ingest.txt import read_txt
from pipeline.recognizers.dates import find_dates


def metadata(text: str) -> Metadata:
    ctx = Context(read_txt(text.encode("utf-8")), on=date(2023, 1, 1))
    return extract_metadata(ctx, find_dates(ctx.document.text))


@pytest.mark.parametrize(
    ("body", "event"),
    [
        (
            "In aanloop naar de gemeenteraadsverkiezingen van 16 maart 2022 organiseerde de VNG op dinsdag "
            "15 februari 2022 een webinarochtend.",
            "2022-02-15",
        ),
        ("Sinds 1 januari 2021 werken de gemeenten samen; op 9 maart 2021 kwamen zij bijeen.", "2021-03-09"),
        ("Na de verkiezingen op 21 maart 2018 kwamen de griffiers op 14 maart 2019 bijeen.", "2019-03-14"),
        (
            "Aanmelden kon tot 1 april 2023. De bijeenkomst was op woensdag 5 april 2023 in Haarlem.",
            "2023-04-05",
        ),
        # Without a lead word the first date of the first paragraph is the meeting's.
        ("De werkconferentie van 9 juni 2022 trok zestig ambtenaren en griffiers uit Brabant.", "2022-06-09"),
        ("Donderdag 3 oktober 2019 kwamen veertig raadsleden bijeen voor de regiobijeenkomst.", "2019-10-03"),
    ],
)
def test_event_date_is_the_day_of_the_meeting(body: str, event: str) -> None:
    assert metadata(f"Verslag\n\n{body}\n").event_date == event


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("Verslag door Lisanne Wouters, ProDemos – 22 oktober 2021", "2021-10-22"),
        ("Tekst: Jan de Vries, 22-10-2021", "2021-10-22"),
        ("Door Anna Bakker | 22 oktober 2021", "2021-10-22"),
        ("Datum: 22 oktober 2021", "2021-10-22"),
        ("22 oktober 2021", "2021-10-22"),
        ("Den Haag, 22 oktober 2021", "2021-10-22"),
    ],
)
def test_published_from_a_byline_or_dateline(top: str, published: str) -> None:
    text = f"Verslag\n\n{top}\n\nOp zaterdag 16 oktober 2021 kwamen zestig jongeren samen in Doorn.\n"
    meta = metadata(text)
    assert (meta.published, meta.event_date) == (published, "2021-10-16")


@pytest.mark.parametrize(
    "top",
    [
        # A sentence that starts like a byline and names a date is prose, not a byline.
        "Door de verkiezingen van 16 maart 2022 was de opkomst bij deze bijeenkomst van de VNG voor nieuwe "
        "raadsleden en griffiers in het hele land hoger dan gewoonlijk.",
        "Dit verslag beschrijft de dag van 16 oktober 2021 voor de deelnemers en hun begeleiders.",
    ],
)
def test_no_published_date_from_prose(top: str) -> None:
    assert metadata(f"Verslag\n\n{top}\n").published is None
