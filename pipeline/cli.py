"""Command line: ``python -m pipeline run | diff | evaluate``.

Each command is a thin layer over one module (batch, diff, evaluate) so the same work
can be driven from Python or a notebook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.command()
def run(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Files and folders; default raw/.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("extracted"),
    pdf_engine: Annotated[str, typer.Option(help="pdfium (fast) or pdfplumber.")] = "pdfium",
    spacy_model: Annotated[str | None, typer.Option(help="An installed spaCy model as extra NER.")] = None,
    table_format: Annotated[
        str, typer.Option("--format", help="Table formats: csv, parquet (comma-separated).")
    ] = "csv",
    excel_safe: Annotated[bool, typer.Option("--excel-safe", help="Also write tables/excel/*.csv.")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per CPU).", show_default=False)
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds one document may take.")] = 60.0,
    memory_mb: Annotated[int, typer.Option(help="Memory ceiling per worker in MB (0: none).")] = 1500,
    max_tasks_per_worker: Annotated[int, typer.Option(help="Documents before a worker is replaced.")] = 200,
    executor: Annotated[str, typer.Option(help="local (worker processes) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
    ] = None,
    prune: Annotated[bool, typer.Option(help="Remove outputs of inputs that are gone.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    no_isolation: Annotated[
        bool, typer.Option("--no-isolation", help="Debug: run in this process (no time/memory limits).")
    ] = False,
) -> None:
    """Extract every .txt/.pdf/.docx under INPUTS into OUT (documents/, tables/, manifest.json).

    Exit 0 when every document was extracted, 1 when some failed (the rest is written),
    2 on bad usage. Unchanged documents are skipped on a rerun.
    """
    from pipeline.batch import run_batch
    from pipeline.export import parse_table_formats

    try:
        formats = parse_table_formats(table_format)
    except ValueError as exc:
        typer.echo(f"error: --format: {exc}", err=True)
        raise typer.Exit(2) from None
    code = run_batch(
        inputs or [],
        out,
        pdf_engine=pdf_engine,
        spacy_model=spacy_model,
        workers=workers,
        timeout=timeout,
        memory_mb=memory_mb,
        max_tasks_per_worker=max_tasks_per_worker,
        executor=executor,
        scheduler=scheduler,
        prune=prune,
        quiet=quiet,
        isolation=not no_isolation,
        table_formats=formats,
        excel_safe=excel_safe,
    )
    from pipeline.batch.local import stop_worker_server

    stop_worker_server()  # this process ends here: do not wait for the server's own shutdown
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of <name>.gold.json files.")],
    pred: Annotated[Path, typer.Option("--pred", help="A run's output folder.")],
    details: Annotated[bool, typer.Option(help="List every missing and spurious fact.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Precision, recall and F1 per field against hand-made gold files."""
    import json

    from pipeline.evaluate import evaluate_dirs, print_report

    if not gold.is_dir() or not pred.is_dir():
        typer.echo(f"error: not a folder: {gold if not gold.is_dir() else pred}", err=True)
        raise typer.Exit(2)
    report = evaluate_dirs(gold, pred)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, details=details)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Older (published) output folder.")],
    new: Annotated[Path, typer.Argument(help="Newer output folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained review page.")] = None,
    decisions: Annotated[
        Path | None, typer.Option("--decisions", help="Write a decisions template (YAML, or JSON by suffix).")
    ] = None,
) -> None:
    """What changed between two runs, per document, table and record. Exit 0 equal, 1 different, 2 error."""
    from pipeline.review.commands import diff_command

    raise typer.Exit(diff_command(old, new, as_json=as_json, html=html, decisions=decisions))


@app.command()
def accept(
    decisions: Annotated[Path, typer.Option("--decisions", help="A decisions file written by diff.")],
    ids: Annotated[list[str] | None, typer.Argument(help="Change ids to mark.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Mark every pending change.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="Mark them rejected instead.")] = False,
) -> None:
    """Mark changes in a decisions file accepted (or --reject) without an editor."""
    from pipeline.review.commands import accept_command

    raise typer.Exit(accept_command(decisions, ids or [], every, reject))


@app.command()
def apply(
    decisions: Annotated[Path, typer.Option("--decisions", help="A reviewed decisions file.")],
    published: Annotated[Path, typer.Option("--published", help="The published output folder.")],
    allow_pending: Annotated[
        bool, typer.Option(help="Keep OLD for pending changes instead of refusing.")
    ] = False,
) -> None:
    """Promote accepted changes into the published folder; rejected and pending keep OLD."""
    from pipeline.review.commands import apply_command

    raise typer.Exit(apply_command(decisions, published, allow_pending))


def main() -> None:
    app()
