"""What every extraction step shares for one document: the text, the date the report
speaks from, the recognizers' spans, and the collectors for mentions and warnings."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.model import Document
from pipeline.recognizers import Found

# How sure each kind of evidence is. Conflicts between sources are settled by this order:
# a value read from a labelled line beats a gazetteer hit, which beats a rule-based
# person match in running text, which beats an optional statistical model.
CONFIDENCE = {
    "rule:label": 0.95,
    "rule:table": 0.95,
    "rule:quote": 0.9,
    "rule:email": 0.99,
    "rule:phone": 0.97,
    "rule:date": 0.95,
    "rule:link": 0.99,
    "rule:heading": 0.9,
    "rule:prose": 0.8,
    "rule:list": 0.9,
    "gazetteer:municipality": 0.9,
    "gazetteer:organisation": 0.9,
    "ner:person": 0.75,
}


@dataclass
class Context:
    document: Document
    on: date
    """The report's date (published, else event, else today): municipalities resolve as of it."""
    entities: list[Found] = field(default_factory=list)
    """Set once (a new list, never edited in place): :meth:`entities_in` indexes it."""
    mentions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _index: EntityIndex | None = field(default=None, init=False, repr=False, compare=False)

    def mention(
        self,
        label: str,
        start: int,
        end: int,
        source: str,
        value: Any = None,
        confidence: float | None = None,
    ) -> None:
        """Record where a value came from (offsets into ``document.text``)."""
        start = max(0, start)
        end = max(start, end)
        entry: dict[str, Any] = {
            "label": label,
            "text": self.document.text[start:end],
            "start": start,
            "end": end,
            "page": self.document.page_at(start),
            "source": source,
            "confidence": confidence if confidence is not None else CONFIDENCE.get(source, 0.8),
        }
        if value is not None and value != entry["text"]:
            entry["value"] = value
        self.mentions.append(entry)

    def mention_found(self, found: Found, label: str | None = None, offset: int = 0) -> None:
        self.mention(
            label or found.label.lower(),
            offset + found.start,
            offset + found.end,
            found.source,
            found.value,
            found.confidence,
        )

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def entities_in(self, start: int, end: int, label: str | None = None) -> list[Found]:
        """The entities inside ``[start, end]``, in the order of :attr:`entities`."""
        if self._index is None or not self._index.indexes(self.entities):
            self._index = EntityIndex(self.entities)
        return self._index.inside(start, end, label)


class EntityIndex:
    """The entities by start offset, so that a query reads only those starting in its span.

    ``Context.entities_in`` is asked ~150 times a report (for every labelled part, sentence
    and list item); a scan of all ~100 entities each time was most of its cost (cProfile).
    """

    def __init__(self, entities: list[Found]) -> None:
        self._entities = entities
        self._size = len(entities)
        # Positions in ``entities`` by start; a span ends at or after its start, so an entity
        # inside [start, end] starts in [start, end].
        self._order = sorted(range(len(entities)), key=lambda i: entities[i].start)
        self._starts = [entities[i].start for i in self._order]

    def indexes(self, entities: list[Found]) -> bool:
        """Whether this index was built from ``entities`` (the same list, not grown since)."""
        return entities is self._entities and len(entities) == self._size

    def inside(self, start: int, end: int, label: str | None = None) -> list[Found]:
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        found = (self._entities[i] for i in sorted(self._order[lo:hi]))
        return [e for e in found if e.end <= end and (label is None or e.label == label)]
