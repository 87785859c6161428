"""Context.entities_in: the index by start offset answers as a scan of every entity does."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import _entities, _named_after_people
from pipeline.extract.context import Context
from pipeline.ingest.txt import read_txt
from pipeline.recognizers import Found

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
RAW = ROOT / "raw"
LABELS = [None, "PERSON", "MUNICIPALITY", "EMAIL", "PHONE", "ORG"]


def _scan(entities: list[Found], start: int, end: int, label: str | None) -> list[Found]:
    """What entities_in returned before it had an index."""
    return [e for e in entities if e.start >= start and e.end <= end and (label is None or e.label == label)]


def _queries(ctx: Context, rng: random.Random) -> list[tuple[int, int]]:
    """Every block, every entity's own span and its neighbours, and random spans (some empty
    or reversed), as the extract steps ask."""
    length = len(ctx.document.text)
    spans = [(b.start, b.end) for b in ctx.document.blocks]
    spans += [(e.start + d, e.end + d) for e in ctx.entities for d in (-1, 0, 1)]
    spans += [tuple(sorted(rng.randint(0, length) for _ in range(2))) for _ in range(200)]
    spans += [(rng.randint(0, length), rng.randint(0, length)) for _ in range(50)]
    return spans


@pytest.mark.parametrize(
    "path", sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.md"), *RAW.glob("*.txt")]), ids=str
)
def test_entities_in_answers_as_a_scan_over_a_corpus_report(path: Path) -> None:
    document = read_txt(path.read_bytes())
    ctx = Context(document, on=date(2023, 1, 1))
    ctx.entities = _named_after_people(document.text, _entities(document, None))
    assert ctx.entities, "a report without entities tests nothing"
    rng = random.Random(path.name)
    for start, end in _queries(ctx, rng):
        for label in LABELS:
            assert ctx.entities_in(start, end, label) == _scan(ctx.entities, start, end, label)


def test_entities_in_keeps_the_list_order_when_starts_are_not_sorted() -> None:
    # _named_after_people moves an organisation's start back to its title: the list need
    # not be in order of start.
    entities = [
        Found("ORG", 10, 30, "x", "x", "rule:organisation"),
        Found("PERSON", 5, 9, "y", "y", "ner:person"),
        Found("PERSON", 12, 20, "z", "z", "ner:person"),
    ]
    ctx = Context(read_txt(b"x" * 40), on=date(2023, 1, 1), entities=entities)
    assert ctx.entities_in(0, 40) == entities
    assert ctx.entities_in(0, 40, "PERSON") == [entities[1], entities[2]]


def test_entities_in_sees_a_new_or_grown_list() -> None:
    ctx = Context(read_txt(b"x" * 40), on=date(2023, 1, 1))
    assert ctx.entities_in(0, 40) == []
    ctx.entities = [Found("PERSON", 1, 5, "a", "a", "ner:person")]
    assert [e.start for e in ctx.entities_in(0, 40)] == [1]
    ctx.entities.append(Found("PERSON", 6, 9, "b", "b", "ner:person"))
    assert [e.start for e in ctx.entities_in(0, 40)] == [1, 6]
