"""The spaCy stage: gazetteers, the organisation-versus-municipality traps, people in running
text, the tokenizer change, and the optional official model."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

from pipeline.nlp import (
    SPAN_KEY,
    SpacyModelNotInstalled,
    build_nlp,
    ents_to_found,
    get_nlp,
    municipality_phrases,
)

SAMPLE = Path(__file__).resolve().parent.parent / "raw" / "verslag-opstartsessie-utrecht-2019.txt"

# A fixed list keeps these tests independent of the register's data; one test below uses the register.
PHRASES = [
    "Utrecht", "Utrechtse Heuvelrug", "Rotterdam", "Ommen", "Zwolle", "Houten", "Dongen", "Duiven",
    "Alphen aan den Rijn", "Alphen a/d Rijn", "Alphen aan de Rijn", "Den Haag", "Maastricht", "Amsterdam",
    "Bergen NH", "Bergen", "Loon op Zand", "Gooise Meren",
]  # fmt: skip

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return build_nlp(municipalities=PHRASES)


def entities(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    return [(f.label, f.text) for f in ents_to_found(nlp(text))]


GOLD_PEOPLE = [
    "Anneke le Duc", "Jitske van Popering-Verkerk", "Mathilde van de Ven", "Jornt van Zuylen", "Ko Scheele",
    "Sarah Erraja", "Sonja Bollen", "Engbert Breuker", "Emma Klever", "Freek van Berkel", "Ben van Essen",
]  # fmt: skip

M, ORG, P = "MUNICIPALITY", "ORG", "PERSON"
CASES = [
    ("Aanwezige gemeenten: Ommen, Zwolle, Loon op Zand", [(M, "Ommen"), (M, "Zwolle"), (M, "Loon op Zand")]),
    ("Alphen a/d Rijn en Bergen NH", [(M, "Alphen a/d Rijn"), (M, "Bergen NH")]),
    ("bijeenkomst in Den Haag", [(M, "Den Haag")]),
    ("Verslag opstartsessie ontwikkeltrajecten in Utrecht", [(M, "Utrecht")]),
    # Organisations win over the place inside their name.
    (
        "Jitske van Popering-Verkerk (Erasmus Universiteit Rotterdam)",
        [(P, "Jitske van Popering-Verkerk"), (ORG, "Erasmus Universiteit Rotterdam")],
    ),
    (
        "studenten van Hogeschool Utrecht en Universiteit Utrecht",
        [(ORG, "Hogeschool Utrecht"), (ORG, "Universiteit Utrecht")],
    ),
    ("de gemeente Utrechtse Heuvelrug", [(M, "Utrechtse Heuvelrug")]),
    ("Provincie Utrecht", [(ORG, "Provincie Utrecht")]),
    # A venue keeps its place as a municipality mention.
    ("naar de volksuniversiteit Utrecht, met het doel", [(ORG, "volksuniversiteit Utrecht"), (M, "Utrecht")]),
    # People, with particles, titles stripped, and a surname that is also a municipality.
    ("wethouder Petra de Groot uit Zwolle", [(P, "Petra de Groot"), (M, "Zwolle")]),
    ("Carola van Houten en Tamara van Dongen", [(P, "Carola van Houten"), (P, "Tamara van Dongen")]),
    ("Piet in 't Veld (VNG)", [(P, "Piet in 't Veld"), (ORG, "VNG")]),
    ("Begeleiding: Jornt van Zuylen (VNG)", [(P, "Jornt van Zuylen"), (ORG, "VNG")]),
    # Case-sensitive gazetteer: ordinary words are no municipalities.
    ("Er vlogen duiven over de houten brug.", []),
    ("De minister van Binnenlandse Zaken", [(ORG, "Binnenlandse Zaken")]),
    ("Mail Emma.Klever@VNG.nl", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entities(nlp: spacy.language.Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected


def test_titles_stripped_in_value(nlp: spacy.language.Language) -> None:
    found = ents_to_found(nlp("De presentatie van drs. K. Jansen en mevr. Petra de Groot."))
    assert [(f.text, f.value, f.source) for f in found] == [
        ("K. Jansen", "K. Jansen", "ner:person"),
        ("Petra de Groot", "Petra de Groot", "ner:person"),
    ]


def test_sources_and_values(nlp: spacy.language.Language) -> None:
    found = ents_to_found(nlp("Mathilde van de Ven (VNG) in Ommen"))
    assert [(f.label, f.value, f.source) for f in found] == [
        (P, "Mathilde van de Ven", "ner:person"),
        (ORG, "Vereniging van Nederlandse Gemeenten", "gazetteer:organisation"),
        (M, "Ommen", "gazetteer:municipality"),
    ]
    doc = nlp("volksuniversiteit Utrecht")
    assert [e.label_ for e in doc.ents] == ["ORG"]  # doc.ents cannot overlap; the span group can
    assert [s.label_ for s in doc.spans["dia"]] == ["ORG", "GEMEENTE"]


def test_sample_people_and_organisations(nlp: spacy.language.Language) -> None:
    found = ents_to_found(nlp(SAMPLE.read_text(encoding="utf-8")))
    people = {f.value for f in found if f.label == P}
    # The gold list; "Jitske van Popering" is the text's own short form, merged later by extract.
    assert people - {"Jitske van Popering"} == set(GOLD_PEOPLE)
    orgs = {f.value for f in found if f.label == ORG}
    assert "Erasmus Universiteit Rotterdam" in orgs and "Movisie" in orgs
    assert not any(f.label == M and f.text == "Rotterdam" for f in found)


@pytest.mark.parametrize(
    "template", ["De gemeente {} doet mee.", "Deelnemers: {}, Utrecht en Zwolle.", "Sessie ({})"]
)
def test_every_written_form_of_a_municipality_is_matched_in_running_text(template: str) -> None:
    """The tokenizer runs without spaCy's special cases (start-up time): a phrase and the
    text around it must still split so that every form the register knows ("Hengelo (O.)",
    "Nuenen c.a.", "Alphen a/d Rijn", "'s-Hertogenbosch") matches with its exact span."""
    nlp = get_nlp()
    assert not nlp.tokenizer.rules
    missed = []
    for phrase in municipality_phrases():
        text = template.format(phrase)
        doc = nlp(text)
        start = text.index(phrase)
        spans = {(span.start_char, span.end_char) for span in doc.spans.get(SPAN_KEY, doc.ents)}
        if (start, start + len(phrase)) not in spans:
            missed.append(phrase)
    assert missed == []


def test_missing_spacy_model_gives_a_clear_error() -> None:
    expected = r"spaCy model 'nl_core_news_zz' is not installed: pip install"
    with pytest.raises(SpacyModelNotInstalled, match=expected):
        build_nlp("nl_core_news_zz", municipalities=PHRASES)


def test_installed_model_is_an_extra_source_at_lower_priority(tmp_path: Path) -> None:
    model = spacy.blank("nl")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Ommen"},
        {"label": "PER", "pattern": [{"ORTH": "Wubbo"}, {"ORTH": "Ockels"}]},
        {"label": "LOC", "pattern": "Zwolle"},
        {"label": "LOC", "pattern": "Veluwe"},
    ])  # fmt: skip
    model.to_disk(tmp_path / "tiny")
    nlp = build_nlp(str(tmp_path / "tiny"), municipalities=PHRASES)
    found = ents_to_found(nlp("Wubbo Ockels uit Ommen fietste van Zwolle naar de Veluwe"))
    by_text = {f.text: f for f in found}
    assert by_text["Wubbo Ockels"].source == "ner:model:tiny"
    assert by_text["Wubbo Ockels"].confidence < 0.75
    assert by_text["Ommen"].label == M and by_text["Ommen"].source == "gazetteer:municipality"
    assert by_text["Zwolle"].label == M
    assert by_text["Veluwe"].label == "LOCATION"


def test_an_installed_model_reads_a_text_past_its_own_million_characters(tmp_path: Path) -> None:
    spacy.blank("nl").to_disk(tmp_path / "blank")  # an official model's max_length: 1,000,000
    nlp = build_nlp(str(tmp_path / "blank"), municipalities=PHRASES)
    text = "De gemeente Ommen doet mee. " * 40_000  # 1.1M characters
    assert len(nlp(text).ents) == 40_000


@pytest.mark.skipif(importlib.util.find_spec("pipeline.register") is None, reason="register not built yet")
def test_register_gazetteer_on_the_sample() -> None:
    from pipeline.nlp import get_nlp

    started = time.perf_counter()
    nlp = get_nlp(None)
    assert time.perf_counter() - started < 3.0  # well under a second on a quiet machine
    found = ents_to_found(nlp(SAMPLE.read_text(encoding="utf-8")))
    municipalities = {f.text for f in found if f.label == M}
    expected = {"Haarlem", "Halderberge", "Ommen", "Gouda", "Maastricht", "Utrecht", "Alphen a/d Rijn"}
    assert expected <= municipalities
    assert "Rotterdam" not in municipalities


def test_spacy_is_imported_without_its_command_line_which_still_works() -> None:
    """pipeline.spacy_import: spaCy's CLI (typer, weasel, every command) is not imported with
    the pipeline, yet ``spacy.info()`` and ``import spacy.cli`` give the real thing after."""
    code = (
        "import sys\n"
        "import pipeline.nlp\n"
        "print(sorted(m for m in ('spacy.cli', 'spacy.cli.info', 'typer', 'weasel') if m in sys.modules))\n"
        "import spacy\n"
        "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
        "import spacy.cli\n"
        "print(callable(spacy.cli.download))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split("\n")[:3] == ["[]", "True", "True"]
