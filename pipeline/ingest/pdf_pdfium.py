"""PDF reader on PDFium (pypdfium2): the default, fast engine.

Speed comes from letting PDFium do the per-character work: one ``get_text_range`` call gives a
page's text with PDFium's own line breaks ("\\r\\n") and line-end hyphens (U+FFFE), and only the
first and last character of each line are asked for their position and font (a handful of
C calls per line instead of several per character). Ruled tables are found from the page's
path objects and their cells read with ``get_text_bounded``. Pages, text pages and the document
are closed as soon as they are read: PDFium's memory is not managed by Python.

PDFium is not thread-safe, even across documents: run readers in processes, not threads.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

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
    in_reading_order,
    is_bold_font,
    may_cut_word,
    out_of_order,
)
from pipeline.ingest.pdf_plumber import SPACE_GAP
from pipeline.ingest.txt import LIST_MARKER
from pipeline.model import Document

# A physical line: text up to PDFium's line break, or up to a line-end hyphen it swallowed
# (marked U+FFFE by get_text_range and U+0002 by get_text_bounded).
_LINE = re.compile(r"([^\r\n\ufffe\x02]*)(\ufffe|\x02|\r\n|\r|\n|$)")
_HYPHEN = ("\ufffe", "\x02")
# Looking at every object of a huge vector drawing for table rulings costs more than it gives.
MAX_OBJECTS_FOR_TABLES = 5000


def read_pdf_pdfium(data: bytes) -> Document:
    """Read a PDF with PDFium into the shared document model."""
    check_pdf_bytes(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc
    try:
        reader = _PageReader()
        pages = [reader.read(pdf, index) for index in range(len(pdf))]
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise IngestError(f"corrupt PDF: {exc}") from exc
    finally:
        pdf.close()
    return build_document(pages)


def _open_error(exc: pdfium.PdfiumError) -> IngestError:
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return IngestError("encrypted PDF: a password is needed")
    if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return IngestError("encrypted PDF: unsupported security handler")
    return IngestError(f"corrupt PDF: PDFium cannot load it ({exc})")


class _PageReader:
    """Reads pages, reusing its ctypes out-parameters between calls."""

    def __init__(self) -> None:
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._left, self._right = ctypes.c_double(), ctypes.c_double()
        self._bottom, self._top = ctypes.c_double(), ctypes.c_double()
        self._lf, self._bf = ctypes.c_float(), ctypes.c_float()
        self._rf, self._tf = ctypes.c_float(), ctypes.c_float()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._rect = pdfium_c.FS_RECTF()
        self._bold: dict[bytes, bool] = {}

    def read(self, pdf: pdfium.PdfDocument, index: int) -> PageContent:
        page = pdf[index]
        try:
            width, height = page.get_size()
            content = PageContent(index + 1, width, height)
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                to_char = _index_map(textpage, text)
                content.tables, content.boxes = self._tables(page, textpage, width, height, text, to_char)
                content.lines = self._lines(textpage, index + 1, height, text, to_char)
                content.links = self._links(pdf, page, textpage, height)
            finally:
                textpage.close()
            return content
        finally:
            page.close()

    # --------------------------------------------------------------------- lines

    def _lines(
        self,
        textpage: pdfium.PdfTextPage,
        number: int,
        height: float,
        text: str,
        to_char: Callable[[int], int],
    ) -> list[Line]:
        if not text.strip():
            return []
        tp = textpage.raw  # the bare handle: skips pypdfium2's wrapper on every C call
        lines: list[Line] = []
        for match in _LINE.finditer(text):
            body = match[1]
            stripped = body.strip()
            if not stripped:
                continue
            start = match.start(1) + len(body) - len(body.lstrip())
            end = match.start(1) + len(body.rstrip()) - 1
            if match[2] in _HYPHEN:  # PDFium swallowed the line-end hyphen: give it back
                stripped, end = stripped + "-", match.start(2)
            first, last = to_char(start), to_char(end)
            if FALLBACK_GLYPH.search(stripped):
                stripped, first, last = self._left_to_right(tp, text, start, end, to_char) or (
                    stripped,
                    first,
                    last,
                )
            lines.append(self._line(tp, stripped, first, last, number, height))
        return lines

    def _left_to_right(
        self, tp: Any, text: str, start: int, end: int, to_char: Callable[[int], int]
    ) -> tuple[str, int, int] | None:
        """The line ``text[start:end + 1]`` in the order it reads, with its leftmost and
        rightmost character, when a symbol of a fallback font was drawn out of that order; else
        None. As pdfplumber's reader sees the line (see ``in_reading_order``)."""
        glyphs: list[tuple[float, float, str]] = []
        indices: list[int] = []
        for at in range(start, end + 1):
            index = to_char(at)
            if pdfium_c.FPDFText_IsGenerated(tp, index) == 1:  # a space PDFium guessed from a gap
                continue
            pdfium_c.FPDFText_GetCharBox(tp, index, self._left, self._right, self._bottom, self._top)
            glyphs.append((self._left.value, self._right.value, text[at]))
            indices.append(index)
        size = pdfium_c.FPDFText_GetFontSize(tp, indices[0])
        if not out_of_order([g[0] for g in glyphs if not g[2].isspace()], size):
            return None
        visible = [(g, i) for g, i in zip(glyphs, indices, strict=True) if not g[2].isspace()]
        first = min(visible, key=lambda v: v[0][0])[1]
        last = max(visible, key=lambda v: v[0][1])[1]
        return in_reading_order(glyphs, size, SPACE_GAP), first, last

    def _line(self, tp: Any, text: str, first: int, last: int, page: int, height: float) -> Line:
        """The line's position and font from its first and last character only."""
        pdfium_c.FPDFText_GetCharOrigin(tp, first, self._x, self._y)
        pdfium_c.FPDFText_GetCharBox(tp, last, self._left, self._right, self._bottom, self._top)
        bold = self._is_bold(tp, first) and self._is_bold(tp, last)
        # A list marker may be set in its own size (reportlab draws bullets larger): the text's
        # size is then the last character's, or the item would read as a heading.
        size = pdfium_c.FPDFText_GetFontSize(tp, last if LIST_MARKER.match(text) else first)
        if "  " in text:
            text = " ".join(text.split())
        return Line(text, page, self._x.value, height - self._y.value, self._right.value, size, bold)

    def _is_bold(self, tp: Any, index: int) -> bool:
        length = pdfium_c.FPDFText_GetFontInfo(tp, index, self._name, 256, self._flags)
        name = self._name.raw[: max(length - 1, 0)]
        bold = self._bold.get(name)
        if bold is None:
            bold = self._bold[name] = is_bold_font(name.decode("latin-1"))
        return bold

    # --------------------------------------------------------------------- links

    def _links(
        self, pdf: pdfium.PdfDocument, page: pdfium.PdfPage, tp: pdfium.PdfTextPage, height: float
    ) -> list[PageLink]:
        """The page's URI link annotations (Word's and LibreOffice's hyperlinks, mailto too)."""
        links: list[PageLink] = []
        position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
        while pdfium_c.FPDFLink_Enumerate(page, ctypes.byref(position), ctypes.byref(link)):
            action = pdfium_c.FPDFLink_GetAction(link)
            if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
                continue
            size = pdfium_c.FPDFAction_GetURIPath(pdf, action, None, 0)
            if size <= 1 or not pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(self._rect)):
                continue
            buffer = ctypes.create_string_buffer(size)
            pdfium_c.FPDFAction_GetURIPath(pdf, action, buffer, size)
            target = buffer.raw[: size - 1].decode("utf-8", "replace").strip()
            r = self._rect
            left, right = min(r.left, r.right), max(r.left, r.right)
            bottom, top = min(r.bottom, r.top), max(r.bottom, r.top)
            text = " ".join(_cell_lines(tp.get_text_bounded(left, bottom, right, top)))
            links.append(PageLink(Rect(left, height - top, right, height - bottom), target, text))
        return links

    # --------------------------------------------------------------------- tables

    def _tables(
        self,
        page: pdfium.PdfPage,
        tp: pdfium.PdfTextPage,
        width: float,
        height: float,
        text: str,
        to_char: Callable[[int], int],
    ) -> tuple[list[Table], list[Rect]]:
        count = pdfium_c.FPDFPage_CountObjects(page)
        if count > MAX_OBJECTS_FOR_TABLES:
            return [], []
        rects: list[Rect] = []
        for i in range(count):
            obj = pdfium_c.FPDFPage_GetObject(page, i)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            if pdfium_c.FPDFPageObj_GetBounds(obj, self._lf, self._bf, self._rf, self._tf):
                rects.append(
                    Rect(self._lf.value, height - self._tf.value, self._rf.value, height - self._bf.value)
                )
        if len(rects) < 2:
            return [], []
        tables, boxes = find_tables_and_boxes(rects, width, height)
        for table in tables:
            for cell in table.cells:
                r = cell.rect
                raw = tp.get_text_bounded(r.x0 + 1, height - r.bottom + 1, r.x1 - 1, height - r.top - 1)
                parts = _cell_lines(raw)
                if FALLBACK_GLYPH.search(raw):
                    parts = [
                        self._cell_line_in_order(tp.raw, part, r, height, text, to_char) for part in parts
                    ]
                cut = {
                    i
                    for i in range(len(parts) - 1)
                    if may_cut_word(parts[i], parts[i + 1])
                    and self._cut_word(tp.raw, parts[i], r, height, text, to_char)
                }
                cell.parts, cell.cut = parts, cut
        return tables, boxes

    def _cell_line_in_order(
        self, tp: Any, part: str, cell: Rect, height: float, text: str, to_char: Callable[[int], int]
    ) -> str:
        """A cell's line in the order it reads (see ``_left_to_right``), found in the page's
        text at the occurrence that lies inside the cell."""
        if not FALLBACK_GLYPH.search(part):
            return part
        body = part[:-1] if part.endswith("-") and part[:-1] in text else part
        at = text.find(body)
        while at != -1:
            pdfium_c.FPDFText_GetCharBox(tp, to_char(at), self._left, self._right, self._bottom, self._top)
            if cell.holds(self._left.value, height - self._bottom.value):
                ordered = self._left_to_right(tp, text, at, at + len(body) - 1, to_char)
                return part if ordered is None else ordered[0] + part[len(body) :]
            at = text.find(body, at + 1)
        return part

    def _cut_word(
        self, tp: Any, word: str, cell: Rect, height: float, text: str, to_char: Callable[[int], int]
    ) -> bool:
        """Whether the one-word cell line ``word`` fills the cell (see :func:`cut_word`): its
        place is found in the page's text, at the occurrence that lies inside the cell."""
        at = text.find(word)
        while at != -1:
            first, last = to_char(at), to_char(at + len(word) - 1)
            pdfium_c.FPDFText_GetCharBox(tp, first, self._left, self._right, self._bottom, self._top)
            x0, y = self._left.value, height - self._bottom.value
            if cell.holds(x0, y):
                pdfium_c.FPDFText_GetCharBox(tp, last, self._left, self._right, self._bottom, self._top)
                return cut_word(word, x0, self._right.value, cell)
            at = text.find(word, at + 1)
        return False


def _cell_lines(raw: str) -> list[str]:
    parts: list[str] = []
    for match in _LINE.finditer(raw):
        text = " ".join(match[1].split())
        if text:
            parts.append(text + "-" if match[2] in _HYPHEN else text)
    return parts


def _index_map(textpage: pdfium.PdfTextPage, text: str) -> Callable[[int], int]:
    """Text index -> PDFium char index; the same number unless PDFium dropped or added chars."""
    if textpage.count_chars() == len(text):
        return lambda i: i
    return lambda i: pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, i)
