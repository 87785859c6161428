"""Segment: find the sessions in a document's blocks and the labelled parts inside them.

Reports mark sessions in many ways: "1. Sessie X", "Sessie 2: X", "Workshop A – X",
a Word heading, a numbered line with no keyword at all, or a table with a session per
row. Numbered lists are everywhere too (questions, offerings), so a numbered line is
only a session when the text under it shows it: a label for attending municipalities
or facilitators. A heading with a session keyword and a number needs no such proof.

A session ends at the next session, at a heading of the same or a higher level, or,
in plain text, at a title-like line once the session already had its closing parts
(contacts or offerings): that is where reports put their general closing section.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from pipeline.model import Block, Document
from pipeline.rules import load_yaml
from pipeline.turns import speaker_turn

LabelKind = Literal["municipalities", "facilitators", "contacts", "offerings"]
LABEL_KINDS: tuple[LabelKind, ...] = ("municipalities", "facilitators", "contacts", "offerings")
# Labels that prove a block opens a session; contacts and offerings also close other lists.
STRONG_LABELS = ("municipalities", "facilitators")
# Facilitator labels that also head agenda items and other lists ("Trekker:", "Gids:", "Docent:"):
# inside a session they name its facilitators, but on their own they prove no session.
WEAK_FACILITATOR_KEY = "facilitators_in_session"
MAX_HEADING_WORDS = 20
# The style of the blocks read from a box's cells (_boxes_read_as_text): a session told in a box
# ends with the box.
BOX_STYLE = "box"
# ... and from a hand-out's slide: the speaker notes printed under a slide add to its session.
SLIDE_STYLE = "slide"


@dataclass(frozen=True)
class Label:
    kind: LabelKind
    value: str
    """What follows the label on the same line ('' when the values are in the next blocks)."""
    value_start: int
    """Offset of ``value`` in ``Document.text``."""
    proves: bool = True
    """Whether the label proves that the block above it opens a session."""


@dataclass
class Section:
    kind: Literal["session", "other"]
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    number: int | None = None
    title: str | None = None
    row: dict[str, list[Block]] | None = None
    """For a session taken from a table row: the cells per field."""
    prose: bool = False
    """Told in a paragraph of running text ("De tweede groep, ‘X’, ..."): the session is that
    paragraph and what hangs off it (lists, labelled lines), up to the next paragraph."""
    key: str | None = None
    """For a session in prose, the words that name it in the text around it ("gesprek a",
    "dinsdag"): a paragraph right after it that names it, or a line elsewhere keyed by them
    ("dinsdag (wonen): Name, email"), is about it."""
    sub_item: int | None = None
    """The agenda item a sub-item session ("3b. X") belongs to: it ends at the next item."""
    listed: list[Block] = field(default_factory=list)
    """Cells elsewhere in the report that list a municipality attending it (a matrix table)."""
    mentioned: list[Block] = field(default_factory=list)
    """Blocks elsewhere about it (an appendix under "Thema 2"): municipalities named there took part."""
    notes: list[Block] = field(default_factory=list)
    """Blocks under a heading elsewhere that names it ("Uit verdiepingssessie 1"): read as its text."""
    comments: list[tuple[str, Block]] = field(default_factory=list)
    """Readers' comments under a web item, with their authors: a leader may correct himself there."""
    summary: dict[str, list[Block]] | None = None
    """The cells per field of a summary table's row about it ("Gesprek | Onderwerp |
    Gespreksleider" above the sessions' own headings): read besides its text."""
    runs_on: bool = False
    """Told under a line of its own or in a numbered paragraph, the session runs on over the
    paragraphs after it up to the next session or heading (or :attr:`chapter`'s end)."""
    form: bool = False
    """Read from a filled-in form's table (:func:`_form_session`)."""
    chair: str | None = None
    """For a session a transcript's chair announces in a speaker turn ("Dan tafel twee, X. Die
    tafel werd geleid door ..."): the chair, whose next turn ends it; the turns between (the
    tafelvoorzitter's reply) are its text."""
    chapter: str | None = None
    """For a session told in a report's numbered paragraph ("2.2 Gesprekstafel I (X). ..."), the
    chapter number ("2"): it runs on over the paragraphs after it up to the next session, a
    heading or a paragraph of another chapter ("3.1 ...")."""


@dataclass
class Segmentation:
    sections: list[Section]

    @property
    def sessions(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "session"]


@dataclass(frozen=True)
class _Patterns:
    labels: list[tuple[LabelKind, re.Pattern[str], bool]]
    """(kind, regex, proves a session), in the order they are tried."""
    first_label: re.Pattern[str]
    """The ``labels`` in one alternation, group ``l<i>`` for label i (its value ``v<i>``):
    at the start of a text the first alternative that matches is the first label that does."""
    any_label: re.Pattern[str]
    """All labels' words at once: a block none of them opens needs no further test."""
    session_heading: re.Pattern[str]
    leading_number: re.Pattern[str]
    table_columns: dict[str, re.Pattern[str]]
    closing_section: re.Pattern[str]
    series_heading: re.Pattern[str]
    not_series: frozenset[str]
    agenda_item: re.Pattern[str]
    title_label: re.Pattern[str]
    note_head: re.Pattern[str]
    itemised_session: re.Pattern[str]


# Between a session's keyword and number and its title: "Sessie 2: X", "Spoor 1 · X",
# "Break-out 3 | X", "Gespreksronde 1 — X".
_TITLE_SEPARATOR = r"[:.\-–—)|·•/»]"
_ROMAN = r"(?:X{0,1}(?:IX|IV|VI{0,3}|I{1,3}))"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@cache
def patterns() -> _Patterns:
    rules = load_yaml("labels.yml")
    labels = [(kind, p, True) for kind in LABEL_KINDS for p in rules[kind]]
    weak = [("facilitators", p, False) for p in rules.get(WEAK_FACILITATOR_KEY) or []]
    at = max(i for i, (kind, _, _) in enumerate(labels) if kind == "facilitators") + 1
    labels[at:at] = weak
    # One match instead of one per label (~60): find_label 0.28 -> 0.1 ms a report (bench).
    first_label = re.compile(
        "|".join(f"(?P<l{i}>{_label_body(p, f'v{i}')})" for i, (_, p, _) in enumerate(labels)),
        re.IGNORECASE,
    )
    label_words = [p for kind in (*LABEL_KINDS, WEAK_FACILITATOR_KEY) for p in rules.get(kind) or []]
    # Matched on the lower-cased start of a block: IGNORECASE made it the costliest test here.
    joined = "|".join(f"(?:{p})" for p in label_words)
    lower = not any(c.isupper() for c in re.sub(r"\\.", "", joined))
    any_label = re.compile(joined) if lower else re.compile(joined, re.IGNORECASE)
    keywords = "|".join(rules["session_keywords"])
    numbered = "|".join(rules.get("numbered_session_keywords") or ["(?!)"])
    # The number: digits, a Roman numeral (I-XIII: "Themasessie II") or a letter ("Blok A").
    # A number word ("Deel twee – X") only right before the title's separator or at the end:
    # "Workshop een goed gesprek" has no number.
    words = "|".join(sorted(map(str, number_words()), key=len, reverse=True))
    number = (
        rf"\d{{1,3}}(?![\w'])|{_ROMAN}(?![\w'])|[A-Z](?![\w'])"
        rf"|(?:{words})(?=\s*(?:{_TITLE_SEPARATOR}|$))"
    )
    # "Tafel 1 van 3 » X": how many there were, after the number.
    count = r"(?:\s+(?:van|of)\s+\d{1,3}\b)?"
    # A capitalised word may qualify a keyword that a number follows: "Carrousel ronde 2 - X".
    qualifier = rf"(?P<qual>(?-i:[A-ZÀ-Ý])[\w-]*\s+(?=(?:{keywords})\s+(?:{number})))?"
    # An ordinal before the keyword numbers it: "Tweede sessie – X", "De derde ronde: X".
    ordinals = "|".join(sorted(_ordinals(), key=len, reverse=True))
    ordinal = rf"(?:(?:de|het)\s+)?(?P<ord>{ordinals})\s+"
    session_heading = re.compile(
        rf"^(?:(?P<lead>\d{{1,3}})(?P<letter>(?-i:[a-h]))?[.)]?\s+|{_SECTION_NUMBER}\s+)?(?:{qualifier}(?:{ordinal})?(?P<kw>{keywords})\b\.?\s*"
        rf"(?:(?P<num>{number}){count}{_translated('num')})?"
        rf"|(?P<nkw>{numbered})\s+(?P<nnum>{number}){count}{_translated('nnum')})"
        rf"\s*(?P<sep>{_TITLE_SEPARATOR})?\s*(?P<title>.*)$",
        re.IGNORECASE,
    )
    columns = {
        name: re.compile(rf"^(?:{'|'.join(alts)})\s*[:?]?$", re.IGNORECASE)
        for name, alts in rules["table_columns"].items()
    }
    closing = re.compile(rf"^(?:{'|'.join(rules['closing_sections'])})\s*[:.]?$", re.IGNORECASE)
    # "Kamer 1 – X", "Themagroep één: X": a capitalised word, a number and a title after a
    # separator; whether it opens a session depends on the rest of its series (_series_starts).
    # Also "Gesprek 1 van 3 » X" (a count after the number), a module code "M2 – X" and an
    # ordinal before the word, under a chapter's number: "3.2 Tweede leerlab: X".
    series = re.compile(
        rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)?"
        rf"(?:(?P<word>[A-ZÀ-Ý][\w-]+)\s+(?P<num>{number})(?:\s+(?:van|of)\s+\d{{1,3}})?{_translated('num')}"
        rf"|(?P<code>[A-Z]{{1,3}})(?P<cnum>[1-9]\d?)|(?P<ord>(?i:{ordinals}))\s+(?P<oword>[\w-]+))"
        rf"\s*[:\-–—|·•/»]\s*(?P<title>\S.*)$"
    )
    not_series = frozenset(str(w).casefold() for w in rules.get("not_session_series") or [])
    agenda = re.compile(rf"^(?:{'|'.join(rules['agenda_items'])})\s*[:.]?$", re.IGNORECASE)
    title_label = re.compile(
        rf"^(?:{'|'.join(rules['session_title_labels'])})\s*:\s*(?P<value>\S.*)$", re.IGNORECASE
    )
    note_head = re.compile(
        rf"^(?:{'|'.join(rules['item_note_heads'])})\s+(?P<num>\d{{1,2}})\s*[.:]?$", re.IGNORECASE
    )
    return _Patterns(
        [(kind, _label_regex(p), proves) for kind, p, proves in labels],
        first_label,
        any_label,
        session_heading,
        _LEADING_NUMBER,
        columns,
        closing,
        series,
        not_series,
        agenda,
        title_label,
        note_head,
        re.compile(rules["itemised_session"], re.IGNORECASE),
    )


# A chapter's section number before a session keyword: "3.2 Werksessie ‘X’" (the section's
# number, not the session's: such sessions are counted by position).
_SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2})+\.?"


def _translated(group: str) -> str:
    """A bilingual heading's second name for the same part: "Sessie 1 / Session 1: X" (the
    same number after a slash and one word), so the title is X alone."""
    return rf"(?:\s*/\s*[^\W\d_][\w-]*\.?\s+(?P={group})(?![\w']))?"


# "2. X", and a sub-item "3a. X" or "3.2 X" of the minutes' agenda item 3 (numbered by its
# letter or second number).
_LEADING_NUMBER = re.compile(r"^(\d{1,3})(?:(?P<sub>[a-z])?[.)]|\.(?P<subn>[1-9]\d?)\.?)\s+(?=\S)")


def _label_regex(label: str) -> re.Pattern[str]:
    return re.compile(f"^{_label_body(label)}", re.IGNORECASE)


def _label_body(label: str, value: str = "value") -> str:
    """A label and what follows it on the line (group ``value``), or the label alone."""
    # A label ending in a preposition ("begeleid door", "o.l.v.", "vragen aan") needs no colon.
    loose = re.search(r"(door|van|aan|bij|o\\\.l\\\.v\\\.)\)?$", label) is not None
    # "Nazorg/vragen » Name, email": a guillemet stands for the colon, and so does a spaced
    # en or em dash ("Contact – Name, email"); a hyphen does not ("Contact-avond").
    # A dotted leader stands for it in a typed list: "gespreksleider .... Name (Org)".
    colon = r"(?:\s*[:?»]|\s+[–—]|\s+\.{3,})\s*"
    separator = rf"(?:{colon}|\s+)" if loose else colon
    return rf"(?:{label}){_LABEL_TRANSLATION}(?:{separator}(?P<{value}>.*)|\s*[:?»]?\s*$)"


# A bilingual report puts the label in a second language after a slash: "Gemeenten /
# municipalities:", "Begeleiding / facilitation:" (up to four words, then the colon).
_LABEL_TRANSLATION = r"(?:\s*/\s*[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3}(?=\s*[:?»]))?"


# Markdown written into plain text: "# Title", "## Sessie 1", "**Gemeenten:**", "*dateline*", "> quote".
_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*)|\*\*|__|(?<![\w*])\*(?=\S)|(?<=[^\s*])\*(?![\w*])")


def plain(text: str) -> str:
    """``text`` with markdown markers blanked out: same length, so offsets still hold, and a
    line such as "**Gemeenten:** Ede" reads as the label it is."""
    # Called for every block by every segment test (~300 times a report): most text holds
    # no marker character at all, and the substitution cost 3 ms per report (profiled).
    if text[:1] in _RULE_FIRST:
        text = _rule_line_blanked(text)
    elif text[:1] == "[":
        text = _icon_blanked(text)
    elif text[:1] >= _PICTOGRAPHS:
        text = _pictograph_blanked(text)
    if "*" not in text and "#" not in text and ">" not in text and "__" not in text:
        return text
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


# A heading set between rule lines in plain text ("----- Gesprek 1 van 3 » X -----",
# "=== Tot slot ==="): the rules go, so the words inside read as the heading they are.
_RULE_FIRST = frozenset("-=_~–—")
_RULE_LINE = re.compile(r"^([-=_~–—]{3,}\s*)[^\s\-=_~–—].*?(\s*[-=_~–—]{3,})\s*$")


# A text version of a picture describes an icon in square brackets ("[icoon: cadeautje] Voor de
# raden: X"): the icon stands where a bullet would, so the words after it read as the line they are.
@cache
def _icon() -> re.Pattern[str]:
    words = "|".join(load_yaml("labels.yml")["icon_words"])
    return re.compile(rf"^\[\s*(?:{words})\s*:[^\]]{{0,60}}\]\s*", re.IGNORECASE)


def _icon_blanked(text: str) -> str:
    match = _icon().match(text)
    return text if match is None else " " * match.end() + text[match.end() :]


# A label may open with an emoji, as on a factsheet ("📍 Zaal", "🗣 Gespreksleiding", "✉ Doorpraten?"):
# blanked (a symbol, its variation selector or joiner), the words after it read as the label.
_PICTOGRAPHS = "\u2300"
_PICTOGRAPH = re.compile(r"^(?:[\u2300-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d]?)+\s*")


def _pictograph_blanked(text: str) -> str:
    match = _PICTOGRAPH.match(text)
    return text if match is None else " " * match.end() + text[match.end() :]


def _rule_line_blanked(text: str) -> str:
    match = _RULE_LINE.match(text)
    if match is None:
        return text
    lead, tail = match.span(1), match.span(2)
    return " " * lead[1] + text[lead[1] : tail[0]] + " " * (len(text) - tail[0])


def _plain_text(block: Block) -> tuple[str, int]:
    """The block's text without markup and leading space, and the offset where it starts."""
    return _plain_and_lead(block.text)


# Every layout test asks for a block's plain text (~700 times a report, ~300 blocks).
@lru_cache(maxsize=4096)
def _plain_and_lead(text: str) -> tuple[str, int]:
    masked = plain(text)
    stripped = masked.lstrip()
    return stripped.rstrip(), len(masked) - len(stripped)


@lru_cache(maxsize=4096)
def _word_count(text: str) -> int:
    return len(text.split())


# How far into a block a label's words may reach (the longest label pattern is under 200).
_LABEL_REACH = 240


def find_label(block: Block) -> Label | None:
    """The label that opens ``block``, if any ("Aanwezige gemeenten: A, B" -> municipalities)."""
    if block.kind == "table_cell":
        return None
    text, lead = _plain_text(block)
    found = _label_in(text)
    if found is None:
        return None
    index, value, value_at = found
    kind, _, proves = patterns().labels[index]
    return Label(kind, value, block.start + lead + value_at, proves)


# Segmentation and then every session's extraction ask for the same blocks' labels (~80
# times a report, ~4 us each): memoised by the plain text, like the plain text itself
# (segment + extract_session about -0.1 ms per txt report, 300 bench reports read once).
@lru_cache(maxsize=4096)
def _label_in(text: str) -> tuple[int, str, int] | None:
    """(index of the label pattern, its value, the value's offset in ``text``), or None."""
    # ~60 blocks a report, ~35 label patterns: one combined test first (profiled: 0.3 ms a report).
    if not patterns().any_label.match(text[:_LABEL_REACH].lower()):
        return None
    match = patterns().first_label.match(text)
    if match is None:
        return None
    index = int(match.lastgroup[1:])  # type: ignore[index]  # "l<i>" encloses every other group
    written = match.group(f"v{index}")
    value = (written or "").strip()
    return index, value, match.start(f"v{index}") if written else len(text)


def session_heading(block: Block) -> tuple[int | None, str] | None:
    """(number, title) when ``block`` reads as a session heading by its keyword, else None."""
    if block.kind == "table_cell":
        return None
    text = _plain_text(block)[0]
    parsed = _keyword_title(text, block.number)
    if parsed is None or (block.kind == "paragraph" and parsed[0] is None and parsed[1].endswith(".")):
        return None
    # "De ronde 2 was kort.": a word before the keyword makes a heading only of a line, not a sentence.
    qualified = patterns().session_heading.match(text).group("qual")  # type: ignore[union-attr]
    if qualified and block.kind == "paragraph" and parsed[1].endswith((".", ";", ",")):
        return None
    return parsed


def _keyword_title(text: str, number: int | None = None) -> tuple[int | None, str] | None:
    """(number, title) of "Sessie 2: X", "Workshop B – X", "1. Sessie X", "Werksessie: X"."""
    if _word_count(text) > MAX_HEADING_WORDS:
        return None
    match = patterns().session_heading.match(text)
    if not match:
        return None
    number = _number(match.group("num") or match.group("nnum")) or _lead_number(match) or number
    # "Ronde 1 (11.00 – 12.15 uur)": a time in brackets is when, not what; such a line has no title.
    title = _unquoted(_BRACKETED_TIME.sub("", _pipe_field(match.group("title"), match)).strip(" :-–—|·•/"))
    if not number and not match.group("sep"):
        title = _NAME_BEFORE_DASH.sub("", title)
    if match.group("ord"):
        # "De tweede ronde ging over geld." is a sentence: a heading puts a separator after it.
        if not match.group("sep") or title.endswith((".", ";", ",")):
            return None
        number = number or _ordinals()[match.group("ord").casefold()]
    return (number, title) if title else None


# "Deelsessie Raadzaal – Jeugdhulp", "Workshop Zaal Waal – Wonen": with no number, a name of
# capitalised words between the keyword and a dash names the session as a number would (a room,
# a place); the title is after the dash ("Workshop Omgevingswet – een introductie" keeps all).
_NAME_BEFORE_DASH = re.compile(r"^(?:[A-ZÀ-Ý][\w'-]*\s+){0,2}[A-ZÀ-Ý][\w'-]*\s+[–—-]\s+(?=[A-ZÀ-Ý])")


def _lead_number(match: re.Match[str]) -> int | None:
    """The number before the keyword: "2. Sessie X" is 2; an agenda's lettered sub-item
    "3b Tafelgesprek: X" is the second of item 3's series, so 2 (a, b, c count 1, 2, 3)."""
    if match.group("letter"):
        return ord(match.group("letter")) - ord("a") + 1
    return _number(match.group("lead"))


def _pipe_field(title: str, match: re.Match[str]) -> str:
    """ "Werkplaats 1 | Wonen | rapportcijfer 8,1": after a pipe, the title is the one field;
    the fields after it say something about the session (a score, a room, a time)."""
    if match.string[: match.start("title")].rstrip().endswith("|"):
        return title.split(" | ", 1)[0]
    return title


_BRACKETED_TIME = re.compile(r"\(\s*\d{1,2}[.:]\d{2}[^()]*\)")
# A title set in quotes as a whole: "Werksessie ‘Krimp en voorzieningen’".
_QUOTED_WHOLE = re.compile(r"^[‘'“\"„«](?P<title>[^‘’'“”\"„«»]+)[’'”\"“»]$")


def _unquoted(title: str) -> str:
    """The title without the quotes around it, when it is quoted whole."""
    match = _QUOTED_WHOLE.match(title) if title[:1] in "‘'“\"„«" else None
    return match.group("title").strip() if match else title


def _keyword_number(text: str) -> int | None:
    """The number of a bare session name such as "Atelier B" or "Sessie 2" (a table's header)."""
    match = patterns().session_heading.match(text)
    if not match or match.group("title").strip():
        return None
    return _number(match.group("num") or match.group("nnum")) or _lead_number(match)


def numbered_title(block: Block) -> tuple[int | None, str] | None:
    """(number, title) for a short numbered line or any heading; proof comes from its body."""
    if block.kind == "table_cell":
        return None
    plain = _plain_text(block)[0]
    # Only a heading goes without a number: a paragraph or list item needs a marker or a
    # leading digit (tested first, most blocks are paragraphs of running text).
    if block.kind != "heading" and block.number is None and not plain[:1].isdigit():
        return None
    if _word_count(block.text) > MAX_HEADING_WORDS:
        return None
    scheduled = _schedule_title(plain)
    if scheduled is not None:
        # "19.30 uur · Zaal Waal · X": the time is no number, and only a heading shows a session;
        # so does a timeline row "13:30 – 14:15 | X", which a row for coffee is too: its body's
        # labels must prove it (as for any numbered line).
        return (None, scheduled) if block.kind == "heading" or _is_time_range_row(block) else None
    number, text = _strip_leading_number(plain, block.number)
    if block.kind != "heading" and (number is None or text.endswith((".", ";", ","))):
        return None
    return number, text


# A clock time as a part of a heading: "19.30 uur", "20:45", "9.00u", or a slot "13:30 – 14:15".
_TIME = r"\d{1,2}[.:]\d{2}"
_TIME_RANGE = rf"{_TIME}\s*[–—-]\s*{_TIME}"
_CLOCK = re.compile(rf"^(?:{_TIME_RANGE}|{_TIME})(?:\s*(?:uur|u\.?|h))?$", re.IGNORECASE)
_LEADING_TIME_RANGE = re.compile(rf"^{_TIME_RANGE}(?:\s*(?:uur|u\.?|h))?\s+[·|•]\s+\S", re.IGNORECASE)
_PARTS = re.compile(r"\s+[·|•]\s+")


def _is_time_range_row(block: Block) -> bool:
    """A timeline row, a slot from-to and what happened in it: "13:30 – 14:15 | Title"."""
    return bool(_LEADING_TIME_RANGE.match(_plain_text(block)[0]))


def _schedule_title(text: str) -> str | None:
    """The title of a line written as a schedule entry, its parts split by ' · ' or ' | ':
    after a leading clock time ("19.30 uur · Zaal Waal · Title") the last part, before a
    trailing one ("Title · 19.30 uur") the first; None for any other line."""
    parts = _PARTS.split(text)
    if len(parts) < 2:
        return None
    if _CLOCK.match(parts[0]):
        return parts[-1]
    return parts[0] if _CLOCK.match(parts[-1]) else None


def _strip_leading_number(text: str, number: int | None) -> tuple[int | None, str]:
    """ "2. Digitale raadsinformatie" -> (2, "Digitale raadsinformatie"); a Word list number
    that a reader kept in the text goes too, since the marker already carries it."""
    lead = patterns().leading_number.match(text)
    if lead and (number is None or number == int(lead.group(1))):
        number, text = _item_number(lead), text[lead.end() :]
    return number, text.strip()


def _item_number(lead: re.Match[str]) -> int:
    if lead.group("sub"):
        return ord(lead.group("sub")) - ord("a") + 1
    return int(lead.group("subn") or lead.group(1))


def _is_sub_item(lead: re.Match[str]) -> bool:
    return bool(lead.group("sub") or lead.group("subn"))


def table_title(cell: Block) -> tuple[int | None, str]:
    """(number, title) of a session table's title cell: "1. X", "Sessie 2: X", any word with a
    number and a title ("Verdiepingssessie 2 – X") or just "X"."""
    series = patterns().series_heading.match(cell.text.strip())
    if series and series.group("word") and series.group("word").casefold() not in patterns().not_series:
        return _series_number(series), series.group("title").strip()
    return (
        _keyword_title(cell.text) or _dotted_number_title(cell.text) or _strip_leading_number(cell.text, None)
    )


def _dotted_number_title(text: str) -> tuple[int, str] | None:
    """ "2 · Wonen voor starters" -> (2, "Wonen voor starters"): a row's number set off by a
    middle dot, bullet or dash (a survey's breakdown by tafel), not "2.5 uur" or "3 raden"."""
    # Cheap first: a digit, then the separator within three characters.
    if not text[:1].isdigit():
        return None
    match = _DOTTED_NUMBER.match(text.strip())
    return (int(match["num"]), match["title"].strip()) if match else None


_DOTTED_NUMBER = re.compile(r"^(?P<num>[1-9]\d?)\s*[·•|–—]\s+(?P<title>[^\W\d].{2,})$")


def is_closing_section(block: Block) -> bool:
    """A plain line such as "Hoe verder?" or "Tot slot" that opens the report's closing part."""
    return block.kind in ("paragraph", "heading") and bool(
        patterns().closing_section.match(_plain_text(block)[0])
    )


@cache
def number_words() -> dict[str, int]:
    """Numbers written as words ("twee" -> 2), lower-cased: session numbers and counts."""
    return {str(k).lower(): int(v) for k, v in load_yaml("labels.yml")["session_number_words"].items()}


def _number(token: str | None) -> int | None:
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if token.lower() in number_words():
        return number_words()[token.lower()]
    if len(token) > 1 or token.upper() in "IVX":
        return _roman(token.upper())
    return ord(token.upper()) - ord("A") + 1 if len(token) == 1 and token.isalpha() else None


def _roman(token: str) -> int | None:
    """ "III" -> 3, "IV" -> 4; None for anything that is not a Roman numeral of I, V and X."""
    if not token or any(c not in _ROMAN_VALUES for c in token):
        return None
    values = [_ROMAN_VALUES[c] for c in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def is_title_like(block: Block) -> bool:
    """A short line without closing punctuation that reads as a heading in plain text."""
    text = _plain_text(block)[0]
    return (
        block.kind in ("paragraph", "heading")
        and _word_count(text) <= 8
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ",", "?", "!", "”", '"'))
        and find_label(block) is None
    )


def segment(document: Document) -> Segmentation:
    """Split the blocks into sections: sessions and the text around them."""
    document = _boxes_read_as_text(slides_read_as_text(document))
    blocks = document.blocks
    table_sessions = _table_sessions(blocks)
    agenda = _agenda_items(blocks)
    starts = _session_starts(blocks, agenda)
    # "Tafel B werd geleid door ..." is about a table's session B: no session of its own.
    keys = {s.key for _, s in table_sessions if s.key}
    starts = {i: v for i, v in starts.items() if _paragraph_key(blocks[i], keys) is None}
    sections: list[Section] = []
    current = Section("other", None)
    sections.append(current)
    prose = _prose_starts(blocks)
    itemised = _itemised_starts(blocks)
    for index, block in enumerate(blocks):
        if index in itemised and index not in starts:
            number, title, body = itemised[index]
            # Its sentences are its lines; what hangs off it joins it, as for a session in prose.
            current = Section("session", block, _sentence_blocks(block, body), number, title, prose=True)
            sections.append(current)
            continue
        # A numbered paragraph's session ("2.2 Sessie 1 (X). Aan deze ...") is read whole, not as a
        # heading whose title runs to the paragraph's end.
        if index in prose and (index not in starts or prose[index].runs_on):
            told = prose[index]
            # A title on a line of its own ("1️⃣ Title") is told in the paragraph below it.
            body = [] if told.headed else [block] if not told.body else _sentence_blocks(block, told.body)
            current = Section(
                "session",
                block,
                body,
                told.number,
                told.title,
                prose=True,
                key=told.key,
                runs_on=told.runs_on,
                chapter=told.chapter,
                chair=told.chair,
            )
            sections.append(current)
            continue
        if index in starts:
            number, title = starts[index]
            # A session inside an agenda item of minutes ends with that item, as a sub-item does.
            parent = _sub_item_of(block) or _agenda_item_before(agenda, index)
            current = Section("session", block, [], number, title, sub_item=parent)
            sections.append(current)
            continue
        if current.kind == "session" and _ends_session(current, block):
            current = Section("other", block, [block])
            sections.append(current)
            continue
        if current.runs_on and current.chapter is None and block.kind == "paragraph":
            # A letter's session is all prose: "Wat jullie krijgen: X. Vragen over deze tafel: ..."
            # inside a paragraph read as the labelled lines they stand for, sentence by sentence.
            current.blocks.extend(_sentence_blocks(block, 0))
            continue
        current.blocks.append(block)
    sections = [s for s in sections if s.kind == "session" or s.blocks]
    for section in sections:
        if section.kind == "session" and not section.title:
            section.title = _title_from_label(section.blocks)
        if section.kind == "session" and section.summary is None and section.row is None:
            section.summary = _key_facts(section.blocks)
    table_sessions = _merge_summary_rows(sections, table_sessions)
    sections = _number_sessions(_drop_form_parts(_insert_table_sessions(sections, table_sessions, blocks)))
    sections = _attach_keyed_lists(sections)
    _attach_keyed_rows(sections, document)
    _attach_summary_lines(sections, document)
    _attach_matrix_rows(sections, document)
    _attach_back_references(sections)
    _attach_title_references(sections)
    _attach_keyed_paragraphs(sections)
    _attach_keyed_contact_lines(sections)
    _attach_colour_keyed(sections)
    _attach_item_notes(sections)
    _attach_footnotes(sections)
    _attach_comments(sections)
    return Segmentation(sections)


def _card_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Cards of a picture told by where they stand ("Kaart links (oranje) [icoon: fiets]",
    "Kaart midden", "Kaart rechts"), two or more of one noun, each with a title label right under
    it ("Titel: X"): the sessions of an infographic's text version, numbered in reading order and
    titled by that label. A row's heading or a box of figures has no title label under it."""
    found: dict[str, list[tuple[int, str]]] = {}
    for index, block in enumerate(blocks[:-1]):
        # Cheap tests first: a short paragraph or heading that opens with a capital.
        if block.kind not in ("paragraph", "heading") or len(block.text) > 80 or not block.text[:1].isupper():
            continue
        card = _picture_card().match(block.text)
        title = card and _title_from_label(blocks[index + 1 : index + 2])
        if title:
            found.setdefault(card["word"].casefold(), []).append((index, title))
    return {
        index: (number, title)
        for cards in found.values()
        if len(cards) >= 2
        for number, (index, title) in enumerate(cards, start=1)
    }


@cache
def _picture_card() -> re.Pattern[str]:
    positions = "|".join(load_yaml("labels.yml")["picture_positions"])
    # A noun, a position, then at most a colour in brackets and an icon in square brackets.
    return re.compile(
        rf"^(?P<word>[A-ZÀ-Ý][\w-]+)\s+(?:{positions})(?:\s*\((?P<colour>[^)]{{1,30}})\))?(?:\s*\[[^\]]{{1,60}}\])?\s*:?$",
        re.IGNORECASE,
    )


def slides_read_as_text(document: Document) -> Document:
    """``document`` with each slide of a hand-out (``Dia 4 | Aantekeningen`` over the slide's lines,
    :func:`_slide_lines`) read as it was shown: its first line a heading, bullets list items, the
    header row (the slide's number, the notes column's name) dropped. The title slide's lines
    then give the report's title, date and place, a session's slide its labelled lines, and the
    speaker's notes printed under a slide add to its session."""
    slides = [cells for cells in _tables(document.blocks).values() if _slide_lines(cells)]
    if not slides:
        return document
    read: dict[int, list[Block]] = {}
    for cells in slides:
        read.update({id(cells[0]): [], id(cells[1]): []})
        lines = cells[2:]
        head = replace(lines[0], kind="heading", table=None, level=9, style=SLIDE_STYLE)
        for cell, part in zip(lines, [head, *map(_slide_line, lines[1:])], strict=True):
            read[id(cell)] = [part]
    blocks = [part for b in document.blocks for part in read.get(id(b), [b])]
    return Document(document.format, document.text, blocks, document.links, document.pages, document.warnings)


def _boxes_read_as_text(document: Document) -> Document:
    """``document`` with each box that tells sessions read as the text it frames.

    A box is a one-column table of two rows or more (a Word table used as a frame, a PDF's
    framed or shaded block): its first cell heads it, the other cells are its lines. It tells
    sessions when its head reads as one (``Kader 3.1 · Spoor A – X``: a caption, ``box_captions``,
    before it is blanked) or two of its lines open with a session's keyword and number
    (``Tafel 1 · X. Raadsleden uit ...``); other boxes (a quote, a table of contents) stay cells.
    """
    boxes = {key: cells for key, cells in _tables(document.blocks).items() if _is_box(cells)}
    if not boxes:
        return document
    read: dict[int, list[Block]] = {}
    for cells in boxes.values():
        text = _caption_blanked(cells[0].text)
        head = replace(cells[0], kind="heading", table=None, level=9, style=BOX_STYLE, text=text)
        lines = [_box_line(c) for c in cells[1:]]
        opening = sum(len(parts) > 1 or parts[0].kind == "heading" for parts in lines)
        if session_heading(head) is None:
            if opening < 2:
                continue
            head = replace(head, kind="paragraph")
        for cell, parts in zip(cells, [[head], *lines], strict=True):
            read[id(cell)] = parts
    if not read:
        return document
    blocks = [part for b in document.blocks for part in read.get(id(b), [b])]
    return Document(document.format, document.text, blocks, document.links, document.pages, document.warnings)


def _box_line(cell: Block) -> list[Block]:
    """A box's line as text: a line that opens a session (``Tafel 1 · X. Raadsleden uit ...``)
    is its heading, up to the first sentence's end, and the paragraph that tells it."""
    line = replace(cell, kind="paragraph", table=None, style=BOX_STYLE)
    match = _BOX_LINE_TITLE.match(line.text) if line.text[:1].isalpha() else None
    if match is None or session_heading(replace(line, kind="heading", text=match["head"])) is None:
        return [line]
    cut, rest = len(match["head"]), match.start("rest")
    # Deepest of levels: the next line of the box, or any heading after it, ends its session.
    head = replace(line, kind="heading", level=9, text=line.text[:cut], end=line.start + cut)
    return [head, replace(line, text=line.text[rest:], start=line.start + rest)]


# A box line's first sentence, when a capitalised sentence follows it in the same cell.
_BOX_LINE_TITLE = re.compile(r"^(?P<head>[^.!?]{3,100}?)[.!?]\s+(?P<rest>[A-ZÀ-Ý].*)$", re.DOTALL)


def _slide_lines(cells: list[Block]) -> list[Block]:
    """The lines of a hand-out's slide (a table ``Dia 4 | Aantekeningen`` over the slide's lines
    in its first column, the notes column empty; ``labels.yml`` ``slide_heads``), else none."""
    # Cheap first: a header row of exactly two cells whose first opens with a capital.
    if len(cells) < 3 or cells[0].table[1:] != (0, 0) or cells[1].table[1:] != (0, 1):
        return []
    if not cells[0].text[:1].isupper() or _slide_head().match(cells[0].text) is None:
        return []
    lines = cells[2:]
    if not all(c.table[2] == 0 for c in lines) or cells[1].text.strip().casefold() not in _slide_notes():
        return []
    return lines


def _slide_line(cell: Block) -> Block:
    bullet = cell.text[:1] in _SLIDE_BULLETS and cell.text[1:2] == " "
    if not bullet:
        return replace(cell, kind="paragraph", table=None, style=SLIDE_STYLE)
    text = cell.text[2:].lstrip()
    start = cell.end - len(text)
    return replace(
        cell,
        kind="list_item",
        table=None,
        style=SLIDE_STYLE,
        marker=cell.text[0],
        level=0,
        text=text,
        start=start,
    )


_SLIDE_BULLETS = frozenset("•–-▪◦·*")


@cache
def _slide_head() -> re.Pattern[str]:
    words = "|".join(load_yaml("labels.yml")["slide_heads"]["slide"])
    return re.compile(rf"^(?:{words})\s+\d{{1,3}}$", re.IGNORECASE)


@cache
def _slide_notes() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_yaml("labels.yml")["slide_heads"]["notes"])


def _is_box(cells: list[Block]) -> bool:
    # Cheap first: most tables have a second column, which no box has.
    return len(cells) >= 2 and all(c.table is not None and c.table[2] == 0 for c in cells)


def _caption_blanked(text: str) -> str:
    """``text`` with a box's caption (``Kader 3.1 · ``, ``Box 2: ``) blanked, same length."""
    match = _box_caption().match(text)
    return text if match is None else " " * match.end() + text[match.end() :]


@cache
def _box_caption() -> re.Pattern[str]:
    words = "|".join(load_yaml("labels.yml").get("box_captions") or ["(?!)"])
    return re.compile(rf"^\s*(?:{words})(?:\s+\d{{1,2}}(?:\.\d{{1,2}})*)?\s*[:·|•–—-]\s*", re.IGNORECASE)


def _title_from_label(blocks: list[Block]) -> str | None:
    """The value of the first title label in a session's body ("wat: X", "Onderwerp: X"), for
    a session whose heading gives none ("Tafelgesprek A")."""
    for block in blocks:
        match = patterns().title_label.match(_plain_text(block)[0]) if block.kind != "table_cell" else None
        if match:
            return match.group("value").strip()
    return None


def _session_starts(blocks: list[Block], agenda: dict[int, int]) -> dict[int, tuple[int | None, str]]:
    """Indexes of blocks that open a session, with the session's number and title; the
    ``agenda`` items of minutes (:func:`_agenda_items`) open none."""
    candidates: dict[int, tuple[int | None, str, bool]] = {}
    for index, block in enumerate(blocks):
        keyword = session_heading(block)
        if keyword:
            # "Werksessie: Loting" as a plain line has no number: its body must show it.
            certain = keyword[0] is not None or block.kind in ("heading", "list_item")
            candidates[index] = (*keyword, certain)
            continue
        numbered = numbered_title(block)
        if numbered:
            candidates[index] = (*numbered, False)
    for index in agenda:
        candidates.pop(index, None)
    # A numbered series reads a line more exactly than a term series ("Kamer 1 – X" has a number).
    terms = {
        i: term for i, term in _term_starts(blocks).items() if _term_reads_more(blocks[i], candidates.get(i))
    }
    certain_series = {
        **terms,
        **_coded_starts(blocks),
        **_series_starts(blocks),
        **_subchapter_starts(blocks),
        **_card_starts(blocks),
    }
    for index, (number, title) in certain_series.items():
        if index not in candidates or not candidates[index][2]:
            candidates[index] = (number, title, True)
    # A heading that reads as a session by itself (its keyword) keeps that reading.
    for index, (number, title) in {
        **_counted_heading_starts(blocks),
        **_titled_section_starts(blocks),
    }.items():
        if index not in candidates or not candidates[index][2]:
            candidates[index] = (number, title, True)
    bare = _bare_series_starts(blocks)
    for index, number in bare.items():
        candidates.setdefault(index, (number, "", False))
    order = sorted(candidates)
    # Minutes' header lines ("Voorzitter: Name", "Plaats: X") above the first agenda item are
    # the meeting's: they prove no session (the chair leads the meeting, not a session in it).
    header_end = min(agenda) if agenda else 0
    starts: dict[int, tuple[int | None, str]] = {}
    for position, index in enumerate(order):
        number, title, certain = candidates[index]
        end = order[position + 1] if position + 1 < len(order) else len(blocks)
        body = blocks[index + 1 : end]
        if certain or (index >= header_end and (_has_strong_label(body) or _key_facts(body))):
            starts[index] = (number, title)
    # A series of bare "Tafelgesprek A" lines is one kind of thing: one proven, all are sessions.
    if starts.keys() & bare.keys():
        starts.update({i: candidates[i][:2] for i in bare if candidates[i][1] == ""})
    return _drop_inconsistent_levels(blocks, starts)


# A chapter's heading ("3 De drie gesprekken") and its numbered sections' ("3.1 Title").
_CHAPTER_HEADING = re.compile(r"^(?P<chapter>[1-9]\d?)\.?\s+(?P<title>\S.{1,100})$")
_SUBCHAPTER_HEADING = re.compile(r"^(?P<chapter>[1-9]\d?)\.(?P<num>[1-9]\d?)\.?\s+(?P<title>\S.{1,100})$")


def _subchapter_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """The numbered sections of a chapter that tells the sessions: under a heading whose words
    name sessions in the plural ("3 De drie gesprekken", "4 Workshops"; ``session_chapters``), its
    section headings "3.1 X", "3.2 Y", ... numbered from one in order, each over text that says
    who took part ("raadsleden uit A en B"), are the sessions, numbered by their section. The
    sections of another chapter ("2.1 Aanleiding"), or one section without participants, open none."""
    chapters: dict[str, int] = {}
    sections: dict[str, list[tuple[int, int, str]]] = {}
    for index, block in enumerate(blocks):
        # Cheap test first: a heading that opens with a digit.
        if block.kind != "heading" or not block.text.lstrip("#* ")[:1].isdigit():
            continue
        text = _plain_text(block)[0].strip()
        sub = _SUBCHAPTER_HEADING.match(text)
        if sub:
            sections.setdefault(sub["chapter"], []).append((index, int(sub["num"]), sub["title"].strip()))
            continue
        chapter = _CHAPTER_HEADING.match(text)
        if chapter and _session_chapter().fullmatch(chapter["title"].strip()):
            chapters.setdefault(chapter["chapter"], index)
    found: dict[int, tuple[int, str]] = {}
    for chapter, items in sections.items():
        if (
            chapter not in chapters
            or items[0][0] < chapters[chapter]
            or [number for _, number, _ in items] != list(range(1, len(items) + 1))
            or len(items) < 2
        ):
            continue
        if all(_participant_cue().search(_text_under(blocks, index)) for index, _, _ in items):
            found.update({index: (number, title) for index, number, title in items})
    return found


def _titled_section_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Unnumbered headings one level below a heading whose title names sessions in the plural
    ("## De workshops" over "### Wonen voor jong en oud", "### Toerisme"; ``session_chapters``):
    two or more, every one over text that says who took part (a photo caption "raadsleden uit A
    en B met gespreksleider Name"), are the sessions, numbered in order. A heading that reads as
    a session by itself keeps that reading."""
    found: dict[int, tuple[int, str]] = {}
    for index, block in enumerate(blocks):
        if (
            block.kind != "heading"
            or block.level is None
            or not _session_chapter().fullmatch(_plain_text(block)[0].strip())
        ):
            continue
        subs: list[int] = []
        for after in range(index + 1, len(blocks)):
            sub = blocks[after]
            if sub.kind != "heading":
                continue
            if sub.level is None or sub.level <= block.level:
                break
            if sub.level == block.level + 1:
                subs.append(after)
        titles = [_plain_text(blocks[i])[0].strip() for i in subs]
        if (
            len(subs) >= 2
            and not any(title[:1].isdigit() for title in titles)
            and all(_participant_cue().search(_text_under(blocks, i)) for i in subs)
        ):
            found.update(
                {
                    i: (number, title)
                    for number, (i, title) in enumerate(zip(subs, titles, strict=True), start=1)
                }
            )
    return found


def _counted_heading_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """A news item's intertitles as its sessions: after a paragraph that says into how many
    sessions the meeting split ("de raadsleden gingen in drie groepen uiteen"; ``sessions_counted``),
    the first that many unnumbered headings of the next heading level, each over text that says who
    took part, are the sessions, numbered in order. A heading above the readers' comments
    (``comments_headings``) ends the article: no session lies past it."""
    for index, block in enumerate(blocks):
        # Cheap test first: a paragraph with a plural session noun.
        if block.kind != "paragraph" or not any(n in block.text for n in _session_count_nouns()):
            continue
        match = _sessions_counted().search(block.text)
        if match:
            return _first_headings_after(blocks, index, _number(match["count"]) or 0)
    return {}


def _first_headings_after(blocks: list[Block], index: int, count: int) -> dict[int, tuple[int, str]]:
    level, found = None, []
    for after in range(index + 1, len(blocks)):
        block = blocks[after]
        if block.kind != "heading" or block.level is None:
            continue
        title = _plain_text(block)[0].strip()
        if _comments_heading().match(title) or (level is not None and block.level < level):
            break
        level = level or block.level
        if block.level == level:
            found.append((after, title))
    found = found[:count]
    if (
        count < 2
        or len(found) < count
        or any(title[:1].isdigit() or session_heading(blocks[i]) for i, title in found)
        or not all(_participant_cue().search(_text_under(blocks, i)) for i, _ in found)
    ):
        return {}
    return {i: (number, title) for number, (i, title) in enumerate(found, start=1)}


@cache
def _sessions_counted() -> re.Pattern[str]:
    words = "|".join(sorted(number_words(), key=len, reverse=True))
    template = str(load_yaml("labels.yml")["sessions_counted"])
    return re.compile(template.replace("{count}", rf"\d{{1,2}}|{words}"), re.IGNORECASE)


@cache
def _session_count_nouns() -> tuple[str, ...]:
    return tuple(load_yaml("labels.yml")["session_count_nouns"])


@cache
def _comments_heading() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["comments_headings"], re.IGNORECASE)


def _text_under(blocks: list[Block], index: int) -> str:
    """The text under a heading, up to the next heading."""
    body: list[str] = []
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        body.append(block.text)
    return " ".join(body)


@cache
def _session_chapter() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["session_chapters"]), re.IGNORECASE)


def _term_reads_more(block: Block, candidate: tuple[int | None, str, bool] | None) -> bool:
    """Whether a term series' reading of ``block`` replaces what the line says by itself: always
    for a paragraph; for a heading only when nothing was read from it ("Leerkring Zaanstreek"
    as a PDF's bold line), not when it has its own shape ("Samen begroten · 14.00 uur")."""
    return block.kind == "paragraph" or candidate is None or candidate[1] == _plain_text(block)[0].strip()


def _agenda_items(blocks: list[Block]) -> dict[int, int]:
    """Index -> number of the items of a minutes' agenda ("1. Opening", "3. Tafelgesprekken",
    "5. Rondvraag"): when two or more of a report's numbered lines are standard agenda items
    (rules/labels.yml agenda_items), its numbered lines are the agenda, not sessions; a sub-item
    ("3a. X") or a line with a session keyword still may be one."""
    numbered: dict[int, tuple[int, str]] = {}
    for index, block in enumerate(blocks):
        parsed = numbered_title(block)  # the cheap test first: most blocks have no number
        numbered_only = parsed is not None and parsed[0] is not None and session_heading(block) is None
        if numbered_only and _sub_item_of(block) is None:
            numbered[index] = (parsed[0], parsed[1])  # type: ignore[index]
    agenda = [title for _, title in numbered.values() if patterns().agenda_item.match(title)]
    return {index: number for index, (number, _) in numbered.items()} if len(agenda) >= 2 else {}


def _agenda_item_before(agenda: dict[int, int], index: int) -> int | None:
    """The number of the agenda item a block at ``index`` falls under, if any."""
    before = [i for i in agenda if i < index]
    return agenda[max(before)] if before else None


# A workshop code: a round's number and the workshop's letter ("1A Title", "2B: Title").
_CODE = re.compile(r"^(?P<round>[1-9])(?P<letter>[A-H])(?:\s*[:.\-–—|·]\s*|\s+)(?P<title>\S.*)$")


def _coded_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Lines coded by round and letter, "1A X", "1B Y", "2A Z" ...: two or more, the codes in
    order (letters from A within a round, rounds from 1), numbered by position as analysts count
    them; the code is not part of the title."""
    found: list[tuple[int, tuple[int, int], str]] = []
    for index, block in enumerate(blocks):
        if block.kind == "table_cell" or _word_count(block.text) > MAX_HEADING_WORDS:
            continue
        match = _CODE.match(_plain_text(block)[0])
        title = match.group("title").strip() if match else ""
        if match and not (block.kind == "paragraph" and title.endswith((".", ";", ","))):
            code = (int(match.group("round")), ord(match.group("letter")) - ord("A"))
            found.append((index, code, title))
    codes = [code for _, code, _ in found]
    if len(found) < 2 or not _codes_in_order(codes):
        return {}
    return {index: (position, title) for position, (index, _, title) in enumerate(found, start=1)}


def _codes_in_order(codes: list[tuple[int, int]]) -> bool:
    """(1, A), (1, B), (2, A), ...: each code the next letter of its round or a new round's A."""
    previous = (1, -1)
    for code in codes:
        if code not in ((previous[0], previous[1] + 1), (previous[0] + 1, 0)):
            return False
        previous = code
    return True


def _term_starts(blocks: list[Block]) -> dict[int, tuple[None, str]]:
    """Short lines that share their first word, each right above a label that proves a session:
    "Leerkring Zaanstreek" / "Deelnemende raden – ...", "Leerkring Waterland" / ... (terms of a
    definition list). The shared word names the series; the rest is the title. The terms may
    be headings: a PDF export shows Word's bold paragraphs as nothing but bold lines. A term is a
    name: a line that gives a value under a label ("Voor raadsleden uit: A, B") is none, even when
    its label is unknown and each session's body has one above its "Workshopleider:"."""
    found: dict[str, list[tuple[int, str]]] = {}
    for index, block in enumerate(blocks[:-1]):
        if block.kind not in ("paragraph", "heading") or not is_title_like(block):
            continue
        text = _plain_text(block)[0]
        if _is_labelled_line(text):
            continue
        label = find_label(blocks[index + 1])
        first, _, rest = text.partition(" ")
        if label is not None and label.kind in STRONG_LABELS and label.proves and rest.strip():
            found.setdefault(first.casefold(), []).append((index, rest.strip()))
    return {index: (None, title) for series in found.values() if len(series) >= 2 for index, title in series}


# A few words, a colon and a value: "Voor raadsleden uit: A, B", "Doelgroep: raadsleden".
_LABELLED_LINE = re.compile(r"^[^\W\d][^:\d]{0,40}:\s+\S")


def _is_labelled_line(text: str) -> bool:
    """A line that gives a value under a label, known to the rules or not: a part of what it
    stands in (a session's body), never a term that opens a session of its own."""
    return ":" in text and _LABELLED_LINE.match(text) is not None


def _bare_series_starts(blocks: list[Block]) -> dict[int, int]:
    """Lines of a word and a number or letter alone, numbered from one in order: "Tafelgesprek A",
    "Tafelgesprek B". Without a title they prove nothing: the labels under them must, and the
    title comes from a title label ("wat: X")."""
    found: dict[str, list[tuple[int, int]]] = {}
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading"):
            continue
        head = _RECORD_HEAD.match(_plain_text(block)[0])
        word = head.group("word").casefold() if head else ""
        number = _number(head.group("num")) if head else None
        if number is not None and word not in patterns().not_series:
            found.setdefault(word, []).append((index, number))
    starts: dict[int, int] = {}
    for series in found.values():
        if len(series) >= 2 and [n for _, n in series] == list(range(1, len(series) + 1)):
            starts.update(dict(series))
    return starts


def _series_starts(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Short lines or headings that share a first word and are numbered 1, 2, ... in order,
    each with a title: "Kamer 1 – X" ... "Kamer 3 – Z", "Themagroep één: X", "Werkplaats A: X".

    A label the session keywords do not know still names sessions when it numbers a series
    from one; a lone "Thema 1 – X", or "Stap 1: ..." (``not_session_series``), does not.
    """
    found: dict[str, list[tuple[int, int, str]]] = {}
    for index, block in enumerate(blocks):
        if block.kind == "table_cell" or _word_count(block.text) > MAX_HEADING_WORDS:
            continue
        match = patterns().series_heading.match(_plain_text(block)[0])
        word = match and (match.group("word") or match.group("code") or match.group("oword")).casefold()
        if not match or word in patterns().not_series:
            continue
        number, title = _series_number(match), _pipe_field(match.group("title").strip(), match)
        if number is None or (block.kind == "paragraph" and title.endswith((".", ";", ","))):
            continue
        found.setdefault(word, []).append((index, number, title))
    starts: dict[int, tuple[int, str]] = {}
    for lines in found.values():
        series, keyed = _keyed_list_after(lines, blocks)
        numbers = [number for _, number, _ in series]
        if len(series) >= 2 and numbers == list(range(1, len(series) + 1)):
            starts.update({index: (number, title) for index, number, title in series + keyed})
    return starts


def _keyed_list_after(
    series: list[tuple[int, int, str]], blocks: list[Block]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(series, keyed list): a series told once in full and then again as a list keyed by its
    numbers ("Werkplaats 1: Name, email" under "Aanspreekpunten"): list items numbered from 1
    again, rising and no higher than the series went. They open sessions of their own, which
    _attach_keyed_lists then joins to the full ones."""
    numbers = [number for _, number, _ in series]
    if 1 not in numbers[1:]:
        return series, []
    cut = numbers.index(1, 1)
    tail = series[cut:]
    keyed = all(blocks[i].kind == "list_item" and n <= cut for i, n, _ in tail)
    rising = all(a[1] < b[1] for a, b in itertools.pairwise(tail))
    return (series[:cut], tail) if keyed and rising else (series, [])


def _series_number(match: re.Match[str]) -> int | None:
    """The number of a series line: "Kamer 2", "M2" or "Tweede leerlab"."""
    if match.group("ord"):
        return _ordinals()[match.group("ord").casefold()]
    return int(match.group("cnum")) if match.group("code") else _number(match.group("num"))


class _Told(NamedTuple):
    """A session told in running text: its number, title, the words that name it elsewhere
    ("gesprek a", "dinsdag") and whether its title stands on a line of its own above its text."""

    number: int
    title: str
    key: str | None = None
    headed: bool = False
    runs_on: bool = False
    chapter: str | None = None
    body: int = 0
    """Where in the paragraph the session's own text starts (a transcript turn's announcement)."""
    chair: str | None = None


def _prose_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Paragraphs (or title lines) that tell the sessions in running text, in one of a few
    shapes, each a series of two or more in order; one alone is a sentence about something."""
    for shape in (
        _announced_starts,
        _ordinal_starts,
        _keyed_prose_starts,
        _keycap_starts,
        _quoted_title_starts,
        _numbered_paragraph_starts,
        _question_starts,
    ):
        starts = shape(blocks)
        if starts:
            return starts
    return {}


def _announced_starts(blocks: list[Block]) -> dict[int, _Told]:
    """A transcript's sessions, announced by its chair in speaker turns, in order from one:
    "[20:54:40] NAME (dagvoorzitter): ... Dan tafel twee, arbeidsmigratie in de regio. Die tafel
    werd geleid door ...". Each runs on over the turns after it (the tafelvoorzitter's reply)
    until the chair speaks again."""
    turns = {i: t for i, b in enumerate(blocks) if b.kind == "paragraph" and (t := speaker_turn(b.text))}
    if len(turns) < _MIN_TURNS:
        return {}
    found: list[tuple[int, _Told]] = []
    for index, turn in turns.items():
        announced = _announcement(blocks[index].text, turn.body)
        if announced is not None:
            number, title, at = announced
            found.append((index, _Told(number, title, body=at, chair=turn.name)))
    if len(found) < 2 or [told.number for _, told in found] != list(range(1, len(found) + 1)):
        return {}
    return dict(found)


# A transcript has turns of several speakers; a report that quotes a few labelled lines does not.
_MIN_TURNS = 3
# A sentence's end in a transcript, also after an editor's note: "[geroezemoes] Dan ...".
_SPOKEN_BREAK = re.compile(r"(?<=[.!?\]])\s+(?=[A-ZÀ-Ý])")


def _announcement(text: str, body: int) -> tuple[int, str, int] | None:
    """(number, title, where the announcing sentence starts) of a session a turn announces."""
    for match in _announced_session().finditer(text, body):
        number = _number(match.group("num"))
        title = _announced_title().split(match.group("title"), maxsplit=1)[0].strip(" ,;:")
        first = title.split(maxsplit=1)[0].casefold() if title else ""
        if number is None or len(title) < 3 or first in _not_announced_title():
            continue
        sentence = max((m.end() for m in _SPOKEN_BREAK.finditer(text, body, match.start())), default=body)
        return number, title, sentence
    return None


def _chair_speaks(chair: str, block: Block) -> bool:
    """Whether a block ends an announced session: the chair's next turn, or the end of the
    turns (a heading, a rule line before the transcript's colophon)."""
    if block.kind == "heading" or (block.text[:1] in _RULE_FIRST and not block.text.strip("-=_~–— ")):
        return True
    turn = speaker_turn(block.text) if block.kind == "paragraph" else None
    return turn is not None and turn.name == chair


@cache
def _announced_session() -> re.Pattern[str]:
    rules = load_yaml("labels.yml")
    nouns = "|".join([*rules["session_keywords"], *(rules.get("numbered_session_keywords") or [])])
    numbers = "|".join(sorted(number_words(), key=len, reverse=True))
    leads = "|".join(rules["announced_session_leads"])
    return re.compile(
        rf"\b(?:{nouns})\s+(?P<num>[1-9]\d?|{numbers})(?:\s*[,:]|\s+[–—-])\s+(?:(?:{leads})\s+)?"
        r"(?P<title>[^.!?]{3,150})",
        re.IGNORECASE,
    )


@cache
def _announced_title() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["announced_title_ends"]))


@cache
def _not_announced_title() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in load_yaml("labels.yml")["announced_not_title"])


def _ordinal_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Counted from the first: "De eerste groep, ‘Stemmen vanaf 16’, stond onder leiding van ...",
    "De tweede groep, ‘X’, ..."."""
    found: list[tuple[int, int, str]] = []
    for index, block in enumerate(blocks):
        # Cheap test first: the pattern opens with "De"/"Het" (or "In de", "Tijdens het", ...).
        if block.kind != "paragraph" or block.text[:1] not in _PROSE_FIRST:
            continue
        if block.text[:8].lstrip(" *")[:3].lower() not in _PROSE_OPENINGS:
            continue
        match = _prose_session().match(_plain_text(block)[0])
        if match:
            found.append((index, _ordinals()[match.group("ord").casefold()], match.group("title").strip()))
    numbers = [number for _, number, _ in found]
    if len(found) < 2 or numbers != list(range(1, len(found) + 1)):
        return {}
    return {index: _Told(number, title) for index, number, title in found}


# The dashes an itemised session's title may stand before (a cheap test before the pattern).
_DASHES = ("–", "—", " - ")


def _itemised_starts(blocks: list[Block]) -> dict[int, tuple[int, str, int]]:
    """Index -> (number, title, where its body starts in the text) of numbered list items that
    each tell a whole session on one line ("1. Title – met A, B en C, aangestuurd door Name (Org).
    Meer weten: email"): two or more in a row, numbered 1, 2, ...; one alone is a list item."""
    found: dict[int, tuple[int, str, int]] = {}
    for index, block in enumerate(blocks):
        if block.kind != "list_item" or block.number is None or not any(d in block.text for d in _DASHES):
            continue
        match = patterns().itemised_session.match(block.text)
        if match:
            found[index] = (block.number, match.group("title").strip(), match.end())
    runs = _consecutive_runs(sorted(found))
    counted = [run for run in runs if [found[i][0] for i in run] == list(range(1, len(run) + 1))]
    return {i: found[i] for run in counted for i in run}


def _consecutive_runs(indexes: list[int]) -> list[list[int]]:
    """Runs of two or more block indexes that follow each other."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) >= 2]


# Where a sentence ends inside a line: after . ! or ? and before a capital, quote or bracket.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý“\"'‘(])")


def _sentence_blocks(block: Block, body: int) -> list[Block]:
    """The sentences of a one-line session from ``body`` on, each a block of its own, so that
    "Meer weten: email" or "Aanbod: X" inside the line reads as the labelled line it stands for."""
    bounds = [body, *(m.end() for m in _SENTENCE_BREAK.finditer(block.text, body)), len(block.text)]
    sentences: list[Block] = []
    for lo, hi in itertools.pairwise(bounds):
        # A line has no full stop: "Aanbod: een training." offers "een training".
        text = block.text[lo:hi].rstrip().removesuffix(".")
        if text:
            sentences.append(
                Block("paragraph", text, block.start + lo, block.start + lo + len(text), page=block.page)
            )
    return sentences


# A report's numbered paragraph that opens with a session keyword, its number (Arabic or Roman)
# and its title in brackets: "2.2 Gesprekstafel I (Wonen op de eilanden). Aan deze tafel ...".
_NUMBERED_PARAGRAPH = re.compile(
    r"^(?P<chapter>[1-9]\d?)\.[1-9]\d?\.?\s+(?P<word>[A-ZÀ-Ý][\w-]*)\s+(?P<num>[IVX]{1,4}|[1-9]\d?)"
    r"\s*\((?P<title>[^()]{2,80})\)\s*[.:]?\s+\S"
)


def _numbered_paragraph_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Numbered paragraphs of a formal report that each open with a session keyword, its number
    and its title in brackets, and say who took part or led it ("2.2 Gesprekstafel I (X). Aan
    deze tafel namen raadsleden deel uit ... De tafel werd voorgezeten door ..."): a series of two
    or more under one word, numbered 1, 2, ... in order. The session runs on over the paragraphs
    after it (:attr:`Section.chapter`); one alone, or one that says nothing of who was there, is a
    paragraph about something."""
    series: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for index, block in enumerate(blocks):
        # Cheap tests first: a digit opens it and a bracket follows soon.
        if block.kind != "paragraph" or not block.text[:1].isdigit() or "(" not in block.text[:120]:
            continue
        text = _plain_text(block)[0]
        match = _NUMBERED_PARAGRAPH.match(text)
        word = match.group("word").casefold() if match else ""
        if not match or not _session_noun().fullmatch(word) or not _prose_session_cue().search(text):
            continue
        number = _number(match.group("num"))
        if number is not None:
            key = f"{word} {match.group('num').casefold()}"
            series.setdefault(word, []).append(
                (index, number, match.group("title").strip(), key, match["chapter"])
            )
    counted = [
        found
        for found in series.values()
        if len(found) >= 2 and [n for _, n, _, _, _ in found] == list(range(1, len(found) + 1))
    ]
    if not counted:
        return {}
    return {
        index: _Told(number, title, key, runs_on=True, chapter=chapter)
        for index, number, title, key, chapter in max(counted, key=len)
    }


# Questions under which a session is told have at most this many words.
_MAX_QUESTION_WORDS = 14
# How many blocks under a question are read for who took part and led it.
_QUESTION_BODY = 4


def _question_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Bold questions on a line of their own, each over text that says who took part and who led
    it ("**Wie betaalt de boot?**" / "Raadsleden van A en B spraken erover onder leiding van Name,
    rol bij Org"): the sessions of a letter, numbered by position. Two or more questions one after
    another (no other bold line or heading between them), every one with both cues under it; a
    FAQ or a list of questions, where some answer says neither, opens none."""
    questions = [
        index
        for index, block in enumerate(blocks)
        if block.text.rstrip().endswith(("?", "?**")) and _is_bold_line(block) and _is_short_question(block)
    ]
    if len(questions) < 2:
        return {}
    runs: list[list[int]] = [[questions[0]]]
    for before, index in itertools.pairwise(questions):
        if any(_is_bold_line(b) for b in blocks[before + 1 : index]):
            runs.append([index])
        else:
            runs[-1].append(index)
    counted = [run for run in runs if len(run) >= 2 and all(_told_under(blocks, i) for i in run)]
    if not counted:
        return {}
    return {
        index: _Told(position, _plain_text(blocks[index])[0].strip(), headed=True, runs_on=True)
        for position, index in enumerate(max(counted, key=len), start=1)
    }


def _is_bold_line(block: Block) -> bool:
    """A heading, or a paragraph in bold or heading markup ("**Title**", "## Title")."""
    if block.kind == "heading":
        return True
    text = block.text.strip()
    if block.kind != "paragraph" or text[:1] not in "*#":
        return False
    return (text.startswith("**") and text.endswith("**") and len(text) > 4) or re.match(
        r"#{1,4} \S", text
    ) is not None


def _is_short_question(block: Block) -> bool:
    text = _plain_text(block)[0].strip()
    return text[:1].isupper() and _word_count(text) <= _MAX_QUESTION_WORDS and "?" not in text[:-1]


def _told_under(blocks: list[Block], index: int) -> bool:
    """Whether the text under a question, up to the next bold line, says who took part and led."""
    body: list[str] = []
    for block in blocks[index + 1 : index + 1 + _QUESTION_BODY]:
        if _is_bold_line(block):
            break
        body.append(block.text)
    text = " ".join(body)
    return _participant_cue().search(text) is not None and _leader_cue().search(text) is not None


@cache
def _participant_cue() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["prose_session_participant_cues"]), re.IGNORECASE)


@cache
def _leader_cue() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["prose_session_leader_cues"]), re.IGNORECASE)


@cache
def _session_noun() -> re.Pattern[str]:
    """A word that names a session: a session keyword or noun, alone or at the end of a compound
    ("gesprekstafel", "praattafel")."""
    rules = load_yaml("labels.yml")
    nouns = [
        *rules["session_keywords"],
        *(rules.get("numbered_session_keywords") or []),
        *(rules.get("prose_session_nouns") or []),
    ]
    return re.compile(rf"[\w-]*(?:{'|'.join(nouns)})", re.IGNORECASE)


# A paragraph that opens with a word and a quoted title, then a dash or colon and what it was:
# "Gesprek ‘Wonen in de regio’ – met raadsleden uit ...; gespreksleider: Name (Org)."
_QUOTED_TITLE = re.compile(
    r"^(?P<word>[A-ZÀ-Ý][\w-]*)\s+[‘'“\"„«](?P<title>[^’'”\"“»]{2,80})[’'”\"“»]\s*[–—:-]\s+\S"
)


def _quoted_title_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Two or more paragraphs in a row that open with the same word and a quoted title
    ("Gesprek ‘X’ – ...", "Gesprek ‘Y’ – ..."): sessions told one per paragraph, numbered by
    position. Paragraphs apart, or with different words, are sentences about something."""
    found: list[tuple[int, str, str]] = []
    for index, block in enumerate(blocks):
        match = _QUOTED_TITLE.match(_plain_text(block)[0]) if block.kind == "paragraph" else None
        if match:
            found.append((index, match.group("word").casefold(), match.group("title").strip()))
    consecutive = all(b[0] == a[0] + 1 for a, b in itertools.pairwise(found))
    if len(found) < 2 or not consecutive or len({word for _, word, _ in found}) != 1:
        return {}
    return {index: _Told(position, title) for position, (index, _, title) in enumerate(found, start=1)}


# What a paragraph about one session opens with: "Gesprek B heette ‘X’", "Op dinsdag stond het
# thema ‘X’ centraal", "Woensdag was gewijd aan ‘X’" (a word and a letter or number, or a day).
@cache
def _keyed_opening() -> re.Pattern[str]:
    days = "|".join(_weekdays())
    return re.compile(
        rf"^(?:op\s+)?(?P<day>{days})\b|^(?P<word>[A-ZÀ-Ý][\w-]*)\s+(?P<key>[A-H]|[1-9]\d?)\b(?![.\d])",
        re.IGNORECASE,
    )


# The session's title in quotes within the opening sentence, a few words after its key.
_OPENING_QUOTE = re.compile(r"[^.!?:;‘'“\"„«]{0,60}?[‘'“\"„«](?P<title>[^’'”\"“»]{2,80})[’'”\"“»](?!\w)")


def _keyed_prose_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Paragraphs that each tell a session in running text, opening with what names it and its
    quoted title, and saying who took part or led it: "Gesprek A had als titel ‘X’. Aan tafel
    zaten raadsleden uit ...", "Gesprek B heette ‘Y’", or a week told day by day ("Op dinsdag
    stond het thema ‘X’ centraal", "Woensdag was gewijd aan ‘Y’"). A series of two or more in
    order (letters from A, numbers from 1, days one after another), apart or not; numbered by
    position. One alone, or days without a quoted title, is a sentence about something."""
    series: dict[str, list[tuple[int, int, str]]] = {}
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.text[:1].isupper():
            continue
        text = _plain_text(block)[0]
        opening = _keyed_opening().match(text)
        quote = _OPENING_QUOTE.match(text, opening.end()) if opening else None
        if opening is None or quote is None or not _prose_session_cue().search(text):
            continue
        day = opening.group("day")
        name = "weekdag" if day else opening.group("word").casefold()
        if name in patterns().not_series:
            continue
        key = day.casefold() if day else f"{name} {opening.group('key').casefold()}"
        series.setdefault(name, []).append((index, _key_position(opening), key, quote.group("title").strip()))
    counted = [found for name, found in series.items() if len(found) >= 2 and _keys_in_order(name, found)]
    if not counted:
        return {}
    found = max(counted, key=len)
    return {
        index: _Told(position, title, key) for position, (index, _, key, title) in enumerate(found, start=1)
    }


def _key_position(opening: re.Match[str]) -> int:
    """Where a key stands in its series: a day of the week, a letter or a number."""
    if opening.group("day"):
        return _weekdays().index(opening.group("day").casefold())
    key = opening.group("key").upper()
    return ord(key) - ord("A") + 1 if key.isalpha() else int(key)


def _keys_in_order(name: str, found: list[tuple[int, int, str, str]]) -> bool:
    """Days one after another; letters or numbers counted from the first."""
    positions = [position for _, position, _, _ in found]
    first = positions[0] if name == "weekdag" else 1
    return positions == list(range(first, first + len(positions)))


# A keycap emoji line: "1️⃣ Title" (the digit, an optional variation selector, the keycap mark).
_KEYCAP = re.compile(r"^(?P<num>[1-9])\ufe0f?\u20e3\s*(?P<title>\S.*)$")


def _keycap_starts(blocks: list[Block]) -> dict[int, _Told]:
    """Title lines headed by keycap emoji ("1️⃣ Wonen voor starters", "2️⃣ ..."), numbered 1, 2, ...
    in order, each above a paragraph that says who took part or led it: the sessions of a post,
    told in those paragraphs. A keycap list of tips (whole sentences, or no such paragraph) is none."""
    found: list[tuple[int, int, str]] = []
    for index, block in enumerate(blocks[:-1]):
        if "\u20e3" not in block.text[:3] or block.kind != "paragraph":
            continue
        match = _KEYCAP.match(_plain_text(block)[0])
        title = match.group("title").strip() if match else ""
        below = blocks[index + 1]
        told = below.kind == "paragraph" and _prose_session_cue().search(below.text) is not None
        if match and told and _word_count(title) <= MAX_HEADING_WORDS and not title.endswith((".", "!", "?")):
            found.append((index, int(match.group("num")), title))
    if len(found) < 2 or [number for _, number, _ in found] != list(range(1, len(found) + 1)):
        return {}
    return {index: _Told(number, title, headed=True) for index, number, title in found}


@cache
def _weekdays() -> list[str]:
    """The days of the week in order, written out (rules/dates.yml)."""
    return [str(day) for day in load_yaml("dates.yml")["weekdays"] if len(str(day)) > 2]


@cache
def _prose_session_cue() -> re.Pattern[str]:
    """Words that say who took part in or led a session told in prose (rules/labels.yml)."""
    return re.compile("|".join(load_yaml("labels.yml")["prose_session_cues"]), re.IGNORECASE)


@cache
def _ordinals() -> dict[str, int]:
    return {str(k).casefold(): int(v) for k, v in load_yaml("labels.yml")["session_ordinals"].items()}


_PROSE_OPENINGS = ("de ", "het", "in ", "tij", "bij", "aan")
_PROSE_FIRST = frozenset("DdHhIiTtBbAa* ")


@cache
def _prose_session() -> re.Pattern[str]:
    rules = load_yaml("labels.yml")
    nouns = "|".join(
        [
            *rules["session_keywords"],
            *(rules.get("numbered_session_keywords") or []),
            *(rules.get("prose_session_nouns") or []),
        ]
    )
    ordinals = "|".join(sorted(_ordinals(), key=len, reverse=True))
    # "De eerste groep, ‘X’," / "De tweede workshop (“X”)" / "Het derde atelier: 'X'" /
    # "In de eerste ronde, ‘X’,".
    return re.compile(
        rf"^(?:(?:in|tijdens|bij|aan)\s+)?(?:de|het)\s+(?P<ord>{ordinals})\s+(?:{nouns})\s*[,:(]?\s*[‘'“\"„«](?P<title>[^’'”\"“»]{{2,80}})[’'”\"“»]",
        re.IGNORECASE,
    )


def _has_strong_label(blocks: list[Block]) -> bool:
    for block in blocks:
        label = find_label(block)
        if label and label.kind in STRONG_LABELS and label.proves:
            return True
    return False


def _key_facts(blocks: list[Block]) -> dict[str, list[Block]] | None:
    """The cells per field of a key-facts table right under a heading: one header row of
    column labels over one row of values (``📍 Zaal | 🏛 Aan tafel | 🗣 Gespreksleiding``, a
    factsheet's), when a column says who led; else None."""
    if not blocks or blocks[0].table is None or blocks[0].table[1] != 0:
        return None
    table = blocks[0].table[0]
    cells = list(itertools.takewhile(lambda b: b.table is not None and b.table[0] == table, blocks))
    header = {c.table[2]: c for c in cells if c.table[1] == 0}  # type: ignore[index]
    values = {c.table[2]: c for c in cells if c.table[1] == 1}  # type: ignore[index]
    if len(header) < 2 or len(header) + len(values) != len(cells):
        return None
    fields = _column_fields(header)
    # A column of who led it: a table of councils alone (`Gemeente | 2019 | 2020`) is the event's.
    if "facilitators" not in fields.values():
        return None
    return {name: [values[column]] for column, name in fields.items() if column in values}


def _drop_inconsistent_levels(
    blocks: list[Block], starts: dict[int, tuple[int | None, str]]
) -> dict[int, tuple[int | None, str]]:
    """Sessions of one report share a heading level; a deeper proven heading is a sub-part."""
    levels = [blocks[i].level for i in starts if blocks[i].kind == "heading" and blocks[i].level]
    if not levels:
        return starts
    top = min(levels)
    return {i: v for i, v in starts.items() if blocks[i].kind != "heading" or (blocks[i].level or top) <= top}


def _ends_session(session: Section, block: Block) -> bool:
    heading = session.heading
    if session.chair is not None:
        return _chair_speaks(session.chair, block)
    if session.runs_on:
        if session.chapter is not None:
            return block.kind == "heading" or _other_chapter(session.chapter, block)
        return _is_bold_line(block)
    if heading is not None and heading.style == BOX_STYLE and block.style != BOX_STYLE:
        return True
    if session.prose:
        if block.kind not in ("paragraph", "heading") or find_label(block) is not None:
            return False
        # A title line's session is told in the paragraph under it; a paragraph after that
        # names the session ("Vragen over gesprek A: ...", "Slides van deze break-out? Mail ...").
        return bool(session.blocks) and not _names_session(session, block)
    if block.kind == "paragraph" and _is_mail_break(block):
        return True
    if block.kind == "heading":
        if heading is not None and heading.kind == "heading":
            return (block.level or 1) <= (heading.level or 1)
        return True
    if block.kind == "paragraph" and (is_closing_section(block) or _same_caps_heading(session, block)):
        return True
    if block.kind == "paragraph" and session.blocks and _is_bare_rule(block):
        return True
    if session.sub_item is not None and _next_item_after_sub_item(session.sub_item, session, block):
        return True
    if block.kind == "paragraph" and is_title_like(block) and not _this_sessions_contact(block):
        return not _awaits_value(session) and any(_closes_session(b) for b in session.blocks)
    return False


# Where a mail of a thread ends: its closing greeting ("Groet,", "Met vriendelijke groet,",
# "Groet, Ilse"), the line that parts a reply from the mail it quotes, or the header of the next
# mail ("Van: Name <address>", "Verzonden: date"). A session told in one mail ends there.
_MAIL_BREAK = re.compile(
    r"^(?:(?:met\s+)?(?:(?:vriendelijke|hartelijke|collegiale|goede|warme|lieve)\s+)?groet(?:en|jes)?"
    r"\s*[,.!]?(?:\s+[A-ZÀ-Ý][\w-]*)?"
    r"|-{2,}\s*(?:oorspronkelijk|original|doorgestuurd|forwarded)\s+(?:bericht|message)\s*-{2,}"
    r"|(?:van|from|verzonden|verstuurd|sent)\s*:\s*\S.*)$",
    re.IGNORECASE,
)


def _is_mail_break(block: Block) -> bool:
    text = _plain_text(block)[0].strip()
    if _word_count(text) > MAX_HEADING_WORDS or text[:1] not in "-GgMmHhCcVvWwLlFfSs":
        return False  # the cheap test first: most paragraphs open otherwise
    return _MAIL_BREAK.match(text) is not None


# The number that opens a report's paragraph: "3.1 ", "3 ".
_PARAGRAPH_NUMBER = re.compile(r"^(?P<chapter>[1-9]\d?)(?:\.\d{1,2})*\.?\s")


def _other_chapter(chapter: str, block: Block) -> bool:
    """Whether a paragraph is numbered in another chapter than ``chapter`` ("3.1 ..." after
    "2.x"): the end of a session told in a numbered paragraph."""
    if block.kind != "paragraph" or not block.text[:1].isdigit():
        return False
    match = _PARAGRAPH_NUMBER.match(block.text)
    return match is not None and match.group("chapter") != chapter


def _awaits_value(session: Section) -> bool:
    """The session's last line is a label alone ("Contact" in bold over "Name, email, phone", as
    in a layout table's label column): the short line after it is its value, not a heading."""
    label = find_label(session.blocks[-1]) if session.blocks else None
    return label is not None and not label.value


# "Vragen over deze excursie: x@y.nl", or the writer's own: "Mail (x@y.nl) of app me gerust".
_THIS_SESSION = re.compile(r"\b(?:deze|dit|me|mij)\b", re.IGNORECASE)


def _names_session(session: Section, block: Block) -> bool:
    """Whether a paragraph is about the session told in prose just before it: it names it by
    its key ("Vragen over gesprek A kunt u stellen aan ...") or is this session's contact."""
    key = session.key
    if (
        key
        and key in block.text.casefold()
        and re.search(rf"\b{re.escape(key)}\b", block.text, re.IGNORECASE)
    ):
        return True
    return _this_sessions_contact(block)


def _this_sessions_contact(block: Block) -> bool:
    """ "Vragen over deze excursie: Name, x@y.nl" is the session's contact, not a heading after
    it; "Meer informatie over Democratie in Actie: x@y.nl" is the report's."""
    return "@" in block.text and _THIS_SESSION.search(block.text) is not None


def _sub_item_of(heading: Block) -> int | None:
    """3 for a heading line "3b. X" or "3.2 X"; None for anything else."""
    if heading.kind == "heading" or not heading.text[:4].lstrip()[:1].isdigit():
        return None
    opened = _LEADING_NUMBER.match(_plain_text(heading)[0])
    return int(opened.group(1)) if opened is not None and _is_sub_item(opened) else None


def _next_item_after_sub_item(parent: int, session: Section, block: Block) -> bool:
    """A session opened by a sub-item of agenda item ``parent`` ("3b. X") ends at the next
    numbered item of the minutes ("4. Rondvraag"), whatever its wording; a numbered list inside
    the session (its items follow one another from 1) does not end it."""
    if block.kind == "list_item":
        after_list = bool(session.blocks) and session.blocks[-1].kind == "list_item"
        return not after_list and (block.number or 0) > parent
    if block.kind != "paragraph":
        return False
    item = _LEADING_NUMBER.match(_plain_text(block)[0])
    return item is not None and not _is_sub_item(item) and int(item.group(1)) > parent


def _is_bare_rule(block: Block) -> bool:
    """A line of ten or more '=' alone, as a text version draws the frame of a picture's next
    part: it parts the text as a heading does, so a session told above it ends there (a rule right
    under a session's heading, before any of its text, still belongs to the heading)."""
    text = block.text
    return text[:1] == "=" and len(text) >= _BARE_RULE_LENGTH and not text.strip("= ")


_BARE_RULE_LENGTH = 10


def _same_caps_heading(session: Section, block: Block) -> bool:
    """In a report whose session headings are ALL CAPS lines, another short ALL CAPS line
    ("MEER INFORMATIE") is a heading of the same rank: the session ends there."""
    heading = session.heading
    if heading is None or heading.kind != "paragraph" or not _is_caps_line(heading):
        return False
    return _is_caps_line(block)


def _is_caps_line(block: Block) -> bool:
    return _is_caps_text(_plain_text(block)[0])


# Asked for the session's heading at every block that may end the session (~30 a report,
# the same few headings): memoised by text, like the plain text (-0.05 ms per txt report).
@lru_cache(maxsize=4096)
def _is_caps_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and _word_count(text) <= MAX_HEADING_WORDS and all(c.isupper() for c in letters)


def _closes_session(block: Block) -> bool:
    """Contacts and offerings are what a session ends with."""
    label = find_label(block)
    return (label is not None and label.kind in ("contacts", "offerings")) or "@" in block.text


# Columns that say who took part; "participants" holds both ("Name (Org), met raadsleden uit A").
_WHO_COLUMNS = ("municipalities", "facilitators", "participants", "facilitators_with_organisation")


def _table_sessions(blocks: list[Block]) -> list[tuple[int, Section]]:
    """Sessions from tables whose header names a session column and a municipality/facilitator one."""
    by_table: dict[int, list[Block]] = {}
    for block in blocks:
        if block.table is not None:
            by_table.setdefault(block.table[0], []).append(block)
    found: list[tuple[int, Section]] = []
    for cells in by_table.values():
        header = {c.table[2]: c for c in cells if c.table and c.table[1] == 0}
        fields = _numbered_title_column(_column_fields(header), header, cells)
        if "title" not in fields.values() or not set(fields.values()) & set(_WHO_COLUMNS):
            sessions = _column_sessions(cells, header, blocks)
            sessions = sessions or _spanning_row_sessions(cells, header, blocks)
            found.extend(
                sessions or _record_table_session(cells, header, blocks) or _form_session(cells, blocks)
            )
            continue
        rows: dict[int, dict[str, list[Block]]] = {}
        for cell in cells:
            row, column = cell.table[1], cell.table[2]  # type: ignore[index]
            if row > 0 and column in fields:
                rows.setdefault(row, {}).setdefault(fields[column], []).append(cell)
        for row_cells in (rows[r] for r in sorted(rows) if r not in _programme_rows(rows, cells)):
            title_cell = row_cells.get("title", [None])[0]
            if title_cell is None:
                continue
            parsed = table_title(title_cell)
            number = parsed[0]
            if "number" in row_cells and row_cells["number"][0].text.strip(".# ").isdigit():
                number = int(row_cells["number"][0].text.strip(".# "))
            position = blocks.index(title_cell)
            found.append((position, Section("session", title_cell, [], number, parsed[1], row_cells)))
    return found


def _programme_rows(rows: dict[int, dict[str, list[Block]]], cells: list[Block]) -> set[int]:
    """A run sheet ("Tijd | Onderdeel | Wie | ..."): when some rows of a table with a column of
    clock times name a session by its keyword ("Werkgroep 1: X"), the other rows (arrival,
    welcome, break, drinks) are the day's programme items and open no session."""
    if not _has_clock_column(cells):
        return set()
    titled = {r for r, row in rows.items() if "title" in row and _keyword_title(row["title"][0].text)}
    return set(rows) - titled if titled else set()


def _has_clock_column(cells: list[Block]) -> bool:
    columns: dict[int, list[str]] = {}
    for cell in cells:
        if cell.table and cell.table[1] > 0 and cell.text[:1].isdigit():
            columns.setdefault(cell.table[2], []).append(cell.text.strip())
    rows = {c.table[1] for c in cells if c.table and c.table[1] > 0}
    return any(len(v) == len(rows) and all(_CLOCK.match(t) for t in v) for v in columns.values())


def _numbered_title_column(
    fields: dict[int, str], header: dict[int, Block], cells: list[Block]
) -> dict[int, str]:
    """ "Ronde | Thema | ...", rows "1 | Armoede": a session column of bare numbers numbers the
    sessions; the title is in the next column a title word heads."""
    column = next((c for c, name in fields.items() if name == "title"), None)
    values = [c.text.strip() for c in cells if c.table and c.table[1] > 0 and c.table[2] == column]
    if column is None or "number" in fields.values() or not values or not all(v.isdigit() for v in values):
        return fields
    rest = _column_fields({c: cell for c, cell in header.items() if c != column})
    return {**rest, column: "number"} if "title" in rest.values() else fields


def _column_sessions(
    cells: list[Block], header: dict[int, Block], blocks: list[Block]
) -> list[tuple[int, Section]]:
    """Sessions from a table with a session per COLUMN: the header row names them ("Atelier A",
    "Sessie 2", or with a title: "Sessie 2: Loting") and the first column the fields ("Thema",
    "Gemeenten", "Begeleiding", ...)."""
    heads = {column: _column_head(cell.text.strip()) for column, cell in header.items() if column > 0}
    sessions = {column: head[0] for column, head in heads.items() if head is not None}
    if len(sessions) < 2:
        return []
    names = {c.table[1]: c for c in cells if c.table and c.table[2] == 0 and c.table[1] > 0}
    fields = _column_fields(names)
    if not set(fields.values()) & {"municipalities", "facilitators"}:
        return []
    columns: dict[int, dict[str, list[Block]]] = {}
    for cell in cells:
        row, column = cell.table[1], cell.table[2]  # type: ignore[index]
        if row in fields and column in sessions and cell.text.strip():
            columns.setdefault(column, {}).setdefault(fields[row], []).append(cell)
    found: list[tuple[int, Section]] = []
    for column in sorted(columns):
        row_cells = columns[column]
        title_cell = row_cells.get("title", [header[column]])[0]
        title = title_cell.text.strip() if "title" in row_cells else heads[column][1]  # type: ignore[index]
        found.append(
            (blocks.index(title_cell), Section("session", title_cell, [], sessions[column], title, row_cells))
        )
    return found


# The key and title in a session column's cell: "A · Wonen in de kernen", "2 – Energie".
_ROW_KEY = re.compile(r"^(?P<key>[A-H]|[1-9])\s*[·•|:.)\-–—]\s*(?P<title>\S.{2,})$")


def _spanning_row_sessions(
    cells: list[Block], header: dict[int, Block], blocks: list[Block]
) -> list[tuple[int, Section]]:
    """A harvest table whose sessions span rows: its first column, headed by a session word
    ("Tafel", "Sessie"), keys each session with its title ("A · Wonen in de kernen"), and a row
    whose first cell is empty goes on with the session above (a second finding, another
    offering), also past a page break. The keys run A, B, C ... or 1, 2, 3 ... from the first.
    Who took part is told elsewhere, keyed by them ("Aan tafel A zaten ...", joined by
    _attach_keyed_paragraphs); the columns a field word heads ("Wat het netwerk aanbiedt") are
    the session's, the rest (what was said) is the report's text."""
    word = header[0].text.strip() if 0 in header else ""
    fields = _column_fields({c: h for c, h in header.items() if c > 0})
    if not fields or not _session_noun().fullmatch(word):
        return []
    rows: dict[int, dict[int, Block]] = {}
    for cell in cells:
        if cell.table and cell.table[1] > 0 and cell.text.strip():
            rows.setdefault(cell.table[1], {})[cell.table[2]] = cell
    found: list[tuple[int, Section]] = []
    keys: list[str] = []
    for row in (rows[r] for r in sorted(rows)):
        first = row.get(0)
        if first is not None:
            match = _ROW_KEY.match(first.text.strip())
            if match is None:
                return []
            keys.append(match.group("key"))
            section = Section("session", first, [], None, match.group("title").strip(), {})
            section.key = f"{word} {match.group('key')}".casefold()
            found.append((blocks.index(first), section))
        elif not found:
            return []
        for column, cell in row.items():
            if column in fields:
                found[-1][1].row.setdefault(fields[column], []).append(cell)  # type: ignore[union-attr]
    series = "ABCDEFGH" if keys and keys[0].isalpha() else "123456789"
    if len(keys) < 2 or "".join(keys) != series[: len(keys)]:
        return []
    for position, (_, section) in enumerate(found, start=1):
        section.number = position
    return found


# The first cell of a table that holds one session: "Democratiecafé 2", "Tafel B", "Ronde 3:".
_RECORD_HEAD = re.compile(r"^(?P<word>[A-Za-zÀ-ÿ][\w-]*)\s+(?P<num>\d{1,2}|[A-Z])\s*:?$")


def _record_table_session(
    cells: list[Block], header: dict[int, Block], blocks: list[Block]
) -> list[tuple[int, Section]]:
    """A two-column table per session, its fields as rows: "Democratiecafé 2 | Title" first,
    then rows whose first cell is a label ("Wie zaten er?", "Host", "Napraten met")."""
    if sorted(header) != [0, 1] or not header[1].text.strip():
        return []
    head = _RECORD_HEAD.match(header[0].text.strip())
    if head is None or head.group("word").casefold() in patterns().not_series:
        return []
    values = {c.table[1]: c for c in cells if c.table and c.table[1] > 0 and c.table[2] == 1}
    row: dict[str, list[Block]] = {}
    for cell in cells:
        if not cell.table or cell.table[1] == 0 or cell.table[2] != 0 or cell.table[1] not in values:
            continue
        # find_label skips table cells (a cell of a list table is a value, not a label): ask as a line.
        label = find_label(Block("paragraph", cell.text, cell.start, cell.end, cell.page))
        if label is not None:
            row.setdefault(label.kind, []).append(values[cell.table[1]])
    if not row.keys() & set(STRONG_LABELS):
        return []
    title, number = header[1].text.strip(), _number(head.group("num"))
    return [(blocks.index(header[1]), Section("session", header[1], [], number, title, row))]


class _FormPatterns(NamedTuple):
    number: re.Pattern[str]
    title: re.Pattern[str]
    remark: re.Pattern[str]


@cache
def _form_patterns() -> _FormPatterns:
    rules = load_yaml("labels.yml")
    keywords = "|".join([*rules["session_keywords"], *rules["numbered_session_keywords"]])
    words = "|".join(rules["form_number_words"])
    titles = "|".join(rules["session_title_labels"])
    return _FormPatterns(
        # "Werksessie nr.", "Tafelnummer", "Ronde": a session keyword, its number in the next cell.
        re.compile(rf"(?:{keywords})\s*(?:{words})?", re.IGNORECASE),
        # "Titel werksessie", "Thema", "Onderwerp van de tafel".
        re.compile(rf"(?:{titles})(?:\s+(?:van\s+(?:de|het)\s+)?(?:{keywords}))?", re.IGNORECASE),
        re.compile("|".join(rules["form_remark_labels"]), re.IGNORECASE),
    )


# A form's label carries a hint for whoever fills it in: "Begeleider(s)", "Aanwezige raden
# (aankruisen)", "Opvallende uitspraak (met naam)". The label is what stands before it.
_LABEL_HINT = re.compile(r"\s*\([^()]*\)\s*$|\(s\)(?=\s|$)")


def _form_label(text: str) -> str:
    return _LABEL_HINT.sub("", text.strip().rstrip(":")).strip()


def _form_session(cells: list[Block], blocks: list[Block]) -> list[tuple[int, Section]]:
    """A filled-in form: one two-column label/value table per session, a row numbering it
    ("Werksessie nr. | 1", "Tafelnummer | 2"), a row titling it ("Titel werksessie | X",
    "Thema | X") and labelled rows saying who took part or led ("Raden aan tafel | ☒ A ☐ B",
    "Tafelvoorzitter | Name (Org)"). A row of remarks ("Opmerkingen", "Bijzonderheden") is read
    as the session's running text (``remarks``). Any first row (a form's own name) may stand
    above them."""
    if any(c.table[2] > 1 for c in cells if c.table):  # type: ignore[index]
        return []
    values = {c.table[1]: c for c in cells if c.table and c.table[2] == 1 and c.text.strip()}
    number: int | None = None
    title: Block | None = None
    row: dict[str, list[Block]] = {}
    form = _form_patterns()
    for cell in cells:
        value = values.get(cell.table[1]) if cell.table and cell.table[2] == 0 else None  # type: ignore[index]
        if value is None:
            continue
        label = _form_label(cell.text)
        if number is None and form.number.fullmatch(label):
            number = _number(value.text.strip().rstrip("."))
        elif title is None and form.title.fullmatch(label):
            title = value
        elif form.remark.fullmatch(label):
            row.setdefault("remarks", []).append(value)
        else:
            found = find_label(Block("paragraph", label, cell.start, cell.start + len(label), cell.page))
            if found is not None and not found.value:
                row.setdefault(found.kind, []).append(value)
    if number is None or title is None or not row.keys() & set(STRONG_LABELS):
        return []
    section = Section("session", title, [], number, title.text.strip(), row, form=True)
    return [(blocks.index(title), section)]


def _column_head(text: str) -> tuple[int, str] | None:
    """(number, title) of a session column's header: "Atelier B" -> (2, ""), "Sessie 1: Loting"
    -> (1, "Loting"); None when it names no numbered session."""
    number = _keyword_number(text)
    if number:
        return number, ""
    parsed = _keyword_title(text)
    return (parsed[0], parsed[1]) if parsed is not None and parsed[0] else None


def _attach_keyed_lists(sections: list[Section]) -> list[Section]:
    """A list elsewhere keyed by session number ("Wie zat waar?" over "- Sessie 1: Roermond en
    Weert", "- Sessie 2: ..."; "Aanspreekpunten" over "- Werkplaats 1: Name, email"): each item
    whose number a session told in full also has, under another title, says who sat in that
    session or whom to ask, not a session of its own. Its value joins that session as a list of
    municipalities and as a note (read for contacts); the item's own session is dropped. Under a
    lead-in that offers ("Uit de werkgroepen is het volgende aanbod gekomen:" over "- werkgroep 2:
    een excursie") the value is that session's offering instead. The last item keeps what runs on
    under it (the paragraphs after the list) as text outside the sessions."""
    # The last item of a keyed list runs on over the text after it.
    keyed = {
        id(s)
        for before, s in zip([None, *sections], sections, strict=False)
        if _keyed_item(s) or (before is not None and _keyed_item(before) and _keyed_item(s, run_on=True))
    }
    full: dict[int, list[Section]] = {}
    for section in sections:
        if section.kind == "session" and section.number is not None and id(section) not in keyed:
            full.setdefault(section.number, []).append(section)
    kept: list[Section] = []
    lead_in = ""
    for section in sections:
        targets = full.get(section.number or 0, []) if id(section) in keyed else []
        if len(targets) != 1 or _same_title(targets[0], section):
            kept.append(section)
            last = section.blocks[-1] if section.blocks else section.heading
            lead_in = last.text if last is not None else ""
            continue
        heading = section.heading
        at = heading.text.rfind(section.title or "")  # type: ignore[union-attr]
        value = Block("paragraph", section.title or "", heading.start + at, heading.end, heading.page)  # type: ignore[union-attr]
        _join_keyed_value(targets[0], value, _offering_cue().search(lead_in) is not None)
        if section.blocks:
            kept.append(Section("other", None, section.blocks))
            lead_in = section.blocks[-1].text
    return kept


def _sessions_by_number(sections: list[Section]) -> dict[int, list[Section]]:
    """The sessions under each number (two with one number: a key that names neither)."""
    by_number: dict[int, list[Section]] = {}
    for section in sections:
        if section.kind == "session" and section.number is not None:
            by_number.setdefault(section.number, []).append(section)
    return by_number


def _attach_keyed_contact_lines(sections: list[Section]) -> None:
    """Contacts outside the sessions keyed by a session's number or letter: "Tafel 1: Name, email,
    phone. Tafel 2: Name, email." in one paragraph, or a contact slide's lines "A – Name, email".
    Each keyed part that holds an address (an email, a phone number) joins that session as a note,
    read for contacts; a part without one (a finding, an agenda line) joins nothing."""
    by_number = _sessions_by_number(sections)
    if len(by_number) < 2:
        return
    # The text around the sessions (a table's sessions stand apart from the text around them).
    for section in sections:
        if section.kind == "session":
            continue
        for block in section.blocks:
            # Cheap first: an address's sign, then the keys.
            if block.kind == "table_cell" or "@" not in block.text:
                continue
            for number, part in _keyed_parts(block):
                targets = by_number.get(number, [])
                if len(targets) == 1 and ("@" in part.text or _PHONE_DIGITS.search(part.text)):
                    targets[0].notes.append(part)


def _keyed_parts(block: Block) -> list[tuple[int, Block]]:
    """(session number, part) for each part of ``block`` opened by a session key: "Tafel 2:" (a
    session word and its number) anywhere a sentence starts, a bare "B – " only at its start."""
    keys = [
        m
        for m in _CONTACT_KEY.finditer(block.text)
        if (_session_noun().fullmatch(m["word"].casefold()) if m["word"] else m.start() == 0)
    ]
    parts = []
    for key, after in itertools.zip_longest(keys, keys[1:]):
        end = after.start() if after is not None else len(block.text)
        number = _number(key["key"] or key["bare"])
        text = block.text[key.start() : end].rstrip()
        part = replace(
            block,
            kind="paragraph",
            text=text,
            start=block.start + key.start(),
            end=block.start + key.start() + len(text),
        )
        parts.append((number, part))
    return [(n, p) for n, p in parts if n is not None]


# "Tafel 2:" at the start of a block or a sentence; "B – " (a bare key and a dash) at the start.
_CONTACT_KEY = re.compile(
    r"(?:^|(?<=[.;]\s))(?:(?P<word>[A-Za-zÀ-ÿ][\w-]+)\s+(?P<key>[A-H]|[1-9]\d?)\s*:|(?P<bare>[A-H]|[1-9])\s+[–—-]\s)"
)
_PHONE_DIGITS = re.compile(r"\d[\d\s-]{8,}\d")


def _join_keyed_value(target: Section, value: Block, offered: bool) -> None:
    if offered:
        if target.summary is None:
            target.summary = {}
        target.summary.setdefault("offerings", []).append(value)
        return
    target.listed.append(value)
    # "- Werkplaats 2: Name, email": what else the item says (a contact) is that session's too.
    target.notes.append(value)


@cache
def _offering_cue() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["offerings_in_prose"]), re.IGNORECASE)


def _keyed_item(section: Section, run_on: bool = False) -> bool:
    """A session opened by a list item that holds nothing else ("- Sessie 2: A, B en C"); with
    ``run_on``, also the last item of such a list, which runs on over the text after it."""
    heading = section.heading
    return (
        section.kind == "session"
        and heading is not None
        and heading.kind == "list_item"
        and (run_on or not section.blocks)
        and bool(section.title)
    )


def _same_title(one: Section, other: Section) -> bool:
    """An agenda list that repeats the sessions' titles ("- Sessie 1: Wonen") is no keyed list."""
    a, b = (one.title or "").casefold(), (other.title or "").casefold()
    return a.startswith(b) or b.startswith(a)


def _attach_keyed_rows(sections: list[Section], document: Document) -> None:
    """A separate table with a row per session, keyed by its number: contacts ("Deel 1 | Name |
    email | phone" under "Onderdeel | Contactpersoon | ...") or offerings ("B1 | 2 | text | Org"
    under "Nr | Tafel | Toezegging | Door"). A contact row's cells after the key join that
    session as one line, so its name, email and phone form one contact; an offering cell joins it
    as a table cell does. A table's own sessions are not keyed by that table."""
    by_number: dict[int, list[Section]] = {}
    # "3.1" keys the session told under the section heading "3.1 Title".
    by_section: dict[str, list[Section]] = {}
    own_tables: set[int] = set()
    for section in sections:
        if section.kind == "session" and section.number is not None:
            by_number.setdefault(section.number, []).append(section)
            sub = (
                _SUBCHAPTER_HEADING.match(_plain_text(section.heading)[0].strip())
                if section.heading
                else None
            )
            if sub and section.heading and section.heading.kind == "heading":
                by_section.setdefault(f"{sub['chapter']}.{sub['num']}", []).append(section)
        if section.row is not None and section.heading is not None and section.heading.table:
            own_tables.add(section.heading.table[0])
    if not by_number:
        return
    for index, cells in _tables(document.blocks).items():
        header = {c.table[2]: c for c in cells if c.table and c.table[1] == 0}
        fields = _column_fields(header)
        if index in own_tables or not {"contacts", "offerings"} & set(fields.values()):
            continue
        rows: dict[int, list[Block]] = {}
        for cell in cells:
            if cell.table and cell.table[1] > 0:
                rows.setdefault(cell.table[1], []).append(cell)
        key = _key_column(fields, list(rows.values()))
        for row in rows.values():
            row.sort(key=lambda c: c.table[2] if c.table else 0)
            targets = by_number.get(_row_key(row, key, fields) or 0, []) or by_section.get(
                _section_key(row, key), []
            )
            if len(targets) == 1 and len(row) >= 2:
                _join_keyed_row(targets[0], row, key, fields, document)
    _attach_section_keyed_leaders(sections, by_section)


# A section number in brackets after a person in running text: "Name, rol bij Org (3.1)".
_SECTION_MARK = re.compile(r"\s*\((?P<key>[1-9]\d?\.[1-9]\d?)\)")


def _attach_section_keyed_leaders(sections: list[Section], by_section: dict[str, list[Section]]) -> None:
    """A sentence outside the sessions that names their leaders, each keyed by the section that
    tells the session ("Ieder gesprek had een gespreksleider: Name, rol bij Org (3.1), Name (3.2)
    en ..."): each person joins that session as its facilitator. Two or more keys of sessions in
    one sentence that says it names leaders (``section_keyed_leaders``); other brackets are
    left alone."""
    if len(by_section) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        for block in section.blocks:
            if block.kind == "paragraph" and ".1)" in block.text:
                _keyed_leaders_in(block, by_section)


# A person before a section mark is a short piece: longer, the text is no list of leaders.
_MAX_LEADER_PIECE = 120


def _keyed_leaders_in(block: Block, by_section: dict[str, list[Section]]) -> None:
    text = block.text
    marks = list(_SECTION_MARK.finditer(text))
    colon = text.rfind(":", 0, marks[0].start()) if marks else -1
    if colon < 0:
        return
    intro = text[text.rfind(". ", 0, colon) + 1 : colon]
    if len(marks) < 2 or not _keyed_leaders().search(intro):
        return
    pieces: list[tuple[Section, int, int]] = []
    begin = colon + 1
    for mark in marks:
        targets = by_section.get(mark["key"], [])
        lead = re.match(r"[\s,;]*(?:en\s+)?", text[begin:]).end()  # type: ignore[union-attr]
        piece = text[begin + lead : mark.start()]
        if len(targets) != 1 or not piece.strip() or len(piece) > _MAX_LEADER_PIECE:
            break
        pieces.append((targets[0], begin + lead, mark.start()))
        begin = mark.end()
    if len(pieces) < 2:
        return
    for target, lo, hi in pieces:
        person = Block("paragraph", text[lo:hi], block.start + lo, block.start + hi, block.page)
        if target.summary is None:
            target.summary = {}
        target.summary.setdefault("facilitators", []).append(person)


@cache
def _keyed_leaders() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("labels.yml")["section_keyed_leaders"]), re.IGNORECASE)


def _row_key(row: list[Block], column: int, fields: dict[int, str]) -> int | None:
    """The session number a row's key cell names: "Deel 2", or a bare "2" under a column headed
    "Sessie", "Tafel" or "Nr."."""
    cell = next((c for c in row if c.table and c.table[2] == column), None)
    if cell is None:
        return None
    text = cell.text.strip()
    bare = fields.get(column) in ("title", "number")
    return _keyword_number(text) or (int(text) if bare and text.isdigit() else None)


def _section_key(row: list[Block], column: int) -> str:
    """The section number a row's key cell names ("3.1"), else ""."""
    cell = next((c for c in row if c.table and c.table[2] == column), None)
    text = cell.text.strip().rstrip(".") if cell is not None else ""
    return text if re.fullmatch(r"[1-9]\d?\.[1-9]\d?", text) else ""


def _key_column(fields: dict[int, str], rows: list[list[Block]]) -> int:
    """The column headed by a session word ("Tafel", "Sessie") that keys every row, else the
    first: under "Nr | Tafel | Toezegging" the items' own numbers ("B1", "1") are no key."""
    for column in sorted(fields):
        if fields[column] == "title" and all(_row_key(row, column, fields) for row in rows):
            return column
    return 0


_EMPTY_CELLS = frozenset({"", "-", "–", "—", "n.v.t.", "nvt"})


def _join_keyed_row(
    section: Section, row: list[Block], key: int, fields: dict[int, str], document: Document
) -> None:
    rest = [c for c in row if c.table and c.table[2] != key]
    if not rest:
        return
    # "Werkgroep | Wat de raden krijgen | Aanspreekpunt": the offering cells join as offerings,
    # the cells after them as the contact's line.
    offers = [c for c in rest if c.table and fields.get(c.table[2]) == "offerings"]
    # An empty cell ("–" where no name is known) is left out: a line opening with it is a list item.
    told = [c for c in rest if c not in offers and c.text.strip() not in _EMPTY_CELLS]
    if "contacts" in fields.values() and told:
        start, end = told[0].start, told[-1].end
        line = Block("paragraph", document.text[start:end], start, end, told[0].page)
        # A table session reads its row and notes, not blocks.
        # A session told in prose may run on under a label of the letter ("Aanbod"): a note is read alone.
        (section.blocks if section.row is None and not section.prose else section.notes).append(line)
    if not offers:
        return
    if section.row is None and section.summary is None:
        section.summary = {}
    extra = section.row if section.row is not None else section.summary
    extra.setdefault("offerings", []).extend(offers)  # type: ignore[union-attr]


# A mark in a matrix cell: the row's municipality attended that column's session.
_MATRIX_MARKS = frozenset({"x", "✓", "✔", "✗", "•", "+", "v", "ja", "*"})
# A matrix column named by a short word or abbreviation and a number ("MC 2", "Ronde 3", "S1").
_MATRIX_COLUMN = re.compile(r"^[\w.-]{1,15}\s*(\d{1,2})$")


def _attach_matrix_rows(sections: list[Section], document: Document) -> None:
    """A table of attendance at the end ("Gemeente | MC 1 | MC 2" with x marks): the first cell
    of each row names a municipality that attended the sessions whose columns it marks."""
    by_number = _sessions_by_number(sections)
    if len(by_number) < 2:
        return
    for cells in _tables(document.blocks).values():
        header = {c.table[2]: c for c in cells if c.table and c.table[1] == 0}
        columns = _matrix_columns(header) or _matrix_title_columns(header, sections)
        listing = _session_list_column(header)
        if (
            not (columns or listing)
            or "municipalities" not in _column_fields({0: header[0]} if 0 in header else {}).values()
        ):
            continue
        names = {
            c.table[1]: c
            for c in cells
            if c.table and c.table[2] == 0 and c.table[1] > 0 and not _matrix_total().match(c.text.strip())
        }
        counts = _count_matrix(cells, columns)
        for cell in cells:
            row, column = cell.table[1], cell.table[2]  # type: ignore[index]
            if column == listing and row in names:
                for number in _listed_numbers(cell.text):
                    if len(by_number.get(number, [])) == 1:
                        by_number[number][0].listed.append(names[row])
                continue
            targets = by_number.get(columns.get(column, 0), [])
            if row > 0 and len(targets) == 1 and row in names and _marked(cell.text, counts):
                targets[0].listed.append(names[row])


def _marked(text: str, counts: bool) -> bool:
    """A matrix cell that says the row's council took part: a mark, or in a count matrix a count
    of its members above 0 ("3" in "Gemeente | Werkgroep 1 | ..."; "0" and "–" say it did not)."""
    text = text.strip()
    return text.casefold() in _MATRIX_MARKS or (counts and text.isdigit() and int(text) > 0)


def _count_matrix(cells: list[Block], columns: dict[int, int]) -> bool:
    """Every cell under the sessions' columns a number or empty ("–"): the table counts members
    per council and session. A number among words ("12" beside "nee") counts nothing."""
    values = [c.text.strip() for c in cells if c.table and c.table[1] > 0 and c.table[2] in columns]
    return any(v.isdigit() for v in values) and all(v.isdigit() or v in _EMPTY_CELLS for v in values)


@cache
def _matrix_total() -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(load_yaml('labels.yml')['matrix_totals'])})\s*:?$", re.IGNORECASE)


# A cell that lists sessions by number: "2", "1 en 3", "1, 2 en 4", "2 + 3".
_NUMBER_LIST = re.compile(r"\d{1,2}(?:\s*(?:,|en|&|\+|/)\s*\d{1,2})*")


def _session_list_column(header: dict[int, Block]) -> int | None:
    """The column of a table per municipality that names the sessions each attended by number
    ("Gemeente | Raadsleden | Atelier(s)" with "1 en 3"): headed by a session word, also in the
    plural or with "(s)" ("Sessies", "Tafel(s)")."""
    for column, cell in header.items():
        word = re.sub(r"\(\w{1,2}\)$|(?<=\w)(?:s|en)$", "", cell.text.strip().casefold())
        if column > 0 and word and _session_noun().fullmatch(word):
            return column
    return None


def _listed_numbers(text: str) -> list[int]:
    """The session numbers a cell lists; none for anything else ("–", "nee", "alle")."""
    text = text.strip()
    return [int(n) for n in re.findall(r"\d{1,2}", text)] if _NUMBER_LIST.fullmatch(text) else []


def _matrix_title_columns(header: dict[int, Block], sections: list[Section]) -> dict[int, int]:
    """Column -> session number, when every column after the first is headed by a session's
    title, or its start ("Gemeente | Wonen | Energie" for "Wonen in de regio", "Energie")."""
    titles = [
        (s.title.casefold(), s.number) for s in sections if s.kind == "session" and s.title and s.number
    ]
    numbers: dict[int, int] = {}
    for column in sorted(c for c in header if c > 0):
        text = header[column].text.strip().casefold()
        found = {n for title, n in titles if text and (title == text or title.startswith(text + " "))}
        if len(found) != 1:
            return {}
        numbers[column] = found.pop()
    return numbers if len(numbers) >= 2 else {}


def _matrix_columns(header: dict[int, Block]) -> dict[int, int]:
    """Column -> session number, when the columns after the first number 1, 2, ... in order."""
    numbers: dict[int, int] = {}
    for column in sorted(header):
        text = header[column].text.strip()
        # A last column that adds up the others ("Totaal") is no session.
        if column == 0 or (column == max(header) and _matrix_total().match(text)):
            continue
        match = _MATRIX_COLUMN.match(text)
        number = _keyword_number(text) or (int(match.group(1)) if match else None)
        if number is None:
            return {}
        numbers[column] = number
    values = [numbers[c] for c in sorted(numbers)]
    return numbers if len(values) >= 2 and values == list(range(1, len(values) + 1)) else {}


def _tables(blocks: list[Block]) -> dict[int, list[Block]]:
    by_table: dict[int, list[Block]] = {}
    for block in blocks:
        if block.table is not None:
            by_table.setdefault(block.table[0], []).append(block)
    return by_table


# "Thema 2", and under a word that says what follows: "Uit verdiepingssessie 1", "Over tafel B".
_REFERENCE = re.compile(r"^(?:\w+\s+)?(?P<word>[A-Za-zÀ-ÿ][\w-]*)\s+(?P<num>\w{1,6})\s*:?$")
_HEAD_WORD = re.compile(r"^(?:\d{1,3}[.)]?\s+)?(?P<word>[A-Za-zÀ-ÿ][\w-]*)\s+(?P<num>\w{1,6})\b")


def _attach_back_references(sections: list[Section]) -> None:
    """An appendix that names a session again by its keyword and number alone ("Thema 2" as a
    line of its own, after the sessions): the blocks under it, up to the next such line or
    heading, are about that session. Under a heading that names it ("Uit verdiepingssessie 1"
    after a table of sessions) they are its notes, read as its own text."""
    keys: dict[tuple[str, int], Section] = {}
    for section in sections:
        if section.kind != "session" or section.heading is None or section.number is None:
            continue
        head = _HEAD_WORD.match(_plain_text(section.heading)[0])
        if head and _number(head.group("num")) == section.number:
            keys[(head.group("word").casefold(), section.number)] = section
    if len(keys) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        target: Section | None = None
        notes = False
        for block in section.blocks:
            reference = _REFERENCE.match(_plain_text(block)[0]) if block.kind != "table_cell" else None
            if reference:
                key = (reference.group("word").casefold(), _number(reference.group("num")) or 0)
                target, notes = keys.get(key), block.kind == "heading"
            elif block.kind == "heading" or block.kind == "table_cell":
                target = None
            elif target is not None:
                (target.notes if notes else target.mentioned).append(block)


# A line keyed by a quoted title: "‘Wonen in de regio’: Name, email".
_TITLE_KEY = re.compile(r"^[‘'“\"„«](?P<title>[^’'”\"“»]{2,80})[’'”\"“»]\s*:")


# A line keyed by the words that name a session told in prose: "dinsdag (wonen): Name, email",
# "Gesprek B: Name, phone".
_WORD_KEY = re.compile(r"^(?P<key>[^\W\d_][\w-]*(?:\s+[A-H1-9])?)\s*(?:\([^()]{1,40}\))?\s*:")


def _attach_title_references(sections: list[Section]) -> None:
    """A list after the sessions keyed by their titles ("‘X’: Name, email, phone" for each), or
    by the words that name sessions told in prose (a press release's footer "dinsdag (wonen):
    Name, email" under a week told day by day): each line is a note of the session it names,
    so its contact joins that session."""
    by_title = {s.title.casefold(): s for s in sections if s.kind == "session" and s.title}
    by_key = {s.key: s for s in sections if s.kind == "session" and s.key}
    if len(by_title) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        for block in section.blocks:
            for line in _keyed_lines(block):
                target = _keyed_target(line, by_title, by_key)
                if target is not None:
                    target.notes.append(line)


def _keyed_lines(block: Block) -> list[Block]:
    """The lines of ``block`` that may be keyed by a session: the block, or, when it holds two
    colons or more, each of its sentences ("Meer weten? X: email. Y: Name, phone.")."""
    if block.kind == "table_cell":
        return []
    return _sentence_blocks(block, 0) if block.text.count(":") >= 2 else [block]


def _keyed_target(block: Block, by_title: dict[str, Section], by_key: dict[str, Section]) -> Section | None:
    """The session a line is keyed by: its quoted title, or its key, before a colon."""
    text = _plain_text(block)[0]
    title = _TITLE_KEY.match(text)
    if title:
        return by_title.get(title.group("title").strip().casefold())
    # A title as written, unquoted, before the colon: "Werk voor jongeren: Name, phone".
    head, colon, _ = text[:100].partition(":")
    if colon and head.casefold() in by_title:
        return by_title[head.casefold()]
    if colon and head[:1] in "OoVvBbMmIi":
        by_words = _title_words_target(head, by_title)
        if by_words is not None:
            return by_words
    key = _WORD_KEY.match(text) if by_key and ":" in text[:60] else None
    return by_key.get(key.group("key").casefold()) if key else None


def _title_words_target(head: str, by_title: dict[str, Section]) -> Section | None:
    """ "Over de tafel in Esch", "Vragen over Haaren en Biezenmortel": the one session whose title
    holds every capitalised word after the lead (``title_word_key_lead``)."""
    lead = _title_word_key_lead().match(head)
    if lead is None or len(head) - lead.end() > 60:
        return None
    return _session_by_title_words(head[lead.end() :], by_title)


def _session_by_title_words(text: str, by_title: dict[str, Section]) -> Section | None:
    words = {w.casefold() for w in _CAPITALISED.findall(text)}
    found = [s for title, s in by_title.items() if words and words <= set(_WORD.findall(title))]
    return found[0] if len(found) == 1 else None


def _attach_comments(sections: list[Section]) -> None:
    """Readers' comments under a web item (after a ``comments_headings`` heading) open no session
    but may correct one: a comment naming a session by its title's words ("aan de tafel over
    Helvoirt schoof ook een raadslid uit X aan") tells who took part there; every comment goes to
    the sessions with its author (``comment_author``), for a leader's own correction."""
    by_title = {s.title.casefold(): s for s in sections if s.kind == "session" and s.title}
    if not by_title:
        return
    author, inside = None, False
    for block in (b for s in sections if s.kind == "other" for b in s.blocks):
        if block.kind == "heading":
            inside = _comments_heading().match(_plain_text(block)[0].strip()) is not None
            continue
        if not inside or block.kind != "paragraph":
            continue
        head = _comment_patterns()[0].match(_plain_text(block)[0].strip())
        if head is not None:
            author = head["name"]
            continue
        reference = _comment_patterns()[1].search(block.text)
        target = _session_by_title_words(reference["words"], by_title) if reference else None
        if target is not None:
            target.mentioned.append(block)
        for session in by_title.values():
            session.comments.extend([(author, block)] if author else [])


@cache
def _comment_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    return re.compile(rules["comment_author"]), re.compile(rules["comment_session_reference"], re.IGNORECASE)


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+")
_WORD = re.compile(r"[\w'’-]+")


@cache
def _title_word_key_lead() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["title_word_key_lead"], re.IGNORECASE)


# A sentence that opens with a session's word and key, after a preposition, and goes on in lower
# case: "Aan tafel A zaten ...", "Tafel B werd geleid door ...", "Bij sessie 2 schoven ... aan"
# (not a heading "Tafel A – Wonen").
_KEYED_PARAGRAPH = re.compile(
    r"^(?:(?:aan|bij|in|op|over|voor)\s+)?(?P<key>[^\W\d_][\w-]*\s+(?:[A-H]|[1-9]))\s+(?-i:[a-zà-ÿ])",
    re.IGNORECASE,
)
# How far into a paragraph its key may stand ("Aan gesprekstafel B"): the cheap test's reach.
_KEYED_REACH = 24


def _attach_keyed_paragraphs(sections: list[Section]) -> None:
    """Paragraphs elsewhere that tell who sat at a session named only by its key in a table
    ("A · title" rows): "Aan tafel A zaten raadsleden uit X en Y, onder leiding van Name, rol bij
    Org", "Tafel B werd geleid door Name". A paragraph that opens with one session's word and
    key and says who took part or led (prose_session_cues) is that session's note, read as its
    own text; one that only mentions it ("tafel A was het drukst") is not."""
    by_key = {s.key: s for s in sections if s.kind == "session" and s.key and s.row is not None}
    if len(by_key) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        for block in section.blocks:
            key = _paragraph_key(block, by_key.keys())
            if key is not None and _prose_session_cue().search(block.text):
                by_key[key].notes.append(block)


def _attach_colour_keyed(sections: list[Section]) -> None:
    """Lines elsewhere keyed by a card's colour: an infographic's cards ("Kaart links (oranje)")
    share a band of contacts in their colours ("Oranje vakje [icoon: envelop]: Name, email"), each
    a note of the card of that colour. Only cards of different colours key their lines."""
    colours = {}
    for section in sections:
        heading = section.heading
        card = heading is not None and section.kind == "session" and _picture_card().match(heading.text)
        if card and card["colour"]:
            colours[card["colour"].casefold()] = section
    if len(colours) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        for block in section.blocks:
            first = block.text.split(maxsplit=1)[0].rstrip(":").casefold() if block.text else ""
            if first in colours and ":" in block.text:
                colours[first].notes.append(block)


def _paragraph_key(block: Block, keys: Collection[str]) -> str | None:
    """The key ("tafel a") of ``keys`` that a paragraph's sentence opens with; the words of the
    keys are a cheap test before the pattern."""
    opening = block.text[:_KEYED_REACH].casefold()
    if block.kind != "paragraph" or not any(key.split()[0] in opening for key in keys):
        return None
    match = _KEYED_PARAGRAPH.match(block.text)
    key = " ".join(match.group("key").casefold().split()) if match else None
    return key if key in keys else None


# A footnote: a superscript mark, then its text ("¹ Contactpersoon gesprekstafel I: Name, email").
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*(?P<head>[^:]{2,60}):")


def _attach_footnotes(sections: list[Section]) -> None:
    """Footnotes keyed by the words that name a session told in prose ("¹ Contactpersoon
    gesprekstafel I: Name, email" at the foot of the page): each is a note of the session it
    names, not part of the text it happens to stand in (the session on that page)."""
    by_key = {s.key: s for s in sections if s.kind == "session" and s.key}
    if len(by_key) < 2:
        return
    for section in sections:
        kept: list[Block] = []
        for block in section.blocks:
            target = _footnote_target(block, by_key) if block.text[:1] in "¹²³⁴⁵⁶⁷⁸⁹" else None
            if target is None:
                kept.append(block)
            else:
                target.notes.append(block)
        section.blocks = kept


def _footnote_target(block: Block, by_key: dict[str, Section]) -> Section | None:
    match = _FOOTNOTE.match(block.text) if block.kind == "paragraph" else None
    if match is None:
        return None
    head = match.group("head").casefold()
    named = [s for key, s in by_key.items() if re.search(rf"\b{re.escape(key)}\b", head)]
    return named[0] if len(named) == 1 else None


# The longest item-note line ("Ad punt 12:"): a longer block is not one, and needs no regex.
_NOTE_HEAD_MAX = 12


def _attach_item_notes(sections: list[Section]) -> None:
    """Minutes that list the sessions (a table) and then note each one under "ad 1.", "ad 2.":
    the blocks under such a line, up to the next one, a heading or a numbered agenda item, are
    the notes of the session of that number, read as its own text."""
    by_number = {s.number: s for s in sections if s.kind == "session" and s.number is not None}
    if not by_number:
        return
    for section in sections:
        if section.kind != "other":
            continue
        target: Section | None = None
        for block in section.blocks:
            head = _note_head(block)
            if head is not None:
                target = by_number.get(head)
            elif block.kind in ("heading", "table_cell") or (block.kind == "list_item" and block.number):
                target = None
            elif target is not None:
                target.notes.append(block)


def _note_head(block: Block) -> int | None:
    """N of an "ad N." line; the length test spares the regex nearly every block."""
    if len(block.text) > _NOTE_HEAD_MAX or block.kind != "paragraph":
        return None
    match = patterns().note_head.match(block.text)
    return int(match.group("num")) if match else None


def _column_fields(header: dict[int, Block]) -> dict[int, str]:
    fields: dict[int, str] = {}
    for column, cell in header.items():
        for name, regex in patterns().table_columns.items():
            if regex.match(plain(cell.text).strip()) and name not in fields.values():
                fields[column] = name
                break
    return fields


def _merge_summary_rows(
    sections: list[Section], table_sessions: list[tuple[int, Section]]
) -> list[tuple[int, Section]]:
    """A table whose rows name, by their titles, the sessions the report then tells under their
    own headings (a web page's "Gesprek | Onderwerp | Gespreksleider" overview) summarises them:
    each row joins the session of its title as its ``summary`` and opens none of its own. The
    table sessions that are no such summary are returned."""
    by_title = {_title_key(s.title): s for s in sections if s.kind == "session" and s.title}
    by_table: dict[int, list[tuple[int, Section]]] = {}
    for item in table_sessions:
        heading = item[1].heading
        by_table.setdefault(heading.table[0] if heading and heading.table else -1, []).append(item)
    kept: list[tuple[int, Section]] = []
    for rows in by_table.values():
        targets = [by_title.get(_title_key(row.title or "")) for _, row in rows]
        if len(rows) < 2 or None in targets or len({id(t) for t in targets}) != len(rows):
            kept.extend(rows)
            continue
        in_table = {id(c) for _, row in rows for cells in (row.row or {}).values() for c in cells}
        for (_, row), target in zip(rows, targets, strict=True):
            target.summary = row.row  # type: ignore[union-attr]
        for section in sections:
            section.blocks = [b for b in section.blocks if id(b) not in in_table]
    return kept


def _attach_summary_lines(sections: list[Section], document: Document) -> None:
    """The summary table of :func:`_merge_summary_rows` as a PDF without rulings gives it: a
    header line of column names ("Gesprek Onderwerp Gespreksleider"), then a line per row opening
    with its number 1, 2, ... ("1 Title Name (Org)", wrapped onto more lines). A row that goes on
    with the title of the session of its number is that session's; what follows the title is the
    last column's cell, when that column says who (led, took part)."""
    by_number = {s.number: s for s in sections if s.kind == "session" and s.number and s.title and not s.row}
    if len(by_number) < 2:
        return
    for section in sections:
        if section.kind != "other":
            continue
        blocks = section.blocks
        for index, block in enumerate(blocks[1:], start=1):
            # Cheap test first: the first row opens with "1" ("1 Title ..." or "1" alone).
            if block.text[:2] not in ("1", "1 "):
                continue
            who = _summary_header(blocks[index - 1])
            rows = _summary_row_spans(blocks[index:], document.text, by_number) if who else None
            for number, (start, end, page) in (rows or {}).items():
                cell = Block("paragraph", document.text[start:end], start, end, page)
                by_number[number].summary = {who: [cell]}  # type: ignore[dict-item]


def _summary_header(block: Block) -> str | None:
    """The field of the last column of a summary table's header line, when the line names a title
    column (after at most one other, the number's: "Nr.", "Gesprek") and then one that says who."""
    words = _plain_text(block)[0].split()
    if block.kind not in ("paragraph", "heading") or not 2 <= len(words) <= 6:
        return None
    columns = patterns().table_columns
    at = next((i for i, w in enumerate(words[:2]) if columns["title"].match(w)), None)
    tail = " ".join(words[at + 1 :]) if at is not None else ""
    return next((name for name in _WHO_COLUMNS if name in columns and columns[name].match(tail)), None)


def _summary_row_spans(
    blocks: list[Block], text: str, by_number: dict[int, Section]
) -> dict[int, tuple[int, int, int | None]] | None:
    """Session number -> (start, end, page) of the last cell of each row that ``blocks`` open
    with: rows numbered 1, 2, ... whose text after the number is the title of that session;
    None when any row is not (then the lines are no summary of the sessions)."""
    rows = _numbered_rows(blocks)
    if len(rows) < 2:
        return None
    spans: dict[int, tuple[int, int, int | None]] = {}
    for number, row in enumerate(rows, start=1):
        target = by_number.get(number)
        words = (target.title or "").split() if target else []
        title = r"\s+".join(map(re.escape, words))
        match = re.compile(rf"\d{{1,2}}\s+{title}\s+(?=\S)", re.IGNORECASE).match(
            text, row[0].start, row[-1].end
        )
        if not words or match is None:
            return None
        spans[number] = (match.end(), row[-1].end, row[-1].page)
    return spans


# A row's number opening a line of a table read as text: "1 Title ...", or "3" alone.
_ROW_NUMBER = re.compile(r"^(\d{1,2})(?:\s|$)")
# The most lines a row of a table read as text wraps onto, and the most words on each.
_ROW_LINES, _CELL_LINE_WORDS = 4, 10


def _numbered_rows(blocks: list[Block]) -> list[list[Block]]:
    """The lines of the rows numbered 1, 2, ... that ``blocks`` open with; a row goes on in the
    short lines a cell wraps onto, up to the next row, a heading or a line of running text."""
    rows: list[list[Block]] = []
    for block in blocks:
        number = _ROW_NUMBER.match(block.text) if block.kind == "paragraph" else None
        if number and int(number[1]) == len(rows) + 1:
            rows.append([block])
        elif (
            rows
            and block.kind == "paragraph"
            and len(rows[-1]) < _ROW_LINES
            and _word_count(block.text) <= _CELL_LINE_WORDS
        ):
            rows[-1].append(block)
        else:
            break
    return rows


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _insert_table_sessions(
    sections: list[Section], table_sessions: list[tuple[int, Section]], blocks: list[Block]
) -> list[Section]:
    """Put table-row sessions in reading order and take their cells out of other sections."""
    if not table_sessions:
        return sections
    in_table = {id(c) for _, s in table_sessions for cells in (s.row or {}).values() for c in cells}
    position = {id(b): i for i, b in enumerate(blocks)}
    for section in sections:
        section.blocks = [b for b in section.blocks if id(b) not in in_table]

    def start(section: Section) -> int:
        first = section.heading or (section.blocks[0] if section.blocks else None)
        return position.get(id(first), 0)

    keyed = [(start(s), 0, s) for s in sections] + [(pos, 1, s) for pos, s in table_sessions]
    return [s for *_, s in sorted(keyed, key=lambda item: (item[0], item[1]))]


def _drop_form_parts(sections: list[Section]) -> list[Section]:
    """A form's parts ("Deel A – Algemene gegevens", "Deel B – Werksessies") are its structure,
    not sessions: a session heading with session forms under it is a part, and so is every
    heading of its series (the same first word), the parts before and after the forms."""
    parts: set[str] = set()
    above: Section | None = None
    for section in sections:
        if section.form and above is not None:
            parts.add(_first_word(above))
        elif section.kind == "session" and section.row is None:
            above = section
    if not parts:
        return sections
    return [
        Section("other", s.heading, [s.heading, *s.blocks])
        if s.kind == "session" and s.row is None and s.heading is not None and _first_word(s) in parts
        else s
        for s in sections
    ]


def _first_word(section: Section) -> str:
    words = _plain_text(section.heading)[0].split(maxsplit=1) if section.heading else []
    return words[0].casefold() if words else ""


def _number_sessions(sections: list[Section]) -> list[Section]:
    """Sessions keep the number their text gives. A series of sessions none of which is
    numbered (Word headings or table rows without numbers) is numbered by position, as an
    analyst counts them and as a report rendered without its typed numbers still reads; a
    single unnumbered session ("Werksessie: X") keeps None."""
    sessions = [s for s in sections if s.kind == "session"]
    if len(sessions) >= 2 and all(s.number is None for s in sessions):
        for position, session in enumerate(sessions, start=1):
            session.number = position
    return sections
