"""Sessions: per session its title, attending municipalities, facilitators, contacts and
offerings, read from the labelled parts the segmenter found (or from a table row)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from pipeline.checkboxes import ticked_spans
from pipeline.extract.context import Context
from pipeline.extract.municipalities import (
    MunicipalitySet,
    municipalities_in_text,
    resolve_entity,
    resolve_list,
)
from pipeline.extract.people import (
    PersonRef,
    clean_organisation,
    name_key,
    parse_person_list,
    share_organisations,
)
from pipeline.model import Block
from pipeline.recognizers import Found
from pipeline.recognizers.names import split_person_details
from pipeline.rules import AnyCase, load_yaml
from pipeline.segment import Label, Section, find_label, numbered_title, session_heading
from pipeline.turns import SOURCE as SPEAKER
from pipeline.turns import Turn, speaker_turn

# The space after a sentence's end (group 1). The punctuation opens the pattern, not a
# lookbehind: ``re`` then skips to each "." "!" "?" instead of trying every position (half
# the time of _sentences, bench corpus).
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z“\"'‘(])")
_INLINE_ITEMS = re.compile(r"\s*;\s*")
# A list written into a sentence: "a) X, b) Y en c) Z", "(1) X, en (2) Y", "(i) X; (ii) Y".
_ROMAN_MARKERS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
_ENUM_MARKER = re.compile(
    rf"(?<![\w(])\(?({'|'.join(sorted(_ROMAN_MARKERS, key=len, reverse=True))}|[a-h]|[1-9])\)\s+"
)
_ENUM_ITEM_TAIL = re.compile(r"[\s,;]*(?:\b(?:en|of)\s*)?$")
_ENUM_END = re.compile(r"[.!?](?=\s|$)")


@dataclass
class Contact:
    name: str | None = None
    email: str | None = None
    phone: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "phone": self.phone}

    def key(self) -> tuple[Any, ...]:
        return (self.name, self.email, (self.phone or {}).get("e164"))


@dataclass
class SessionRecord:
    number: int | None
    title: str
    description: str | None = None
    municipalities: MunicipalitySet = field(default_factory=MunicipalitySet)
    facilitators: list[PersonRef] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    offerings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "description": self.description,
            "municipalities": self.municipalities.to_list(),
            "facilitators": [p.to_dict() for p in self.facilitators],
            "contacts": [c.to_dict() for c in self.contacts],
            "offerings": self.offerings,
        }


def merge_repeated_sessions(sessions: list[SessionRecord]) -> list[SessionRecord]:
    """One session told twice (an e-mail's overview and the reply with its details, a summary and
    its chapter) is one session: the same number and the same title, or one title the short form
    of the other (a table's "X: a question" over the notes' heading "Sessie 1 – X"). Its later
    telling adds what the first lacks, so the sessions table keeps one row per (document, number).
    Sessions with the same number but another title stay apart (rounds that each count their
    tables from one)."""
    merged: list[SessionRecord] = []
    for session in sessions:
        earlier = next((e for e in merged if _same_session(e, session)), None)
        if earlier is None:
            merged.append(session)
            continue
        earlier.title = max(earlier.title, session.title, key=len)
        earlier.description = earlier.description or session.description
        earlier.municipalities.merge(session.municipalities)
        _add_facilitators(earlier, session.facilitators)
        known = {c.key() for c in earlier.contacts}
        earlier.contacts.extend(c for c in session.contacts if c.key() not in known)
        earlier.offerings.extend(o for o in session.offerings if o not in earlier.offerings)
    return merged


# What follows a short title inside its long form: a subtitle after a colon or a dash, a bracket.
_SUBTITLE_AFTER = (":", " –", " —", " -", " (")


def _same_session(earlier: SessionRecord, later: SessionRecord) -> bool:
    if earlier.number is None or earlier.number != later.number:
        return False
    one, other = sorted((earlier.title.casefold(), later.title.casefold()), key=len)
    if one == other:
        return True
    return bool(one) and other.startswith(one) and other[len(one) :].startswith(_SUBTITLE_AFTER)


def extract_session(ctx: Context, section: Section) -> SessionRecord:
    record = SessionRecord(section.number, section.title or "")
    if section.heading is not None:
        heading = section.heading
        at = heading.text.rfind(record.title) if record.title else -1
        start = heading.start + max(at, 0)
        ctx.mention("session", start, start + len(record.title), "rule:heading", record.title)
    if section.row is not None:
        _fill_from_row(ctx, record, section.row)
    elif section.chair is not None:
        _fill_from_turns(ctx, record, section.blocks, section.chair)
    else:
        _fill_from_blocks(ctx, record, section.blocks)
    if section.notes:
        _fill_from_blocks(ctx, record, section.notes)
    if section.summary is not None:
        _fill_from_row(ctx, record, section.summary)
    for cell in section.listed:
        record.municipalities.merge(resolve_list(ctx, cell.text, cell.start, "rule:table"))
    for block in section.mentioned:
        record.municipalities.merge(municipalities_in_text(ctx, block.start, block.end))
    for author, block in section.comments:
        _own_organisation_corrected(ctx, record, author, block)
    return record


def _own_organisation_corrected(ctx: Context, record: SessionRecord, author: str, block: Block) -> None:
    """A leader's own comment under the item: "ik werk niet meer bij de provincie, maar als
    adviseur bij BMC", "heb ik namens BMC geleid" gives his organisation (``own_organisation_said``;
    the last one said). Only in the comment's first person (``first_person_words``)."""
    leader = next((p for p in record.facilitators if p.name.casefold() == author.casefold()), None)
    if leader is None or not {w.casefold() for w in _WORDS.findall(block.text)} & _first_person():
        return
    said = list(_own_organisation().finditer(block.text))
    if said:
        leader.organisation = clean_organisation(said[-1]["org"])
        start = block.start + said[-1].start("org")
        ctx.mention("organisation", start, start + len(said[-1]["org"]), "rule:prose", leader.organisation)


@cache
def _own_organisation() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["own_organisation_said"], re.IGNORECASE)


def _fill_from_turns(ctx: Context, record: SessionRecord, blocks: list[Block], chair: str) -> None:
    """A session a transcript's chair announced: the announcement, then the turns of those who
    answer it (the tafelvoorzitter's reply). Who speaks a block is who "ik", "mij" and "wij" are."""
    spoken: list[Block] = []
    speakers: list[str] = []
    replies: list[tuple[Block, Turn]] = []
    speaker = chair
    for block in blocks:
        turn = speaker_turn(block.text) if block.kind == "paragraph" else None
        if turn is not None:
            speaker = turn.name
            replies.append((block, turn))
            # The label says who speaks, not whom the turn names: "NAME (Org): Mail het
            # secretariaat, address" is not NAME's address.
            block = replace(block, text=block.text[turn.body :], start=block.start + turn.body)
        spoken.append(block)
        speakers.append(speaker)
    _fill_from_blocks(ctx, record, spoken, speakers)
    announcement = [b for b, who in zip(spoken, speakers, strict=True) if who == chair]
    for block, turn in replies:
        _add_announced_speaker(ctx, record, announcement, block, turn)


def _add_announced_speaker(
    ctx: Context, record: SessionRecord, announcement: list[Block], block: Block, turn: Turn
) -> None:
    """One who answers the chair's announcement and is named in it led the session ("Die tafel
    werd geleid door Name. Name, aan jou." / "Aan die tafel zat mr. Name"); the brackets of their
    speaker label give their organisation in full ("NAME (HZ University of Applied Sciences):")."""
    key = name_key(turn.name)
    named = next(
        (
            e.value
            for b in announcement
            for e in ctx.entities_in(b.start, b.end, "PERSON")
            if e.value and name_key(e.value) == key
        ),
        None,
    )
    if named is None:
        return
    _, role, organisation = split_person_details("X, " + turn.note) if turn.note else (None, None, None)
    if role is not None or resolve_entity(ctx, organisation or "") is not None:
        organisation = None  # "(raadslid Vlissingen)", "(Goes)": a role or a place, no body
    known = next((p for p in record.facilitators if name_key(p.name) == key), None)
    if known is None:
        record.facilitators.append(PersonRef(named, organisation))
        ctx.mention("person", block.start + turn.start, block.start + turn.end, SPEAKER, named)
    elif organisation and organisation.startswith(known.organisation or ""):
        # The text cut it short at a lower-case word ("van de HZ University of Applied Sciences").
        known.organisation = organisation


def _fill_from_blocks(
    ctx: Context, record: SessionRecord, blocks: list[Block], speakers: list[str] | None = None
) -> None:
    used: set[int] = set()
    contact_labels: list[tuple[Label, list[tuple[str, int, int]]]] = []
    for index, block in enumerate(blocks):
        if index in used:
            continue
        label = find_label(block)
        if label is None:
            continue
        values = _label_values(ctx.document.text, block, label, blocks, index, used)
        used.add(index)
        if label.kind == "contacts":
            contact_labels.append((label, values))
        else:
            _apply_label(ctx, record, label, values)
    if not record.facilitators:
        # Also a label's own line: "Onder leiding van Name (Org) bogen de deelnemers zich ...".
        for block in blocks:
            _add_prose_facilitators(ctx, record, block)
    # Contacts last: "Vragen: 072 ... (vraag naar Pim)" names a facilitator the text gave
    # in prose, perhaps only after this line.
    for label, values in contact_labels:
        _apply_label(ctx, record, label, values)
    for index, block in enumerate(blocks):
        if index in used:
            continue
        _add_prose_offerings(ctx, record, block)
        _replace_facilitator(ctx, record, block)
        # "Ook de gemeenten Zwolle en Deventer schoven aan": named in the session's text,
        # a municipality took part in it.
        for start, end in _spans_without_absence(block):
            record.municipalities.merge(municipalities_in_text(ctx, start, end))
        speaker = speakers[index] if speakers else None
        if _add_contacts(ctx, record, block.start, block.end, speaker=speaker):
            continue
        if record.description is None and block.kind == "paragraph" and len(block.text.split()) >= 8:
            record.description = block.text


# A sentence about municipalities that did not come: "Ook A en B waren uitgenodigd, maar ...",
# "C had zich afgemeld". Checked on a block's text before its sentences are looked for.
_ABSENCE = re.compile(
    r"\buitgenodigd,? maar\b|\b(?:had|hadden) zich afgemeld\b|\bmeldden zich af\b"
    r"|\bniet aanwezig\b|\bontbraken\b"
)


def _spans_without_absence(block: Block) -> list[tuple[int, int]]:
    """The block's span, less each sentence that says municipalities stayed away."""
    absent = [m.start() for m in _ABSENCE.finditer(block.text)]
    if not absent:
        return [(block.start, block.end)]
    bounds = [0, *(m.end(1) for m in _SENTENCE_END.finditer(block.text)), len(block.text)]
    return [
        (block.start + lo, block.start + hi)
        for lo, hi in itertools.pairwise(bounds)
        if not any(lo <= at < hi for at in absent)
    ]


def _label_values(
    text: str, block: Block, label: Label, blocks: list[Block], index: int, used: set[int]
) -> list[tuple[str, int, int]]:
    """The label's values: on its own line, else the list items (or one paragraph) below it."""
    if label.value and not _BULLET.match(label.value):
        return [_value_with_continuation(text, label, block, blocks, index, used)]
    values: list[tuple[str, int, int]] = []
    if label.value:
        # "mee naar huis ..... - X" with "- Y" below: a list that starts on the label's line.
        bullet = _BULLET.match(label.value)
        values.append((label.value[bullet.end() :], label.value_start + bullet.end(), block.end))  # type: ignore[union-attr]
    for follower_index in range(index + 1, len(blocks)):
        follower = blocks[follower_index]
        if follower.kind != "list_item" or find_label(follower) is not None:
            break
        values.append((follower.text, follower.start, follower.end))
        used.add(follower_index)
    if not values and index + 1 < len(blocks):
        follower = blocks[index + 1]
        if follower.kind == "paragraph" and find_label(follower) is None:
            values.append((follower.text, follower.start, follower.end))
            used.add(index + 1)
    return values


_BULLET = re.compile(r"^[-•–]\s+(?=\S)")


def _value_with_continuation(
    text: str, label: Label, block: Block, blocks: list[Block], index: int, used: set[int]
) -> tuple[str, int, int]:
    """A labelled value goes on in the paragraphs that a line break cut off from it: after a
    bracket left open ("... (Energiecoöperatie" / "Vallei Energie)"), or, in a typed list of
    dotted labels that wraps its values, after a line that stops mid-phrase
    ("gespreksleider .... Name, adviseur bij" / "Org"), up to the list's next entry."""
    value, end = label.value, block.end
    wraps = _DOTTED_LEADER.search(text, block.start, label.value_start) is not None
    for follower_index in range(index + 1, len(blocks)):
        follower = blocks[follower_index]
        if follower.kind != "paragraph" or find_label(follower) is not None:
            break
        open_bracket = value.count("(") > value.count(")") and ")" in follower.text
        if not (open_bracket and follower.start == end + 1) and not (
            wraps and _LEFT_OPEN.search(value) and not _opens_entry(follower)
        ):
            break
        value, end = f"{value} {follower.text}", follower.end
        used.add(follower_index)
    return value, label.value_start, end


def _opens_entry(block: Block) -> bool:
    """A line that heads something of its own ("14:15 – 14:30 | Koffie") continues no value."""
    return numbered_title(block) is not None or session_heading(block) is not None


_DOTTED_LEADER = re.compile(r"\.{3,}\s*$")
# A line that stops after a comma or a lower-case word ("programmaleider", "bij", "en") has
# not ended; one after a name, a number or an address ("Gelderland", ".nl") has.
_LEFT_OPEN = re.compile(r"(?:,|(?<![\w@.])[a-zà-ÿ][a-zà-ÿ-]*)\s*$")


def _apply_label(
    ctx: Context, record: SessionRecord, label: Label, values: list[tuple[str, int, int]]
) -> None:
    source = "rule:label"
    if label.kind == "municipalities":
        for value, value_start, _ in values:
            for text, start in _chosen(value, value_start):
                record.municipalities.merge(resolve_list(ctx, text, start, source))
    elif label.kind == "facilitators":
        for text, start, _ in values:
            _add_facilitators(record, parse_person_list(ctx, text, start, source))
    elif label.kind == "offerings":
        for value, value_start, value_end in values:
            chosen = _chosen(value, value_start)
            inline = len(values) == 1 and bool(label.value)
            for text, start in chosen:
                end = value_end if len(chosen) == 1 else start + len(text)
                _add_offerings(ctx, record, text, start, end, inline=inline)
    elif label.kind == "contacts":
        lo = min((s for _, s, _ in values), default=label.value_start)
        hi = max((e for _, _, e in values), default=label.value_start)
        _add_contacts(ctx, record, label.value_start if label.value else lo, hi, whole=True)


def _add_facilitators(record: SessionRecord, people: list[PersonRef]) -> None:
    known = {p.name for p in record.facilitators}
    record.facilitators.extend(p for p in people if p.name not in known)


_NO_WORD = re.compile(r"^[\W_]+$")


def _add_offerings(
    ctx: Context, record: SessionRecord, text: str, start: int, end: int, *, inline: bool
) -> None:
    enumerated = enumeration(text, 0) if inline else None
    if enumerated is not None:
        pieces = [text[lo:hi] for lo, hi in enumerated[1]]
    else:
        pieces = _INLINE_ITEMS.split(text) if inline else [text]
    for piece in pieces:
        piece = piece.strip()
        # "–" in an offering cell: nothing was offered.
        if piece and piece not in record.offerings and not _NO_WORD.match(piece):
            at = ctx.document.text.find(piece, start, end) if inline else start
            record.offerings.append(piece)
            ctx.mention("offering", at, at + len(piece), "rule:list")


def enumeration(text: str, start: int = 0) -> tuple[int, list[tuple[int, int]]] | None:
    """The first list written into a sentence from ``start`` on: (where its first marker is, the
    items' spans). Markers count up from "a)" or "(1)"; the last item ends with the sentence."""
    markers: list[re.Match[str]] = []
    for match in _ENUM_MARKER.finditer(text, start):
        expected = _next_marker(markers[-1].group(1)) if markers else None
        if expected is None and match.group(1) in ("a", "1", "i"):
            markers = [match]
        elif match.group(1) == expected:
            markers.append(match)
        elif len(markers) >= 2:
            break
    if len(markers) < 2:
        return None
    items: list[tuple[int, int]] = []
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        if following is not None:
            end = following.start()
        else:
            stop = _ENUM_END.search(text, marker.end())
            end = stop.start() if stop else len(text)
        piece = text[marker.end() : end]
        items.append((marker.end(), marker.end() + len(_ENUM_ITEM_TAIL.sub("", piece))))
    return markers[0].start(), items


def _next_marker(marker: str) -> str:
    """The marker after "b" (c), "2" (3) or "iii" (iv): a list counts on in its own way."""
    if marker in _ROMAN_MARKERS:
        at = _ROMAN_MARKERS.index(marker) + 1
        return _ROMAN_MARKERS[at] if at < len(_ROMAN_MARKERS) else ""
    return chr(ord(marker) + 1)


def _add_prose_offerings(ctx: Context, record: SessionRecord, block: Block) -> None:
    """ "Stichting X kan de gemeenten ondersteunen met: a) ..., b) ... en c) ...": a list in a
    sentence whose lead-in (up to the colon) speaks of offering, providing or supporting."""
    if block.kind == "table_cell":
        return
    found = enumeration(block.text) if ")" in block.text else None
    if found is None:
        _add_colon_offering(ctx, record, block)
        _add_sentence_offering(ctx, record, block)
        return
    lead = block.text[: found[0]].rstrip()
    if not lead.endswith(":"):
        return
    sentence = re.split(r"[.!?]\s+", lead)[-1]
    if _offering_cue().search(sentence) is None:
        return
    for lo, hi in found[1]:
        piece = block.text[lo:hi].strip()
        if piece and piece not in record.offerings:
            record.offerings.append(piece)
            ctx.mention("offering", block.start + lo, block.start + hi, "rule:prose-list")


# A sentence of running text that introduces one thing after a colon: "Het aanbod van de
# stichting voor de raden: een X." The lead-in is short; the item runs to the sentence's end.
_COLON_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?P<lead>[A-Z][^.!?:]{3,100}):\s+(?P<item>[^.!?]{3,200})(?=[.!?]?(?:\s|$))"
)


def _add_colon_offering(ctx: Context, record: SessionRecord, block: Block) -> None:
    """ "Het aanbod van de BOM voor de raden: een monitor.", "Het netwerk biedt de tafel aan: een
    model.": one offering, written into a paragraph after a lead-in that speaks of offering."""
    if ":" not in block.text:
        return
    # "Vragen over het aanbod: Name, email": a line with an address is a contact, whatever it says.
    if any(e.label in ("EMAIL", "PHONE") for e in ctx.entities_in(block.start, block.end)):
        return
    for match in _COLON_SENTENCE.finditer(block.text):
        if _offering_cue().search(match.group("lead")) is None:
            continue
        piece = match.group("item").strip()
        # "biedt: a) een cursus." is a list cut short, not one item (enumeration reads lists).
        if piece and piece not in record.offerings and not _ENUM_MARKER.match(piece):
            record.offerings.append(piece)
            at = block.start + match.start("item")
            ctx.mention("offering", at, at + len(piece), "rule:prose-list")


def _add_sentence_offering(ctx: Context, record: SessionRecord, block: Block) -> None:
    """ "De GGD biedt elke raad een presentatie van de Jeugdmonitor aan", "Zij bieden de raden een
    rekentool aan": what a sentence of the session's text offers (rules/labels.yml
    offering_in_sentence), from its article up to "aan"; "Wat wij de raden aanbieden is een
    dorpenscan" (offering_as_subject), after "is"."""
    if "bied" not in block.text:
        return
    for hint, pattern in _offering_sentences():
        if hint not in block.text:
            continue
        for match in pattern.finditer(block.text):
            piece = match.group("item").strip()
            if piece not in record.offerings:
                record.offerings.append(piece)
                at = block.start + match.start("item")
                ctx.mention("offering", at, at + len(piece), "rule:prose-list")


@cache
def _offering_sentences() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each pattern with the substring a block must hold for it to be tried."""
    rules = load_yaml("labels.yml")
    return (
        ("bied", re.compile(rules["offering_in_sentence"], re.IGNORECASE)),  # biedt, bieden
        ("bied", re.compile(rules["offering_as_subject"], re.IGNORECASE)),
    )


def _add_prose_facilitators(ctx: Context, record: SessionRecord, block: Block) -> None:
    """ "Het gesprek stond onder leiding van Name, secretaris van de X", "werd begeleid door
    Name (Org)", "onder leiding van Name van Org": the person named right after a phrase of
    leading (rules/labels.yml facilitators_in_prose), with the organisation written beside them."""
    if block.kind == "table_cell":
        return
    if "leid" in block.text:
        _add_subject_facilitators(ctx, record, block)
    if not _may_name_a_facilitator(block.text):
        return
    for cue in _facilitator_cue().finditer(block.text):
        person = _person_right_after(ctx, block.start + cue.end(), block.end)
        if person is None:
            continue
        people = [person]
        # "geleid door A en B (beiden Org)": a second name joined by "en" leads with the first.
        second = _person_right_after(ctx, person.end, block.end, joined=True)
        people += [second] if second is not None else []
        refs = [PersonRef(p.value, *reversed(_details_after(ctx, p.end, block.end))) for p in people]
        share_organisations(refs)
        _add_facilitators(record, refs)
        for p in people:
            ctx.mention("person", p.start, p.end, "rule:prose", p.value)


def _replace_facilitator(ctx: Context, record: SessionRecord, block: Block) -> None:
    """A note that a leader was replaced ("A kon niet; haar collega B van Org nam haar plaats in",
    "B viel in voor A", "A werd vervangen door B"): in a sentence with a cue of replacing
    (labels.yml ``facilitator_replaced``) the leader named goes, the other person named comes in."""
    # Cheap first: a session with leaders, and a block holding a cue's substring.
    if not record.facilitators or block.kind == "table_cell" or not _may_replace(block.text):
        return
    for lo, hi in _sentences(ctx.document.text, block.start, block.end):
        if _replaced_cue().search(ctx.document.text, lo, hi) is None:
            continue
        people = [p for p in ctx.entities_in(lo, hi, "PERSON") if p.value]
        leaving = {p.value for p in people} & {f.name for f in record.facilitators}
        coming = [p for p in people if p.value not in leaving]
        if len(leaving) != 1 or len(coming) != 1:
            continue  # who replaced whom is not clear
        record.facilitators[:] = [f for f in record.facilitators if f.name not in leaving]
        role, organisation = _details_after(ctx, coming[0].end, hi)
        _add_facilitators(record, [PersonRef(coming[0].value, organisation, role)])


def _may_replace(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in _REPLACED_HINTS)


# Substrings of every cue in labels.yml facilitator_replaced, tested first.
_REPLACED_HINTS = ("plaats", "verv", "in voor", "nam het ")


@cache
def _replaced_cue() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["facilitator_replaced"]), re.IGNORECASE)


def _add_subject_facilitators(ctx: Context, record: SessionRecord, block: Block) -> None:
    """ "A, rol bij Org, en B, rol, leidden het gesprek samen": the people who open the sentence
    of a verb of leading (rules/labels.yml facilitators_as_subject), each with the details after them."""
    text = ctx.document.text
    # One search of the block first: most blocks holding "leid" hold no such verb.
    if _subject_cue().search(block.text) is None:
        return
    for lo, hi in _sentences(text, block.start, block.end):
        verb = _subject_cue().search(text, lo, hi)
        if verb is None:
            continue
        refs, at = [], lo
        while (person := _person_right_after(ctx, at, verb.start(), joined=bool(refs))) is not None:
            role, organisation = _details_after(ctx, person.end, verb.start())
            refs.append(PersonRef(person.value, organisation, role))
            at = _DETAILS_BEFORE_EN.match(text, person.end, verb.start()).end()
        _add_facilitators(record, refs)


# What stands between two leaders of the subject: ", rol bij Org," before "en B".
_DETAILS_BEFORE_EN = re.compile(r"(?:\s*\([^()]{2,80}\)|,[^,]{2,80}(?=,\s+(?:en|&)\s))?,?")


@cache
def _subject_cue() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["facilitators_as_subject"], re.IGNORECASE)


def _person_right_after(ctx: Context, at: int, end: int, *, joined: bool = False) -> Found | None:
    """The person named at ``at`` (after a title such as "mr."; with ``joined``, after "en")."""
    text = ctx.document.text
    past_body = False
    if joined:
        link = _JOINED_NAME.match(text, at, end)
        past_body = link is None
        link = link or _JOINED_PAST_BODY.match(text, at, end)
        if link is None:
            return None
        at = link.end()
    person = next(
        (e for e in ctx.entities_in(at, end, "PERSON") if _only_a_title_between(text[at : e.start])),
        None,
    )
    if person is None or not person.value:
        return None
    # Past the first one's body only a name with a role of its own leads too: "A van Org en B,
    # beleidsadviseur bij Org", not "A van Org en B spraken".
    return person if not past_body or _ROLE_NEXT.match(text, person.end, end) else None


# "A en B", also past the first one's body in brackets: "A (Org) en B (Org)".
_JOINED_NAME = re.compile(r"(?:\s*\([^()]{2,80}\))?\s+(?:en|&)\s+")
# "A van de Org en B": past the first one's body written after "van", "bij", "namens".
_JOINED_PAST_BODY = re.compile(
    r"\s+(?:van|bij|namens|vanuit)\s+(?:de\s+|het\s+)?[A-Z][^,.;:()]*?\s+(?:en|&)\s+"
)
_ROLE_NEXT = re.compile(r",\s*[a-zà-ÿ][\w-]*")


# Substrings every phrase of leading holds, in lower case, tested before the phrases: the
# phrases' pattern costs ~25 microseconds a block, and most blocks hold none of these (profiled:
# the earlier "eid", "prak" and "gesprek" let "mogelijkheid", "afspraken" and "het gesprek"
# through, half of all blocks). A new phrase in rules/labels.yml facilitators_in_prose needs its
# substring here; tests/test_extract_sessions.py checks every phrase's examples get through.
_FACILITATOR_HINTS = (
    "nder le",  # onder (de) leiding van
    "nder be",
    "nder re",
    "nder de ",
    "leider",  # gespreksleider, begeleider, workshopleider (was/is; or as a label after ; or ,)
    "leidster",
    "oderator",
    "oorzit",
    "rekker",
    "gids",
    "host",  # met twee tafelhosts: A (Org) en B (Org)
    "docent",
    "trainer",
    "acilitator",
    "o.l.v",
    "et als",  # met als coach
    "door",  # werd geleid door, aangestuurd door
    " spraken",  # not "afspraken"
    "praatten",
    "iscussi",
    "ebat",
    "in gesprek",
    "handen van",  # de begeleiding was in handen van
)


def _may_name_a_facilitator(text: str) -> bool:
    lowered = " " + text.lower()
    return any(hint in lowered for hint in _FACILITATOR_HINTS)


# Titles and forms of address between a phrase of leading and the name: "door mevrouw drs. Name",
# "door de heer Name".
_TITLE_GAP = re.compile(
    r"^\s*(?:(?:mr|dr|drs|ir|ing|prof|mw|dhr|mevr)\.\s*|(?:mevrouw|(?:de\s+)?heer)\s+)*$", re.IGNORECASE
)
_BRACKET_AFTER = re.compile(r"\s*\(([^()]{2,80})\)")
_ORG_AFTER = re.compile(
    r"\s+(?:van|bij|namens|vanuit)\s+((?:de |het )?[A-Z][^,.;:()]*?)(?=\s+[a-z]|[,.;:]|$)"
)
_ROLE_AFTER = re.compile(r",\s*([^,.;:()]{2,80})")
# What two people named together share: "A en B, beiden verbonden aan de Org", "(beiden werkzaam
# bij Org)"; the first takes it from the second (share_organisations).
_SHARED_AFTER = re.compile(
    r",?\s*\(?(?:beiden|allebei|beide)\s+(?:verbonden aan|werkzaam (?:bij|voor)|van|bij|namens)\s+"
    r"((?:de |het )?[A-Z][^,.;:()¹²³⁴⁵⁶⁷⁸⁹]*?)(?=\s+[a-z]|[,.;:()¹²³⁴⁵⁶⁷⁸⁹]|$)"
)


def _only_a_title_between(gap: str) -> bool:
    return _TITLE_GAP.match(gap) is not None


def _details_after(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """(role, organisation) written right after a name: "(Org)", "van Org", ", rol van/bij Org"."""
    text = ctx.document.text[start:end]
    shared = _SHARED_AFTER.match(text)
    if shared:
        return None, clean_organisation(shared.group(1))
    bracket = _BRACKET_AFTER.match(text)
    if bracket:
        organisation = clean_organisation(bracket.group(1))
        return None, None if resolve_entity(ctx, organisation or "") is not None else organisation
    body = _ORG_AFTER.match(text)
    if body:
        return None, clean_organisation(body.group(1))
    after = _ROLE_AFTER.match(text)
    if after:
        _, role, rest = split_person_details("X " + after.group(1))
        return role, clean_organisation(rest)
    return None, None


@cache
def _facilitator_cue() -> AnyCase:
    return AnyCase("|".join(load_yaml("labels.yml")["facilitators_in_prose"]))


@cache
def _offering_cue() -> AnyCase:
    return AnyCase("|".join(load_yaml("labels.yml")["offerings_in_prose"]))


def _add_contacts(
    ctx: Context,
    record: SessionRecord,
    start: int,
    end: int,
    *,
    whole: bool = False,
    speaker: str | None = None,
) -> bool:
    """Contacts in a span: each sentence pairs its names with its emails and phones."""
    # Every sentence lies inside the span, so a span without an email or phone has no contact:
    # most blocks have none, and skip the sentence split and a lookup per sentence
    # (extract_session 1.46 -> 1.24 ms per report, bench corpus).
    if not _has_address(ctx, start, end):
        return False
    spans = [(start, end)] if whole else _sentences(ctx.document.text, start, end)
    added = False
    for lo, hi in spans:
        for contact in _contacts_in(ctx, lo, hi):
            sentence = ctx.document.text[lo:hi]
            contact.name = (
                contact.name
                or _facilitator_by_first_name(record, sentence)
                or _facilitator_by_initials(record, sentence)
                or _facilitator_by_surname(record, sentence)
                or _speaker_if_first_person(speaker, sentence)
            )
            if contact.key() not in {c.key() for c in record.contacts}:
                record.contacts.append(contact)
            added = True
    return added


def _speaker_if_first_person(speaker: str | None, sentence: str) -> str | None:
    """ "Wie meer wil weten kan mij mailen, address": in a speaker's turn, "mij" is the speaker."""
    if speaker is None:
        return None
    words = {w.casefold() for w in _WORDS.findall(sentence)}
    return speaker if words & _first_person() else None


_WORDS = re.compile(r"\w+")


@cache
def _first_person() -> frozenset[str]:
    return frozenset(load_yaml("labels.yml")["first_person_words"])


def _facilitator_by_first_name(record: SessionRecord, sentence: str) -> str | None:
    """ "Bel of mail Hanneke: 070 ... / h.devries@...": a first name alone beside an address is the
    session's facilitator of that first name, when exactly one has it."""
    names = [
        p.name
        for p in record.facilitators
        if len(first := (p.name.split() or [""])[0]) > 2
        and first.isalpha()
        and re.search(rf"\b{first}\b", sentence)
    ]
    return names[0] if len(names) == 1 and len(names[0].split()) > 1 else None


def _facilitator_by_surname(record: SessionRecord, sentence: str) -> str | None:
    """ "Jansen stuurt de kaart rond (e: ... / t: ...)": notes name the session's facilitator by
    surname alone; an address in that sentence is theirs, when exactly one has that surname."""
    names = [
        p.name
        for p in record.facilitators
        if len(parts := p.name.split()) > 1
        and len(surname := parts[-1]) > 2
        and re.search(rf"\b{re.escape(surname)}\b", sentence)
    ]
    return names[0] if len(names) == 1 else None


_INITIALS = re.compile(r"\b[A-Z]{2,4}\b")


def _facilitator_by_initials(record: SessionRecord, sentence: str) -> str | None:
    """ "Nadere info bij AK: email": minutes name people by their initials, so capitals that are
    exactly one facilitator's initials (Annelies Kroon: AK) name that facilitator."""
    codes = set(_INITIALS.findall(sentence))
    names = [p.name for p in record.facilitators if _initials(p.name) in codes]
    return names[0] if len(names) == 1 else None


def _initials(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part[:1].isupper())


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    # From one character early: a sentence's end right before ``start`` counts, as it did
    # when the pattern looked behind.
    for match in _SENTENCE_END.finditer(text, max(start - 1, 0), end):
        spans.append((begin, match.start(1)))
        begin = match.end(1)
    spans.append((begin, end))
    return spans


def _has_address(ctx: Context, start: int, end: int) -> bool:
    return any(e.label in ("EMAIL", "PHONE") for e in ctx.entities_in(start, end))


def _contacts_in(ctx: Context, start: int, end: int) -> list[Contact]:
    # A person named as a mailto link's text shares the link's span: the name comes first.
    found = sorted(
        (e for e in ctx.entities_in(start, end) if e.label in ("EMAIL", "PHONE", "PERSON")),
        key=lambda e: (e.start, e.label != "PERSON"),
    )
    if not any(e.label in ("EMAIL", "PHONE") for e in found):
        return []
    contacts: list[Contact] = []
    current: Contact | None = None
    for entity in found:
        if entity.label == "PERSON":
            current = Contact(name=entity.value)
            contacts.append(current)
            continue
        if current is None or _slot_taken(current, entity.label):
            current = Contact()
            contacts.append(current)
        if entity.label == "EMAIL":
            current.email = entity.value
        else:
            current.phone = {"e164": entity.value, "as_written": entity.text}
        ctx.mention_found(entity, "contact_" + entity.label.lower())
    return [c for c in contacts if c.email or c.phone]


def _slot_taken(contact: Contact, label: str) -> bool:
    return contact.email is not None if label == "EMAIL" else contact.phone is not None


def _fill_from_row(ctx: Context, record: SessionRecord, row: dict[str, list[Block]]) -> None:
    source = "rule:table"
    for cell in row.get("municipalities", []):
        for text, start in _chosen(cell.text, cell.start):
            record.municipalities.merge(resolve_list(ctx, text, start, source))
    for cell in row.get("facilitators", []):
        _add_facilitators(record, parse_person_list(ctx, cell.text, cell.start, source))
    for cell in row.get("contacts", []):
        _add_contacts(ctx, record, cell.start, cell.end, whole=True)
    for cell in row.get("offerings", []):
        for text, start in _chosen(cell.text, cell.start):
            _add_offerings(ctx, record, text, start, start + len(text), inline=True)
    # A form's remarks are the notulist's running text: "na de pauze schoof een raadslid uit X aan".
    for cell in row.get("remarks", []):
        for start, end in _spans_without_absence(cell):
            record.municipalities.merge(municipalities_in_text(ctx, start, end))
    for cell in row.get("participants", []):
        _add_participants(ctx, record, cell.text, cell.start)
    for cell in row.get("facilitators_with_organisation", []):
        _add_facilitator_and_organisation(ctx, record, cell)


def _chosen(text: str, start: int) -> list[tuple[str, int]]:
    """A value as (text, offset) pieces: of a check-box list only the ticked items, else whole."""
    spans = ticked_spans(text)
    if spans is None:
        return [(text, start)]
    return [(text[lo:hi], start + lo) for lo, hi in spans]


# In a "Voorzitter / organisatie" column the slash parts a person from their body: "Name / Org".
_NAME_SLASH_BODY = re.compile(r"\s+/\s+")


def _add_facilitator_and_organisation(ctx: Context, record: SessionRecord, cell: Block) -> None:
    name, *body = _NAME_SLASH_BODY.split(cell.text, maxsplit=1)
    people = parse_person_list(ctx, name, cell.start, "rule:table")
    if body and len(people) == 1 and people[0].organisation is None:
        people = [replace(people[0], organisation=clean_organisation(body[0]))]
    _add_facilitators(record, people)


def _add_participants(ctx: Context, record: SessionRecord, text: str, start: int) -> None:
    """ "Name (Org), met raadsleden uit A, B en C": who led it, then who took part."""
    cue = _participants_cue().search(text)
    leaders = text[: cue.start()] if cue else text
    for part, at in _leader_parts(leaders, start):
        _add_facilitators(record, parse_person_list(ctx, part, at, "rule:table"))
    if cue:
        record.municipalities.merge(resolve_list(ctx, text[cue.end() :], start + cue.end(), "rule:table"))


# "begeleiding: Name (Org); notulist: Name": a role label before a colon in a part of a who-cell.
_ROLE_PART = re.compile(r"\s*(?P<label>[^\W\d][^:;()]{0,30}?)\s*:\s*")


def _leader_parts(text: str, start: int) -> list[tuple[str, int]]:
    """The parts of a who-cell that name its leaders: of "begeleiding: A (Org); notulist: B" only
    the part a leader label opens (``table_columns.facilitators``); a part another role opens
    (notulist, catering) names no leader. A cell without such labels is one part."""
    if ":" not in text:
        return [(text, start)]
    parts: list[tuple[str, int]] = []
    offset = 0
    for piece in text.split(";"):
        label = _ROLE_PART.match(piece)
        if label is None:
            parts.append((piece, start + offset))
        elif _leader_label().match(label["label"]):
            parts.append((piece[label.end() :], start + offset + label.end()))
        offset += len(piece) + 1
    return parts


@cache
def _leader_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(load_yaml('labels.yml')['table_columns']['facilitators'])})$", re.I)


@cache
def _participants_cue() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["participants_cue"], re.IGNORECASE)


# "Luuk leidde sessie 1", "Samen leidden zij workshop 2": a speaker's bio names the session that
# person led by its keyword and number (tested only in blocks holding "leid"/"modereerde").
_BIO_LED = re.compile(
    r"\b(?:(?:bege)?leidd(?:e|en)|modereerd(?:e|en))\b(?:\s+(?:zij|ze|hij|samen|ook|de|het))*\s+"
    r"(?P<kw>sessie|workshop|tafel|ronde|track|deelsessie|werksessie|break-?out)\s+(?P<num>\d{1,2})\b",
    re.IGNORECASE,
)
_BIO_HINTS = ("leidd", "modereerd")
# The body someone works at in a bio: "adviseur bij de Kreis Heinsberg aan ...", "voorzitter van
# de Jongerenraad Weert": capitalised words, joined by "en"/"van"/"de" before another capital.
_BIO_BODY = re.compile(
    r"\b(?:bij|van|voor)\s+(?:(?:de|het)\s+)?(?P<org>[A-Z][\w.&'-]*"
    r"(?:\s+(?:(?:en|van|de|voor)\s+)?[A-Z][\w.&'-]*)*)"
)
_CLAUSE = re.compile(r"[^.;,]+")


def facilitators_from_bios(ctx: Context, sections: list[Section], records: list[SessionRecord]) -> None:
    """Facilitators named only in the speakers' bios outside the sessions ("**Name**" / "Role bij
    Org. Luuk leidde sessie 1."): the people of the bio's heading, or the one whose first name
    the sentence gives, lead session N, with the body their bio names them at. Only a number that
    exactly one session has."""
    by_number: dict[int, list[SessionRecord]] = {}
    for record in records:
        by_number.setdefault(record.number or 0, []).append(record)
    for section in sections:
        if section.kind != "other":
            continue
        names: list[Found] = []
        for block in section.blocks:
            if block.kind == "heading" or (block.kind == "paragraph" and len(block.text.split()) <= 8):
                names = [e for e in ctx.entities_in(block.start, block.end, "PERSON") if e.value] or names
                continue
            if block.kind != "paragraph" or not names or not any(h in block.text for h in _BIO_HINTS):
                continue
            for led in _BIO_LED.finditer(block.text):
                targets = by_number.get(int(led.group("num")), [])
                if len(targets) == 1:
                    leaders = _bio_leaders(block.text, led.start(), names)
                    _add_facilitators(targets[0], [_bio_person(block.text, p, len(leaders)) for p in leaders])


def _bio_leaders(text: str, at: int, names: list[Found]) -> list[Found]:
    """Who the sentence before ``at`` names by first name; else (zij, hij, samen) everyone."""
    sentence = text[max(text.rfind(". ", 0, at), 0) : at]
    named = [p for p in names if re.search(rf"\b{re.escape(p.value.split()[0])}\b", sentence)]
    return named or names


def _bio_person(text: str, person: Found, of: int) -> PersonRef:
    """The person with the body the bio names: in the clause that opens with their first name
    ("Martine is adviseur bij X, Jürgen werkt bij Y"), or the bio's first one when it is theirs alone."""
    first = person.value.split()[0]
    clauses = [c.group() for c in _CLAUSE.finditer(text)]
    own = [c for c in clauses if c.strip().startswith(first)]
    for clause in own + (clauses if of == 1 else []):
        body = _BIO_BODY.search(clause)
        if body is not None:
            return PersonRef(person.value, clean_organisation(body.group("org")))
    return PersonRef(person.value)
