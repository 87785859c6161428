"""Where a meeting was held, read from the opening paragraphs of a report.

Reports rarely have a "Locatie:" line; they say it in the first lines of prose: "kwamen
bijeen in het stadhuis van Zwolle", "op een landgoed in Doorn", "die ProDemos ... in Den
Haag organiseerde", "Gastheer was de gemeente Roermond". The cues are data
(``rules/location.yml``), tried from strong to weak:

1. a venue noun before the place ("provinciehuis in Arnhem"): any capitalised place counts,
   a village too;
2. a host phrase before "gemeente X";
3. a sentence with an event verb and "in X" / "te X", where X must be a municipality (so
   "Democratie in Actie" or a region is no place) and no online cue stands before it.

Only the opening paragraphs count: a session's body names places as examples ("In
Scheveningen organiseert een fractie ..."), and a closing part names the next meeting's.
An online meeting has no venue cue, so it has no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extract.context import Context
from pipeline.extract.municipalities import resolve_entity
from pipeline.model import Block
from pipeline.rules import AnyCase, load_yaml
from pipeline.segment import find_label, session_heading

# The space after a sentence's end (group 1); punctuation first, not a lookbehind, so that
# ``re`` skips from one "." "!" "?" to the next.
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z“\"'‘(])")
_MIN_WORDS = 8
_QUOTE_OPENERS = "“„\"‘'«"


@dataclass(frozen=True)
class _Cues:
    venue: re.Pattern[str]
    venue_named: re.Pattern[str]
    venue_noun: AnyCase
    host: re.Pattern[str]
    trip: re.Pattern[str]
    event_verb: AnyCase
    in_place: re.Pattern[str]
    venue_line: re.Pattern[str]
    named_venue: re.Pattern[str]
    named_venue_hints: tuple[str, ...]
    online: re.Pattern[str]
    planned: AnyCase
    intro_paragraphs: int


@dataclass(frozen=True)
class PlaceFound:
    place: str
    start: int
    """Offset of ``place`` in ``Document.text``."""
    cue: str
    """"venue", "host", "trip" or "event"."""


def _words(entries: list[str]) -> str:
    return "|".join(re.escape(str(e)).replace(r"\ ", r"\s+") for e in sorted(entries, key=len, reverse=True))


@cache
def _cues() -> _Cues:
    rules = load_yaml("location.yml")
    connectors = _words(rules["connectors"])
    name = r"(?:['’]s-)?[A-ZÀ-Ý][\w'’-]*"
    place = rf"(?P<place>{name}(?:\s+(?:(?:{connectors})\s+)*{name})*)"
    prepositions = _words(rules["prepositions"])
    return _Cues(
        venue=re.compile(
            # The venue may have a name of its own: "in dorpshuis De Ploeg in Zuidbroek".
            # A compound ends in the venue noun ("Stadskasteel Oudaen in Utrecht"), so the noun
            # may start inside a word. Not as "\b\w*noun": re then backtracks through every
            # word of the sentence (0.2 ms a report); the matched places are the same.
            rf"(?i:(?:{_words(rules['venues'])})\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:van|{prepositions})\s+){place}"
        ),
        # A venue named after its place, the place right after the noun: "in het Stadsarchief
        # Vlaardingen", "in Raadhuis Sliedrecht". The place must then be a municipality, since
        # "Theater De Lawei" names the building, not where it stands; and the venue must be where
        # something happened ("in", "naar", "op" before it): "conservator van het Gemeentemuseum
        # Den Haag" names a job.
        venue_named=re.compile(
            rf"(?i:\b(?:in|naar|op)\s+(?:(?:het|de|'t)\s+)?[\w'’-]*?(?:{_words(rules['venues'])}))\s+{place}"
        ),
        # The venue nouns alone, in lower case: searched first, since the venue pattern is tried
        # at every position of a sentence (0.26 ms a report) and most sentences name no venue.
        venue_noun=AnyCase(f"(?:{_words(rules['venues'])})"),
        host=re.compile(rf"(?i:\b(?:{_words(rules['hosts'])})\b[^.;]*?\bgemeente\s+){place}"),
        # "naar Gent" a few words after the trip's word, in the same clause.
        trip=re.compile(rf"(?i:\b(?:{_words(rules['trips'])})\b(?:\s+[^\s,.;:]+){{0,6}}?\s+naar\s+){place}"),
        # Word lists in lower case searched with AnyCase: several times faster than IGNORECASE.
        event_verb=AnyCase(rf"\b(?:{_words(rules['event_verbs'])})\b"),
        in_place=re.compile(rf"(?i:\b(?:{prepositions})\s+){place}"),
        # "Raadhuis Bloemendaal, Overveen", "Stadskasteel Oudaen, Utrecht": a line of its own.
        venue_line=re.compile(rf"^(?i:[\w'’-]*(?:{_words(rules['venues'])}))\b[^,\n]{{0,50}},\s*{place}\s*$"),
        named_venue=re.compile(
            rf"\b(?:{prepositions})\s+(?P<venue>(?:{_words(rules['named_venue_articles'])})\s+{name}(?:\s+{name}){{0,2}})"
            rf"\s+(?:{prepositions})\s+{place}"
        ),
        named_venue_hints=tuple(
            f" {p} {a} " for p in rules["prepositions"] for a in rules["named_venue_articles"]
        ),
        online=re.compile(rf"(?i:\b(?:{_words(rules['online'])})\b)"),
        planned=AnyCase(rf"\b(?:{_words(rules['planned'])})\b"),
        intro_paragraphs=int(rules["intro_paragraphs"]),
    )


def find_location(ctx: Context, blocks: list[Block]) -> PlaceFound | None:
    """The place the opening paragraphs say the meeting was held, strongest cue first."""
    found: list[tuple[int, PlaceFound]] = []
    for block in intro_paragraphs(blocks):
        for start, end in _sentences(block):
            found.extend(_in_sentence(ctx, block.text[start:end], block.start + start))
    if not found:
        return None
    return min(found, key=lambda item: (item[0], item[1].start))[1]


def names_a_venue(text: str) -> bool:
    """Whether ``text`` holds a venue noun ("Raadzaal", "Dorpshuis De Brink")."""
    return _cues().venue_noun.search(text) is not None


# How many blocks at the top a venue line may be among (a slide deck's title slide).
_VENUE_LINE_REACH = 12


def find_venue_line(blocks: list[Block]) -> PlaceFound | None:
    """ "- Raadhuis Bloemendaal, Overveen" among the short lines at the top (a title slide's
    bullets, an invitation's details), before the first session: the place after the venue."""
    for block in blocks[:_VENUE_LINE_REACH]:
        if session_heading(block):
            return None
        if block.kind not in ("list_item", "paragraph") or len(block.text.split()) > 16:
            continue
        # Also one part of a line split by middle dots or bars: "donderdag 1 december 2016 ·
        # gemeentehuis Leudal, Heythuysen" (a title slide's date and venue on one line).
        parts = _LINE_PARTS.split(block.text) if "·" in block.text or "|" in block.text else [block.text]
        for part in parts:
            match = _cues().venue_line.match(part.strip()) if len(part.split()) <= 8 else None
            if match:
                at = block.start + block.text.index(match.group("place"), block.text.index(part))
                return PlaceFound(match.group("place"), at, "venue")
    return None


_LINE_PARTS = re.compile(r"\s[·|]\s")


# "Gemeentehuis X, Dokkum (raadzaal, zaal Lauwers)": the rooms in brackets after the place.
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)$")


def venue_place(text: str) -> str | None:
    """ "Dorpshuis De Wierde, Uithuizen" -> "Uithuizen": the place after a venue, else None;
    rooms in brackets after the place are left out."""
    text = text.strip()
    match = _cues().venue_line.match(_TRAILING_BRACKET.sub("", text) if text.endswith(")") else text)
    return match.group("place") if match else None


def intro_paragraphs(blocks: list[Block]) -> list[Block]:
    """The report's first prose paragraphs, before its first session or section heading; a
    heading that names a report ("Terugblik: ...", a newsletter's item) opens its intro."""
    intro = _paragraphs_up_to_a_heading(blocks)
    return intro or _paragraphs_under_intro_heading(blocks)


def _paragraphs_up_to_a_heading(blocks: list[Block]) -> list[Block]:
    intro: list[Block] = []
    part_skipped = False
    for block in blocks:
        if session_heading(block):
            break
        if (
            block.kind == "heading"
            and (block.level or 1) > 1
            and not _names_a_report(block)
            and not _INTRO_HEADING.match(block.text)
        ):
            # Before the first prose, a subtitle ("Nummer 1 – 2020") and the first part's
            # heading ("Key facts", "Van de voorzitter") open the intro; a second part's heading
            # means the opening had no prose ("Voorgesteld besluit", then "Argumenten").
            if intro or (block.level == 2 and part_skipped):
                break
            part_skipped = part_skipped or block.level == 2
            continue
        if _is_prose(block):
            intro.append(block)
            if len(intro) == _cues().intro_paragraphs:
                break
    return intro


def _paragraphs_under_intro_heading(blocks: list[Block]) -> list[Block]:
    """A report that opens with other parts (a raadsvoorstel's header table and "Voorgesteld
    besluit") tells the meeting under its "Inleiding" heading: the prose under that heading,
    when it comes before the first session."""
    for index, block in enumerate(blocks):
        if session_heading(block):
            return []
        if block.kind == "heading" and _INTRO_HEADING.match(block.text):
            return _paragraphs_up_to_a_heading(blocks[index + 1 :])
    return []


# "## 1 Inleiding": the heading of the introduction opens the intro, it does not end it.
_INTRO_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:inleiding|introductie|aanleiding|voorwoord)\s*$", re.IGNORECASE
)


@cache
def _report_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(load_yaml('labels.yml')['report_words'])})\b", re.IGNORECASE)


def _names_a_report(block: Block) -> bool:
    return _report_words().search(block.text) is not None


def _is_prose(block: Block) -> bool:
    text = block.text.lstrip()
    # Words with letters: "Eindrapport · versie 1.0 · 14 december 2021" is a subtitle, not prose.
    return (
        block.kind == "paragraph"
        and sum(1 for word in text.split() if any(c.isalpha() for c in word)) >= _MIN_WORDS
        and text[:1] not in _QUOTE_OPENERS
        and not _is_byline(text)
        and find_label(block) is None
    )


# "Projectteam Regio X · versie 0.9 · intern · 9 november 2021": parts set apart by a middle dot
# or a bar (_LINE_PARTS), with no sentence in them, are a byline however many words they have.
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")


def _is_byline(text: str) -> bool:
    return _LINE_PARTS.search(text) is not None and _SENTENCE_INSIDE.search(text) is None


def _sentences(block: Block) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for match in _SENTENCE_END.finditer(block.text):
        spans.append((begin, match.start(1)))
        begin = match.end(1)
    spans.append((begin, len(block.text)))
    return spans


def _in_sentence(ctx: Context, sentence: str, offset: int) -> list[tuple[int, PlaceFound]]:
    """Every place a cue in ``sentence`` points at, ranked by the cue's strength."""
    cues = _cues()
    found: list[tuple[int, PlaceFound]] = []
    if cues.planned.search(sentence):
        return found
    for rank, (cue, pattern) in enumerate((("venue", cues.venue), ("host", cues.host), ("trip", cues.trip))):
        if cue == "venue" and not cues.venue_noun.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            place = _trim_place(ctx, match.group("place"), need_municipality=False)
            start = offset + match.start("place")
            if cue == "venue" and place:
                # "in het gemeentehuis van Westerveld in Diever": the venue's owner, then its place.
                inner = _place_after_owner(ctx, sentence, match, place)
                if inner is not None:
                    place, start = inner[0], offset + inner[1]
            found.append((rank, PlaceFound(place, start, cue)))
        if cue == "venue":
            found.extend(_venues_named_after_their_place(ctx, sentence, offset))
    found.extend((1, place) for place in _named_venue_places(ctx, sentence, offset))
    verb = cues.event_verb.search(sentence)
    if verb is not None:
        for match in cues.in_place.finditer(sentence):
            if cues.online.search(sentence, 0, match.start()):
                continue
            place = _trim_place(ctx, match.group("place"), need_municipality=True)
            if place:
                found.append((3, PlaceFound(place, offset + match.start("place"), "event")))
    return [item for item in found if item[1].place]


def _venues_named_after_their_place(ctx: Context, sentence: str, offset: int) -> list[tuple[int, PlaceFound]]:
    """ "in het Stadsarchief Vlaardingen": a venue noun, then a municipality; weaker than a venue
    with "in"/"van" before its place, which names where it stands outright."""
    found = []
    for match in _cues().venue_named.finditer(sentence):
        place = _trim_place(ctx, match.group("place"), need_municipality=True)
        if place:
            found.append((1, PlaceFound(place, offset + match.start("place"), "venue")))
    return found


def _named_venue_places(ctx: Context, sentence: str, offset: int) -> list[PlaceFound]:
    """ "in De Zuidhoek in Helvoirt": the place after a venue named by an article and a name."""
    cues = _cues()
    if not any(hint in sentence for hint in cues.named_venue_hints):
        return []
    return [
        PlaceFound(
            _trim_place(ctx, match["place"], need_municipality=False), offset + match.start("place"), "venue"
        )
        for match in cues.named_venue.finditer(sentence)
        if resolve_entity(ctx, match["venue"]) is None
    ]


def _place_after_owner(
    ctx: Context, sentence: str, match: re.Match[str], owner: str
) -> tuple[str, int] | None:
    """After "<venue> van <owner>", a place right behind the owner ("... van Westerveld in
    Diever") is where the venue stands: (that place, its offset in ``sentence``)."""
    if not sentence[: match.start("place")].rstrip().lower().endswith(" van"):
        return None
    end = match.start("place") + len(owner)
    there = _cues().in_place.match(sentence, end + 1) if sentence[end : end + 1].isspace() else None
    if there is None:
        return None
    inner = _trim_place(ctx, there.group("place"), need_municipality=False)
    return (inner, there.start("place")) if inner else None


def _trim_place(ctx: Context, written: str, *, need_municipality: bool) -> str:
    """The longest leading run of words that names a municipality ("Amsterdam en Rotterdam"
    -> "Amsterdam"); else, unless a municipality is needed, the name up to its first
    lower-case word ("Doorn", "Den Haag")."""
    words = written.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if resolve_entity(ctx, candidate) is not None:
            return candidate
    if need_municipality:
        return ""
    head: list[str] = []
    for word in words:
        if not word[:1].isupper() and head:
            break
        head.append(word)
    return " ".join(head)
