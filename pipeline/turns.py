"""Speaker turns of a transcript: a paragraph that opens with who speaks.

"[19:31:04] JOOST MEERMAN (dagvoorzitter): Goedenavond ...", "[19:42] Anja de Wit: ...",
"19:42 – PIETER KOENE: ...", "KEES MINNAARD (Org): ...". A name in proper case needs a time
stamp before it: without one, "Name: text" is an interview's answer or a labelled line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.model import Block
from pipeline.recognizers import Found
from pipeline.recognizers.names import looks_like_person
from pipeline.rules import load_list

_STAMP = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*|\d{1,2}[:.]\d{2}(?::\d{2})?[ \t]+[–—-][ \t]+)"
_CAPS_WORD = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]*[A-ZÀ-Ý]"
_CAPS_NAME = rf"{_CAPS_WORD}(?:[ ](?:{_CAPS_WORD}|[A-Z]\.)){{1,4}}"
_PROPER_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:[ ](?:[a-z']{1,4}|[A-ZÀ-Ý][\w'’-]+)){1,4}"
_NOTE = r"(?:[ \t]*\((?P<note>[^()\n]{1,80})\))?"
_TURN = re.compile(
    rf"(?P<stamp>{_STAMP})?(?:(?P<caps>{_CAPS_NAME})|(?<=[\] \t])(?P<proper>{_PROPER_NAME}))"
    rf"{_NOTE}:[ \t]+(?=\S)"
)
_REACH = 140
_UNSTAMPED_PERSON = 0.8
SOURCE = "rule:speaker"  # a speaker label is short: a colon further in is a sentence's


@dataclass(frozen=True)
class Turn:
    name: str
    """The speaker as a person writes their name ("Joost Meerman", "Fatima el Amrani")."""
    start: int
    end: int
    """The name's span in the paragraph's text."""
    note: str | None
    """What the brackets after the name say: a role ("dagvoorzitter", "raadslid Vlissingen")
    or an organisation."""
    body: int
    """Where the spoken text starts."""


def speaker_turn(text: str) -> Turn | None:
    """The turn a paragraph opens, if it opens with a speaker label."""
    # Cheap tests first: a label opens with a stamp or a capital, and its colon comes early.
    first = text[:1]
    if not (first == "[" or first.isdigit() or first.isupper()) or ":" not in text[:_REACH]:
        return None
    match = _TURN.match(text)
    if match is None or (match.group("proper") and not match.group("stamp")):
        return None
    group = "caps" if match.group("caps") else "proper"
    name = proper_case(match.group(group))
    # Without a stamp, a line in capitals before a colon is a person only by a known first name
    # ("KEES MINNAARD:"), not a warning or a heading ("LET OP:", "VRAAG TWEE:").
    if looks_like_person(name) < (0.5 if match.group("stamp") else _UNSTAMPED_PERSON):
        return None
    return Turn(
        name,
        match.start(group),
        match.end(group),
        match.group("note"),
        match.end(),
    )


def proper_case(name: str) -> str:
    """ "MARCO VAN HOOFT" -> "Marco van Hooft"; a name already in proper case stays as written."""
    if not name.isupper():
        return name
    words = []
    for position, word in enumerate(name.split()):
        lowered = word.lower()
        if position and lowered in _particles():
            words.append(lowered)
        else:
            words.append("-".join(part[:1] + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


@cache
def _particles() -> frozenset[str]:
    return frozenset(w for line in load_list("tussenvoegsels.txt") for w in line.lower().split())


def speaker_names(blocks: list[Block]) -> list[Found]:
    """The people a transcript names only in its speaker labels ("JOOST MEERMAN (dagvoorzitter):"),
    each label once, as the person writes their name. Running text's names are found elsewhere."""
    found = []
    for block in blocks:
        turn = speaker_turn(block.text) if block.kind == "paragraph" else None
        if turn is not None:
            start, end = block.start + turn.start, block.start + turn.end
            found.append(
                Found("PERSON", start, end, block.text[turn.start : turn.end], turn.name, SOURCE, 0.95)
            )
    return found
