"""Document metadata: title, publication and event dates, location, and the programmes
announced as being in preparation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pipeline.checkboxes import opens_with_box, ticked_spans
from pipeline.extract.context import Context
from pipeline.extract.location import find_location, find_venue_line, names_a_venue, venue_place
from pipeline.extract.municipalities import resolve_entity
from pipeline.model import Block
from pipeline.recognizers import Found
from pipeline.recognizers.dates import find_dates
from pipeline.rules import AnyCase, load_yaml
from pipeline.segment import plain

# A date line near the top ("21 februari 2019", "Utrecht, 21-02-2019") is the publication date.
_TOP_BLOCKS = 4
# A byline ("Verslag: Ilse de Vries, 15 nov. 2023") may come a little lower, under the
# meeting's own date and place lines; a signed dateline closes a report in its last lines.
_BYLINE_REACH = 2
_CLOSING_BLOCKS = 2
_BYLINE_WORDS = 16
_DATELINE_PLACE = re.compile(r"[*_]*[A-Z'’][\w'’ .-]{1,40},\s*")
_TITLE_PLACE = re.compile(
    r"\b(?:in|te)\s+(?P<place>(?:'s[- ])?[A-Z][\w'’-]*(?:\s+(?:aan|op|bij|en|de|den|[A-Z])[\w'’-]*)*)\s*$"
)


@dataclass
class Metadata:
    title: str | None
    published: str | None
    event_date: str | None
    location: str | None


@cache
def _label_regex(key: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(load_yaml('labels.yml')[key])})\b\s*:?", re.IGNORECASE)


def extract_metadata(ctx: Context, dates: list[Found]) -> Metadata:
    blocks = ctx.document.blocks
    title_block = _title_block(blocks)
    published = _published(ctx, blocks, dates, title_block)
    event = _event_date(ctx, blocks, dates, published)
    location = _location(ctx, blocks, title_block)
    if title_block is not None:
        ctx.mention("title", title_block.start, title_block.end, "rule:heading")
    return Metadata(
        plain(title_block.text).strip() if title_block else None,
        published.value if published else None,
        event.value if event else None,
        location,
    )


def _title_block(blocks: list[Block]) -> Block | None:
    subject = _mail_subject(blocks) or _letter_subject(blocks) or _headline_after_genre_line(blocks)
    if subject is not None:
        return subject
    for block in blocks[:3]:
        if block.kind == "heading" and (block.level or 1) <= 1:
            return block
    if blocks and (
        _is_masthead(blocks[0])
        or _is_breadcrumb(blocks[0])
        or _is_sender_line(blocks)
        or _is_dated_line(blocks[0])
    ):
        blocks = blocks[1:]
    first = blocks[0] if blocks else None
    if first is not None and len(first.text.split()) <= 20 and not first.text.endswith("."):
        return first
    return None


def _mail_subject(blocks: list[Block]) -> Block | None:
    """The subject of an e-mail header ("Van: ...", "Aan: ...", "Onderwerp: X"): X, as a block
    of its own so that the title's mention points at the subject's words only."""
    if not blocks or _label_regex("mail_header_labels").match(blocks[0].text) is None:
        return None
    subject = _label_regex("mail_subject_labels")
    for block in blocks[:8]:
        match = subject.match(block.text)
        value = block.text[match.end() :] if match else ""
        if value.strip():
            start = block.start + len(block.text) - len(value.lstrip())
            return replace(block, text=value.strip(), start=start)
        if not block.text.rstrip().endswith(":") and ":" not in block.text[:20]:
            return None  # the header ended without a subject
    return None


# How far down a letter's header table may stand: under a letterhead and its address line.
_LETTER_HEADER_REACH = 24


def _letter_subject(blocks: list[Block]) -> Block | None:
    """A letter's header table ("Aan | ...", "Datum | ...", "Onderwerp | X"), before any heading or
    running text: X, the cell beside its subject label (``mail_subject_labels``), is the title,
    not the sender's letterhead above the table."""
    for index, block in enumerate(blocks[:_LETTER_HEADER_REACH]):
        if block.kind == "heading" or _is_running_text(block):
            return None
        if block.table is None or len(block.text) > 12:
            continue
        value = _cell_value(blocks, index, "mail_subject_labels")
        if value is not None and any(c.isalnum() for c in value.text):
            return value
    return None


def _is_running_text(block: Block) -> bool:
    return block.kind == "paragraph" and block.text.rstrip().endswith(".") and len(block.text.split()) > 5


# Header lines under a genre line: "Nr.: 2019-047", "Datum: 11-10-2019", "Bericht van: X | ...";
# a label of one or two words (a title such as "Regiodag Zeeland 2022: terugblik" has more).
_HEADER_LABEL = re.compile(r"^[^\W\d][\w.]*(?:\s+\w+)?\s*:\s*\S")
_HEADER_LINES = 4


def _headline_after_genre_line(blocks: list[Block]) -> Block | None:
    """ "PERSBERICHT" / sender / "Nr.: ..." / "Datum: ..." / headline: under a line that only
    names the kind of document (or an archive's copy of a post), the headline is the first
    title-like line after the header's label lines, else the line right under it."""
    if not blocks or not _is_genre_line(blocks[0]):
        return None
    header = blocks[1 : 1 + _HEADER_LINES]
    labelled = [i for i, block in enumerate(header, start=1) if _HEADER_LABEL.match(block.text)]
    after_labels = blocks[labelled[-1] + 1 : labelled[-1] + 2] if labelled else []
    return next((b for b in [*after_labels, *blocks[1:2]] if _is_title_like(b)), None)


def _is_title_like(block: Block) -> bool:
    return len(block.text.split()) <= 20 and not block.text.rstrip().endswith(".")


def _is_genre_line(block: Block) -> bool:
    """ "PERSBERICHT", "Archiefkopie sociale media – griffie Gouda": the document's kind, no title."""
    words = _genre_words()
    text = plain(block.text).strip(" #*_")
    return (text.isupper() and words[0].fullmatch(text) is not None) or words[1].match(text) is not None


@cache
def _genre_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    return (
        re.compile(rf"(?:{'|'.join(rules['genre_words'])})", re.IGNORECASE),
        re.compile(rf"(?:{'|'.join(rules['archive_words'])})\b", re.IGNORECASE),
    )


# "site.nl › Nieuws › Terugblik": a web page's breadcrumb trail above the headline.
_BREADCRUMB = re.compile(r"^[^\n›»>]{1,60}(?:\s[›»>]\s[^\n›»>]{1,60}){2,}$")


def _is_breadcrumb(block: Block) -> bool:
    return _BREADCRUMB.match(block.text) is not None


def _is_dated_line(block: Block) -> bool:
    """ "Bijgewerkt d.d. 23-10-2023: ..." above the title: the version's date, not the title."""
    return _label_regex("published_labels").match(block.text) is not None and bool(find_dates(block.text))


def _is_masthead(block: Block) -> bool:
    """ "NIEUWSBRIEF LOKALE DEMOCRATIE DRENTHE | nummer 3 | juni 2022": the periodical, not the item."""
    words = "|".join(load_yaml("labels.yml")["masthead_words"])
    return "|" in block.text and re.search(rf"\b(?:{words})\b", block.text, re.IGNORECASE) is not None


def _is_sender_line(blocks: list[Block]) -> bool:
    """ "Netwerk Griffiers Noordoost-Brabant" above "Themamiddag ... – verslag": a first line
    that names no report, above a short line that does (and is no byline with a date), is the
    sender's name; the report's title is the line under it. Under a first line in capitals
    (a masthead by its type) that line may carry the meeting's date ("Notulen ... d.d. 12 juni")."""
    if len(blocks) < 2 or blocks[0].kind != "paragraph" or blocks[1].kind not in ("paragraph", "heading"):
        return False
    first, second = blocks[0].text, blocks[1].text
    words = _report_words()
    return (
        words.search(first) is None
        and words.search(second) is not None
        and len(second.split()) <= 20
        and not second.endswith(".")
        and _label_regex("byline_labels").match(second) is None
        and (first.isupper() or not find_dates(second))
    )


@cache
def _report_words() -> AnyCase:
    return AnyCase(rf"\b(?:{'|'.join(load_yaml('labels.yml')['report_words'])})\b")


def _dates_in(dates: list[Found], block: Block) -> list[Found]:
    return [d for d in dates if block.start <= d.start < block.end + 1 and d.value]


def _published(ctx: Context, blocks: list[Block], dates: list[Found], title: Block | None) -> Found | None:
    for index, block in enumerate(blocks):
        if _is_published_label(block.text):
            found = _dates_in(dates, block) or _dates_in_cell_value(blocks, index, dates, "published_labels")
            found = _later_addition(block, found) or found
        else:
            found = _published_in_part(block, dates) if index < _TOP_BLOCKS + _BYLINE_REACH else []
        if found:
            ctx.mention_found(found[0], "published")
            return found[0]
    for index, block in enumerate(blocks[: _TOP_BLOCKS + _BYLINE_REACH]):
        found = _dates_in(dates, block)
        if not found or _labelled_as_event(blocks, index):
            # "Datum bijeenkomst: 8 nov. 2023" at the top is the meeting, not the report.
            continue
        if index >= _TOP_BLOCKS and not _is_byline(block):
            continue
        if (
            len(block.text) <= len(found[0].text) + 30
            or _is_byline(block)
            or (block is not title and _ends_with(block, found[-1]))
            or _opens_with_dateline(block, found[0])
        ):
            date = found[-1] if block is not title and _ends_with(block, found[-1]) else found[0]
            ctx.mention_found(date, "published")
            return date
    return _closing_dateline(ctx, blocks, dates)


def _later_addition(block: Block, found: list[Found]) -> list[Found]:
    """ "Versie 5 – 3 april 2024 · aantekeningen na afloop toegevoegd op 18 april 2024": a
    version line that says, later on, that text was added or updated on another day; that day
    is the version the reader has (``published_addition_labels``)."""
    if len(found) < 2:
        return []
    addition = _label_search("published_addition_labels").search(block.text)
    if addition is None:
        return []
    return [d for d in found if d.start >= block.start + addition.start()]


@cache
def _label_search(key: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(load_yaml('labels.yml')[key])})", re.IGNORECASE)


def _labelled_as_event(blocks: list[Block], index: int) -> bool:
    """A line labelled with the meeting's date, or the value cell of such a label's cell."""
    block = blocks[index]
    if _label_regex("event_date_labels").match(block.text):
        return True
    if block.table is None:
        return False
    return any(
        other.table is not None
        and other.table[0] == block.table[0]
        and _cell_value(blocks, at, "event_date_labels") is block
        for at, other in enumerate(blocks[:index])
    )


def _is_published_label(text: str) -> bool:
    # "Datum bijeenkomst: 8 nov. 2023" is the meeting, not the report.
    published, event = _label_regex("published_labels"), _label_regex("event_date_labels")
    return published.match(text) is not None and event.match(text) is None


# One part of a header line split by bars or middle dots ("Nummer 3 | verschenen op ...").
_HEADER_PART = re.compile(r"[^|·]+")


def _published_in_part(block: Block, dates: list[Found]) -> list[Found]:
    """ "Bericht van: X | Geplaatst: 14-11-2022 08:12 | Gearchiveerd: ...", "Democratie in Actie
    · gepubliceerd op 15 november 2023": a word of publishing opens one part of a header line;
    that part's date is the publication, whatever other dates the line holds."""
    if "|" not in block.text and "·" not in block.text:
        return []
    for part in _HEADER_PART.finditer(block.text):
        text = part.group().lstrip()
        if _is_published_label(text):
            start = block.start + part.end() - len(text)
            found = [d for d in dates if start <= d.start < block.start + part.end() and d.value]
            if found:
                return found
    return []


def _cell_value(blocks: list[Block], index: int, key: str) -> Block | None:
    """A form's general-data row, a letter's header table ("Datum bijeenkomst | donderdag 26
    september 2019", "Datum voorstel | 19 november 2024"): a cell that holds only a label of
    ``key``, and its value in the cell after it in the same row; or, in a header row of labels
    over one row of values ("Wanneer | Waar | Voor wie" over "8 november 2023 | De Flint,
    Amersfoort | ..."), in the cell below it."""
    cell = blocks[index]
    if cell.table is None:
        return None
    label = _label_regex(key).match(cell.text.strip())
    if label is None or label.end() != len(cell.text.strip()):
        return None
    cells = [b for b in blocks if b.table is not None and b.table[0] == cell.table[0]]
    rows, columns = 1 + max(b.table[1] for b in cells), 1 + max(b.table[2] for b in cells)
    # Two columns are label and value; wider, in two rows, the labels head the columns.
    wanted = (
        (1, cell.table[2])
        if rows == 2 and columns > 2 and cell.table[1] == 0
        else (cell.table[1], cell.table[2] + 1)
    )
    return next((b for b in cells if b.table[1:] == wanted), None)


def _dates_in_cell_value(blocks: list[Block], index: int, dates: list[Found], key: str) -> list[Found]:
    value = _cell_value(blocks, index, key)
    return _dates_in(dates, value) if value is not None else []


def _closing_dateline(ctx: Context, blocks: list[Block], dates: list[Found]) -> Found | None:
    """ "Doetinchem, 20 april 2018 – Regio Achterhoek, team Bestuur" as the report's last line:
    a signed dateline, the day the report was written."""
    for block in blocks[-_CLOSING_BLOCKS:]:
        found = _dates_in(dates, block)
        if (
            len(found) == 1
            and block.kind != "list_item"
            and len(block.text.split()) <= _BYLINE_WORDS
            and _DATELINE_PLACE.fullmatch(block.text[: found[0].start - block.start]) is not None
            and not block.text[found[0].end - block.start :].strip(" *_").endswith((".", "?", "!"))
        ):
            ctx.mention_found(found[0], "published")
            return found[0]
    return None


def _ends_with(block: Block, date: Found) -> bool:
    """ "VNG | Team Lokale Democratie | 7 november 2024", "Ministerie van BZK, 4 juli 2022": a
    short line of who published and when, the date last."""
    rest = block.text[date.end - block.start :]
    # A title that ends with a date ("verslag netwerkbijeenkomst 29 september 2022") names the event.
    return (
        block.kind != "heading"
        and len(block.text.split()) <= _BYLINE_WORDS
        and not rest.strip(" .)*_")
        and not block.text.endswith(".")
    )


def _opens_with_dateline(block: Block, date: Found) -> bool:
    """ "Tynaarlo, 16 juni 2022 – De gemeenteraad ...": a news item's dateline."""
    head = block.text[: date.start - block.start]
    tail = block.text[date.end - block.start :]
    return _DATELINE_PLACE.fullmatch(head) is not None and re.match(r"\s*[–—-]\s", tail) is not None


def _is_byline(block: Block) -> bool:
    """ "Verslag door Lisanne Wouters, ProDemos – 22 oktober 2021": author and date; a web item's
    meta line "Redactie X · vrijdag 14 februari 2020 · leestijd 4 minuten" (``byline_meta_parts``)."""
    if len(block.text.split()) > _BYLINE_WORDS + 8:
        return False
    if ("·" in block.text or "|" in block.text) and _byline_meta().search(block.text):
        return True
    return (
        len(block.text.split()) <= _BYLINE_WORDS
        and _label_regex("byline_labels").match(block.text) is not None
    )


@cache
def _byline_meta() -> re.Pattern[str]:
    return re.compile(load_yaml("labels.yml")["byline_meta_parts"], re.IGNORECASE)


def _event_date(
    ctx: Context, blocks: list[Block], dates: list[Found], published: Found | None
) -> Found | None:
    for index, block in enumerate(blocks):
        if _label_regex("event_date_labels").match(block.text):
            # A labelled line, or a form's label cell with the date in its value cell: it beats
            # any date the prose tells (the next meeting's, "Volgende bijeenkomst: ...").
            found = _dates_in(dates, block) or _dates_in_cell_value(blocks, index, dates, "event_date_labels")
        else:
            found = _timed_date_cell(blocks, index, dates)
        if found:
            ctx.mention_found(found[0], "event_date")
            return found[0]
    on_top = _event_line_on_top(blocks, dates, published)
    if on_top is not None:
        ctx.mention_found(on_top, "event_date")
        return on_top
    reference = published.value if published is not None else _title_year_end(blocks)
    for block in blocks:
        if block.kind == "heading" or len(block.text.split()) < 6:
            continue
        candidates = []
        for d in _dates_in(dates, block):
            if published is not None and d.start == published.start:
                continue
            first = _range_start(ctx, d)
            if first is not None:
                candidates.append(first)
            elif not _is_other_date(ctx, d) and (published is None or _shortly_before(d, published)):
                # A report tells of a meeting before it appeared: a later date is a plan, one
                # years earlier history ("Op 1 november 2017 richtten ... het netwerk op").
                candidates.append(d)
        if not candidates and reference is not None:
            candidates = _yearless_meeting_days(ctx, block, reference)
        if candidates:
            found = next((d for d in candidates if _is_meeting_day(ctx, d)), candidates[0])
            ctx.mention_found(found, "event_date")
            return found
    return None


# The hours of a day: "12.30 – 17.00 uur", "19:30 uur", "vanaf 9.30".
_HOURS = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:uur\b|[–—-]\s*\d{1,2}[.:]\d{2})")


def _timed_date_cell(blocks: list[Block], index: int, dates: list[Found]) -> list[Found]:
    """ "Datum | zaterdag 13 april 2024, 12.30 – 17.00 uur" in a general-data table: a date
    label's value with the hours of the day is the meeting's date (a report appears on a
    day, not at an hour); the label is any of ``timed_date_labels``."""
    block = blocks[index]
    if block.table is None or len(block.text) > 20:
        return []
    value = _cell_value(blocks, index, "timed_date_labels")
    if value is None or _HOURS.search(value.text) is None:
        return []
    return _dates_in(dates, value)


def _event_line_on_top(blocks: list[Block], dates: list[Found], published: Found | None) -> Found | None:
    """ "Zaterdag 8 oktober 2022 · Zeeuws Archief, Middelburg · versie van ..." under the title,
    "13 februari 2020" alone on a cover: a top line that opens with a date, alone or followed by
    the venue after a bar or middle dot, is the meeting's own line (a programme booklet appears
    before its meeting, so it need not precede the publication)."""
    for block in blocks[:_TOP_BLOCKS]:
        found = _dates_in(dates, block)
        if not found or (published is not None and found[0].start == published.start):
            continue
        head = block.text[: found[0].start - block.start].strip(" *_#")
        rest = block.text[found[0].end - block.start :].strip(" *_")
        if not head and (not rest or rest[0] in "·|"):
            return found[0]
    return None


# How long before its publication a report may still tell of its own meeting.
_MAX_REPORT_DELAY_DAYS = 366


def _shortly_before(found: Found, published: Found) -> bool:
    try:
        day, out = date.fromisoformat(str(found.value)), date.fromisoformat(str(published.value))
    except ValueError:
        return str(found.value) <= str(published.value)
    return 0 <= (out - day).days <= _MAX_REPORT_DELAY_DAYS


@cache
def _yearless_day() -> AnyCase:
    rules = load_yaml("dates.yml")
    months = "|".join(sorted(rules["months"], key=len, reverse=True))
    weekdays = "|".join(rules["weekdays"])
    # A full weekday, also as part of the day ("woensdagavond"), opens a meeting day without
    # "op"; abbreviations ("wo") only after "op", where they cannot be the start of a word.
    full_day = "|".join(w for w in rules["weekdays"] if len(w) > 2)
    weekday = rf"(?:{full_day})(?:ochtend|middag|avond)?"
    # "27 en 28 september", "27-28 september", "donderdag 27 en vrijdag 28 september": the
    # meeting starts on the first day.
    later_day = rf"(?:\s*(?:-|–|en|t/m|tot en met)\s*(?:{weekday}\s+)?\d{{1,2}})?"
    # "op de 10e van november": an ordinal day of a month.
    ordinal = r"(?:e|ste|de)\s+van"
    return AnyCase(
        rf"(?:\bop\s+(?:de\s+(?=\d{{1,2}}{ordinal}))?(?:(?:{weekdays})\s+)?|\b{weekday},?\s+)"
        rf"(?P<day>\d{{1,2}})(?:{ordinal})?{later_day}\s+(?P<month>{months})\b\.?(?!\s*\d)"
    )


@cache
def _weekday_day_month() -> AnyCase:
    """ "Afgelopen donderdag (10/11)", "vorige week dinsdag 8/10": a full weekday and the day
    and month in figures, as a post or a mail writes them (the year from its date or title)."""
    days = "|".join(w for w in load_yaml("dates.yml")["weekdays"] if len(w) > 2)
    return AnyCase(
        rf"\b(?:{days})(?:ochtend|middag|avond)?\s+\(?(?P<day>\d{{1,2}})/(?P<month>1[0-2]|0?[1-9])\)?(?![/\d])"
    )


def _title_year_end(blocks: list[Block]) -> str | None:
    """ "DEMOCRATIEFESTIVAL SÚDWEST-FRYSLÂN 2024": a report with no date of its own but a year
    in its title took place in that year (the last day of it, as a reference)."""
    title = _title_block(blocks)
    match = _TITLE_YEAR.search(title.text) if title is not None else None
    return f"{match.group()}-12-31" if match else None


_DIGIT = re.compile(r"\d")
_TITLE_YEAR = re.compile(r"(?<![\w./-])(?:19|20)\d\d(?![\w./-])")
# "5 t/m 7 juni 2023", "5-7 juni 2023", "27 en 28 september 2022": the meeting starts on the first day.
_RANGE_BEFORE = re.compile(r"(?<![\w.,/-])(\d{1,2})\s*(?:-|–|t/m|tot en met|en)\s*$")


def _range_start(ctx: Context, found: Found) -> Found | None:
    """The first day of a range that ends in ``found`` ("5 t/m 7 juni 2023" -> 5 juni 2023)."""
    before = ctx.document.text[max(0, found.start - 20) : found.start]
    match = _RANGE_BEFORE.search(before)
    value = str(found.value)
    if match is None or not value[8:].isdigit():
        return None
    day = int(match.group(1))
    if not 1 <= day < int(value[8:]):
        return None
    start = found.start - len(before) + match.start()
    return Found(
        "DATE",
        start,
        found.end,
        ctx.document.text[start : found.end],
        f"{value[:8]}{day:02d}",
        found.source,
        0.9,
    )


def _yearless_meeting_days(ctx: Context, block: Block, reference: str) -> list[Found]:
    """ "heeft op dinsdag 14 juni ingestemd" in a news item of 16 juni 2022: the day is the
    latest one of that date on or before the publication (or the end of the title's year)."""
    months = load_yaml("dates.yml")["months"]
    found: list[Found] = []
    if _DIGIT.search(block.text) is None:
        return found  # every such day has its digits; most blocks have none (bench corpus)
    year = int(reference[:4])
    for match in [*_yearless_day().finditer(block.text), *_weekday_day_month().finditer(block.text)]:
        named = match.group("month")
        month, day = int(named) if named.isdigit() else months[named.lower()], int(match.group("day"))
        weekday = _weekday_in(match.group())
        for candidate_year in (year, year - 1):
            try:
                day_of = date(candidate_year, month, day)
            except ValueError:
                break
            if day_of.isoformat() > reference and weekday == day_of.weekday():
                # "maandag 19 maart" in a paper of 14 March 2018: the Monday after it, a plan, not
                # 19 March 2017 (writers do slip on a weekday, so only a fitting one decides).
                break
            if day_of.isoformat() <= reference:
                start = block.start + match.start()
                found.append(
                    Found(
                        "DATE",
                        start,
                        block.start + match.end(),
                        block.text[match.start() : match.end()],
                        day_of.isoformat(),
                        "rule:date",
                        0.8,
                    )
                )
                break
    return found


def _weekday_in(text: str) -> int | None:
    """The day of the week (Monday 0) a date's text names ("op maandag 19 maart"), else None."""
    words = _weekday_words().search(text)
    return _WEEKDAY_ABBREVIATIONS.index(words.group().casefold()[:2]) if words else None


_WEEKDAY_ABBREVIATIONS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@cache
def _weekday_words() -> re.Pattern[str]:
    days = "|".join(w for w in load_yaml("dates.yml")["weekdays"] if len(w) > 2)
    return re.compile(rf"\b(?:{days})", re.IGNORECASE)


@cache
def _date_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    other = "|".join(rules["not_event_date_before"])
    return (
        re.compile(rf"(?:{rules['event_date_before']})\s*$", re.IGNORECASE),
        re.compile(rf"\b(?:{other})\s*$", re.IGNORECASE),
    )


def _words_before(ctx: Context, found: Found) -> str:
    return ctx.document.text[max(0, found.start - 30) : found.start]


def _is_meeting_day(ctx: Context, found: Found) -> bool:
    """ "op dinsdag 15 februari 2022": the day something took place."""
    return _date_context()[0].search(_words_before(ctx, found)) is not None


def _is_other_date(ctx: Context, found: Found) -> bool:
    """ "de verkiezingen van 16 maart 2022", "uiterlijk 1 mei": a date of something else."""
    return _date_context()[1].search(_words_before(ctx, found)) is not None


def _location(ctx: Context, blocks: list[Block], title: Block | None) -> str | None:
    for index in range(len(blocks)):
        labelled = _labelled_location(ctx, blocks, index)
        if labelled is not None:
            start, value, place = labelled
            ctx.mention("location", start, start + len(value), "rule:label")
            return place
    on_event_line = _place_on_event_line(ctx, blocks)
    if on_event_line is not None:
        return on_event_line
    venue = find_venue_line(blocks)
    if venue is not None:
        ctx.mention("location", venue.start, venue.start + len(venue.place), "rule:list")
        return venue.place
    if title is not None:
        match = _TITLE_PLACE.search(title.text)
        if match and resolve_entity(ctx, match.group("place")) is not None:
            start = title.start + match.start("place")
            ctx.mention("location", start, title.start + match.end("place"), "rule:heading")
            return match.group("place")
    found = find_location(ctx, blocks)
    if found is not None:
        ctx.mention("location", found.start, found.start + len(found.place), "rule:prose")
        return found.place
    return None


def _labelled_location(ctx: Context, blocks: list[Block], index: int) -> tuple[int, str, str] | None:
    """ "Locatie: De Cammeleur te Dongen", or a form's row "Locatie | Dorpshuis De Brink, Loo
    (gem. Duiven)": (the value's offset, the value, the place it names)."""
    block = blocks[index]
    match = _location_label().match(block.text)
    if match and block.kind != "heading":
        # "Locatie: De Cammeleur te Dongen. Datum: ...": the value ends with its sentence.
        value = _next_sentence().split(block.text[match.end() :], maxsplit=1)[0].strip()
        if value:
            place = _village_after_venue(value) or _place_of(ctx, value) or value
            return block.start + block.text.index(value, match.end()), value, place
        return None
    cell = _cell_value(blocks, index, "location_labels") if block.table is not None else None
    value = cell.text.strip() if cell is not None else ""
    # A cell counts only when it names a place: a session form's "Locatie | Zaal 2" is a room;
    # a wiki's "|Locatie|Dorpshuis De Wierde, Uithuizen|" names a village after its venue.
    place = (_village_after_venue(value) or _place_of(ctx, value)) if value else None
    if cell is None or place is None:
        return None
    return cell.start + cell.text.index(value), value, place


@cache
def _next_sentence() -> re.Pattern[str]:
    """A full stop followed by a capital: the next sentence (or label) on the same line; not an
    abbreviation's full stop ("Loo (gem. Duiven)")."""
    abbreviations = [w[:-1] for w in load_yaml("location.yml")["village_of"] if w.endswith(".")]
    not_after = "".join(rf"(?<!\W(?i:{re.escape(w)}))" for w in abbreviations)
    return re.compile(rf"(?<=[a-z]){not_after}\.\s+(?=[A-Z])")


def _place_on_event_line(ctx: Context, blocks: list[Block]) -> str | None:
    """ "bijeenkomst d.d. 5 oktober 2023, Provinciehuis Drenthe, Assen" at the top: the
    meeting's own line, its date followed by the venue and the place."""
    for block in blocks[:_TOP_BLOCKS]:
        if not _label_regex("event_date_labels").match(block.text):
            continue
        dates = [d for d in find_dates(block.text) if d.value]
        after = block.text[dates[0].end :] if dates else ""
        if not after.startswith(","):
            continue
        place = _place_of(ctx, after)
        if place is not None:
            start = block.start + block.text.rindex(place)
            ctx.mention("location", start, start + len(place), "rule:label")
            return place
    return None


@cache
def _location_label() -> re.Pattern[str]:
    """ "Locatie: X", "Waar: X": a place label needs its colon ("Waar we aan werken" is none)."""
    return re.compile(rf"^(?:{'|'.join(load_yaml('labels.yml')['location_labels'])})\s*:", re.IGNORECASE)


def _village_after_venue(value: str) -> str | None:
    """ "raadhuis Wormerland, Wormer" -> "Wormer": the place after a venue's comma, a village
    too, is where it stands, even when the venue is named after its municipality; not a street
    ("Raadhuis Sliedrecht, Raadhuisplein 1") nor "Gemeente X"."""
    place = venue_place(value)
    if place is None or place.split()[0].casefold() in ("gemeente", "gem."):
        return None
    return place


def _place_of(ctx: Context, value: str) -> str | None:
    """'Stadhuis, Zwolle' -> 'Zwolle', 'raadhuis Etten-Leur, Dorpsstraat 4' -> 'Etten-Leur':
    the municipality named in a venue line, also after a lower-case venue word; 'Dorpshuis De
    Brink, Loo (gem. Duiven)' -> 'Loo': a village followed by its municipality, as written."""
    village = _village_of(ctx, value) if "(" in value else None
    if village is not None:
        return village
    for part in reversed(re.split(r"\s*[,(]\s*|\s+in\s+|\s+te\s+", value)):
        part = part.strip(" )")
        for candidate in (part, _LOWER_WORDS.sub("", part), _after_a_venue_word(part)):
            if candidate and resolve_entity(ctx, candidate) is not None:
                return candidate
    return None


_LOWER_WORDS = re.compile(r"^(?:[a-zà-ÿ][\w-]*\s+)+")


def _after_a_venue_word(part: str) -> str:
    """ "Raadhuis Sliedrecht" -> "Sliedrecht": a venue named after its place, capitalised as a
    name; "" when the first word names no venue."""
    first, _, rest = part.partition(" ")
    return rest if rest and names_a_venue(first) else ""


@cache
def _village_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_yaml("location.yml")["village_of"])
    return re.compile(
        rf"(?P<place>(?:['’]s-)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)\s*"
        rf"\(\s*(?i:{words})\s+(?P<municipality>[^()]+?)\s*\)"
    )


def _village_of(ctx: Context, value: str) -> str | None:
    """The village in "Loo (gem. Duiven)", "Den Ham (gemeente Twenterand)" when the bracket names
    a municipality; before the bracket a venue ("Raadzaal (gem. Assen)") stands in that
    municipality, which is then the place."""
    for match in _village_pattern().finditer(value):
        municipality = match.group("municipality")
        if resolve_entity(ctx, municipality) is not None:
            return municipality if names_a_venue(match.group("place")) else match.group("place")
    return None


@cache
def _programme_patterns() -> tuple[AnyCase, re.Pattern[str], AnyCase]:
    rules = load_yaml("labels.yml")
    intro = AnyCase("|".join(rules["programmes_intro"]))
    lead_in = AnyCase("|".join(rules.get("programmes_lead_in") or ["(?!)"]))
    return intro, re.compile(rules["programme_remark"], re.IGNORECASE), lead_in


def _announces_programmes(block: Block, intro: AnyCase, lead_in: AnyCase) -> bool:
    """ "in voorbereiding" anywhere in the block; a verb of preparing or working on only in
    a list's own lead-in (a line ending in ':' or a short title), since prose says 'werkt aan'
    about anything; in a paragraph ending in ':' only its last sentence leads in ("... aan één
    tafel werkte. Wij bevelen aan:" announces recommendations)."""
    if intro.search(block.text):
        return True
    text = block.text.strip()
    is_lead_in = text.endswith(":") or (
        len(text) < 80 and len(text.split()) <= 6 and not text.endswith((".", "!", "?", ";"))
    )
    return is_lead_in and lead_in.search(_SENTENCE_END.split(text)[-1]) is not None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@cache
def _item_marks() -> tuple[str, ...]:
    return tuple(load_yaml("labels.yml")["item_marks"])


def _is_item(block: Block) -> bool:
    """A list item, or a line opened by a check mark ("✅ een raadsavond"), as a post writes a
    list without list markup, or by a check box ("☒ een cursus", "[ ] een podcast"), as a form
    does."""
    return block.kind == "list_item" or block.text.startswith(_item_marks()) or opens_with_box(block.text)


def _item_kind(block: Block) -> tuple[str, bool]:
    return block.kind, block.number is not None


def _may_announce(block: Block, first_item: Block) -> bool:
    """Any line but an item; a numbered agenda item only above bullets of its own
    ("5. Op de rol (in voorbereiding)" / "- Werkbezoek ...")."""
    if not _is_item(block):
        return True
    return block.number is not None and first_item.kind == "list_item" and first_item.number is None


def _item_texts(block: Block) -> list[tuple[int, str]]:
    """The item's offset and text without a check mark that opens it; of a check-box line only
    its ticked items ("☐ een regiodag" is an option nobody chose)."""
    ticked = ticked_spans(block.text)
    if ticked is not None:
        # "✔️ een cursus": a tick written as an emoji keeps its variation selector.
        items = [(start, block.text[start:end].lstrip("\ufe0f ")) for start, end in ticked]
        return [(end - len(text), text) for (_, end), (_, text) in zip(ticked, items, strict=True)]
    mark = next((m for m in _item_marks() if block.text.startswith(m)), "")
    text = block.text[len(mark) :].lstrip(" \ufe0f")
    return [(len(block.text) - len(text), text)]


@cache
def _programmes_in_prose() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_yaml("labels.yml")
    return (
        re.compile(rules["programmes_in_prose"], re.IGNORECASE),
        re.compile(rules["programmes_in_prose_separator"], re.IGNORECASE),
    )


def _programmes_said_in(ctx: Context, block: Block) -> list[str]:
    """ "We werken aan een X en aan een Y." -> X and Y, each with its article."""
    # The verb ("werken", "Werken") is in every match: a substring test spares most blocks the
    # case-insensitive pattern, which ``re`` tries at every position.
    if "erken " not in block.text:
        return []
    sentence, separator = _programmes_in_prose()
    found = []
    for match in sentence.finditer(block.text):
        found += _items_said(ctx, block, match.start("items"), match.end("items"), separator)
    return found


def _items_said(ctx: Context, block: Block, start: int, end: int, separator: re.Pattern[str]) -> list[str]:
    """The items with an indefinite article in ``block.text[start:end]``, split at ``separator``."""
    found = []
    for gap in [*separator.finditer(block.text, start, end), None]:
        stop = end if gap is None else gap.start()
        item = block.text[start:stop].strip()
        if item.startswith("een "):
            ctx.mention("programme", block.start + start, block.start + start + len(item), "rule:prose")
            found.append(item)
        start = end if gap is None else gap.end()
    return found


# "...: een X en een Y." the items after a colon, to the sentence's end.
_COLON_ITEMS = re.compile(r":\s+(?P<items>een\b[^.!?:;]*)")
_ITEM_GAP = re.compile(r",\s+(?=een\b)|\s+en\s+(?=een\b)")


def _programmes_after_colon(ctx: Context, block: Block, lead_in: AnyCase) -> list[str]:
    """ "De regio bereidt inmiddels een vervolg voor: een X en een Y.": a sentence whose words
    before a colon say its items are being prepared (the list's lead-in words, in prose)."""
    if ": een " not in block.text:  # cheap: most blocks have no such colon
        return []
    found = []
    for match in _COLON_ITEMS.finditer(block.text):
        opening = max(block.text.rfind(mark, 0, match.start()) for mark in ".!?") + 1
        if lead_in.search(block.text[opening : match.start()]) is not None:
            found += _items_said(ctx, block, match.start("items"), match.end("items"), _ITEM_GAP)
    return found


def extract_programmes(ctx: Context) -> list[str]:
    """List items under a sentence that announces programmes 'in voorbereiding', and the new
    things the writers say they are working on or preparing in a sentence."""
    intro, remark, lead_in = _programme_patterns()
    blocks = ctx.document.blocks
    programmes: list[str] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "list_item" or (
            # A list's lead-in ("we werken aan een vervolg. In de pijplijn:") names no programme.
            following is not None and _is_item(following) and block.text.rstrip().endswith(":")
        ):
            continue
        programmes += _programmes_said_in(ctx, block) + _programmes_after_colon(ctx, block, lead_in)
    for index, block in enumerate(blocks[:-1]):
        # Only a block right above a list can announce one: most blocks are not (cheap test first).
        first = blocks[index + 1]
        if not _is_item(first) or not _may_announce(block, first):
            continue
        if not _announces_programmes(block, intro, lead_in):
            continue
        for follower in blocks[index + 1 :]:
            if not _is_item(follower) or _item_kind(follower) != _item_kind(first):
                break
            for offset, text in _item_texts(follower):
                name = remark.sub("", text).strip().rstrip(".;")
                if name and name not in programmes:
                    programmes.append(name)
                    start = follower.start + offset
                    ctx.mention("programme", start, start + len(name), "rule:list")
    return programmes
