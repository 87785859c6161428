"""Segmentation: which blocks open a session, and which numbered lists do not."""

from __future__ import annotations

import pytest

from pipeline.ingest.txt import read_txt
from pipeline.model import Block
from pipeline.segment import find_label, numbered_title, plain, segment, table_title


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
