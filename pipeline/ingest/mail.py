"""A mail thread saved as one text file (Outlook "Opslaan als", Thunderbird, a forwarded chain).

Each mail opens with its header lines: the sender (``Van:``/``From:``), its date
(``Verzonden:``/``Datum:``/``Sent:``/``Date:``), ``Aan:``, ``CC:``, ``Onderwerp:``, tab- or
space-separated. A file of one mail with its quoted originals under it is a forwarded report
and is read as text (its quoted mails carry their own facts); a thread has two or more mails at
the top level. Its mails are units, read in time order whatever order the file has them in,
as the chat reader reads messages (``pipeline/ingest/chat.py``): the mails before the one that
tells the sessions (the recap) are talk, one line each in their sender's voice, so that the
plan does not win over what the recap reports. Text quoted a second time is dropped: a quoted
original that is itself a mail of the file, and a reply's ``>`` line that repeats an earlier
mail's line. The latest mail's header comes first, its subject without ``RE:``/``FW:``, so
that the thread's title is its subject and published its last date. The number of lines does
not change, so the plain-text reader goes on with these lines as with its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from pipeline.ingest.chat import voice_run_up
from pipeline.recognizers.dates import find_dates
from pipeline.rules import load_yaml

# A header line opens with a label's letter; the first-character test keeps the regex off others.
_MIN_MAILS = 2
_HEADER_SPAN = 8
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\b")
_QUOTE_MARKERS = re.compile(r"^(?:>[ \t]?)+")


@dataclass
class _Mail:
    start: int  # its first line: the header's, or the separator of a quoted original
    body: int  # its first line after the header
    end: int
    header: dict[str, str]  # "sender", "date", "subject" -> value as written
    header_lines: list[str]
    quoted: bool

    @property
    def key(self) -> tuple[str, str]:
        return self.header.get("sender", "").casefold(), _when(self.header.get("date", ""))


def is_mail_thread(lines: list[str]) -> bool:
    """True when the text opens with a mail's header and holds two or more mails at top level."""
    first = next((line for line in lines if line), "")
    if _label(first) != "sender":
        return False  # the cheap test first: a thread opens with its sender, a report does not
    return sum(1 for mail in _mails(lines) if not mail.quoted) >= _MIN_MAILS


def read_mail_thread(lines: list[str]) -> list[str]:
    """The thread's lines: the latest mail's header, then each mail's text in time order."""
    mails = _mails(lines)
    top = {mail.key for mail in mails if not mail.quoted}
    mails = [mail for mail in mails if not (mail.quoted and mail.key in top)]
    if all(_when(mail.header.get("date", "")) for mail in mails):
        mails.sort(key=lambda mail: _when(mail.header["date"]))  # stable: file order on a tie
    latest = mails[-1]
    out = [_subject_unprefixed(line) for line in latest.header_lines]
    starts: list[int] = []
    senders: list[str] = []
    seen: set[str] = set()
    for mail in mails:
        starts.append(len(out))
        senders.append(mail.header.get("sender", ""))
        body = _body(lines, mail, mails)
        out.extend(_unrepeated(body, seen))
        seen.update(line.casefold() for line in body if line)
    voice_run_up(out, starts, senders)
    return (out + [""] * len(lines))[: len(lines)]


def _body(lines: list[str], mail: _Mail, mails: list[_Mail]) -> list[str]:
    """A mail's own lines: up to the next mail's start, the attribution line of a quote dropped."""
    end = min((other.start for other in mails if mail.start < other.start < mail.end), default=mail.end)
    return ["" if _separator(line) else line for line in lines[mail.body : end]]


def _unrepeated(body: list[str], seen: set[str]) -> list[str]:
    """A reply's ``>`` lines without their markers, dropped when an earlier mail said them."""
    out = []
    for line in body:
        if line.startswith(">"):
            line = _QUOTE_MARKERS.sub("", line).strip()
            line = "" if line.casefold() in seen else line
        out.append(line)
    return out


def _mails(lines: list[str]) -> list[_Mail]:
    starts = [number for number, line in enumerate(lines) if _label(line) == "sender"]
    mails = [mail for number in starts if (mail := _header_at(lines, number))]
    for mail, after in pairwise(mails):
        mail.end = after.start
    return mails


def _header_at(lines: list[str], number: int) -> _Mail | None:
    """The mail whose header opens at ``number``: its labelled lines up to the first blank one;
    a sender's line without a date under it is no header ("Van: de griffie" in a report)."""
    header: dict[str, str] = {}
    end = number
    while end < min(len(lines), number + _HEADER_SPAN) and (kind := _label(lines[end])):
        header.setdefault(kind, _value(lines[end]))
        end += 1
    if "date" not in header:
        return None
    before = next((n for n in range(number - 1, max(-1, number - 3), -1) if lines[n]), None)
    quoted = before is not None and _separator(lines[before]) is not None
    start = before if quoted else number
    return _Mail(start, end, len(lines), header, lines[number:end], quoted)


def _label(line: str) -> str:
    """ "sender", "date", "subject" or "other" for a header line, "" for any other line."""
    if not line[:1].isalpha() or ":" not in line[:16]:
        return ""
    match = _header_line().match(line)
    if not match:
        return ""
    name = match["label"].casefold()
    for kind, labels in _kinds().items():
        if name in labels:
            return kind
    return "other"


def _value(line: str) -> str:
    return line.split(":", 1)[1].strip()


def _when(written: str) -> str:
    """A sortable ``YYYY-MM-DD HH:MM`` of a header's date; "" when no date is read."""
    dates = find_dates(written)
    if not dates:
        return ""
    time = _TIME.search(written[dates[0].end :])
    return f"{dates[0].value} {int(time[1]):02d}:{time[2]}" if time else dates[0].value


def _subject_unprefixed(line: str) -> str:
    if _label(line) != "subject":
        return line
    label, value = line.split(":", 1)
    return f"{label}: {_reply_prefix().sub('', value.strip())}"


def _separator(line: str) -> re.Match[str] | None:
    return _separators().match(line) if line[:1] in "-_OoBbDdFf" else None


@cache
def _kinds() -> dict[str, frozenset[str]]:
    labels = _labels()
    return {
        "sender": frozenset(labels["mail_sender_labels"]),
        "date": frozenset(labels["mail_date_labels"]),
        "subject": frozenset(labels["mail_subject_labels"]),
        "other": frozenset(labels["mail_header_labels"]),
    }


@cache
def _header_line() -> re.Pattern[str]:
    names = sorted({name for names in _kinds().values() for name in names}, key=len, reverse=True)
    return re.compile(rf"^(?P<label>{'|'.join(names)})[ \t]*:[ \t]*\S", re.IGNORECASE)


@cache
def _separators() -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(_labels()['mail_quote_separators'])})\s*$", re.IGNORECASE)


@cache
def _reply_prefix() -> re.Pattern[str]:
    prefixes = "|".join(_labels()["mail_reply_prefixes"])
    return re.compile(rf"^(?:(?:{prefixes})\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def _labels() -> dict:
    return load_yaml("labels.yml")
