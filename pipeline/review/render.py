"""The diff for people: coloured text on a terminal (rich) and a self-contained HTML page.

Both group changes per document, then per table (in the order of ``TABLE_COLUMNS``), and
show old and new values side by side. The page is one file with inline CSS and no script
or external asset, so it opens offline and can be attached to a review; beside every value
it shows the source text around it (see :mod:`pipeline.review.context`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from pipeline.export import atomic_write_bytes
from pipeline.review.context import Snippet, changed_region, find_context
from pipeline.review.diff import DiffReport, DocumentDiff
from pipeline.review.records import Change
from pipeline.tables import TABLE_COLUMNS

_MARK = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def by_table(doc: DocumentDiff) -> Iterator[tuple[str, list[Change]]]:
    """A document's changes grouped per table, tables in their published order."""
    order = {name: i for i, name in enumerate(TABLE_COLUMNS)}
    tables = sorted({c.table for c in doc.changes}, key=lambda t: order.get(t, len(order)))
    for table in tables:
        yield table, [c for c in doc.changes if c.table == table]


def show_value(value: Any) -> str:
    """One value as a reviewer reads it: text as is, empty as a visible marker."""
    if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
        return "∅"
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " | ".join(show_value(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def print_text(report: DiffReport, console: Console | None = None) -> None:
    """The report on a terminal; colours only where the terminal supports them."""
    console = console or Console(soft_wrap=True, highlight=False)
    console.print(f"[bold]diff[/] {escape(str(report.old_dir))} → {escape(str(report.new_dir))}")
    for doc in report.documents:
        if doc.status == "unchanged":
            continue
        ids = _doc_ids(doc)
        console.print(f"\n[bold]{escape(doc.key)}[/]  [cyan]{doc.status}[/]  {escape(ids)}")
        for table, changes in by_table(doc):
            console.print(f"  [bold]{table}[/]")
            for change in changes:
                _print_change(console, change)
    _print_summary(console, report)


def _doc_ids(doc: DocumentDiff) -> str:
    old, new = (d["doc_id"] if d else None for d in (doc.old, doc.new))
    return old if old == new else f"{old or '∅'} → {new or '∅'}"


def _print_change(console: Console, change: Change) -> None:
    sign, colour = _MARK[change.change]
    head = f"    [{colour}]{sign} {escape(change.label)}[/]"
    if change.change != "changed":
        value = change.new if change.change == "added" else change.old
        console.print(f"{head}  {escape(show_value(value))}  [dim]{change.id}[/]")
        return
    console.print(f"{head} · [bold]{change.field}[/]  [dim]{change.id}[/]")
    console.print(f"        [red]old:[/] {escape(show_value(change.old))}")
    console.print(f"        [green]new:[/] {escape(show_value(change.new))}")


def _print_summary(console: Console, report: DiffReport) -> None:
    summary = report.summary()
    docs, records = summary["documents"], summary["records"]
    if report.equal:
        console.print(f"\n[green]equal[/]: {docs['unchanged']} documents, no changes")
        return
    console.print(
        f"\n[bold]summary[/]: documents {docs['added']} added, {docs['removed']} removed, "
        f"{docs['changed']} changed, {docs['unchanged']} unchanged; records {records['added']} added, "
        f"{records['removed']} removed, {records['changed']} changed ({summary['fields_changed']} fields); "
        f"{summary['changes']} changes"
    )


# --- HTML -------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:80rem}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1.2rem 0 .4rem;color:#444}
.summary td,.summary th{padding:.1rem .8rem;text-align:right}
.change{border:1px solid #ddd;border-left:6px solid #999;margin:.5rem 0;padding:.4rem .7rem}
.added{border-left-color:#2a2} .removed{border-left-color:#c33} .changed{border-left-color:#d90}
.head{font-weight:600} .id{color:#777;font-family:monospace;font-weight:400;float:right}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-top:.3rem}
.side h4{margin:0;font-size:.8rem;color:#666;text-transform:uppercase}
.value{font-family:monospace;white-space:pre-wrap;background:#f6f6f6;padding:.2rem .4rem}
.old .value{background:#fdecec} .new .value{background:#eafbea}
blockquote{margin:.3rem 0 0;padding:.3rem .5rem;border-left:3px solid #ccc;color:#555;font-size:.9rem}
mark{background:#ffe36e} .none{color:#999;font-style:italic;font-size:.85rem}
"""


def write_html(report: DiffReport, path: Path) -> None:
    """Write the review page for ``report`` to ``path``."""
    atomic_write_bytes(path, html_page(report).encode("utf-8"))


def html_page(report: DiffReport) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>diff {esc(report.old_dir.name)} → {esc(report.new_dir.name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Review: {esc(str(report.old_dir))} → {esc(str(report.new_dir))}</h1>",
        _html_summary(report),
    ]
    for doc in report.documents:
        if doc.status != "unchanged":
            parts.append(_html_document(doc))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_summary(report: DiffReport) -> str:
    summary = report.summary()
    rows = "".join(
        f"<tr><th>{html.escape(table)}</th><td>{c['added']}</td><td>{c['removed']}</td><td>{c['changed']}</td></tr>"
        for table, c in summary["tables"].items()
    )
    docs = summary["documents"]
    headline = "Equal: no changes." if report.equal else f"{summary['changes']} changes."
    return (
        f'<p id="summary">{headline} '
        f"Documents: {docs['added']} added, {docs['removed']} removed, {docs['changed']} changed, "
        f"{docs['unchanged']} unchanged. Diff hash <code>{report.diff_hash[:16]}</code>.</p>"
        '<table class="summary"><tr><th>table</th><th>records added</th><th>removed</th>'
        f"<th>changed</th></tr>{rows}</table>"
    )


def _html_document(doc: DocumentDiff) -> str:
    esc = html.escape
    parts = [f"<section><h2>{esc(doc.key)} <small>({doc.status}; {esc(_doc_ids(doc))})</small></h2>"]
    for table, changes in by_table(doc):
        parts.append(f"<h3>{esc(table)}</h3>")
        parts += [_html_change(doc, change) for change in changes]
    parts.append("</section>")
    return "\n".join(parts)


def _html_change(doc: DocumentDiff, change: Change) -> str:
    esc = html.escape
    what = change.field if change.change == "changed" else change.change
    old_ctx, new_ctx = _contexts(doc, change)
    return (
        f'<div class="change {change.change}" id="{change.id}">'
        f'<div class="head">{esc(change.label)} · {esc(str(what))}<span class="id">{change.id}</span></div>'
        '<div class="sides">'
        f"{_html_side('old', change.old, old_ctx, change.change == 'added')}"
        f"{_html_side('new', change.new, new_ctx, change.change == 'removed')}"
        "</div></div>"
    )


def _contexts(doc: DocumentDiff, change: Change) -> tuple[Snippet | None, Snippet | None]:
    """The source text around the old and the new value (where the texts differ for content)."""
    if change.table == "documents" and change.field == "content":
        return changed_region(doc.old, doc.new) or (None, None)
    old = find_context(doc.old, change.anchors_old, change.session) if change.change != "added" else None
    new = find_context(doc.new, change.anchors_new, change.session) if change.change != "removed" else None
    return old, new


def _html_side(side: str, value: Any, ctx: Snippet | None, absent: bool) -> str:
    esc = html.escape
    if absent:
        return f'<div class="side {side}"><h4>{side}</h4><span class="none">not present</span></div>'
    quote = (
        f"<blockquote>{esc(ctx.before)}<mark>{esc(ctx.match)}</mark>{esc(ctx.after)}</blockquote>"
        if ctx
        else '<div class="none">no source text found for this value</div>'
    )
    shown = f'<div class="value">{esc(show_value(value))}</div>'
    return f'<div class="side {side}"><h4>{side}</h4>{shown}{quote}</div>'
