"""Where a meeting was held: read from a label, the title, or the opening prose."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract
from pipeline.extract.context import Context
from pipeline.extract.location import find_location
from pipeline.extract.metadata import extract_metadata
from pipeline.ingest.txt import read_txt
from pipeline.model import DocumentBuilder
from pipeline.recognizers.dates import find_dates

TITLE = "Verslag van de bijeenkomst\n\n"


def context(text: str) -> Context:
    return Context(read_txt(text.encode("utf-8")), on=date(2023, 1, 1))


def location_in(text: str) -> str | None:
    ctx = context(TITLE + text)
    found = find_location(ctx, ctx.document.blocks)
    return found.place if found else None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Op donderdag 3 oktober 2019 kwamen veertig raadsleden bijeen in het stadhuis van Zwolle "
            "voor de regiobijeenkomst Oost.",
            "Zwolle",
        ),
        # A venue with a name of its own, then its place.
        ("Zestig raadsleden ontmoetten elkaar in buurthuis De Linde in Ommen voor de avond.", "Ommen"),
        ("De raad kwam bijeen in dorpshuis 't Anker in Nieuwolda, een dorp in de gemeente.", "Nieuwolda"),
        # A village counts when a venue names it.
        ("Op zaterdag kwamen zestig jongeren samen met raadsleden op een landgoed in Doorn.", "Doorn"),
        (
            "Op 17 juni 2021 organiseerde het ministerie van BZK in Utrecht een expertmeeting over loting.",
            "Utrecht",
        ),
        (
            "De bijeenkomst vond plaats bij de VNG in Den Haag, met een deel van de deelnemers online.",
            "Den Haag",
        ),
        (
            "Zo'n zestig ambtenaren en griffiers kwamen naar het provinciehuis in Den Bosch voor de dag.",
            "Den Bosch",
        ),
        (
            "Gastheer was de gemeente Roermond, die de raadzaal beschikbaar stelde voor de kennissessie.",
            "Roermond",
        ),
        (
            "Over die vraag ging de middag die Democratie in Actie op 21 maart 2024 in het stadhuis van "
            "Rotterdam organiseerde.",
            "Rotterdam",
        ),
        (
            "De werkconferentie werd gehouden te Bergen op Zoom met zestig deelnemers uit de regio.",
            "Bergen op Zoom",
        ),
        ("Vorige week vond de regiodag plaats in Amsterdam en Rotterdam volgt in het voorjaar.", "Amsterdam"),
        # A venue "of" a municipality that stands in one of its villages: the village is the place.
        (
            "De bijeenkomst vond plaats in het gemeentehuis van Westerveld in Diever en duurde een middag.",
            "Diever",
        ),
        (
            "Twintig griffiers kwamen bijeen in het raadhuis van Boxtel te Boxtel voor het netwerk.",
            "Boxtel",
        ),
        (
            "Dertig raadsleden kwamen bijeen in het gemeentehuis van Bernheze in Heesch, op uitnodiging.",
            "Heesch",
        ),
        # A compound venue noun and a venue with a name of its own before a village.
        (
            "Op 4 april kwamen dertig jongeren naar groepsaccommodatie Het Woldhuis in Wapse voor een dag.",
            "Wapse",
        ),
        (
            "Op 2 juni schoven veertig raadsleden aan in het Stadskasteel Doornenburg in Lingewaard.",
            "Lingewaard",
        ),
        # Without a place after the owner the owner stays the place.
        (
            "Veertig raadsleden kwamen bijeen in het gemeentehuis van Westerveld voor de eerste regiotafel.",
            "Westerveld",
        ),
        # A named venue whose noun is a factory or cultural centre, then its place (a village too).
        (
            "Op 3 mei werkten veertig raadsleden in de Suikerfabriek Halfweg in Haarlemmermeer aan plannen.",
            "Haarlemmermeer",
        ),
        (
            "Dertig raadsleden ontmoetten elkaar in Cultureel Centrum De Kolk in Assen voor een avond.",
            "Assen",
        ),
        # A study trip's destination, also abroad (no municipality).
        ("Studiereis van Brabantse raadsleden naar Antwerpen, 3 en 4 oktober 2019", "Antwerpen"),
        (
            "Op maandag maakten twintig raadsleden een werkbezoek en reisden daarna naar Brussel.",
            "Brussel",
        ),
    ],
)
def test_place_from_the_opening_prose(text: str, place: str) -> None:
    assert location_in(text) == place


@pytest.mark.parametrize(
    "text",
    [
        # Online meetings have no place.
        "Op dinsdag 15 februari 2022 organiseerde de VNG een online webinarochtend voor nieuwe raadsleden.",
        "Op 9 maart 2021 startten vier trajecten met een startbijeenkomst via Teams voor alle gemeenten.",
        "Op dinsdag organiseerde de VNG een online bijeenkomst in Utrecht voor alle griffiers.",
        # "in Actie" is part of a name, Twente is a region: "in X" with an event verb needs a municipality.
        "Op 28 november 2019 organiseerde Democratie in Actie een regiodag voor de Zeeuwse gemeenten.",
        "In Twente hebben verschillende gemeenten al jaren ervaring met wijkbudgetten en initiatieven.",
        # No venue cue and no event verb.
        "Ruim honderd raadsleden uit Utrecht en Amersfoort spraken over vertrouwen in de lokale politiek.",
        # A session's body names places as examples, not as the venue.
        "Sessie 1: Raadscafés\nGemeenten: Ede\n\nIn Scheveningen organiseert een fractie al een jaar "
        "lang een maandelijks raadscafé aan de boulevard.",
        # A quotation is not the report speaking.
        "“We kwamen bijeen in het stadhuis van Ede en dat was een goede middag”, zei de wethouder.",
        # A meeting still to come.
        "De volgende bijeenkomst staat gepland voor 3 mei in het gemeentehuis in Vries, met lunch.",
        # Travelling home, or to something not a place.
        "Na afloop reisden de twintig raadsleden weer samen met de bus naar huis in de regio.",
        "De studiereis van vorig jaar leidde naar een nieuw plan voor de raden in de regio.",
    ],
)
def test_no_place_from_prose(text: str) -> None:
    assert location_in(text) is None


def test_a_subtitle_of_dates_and_separators_is_no_opening_paragraph() -> None:
    # Eight tokens, but three words: the intro's three paragraphs are the prose after it.
    intro = "Eindverslag · versie 2.0 · 3 maart 2022\n\n" + "\n\n".join(
        f"Dit is alinea {n} van de inleiding over lokale democratie in het land." for n in range(2)
    )
    assert (
        location_in(intro + "\n\nDe avond vond plaats in het Stadskantoor van Zwolle met veertig gasten.")
        == "Zwolle"
    )


def test_the_heading_of_the_introduction_opens_the_intro() -> None:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Eindverslag raadsledenconferentie", level=1)
    builder.add("heading", "1 Inleiding", level=2)
    builder.add(
        "paragraph",
        "De conferentie vond plaats op 3 mei in Cultureel Centrum De Kolk in Assen met zestig gasten.",
    )
    document = builder.build()
    found = find_location(Context(document, on=date(2023, 1, 1)), document.blocks)
    assert found is not None and found.place == "Assen"


def test_only_the_opening_paragraphs_count() -> None:
    intro = "\n\n".join(
        f"Dit is alinea {n} van de inleiding over lokale democratie in het land." for n in range(3)
    )
    assert location_in(intro + "\n\nDe volgende keer organiseren we het stadhuis van Zwolle weer.") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A label beats the prose, and names the municipality in a venue line.
        (
            "Locatie: Stadhuis, Utrecht\n\nDe volgende bijeenkomst vond plaats in het stadhuis van Ede.",
            "Utrecht",
        ),
        # The title beats the prose.
        (
            "Opstartsessie in Utrecht\n\nDe groep kwam bijeen in het stadhuis van Ede voor de middag.",
            "Utrecht",
        ),
        ("Startbijeenkomst\n\nDe groep kwam bijeen in het stadhuis van Ede voor een middag.", "Ede"),
        # A label's value ends with its sentence; another label may follow on the line.
        ("Locatie: Het Klooster te Amersfoort. Tijd: 19.00 uur\n\nDe raden spraken.", "Amersfoort"),
        # The meeting's own line: its date, the venue and the place.
        (
            "bijeenkomst d.d. 12 mei 2023, Gouvernement, Maastricht\n\nDe raden spraken over geld.",
            "Maastricht",
        ),
    ],
)
def test_label_then_title_then_prose(text: str, place: str) -> None:
    ctx = context(text)
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


@pytest.mark.parametrize(
    ("label", "place"),
    [
        ("Vergaderplaats: gemeentehuis Oisterwijk, Dorpsstraat 2", "Oisterwijk"),
        ("Vergaderlocatie: stadskantoor Tiel", "Tiel"),
        ("Plaats van samenkomst: raadzaal, Buren", "Buren"),
        ("Waar: bibliotheek in Culemborg", "Culemborg"),
        # A venue named after its municipality, capitalised, then its street.
        ("Plaats: Raadhuis Sliedrecht, Raadhuisplein 1", "Sliedrecht"),
        ("Locatie: Stadhuis Kampen, Oudestraat 133", "Kampen"),
        ("Locatie: Gemeentehuis Tiel", "Tiel"),
        # A venue named after its municipality, then the village it stands in.
        ("Waar: raadhuis Wormerland, Wormer", "Wormer"),
        ("Locatie: Gemeentehuis Súdwest-Fryslân, Sneek", "Sneek"),
        ("Plaats: Provinciehuis Drenthe, Assen", "Assen"),
    ],
)
def test_venue_labels_name_the_municipality(label: str, place: str) -> None:
    ctx = context(f"Verslag\n\n{label}\n\nDe raden spraken over geld.")
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


@pytest.mark.parametrize(
    ("label", "place"),
    [
        # A village followed by the municipality it lies in: the village as written.
        ("Locatie: Dorpshuis De Brink, Loo (gem. Duiven)", "Loo"),
        ("Plaats: MFC De Spil, Den Ham (gemeente Twenterand)", "Den Ham"),
        ("Waar: ’s-Heerenberg (Gem. Montferland), zaal boven", "’s-Heerenberg"),
        ("Locatie: Sint Annaparochie (gemeente Waadhoeke)", "Sint Annaparochie"),
        # A venue before the bracket stands in that municipality; a bracket that names no
        # municipality is a remark, and the municipality before it is the place.
        ("Locatie: Raadzaal (gem. Assen)", "Assen"),
        ("Locatie: Zwolle (zaal 3, ingang Grote Kerkplein)", "Zwolle"),
        ("Locatie: gemeentehuis Duiven (gem. Duiven volgt)", "Duiven"),
    ],
)
def test_a_village_with_its_municipality_in_brackets(label: str, place: str) -> None:
    ctx = context(f"Verslag\n\n{label}\n\nDe raden spraken over geld.")
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


def test_the_municipality_of_a_village_is_a_mention() -> None:
    found = extract(read_txt(b"Verslag\n\nLocatie: Dorpshuis, Oosterend (gem. Texel)\n"))
    assert found["location"] == "Oosterend"
    assert [m["name"] for m in found["municipalities"]] == ["Texel"]


@pytest.mark.parametrize(
    ("heading", "place"),
    [
        # A newsletter's item under a heading that names a report: its opening paragraph counts.
        ("Terugblik: de regioavond", "Harderwijk"),
        # Another section heading ends the intro.
        ("Agenda", None),
    ],
)
def test_a_heading_naming_a_report_continues_the_intro(heading: str, place: str | None) -> None:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Nieuwsbrief Raad en Regio", level=1)
    builder.add("paragraph", "In dit nummer: nieuws uit de regio en de agenda.")
    builder.add("heading", heading, level=2)
    builder.add(
        "paragraph", "Op 3 mei kwamen de raadsleden bijeen in het stadhuis van Harderwijk voor de avond."
    )
    ctx = Context(builder.build(), on=date(2023, 1, 1))
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


@pytest.mark.parametrize(
    "line", ["Waar we aan werken (verwacht in mei):", "Plaatsen in de raad werden verdeeld."]
)
def test_a_place_word_without_a_colon_is_no_label(line: str) -> None:
    ctx = context(f"Verslag\n\n{line}\n- Een cursus\n\nDe raden spraken over geld.")
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location is None


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        # A title slide's bullet or an invitation's line: a venue, a comma, the place as written.
        ("- vrijdag 3 maart 2023\n- Stadskasteel Oudaen, Utrecht\n- 40 raadsleden", "Utrecht"),
        ("- Gemeentehuis Dinkelland, Denekamp", "Denekamp"),
        ("Dorpshuis De Ploeg, Zuidbroek", "Zuidbroek"),
        # An event line (a title card, a cover): the date, a middle dot, the venue and the place.
        ("donderdag 9 maart 2023 · gemeentehuis Berkelland, Borculo", "Borculo"),
        ("12 mei 2022 · Stadhuis Kampen, Kampen", "Kampen"),
        ("vrijdag 3 juni · Dorpshuis Het Anker, Nieuwlande", "Nieuwlande"),
        # Not a venue first, a long line, or no capitalised place after the comma.
        ("- Koffie en thee, Utrecht", None),
        ("- Raadzaal open vanaf half acht, daarna koffie", None),
        ("12 mei 2022 · Koffie en thee, Kampen", None),
        ("versie 2 · raadzaal open vanaf half acht, daarna koffie", None),
        ("Raadsledendag · Utrecht, Stadskasteel Oudaen", None),
        ("In het stadhuis was het druk want er kwamen veel mensen uit de regio, Utrecht", None),
    ],
)
def test_a_venue_line_at_the_top_names_the_place(lines: str, place: str | None) -> None:
    ctx = context(f"Raadsledenavond regio\n\n{lines}\n\nDe raden spraken over geld.")
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # A recording's header: its date, its hours, then the venue and the place.
        ("Opname: dinsdag 07-03-2023, 19:30–21:45 uur, raadzaal stadskantoor Goes", "Goes"),
        ("Opname: 14 juni 2022, 20.00 uur, stadhuis Zwolle", "Zwolle"),
        ("Opgenomen: donderdag 3 november 2022, 19:00 uur, raadszaal gemeentehuis Epe", "Epe"),
        # No place after the hours, or a word that is no place.
        ("Opname: dinsdag 07-03-2023, 19:30–21:45 uur", None),
        ("Opname: 14 juni 2022, 20.00 uur, via Teams", None),
        ("Opname: 14 juni 2022, 20.00 uur, in de raadzaal", None),
    ],
)
def test_the_place_at_the_end_of_a_recordings_header(line: str, place: str | None) -> None:
    ctx = context(f"Transcriptie van de livestream\n\n{line}\n\n[19:31] JOOST BOS (voorzitter): Welkom.")
    assert extract_metadata(ctx, find_dates(ctx.document.text)).location == place


_THEATRE = "Op donderdag 3 oktober 2024 vond in het Chassé Theater in Breda de atelieravond plaats."


def location_in_parts(parts: list[tuple[str, str]]) -> str | None:
    """The place in a document of (kind, text) blocks, headings at level 2 under a title."""
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Raadsvoorstel regionale ateliers", level=1)
    for kind, text in parts:
        builder.add(kind, text, level=2 if kind == "heading" else None)  # type: ignore[arg-type]
    ctx = Context(builder.build(), on=date(2024, 11, 1))
    found = find_location(ctx, ctx.document.blocks)
    return found.place if found else None


@pytest.mark.parametrize(
    "first",
    [
        # A raadsvoorstel: the proposed decision first, the meeting told under "Inleiding".
        [("heading", "Voorgesteld besluit"), ("list_item", "In te stemmen met deelname aan de ateliers.")],
        [("heading", "Beslispunten"), ("list_item", "De raad stemt in met het vervolg.")],
        [
            ("heading", "Samenvatting"),
            ("paragraph", "De raad besluit over deelname aan de regionale ateliers."),
        ],
    ],
)
def test_the_place_under_an_introduction_after_other_parts(first: list[tuple[str, str]]) -> None:
    assert location_in_parts([*first, ("heading", "Inleiding"), ("paragraph", _THEATRE)]) == "Breda"


@pytest.mark.parametrize(
    "parts",
    [
        # An introduction after the first session is no opening part.
        [("heading", "Sessie 1: Wonen"), ("heading", "Inleiding"), ("paragraph", _THEATRE)],
        # Without an introduction heading, prose under a later part is no opening.
        [("heading", "Voorgesteld besluit"), ("heading", "Argumenten"), ("paragraph", _THEATRE)],
        [("heading", "Voorgesteld besluit"), ("heading", "Vervolg"), ("paragraph", _THEATRE)],
    ],
)
def test_no_place_from_an_introduction_after_a_session_or_from_other_parts(
    parts: list[tuple[str, str]],
) -> None:
    assert location_in_parts(parts) is None


def _docx_location(blocks: list[tuple[str, str, int | None]]) -> str | None:
    builder = DocumentBuilder("docx")
    for kind, text, level in blocks:
        builder.add(kind, text, level=level)  # type: ignore[arg-type]
    document = builder.build()
    found = find_location(Context(document, on=date(2023, 1, 1)), document.blocks)
    return found.place if found else None


@pytest.mark.parametrize(
    "headings",
    [
        [("Key facts", 2)],
        [("Van de voorzitter", 2)],
        [("Nummer 1 – 2020", 4), ("Van de voorzitter", 2)],
        [("In het kort", 3), ("Terugblik", 2)],
    ],
)
def test_a_heading_above_the_first_prose_opens_the_intro(headings: list[tuple[str, int]]) -> None:
    blocks: list[tuple[str, str, int | None]] = [
        ("heading", "Evaluatie regionale raadsledendag", 1),
        (
            "paragraph",
            "Projectteam Regio Noord · versie 0.9 · intern, niet voor publicatie · 9 november 2021",
            None,
        ),
        *[("heading", text, level) for text, level in headings],
        (
            "paragraph",
            "Op zaterdag 2 oktober kwamen veertig raadsleden bijeen in het gemeentehuis van Schagen.",
            None,
        ),
    ]
    assert _docx_location(blocks) == "Schagen"


def test_a_heading_after_the_first_prose_still_ends_the_intro() -> None:
    blocks = [
        ("heading", "Evaluatie regionale raadsledendag", 1),
        ("paragraph", "Dit verslag beschrijft in het kort hoe de dag voor de raadsleden is verlopen.", None),
        ("heading", "Volgend jaar", 2),
        (
            "paragraph",
            "Dan kwamen de raadsleden bijeen in het gemeentehuis van Schagen, zo is het plan.",
            None,
        ),
    ]
    assert _docx_location(blocks) is None


@pytest.mark.parametrize(
    ("byline", "is_byline"),
    [
        (
            "Projectteam Regio Kop · versie 0.9 · intern, niet voor publicatie · 9 november 2021",
            True,
        ),
        (
            "Opgesteld door het secretariaat van de Rekenkamercommissie · vastgesteld op 28 januari 2020",
            True,
        ),
        ("Redactie Binnenkant | vrijdag 14 februari 2020 | leestijd 4 minuten | 212 keer gelezen", True),
        ("Het was een goede dag · zeker voor de raadsleden. Volgend jaar komen we terug in Zwolle.", False),
        ("Veertig raadsleden uit de regio kwamen op zaterdag bijeen in het stadhuis van Zwolle.", False),
    ],
)
def test_a_byline_of_parts_is_no_opening_paragraph(byline: str, is_byline: bool) -> None:
    from pipeline.extract.location import _is_byline

    assert _is_byline(byline) is is_byline


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Daarom organiseerden de rekenkamers op 21 januari een avond in het Stadsarchief Vlaardingen.",
            "Vlaardingen",
        ),
        (
            "De raadsleden kwamen op dinsdag 4 juni bijeen in Raadhuis Sliedrecht voor hun overleg.",
            "Sliedrecht",
        ),
        (
            "Zestig jongeren kwamen zaterdag naar poppodium Metropool in Hengelo voor de jongerentop.",
            "Hengelo",
        ),
        ("De raadsavond werd gehouden in het Kulturhus in Wijhe, midden in het dorp aan de IJssel.", "Wijhe"),
        # The venue with "in" before its place beats the venue named after a place.
        ("De avond in Theater Zwolle vond plaats in het stadhuis van Kampen met veertig gasten.", "Kampen"),
    ],
)
def test_a_venue_named_after_its_place(text: str, place: str) -> None:
    assert location_in(text) == place


@pytest.mark.parametrize(
    "text",
    [
        # A venue's own name that is no municipality.
        "Op vrijdag kwamen de raadsleden bijeen in Theater De Lawei voor de regionale avond.",
        "De avond werd gehouden in het Kulturhus De Spil voor alle raadsleden uit de regio.",
        # A venue noun inside a word that names no building, then a name.
        "Op maandag bespraken de raadsleden het archief van de gemeente met Jan de Vries uit Ede.",
        # A venue named after its place that is someone's workplace, not where the meeting was.
        "Paul van 't Hek is conservator van het Gemeentemuseum Den Haag en sprak de raadsleden toe.",
        "De raadsleden kregen een rondleiding van de directeur van Theater Zwolle, die zelf raadslid was.",
    ],
)
def test_no_place_from_a_venue_named_otherwise(text: str) -> None:
    assert location_in(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Daarover praatten ruim vijftig raadsleden op maandagavond in De Zuidhoek in Helvoirt.", "Helvoirt"),
        (
            "Veertig raadsleden uit de regio zaten een middag bij elkaar in Het Klooster te Amersfoort.",
            "Amersfoort",
        ),
        ("De avond met dertig griffiers en raadsleden uit het Gooi was in 't Spant in Bussum.", "Bussum"),
        (
            "Twintig raadsleden spraken een avond lang in De Boerderij Oud Loosdrecht in Loosdrecht.",
            "Loosdrecht",
        ),
    ],
)
def test_the_place_after_a_venue_named_without_a_venue_noun(text: str, place: str) -> None:
    assert location_in(text) == place


@pytest.mark.parametrize(
    "text",
    [
        # A municipality that opens with an article is no venue's name.
        "Raadsleden uit De Bilt spraken in De Bilt in alle rust over de begroting van volgend jaar.",
        # A venue without the place after it.
        "Daarover praatten ruim vijftig raadsleden op maandagavond in De Zuidhoek, met koffie.",
        # The article in lower case opens no name.
        "Raadsleden uit de regio zaten lang in de knoop in Den Haag over de regels voor zorg.",
    ],
)
def test_no_place_after_what_is_no_named_venue(text: str) -> None:
    assert location_in(text) is None
