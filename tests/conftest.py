"""Shared fixtures: paths, the contract schema, and one pipeline run helper."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
SAMPLE_STEM = "verslag-opstartsessie-utrecht-2019"
# Text a test leaves for the end of the run (the corpus F1 table), so CI logs always show it.
SUMMARY = pytest.StashKey[list[str]]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    for text in config.stash.get(SUMMARY, []):
        terminalreporter.write_line(text)


def run_cli(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pipeline ...`` as a user would, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"pipeline {args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads((DATA / "document.schema.json").read_text(encoding="utf-8"))
