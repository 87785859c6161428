"""PDF reader on pdfplumber (pdfminer.six): the layout-detail engine.

About 70x slower than PDFium, but every character comes with its font, size and exact position,
which makes it the engine to check PDFium's results against. It produces the same line records
as :mod:`pdf_pdfium` (a line breaks where the baseline moves; a gap between two characters
counts as a space) and hands them to :mod:`pdf_layout`, so both engines give the same blocks.
Each page is closed after reading: pdfplumber keeps per-page caches otherwise.
"""

from __future__ import annotations

import io
import logging
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.ingest import IngestError
from pipeline.ingest.pdf_layout import (
    FALLBACK_GLYPH,
    Line,
    PageContent,
    PageLink,
    Rect,
    Table,
    build_document,
    check_pdf_bytes,
    cut_word,
    find_tables_and_boxes,
    is_bold_font,
    may_cut_word,
    out_of_order,
)
from pipeline.ingest.txt import LIST_MARKER
from pipeline.model import Document

# pdfminer logs every oddity of a broken file as a warning, and formats debug messages when a
# peer library sets the root logger to DEBUG (that doubled pdfplumber's time once): errors only.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# A gap wider than this (in font sizes) between two characters on a line is a word space.
SPACE_GAP = 0.25


def read_pdf_plumber(data: bytes) -> Document:
    """Read a PDF with pdfplumber into the shared document model."""
    check_pdf_bytes(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_read_page(page) for page in pdf.pages]
    except PdfminerException as exc:
        raise _error(exc.args[0] if exc.args else exc) from exc
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on broken files; none may escape
        raise _error(exc) from exc
    return build_document(pages)


def _error(cause: object) -> IngestError:
    if isinstance(cause, PDFPasswordIncorrect):
        return IngestError("encrypted PDF: a password is needed")
    return IngestError(f"corrupt PDF: pdfminer cannot parse it ({type(cause).__name__}: {cause})")


def _read_page(page: Any) -> PageContent:
    try:
        height = float(page.height)
        content = PageContent(page.page_number, float(page.width), height)
        # Rectangles (cells, or thin filled bars as borders) and stroked line segments (the
        # ruling lines Word and LibreOffice draw table borders with), and curves: a text box's
        # fill and outline, which PDFium sees as the path objects they are.
        shapes = (*page.rects, *page.lines, *page.curves)
        rects = [Rect(r["x0"], r["top"], r["x1"], r["bottom"]) for r in shapes]
        if len(rects) >= 2:
            content.tables, content.boxes = find_tables_and_boxes(rects, content.width, height)
        cell_chars: dict[int, list[dict[str, Any]]] = {}
        flow: list[dict[str, Any]] = []
        for char in page.chars:
            _route(char, content.tables, cell_chars, flow)
        content.lines = [_line(chars, page.page_number, height) for chars in _split_lines(flow)]
        _fill_cells(content.tables, cell_chars)
        content.links = _links(page)
        return content
    finally:
        page.close()


def _route(
    char: dict[str, Any],
    tables: list[Table],
    cell_chars: dict[int, list[dict[str, Any]]],
    flow: list[dict[str, Any]],
) -> None:
    """Send a character to the table cell its centre lies in, or to the running text."""
    if tables:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        for table in tables:
            if table.rect.holds(x, y):
                for cell in table.cells:
                    if cell.rect.holds(x, y):
                        cell_chars.setdefault(id(cell), []).append(char)
                        return
    flow.append(char)


def _baseline(char: dict[str, Any]) -> float:
    return char["matrix"][5]


def _split_lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters in content order, cut where the baseline moves (as PDFium breaks lines)."""
    lines: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    for char in chars:
        if current and abs(_baseline(char) - _baseline(current[0])) > 0.5 * max(char["size"], 1.0):
            lines.append(current)
            current = []
        current.append(char)
    if current:
        lines.append(current)
    return [_left_to_right(line) for line in lines if any(not c["text"].isspace() for c in line)]


def _left_to_right(line: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A line holding a symbol of a fallback font (a check box) in the order it reads."""
    if not FALLBACK_GLYPH.search("".join(c["text"] for c in line)):
        return line
    if not out_of_order([c["x0"] for c in line], line[0]["size"]):
        return line
    return sorted(line, key=lambda c: c["x0"])


# Codes WinAnsiEncoding leaves undefined. The PDF specification (Annex D, note 6) maps every
# unused code above octal 40 to the bullet, and writers rely on it (reportlab draws "•" as
# code 127 in Helvetica); pdfminer does not, and gives "(cid:127)" where PDFium gives "•".
_WINANSI_BULLETS = frozenset(f"(cid:{code})" for code in (127, 129, 141, 143, 144, 157))


def _glyph(char: dict[str, Any]) -> str:
    text = char["text"]
    return "\u2022" if text in _WINANSI_BULLETS else text


def _text(chars: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        if previous is not None and char["x0"] - previous["x1"] > SPACE_GAP * char["size"]:
            parts.append(" ")
        parts.append(_glyph(char))
        previous = char
    return " ".join("".join(parts).split())


def _line(chars: list[dict[str, Any]], page: int, height: float) -> Line:
    visible = [c for c in chars if not c["text"].isspace()]
    first, last = visible[0], visible[-1]
    bold = is_bold_font(first["fontname"]) and is_bold_font(last["fontname"])
    text = _text(chars)
    # A list marker may be set in its own size: the text's size is then the last character's.
    size = last["size"] if LIST_MARKER.match(text) else first["size"]
    return Line(text, page, first["matrix"][4], height - _baseline(first), last["x1"], size, bold)


def _links(page: Any) -> list[PageLink]:
    """The page's URI link annotations, with the text under each."""
    links: list[PageLink] = []
    for link in page.hyperlinks:
        target = str(link.get("uri") or "").strip()
        if not target:
            continue
        rect = Rect(link["x0"], link["top"], link["x1"], link["bottom"])
        chars = [c for c in page.chars if rect.holds((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)]
        text = " ".join(_text(line) for line in _split_lines(chars))
        links.append(PageLink(rect, target, text))
    return links


def _fill_cells(tables: list[Table], cell_chars: dict[int, list[dict[str, Any]]]) -> None:
    for table in tables:
        for cell in table.cells:
            lines = _split_lines(cell_chars.get(id(cell), []))
            parts = [_text(line) for line in lines]
            cut = {
                i
                for i in range(len(parts) - 1)
                if may_cut_word(parts[i], parts[i + 1]) and _cut_word(parts[i], lines[i], cell.rect)
            }
            cell.parts, cell.cut = parts, cut


def _cut_word(text: str, chars: list[dict[str, Any]], rect: Rect) -> bool:
    visible = [c for c in chars if not c["text"].isspace()]
    return cut_word(text, visible[0]["x0"], visible[-1]["x1"], rect)
