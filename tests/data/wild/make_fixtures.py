# ruff: noqa: E501
"""Make the held-out "wild" fixtures in this folder: reports whose layout and producer are new.

The corpus's PDFs are drawn by fpdf2 (``tests/render.py``) and its Word files by python-docx from
one markup; ``tests/data/libreoffice/`` exports those same Word files with LibreOffice. The six
reports here were written for this folder, each in a layout the corpus does not have, and made
by real office software:

* ``nieuwsbrief-raadsledennetwerk-twente-2023``: a newsletter built with python-docx below, a
  masthead over a two-column section (``w:cols w:num="2"``), a floating text box (DrawingML
  ``wps:txbx``) and shaded paragraphs as a sidebar; the .docx as written, the .pdf exported by
  LibreOffice.
* ``webbericht-raadsledenavond-midden-holland-2024``: a web news item (``.html`` here, with a
  breadcrumb, ``<table>``, ``<h2>``, ``<ul>``, ``<blockquote>``, an ``<aside>`` and a site
  footer) opened by LibreOffice Writer/Web and saved as .pdf and as .docx.
* ``programmaboekje-raadsledendag-zeeland-2022``: a programme booklet written as an OpenDocument
  flat file (``.fodt`` here): landscape pages, a programme table with merged cells (across
  columns and across rows), footnotes, a header and a "pagina N van M" footer; exported by
  LibreOffice to .docx and .pdf.
* ``evaluatie-werkplaatsen-ondermijning-haaglanden-2021``: an evaluation report built with
  python-docx below, with Word features: headings numbered by a multilevel list linked to the
  heading styles (the numbers are not in the text), a table-of-contents field with its cached
  entries, floating text boxes, each session in a borderless two-cell layout table and a page
  number field in the footer; the .docx as written, the .pdf exported by LibreOffice.
* ``verslag-raadsledenavond-oost-groningen-2020``: minutes with a cover page (title and date
  only, no header or footer) and the report after it, written as a ``.fodt`` and exported by
  LibreOffice to .pdf.
* ``concept-verslag-raadsledenavond-west-friesland-2025``: a draft with tracked changes
  (insertions and deletions, one a whole list item) and reviewer comments, built with python-docx
  below and then opened and saved as .docx by LibreOffice (so LibreOffice wrote the file). Its
  gold is the text with the changes accepted; comments are not part of the report.

Run on purpose only, on a machine with LibreOffice (the versions of
``tests/data/libreoffice/make_fixtures.py``: LibreOffice 7.4 with Carlito and Caladea)::

    python tests/data/wild/make_fixtures.py

Neither the tests nor CI need LibreOffice: they read the committed .docx and .pdf files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


# --- python-docx helpers -----------------------------------------------------------------------


def add_paragraph(container, text: str = "", style: str | None = None):
    """A paragraph; ``**Label:** rest`` makes the label bold."""
    paragraph = container.add_paragraph(style=style)
    if text.startswith("**") and "**" in text[2:]:
        label, rest = text[2:].split("**", 1)
        paragraph.add_run(label).bold = True
        paragraph.add_run(rest)
    elif text:
        paragraph.add_run(text)
    return paragraph


def shade(paragraph, fill: str) -> None:
    """A shaded paragraph with a thin border: how users draw a sidebar or a quote box."""
    from docx.oxml import parse_xml

    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:pBdr xmlns:w="{W}">'
            + "".join(
                f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="7F7F7F"/>'
                for side in ("top", "left", "bottom", "right")
            )
            + "</w:pBdr>"
        )
    )
    p_pr.append(parse_xml(f'<w:shd xmlns:w="{W}" w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def text_box(
    paragraph, lines: list[tuple[str, str]], *, width_cm: float, height_cm: float, box_id: int
) -> None:
    """Anchor a floating text box (DrawingML, as Word 2010+ writes it) in ``paragraph``.

    ``lines`` are (style id, text) pairs, the paragraphs inside the box."""
    from docx.oxml import parse_xml

    cx, cy = int(width_cm * 360000), int(height_cm * 360000)
    content = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for style, text in lines
    )
    run = parse_xml(
        f"<w:r {NAMESPACES}><w:drawing>"
        f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="{251659264 + box_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapTopAndBottom/>"
        f'<wp:docPr id="{100 + box_id}" name="Tekstvak {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="EAF1DD"/></a:solidFill>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    paragraph._p.append(run)


def set_columns(section, number: int) -> None:
    from docx.oxml.ns import qn

    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        from docx.oxml import OxmlElement

        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(number))
    cols.set(qn("w:space"), "567")


def a4(section) -> None:
    from docx.shared import Cm

    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)


def field_run(paragraph, instruction: str, cached: str) -> None:
    """A complex field (PAGE, TOC ...) with its cached result, as Word stores it."""
    from docx.oxml import parse_xml

    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{cached}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W}">', 1)))


# --- 1. the two-column newsletter ---------------------------------------------------------------

TWENTE_TAFELS = [
    (
        "Tafel 1 – Warmtenetten in de wijk",
        [
            "**Aan tafel:** raadsleden uit Enschede, Hengelo en Almelo.",
            "**Gespreksleider:** Ruud Nijhuis (Regio Twente)",
            "In Hengelo ligt al sinds de jaren zeventig een warmtenet; Enschede breidt het zijne uit naar de wijken Roombeek en Twekkelerveld. Almelo staat nog aan het begin. De raadsleden vroegen zich af hoe de raad grip houdt op een warmtebedrijf dat voor een deel van de gemeente is. „Wij zijn aandeelhouder, maar we weten niet wat we moeten vragen”, zei raadslid Femke ter Haar uit Hengelo. Nijhuis wees op de aandeelhoudersbrief die de gemeenten elk voorjaar krijgen.",
            "Vragen over deze tafel: Ruud Nijhuis, r.nijhuis@regiotwente.nl",
        ],
    ),
    (
        "Tafel 2 – Zon op dak en in het veld",
        [
            "**Aan tafel:** Dinkelland, Tubbergen, Losser en Oldenzaal",
            "**Gespreksleider:** Marloes Oude Wesselink, adviseur bij Energiefonds Overijssel",
            "De gemeenten in het noordoosten hebben veel ruimte, maar ook veel weerstand tegen zonneweides. In Weerselo en Denekamp kwamen bewoners in verzet tegen plannen op landbouwgrond. Tubbergen kiest daarom eerst voor zon op de daken van schuren; Losser wil dat minstens de helft van elk nieuw zonnepark in lokale handen is.",
            "Het Energiefonds biedt de raden:",
            "- een rekenmodel voor de opbrengst van zonneweides per gemeente",
            "- een excursie naar de coöperatieve zonneweide in Saasveld",
            "- twee gratis adviesuren voor lokale energiecoöperaties",
            "Contact: Marloes Oude Wesselink, m.oudewesselink@energiefondsoverijssel.nl, 06 - 2744 1893",
        ],
    ),
    (
        "Tafel 3 – Meedoen en meedelen bij windparken",
        [
            "Aan de derde tafel zaten raadsleden uit Hof van Twente, Haaksbergen en Rijssen-Holten; halverwege schoof een raadslid uit Wierden aan. Het gesprek werd geleid door Jeroen Brinkhuis en Aylin Demir (beiden Natuur en Milieu Overijssel).",
            "Haaksbergen heeft ervaring met een windpark waarvan omwonenden mede-eigenaar zijn. Hof van Twente zoekt nog naar een vorm waarin de opbrengst bij de kernen terechtkomt, bijvoorbeeld in Markelo en Goor.",
            "> “Als de molen in je achtertuin staat, moet de opbrengst ook in je dorp blijven. Anders krijg je het draagvlak nooit terug.”",
            "> – Hennie Lubbers, wethouder Haaksbergen",
            "**Aanbod:** een handreiking lokaal eigendom en een spreker voor een informatieavond in de raad",
            "Meer weten? Mail Aylin Demir: a.demir@natuurenmilieuoverijssel.nl",
        ],
    ),
]


def newsletter(path: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    a4(document.sections[0])
    masthead = add_paragraph(document, "RAADSLEDENNETWERK TWENTE")
    masthead.runs[0].font.size = Pt(9)
    masthead.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    document.add_paragraph("Nieuwsbrief Raadsledennetwerk Twente – najaar 2023", style="Title")
    add_paragraph(
        document, "Nummer 3 | verschenen op 12 oktober 2023 | Regio Twente, team Bestuur en Samenwerking"
    )
    body = document.add_section(WD_SECTION.CONTINUOUS)
    set_columns(body, 2)
    document.add_paragraph(
        "Raadsledenavond over de energietransitie: drie tafels, één opgave", style="Heading 1"
    )
    lead = add_paragraph(
        document,
        "Op woensdag 4 oktober kwamen ruim zestig raadsleden bijeen in het Kulturhus in Borne. Gastheer was burgemeester Gerrit-Jan Veldkamp van Borne. Na een korte inleiding door programmamanager Tessa Olde Bolhaar van Regio Twente over de Regionale Energiestrategie gingen de raadsleden aan drie tafels uiteen.",
    )
    text_box(
        lead,
        [
            ("Heading3", "In voorbereiding"),
            ("Normal", "Het netwerk werkt aan:"),
            ("ListBullet", "een leergang ‘Grip op verbonden partijen’ voor raadsleden"),
            ("ListBullet", "een regionale raadsinformatieavond over netcongestie"),
            ("Normal", "Redactie: Sanne Kamphuis, nieuwsbrief@regiotwente.nl, 053 - 487 65 43"),
        ],
        width_cm=7.5,
        height_cm=6,
        box_id=1,
    )
    for heading, paragraphs in TWENTE_TAFELS:
        document.add_paragraph(heading, style="Heading 2")
        for text in paragraphs:
            if text.startswith("- "):
                add_paragraph(document, text[2:], style="List Bullet")
            elif text.startswith("> "):
                shade(add_paragraph(document, text[2:]), "DEEAF6")
            else:
                add_paragraph(document, text)
    document.add_paragraph("Kort nieuws", style="Heading 2")
    for text in (
        "De gemeente Twenterand heeft per 1 november een nieuwe griffier: Ilse Kuipers, nu nog griffier in Hellendoorn.",
        "De volgende raadsledenavond is op woensdag 7 februari 2024 in Oldenzaal.",
        "Het Raadsledennetwerk Twente is een samenwerking van de Twentse griffies met Regio Twente en de Universiteit Twente.",
    ):
        shade(add_paragraph(document, text), "F2F2F2")
    document.save(str(path))


# --- 4. the evaluation report with Word features ------------------------------------------------

HAAGLANDEN_TOC = [
    ("TOC1", "1\tInleiding\t2"),
    ("TOC1", "2\tOpzet van de werkplaatsen\t2"),
    ("TOC1", "3\tDe werkplaatsen\t3"),
    ("TOC2", "3.1\tWerkplaats A: Vastgoed en witwassen\t3"),
    ("TOC2", "3.2\tWerkplaats B: Zorgfraude\t3"),
    ("TOC2", "3.3\tWerkplaats C: Weerbare raadsleden\t4"),
    ("TOC1", "4\tConclusies\t4"),
    ("TOC1", "5\tVervolg\t5"),
]

HAAGLANDEN_WERKPLAATSEN = [
    (
        "Werkplaats A: Vastgoed en witwassen",
        [
            "**Gemeenten**",
            "Westland, Midden-Delfland, Pijnacker-Nootdorp",
            "**Begeleiding**",
            "Jurgen Hofstede (RIEC Haaglanden)",
            "**Contact**",
            "Jurgen Hofstede, j.hofstede@riec-haaglanden.nl, 070 - 345 12 89",
        ],
        [
            "In het Westland speelt ondermijning vooral in de glastuinbouw: kassen die leeg staan, worden verhuurd aan huurders die niemand kent. In Naaldwijk en Monster zagen raadsleden de afgelopen jaren panden van eigenaar wisselen tegen prijzen ver boven de marktwaarde. Pijnacker-Nootdorp herkende dat beeld bij bedrijfsverzamelgebouwen.",
            "„Wij keuren als raad een bestemmingsplan goed en weten niet wie er straks in de kas zit. Dat moet anders”, zei wethouder Dirk Stolk van Midden-Delfland.",
            "De deelnemers wilden vooral weten welke informatie de raad mag krijgen zonder lopende onderzoeken te schaden.",
        ],
    ),
    (
        "Werkplaats B: Zorgfraude",
        [
            "**Gemeenten**",
            "Den Haag, Rijswijk, Leidschendam-Voorburg en Wassenaar",
            "**Begeleiding**",
            "mr. Sophie Dekkers, adviseur bij het Centrum voor Criminaliteitspreventie en Veiligheid (CCV)",
            "**Contact**",
            "via het secretariaat: werkplaatsen@riec-haaglanden.nl",
        ],
        [
            "Zorgfraude raakt de gemeenten via de Wmo en de jeugdzorg. Den Haag heeft een eigen toezichtteam, de kleinere gemeenten leunen op de regio. Raadsleden uit Wassenaar en Leidschendam-Voorburg gaven aan dat zij pas van fraude horen als die in de krant staat.",
            "Het CCV biedt de gemeenten:",
            "- een e-learning zorgfraude voor raadsleden",
            "- een spiegelbijeenkomst met de eigen zorgaanbieders",
        ],
    ),
    (
        "Werkplaats C: Weerbare raadsleden",
        [
            "**Gemeenten**",
            "Zoetermeer, Lansingerland, Delft",
            "**Begeleiding**",
            "Wendy Korpershoek en Rachid Amrani (beiden Stichting Veilig Raadswerk)",
            "**Contact**",
            "Wendy Korpershoek, 06 - 1834 5590",
        ],
        [
            "De derde werkplaats ging over de raadsleden zelf. Een op de vijf deelnemers was het afgelopen jaar benaderd op een manier die hij of zij als intimiderend ervoer, via sociale media of aan de deur. De begeleiders oefenden met de deelnemers hoe je zo’n gesprek afkapt en waar je melding maakt.",
            "De raadsleden uit Delft en Zoetermeer vroegen om één meldpunt voor de hele regio.",
        ],
    ),
]


def numbered_headings(document) -> None:
    """Number Heading 1 and Heading 2 with one multilevel list (1, 1.1), as Word's
    "Multilevel List > 1 Heading 1" does: the numbers are in numbering.xml, not in the text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>'
        '<w:lvlText w:val="%1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="432" w:hanging="432"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/>'
        '<w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="576" w:hanging="576"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for name, level in (("Heading 1", 0), ("Heading 2", 1)):
        p_pr = document.styles[name].element.get_or_add_pPr()
        p_pr.insert(
            0,
            parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'),
        )


def table_of_contents(document) -> None:
    """A TOC field with the entries Word cached when it was last updated."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import parse_xml
    from docx.shared import Cm

    for name, indent in (("TOC 1", 0), ("TOC 2", 0.5)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(indent + 1))
        style.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    heading = add_paragraph(document, "Inhoud")
    heading.runs[0].bold = True
    for index, (style_id, text) in enumerate(HAAGLANDEN_TOC):
        paragraph = document.add_paragraph(style="TOC 1" if style_id == "TOC1" else "TOC 2")
        runs = []
        if index == 0:
            runs += [
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            ]
        parts = text.split("\t")
        runs.append(f'<w:r><w:t xml:space="preserve">{escape(parts[0])}</w:t></w:r>')
        for part in parts[1:]:
            runs.append(f'<w:r><w:tab/><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
        if index == len(HAAGLANDEN_TOC) - 1:
            runs.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        for xml in runs:
            paragraph._p.append(parse_xml(xml.replace("<w:r>", f'<w:r xmlns:w="{W}">', 1)))


def evaluation(path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Cm

    document = docx.Document()
    a4(document.sections[0])
    numbered_headings(document)
    document.add_paragraph("Evaluatie werkplaatsen ondermijning Haaglanden", style="Title")
    add_paragraph(document, "Eindrapport · versie 1.0 · 14 december 2021", style="Subtitle")
    add_paragraph(
        document,
        "In opdracht van het Regionaal Informatie- en Expertisecentrum Haaglanden (RIEC Haaglanden). Opgesteld door Bureau Veldwerk: drs. Hanna Lindeman en Mehmet Yilmaz.",
    )
    table_of_contents(document)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Evaluatie werkplaatsen ondermijning Haaglanden · pagina ")
    field_run(footer, "PAGE", "1")

    document.add_paragraph("Inleiding", style="Heading 1")
    add_paragraph(
        document,
        "Ondermijning houdt niet op bij de gemeentegrens. Daarom organiseerde het RIEC Haaglanden in het najaar van 2021 drie werkplaatsen voor raadsleden uit de regio. Dit rapport beschrijft wat er in de werkplaatsen is besproken, hoe de deelnemers ze hebben gewaardeerd en wat wij aanbevelen voor een vervolg.",
    )
    document.add_paragraph("Opzet van de werkplaatsen", style="Heading 1")
    opzet = add_paragraph(
        document,
        "De werkplaatsen vonden plaats op donderdag 4 november 2021 in het Stadskantoor van Delft. Elke werkplaats duurde twee uur en werd geleid door een of twee begeleiders met ervaring in het thema. In totaal namen 46 raadsleden deel. Na afloop vulden 31 deelnemers een vragenlijst in; daarnaast spraken wij met zes griffiers.",
    )
    text_box(
        opzet,
        [
            ("Heading3", "Kerncijfers"),
            ("Normal", "46 deelnemers uit tien gemeenten"),
            ("Normal", "31 ingevulde vragenlijsten"),
            ("Normal", "Gemiddeld rapportcijfer: 7,6"),
        ],
        width_cm=6,
        height_cm=3.2,
        box_id=1,
    )
    document.add_paragraph("De werkplaatsen", style="Heading 1")
    add_paragraph(
        document, "Per werkplaats staan links de deelnemende gemeenten, de begeleiding en het contact."
    )
    for heading, facts, narrative in HAAGLANDEN_WERKPLAATSEN:
        document.add_paragraph(heading, style="Heading 2")
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        left, right = table.rows[0].cells
        left.width, right.width = Cm(5), Cm(12)
        left._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd xmlns:w="{W}" w:val="clear" w:color="auto" w:fill="F2F2F2"/>')
        )
        left.paragraphs[0].text = ""
        for index, text in enumerate(facts):
            paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
            if text.startswith("**"):
                paragraph.add_run(text.strip("*")).bold = True
            else:
                paragraph.add_run(text)
        for index, text in enumerate(narrative):
            if text.startswith("- "):
                right.add_paragraph(text[2:], style="List Bullet")
            elif index == 0:
                right.paragraphs[0].text = text
            else:
                right.add_paragraph(text)
        if heading.startswith("Werkplaats C"):
            after = add_paragraph(
                document,
                "In alle drie de werkplaatsen kwam de vraag terug hoe raadsleden zelf weerbaar blijven.",
            )
            text_box(
                after,
                [
                    ("Normal", "“Ik werd thuis gebeld door iemand die precies wist hoe ik had gestemd.”"),
                    ("Normal", "– Linda Koster, raadslid Lansingerland"),
                ],
                width_cm=8,
                height_cm=2.6,
                box_id=2,
            )
    document.add_paragraph("Conclusies", style="Heading 1")
    add_paragraph(
        document,
        "De werkplaatsen kregen gemiddeld een 7,6. De deelnemers waardeerden vooral de kleine groepen en de praktijkvoorbeelden uit de eigen regio; de duur van twee uur vonden zij te kort. Wij bevelen aan:",
    )
    for text in (
        "Herhaal de werkplaatsen jaarlijks, met een vaste kern van deelnemers.",
        "Betrek de griffiers bij de keuze van de thema’s.",
        "Deel na afloop een korte samenvatting met alle raden in de regio.",
    ):
        add_paragraph(document, text, style="List Number")
    document.add_paragraph("Vervolg", style="Heading 1")
    add_paragraph(document, "Het RIEC Haaglanden bereidt voor 2022 voor:")
    for text in (
        "een werkplaats ondermijning in het buitengebied voor Westland en Midden-Delfland",
        "een regionale training weerbaarheid voor nieuwe raadsleden na de verkiezingen van 16 maart 2022",
    ):
        add_paragraph(document, text, style="List Bullet")
    add_paragraph(document, "Over dit rapport: Hanna Lindeman, Bureau Veldwerk, h.lindeman@bureauveldwerk.nl")
    document.save(str(path))


# --- 6. the draft with tracked changes and comments ---------------------------------------------

AUTHOR = 'w:author="Jolanda Bakker" w:date="2025-01-16T14:02:00Z"'


def tracked(paragraph, parts: list[tuple[str, str]], start_id: int) -> None:
    """Append runs to ``paragraph``: ("", text) plain, ("+", text) inserted, ("-", text) deleted."""
    from docx.oxml import parse_xml

    for offset, (kind, text) in enumerate(parts):
        text = escape(text)
        if kind == "+":
            xml = f'<w:ins xmlns:w="{W}" w:id="{start_id + offset}" {AUTHOR}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'
        elif kind == "-":
            xml = f'<w:del xmlns:w="{W}" w:id="{start_id + offset}" {AUTHOR}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
        else:
            xml = f'<w:r xmlns:w="{W}"><w:t xml:space="preserve">{text}</w:t></w:r>'
        paragraph._p.append(parse_xml(xml))


def deleted_paragraph(paragraph, text: str, change_id: int) -> None:
    """A whole paragraph deleted with tracked changes on (its mark too)."""
    from docx.oxml import parse_xml

    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:rPr xmlns:w="{W}"><w:del w:id="{change_id}" {AUTHOR}/></w:rPr>'))
    tracked(paragraph, [("-", text)], change_id + 1)


def draft(path: Path) -> None:
    import docx

    document = docx.Document()
    a4(document.sections[0])
    document.add_paragraph("Verslag raadsledenavond West-Friesland: samen sterker in de regio", style="Title")
    status = add_paragraph(document)
    tracked(status, [("", "CONCEPT – versie 0.3 – "), ("-", "15"), ("+", "17"), ("", " januari 2025")], 1)
    intro = add_paragraph(
        document,
        "Op maandag 13 januari 2025 kwamen raadsleden uit de zeven West-Friese gemeenten bijeen in het stadhuis van Hoorn. ",
    )
    tracked(
        intro,
        [
            ("", "Na de opening door "),
            ("-", "burgemeester"),
            ("+", "loco-burgemeester"),
            ("", " Sandra Kuipers gingen de raadsleden in drie carrouselrondes uiteen."),
        ],
        10,
    )
    document.add_comment(
        intro.runs[0],
        text="Datum nog checken bij de griffie van Hoorn.",
        author="Jolanda Bakker",
        initials="JB",
    )

    document.add_paragraph("Carrousel 1 – Regionale woningbouwopgave", style="Heading 2")
    tracked(
        add_paragraph(document),
        [("", "Gemeenten: Hoorn, Koggenland en "), ("-", "Heerhugowaard"), ("+", "Drechterland")],
        20,
    )
    tracked(
        add_paragraph(document),
        [
            ("", "Begeleiding: Maarten Bos ("),
            ("-", "Westfries Archief"),
            ("+", "Regio West-Friesland"),
            ("", ")"),
        ],
        30,
    )
    woningbouw = add_paragraph(
        document,
        "De regio moet tot 2030 ruim tienduizend woningen bouwen. Hoorn wil vooral in de stad verdichten, Koggenland en Drechterland zoeken ruimte aan de randen van hun dorpen. De raadsleden vroegen om één regionale woningbouwkaart.",
    )
    document.add_comment(
        woningbouw.runs[0],
        text="Schoof hier ook iemand uit Den Helder aan? Navragen. – JB",
        author="Jolanda Bakker",
        initials="JB",
    )
    tracked(
        add_paragraph(document),
        [("", "Contact: Maarten Bos, m.bos@regiowestfriesland.nl"), ("+", ", 0229 - 25 83 10")],
        40,
    )

    document.add_paragraph("Carrousel 2 – Zorg dichtbij huis", style="Heading 2")
    add_paragraph(document, "Gemeenten: Enkhuizen, Stede Broec en Medemblik")
    tracked(
        add_paragraph(document),
        [
            ("", "Begeleiding: Fatima el Idrissi, "),
            ("-", "projectleider"),
            ("+", "programmamanager"),
            ("", " bij GGD Hollands Noorden"),
        ],
        50,
    )
    zorg = add_paragraph(
        document,
        "In de kleinere kernen verdwijnen huisartsenposten en apotheken. In Andijk en Venhuizen rijden vrijwilligers ouderen naar de dokter in Enkhuizen. ",
    )
    tracked(
        zorg,
        [
            (
                "+",
                "„Wij merken dat de zorg uit de dorpen verdwijnt, terwijl de vraag groeit”, zei wethouder Jeroen Kaag van Enkhuizen.",
            )
        ],
        60,
    )
    add_paragraph(document, "De GGD biedt aan:")
    add_paragraph(document, "een gezondheidsmonitor per kern", style="List Bullet")
    add_paragraph(document, "een werkbezoek aan een zorgcentrum in Andijk", style="List Bullet")
    deleted_paragraph(
        document.add_paragraph(style="List Bullet"),
        "een gratis training mentale gezondheid voor raadsleden",
        70,
    )

    document.add_paragraph("Carrousel 3 – Bereikbaarheid van de kernen", style="Heading 2")
    add_paragraph(document, "Gemeenten: Opmeer, Koggenland, Medemblik")
    add_paragraph(document, "Begeleiding: Ron Zwaan (Provincie Noord-Holland)")
    add_paragraph(
        document,
        "Spanbroek, Wognum en Abbekerk liggen aan provinciale wegen waar het druk is geworden. De raadsleden bespraken met de provincie de plannen voor de N194 en de busverbinding tussen de dorpen en Hoorn.",
    )
    add_paragraph(document, "Contact: Ron Zwaan, r.zwaan@noord-holland.nl")

    document.add_paragraph("Vervolg", style="Heading 2")
    add_paragraph(document, "In voorbereiding:")
    add_paragraph(
        document, "een regionale raadsconferentie over de Westfriese Omringdijk", style="List Bullet"
    )
    deleted_paragraph(
        document.add_paragraph(style="List Bullet"), "een excursie naar de haven van Den Helder", 80
    )
    document.save(str(path))


# --- conversions --------------------------------------------------------------------------------


def convert(soffice: str, source: Path, target_format: str, outdir: Path) -> Path:
    subprocess.run(
        [soffice, "--headless", "--convert-to", target_format, "--outdir", str(outdir), str(source)],
        check=True,
        capture_output=True,
    )
    suffix = "." + target_format.split(":")[0]
    return outdir / (source.stem + suffix)


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice is not installed (apt-get install libreoffice-writer)")
    docx_format = "docx:MS Word 2007 XML"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # python-docx documents: the .docx as written, the .pdf exported by LibreOffice.
        for stem, build in (
            ("nieuwsbrief-raadsledennetwerk-twente-2023", newsletter),
            ("evaluatie-werkplaatsen-ondermijning-haaglanden-2021", evaluation),
        ):
            build(HERE / f"{stem}.docx")
            convert(soffice, HERE / f"{stem}.docx", "pdf", HERE)
        # HTML and flat ODT sources: LibreOffice writes every fixture.
        html = HERE / "webbericht-raadsledenavond-midden-holland-2024.html"
        convert(soffice, html, "pdf", HERE)
        convert(soffice, html, docx_format, HERE)
        booklet = HERE / "programmaboekje-raadsledendag-zeeland-2022.fodt"
        convert(soffice, booklet, "pdf", HERE)
        convert(soffice, booklet, docx_format, HERE)
        convert(soffice, HERE / "verslag-raadsledenavond-oost-groningen-2020.fodt", "pdf", HERE)
        # The draft: python-docx writes the changes and comments, LibreOffice saves the .docx.
        stem = "concept-verslag-raadsledenavond-west-friesland-2025"
        draft(folder / f"{stem}.docx")
        convert(soffice, folder / f"{stem}.docx", docx_format, HERE)
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=True).stdout
    print(f"fixtures written to {HERE} with {version.strip()}")


if __name__ == "__main__":
    main()
