"""Word (.docx) reader: the package's XML parts walked as plain lxml elements.

python-docx's ``Document()`` unpacks and parses every part of the package (theme, fonts,
settings, headers, ...) into its own element classes, and its object layer
(``document.paragraphs``, ``cell.text``) builds a proxy per element and re-resolves styles on
every access. Reading only the parts needed (document, styles, numbering, footnotes, endnotes,
relationships) and walking plain lxml elements is about twice as fast as python-docx's own
open + paragraphs + tables, and gives what the proxies hide: the body order of paragraphs and
tables, hyperlink targets, page breaks. python-docx is still used for its table of Word's
built-in style names. What the reader produces:

- paragraphs and tables in document order (``w:p``, ``w:tbl``, also inside content controls
  ``w:sdt``, ``w:customXml`` and ``w:smartTag``, at block, row, cell and run level);
- headings from the paragraph style (Title, Heading 1..9, or an outline level), with level;
- list items with the number Word shows, computed from numbering.xml: the ``w:numPr`` of the
  paragraph or of its style, the level's format and ``lvlText``, start values, restarts, list
  styles (``w:numStyleLink``), the level linked to a heading style (``w:pStyle`` in a level:
  "1.", "1.1" headings), symbol-font bullets as the character they look like;
- a paragraph whose own text starts with a marker ("1. ", "- ") split as the txt reader does;
  a line break (``w:br``, ``w:cr``: Shift+Enter) in a plain paragraph ends a line as a newline
  does in txt, so "Datum: ..." and "Locatie: ..." typed on lines of one paragraph are blocks
  of their own; a heading, a Word list item and a table cell stay one block;
- one ``table_cell`` block per cell with (table, row, grid column): a merged cell
  (``w:gridSpan``, ``w:vMerge``, legacy ``w:hMerge``) once, ``w:gridBefore`` counted, a header
  row (``w:tblHeader``) once as written, a nested table's text as part of its cell's text;
- hyperlinks (``w:hyperlink`` with ``r:id``, plus its ``w:anchor``; HYPERLINK fields)
  recorded with their target; a link only to a bookmark is read as text;
- fields (``w:fldSimple``, ``w:fldChar`` begin/separate/end): their result, never the
  instruction (nor a nested field's result inside it, as in an IF field);
- ``w:sym`` and text in a symbol font's private-use codes as the Unicode twin (Wingdings ✓,
  Symbol •), ``w:noBreakHyphen`` as "-", ``w:tab``/``w:ptab`` as space, a non-breaking space
  as a space; a soft hyphen (``w:softHyphen``) is not read;
- tracked changes read as accepted: ``w:ins``/``w:moveTo`` read, ``w:del``/``w:moveFrom`` and
  rows deleted (``w:trPr/w:del``) not;
- ``mc:AlternateContent``: the first Choice only (the Fallback when there is no Choice);
  text boxes once, as blocks of their own after their anchor paragraph (inside a cell: part of
  the cell's text);
- footnotes and endnotes: read, as paragraphs right after the block that references them (a
  table: after the table). A note holds what an analyst wants found (a source, a contact, a
  date) and belongs to the passage it annotates; appended after the body it would land in the
  last session. Notes never referenced are not read;
- not read, because Word does not show them as the document's text: comments, page headers
  and footers (separate parts), the placeholder of an empty content control ("Klik of tik om
  tekst in te voeren."), hidden text (``w:vanish``), a table of contents (Word's TOC content
  control, or paragraphs in the "toc 1".."toc 9" styles: a copy of the headings) - pages in
  what is skipped still count.

The main part is found through the package (``_rels/.rels``, else ``[Content_Types].xml``,
else ``word/document.xml``): Office sometimes writes ``word/document2.xml``. Strict OOXML
(Word's "Strict Open XML Document") is read by renaming its namespaces to the transitional
ones; a main part in any other namespace fails with that reason.

Pages: Word stores no page numbers. When Word saved the layout (``w:lastRenderedPageBreak``)
those breaks are counted; otherwise explicit page breaks are; without either, pages are None.

The zip is checked before anything is unpacked: a zip bomb or an oversized main part is
refused from the sizes in the zip directory.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.styles import BabelFish
from lxml import etree

from pipeline.ingest import IngestError
from pipeline.ingest.txt import LIST_MARKER, list_marker
from pipeline.model import Block, BlockKind, Document, DocumentBuilder

MAIN = "word/document.xml"
PACKAGE_RELS, CONTENT_TYPES = "_rels/.rels", "[Content_Types].xml"
# The parts of the main part the reader reads, by the end of their relationship type (the
# same for transitional and strict OOXML).
PARTS = ("/styles", "/numbering", "/footnotes", "/endnotes")
MAX_DOCUMENT_XML = 50 * 1024 * 1024
MAX_OTHER_PART = 20 * 1024 * 1024
# Real document parts compress 5-20x; far more than this is a decompression bomb.
MAX_RATIO = 100
MIN_BOMB_SIZE = 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
# Strict OOXML (ISO 29500 strict, "Strict Open XML Document" in Word's Save As) names the same
# elements in other namespaces; its parts are read with these renamed to the transitional ones.
STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R_ID[1:].split("}")[0].encode()),
)
W_P, W_TBL, W_TR, W_TC, W_SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
W_R = W + "r"
W_T, W_TAB, W_BR, W_CR = W + "t", W + "tab", W + "br", W + "cr"
W_HYPERLINK, W_FLDCHAR, W_INSTR, W_FLDSIMPLE = (
    W + "hyperlink",
    W + "fldChar",
    W + "instrText",
    W + "fldSimple",
)
W_RENDERED_BREAK, W_NOBREAK_HYPHEN = W + "lastRenderedPageBreak", W + "noBreakHyphen"
W_SYM, W_PTAB = W + "sym", W + "ptab"
W_FOOTNOTE_REF, W_ENDNOTE_REF = W + "footnoteReference", W + "endnoteReference"
W_VAL = W + "val"
W_PLACEHOLDER = W + "showingPlcHdr"
W_TXBX = W + "txbxContent"
_RUN_TAGS = (W_T, W_TAB, W_BR, W_CR, W_NOBREAK_HYPHEN, W_RENDERED_BREAK, W_FLDCHAR, W_INSTR, W_SYM)
_RUN_TAGS += (W_PTAB, W_FOOTNOTE_REF, W_ENDNOTE_REF)
# A soft hyphen (w:softHyphen) shows only where Word breaks the line: it is not read.
_RUN_CHARS = {W_TAB: "\t", W_PTAB: "\t", W_CR: "\n", W_NOBREAK_HYPHEN: "-"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.I)
_STYLES_ROOT = re.compile(rb"<w:styles\b[^>]*>")
_PARAGRAPH_STYLE = re.compile(
    rb'<w:style\b[^>]*\bw:type="(?:paragraph|numbering)"[^>]*(?<!/)>.*?</w:style>', re.S
)
_TOC_STYLE = re.compile(r"^toc [1-9]$", re.I)
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.I)


def read_docx(data: bytes) -> Document:
    """Read a .docx (or .docm/.dotx) package into the shared document model."""
    parts = read_parts(data)
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
        root = etree.fromstring(parts["main"], parser)
        styles = paragraph_styles(parts["styles"], parser) if "styles" in parts else None
        numbering = etree.fromstring(parts["numbering"], parser) if "numbering" in parts else None
        notes = {
            kind: etree.fromstring(parts[kind], parser) for kind in ("footnotes", "endnotes") if kind in parts
        }
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"corrupt .docx: broken XML ({exc})") from exc
    body = root.find(W + "body")
    if body is None:
        if root.tag.endswith("}document") and not root.tag.startswith(W):
            namespace = root.tag[1:].split("}")[0]
            raise IngestError(f"not a Word document: {parts['name']} is in an unknown namespace {namespace}")
        raise IngestError(f"not a Word document: {parts['name']} has no w:body")
    try:
        parsed_styles = _Styles(styles)
        reader = _BodyReader(
            parsed_styles, _Numbering(numbering, parsed_styles), parts["links"], _page_mode(body), notes
        )
        return reader.read(body)
    except IngestError:
        raise
    except (ValueError, TypeError, KeyError, IndexError) as exc:  # malformed attributes
        raise IngestError(f"corrupt .docx: unexpected structure ({type(exc).__name__}: {exc})") from exc


def read_parts(data: bytes) -> dict[str, Any]:
    """The XML parts the reader needs, after checking the zip directory that they are safe.

    The main part is the package's officeDocument relationship (``_rels/.rels``; Office may
    call it ``word/document2.xml``), else the part ``[Content_Types].xml`` types as a Word main
    part, else ``word/document.xml``; styles, numbering, footnotes, endnotes and hyperlink
    targets are found through the main part's own relationships. Strict OOXML is renamed to
    the transitional namespaces. python-docx's ``Document()`` would unpack and parse every
    part (theme, fonts, settings, headers, ...): half the time of a read.
    """
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError("not a .docx: an OLE2 file (a legacy .doc, or a password-protected .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = {info.filename: info for info in package.infolist()}

            def read(name: str, limit: int = MAX_OTHER_PART) -> bytes:
                check_part_size(infos[name], limit)
                return package.read(infos[name])

            main = _main_part(infos, read)
            folder, _, stem = main.rpartition("/")
            rels_name = f"{folder}/_rels/{stem}.rels" if folder else f"_rels/{stem}.rels"
            xml = read(main, MAX_DOCUMENT_XML)
            strict = STRICT[0][0] in xml[:16384]  # declared on the root element
            parts: dict[str, Any] = {"name": main, "main": _transitional(xml) if strict else xml}
            targets, parts["links"] = _relationships(read(rels_name) if rels_name in infos else None, folder)
            for key, target in targets.items():
                if target in infos:
                    parts[key] = _transitional(read(target)) if strict else read(target)
            return parts
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
        raise IngestError(f"not a .docx: not a valid zip package ({exc})") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encrypted entries
        raise IngestError(f"not a .docx: a zip package Word does not write ({exc})") from exc


_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(
    rb'\b(Id|Type|Target|TargetMode|PartName|ContentType)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')'
)
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_WORD_MAIN_TYPE = re.compile(
    r"^application/vnd\.(?:openxmlformats-officedocument\.wordprocessingml|ms-word)\.[\w.]*main\+xml$"
)


def _main_part(infos: dict[str, zipfile.ZipInfo], read: Any) -> str:
    """The name of the package's main part (see :func:`read_parts`)."""
    if PACKAGE_RELS in infos:
        for rel in _RELATIONSHIP.findall(read(PACKAGE_RELS)):
            attrs = _attributes(rel)
            if attrs.get("Type", "").endswith("/officeDocument"):
                target = _resolve("", attrs.get("Target", ""))
                if target in infos:
                    return _word_main(target, infos)
    if MAIN not in infos and CONTENT_TYPES in infos:
        for override in _OVERRIDE.findall(read(CONTENT_TYPES)):
            attrs = _attributes(override)
            name = attrs.get("PartName", "").lstrip("/")
            if _WORD_MAIN_TYPE.match(attrs.get("ContentType", "")) and name in infos:
                return name
    if MAIN not in infos:
        kind = "a spreadsheet" if "xl/workbook.xml" in infos else "another kind of zip"
        raise IngestError(f"not a Word document: the zip has no {MAIN} ({kind})")
    return MAIN


def _word_main(target: str, infos: dict[str, zipfile.ZipInfo]) -> str:
    if target.startswith(("xl/", "ppt/")):
        kind = "a spreadsheet" if target.startswith("xl/") else "a presentation"
        raise IngestError(f"not a Word document: the zip has no {MAIN} ({kind})")
    return target


def _attributes(element: bytes) -> dict[str, str]:
    return {
        m[1].decode(): (m[2] if m[2] is not None else m[3]).decode("utf-8", "replace")
        for m in _ATTRIBUTE.finditer(element)
    }


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source part's folder, or absolute."""
    if target.startswith("/"):
        return target[1:]
    path = f"{folder}/{target}" if folder else target
    if "../" not in path and "./" not in path:
        return path
    out: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if out:
                out.pop()
        elif piece not in (".", ""):
            out.append(piece)
    return "/".join(out)


def _relationships(rels: bytes | None, folder: str) -> tuple[dict[str, str], dict[str, str]]:
    """The main part's relationships: ({"styles": part name, ...}, {id: external target})."""
    parts: dict[str, str] = {}
    links: dict[str, str] = {}
    if rels is None:
        return {
            "styles": _resolve(folder, "styles.xml"),
            "numbering": _resolve(folder, "numbering.xml"),
        }, links
    for rel in _RELATIONSHIP.findall(rels):
        attrs = _attributes(rel)
        kind, target = attrs.get("Type", ""), attrs.get("Target", "")
        if attrs.get("TargetMode") == "External":
            links[attrs.get("Id", "")] = html.unescape(target)
            continue
        for suffix in PARTS:
            if kind.endswith(suffix):
                parts.setdefault(suffix[1:], _resolve(folder, html.unescape(target)))
    return parts, links


def _transitional(xml: bytes) -> bytes:
    for strict, transitional in STRICT:
        xml = xml.replace(strict, transitional)
    return xml


def check_part_size(info: zipfile.ZipInfo, limit: int = MAX_OTHER_PART) -> None:
    """Refuse an oversized part or a decompression bomb before unpacking it."""
    if info.file_size > limit:
        raise IngestError(
            f"document too large: {info.filename} unpacks to {info.file_size / 2**20:.0f} MB "
            f"(limit {limit // 2**20} MB)"
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > MIN_BOMB_SIZE and ratio > MAX_RATIO:
        raise IngestError(
            f"zip bomb: {info.filename} would unpack {ratio:.0f}x "
            f"({info.compress_size / 1024:.0f} KB to {info.file_size / 2**20:.0f} MB)"
        )


def paragraph_styles(xml: bytes, parser: Any) -> Any:
    """styles.xml with only its paragraph styles, the only ones the reader looks at.

    Table, character and latent styles are most of the part (python-docx's template writes
    350 KB of them); parsing only the paragraph styles, under the part's own root tag with all
    its namespace declarations, is about 8x faster. Anything unexpected: parse the whole part.
    """
    root = _STYLES_ROOT.search(xml, 0, 4096)
    if root is not None:
        wanted = root[0] + b"".join(_PARAGRAPH_STYLE.findall(xml)) + b"</w:styles>"
        try:
            return etree.fromstring(wanted, parser)
        except etree.XMLSyntaxError:
            pass
    return etree.fromstring(xml, parser)


def _page_mode(body: Any) -> str | None:
    """How pages are counted: Word's saved layout, explicit breaks, or not at all."""
    if body.find(f".//{W_RENDERED_BREAK}") is not None:
        return "rendered"
    if (
        body.find(f".//{W_BR}[@{W}type='page']") is not None
        or body.find(f".//{W}pageBreakBefore") is not None
    ):
        return "explicit"
    return None


# ----------------------------------------------------------------------------- styles


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    num: tuple[int | None, int | None] | None
    outline: int | None
    page_break: bool


class _Styles:
    """Paragraph styles by id, with the properties the reader needs resolved through basedOn."""

    def __init__(self, element: Any) -> None:
        self._styles: dict[str, _Style] = {}
        self._elements: dict[str, Any] = {}
        """Paragraph styles not parsed yet: a template defines dozens, a report uses a few."""
        self._default: str | None = None
        self._cache: dict[str | None, tuple[str | None, int | None, tuple[int, int] | None, bool]] = {}
        self.lists: dict[str, int] = {}
        """numbering style id -> its numId (a list style that abstract lists link to)."""
        if element is None:
            return
        for style in element.iterfind(W + "style"):
            style_id = style.get(W + "styleId")
            if style.get(W + "type") != "paragraph":
                num_pr = _num_pr(style.find(f"{W}pPr/{W}numPr"))
                if style.get(W + "type") == "numbering" and num_pr and num_pr[0] is not None:
                    self.lists[style_id] = num_pr[0]
                continue
            if style.get(W + "default") in ("1", "true"):
                self._default = style_id
            self._elements[style_id] = style

    def resolve(self, style_id: str | None) -> tuple[str | None, int | None, tuple[int, int] | None, bool]:
        """(style name, heading level, (numId, ilvl) of the style, page break before)."""
        style_id = style_id or self._default
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str | None) -> tuple[str | None, int | None, tuple[int, int] | None, bool]:
        chain: list[_Style] = []
        while style_id in self._elements and len(chain) < 20:
            style = self._styles.get(style_id)
            if style is None:
                style = self._styles[style_id] = _parse_style(self._elements[style_id])
            chain.append(style)
            style_id = style.based_on
        if not chain:
            return None, None, None, False
        name = BabelFish.internal2ui(chain[0].name)  # "heading 1" -> "Heading 1", as Word shows it
        level = _name_level(name)
        num_id = next((s.num[0] for s in chain if s.num and s.num[0] is not None), None)
        # No level given: the numbering's own level that names this style decides (-1).
        ilvl = next((s.num[1] for s in chain if s.num and s.num[1] is not None), -1)
        if level is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
            level = outline + 1 if outline is not None and outline < 9 else None
        page_break = any(s.page_break for s in chain)
        return name, level, ((num_id, ilvl) if num_id else None), page_break


def _parse_style(style: Any) -> _Style:
    name_el = style.find(W + "name")
    based = style.find(W + "basedOn")
    ppr = style.find(W + "pPr")
    num = outline = None
    page_break = False
    if ppr is not None:
        num = _num_pr(ppr.find(W + "numPr"))
        outline = _int(ppr.find(W + "outlineLvl"))
        page_break = _on(ppr.find(W + "pageBreakBefore"))
    return _Style(
        name_el.get(W_VAL, "") if name_el is not None else "",
        based.get(W_VAL) if based is not None else None,
        num,
        outline,
        page_break,
    )


def _name_level(name: str) -> int | None:
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(name.strip())
    return int(match[1]) if match else None


def _num_pr(num_pr: Any) -> tuple[int | None, int | None] | None:
    if num_pr is None:
        return None
    return _int(num_pr.find(W + "numId")), _int(num_pr.find(W + "ilvl"))


def _int(element: Any) -> int | None:
    if element is None:
        return None
    try:
        return int(element.get(W_VAL))
    except (TypeError, ValueError):
        return None


def _on(element: Any) -> bool:
    return element is not None and element.get(W_VAL, "true") not in ("0", "false", "off")


# ----------------------------------------------------------------------------- numbering


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    style: str | None = None
    """The paragraph style this level is linked to (w:pStyle): numbered headings."""
    font: str = ""


@dataclass(slots=True)
class _Num:
    abstract: str
    levels: dict[int, _Level] = field(default_factory=dict)
    """Level definitions this instance overrides (w:lvlOverride/w:lvl)."""
    starts: dict[int, int] = field(default_factory=dict)
    """Restarts this instance asks for (w:lvlOverride/w:startOverride)."""


class _Numbering:
    """The numbers Word shows in front of list paragraphs.

    Word keeps one counter per abstract list and level: list instances (w:num) that share an
    abstract definition continue each other's numbering unless an instance restarts it with a
    startOverride, which Word applies the first time the instance is used. An abstract list
    that only links to a list style (w:numStyleLink) is the list that style defines.
    """

    def __init__(self, element: Any, styles: _Styles | None = None) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._definitions: dict[str, Any] = {}
        """Abstract lists not parsed yet: most of those in a template are never used."""
        self._links: dict[str, str] = {}
        self._nums: dict[int, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._restarted: set[tuple[int, int]] = set()
        if element is None:
            return
        for abstract in element.iterfind(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId", "")
            self._definitions[abstract_id] = abstract
            link = abstract.find(W + "numStyleLink")
            if link is not None and styles is not None and link.get(W_VAL) in styles.lists:
                self._links[abstract_id] = str(styles.lists[link.get(W_VAL)])
        for num in element.iterfind(W + "num"):
            self._nums[_int_attr(num, W + "numId")] = _parse_num(num)
        for num in self._nums.values():
            linked = self._links.get(num.abstract)
            if linked is not None and int(linked) in self._nums:
                num.abstract = self._nums[int(linked)].abstract

    def level(self, num_id: int, ilvl: int, style_id: str | None) -> int:
        """The list level of a paragraph; -1 (its style named no level): the level linked to
        the paragraph's style, as Word numbers headings, else the top level."""
        if ilvl >= 0:
            return ilvl
        num = self._nums.get(num_id)
        if num is not None and style_id is not None:
            levels = {**self._levels(num.abstract), **num.levels}
            return next((i for i, lvl in sorted(levels.items()) if lvl.style == style_id), 0)
        return 0

    def marker(self, num_id: int, ilvl: int) -> str | None:
        """The marker of the next paragraph in list ``num_id`` at level ``ilvl`` (and count it)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        level = self._level(num, ilvl)
        counters = self._counters.setdefault(num.abstract, {})
        if ilvl in num.starts and (num_id, ilvl) not in self._restarted:
            self._restarted.add((num_id, ilvl))
            counters[ilvl] = num.starts[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts every level below it
        return self._format(num, level, counters)

    def _level(self, num: _Num, ilvl: int) -> _Level:
        return num.levels.get(ilvl) or self._levels(num.abstract).get(ilvl) or _Level()

    def _levels(self, abstract_id: str) -> dict[int, _Level]:
        levels = self._abstracts.get(abstract_id)
        if levels is None:
            abstract = self._definitions.get(abstract_id)
            levels = self._abstracts[abstract_id] = (
                {int(lvl.get(W + "ilvl", "0")): _parse_level(lvl) for lvl in abstract.iterfind(W + "lvl")}
                if abstract is not None
                else {}
            )
        return levels

    def _format(self, num: _Num, level: _Level, counters: dict[int, int]) -> str | None:
        if level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return _bullet(level.text, level.font)

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            own = self._level(num, at)
            # A level skipped over shows one below its start, as Word does: "1.0.1".
            return _format_number(counters.get(at, own.start - 1), own.fmt)

        text = re.sub(r"%([1-9])", number, level.text).strip()
        return text or None


def _parse_level(lvl: Any) -> _Level:
    start = _int(lvl.find(W + "start"))
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    style = lvl.find(W + "pStyle")
    kind = fmt.get(W_VAL, "decimal") if fmt is not None else "decimal"
    fonts = lvl.find(f"{W}rPr/{W}rFonts") if kind == "bullet" else None
    return _Level(
        start if start is not None else 1,
        kind,
        text.get(W_VAL, "") if text is not None else "",
        style.get(W_VAL) if style is not None else None,
        (fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or "") if fonts is not None else "",
    )


def _parse_num(num: Any) -> _Num:
    abstract = num.find(W + "abstractNumId")
    parsed = _Num(abstract.get(W_VAL, "") if abstract is not None else "")
    for override in num.iterfind(W + "lvlOverride"):
        ilvl = int(override.get(W + "ilvl", "0"))
        start = _int(override.find(W + "startOverride"))
        if start is not None:
            parsed.starts[ilvl] = start
        lvl = override.find(W + "lvl")
        if lvl is not None:
            parsed.levels[ilvl] = _parse_level(lvl)
    return parsed


def _int_attr(element: Any, name: str) -> int:
    try:
        return int(element.get(name, "-1"))
    except ValueError:
        return -1


def _bullet(text: str, font: str = "") -> str:
    """Word's bullet glyph as the character a reader sees."""
    text = text.strip()
    if not text:
        return "•"
    if "\uf000" <= text[0] <= "\uf0ff" or font:
        glyph = _symbol(font, ord(text[0]))
        if glyph:
            return glyph
    if any("\uf000" <= ch <= "\uf8ff" for ch in text):
        return "•"  # other Symbol/Wingdings glyphs live in the private use area
    return {"o": "◦", "§": "▪", "": "•"}.get(text, text[0])


# Glyphs of the symbol fonts Word uses for bullets and ticks, by the font's own code (Word
# writes them as U+F0xx or as the code itself): the Unicode character that looks the same.
_SYMBOLS = {
    "symbol": {
        0xB7: "•",
        0xA8: "♦",
        0xAE: "→",
        0xDE: "⇒",
        0xB3: "≥",
        0xA3: "≤",
        0xB4: "×",
        0xB1: "±",
        0xB0: "°",
    },
    "wingdings": {
        0x9F: "•",
        0xA7: "▪",
        0x6C: "●",
        0x6E: "■",
        0x6F: "□",
        0x71: "□",
        0x75: "◆",
        0x76: "❖",
        0xD8: "➢",
        0xE0: "→",
        0xE8: "→",
        0xFC: "✓",
        0xFB: "✗",
        0xFD: "☒",
        0xFE: "☑",
        0x28: "☎",
        0x2A: "✉",
        0x4A: "☺",
    },
}


def _symbol(font: str, code: int) -> str | None:
    """The character of a Symbol/Wingdings glyph, or None when it has no familiar twin."""
    table = _SYMBOLS.get(font.lower().strip())
    return table.get(code & 0xFF if 0xF000 <= code <= 0xF0FF else code) if table else None


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter past z: 27 -> "aa", 28 -> "bb".
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")]
    numerals += [(40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for number, letters in numerals:
        while value >= number:
            out += letters
            value -= number
    return out or "0"


# ----------------------------------------------------------------------------- the body


@dataclass(slots=True)
class _Paragraph:
    """One paragraph's text, links and page as read from its runs."""

    text: str
    page: int
    links: list[tuple[str, str]]


class _BodyReader:
    def __init__(
        self,
        styles: _Styles,
        numbering: _Numbering,
        links: dict[str, str],
        mode: str | None,
        notes: dict[str, Any] | None = None,
    ) -> None:
        self.styles, self.numbering, self.links, self.mode = styles, numbering, links, mode
        self.builder = DocumentBuilder("docx")
        self.page = 1
        self.tables = 0
        self.notes = {kind: _notes(part) for kind, part in (notes or {}).items()}
        self.referenced: list[tuple[str, str]] = []
        """Footnotes and endnotes referenced since the last top-level block: (kind, id)."""

    def read(self, body: Any) -> Document:
        for element in _blocks(body, self._skip):
            if element.tag == W_P:
                self._paragraph(element)
            else:
                self._table(element)
            if self.referenced:
                self._notes()
        if not self.builder.blocks:
            raise IngestError("no text: the Word document has no text in its body")
        return self.builder.build(pages=self.page if self.mode else None)

    # --------------------------------------------------------------------- paragraphs

    def _paragraph(self, p: Any) -> None:
        ppr = p.find(W + "pPr")
        style_id, num, own_outline, own_break = _paragraph_props(ppr)
        name, level, style_num, style_break = self.styles.resolve(style_id)
        if self.mode == "explicit" and (own_break or style_break):
            self.page += 1
        read = self._runs(p)
        if ppr is not None and not read.text.strip() and ppr.find(f"{W}rPr/{W}del") is not None:
            return  # a paragraph deleted as a tracked change: in the accepted text it takes no number
        if name is not None and _TOC_STYLE.match(name):
            return  # an entry of a table of contents outside a content control: its pages counted
        if own_outline is not None and own_outline < 9:
            level = own_outline + 1
        kind: BlockKind = "heading" if level is not None else "paragraph"
        numbered = _list_position(num, style_num)
        if numbered and numbered[1] < 0:
            numbered = numbered[0], self.numbering.level(numbered[0], numbered[1], style_id)
        marker = self.numbering.marker(*numbered) if numbered else None
        if marker is not None and kind == "paragraph":
            kind, level = "list_item", numbered[1] if numbered else 0
        self._links(self._add(kind, read, level, marker, name), read)
        # A text box (a pull quote, a contact card) is text of its own, read after its anchor.
        for box in _text_boxes(p):
            for element in _blocks(box, self._skip):
                if element.tag == W_P:
                    self._paragraph(element)
                else:
                    self._table(element)
        if self.mode == "explicit" and ppr is not None and _section_break(ppr):
            self.page += 1

    def _skip(self, element: Any) -> None:
        """Count the pages of content not read."""
        if self.mode == "rendered":
            self.page += sum(1 for _ in element.iter(W_RENDERED_BREAK))
        elif self.mode == "explicit":
            self.page += sum(1 for br in element.iter(W_BR) if br.get(W + "type") == "page")

    def _notes(self) -> None:
        """The footnotes and endnotes just referenced, as paragraphs after the referencing block."""
        referenced, self.referenced = self.referenced, []
        for kind, note_id in referenced:
            note = self.notes.get(kind, {}).pop(note_id, None)  # a note is read once
            for element in _blocks(note, self._skip) if note is not None else ():
                if element.tag == W_P:
                    self._paragraph(element)
                else:
                    self._table(element)

    def _add(
        self, kind: BlockKind, read: _Paragraph, level: int | None, marker: str | None, style: str | None
    ) -> list[Block]:
        """The paragraph's blocks: one, or for a plain paragraph one per line when it holds line
        breaks (Shift+Enter: "Datum: ...", "Locatie: ..." lines), as the txt reader reads lines."""
        page = read.page if self.mode else None
        if "\n" not in read.text:
            lines = [read.text]
        elif kind == "paragraph" and marker is None:
            lines = read.text.split("\n")
        else:  # a heading, a Word list item: one block whatever its lines
            lines = [read.text.replace("\n", " ")]
        blocks = []
        for text in lines:
            line_kind, line_level, line_marker = kind, level, marker
            if marker is None and kind in ("paragraph", "heading"):
                match = LIST_MARKER.match(text)
                if match:  # typed by hand: "1. Doel" in a normal paragraph, as txt splits it
                    line_kind = "list_item" if kind == "paragraph" else kind
                    line_level = 0 if line_kind == "list_item" else level
                    line_marker, text = list_marker(match), match["text"]
            block = self.builder.add(
                line_kind, text, page=page, level=line_level, marker=line_marker, style=style
            )
            if block is not None:
                blocks.append(block)
        return blocks

    def _links(self, blocks: list[Block], read: _Paragraph) -> None:
        for text, target in read.links:
            text = " ".join(text.split())
            block = next((b for b in blocks if text in b.text), blocks[0] if blocks else None)
            if block is not None:
                self.builder.add_link(block, text, target)

    def _runs(self, p: Any) -> _Paragraph:
        """The paragraph's text in run order; page breaks and hyperlinks on the way."""
        skip = _skipped(p)
        parts: list[str] = []
        page: int | None = None
        fields = _Fields()
        # Per open field: whether its result has begun. Text inside a field's instruction (a
        # nested field's result inside an IF) is never shown; nor is a field without a result.
        open_fields: list[bool] = []
        for el in p.iter(*_RUN_TAGS):
            if skip and el in skip:
                continue
            tag = el.tag
            if tag == W_FLDCHAR:
                kind = el.get(W + "fldCharType")
                if kind == "begin":
                    open_fields.append(False)
                elif kind == "separate" and open_fields:
                    open_fields[-1] = True
                elif kind == "end" and open_fields:
                    open_fields.pop()
                fields.char(kind)
                continue
            if open_fields and not all(open_fields) and tag != W_INSTR and tag != W_RENDERED_BREAK:
                continue
            if tag == W_T:
                text = el.text or ""
                if _PUA.search(text):
                    text = _font_text(el, text)
                if page is None and text.strip():
                    page = self.page
                parts.append(text)
                fields.text(text)
            elif tag in _RUN_CHARS:
                parts.append(_RUN_CHARS[tag])
            elif tag == W_BR:
                kind = el.get(W + "type")
                if kind != "page":
                    parts.append(" " if kind == "column" else "\n")  # a line break: see _add
                elif self.mode == "explicit":
                    self.page += 1
            elif tag == W_RENDERED_BREAK:
                self.page += self.mode == "rendered"
            elif tag == W_SYM:
                parts.append(_sym(el))
            elif tag in (W_FOOTNOTE_REF, W_ENDNOTE_REF):
                kind = "footnotes" if tag == W_FOOTNOTE_REF else "endnotes"
                self.referenced.append((kind, el.get(W + "id", "")))
            else:  # instrText
                fields.instruction(el.text or "")
        links = [*self._hyperlinks(p, skip), *fields.links]
        return _Paragraph("".join(parts), page if page is not None else self.page, links)

    def _hyperlinks(self, p: Any, skip: set[Any]) -> Iterator[tuple[str, str]]:
        for link in p.iter(W_HYPERLINK, W_FLDSIMPLE):
            if skip and link in skip:
                continue
            text = "".join(t.text or "" for t in link.iter(W_T))
            if link.tag == W_HYPERLINK:
                target = self.links.get(link.get(R_ID, ""))
                anchor = link.get(W + "anchor")
                if target and anchor:
                    target = f"{target}#{anchor}"
            else:
                match = _HYPERLINK_FIELD.match(link.get(W + "instr", ""))
                target = match[1] if match else None
            if target and text.strip():
                yield text, target

    # --------------------------------------------------------------------- tables

    def _table(self, tbl: Any) -> None:
        rows = list(_rows(tbl))
        if _layout_row(rows):
            # A table of one row whose cells hold paragraphs of their own places text side by
            # side (a label column beside the narrative), not a grid of values: a reader reads
            # it cell by cell, each paragraph, list item and heading as in the body.
            for _, tc in _cells(rows[0]):
                for element in _blocks(tc, self._skip):
                    self._paragraph(element) if element.tag == W_P else self._table(element)
            return
        index = self.tables
        self.tables += 1
        for r, tr in enumerate(rows):
            for col, tc in _cells(tr):
                self._cell(tc, (index, r, col))

    def _cell(self, tc: Any, position: tuple[int, int, int]) -> None:
        simple = next(tc.iter(W_TBL, W_TXBX, W_SDT, MC_ALTERNATE), None) is None
        reads = [self._runs(p) for p in (tc.iter(W_P) if simple else _cell_paragraphs(tc))]
        text = " ".join(r.text for r in reads)
        page = reads[0].page if reads and self.mode else None
        block = self.builder.add("table_cell", text, page=page, table=position)
        for read in reads:
            self._links([block] if block is not None else [], read)


class _Fields:
    """Complex fields in a paragraph: HYPERLINK "target" ... its shown text ... end."""

    def __init__(self) -> None:
        self.links: list[tuple[str, str]] = []
        self._instr: list[str] = []
        self._target: str | None = None
        self._shown: list[str] = []
        self._depth = 0
        self._showing = False

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self._depth += 1
            if self._depth == 1:
                self._instr, self._shown, self._target = [], [], None
        elif kind == "separate" and self._depth == 1:
            match = _HYPERLINK_FIELD.match("".join(self._instr))
            self._target = match[1] if match else None
            self._showing = True
        elif kind == "end" and self._depth > 0:
            self._depth -= 1
            if self._depth == 0:
                if self._target and "".join(self._shown).strip():
                    self.links.append(("".join(self._shown), self._target))
                self._showing = False

    def instruction(self, text: str) -> None:
        if self._depth == 1:
            self._instr.append(text)

    def text(self, text: str) -> None:
        if self._showing:
            self._shown.append(text)


def _blocks(parent: Any, skip: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """Paragraphs and tables of the body in order, looking inside content controls; a content
    control not read (a placeholder, a table of contents) is handed to ``skip``."""
    for child in parent:
        tag = child.tag
        if tag in (W_P, W_TBL):
            yield child
        elif tag in _CONTAINERS:
            if tag != W_SDT or not _unread_control(child):
                yield from _blocks(child, skip)
            elif skip is not None:
                skip(child)
        elif tag == MC_ALTERNATE:
            yield from _blocks(_alternative(child), skip)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _row_cells(parent: Any, unread: bool = False) -> Iterator[tuple[Any, bool]]:
    """A row's cells, looking inside content controls: (cell, whether it is not read: it sits in
    a control showing its placeholder)."""
    for child in parent:
        if child.tag == W_TC:
            yield child, unread
        elif child.tag in _CONTAINERS:
            yield from _row_cells(child, unread or (child.tag == W_SDT and _unread_control(child)))


def _alternative(alternate: Any) -> Any:
    """The one branch of mc:AlternateContent that is read: its first Choice, else the Fallback."""
    for branch in alternate:
        if branch.tag in (MC_CHOICE, MC_FALLBACK):
            return branch
    return ()


def _unread_control(sdt: Any) -> bool:
    """Whether a content control shows its placeholder ("Klik of tik om tekst in te voeren.")
    or holds Word's table of contents (a copy of the headings, with page numbers)."""
    props = sdt.find(W + "sdtPr")
    if props is None:
        return False
    if props.find(W + "showingPlcHdr") is not None:
        return True
    gallery = props.find(f"{W}docPartObj/{W}docPartGallery")
    return gallery is not None and gallery.get(W_VAL, "").lower() == "table of contents"


def _layout_row(rows: list[Any]) -> bool:
    """Whether a table is laid out as one row of text columns: a single row with a cell that
    holds two or more paragraphs with text. A grid of values has a header row over its data,
    or one value per cell."""
    if len(rows) != 1:
        return False
    for _, tc in _cells(rows[0]):
        filled = sum(1 for p in _children(tc, W_P) if any((t.text or "").strip() for t in p.iter(W_T)))
        if filled > 1:
            return True
    return False


def _rows(tbl: Any) -> Iterator[Any]:
    """The table's rows, without rows deleted as a tracked change."""
    for tr in _children(tbl, W_TR):
        trpr = tr.find(W + "trPr")
        if trpr is None or trpr.find(W + "del") is None:
            yield tr


def _cells(tr: Any) -> Iterator[tuple[int, Any]]:
    """(grid column, cell) of a row's cells, without cells that continue a merge."""
    trpr = tr.find(W + "trPr")
    col = _int(trpr.find(W + "gridBefore")) or 0 if trpr is not None else 0
    for tc, unread in _row_cells(tr):
        span, merged = _cell_props(tc)
        if not merged and not unread:
            yield col, tc
        col += span


def _cell_paragraphs(container: Any) -> Iterator[Any]:
    """A cell's paragraphs in reading order, each once: those of a nested table's cells
    (the nested table is part of the cell's text) and of text boxes follow along."""
    for element in _blocks(container):
        if element.tag == W_P:
            yield element
            for box in _text_boxes(element):
                yield from _cell_paragraphs(box)
        else:
            for tr in _rows(element):
                for _, tc in _cells(tr):
                    yield from _cell_paragraphs(tc)


def _notes(part: Any) -> dict[str, Any]:
    """Footnotes or endnotes by id, without Word's separator notes."""
    return {
        note.get(W + "id", ""): note
        for note in part
        if note.tag in (W + "footnote", W + "endnote") and note.get(W + "type", "normal") == "normal"
    }


_PUA = re.compile("[\uf020-\uf0ff]")


def _font_text(t: Any, text: str) -> str:
    """Text in a symbol font's private-use codes (LibreOffice writes a w:sym so, and pasted
    bullets come so) as the characters the glyphs look like; codes without a twin stay."""
    fonts = t.getparent().find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return text
    font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs") or ""
    return _PUA.sub(lambda m: _symbol(font, ord(m[0])) or m[0], text)


def _sym(el: Any) -> str:
    """The text of a w:sym: the character the Symbol/Wingdings glyph looks like. A glyph
    without a familiar twin stays the private-use character Word means, which the list
    marker pattern reads as a bullet."""
    try:
        code = int(el.get(W + "char", ""), 16)
    except ValueError:
        return ""
    return _symbol(el.get(W + "font", ""), code) or (chr(0xF000 | (code & 0xFF)) if code else "")


def _list_position(
    num: tuple[int | None, int | None] | None, style_num: tuple[int, int] | None
) -> tuple[int, int] | None:
    """(numId, ilvl) of a paragraph: its own numPr, else its style's; numId 0 means none."""
    num_id = num[0] if num and num[0] is not None else (style_num[0] if style_num else None)
    if not num_id:
        return None
    ilvl = num[1] if num and num[1] is not None else (style_num[1] if style_num else 0)
    return num_id, ilvl


def _paragraph_props(ppr: Any) -> tuple[str | None, tuple[int | None, int | None] | None, int | None, bool]:
    """(style id, own numPr, own outline level, page break before) of a paragraph."""
    if ppr is None:
        return None, None, None, False
    style = ppr.find(W + "pStyle")
    return (
        style.get(W_VAL) if style is not None else None,
        _num_pr(ppr.find(W + "numPr")),
        _int(ppr.find(W + "outlineLvl")),
        _on(ppr.find(W + "pageBreakBefore")),
    )


def _section_break(ppr: Any) -> bool:
    sect = ppr.find(W + "sectPr")
    if sect is None:
        return False
    kind = sect.find(W + "type")
    return kind is None or kind.get(W_VAL, "nextPage") != "continuous"


def _cell_props(tc: Any) -> tuple[int, bool]:
    """(grid columns the cell spans, whether it continues a vertical or legacy horizontal merge)."""
    tcpr = tc.find(W + "tcPr")
    if tcpr is None:
        return 1, False
    span = _int(tcpr.find(W + "gridSpan")) or 1
    vmerge = tcpr.find(W + "vMerge")
    if vmerge is not None and vmerge.get(W_VAL, "continue") != "restart":
        return span, True
    hmerge = tcpr.find(W + "hMerge")
    return span, hmerge is not None and hmerge.get(W_VAL, "continue") != "restart"


W_VANISH = W + "vanish"
_HIDDEN = (MC_FALLBACK, W + "moveFrom", W + "del", W_TXBX, W_PLACEHOLDER, W_VANISH)


def _skipped(p: Any) -> set[Any]:
    """Elements not to read as the paragraph's own text: the fallback copy of alternate
    content, text moved away or deleted, the placeholder of an empty content control, runs
    formatted as hidden text (w:vanish: Word neither shows nor prints them), and text boxes
    (read as blocks of their own)."""
    found = [*p.iter(*_HIDDEN)]
    if not found:
        return set()
    hidden = []
    for el in found:
        tag = el.tag
        if tag == W_VANISH:
            run = el.getparent().getparent()  # a paragraph mark's w:vanish hides no text
            if run is not None and run.tag == W_R and _on(el):
                hidden.append(run)
        elif tag == W_PLACEHOLDER:
            hidden.append(el.getparent().getparent())  # the whole content control
        elif tag != MC_FALLBACK or el.getparent().find(MC_CHOICE) is not None:
            hidden.append(el)
    return {el for root in hidden if root is not None for el in root.iter()}


def _text_boxes(p: Any) -> list[Any]:
    """The paragraph's outermost text boxes, without the fallback copies of alternate content
    (Word writes each box twice: as DrawingML and as a VML fallback)."""
    boxes = []
    for box in p.iter(W_TXBX):
        ancestor = box.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (W_TXBX, MC_FALLBACK):
                break
            ancestor = ancestor.getparent()
        else:
            boxes.append(box)
    return boxes
