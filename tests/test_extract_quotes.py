"""Quotes: who said it, in which role, for which municipality, however the report writes it."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.extract import extract
from pipeline.ingest.txt import read_txt
from pipeline.recognizers.names import clean_person_name


def extracted(body: str) -> dict[str, Any]:
    return extract(read_txt(f"Verslag\n\nDatum: 14 februari 2020\n\n{body}\n".encode()))


def quotes_of(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (q["speaker"], (q["municipality"] or {}).get("name"), q["role"]) for q in extracted(body)["quotes"]
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Surname only after the full name was given, with the role given there.
        (
            "Directeur Hans Dijkstra van ProDemos is tevreden. “Dat zoveel raadsleden komen, laat zien hoe "
            "belangrijk het is”, aldus Dijkstra.",
            [("Hans Dijkstra", None, "directeur")],
        ),
        (
            "Het programma opende met dhr. P. van 't Hek, conservator van het museum.\n\n"
            "“Een raadszaal is nooit neutraal, wie in een kring zit overlegt,” aldus Van 't Hek.",
            [("P. van 't Hek", None, "conservator")],
        ),
        (
            "“Griffiers zijn geen notulisten meer, we zijn adviseurs,” zegt mw. Van den Berg-de Wit.\n\n"
            "Afsluiting door mw. A.M. van den Berg-de Wit, voorzitter afdeling Zuid-Holland.",
            [("A.M. van den Berg-de Wit", None, "voorzitter")],
        ),
        # The speaker introduces the quotation.
        (
            "Henk Postma merkte op dat het akkoord niet alleen van de griffie is: “Als de fractievoorzitters "
            "er niet op sturen, verdwijnt het in de la.”",
            [("Henk Postma", None, None)],
        ),
        (
            "Volgens griffier Jeroen ten Have van Noordwijkerhout is de winst groot: “Raadsleden lezen de "
            "voorstellen weer, ook de bijlagen.”",
            [("Jeroen ten Have", "Noordwijkerhout", "griffier")],
        ),
        # Quotation and attribution on one line.
        (
            '> "Dorpsbelangen zijn geen lastposten, ze zijn onze beste informanten." – Anneke Postma, '
            "raadslid gemeente Dantumadiel",
            [("Anneke Postma", "Dantumadiel", "raadslid")],
        ),
        # A role and the municipality it serves before the name.
        (
            "“We moeten inwoners veel eerder betrekken bij de plannen”, zegt de locoburgemeester van "
            "Heerde Wolbert Meijer.",
            [("Wolbert Meijer", "Heerde", "locoburgemeester")],
        ),
        # A municipality in brackets after the name is the speaker's, not an organisation.
        (
            "“Het raadsakkoord gaf ons rust in de raad”, zegt Rijk van Walsem (Leiderdorp).",
            [("Rijk van Walsem", "Leiderdorp", None)],
        ),
        (
            "“Het raadsakkoord gaf ons rust, dat raad ik iedereen aan.”\n– Wolbert Meijer (Leiderdorp)",
            [("Wolbert Meijer", "Leiderdorp", None)],
        ),
        # A role before the name in the attribution.
        (
            "“We merken dat inwoners graag meedenken over geld”, zegt wethouder Sabine Dekker van Ede.",
            [("Sabine Dekker", "Ede", "wethouder")],
        ),
        # Dutch „...“ quotation marks, with the attribution on its own line after an em dash.
        (
            "„Een regeling is geen trein waar de raad af en toe naar mag zwaaien.“\n"
            "— Karel Verbeek, wethouder in Boxmeer",
            [("Karel Verbeek", "Boxmeer", "wethouder")],
        ),
        (
            "„Een rapport dat in de la verdwijnt, is duurder dan geen rapport.“\n\n"
            "— Marga Hoek, atelierleider",
            [("Marga Hoek", None, "atelierleider")],
        ),
        (
            "„Wij zijn geen stempelmachine voor de regio, we willen het op tijd weten“, aldus "
            "fractievoorzitter Gerrit Wassink uit Lochem.",
            [("Gerrit Wassink", "Lochem", "fractievoorzitter")],
        ),
        # Guillemets.
        (
            "«Het gesprek wordt pas echt als je zelf iets te verliezen hebt.»\n"
            "— Dewi Hendriks, procesbegeleider",
            [("Dewi Hendriks", None, "procesbegeleider")],
        ),
        # Single quotes, straight and typographic, with the attribution after them.
        (
            "'Als je nooit iemand kent die in de raad zit, voelt de gemeente als een loket,' "
            "zei raadslid "
            "Ayse Demir uit Enschede.",
            [("Ayse Demir", "Enschede", "raadslid")],
        ),
        (
            "‘De raad moet niet vragen of het initiatief past, maar of het beleid ruimte laat,’ "
            "aldus trainer "
            "Joke van Dam.",
            [("Joke van Dam", None, "trainer")],
        ),
        (
            "‘We schrijven geen rapporten voor de kast. We vragen de raad waarom.’ – Roel Peeters, "
            "voorzitter rekenkamercommissie Peel en Maas",
            [("Roel Peeters", "Peel en Maas", "voorzitter")],
        ),
        # An apostrophe inside a word ends no single-quoted quotation.
        (
            "'We krijgen zo'n zeshonderd pagina's per maand, dat haalt niemand,' "
            "zegt griffier Els Bos uit Oss.",
            [("Els Bos", "Oss", "griffier")],
        ),
    ],
)
def test_quotes(body: str, expected: list[tuple[str | None, str | None, str | None]]) -> None:
    assert quotes_of(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The attribution in brackets, after the quote or in a paragraph of its own.
        (
            "“Wie de wijk kent, kent de raad niet altijd.” (Mila Groen, raadslid Venlo)",
            [("Mila Groen", "Venlo", "raadslid")],
        ),
        (
            "„We hebben te weinig tijd voor elk dossier.“\n\n(Kees Mol, griffier op Ameland)",
            [("Kees Mol", "Ameland", "griffier")],
        ),
        # The speaker on a short line of their own ending in a colon, the quote below it.
        (
            "Wethouder Ans Bol uit Tiel:\n\n“Regionaal samenwerken kost tijd, maar levert ons veel op.”",
            [("Ans Bol", "Tiel", "wethouder")],
        ),
        (
            "Een griffier uit Buren, Joris Palm, zei het zo:\n\n“Wij lezen alles, maar niet alles.”",
            [("Joris Palm", "Buren", "griffier")],
        ),
        # Role and place in brackets after the name, a single-quoted quotation after the colon.
        (
            "Noor Aydin (raadslid Culemborg) vatte het samen: ‘Wie niet vraagt, krijgt ook geen antwoord.’",
            [("Noor Aydin", "Culemborg", "raadslid")],
        ),
        # A role alone in the attribution: the person named with that role before the quote.
        (
            "Wethouder Ria Bos van Culemborg sloot af. “Jullie zijn de raad van morgen,” zei de wethouder.",
            [("Ria Bos", "Culemborg", "wethouder")],
        ),
        # Other verbs of saying.
        (
            "“We lezen te weinig en vragen te veel,” reageerde wethouder Ria Bos van Tiel.",
            [("Ria Bos", "Tiel", "wethouder")],
        ),
        (
            "“Dit kost ons jaren, niet maanden,” waarschuwde griffier Kees Mol uit Buren.",
            [("Kees Mol", "Buren", "griffier")],
        ),
        # Verbs of manner and opinion.
        (
            "“Ik had nooit gedacht dat het zo leuk zou zijn,” lacht raadslid Ilse Wolters uit Goirle.",
            [("Ilse Wolters", "Goirle", "raadslid")],
        ),
        (
            "“Het mag best wat sneller,” vond Joris Dekker, fractievoorzitter in Oss.",
            [("Joris Dekker", "Oss", "fractievoorzitter")],
        ),
        # A quotation split by its attribution.
        (
            "“Wij zijn,” aldus wethouder Bas Ooms van Zaltbommel, “geen randgemeente van de stad.”",
            [("Bas Ooms", "Zaltbommel", "wethouder")],
        ),
        # A short label before the quote, the attribution after a dash with a filler and an age.
        (
            'Uitspraak van de dag: "Wij praten niet over jongeren, wij zijn de jongeren." - dat was '
            "Milan Kuipers (15), jongerenraadslid in Hattem.",
            [("Milan Kuipers", "Hattem", "jongerenraadslid")],
        ),
        # The attribution after a slash, on the next line or on the quote's own line.
        (
            '"Een goede griffie maakt de raad sterker, niet stiller."\n\n'
            "/ Tessa Vink, griffier Ooststellingwerf",
            [("Tessa Vink", "Ooststellingwerf", "griffier")],
        ),
        (
            '"Wie samen leert, hoeft niet alles zelf uit te vinden." / Ruud Bakker, griffier Tynaarlo',
            [("Ruud Bakker", "Tynaarlo", "griffier")],
        ),
        # The municipality after a role after the name, in a lead-in.
        (
            "Zo zegt Ilse Mol, griffier van Hollands Kroon: ‘Eindelijk spreken we dezelfde taal.’",
            [("Ilse Mol", "Hollands Kroon", "griffier")],
        ),
        # Only the surname at the quote: the place comes from where the full name was given.
        (
            "Wethouder Sanne Wolters van Epe opende de dag.\n\nDaarna volgden de rondes.\n\n"
            "Wethouder Wolters sloot af: “Volgend jaar doen we dit gewoon weer, in een grotere zaal.”",
            [("Sanne Wolters", "Epe", "wethouder")],
        ),
        # A quotation of its own after the sentence that opens with its speaker.
        (
            "Wethouder Koen Smits van Bernheze had een heldere boodschap. “Zonder de raad komt er "
            "geen regionale agenda, dat is echt zo.”",
            [("Koen Smits", "Bernheze", "wethouder")],
        ),
        (
            "Ruim tachtig raadsleden kwamen. Voorzitter van de adviescommissie Mirjam de Kok opende "
            "de avond met een terugblik. „Dit jaar hebben we echt iets gebouwd met elkaar.”",
            [("Mirjam de Kok", None, "voorzitter")],
        ),
        # A table with the speaker in one cell and the quotation in the cell right of it.
        (
            "| Spreker | Uitspraak |\n|---|---|\n"
            "| Ria Bos, wethouder Oss | “Samen leren kost tijd, maar het levert veel op.” |\n"
            "| Kees Mol, griffier Buren | ‘Wij lezen alles, maar niet alles even goed.’ |",
            [("Ria Bos", "Oss", "wethouder"), ("Kees Mol", "Buren", "griffier")],
        ),
        # An interview: the answers are quotes of the person its introduction names.
        (
            "Twee vragen aan Noor Aydin, raadslid in Culemborg\n\nV: Hoe was het?\n\n"
            "A: “Beter dan verwacht, ik ging met een vol notitieblok naar huis.”\n\n"
            "V: En nu?\n\nA: Nu gaan we verder met de fractie.",
            [("Noor Aydin", "Culemborg", "raadslid")],
        ),
        (
            "In een kort interview met Joris Palm, programmaleider bij ProDemos, blikken we terug.\n\n"
            "Vraag: Wat viel op?\n\nAntwoord: „Hoe goed raadsleden elkaar al kenden.”",
            [("Joris Palm", None, "programmaleider")],
        ),
        # A translation after a slash is no attribution: the speaker is the one before the colon.
        (
            "Burgemeester Ans Bol van Venlo: “Wij kijken over de grens.” / *“We look across the border.”*",
            [("Ans Bol", "Venlo", "burgemeester")],
        ),
        # In a letter to a council, "uw raad" and "ons college" are the municipality it is
        # addressed to.
        (
            "Aan de gemeenteraad van Oss\n\nGeachte leden,\n\nVoor ons college sprak wethouder Ria "
            "Bos: “Regionaal samenwerken is geen doel op zich.”\n\nNamens uw raad was raadslid Kees Mol "
            "aanwezig, die zei: “Ik neem dit mee naar de fractie.”",
            [("Ria Bos", "Oss", "wethouder"), ("Kees Mol", "Oss", "raadslid")],
        ),
        # Hard-wrapped lines: the quotation runs on over the next line (under an ALL-CAPS heading).
        (
            'SLOTWOORD\nBurgemeester Kees Mol van Tiel sloot af: "Drie raden,\nhet is een begin. Tot '
            'volgend jaar." Daarna was er\neen borrel in de foyer.',
            [("Kees Mol", "Tiel", "burgemeester")],
        ),
        (
            'Er is nog veel te doen. "Wij moeten leren\nluisteren naar elkaar," vertelde griffier '
            "Ans Bol uit Buren.\nDaarna volgde de pauze.",
            [("Ans Bol", "Buren", "griffier")],
        ),
        # Minutes: the speaker by the initials the attendance list opens a line with.
        (
            "Aanwezig\nPdG   Petra de Groot, wethouder in Zwolle\nMK   Mark Kok, griffier van Ede\n\n"
            "Punt 2\n\n- MK: vraagt naar de planning.\n- PdG (op verzoek genotuleerd): “Wij beginnen "
            "pas na de zomer met de evaluatie.”",
            [("Petra de Groot", "Zwolle", "wethouder")],
        ),
        # Only the surname before the colon: the person named in full earlier.
        (
            "De tafel werd geleid door Tessa Vink, onderzoeker bij de Universiteit Twente. Er kwamen veel "
            "vragen. Vink: “Het antwoord ligt vaak al bij de raad zelf.”",
            [("Tessa Vink", None, "onderzoeker")],
        ),
        # The municipality in the possessive before the role.
        (
            "“Wij lezen alles, maar niet alles even goed,” zei Zwolle's wethouder Petra de Groot "
            "op de avond.",
            [("Petra de Groot", "Zwolle", "wethouder")],
        ),
        # A mail's ASCII guillemets, the attribution in brackets after them.
        (
            ">> Wie de raad wil versterken, begint bij de griffie. << (Kees Mol, griffier Buren)",
            [("Kees Mol", "Buren", "griffier")],
        ),
        # The speaker first, then a dash and the quotation.
        (
            "Tessa Vink (Oss) – ‘Wij zijn klein, maar we willen wel gehoord worden.’",
            [("Tessa Vink", "Oss", None)],
        ),
        # A short line under the quotation naming the speaker, without a dash.
        (
            "**“Wie niet kiest, wordt gekozen door anderen.”**\n\n*Burgemeester Ans Bol, Venlo*",
            [("Ans Bol", "Venlo", "burgemeester")],
        ),
        # A quotation of its own right after the sentence opening with its speaker, mid-paragraph.
        (
            "In Oss deden veel ouderen mee. Wethouder Kees Mol uit Oss zei het zo. “Digitaal is niet "
            "hetzelfde als jong.” Daarna ging het over de begroting.",
            [("Kees Mol", "Oss", "wethouder")],
        ),
    ],
)
def test_quotes_attributed_in_other_shapes(
    body: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert quotes_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # A bracket that is no attribution, a lead-in line without a person, a province.
        "“Dit was een goede middag voor iedereen die kwam.” (foto: gemeente)",
        "De conclusie van de tafel:\n\n“Een raadsakkoord werkt alleen als het kort is.”",
        "Ria Bos reageerde kort op de vraag van Buren over de kosten van het project.",
        # A quotation after a sentence naming two people, or naming one only deep inside it.
        "Wethouder Ans Bol en raadslid Kees Mol openden de avond. “Wij doen dit echt samen, als regio.”",
        "Na een lange discussie over de begroting en de planning stelde raadslid Kees Mol iets voor. "
        "“Laten we elk kwartaal bij elkaar komen.”",
        # One word before the colon that is no surname named before, initials no list explains.
        "Ria Bos opende de avond. Conclusie: “Wij moeten eerder met elkaar in gesprek.”",
        "Punt 3\n\n- RB: “Wij moeten eerder met elkaar in gesprek, vind ik.”",
        # A session title after a dash; a short line under a quotation that is a sentence.
        "Sessie 2 – ‘Wonen in de kleine kernen van de regio’",
        "“Wie niet kiest, wordt gekozen door anderen.”\n\nDat zei Ans Bol later ook.",
        # A quotation mark left open over more lines than a quotation runs on.
        'Kees Mol zei: "Drie raden,\nhet is\neen begin,\nzo\nmooi." Daarna was er een borrel.',
        # A quotation cell whose row names nobody; an answer line without an interview's intro.
        "| Thema | Uitspraak |\n|---|---|\n| Wonen | “Bouw eerst voor de eigen jongeren, dan pas.” |",
        "V: Wat viel op?\n\nA: “Hoe goed raadsleden elkaar al kenden, dat wist ik niet.”",
    ],
)
def test_no_quotes_in_other_shapes(body: str) -> None:
    assert [q[0] for q in quotes_of(body)] in ([], [None])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Belgian roles: the alderman (schepen) and kin, named with the person and quoted later
        # by the surname alone.
        (
            "In Antwerpen ontving schepen Els Van Damme ons. “Wij betrekken de districten bij alles,” "
            "zei Van Damme.",
            [("Els van Damme", None, "schepen")],  # the particle rendered the Dutch way
        ),
        (
            "Districtsschepen Pieter Claes leidde de rondgang. “De wijk beslist mee over haar pleinen,” "
            "vertelde Claes.",
            [("Pieter Claes", None, "districtsschepen")],
        ),
        (
            "Gouverneur Jan Peeters sloot af: “Over de grens werken we al jaren samen.”",
            [("Jan Peeters", None, "gouverneur")],
        ),
        # Ships are no role: the quote keeps its speaker without one.
        (
            "De schepen lagen in de haven. Karel Maes zei: “Die haven is van ons allemaal.”",
            [("Karel Maes", None, None)],
        ),
    ],
)
def test_belgian_roles_of_speakers(
    body: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert quotes_of(body) == expected


def test_a_pronoun_after_the_verb_gives_no_quote_without_a_speaker() -> None:
    assert quotes_of("Sanne Bos opende. “Hier praten wij pas als het onze beurt is,” grapte ze.") == []


def test_a_role_alone_without_that_role_named_before_has_no_speaker() -> None:
    body = "Ria Bos sloot af. “Jullie zijn de raad van de toekomst,” zei de wethouder."
    assert quotes_of(body) == [(None, None, "wethouder")]


def test_a_place_after_a_verb_after_the_name_is_not_the_speakers() -> None:
    body = "Wethouder Ans Bol sprak in Deventer de zaal toe: “Wij gaan hier samen mee verder.”"
    assert quotes_of(body) == [("Ans Bol", None, "wethouder")]


def test_an_earlier_mention_without_a_place_gives_no_municipality() -> None:
    body = (
        "Gedeputeerde Ria Bos sprak namens de provincie Utrecht.\n\n"
        "Gedeputeerde Bos sloot af: “Wij blijven deze gemeenten steunen, ook na dit jaar.”"
    )
    assert quotes_of(body) == [("Ria Bos", None, "gedeputeerde")]


def test_our_council_without_a_letters_address_gives_no_municipality() -> None:
    body = "Namens onze raad was raadslid Kees Mol aanwezig, die zei: “Ik neem dit mee naar de fractie.”"
    assert quotes_of(body) == [("Kees Mol", None, "raadslid")]


def test_a_possessive_that_is_no_municipality_gives_none() -> None:
    body = "“Wij lezen alles, maar niet alles even goed,” zei Europa's oudste griffier Kees Mol."
    assert [q[1] for q in quotes_of(body)] == [None]


def test_a_province_after_the_role_is_no_municipality() -> None:
    body = "“Samen leren werkt, ook tussen gemeenten.”\n\n– Ria Bos, gedeputeerde provincie Gelderland"
    assert quotes_of(body) == [("Ria Bos", None, "gedeputeerde")]


@pytest.mark.parametrize(
    "body",
    [
        # Reported speech is not a quote.
        "Volgens Kok is loting geen garantie voor een representatief beraad.",
        # A colon before a short title in single quotes is no quotation.
        "Henk Postma gaf de middag een motto: ‘klein beginnen, groot denken’.",
        # A colon and a quotation without a person in the sentence.
        "De conclusie van de middag was helder: “een raadsakkoord werkt alleen als het kort is.”",
        # Apostrophes of 's-Hertogenbosch, 't and zo'n open no single-quoted quotation.
        "In 's-Hertogenbosch kwamen zo'n veertig raadsleden bijeen, zegt de griffie in haar verslag.",
        "Het project in ’t Harde en in ’s-Heerenberg liep goed, vertelt de wethouder achteraf.",
        # A word in single quotes is a term, not a quotation.
        "Boxtel vertelde over de ‘regioparagraaf’ in de begroting, volgens de griffier een succes.",
    ],
)
def test_no_quotes(body: str) -> None:
    assert quotes_of(body) == []


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    people = extracted(
        "Directeur Hans Dijkstra van ProDemos is tevreden. “Dat zoveel raadsleden komen, laat zien hoe "
        "belangrijk het is”, aldus Dijkstra."
    )["people"]
    assert [p["name"] for p in people] == ["Hans Dijkstra"]


def test_a_surname_shared_by_two_people_is_not_merged_into_a_different_given_name() -> None:
    people = extracted("Jan Bos en Piet Bos spraken over de begroting.")["people"]
    assert [p["name"] for p in people] == ["Jan Bos", "Piet Bos"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Fatima el Idrissi", "Fatima el Idrissi"),
        ("Fatima El Khatib", "Fatima El Khatib"),
        ("Mohamed ben Ali", "Mohamed ben Ali"),
        ("Noor el Amrani, raadslid", "Noor el Amrani"),
        # A lower-case word that is no surname prefix, or a prefix before a lower-case word, is no name.
        ("Fatima en Idrissi", None),
        ("Jan al gauw", None),
    ],
)
def test_a_lower_case_surname_prefix_after_a_first_name(written: str, name: str | None) -> None:
    assert clean_person_name(written) == name


def test_a_block_quote_by_a_speaker_with_a_lower_case_prefix() -> None:
    body = (
        "“Je merkt dat studenten heel anders naar de gemeenteraad kijken dan wij zelf.”\n"
        "- Fatima el Idrissi, raadslid gemeente Rijswijk ZH"
    )
    assert quotes_of(body) == [("Fatima el Idrissi", "Rijswijk (ZH.)", "raadslid")]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # A speaker's turn is no quote; a sentence in quotation marks inside it is.
        (
            '[20:51] KEES BOS (voorzitter): Een raadslid uit Kapelle, Jolanda Kodde, zei het mooi: "Een dorp '
            'zonder school is een slaapdorp." Dat bleef hangen.\n\n[20:53] ANNA VOS (griffier): Dank je.',
            [("Jolanda Kodde", "Kapelle", "raadslid")],
        ),
        (
            "19:42 – PIET HOEKSTRA (Jeugdregio): Wethouder Sanne de Boer uit Gouda vatte het samen: ‘Samen "
            "staan we sterker dan alleen.’\n\n19:44 – ELS MULDER: Zo is het.",
            [("Sanne de Boer", "Gouda", "wethouder")],
        ),
        (
            "[14:05] Anja de Wit (dagvoorzitter): We zijn terug.\n\n[14:06] Hans Brouwer (politie): "
            "Wij hadden een goed gesprek.\n\n[14:08] Anja de Wit (dagvoorzitter): Dank u wel.",
            [],
        ),
        (
            "[10:02:15] GEERT BOS (voorzitter): Welkom allemaal bij deze avond over de regio.\n\n"
            "[10:03:00] SANNE KOK (RES Holland Rijnland): Ik ben blij dat er zoveel raadsleden zijn.",
            [],
        ),
    ],
)
def test_in_a_transcript_only_a_quoted_sentence_is_a_quote(
    turns: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert quotes_of(turns) == expected


def speakers_details(body: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q["speaker"], q["role"], q["organisation"]) for q in extracted(body)["quotes"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A role in lower case after the name, also one not in the list of roles: no organisation.
        (
            "„Eén bericht en je bent een week onderwerp van gesprek.” (Orhan Yilmaz, journalist)",
            [("Orhan Yilmaz", "journalist", None)],
        ),
        (
            "“We moeten eerlijk zijn over wat het kost.” (Fenna de Vos, verslaggever)",
            [("Fenna de Vos", "verslaggever", None)],
        ),
        (
            "“Het dorp verdient een eigen huis.” – Sanne Kuipers, moeder van drie kinderen",
            [("Sanne Kuipers", "moeder van drie kinderen", None)],
        ),
        # A body is named with capitals, or with a body's head before its name.
        (
            "“De raad moet kiezen.” (Kees Bakker, Omroep Brabant)",
            [("Kees Bakker", None, "Omroep Brabant")],
        ),
        ("“De raad moet kiezen.” (Kees Bakker, griffie)", [("Kees Bakker", None, "griffie")]),
        (
            "“De raad moet kiezen.” (Kees Bakker, Woningcorporatie Liemerland)",
            [("Kees Bakker", None, "Woningcorporatie Liemerland")],
        ),
    ],
)
def test_a_role_in_lower_case_after_the_name_is_no_organisation(
    body: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert speakers_details(body) == expected


def _cue(number: int, text: str) -> str:
    return f"{number}\n00:00:{number:02d}.000 --> 00:00:{number + 1:02d}.000\n{text}\n\n"


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        # A soundbite in a subtitle file: the voice is the speaker, the lower third their role.
        (
            [
                "[IN BEELD: Sanne Wolters – raadslid Deventer]",
                "<v Sanne Wolters>Wij willen meer regie\nop de jeugdzorg.</v>",
            ],
            [("Sanne Wolters", "Deventer", "raadslid")],
        ),
        (
            [
                "[NAAM IN BEELD: Karel Dijkstra – burgemeester van Tynaarlo]",
                "<v Karel Dijkstra>Dit doen we samen,</v>",
                "<v Karel Dijkstra>of we doen het niet.</v>",
            ],
            [("Karel Dijkstra", "Tynaarlo", "burgemeester")],
        ),
        # Without a lower third the voice alone names the speaker.
        (
            ["<v Ria de Lange>Het is tijd dat de raden elkaar vaker opzoeken.</v>"],
            [("Ria de Lange", None, None)],
        ),
        # The narrator's voice and a cue without one are the film's own text, no quote.
        (["<v Verteller>Het was een drukke avond in de raadzaal van Ede.</v>"], []),
        (["<v Voice-over>Ruim zestig raadsleden kwamen naar Zwolle.</v>"], []),
        (["Ruim zestig raadsleden kwamen die avond naar Zwolle."], []),
    ],
)
def test_a_subtitle_soundbite_is_a_quote(
    cues: list[str], expected: list[tuple[str, str | None, str | None]]
) -> None:
    text = "WEBVTT\n\n" + "".join(_cue(n, cue) for n, cue in enumerate(cues, 1))
    doc = extract(read_txt(text.encode("utf-8")))
    quotes = [(q["speaker"], (q["municipality"] or {}).get("name"), q["role"]) for q in doc["quotes"]]
    assert quotes == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Het ging lang over geld. Een raadslid uit Aa en Hunze vatte het in de slotronde zo samen: "
            "„Wij zijn niet de klant van het sociaal team, wij zijn de opdrachtgever.”",
            [(None, "Aa en Hunze", "raadslid")],
        ),
        (
            "Eén wethouder van Tynaarlo zei het zonder omwegen: “Zonder de dorpen halen we dit niet.”",
            [(None, "Tynaarlo", "wethouder")],
        ),
        (
            "Ook een griffier uit Emmen had een duidelijke boodschap: “Begin op tijd met de stukken.”",
            [(None, "Emmen", "griffier")],
        ),
    ],
)
def test_an_unnamed_speaker_with_a_role_and_a_place(
    body: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert quotes_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # No role: "een dorp", "een brief" are none.
        "Een dorp uit Emmen liet weten: “Zonder de dorpen halen we dit niet, echt niet.”",
        "Een brief van Emmen vatte het zo samen: “Zonder de dorpen halen we dit niet, echt niet.”",
        # A role from a place that is no municipality.
        "Een raadslid uit Friesland vatte het zo samen: “Zonder de dorpen halen we dit niet, echt niet.”",
    ],
)
def test_no_unnamed_speaker_without_a_role_or_a_municipality(body: str) -> None:
    assert quotes_of(body) == []
