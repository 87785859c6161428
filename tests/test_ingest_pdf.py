"""PDF readers: the sample report rendered to PDF reads back as the same blocks as its .txt.

The key property: txt, docx and PDF of one report give the same blocks (same markers, same
texts), and the two PDF engines (PDFium, pdfplumber) give identical documents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import DATA, SAMPLE_STEM
from render import (
    render_corrupt_pdf,
    render_docx,
    render_encrypted_pdf,
    render_pdf,
    render_scanned_pdf,
    render_truncated_pdf,
)

from pipeline.ingest import IngestError, read_document
from pipeline.ingest.pdf_layout import (
    Line,
    PageContent,
    Rect,
    Table,
    TableCell,
    auto_hyphenated,
    build_document,
    cut_word,
    find_tables,
    find_tables_and_boxes,
    in_reading_order,
    join_lines,
    may_cut_word,
    out_of_order,
    remove_running_lines,
)
from pipeline.ingest.pdf_pdfium import read_pdf_pdfium
from pipeline.ingest.pdf_plumber import read_pdf_plumber
from pipeline.ingest.txt import read_txt
from pipeline.model import Document

HEADER = "Democratie in Actie – Opstartsessie ontwikkeltrajecten"
FOOTER = "Verslag opstartsessie Utrecht, 14 februari 2019"
MARKUP = (DATA / "sample" / f"{SAMPLE_STEM}.md").read_text(encoding="utf-8")
TXT = (DATA / "sample" / f"{SAMPLE_STEM}.txt").read_bytes()
READERS = {"pdfium": read_pdf_pdfium, "pdfplumber": read_pdf_plumber}


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("pdf") / f"{SAMPLE_STEM}.pdf"
    render_pdf(MARKUP, path, header=HEADER, footer=FOOTER, hyphenate=True)
    return path.read_bytes()


@pytest.fixture(scope="module")
def docs(sample_pdf: bytes) -> dict[str, Document]:
    return {name: read(sample_pdf) for name, read in READERS.items()}


@pytest.fixture(scope="module")
def raw_pages(sample_pdf: bytes) -> list[str]:
    """Each page's text as bare PDFium gives it (line-end hyphens shown as "-")."""
    pdf = pdfium.PdfDocument(sample_pdf)
    try:
        return [pdf[i].get_textpage().get_text_range().replace("\ufffe", "-\r\n") for i in range(len(pdf))]
    finally:
        pdf.close()


def shown(doc: Document) -> list[tuple[str | None, str]]:
    return [(b.marker, b.text) for b in doc.blocks]


def full(doc: Document) -> list[tuple]:
    return [(b.kind, b.text, b.start, b.end, b.page, b.level, b.marker, b.table) for b in doc.blocks]


@pytest.mark.parametrize("engine", READERS)
def test_blocks_equal_the_txt_blocks(docs: dict[str, Document], engine: str) -> None:
    assert shown(docs[engine]) == shown(read_txt(TXT))
    assert docs[engine].text == read_txt(TXT).text


def test_both_engines_give_identical_documents(docs: dict[str, Document]) -> None:
    pdfium_doc, plumber_doc = docs["pdfium"], docs["pdfplumber"]
    assert full(pdfium_doc) == full(plumber_doc)
    assert (pdfium_doc.text, pdfium_doc.pages) == (plumber_doc.text, plumber_doc.pages)


def test_rendering_is_deterministic(tmp_path: Path, sample_pdf: bytes) -> None:
    again = render_pdf(MARKUP, tmp_path / "again.pdf", header=HEADER, footer=FOOTER, hyphenate=True)
    assert again.read_bytes() == sample_pdf


def test_the_pdf_really_has_headers_footers_and_hyphenated_words(raw_pages: list[str]) -> None:
    """Guards the other tests: what the reader must remove is in the rendered PDF."""
    assert len(raw_pages) >= 3
    for number, text in enumerate(raw_pages, 1):
        assert HEADER in text and FOOTER in text and f"Pagina {number} van {len(raw_pages)}" in text
    assert len(hyphenated_breaks(raw_pages)) >= 5


def hyphenated_breaks(raw_pages: list[str]) -> list[tuple[str, str]]:
    found = []
    for text in raw_pages:
        found += re.findall(r"(\w*[a-zà-ÿ])-\r\n([a-zà-ÿ]\w*)", text)
    return found


@pytest.mark.parametrize("engine", READERS)
def test_headers_footers_and_page_numbers_are_gone(docs: dict[str, Document], engine: str) -> None:
    text = docs[engine].text
    assert HEADER not in text and FOOTER not in text
    assert "Pagina" not in text


@pytest.mark.parametrize("engine", READERS)
def test_hyphenated_words_are_rejoined(docs: dict[str, Document], raw_pages: list[str], engine: str) -> None:
    text = docs[engine].text
    for head, tail in hyphenated_breaks(raw_pages):
        assert head + tail in text
        assert f"{head}- {tail}" not in text and f"{head}-{tail}" not in text
    assert "Popering-Verkerk" in text  # a real hyphen stays


@pytest.mark.parametrize("engine", READERS)
def test_headings(docs: dict[str, Document], engine: str) -> None:
    headings = [(b.level, b.marker, b.text) for b in docs[engine].blocks if b.kind == "heading"]
    assert headings[0] == (1, None, "Verslag opstartsessie ontwikkeltrajecten in Utrecht")
    assert (2, None, "Gemeenten bereiden zich voor op versterking lokale democratie") in headings
    assert (2, "3.", "Democratisch begroten: van initiatievenpotje tot burgerbegroting") in headings
    assert [m for _, m, _ in headings if m] == ["1.", "2.", "3.", "4.", "5."]
    assert headings[-1] == (2, None, "Democratie in Actie")


@pytest.mark.parametrize("engine", READERS)
def test_page_numbers(docs: dict[str, Document], raw_pages: list[str], engine: str) -> None:
    doc = docs[engine]
    assert doc.pages == len(raw_pages)
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == len(raw_pages)
    flat = [" ".join(t.replace("-\r\n", "").split()) for t in raw_pages]
    for block in doc.blocks:  # each block starts on the page it names
        assert " ".join(block.text.split()[:3]) in flat[block.page - 1], block
    after_break = next(b for b in doc.blocks if b.text.startswith("Tijdens de sessie deelden"))
    before = doc.blocks[doc.blocks.index(after_break) - 1]
    assert before.text == "Begeleiding: Jornt van Zuylen (VNG)"
    assert after_break.page == before.page + 1


@pytest.mark.parametrize("engine", READERS)
def test_a_paragraph_across_a_page_break_stays_one_block(tmp_path: Path, engine: str) -> None:
    words = [
        "de",
        "gemeenten",
        "bespraken",
        "samen",
        "met",
        "inwoners",
        "en",
        "ontwikkeltrajecten",
        "hoe",
        "het",
        "verder",
        "moet",
    ]
    body = "Lange alinea " + " ".join(words[i % len(words)] for i in range(900)) + "."
    path = render_pdf(f"# Titel\n\n{body}\n\nSlot.", tmp_path / "long.pdf", hyphenate=True, header="Kop")
    doc = READERS[engine](path.read_bytes())
    assert doc.pages >= 2
    assert [(b.kind, b.page) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 1),
        ("paragraph", doc.pages),
    ]
    assert doc.blocks[1].text == body


@pytest.mark.parametrize("engine", READERS)
def test_tables_become_cells_like_in_docx(tmp_path: Path, engine: str) -> None:
    from pipeline.ingest.docx import read_docx

    markup = (
        "# Overzicht\n\nVoor de tabel.\n\n| Sessie | Gemeenten | Contact |\n"
        "| 1. Participatie | Rijswijk ZH, Den Haag, Pijnacker-Nootdorp | anna.dewit@minbzk.nl |\n"
        "| 2. Jongeren | Zeist, De Bilt | [Sophie](mailto:s.vandijk@prodemos.nl) |\n\nNa de tabel."
    )
    pdf = READERS[engine](render_pdf(markup, tmp_path / "t.pdf").read_bytes())
    docx = read_docx(render_docx(markup, tmp_path / "t.docx").read_bytes())
    cells = [(b.table, b.text) for b in pdf.blocks if b.kind == "table_cell"]
    assert cells == [(b.table, b.text) for b in docx.blocks if b.kind == "table_cell"]
    assert cells[4] == ((0, 1, 1), "Rijswijk ZH, Den Haag, Pijnacker-Nootdorp")
    assert [b.text for b in pdf.blocks if b.kind != "table_cell"] == [
        "Overzicht",
        "Voor de tabel.",
        "Na de tabel.",
    ]


@pytest.mark.parametrize("engine", READERS)
def test_a_table_across_a_page_break_is_one_table(tmp_path: Path, engine: str) -> None:
    from pipeline.ingest.docx import read_docx

    rows = "\n".join(f"| {n}. Sessie over onderwerp {n} | Gemeente {n} |" for n in range(1, 61))
    markup = f"# Lange tabel\n\n| Sessie | Gemeenten |\n{rows}\n\nEinde."
    pdf = READERS[engine](render_pdf(markup, tmp_path / "t.pdf").read_bytes())
    docx = read_docx(render_docx(markup, tmp_path / "t.docx").read_bytes())
    assert pdf.pages == 2
    cells = [(b.table, b.text) for b in pdf.blocks if b.kind == "table_cell"]
    assert cells == [(b.table, b.text) for b in docx.blocks if b.kind == "table_cell"]
    assert cells[-1] == ((0, 60, 1), "Gemeente 60")


# ----------------------------------------------------------------------------- failures


@pytest.mark.parametrize("engine", READERS)
def test_encrypted_pdf(tmp_path: Path, engine: str) -> None:
    data = render_encrypted_pdf(tmp_path / "secret.pdf").read_bytes()
    with pytest.raises(IngestError, match=r"^encrypted PDF: a password is needed$"):
        READERS[engine](data)


@pytest.mark.parametrize("engine", READERS)
def test_scanned_pdf(tmp_path: Path, engine: str) -> None:
    data = render_scanned_pdf(tmp_path / "scan.pdf").read_bytes()
    with pytest.raises(IngestError, match=r"^no text layer: scanned PDF, needs OCR$"):
        READERS[engine](data)


@pytest.mark.parametrize("engine", READERS)
def test_corrupt_pdf(tmp_path: Path, engine: str) -> None:
    data = render_corrupt_pdf(tmp_path / "corrupt.pdf").read_bytes()
    with pytest.raises(IngestError, match=r"^corrupt PDF: "):
        READERS[engine](data)


@pytest.mark.parametrize("engine", READERS)
def test_truncated_pdf(tmp_path: Path, engine: str) -> None:
    data = render_truncated_pdf(MARKUP, tmp_path / "cut.pdf").read_bytes()
    with pytest.raises(IngestError, match=r"^corrupt PDF: truncated"):
        READERS[engine](data)


def test_a_pdf_named_docx_is_read_as_pdf(tmp_path: Path, sample_pdf: bytes) -> None:
    path = tmp_path / "verslag.docx"
    path.write_bytes(sample_pdf)
    for engine in READERS:
        doc = read_document(path, pdf_engine=engine)  # type: ignore[arg-type]
        assert doc.format == "pdf" and shown(doc) == shown(read_txt(TXT))


# ----------------------------------------------------------------------------- layout rules


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("samenwerking tussen gemeen-", "ten en inwoners", "samenwerking tussen gemeenten en inwoners"),
        ("de provincie Noord-", "Holland", "de provincie Noord-Holland"),
        ("bel 06-", "12345678", "bel 06-12345678"),
        ("wijk- of", "dorpsbudgetten", "wijk- of dorpsbudgetten"),
        ("initiatieven voor wijk-", "of dorpsbudgetten", "initiatieven voor wijk- of dorpsbudgetten"),
        ("een zin met -", "een los streepje", "een zin met - een los streepje"),
        ("BZK-", "medewerkers", "BZK-medewerkers"),
        ("een zee-", "egel", "een zee-egel"),
        ("een jongerenraad-", "in-een-dag", "een jongerenraad-in-een-dag"),
        ("soft\u00ad", "hyphen", "softhyphen"),
        # A double surname broken after its own hyphen keeps it; a word that merely ends in a
        # particle's letters ("Ver-der") is still made whole.
        ("met Jorien Mulder-", "de Graaf, voorzitter", "met Jorien Mulder-de Graaf, voorzitter"),
        ("door Ellen Smits-", "van der Wal (VNG)", "door Ellen Smits-van der Wal (VNG)"),
        ("zegt Anna de Jong-", "van Dam", "zegt Anna de Jong-van Dam"),
        ("Ver-", "der gaat het over", "Verder gaat het over"),
        ("en ver-", "der Gemeenten dan ooit", "en verder Gemeenten dan ooit"),
        # A line broken after the hyphen of an address: the hyphen is part of it.
        ("mail a.grootenhuis@vdg-", "drenthe.nl of bel", "mail a.grootenhuis@vdg-drenthe.nl of bel"),
        ("zie www.regio-", "utrecht.nl", "zie www.regio-utrecht.nl"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines([left, right]) == joined


def test_running_lines_and_page_numbers_are_removed() -> None:
    pages = []
    for number in (1, 2, 3):
        lines = [
            Line("Gemeente Utrecht | Raadsverslag", number, 60, 40, 300, 8, False),
            Line(f"Tekst van pagina {number} over de raad.", number, 60, 100, 500, 10.5, False),
            Line(str(number) if number != 2 else "- 2 -", number, 290, 800, 300, 9, False),
            Line(f"Pagina {number} van 3", number, 450, 815, 530, 8, False),
        ]
        pages.append(PageContent(number, 595, 842, lines))
    remove_running_lines(pages)
    assert [[ln.text for ln in p.lines] for p in pages] == [
        [f"Tekst van pagina {n} over de raad."] for n in (1, 2, 3)
    ]


def test_one_page_keeps_body_text_in_the_margin_band() -> None:
    lines = [
        Line("Kop in klein lettertype", 1, 60, 40, 200, 8, False),
        Line("Eerste regel van de tekst.", 1, 60, 80, 500, 10.5, False),
        Line("Laatste regel onderaan de pagina.", 1, 60, 790, 500, 10.5, False),
    ]
    pages = [PageContent(1, 595, 842, lines)]
    remove_running_lines(pages)
    assert [ln.text for ln in pages[0].lines] == [
        "Eerste regel van de tekst.",
        "Laatste regel onderaan de pagina.",
    ]


def _winansi_pdf(lines: list[bytes], stream: bytes = b"") -> bytes:
    """A one-page PDF in the standard Helvetica with WinAnsiEncoding, as reportlab writes it."""
    stream = (
        stream or b"BT /F1 11 Tf 72 760 Td 14 TL " + b" ".join(b"(" + ln + b") '" for ln in lines) + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("code", [b"\x7f", b"\x95"])
def test_winansi_bullets_read_as_bullets_by_both_engines(engine: str, code: bytes) -> None:
    # 0x95 is WinAnsi's bullet; 0x7F is unused, which the PDF specification maps to the bullet too.
    pdf = _winansi_pdf([b"Programma's in voorbereiding:", code + b" Omgevingswet en participatie"])
    read = read_pdf_pdfium if engine == "pdfium" else read_pdf_plumber
    blocks = [(block.kind, block.text, block.marker) for block in read(pdf).blocks]
    assert blocks[-1] == ("list_item", "Omgevingswet en participatie", "\u2022")


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_list_marker_in_a_larger_font_keeps_its_item_one_list_item(engine: str) -> None:
    # reportlab's ListFlowable sets the bullet larger than the text and hangs the wrapped line
    # under the text: neither makes the item a heading or cuts it in two.
    stream = (
        b"BT /F1 10 Tf 72 760 Td (Democratie in Actie biedt in dit traject:) Tj ET "
        b"BT /F1 14 Tf 78 740 Td (\x95) Tj ET "
        b"BT /F1 10 Tf 96 740 Td (Een leeromgeving met deskundige adviseurs en collega's, die met) Tj ET "
        b"BT /F1 10 Tf 96 728 Td (de deelnemers werken aan hun eigen vraagstukken.) Tj ET "
        b"BT /F1 10 Tf 72 700 Td (Tot slot bedankte de dagvoorzitter iedereen voor de inzet.) Tj ET"
    )
    read = read_pdf_pdfium if engine == "pdfium" else read_pdf_plumber
    blocks = [(block.kind, block.text) for block in read(_winansi_pdf([], stream)).blocks]
    assert blocks[1] == (
        "list_item",
        "Een leeromgeving met deskundige adviseurs en collega's, die met de deelnemers werken "
        "aan hun eigen vraagstukken.",
    )
    assert blocks[2][0] == "paragraph"


# ----------------------------------------------------------------------------- office software's PDFs


def _rule(x0: float, top: float, x1: float, bottom: float) -> Rect:
    """A ruling line as PDFium bounds it: half a point of stroke on each side."""
    return Rect(x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)


def test_a_grid_of_ruling_lines_is_a_table_with_its_merged_cells() -> None:
    # Word and LibreOffice draw a table's borders as lines: 3 rows x 3 columns, the last row's
    # first two cells merged (no rule between them), plus a paragraph border that is no table.
    xs, ys = [100, 200, 300, 400], [100, 120, 160, 200]
    rules = [_rule(100, y, 400, y) for y in ys]
    rules += [_rule(x, 100, x, 200) for x in xs if x != 200]
    rules += [_rule(200, 100, 200, 160)]
    rules += [_rule(100, 50, 500, 50)]
    [table] = find_tables(rules, 595, 842)
    cells = {(c.row, c.col): (round(c.rect.x0), round(c.rect.x1)) for c in table.cells}
    assert cells[(0, 0)] == (100, 200) and cells[(1, 2)] == (300, 400)
    assert cells[(2, 0)] == (100, 300) and (2, 1) not in cells
    assert len(table.cells) == 8


def test_a_frame_around_text_is_no_table() -> None:
    frame = [
        _rule(100, 100, 400, 100),
        _rule(100, 200, 400, 200),
        _rule(100, 100, 100, 200),
        _rule(400, 100, 400, 200),
    ]
    assert find_tables(frame, 595, 842) == []


@pytest.mark.parametrize(
    ("left", "right", "x1", "cut"),
    [
        ("Jongerenparticip", "atie", 165.3, True),  # fills the cell: the word went on
        ("anna.dewit@mi", "nbzk.nl, 06 5123", 163.0, True),
        ("Smallingerland,", "Heerenveen", 165.0, False),  # ends in a comma: a word's end
        ("Yilmaz", "(ProDemos)", 165.0, False),  # next line starts with a bracket
        ("Leiden", "en Katwijk", 130.0, False),  # short of the edge: an ordinary line break
        ("de", "Omgevingswet", 165.0, False),  # next line starts with a capital
    ],
)
def test_a_word_broken_in_a_narrow_cell(left: str, right: str, x1: float, cut: bool) -> None:
    cell = Rect(84.3, 100, 171.0, 160)  # padding 5.8 points: text from 90.1 to 165.2
    assert (may_cut_word(left, right) and cut_word(left, 90.1, x1, cell)) is cut
    joined = join_lines([left, right], {0} if cut else set())
    assert joined == (left + right if cut else f"{left} {right}")


@pytest.fixture(scope="module")
def linked_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF whose mailto and web links are annotations, as Word's export writes hyperlinks."""
    from fpdf import FPDF
    from render import FONT_DIR

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=11)
    pdf.write(6, "Verslag van de netwerkbijeenkomst. Contact: ")
    pdf.write(6, "Joris Verhoef", link="mailto:joris.verhoef@vng.nl")
    pdf.write(6, ", of kijk op ")
    pdf.write(6, "de website", link="https://www.vng.nl/democratie")
    pdf.write(6, ".")
    path = tmp_path_factory.mktemp("links") / "links.pdf"
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", READERS)
def test_link_annotations_are_read_as_links(linked_pdf: Path, engine: str) -> None:
    doc = READERS[engine](linked_pdf.read_bytes())
    assert [(link.text, link.target) for link in doc.links] == [
        ("Joris Verhoef", "mailto:joris.verhoef@vng.nl"),
        ("de website", "https://www.vng.nl/democratie"),
    ]
    assert all(doc.text[link.start : link.end] == link.text for link in doc.links)


def test_a_mailto_link_in_a_pdf_gives_its_address(linked_pdf: Path) -> None:
    from pipeline.process import Options, process_file

    for engine in READERS:
        result = process_file(linked_pdf, Options(pdf_engine=engine))  # type: ignore[arg-type]
        assert "joris.verhoef@vng.nl" in result["emails"]


def _table(rows: list[list[str]], top: float = 100) -> Table:
    """A ruled table of 20-point rows and 100-point columns, its first row at ``top``."""
    cells = [
        TableCell(r, c, Rect(100 + 100 * c, top + 20 * r, 200 + 100 * c, top + 20 + 20 * r), text)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return Table(Rect(100, top, 100 + 100 * len(rows[0]), top + 20 * len(rows)), cells)


def _cells(doc: Document) -> list[tuple[tuple[int, int, int] | None, str]]:
    return [(b.table, b.text) for b in doc.blocks]


# A table that runs to the foot of a page (its last row ends at 760 of 842, the margins alike).
FOOT = 740


def test_a_header_row_repeated_on_the_next_page_is_read_once() -> None:
    header = ["Sessie", "Gemeenten"]
    first = PageContent(1, 595, 842, tables=[_table([header, ["1. Wijkbudgetten", "Zeist"]], FOOT - 20)])
    second = PageContent(2, 595, 842, tables=[_table([header, ["2. Burgerberaad", "Houten"]], 82)])
    assert _cells(build_document([first, second])) == [
        ((0, 0, 0), "Sessie"),
        ((0, 0, 1), "Gemeenten"),
        ((0, 1, 0), "1. Wijkbudgetten"),
        ((0, 1, 1), "Zeist"),
        ((0, 2, 0), "2. Burgerberaad"),
        ((0, 2, 1), "Houten"),
    ]


@pytest.mark.parametrize(
    ("first_rows", "second_rows", "joined"),
    [
        # A run sheet's row broken by the page: the time cell stays empty below the break.
        (
            [["Tijd", "Onderdeel", "Na afloop"], ["13.20", "Uitleg", "Indeling op de"]],
            [["", "werkgroepen en indeling", "deur van elke zaal gehangen."], ["13.30", "Werkgroep 1", "–"]],
            ["13.20", "Uitleg werkgroepen en indeling", "Indeling op de deur van elke zaal gehangen."],
        ),
        # Under a repeated header row.
        (
            [["Tafel", "Aanbod"], ["Tafel 2", "een factsheet en een"]],
            [["Tafel", "Aanbod"], ["", "werkbezoek aan de griffie"]],
            ["Tafel 2", "een factsheet en een werkbezoek aan de griffie"],
        ),
        # Only the long cell goes on; a word broken at the line end is one word again.
        (
            [["Tijd", "Onderdeel", "Wie"], ["13.30", "Werkgroep 1: Krimp en voor-", "Sjoerd Wiersma"]],
            [["", "zieningen in de dorpen", ""]],
            ["13.30", "Werkgroep 1: Krimp en voorzieningen in de dorpen", "Sjoerd Wiersma"],
        ),
    ],
)
def test_a_row_broken_by_the_page_is_one_row(
    first_rows: list[list[str]], second_rows: list[list[str]], joined: list[str]
) -> None:
    first = PageContent(1, 595, 842, tables=[_table(first_rows, FOOT + 20 - 20 * len(first_rows))])
    second = PageContent(2, 595, 842, tables=[_table(second_rows, 82)])
    cells = [b for b in build_document([first, second]).blocks if b.table and b.table[1] == 1]
    assert [b.text for b in cells] == joined
    assert {b.table[0] for b in build_document([first, second]).blocks if b.table} == {0}


@pytest.mark.parametrize(
    ("first_rows", "second_rows", "top"),
    [
        # A form of one table a page, each under the same title row, ending mid-page.
        (
            [["Tafelformulier", "notulist"], ["Tafelnummer", "1"]],
            [["Tafelformulier", "notulist"], ["Tafelnummer", "2"]],
            300,
        ),
        ([["Werksessie nr.", "1"], ["Thema", "Wonen"]], [["Werksessie nr.", "2"], ["Thema", "Zorg"]], 420),
        # A new table at the top of the next page whose first cell is empty is no row's rest
        # when the table above ended with room to spare.
        ([["Tafel", "Naam"], ["1", "Anna de Wit"]], [["", "Naam"], ["2", "Jan Smit"]], 500),
    ],
)
def test_tables_that_end_mid_page_do_not_go_on_over_the_page(
    first_rows: list[list[str]], second_rows: list[list[str]], top: float
) -> None:
    first = PageContent(1, 595, 842, tables=[_table(first_rows, top)])
    second = PageContent(2, 595, 842, tables=[_table(second_rows, 82)])
    doc = build_document([first, second])
    assert {b.table[0] for b in doc.blocks if b.table} == {0, 1}
    assert [b.text for b in doc.blocks if b.table and b.table[0] == 1] == [
        t for row in second_rows for t in row if t
    ]


def test_a_row_at_the_top_of_a_page_with_its_first_cell_filled_is_a_row_of_its_own() -> None:
    first = PageContent(1, 595, 842, tables=[_table([["Tijd", "Onderdeel"], ["13.00", "Welkom"]], FOOT - 20)])
    second = PageContent(2, 595, 842, tables=[_table([["13.30", "Werkgroep 1"]], 82)])
    assert _cells(build_document([first, second]))[-2:] == [((0, 2, 0), "13.30"), ((0, 2, 1), "Werkgroep 1")]


def _glyphs(*runs: tuple[float, str]) -> list[tuple[float, float, str]]:
    """Glyphs 5 points wide from runs of text, each (x of its first glyph, text), in the order given."""
    return [(x + 5 * i, x + 5 * i + 5, char) for x, text in runs for i, char in enumerate(text)]


@pytest.mark.parametrize(
    ("glyphs", "text"),
    [
        # LibreOffice draws a line's check boxes (a fallback font) after its words, in their gaps.
        (_glyphs((100, "Kruis aan ("), (163, ") of niet."), (156, "☒")), "Kruis aan (☒) of niet."),
        (_glyphs((120, " Zevenaar  "), (185, " Montferland")), None),
        (_glyphs((112, "Zevenaar  Montferland"), (100, "☒"), (156, "☐")), "☒ Zevenaar ☐ Montferland"),
        (
            _glyphs((112, "een gezamenlijke raadsledenavond"), (100, "✓")),
            "✓ een gezamenlijke raadsledenavond",
        ),
        (_glyphs((112, "Deelnemers"), (100, "👥")), "👥 Deelnemers"),
    ],
)
def test_a_symbol_drawn_after_its_line_is_read_where_it_stands(
    glyphs: list[tuple[float, float, str]], text: str | None
) -> None:
    if text is None:  # in order already
        assert not out_of_order([g[0] for g in glyphs], 10)
        return
    assert out_of_order([g[0] for g in glyphs], 10)
    assert in_reading_order(glyphs, 10, 0.25) == text


@pytest.mark.parametrize(
    "xs",
    [
        [100, 105, 110, 115],  # in order
        [100, 105, 104, 110],  # kerning: a glyph a little left of the one before
        [100, 106, 103.5, 111],  # an accent set back over its letter
    ],
)
def test_a_line_in_order_is_left_as_it_is(xs: list[float]) -> None:
    assert not out_of_order(xs, 10)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_check_boxes_of_a_libreoffice_form_read_before_their_options(engine: str) -> None:
    pdf = DATA / "libreoffice" / "verslagformulier-raadsledenavond-liemers-2019.pdf"
    texts = [b.text for b in read_document(pdf, pdf_engine=engine).blocks]  # type: ignore[arg-type]
    assert "☒ Zevenaar ☒ Montferland ☐ Duiven ☐ Westervoort ☒ Doesburg ☐ anders, nl. …" in texts
    assert any(
        t.startswith("Toelichting:") and "is (☒) en laat leeg wat niet van toepassing is (☐)." in t
        for t in texts
    )
    assert "☒ een cursus debatteren voor nieuwe raadsleden (in samenwerking met ProDemos)" in texts


def test_addresses_in_an_auto_hyphenated_document() -> None:
    # LibreOffice's automatic hyphenation breaks addresses too: its hyphens are not the address's.
    assert join_lines(["s.vandijk@pro-", "demos.nl"], hyphenated=True) == "s.vandijk@prodemos.nl"
    assert join_lines(["s.vandijk@pro-", "demos.nl"]) == "s.vandijk@pro-demos.nl"
    # A hyphen right after the "@" or a dot is never the address's.
    assert join_lines(["Anna de Wit, anna.dewit@-", "minbzk.nl"]) == "Anna de Wit, anna.dewit@minbzk.nl"
    breaks = [("de begelei-", "ding"), ("omgevings-", "wet"), ("raads-", "leden")]
    assert auto_hyphenated(breaks)
    # A compound's own hyphen, a capital or an address after the break: no sign of hyphenation.
    real = [("Pijnacker-", "Nootdorp"), ("jongerenraad-", "in-een-dag"), ("m.vandijk@rob-", "rfv.nl")]
    assert not auto_hyphenated([*real, ("wijk-", "of dorp")])


def _page(*lines: tuple[str, float, float]) -> PageContent:
    """One page of 10-point body lines, each (text, top, right edge), all starting at x 90."""
    return PageContent(1, 595, 842, [Line(text, 1, 90, top, x1, 10, False) for text, top, x1 in lines])


@pytest.mark.parametrize(
    ("lines", "blocks"),
    [
        # A full first line that stops mid-sentence goes on, even into what opens like an item.
        (
            [("Het programma biedt de deelnemers: a) een stappenplan voor inwoners,", 100, 520),
             ("b) twee dagdelen begeleiding en c) een uitwisseling.", 112, 400)],
            [("paragraph", "Het programma biedt de deelnemers: a) een stappenplan voor inwoners, "
              "b) twee dagdelen begeleiding en c) een uitwisseling.")],
        ),
        (
            [("De raden kregen een checklist, een voorbeeldmotie en het verslag van de", 100, 520),
             ("1. Wat vraagt de raad van de inwoners?", 112, 320)],
            [("paragraph", "De raden kregen een checklist, een voorbeeldmotie en het verslag van de "
              "1. Wat vraagt de raad van de inwoners?")],
        ),
        # A lead-in ending in a colon, or a short line, is followed by real items.
        (
            [("Het programma biedt de deelnemers de volgende onderdelen aan, te weten:", 100, 520),
             ("a) een stappenplan voor een raadsopdracht", 112, 330)],
            [("paragraph", "Het programma biedt de deelnemers de volgende onderdelen aan, te weten:"),
             ("list_item", "een stappenplan voor een raadsopdracht")],
        ),
        (
            [("Wat de raden ermee kunnen, kort gezegd", 100, 300),
             ("a) een stappenplan voor een raadsopdracht", 112, 330),
             ("Een regel die de volle breedte van de bladspiegel vult tot aan de marge", 140, 520)],
            [("paragraph", "Wat de raden ermee kunnen, kort gezegd"),
             ("list_item", "een stappenplan voor een raadsopdracht"),
             ("paragraph", "Een regel die de volle breedte van de bladspiegel vult tot aan de marge")],
        ),
    ],
)  # fmt: skip
def test_a_line_that_opens_like_a_list_item(lines: list[tuple[str, float, float]], blocks: list) -> None:
    assert [(b.kind, b.text) for b in build_document([_page(*lines)]).blocks] == blocks


# ----------------------------------------------------------------------------- a table of contents


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # A table of contents is a copy of the headings with their page numbers: not body text.
        (
            [("Inhoud", 100, 140), ("1 Inleiding ........................................ 2", 112, 520),
             ("3.1 Werkplaats A: Vastgoed ............................. 3", 124, 520),
             ("Bijlage. . . . . . . . . . . . . . . . 12", 136, 520), ("Vervolg……………… 5", 148, 520)],
            ["Inhoud"],
        ),
        # A dotted leader before a value, a number without a leader, dots inside a line: body text.
        ([("gespreksleider ........ Jan Smit (VNG)", 100, 400)], ["gespreksleider ........ Jan Smit (VNG)"]),
        ([("Aanwezig waren 12", 100, 200)], ["Aanwezig waren 12"]),
        ([("Eindrapport · versie 1.0 · 14 mei 2021", 100, 300)], ["Eindrapport · versie 1.0 · 14 mei 2021"]),
        ([("Zij zei: ... en toen ... 3", 100, 300)], ["Zij zei: ... en toen ... 3"]),
    ],
)  # fmt: skip
def test_a_table_of_contents_is_not_body_text(lines: list[tuple[str, float, float]], kept: list[str]) -> None:
    assert [b.text for b in build_document([_page(*lines)]).blocks] == kept


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_both_engines_drop_a_table_of_contents(engine: str) -> None:
    pdf = _winansi_pdf(
        [b"Inhoud", b"1 Inleiding ....................... 2", b"2 Werkplaatsen .................... 3",
         b"1 Inleiding", b"Dit rapport beschrijft de werkplaatsen."]
    )  # fmt: skip
    read = read_pdf_pdfium if engine == "pdfium" else read_pdf_plumber
    assert [b.text for b in read(pdf).blocks] == [
        "Inhoud",
        "1 Inleiding",
        "Dit rapport beschrijft de werkplaatsen.",
    ]


# ----------------------------------------------------------------------------- columns and frames


def _lines(*lines: tuple) -> list[Line]:
    """10-point body lines (text, x0, top, x1), or with a size and bold: (..., size, bold)."""
    return [Line(t, 1, x0, top, x1, *(rest or (10, False))) for t, x0, top, x1, *rest in lines]


FULL_WIDTH = ("Een inleiding over de volle breedte van de pagina, boven beide kolommen uit", 60, 60, 530)
LEFT = [
    ("In de eerste kolom staat een alinea die over", 60, 100, 275),
    ("meerdere regels doorloopt tot aan de voet van", 60, 112, 278),
]
RIGHT = [
    ("Hengelo. Daarna volgt de rest van de alinea", 310, 100, 530),
    ("in de tweede kolom van de pagina.", 310, 112, 450),
    ("Een nieuwe alinea in de tweede kolom begint", 310, 136, 528),
    ("hier en loopt nog een regel door.", 310, 148, 460),
]
SECOND = "Een nieuwe alinea in de tweede kolom begint hier en loopt nog een regel door."


@pytest.mark.parametrize(
    ("lines", "blocks"),
    [
        # Two columns side by side: each is read to its own right edge, and a paragraph that stops
        # mid-sentence at the foot of the first column goes on at the top of the second.
        (
            [FULL_WIDTH, *LEFT, ("de kolom, zei raadslid Femke ter Haar uit", 60, 124, 270), *RIGHT],
            [FULL_WIDTH[0],
             "In de eerste kolom staat een alinea die over meerdere regels doorloopt tot aan de voet van "
             "de kolom, zei raadslid Femke ter Haar uit Hengelo. Daarna volgt de rest van de alinea in de "
             "tweede kolom van de pagina.",
             SECOND],
        ),
        # A sentence that ends at the foot of the column, or a short last line, ends the paragraph.
        (
            [*LEFT, ("de kolom en eindigt hier met een punt.", 60, 124, 262), *RIGHT],
            ["In de eerste kolom staat een alinea die over meerdere regels doorloopt tot aan de voet van de "
             "kolom en eindigt hier met een punt.",
             "Hengelo. Daarna volgt de rest van de alinea in de tweede kolom van de pagina.", SECOND],
        ),
        (
            [*LEFT, ("de kolom en", 60, 124, 120), *RIGHT],
            ["In de eerste kolom staat een alinea die over meerdere regels doorloopt tot aan de voet van de "
             "kolom en",
             "Hengelo. Daarna volgt de rest van de alinea in de tweede kolom van de pagina.", SECOND],
        ),
        # An indented block with nothing beside it is no column: its short lines still end paragraphs.
        (
            [FULL_WIDTH, ("Een citaat dat is ingesprongen", 200, 80, 380), ("en kort blijft.", 200, 92, 280),
             ("Nog een korte regel.", 200, 104, 300),
             ("Weer een regel over de volle breedte, onder het ingesprongen citaat", 60, 116, 530)],
            [FULL_WIDTH[0], "Een citaat dat is ingesprongen", "en kort blijft.", "Nog een korte regel.",
             "Weer een regel over de volle breedte, onder het ingesprongen citaat"],
        ),
    ],
)  # fmt: skip
def test_text_in_columns_is_read_column_by_column(lines: list[tuple], blocks: list[str]) -> None:
    page = PageContent(1, 595, 842, _lines(*lines))
    assert [b.text for b in build_document([page]).blocks] == blocks


def test_a_page_holding_only_a_columns_rest_is_set_in_that_column() -> None:
    # The last page of a two-column section holds only what the first column could not.
    first = PageContent(1, 595, 842, _lines(FULL_WIDTH, *LEFT, ("de kolom.", 60, 124, 110), *RIGHT))
    rest = [("Op de tweede pagina gaat de eerste kolom verder", 60, 100, 276),
            ("met een alinea die ook hier smal blijft.", 60, 112, 240)]  # fmt: skip
    second = PageContent(2, 595, 842, [Line(t, 2, x0, top, x1, 10, False) for t, x0, top, x1 in rest])
    blocks = build_document([first, second]).blocks
    assert (
        blocks[-1].text
        == "Op de tweede pagina gaat de eerste kolom verder met een alinea die ook hier smal blijft."
    )


HEADING = [("Een kop die om een tekstvak heen", 60, 100, 300, 14, True), ("loopt", 60, 220, 100, 14, True)]
BOXED = [
    ("In voorbereiding", 70, 140, 160, 10, True),
    ("Het netwerk werkt aan een leergang voor", 70, 155, 240),
    ("raadsleden.", 70, 167, 120),
]
AFTER = ("Op woensdag kwamen de raadsleden bijeen in het Kulturhus, zo begon de avond.", 60, 240, 520)


@pytest.mark.parametrize(
    ("lines", "box", "blocks"),
    [
        # A frame drawn in the middle of a heading (the heading wraps around it): the heading goes
        # on past it, and the frame's lines are read after the text under the heading, as blocks
        # of their own.
        (
            [HEADING[0], HEADING[1], AFTER, *BOXED],
            Rect(60, 120, 250, 200),
            [("heading", "Een kop die om een tekstvak heen loopt"), ("paragraph", AFTER[0]),
             ("heading", "In voorbereiding"),
             ("paragraph", "Het netwerk werkt aan een leergang voor raadsleden.")],
        ),
        # A frame between two paragraphs is read where it stands; no line outside joins its text.
        (
            [("Een alinea boven het kader die eindigt.", 60, 100, 300), AFTER, *BOXED],
            Rect(60, 120, 250, 200),
            [("paragraph", "Een alinea boven het kader die eindigt."), ("heading", "In voorbereiding"),
             ("paragraph", "Het netwerk werkt aan een leergang voor raadsleden."), ("paragraph", AFTER[0])],
        ),
        # A highlight behind a single line is no frame: the line stays in its paragraph.
        (
            [("Een alinea met een regel die gemarkeerd is en", 60, 100, 520),
             ("doorloopt op de volgende regel tot het einde.", 60, 112, 400)],
            Rect(58, 90, 522, 103),
            [("paragraph", "Een alinea met een regel die gemarkeerd is en doorloopt op de volgende regel "
              "tot het einde.")],
        ),
    ],
)  # fmt: skip
def test_a_frame_is_read_as_a_unit_where_it_stands(lines: list[tuple], box: Rect, blocks: list) -> None:
    page = PageContent(1, 595, 842, _lines(*lines), boxes=[box])
    assert [(b.kind, b.text) for b in build_document([page]).blocks] == blocks


@pytest.mark.parametrize(
    ("rects", "tables", "boxes"),
    [
        # A fill and its outline (a hair wider) are one frame; so is a lone filled rectangle.
        ([Rect(60, 100, 250, 200), Rect(59.5, 99.5, 250.5, 200.5)], 0, 1),
        ([Rect(60, 100, 250, 200)], 0, 1),
        # Cells side by side or stacked are a table.
        ([Rect(60, 100, 250, 200), Rect(250, 100, 450, 200)], 1, 0),
        ([Rect(60, 100, 250, 150), Rect(60, 150, 250, 200)], 1, 0),
    ],
)
def test_frames_and_tables_from_rectangles(rects: list[Rect], tables: int, boxes: int) -> None:
    found = find_tables_and_boxes(rects, 595, 842)
    assert (len(found[0]), len(found[1])) == (tables, boxes)


def _text(x: float, y: float, text: bytes, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET " % (size, x, y, text)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_both_engines_read_columns_and_a_frame_alike(engine: str) -> None:
    left = [
        b"In de eerste kolom staat een alinea die",
        b"doorloopt tot aan de voet van de kolom,",
        b"zei raadslid Femke ter Haar uit",
    ]
    right = [b"Hengelo. Daarna volgt de rest van de", b"alinea in de tweede kolom hier.",
             b"Een nieuwe alinea in de tweede kolom", b"die nog een regel doorloopt."]  # fmt: skip
    stream = b"".join(_text(60, 742 - 12 * i, line) for i, line in enumerate(left))
    stream += b"".join(_text(310, 742 - 12 * i - (12 if i > 1 else 0), line) for i, line in enumerate(right))
    stream += (
        b"0.9 g 60 560 200 60 re f 0 g "
        + _text(70, 600, b"In voorbereiding")
        + _text(70, 588, b"een leergang")
    )
    read = read_pdf_pdfium if engine == "pdfium" else read_pdf_plumber
    assert [b.text for b in read(_winansi_pdf([], stream)).blocks] == [
        "In de eerste kolom staat een alinea die doorloopt tot aan de voet van de kolom, zei raadslid "
        "Femke ter Haar uit Hengelo. Daarna volgt de rest van de alinea in de tweede kolom hier.",
        "Een nieuwe alinea in de tweede kolom die nog een regel doorloopt.",
        "In voorbereiding",
        "een leergang",
    ]
