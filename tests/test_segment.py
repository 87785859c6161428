"""Segmentation: which blocks open a session, and which numbered lists do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.txt import read_txt
from pipeline.model import Block, DocumentBuilder
from pipeline.segment import (
    Label,
    _plain_text,
    _slide_lines,
    find_label,
    numbered_title,
    patterns,
    plain,
    segment,
    table_title,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
RAW = ROOT / "raw"


def sessions_of(text: str) -> list[tuple[int | None, str]]:
    document = read_txt(text.encode("utf-8"))
    return [(s.number, s.title or "") for s in segment(document).sessions]


SAMPLE_LIKE = """Verslag

1. Sessie Spelregels
Aanwezige gemeenten: Gouda, Emmen
Begeleiding: Jan Jansen (VNG)
Vragen waren:
1. Doel (wat wil je?)
2. Proces (hoe?)
Democratie in Actie biedt in dit traject:
1. Een ervaren adviseur.
2. Democratisch begroten: van potje tot begroting
Aanwezige gemeenten: Houten
Begeleiding: Piet Pietersen (VNG)
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SAMPLE_LIKE, [(1, "Spelregels"), (2, "Democratisch begroten: van potje tot begroting")]),
        (
            "Sessie 1: Burgerbegroting\nGemeenten: Ede\n\nSessie 2: Wijkraden\n",
            [(1, "Burgerbegroting"), (2, "Wijkraden")],
        ),
        (
            "Workshop A – Loting\nAanwezig: Ede\nWorkshop B – Jongeren\nAanwezig: Epe\n",
            [(1, "Loting"), (2, "Jongeren")],
        ),
        ("Tafel 3: Inclusie\nDeelnemende gemeenten: Oss\n", [(3, "Inclusie")]),
        ("Ronde 2 - Raadsakkoord\nBegeleid door Jan Jansen\n", [(2, "Raadsakkoord")]),
        # A numbered heading without a keyword is a session only when its body shows it.
        (
            "1. Wijkgericht werken\nAanwezige gemeenten: Zwolle\n"
            "2. Digitale participatie\nAanwezig: Kampen\n",
            [(1, "Wijkgericht werken"), (2, "Digitale participatie")],
        ),
        ("Vragen:\n1. Wat is het doel?\n2. Wie doet mee\n3. Hoe verder\n", []),
        # A keyword line without a number is a session when its body shows it; number None.
        (
            "Werksessie: loting en representativiteit\nDeelnemende gemeenten: Ede\n",
            [(None, "loting en representativiteit")],
        ),
        ("Workshop: Jongeren en de raad\nBegeleiding: Jan Jansen (VNG)\n", [(None, "Jongeren en de raad")]),
        ("Werksessie: hoe nu verder\nDe werksessie duurde lang.\n", []),
        # Roman numerals number the sessions; the separator after the number goes.
        (
            "Themasessie I – Wonen\nAan tafel: Ede\n\nThemasessie II – Zorg\nAan tafel: Epe\n\n"
            "Themasessie IV: Energie\nAan tafel: Oss\n",
            [(1, "Wonen"), (2, "Zorg"), (4, "Energie")],
        ),
        ("Workshop IX: Loting\nAanwezig: Ede\n", [(9, "Loting")]),
        ("Gespreksronde 2 — Wie stemt er niet?\nWie schoven aan? Epe\n", [(2, "Wie stemt er niet?")]),
        ("Spoor 3 · Jongeren houden\nRaadsleden uit: Lochem\n", [(3, "Jongeren houden")]),
        ("Break-out 1 | De dorpsraad\nGemeenten die meededen: Urk\n", [(1, "De dorpsraad")]),
        ("Deel 2 – Doorwerking\nVertegenwoordigd: Venlo\n", [(2, "Doorwerking")]),
        ("Blok B: Het omgevingsplan\nGemeenten in dit blok: Soest\n", [(2, "Het omgevingsplan")]),
        ("Atelier C / Raadsinformatie\nAtelierleider: Jan Smit\n", [(3, "Raadsinformatie")]),
        # Numbers written as words, before the title's separator.
        (
            "Deel één – Samen onderzoeken\nVertegenwoordigd: Venlo\n\nDeel twee – Doorwerking\n"
            "Vertegenwoordigd: Stein\n",
            [(1, "Samen onderzoeken"), (2, "Doorwerking")],
        ),
        ("Ronde drie: Jongeren en de raad\nAanwezig: Ede\n", [(3, "Jongeren en de raad")]),
        # "een" opening a title is an article, not a number.
        ("Workshop een goed gesprek voeren\nBegeleiding: Jan Smit\n", [(None, "een goed gesprek voeren")]),
        # Those words without a number are ordinary words, not a session.
        ("Deel uw ervaring met de raad\nAanwezig: Ede\n", []),
        ("Blokken van een uur\nAanwezig: Ede\n", []),
        # A series of sessions none of which is numbered is numbered by position; one alone is not.
        (
            "Workshop: Loting\nAanwezig: Ede\n\nWorkshop: Jongeren\nAanwezig: Epe\n",
            [(1, "Loting"), (2, "Jongeren")],
        ),
        ("Workshop: Loting\nAanwezig: Ede\n", [(None, "Loting")]),
        ("Parallelsessie B – Landbouw\nGemeenten: Ede\n", [(2, "Landbouw")]),
        ("Gemeenten aan tafel: Ede, Epe\n", []),
        ("Workshop over participatie was nuttig.\nAanwezig: Ede\n", []),
        # The keyword and number are not part of the title.
        ("Webinar 1: Wat doet een raadslid?\nGemeenten: Weesp\n", [(1, "Wat doet een raadslid?")]),
        ("Webinar 2 – Integriteit\nGemeenten: Ede\n", [(2, "Integriteit")]),
        ("Webinarochtend voor raadsleden\nGemeenten: Ede\n", []),
        ("Tijdens de sessie spraken we over geld.\nDe sessie duurde lang.\n", []),
    ],
)
def test_sessions_found(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Trekker: Mila Groen (Raadswerk)", "Mila Groen (Raadswerk)"),
        ("Kartrekkers: Bas Ooms en Eva Lind", "Bas Ooms en Eva Lind"),
        ("Gids: Tom Veltman, stadsgids", "Tom Veltman, stadsgids"),
        ("Docenten: prof. Ruud Akkerman", "prof. Ruud Akkerman"),
        ("Gastheer: Ivo Brink", "Ivo Brink"),
        ("Gastvrouw en gastheer: Ans Bol en Kees Mol", "Ans Bol en Kees Mol"),
        ("Coach: Noor Aydin (ProDemos)", "Noor Aydin (ProDemos)"),
        ("Inleider: Kees Mol", "Kees Mol"),
        ("Presentatrice: Ans Bol (Omroep Gelderland)", "Ans Bol (Omroep Gelderland)"),
    ],
)
def test_facilitator_labels_that_prove_no_session(line: str, value: str) -> None:
    label = find_label(read_txt(line.encode("utf-8")).blocks[0])
    assert label is not None and (label.kind, label.value, label.proves) == ("facilitators", value, False)


@pytest.mark.parametrize(
    "line",
    ["Gastheer was de gemeente Venlo.", "Gidsen van het museum leidden ons rond.", "Trekkers van de kar"],
)
def test_words_of_weak_facilitator_labels_in_sentences_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An agenda item of the minutes with someone to carry it is no session.
        ("2. Begroting 2025\nTrekker: Joris Palm\nDe begroting wordt besproken.\n", []),
        ("Excursie langs de wijkraden\nGids: Tom Veltman\n", []),
        # Inside a session the label names its facilitator.
        ("Sessie 2: Wijkbudget\nGids: Tom Veltman (ProDemos)\n", [(2, "Wijkbudget")]),
    ],
)
def test_weak_facilitator_labels_do_not_make_sessions(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(text) == expected


MINUTES = """Notulen werkgroep

1. Opening
De voorzitter opent.

2. Twee groepen
De werkgroep splitst zich.

2a. Raadsinformatie op orde
In deze groep: Tiel, Culemborg
Kartrekker: Sara Pool (Raadswerk)
Tiel vertelde over het archief.

2b. De begroting leesbaar
In deze groep zaten: Buren, Maasdriel
Culemborg legt uit hoe het werkt.

3. Rondvraag
Buren vraagt naar de planning van Zaltbommel.

4. Sluiting
"""


def test_lettered_sub_items_of_the_minutes_are_sessions() -> None:
    document = read_txt(MINUTES.encode("utf-8"))
    sessions = segment(document).sessions
    assert [(s.number, s.title) for s in sessions] == [
        (1, "Raadsinformatie op orde"),
        (2, "De begroting leesbaar"),
    ]
    # The session ends at the next agenda item, whatever its wording.
    assert all("Rondvraag" not in b.text and "Zaltbommel" not in b.text for b in sessions[-1].blocks)


def test_sub_items_numbered_with_a_dot_are_sessions_too() -> None:
    text = MINUTES.replace("2a. ", "2.1 ").replace("2b. ", "2.2. ")
    sessions = segment(read_txt(text.encode("utf-8"))).sessions
    assert [(s.number, s.title) for s in sessions] == [
        (1, "Raadsinformatie op orde"),
        (2, "De begroting leesbaar"),
    ]
    assert all("Rondvraag" not in b.text for b in sessions[-1].blocks)


@pytest.mark.parametrize(
    "text",
    [
        # Sub-items without attendance are parts of an agenda item, not sessions.
        "3. Begroting\n3a. Toelichting\nDe wethouder licht toe.\n3b. Vragen\nTrekker: Jan Pool\n",
        # Agenda items with someone to carry them are no sessions either.
        "1. Opening\nTrekker: Jan Pool\n2. Mededelingen\nTrekker: Els Dam\n",
        # A decimal number opening a sentence is no sub-item.
        "2.5 miljoen euro ging naar de wijken\nTrekker: Jan Pool\n",
    ],
)
def test_agenda_items_are_no_sessions(text: str) -> None:
    assert sessions_of(text) == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("In deze groep: Tiel, Buren", "Tiel, Buren"),
        ("In dit atelier zaten: Epe", "Epe"),
        ("In deze kamer: Ede", "Ede"),
    ],
)
def test_who_was_in_the_group(line: str, value: str) -> None:
    label = find_label(read_txt(line.encode("utf-8")).blocks[0])
    assert label is not None and (label.kind, label.value) == ("municipalities", value)


@pytest.mark.parametrize("line", ["In deze groep werd veel gelachen.", "In dit atelier spraken we over geld"])
def test_sentences_about_the_group_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


def test_numbered_offerings_stay_in_their_session() -> None:
    document = read_txt(SAMPLE_LIKE.encode("utf-8"))
    first = segment(document).sessions[0]
    assert "Een ervaren adviseur." in [b.text for b in first.blocks]


def test_closing_section_ends_the_last_session() -> None:
    text = SAMPLE_LIKE + "Neem contact op via a@vng.nl.\n\nDemocratie in Actie\n\nHet programma loopt door.\n"
    document = read_txt(text.encode("utf-8"))
    last = segment(document).sessions[-1]
    assert all("programma loopt" not in b.text for b in last.blocks)


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Aanwezige gemeenten: Gouda, Emmen", "municipalities", "Gouda, Emmen"),
        ("Deelnemende gemeenten: Ede", "municipalities", "Ede"),
        ("Aanwezig: Oss", "municipalities", "Oss"),
        ("Begeleiding: Jan Jansen (VNG)", "facilitators", "Jan Jansen (VNG)"),
        ("Begeleid door Jan Jansen", "facilitators", "Jan Jansen"),
        ("Procesbegeleiding: Piet", "facilitators", "Piet"),
        ("Facilitators: A en B", "facilitators", "A en B"),
        ("Contactpersoon: Jan, jan@vng.nl", "contacts", "Jan, jan@vng.nl"),
        ("Meer weten? Mail naar a@b.nl", "contacts", "Mail naar a@b.nl"),
        ("Democratie in Actie biedt in dit traject:", "offerings", ""),
        ("Wat biedt het programma?", "offerings", ""),
        ("Aanbod: advies; training", "offerings", "advies; training"),
        ("Gemeenten aan tafel: Ede, Epe", "municipalities", "Ede, Epe"),
        ("Deelnemende griffies: Lisse, Hillegom", "municipalities", "Lisse, Hillegom"),
        ("Wat biedt de vereniging?", "offerings", ""),
        # Attendance, facilitation and offerings phrased in other ways.
        ("Aan tafel: gem. Epe, Heerde", "municipalities", "gem. Epe, Heerde"),
        ("Wie schoven aan? Ede, Wageningen", "municipalities", "Ede, Wageningen"),
        ("Wie zaten er aan tafel? Venray", "municipalities", "Venray"),
        ("Raadsleden uit: Goes, Veere", "municipalities", "Goes, Veere"),
        ("Gemeenten die meededen: Urk, Dronten", "municipalities", "Urk, Dronten"),
        ("Gemeenten in deze sessie: Baarn", "municipalities", "Baarn"),
        ("Tafelgasten: Assen, Emmen", "municipalities", "Assen, Emmen"),
        ("Vertegenwoordigd: Venlo, Horst aan de Maas", "municipalities", "Venlo, Horst aan de Maas"),
        ("Begeleiding door: Karin Smit (VNG)", "facilitators", "Karin Smit (VNG)"),
        ("Atelierleider: Joost Wever", "facilitators", "Joost Wever"),
        ("Tafelleiding: Ria Bos (ProDemos)", "facilitators", "Ria Bos (ProDemos)"),
        ("Wat de VNG aanbiedt:", "offerings", ""),
        ("Wat ProDemos aanbiedt:", "offerings", ""),
        ("Het netwerk biedt:", "offerings", ""),
        ("De provincie biedt de deelnemende gemeenten:", "offerings", ""),
        ("In deze ronde biedt de Kiesraad:", "offerings", ""),
        ("Wat het expertisecentrum kan doen:", "offerings", ""),
        ("Wat wij kunnen betekenen:", "offerings", ""),
        # Other words for who took part, who led and whom to ask.
        ("Deelnemende raden: Tiel, Buren", "municipalities", "Tiel, Buren"),
        ("Aangeschoven: Oss", "municipalities", "Oss"),
        ("Mee op pad: Ede, Epe", "municipalities", "Ede, Epe"),
        ("Van de partij: raadsleden uit Urk", "municipalities", "raadsleden uit Urk"),
        ("Uit de raden van: Goes, Veere", "municipalities", "Goes, Veere"),
        ("Workshopleider: Ria Bos", "facilitators", "Ria Bos"),
        ("Gespreksleidster: Ria Bos (VNG)", "facilitators", "Ria Bos (VNG)"),
        ("Dagvoorzitster: Ria Bos", "facilitators", "Ria Bos"),
        ("Na te vragen bij: Ria Bos, r.bos@vng.nl", "contacts", "Ria Bos, r.bos@vng.nl"),
        ("Contactgegevens: r.bos@vng.nl", "contacts", "r.bos@vng.nl"),
        ("Bereikbaar via: 030 123 45 67", "contacts", "030 123 45 67"),
    ],
)
def test_labels(line: str, kind: str, value: str) -> None:
    block = read_txt(line.encode("utf-8")).blocks[0]
    label = find_label(block)
    assert label is not None and (label.kind, label.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "Gemeenten bereiden zich voor op versterking lokale democratie",
        "Aanwezigheid was hoog",
        "Neem voor meer informatie contact op met Jan",
        "Begeleiders kregen een bedankje.",
        "Contacten tussen gemeenten zijn belangrijk.",
        "De provincie biedt subsidie aan kleine gemeenten.",
        "Het netwerk biedt veel: kennis, tijd en contacten",
        "Aan tafel werd stevig gediscussieerd.",
        "Raadsleden uit Ede vonden het een goed idee.",
        "Wat de gemeente kan doen, is luisteren.",
        "Van de partij kwam geen reactie.",
        "Bereikbaarheid van het stadhuis is goed",
        "Mee op pad gingen twintig raadsleden.",
    ],
)
def test_not_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


@pytest.mark.parametrize(
    "closing",
    [
        "Hoe verder?",
        "Tot slot",
        "Vervolg",
        "Het vervolg",
        "Volgende bijeenkomst",
        "Hoe nu verder?",
        "Tot slot:",
    ],
)
def test_a_closing_line_ends_the_last_session_without_closing_parts(closing: str) -> None:
    text = f"Sessie 1: Wijkraden\nGemeenten: Ede\nWe spraken over geld.\n\n{closing}\n\nMail naar a@vng.nl.\n"
    session = segment(read_txt(text.encode("utf-8"))).sessions[-1]
    assert [b.text for b in session.blocks] == ["Gemeenten: Ede", "We spraken over geld."]


@pytest.mark.parametrize(
    "line",
    [
        "Hoe verder gaan we met de wijkraden?",
        "Tot slot vroeg de wethouder het woord.",
        "Vervolgens sprak Ede.",
    ],
)
def test_a_sentence_with_a_closing_word_does_not_end_the_session(line: str) -> None:
    text = f"Sessie 1: Wijkraden\nGemeenten: Ede\n\n{line}\n"
    session = segment(read_txt(text.encode("utf-8"))).sessions[-1]
    assert session.blocks[-1].text == line


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1. Participatie bij de Omgevingswet", (1, "Participatie bij de Omgevingswet")),
        ("Sessie 2: Digitale raadsinformatie", (2, "Digitale raadsinformatie")),
        ("Workshop B – Jongeren", (2, "Jongeren")),
        ("Jongerenparticipatie", (None, "Jongerenparticipatie")),
        ("2021 in cijfers", (None, "2021 in cijfers")),
        # A survey's breakdown: the row's number set off by a middle dot, bullet or dash.
        ("1 · Bereikbaarheid en ov", (1, "Bereikbaarheid en ov")),
        ("3 – Zorg dichtbij huis", (3, "Zorg dichtbij huis")),
        ("2 • Energie: de netcongestie", (2, "Energie: de netcongestie")),
        # Look-alikes: a number that counts or ranges, no row number.
        ("3 raden en 2 provincies", (None, "3 raden en 2 provincies")),
        ("2 – 3 uur overleg", (None, "2 – 3 uur overleg")),
        ("1 | 2 | 3", (None, "1 | 2 | 3")),
    ],
)
def test_table_title_cells(cell: str, expected: tuple[int | None, str]) -> None:
    block = Block("table_cell", cell, 0, len(cell), table=(0, 1, 0))
    assert table_title(block) == expected


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("**Gemeenten:** Franekeradeel; het Bildt", "municipalities", "Franekeradeel; het Bildt"),
        ("**Begeleiding:** Pieter Smit, VNG", "facilitators", "Pieter Smit, VNG"),
        ("__Contact:__ Jan, jan@vng.nl", "contacts", "Jan, jan@vng.nl"),
        ("**Aanbod:**", "offerings", ""),
    ],
)
def test_labels_in_markdown_like_text(line: str, kind: str, value: str) -> None:
    document = read_txt(line.encode("utf-8"))
    label = find_label(document.blocks[0])
    assert label is not None and (label.kind, label.value) == (kind, value)
    assert document.text[label.value_start :].startswith(value)


@pytest.mark.parametrize("line", ["**Programma**", "*Leeuwarden, 3 april 2017*", "> Gemeenten doen mee"])
def test_markdown_lines_that_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


def test_markdown_headings_open_sessions() -> None:
    text = (
        "# Verslag\n\n## Sessie 1 – Van vier naar één\n\n**Gemeenten:** Haren\n\n## Tot slot\n\nTot ziens.\n"
    )
    assert sessions_of(text) == [(1, "Van vier naar één")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Netwerkdag Fryslân", "  Netwerkdag Fryslân"),
        ("*Leeuwarden, 3 april 2017*", " Leeuwarden, 3 april 2017 "),
        ("**Gemeenten:** Ede", "  Gemeenten:   Ede"),
        ("> “Citaat”", "  “Citaat”"),
        ("3 * 4 = 12 en a*b", "3 * 4 = 12 en a*b"),
        ("Sessie #2", "Sessie #2"),
    ],
)
def test_plain_blanks_markup_and_keeps_offsets(text: str, expected: str) -> None:
    assert plain(text) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A label alone on its line (bold in a layout table's label column) over its value: the
        # short value line is no heading that ends the session, even after the contact label.
        (["Contact", "Jan Smit, j.smit@vng.nl"], ["Contact", "Jan Smit, j.smit@vng.nl"]),
        (
            ["Begeleiding", "Jan Smit (VNG)", "Contact", "Piet Bos"],
            ["Begeleiding", "Jan Smit (VNG)", "Contact", "Piet Bos"],
        ),
        # After a contact with its value on the line, a short title-like line still ends it.
        (["Contact: Jan Smit, j.smit@vng.nl", "Praktische zaken"], ["Contact: Jan Smit, j.smit@vng.nl"]),
    ],
)
def test_the_line_under_a_label_alone_is_its_value(lines: list[str], expected: list[str]) -> None:
    text = "Sessie 1: Wijkraden\n\n" + "\n\n".join(lines) + "\n"
    session = segment(read_txt(text.encode("utf-8"))).sessions[0]
    assert [b.text for b in session.blocks] == expected


def test_an_all_caps_line_ends_a_session_with_an_all_caps_heading() -> None:
    text = (
        "VERSLAG\n\nSESSIE 1: DE RAAD\nGemeenten: Heerlen\nWe spraken.\n\n"
        "MEER INFORMATIE\nMail naar a@b.nl of bel 045 571 89 00.\n"
    )
    session = segment(read_txt(text.encode("utf-8"))).sessions[0]
    assert [b.text for b in session.blocks] == ["Gemeenten: Heerlen", "We spraken."]


def test_an_all_caps_word_in_a_session_with_a_plain_heading_stays_in_it() -> None:
    text = "Sessie 1: De raad\nGemeenten: Heerlen\n\nVNG EN IPO\nWe spraken.\n"
    session = segment(read_txt(text.encode("utf-8"))).sessions[0]
    assert "We spraken." in [b.text for b in session.blocks]


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        # Word list numbering that a reader also left in the text: the number goes once.
        ("1. Burgerparticipatie in kleine kernen", "1.", (1, "Burgerparticipatie in kleine kernen")),
        ("Burgerparticipatie in kleine kernen", "2.", (2, "Burgerparticipatie in kleine kernen")),
        ("2. Digitale raadsinformatie", None, (2, "Digitale raadsinformatie")),
        # A different number in the text is part of the title ("2030" is no list number here).
        ("3. 2030 in zicht", "3.", (3, "2030 in zicht")),
    ],
)
def test_numbered_headings_lose_their_number(
    text: str, marker: str | None, expected: tuple[int, str]
) -> None:
    block = Block("heading", text, 0, len(text), level=2, marker=marker)
    assert numbered_title(block) == expected


def _column_table(rows: list[list[str]]):
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Het overzicht per atelier staat hieronder.")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    return builder.build()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["", "Atelier A", "Atelier B", "Atelier C"], [1, 2, 3]),
        (["Onderdeel", "Sessie 1", "Sessie 2"], [1, 2]),
        (["", "Workshop I", "Workshop II"], [1, 2]),
        (["", "Tafel 3", "Tafel 4"], [3, 4]),
    ],
)
def test_sessions_as_table_columns(header: list[str], expected: list[int]) -> None:
    n = len(header) - 1
    rows = [
        header,
        ["Thema", *[f"Onderwerp {i}" for i in range(1, n + 1)]],
        ["Avond", *["maandag 5 juni"] * n],
        ["Gemeenten", *["Ede, Epe"] * n],
        ["Atelierleider", *["Jan Smit (VNG)"] * n],
        ["Contact", *["Jan Smit, jan@vng.nl"] * n],
    ]
    sessions = segment(_column_table(rows)).sessions
    assert [s.number for s in sessions] == expected
    assert [s.title for s in sessions] == [f"Onderwerp {i}" for i in range(1, n + 1)]
    row = sessions[0].row or {}
    assert sorted(row) == ["contacts", "facilitators", "municipalities", "title"]
    assert row["municipalities"][0].text == "Ede, Epe"


def test_session_columns_with_the_title_in_the_header() -> None:
    rows = [
        ["", "Sessie 1: Loting", "Sessie 2 – Jongeren"],
        ["Deelnemers", "Ede, Epe", "Oss"],
        ["Begeleiding", "Jan Smit (VNG)", "Ria Bos"],
    ]
    sessions = segment(_column_table(rows)).sessions
    assert [(s.number, s.title) for s in sessions] == [(1, "Loting"), (2, "Jongeren")]
    assert (sessions[1].row or {})["municipalities"][0].text == "Oss"


def _pdf_column_table(rows: list[list[str]]):
    """As a PDF gives a table: an empty cell (the header's corner) is no block at all."""
    builder = DocumentBuilder("pdf")
    builder.add("paragraph", "De tafels van de avond.")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                builder.add("table_cell", cell, table=(0, r, c))
    return builder.build()


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (
            ["Voor raadsleden uit", "Aan tafel met", "Je gaat naar huis met", "Vragen vooraf?"],
            ["municipalities", "facilitators", "offerings", "contacts"],
        ),
        (
            ["Raden van", "In gesprek met", "Mee naar huis", "Vragen na afloop"],
            ["municipalities", "facilitators", "offerings", "contacts"],
        ),
        (
            ["Voor griffiers uit", "Aan tafel met:", "U neemt mee", "Vragen achteraf"],
            ["municipalities", "facilitators", "offerings", "contacts"],
        ),
    ],
)
@pytest.mark.parametrize("build", [_column_table, _pdf_column_table])
def test_session_columns_labelled_in_a_flyers_words(labels: list[str], expected: list[str], build) -> None:
    rows = [
        ["", "Tafel A", "Tafel B"],
        ["Thema", "Wonen", "Zorg"],
        [labels[0], "Ede, Epe", "Oss"],
        [labels[1], "Jan Smit (VNG)", "Ria Bos"],
        [labels[2], "een kaart", "een lijst"],
        [labels[3], "jan@vng.nl", "ria@vng.nl"],
    ]
    sessions = segment(build(rows)).sessions
    assert [(s.number, s.title) for s in sessions] == [(1, "Wonen"), (2, "Zorg")]
    row = sessions[1].row or {}
    assert sorted(row) == sorted(["title", *expected])
    assert [row[name][0].text for name in expected] == ["Oss", "Ria Bos", "een lijst", "ria@vng.nl"]


@pytest.mark.parametrize(
    "labels",
    [
        # Questions asked, a walk home, a seat: no attendance, facilitation or contact rows.
        ["Vragen", "Naar huis lopen", "Aan tafel"],
        ["Vragen aan de raad", "Thuis", "Tafelschikking"],
    ],
)
@pytest.mark.parametrize("build", [_column_table, _pdf_column_table])
def test_session_columns_need_a_row_that_says_who_took_part(labels: list[str], build) -> None:
    rows = [["", "Tafel A", "Tafel B"], ["Thema", "Wonen", "Zorg"], *[[label, "x", "y"] for label in labels]]
    assert segment(build(rows)).sessions == []


@pytest.mark.parametrize(
    "rows",
    [
        # A timetable: its header names no sessions.
        [["Tijd", "Onderdeel"], ["09.30", "Inloop"], ["10.00", "Sessie 1 en 2"]],
        # Sessions in the header, but no row with attendance or facilitation.
        [["", "Sessie 1", "Sessie 2"], ["Tijd", "10.00", "11.00"], ["Zaal", "A", "B"]],
        # Only one session column.
        [["", "Atelier A"], ["Gemeenten", "Ede"], ["Begeleiding", "Jan"]],
    ],
)
def test_tables_that_hold_no_session_columns(rows: list[list[str]]) -> None:
    assert segment(_column_table(rows)).sessions == []


def _chapters(chapter: str, sections: list[tuple[str, str]], fmt: str = "pdf"):
    builder = DocumentBuilder(fmt)  # type: ignore[arg-type]
    builder.add("heading", "Verslag", level=1)
    builder.add("heading", "1 Inleiding", level=2)
    builder.add("paragraph", "Op 3 maart kwamen raadsleden uit de regio bijeen.")
    builder.add("heading", chapter, level=2)
    for heading, body in sections:
        builder.add("heading", heading, level=3)
        builder.add("paragraph", body)
    builder.add("heading", "4 Tot slot", level=2)
    builder.add("paragraph", "Volgend jaar weer.")
    return builder.build()


@pytest.mark.parametrize(
    ("chapter", "sections"),
    [
        (
            "3 De drie gesprekken",
            [
                ("3.1 Geld voor de jeugd", "Raadsleden uit Ede en Epe spraken over de kosten."),
                ("3.2 Wie kiest?", "Met raadsleden uit Oss ging het over keuzes."),
                ("3.3 Wonen", "Aan deze tafel zaten griffiers van Tiel en Buren."),
            ],
        ),
        (
            "2. Workshops",
            [
                ("2.1. Toezicht op de GR", "Deelnemers uit Venlo en Weert wisselden ervaringen uit."),
                ("2.2. Energie", "Hier spraken raads- en commissieleden van Stein."),
            ],
        ),
        (
            "5 Twee parallelle sessies",
            [
                ("5.1 Armoede", "Raadsleden van Zwolle bespraken het minimabeleid."),
                ("5.2 Zorg", "Aan tafel zaten raadsleden uit Kampen."),
            ],
        ),
    ],
)
def test_numbered_sections_of_a_chapter_of_sessions(chapter: str, sections: list[tuple[str, str]]) -> None:
    found = segment(_chapters(chapter, sections)).sessions
    expected = [(i, heading.split(" ", 1)[1]) for i, (heading, _) in enumerate(sections, start=1)]
    assert [(s.number, s.title) for s in found] == expected
    assert found[0].blocks[0].text == sections[0][1]


@pytest.mark.parametrize(
    ("chapter", "sections"),
    [
        # A chapter that names no sessions: its sections are the report's structure.
        (
            "3 Bevindingen",
            [("3.1 Geld", "Raadsleden uit Ede zeiden dit."), ("3.2 Tijd", "Raadsleden uit Oss ook.")],
        ),
        # One section says nothing of who took part.
        (
            "3 De gesprekken",
            [("3.1 Geld", "Raadsleden uit Ede zeiden dit."), ("3.2 Tijd", "Het duurde lang.")],
        ),
        # Only one section.
        ("3 De gesprekken", [("3.1 Geld", "Raadsleden uit Ede zeiden dit.")]),
        # Not numbered from one.
        (
            "3 De gesprekken",
            [("3.2 Geld", "Raadsleden uit Ede zeiden dit."), ("3.3 Tijd", "Raadsleden uit Oss.")],
        ),
    ],
)
def test_sections_of_other_chapters_are_no_sessions(chapter: str, sections: list[tuple[str, str]]) -> None:
    assert segment(_chapters(chapter, sections)).sessions == []


def _titled_sections(chapter: str, sections: list[tuple[str, str]]):
    builder = DocumentBuilder("docx")
    builder.add("heading", "Fotoverslag", level=1)
    builder.add("paragraph", "Een zonnige dag met raadsleden uit de hele regio.")
    builder.add("heading", chapter, level=2)
    builder.add("paragraph", "Na de lunch ging iedereen uiteen.")
    for heading, caption in sections:
        builder.add("heading", heading, level=3)
        builder.add("paragraph", "Het was een levendig gesprek.")
        builder.add("paragraph", caption)
    builder.add("heading", "Tot slot", level=2)
    builder.add("paragraph", "Volgend jaar weer, met raadsleden uit Ede.")
    return builder.build()


@pytest.mark.parametrize(
    ("chapter", "sections"),
    [
        (
            "De workshops",
            [
                ("Wonen voor jong en oud", "Foto: raadsleden uit Vaals en Eijsden met de gespreksleider."),
                ("Over de grens", "Foto: aan tafel zaten raadsleden uit Venlo."),
            ],
        ),
        (
            "Drie thematafels",
            [
                ("Jeugd", "Bijschrift: deelnemers uit Tiel luisteren."),
                ("Zorg", "Met raadsleden uit Buren en Culemborg."),
                ("Groen", "Griffiers van Oss en Uden aan het werk."),
            ],
        ),
    ],
)
def test_unnumbered_sections_of_a_chapter_of_sessions(chapter: str, sections: list[tuple[str, str]]) -> None:
    found = segment(_titled_sections(chapter, sections)).sessions
    assert [(s.number, s.title) for s in found] == [(i, h) for i, (h, _) in enumerate(sections, start=1)]
    assert [b.text for b in found[0].blocks][-1] == sections[0][1]


@pytest.mark.parametrize(
    ("chapter", "sections"),
    [
        # A chapter that names no sessions.
        ("Indrukken", [("Wonen", "Foto: raadsleden uit Vaals."), ("Zorg", "Foto: raadsleden uit Epen.")]),
        # One section says nothing of who took part.
        ("De workshops", [("Wonen", "Foto: raadsleden uit Vaals."), ("Zorg", "Foto: de flip-over.")]),
        # Only one section.
        ("De workshops", [("Wonen", "Foto: raadsleden uit Vaals.")]),
    ],
)
def test_unnumbered_sections_of_other_chapters_are_no_sessions(
    chapter: str, sections: list[tuple[str, str]]
) -> None:
    assert segment(_titled_sections(chapter, sections)).sessions == []


def _sessions_then_contacts_table(first_cells: list[str], header: list[str]):
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag kennisdag", level=1)
    for number, title in ((1, "Samen onderzoeken"), (2, "Doorwerking")):
        builder.add("heading", f"Deel {number} – {title}", level=2)
        builder.add("paragraph", "Vertegenwoordigd: Venlo, Stein")
        builder.add("paragraph", "Moderator: Anna de Wit (NVRR)")
    builder.add("heading", "Contact per onderdeel", level=2)
    builder.add("table_cell", header[0], table=(0, 0, 0))
    for column, text in enumerate(header[1:], start=1):
        builder.add("table_cell", text, table=(0, 0, column))
    for row, first in enumerate(first_cells, start=1):
        builder.add("table_cell", first, table=(0, row, 0))
        builder.add("table_cell", f"Persoon {row}", table=(0, row, 1))
        builder.add("table_cell", f"p{row}@nvrr.nl", table=(0, row, 2))
    return builder.build()


@pytest.mark.parametrize("first_cells", [["Deel 1", "Deel 2"], ["Deel 2", "Deel 1"]])
def test_a_contacts_table_per_session_joins_each_row_to_its_session(first_cells: list[str]) -> None:
    document = _sessions_then_contacts_table(first_cells, ["Onderdeel", "Contactpersoon", "E-mail"])
    sessions = segment(document).sessions
    assert [s.number for s in sessions] == [1, 2]
    for session in sessions:
        row = first_cells.index(f"Deel {session.number}") + 1
        assert session.blocks[-1].text == f"Persoon {row}\np{row}@nvrr.nl"


@pytest.mark.parametrize(
    ("first_cells", "header"),
    [
        # No contacts column: a timetable per part is no contact list.
        (["Deel 1", "Deel 2"], ["Onderdeel", "Spreker", "Zaal"]),
        # Rows that name no session.
        (["Ochtend", "Middag"], ["Onderdeel", "Contactpersoon", "E-mail"]),
        # A number no session has.
        (["Deel 4", "Deel 5"], ["Onderdeel", "Contactpersoon", "E-mail"]),
    ],
)
def test_other_tables_join_no_session(first_cells: list[str], header: list[str]) -> None:
    sessions = segment(_sessions_then_contacts_table(first_cells, header)).sessions
    assert all(b.kind != "table_cell" and "@" not in b.text for s in sessions for b in s.blocks)


# A label no rule knows still names sessions when it numbers a series from one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Verslag\n\nKamer 1 – Vergaderen met jonge kinderen\nGemeenten: Zwolle\n\n"
            "Kamer 2 – Mantelzorg en raadswerk\nGemeenten: Kampen\n",
            [(1, "Vergaderen met jonge kinderen"), (2, "Mantelzorg en raadswerk")],
        ),
        (
            "Verslag\n\nThemagroep één: Wonen in kleine kernen\nTekst.\n\n"
            "Themagroep twee: Vertrouwen\nTekst.\n\nThemagroep drie: Grenzen\nTekst.\n",
            [(1, "Wonen in kleine kernen"), (2, "Vertrouwen"), (3, "Grenzen")],
        ),
        (
            "Verslag\n\nWerkplaats A: Woningbouw\nTekst.\n\nWerkplaats B: Energie\nTekst.\n",
            [(1, "Woningbouw"), (2, "Energie")],
        ),
        # Not a series: one line, numbers that do not start at one or skip, listed words.
        ("Verslag\n\nThema 1 – Scherpe vragen\nTekst.\n", []),
        ("Verslag\n\nKamer 2 – A\nTekst.\n\nKamer 3 – B\nTekst.\n", []),
        ("Verslag\n\nKamer 1 – A\nTekst.\n\nKamer 3 – B\nTekst.\n", []),
        ("Aanmelden\n\nStap 1: vul het formulier in\nStap 2: kies een datum\n", []),
        ("Bijlagen\n\nBijlage 1: deelnemerslijst\nBijlage 2: presentatie\n", []),
    ],
)
def test_a_numbered_series_under_any_label_is_a_series_of_sessions(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(text) == expected


# A series told in full and then again as a list keyed by its numbers; fields after a pipe title.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The keyed list names only some of the series, as contacts: no sessions of its own.
        (
            "Verslag\n\nLab 1 | Wijkbudgetten | 2e ronde\nGemeenten: Epe\n\nLab 2 | Jeugd | zaal B\n"
            "Gemeenten: Ede\n\nContact\n- Lab 1: Ria Bos, r.bos@epe.nl\n- Lab 2: Tim Sol, t.sol@ede.nl\n",
            [(1, "Wijkbudgetten"), (2, "Jeugd")],
        ),
        (
            "Verslag\n\nSessie 1 | Geld | score 7,5\nGemeenten: Epe\n\n"
            "Sessie 2: Zorg | Wonen\nGemeenten: Ede\n",
            [(1, "Geld"), (2, "Zorg | Wonen")],
        ),
    ],
)
def test_a_series_keeps_its_keyed_list_and_a_pipe_title_its_first_field(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Numbered from one again in paragraphs, not a list: a series that restarts is none.
        "Verslag\n\nKamer 1 – A\nTekst.\n\nKamer 2 – B\nTekst.\n\nKamer 1 – C\nTekst.\n",
        # The list goes higher than the series.
        "Verslag\n\nKamer 1 – A\nTekst.\n\nKamer 2 – B\nTekst.\n\n- Kamer 1: x\n- Kamer 3: y\n",
    ],
)
def test_a_series_that_restarts_otherwise_is_no_series(text: str) -> None:
    assert sessions_of(text) == []


# With no number, a name between the keyword and a dash (a room) names the session; the title follows.
@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Workshop Zaal Waal – Wonen in de kern", "Wonen in de kern"),
        ("Deelsessie Collegekamer - Armoede en schulden", "Armoede en schulden"),
        # A subtitle in lower case, a number or a colon: the whole is the title.
        ("Workshop Omgevingswet – een introductie", "Omgevingswet – een introductie"),
        ("Sessie 2: Zaal Rijn – Wonen", "Zaal Rijn – Wonen"),
        ("Workshop Wonen, Zorg en Welzijn – Vragen", "Wonen, Zorg en Welzijn – Vragen"),
    ],
)
def test_a_name_before_a_dash_names_the_session_not_its_title(heading: str, title: str) -> None:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag", level=1)
    for text in (heading, "Workshop Kelder – Geld"):
        builder.add("heading", text, level=2)
        builder.add("paragraph", "Gemeenten: Epe, Ede")
    assert [s.title for s in segment(builder.build()).sessions] == [title, "Geld"]


# Sessions between rule lines, with a count, as module codes, or counted by ordinals under a
# chapter's number: each still a series numbered from one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Verslag\n\n===== Tafel 1 van 2 » Raad en regio =====\nGemeenten: Oss\n\n"
            "===== Tafel 2 van 2 » Wonen =====\nGemeenten: Uden\n\n===== Tot slot =====\nDank!\n",
            [(1, "Raad en regio"), (2, "Wonen")],
        ),
        (
            "Verslag\n\n--- Ronde 1 of 3: Begroten ---\nTekst.\n--- Ronde 2 of 3: Toezicht ---\nTekst.\n",
            [(1, "Begroten"), (2, "Toezicht")],
        ),
        (
            "Verslag\n\nW1 – Lezen van stukken\nTekst.\n\nW2 – Debatteren\nTekst.\n\nW3 – Media\nTekst.\n",
            [(1, "Lezen van stukken"), (2, "Debatteren"), (3, "Media")],
        ),
        (
            "Rapport\n\n2.1 Eerste werkplaats: Inspraak\nTekst.\n\n2.2 Tweede werkplaats: Scholen\nTekst.\n",
            [(1, "Inspraak"), (2, "Scholen")],
        ),
        # A lone rule-line heading, codes that skip, listed words after an ordinal: no series.
        ("Verslag\n\n----- Gesprek 1 van 2 » Wonen -----\nTekst.\n", []),
        ("Verslag\n\nA1 – Snelweg\nTekst.\n\nA4 – Ring\nTekst.\n", []),
        ("Rapport\n\n4.1 Eerste stap: inventariseren\nTekst.\n\n4.2 Tweede stap: kiezen\nTekst.\n", []),
    ],
)
def test_series_in_rule_lines_codes_and_ordinals(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("----- Tafel 2 » Wonen -----", "      Tafel 2 » Wonen      "),
        ("=== Tot slot ===", "    Tot slot    "),
        ("--------------------", "--------------------"),
        ("--- alleen links", "--- alleen links"),
    ],
)
def test_plain_blanks_rule_lines_around_a_heading(text: str, expected: str) -> None:
    assert plain(text) == expected


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Raadsleden aan tafel: Oss, Uden", "municipalities", "Oss, Uden"),
        ("Betrokken raden: Ede", "municipalities", "Ede"),
        ("Herkomst deelnemers: Venlo, Horst aan de Maas", "municipalities", "Venlo, Horst aan de Maas"),
        ("Wie waren erbij? Epe", "municipalities", "Epe"),
        ("Facilitering: Ria Bos (ProDemos)", "facilitators", "Ria Bos (ProDemos)"),
        ("Regie: Joost Wever", "facilitators", "Joost Wever"),
        ("Nazorg » Ria Bos, r.bos@vng.nl", "contacts", "Ria Bos, r.bos@vng.nl"),
        ("Vragen/contact: r.bos@vng.nl", "contacts", "r.bos@vng.nl"),
        ("Info: r.bos@vng.nl", "contacts", "r.bos@vng.nl"),
        ("Napraten met", "contacts", ""),
        ("Om mee te nemen: een handreiking", "offerings", "een handreiking"),
    ],
)
def test_more_label_words(line: str, kind: str, value: str) -> None:
    block = read_txt(line.encode("utf-8")).blocks[0]
    label = find_label(block)
    assert label is not None and (label.kind, label.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "Raden aan tafels in de zaal kregen koffie.",
        "Informatief was het zeker.",
        "Nabellen kan via de griffie.",
        "Regiegemeenten werken samen.",
        "Herkomstgegevens ontbreken.",
    ],
)
def test_more_words_that_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


def _record_tables(tables: list[list[list[str]]]):
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Per gesprekstafel hieronder wie er zaten.")
    for t, rows in enumerate(tables):
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                builder.add("table_cell", cell, table=(t, r, c))
        builder.add("paragraph", "Een verslag van het gesprek aan deze tafel.")
    return builder.build()


def test_one_table_per_session_with_its_fields_as_rows() -> None:
    tables = [
        [[f"Gesprekstafel {n}", title], ["Wie waren er?", "Ede, Epe"], ["Gastvrouw", "Ria Bos"]]
        for n, title in ((1, "Raad en jeugd"), (2, "Raad en zorg"))
    ]
    sessions = segment(_record_tables(tables)).sessions
    assert [(s.number, s.title) for s in sessions] == [(1, "Raad en jeugd"), (2, "Raad en zorg")]
    row = sessions[0].row or {}
    assert sorted(row) == ["facilitators", "municipalities"]
    assert row["municipalities"][0].text == "Ede, Epe"


@pytest.mark.parametrize(
    "rows",
    [
        # No attendance or facilitation row.
        [["Tafel 1", "Raad en jeugd"], ["Tijd", "10.00"], ["Zaal", "B"]],
        # The first cell names no numbered part.
        [["Onderwerp", "Raad en jeugd"], ["Gemeenten", "Ede"]],
        # A listed word.
        [["Bijlage 1", "Deelnemers"], ["Gemeenten", "Ede, Epe"]],
        # Three columns: a table of another shape.
        [["Tafel 1", "Raad", "Zaal B"], ["Gemeenten", "Ede", "Epe"]],
    ],
)
def test_tables_that_are_no_session_of_their_own(rows: list[list[str]]) -> None:
    assert segment(_record_tables([rows])).sessions == []


def _first_label_one_by_one(block: Block) -> Label | None:
    """find_label as it was: each label's own pattern, in order, until one matches."""
    if block.kind == "table_cell":
        return None
    text, lead = _plain_text(block)
    for kind, regex, proves in patterns().labels:
        match = regex.match(text)
        if match:
            value = (match.group("value") or "").strip()
            start = block.start + lead + (match.start("value") if match.group("value") else len(text))
            return Label(kind, value, start, proves)
    return None


@pytest.mark.parametrize(
    "path", sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.md"), *RAW.glob("*.txt")]), ids=str
)
def test_find_label_matches_each_label_in_turn(path: Path) -> None:
    # One alternation of every label (and the lower-cased pre-test) must pick what trying the
    # labels one by one picks, on every block of the corpus.
    blocks = read_txt(path.read_bytes()).blocks
    assert [find_label(b) for b in blocks] == [_first_label_one_by_one(b) for b in blocks]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "1. Lokale energie – met raden uit Oss en Uden, geleid door Kees Bol (IPO).\n"
            "2. Jeugdzorg - voor raadsleden uit Epe; meer weten: info@epe.nl\n",
            [(1, "Lokale energie"), (2, "Jeugdzorg")],
        ),
        (
            "1. Wonen — met Ede en Wageningen.\n2. Zorg — met Barneveld.\n3. Groen — met Renkum.\n",
            [(1, "Wonen"), (2, "Zorg"), (3, "Groen")],
        ),
    ],
)
def test_numbered_items_that_each_tell_a_session(items: str, expected: list[tuple[int, str]]) -> None:
    assert sessions_of(f"Terugblik\n\nWe gingen uiteen:\n\n{items}\nTot slot koffie.\n") == expected


@pytest.mark.parametrize(
    "items",
    [
        # One item alone is a list item.
        "1. Lokale energie – met raden uit Oss en Uden.\n",
        # Not counted from 1.
        "3. Lokale energie – met raden uit Oss.\n4. Jeugdzorg – met Epe.\n",
        # No one who took part after the dash.
        "1. Koffie – daarna de opening.\n2. Lunch – in de kantine.\n",
        # Apart, with a paragraph between them.
        "1. Wonen – met Ede.\nDaarna pauze.\n2. Zorg – met Epe.\n",
    ],
)
def test_numbered_items_that_tell_no_session(items: str) -> None:
    assert sessions_of(f"Terugblik\n\nWe gingen uiteen:\n\n{items}\nTot slot koffie.\n") == []


TIMELINE = (
    "Middag\n\n{row}\n      gemeenten ......... Ede en Epe\n      begeleiding ....... Jan Jansen (VNG)\n"
)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("10:00 – 10:45 | Samen plannen maken", [(None, "Samen plannen maken")]),
        ("9.15-10.00 uur | Zorg dichtbij", [(None, "Zorg dichtbij")]),
    ],
)
def test_a_timeline_row_with_labels_below_is_a_session(
    row: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(TIMELINE.format(row=row)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "10:00 – 10:30 | Ontvangst met koffie\nDe voorzitter heette iedereen welkom.\n",
        "16:00 – 17:00 | Afsluiting en borrel\n",
        "10:00 | Ontvangst\nDe voorzitter heette iedereen welkom.\n",
    ],
)
def test_a_timeline_row_without_session_labels_is_none(text: str) -> None:
    assert sessions_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bilingual heading names the part twice: the second name and number are no title.
        ("Ronde 2 / Round 2 – Zorg dichtbij\nAanwezig: Ede\n", [(2, "Zorg dichtbij")]),
        ("Workshop B / Atelier B: De begroting\nAanwezig: Ede\n", [(2, "De begroting")]),
        ("Deel 3 / Part 3 · Wonen\nAanwezig: Ede\n", [(3, "Wonen")]),
        # A slash that only separates the title, or another number after it, stays as written.
        ("Tafel 2 / Wonen en zorg\nAanwezig: Ede\n", [(2, "Wonen en zorg")]),
        ("Sessie 1 / Ronde 2: Geld\nAanwezig: Ede\n", [(1, "Ronde 2: Geld")]),
    ],
)
def test_bilingual_session_headings(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        # The label in a second language after a slash.
        ("Aanwezige gemeenten / municipalities present: Ede, Epe", "municipalities", "Ede, Epe"),
        ("Gespreksleider / moderator: Ria Bos (VNG)", "facilitators", "Ria Bos (VNG)"),
        ("Contactpersoon / contact person: r.bos@vng.nl", "contacts", "r.bos@vng.nl"),
        ("Ondersteuning / support: een training", "offerings", "een training"),
        # A slide's bare "Leiding:" and "Geleid door" name who led it.
        ("Leiding: Ria Bos, trainer bij Raadwerk", "facilitators", "Ria Bos, trainer bij Raadwerk"),
        ("Leiding / chair: Ria Bos", "facilitators", "Ria Bos"),
        ("Geleid door Kees Bol (IPO)", "facilitators", "Kees Bol (IPO)"),
    ],
)
def test_bilingual_and_slide_labels(line: str, kind: str, value: str) -> None:
    label = find_label(read_txt(line.encode("utf-8")).blocks[0])
    assert label is not None and (label.kind, label.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "Gemeenten / regio's werken samen aan wonen.",
        "Contact/afstemming verliep goed.",
        "Leiding geven is een vak apart.",
        "Leidinggevenden: twee per gemeente",
    ],
)
def test_slashes_and_leading_words_in_sentences_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal before a session keyword numbers it, in a letter's italic line or alone.
        (
            "Brief\n\n*Tweede ronde – Wonen*\n\nOver huizen.\n\n*Derde ronde – Zorg*\n\nOok goed.\n",
            [(2, "Wonen"), (3, "Zorg")],
        ),
        ("Brief\n\nDe eerste workshop: Loting\nAanwezig: Ede\n", [(1, "Loting")]),
        ("Brief\n\nVierde tafel · Jongeren\nAanwezig: Ede\n", [(4, "Jongeren")]),
        # Without a separator after it, or ending as a sentence, it is running text.
        ("Brief\n\nDe tweede ronde ging over geld.\nAanwezig: Ede\n", []),
        ("Brief\n\nTweede sessie: de raad stemde opnieuw.\nAanwezig: Ede\n", []),
    ],
)
def test_an_ordinal_before_a_session_keyword(text: str, expected: list[tuple[int | None, str]]) -> None:
    assert sessions_of(text) == expected


# A line under a session's heading that gives a value under a label the rules do not know
# ("Voor griffiers uit: A", "Doelgroep: X") belongs to that session, even when every session has
# one right above a facilitator label: it is no term of a definition list opening a session.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Verslag\n\nTafel 1 – Wonen\nVoor griffiers uit: Ede, Epe\nTafelvoorzitter: Jan Smit\n\n"
            "Tafel 2 – Zorg\nVoor griffiers uit: Oss\nTafelvoorzitter: Ans Bol\n",
            [(1, "Wonen"), (2, "Zorg")],
        ),
        (
            "Verslag\n\nWorkshop A – Loting\nDoelgroep: nieuwe raadsleden\nBegeleiding: Jan Smit\n\n"
            "Workshop B – Begroten\nDoelgroep: fractievoorzitters\nBegeleiding: Ans Bol\n",
            [(1, "Loting"), (2, "Begroten")],
        ),
        # Terms that are names still open their sessions.
        (
            "Verslag\n\nLeerkring Zaanstreek\nDeelnemende raden – Zaanstad\n\n"
            "Leerkring Waterland\nDeelnemende raden – Edam-Volendam\n",
            [(1, "Zaanstreek"), (2, "Waterland")],
        ),
    ],
)
def test_a_labelled_line_under_a_session_heading_opens_no_session(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(text) == expected


# A chapter's section number before the keyword and a title in quotes: the section number is
# no session number (the sessions are counted by position), the quotes are no part of the title.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapportage\n\n## 4 Activiteiten\n\n### 4.1 Opening\nDe wethouder opende.\n\n"
            "### 4.2 Workshop “Wonen in de regio”\nAanwezig: Ede, Epe\n\n"
            "### 4.3 Workshop “Zorg dichtbij”\nAanwezig: Oss\n\n### 4.4 Afsluiting\nDank.\n",
            [(1, "Wonen in de regio"), (2, "Zorg dichtbij")],
        ),
        (
            "Rapportage\n\n2.1. Themasessie 'Geld en grip'\nDeelnemende gemeenten: Ede\n",
            [(None, "Geld en grip")],
        ),
        # A number of its own after the keyword still numbers the session.
        ("Rapportage\n\n5.2 Sessie 3: ‘Jongeren’\nGemeenten: Urk\n", [(3, "Jongeren")]),
        # Quotes inside a title, or around a part of it, stay.
        ("Verslag\n\nWorkshop A – De ‘slimme’ raad\nAanwezig: Ede\n", [(1, "De ‘slimme’ raad")]),
        ("Verslag\n\nSessie 1: ‘Wonen’ en ‘zorg’\nAanwezig: Ede\n", [(1, "‘Wonen’ en ‘zorg’")]),
        # A numbered section without a session keyword or labels is none.
        ("Rapportage\n\n3.1 Plenaire opening\nDe voorzitter opende.\n\n3.2 Pauze\nKoffie.\n", []),
    ],
)
def test_section_numbered_session_headings_with_quoted_titles(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A FAQ whose answers tell the sessions, keyed by a word and a letter, apart.
        (
            "Veelgestelde vragen\n\n1. Hoe ging het?\nEr waren twee kringen, A en B.\n\n"
            "2. Wat deed kring A?\nKring A droeg de titel ‘Groen in de wijk’. Raadsleden uit Delft "
            "schoven aan.\n\n3. En kring B?\nKring B, “Veilig fietsen”, stond onder leiding van "
            "Eva Brand.\n",
            [(1, "Groen in de wijk"), (2, "Veilig fietsen")],
        ),
        # A week told day by day, the days one after another, a quoted title each.
        (
            "Terugblik\n\nOp maandag opende de voorzitter de week.\n\n"
            "Op woensdag draaide alles om 'Wonen'. Raadsleden uit Oss en Uden praatten mee.\n\n"
            "Donderdag stond “Water” centraal, onder leiding van Eva Brand.\n",
            [(1, "Wonen"), (2, "Water")],
        ),
        # Keycap lines above a paragraph that says who took part.
        (
            "Mijn dag\n\n1️⃣ Groen in de wijk\nMet raadsleden uit Delft en Rijswijk.\n\n"
            "2️⃣ Veilig fietsen\nDeelnemers uit Gouda kregen tips van host Eva Brand.\n",
            [(1, "Groen in de wijk"), (2, "Veilig fietsen")],
        ),
    ],
)
def test_sessions_told_in_prose_by_key_day_or_keycap(text: str, expected: list[tuple[int, str]]) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # One conversation in a FAQ is a sentence about it.
        "Vragen\n\n1. Wat was er?\nGesprek A had als titel ‘Groen’. Raadsleden uit Delft kwamen.\n",
        # Letters out of order, or a series word that numbers no meetings.
        "Vragen\n\nKring B heette ‘Groen’, met raadsleden uit Delft.\n\n"
        "Kring A heette ‘Blauw’, met raadsleden uit Ede.\n",
        "Toets\n\nVraag 1 luidde ‘Wie?’, aan tafel bij raadsleden uit Ede.\n\n"
        "Vraag 2 luidde ‘Wat?’, aan tafel.\n",
        # A week schedule without quoted titles, or with titles but nobody taking part or leading.
        "Rooster\n\nOp maandag is het raadhuis dicht. Raadsleden uit Ede werken thuis.\n\n"
        "Op dinsdag is het open. Raadsleden uit Ede komen.\n",
        "Filmweek\n\nOp maandag draait ‘Het dorp’ in het theater.\n\nOp dinsdag draait ‘De raad’.\n",
        # Days apart are no week told day by day.
        "Week\n\nOp maandag ging ‘Wonen’ over raadsleden uit Oss.\n\n"
        "Op donderdag ging ‘Zorg’ over raadsleden uit Ede.\n",
        # A title in a later sentence is no session's title.
        "Week\n\nOp maandag sprak de burgemeester. Hij noemde ‘Wonen’ met raadsleden uit Oss.\n\n"
        "Op dinsdag sprak de wethouder. Zij noemde ‘Zorg’ met raadsleden uit Ede.\n",
        # A keycap list of tips: whole sentences, or no paragraph about who took part.
        "Tips\n\n1️⃣ Lees de stukken op tijd.\nRaadsleden uit Ede doen dat al.\n\n"
        "2️⃣ Stel vragen.\nMet raadsleden uit Oss.\n",
        "Tips\n\n1️⃣ Lees de stukken\nDat scheelt tijd.\n\n2️⃣ Bel de griffie\nZij helpen graag.\n",
        "Tips\n\n2️⃣ Wonen\nRaadsleden uit Ede.\n\n1️⃣ Zorg\nRaadsleden uit Oss.\n",
    ],
)
def test_no_sessions_told_in_prose_without_a_series_and_evidence(text: str) -> None:
    assert sessions_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arabic numbers, the title in brackets before a colon; an unnumbered paragraph in between.
        (
            "Evaluatie\n\n3.1 Er waren twee werksessies.\n\n"
            "3.2 Werksessie 1 (Groen in de wijk): raadsleden uit Delft en Rijswijk spraken over bomen.\n\n"
            "3.3 Werksessie 2 (Veilig fietsen). Het gesprek werd geleid door Eva Brand.\n",
            [(1, "Groen in de wijk"), (2, "Veilig fietsen")],
        ),
        # Roman numerals, a compound of a session word.
        (
            "Rapport\n\n5.4 Praattafel I (Zorg dichtbij). Aan deze tafel namen de raadsleden van Ede "
            "deel.\n\n"
            "5.5 Praattafel II (Jeugd). Onder leiding van Bas Ooms.\n",
            [(1, "Zorg dichtbij"), (2, "Jeugd")],
        ),
    ],
)
def test_sessions_in_a_reports_numbered_paragraphs(text: str, expected: list[tuple[int, str]]) -> None:
    assert sessions_of(text) == expected


def test_a_numbered_paragraph_session_runs_on_to_the_next_chapter_and_takes_its_footnote() -> None:
    text = (
        "Rapport\n\n2.1 Ronde I (Wonen). Met raadsleden uit Oss. Voorgezeten door Eva Brand.¹\n\n"
        "2.2 De provincie heeft toegezegd:\n\n- een kaart\n\n"
        "2.3 Ronde II (Zorg). Met raadsleden uit Uden. Voorgezeten door Bas Ooms.²\n\n"
        "¹ Contact ronde I: Eva Brand, e.brand@example.nl\n\n² Contact ronde II: b.ooms@example.nl\n\n"
        "2.4 Aan de tweede ronde is vooral gesproken over zorg.\n\n3.1 De bijeenkomst werd gesloten.\n"
    )
    sessions = segment(read_txt(text.encode("utf-8"))).sessions
    assert [[b.text[:8] for b in s.blocks] for s in sessions] == [
        ["2.1 Rond", "2.2 De p", "een kaar"],
        ["2.3 Rond", "2.4 Aan "],
    ]
    assert [[b.text[:13] for b in s.notes] for s in sessions] == [["¹ Contact ron"], ["² Contact ron"]]


@pytest.mark.parametrize(
    "text",
    [
        # One alone is a paragraph about it.
        "Rapport\n\n2.2 Gesprekstafel 1 (Groen). Raadsleden uit Delft deden mee.\n\n"
        "2.3 Daarna was er koffie.\n",
        # Out of order.
        "Rapport\n\n2.2 Praattafel II (Groen). Raadsleden uit Delft.\n\n"
        "2.3 Praattafel I (Blauw). Raadsleden uit Ede.\n",
        # Nobody taking part or leading.
        "Rapport\n\n2.2 Themagroep 1 (inleiding). De stukken zijn verstuurd.\n\n"
        "2.3 Themagroep 2 (vervolg). De stukken komen later.\n",
        # Appendices and articles are no sessions.
        "Rapport\n\n3.1 Bijlage 1 (Begroting). Raadsleden uit Ede keken mee.\n\n"
        "3.2 Bijlage 2 (Rekening). Raadsleden uit Oss keken mee.\n",
        "Reglement\n\n1.1 Artikel 1 (Begrippen). De raadsleden uit de gemeente.\n\n"
        "1.2 Artikel 2 (Taken). De raadsleden van de gemeente.\n",
    ],
)
def test_no_sessions_from_numbered_paragraphs_without_a_series_and_evidence(text: str) -> None:
    assert sessions_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bold questions in a letter, each over prose that says who took part and who led it.
        (
            "Beste raadsleden,\n\nDank voor jullie komst.\n\n**Wat kost een zwembad?**\n\n"
            "Aan tafel zaten raadsleden uit Ede en Wageningen, onder leiding van Eva Brand.\n\n"
            "Wat jullie van ons krijgen: een rekenmodel.\n\n**Wie maakt de wijk schoon?**\n\n"
            "Het gesprek werd geleid door Bas Ooms. Deelnemers uit Barneveld vertelden over hun aanpak.\n\n"
            "Met vriendelijke groet,\n",
            [(1, "Wat kost een zwembad?"), (2, "Wie maakt de wijk schoon?")],
        ),
        # Questions as headings, the cues in the second paragraph under the question.
        (
            "# Terugblik\n\n## Hoe blijft het dorp leefbaar?\n\nEen levendig gesprek.\n\n"
            "Gespreksleider was Noor Aydin; met de raadsleden van Epe.\n\n"
            "## Waar moeten de windmolens staan?\n\nRaadsleden van Heerde praatten onder begeleiding van "
            "Joris Palm.\n",
            [(1, "Hoe blijft het dorp leefbaar?"), (2, "Waar moeten de windmolens staan?")],
        ),
    ],
)
def test_sessions_told_under_bold_questions(text: str, expected: list[tuple[int, str]]) -> None:
    assert sessions_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A FAQ: one answer says who leads, another says nothing of who took part or led.
        "Veelgestelde vragen\n\n**Wie kan meedoen?**\n\nRaadsleden uit alle gemeenten, onder leiding van "
        "de griffie.\n\n**Wat kost het?**\n\nNiets; de provincie betaalt.\n",
        # A report's list of questions: no leader anywhere.
        "Onderzoeksvragen\n\n**Hoe ervaren raadsleden uit Ede het werk?**\n\nWe spraken met raadsleden.\n\n"
        "**Hoe ervaren raadsleden uit Epe het werk?**\n\nWe spraken met raadsleden van Epe.\n",
        # One question alone is a question.
        "Brief\n\n**Wie betaalt de bus?**\n\nRaadsleden uit Ede spraken onder leiding van Eva Brand.\n",
        # Questions with another bold line between them are no series.
        "Brief\n\n**Wie betaalt de bus?**\n\nRaadsleden uit Ede spraken onder leiding van Eva Brand.\n\n"
        "**Afspraken**\n\nGeen.\n\n**Wie betaalt de trein?**\n\nRaadsleden uit Epe, geleid door Bas Ooms.\n",
    ],
)
def test_no_sessions_from_questions_without_a_series_and_evidence(text: str) -> None:
    assert sessions_of(text) == []


LETTERED_AGENDA = """# Agenda regio-overleg West-Brabant

Voorzitter: Anna de Wit, raadslid Breda

Plaats: Stadhuis Breda

## 1. Opening en mededelingen

Welkom door de voorzitter.

## 2. {parent}

{first}

Gespreksleider: Tom Bakker (Platform31)

{second}

Begeleiding: Sara Pels

## 3. Rondvraag en sluiting

De voorzitter sluit de vergadering.
"""


@pytest.mark.parametrize(
    ("parent", "first", "second"),
    [
        ("Werksessies", "### 2a Workshop: wonen in de kernen", "### 2b Workshop: de energiestrategie"),
        ("Tafels", "### 2a. Tafelgesprek – wonen in de kernen", "### 2b. Tafelgesprek – de energiestrategie"),
        ("Parallel", "2a) Sessie: wonen in de kernen", "2b) Sessie: de energiestrategie"),
    ],
)
def test_lettered_sub_items_with_a_session_keyword_are_a_series(parent: str, first: str, second: str) -> None:
    text = LETTERED_AGENDA.format(parent=parent, first=first, second=second)
    # Numbered by their letters (a, b: 1, 2); the title of the agenda above them is no session,
    # though its header names the meeting's chair.
    assert sessions_of(text) == [(1, "wonen in de kernen"), (2, "de energiestrategie")]


@pytest.mark.parametrize(
    "text",
    [
        # The meeting's chair in the header of an agenda proves no session.
        "# Verslag regio-overleg\n\nVoorzitter: Anna de Wit\n\n## 1. Opening\n\nWelkom.\n\n"
        "## 2. Verslag van de vorige vergadering\n\nVastgesteld.\n\n## 3. Rondvraag en sluiting\n\nGeen.\n",
        # Lettered sub-items without a session keyword or a label are parts of an agenda item.
        "## 1. Opening\n\nWelkom.\n\n## 2. Begroting\n\n### 2a Toelichting\n\nDe wethouder licht toe.\n\n"
        "### 2b Vragen\n\nEr zijn geen vragen.\n\n## 3. Sluiting\n\nTot ziens.\n",
    ],
)
def test_an_agenda_without_lettered_sessions_has_none(text: str) -> None:
    assert sessions_of(text) == []


MAIL_THREAD = """Van: Els Dam <e.dam@tiel.nl>
Onderwerp: terugblik werkavond

Beste allen,

Drie groepen:

Groep 1 - Wonen
Groep 2 - Jeugd
Groep 3 - Energie

De volgende avond is in Buren.

{closing}
Els Dam
griffier Tiel
0344 - 63 71 11

-----Oorspronkelijk bericht-----
Van: Jan Pol <j.pol@vng.nl>
Verzonden: maandag 3 mei 2021 10:00

> Groep 3 - Energie
> Met raadsleden uit Culemborg en Buren.
>
> Begeleiding: Jan Pol (VNG)
>
> Mail (j.pol@vng.nl) of bel me: 06-12345678
"""


@pytest.mark.parametrize(
    "closing", ["Groet,", "Met vriendelijke groet,", "Hartelijke groeten,", "Groetjes, Els"]
)
def test_a_mails_signature_and_the_next_mails_header_end_a_session(closing: str) -> None:
    document = read_txt(MAIL_THREAD.format(closing=closing).encode("utf-8"))
    sessions = segment(document).sessions
    assert [(s.number, s.title) for s in sessions] == [
        (1, "Wonen"),
        (2, "Jeugd"),
        (3, "Energie"),
        (3, "Energie"),
    ]
    overview = " ".join(b.text for b in sessions[2].blocks)
    assert "0344" not in overview and "Van:" not in overview and "Els Dam" not in overview
    # The writer's own contact line ("... bel me") stays in the quoted session.
    assert any("j.pol@vng.nl" in b.text for b in sessions[3].blocks)


@pytest.mark.parametrize(
    "line",
    [
        "Groeten uit Tiel waren er ook van de burgemeester.",
        "Met vriendelijke groet aan de griffie van Ede en Wageningen",
        "Van de deelnemers kwam de vraag om een vervolg.",
    ],
)
def test_sentences_with_greeting_or_header_words_do_not_end_a_session(line: str) -> None:
    text = f"Sessie 1: Wonen\nGemeenten: Ede\n{line}\nBegeleiding: Jan Pol\n"
    sessions = segment(read_txt(text.encode("utf-8"))).sessions
    assert [b.text for b in sessions[0].blocks][-1] == "Begeleiding: Jan Pol"


# ----------------------------------------------------------------------------- transcript turns


def _transcript(turns: list[str]) -> str:
    return "Transcriptie van de regioavond\n\n" + "\n\n".join(turns) + "\n"


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            [
                "[10:02:15] GEERT BOS (voorzitter): Welkom. Dan gaan we naar tafel 1, over de "
                "energietransitie. Die werd begeleid door Sanne Kok. Sanne?",
                "[10:03:00] SANNE KOK (RES Holland Rijnland): Wij hadden raadsleden uit Leiden en Katwijk.",
                "[10:06:30] GEERT BOS (voorzitter): Dank je. We gaan verder met tafel 2: jeugdzorg in "
                "de regio.",
                "[10:07:00] PIM DE GROOT (Jeugdregio): Bij ons zaten raadsleden uit Oegstgeest.",
                "[10:09:00] GEERT BOS (voorzitter): Dan sluit ik af.",
            ],
            [(1, "de energietransitie"), (2, "jeugdzorg in de regio")],
        ),
        (
            [
                "19:42 – MARIEKE JANSEN: Eerst groep één – wonen voor jongeren. Piet, jij leidde die groep.",
                "19:44 – PIET HOEKSTRA: Ja. Wij spraken met raadsleden uit Gouda.",
                "19:47 – MARIEKE JANSEN: En dan groep twee, met als thema mobiliteit, met raadsleden uit "
                "Waddinxveen, onder leiding van Els Mulder.",
                "19:48 – ELS MULDER: Het ging vooral over de bus.",
            ],
            [(1, "wonen voor jongeren"), (2, "mobiliteit")],
        ),
        (
            [
                "[14:05] Anja de Wit (dagvoorzitter): Dan de terugkoppeling. Aan tafel een, over "
                "veiligheid in de wijk, zat Hans Brouwer.",
                "[14:06] Hans Brouwer (politie): Wij hadden drie raadsleden uit Ede.",
                "[14:08] Anja de Wit (dagvoorzitter): Tafel twee, rond het thema armoede.",
                "[14:09] Kim Smit (Voedselbank): Daar zaten raadsleden uit Wageningen.",
                "[14:11] Anja de Wit (dagvoorzitter): Tot slot tafel drie: de omgevingswet.",
                "[14:12] Bart Smit (provincie): Wij hadden alleen Renkum.",
            ],
            [(1, "veiligheid in de wijk"), (2, "armoede"), (3, "de omgevingswet")],
        ),
    ],
)
def test_sessions_a_transcripts_chair_announces(turns: list[str], expected: list[tuple[int, str]]) -> None:
    assert sessions_of(_transcript(turns)) == expected


@pytest.mark.parametrize(
    "turns",
    [
        # The tables are only where people sit: no title after the number.
        [
            "[19:36] JOOST BAKKER (voorzitter): Tafel één zit hier, tafel twee in de commissiekamer.",
            "[19:37] ELLEN VOS (burgemeester): Dank je.",
            "[19:40] JOOST BAKKER (voorzitter): Tafel twee, die in de commissiekamer zat, is al terug.",
        ],
        # One announcement alone is a remark, not a series of sessions.
        [
            "[19:36] JOOST BAKKER (voorzitter): Aan tafel 1, over de begroting, werd druk gepraat.",
            "[19:37] ELLEN VOS (burgemeester): Dat klopt.",
            "[19:40] JOOST BAKKER (voorzitter): Dan sluit ik af.",
        ],
        # An interview in proper case without stamps is no transcript of turns.
        [
            "Jan de Vries: Aan tafel 1, over de begroting, werd druk gepraat.",
            "Ellen Vos: En aan tafel 2, over de jeugdzorg, ook.",
            "Jan de Vries: Dat klopt.",
        ],
        # Numbered in another order: not an announcement of the sessions one by one.
        [
            "[19:36] JOOST BAKKER (voorzitter): Eerst tafel 2, over de begroting.",
            "[19:37] ELLEN VOS (burgemeester): Ja.",
            "[19:40] JOOST BAKKER (voorzitter): Dan tafel 1, over de jeugdzorg.",
            "[19:41] ELLEN VOS (burgemeester): Ook ja.",
        ],
    ],
)
def test_other_turns_announce_no_sessions(turns: list[str]) -> None:
    assert sessions_of(_transcript(turns)) == []


def test_an_announced_session_ends_at_the_transcripts_closing_rule() -> None:
    text = _transcript(
        [
            "[10:02] GEERT BOS (voorzitter): Dan tafel 1, over de energietransitie.",
            "[10:03] SANNE KOK (RES): Wij hadden raadsleden uit Leiden.",
            "[10:06] GEERT BOS (voorzitter): Dan tafel 2, over jeugdzorg.",
            "[10:07] PIM DE GROOT (Jeugdregio): Bij ons zaten raadsleden uit Oegstgeest.",
            "-----------------------------",
            "Transcriptie vastgesteld door: Annemiek Weststrate, griffie Katwijk",
        ]
    )
    last = segment(read_txt(text.encode("utf-8"))).sessions[-1]
    assert not any("vastgesteld" in block.text for block in last.blocks)


# An infographic's text version: cards told by where they stand, each over a title label, are the
# sessions in reading order; the picture's rows between rules and its boxes of figures are not.
CARD_TEXT = """Regiodag in beeld – tekstversie

==============================
RIJ 1 – IN CIJFERS
==============================
Vak 1: 80 raadsleden
Vak 2: 5 gemeenten

==============================
RIJ 2 – DE GESPREKKEN
==============================
{first}
Titel: Water in de polder
Gespreksleider: Tom Bakker
{second}
Titel: Jongeren en de raad
Gespreksleider: Eva Smit

==============================
RIJ 3 – NAPRATEN
==============================
{third}
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kaart links (blauw) [icoon: golf]", "Kaart rechts (geel) [icoon: ballon]"),
        ("Kolom linksboven", "Kolom rechtsboven"),
        ("Tegel midden (rood):", "Tegel onder (groen):"),
    ],
)
def test_cards_of_a_picture_are_sessions(first: str, second: str) -> None:
    text = CARD_TEXT.format(first=first, second=second, third="")
    assert sessions_of(text) == [(1, "Water in de polder"), (2, "Jongeren en de raad")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # One card is no series; a card without a title label under it, a sentence about a place.
        ("Kaart links (blauw)", "Een foto van de zaal"),
        ("Kaart links (blauw)\nEen foto", "Kaart rechts (geel)\nNog een foto"),
        ("Links zat de pers", "Rechts stond de koffie"),
    ],
)
def test_other_lines_of_a_picture_are_no_sessions(first: str, second: str) -> None:
    text = CARD_TEXT.format(first=first, second=second, third="")
    assert all(title not in ("", "80 raadsleden", "IN CIJFERS") for _, title in sessions_of(text))
    assert len([s for s in sessions_of(text) if s[1] == "Jongeren en de raad"]) == 0


@pytest.mark.parametrize(
    ("third", "expected"),
    [
        ("Blauw vakje: Tom Bakker, t.bakker@ws.nl\nGeel vakje: e.smit@jongeren.nl", [1, 1]),
        ("Geel: Eva Smit, 06 - 12 34 56 78", [0, 1]),
        # A line that only opens with a colour word and no colon is text, not a keyed line.
        ("Blauw en geel waren de kleuren van de dag", [0, 0]),
    ],
)
def test_a_band_keyed_by_card_colour_joins_that_card(third: str, expected: list[int]) -> None:
    text = CARD_TEXT.format(first="Kaart links (blauw)", second="Kaart rechts (geel)", third=third)
    sessions = segment(read_txt(text.encode("utf-8"))).sessions
    assert [len(s.notes) for s in sessions] == expected
    # The rule of the next row ends the card above it: the band is no text of the last card.
    assert all("vakje" not in block.text for s in sessions for block in s.blocks)


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        (
            "Microfoontje: gespreksleider Ria Bos, adviseur bij de GGD",
            "facilitators",
            "gespreksleider Ria Bos, adviseur bij de GGD",
        ),
        ("Microfoon: Ria Bos (VNG)", "facilitators", "Ria Bos (VNG)"),
        ("Poppetjes: Goes, Veere, Vlissingen", "municipalities", "Goes, Veere, Vlissingen"),
        ("Figuurtjes: Ede en Wageningen", "municipalities", "Ede en Wageningen"),
        ("[icoon: cadeautje] Voor de raden: een handreiking", "offerings", "een handreiking"),
        (
            "[pictogram: pakketje] Wat de provincie meegeeft: een fietstelling",
            "offerings",
            "een fietstelling",
        ),
    ],
)
def test_labels_of_a_picture_text_version(line: str, kind: str, value: str) -> None:
    label = find_label(read_txt(line.encode("utf-8")).blocks[0])
    assert label is not None and (label.kind, label.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "De microfoon ging rond langs alle tafels.",
        "Poppetjes van klei stonden op tafel.",
        "[x] Voor de raden is dit nieuw",
        "[foto: de zaal] Een volle zaal in Ede",
    ],
)
def test_other_lines_with_icon_words_are_no_labels(line: str) -> None:
    assert find_label(read_txt(line.encode("utf-8")).blocks[0]) is None


# ----------------------------------------------------------------------------- boxes


def _boxes(boxes: list[list[str]], fmt: str = "pdf", after: str = "Een alinea na de kaders."):
    """A report whose ``boxes`` are one-column tables (a Word frame, a PDF's framed block)."""
    builder = DocumentBuilder(fmt)
    builder.add("heading", "Jaarverslag 2021", level=1)
    builder.add("paragraph", "Na de opening gingen de raadsleden uiteen; de gesprekken staan in de kaders.")
    for t, cells in enumerate(boxes):
        for r, cell in enumerate(cells):
            builder.add("table_cell", cell, table=(t, r, 0))
    builder.add("paragraph", after)
    return builder.build()


@pytest.mark.parametrize(
    ("heads", "titles"),
    [
        # A caption with the box's number, then the session's heading.
        (
            ["Kader 2.1 · Spoor A – Wonen in de kernen", "Kader 2.2 · Spoor B – Jeugdzorg"],
            [(1, "Wonen in de kernen"), (2, "Jeugdzorg")],
        ),
        # Other captions and separators.
        (
            ["Box 1: Werksessie 1 – Energie", "Box 2: Werksessie 2 – Mobiliteit"],
            [(1, "Energie"), (2, "Mobiliteit")],
        ),
        (
            ["Tekstkader – Tafel 3: Armoede", "Tekstkader – Tafel 4: Schulden"],
            [(3, "Armoede"), (4, "Schulden")],
        ),
        # No caption: the heading alone.
        (["Atelier C · Erfgoed", "Atelier D · Landschap"], [(3, "Erfgoed"), (4, "Landschap")]),
    ],
)
def test_a_box_headed_by_a_session_tells_it(heads: list[str], titles: list[tuple[int, str]]) -> None:
    body = [
        "Deelnemers: raadsleden uit Ede en Epe",
        "Begeleiding: Ria Bos (Raadwerk)",
        "Contact: r.bos@rw.nl",
    ]
    sessions = segment(_boxes([[head, *body] for head in heads])).sessions
    assert [(s.number, s.title) for s in sessions] == titles
    assert find_label(sessions[0].blocks[0]).kind == "municipalities"  # type: ignore[union-attr]


def test_a_session_told_in_a_box_ends_with_the_box() -> None:
    document = _boxes([["Kader 1 · Sessie 1 – Wonen", "Deelnemers: Ede"]], after="Aanwezig: Tiel en Epe")
    (session,) = segment(document).sessions
    assert [b.text for b in session.blocks] == ["Deelnemers: Ede"]


@pytest.mark.parametrize(
    ("lines", "titles"),
    [
        (
            [
                "Tafel 1 · Boer en bodem. Raadsleden uit Urk en Dronten, met Gerda Bos (Waterschap Rijn).",
                "Tafel 2 · Werk voor jongeren. Raadsleden uit Almere, met Mo El Amrani.",
            ],
            [(1, "Boer en bodem"), (2, "Werk voor jongeren")],
        ),
        (
            [
                "Sessie A: De Omgevingswet. Met de raden van Tiel en Buren.",
                "Sessie B: Het sociaal domein! Raadsleden uit Culemborg schoven aan.",
                "Sessie C: Energie. Vooral raadsleden uit Buren.",
            ],
            [(1, "De Omgevingswet"), (2, "Het sociaal domein"), (3, "Energie")],
        ),
        (
            ["Ronde 1 – Wonen. Aan tafel zaten Ede en Epe.", "Ronde 2 – Zorg. Aan tafel zat Wageningen."],
            [(1, "Wonen"), (2, "Zorg")],
        ),
    ],
)
def test_a_box_whose_lines_open_sessions_tells_one_per_line(
    lines: list[str], titles: list[tuple[int, str]]
) -> None:
    sessions = segment(_boxes([["De tafels in het kort", *lines]])).sessions
    assert [(s.number, s.title) for s in sessions] == titles
    assert sessions[0].blocks and sessions[0].blocks[0].text.startswith(("Raadsleden", "Met", "Aan"))


@pytest.mark.parametrize(
    "cells",
    [
        # A quote box: its heading is no session, nor is its line.
        ["💬 Uitspraak van de tafel", "„Een dijk houdt niet op bij de grens.” – Jan Bos, raadslid"],
        # One line opens a session: a box needs two, or a session as its heading.
        ["Uitgelicht", "Tafel 1 · Wonen. Raadsleden uit Ede.", "De zaal was vol. Iedereen deed mee."],
        # A box of contents or tips.
        ["Inhoud", "1 Inleiding", "2 De dag", "3 Vervolg"],
        ["Kader 4 · Tips voor raadsleden", "Lees de stukken. Stel vragen.", "Bel de griffie."],
    ],
)
def test_boxes_that_tell_no_session(cells: list[str]) -> None:
    assert segment(_boxes([cells])).sessions == []


@pytest.mark.parametrize(
    "closing",
    [
        "Meer weten? Wonen in de kernen: a.bos@ede.nl. Jeugdzorg: Piet Smit, 06 - 1234 5678.",
        "Vragen over de sporen? Jeugdzorg: Piet Smit, 06 - 1234 5678. Wonen in de kernen: a.bos@ede.nl",
        "Doorpraten kan! Wonen in de kernen: mail a.bos@ede.nl. Jeugdzorg: Piet Smit, 06 - 1234 5678",
    ],
)
def test_sentences_keyed_by_an_unquoted_title_join_that_session(closing: str) -> None:
    heads = ["Kader 1 · Spoor A – Wonen in de kernen", "Kader 2 · Spoor B – Jeugdzorg"]
    sessions = segment(_boxes([[h, "Deelnemers: Ede"] for h in heads], after=closing)).sessions
    notes = [[n.text for n in s.notes] for s in sessions]
    assert any("a.bos@ede.nl" in n for n in notes[0]) and all("a.bos" not in n for n in notes[1])
    assert any("Piet Smit" in n for n in notes[1]) and all("Piet Smit" not in n for n in notes[0])


@pytest.mark.parametrize(
    "closing",
    [
        # Words of a title, but not the title as written before the colon.
        "Meer weten over wonen: a.bos@ede.nl. Over jeugd: Piet Smit, 06 - 1234 5678.",
        # One colon: the line is read whole, and it opens with no title.
        "Vragen kunt u mailen naar de griffie: griffie@ede.nl.",
        "Wonen in de kernen was het drukst. Jeugdzorg: volgend jaar opnieuw, zei de griffier: misschien.",
    ],
)
def test_sentences_not_keyed_by_a_title_join_no_session(closing: str) -> None:
    heads = ["Kader 1 · Spoor A – Wonen in de kernen", "Kader 2 · Spoor B – Jeugdzorg"]
    sessions = segment(_boxes([[h, "Deelnemers: Ede"] for h in heads], after=closing)).sessions
    assert all("@" not in n.text and "Piet" not in n.text for s in sessions for n in s.notes)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("✉ Doorpraten? Ria Bos, r.bos@raadwerk.nl", "contacts"),
        ("🗣 Gespreksleiding: Ria Bos (Raadwerk)", "facilitators"),
        ("🏛️ Aan tafel: raadsleden uit Ede en Epe", "municipalities"),
        ("👩‍💼 Begeleiding: Ria Bos", "facilitators"),
        # No label after the emoji.
        ("💬 Uitspraak van de tafel", None),
        ("🎉 Wat een avond was het!", None),
        ("📍 Zaal: Zolder", None),
    ],
)
def test_a_label_may_open_with_an_emoji(line: str, kind: str | None) -> None:
    label = find_label(read_txt(line.encode("utf-8")).blocks[0])
    assert (label.kind if label else None) == kind
    if label:
        assert line[label.value_start :].startswith(("Ria", "raadsleden"))


# ----------------------------------------------------------------------------- slide hand-outs


def _hand_out(slides: list[list[str]], head: str = "Dia", notes: str = "Aantekeningen", after: str = ""):
    """A slide hand-out printed to PDF: per slide a table ``Dia N | Aantekeningen`` over the
    slide's lines in the first column (the notes column empty), the speaker's notes under it."""
    builder = DocumentBuilder("pdf")
    builder.add("paragraph", "Hand-out bij de presentatie · 3 dia's per pagina")
    for t, lines in enumerate(slides):
        builder.add("table_cell", f"{head} {t + 1}", table=(t, 0, 0))
        builder.add("table_cell", notes, table=(t, 0, 1))
        for r, line in enumerate(lines, start=1):
            builder.add("table_cell", line, table=(t, r, 0))
        if after:
            builder.add("paragraph", after)
    return builder.build()


@pytest.mark.parametrize(
    ("head", "notes", "heads"),
    [
        ("Dia", "Aantekeningen", ["Deelsessie A – Wonen", "Deelsessie B – Jeugdzorg"]),
        ("Slide", "Notes", ["Werkgroep 1: Energie", "Werkgroep 2: Mobiliteit"]),
        ("Dia", "Notities", ["Tafel 1 · Armoede", "Tafel 2 · Schulden"]),
    ],
)
def test_a_slide_about_a_session_tells_it(head: str, notes: str, heads: list[str]) -> None:
    body = ["Raden: Ede, Epe en Tiel", "Begeleiding: Ria Bos (Raadwerk)", "Voor uw raad:", "• een training"]
    slides = [["Programma", "19.30 Welkom"], *[[h, *body] for h in heads]]
    sessions = segment(_hand_out(slides, head, notes, after="Notities: Ook raadsleden uit Wijchen.")).sessions
    assert [s.number for s in sessions] == [1, 2]
    lines = sessions[0].blocks
    assert find_label(lines[1]).kind == "facilitators"  # type: ignore[union-attr]
    assert find_label(lines[2]).kind == "offerings"  # type: ignore[union-attr]
    assert (lines[3].kind, lines[3].text) == ("list_item", "een training")
    # The speaker's notes printed under the slide add to its session.
    assert lines[-1].text == "Notities: Ook raadsleden uit Wijchen."


@pytest.mark.parametrize(
    ("head", "notes"),
    [
        ("Dia", "Opmerkingen bij de cijfers"),  # a second column that is no notes column
        ("Diagram", "Aantekeningen"),  # not a slide's number
        ("Tabel 3", "Aantekeningen"),  # a numbered table, not a slide
    ],
)
def test_look_alikes_of_a_slide_stay_cells(head: str, notes: str) -> None:
    builder = DocumentBuilder("pdf")
    builder.add("table_cell", f"{head} 1" if head != "Tabel 3" else head, table=(0, 0, 0))
    builder.add("table_cell", notes, table=(0, 0, 1))
    builder.add("table_cell", "Deelsessie A – Wonen", table=(0, 1, 0))
    builder.add("table_cell", "Raden: Ede", table=(0, 2, 0))
    document = builder.build()
    assert segment(document).sessions == [] or all(b.kind == "table_cell" for b in document.blocks)
    assert _slide_lines([b for b in document.blocks if b.table]) == []


def _news_item(opening: str, sections: list[tuple[str, str]], comments: list[str] = ()) -> object:
    """A web or intranet item: a title, its opening, intertitles (Heading 2), then readers' comments."""
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raden praten over de toekomst", level=1)
    builder.add("paragraph", opening)
    for heading, text in sections:
        builder.add("heading", heading, level=2)
        builder.add("paragraph", text)
    if comments:
        builder.add("heading", "Reacties (3)", level=2)
        for line in comments:
            builder.add("paragraph", line)
    return builder.build()


_INTERTITLES = [
    ("Wonen aan de rivier", "Hier zaten raadsleden uit Tiel en Buren bij elkaar."),
    ("Zorg dichtbij", "Aan deze tafel spraken raadsleden van Culemborg over de jeugdzorg."),
    ("Werk en inkomen", "Met de raadsleden uit Zaltbommel ging het over de sociale dienst."),
    ("Hoe nu verder?", "De griffies sturen de opbrengst naar alle raden."),
]


@pytest.mark.parametrize(
    ("opening", "count"),
    [
        ("Na de opening gingen de raadsleden in drie groepen uiteen, elk rond een thema.", 3),
        ("Daarna werd er verder gepraat aan twee tafels, elk met een eigen gespreksleider.", 2),
        ("De deelnemers verdeelden zich over 3 gesprekstafels en bespraken elk een thema.", 3),
    ],
)
def test_intertitles_after_a_count_of_sessions_are_the_sessions(opening: str, count: int) -> None:
    found = segment(_news_item(opening, _INTERTITLES)).sessions
    assert [(s.number, s.title) for s in found] == [
        (i, t) for i, (t, _) in enumerate(_INTERTITLES[:count], 1)
    ]


@pytest.mark.parametrize(
    "opening",
    [
        # No count of sessions: the intertitles are the article's structure.
        "Na de opening werd er lang en levendig gepraat over de toekomst van de regio.",
        # A count of people, not of sessions.
        "Ruim vijftig raadsleden uit drie gemeenten kwamen naar het gemeentehuis.",
        # More sessions counted than intertitles before the comments.
        "Daarna gingen de raadsleden in zes groepen uiteen, elk rond een eigen thema.",
    ],
)
def test_intertitles_without_a_count_of_sessions_are_no_sessions(opening: str) -> None:
    assert segment(_news_item(opening, _INTERTITLES)).sessions == []


def test_intertitles_with_nobody_at_the_table_are_no_sessions() -> None:
    sections = [("Wonen", "Het ging over huizen."), ("Zorg", "Raadsleden uit Tiel spraken.")]
    opening = "Na de opening gingen de raadsleden in twee groepen uiteen, elk rond een thema."
    assert segment(_news_item(opening, sections)).sessions == []


_OPENING = "Na de opening gingen de raadsleden in drie groepen uiteen, elk rond een thema."


@pytest.mark.parametrize(
    ("comment", "title"),
    [
        ("Aanvulling: aan de tafel over de rivier schoof ook een raadslid uit Neerijnen aan.", None),
        ("Bij het gesprek over Zorg dichtbij was ook een raadslid uit Maasdriel.", "Zorg dichtbij"),
        (
            "Kleine correctie: in de groep over Werk en inkomen zat ook iemand uit Lingewaard.",
            "Werk en inkomen",
        ),
        ("Goed verslag! Wij zijn er klaar voor, in de tafel van Wonen ook.", "Wonen aan de rivier"),
    ],
)
def test_a_comment_naming_a_session_by_its_titles_words_is_about_it(comment: str, title: str | None) -> None:
    document = _news_item(_OPENING, _INTERTITLES, ["Piet Jansen · griffie · 3 maart 2021 om 10:05", comment])
    found = segment(document).sessions
    assert len(found) == 3
    assert [s.title for s in found if any(b.text == comment for b in s.mentioned)] == (
        [title] if title else []
    )
    # Every session hears the comment with its author, for a leader's own correction.
    assert all(s.comments == [("Piet Jansen", s.comments[0][1])] for s in found)


def test_comments_open_no_session_and_end_the_article() -> None:
    comments = ["Anna de Wit · 4 maart 2021", "Zorg dichtbij", "Met raadsleden uit Tiel, een goed gesprek."]
    found = segment(_news_item(_OPENING, _INTERTITLES, comments)).sessions
    assert [s.title for s in found] == [t for t, _ in _INTERTITLES[:3]]
    assert all("Anna de Wit" not in b.text for s in found for b in s.blocks)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Over de tafel in Tiel: Jan Smit, j.smit@tiel.nl.", "Wonen in Tiel"),
        ("Vragen over Buren en Culemborg: mail naar griffie@buren.nl.", "Buren en Culemborg: samen verder"),
        ("Voor het gesprek over Zaltbommel: bel 0418 68 11 00.", "Zaltbommel kiest"),
    ],
)
def test_a_line_keyed_by_a_titles_words_joins_that_session(line: str, title: str) -> None:
    titles = ["Wonen in Tiel", "Buren en Culemborg: samen verder", "Zaltbommel kiest"]
    sections = [
        (t, f"Raadsleden uit {place} spraken.")
        for t, place in zip(titles, ["Tiel", "Buren", "Zaltbommel"], strict=True)
    ]
    opening = "Na de opening gingen de raadsleden in drie groepen uiteen, elk rond een thema."
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raden praten", level=1)
    builder.add("paragraph", opening)
    for heading, text in sections:
        builder.add("heading", heading, level=2)
        builder.add("paragraph", text)
    builder.add("heading", "Meer weten?", level=2)
    builder.add("paragraph", f"Meer weten? {line} Andere vragen: bel de griffie.")
    found = {s.title: s for s in segment(builder.build()).sessions}
    assert [s.title for s in found.values() if any(line.rstrip(".") in n.text for n in s.notes)] == [title]


@pytest.mark.parametrize(
    "line",
    [
        # Words in no title, or in two.
        "Over de tafel in Ede: Jan Smit, j.smit@ede.nl.",
        "Over Tiel en Zaltbommel: mail naar griffie@tiel.nl.",
        # Not after the lead: a plain label.
        "Telefoon Tiel: 0344 63 71 11.",
    ],
)
def test_a_line_keyed_by_no_titles_words_joins_no_session(line: str) -> None:
    titles = ["Wonen in Tiel", "Buren en Culemborg: samen verder", "Zaltbommel kiest"]
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raden praten", level=1)
    builder.add("paragraph", "Na de opening gingen de raadsleden in drie groepen uiteen, elk rond een thema.")
    for t, place in zip(titles, ["Tiel", "Buren", "Zaltbommel"], strict=True):
        builder.add("heading", t, level=2)
        builder.add("paragraph", f"Raadsleden uit {place} spraken.")
    builder.add("heading", "Meer weten?", level=2)
    builder.add("paragraph", f"Meer weten? {line} Andere vragen: bel de griffie.")
    assert all(not s.notes for s in segment(builder.build()).sessions)
