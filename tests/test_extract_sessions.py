"""Sessions' parts read from their text: offerings written as lists in a sentence, contacts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.extract import sessions as session_rules
from pipeline.extract.sessions import enumeration
from pipeline.ingest import read_document
from pipeline.ingest.txt import read_txt
from pipeline.model import DocumentBuilder


def sessions_of(body: str) -> list[dict[str, Any]]:
    text = f"Verslag van de regiodag\n\nSessie 1: Wijkraden\nGemeenten: Oss, Vught\n\n{body}\n"
    return extract(read_txt(text.encode("utf-8")))["sessions"]


@pytest.mark.parametrize(
    ("sentence", "offerings"),
    [
        (
            "De provincie biedt de raden: a) een cursus voorzitten, b) een spel en c) een podcast.",
            ["een cursus voorzitten", "een spel", "een podcast"],
        ),
        (
            "Het was nuttig. Het kenniscentrum kan gemeenten ondersteunen met: (1) een quickscan, en (2) "
            "twee dagdelen advies. Daarna was er koffie.",
            ["een quickscan", "twee dagdelen advies"],
        ),
        (
            "Voor deze sessie stelt de VNG beschikbaar: 1) een handreiking; 2) een training voor griffies",
            ["een handreiking", "een training voor griffies"],
        ),
        (
            "Er is een vervolgaanbod: a) een excursie naar Assen en b) een terugkomdag.",
            ["een excursie naar Assen", "een terugkomdag"],
        ),
        # Counted in Roman numerals.
        (
            "Het expertisecentrum biedt de raden aan: (i) een leesclub; (ii) een spreekuur; (iii) een gids.",
            ["een leesclub", "een spreekuur", "een gids"],
        ),
    ],
)
def test_a_list_in_a_sentence_about_offering_holds_offerings(sentence: str, offerings: list[str]) -> None:
    assert sessions_of(sentence)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "sentence",
    [
        # A list in a sentence that is not about offering: questions, findings, a plan.
        "De deelnemers bespraken: a) de rol van de raad, b) de planning en c) het budget.",
        "Twee vragen bleven over: (1) wie betaalt, en (2) wie beslist.",
        # One item is no list; letters out of order are no markers.
        "De provincie biedt: a) een cursus.",
        "De provincie biedt de raden b) een cursus en a) een spel.",
        "De provincie biedt de raden (ii) een cursus en (i) een spel.",
    ],
)
def test_other_lists_in_sentences_are_no_offerings(sentence: str) -> None:
    assert sessions_of(sentence)[0]["offerings"] == []


@pytest.mark.parametrize(
    ("label", "offerings"),
    [
        ("Beschikbaar via de regio:\n- Een cursus\n- Een spel", ["Een cursus", "Een spel"]),
        ("Mee te nemen naar de eigen raad:\n- Een spel", ["Een spel"]),
        ("Voor wie meer wil:\n- Een cursus", ["Een cursus"]),
        (
            "Het netwerk stelt hiervoor beschikbaar: a) een cursus, en b) een spel.",
            ["een cursus", "een spel"],
        ),
        ("Vervolgaanbod: een cursus; een spel", ["een cursus", "een spel"]),
        ("Op aanvraag bij de provincie:\n- Een cursus", ["Een cursus"]),
        # A body's promise on a line of its own, also in a report's numbered paragraph.
        (
            "Het waterschap heeft de raden toegezegd:\n- Een excursie\n- Een spel",
            ["Een excursie", "Een spel"],
        ),
        ("4.2 De VNG heeft alle deelnemers toegezegd:\n- Een handreiking", ["Een handreiking"]),
    ],
)
def test_labels_of_what_participants_can_take_up(label: str, offerings: list[str]) -> None:
    assert sessions_of(label)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "line",
    [
        "Mee te nemen: een laptop",
        "De zaal was niet beschikbaar, dus we weken uit.",
        "Voor wie het wil weten.",
        # A promise told in a sentence, or one with its content after the colon's sentence.
        "De wethouder heeft toegezegd dat de raad een brief krijgt.",
        "Wat heeft de provincie toegezegd: niets, zei de gedeputeerde.",
    ],
)
def test_other_lines_with_those_words_hold_no_offerings(line: str) -> None:
    assert sessions_of(line)[0]["offerings"] == []


def test_enumeration_spans() -> None:
    text = "Aanbod: a) een spel, b) een cursus en c) een gesprek. Verder niets."
    found = enumeration(text)
    assert found is not None
    assert [text[lo:hi] for lo, hi in found[1]] == ["een spel", "een cursus", "een gesprek"]


def test_a_contact_line_about_this_session_stays_in_it() -> None:
    body = (
        "Aanbod:\n- Een spel\n\nVragen over deze werkgroep: Nina Kok, n.kok@raadwerk.nl\n\n"
        "Meer over het programma: info@raadwerk.nl\n"
    )
    contacts = sessions_of(body)[0]["contacts"]
    assert [c["email"] for c in contacts] == ["n.kok@raadwerk.nl"]


def _built(
    rows: list[list[str]], after: list[tuple[str, str]] | None = None, word: str = "Les"
) -> dict[str, Any]:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag van de leergang", level=1)
    for number, (title, text) in enumerate([("Het budget", "Tiel sprak."), ("De planning", "Ede sprak.")], 1):
        builder.add("heading", f"{word} {number}: {title}", level=2)
        builder.add("paragraph", "Trainer: Jan Pool (Raadwerk)")
        builder.add("paragraph", text)
    builder.add("heading", "Wie deed mee", level=2)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    for kind, text in after or []:
        builder.add(kind, text)  # type: ignore[arg-type]
    return extract(builder.build())


def municipalities_per_session(doc: dict[str, Any]) -> list[list[str]]:
    return [sorted(m["name"] for m in s["municipalities"]) for s in doc["sessions"]]


@pytest.mark.parametrize(
    ("header", "mark"),
    [
        (["Gemeente", "Les 1", "Les 2"], "x"),
        (["Gemeenten", "L1", "L2"], "✓"),
        (["Gemeente", "Dag 1", "Dag 2"], "X"),
    ],
)
def test_an_attendance_matrix_gives_each_session_its_municipalities(header: list[str], mark: str) -> None:
    rows = [header, ["Gem. Buren", mark, ""], ["Zaltbommel", mark, mark], ["Hengelo (Ov.)", "", mark]]
    assert municipalities_per_session(_built(rows)) == [
        ["Buren", "Tiel", "Zaltbommel"],
        ["Ede", "Hengelo (O.)", "Zaltbommel"],
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # Columns that do not number the sessions from one, or a table of something else.
        [["Gemeente", "2019", "2020"], ["Buren", "x", "x"]],
        [["Gemeente", "Inwoners", "Raadsleden"], ["Buren", "x", "x"]],
        [["Onderwerp", "Les 1", "Les 2"], ["Buren", "x", "x"]],
        # Cells that are not marks.
        [["Gemeente", "Les 1", "Les 2"], ["Buren", "12", "nee"]],
    ],
)
def test_other_tables_add_no_session_municipalities(rows: list[list[str]]) -> None:
    assert municipalities_per_session(_built(rows)) == [["Tiel"], ["Ede"]]


@pytest.mark.parametrize(
    "rows",
    [
        # Members counted per council and session: above 0 took part, 0 or a dash did not; a
        # column and a row that add up the others are no session and no council.
        [
            ["Gemeente", "Les 1", "Les 2", "Totaal"],
            ["Buren", "3", "0", "3"],
            ["Zaltbommel", "1", "2", "3"],
            ["Hengelo (Ov.)", "0", "4", "4"],
            ["Totaal", "4", "6", "10"],
        ],
        [
            ["Gemeenten", "Les 1", "Les 2"],
            ["Buren", "2", "–"],
            ["Zaltbommel", "5", "1"],
            ["Hengelo (Ov.)", "–", "1"],
            ["Amersfoort", "–", "–"],
        ],
        [
            ["Gemeente", "L1", "L2", "Samen"],
            ["Gem. Buren", "12", ""],
            ["Zaltbommel", "1", "1", "2"],
            ["Hengelo (Ov.)", "", "7", "7"],
        ],
    ],
)
def test_a_count_matrix_gives_each_session_the_councils_counted_there(rows: list[list[str]]) -> None:
    assert municipalities_per_session(_built(rows)) == [
        ["Buren", "Tiel", "Zaltbommel"],
        ["Ede", "Hengelo (O.)", "Zaltbommel"],
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # All counts 0; a count among words; a total column that is not the last; years, not sessions.
        [["Gemeente", "Les 1", "Les 2"], ["Buren", "0", "0"], ["Zaltbommel", "–", "0"]],
        [["Gemeente", "Les 1", "Les 2"], ["Buren", "3", "afgemeld"], ["Zaltbommel", "ja, 2", "0"]],
        [["Gemeente", "Totaal", "Les 1", "Les 2"], ["Buren", "3", "1", "2"]],
        [["Gemeente", "2019", "2020", "Totaal"], ["Buren", "3", "1", "4"]],
    ],
)
def test_tables_of_other_numbers_add_no_session_municipalities(rows: list[list[str]]) -> None:
    assert municipalities_per_session(_built(rows)) == [["Tiel"], ["Ede"]]


def _letter(
    lead_in: str,
    items: list[str],
    after: str = "Met vriendelijke groet,",
    table: list[list[str]] | None = None,
) -> list[dict[str, Any]]:
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Terugblik op de regiodag")
    builder.add("paragraph", "Geachte leden van de raden,")
    builder.add(
        "paragraph",
        "Werkgroep 1, ‘Geld en grip’, werd begeleid door Ria Bos van Raadwerk. De raadsleden uit Ede "
        "wilden weten hoe zij de begroting beter kunnen lezen en wanneer zij moeten bijsturen.",
    )
    builder.add(
        "paragraph",
        "Werkgroep 2, ‘Wonen in de kern’, stond onder leiding van Piet Kok. De raadsleden uit Tiel "
        "bespraken de sluiting van de school en wat het dorp zelf kan regelen.",
    )
    builder.add("paragraph", lead_in)
    for item in items:
        builder.add("list_item", item)
    builder.add("paragraph", after)
    for r, row in enumerate(table or []):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    "lead_in",
    [
        "Uit de werkgroepen is het volgende aanbod gekomen. U kunt het aanvragen bij de griffie:",
        "Wat wij de raden in 2024 aanbieden:",
        "Wij ondersteunen uw raad graag met:",
    ],
)
def test_a_list_keyed_by_werkgroep_under_an_offering_lead_in_gives_that_session_offerings(
    lead_in: str,
) -> None:
    items = [
        "werkgroep 1: een training begroting lezen",
        "werkgroep 2: een dorpenscan",
        "Werkgroep 2: een excursie",
    ]
    sessions = _letter(lead_in, items, after="Daarna volgt een evaluatie in het voorjaar.")
    assert [(s["number"], s["title"]) for s in sessions] == [(1, "Geld en grip"), (2, "Wonen in de kern")]
    assert [s["offerings"] for s in sessions] == [
        ["een training begroting lezen"],
        ["een dorpenscan", "een excursie"],
    ]


@pytest.mark.parametrize(
    "lead_in",
    [
        "Wie zat waar?",
        "De deelnemers per werkgroep:",
        "Hieronder ziet u welke raden aan welke werkgroep deelnamen.",
    ],
)
def test_a_keyed_list_under_another_lead_in_gives_no_offerings(lead_in: str) -> None:
    sessions = _letter(lead_in, ["werkgroep 1: Epe en Heerde", "werkgroep 2: Buren"])
    assert len(sessions) == 2
    assert [s["offerings"] for s in sessions] == [[], []]
    assert sorted(m["name"] for m in sessions[0]["municipalities"] if m["name"] != "Ede") == ["Epe", "Heerde"]


def test_an_appendix_naming_a_session_again_gives_it_municipalities() -> None:
    after = [
        ("heading", "Bijlage: deelnemers per les"),
        ("paragraph", "Les 2"),
        ("list_item", "Ria Bos – raadslid – Buren"),
        ("list_item", "Kees Mol – griffier – Zaltbommel"),
        ("paragraph", "Les 1"),
        ("list_item", "Els Dam – wethouder – Culemborg"),
    ]
    doc = _built([["Naam", "Functie"], ["Ria Bos", "raadslid"]], after)
    assert municipalities_per_session(doc) == [["Culemborg", "Tiel"], ["Buren", "Ede", "Zaltbommel"]]


def test_a_number_alone_in_an_appendix_is_no_reference() -> None:
    after = [("heading", "Bijlage"), ("paragraph", "Stap 2"), ("list_item", "Bel met Buren")]
    doc = _built([["Naam", "Functie"], ["Ria Bos", "raadslid"]], after)
    assert municipalities_per_session(doc) == [["Tiel"], ["Ede"]]


@pytest.mark.parametrize(
    ("body", "facilitator"),
    [
        (
            "Het gesprek stond onder leiding van Karin Smit, adviseur bij Raadwerk.",
            ("Karin Smit", "Raadwerk"),
        ),
        (
            "Onder leiding van Joris Palm (Stichting Buurtkracht) spraken de raden over geld.",
            ("Joris Palm", "Stichting Buurtkracht"),
        ),
        (
            "De ronde werd begeleid door dr. Ellen Voss van ProDemos. Daarna koffie.",
            ("Ellen Voss", "ProDemos"),
        ),
        ("Dit gesprek werd geleid door Bas Ooms, zelfstandig trainer.", ("Bas Ooms", None)),
        ("Wethouder Els Dam leidde Karin Smit rond.", None),
        ("Het gesprek stond onder begeleiding van Noor Aydin (Raadwerk).", ("Noor Aydin", "Raadwerk")),
        ("De gespreksleider was Bas Ooms van ProDemos. Er werd veel gepraat.", ("Bas Ooms", "ProDemos")),
        (
            "Raden uit Ede en Epe schoven aan, met als gespreksleider Joris Palm (Stichting Buurtkracht).",
            ("Joris Palm", "Stichting Buurtkracht"),
        ),
        ("Met als moderator mr. Noor Aydin van Raadwerk ging het snel.", ("Noor Aydin", "Raadwerk")),
        # A form of address before the name: "mevrouw drs.", "de heer".
        (
            "Het gesprek werd voorgezeten door mevrouw dr. Ellen Voss, adviseur bij ProDemos.",
            ("Ellen Voss", "ProDemos"),
        ),
        ("De ronde werd geleid door de heer Bas Ooms (Raadwerk).", ("Bas Ooms", "Raadwerk")),
    ],
)
def test_a_facilitator_named_in_the_sessions_prose(
    body: str, facilitator: tuple[str, str | None] | None
) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(body)[0]["facilitators"]]
    assert found == ([facilitator] if facilitator else [])


@pytest.mark.parametrize(
    "body",
    [
        # Leading in prose without a name after it, or a name that is not right after the phrase.
        "Het gesprek stond onder leiding van de voorzitter van de raad.",
        "Het stond onder leiding van een ervaren gespreksleider; Karin Smit en Bas Ooms spraken.",
        "Het college wordt geleid door de burgemeester.",
        "De gespreksleider was ziek, dus Karin Smit nam het over.",
        "Met als doel Karin Smit te bedanken kwamen ze bijeen.",
        "Met als gespreksleider een oud-wethouder, Bas Ooms keek toe.",
    ],
)
def test_no_facilitator_from_prose_without_a_name_right_after(body: str) -> None:
    assert sessions_of(body)[0]["facilitators"] == []


@pytest.mark.parametrize(
    "body",
    [
        "De tafel werd voorgezeten door de heer Bas Ooms en mevrouw Noor Aydin, beiden verbonden aan "
        "de Raadwerk.",
        "Het gesprek werd geleid door Bas Ooms en Noor Aydin, allebei werkzaam bij Raadwerk. Daarna koffie.",
    ],
)
def test_two_facilitators_share_the_body_both_work_for(body: str) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(body)[0]["facilitators"]]
    assert found == [("Bas Ooms", "Raadwerk"), ("Noor Aydin", "Raadwerk")]


def test_a_labelled_facilitator_wins_over_prose() -> None:
    body = "Begeleiding: Bas Ooms (VNG)\n\nHet gesprek stond onder leiding van Karin Smit."
    assert [p["name"] for p in sessions_of(body)[0]["facilitators"]] == ["Bas Ooms"]


PROSE_SESSIONS = (
    "Verslag van de jongerendag\n\nDe dag begon met een lunch.\n\n"
    "De eerste groep, ‘Stemrecht voor iedereen’, stond onder leiding van Noor Aydin van ProDemos. "
    "Jongeren uit Tiel deden mee.\n\n"
    "De tweede groep (“Een raad voor jongeren”) werd begeleid door Bas Ooms (Provincie Gelderland). "
    "Jongeren uit Buren en Culemborg vertelden. Vragen? Mail Bas: b.ooms@gelderland.nl.\n\n"
    "De burgemeester van Zaltbommel sloot de dag af.\n"
)


def test_sessions_told_in_prose() -> None:
    sessions = extract(read_txt(PROSE_SESSIONS.encode("utf-8")))["sessions"]
    assert [(s["number"], s["title"]) for s in sessions] == [
        (1, "Stemrecht voor iedereen"),
        (2, "Een raad voor jongeren"),
    ]
    assert [sorted(m["name"] for m in s["municipalities"]) for s in sessions] == [
        ["Tiel"],
        ["Buren", "Culemborg"],
    ]
    assert [[(p["name"], p["organisation"]) for p in s["facilitators"]] for s in sessions] == [
        [("Noor Aydin", "ProDemos")],
        [("Bas Ooms", "Provincie Gelderland")],
    ]
    # A first name alone beside an address is the session's facilitator of that name.
    assert sessions[1]["contacts"] == [{"name": "Bas Ooms", "email": "b.ooms@gelderland.nl", "phone": None}]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("In de eerste ronde, ‘Geld’, sprak Tiel.", "In de tweede ronde, ‘Tijd’, sprak Buren."),
        (
            "Tijdens de eerste excursie (“Wijkraden”) keek Ede rond.",
            "Tijdens de tweede excursie (“Dorpen”) Epe.",
        ),
        ("Het eerste atelier: 'Loting' met Oss.", "Het tweede atelier: 'Jongeren' met Uden."),
    ],
)
def test_sessions_told_in_prose_in_other_wordings(first: str, second: str) -> None:
    text = f"Verslag van de dag\n\nDe dag begon met koffie.\n\n{first}\n\n{second}\n"
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    assert [s["number"] for s in sessions] == [1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "Verslag\n\nDe eerste groep, ‘Stemrecht’, was groot.\n",
        "Verslag\n\nDe eerste groep, ‘Stemrecht’, was groot.\n\nDe derde groep, ‘Geld’, was klein.\n",
        "Verslag\n\nDe eerste keer, ‘toen’, was anders.\n\nDe tweede keer, ‘nu’, ook.\n",
    ],
)
def test_no_prose_sessions_without_a_series_of_groups(text: str) -> None:
    assert extract(read_txt(text.encode("utf-8")))["sessions"] == []


def test_an_attendance_matrix_headed_by_session_titles() -> None:
    rows = [["Gemeente", "Het budget", "De planning"], ["Buren", "x", ""], ["Zaltbommel", "", "x"]]
    doc = _built(rows, word="Workshop")
    assert municipalities_per_session(doc) == [["Buren", "Tiel"], ["Ede", "Zaltbommel"]]


def test_a_matrix_whose_columns_are_not_all_sessions_adds_nothing() -> None:
    rows = [["Gemeente", "Het budget", "Inwoners"], ["Buren", "x", "x"]]
    assert municipalities_per_session(_built(rows, word="Workshop")) == [["Tiel"], ["Ede"]]


def test_a_session_table_with_its_fields_as_rows() -> None:
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Terugblik op de gesprekstafels")
    rows = [
        ["Gesprekstafel 1", "Raad en jeugd"],
        ["Wie waren er?", "Ede, Epe"],
        ["Gastvrouw", "Ria Bos (Raadwerk)"],
        ["Napraten met", "Ria Bos, r.bos@raadwerk.nl"],
        ["Om mee te nemen", "Een handreiking voor fracties"],
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    session = extract(builder.build())["sessions"][0]
    assert (session["number"], session["title"]) == (1, "Raad en jeugd")
    assert [m["name"] for m in session["municipalities"]] == ["Ede", "Epe"]
    assert [(p["name"], p["organisation"]) for p in session["facilitators"]] == [("Ria Bos", "Raadwerk")]
    assert session["contacts"][0]["email"] == "r.bos@raadwerk.nl"
    assert session["offerings"] == ["Een handreiking voor fracties"]


# ----------------------------------------------------------------------------- corpus6 layouts


def _txt(text: str) -> list[dict[str, Any]]:
    return extract(read_txt(text.encode("utf-8")))["sessions"]


def _brief(sessions: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            s["number"],
            s["title"],
            [m["name"] for m in s["municipalities"]],
            [(f["name"], f["organisation"]) for f in s["facilitators"]],
            s["offerings"],
        )
        for s in sessions
    ]


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Carrousel ronde 2 - Wie betaalt de sporthal?", 2, "Wie betaalt de sporthal?"),
        ("Middag sessie 3: Samen begroten", 3, "Samen begroten"),
        ("Estafette ronde 1 – Inspreken", 1, "Inspreken"),
    ],
)
def test_a_word_qualifying_a_numbered_keyword(line: str, number: int, title: str) -> None:
    text = f"Verslag\n\n{line}\nDeelnemers: Epe (4), Heerde (2)\nAan het roer: Dirk Haan (ProDemos)\n"
    text += "Wat we meenamen: een stappenplan voor inspraak.\n"
    assert _brief(_txt(text)) == [
        (number, title, ["Epe", "Heerde"], [("Dirk Haan", "ProDemos")], ["een stappenplan voor inspraak."])
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Zaterdag: de carrousel draaide drie rondes",
        "Carrousel ronde met drie groepen",
        "De ronde 2 was kort.",
    ],
)
def test_no_session_from_a_word_before_a_keyword_without_a_number(line: str) -> None:
    assert _txt(f"Verslag\n\n{line}\nEr waren veel jongeren uit Epe.\n") == []


WORKSHOP_ROUNDS = """Terugblik

=== Ronde 1 (10.00 uur) ===

1A  Integriteit in de raad
Griffies uit: Oss, Uden
Workshopleider: Mila Verbeek (ProDemos)

1B  De begroting lezen
Griffies uit: Boxtel

=== Ronde 2 (13.00 uur) ===

2A  Inwonerspanels
Griffies uit: Vught
"""


def test_workshops_coded_by_round_and_letter_are_numbered_in_order() -> None:
    assert [(s["number"], s["title"]) for s in _txt(WORKSHOP_ROUNDS)] == [
        (1, "Integriteit in de raad"),
        (2, "De begroting lezen"),
        (3, "Inwonerspanels"),
    ]


@pytest.mark.parametrize(
    "codes",
    [("1B", "1A"), ("1A", "3A"), ("1A",)],
)
def test_codes_out_of_order_or_alone_are_no_series(codes: tuple[str, ...]) -> None:
    text = "Verslag\n\n" + "".join(f"{code}  Een titel hier\nHet ging over Oss.\n\n" for code in codes)
    assert _txt(text) == []


def _headings(titles: list[str], body: list[str]) -> list[dict[str, Any]]:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raadsavond", level=1)
    for title in titles:
        builder.add("heading", title, level=2)
        for line in body:
            builder.add("paragraph", line)
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("20.15 uur · Zaal Rijn · Wie betaalt de buslijn?", "Wie betaalt de buslijn?"),
        ("9:30 | Kamer 4 | Samen begroten", "Samen begroten"),
        ("Samen begroten · 14.00 uur", "Samen begroten"),
    ],
)
def test_a_schedule_heading_gives_its_title_without_time_or_room(heading: str, title: str) -> None:
    body = [
        "Met: raadsleden uit Oss en Uden",
        "Door: Lies Kuiper (Raadwerk)",
        "Navragen: l.kuiper@raadwerk.nl",
    ]
    sessions = _headings([heading, heading], body)
    assert [(s["number"], s["title"]) for s in sessions] == [(1, title), (2, title)]
    assert sessions[0]["contacts"][0]["email"] == "l.kuiper@raadwerk.nl"


@pytest.mark.parametrize(
    "body",
    [
        ["Inloop met koffie."],  # a programme of the evening: nothing proves a session
        ["Met: dank aan de gastheer in Oss."],  # "Met:" without a group of participants
    ],
)
def test_schedule_headings_without_participants_are_no_sessions(body: list[str]) -> None:
    assert _headings(["19.00 uur · Zaal Maas · Ontvangst", "19.30 uur · Zaal Maas · Opening"], body) == []


def _paragraphs(lines: list[str], terms_as: str = "paragraph") -> list[dict[str, Any]]:
    """The lines as paragraphs; those starting with "Leernetwerk " as ``terms_as`` blocks."""
    builder = DocumentBuilder("docx")
    builder.add("paragraph", "Leernetwerken in de regio")
    for line in lines:
        if line.startswith("Leernetwerk ") and terms_as == "heading":
            builder.add("heading", line, level=4)
        else:
            builder.add("paragraph", line)
    return extract(builder.build())["sessions"]


# Word's bold paragraphs come out of a PDF export as bold lines, read as headings.
@pytest.mark.parametrize("terms_as", ["paragraph", "heading"])
def test_terms_sharing_a_word_above_dash_labels_are_sessions(terms_as: str) -> None:
    lines = [
        "Leernetwerk Vallei",
        "Deelnemende raden – Ede, Barneveld en Wageningen",
        "Netwerktrekker – Sanne Mol (Raadwerk)",
        "Wat de raden ermee kunnen – een model voor een motielijst",
        "Contact – s.mol@raadwerk.nl",
        "Leernetwerk Betuwe",
        "Deelnemende raden – Tiel, Buren",
        "Contact – Sanne Mol, 0318 - 12 34 56",
        "Wat nu?",
        "De netwerken gaan door in Arnhem.",
    ]
    assert _brief(_paragraphs(lines, terms_as)) == [
        (
            1,
            "Vallei",
            ["Ede", "Barneveld", "Wageningen"],
            [("Sanne Mol", "Raadwerk")],
            ["een model voor een motielijst"],
        ),
        (2, "Betuwe", ["Tiel", "Buren"], [], []),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # One term alone is a heading above a label, not a series.
        ["Leernetwerk Vallei", "Deelnemende raden – Ede, Barneveld"],
        # Terms sharing a word, but no label right under them.
        ["Leernetwerk Vallei", "Ede en Barneveld deden mee.", "Leernetwerk Betuwe", "Tiel deed mee."],
        # A hyphen is no label separator.
        ["Leernetwerk Vallei", "Deelnemende raden - Ede", "Leernetwerk Betuwe", "Deelnemende raden - Tiel"],
    ],
)
def test_no_term_sessions_without_a_series_of_proven_terms(lines: list[str]) -> None:
    assert _paragraphs(lines) == []


def _table(rows: list[list[str]], after: list[tuple[str, str, int | None]]) -> list[dict[str, Any]]:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag themadag", level=1)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    for kind, text, level in after:
        builder.add(kind, text, level=level)  # type: ignore[arg-type]
    return extract(builder.build())["sessions"]


def test_a_who_column_holds_leaders_and_participants() -> None:
    rows = [
        ["Onderdeel", "Wie"],
        ["Themasessie 1 – Wonen", "Bram Eck (Raadwerk), met raadsleden uit Oss en Uden"],
        ["Themasessie 2 – Zorg", "Iris Dam, onderzoeker bij Avans, met raadsleden uit Boxtel"],
    ]
    after = [
        ("heading", "Uit themasessie 2", 3),
        ("paragraph", "Het aanbod van Avans voor de raden: een scan van de zorgkosten.", None),
        ("paragraph", "Contact: Iris Dam, i.dam@avans.nl", None),
    ]
    assert _brief(_table(rows, after)) == [
        (1, "Wonen", ["Oss", "Uden"], [("Bram Eck", "Raadwerk")], []),
        (2, "Zorg", ["Boxtel"], [("Iris Dam", "Avans")], ["een scan van de zorgkosten."]),
    ]


@pytest.mark.parametrize(
    "labels",
    [
        ["Voor raadsleden uit", "Aan tafel met", "Je gaat naar huis met", "Vragen vooraf?"],
        ["Raden van", "In gesprek met", "Mee naar huis", "Vragen na afloop"],
    ],
)
def test_sessions_as_columns_of_a_flyers_table(labels: list[str]) -> None:
    rows = [
        ["", "Tafel A", "Tafel B"],
        ["Thema", "Wonen in de regio", "Jeugdzorg"],
        [labels[0], "Oss, Uden", "Boxtel"],
        [labels[1], "Bram Eck (Raadwerk)", "Iris Dam (Avans)"],
        [labels[2], "een woningkaart", "een scan van de zorgkosten"],
        [labels[3], "Bram: b.eck@raadwerk.nl", "zorg@avans.nl"],
    ]
    sessions = _table(rows, [])
    assert _brief(sessions) == [
        (1, "Wonen in de regio", ["Oss", "Uden"], [("Bram Eck", "Raadwerk")], ["een woningkaart"]),
        (2, "Jeugdzorg", ["Boxtel"], [("Iris Dam", "Avans")], ["een scan van de zorgkosten"]),
    ]
    assert [[c["email"] for c in s["contacts"]] for s in sessions] == [
        ["b.eck@raadwerk.nl"],
        ["zorg@avans.nl"],
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Ria Bos, Waterschap Rivierenland", [("Ria Bos", "Waterschap Rivierenland")]),
        ("drs. Ria Bos, Stichting Present Utrecht", [("Ria Bos", "Stichting Present Utrecht")]),
        # Two names after each other are two people, not a person and a body.
        ("Ria Bos, Karel Smit", [("Ria Bos", None), ("Karel Smit", None)]),
    ],
)
def test_a_body_named_by_its_shape_after_a_facilitators_comma(cell: str, expected: list[Any]) -> None:
    rows = [
        ["Sessie", "Gemeenten", "Begeleiding"],
        ["Sessie 1: Water", "Tiel", cell],
        ["Sessie 2: Dijk", "Buren", "Jan Eik"],
    ]
    assert _brief(_table(rows, []))[0][3] == expected


def _report_with_chapters(intro: str, key_header: str, keys: list[str]) -> list[dict[str, Any]]:
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Verslag kennisavond", level=1)
    builder.add("heading", "1 Opzet", level=2)
    builder.add("paragraph", intro)
    builder.add("heading", "2 De twee workshops", level=2)
    builder.add("heading", "2.1 Toezicht op de GR", level=3)
    builder.add("paragraph", "Raadsleden uit Venlo en Weert wisselden ervaringen uit.")
    builder.add("heading", "2.2 Energie", level=3)
    builder.add("paragraph", "Hier spraken raadsleden van Stein over de warmtevisie.")
    builder.add("heading", "Bijlage", level=2)
    for column, text in enumerate([key_header, "Contactpersoon", "E-mail"]):
        builder.add("table_cell", text, table=(0, 0, column))
    for row, (key, person, mail) in enumerate(
        zip(keys, ["Anna de Wit", "Bram Eck"], ["a.dewit@vng.nl", "b.eck@raadwerk.nl"], strict=True), start=1
    ):
        for column, text in enumerate([key, person, mail]):
            builder.add("table_cell", text, table=(0, row, column))
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    "intro",
    [
        "Elke workshop had een gespreksleider: Anna de Wit, adviseur bij VNG (2.1), en Bram Eck (Raadwerk)"
        " (2.2). Daarna was er soep.",
        "De workshops werden begeleid door: Anna de Wit, adviseur VNG (2.1) en Bram Eck (Raadwerk) (2.2).",
    ],
)
def test_leaders_and_contacts_keyed_by_section_number(intro: str) -> None:
    sessions = _report_with_chapters(intro, "Gesprek", ["2.1", "2.2"])
    assert _brief(sessions) == [
        (1, "Toezicht op de GR", ["Venlo", "Weert"], [("Anna de Wit", "VNG")], []),
        (2, "Energie", ["Stein (L.)"], [("Bram Eck", "Raadwerk")], []),
    ]
    assert [[c["email"] for c in s["contacts"]] for s in sessions] == [
        ["a.dewit@vng.nl"],
        ["b.eck@raadwerk.nl"],
    ]


@pytest.mark.parametrize(
    ("intro", "keys"),
    [
        # Section marks in a sentence that names no leaders: literature, not the sessions' leaders.
        (
            "Zie de rapporten van Anna de Wit (2.1) en Bram Eck (2.2) voor de cijfers: zij schreven ze.",
            ["2.1", "2.2"],
        ),
        # Only one section mark.
        ("De gespreksleider was: Anna de Wit, adviseur bij VNG (2.1).", ["2.1", "2.2"]),
        # Keys of sections that tell no session.
        ("De gespreksleiders waren: Anna de Wit (1.1) en Bram Eck (1.2).", ["1.1", "1.2"]),
    ],
)
def test_no_leaders_or_contacts_from_other_section_marks(intro: str, keys: list[str]) -> None:
    sessions = _report_with_chapters(intro, "Gesprek", keys)
    assert [s["number"] for s in sessions] == [1, 2]
    assert [f["name"] for s in sessions for f in s["facilitators"]] == []
    if keys[0] == "1.1":
        assert [c for s in sessions for c in s["contacts"]] == []


def _photo_report(captions: list[str]) -> list[dict[str, Any]]:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Fotoverslag", level=1)
    builder.add("heading", "De workshops", level=2)
    for title, caption in zip(["Wonen", "Zorg"], captions, strict=True):
        builder.add("heading", title, level=3)
        builder.add("paragraph", "Het was een levendig gesprek in de tuin.")
        builder.add("paragraph", caption)
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    ("captions", "expected"),
    [
        (
            [
                "Foto: raadsleden uit Vaals met gespreksleider Mieke Janssen (Woonstichting Heuvelland).",
                "Foto: raadsleden uit Epen en Gulpen-Wittem met de begeleider drs. Ria Bos (VNG).",
            ],
            [[("Mieke Janssen", "Woonstichting Heuvelland")], [("Ria Bos", "VNG")]],
        ),
        (
            # "met de gespreksleider" without a name names nobody.
            [
                "Foto: raadsleden uit Vaals met de gespreksleider.",
                "Foto: raadsleden uit Epen met hun trainer.",
            ],
            [[], []],
        ),
    ],
)
def test_a_photo_caption_names_the_sessions_leader(captions: list[str], expected: list[Any]) -> None:
    sessions = _photo_report(captions)
    assert [s["title"] for s in sessions] == ["Wonen", "Zorg"]
    assert [[(f["name"], f["organisation"]) for f in s["facilitators"]] for s in sessions] == expected


def test_a_who_column_without_a_title_column_is_no_session_table() -> None:
    rows = [["Wie", "Wat"], ["Bram Eck, raadslid Oss", "‘Wonen gaat ons allemaal aan.’"]]
    assert _table(rows, []) == []


def test_sessions_told_one_per_paragraph_by_a_quoted_title() -> None:
    text = (
        "Vijf vragen\n\nA: We hadden drie gesprekken.\n\n"
        "Gesprek ‘Groen in de wijk’ – met raadsleden uit Delft en Rijswijk; "
        "gespreksleider: Tom Rook (IPO).\n\n"
        "Gesprek ‘Veilig fietsen’ – met raadsleden uit Pijnacker-Nootdorp; "
        "gespreksleider: Eva Brand (Fietsersbond).\n\n"
        "Vragen over de gesprekken:\n\n- ‘Veilig fietsen’: Eva Brand, e.brand@fietsersbond.nl\n"
    )
    sessions = _txt(text)
    assert _brief(sessions) == [
        (1, "Groen in de wijk", ["Delft", "Rijswijk (ZH.)"], [("Tom Rook", "IPO")], []),
        (2, "Veilig fietsen", ["Pijnacker-Nootdorp"], [("Eva Brand", "Fietsersbond")], []),
    ]
    assert [c["email"] for c in sessions[1]["contacts"]] == ["e.brand@fietsersbond.nl"]


@pytest.mark.parametrize(
    "text",
    [
        # One paragraph with a quoted title is a sentence about something.
        "Verslag\n\nBoek ‘Raad in beeld’ – verschenen bij Delft.\n",
        # Two such paragraphs with different opening words are no series.
        "Verslag\n\nBoek ‘Raad in beeld’ – uit Delft.\n\nFilm ‘De raad’ – uit Rijswijk.\n",
    ],
)
def test_no_sessions_from_quoted_titles_that_are_no_series(text: str) -> None:
    assert _txt(text) == []


MINUTES = """Notulen raadsledenkring

1. Opening
Voorzitter: opent om 19.30 uur en heet iedereen welkom.

2. Mededelingen
- PV: Oss zoekt een nieuwe griffier.

3. Gesprekstafels
Tafelronde A
  wat: Grip op de regio
  wie: raadsleden van Oss, Uden en gemeente Boxtel
  door: Petra Vos (Raadwerk)
  Nadere info bij PV: p.vos@raadwerk.nl
Tafelronde B
  wat: Jeugdzorg
  wie: Vught en Heusden
  door: Karel Smit, adviseur bij Avans

4. Rondvraag
- Niemand uit Meierijstad had een vraag.
"""


def test_lettered_tables_in_minutes_are_sessions_and_agenda_items_are_not() -> None:
    sessions = _txt(MINUTES)
    assert _brief(sessions) == [
        (1, "Grip op de regio", ["Oss", "Uden", "Boxtel"], [("Petra Vos", "Raadwerk")], []),
        (2, "Jeugdzorg", ["Vught", "Heusden"], [("Karel Smit", "Avans")], []),
    ]
    assert [(c["name"], c["email"]) for c in sessions[0]["contacts"]] == [("Petra Vos", "p.vos@raadwerk.nl")]


def test_numbered_items_without_agenda_words_can_still_be_sessions() -> None:
    text = "Verslag\n\n1. Wonen\nAanwezige gemeenten: Oss\n\n2. Zorg\nAanwezige gemeenten: Uden\n"
    assert [(s["number"], s["title"]) for s in _txt(text)] == [(1, "Wonen"), (2, "Zorg")]


@pytest.mark.parametrize(
    ("line", "facilitator"),
    [
        ("Tafelheer: Joris Bakker (VNG)", ("Joris Bakker", "VNG")),
        ("Tafeldame: Nora Veen (ProDemos)", ("Nora Veen", "ProDemos")),
    ],
)
def test_table_hosts_are_facilitators(line: str, facilitator: tuple[str, str]) -> None:
    text = "Verslag\n\nSessie 1: Wonen\n"
    text += f"Rond de tafel: gemeente Ede (Gelderland) en gemeente Renswoude (Utrecht)\n{line}\n"
    text += "Afgesproken aanbod:\n- een helpdesk voor griffies\n"
    assert _brief(_txt(text)) == [
        (1, "Wonen", ["Ede", "Renswoude"], [facilitator], ["een helpdesk voor griffies"])
    ]


@pytest.mark.parametrize(
    "line",
    ["Het aanbod was breed en goed.", "Aan het roeren bleef de raad.", "Door de regen kwam niemand uit Ede."],
)
def test_those_words_in_sentences_are_no_labels(line: str) -> None:
    sessions = _txt(f"Verslag\n\nSessie 1: Wonen\nGemeenten: Oss\n{line}\n")
    assert sessions[0]["facilitators"] == [] and sessions[0]["offerings"] == []


_CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.parametrize("path", sorted([*_CORPUS.glob("*.txt"), *_CORPUS.glob("*.md")]), ids=str)
def test_address_prefilter_changes_no_extraction(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """_add_contacts skips a span without an email or phone: reading every span's sentences
    anyway gives the same output."""
    data = path.read_bytes()
    filtered = extract(read_document(path, data))
    monkeypatch.setattr(session_rules, "_has_address", lambda *_: True)
    assert extract(read_document(path, data)) == filtered


def _minutes(table: str, notes: str) -> list[dict[str, Any]]:
    text = f"Besluitenlijst werkavond raden\n\n1. Gesprekken aan tafel\n\n{table}\n\n{notes}\n\n2. Sluiting\n"
    return extract(read_txt(text.encode("utf-8")))["sessions"]


_GRID = (
    "+---+--------------+----------------+--------------------------+\n"
    "| # | onderwerp    | gemeenten      | {lead:<24} |\n"
    "+---+--------------+----------------+--------------------------+\n"
    "| 1 | Wonen        | Epe, Heerde    | Sanne Kuipers / Movisie  |\n"
    "| 2 | Jeugd        | Ede, Barneveld | Joost Hamers / Rekenkamer|\n"
    "+---+--------------+----------------+--------------------------+"
)
_NOTES = (
    "ad 1.\nOok Hattem wil aansluiten. Kuipers stuurt het plan rond (e: s.kuipers@movisie.nl).\n"
    "ad 2.\nWageningen schoof aan."
)


def test_a_character_table_of_sessions_with_notes_under_ad_lines() -> None:
    sessions = _minutes(_GRID.format(lead="voorzitter / organisatie"), _NOTES)
    assert [(s["number"], s["title"]) for s in sessions] == [(1, "Wonen"), (2, "Jeugd")]
    assert [p | {"role": None} for p in sessions[0]["facilitators"]] == [
        {"name": "Sanne Kuipers", "organisation": "Movisie", "role": None}
    ]
    assert [m["name"] for m in sessions[1]["municipalities"]] == ["Ede", "Barneveld", "Wageningen"]
    contacts = [(c["name"], c["email"]) for c in sessions[0]["contacts"]]
    assert contacts == [("Sanne Kuipers", "s.kuipers@movisie.nl")]


def test_a_slash_in_a_column_of_people_alone_parts_two_people() -> None:
    grid = _GRID.format(lead="begeleiding").replace("Sanne Kuipers / Movisie ", "Sanne Kuipers / Ria Vos")
    sessions = _minutes(grid, "")
    assert [(p["name"], p["organisation"]) for p in sessions[0]["facilitators"]] == [
        ("Sanne Kuipers", None),
        ("Ria Vos", None),
    ]


@pytest.mark.parametrize(
    "notes",
    [
        # Notes under a number no session has.
        "ad 7.\nOok Hattem wil aansluiten.",
        # "ad 1" inside a sentence is no line of its own.
        "Zie ad 1 hierboven: ook Hattem.",
        # An agenda item after the notes ends them.
        "ad 2.\nGoed gesprek.\n3. Rondvraag\nOok Hattem wil aansluiten.",
    ],
)
def test_lines_that_are_no_notes_of_a_session(notes: str) -> None:
    sessions = _minutes(_GRID.format(lead="voorzitter / organisatie"), notes)
    municipalities = [[m["name"] for m in s["municipalities"]] for s in sessions]
    assert municipalities == [["Epe", "Heerde"], ["Ede", "Barneveld"]]


def test_a_session_told_whole_in_a_numbered_item() -> None:
    text = (
        "Kringdag griffiers\n\nDaarna gingen we uiteen in twee groepen:\n\n"
        "1. Digitaal vergaderen – met griffiers uit Zeist, Bunnik en Houten, aangestuurd door "
        "Lotte Brink (Stichting Raadswerk). Het ging over hybride vergaderen. "
        "Meer weten: l.brink@raadswerk.nl.\n"
        "2. De rekenkamer en de raad – met Nieuwegein en IJsselstein, aangestuurd door Henk Mol, "
        "adviseur bij de Rekenkamer Utrecht. Aanbod van de rekenkamer: een leesgids voor jaarstukken. "
        "Vragen: 030 - 286 00 00 (vraag naar Henk).\n\n"
        "Het was een goede dag.\n"
    )
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    assert [(s["number"], s["title"]) for s in sessions] == [
        (1, "Digitaal vergaderen"),
        (2, "De rekenkamer en de raad"),
    ]
    assert [[m["name"] for m in s["municipalities"]] for s in sessions] == [
        ["Zeist", "Bunnik", "Houten"],
        ["Nieuwegein", "IJsselstein"],
    ]
    assert [[(p["name"], p["organisation"]) for p in s["facilitators"]] for s in sessions] == [
        [("Lotte Brink", "Stichting Raadswerk")],
        [("Henk Mol", "Rekenkamer Utrecht")],
    ]
    assert sessions[1]["offerings"] == ["een leesgids voor jaarstukken"]
    assert [(c["name"], c["email"]) for c in sessions[0]["contacts"]] == [(None, "l.brink@raadswerk.nl")]
    assert [c["name"] for c in sessions[1]["contacts"]] == ["Henk Mol"]


TYPED = (
    "Sessie 2: Wonen\n"
    "  begeleiding ...... Jan Jansen, adviseur bij\n"
    "                     Woonstichting Het Dak\n"
    "  nabellen ......... Jan Jansen, 0318 12 34 56,\n"
    "                     j.jansen@hetdak.nl\n"
    "  mee naar huis .... - een kaart van de kernen\n"
    "                     - een voorbeeldbrief\n"
)


def test_dotted_labels_wrap_their_values_over_lines() -> None:
    session = sessions_of(TYPED)[-1]
    assert [(f["name"], f["organisation"]) for f in session["facilitators"]] == [
        ("Jan Jansen", "Woonstichting Het Dak")
    ]
    assert [(c["email"], c["phone"]["e164"]) for c in session["contacts"]] == [
        ("j.jansen@hetdak.nl", "+31318123456")
    ]
    assert session["offerings"] == ["een kaart van de kernen", "een voorbeeldbrief"]


@pytest.mark.parametrize(
    "text",
    [
        # A colon label's line that ends mid-phrase is not continued by the paragraph below.
        "Sessie 2: Wonen\nBegeleiding: Jan Jansen, adviseur\nDe sessie ging over woningbouw in Ede.\n",
        # A dotted label stops at the list's next entry.
        "Sessie 2: Wonen\nbegeleiding ...... Jan Jansen, adviseur\n10:00 – 10:30 | Koffie\n",
    ],
)
def test_a_value_does_not_run_into_the_next_line_unless_it_wraps(text: str) -> None:
    session = sessions_of(text)[-1]
    assert all(
        "Ede" not in (f["organisation"] or "") and "Koffie" not in (f["organisation"] or "")
        for f in session["facilitators"]
    )
    assert [f["name"] for f in session["facilitators"]] == ["Jan Jansen"]


@pytest.mark.parametrize(
    ("line", "facilitators"),
    [
        # ", en" parts two people, the first with a role and body after a comma.
        (
            "Begeleiding / guidance: Ria Bos, adviseur wonen bij Woonbond, en Kees Bol (IPO)",
            [("Ria Bos", "Woonbond"), ("Kees Bol", "IPO")],
        ),
        ("- Leiding: Noor Aydin, trainer bij Raadwerk", [("Noor Aydin", "Raadwerk")]),
    ],
)
def test_bilingual_and_slide_facilitator_labels(line: str, facilitators: list[tuple[str, str]]) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(line)[0]["facilitators"]]
    assert found == facilitators


@pytest.mark.parametrize(
    ("body", "facilitators"),
    [
        # Participants talking with an expert, named with a role at a body.
        (
            "In dit gesprek praatten raden uit Ede en Epe met Joris Palm, adviseur bij Raadwerk, over geld.",
            [("Joris Palm", "Raadwerk")],
        ),
        (
            "Raadsleden uit Oss discussieerden met Noor Aydin, docent aan de Universiteit Leiden.",
            [("Noor Aydin", "Universiteit Leiden")],
        ),
        # Two names joined by "en" after a phrase of leading share the body after the second.
        (
            "De ronde werd voorgezeten door drs. Ellen Voss en Bas Ooms (allebei ProDemos).",
            [("Ellen Voss", "ProDemos"), ("Bas Ooms", "ProDemos")],
        ),
        # Not a name with a role at a body after "met": a participant or a guest.
        ("Raadsleden spraken met Karin Smit uit Ede over de begroting.", []),
        ("De raden spraken met wethouder Bas Ooms van Epe.", []),
        ("Ze spraken met elkaar, ook met de burgemeester van Epe.", []),
        # "en" before something other than a name adds no one.
        ("Onder leiding van Karin Smit en de griffier spraken de raden.", [("Karin Smit", None)]),
    ],
)
def test_facilitators_in_prose_with_a_role_or_joined_by_en(
    body: str, facilitators: list[tuple[str, str | None]]
) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(body)[0]["facilitators"]]
    assert found == facilitators


@pytest.mark.parametrize(
    ("line", "facilitators"),
    [
        # "en" after a hyphen joins the parts of one body's name, not two people.
        (
            "Begeleiding: Sanne Kok, adviseur bij Waterschap Zuid- en Oost-Drenthe",
            [("Sanne Kok", "Waterschap Zuid- en Oost-Drenthe")],
        ),
        ("Begeleiding: Sanne Kok en Bas Ooms (IPO)", [("Sanne Kok", "IPO"), ("Bas Ooms", "IPO")]),
    ],
)
def test_an_elided_compound_in_a_facilitators_body(line: str, facilitators: list[tuple[str, str]]) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(line)[0]["facilitators"]]
    assert found == facilitators


@pytest.mark.parametrize(
    ("line", "facilitators"),
    [
        # A visit's hosts: "Ontvangen door:" names who received the group, like "Host:".
        ("Ontvangen door: Anouk Maes, adviseur bij Stad Brugge", [("Anouk Maes", "Stad Brugge")]),
        (
            "Ontvangen door: Pim Goossens (Havenbedrijf Antwerpen)",
            [("Pim Goossens", "Havenbedrijf Antwerpen")],
        ),
        # Two hosts, the first with a role at a body, the second with it in brackets.
        (
            "Host: Lotte Brink, planner bij Prorail, en Sem de Wit (Waterschap Aa en Maas)",
            [("Lotte Brink", "Prorail"), ("Sem de Wit", "Waterschap Aa en Maas")],
        ),
    ],
)
def test_hosts_of_a_visit_are_facilitators(line: str, facilitators: list[tuple[str, str]]) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(line)[0]["facilitators"]]
    assert found == facilitators


def _summary_then_sections(
    header: list[str], rows: list[list[str]], titles: list[str], *, as_table: bool
) -> list[dict[str, Any]]:
    """A report that sums its sessions up in a table (a web page's overview), then tells each
    under its own heading; the table as Word keeps it, or as lines, as a PDF without rulings."""
    builder = DocumentBuilder("docx" if as_table else "pdf")
    builder.add("heading", "Raadsleden over de regio", level=1)
    builder.add("paragraph", "De tafels in het kort")
    for r, row in enumerate([header, *rows]):
        if as_table:
            for c, cell in enumerate(row):
                builder.add("table_cell", cell, table=(0, r, c))
        else:
            builder.add("paragraph", " ".join(row))
    for number, title in enumerate(titles, start=1):
        builder.add("heading", f"Tafel {number} – {title}", level=2)
        builder.add("paragraph", "Aanwezig: Ede, Epe")
        builder.add("paragraph", "Het gesprek ging over de kosten en de planning van het werk.")
    return extract(builder.build())["sessions"]


SUMMARY_ROWS = [
    ["1", "Wonen in de kernen", "Ria Bos (Raadwerk)"],
    ["2", "Zorg dichtbij", "Jan Pool en Eva Lind (beiden VNG)"],
]


@pytest.mark.parametrize("as_table", [True, False])
@pytest.mark.parametrize(
    "header",
    [
        ["Kring", "Onderwerp", "Begeleider"],
        ["Nr.", "Thema", "Begeleiding"],
        ["Nummer", "Titel", "Tafelvoorzitter"],
    ],
)
def test_a_summary_table_gives_its_facilitators_to_the_sessions_told_below(
    header: list[str], as_table: bool
) -> None:
    sessions = _summary_then_sections(
        header, SUMMARY_ROWS, ["Wonen in de kernen", "Zorg dichtbij"], as_table=as_table
    )
    assert [
        (s["number"], s["title"], [(f["name"], f["organisation"]) for f in s["facilitators"]])
        for s in sessions
    ] == [
        (1, "Wonen in de kernen", [("Ria Bos", "Raadwerk")]),
        (2, "Zorg dichtbij", [("Jan Pool", "VNG"), ("Eva Lind", "VNG")]),
    ]


@pytest.mark.parametrize("as_table", [True, False])
@pytest.mark.parametrize(
    ("header", "titles"),
    [
        # The rows name other sessions than those told below.
        (["Kring", "Onderwerp", "Gespreksleider"], ["Wonen in de kernen", "Mobiliteit"]),
        # The last column says nothing of who led them.
        (["Kring", "Onderwerp", "Zaal"], ["Wonen in de kernen", "Zorg dichtbij"]),
    ],
)
def test_a_table_that_is_no_summary_of_the_sessions_gives_them_nothing(
    header: list[str], titles: list[str], as_table: bool
) -> None:
    sessions = _summary_then_sections(header, SUMMARY_ROWS, titles, as_table=as_table)
    told = [s for s in sessions if s["title"] in titles and s["municipalities"]]
    assert len(told) == 2 and all(s["facilitators"] == [] for s in told)


@pytest.mark.parametrize(
    "line",
    [
        # Received in a sentence, not a label: no colon after "ontvangen door".
        "Ontvangen door de burgemeester begonnen we aan de rondleiding.",
        "We werden ontvangen door: koffie en vlaai.",
    ],
)
def test_received_in_a_sentence_names_no_facilitator(line: str) -> None:
    assert sessions_of(line)[0]["facilitators"] == []


@pytest.mark.parametrize(
    ("label", "offerings"),
    [
        (
            "Meegenomen:\n- een folder over wijkteams\n- een uitnodiging",
            ["een folder over wijkteams", "een uitnodiging"],
        ),
        ("Meegekregen: een draaiboek voor de raad", ["een draaiboek voor de raad"]),
        ("Deliverables voor de griffies:\n- een canvas", ["een canvas"]),
        ("Deliverables: een factsheet per gemeente", ["een factsheet per gemeente"]),
    ],
)
def test_what_the_group_took_home_are_offerings(label: str, offerings: list[str]) -> None:
    assert sessions_of(label)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "line",
    [
        # Taken along in a sentence: what the bus carried, not what the group got.
        "Meegenomen werden ook twee raadsleden uit Oss.",
        "We hebben de lunch meegenomen naar buiten.",
    ],
)
def test_taken_along_in_a_sentence_is_no_offering(line: str) -> None:
    assert sessions_of(line)[0]["offerings"] == []


@pytest.mark.parametrize(
    ("line", "contact"),
    [
        ("Vragen aan Ilse Verbeek: i.verbeek@regiowest.nl", ("Ilse Verbeek", "i.verbeek@regiowest.nl")),
        ("Meer weten bij Ruud Kamps: 06 12 34 56 78", ("Ruud Kamps", None)),
    ],
)
def test_questions_to_a_named_person_give_the_sessions_contact(line: str, contact: tuple[str, Any]) -> None:
    # After the offerings, such a line would otherwise read as a heading ending the session.
    body = f"Aanbod:\n- een spel\n\n{line}\n"
    contacts = sessions_of(body)[0]["contacts"]
    assert [(c["name"], c["email"]) for c in contacts] == [contact]


def test_questions_to_someone_in_a_sentence_are_no_contact_label() -> None:
    body = "Vragen aan de wethouder werden niet gesteld.\n\nGemeenten: Vught"
    session = sessions_of(body)[0]
    assert session["contacts"] == [] and [m["name"] for m in session["municipalities"]] == ["Oss", "Vught"]


def test_an_english_point_of_contact_after_the_offerings_stays_in_the_session() -> None:
    body = (
        "Deliverables voor de raden: een canvas\n\nPoint of contact: Ilse Verbeek, i.verbeek@regiowest.nl\n"
    )
    session = sessions_of(body)[0]
    assert session["offerings"] == ["een canvas"]
    assert [(c["name"], c["email"]) for c in session["contacts"]] == [
        ("Ilse Verbeek", "i.verbeek@regiowest.nl")
    ]


def _keyed_report(keyed: list[str], contacts: list[list[str]] | None = None) -> dict[str, Any]:
    """Two workshops told in full, then a list keyed by their numbers and a contact table."""
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag van de raadsledendag", level=1)
    builder.add("heading", "Wie was waar", level=2)
    for item in keyed:
        builder.add("list_item", item, marker="-")
    for number, title in [(1, "Wonen in de kernen"), (2, "Zorg dichtbij")]:
        builder.add("heading", f"Workshop {number} – {title}", level=2)
        builder.add("paragraph", "De deelnemers spraken lang over de toekomst van de regio.")
    builder.add("heading", "Contact", level=2)
    for r, row in enumerate(contacts or []):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    return extract(builder.build())


def test_a_list_keyed_by_session_number_gives_those_sessions_municipalities() -> None:
    doc = _keyed_report(
        ["Workshop 1: Bunnik, Houten en Wijk bij Duurstede", "Workshop 2: alle drie (Bunnik, Houten, Zeist)"]
    )
    assert [(s["number"], s["title"]) for s in doc["sessions"]] == [
        (1, "Wonen in de kernen"),
        (2, "Zorg dichtbij"),
    ]
    assert municipalities_per_session(doc) == [
        ["Bunnik", "Houten", "Wijk bij Duurstede"],
        ["Bunnik", "Houten", "Zeist"],
    ]


@pytest.mark.parametrize(
    "keyed",
    [
        # An agenda that repeats the sessions' own titles is no keyed list.
        ["Workshop 1: Wonen in de kernen", "Workshop 2: Zorg dichtbij"],
        # A number no session told in full has: a session of its own.
        ["Workshop 3: Bunnik en Houten"],
    ],
)
def test_other_lists_keyed_by_number_add_no_municipalities(keyed: list[str]) -> None:
    doc = _keyed_report(keyed)
    assert municipalities_per_session(doc)[:2] == [[], []]


def test_a_contact_table_keyed_by_a_bare_session_number() -> None:
    rows = [
        ["Workshop", "Contactpersoon", "E-mail"],
        ["1", "Ilse Verbeek", "i.verbeek@regiowest.nl"],
        ["2", "Ruud Kamps", "r.kamps@regiowest.nl"],
    ]
    doc = _keyed_report([], rows)
    assert [[(c["name"], c["email"]) for c in s["contacts"]] for s in doc["sessions"]] == [
        [("Ilse Verbeek", "i.verbeek@regiowest.nl")],
        [("Ruud Kamps", "r.kamps@regiowest.nl")],
    ]


def _bio_report(bios: list[tuple[str, str]]) -> list[list[tuple[str, str | None]]]:
    """Two sessions told in full, then a speakers' section: a heading per bio over its text."""
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag van de raadsledendag", level=1)
    for number, title in [(1, "Wonen in de kernen"), (2, "Zorg dichtbij")]:
        builder.add("heading", f"Workshop {number} – {title}", level=2)
        builder.add("paragraph", "De deelnemers spraken lang over de toekomst van de regio.")
    builder.add("heading", "Sprekers", level=2)
    for heading, text in bios:
        builder.add("heading", heading, level=3)
        builder.add("paragraph", text)
    doc = extract(builder.build())
    return [[(f["name"], f["organisation"]) for f in s["facilitators"]] for s in doc["sessions"]]


def test_a_bio_naming_the_session_its_person_led_makes_them_facilitator() -> None:
    bios = [
        (
            "drs. Ilse Verbeek",
            "Planoloog bij Provincie Utrecht. Ilse begeleidde workshop 1 en schreef mee aan de visie.",
        ),
        (
            "Ruud Kamps en Noor Aydin",
            "Ruud is adviseur bij Woonbond Midden, Noor werkt bij de GGD Regio Utrecht aan preventie. "
            "Samen leidden zij workshop 2.",
        ),
    ]
    assert _bio_report(bios) == [
        [("Ilse Verbeek", "Provincie Utrecht")],
        [("Ruud Kamps", "Woonbond Midden"), ("Noor Aydin", "GGD Regio Utrecht")],
    ]


@pytest.mark.parametrize(
    "bio",
    [
        # Attended, not led; led another session than any told; led something else.
        ("Ilse Verbeek", "Planoloog bij Provincie Utrecht. Ilse bezocht workshop 1."),
        ("Ilse Verbeek", "Planoloog bij Provincie Utrecht. Ilse leidde workshop 7."),
        ("Ilse Verbeek", "Planoloog bij Provincie Utrecht. Ilse leidde jarenlang een bureau."),
    ],
)
def test_bios_that_name_no_session_led_add_no_facilitator(bio: tuple[str, str]) -> None:
    assert _bio_report([bio]) == [[], []]


WEEK_TOLD_BY_DAY = (
    "Persbericht\n\nRaden denken mee\n\nOp maandag opende de voorzitter de week.\n\n"
    "Op woensdag draaide alles om ‘Wonen’. Raadsleden uit Oss en Meierijstad praatten mee onder leiding van "
    "Tom Rook (Woonbond).\n\n"
    "Donderdag stond ‘Water’ centraal. Raadsleden uit Boxtel spraken onder leiding van Eva Brand "
    "(Waterschap Aa en Maas). Ook Vught was uitgenodigd, maar die raad vergaderde zelf.\n\n"
    "De voorzitter van Vught sloot af.\n\nNoot voor de redactie\n\n"
    "woensdag (wonen): Tom Rook, t.rook@woonbond.nl\n"
    "donderdag: Eva Brand, 073 - 615 66 66\n"
)


def test_a_week_told_by_day_with_contacts_keyed_by_day() -> None:
    # A municipality invited that did not come ("uitgenodigd, maar") took no part.
    sessions = _txt(WEEK_TOLD_BY_DAY)
    assert _brief(sessions) == [
        (1, "Wonen", ["Oss", "Meierijstad"], [("Tom Rook", "Woonbond")], []),
        (2, "Water", ["Boxtel"], [("Eva Brand", "Waterschap Aa en Maas")], []),
    ]
    assert [[c["name"] for c in s["contacts"]] for s in sessions] == [["Tom Rook"], ["Eva Brand"]]


def test_paragraphs_that_name_a_session_told_in_prose_stay_in_it() -> None:
    text = (
        "Vragen en antwoorden\n\n1. Wat deed kring A?\nKring A heette ‘Groen’. Raadsleden uit Delft "
        "schoven aan.\nVragen over kring A? Mail t.rook@ipo.nl.\n\n2. En kring B?\n"
        "Kring B, ‘Blauw’, ging over water. Raadsleden uit Ede deden mee.\n"
        "Raadsleden uit Oss vonden het te kort.\n"
    )
    sessions = _txt(text)
    assert [s["contacts"][0]["email"] for s in sessions[:1]] == ["t.rook@ipo.nl"]
    # A paragraph after the session that does not name it is about the evening.
    assert [[m["name"] for m in s["municipalities"]] for s in sessions] == [["Delft"], ["Ede"]]


def test_keycap_sessions_end_after_their_paragraph_and_this_sessions_contact() -> None:
    text = (
        "Wat een dag!\n\n1️⃣ Groen in de wijk\nRaadsleden uit Delft en Rijswijk deelden tips.\n\n"
        "2️⃣ Veilig fietsen\nEen break-out met raadsleden uit Pijnacker-Nootdorp.\n"
        "Slides van deze break-out? Mail e.brand@fietsersbond.nl\n\n"
        "Na afloop dronken we koffie met raadsleden uit Gouda.\n"
    )
    sessions = _txt(text)
    assert [[m["name"] for m in s["municipalities"]] for s in sessions] == [
        ["Delft", "Rijswijk (ZH.)"],
        ["Pijnacker-Nootdorp"],
    ]
    assert [c["email"] for c in sessions[1]["contacts"]] == ["e.brand@fietsersbond.nl"]


@pytest.mark.parametrize(
    ("body", "offerings"),
    [
        ("Het RIEC biedt alle raden een weerbaarheidsscan aan.", ["een weerbaarheidsscan"]),
        (
            "De bibliotheek biedt een leesclub ‘Raad en boek’ aan voor iedere raad.",
            ["een leesclub ‘Raad en boek’"],
        ),
        ("Voor de raden hebben de griffiers:\n- een checklist\n- een spel", ["een checklist", "een spel"]),
        ("De deelnemende griffies krijgen binnenkort:\n- een handboek", ["een handboek"]),
    ],
)
def test_offerings_in_a_sentence_or_under_what_the_councils_get(body: str, offerings: list[str]) -> None:
    assert sessions_of(body)[0]["offerings"] == offerings


@pytest.mark.parametrize(
    "body",
    [
        # Offering nothing with an article, or offering to nobody in particular, at another verb.
        "De zaal biedt plaats aan honderd mensen.",
        "Het aanbod was breed; de provincie biedt veel.",
        "De raden ontvangen elk jaar een begroting van de regio.",
        "Voor de raden heeft de regio weinig tijd gehad.",
    ],
)
def test_sentences_about_offering_that_offer_nothing(body: str) -> None:
    assert sessions_of(body)[0]["offerings"] == []


_TAB_SESSIONS = (
    "Verslag regioavond\n\n"
    "Ronde\tThema\t\tGemeenten\tGespreksleider\n"
    "1\tArmoede\t\tOss, Uden\tIris Bakker (Movisie)\n"
    "2\tJeugdzorg dichtbij\tBest, Son en Breugel\tTom de Wit\n\n"
)


@pytest.mark.parametrize(
    ("keyed", "offerings", "contacts"),
    [
        # Offerings keyed by a later column, the items numbered on their own ("T1", "T2").
        (
            "Nr\tRonde\tToezegging\t\tDoor\nT1\t2\tEen handreiking voor de raden\tNJi\n"
            "T2\t1\tEen rekenvoorbeeld per gemeente\tMovisie\n",
            [["Een rekenvoorbeeld per gemeente"], ["Een handreiking voor de raden"]],
            [[], []],
        ),
        # Addresses keyed by the first column, a row without its phone.
        (
            "Ronde\tNaam\t\tE-mail\t\tTelefoon\n1\tIris Bakker\ti.bakker@movisie.nl\t030 - 789 20 00\n"
            "2\tTom de Wit\tt.dewit@son.nl\n",
            [[], []],
            [[("Iris Bakker", "i.bakker@movisie.nl")], [("Tom de Wit", "t.dewit@son.nl")]],
        ),
    ],
)
def test_tables_keyed_by_session_number_join_a_tab_table_of_sessions(
    keyed: str, offerings: list[list[str]], contacts: list[list[tuple[str, str]]]
) -> None:
    doc = extract(read_txt((_TAB_SESSIONS + keyed).encode()))
    assert [(s["number"], s["title"]) for s in doc["sessions"]] == [(1, "Armoede"), (2, "Jeugdzorg dichtbij")]
    assert municipalities_per_session(doc) == [["Oss", "Uden"], ["Best", "Son en Breugel"]]
    assert [s["offerings"] for s in doc["sessions"]] == offerings
    assert [[(c["name"], c["email"]) for c in s["contacts"]] for s in doc["sessions"]] == contacts


@pytest.mark.parametrize(
    "keyed",
    [
        # Actions numbered on their own with no session column: not the sessions'.
        "Nr\tActie\t\tDoor\n1\tOpname delen\tgriffie Oss\n2\tVragen doorzetten\tgriffie Best\n",
        # A key no session has.
        "Nr\tRonde\tToezegging\n1\t7\tEen handreiking\n",
    ],
)
def test_other_tab_tables_add_no_offerings(keyed: str) -> None:
    doc = extract(read_txt((_TAB_SESSIONS + keyed).encode()))
    assert [s["offerings"] for s in doc["sessions"]] == [[], []]


_LABS = (
    "Evaluatie\n\nLab 1 | Wijkbudgetten | cijfer 7,9\nTrekker: Ria Bos (Movisie)\nOpkomst: Epe 4 · Heerde 2\n"
    "{offer}\n\nLab 2 | Jeugd | cijfer 6,8\nTrekker: Tim Sol\nOpkomst: Ede 3\n\n"
    "Contactpersonen\n- Lab 1: Ria Bos, r.bos@movisie.nl, 030 - 789 20 00\n- Lab 2: Tim Sol, t.sol@ede.nl\n"
)


@pytest.mark.parametrize(
    ("offer", "offerings"),
    [
        ("Toegezegd: een rekenmodel per kern", ["een rekenmodel per kern"]),
        (
            "Toezeggingen Movisie:\n- een factsheet\n- een terugkomavond",
            ["een factsheet", "een terugkomavond"],
        ),
        # Who it was promised to, before the colon.
        ("Toegezegd aan de raden: een rekenmodel per kern", ["een rekenmodel per kern"]),
        ("Toegezegd aan alle deelnemers: een factsheet", ["een factsheet"]),
        ("Toegezegd aan het college: een quickscan", ["een quickscan"]),
        # Prose that says what was promised is no label.
        ("Toegezegd werd dat de raden een factsheet krijgen.", []),
        ("Toegezegd aan de raden werd dat zij een factsheet krijgen.", []),
        ("Toegezegd aan de raden is een factsheet, maar die kwam nooit.", []),
    ],
)
def test_pipe_titled_series_with_a_keyed_contact_list(offer: str, offerings: list[str]) -> None:
    doc = extract(read_txt(_LABS.format(offer=offer).encode()))
    assert [(s["number"], s["title"]) for s in doc["sessions"]] == [(1, "Wijkbudgetten"), (2, "Jeugd")]
    assert municipalities_per_session(doc) == [["Epe", "Heerde"], ["Ede"]]
    assert doc["sessions"][0]["offerings"] == offerings
    assert [[(c["name"], c["email"]) for c in s["contacts"]] for s in doc["sessions"]] == [
        [("Ria Bos", "r.bos@movisie.nl")],
        [("Tim Sol", "t.sol@ede.nl")],
    ]


# One example per phrase of leading in rules/labels.yml facilitators_in_prose, in several cases.
LEADING_PHRASES = [
    "Het gesprek stond onder leiding van Jan de Vries (VNG).",
    "Onder de begeleiding van Anna Smit werkten de raden aan een motie.",
    "Alles gebeurde onder regie van Bas Ooms, adviseur bij ProDemos.",
    "De gespreksleider was Piet Bos van Raadwerk.",
    "Foto: raadsleden uit Vaals met gespreksleider Mieke Janssen (Woonstichting Heuvelland).",
    "TAFELVOORZITTER IS Marie Jansen.",
    "Kartrekker was Sanne Mol, de gids was Henk Ros en docent is dr. Eva Ros.",
    "O.l.v. Kees Dijk (IPO) bespraken de raden de begroting.",
    "Met als coach drs. Lies Kok (Raadwerk) gingen de raden aan de slag.",
    "De sessie werd vakkundig begeleid door Tim Zwart.",
    "Drie raden schoven aan; gespreksleider: Ans Wit (IPO).",
    "Het ging over geld, trainer: Bas Ooms (VNG).",
    "Het ging over geld, facilitator: Bas Ooms (VNG).",
    "Met raden uit Ede en Epe, aangestuurd door Lies Kuiper (Raadwerk).",
    "Raadsleden uit Ede en Epe spraken met Jan Pool, onderzoeker bij het SCP.",
    "Spraken de raden uit Ede met Jan Pool, onderzoeker bij het SCP?",
    "De raden praatten lang met Jan Pool, onderzoeker bij het SCP.",
    "Ze debatteerden en discussieerden met Jan Pool, onderzoeker van het SCP.",
    "De raden gingen in gesprek met Jan Pool, onderzoeker bij het SCP.",
    "De begeleiding was in handen van Ans Wit en Bas Ooms (beiden IPO).",
    "Aan tafel C zaten raadsleden uit Ede, met twee tafelhosts: Ans Wit (IPO) en Bas Ooms (VNG).",
]


def test_every_phrase_of_leading_gets_past_the_prefilter() -> None:
    phrases = session_rules.load_yaml("labels.yml")["facilitators_in_prose"]
    cue = session_rules._facilitator_cue()
    for example in LEADING_PHRASES:
        assert cue.search(example), example
        assert session_rules._may_name_a_facilitator(example), example
    # Every phrase has an example above: a new phrase needs one (and maybe a new hint).
    for phrase in phrases:
        assert any(re.search(phrase, e, re.IGNORECASE) for e in LEADING_PHRASES), phrase


@pytest.mark.parametrize(
    "text",
    ["Er zijn afspraken gemaakt over de mogelijkheid van een vervolg.", "Het gesprek ging over geld."],
)
def test_ordinary_sentences_skip_the_phrases_of_leading(text: str) -> None:
    assert not session_rules._may_name_a_facilitator(text)


def test_a_letters_question_sessions_read_labels_inside_their_prose() -> None:
    text = (
        "Beste raadsleden,\n\n**Wat kost een zwembad?**\n\n"
        "Aan tafel zaten raadsleden uit Ede en Wageningen, onder leiding van Eva Brand, adviseur bij "
        "Stichting Sportkracht op Texel. Wat u van ons ontvangt: een rekenmodel. Vragen over deze tafel "
        "kunnen naar e.brand@example.nl.\n\n**Wie maakt de wijk schoon?**\n\n"
        "Deelnemers uit Barneveld spraken onder leiding van Bas Ooms (Raadwerk).\n\nMet vriendelijke groet,\n"
    )
    sessions = _txt(text)
    assert [(s["title"], [c["email"] for c in s["contacts"]]) for s in sessions] == [
        ("Wat kost een zwembad?", ["e.brand@example.nl"]),
        ("Wie maakt de wijk schoon?", []),
    ]
    assert _brief(sessions)[0][2:] == (
        ["Ede", "Wageningen"],
        [("Eva Brand", "Stichting Sportkracht")],
        ["een rekenmodel"],
    )


def test_lettered_sub_items_are_sessions_and_the_chair_leads_none() -> None:
    text = (
        "# Agenda raadsledenoverleg Midden-Brabant\n\nVoorzitter: Anna de Wit, raadslid Tilburg\n\n"
        "## 1. Opening en mededelingen\n\nWelkom.\n\n## 2. Tafelgesprekken\n\n"
        "### 2a Tafelgesprek: wonen in de kernen\n\n"
        "Inleiding en gespreksleiding: Tom Bakker (Platform31).\n\n"
        "*Verslag: Aan tafel raadsleden uit Oisterwijk en Goirle.*\n\n"
        "### 2b Tafelgesprek: de energiestrategie\n\nGespreksleider: Sara Pels\n\n"
        "*Verslag: Raadsleden uit Dongen vertelden.*\n\n## 3. Rondvraag en sluiting\n\nGeen vragen.\n"
    )
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    assert [(s["number"], [f["name"] for f in s["facilitators"]]) for s in sessions] == [
        (1, ["Tom Bakker"]),
        (2, ["Sara Pels"]),
    ]
    assert [m["name"] for m in sessions[0]["municipalities"]] == ["Oisterwijk", "Goirle"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Gespreksleiding: Anna Smit (Platform31). Zaal: Raadzaal.", [("Anna Smit", "Platform31")]),
        (
            "Begeleider: mr. Tom Kok, adviseur bij het RIEC Utrecht. Lokaal: B12.",
            [("Tom Kok", "RIEC Utrecht")],
        ),
        (
            "Gespreksleiding: Jan Pol en Els Dam (beiden Berenschot). Eerste verdieping: kamer 3.",
            [("Jan Pol", "Berenschot"), ("Els Dam", "Berenschot")],
        ),
        # Initials and titles end with a dot but open no new sentence: both people stay.
        (
            "Begeleiding: dr. Ans Kok (VNG) en P. Bos (Tilburg University). Daarna: koffie",
            [("Ans Kok", "VNG"), ("P. Bos", "Tilburg University")],
        ),
    ],
)
def test_a_labelled_sentence_after_the_facilitators_is_not_theirs(
    line: str, expected: list[tuple[str, str]]
) -> None:
    facilitators = sessions_of(line)[0]["facilitators"]
    assert [(f["name"], f["organisation"]) for f in facilitators] == expected


def test_a_session_in_a_quoted_reply_is_read_as_text() -> None:
    text = (
        "Van: Els Dam\nOnderwerp: werkavond\n\nHierbij de aanvullingen.\n\nGroet,\nEls\n\n"
        "> Van: Jan Pol <j.pol@vng.nl>\n>\n> Werkgroep 2 - Jeugd\n"
        "> Deelnemers uit de gemeenten Tiel en Buren.\n"
        "> Begeleiding: Jan Pol (VNG)\n>\n> Aanbod:\n> - een quickscan\n> - een training\n>\n"
        ">> Van: Ans Kok\n>>\n>> Werkgroep 3 - Energie\n>> Met raadsleden uit Culemborg.\n"
        ">> Begeleid door Ans Kok (Platform31)\n>>\n>> Wij bieden: een scan per gemeente\n"
    )
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    assert [
        (
            s["number"],
            [m["name"] for m in s["municipalities"]],
            [f["name"] for f in s["facilitators"]],
            s["offerings"],
        )
        for s in sessions
    ] == [
        (2, ["Tiel", "Buren"], ["Jan Pol"], ["een quickscan", "een training"]),
        (3, ["Culemborg"], ["Ans Kok"], ["een scan per gemeente"]),
    ]


THREAD = (
    "Onderwerp: Terugblik inwonerspanels\n\n"
    "Beste collega's,\n\n"
    "Na de pauze gingen we in twee groepen uiteen:\n\n"
    "Groep 1 - Een panel opzetten\n"
    "Groep 2 - Loting en burgerberaad\n\n"
    "Wie er per groep aan tafel zat, lees je hieronder.\n\n"
    "Groet,\nAnne\n\n"
    "-----Oorspronkelijk bericht-----\n"
    "Van: Bart Kok\n\n"
    "Groep 1 - Een panel opzetten\n"
    "Aan tafel: raadsleden uit Bladel en Oirschot.\n"
    "Begeleiding: Ilse Maas (ProDemos)\n\n"
    "Groep 2 - Loting en burgerberaad\n"
    "Aan tafel: raadsleden uit Eersel en Bergeijk.\n"
)


def test_a_session_told_twice_is_one_session() -> None:
    # Told in the overview and again in the reply: one session each, with the reply's facts.
    sessions = _txt(THREAD)
    found = [(s["number"], s["title"], [m["name"] for m in s["municipalities"]]) for s in sessions]
    assert found == [
        (1, "Een panel opzetten", ["Bladel", "Oirschot"]),
        (2, "Loting en burgerberaad", ["Eersel", "Bergeijk"]),
    ]
    assert [[f["name"] for f in s["facilitators"]] for s in sessions] == [["Ilse Maas"], []]


def test_the_same_number_under_another_title_is_another_session() -> None:
    first = session_rules.SessionRecord(1, "Wonen", offerings=["een scan"])
    again = session_rules.SessionRecord(
        1, "wonen", description="Over wonen.", offerings=["een scan", "een gids"]
    )
    other = session_rules.SessionRecord(1, "Zorg")
    unnumbered = [session_rules.SessionRecord(None, "Wonen"), session_rules.SessionRecord(None, "Wonen")]
    merged = session_rules.merge_repeated_sessions([first, again, other, *unnumbered])
    assert [(s.number, s.title) for s in merged] == [
        (1, "Wonen"),
        (1, "Zorg"),
        (None, "Wonen"),
        (None, "Wonen"),
    ]
    assert merged[0].offerings == ["een scan", "een gids"] and merged[0].description == "Over wonen."


# ----------------------------------------------------------------------------- filled-in forms


def _forms(forms: list[list[tuple[str, str]]], parts: bool = False, fmt: str = "docx") -> dict[str, Any]:
    """A filled-in form per session, each a two-column label/value table; with ``parts``, under
    the form's own part headings ("Deel A", "Deel B", "Deel C")."""
    builder = DocumentBuilder(fmt)  # type: ignore[arg-type]
    builder.add("heading", "Verslagformulier regionale raadsavond", level=1)
    if parts:
        builder.add("heading", "Deel A – Algemene gegevens", level=2)
        builder.add("table_cell", "Organiserende griffies", table=(0, 0, 0))
        builder.add("table_cell", "Tiel en Culemborg", table=(0, 0, 1))
        builder.add("heading", "Deel B – De gesprekken", level=2)
    for index, rows in enumerate(forms, start=1):
        for r, (label, value) in enumerate(rows):
            builder.add("table_cell", label, table=(index, r, 0))
            builder.add("table_cell", value, table=(index, r, 1))
    if parts:
        builder.add("heading", "Deel C – Evaluatie", level=2)
        builder.add("paragraph", "De zaal in Ede was te klein.")
    return extract(builder.build())


def _summary(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            s["number"],
            s["title"],
            sorted(m["name"] for m in s["municipalities"]),
            [p["name"] for p in s["facilitators"]],
            s["offerings"],
        )
        for s in doc["sessions"]
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ("Werksessie nr.", "1"),
                ("Titel werksessie", "Samen sterker"),
                ("Raden aan tafel", "☒ Tiel ☐ Buren ☒ Culemborg ☐ anders, nl. …"),
                ("Begeleider(s)", "Karin de Wit (Raadwerk)"),
                ("Aanbod vanuit het programma", "☒ een factsheet ☐ een excursie"),
            ],
            (1, "Samen sterker", ["Culemborg", "Tiel"], ["Karin de Wit"], ["een factsheet"]),
        ),
        (
            [
                ("Formulier gesprekstafels", "in te vullen door de notulist"),
                ("Tafelnummer", "2"),
                ("Thema", "Wonen voor jongeren"),
                ("Tafelvoorzitter", "Peter Bos, adviseur bij Woonbond"),
                ("Aanwezige raden (aankruisen)", "[x] Ede [ ] Wageningen [X] Renkum"),
                ("Opmerkingen", "Na de pauze schoof een raadslid uit Barneveld aan."),
            ],
            (2, "Wonen voor jongeren", ["Barneveld", "Ede", "Renkum"], ["Peter Bos"], []),
        ),
        (
            [
                ("Ronde", "3"),
                ("Onderwerp", "De grens over"),
                ("Aanwezige gemeenten", "☐ Venlo ☒ Venray ☒ anders, namelijk: Horst aan de Maas"),
                ("Gespreksleider", "Els Janssen"),
                ("Bijzonderheden", "Ook Beesel schoof aan."),
            ],
            (3, "De grens over", ["Beesel", "Horst aan de Maas", "Venray"], ["Els Janssen"], []),
        ),
    ],
)
def test_a_filled_in_form_per_session(rows: list[tuple[str, str]], expected: tuple[Any, ...]) -> None:
    assert _summary(_forms([rows])) == [expected]


def test_a_forms_parts_are_no_sessions() -> None:
    form = [
        ("Sessie nr.", "1"),
        ("Titel sessie", "Het budget"),
        ("Raden aan tafel", "☒ Ede ☐ Tiel"),
    ]
    doc = _forms(
        [form, [("Sessie nr.", "2"), ("Titel sessie", "De planning"), ("Raden aan tafel", "☒ Tiel")]], True
    )
    assert _summary(doc) == [(1, "Het budget", ["Ede"], [], []), (2, "De planning", ["Tiel"], [], [])]


@pytest.mark.parametrize(
    "rows",
    [
        # A general-data table: no row numbers a session.
        [("Naam bijeenkomst", "Raadsavond"), ("Datum", "3 mei 2022"), ("Aanwezige gemeenten", "Ede, Tiel")],
        # Numbered and titled, but nothing says who took part or led.
        [("Sessie nr.", "1"), ("Titel sessie", "Het budget"), ("Zaal", "Raadzaal")],
        # A session number without a title row.
        [("Tafelnummer", "4"), ("Aanwezige raden", "☒ Ede ☒ Tiel")],
    ],
)
def test_tables_that_are_no_session_forms(rows: list[tuple[str, str]]) -> None:
    assert _forms([rows])["sessions"] == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("☒ Tiel ☐ Buren ☒ Culemborg", ["Culemborg", "Tiel"]),
        ("[ ] Tiel [x] Buren", ["Buren"]),
        ("☐ Tiel ☐ Buren ☐ Culemborg", []),
    ],
)
def test_only_ticked_councils_of_a_labelled_line_took_part(cell: str, expected: list[str]) -> None:
    # The same check boxes in a plain-text report's labelled line, not only in a Word form.
    text = f"Verslag van de regiodag\n\nSessie 1: Wijkraden\nAanwezige gemeenten: {cell}\n"
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    assert [sorted(m["name"] for m in s["municipalities"]) for s in sessions] == [expected]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Aanbod: ☒ een factsheet ☐ een excursie ☒ een podcast"], ["een factsheet", "een podcast"]),
        (["Wat het programma biedt:", "- [x] een training", "- [ ] een spel"], ["een training"]),
        (["Aanbod: [ ] een training [ ] een spel"], []),
    ],
)
def test_only_ticked_offerings_are_offered(lines: list[str], expected: list[str]) -> None:
    assert [s["offerings"] for s in sessions_of("\n".join(lines))] == [expected]


# ----------------------------------------------------------------------------- transcript turns


def _turns(turns: list[str]) -> list[dict[str, Any]]:
    return _txt("Transcriptie van de regioavond\n\n" + "\n\n".join(turns) + "\n")


def _speakers_session(reply: str, second_reply: str = "Dank je.") -> list[dict[str, Any]]:
    return _turns(
        [
            "[10:02:15] GEERT BOS (voorzitter): Welkom terug. Dan tafel 1, over de energietransitie. "
            "Die tafel werd begeleid door Sanne Kok. Sanne, aan jou.",
            f"[10:03:00] SANNE KOK (Omgevingsdienst West-Holland): {reply}",
            f"[10:05:40] GERRIT KOK (raadslid Leiden): {second_reply}",
            "[10:06:30] GEERT BOS (voorzitter): We gaan verder met tafel 2: jeugdzorg in de regio. "
            "Aan die tafel zat mevrouw Pien Dekker, van de GGD.",
            "[10:07:00] PIEN DEKKER (GGD Hollands Midden): Bij ons zaten raadsleden uit Oegstgeest.",
            "[10:09:00] GEERT BOS (voorzitter): Dan sluit ik af.",
        ]
    )


@pytest.mark.parametrize(
    ("reply", "contact", "offerings"),
    [
        (
            "Wij hadden raadsleden uit Leiden en Katwijk. Wat wij de raden aanbieden is een rekentool voor "
            "warmtenetten. Vragen? Mail mij gerust: s.kok@odwh.nl.",
            ("Sanne Kok", "s.kok@odwh.nl", None),
            ["een rekentool voor warmtenetten"],
        ),
        (
            "Ik had raadsleden uit Leiden en Katwijk. Wat ik u kan bieden is een excursie naar het "
            "warmtebedrijf. Bellen kan naar mij, 06 - 12 34 56 78.",
            ("Sanne Kok", None, "+31612345678"),
            ["een excursie naar het warmtebedrijf"],
        ),
        (
            "Aan tafel zaten raadsleden uit Leiden en Katwijk. Wat de omgevingsdienst de gemeenten "
            "aanbiedt is een quickscan per wijk. Meer weten: bel me op 071 - 523 45 67.",
            ("Sanne Kok", None, "+31715234567"),
            ["een quickscan per wijk"],
        ),
    ],
)
def test_a_transcripts_session_is_told_in_the_reply_turns(
    reply: str, contact: tuple[str | None, str | None, str | None], offerings: list[str]
) -> None:
    first, second = _speakers_session(reply)
    assert (first["number"], first["title"]) == (1, "de energietransitie")
    assert [m["name"] for m in first["municipalities"]] == ["Leiden", "Katwijk"]
    assert [(f["name"], f["organisation"]) for f in first["facilitators"]] == [
        ("Sanne Kok", "Omgevingsdienst West-Holland")
    ]
    assert [(c["name"], c["email"], (c["phone"] or {}).get("e164")) for c in first["contacts"]] == [contact]
    assert first["offerings"] == offerings
    # "Aan die tafel zat mevrouw Name": the one who answers, named by the chair, led it.
    assert [(f["name"], f["organisation"]) for f in second["facilitators"]] == [
        ("Pien Dekker", "GGD Hollands Midden")
    ]
    assert [m["name"] for m in second["municipalities"]] == ["Oegstgeest"]


@pytest.mark.parametrize(
    ("reply", "second_reply"),
    [
        # A council member who speaks in the reply, not named by the chair, leads nothing.
        ("Wij hadden raadsleden uit Leiden.", "Mag ik nog iets zeggen? Mail de griffie: griffie@leiden.nl."),
        # An address in a sentence without "mij" or "ik" is nobody's in particular.
        ("Vragen kunnen naar het secretariaat, info@odwh.nl.", "Dank je."),
        # A sentence about what the council wants is no offering.
        ("Wat wij willen is een betere regeling. Wat de raden nu krijgen is een brief.", "Dank je."),
    ],
)
def test_other_turns_add_no_leader_contact_name_or_offering(reply: str, second_reply: str) -> None:
    first = _speakers_session(reply, second_reply)[0]
    assert [f["name"] for f in first["facilitators"]] == ["Sanne Kok"]
    assert all(c["name"] is None for c in first["contacts"])
    assert first["offerings"] == []


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("Versterken en herstellen: waar gaat de raad over?", "Versterken en herstellen"),
        ("Wonen – bouwen voor starters", "wonen"),
        ("Zorg dichtbij (sociaal domein)", "Zorg dichtbij"),
    ],
)
def test_a_short_title_of_the_same_session_is_that_session(long: str, short: str) -> None:
    # A table's full title and the notes' heading "Sessie 1 – short title": one session.
    table = session_rules.SessionRecord(1, long, offerings=["een scan"])
    notes = session_rules.SessionRecord(1, short, offerings=["een gids"])
    merged = session_rules.merge_repeated_sessions([table, notes])
    assert [(s.number, s.title, s.offerings) for s in merged] == [(1, long, ["een scan", "een gids"])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Wonen", "Wonen en zorg"),  # another topic that starts with the same word
        ("Energie: de netten", "Energiearmoede"),
        ("Zorg", "Zorgvuldig besluiten – de raad"),
    ],
)
def test_a_title_that_only_starts_alike_is_another_session(first: str, second: str) -> None:
    records = [session_rules.SessionRecord(1, first), session_rules.SessionRecord(1, second)]
    assert [s.title for s in session_rules.merge_repeated_sessions(records)] == [first, second]


@pytest.mark.parametrize(
    "page",
    [
        # Confluence: a header row of "||", two values in a cell split by " \\ ".
        "h2. Sessies\n||Sessie||Thema||Raden aan tafel||Begeleiding||Aanspreekpunt||\n"
        "|1|Wonen|Ede, Barneveld|Ilse Maas (Platform31)|i.maas@platform31.nl \\\\ 06 1234 5678|\n"
        "|2|Zorg|Wageningen|Tom Bos (VNG)|t.bos@vng.nl|\n",
        # The same with a wiki heading over notes that name the session by its short title.
        "h2. Sessies\n||#||Onderwerp||Gemeenten||Begeleider||Aanspreekpunt||\n"
        "|1|Wonen: bouwen voor wie?|Ede, Barneveld|Ilse Maas (Platform31)"
        "|i.maas@platform31.nl \\\\ 06 1234 5678|\n"
        "|2|Zorg|Wageningen|Tom Bos (VNG)|t.bos@vng.nl|\nh3. Sessie 1 – Wonen\n* Maas opende.\n",
        # A Markdown pipe table in a wiki exported as Markdown.
        "## Sessies\n| Sessie | Thema | Raden aan tafel | Begeleiding | Aanspreekpunt |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Wonen | Ede, Barneveld | Ilse Maas (Platform31) | i.maas@platform31.nl, 06 1234 5678 |\n"
        "| 2 | Zorg | Wageningen | Tom Bos (VNG) | t.bos@vng.nl |\n",
    ],
)
def test_a_wiki_table_of_sessions_gives_each_row_its_facts(page: str) -> None:
    text = f"Verslag regioavond\n\nOp 3 maart 2023 kwamen de raden bijeen.\n\n{page}"
    sessions = extract(read_txt(text.encode("utf-8")))["sessions"]
    found = [
        (
            s["number"],
            s["title"].split(":")[0],
            [m["name"] for m in s["municipalities"]],
            [(f["name"], f["organisation"]) for f in s["facilitators"]],
            [c["email"] for c in s["contacts"]],
        )
        for s in sessions
    ]
    assert found == [
        (1, "Wonen", ["Ede", "Barneveld"], [("Ilse Maas", "Platform31")], ["i.maas@platform31.nl"]),
        (2, "Zorg", ["Wageningen"], [("Tom Bos", "VNG")], ["t.bos@vng.nl"]),
    ]


def _brief_sessions(text: str) -> list[tuple[Any, ...]]:
    doc = extract(read_txt(text.encode("utf-8")))
    return [
        (
            s["number"],
            s["title"],
            [m["name"] for m in s["municipalities"]],
            [(f["name"], f["organisation"]) for f in s["facilitators"]],
            [(c["name"], c["email"]) for c in s["contacts"]],
            s["offerings"],
        )
        for s in doc["sessions"]
    ]


# A harvest table whose sessions span rows (an empty first cell goes on with the session above),
# who sat where told in prose keyed by the session's word and key.
@pytest.mark.parametrize(
    ("table", "prose"),
    [
        (
            "| Tafel | Wat we hoorden | Wat de provincie aanbiedt |\n"
            "|---|---|---|\n"
            "| A · Wonen voor starters | Jongeren trekken weg. | Een woningmarktscan |\n"
            "|  | Er is te weinig grond. | Een excursie naar Zwolle |\n"
            "| B · Energie in de wijk | De netten zitten vol. | Een rekentool |\n",
            "Aan tafel A zaten raadsleden uit Epe en Heerde, onder leiding van Sanne Bos, adviseur bij "
            "Platform31. Wie verder wil, kan terecht bij Sanne: s.bos@platform31.nl.\n\n"
            "Tafel B werd geleid door Tim Sol (Energiewerk). Hier zaten de raden van Ede en Oldebroek.\n",
        ),
        (
            "| Sessie | Opbrengst | Wat wij aanbieden |\n"
            "|---|---|---|\n"
            "| 1 – Wonen voor starters | Jongeren trekken weg. | Een woningmarktscan |\n"
            "|  |  | Een excursie naar Zwolle |\n"
            "| 2 – Energie in de wijk | De netten zitten vol. | Een rekentool |\n"
            "|  | Schulden blijven verborgen. |  |\n",
            "Bij sessie 1 schoven raadsleden uit Epe en Heerde aan, onder leiding van Sanne Bos, adviseur "
            "bij Platform31. Vragen? Sanne Bos, s.bos@platform31.nl.\n\n"
            "Sessie 2 werd geleid door Tim Sol (Energiewerk), met raadsleden uit Ede en Oldebroek.\n",
        ),
        (
            "| Workshop | Wat er gezegd werd | Aanbod |\n"
            "|---|---|---|\n"
            "| A: Wonen voor starters | Jongeren trekken weg. | Een woningmarktscan |\n"
            "|  | Er is te weinig grond. | Een excursie naar Zwolle |\n"
            "| B: Energie in de wijk | De netten zitten vol. | Een rekentool |\n",
            "In workshop A zaten raadsleden uit Epe en Heerde; de gespreksleider was Sanne Bos, adviseur bij "
            "Platform31. Mail Sanne: s.bos@platform31.nl.\n\n"
            "Workshop B werd begeleid door Tim Sol (Energiewerk), met de raadsleden van Ede en Oldebroek.\n",
        ),
    ],
)
def test_a_harvest_table_whose_sessions_span_rows_keyed_by_prose(table: str, prose: str) -> None:
    text = f"Oogst van de regiodag\n\nDe oogst per tafel:\n\n{table}\nWie zat waar\n\n{prose}"
    assert _brief_sessions(text) == [
        (
            1,
            "Wonen voor starters",
            ["Epe", "Heerde"],
            [("Sanne Bos", "Platform31")],
            [("Sanne Bos", "s.bos@platform31.nl")],
            ["Een woningmarktscan", "Een excursie naar Zwolle"],
        ),
        (2, "Energie in de wijk", ["Ede", "Oldebroek"], [("Tim Sol", "Energiewerk")], [], ["Een rekentool"]),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # Not headed by a session word: a table of topics.
        "| Onderwerp | Wat we hoorden | Aanbod |\n"
        "|---|---|---|\n| A · Wonen | Te weinig grond. | Een scan |\n"
        "| B · Energie | Volle netten. | Een tool |\n",
        # Keys out of order, or a first cell without a key: no series of sessions.
        "| Tafel | Wat we hoorden | Aanbod |\n"
        "|---|---|---|\n| A · Wonen | Te weinig grond. | Een scan |\n"
        "| C · Energie | Volle netten. | Een tool |\n",
        "| Tafel | Wat we hoorden | Aanbod |\n"
        "|---|---|---|\n| Wonen | Te weinig grond. | Een scan |\n"
        "| Energie | Volle netten. | Een tool |\n",
        # An empty first cell before any session.
        "| Tafel | Wat we hoorden | Aanbod |\n"
        "|---|---|---|\n|  | Te weinig grond. | Een scan |\n"
        "| A · Energie | Volle netten. | Een tool |\n",
    ],
)
def test_other_tables_with_keyed_rows_are_no_sessions(table: str) -> None:
    prose = "Aan tafel A zaten raadsleden uit Epe, onder leiding van Sanne Bos."
    text = f"Oogst van de regiodag\n\n{table}\n{prose}\n"
    assert _brief_sessions(text) == []


def test_a_paragraph_naming_a_session_without_who_took_part_is_not_its_text() -> None:
    text = (
        "Oogst\n\n| Tafel | Aanbod |\n"
        "|---|---|\n| A · Wonen | Een scan |\n| B · Energie | Een tool |\n\n"
        "Tafel A was het drukst; in Epe en Heerde speelt het meest.\n\n"
        "Aan tafel B zaten raadsleden uit Ede.\n"
    )
    assert [(number, municipalities) for number, _, municipalities, *_ in _brief_sessions(text)] == [
        (1, []),
        (2, ["Ede"]),
    ]


_ATELIERS = (
    "Raadsvoorstel regionale ateliers\n\nInleiding\n\nOp 3 oktober 2024 vond de atelieravond plaats.\n\n"
    "Atelier 1, ‘Samen over de grens’, ging over de buren. {lead} Ook Baarle-Hertog schoof aan.\n\n"
    "Atelier 2, ‘Wie betaalt het zwembad?’, ging over voorzieningen. Het atelier stond onder leiding "
    "van Tim Sol (Energiewerk). Het Energiewerk biedt de raden een quickscan voorzieningen aan.\n\n"
    "Welke raden aan welk atelier deelnamen, staat in de tabel hieronder.\n\n{table}\n"
    "Vragen kunt u stellen aan de begeleiders:\n\n"
    "- atelier 1: Sanne Bos, s.bos@platform31.nl\n- atelier 2: het secretariaat, info@energiewerk.nl\n"
)


# Ateliers told in prose, their councils only in a table per municipality, contacts keyed by number.
@pytest.mark.parametrize(
    ("lead", "table"),
    [
        (
            "De begeleiding was in handen van Sanne Bos en Tom Wit (beiden Platform31). Zij bieden de raden "
            "een rekentool aan.",
            "| Gemeente | Raadsleden | Atelier(s) |\n|---|---|---|\n| Epe | 4 | 1 en 2 |\n"
            "| Heerde | 3 | 1 |\n| Ede | 2 | 2 |\n| Oldebroek | 0 | – |\n",
        ),
        (
            "Het werd begeleid door Sanne Bos en Tom Wit, allebei van Platform31. Zij bieden de raden een "
            "rekentool aan.",
            "| Gemeente | Sessies |\n|---|---|\n| Epe | 1, 2 |\n| Heerde | 1 |\n| Ede | 2 |\n",
        ),
        (
            "Het werd begeleid door Sanne Bos en Tom Wit (beiden Platform31). Platform31 biedt de raden een "
            "rekentool aan.",
            "| Gemeente | Aantal | Tafel(s) |\n|---|---|---|\n| Epe | 4 | 1 + 2 |\n"
            "| Heerde | 3 | 1 |\n| Ede | 2 | 2 |\n",
        ),
    ],
)
def test_ateliers_in_prose_with_councils_in_a_table_per_municipality(lead: str, table: str) -> None:
    assert _brief_sessions(_ATELIERS.format(lead=lead, table=table)) == [
        (
            1,
            "Samen over de grens",
            ["Epe", "Heerde"],
            [("Sanne Bos", "Platform31"), ("Tom Wit", "Platform31")],
            [("Sanne Bos", "s.bos@platform31.nl")],
            ["een rekentool"],
        ),
        (
            2,
            "Wie betaalt het zwembad?",
            ["Epe", "Ede"],
            [("Tim Sol", "Energiewerk")],
            [(None, "info@energiewerk.nl")],
            ["een quickscan voorzieningen"],
        ),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # Numbers of council members, not of sessions.
        "| Gemeente | Raadsleden |\n|---|---|\n| Epe | 1 |\n| Ede | 2 |\n",
        # A session column that names no numbers.
        "| Gemeente | Atelier(s) |\n|---|---|\n| Epe | alle |\n| Ede | nee |\n",
        # A first column of no municipalities.
        "| Organisatie | Atelier(s) |\n|---|---|\n| Epe | 1 |\n| Ede | 2 |\n",
    ],
)
def test_other_tables_give_the_ateliers_no_councils(table: str) -> None:
    lead = "Het werd begeleid door Sanne Bos (Platform31)."
    sessions = _brief_sessions(_ATELIERS.format(lead=lead, table=table))
    assert [(number, municipalities) for number, _, municipalities, *_ in sessions] == [(1, []), (2, [])]


# A run sheet filled in after the event: the schedule's programme rows open no session, the
# working groups do; who led them is the leader-labelled part of the who-cell, the councils are
# in the column of notes written afterwards.
@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            ["Tijd", "Onderdeel", "Wie", "Na afloop"],
            [
                ["19.00", "Inloop met soep", "Anna Smit (griffie Epe)", "Iedereen op tijd."],
                [
                    "19.30",
                    "Groep 1: Wonen",
                    "begeleiding: Bram Eck (Raadwerk); notulist: Lot Bos",
                    "Aan tafel raadsleden uit Epe en Heerde.",
                ],
                [
                    "19.30",
                    "Groep 2: Zorg",
                    "gespreksleider: Iris Dam; verslag: Kees Mol",
                    "Raadsleden uit Hattem; na de pauze schoof Olst-Wijhe aan.",
                ],
                ["21.00", "Borrel", "burgemeester Jan Wit", "Gezellig."],
            ],
            [
                (1, "Wonen", ["Epe", "Heerde"], [("Bram Eck", "Raadwerk")], []),
                (2, "Zorg", ["Hattem", "Olst-Wijhe"], [("Iris Dam", None)], []),
            ],
        ),
        (
            ["Tijdstip", "Onderdeel", "Wie", "Achteraf"],
            [
                ["13:00", "Welkom", "dagvoorzitter Eva Kok", "Kort."],
                ["13:15", "Ronde 1 – Energie", "moderator: Tom Ruis (Energiewerk)", "Met raden uit Venlo."],
                ["14:30", "Pauze", "catering: De Gouden Leeuw", "–"],
            ],
            [(1, "Energie", ["Venlo"], [("Tom Ruis", "Energiewerk")], [])],
        ),
        (
            ["Tijd", "Sessie", "Begeleiding", "Verloop"],
            [
                ["10.00", "Opening", "Piet Veld", "–"],
                ["10.15", "Workshop A: Jeugd", "Sara Bal (NJi)", "Raadsleden uit Gouda en Woerden."],
                ["11.30", "Lunch", "–", "–"],
            ],
            [(1, "Jeugd", ["Gouda", "Woerden"], [("Sara Bal", "NJi")], [])],
        ),
    ],
)
def test_a_run_sheet_reads_only_its_working_groups_as_sessions(
    header: list[str], rows: list[list[str]], expected: list[tuple[Any, ...]]
) -> None:
    assert _brief(_table([header, *rows], [])) == expected


@pytest.mark.parametrize(
    "rows",
    [
        # A schedule with no session keyword in any row: its rows stay as they were read.
        [
            ["09.30", "Wonen in de kernen", "Bram Eck (Raadwerk)"],
            ["11.00", "Zorg dichtbij", "Iris Dam (Avans)"],
        ],
        # The first column holds no clock times: every row is a session.
        [
            ["ochtend", "Wonen in de kernen", "Bram Eck (Raadwerk)"],
            ["Sessie 2: Zorg", "Zorg dichtbij", "Iris Dam"],
        ],
        # Times in a column, but each row a session of its own with a keyword.
        [["09.30", "Tafel 1: Wonen", "Bram Eck (Raadwerk)"], ["11.00", "Tafel 2: Zorg", "Iris Dam (Avans)"]],
    ],
)
def test_schedule_rows_stay_sessions_without_a_working_group_row(rows: list[list[str]]) -> None:
    sessions = _table([["Tijd", "Onderdeel", "Wie"], *rows], [])
    assert [s["title"] for s in sessions] == [
        (r[1].split(": ", 1)[-1] if ": " in r[1] else r[1]) for r in rows
    ]


@pytest.mark.parametrize(
    ("cell", "leaders"),
    [
        ("begeleiding: Bram Eck (Raadwerk); notulist: Lot Bos", [("Bram Eck", "Raadwerk")]),
        ("notulist: Lot Bos; gespreksleiding: Iris Dam (Avans)", [("Iris Dam", "Avans")]),
        ("Tafelvoorzitter: Eva Kok; verslag: Kees Mol; foto's: Tim Berg", [("Eva Kok", None)]),
        # No labels: the whole cell names the leaders, as before.
        ("Bram Eck (Raadwerk) en Iris Dam (Avans)", [("Bram Eck", "Raadwerk"), ("Iris Dam", "Avans")]),
        # Only other roles: no leader.
        ("notulist: Lot Bos; techniek: Tim Berg", []),
    ],
)
def test_a_who_cell_names_the_leaders_its_leader_label_opens(cell: str, leaders: list[Any]) -> None:
    rows = [["Onderdeel", "Wie"], ["Sessie 1: Wonen", cell], ["Sessie 2: Zorg", "Anna Smit"]]
    assert _brief(_table(rows, []))[0][3] == leaders


# A table keyed by group number with what each group offered and its contact person.
@pytest.mark.parametrize(
    ("header", "offers"),
    [
        (["Werkgroep", "Wat de raden krijgen", "Aanspreekpunt"], "een scan; een training"),
        (["Sessie", "Wat uw raad krijgt", "Contactpersoon"], "een scan; een training"),
        (["Tafel", "Aanbod", "Contact"], "een scan; een training"),
    ],
)
def test_a_keyed_table_of_offerings_and_contacts_joins_each_session(header: list[str], offers: str) -> None:
    rows = [["Onderdeel", "Gemeenten"], ["Sessie 1: Wonen", "Epe"], ["Sessie 2: Zorg", "Heerde"]]
    builder = DocumentBuilder("docx")
    builder.add("heading", "Verslag themadag", level=1)
    keyed = [header, ["1", offers, "Bram Eck, b.eck@raadwerk.nl"], ["2", "–", "Iris Dam, 06 - 1234 5678"]]
    for t, table in enumerate([rows, keyed]):
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                builder.add("table_cell", cell, table=(t, r, c))
    sessions = extract(builder.build())["sessions"]
    assert [s["offerings"] for s in sessions] == [["een scan", "een training"], []]
    assert [[c["name"] for c in s["contacts"]] for s in sessions] == [["Bram Eck"], ["Iris Dam"]]


# ----------------------------------------------------------------------------- factsheets


def _factsheets(header: list[str], values: list[str], lines: list[str]) -> list[dict[str, Any]]:
    """Two one-page factsheets: an unnumbered heading, a key-facts table (one header row over one
    row of values), then the page's lines."""
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raadsledenavond · factsheets per tafel", level=1)
    builder.add("paragraph", "Per tafel vindt u hieronder een factsheet.")
    for t, title in enumerate(["Wonen in de kernen", "Jeugd en onderwijs"]):
        builder.add("paragraph", f"Factsheet {t + 1} van 2")
        builder.add("heading", title, level=2)
        for r, row in enumerate([header, values]):
            for c, cell in enumerate(row):
                builder.add("table_cell", cell, table=(t, r, c))
        for line in lines:
            builder.add("paragraph", line)
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    ("header", "values"),
    [
        (
            ["📍 Zaal", "🏛 Aan tafel", "🗣 Gespreksleiding"],
            ["Zolder", "raadsleden uit Ede en Epe", "Ria Bos (Raadwerk)"],
        ),
        (["Raden aan tafel", "Begeleiding"], ["Ede, Epe", "Ria Bos (Raadwerk)"]),
        (
            ["👥 Deelnemers", "⏰ Tijd", "🎤 Tafelvoorzitter"],
            ["Ede en Epe", "20.00 uur", "Ria Bos (Raadwerk)"],
        ),
    ],
)
def test_a_key_facts_table_under_a_heading_tells_its_session(header: list[str], values: list[str]) -> None:
    lines = ["🎁 Dit krijgt uw raad: een kaart per kern", "✉ Doorpraten? Ria Bos, r.bos@raadwerk.nl"]
    sessions = _factsheets(header, values, lines)
    assert [s["title"] for s in sessions] == ["Wonen in de kernen", "Jeugd en onderwijs"]
    first = sessions[0]
    assert [m["name"] for m in first["municipalities"]] == ["Ede", "Epe"]
    assert [(f["name"], f["organisation"]) for f in first["facilitators"]] == [("Ria Bos", "Raadwerk")]
    assert first["offerings"] == ["een kaart per kern"]
    assert [c["email"] for c in first["contacts"]] == ["r.bos@raadwerk.nl"]


@pytest.mark.parametrize(
    ("header", "values"),
    [
        # A plan of what comes next: no column says who took part or led.
        (["📅 Wanneer", "📌 Wat", "👤 Wie"], ["10 december", "de opbrengst bespreken", "de griffiers"]),
        # Key figures of the evening.
        (["👥 Aantal", "⏱ Tijd"], ["47 raadsleden", "19.30 uur"]),
        (["Zaal", "Tijd", "Thema"], ["Zolder", "20.00", "Wonen"]),
        # Councils alone, no one who led: who came to the evening.
        (["🏛 Aan tafel", "👥 Aantal"], ["raadsleden uit Ede en Epe", "12"]),
    ],
)
def test_a_table_of_other_facts_under_a_heading_tells_no_session(
    header: list[str], values: list[str]
) -> None:
    assert _factsheets(header, values, ["Het was een mooie avond in Ede."]) == []


@pytest.mark.parametrize(
    ("line", "offerings"),
    [
        ("🎁 Dit krijgt uw raad: een kaart per kern", ["een kaart per kern"]),
        ("Wat krijgen de raden? Een kaart per kern", ["Een kaart per kern"]),
        ("Dit ontvangt jullie griffie: een kaart per kern", ["een kaart per kern"]),
        # A sentence, no label.
        ("Dit krijgt uw raad pas na de zomer te zien.", []),
        ("Wat krijgt de raad ervoor terug, vroeg een raadslid.", []),
        ("🎁 Een cadeau kreeg iedereen.", []),
    ],
)
def test_what_the_council_gets_is_an_offering(line: str, offerings: list[str]) -> None:
    assert sessions_of(line)[0]["offerings"] == offerings


@pytest.mark.parametrize("column", ["Bereikbaar via", "Te bereiken op", "bereikbaar op"])
def test_a_bijlage_of_contacts_per_werkgroep_gives_each_its_contact(column: str) -> None:
    table = [
        ["Werkgroep", "Naam", "Organisatie", column],
        ["1", "Ria Bos", "Raadwerk", "r.bos@raadwerk.nl of 030 - 123 45 67"],
        ["2", "–", "Dorpswerk", "info@dorpswerk.nl"],
    ]
    sessions = _letter("Tot slot.", [], table=table)
    assert [[(c["name"], c["email"]) for c in s["contacts"]] for s in sessions] == [
        [("Ria Bos", "r.bos@raadwerk.nl")],
        [(None, "info@dorpswerk.nl")],
    ]
    assert [s["offerings"] for s in sessions] == [[], []]


@pytest.mark.parametrize("column", ["Bereikbaarheid", "Bereikt", "Via"])
def test_a_table_per_werkgroep_without_a_contact_column_gives_no_contacts(column: str) -> None:
    table = [["Werkgroep", "Naam", column], ["1", "Ria Bos", "ja"], ["2", "Piet Kok", "nee"]]
    assert [s["contacts"] for s in _letter("Tot slot.", [], table=table)] == [[], []]


@pytest.mark.parametrize(
    "header",
    [
        ["Gemeente", "Les 1", "Les 2"],
        ["Gemeenten", "L1", "L2"],
        ["Gemeente", "Dag 1", "Dag 2"],
    ],
)
def test_a_matrix_of_counts_gives_each_session_the_councils_counted(header: list[str]) -> None:
    # A survey's respondents per session and gemeente: above zero took part, 0 did not.
    rows = [header, ["Gem. Buren", "3", "0"], ["Zaltbommel", "12", "1"], ["Hengelo (Ov.)", "0", "2"]]
    assert municipalities_per_session(_built(rows)) == [
        ["Buren", "Tiel", "Zaltbommel"],
        ["Ede", "Hengelo (O.)", "Zaltbommel"],
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # Counts beside words or percentages: no matrix of counts.
        [["Gemeente", "Les 1", "Les 2"], ["Buren", "3", "nee"], ["Tiel", "2", "1"]],
        [["Gemeente", "Les 1", "Les 2"], ["Buren", "3", "40%"], ["Tiel", "2", "1"]],
        # Counts under columns that are no sessions.
        [["Gemeente", "Inwoners", "Raadsleden"], ["Buren", "26000", "19"]],
    ],
)
def test_counts_outside_a_matrix_of_counts_add_no_session_municipalities(rows: list[list[str]]) -> None:
    assert municipalities_per_session(_built(rows)) == [["Tiel"], ["Ede"]]


def _leaders(body: str) -> list[tuple[str, str | None]]:
    text = (
        "Verslag van de regiodag\n\nSessie 1: Wijkraden\nGemeenten: Oss, Vught\n"
        f"Begeleiding: Nicole Willems (Rijkswaterstaat) en Tom Vaessen (Waterschap Aa en Maas)\n\n{body}\n"
    )
    (session,) = extract(read_txt(text.encode("utf-8")))["sessions"]
    return [(f["name"], f["organisation"]) for f in session["facilitators"]]


@pytest.mark.parametrize(
    ("note", "newcomer"),
    [
        (
            "Nicole Willems kon op het laatste moment niet; haar collega Sjoerd Laumen van Rijkswaterstaat "
            "nam haar plaats in.",
            ("Sjoerd Laumen", "Rijkswaterstaat"),
        ),
        (
            "Wegens ziekte werd Nicole Willems vervangen door Karin de Bruin (Provincie Gelderland).",
            ("Karin de Bruin", "Provincie Gelderland"),
        ),
        (
            "Op de avond zelf viel Peter Jansen (Rijkswaterstaat) in voor Nicole Willems.",
            ("Peter Jansen", "Rijkswaterstaat"),
        ),
    ],
)
def test_a_note_that_a_leader_was_replaced_swaps_the_leader(note: str, newcomer: tuple[str, str]) -> None:
    assert _leaders(note) == [("Tom Vaessen", "Waterschap Aa en Maas"), newcomer]


@pytest.mark.parametrize(
    "note",
    [
        # Other people beside a leader, no replacing.
        "Nicole Willems gaf het woord aan wethouder Sjoerd Laumen.",
        # A place taken, but no one of the session's leaders named.
        "Raadslid Karin de Bruin nam de plaats in van haar fractievoorzitter Peter Jansen.",
        # Both leaders named: who replaced whom is not clear.
        "Nicole Willems verving Tom Vaessen in de middag, en andersom.",
    ],
)
def test_notes_that_replace_no_leader_keep_the_leaders(note: str) -> None:
    assert _leaders(note) == [("Nicole Willems", "Rijkswaterstaat"), ("Tom Vaessen", "Waterschap Aa en Maas")]


def _with_contacts(closing: list[str]) -> dict[str, Any]:
    builder = DocumentBuilder("pdf")
    builder.add("heading", "Uitkomsten van de enquête na de regioavond", level=1)
    # The sessions only as the survey's breakdown: a table of tafels with their leaders.
    rows = [["Tafel", "Onderwerp", "Gespreksleiding"], ["1", "Wonen", "Ria Bos (Raadwerk)"]]
    rows += [["2", "Energie", "Kees Smit (Enexis)"], ["3", "Zorg", "Anna de Wit (GGD)"]]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            builder.add("table_cell", cell, table=(0, r, c))
    builder.add("heading", "Hoe verder", level=2)
    for line in closing:
        builder.add("paragraph", line)
    return extract(builder.build())


def contacts_per_session(doc: dict[str, Any]) -> list[list[str | None]]:
    return [[c["email"] or c["phone"] for c in s["contacts"]] for s in doc["sessions"]]


@pytest.mark.parametrize(
    "closing",
    [
        # Keyed by the session's word and number, all in one paragraph.
        [
            "Tafel 1: Ria Bos, r.bos@ede.nl, 0318 - 68 09 11. Tafel 2: Kees Smit, via het secretariaat. "
            "Tafel 3: zorg@epe.nl of 0578 - 71 31 00."
        ],
        [
            "Wie het aanbod van zijn tafel wil gebruiken, mailt de gespreksleider. Tafel 1: Ria Bos, "
            "r.bos@ede.nl; Tafel 3: het zorgloket, zorg@epe.nl, 0578 - 71 31 00."
        ],
        # A contact slide's lines keyed by the bare number and a dash.
        ["1 – Ria Bos, r.bos@ede.nl", "3 – via de griffie: zorg@epe.nl, 0578 - 71 31 00"],
    ],
)
def test_contacts_keyed_by_session_join_that_session(closing: list[str]) -> None:
    contacts = contacts_per_session(_with_contacts(closing))
    assert contacts[0] == ["r.bos@ede.nl"]
    assert contacts[1] == []
    assert "zorg@epe.nl" in contacts[2]


@pytest.mark.parametrize(
    "closing",
    [
        # A key that is no session word ("Bijlage 1:"), a key inside a sentence, no address.
        ["Bijlage 1: r.bos@ede.nl, Bijlage 3: zorg@epe.nl"],
        ["Meer weten over de tafels 1 – 3? Mail r.bos@ede.nl."],
        [
            "Het verslag komt van zorg@epe.nl. Tafel 1: een levendig gesprek over starters. "
            "Tafel 3: veel vragen over de wijkteams."
        ],
    ],
)
def test_lines_that_are_not_keyed_contacts_join_no_session(closing: list[str]) -> None:
    assert contacts_per_session(_with_contacts(closing)) == [[], [], []]


@pytest.mark.parametrize(
    ("body", "facilitators"),
    [
        # The role as a title opening its sentence.
        (
            "Aan tafel zaten raden uit Ede. Gespreksleider Anouk Tielemans, adviseur bij Raadwerk, "
            "liet cijfers zien.",
            [("Anouk Tielemans", "Raadwerk")],
        ),
        ("Tafelvoorzitter Bas Ooms van ProDemos opende het gesprek.", [("Bas Ooms", "ProDemos")]),
        # The leaders as the subject of a verb of leading.
        (
            "Er werd fel gediscussieerd. Mark van Gerwen, onderzoeker bij Tilburg University, en Petra "
            "Bressers, zelfstandig procesbegeleider, leidden het gesprek samen.",
            [("Mark van Gerwen", "Tilburg University"), ("Petra Bressers", None)],
        ),
        ("Karin Smit (Raadwerk) begeleidde de tafel met verve.", [("Karin Smit", "Raadwerk")]),
        ("Joris Palm en Noor Aydin leidden de sessie.", [("Joris Palm", None), ("Noor Aydin", None)]),
    ],
)
def test_a_leader_as_title_or_as_subject_of_leading(
    body: str, facilitators: list[tuple[str, str | None]]
) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(body)[0]["facilitators"]]
    assert found == facilitators


@pytest.mark.parametrize(
    "body",
    [
        # Someone who leads something else, or is led.
        "Wethouder Els Dam leidde de raadsleden rond door het nieuwe stadhuis.",
        # The subject is no person at the sentence's start.
        "Daarna leidden Karin Smit en Bas Ooms het gesprek over geld.",
        "De provincie, met Karin Smit als adviseur, leidde het gesprek.",
        # A role word in lower case inside a sentence, no title.
        "Als gespreksleider Bas Ooms zag zitten, was het goed.",
    ],
)
def test_no_leader_from_other_sentences_of_leading(body: str) -> None:
    assert sessions_of(body)[0]["facilitators"] == []


def _news_item_with_comments(comments: list[str]) -> list[dict[str, Any]]:
    builder = DocumentBuilder("docx")
    builder.add("heading", "Raden praten over de herindeling", level=1)
    builder.add("paragraph", "Na de opening gingen de raadsleden in twee groepen uiteen, elk rond een dorp.")
    builder.add("heading", "Esch kiest voor Boxtel", level=2)
    builder.add(
        "paragraph",
        "Hier zaten raadsleden uit Boxtel. Het gesprek werd geleid door Ruud Verhagen van Raadwerk.",
    )
    builder.add("heading", "Helvoirt en Vught", level=2)
    builder.add(
        "paragraph",
        "Hier zaten raadsleden uit Vught. Gespreksleider Anouk Tielemans, adviseur bij ProDemos, opende.",
    )
    builder.add("heading", "Reacties (2)", level=2)
    for line in comments:
        builder.add("paragraph", line)
    return extract(builder.build())["sessions"]


@pytest.mark.parametrize(
    ("comment", "organisation"),
    [
        ("Eén correctie: ik werk niet meer bij Raadwerk, maar als adviseur bij BMC.", "BMC"),
        ("Leuk verslag. De tafel in Esch heb ik namens Bureau Meierij geleid.", "Bureau Meierij"),
        (
            "Kleine aanvulling: ik zit sinds januari niet meer bij Raadwerk maar bij de Rekenkamer Oost.",
            "Rekenkamer Oost",
        ),
    ],
)
def test_a_leaders_own_comment_corrects_his_organisation(comment: str, organisation: str) -> None:
    sessions = _news_item_with_comments(["Ruud Verhagen · 14 februari 2020 om 11:40", comment])
    assert [(p["name"], p["organisation"]) for s in sessions for p in s["facilitators"]] == [
        ("Ruud Verhagen", organisation),
        ("Anouk Tielemans", "ProDemos"),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # Someone else's comment says it of him.
        ["Joyce de Wit · Burgerzaken · 14 februari 2020", "Ruud werkt nu namens BMC, toch?"],
        # His comment says nothing of himself in the first person.
        ["Ruud Verhagen · 14 februari 2020", "Mooi verslag, namens BMC dank aan iedereen die kwam."],
        # His name without an author's line is no comment of his.
        ["Ruud Verhagen schreef eerder al: ik werk niet meer bij Raadwerk, maar bij BMC."],
    ],
)
def test_other_comments_correct_no_leaders_organisation(lines: list[str]) -> None:
    sessions = _news_item_with_comments(lines)
    assert sessions[0]["facilitators"][0]["organisation"] == "Raadwerk"


def test_a_comment_adds_a_council_to_the_session_it_names() -> None:
    comment = (
        "Aanvulling: aan de tafel over Helvoirt schoof na de pauze een raadslid uit Sint-Michielsgestel aan."
    )
    sessions = _news_item_with_comments(["Henk Smulders · griffie · 14 februari 2020 om 10:05", comment])
    assert [[m["name"] for m in s["municipalities"]] for s in sessions] == [
        ["Boxtel"],
        ["Vught", "Sint-Michielsgestel"],
    ]


@pytest.mark.parametrize(
    ("body", "facilitators"),
    [
        (
            "Het gesprek stond onder leiding van Wiebe Hoekstra van de Vereniging Kleine Kernen en Jan "
            "Mulder, beleidsadviseur bij de provincie Drenthe.",
            [("Wiebe Hoekstra", "Vereniging Kleine Kernen"), ("Jan Mulder", "provincie Drenthe")],
        ),
        (
            "De tafel werd begeleid door Karin Smit van Raadwerk en Bas Ooms, trainer bij ProDemos. "
            "Daarna koffie.",
            [("Karin Smit", "Raadwerk"), ("Bas Ooms", "ProDemos")],
        ),
        (
            "Onder leiding van Noor Aydin namens de VNG en Joris Palm, adviseur bij de Rekenkamer Oost, "
            "spraken de raden.",
            [("Noor Aydin", "VNG"), ("Joris Palm", "Rekenkamer Oost")],
        ),
    ],
)
def test_a_second_leader_past_the_first_ones_body_with_a_role(
    body: str, facilitators: list[tuple[str, str | None]]
) -> None:
    found = [(p["name"], p["organisation"]) for p in sessions_of(body)[0]["facilitators"]]
    assert found == facilitators


@pytest.mark.parametrize(
    "body",
    [
        # No role after the second name: a participant, not a leader.
        "Het gesprek stond onder leiding van Karin Smit van Raadwerk en Bas Ooms sprak als eerste.",
        "De tafel werd begeleid door Karin Smit van Raadwerk en Bas Ooms.",
        # Not a person after "en".
        "Het gesprek stond onder leiding van Karin Smit van Raadwerk en de provincie, adviseur of niet.",
    ],
)
def test_no_second_leader_past_the_body_without_a_role(body: str) -> None:
    found = [p["name"] for p in sessions_of(body)[0]["facilitators"]]
    assert found == ["Karin Smit"]
