"""Dates in Dutch text, value ISO ``YYYY-MM-DD``.

Forms read (month and weekday names come from ``rules/dates.yml``):

- numeric day-month-year with one separator used twice: ``21-02-2019``, ``21/02/2019``,
  ``21.02.2019``; a two-digit year (``21-02-19``) at a lower score, higher with an
  apostrophe (``27-3-'19``);
- ISO ``2019-02-21``;
- a day, a month name or abbreviation and a year: ``14 februari 2019``, ``14 feb. 2020``,
  ``3 okt 2019``, ``de 12e van november 2022``, also as the last day of a range
  (``3-4 oktober 2022`` gives 4 oktober), with an optional weekday before it
  (``donderdag 3 oktober 2019``) that becomes part of the span; ``1 maart '19`` reads the
  year with the pivot in the rules.

Decisions: a month and year without a day (``februari 2019``) and a day and month
without a year (``14 februari``) name no single day, so they are skipped; the extract
stage may read them with the document's context. Impossible dates (``31-02-2019``) are
rejected, and so are years outside 1900-2100.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from pipeline.recognizers import Found
from pipeline.rules import load_yaml

SOURCE = "rule:date"

# A two-digit year only with "-" or "/": "1.2.19" is a version or section number far more often;
# with an apostrophe for the century ("27-3-'19") it is a year for sure.
_NUMERIC = re.compile(
    r"(?<![\w.,/-])(\d{1,2})(?:([-/])(\d{1,2})\2(\d{4}|['’]?\d{2})|(\.)(\d{1,2})\5(\d{4}))"
    r"(?![\w]|[-/.,]\d)"
)
_ISO = re.compile(r"(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?![\w]|[-/.,]\d)")
_DIGITS = re.compile(r"\d+")


@cache
def _date_rules() -> tuple[dict[str, int], re.Pattern[str], int]:
    rules = load_yaml("dates.yml")
    months = {str(k).lower(): int(v) for k, v in rules["months"].items()}
    weekdays = [str(w).lower() for w in rules["weekdays"]]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    textual = re.compile(
        rf"(?:(?<![\w-])|(?<=\d[-–]))(?:(?P<weekday>{alternation(weekdays)})\.?,?\s+)?"
        rf"(?P<day>\d{{1,2}})(?:(?:e|ste|de)(?:\s+van)?)?\s+(?P<month>{alternation(list(months))})\.?\s+"
        rf"(?P<year>\d{{4}}|['’]\d{{2}})(?![\w]|[-/.,]\d)",
        re.IGNORECASE,
    )
    return months, textual, int(rules.get("two_digit_year_pivot", 69))


def _year(written: str, pivot: int) -> int:
    digits = written.lstrip("'’")
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= pivot else 1900
    return year


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The ISO date of a single written date (``14 februari 2019``, ``21-02-2019``), or None."""
    found = find_dates(text.strip())
    return found[0].value if len(found) == 1 and found[0].text == text.strip() else None


def find_dates(text: str) -> list[Found]:
    """Every full date in ``text`` (day, month and year), in order of position."""
    months, textual, pivot = _date_rules()
    found: list[Found] = []
    runs = _digit_runs(text)  # found once for the three patterns below
    textual_matches = (
        _matches_at(textual, text, _textual_starts(text, runs))
        if _weekdays_are_words()
        else textual.finditer(text)
    )
    for match in textual_matches:
        month = months[match.group("month").lower()]
        iso = _iso(_year(match.group("year"), pivot), month, int(match.group("day")))
        if iso:
            two_digit = len(match.group("year").lstrip("'’")) == 2
            found.append(_found(match, iso, 0.85 if two_digit else 0.97))
    for match in _matches_at(_NUMERIC, text, runs):
        day, month, year = match.group(1), match.group(3) or match.group(6), match.group(4) or match.group(7)
        iso = _iso(_year(year, pivot), int(month), int(day))
        if iso:
            # An apostrophe marks a year as surely as a month name does ("27 mrt. '19").
            confidence = 0.95 if len(year) == 4 else 0.85 if year[0] in "'’" else 0.7
            found.append(_found(match, iso, confidence))
    for match in _matches_at(_ISO, text, runs):
        iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            found.append(_found(match, iso, 0.97))
    return sorted(found, key=lambda f: f.start)


def _found(match: re.Match[str], iso: str, confidence: float) -> Found:
    return Found("DATE", match.start(), match.end(), match.group(), iso, SOURCE, confidence)


def _digit_runs(text: str) -> list[int]:
    """Where the runs of digits in ``text`` start.

    _NUMERIC and _ISO open with a lookbehind, so ``re`` tried them at every position of the
    text (0.2 ms each per report); a match starts with a digit not after a word character,
    so trying them only at these places (``_matches_at``) finds the same matches.
    """
    return [run.start() for run in _DIGITS.finditer(text)]


@cache
def _weekdays_are_words() -> bool:
    """Whether every weekday is one word without digits, as :func:`_textual_starts` assumes."""
    weekdays = [str(w) for w in load_yaml("dates.yml")["weekdays"]]
    return all(w.strip() and not any(c.isspace() or c.isdigit() for c in w) for w in weekdays)


def _textual_starts(text: str, runs: Iterable[int]) -> Iterator[int]:
    """Every place a textual date may start, in order: the start of a run of digits (the
    day; ``runs`` holds them) and each word start in the one word (the weekday, with "."
    or ",") before it.

    A superset is enough: :func:`_matches_at` tries the pattern at each. The textual
    pattern cost 0.5 ms per report tried at every position.
    """
    for day in runs:
        i = day
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace() and not text[i - 1].isdigit():
            i -= 1
        for start in range(i, day):
            if start == 0 or not text[start - 1].isalnum():  # \w is alphanumerics and "_"
                yield start
        yield day


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, given every place (ascending) where a match may start.

    ``pattern.match(text, start)`` still sees the text before ``start`` for a lookbehind,
    and the first start that matches after the previous match is the leftmost match, as
    in ``finditer``.
    """
    pos = 0
    for start in starts:
        if start < pos:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            pos = match.end()
