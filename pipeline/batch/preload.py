"""Imported once by the forkserver, so every local worker is forked already warm.

Importing spaCy and the pipeline and building the NER pipeline take over a second; done
here, a new or recycled worker starts in milliseconds instead of paying it again. The
forkserver only forks from this state, so it must not fail: any error leaves workers cold
(they warm themselves), never broken.
"""

from __future__ import annotations


def _warm() -> None:
    try:
        from pipeline.batch.worker import WorkerConfig, warm_up

        warm_up(WorkerConfig())
    except BaseException:  # a forkserver that dies here would take every worker with it
        pass


_warm()
