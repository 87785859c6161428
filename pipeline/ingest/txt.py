"""Plain-text reader: UTF-8 (with or without BOM) or Windows-1252, any line endings.

Each non-empty line becomes a block. A line that starts with a list marker ("1.",
"2)", "•", "-", "*") becomes a list item with the marker split off, so that the later
stages see the same blocks as for a Word list. Whether a line is a heading is not
decided here: plain text carries no such signal, the segmenter judges it from context.
A table drawn in characters (an ASCII grid or a Markdown pipe table) or aligned with tabs
becomes table cells with their (table, row, column), as a Word table does, so a table of
sessions reads alike. A wiki page's markup (``pipeline/ingest/wiki.py``) gives headings, list
items, table cells and quotations as a Word document does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pipeline.ingest import IngestError
from pipeline.ingest.chat import is_chat, read_chat
from pipeline.ingest.mail import is_mail_thread, read_mail_thread
from pipeline.ingest.subtitles import is_subtitles, read_subtitles
from pipeline.ingest.wiki import WikiPage, is_wiki, read_wiki
from pipeline.model import Document, DocumentBuilder

# Bullets as typed, as Word draws them and as PDFs exported from Word carry them: a Symbol or
# Wingdings bullet has no Unicode value and comes out as a private-use character (U+F0B7 ...).
# A degree sign is typed as a bullet too; no degree stands alone at the start of a line.
LIST_MARKER = re.compile(
    r"^\s*(?P<marker>\d{1,3}[.)]|[a-z][.)]|[•●▪◦·■□►▶➢➤✓✔→\-–*°\uf000-\uf8ff])\s+(?P<text>\S.*)$"
)
# Control characters other than tab/newline/carriage return/form feed mark binary data.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode_text(data: bytes) -> str:
    """Decode as UTF-8 (BOM stripped), falling back to Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise IngestError("not a text file: bytes are neither UTF-8 nor Windows-1252") from exc
    sample = text[:4096]
    if sample and len(_BINARY.findall(sample)) > max(2, len(sample) // 100):
        raise IngestError("not a text file: binary content (control bytes) in a .txt file")
    return text


def list_marker(match: re.Match[str]) -> str:
    """The marker of a ``LIST_MARKER`` match, a private-use bullet shown as the "•" it looks like."""
    marker = match["marker"]
    return "\u2022" if "\uf000" <= marker <= "\uf8ff" else marker


# Word's second-level bullet "o" as a text export writes it ("  o een oefenavond"): a list
# marker only in a run of at least two such lines, since "o" alone may open a sentence.
_O_BULLET = re.compile(r"^o\s+(?P<text>\S.*)$")


def _o_bullet_lines(lines: list[str]) -> dict[int, str]:
    """Line number -> item text of the lines in a run of two or more "o " bullets."""
    items = {n: m["text"] for n, line in enumerate(lines) if (m := _O_BULLET.match(line))}
    return {n: t for n, t in items.items() if n - 1 in items or n + 1 in items}


# A table drawn in characters, as pandoc, Markdown or a mail client writes it: rows of cells
# between "|" and rule lines of "+", "-" and "=" ("+----+----+", "+====+") or a Markdown
# separator ("|---|:--:|"). Only a line that starts with "+" or "|" is tested at all.
_TABLE_START = ("+", "|")
_RULE_LINE = re.compile(r"^(?:\+[-=:]+(?:\+[-=:]+)*\+|\|(?:\s*:?-+:?\s*\|)+)$")
_ROW_LINE = re.compile(r"^\|.*\|$")


def _runs(lines: list[str], holds: Callable[[str], object]) -> Iterator[tuple[int, int]]:
    """(first, end) of each run of consecutive lines for which ``holds`` is true."""
    number = 0
    while number < len(lines):
        end = number
        while end < len(lines) and holds(lines[end]):
            end += 1
        if end > number:
            yield number, end
        number = max(end, number + 1)


def _table_runs(lines: list[str]) -> dict[int, int]:
    """First line -> end (exclusive) of each run of rule and row lines with at least one rule
    line and two rows: a lone "| x |" line is no table."""
    runs: dict[int, int] = {}
    for number, end in _runs(lines, _is_table_line):
        rules = sum(1 for line in lines[number:end] if _RULE_LINE.match(line))
        if rules and end - number - rules >= 2:
            runs[number] = end
    return runs


def _is_table_line(line: str) -> bool:
    return line.startswith(_TABLE_START) and bool(_RULE_LINE.match(line) or _ROW_LINE.match(line))


def _table_rows(run: list[str]) -> list[list[str]]:
    """The rows of a table's lines, each a list of cell texts. Between rule lines: when rules
    part every row (a grid table), the lines between two rules are one row whose cells run on
    over several lines; when a rule parts only the header (a Markdown or simple table), each
    line below it is a row."""
    segments: list[list[str]] = [[]]
    for line in run:
        if _RULE_LINE.match(line):
            segments.append([])
        else:
            segments[-1].append(line)
    segments = [s for s in segments if s]
    if len(segments) >= 3:
        return [_merged_cells(s) for s in segments]
    header = [_merged_cells(segments[0])] if len(segments) == 2 else []
    return header + [_cells(line) for line in segments[-1]]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line[1:-1].split("|")]


def _merged_cells(lines: list[str]) -> list[str]:
    """One row written over several lines: each column's pieces joined."""
    columns: list[list[str]] = []
    for line in lines:
        for col, cell in enumerate(_cells(line)):
            if col == len(columns):
                columns.append([])
            columns[col].append(cell)
    return [" ".join(piece for piece in pieces if piece) for pieces in columns]


# A table typed with tabs, as a secretary lines up columns in Notepad or a mail: a run of two or
# more lines of three or more fields. A run of tabs is one separator, since tabs pad a short cell
# to the next column (so an empty cell inside a row cannot be told from padding and is lost; one
# at the end of a row just makes the row shorter). Two fields are no table: that is a label and
# its value ("Plaats:<tab><tab>Deurne") or a bullet ("-<tab>text"), which read as lines already.
_TABS = re.compile(r"\t+")
_MIN_TAB_FIELDS = 3


def _tab_fields(line: str) -> list[str]:
    """The fields of a line between runs of tabs; [] for a line of fewer than three."""
    if line.count("\t") < _MIN_TAB_FIELDS - 1:
        return []
    fields = [field.strip() for field in _TABS.split(line)]
    return fields if len(fields) >= _MIN_TAB_FIELDS and all(fields) else []


def _tab_table_runs(lines: list[str]) -> dict[int, int]:
    """First line -> end (exclusive) of each run of two or more lines of tab fields."""
    return {number: end for number, end in _runs(lines, _tab_fields) if end - number >= 2}


def _add_table(builder: DocumentBuilder, rows: list[list[str]], index: int, page: int) -> None:
    for row, cells in enumerate(rows):
        for col, text in enumerate(cells):
            builder.add("table_cell", text, page=page, table=(index, row, col))


# A reply's quoted mail: every line opens with one ">" per level of quoting ("> ", ">> ", "> > ").
# In a run of three or more such lines with an empty quoted line among them (the blank line of
# the quoted mail, as a mail client writes it) the markers go and the text is read as any text;
# a lone "> “Citaat”" (a Markdown quote) is left to the segmenter.
_QUOTE_MARKERS = re.compile(r"^(?:>[ \t]?)+")
_MIN_QUOTED_RUN = 3


def _unquoted_mail(lines: list[str]) -> list[str]:
    """``lines`` with the quote markers of a reply's quoted mails taken off."""
    if not any(line.startswith(">") for line in lines):
        return lines  # the cheap test first: most texts quote no mail
    result = list(lines)
    for number, end in _runs(lines, lambda line: line.startswith(">")):
        unquoted = [_QUOTE_MARKERS.sub("", line).strip() for line in lines[number:end]]
        if len(unquoted) >= _MIN_QUOTED_RUN and not all(unquoted):
            result[number:end] = unquoted
    return result


def read_txt(data: bytes) -> Document:
    text = decode_text(data)
    builder = DocumentBuilder("txt")
    page = 1
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [raw_line.replace("\f", "").strip() for raw_line in raw_lines]
    # A thread's quoted text is read against its mails; a single mail's is read as text.
    lines = read_mail_thread(lines) if is_mail_thread(lines) else _unquoted_mail(lines)
    if is_chat(lines):
        chat = read_chat(lines)
        wiki = WikiPage(chat.lines, headings=chat.headings)
    elif is_subtitles(lines):
        subtitles = read_subtitles(lines)
        wiki = WikiPage(subtitles.lines, headings=subtitles.headings)
    else:
        wiki = read_wiki(lines) if is_wiki(lines) else WikiPage(lines)
    lines = wiki.lines
    o_bullets = _o_bullet_lines(lines)
    tables = _tables(lines, text) if not wiki.tables else wiki.tables
    table_end = 0
    for number, (raw_line, line) in enumerate(zip(raw_lines, lines, strict=True)):
        # A form feed is a page break in plain text exports.
        page += raw_line.count("\f")
        if number in tables:
            table_end, rows = tables[number]
            _add_table(builder, rows, list(tables).index(number), page)
        if number in wiki.headings:
            level, heading = wiki.headings[number]
            builder.add("heading", heading, page=page, level=level)
        elif number in wiki.items:
            marker, level, item = wiki.items[number]
            builder.add("list_item", item, page=page, marker=marker, level=level)
        if not line or number < table_end:
            continue
        match = LIST_MARKER.match(line)
        if match:
            builder.add("list_item", match["text"], page=page, marker=list_marker(match), level=0)
        elif number in o_bullets:
            builder.add("list_item", o_bullets[number], page=page, marker="o", level=0)
        else:
            builder.add("paragraph", line, page=page)
    if not builder.blocks:
        raise IngestError("no text: the file holds only whitespace")
    return builder.build(pages=page)


def _tables(lines: list[str], text: str) -> dict[int, tuple[int, list[list[str]]]]:
    """First line -> (end, rows) of each table drawn in characters or typed with tabs."""
    tables = {number: (end, _table_rows(lines[number:end])) for number, end in _table_runs(lines).items()}
    if "\t" in text:
        for number, end in _tab_table_runs(lines).items():
            tables[number] = (end, [_tab_fields(line) for line in lines[number:end]])
    return dict(sorted(tables.items()))
