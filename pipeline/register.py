"""The CBS municipality register and name resolution.

``rules/municipalities.csv`` lists every Dutch municipality (gemeente) in force at any time
since :data:`REGISTER_START`, with its CBS code, its CBS name (with the province CBS adds to
namesakes: ``Bergen (NH.)``, ``Hengelo (O.)``), its province and the days it existed. An
empty ``valid_from`` means the code was already in force on :data:`REGISTER_START`; earlier
history is not tracked. ``rules/municipality_aliases.yml`` holds the everyday names code
cannot derive (``Den Haag``) and the written forms of the provinces.

:meth:`MunicipalityRegister.resolve` turns a written name into the municipality in force on
a report's date. A name that several municipalities carry at once (bare ``Bergen``) gives
None rather than a guess: a wrong code looks as valid as a right one downstream, while None
makes the caller look at the context (:meth:`MunicipalityRegister.candidates` lists the
options). A name that did not exist on the date still resolves, to the municipality that
carried it, with a warning that says what became of it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline import rules

CSV_NAME = "municipalities.csv"
ALIASES_NAME = "municipality_aliases.yml"
REGISTER_START = date(2015, 1, 1)
SINCE_BEFORE_REGISTER = date.min
"""``valid_from`` of a municipality already in force on :data:`REGISTER_START`."""

# How sure a resolution is, by the way it was found. A fuzzy match scores its similarity
# times FUZZY_WEIGHT, so it always ranks below a match without typos.
SCORES = {"exact": 1.0, "variant": 0.97, "alias": 0.95}
FUZZY_WEIGHT = 0.9
# Typos are only forgiven in longer names: among short ones a single edit often gives
# another real place (Ede/Epe, Uden/Urk, Velsen/Velden, Heerde/Heerle), and Indel
# similarity (rapidfuzz's ratio) counts a substitution as two edits. With 0.93, names of
# 7-10 letters allow one missing or extra letter (Meijerijstad); from 11 letters on, 0.9
# also allows one wrong letter (Valkenswaerd) but not Oosterwijk for Oisterwijk. Real
# places one typo away from a municipality are listed in the aliases file.
FUZZY_MIN_LENGTH = 6
FUZZY_CUTOFF_SHORT = 0.93
FUZZY_CUTOFF_LONG = 0.9
FUZZY_LONG_FROM = 11
# Two fuzzy candidates this close (in percentage points) for different codes: too close to call.
FUZZY_MARGIN = 3.0

_CODE = re.compile(r"GM\d{4}")
_DISAMBIGUATED = re.compile(r"^(?P<base>.+?) \((?P<qualifier>[^()]+)\)$")
_PREFIX = re.compile(r"^\s*(?:de\s+)?(?:gemeente|gem\.)\s+", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*\(\s*gemeente\s*\)\s*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    province: str
    valid_from: date
    """First day in force; :data:`SINCE_BEFORE_REGISTER` when in force on REGISTER_START."""
    valid_to: date | None
    """Last day in force; None while it exists."""
    successor_code: str | None
    """The municipality it became part of (or was renamed to); None when split."""
    split_into: tuple[str, ...] = ()
    """Every municipality that received part of it, when it was split."""

    def valid_on(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def days_from(self, on: date) -> int:
        """How many days ``on`` lies outside the period in force (0 inside it)."""
        if on < self.valid_from:
            return (self.valid_from - on).days
        if self.valid_to is not None and on > self.valid_to:
            return (on - self.valid_to).days
        return 0


@dataclass(frozen=True, slots=True)
class Resolution:
    code: str
    name: str
    method: str
    """"exact" | "alias" | "variant" | "fuzzy" (see :meth:`MunicipalityRegister.resolve`), or
    "context" when the sentence chose between namesakes (pipeline/extract/municipalities.py)."""
    score: float
    """0..1: 1.0 exact, 0.97 variant, 0.95 alias, similarity x 0.9 for fuzzy."""
    warning: str | None


# ----------------------------------------------------------------------------- normalising

_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_A_D = re.compile(r"\ba\s*[/.]\s*d\b\.?")
_NON_WORD = re.compile(r"[\W_]+")
_SINT = re.compile(r"\bst\b")
_AAN_DE = re.compile(r"\baan de\b")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose: the per-character pass below is the cost
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


# Pure, and asked for the same names again and again (each municipality of a report is
# resolved for every list, session and mention that names it): ~70 calls per report.
@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The form lookups compare: case-folded, without accents, apostrophes or punctuation,
    ``a/d`` and ``aan de`` as ``aan den``, ``St.`` as ``sint``, single spaces.

    ``'s-Gravenhage``, ``s Gravenhage`` and ``’s-gravenhage`` all give ``s gravenhage``;
    ``Bergen (NH.)`` and ``Bergen NH`` give ``bergen nh``.
    """
    text = strip_accents(text).casefold().translate(_APOSTROPHES).replace("&", " en ")
    text = _A_D.sub(" aan den ", text)
    text = _NON_WORD.sub(" ", text)
    text = _SINT.sub("sint", text)
    text = _AAN_DE.sub("aan den", text)
    return " ".join(text.split())


# ----------------------------------------------------------------------------- written forms


def _sint_forms(form: str) -> Iterator[str]:
    if "Sint-" in form:
        yield from (
            form.replace("Sint-", "St.-"),
            form.replace("Sint-", "St-"),
            form.replace("Sint-", "St. "),
        )
    if "Sint " in form:
        yield from (form.replace("Sint ", "St. "), form.replace("Sint ", "St "))


def _article_forms(form: str) -> Iterator[str]:
    for article in (" aan den ", " aan de "):
        if article in form:
            for other in (" aan den ", " aan de ", " a/d ", " a.d. "):
                yield form.replace(article, other)
            return


def _apostrophe_forms(form: str) -> Iterator[str]:
    if form.startswith("'s-"):
        rest = form[3:]
        yield from ("’s-" + rest, "s-" + rest, "'s " + rest, "’s " + rest)


def _initials_forms(form: str) -> Iterator[str]:
    """ "Hendrik-Ido-Ambacht" as tables and lists shorten it: "H.I. Ambacht". Only for three or
    more parts: "H. Giessendam" for Hardinxveld-Giessendam is nobody's way of writing it."""
    parts = form.split("-")
    if len(parts) >= 3 and all(p[:1].isupper() for p in parts):
        initials = "".join(f"{p[0]}." for p in parts[:-1])
        yield from (f"{initials} {parts[-1]}", f"{initials}{parts[-1]}")


def _hyphen_forms(form: str) -> Iterator[str]:
    if "-" in form:
        yield form.replace("-", " ")


def _accent_forms(form: str) -> Iterator[str]:
    yield strip_accents(form)


_EXPANSIONS = (_sint_forms, _article_forms, _apostrophe_forms, _initials_forms, _hyphen_forms, _accent_forms)


def written_variants(name: str) -> set[str]:
    """The ways a text commonly writes ``name`` (every combination of the expansions)."""
    forms = {name}
    for expand in _EXPANSIONS:
        forms |= {variant for form in forms for variant in expand(form)}
    return forms


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ----------------------------------------------------------------------------- loading


def _start(text: str) -> date:
    return date.fromisoformat(text) if text.strip() else SINCE_BEFORE_REGISTER


def _end(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def read_municipalities(path: Path) -> list[Municipality]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Municipality(
                code=row["code"].strip(),
                name=row["name"].strip(),
                province=row["province"].strip(),
                valid_from=_start(row["valid_from"]),
                valid_to=_end(row["valid_to"]),
                successor_code=row.get("successor_code", "").strip() or None,
                split_into=tuple((row.get("split_into") or "").split()),
            )
            for row in csv.DictReader(handle)
        ]


def _validate(municipalities: list[Municipality], provinces: set[str]) -> None:
    """Refuse a register whose rows contradict each other: a data edit must not slip through."""
    by_code = {m.code: m for m in municipalities}
    if len(by_code) != len(municipalities):
        raise ValueError(f"{CSV_NAME}: a code is listed twice")
    for m in municipalities:
        problem = _problem(m, by_code, provinces)
        if problem:
            raise ValueError(f"{CSV_NAME}: {m.code} {m.name}: {problem}")


def _problem(m: Municipality, by_code: dict[str, Municipality], provinces: set[str]) -> str | None:
    successors = [c for c in (m.successor_code, *m.split_into) if c]
    if not _CODE.fullmatch(m.code):
        return "code is not GM####"
    if m.province not in provinces:
        return f"unknown province {m.province!r}"
    if any(c not in by_code for c in successors):
        return "successor not in the register"
    if m.valid_to is None:
        return "a successor while still in force" if successors else None
    if m.valid_to < m.valid_from:
        return "ends before it starts"
    day_after = m.valid_to + timedelta(days=1)
    if not successors or not all(by_code[c].valid_on(day_after) for c in successors):
        return "no successor in force the day after it ends"
    return None


# ----------------------------------------------------------------------------- the register


class MunicipalityRegister:
    """Municipalities by code, and every written form that names them."""

    def __init__(
        self,
        municipalities: Iterable[Municipality],
        aliases: dict[str, list[str]],
        provinces: dict[str, list[str]],
        not_municipalities: Iterable[str] = (),
    ) -> None:
        self._all = sorted(municipalities, key=lambda m: m.code)
        _validate(self._all, set(provinces))
        self._by_code = {m.code: m for m in self._all}
        self._aliases = {code: list(forms) for code, forms in aliases.items()}
        unknown = set(self._aliases) - set(self._by_code)
        if unknown:
            raise ValueError(f"{ALIASES_NAME}: aliases for unknown codes {sorted(unknown)}")
        self._province_forms = provinces
        self._province_keys = {name_key(f): p for p, forms in provinces.items() for f in [p, *forms]}
        self._by_name: dict[str, list[str]] = {}
        self._index: dict[str, dict[str, str]] = {}
        self._build_index()
        # Known non-municipalities compete in typo correction and win as themselves.
        self._not_municipalities = {name_key(place) for place in not_municipalities} - set(self._index)
        self._fuzzy_choices = [*self._index, *self._not_municipalities]
        self._predecessors: dict[str, list[Municipality]] = {}
        for m in self._all:
            for code in dict.fromkeys((m.successor_code, *m.split_into)):
                if code:
                    self._predecessors.setdefault(code, []).append(m)
        self._forms: dict[str, set[str]] | None = None
        # The register does not change once built and a Resolution is frozen: a report asks
        # for the same few names again and again (list items, entities, quotes), and a
        # miss may cost a fuzzy search (resolve ~0.35 ms a report before, bench corpus).
        self._resolved = lru_cache(maxsize=16384)(self._resolve)

    @classmethod
    def load(cls, rules_dir: Path | None = None) -> MunicipalityRegister:
        """The register kept in ``rules_dir`` (default: :func:`pipeline.rules.rules_dir`)."""
        folder = rules_dir or rules.rules_dir()
        data = rules.load_yaml(ALIASES_NAME, folder) or {}
        return cls(
            read_municipalities(folder / CSV_NAME),
            data.get("aliases") or {},
            data["provinces"],
            data.get("not_municipalities") or (),
        )

    def _build_index(self) -> None:
        for m in self._all:
            self._by_name.setdefault(m.name, []).append(m.code)
            self._add(name_key(m.name), m.code, "variant")
            for short in _initials_forms(m.name):
                self._add(name_key(short), m.code, "variant")
            base = self._base_name(m)
            if base:
                self._add(name_key(base), m.code, "variant")
        for code, forms in self._aliases.items():
            for form in forms:
                self._add(name_key(form), code, "alias")

    def _add(self, key: str, code: str, method: str) -> None:
        # An official name beats an alias for the same code.
        self._index.setdefault(key, {}).setdefault(code, method)

    def _base_name(self, m: Municipality) -> str | None:
        """``Bergen`` for ``Bergen (NH.)``; None when CBS adds no province to the name."""
        match = _DISAMBIGUATED.match(m.name)
        if match is None:
            return None
        if self._province_keys.get(name_key(match["qualifier"])) != m.province:
            raise ValueError(f"{CSV_NAME}: {m.code} {m.name}: qualifier does not name {m.province}")
        return match["base"]

    # ------------------------------------------------------------------ lookups

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self._all)

    def in_force(self, on: date) -> list[Municipality]:
        """The municipalities in force on ``on``, by code (complete from REGISTER_START)."""
        return [m for m in self._all if m.valid_on(on)]

    def by_code(self, code: str) -> Municipality:
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"no municipality with CBS code {code!r}") from None

    def predecessors(self, code: str) -> list[Municipality]:
        """The municipalities that became (part of) ``code``."""
        return list(self._predecessors.get(code, []))

    # ------------------------------------------------------------------ written forms

    def phrases(self) -> list[str]:
        """Every written form a text may use, in its usual casing, for a case-sensitive matcher.

        Official names, their common variants (see :func:`written_variants`), everyday names
        and, for the names CBS disambiguates, the name alone and with each written form of
        its province (``Bergen NH``, ``Bergen (L)``, ``Hengelo Overijssel``).
        """
        return sorted(self._written_forms())

    def surface_forms(self) -> dict[str, frozenset[str]]:
        """Every written form by its :func:`name_key`, with the codes it may name.

        A key with more than one code is ambiguous on its own (``bergen``) or names a
        predecessor and its successor (``de friese meren``); :meth:`resolve` settles that.
        """
        keyed: dict[str, set[str]] = {}
        for form, codes in self._written_forms().items():
            keyed.setdefault(name_key(form), set()).update(codes)
        return {key: frozenset(codes) for key, codes in keyed.items()}

    def _written_forms(self) -> dict[str, set[str]]:
        if self._forms is None:
            forms: dict[str, set[str]] = {}
            for m in self._all:
                for written in self._forms_of(m):
                    forms.setdefault(written, set()).add(m.code)
            self._forms = forms
        return self._forms

    def _forms_of(self, m: Municipality) -> Iterator[str]:
        yield from written_variants(m.name)
        for alias in self._aliases.get(m.code, []):
            yield from written_variants(alias)
        base = self._base_name(m)
        if base:
            for qualifier in self._province_forms[m.province]:
                yield from written_variants(f"{base} {qualifier}")
                yield from written_variants(f"{base} ({qualifier})")
            yield from written_variants(base)

    # ------------------------------------------------------------------ resolving

    def candidates(self, as_written: str) -> list[Municipality]:
        """Every municipality ``as_written`` may name, at any time (no typos forgiven)."""
        text = _strip_affixes(as_written)
        hits = self._hits(text, name_key(text)) or {}
        return [self._by_code[code] for code in sorted(hits)]

    def resolve(self, as_written: str, on: date, *, fuzzy: bool = True) -> Resolution | None:
        """The municipality ``as_written`` names on the report date ``on``, or None.

        ``as_written`` is a whole candidate (a list item, a table cell), not running text.
        Methods: "exact" (the CBS name as CBS writes it), "variant" (the same name written
        otherwise: case, accents, ``a/d``, ``'s``, a province qualifier, the name without
        its CBS qualifier), "alias" (an everyday name from the aliases file) and "fuzzy"
        (a typo; only with ``fuzzy=True``). None when nothing matches or when the name fits
        several municipalities in force on ``on`` (bare ``Bergen``).
        """
        return self._resolved(as_written, on, fuzzy)

    def _resolve(self, as_written: str, on: date, fuzzy: bool) -> Resolution | None:
        text = _strip_affixes(as_written)
        key = name_key(text)
        if not key:
            return None
        hits = self._hits(text, key)
        if hits is None:
            return self._fuzzy(key, on) if fuzzy else None
        # An empty dict: a province that contradicts the name ("Hengelo (Gld.)", a village),
        # which is no typo to correct.
        return self._pick(hits, on) if hits else None

    def province_forms(self) -> dict[str, list[str]]:
        """Each province with its written forms ("Fryslân": Fr, Frl, Friesland, ...)."""
        return {p: list(forms) for p, forms in self._province_forms.items()}

    def province_names(self) -> frozenset[str]:
        """Every full written form of a province, as written ("Groningen", "Friesland")."""
        return frozenset(f for p, forms in self._province_forms.items() for f in [p, *forms] if len(f) > 3)

    def province_named(self, as_written: str) -> str | None:
        """The province ``as_written`` spells out in full ("Friesland", "Noord-Brabant",
        "Groningen"); None for anything else, abbreviations ("NH", "Gld.") included."""
        key = name_key(as_written)
        return self._province_keys.get(key) if len(key) > 3 else None

    def contradicted(self, as_written: str) -> bool:
        """True when ``as_written`` is a municipality's name with a province in which no
        municipality of that name lies ("Hengelo (Gld.)", "Bergen Zeeland"): another place."""
        text = _strip_affixes(as_written)
        return self._hits(text, name_key(text)) == {}

    def _hits(self, text: str, key: str) -> dict[str, str] | None:
        """The codes ``text`` names, each with the method that found it (see :meth:`_qualified`)."""
        hits = dict(self._index.get(key, {}))
        for code in self._by_name.get(" ".join(text.split()), []):
            hits[code] = "exact"
        return hits or self._qualified(text)

    def _qualified(self, text: str) -> dict[str, str] | None:
        """Codes for a name followed by a province ("Bergen NH", "Bergen (N.H., Noord-Holland)").

        None when ``text`` holds no known name with a province after it; an empty dict when
        it does but no municipality of that name lies in that province.
        """
        # "Zeist, Utrecht" is a list of two municipalities, not Zeist in Utrecht.
        if re.search(r"[,;]", _BRACKETED.sub("", text)):
            return None
        words = name_key(text).split()
        provinces: set[str] = set()
        while len(words) > 1:
            peeled = self._peel_province(words)
            if peeled is None:
                return None
            province, words = peeled
            provinces.add(province)
            hits = self._index.get(" ".join(words))
            if hits is not None:
                if len(provinces) > 1:
                    return {}
                return {code: "variant" for code in hits if self._by_code[code].province == province}
        return None

    def _peel_province(self, words: list[str]) -> tuple[str, list[str]] | None:
        """The province written at the end of ``words`` and the words before it."""
        for size in (3, 2, 1):
            if len(words) > size:
                province = self._province_keys.get(" ".join(words[-size:]))
                if province:
                    return province, words[:-size]
        return None

    def _fuzzy(self, key: str, on: date) -> Resolution | None:
        letters = len(key.replace(" ", ""))
        if letters < FUZZY_MIN_LENGTH:
            return None
        cutoff = FUZZY_CUTOFF_LONG if letters >= FUZZY_LONG_FROM else FUZZY_CUTOFF_SHORT
        matches = process.extract(
            key, self._fuzzy_choices, scorer=fuzz.ratio, limit=4, score_cutoff=cutoff * 100
        )
        if not matches:
            return None
        best_key, best_score, _ = matches[0]
        best_codes = set(self._index.get(best_key, ()))
        for other_key, score, _ in matches[1:]:
            if best_score - score < FUZZY_MARGIN and set(self._index.get(other_key, ())) != best_codes:
                return None
        if not best_codes:
            return None
        return self._pick(dict.fromkeys(best_codes, "fuzzy"), on, FUZZY_WEIGHT * best_score / 100)

    def _pick(self, hits: dict[str, str], on: date, fuzzy_score: float = 0.0) -> Resolution | None:
        """The hit in force on ``on``; else the one nearest in time, with a warning."""
        found = [self._by_code[code] for code in sorted(hits)]
        valid = [m for m in found if m.valid_on(on)]
        if len(valid) > 1:
            return None
        if valid:
            chosen, warning = valid[0], None
        else:
            found.sort(key=lambda m: m.days_from(on))
            if len(found) > 1 and found[0].days_from(on) == found[1].days_from(on):
                return None
            chosen, warning = found[0], self._history(found[0], on)
        method = hits[chosen.code]
        score = fuzzy_score if method == "fuzzy" else SCORES[method]
        return Resolution(chosen.code, chosen.name, method, round(score, 4), warning)

    # ------------------------------------------------------------------ history

    def _label(self, m: Municipality) -> str:
        return f"{m.name} ({m.code})"

    def _renamed(self, old: Municipality, new: Municipality) -> bool:
        """Whether ``new`` is ``old`` under another name and code (Groesbeek -> Berg en Dal)."""
        return (
            old.valid_to is not None
            and new.valid_from == old.valid_to + timedelta(days=1)
            and self._predecessors.get(new.code) == [old]
            and old.successor_code == new.code
        )

    def _history(self, m: Municipality, on: date) -> str:
        if m.valid_to is not None and on > m.valid_to:
            return f"{m.name} no longer existed on {on}: {self._fate(m)}"
        return f"{m.name} did not yet exist on {on}: {self._origin(m)}"

    def _fate(self, m: Municipality) -> str:
        assert m.valid_to is not None
        day = m.valid_to + timedelta(days=1)
        others = [self._label(self._by_code[c]) for c in m.split_into if c != m.successor_code]
        if m.successor_code is None:
            return f"split among {_join(others)} on {day}" if others else f"dissolved on {day}"
        successor = self._by_code[m.successor_code]
        verb = "renamed" if self._renamed(m, successor) else "merged into"
        fate = f"{verb} {self._label(successor)} on {day}"
        return f"{fate}; part went to {_join(others)}" if others else fate

    def _origin(self, m: Municipality) -> str:
        sources = self._predecessors.get(m.code, [])
        if len(sources) == 1 and self._renamed(sources[0], m):
            return f"{self._label(sources[0])} was renamed {m.name} on {m.valid_from}"
        whole = [self._label(p) for p in sources if p.successor_code == m.code]
        parts = [f"part of {self._label(p)}" for p in sources if p.successor_code != m.code]
        pieces = whole + parts
        return f"formed on {m.valid_from} from {_join(pieces)}" if pieces else f"formed on {m.valid_from}"


def _strip_affixes(as_written: str) -> str:
    """The name without the word "gemeente" around it ("Gemeente Ede", "Utrecht (gemeente)")."""
    return _SUFFIX.sub("", _PREFIX.sub("", as_written)).strip()


@cache
def default_register() -> MunicipalityRegister:
    """The register in the rules folder, loaded once per process."""
    return MunicipalityRegister.load()
