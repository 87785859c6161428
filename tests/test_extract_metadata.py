"""Report metadata: which date is the publication, which the meeting."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.context import Context
from pipeline.extract.metadata import Metadata, extract_metadata, extract_programmes
from pipeline.ingest.txt import read_txt
from pipeline.model import DocumentBuilder
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
        ("Op de 12e van november 2022 kwamen zestig raadsleden bijeen in het stadhuis.", "2022-11-12"),
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
        # "d.d." (de dato) before a date, also as "dd." and with dots in the date.
        ("dd. 22.10.2021 | verslaglegging: het secretariaat van het netwerk", "2021-10-22"),
        ("Verslag d.d. 22 oktober 2021, opgesteld door de griffie", "2021-10-22"),
        ("Verslag: Marloes de Wit, 22 okt. 2021", "2021-10-22"),
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
        # Something delivered in a sentence is no byline.
        "Opgeleverd werd op 16 oktober 2021 het nieuwe dorpshuis, waar de raadsleden later bijeenkwamen.",
    ],
)
def test_no_published_date_from_prose(top: str) -> None:
    assert metadata(f"Verslag\n\n{top}\n").published is None


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("VNG | Team Lokale Democratie | 7 november 2024", "2024-11-07"),
        ("Vereniging van Griffiers, afdeling Zuid-Holland – 12 oktober 2016", "2016-10-12"),
        ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, 4 juli 2022", "2022-07-04"),
    ],
)
def test_a_short_line_ending_in_a_date_is_the_publication(top: str, published: str) -> None:
    # The meeting some months before the report (a date years before it is history).
    year = published[:4]
    meta = metadata(f"Verslag\n\n{top}\n\nOp 30 juni {year} kwamen de griffiers bijeen in Lisse.\n")
    assert (meta.published, meta.event_date) == (published, f"{year}-06-30")


@pytest.mark.parametrize(
    "line",
    [
        "gepost op 03.02.2023 door de webredactie",
        "Uitgegeven op 3 februari 2023",
        "Vastgesteld:   3 feb. '23 door het bestuur",
        "Verzonden: vrijdag 3 februari 2023 10:12",
        "verslag opgemaakt op 3 februari 2023 door Ilse Haan (secretaris)",
        "Opgesteld op 3 februari 2023",
    ],
)
def test_words_of_publishing_carry_the_publication_date(line: str) -> None:
    text = f"Verslag regiobijeenkomst\n{line}\n\nOp 26 januari 2023 kwamen de raadsleden bijeen in Epe.\n"
    meta = metadata(text)
    assert (meta.published, meta.event_date) == ("2023-02-03", "2023-01-26")


def test_a_title_ending_in_a_date_names_the_event() -> None:
    text = (
        "Netwerk Democratie – verslag netwerkbijeenkomst 29 september 2022\n\n"
        "Verslag gepubliceerd op 6 oktober 2022\n\nOp 29 september 2022 kwam het netwerk bijeen."
    )
    assert metadata(text).published == "2022-10-06"


def test_a_dateline_opens_a_news_item_and_a_day_without_year_is_the_meeting() -> None:
    text = (
        "Tynaarlo krijgt een jongerenraad\n\n"
        "Tynaarlo, 16 juni 2022 – De gemeenteraad van Tynaarlo heeft op dinsdag 14 juni ingestemd met een "
        "jongerenraad.\n\nDe eerste bijeenkomst staat gepland voor 28 september 2022.\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == ("2022-06-16", "2022-06-14")


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "de verdiepingssessies die donderdag 27 en vrijdag 28 september plaatsvonden in Utrecht",
            "2022-09-27",
        ),
        ("de sessies op 27-28 september in Utrecht", "2022-09-27"),
        ("de raadsleden die woensdagavond 26 mei deelnamen aan het congres", "2022-05-26"),
        ("de bijeenkomst die op vr 2 september plaatsvond", "2022-09-02"),
    ],
)
def test_a_meeting_day_or_range_without_year_takes_the_publications_year(sentence: str, event: str) -> None:
    text = f"Terugblik\n\nDatum 05-10-2022\n\nHet was druk bij {sentence}, met ruim tachtig deelnemers.\n"
    assert metadata(text).event_date == event


@pytest.mark.parametrize(
    "sentence",
    [
        "de begroting over 27 september werd niet besproken door de raad",  # no weekday, no "op"
        "in maart 27 september nog niet bekend was wie er zou komen",
    ],
)
def test_a_bare_day_and_month_in_prose_is_not_a_meeting_day(sentence: str) -> None:
    text = f"Terugblik\n\nDatum 05-10-2022\n\nHet bleek dat {sentence}, met ruim tachtig deelnemers.\n"
    assert metadata(text).event_date is None


@pytest.mark.parametrize(
    "label",
    ["Datum en tijd: do 4 okt. 2018, 19.30 – 22.00 uur", "Datum, aanvang:   4 oktober 2018 om 19.30 uur"],
)
def test_a_date_with_its_hours_is_the_meeting_and_the_fixed_date_the_publication(label: str) -> None:
    text = (
        f"Besluitenlijst raadsledenavond\n\n{label}\nVastgesteld:  11 okt. '18 door de werkgroep\n\n"
        "Sinds 1 januari 2018 werken de gemeenten samen in de regio.\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == ("2018-10-11", "2018-10-04")


def test_a_byline_under_the_meetings_own_date_and_place_is_the_publication() -> None:
    text = (
        "Regioteam Oost | ProDemos\n\nTerugblik op de gespreksavond\n\n"
        "Datum bijeenkomst: di 7 nov. 2023\nLocatie: Bibliotheek, Deventer\n"
        "Verslag: Ruud Kamphuis, 14 nov. 2023\n\nVeertig raadsleden spraken over de opkomst.\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == ("2023-11-14", "2023-11-07")


@pytest.mark.parametrize(
    ("closing", "published"),
    [
        ("Winterswijk, 20 april 2018 – Regio Achterhoek, team Bestuur", "2018-04-20"),
        ("Assen, 2 juli 2019", "2019-07-02"),
        ("*Middelburg, 12-12-2019*", "2019-12-12"),
    ],
)
def test_a_signed_dateline_at_the_end_is_the_publication(closing: str, published: str) -> None:
    text = (
        "Raadsledendag 2018\n\nRuim honderd raadsleden kwamen op vrijdag 13 april bijeen in het theater.\n\n"
        f"Het was een goede dag.\n\n{closing}\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == (published, published[:4] + "-04-13")


@pytest.mark.parametrize(
    "closing",
    [
        "De volgende bijeenkomst is op 20 april 2018 in Winterswijk.",
        "Volgende keer, 20 april 2018, gaan we verder met dit thema en kijken we naar de resultaten.",
    ],
)
def test_a_closing_sentence_with_a_date_is_no_dateline(closing: str) -> None:
    text = f"Raadsledendag\n\nRuim honderd raadsleden kwamen bijeen in het theater.\n\n{closing}\n"
    assert metadata(text).published is None


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Van 5 t/m 7 juni 2023 organiseerde de provincie drie ateliers voor raadsleden.", "2023-06-05"),
        ("Op 12 tot en met 14 maart 2024 kwamen de griffiers bijeen in Zwolle.", "2024-03-12"),
        ("De conferentie van 3-4 oktober 2022 trok ruim honderd deelnemers uit het land.", "2022-10-03"),
        ("Op 27 en 28 september 2022 kwamen de raadsleden samen in het provinciehuis.", "2022-09-27"),
    ],
)
def test_a_range_of_days_starts_the_meeting(sentence: str, event: str) -> None:
    assert metadata(f"Verslag\n\n{sentence}\n").event_date == event


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Op de 10e van november kwamen zestig raadsleden bijeen in het stadhuis.", "2022-11-10"),
        ("Op de 3de van november kwamen zestig raadsleden bijeen in het stadhuis.", "2022-11-03"),
        ("Op donderdagmiddag 22 september kwamen zeventien griffiers bijeen in Heesch.", "2022-09-22"),
    ],
)
def test_an_ordinal_or_weekday_part_without_year_takes_the_publications_year(
    sentence: str, event: str
) -> None:
    text = f"Leerdag\n\nRegio Eemland · verslag · 17 november 2022\n\n{sentence}\n"
    assert metadata(text).event_date == event


def test_a_date_after_the_publication_is_no_meeting_day() -> None:
    text = (
        "Leerdag\n\nRegio Eemland · verslag · 17 november 2022\n\n"
        "Op de 10e van november spraken raadsleden over de Omgevingswet, die op 1 januari 2024 ingaat.\n"
    )
    assert metadata(text).event_date == "2022-11-10"


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("DORPENFESTIVAL WAADHOEKE 2024", "2024-03-09"),
        ("Jongerendag Emmen 2019 – wat we hoorden", "2019-03-09"),
    ],
)
def test_a_day_without_year_takes_the_titles_year(title: str, event: str) -> None:
    text = (
        f"{title}\n\nRuim tweehonderd inwoners kwamen zaterdagmiddag 9 maart naar het festival in het dorp.\n"
    )
    assert metadata(text).event_date == event


def test_a_day_without_year_and_no_year_anywhere_stays_unknown() -> None:
    text = "Dorpenfestival\n\nRuim tweehonderd inwoners kwamen zaterdagmiddag 9 maart naar het festival.\n"
    assert metadata(text).event_date is None


def test_a_day_without_year_after_new_year_is_last_years() -> None:
    text = "Nieuws\n\nEde, 10 januari 2023 – De raad van Ede kwam op 20 december bijeen voor overleg.\n"
    assert metadata(text).event_date == "2022-12-20"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "NIEUWSBRIEF LOKALE DEMOCRATIE DRENTHE | nummer 3 | juni 2022\n\n"
            "Tynaarlo krijgt een eigen jongerenraad\n\nTekst van het bericht.",
            "Tynaarlo krijgt een eigen jongerenraad",
        ),
        ("VERSLAG REGIODAG PARKSTAD\nSamen werken\n\nTekst.", "VERSLAG REGIODAG PARKSTAD"),
        ("# Netwerkdag Fryslân: verslag\n\n*Leeuwarden, 3 april 2017*\n", "Netwerkdag Fryslân: verslag"),
        ("Regiodag | Utrecht\n\nTekst van het bericht.", "Regiodag | Utrecht"),
        # The sender's name above the line that names the report.
        (
            "Netwerk Griffiers West-Friesland\n\nKennismiddag ‘Raad en regio’ – verslag\n\nTekst.",
            "Kennismiddag ‘Raad en regio’ – verslag",
        ),
        (
            "ProDemos – Huis voor democratie en rechtsstaat | Regioteam Noord\n\n"
            "Terugblik: twee avonden over de opkomst in Groningen\n\nTekst.",
            "Terugblik: twee avonden over de opkomst in Groningen",
        ),
        ("Vereniging van Griffiers\nImpressie van de ledendag\n\nTekst.", "Impressie van de ledendag"),
        # A first line that names the report itself, or a byline under it, stays the title.
        ("Regiodag Zeeland\nVerslag: Anna de Boer, 3 mei 2019\n\nTekst.", "Regiodag Zeeland"),
        ("Verslag regiodag Zeeland\nTerugblik op een mooie dag\n\nTekst.", "Verslag regiodag Zeeland"),
        ("Democratiefestival 2024\nWat we hoorden, wat we meenemen\n\nTekst.", "Democratiefestival 2024"),
        # A web page's breadcrumb trail above the headline.
        (
            "griffiersnet.nl › Actueel › Verslagen\n\nRaadsledendag Achterhoek\n\nTekst.",
            "Raadsledendag Achterhoek",
        ),
        ("Home > Nieuws > Regio\n\nTerugblik op de regioavond\n\nTekst.", "Terugblik op de regioavond"),
        # An e-mail's header: the subject is the title.
        (
            "Van: Griffie Epe <griffie@epe.nl>\nVerzonden: maandag 2 mei 2022 10:02\nAan: de raadsleden\n"
            "Onderwerp: Verslag werkbezoek Heerde\n\nBeste raadsleden,\n\nTekst.",
            "Verslag werkbezoek Heerde",
        ),
        ("From: Anna Bos\nSubject: Terugblik leerkring\n\nTekst.", "Terugblik leerkring"),
        # An ALL-CAPS sender above dated minutes: the minutes' line is the title.
        (
            "NETWERK GRIFFIERS ACHTERHOEK\nBesluitenlijst netwerkoverleg d.d. 4 maart 2024\n\nTekst.",
            "Besluitenlijst netwerkoverleg d.d. 4 maart 2024",
        ),
        # A title above a dated report line stays the title.
        (
            "Raadsledendag Rijk van Nijmegen\nVerslag van 9 mei 2023\n\nTekst.",
            "Raadsledendag Rijk van Nijmegen",
        ),
        # A header without a subject gives none; a first line "Aan ..." that is no header stays.
        ("Aan de slag met participatie\n\nTekst.", "Aan de slag met participatie"),
        # The site a post is on, above the post's headline.
        (
            "Regio Achterhoek | intranet voor griffiers\n\nDe raden en de woningbouw\n\nTekst.",
            "De raden en de woningbouw",
        ),
        ("Gemeente Epe | nieuwsbericht\n\nRaadsleden op werkbezoek\n\nTekst.", "Raadsleden op werkbezoek"),
        # A title with a bar and no word of a site stays the title.
        ("Werkbezoek | Intratuin Epe\n\nTekst.", "Werkbezoek | Intratuin Epe"),
        # A line in capitals that only names the kind of document, with the header under it
        # (sender, numbered labels), above the headline.
        (
            "PERSBERICHT\n\nRegio Twente\nNr.: 2021/12\nDatum: 3 mei 2021\n\n"
            "Raadsleden praten mee over de dorpen\n\nENSCHEDE – Tekst.",
            "Raadsleden praten mee over de dorpen",
        ),
        (
            "NIEUWSBRIEF\n\nZes raden werken samen aan de jeugdzorg\n\nTekst.",
            "Zes raden werken samen aan de jeugdzorg",
        ),
        (
            "PERSBERICHT\n\nDe raden kiezen een koers\nDatum: 3 mei 2021\n\nTekst.",
            "De raden kiezen een koers",
        ),
        # An archive's copy of a post: its masthead and posting line above the post's first line.
        (
            "Archiefkopie Facebook – griffie Zwolle\nBericht van: Ans Smit | Geplaatst: 3-5-2021 10:00\n\n"
            "Regioavond Zwolle 2021: wat ik meenam\n\nTekst.",
            "Regioavond Zwolle 2021: wat ik meenam",
        ),
        # The kind of document in a longer line, or not in capitals, is the title itself.
        ("PERSBERICHT REGIO TWENTE\n\nTekst.", "PERSBERICHT REGIO TWENTE"),
        ("Verslag\n\nTekst.", "Verslag"),
        ("Persbericht over de regioavond\nDatum: 3 mei 2021\n\nTekst.", "Persbericht over de regioavond"),
    ],
)
def test_title_skips_a_masthead_and_markup(text: str, title: str) -> None:
    assert metadata(text).title == title


def programmes(text: str) -> list[str]:
    ctx = Context(read_txt(text.encode("utf-8")), on=date(2023, 1, 1))
    return extract_programmes(ctx)


@pytest.mark.parametrize(
    "lead_in",
    [
        "Nog in voorbereiding:",
        "Binnenkort te volgen",
        "In de maak",
        "Waar het team nu aan werkt:",
        "De griffie bereidt op verzoek van de raad drie avonden voor:",
        "Op dit moment worden voorbereid:",
        "Het bureau werkt de komende maanden deze ideeën uit:",
        "Samen met de provincie ontwikkelen we:",
        "Op stapel staan:",
        "Er komen nog aan:",
        "Voor volgend jaar staan gepland:",
        "Op de planning",
        "Op de tekentafel",
        "Het netwerk liet weten dat het aan drie nieuwe onderdelen werkt:",
        "Met de provincie wordt nu gewerkt aan:",
        "De stuurgroep zegde toe de volgende plannen uit te werken:",
        "Het bestuur belooft deze twee avonden voor te bereiden:",
    ],
)
def test_a_list_announced_as_being_prepared_holds_programmes(lead_in: str) -> None:
    text = (
        f"Verslag\n\nDe avond was goed.\n\n{lead_in}\n- Een cursus debatteren\n- Een werkbezoek aan Assen\n"
    )
    assert programmes(text) == ["Een cursus debatteren", "Een werkbezoek aan Assen"]


@pytest.mark.parametrize(
    "lead_in",
    [
        # Prose says 'werkt aan' about anything: only a list's own lead-in counts.
        "Het college werkt aan betere dienstverlening. De raad vroeg daarbij het volgende.",
        "De deelnemers noemden deze vragen voor het ontwikkeltraject:",
        "Wat wij bieden:",
        "Aanwezig waren:",
        "De raad werkt sinds 2020 met een vaste agenda. Zij bespraken het volgende.",
        "De deelnemers stelden voor deze punten verder uit te werken:",
        "Op tafel lagen:",
    ],
)
def test_other_lists_hold_no_programmes(lead_in: str) -> None:
    text = (
        f"Verslag\n\nDe avond was goed.\n\n{lead_in}\n- Een cursus debatteren\n- Een werkbezoek aan Assen\n"
    )
    assert programmes(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "V: En nu? A: Daarnaast werken wij nu aan een podcast voor raadsleden en aan een "
            "regionale kennisbank.",
            ["een podcast voor raadsleden", "een regionale kennisbank"],
        ),
        ("We werken ook aan een tweede editie in Meppel.", ["een tweede editie in Meppel"]),
        # Not a new thing, not the writers, or not at work on it.
        ("We werken aan vertrouwen tussen raad en inwoners.", []),
        ("Het college werkt aan een nieuwe visie op participatie.", []),
        ("We werkten vorig jaar aan een handreiking.", []),
    ],
)
def test_programmes_the_writers_say_they_work_on(sentence: str, expected: list[str]) -> None:
    assert programmes(f"Verslag\n\nDe avond was goed.\n\n{sentence}\n") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Items opened by a check mark, as a post writes a list without list markup; the lead-in
        # sentence before them ("we werken aan een vervolg") names no programme of its own.
        (
            "Zin in meer? We werken aan een vervolg na de zomer. Op de planning:\n"
            "✅ een cursus debatteren\n✅ een werkbezoek aan Assen\n\nTot ziens!",
            ["een cursus debatteren", "een werkbezoek aan Assen"],
        ),
        (
            "Binnenkort:\n✔️ een cursus debatteren\n✔️ een werkbezoek aan Assen\n",
            ["een cursus debatteren", "een werkbezoek aan Assen"],
        ),
        # A numbered agenda item that announces the bullets under it.
        (
            "4. Rondvraag\n5. Nog in voorbereiding bij de werkgroep\n- Een cursus debatteren\n"
            "- Een werkbezoek aan Assen\n6. Sluiting\n",
            ["Een cursus debatteren", "Een werkbezoek aan Assen"],
        ),
        # Programmes told in a sentence: words of preparing before a colon, the items after it.
        (
            "Het netwerk bereidt nu een vervolg voor: een cursus debatteren en een werkbezoek aan Assen.",
            ["een cursus debatteren", "een werkbezoek aan Assen"],
        ),
        (
            "Voor het voorjaar staan gepland: een cursus debatteren, een podcast en een werkbezoek in Epe.",
            ["een cursus debatteren", "een podcast", "een werkbezoek in Epe"],
        ),
        # What is offered, proposed or recommended is no programme in preparation.
        ("De GGD biedt elke raad twee dingen aan: een presentatie en een cursus.", []),
        ("Wat ging goed:\n✅ een goede opkomst\n✅ een strakke dagvoorzitter\n", []),
        ("De raden werkten aan één tafel samen. Wij bevelen aan:\n- Een reeks avonden\n- Een podcast\n", []),
        ("4. Nog in voorbereiding bij de werkgroep\n5. Sluiting\n", []),
    ],
)
def test_programmes_in_posts_agendas_and_sentences(text: str, expected: list[str]) -> None:
    assert programmes(f"Verslag\n\nDe avond was goed.\n\n{text}\n") == expected


def test_options_proposed_to_work_out_are_no_programmes() -> None:
    text = "Verslag\n\nDe raden vonden deze ideeën kansrijk om uit te werken:\n- Een cursus\n- Een podcast\n"
    assert programmes(text) == []


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # Years before the report appeared: history, not its meeting.
        ("Op 3 maart 2015 richtten drie griffiers het netwerk op. Het netwerk groeit nog.", None),
        ("Sinds de oprichting op 3 maart 2015 kwamen de leden op 9 november 2022 weer bijeen.", "2022-11-09"),
        # Some months before it: still its meeting.
        ("Op 2 februari 2022 kwamen de raadsleden bijeen in het stadhuis van Ede.", "2022-02-02"),
    ],
)
def test_a_date_long_before_the_publication_is_no_meeting_day(sentence: str, event: str | None) -> None:
    text = f"Nieuwsbrief\n\nVerschenen op 17 november 2022\n\n{sentence}\n"
    assert metadata(text).event_date == event


@pytest.mark.parametrize(
    ("top", "published"),
    [
        ("Bijgewerkt d.d. 02-03-2024: het verslag staat nu onder de uitnodiging.", "2024-03-02"),
        ("Laatst bijgewerkt op 4 mei 2022", "2022-05-04"),
        ("Geactualiseerd: 12 januari 2021", "2021-01-12"),
    ],
)
def test_an_update_line_above_the_title_is_the_publication(top: str, published: str) -> None:
    found = metadata(
        f"{top}\n\nRaadsledendag Gelderland – uitnodiging en verslag\n\nDe raden kwamen bijeen.\n"
    )
    assert (found.published, found.title) == (published, "Raadsledendag Gelderland – uitnodiging en verslag")


def test_a_line_about_changes_without_a_date_is_no_update_line() -> None:
    found = metadata("Aangepast programma voor raadsleden\n\nDe raden kwamen bijeen.\n")
    assert found.title == "Aangepast programma voor raadsleden"


def _header_table(rows: list[tuple[str, str]]) -> Metadata:
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Raadsbrief over de regiodag")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    builder.add("paragraph", "Op dinsdag 4 april 2023 kwamen raadsleden uit de regio bijeen in Epe.")
    ctx = Context(builder.build(), on=date(2023, 1, 1))
    return extract_metadata(ctx, find_dates(ctx.document.text))


@pytest.mark.parametrize(
    ("rows", "published"),
    [
        # A letter's header table: the label alone in its cell, the date in the next.
        ([("Aan", "de raad"), ("Verzonden", "18 april 2023")], "2023-04-18"),
        ([("Van", "het college"), ("Datum:", "20-04-2023"), ("Kenmerk", "RB-12")], "2023-04-20"),
        # A raadsvoorstel's header: the day of the proposal, not the council meeting's.
        (
            [
                ("Registratienummer", "2023-0112"),
                ("Raadsvergadering", "9 mei 2023"),
                ("Datum voorstel", "18 april 2023"),
            ],
            "2023-04-18",
        ),
        ([("Agendapunt", "7"), ("Datum van voorstel", "18-04-2023")], "2023-04-18"),
        # A date in another row, or a label with more words, is no publication date.
        ([("Datum", "zie onder"), ("Kenmerk", "18 april 2023")], None),
        ([("Aan", "de raad"), ("Van", "het college"), ("Datum vergadering", "18 april 2023")], None),
    ],
)
def test_a_header_tables_date_row_is_the_publication(
    rows: list[tuple[str, str]], published: str | None
) -> None:
    assert _header_table(rows).published == published


@pytest.mark.parametrize(
    ("top", "published"),
    [
        # A word of publishing opening one part of a header line split by bars or middle dots.
        ("Nummer 2 | verschenen op 5 maart 2021 | Regio West-Brabant", "2021-03-05"),
        (
            "Bericht van: Ans Smit | Geplaatst: 05-03-2021 10:12 | Gearchiveerd: 06-03-2021 09:00",
            "2021-03-05",
        ),
        (
            "Stichting Raad & Regio · een programma van de provincie · gepubliceerd op vrijdag 5 maart 2021",
            "2021-03-05",
        ),
        ("Versie: definitief, 5 maart 2021 · opgesteld door de reiscommissie", "2021-03-05"),
        ("Datum indiening: 5 maart 2021", "2021-03-05"),
        # A byline's delivery date: the harvest was written up and handed over then.
        ("Opgetekend door Bureau Kern in opdracht van de griffies · opgeleverd 5 maart 2021", "2021-03-05"),
        ("Tekst en beeld: Studio Oogst | opgeleverd op vrijdag 5 maart 2021", "2021-03-05"),
        ("Oogstdocument · versie 2 · opgeleverd op 05-03-2021", "2021-03-05"),
        # Delivered without a date, or something else delivered, gives none.
        ("Oogstdocument · opgeleverd aan de griffies · Regio West-Brabant", None),
        # A part without such a word gives no publication by itself.
        ("Regio West-Brabant | aanmelden kon tot 5 maart 2021 | voor raadsleden en griffiers", None),
    ],
)
def test_a_publishing_word_in_a_header_part_gives_the_publication(top: str, published: str | None) -> None:
    text = (
        f"Regiodag West-Brabant\n{top}\n\nOp dinsdag 23 februari 2021 kwamen de raadsleden bijeen in Breda.\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == (published, "2021-02-23")


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # A weekday and the day and month in figures, the year from the publication.
        ("Afgelopen woensdag (3/3) kwamen ruim veertig raadsleden bijeen in Epe.", "2021-03-03"),
        ("Vorige week dinsdagavond 2/3 spraken de raden van Epe en Heerde over de jeugdzorg.", "2021-03-02"),
        # Figures without a weekday, or no month, are no day.
        ("Zo'n 3/4 van de raadsleden kwam bijeen in het gemeentehuis van Epe.", None),
        ("Afgelopen woensdag (13/14 uur) spraken de raden van Epe en Heerde over de jeugdzorg.", None),
    ],
)
def test_a_weekday_with_day_and_month_in_figures_is_the_meeting(sentence: str, event: str | None) -> None:
    text = f"Terugblik regioavond\n\nDatum: 10 maart 2021\n\n{sentence}\n"
    assert metadata(text).event_date == event


@pytest.mark.parametrize(
    ("text", "published", "event"),
    [
        # A subtitle that opens with the meeting's date, the venue after a middle dot or a bar;
        # a programme booklet may appear before its meeting.
        (
            "Regiodag Utrecht\nZaterdag 8 mei 2021 · Stadhuis, Utrecht · versie van 20 april 2021\n\nTekst.",
            "2021-04-20",
            "2021-05-08",
        ),
        (
            "Regioavond Epe\n12 mei 2021 | Raadszaal Epe\nDatum verslag: 20 mei 2021\n\nTekst.",
            "2021-05-20",
            "2021-05-12",
        ),
        # A date alone on the cover, the report's own date labelled under it.
        (
            "Verslag raadsavond Oost\n8 mei 2021\nDatum verslag: 20 mei 2021\n\nTekst.",
            "2021-05-20",
            "2021-05-08",
        ),
        # A date alone with no other publication date is the publication.
        (
            "Regiodag Utrecht\n20 mei 2021\n\nOp zaterdag 8 mei 2021 kwamen de raden bijeen in Utrecht.",
            "2021-05-20",
            "2021-05-08",
        ),
    ],
)
def test_the_meetings_own_line_on_top(text: str, published: str, event: str) -> None:
    meta = metadata(text)
    assert (meta.published, meta.event_date) == (published, event)


def test_a_trip_over_two_days_under_a_version_line_starts_on_the_first() -> None:
    text = (
        "Reisverslag: twee dagen Antwerpen\nStudiereis van raadsleden naar Antwerpen, 3 en 4 juni 2021\n"
        "Versie: definitief, 14 juni 2021 · opgesteld door de reiscommissie\n\nTekst.\n"
    )
    meta = metadata(text)
    assert (meta.published, meta.event_date) == ("2021-06-14", "2021-06-03")


@pytest.mark.parametrize(
    "line",
    [
        "Gemaakt door Jorien Bakker op 1 feb. 2023 · Laatst bijgewerkt door Harm Dijkstra op 3 feb. 2023",
        "Laatst gewijzigd door de webredactie op 03-02-2023",
        "Pagina aangemaakt op 30 jan. 2023 | bewerkt door Ilse Haan op 3 februari 2023",
    ],
)
def test_a_wiki_pages_last_edit_is_the_publication(line: str) -> None:
    text = f"Verslag regiobijeenkomst\n{line}\n\nOp 26 januari 2023 kwamen de raadsleden bijeen in Epe.\n"
    assert metadata(text).published == "2023-02-03"


@pytest.mark.parametrize(
    "line",
    [
        # A page's creation is its draft, not its publication; an edit told in prose is no header.
        "Gemaakt door Jorien Bakker op 3 februari 2023 · Labels: verslag",
        "De tekst is door de griffie op 3 februari 2023 bijgewerkt en rondgestuurd aan alle raadsleden.",
        "Bijgewerkt door de raad werd op 3 februari 2023 ook het reglement van orde.",
    ],
)
def test_other_lines_with_an_author_and_date_are_no_last_edit(line: str) -> None:
    intro = "Op 26 januari 2023 kwamen de raadsleden van vier gemeenten bijeen in Epe voor een avond."
    text = f"Verslag regiobijeenkomst\n\n{intro}\n\n{intro}\n\n{intro}\n\n{line}\n"
    assert metadata(text).published is None


@pytest.mark.parametrize(
    ("rows", "location"),
    [
        ("||Eigenschap||Waarde||\n|Locatie|Dorpshuis De Wierde, Uithuizen|\n", "Uithuizen"),
        ("||Veld||Inhoud||\n|Datum|12-05-2022|\n|Plaats|Het Gemeentehuis, Ede|\n", "Ede"),
        ("||Vraag||Antwoord||\n|Locatie|Dorpshuis De Brink, Loo (gem. Duiven)|\n", "Loo"),
        (
            "+------+-------+\n| Waar | Zwolle |\n+------+-------+\n| Wie | raden |\n+------+-------+\n",
            "Zwolle",
        ),
    ],
)
def test_a_place_label_cell_gives_the_place_in_the_cell_beside_it(rows: str, location: str) -> None:
    assert metadata(f"Verslag regiobijeenkomst\n\n{rows}\nTekst.\n").location == location


@pytest.mark.parametrize(
    "rows",
    [
        # The label in a header row over many values, or as a cell's own text in a sentence.
        "||Locatie||Datum||\n|Ede|12-05-2022|\n|Wageningen|19-05-2022|\n",
        "||Onderwerp||Toelichting||\n|Locatiekeuze|Het zwembad in Ede of Wageningen|\n",
        "||Vraag||Antwoord||\n|Waar staan we over een jaar?|Ede is verder|\n",
        # (A header row over ONE row of values, "| Wanneer | Waar |" over "| 8 mei | Ede |", is
        # an invitation's facts: its place is read, see the header-row case of the form tests.)
    ],
)
def test_other_table_cells_name_no_place(rows: str) -> None:
    assert metadata(f"Verslag regiobijeenkomst\n\n{rows}\nTekst.\n").location is None


def _form(rows: list[tuple[str, ...]], prose: str) -> Metadata:
    """A form's general-data table (one Word table) above the report's prose."""
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslagformulier regiobijeenkomst", level=1)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    builder.add("paragraph", prose)
    ctx = Context(builder.build(), on=date(2023, 1, 1))
    return extract_metadata(ctx, find_dates(ctx.document.text))


NEXT_MEETING = "Volgende bijeenkomst: donderdag 3 oktober 2024, in het stadhuis van Zwolle."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A form's general-data rows: the meeting's day beats the next meeting told in prose,
        # the day the forms were bundled is the publication, a village with its municipality.
        (
            [
                ("Vraag", "Antwoord"),
                ("Datum bijeenkomst", "dinsdag 12 maart 2024"),
                ("Locatie", "Dorpshuis 't Anker, Oosterend (gem. Texel)"),
                ("Datum verslag", "20 maart 2024"),
            ],
            ("2024-03-20", "2024-03-12", "Oosterend"),
        ),
        (
            [
                ("Bijeenkomst", "Raadsledenavond Vechtdal"),
                ("Plaats", "MFC De Spil, Den Ham (gemeente Twenterand)"),
                ("Datum bijeenkomst", "woensdag 6 maart 2024"),
                ("Datum vastgesteld", "2 april 2024"),
            ],
            ("2024-04-02", "2024-03-06", "Den Ham"),
        ),
        (
            [("Datum gebundeld", "15-03-2024"), ("Wanneer", "7 maart 2024"), ("Waar", "Het Veerhuis, Lopik")],
            ("2024-03-15", "2024-03-07", "Lopik"),
        ),
        # A header row of labels over one row of values.
        (
            [("Wanneer", "Waar", "Voor wie"), ("8 november 2023, 9.30 uur", "De Flint, Amersfoort", "raden")],
            (None, "2023-11-08", "Amersfoort"),
        ),
        # A room is no place; a bracket that names no municipality makes no village; a row of
        # labels over several rows is a schedule of meetings, not the report's own facts.
        (
            [("Datum bijeenkomst", "dinsdag 12 maart 2024"), ("Locatie", "Zaal 2")],
            (None, "2024-03-12", None),
        ),
        (
            [("Locatie", "Het Anker (ingang achterzijde)"), ("Datum", "zie onder")],
            (None, "2024-10-03", None),
        ),
        (
            [
                ("Datum", "Plaats", "Thema"),
                ("12 mei 2024", "Assen", "wonen"),
                ("14 juni 2024", "Emmen", "zorg"),
            ],
            (None, "2024-10-03", None),
        ),
    ],
)
def test_a_forms_general_data_rows_give_the_documents_facts(
    rows: list[tuple[str, ...]], expected: tuple[str | None, str | None, str | None]
) -> None:
    found = _form(rows, NEXT_MEETING)
    assert (found.published, found.event_date, found.location) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Check-box lines under a lead-in of programmes being prepared: only the ticked ones.
        (
            "Programma’s in voorbereiding (aankruisen wat van toepassing is):\n\n"
            "☒ een cursus debatteren\n\n☐ een regiodag voor alle raden\n\n☒ een werkbezoek aan Assen",
            ["een cursus debatteren", "een werkbezoek aan Assen"],
        ),
        (
            "Nog in voorbereiding:\n[x] een podcast voor raadsleden\n[ ] een excursie\n"
            "[X] een webinar over de RES\n",
            ["een podcast voor raadsleden", "een webinar over de RES"],
        ),
        (
            "Op de planning:\n☑ een raadsledendag ☐ een excursie ☑ een factsheet\n",
            ["een raadsledendag", "een factsheet"],
        ),
        # Nothing ticked, or check boxes under a lead-in of something else: no programmes.
        ("In voorbereiding (aankruisen):\n☐ een cursus debatteren\n☐ een werkbezoek\n", []),
        ("Wat vond u van de avond?\n☒ goed\n☐ matig\n☐ slecht\n", []),
        ("Aanwezig waren:\n☒ Zevenaar\n☒ Duiven\n", []),
    ],
)
def test_ticked_check_boxes_under_a_lead_in_are_programmes(text: str, expected: list[str]) -> None:
    assert programmes(f"Verslag\n\nDe avond was goed.\n\n{text}\n") == expected


# A version line that says text was added or updated later: the later day is the publication.
@pytest.mark.parametrize(
    ("top", "published"),
    [
        (
            "Versie 5 (definitief) – 20 oktober 2021 · aantekeningen toegevoegd op 29 oktober 2021",
            "2021-10-29",
        ),
        ("Versie 2, 18 oktober 2021; aangevuld op 25 oktober 2021 door de griffie", "2021-10-25"),
        ("Versie van 18-10-2021 | bijgewerkt 2-11-2021", "2021-11-02"),
        # One date, or no word of a later addition: the version's day.
        ("Versie 3 – 20 oktober 2021 · aantekeningen toegevoegd door Jan Smit", "2021-10-20"),
        ("Versie 3 – 20 oktober 2021 · vorige versie 12 oktober 2021", "2021-10-20"),
        ("Versie 3 – 20 oktober 2021, toegevoegd: de presentielijst", "2021-10-20"),
    ],
)
def test_a_later_addition_in_a_version_line_is_the_publication(top: str, published: str) -> None:
    text = f"Verslag\n\n{top}\n\nOp zaterdag 16 oktober 2021 kwamen zestig jongeren samen in Doorn.\n"
    assert metadata(text).published == published


def _general_data(rows: list[tuple[str, str]]) -> Metadata:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Draaiboek regiomiddag", level=1)
    builder.add("paragraph", "Versie 2 – 1 oktober 2021")
    for r, (label, value) in enumerate([("Onderdeel", "Gegevens"), *rows]):
        builder.add("table_cell", label, table=(0, r, 0))
        builder.add("table_cell", value, table=(0, r, 1))
    ctx = Context(builder.build(), on=date(2023, 1, 1))
    return extract_metadata(ctx, find_dates(ctx.document.text))


# A date label's value with the hours of the day in a general-data table is the meeting's date.
@pytest.mark.parametrize(
    ("value", "event"),
    [
        ("zaterdag 16 oktober 2021, 12.30 – 17.00 uur", "2021-10-16"),
        ("16-10-2021 vanaf 19:30 uur", "2021-10-16"),
        ("dinsdag 16 oktober 2021 (9.30-12.00)", "2021-10-16"),
        # No hours: a date alone in such a cell is not taken for the meeting by this rule.
        ("16 oktober 2021", None),
        ("16 oktober 2021, versie 3", None),
    ],
)
def test_a_date_cell_with_the_hours_is_the_meeting(value: str, event: str | None) -> None:
    meta = _general_data([("Datum", value), ("Locatie", "Zaal De Kroon")])
    assert meta.event_date == event


# The rooms in brackets after a venue's place are no part of the place.
@pytest.mark.parametrize(
    ("value", "location"),
    [
        ("Gemeentehuis Súdwest-Fryslân, Sneek (raadzaal en commissiekamer)", "Sneek"),
        ("Dorpshuis De Brink, Wehl (grote zaal, foyer)", "Wehl"),
        ("Stadhuis Kampen, Kampen (Schepenzaal)", "Kampen"),
        # No place after the venue: a room or a venue alone gives none.
        ("Zaal 2 (eerste verdieping)", None),
        ("Gemeentehuis (raadzaal, commissiekamer)", None),
        ("Raadzaal, (achteringang)", None),
    ],
)
def test_rooms_in_brackets_after_the_place_are_left_out(value: str, location: str | None) -> None:
    rows = f"||Eigenschap||Waarde||\n|Locatie|{value}|\n"
    assert metadata(f"Verslag regiobijeenkomst\n\n{rows}\nTekst.\n").location == location


# A day without a year in a dated news page: the latest such day on or before the page's date
# ("donderdag, 8 maart" with a comma too), unless its weekday fits the day after the page.
@pytest.mark.parametrize(
    ("body", "event"),
    [
        (
            "Raadsleden kwamen vorige week donderdag, 8 maart, naar Emmeloord voor een avond met elkaar.",
            "2018-03-08",
        ),
        (
            "De raden vergaderden op dinsdag 6 maart samen in het stadhuis van Lelystad over de regio.",
            "2018-03-06",
        ),
        (
            "Afgelopen zaterdag, 10 maart, spraken raadsleden in Dronten met elkaar over de toekomst.",
            "2018-03-10",
        ),
        # The weekday fits the day after the page's date in its year: a plan, no meeting day.
        ("De gemeenteraad vergadert op maandag 19 maart om 19.30 uur in de raadzaal van het huis.", None),
        ("De raad vergadert op donderdag 22 maart over de begroting en het plan voor de regio.", None),
    ],
)
def test_a_yearless_day_falls_on_its_weekday(body: str, event: str | None) -> None:
    text = f"Gemeentenieuws\n\nWoensdag 14 maart 2018 · week 11\n\n{body}\n"
    assert metadata(text).event_date == event


def _hand_out(caption: str, head: str, lines: list[str]) -> dict:
    """A slide hand-out: its caption line, then the title slide as a ``Dia 1 | Aantekeningen`` table."""
    from pipeline.extract import extract

    builder = DocumentBuilder("pdf")
    builder.add("paragraph", caption)
    builder.add("table_cell", f"{head} 1", table=(0, 0, 0))
    builder.add("table_cell", "Aantekeningen" if head == "Dia" else "Notes", table=(0, 0, 1))
    for r, line in enumerate(lines, start=1):
        builder.add("table_cell", line, table=(0, r, 0))
    builder.add("paragraph", "Notities: welkom door de burgemeester.")
    return extract(builder.build())


@pytest.mark.parametrize(
    ("caption", "head", "lines", "expected"),
    [
        (
            "Hand-out bij de presentatie van de regioavond · 3 dia's per pagina · nagestuurd door de griffie "
            "van Venray op 14 maart 2019",
            "Dia",
            [
                "Samen sterker in de Maasduinen",
                "Regioavond Noord-Limburg",
                "donderdag 7 maart 2019 · raadhuis Venray, Venray",
            ],
            ("Samen sterker in de Maasduinen", "2019-03-14", "2019-03-07", "Venray"),
        ),
        (
            "Handout van de presentatie · rondgestuurd op 2 oktober 2022",
            "Slide",
            ["Jeugdzorg in de regio", "dinsdag 27 september 2022 | dorpshuis De Brink, Loo"],
            ("Jeugdzorg in de regio", "2022-10-02", "2022-09-27", "Loo"),
        ),
        (
            "Sheets bij de bijeenkomst van de griffiers, 3 per pagina",
            "Dia",
            [
                "Werken aan de Omgevingswet",
                "Raadsledenavond Achterhoek",
                "12 mei 2021 · stadhuis Doetinchem, Doetinchem",
            ],
            ("Werken aan de Omgevingswet", None, "2021-05-12", "Doetinchem"),
        ),
    ],
)
def test_a_hand_out_takes_its_header_from_the_title_slide(
    caption: str, head: str, lines: list[str], expected: tuple
) -> None:
    doc = _hand_out(caption, head, lines)
    assert (doc["title"], doc["published"], doc["event_date"], doc["location"]) == expected


@pytest.mark.parametrize(
    "caption",
    [
        # A first line that names no hand-out is the title itself, whatever follows.
        "Terugblik op de regioavond",
        "Hand-outs",
        "Verslag van de hand-out-sessie",
    ],
)
def test_a_first_line_that_is_no_hand_out_caption_is_the_title(caption: str) -> None:
    doc = _hand_out(caption, "Dia", ["Samen sterker", "donderdag 7 maart 2019 · raadhuis Venray, Venray"])
    assert doc["title"] == caption


@pytest.mark.parametrize(
    ("top", "published"),
    [
        (
            "Redactie Binnenkant · vrijdag 14 februari 2020 · leestijd 4 minuten · 212 keer gelezen",
            "2020-02-14",
        ),
        ("Webredactie | 14 februari 2020 | 3 min. lezen", "2020-02-14"),
        ("Anna de Vries · 14-02-2020 · leestijd 2 minuten", "2020-02-14"),
        ("Eindredactie Intranet · 14 februari 2020", "2020-02-14"),
    ],
)
def test_a_web_items_byline_is_its_publication(top: str, published: str) -> None:
    opening = "Daarover praatten raadsleden op maandagavond 10 februari in Vught."
    text = f"Raden praten over de toekomst\n\n{top}\n\n{opening}\n"
    meta = metadata(text)
    assert (meta.published, meta.event_date) == (published, "2020-02-10")


@pytest.mark.parametrize(
    "top",
    [
        # "gelezen" in a sentence, not a part of a meta line.
        "Wie het verslag van 14 februari 2020 al keer op keer heeft gelezen, weet dat de avond meer was.",
        # The desk as a label: a colophon, no byline.
        "Redactie: Anna de Vries, Piet Smit en de afdeling communicatie, 14 februari 2020 en later",
        # Reading time in a sentence, not a meta line.
        "De leestijd van het verslag van 14 februari 2020 is lang, want er gebeurde die avond veel.",
    ],
)
def test_no_publication_from_what_is_no_byline(top: str) -> None:
    assert metadata(f"Raden praten over de toekomst\n\n{top}\n").published is None


def _letter(head: list[tuple[str, str]], rows: list[tuple[str, str]], body: str) -> Metadata:
    builder = DocumentBuilder("docx")
    for kind, text in head:
        builder.add(kind, text)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    builder.add("paragraph", body)
    ctx = Context(builder.build(), on=date(2023, 1, 1))
    return extract_metadata(ctx, find_dates(ctx.document.text))


_BODY = "Op dinsdag 4 april 2023 kwamen raadsleden uit de regio bijeen in Epe."


@pytest.mark.parametrize(
    ("head", "rows", "title"),
    [
        (
            [("paragraph", "Vereniging van Drentse Gemeenten"), ("paragraph", "Postbus 122 · 9400 AC Assen")],
            [
                ("Aan", "de raden"),
                ("Datum", "14 december 2016"),
                ("Onderwerp", "Terugblik raadsledendag 2016"),
            ],
            "Terugblik raadsledendag 2016",
        ),
        (
            [("paragraph", "Gemeente Epe")],
            [("Betreft", "Verslag regiodag Veluwe"), ("Kenmerk", "2023/114")],
            "Verslag regiodag Veluwe",
        ),
        (
            [("paragraph", "Griffie Apeldoorn")],
            [("Datum", "5 april 2023"), ("Onderwerp:", "Uitnodiging vervolg raadsledenavond")],
            "Uitnodiging vervolg raadsledenavond",
        ),
    ],
)
def test_a_letters_title_is_its_subject_row_not_its_letterhead(
    head: list[tuple[str, str]], rows: list[tuple[str, str]], title: str
) -> None:
    assert _letter(head, rows, _BODY).title == title


@pytest.mark.parametrize(
    ("head", "rows"),
    [
        # A heading above the table is the title.
        ([("heading", "Verslag regiodag Veluwe")], [("Onderwerp", "Wonen")]),
        # Running text before the table: the table is part of the report, not a letter's header.
        (
            [
                ("paragraph", "Verslag regiodag Veluwe"),
                ("paragraph", "De raden kwamen bijeen en bespraken veel onderwerpen."),
            ],
            [("Onderwerp", "Wonen")],
        ),
        # An empty subject cell.
        ([("paragraph", "Verslag regiodag Veluwe")], [("Onderwerp", "–"), ("Datum", "4 april 2023")]),
    ],
)
def test_no_subject_row_title_when_the_table_is_no_letters_header(
    head: list[tuple[str, str]], rows: list[tuple[str, str]]
) -> None:
    assert _letter(head, rows, _BODY).title == "Verslag regiodag Veluwe"
