"""Score a run's documents against hand-made gold files, field by field.

Every field is compared as a set of normalised facts (a session's municipality is the
fact ``(session number, CBS name)``), and precision, recall and F1 are micro-averaged
over all documents. A gold file ``<stem>.gold.json`` is matched to every predicted
document whose source file has the same stem, so one gold file scores the same report
rendered as .txt, .pdf and .docx.

Organisations are alias groups in gold (``["VNG", "Vereniging van Nederlandse
Gemeenten"]``): a predicted organisation is right when its name or one of its aliases is
in a group, and each group counts once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Fact = tuple[Any, ...]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FieldResult:
    counts: Counts
    missing: list[Fact] = field(default_factory=list)
    spurious: list[Fact] = field(default_factory=list)


@dataclass
class Report:
    fields: dict[str, Counts]
    documents: dict[str, dict[str, FieldResult]]
    unmatched_gold: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fields": {
                name: {
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                }
                for name, c in self.fields.items()
            },
            "documents": {
                doc: {
                    name: {"missing": [list(f) for f in r.missing], "spurious": [list(f) for f in r.spurious]}
                    for name, r in results.items()
                    if r.missing or r.spurious
                }
                for doc, results in self.documents.items()
            },
            "unmatched_gold": self.unmatched_gold,
        }


def norm(value: Any) -> Any:
    """Compare text loosely on what does not carry meaning: case, spacing, quote style."""
    if not isinstance(value, str):
        return value
    value = value.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(value.split()).casefold().rstrip(".").strip()


def _phone(value: Any) -> Any:
    return value.get("e164") if isinstance(value, dict) else value


def _muni_name(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _person_name(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _session_key(session: dict[str, Any]) -> Any:
    return session.get("number") if session.get("number") is not None else norm(session.get("title"))


def _per_session(doc: dict[str, Any], make: Callable[[dict[str, Any]], Iterable[Fact]]) -> set[Fact]:
    return {(_session_key(s), *fact) for s in doc.get("sessions", []) for fact in make(s)}


FIELDS: dict[str, Callable[[dict[str, Any]], set[Fact]]] = {
    "title": lambda d: {(norm(d.get("title")),)} if d.get("title") else set(),
    "published": lambda d: {(d.get("published"),)} if d.get("published") else set(),
    "event_date": lambda d: {(d.get("event_date"),)} if d.get("event_date") else set(),
    "location": lambda d: {(norm(d.get("location")),)} if d.get("location") else set(),
    "sessions": lambda d: {(_session_key(s), norm(s.get("title"))) for s in d.get("sessions", [])},
    "session_municipalities": lambda d: _per_session(
        d, lambda s: {(norm(_muni_name(m)),) for m in s.get("municipalities", [])}
    ),
    "facilitators": lambda d: _per_session(
        d, lambda s: {(norm(_person_name(p)),) for p in s.get("facilitators", [])}
    ),
    "facilitator_organisations": lambda d: _per_session(
        d,
        lambda s: {
            (norm(_person_name(p)), norm(p.get("organisation")) if isinstance(p, dict) else None)
            for p in s.get("facilitators", [])
        },
    ),
    "contacts": lambda d: _per_session(
        d,
        lambda s: {
            (norm(c.get("name")), norm(c.get("email")), _phone(c.get("phone"))) for c in s.get("contacts", [])
        },
    ),
    "offerings": lambda d: _per_session(d, lambda s: {(norm(o),) for o in s.get("offerings", [])}),
    "quotes": lambda d: {
        (norm(q.get("speaker")), norm(_muni_name(q.get("municipality"))), norm(q.get("role")))
        for q in d.get("quotes", [])
    },
    "people": lambda d: {(norm(_person_name(p)),) for p in d.get("people", [])},
    "emails": lambda d: {(norm(e),) for e in d.get("emails", [])},
    "phones": lambda d: {(_phone(p),) for p in d.get("phones", [])},
    "municipalities": lambda d: {(norm(_muni_name(m)),) for m in d.get("municipalities", [])},
    "programmes": lambda d: {(norm(p),) for p in d.get("programmes", [])},
}


def compare_sets(gold: set[Fact], pred: set[Fact]) -> FieldResult:
    return FieldResult(
        Counts(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred)),
        missing=sorted(gold - pred, key=repr),
        spurious=sorted(pred - gold, key=repr),
    )


def compare_organisations(gold: dict[str, Any], pred: dict[str, Any]) -> FieldResult:
    groups = [{norm(name) for name in group} for group in gold.get("organisations", [])]
    matched: set[int] = set()
    spurious: list[Fact] = []
    for org in pred.get("organisations", []):
        names = {norm(org["name"]), *(norm(a) for a in org.get("aliases", []))}
        hit = next((i for i, group in enumerate(groups) if group & names), None)
        if hit is None:
            spurious.append((org["name"],))
        else:
            matched.add(hit)
    missing = [(sorted(groups[i])[0],) for i in range(len(groups)) if i not in matched]
    return FieldResult(Counts(tp=len(matched), fp=len(spurious), fn=len(missing)), missing, spurious)


def evaluate_pair(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, FieldResult]:
    """Field-by-field comparison of one predicted document with its gold file."""
    results = {name: compare_sets(facts(gold), facts(pred)) for name, facts in FIELDS.items()}
    results["organisations"] = compare_organisations(gold, pred)
    return results


def load_predictions(pred_dir: Path) -> list[dict[str, Any]]:
    folder = pred_dir / "documents" if (pred_dir / "documents").is_dir() else pred_dir
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _stem(path: str) -> str:
    name = Path(path).name
    return re.sub(r"\.(gold\.json|txt|pdf|docx)$", "", name, flags=re.IGNORECASE)


def evaluate_dirs(gold_dir: Path, pred_dir: Path) -> Report:
    """Score every predicted document that has a gold file with the same stem."""
    preds_by_stem: dict[str, list[dict[str, Any]]] = {}
    for pred in load_predictions(pred_dir):
        preds_by_stem.setdefault(_stem(pred["source"]["path"]), []).append(pred)
    totals = {name: Counts() for name in [*FIELDS, "organisations"]}
    documents: dict[str, dict[str, FieldResult]] = {}
    unmatched: list[str] = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        preds = preds_by_stem.get(_stem(gold_path.name), [])
        if not preds:
            unmatched.append(gold_path.name)
            # A document the run lost counts as all of its gold facts missed.
            preds = [{"source": {"path": gold_path.name + " (missing)"}}]
        for pred in preds:
            results = evaluate_pair(gold, pred)
            documents[pred["source"]["path"]] = results
            for name, result in results.items():
                totals[name].add(result.counts)
    return Report(totals, documents, unmatched)


def report_markdown(report: Report) -> str:
    """The per-field table as Markdown (for logs and the README)."""
    lines = ["| field | tp | fp | fn | precision | recall | F1 |", "|---|--:|--:|--:|--:|--:|--:|"]
    for name, c in report.fields.items():
        lines.append(
            f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |"
        )
    return "\n".join(lines)


def print_report(report: Report, *, details: bool = False) -> None:
    """A table per field (rich), then the misses per document when asked."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Extraction quality per field (micro-averaged)")
    for column in ("field", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, c in report.fields.items():
        table.add_row(
            name, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"
        )
    console = Console()
    console.print(table)
    if report.unmatched_gold:
        console.print(
            f"[yellow]gold files without a predicted document:[/] {', '.join(report.unmatched_gold)}"
        )
    if details:
        for doc, results in report.documents.items():
            for name, result in results.items():
                for fact in result.missing:
                    console.print(f"{doc}  {name}  [red]missing[/]  {fact}")
                for fact in result.spurious:
                    console.print(f"{doc}  {name}  [yellow]spurious[/]  {fact}")
