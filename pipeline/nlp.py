"""The spaCy stage: municipalities, organisations and people as entities, on ``spacy.blank("nl")``.

No pretrained Dutch model is needed or downloaded. The pipeline is a blank Dutch
tokenizer with components registered by name (so a config can refer to them):

``dia_organisations``   the organisation gazetteer and generic organisation shapes (ORG)
``dia_municipalities``  a PhraseMatcher on the written forms of the CBS register (GEMEENTE)
``dia_persons``         the rule-based Dutch name recognizer (PER)
``dia_model_ner``       optional: PER/ORG/LOC of an installed official model (``--spacy-model``)
``dia_resolve``         settles overlaps and sets ``doc.ents`` and ``doc.spans["dia"]``

Every component only proposes candidates; ``dia_resolve`` decides. The conflict rule:

1. A place inside an organisation's or a person's name is part of that name: a GEMEENTE
   span strictly inside an ORG or PER span from the rules is dropped ("Erasmus Universiteit
   Rotterdam", "Hogeschool Utrecht", "Tamara van Dongen"). Venue organisations are the
   exception ("volksuniversiteit Utrecht"): both the ORG and the GEMEENTE are kept.
2. Otherwise priority decides: gazetteer (municipality, known organisation) > rule-based
   person or organisation shape > statistical model.
3. On equal priority the longer span wins, then the earlier one.

Municipality matches are case-sensitive (ORTH): "Duiven", "Houten" and "Best" are
municipalities, "duiven", "houten" and "best" are ordinary words. A token-level matcher
never matches "Utrecht" inside "Utrechtse Heuvelrug"; that is a municipality of its own.

Tokenizer: spaCy's blank tokenizer treats whitespace ("\\n", " ") as special cases, and its
cache stops after a document's first special case. Removing only those whitespace rules
gives identical tokens (tests/test_nlp.py checks) and about twice the speed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

# isort: off
import pipeline.spacy_import  # noqa: F401 (first: spaCy imported without its command line)
import spacy

# isort: on
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, filter_spans

from pipeline.recognizers import Found
from pipeline.recognizers.names import find_people
from pipeline.recognizers.organisations import SOURCE_KNOWN, default_gazetteer

GAZETTEER, RULE, MODEL = 3, 2, 1
SPACY_TO_FOUND = {"GEMEENTE": "MUNICIPALITY", "PER": "PERSON", "ORG": "ORG", "LOC": "LOCATION"}
_MODEL_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
_CANDIDATES = "dia_candidates"
_META = "dia_meta"
_TEXT = "dia_text"
SPAN_KEY = "dia"
_LONGEST_NAME = 300  # characters; no organisation or person name is longer
# spaCy's default max_length (1,000,000 characters) guards the memory of its parser and NER
# models; the blank pipeline has neither and grows about linearly, ~75 bytes per character
# (a 300-page PDF of 1.2M characters: worker peak 241 MB, 136 MB warm). 3M characters
# (some 750 pages) keeps a worker under the 400 MB budget.
MAX_TEXT_LENGTH = 3_000_000


class SpacyModelNotInstalled(RuntimeError):
    """``--spacy-model`` names a model that is not installed; nothing is ever downloaded."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model '{name}' is not installed: pip install it first "
            f"(python -m spacy download {name} does that once); the pipeline never downloads models"
        )
        self.name = name


class TextTooLong(ValueError):
    """A document's text is longer than :data:`MAX_TEXT_LENGTH`: one worker's memory budget."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"text of {length:,} characters is longer than the {MAX_TEXT_LENGTH:,} "
            "the pipeline extracts from in one piece (some 750 pages): split the document"
        )
        self.length = length


@dataclass(frozen=True, slots=True)
class _Candidate:
    label: str
    """The spaCy label: GEMEENTE, ORG, PER or LOC."""
    start: int
    end: int
    value: Any
    source: str
    confidence: float
    priority: int
    venue: bool = False


def _propose(doc: Doc, candidates: Iterable[_Candidate]) -> None:
    doc.user_data.setdefault(_CANDIDATES, []).extend(candidates)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document.

    spaCy builds ``doc.text`` from a new Token object per token on every access; three
    accesses per report were ~20% of the pipeline's time (cProfile, bench corpus).
    :func:`find_entities` stores the text it was given; a doc made by ``nlp(text)``
    keeps the first one built.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


# ----------------------------------------------------------------------------- components


class OrganisationComponent:
    """Known organisations (priority of a gazetteer) and generic shapes (priority of a rule)."""

    def __call__(self, doc: Doc) -> Doc:
        _propose(
            doc,
            (
                _Candidate(
                    "ORG",
                    m.found.start,
                    m.found.end,
                    m.found.value,
                    m.found.source,
                    m.found.confidence,
                    GAZETTEER if m.found.source == SOURCE_KNOWN else RULE,
                    m.venue,
                )
                for m in default_gazetteer().matches(text_of(doc))
            ),
        )
        return doc


class MunicipalityComponent:
    """A case-sensitive PhraseMatcher over every written form in the CBS register."""

    def __init__(self, nlp: Language, phrases: list[str]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        written = sorted({" ".join(p.split()) for p in phrases} - {""})
        self.matcher.add("GEMEENTE", list(nlp.tokenizer.pipe(written)))

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(Span(doc, s, e, label="GEMEENTE") for _, s, e in self.matcher(doc))
        _propose(
            doc,
            (
                _Candidate(
                    "GEMEENTE", s.start_char, s.end_char, s.text, "gazetteer:municipality", 0.9, GAZETTEER
                )
                for s in spans
            ),
        )
        return doc


class PersonComponent:
    """Dutch names found by :func:`pipeline.recognizers.names.find_people`."""

    def __call__(self, doc: Doc) -> Doc:
        _propose(
            doc,
            (
                _Candidate("PER", f.start, f.end, f.value, f.source, f.confidence, RULE)
                for f in find_people(text_of(doc))
            ),
        )
        return doc


class ModelComponent:
    """An installed official model's PER/ORG/LOC entities, as a source of lower confidence.

    A location the municipality gazetteer knows becomes GEMEENTE; others stay LOC.
    """

    def __init__(self, model: str, municipality_names: frozenset[str]) -> None:
        # A model given as a folder is named by the folder: "ner:model:nl_core_news_sm".
        self.source = f"ner:model:{Path(model).name if model_installed(model) else model}"
        self.model = load_model(model)
        # The same limit as the blank pipeline's: an official model's default (1M characters)
        # would fail a long report that the rest of the pipeline reads.
        self.model.max_length = MAX_TEXT_LENGTH
        self.municipality_names = municipality_names

    def __call__(self, doc: Doc) -> Doc:
        source = self.source
        out = []
        for ent in self.model(text_of(doc)).ents:
            label = _MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            if label == "LOC" and ent.text in self.municipality_names:
                label = "GEMEENTE"
            out.append(_Candidate(label, ent.start_char, ent.end_char, ent.text, source, 0.5, MODEL))
        _propose(doc, out)
        return doc


class ResolveComponent:
    """Settle overlapping candidates (see the module docstring) and set the entities."""

    def __call__(self, doc: Doc, set_ents: bool = True) -> Doc:
        """``set_ents=False`` (``component_cfg``) leaves ``doc.ents`` unset: setting it writes
        every token's entity tags, and :func:`find_entities` reads only the span group."""
        kept = resolve_conflicts(_trim_organisations(doc.user_data.pop(_CANDIDATES, []), text_of(doc)))
        spans, meta = [], {}
        for c in kept:
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            key = (span.start_char, span.end_char, c.label)
            meta[key] = (c.start, c.end, c.value, c.source, c.confidence)
        doc.spans[SPAN_KEY] = spans
        doc.user_data[_META] = meta
        if set_ents:
            # doc.ents cannot overlap: where a venue organisation holds its place, the organisation shows.
            doc.ents = filter_spans(spans)
        return doc


def _trim_organisations(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """An organisation read from its shape ends where a person's name starts inside it and
    runs to its end: "directeur van GGD Gelderland-Zuid Moniek Pieters" names the GGD and
    Moniek Pieters; "van de Vereniging X en Name" names X and Name, so a connector the name
    ended on ("en", "&") goes too. What is left must still be more than one word."""
    people = [c for c in candidates if c.label == "PER" and c.priority == RULE]
    if not people:
        return candidates
    out = []
    for c in candidates:
        if c.label == "ORG" and c.priority == RULE:
            person = next((p for p in people if c.start < p.start < c.end <= p.end), None)
            if person is not None:
                written = _TRAILING_JOIN.sub("", text[c.start : person.start].rstrip())
                if len(written.split()) < 2:
                    continue
                c = replace(c, end=c.start + len(written), value=" ".join(written.split()))
        out.append(c)
    return out


# A word that joins two names, left at the end of an organisation cut before a person.
_TRAILING_JOIN = re.compile(r"\s+(?:en|of|&|and)$")


def resolve_conflicts(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates that survive the conflict rule, in order of position."""
    inside = _places_inside_names(candidates)
    ranked = sorted(
        (c for c in candidates if id(c) not in inside),
        key=lambda c: (-c.priority, c.start - c.end, c.start),
    )
    kept: list[_Candidate] = []
    owner: dict[int, _Candidate] = {}  # character offset -> the kept candidate covering it
    for candidate in ranked:
        clashes = {id(k): k for pos in range(candidate.start, candidate.end) if (k := owner.get(pos))}
        if all(_may_coexist(k, candidate) for k in clashes.values()):
            kept.append(candidate)
            for pos in range(candidate.start, candidate.end):
                owner.setdefault(pos, candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _places_inside_names(candidates: list[_Candidate]) -> set[int]:
    """ids of GEMEENTE candidates strictly inside a rule-found ORG or PER (not a venue)."""
    owners = sorted(
        (c for c in candidates if c.label in ("ORG", "PER") and c.priority >= RULE and not c.venue),
        key=lambda c: c.start,
    )
    starts = [o.start for o in owners]
    inside = set()
    for place in candidates:
        if place.label != "GEMEENTE":
            continue
        # Owners start at most _LONGEST_NAME characters before the place: a short window to scan.
        low = bisect_left(starts, place.start - _LONGEST_NAME)
        high = bisect_right(starts, place.start)
        if any(
            o.end >= place.end and (o.end - o.start) > (place.end - place.start) for o in owners[low:high]
        ):
            inside.add(id(place))
    return inside


def _may_coexist(a: _Candidate, b: _Candidate) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    org, place = (a, b) if a.label == "ORG" else (b, a)
    return org.label == "ORG" and org.venue and place.label == "GEMEENTE"


# ----------------------------------------------------------------------------- factories


@Language.factory("dia_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationComponent:
    return OrganisationComponent()


@Language.factory("dia_municipalities", default_config={"phrases": None})
def make_municipalities(nlp: Language, name: str, phrases: list[str] | None) -> MunicipalityComponent:
    return MunicipalityComponent(nlp, phrases if phrases is not None else municipality_phrases())


@Language.factory("dia_persons")
def make_persons(nlp: Language, name: str) -> PersonComponent:
    return PersonComponent()


@Language.factory("dia_model_ner", default_config={"model": "", "municipalities": None})
def make_model_ner(nlp: Language, name: str, model: str, municipalities: list[str] | None) -> ModelComponent:
    names = municipalities if municipalities is not None else municipality_phrases()
    return ModelComponent(model, frozenset(names))


@Language.factory("dia_resolve")
def make_resolve(nlp: Language, name: str) -> ResolveComponent:
    return ResolveComponent()


# ----------------------------------------------------------------------------- building

TOKENIZER = "dia.tokenizer_without_special_cases.v1"


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Dutch tokenizer (``spacy.Tokenizer.v1``: prefixes, suffixes, infixes, URLs)
    without its ~4,600 special cases.

    The special cases keep abbreviations whole ("bijv.", "o.a.") and split whitespace;
    nothing here reads spaCy's tokens for either: the matchers only need the same tokens
    for a phrase and the text around it, and people are read by their own tokenizer
    (``recognizers/names.py``). Loading the special cases took 0.5 s of every run's
    start-up (cProfile); without them every output of the bench corpus (270 reports,
    all formats) and of the test corpus stayed byte for byte the same.
    """

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory


@cache
def municipality_phrases() -> list[str]:
    """Every written form of a municipality the CBS register knows."""
    from pipeline.register import default_register

    return list(default_register().phrases())


def model_installed(name: str) -> bool:
    return spacy.util.is_package(name) or Path(name).is_dir()


def load_model(name: str) -> Language:
    """An installed spaCy model by package name or path; never downloads."""
    if not model_installed(name):
        raise SpacyModelNotInstalled(name)
    # Only the NER is needed: the parser and friends would cost time for nothing.
    return spacy.load(name, exclude=["parser", "lemmatizer", "morphologizer", "tagger", "senter"])


def build_nlp(spacy_model: str | None = None, municipalities: list[str] | None = None) -> Language:
    """A fresh pipeline; ``spacy_model`` adds an installed model as an extra source.

    ``municipalities`` replaces the register's written forms (for tests and experiments).
    """
    if spacy_model and not model_installed(spacy_model):
        raise SpacyModelNotInstalled(spacy_model)
    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.max_length = MAX_TEXT_LENGTH
    nlp.add_pipe("dia_organisations")
    nlp.add_pipe("dia_municipalities", config={"phrases": municipalities})
    nlp.add_pipe("dia_persons")
    if spacy_model:
        nlp.add_pipe("dia_model_ner", config={"model": spacy_model, "municipalities": municipalities})
    nlp.add_pipe("dia_resolve")
    return nlp


@cache
def get_nlp(spacy_model: str | None = None) -> Language:
    """The pipeline for this process, built once per ``spacy_model``."""
    return build_nlp(spacy_model or None)


def ents_to_found(doc: Doc, on: date | None = None) -> list[Found]:
    """The entities of ``doc`` as :class:`Found` (labels MUNICIPALITY, ORG, PERSON, LOCATION).

    A municipality's value is its written form; with ``on`` it is the CBS code valid on that
    date instead (None when the register cannot resolve it).
    """
    spans = doc.spans.get(SPAN_KEY)
    if spans is None:  # doc.ents only then: reading it walks every token
        spans = doc.ents
    meta = doc.user_data.get(_META, {})
    text = text_of(doc)
    found = []
    for span in spans:
        start, end, value, source, confidence = meta.get(
            (span.start_char, span.end_char, span.label_),
            (span.start_char, span.end_char, span.text, "ner:spacy", 0.5),
        )
        label = SPACY_TO_FOUND.get(span.label_, span.label_)
        if label == "MUNICIPALITY" and on is not None:
            value = _municipality_code(text[start:end], on)
        found.append(Found(label, start, end, text[start:end], value, source, confidence))
    return found


def _municipality_code(written: str, on: date) -> str | None:
    from pipeline.register import default_register

    resolution = default_register().resolve(written, on)
    return resolution.code if resolution else None


def find_entities(text: str, spacy_model: str | None = None, on: date | None = None) -> list[Found]:
    """Municipalities, organisations and people in ``text`` (see :func:`ents_to_found`)."""
    if len(text) > MAX_TEXT_LENGTH:
        raise TextTooLong(len(text))
    nlp = get_nlp(spacy_model)
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text  # the tokens keep every character: doc.text == text
    # Only the span group is read here: doc.ents would cost ~0.2 ms a report (bench corpus).
    return ents_to_found(nlp(doc, component_cfg={"dia_resolve": {"set_ents": False}}), on)
