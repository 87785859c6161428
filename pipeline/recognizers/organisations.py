"""Organisations: a gazetteer of known ones (``rules/organisations.yml``) plus generic
shapes for the rest.

Known organisations match by any written form: an alias of one word or written in
capitals with more capitals inside (``VNG``, ``DiA``, ``Movisie``) must match with that
case, since "dia" and "waag" are ordinary words; a name of several words matches in any
case ("ministerie van Binnenlandse Zaken"). The value is the canonical name.

Unknown organisations are read from their shape, at a lower score: a head word and
capitalised words (``Stichting Present Utrecht``, ``volksuniversiteit Utrecht``,
``Ministerie van Defensie``) or capitalised words and a suffix (``Jansen Advies``,
``Bouwbedrijf Noord B.V.``). The value is the name as written; on a line in capitals (a
masthead: ``KRING REKENKAMERS GELDERLAND``) it is the name with its words capitalised.

What counts as an organisation (decided here): associations, foundations, companies,
universities and schools, ministries, provinces and water boards. ``Gemeente X`` does not:
it names a municipality, and the CBS register resolves it elsewhere. A place inside an
organisation's name belongs to the organisation, except for the venue heads
(``volksuniversiteit Utrecht``): :meth:`OrganisationGazetteer.matches` flags those so the
spaCy stage keeps the place as a municipality mention as well.

When matches overlap, a known organisation beats a generic shape, then the longer span wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from pipeline.recognizers import Found
from pipeline.rules import load_yaml

SOURCE_KNOWN = "gazetteer:organisation"
SOURCE_GENERIC = "rule:organisation"
_FUZZY_CUTOFF = 92


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """One organisation span and whether the place inside it is a venue."""

    found: Found
    venue: bool = False
    known: bool = True


_SPACES = re.compile(r"\s+")
# A line of at least two words written in capitals only (a masthead, a letterhead), after the
# line break that opens it: a pattern that starts with a literal character is only tried where
# that character stands ("^" with MULTILINE is tried at every position: 0.022 -> 0.003 ms).
_CAPITALS_LINE = re.compile(r"\n[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’&-]*(?:[ \t]+[A-ZÀ-Ý'’&-]+)+[ \t]*$", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE = re.compile(r"^(?:de|het|the)\s+")


# Asked for every known organisation found (~100 per report, mostly the same few names).
@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """Compare names without case, punctuation spacing or a leading article."""
    text = _SPACES.sub(" ", name.replace("’", "'")).strip(" .,;:").casefold()
    return _ARTICLE.sub("", text)


def _exact_case(alias: str) -> bool:
    """One word ("Movisie"), or capitals inside ("VNG", "DiA", "NVvR"): match this case only."""
    return " " not in alias.strip() or (sum(c.isupper() for c in alias) >= 2 and len(alias) <= 8)


class OrganisationGazetteer:
    """Known organisations by name, alias and email domain, plus generic name shapes."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._canonical: dict[str, str] = {}
        self._aliases: dict[str, list[str]] = {}
        self._domains: dict[str, str] = {}
        for entry in data.get("organisations", []):
            self._add(entry)
        self._known = self._compile_known()
        self._venue_heads = {h.casefold() for h in data.get("venue_heads", [])}
        self._generic = _compile_generic(data)
        self._connectors = frozenset(c.lower() for c in data.get("connectors", []))
        self._programme_words = frozenset(data.get("programme_words", []))
        connectors = "|".join(re.escape(c) for c in data.get("connectors", []))
        self._connector_after_head = re.compile(rf"\s(?:{connectors})\s")

    def _add(self, entry: dict[str, Any]) -> None:
        name = str(entry["name"])
        forms = [name, *(str(a) for a in entry.get("aliases") or [])]
        self._aliases[name] = forms
        for form in forms:
            self._canonical.setdefault(_key(form), name)
        for domain in entry.get("domains") or []:
            self._domains[str(domain).lower()] = name

    def _compile_known(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """The exact-case forms; the any-case forms lower-cased, matched in the lower-cased
        text; and the same with IGNORECASE, for the rare text that lower() makes longer.

        Matching lower-cased text without IGNORECASE: 0.55 -> 0.22 ms per report (bench)."""
        exact, anycase = [], []
        for forms in self._aliases.values():
            for form in forms:
                (exact if _exact_case(form) else anycase).append(form)

        def pattern(forms: set[str], flags: int = 0) -> re.Pattern[str]:
            alternation = trie_alternation(forms)
            # Not inside a word, an email address or a web address ("@vng.nl", "www.vng.nl").
            return re.compile(rf"(?<![\w@./-])(?:{alternation})(?![\w]|\.\w|@)", flags)

        # The same test one character on, after each first letter: a pattern that starts with
        # a lookbehind is tried at every position, one that starts with a letter of a small set
        # (the exact-case forms mostly start in upper case) is tried only where such a letter
        # stands (0.25 -> 0.06 ms per report, bench corpus). The lower-cased forms start with
        # any letter, and were slower so.
        exact_first = trie_alternation(set(exact), after_first=r"(?<![\w@./-].)")
        lowered = {form.lower() for form in anycase}
        return (
            re.compile(rf"{exact_first}(?![\w]|\.\w|@)"),
            pattern(lowered),
            pattern(set(anycase), re.IGNORECASE),
        )

    def _known_matches(self, text: str) -> Iterator[re.Match[str]]:
        exact, lowered, ignorecase = self._known
        yield from exact.finditer(text)
        lower = text.lower()
        if len(lower) == len(text):  # offsets hold ("İ" is the exception)
            yield from lowered.finditer(lower)
        else:
            yield from ignorecase.finditer(text)

    def canonical(self, name: str) -> str | None:
        """The canonical name of a known organisation written as ``name`` (typos forgiven), or None."""
        key = _key(name)
        if key in self._canonical:
            return self._canonical[key]
        if len(key) < 8:
            return None
        best = process.extractOne(key, self._canonical.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        return self._canonical[best[0]] if best else None

    def aliases(self, canonical: str) -> list[str]:
        """Every written form of a known organisation, its canonical name first."""
        name = self.canonical(canonical) or canonical
        return list(self._aliases.get(name, []))

    def by_email_domain(self, domain: str) -> str | None:
        """The organisation an email domain belongs to (``vng.nl``, ``mail.vng.nl``), or None."""
        domain = domain.lower().strip().lstrip("@").rstrip(".")
        while domain:
            if domain in self._domains:
                return self._domains[domain]
            domain = domain.partition(".")[2]
        return None

    def find(self, text: str) -> list[Found]:
        """Every organisation named in ``text``, in order of position."""
        return [m.found for m in self.matches(text)]

    def matches(self, text: str) -> list[OrgMatch]:
        """Like :meth:`find`, with the venue flag the spaCy stage needs."""
        candidates: list[OrgMatch] = []
        for match in self._known_matches(text):
            start, end = match.span()
            written = text[start:end]
            value = self._canonical[_key(written)]
            candidates.append(OrgMatch(Found("ORG", start, end, written, value, SOURCE_KNOWN, 0.95)))
        known = [c.found.start for c in candidates]
        for match in self._generic.finditer(text):
            generic = self._generic_match(text, match, known)
            if generic:
                candidates.append(generic)
        candidates.extend(self._in_capitals(text))
        return _resolve(candidates)

    def _in_capitals(self, text: str) -> Iterator[OrgMatch]:
        """Generic names on lines written in capitals, as mastheads and letterheads are
        ("KRING REKENKAMERS GELDERLAND"): read in the case the shapes know, valued so."""
        for line in _CAPITALS_LINE.finditer("\n" + text):
            # One line break put in front, so the first line has one too: "\n" + line starts at
            # the line's offset in ``text``.
            cased = self._name_case(line.group())
            for match in self._generic.finditer(cased):
                generic = self._generic_match(cased, match, [])
                if generic:
                    found = generic.found
                    start, end = line.start() + found.start - 1, line.start() + found.end - 1
                    written = text[start:end]
                    moved = Found("ORG", start, end, written, found.value, found.source, found.confidence)
                    yield OrgMatch(moved, generic.venue, known=False)

    def _name_case(self, line: str) -> str:
        """ "KRING VAN GRIFFIERS" -> "Kring van Griffiers": connectors in lower case, other words
        with a capital; the same length, so offsets hold."""
        return _WORD.sub(
            lambda w: w.group().lower() if w.group().lower() in self._connectors else w.group().capitalize(),
            line,
        )

    def _generic_match(self, text: str, match: re.Match[str], known: list[int]) -> OrgMatch | None:
        """A generic name, cut short before a known one it ran into ("X Utrecht en Hogeschool Utrecht")."""
        start, end = match.span()
        for k_start in known:
            if start < k_start < end:
                end = k_start
        head = match.group("head")
        venue = (head or "").split(" ")[0].casefold() in self._venue_heads
        if venue and self._connector_after_head.match(text, match.end("head")):
            return None  # "de bibliotheek van Assen": a building in a place, not an organisation
        written = re.sub(r"(?:\s+(?:[a-z']+|&))+\s*$|\s+$", "", text[start:end])
        words = written.split()
        if len(words) < 2 or (head and written.strip() == head):
            return None
        after_head = len(text[start : match.end("head")].split()) if head else 0
        if head and len(words) > after_head and words[after_head] in self._programme_words:
            return None  # "Regio Deal Drenthe": a programme named after its region
        value = " ".join(written.split())
        found = Found("ORG", start, start + len(written), written, value, SOURCE_GENERIC, 0.7)
        return OrgMatch(found, venue=venue, known=False)


def trie_alternation(words: set[str], after_first: str = "") -> str:
    """A regex alternation of ``words`` written as a trie; at a position, the longest word wins.

    The same matches as the words joined longest first with "|", but ``re`` tries each
    alternative in turn at every word start, and under IGNORECASE it cannot skip the ones
    whose first letter differs: the trie halved the any-case pattern's time (2.0 -> 0.9 ms
    per report, bench corpus). As before, the longest word that matches and passes the
    lookahead after it wins: the trie backtracks from longer words to shorter ones.

    ``after_first`` is put after every word's first character (a lookbehind, for instance).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie, after_first)


def _trie_pattern(node: dict[str, Any], after_first: str = "") -> str:
    branches = [
        re.escape(char) + after_first + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy "?": the longer continuations are tried before the word that ends here.
    return f"(?:{body})?" if "" in node else body


def _compile_generic(data: dict[str, Any]) -> re.Pattern[str]:
    """Head + capitalised words, or capitalised words + suffix; connectors may join the words."""
    connectors = "|".join(re.escape(c) for c in data.get("connectors", []))
    # A capitalised word that is not an acronym of its own ("VNG" is a separate organisation).
    word = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ýa-zà-ÿ]+)*\d*"
    # "Noord- en Oost-Gelderland": a compound's first part elided before "en" or "of".
    word = rf"(?:[A-ZÀ-Ý][a-zà-ÿ]+-\s(?:en|of)\s)?{word}"
    # After a head a name's word may also be an acronym or a code ("Programmabureau RES U16",
    # "Stichting NMU"): the head already says it is a body.
    code = r"[A-ZÀ-Ý][A-ZÀ-Ý\d]{1,5}(?![\w-])"
    named = rf"(?:{word}|{code})(?:\s(?:(?:{connectors})\s)?(?:{word}|{code})){{0,5}}"
    # The first letter of a head may be either case: "volksuniversiteit Utrecht". As a trie:
    # an alternation of every head was tried head by head at each word (0.53 -> 0.34 ms).
    heads = trie_alternation(
        {first + h[1:] for h in data.get("heads", []) for first in (h[0].upper(), h[0].lower())}
        | set(data.get("capitalised_heads", []))
    )
    # "Hanzehogeschool": capitalised letters, then a head ending; the ending's letters are in
    # lower case, so an ordinary word is only tried to its end (no backtracking into it).
    endings = "|".join(re.escape(e) for e in data.get("compound_heads", [])) or "(?!)"
    heads = rf"{heads}|[A-ZÀ-Ý][a-zà-ÿ]+(?:{endings})"
    suffixes = "|".join(re.escape(s) for s in sorted(data.get("suffixes", []), key=len, reverse=True))
    regions = "|".join(re.escape(r) for r in data.get("region_words", [])) or "(?!)"
    # "Zeeuws Griffiersoverleg", "Noordelijke Rekenkamer", "Nederlandse Vereniging van ...": an
    # adjective of a region before a head, which then needs no name after it.
    adjectives = set(data.get("region_adjectives", [])) | set(data.get("name_adjectives", []))
    adjective = trie_alternation(adjectives) or "(?!)"
    one_word = [h for h in [*data.get("heads", []), *data.get("capitalised_heads", [])] if " " not in h]
    own = trie_alternation(set(one_word))
    own = rf"(?:{own}|[A-ZÀ-Ý][a-zà-ÿ]+(?:{endings}))"
    return re.compile(
        rf"(?<![\w-])(?:(?:{adjective})\s(?P<own>{own})(?![\w-]|\s(?:(?:{connectors})\s)?[A-ZÀ-Ý])"
        rf"|(?:(?:{adjective})\s)?(?P<head>{heads})\s(?:(?:{connectors})\s)?{named}"
        # An article is no name of its own ("De Academie"), and a suffix ends a name on its line,
        # or a region word right after it ("Raadsleden Academie Noord").
        rf"|(?!(?:De|Het|Een)\s){word}(?:[ \t]{word}){{0,2}}[ \t](?P<suffix>{suffixes})"
        rf"(?:[ \t](?:{regions}))?)(?![\w])"
    )


def _resolve(candidates: list[OrgMatch]) -> list[OrgMatch]:
    """Known before generic, then the longer span; overlapping losers are dropped."""
    ranked = sorted(candidates, key=lambda m: (not m.known, -(m.found.end - m.found.start), m.found.start))
    kept: list[OrgMatch] = []
    taken: set[int] = set()  # characters inside a kept match
    for candidate in ranked:
        span = range(candidate.found.start, candidate.found.end)
        if taken.isdisjoint(span):
            kept.append(candidate)
            taken.update(span)
    return sorted(kept, key=lambda m: m.found.start)


@cache
def default_gazetteer() -> OrganisationGazetteer:
    """The gazetteer built from ``rules/organisations.yml`` (one per process)."""
    return OrganisationGazetteer(load_yaml("organisations.yml"))
