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
from pipeline.recognizers.names import clean_person_name, split_person_details
from pipeline.rules import load_yaml

_OPEN, _CLOSE = "“„\"‘'«", "”\"’'»"
_DASHES = ("-", "–", "—", "~")
_MUNICIPALITY_IN = re.compile(r"\b(?:gemeente|in|uit|te|van)\s+(?P<name>[A-Z'][\w'’.() -]*[\w)])")


@cache
def _inline_quote() -> re.Pattern[str]:
    verbs = "|".join(load_yaml("labels.yml")["quote_attribution"])
    return re.compile(
        rf"[“„\"«](?P<quote>[^”\"»]{{15,}})[”\"»]\s*[,.]?\s*(?:{verbs})\s+(?P<who>[^.;:!?“”]+(?:\.[A-Z][^.;:!?“”]*)*)",
    )


def extract_quotes(ctx: Context) -> list[dict[str, Any]]:
    quotes: list[dict[str, Any]] = []
    blocks = ctx.document.blocks
    for index, block in enumerate(blocks):
        follower = blocks[index + 1] if index + 1 < len(blocks) else None
        if _is_block_quote(block) and follower is not None and _is_attribution(follower):
            text = block.text.strip(_OPEN + _CLOSE + " ")
            quotes.append(_quote(ctx, text, follower.text, follower.start, block))
            continue
        for match in _inline_quote().finditer(block.text):
            who_start = block.start + match.start("who")
            quotes.append(_quote(ctx, match.group("quote").strip(), match.group("who"), who_start, block))
    return quotes


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
    for match in _MUNICIPALITY_IN.finditer(attribution):
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
