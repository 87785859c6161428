"""PDF layout shared by both PDF engines: engine-neutral lines and ruled tables -> blocks.

An engine (:mod:`pdf_pdfium`, :mod:`pdf_plumber`) only extracts, per page, the physical text
lines with their position and font (:class:`Line`) and the text of ruled table cells
(:class:`Table`). Everything that decides what the blocks are happens here, once, so both
engines give the same :class:`Document` for the same PDF:

- running headers and footers (a line repeated at the top or bottom of the pages, digits
  ignored, and page numbers such as "Pagina 2 van 3" or "2") are dropped;
- lines are grouped into paragraphs; a paragraph ends at a vertical gap, an indentation change,
  a change of font, a list marker, or a line that ends well short of the right margin although
  the next word would have fitted;
- a paragraph that clearly continues on the next page is joined (its page is the first one);
- a word hyphenated at a line end is rejoined ("gemeen-" + "ten"), a real hyphen kept
  ("Noord-" + "Holland", "wijk- of", an address's "vdg-" + "drenthe.nl"), unless the document is
  auto-hyphenated, where a hyphen inside an address is the hyphenator's;
- ruled tables are read whether drawn as cell rectangles or as ruling lines (Word, LibreOffice),
  merged cells included; a header row repeated on the next page is read once; a word broken
  without a hyphen in a narrow cell is rejoined;
- link annotations (hyperlinks, mailto) become the document's links;
- headings are lines in a larger font than the body, or short bold blocks;
- a list marker is split off with txt's ``LIST_MARKER``, so all formats give the same blocks.

Coordinates are PDF points measured from the top of the page; ``top`` of a line is its
baseline, which both engines report identically.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from pipeline.ingest import IngestError
from pipeline.ingest.txt import LIST_MARKER, list_marker
from pipeline.model import Block, BlockKind, Document, DocumentBuilder
from pipeline.rules import load_list

# A header or footer lies in the top or bottom band of a page (fraction of the page height).
MARGIN_BAND = 0.1
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:van|of|/)\s*\d{1,4})?$", re.I
)
# After "wijk-" these words mean the hyphen is real ("wijk- of dorpsbudgetten").
_CONJUNCTIONS = {"en", "of", "tot", "en/of", "dan", "noch"}
# Two vowels that read as one sound: a hyphen between them is part of the word.
_VOWEL_PAIRS = {"aa", "ee", "oo", "uu", "ie", "ei", "eu", "ou", "au", "ui", "oe", "ij", "ae", "oi", "ai"}
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_ODD_CHARS = re.compile("[\ufb00-\ufb06\u00ad]")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|[-,]bd\b", re.I)
# Symbols a text font lacks (arrows, check boxes, dingbats, emoji): office software draws them
# in a fallback font, and LibreOffice writes each font's glyphs of a line as a run of their own,
# so in content order a check box may follow the words it stands before. Only a line holding one
# is put back in left-to-right order (see :func:`in_reading_order`).
FALLBACK_GLYPH = re.compile("[\u2190-\u2bff\U0001f000-\U0001faff]")
# A glyph this far (in font sizes) left of the one before it was drawn out of reading order.
_BACKWARDS = 0.5


# A path at most this thick (points) is a ruling line, not a cell; a page with more ruling
# lines than MAX_RULINGS is a drawing, not a table.
RULE_WIDTH = 3.0
MAX_RULINGS = 400


@dataclass(slots=True)
class Line:
    """One physical line of text as an engine sees it."""

    text: str
    page: int
    x0: float
    top: float
    """Baseline, in points from the top of the page."""
    x1: float
    size: float
    bold: bool
    right: float | None = None
    """Where full lines of this line's text column end, when the page sets text in columns
    (see :func:`mark_columns`); None: the page's right margin."""
    column_top: bool = False
    """The first line of a text column to the right of another (a paragraph may go on there)."""


@dataclass(slots=True)
class Rect:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, x: float, y: float, pad: float = 0.0) -> bool:
        return self.x0 - pad <= x <= self.x1 + pad and self.top - pad <= y <= self.bottom + pad


@dataclass(slots=True)
class TableCell:
    row: int
    col: int
    rect: Rect
    text: str = ""
    parts: list[str] = field(default_factory=list)
    """The cell's physical lines as an engine read them; joined into ``text`` by
    :func:`build_document`, which knows whether the document is auto-hyphenated."""
    cut: set[int] = field(default_factory=set)
    """Indexes of the lines of ``parts`` that end inside a word broken without a hyphen."""


@dataclass(slots=True)
class Table:
    """A ruled table: cells drawn as rectangles that touch each other."""

    rect: Rect
    cells: list[TableCell]


@dataclass(slots=True)
class PageContent:
    """What an engine found on one page (1-based ``number``)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: list[PageLink] = field(default_factory=list)
    boxes: list[Rect] = field(default_factory=list)
    """Frames drawn around text (a text box, a sidebar): their lines stay body text."""


@dataclass(slots=True)
class _Box:
    """A frame's lines, read as a unit where the frame stands."""

    rect: Rect
    lines: list[Line]


@dataclass(slots=True)
class PageLink:
    """A link annotation: where it is on the page, its target ("mailto:...", a URL) and the
    text under it."""

    rect: Rect
    target: str
    text: str

    def centre(self) -> tuple[float, float]:
        return (self.rect.x0 + self.rect.x1) / 2, (self.rect.top + self.rect.bottom) / 2


def is_bold_font(name: str) -> bool:
    """Bold judged from the font's name ("ABCDEF+DejaVuSans-Bold", "Arial,Bold")."""
    return _BOLD_NAME.search(name) is not None


# ----------------------------------------------------------------------------- input checks


def check_pdf_bytes(data: bytes) -> None:
    """Reject what is not a complete PDF before an engine sees it."""
    if not data.startswith(b"%PDF-"):
        raise IngestError("corrupt PDF: the file does not start with '%PDF-'")
    # Every complete PDF ends with %%EOF (some writers add a little padding after it).
    if data.rfind(b"%%EOF", max(0, len(data) - 8192)) == -1:
        raise IngestError("corrupt PDF: truncated, the file ends before its %%EOF end marker")


# ----------------------------------------------------------------------------- tables


def find_tables(rects: list[Rect], page_width: float, page_height: float) -> list[Table]:
    """The page's ruled tables (see :func:`find_tables_and_boxes`)."""
    return find_tables_and_boxes(rects, page_width, page_height)[0]


def find_tables_and_boxes(
    rects: list[Rect], page_width: float, page_height: float
) -> tuple[list[Table], list[Rect]]:
    """The page's ruled tables and its frames around text, from the bounding boxes of its path
    objects. A frame is one rectangle, or a fill and an outline drawn over one another (a text
    box, a shaded cell or sidebar): one cell only, no table.

    Two ways of drawing a table are understood: a rectangle per cell (cells that touch form a
    table, as reportlab and fpdf draw them) and a grid of ruling lines, one thin path per
    border (as Word and LibreOffice export them)."""
    cells: list[Rect] = []
    rulings: list[Rect] = []
    seen: set[tuple[int, int, int, int]] = set()
    for r in rects:
        width, height = r.x1 - r.x0, r.bottom - r.top
        if (width <= RULE_WIDTH and height >= 6) or (height <= RULE_WIDTH and width >= 8):
            rulings.append(r)
        elif 8 <= width < page_width * 0.95 and 6 <= height < page_height * 0.9:
            key = (round(r.x0), round(r.top), round(r.x1), round(r.bottom))
            if key not in seen:  # a cell's fill and its outline, or a fill drawn twice
                seen.add(key)
                cells.append(r)
    groups = _touching_groups(cells)
    tables = [_grid(group) for group in groups if len(group) >= 2]
    if 3 <= len(rulings) <= MAX_RULINGS:
        ruled = [t for group in _touching_groups(rulings, 2.0) if (t := _ruled_table(group)) is not None]
        if ruled:
            # A ruled grid with shaded cells (a header row's fill) is one table: the grid. Rules
            # inside a table drawn as cell rectangles (underlines) are none.
            kept = [t for t in tables if not any(_inside(t.rect, r.rect) for r in ruled)]
            ruled = [r for r in ruled if not any(_inside(r.rect, t.rect) for t in kept)]
            tables = sorted(kept + ruled, key=lambda t: t.rect.top)
    grids = [t for t in tables if not _one_cell(t)]
    frames = [t.rect for t in tables if _one_cell(t)] + [group[0] for group in groups if len(group) == 1]
    return grids, [box for box in frames if not any(_inside(box, g.rect) for g in grids)]


def _one_cell(table: Table) -> bool:
    return len({(cell.row, cell.col) for cell in table.cells}) == 1


def _inside(inner: Rect, outer: Rect, tol: float = 2.0) -> bool:
    return outer.holds(inner.x0, inner.top, tol) and outer.holds(inner.x1, inner.bottom, tol)


def _touching_groups(rects: list[Rect], tol: float = 1.5) -> list[list[Rect]]:
    parent = list(range(len(rects)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rects):
        for j in range(i + 1, len(rects)):
            b = rects[j]
            if (
                a.x0 - tol <= b.x1
                and b.x0 - tol <= a.x1
                and a.top - tol <= b.bottom
                and b.top - tol <= a.bottom
            ):
                parent[root(j)] = root(i)
    groups: dict[int, list[Rect]] = {}
    for i, rect in enumerate(rects):
        groups.setdefault(root(i), []).append(rect)
    return sorted(groups.values(), key=lambda g: min(r.top for r in g))


def _grid(rects: list[Rect]) -> Table:
    rows = _positions([r.top for r in rects])
    cols = _positions([r.x0 for r in rects])
    cells = sorted(
        (TableCell(_index(rows, r.top), _index(cols, r.x0), r) for r in rects), key=lambda c: (c.row, c.col)
    )
    box = Rect(
        min(r.x0 for r in rects),
        min(r.top for r in rects),
        max(r.x1 for r in rects),
        max(r.bottom for r in rects),
    )
    return Table(box, cells)


def _ruled_table(rulings: list[Rect]) -> Table | None:
    """The table a group of touching ruling lines draws, or None when they draw no grid.

    The grid's columns lie between the vertical rules (and the ends of the horizontal ones), its
    rows between the horizontal rules; two neighbouring grid units are one cell where no rule
    separates them (merged cells)."""
    across = [r for r in rulings if r.x1 - r.x0 > r.bottom - r.top]
    down = [r for r in rulings if r.x1 - r.x0 <= r.bottom - r.top]
    if len(across) < 2 or not down:
        return None
    ys = _positions(
        [(r.top + r.bottom) / 2 for r in across] + [min(r.top for r in down), max(r.bottom for r in down)]
    )
    xs = _positions(
        [(r.x0 + r.x1) / 2 for r in down] + [min(r.x0 for r in across), max(r.x1 for r in across)]
    )
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows < 1 or cols < 1 or rows * cols < 2 or rows * cols > 2500:
        return None
    parent = list(range(rows * cols))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(rows):
        mid_y = (ys[i] + ys[i + 1]) / 2
        for j in range(cols):
            mid_x = (xs[j] + xs[j + 1]) / 2
            if j + 1 < cols and not _ruled(down, xs[j + 1], mid_y, vertical=True):
                parent[root(i * cols + j + 1)] = root(i * cols + j)
            if i + 1 < rows and not _ruled(across, ys[i + 1], mid_x, vertical=False):
                parent[root((i + 1) * cols + j)] = root(i * cols + j)
    spans: dict[int, list[int]] = {}
    for unit in range(rows * cols):
        spans.setdefault(root(unit), []).append(unit)
    if len(spans) < 2:
        return None  # a frame around text, not a table
    cells = []
    for units in spans.values():
        r0, r1 = min(u // cols for u in units), max(u // cols for u in units)
        c0, c1 = min(u % cols for u in units), max(u % cols for u in units)
        cells.append(Rect(xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
    return _grid(cells)


def _ruled(rules: list[Rect], at: float, across: float, *, vertical: bool, tol: float = 2.0) -> bool:
    """Whether one of ``rules`` lies at ``at`` (x for a vertical rule, y for a horizontal one)
    and covers the point ``across`` along its length."""
    for r in rules:
        if vertical:
            if abs((r.x0 + r.x1) / 2 - at) <= tol and r.top - tol <= across <= r.bottom + tol:
                return True
        elif abs((r.top + r.bottom) / 2 - at) <= tol and r.x0 - tol <= across <= r.x1 + tol:
            return True
    return False


def _positions(values: list[float], tol: float = 2.0) -> list[float]:
    distinct: list[float] = []
    for value in sorted(values):
        if not distinct or value - distinct[-1] > tol:
            distinct.append(value)
    return distinct


def _index(positions: list[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


# ----------------------------------------------------------------------------- line joining


def out_of_order(xs: list[float], size: float) -> bool:
    """Whether a line's glyphs, at these left edges in content order, jump back (a run drawn
    after the text it stands in)."""
    return any(b < a - _BACKWARDS * size for a, b in pairwise(xs))


def in_reading_order(glyphs: list[tuple[float, float, str]], size: float, gap: float) -> str:
    """One line's text from its glyphs ``(x0, x1, char)`` put left to right: a space stands
    where the line has one or where two glyphs are more than ``gap`` font sizes apart (the room
    left for a glyph drawn in another run), as pdfplumber's reader joins a line."""
    parts: list[str] = []
    right: float | None = None
    for x0, x1, char in sorted(glyphs, key=lambda g: g[0]):
        if right is not None and x0 - right > gap * size:
            parts.append(" ")
        parts.append(char)
        right = x1
    return " ".join("".join(parts).split())


def join_lines(parts: list[str], cut: set[int] | None = None, *, hyphenated: bool = False) -> str:
    """Join the lines of one block, rejoining words hyphenated at a line end; a line whose
    index is in ``cut`` ends inside a word that was broken without a hyphen. ``hyphenated``:
    the document is auto-hyphenated (see :func:`join_two`)."""
    text = ""
    for i, part in enumerate(parts):
        if not text:
            text = part
        elif cut and i - 1 in cut:
            text += part.lstrip()
        else:
            text = join_two(text, part, hyphenated=hyphenated)
    return text


# A word that does not fit the width of a table cell is broken where the width runs out, without
# a hyphen (Word and LibreOffice do this to long words and email addresses in narrow columns).
_WORD_END = frozenset(",;:!?)]}»”’\"'-\u00ad")


def may_cut_word(left: str, right: str) -> bool:
    """Text test for a word broken without a hyphen between two lines of a cell: a line of one
    word that ends in no punctuation, before a line going on in lower case or digits."""
    return (
        bool(left)
        and bool(right)
        and " " not in left
        and left[-1] not in _WORD_END
        and (right[0].islower() or right[0].isdigit())
    )


def cut_word(left: str, x0: float, x1: float, cell: Rect) -> bool:
    """Whether the one-word line ``left`` (drawn from ``x0`` to ``x1``) fills its cell up to the
    right padding, so its word went on on the next line. The padding is taken to be the same on
    both sides; a line that does not start at the left padding is centred or right-aligned."""
    pad = x0 - cell.x0
    if pad < 0 or pad > 0.2 * (cell.x1 - cell.x0):
        return False
    char = (x1 - x0) / max(len(left), 1)
    return cell.x1 - pad - x1 < 1.5 * char


def join_two(left: str, right: str, *, hyphenated: bool = False) -> str:
    """Join two lines: a word split at the line end is made whole, a real hyphen kept.

    A hyphen inside an email or web address is real unless the document is ``hyphenated``
    (LibreOffice's automatic hyphenation breaks addresses too: "s.vandijk@pro-" + "demos.nl");
    one right after its "@" or a dot never is."""
    right = right.lstrip()
    if not right:
        return left
    if left.endswith("\u00ad"):  # a soft hyphen only ever marks a break
        return left[:-1] + right
    if len(left) >= 3 and left.endswith("-") and left[-2] in "@." and _address(left, right):
        return left[:-1] + right  # "anna.dewit@-" + "minbzk.nl"
    if len(left) < 2 or not left.endswith("-") or not left[-2].isalnum():
        return f"{left} {right}"
    first = right.split(None, 1)[0]
    if first.rstrip(",.;:").lower() in _CONJUNCTIONS:
        return f"{left} {right}"  # "wijk-" + "of dorpsbudgetten"
    if left[-2].islower() and right[0].islower() and not _real_hyphen(left, first, hyphenated):
        if _double_surname(left, right):
            return left + right  # "Mulder-" + "de Graaf"
        return left[:-1] + right  # "gemeen-" + "ten"
    return left + right  # "Noord-" + "Holland", "06-" + "12345678", "zee-" + "egel"


def _double_surname(left: str, right: str) -> bool:
    """A double surname broken after its hyphen: a capitalised word before the break, a surname
    particle and a capitalised word after it ("Mulder-" + "de Graaf", "Smits-" + "van der Wal").
    "Ver-" + "der gaat het" stays one word: no capital after the particle."""
    if not left.rsplit(None, 1)[-1][:1].isupper():
        return False
    words = right.split(None, 4)
    for size in (3, 2, 1):
        if len(words) > size and " ".join(words[:size]).lower() in _particles() and words[size][:1].isupper():
            return True
    return False


@cache
def _particles() -> frozenset[str]:
    return frozenset(load_list("tussenvoegsels.txt"))


def _address(left: str, right: str) -> bool:
    """Whether the word broken between ``left`` and ``right`` is an email or web address."""
    word = left.rsplit(None, 1)[-1].lower() + right.split(None, 1)[0].lower()
    return "@" in word or "://" in word or word.startswith("www.")


def auto_hyphenated(pairs: list[tuple[str, str]]) -> bool:
    """Whether a document's line breaks come from automatic hyphenation: at several breaks
    (``pairs`` of consecutive lines) a word is hyphenated between two lower-case letters where
    no hyphen belongs (not a compound's own hyphen, not inside an address)."""
    count = 0
    for left, right in pairs:
        if len(left) >= 2 and left[-1] in "-\u00ad" and left[-2].islower() and right[:1].islower():
            first = right.split(None, 1)[0]
            if not _real_hyphen(left, first) and first.rstrip(",.;:").lower() not in _CONJUNCTIONS:
                count += 1
                if count >= 3:
                    return True
    return False


def _real_hyphen(left: str, first: str, hyphenated: bool = False) -> bool:
    """A hyphen Dutch spelling needs: between two vowels that would merge ("zee-egel",
    "auto-ongeluk"), or in a chain of them ("jongerenraad-" + "in-een-dag"); and any hyphen in
    an email or web address, which a line may break after ("a.grootenhuis@vdg-" + "drenthe.nl"),
    unless automatic hyphenation put it there."""
    if _address(left, first):
        return not hyphenated
    return (left[-2] + first[0]).lower() in _VOWEL_PAIRS or "-" in first


# ----------------------------------------------------------------------------- the document


@dataclass(slots=True)
class _Metrics:
    """Document-wide measures the grouping rules compare against."""

    body_size: float
    pitch: float
    """Usual distance between two baselines of body text, relative to the font size."""
    right: float
    """The right margin: where full lines of body text end."""
    width: float
    """The width of a full line."""


@dataclass(slots=True)
class _Group:
    """Lines on their way to becoming one block (or a table)."""

    lines: list[Line] = field(default_factory=list)
    table: Table | None = None
    page: int = 0
    body_x: float | None = None
    marker: bool = False
    continued: bool = False
    """A table that goes on from the end of the previous page (its rows are numbered on)."""


def build_document(pages: list[PageContent], warnings: list[str] | None = None) -> Document:
    """The :class:`Document` for the lines and tables an engine found."""
    if not any(p.lines or p.tables for p in pages):
        raise IngestError("no text layer: scanned PDF, needs OCR")
    builder = DocumentBuilder("pdf")
    builder.warnings.extend(warnings or [])
    empty = [p.number for p in pages if not p.lines and not p.tables]
    if empty:
        builder.warnings.append(f"pages without a text layer (scanned?): {empty}")
    for page in pages:
        # Table text is read per cell; the engine's line view of it must not count as body text.
        if page.tables:
            page.lines = [ln for ln in page.lines if not _in_table(ln, page.tables)]
    body = _body_size([ln for p in pages for ln in p.lines])
    remove_running_lines(pages, body)
    remove_toc_entries(pages)
    metrics = _measure(pages, body)
    columns = [column for page in pages for column in mark_columns(page, metrics)]
    for page in pages:
        _mark_column_page(page, columns, metrics)
    boxes = {page.number: _take_boxed_lines(page) for page in pages}
    cells = [cell for p in pages for t in p.tables for cell in t.cells if cell.parts]
    pairs = [(a.text, b.text) for p in pages for a, b in zip(p.lines, p.lines[1:], strict=False)]
    pairs += [pair for cell in cells for pair in zip(cell.parts, cell.parts[1:], strict=False)]
    hyphenated = auto_hyphenated(pairs)
    for cell in cells:
        cell.text = join_lines(cell.parts, cell.cut, hyphenated=hyphenated)
    links = {p.number: p.links for p in pages if p.links}
    table_index, rows = -1, 0
    header: list[str] = []
    groups = _groups(pages, metrics, boxes)
    _join_rows_broken_by_pages(groups, hyphenated)
    for group in groups:
        if group.table is None and not group.lines:  # a row's rest, joined to the row above
            continue
        if group.table is not None:
            table = group.table
            if not group.continued:
                table_index, rows = table_index + 1, 0
                header = _row_texts(table, 0)
            elif header and _row_texts(table, 0) == header:
                table = _without_first_row(table)  # the header row repeated on the next page
                if table is None:
                    continue
            rows = _emit_table(builder, table, group.page, table_index, rows, links)
        else:
            block = _emit_text(builder, group, metrics, hyphenated)
            if links and block is not None:
                _add_links(
                    builder, block, links, lambda p, x, y, lines=group.lines: _on_lines(lines, p, x, y)
                )
    if not builder.blocks:  # only page numbers or a running line: a scan with a stamped number
        raise IngestError("no text layer: scanned PDF, needs OCR")
    return builder.build(pages=len(pages))


def remove_running_lines(pages: list[PageContent], body_size: float | None = None) -> None:
    """Drop headers, footers and page numbers: what repeats in the page margins."""
    in_band = [[ln for ln in p.lines if _in_band(ln, p.height)] for p in pages]
    seen: Counter[str] = Counter()
    for lines in in_band:
        seen.update({_running_key(ln.text) for ln in lines})
    with_text = sum(1 for p in pages if p.lines)
    repeated = {key for key, n in seen.items() if n >= 2 and n >= with_text / 2}
    body = body_size or _body_size([ln for p in pages for ln in p.lines])
    for page, lines in zip(pages, in_band, strict=True):
        drop = {id(ln) for ln in lines if _is_running(ln, repeated, body, with_text)}
        if drop:
            page.lines = [ln for ln in page.lines if id(ln) not in drop]


# An entry of a table of contents: a heading's words, a dotted (or dashed) leader and the page
# number ("3.1 Werkplaats A: Vastgoed ........ 3").
TOC_ENTRY = re.compile(r"\S.*?(?:\s*[.…·_]){4,}\s*\d{1,4}$")


def remove_toc_entries(pages: list[PageContent]) -> None:
    """Drop the lines of a table of contents: a copy of the headings with page numbers, which
    would otherwise read as headings or sessions of their own before the real ones."""
    for page in pages:
        entries = [ln for ln in page.lines if ln.text[-1:].isdigit() and TOC_ENTRY.match(ln.text)]
        if entries:
            page.lines = [ln for ln in page.lines if ln not in entries]


def _in_band(line: Line, height: float) -> bool:
    return line.top < height * MARGIN_BAND or line.top > height * (1 - MARGIN_BAND)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _is_running(line: Line, repeated: set[str], body: float, pages_with_text: int) -> bool:
    if PAGE_NUMBER.match(line.text.strip()):
        return True
    if _running_key(line.text) in repeated:
        return True
    # One page gives no repetition to go by: a smaller font in the margin is a header/footer.
    return pages_with_text == 1 and line.size < body * 0.9


def _body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _measure(pages: list[PageContent], body: float) -> _Metrics:
    pitches: list[float] = []
    rights: list[float] = []
    lefts: list[float] = []
    for page in pages:
        previous: Line | None = None
        for line in page.lines:
            if abs(line.size - body) <= 0.5:
                rights.append(line.x1)
                lefts.append(line.x0)
                if previous is not None and 0.8 * body < line.top - previous.top < 2.5 * body:
                    pitches.append((line.top - previous.top) / body)
                previous = line
            else:
                previous = None
    # The lower quartile, not the median: where paragraphs are set apart by space (Word's and
    # LibreOffice's "spacing after") and most are one or two lines long, half the steps from
    # one line to the next are paragraph gaps.
    pitches.sort()
    pitch = pitches[len(pitches) // 4] if pitches else 1.3
    rights.sort()
    right = rights[int(len(rights) * 0.9)] if len(rights) >= 5 else max(rights, default=0.0)
    width = right - min(lefts, default=0.0)
    return _Metrics(body, pitch, right, max(width, 1.0))


# ----------------------------------------------------------------------------- text columns

# A text column's left edge is where at least this many lines start, right of a quarter of the
# line width (a list's hanging indent or a quote's indent is nearer the margin).
_COLUMN_LINES = 3


def mark_columns(page: PageContent, m: _Metrics) -> list[tuple[float, float]]:
    """Mark the lines of text set in columns side by side (a newsletter's two columns, the two
    cells of a borderless layout table) with their own column's right edge, and the first line
    of the column on the right; returns the columns found, as (left, right). Measured against
    the page's margin, every line of a narrow column would end "short" and be a paragraph of
    its own."""
    lines = page.lines
    if len(lines) < 2 * _COLUMN_LINES:
        return []
    margin = min(ln.x0 for ln in lines)
    starts = Counter(round(ln.x0) for ln in lines)
    edges = sorted(x for x, n in starts.items() if n >= _COLUMN_LINES and x > margin + m.width * 0.25)
    return [
        column
        for edge in edges
        for band in _column_bands(lines, edge)
        for column in _mark_band(lines, edge, band, m)
    ]


def _mark_column_page(page: PageContent, columns: list[tuple[float, float]], m: _Metrics) -> None:
    """A page whose text all lies in one column found on another page (the last page of a
    two-column section, holding only what the first column could not) is set in that column."""
    lines = page.lines
    if not lines or any(ln.right is not None for ln in lines):
        return
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    for x0, x1 in columns:
        if abs(left - x0) <= 2 and right <= x1 + 2 and x1 < m.right - m.width * 0.2:
            for line in lines:
                line.right = x1
            return


def _column_bands(lines: list[Line], edge: float) -> list[tuple[float, float]]:
    """The vertical spans where lines start at ``edge`` beside lines left of it, each bounded
    by the lines that cross the gutter (full-width text above and below the columns)."""
    at_edge = sorted(ln.top for ln in lines if abs(ln.x0 - edge) <= 2)
    crossing = sorted(ln.top for ln in lines if ln.x0 < edge - 2 and ln.x1 > edge - 4)
    bands: list[tuple[float, float]] = []
    for top in at_edge:
        before, after = bisect_left(crossing, top), bisect_right(crossing, top)
        above = crossing[before - 1] if before else float("-inf")
        below = crossing[after] if after < len(crossing) else float("inf")
        if not bands or bands[-1] != (above, below):
            bands.append((above, below))
    return bands


def _mark_band(
    lines: list[Line], edge: float, band: tuple[float, float], m: _Metrics
) -> list[tuple[float, float]]:
    inside = [ln for ln in lines if band[0] < ln.top < band[1]]
    left = [ln for ln in inside if ln.x1 < edge - 4]
    right = [ln for ln in inside if ln.x0 >= edge - 2]
    if len(left) < 2 or sum(1 for ln in right if abs(ln.x0 - edge) <= 2) < 2:
        return []  # an indented block beside nothing, or a lone line: no columns
    columns = []
    for column in (left, right):
        body = [ln.x1 for ln in column if abs(ln.size - m.body_size) <= 0.5] or [ln.x1 for ln in column]
        for line in column:
            line.right = max(body)
        columns.append((min(ln.x0 for ln in column), max(body)))
    min(right, key=lambda ln: ln.top).column_top = True
    return columns


# ----------------------------------------------------------------------------- grouping


def _groups(pages: list[PageContent], metrics: _Metrics, boxes: dict[int, list[_Box]]) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    bottom = _body_bottom(pages)
    for page in pages:
        # A frame drawn in the middle of a paragraph (a text box a heading wraps around) is read
        # after that paragraph: it waits here until the paragraph ends.
        waiting: list[_Box] = []
        for position, item in enumerate(_page_items(page, boxes.get(page.number, []))):
            if isinstance(item, _Box):
                if current is None:
                    groups += _box_groups(item, metrics)
                else:
                    waiting.append(item)
                continue
            if isinstance(item, Table):
                groups += [g for box in waiting for g in _box_groups(box, metrics)]
                current, waiting = None, []
                previous = groups[-1].table if groups else None
                continued = (
                    position == 0
                    and previous is not None
                    and _columns(previous) == _columns(item)
                    and _broken_by_page(previous, item, page, bottom)
                )
                groups.append(_Group(table=item, page=page.number, continued=continued))
                continue
            across = waiting[-1].rect if waiting else None
            if current is not None and _continues(current, item, metrics, across):
                _add_line(current, item)
                continue
            if current is None or not _is_heading_group(current, metrics):  # a heading keeps its text
                groups += [g for box in waiting for g in _box_groups(box, metrics)]
                waiting = []
            current = _Group([item], page=page.number, marker=LIST_MARKER.match(item.text) is not None)
            groups.append(current)
        groups += [g for box in waiting for g in _box_groups(box, metrics)]
    return groups


# Points of room under a table that a row's padding and rounding may leave unused.
_ROW_SLACK = 6.0


def _body_bottom(pages: list[PageContent]) -> float:
    """The lowest point body text or a table reaches on any page (running lines are gone)."""
    tables = (t.rect.bottom for p in pages for t in p.tables)
    return max((*tables, *(ln.top for p in pages for ln in p.lines)), default=0.0)


def _broken_by_page(previous: Table, item: Table, page: PageContent, bottom: float) -> bool:
    """Whether a table at the top of a page goes on from ``previous``: a table breaks to the next
    page only where its next row did not fit, so the room left under ``previous`` is less than
    that row (the first or, under a repeated header, the second). The body ends at the lowest
    point any page reaches, or as far above the page's foot as the table starts below its head
    (margins alike). A form of one table a page ends higher up."""
    rows = [[c.rect for c in item.cells if c.row == row] for row in (0, 1)]
    heights = [max(r.bottom for r in cells) - min(r.top for r in cells) for cells in rows if cells]
    room = max(bottom, page.height - item.rect.top) - previous.rect.bottom
    return room < max(heights, default=0.0) + _ROW_SLACK


def _is_heading_group(group: _Group, m: _Metrics) -> bool:
    first = group.lines[0]
    return _is_heading_size(first, m) or (first.bold and len(group.lines) <= 2)


def _box_groups(box: _Box, metrics: _Metrics) -> list[_Group]:
    """A frame's lines grouped as body text of their own: nothing outside the frame joins them."""
    groups: list[_Group] = []
    for line in box.lines:
        if groups and _continues(groups[-1], line, metrics):
            _add_line(groups[-1], line)
        else:
            groups.append(_Group([line], page=line.page, marker=LIST_MARKER.match(line.text) is not None))
    return groups


def _page_items(page: PageContent, boxes: list[_Box]) -> list[Line | Table | _Box]:
    """The page's lines in reading (content) order, each table and frame placed where it starts."""
    items: list[Line | Table | _Box] = []
    placed: list[Table | _Box] = sorted([*page.tables, *boxes], key=lambda t: t.rect.top)
    for line in page.lines:
        while placed and placed[0].rect.top < line.top:
            items.append(placed.pop(0))
        items.append(line)
    items.extend(placed)
    return items


def _take_boxed_lines(page: PageContent) -> list[_Box]:
    """Take the lines inside each frame off the page's lines. They are measured against the
    frame: a frame's full line ends at its right edge less the padding its lines start after."""
    boxes: list[_Box] = []
    for rect in page.boxes:
        inside = [ln for ln in page.lines if rect.holds(ln.x0 + 1, ln.top - 1)]
        if len(inside) < 2:
            continue  # a highlight behind a line or a word: part of the text around it
        right = rect.x1 - (min(ln.x0 for ln in inside) - rect.x0)
        for line in inside:
            line.right = right
        boxes.append(_Box(rect, inside))
        page.lines = [ln for ln in page.lines if not rect.holds(ln.x0 + 1, ln.top - 1)]
    return boxes


def _in_table(line: Line, tables: list[Table]) -> bool:
    return any(t.rect.holds(line.x0 + 1, line.top - 1) for t in tables)


def _add_line(group: _Group, line: Line) -> None:
    if group.body_x is None or line.column_top:  # a new column sets the indent of what follows
        group.body_x = line.x0
    group.lines.append(line)


def _continues(group: _Group, line: Line, m: _Metrics, across: Rect | None = None) -> bool:
    """Whether ``line`` goes on with the block ``group`` is building (``across``: a frame
    drawn between the block's last line and ``line``)."""
    last = group.lines[-1]
    if abs(line.size - last.size) > 0.3 or line.bold != last.bold:
        return False
    if line.page != last.page:
        return _continues_on_next_page(group, line, m)
    if across is not None and last.top < across.top and across.bottom < line.top:
        if across.top - last.top > 2 * line.size or line.top - across.bottom > 2 * line.size:
            return False  # a gap besides the frame between the two lines
    elif not 0 < line.top - last.top <= m.pitch * line.size * 1.15:
        # A vertical gap, or back up: to a new column, where the paragraph may go on.
        return line.top < last.top and _continues_in_next_column(group, line, m)
    if not _same_indent(group, line):
        return False
    marker = LIST_MARKER.match(line.text) is not None
    if marker and group.body_x is None and not _runs_on(group, line, m):
        return False  # a list marker after a first line starts a new item
    if _hyphenated(last):
        return True
    if _is_heading_size(line, m):
        return not marker
    # A marker-like start ("- en", "3. ") at the block's own indent after a full line is just
    # wrapped text; otherwise a short line ends the paragraph.
    return not _ends_short(last, line, m)


def _continues_on_next_page(group: _Group, line: Line, m: _Metrics) -> bool:
    """A paragraph goes on at the top of the next page only when it clearly does."""
    if _is_heading_size(line, m) or line.bold or LIST_MARKER.match(line.text):
        return False
    if not _same_indent(group, line):
        return False
    # Only a lower-case start or a word hyphenated at the page end is clear enough: a full last
    # line followed by a capital is as often a one-line paragraph followed by the next one.
    return line.text[:1].islower() or _hyphenated(group.lines[-1])


def _continues_in_next_column(group: _Group, line: Line, m: _Metrics) -> bool:
    """A paragraph runs on from the foot of one text column to the top of the next when its
    line there is full and stops mid-sentence ("..., zei raadslid Femke ter Haar uit" /
    "Hengelo. ..."): unlike at a page break, the column's next line is right beside it."""
    last = group.lines[-1]
    if not line.column_top or line.x0 <= last.x1 or LIST_MARKER.match(line.text) or _is_heading_size(line, m):
        return False
    mid_sentence = last.text[-1:] in _MID_SENTENCE_ENDS or _hyphenated(last)
    return mid_sentence and not _ends_short(last, line, m)


def _runs_on(group: _Group, line: Line, m: _Metrics) -> bool:
    """A paragraph's full first line that stops mid-sentence goes on in the next line even when
    that one opens like a list item: "Het programma biedt: a) een stappenplan ... met inwoners,"
    / "b) twee dagdelen ..." is one sentence that the line happened to wrap before "b)"."""
    last = group.lines[0]
    return not group.marker and last.text[-1:] in _MID_SENTENCE_ENDS and not _ends_short(last, line, m)


# What a line ends with when its sentence goes on: a comma or a word (not ":" or "." and the like).
_MID_SENTENCE_ENDS = frozenset(",abcdefghijklmnopqrstuvwxyzàáäèéëïíóöúü")


def _hyphenated(line: Line) -> bool:
    return line.text.endswith(("-", "\u00ad")) and line.text[-2:-1].isalnum()


def _same_indent(group: _Group, line: Line) -> bool:
    first = group.lines[0]
    if group.body_x is not None:
        return abs(line.x0 - group.body_x) <= 2 or _centred(group.lines[-1], line)
    if abs(line.x0 - first.x0) <= 2 or _centred(first, line):
        return True
    if group.marker:
        return line.x0 > first.x0 + 2  # hanging indent under a list marker
    return line.x0 < first.x0 - 2 and first.x0 - line.x0 <= 40  # first-line indent


def _centred(a: Line, b: Line) -> bool:
    return abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 4 and abs(a.x0 - b.x0) > 2


def _ends_short(last: Line, line: Line, m: _Metrics) -> bool:
    """``last`` ends well before the margin (its column's, in text set in columns) although the
    next line's first word would fit."""
    right = last.right or m.right
    slack = right - last.x1
    char = (last.x1 - last.x0) / max(len(last.text), 1)
    word = len(line.text.split(None, 1)[0]) if line.text.strip() else 0
    needed = (word + 1) * char
    width = right - last.x0 if last.right else m.width
    return slack > max(needed * 1.2, width * 0.1)


def _is_heading_size(line: Line, m: _Metrics) -> bool:
    return line.size >= m.body_size * 1.08


# ----------------------------------------------------------------------------- output


def _columns(table: Table) -> int:
    return 1 + max(cell.col for cell in table.cells)


def _emit_table(
    builder: DocumentBuilder,
    table: Table,
    page: int,
    index: int,
    first_row: int,
    links: dict[int, list[PageLink]],
) -> int:
    """Add the table's cells; returns the row number the next part of the table starts at."""
    for cell in table.cells:
        block = builder.add(
            "table_cell", _clean(cell.text), page=page, table=(index, first_row + cell.row, cell.col)
        )
        if block is not None and page in links:
            rect = cell.rect
            _add_links(builder, block, links, lambda p, x, y, rect=rect: p == page and rect.holds(x, y))
    return first_row + 1 + max(cell.row for cell in table.cells)


def _join_rows_broken_by_pages(groups: list[_Group], hyphenated: bool) -> None:
    """A row too tall for the rest of a page goes on at the top of the next (Word and LibreOffice
    let a row break across pages): the next part's first row, its first cell empty under a
    filled one, is the rest of the row above, so its cells are joined to that row's."""
    header: list[str] = []
    for before, group in zip([_Group(), *groups], groups, strict=False):
        if group.table is None:
            continue
        if not group.continued or before.table is None:
            header = _row_texts(group.table, 0)
            continue
        first = 1 if header and _row_texts(group.table, 0) == header else 0
        rest = _row_cells(group.table, first)
        above = _row_cells(before.table, max(c.row for c in before.table.cells))
        if [c.col for c in rest] != [c.col for c in above] or not rest or rest[0].text or not above[0].text:
            continue
        for cell, tail in zip(above, rest, strict=True):
            cell.text = join_two(cell.text, tail.text, hyphenated=hyphenated) if cell.text else tail.text
        group.table = _without_row(group.table, first)


def _row_cells(table: Table, row: int) -> list[TableCell]:
    return sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)


def _without_row(table: Table, row: int) -> Table | None:
    cells = [TableCell(c.row - (c.row > row), c.col, c.rect, c.text) for c in table.cells if c.row != row]
    return Table(table.rect, cells) if cells else None


def _row_texts(table: Table, row: int) -> list[str]:
    return [" ".join(c.text.split()) for c in table.cells if c.row == row]


def _without_first_row(table: Table) -> Table | None:
    cells = [TableCell(c.row - 1, c.col, c.rect, c.text) for c in table.cells if c.row > 0]
    return Table(table.rect, cells) if cells else None


def _add_links(
    builder: DocumentBuilder,
    block: Block,
    links: dict[int, list[PageLink]],
    under: Callable[[int, float, float], bool],
) -> None:
    """Record each link whose centre lies on ``block`` (``under(page, x, y)``), once."""
    for page, on_page in links.items():
        for link in list(on_page):
            if under(page, *link.centre()):
                builder.add_link(block, _clean(" ".join(link.text.split())), link.target)
                on_page.remove(link)


def _on_lines(lines: list[Line], page: int, x: float, y: float) -> bool:
    """Whether (x, y) on ``page`` lies on one of the lines (between its ascent and descent)."""
    return any(
        ln.page == page and ln.x0 - 2 <= x <= ln.x1 + 2 and ln.top - ln.size <= y <= ln.top + ln.size * 0.4
        for ln in lines
    )


def _emit_text(builder: DocumentBuilder, group: _Group, m: _Metrics, hyphenated: bool) -> Block | None:
    text = _clean(join_lines([ln.text for ln in group.lines], hyphenated=hyphenated))
    first = group.lines[0]
    kind: BlockKind = "paragraph"
    level: int | None = None
    if _is_heading_size(first, m) or (first.bold and _short_block(group, text)):
        kind, level = "heading", _heading_level(first.size / m.body_size)
    match = LIST_MARKER.match(text)
    if match:
        if kind == "paragraph":
            kind, level = "list_item", 0
        return builder.add(kind, match["text"], page=group.page, level=level, marker=list_marker(match))
    return builder.add(kind, text, page=group.page, level=level)


def _clean(text: str) -> str:
    """Ligatures spelled out, soft hyphens dropped (checked first: translate is slow)."""
    if _ODD_CHARS.search(text) is None:
        return text
    return text.translate(_LIGATURES).replace("\u00ad", "")


def _short_block(group: _Group, text: str) -> bool:
    return len(group.lines) <= 2 and len(text.split()) <= 20 and not text.endswith(".")


def _heading_level(ratio: float) -> int:
    if ratio >= 1.6:
        return 1
    if ratio >= 1.25:
        return 2
    if ratio >= 1.08:
        return 3
    return 4
