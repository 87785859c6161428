"""Word reader: the sample rendered to .docx reads back as the txt blocks; numbering is Word's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import DATA, SAMPLE_STEM
from render import render_docx, render_pdf

from pipeline.ingest import IngestError, read_document
from pipeline.ingest.docx import read_docx
from pipeline.ingest.txt import read_txt
from pipeline.model import Document

MARKUP = (DATA / "sample" / f"{SAMPLE_STEM}.md").read_text(encoding="utf-8")
TXT = (DATA / "sample" / f"{SAMPLE_STEM}.txt").read_bytes()
HEADER, FOOTER = "VNG | Democratie in Actie", "Verslag opstartsessie, vertrouwelijk"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("docx") / f"{SAMPLE_STEM}.docx"
    return render_docx(MARKUP, path, header=HEADER, footer=FOOTER).read_bytes()


@pytest.fixture(scope="module")
def doc(sample_docx: bytes) -> Document:
    return read_docx(sample_docx)


def shown(document: Document) -> list[tuple[str | None, str]]:
    return [(b.marker, b.text) for b in document.blocks]


def test_blocks_equal_the_txt_blocks(doc: Document) -> None:
    assert shown(doc) == shown(read_txt(TXT))
    assert doc.text == read_txt(TXT).text


def test_rendering_is_deterministic(tmp_path: Path, sample_docx: bytes) -> None:
    assert (
        render_docx(MARKUP, tmp_path / "again.docx", header=HEADER, footer=FOOTER).read_bytes() == sample_docx
    )


def test_numbers_come_from_word_numbering_not_from_the_text(sample_docx: bytes, doc: Document) -> None:
    xml = zipfile.ZipFile(io.BytesIO(sample_docx)).read("word/document.xml").decode()
    assert ">Doel (wat wil je" in xml and "1. Doel" not in xml  # the number is not typed
    items = [b for b in doc.blocks if b.style == "List Number"]
    assert [b.marker for b in items[:7]] == ["1.", "2.", "3.", "1.", "2.", "3.", "1."]  # restarts
    assert all(b.kind == "list_item" and b.level == 0 for b in items)
    bullets = {b.marker for b in doc.blocks if b.style == "List Bullet"}
    assert bullets == {"•", "-"}


def test_headings_from_styles(doc: Document) -> None:
    headings = [(b.level, b.style, b.marker, b.text) for b in doc.blocks if b.kind == "heading"]
    assert headings[0] == (1, "Title", None, "Verslag opstartsessie ontwikkeltrajecten in Utrecht")
    assert (
        2,
        "Heading 2",
        "4.",
        "Sessie Organisatieontwikkeling / Veranderprocessen in de lokale democratie",
    ) in headings
    assert len(headings) == 8


def test_headers_and_footers_are_left_out(doc: Document) -> None:
    assert HEADER not in doc.text and FOOTER not in doc.text


def test_pages_from_explicit_page_breaks(doc: Document) -> None:
    assert doc.pages == 2
    first_on_2 = next(i for i, b in enumerate(doc.blocks) if b.page == 2)
    assert doc.blocks[first_on_2].text.startswith("Tijdens de sessie deelden")
    assert {b.page for b in doc.blocks[:first_on_2]} == {1}


def test_no_page_breaks_means_pages_unknown(tmp_path: Path) -> None:
    document = read_docx(render_docx("# Titel\n\nEen alinea.", tmp_path / "a.docx").read_bytes())
    assert document.pages is None and {b.page for b in document.blocks} == {None}


def test_hyperlinks_and_tables(tmp_path: Path) -> None:
    markup = (
        "Contact: [Joris Verhoef](mailto:joris.verhoef@vng.nl) of [de site](https://vng.nl).\n\n"
        "| Sessie | Contact |\n| 1. Jongeren | [Sanne Bos](mailto:sanne.bos@vng.nl) |"
    )
    document = read_docx(render_docx(markup, tmp_path / "l.docx").read_bytes())
    assert [(b.kind, b.table, b.text) for b in document.blocks[1:]] == [
        ("table_cell", (0, 0, 0), "Sessie"),
        ("table_cell", (0, 0, 1), "Contact"),
        ("table_cell", (0, 1, 0), "1. Jongeren"),
        ("table_cell", (0, 1, 1), "Sanne Bos"),
    ]
    links = [(link.text, link.target, document.text[link.start : link.end]) for link in document.links]
    assert links == [
        ("Joris Verhoef", "mailto:joris.verhoef@vng.nl", "Joris Verhoef"),
        ("de site", "https://vng.nl", "de site"),
        ("Sanne Bos", "mailto:sanne.bos@vng.nl", "Sanne Bos"),
    ]


def test_style_based_lists_and_typed_markers(tmp_path: Path) -> None:
    """python-docx's own way: a List Number style without numPr on the paragraph."""
    document = docx.Document()
    document.add_paragraph("Eerste punt", style="List Number")
    document.add_paragraph("Tweede punt", style="List Number")
    document.add_paragraph("Een opsomming", style="List Bullet")
    document.add_paragraph("3. Met de hand genummerd")
    document.add_paragraph("- Met de hand een streepje")
    path = tmp_path / "styles.docx"
    document.save(path)
    read = read_docx(path.read_bytes())
    assert [(b.kind, b.marker, b.text) for b in read.blocks] == [
        ("list_item", "1.", "Eerste punt"),
        ("list_item", "2.", "Tweede punt"),
        ("list_item", "•", "Een opsomming"),
        ("list_item", "3.", "Met de hand genummerd"),
        ("list_item", "-", "Met de hand een streepje"),
    ]


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def package(body: str, **parts: str) -> bytes:
    """A minimal .docx: document.xml with ``body``, plus ``parts`` by name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return buffer.getvalue()


def test_word_numbering_levels_formats_and_restarts() -> None:
    body = "".join(
        [
            numbered("een", 1),
            numbered("sub a", 1, 1),
            numbered("sub b", 1, 1),
            numbered("diep", 1, 2),
            numbered("twee", 1),
            numbered("sub opnieuw", 1, 1),
            numbered("vervolg via tweede num", 2),  # same abstract list: Word continues
            numbered("herstart", 3),  # startOverride restarts at 7
            numbered("na herstart", 3),
            numbered("bolletje", 4),
            numbered("rondje", 4, 1),
            numbered("romeins", 5),
            '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>uit</w:t></w:r></w:p>',
        ]
    )
    document = read_docx(package(body, numbering=NUMBERING))
    assert [(b.marker, b.level, b.text) for b in document.blocks] == [
        ("1.", 0, "een"),
        ("a)", 1, "sub a"),
        ("b)", 1, "sub b"),
        ("1.b.1", 2, "diep"),  # each level in its own format, as Word shows it
        ("2.", 0, "twee"),
        ("a)", 1, "sub opnieuw"),
        ("3.", 0, "vervolg via tweede num"),
        ("7.", 0, "herstart"),
        ("8.", 0, "na herstart"),
        ("•", 0, "bolletje"),
        ("◦", 1, "rondje"),
        ("IV", 0, "romeins"),
        (None, None, "uit"),
    ]


STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sessiekop"><w:name w:val="Sessiekop"/>
  <w:basedOn w:val="Kop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Opsomming"><w:name w:val="Opsomming"/>
  <w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Nadruk"><w:name w:val="Emphasis"/></w:style>
</w:styles>"""


def styled(text: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


@pytest.mark.parametrize("prefix", ["w", "x"])  # "x": not the usual prefix, so the part is parsed whole
def test_styles_through_based_on(prefix: str) -> None:
    styles = STYLES.replace("w:", f"{prefix}:").replace("xmlns:w=", f"xmlns:{prefix}=")
    body = styled("Verslag", "Kop1") + styled("1. Rolvastheid", "Sessiekop") + styled("Een punt", "Opsomming")
    document = read_docx(package(body + styled("Gewoon", "Normal"), styles=styles, numbering=NUMBERING))
    assert [(b.kind, b.level, b.marker, b.style, b.text) for b in document.blocks] == [
        ("heading", 1, None, "Heading 1", "Verslag"),
        ("heading", 1, "1.", "Sessiekop", "Rolvastheid"),  # heading by the outline level it inherits
        ("list_item", 0, "•", "Opsomming", "Een punt"),  # numbering from the style
        ("paragraph", None, None, "Normal", "Gewoon"),
    ]


def test_content_controls_breaks_and_fields() -> None:
    body = (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>In een inhoudsbesturingselement</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        '<w:p><w:r><w:t xml:space="preserve">Mail </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "mailto:info@vng.nl" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>het team</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br w:type="page"/><w:t>.</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Volgende pagina</w:t></w:r></w:p>"
    )
    document = read_docx(package(body))
    assert [(b.text, b.page) for b in document.blocks] == [
        ("In een inhoudsbesturingselement", 1),
        ("Mail het team.", 1),
        ("Volgende pagina", 2),
    ]
    assert [(link.text, link.target) for link in document.links] == [("het team", "mailto:info@vng.nl")]


def test_pages_from_word_saved_layout() -> None:
    """When Word saved its layout, its rendered breaks count, not the explicit ones as well."""
    body = (
        "<w:p><w:r><w:t>Een</w:t></w:r></w:p>"
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        "<w:p><w:r><w:lastRenderedPageBreak/><w:t>Twee</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Nog twee</w:t></w:r>"
        "<w:r><w:lastRenderedPageBreak/><w:t xml:space='preserve'> drie</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Drie</w:t></w:r></w:p>"
    )
    document = read_docx(package(body))
    assert [(b.text, b.page) for b in document.blocks] == [
        ("Een", 1),
        ("Twee", 2),
        ("Nog twee drie", 2),
        ("Drie", 3),
    ]
    assert document.pages == 3


# ----------------------------------------------------------------------------- failures


def test_not_a_zip() -> None:
    with pytest.raises(IngestError, match=r"^not a .docx: "):
        read_docx(b"Dit is geen zip-bestand maar gewone tekst.")


def test_legacy_doc() -> None:
    with pytest.raises(IngestError, match=r"^not a .docx: an OLE2 file"):
        read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def test_zip_without_document_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IngestError, match=r"^not a Word document: .*no word/document.xml"):
        read_docx(buffer.getvalue())


def test_zip_bomb() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * (20 * 2**20) + b"</w:document>")
    with pytest.raises(IngestError, match=r"^zip bomb: word/document.xml would unpack \d+x"):
        read_docx(buffer.getvalue())


def test_huge_document_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:  # stored: no ratio to trip on
        z.writestr("word/document.xml", b"<w:document>" + b" " * (51 * 2**20) + b"</w:document>")
    with pytest.raises(IngestError, match=r"^document too large: word/document.xml unpacks to 51 MB"):
        read_docx(buffer.getvalue())


def test_broken_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(IngestError, match=r"^corrupt .docx: broken XML"):
        read_docx(buffer.getvalue())


def test_a_pdf_named_docx_is_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "verslag.docx"
    render_pdf("# Verslag\n\nEen korte alinea.", path)
    document = read_document(path)
    assert document.format == "pdf"
    assert [b.text for b in document.blocks] == ["Verslag", "Een korte alinea."]


def test_a_docx_named_pdf_is_detected_by_content(tmp_path: Path, sample_docx: bytes) -> None:
    path = tmp_path / "verslag.pdf"
    path.write_bytes(sample_docx)
    assert read_document(path).format == "docx"


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _text_box(paragraphs: str) -> str:
    """A floating text box as Word writes it: DrawingML, plus a VML copy as the fallback."""
    box = f"<w:txbxContent>{paragraphs}</w:txbxContent>"
    return (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}">'
        f"<mc:Choice><w:drawing><anchor><txbx>{box}</txbx></anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><shape><textbox>{box}</textbox></shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_as_blocks_of_its_own() -> None:
    quote = (
        "<w:p><w:r><w:t>“Samen komen we verder.”</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>- Petra de Groot, wethouder gemeente Zwolle</w:t></w:r></w:p>"
    )
    body = (
        "<w:p><w:r><w:t>Tijdens de sessie spraken de deelnemers over spelregels.</w:t></w:r>"
        f"{_text_box(quote)}</w:p>"
        "<w:p><w:r><w:t>Daarna volgde de lunch.</w:t></w:r></w:p>"
    )
    document = read_docx(package(body))
    assert [(b.kind, b.marker, b.text) for b in document.blocks] == [
        ("paragraph", None, "Tijdens de sessie spraken de deelnemers over spelregels."),
        ("paragraph", None, "“Samen komen we verder.”"),
        ("list_item", "-", "Petra de Groot, wethouder gemeente Zwolle"),
        ("paragraph", None, "Daarna volgde de lunch."),
    ]
