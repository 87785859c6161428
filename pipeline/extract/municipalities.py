"""Municipalities: resolve written names to CBS records valid on the report's date and
collapse duplicates (one record per code, every spelling kept in ``as_written``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.extract.context import Context
from pipeline.recognizers import Found
from pipeline.register import Resolution, default_register
from pipeline.rules import load_yaml

# Separators between list items; a comma inside brackets ("Bergen (NH, Noord-Holland)") is not one.
_SEPARATOR = re.compile(r"\s*(?:[,;\n]|\s+en\s+|\s+&\s+|\s+\+\s+)\s*", re.IGNORECASE)
# Words around a name that are not part of it: "gemeente Ommen", "Haarlem (2x)", "o.a. Ede".
_PREFIX = re.compile(r"^(?:o\.a\.\s*|de\s+)?(?:gemeenten?|gem\.)\s+", re.IGNORECASE)
# A bracket that names the municipality ("Wim Moonen (gemeente Nuth)") is no remark: it stays.
_SUFFIX = re.compile(r"\s*(?:\(\s*\d+\s*x?\s*\)|\((?!\s*gemeente\b)\s*[a-z ]*\)|[.:;!?])\s*$", re.IGNORECASE)
# The most items a multi-part name spans ("Nuenen, Gerwen en Nederwetten" is three).
_MAX_PARTS = 3


@dataclass
class MunicipalityRef:
    code: str
    name: str
    as_written: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "code": self.code, "as_written": self.as_written}


class MunicipalitySet:
    """Municipalities keyed by CBS code, in order of first mention."""

    def __init__(self) -> None:
        self._by_code: dict[str, MunicipalityRef] = {}

    def add(self, resolution: Resolution, as_written: str) -> MunicipalityRef:
        ref = self._by_code.setdefault(resolution.code, MunicipalityRef(resolution.code, resolution.name))
        if as_written not in ref.as_written:
            ref.as_written.append(as_written)
        return ref

    def merge(self, other: MunicipalitySet) -> None:
        for ref in other:
            for spelling in ref.as_written:
                self.add(Resolution(ref.code, ref.name, "merge", 1.0, None), spelling)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def to_list(self) -> list[dict[str, Any]]:
        return [ref.to_dict() for ref in self]


def split_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a written list, ignoring separators inside brackets."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SEPARATOR.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    prefix = _PREFIX.match(piece)
    if prefix:
        start += prefix.end()
    piece = text[start:end]
    suffix = _SUFFIX.search(piece)
    if suffix and not re.search(r"\((?:N\.?H|L|O|Z\.?H|Z|G|U|F|D|Gr|Lb|Ov)\.?\)$", piece, re.IGNORECASE):
        end = start + suffix.start()
    while start < end and text[start] in " \t-–•*":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def resolve_list(ctx: Context, text: str, offset: int, source: str) -> MunicipalitySet:
    """Resolve every municipality in a written list such as a label's value."""
    found = MunicipalitySet()
    items = split_items(text)
    index = 0
    while index < len(items):
        taken = _resolve_longest(ctx, text, items, index)
        if taken is None:
            start, end = items[index]
            _fallback_gazetteer(ctx, offset + start, offset + end, found, source)
            index += 1
            continue
        parts, resolution, start, end = taken
        written = text[start:end]
        found.add(resolution, written)
        _record(ctx, resolution, offset + start, offset + end, source)
        index += parts
    return found


def _resolve_longest(
    ctx: Context, text: str, items: list[tuple[int, int]], index: int
) -> tuple[int, Resolution, int, int] | None:
    register = default_register()
    for parts in range(min(_MAX_PARTS, len(items) - index), 0, -1):
        start, end = items[index][0], items[index + parts - 1][1]
        # Joined items must match exactly; only a single item may be a typo.
        resolution = register.resolve(text[start:end], ctx.on, fuzzy=parts == 1)
        if resolution is not None:
            return parts, resolution, start, end
    return None


def _fallback_gazetteer(ctx: Context, start: int, end: int, found: MunicipalitySet, source: str) -> None:
    """An item that is not a name by itself ("12 raadsleden uit Zwolle") may still hold one."""
    for entity in ctx.entities_in(start, end, "MUNICIPALITY"):
        resolution = resolve_entity(ctx, entity.text)
        if resolution is not None:
            found.add(resolution, entity.text)
            _record(ctx, resolution, entity.start, entity.end, entity.source)
    if not ctx.entities_in(start, end, "MUNICIPALITY"):
        written = ctx.document.text[start:end].strip()
        if written and len(written.split()) <= 4 and written[:1].isupper():
            ctx.warn(f"not a known municipality: {written!r}")


def municipalities_in_text(ctx: Context, start: int, end: int) -> MunicipalitySet:
    """The municipalities the recognizers found in running text between ``start`` and ``end``."""
    found = MunicipalitySet()
    for entity in ctx.entities_in(start, end, "MUNICIPALITY"):
        resolution = resolve_in_text(ctx, entity)
        if resolution is not None:
            found.add(resolution, entity.text)
    return found


# A province written right after a name in running text: "Hengelo (Gld.)", "Bergen NH".
_QUALIFIER_AFTER = re.compile(r"\s*(\([^()\n]{1,30}\)|[A-Z][A-Za-z.-]{0,12}\b\.?)")


# A neighbour in a written list: "Groningen, Friesland en Drenthe".
_NEIGHBOUR_AFTER = re.compile(r"\s*(?:,|\sen\s|\sof\s|&)\s*([A-Z][\w\u00c0-\u024f]*(?:-[A-Z]\w*)?)")
_NEIGHBOUR_BEFORE = re.compile(r"([A-Z][\w\u00c0-\u024f]*(?:-[A-Z]\w*)?)\s*(?:,|\sen\s|\sof\s|&)\s*$")


def resolve_in_text(ctx: Context, entity: Found) -> Resolution | None:
    """A municipality named in running text, unless the province written after it says the
    name is another place ("Hengelo (Gld.)" is a village in Gelderland, not Hengelo (O.)), it
    is a province listed with other provinces, or it is not in force on the report's date."""
    register = default_register()
    after = _QUALIFIER_AFTER.match(ctx.document.text, entity.end)
    if after is not None and register.contradicted(f"{entity.text} {after.group(1)}"):
        return None
    if entity.text in _province_names() and _listed_with_a_province(ctx.document.text, entity):
        return None
    if _inside_a_longer_place_name(ctx.document.text, entity) or _names_a_facility(ctx.document.text, entity):
        return None
    resolution = resolve_entity(ctx, entity.text) or _by_neighbours(ctx, entity)
    if resolution is not None and _namesake_village(ctx, entity, resolution):
        return None
    # Running text names municipalities out of force as history, not as ones that take part:
    # "vormen per 1 januari 2019 samen de gemeente Vijfheerenlanden" is a plan, "de herindeling
    # van Haaren" or "Lingewaal en Neerijnen gingen op in een nieuwe gemeente" is the past. Nor is
    # the successor of a merged one named by it: a report that means it writes its name.
    if resolution is None or not register.by_code(resolution.code).valid_on(ctx.on):
        return None
    return resolution


# "Den Hoorn" (a village on Texel), "Den Ham", "De Lier": an article written with a capital
# before a municipality's name makes the name of another place.
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(?:Den|De|Het|Ter|Ten) $")


def _inside_a_longer_place_name(text: str, entity: Found) -> bool:
    article = _ARTICLE_BEFORE.search(text, max(0, entity.start - 5), entity.start)
    if article is None:
        return False
    return not default_register().candidates(text[article.start() : entity.end])


def _names_a_facility(text: str, entity: Found) -> bool:
    """ "Maastricht Aachen Airport" (in Beek), "Eindhoven Airport", "Rotterdam Ahoy": a name of
    capitalised words that ends in a facility's head word (``location.yml``: ``facility_heads``)
    is the facility's name, no mention of the municipality it starts with."""
    if not text.startswith(" ", entity.end) or not text[entity.end + 1 : entity.end + 2].isupper():
        return False
    return _facility_after().match(text, entity.end) is not None


@cache
def _facility_after() -> re.Pattern[str]:
    heads = "|".join(load_yaml("location.yml")["facility_heads"])
    return re.compile(rf"(?:[ ][A-Z][\w-]*){{0,2}}?[ ](?:{heads})\b")


@cache
def _province_names() -> frozenset[str]:
    return default_register().province_names()


def _listed_with_a_province(text: str, entity: Found) -> bool:
    """ "uit Groningen, Friesland en Drenthe": a name shared by a municipality and a province
    (Groningen, Utrecht), listed next to a province that is no municipality, is the province."""
    register = default_register()
    after = _NEIGHBOUR_AFTER.match(text, entity.end)
    before = _NEIGHBOUR_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    return any(
        register.province_named(m.group(1)) and not register.candidates(m.group(1))
        for m in (after, before)
        if m is not None
    )


_SENTENCE_BOUND = re.compile(r"[.!?;\n]")


def _namesake_village(ctx: Context, entity: Found, resolution: Resolution) -> bool:
    """A bare name that CBS gives a province because a village elsewhere has it too
    ("Hengelo" for Hengelo (O.)) is that village when its sentence names municipalities of
    one other province only: "Bronckhorst vertelde over Vorden en Hengelo" is Hengelo in
    Gelderland, "Enschede en Hengelo" is Hengelo (O.). A list across several provinces
    ("Rijswijk, Middelburg, Stein") says nothing about any one of them."""
    municipality = default_register().by_code(resolution.code)
    if "(" not in municipality.name or "(" in entity.text:
        return False
    provinces = _provinces_around(ctx, entity, resolution.code)
    return len(provinces) == 1 and municipality.province not in provinces


def _by_neighbours(ctx: Context, entity: Found) -> Resolution | None:
    """A bare name two municipalities share ("Bergen": Bergen (NH.) and Bergen (L.)) is the
    one in the province of every other municipality its sentence names: "Peel en Maas,
    Bergen, Gennep" is Bergen (L.), "Alkmaar, Heiloo en Bergen" Bergen (NH.)."""
    register = default_register()
    candidates = register.candidates(entity.text)
    if len(candidates) < 2:
        return None
    provinces = _provinces_around(ctx, entity, None)
    matching = [m for m in candidates if m.province in provinces]
    if len(provinces) != 1 or len(matching) != 1 or not matching[0].valid_on(ctx.on):
        return None
    return Resolution(matching[0].code, matching[0].name, "context", 0.9, None)


def _provinces_around(ctx: Context, entity: Found, own_code: str | None) -> set[str]:
    """The provinces of the other municipalities named in ``entity``'s sentence."""
    register = default_register()
    text = ctx.document.text
    starts = [m.end() for m in _SENTENCE_BOUND.finditer(text, max(0, entity.start - 300), entity.start)]
    lo = starts[-1] if starts else max(0, entity.start - 300)
    end = _SENTENCE_BOUND.search(text, entity.end, entity.end + 300)
    hi = end.start() if end else min(len(text), entity.end + 300)
    provinces = set()
    for other in ctx.entities_in(lo, hi, "MUNICIPALITY"):
        if other.start == entity.start:
            continue
        found = resolve_entity(ctx, other.text)
        if found is not None and found.code != own_code:
            provinces.add(register.by_code(found.code).province)
    return provinces


def resolve_entity(ctx: Context, written: str) -> Resolution | None:
    return default_register().resolve(written, ctx.on, fuzzy=False)


def resolve_in_force(ctx: Context, written: str) -> Resolution | None:
    """The municipality ``written`` names, if it is one on the report's date."""
    resolution = resolve_entity(ctx, written)
    if resolution is None or not default_register().by_code(resolution.code).valid_on(ctx.on):
        return None
    return resolution


def _record(ctx: Context, resolution: Resolution, start: int, end: int, source: str) -> None:
    confidence = 0.95 * resolution.score if resolution.method == "fuzzy" else None
    ctx.mention("municipality", start, end, source, resolution.code, confidence)
    if resolution.warning:
        ctx.warn(resolution.warning)
