"""Import spaCy without its command-line package: imported for that, before anything imports spaCy.

``spacy/__init__.py`` imports ``spacy.cli.info`` to offer ``spacy.info``, and with it the whole
``spacy.cli`` package: typer, weasel and every command (download, train, project, ...). The
pipeline uses none of them, yet they were ~40 % of importing spaCy, 0.3-0.6 s CPU of every run's
start-up (in the worker server; 1.9-2.3 s instead of 2.5-2.8 s to import and warm up, measured
on a loaded machine, four runs each).

While spaCy imports, two stand-ins sit in ``sys.modules`` for ``spacy.cli`` and
``spacy.cli.info``; they are taken out right after, so a later ``import spacy.cli`` (a user's
``spacy download``) gets the real package, and ``spacy.info()`` loads the real one on its first
call. A spaCy whose ``__init__`` needs more of its CLI than ``info`` is imported whole, as before.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` on first use: the real command, imported then."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` if it is not imported yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package, module = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    package.__path__ = []  # a package, so "spacy.cli.info" resolves to the stand-in below
    module.info = _info  # type: ignore[attr-defined]
    sys.modules.update(zip(_STAND_INS, (package, module), strict=True))
    try:
        import spacy
    except ImportError:
        spacy = None  # this spaCy wants more of its CLI: import it whole below
    finally:
        for name, stand_in in zip(_STAND_INS, (package, module), strict=True):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if spacy is None:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    return spacy


import_spacy()
