"""The document model every reader returns and every later stage reads.

One model for all formats (the idea of unstructured/docling): a document is a flat,
ordered list of blocks. Every block knows its kind, page and character span inside
``Document.text``, so any value found later can point back to where it came from.

``Document.text`` is the blocks joined by a newline; a list item's marker ("1.", "•")
is written in front of its text, and ``Block.start`` points at the text after the
marker. Readers never build ``text`` by hand: they use :class:`DocumentBuilder`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_cell"]
SourceFormat = Literal["txt", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of text with its provenance."""

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None
    """Heading level (1 = top) or list nesting level (0 = top)."""
    marker: str | None = None
    """The list marker as a reader sees it: "1.", "2)", "a.", "•", "-"."""
    table: tuple[int, int, int] | None = None
    """(table index, row, column) for a table cell."""
    style: str | None = None
    """The style name the source gave (docx), if any."""

    @property
    def number(self) -> int | None:
        """The integer of a numeric marker ("3." -> 3), else None."""
        if self.marker is None:
            return None
        digits = self.marker.rstrip(".)").strip()
        return int(digits) if digits.isdigit() else None


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: its visible text, its target and its span in ``Document.text``."""

    text: str
    target: str
    start: int
    end: int
    page: int | None = None


@dataclass(slots=True)
class Document:
    """What a reader returns: text, blocks, links, pages and reader warnings."""

    format: SourceFormat
    text: str
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        """The block whose span holds ``offset`` (markers count as part of it)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start - (len(block.marker) + 1 if block.marker else 0):
                hi = mid - 1
            elif offset > block.end:
                lo = mid + 1
            else:
                return block
        return None

    def page_at(self, offset: int) -> int | None:
        block = self.block_at(offset)
        return block.page if block else None


class DocumentBuilder:
    """Appends blocks and keeps ``text`` and offsets consistent."""

    def __init__(self, fmt: SourceFormat) -> None:
        self.format: SourceFormat = fmt
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.warnings: list[str] = []

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None = None,
        level: int | None = None,
        marker: str | None = None,
        table: tuple[int, int, int] | None = None,
        style: str | None = None,
    ) -> Block | None:
        """Add one block; empty text is dropped (returns None)."""
        text = " ".join(text.split())
        if not text:
            return None
        if self._parts:
            self._append("\n")
        if marker:
            self._append(marker + " ")
        start = self._length
        self._append(text)
        block = Block(kind, text, start, self._length, page, level, marker, table, style)
        self.blocks.append(block)
        return block

    def add_link(self, block: Block, text: str, target: str) -> None:
        """Record a hyperlink whose visible text lies inside ``block``."""
        at = block.text.find(text) if text else -1
        start = block.start + max(at, 0)
        end = start + (len(text) if at >= 0 else 0)
        self.links.append(Link(text, target, start, end, block.page))

    def build(self, pages: int | None = None) -> Document:
        return Document(
            format=self.format,
            text="".join(self._parts),
            blocks=self.blocks,
            links=self.links,
            pages=pages,
            warnings=self.warnings,
        )

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)
