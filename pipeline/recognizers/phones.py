"""Phone numbers via Google's libphonenumber (the ``phonenumbers`` port), Dutch by default.

``PhoneNumberMatcher(text, "NL", Leniency.VALID)``: the tests showed POSSIBLE takes dates,
amounts, KvK numbers and IBAN digits for numbers, while STRICT_GROUPING drops common
Dutch forms such as ``06 1234 5678``, ``(030) 123 45 67`` and ``070 - 373 83 93``. VALID
keeps every Dutch form and rejects the rest; a few guards remove what it still lets
through:

- a number right after "KvK", "IBAN", "BSN", "BTW", "rekening", "postbus" or a currency sign;
- anything shaped like a date (``21-02-2019``), or opening with a date and a clock time: a chat
  export's stamp ``[05-07-2022 09:16:40]`` reads as ``050 - 720 22 09`` to libphonenumber;
- municipal ``14 0xx`` numbers (and other numbers shorter than nine digits, except
  ``0800``/``0900`` service numbers, whose prefix is unmistakable, and numbers written with
  their country code, ``+32 2 211 55 00``) only with a phone word such as "tel.", "bel" or
  "telefoon" before them.

The value is E.164 (``+31657593276``); ``text`` is the number as written.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberType

from pipeline.recognizers import Found

SOURCE = "rule:phone"
REGION = "NL"

_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:\b(?:kvk|k\.v\.k\.?|kvk-?nummer|iban|bsn|btw|btw-?nummer|rekening(?:nummer)?|postbus|eur)"
    r"|[€$£])[\s:.#-]*$",
    re.IGNORECASE,
)
_PHONE_BEFORE = re.compile(
    r"(?:\b(?:tel|telefoon\w*|telefonisch|bel|bellen|belt|gsm|mobiel\w*|nummer|bereikbaar\w*|fax)\b"
    r"|(?:^|\s)[TM])[\s:.]*$",
    re.IGNORECASE,
)
_DATE_SHAPE = re.compile(r"\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{2,4}")
# A date followed by a clock time is a timestamp (a chat line, a log), whatever digits follow.
_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}[:.]\d{2}")
# A leading "+" or "00" country code: a form no figure or amount takes.
_INTERNATIONAL = re.compile(r"\+|00[1-9]")
_SERVICE = (PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST)


def normalise_phone(text: str, region: str = REGION) -> str | None:
    """The E.164 form of a single written number, or None when it is not a valid number."""
    candidate = re.sub(r"^(?:tel(?:efoon)?|mobiel|gsm|[TM])\s*[:.]?\s*", "", text.strip(), flags=re.I)
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def find_phones(text: str, region: str = REGION) -> list[Found]:
    """Every phone number in ``text``; Dutch numbers without a country code are read as +31."""
    found: list[Found] = []
    for match in _matches(text, region):
        before = text[max(0, match.start - 30) : match.start]
        if _NOT_A_PHONE_BEFORE.search(before) or _DATE_SHAPE.fullmatch(match.raw_string):
            continue
        if _TIMESTAMP.match(text, match.start):
            continue
        short = _needs_context(match.number) and not _INTERNATIONAL.match(match.raw_string)
        if short and not _PHONE_BEFORE.search(before):
            continue
        confidence = 0.8 if short else 0.97
        e164 = phonenumbers.format_number(match.number, PhoneNumberFormat.E164)
        found.append(Found("PHONE", match.start, match.end, match.raw_string, e164, SOURCE, confidence))
    return found


# Five digits with at most four other characters between each two, on one line: every
# number the guards below let through has such a run ("14 030" is the shortest), since
# libphonenumber allows at most four separators between digit groups and none is a line
# break. Its matcher is then run only on the lines that hold one, with the same result as
# on the whole text, instead of trying its candidate regex at every character of a report
# (0.72 -> 0.2 ms per report, bench corpus).
_DIGIT_RUN = re.compile(r"\d(?:[^\n\d]{0,4}\d){4}")


def _matches(text: str, region: str) -> list[phonenumbers.PhoneNumberMatch]:
    """libphonenumber's matches in ``text``, with offsets into ``text``."""
    matches = []
    at = 0
    while run := _DIGIT_RUN.search(text, at):
        start = text.rfind("\n", 0, run.start()) + 1
        end = text.find("\n", run.end())
        end = len(text) if end < 0 else end
        for match in phonenumbers.PhoneNumberMatcher(text[start:end], region, leniency=Leniency.VALID):
            matches.append(phonenumbers.PhoneNumberMatch(start + match.start, match.raw_string, match.number))
        at = end
    return matches


def _needs_context(number: phonenumbers.PhoneNumber) -> bool:
    """Short numbers (``14 030``) look like ordinary figures; only a phone word makes them phones."""
    kind = phonenumbers.number_type(number)
    if kind in _SERVICE:
        return False
    # 088 company numbers are UAN too but full length; only the short ones are ambiguous.
    return len(str(number.national_number)) < 9
