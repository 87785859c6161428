"""Word reader against the XML real Word and LibreOffice documents hold.

python-docx writes almost none of it: tracked changes, content controls, fields, smart tags,
symbols, footnotes, alternate content, merged and nested tables, a main part with another
name, strict OOXML. Each case builds a python-docx package and rewrites its
``word/document.xml`` (and, where needed, adds parts) the way Word or LibreOffice writes them.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
import yaml
from conftest import ROOT

from pipeline.ingest import IngestError
from pipeline.ingest.docx import read_docx
from pipeline.model import Document
from pipeline.process import process_bytes

CORPUS = ROOT / "tests" / "corpus"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


@cache
def _base() -> dict[str, bytes]:
    """The parts of an empty python-docx document (Word's default template)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def word(
    body: str,
    *,
    parts: dict[str, tuple[str, str, str]] | None = None,
    links: dict[str, str] | None = None,
    numbering: str | None = None,
    styles: str = "",
    main: str = "word/document.xml",
) -> bytes:
    """A .docx with ``body`` as the body of python-docx's empty document.

    ``parts``: extra parts of the main part, name -> (xml, relationship type, content type);
    ``links``: external hyperlink relationships, id -> target; ``numbering``: numbering.xml
    instead of the template's; ``styles``: extra paragraph styles; ``main``: the main part's name.
    """
    files = dict(_base())
    document = files.pop("word/document.xml").decode()
    files[main] = document.replace("<w:body>", f"<w:body>{body}", 1).encode()
    rels = files.pop("word/_rels/document.xml.rels").decode()
    extra = "".join(
        f'<Relationship Id="rIdX{i}" Type="{REL_TYPE}{rel}" Target="{name}"/>'
        for i, (name, (_, rel, _)) in enumerate((parts or {}).items())
    )
    extra += "".join(
        f'<Relationship Id="{rid}" Type="{REL_TYPE}hyperlink" Target="{target}" TargetMode="External"/>'
        for rid, target in (links or {}).items()
    )
    folder, _, stem = main.rpartition("/")
    files[f"{folder}/_rels/{stem}.rels"] = rels.replace(
        "</Relationships>", extra + "</Relationships>"
    ).encode()
    types = files["[Content_Types].xml"].decode().replace('"/word/document.xml"', f'"/{main}"')
    for name, (xml, _, content_type) in (parts or {}).items():
        files[f"word/{name}"] = xml.encode()
        types = types.replace(
            "</Types>", f'<Override PartName="/word/{name}" ContentType="{content_type}"/></Types>'
        )
    files["[Content_Types].xml"] = types.encode()
    files["_rels/.rels"] = files["_rels/.rels"].replace(
        b'Target="word/document.xml"', f'Target="{main}"'.encode()
    )
    if numbering is not None:
        files["word/numbering.xml"] = numbering.encode()
    if styles:
        files["word/styles.xml"] = files["word/styles.xml"].replace(
            b"</w:styles>", styles.encode() + b"</w:styles>"
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buffer.getvalue()


def p(*runs: str, ppr: str = "") -> str:
    """A paragraph; a run given as plain text becomes ``<w:r><w:t>``."""
    inner = "".join(run if run.startswith("<") else r(run) for run in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks]


def read(body: str, **kwargs: object) -> Document:
    return read_docx(word(body, **kwargs))  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- tracked changes

AUTHOR = 'w:id="1" w:author="Joris Verhoef" w:date="2024-03-12T10:00:00Z"'

TRACKED = [
    pytest.param(
        p(
            "De sessie vond plaats in ",
            f"<w:del {AUTHOR}><w:r><w:delText>Utrecht</w:delText></w:r></w:del>",
            f"<w:ins {AUTHOR}>{r('Amersfoort')}</w:ins>",
            ".",
        ),
        ["De sessie vond plaats in Amersfoort."],
        id="insertion-replaces-deletion",
    ),
    pytest.param(
        p(
            "Aanwezig waren ",
            f"<w:del {AUTHOR}><w:r><w:delText>Zwolle, </w:delText><w:tab/></w:r></w:del>",
            "Deventer en Kampen.",
        ),
        ["Aanwezig waren Deventer en Kampen."],
        id="deleted-tab-and-text",
    ),
    pytest.param(
        p("Vooraf", f"<w:moveFrom {AUTHOR}>{r(' werd de agenda besproken')}</w:moveFrom>", ".")
        + p("Achteraf", f"<w:moveTo {AUTHOR}>{r(' werd de agenda besproken')}</w:moveTo>", "."),
        ["Vooraf.", "Achteraf werd de agenda besproken."],
        id="moved-text-read-once-where-it-went",
    ),
    pytest.param(
        p(
            "Ingevoegde alinea over de ",
            f"<w:ins {AUTHOR}>{r('raadsleden')}</w:ins>",
            ppr=f"<w:rPr><w:ins {AUTHOR}/></w:rPr>",
        ),
        ["Ingevoegde alinea over de raadsleden"],
        id="inserted-paragraph",
    ),
    pytest.param(
        p(
            f"<w:del {AUTHOR}><w:r><w:delText>Geschrapte alinea.</w:delText></w:r></w:del>",
            ppr=f"<w:rPr><w:del {AUTHOR}/></w:rPr>",
        )
        + p("Blijft staan."),
        ["Blijft staan."],
        id="deleted-paragraph",
    ),
    pytest.param(
        "<w:tbl><w:tr>" + f"<w:tc>{p('Sessie')}</w:tc><w:tc>{p('Gemeente')}</w:tc></w:tr>"
        f"<w:tr><w:trPr><w:del {AUTHOR}/></w:trPr>"
        f"<w:tc>{p(f'<w:del {AUTHOR}><w:r><w:delText>1</w:delText></w:r></w:del>')}</w:tc>"
        f"<w:tc>{p(f'<w:del {AUTHOR}><w:r><w:delText>Ede</w:delText></w:r></w:del>')}</w:tc></w:tr>"
        f"<w:tr><w:tc>{p('2')}</w:tc><w:tc>{p('Wageningen')}</w:tc></w:tr></w:tbl>",
        ["Sessie", "Gemeente", "2", "Wageningen"],
        id="deleted-table-row",
    ),
]


@pytest.mark.parametrize(("body", "expected"), TRACKED)
def test_tracked_changes_read_as_accepted(body: str, expected: list[str]) -> None:
    assert texts(read(body)) == expected


def test_a_deleted_row_does_not_count_as_a_row() -> None:
    body = TRACKED[5].values[0]
    assert [b.table for b in read(body).blocks] == [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1)]


# ----------------------------------------------------------------------------- containers and fields


def sdt(content: str, props: str = '<w:alias w:val="Titel"/><w:tag w:val="titel"/>') -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtEndPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def field(instruction: str, *result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + "".join(run if run.startswith("<") else r(run) for run in result)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


TABLE = (
    "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    f"<w:tr><w:tc>{p('Sessie')}</w:tc><w:tc>{p('Gespreksleider')}</w:tc></w:tr>"
    f"<w:tr><w:tc>{p('Jongeren')}</w:tc><w:tc>{p('Sanne Bos')}</w:tc></w:tr></w:tbl>"
)

CONTAINERS = [
    pytest.param(
        sdt(p("Verslag kennissessie Limburg")) + p("Datum: 12 maart 2023"),
        ["Verslag kennissessie Limburg", "Datum: 12 maart 2023"],
        id="block-sdt",
    ),
    pytest.param(
        p("Locatie: ", sdt(r("Stadhuis Maastricht")), "."), ["Locatie: Stadhuis Maastricht."], id="run-sdt"
    ),
    pytest.param(
        sdt(p("Deelnemers") + TABLE),
        ["Deelnemers", "Sessie", "Gespreksleider", "Jongeren", "Sanne Bos"],
        id="table-in-sdt",
    ),
    pytest.param(
        "<w:tbl><w:tr>"
        + sdt(f"<w:tc>{p('Sessie')}</w:tc>")
        + f"<w:tc>{p('Thema')}</w:tc></w:tr>"
        + sdt(f"<w:tr><w:tc>{p('1')}</w:tc><w:tc>{sdt(p('Rolvastheid'))}</w:tc></w:tr>")
        + "</w:tbl>",
        ["Sessie", "Thema", "1", "Rolvastheid"],
        id="cell-and-row-sdt",
    ),
    pytest.param(
        p(
            "Datum: ",
            sdt(
                r("Klik of tik om een datum in te voeren."),
                '<w:showingPlcHdr/><w:date><w:dateFormat w:val="d-M-yyyy"/></w:date>',
            ),
        )
        + sdt(p("Klik of tik om tekst in te voeren."), "<w:showingPlcHdr/>")
        + p("Verslag volgt."),
        ["Datum:", "Verslag volgt."],
        id="empty-control-placeholder",
    ),
    pytest.param(
        p(
            "De wethouder van ",
            '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
            + r("Heerlen")
            + "</w:smartTag>",
            " sprak.",
        ),
        ["De wethouder van Heerlen sprak."],
        id="smartTag",
    ),
    pytest.param(
        '<w:customXml w:uri="urn:vng" w:element="verslag">'
        + p("Inleiding ", '<w:customXml w:element="spreker">' + r("Petra de Groot") + "</w:customXml>")
        + "</w:customXml>",
        ["Inleiding Petra de Groot"],
        id="customXml-block-and-run",
    ),
    pytest.param(
        p(
            '<w:bookmarkStart w:id="0" w:name="_Toc1"/>',
            "Sessie 1: Jongeren",
            '<w:bookmarkEnd w:id="0"/>',
            '<w:commentRangeStart w:id="3"/>',
            " en raad",
            '<w:commentRangeEnd w:id="3"/>',
            '<w:r><w:commentReference w:id="3"/></w:r>',
            '<w:proofErr w:type="spellStart"/>',
        ),
        ["Sessie 1: Jongeren en raad"],
        id="bookmark-comment-anchors",
    ),
    pytest.param(
        p("Zie ", '<w:hyperlink w:anchor="_Toc1" w:history="1">' + r("sessie 1") + "</w:hyperlink>", "."),
        ["Zie sessie 1."],
        id="hyperlink-anchor",
    ),
    pytest.param(
        p(
            "Gedrukt op ",
            '<w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">'
            + r("12 maart 2023")
            + "</w:fldSimple>",
        ),
        ["Gedrukt op 12 maart 2023"],
        id="fldSimple-result",
    ),
    pytest.param(
        p("Pagina ", field("PAGE", "3"), " van ", field("NUMPAGES \\* MERGEFORMAT", "7")),
        ["Pagina 3 van 7"],
        id="complex-field-result-not-instruction",
    ),
    pytest.param(
        p("Zie ", field("REF _Ref123 \\h", "tabel ", field("SEQ Tabel \\* ARABIC", "2")), " hieronder."),
        ["Zie tabel 2 hieronder."],
        id="nested-fields",
    ),
    pytest.param(
        p("Datum: ", field("DATE", "<w:r><w:t>12-03-2023</w:t></w:r>"))
        + p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "Geen resultaat",
        ),
        ["Datum: 12-03-2023", "Geen resultaat"],
        id="field-without-result",
    ),
]


CONTAINERS.append(
    pytest.param(
        "<w:tbl><w:tr>"
        + f"<w:tc>{p('Gespreksleider')}</w:tc>"
        + sdt(f"<w:tc>{p('Klik of tik om tekst in te voeren.')}</w:tc>", "<w:showingPlcHdr/>")
        + f"<w:tc>{p('ProDemos')}</w:tc></w:tr></w:tbl>",
        ["Gespreksleider", "ProDemos"],
        id="cell-control-showing-its-placeholder",
    )
)


CONTAINERS.append(
    pytest.param(
        p("Vervoer: ", '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
          '<w:r><w:instrText>IF "</w:instrText></w:r>',
          field("MERGEFIELD Vervoer", "trein"),
          '<w:r><w:instrText>" = "trein" "met de trein" "anders"</w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "met de trein",
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "."),
        ["Vervoer: met de trein."],
        id="text-inside-a-field-instruction-is-not-shown",
    )
)  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), CONTAINERS)
def test_containers_anchors_and_fields(body: str, expected: list[str]) -> None:
    assert texts(read(body)) == expected


def test_a_cell_showing_a_placeholder_keeps_the_columns_after_it() -> None:
    (case,) = [c for c in CONTAINERS if c.id == "cell-control-showing-its-placeholder"]
    assert [b.table for b in read(case.values[0]).blocks] == [(0, 0, 0), (0, 0, 2)]


def test_hyperlinks_with_relationship_and_anchor() -> None:
    body = p(
        "Mail ",
        '<w:hyperlink r:id="rId90" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        "<w:t>Joris Verhoef</w:t></w:r></w:hyperlink>",
        " of lees ",
        '<w:hyperlink r:id="rId91" w:anchor="sessie-2">' + r("het verslag") + "</w:hyperlink>",
        " en ",
        '<w:hyperlink w:anchor="_Toc2">' + r("sessie 2") + "</w:hyperlink>",
        ".",
    )
    document = read(body, links={"rId90": "mailto:joris.verhoef@vng.nl", "rId91": "https://vng.nl/verslag"})
    assert texts(document) == ["Mail Joris Verhoef of lees het verslag en sessie 2."]
    assert [(link.text, link.target) for link in document.links] == [
        ("Joris Verhoef", "mailto:joris.verhoef@vng.nl"),
        ("het verslag", "https://vng.nl/verslag#sessie-2"),
    ]


def test_hyperlink_field_split_over_runs() -> None:
    body = p("Contact: ", field('HYPERLINK "mailto:sanne.bos@prodemos.nl"', "Sanne ", "Bos"), ".")
    document = read(body)
    assert texts(document) == ["Contact: Sanne Bos."]
    assert [(link.text, link.target) for link in document.links] == [
        ("Sanne Bos", "mailto:sanne.bos@prodemos.nl")
    ]


# ----------------------------------------------------------------------------- characters


def sym(font: str, char: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'


CHARACTERS = [
    pytest.param(
        p("burger", "<w:r><w:softHyphen/></w:r>", "participatie"),
        ["burgerparticipatie"],
        id="soft-hyphen-invisible",
    ),
    pytest.param(
        p("Noord", "<w:r><w:noBreakHyphen/></w:r>", "Brabant"), ["Noord-Brabant"], id="no-break-hyphen"
    ),
    pytest.param(
        p(
            "Tijd:",
            "<w:r><w:tab/></w:r>",
            "13.30 uur",
            '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>',
            "zaal 2",
        ),
        ["Tijd: 13.30 uur zaal 2"],
        id="tab-and-ptab",
    ),
    pytest.param(
        p("Gemeentehuis", "<w:r><w:br/></w:r>", "Markt 1", "<w:r><w:cr/></w:r>", "Tiel"),
        ["Gemeentehuis", "Markt 1", "Tiel"],
        id="line-break-and-cr-end-a-line-as-in-txt",
    ),
    pytest.param(
        p("Einde deel 1.", '<w:r><w:br w:type="page"/></w:r>') + p("Deel 2"),
        ["Einde deel 1.", "Deel 2"],
        id="page-break",
    ),
    pytest.param(
        p("Kolom een", '<w:r><w:br w:type="column"/></w:r>', "kolom twee"),
        ["Kolom een kolom twee"],
        id="column-break",
    ),
    pytest.param(
        p("Tel.\u00a0030\u00a0123\u00a04567, ", "<w:r><w:t>06\u00a0–\u00a012345678</w:t></w:r>"),
        ["Tel. 030 123 4567, 06 – 12345678"],
        id="non-breaking-spaces",
    ),
    pytest.param(
        p(sym("Symbol", "F0B7"), "<w:r><w:tab/></w:r>", "Raadsleden uit Tiel"),
        ["Raadsleden uit Tiel"],
        id="symbol-bullet",
    ),
    pytest.param(
        p(sym("Wingdings", "F0D8"), "<w:r><w:tab/></w:r>", "Inwoners uit Buren"),
        ["Inwoners uit Buren"],
        id="wingdings-arrow",
    ),
    pytest.param(
        p("Akkoord ", sym("Wingdings", "F0FC"), " en ", sym("Symbol", "F0B3"), " 18 jaar"),
        ["Akkoord ✓ en ≥ 18 jaar"],
        id="symbols-inside-text",
    ),
]


def font_run(font: str, text: str) -> str:
    return f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t>{text}</w:t></w:r>'


CHARACTERS += [
    pytest.param(
        p("Akkoord ", font_run("Wingdings", "\uf0fc"), " en ", font_run("Symbol", "\uf0b3"), " 18 jaar"),
        ["Akkoord ✓ en ≥ 18 jaar"],
        id="symbols-as-text-in-a-symbol-font-as-libreoffice-writes",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), CHARACTERS)
def test_special_characters(body: str, expected: list[str]) -> None:
    assert texts(read(body)) == expected


@pytest.mark.parametrize(
    ("font", "char", "marker"),
    [
        ("Symbol", "F0B7", "•"),
        ("Wingdings", "F0A7", "▪"),
        ("Wingdings", "F0D8", "➢"),
        ("Wingdings", "F0FC", "✓"),
        ("Wingdings", "F0F0", "•"),
    ],  # a glyph without a Unicode twin: still a bullet
)
@pytest.mark.parametrize("as_text", [False, True], ids=["w:sym", "text-in-symbol-font"])
def test_a_symbol_bullet_typed_in_the_text_makes_a_list_item(
    font: str, char: str, marker: str, as_text: bool
) -> None:
    bullet = font_run(font, chr(int(char, 16))) if as_text else sym(font, char)
    document = read(p(bullet, "<w:r><w:tab/></w:r>", "Raadsleden uit Tiel"))
    assert [(b.kind, b.marker, b.text) for b in document.blocks] == [
        ("list_item", marker, "Raadsleden uit Tiel")
    ]


def test_page_break_counts_pages() -> None:
    document = read(CHARACTERS[4].values[0])
    assert [(b.text, b.page) for b in document.blocks] == [("Einde deel 1.", 1), ("Deel 2", 2)]


# ----------------------------------------------------------------------------- numbering

NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>
    <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/>
    <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0a7"/>
    <w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop1"/>
    <w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop2"/>
    <w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop3"/>
    <w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="Agendalijst"/></w:abstractNum>
<w:abstractNum w:abstractNumId="4"><w:styleLink w:val="Agendalijst"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
</w:numbering>"""

NUM_STYLES = """
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Kop1"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Kop3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Opsomming"><w:name w:val="Opsomming"/><w:basedOn w:val="Lijstalinea"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="Agendalijst"><w:name w:val="Agendalijst"/>
  <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
"""


def num(text: str, num_id: int, ilvl: int | None = 0, style: str = "Lijstalinea") -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return p(text, ppr=f'<w:pStyle w:val="{style}"/><w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>')


def styled(text: str, style: str) -> str:
    return p(text, ppr=f'<w:pStyle w:val="{style}"/>')


NUMBERED = [
    pytest.param(
        num("Raadsleden", 1) + num("uit Tiel", 1, 1) + num("griffie", 1, 2) + num("Inwoners", 1),
        [
            ("list_item", 0, "•", "Raadsleden"),
            ("list_item", 1, "◦", "uit Tiel"),
            ("list_item", 2, "▪", "griffie"),
            ("list_item", 0, "•", "Inwoners"),
        ],
        id="multi-level-bullets",
    ),
    pytest.param(
        num("Opening", 3)
        + num("welkom", 3, 1)
        + num("voorstelronde", 3, 1)
        + num("Sessies", 3)
        + num("jongeren", 3, 1),
        [
            ("list_item", 0, "1.", "Opening"),
            ("list_item", 1, "a.", "welkom"),
            ("list_item", 1, "b.", "voorstelronde"),
            ("list_item", 0, "2.", "Sessies"),
            ("list_item", 1, "a.", "jongeren"),
        ],
        id="multi-level-numbers-restart-below",
    ),
    pytest.param(
        styled("Rolvastheid", "Opsomming") + styled("Ondermijning", "Opsomming"),
        [("list_item", 0, "•", "Rolvastheid"), ("list_item", 0, "•", "Ondermijning")],
        id="numbering-from-paragraph-style",
    ),
    pytest.param(
        styled("Inleiding", "Kop1")
        + styled("Aanleiding", "Kop2")
        + styled("Doel", "Kop2")
        + styled("Sessies", "Kop1")
        + styled("Jongeren", "Kop2"),
        [
            ("heading", 1, "1.", "Inleiding"),
            ("heading", 2, "1.1", "Aanleiding"),
            ("heading", 2, "1.2", "Doel"),
            ("heading", 1, "2.", "Sessies"),
            ("heading", 2, "2.1", "Jongeren"),
        ],
        id="headings-numbered-by-word",
    ),
    pytest.param(
        styled("Inleiding", "Kop1") + styled("Sessies", "Kop3"),
        [("heading", 1, "1.", "Inleiding"), ("heading", 3, "1.0.1", "Sessies")],  # Word skips level 2 so
        id="heading-level-from-the-list-level-that-names-its-style",
    ),
    pytest.param(
        num("Opening", 4) + num("Pauze", 4) + num("Afsluiting", 5),
        [
            ("list_item", 0, "A)", "Opening"),
            ("list_item", 0, "B)", "Pauze"),
            ("list_item", 0, "C)", "Afsluiting"),
        ],
        id="list-style-through-numStyleLink",
    ),
    pytest.param(
        num("Opening", 3) + num("Vervolg zonder niveau", 3, None),
        [("list_item", 0, "1.", "Opening"), ("list_item", 0, "2.", "Vervolg zonder niveau")],
        id="numPr-without-ilvl",
    ),
]


NUMBERED.append(
    pytest.param(
        num("Opening", 3)
        + num(f"<w:del {AUTHOR}><w:r><w:delText>Pauze</w:delText></w:r></w:del>", 3).replace(
            "</w:numPr>", f"</w:numPr><w:rPr><w:del {AUTHOR}/></w:rPr>"
        )
        + num("Afsluiting", 3),
        [("list_item", 0, "1.", "Opening"), ("list_item", 0, "2.", "Afsluiting")],
        id="deleted-list-item-takes-no-number",
    )
)


@pytest.mark.parametrize(("body", "expected"), NUMBERED)
def test_word_numbering(body: str, expected: list[tuple[str, int, str, str]]) -> None:
    document = read(body, numbering=NUMBERING, styles=NUM_STYLES)
    assert [(b.kind, b.level, b.marker, b.text) for b in document.blocks] == expected
    assert document.text.startswith(f"{expected[0][2]} {expected[0][3]}")


# ----------------------------------------------------------------------------- notes, comments, headers

FOOTNOTES = f"""<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0">
  <w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="Voetnoottekst"/></w:pPr>
  <w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> Zie het verslag op vng.nl; contact: joris.verhoef@vng.nl.</w:t></w:r>
</w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> Cijfers van het CBS, 2023.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
ENDNOTES = f"""<w:endnotes xmlns:w="{W_NS}">
<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> Met dank aan ProDemos.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"""
COMMENTS = f"""<w:comments xmlns:w="{W_NS}"><w:comment w:id="3" w:author="Sanne Bos" w:initials="SB">
<w:p><w:r><w:t>Klopt deze datum wel?</w:t></w:r></w:p></w:comment></w:comments>"""
NOTE_PARTS = {
    "footnotes.xml": (FOOTNOTES, "footnotes", CT + "footnotes+xml"),
    "endnotes.xml": (ENDNOTES, "endnotes", CT + "endnotes+xml"),
    "comments.xml": (COMMENTS, "comments", CT + "comments+xml"),
}


def note(kind: str, note_id: int) -> str:
    mark = '<w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr>'
    return f'<w:r>{mark}<w:{kind}Reference w:id="{note_id}"/></w:r>'


NOTES = [
    pytest.param(
        p("Het traject liep in Utrecht.", note("footnote", 1)) + p("Daarna volgde de lunch."),
        [
            "Het traject liep in Utrecht.",
            "Zie het verslag op vng.nl; contact: joris.verhoef@vng.nl.",
            "Daarna volgde de lunch.",
        ],
        id="footnote-after-its-paragraph",
    ),
    pytest.param(
        p("Opkomst", note("footnote", 2), " en onderwerpen", note("endnote", 1), ".") + p("Slot."),
        ["Opkomst en onderwerpen.", "Cijfers van het CBS, 2023.", "Met dank aan ProDemos.", "Slot."],
        id="footnote-and-endnote-in-one-paragraph",
    ),
    pytest.param(
        TABLE.replace("Sanne Bos", f"Sanne Bos</w:t></w:r>{note('footnote', 1)}<w:r><w:t>") + p("Slot."),
        [
            "Sessie",
            "Gespreksleider",
            "Jongeren",
            "Sanne Bos",
            "Zie het verslag op vng.nl; contact: joris.verhoef@vng.nl.",
            "Slot.",
        ],
        id="footnote-in-a-table-after-the-table",
    ),
    pytest.param(
        p(
            '<w:commentRangeStart w:id="3"/>',
            "Op 12 maart",
            '<w:commentRangeEnd w:id="3"/>',
            '<w:r><w:commentReference w:id="3"/></w:r>',
            " kwamen zij bijeen.",
        ),
        ["Op 12 maart kwamen zij bijeen."],
        id="comments-skipped",
    ),
    pytest.param(
        p("Geen verwijzing.") + p("Ook niet."),
        ["Geen verwijzing.", "Ook niet."],
        id="notes-never-referenced-are-not-read",
    ),
]


@pytest.mark.parametrize(("body", "expected"), NOTES)
def test_footnotes_endnotes_and_comments(body: str, expected: list[str]) -> None:
    assert texts(read(body, parts=NOTE_PARTS)) == expected


def test_headers_and_footers_are_not_read() -> None:
    document = docx.Document()
    document.add_paragraph("Verslag leerkring raadsakkoorden")
    section = document.sections[0]
    section.header.paragraphs[0].text = "VNG | Democratie in Actie"
    section.different_first_page_header_footer = True
    section.first_page_footer.paragraphs[0].text = "Vertrouwelijk"
    section.footer.paragraphs[0].text = "Pagina 1"
    buffer = io.BytesIO()
    document.save(buffer)
    assert texts(read_docx(buffer.getvalue())) == ["Verslag leerkring raadsakkoorden"]


# ----------------------------------------------------------------------------- alternate content


def alternate(choice: str, fallback: str) -> str:
    return (
        f'<mc:AlternateContent xmlns:mc="{MC_NS}" xmlns:wps="{WPS_NS}"><mc:Choice Requires="wps">{choice}'
        f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )


ALTERNATE = [
    pytest.param(
        p("Aanwezig: ", f"<w:r>{alternate('<w:t>Tiel</w:t>', '<w:t>Tiel</w:t>')}</w:r>", " en Buren."),
        ["Aanwezig: Tiel en Buren."],
        id="run-content-once",
    ),
    pytest.param(
        alternate(p("Gekozen versie"), p("Terugvalversie")) + p("Verder."),
        ["Gekozen versie", "Verder."],
        id="block-level-choice",
    ),
    pytest.param(
        p(
            "Alleen ",
            f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Fallback><w:t>terugval</w:t>'
            "</mc:Fallback></mc:AlternateContent></w:r>",
        ),
        ["Alleen terugval"],
        id="fallback-without-choice",
    ),
    pytest.param(
        p(
            "Vooraf.",
            "<w:r>"
            + alternate(
                "<w:drawing><wps:wsp><wps:txbx><w:txbxContent>"
                + p("Citaat in een vorm")
                + "</w:txbxContent></wps:txbx>"
                "</wps:wsp></w:drawing>",
                "<w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><v:textbox><w:txbxContent>"
                + p("Citaat in een vorm")
                + "</w:txbxContent></v:textbox></v:shape></w:pict>",
            )
            + "</w:r>",
        ),
        ["Vooraf.", "Citaat in een vorm"],
        id="text-box-once",
    ),
]


@pytest.mark.parametrize(("body", "expected"), ALTERNATE)
def test_alternate_content_read_once(body: str, expected: list[str]) -> None:
    assert texts(read(body)) == expected


# ----------------------------------------------------------------------------- tables


def tc(text: str, props: str = "") -> str:
    content = text if text.startswith("<") else p(text)
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content}</w:tc>"


def tbl(*rows: str) -> str:
    return (
        f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


TABLES = [
    pytest.param(
        tbl(
            tr(tc("Programma 14 mei", '<w:gridSpan w:val="3"/>')), tr(tc("Tijd"), tc("Onderdeel"), tc("Zaal"))
        ),
        [((0, 0, 0), "Programma 14 mei"), ((0, 1, 0), "Tijd"), ((0, 1, 1), "Onderdeel"), ((0, 1, 2), "Zaal")],
        id="gridSpan-once",
    ),
    pytest.param(
        tbl(
            tr(tc("Ochtend", '<w:vMerge w:val="restart"/>'), tc("Opening"), tc("Zaal 1")),
            tr(tc("", "<w:vMerge/>"), tc("Workshops"), tc("Zaal 2")),
            tr(tc("", '<w:vMerge w:val="continue"/>'), tc("Lunch"), tc("Foyer")),
        ),
        [
            ((0, 0, 0), "Ochtend"),
            ((0, 0, 1), "Opening"),
            ((0, 0, 2), "Zaal 1"),
            ((0, 1, 1), "Workshops"),
            ((0, 1, 2), "Zaal 2"),
            ((0, 2, 1), "Lunch"),
            ((0, 2, 2), "Foyer"),
        ],
        id="vMerge-once",
    ),
    pytest.param(
        tbl(
            tr(tc("Sessie"), tc("Gemeenten"), props="<w:tblHeader/>"),
            tr(
                tc("1"),
                tc(
                    p("Tiel")
                    + tbl(tr(tc("Buren"), tc("Culemborg")), tr(tc("West Betuwe"), tc("Zaltbommel")))
                    + "<w:p/>"  # Word ends a cell with a paragraph, also after a nested table
                ),
            ),
        ),
        [
            ((0, 0, 0), "Sessie"),
            ((0, 0, 1), "Gemeenten"),
            ((0, 1, 0), "1"),
            ((0, 1, 1), "Tiel Buren Culemborg West Betuwe Zaltbommel"),
        ],
        id="header-row-once-and-nested-table-in-its-cell",
    ),
    pytest.param(
        tbl(
            tr(tc("Sessie"), tc("Leider"), tc("Organisatie")),
            tr(tc("Sanne Bos"), tc("ProDemos"), props='<w:gridBefore w:val="1"/>'),
        ),
        [
            ((0, 0, 0), "Sessie"),
            ((0, 0, 1), "Leider"),
            ((0, 0, 2), "Organisatie"),
            ((0, 1, 1), "Sanne Bos"),
            ((0, 1, 2), "ProDemos"),
        ],
        id="gridBefore-shifts-columns",
    ),
    pytest.param(
        tbl(
            tr(
                tc("Citaat"),
                tc(
                    p(
                        "Zij zei:",
                        "<w:r>"
                        + alternate(
                            "<w:drawing><w:txbxContent>" + p("Samen verder") + "</w:txbxContent></w:drawing>",
                            "<w:pict><w:txbxContent>" + p("Samen verder") + "</w:txbxContent></w:pict>",
                        )
                        + "</w:r>",
                    )
                ),
            )
        ),
        [((0, 0, 0), "Citaat"), ((0, 0, 1), "Zij zei: Samen verder")],
        id="text-box-in-a-cell-once",
    ),
    pytest.param(
        tbl(tr(tc("Naam"), tc("Rol", '<w:hMerge w:val="restart"/>'), tc("", '<w:hMerge w:val="continue"/>'))),
        [((0, 0, 0), "Naam"), ((0, 0, 1), "Rol")],
        id="legacy-hMerge-once",
    ),
]


@pytest.mark.parametrize(("body", "expected"), TABLES)
def test_tables(body: str, expected: list[tuple[tuple[int, int, int], str]]) -> None:
    document = read(body)
    assert [(b.table, b.text) for b in document.blocks] == expected
    assert all(b.kind == "table_cell" for b in document.blocks)


def test_text_after_a_nested_table_continues_with_the_next_table_index() -> None:
    body = TABLES[2].values[0] + tbl(tr(tc("Tweede tabel")))
    assert read(body).blocks[-1].table == (1, 0, 0)


def bold(text: str) -> str:
    return p(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>')


BULLET_STYLE = '<w:pStyle w:val="ListBullet"/>'
LABEL_CELL = bold("Begeleiding") + p("Jan Smit (VNG)") + bold("Contact") + p("j.smit@vng.nl")
STORY_CELL = p("We spraken over loting.") + p("De VNG biedt:") + p("een training", ppr=BULLET_STYLE)

# A table of one row whose cells hold paragraphs of their own is a layout: a label column beside
# the narrative. It is read cell by cell as body text, each paragraph and list item a block.
LAYOUT_TABLES = [
    pytest.param(
        tbl(tr(tc(LABEL_CELL), tc(STORY_CELL))),
        [
            ("paragraph", "Begeleiding"),
            ("paragraph", "Jan Smit (VNG)"),
            ("paragraph", "Contact"),
            ("paragraph", "j.smit@vng.nl"),
            ("paragraph", "We spraken over loting."),
            ("paragraph", "De VNG biedt:"),
            ("list_item", "een training"),
        ],
        id="label-cell-beside-story-cell",
    ),
    pytest.param(
        tbl(tr(tc("Foto"), tc(p("Eerste alinea.") + p("Tweede alinea.")))),
        [("paragraph", "Foto"), ("paragraph", "Eerste alinea."), ("paragraph", "Tweede alinea.")],
        id="one-cell-with-paragraphs-is-enough",
    ),
    pytest.param(
        tbl(tr(tc(p("Kop") + tbl(tr(tc("a"), tc("b")), tr(tc("c"), tc("d")))), tc(p("Een.") + p("Twee.")))),
        [
            ("paragraph", "Kop"),
            ("table_cell", "a"),
            ("table_cell", "b"),
            ("table_cell", "c"),
            ("table_cell", "d"),
            ("paragraph", "Een."),
            ("paragraph", "Twee."),
        ],
        id="a-grid-inside-a-layout-cell-stays-a-grid",
    ),
    # Not layouts: a grid of values has a header row over its data, or one value per cell.
    pytest.param(
        tbl(tr(tc("Gemeente"), tc("Leider")), tr(tc(p("Ede") + p("Epe")), tc("Jan Smit"))),
        [
            ("table_cell", "Gemeente"),
            ("table_cell", "Leider"),
            ("table_cell", "Ede Epe"),
            ("table_cell", "Jan Smit"),
        ],
        id="two-rows-stay-a-grid",
    ),
    pytest.param(
        tbl(tr(tc("Datum"), tc("5 maart 2024"))),
        [("table_cell", "Datum"), ("table_cell", "5 maart 2024")],
        id="one-row-of-single-values-stays-a-grid",
    ),
]


@pytest.mark.parametrize(("body", "expected"), LAYOUT_TABLES)
def test_a_layout_table_is_read_cell_by_cell_as_body_text(body: str, expected: list[tuple[str, str]]) -> None:
    assert [(b.kind, b.text) for b in read(body).blocks] == expected


def test_a_grid_after_a_layout_table_is_the_first_table() -> None:
    body = tbl(tr(tc(LABEL_CELL), tc(STORY_CELL))) + tbl(
        tr(tc("Sessie"), tc("Gemeenten")), tr(tc("1"), tc("Ede"))
    )
    assert next(b.table for b in read(body).blocks if b.kind == "table_cell") == (0, 0, 0)


# ----------------------------------------------------------------------------- the package

STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/"


def strict(data: bytes) -> bytes:
    """The package as Word's "Strict Open XML Document" writes it: other namespaces, same names."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            xml = src.read(name)
            xml = xml.replace(W_NS.encode(), STRICT_W.encode()).replace(
                R_NS.encode() + b'"', STRICT_R.encode() + b'"'
            )
            xml = xml.replace(REL_TYPE.encode(), STRICT_REL.encode())
            dst.writestr(name, xml)
    return out.getvalue()


def renamed(data: bytes, main: str, *, keep_rels: bool = True) -> bytes:
    """The package with its main part under another name (``_rels/.rels`` dropped if not kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name == "_rels/.rels" and not keep_rels:
                continue
            xml = src.read(name).replace(b"word/document.xml", main.encode())
            stem = main.rpartition("/")[2]
            dst.writestr(name.replace("document.xml", stem), xml)
    return out.getvalue()


BODY = (
    styled("Verslag leerdag participatie", "Title")
    + p(
        "Mail ",
        '<w:hyperlink r:id="rId90">' + r("Joris Verhoef") + "</w:hyperlink>",
        ".",
        note("footnote", 2),
    )
    + num("Raadsleden", 1)
)
BODY_BLOCKS = [
    ("heading", None, "Verslag leerdag participatie"),
    ("paragraph", None, "Mail Joris Verhoef."),
    ("paragraph", None, "Cijfers van het CBS, 2023."),
    ("list_item", "•", "Raadsleden"),
]


def full(**kwargs: object) -> bytes:
    return word(
        BODY, parts=NOTE_PARTS, links={"rId90": "mailto:joris.verhoef@vng.nl"}, numbering=NUMBERING, **kwargs
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: full(), id="word-document-xml"),
        pytest.param(lambda: full(main="word/document2.xml"), id="main-part-document2-via-rels"),
        pytest.param(lambda: renamed(full(), "word/document2.xml", keep_rels=False), id="via-content-types"),
        pytest.param(lambda: strict(full()), id="strict-ooxml"),
        pytest.param(lambda: strict(full(main="word/document2.xml")), id="strict-and-document2"),
    ],
)
def test_the_main_part_and_its_parts_are_found_through_the_package(data: object) -> None:
    document = read_docx(data())  # type: ignore[operator]
    assert [(b.kind, b.marker, b.text) for b in document.blocks] == BODY_BLOCKS
    assert [(link.text, link.target) for link in document.links] == [
        ("Joris Verhoef", "mailto:joris.verhoef@vng.nl")
    ]


def test_a_main_part_in_an_unknown_namespace_fails_with_a_reason() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(full())) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name).replace(W_NS.encode(), b"http://example.org/wordml"))
    with pytest.raises(
        IngestError, match=r"^not a Word document: word/document.xml is in an unknown namespace"
    ):
        read_docx(out.getvalue())


def test_a_spreadsheet_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="x"><Relationship Id="rId1" Type="{REL_TYPE}officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(
        IngestError, match=r"^not a Word document: the zip has no word/document.xml \(a spreadsheet\)"
    ):
        read_docx(out.getvalue())


# ----------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_corpus_reports_saved_again_by_libreoffice_extract_the_same(tmp_path: Path) -> None:
    """LibreOffice rewrites every part its own way (its styles, numbering, rsids, bookmarks,
    settings); the report must read to the same blocks and extract to the same data."""
    from render import render

    entries = [
        e for e in yaml.safe_load((CORPUS / "corpus.yml").read_text())["documents"] if e["format"] == "docx"
    ]
    (tmp_path / "word").mkdir()
    for entry in entries:
        markup = (CORPUS / entry["source"]).read_text(encoding="utf-8")
        render(markup, "docx", tmp_path / "word" / f"{entry['stem']}.docx", **entry.get("options", {}))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path / "libreoffice"),
            *sorted((tmp_path / "word").iterdir()),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for entry in entries:
        word_bytes = (tmp_path / "word" / f"{entry['stem']}.docx").read_bytes()
        office_bytes = (tmp_path / "libreoffice" / f"{entry['stem']}.docx").read_bytes()
        assert office_bytes != word_bytes
        blocks = [
            [(b.kind, b.level, b.marker, b.text, b.table, b.page) for b in read_docx(data).blocks]
            for data in (word_bytes, office_bytes)
        ]
        assert blocks[0] == blocks[1], entry["stem"]
        extracted = [
            _data(process_bytes(data, f"{entry['stem']}.docx")) for data in (word_bytes, office_bytes)
        ]
        assert extracted[0] == extracted[1], entry["stem"]


def _data(document: dict) -> dict:
    """A document's output without what names the file's bytes."""
    return {key: value for key, value in document.items() if key not in ("doc_id", "source")}


BR = "<w:r><w:br/></w:r>"
LINE_BREAKS = [
    pytest.param(
        p(
            "Datum: 12 maart 2023",
            BR,
            "Locatie: Stadhuis Maastricht",
            BR,
            "Gespreksleider: Sanne Bos (ProDemos)",
        ),
        [
            ("paragraph", None, "Datum: 12 maart 2023"),
            ("paragraph", None, "Locatie: Stadhuis Maastricht"),
            ("paragraph", None, "Gespreksleider: Sanne Bos (ProDemos)"),
        ],
        id="labelled-lines-typed-with-shift-enter",
    ),
    pytest.param(
        p("Aanwezig waren:", BR, "- Tiel", BR, "- Buren", "<w:r><w:br/><w:br/></w:r>", "Daarna de lunch."),
        [
            ("paragraph", None, "Aanwezig waren:"),
            ("list_item", "-", "Tiel"),
            ("list_item", "-", "Buren"),
            ("paragraph", None, "Daarna de lunch."),
        ],
        id="typed-list-after-line-breaks",
    ),
    pytest.param(
        styled("Sessie 1", "Heading1").replace("</w:p>", f"{BR}{r('Jongeren en de raad')}</w:p>"),
        [("heading", None, "Sessie 1 Jongeren en de raad")],
        id="heading-stays-one-block",
    ),
    pytest.param(
        num("Sanne Bos", 3).replace("</w:p>", f"{BR}{r('ProDemos')}</w:p>"),
        [("list_item", "1.", "Sanne Bos ProDemos")],
        id="word-list-item-stays-one-block",
    ),
    pytest.param(
        tbl(tr(tc(p("Markt 1", BR, "Tiel")))),
        [("table_cell", None, "Markt 1 Tiel")],
        id="table-cell-stays-one-block",
    ),
    pytest.param(
        p("Kolom een", '<w:r><w:br w:type="textWrapping" w:clear="all"/></w:r>', "kolom twee"),
        [("paragraph", None, "Kolom een"), ("paragraph", None, "kolom twee")],
        id="text-wrapping-break",
    ),
]


@pytest.mark.parametrize(("body", "expected"), LINE_BREAKS)
def test_line_breaks(body: str, expected: list[tuple[str, str | None, str]]) -> None:
    document = read(body, numbering=NUMBERING)
    assert [(b.kind, b.marker, b.text) for b in document.blocks] == expected


def test_a_link_after_a_line_break_points_into_its_line() -> None:
    body = p("Contact:", BR, '<w:hyperlink r:id="rId90">' + r("Sanne Bos") + "</w:hyperlink>")
    document = read(body, links={"rId90": "mailto:sanne.bos@prodemos.nl"})
    assert texts(document) == ["Contact:", "Sanne Bos"]
    (link,) = document.links
    assert document.text[link.start : link.end] == "Sanne Bos" and link.start == document.blocks[1].start


# ----------------------------------------------------------------------------- what Word does not show

TOC_STYLES = """
<w:style w:type="paragraph" w:styleId="Inhopg1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kopvaninhoudsopgave"><w:name w:val="TOC Heading"/>
  <w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
"""


def toc_entry(text: str, page: str) -> str:
    return p(
        '<w:hyperlink w:anchor="_Toc1" w:history="1">' + r(text) + "<w:r><w:tab/></w:r>"
        + field("PAGEREF _Toc1 \\h", page) + "</w:hyperlink>",
        ppr='<w:pStyle w:val="Inhopg1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs>',
    )  # fmt: skip


TOC = p(
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
) + toc_entry("Sessie 1: Jongeren en de raad", "2") + toc_entry("Sessie 2: Ondermijning", "3") + p(
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)  # fmt: skip

UNSHOWN = [
    pytest.param(
        sdt(styled("Inhoud", "Kopvaninhoudsopgave") + TOC,
            '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>')
        + styled("Sessie 1: Jongeren en de raad", "Heading1"),
        ["Sessie 1: Jongeren en de raad"],
        id="table-of-contents-in-its-content-control",
    ),
    pytest.param(
        TOC + styled("Sessie 1: Jongeren en de raad", "Heading1"),
        ["Sessie 1: Jongeren en de raad"],
        id="table-of-contents-entries-by-style",
    ),
    pytest.param(
        p("Aanwezig: Tiel",
          '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (nog bevestigen)</w:t></w:r>',
          '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> en Buren</w:t></w:r>', ".",
          ppr="<w:rPr><w:vanish/></w:rPr>"),
        ["Aanwezig: Tiel en Buren."],
        id="hidden-text",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), UNSHOWN)
def test_what_word_does_not_show_is_not_read(body: str, expected: list[str]) -> None:
    assert texts(read(body, styles=TOC_STYLES)) == expected


def test_pages_of_a_table_of_contents_still_count() -> None:
    body = (
        UNSHOWN[0]
        .values[0]
        .replace('<w:t xml:space="preserve">Sessie 2', "<w:lastRenderedPageBreak/><w:t>Sessie 2")
    )
    body = p("Voorblad") + body.replace(
        '<w:r><w:t xml:space="preserve">Sessie 1: Jongeren en de raad</w:t></w:r></w:p>',
        "<w:r><w:lastRenderedPageBreak/><w:t>Sessie 1: Jongeren en de raad</w:t></w:r></w:p>",
    )
    document = read(body, styles=TOC_STYLES)
    assert [(b.text, b.page) for b in document.blocks] == [
        ("Voorblad", 1),
        ("Sessie 1: Jongeren en de raad", 3),
    ]
