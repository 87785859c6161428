"""Discovery: turn the command line's files and folders into a sorted list of inputs.

Folders are walked recursively for .txt, .pdf and .docx (any case). A file named on the
command line is taken whatever its extension: the reader decides by its content. Symbolic
links to files are followed; links to folders too, unless they lead back into a folder
being walked (a loop), which is reported instead of followed. Anything that cannot be
walked or read becomes an input with an ``error`` so it gets its own manifest entry; only
regular files are read (a FIFO named .txt would block a reader forever).

The path recorded for an input (manifest, ``source.path``, hence the document's bytes) is
portable: an input given as a relative path keeps it (``run raw`` records ``raw/a.txt``),
so the same command in any checkout gives the same outputs; inputs given as absolute
paths are recorded relative to the folder that holds them all (``run /data/in`` records
``a.txt``), so a copy of the inputs elsewhere gives byte-identical outputs too. Should
two different files still get the same path, the later one keeps its absolute path.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Found:
    display: str
    """The path as the user would write it: the input as given plus the path below it."""
    path: Path
    error: str | None = None


def missing_inputs(inputs: list[Path]) -> list[Path]:
    """Inputs that do not exist (a broken link counts as existing: it gets an entry)."""
    return [p for p in inputs if not os.path.lexists(p)]


def discover(inputs: list[Path], exclude: Path | None = None) -> list[Found]:
    """Every input file below ``inputs``, sorted by display path, duplicates once.

    ``exclude`` (the output folder) is never walked, so ``run . --out out`` does not read
    its own output.
    """
    excluded = _identity(exclude) if exclude is not None else None
    prefixes = display_prefixes(inputs)
    found: dict[str, Found] = {}
    for given in inputs:
        for item in _discover_one(given, prefixes[given], excluded):
            same = found.get(item.display)
            if same is not None and os.path.abspath(same.path) != os.path.abspath(item.path):
                item = Found(Path(os.path.abspath(item.path)).as_posix(), item.path, item.error)
            found.setdefault(item.display, item)
    return [found[key] for key in sorted(found)]


def display_prefixes(inputs: list[Path]) -> dict[Path, str]:
    """What each input is called in recorded paths (see the module's docstring)."""
    portable = {p for p in inputs if not p.is_absolute() and ".." not in p.parts}
    others = [Path(os.path.abspath(p)) for p in inputs if p not in portable]
    folders = [p if os.path.isdir(p) else p.parent for p in others]
    base = os.path.commonpath(folders) if folders else ""
    prefixes = {}
    for given in inputs:
        if given in portable:
            prefixes[given] = given.as_posix()
        else:
            relative = os.path.relpath(os.path.abspath(given), base)
            prefixes[given] = "" if relative == "." else Path(relative).as_posix()
    return prefixes


def _discover_one(given: Path, prefix: str, excluded: tuple[int, int] | None) -> list[Found]:
    try:
        st = os.stat(given)
    except OSError as exc:
        return [Found(prefix or given.as_posix(), given, _link_error(exc))]
    if stat.S_ISDIR(st.st_mode):
        out: list[Found] = []
        _walk(given, prefix, {(st.st_dev, st.st_ino)}, excluded, out)
        return out
    if stat.S_ISREG(st.st_mode):
        return [Found(prefix, given)]
    return [Found(prefix, given, "not a regular file")]


def _walk(
    folder: Path,
    display: str,
    ancestors: set[tuple[int, int]],
    excluded: tuple[int, int] | None,
    out: list[Found],
) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        out.append(Found(display or folder.as_posix(), folder, f"cannot read folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        path, shown = Path(entry.path), f"{display}/{entry.name}" if display else entry.name
        try:
            st = os.stat(entry.path)  # follows links: a loop or dangling link raises
        except FileNotFoundError as exc:
            if entry.is_symlink() and _wanted(entry.name):
                out.append(Found(shown, path, _link_error(exc)))
            continue  # a plain file that vanished while being listed is no input any more
        except OSError as exc:
            if entry.is_symlink() or _wanted(entry.name):
                out.append(Found(shown, path, _link_error(exc)))
            continue
        identity = (st.st_dev, st.st_ino)
        if stat.S_ISDIR(st.st_mode):
            if identity == excluded:
                continue
            if identity in ancestors:
                out.append(
                    Found(shown, path, "symbolic link loop: the link points back into a folder above it")
                )
                continue
            _walk(path, shown, ancestors | {identity}, excluded, out)
        elif _wanted(entry.name):
            error = None if stat.S_ISREG(st.st_mode) else "not a regular file"
            out.append(Found(shown, path, error))


def _wanted(name: str) -> bool:
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _link_error(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link cannot be resolved"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link: its target does not exist"
    return f"cannot read: {exc.strerror or exc}"
