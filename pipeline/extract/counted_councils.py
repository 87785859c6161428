"""A session's councils given as a count: "raadsleden uit alle vijf de gemeenten".

The count refers back to the councils the report listed before its sessions ("Uitgenodigd
waren de raden van A, B, C, D en E"), or, failing such a list, to those its sessions named.
A list is only taken when it holds exactly that many municipalities: a count that matches
no list leaves the session as it was, since guessing which four of six were meant would
put councils in a session that were never there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from pipeline.extract.context import Context
from pipeline.extract.municipalities import MunicipalitySet, municipalities_in_text
from pipeline.extract.sessions import SessionRecord
from pipeline.model import Block
from pipeline.rules import load_yaml
from pipeline.segment import Section, Segmentation, number_words

SOURCE = "rule:counted-councils"


def add_counted_councils(ctx: Context, segmentation: Segmentation, records: Sequence[SessionRecord]) -> None:
    """Give each session that names its councils by count ("alle vier de gemeenten") the
    councils that count refers to. ``records`` are the sessions of ``segmentation`` in order."""
    sections = segmentation.sessions
    if not sections:
        return
    first = min(_start(section) for section in sections)
    for section, record in zip(sections, records, strict=True):
        found = _count_in(section)
        if found is None:
            continue
        count, start, end = found
        if len(record.municipalities) >= count:
            continue  # the councils follow the count ("alle vijf gemeenten (A, B, C, D, E)")
        listed = _listed(ctx, first, count) or _named_by_the_sessions(records, record, count)
        if listed is None:
            continue
        record.municipalities.merge(listed)
        for ref in listed:
            ctx.mention("municipality", start, end, SOURCE, ref.code, 0.8)


def _count_in(section: Section) -> tuple[int, int, int] | None:
    """The count of the first "alle N gemeenten" in the session's text, and its span."""
    for block in _blocks(section):
        if "alle" not in block.text.lower():  # cheap first test: most blocks have no count
            continue
        match = _pattern().search(block.text)
        if match is not None:
            count = _number(match["count"])
            if count is not None and count >= 2:
                return count, block.start + match.start(), block.start + match.end()
    return None


def _listed(ctx: Context, first: int, count: int) -> MunicipalitySet | None:
    """The first block before the sessions naming exactly ``count`` municipalities, else the
    whole text before them if that does."""
    blocks = [b for b in ctx.document.blocks if b.end <= first]
    for block in blocks:
        found = municipalities_in_text(ctx, block.start, block.end)
        if len(found) == count:
            return found
    found = municipalities_in_text(ctx, 0, first)
    return found if len(found) == count else None


def _named_by_the_sessions(
    records: Sequence[SessionRecord], record: SessionRecord, count: int
) -> MunicipalitySet | None:
    """The councils the other sessions named together, if exactly ``count``."""
    union = MunicipalitySet()
    for other in records:
        if other is not record:
            union.merge(other.municipalities)
    return union if len(union) == count else None


def _blocks(section: Section) -> Iterator[Block]:
    yield from section.blocks
    yield from section.notes
    for cells in (section.row or {}).values():
        yield from cells
    for cells in (section.summary or {}).values():
        yield from cells


def _start(section: Section) -> int:
    starts = [b.start for b in _blocks(section)]
    if section.heading is not None:
        starts.append(section.heading.start)
    return min(starts, default=0)


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return number_words().get(token.lower())


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted(number_words(), key=len, reverse=True))
    template = str(load_yaml("labels.yml")["counted_councils"])
    return re.compile(template.replace("{count}", rf"\d{{1,2}}|{words}"), re.IGNORECASE)
