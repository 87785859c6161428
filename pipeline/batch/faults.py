"""TEST-ONLY fault injection: make a worker hang, crash or blow up memory on chosen files.

The batch runner's isolation (timeouts, crash containment, memory ceiling) can only be
tested with a document that misbehaves, and real parsers that hang or segfault on demand
do not exist. ``PIPELINE_BATCH_TEST_FAULTS`` names such documents; nothing in the pipeline
sets it, and with it unset (always, outside tests) this module does nothing.

The value is ``;``-separated rules ``ACTION:PATTERN[:ARG]``; a rule applies to a document
whose file name contains PATTERN (``*`` matches every file):

``hang[:seconds]``  sleep (default an hour: a parser that never returns)
``sleep:seconds``   sleep, then go on (slows a run down, e.g. to kill it mid-way)
``segv``            die by SIGSEGV (a crashing C parser)
``exit[:code]``     ``os._exit(code)`` (a library that calls exit)
``oom``             allocate and touch memory until stopped (a zip bomb)
``memerror``        raise MemoryError at once (an allocation refused by the address-space limit)
``record:FILE``     append "pid name" to FILE (shows which worker process ran what)

The rules are read once by the main process and handed to the workers in their config, so
they work with every start method and executor.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import PurePath

ENV_VAR = "PIPELINE_BATCH_TEST_FAULTS"


def from_env() -> str | None:
    """The fault rules of this process's environment (None outside tests)."""
    return os.environ.get(ENV_VAR) or None


def apply(spec: str | None, display_path: str) -> None:
    """Misbehave as the rules say for ``display_path``; return normally otherwise."""
    if not spec:
        return
    name = PurePath(display_path).name
    for rule in filter(None, (part.strip() for part in spec.split(";"))):
        action, _, rest = rule.partition(":")
        pattern, _, arg = rest.partition(":")
        if pattern == "*" or (pattern and pattern in name):
            _act(action, arg, name)


def _act(action: str, arg: str, name: str) -> None:
    if action in ("hang", "sleep"):
        time.sleep(float(arg or 3600))
    elif action == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
        time.sleep(60)  # the signal is delivered before this returns
    elif action == "exit":
        os._exit(int(arg or 3))
    elif action == "oom":
        _allocate_forever()
    elif action == "memerror":
        raise MemoryError("test fault")
    elif action == "record":
        with open(arg, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {name}\n")


def _allocate_forever() -> None:
    # Touch every page (bytearray of a fill value, not zeros) so RSS really grows: the
    # watchdog kills the worker, or the address-space backstop raises MemoryError.
    hoard = []
    while True:
        hoard.append(bytearray(b"\x01") * (32 * 1024 * 1024))
