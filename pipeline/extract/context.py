"""What every extraction step shares for one document: the text, the date the report
speaks from, the recognizers' spans, and the collectors for mentions and warnings."""

from __future__ import annotations

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
    mentions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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
        return [
            e
            for e in self.entities
            if e.start >= start and e.end <= end and (label is None or e.label == label)
        ]
