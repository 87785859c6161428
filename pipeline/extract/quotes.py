"""Quotes: block quotes with an attribution line below them, and quotes in running text
("…", aldus Petra de Groot, wethouder in Zwolle). The speaker's role and municipality
come from the attribution."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from pipeline.extract.context import Context
from pipeline.extract.municipalities import MunicipalityRef, resolve_entity
from pipeline.model import Block
from pipeline.recognizers import Found
from pipeline.recognizers.names import clean_person_name, split_person_details
from pipeline.rules import load_list, load_yaml
from pipeline.segment import plain
from pipeline.turns import speaker_turn

# Dutch „...“ closes with the mark English opens with; guillemets «...» and single quotes too.
_OPEN, _CLOSE = "“„\"‘'«", "”“\"’'»"
# A single quote opens a quotation only at a word start and not as the elided article of
# "'s-Hertogenbosch" or "’t Harde"; it closes one only after a letter or punctuation.
_SINGLE_OPEN = r"(?<=['‘’])(?<![\w'’]['‘’])(?!(?:s|t|n)[\s-])(?=[A-Z])"
_SINGLE_CLOSE = r"(?<=[\w.,!?])['’](?![\w])"
# Inside it, an apostrophe only within a word ("pagina's", "zo'n"); written as an unrolled
# loop (runs between apostrophes), which ``re`` scans far faster than a group per character.
_SINGLE_BODY = r"(?=[^\n]{15})[^'‘’\n]+(?:(?<=\w)['’](?=\w)[^'‘’\n]*)*"
# Any opening mark first, as a plain character class, so ``re`` skips ahead to the next one
# (a lookbehind in front made it try every position); which mark it was, after it.
_QUOTED = (
    r"[“„\"«'‘’](?:(?<=[“„\"«])(?P<quote>[^”“\"»]{15,})[”“\"»]"
    rf"|{_SINGLE_OPEN}(?P<single>{_SINGLE_BODY}){_SINGLE_CLOSE})"
)
# What a block quote's text is stripped of: its marks, and bold or italic markup around them.
_QUOTE_EDGES = _OPEN + _CLOSE + " *_"
_DASHES = ("-", "–", "—", "~")
# What opens an attribution after a quote: a dash, or a slash ("“...” / Name, griffier X").
_ATTRIBUTION_MARKS = (*_DASHES, "/")
# "wethouder in Zwolle", "uit Delft", "voorzitter rekenkamercommissie Peel en Maas": a body of
# one municipality names it right after its own name.
_MUNICIPALITY_IN = re.compile(
    r"\b(?:gemeente|in|uit|te|op|van|gemeenteraad|rekenkamer(?:commissie)?|griffie)\s+"
    r"(?P<name>[A-Z'][\w'’.() -]*[\w)])"
)
# A municipality in brackets after the name: "Rijk van Walsem (Leiderdorp)".
_MUNICIPALITY_BRACKETED = re.compile(r"\((?P<name>[A-Z'][^()]*)\)")


@cache
def _inline_quote() -> re.Pattern[str]:
    verbs = "|".join(load_yaml("labels.yml")["quote_attribution"])
    # Titles before the name ("zegt mw. Van den Berg-de Wit") end in a dot that ends no sentence.
    titles = "|".join(re.escape(t.rstrip(".")) for t in load_list("titles.txt") if t.endswith("."))
    return re.compile(
        rf"{_QUOTED}"
        rf"\s*[,.]?\s*(?:{verbs})\s+"
        # "..., grapte ze": a pronoun names nobody this pattern could give (no quote, no guess).
        r"(?!(?:ze|zij|hij|ik|we|wij|jij|je|men|die)\b)"
        rf"(?P<who>(?:(?:{titles})\.\s*)*[^.;:!?“”]+(?:\.[A-Z][^.;:!?“”]*)*)",
    )


# "“Dorpsbelangen zijn ...” – Anneke Postma, raadslid gemeente Dantumadiel" on one line, also
# after a short label ("Citaat van de dag: “...” - dat was Name") and after a slash. What follows
# the slash is no attribution when it is a quotation itself: a translation ("“...” / *“...”*").
_QUOTE_THEN_ATTRIBUTION = re.compile(
    rf"^(?:[^:“„\"«‘'\n]{{1,40}}:\s*)?{_QUOTED}"
    r"\s*[–—/-]\s+(?P<who>(?![*_]*[“„\"«‘'])\S.*)$"
)
# "Name (Blaricum) – ‘...’": the speaker first, a dash, then the quotation ending the line.
_SPEAKER_THEN_QUOTE = re.compile(rf"(?P<who>[A-Z][^“„\"«‘'\n:]{{2,80}}?)\s+[–—-]\s+{_QUOTED}\s*$")
# "“Het geld is ...” (Name, raadslid Rijswijk)": the attribution in brackets after the quote.
_QUOTE_THEN_BRACKET = re.compile(rf"^{_QUOTED}\s*\((?P<who>[^()]{{3,120}})\)\s*\.?$")
# "“Wij zijn,” aldus burgemeester X van Pekela, “geen wingewest ...”": a quote split by its
# attribution; the first part may be short.
_SPLIT_QUOTE = re.compile(
    r"[“„\"](?P<quote>[^”“\"]{2,})[”“\"]\s*,?\s*(?:aldus|zegt|zei|vertelt|vertelde|stelt|stelde)\s+"
    r"(?P<who>[^“„\"]{3,120}?),\s*[“„\"](?P<rest>[^”“\"]{5,})[”“\"]"
)
# "Henk Postma merkte op dat ...: “Als de fractievoorzitters ...”": the speaker comes first;
# also in single quotes when a sentence ("Name (raadslid X) zei het zo: ‘Ik ...’"), not a term
# ("een motto: ‘klein beginnen’").
_LEAD_IN = re.compile(
    r":\s*(?:[“„\"«](?P<quote>[^”“\"»]{15,})[”“\"»]|‘(?=[A-Z])(?P<single>[^’\n]{15,}?)’(?!\w))"
)
# A short line of its own that ends in a colon and names the speaker of the quote below it:
# "Raadslid Name uit Zutphen:", "Een raadslid uit Delfzijl, Name, vatte het samen:".
_LEAD_IN_LINE_WORDS = 20
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)(?=[A-Z“\"‘(*])")
# How far after a lead-in speaker's name a municipality may still be theirs ("van Noordwijkerhout").
_AFTER_NAME_CHARS = 40
# "Name van Noordwijkerhout", "Name, griffier van Edam-Volendam": a role after a comma may come
# between (without the comma, "Name sprak in Zwolle" would make the place theirs).
_PLACE_RIGHT_AFTER = re.compile(r"^(?:,\s*[a-z][\w-]*)?,?\s*(?:van|uit|in|gemeente)\s+[A-Z'][^,.;:]*")
# A quotation that is a sentence of its own, ending its paragraph or followed by the next
# sentence: "Wethouder X van Y had een duidelijke boodschap. “...”": the sentence before it
# introduces the speaker.
_QUOTE_SENTENCE = re.compile(
    r"[.!?]\s+[“„\"«](?P<quote>[^”“\"»]{15,})[”“\"»](?:\s*$|(?<=[.!?][”“\"»])\s+(?=[A-Z]))"
)
# That sentence must open with its one person (after a role of a few words at most).
_SPEAKER_OPENS_WITHIN_WORDS = 6


def extract_quotes(ctx: Context) -> list[dict[str, Any]]:
    quotes: list[dict[str, Any]] = []
    blocks = _with_quotes_joined(ctx.document.text, ctx.document.blocks)
    for index, block in enumerate(blocks):
        if _ANY_MARK.search(block.text) is None:
            continue  # every shape below has its quotation inside the block itself
        follower = blocks[index + 1] if index + 1 < len(blocks) else None
        block_quote = _is_block_quote(block)
        if block_quote and follower is not None and _is_attribution(follower):
            text = block.text.strip(_QUOTE_EDGES)
            who = follower.text.strip().strip("()")
            quotes.append(_quote(ctx, text, who, follower.start + follower.text.find(who), block))
            continue
        previous = blocks[index - 1] if index > 0 else None
        if block_quote and previous is not None and _is_speaker_cell(ctx, previous, block):
            # "Wie | Wat" tables: the speaker in the cell left of the quotation.
            text = block.text.strip(_QUOTE_EDGES)
            quotes.append(_quote(ctx, text, previous.text.strip(), previous.start, block))
            continue
        answer = _ANSWER.match(block.text) if block.text[:1] in "AN" else None
        if answer and _is_block_quote(block, answer.end()):
            interview = _interviewee(ctx, blocks, index)
            if interview is not None:
                text = block.text[answer.end() :].strip(_QUOTE_EDGES)
                quotes.append(_quote(ctx, text, interview[0], interview[1], block))
                continue
        if block_quote and previous is not None and _is_lead_in_line(previous):
            people = ctx.entities_in(previous.start, previous.end, "PERSON")
            if people:
                text = block.text.strip(_QUOTE_EDGES)
                quotes.append(_lead_in_quote(ctx, text, people[0], previous.start, previous))
                continue
        if block_quote and follower is not None and _is_name_line(ctx, follower):
            # "**“...”**" over "*Wethouder Name, Purmerend*": the short line under it names the speaker.
            text = block.text.strip(_QUOTE_EDGES)
            who = plain(follower.text).strip(" *_")
            quotes.append(_quote(ctx, text, who, follower.start + follower.text.find(who), block))
            continue
        speaker_first = _SPEAKER_THEN_QUOTE.match(block.text) if block.text[-1:] in _CLOSE else None
        if speaker_first and ctx.entities_in(block.start, block.start + speaker_first.end("who"), "PERSON"):
            quotes.append(_quote(ctx, _said(speaker_first), speaker_first.group("who"), block.start, block))
            continue
        one_line = _QUOTE_THEN_ATTRIBUTION.match(plain(block.text).strip())
        if one_line is None and block.text[-4:].rstrip().endswith((")", ").")):
            one_line = _QUOTE_THEN_BRACKET.match(block.text.strip())
        if one_line:
            who = one_line.group("who").rstrip(" *_")
            who_start = block.start + block.text.find(who)
            quotes.append(_quote(ctx, _said(one_line), who, who_start, block))
            continue
        split = _SPLIT_QUOTE.search(block.text) if _may_split(block.text) else None
        if split:
            who_start = block.start + split.start("who")
            text = f"{split.group('quote').rstrip(',. ')}, {split.group('rest')}"
            quotes.append(_quote(ctx, text, split.group("who"), who_start, block))
            continue
        for match in _inline_quote().finditer(block.text):
            who_start = block.start + match.start("who")
            quotes.append(_quote(ctx, _said(match), match.group("who"), who_start, block))
        quotes.extend(_lead_in_quotes(ctx, block))
        quotes.extend(_quote_after_its_speaker(ctx, block))
    return quotes


# Any quotation mark, single (also an apostrophe) or double: a block without one quotes no one.
_ANY_MARK = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
# Double quotation marks of every style: a paragraph with an odd count opens one it does not close.
_DOUBLE_MARKS = re.compile('[“”„"«»]')
# How many more lines a quotation may run on over (a text file's hard-wrapped lines).
_RUN_ON_BLOCKS = 3


def _with_quotes_joined(text: str, blocks: list[Block]) -> list[Block]:
    """The blocks, with a paragraph or list item whose quotation runs on over the next
    paragraphs (hard-wrapped lines: "... zei: “Zes raden, één" / "Veluwe.” ...") joined to them
    up to the one closing it."""
    joined: list[Block] = []
    index = 0
    while index < len(blocks):
        block, index = blocks[index], index + 1
        if ">>" in block.text and "<<" in block.text:
            # ">> ... <<": a mail's guillemets, read as « and » (same length: offsets hold).
            block = replace(block, text=block.text.replace(">>", "« ").replace("<<", " »"))
        if block.kind != "table_cell" and _opens_a_quote(block.text):
            end = _closing_paragraph(blocks, index)
            if end is not None:
                last, index = blocks[end], end + 1
                run_on = text[block.start : last.end].replace("\n", " ")
                block = replace(block, text=run_on, end=last.end)
        joined.append(block)
    return joined


def _opens_a_quote(text: str) -> bool:
    # One regex call per block: a count per mark was a fifth of this stage's time (cProfile).
    return len(_DOUBLE_MARKS.findall(text)) % 2 == 1


def _closing_paragraph(blocks: list[Block], start: int) -> int | None:
    """The index of the paragraph, among the next few, that closes the quotation left open."""
    for index in range(start, min(len(blocks), start + _RUN_ON_BLOCKS)):
        if blocks[index].kind != "paragraph":
            return None
        if _opens_a_quote(blocks[index].text):
            return index
    return None


def _said(match: re.Match[str]) -> str:
    return (match.group("quote") or match.group("single")).strip()


def _lead_in_quotes(ctx: Context, block: Block) -> list[dict[str, Any]]:
    """A quotation after a colon whose sentence opens with its speaker: "Henk Postma merkte op
    dat ...: “...”", "Volgens griffier Jeroen ten Have van Noordwijkerhout is ...: “...”"."""
    quotes = []
    for match in _LEAD_IN.finditer(block.text):
        begin = block.start + _sentence_start(block.text, match.start())
        people = ctx.entities_in(begin, block.start + match.start(), "PERSON")
        said = (match.group("quote") or match.group("single")).strip()
        if people:
            quotes.append(_lead_in_quote(ctx, said, people[0], begin, block))
            continue
        short = _SHORT_SPEAKER.match(ctx.document.text, begin, block.start + match.start())
        named = _speaker_named_before(ctx, short.group("who"), begin) if short else None
        if named is not None:
            quotes.append(_quote(ctx, said, named[0], named[1], block))
            continue
        quotes.extend(_anonymous_quote(ctx, said, begin, block))
    return quotes


def _anonymous_quote(ctx: Context, said: str, begin: int, block: Block) -> list[dict[str, Any]]:
    """ "Een raadslid uit Aa en Hunze vatte het zo samen: „...”": no speaker, a role and the
    municipality they stand for (``anonymous_speaker``)."""
    lead = _anonymous_speaker().match(ctx.document.text, begin, block.end)
    role = split_person_details(f"{lead['role']} X")[1] if lead else None
    at = lead.start("role") if lead else begin
    municipality = _speaker_municipality(ctx, ctx.document.text[at : lead.end()], at) if role else None
    if municipality is None:
        return []
    ctx.mention("quote", block.start, block.end, "rule:quote")
    return [
        {
            "text": said,
            "speaker": None,
            "role": role,
            "organisation": None,
            "municipality": municipality.to_dict(),
        }
    ]


@cache
def _anonymous_speaker() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["anonymous_speaker"], re.IGNORECASE)


# "Rijsdijk: “...”", "JdV (letterlijk): “...”": a lead-in that is one word, a surname or the
# initials of an attendee, before the colon (a remark in brackets may follow it).
_SHORT_SPEAKER = re.compile(r"[-–•*\s]*(?P<who>[A-Z][\w'’-]+)\s*(?:\([^()]*\))?\s*$")
# Initials as minutes write them for an attendee: "JdV", "SY", "EvdB".
_INITIALS = re.compile(r"[A-Z](?:[a-z]{1,2}[A-Z]|[A-Z]){1,3}")


def _speaker_named_before(ctx: Context, word: str, before: int) -> tuple[str, int] | None:
    """Who a surname or initials stand for, as an attribution (the name with what follows it
    up to the sentence end) and its offset: the attendee those initials open a line for
    ("SY   Sevda Yılmaz, raadslid in Renkum"), or the last person named in full with that surname."""
    text = ctx.document.text
    if _INITIALS.fullmatch(word):
        line = re.search(rf"(?m)^[ \t]*{word}[ \t]+(?=\S)", text)
        people = ctx.entities_in(line.end(), line.end() + 60, "PERSON") if line else []
    else:
        people = [p for p in ctx.entities_in(0, before, "PERSON") if p.value and p.value.endswith(" " + word)]
    if not people:
        return None
    person = people[0] if _INITIALS.fullmatch(word) else people[-1]
    block = ctx.document.block_at(person.start)
    after = text[person.start : block.end if block else person.end]
    return _SENTENCE_END.split(after)[0], person.start


def _quote_after_its_speaker(ctx: Context, block: Block) -> list[dict[str, Any]]:
    """A quotation of its own, after a sentence that opens with the one person it names:
    "Voorzitter X opende de avond met ... . „...”" is X's."""
    match = _QUOTE_SENTENCE.search(block.text)
    if match is None:
        return []
    begin = block.start + _sentence_start(block.text, match.start())
    people = ctx.entities_in(begin, block.start + match.start(), "PERSON")
    if len(people) != 1:
        return []
    opening = ctx.document.text[begin : people[0].start]
    if len(opening.split()) > _SPEAKER_OPENS_WITHIN_WORDS or any(c in opening for c in _OPEN + ",;:"):
        return []
    return [_lead_in_quote(ctx, match.group("quote").strip(), people[0], begin, block)]


def _sentence_start(text: str, end: int) -> int:
    """Where the sentence that ends at ``end`` starts; in a transcript's turn not before the
    speaker label's end ("[20:51] NAME (rol): Een raadslid, Name, zei: “...”" is not NAME's)."""
    turn = speaker_turn(text)
    floor = turn.body if turn is not None and turn.body <= end else 0
    starts = [m.end() for m in _SENTENCE_START.finditer(text, floor, end)]
    return starts[-1] if starts else floor


def _may_split(text: str) -> bool:
    """Substring tests before the split-quote pattern, which costs ten times more (profiled)."""
    return ("”" in text or '"' in text or "“" in text) and any(w in text for w in _SPLIT_VERB_WORDS)


_SPLIT_VERB_WORDS = ("aldus", "zegt", "zei", "vertel", "stel")


def _is_lead_in_line(block: Block) -> bool:
    text = block.text.strip()
    return text.endswith(":") and len(text.split()) <= _LEAD_IN_LINE_WORDS and text[:1] not in _OPEN


def _lead_in_quote(ctx: Context, text: str, person: Found, begin: int, block: Block) -> dict[str, Any]:
    """The speaker is the first person of the sentence, their role the word before the name
    ("griffier"), their municipality a place right after it ("van Noordwijkerhout")."""
    before = ctx.document.text[begin : person.start].split()
    role = split_person_details(f"{before[-1]} {person.text}")[1] if before else None
    # The raw text right after the name, so the municipality's mention keeps its true offsets.
    window = ctx.document.text[person.end : min(block.end, person.end + _AFTER_NAME_CHARS)]
    near = _PLACE_RIGHT_AFTER.match(window) or _BRACKET_RIGHT_AFTER.match(window)
    municipality = _speaker_municipality(ctx, near.group(), person.end) if near else None
    if near is not None and near.group().lstrip().startswith("("):
        # "Name (raadslid Utrechtse Heuvelrug) zei het zo:": the role and place in brackets.
        inner = near.group().strip(" ()")
        _, bracket_role, rest = split_person_details(f"X {inner}")
        role = role or bracket_role
        if municipality is None and rest:
            municipality = _municipality_after_role(ctx, rest, person.end + window.find(rest))
    if role is None:
        # "Een raadslid uit Delfzijl, Name, vatte het samen:": a role earlier in the lead-in.
        role = next((r for w in before if (r := split_person_details(f"{w} X")[1])), None)
        lead = ctx.document.text[begin : person.start]
        municipality = municipality or _speaker_municipality(ctx, lead, begin)
    municipality = municipality or _municipality_named_earlier(ctx, person.value, begin)
    if municipality is None:
        lead = ctx.document.text[begin : min(block.end, person.end + _AFTER_NAME_CHARS)]
        municipality = _own_municipality(ctx, re.split(r"[“„\"«]", lead, maxsplit=1)[0])
    ctx.mention("quote", block.start, block.end, "rule:quote")
    ctx.mention("person", person.start, person.end, "rule:quote", person.value)
    return {
        "text": text,
        "speaker": person.value,
        "role": role,
        "organisation": None,
        "municipality": municipality.to_dict() if municipality else None,
    }


def _is_block_quote(block: Block, skip: int = 0) -> bool:
    text = block.text[skip:].strip(" *_")  # also in bold or italic markup: "**“...”**"
    return len(text) > 15 and text[0] in _OPEN and text[-1] in _CLOSE


# The speaker cell of a table row is short: "Name, raadslid X", "Wethouder Name (X)".
_SPEAKER_CELL_WORDS = 15


def _is_speaker_cell(ctx: Context, cell: Block, quote: Block) -> bool:
    """The cell just left of a quotation cell, in the same row, naming a person."""
    if cell.table is None or quote.table is None or cell.table[:2] != quote.table[:2]:
        return False
    if cell.table[2] != quote.table[2] - 1 or len(cell.text.split()) > _SPEAKER_CELL_WORDS:
        return False
    return bool(ctx.entities_in(cell.start, cell.end, "PERSON"))


_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")
# An interview's answer: "A: “...”" or "Antwoord: “...”" (the question "V: ..." above it).
_ANSWER = re.compile(r"(?:A|Antwoord)\s*:\s*(?=[“„\"«‘'])")
# How far back the interview's introduction may stand ("Drie vragen aan Name, griffier van X").
_INTERVIEW_LOOKBACK_BLOCKS = 40


def _interviewee(ctx: Context, blocks: list[Block], index: int) -> tuple[str, int] | None:
    """The person an interview's intro names after its cue ("Wij stelden vijf vragen aan
    organisator Name, adviseur bij Org"), with what follows the name up to the sentence end, as
    an attribution (the answers are theirs) and its offset."""
    cue = _interview_cue()
    for block in reversed(blocks[max(0, index - _INTERVIEW_LOOKBACK_BLOCKS) : index]):
        match = cue.search(block.text) if "aan" in block.text or "met" in block.text else None
        if match is None:
            continue
        people = ctx.entities_in(block.start + match.end(), block.end, "PERSON")
        if not people:
            return None
        after = ctx.document.text[people[0].start : block.end]
        return _SENTENCE_END.split(after)[0], people[0].start
    return None


@cache
def _interview_cue() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["interview_intro"])


# A line naming a quote's speaker without a dash is short: "Wethouder Name, Purmerend".
_NAME_LINE_WORDS = 8


def _is_name_line(ctx: Context, block: Block) -> bool:
    """A short line, no sentence, that opens with a person (after a role word at most)."""
    text = plain(block.text).strip(" *_")
    if not text or len(text.split()) > _NAME_LINE_WORDS or text.endswith((".", "!", "?", ":")):
        return False
    people = ctx.entities_in(block.start, block.end, "PERSON")
    return bool(people) and len(ctx.document.text[block.start : people[0].start].split()) <= 1


def _is_attribution(block: Block) -> bool:
    if block.kind == "list_item" and block.marker in _DASHES:
        return True
    text = block.text.strip()
    # "– Name, rol gemeente X", or the same in brackets on a line of its own.
    bracketed = text.startswith("(") and text.endswith(")") and text.count("(") == 1
    return (text.startswith(_ATTRIBUTION_MARKS) or bracketed) and len(text.split()) <= 15


def _quote(ctx: Context, text: str, attribution: str, offset: int, block: Block) -> dict[str, Any]:
    attribution = attribution.lstrip("".join(_ATTRIBUTION_MARKS) + " ")
    # "stelde Heiloo's griffier Name": a municipality in the possessive before the role is theirs.
    owner = _POSSESSIVE.match(attribution)
    owned = _municipality_after_role(ctx, owner.group("place"), offset) if owner else None
    if owner and owned:
        attribution, offset = attribution[owner.end() :], offset + owner.end()
    name, role, rest = split_person_details(attribution)
    speaker = clean_person_name(name) if name else None
    if speaker is None:
        # "zegt wethouder Sabine Dekker van Dijk en Waard": the name the recognizer found in it.
        people = ctx.entities_in(offset, offset + len(attribution), "PERSON")
        speaker, name = (people[0].value, people[0].text) if people else (None, name)
    municipality = owned or _speaker_municipality(ctx, attribution, offset)
    if speaker is None and role and _ROLE_ONLY.match(attribution):
        # "zei de burgemeester": the person named with that role before the quote.
        earlier = _named_with_role(ctx, role, offset)
        if earlier is not None:
            speaker, name = earlier.value, earlier.text
            window = ctx.document.text[earlier.end : earlier.end + _AFTER_NAME_CHARS]
            near = _PLACE_RIGHT_AFTER.match(window)
            municipality = municipality or (
                _speaker_municipality(ctx, near.group(), earlier.end) if near else None
            )
            offset = earlier.start
    if municipality is None and rest:
        # "(Rachid Bennani, raadslid Rijswijk)": the place right after the role.
        municipality = _municipality_after_role(ctx, rest, offset + max(attribution.find(rest), 0))
    if role is None and rest and municipality is None and _is_role_in_words(rest):
        role, rest = rest, None
    organisation = rest if rest and municipality is None else None
    if municipality is None and organisation is None and speaker:
        municipality = _municipality_named_earlier(ctx, speaker, offset)
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


def _is_role_in_words(rest: str) -> bool:
    """ "(Orhan Yilmaz, journalist)", "– Fenna, moeder van drie kinderen": a body is named with
    capitals ("Omroep Gelderland", "gemeente Ommen"); lower-case words alone say what the speaker
    is, a role not in the list of roles, unless they open with a body's head ("griffie")."""
    if _IN_LOWER_CASE.fullmatch(rest) is None:
        return False
    return rest.split()[0] not in _body_heads()


@cache
def _body_heads() -> frozenset[str]:
    rules = load_yaml("organisations.yml")
    heads = [*rules["heads"], *rules["capitalised_heads"], *rules["municipal_bodies"]]
    return frozenset(h.split()[0].casefold() for h in heads)


_IN_LOWER_CASE = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’-]*(?: [a-zà-ÿ][a-zà-ÿ'’-]*){0,5}")
_POSSESSIVE = re.compile(r"(?P<place>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['’]s\s+(?=[a-z])")
# An attribution that is a role alone: "de burgemeester", "onze gedeputeerde".
_ROLE_ONLY = re.compile(r"^\s*(?:de|het|onze|hun|deze)?\s*[a-z][\w-]*\s*[.,]?\s*$")
# How far back a role-only attribution looks for the person named with that role.
_ROLE_LOOKBACK_CHARS = 3000


def _named_with_role(ctx: Context, role: str, before: int) -> Found | None:
    """The last person before ``before`` written right after ``role`` ("Burgemeester X van Y")."""
    text = ctx.document.text
    people = ctx.entities_in(max(0, before - _ROLE_LOOKBACK_CHARS), before, "PERSON")
    for person in reversed(people):
        words = text[max(0, person.start - 40) : person.start].split()
        if words and words[-1].casefold() == role.casefold() and person.value:
            return person
    return None


def _municipality_named_earlier(ctx: Context, speaker: str | None, before: int) -> MunicipalityRef | None:
    """The place written right after an earlier mention of the speaker: "Burgemeester Ria
    Veldhuis van Ommen opende ..." gives Ommen to a later "Burgemeester Veldhuis sloot af: ..."."""
    text = ctx.document.text
    # Anywhere before: the people list resolves a surname to the full name over the whole report.
    for person in reversed(ctx.entities_in(0, before, "PERSON")):
        if not _may_be_same_person(person.value, speaker):
            continue
        near = _PLACE_RIGHT_AFTER.match(text[person.end : person.end + _AFTER_NAME_CHARS])
        if near is not None:
            return _speaker_municipality(ctx, near.group(), person.end)
    return None


def _may_be_same_person(earlier: str | None, later: str | None) -> bool:
    """ "Ria Veldhuis" and a later "Veldhuis": a surname alone refers back to the full name."""
    if not earlier or not later:
        return False
    return earlier == later or earlier.endswith(" " + later)


def _own_municipality(ctx: Context, lead: str) -> MunicipalityRef | None:
    """ "Namens uw raad nam raadslid X deel", "vatte het voor ons college samen": in a letter
    between a municipality's college and its council, the speaker's is the letter's own, the one
    its address names ("Aan de gemeenteraad van Assen", "Het college van B en W van Assen")."""
    if not ("uw " in lead or "ons " in lead or "onze " in lead):
        return None
    rules = load_yaml("labels.yml")
    if re.search(rules["own_council_cue"], lead) is None:
        return None
    for match in re.finditer(rules["addressed_council"], ctx.document.text):
        municipality = _speaker_municipality(ctx, match.group(), match.start())
        if municipality is not None:
            return municipality
    return None


_BRACKET_RIGHT_AFTER = re.compile(r"^\s*\([^()]{3,60}\)")


def _municipality_after_role(ctx: Context, written: str, offset: int) -> MunicipalityRef | None:
    """ "raadslid Rijswijk" -> Rijswijk: what follows a role is the speaker's municipality when
    it is one (and not an organisation)."""
    written = written.strip(" ,.")
    # "provincie Utrecht", "gemeentemuseum Den Haag": a lower-case word opens another body.
    resolution = resolve_entity(ctx, written) if written[:1].isupper() else None
    if resolution is None:
        return None
    ctx.mention("municipality", offset, offset + len(written), "rule:quote", resolution.code)
    return MunicipalityRef(resolution.code, resolution.name, [written])


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
