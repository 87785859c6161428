"""Access to ``rules/``: gazetteers, lexicons and label patterns kept as data.

The folder is found next to the package (``rules/`` at the project root) unless the
environment variable ``PIPELINE_RULES`` names another one, so a user can try a rules
edit without touching code. ``rules_version()`` hashes the folder's content; the
manifest records it and the incremental cache keys on it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
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
        # libyaml's loader where PyYAML has it: the same data, a tenth of a second less per
        # worker start-up (six files, cProfile).
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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


# Escapes ("\\S") and group syntax ("(?P<day>") are not letters to match.
_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]")


class AnyCase:
    """``re.compile(pattern, re.IGNORECASE)``, searched several times faster.

    IGNORECASE keeps ``re`` from scanning ahead for a pattern's first letters, so a search
    tries the whole pattern at every position (0.43 of 0.08 ms per report for the
    programme intro, profiled). A pattern without capitals (escapes such as ``\\S`` aside)
    means the same case-sensitively on the lower-cased text, which is what is searched
    then; offsets are the text's own. Matches give spans, not text: read the text there.
    """

    def __init__(self, pattern: str) -> None:
        self.lower = not any(c.isupper() for c in _NOT_LETTERS.sub("", pattern))
        self.pattern = re.compile(pattern, 0 if self.lower else re.IGNORECASE)
        self._fallback = re.compile(pattern, re.IGNORECASE)

    def _target(self, text: str) -> tuple[re.Pattern[str], str]:
        if self.lower:
            lowered = text.lower()
            if len(lowered) == len(text):  # "İ" lower-cases to two characters: offsets would shift
                return self.pattern, lowered
        return self._fallback, text

    def search(self, text: str) -> re.Match[str] | None:
        pattern, target = self._target(text)
        return pattern.search(target)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, target = self._target(text)
        return pattern.finditer(target)
