"""Plain-text reader: encodings, line endings, markers; and the sample markup that mirrors the sample .txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, SAMPLE_STEM
from render import visible_lines

from pipeline.ingest import IngestError, read_document
from pipeline.ingest.txt import read_txt

TEXT = (
    "Verslag “Democratie in Actie”\n\nCollega’s uit Súdwest-Fryslân en Één gemeente\n"
    "1. Eerste punt\n• Bolletje\n"
)
LINES = [
    (None, "Verslag “Democratie in Actie”"),
    (None, "Collega’s uit Súdwest-Fryslân en Één gemeente"),
    ("1.", "Eerste punt"),
    ("•", "Bolletje"),
]


def shown(data: bytes) -> list[tuple[str | None, str]]:
    return [(b.marker, b.text) for b in read_txt(data).blocks]


def test_utf8() -> None:
    assert shown(TEXT.encode("utf-8")) == LINES


def test_utf8_with_bom() -> None:
    document = read_txt(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert [(b.marker, b.text) for b in document.blocks] == LINES
    assert not document.text.startswith("\ufeff")


def test_windows_1252_quotes_and_accents() -> None:
    data = "“Mooi”, zei de wethouder. Collega’s uit Zoeterwoude: café en één.".encode("cp1252")
    assert b"\x93" in data and b"\x92" in data and b"\xe9" in data
    assert shown(data) == [(None, "“Mooi”, zei de wethouder. Collega’s uit Zoeterwoude: café en één.")]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings(newline: str) -> None:
    document = read_txt(TEXT.replace("\n", newline).encode("utf-8"))
    assert [(b.marker, b.text) for b in document.blocks] == LINES
    assert "\r" not in document.text


def test_form_feed_is_a_page_break() -> None:
    document = read_txt(b"Pagina een\n\fPagina twee\n")
    assert [(b.text, b.page) for b in document.blocks] == [("Pagina een", 1), ("Pagina twee", 2)]
    assert document.pages == 2


@pytest.mark.parametrize(
    ("garbage", "reason"),
    [
        (bytes(range(256)) * 8, "not a text file: bytes are neither UTF-8 nor Windows-1252"),
        (
            b"\x00\x01\x02\x03data\x04\x05" * 200,
            "not a text file: binary content (control bytes) in a .txt file",
        ),
    ],
)
def test_binary_garbage_is_refused(garbage: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_txt(garbage)
    assert caught.value.reason == reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^no text"):
        read_txt(b"  \n\t\n")
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match=r"^empty file \(0 bytes\)$"):
        read_document(empty)


def test_sample_markup_matches_the_sample_txt() -> None:
    """The .md the docx/PDF tests render must say exactly what the .txt says, line for line."""
    markup = (DATA / "sample" / f"{SAMPLE_STEM}.md").read_text(encoding="utf-8")
    txt = (DATA / "sample" / f"{SAMPLE_STEM}.txt").read_text(encoding="utf-8")
    expected = [" ".join(line.split()) for line in txt.splitlines() if line.strip()]
    assert [" ".join(line.split()) for line in visible_lines(markup)] == expected
    assert "<pagebreak>" in markup.split("## 2. Sessie", 1)[1].split("## 3.", 1)[0]


@pytest.mark.parametrize(
    ("line", "marker", "text"),
    [
        ("\uf0b7 Een leeromgeving", "\u2022", "Een leeromgeving"),  # Word's Symbol bullet in a PDF export
        ("\uf0a7 Advies op maat", "\u2022", "Advies op maat"),  # Wingdings square
        ("\u25aa Netwerk", "\u25aa", "Netwerk"),
        ("\u27a2 Handreiking", "\u27a2", "Handreiking"),
        ("\u2192 Zie ook de website", "\u2192", "Zie ook de website"),
        ("12) Twaalfde punt", "12)", "Twaalfde punt"),
        ("b. Tweede optie", "b.", "Tweede optie"),
        (
            "  ° een gezamenlijke vacaturebank",
            "°",
            "een gezamenlijke vacaturebank",
        ),  # a degree sign typed as bullet
    ],
)
def test_list_markers(line: str, marker: str, text: str) -> None:
    assert shown(line.encode("utf-8")) == [(marker, text)]


@pytest.mark.parametrize(
    "line",
    ["2019 was een goed jaar", "€ 10.000 per jaar", "Ommen-Hardenberg", "-5 graden", "12° vorst in Ede"],
)
def test_not_list_markers(line: str) -> None:
    assert shown(line.encode("utf-8")) == [(None, line)]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # Word's second-level bullet "o" in a text export, in a run of two or more.
        ("Aanbod:\n  o een training\n  o een handreiking\n", ["een training", "een handreiking"]),
        (
            "Aanbod:\no een training\no een handreiking\no een leerkring\n",
            ["een training", "een handreiking", "een leerkring"],
        ),
        # A single line opening with "o" is a sentence, not a list.
        ("Aanbod:\no jee, dat vergaten we.\n", []),
        ("o een training\n\no een handreiking\n", []),
    ],
)
def test_o_bullets_in_a_run_are_list_items(text: str, items: list[str]) -> None:
    blocks = read_txt(text.encode()).blocks
    assert [b.text for b in blocks if b.kind == "list_item"] == items


def cells(text: str) -> list[tuple[tuple[int, int, int] | None, str]]:
    return [(b.table, b.text) for b in read_txt(text.encode("utf-8")).blocks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ASCII grid: rules above, below and under the header; one row a line.
        (
            "Vooraf\n+---+------+\n| # | wie  |\n+===+======+\n"
            "| 1 | Epe  |\n| 2 | Ede  |\n+---+------+\nDaarna",
            [
                (None, "Vooraf"),
                ((0, 0, 0), "#"),
                ((0, 0, 1), "wie"),
                ((0, 1, 0), "1"),
                ((0, 1, 1), "Epe"),
                ((0, 2, 0), "2"),
                ((0, 2, 1), "Ede"),
                (None, "Daarna"),
            ],
        ),
        # A grid with a rule under every row: a cell runs on over two lines; an empty cell is no block.
        (
            "+-----+-------------+\n| a   | b           |\n+-----+-------------+\n| Oss | Ria Bos     |\n"
            "|     | (Movisie)   |\n+-----+-------------+\n| Uden|             |\n+-----+-------------+",
            [
                ((0, 0, 0), "a"),
                ((0, 0, 1), "b"),
                ((0, 1, 0), "Oss"),
                ((0, 1, 1), "Ria Bos (Movisie)"),
                ((0, 2, 0), "Uden"),
            ],
        ),
        # A Markdown pipe table, and a second table numbered on.
        (
            "| tafel | gemeenten |\n|---|:--:|\n| Zorg | Epe, Ede |\n\n| x | y |\n|---|---|\n| 1 | 2 |",
            [
                ((0, 0, 0), "tafel"),
                ((0, 0, 1), "gemeenten"),
                ((0, 1, 0), "Zorg"),
                ((0, 1, 1), "Epe, Ede"),
                ((1, 0, 0), "x"),
                ((1, 0, 1), "y"),
                ((1, 1, 0), "1"),
                ((1, 1, 1), "2"),
            ],
        ),
    ],
)
def test_tables_drawn_in_characters_are_table_cells(text: str, expected: list[tuple[object, str]]) -> None:
    assert cells(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Pipes without a rule line: a row alone is no table.
        "| Let op | dit is geen tabel |\n| ook dit | niet |",
        # A rule line with a single row under it.
        "+------+\n| Noot |\n+------+",
        # A Markdown rule ("---") and a sum with plus signs are no table lines.
        "Titel\n---\n| a | b |\n| c | d |",
        "3 + 4 = 7\n+ nog een regel +",
    ],
)
def test_other_lines_with_pipes_and_rules_are_no_table(text: str) -> None:
    assert all(table is None for table, _ in cells(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Columns lined up with runs of tabs: one separator each; a row may end short.
        (
            "Overzicht\nWorkshop\tGemeenten\t\tBegeleider\n1\tVeilig wonen\tEpe, Ede\tAnne Bos\n"
            "2\tJeugd\t\tOss\n\nDaarna",
            [
                (None, "Overzicht"),
                ((0, 0, 0), "Workshop"),
                ((0, 0, 1), "Gemeenten"),
                ((0, 0, 2), "Begeleider"),
                ((0, 1, 0), "1"),
                ((0, 1, 1), "Veilig wonen"),
                ((0, 1, 2), "Epe, Ede"),
                ((0, 1, 3), "Anne Bos"),
                ((0, 2, 0), "2"),
                ((0, 2, 1), "Jeugd"),
                ((0, 2, 2), "Oss"),
                (None, "Daarna"),
            ],
        ),
        # Indented rows with CRLF, after a pipe table: numbered on.
        (
            "| a | b |\n|---|---|\n| 1 | 2 |\r\n\tRonde\tWie\tWaar\r\n\tA\tPiet\tZaal 1\r\n",
            [
                ((0, 0, 0), "a"),
                ((0, 0, 1), "b"),
                ((0, 1, 0), "1"),
                ((0, 1, 1), "2"),
                ((1, 0, 0), "Ronde"),
                ((1, 0, 1), "Wie"),
                ((1, 0, 2), "Waar"),
                ((1, 1, 0), "A"),
                ((1, 1, 1), "Piet"),
                ((1, 1, 2), "Zaal 1"),
            ],
        ),
    ],
)
def test_lines_of_tab_separated_fields_are_table_cells(text: str, expected: list[tuple[object, str]]) -> None:
    assert cells(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A header block of labels and values lined up with tabs: two fields a line.
        "Datum:\t\t3 mei 2022\nPlaats:\t\tStadhuis Epe\nVoor:\t\t\tde raden van Epe en Ede",
        # Bullets typed with a tab.
        "-\tEerste punt\n-\tTweede punt",
        # One line of three fields alone is no table.
        "Naam\tRol\tGemeente\nDaarna gewone tekst.",
    ],
)
def test_other_lines_with_tabs_are_no_table(text: str) -> None:
    assert all(table is None for table, _ in cells(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zie hieronder.\n\n> Van: Jan Pol\n>\n> Groep 2 - Wonen\n"
            "> Gemeenten: Ede, Epe\n> - een quickscan\n",
            [
                ("paragraph", "Zie hieronder."),
                ("paragraph", "Van: Jan Pol"),
                ("paragraph", "Groep 2 - Wonen"),
                ("paragraph", "Gemeenten: Ede, Epe"),
                ("list_item", "een quickscan"),
            ],
        ),
        (
            ">> Sanne, snel:\n>>\n>> Tafel 3 - Jeugd\n>> Met raadsleden uit Tiel.\n",
            [
                ("paragraph", "Sanne, snel:"),
                ("paragraph", "Tafel 3 - Jeugd"),
                ("paragraph", "Met raadsleden uit Tiel."),
            ],
        ),
        (
            "> > Dubbel geciteerd\n> >\n> > * een training\n",
            [("paragraph", "Dubbel geciteerd"), ("list_item", "een training")],
        ),
    ],
)
def test_quoted_mails_of_a_reply_are_read_without_their_markers(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(b.kind, b.text) for b in read_txt(text.encode("utf-8")).blocks] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A Markdown quote of one or two lines is no quoted mail: the segmenter reads its marker.
        "Zij zei:\n> “Eerst de spelregels.”\n",
        "> Regel een\n> Regel twee\n",
        # Lines opening with ">" without an empty quoted line among them quote no mail.
        "> 5 jaar\n> 10 jaar\n> 20 jaar\n",
    ],
)
def test_other_lines_with_a_quote_marker_keep_it(text: str) -> None:
    lines = [line for line in text.splitlines() if line.startswith(">")]
    assert [b.text for b in read_txt(text.encode("utf-8")).blocks][-len(lines) :] == lines


# A wiki page exported as text (Confluence wiki markup, MediaWiki headings): its markup is read
# as the blocks a Word document gives.
def blocks_of(text: str) -> list[tuple[str, object, str]]:
    """(kind, level or marker or table position, text) of each block."""
    out = []
    for b in read_txt(text.encode("utf-8")).blocks:
        detail = b.table if b.kind == "table_cell" else b.marker if b.kind == "list_item" else b.level
        out.append((b.kind, detail, b.text))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "h1. Terugblik regiodag\nh3. Tafel 2 – Wonen\nVerslag van de tafel.\n",
            [
                ("heading", 1, "Terugblik regiodag"),
                ("heading", 3, "Tafel 2 – Wonen"),
                ("paragraph", None, "Verslag van de tafel."),
            ],
        ),
        (
            "== Programma ==\n=== Ronde 1 ===\nTekst.\n",
            [("heading", 1, "Programma"), ("heading", 2, "Ronde 1"), ("paragraph", None, "Tekst.")],
        ),
        (
            "h2. Aanbod\n# een training\n# een handreiking\n* losse tip\n** nog een tip\n",
            [
                ("heading", 2, "Aanbod"),
                ("list_item", "1.", "een training"),
                ("list_item", "2.", "een handreiking"),
                ("list_item", "•", "losse tip"),
                ("list_item", "•", "nog een tip"),
            ],
        ),
        (
            "h2. Tafels\n||Tafel||Leiding||\n|A|Jan Smit (VNG) \\\\ Els de Boer|\n|B|[~p.jansen]|\n",
            [
                ("heading", 2, "Tafels"),
                ("table_cell", (0, 0, 0), "Tafel"),
                ("table_cell", (0, 0, 1), "Leiding"),
                ("table_cell", (0, 1, 0), "A"),
                ("table_cell", (0, 1, 1), "Jan Smit (VNG); Els de Boer"),
                ("table_cell", (0, 2, 0), "B"),
                ("table_cell", (0, 2, 1), "p.jansen"),
            ],
        ),
        (
            "{quote}\nWe moeten het samen doen.\nAnders lukt het niet.\n{quote}\n— Piet Bos, wethouder Ede\n",
            [
                ("paragraph", None, "“We moeten het samen doen. Anders lukt het niet.”"),
                ("paragraph", None, "— Piet Bos, wethouder Ede"),
            ],
        ),
        (
            "h2. Vervolg\n{panel:title=Nog te doen|borderStyle=dashed}\n* een excursie (/)\n{panel}\n----\n"
            "*Contact:* mail [de griffie|mailto:griffie@ede.nl]\n",
            [
                ("heading", 2, "Vervolg"),
                ("heading", 3, "Nog te doen"),
                ("list_item", "•", "een excursie"),
                ("paragraph", None, "Contact: mail de griffie"),
            ],
        ),
    ],
)
def test_wiki_markup_is_read_as_headings_lists_tables_and_quotes(
    text: str, expected: list[tuple[str, object, str]]
) -> None:
    assert blocks_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Not a wiki: "#" and "*" keep their meaning, a template placeholder is text.
        "Verslag\n# 1 op de lijst\n*Let op*: aanmelden vóór vrijdag\n{naam}\n",
        "h2o en co2 waren de thema's\nDe h2. versie volgt.\n",
        "Stand: |3|2|\n== niet af\n",
    ],
)
def test_other_text_with_wiki_like_signs_is_read_as_it_is(text: str) -> None:
    lines = [line for line in text.splitlines() if line]
    assert [b.kind for b in read_txt(text.encode("utf-8")).blocks] == ["paragraph"] * len(lines)
    assert [b.text for b in read_txt(text.encode("utf-8")).blocks] == lines


# A chat export: stamps and senders go, the group's name is the title, notices keep who joined,
# and the messages before the one that tells the sessions are one line each in the sender's voice.
CHAT_CASES = [
    (  # iPhone, two-digit years, U+200E notices, a recap with two 'Sessie N' lines
        "[03-02-23 09:00:01] Raadsledenavond Twente: \u200eBerichten en oproepen zijn end-to-end"
        " versleuteld.\n"
        "[03-02-23 09:00:01] Raadsledenavond Twente: \u200eEva Jansen heeft deze groep aangemaakt\n"
        "[03-02-23 09:05:12] Eva Jansen: Opzet:\nSessie 1: Enschede, Hengelo\nSessie 2: Almelo\n"
        "[10-03-23 10:00:00] Eva Jansen: Verslag\nSessie 1 – Wonen\nSessie 2 – Zorg\n",
        [
            ("heading", "Raadsledenavond Twente"),
            ("paragraph", "Eva Jansen heeft deze groep aangemaakt"),
            ("paragraph", "Eva Jansen: Opzet: Sessie 1: Enschede, Hengelo. Sessie 2: Almelo"),
            ("paragraph", "Verslag"),
            ("paragraph", "Sessie 1 – Wonen"),
            ("paragraph", "Sessie 2 – Zorg"),
        ],
    ),
    (  # Android: no brackets, ' - ' after the time, the group's name quoted in a notice
        '12-05-2021 19:02 - Piet de Vries heeft groep "Griffies West-Brabant" gemaakt\n'
        "12-05-2021 19:03 - Piet de Vries: Wie neemt de workshops?\n"
        "12-05-2021 19:10 - Anna Smit: Ik doe workshop A\n",
        [
            ("heading", "Griffies West-Brabant"),
            ("paragraph", 'Piet de Vries heeft groep "Griffies West-Brabant" gemaakt'),
            ("paragraph", "Wie neemt de workshops?"),
            ("paragraph", "Ik doe workshop A"),
        ],
    ),
    (  # Teams: minutes without seconds, a message over two lines, no recap
        "[7-11-2024 14:01] Mark Bos: Agenda voor vrijdag\nmet de drie tafels\n"
        "[7-11-2024 14:03] Lisa Kok: Dank!\n[7-11-2024 14:05] Mark Bos: 👍\n",
        [
            ("paragraph", "Agenda voor vrijdag"),
            ("paragraph", "met de drie tafels"),
            ("paragraph", "Dank!"),
            ("paragraph", "👍"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHAT_CASES)
def test_chat_export_is_read_as_its_messages(text: str, expected: list[tuple[str, str]]) -> None:
    doc = read_txt(text.encode("utf-8"))
    assert [(block.kind, block.text) for block in doc.blocks] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A minutes' time line, a log with one stamp, a dated list: no chat, read as written.
        "Verslag\n[19:31] Opening door de voorzitter\n[19:40] Tafel 1: Wonen\n",
        "[05-07-2022 09:16:40] Start van de opname\nDaarna volgden de tafels.\n",
        "Notulen\n12-05-2021 19:03 - Jan: akkoord\n12-05-2021 19:04 - Piet: akkoord\n"
        "12-05-2021 19:05 - Kees: akkoord\n",
    ],
)
def test_other_text_with_stamps_is_no_chat(text: str) -> None:
    doc = read_txt(text.encode("utf-8"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert [block.text for block in doc.blocks] == lines


# A subtitle file (WebVTT, SRT): numbers and timings go, a voice's cues join into one paragraph,
# the narrator's as text, a soundbite as a quote with the lower third's role, cards as lines.
SUBTITLE_CASES = [
    (
        "WEBVTT - Terugblik regiodag Achterhoek\n\n"
        "NOTE ondertiteld door de griffie\n\n"
        "1\n00:00:01.000 --> 00:00:04.000 line:15%\n[TEKST IN BEELD: zaterdag 4 maart 2023\n"
        "Huis Bergh, 's-Heerenberg]\n\n"
        "2\n00:00:04.000 --> 00:00:07.500\n"
        "<v Voice-over>Aan de eerste tafel zaten\nraadsleden uit Winterswijk</v>\n\n"
        "3\n00:00:07.500 --> 00:00:09.000\n<v Voice-over>en Aalten.</v>\n",
        [
            ("heading", "Terugblik regiodag Achterhoek"),
            ("paragraph", "ondertiteld door de griffie"),
            ("paragraph", "zaterdag 4 maart 2023 · Huis Bergh, 's-Heerenberg"),
            ("paragraph", "Aan de eerste tafel zaten raadsleden uit Winterswijk en Aalten."),
        ],
    ),
    (
        "WEBVTT\n\n"
        "00:01.000 --> 00:03.000 position:10%\n[IN BEELD: Fenna Bosch – wethouder Berkelland]\n\n"
        "00:01.000 --> 00:04.000\n<v Fenna Bosch>We moeten het samen doen,\nanders lukt het niet.</v>\n\n"
        "00:04.000 --> 00:05.000\n[applaus]\n\n"
        "00:05.000 --> 00:07.000\n<v Fenna Bosch>Echt niet.</v>\n",
        [
            (
                "paragraph",
                "“We moeten het samen doen, anders lukt het niet. Echt niet.”"
                " – Fenna Bosch, wethouder Berkelland",
            )
        ],
    ),
    (
        # SRT: no header, numbered cues with commas in the timings, text without voice tags.
        "1\n00:00:02,000 --> 00:00:05,000\nDe tweede werkgroep sprak\nover de jeugdzorg.\n\n"
        "2\n00:00:05,000 --> 00:00:08,000\n♪ muziek ♪\n\n"
        "3\n00:00:08,000 --> 00:00:11,000\n[TEKST: Contact\nWerkgroep 1 · Anna Smit · a.smit@regio.nl\n"
        "Werkgroep 2 · 0543 - 12 34 56]\n",
        [
            ("paragraph", "De tweede werkgroep sprak over de jeugdzorg."),
            ("heading", "Contact"),
            ("list_item", "Werkgroep 1: Anna Smit, a.smit@regio.nl"),
            ("list_item", "Werkgroep 2: 0543 - 12 34 56"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBTITLE_CASES)
def test_subtitle_file_is_read_as_its_text(text: str, expected: list[tuple[str, str]]) -> None:
    doc = read_txt(text.encode("utf-8"))
    assert [(block.kind, block.text) for block in doc.blocks] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A report about subtitles, a numbered list over a time range, an arrow in a plan.
        "WEBVTT-bestanden maken we voortaan zelf.\nDe griffie ondertitelt alle vergaderingen.\n",
        "1\nOpening 19:30 - 19:45 door de voorzitter\n2\nTafels\n",
        "Planning\n19:30 --> inloop\n20:00 --> start van de tafels\n",
    ],
)
def test_other_text_with_timings_is_no_subtitle_file(text: str) -> None:
    doc = read_txt(text.encode("utf-8"))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert [block.text for block in doc.blocks] == lines


# A mail thread saved as one text file: its mails read in time order, the latest mail's header
# first with its subject unprefixed, the mails before the recap in their sender's voice, and
# text quoted a second time (a ``>`` line, a quoted original that is a mail of the file) dropped.
_RECAP = "Tafel 1 - Wonen\nAan tafel: Oss en Uden.\nTafel 2 - Werk\nAan tafel: Bernheze.\n"
THREADS = [
    # Thunderbird, English labels, newest first: the reply's "Re:" goes, the older mail is voice.
    (
        "From: Eva Smits <e.smits@oss.nl>\nDate: 14-03-2019 10:12\nTo: griffiers\n"
        "Subject: Re: Werkavond Maasland\n\nHet verslag:\n" + _RECAP + "\n"
        "From: Tom Bakker <t.bakker@uden.nl>\nDate: 01-03-2019 09:00\nTo: Eva Smits\n"
        "Subject: Werkavond Maasland\n\nTafel 1 - Wonen\nTafel 2 - Werk\nWaar: gemeentehuis Uden\n",
        "Subject: Werkavond Maasland",
        "Tom Bakker <t.bakker@uden.nl>: Tafel 1 - Wonen. Tafel 2 - Werk. Waar: gemeentehuis Uden",
    ),
    # Space-separated Dutch labels, oldest first, an "Antw:" reply with a repeated ">" line.
    (
        "Van: Ria Hendriks\nDatum: maandag 2 mei 2022 08:30\nAan: Piet de Wit\n"
        "Onderwerp: Raadsavond\n\nTafel 1 - Wonen\nTafel 2 - Werk\n\n"
        "Van: Piet de Wit\nDatum: dinsdag 3 mei 2022 11:00\nAan: Ria Hendriks\n"
        "Onderwerp: Antw: Raadsavond\n\n> Tafel 1 - Wonen\n\nDaar doen wij aan mee.\n\n"
        "Van: Ria Hendriks\nDatum: vrijdag 20 mei 2022 16:00\nAan: Piet de Wit\n"
        "Onderwerp: Antw: Raadsavond\n\n" + _RECAP,
        "Onderwerp: Raadsavond",
        "Piet de Wit: Daar doen wij aan mee.",
    ),
    # Outlook with tabs, a forward quoting a mail of the file: the copy is not read again.
    (
        "Van:\tAnne Vos\nVerzonden:\twoensdag 6 juni 2018 09:00\nAan:\tgriffie\n"
        "Onderwerp:\tFW: Regiodag\n\nZie hieronder.\n\n---------- Forwarded message ---------\n"
        "Van: Bas Mol\nVerzonden: dinsdag 5 juni 2018 14:00\nOnderwerp: Regiodag\n\nTafel 1 - Wonen\n\n"
        "Van:\tBas Mol\nVerzonden:\tdinsdag 5 juni 2018 14:00\nAan:\tAnne Vos\n"
        "Onderwerp:\tRegiodag\n\nTafel 1 - Wonen\n\n"
        "Van:\tAnne Vos\nVerzonden:\tdonderdag 21 juni 2018 17:00\nAan:\tgriffie\n"
        "Onderwerp:\tRE: FW: Regiodag\n\n" + _RECAP,
        "Onderwerp: Regiodag",
        "Anne Vos: Zie hieronder.",
    ),
]


@pytest.mark.parametrize(("text", "subject", "voiced"), THREADS)
def test_mail_thread_is_read_as_its_mails_in_time_order(text: str, subject: str, voiced: str) -> None:
    texts = [block.text for block in read_txt(text.encode()).blocks]
    assert subject in texts[:5]
    assert voiced in texts
    assert texts.index(voiced) < texts.index("Tafel 1 - Wonen")  # the recap comes last
    assert texts.count("Tafel 1 - Wonen") == 1  # the plan is voice, its copies are not read again


@pytest.mark.parametrize(("text", "subject", "voiced"), THREADS)
def test_mail_thread_title_and_published_are_the_latest_mails(
    tmp_path: Path, text: str, subject: str, voiced: str
) -> None:
    from pipeline.process import process_file

    path = tmp_path / "draad.txt"
    path.write_bytes(text.encode())
    doc = process_file(path)
    assert doc["title"] == subject.split(":", 1)[1].strip()
    assert doc["published"] in {"2019-03-14", "2022-05-20", "2018-06-21"}


@pytest.mark.parametrize(
    "text",
    [
        # A report that quotes one mail's header in its text: no thread.
        "Verslag raadsavond\n\nDe uitnodiging luidde:\nVan: griffie Oss\nDatum: 3 mei 2022\n"
        "Onderwerp: Raadsavond\n\nTafel 1 - Wonen\n",
        # One mail forwarded as the report with its quoted originals under it: read as text.
        "Van: Sanne Claes <s.claes@bladel.nl>\nVerzonden: vrijdag 12 november 2021 16:42\n"
        "Onderwerp: Verslag\n\nTafel 1 - Wonen\n\n-----Oorspronkelijk bericht-----\n"
        "Van: Ilse Maas\nVerzonden: woensdag 10 november 2021 21:05\nOnderwerp: RE: tafel 1\n\nAanvulling.\n",
        # A memo's header without a date, and a later "Van:" line in the text: no mails.
        "Van: de griffie\nAan: de raad\nOnderwerp: Regiodag\n\nVan: 19.00 uur tot 22.00 uur.\n"
        "Van: de voorzitter\nAan: de leden\n",
        # A memo's dated header and a signature's "Van:" line: one mail is no thread.
        "Van: griffie Uden\nDatum: 3 maart 2020\nOnderwerp: Regiodag\n\nTafel 1 - Wonen\n\n"
        "Van: Piet (namens de werkgroep)\n",
    ],
)
def test_other_text_with_mail_headers_is_no_thread(text: str) -> None:
    from pipeline.ingest.mail import is_mail_thread

    lines = text.split("\n")
    assert not is_mail_thread(lines)
    assert read_txt(text.encode()).blocks[0].text == lines[0]
