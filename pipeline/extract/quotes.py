"""Quotes: block quotes with an attribution line below them, and quotes in running text
("…", aldus Petra de Groot, wethouder in Zwolle). The speaker's role and municipality
come from the attribution."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.extract.context import Context
from pipeline.extract.municipalities import MunicipalityRef, resolve_entity
from pipeline.model import Block
from pipeline.recognizers import Found
from pipeline.recognizers.names import clean_person_name, split_person_details
from pipeline.rules import load_list, load_yaml
from pipeline.segment import plain

_OPEN, _CLOSE = "“„\"‘'«", "”\"’'»"
_DASHES = ("-", "–", "—", "~")
_MUNICIPALITY_IN = re.compile(r"\b(?:gemeente|in|uit|te|van)\s+(?P<name>[A-Z'][\w'’.() -]*[\w)])")
# A municipality in brackets after the name: "Rijk van Walsem (Leiderdorp)".
_MUNICIPALITY_BRACKETED = re.compile(r"\((?P<name>[A-Z'][^()]*)\)")


@cache
def _inline_quote() -> re.Pattern[str]:
    verbs = "|".join(load_yaml("labels.yml")["quote_attribution"])
    # Titles before the name ("zegt mw. Van den Berg-de Wit") end in a dot that ends no sentence.
    titles = "|".join(re.escape(t.rstrip(".")) for t in load_list("titles.txt") if t.endswith("."))
    return re.compile(
        rf"[“„\"«](?P<quote>[^”\"»]{{15,}})[”\"»]\s*[,.]?\s*(?:{verbs})\s+"
        rf"(?P<who>(?:(?:{titles})\.\s*)*[^.;:!?“”]+(?:\.[A-Z][^.;:!?“”]*)*)",
    )


# "“Dorpsbelangen zijn ...” – Anneke Postma, raadslid gemeente Dantumadiel" on one line.
_QUOTE_THEN_ATTRIBUTION = re.compile(r"^[“„\"«](?P<quote>[^”\"»]{15,})[”\"»]\s*[–—-]\s+(?P<who>\S.*)$")
# "Henk Postma merkte op dat ...: “Als de fractievoorzitters ...”": the speaker comes first.
_LEAD_IN = re.compile(r":\s*[“„\"«](?P<quote>[^”\"»]{15,})[”\"»]")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(?=[A-Z“\"‘(*])")
# How far after a lead-in speaker's name a municipality may still be theirs ("van Noordwijkerhout").
_AFTER_NAME_CHARS = 40
_PLACE_RIGHT_AFTER = re.compile(r"^,?\s*(?:van|uit|in|gemeente)\s+[A-Z'][^,.;:]*")


def extract_quotes(ctx: Context) -> list[dict[str, Any]]:
    quotes: list[dict[str, Any]] = []
    blocks = ctx.document.blocks
    for index, block in enumerate(blocks):
        follower = blocks[index + 1] if index + 1 < len(blocks) else None
        if _is_block_quote(block) and follower is not None and _is_attribution(follower):
            text = block.text.strip(_OPEN + _CLOSE + " ")
            quotes.append(_quote(ctx, text, follower.text, follower.start, block))
            continue
        one_line = _QUOTE_THEN_ATTRIBUTION.match(plain(block.text).strip())
        if one_line:
            who_start = block.start + block.text.find(one_line.group("who"))
            quotes.append(
                _quote(ctx, one_line.group("quote").strip(), one_line.group("who"), who_start, block)
            )
            continue
        for match in _inline_quote().finditer(block.text):
            who_start = block.start + match.start("who")
            quotes.append(_quote(ctx, match.group("quote").strip(), match.group("who"), who_start, block))
        quotes.extend(_lead_in_quotes(ctx, block))
    return quotes


def _lead_in_quotes(ctx: Context, block: Block) -> list[dict[str, Any]]:
    """A quotation after a colon whose sentence opens with its speaker: "Henk Postma merkte op
    dat ...: “...”", "Volgens griffier Jeroen ten Have van Noordwijkerhout is ...: “...”"."""
    quotes = []
    for match in _LEAD_IN.finditer(block.text):
        starts = [m.end() for m in _SENTENCE_START.finditer(block.text, 0, match.start())]
        begin = block.start + (starts[-1] if starts else 0)
        people = ctx.entities_in(begin, block.start + match.start(), "PERSON")
        if people:
            quotes.append(_lead_in_quote(ctx, match.group("quote").strip(), people[0], begin, block))
    return quotes


def _lead_in_quote(ctx: Context, text: str, person: Found, begin: int, block: Block) -> dict[str, Any]:
    """The speaker is the first person of the sentence, their role the word before the name
    ("griffier"), their municipality a place right after it ("van Noordwijkerhout")."""
    before = ctx.document.text[begin : person.start].split()
    role = split_person_details(f"{before[-1]} {person.text}")[1] if before else None
    # The raw text right after the name, so the municipality's mention keeps its true offsets.
    window = ctx.document.text[person.end : min(block.end, person.end + _AFTER_NAME_CHARS)]
    near = _PLACE_RIGHT_AFTER.match(window)
    municipality = _speaker_municipality(ctx, near.group(), person.end) if near else None
    ctx.mention("quote", block.start, block.end, "rule:quote")
    ctx.mention("person", person.start, person.end, "rule:quote", person.value)
    return {
        "text": text,
        "speaker": person.value,
        "role": role,
        "organisation": None,
        "municipality": municipality.to_dict() if municipality else None,
    }


def _is_block_quote(block: Block) -> bool:
    text = block.text.strip()
    return len(text) > 15 and text[0] in _OPEN and text[-1] in _CLOSE


def _is_attribution(block: Block) -> bool:
    if block.kind == "list_item" and block.marker in _DASHES:
        return True
    return block.text.startswith(_DASHES) and len(block.text.split()) <= 15


def _quote(ctx: Context, text: str, attribution: str, offset: int, block: Block) -> dict[str, Any]:
    attribution = attribution.lstrip("".join(_DASHES) + " ")
    name, role, rest = split_person_details(attribution)
    speaker = clean_person_name(name) if name else None
    if speaker is None:
        # "zegt wethouder Sabine Dekker van Dijk en Waard": the name the recognizer found in it.
        people = ctx.entities_in(offset, offset + len(attribution), "PERSON")
        speaker, name = (people[0].value, people[0].text) if people else (None, name)
    municipality = _speaker_municipality(ctx, attribution, offset)
    organisation = rest if rest and municipality is None else None
    ctx.mention("quote", block.start, block.end, "rule:quote")
    if speaker:
        at = ctx.document.text.find(name, offset) if name else offset
        ctx.mention("person", at, at + len(name or ""), "rule:quote", speaker)
    return {
        "text": text,
        "speaker": speaker,
        "role": role,
        "organisation": organisation,
        "municipality": municipality.to_dict() if municipality else None,
    }


def _speaker_municipality(ctx: Context, attribution: str, offset: int) -> MunicipalityRef | None:
    """'gemeente Ommen', 'wethouder in Zwolle', 'uit Den Bosch': the place the speaker stands for."""
    matches = [*_MUNICIPALITY_IN.finditer(attribution), *_MUNICIPALITY_BRACKETED.finditer(attribution)]
    for match in matches:
        words = match.group("name").split()
        # Try the longest run of words first: "Alphen aan de Rijn" before "Alphen".
        for size in range(len(words), 0, -1):
            written = " ".join(words[:size]).rstrip(".,")
            resolution = resolve_entity(ctx, written)
            if resolution is not None:
                start = offset + attribution.find(written)
                ctx.mention("municipality", start, start + len(written), "rule:quote", resolution.code)
                return MunicipalityRef(resolution.code, resolution.name, [written])
    return None
