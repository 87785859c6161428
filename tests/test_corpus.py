"""The test corpus: varied Dutch session reports with hand-made gold, scored end to end.

``tests/corpus/corpus.yml`` lists every report and how to build it (a .txt is copied byte for
byte, a .md is rendered to .docx or .pdf by ``tests/render.py``). The test builds them into a
temporary folder, runs ``python -m pipeline run`` on it as a user would, and scores the output
with :mod:`pipeline.evaluate` against the ``<stem>.gold.json`` files. It promises two things:

1. every fact is right except those listed in ``tests/corpus/known_failures.yml``, and every
   listed one still fails: fixing a failure means taking it off the list (the test says so),
   and a failure that is not on the list fails the test;
2. every field's F1 over the whole corpus is at least its floor: :data:`F1_TARGET`, or for a
   field that does not reach it yet, the ratchet in :data:`F1_FLOORS` (raised as fields improve,
   never lowered to make a change pass).

The list is (re)generated on purpose with ``tests/corpus/update_known_failures.py``, never by
this test. See ``tests/corpus/README.md`` for what each report covers and how to add one.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import ROOT, SUMMARY, run_cli

from pipeline.evaluate import Report, evaluate_dirs, print_report, report_markdown

CORPUS = ROOT / "tests" / "corpus"
CORPUS_YML = CORPUS / "corpus.yml"
KNOWN_FAILURES = CORPUS / "known_failures.yml"
MUNICIPALITIES_CSV = ROOT / "rules" / "municipalities.csv"
F1_TARGET = 0.95
# Fields still below the target, floored at what they reach today. A floor that the run beats
# by more than RATCHET_SLACK must be raised (the test says so), so gains are locked in.
# Each held-out set (corpus3, corpus4, corpus5, corpus6: eight reports written blind,
# docs/corpus*-heldout.md) lowered floors below the target; the kinds of text corpus3 and corpus4
# showed are read now. corpus5 was merged after those fixes and still costs: sessions in ASCII-art
# tables and as numbered list items; e-mail and memo headers. fix5 read its sessions between rule
# lines, module codes, ordinal chapter headings, one Word table per session and its label words.
# corpus6 (time-and-room headings, workshop codes 1A-2B, '**Leerkring X**' terms with 'Label –'
# lines, sessions in a two-column table or inside an interview answer, notulen 'wat:/wie:/door:'
# blocks) took sessions and what hangs on them below the target again; fix6a read those layouts,
# and sessions, their municipalities, facilitators and offerings are back at the target. Floors
# are what the 55-report corpus reaches, rounded down to 0.01. corpus7 (five more held-out
# reports: a timeline, a FAQ, a raadsinformatiebrief, a bilingual report, a slide-deck export)
# took facilitators, their organisations, offerings, organisations and quotes below them again;
# those floors are what the 60-report corpus reaches, rounded down to 0.01. corpus8 (six more
# held-out reports: a press release with sessions by weekday, an archived social-media post with
# emoji-keycap sessions, a grant accountability report, an English-loanword sprint recap, a
# programme grid with bios, a study-trip diary) took published, sessions, facilitators, contacts,
# offerings and programmes below the target and event_date, location, facilitator_organisations
# and organisations below their floors; those floors are what the 66-report corpus reaches,
# rounded down to 0.01 (docs/corpus8-heldout.md). fix10 (bilingual and slide labels, a letter's
# prose, header-table dates) took sessions back to the target and raised published, facilitators,
# their organisations and organisations. fix12 (section-numbered session headings with quoted
# titles) took contacts to the target and raised offerings. fix13 (labels of a visit and a sprint:
# 'Ontvangen door:', 'Meegenomen:', 'Deliverables voor de raden:', 'Vragen aan Name:'; facts keyed
# by session number elsewhere: a 'Wie zat waar?' list, speakers' bios, a contact table) took
# facilitators to the target and raised facilitator organisations and offerings, and the meeting's
# place (named venues, a trip's destination, a subtitle or '1 Inleiding' in the intro) location;
# together with fix12 facilitator organisations reached the target and offerings rose to 0.94.
# fix11 (quote shapes, dates, name and organisation traps) took published, quotes and
# organisations to the target and raised event_date.
# corpus9 (six more held-out reports: a UTF-16 toezeggingenlijst with tab-separated tables, a
# raadslid's blog with sessions named by kind in prose, a werkconferentie with 'Deelsessie <zaal>'
# and a presentielijst by organisation, an internal evaluation with 'Werkplaats N | title | cijfer'
# lines and a SWOT, a formal report with numbered paragraphs and contacts in footnotes, a thank-you
# letter with sessions as bold questions) took title, sessions, session municipalities,
# facilitators, their organisations and contacts below the target and published, event_date,
# location, offerings, programmes and organisations below their floors; those floors are what the
# 72-report corpus reaches, rounded down to 0.01 (docs/corpus9-heldout.md), measured on 08285d5;
# with fix11 merged after it, published and event_date are higher and quotes at the target.
# fix15 (sessions told in prose by a key and a quoted title, a week day by day, keycap lines; an
# offering in a sentence) raised the session fields and offerings. fix16 (header kinds: a genre or
# archive line above the headline, a publishing word in one part of a header line, a weekday with
# day/month in figures, the meeting's own line on top; programmes as check-mark items, under a
# numbered agenda item or after a colon in a sentence; place names with a particle, Belgian roles,
# more organisation shapes) took title, published, event_date, programmes and organisations to the
# target. fix17 (tab-separated tables in .txt, rows and lists keyed by session number, pipe fields
# and room names in session headings) took sessions and contacts to the target and raised the rest.
# corpus10 (six more held-out reports, measured on e8e3c7e: an e-mail thread with sessions in
# quoted replies, a griffier's notes with mixed bullets, an agenda with italic minutes and lettered
# sub-items, a photo report with facts in captions, a flyer with a transposed tafel table, a report
# with a table of contents and section-numbered chapters) took event_date, sessions, session
# municipalities, contacts, quotes and organisations below the target and location, facilitators,
# their organisations and offerings below their floors; those floors are what the 78-report
# corpus reaches, rounded down to 0.01 (docs/corpus10-heldout.md). fix18 (sessions in a report's
# numbered paragraphs "2.2 Gesprekstafel I (X).", footnote contacts, sessions under a letter's bold
# questions) took sessions and organisations back to the target and raised facilitators and offerings.
# fix20 (sessions as columns of a flyer's table labelled "Voor raadsleden uit", "Aan tafel met",
# "Je gaat naar huis met", "Vragen vooraf?"; a body named by its shape after a name's comma) took
# session municipalities to the target and raised contacts and facilitator organisations; its
# sections "3.1 X" under a chapter of sessions ("3 De drie gesprekken"), their leaders keyed "(3.1)"
# in prose and contacts by "3.1" in an appendix table raised offerings; unnumbered sections under
# a chapter of sessions ("## De workshops" over "### Title", participants in a photo caption) took
# contacts to the target. Together fix19 and fix20 took facilitators and offerings to the target.
# corpus11 (six more held-out reports written blind in two halves, measured on a54d2e4: a
# Confluence wiki-markup export with sessions in a '||Sessie||...||' table, a Word verslagformulier
# with one label/value table per werksessie and check boxes, a harvest table whose sessions span
# several rows; a livestream transcript with the tafels only in speaker turns, filled-in tafel
# forms with checkbox councils and offerings, a raadsvoorstel with ateliers in prose and councils in
# a table per municipality: none of their 18 sessions read) took published, sessions, session
# municipalities, facilitators, contacts, offerings and organisations below the target and
# event_date, location, facilitator organisations and quotes below their floors; the floors are
# what the 84-report corpus reaches, rounded down to 0.01 (docs/corpus11a-heldout.md,
# docs/corpus11b-heldout.md). Raise them as the kinds are taught.
# fix21 (filled-in forms: one label/value table per session, ticked check boxes only, the form's
# parts no sessions) took sessions and session municipalities back to the target and raised
# facilitators, contacts and offerings. fix24 (a transcript's speaker turns, sessions a chair
# announces) raised location and facilitator organisations.
# fix22 (a wiki page exported as Confluence markup read as headings, table cells, list items and
# quotes; a wiki's "Laatst bijgewerkt door ... op DATE"; a place label cell beside its value) raised
# published, location, sessions and facilitators; together they took contacts and organisations
# back to the target. fix23 (a harvest table whose sessions span rows, who sat there in prose keyed
# by the session's letter; a raadsvoorstel's ateliers in prose with councils in a table per
# municipality; 'opgeleverd DATE', 'Datum voorstel') raised published and event_date; together
# the four took facilitators and offerings back to the target.
# fix25 (a form's general-data rows or a header row over values as the document's facts, a
# village with '(gem. X)', ticked check-box programmes, a lower-case role after a quote's speaker,
# 'Programmabureau X') raised location and quotes and took organisations to the target; with
# fix22 and fix23 it took published and event_date back to the target.
# corpus12a (three more held-out reports written blind, measured on 8f5b1b1: a WhatsApp group
# export with the tafels recapped in one message, a draaiboek whose schedule rows are sessions
# among non-session rows with the councils in a 'Na afloop' column, a municipality's weekly page
# in the local paper with the sessions in a one-column 'kader' table) took facilitators, contacts,
# offerings and organisations below the target and published, event_date, location and
# facilitator organisations below their floors (docs/corpus12a-heldout.md).
# corpus12b (three more held-out reports written blind, measured on 8f5b1b1: the text version of
# an infographic with sessions as coloured cards and contacts keyed by colour, one-page Word
# factsheets per tafel, a jaarverslag chapter with the sporen in one-column text-box tables: none
# of their 9 sessions read) took facilitators, contacts and offerings below the target and
# event_date and facilitator organisations below their floors (docs/corpus12b-heldout.md). With
# both halves the floors are what the 90-report corpus reaches, rounded down to 0.01.
# fix26 (a chat export read as its messages with the recap telling the sessions; an infographic's
# text version with its cards as sessions) took sessions back to the target (0.961); fix28 (a run
# sheet's keyword rows as sessions, its notes column; header dates, places in names) raised
# event_date, and with fix26 facilitators, contacts and offerings, and organisations to the target.
# fix27 (boxes that tell sessions, a factsheet's key-facts table under its heading, emoji before a
# label) read corpus12b's nine sessions; with fix26 and fix28 it took contacts and offerings back to
# the target and raised facilitator organisations.
# corpus13a (three more held-out reports written blind, measured on 5a4c7a0: an Outlook thread
# saved as one text file with the plan in the first mail and the recap in the last, an intranet
# news item with reader comments and unnumbered intertitles as sessions, a PowerPoint hand-out
# with 'Dia N | Aantekeningen' slide tables and speaker notes: none of the hand-out's or the news
# item's six sessions read) took published and offerings below the target and event_date,
# location, facilitator organisations and quotes below their floors; those floors are what the
# 93-report corpus reaches, rounded down to 0.01 (docs/corpus13a-heldout.md).
# corpus13b (three more held-out reports written blind, measured on 5a4c7a0: a WebVTT subtitle file
# of an aftermovie with the tafels on text cards and in a voice-over split across cues, a ledenbrief
# with werkgroepen in prose, councils in a count matrix and contacts in a bijlage, a survey report
# with the tafels only as its breakdown) took session municipalities, contacts, offerings and
# organisations below the target and quotes below its floor; event_date reached the target (0.950)
# and lost its floor. Those floors are what the 93-report corpus reaches, rounded down to 0.01
# (docs/corpus13b-heldout.md). Both rounds together (96 reports) took title, facilitators,
# facilitator organisations, contacts and offerings lower still: those floors are the merged run's;
# session municipalities reached the target again with the counted councils ("alle vijf gemeenten").
# The place read past a first part's heading and a byline, and from venues named after their
# municipality ("het Stadsarchief Vlaardingen") and more venue nouns (Kulturhus): location 0.907;
# a label's venue named after its municipality or followed by its village: 0.93.
# fix30 (the hand-out's slides and title slide, the survey's tafels, keyed contacts) took title to
# 0.948 (floor 0.94 until the mail thread's and the ledenbrief's titles are read), event_date to
# 0.941 (floor 0.94) and, with fix31, contacts back to the target (0.952: floor dropped).
# fix29 (subtitle files read as their text: voices, cards, lower thirds) took title back to the
# target (0.958: floor dropped) and offerings to 0.941 (floor 0.94).
# A leader's role with its kind, a known body after it and a body's abbreviation in brackets:
# facilitator organisations 0.928 (floor 0.92).
# fix32 (the intranet item's intertitles, byline and comments; the ledenbrief's leftovers) raised
# event date and offerings to 0.94 and title to the target. Merged with the above: event date,
# facilitators, offerings and organisations at the target (floors dropped), published 0.943, quotes 0.937.
# fix33 (mail threads read mail by mail, the latest first) took location and published to the target; its one
# honest trade (Scoop named only by the plan's leader) leaves organisations at 0.948 (floor 0.94).
# A leaders' list that ends with its sentence ('Gespreksleiding: A (Org). B was ziek.'): Scoop back,
# organisations at the target (floor dropped), facilitator organisations 0.941 (floor 0.94).
F1_FLOORS: dict[str, float] = {
    "facilitator_organisations": 0.94,
    "quotes": 0.93,
}
RATCHET_SLACK = 0.02

FORMATS = ("txt", "docx", "pdf")
# The options render() takes per format; a typo in corpus.yml must not be silently ignored.
RENDER_OPTIONS = {
    "txt": set(),
    "docx": {"header", "footer"},
    "pdf": {"header", "footer", "hyphenate", "page_numbers"},
}

Fact = tuple[Any, ...]


@dataclass(frozen=True)
class Failure:
    """One fact the run got wrong: missed (in gold, not predicted) or spurious (the reverse)."""

    document: str
    """The built file's name, e.g. ``verslag-regiodag-zeeland-2019.pdf``."""
    field: str
    kind: str
    """"missing" | "spurious"."""
    fact: Fact

    def sort_key(self) -> tuple[str, str, str, str]:
        # Facts mix str, int and None, which do not compare: order by their repr.
        return (self.document, self.field, self.kind, repr(self.fact))


@dataclass(frozen=True)
class Entry:
    stem: str
    source: str
    format: str
    options: dict[str, Any]

    @property
    def built_name(self) -> str:
        return f"{self.stem}.{self.format}"


@dataclass
class CorpusRun:
    """What one build-and-run of the corpus gave."""

    report: Report
    built: list[Entry]
    not_built: list[Entry]
    failed: dict[str, str] = field(default_factory=dict)
    """Built file name -> the reason the pipeline gave for not extracting it."""
    out: Path | None = None
    """The run's output folder."""

    def failures(self) -> set[Failure]:
        names = {e.stem: e.built_name for e in self.built}
        found: set[Failure] = set()
        for path, results in self.report.documents.items():
            document = _document_name(path, names)
            for field_name, result in results.items():
                found.update(Failure(document, field_name, "missing", tuple(f)) for f in result.missing)
                found.update(Failure(document, field_name, "spurious", tuple(f)) for f in result.spurious)
        return found


# ----------------------------------------------------------------------------- corpus


def load_corpus() -> list[Entry]:
    data = yaml.safe_load(CORPUS_YML.read_text(encoding="utf-8"))
    return [
        Entry(d["stem"], d["source"], d["format"], dict(d.get("options") or {})) for d in data["documents"]
    ]


def load_renderer() -> Callable[..., Any] | None:
    """``render(markup, fmt, path, **opts)`` from tests/render.py, or None while it is not there."""
    try:
        from render import render
    except ImportError:
        return None
    return render


def build_corpus(entries: list[Entry], dest: Path) -> tuple[list[Entry], list[Entry]]:
    """Write every buildable report into ``dest`` as the pipeline will see it: (built, not built)."""
    render = load_renderer()
    built: list[Entry] = []
    not_built: list[Entry] = []
    for entry in entries:
        source = CORPUS / entry.source
        target = dest / entry.built_name
        if entry.format == "txt":
            # Bytes, not text: the encoding, BOM and line endings are what these files test.
            shutil.copyfile(source, target)
        elif render is None:
            not_built.append(entry)
            continue
        else:
            render(source.read_text(encoding="utf-8"), entry.format, target, **entry.options)
        built.append(entry)
    return built, not_built


def run_pipeline(inputs: Path, out: Path) -> dict[str, str]:
    """Run the pipeline on ``inputs`` into ``out``; the files it failed on, with the reason."""
    if importlib.util.find_spec("pipeline.batch") is not None:
        result = run_cli("run", str(inputs), "--out", str(out))
        # 1 means some documents failed: those are scored (as all facts missed), not an error.
        if result.returncode not in (0, 1):
            raise AssertionError(
                f"pipeline run exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
            )
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        return {
            Path(d["path"]).name: str(d.get("reason"))
            for d in manifest.get("documents", [])
            if d.get("status") != "ok"
        }
    return _run_in_process(inputs, out)


def _run_in_process(inputs: Path, out: Path) -> dict[str, str]:
    """Stand-in for ``pipeline run`` while the batch runner is being built: one process_file
    per document, written where ``run`` writes it."""
    from pipeline.process import StageError, process_file

    documents = out / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    failed: dict[str, str] = {}
    for path in sorted(inputs.iterdir()):
        try:
            doc = process_file(path)
        except StageError as exc:
            failed[path.name] = f"{exc.stage}: {exc.reason}"
            continue
        (documents / f"{doc['doc_id']}.json").write_text(
            json.dumps(doc, ensure_ascii=False), encoding="utf-8"
        )
    return failed


def run_corpus(workdir: Path, entries: list[Entry] | None = None) -> CorpusRun:
    """Build, run and score the corpus inside ``workdir`` (shared with update_known_failures.py)."""
    entries = entries if entries is not None else load_corpus()
    inputs, out, gold = workdir / "inputs", workdir / "out", workdir / "gold"
    for folder in (inputs, out, gold):
        folder.mkdir(parents=True, exist_ok=True)
    built, not_built = build_corpus(entries, inputs)
    for entry in built:
        shutil.copyfile(CORPUS / f"{entry.stem}.gold.json", gold / f"{entry.stem}.gold.json")
    failed = run_pipeline(inputs, out)
    return CorpusRun(evaluate_dirs(gold, out), built, not_built, failed, out)


def _document_name(path: str, built_names: dict[str, str]) -> str:
    # A document the run lost is reported by evaluate as "<stem>.gold.json (missing)".
    match = re.fullmatch(r"(?P<stem>.+)\.gold\.json \(missing\)", Path(path).name)
    return built_names.get(match["stem"], path) if match else Path(path).name


# ----------------------------------------------------------------------------- known failures


def load_known_failures() -> dict[Failure, str]:
    """Failure -> why it fails, from known_failures.yml."""
    data = yaml.safe_load(KNOWN_FAILURES.read_text(encoding="utf-8")) if KNOWN_FAILURES.exists() else None
    known: dict[Failure, str] = {}
    for item in (data or {}).get("failures") or []:
        failure = Failure(item["document"], item["field"], item["kind"], tuple(item["fact"]))
        known[failure] = str(item.get("reason") or "")
    return known


def describe(failures: set[Failure]) -> str:
    return "\n".join(
        f"  {f.document}  {f.field}  {f.kind}  {list(f.fact)!r}"
        for f in sorted(failures, key=Failure.sort_key)
    )


# ----------------------------------------------------------------------------- the run


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> CorpusRun:
    run = run_corpus(tmp_path_factory.mktemp("corpus"))
    summary = pytestconfig.stash.setdefault(SUMMARY, [])
    summary.append(f"\nTest corpus ({len(run.report.documents)} documents): F1 per field\n")
    summary.append(report_markdown(run.report))
    if run.not_built:
        warnings.warn(
            f"tests/render.py is not there yet: {len(run.not_built)} docx/pdf reports not scored",
            stacklevel=1,
        )
    print_report(run.report)
    for name, reason in sorted(run.failed.items()):
        print(f"not extracted: {name}: {reason}")
    return run


def test_failures_are_exactly_the_known_ones(corpus_run: CorpusRun) -> None:
    built = {e.built_name for e in corpus_run.built}
    known = {f for f in load_known_failures() if f.document in built}
    actual = corpus_run.failures()
    new, fixed = actual - known, known - actual
    message = []
    if new:
        message.append(
            f"{len(new)} facts fail that are not in known_failures.yml (fix the pipeline, or the gold "
            f"if the gold is wrong):\n{describe(new)}"
        )
    if fixed:
        message.append(
            f"{len(fixed)} known failures are fixed; remove them from known_failures.yml:\n{describe(fixed)}"
        )
    assert not message, "\n\n".join(message)


def test_every_field_reaches_its_f1_floor(corpus_run: CorpusRun) -> None:
    f1 = {name: round(c.f1, 3) for name, c in corpus_run.report.fields.items()}
    low = {name: v for name, v in f1.items() if v < F1_FLOORS.get(name, F1_TARGET)}
    assert not low, f"fields below their F1 floor over the corpus: {low}"


def test_f1_floors_are_ratcheted(corpus_run: CorpusRun) -> None:
    f1 = {name: round(c.f1, 3) for name, c in corpus_run.report.fields.items()}
    assert set(F1_FLOORS) <= set(f1), f"floors for unknown fields: {set(F1_FLOORS) - set(f1)}"
    stale = {
        name: (floor, f1[name])
        for name, floor in F1_FLOORS.items()
        if f1[name] >= F1_TARGET or f1[name] > floor + RATCHET_SLACK
    }
    assert not stale, "raise these floors in F1_FLOORS (or drop them once at the target): " + ", ".join(
        f"{name} floor {floor} but F1 {v}" for name, (floor, v) in sorted(stale.items())
    )


def test_every_output_document_follows_the_contract(corpus_run: CorpusRun, schema: dict) -> None:
    assert corpus_run.out is not None
    documents = sorted((corpus_run.out / "documents").glob("*.json"))
    assert len(documents) == len(corpus_run.built) - len(corpus_run.failed)
    for path in documents:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_every_document_is_built(corpus_run: CorpusRun) -> None:
    if corpus_run.not_built:
        pytest.skip("tests/render.py is not there yet; docx and pdf reports are not built")
    assert {e.built_name for e in corpus_run.built} == {e.built_name for e in load_corpus()}


# ----------------------------------------------------------------------------- the corpus itself


def test_corpus_yml_matches_the_files() -> None:
    entries = load_corpus()
    stems = [e.stem for e in entries]
    assert len(stems) == len(set(stems)), "a stem is listed twice"
    for entry in entries:
        assert entry.format in FORMATS, entry
        assert (CORPUS / entry.source).is_file(), f"{entry.source} is missing"
        assert Path(entry.source).stem == entry.stem, entry
        assert Path(entry.source).suffix == (".txt" if entry.format == "txt" else ".md"), entry
        assert set(entry.options) <= RENDER_OPTIONS[entry.format], entry
        gold = json.loads((CORPUS / f"{entry.stem}.gold.json").read_text(encoding="utf-8"))
        assert gold["source"] == entry.built_name, f"{entry.stem}: gold source must be the built file's name"
    golds = {p.name.removesuffix(".gold.json") for p in CORPUS.glob("*.gold.json")}
    assert golds == set(stems), "every gold file needs a corpus.yml entry and the other way round"


def test_corpus_keeps_its_variety() -> None:
    """The byte-level and format variety the corpus promises (an editor re-saving a file as
    UTF-8 would silently remove what it tests)."""
    entries = load_corpus()
    texts = [(CORPUS / e.source).read_bytes() for e in entries if e.format == "txt"]

    def is_utf8(data: bytes) -> bool:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    assert sum(not is_utf8(t) for t in texts) >= 2, "at least two Windows-1252 text files"
    assert any(t.startswith(b"\xef\xbb\xbf") for t in texts), "at least one UTF-8 file with BOM"
    assert any(b"\r\n" in t for t in texts), "at least one file with CRLF line endings"
    formats = [e.format for e in entries]
    assert formats.count("docx") >= 4 and formats.count("pdf") >= 4
    assert sum(bool(e.options.get("hyphenate")) for e in entries) >= 2
    assert len(entries) >= 14


_E164 = r"^\+[1-9][0-9]{6,14}$"
_EMAIL = r"^[^@\sA-Z]+@[^@\sA-Z]+\.[a-z]{2,}$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_NAME = {"type": "string", "minLength": 1}
_NULLABLE_NAME = {"type": ["string", "null"], "minLength": 1}
GOLD_KEYS = [
    *("source", "title", "published", "event_date", "location", "sessions", "quotes", "people"),
    *("organisations", "emails", "phones", "municipalities", "programmes"),
]
GOLD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": GOLD_KEYS,
    "properties": {
        "source": {"type": "string", "pattern": r"^[a-z0-9-]+\.(txt|docx|pdf)$"},
        "title": _NULLABLE_NAME,
        "published": {"type": ["string", "null"], "pattern": _DATE},
        "event_date": {"type": ["string", "null"], "pattern": _DATE},
        "location": _NULLABLE_NAME,
        "sessions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["number", "title", "municipalities", "facilitators", "contacts", "offerings"],
                "properties": {
                    "number": {"type": ["integer", "null"], "minimum": 1},
                    "title": _NAME,
                    "municipalities": {"type": "array", "items": _NAME, "uniqueItems": True},
                    "facilitators": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["name", "organisation"],
                            "properties": {"name": _NAME, "organisation": _NULLABLE_NAME},
                        },
                    },
                    "contacts": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["name", "email", "phone"],
                            "properties": {
                                "name": _NULLABLE_NAME,
                                "email": {"type": ["string", "null"], "pattern": _EMAIL},
                                "phone": {"type": ["string", "null"], "pattern": _E164},
                            },
                        },
                    },
                    "offerings": {"type": "array", "items": _NAME, "uniqueItems": True},
                },
            },
        },
        "quotes": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["speaker", "municipality", "role"],
                "properties": {
                    "speaker": _NULLABLE_NAME,
                    "municipality": _NULLABLE_NAME,
                    "role": _NULLABLE_NAME,
                },
            },
        },
        "people": {"type": "array", "items": _NAME, "uniqueItems": True},
        "organisations": {
            "type": "array",
            "items": {"type": "array", "items": _NAME, "minItems": 1, "uniqueItems": True},
        },
        "emails": {"type": "array", "items": {"type": "string", "pattern": _EMAIL}, "uniqueItems": True},
        "phones": {"type": "array", "items": {"type": "string", "pattern": _E164}, "uniqueItems": True},
        "municipalities": {"type": "array", "items": _NAME, "uniqueItems": True},
        "programmes": {"type": "array", "items": _NAME, "uniqueItems": True},
    },
}

GOLD_FILES = sorted(CORPUS.glob("*.gold.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file_is_valid(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(gold, GOLD_SCHEMA)
    sessions = gold["sessions"]
    keys = [s["number"] if s["number"] is not None else s["title"].casefold() for s in sessions]
    assert len(keys) == len(set(keys)), "sessions are scored by number (else title): they must differ"
    # The document-level lists hold everything the sessions and quotes name, as an analyst
    # would list them; a slip here would make the pipeline look wrong where it is right.
    people = set(gold["people"])
    named = {f["name"] for s in sessions for f in s["facilitators"]}
    named |= {c["name"] for s in sessions for c in s["contacts"] if c["name"]}
    named |= {q["speaker"] for q in gold["quotes"] if q["speaker"]}
    assert named <= people, f"not in people: {named - people}"
    municipalities = set(gold["municipalities"])
    used = {m for s in sessions for m in s["municipalities"]}
    used |= {q["municipality"] for q in gold["quotes"] if q["municipality"]}
    assert used <= municipalities, f"not in municipalities: {used - municipalities}"
    emails = {c["email"] for s in sessions for c in s["contacts"] if c["email"]}
    assert emails <= set(gold["emails"]), f"not in emails: {emails - set(gold['emails'])}"
    phones = {c["phone"] for s in sessions for c in s["contacts"] if c["phone"]}
    assert phones <= set(gold["phones"]), f"not in phones: {phones - set(gold['phones'])}"
    if gold["published"] and gold["event_date"]:
        assert gold["event_date"] <= gold["published"], "a report is published after its event"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_municipalities_are_cbs_names_of_the_report_date(path: Path) -> None:
    if not MUNICIPALITIES_CSV.exists():
        pytest.skip("rules/municipalities.csv is not there yet")
    import csv

    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    gold = json.loads(path.read_text(encoding="utf-8"))
    # The contract: names valid on the published date, else on the event date.
    on = date.fromisoformat(gold["published"] or gold["event_date"])
    valid = {
        row["name"]
        for row in rows
        if (not row["valid_from"] or date.fromisoformat(row["valid_from"]) <= on)
        and (not row["valid_to"] or on <= date.fromisoformat(row["valid_to"]))
    }
    names = set(gold["municipalities"])
    names |= {m for s in gold["sessions"] for m in s["municipalities"]}
    names |= {q["municipality"] for q in gold["quotes"] if q["municipality"]}
    assert names <= valid, f"not a CBS name in force on {on}: {sorted(names - valid)}"
