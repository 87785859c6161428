"""What a person sees: a progress bar on a terminal, and a closing summary.

The bar is shown only when stdout is a terminal (not in CI logs or pipes) and not with
``--quiet``; the summary is printed unless ``--quiet``. Warnings go to stderr always.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

MAX_LISTED_FAILURES = 50


class Reporter:
    def __init__(self, quiet: bool, console: Console | None = None) -> None:
        self.quiet = quiet
        self.console = console or Console()
        self.errors = Console(stderr=True)
        self._progress: Progress | None = None
        self._bar: Any = None
        self._failed = 0

    def warn(self, message: str) -> None:
        self.errors.print(f"[yellow]warning:[/yellow] {message}", highlight=False)

    @contextmanager
    def progress(self, total: int) -> Iterator[None]:
        if self.quiet or total == 0 or not _is_terminal(self.console):
            yield
            return
        self._progress = Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, transient=True,
        )  # fmt: skip
        with self._progress:
            self._bar = self._progress.add_task("run", total=total, failed="")
            yield
        self._progress = None

    def advance(self, failed: bool) -> None:
        if self._progress is None:
            return
        self._failed += failed
        label = f"[red]{self._failed} failed[/red]" if self._failed else ""
        self._progress.update(self._bar, advance=1, failed=label)

    def summary(self, summary: dict[str, Any], failures: list[tuple[str, str]]) -> None:
        if self.quiet:
            return
        c = self.console
        docs = summary["documents"]
        c.print(
            f"[bold]{docs} documents[/bold] in {summary['seconds']:.1f} s: "
            f"[green]{summary['ok']} ok[/green], [red]{summary['failed']} failed[/red], "
            f"{summary['skipped']} skipped ({summary['unchanged']} unchanged, "
            f"{summary['duplicates']} duplicates)",
            highlight=False,
        )
        rows = Table(title="rows per table", title_justify="left", box=None, pad_edge=False)
        rows.add_column("table")
        rows.add_column("rows", justify="right")
        for name, count in summary["rows"].items():
            rows.add_row(name, str(count))
        c.print(rows)
        if failures:
            c.print(f"[red]failed documents ({len(failures)}):[/red]")
            for path, reason in failures[:MAX_LISTED_FAILURES]:
                c.print(f"  {path}: {reason}", highlight=False, markup=False, soft_wrap=True)
            if len(failures) > MAX_LISTED_FAILURES:
                c.print(f"  ... and {len(failures) - MAX_LISTED_FAILURES} more: see manifest.json")


def _is_terminal(console: Console) -> bool:
    return console.is_terminal  # rich looks at the console's file: stdout unless told otherwise
