"""A chat export saved as text (WhatsApp iPhone and Android, Teams), read as a report's lines.

Every message opens with a time stamp and its sender: ``[14-06-2022 10:02:11] Name: text``
(iPhone, Teams), ``14-06-2022 10:02 - Name: text`` (Android); a message may run over more
lines, which carry no stamp. The stamps are when something was written, not what it tells:
read as text they give the first message's day as the event and a stamp's digits as a phone.
So the stamp and the sender go and the message stays; the notices of the app (iPhone marks them
with U+200E, Android writes them without a sender) stay too, as they name who joined, except the
encryption notice (``labels.yml`` ``chat_notices``). The group's name, the sender of the iPhone
notices or the quoted name of Android's creation line, is the title: the export has no other.
The line numbers do not change, so the plain-text reader goes on with these lines as with its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.rules import load_yaml

_DATE = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp][Mm])?"
# The stamp and the sender; a sender never holds a colon, and an Android notice has none.
_MESSAGE = re.compile(
    rf"^\u200e?(?:\[{_DATE},?\s{_TIME}\]\s|{_DATE},?\s{_TIME}\s[-–]\s)"
    r"(?:(?P<sender>[^:\n]{1,60}?):\s)?(?P<text>.*)$"
)
_MARK = "\u200e"
# What a stamped line opens with: the first-character test keeps the regex off other lines.
_FIRST = frozenset("[0123456789" + _MARK)
_MIN_MESSAGES = 3
# A message tells sessions when two or more of its lines open with one (``TAFEL 1 – X``).
_MIN_SESSION_LINES = 2


@dataclass
class ChatExport:
    """The lines with stamps and senders taken off, and the group's name as the title."""

    lines: list[str]
    headings: dict[int, tuple[int, str]] = field(default_factory=dict)


def is_chat(lines: list[str]) -> bool:
    """True when the text opens with a stamped message and holds three or more."""
    first = next((line for line in lines if line), "")
    if not _stamped(first):
        return False  # the cheap test first: an export opens with a stamp, a report does not
    return sum(1 for line in lines if _stamped(line)) >= _MIN_MESSAGES


def _stamped(line: str) -> re.Match[str] | None:
    return _MESSAGE.match(line) if line[:1] in _FIRST else None


def read_chat(lines: list[str]) -> ChatExport:
    """The export's lines as a report's: each message's text, notices kept, stamps gone."""
    out: list[str] = []
    group = ""
    starts: list[int] = []
    senders: list[str] = []
    for number, line in enumerate(lines):
        match = _stamped(line)
        if not match:
            out.append(line.replace(_MARK, "").strip())
            continue
        text, sender = match["text"], match["sender"] or ""
        if text.startswith(_MARK) or not sender:
            group = group or _group_name(sender, text)
            text, sender = ("" if _notice(text) else text), ""
        starts.append(number)
        senders.append(sender.strip())
        out.append(text.replace(_MARK, "").strip())
    voice_run_up(out, starts, senders)
    return ChatExport(out, {0: (1, group)} if group else {})


def voice_run_up(out: list[str], starts: list[int], senders: list[str]) -> None:
    """Before the message that tells the sessions (the recap after the event), the chat plans
    them: a proposal, a sign-up count ``Tafel 1: A, B``, ``Tafel 2: Name wil wel``. Those
    messages are talk, not the report, so each becomes one line in its sender's voice,
    ``Name: text``, where a session keyword no longer opens a line; the recap and what follows
    it (additions, corrections) stay lines of the report."""
    ends = [*starts[1:], len(out)]
    counts = [_session_lines(out[start:end]) for start, end in zip(starts, ends, strict=True)]
    recap = max(range(len(counts)), key=lambda index: (counts[index], index), default=-1)
    if recap < 0 or counts[recap] < _MIN_SESSION_LINES:
        return
    for start, end, sender in zip(starts[:recap], ends[:recap], senders[:recap], strict=True):
        text = _joined([line for line in out[start:end] if line])
        out[start:end] = [f"{sender}: {text}" if sender and text else text] + [""] * (end - start - 1)


def _joined(lines: list[str]) -> str:
    """A message's lines as one text; a line without closing punctuation ends a sentence, so
    that a list's last item and the line after it do not run together into one name."""
    *most, last = lines or [""]
    return " ".join([*(line if line[-1] in ".:;!?,)" else line + "." for line in most), last])


def _session_lines(lines: list[str]) -> int:
    return sum(1 for line in lines if session_line().match(line))


@cache
def session_line() -> re.Pattern[str]:
    keywords = "|".join([*_labels()["session_keywords"], *(_labels().get("numbered_session_keywords") or [])])
    return re.compile(rf"^(?:{keywords})\s+(?:\d{{1,2}}|[A-Z])\b", re.IGNORECASE)


def _group_name(sender: str, text: str) -> str:
    """The group's name: Android quotes it in its creation line; iPhone sends the encryption
    notice by it (a notice by a member, a shared file, names the member, not the group)."""
    named = _group_named().search(text)
    if named:
        return named["name"].strip()
    return sender.strip() if _notice(text) else ""


def _notice(text: str) -> bool:
    return any(re.search(cue, text, re.IGNORECASE) for cue in _labels()["chat_notices"])


@cache
def _group_named() -> re.Pattern[str]:
    return re.compile(_labels()["chat_group_named"], re.IGNORECASE)


def _labels() -> dict:
    return load_yaml("labels.yml")
