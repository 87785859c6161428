"""People: facilitator lists, speakers and contacts, merged into one record per person.

"Sonja Bollen en Engbert Breuker (Pentascope)": both work at Pentascope; the bracketed
organisation belongs to every name before it that has none of its own. "o.a." and
titles are not part of a name. The same person named twice is one person; a shorter
form of a name ("Jitske van Popering" for "Jitske van Popering-Verkerk") merges into the
fuller one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from pipeline.extract.context import Context
from pipeline.extract.municipalities import resolve_entity
from pipeline.recognizers.names import (
    abbreviates,
    clean_person_name,
    given_for_initials,
    looks_like_person,
    split_person_details,
)
from pipeline.recognizers.organisations import default_gazetteer
from pipeline.rules import load_list, load_yaml

# ", en" is one separator: "A, adviseur bij X, en B (Y)" would otherwise leave "en B" as a name.
# After a hyphen "en" joins the parts of one name: "Veiligheidsregio Noord- en Oost-Gelderland".
_ITEM_SEPARATOR = re.compile(
    r"\s*(?:,(?:\s+en(?=\s))?|;|(?<!-)\s+en\s+|\s+&\s+|\s+\+\s+|/)\s*", re.IGNORECASE
)
_BRACKET = re.compile(r"\(([^()]*)\)")


@dataclass
class PersonRef:
    name: str
    organisation: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "organisation": self.organisation, "role": self.role}


# name_key and is_short_form are pure, and PeopleSet asks them for every pair of a new name
# and the people known so far (~250 times a report, the same few names: cProfile).
@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    return re.sub(r"[\s.'’]+", " ", name).strip().casefold()


@lru_cache(maxsize=8192)
def is_short_form(short: str, full: str) -> bool:
    """How a name named in full before is written again: 'Jitske van Popering' for 'Jitske van
    Popering-Verkerk', 'Dijkstra' or 'Van den Berg-de Wit' (surname only, in "aldus Dijkstra"),
    'P. van 't Hek' for 'Paul van 't Hek' (initials)."""
    a, b = name_key(short).split(), name_key(full).split()
    if a == b or not a:
        return False
    if len(a) < len(b) and b[len(b) - len(a) :] == a and short[:1].isupper() and "." not in short:
        return True
    if len(a) != len(b):
        return False
    if all(x == y or (len(x) == 1 and y.startswith(x)) for x, y in zip(a, b, strict=True)):
        return any(len(x) == 1 and len(y) > 1 for x, y in zip(a, b, strict=True))
    return len(a) >= 2 and a[:-1] == b[:-1] and b[-1].startswith(a[-1] + "-")


class PeopleSet:
    """Distinct people in order of first mention; details fill in as they are found."""

    def __init__(self) -> None:
        self._people: list[PersonRef] = []

    def add(self, name: str, organisation: str | None = None, role: str | None = None) -> PersonRef:
        for person in self._people:
            if name_key(person.name) == name_key(name) or is_short_form(name, person.name):
                break
            if is_short_form(person.name, name):
                person.name = name
                break
        else:
            person = PersonRef(name)
            self._people.append(person)
        # A detail already known (from a labelled line, seen first) is kept.
        person.organisation = person.organisation or organisation
        person.role = person.role or role
        return person

    def canonical(self, name: str) -> str:
        found = self.find(name)
        return found.name if found else name

    def find(self, name: str) -> PersonRef | None:
        """The person ``name`` names, in full or in a short form."""
        for person in self._people:
            if name_key(person.name) == name_key(name) or is_short_form(name, person.name):
                return person
        return None

    def to_list(self) -> list[dict[str, Any]]:
        return [p.to_dict() for p in self._people]


@cache
def _organisation_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    qualifiers = "|".join(rules["organisation_qualifiers"])
    heads = "|".join(rules["organisation_lower_heads"])
    return (
        re.compile(rf"^(?:(?:{qualifiers})\s+)+", re.IGNORECASE),
        re.compile(rf"^(?:{heads})\b"),
    )


@cache
def _role_tail() -> re.Pattern[str]:
    """Lower-case words of a role, then the word that links it to the body: "wonen bij ",
    "jeugd van ", "bestuurskundige aan de "."""
    links = "|".join(load_yaml("labels.yml")["role_to_organisation"])
    return re.compile(rf"^(?:[a-zà-ÿ][\w-]*\s+)+?(?:{links})\s+(?:(?:de|het)\s+)?(?=[A-Z0-9])")


def clean_organisation(text: str | None) -> str | None:
    """The organisation's name without qualifiers ("beiden Universiteit Maastricht"), without
    a role or team written before a known organisation ("digitale participatie VNG") and
    without its own acronym after a comma ("Raad voor Cultuur en Onderwijs, RCO")."""
    if not text:
        return None
    qualifiers, heads = _organisation_patterns()
    text = qualifiers.sub("", text.strip(" ,;:.-–")).strip()
    if text[:1].islower() and not heads.match(text):
        # The rest of a role: "wonen bij Regio Stedendriehoek" (programmaleider wonen bij ...).
        text = _role_tail().sub("", text)
    text = _known_after_lower_words(text) or _without_own_acronym(text)
    # "energieadviseur bij de Metropoolregio Eindhoven": the article is the sentence's, not the name's.
    text = re.sub(r"^(?:de|het)\s+(?=[A-Z])", "", text)
    # "boswachter bij Staatsbosbeheer op Schiermonnikoog": where the person works, not the body's name.
    text = _WHERE_AFTER.sub("", text)
    # A name has a capital or a digit; words without one are the rest of a role or a remark:
    # "adviseur sociaal domein", "(zelfstandig)".
    return text if any(c.isupper() or c.isdigit() for c in text) else None


# A place after "op" at the end of a body's name: the sentence's, as in "bij Org op Texel".
_WHERE_AFTER = re.compile(r"(?<=\w)\s+op\s+[A-Z][\w'-]+$")


def _without_own_acronym(text: str) -> str:
    """ "Vereniging van Vlaamse Steden en Gemeenten, VVSG" -> the name: an acronym after the
    last comma that spells the initials of the name's capitalised words is the same body."""
    name, comma, acronym = text.rpartition(",")
    acronym = acronym.strip()
    if not comma or not acronym.isupper() or len(acronym) < 2:
        return text
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return name.strip() if initials == acronym else text


def _known_after_lower_words(text: str) -> str | None:
    """ "adviseur digitale participatie VNG" -> "VNG": the known organisation that ends a text
    whose other words are lower case, unless those words open a name ("provincie Utrecht")."""
    if not text[:1].islower() or _organisation_patterns()[1].match(text):
        return None
    for found in default_gazetteer().find(text):
        lead = text[: found.start].split()
        if found.end == len(text.rstrip(" .")) and lead and all(w[:1].islower() for w in lead):
            return found.text
    return None


def parse_person_list(ctx: Context, text: str, offset: int, source: str) -> list[PersonRef]:
    """People in a facilitator-style list, each with the organisation the text gives."""
    # "Name (Org). Zaal: Raadzaal.": a labelled sentence after the list is about something else.
    next_label = _NEXT_LABELLED_SENTENCE.search(text)
    text = text[: next_label.start()] if next_label else text
    # "Sandra Goossen (Scoop). Karin Hamelink was ziek.": the list is its first sentence when that
    # names people; what follows is prose about them, read elsewhere.
    sentences = _list_sentences(text)
    if len(sentences) > 1 or sentences[0][1] < len(text):
        people = [p for a, b in sentences for p in _parse_person_list(ctx, text[a:b], offset + a, source)]
        if people:
            return people
    return _parse_person_list(ctx, text, offset, source)


def _list_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of the list of names: up to the first sentence that is not names only
    ("Anna Bos (Berenschot). Piet Kok (VNG)." is one list of two sentences). A sentence ends at
    a full stop after a lower-case letter or a bracket, then a capital; not the dot of a title."""
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text) if not _after_a_title(text, m.start())]
    spans, begin = [], 0
    for end, following in zip(ends, [*ends[1:], len(text)], strict=False):
        spans.append((begin, end))
        if not _names_only(text[end:following]):
            return spans
        begin = end
    spans.append((begin, len(text)))
    return spans


def _after_a_title(text: str, dot: int) -> bool:
    """A dot that ends no sentence: a title's ("dr."), an abbreviation's ("o.a.", "ca."), or one
    inside brackets ("(o.a. Raadslid.Nu)")."""
    before = text[:dot]
    words = before.split()
    if not words or before.count("(") > before.count(")"):
        return True
    word = words[-1].strip("(").lower()
    return word in _titles() or "." in word or len(word) <= 2


# Words a sentence of names only may hold besides capitalised ones ("A van der Berg en B (Org)").
_LIST_WORDS = frozenset(
    {"en", "&", "van", "de", "der", "den", "ter", "ten", "het", "'t", "te", "bij", "namens"}
)


def _names_only(sentence: str) -> bool:
    words = re.sub(r"\([^()]*\)", " ", sentence).replace(",", " ").replace(".", " ").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _LIST_WORDS for w in words)


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)\]])\.(?=\s+[A-ZÀ-Ý])")


@cache
def _titles() -> frozenset[str]:
    return frozenset(t.lower().rstrip(".") for t in load_list("titles.txt"))


def _parse_person_list(ctx: Context, text: str, offset: int, source: str) -> list[PersonRef]:
    items = _split_outside_brackets(text)
    people: list[tuple[PersonRef, int, int]] = []
    placed: set[int] = set()  # people whose bracket names a municipality
    for start, end in items:
        piece = given_for_initials(text[start:end])  # "T. (Tjeerd) Bakels (Org)": Org, not Tjeerd
        organisation = None
        bracket = _BRACKET.search(piece)
        from_a_place = False
        if bracket:
            organisation = clean_organisation(bracket.group(1))
            from_a_place = _is_a_municipality(ctx, organisation)
            organisation = None if from_a_place else organisation
            piece = piece[: bracket.start()] + piece[bracket.end() :]
        if people and default_gazetteer().canonical(piece.strip(" ,;")) is not None:
            # "Name, universitair docent, Tilburg University": a known body after a name's
            # details is that person's, however much it looks like a name itself.
            _add_details(people[-1][0], piece, organisation)
            continue
        name, role, rest = split_person_details(piece)
        rest = _with_article(piece, rest)
        if organisation and rest and abbreviates(organisation, clean_organisation(rest) or ""):
            organisation = None  # "adviseur bij het Nederlands Jeugdinstituut (NJi)": the name in full
        cleaned = clean_person_name(name) if name else None
        if cleaned is not None and people and _role_of_previous(piece, cleaned):
            cleaned = None  # "Name, directeur Rekenkamer Oost-Brabant": the body, not a person
        if cleaned is None or looks_like_person(cleaned) < 0.5:
            if people and _is_detail(piece, organisation):
                _add_details(people[-1][0], piece, organisation)
            continue
        person = PersonRef(cleaned, organisation or clean_organisation(rest), role)
        people.append((person, start, end))
        if from_a_place:
            placed.add(id(person))
    # "A (Leiderdorp) en B (VNG)": A's bracket said where A comes from; VNG is B's alone.
    share_organisations([p for p, _, _ in people if id(p) not in placed])
    for person, start, end in people:
        ctx.mention("person", offset + start, offset + end, source, person.name)
    return [p for p, _, _ in people]


# A sentence after a list of people that opens with a label of its own: ". Zaal: X", ". Tijd: X".
_NEXT_LABELLED_SENTENCE = re.compile(r"(?<=[^\s.A-Z][).])\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+){0,2}\s*:\s")


def _with_article(piece: str, rest: str | None) -> str | None:
    """ "trainer bij De Raadsacademie": a capitalised article inside a line opens the body's own
    name (De Haagse Hogeschool), where a lower-case one would only be grammar."""
    if not rest:
        return rest
    at = piece.find(" " + rest)
    article = re.search(r"(?<=\s)(?:De|Het)$", piece[:at]) if at > 0 else None
    return f"{article.group()} {rest}" if article else rest


def _is_a_municipality(ctx: Context, organisation: str | None) -> bool:
    """ "Sanne Bos (Leiderdorp)": a municipality in brackets is where the person comes from,
    not their organisation; a known organisation named after a place stays one."""
    if not organisation or default_gazetteer().canonical(organisation) is not None:
        return False
    return resolve_entity(ctx, organisation) is not None


def _is_detail(piece: str, organisation: str | None) -> bool:
    """What follows a name after a comma: "adviseur bij Pentascope", "VNG", "procesbegeleider
    (Dols & Partners)", a body's name by its shape ("Waterschap Drents Overijsselse Delta");
    not another name that failed to parse."""
    piece = piece.strip(" ,;")
    return (
        not piece[:1].isupper()
        or organisation is not None
        or default_gazetteer().canonical(piece) is not None
        or any(m.found.start == 0 and m.found.end == len(piece) for m in default_gazetteer().matches(piece))
    )


def _role_of_previous(piece: str, name: str) -> bool:
    """ "directeur Rekenkamer Oost-Brabant" after a name: a lower-case role opens the piece and
    what follows reads as a body more than as a person."""
    return piece.strip()[:1].islower() and looks_like_person(name) < _SURE_PERSON


# A name this sure is a person even after a role ("..., wethouder Jan Smit").
_SURE_PERSON = 0.8


def _add_details(person: PersonRef, piece: str, organisation: str | None) -> None:
    """ "Jan Jansen, adviseur bij Pentascope": the role and organisation of the previous name;
    "A en B, allebei van ProDemos": the organisation of the names before it."""
    piece = piece.strip(" ,;")
    qualifiers, _ = _organisation_patterns()
    if organisation is None and qualifiers.match(piece):
        person.organisation = person.organisation or clean_organisation(piece)
        return
    if piece[:1].isupper() and organisation is None:
        person.organisation = person.organisation or piece
        return
    _, role, rest = split_person_details("X " + piece)
    rest = _with_article(piece, rest)
    person.role = person.role or role
    person.organisation = (
        person.organisation or organisation or clean_organisation(rest) or _linked_body(piece)
    )


def _linked_body(piece: str) -> str | None:
    """ "bestuurskundige aan de Universiteit X": a word the roles list does not know, linked to
    the body it serves; without such a link the words may be anything."""
    return clean_organisation(piece) if _role_tail().match(piece) else None


def _split_outside_brackets(text: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for match in _ITEM_SEPARATOR.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")") or _joins_a_name(text, begin, match):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _joins_a_name(text: str, begin: int, match: re.Match[str]) -> bool:
    """ "adviseur bij Stichting Dialoog & Raad": an ampersand after a role's body joins the words
    of one name; between two people ("Bollen & Breuker") it separates them."""
    if match.group().strip() not in ("&", "+"):
        return False
    return _BODY_AFTER_ROLE.search(text, begin, match.start()) is not None


# A role's link word before a capitalised body: "... bij Stichting Dialoog", "... van De Kern".
_BODY_AFTER_ROLE = re.compile(r"\s(?:bij|van|namens|vanuit)\s+[A-Z][^,;()]*$")


def share_organisations(people: list[PersonRef]) -> None:
    """A name without an organisation takes the next one's: 'A en B (Org)'."""
    following: str | None = None
    for person in reversed(people):
        if person.organisation:
            following = person.organisation
        elif following:
            person.organisation = following


def details_beside(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """The role and organisation written with a name in running text: the role right before
    it ("Directeur Hans Dijkstra"), a role and the body it serves before it ("directeur van
    GGD Gelderland-Zuid Moniek Pieters"; a municipality there is no organisation), or a role
    after a comma ("P. van 't Hek, conservator Gemeentemuseum Den Haag")."""
    text = ctx.document.text
    name = text[start:end]
    window = text[max(0, start - 80) : start]
    before = window.split()
    if before:
        role = split_person_details(f"{before[-1]} {name}")[1]
        if role:
            return role, None
    # Only a capitalised word right before the name may end a body's name ("... Heerde Name").
    served = (
        _ROLE_OF_BODY.search(window)
        if before and before[-1][:1].isupper() and _CONNECTOR_WORD.search(window)
        else None
    )
    if served is not None:
        found, role, organisation = split_person_details(served.group() + name)
        if role and found == clean_person_name(name):
            if organisation and resolve_entity(ctx, organisation) is not None:
                organisation = None
            return role, organisation
    after = _DETAILS_AFTER.match(text, end)
    return (split_person_details(f"{name}, {after.group(1)}")[1] if after else None), None


_DETAILS_AFTER = re.compile(r",[ \t]*([^,.;|\n]{2,60})")
_CONNECTOR_WORD = re.compile(r" (?:van|bij|namens) ")
# "directeur van GGD Gelderland-Zuid " right before a name: a word, a connector, capitalised words.
_ROLE_OF_BODY = re.compile(
    r"(?<![\w-])[\w-]+[ \t]+(?:van|bij|namens)[ \t]+(?:(?:de|het)[ \t]+)?(?:[A-Z][\w\u00c0-\u024f-]*[ \t]+)+$"
)
