"""Render the test markup into .docx and .pdf files, so tests can build reports in every format.

The markup (other tests and ``tests/corpus/*.md`` are written in it, keep it stable)::

    # Title               -> Title style (PDF: large bold)
    ## Heading            -> Heading 2 (PDF: bold, larger)
    ### Heading           -> Heading 3
    1. text               -> numbered list item (docx: real Word numbering, restarted per list)
    - text  or  • text    -> bullet list item; the bullet shown is the character written
    | a | b | c |         -> table row; consecutive rows form one table (first row = header)
    <pagebreak>           -> page break
    [text](mailto:x@y.nl) -> hyperlink inside a paragraph (docx: w:hyperlink; PDF: plain text)
    **whole line**        -> a paragraph of its own in bold body text (no heading style)
    *whole line*          -> a paragraph of its own in italics
    other lines           -> paragraph text; consecutive non-blank lines are one paragraph

A blank line or a line of another kind ends a paragraph, a list or a table. The bullet keeps its
character ("- " renders as "-", "• " as "•") so that a .txt line "- Name" and its rendering give
the same list marker in every format.

Output is deterministic (fixed dates, fixed zip timestamps): the same markup gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import matplotlib
from fpdf import FPDF

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FIXED_DATE = datetime(2020, 1, 1, 12, 0, 0, tzinfo=UTC)
_ZIP_DATE = (2020, 1, 1, 12, 0, 0)

NodeKind = Literal["heading", "paragraph", "numbered", "bullet", "table", "pagebreak"]

_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_BULLET = re.compile(r"^([-•])\s+(\S.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_BOLD_LINE = re.compile(r"^\*\*(\S.*?\S|\S)\*\*$")
_ITALIC_LINE = re.compile(r"^\*(?!\*)(\S.*?\S|\S)\*$")


@dataclass
class Node:
    """One block of the markup."""

    kind: NodeKind
    text: str = ""
    level: int = 0
    """Heading level (1..6)."""
    number: int = 1
    """The number written in front of a numbered item."""
    bullet: str = "•"
    list_id: int = 0
    """Items of one list share this id (a new list restarts its numbering)."""
    rows: list[list[str]] = field(default_factory=list)
    emphasis: Literal["", "bold", "italic"] = ""
    """A paragraph written wholly in bold or italics."""


# ----------------------------------------------------------------------------- markup


def parse_markup(markup: str) -> list[Node]:
    """The markup as a flat list of nodes, in order."""
    nodes: list[Node] = []
    open_kind: str | None = None  # what the previous line continues: paragraph/list/table
    list_count = 0
    for raw in markup.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            open_kind = None
            continue
        node, open_kind, list_count = _parse_line(line, nodes, open_kind, list_count)
        if node is not None:
            nodes.append(node)
    return nodes


def _parse_line(
    line: str, nodes: list[Node], open_kind: str | None, list_count: int
) -> tuple[Node | None, str | None, int]:
    if line.lower() == "<pagebreak>":
        return Node("pagebreak"), None, list_count
    if match := _HEADING.match(line):
        return Node("heading", match[2], level=len(match[1])), None, list_count
    if line.startswith("|"):
        if _TABLE_RULE.match(line):  # a markdown |---|---| rule carries no cells
            return None, open_kind, list_count
        cells = [c.strip() for c in line.strip("|").split("|")]
        if open_kind == "table":
            nodes[-1].rows.append(cells)
            return None, "table", list_count
        return Node("table", rows=[cells]), "table", list_count
    numbered, bullet = _NUMBERED.match(line), _BULLET.match(line)
    if numbered or bullet:
        kind = "numbered" if numbered else "bullet"
        if open_kind != kind:
            list_count += 1
        if numbered:
            node = Node("numbered", numbered[2], number=int(numbered[1]), list_id=list_count)
        else:
            node = Node("bullet", bullet[2], bullet=bullet[1], list_id=list_count)
        return node, kind, list_count
    if match := _BOLD_LINE.match(line):
        return Node("paragraph", match[1], emphasis="bold"), None, list_count
    if match := _ITALIC_LINE.match(line):
        return Node("paragraph", match[1], emphasis="italic"), None, list_count
    if open_kind == "paragraph":
        nodes[-1].text += " " + line
        return None, "paragraph", list_count
    return Node("paragraph", line), "paragraph", list_count


def split_links(text: str) -> list[tuple[str, str | None]]:
    """``text`` as (piece, link target or None) runs."""
    runs: list[tuple[str, str | None]] = []
    at = 0
    for match in _LINK.finditer(text):
        if match.start() > at:
            runs.append((text[at : match.start()], None))
        runs.append((match[1], match[2]))
        at = match.end()
    if at < len(text):
        runs.append((text[at:], None))
    return runs


def plain_text(text: str) -> str:
    """The visible text: links replaced by their text."""
    return _LINK.sub(r"\1", text)


def visible_lines(markup: str) -> list[str]:
    """What a reader should see, one entry per block: the markup's syntax stripped, a list item
    written with its marker ("1. text", "• text"), numbered items numbered as Word numbers them."""
    lines: list[str] = []
    counters: dict[int, int] = {}
    for node in parse_markup(markup):
        if node.kind in ("heading", "paragraph"):
            lines.append(plain_text(node.text))
        elif node.kind == "numbered":
            counters[node.list_id] = counters.get(node.list_id, node.number - 1) + 1
            lines.append(f"{counters[node.list_id]}. {plain_text(node.text)}")
        elif node.kind == "bullet":
            lines.append(f"{node.bullet} {plain_text(node.text)}")
        elif node.kind == "table":
            lines.extend(plain_text(cell) for row in node.rows for cell in row if cell)
    return lines


# ----------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUM_BASE = 900  # our numbering ids, far from the template's own


def render_docx(markup: str, path: Path, *, header: str | None = None, footer: str | None = None) -> Path:
    """Write ``markup`` as a Word document with real headings, numbering, tables and links."""
    import docx

    document = docx.Document()
    numbering = _DocxNumbering(document)
    previous: Node | None = None
    for node in parse_markup(markup):
        if node.kind == "table" and previous is not None and previous.kind == "table":
            # Word keeps a paragraph between two tables (without one it joins them into one
            # table, and so does LibreOffice on saving); write what Word writes.
            document.add_paragraph()
        _docx_node(document, numbering, node)
        previous = node
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    props = document.core_properties
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = props.author = "tests/render.py"
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))
    return path


def _docx_node(document: Any, numbering: _DocxNumbering, node: Node) -> None:
    from docx.enum.text import WD_BREAK

    if node.kind == "heading":
        style = "Title" if node.level == 1 else f"Heading {node.level}"
        _add_runs(document.add_paragraph(style=style), node.text)
    elif node.kind == "paragraph":
        paragraph = document.add_paragraph()
        _add_runs(paragraph, node.text, bold=node.emphasis == "bold", italic=node.emphasis == "italic")
    elif node.kind in ("numbered", "bullet"):
        style = "List Number" if node.kind == "numbered" else "List Bullet"
        paragraph = document.add_paragraph(style=style)
        numbering.attach(paragraph, node)
        _add_runs(paragraph, node.text)
    elif node.kind == "pagebreak":
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif node.kind == "table":
        _docx_table(document, node.rows)


def _docx_table(document: Any, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            paragraph = table.cell(r, c).paragraphs[0]
            _add_runs(paragraph, row[c] if c < len(row) else "", bold=r == 0)


def _add_runs(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    for piece, target in split_links(text):
        if target is None:
            run = paragraph.add_run(piece)
            run.bold = bold or None
            if italic:
                run.italic = True
        else:
            _add_hyperlink(paragraph, piece, target)


def _add_hyperlink(paragraph: Any, text: str, target: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "0563C1"), ("w:u", "single")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


class _DocxNumbering:
    """Real Word numbering: one abstract definition per list kind, one w:num per list.

    Every numbered list gets its own w:num with a startOverride, which is how Word itself
    restarts a list; bullets get one w:num per bullet character.
    """

    def __init__(self, document: Any) -> None:
        self._element = document.part.numbering_part.element
        self._nums: dict[tuple[str, int | str], int] = {}
        self._abstracts: dict[str, int] = {}

    def attach(self, paragraph: Any, node: Node) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        key: tuple[str, int | str] = (
            ("numbered", node.list_id) if node.kind == "numbered" else ("bullet", node.bullet)
        )
        if key not in self._nums:
            self._nums[key] = self._new_num(node)
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", 0), ("w:numId", self._nums[key])):
            element = OxmlElement(tag)
            element.set(qn("w:val"), str(value))
            num_pr.append(element)
        paragraph._p.get_or_add_pPr().append(num_pr)

    def _new_num(self, node: Node) -> int:
        from lxml import etree

        fmt, text = ("decimal", "%1.") if node.kind == "numbered" else ("bullet", node.bullet)
        abstract_id = self._abstract(fmt, text)
        num_id = _NUM_BASE + len(self._nums) + 1
        start = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{node.number}"/></w:lvlOverride>'
        num = etree.fromstring(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{start if node.kind == 'numbered' else ''}</w:num>"
        )
        self._element.append(num)  # w:num elements come after every w:abstractNum
        return num_id

    def _abstract(self, fmt: str, text: str) -> int:
        from lxml import etree

        key = f"{fmt}:{text}"
        if key not in self._abstracts:
            abstract_id = _NUM_BASE + len(self._abstracts) + 1
            self._abstracts[key] = abstract_id
            abstract = etree.fromstring(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
                '<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
            )
            # abstractNum elements must precede every w:num (schema order).
            first_num = self._element.find(f"{{{W_NS}}}num")
            if first_num is None:
                self._element.append(abstract)
            else:
                first_num.addprevious(abstract)
        return self._abstracts[key]


def _stable_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so one markup always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ----------------------------------------------------------------------------- PDF layout

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 62.0, 78.0, 78.0
LIST_MARKER_X, LIST_TEXT_X = 10.0, 28.0  # offsets from the left margin: hanging indent
HEADING_SIZES = {1: 18.0, 2: 14.0, 3: 12.0}
CELL_PAD = 3.0

_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_ONSETS = {"bl", "br", "ch", "dr", "fl", "fr", "gr", "kl", "kr", "pl", "pr", "tr", "vl", "vr", "sch", "str"}
_HYPHENATABLE = re.compile(r"^([a-zà-ÿ]{6,})([.,;:!?)”’]*)$")


class _Pdf(FPDF):
    """fpdf2 with our header and footer on every page."""

    def __init__(self, header: str | None, footer: str | None, page_numbers: bool) -> None:
        super().__init__(unit="pt", format="A4")
        self.header_text, self.footer_text, self.page_numbers = header, footer, page_numbers
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_auto_page_break(False)
        self.set_creation_date(FIXED_DATE)
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)

    def header(self) -> None:
        if self.header_text:
            self.set_font("DejaVu", "", 8.5)
            self.text(MARGIN_X, 40, self.header_text)

    def footer(self) -> None:
        self.set_font("DejaVu", "", 8.5)
        width = PAGE_W - 2 * MARGIN_X
        if self.footer_text:
            self.set_xy(MARGIN_X, PAGE_H - 50)
            self.cell(w=width, h=12, text=self.footer_text, align="L")
        if self.page_numbers:
            # cell() (unlike text()) replaces {nb} by the page count when the PDF is written
            self.set_xy(MARGIN_X, PAGE_H - 50)
            self.cell(w=width, h=12, text=f"Pagina {self.page_no()} van {{nb}}", align="R")


@dataclass
class _Layout:
    """Where the next line goes; ``pdf`` does the drawing."""

    pdf: _Pdf
    size: float
    hyphenate: bool
    y: float = MARGIN_TOP

    @property
    def width(self) -> float:
        return PAGE_W - 2 * MARGIN_X

    def pitch(self, size: float | None = None) -> float:
        return (size or self.size) * 1.35

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = MARGIN_TOP

    def ensure(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN_BOTTOM:
            self.new_page()


def render_pdf(
    markup: str,
    path: Path,
    *,
    header: str | None = None,
    footer: str | None = None,
    page_numbers: bool = True,
    hyphenate: bool = False,
    font_size: float = 10.5,
) -> Path:
    """Write ``markup`` as an A4 PDF with wrapped paragraphs, header, footer and page numbers."""
    pdf = _Pdf(header, footer, page_numbers)
    layout = _Layout(pdf, font_size, hyphenate)
    layout.new_page()
    counters: dict[int, int] = {}
    for node in parse_markup(markup):
        _pdf_node(layout, node, counters)
    path.write_bytes(bytes(pdf.output()))
    return path


def _pdf_node(layout: _Layout, node: Node, counters: dict[int, int]) -> None:
    size = layout.size
    if node.kind == "pagebreak":
        layout.new_page()
    elif node.kind == "heading":
        heading_size = HEADING_SIZES.get(node.level, size * 1.05)
        layout.ensure(layout.pitch(heading_size) + 3 * layout.pitch())  # keep with what follows
        layout.y += heading_size * 0.6
        _pdf_lines(layout, plain_text(node.text), 0.0, heading_size, bold=True, hyphenate=False)
        layout.y += heading_size * 0.3
    elif node.kind == "paragraph":
        style = {"bold": "B", "italic": "I"}.get(node.emphasis, "")
        _pdf_lines(layout, plain_text(node.text), 0.0, size, style=style)
        layout.y += size * 0.8
    elif node.kind in ("numbered", "bullet"):
        if node.kind == "numbered":
            counters[node.list_id] = counters.get(node.list_id, node.number - 1) + 1
            marker = f"{counters[node.list_id]}."
        else:
            marker = node.bullet
        _pdf_lines(layout, plain_text(node.text), LIST_TEXT_X, size, marker=marker)
        layout.y += size * 0.35
    elif node.kind == "table":
        _pdf_table(layout, node.rows)
        layout.y += size * 0.8


def _pdf_lines(
    layout: _Layout,
    text: str,
    indent: float,
    size: float,
    *,
    bold: bool = False,
    marker: str | None = None,
    hyphenate: bool | None = None,
    style: str = "",
) -> None:
    pdf = layout.pdf
    pdf.set_font("DejaVu", "B" if bold else style, size)
    hyphenate = layout.hyphenate if hyphenate is None else hyphenate
    for number, line in enumerate(fill_lines(pdf, text, layout.width - indent, hyphenate)):
        layout.ensure(layout.pitch(size))
        baseline = layout.y + size
        if marker and number == 0:
            pdf.text(MARGIN_X + LIST_MARKER_X, baseline, marker + " ")
        pdf.text(MARGIN_X + indent, baseline, line)
        layout.y += layout.pitch(size)


def _pdf_table(layout: _Layout, rows: list[list[str]]) -> None:
    pdf = layout.pdf
    columns = max(len(r) for r in rows)
    rows = [[plain_text(r[c]) if c < len(r) else "" for c in range(columns)] for r in rows]
    size, widths = _column_widths(pdf, rows, layout.width, layout.size * 0.85)
    pitch = layout.pitch(size)
    for r, row in enumerate(rows):
        pdf.set_font("DejaVu", "B" if r == 0 else "", size)
        cells = [fill_lines(pdf, text, widths[c] - 2 * CELL_PAD, False) for c, text in enumerate(row)]
        height = max(len(c) for c in cells) * pitch + 2 * CELL_PAD
        layout.ensure(height)
        x = MARGIN_X
        for c, lines in enumerate(cells):
            pdf.rect(x, layout.y, widths[c], height)
            for i, line in enumerate(lines):
                pdf.text(x + CELL_PAD, layout.y + CELL_PAD + i * pitch + size, line)
            x += widths[c]
        layout.y += height


def _column_widths(pdf: FPDF, rows: list[list[str]], total: float, size: float) -> tuple[float, list[float]]:
    """(font size, column widths) so that no word sticks out of its cell: every column is at least
    as wide as its longest word, the rest of the width goes where the text is; the font shrinks
    when even the longest words do not fit side by side."""
    pdf.set_font("DejaVu", "B", size)  # bold is the widest: measure with it
    longest = [
        max((pdf.get_string_width(w) for r in rows for w in r[c].split()), default=0.0)
        for c in range(len(rows[0]))
    ]
    need = [w + 2 * CELL_PAD + 1 for w in longest]
    if sum(need) > total:
        return _column_widths(pdf, rows, total, size * total / sum(need) * 0.98)
    text = [sum(pdf.get_string_width(r[c]) for r in rows) + 1 for c in range(len(rows[0]))]
    spare = total - sum(need)
    return size, [n + spare * t / sum(text) for n, t in zip(need, text, strict=True)]


def fill_lines(pdf: FPDF, text: str, width: float, hyphenate: bool) -> list[str]:
    """Greedy line filling; with ``hyphenate`` a word that does not fit is broken with a hyphen."""
    lines: list[str] = []
    current = ""
    words = _words(text)
    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if pdf.get_string_width(candidate) <= width:
            current = candidate
            continue
        head, tail = _break_word(pdf, word, current, width, hyphenate)
        if head:
            lines.append(f"{current} {head}" if current else head)
            current = ""
            words.insert(0, tail)
        elif current:
            lines.append(current)
            current = ""
            words.insert(0, word)
        else:  # a single word wider than the line: let it overflow
            lines.append(word)
    if current:
        lines.append(current)
    return lines


def _words(text: str) -> list[str]:
    """Words to fill lines with. A word ending in a hyphen ("wijk- of") sticks to the next one:
    a reader cannot tell such a line end from a hyphenated word."""
    words: list[str] = []
    for word in text.split():
        if words and len(words[-1]) > 1 and words[-1].endswith("-"):
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def _break_word(pdf: FPDF, word: str, current: str, width: float, hyphenate: bool) -> tuple[str, str]:
    """(head with its hyphen, tail) for the longest head that still fits, or ("", "")."""
    prefix = f"{current} " if current else ""
    for head, tail in reversed(list(_break_points(word, hyphenate))):
        if pdf.get_string_width(prefix + head) <= width:
            return head, tail
    return "", ""


def _break_points(word: str, hyphenate: bool) -> Iterator[tuple[str, str]]:
    """Where ``word`` may break at a line end, first to last."""
    if " " in word:  # a glued "wijk- of" pair never breaks
        return
    # An existing hyphen before a capital ("Noord-Holland") is a natural break point.
    for match in re.finditer(r"(?<=[a-zà-ÿ])-(?=[A-Z])", word):
        yield word[: match.end()], word[match.end() :]
    match = _HYPHENATABLE.match(word)
    if hyphenate and match:
        letters = match[1]
        for at in syllable_breaks(letters):
            yield letters[:at] + "-", letters[at:] + match[2]


def syllable_breaks(word: str) -> list[int]:
    """Rough Dutch syllable boundaries: V-CV, VC-CV, keeping onsets like "tr", "sch" together."""
    breaks: list[int] = []
    i, n = 0, len(word)
    while i < n and word[i] not in _VOWELS:
        i += 1
    while i < n:
        while i < n and word[i] in _VOWELS:
            i += 1
        start = i
        while i < n and word[i] not in _VOWELS:
            i += 1
        if i >= n:
            break
        breaks.append(_cut(word[start:i], start, i))
    return [at for at in breaks if 2 <= at <= n - 3]


def _cut(cluster: str, start: int, end: int) -> int:
    """Where to break the consonants ``cluster`` that lie between two vowels at [start, end)."""
    if len(cluster) <= 1 or cluster in _ONSETS:
        return start
    onsets = [o for o in _ONSETS if cluster.endswith(o)]
    return end - max((len(o) for o in onsets), default=1)


# ----------------------------------------------------------------------------- PDF failures


def render_encrypted_pdf(path: Path, *, user_password: str = "geheim") -> Path:
    """A PDF that opens only with a password."""
    pdf = _Pdf(None, None, False)
    pdf.set_encryption(owner_password="eigenaar", user_password=user_password)
    layout = _Layout(pdf, 10.5, False)
    layout.new_page()
    _pdf_lines(layout, "Vertrouwelijk verslag van de raadsvergadering.", 0.0, 10.5)
    path.write_bytes(bytes(pdf.output()))
    return path


def render_scanned_pdf(path: Path, *, pages: int = 2) -> Path:
    """A PDF of image-only pages, as a scanner makes them: no text layer at all."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for row in range(60, 800, 22):  # grey bars where the lines of text were
        draw.rectangle((60, row, 560 - (row * 7) % 120, row + 9), fill=90)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _Pdf(None, None, False)
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=PAGE_W, h=PAGE_H)
    path.write_bytes(bytes(pdf.output()))
    return path


def render_corrupt_pdf(path: Path) -> Path:
    """A file that starts like a PDF but whose body is garbage."""
    garbage = bytes((i * 73 + 41) % 256 for i in range(4000))
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + garbage + b"\n%%EOF\n")
    return path


def render_truncated_pdf(markup: str, path: Path, *, keep: float = 0.6) -> Path:
    """A real PDF cut off after ``keep`` of its bytes, as an interrupted download leaves it."""
    render_pdf(markup, path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


# ----------------------------------------------------------------------------- entry point


def render(markup: str, fmt: str, path: Path, **opts: Any) -> Path:
    """Render ``markup`` as ``fmt`` ("docx" or "pdf") into ``path`` with the format's options."""
    if fmt == "docx":
        return render_docx(markup, path, **opts)
    if fmt == "pdf":
        return render_pdf(markup, path, **opts)
    if fmt == "txt":
        path.write_text("\n".join(visible_lines(markup)) + "\n", encoding="utf-8")
        return path
    raise ValueError(f"cannot render {fmt!r}: use docx, pdf or txt")
