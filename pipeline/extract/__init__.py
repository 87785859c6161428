"""Extract: from a :class:`Document` to the contract's fields.

Order of work, one way: the recognizers and the spaCy stage find spans in the whole
text once (emails, phones, dates, people, organisations, municipalities); the segmenter
finds the sessions; each session reads its labelled parts; quotes, metadata and
programmes are read; then the document-level lists are merged from everything that was
found, each value deduplicated in its normal form.

Every value placed in the output records a mention: its span in ``Document.text``,
its page, the stage that found it and how sure that stage is.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.extract.context import Context
from pipeline.extract.counted_councils import add_counted_councils
from pipeline.extract.metadata import extract_metadata, extract_programmes
from pipeline.extract.municipalities import MunicipalitySet, resolve_entity, resolve_in_force, resolve_in_text
from pipeline.extract.people import PeopleSet, clean_organisation, details_beside
from pipeline.extract.quotes import extract_quotes
from pipeline.extract.sessions import (
    SessionRecord,
    extract_session,
    facilitators_from_bios,
    merge_repeated_sessions,
)
from pipeline.model import Document
from pipeline.recognizers import Found
from pipeline.recognizers.dates import find_dates
from pipeline.recognizers.emails import find_emails, normalise_email
from pipeline.recognizers.organisations import SOURCE_KNOWN
from pipeline.recognizers.phones import find_phones
from pipeline.rules import load_list, load_yaml
from pipeline.segment import segment, slides_read_as_text
from pipeline.turns import speaker_names

# Labels the spaCy stage may use, mapped onto the recognizers' labels.
_LABELS = {"PER": "PERSON", "GEMEENTE": "MUNICIPALITY", "LOC": "LOCATION", "GPE": "LOCATION"}


def extract(document: Document, *, spacy_model: str | None = None) -> dict[str, Any]:
    """All contract fields of one document (everything but ``doc_id`` and ``source``)."""
    # A slide hand-out is read as its slides were shown, its header too (the title slide).
    document = slides_read_as_text(document)
    text = document.text
    dates = find_dates(text)
    ctx = Context(document, on=date.today(), warnings=list(document.warnings))
    entities = _named_by_their_domain(text, _named_after_people(text, _entities(document, spacy_model)))
    ctx.entities = _without_surnames_as_places(text, entities)
    meta = extract_metadata(ctx, dates)
    ctx.on = date.fromisoformat(meta.published or meta.event_date or date.today().isoformat())

    segmentation = segment(document)
    sessions = [extract_session(ctx, section) for section in segmentation.sessions]
    facilitators_from_bios(ctx, segmentation.sections, sessions)
    add_counted_councils(ctx, segmentation, sessions)
    sessions = merge_repeated_sessions(sessions)
    quotes = extract_quotes(ctx)
    programmes = extract_programmes(ctx)
    people = _people(ctx, sessions, quotes)
    for session in sessions:
        for person in session.facilitators:
            person.name = people.canonical(person.name)
    municipalities = _municipalities(ctx, sessions, quotes, meta.location)
    emails = _unique(e.value for e in ctx.entities if e.label == "EMAIL")
    phones = _phones(ctx)
    for found in ctx.entities:
        if found.label in ("EMAIL", "PHONE"):
            ctx.mention_found(found)
    return {
        "title": meta.title,
        "published": meta.published,
        "event_date": meta.event_date,
        "location": meta.location,
        "sessions": [s.to_dict() for s in sessions],
        "quotes": quotes,
        "people": people.to_list(),
        "organisations": _organisations(ctx, sessions, emails),
        "municipalities": municipalities.to_list(),
        "emails": emails,
        "phones": phones,
        "programmes": programmes,
        "mentions": sorted(ctx.mentions, key=lambda m: (m["start"], m["end"], m["label"], m["source"])),
        "warnings": ctx.warnings,
        "text": text,
    }


def _entities(document: Document, spacy_model: str | None) -> list[Found]:
    """Every span the recognizers and the NER stage find, once, over the whole text."""
    from pipeline.nlp import find_entities

    text = document.text
    found = [*find_emails(text), *find_phones(text)]
    for link in document.links:
        email = (
            normalise_email(link.target.removeprefix("mailto:"))
            if link.target.startswith("mailto:")
            else None
        )
        if email and not any(f.label == "EMAIL" and f.value == email for f in found):
            found.append(Found("EMAIL", link.start, link.end, link.text, email, "rule:link", 0.99))
    # An email or phone wins over any name the NER stage sees inside it; a mailto link's text
    # is not an address but words ("Joris Verhoef", "het Democratie in Actie-team"), whose
    # names count.
    taken = [(f.start, f.end) for f in found if f.source != "rule:link"]
    for entity in find_entities(text, spacy_model):
        label = _LABELS.get(entity.label, entity.label)
        if not any(s < entity.end and entity.start < e for s, e in taken):
            found.append(_relabel(entity, label))
    # A transcript's speaker label in capitals names a person the NER stage does not see.
    people = [(f.start, f.end) for f in found if f.label == "PERSON"]
    for speaker in speaker_names(document.blocks):
        if not any(s < speaker.end and speaker.start < e for s, e in people):
            found.append(speaker)
    return sorted(found, key=lambda f: (f.start, f.end))


def _named_after_people(text: str, entities: list[Found]) -> list[Found]:
    """ "Dr. Nassau College": a person's name (with its title) before an institution word is
    the institution's name, not a person (words in rules/organisations.yml)."""
    pattern = _named_after_person_pattern()
    result: list[Found] = []
    for entity in entities:
        after = pattern["after"].match(text, entity.end) if entity.label == "PERSON" else None
        if after is None:
            result.append(entity)
            continue
        title = pattern["title"].search(text, max(0, entity.start - 12), entity.start)
        start = title.start() if title else entity.start
        name = " ".join(text[start : after.end()].split())
        result.append(
            Found("ORG", start, after.end(), text[start : after.end()], name, "rule:organisation", 0.7)
        )
    return result


# What may stand between a name and its email address: ", ", " - ", " (", ": ".
_BEFORE_ADDRESS = re.compile(r"[\s,:;(–-]*")


def _named_by_their_domain(text: str, entities: list[Found]) -> list[Found]:
    """ "Contact: Midvaart Groep, info@midvaartgroep.nl": a name whose words, joined, are the
    domain of the address right after it is the body that owns the domain, not a person
    (people write their names in their addresses' local part, bodies in the domain)."""
    result = list(entities)
    for index, entity in enumerate(entities[:-1]):
        following = entities[index + 1]
        if entity.label != "PERSON" or following.label != "EMAIL":
            continue
        if _BEFORE_ADDRESS.fullmatch(text, entity.end, following.start) is None:
            continue
        domain = following.value.rpartition("@")[2].split(".")[0]
        if re.sub(r"[\W_]+", "", entity.text).casefold() == domain.replace("-", ""):
            name = " ".join(entity.text.split())
            result[index] = Found(
                "ORG", entity.start, entity.end, entity.text, name, "rule:organisation", 0.7
            )
    return result


# A word of place before a name makes it the place again: "raadsleden uit Westerveld".
_PLACE_BEFORE = re.compile(r"\b(?:uit|in|te|naar|van|voor|gemeenten?|raad|regio)\s+$", re.IGNORECASE)


# Between two names of a list: "Bloemendaal, Haarlem", "Epe en Heerde".
_LIST_GAP = re.compile(r"\s*(?:,|\s(?:en|of)\s|&)\s*")


def _without_surnames_as_places(text: str, entities: list[Found]) -> list[Found]:
    """ "Tom Westerveld ... Westerveld besprak de begroting": a municipality's name that is the
    surname of a person the report names is that person, unless a word of place is before it
    or it is listed with other municipalities."""
    surnames = {e.text.split()[-1] for e in entities if e.label == "PERSON" and len(e.text.split()) > 1}
    places = [e for e in entities if e.label == "MUNICIPALITY"]
    kept = {id(e) for e in places if e.text not in surnames or _named_as_a_place(text, places, e)}
    return [e for e in entities if e.label != "MUNICIPALITY" or id(e) in kept]


def _named_as_a_place(text: str, places: list[Found], entity: Found) -> bool:
    if _PLACE_BEFORE.search(text, max(0, entity.start - 12), entity.start) is not None:
        return True
    # Right next to another municipality in a list: "(Bloemendaal, Haarlem, ...)".
    return any(
        _LIST_GAP.fullmatch(text, entity.end, other.start)
        or _LIST_GAP.fullmatch(text, other.end, entity.start)
        for other in places
        if other is not entity
    )


@cache
def _named_after_person_pattern() -> dict[str, re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in load_yaml("organisations.yml").get("named_after_person", []))
    titles = "|".join(re.escape(t) for t in load_list("titles.txt") if t.endswith("."))
    return {
        "after": re.compile(rf"[ \t]+(?:{words})\b"),
        "title": re.compile(rf"(?<![\w.])(?:(?:{titles})[ \t]*)+$", re.IGNORECASE),
    }


def _relabel(entity: Found, label: str) -> Found:
    if label == entity.label:
        return entity
    return Found(label, entity.start, entity.end, entity.text, entity.value, entity.source, entity.confidence)


def _people(ctx: Context, sessions: list[SessionRecord], quotes: list[dict[str, Any]]) -> PeopleSet:
    """Facilitators first (their details are the most reliable), then speakers, contacts, the rest."""
    people = PeopleSet()
    for session in sessions:
        for person in session.facilitators:
            people.add(person.name, person.organisation, person.role)
    for quote in quotes:
        if quote["speaker"]:
            people.add(quote["speaker"], quote.get("organisation"), quote.get("role"))
    for session in sessions:
        for contact in session.contacts:
            if contact.name:
                people.add(contact.name)
    for entity in ctx.entities:
        if entity.label == "PERSON" and entity.value:
            role, organisation = details_beside(ctx, entity.start, entity.end)
            people.add(entity.value, organisation, role)
            ctx.mention_found(entity, "person")
    for quote in quotes:
        _speaker_in_full(quote, people)
    for session in sessions:
        for contact in session.contacts:
            if contact.name:
                contact.name = people.canonical(contact.name)
    return people


def _speaker_in_full(quote: dict[str, Any], people: PeopleSet) -> None:
    """ "aldus Dijkstra": the speaker is the person named in full elsewhere, with their role."""
    person = people.find(quote["speaker"]) if quote["speaker"] else None
    if person is not None:
        quote["speaker"] = person.name
        quote["role"] = quote["role"] or person.role


def _municipalities(
    ctx: Context, sessions: list[SessionRecord], quotes: list[dict[str, Any]], location: str | None
) -> MunicipalitySet:
    found = MunicipalitySet()
    for session in sessions:
        found.merge(session.municipalities)
    for quote in quotes:
        muni = quote.get("municipality")
        if muni:
            for written in muni["as_written"]:
                resolution = resolve_entity(ctx, written)
                if resolution is not None:
                    found.add(resolution, written)
    for entity in ctx.entities:
        if entity.label == "MUNICIPALITY":
            resolution = resolve_in_text(ctx, entity)
            if resolution is not None:
                found.add(resolution, entity.text)
                ctx.mention_found(entity, "municipality")
    if location:
        # A venue "in Werkendam" months after Werkendam merged into Altena names a village: a
        # place that is no municipality on the report's date is no mention of one.
        resolution = resolve_in_force(ctx, location)
        if resolution is not None:
            found.add(resolution, location)
    return found


def _organisations(ctx: Context, sessions: list[SessionRecord], emails: list[str]) -> list[dict[str, Any]]:
    """Organisations from facilitator lines, the gazetteer and email domains, one per canonical name."""
    from pipeline.recognizers.organisations import default_gazetteer

    gazetteer = default_gazetteer()
    written: list[str] = []
    for session in sessions:
        written.extend(p.organisation for p in session.facilitators if p.organisation)
    labelled = list(written)
    title = next(((m["start"], m["end"]) for m in ctx.mentions if m["label"] == "title"), (0, 0))
    for entity in ctx.entities:
        if entity.label == "ORG":
            name = _within_line(entity)
            if entity.source == "rule:organisation" and len(name.split()) < 2:
                continue  # a shape cut at a line break to its head word alone ("rekenkamer\nHet ...")
            if _a_municipalitys_own_body(ctx, name) or _the_meeting_in_the_title(entity, name, title):
                continue
            if not _part_of_longer(name, entity, labelled):
                written.append(name)
                end = entity.start + len(entity.text.split("\n", 1)[0].rstrip())
                ctx.mention("organisation", entity.start, end, entity.source, name, entity.confidence)
    for email in emails:
        owner = gazetteer.by_email_domain(email.rsplit("@", 1)[-1])
        if owner:
            written.append(owner)
    groups: dict[str, dict[str, Any]] = {}
    for name in written:
        name = clean_organisation(name) or name
        canonical = gazetteer.canonical(name) or name
        group = groups.setdefault(canonical.casefold(), {"name": canonical, "aliases": []})
        for alias in [name, *gazetteer.aliases(canonical)]:
            if alias != group["name"] and alias not in group["aliases"]:
                group["aliases"].append(alias)
    return list(groups.values())


def _the_meeting_in_the_title(entity: Found, name: str, title: tuple[int, int]) -> bool:
    """ "Terugkoppeling Griffiersoverleg Zeeland - do 8/10": a name by shape whose head is a
    meeting word ("-overleg") is, in the report's title, the meeting it reports on; elsewhere
    ("aangevraagd door het Griffiersoverleg Oost-Groningen") it is the body that meets."""
    if entity.source != "rule:organisation" or not title[0] <= entity.start < title[1]:
        return False
    return any(word.casefold().endswith(_meeting_heads()) for word in name.split())


@cache
def _meeting_heads() -> tuple[str, ...]:
    return tuple(w.casefold() for w in load_yaml("organisations.yml").get("meeting_heads") or [])


def _a_municipalitys_own_body(ctx: Context, name: str) -> bool:
    """ "de rekenkamercommissie van Texel", "voorzitter rekenkamercommissie Peel en Maas": a
    municipality's own body written in lower case is that municipality, not an organisation
    ("Rekenkamercommissie Utrecht-West", a joint one with a name of its own, stays one)."""
    match = _municipal_body().match(name)
    return match is not None and resolve_entity(ctx, match.group("place")) is not None


@cache
def _municipal_body() -> re.Pattern[str]:
    bodies = "|".join(load_yaml("organisations.yml").get("municipal_bodies") or ["(?!)"])
    return re.compile(rf"^(?:{bodies})\s+(?:van\s+(?:de\s+gemeente\s+)?)?(?P<place>[A-Z].*)$")


def _within_line(entity: Found) -> str:
    """A name never runs across a line break: "Provincie Noord-Brabant\nOp donderdag ..."."""
    if "\n" not in entity.text:
        return entity.value or entity.text
    return " ".join(entity.text.split("\n", 1)[0].split())


def _part_of_longer(name: str, entity: Found, labelled: list[str]) -> bool:
    """A name read from its shape alone ("Kenniscentrum Participatie") that is the tail of an
    organisation a facilitator line names in full ("Brabants Kenniscentrum Participatie")."""
    if entity.source == SOURCE_KNOWN:
        return False
    key = name.casefold()
    return any(len(other) > len(name) and other.casefold().endswith(" " + key) for other in labelled)


def _phones(ctx: Context) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for entity in ctx.entities:
        if entity.label == "PHONE" and entity.value not in seen:
            seen[entity.value] = {"e164": entity.value, "as_written": entity.text}
    return list(seen.values())


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(v for v in values if v))
