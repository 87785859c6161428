"""A subtitle file (WebVTT, SRT) saved as text, read as a report's lines.

A cue is an optional number, a timing line (``00:00:13.000 --> 00:00:17.200 line:85%``) and one
or more lines of text; WebVTT adds a ``WEBVTT - title`` header and ``NOTE`` blocks. The numbers
and timings are scaffolding: read as text they give phone numbers and times. A cue cuts a
sentence where the screen is full, not where it ends, so the cues of one voice (``<v Name>``)
are joined into one paragraph; the narrator's voice (``labels.yml`` ``subtitle_narrators``) is
the report's own text, any other voice a soundbite, written as a quote with its speaker and the
role from the lower third that introduced them (``[IN BEELD: Name – raadslid Leiden]``). An
on-screen card (``[TEKST IN BEELD: ...]``) gives its lines, a sound (``[gelach]``, ``♪ ... ♪``)
nothing. The line numbers do not change, so the plain-text reader goes on as with its own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.ingest.chat import session_line
from pipeline.rules import load_yaml

_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
_TIMING = re.compile(rf"^{_TIME}\s+-->\s+{_TIME}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)*\s+(?P<name>[^>]{1,80})>")
# Any other markup of a cue: </v>, <i>, <c.geel>, karaoke stamps <00:00:01.000>.
_TAG = re.compile(r"</?[a-zA-Z0-9][^<>]{0,80}>")
_MUSIC = "♪♫#"
_ITEM_MARKERS = ("- ", "– ", "• ", "* ")
# The WebVTT signature: "WEBVTT" alone or before a space or tab ("WEBVTT - title"), as the
# specification has it; "WEBVTT-bestanden" in a sentence is none.
_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t]|$)")
_BLOCKS_DROPPED = ("STYLE", "REGION")
# "Name – rol gemeente" in a lower third.
_NAME_DASH = re.compile(r"^(?P<name>[^–—:-]{3,60}?)\s+[–—-]\s+(?P<rest>\S.*)$")


@dataclass
class Subtitles:
    """The lines with the cue scaffolding taken off, and the header's title as a heading."""

    lines: list[str]
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)


@dataclass
class _Voice:
    """A run of cues in one voice: where it is written and what it says."""

    line: int
    speaker: str
    texts: list[str] = field(default_factory=list)
    attribution: str = ""


def is_subtitles(lines: list[str]) -> bool:
    """A WebVTT header, or an SRT file: a cue number over a timing line."""
    text = [line for line in lines[:8] if line]
    if not text:
        return False
    if text[0].startswith(("WEBVTT", "\ufeffWEBVTT")):
        return _HEADER.match(text[0]) is not None
    return len(text) > 1 and text[0].isdigit() and "-->" in text[1] and bool(_TIMING.match(text[1]))


def read_subtitles(lines: list[str]) -> Subtitles:
    reading = _Reading([""] * len(lines))
    first = next((n for n, line in enumerate(lines) if line), 0)
    if _HEADER.match(lines[first]):
        title = lines[first].lstrip("\ufeff")[len("WEBVTT") :].strip(" -–—\t")
        if title:
            reading.headings[first] = (1, title)
    for start, end in _cues(lines):
        reading.cue(start, lines[start:end])
    reading.close_voice()
    return Subtitles(reading.out, reading.headings)


@dataclass
class _Reading:
    """The lines written so far, the voice being joined and the last lower third shown."""

    out: list[str]
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)
    voice: _Voice | None = None
    lower_third: str = ""

    def cue(self, start: int, body: list[str]) -> None:
        if body[0].startswith("NOTE"):
            self.out[start : start + len(body)] = [body[0][4:].strip(), *body[1:]]
        elif _is_sound(body) or body[0].startswith(_BLOCKS_DROPPED):
            pass  # a laugh or music between two cues of one voice does not part them
        elif body[0].startswith("["):
            self.close_voice()
            self.card(start, *_card(body))
        else:
            self.voiced(start, *_voiced(body))

    def voiced(self, start: int, speaker: str, text: str) -> None:
        if self.voice is None or self.voice.speaker != speaker:
            self.close_voice()
            self.voice = _Voice(start, speaker, attribution=_attribution(speaker, self.lower_third))
        self.voice.texts.append(text)

    def card(self, start: int, label: str, card: list[str]) -> None:
        if label in _labels()["subtitle_lower_thirds"]:
            self.lower_third = " ".join(card)
            return
        shown = _card_lines(card)
        self.out[start : start + len(card)] = shown
        if shown[1:2] and shown[1] and _lead_line(shown):
            # The lead line over a card's list ("In voorbereiding") heads it: the list ends
            # where the next card's heading begins.
            self.headings[start], self.out[start] = (2, card[0]), ""

    def close_voice(self) -> None:
        _write(self.out, self.voice)
        self.voice = None


def _cues(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each block's text: the lines after a cue's timing, or a NOTE block."""
    blocks: list[tuple[int, int]] = []
    number = 0
    while number < len(lines):
        if not lines[number]:
            number += 1
            continue
        end = number
        while end < len(lines) and lines[end]:
            end += 1
        start = next((n + 1 for n in range(number, end) if _is_timing(lines[n])), number)
        if start < end and (start > number or lines[number].startswith(("NOTE", *_BLOCKS_DROPPED))):
            blocks.append((start, end))
        number = end
    return blocks


def _is_timing(line: str) -> bool:
    return "-->" in line and _TIMING.match(line) is not None


def _voiced(body: list[str]) -> tuple[str, str]:
    """The cue's speaker (its voice tag; "" for none, the narrator) and its text without markup."""
    match = _VOICE.search(body[0]) if "<v" in body[0] else None
    return (match["name"].strip() if match else ""), " ".join(_TAG.sub("", line).strip() for line in body)


def _is_sound(body: list[str]) -> bool:
    """Music (``♪ ... ♪``) or a sound in brackets in lower case (``[gelach]``, ``[applaus]``)."""
    text = " ".join(body)
    return text[:1] in _MUSIC or (text[:1] == "[" and text[1:2].islower() and text.endswith("]"))


def _card(body: list[str]) -> tuple[str, list[str]]:
    """The label of a bracketed card in lower case and its lines, brackets and label off;
    ("", lines) for a cue that is no card."""
    lines = [_TAG.sub("", line).strip() for line in body]
    if not lines[0].startswith("["):
        return "", lines
    lines = [line.strip("[]").strip() for line in lines]
    label, colon, rest = lines[0].partition(":")
    known = label.strip().lower()
    if colon and known in {*_labels()["subtitle_lower_thirds"], *_labels()["subtitle_cards"]}:
        return known, [rest.strip(), *lines[1:]]
    return "", lines


def _card_lines(card: list[str]) -> list[str]:
    """A card is one screen: its lines are one line, parted by " · " as an event line is
    ("donderdag 8 november 2018 · gemeentehuis X, Plaats"); but a card that lists (``- item``)
    or keys lines by session (``Tafel 1 · Name · mail``) keeps its lines, a keyed one as the
    list item ``- Tafel 1: Name, mail`` that joins that session."""
    keyed = [session_line().match(line) for line in card]
    if len(card) > 1 and any(keyed):
        return [_keyed_item(line, match) if match else line for line, match in zip(card, keyed, strict=True)]
    if len(card) > 1 and not any(line.startswith(_ITEM_MARKERS) for line in card):
        return [" · ".join(line for line in card if line), *[""] * (len(card) - 1)]
    return card


def _lead_line(card: list[str]) -> bool:
    """Whether the card's first line leads its list: neither keyed nor an item itself."""
    return not session_line().match(card[0]) and not card[0].startswith(_ITEM_MARKERS)


def _keyed_item(line: str, match: re.Match[str]) -> str:
    fields = [part.strip() for part in line[match.end() :].split(" · ") if part.strip()]
    return f"- {match.group(0)}: {', '.join(fields)}"


def _attribution(speaker: str, lower_third: str) -> str:
    """ "Name, rol gemeente" from a lower third that names the speaker; else the speaker."""
    match = _NAME_DASH.match(lower_third)
    if match and match["name"].strip().lower() == speaker.lower():
        return f"{speaker}, {match['rest'].strip()}"
    return speaker


def _write(out: list[str], voice: _Voice | None) -> None:
    if voice is None:
        return
    text = " ".join(voice.texts)
    if not voice.speaker or voice.speaker.lower() in _labels()["subtitle_narrators"]:
        out[voice.line] = text
    else:
        out[voice.line] = f"“{text}” – {voice.attribution}"


@cache
def _labels() -> dict:
    return load_yaml("labels.yml")
