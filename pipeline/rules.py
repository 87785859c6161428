"""Access to ``rules/``: gazetteers, lexicons and label patterns kept as data.

The folder is found next to the package (``rules/`` at the project root) unless the
environment variable ``PIPELINE_RULES`` names another one, so a user can try a rules
edit without touching code. ``rules_version()`` hashes the folder's content; the
manifest records it and the incremental cache keys on it.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


def rules_dir() -> Path:
    return Path(os.environ.get("PIPELINE_RULES", DEFAULT_RULES_DIR))


@cache
def load_yaml(name: str, folder: Path | None = None) -> Any:
    """Parse ``rules/<name>`` (YAML)."""
    path = (folder or rules_dir()) / name
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_list(name: str, folder: Path | None = None) -> tuple[str, ...]:
    """One entry per line of ``rules/<name>``; blank lines and ``#`` comments skipped."""
    path = (folder or rules_dir()) / name
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def rules_version(folder: Path | None = None) -> str:
    """A short hash over every file in the rules folder (names and bytes)."""
    root = folder or rules_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
