"""Dutch person names: cleaning, scoring and finding them in running text.

The approach is the one rule-based Dutch de-identifiers use (deduce, among others): read
the text as tokens and accept a name when a pattern of evidence fits, without a trained
model. Evidence, all kept as data in ``rules/``:

- a known first name (``first_names.txt``) or initials (``J.P.``) followed by an optional
  surname particle (``tussenvoegsels.txt``: van, van der, le, in 't, ...) and a capitalised
  surname, which may be double-barrelled (``Popering-Verkerk``, ``Jansen-de Vries``);
- a title (``titles.txt``: dr., dhr., mevr.) or a role used as a title (``roles.yml``:
  "wethouder", "minister") before a name, which then needs no known first name;
- a context cue (``person_context.yml``): a label line ("Begeleiding: ..."), a lead-in
  ("aldus", "welkom door", "contact op met") or a list line "Name, role ...".

Names are written as a person would: titles, "o.a." and brackets go; particles are lower
case after a first name or initials ("Piet in 't Veld") and capitalised when they open
the name ("burgemeester Van der Laan"). Without a first name, a lower-case "van" after a
role is a preposition ("minister van Binnenlandse Zaken"), not a particle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pipeline.recognizers import Found
from pipeline.rules import load_list, load_yaml

SOURCE = "ner:person"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_INITIAL_HEADS = ("Chr", "Th", "Ph", "Ch", "IJ", "Tj", "Sj")  # initials of more than one letter
_INITIAL = rf"(?:{'|'.join(_INITIAL_HEADS)}|[A-Z])\."
_TOKEN = re.compile(
    rf"""
    (?P<skip>(?<![\w.+'-])[\w.+'-]++@[\w.-]+|https?://\S+|www\.\S+)
  | (?P<initials>(?<![\w.]){_INITIAL}(?:[ ]?{_INITIAL})*)
  | (?P<word>[^\W\d_]+(?:'[^\W\d_]+)*(?:-[^\W\d_]+(?:'[^\W\d_]+)*)*)
  | (?P<apos>'[a-z]\b)
  | (?P<newline>\n)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_KINDS = (None, *sorted(_TOKEN.groupindex, key=_TOKEN.groupindex.__getitem__))  # number -> kind
_LINE_MARKERS = {"-", "–", "—", "•", "*", "·", "○", "▪", ">", '"', "“", "”", "'"}
_MAX_GAP = 2  # more spaces than this between words is a column gap in a table, not a name


class _Token:
    """One token of the name tokenizer.

    A plain slotted class, not a frozen dataclass: a frozen dataclass sets each field through
    ``object.__setattr__``, and ``find_people`` makes ~1,800 tokens per report. ``key`` is
    computed once here; as a property it was called ~10,000 times per report (cProfile).
    """

    __slots__ = ("end", "key", "kind", "line_start", "start", "text")

    def __init__(self, text: str, kind: str, start: int, end: int, line_start: bool = False) -> None:
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.line_start = line_start
        """Only list markers ("-", "•", "3.") stand between the start of the line and this token."""
        self.key = text.casefold()


@dataclass(frozen=True, slots=True)
class _Parse:
    start: int
    """Token index of the first name token (after any title or role)."""
    end: int
    given: str
    """'known', 'initials', 'unknown' or '' (no first name)."""
    given_end: int
    particle_end: int
    double: bool
    single_initial: bool = False


# Phrases as token tuples, grouped by their first word and longest first, so that a lookup
# per token touches only the phrases that can start there.
_Phrases = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class _Lexicon:
    first_names: frozenset[str]
    particles: _Phrases
    particle_words: frozenset[str]
    titles: _Phrases
    roles: _Phrases
    before_name: _Phrases
    before_surname: _Phrases
    surname_prefixes: frozenset[str]
    modifiers: frozenset[str]
    labels: _Phrases
    lead_ins: _Phrases
    not_names: frozenset[str]
    cue_words: frozenset[str] = frozenset()
    """First words of every title, modifier, role before a name, lead-in and label: a word
    outside this set (and not "oud-...") starts no cue, so ``_after_cue`` can skip it."""
    start_words: frozenset[str] = frozenset()
    """``first_names`` and ``cue_words``: a token outside it, without a hyphen, not initials
    and not at a line's start yields no candidate (see ``_may_start_a_name``)."""
    not_given: frozenset[str] = frozenset()
    """Capitalised nouns that open a phrase, never an unknown first name ("Huis van ...")."""
    particles_after_unknown: frozenset[str] = frozenset()
    """First words of the particles that may follow an unknown first name ("van", "ter"); the
    others are prepositions as often ("Meerkerk tot Hagestein", "Leden uit de ...")."""
    not_given_endings: tuple[str, ...] = ()
    not_surname_endings: tuple[str, ...] = ()
    street_endings: tuple[str, ...] = ()
    named_street_endings: tuple[str, ...] = ()
    place_prepositions: frozenset[str] = frozenset()
    """Endings of plurals and abstract nouns ("Leerlingen", "Bewoners", "Vereniging")."""
    determiners: frozenset[str] = frozenset()
    """Words before a noun, never before a name ("de Raad van State", "het Huis van ...")."""
    article_particles: frozenset[str] = frozenset()
    """Particles that are also articles ("de", "het"): after a sentence's first word they
    more often start a noun phrase ("Tijdens de Week") than a surname."""
    org_connectors: frozenset[str] = frozenset()
    """Words between a role and the organisation it serves ("directeur van GGD X Name")."""
    places: frozenset[str] = frozenset()
    """Municipalities and provinces (lower case, as written): a place is no first name nor a
    second surname, and names the body a role serves ("locoburgemeester van Heerde")."""
    org_words: frozenset[str] = frozenset()
    """Heads and suffixes of organisation names and one-word organisations: no surname."""


def _phrases(entries: list[str] | tuple[str, ...], drop: str = "") -> _Phrases:
    """Token tuples by first word, longest first, so the longest phrase wins at a position."""
    grouped: dict[str, set[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(t.key for t in _tokenize(str(entry).translate(_APOSTROPHES)) if t.key != drop)
        if words:
            grouped.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}


@cache
def _lexicon() -> _Lexicon:
    roles = load_yaml("roles.yml")
    context = load_yaml("person_context.yml")
    dates = load_yaml("dates.yml")
    particles = _phrases(load_list("tussenvoegsels.txt"))
    titles = _phrases(load_list("titles.txt"), drop=".")
    role_phrases = _phrases(roles["roles"])
    not_names = {w.casefold() for w in context["not_names"]}
    # Whole words only: "van", "de" (from "lid van de gemeenteraad") and "jan" (January) stay usable.
    particle_words = {w for group in particles.values() for p in group for w in p}
    role_words = {w for group in role_phrases.values() for phrase in group for w in phrase}
    not_names |= {w for w in role_words if w not in particle_words and len(w) > 3}
    calendar = [*dates["months"], *dates["weekdays"]]
    not_names |= {str(w).casefold() for w in calendar if len(str(w)) > 3}
    before_name = _phrases(roles["before_name"])
    labels = _phrases(context["labels"])
    lead_ins = _phrases(context["lead_ins"])
    modifiers = frozenset(m.casefold() for m in roles.get("modifiers", []))
    first_names = frozenset(unicodedata.normalize("NFC", n).casefold() for n in load_list("first_names.txt"))
    organisations = load_yaml("organisations.yml")
    org_words = {
        str(w).split()[0].casefold()
        for w in [
            *organisations["heads"],
            *organisations["capitalised_heads"],
            *organisations["suffixes"],
            *organisations["named_after_person"],
        ]
    }
    org_words |= {
        str(form).casefold()
        for entry in organisations["organisations"]
        for form in [entry["name"], *(entry.get("aliases") or [])]
        if " " not in str(form)
    }
    return _Lexicon(
        first_names=first_names,
        particles=particles,
        particle_words=frozenset(particle_words),
        titles=titles,
        roles=role_phrases,
        before_name=before_name,
        before_surname=_phrases(roles["before_surname"]),
        surname_prefixes=frozenset(p.casefold() for p in context.get("surname_prefixes", [])),
        modifiers=modifiers,
        labels=labels,
        lead_ins=lead_ins,
        not_names=frozenset(not_names),
        cue_words=frozenset([*titles, *modifiers, *before_name, *lead_ins, *labels]),
        start_words=frozenset([*first_names, *titles, *modifiers, *before_name, *lead_ins, *labels]),
        not_given=frozenset(w.casefold() for w in context.get("not_given_names", [])),
        particles_after_unknown=frozenset(w.casefold() for w in context.get("particles_after_unknown", [])),
        not_given_endings=tuple(w.casefold() for w in context.get("not_given_endings", [])),
        not_surname_endings=tuple(w.casefold() for w in context.get("not_surname_endings", [])),
        street_endings=tuple(w.casefold() for w in context.get("street_endings", [])),
        named_street_endings=tuple(w.casefold() for w in context.get("named_street_endings", [])),
        place_prepositions=frozenset(w.casefold() for w in context.get("place_prepositions", [])),
        determiners=frozenset(w.casefold() for w in context.get("determiners", [])),
        article_particles=frozenset(w.casefold() for w in context.get("article_particles", [])),
        org_connectors=frozenset(w.casefold() for w in context.get("organisation_connectors", [])),
        places=_places(),
        org_words=frozenset(org_words),
    )


def _places() -> frozenset[str]:
    """Every written form of a municipality or a province, in lower case."""
    from pipeline.register import default_register

    register = default_register()
    forms = {p.casefold() for p in register.phrases()}
    forms |= {f.casefold() for p, fs in register.province_forms().items() for f in [p, *fs] if len(f) > 3}
    return frozenset(forms)


def _tokenize(text: str, pos: int = 0, endpos: int | None = None) -> list[_Token]:
    """The tokens of ``text[pos:endpos]``, with offsets into ``text``.

    ``pos`` must be 0 or a newline's offset: tokens never span a newline, so a line read
    alone gives the tokens it has in the whole text."""
    # The hottest loop of a report (~1,800 tokens): kinds by group number, not by name, and
    # a possessive "++" in the email alternative, which otherwise backtracked through every
    # word looking for an "@" (together 2.2 -> 1.9 ms per report, bench corpus).
    tokens: list[_Token] = []
    append = tokens.append
    markers_only = True  # so far on this line
    matches = _TOKEN.finditer(text, pos) if endpos is None else _TOKEN.finditer(text, pos, endpos)
    for match in matches:
        kind = _KINDS[match.lastindex]  # type: ignore[index]
        word = match.group()
        if kind == "newline":
            append(_Token(word, kind, match.start(), match.end(), False))
            markers_only = True
            continue
        append(_Token(word, kind, match.start(), match.end(), markers_only))
        # Once a line holds a real word it stays so: the tests below only run until then.
        if markers_only and word not in _LINE_MARKERS and not word.isdigit() and word != ".":
            markers_only = False
    return tokens


def _prepare(text: str) -> str:
    """NFC and straight apostrophes; both keep every offset where it was."""
    text = unicodedata.normalize("NFC", text) if not unicodedata.is_normalized("NFC", text) else text
    return text.translate(_APOSTROPHES)


# "mw. A. (Anke) Verbunt", "T. (Tjeerd) Bakels": initials with the first name they stand for in
# brackets. The person is "Anke Verbunt"; the brackets hold no organisation.
_BRACKETED_GIVEN = re.compile(
    rf"(?<![\w.])(?:{_INITIAL} ?)+\((?P<given>[^\W\d_][^\W\d_'-]+(?:-[^\W\d_]+)?)\)(?= \w)"
)


def given_for_initials(text: str) -> str:
    """Initials followed by their first name in brackets become that first name."""
    return _BRACKETED_GIVEN.sub(r"\g<given>", text) if ". (" in text else text


def _blank_initials_before_given(text: str) -> tuple[str, dict[int, int]]:
    """:func:`given_for_initials` for running text, keeping every offset: the initials and
    brackets become spaces. Also gives, for each such first name's offset, where its
    initials start (so the name as written still begins with them)."""
    if ". (" not in text:
        return text, {}
    openers: dict[int, int] = {}

    def blank(match: re.Match[str]) -> str:
        start, given = match.start("given"), match["given"]
        openers[start] = match.start()
        return " " * (start - match.start()) + given + " "

    return _BRACKETED_GIVEN.sub(blank, text), openers


# ----------------------------------------------------------------------------- token tests


def _adjacent(tokens: list[_Token], i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` on the same line with at most a small gap."""
    if i <= 0 or i >= len(tokens):
        return False
    return tokens[i].start - tokens[i - 1].end <= _MAX_GAP


def _is_capitalised(token: _Token) -> bool:
    text = token.text
    if token.kind != "word" or not any(c.islower() for c in text):
        return False
    # "d'Ancona", "l'Ami": a lower-case elided particle glued to a capitalised name.
    if len(text) > 2 and text[1] == "'" and text[0].islower():
        return text[2].isupper()
    return text[0].isupper()


def _is_first_name(token: _Token, lex: _Lexicon) -> bool:
    # The set lookups first: most words are no first name, and they are cheaper than the case test.
    key = token.key
    if key not in lex.first_names and (
        "-" not in key or not all(p in lex.first_names for p in key.split("-"))
    ):
        return False
    return _is_capitalised(token)


def _is_surname(token: _Token, lex: _Lexicon) -> bool:
    # A determiner opens a sentence after a letter that looks like an initial: "A, B en C. Ieder
    # gesprek duurde ..." names nobody.
    return (
        _is_capitalised(token)
        and token.key not in lex.not_names
        and token.key not in lex.particle_words
        and token.key not in lex.determiners
        and not any(p in lex.not_names for p in token.key.split("-"))
    )


def _match_phrase(tokens: list[_Token], i: int, phrases: _Phrases) -> int | None:
    """End index of the longest phrase that starts at token ``i`` (words on one line)."""
    if i >= len(tokens):
        return None
    for phrase in phrases.get(tokens[i].key, ()):
        end = i + len(phrase)
        if end > len(tokens):
            continue
        if all(tokens[i + k].key == w for k, w in enumerate(phrase)) and all(
            _adjacent(tokens, k) for k in range(i + 1, end)
        ):
            return end
    return None


def _skip_titles(tokens: list[_Token], i: int, lex: _Lexicon) -> int:
    """Past any titles at ``i`` ("prof. dr. ir.", "dhr", "de heer"); the dots are optional."""
    while i < len(tokens):
        end = None
        for title in lex.titles.get(tokens[i].key, ()):
            j, ok = i, True
            for word in title:
                if j < len(tokens) and tokens[j].key == word:
                    j += 1
                    if j < len(tokens) and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end:
                        j += 1
                else:
                    ok = False
                    break
            if ok:
                end = j
                break
        if end is None:
            return i
        i = end
    return i


def _skip_role(tokens: list[_Token], i: int, lex: _Lexicon, phrases: _Phrases) -> int | None:
    """Past a role with its modifiers at ``i`` ("senior adviseur", "oud-wethouder"), or None."""
    j = i
    while j < len(tokens) and tokens[j].key in lex.modifiers:
        j += 1
    if j < len(tokens) and tokens[j].key.startswith("oud-"):
        rest = _tokenize(tokens[j].text[4:])
        if rest and _match_phrase(rest, 0, phrases) == 1:
            return j + 1
    return _match_phrase(tokens, j, phrases)


# ----------------------------------------------------------------------------- parsing


def _parse(
    tokens: list[_Token],
    i: int,
    lex: _Lexicon,
    *,
    need_given: bool,
    unknown_given: bool,
    lower_particle: bool,
) -> _Parse | None:
    """The name that starts at token ``i``, trying the longest first-name run first."""
    if i >= len(tokens):
        return None
    if tokens[i].kind == "initials":
        parse = _parse_rest(tokens, i, i + 1, "initials", lex, lower_particle)
        return replace(parse, single_initial=tokens[i].text.count(".") == 1) if parse else None
    run = i
    while (
        run < min(len(tokens), i + 3)
        and _is_first_name(tokens[run], lex)
        and (run == i or _adjacent(tokens, run))
    ):
        run += 1
    if run > i:
        for given_end in range(run, i, -1):
            parsed = _parse_rest(tokens, i, given_end, "known", lex, lower_particle)
            if parsed:
                return parsed
    if unknown_given and _is_surname(tokens[i], lex) and not _opens_a_body(tokens[i], lex):
        parsed = _parse_rest(tokens, i, i + 1, "unknown", lex, lower_particle)
        if parsed:
            return parsed
    if need_given:
        return None
    return _parse_rest(tokens, i, i, "", lex, lower_particle)


def _opens_a_body(token: _Token, lex: _Lexicon) -> bool:
    """ "woordvoerder Metropoolregio Eindhoven", "adviseur Regio Twente": the head of an
    organisation's name (or "Gemeente") before its place is no unknown first name."""
    return token.key in lex.org_words or token.key in lex.not_given


def _parse_rest(
    tokens: list[_Token], start: int, given_end: int, given: str, lex: _Lexicon, lower_particle: bool
) -> _Parse | None:
    """Particles and a surname after the first-name part ends at ``given_end``."""
    k = given_end
    if given and not _adjacent(tokens, k):
        return None
    particle_end = _match_phrase(tokens, k, lex.particles) if k < len(tokens) else None
    if particle_end is not None:
        # Without a first name only a capitalised particle opens a name ("Van der Laan").
        if not given and not lower_particle and tokens[k].text[0].islower():
            return None
        k = particle_end
        if not _adjacent(tokens, k):
            return None
    # "Fatima el Idrissi": after a first name, a surname prefix may be written in lower case.
    lower_prefix = bool(given) and k < len(tokens) and tokens[k].text.islower()
    if (
        k >= len(tokens)
        or not (_is_surname(tokens[k], lex) or lower_prefix)
        or (k > start and not _adjacent(tokens, k))
    ):
        return None
    if tokens[k].key in lex.surname_prefixes and _adjacent(tokens, k + 1) and _is_surname(tokens[k + 1], lex):
        k += 1  # "El Khatib", "Ben Ali", "el Idrissi": one surname of two words
    elif lower_prefix:
        return None
    k += 1
    double = "-" in tokens[k - 1].text
    # "Jansen-de Vries", "Popering-van der Berg", "Hilbrink-Oude Luttikhuis": a particle or a
    # surname prefix after the hyphen takes the next word.
    while k < len(tokens) and "-" in tokens[k - 1].key and _opens_next_word(tokens[k - 1].key, lex):
        nxt = _match_phrase(tokens, k, lex.particles) or k
        if nxt >= len(tokens) or not _adjacent(tokens, nxt) or not _is_surname(tokens[nxt], lex):
            break
        k = nxt + 1
    single_surname = given in ("known", "initials") and particle_end is None and k == given_end + 1
    if single_surname and not double and _second_surname(tokens, k, lex):
        k += 1  # "Eddy Habben Jansen": a double surname without a hyphen
    return _Parse(start, k, given, given_end, particle_end or given_end, double)


def _opens_next_word(key: str, lex: _Lexicon) -> bool:
    last = key.rsplit("-")[-1]
    return last in lex.particle_words or last in lex.surname_prefixes


def _second_surname(tokens: list[_Token], k: int, lex: _Lexicon) -> bool:
    """Token ``k``, right after a first name and a surname, is a second surname: a capitalised
    word one space on, that is no first name, place, organisation word, role, month or
    other non-name, and is not followed by yet another capitalised word ("Jan Smit Bouw Advies")."""
    if k >= len(tokens) or tokens[k].start - tokens[k - 1].end != 1:
        return False
    token = tokens[k]
    if (
        not _is_surname(token, lex)
        or _skip_titles(tokens, k, lex) > k  # "Ilse Kramer MSc": letters after the name
        or _is_first_name(token, lex)
        or token.key in lex.places
        or token.key in lex.org_words
        or token.key in lex.not_given
    ):
        return False
    nxt = k + 1
    return not (nxt < len(tokens) and _adjacent(tokens, nxt) and _is_capitalised(tokens[nxt]))


def _render(tokens: list[_Token], parse: _Parse) -> str:
    """The name as a person writes it: "J.P. de Vries", "Piet in 't Veld", "Van der Laan"."""
    words: list[str] = []
    for index in range(parse.start, parse.end):
        token = tokens[index]
        text = token.text
        if token.kind == "initials":
            text = text.replace(" ", "")
        elif parse.given_end <= index < parse.particle_end:
            text = text.lower()
            if not parse.given and index == parse.start:
                text = text[:1].upper() + text[1:]
        previous = tokens[index - 1]
        if index > parse.start and token.start == previous.end and previous.kind != "initials":
            words[-1] += text
        else:
            words.append(text)
    return " ".join(words)


def _score(parse: _Parse) -> float:
    base = {"known": 0.9, "initials": 0.8, "unknown": 0.5}.get(parse.given, 0.1)
    has_particle = parse.particle_end > parse.given_end
    if parse.given == "initials" and parse.single_initial and not has_particle:
        base = 0.7  # "K. Jansen" is a name, "B. Doel" a list item: one initial is weaker evidence
    if not parse.given and has_particle:
        base = 0.45
    bonus = 0.05 if parse.double or has_particle else 0.0
    return round(min(base + bonus, 0.97), 2)


# ----------------------------------------------------------------------------- public API

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_OA = re.compile(r"(?<!\w)(?:o\.a\.|oa\.|onder andere)(?!\w)", re.IGNORECASE)
# "Fenna Huisman (16), jongerenraadslid", "jongerenraadslid, 16 jaar, Druten": an age is neither
# role nor organisation; it still separates what stands on either side of it.
_AGE = re.compile(r"\s*\(\d{1,3}(?: jaar)?\)|,\s*\d{1,3} jaar(?=,|$)")
_SEPARATOR = re.compile(r"\s*(?:[,;(|]|\s[-–—]\s)\s*")
_EDGE_JUNK = " \t\r\n-–—•*·,;:!?\"“”'()[]"


def _strip(text: str) -> str:
    text = _OA.sub(" ", _BRACKETS.sub(" ", given_for_initials(_prepare(text))))
    return " ".join(text.split()).strip(_EDGE_JUNK)


# Pure (the lexicon is built once per process) and asked again for the names a report repeats:
# as facilitator, contact, speaker and in the people list (a third of the calls, bench corpus).
@lru_cache(maxsize=4096)
def clean_person_name(text: str) -> str | None:
    """The name in ``text`` as a person writes it, or None when it is not a plausible name.

    Titles, "o.a.", brackets, a leading role and trailing punctuation are removed; details
    after a comma or dash are dropped ("Ko Scheele, wethouder" -> "Ko Scheele").
    """
    parsed = _parse_whole(text)
    return _render(*parsed) if parsed else None


def _parse_whole(text: str) -> tuple[list[_Token], _Parse] | None:
    """The parse of a string that is one name and nothing else (titles and roles aside)."""
    text = _SEPARATOR.split(_strip(text), maxsplit=1)[0].rstrip(".").strip(_EDGE_JUNK)
    lex = _lexicon()
    tokens = _tokenize(text)
    i = _skip_titles(tokens, 0, lex)
    i = _skip_role(tokens, i, lex, lex.roles) or i
    i = _skip_titles(tokens, i, lex)
    parse = _parse(tokens, i, lex, need_given=False, unknown_given=True, lower_particle=True)
    if parse is None or _skip_titles(tokens, parse.end, lex) < len(tokens):
        return None
    # A trailing initial written after the surname ("Jansen, J.") was cut above; a lone
    # surname longer than a few words is not a name.
    return (tokens, parse) if parse.end - parse.start <= 7 else None


def looks_like_person(text: str) -> float:
    """How much ``text`` looks like a person's name, 0.0 to 1.0.

    A known first name or initials plus a capitalised surname score high (0.8-0.95), an
    unknown capitalised first word plus surname 0.5, a particle and surname alone 0.45,
    a single capitalised word 0.1 (0.3 for a known first name); anything else 0.0.
    """
    parsed = _parse_whole(text)
    if parsed is None:
        return 0.0
    tokens, parse = parsed
    if parse.end - parse.start == 1 and _is_first_name(tokens[parse.start], _lexicon()):
        return 0.3
    return _score(parse)


# ----------------------------------------------------------------------------- running text


def find_people(text: str) -> list[Found]:
    """Person names in running text, each once, the longest reading winning.

    No name spans a line (every test below stops at a newline token), so only the lines
    :func:`_may_hold_a_name` lets through are tokenized and parsed: about one line in five
    (bench corpus and test corpus), which took this from ~3.0 to ~1.2 ms CPU per report.
    """
    prepared, openers = _blank_initials_before_given(_prepare(text))
    return _find_in_spans(text, prepared, _lines_that_may_hold_names(prepared), openers)


def _find_in_spans(
    text: str, prepared: str, spans: Iterable[tuple[int, int]], openers: dict[int, int] | None = None
) -> list[Found]:
    """The names in each ``(pos, endpos)`` span of ``prepared``: whole lines, each with the
    newlines around it. ``[(0, len(prepared))]`` reads the whole text at once (tests).
    ``openers``: where a name found at an offset really starts in ``text`` (its initials)."""
    lex = _lexicon()
    openers = openers or {}
    found = []
    for pos, endpos in spans:
        tokens = _tokenize(prepared, pos, endpos)
        for parse, confidence in _names_in_tokens(tokens, lex):
            start, end = tokens[parse.start].start, tokens[parse.end - 1].end
            start = openers.get(start, start)
            value = _render(tokens, parse)
            found.append(Found("PERSON", start, end, text[start:end], value, SOURCE, confidence))
    return found


def _names_in_tokens(tokens: list[_Token], lex: _Lexicon) -> _Scored:
    """Every candidate name in ``tokens``, then the longest of overlapping ones, by position."""
    candidates: list[tuple[_Parse, float]] = []
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if _may_start_a_name(token, lex):
            candidates.extend(_candidates_at(tokens, i, lex))
        if (
            i < last
            and tokens[i + 1].key in lex.particles_after_unknown
            and token.text[:1].isupper()
            and token.key not in lex.first_names
        ):
            candidates.extend(_unknown_given_and_particle(tokens, i, lex))
    kept = _longest_first(candidates, len(tokens))
    partners = [p for parse, _ in kept if (p := _partner_after(tokens, parse, lex))]
    return _longest_first(kept + partners, len(tokens)) if partners else kept


def _longest_first(candidates: _Scored, size: int) -> _Scored:
    """The longest of overlapping candidates, then the surer; by position."""
    kept: list[tuple[_Parse, float]] = []
    taken = bytearray(size)  # tokens already inside a kept name
    for parse, confidence in sorted(candidates, key=lambda c: (c[0].start - c[0].end, -c[1], c[0].start)):
        if not any(taken[parse.start : parse.end]):
            kept.append((parse, confidence))
            taken[parse.start : parse.end] = b"\x01" * (parse.end - parse.start)
    return sorted(kept, key=lambda c: c[0].start)


def _partner_after(tokens: list[_Token], parse: _Parse, lex: _Lexicon) -> tuple[_Parse, float] | None:
    """ "geleid door Jeroen Brinkhuis en Aylin Demir (beiden ...)": after a person and "en", a
    first name the list does not know and a capitalised surname name a second person, unless a
    capitalised word follows (a body's name: "Anna Bos en Natuur en Milieu Overijssel")."""
    j = parse.end
    if parse.given != "known" or j + 2 >= len(tokens) or tokens[j].key not in ("en", "&"):
        return None
    first = tokens[j + 1]
    if first.key in lex.first_names or not _may_be_unknown_given(first, lex) or _opens_a_body(first, lex):
        return None
    partner = _parse_rest(tokens, j + 1, j + 2, "unknown", lex, lower_particle=True)
    if partner is None or partner.end - partner.start < 2 or _capitalised_next(tokens, partner.end):
        return None
    if tokens[partner.end - 1].key in lex.places:
        return None  # "Jan Smit en Noord Brabant"
    return partner, max(0.7, _score(partner))


# ----------------------------------------------------------------------------- line filter
#
# Which lines can hold a name, decided with str methods, set tests and a few regexes per line
# instead of a Python object per token. Each test below is a superset of one way
# ``_names_in_tokens`` finds a name; a line that passes none of them yields nothing there
# (tests/test_recognizer_names.py checks this against reading the whole text at once).

_TRAILING_LETTERS = re.compile(r"[^\W\d_]+$")
_INITIAL_LETTERS = re.compile(rf"{'|'.join(_INITIAL_HEADS)}|[A-Z]")
# Initials without the lookbehind, and more: a pattern that opens with [A-Z] is tried only
# where a capital stands (0.15 -> 0.05 ms per report against _INITIAL itself).
_INITIALS_HINT = r"[A-Z][A-Za-z]{0,2}\."
assert all(re.fullmatch(r"[A-Z][A-Za-z]{0,2}", head) for head in _INITIAL_HEADS)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*(?:-[^\W\d_]+(?:'[^\W\d_]+)*)*")
_LETTER = re.compile(r"[^\W\d_]")


class _WordsOnly(dict[int, int]):
    """A ``str.translate`` table that keeps the letters of ``_WORD``, "'", "-" and newlines,
    and turns everything else into a space; filled in as characters are first seen."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        self[code] = code if char in "'-\n" or _LETTER.match(char) else 32
        return self[code]


_WORDS_ONLY = _WordsOnly()


@dataclass(frozen=True)
class _LineHints:
    initials: re.Pattern[str]
    """Initials, and more ("J.P.", "Chr.", "IJ."): no lookbehind, so it scans fast."""
    before_particle: re.Pattern[str]
    """A word that starts with a letter outside a-z, a gap of one or two and a particle of
    ``particles_after_unknown`` ("Rijk van Walsem"): group 1 the word, group 2 the particle."""
    list_entry: re.Pattern[str]
    """A line's first words, each capitalised or a lower-case particle or surname prefix,
    then "," or "(" (``_list_line``: "- Jan de Vries, wethouder")."""
    cue_words: frozenset[str]
    """The one-word titles, roles before a name and lead-ins."""
    cue_phrases: tuple[tuple[frozenset[str], re.Pattern[str]], ...]
    """The longer ones ("de heer", "contact op met"): their words, all of which must be on
    the line, and the phrase, to look for in the line in lower case when they are."""
    cue_anchors: dict[str, tuple[tuple[frozenset[str], re.Pattern[str]], ...]] | None
    """``cue_phrases`` by their longest word: no phrase is on a line without its anchor, so
    only the phrases of anchors on the line are tried (None when a phrase has no word at
    all, and every phrase must be tried on every line)."""
    label_words: frozenset[str]
    """First words of labels, which count at a line's start before a colon."""


@cache
def _line_hints() -> _LineHints:
    lex = _lexicon()
    lower = "|".join(
        re.escape(w) for w in sorted({*lex.particle_words, *lex.surname_prefixes}, key=len)[::-1]
    )
    # List markers, numbers and quotes may stand before the first word; so may "²", which
    # the token pattern reads as a letter and ``str.isdigit`` as a digit, hence any non-ASCII.
    markers = r"[^a-zA-Z\n,(]*"
    # An item is what a name's tokens are made of: capitalised (or "d'Ancona"), a particle,
    # "'t", initials.
    item = rf"(?:[^\W\d_a-z]|[a-z]'|(?:{lower})(?![^\W\d_])|['.])(?:[^\W\d_]|['.-])*+"
    particles = "|".join(sorted(lex.particles_after_unknown, key=len)[::-1])
    phrases = [
        p for group in (lex.titles, lex.before_name, lex.lead_ins) for ps in group.values() for p in ps
    ]
    cues = [frozenset(w for w in phrase if _WORD.fullmatch(w)) for phrase in phrases]
    cue_phrases = tuple((c, _phrase_pattern(p)) for c, p in zip(cues, phrases, strict=True) if len(c) != 1)
    return _LineHints(
        initials=re.compile(_INITIALS_HINT),
        # The word's first letter is read as A-Z or any non-ASCII character (a plain set, so
        # ``re`` skips to the next one instead of trying the pattern at every position: 0.41
        # -> 0.22 ms per report, bench corpus), then checked to be a letter other than a-z.
        before_particle=re.compile(
            rf"([A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])(?<![^\W\d_].)(?:[^\W\d_]|')*)"
            rf"[^\S\n]{{1,{_MAX_GAP}}}({particles})(?![^\W\d_])"
        ),
        list_entry=re.compile(rf"{markers}{item}(?:[^\S\n]++{item})*+[^\S\n]*+[,(]"),
        cue_words=frozenset(next(iter(c)) for c in cues if len(c) == 1),
        cue_phrases=cue_phrases,
        cue_anchors=None if frozenset() in cues else _by_anchor(cue_phrases),
        label_words=frozenset(lex.labels),
    )


def _by_anchor(
    phrases: tuple[tuple[frozenset[str], re.Pattern[str]], ...],
) -> dict[str, tuple[tuple[frozenset[str], re.Pattern[str]], ...]]:
    grouped: dict[str, list[tuple[frozenset[str], re.Pattern[str]]]] = {}
    for words, pattern in phrases:
        grouped.setdefault(max(sorted(words), key=len), []).append((words, pattern))
    return {anchor: tuple(group) for anchor, group in grouped.items()}


def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A phrase's tokens in text: a glued "." (titles) and any gap but a newline between them."""
    return re.compile(r"\.?[^\S\n]*".join(map(re.escape, phrase)))


def _lines_that_may_hold_names(text: str) -> Iterator[tuple[int, int]]:
    """``(pos, endpos)`` of each line that may hold a name, with the newline before and after
    it: ``_names_in_tokens`` looks one token back, and a newline token ends every parse."""
    hints = _line_hints()
    lex = _lexicon()
    start = 0
    # One translation of the whole text: character for character, so its lines are the text's.
    for line, words in zip(text.split("\n"), text.translate(_WORDS_ONLY).split("\n"), strict=True):
        end = start + len(line)
        if _may_hold_a_name(line, words, hints, lex):
            yield (start - 1 if start else 0, end + 1 if end < len(text) else end)
        start = end + 1


def _may_hold_a_name(line: str, words: str, hints: _LineHints, lex: _Lexicon) -> bool:
    """``words`` is ``line`` with every character but letters, "'" and "-" made a space."""
    keys = set(words.casefold().split())
    if not keys:
        return False
    if "-" in words or "'" in words:
        for chunk in words.split():
            if "-" in chunk or "'" in chunk:
                word = chunk.strip("'-")
                if "-" in word:
                    return True  # a double first name or "oud-wethouder"
                keys.add(word.casefold())
                keys |= _tails(word)  # "a@b.nl'Jan": the name tokenizer may start after the "'"
    if not (keys.isdisjoint(lex.first_names) and keys.isdisjoint(hints.cue_words)):
        return True
    if any(
        phrase_words <= keys and phrase.search(line.casefold())
        for phrase_words, phrase in _cues_on(keys, hints)
    ):
        return True
    if ":" in line and _first_word(words.split()).casefold() in hints.label_words:
        return True
    if ("." in line and hints.initials.search(line)) or hints.list_entry.match(line):
        return True
    return not keys.isdisjoint(lex.particles_after_unknown) and any(
        _may_open_unknown_name(line, m, lex) for m in hints.before_particle.finditer(line)
    )


def _cues_on(keys: set[str], hints: _LineHints) -> Iterator[tuple[frozenset[str], re.Pattern[str]]]:
    """The longer cue phrases whose anchor word is among ``keys`` (all, without anchors)."""
    if hints.cue_anchors is None:
        yield from hints.cue_phrases
        return
    for anchor in keys & hints.cue_anchors.keys():
        yield from hints.cue_anchors[anchor]


def _first_word(chunks: list[str]) -> str:
    """The first chunk that is no list marker ("-", "'", "²")."""
    return next((word for chunk in chunks if (word := chunk.strip("'-")) and not word.isdigit()), "")


def _may_open_unknown_name(line: str, match: re.Match[str], lex: _Lexicon) -> bool:
    """Whether ``_names_in_tokens`` may try ``_unknown_given_and_particle`` on this match."""
    start = match.start(1)
    if start and line[start - 1] in "-'":
        return True  # the token may start further back than the match: no judgement here
    word, particle = match.group(1), match.group(2)
    if word.endswith("'"):
        return False  # a "'" token stands between the word and the particle
    token = _Token(word, "word", 0, len(word))
    if not word[0].isupper() or token.key in lex.first_names or not _may_be_unknown_given(token, lex):
        return False
    return particle not in lex.article_particles or not _certainly_a_sentence_start(line, start)


def _certainly_a_sentence_start(line: str, start: int) -> bool:
    """The token before the one at ``start`` is none, not adjacent, or one of ``_SENTENCE_END``
    (as ``_unknown_given_and_particle`` decides); False where that is not certain."""
    before = line[:start].rstrip()
    if not before or start - len(before) > _MAX_GAP:
        return True
    if before[-1] not in _SENTENCE_END:
        return False
    chunk = before.rsplit(None, 1)[-1]
    if len(chunk) == 1:
        return True
    # "worden. Ook de ...": a "." after a word is a token of its own, unless it ends initials,
    # an email address or a link.
    run = _TRAILING_LETTERS.search(chunk[:-1])
    return (
        chunk[-1] == "."
        and run is not None
        and not _INITIAL_LETTERS.fullmatch(run.group())
        and not any(mark in chunk for mark in ("@", "/", "www."))
    )


def _tails(word: str) -> set[str]:
    """ "a'b'c" -> {"b'c", "c"}, folded: the words that start after each apostrophe."""
    pieces = word.casefold().split("'")
    return {"'".join(pieces[k:]) for k in range(1, len(pieces))}


def _may_start_a_name(token: _Token, lex: _Lexicon) -> bool:
    """False only where ``_candidates_at`` surely finds nothing: initials, a first name, a cue
    word and a capitalised word at a line's start may open a candidate, a hyphenated word may
    be a double first name or "oud-wethouder". One token in seven passes (bench corpus),
    which spares the rest a function call each."""
    return token.line_start or token.kind == "initials" or token.key in lex.start_words or "-" in token.key


def _candidates_at(tokens: list[_Token], i: int, lex: _Lexicon) -> list[tuple[_Parse, float]]:
    token = tokens[i]
    out: list[tuple[_Parse, float]] = []
    if token.kind == "initials" or _is_first_name(token, lex):
        parse = _parse(tokens, i, lex, need_given=True, unknown_given=False, lower_particle=True)
        if (
            parse
            and not _lone_initial_at_line_start(tokens, parse)
            and not _street_after_article(tokens, parse, lex)
        ):
            out.append((parse, _score(parse)))
    if token.kind == "word":
        # Most words start no cue: the set test spares them the phrase lookups (about a third
        # of find_people's time before, by cProfile on the bench corpus).
        if token.key in lex.cue_words or token.key.startswith("oud-"):
            out.extend(_after_cue(tokens, i, lex))
        if token.line_start and _is_capitalised(token):
            out.extend(_list_line(tokens, i, lex))
    return out


_SENTENCE_END = frozenset('.!?:;"“”‘’(')


def _unknown_given_and_particle(tokens: list[_Token], i: int, lex: _Lexicon) -> _Scored:
    """ "Rijk van Walsem": a capitalised word that is no known first name, then a particle in
    lower case and a surname. Not after a determiner or another capitalised word ("de Raad van
    State", "Nationale Week van ..."), not a noun that opens such phrases ("Huis van ..."), not
    a place ("Land van Cuijk"); at a sentence's start not before an article ("Tijdens de Week")."""
    token = tokens[i]
    if (
        not _may_be_unknown_given(token, lex)
        or not tokens[i + 1].text.islower()
        or tokens[i + 1].key not in lex.particles_after_unknown
    ):
        return []
    previous = tokens[i - 1] if i > 0 and _adjacent(tokens, i) else None
    sentence_start = previous is None or previous.kind == "newline" or previous.text in _SENTENCE_END
    if previous is not None and previous.kind == "word" and _opens_no_person(previous, lex):
        return []
    if sentence_start and tokens[i + 1].key in lex.article_particles:
        return []
    parse = _parse_rest(tokens, i, i + 1, "unknown", lex, lower_particle=True)
    if parse is None or parse.particle_end == parse.given_end:
        return []
    surname = tokens[parse.particle_end]
    rest = " ".join(t.key for t in tokens[parse.particle_end : parse.end])
    if rest in lex.places or surname.key in lex.places or _is_first_name(surname, lex):
        return []  # "Land van Cuijk", "Leerlingen van het Willem (de Zwijger College)"
    if surname.key.endswith(lex.not_surname_endings) or _capitalised_next(tokens, parse.end):
        return []  # "Studiereis van Zeeuwse raadsleden", "Aanbod van Groninger Dorpen"
    return [(parse, _score(parse))]


def _opens_no_person(previous: _Token, lex: _Lexicon) -> bool:
    """The word before "X van Y" makes it no person: a capitalised word or an acronym ("de
    Raad van State", "EGTS Linieland van Waas"), a determiner, or a word of place ("bij Sas van
    Gent", "inwoners van Sas van Gent")."""
    return (
        _is_capitalised(previous)
        or _is_acronym(previous)
        or previous.key in lex.determiners
        or (previous.text.islower() and previous.key in lex.place_prepositions)
    )


def _capitalised_next(tokens: list[_Token], k: int) -> bool:
    """A capitalised word right after the name: a longer proper name ("Groninger Dorpen")."""
    return k < len(tokens) and tokens[k].start - tokens[k - 1].end == 1 and _is_capitalised(tokens[k])


def _may_be_unknown_given(token: _Token, lex: _Lexicon) -> bool:
    """What ``_unknown_given_and_particle`` asks of the word itself (the line filter asks it too)."""
    return not (
        token.kind != "word"
        or len(token.text) < 3
        or "-" in token.key
        or token.key in lex.not_given
        or token.key.endswith(lex.not_given_endings)
        or token.key in lex.places
        or not _is_surname(token, lex)
    )


def _lone_initial_at_line_start(tokens: list[_Token], parse: _Parse) -> bool:
    """ "A. Inleiding" is a lettered list item, not a person, unless a particle follows."""
    return (
        parse.given == "initials"
        and parse.single_initial
        and parse.particle_end == parse.given_end
        and tokens[parse.start].line_start
    )


def _after_cue(tokens: list[_Token], i: int, lex: _Lexicon) -> list[tuple[_Parse, float]]:
    """Names after a title, a role, a lead-in or a label ("Begeleiding: A (X) en B")."""
    after_title = _skip_titles(tokens, i, lex)
    if after_title > i:
        parse = _parse(tokens, after_title, lex, need_given=False, unknown_given=True, lower_particle=False)
        if parse is None or not _adjacent(tokens, after_title) or _is_street(tokens, parse, lex):
            return []
        return [(parse, max(0.85, _score(parse)))]
    after_role = _skip_role(tokens, i, lex, lex.before_name)
    if after_role is not None and _adjacent(tokens, after_role):
        parse = _parse(tokens, after_role, lex, need_given=False, unknown_given=True, lower_particle=False)
        if parse is not None and _is_street(tokens, parse, lex):
            return []
        if parse is None:
            behind = _name_behind_organisation(tokens, after_role, lex)
            parse = behind[2] if behind else None
            return [(parse, max(0.75, _score(parse)))] if parse else []
        bare = not parse.given and parse.particle_end == parse.given_end
        if bare and _skip_role(tokens, i, lex, lex.before_surname) is None:
            return []
        return [(parse, max(0.75, _score(parse)))]
    after_lead = _match_phrase(tokens, i, lex.lead_ins)
    if after_lead is not None and _adjacent(tokens, after_lead):
        return _names_in_list(tokens, _skip_titles(tokens, after_lead, lex), lex, single=True)
    after_label = _match_phrase(tokens, i, lex.labels)
    if after_label is not None and tokens[i].line_start and _is_colon(tokens, after_label):
        return _names_in_list(tokens, after_label + 1, lex, single=False)
    return []


def _is_street(tokens: list[_Token], parse: _Parse, lex: _Lexicon) -> bool:
    """ "Burgemeester Jamesplein", "Wethouder Van Essenstraat": a street named after a title or
    role, its last word a compound with a street word."""
    last = tokens[parse.end - 1].key
    return last.endswith(lex.street_endings) and not any(last == e for e in lex.street_endings)


def _street_after_article(tokens: list[_Token], parse: _Parse, lex: _Lexicon) -> bool:
    """ "via de Hannie Schaftweg": an article before a first name and a last word compounded
    with a street word make a street named after a person."""
    before = parse.start - 1
    if before < 0 or tokens[before].key not in lex.determiners or not _adjacent(tokens, parse.start):
        return False
    last = tokens[parse.end - 1].key
    return last.endswith(lex.named_street_endings) and last not in lex.named_street_endings


def _is_acronym(token: _Token) -> bool:
    return token.kind == "word" and len(token.text) > 1 and token.text.isupper()


def _name_behind_organisation(tokens: list[_Token], k: int, lex: _Lexicon) -> tuple[int, int, _Parse] | None:
    """ "(directeur) van GGD Gelderland-Zuid Moniek Pieters", "(locoburgemeester) van Heerde
    Wolbert Meijer": from a connector at ``k``, the organisation's first and end token and the
    name that closes the capitalised run. A known first name marks where the name starts; an
    unknown one counts only after a place, an acronym or an organisation word."""
    if k >= len(tokens) or tokens[k].key not in lex.org_connectors or not _adjacent(tokens, k + 1):
        return None
    j = k + 1
    if tokens[j].key in lex.determiners and _adjacent(tokens, j + 1):
        j += 1
    end = j
    while end < len(tokens) and (end == j or _adjacent(tokens, end)):
        if _is_capitalised(tokens[end]) or _is_acronym(tokens[end]):
            end += 1
            continue
        particle = _match_phrase(tokens, end, lex.particles) if end > j else None
        if particle is None or particle >= len(tokens) or not _is_capitalised(tokens[particle]):
            break
        end = particle
    best = None
    for p in range(j + 1, end):
        if not _is_capitalised(tokens[p]) or tokens[p - 1].key in lex.particle_words:
            continue
        parse = _parse(tokens, p, lex, need_given=True, unknown_given=True, lower_particle=True)
        if parse is None or parse.end != end:
            continue
        if parse.given == "known":
            return j, p, parse
        name_words = tokens[p : parse.end]
        if not any(t.key in lex.places or t.key in lex.not_given for t in name_words) and _names_a_body(
            tokens, j, p, lex
        ):
            best = (j, p, parse)  # "Stichting Present Utrecht" ends in a place: no name
    return best


def _names_a_body(tokens: list[_Token], j: int, p: int, lex: _Lexicon) -> bool:
    """Tokens ``j`` to ``p`` name a municipality, province or organisation by their shape."""
    words = tokens[j:p]
    # An organisation word alone is no body: in "jongerenwerker bij Stichting Jongerenpunt
    # Achterhoek" the capitalised words after "Stichting" are its name, not a person's.
    shaped = len(words) > 1 and (words[0].key in lex.org_words or words[-1].key in lex.org_words)
    return " ".join(t.key for t in words) in lex.places or any(_is_acronym(t) for t in words) or shaped


def _is_colon(tokens: list[_Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].text == ":"


_Scored = list[tuple[_Parse, float]]


def _names_in_list(tokens: list[_Token], i: int, lex: _Lexicon, *, single: bool) -> _Scored:
    """Names from ``i`` to the end of the line, separated by ",", "en", "&" or "/"."""
    out: list[tuple[_Parse, float]] = []
    depth = 0
    expecting = True
    while i < len(tokens) and tokens[i].kind != "newline":
        token = tokens[i]
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and expecting and token.text not in "()":
            i = _skip_titles(tokens, i, lex)
            parse = _parse(tokens, i, lex, need_given=False, unknown_given=True, lower_particle=False)
            if parse and parse.end - parse.start >= 2:
                out.append((parse, max(0.7, _score(parse))))
                if single:
                    break
                i, expecting = parse.end, False
                continue
            if single:
                break
        expecting = depth == 0 and (token.text in {",", "&", "/", ")"} or token.key in {"en", "and"})
        i += 1
    return out


def _list_line(tokens: list[_Token], i: int, lex: _Lexicon) -> list[tuple[_Parse, float]]:
    """ "Name, role ..." or "- Name, ..." at a line's start: a list entry or a quote attribution."""
    parse = _parse(tokens, i, lex, need_given=True, unknown_given=True, lower_particle=False)
    if parse is None or parse.end >= len(tokens) or tokens[parse.end].text not in {",", "("}:
        return []
    nxt = parse.end + 1
    dashed = i > 0 and tokens[i - 1].text in {"-", "–", "—"}
    role = _skip_role(tokens, nxt, lex, lex.roles) is not None
    municipality_word = nxt < len(tokens) and tokens[nxt].key in {"gemeente", "provincie"}
    if dashed or role or municipality_word:
        return [(parse, max(0.7, _score(parse)))]
    return []


# ----------------------------------------------------------------------------- details

_CONNECTOR = re.compile(
    r"^(?:(?:bij|van|vanuit|namens|voor|aan|in|uit|te|at)\s+(?:(?:de|het)\s+)?)", re.IGNORECASE
)


def split_person_details(text: str) -> tuple[str | None, str | None, str | None]:
    """(name, role, organisation) from "Ko Scheele, wethouder gemeente Ommen" and the like.

    The name is cleaned when it is a plausible name, else returned as written; the role is
    in lower case; the organisation is the rest as written ("gemeente Ommen", "VNG"),
    without "o.a." and without a connecting "bij", "van" or "in". Resolving a municipality
    is left to the caller.
    """
    text = " ".join(_OA.sub(" ", _AGE.sub(",", given_for_initials(_prepare(text)))).split()).strip(
        _EDGE_JUNK.replace("()", "")
    )
    if not text:
        return None, None, None
    lead_role, text = _leading_role(text)
    if lead_role and clean_person_name(_SEPARATOR.split(text, maxsplit=1)[0]) is None:
        behind = _organisation_then_name(_SEPARATOR.split(text, maxsplit=1)[0])
        if behind is not None:
            # "locoburgemeester van Heerde Wolbert Meijer": the body the role serves, then the name.
            return behind[1], lead_role, behind[0]
        # "minister van Binnenlandse Zaken": a role and what it serves, no name.
        _, organisation = _role_and_rest(lead_role + " " + text)
        return None, lead_role, organisation
    head, tail = _split_head(text)
    name = clean_person_name(head) or (head.strip(_EDGE_JUNK) or None)
    role, organisation = _role_and_rest(tail)
    return name, lead_role or role, organisation


def _organisation_then_name(text: str) -> tuple[str, str] | None:
    """ "van GGD Gelderland-Zuid Moniek Pieters" -> ("GGD Gelderland-Zuid", "Moniek Pieters")."""
    lex = _lexicon()
    tokens = _tokenize(text)
    behind = _name_behind_organisation(tokens, 0, lex)
    if behind is None or behind[2].end != len(tokens):
        return None
    j, p, parse = behind
    return text[tokens[j].start : tokens[p - 1].end], _render(tokens, parse)


def _leading_role(text: str) -> tuple[str | None, str]:
    """ "wethouder Petra de Groot (Zwolle)", "de locoburgemeester van Heerde ...": the role in
    front (lower case, without an article) and the rest."""
    lex = _lexicon()
    tokens = _tokenize(text)
    first = 1 if tokens and tokens[0].key in lex.determiners else 0
    end = _skip_role(tokens, first, lex, lex.roles)
    if end is None:
        return None, text
    rest = text[tokens[end].start :] if end < len(tokens) else ""
    return text[tokens[first].start : tokens[end - 1].end].lower(), rest


def _split_head(text: str) -> tuple[str, str]:
    """Split at the first separator, else before the first role word ("X adviseur bij Y")."""
    match = _SEPARATOR.search(text)
    if match:
        return text[: match.start()], text[match.start() :]
    lex = _lexicon()
    tokens = _tokenize(text)
    for i in range(1, len(tokens)):
        if (
            tokens[i].key in {"gemeente", "bij", "namens"}
            or _skip_role(tokens, i, lex, lex.roles) is not None
        ):
            return text[: tokens[i].start], text[tokens[i].start :]
    return text, ""


def _role_and_rest(tail: str) -> tuple[str | None, str | None]:
    pieces = [p.strip(_EDGE_JUNK) for p in re.split(r"[,;()]", tail.replace("|", ","))]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None, None
    lex = _lexicon()
    role = None
    for index, piece in enumerate(pieces):
        tokens = _tokenize(piece)
        end = _skip_role(tokens, 0, lex, lex.roles)
        if end is not None:
            role = piece[: tokens[end - 1].end].lower()
            rest = piece[tokens[end - 1].end :].strip()
            if rest and rest == rest.lower() and not _CONNECTOR.match(rest):
                # "universitair docent bestuurskunde": a field of work, no body; "adviseur bij de
                # provincie" names its body after the connector.
                role, rest = f"{role} {rest}", ""
            pieces[index] = _CONNECTOR.sub("", rest).strip()
            break
    organisation = ", ".join(p for p in _without_own_abbreviation(pieces) if p)
    return role, organisation or None


def _without_own_abbreviation(pieces: list[str]) -> list[str]:
    """ "Nederlands Jeugdinstituut (NJi)": a bracketed abbreviation of the name before it is that
    name again, not a second body."""
    if len(pieces) >= 2 and abbreviates(pieces[-1], pieces[-2]):
        return pieces[:-1]
    return pieces


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is an abbreviation of ``name`` ("NJi" of "Nederlands Jeugdinstituut",
    "RVO" of "Rijksdienst voor Ondernemend Nederland"): its capitals follow, in order, the
    initials of the name's words, starting with the first."""
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,7}", short.strip()):
        return False
    capitals = [c for c in short if c.isupper()]
    initials = iter(w[0].upper() for w in re.split(r"[\s-]+", name.strip()) if w)
    return len(capitals) >= 2 and name.strip()[:1] == capitals[0] and all(c in initials for c in capitals)
